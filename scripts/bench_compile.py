#!/usr/bin/env python3
"""Compile-time cost of caqes: generated TUs with 16 to 256 indicators, with g++ and clang++.

Each TU instantiates `modele_contrat<def>` (the compile-time template check) and calls
`evaluateur<def>::evaluer` (the unrolled evaluation) on a grid from benchmarks/gen_grids.py.
Also measured: a TU that only includes <caqes/caqes.hpp> (the fixed cost), and the realistic
TUs examples/demo.cpp (and examples/socle_regional.cpp when it exists).

Records, per TU and compiler, the median wall time and peak memory of REPEAT compilations
(`/usr/bin/time -v`), and with clang the number of template instantiations
(-ftime-trace -ftime-trace-granularity=0, a separate compilation). Writes
benchmarks/results/compile.json, docs/performance-compile.svg and the table between the
`<!-- compile:begin -->` / `end` markers of docs/performance.md.

Targets (g++ -O2): realistic TU <= 3 s and <= 500 MB; 256 indicators <= 6 s and <= 400 MB;
growth roughly linear.

    python3 scripts/bench_compile.py --commits BEFORE AFTER [--rounds N]

measures a change instead: each commit is checked out in a temporary git worktree, and the
same TUs (include only, examples/socle_regional.cpp, examples/demo.cpp, the 256-indicator
grid) are compiled with g++ -O2 from the two trees in turns, round after round (the order
swapped every round), so that a change in the machine's load hits both alike, as
scripts/bench_commits.py does for run time. Reports per TU the median wall time and peak
memory of each commit, their ratios (AFTER / BEFORE) and the issue's goals (time <= 0.65x,
memory not higher; the grid within 6 s and 400 MB); keeps each commit's g++ -ftime-report
of the include-only TU and of socle_regional.cpp in benchmarks/results/; writes
benchmarks/results/compile-commits.json and the table between the `<!-- compile-commits:begin -->`
/ `end` markers of docs/performance.md.
"""
import argparse
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import gen_grids  # noqa: E402

SIZES = [16, 32, 64, 128, 256]
FLAGS = ["-std=c++20", "-O2", f"-I{ROOT / 'include'}", "-c"]
# The same flags as written in the docs and results: no path of the machine that measured.
FLAGS_AFFICHES = [f if not f.startswith("-I") else "-I<repo>/include" for f in FLAGS]
TARGETS = {"realistic": (3.0, 500), 256: (6.0, 400)}


def tu_grid(size, grids=gen_grids):
    return "\n".join([
        "#include <caqes/caqes.hpp>", "#include <array>", "#include <cstddef>", "namespace bench {",
        grids.grid_cpp(size, f"g{size}"), "}  // namespace bench",
        f"using rapport_tu = caqes::rapport_valide_pour<bench::g{size}::def>;",
        "caqes::resultat_evaluation evaluer_tu(const rapport_tu& r, const caqes::parametres_evaluation& p);",
        "caqes::resultat_evaluation evaluer_tu(const rapport_tu& r, const caqes::parametres_evaluation& p) {",
        f"    static_assert(sizeof(bench::g{size}::modele) > 0);",
        f"    return caqes::evaluateur<bench::g{size}::def>::evaluer(r, p);", "}", ""])


class CompileError(Exception):
    pass


# clang's default -fconstexpr-steps (1048576) is not enough for the template check of the
# largest grids; such a TU is reported as failing, then measured again with this limit.
CLANG_STEPS = "-fconstexpr-steps=16777216"


def measure(compiler, src, out_dir, extra=()):
    obj = Path(out_dir) / (Path(src).stem + ".o")
    cmd = ["/usr/bin/time", "-v", compiler, *FLAGS, *extra, str(src), "-o", str(obj)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise CompileError(f"{' '.join(cmd)}\n{p.stderr[-3000:]}")
    seconds, rss_mb = parse_time(p.stderr)
    return seconds, rss_mb, obj


def parse_cpu(stderr):
    """User plus system CPU seconds from the report of `/usr/bin/time -v`: less sensitive than
    the wall time to other processes sharing the cores."""
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", stderr).group(1))
    return user + system


def parse_time(stderr):
    """Wall time (s) and peak memory (MB) from the report of `/usr/bin/time -v`."""
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", stderr)
    h = int(wall.group(1) or 0)
    seconds = h * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr).group(1))
    return seconds, rss_kb / 1024.0


def instantiations(src, out_dir, extra=()):
    _, _, obj = measure("clang++", src, out_dir, ["-ftime-trace", "-ftime-trace-granularity=0", *extra])
    trace = obj.with_suffix(".json")
    events = json.loads(trace.read_text())["traceEvents"]
    counts = {}
    for e in events:
        if e.get("ph") == "X":
            counts[e["name"]] = counts.get(e["name"], 0) + 1
    return {"InstantiateClass": counts.get("InstantiateClass", 0),
            "InstantiateFunction": counts.get("InstantiateFunction", 0),
            "events": sum(counts.values())}


def svg(results, path):
    pts = {c: [(r["indicators"], r[c]["wall_s"], r[c]["rss_mb"]) for r in results if isinstance(r["indicators"], int)]
           for c in ("g++", "clang++")}
    W, H, left, top, right, bottom = 640, 300, 60, 30, 300, 250
    xmax = max(x for p in pts.values() for x, _, _ in p)
    tmax = max(t for p in pts.values() for _, t, _ in p) * 1.15
    mmax = max(m for p in pts.values() for _, _, m in p) * 1.15

    def X(x):
        return left + x / xmax * (right - left)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           '<text x="60" y="18" font-size="13">compile time (s, left) and peak memory (MB, right) vs indicators</text>']
    colors = {"g++": "#1f77b4", "clang++": "#d62728"}
    for panel, (idx, vmax, unit, ox) in enumerate([(1, tmax, "s", 0), (2, mmax, "MB", 320)]):
        def Y(v):
            return bottom - v / vmax * (bottom - top)
        out.append(f'<line x1="{left + ox}" y1="{bottom}" x2="{right + ox}" y2="{bottom}" stroke="black"/>')
        out.append(f'<line x1="{left + ox}" y1="{top}" x2="{left + ox}" y2="{bottom}" stroke="black"/>')
        for i in range(5):
            v = vmax * i / 4
            out.append(f'<text x="{left + ox - 5}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:.1f}</text>')
            out.append(f'<line x1="{left + ox}" x2="{right + ox}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#eee"/>')
        for x in SIZES:
            out.append(f'<text x="{X(x) + ox:.1f}" y="{bottom + 14}" text-anchor="middle">{x}</text>')
        out.append(f'<text x="{(left + right) / 2 + ox}" y="{bottom + 30}" text-anchor="middle">indicators ({unit})</text>')
        for c, p in pts.items():
            d = " ".join(f"{X(x) + ox:.1f},{Y(v[idx - 1]):.1f}" for x, *v in p)
            out.append(f'<polyline points="{d}" fill="none" stroke="{colors[c]}" stroke-width="2"/>')
            for x, *v in p:
                out.append(f'<circle cx="{X(x) + ox:.1f}" cy="{Y(v[idx - 1]):.1f}" r="3" fill="{colors[c]}"/>')
    for i, c in enumerate(colors):
        out.append(f'<rect x="{left + 10 + 90 * i}" y="{top}" width="12" height="12" fill="{colors[c]}"/>')
        out.append(f'<text x="{left + 28 + 90 * i}" y="{top + 10}">{c}</text>')
    out.append("</svg>")
    Path(path).write_text("\n".join(out) + "\n")


def table(results):
    lines = ["| TU | indicators | g++ -O2 wall s (min-max) | g++ peak MB | clang++ -O2 wall s (min-max) | clang++ peak MB | clang instantiations (class + function) |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        g, c = r["g++"], r["clang++"]
        inst = r.get("clang_instantiations")
        inst_txt = f"{inst['InstantiateClass']} + {inst['InstantiateFunction']}" if inst else "n/a"
        lines.append(f"| {r['tu']} | {r['indicators']} | {g['wall_s']:.2f} ({min(g['walls']):.2f}-{max(g['walls']):.2f}) | "
                     f"{g['rss_mb']:.0f} | {c['wall_s']:.2f} ({min(c['walls']):.2f}-{max(c['walls']):.2f}){' (*)' if r.get('clang_note') else ''} | {c['rss_mb']:.0f} | {inst_txt} |")
    notes = [f"(*) {r['tu']}: {r['clang_note']}." for r in results if r.get("clang_note")]
    if notes:
        lines += [""] + notes
    return "\n".join(lines)


def verdicts(results):
    out = []
    for r in results:
        g = r["g++"]
        if r["indicators"] == 256:
            t, m = TARGETS[256]
        elif r["tu"].startswith("examples/"):
            t, m = TARGETS["realistic"]
        else:
            continue
        ok = g["wall_s"] <= t and g["rss_mb"] <= m
        out.append(f"- {r['tu']}: g++ -O2 {g['wall_s']:.2f} s (target <= {t} s), {g['rss_mb']:.0f} MB (target <= {m} MB): "
                   f"**{'met' if ok else 'MISSED'}**")
    grid = [r for r in results if isinstance(r["indicators"], int) and r["indicators"] in SIZES]
    base = next((r for r in results if r["tu"] == "include only"), None)
    if grid and base:
        b = base["g++"]["wall_s"]
        per = [(r["indicators"], (r["g++"]["wall_s"] - b) / r["indicators"] * 1000) for r in grid]
        out.append("- growth (g++): ms per indicator above the include-only TU: "
                   + ", ".join(f"{n}: {ms:.1f}" for n, ms in per))
    return "\n".join(out)


def load_gen_grids(tree):
    """The grid generator of one tree, so each commit compiles a grid written for its own API."""
    spec = importlib.util.spec_from_file_location(f"gen_grids_{abs(hash(str(tree)))}", tree / "benchmarks/gen_grids.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Interleaved comparison of two commits (--commits). The date::date target of the commits
# that used date gave its users these two definitions; both trees get them so that the
# BEFORE side compiles as its CMake build did (they only concern <date/date.h>).
COMMIT_DEFINES = ["-DONLY_C_LOCALE=1", "-DHAS_STRING_VIEW=1"]
COMMIT_GOAL_RATIO = 0.65


def commit_flags(tree):
    return [f if not f.startswith("-I") else f"-I{tree / 'include'}" for f in FLAGS] + COMMIT_DEFINES


def measure_commits(before, after, rounds, json_path, doc, no_doc):
    load_before = os.getloadavg()
    revs = [subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", r], check=True, capture_output=True,
                           text=True).stdout.strip() for r in (before, after)]
    with tempfile.TemporaryDirectory(prefix="caqes_compile_commits_") as tmp:
        where = Path(tmp)
        trees = []
        try:
            for rev in revs:
                tree = where / rev
                subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), rev], check=True)
                trees.append(tree)
            tus = {}  # name -> [source in BEFORE, source in AFTER]
            for i, tree in enumerate(trees):
                out = where / f"tu_{i}"
                out.mkdir()
                inc = out / "include_only.cpp"
                inc.write_text("#include <caqes/caqes.hpp>\n")
                grid = out / "grille_256.cpp"
                grid.write_text(tu_grid(256, load_gen_grids(tree)))
                for name, src in (("include only", inc), ("examples/socle_regional.cpp", tree / "examples/socle_regional.cpp"),
                                  ("examples/demo.cpp", tree / "examples/demo.cpp"), ("generated grid 256", grid)):
                    tus.setdefault(name, []).append(src)
            runs = {name: ([], []) for name in tus}
            for r in range(rounds):
                order = (0, 1) if r % 2 == 0 else (1, 0)
                for name, srcs in tus.items():
                    for side in order:
                        out = where / f"obj_{side}"
                        out.mkdir(exist_ok=True)
                        cmd = ["/usr/bin/time", "-v", "g++", *commit_flags(trees[side]), str(srcs[side]), "-o",
                               str(out / "tu.o")]
                        p = subprocess.run(cmd, capture_output=True, text=True)
                        if p.returncode != 0:
                            sys.exit(f"compilation failed ({revs[side]}): {' '.join(cmd)}\n{p.stderr[-3000:]}")
                        runs[name][side].append((*parse_time(p.stderr), parse_cpu(p.stderr)))
                print(f"round {r + 1}/{rounds} done", file=sys.stderr, flush=True)
            reports = Path(json_path).parent
            reports.mkdir(parents=True, exist_ok=True)
            for side, tree in enumerate(trees):
                for name in ("include only", "examples/socle_regional.cpp"):
                    src = tus[name][side]
                    p = subprocess.run(["g++", *commit_flags(tree), "-ftime-report", str(src), "-o", os.devnull],
                                       capture_output=True, text=True)
                    slug = "include-only" if name == "include only" else Path(name).stem
                    (reports / f"compile-ftime-report-{slug}-{'before' if side == 0 else 'after'}.txt").write_text(p.stderr)
        finally:
            for tree in trees:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)

    results = []
    for name, (b, a) in runs.items():
        row = {"tu": name}
        for key, side in (("before", b), ("after", a)):
            row[key] = {"walls": [x[0] for x in side], "wall_s": statistics.median(x[0] for x in side),
                        "cpu_s": statistics.median(x[2] for x in side), "rss_mb": statistics.median(x[1] for x in side)}
        row["time_ratio"] = row["after"]["wall_s"] / row["before"]["wall_s"]
        row["cpu_ratio"] = row["after"]["cpu_s"] / row["before"]["cpu_s"]
        row["memory_ratio"] = row["after"]["rss_mb"] / row["before"]["rss_mb"]
        results.append(row)
    version = subprocess.run(["g++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    flags = [f if not f.startswith("-I") else "-I<tree>/include" for f in commit_flags(ROOT)]
    load = [round(x, 1) for x in (*load_before, *os.getloadavg())]
    Path(json_path).write_text(json.dumps({"before": revs[0], "after": revs[1], "compiler": version, "flags": flags,
                                           "rounds": rounds, "load_average_start_end": load, "results": results},
                                          indent=1) + "\n")
    lines = [f"{version}, flags `{' '.join(flags)}`. {revs[0]} (before) and {revs[1]} (after) compiled in turns, "
             f"{rounds} rounds, order swapped every round; medians over the rounds. Load average (1, 5, 15 min) "
             f"{load[0]}, {load[1]}, {load[2]} at the start and {load[3]}, {load[4]}, {load[5]} at the end.", "",
             "| TU | before wall s (min-max) | after wall s (min-max) | wall after/before | before CPU s | after CPU s | CPU after/before | before MB | after MB | memory after/before |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        b, a = r["before"], r["after"]
        lines.append(f"| {r['tu']} | {b['wall_s']:.2f} ({min(b['walls']):.2f}-{max(b['walls']):.2f}) | "
                     f"{a['wall_s']:.2f} ({min(a['walls']):.2f}-{max(a['walls']):.2f}) | {r['time_ratio']:.2f} | "
                     f"{b['cpu_s']:.2f} | {a['cpu_s']:.2f} | {r['cpu_ratio']:.2f} | "
                     f"{b['rss_mb']:.0f} | {a['rss_mb']:.0f} | {r['memory_ratio']:.2f} |")
    lines.append("")
    for r in results:
        a = r["after"]
        if r["tu"] == "generated grid 256":
            t, m = TARGETS[256]
            ok = a["wall_s"] <= t and a["rss_mb"] <= m
            ok_cpu = a["cpu_s"] <= t and a["rss_mb"] <= m
            lines.append(f"- {r['tu']}: {a['wall_s']:.2f} s wall, {a['cpu_s']:.2f} s CPU (target <= {t} s), "
                         f"{a['rss_mb']:.0f} MB (target <= {m} MB): **{'met' if ok else 'MISSED'}** on wall time, "
                         f"**{'met' if ok_cpu else 'MISSED'}** on CPU time")
        else:
            ok_t = r["time_ratio"] <= COMMIT_GOAL_RATIO
            ok_c = r["cpu_ratio"] <= COMMIT_GOAL_RATIO
            ok_m = r["memory_ratio"] <= 1.0
            lines.append(f"- {r['tu']}: wall time {r['time_ratio']:.2f}x (goal <= {COMMIT_GOAL_RATIO}x): "
                         f"**{'met' if ok_t else 'MISSED'}**; CPU time {r['cpu_ratio']:.2f}x: "
                         f"**{'met' if ok_c else 'MISSED'}**; memory {r['memory_ratio']:.2f}x (goal <= 1): "
                         f"**{'met' if ok_m else 'MISSED'}**")
    text = "\n".join(lines)
    print(text)
    if not no_doc:
        replace_section(doc, "compile-commits", text)


def replace_section(doc, name, text):
    s = Path(doc).read_text()
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    a = s.index(begin) + len(begin)
    b = s.index(end)
    Path(doc).write_text(s[:a] + "\n" + text.rstrip() + "\n" + s[b:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", type=int, nargs="*", default=SIZES)
    ap.add_argument("--json", default=str(ROOT / "benchmarks/results/compile.json"))
    ap.add_argument("--svg", default=str(ROOT / "docs/performance-compile.svg"))
    ap.add_argument("--doc", default=str(ROOT / "docs/performance.md"))
    ap.add_argument("--no-doc", action="store_true")
    ap.add_argument("--commits", nargs=2, metavar=("BEFORE", "AFTER"),
                    help="compare two commits, compiled in turns (g++ -O2 only)")
    ap.add_argument("--rounds", type=int, default=7, help="rounds of the --commits comparison")
    ap.add_argument("--commits-json", default=str(ROOT / "benchmarks/results/compile-commits.json"))
    a = ap.parse_args()
    if a.commits:
        measure_commits(a.commits[0], a.commits[1], a.rounds, a.commits_json, a.doc, a.no_doc)
        return

    with tempfile.TemporaryDirectory(prefix="caqes_compile_") as tmp:
        tus = []
        inc = Path(tmp) / "include_only.cpp"
        inc.write_text("#include <caqes/caqes.hpp>\n")
        tus.append(("include only", 0, inc))
        for n in a.sizes:
            p = Path(tmp) / f"grille_{n}.cpp"
            p.write_text(tu_grid(n))
            tus.append((f"generated grid {n}", n, p))
        for ex in ("demo.cpp", "socle_regional.cpp"):
            if (ROOT / "examples" / ex).exists():
                tus.append((f"examples/{ex}", "example", ROOT / "examples" / ex))

        results = []
        for name, n, src in tus:
            r = {"tu": name, "indicators": n}
            extra = {"g++": [], "clang++": []}
            for c in ("g++", "clang++"):
                try:
                    measure(c, src, tmp)
                except CompileError as e:
                    if c != "clang++" or "maximum step limit" not in str(e):
                        sys.exit(f"compilation failed: {e}")
                    extra[c] = [CLANG_STEPS]
                    r["clang_note"] = f"fails with the default -fconstexpr-steps (constexpr evaluation hit maximum step limit); measured with {CLANG_STEPS}"
                runs = [measure(c, src, tmp, extra[c]) for _ in range(a.repeat)]
                walls = [x[0] for x in runs]
                r[c] = {"walls": walls, "wall_s": statistics.median(walls),
                        "rss_mb": statistics.median(x[1] for x in runs)}
            r["clang_instantiations"] = instantiations(src, tmp, extra["clang++"])
            print(f"{name}: g++ {r['g++']['wall_s']:.2f} s {r['g++']['rss_mb']:.0f} MB; "
                  f"clang++ {r['clang++']['wall_s']:.2f} s {r['clang++']['rss_mb']:.0f} MB; "
                  f"clang instantiations {r['clang_instantiations']}", flush=True)
            results.append(r)

        # Where the time goes for the largest grid (kept for the analysis in the docs).
        big = [t for t in tus if t[1] == max(a.sizes)]
        if big:
            p = subprocess.run(["g++", *FLAGS, "-ftime-report", str(big[0][2]), "-o", os.devnull],
                               capture_output=True, text=True)
            Path(a.json).with_name(f"compile-ftime-report-{max(a.sizes)}.txt").write_text(p.stderr)

    versions = {c: subprocess.run([c, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
                for c in ("g++", "clang++")}
    Path(a.json).parent.mkdir(parents=True, exist_ok=True)
    Path(a.json).write_text(json.dumps({"flags": FLAGS_AFFICHES, "compilers": versions, "repeat": a.repeat, "results": results},
                                       indent=1) + "\n")
    svg(results, a.svg)
    text = "\n".join([f"Compilers: {versions['g++']}; {versions['clang++']}. Flags: `{' '.join(FLAGS_AFFICHES)}`. "
                      f"Median of {a.repeat} compilations each.", "",
                      table(results), "", verdicts(results)])
    print(text)
    if not a.no_doc:
        replace_section(a.doc, "compile", text)


if __name__ == "__main__":
    main()
