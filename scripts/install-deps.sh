#!/usr/bin/env bash
# Installs what coro-tidy needs to build, test and run on Debian 12:
# LLVM/Clang 19, yaml-cpp, lit's tools, GoogleTest, and the real coroutine and
# blocking-API libraries the tests and examples compile against.
set -euo pipefail

packages=(
  cmake ninja-build python3 python3-yaml python3-docutils git pre-commit file binutils debootstrap
  clang-19 clang-tidy-19 clangd-19 libclang-19-dev llvm-19-dev llvm-19-tools lld-19
  libzstd-dev libyaml-cpp-dev libgtest-dev
  libasio-dev libboost1.81-dev qcoro-qt6-dev
  libcurl4-openssl-dev libpq-dev libsqlite3-dev
  libcpp-httplib-dev libzmq3-dev libhiredis-dev libmariadb-dev libmsgsl-dev
  # Boost.Filesystem's library and strace: the test that shows its system calls
  libboost-filesystem1.81-dev strace
  # the format test; the sanitizer and libFuzzer runtimes, which clang-19
  # only recommends
  clang-format-19 libclang-rt-19-dev
  # common on clang users' machines; it puts a cxxabi.h into LLVM's include
  # folder, which the build must find after the standard library's
  libc++abi-19-dev
)

run_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

export DEBIAN_FRONTEND=noninteractive
run_as_root apt-get update
run_as_root apt-get install -y --no-install-recommends "${packages[@]}"

# Microsoft's SARIF validator (npm), for the SARIF export test; kept in the
# work tree, out of version control.
command -v npm > /dev/null || run_as_root apt-get install -y --no-install-recommends npm
root=$(cd "$(dirname "$0")/.." && pwd)
npm install --prefix "$root/.tools" --no-audit --no-fund --loglevel=error \
  @microsoft/sarif-multitool@5.7.0
# npm may skip the package's install script that makes the binary executable.
chmod u+x "$root"/.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
