#!/usr/bin/env python3
"""Measures what the coro-* checks cost on top of a clang-tidy run.

For each input (a heavy translation unit, the asio chat server of examples/;
the same with 100 servers looking up the address they listen on, where the
host's derivation walks the whole translation unit; a generated file of 500
coroutines; helpers in chains) it runs coro-tidy with three check
sets, interleaved round-robin so that machine noise hits all alike:

  coro-*                        the checks under test
  readability-braces-...        one cheap upstream check: the baseline
  misc-coroutine-hostile-raii   the closest upstream coroutine check

and reports the median wall time and peak memory of each, and the ratios to
the baseline. The budget: coro-* adds at most 5% wall time over the baseline
on the heavy translation unit. Exit status 1 if the budget is missed.

Two more configurations run in the same rounds: coro-* with FollowCalls
off (what following helpers within the file costs; it is on in coro-*), and
coro-* exporting the translation unit's facts for the summary index
(--export-summaries): the budget is at most 10% over coro-*.

It then shows that the CFG flows cost linear time in loop nesting: 200
coroutines with loops nested 1, 2, 4 and 8 deep (a lock, a suspension and a
blocking call in the innermost), timed with clang-tidy's own check profile
(CPU time). A walk that revisits each loop level would double per level.

Last, the merge of the summary index: 10,000 generated translation units'
summaries (bench/summaries.py) merged by coro-tidy --merge-summaries, wall
time and peak memory; the budget is 10 s and 1 GiB.
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
    "coro-*": ["-checks=-*,coro-*"],
    "coro-*, FollowCalls off": [
        "-checks=-*,coro-*",
        "-config={CheckOptions: {coro-blocking-call.FollowCalls: false}}"],
    "coro-* + export": ["-checks=-*,coro-*", "--export-summaries={tmp}"],
    "cheap upstream": ["-checks=-*,readability-braces-around-statements"],
    "hostile-raii": ["-checks=-*,misc-coroutine-hostile-raii"],
}
BASELINE = "cheap upstream"
BUDGET = 1.05
EXPORT_BUDGET = 1.10
MERGE_UNITS = 10000
MERGE_SECONDS = 10.0
MERGE_MIB = 1024.0
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


HELPER = """int helper{n}(int X) {{
  {body}
  return X + {n};
}}
"""

HELPER_CALLER = """task caller{n}() {{
  int Total = co_await ready{{}};
  Total += helper{a}(Total) + helper{b}(Total) + helper{c}(Total);
  std::printf("%d\\n", Total);
}}
"""


def generate_helpers(path, helpers=400, coroutines=500):
    """Helpers calling helpers (chains up to 8 deep, a few reaching usleep),
    and coroutines calling three each: what following calls costs."""
    with open(path, "w") as out:
        out.write(GENERATED_HEADER)
        for n in range(helpers):
            if n % 50 == 0:
                body = "usleep(1);"
            elif n % 8 == 0:
                body = "X = work(X);"
            else:
                body = "X = helper%d(X) + work(X);" % (n - 1)
            out.write(HELPER.format(n=n, body=body))
        for n in range(coroutines):
            out.write(HELPER_CALLER.format(n=n, a=(n * 7) % helpers,
                                           b=(n * 13 + 3) % helpers,
                                           c=(n * 29 + 5) % helpers))


LOOKUP_SERVER = """
class Server{n} {{
public:
  explicit Server{n}(asio::io_context &Context, std::string Address = "0.0.0.0")
      : Acceptor(Context), Address(std::move(Address)) {{}}
  void start() {{
    asio::ip::tcp::resolver Resolver(Acceptor.get_executor());
    Acceptor.bind(*Resolver.resolve(Address, std::to_string({n})).begin());
  }}

private:
  asio::ip::tcp::acceptor Acceptor;
  std::string Address;
}};

asio::awaitable<void> serve{n}(asio::io_context &Context) {{
  Server{n} Server(Context);
  Server.start();
  co_return;
}}
"""


def generate_lookups(path, servers=100):
    """The asio chat server and 100 servers looking up the address they
    listen on, a member: the derivation of the host, a walk of the whole
    translation unit, is the cost under test."""
    with open(path, "w") as out:
        out.write('#include "%s"\n' % os.path.join(ROOT, "examples", "src", "chat_server.cpp"))
        for n in range(servers):
            out.write(LOOKUP_SERVER.format(n=n))


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


def run_once(tidy, options, source, flags):
    cmd = [tidy] + options + [source, "--"] + flags
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit("failed: " + " ".join(cmd))
    return wall, usage.ru_maxrss / 1024.0  # MiB


def measure(tidy, source, flags, runs, tmp):
    samples = {name: ([], []) for name in CHECK_SETS}
    for _ in range(runs):
        for name, options in CHECK_SETS.items():
            options = [o.replace("{tmp}", os.path.join(tmp, "facts")) for o in options]
            wall, rss = run_once(tidy, options, source, flags)
            samples[name][0].append(wall)
            samples[name][1].append(rss)
    return {
        name: (statistics.median(walls), statistics.median(rsss))
        for name, (walls, rsss) in samples.items()
    }


def merge_table(tidy):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import summaries
    with tempfile.TemporaryDirectory() as tmp:
        facts = os.path.join(tmp, "facts")
        size = summaries.generate(facts, MERGE_UNITS)
        index = os.path.join(tmp, "index.json")
        start = time.perf_counter()
        # stderr to a file: a pipe read only after the exit would block a
        # merge that writes more than the pipe holds.
        with tempfile.TemporaryFile() as errors:
            proc = subprocess.Popen([tidy, "--merge-summaries=" + facts,
                                     "--summary-index=" + index],
                                    stdout=subprocess.DEVNULL, stderr=errors)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            errors.seek(0)
            message = errors.read().decode().strip()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit("merge failed: " + message)
        rss = usage.ru_maxrss / 1024.0
        print()
        print("| merge | units | summaries (MB) | index (MB) | wall (s) | peak RSS (MiB) |")
        print("|---|---|---|---|---|---|")
        print(f"| coro-tidy --merge-summaries | {MERGE_UNITS} | {size / 1e6:.0f} | "
              f"{os.path.getsize(index) / 1e6:.0f} | {wall:.2f} | {rss:.0f} |")
        print(message)
        met = wall <= MERGE_SECONDS and rss <= MERGE_MIB
        print(f"budget: <= {MERGE_SECONDS:.0f} s and <= {MERGE_MIB:.0f} MiB: "
              + ("met" if met else "MISSED"))
        return met


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coro-tidy", default=os.path.join(ROOT, "build", "driver", "coro-tidy"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        generated = os.path.join(tmp, "coroutines500.cpp")
        generate_coroutines(generated)
        helpers = os.path.join(tmp, "helpers.cpp")
        generate_helpers(helpers)
        lookups = os.path.join(tmp, "lookups.cpp")
        generate_lookups(lookups)
        inputs = [
            ("heavy TU: asio chat server", os.path.join(ROOT, "examples", "src", "chat_server.cpp"),
             ["-std=c++20", "-DASIO_HAS_CO_AWAIT=1"]),
            ("heavy TU + 100 listen-address lookups", lookups,
             ["-std=c++20", "-DASIO_HAS_CO_AWAIT=1"]),
            ("500 generated coroutines", generated, ["-std=c++20"]),
            ("400 helpers in chains, 500 callers", helpers, ["-std=c++20"]),
        ]
        print("| input | checks | wall (s, median) | peak RSS (MiB, median) | wall vs baseline | RSS vs baseline |")
        print("|---|---|---|---|---|---|")
        within_budget = True
        export_ratios = []
        for label, source, flags in inputs:
            result = measure(args.coro_tidy, source, flags, args.runs, tmp)
            base_wall, base_rss = result[BASELINE]
            for name, (wall, rss) in result.items():
                print(f"| {label} | {name} | {wall:.3f} | {rss:.0f} | {wall / base_wall:.3f} | {rss / base_rss:.3f} |")
            if label.startswith("heavy"):
                within_budget = (within_budget and
                                 result["coro-*"][0] / base_wall <= BUDGET)
            export_ratios.append(result["coro-* + export"][0] / result["coro-*"][0])
        print()
        print(f"runs per configuration: {args.runs}, interleaved; budget: coro-* <= {BUDGET:.2f} x baseline wall time on the heavy TU")
        print("budget: " + ("met" if within_budget else "MISSED"))
        export_met = max(export_ratios) <= EXPORT_BUDGET
        print(f"export vs coro-*: {', '.join(f'{r:.3f}' for r in export_ratios)}; "
              f"budget <= {EXPORT_BUDGET:.2f}: " + ("met" if export_met else "MISSED"))
    nested_loop_table(args.coro_tidy, args.runs)
    merge_met = merge_table(args.coro_tidy)
    return 0 if within_budget and export_met and merge_met else 1


if __name__ == "__main__":
    sys.exit(main())
