#!/usr/bin/env python3
"""The shipped JSON Schema and the grid reader agree (docs/cli.md, "Format").

- schema/caqes.grille-1.schema.json is a valid Draft 2020-12 schema;
- every example grid (examples/grilles/*.json) and every rule case (tests/grilles/E*.json,
  well formed but breaking a rule) validates against it;
- every invalid file of tests/grilles/invalides/ (unknown key, wrong schema version, wrong JSON
  type, duplicate key, not UTF-8, truncated) is refused by a strict JSON load plus the schema,
  and by `caqes check` with exit status 3 and the rule id its name starts with.

JSON Schema cannot see duplicate keys, bytes or truncation: the strict load refuses them
(UTF-8 decoding, a hook on every object's pairs, no NaN or Infinity), as the reader does.

    check_schema.py SOURCE_DIR CAQES_TOOL
"""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema


class Refus(Exception):
    pass


def sans_doublon(paires):
    vues = {}
    for cle, valeur in paires:
        if cle in vues:
            raise Refus(f"duplicate key {cle!r}")
        vues[cle] = valeur
    return vues


def constante(nom):
    raise Refus(f"{nom} is no JSON number")


def charger(chemin):
    try:
        texte = chemin.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        raise Refus(f"not UTF-8: {e}") from e
    try:
        return json.loads(texte, object_pairs_hook=sans_doublon, parse_constant=constante)
    except json.JSONDecodeError as e:
        raise Refus(f"not JSON: {e}") from e


def main():
    racine, outil = Path(sys.argv[1]), sys.argv[2]
    schema = json.loads((racine / "schema/caqes.grille-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    valideur = jsonschema.Draft202012Validator(schema)
    echecs = []

    valides = sorted((racine / "examples/grilles").glob("*.json")) + sorted((racine / "tests/grilles").glob("E*.json"))
    for chemin in valides:
        try:
            erreurs = [e.message for e in valideur.iter_errors(charger(chemin))]
        except Refus as e:
            erreurs = [str(e)]
        if erreurs:
            echecs.append(f"{chemin.relative_to(racine)} should validate: {erreurs[:3]}")

    invalides = sorted((racine / "tests/grilles/invalides").glob("E*.json"))
    for chemin in invalides:
        nom = chemin.relative_to(racine)
        try:
            erreurs = [e.message for e in valideur.iter_errors(charger(chemin))]
            raison = erreurs[0] if erreurs else None
        except Refus as e:
            raison = str(e)
        if raison is None:
            echecs.append(f"{nom}: the schema accepts it")
        regle = "CAQES-" + chemin.name[:4]
        r = subprocess.run([outil, "check", str(chemin)], capture_output=True, text=True, errors="replace")
        if r.returncode != 3 or f"error: {regle}:" not in r.stdout:
            echecs.append(f"{nom}: caqes check exited {r.returncode} without {regle}:\n{r.stdout}{r.stderr}")
        print(f"{nom}: schema: {raison}; caqes check: {r.returncode}, {regle}")

    print(f"{len(valides)} grids validate, {len(invalides)} invalid files refused by both")
    if len(invalides) < 6:
        echecs.append("fewer invalid files than the six kinds the format must refuse")
    for e in echecs:
        print("FAILED:", e)
    return 1 if echecs else 0


if __name__ == "__main__":
    sys.exit(main())
