#!/usr/bin/env python3
"""Prints a SARIF log's results and their code flows, one line per location,
with paths relative to the working directory's parent of 'src/', then the
rules results reference that the log does not declare.

usage: code_flows.py LOG
"""
import json
import sys


def place(location):
    physical = location["physicalLocation"]
    uri = physical["artifactLocation"]["uri"]
    path = uri[uri.rfind("/src/") + 1:] if "/src/" in uri else uri
    region = physical.get("region", {})
    return "%s:%s:%s" % (path, region.get("startLine", "?"),
                         region.get("startColumn", "?"))


def main():
    with open(sys.argv[1], encoding="utf-8") as stream:
        run = json.load(stream)["runs"][0]
    results = run["results"]
    declared = {rule["id"] for rule in run["tool"]["driver"].get("rules", [])}
    for result in results:
        print("result %s %s" % (result["ruleId"], place(result["locations"][0])))
        for flow in result.get("codeFlows", []):
            for thread in flow["threadFlows"]:
                for step in thread["locations"]:
                    text = step["location"]["message"]["text"]
                    print("  flow %s %s" % (place(step["location"]),
                                            text.split(": ")[0]))
    print("results: %d" % len(results))
    undeclared = sorted({result["ruleId"] for result in results} - declared)
    print("undeclared rules: %s" % (" ".join(undeclared) or "none"))


if __name__ == "__main__":
    main()
