#!/usr/bin/env python3
"""Renders every .rst page under a folder with docutils and prints each
problem it reports (warnings and errors), then the count: a page that
renders with errors shows garbled on GitHub and in any Sphinx build.

usage: render_docs.py DOCS_DIR
Sphinx's `option` directive (the check pages use it, as clang-tidy's do) is
read as a plain block, since docutils alone does not know it.
"""
import glob
import io
import os
import sys

from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives


class OptionDirective(Directive):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self):
        block = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, block)
        return [block]


def main():
    directives.register_directive("option", OptionDirective)
    root = sys.argv[1]
    problems = 0
    for page in sorted(glob.glob(os.path.join(root, "**", "*.rst"),
                                 recursive=True)):
        stream = io.StringIO()
        with open(page, encoding="utf-8") as source:
            publish_doctree(source.read(), source_path=page, settings_overrides={
                "warning_stream": stream, "report_level": 2, "halt_level": 5})
        for line in stream.getvalue().splitlines():
            if ": (" in line and ("WARNING/" in line or "ERROR/" in line
                                  or "SEVERE/" in line):
                print(line.replace(root.rstrip("/") + "/", ""))
                problems += 1
    print("problems: %d" % problems)
    return 0


if __name__ == "__main__":
    sys.exit(main())
