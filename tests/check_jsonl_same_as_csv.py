#!/usr/bin/env python3
"""The JSON Lines input gives the CSV input's evaluations (test cli.jsonl_same_as_csv).

    check_jsonl_same_as_csv.py SOURCE_DIR CAQES WORK_DIR

Converts the bundled sample (examples/data/, with its contracts) to JSON Lines with
tools/csv_to_jsonl.py, evaluates both with `caqes evaluate --trace` against
examples/grilles/regional_2017.json, and checks: both exit 1 (the sample has bad rows); every
establishment-year the JSON Lines file accepts is accepted from the CSV with an equal evaluation
and trace, each with its contract's time checked (no alert sans_instance), except the lines of
an establishment the contracts file lacks, which carry no contract; every line is accepted or rejected
(one rejection at least, located file:line#/pointer, per rejected line); and the reconciliation
balances. A JSON Lines line is one establishment-year, so a row the CSV rejects on its own (an
unknown indicator code, a duplicate row) rejects that line: the accepted set may only shrink.
"""
import csv
import json
import re
import subprocess
import sys
from pathlib import Path


def main() -> int:
    source, caqes, travail = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    travail.mkdir(parents=True, exist_ok=True)
    donnees = source / "examples" / "data"
    jsonl = travail / "valeurs.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, str(source / "tools" / "csv_to_jsonl.py"), str(donnees / "valeurs.csv"),
                        str(donnees / "etablissements.csv"), str(donnees / "contrats.csv")], stdout=f, check=True)
    grille = str(source / "examples" / "grilles" / "regional_2017.json")
    c = subprocess.run([caqes, "evaluate", "--grid", grille, "--trace", str(donnees / "valeurs.csv"), str(donnees / "etablissements.csv"),
                        str(donnees / "contrats.csv")], capture_output=True, check=False)
    j = subprocess.run([caqes, "evaluate", "--grid", grille, "--trace", str(jsonl)], capture_output=True, check=False)
    erreurs = []
    # A number the CSV reader takes is a JSON number (a '+' dropped, JSON has none): the reader
    # refuses a number written as a string (CAQES-E029).
    sys.path.insert(0, str(source / "tools"))
    import csv_to_jsonl  # noqa: E402
    for cellule, francais, attendu in [("+5", False, "5"), ("-3.25", False, "-3.25"), ("+1 234,5", True, "1234.5"),
                                       ("12,50", True, "12.50"), ("NR", False, '"NR"'), ("+", False, '"+"')]:
        obtenu = csv_to_jsonl.nombre(cellule, francais)
        if obtenu != attendu:
            erreurs.append(f"csv_to_jsonl.nombre({cellule!r}, {francais}) gives {obtenu}, expected {attendu}")
    if c.returncode != 1 or j.returncode != 1:
        erreurs.append(f"exit statuses {c.returncode} (CSV) and {j.returncode} (JSON Lines), expected 1 and 1")
    csv_evals = {(e["finess"], e["exercice"]): e for e in map(json.loads, c.stdout.decode().splitlines())}
    jsonl_evals = [json.loads(l) for l in j.stdout.decode().splitlines()]
    # A line carries its establishment's contract when the contracts file has one; a line without
    # one is evaluated without contract time (alert sans_instance), where the CSV batch, given a
    # contracts file, rejects its establishment-year (CAQES-E026, no row in the contracts file).
    sans_contrat = {r["finess"] for r in csv.DictReader(
        (donnees / "etablissements.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";")}
    sans_contrat -= {r["finess"] for r in csv.DictReader(
        (donnees / "contrats.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";")}
    sans_instance = {e["finess"] for e in jsonl_evals if "sans_instance" in e["regles"]["alertes"]}
    if not sans_instance or not sans_instance <= sans_contrat:
        erreurs.append(f"evaluated without contract: {sorted(sans_instance)}; no contract row: {sorted(sans_contrat)}")
    for e in (e for e in jsonl_evals if e["finess"] not in sans_contrat):
        attendue = csv_evals.get((e["finess"], e["exercice"]))
        if attendue != e:
            erreurs.append(f"{e['finess']} {e['exercice']}: {'not accepted from the CSV' if attendue is None else 'evaluations differ'}")
    lignes = sum(1 for l in jsonl.read_text(encoding="utf-8").splitlines() if l.strip())
    rejetees = {int(m.group(1)) for m in re.finditer(r"valeurs\.jsonl:([0-9]+)#[^:]*: error: CAQES-E[0-9]{3}: ", j.stderr.decode())}
    if len(jsonl_evals) + len(rejetees) != lignes:
        erreurs.append(f"{lignes} lines, {len(jsonl_evals)} evaluated, {len(rejetees)} rejected")
    physiques = len(jsonl.read_text(encoding="utf-8").splitlines())
    if (f"valeurs.jsonl: {physiques} lines read = 0 header + {physiques - lignes} blank + {len(jsonl_evals)} accepted + "
            f"{len(rejetees)} rejected OK") not in j.stderr.decode():
        erreurs.append("the reconciliation of the JSON Lines file is not the one counted here")
    if len(jsonl_evals) < len(csv_evals) * 9 // 10:
        erreurs.append(f"only {len(jsonl_evals)} of the CSV's {len(csv_evals)} establishment-years accepted")
    for e in erreurs[:20]:
        print(e, file=sys.stderr)
    print(f"{lignes} lines: {len(jsonl_evals)} evaluated as from the CSV ({len(csv_evals)} there), {len(rejetees)} rejected")
    return 1 if erreurs else 0


if __name__ == "__main__":
    sys.exit(main())
