#!/usr/bin/env python3
"""Measures what the coro-* checks cost on top of a clang-tidy run.

For each input (a heavy translation unit, the asio chat server of examples/,
and a generated file of 500 coroutines) it runs coro-tidy with three check
sets, interleaved round-robin so that machine noise hits all alike:

  coro-*                        the checks under test
  readability-braces-...        one cheap upstream check: the baseline
  misc-coroutine-hostile-raii   the closest upstream coroutine check

and reports the median wall time and peak memory of each, and the ratios to
the baseline. The budget: coro-* adds at most 5% wall time over the baseline
on the heavy translation unit. Exit status 1 if the budget is missed.

It then shows that the CFG flows cost linear time in loop nesting: 200
coroutines with loops nested 1, 2, 4 and 8 deep (a lock, a suspension and a
blocking call in the innermost), timed with clang-tidy's own check profile
(CPU time). A walk that revisits each loop level would double per level.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

CHECK_SETS = {
    "coro-*": "-*,coro-*",
    "cheap upstream": "-*,readability-braces-around-statements",
    "hostile-raii": "-*,misc-coroutine-hostile-raii",
}
BASELINE = "cheap upstream"
BUDGET = 1.05
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GENERATED_HEADER = """#include <coroutine>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 1; }
};
std::mutex M;
int work(int X) { return X * 3 + 1; }
"""

GENERATED_COROUTINE = """task coroutine{n}(std::string Name) {{
  int Total = 0;
  for (int I = 0; I < 10; ++I) {{
    Total += work(I) + co_await ready{{}};
    if (Total % 7 == {mod})
      Name += std::to_string(Total);
  }}
  auto Later = [&] {{ usleep(1); return Total; }};
  {blocking}
  std::printf("%s %d\\n", Name.c_str(), Later());
}}
"""


def generate_coroutines(path, count=500):
    with open(path, "w") as out:
        out.write(GENERATED_HEADER)
        for n in range(count):
            blocking = "sleep(1);" if n % 10 == 0 else "(void)Total;"
            out.write(GENERATED_COROUTINE.format(n=n, mod=n % 7, blocking=blocking))


NESTED_COROUTINE = """task nested{n}(int N) {{
  std::unique_lock<std::mutex> Lock(M, std::defer_lock);
{open}      co_await ready{{}};
      Lock.lock();
      work(N);
      Lock.unlock();
      if (N % 3 == 0)
        sleep(1);
{close}}}
"""


def generate_nested(path, depth, count=200):
    with open(path, "w") as out:
        out.write(GENERATED_HEADER)
        for n in range(count):
            opened = "".join("  for (int I%d = 0; I%d < N; ++I%d) {\n" % (d, d, d)
                             for d in range(depth))
            out.write(NESTED_COROUTINE.format(n=n, open=opened, close="  }\n" * depth))


def check_profile_seconds(tidy, source, flags):
    """CPU seconds the coro-* checks took, from --enable-check-profile."""
    cmd = [tidy, "-checks=-*,coro-*", "--enable-check-profile", source, "--"] + flags
    proc = subprocess.run(cmd, capture_output=True, text=True)
    total = 0.0
    for line in proc.stderr.splitlines():
        columns = re.findall(r"([0-9.]+) \(", line)
        if line.rstrip().split()[-1:] and line.split()[-1].startswith("coro-") \
                and len(columns) == 4:
            total += float(columns[2])  # user, system, user+system, wall
    return total


def nested_loop_table(tidy, runs):
    print()
    print("| loops nested | coro-* check CPU time (ms, median) | vs 1 deep | a walk revisiting each level |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        first = None
        for depth in (1, 2, 4, 8):
            source = os.path.join(tmp, "nested%d.cpp" % depth)
            generate_nested(source, depth)
            times = [check_profile_seconds(tidy, source, ["-std=c++20"]) for _ in range(runs)]
            ms = statistics.median(times) * 1000
            first = first or ms
            print(f"| {depth} | {ms:.1f} | {ms / first:.2f}x | {2 ** (depth - 1)}x |")


def run_once(tidy, checks, source, flags):
    cmd = [tidy, "-checks=" + checks, source, "--"] + flags
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit("failed: " + " ".join(cmd))
    return wall, usage.ru_maxrss / 1024.0  # MiB


def measure(tidy, source, flags, runs):
    samples = {name: ([], []) for name in CHECK_SETS}
    for _ in range(runs):
        for name, checks in CHECK_SETS.items():
            wall, rss = run_once(tidy, checks, source, flags)
            samples[name][0].append(wall)
            samples[name][1].append(rss)
    return {
        name: (statistics.median(walls), statistics.median(rsss))
        for name, (walls, rsss) in samples.items()
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coro-tidy", default=os.path.join(ROOT, "build", "driver", "coro-tidy"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        generated = os.path.join(tmp, "coroutines500.cpp")
        generate_coroutines(generated)
        inputs = [
            ("heavy TU: asio chat server", os.path.join(ROOT, "examples", "src", "chat_server.cpp"),
             ["-std=c++20", "-DASIO_HAS_CO_AWAIT=1"]),
            ("500 generated coroutines", generated, ["-std=c++20"]),
        ]
        print("| input | checks | wall (s, median) | peak RSS (MiB, median) | wall vs baseline | RSS vs baseline |")
        print("|---|---|---|---|---|---|")
        within_budget = True
        for label, source, flags in inputs:
            result = measure(args.coro_tidy, source, flags, args.runs)
            base_wall, base_rss = result[BASELINE]
            for name, (wall, rss) in result.items():
                print(f"| {label} | {name} | {wall:.3f} | {rss:.0f} | {wall / base_wall:.3f} | {rss / base_rss:.3f} |")
            if label.startswith("heavy"):
                ratio = result["coro-*"][0] / base_wall
                within_budget = ratio <= BUDGET
        print()
        print(f"runs per configuration: {args.runs}, interleaved; budget: coro-* <= {BUDGET:.2f} x baseline wall time on the heavy TU")
        print("budget: " + ("met" if within_budget else "MISSED"))
    nested_loop_table(args.coro_tidy, args.runs)
    return 0 if within_budget else 1


if __name__ == "__main__":
    sys.exit(main())
