#!/usr/bin/env python3
"""Times the cel-bench expressions with the Python cel-python package (pip install cel-python),
so that casecheck's CEL figures can be reported next to another implementation's, measured
in the same run on the same machine. Prints one line per expression: compile µs, eval ns."""
import statistics
import sys
import time

import celpy
from celpy import celtypes


def record():
    xs = celtypes.ListType([
        celtypes.MapType({
            celtypes.StringType("kind"): celtypes.StringType("cp" if i % 3 == 0 else "cin"),
            celtypes.StringType("seen"): celtypes.BoolType(i % 2 == 0),
            celtypes.StringType("d"): celtypes.IntType(i * 10),
        })
        for i in range(10)
    ])
    a = celtypes.MapType({celtypes.StringType(f"f{i}"): celtypes.IntType(i) for i in range(16)})
    a[celtypes.StringType("start")] = celtypes.IntType(100)
    a[celtypes.StringType("end")] = celtypes.IntType(200)
    a[celtypes.StringType("name")] = celtypes.StringType("Jordan Smith")
    a[celtypes.StringType("team")] = celtypes.StringType("North")
    return {"a": a, "xs": xs, "s": celtypes.IntType(40)}


EXPRESSIONS = [
    ("simple comparison", "a.end == null || a.end > a.start"),
    ("exists over 10", "xs.exists(x, x.kind == 'cp' && x.seen)"),
    ("filter + size over 10", "size(xs.filter(x, x.d >= s)) > 2"),
    ("string", "a.name.startsWith('Jor') && a.team + '-' + a.name != ''"),
    ("arithmetic", "(a.f1 + a.f2 * a.f3 - a.f4) % 7 == a.f5 / 2"),
]


def main():
    env = celpy.Environment()
    activation = record()
    for label, text in EXPRESSIONS:
        compile_times = []
        for _ in range(50):
            t0 = time.perf_counter()
            ast = env.compile(text)
            prog = env.program(ast)
            compile_times.append(time.perf_counter() - t0)
        prog.evaluate(activation)
        runs = []
        n = 200
        for _ in range(15):
            t0 = time.perf_counter()
            for _ in range(n):
                prog.evaluate(activation)
            runs.append((time.perf_counter() - t0) / n)
        print(f"{label:24s} compile {statistics.median(compile_times) * 1e6:10.1f} µs   "
              f"eval {statistics.median(runs) * 1e9:12.0f} ns   {text}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
