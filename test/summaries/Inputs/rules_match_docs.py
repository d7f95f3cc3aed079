#!/usr/bin/env python3
"""Checks that each coro-* rule of a SARIF log says what its check page in
docs/checks/ says: the first paragraph, the rationale, the fix and the
example, all written once in checks/CheckDescriptions.cpp. Prints one line
per rule: its short description, whether it links documentation, and what
the page lacks ("matches the docs" when nothing).

usage: rules_match_docs.py LOG DOCS_CHECKS_DIR
"""
import json
import os
import sys


def normalized(text):
    """Prose with RST's ``code`` written `code` and blanks collapsed."""
    return " ".join(text.replace("``", "`").split())


def parts(markdown):
    finds, rest = markdown.split("\n\n**Why it matters.** ", 1)
    why, rest = rest.split("\n\n**The fix.** ", 1)
    fix, example = rest.split("\n\n```c++\n", 1)
    return {"summary": finds, "rationale": why, "fix": "The fix: " + fix,
            "example": example.rsplit("\n```", 1)[0]}


def missing(rule, page):
    text = normalized(page)
    lacking = []
    for name, part in parts(rule["help"]["markdown"]).items():
        if normalized(part) not in text:
            lacking.append(name)
    if normalized(rule["fullDescription"]["text"]) not in \
            normalized(page.replace("``", "")):
        lacking.append("full description")
    return lacking


def main():
    with open(sys.argv[1], encoding="utf-8") as stream:
        rules = json.load(stream)["runs"][0]["tool"]["driver"]["rules"]
    for rule in sorted(rules, key=lambda r: r["id"]):
        if not rule["id"].startswith("coro-"):
            continue
        with open(os.path.join(sys.argv[2], rule["id"] + ".rst"),
                  encoding="utf-8") as stream:
            lacking = missing(rule, stream.read())
        print("rule %s: %s; %s; %s" % (
            rule["id"], rule["shortDescription"]["text"],
            "links " + rule["helpUri"] if "helpUri" in rule else "no link",
            "the page lacks " + ", ".join(lacking) if lacking
            else "matches the docs"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
