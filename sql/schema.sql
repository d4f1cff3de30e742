-- The PostgreSQL schema of caqes (docs/input-format.md, "PostgreSQL"): the batch input as the
-- three CSV files carry it (contracts, establishments by exercise, values), and the results and
-- traces `caqes evaluate --db CONNINFO --year N` writes back. Load it once with
--   psql CONNINFO -f schema.sql
-- (installed under share/caqes/). Every statement is idempotent (IF NOT EXISTS), so a re-load
-- leaves existing data alone.
--
-- The input tables hold typed cells but decide no rule of the contract: `caqes evaluate --db`
-- checks every row by the same rules as the CSV reader (the FINESS, the year's coverage, each
-- value against its measure, the decisions, the contract's dates and parties...), so that a
-- row the rules refuse is reported with its table, key and column rather than lost to a
-- constraint at load time. What the schema does enforce is what the files cannot say twice:
-- one row per key, no line end inside a text cell, no amount with more than two decimals (a
-- numeric(p, 2) column would round it silently).
CREATE SCHEMA IF NOT EXISTS caqes;

DO $$
BEGIN
  -- A text cell is one line: a row is one record of the batch reader.
  CREATE DOMAIN caqes.texte AS text CHECK (VALUE !~ '[\r\n]');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$
BEGIN
  -- Euros with at most two decimals, never rounded; the magnitude is checked by the reader
  -- (64-bit cents, CAQES-E040).
  CREATE DOMAIN caqes.euros AS numeric CHECK (scale(VALUE) <= 2);
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- One row per establishment's contract (contrats.csv): its parties, its dates, and for each
-- volet the day of the avenant that brought it in (NULL: in the contract from its start).
CREATE TABLE IF NOT EXISTS caqes.contrats (
  finess caqes.texte PRIMARY KEY,
  ars caqes.texte,
  organisme_local caqes.texte,
  representant_legal caqes.texte,
  reception_proposition date,
  signature date,
  debut_effet date,
  avenant_socle date,
  avenant_transports date,
  avenant_pertinence date,
  avenant_amelioration_pratiques date,
  avenant_bon_usage date,
  avenant_organisation_soins date,
  avenant_pertinence_soins date,
  avenant_dispositif_efficience date
);

-- One row per establishment and exercise (etablissements.csv). The volet columns exist for
-- every volet the law knows; a run reads those of its grid, and a value in the column of a
-- volet the grid does not have makes the year's rows unusable (CAQES-E042), as an unknown
-- column does in the file.
CREATE TABLE IF NOT EXISTS caqes.etablissements (
  finess caqes.texte NOT NULL,
  exercice integer NOT NULL,
  annee_contrat integer,
  produits_assurance_maladie caqes.euros,
  annee_produits integer,
  activites caqes.texte,
  economies_socle caqes.euros,
  economies_transports caqes.euros,
  economies_pertinence caqes.euros,
  economies_amelioration_pratiques caqes.euros,
  economies_bon_usage caqes.euros,
  economies_organisation_soins caqes.euros,
  economies_pertinence_soins caqes.euros,
  economies_dispositif_efficience caqes.euros,
  decision_socle caqes.euros,
  decision_transports caqes.euros,
  decision_pertinence caqes.euros,
  decision_amelioration_pratiques caqes.euros,
  decision_bon_usage caqes.euros,
  decision_organisation_soins caqes.euros,
  decision_pertinence_soins caqes.euros,
  decision_dispositif_efficience caqes.euros,
  nature_socle caqes.texte,
  nature_transports caqes.texte,
  nature_pertinence caqes.texte,
  nature_amelioration_pratiques caqes.texte,
  nature_bon_usage caqes.texte,
  nature_organisation_soins caqes.texte,
  nature_pertinence_soins caqes.texte,
  nature_dispositif_efficience caqes.texte,
  taux_socle numeric,
  taux_transports numeric,
  taux_pertinence numeric,
  taux_amelioration_pratiques numeric,
  taux_bon_usage numeric,
  taux_organisation_soins numeric,
  taux_pertinence_soins numeric,
  taux_dispositif_efficience numeric,
  duree_socle integer,
  duree_transports integer,
  duree_pertinence integer,
  duree_amelioration_pratiques integer,
  duree_bon_usage integer,
  duree_organisation_soins integer,
  duree_pertinence_soins integer,
  duree_dispositif_efficience integer,
  l162_30_4_saisine date,
  l162_30_4_actes_realises bigint,
  l162_30_4_actes_cible bigint,
  l162_30_4_actes_annee_precedente bigint,
  l162_30_4_tarif_national_moyen caqes.euros,
  l162_30_4_part_liste_en_sus caqes.euros,
  part_liste_en_sus caqes.euros,
  base_penalite caqes.euros,
  date_evaluation date,
  PRIMARY KEY (finess, exercice)
);
-- The bases of the establishment's own outcomes and the day of the evaluation
-- (docs/input-format.md), added to a table an earlier version of this file created.
ALTER TABLE caqes.etablissements ADD COLUMN IF NOT EXISTS part_liste_en_sus caqes.euros;
ALTER TABLE caqes.etablissements ADD COLUMN IF NOT EXISTS base_penalite caqes.euros;
ALTER TABLE caqes.etablissements ADD COLUMN IF NOT EXISTS date_evaluation date;

-- The yearly values in long format (valeurs.csv): one row per establishment, exercise,
-- indicator and measure. `valeur` as the CSV's plain dialect writes it: a number with a
-- decimal point, a word of the measure's kind (oui, non, partiel), NC or NR.
CREATE TABLE IF NOT EXISTS caqes.valeurs (
  finess caqes.texte NOT NULL,
  exercice integer NOT NULL,
  indicateur caqes.texte NOT NULL,
  mesure caqes.texte NOT NULL,
  valeur caqes.texte,
  PRIMARY KEY (finess, exercice, indicateur, mesure)
);
CREATE INDEX IF NOT EXISTS valeurs_exercice ON caqes.valeurs (exercice);

-- One evaluated establishment-year per grid: a run replaces every result of its exercise,
-- grid and grid version, in the transaction that writes the new ones, so results are never
-- duplicated and never half written. Amounts in integer cents; `evaluation` is the record
-- `caqes evaluate --format jsonl` writes (schema caqes.evaluation/1, docs/json-schema.md).
CREATE TABLE IF NOT EXISTS caqes.resultats (
  finess text NOT NULL,
  exercice integer NOT NULL,
  grille text NOT NULL,          -- the grid's name ("nom")
  version_grille text NOT NULL,  -- a digest of the grid file's bytes: another grid file, another version
  annee_contrat integer NOT NULL,
  produits_assurance_maladie_centimes bigint NOT NULL,
  total_sanctions_centimes bigint NOT NULL,
  total_interessements_centimes bigint NOT NULL,
  total_sanctions_decidees_centimes bigint NOT NULL,
  total_interessements_decides_centimes bigint NOT NULL,
  plafond_global_atteint boolean NOT NULL,
  erreur text,                   -- the rule id when nothing was proposed (CAQES-E037)
  evaluation jsonb NOT NULL,
  evalue_le timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (finess, exercice, grille, version_grille)
);

-- The trace of each result, one row per indicator (the `trace` of caqes.evaluation/1: value,
-- status, achievement, points, article cited).
CREATE TABLE IF NOT EXISTS caqes.traces (
  finess text NOT NULL,
  exercice integer NOT NULL,
  grille text NOT NULL,
  version_grille text NOT NULL,
  rang integer NOT NULL,
  ligne jsonb NOT NULL,
  PRIMARY KEY (finess, exercice, grille, version_grille, rang),
  FOREIGN KEY (finess, exercice, grille, version_grille)
    REFERENCES caqes.resultats (finess, exercice, grille, version_grille) ON DELETE CASCADE
);
