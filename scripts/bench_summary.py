#!/usr/bin/env python3
"""Summarises a caqes_bench JSON run (--benchmark_repetitions with aggregates).

Writes:
- a markdown table of the run-time results (ns per evaluation, medians, spread as the
  coefficient of variation over the repetitions, every ratio against the hand-written
  baseline measured in the same run) and of the end-to-end results;
- docs/performance-runtime.svg, a hand-written SVG chart (no plotting library);
- the tables into docs/performance.md between the `<!-- runtime:begin -->` / `end` markers,
  the dense columnar baselines' table between `<!-- dense:begin -->` / `end`, and the columnar
  evaluator's between `<!-- columnar:begin -->` / `end`.

Usage: bench_summary.py RUN.json [--doc docs/performance.md] [--svg docs/performance-runtime.svg]
"""
import argparse
import json
import math
import re
import sys
from collections import defaultdict

VARIANTS = ["hand", "toolkit", "toolkit_runtime", "toolkit_trace", "poly", "plain_read"]
COLORS = {"hand": "#4d4d4d", "toolkit": "#1f77b4", "toolkit_runtime": "#9ecae1", "toolkit_trace": "#ff7f0e",
          "poly": "#d62728", "plain_read": "#2ca02c"}
TARGET_HAND = 1.10
TARGET_READ = 1.5


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    runs = defaultdict(dict)  # run_name -> aggregate -> entry
    for b in data["benchmarks"]:
        name = b.get("run_name", b["name"])
        agg = b.get("aggregate_name", "single")
        runs[name][agg] = b
    return data["context"], runs


def key(run_name):
    m = re.match(r"eval/g(\d+)/n(\d+)/([a-z_]+)/", run_name)
    if m:
        return ("eval", int(m.group(1)), int(m.group(2)), m.group(3))
    m = re.match(r"e2e/rows(\d+)/([a-z_]+)/", run_name)
    if m:
        return ("e2e", int(m.group(1)), m.group(2))
    return None


def median(aggs, field):
    e = aggs.get("median") or aggs.get("single")
    return e.get(field) if e else None


def cv(aggs):
    e = aggs.get("cv")
    if e is None:
        return None
    return e.get("real_time")


def fmt_n(n):
    exp = int(math.log10(n))
    mant = n / 10 ** exp
    return f"{mant:g}e{exp}" if mant != 1 else f"1e{exp}"


def summarise(runs):
    ev = defaultdict(dict)   # (grid, n) -> variant -> dict
    e2e = defaultdict(dict)  # rows -> variant -> dict
    for name, aggs in runs.items():
        k = key(name)
        if k is None:
            continue
        ips = median(aggs, "items_per_second")
        entry = {"ns": 1e9 / ips if ips else None, "cv": cv(aggs), "ips": ips,
                 "allocs": median(aggs, "allocs_per_eval"), "N": median(aggs, "N"),
                 "bps": median(aggs, "bytes_per_second"), "rows": median(aggs, "rows")}
        if k[0] == "eval":
            ev[(k[1], k[2])][k[3]] = entry
        else:
            e2e[k[1]][k[2]] = entry
    return ev, e2e


def pct(x):
    return "n/a" if x is None else f"{100 * x:.1f} %"


def runtime_table(ev):
    lines = ["| grid | N | hand ns/eval (cv) | toolkit ns/eval (cv) | toolkit / hand | run-time loop / hand | "
             "trace / toolkit | toolkit / poly | toolkit / plain read | toolkit allocs/eval |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    verdicts = []
    for (g, n) in sorted(ev):
        v = ev[(g, n)]
        h, t = v.get("hand"), v.get("toolkit")
        if not h or not t:
            continue
        rt, tr, po, pr = v.get("toolkit_runtime"), v.get("toolkit_trace"), v.get("poly"), v.get("plain_read")
        r_hand = t["ns"] / h["ns"]
        r_read = t["ns"] / pr["ns"] if pr else None
        poly_txt = "n/a"
        if po:
            poly_txt = f"{t['ns'] / po['ns']:.2f}" + ("" if po["N"] == n else f" (poly N={fmt_n(po['N'])})")
        lines.append(
            f"| {g} | {fmt_n(n)} | {h['ns']:.1f} ({pct(h['cv'])}) | {t['ns']:.1f} ({pct(t['cv'])}) | **{r_hand:.2f}** | "
            f"{rt['ns'] / h['ns']:.2f} | {tr['ns'] / t['ns']:.2f} | {poly_txt} | "
            f"{'n/a' if r_read is None else f'{r_read:.2f}'} | {t['allocs']:.3g} |")
        verdicts.append((g, n, r_hand, r_read, t["allocs"]))
    return "\n".join(lines), verdicts


def dense_table(ev):
    """The toolkit against the hand-written dense columnar baselines of the same grid and N."""
    lines = ["| grid | N | toolkit ns/eval | dense (a) ns/eval (cv) | dense totals (b) ns/eval (cv) | "
             "dense plain read (c) ns/eval (cv) | toolkit / (a) | toolkit / (b) | toolkit / (c) | (b) / (c) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for (g, n) in sorted(ev):
        v = ev[(g, n)]
        a, b, c, t = v.get("dense"), v.get("dense_totals"), v.get("dense_plain_read"), v.get("toolkit")
        if not a or not b or not c:
            continue
        tt = f"{t['ns']:.1f}" if t else "not run (N above its cap)"
        r = (lambda x, y: f"{x['ns'] / y['ns']:.1f}" if x else "n/a")
        lines.append(f"| {g} | {fmt_n(n)} | {tt} | {a['ns']:.1f} ({pct(a['cv'])}) | {b['ns']:.1f} ({pct(b['cv'])}) | "
                     f"{c['ns']:.2f} ({pct(c['cv'])}) | {r(t, a)} | {r(t, b)} | {r(t, c)} | {r(b, c)} |")
    return "\n".join(lines)


TARGET_COLUMNAR = 1.3
TARGET_LOADED = 1.5


def columnar_table(ev):
    """The toolkit's batch evaluator (compile-time and loaded grid) against the dense baselines
    and the scalar evaluator of the same grid and N, with issue 16's two goals."""
    lines = ["| grid | N | columnar ns/eval (cv) | columnar, loaded grid ns/eval (cv) | dense (a) ns/eval | "
             "dense, run-time rates (a') ns/eval | dense totals (b) ns/eval | dense plain read (c) ns/eval | "
             f"scalar toolkit ns/eval | columnar / (a) (goal <= {TARGET_COLUMNAR}) | columnar / (a') | "
             f"loaded / columnar (goal <= {TARGET_LOADED}) | columnar / (b) | columnar / (c) | scalar / columnar |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for (g, n) in sorted(ev):
        v = ev[(g, n)]
        c, l, a, ap, b, r, t = (v.get(x) for x in ("columnar", "columnar_loaded", "dense", "dense_runtime_rates",
                                                    "dense_totals", "dense_plain_read", "toolkit"))
        if not c or not a or not b or not r:
            continue
        ns = (lambda x: f"{x['ns']:.1f}" if x else "not run")
        q = (lambda x, y: f"{x['ns'] / y['ns']:.2f}" if x and y else "n/a")
        cv_de = (lambda x: f" ({pct(x['cv'])})" if x else "")
        lines.append(f"| {g} | {fmt_n(n)} | {c['ns']:.1f} ({pct(c['cv'])}) | "
                     f"{ns(l)}{cv_de(l)} | {ns(a)} | {ns(ap)} | {ns(b)} | {r['ns']:.2f} | "
                     f"{ns(t)} | **{q(c, a)}** | {q(c, ap)} | **{q(l, c)}** | {q(c, b)} | {q(c, r)} | {q(t, c)} |")
    return "\n".join(lines)


def e2e_table(e2e):
    lines = ["| rows | plain read MB/s (cv) | plain read rows/s | pipeline MB/s (cv) | pipeline rows/s | pipeline time / plain read time | allocs/row |",
             "|---|---|---|---|---|---|---|"]
    for rows in sorted(e2e):
        v = e2e[rows]
        p, r = v.get("pipeline"), v.get("plain_read")
        if not p or not r:
            continue
        lines.append(f"| {int(p['rows']):,} | {r['bps'] / 1e6:.0f} ({pct(r['cv'])}) | {r['ips']:.3g} | "
                     f"{p['bps'] / 1e6:.1f} ({pct(p['cv'])}) | {p['ips']:.3g} | {r['ips'] / p['ips']:.0f}x | "
                     f"{median_allocs(p):.3g} |")
    return "\n".join(lines)


def median_allocs(entry):
    return entry.get("allocs_row", 0.0) or 0.0


def svg_chart(ev, path):
    groups = [k for k in sorted(ev) if "hand" in ev[k]]
    W, H = 60 + 70 * len(groups) + 160, 360
    top, bottom, left = 30, 300, 60
    vals = [e["ns"] for k in groups for e in ev[k].values() if e.get("ns")]
    lo = 10 ** math.floor(math.log10(min(vals)))
    hi = 10 ** math.ceil(math.log10(max(vals)))

    def y(v):
        return bottom - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * (bottom - top)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{left}" y="18" font-size="13">ns per evaluation (median, log scale), by grid size and N; lower is better</text>']
    d = lo
    while d <= hi * 1.0001:
        out.append(f'<line x1="{left}" x2="{left + 70 * len(groups)}" y1="{y(d):.1f}" y2="{y(d):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y(d) + 4:.1f}" text-anchor="end">{d:g}</text>')
        d *= 10
    bw = 10
    for gi, k in enumerate(groups):
        x0 = left + 70 * gi + 5
        for vi, var in enumerate(VARIANTS):
            e = ev[k].get(var)
            if not e or not e.get("ns"):
                continue
            yy = y(e["ns"])
            out.append(f'<rect x="{x0 + vi * bw}" y="{yy:.1f}" width="{bw - 1}" height="{bottom - yy:.1f}" fill="{COLORS[var]}">'
                       f'<title>{var} g{k[0]} N={fmt_n(k[1])}: {e["ns"]:.1f} ns</title></rect>')
        out.append(f'<text x="{x0 + 30}" y="{bottom + 14}" text-anchor="middle">g{k[0]}</text>')
        out.append(f'<text x="{x0 + 30}" y="{bottom + 27}" text-anchor="middle">N={fmt_n(k[1])}</text>')
    lx = left + 70 * len(groups) + 15
    for vi, var in enumerate(VARIANTS):
        out.append(f'<rect x="{lx}" y="{top + 18 * vi}" width="12" height="12" fill="{COLORS[var]}"/>')
        out.append(f'<text x="{lx + 18}" y="{top + 18 * vi + 10}">{var}</text>')
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def replace_section(doc, name, text):
    with open(doc, encoding="utf-8") as f:
        s = f.read()
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    if begin not in s or end not in s:
        sys.exit(f"{doc}: markers {begin} / {end} not found")
    a = s.index(begin) + len(begin)
    b = s.index(end)
    s = s[:a] + "\n" + text.rstrip() + "\n" + s[b:]
    with open(doc, "w", encoding="utf-8") as f:
        f.write(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run")
    ap.add_argument("--doc")
    ap.add_argument("--svg")
    ap.add_argument("--md")
    a = ap.parse_args()
    context, runs = load(a.run)
    ev, e2e = summarise(runs)
    for rows in e2e:
        for var, entry in e2e[rows].items():
            aggs = runs[[n for n in runs if key(n) == ("e2e", rows, var)][0]]
            entry["allocs_row"] = median(aggs, "allocs_per_row")
    table, verdicts = runtime_table(ev)
    lines = [f"Run of {context.get('date', '?')} on {context.get('host_name', '?')}, "
             f"{context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz, "
             f"Google Benchmark library build: {context.get('library_build_type', '?')}; load average at start "
             f"{', '.join(f'{x:.2f}' for x in context.get('load_avg', []))}.", "", table, ""]
    largest = {}
    for g, n, rh, rr, al in verdicts:
        largest[g] = max(largest.get(g, 0), n)
    ok_hand = [v for v in verdicts if v[2] <= TARGET_HAND]
    lines.append(f"Target toolkit <= {TARGET_HAND:.2f}x hand: met at {len(ok_hand)} of {len(verdicts)} sizes"
                 + ("" if len(ok_hand) == len(verdicts) else
                    " (missed: " + ", ".join(f"g{g} N={fmt_n(n)} {rh:.2f}x" for g, n, rh, _, _ in verdicts if rh > TARGET_HAND) + ")") + ".")
    big = [v for v in verdicts if v[1] == largest[v[0]]]
    lines.append(f"Target toolkit within {TARGET_READ}x of the plain read at the largest N of each grid: "
                 + ", ".join(f"g{g} N={fmt_n(n)} {rr:.2f}x {'met' if rr <= TARGET_READ else 'MISSED'}" for g, n, _, rr, _ in big) + ".")
    lines.append("Target 0 allocations per evaluation: "
                 + ("met everywhere" if all(v[4] == 0 for v in verdicts) else "MISSED somewhere, see the table") + ".")
    lines += ["", "End to end (grid of 7 indicators, French CSV dialect):", "", e2e_table(e2e)]
    text = "\n".join(lines)
    print(text)
    if a.md:
        with open(a.md, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    if a.svg:
        svg_chart(ev, a.svg)
    dense = dense_table(ev)
    print("\nDense columnar baselines:\n\n" + dense)
    columnar = columnar_table(ev)
    print("\nThe columnar evaluator:\n\n" + columnar)
    if a.doc:
        replace_section(a.doc, "runtime", text)
        replace_section(a.doc, "dense", dense)
        replace_section(a.doc, "columnar", columnar)


if __name__ == "__main__":
    main()
