#!/usr/bin/env python3
"""End-to-end throughput of `caqes evaluate` (docs/performance.md, "The caqes tool").

    python3 scripts/bench_cli.py CAQES WORK_DIR [ROWS]

Builds a batch of about ROWS value rows (default 1e6) by repeating the bundled sample
(examples/data/) under new FINESS numbers (department 01, then 99 and a sequence number: the
sample's bad rows repeat too), and its JSON Lines twin (tools/csv_to_jsonl.py). Then, in one run,
one after the other: a plain read of the input files (`cat` to /dev/null, the floor any reader
pays), and `caqes evaluate` in each output format to a file, each timed by GNU time (elapsed
seconds, peak resident memory). Prints a Markdown table; the load average is printed beside it,
since the figures mean nothing without it.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent


def lignes(chemin: Path):
    texte = chemin.read_text(encoding="utf-8-sig")
    entete, *reste = texte.splitlines()
    return entete, [l for l in reste if l.strip()]


def mesurer(commande, sortie: Path):
    """Elapsed seconds and peak RSS (MB) of `commande`, stdout to `sortie`, via GNU time."""
    with open(sortie, "wb") as out:
        r = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + commande, stdout=out, stderr=subprocess.PIPE, check=False)
    derniere = r.stderr.decode().strip().splitlines()[-1]
    secondes, kilo = derniere.split()
    return float(secondes), int(kilo) / 1024, r.returncode


def main() -> int:
    caqes, travail = sys.argv[1], Path(sys.argv[2])
    cible = int(float(sys.argv[3])) if len(sys.argv) > 3 else 1_000_000
    travail.mkdir(parents=True, exist_ok=True)
    ev, valeurs = lignes(RACINE / "examples" / "data" / "valeurs.csv")
    ee, etabs = lignes(RACINE / "examples" / "data" / "etablissements.csv")
    copies = -(-cible // len(valeurs))
    finess = re.compile(r"^[0-9AB]{2}99([0-9]{5})")
    fv, fe = travail / "valeurs.csv", travail / "etablissements.csv"
    with open(fv, "w", encoding="utf-8", newline="") as v, open(fe, "w", encoding="utf-8", newline="") as e:
        v.write(ev + "\r\n")
        e.write(ee + "\r\n")
        for c in range(copies):
            def renommer(l):
                m = finess.match(l)
                if m is None:
                    return l  # a deliberately malformed FINESS stays malformed
                return f"0199{(c * 400 + int(m.group(1))) % 100000:05d}" + l[m.end():]
            for l in valeurs:
                v.write(renommer(l) + "\r\n")
            for l in etabs:
                e.write(renommer(l) + "\r\n")
    fj = travail / "valeurs.jsonl"
    with open(fj, "w", encoding="utf-8") as j:
        subprocess.run([sys.executable, str(RACINE / "tools" / "csv_to_jsonl.py"), str(fv), str(fe)], stdout=j, check=True)
    taille_csv = fv.stat().st_size + fe.stat().st_size
    lignes_csv = copies * (len(valeurs) + len(etabs))
    grille = str(RACINE / "examples" / "grilles" / "regional_2017.json")
    print(f"load average before: {os.getloadavg()}")
    print(f"input: {lignes_csv} CSV rows ({taille_csv / 1e6:.1f} MB), {copies * len(etabs)} JSON Lines lines "
          f"({fj.stat().st_size / 1e6:.1f} MB)\n")
    print("| run | s | rows/s | MB/s | peak MB | status |\n|---|--:|--:|--:|--:|--:|")
    def ligne(nom, s, mo, st, taille, n):
        print(f"| {nom} | {s:.2f} | {n / s / 1e3:.0f} k | {taille / s / 1e6:.1f} | {mo:.0f} | {st} |")
    s, mo, st = mesurer(["cat", str(fv), str(fe)], Path(os.devnull))
    ligne("plain read (cat), CSV", max(s, 0.01), mo, st, taille_csv, lignes_csv)
    for fmt in ["jsonl", "csv-fr", "csv", "markdown"]:
        s, mo, st = mesurer([caqes, "evaluate", "--grid", grille, "--format", fmt, str(fv), str(fe)], travail / f"sortie.{fmt}")
        ligne(f"evaluate CSV -> {fmt}", s, mo, st, taille_csv, lignes_csv)
    s, mo, st = mesurer(["cat", str(fj)], Path(os.devnull))
    ligne("plain read (cat), JSON Lines", max(s, 0.01), mo, st, fj.stat().st_size, lignes_csv)
    s, mo, st = mesurer([caqes, "evaluate", "--grid", grille, "--format", "csv-fr", str(fj)], travail / "sortie_jsonl.csv")
    ligne("evaluate JSON Lines -> csv-fr", s, mo, st, fj.stat().st_size, lignes_csv)
    print(f"\nload average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
