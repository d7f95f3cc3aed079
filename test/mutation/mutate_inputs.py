#!/usr/bin/env python3
"""Mutation test for the checks: every input, cut short at two points and
with tokens deleted at random (seeded by the file's name, so every run makes
the same mutants), goes through all coro-* checks. Each run must end without
a crash or a hang, with exit status 0 (the mutant still compiles) or 1 with
clang's errors on the output.

usage: mutate_inputs.py --tidy CORO_TIDY --work DIR --subst NAME=VALUE...
                        [--jobs N] FILE...
A lit test's flags are those after "--" on its first RUN command that has
them, with %S and the --subst names replaced; other files get -std=c++20.
"""
import argparse
import concurrent.futures
import os
import random
import re
import subprocess
import sys

TOKEN = re.compile(r"\w+|\"(?:[^\"\\\n]|\\.)*\"|\S")
CUTS = (1 / 3, 2 / 3)
DELETION_MUTANTS = 2
TOKENS_DELETED = 3
TIMEOUT_SECONDS = 180
CRASH_MARKS = ("Stack dump:", "PLEASE submit a bug report", "Segmentation fault",
               "AddressSanitizer", "UndefinedBehaviorSanitizer", "Assertion")


def compile_flags(path, substitutions):
    lines = open(path, encoding="utf-8").read().splitlines()
    command = ""
    for line in lines:
        match = re.match(r"\s*//\s*RUN:(.*)$", line)
        if not match:
            if command:
                break
            continue
        command += match.group(1).rstrip()
        if command.endswith("\\"):
            command = command[:-1] + " "
            continue
        if " -- " in command:
            break
        command = ""
    if " -- " not in command:
        return ["-std=c++20"]
    flags = re.split(r"\s[|>]", command.split(" -- ", 1)[1])[0]
    flags = flags.replace("%S", os.path.dirname(os.path.abspath(path)))
    for name, value in substitutions:
        flags = flags.replace(name, value)
    return flags.split()


def mutants(path):
    text = open(path, encoding="utf-8").read()
    tokens = [m.span() for m in TOKEN.finditer(text)]
    rng = random.Random(os.path.basename(path))
    for fraction in CUTS:
        end = tokens[int(len(tokens) * fraction)][0]
        yield "cut%d" % round(fraction * 100), text[:end]
    for n in range(DELETION_MUTANTS):
        doomed = sorted(rng.sample(range(len(tokens)), TOKENS_DELETED),
                        reverse=True)
        mutant = text
        for index in doomed:
            start, end = tokens[index]
            mutant = mutant[:start] + " " + mutant[end:]
        yield "del%d" % n, mutant


def run(tidy, mutant_path, flags):
    try:
        proc = subprocess.run([tidy, "-checks=-*,coro-*", mutant_path, "--"] +
                              flags, capture_output=True, text=True,
                              errors="replace", timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return "hang", ""
    output = proc.stdout + proc.stderr
    if proc.returncode < 0 or any(mark in output for mark in CRASH_MARKS):
        return "crash", output
    if proc.returncode == 0:
        return "compiled", output
    if proc.returncode == 1 and "error:" in output:
        return "rejected", output
    return "bad exit %d" % proc.returncode, output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tidy", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--subst", action="append", default=[])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    substitutions = sorted((s.split("=", 1) for s in args.subst),
                           key=lambda pair: -len(pair[0]))
    os.makedirs(args.work, exist_ok=True)
    jobs = []
    for path in args.files:
        flags = compile_flags(path, substitutions)
        flags.append("-I" + os.path.dirname(os.path.abspath(path)))
        stem = os.path.splitext(os.path.basename(path))[0]
        for name, text in mutants(path):
            mutant_path = os.path.join(args.work, "%s.%s.cpp" % (stem, name))
            with open(mutant_path, "w", encoding="utf-8") as out:
                out.write(text)
            jobs.append((mutant_path, flags))
    counts = {}
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = pool.map(lambda job: (job[0], run(args.tidy, *job)), jobs)
        for mutant_path, (outcome, output) in results:
            counts[outcome] = counts.get(outcome, 0) + 1
            if outcome not in ("compiled", "rejected"):
                failures.append((mutant_path, outcome, output))
    for mutant_path, outcome, output in failures:
        print("%s: %s\n%s" % (mutant_path, outcome, output[-4000:]))
    print("mutants: %d; %s" % (len(jobs), ", ".join(
        "%s: %d" % item for item in sorted(counts.items()))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
