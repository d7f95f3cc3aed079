# lit configuration shared by both hosts; lit.site.cfg.py picks the host.
import os
import shlex
import subprocess

import lit.formats

config.name = "coro-tidy-" + config.coro_tidy_host
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "unit", "fuzz", "sanitizers"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.coro_tidy_exec_root

# %coro_tidy runs clang-tidy with the coro-* checks in the host under test.
hosts = {
    "plugin": "%s -load %s"
    % (shlex.quote(config.clang_tidy), shlex.quote(config.coro_tidy_plugin)),
    "driver": shlex.quote(config.coro_tidy_driver),
}
config.available_features.add(config.coro_tidy_host + "-host")

# Flags for real library headers: standalone asio needs ASIO_HAS_CO_AWAIT
# under clang.
asio_flags = "-std=c++20 -DASIO_HAS_CO_AWAIT=1"
qt_include = "/usr/include/x86_64-linux-gnu/qt6"
qcoro_flags = " ".join(
    ["-std=c++20", "-fPIC"]
    + ["-isystem " + os.path.join(qt_include, d) for d in ("", "QtCore", "QtNetwork", "QtSql")]
    + ["-isystem /usr/include/qcoro6" + d for d in ("", "/qcoro", "/QCoro")]
)

# docutils, for rendering docs/ as GitHub and Sphinx would.
if subprocess.call([config.python, "-c", "import docutils"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
    config.available_features.add("docutils")

# Microsoft's SARIF validator, installed by scripts/install-deps.sh.
sarif_multitool = os.path.join(
    config.coro_tidy_src_root, ".tools", "node_modules", ".bin", "sarif-multitool")
if os.path.exists(sarif_multitool):
    config.available_features.add("sarif-multitool")
config.substitutions.append(("%sarif_multitool", shlex.quote(sarif_multitool)))

# strace, where the machine lets a process trace its child: the tests that
# show which system calls a library makes.
try:
    if subprocess.run(["strace", "-o", os.devnull, "true"],
                      capture_output=True).returncode == 0:
        config.available_features.add("strace")
except OSError:
    pass

# Longest names first: lit substitutes in order.
config.substitutions.append(("%run_coro_tidy", shlex.quote(os.path.join(
    os.path.dirname(config.coro_tidy_driver), "run-coro-tidy"))))
config.substitutions.append(("%coro_tidy_driver", shlex.quote(config.coro_tidy_driver)))
config.substitutions.append(("%coro_clangd", shlex.quote(config.coro_clangd)))
config.substitutions.append(("%coro_tidy", hosts[config.coro_tidy_host]))
config.substitutions.append(("%asio_flags", asio_flags))
config.substitutions.append(("%qcoro_flags", qcoro_flags))
config.substitutions.append(("%python", shlex.quote(config.python)))
config.substitutions.append(("%clangxx", "clang++-19"))
config.substitutions.append(("%src_root", config.coro_tidy_src_root))
config.substitutions.append(("%cmake", shlex.quote(config.cmake)))
config.substitutions.append(("%obj_root", shlex.quote(config.coro_tidy_obj_root)))
config.substitutions.append(("%catalog_dir", os.path.join(config.coro_tidy_src_root, "catalog")))

# The driver's directory first: the pre-commit hook and the CMake
# integration call `coro-tidy` by name, as installed.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.coro_tidy_driver), config.llvm_tools_dir,
     config.environment.get("PATH", "")])
# Keep clang-tidy from picking up a .clang-tidy above the build directory.
config.environment["HOME"] = config.test_exec_root
