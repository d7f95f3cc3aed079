#!/usr/bin/env bash
# The steps of the coro-tidy GitHub Action (action.yml), so that the tests
# run the same script the action does.
#
#   github-action.sh install   build coro-tidy from this checkout (Debian 12,
#                              root or sudo) and put it on the job's PATH
#   github-action.sh check     run-coro-tidy over the compile database
#
# Inputs come from the environment, as action.yml sets them: BUILD_DIR (the
# folder of compile_commands.json), SARIF_FILE, CHECKS, WARNINGS_AS_ERRORS,
# SARIF_ROOT, EXTRA_ARGS (split on blanks). check writes `findings=N` and
# `sarif-file=PATH` to $GITHUB_OUTPUT when it is set, prints each finding as
# a workflow annotation, and exits as run-coro-tidy does.
set -uo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)

install_tool() {
  set -e
  local run_as_root=()
  [ "$(id -u)" -eq 0 ] || run_as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${run_as_root[@]}" apt-get update
  "${run_as_root[@]}" apt-get install -y --no-install-recommends \
    cmake ninja-build python3 clang-19 clang-tidy-19 libclang-19-dev \
    llvm-19-dev libzstd-dev libyaml-cpp-dev
  local build="${RUNNER_TEMP:-/tmp}/coro-tidy-build"
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCORO_TIDY_TESTS=OFF
  cmake --build "$build" --target coro-tidy
  echo "$build/driver" >> "${GITHUB_PATH:-/dev/null}"
  echo "coro-tidy built in $build/driver"
}

check() {
  local runner
  runner=$(command -v run-coro-tidy || true)
  if [ -z "$runner" ]; then
    echo "::error::run-coro-tidy is not on PATH: set install: source, or install the coro-tidy package first"
    return 2
  fi
  local args=(-p "${BUILD_DIR:-build}" --output-format=github
              --export-sarif="${SARIF_FILE:-coro-tidy.sarif}")
  [ -n "${CHECKS:-}" ] && args+=(--checks="$CHECKS")
  [ -n "${WARNINGS_AS_ERRORS:-}" ] && args+=(--warnings-as-errors="$WARNINGS_AS_ERRORS")
  [ -n "${SARIF_ROOT:-}" ] && args+=(--sarif-root="$SARIF_ROOT")
  # shellcheck disable=SC2206 # extra arguments are split on blanks
  [ -n "${EXTRA_ARGS:-}" ] && args+=($EXTRA_ARGS)
  local out status
  out=$(mktemp)
  python3 "$runner" "${args[@]}" | tee "$out"
  status=${PIPESTATUS[0]}
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "findings=$(grep -c '^::\(warning\|error\) ' "$out")" >> "$GITHUB_OUTPUT"
    echo "sarif-file=${SARIF_FILE:-coro-tidy.sarif}" >> "$GITHUB_OUTPUT"
  fi
  rm -f "$out"
  return "$status"
}

case "${1:-}" in
  install) install_tool ;;
  check) check ;;
  *) echo "usage: $0 install|check" >&2; exit 2 ;;
esac
