#!/usr/bin/env python3
"""numpy float64 against the toolkit and the dense baselines, in interleaved rounds.

For each grid, the benchmark binary exports the generated data once (`--export-dense`), then
each round runs, in turns (the order swapped every round, so that a change of load hits both):
- `caqes_bench` on the toolkit's scalar evaluator and the three dense baselines (a), (b), (c)
  of that grid and N, one repetition each;
- benchmarks/numpy_grille.py on the same establishments (evaluation only, median of its
  repetitions), which also reports its cent errors against the toolkit on every establishment.
It prints ns per establishment and the ratios of each round, then the medians over the rounds.

The toolkit's scalar evaluator runs at the largest N its layout allows for the grid, at most
1e6 (caqes_bench caps one variant's data at 2 GB; it lists its sizes); the numpy data and the
dense baselines use the same N, so every figure of a round is on the same establishments.

Usage: scripts/bench_numpy.py [--bench build/bench/benchmarks/caqes_bench] [--grids 7 32]
       [--rounds 3] [--data DIR] [--python /usr/bin/python3]
Needs numpy for the numpy side (Debian python3-numpy; run with the Debian interpreter).
"""
import argparse
import json
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile

RACINE = pathlib.Path(__file__).resolve().parent.parent
VARIANTES = ["toolkit", "dense", "dense_totals", "dense_plain_read"]


def charge():
    with open("/proc/loadavg", encoding="utf-8") as f:
        return " ".join(f.read().split()[:3])


def taille_toolkit(bench, g):
    """The largest N at which caqes_bench times the toolkit on grid g."""
    out = subprocess.run([bench, "--benchmark_list_tests"], check=True, capture_output=True, text=True).stdout
    return max(int(m.group(1)) for m in re.finditer(rf"^eval/g{g}/n(\d+)/toolkit/", out, re.M))


def run_bench(bench, g, n, min_time):
    filtre = f"^eval/g{g}/n{n}/({'|'.join(VARIANTES)})/"
    out = subprocess.run([bench, f"--benchmark_filter={filtre}", f"--benchmark_min_time={min_time}",
                          "--benchmark_format=json"], check=True, capture_output=True, text=True).stdout
    ns = {}
    for b in json.loads(out)["benchmarks"]:
        ns[b["name"].split("/")[3]] = 1e9 / b["items_per_second"]
    return ns


def run_numpy(python, dossier, repetitions):
    out = subprocess.run([python, str(RACINE / "benchmarks" / "numpy_grille.py"), str(dossier), "--json",
                          "--repetitions", str(repetitions)], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=str(RACINE / "build" / "bench" / "benchmarks" / "caqes_bench"))
    ap.add_argument("--grids", type=int, nargs="+", default=[7, 32])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--min-time", type=float, default=0.5)
    ap.add_argument("--numpy-repetitions", type=int, default=5)
    ap.add_argument("--data", help="where to export the data (default: a temporary directory)")
    ap.add_argument("--python", default="/usr/bin/python3", help="an interpreter with numpy")
    ap.add_argument("--n", type=int, help="N for every grid (default: the toolkit's largest N of each grid)")
    a = ap.parse_args()
    tmp = None
    if a.data is None:
        tmp = tempfile.TemporaryDirectory(prefix="caqes-numpy-")
        a.data = tmp.name
    print(f"load average at start: {charge()}")
    for g in a.grids:
        n = a.n or taille_toolkit(a.bench, g)
        dossier = pathlib.Path(a.data) / f"g{g}"
        if not (dossier / "manifest.txt").exists() or f"n {n}" not in (dossier / "manifest.txt").read_text():
            subprocess.run([a.bench, f"--export-dense={a.data}", f"--export-n={n}", f"--export-grid={g}"], check=True,
                           stdout=subprocess.DEVNULL)
        rounds = []
        for r in range(a.rounds):
            if r % 2 == 0:
                ns = run_bench(a.bench, g, n, a.min_time)
                np_res = run_numpy(a.python, dossier, a.numpy_repetitions)
            else:
                np_res = run_numpy(a.python, dossier, a.numpy_repetitions)
                ns = run_bench(a.bench, g, n, a.min_time)
            ns["numpy"] = np_res["ns_per_establishment"]
            rounds.append(ns)
            print(f"grid {g}, N = {n}, round {r + 1} (load {charge()}): "
                  + ", ".join(f"{k} {v:.1f} ns" for k, v in ns.items())
                  + f"; numpy / toolkit {ns['numpy'] / ns['toolkit']:.2f}, numpy / dense (a) "
                  f"{ns['numpy'] / ns['dense']:.1f}, toolkit / dense (a) {ns['toolkit'] / ns['dense']:.1f}")
            sys.stdout.flush()
        med = {k: statistics.median(x[k] for x in rounds) for k in rounds[0]}
        print(f"grid {g}, N = {n}, medians over {a.rounds} rounds: "
              + ", ".join(f"{k} {v:.1f} ns" for k, v in med.items()))
        print("  ratios (median of the per-round ratios): "
              + ", ".join(f"{k} / {b} {statistics.median(x[k] / x[b] for x in rounds):.2f}"
                          for k, b in [("toolkit", "dense"), ("toolkit", "dense_totals"),
                                       ("toolkit", "dense_plain_read"), ("dense_totals", "dense_plain_read"),
                                       ("numpy", "toolkit"), ("numpy", "dense")]))
        for mode, e in np_res["errors"].items():
            faux = e["establishments_with_a_wrong_total"]
            print(f"  numpy cent errors, amounts rounded with {mode}: {faux} of {n} establishments "
                  f"({100 * faux / n:.2f} %) have a total not right to the cent; largest error "
                  f"{max(x['max_cents'] for x in e.values() if isinstance(x, dict))} cents")
    print(f"load average at end: {charge()}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
