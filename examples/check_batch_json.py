#!/usr/bin/env python3
"""Checks the batch evaluator's --json document (docs/json-schema.md).

Runs the program given as the first argument with --json and checks what a consumer relies
on: the schema version, one evaluation per accepted establishment-year, the reconciliation
balanced, every indicator of the illustrative template labelled, and no floating-point number
anywhere (amounts are integer cents, fractions are exact)."""
import json
import subprocess
import sys


def floats(node, path="$"):
    if isinstance(node, float):
        yield path
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from floats(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from floats(v, f"{path}[{i}]")


def main() -> int:
    run = subprocess.run([sys.argv[1], "--json"], capture_output=True, text=True)
    # The bundled sample has deliberately bad rows: 1 (some rows rejected) is its documented
    # exit status; anything else, a crash included, fails.
    if run.returncode != 1:
        print(f"check_batch_json: exit status {run.returncode}, expected 1\n{run.stderr}")
        return 1
    out = run.stdout
    doc = json.loads(out)
    errors = []
    if doc.get("schema") != "caqes.evaluation/1":
        errors.append(f"schema is {doc.get('schema')!r}")
    rec = {r["fichier"]: r for r in doc["reconciliation"]}
    for name, r in rec.items():
        if r["lues"] != r["acceptees"] + r["rejetees"]:
            errors.append(f"{name}: {r['lues']} read != {r['acceptees']} + {r['rejetees']}")
        if r["lignes"] != r["entete"] + r["vides"] + r["lues"]:
            errors.append(f"{name}: {r['lignes']} lines != {r['entete']} + {r['vides']} + {r['lues']}")
    if len(doc["evaluations"]) != rec["etablissements.csv"]["acceptees"]:
        errors.append(f"{len(doc['evaluations'])} evaluations for {rec['etablissements.csv']['acceptees']} accepted rows")
    if not doc["rejets"]:
        errors.append("the sample has bad rows, but no rejection was reported")
    unlabelled = [e["finess"] for e in doc["evaluations"] if not all(l["illustratif"] for l in e["trace"])]
    if unlabelled:
        errors.append(f"indicators not labelled illustrative for {unlabelled[:3]}")
    bad = list(floats(doc))
    if bad:
        errors.append(f"floating-point numbers at {bad[:3]}")
    for e in errors:
        print("check_batch_json:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
