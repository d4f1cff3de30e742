#!/usr/bin/env python3
"""Run-time cost of a change: the benchmark binaries of two commits, run interleaved.

    python3 scripts/bench_commits.py BEFORE AFTER [--filter REGEX] [--rounds N] [--min-time S]

Each commit is checked out in a temporary git worktree and its `caqes_bench` target is
built with the `bench` preset. The two binaries then run in turns, round after round, on the
same benchmarks, so that a change in the machine's load hits both alike. The report gives,
per benchmark, the median time of each commit over the rounds and their ratio (AFTER /
BEFORE), as Markdown on stdout. Both binaries check their variants give identical results
before any timing (benchmarks/bench_evaluation.cpp), so a ratio compares equal work.

--filter is Google Benchmark's regex over the full names, which end with the argument and
`/real_time` (`eval/g7/n1000/hand/1000/real_time`): `hand$` matches nothing, `hand/` does. A
filter that matches no benchmark of BEFORE's binary stops the run before any timing, with the
names to choose from. The worktrees are removed when the run succeeds; after a failure they are
kept, with their build trees, for inspection (their paths are printed), unless
--remove-on-failure. --binaries compares two caqes_bench binaries already built instead of two
commits: nothing is checked out or built (CTest's bench.bench_commits uses it).
"""
import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Echec(Exception):
    """A failed run, with the message for the user."""


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, **kw)


def build(rev, where, trees):
    tree = where / rev
    run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), rev])
    # Listed before it is built, so that a failed build keeps its tree for inspection.
    trees.append(tree)
    run(["cmake", "--preset", "bench"], cwd=tree, stdout=subprocess.DEVNULL)
    run(["cmake", "--build", "--preset", "bench", "--target", "caqes_bench"], cwd=tree, stdout=subprocess.DEVNULL)
    found = sorted(tree.glob("build/bench/**/caqes_bench"))
    if not found:
        raise Echec(f"no caqes_bench binary built for {rev}")
    return found[0]


def remove(trees, where):
    for tree in trees:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    shutil.rmtree(where, ignore_errors=True)


def selected(binary, pattern):
    """The names the filter selects in a binary. Google Benchmark exits 0 and prints nothing on
    stdout when its filter matches nothing, so an empty selection must be caught here, not by
    the JSON reader."""
    listed = run([str(binary), "--benchmark_list_tests=true", f"--benchmark_filter={pattern}"],
                 capture_output=True).stdout.split()
    if not listed:
        names = run([str(binary), "--benchmark_list_tests=true"], capture_output=True).stdout.split()
        examples = "\n  ".join(names[:8])
        raise Echec(f"--filter '{pattern}' matches no benchmark of {binary}. Names end with the argument and "
                    f"/real_time, so a trailing $ must follow that suffix; {len(names)} names, the first:\n  {examples}")
    return listed


def times(binary, pattern, min_time, where):
    # The JSON goes to a file: the console output of the identical-results checks stays apart.
    out = where / "times.json"
    run([str(binary), f"--benchmark_filter={pattern}", f"--benchmark_min_time={min_time}", f"--benchmark_out={out}",
         "--benchmark_out_format=json"], stdout=subprocess.DEVNULL)
    doc = json.loads(out.read_text())
    return {b["name"]: (b["real_time"], b["time_unit"]) for b in doc["benchmarks"] if b.get("run_type", "iteration") == "iteration"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--filter", default=".")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--min-time", default="0.2")
    parser.add_argument("--binaries", action="store_true",
                        help="BEFORE and AFTER are caqes_bench binaries already built, not commits")
    parser.add_argument("--remove-on-failure", action="store_true",
                        help="remove the worktrees and their build trees even when the run fails")
    args = parser.parse_args()

    where = Path(tempfile.mkdtemp(prefix="caqes-bench-"))
    trees = []
    try:
        if args.binaries:
            (a, b) = (Path(args.before).resolve(), Path(args.after).resolve())
        else:
            a = build(args.before, where, trees)
        selected(a, args.filter)
        if not args.binaries:
            b = build(args.after, where, trees)
        samples = {"a": {}, "b": {}}
        unites = {}
        for _ in range(args.rounds):
            for key, binary in (("a", a), ("b", b)):
                for name, (t, unite) in times(binary, args.filter, args.min_time, where).items():
                    samples[key].setdefault(name, []).append(t)
                    unites[name] = unite
    except (Echec, subprocess.CalledProcessError, OSError, ValueError, KeyError) as e:
        if args.remove_on_failure or not trees:
            remove(trees, where)
        else:
            kept = " ".join(str(t) for t in trees)
            print(f"bench_commits.py: worktrees kept for inspection: {kept}\n"
                  f"  remove them with: git -C {ROOT} worktree remove --force <path>", file=sys.stderr)
        sys.exit(f"bench_commits.py: {e}")
    remove(trees, where)
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
