#!/usr/bin/env python3
"""Checks the tiers of checks/: each file includes only its own tier and the
tiers below it (checks -> analysis/summaries -> analysis -> analysis/flows
-> analysis/evidence -> catalog -> utils), and no check includes another
check. Prints each violation; exits 1 if there is one.

Usage: check_layering.py [CHECKS_DIR]
"""
import os
import re
import sys

TIERS = {"utils": 0, "catalog": 1, "analysis/evidence": 2,
         "analysis/flows": 3, "analysis": 4, "analysis/summaries": 5, "": 6}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def tier_of(path):
    """The tier of a path relative to checks/ ("" is the top)."""
    parts = path.split("/")
    if len(parts) > 2 and "/".join(parts[:2]) in TIERS:
        return "/".join(parts[:2])
    head = parts[0] if len(parts) > 1 else ""
    return head if head in TIERS else None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "checks")
    problems = []
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith((".h", ".cpp")):
                continue
            path = os.path.relpath(os.path.join(dirpath, name), root)
            here = tier_of(path)
            with open(os.path.join(root, path)) as f:
                text = f.read()
            for included in INCLUDE.findall(text):
                if not os.path.exists(os.path.join(root, included)):
                    continue  # a generated or out-of-tree header
                there = tier_of(included)
                if TIERS[there] > TIERS[here]:
                    problems.append("%s: includes %s, a higher tier"
                                    % (path, included))
                own_check = re.sub(r"\.(h|cpp)$", ".h", name)
                if here == "" and included.endswith("Check.h") and \
                        included != own_check and name != "CoroTidyModule.cpp":
                    problems.append("%s: includes another check, %s"
                                    % (path, included))
    for problem in problems:
        print("error: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
