#!/usr/bin/env python3
"""Runs the catalog loader's fuzzer as CTest does: every kept crasher in
REGRESSIONS replayed once, then a bounded run from the seeds. Exit status 0
when nothing crashed, hung or leaked.

A longer run by hand, keeping what it finds in build/test/fuzz/corpus:
  build/test/coro-tidy-catalog-fuzzer build/test/fuzz/corpus \\
      catalog test/fuzz/seeds -max_total_time=3600 -max_len=4096
A crasher it writes (crash-<hash>) goes into test/fuzz/regressions with its
fix.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fuzzer", required=True)
    parser.add_argument("--split-file", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--seeds", nargs="+", default=[])
    parser.add_argument("--seeds-from-test", action="append", default=[],
                        help="a lit test whose split-file YAML parts are seeds")
    parser.add_argument("--regressions", required=True)
    args = parser.parse_args()

    regressions = sorted(glob.glob(os.path.join(args.regressions, "*")))
    if regressions:
        replay = subprocess.run([args.fuzzer] + regressions)
        if replay.returncode != 0:
            print("run_fuzzer: a kept crasher fails again")
            return 1

    shutil.rmtree(args.work, ignore_errors=True)
    corpus = os.path.join(args.work, "corpus")
    os.makedirs(corpus)
    seed_dirs = list(args.seeds)
    for test in args.seeds_from_test:
        split = tempfile.mkdtemp(dir=args.work)
        subprocess.run([args.split_file, test, split], check=True)
        yaml_only = os.path.join(args.work, "seeds-" + os.path.basename(test))
        os.makedirs(yaml_only)
        for path in glob.glob(os.path.join(split, "**", "*.yaml"), recursive=True):
            shutil.copy(path, yaml_only)
        seed_dirs.append(yaml_only)
    run = subprocess.run(
        [args.fuzzer, corpus] + seed_dirs +
        ["-runs=%d" % args.runs, "-max_len=4096", "-timeout=10",
         "-rss_limit_mb=2048", "-print_final_stats=1",
         "-artifact_prefix=" + args.work + "/"],
        cwd=args.work)
    print("run_fuzzer: %d kept crashers replayed; %d runs from %d seed "
          "directories: %s" % (len(regressions), args.runs, len(seed_dirs),
                               "ok" if run.returncode == 0 else "FAILED"))
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
