#!/usr/bin/env python3
"""Prints the warning, error and note lines of clang-tidy output, sorted,
with each path cut to what follows the last "app/" or a leading "../": the
findings of a run, whatever the order its units finished in.

usage: headlines.py OUTPUT
"""
import re
import sys


def main():
    lines = []
    with open(sys.argv[1], encoding="utf-8") as stream:
        for line in stream:
            if re.match(r"^\S.*:\d+:\d+: (warning|error|note): ", line):
                line = re.sub(r"^(.*/app/|\.\./)", "", line.rstrip("\n"))
                lines.append(line)
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main()
