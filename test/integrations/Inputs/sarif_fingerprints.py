#!/usr/bin/env python3
"""Prints each result of a SARIF log as: RULE line LINE FINGERPRINT."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as stream:
    for result in json.load(stream)["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        print("%s line %d %s" % (result["ruleId"], region["startLine"],
                                 result["partialFingerprints"]["coroTidyFinding/v1"]))
