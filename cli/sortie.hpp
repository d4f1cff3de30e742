#pragma once
// The outputs of `caqes evaluate` (docs/cli.md): one record per establishment-year, in JSON
// Lines, CSV (French dialect: `;` and decimal comma; or plain: `,` and decimal point) or
// Markdown. Amounts are exact: integer cents in JSON, cents written with two decimals in CSV and
// Markdown; never a floating-point number.
//
// The CSV and Markdown records read a result through a view (`vue_resultat` over a full result,
// `vue_colonnes` over a row of result columns), so that one writer prints both and the columnar
// path's output is the scalar path's byte for byte (tests/check_evaluate_colonnes.py).
#include <caqes/calendrier/format.hpp>
#include <caqes/evaluation/colonnes/resultats.hpp>
#include <caqes/evaluation/issues.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/evaluation/trace.hpp>
#include <caqes/io/csv_dialect.hpp>
#include <caqes/io/csv_rapports.hpp>
#include <caqes/io/json/ecriture.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/format.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace caqes::cli {

enum class format_sortie : std::uint8_t { jsonl, csv_fr, csv, markdown };

// One evaluated establishment-year as a full result, as every format receives it.
struct ligne_resultat {
    std::string_view finess;
    const resultat_evaluation& res;
    const trace* trace_{nullptr};  // with --trace (JSON Lines only)
};

// A full result as the CSV and Markdown writers read it.
class vue_resultat {
  public:
    explicit vue_resultat(const resultat_evaluation& r) noexcept : r_(r) {}

    [[nodiscard]] int exercice() const noexcept { return r_.exercice; }
    [[nodiscard]] int annee_contrat() const noexcept { return r_.annee_contrat; }
    [[nodiscard]] centimes produits() const noexcept { return r_.produits_assurance_maladie; }
    [[nodiscard]] ymd date_regles() const noexcept { return r_.regles.date; }
    [[nodiscard]] std::size_t nombre_volets() const noexcept { return r_.nombre_volets; }
    // The volet's score; empty when no indicator counts, or when it is not exact (CAQES-E037:
    // its value would read 0).
    [[nodiscard]] std::optional<fraction> score(std::size_t i) const noexcept {
        const score_volet& s = r_.volets[i].score;
        return s.defini() && !s.depasse() ? std::optional<fraction>{s.valeur()} : std::nullopt;
    }
    [[nodiscard]] const proposition& principale(std::size_t i) const noexcept { return r_.volets[i].principale; }
    // The word of the recorded decision's nature (csv::natures_decision); empty when none.
    [[nodiscard]] std::string_view nature_decision(std::size_t i) const noexcept {
        if (!r_.volets[i].principale.decision_finale) return {};
        return csv::mot_nature_decision(r_.volets[i].nature_decidee);
    }
    [[nodiscard]] bool evalue(std::size_t i) const noexcept { return r_.volets[i].couverture.evalue; }
    [[nodiscard]] std::size_t nombre_contrat() const noexcept { return r_.nombre_contrat; }
    // A rate measure's decided rate and duration, which decide it (its amount is the file's
    // estimate); the result columns hold neither (vue_colonnes::colonnes_suffisent).
    [[nodiscard]] std::optional<fraction> taux_decide_contrat(std::size_t k) const noexcept {
        return r_.contrat_taux_decide[k];
    }
    [[nodiscard]] std::optional<int> duree_decidee_contrat(std::size_t k) const noexcept {
        return r_.contrat_duree_decidee_mois[k];
    }
    [[nodiscard]] const proposition& contrat(std::size_t k) const noexcept { return r_.contrat[k]; }
    // The outcome decided for contract-level entry k; empty when no decision was recorded for it.
    [[nodiscard]] std::optional<issue_legale> nature_decision_contrat(std::size_t k) const noexcept {
        return r_.contrat_nature_decidee[k];
    }
    [[nodiscard]] centimes total_sanctions() const noexcept { return r_.total_sanctions; }
    [[nodiscard]] centimes total_interessements() const noexcept { return r_.total_interessements; }
    [[nodiscard]] centimes total_sanctions_decidees() const noexcept { return r_.total_sanctions_decidees; }
    [[nodiscard]] centimes total_interessements_decides() const noexcept { return r_.total_interessements_decides; }
    [[nodiscard]] bool plafond_global_atteint() const noexcept { return r_.plafond_global_atteint; }
    [[nodiscard]] regle erreur() const noexcept { return r_.erreur; }

  private:
    const resultat_evaluation& r_;
};

// A row of result columns (colonnes::lire: its score reduced) as the same writers read it:
// each proposal read back from its five cells (colonnes::proposition_de), which hold
// every field the writers print but two, so `colonnes_suffisent` sends such a row to the full
// result: a row with CAQES-E037 (a score that overflowed is 0 / 0 in the columns, where the
// full result prints its value 0), and a row with a rate measure decided (the columns hold the
// outcome decided and its estimated amount, not the rate and duration that decide it: rare
// rows, which keep the block's columns free of three cells per contract-level entry).
class vue_colonnes {
  public:
    // `nombre_volets`: the conclusion's (conclure_pour): the template's volets, none for a
    // successor scheme.
    vue_colonnes(const colonnes::ligne& l, std::size_t nombre_volets) noexcept : l_(l), n_(nombre_volets) {}

    [[nodiscard]] static bool colonnes_suffisent(const colonnes::ligne& l) noexcept {
        if ((l.drapeaux_etab & colonnes::erreur_score) != 0) return false;
        for (const std::int64_t cellule : l.contrat_nature_decidee) {
            const std::optional<issue_legale> n = colonnes::nature_decidee_de(cellule);
            if (n && nature_de_taux(*n)) return false;
        }
        return true;
    }

    [[nodiscard]] int exercice() const noexcept { return static_cast<int>(l_.exercice); }
    [[nodiscard]] int annee_contrat() const noexcept { return static_cast<int>(l_.annee_contrat); }
    [[nodiscard]] centimes produits() const noexcept { return centimes{l_.produits}; }
    [[nodiscard]] ymd date_regles() const noexcept { return ymd::de_serie(static_cast<jour_serie>(l_.date_regles)); }
    [[nodiscard]] std::size_t nombre_volets() const noexcept { return n_; }
    [[nodiscard]] std::optional<fraction> score(std::size_t i) const noexcept {
        if (l_.score_den[i] <= 0) return std::nullopt;
        return fraction{l_.score_num[i], l_.score_den[i]};
    }
    [[nodiscard]] proposition principale(std::size_t i) const noexcept {
        return colonnes::proposition_de({l_.nature[i], l_.drapeaux[i], l_.propose[i], l_.plafond[i], l_.decide[i]});
    }
    [[nodiscard]] std::string_view nature_decision(std::size_t i) const noexcept {
        if (l_.nature_decidee[i] == 0) return {};
        return csv::mot_nature_decision(colonnes::nature_decidee_de(l_.nature_decidee[i]));
    }
    [[nodiscard]] bool evalue(std::size_t i) const noexcept { return (l_.drapeaux[i] & colonnes::hors_terme) == 0; }
    [[nodiscard]] std::size_t nombre_contrat() const noexcept { return colonnes::propositions_contrat; }
    [[nodiscard]] proposition contrat(std::size_t k) const noexcept {
        return colonnes::proposition_de({l_.contrat_nature[k], l_.contrat_drapeaux[k], l_.contrat_propose[k],
                                         l_.contrat_plafond[k], l_.contrat_decide[k]});
    }
    [[nodiscard]] std::optional<issue_legale> nature_decision_contrat(std::size_t k) const noexcept {
        return colonnes::nature_decidee_de(l_.contrat_nature_decidee[k]);
    }
    // None: colonnes_suffisent sent every row with a rate measure decided to its full result.
    [[nodiscard]] static std::optional<fraction> taux_decide_contrat(std::size_t) noexcept { return std::nullopt; }
    [[nodiscard]] static std::optional<int> duree_decidee_contrat(std::size_t) noexcept { return std::nullopt; }
    [[nodiscard]] centimes total_sanctions() const noexcept { return centimes{l_.total_sanctions}; }
    [[nodiscard]] centimes total_interessements() const noexcept { return centimes{l_.total_interessements}; }
    [[nodiscard]] centimes total_sanctions_decidees() const noexcept { return centimes{l_.total_sanctions_decidees}; }
    [[nodiscard]] centimes total_interessements_decides() const noexcept {
        return centimes{l_.total_interessements_decides};
    }
    [[nodiscard]] bool plafond_global_atteint() const noexcept {
        return (l_.drapeaux_etab & colonnes::plafond_global) != 0;
    }
    // CAQES-E040 is the only error a row printed from its columns can carry.
    [[nodiscard]] regle erreur() const noexcept {
        return (l_.drapeaux_etab & colonnes::erreur_totaux) != 0 ? regle::depassement_capacite : regle::aucune;
    }

  private:
    const colonnes::ligne& l_;
    std::size_t n_;
};

// "1234,56" in the French dialect, "1234.56" in the plain one: no thousands separator, so that
// a spreadsheet reads the cell as a number in either locale's dialect.
[[nodiscard]] inline std::string montant(centimes c, csv::dialect d) {
    std::string s = texte_euros(c);
    if (d == csv::dialect::french) s[s.size() - 3] = ',';
    return s;
}

// A number written with a decimal point, with the dialect's decimal mark.
[[nodiscard]] inline std::string marque_decimale(std::string t, csv::dialect d) {
    if (d == csv::dialect::french) {
        for (char& c : t)
            c = c == '.' ? ',' : c;
    }
    return t;
}

// A score as a ratio in [0, 1], truncated to 6 decimals with the dialect's mark (informative:
// the JSON Lines output gives it exactly, as num/den); empty when no indicator counted.
[[nodiscard]] inline std::string score(const std::optional<fraction>& s, csv::dialect d) {
    if (!s) return {};
    return marque_decimale(json::decimal_tronque(*s), d);
}

// A rate in percent, "12.5 %", with the dialect's decimal mark.
[[nodiscard]] inline std::string pourcent(fraction f, csv::dialect d) {
    return marque_decimale(texte(type_mesure::taux, f), d);
}

// " for 18 months": the duration a rate measure was decided for, after its rate; empty when the
// decision gave none.
[[nodiscard]] inline std::string pour_la_duree(const std::optional<int>& mois) {
    return mois ? concat(" for ", std::to_string(*mois), " months") : std::string{};
}

// A CSV field: quoted when it holds the separator, a quote or a line break.
[[nodiscard]] inline std::string champ(std::string_view s, csv::dialect d) {
    if (s.find_first_of(std::string{csv::separator(d)} + "\"\r\n") == std::string_view::npos) return std::string{s};
    std::string q = "\"";
    for (const char c : s)
        q += c == '"' ? std::string{"\"\""} : std::string{c};
    return q + "\"";
}

// The contract-level proposals (regional or national incentive, L.162-30-4 measures, successor
// allocation and penalty): "interessement_regional 1234,56", joined by " + ", each with the
// decision recorded for it, "(decided 2000,00)", " above the proposal" when flagged; a decision of
// an outcome nothing was proposed for names that outcome as the files write it, "decided dotation
// 2000,00"; a rate measure decided by its rate and duration gives them, "decided 20000,00 at 20 %
// for 18 months" (from a full result: a view of columns has none). With
// `savings_nr`, an allocation not computed for lack of savings is "savings NR", as Markdown
// writes a volet's (the CSV has no cell for it, for a volet neither).
template <class Vue>
[[nodiscard]] std::string propositions_contrat(const Vue& r, csv::dialect d, bool savings_nr = false) {
    std::string s;
    for (std::size_t i = 0; i < r.nombre_contrat(); ++i) {
        const proposition& p = r.contrat(i);
        if (savings_nr && p.economies_non_renseignees) s += concat(s.empty() ? "" : " + ", "savings NR");
        if (!p.presente() && !p.decision_finale) continue;
        const std::optional<fraction> t = r.taux_decide_contrat(i);
        const std::string taux = t ? concat(" at ", pourcent(*t, d), pour_la_duree(r.duree_decidee_contrat(i))) : "";
        const std::string decidee =
            p.decision_finale
                ? concat("decided ",
                         p.presente() ? std::string{}
                                      : concat(csv::mot_nature_decision(r.nature_decision_contrat(i)), " "),
                         montant(*p.decision_finale, d), taux, p.decision_au_dessus ? " above the proposal" : "")
                : std::string{};
        s += concat(s.empty() ? "" : " + ", p.presente() ? concat(nom(p.nature), " ", montant(p.montant, d),
                                                                  decidee.empty() ? "" : concat(" (", decidee, ")"))
                                                         : decidee);
    }
    return s;
}

// Whether the grid's formula parameters for its regime are the illustrative defaults ([U],
// `illustratif` of its parameter set): they decide every row's outcome, a proposal or nothing
// (a score under an illustrative threshold proposes nothing), so every row rests on them.
[[nodiscard]] inline bool parametres_illustratifs(const parametres_evaluation& p, regime_id r) noexcept {
    switch (r) {
        case regime_id::caqes_2017:
            return p.p2017.illustratif;
        case regime_id::caqes_2022:
            return p.p2022.illustratif;
        case regime_id::successeur_2026:
            return p.successeur.illustratif;
        case regime_id::contrats_anterieurs:
            break;
    }
    return false;
}

// Whether a row rests on anything illustrative, which every output labels (docs/concepts.md):
// the grid's parameters (`parametres_illustratifs`), a proposal computed with an [U] formula's
// illustrative default (`proposition::illustratif`, the JSON's `illustratif`), or a volet the
// exercise evaluates whose grid has an illustrative indicator (`origine::illustrative`), whose
// target no text fixes: its outcome rests on that grid, whether or not the indicator counted
// this year. `volets_illustratifs[i]`: volet i's grid has such an indicator, for each of the
// template's volets (a row concludes at most those: nombre_volets_conclus).
template <class Vue>
[[nodiscard]] bool illustratif(const Vue& r, bool parametres, const std::vector<bool>& volets_illustratifs) {
    if (parametres) return true;
    for (std::size_t i = 0; i < r.nombre_volets(); ++i) {
        if (r.principale(i).illustratif) return true;
        if (volets_illustratifs[i] && r.evalue(i)) return true;
    }
    for (std::size_t k = 0; k < r.nombre_contrat(); ++k) {
        if (r.contrat(k).illustratif) return true;
    }
    return false;
}

class ecrivain {
  public:
    // `parametres`: the grid's, whose `illustratif` flags label every row (`parametres_illustratifs`).
    ecrivain(std::ostream& out, format_sortie f, const modele_contrat_def& m, const parametres_evaluation& parametres)
            : out_(out), f_(f), m_(m), parametres_illustratifs_(parametres_illustratifs(parametres, m.regime)) {
        for (const volet_modele& v : m.volets) {
            volets_illustratifs_.push_back(std::any_of(v.grille.begin(), v.grille.end(), [](const indicateur& ind) {
                return ind.provenance == origine::illustrative;
            }));
        }
    }

    void entete() {
        switch (f_) {
            case format_sortie::jsonl:
                return;
            case format_sortie::csv_fr:
                entete_csv(csv::dialect::french);
                return;
            case format_sortie::csv:
                entete_csv(csv::dialect::plain);
                return;
            case format_sortie::markdown:
                entete_markdown();
                return;
        }
    }

    // One full result, in any format.
    void ecrire(const ligne_resultat& l) {
        if (f_ == format_sortie::jsonl) return ecrire_jsonl(l);
        ecrire_vue(l.finess, vue_resultat{l.res});
    }
    // One row of result columns, in CSV or Markdown (JSON Lines needs the full result).
    void ecrire(std::string_view finess, const vue_colonnes& v) { ecrire_vue(finess, v); }
    // What was written reaches the stream's reader: after each row on the scalar path, after each
    // block on the columnar one (docs/cli.md).
    void vider() { out_.flush(); }

  private:
    void entete_csv(csv::dialect d) {
        const char sep = csv::separator(d);
        out_ << "finess" << sep << "exercice" << sep << "annee_contrat" << sep << "produits_assurance_maladie" << sep
             << "date_regles";
        for (const auto& v : m_.volets) {
            const std::string_view n = csv::nom_colonne(v.volet);
            out_ << sep << "score_" << n << sep << "proposition_" << n << sep << "montant_" << n << sep
                 << "plafond_atteint_" << n << sep << "decision_" << n << sep << "nature_decision_" << n << sep
                 << "decision_au_dessus_" << n;
        }
        out_ << sep << "propositions_contrat" << sep << "total_sanctions" << sep << "total_interessements" << sep
             << "total_sanctions_decidees" << sep << "total_interessements_decides" << sep << "plafond_global_atteint"
             << sep << "erreur" << sep << "illustratif\n";
    }

    template <class Vue>
    void ecrire_vue(std::string_view finess, const Vue& r) {
        switch (f_) {
            case format_sortie::jsonl:
                return;  // ecrire(ligne_resultat): from the full result
            case format_sortie::csv_fr:
                return ecrire_csv(finess, r, csv::dialect::french);
            case format_sortie::csv:
                return ecrire_csv(finess, r, csv::dialect::plain);
            case format_sortie::markdown:
                return ecrire_markdown(finess, r);
        }
    }

    template <class Vue>
    void ecrire_csv(std::string_view finess, const Vue& r, csv::dialect d) {
        const char sep = csv::separator(d);
        out_ << champ(finess, d) << sep << r.exercice() << sep << r.annee_contrat() << sep << montant(r.produits(), d)
             << sep << texte(r.date_regles());
        for (std::size_t i = 0; i < m_.volets.size(); ++i) {
            if (i >= r.nombre_volets()) {
                out_ << sep << sep << sep << sep << sep << sep << sep;
                continue;
            }
            const proposition& p = r.principale(i);
            out_ << sep << score(r.score(i), d) << sep << (p.presente() ? nom(p.nature) : std::string_view{}) << sep
                 << (p.presente() && !p.depassement ? montant(p.montant, d) : std::string{}) << sep
                 << (p.plafond_atteint ? 1 : 0) << sep
                 << (p.decision_finale ? montant(*p.decision_finale, d) : std::string{}) << sep << r.nature_decision(i)
                 << sep << (p.decision_au_dessus ? 1 : 0);
        }
        out_ << sep << propositions_contrat(r, d) << sep << montant(r.total_sanctions(), d) << sep
             << montant(r.total_interessements(), d) << sep << montant(r.total_sanctions_decidees(), d) << sep
             << montant(r.total_interessements_decides(), d) << sep << (r.plafond_global_atteint() ? 1 : 0) << sep
             << (r.erreur() == regle::aucune ? std::string_view{} : fiche(r.erreur()).code) << sep
             << (illustratif(r, parametres_illustratifs_, volets_illustratifs_) ? 1 : 0) << '\n';
    }

    void entete_markdown() {
        out_ << "| finess | exercice |";
        for (const auto& v : m_.volets)
            out_ << ' ' << traits(v.volet).nom << " |";
        out_ << " contrat | sanctions | interessements | illustrative |\n|---|---|";
        for (std::size_t i = 0; i < m_.volets.size(); ++i)
            out_ << "---|";
        out_ << "---|--:|--:|---|\n";
    }

    // "62.5 % sanction 1234.56*": score, proposal, amount, and * when a cap bound it.
    template <class Vue>
    void ecrire_markdown(std::string_view finess, const Vue& r) {
        out_ << "| " << finess << " | " << r.exercice() << " |";
        for (std::size_t i = 0; i < m_.volets.size(); ++i) {
            if (i >= r.nombre_volets()) {
                out_ << " |";
                continue;
            }
            const proposition& p = r.principale(i);
            const std::optional<fraction> s = r.score(i);
            std::string c = s ? texte_decimal(*s) : std::string{"-"};
            if (!r.evalue(i))
                c += " out of term";
            else if (p.economies_non_renseignees)
                c += " savings NR";
            else if (p.depassement)
                c += concat(" ", nom(p.nature), " OVERFLOW");
            else if (p.presente())
                c += concat(" ", nom(p.nature), " ", texte_euros(p.montant), p.plafond_atteint ? "*" : "");
            if (p.decision_finale)
                c += concat(" (decided ", r.nature_decision(i), " ", texte_euros(*p.decision_finale),
                            p.decision_au_dessus ? " above the proposal" : "", ")");
            out_ << ' ' << c << " |";
        }
        // The error first, in the contract cell: CAQES-E037, nothing was proposed (the contract-level
        // decisions stand); CAQES-E040, the proposals stand but the totals are 0, not exact.
        std::string contrat = propositions_contrat(r, csv::dialect::plain, true);
        if (r.erreur() != regle::aucune)
            contrat = concat(fiche(r.erreur()).code,
                             r.erreur() == regle::depassement_score ? " nothing proposed" : " totals not exact",
                             contrat.empty() ? "" : "; ", contrat);
        out_ << ' ' << (contrat.empty() ? "-" : contrat) << " | " << texte_euros(r.total_sanctions()) << " | "
             << texte_euros(r.total_interessements()) << " | "
             << (illustratif(r, parametres_illustratifs_, volets_illustratifs_) ? "yes" : "no") << " |\n";
    }

    // One JSON object a line (schema caqes.evaluation/1, one evaluation per line), written
    // without a tree (json/ecriture.hpp): the bytes nlohmann's dump(-1) gives.
    void ecrire_jsonl(const ligne_resultat& l) {
        const json::identite id{l.finess, l.res.exercice, m_.nom, std::nullopt};
        json::ecrire_evaluation(jsonl_, l.res, l.trace_, &id);
        jsonl_.brut("\n");
        jsonl_.vider();
    }

    std::ostream& out_;
    format_sortie f_;
    const modele_contrat_def& m_;
    bool parametres_illustratifs_;
    std::vector<bool> volets_illustratifs_;
    json::ecrivain jsonl_{&out_, -1};
};

}  // namespace caqes::cli
