#!/usr/bin/env python3
"""Writes README.md's first C++ block and first text block (the sample and
what coro-tidy prints for it) to two files, for the test that compares the
README with the tool.

usage: readme_sample.py README CPP_OUT TEXT_OUT
"""
import re
import sys


def block(text, language):
    found = re.search(r"^```%s\n(.*?)^```$" % language, text, re.S | re.M)
    if not found:
        sys.exit("readme_sample.py: no ```%s block" % language)
    return found.group(1)


def main():
    readme, cpp_out, text_out = sys.argv[1:4]
    with open(readme, encoding="utf-8") as stream:
        text = stream.read()
    for language, path in (("cpp", cpp_out), ("text", text_out)):
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(block(text, language))


if __name__ == "__main__":
    main()
