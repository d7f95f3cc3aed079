"""Generated summaries for the merge benchmark: a project of N translation
units, each defining FUNCTIONS functions that call CALLS functions of the
project (a third in their own unit, the rest anywhere), one in BLOCKING of
them calling a blocking API, and each unit calling OPEN functions without a
body there from its coroutines. The facts have the shape and the sizes
coro-tidy --export-summaries writes (USRs of real length, places, the
inputs with their hashes; version 2)."""

import json
import os
import random

FUNCTIONS = 20
CALLS = 3
BLOCKING = 20
OPEN = 5
APIS = [("std::basic_ifstream", "file-io", True), ("sleep", "sleep", False),
        ("recv", "network", False), ("getaddrinfo", "dns", False)]


def usr(unit, function):
    return ("c:@N@project@N@module%d@F@function%d_in_unit%d#&1$@N@std@N@__cxx11"
            "@S@basic_string>#C#$@N@std@S@char_traits>#C#$@N@std@S@allocator>#C#"
            % (unit % 97, function, unit))


def place(unit, line, column=5):
    return {"file": "../src/module%d/unit%d.cpp" % (unit % 97, unit),
            "line": line, "column": column}


def unit_facts(unit, units, rng):
    functions = []
    for f in range(FUNCTIONS):
        calls = []
        for c in range(CALLS):
            target_unit = unit if c == 0 else rng.randrange(units)
            target = rng.randrange(FUNCTIONS)
            call = place(unit, 10 + f * 12 + c, 9)
            call.update(usr=usr(target_unit, target),
                        name="'project::module%d::function%d_in_unit%d'"
                        % (target_unit % 97, target, target_unit),
                        construct=False)
            calls.append(call)
        blocking = []
        if rng.randrange(BLOCKING) == 0:
            api, category, construct = rng.choice(APIS)
            fact = place(unit, 10 + f * 12 + CALLS, 9)
            fact.update(api=api, category=category, construct=construct)
            blocking.append(fact)
        function = place(unit, 9 + f * 12)
        function.update(usr=usr(unit, f), blocking=blocking, calls=calls,
                        name="'project::module%d::function%d_in_unit%d'"
                        % (unit % 97, f, unit))
        functions.append(function)
    functions.sort(key=lambda f: f["usr"])
    open_calls = sorted({usr(rng.randrange(units), rng.randrange(FUNCTIONS))
                         for _ in range(OPEN)})
    main = "../src/module%d/unit%d.cpp" % (unit % 97, unit)
    # What the unit read, with content hashes: its file and two headers.
    inputs = sorted([[main, "%016x" % rng.getrandbits(64)]] +
                    [["../src/module%d/api%d.h" % (unit % 97, h),
                      "%016x" % rng.getrandbits(64)] for h in range(2)])
    return {"version": 2, "root": "..", "main-file": main,
            "inputs": inputs, "functions": functions,
            "open-calls": open_calls}


def generate(directory, units, seed=1):
    """Writes the summaries of a project of `units` translation units;
    returns their total size in bytes."""
    rng = random.Random(seed)
    os.makedirs(directory, exist_ok=True)
    total = 0
    for unit in range(units):
        path = os.path.join(directory, "unit%d.cpp.%016x.json" % (unit, unit))
        text = json.dumps(unit_facts(unit, units, rng), indent=1,
                          sort_keys=True) + "\n"
        with open(path, "w") as out:
            out.write(text)
        total += len(text)
    return total
