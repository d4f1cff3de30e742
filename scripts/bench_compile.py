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
"""
import argparse
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
FLAGS = ["-std=c++20", "-O2", f"-I{ROOT / 'include'}", "-DONLY_C_LOCALE=1", "-DHAS_STRING_VIEW=1", "-c"]
# The same flags as written in the docs and results: no path of the machine that measured.
FLAGS_AFFICHES = [f if not f.startswith("-I") else "-I<repo>/include" for f in FLAGS]
TARGETS = {"realistic": (3.0, 500), 256: (6.0, 400)}


def tu_grid(size):
    return "\n".join([
        "#include <caqes/caqes.hpp>", "#include <array>", "#include <cstddef>", "namespace bench {",
        gen_grids.grid_cpp(size, f"g{size}"), "}  // namespace bench",
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
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    h = int(wall.group(1) or 0)
    seconds = h * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return seconds, rss_kb / 1024.0, obj


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
    a = ap.parse_args()

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
