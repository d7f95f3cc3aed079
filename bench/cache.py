#!/usr/bin/env python3
"""Measures run-coro-tidy --cache-dir on a generated project: a cold run, an
unchanged re-run, and a re-run after one header changes.

The project has UNITS translation units (default 200) in GROUPS groups; each
unit includes its group's header and <string>, <vector> and <coroutine>,
defines a coroutine that calls a helper of another unit of its group, and
that helper, which blocks in every tenth group. The budget: the unchanged
re-run costs at most a tenth of the cold run. Exit status 1 if it is missed.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUDGET = 0.10

TASK = """#pragma once
#include <coroutine>
#include <string>
#include <vector>
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
"""


def generate(folder, units, groups):
    src = os.path.join(folder, "src")
    os.makedirs(src)
    os.makedirs(os.path.join(folder, "build"))
    with open(os.path.join(src, "task.h"), "w") as out:
        out.write(TASK)
    for group in range(groups):
        with open(os.path.join(src, "group%d.h" % group), "w") as out:
            out.write('#pragma once\n#include "task.h"\n')
            for unit in range(group, units, groups):
                out.write("std::string helper%d(const std::vector<int> &);\n"
                          % unit)
    entries = []
    for unit in range(units):
        group = unit % groups
        callee = (unit + groups) % units
        blocks = "usleep(10);" if group % 10 == 0 else ""
        name = os.path.join(src, "unit%d.cpp" % unit)
        with open(name, "w") as out:
            out.write('#include "group%d.h"\n#include <unistd.h>\n' % group)
            out.write("std::string helper%d(const std::vector<int> &V) {\n"
                      "  %s\n  return std::to_string(V.size());\n}\n"
                      % (unit, blocks))
            out.write("task serve%d(std::vector<int> V) {\n"
                      "  auto S = helper%d(V);\n  co_return;\n}\n"
                      % (unit, callee))
        entries.append({"directory": os.path.join(folder, "build"),
                        "file": name,
                        "arguments": ["clang++", "-std=c++20", "-c", name]})
    with open(os.path.join(folder, "build", "compile_commands.json"),
              "w") as out:
        json.dump(entries, out)
    with open(os.path.join(folder, ".clang-tidy"), "w") as out:
        out.write("Checks: '-*,coro-*'\n")


def timed_run(runner, folder, cache, jobs):
    start = time.monotonic()
    done = subprocess.run([sys.executable, runner, "-p",
                           os.path.join(folder, "build"), "--quiet",
                           "-j", str(jobs), "--cache-dir=" + cache],
                          capture_output=True, text=True, cwd=folder)
    elapsed = time.monotonic() - start
    summary = [line for line in done.stderr.splitlines()
               if line.startswith("run-coro-tidy:")]
    return elapsed, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run-coro-tidy", default=os.path.join(
        ROOT, "build", "driver", "run-coro-tidy"))
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("-j", type=int, default=os.cpu_count())
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate(folder, args.units, args.groups)
        cache = os.path.join(folder, "cache")
        rows = [("cold", ) + timed_run(args.run_coro_tidy, folder, cache,
                                       args.j)]
        rows.append(("unchanged re-run", ) + timed_run(
            args.run_coro_tidy, folder, cache, args.j))
        with open(os.path.join(folder, "src", "group1.h"), "a") as out:
            out.write("// changed\n")
        rows.append(("one header changed (%d units include it)"
                     % len(range(1, args.units, args.groups)), )
                    + timed_run(args.run_coro_tidy, folder, cache, args.j))
    cold = rows[0][1]
    print("| run (%d units, -j %d) | wall (s) | vs cold | run-coro-tidy says |"
          % (args.units, args.j))
    print("|---|---|---|---|")
    for label, wall, summary in rows:
        print("| %s | %.2f | %.3f | %s |" % (label, wall, wall / cold,
                                            "; ".join(summary)))
    met = rows[1][1] / cold <= BUDGET
    print("budget: unchanged re-run <= %.2f x cold: %s"
          % (BUDGET, "met" if met else "MISSED"))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
