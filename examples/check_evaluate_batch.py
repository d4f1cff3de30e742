#!/usr/bin/env python3
"""`caqes evaluate` on a grid file gives what the C++ batch gives on its compile-time twin.

    check_evaluate_batch.py CAQES EXAMPLE_BATCH EXAMPLES_DIR   (test example.evaluate_same_as_batch)

Runs `example_batch --json` (the template examples/modeles/regional_2017.hpp, checked at compile
time, evaluated by evaluateur<def>) and `caqes evaluate --format jsonl --trace` with its JSON twin
examples/grilles/regional_2017.json (loaded at run time, evaluated by evaluer(rapport_valide))
on the bundled sample, and checks that both exit 1 (the sample has bad rows), evaluate the same
establishment-years in the same order with equal evaluations and traces, and reject the same
rows with the same rules at the same lines and fields.
"""
import json
import subprocess
import sys
from pathlib import Path


def main() -> int:
    caqes, batch, exemples = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    valeurs = str(exemples / "data" / "valeurs.csv")
    etabs = str(exemples / "data" / "etablissements.csv")
    contrats = str(exemples / "data" / "contrats.csv")
    b = subprocess.run([batch, "--json", valeurs, etabs, contrats], capture_output=True, check=False)
    c = subprocess.run([caqes, "evaluate", "--grid", str(exemples / "grilles" / "regional_2017.json"), "--format", "jsonl", "--trace",
                        valeurs, etabs, contrats], capture_output=True, check=False)
    erreurs = []
    if b.returncode != 1 or c.returncode != 1:
        erreurs.append(f"exit statuses {b.returncode} (batch) and {c.returncode} (caqes), expected 1 and 1")
    doc = json.loads(b.stdout)
    attendues = doc["evaluations"]
    lignes = [json.loads(l) for l in c.stdout.decode().splitlines()]
    if len(lignes) != len(attendues) or len(lignes) == 0:
        erreurs.append(f"{len(lignes)} evaluations from caqes, {len(attendues)} from the batch")
    for a, l in zip(attendues, lignes):
        a = dict(a)
        del a["raison_sociale"]  # the batch's input has no name column; caqes does not invent one
        if a != l:
            cles = sorted(k for k in set(a) | set(l) if a.get(k) != l.get(k))
            erreurs.append(f"{a['finess']} {a['exercice']}: differs in {cles}")
            break
    # Rejections: the batch cites file names, caqes the paths as given; same rule, line, field.
    rejets_batch = [(r["code"], r["lieu"]) for r in doc["rejets"]]
    rejets_caqes = []
    for ligne in c.stderr.decode().splitlines():
        if ": error: " not in ligne:
            continue
        lieu, reste = ligne.split(": error: ", 1)
        rejets_caqes.append((reste.split(":", 1)[0], Path(lieu).name))
    if rejets_batch != rejets_caqes or not rejets_batch:
        erreurs.append(f"rejections differ: {len(rejets_batch)} from the batch, {len(rejets_caqes)} from caqes")
    if not c.stderr.decode().rstrip().endswith("rejected OK"):
        erreurs.append("caqes's stderr does not end with the balanced reconciliation")
    for e in erreurs:
        print(e, file=sys.stderr)
    print(f"{len(lignes)} evaluations and {len(rejets_caqes)} rejections compared")
    return 1 if erreurs else 0


if __name__ == "__main__":
    sys.exit(main())
