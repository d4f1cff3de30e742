#pragma once
// `caqes evaluate --db CONNINFO --year N` (docs/cli.md, "PostgreSQL"): reads one exercise from
// the tables of sql/schema.sql, checks and evaluates it, and writes the results and traces back
// in one transaction. Built only when libpqxx is found (CAQES_AVEC_POSTGRES); the headers of
// caqes never depend on it.
//
// No rule is written twice: the year's rows of each table are rendered as the plain CSV dialect
// (one record per database row, every field quoted, NULL as an empty cell) and read by the CSV
// batch reader, `caqes::csv::lire_rapports`, with the same row checks, the same joins and the
// same `validate`. Only the locations change: a record's line is its row's primary key, so
// `caqes.valeurs:7:valeur` is reported as `caqes.valeurs(019900028, 2018, S01, taux):valeur`.
#include "lot.hpp"

#include <caqes/io/csv_rapports.hpp>
#include <caqes/io/csv_text.hpp>

#include <pqxx/pqxx>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes::cli::base {

// One table's rows of the exercise as a CSV text, and each record's key, by line.
struct table_lue {
    std::string nom;                // "caqes.valeurs": the name every location cites
    std::string texte;              // header line, then one line per row
    std::vector<std::string> cles;  // cles[i]: "(019900028, 2018, S01, taux)", the row of line i + 2
};

// A key part as a location cites it: plain text as it is, anything else quoted and escaped as
// the CSV reader quotes a field, so that a crafted key cannot forge a location.
[[nodiscard]] inline std::string partie_de_cle(std::string_view s) {
    bool simple = !s.empty() && s.size() <= csv::quoted_max;
    for (const char c : s)
        simple = simple && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                            c == '-' || c == '.');
    return simple ? std::string{s} : csv::quoted_field(s);
}

// A field of the rendered text: always quoted (a cell may hold the separator or a quote; it
// holds no line end, which the schema's caqes.texte refuses), NULL as an empty cell.
inline void ajouter_champ(std::string& ligne, const pqxx::field& f) {
    ligne += '"';
    if (!f.is_null()) {
        for (const char c : std::string_view{f.c_str(), f.size()}) {
            if (c == '"') ligne += '"';
            ligne += c;
        }
    }
    ligne += '"';
}

// Renders `r` (its columns in `colonnes` order, the first `n_cle` being the primary key).
[[nodiscard]] inline table_lue rendre(std::string nom, const pqxx::result& r, const std::vector<std::string>& colonnes,
                                      std::size_t n_cle) {
    table_lue t{std::move(nom), {}, {}};
    for (std::size_t i = 0; i < colonnes.size(); ++i)
        t.texte += concat(i == 0 ? "" : ",", colonnes[i]);
    t.texte += '\n';
    for (const pqxx::row& ligne : r) {
        std::string cle = "(";
        for (std::size_t i = 0; i < colonnes.size(); ++i) {
            const pqxx::field f = ligne.at(colonnes[i]);
            if (i > 0) t.texte += ',';
            ajouter_champ(t.texte, f);
            if (i < n_cle) cle += concat(i == 0 ? "" : ", ", partie_de_cle(f.is_null() ? "" : f.c_str()));
        }
        t.texte += '\n';
        t.cles.push_back(cle + ")");
    }
    return t;
}

// Every volet the schema has columns for (their names: csv::nom_colonne).
inline constexpr std::array<volet_id, 8> volets_du_schema{volet_id::volet_socle,
                                                          volet_id::volet_transports,
                                                          volet_id::volet_pertinence,
                                                          volet_id::volet_amelioration_pratiques,
                                                          volet_id::volet_bon_usage,
                                                          volet_id::volet_organisation_soins,
                                                          volet_id::volet_pertinence_soins,
                                                          volet_id::dispositif_efficience};

[[nodiscard]] inline bool dans_la_grille(const modele_contrat_def& m, volet_id v) noexcept {
    for (const volet_modele& x : m.volets) {
        if (x.volet == v) return true;
    }
    return false;
}

// The columns read: those the grid's volets need, in the order the CSV files write them, and
// the columns of any other volet that holds a value this exercise, so that the reader refuses
// them as unknown columns (CAQES-E042) rather than the value be dropped unseen.
[[nodiscard]] inline std::vector<std::string> colonnes_volets(const modele_contrat_def& m, const pqxx::result& r,
                                                              std::initializer_list<std::string_view> prefixes) {
    std::vector<std::string> c;
    for (const std::string_view p : prefixes) {
        for (const volet_modele& v : m.volets)
            c.push_back(concat(p, csv::nom_colonne(v.volet)));
    }
    for (const volet_id v : volets_du_schema) {
        if (dans_la_grille(m, v)) continue;
        for (const std::string_view p : prefixes) {
            const std::string nom = concat(p, csv::nom_colonne(v));
            for (const pqxx::row& ligne : r) {
                if (!ligne.at(nom).is_null()) {
                    c.push_back(nom);
                    break;
                }
            }
        }
    }
    return c;
}

// Reads the tables of exercise `annee` in transaction `tx`.
struct tables_lues {
    table_lue valeurs;
    table_lue etablissements;
    table_lue contrats;
};

[[nodiscard]] inline tables_lues lire_tables(pqxx::transaction_base& tx, const modele_contrat_def& m, int annee) {
    tables_lues t;
    const pqxx::result v = tx.exec_params(
        "SELECT finess, exercice, indicateur, mesure, valeur FROM caqes.valeurs WHERE exercice = $1 "
        "ORDER BY finess, indicateur, mesure",
        annee);
    t.valeurs = rendre("caqes.valeurs", v, {"finess", "exercice", "indicateur", "mesure", "valeur"}, 4);

    const pqxx::result e =
        tx.exec_params("SELECT * FROM caqes.etablissements WHERE exercice = $1 ORDER BY finess", annee);
    std::vector<std::string> ce{"finess",         "exercice", "annee_contrat", "produits_assurance_maladie",
                                "annee_produits", "activites"};
    for (std::string& x : colonnes_volets(m, e, {"economies_", "decision_", "nature_", "taux_", "duree_"}))
        ce.push_back(std::move(x));
    for (const std::string_view x : csv::detail::colonnes_l162_30_4)
        ce.emplace_back(x);
    // The establishment's bases and the day of the evaluation, which sql/schema.sql adds to a
    // table an earlier version of it made: read when the table has them; until then none is
    // given, and validation says where one is needed (CAQES-E066, CAQES-E067).
    for (const std::string_view x : {"part_liste_en_sus", "base_penalite", "date_evaluation"}) {
        for (pqxx::row::size_type i = 0; i < e.columns(); ++i) {
            if (x == e.column_name(i)) {
                ce.emplace_back(x);
                break;
            }
        }
    }
    t.etablissements = rendre("caqes.etablissements", e, ce, 2);

    // The contracts of the establishments this exercise names: a contract of an establishment
    // with no row this year is no part of the batch (the CSV reader would reject it alone).
    const pqxx::result c = tx.exec_params(
        "SELECT * FROM caqes.contrats WHERE finess IN (SELECT finess FROM caqes.etablissements WHERE exercice = $1 "
        "UNION SELECT finess FROM caqes.valeurs WHERE exercice = $1) ORDER BY finess",
        annee);
    std::vector<std::string> cc{
        "finess", "ars", "organisme_local", "representant_legal", "reception_proposition", "signature", "debut_effet"};
    for (std::string& x : colonnes_volets(m, c, {"avenant_"}))
        cc.push_back(std::move(x));
    t.contrats = rendre("caqes.contrats", c, cc, 1);
    return t;
}

// `texte` with each "NAME:LINE" of a table replaced by "NAME(key)" ("NAME" alone for the header
// line), and the reader's "19 rows, lines 17 to 35" of the values by "19 rows of caqes.valeurs"
// (an establishment-year's rows are one key range there).
[[nodiscard]] inline std::string situer(std::string texte, const tables_lues& t) {
    for (const table_lue* x : {&t.valeurs, &t.etablissements, &t.contrats}) {
        const std::string motif = x->nom + ":";
        for (std::size_t pos = texte.find(motif); pos != std::string::npos; pos = texte.find(motif, pos + 1)) {
            std::size_t fin = pos + motif.size();
            std::size_t ligne = 0;
            while (fin < texte.size() && texte[fin] >= '0' && texte[fin] <= '9')
                ligne = ligne * 10 + static_cast<std::size_t>(texte[fin++] - '0');
            if (fin == pos + motif.size()) continue;
            std::string par = ligne >= 2 && ligne - 2 < x->cles.size() ? x->cles[ligne - 2] : std::string{};
            // "NAME:LINE:field" becomes "NAME(key):field"; "NAME:1:field" (the header) "NAME:field".
            const bool champ = fin < texte.size() && texte[fin] == ':';
            if (par.empty() && champ) ++fin;
            texte.replace(pos + x->nom.size(), fin - pos - x->nom.size(), par.empty() && champ ? ":" : par);
        }
    }
    for (const std::string_view motif : {std::string_view{" rows, lines "}, std::string_view{" row, line "}}) {
        const std::size_t pos = texte.find(motif);
        if (pos == std::string::npos) continue;
        std::size_t fin = pos + motif.size();
        auto chiffres = [&] {
            while (fin < texte.size() && texte[fin] >= '0' && texte[fin] <= '9')
                ++fin;
        };
        chiffres();
        if (texte.compare(fin, 4, " to ") == 0) {
            fin += 4;
            chiffres();
        }
        texte.replace(pos, fin - pos, concat(motif.starts_with(" rows") ? " rows of " : " row of ", t.valeurs.nom));
    }
    return texte;
}

// The rows written back: one per accepted establishment-year.
struct resultat_ecrit {
    std::string finess;
    resultat_evaluation res;
    std::string evaluation;  // the JSON Lines record (caqes.evaluation/1), without its trace
    std::string trace;       // its trace, a JSON array, one element per indicator
};

// The grid's version as the results are keyed by: a digest of the grid file's bytes (FNV-1a,
// 64 bits), so that a run with the same file replaces its results and another file adds its own.
[[nodiscard]] inline std::string version_grille(std::string_view octets) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const char c : octets) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    static constexpr char hexa[] = "0123456789abcdef";
    std::string s = "fnv1a64:";
    for (int i = 60; i >= 0; i -= 4)
        s += hexa[(h >> static_cast<unsigned>(i)) & 0xFU];
    return s;
}

// Replaces the results of exercise `annee`, grid `grille` version `version` with `resultats`,
// in `tx` (committed by the caller, so a failure anywhere leaves the tables as they were).
inline void ecrire(pqxx::transaction_base& tx, int annee, const std::string& grille, const std::string& version,
                   const std::vector<resultat_ecrit>& resultats) {
    tx.exec_params("DELETE FROM caqes.resultats WHERE exercice = $1 AND grille = $2 AND version_grille = $3", annee,
                   grille, version);
    for (const resultat_ecrit& r : resultats) {
        const resultat_evaluation& e = r.res;
        tx.exec_params(
            "INSERT INTO caqes.resultats (finess, exercice, grille, version_grille, annee_contrat, "
            "produits_assurance_maladie_centimes, total_sanctions_centimes, total_interessements_centimes, "
            "total_sanctions_decidees_centimes, total_interessements_decides_centimes, plafond_global_atteint, erreur, "
            "evaluation) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)",
            r.finess, e.exercice, grille, version, e.annee_contrat, e.produits_assurance_maladie.valeur,
            e.total_sanctions.valeur, e.total_interessements.valeur, e.total_sanctions_decidees.valeur,
            e.total_interessements_decides.valeur, e.plafond_global_atteint,
            e.ok() ? std::optional<std::string>{} : std::optional<std::string>{std::string{fiche(e.erreur).code}},
            r.evaluation);
        tx.exec_params(
            "INSERT INTO caqes.traces (finess, exercice, grille, version_grille, rang, ligne) "
            "SELECT $1, $2, $3, $4, t.rang, t.ligne FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS t(ligne, "
            "rang)",
            r.finess, e.exercice, grille, version, r.trace);
    }
}

// A libpqxx message on one line: the server's and libpq's span several ("...\n\tIs the server
// running...").
[[nodiscard]] inline std::string une_ligne(std::string_view s) {
    std::string r;
    for (const char c : s) {
        if (c == '\n') {
            r += "; ";
        } else if (c != '\t' && c != '\r') {
            r += c;
        }
    }
    while (r.size() >= 2 && r.ends_with("; "))
        r.resize(r.size() - 2);
    return r;
}

}  // namespace caqes::cli::base
