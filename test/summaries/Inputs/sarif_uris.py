#!/usr/bin/env python3
"""Prints where a SARIF log's locations are: the %SRCROOT% it declares, then
per result its location's base and URI, its message, and each related
location's id, base and URI.

usage: sarif_uris.py LOG
"""
import json
import sys


def where(location):
    artifact = location["physicalLocation"]["artifactLocation"]
    return "%s %s" % (artifact.get("uriBaseId", "-"), artifact["uri"])


def main():
    with open(sys.argv[1], encoding="utf-8") as stream:
        run = json.load(stream)["runs"][0]
    for base, value in sorted(run.get("originalUriBaseIds", {}).items()):
        print("base %s %s" % (base, value["uri"]))
    for result in run["results"]:
        print("result %s" % where(result["locations"][0]))
        print("  message %s" % result["message"]["text"])
        for related in result.get("relatedLocations", []):
            print("  related %s %s" % (related.get("id", "-"), where(related)))


if __name__ == "__main__":
    main()
