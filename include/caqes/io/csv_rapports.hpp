#pragma once
// The batch input: yearly reports of many establishments, read from two CSV files against a
// contract template (docs/input-format.md).
//
// - `valeurs` (long format): `finess;exercice;indicateur;mesure;valeur`, one row per
//   establishment, exercise year, indicator and measure.
// - `etablissements`: one row per establishment and year: `finess;exercice;annee_contrat;
//   produits_assurance_maladie;annee_produits`, then `economies_<volet>`, `decision_<volet>`
//   and `nature_<volet>` for each volet of the template, named (not numbered) so a file cannot
//   be read against a template whose volets come in another order. An empty savings cell is
//   *non renseigne*, never zero; a decision carries its nature (docs/input-format.md).
//   Optional column groups, each absent or complete: `activites`; `taux_<volet>` and
//   `duree_<volet>` (decisions the law sets as a rate); the six `l162_30_4_*` columns.
// - `contrats` (optional): one row per establishment's contract: its parties, dates and the
//   avenants that bring template volets in. With it, each report is validated against its
//   contract instance (contract time, CAQES-E060 to E065); without it, contract time is not
//   checked and every result says so.
//
// Every data row ends up accepted or rejected, and a rejected row points to the violation
// that explains it (file:line:field, rule, detail). An establishment-year is evaluated only
// when all its measures were accepted and `caqes::validate(def, rapport)` finds nothing:
// nothing is evaluated from partial garbage, and the rows of a rejected establishment-year
// are counted as rejected. The reconciliation counts physical lines (lines read = header +
// blank + accepted + rejected, per file) and is computed from the row statuses, so a row the
// reader forgot to decide, or a line it swallowed, breaks it.
//
// One job per header: csv_lot.hpp (the public types), detail/csv_lignes.hpp (what every file
// shares: header, row shape, key), detail/csv_fichiers.hpp (each file's rows); this one joins
// them into establishment-years and validates each.
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/etablissement.hpp>
#include <caqes/contrat/instance.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/contrat/validation.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/evaluation/validation.hpp>
#include <caqes/io/csv_date.hpp>
#include <caqes/io/csv_dialect.hpp>
#include <caqes/io/csv_lot.hpp>
#include <caqes/io/csv_number.hpp>
#include <caqes/io/csv_records.hpp>
#include <caqes/io/csv_text.hpp>
#include <caqes/io/detail/csv_fichiers.hpp>
#include <caqes/io/detail/csv_lignes.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/format.hpp>
#include <caqes/monnaie/montant.hpp>
#include <caqes/volet/volet.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes::csv {

namespace detail {

// "12 rows, lines 17 to 45"; `rows` is not empty.
[[nodiscard]] inline std::string lignes_texte(const reconciliation& rec, const std::vector<std::size_t>& rows) {
    std::size_t lo = rec.rows[rows.front()].line;
    std::size_t hi = lo;
    for (const std::size_t r : rows) {
        lo = rec.rows[r].line < lo ? rec.rows[r].line : lo;
        hi = rec.rows[r].line > hi ? rec.rows[r].line : hi;
    }
    return concat(std::to_string(rows.size()), rows.size() == 1 ? " row, line " : " rows, lines ", std::to_string(lo),
                  lo == hi ? std::string{} : concat(" to ", std::to_string(hi)));
}

inline void compter(reconciliation& rec, std::size_t nombre_rejets) {
    rec.read = rec.rows.size();
    rec.accepted = 0;
    rec.rejected = 0;
    for (const auto& s : rec.rows) {
        if (s.state == row_state::accepted) ++rec.accepted;
        if (s.state == row_state::rejected && s.reason < nombre_rejets) ++rec.rejected;
    }
}

[[nodiscard]] inline lot_rapports lire(const modele_contrat_def& m, const parametres_evaluation& p,
                                       const source& valeurs, const source& etablissements,
                                       const source* fichier_contrats, const options_lecture& o) {
    lot_rapports lot{};
    std::map<cle, etablissement_lu> etabs;
    std::map<cle, groupe> groupes;
    std::map<std::string, contrat_lu, std::less<>> contrats;
    if (fichier_contrats != nullptr) {
        lot.contrats.emplace();
        lire_contrats(m, *fichier_contrats, o, lot.rejets, *lot.contrats, contrats);
    }
    lire_etablissements(m, etablissements, o, lot.rejets, lot.etablissements, etabs, lot.activites_donnees);
    lire_valeurs(m, valeurs, o, lot.rejets, lot.valeurs, groupes);
    journal jv{valeurs.name, lot.rejets, lot.valeurs};
    journal je{etablissements.name, lot.rejets, lot.etablissements};
    std::optional<journal> jc;
    if (fichier_contrats != nullptr) jc.emplace(fichier_contrats->name, lot.rejets, *lot.contrats);
    const std::vector<repere> index = reperes(m);

    for (auto& [k, g] : groupes) {
        const std::string qui = concat(k.finess, " ", std::to_string(k.exercice));
        contrat_lu* contrat = nullptr;
        std::string probleme_contrat;
        if (fichier_contrats != nullptr) {
            const auto ct = contrats.find(k.finess);
            if (ct == contrats.end()) {
                probleme_contrat = concat("no row in ", fichier_contrats->name);
            } else {
                contrat = &ct->second;
                contrat->vu = true;
                if (!contrat->accepte) {
                    probleme_contrat = concat("its contract's row ", fichier_contrats->name, ":",
                                              std::to_string(contrat->ligne), " was rejected");
                }
            }
        }
        // CAQES-E026: every measure of every indicator of the volets the contract has in force
        // for the exercise, and the establishment row. A volet out of its term is not reported
        // on; values given for it are refused by `validate` (CAQES-E060).
        const std::array<bool, volets_max> couverts = volets_couverts(
            m, contrat != nullptr && contrat->accepte ? &contrat->instance : nullptr, k.exercice, p.annee_partielle);
        std::string manque;
        std::size_t nombre_manquants = 0;
        for (const auto& x : index) {
            if (!couverts[x.volet]) continue;
            for (std::size_t jm = 0; jm < mesures_max; ++jm) {
                if (x.ind->mesures[jm].vide() || g.donnee[x.k][jm]) continue;
                if (nombre_manquants < 4)
                    manque += concat(nombre_manquants == 0 ? "" : ", ", x.ind->code, ".", x.ind->mesures[jm].code);
                ++nombre_manquants;
            }
        }
        if (nombre_manquants > 4) manque += concat(" and ", std::to_string(nombre_manquants - 4), " more");
        const auto et = etabs.find(k);
        std::string probleme;
        if (nombre_manquants > 0) probleme = concat("missing ", manque);
        if (et == etabs.end()) {
            probleme += concat(probleme.empty() ? "" : "; ", "no row in ", etablissements.name);
        } else if (!et->second.accepte) {
            probleme += concat(probleme.empty() ? "" : "; ", "its row ", etablissements.name, ":",
                               std::to_string(et->second.ligne), " was rejected");
        }
        if (!probleme_contrat.empty()) probleme += concat(probleme.empty() ? "" : "; ", probleme_contrat);

        violations refus;
        if (probleme.empty()) {
            // The final per-report check is the library's `validate`, not a copy of it; the
            // report names its values by code, as any caller's would.
            const etablissement_lu& el = et->second;
            std::vector<saisie_indicateur> saisies;
            for (const auto& x : index) {
                // An indicator of a volet out of its term is left out unless the file gave it.
                bool donne = couverts[x.volet];
                for (std::size_t jm = 0; jm < mesures_max; ++jm)
                    donne = donne || g.donnee[x.k][jm];
                if (!donne) continue;
                saisie_indicateur& si = saisies.emplace_back();
                si.indicateur = x.ind->code;
                for (std::size_t jm = 0; jm < mesures_max; ++jm) {
                    if (!x.ind->mesures[jm].vide()) si.mesures[jm] = {x.ind->mesures[jm].code, g.valeurs[x.k][jm]};
                }
            }
            std::vector<montant_volet> economies;
            for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
                if (el.economies[iv]) economies.push_back({m.volets[iv].volet, *el.economies[iv]});
            }
            rapport_annuel r = el.donnees;
            // Without the activities column every activity of the template's scope is taken as
            // exercised (docs/input-format.md), and the lot says so.
            if (!lot.activites_donnees) r.activites_etablissement = m.perimetre;
            r.valeurs = saisies;
            r.economies = economies;
            r.decisions = el.decisions;
            resultat_validation<rapport_valide> v = [&] {
                if (contrat == nullptr) return validate(m, r, p);
                // This year's activities are the contract's establishment's (L.162-22).
                contrat_instance c = contrat->instance;
                c.etab.activites_exercees = r.activites_etablissement;
                return validate(m, c, r, p);
            }();
            if (v) {
                for (const std::size_t row : g.rows)
                    jv.accepter(row);
                je.accepter(el.row);
                if (contrat != nullptr) contrat->utilise = true;
                lot.rapports.push_back({k.finess, std::move(v).valeur(), g.premiere_ligne, el.ligne,
                                        contrat != nullptr ? contrat->ligne : 0});
                continue;
            }
            // A decision, savings or other cell of the establishments file is located at its
            // own row and column; the rest at the establishment-year's first row of values.
            for (const auto& x : v.erreurs()) {
                const std::string colonne = colonne_etablissement(x.lieu, el.decisions, lot.activites_donnees);
                refus.push_back({x.id,
                                 colonne.empty() ? jv.lieu(g.premiere_ligne, "finess") : je.lieu(el.ligne, colonne),
                                 concat(qui, ": ", x.lieu, ": ", x.detail)});
            }
        } else {
            refus.push_back(
                {regle::indicateur_absent, jv.lieu(g.premiere_ligne, "finess"), concat(qui, ": ", probleme)});
        }

        const bool etab_a_rejeter = et != etabs.end() && et->second.accepte;
        // The rows that go down with it: its valid rows of the values file, and its row of
        // the establishments file; a group whose rows were all rejected on their own has none.
        const std::string etab =
            etab_a_rejeter ? concat(etablissements.name, ":", std::to_string(et->second.ligne)) : std::string{};
        std::string avec;
        if (!g.rows.empty())
            avec = concat(" with its ", lignes_texte(lot.valeurs, g.rows), etab.empty() ? "" : " and ", etab);
        else if (!etab.empty())
            avec = concat(" with ", etab);
        refus.front().detail += concat("; establishment-year rejected", avec);
        const std::size_t premier = lot.rejets.size();
        for (auto& v : refus)
            lot.rejets.push_back(std::move(v));
        for (const std::size_t row : g.rows)
            jv.rejeter(row, premier);
        if (etab_a_rejeter) je.rejeter(et->second.row, premier);
        if (contrat != nullptr && !contrat->rejet) contrat->rejet = premier;
    }

    // Establishment rows with no values at all: every indicator is missing.
    for (const auto& [k, et] : etabs) {
        if (groupes.contains(k) || !et.accepte) continue;
        je.rejeter(et.row, regle::indicateur_absent, "finess",
                   concat(k.finess, " ", std::to_string(k.exercice), ": no row in ", valeurs.name,
                          "; establishment-year rejected"));
    }

    // A contract row is kept when one of its establishment-years was; otherwise it goes down
    // with the first of them, or alone when no establishment-year names it.
    for (auto& [finess, c] : contrats) {
        if (!c.accepte) continue;
        if (c.utilise) {
            jc->accepter(c.row);
        } else if (c.rejet) {
            jc->rejeter(c.row, *c.rejet);
        } else {
            jc->rejeter(c.row, regle::indicateur_absent, "finess",
                        concat(finess, ": no establishment-year in ", etablissements.name,
                               " for this contract; contract rejected"));
        }
    }

    // Every row is now accepted or rejected. A row left pending would be a reader bug: it is
    // counted in neither, so the reconciliation shows it, in release builds too.
    compter(lot.valeurs, lot.rejets.size());
    compter(lot.etablissements, lot.rejets.size());
    if (lot.contrats) compter(*lot.contrats, lot.rejets.size());
    assert(lot.balanced());
    return lot;
}

}  // namespace detail

// Reads and validates a batch without contract data: contract time is not checked, and every
// validated report says so (`rapport_valide::avec_instance()` is false).
[[nodiscard]] inline lot_rapports lire_rapports(const modele_contrat_def& m, const parametres_evaluation& p,
                                                const source& valeurs, const source& etablissements,
                                                const options_lecture& o = {}) {
    return detail::lire(m, p, valeurs, etablissements, nullptr, o);
}

// The same with the contracts file: each report is validated against its establishment's
// contract instance (contract time, avenants, the contract year: CAQES-E060 to E065).
[[nodiscard]] inline lot_rapports lire_rapports(const modele_contrat_def& m, const parametres_evaluation& p,
                                                const source& valeurs, const source& etablissements,
                                                const source& contrats, const options_lecture& o = {}) {
    return detail::lire(m, p, valeurs, etablissements, &contrats, o);
}

}  // namespace caqes::csv
