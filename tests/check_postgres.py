#!/usr/bin/env python3
"""`caqes evaluate --db` against a real PostgreSQL server (test postgres.evaluate_db).

    check_postgres.py SOURCE_DIR CAQES WORK_DIR

The server: the one whose socket directory is in CAQES_PG_HOST (scripts/test.sh starts one, as
the `postgres` user, on a Unix socket in a temporary directory); without it, this script starts
its own the same way (scripts/pg-server.sh) and stops it on the way out, failure or not. Each
run works in databases of its own, dropped at the end.

Checks, each with its exact outcome:
1. sql/schema.sql loads twice (idempotent); the bundled sample loads (tools/csv_to_sql.py), the
   two rows whose cells cannot be stored and the five duplicates named by the loader; loaded
   again, it replaces nothing and psql warns of each file's rows not loaded;
2. `evaluate --db --year 2018` exits 1, writes one result per establishment-year accepted, and
   each result and trace equals what `caqes evaluate --trace` gives from the CSV files; the
   rejections are located by table, key and column, and the reconciliation balances;
3. a re-run replaces the results: the same rows, no duplicate, written again; the establishment's
   bases are read from their columns, and a table without them (a schema older than them) reads
   as none given, until the schema is loaded again;
4. a value in the column of a volet the grid does not have: status 3, that column named
   (CAQES-E042), nothing written;
5. a generated exercise of 1 200 establishment-years (24 000 value rows): all accepted; a CHECK
   constraint that the 1 000th written result breaks makes the run fail with status 5, the
   constraint named, and nothing of that run written, on empty results and over earlier ones;
6. a database without the schema, a server that is down (its own server stopped; with a shared
   server, a socket directory where none listens), a connection string that is not one: one
   line on stderr each, status 5.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

GRILLE = "examples/grilles/regional_2017.json"


class Echec(Exception):
    pass


def verifier(condition: bool, message: str) -> None:
    if not condition:
        raise Echec(message)


class Base:
    def __init__(self, hote: str, nom: str):
        self.hote, self.nom = hote, nom
        self.conninfo = f"host={hote} user=postgres dbname={nom}"

    def psql(self, sql: str = None, fichier: str = None) -> str:
        args = ["psql", "-h", self.hote, "-U", "postgres", "-d", self.nom, "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t"]
        args += ["-c", sql] if sql is not None else ["-f", fichier]
        r = subprocess.run(args, capture_output=True, text=True, check=False)
        verifier(r.returncode == 0, f"psql {sql or fichier}: {r.stderr}")
        return r.stdout.strip()


def evaluer(caqes: str, source: Path, base: Base, annee: int, *options: str):
    return subprocess.run([caqes, "evaluate", "--grid", str(source / GRILLE), "--db", base.conninfo, "--year",
                           str(annee), *options], capture_output=True, text=True, check=False)


def resultats(base: Base, annee: int) -> dict:
    lignes = base.psql(
        "SELECT jsonb_build_object('finess', r.finess, 'evaluation', r.evaluation, 'trace', "
        "(SELECT jsonb_agg(t.ligne ORDER BY t.rang) FROM caqes.traces t WHERE (t.finess, t.exercice, t.grille, "
        "t.version_grille) = (r.finess, r.exercice, r.grille, r.version_grille))) "
        f"FROM caqes.resultats r WHERE r.exercice = {annee} ORDER BY r.finess")
    return {x["finess"]: x for x in map(json.loads, lignes.splitlines())}


def empreinte(base: Base) -> str:
    """Every result and trace, with the time it was written: equal before and after a run that
    wrote nothing."""
    return base.psql("SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) FROM ("
                     "SELECT r::text AS x FROM caqes.resultats r UNION ALL SELECT t::text FROM caqes.traces t) s")


def echantillon(source: Path, caqes: str, base: Base, travail: Path) -> None:
    donnees = source / "examples" / "data"
    base.psql(fichier=str(source / "sql" / "schema.sql"))
    base.psql(fichier=str(source / "sql" / "schema.sql"))
    charge = subprocess.run([sys.executable, str(source / "tools" / "csv_to_sql.py"), str(donnees / "valeurs.csv"),
                             str(donnees / "etablissements.csv"), str(donnees / "contrats.csv")],
                            capture_output=True, text=True, check=True)
    # Two rows whose cells cannot be stored, and the five duplicates of the values file, each
    # named with the line it repeats (the first stands, as in the CSV reader).
    verifier(charge.stderr.count("row not loaded") == 7 and "contrats.csv:158:debut_effet" in charge.stderr and
             "etablissements.csv:672:produits_assurance_maladie" in charge.stderr and
             "valeurs.csv:3736: duplicate of line 3728 for 769900097, 2018, S11, certifie: row not loaded" in
             charge.stderr and charge.stderr.count(": duplicate of line ") == 5,
             f"loader: expected contrats.csv:158, etablissements.csv:672 and 5 duplicates left out, got {charge.stderr}")
    sql = travail / "echantillon.sql"
    sql.write_text(charge.stdout, encoding="utf-8")
    base.psql(fichier=str(sql))
    # Loaded again, no row replaces the first load's, and psql says how many of each file's.
    encore = subprocess.run(["psql", "-h", base.hote, "-U", "postgres", "-d", base.nom, "-v", "ON_ERROR_STOP=1", "-q",
                             "-f", str(sql)], capture_output=True, text=True, check=False)
    verifier(encore.returncode == 0 and all(
        f"{donnees / f}: {n} row(s) not loaded: their key is in caqes.{t} already, whose rows stand" in encore.stderr
        for f, t, n in (("contrats.csv", "contrats", 399), ("etablissements.csv", "etablissements", 762),
                        ("valeurs.csv", "valeurs", 15139))), f"loader, loaded again: {encore.stderr[-1500:]}")

    r = evaluer(caqes, source, base, 2018)
    verifier(r.returncode == 1, f"sample 2018: status {r.returncode}, expected 1; stderr: {r.stderr[-2000:]}")
    csv = subprocess.run([caqes, "evaluate", "--grid", str(source / GRILLE), "--trace", str(donnees / "valeurs.csv"),
                          str(donnees / "etablissements.csv"), str(donnees / "contrats.csv")],
                         capture_output=True, text=True, check=False)
    attendus = {e["finess"]: e for e in map(json.loads, csv.stdout.splitlines()) if e["exercice"] == 2018}
    obtenus = resultats(base, 2018)
    verifier(len(obtenus) == 359 and set(obtenus) == set(attendus),
             f"sample 2018: {len(obtenus)} results, {len(attendus)} from the CSV files; "
             f"only in the database {sorted(set(obtenus) - set(attendus))[:5]}, "
             f"only from the files {sorted(set(attendus) - set(obtenus))[:5]}")
    for finess, o in obtenus.items():
        a = dict(attendus[finess])
        trace = a.pop("trace")
        verifier(o["evaluation"] == a, f"{finess} 2018: the stored evaluation differs from the CSV's")
        verifier(o["trace"] == trace, f"{finess} 2018: the stored trace differs from the CSV's")
    verifier(r.stdout == f'caqes.resultats: 359 establishment-years of 2018 written for grid "modele regional 2017 '
             f'(illustratif)" {version(r.stdout)}, replacing that exercise\'s results of this grid version\n',
             f"sample 2018: stdout {r.stdout!r}")
    for attendu in (
            "caqes.valeurs(019900054, 2018, S12, taux):valeur: error: CAQES-E029: S12.taux: not a number: \"abc\"",
            "caqes.valeurs(069900237, 2018, S99, taux):indicateur: error: CAQES-E032: unknown indicator code \"S99\"",
            "caqes.etablissements(679900037, 2018):produits_assurance_maladie: error: CAQES-E028: 679900037 2018: -1000 "
            "EUR",
            "caqes.contrats(839900074):ars: error: CAQES-E020: 839900074: parties: missing: ars",
            "caqes.valeurs(839900074, 2018, P01, taux):finess: error: CAQES-E026: 839900074 2018: its contract's row "
            "caqes.contrats(839900074) was rejected; establishment-year rejected with its 20 rows of caqes.valeurs "
            "and caqes.etablissements(839900074, 2018)\n",
            "reconciliation\n"
            "  caqes.valeurs: 7867 rows read = 7042 accepted + 825 rejected OK\n"
            "  caqes.etablissements: 400 rows read = 359 accepted + 41 rejected OK\n"
            "  caqes.contrats: 398 rows read = 359 accepted + 39 rejected OK\n"):
        verifier(attendu in r.stderr, f"sample 2018: stderr lacks {attendu!r}")
    # Every rejected contract row is named at its own key, those that went down with their
    # establishment-years too ("every establishment-year of this contract was rejected").
    avec = [l for l in r.stderr.splitlines() if "every establishment-year of this contract was rejected" in l]
    verifier(len(avec) == 36 and all(l.startswith("caqes.contrats(") and ":finess: error: CAQES-E026: " in l
                                     for l in avec),
             f"sample 2018: {len(avec)} contracts named as rejected with their establishment-years, expected 36")
    rejets = [l for l in r.stderr.splitlines() if ": error: CAQES-" in l]
    verifier(len(rejets) == 130 and all(l.startswith(("caqes.valeurs(", "caqes.etablissements(", "caqes.contrats("))
                                       for l in rejets),
             f"sample 2018: {len(rejets)} located rejections, expected 130 all at a table's key")

    # 3. A re-run replaces: the same results, none twice, written again.
    avant = base.psql("SELECT max(evalue_le) FROM caqes.resultats")
    r2 = evaluer(caqes, source, base, 2018)
    verifier(r2.returncode == 1 and r2.stdout == r.stdout, f"re-run: status {r2.returncode}, stdout {r2.stdout!r}")
    verifier(resultats(base, 2018) == obtenus, "re-run: the results changed")
    verifier(base.psql("SELECT count(*), count(DISTINCT (finess, exercice, grille, version_grille)), "
                       "min(evalue_le) > '" + avant + "' FROM caqes.resultats") == "359|359|t",
             "re-run: duplicates, or results not written again")
    verifier(base.psql("SELECT count(*) FROM caqes.traces") == str(sum(len(o["trace"]) for o in obtenus.values())),
             "re-run: traces duplicated")

    # 3b. The establishment's own bases are read from their columns...
    base.psql("UPDATE caqes.etablissements SET part_liste_en_sus = 1234.56, base_penalite = 99, "
              "date_evaluation = '2019-06-01' WHERE finess = '019900028' AND exercice = 2018")
    rb = evaluer(caqes, source, base, 2018)
    regles = resultats(base, 2018)["019900028"]["evaluation"]["regles"]
    verifier(rb.returncode == 1 and regles["part_liste_en_sus_centimes"] == 123456 and
             regles["base_penalite_centimes"] == 9900 and regles["date_evaluation"] == "2019-06-01",
             f"bases and evaluation date read from their columns: status {rb.returncode}, regles {regles}")
    base.psql("UPDATE caqes.etablissements SET part_liste_en_sus = NULL, base_penalite = NULL, date_evaluation = NULL")
    # ... and a table of a schema older than them, without the two columns, reads as none given:
    # the same results as with the columns empty. Loading the schema again adds them back.
    base.psql("ALTER TABLE caqes.etablissements DROP COLUMN part_liste_en_sus, DROP COLUMN base_penalite, "
              "DROP COLUMN date_evaluation")
    ra = evaluer(caqes, source, base, 2018)
    verifier(ra.returncode == 1 and ra.stdout == r.stdout and resultats(base, 2018) == obtenus,
             f"schema without the bases' columns: status {ra.returncode}, stderr {ra.stderr[-1500:]}")
    base.psql(fichier=str(source / "sql" / "schema.sql"))
    verifier(base.psql("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'caqes' AND "
                       "table_name = 'etablissements' AND column_name IN ('part_liste_en_sus', 'base_penalite', "
                       "'date_evaluation')") == "3", "schema.sql loaded again: the bases' columns are not back")

    # 4. A value for a volet the grid does not have: the column is refused, nothing written.
    fixe = empreinte(base)
    base.psql("UPDATE caqes.etablissements SET economies_bon_usage = 10 WHERE finess = '019900028' AND exercice = 2018")
    r3 = evaluer(caqes, source, base, 2018)
    verifier(r3.returncode == 3 and r3.stdout == "" and
             "caqes.etablissements:economies_bon_usage: error: CAQES-E042: unknown column \"economies_bon_usage\"" in
             r3.stderr and "caqes evaluate: nothing written" in r3.stderr,
             f"unknown volet column: status {r3.returncode}, stderr {r3.stderr[-1500:]}")
    verifier(empreinte(base) == fixe, "unknown volet column: the results changed")


def version(sortie: str) -> str:
    debut = sortie.find("fnv1a64:")
    return sortie[debut:debut + 24]


def annee_generee(source: Path, caqes: str, base: Base) -> None:
    """1 200 establishments cloned from a clean one of the sample, each with its own FINESS and
    revenue base; the 1 000th result written (FINESS order) is the one the constraint refuses."""
    base.psql(fichier=str(source / "sql" / "schema.sql"))
    base.psql(
        "INSERT INTO caqes.contrats (finess, ars, organisme_local, representant_legal, reception_proposition, "
        "signature, debut_effet) SELECT '01' || (8000000 + n)::text, 'ARS Auvergne-Rhone-Alpes', 'CPAM 01', "
        "'Directeur', '2017-08-01', '2017-08-15', '2017-09-01' FROM generate_series(1, 1200) n")
    base.psql(
        "INSERT INTO caqes.etablissements (finess, exercice, annee_contrat, produits_assurance_maladie, "
        "annee_produits, activites, economies_transports, economies_pertinence) SELECT '01' || (8000000 + n)::text, "
        "2018, 2, 20000000 + n * 1000.25, 2018, 'mco', -1000 - n, 500 + n FROM generate_series(1, 1200) n")
    valeurs = [("S01", "taux", "57.6"), ("S02", "niveau", "oui"), ("S03", "evolution", "4.3"),
               ("S04", "evolution", "4.2"), ("S05", "taux", "78.1"), ("S06", "plan", "oui"),
               ("S07", "depense", "98781.14"), ("S07", "evolution", "-0.1"), ("S08", "economies", "179990.94"),
               ("S09", "boites", "8601"), ("S10", "niveau", "oui"), ("S11", "certifie", "oui"), ("S12", "taux", "95"),
               ("S13", "taux", "NC"), ("T01", "evolution", "4.3"), ("T01", "depense", "737176.45"),
               ("T02", "taux", "70.4"), ("P01", "taux", "59.3"), ("P02", "actes", "1248"), ("P03", "taux", "8.1")]
    lignes = ", ".join(f"('{i}', '{m}', '{v}')" for i, m, v in valeurs)
    base.psql("INSERT INTO caqes.valeurs SELECT '01' || (8000000 + n)::text, 2018, v.i, v.m, v.v FROM "
              f"generate_series(1, 1200) n, (VALUES {lignes}) v(i, m, v)")
    verifier(base.psql("SELECT count(*) FROM caqes.valeurs") == "24000", "generated year: 24 000 value rows")
    base.psql("ALTER TABLE caqes.resultats ADD CONSTRAINT panne_au_1000e CHECK (finess <> '018001000') NOT VALID")

    # On empty results: the 1 000th insert fails, the 999 before it are not there.
    r = evaluer(caqes, source, base, 2018)
    verifier(r.returncode == 5 and r.stdout == "" and "panne_au_1000e" in r.stderr and
             r.stderr.rstrip("\n").splitlines()[-1].startswith("caqes evaluate: database: ") and
             r.stderr.endswith("; nothing was written\n"),
             f"injected failure: status {r.returncode}, stderr {r.stderr[-1500:]}")
    verifier(base.psql("SELECT count(*) FROM caqes.resultats") == "0" and
             base.psql("SELECT count(*) FROM caqes.traces") == "0", "injected failure: rows were written")

    base.psql("ALTER TABLE caqes.resultats DROP CONSTRAINT panne_au_1000e")
    r = evaluer(caqes, source, base, 2018)
    verifier(r.returncode == 0 and r.stdout.startswith("caqes.resultats: 1200 establishment-years of 2018 written")
             and "  caqes.valeurs: 24000 rows read = 24000 accepted + 0 rejected OK\n" in r.stderr,
             f"generated year: status {r.returncode}, stdout {r.stdout!r}, stderr {r.stderr[-1500:]}")
    verifier(base.psql("SELECT count(*), count(DISTINCT finess), count(*) FILTER (WHERE total_sanctions_centimes "
                       "> 0) FROM caqes.resultats") == "1200|1200|1200", "generated year: 1 200 results, each with "
             "a sanction proposed")

    # Over earlier results: the run that fails replaces nothing, deletes nothing.
    avant = empreinte(base)
    base.psql("ALTER TABLE caqes.resultats ADD CONSTRAINT panne_au_1000e CHECK (finess <> '018001000') NOT VALID")
    r = evaluer(caqes, source, base, 2018)
    verifier(r.returncode == 5 and "panne_au_1000e" in r.stderr, f"injected failure over results: {r.returncode}")
    verifier(empreinte(base) == avant, "injected failure over results: the results changed")


def cles_vides(source: Path, base: Base, travail: Path) -> None:
    """A row whose key cell is empty cannot be stored (the key's columns are NOT NULL): the
    loader names it and leaves it out, and the other rows of the same files load."""
    base.psql(fichier=str(source / "sql" / "schema.sql"))
    fichiers = {
        "contrats": "finess;ars;organisme_local;representant_legal;reception_proposition;signature;debut_effet\n"
                    "019900028;ARS;CPAM 01;Directeur;2017-05-01;2017-05-15;2017-06-01\n"
                    " ;ARS;CPAM 01;Directeur;2017-05-01;2017-05-15;2017-06-01\n",
        "etablissements": "finess;exercice;annee_contrat;produits_assurance_maladie\n"
                          "019900028;2018;1;1000\n019900028;;1;1000\n",
        "valeurs": "finess;exercice;indicateur;mesure;valeur\n019900028;2018;S01;taux;55,7\n"
                   "019900028;2018;;taux;55,7\n019900028;;S02;niveau;oui\n",
    }
    for nom, texte in fichiers.items():
        (travail / f"{nom}.csv").write_text(texte, encoding="utf-8")
    charge = subprocess.run([sys.executable, str(source / "tools" / "csv_to_sql.py"), str(travail / "valeurs.csv"),
                             str(travail / "etablissements.csv"), str(travail / "contrats.csv")],
                            capture_output=True, text=True, check=True)
    for attendu in ("contrats.csv:3:finess: the key's cell is empty: row not loaded",
                    "etablissements.csv:3:exercice: the key's cell is empty: row not loaded",
                    "valeurs.csv:3:indicateur: the key's cell is empty: row not loaded",
                    "valeurs.csv:4:exercice: the key's cell is empty: row not loaded"):
        verifier(attendu in charge.stderr, f"empty key cells: stderr lacks {attendu!r}: {charge.stderr}")
    verifier(charge.stderr.count("row not loaded") == 4, f"empty key cells: {charge.stderr}")
    sql = travail / "cles_vides.sql"
    sql.write_text(charge.stdout, encoding="utf-8")
    base.psql(fichier=str(sql))
    verifier(base.psql("SELECT (SELECT count(*) FROM caqes.contrats), (SELECT count(*) FROM caqes.etablissements), "
                       "(SELECT count(*) FROM caqes.valeurs)") == "1|1|1",
             "empty key cells: the other rows are not all loaded")


def echoue(source: Path, caqes: str, conninfo: str, attendu: str) -> None:
    """A run that cannot use the database: status 5, nothing on stdout, one line on stderr."""
    r = subprocess.run([caqes, "evaluate", "--grid", str(source / GRILLE), "--db", conninfo, "--year", "2018"],
                       capture_output=True, text=True, check=False)
    verifier(r.returncode == 5 and r.stdout == "" and r.stderr.startswith(attendu) and r.stderr.count("\n") == 1,
             f"{conninfo}: status {r.returncode}, stderr {r.stderr!r}")


def indisponible(source: Path, caqes: str, arrete: Path) -> None:
    """No server listening on the socket directory `arrete`; a connection string that is not one."""
    echoue(source, caqes, f"host={arrete} user=postgres dbname=postgres",
           f'caqes evaluate: database: connection to server on socket "{arrete}/.s.PGSQL.5432" failed: No such file '
           "or directory; Is the server running locally and accepting connections on that socket?; nothing was "
           "written\n")
    echoue(source, caqes, "serveur=local",
           'caqes evaluate: database: invalid connection option "serveur"; nothing was written\n')


def main() -> int:
    source, caqes, travail = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    shutil.rmtree(travail, ignore_errors=True)
    travail.mkdir(parents=True)
    hote = os.environ.get("CAQES_PG_HOST", "")
    propre = None
    if not hote:
        # A directory the `postgres` user can enter: a private temporary directory of root's
        # would not let the server create its socket.
        propre = Path(tempfile.mkdtemp(prefix="caqes-pg-")) / "serveur"
        os.chmod(propre.parent, 0o755)
        subprocess.run(["bash", str(source / "scripts" / "pg-server.sh"), "start", str(propre)], check=True,
                       stdout=subprocess.DEVNULL)
        hote = str(propre)
    suffixe = str(os.getpid())
    bases = [Base(hote, f"caqes_echantillon_{suffixe}"), Base(hote, f"caqes_genere_{suffixe}"),
             Base(hote, f"caqes_sans_schema_{suffixe}"), Base(hote, f"caqes_cles_vides_{suffixe}")]
    admin = Base(hote, "postgres")
    try:
        for b in bases:
            admin.psql(f"DROP DATABASE IF EXISTS {b.nom}")
            admin.psql(f"CREATE DATABASE {b.nom}")
        echantillon(source, caqes, bases[0], travail)
        annee_generee(source, caqes, bases[1])
        cles_vides(source, bases[3], travail)
        echoue(source, caqes, bases[2].conninfo,
               'caqes evaluate: database: ERROR:  relation "caqes.valeurs" does not exist')
        if propre is None:
            # The shared server stays up for others: a socket directory where none listens is
            # what a client sees of a server that is down.
            indisponible(source, caqes, travail)
        else:
            # Our own server, stopped: the very socket directory the runs above used.
            subprocess.run(["bash", str(source / "scripts" / "pg-server.sh"), "stop", str(propre)], check=True)
            indisponible(source, caqes, propre)
        print("postgres: sample (359 results, equal to the CSV's), re-run, bases and an older schema without them, "
              "unknown volet column, 1 200-row year, empty key cells, "
              "failure at the 1 000th row, server down: OK")
        return 0
    except Echec as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        for b in bases if propre is None else []:
            subprocess.run(["psql", "-h", hote, "-U", "postgres", "-d", "postgres", "-q", "-c",
                            f"DROP DATABASE IF EXISTS {b.nom}"], capture_output=True, check=False)
        if propre is not None:
            subprocess.run(["bash", str(source / "scripts" / "pg-server.sh"), "stop", str(propre)], check=False)
            shutil.rmtree(propre.parent, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
