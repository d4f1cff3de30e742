#pragma once
// The result columns of an evaluation, one column per field `caqes evaluate`'s CSV prints
// (cli/sortie.hpp), one establishment's row of them, and the conclusion's sink that writes a
// row (`ligne_resultats`): the output of the columnar evaluator (docs/design-columnar.md,
// section 3), and what evaluators are compared on, field by field.
//
// Users: the benchmarks' hand-written baselines (benchmarks/colonnes.hpp), and the
// differential test (tests/unit/differentiel.cpp), which fills the columns from each
// evaluator's full result (`ecrire`), and from the conclusion through `ligne_resultats`, and
// compares them row by row.
//
// The CSV's fields and their columns:
// - finess: none; a row is an index, and the caller keeps its key beside the columns;
// - exercice, annee_contrat, produits_assurance_maladie, date_regles: `exercice`,
//   `annee_contrat`, `produits`, `date_regles` (a serial day);
// - score_<volet>: `points` / `poids` (the score's fraction, not reduced; weight 0: no score);
// - proposition_, montant_, plafond_atteint_, decision_, nature_decision_<volet>: `nature`,
//   `propose` (the CSV leaves it empty when `drapeaux` has `depassement`), `drapeaux`, `decide`,
//   `nature_decidee` (cellule_nature_decidee); and `plafond`;
// - propositions_contrat: `contrat_nature` and `contrat_propose` (with their caps, flags,
//   decisions and `contrat_nature_decidee`, the outcome decided: an entry nothing was proposed
//   for has nature 0);
// - total_sanctions, total_interessements, total_sanctions_decidees,
//   total_interessements_decides: the four totals;
// - plafond_global_atteint, erreur: `drapeaux_etab` (`plafond_global`; `erreur_totaux`, the
//   CSV's CAQES-E040; `erreur_score`, its CAQES-E037).
#include <caqes/calendrier/date.hpp>
#include <caqes/droit/regle.hpp>
#include <caqes/evaluation/colonnes/score_entier.hpp>
#include <caqes/evaluation/couverture.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/monnaie/fraction.hpp>
#include <caqes/monnaie/montant.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace caqes::colonnes {

// An amount that is not there: savings "non renseignees", no decision recorded.
inline constexpr std::int64_t sans_montant = std::numeric_limits<std::int64_t>::min();

// The contract-level proposals a result holds (`resultat_evaluation::contrat`).
inline constexpr std::size_t propositions_contrat = 3;

// The nature of a volet's recorded decision as a cell: 0 when none was recorded, 1 for a decision
// of no outcome (the ARS decided neither), 2 + the outcome (issue_legale) otherwise. A decision
// may be of another nature than the proposal (the ARS decides), so its amount alone would read as
// the proposal's kind.
[[nodiscard]] constexpr std::int64_t cellule_nature_decidee(bool decidee, std::optional<issue_legale> n) noexcept {
    if (!decidee) return 0;
    return n ? 2 + static_cast<std::int64_t>(*n) : 1;
}
// Its inverse, for a cell that holds a decision (not 0).
[[nodiscard]] constexpr std::optional<issue_legale> nature_decidee_de(std::int64_t cellule) noexcept {
    if (cellule < 2) return std::nullopt;
    return static_cast<issue_legale>(cellule - 2);
}

// Flags of a proposal (a volet's or the contract's).
enum drapeau : std::uint8_t {
    illustratif = 1,         // computed with an [U] formula's illustrative default
    plafond_atteint = 2,     // a cap bound the amount
    depassement = 4,         // an amount did not fit 64-bit cents: not evaluated
    hors_terme = 8,          // the volet's term does not cover the exercise (D.162-16 II)
    economies_nr = 16,       // the incentive needs savings the report left empty
    decision_au_dessus = 32  // the decision recorded exceeds the proposal
};
// Flags of an establishment-year.
enum drapeau_etab : std::uint8_t {
    plafond_global = 1,  // the 5 % overall cap bound the sanctions
    transition = 2,      // the regime's transition policy applied (CAQES-E006)
    erreur_totaux = 4,   // CAQES-E040: a total does not fit 64-bit cents; totals 0
    erreur_score = 8,    // CAQES-E037: a score is not exact in 64 bits; nothing proposed
};

// The columns. `L` is the lane of the score columns: a grid whose scores are integers over a
// common denominator that fits 32 bits writes them in int32 (the benchmarks' grids: halves of a
// weight); any grid fits int64, since a score the toolkit does not report as CAQES-E037 is a
// fraction of 64-bit terms.
//
// Per establishment: the context (exercise, contract year, revenue base, the date of the rules
// as a serial day); per volet: nature (nature_proposition), flags, the proposed amount,
// its cap and the decided amount (cents; sans_montant when none was recorded), the score as
// points / weight; per contract-level proposal the same but the score; the totals, each of its
// own kind of amount (proposed sanctions, proposed incentives, decided sanctions, decided
// incentives), and the flags.
template <class L>
struct resultats_colonnes {
    std::vector<std::int32_t> exercice;
    std::vector<std::int32_t> annee_contrat;
    std::vector<std::int64_t> produits;
    std::vector<std::int32_t> date_regles;
    std::array<std::vector<std::uint8_t>, 4> nature;
    std::array<std::vector<std::uint8_t>, 4> drapeaux;
    std::array<std::vector<std::int64_t>, 4> propose;
    std::array<std::vector<std::int64_t>, 4> plafond;
    std::array<std::vector<std::int64_t>, 4> decide;
    std::array<std::vector<std::uint8_t>, 4> nature_decidee;
    std::array<std::vector<L>, 4> points;
    std::array<std::vector<L>, 4> poids;
    std::array<std::vector<std::uint8_t>, propositions_contrat> contrat_nature;
    std::array<std::vector<std::uint8_t>, propositions_contrat> contrat_drapeaux;
    std::array<std::vector<std::int64_t>, propositions_contrat> contrat_propose;
    std::array<std::vector<std::int64_t>, propositions_contrat> contrat_plafond;
    std::array<std::vector<std::int64_t>, propositions_contrat> contrat_decide;
    std::array<std::vector<std::uint8_t>, propositions_contrat> contrat_nature_decidee;
    std::vector<std::int64_t> total_sanctions;               // sum of the proposed sanctions
    std::vector<std::int64_t> total_interessements;          // sum of the proposed incentives
    std::vector<std::int64_t> total_sanctions_decidees;      // sum of the decided sanctions
    std::vector<std::int64_t> total_interessements_decides;  // sum of the decided incentives
    std::vector<std::uint8_t> drapeaux_etab;

    static constexpr std::size_t octets_par_etablissement = (4 + 4 + 8 + 4) +
                                                            4 * (1 + 1 + 8 + 8 + 8 + 1 + 2 * sizeof(L)) +
                                                            propositions_contrat * (1 + 1 + 8 + 8 + 8 + 1) + 4 * 8 + 1;

    [[nodiscard]] std::size_t taille() const noexcept { return exercice.size(); }

    // n empty rows.
    void dimensionner(std::size_t n) {
        *this = resultats_colonnes{};
        agrandir(n);
    }

    // Grows to n rows, each new one empty (no proposal, no decision); the rows already written
    // stay. A batch appends each block's rows.
    void agrandir(std::size_t n) {
        exercice.resize(n, 0);
        annee_contrat.resize(n, 0);
        produits.resize(n, 0);
        date_regles.resize(n, 0);
        for (std::size_t v = 0; v < 4; ++v) {
            nature[v].resize(n, 0);
            drapeaux[v].resize(n, 0);
            propose[v].resize(n, 0);
            plafond[v].resize(n, 0);
            decide[v].resize(n, sans_montant);
            nature_decidee[v].resize(n, 0);
            points[v].resize(n, 0);
            poids[v].resize(n, 0);
        }
        for (std::size_t k = 0; k < propositions_contrat; ++k) {
            contrat_nature[k].resize(n, 0);
            contrat_drapeaux[k].resize(n, 0);
            contrat_propose[k].resize(n, 0);
            contrat_plafond[k].resize(n, 0);
            contrat_decide[k].resize(n, sans_montant);
            contrat_nature_decidee[k].resize(n, 0);
        }
        total_sanctions.resize(n, 0);
        total_interessements.resize(n, 0);
        total_sanctions_decidees.resize(n, 0);
        total_interessements_decides.resize(n, 0);
        drapeaux_etab.resize(n, 0);
    }
};

// ---- one establishment's row ----

// The score is reduced (so two evaluators that hold it over other denominators agree); an
// undefined score is 0 / 0.
struct ligne {
    std::int64_t exercice{0}, annee_contrat{0}, produits{0}, date_regles{0};
    std::array<std::int64_t, 4> nature{}, drapeaux{}, propose{}, plafond{}, decide{}, nature_decidee{}, score_num{},
        score_den{};
    std::array<std::int64_t, propositions_contrat> contrat_nature{}, contrat_drapeaux{}, contrat_propose{},
        contrat_plafond{}, contrat_decide{}, contrat_nature_decidee{};
    std::int64_t total_sanctions{0}, total_interessements{0}, total_sanctions_decidees{0},
        total_interessements_decides{0}, drapeaux_etab{0};
};

template <class L>
[[nodiscard]] inline ligne lire(const resultats_colonnes<L>& r, std::size_t e) {
    ligne l;
    l.exercice = r.exercice[e];
    l.annee_contrat = r.annee_contrat[e];
    l.produits = r.produits[e];
    l.date_regles = r.date_regles[e];
    for (std::size_t v = 0; v < 4; ++v) {
        l.nature[v] = r.nature[v][e];
        l.drapeaux[v] = r.drapeaux[v][e];
        l.propose[v] = r.propose[v][e];
        l.plafond[v] = r.plafond[v][e];
        l.decide[v] = r.decide[v][e];
        l.nature_decidee[v] = r.nature_decidee[v][e];
        const std::int64_t p = r.points[v][e];
        const std::int64_t w = r.poids[v][e];
        const std::int64_t g = w > 0 ? std::gcd(p, w) : 1;
        l.score_num[v] = w > 0 ? p / g : 0;
        l.score_den[v] = w > 0 ? w / g : 0;
    }
    for (std::size_t k = 0; k < propositions_contrat; ++k) {
        l.contrat_nature[k] = r.contrat_nature[k][e];
        l.contrat_drapeaux[k] = r.contrat_drapeaux[k][e];
        l.contrat_propose[k] = r.contrat_propose[k][e];
        l.contrat_plafond[k] = r.contrat_plafond[k][e];
        l.contrat_decide[k] = r.contrat_decide[k][e];
        l.contrat_nature_decidee[k] = r.contrat_nature_decidee[k][e];
    }
    l.total_sanctions = r.total_sanctions[e];
    l.total_interessements = r.total_interessements[e];
    l.total_sanctions_decidees = r.total_sanctions_decidees[e];
    l.total_interessements_decides = r.total_interessements_decides[e];
    l.drapeaux_etab = r.drapeaux_etab[e];
    return l;
}

// A proposal's flags; `evalue` false for a volet whose term does not cover the exercise.
[[nodiscard]] inline std::int64_t drapeaux_de(const proposition& p, bool evalue) {
    return (p.illustratif ? illustratif : 0) | (p.plafond_atteint ? plafond_atteint : 0) |
           (p.depassement ? depassement : 0) | (evalue ? 0 : hors_terme) |
           (p.economies_non_renseignees ? economies_nr : 0) | (p.decision_au_dessus ? decision_au_dessus : 0);
}

// A proposal's five cells, in a row and in the columns alike: its nature (nature_proposition),
// flags, proposed amount, cap and decided amount. The default is a proposal that is not there
// (a volet beyond the template's, a contract-level proposal not made): 0, no flag, 0, 0 and no
// decision.
struct cellules_proposition {
    std::int64_t nature{0}, drapeaux{0}, propose{0}, plafond{0}, decide{sans_montant};
};

// The cells of a proposal that is there, for a volet's and for a contract-level one; `evalue`
// false for a volet whose term does not cover the exercise. The one derivation of these cells:
// `ligne_de` (from a full result) and `ligne_resultats` (from the conclusion) both use it, so the
// differential test compares the evaluators, not two copies of this.
[[nodiscard]] inline cellules_proposition cellules_de(const proposition& p, bool evalue) {
    return {static_cast<std::int64_t>(p.nature), drapeaux_de(p, evalue), p.montant.valeur, p.plafond.valeur,
            p.decision_finale ? p.decision_finale->valeur : sans_montant};
}

// A proposal read back from its cells, cellules_de's inverse on every field the cells hold
// (the rate and the law's version are not among them: a reader of the columns takes the law
// from the row's date of the rules). The flag `hors_terme` is the volet's, not the proposal's:
// it is read by whoever asks whether the volet was evaluated. A proposal not made has nature 0
// (aucune).
[[nodiscard]] inline proposition proposition_de(const cellules_proposition& x) noexcept {
    proposition p{};
    p.nature = static_cast<nature_proposition>(x.nature);
    p.montant = centimes{x.propose};
    p.plafond = centimes{x.plafond};
    p.plafond_atteint = (x.drapeaux & plafond_atteint) != 0;
    p.illustratif = (x.drapeaux & illustratif) != 0;
    p.depassement = (x.drapeaux & depassement) != 0;
    p.economies_non_renseignees = (x.drapeaux & economies_nr) != 0;
    p.decision_au_dessus = (x.drapeaux & decision_au_dessus) != 0;
    if (x.decide != sans_montant) p.decision_finale = centimes{x.decide};
    return p;
}

// Writes cells into a row's fields (int64) or into row e of the columns, whose nature and flags
// are bytes (nature_proposition is one; the flags above sum to 63).
template <class Octet>
void poser_cellules(const cellules_proposition& x, Octet& nature, Octet& drapeaux, std::int64_t& propose,
                    std::int64_t& plafond, std::int64_t& decide) noexcept {
    nature = static_cast<Octet>(x.nature);
    drapeaux = static_cast<Octet>(x.drapeaux);
    propose = x.propose;
    plafond = x.plafond;
    decide = x.decide;
}

// A full result as the same row. Its amounts of an absent proposal are 0, as the columns'; the
// score is its exact fraction, reduced; a score that overflowed (CAQES-E037) is 0 / 0, the
// establishment's flag saying why.
[[nodiscard]] inline ligne ligne_de(const resultat_evaluation& r) {
    ligne l;
    l.exercice = r.exercice;
    l.annee_contrat = r.annee_contrat;
    l.produits = r.produits_assurance_maladie.valeur;
    l.date_regles = r.regles.date.serie();
    for (std::size_t v = 0; v < 4; ++v) {
        const bool present = v < r.nombre_volets;
        const resultat_volet& rv = r.volets[v];
        const cellules_proposition x =
            present ? cellules_de(rv.principale, rv.couverture.evalue) : cellules_proposition{};
        poser_cellules(x, l.nature[v], l.drapeaux[v], l.propose[v], l.plafond[v], l.decide[v]);
        l.nature_decidee[v] = cellule_nature_decidee(present && rv.principale.decision_finale, rv.nature_decidee);
        if (present && rv.score.defini() && !rv.score.depasse()) {
            const fraction f = rv.score.valeur();
            l.score_num[v] = f.num;
            l.score_den[v] = f.den;
        }
    }
    for (std::size_t k = 0; k < propositions_contrat; ++k) {
        const cellules_proposition x = k < r.nombre_contrat ? cellules_de(r.contrat[k], true) : cellules_proposition{};
        poser_cellules(x, l.contrat_nature[k], l.contrat_drapeaux[k], l.contrat_propose[k], l.contrat_plafond[k],
                       l.contrat_decide[k]);
        l.contrat_nature_decidee[k] =
            k < r.nombre_contrat
                ? cellule_nature_decidee(r.contrat_nature_decidee[k].has_value(), r.contrat_nature_decidee[k])
                : 0;
    }
    l.total_sanctions = r.total_sanctions.valeur;
    l.total_interessements = r.total_interessements.valeur;
    l.total_sanctions_decidees = r.total_sanctions_decidees.valeur;
    l.total_interessements_decides = r.total_interessements_decides.valeur;
    l.drapeaux_etab = (r.plafond_global_atteint ? plafond_global : 0) |
                      (r.regles.a(alerte_evaluation::transition_appliquee) ? transition : 0) |
                      (r.erreur == regle::depassement_capacite ? erreur_totaux : 0) |
                      (r.erreur == regle::depassement_score ? erreur_score : 0);
    return l;
}

// Writes row `e` of the columns from a full result: the sink of an evaluator that produces
// full results (the scalar ones), so that its columns can be compared with another's. The
// score goes in as its reduced fraction, which fits int64 lanes.
inline void ecrire(resultats_colonnes<std::int64_t>& c, std::size_t e, const resultat_evaluation& r) {
    const ligne l = ligne_de(r);
    c.exercice[e] = static_cast<std::int32_t>(l.exercice);
    c.annee_contrat[e] = static_cast<std::int32_t>(l.annee_contrat);
    c.produits[e] = l.produits;
    c.date_regles[e] = static_cast<std::int32_t>(l.date_regles);
    for (std::size_t v = 0; v < volets_max; ++v) {
        poser_cellules(cellules_proposition{l.nature[v], l.drapeaux[v], l.propose[v], l.plafond[v], l.decide[v]},
                       c.nature[v][e], c.drapeaux[v][e], c.propose[v][e], c.plafond[v][e], c.decide[v][e]);
        c.nature_decidee[v][e] = static_cast<std::uint8_t>(l.nature_decidee[v]);
        c.points[v][e] = l.score_num[v];
        c.poids[v][e] = l.score_den[v];
    }
    for (std::size_t k = 0; k < propositions_contrat; ++k) {
        poser_cellules(cellules_proposition{l.contrat_nature[k], l.contrat_drapeaux[k], l.contrat_propose[k],
                                            l.contrat_plafond[k], l.contrat_decide[k]},
                       c.contrat_nature[k][e], c.contrat_drapeaux[k][e], c.contrat_propose[k][e],
                       c.contrat_plafond[k][e], c.contrat_decide[k][e]);
        c.contrat_nature_decidee[k][e] = static_cast<std::uint8_t>(l.contrat_nature_decidee[k]);
    }
    c.total_sanctions[e] = l.total_sanctions;
    c.total_interessements[e] = l.total_interessements;
    c.total_sanctions_decidees[e] = l.total_sanctions_decidees;
    c.total_interessements_decides[e] = l.total_interessements_decides;
    c.drapeaux_etab[e] = static_cast<std::uint8_t>(l.drapeaux_etab);
}

// The first field where two rows differ, "" when they are equal: "<field>[ of volet v |
// of contract proposal k]: <a> where <nom_b> has <b>".
[[nodiscard]] inline std::string difference(const ligne& a, const ligne& b, const std::string& nom_b = "the toolkit") {
    auto champ = [&nom_b](const char* nom, const std::string& ou, std::int64_t x, std::int64_t y) {
        return std::string{nom} + ou + ": " + std::to_string(x) + " where " + nom_b + " has " + std::to_string(y);
    };
    auto volet = [](std::size_t v) { return " of volet " + std::to_string(v); };
    auto contrat = [](std::size_t k) { return " of contract proposal " + std::to_string(k); };
    if (a.exercice != b.exercice) return champ("exercice", "", a.exercice, b.exercice);
    if (a.annee_contrat != b.annee_contrat) return champ("annee_contrat", "", a.annee_contrat, b.annee_contrat);
    if (a.produits != b.produits) return champ("produits", "", a.produits, b.produits);
    if (a.date_regles != b.date_regles) return champ("date_regles", "", a.date_regles, b.date_regles);
    for (std::size_t v = 0; v < 4; ++v) {
        if (a.nature[v] != b.nature[v]) return champ("nature", volet(v), a.nature[v], b.nature[v]);
        if (a.drapeaux[v] != b.drapeaux[v]) return champ("flags", volet(v), a.drapeaux[v], b.drapeaux[v]);
        if (a.propose[v] != b.propose[v]) return champ("proposed amount", volet(v), a.propose[v], b.propose[v]);
        if (a.plafond[v] != b.plafond[v]) return champ("cap", volet(v), a.plafond[v], b.plafond[v]);
        if (a.decide[v] != b.decide[v]) return champ("decided amount", volet(v), a.decide[v], b.decide[v]);
        if (a.nature_decidee[v] != b.nature_decidee[v])
            return champ("decided nature", volet(v), a.nature_decidee[v], b.nature_decidee[v]);
        if (a.score_num[v] != b.score_num[v]) return champ("score numerator", volet(v), a.score_num[v], b.score_num[v]);
        if (a.score_den[v] != b.score_den[v])
            return champ("score denominator", volet(v), a.score_den[v], b.score_den[v]);
    }
    for (std::size_t k = 0; k < propositions_contrat; ++k) {
        if (a.contrat_nature[k] != b.contrat_nature[k])
            return champ("nature", contrat(k), a.contrat_nature[k], b.contrat_nature[k]);
        if (a.contrat_drapeaux[k] != b.contrat_drapeaux[k])
            return champ("flags", contrat(k), a.contrat_drapeaux[k], b.contrat_drapeaux[k]);
        if (a.contrat_propose[k] != b.contrat_propose[k])
            return champ("proposed amount", contrat(k), a.contrat_propose[k], b.contrat_propose[k]);
        if (a.contrat_plafond[k] != b.contrat_plafond[k])
            return champ("cap", contrat(k), a.contrat_plafond[k], b.contrat_plafond[k]);
        if (a.contrat_decide[k] != b.contrat_decide[k])
            return champ("decided amount", contrat(k), a.contrat_decide[k], b.contrat_decide[k]);
        if (a.contrat_nature_decidee[k] != b.contrat_nature_decidee[k])
            return champ("decided nature", contrat(k), a.contrat_nature_decidee[k], b.contrat_nature_decidee[k]);
    }
    if (a.total_sanctions != b.total_sanctions)
        return champ("total_sanctions", "", a.total_sanctions, b.total_sanctions);
    if (a.total_interessements != b.total_interessements)
        return champ("total_interessements", "", a.total_interessements, b.total_interessements);
    if (a.total_sanctions_decidees != b.total_sanctions_decidees)
        return champ("total_sanctions_decidees", "", a.total_sanctions_decidees, b.total_sanctions_decidees);
    if (a.total_interessements_decides != b.total_interessements_decides)
        return champ("total_interessements_decides", "", a.total_interessements_decides,
                     b.total_interessements_decides);
    if (a.drapeaux_etab != b.drapeaux_etab) return champ("establishment flags", "", a.drapeaux_etab, b.drapeaux_etab);
    return {};
}

// The conclusion's sink for one row of int64-lane columns (`sortie_conclusion`,
// proposition.hpp): it writes the row's columns from the conclusion itself, the same values
// `ecrire(c, e, full result)` writes, without a full result. It keeps what the conclusion
// revises after writing it (the volets' proposals, until the overall cap, the terms and the
// decisions have passed; the contract-level ones, which the totals read) and the rules
// applied, and writes them at `fermer()`. Scores go in as their reduced fraction, which fits
// int64 lanes; a score that overflowed (CAQES-E037) or is undefined is 0 / 0.
class ligne_resultats {
  public:
    regles_appliquees regles{};

    ligne_resultats(resultats_colonnes<std::int64_t>& c, std::size_t e) noexcept : c_(&c), e_(e) {}
    // The same sink for row e: a block reuses one sink rather than building (and zeroing) one per
    // row; `ouvrir` resets what a row reads.
    void aller_a(std::size_t e) noexcept { e_ = e; }

    // The bases are not columns: the full result on demand shows them (evaluer_un).
    void ouvrir(regime_id, int exercice, int annee_contrat, centimes produits, std::optional<int>,
                const bases_etablissement&, std::uint8_t nombre_volets) noexcept {
        c_->exercice[e_] = static_cast<std::int32_t>(exercice);
        c_->annee_contrat[e_] = static_cast<std::int32_t>(annee_contrat);
        c_->produits[e_] = produits.valeur;
        n_ = nombre_volets;
        // The first n_ volets' scores are written by noter_volet, defined or not.
        for (std::size_t v = n_; v < volets_max; ++v) {
            c_->points[v][e_] = 0;
            c_->poids[v][e_] = 0;
        }
        // Only the first n_ volets are read (`fermer` writes empty cells past them).
        for (std::size_t v = 0; v < n_; ++v) {
            principales_[v] = proposition{};
            evalue_[v] = couverture_volet{}.evalue;
            natures_decidees_[v] = 0;
        }
        nombre_contrat_ = 0;
        drapeaux_etab_ = 0;
        total_sanctions_ = centimes{0};
        total_interessements_ = centimes{0};
        total_sanctions_decidees_ = centimes{0};
        total_interessements_decides_ = centimes{0};
    }
    // The overall score has no column: the CSV prints the volets'.
    template <class S>
    void noter_score_global(const S&) noexcept {}
    template <class S>
    void noter_volet(std::size_t i, volet_id, const S& s, std::optional<centimes>) noexcept {
        const bool ecrit = s.defini() && !s.depasse();
        const fraction f = ecrit ? s.valeur() : fraction{0, 0};
        c_->points[i][e_] = f.num;
        c_->poids[i][e_] = f.den;
    }
    // An integer score is written as its points and weight: the columns hold the fraction not
    // reduced, which spares the batch a gcd and two divisions per volet and row.
    template <class L>
    void noter_volet(std::size_t i, volet_id, const score_entier<L>& s, std::optional<centimes>) noexcept {
        const bool ecrit = s.defini();
        c_->points[i][e_] = ecrit ? s.points : 0;
        c_->poids[i][e_] = ecrit ? s.poids : 0;
    }
    void noter_erreur_score(std::uint8_t, std::uint32_t) noexcept { drapeaux_etab_ |= erreur_score; }
    [[nodiscard]] proposition& principale(std::size_t i) noexcept { return principales_[i]; }
    // The columns hold a decision's outcome, not its rate or duration (the CSV prints neither).
    void ajouter_contrat(const proposition& p, const decision_volet* decidee) noexcept {
        if (nombre_contrat_ >= contrat_.size()) return;
        contrat_natures_decidees_[nombre_contrat_] = static_cast<std::uint8_t>(
            cellule_nature_decidee(decidee != nullptr, decidee != nullptr ? decidee->nature : std::nullopt));
        contrat_[nombre_contrat_++] = p;
    }
    [[nodiscard]] std::span<const proposition> propositions_du_contrat() const noexcept {
        return {contrat_.data(), nombre_contrat_};
    }
    void noter_plafond_global() noexcept { drapeaux_etab_ |= plafond_global; }
    void noter_couverture(std::size_t i, const couverture_volet& c) noexcept { evalue_[i] = c.evalue; }
    // The number of decisions has no column.
    void noter_decision(std::size_t i, std::optional<issue_legale> n) noexcept {
        natures_decidees_[i] = static_cast<std::uint8_t>(cellule_nature_decidee(true, n));
    }
    void compter_decision() noexcept {}
    void noter_totaux(centimes sanctions, centimes interessements, centimes sanctions_decidees,
                      centimes interessements_decides, bool depassement_total) noexcept {
        total_sanctions_ = sanctions;
        total_interessements_ = interessements;
        total_sanctions_decidees_ = sanctions_decidees;
        total_interessements_decides_ = interessements_decides;
        // One error a row, as the full result (resultat_evaluation::noter_totaux): E037 first.
        if (depassement_total && (drapeaux_etab_ & erreur_score) == 0) drapeaux_etab_ |= erreur_totaux;
    }
    void fermer() noexcept {
        c_->date_regles[e_] = static_cast<std::int32_t>(regles.date.serie());
        if (regles.a(alerte_evaluation::transition_appliquee)) drapeaux_etab_ |= transition;
        for (std::size_t v = 0; v < volets_max; ++v) {
            const cellules_proposition x = v < n_ ? cellules_de(principales_[v], evalue_[v]) : cellules_proposition{};
            poser_cellules(x, c_->nature[v][e_], c_->drapeaux[v][e_], c_->propose[v][e_], c_->plafond[v][e_],
                           c_->decide[v][e_]);
            c_->nature_decidee[v][e_] = v < n_ ? natures_decidees_[v] : std::uint8_t{0};
        }
        for (std::size_t k = 0; k < propositions_contrat; ++k) {
            const cellules_proposition x =
                k < nombre_contrat_ ? cellules_de(contrat_[k], true) : cellules_proposition{};
            poser_cellules(x, c_->contrat_nature[k][e_], c_->contrat_drapeaux[k][e_], c_->contrat_propose[k][e_],
                           c_->contrat_plafond[k][e_], c_->contrat_decide[k][e_]);
            c_->contrat_nature_decidee[k][e_] = k < nombre_contrat_ ? contrat_natures_decidees_[k] : std::uint8_t{0};
        }
        c_->total_sanctions[e_] = total_sanctions_.valeur;
        c_->total_interessements[e_] = total_interessements_.valeur;
        c_->total_sanctions_decidees[e_] = total_sanctions_decidees_.valeur;
        c_->total_interessements_decides[e_] = total_interessements_decides_.valeur;
        c_->drapeaux_etab[e_] = drapeaux_etab_;
    }

  private:
    resultats_colonnes<std::int64_t>* c_;
    std::size_t e_;
    std::array<proposition, volets_max> principales_{};
    std::array<proposition, propositions_contrat> contrat_{};
    std::array<std::uint8_t, propositions_contrat> contrat_natures_decidees_{};
    centimes total_sanctions_{0};
    centimes total_interessements_{0};
    centimes total_sanctions_decidees_{0};
    centimes total_interessements_decides_{0};
    std::size_t nombre_contrat_{0};
    std::size_t n_{0};
    std::array<bool, volets_max> evalue_{};
    std::array<std::uint8_t, volets_max> natures_decidees_{};
    std::uint8_t drapeaux_etab_{0};
};
static_assert(sortie_conclusion<ligne_resultats, score_volet>);

}  // namespace caqes::colonnes
