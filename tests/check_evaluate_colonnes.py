#!/usr/bin/env python3
"""`caqes evaluate` on the columnar path prints, byte for byte, what its scalar path prints
(test cli.evaluate_columns_same_as_scalar).

    check_evaluate_colonnes.py SOURCE_DIR CAQES WORK_DIR

The batch is the bundled sample (examples/data/, with its contracts): more than 512 accepted
establishment-years, so more than one block, with rejected rows interleaved. One rate is
rewritten with twelve decimals: the rate columns' step is 10^-9 (colonnes/plan.hpp,
precision_entree), so that row's value is off its column's scale (checked in its trace) and the
row takes the scalar path inside its block. The same batch is also given as JSON Lines
(tools/csv_to_jsonl.py).

Two grids: examples/grilles/regional_2017.json, and a copy whose pertinence indicators weigh
1/p for three primes p near 2^21, whose scores overflow 64 bits (CAQES-E037) when all three
count and fit when one is non concerne: rows printed from the result columns and rows printed
from the full result, in one output.

For each grid, input and format (jsonl, jsonl --trace, csv-fr, csv, markdown), `caqes evaluate`
and `caqes evaluate --scalar` must give the same stdout, the same stderr (rejections and
reconciliation) and the same exit status.
"""
import json
import subprocess
import sys
from pathlib import Path

# The rate rewritten, with more decimals than its column holds (10^-9 of a rate is 10^-7 %).
DECIMALES = "712345678912"
# Primes near 2^21: the product of the three passes 2^63, the product of two does not.
PREMIERS = [2100001, 2100011, 2100031]
FORMATS = [["--format", "jsonl"], ["--format", "jsonl", "--trace"], ["--format", "csv-fr"], ["--format", "csv"],
           ["--format", "markdown"]]


def echantillon(source: Path, travail: Path) -> tuple[list[str], list[str], str]:
    """The sample with one rate off its column's scale, as CSV and as JSON Lines; its key."""
    donnees = source / "examples" / "data"
    valeurs = (donnees / "valeurs.csv").read_bytes().decode("utf-8").split("\r\n")
    cle = ""
    for k, ligne in enumerate(valeurs[1:], start=1):
        champs = ligne.split(";")
        # The first establishment of the sample is free of its deliberately bad rows.
        if len(champs) == 5 and champs[3] == "taux" and "," in champs[4]:
            champs[4] = champs[4].split(",")[0] + "," + DECIMALES
            valeurs[k] = ";".join(champs)
            cle = f"{champs[0]} {champs[1]}"
            break
    (travail / "valeurs.csv").write_bytes("\r\n".join(valeurs).encode("utf-8"))
    for nom in ("etablissements.csv", "contrats.csv"):
        (travail / nom).write_bytes((donnees / nom).read_bytes())
    csv = [str(travail / n) for n in ("valeurs.csv", "etablissements.csv", "contrats.csv")]
    jsonl = travail / "valeurs.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, str(source / "tools" / "csv_to_jsonl.py"), *csv], stdout=f, check=True)
    return csv, [str(jsonl)], cle


def grille_e037(source: Path, travail: Path) -> str:
    g = json.loads((source / "examples" / "grilles" / "regional_2017.json").read_text(encoding="utf-8"))
    for ind, p in zip(g["volets"][2]["grille"], PREMIERS):
        ind["poids"] = {"num": 1, "den": p}
    chemin = travail / "regional_2017_e037.json"
    chemin.write_text(json.dumps(g, indent=1), encoding="utf-8")
    return str(chemin)


def main() -> int:
    source, caqes, travail = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    travail.mkdir(parents=True, exist_ok=True)
    csv, jsonl, cle = echantillon(source, travail)
    erreurs = []
    if not cle:
        erreurs.append("no rate with decimals in the sample to put off its column's scale")
    grilles = {"regional_2017": str(source / "examples" / "grilles" / "regional_2017.json"),
               "E037": grille_e037(source, travail)}
    for nom_grille, grille in grilles.items():
        for nom_lot, lot in (("CSV", csv), ("JSON Lines", jsonl)):
            for fmt in FORMATS:
                commande = [caqes, "evaluate", "--grid", grille, *fmt, *lot]
                c = subprocess.run(commande, capture_output=True, check=False)
                s = subprocess.run(commande[:2] + ["--scalar"] + commande[2:], capture_output=True, check=False)
                quoi = f"{nom_grille}, {nom_lot}, {' '.join(fmt)}"
                if c.stdout != s.stdout:
                    a, b = c.stdout.decode().splitlines(), s.stdout.decode().splitlines()
                    premiere = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                    erreurs.append(f"{quoi}: stdout differs from --scalar's at line {premiere + 1}")
                if c.stderr != s.stderr:
                    erreurs.append(f"{quoi}: stderr differs from --scalar's")
                if c.returncode != s.returncode or c.returncode != 1:
                    erreurs.append(f"{quoi}: exit statuses {c.returncode} and {s.returncode} (--scalar), expected 1")
                sortie = c.stdout.decode()
                # What makes this test able to fail: several blocks, rejections between their
                # rows, the off-scale row evaluated, and on the E037 grid both kinds of row.
                lignes = [l for l in sortie.splitlines() if l.strip()]
                evaluees = len(lignes) - (0 if fmt[1] == "jsonl" else 1 if fmt[1].startswith("csv") else 2)
                if evaluees <= 512:
                    erreurs.append(f"{quoi}: {evaluees} establishment-years evaluated, expected more than 512")
                if ": error: CAQES-E" not in c.stderr.decode():
                    erreurs.append(f"{quoi}: no rejected row")
                finess, exercice = cle.split(" ")
                if fmt[1] == "csv" and not any(l.startswith(f"{finess},{exercice},") for l in lignes):
                    erreurs.append(f"{quoi}: {cle}, whose rate is off its column's scale, was not evaluated")
                if fmt[1:] == ["jsonl", "--trace"]:
                    # The value read, exact in the trace: not a multiple of 10^-9.
                    dens = [t["valeur"]["valeur"]["den"] for l in lignes for e in [json.loads(l)]
                            if f"{e['finess']} {e['exercice']}" == cle for t in e["trace"]
                            if t["valeur"]["etat"] == "renseignee" and "valeur" in t["valeur"]]
                    if not any(10**9 % d != 0 for d in dens):
                        erreurs.append(f"{quoi}: no value of {cle} is off the rate columns' scale")
                if fmt[1] == "csv" and nom_grille == "E037":
                    # The `erreur` column, by name (`illustratif` follows it).
                    colonne = lignes[0].split(",").index("erreur")
                    e037 = [l for l in lignes[1:] if l.split(",")[colonne] == "CAQES-E037"]
                    avec = len(e037)
                    if avec == 0 or avec == len(lignes) - 1:
                        erreurs.append(f"{quoi}: {avec} of {len(lignes) - 1} rows with CAQES-E037, expected some")
                    # The score that is not exact is no number: its cell is empty, never 0.
                    place = lignes[0].split(",").index("score_pertinence")
                    faux = [l for l in e037 if l.split(",")[place] != ""]
                    if faux:
                        erreurs.append(f"{quoi}: a CAQES-E037 row prints a pertinence score: {faux[0][:80]}")
                if fmt[1] == "markdown" and nom_grille == "E037":
                    # Its contract cell says why nothing was proposed.
                    if not any("| CAQES-E037 nothing proposed" in l for l in lignes):
                        erreurs.append(f"{quoi}: no row says CAQES-E037 nothing proposed")
                print(f"{quoi}: {evaluees} evaluated, same as --scalar")
    for e in erreurs[:20]:
        print(e, file=sys.stderr)
    return 1 if erreurs else 0


if __name__ == "__main__":
    sys.exit(main())
