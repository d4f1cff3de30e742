#!/usr/bin/env python3
"""Writes the SQL that loads a CSV batch into the PostgreSQL schema (sql/schema.sql).

    csv_to_sql.py VALEURS.csv ETABLISSEMENTS.csv CONTRATS.csv | psql -v ON_ERROR_STOP=1 CONNINFO

Each file is copied into a temporary table of the same shape, then inserted into caqes.valeurs,
caqes.etablissements and caqes.contrats, in one transaction. A row whose key is already in the
table (a duplicate of the file, or a row loaded before) is not inserted: the first stands, as
in the CSV reader, and `caqes evaluate --db` never sees a second one. Neither is silent: a
duplicate of the file is named on stderr (file, line, the line it repeats), and psql prints a
WARNING with the number of the file's rows whose key was loaded before (load a corrected file
into emptied tables: its rows do not replace the old ones). Numbers lose their French
form (thousands separators, decimal comma) and dates become ISO days; a cell that cannot go
into its column's type (a number column that holds text, a day that does not exist) cannot be
stored, nor can a key cell left empty: its row is left out and named on stderr (file, line,
column), so nothing is dropped silently. Value cells (`valeur`) are text in the database and keep whatever is not a number.
Used by the PostgreSQL test (tests/check_postgres.py); it checks no rule of the contract: the
rows it loads are checked by `caqes evaluate --db`.
"""
import csv
import datetime
import re
import sys

NOMBRE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
FRANCAIS = re.compile("^-?([0-9]+|[0-9]{1,3}([ \u00a0\u202f][0-9]{3})+)(,[0-9]+)?$")
JOUR_FR = re.compile(r"^([0-9]{2})/([0-9]{2})/([0-9]{4})$")

TEXTE, NOMBRE_T, ENTIER, JOUR = "texte", "nombre", "entier", "jour"


def type_de(table: str, colonne: str) -> str:
    if colonne in ("finess", "indicateur", "mesure", "valeur", "activites", "ars", "organisme_local",
                   "representant_legal") or colonne.startswith("nature_"):
        return TEXTE
    if colonne in ("exercice", "annee_contrat", "annee_produits") or colonne.startswith("duree_") or \
            colonne.startswith("l162_30_4_actes"):
        return ENTIER
    if colonne in ("reception_proposition", "signature", "debut_effet", "l162_30_4_saisine", "date_evaluation") or \
            colonne.startswith("avenant_"):
        return JOUR
    return NOMBRE_T


def nombre(cellule: str, francais: bool):
    t = cellule.strip()
    if francais and FRANCAIS.match(t):
        t = t.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return t if NOMBRE.match(t) else None


def convertir(cellule: str, genre: str, francais: bool):
    """(text for COPY, ok): None is SQL NULL."""
    t = cellule.strip()
    if genre == TEXTE:
        if "\n" in cellule or "\r" in cellule:
            return None, False
        return (nombre(t, francais) or t) if francais else t, True
    if t == "":
        return None, True
    if genre == JOUR:
        m = JOUR_FR.match(t)
        if m:
            t = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
        try:
            datetime.date.fromisoformat(t)
        except ValueError:
            return None, False
        return t, True
    n = nombre(t, francais)
    if n is None or (genre == ENTIER and "." in n):
        return None, False
    return n, True


def echapper(x):
    if x is None:
        return "\\N"
    return x.replace("\\", "\\\\").replace("\t", "\\t")


def chemin_sql(chemin: str) -> str:
    """A path inside an SQL string literal of a DO block: quotes doubled, no `$$` or `%`."""
    return chemin.replace("'", "''").replace("$", "_").replace("%", "%%")


def charger(chemin: str, table: str, cle: str, sortie) -> None:
    with open(chemin, encoding="utf-8-sig", newline="") as f:
        lignes = f.read().split("\n")
    francais = ";" in lignes[0]
    lecteur = csv.reader([l.rstrip("\r") for l in lignes], delimiter=";" if francais else ",")
    entete = [c.strip() for c in next(lecteur)]
    genres = [type_de(table, c) for c in entete]
    temp = f"charge_{table}"
    colonnes_cle = [c.strip() for c in cle.split(",")]
    places_cle = [entete.index(c) for c in colonnes_cle]
    vues = {}  # key -> the line that gave it first
    sortie.write(f"CREATE TEMP TABLE {temp} (LIKE caqes.{table}) ON COMMIT DROP;\n")
    sortie.write(f"COPY {temp} ({', '.join(entete)}) FROM stdin;\n")
    for numero, champs in enumerate(lecteur, start=2):
        if not champs:
            continue
        if len(champs) != len(entete):
            print(f"{chemin}:{numero}: {len(champs)} fields, the header has {len(entete)}: row not loaded",
                  file=sys.stderr)
            continue
        cellules = []
        for c, g, x in zip(entete, genres, champs):
            v, ok = convertir(x, g, francais)
            if not ok:
                print(f"{chemin}:{numero}:{c}: {x!r} is not of the column's type ({g}): row not loaded",
                      file=sys.stderr)
                break
            cellules.append(v)
        else:
            # A key cell left empty has no value to store: the key's columns are NOT NULL, and
            # one such row would fail the whole COPY. It is named and left out, as the reader
            # names a row without its key.
            vide = next((entete[i] for i in places_cle if cellules[i] is None or cellules[i] == ""), None)
            if vide is not None:
                print(f"{chemin}:{numero}:{vide}: the key's cell is empty: row not loaded", file=sys.stderr)
                continue
            # The key as the database compares it: an integer column's value, not its text
            # (`02018` is 2018).
            k = tuple(int(cellules[i]) if genres[i] == ENTIER and cellules[i] is not None else cellules[i]
                      for i in places_cle)
            if k in vues:
                print(f"{chemin}:{numero}: duplicate of line {vues[k]} for {', '.join(map(str, k))}: row not loaded",
                      file=sys.stderr)
                continue
            vues[k] = numero
            sortie.write("\t".join(echapper(v) for v in cellules) + "\n")
    sortie.write("\\.\n")
    # The file's rows whose key an earlier load holds: not inserted, and said (psql: stderr).
    egal = " AND ".join(f"x.{c} = t.{c}" for c in colonnes_cle)
    sortie.write(f"DO $$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM {temp} t WHERE EXISTS "
                 f"(SELECT 1 FROM caqes.{table} x WHERE {egal}); IF n > 0 THEN RAISE WARNING "
                 f"'{chemin_sql(chemin)}: % row(s) not loaded: their key is in caqes.{table} already, "
                 f"whose rows stand', n; END IF; END $$;\n")
    # In the file's order (a fresh table's physical order): were two rows still to share a key,
    # the first would be the one inserted.
    sortie.write(f"INSERT INTO caqes.{table} SELECT * FROM {temp} ORDER BY ctid ON CONFLICT ({cle}) DO NOTHING;\n")


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    sortie = sys.stdout
    sortie.write("BEGIN;\n")
    charger(sys.argv[3], "contrats", "finess", sortie)
    charger(sys.argv[2], "etablissements", "finess, exercice", sortie)
    charger(sys.argv[1], "valeurs", "finess, exercice, indicateur, mesure", sortie)
    sortie.write("COMMIT;\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
