"""Checks that every lock finding of upstream's misc-coroutine-hostile-raii
is also a coro-lock-across-suspend finding at the same place.

usage: same-lock-findings.py UPSTREAM_OUTPUT CORO_TIDY_OUTPUT
Each output is clang-tidy's; a finding is a 'file:line:col: warning:' line.
Prints the number of upstream findings matched; fails on any missing one.
"""
import re
import sys

WARNING = re.compile(r"^(.*?:\d+:\d+): warning: .*\[(.*)\]$")


def findings(path, check):
    with open(path) as out:
        return {m.group(1) for m in map(WARNING.match, out) if m and m.group(2) == check}


def main():
    upstream = findings(sys.argv[1], "misc-coroutine-hostile-raii")
    ours = findings(sys.argv[2], "coro-lock-across-suspend")
    missing = sorted(upstream - ours)
    for location in missing:
        print("missing: " + location)
    if not upstream:
        print("upstream reported nothing: the comparison would prove nothing")
        return 1
    print(f"{len(upstream) - len(missing)} of {len(upstream)} upstream lock findings also reported")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
