#!/usr/bin/env python3
"""Writes the JSON Lines twin of a batch input (docs/input-format.md, "JSON Lines").

    csv_to_jsonl.py VALEURS.csv ETABLISSEMENTS.csv [CONTRATS.csv] > valeurs.jsonl

One line per establishment-year of the establishments file, in its order, with the values of
that establishment-year from the values file, and with the contracts file its establishment's
contract (`contrat`, repeated on each of its lines). The optional columns become members when
the file has them: `activites`, `part_liste_en_sus` and `base_penalite`, each decision's `taux`
and `duree_mois`, the `l162_30_4` object
(its non-empty cells: one given in part stays in part, for the reader to reject). Numbers are written as JSON numbers with the same
digits (the French decimal comma becomes a point, thousands separators are dropped); a cell that
is not a number of the plain form is written as a string, so that `caqes evaluate` rejects it
with the rule the CSV reader gives. Used by the tests (cli.jsonl_same_as_csv) and by
docs/performance.md; it reads only what the two files hold and checks nothing itself.
"""
import csv
import json
import re
import sys

# A sign as the CSV reader takes it (csv_number.hpp): '-' or '+', the '+' dropped for JSON.
NOMBRE = re.compile(r"^[-+]?[0-9]+(\.[0-9]+)?$")
# The French form: thousands in groups of three (space, U+00A0 or U+202F), decimal comma.
FRANCAIS = re.compile("^[-+]?([0-9]+|[0-9]{1,3}([ \u00a0\u202f][0-9]{3})+)(,[0-9]+)?$")


def nombre(cellule: str, francais: bool):
    """The cell as JSON text: a number's digits as written, or a JSON string."""
    t = cellule.strip()
    if francais:
        if not FRANCAIS.match(t):
            return json.dumps(cellule, ensure_ascii=False)
        t = t.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not NOMBRE.match(t):
        return json.dumps(cellule, ensure_ascii=False)
    return t[1:] if t.startswith("+") else t


def lire(chemin: str):
    with open(chemin, encoding="utf-8-sig", newline="") as f:
        texte = f.read()
    entete = texte.split("\n", 1)[0]
    francais = ";" in entete
    return list(csv.DictReader(texte.splitlines(), delimiter=";" if francais else ",")), francais


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    valeurs, fr_v = lire(sys.argv[1])
    etabs, fr_e = lire(sys.argv[2])
    contrats = {}
    if len(sys.argv) == 4:
        for c in lire(sys.argv[3])[0]:
            contrats.setdefault(c["finess"].strip(), c)  # the first row stands, as in the reader
    par_cle = {}
    for r in valeurs:
        par_cle.setdefault((r["finess"], r["exercice"]), []).append(r)
    for e in etabs:
        membres = [f'"finess":{json.dumps(e["finess"])}', f'"exercice":{nombre(e["exercice"], fr_e)}',
                   f'"annee_contrat":{nombre(e["annee_contrat"], fr_e)}',
                   f'"produits_assurance_maladie":{nombre(e["produits_assurance_maladie"], fr_e)}']
        if e["annee_produits"].strip():
            membres.append(f'"annee_produits":{nombre(e["annee_produits"], fr_e)}')
        if e.get("activites", "").strip():
            membres.append(f'"activites":{json.dumps(e["activites"].strip())}')
        for base in ("part_liste_en_sus", "base_penalite"):
            if e.get(base, "").strip():
                membres.append(f'"{base}":{nombre(e[base], fr_e)}')
        economies, decisions = [], []
        for col, cellule in e.items():
            if col.startswith("economies_"):
                valeur = nombre(cellule, fr_e) if cellule.strip() else "null"
                economies.append(f'{json.dumps(col[len("economies_"):])}:{valeur}')
            elif col.startswith("decision_") and cellule.strip():
                volet = col[len("decision_"):]
                nature = e.get(f"nature_{volet}", "")
                taux = ""
                if e.get(f"taux_{volet}", "").strip():
                    taux += f',"taux":{nombre(e[f"taux_{volet}"], fr_e)}'
                if e.get(f"duree_{volet}", "").strip():
                    taux += f',"duree_mois":{nombre(e[f"duree_{volet}"], fr_e)}'
                decisions.append(f'{json.dumps(volet)}:{{"nature":{json.dumps(nature.strip())},"montant":{nombre(cellule, fr_e)}{taux}}}')
        membres.append('"economies":{' + ",".join(economies) + "}")
        membres.append('"decisions":{' + ",".join(decisions) + "}")
        l162 = [(col[len("l162_30_4_"):], cellule.strip()) for col, cellule in e.items()
                if col.startswith("l162_30_4_") and cellule.strip()]
        if l162:
            membres.append('"l162_30_4":{' + ",".join(
                f'{json.dumps(k)}:{json.dumps(v) if k == "saisine" else nombre(v, fr_e)}' for k, v in l162) + "}")
        contrat = contrats.get(e["finess"].strip())
        if contrat is not None:
            champs = [f'{json.dumps(k)}:{json.dumps(contrat[k].strip())}' for k in
                      ("ars", "organisme_local", "representant_legal", "reception_proposition", "signature",
                       "debut_effet")]
            avenants = [f'{json.dumps(col[len("avenant_"):])}:{json.dumps(cellule.strip())}'
                        for col, cellule in contrat.items() if col.startswith("avenant_") and cellule.strip()]
            champs.append('"avenants":{' + ",".join(avenants) + "}")
            membres.append('"contrat":{' + ",".join(champs) + "}")
        indicateurs = {}
        for r in par_cle.get((e["finess"], e["exercice"]), []):
            v = r["valeur"].strip()
            mot = v.upper() in ("NC", "NR") or v.lower() in ("oui", "non", "partiel")
            indicateurs.setdefault(r["indicateur"], []).append(
                f'{json.dumps(r["mesure"])}:{json.dumps(v) if mot else nombre(r["valeur"], fr_v)}')
        membres.append('"valeurs":{' + ",".join(f'{json.dumps(k)}:{{{",".join(m)}}}' for k, m in indicateurs.items()) + "}")
        sys.stdout.write("{" + ",".join(membres) + "}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
