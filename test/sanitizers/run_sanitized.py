#!/usr/bin/env python3
"""Builds coro-tidy with AddressSanitizer and UndefinedBehaviorSanitizer in
a tree of its own and runs the driver's lit suite, coro-clangd's and the
unit tests there: any report fails the run.

usage: run_sanitized.py --source DIR --build DIR --lit LIT.PY
                        --compiler CXX [--exclude REGEX]
"""
import argparse
import os
import subprocess
import sys

SANITIZERS = "address,undefined"
SUPPRESSIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "lsan.supp")
ENVIRONMENT = {
    # LLVM's libraries are not instrumented, but the inline BumpPtrAllocator
    # code compiled into our objects poisons its slabs by hand; allocations
    # through the uninstrumented copies never unpoison them. Hand poisoning
    # is off so that mix is not reported as use-after-poison.
    "ASAN_OPTIONS": "abort_on_error=1:detect_stack_use_after_return=1:"
                    "allow_user_poisoning=0",
    "LSAN_OPTIONS": "suppressions=" + SUPPRESSIONS + ":print_suppressions=0",
    "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1",
}


def step(command, **kwargs):
    print("+ " + " ".join(command), flush=True)
    return subprocess.run(command, **kwargs).returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--lit", required=True)
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--exclude", default="",
                        help="lit tests left out (their time, not their "
                        "code: packaging and the mutation sweep)")
    args = parser.parse_args()
    environment = dict(os.environ, **ENVIRONMENT)
    if not step(["cmake", "-S", args.source, "-B", args.build, "-G", "Ninja",
                 "-DCMAKE_CXX_COMPILER=" + args.compiler,
                 "-DCORO_TIDY_SANITIZE=" + SANITIZERS]):
        return 1
    if not step(["cmake", "--build", args.build, "--target", "coro-tidy",
                 "coro-clangd", "coro-tidy-unittests"]):
        return 1
    lit = [sys.executable, args.lit, "-sv", "--no-progress-bar",
           os.path.join(args.build, "test", "driver")]
    if args.exclude:
        lit += ["--filter-out", args.exclude]
    passed = step(lit, env=environment)
    passed &= step([os.path.join(args.build, "test", "coro-tidy-unittests")],
                   env=environment)
    print("sanitizers (%s): %s" % (SANITIZERS, "clean" if passed else "FAILED"))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
