#!/usr/bin/env python3
"""The shipped JSON Schema of evaluations and what the toolkit writes agree (docs/json-schema.md).

- schema/caqes.evaluation-1.schema.json is a valid Draft 2020-12 schema;
- every line `caqes evaluate --format jsonl --trace` writes, on the sample and on every test
  batch of tests/lots/ (first and second generation, recorded decisions on volets and on the
  contract, decided rates, L.162-30-4 measures, evaluation dates, establishments' own bases),
  validates against #/$defs/evaluation, as does `caqes explain --json`'s document;
- with the third argument, the batch document of `examples/batch --json` validates against the
  whole schema (its evaluations, refused entries, reconciliation and rejections);
- those outputs reach the schema's optional parts (so that "valid" is not only said of the
  members every evaluation has), and documents broken in one place each are refused.

    check_evaluation_schema.py SOURCE_DIR CAQES_TOOL [EXAMPLE_BATCH]
"""

import copy
import json
import subprocess
import sys
from pathlib import Path

import jsonschema


def lancer(commande, dossier, statuts):
    run = subprocess.run(commande, cwd=dossier, capture_output=True, text=True)
    if run.returncode not in statuts:
        raise SystemExit(f"check_evaluation_schema: {' '.join(map(str, commande))}: exit status {run.returncode}, "
                         f"expected one of {statuts}\n{run.stderr}")
    return run.stdout


def premieres_erreurs(validateur, doc):
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:300]}"
            for e in sorted(validateur.iter_errors(doc), key=lambda e: list(map(str, e.path)))[:3]]


def main() -> int:
    racine = Path(sys.argv[1]).resolve()
    outil = str(Path(sys.argv[2]).resolve())
    lot_exemple = str(Path(sys.argv[3]).resolve()) if len(sys.argv) > 3 else None
    schema = json.loads((racine / "schema/caqes.evaluation-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = jsonschema.Draft202012Validator(schema)
    # One evaluation: the same definitions, #/$defs/evaluation at the root.
    une = jsonschema.Draft202012Validator({"$schema": schema["$schema"], "$defs": schema["$defs"],
                                           "$ref": "#/$defs/evaluation"})

    lots = racine / "tests/lots"
    csv = [str(lots / "valeurs.csv"), str(lots / "etablissements.csv"), str(lots / "contrats.csv")]
    regional_2017 = str(racine / "examples/grilles/regional_2017.json")
    # (working directory, arguments after `evaluate --format jsonl`): status 1 is a batch with
    # rejected rows, listed on stderr; its accepted rows are written all the same. Every batch but
    # the sample with --trace: the sample's traces are those of examples/batch's document, below.
    evaluations = [
        (racine, ["--grid", regional_2017, "examples/data/valeurs.csv", "examples/data/etablissements.csv",
                  "examples/data/contrats.csv"]),
        (lots, ["--grid", regional_2017, *csv]),
        (lots, ["--grid", regional_2017, "valeurs.csv", "etablissements_decisions.csv", "contrats.csv"]),
        (lots, ["--grid", regional_2017, "valeurs.csv", "etablissements_au_dessus.csv", "contrats.csv"]),
        (lots, ["--grid", regional_2017, "rapports.jsonl"]),
        (lots / "bases", ["--grid", "grille_coupe_2017.json", "valeurs.csv", "etablissements.csv", "contrats.csv"]),
        (lots / "regional", ["--grid", "grille.json", "rapports.jsonl"]),
        (lots / "regional", ["--grid", "grille_non_illustrative.json", "rapports.jsonl"]),
        (lots / "regional", ["--grid", "grille_sans_enveloppe.json", "rapports.jsonl"]),
        (lots / "regional", ["--grid", "grille_date_evaluation.json", "rapports_dates.jsonl"]),
        (lots / "l162_30_4", ["--grid", "grille.json", "rapports.jsonl"]),
        (lots / "l162_30_4", ["--grid", "grille.json", "rapports_sans_date.jsonl"]),
        (lots / "l162_30_4", ["--grid", "grille.json", "rapports_decision_taux.jsonl"]),
    ]
    erreurs = []
    vues = []
    for dossier, arguments in evaluations:
        avec_trace = [] if dossier == racine and lot_exemple else ["--trace"]
        sortie = lancer([outil, "evaluate", "--format", "jsonl", *avec_trace, *arguments], dossier, (0, 1))
        lignes = sortie.splitlines()
        if not lignes:
            erreurs.append(f"{dossier.name}, {arguments}: no evaluation written")
        for n, ligne in enumerate(lignes, 1):
            doc = json.loads(ligne)
            for e in premieres_erreurs(une, doc):
                erreurs.append(f"{dossier.name}, {' '.join(arguments)}, line {n}: {e}")
            vues.append(doc)
    explication = json.loads(lancer([outil, "explain", "--grid", regional_2017, "--finess", "019900028", "--year",
                                     "2018", "--json", *csv], racine, (0,)))
    erreurs += [f"explain --json: {e}" for e in premieres_erreurs(une, explication)]
    vues.append(explication)
    if lot_exemple:
        doc = json.loads(lancer([lot_exemple, "--json"], racine, (1,)))
        erreurs += [f"examples/batch --json: {e}" for e in premieres_erreurs(document, doc)]
        vues += [e for e in doc["evaluations"] if "erreurs" not in e]
        if not doc.get("reconciliation") or not doc.get("rejets"):
            erreurs.append("examples/batch --json: no reconciliation or no rejection to check")
        else:
            # An establishment-year whose report failed validation (caqes::json::ecrire_erreurs): the
            # sample has none, so one is made of a rejection the batch reported.
            refusee = {"erreurs": doc["rejets"][:1], "exercice": 2018, "finess": "019900028", "modele": "m"}
            erreurs += [f"a refused entry: {e}" for e in premieres_erreurs(une, refusee)]
            if une.is_valid(dict(refusee, erreurs=[])):
                erreurs.append("the schema accepts a refused entry without its violations")

    # The optional parts were reached: each is named with what it is, and must have been seen.
    contrat = [c for d in vues for c in d["contrat"]]
    volets = [v for d in vues for v in d["volets"]]
    trace = [ligne for d in vues for ligne in d.get("trace", [])]
    atteintes = {
        "a contract entry with a decided outcome": any(c["nature_decidee"] for c in contrat),
        "a contract entry with a decided rate and duration": any(c["taux_decide"] and c["duree_decidee_mois"]
                                                                  for c in contrat),
        "a volet's recorded decision": any(v["decision"] for v in volets),
        "a volet's proposal": any(v["proposition"] for v in volets),
        "a volet without a proposal": any(v["proposition"] is None for v in volets),
        "a volet with no score": any(not v["score"]["defini"] for v in volets),
        "a volet's savings": any(v["economies_centimes"] is not None for v in volets),
        "a volet not evaluated": any(not v["couverture"]["evalue"] for v in volets),
        "an evaluation date": any(d["regles"]["date_evaluation"] for d in vues),
        "the period of the L.162-30-4 measures": any(d["regles"]["periode_mesures"] for d in vues),
        "an alert": any(d["regles"]["alertes"] for d in vues),
        "an establishment's liste en sus share": any(d["regles"]["part_liste_en_sus_centimes"] is not None
                                                      for d in vues),
        "a referentiel's text": any("referentiel_texte" in ligne for ligne in trace),
        "a value not given": any(ligne["valeur"]["etat"] != "renseignee" for ligne in trace),
        "an indicator without a target": any(ligne.get("cible", 0) is None for ligne in trace),
        "a partial achievement": any(ligne["statut"] == "partiel" for ligne in trace),
        "a second-generation evaluation": any(d["regles"]["regime"] == "CAQES deuxieme generation" for d in vues),
    }
    natures = {p["nature"] for p in contrat + [v["proposition"] for v in volets if v["proposition"]]}
    for attendue in ("sanction", "interessement", "interessement_regional", "interessement_national",
                     "abattement_tarifaire", "minoration_liste_en_sus"):
        atteintes[f"a proposal of nature {attendue}"] = attendue in natures
    erreurs += [f"no output reached {quoi}" for quoi, vu in atteintes.items() if not vu]

    # The schema refuses: a document broken in one place each must not validate.
    base = next(d for d in vues if d["contrat"] and d["volets"] and d.get("trace"))

    def casse(chemin, valeur):
        doc = copy.deepcopy(base)
        noeud = doc
        for cle in chemin[:-1]:
            noeud = noeud[cle]
        if valeur is KeyError:
            del noeud[chemin[-1]]
        else:
            noeud[chemin[-1]] = valeur
        return doc

    cassures = {
        "an amount as a floating-point number": casse(["total_sanctions_centimes"], 1.5),
        "an unknown member": casse(["inconnu"], 0),
        "a member missing": casse(["regles"], KeyError),
        "a nature outside the enumeration": casse(["contrat", 0, "nature"], "bonus"),
        "a fraction with a zero denominator": casse(["trace", 0, "points"], {"decimal": "1", "den": 0, "num": 1}),
        "a coverage without its days": casse(["volets", 0, "couverture"], {"evalue": True}),
        "a rate as a decimal string": casse(["contrat", 0, "taux"], "0.2"),
        "a fraction's decimal as a number": casse(["trace", 0, "points", "decimal"], 2),
        "a date in another format": casse(["regles", "date_regles"], "01/01/2018"),
        "a defined score without its points": casse(["volets", 0, "score"], {"defini": True}),
        "a trace line's unknown status": casse(["trace", 0, "statut"], "reussi"),
    }
    for quoi, doc in cassures.items():
        if une.is_valid(doc):
            erreurs.append(f"the schema accepts {quoi}")
    if document.is_valid({"evaluations": [base], "schema": "caqes.evaluation/2"}):
        erreurs.append("the schema accepts another schema version")
    if not document.is_valid({"evaluations": [base], "schema": "caqes.evaluation/1"}):
        erreurs.append("the schema refuses a batch document of an evaluation it accepts")

    for e in erreurs:
        print("check_evaluation_schema:", e)
    print(f"check_evaluation_schema: {len(vues)} evaluations validated ({len(trace)} trace lines); "
          f"{len(atteintes)} optional parts reached; {len(cassures)} broken evaluations refused")
    return 1 if erreurs else 0


if __name__ == "__main__":
    sys.exit(main())
