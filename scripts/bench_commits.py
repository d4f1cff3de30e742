#!/usr/bin/env python3
"""Run-time cost of a change: the benchmark binaries of two commits, run interleaved.

    python3 scripts/bench_commits.py BEFORE AFTER [--filter REGEX] [--rounds N] [--min-time S]

Each commit is checked out in a temporary git worktree and its `caqes_bench` target is
built with the `bench` preset. The two binaries then run in turns, round after round, on the
same benchmarks, so that a change in the machine's load hits both alike. The report gives,
per benchmark, the median time of each commit over the rounds and their ratio (AFTER /
BEFORE), as Markdown on stdout. Both binaries check their variants give identical results
before any timing (benchmarks/bench_evaluation.cpp), so a ratio compares equal work.
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, **kw)


def build(rev, where):
    tree = where / rev
    run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), rev])
    run(["cmake", "--preset", "bench"], cwd=tree, stdout=subprocess.DEVNULL)
    run(["cmake", "--build", "--preset", "bench", "--target", "caqes_bench"], cwd=tree, stdout=subprocess.DEVNULL)
    found = sorted(tree.glob("build/bench/**/caqes_bench"))
    if not found:
        sys.exit(f"bench_commits.py: no caqes_bench binary built for {rev}")
    return tree, found[0]


def times(binary, pattern, min_time):
    out = run([str(binary), f"--benchmark_filter={pattern}", f"--benchmark_min_time={min_time}",
               "--benchmark_format=json"], capture_output=True).stdout
    doc = json.loads(out)
    return {b["name"]: (b["real_time"], b["time_unit"]) for b in doc["benchmarks"] if b.get("run_type", "iteration") == "iteration"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--filter", default=".")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--min-time", default="0.2")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="caqes-bench-") as tmp:
        where = Path(tmp)
        trees = []
        try:
            (ta, a) = build(args.before, where)
            trees.append(ta)
            (tb, b) = build(args.after, where)
            trees.append(tb)
            samples = {"a": {}, "b": {}}
            unites = {}
            for _ in range(args.rounds):
                for key, binary in (("a", a), ("b", b)):
                    for name, (t, unite) in times(binary, args.filter, args.min_time).items():
                        samples[key].setdefault(name, []).append(t)
                        unites[name] = unite
        finally:
            for tree in trees:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    common = [n for n in samples["a"] if n in samples["b"]]
    print(f"| benchmark | {args.before} | {args.after} | unit | ratio |")
    print("|---|---|---|---|---|")
    for name in common:
        ma = statistics.median(samples["a"][name])
        mb = statistics.median(samples["b"][name])
        print(f"| `{name}` | {ma:,.0f} | {mb:,.0f} | {unites[name]} | {mb / ma:.2f} |")
    only = sorted(set(samples["a"]) ^ set(samples["b"]))
    if only:
        print(f"\nIn one binary only (not compared): {', '.join(only)}")
    print(f"\nMedians of {args.rounds} interleaved rounds, --benchmark_min_time={args.min_time}.")


if __name__ == "__main__":
    main()
