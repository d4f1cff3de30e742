#pragma once
// What an evaluation produces: proposals and ceilings, each with its article, the cap that
// bound it, and the final decision when one was recorded.
#include <caqes/droit/loi.hpp>
#include <caqes/droit/reference.hpp>
#include <caqes/droit/regime.hpp>
#include <caqes/droit/regle.hpp>
#include <caqes/evaluation/couverture.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/monnaie/montant.hpp>
#include <caqes/volet/volet.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace caqes {

enum class nature_proposition : std::uint8_t {
    aucune,
    sanction_volet,          // D.162-16 III 1 (2017)
    interessement_volet,     // D.162-16 III 1 (2017)
    interessement_regional,  // D.162-16 V 1 (2022)
    interessement_national,  // D.162-16 V 2 (2022)
    abattement,              // L.162-30-4: a rate on future billing of the acts above target
    minoration,              // L.162-30-4 / D.162-16 III 2: a rate on the insurance's share
    dotation,                // L.162-23-14 1
    penalite_financement,    // L.162-23-14 2, from 2027
    sanction_refus,          // L.162-30-2; D.162-15
};

[[nodiscard]] constexpr std::string_view nom(nature_proposition n) noexcept {
    switch (n) {
        case nature_proposition::aucune:
            return "aucune";
        case nature_proposition::sanction_volet:
            return "sanction";
        case nature_proposition::interessement_volet:
            return "interessement";
        case nature_proposition::interessement_regional:
            return "interessement_regional";
        case nature_proposition::interessement_national:
            return "interessement_national";
        case nature_proposition::abattement:
            return "abattement_tarifaire";
        case nature_proposition::minoration:
            return "minoration_liste_en_sus";
        case nature_proposition::dotation:
            return "dotation_complementaire";
        case nature_proposition::penalite_financement:
            return "penalite";
        case nature_proposition::sanction_refus:
            return "sanction_refus";
    }
    return "?";
}

// The outcome of the law a proposal is of, to set it beside the decision recorded.
[[nodiscard]] constexpr std::optional<issue_legale> issue_de(nature_proposition n) noexcept {
    switch (n) {
        case nature_proposition::aucune:
            break;
        case nature_proposition::sanction_volet:
            return issue_legale::sanction_volet;
        case nature_proposition::interessement_volet:
            return issue_legale::interessement_volet;
        case nature_proposition::interessement_regional:
            return issue_legale::interessement_regional;
        case nature_proposition::interessement_national:
            return issue_legale::interessement_national;
        case nature_proposition::abattement:
            return issue_legale::abattement;
        case nature_proposition::minoration:
            return issue_legale::minoration;
        case nature_proposition::dotation:
            return issue_legale::dotation;
        case nature_proposition::penalite_financement:
            return issue_legale::penalite_financement;
        case nature_proposition::sanction_refus:
            return issue_legale::sanction_refus;
    }
    return std::nullopt;
}

struct proposition {
    // Largest members first: the result of an evaluation is written once per establishment.
    centimes montant{0};  // the proposal, after every cap and the rounding policy
    centimes plafond{0};  // the cap it was checked against
    fraction taux{0, 1};  // for rate measures (L.162-30-4, liste en sus): the rate itself
    // The version of the law the amount was computed with, found in the law table at the date
    // of the rules (droit/loi.hpp): a pointer keeps the result small on the hot path;
    // `article()` reads its citation (text, LEGI id, "[from, to)").
    const version_loi* loi{nullptr};
    std::optional<centimes> decision_finale{};  // recorded, never computed
    nature_proposition nature{nature_proposition::aucune};
    bool plafond_atteint{false};            // the cap bound the amount
    bool illustratif{false};                // computed with an [U] formula's illustrative default
    bool depassement{false};                // an amount did not fit in 64-bit cents: not evaluated
    bool economies_non_renseignees{false};  // the incentive needs savings the report left empty
    bool decision_au_dessus{false};         // the decision exceeds the proposal, within the law: flagged

    [[nodiscard]] constexpr bool presente() const noexcept { return nature != nature_proposition::aucune; }
    [[nodiscard]] constexpr const reference_legale& article() const noexcept {
        return loi != nullptr ? loi->reference : sans_article;
    }

  private:
    static constexpr reference_legale sans_article{};
};

// Why the output may lack an outcome, or what it must be read with.
enum class alerte_evaluation : std::uint8_t {
    seuil_largement_absent,   // L.162-30-4 "largement superieur" has no value (CAQES-E051)
    duree_mesures_absente,    // L.162-30-4 "duree limitee" has no value (CAQES-E051)
    cible_sous_plancher,      // L.162-30-3: the target is under the floor (CAQES-E031), no measure
    minoration_liee,          // L.162-30-4 before 2020-12-16: no reduction without a tariff cut
    sans_instance,            // no contract instance: volet terms were not checked (validate(m, c, r, p))
    transition_appliquee,     // the exercise or the evaluation is past the regime's end: the template's
                              // transition policy (CAQES-E006) decided the terms
    minoration_sans_clause,   // L.162-30-4 measures due, but no evaluated volet carries the liste en
                              // sus reduction's clause: no reduction proposed
    date_evaluation_absente,  // L.162-30-4 data given, but no evaluation date to compare with two
                              // years after the referral: no measure can be due
};

inline constexpr std::array<alerte_evaluation, 8> toutes_alertes{
    {alerte_evaluation::seuil_largement_absent, alerte_evaluation::duree_mesures_absente,
     alerte_evaluation::cible_sous_plancher, alerte_evaluation::minoration_liee, alerte_evaluation::sans_instance,
     alerte_evaluation::transition_appliquee, alerte_evaluation::minoration_sans_clause,
     alerte_evaluation::date_evaluation_absente}};

// `regles_appliquees::alertes` holds them in one byte.
static_assert(toutes_alertes.size() <= 8);

[[nodiscard]] constexpr std::string_view nom(alerte_evaluation a) noexcept {
    switch (a) {
        case alerte_evaluation::seuil_largement_absent:
            return "seuil_largement_absent";
        case alerte_evaluation::duree_mesures_absente:
            return "duree_mesures_absente";
        case alerte_evaluation::cible_sous_plancher:
            return "cible_sous_plancher";
        case alerte_evaluation::minoration_liee:
            return "minoration_liee";
        case alerte_evaluation::minoration_sans_clause:
            return "minoration_sans_clause";
        case alerte_evaluation::date_evaluation_absente:
            return "date_evaluation_absente";
        case alerte_evaluation::sans_instance:
            return "sans_instance";
        case alerte_evaluation::transition_appliquee:
            return "transition_appliquee";
    }
    return "";
}

// The template's transition policy (CAQES-E006) as outputs name it.
[[nodiscard]] constexpr std::string_view nom(politique_transition t) noexcept {
    switch (t) {
        case politique_transition::non_choisie:
            return "non_choisie";
        case politique_transition::arret_fin_regime:
            return "arret_fin_regime";
        case politique_transition::maintien_signale:
            return "maintien_signale";
    }
    return "";
}

// Which law the evaluation applied, and what another reading of the law would change.
struct regles_appliquees {
    version_applicable politique{version_applicable::regime_du_contrat};
    ymd date{};             // the day at which every constant was looked up
    ymd date_evaluation{};  // the report's evaluation date
    politique_annee_partielle annee_partielle{politique_annee_partielle::tout_jour_compte};
    politique_transition transition{politique_transition::non_choisie};  // the template's (E006)
    // Bit p (a `version_applicable`): that policy selects another version of an article that
    // governs an outcome this contract's clauses carry.
    std::uint8_t politiques_divergentes{0};
    // Outcomes the contract's clauses carry that no version in force at `date` provides.
    issues_legales refusees{};
    std::uint8_t alertes{0};  // bit a: alert a (toutes_alertes)
    // L.162-30-4 measures: the period they are fixed for (from the evaluation, duree_mesures_mois).
    periode periode_mesures{ymd{}, ymd{}};

    [[nodiscard]] constexpr bool diverge(version_applicable v) const noexcept {
        return (politiques_divergentes & (1U << static_cast<unsigned>(v))) != 0;
    }
    [[nodiscard]] constexpr bool a(alerte_evaluation a_) const noexcept {
        return (alertes & (1U << static_cast<unsigned>(a_))) != 0;
    }
    constexpr void signaler(alerte_evaluation a_) noexcept {
        alertes = static_cast<std::uint8_t>(alertes | (1U << static_cast<unsigned>(a_)));
    }
};

// The establishment's own bases a conclusion opens its output with (rapport_annuel).
struct bases_etablissement {
    std::optional<centimes> part_liste_en_sus{};
    std::optional<centimes> base_penalite{};
};

struct resultat_volet {
    volet_id volet{};
    score_volet score{};
    proposition principale{};  // sanction or incentive: never both for one volet and year
    // Contract time: the volet's term against the exercise; a volet it does not cover proposes
    // nothing (`couverture.evalue` false).
    couverture_volet couverture{};
    std::optional<centimes> economies{};  // the savings used; empty: non renseigne
    // The principal decision recorded for the volet, beside `principale.decision_finale`: its
    // nature (empty: neither sanction nor incentive), when a decision was recorded.
    std::optional<issue_legale> nature_decidee{};
};

struct resultat_evaluation {
    // What the amounts rest on, shown by every output: the regime, the exercise and contract
    // year, the revenue base and the year of the "dernier exercice clos" it comes from.
    regime_id regime{regime_id::caqes_2017};
    int exercice{0};
    int annee_contrat{0};
    centimes produits_assurance_maladie{0};
    std::optional<int> annee_produits{};
    // The establishment's own bases of the 2017 cut and of the successor's penalty
    // (rapport_annuel), shown beside the amounts they give; empty: not given.
    std::optional<centimes> part_liste_en_sus{};
    std::optional<centimes> base_penalite{};
    std::array<resultat_volet, volets_max> volets{};
    std::uint8_t nombre_volets{0};
    // Contract-level outcomes: regional incentive, L.162-30-4 measures, successor penalty.
    std::array<proposition, 3> contrat{};
    // The outcome decided for each contract-level entry (the 2022 regional incentive, the
    // successor's allocation or penalty), when a decision was recorded for it: an entry whose
    // outcome nothing was proposed for has nature `aucune`, and only this says what was decided.
    std::array<std::optional<issue_legale>, 3> contrat_nature_decidee{};
    // A rate measure (the 2017 liste en sus cut, the L.162-30-4 measures) is decided by its rate
    // and its duration (decision_volet): those of the decision recorded for each entry, empty
    // for a decision of an amount or when none was recorded.
    std::array<std::optional<fraction>, 3> contrat_taux_decide{};
    std::array<std::optional<int>, 3> contrat_duree_decidee_mois{};
    std::uint8_t nombre_contrat{0};
    score_volet score_global{};          // over every indicator of the contract (D.162-16 V 2 revises by it)
    bool plafond_global_atteint{false};  // the 5 % overall cap bound the sanctions (2017)
    // Totals of the proposals (what the evaluator computed) ...
    centimes total_sanctions{0};
    centimes total_interessements{0};
    // ... and of the decisions recorded (what the ARS decided), never mixed with them.
    centimes total_sanctions_decidees{0};
    centimes total_interessements_decides{0};
    std::uint8_t nombre_decisions{0};
    // CAQES-E037: a score did not fit exact 64-bit fractions; then nothing is proposed, and
    // `volet_erreur` and `indicateur_erreur` (an id) say where it first happened.
    // CAQES-E040: a total of the proposals does not fit 64-bit cents; the proposals stand, the
    // totals are 0.
    regle erreur{regle::aucune};
    std::uint8_t volet_erreur{0};
    std::uint32_t indicateur_erreur{0};

    [[nodiscard]] constexpr bool ok() const noexcept { return erreur == regle::aucune; }
    regles_appliquees regles{};

    // ---- as the sink of the conclusion (evaluer.hpp, `conclure_pour`; `sortie_conclusion`
    // below): the conclusion writes the full result through these, and reads back only the
    // proposals it revises (the overall cap, the terms, the decisions, the totals) ----

    constexpr void ouvrir(regime_id r, int ex, int annee, centimes produits, std::optional<int> annee_prod,
                          const bases_etablissement& bases, std::uint8_t n) noexcept {
        regime = r;
        exercice = ex;
        annee_contrat = annee;
        produits_assurance_maladie = produits;
        annee_produits = annee_prod;
        part_liste_en_sus = bases.part_liste_en_sus;
        base_penalite = bases.base_penalite;
        nombre_volets = n;
    }
    constexpr void noter_score_global(const score_volet& s) noexcept { score_global = s; }
    constexpr void noter_volet(std::size_t i, volet_id v, const score_volet& s,
                               std::optional<centimes> economies) noexcept {
        volets[i].volet = v;
        volets[i].score = s;
        volets[i].economies = economies;
    }
    // CAQES-E037 at volet `v` (0 for the overall and regional scores), indicator `id`.
    constexpr void noter_erreur_score(std::uint8_t v, std::uint32_t id) noexcept {
        erreur = regle::depassement_score;
        volet_erreur = v;
        indicateur_erreur = id;
    }
    [[nodiscard]] constexpr proposition& principale(std::size_t i) noexcept { return volets[i].principale; }
    // `decidee`: the decision recorded for it, if any (its outcome, rate and duration).
    constexpr void ajouter_contrat(const proposition& p, const decision_volet* decidee) noexcept {
        if (nombre_contrat >= contrat.size()) return;
        contrat_nature_decidee[nombre_contrat] = decidee != nullptr ? decidee->nature : std::nullopt;
        contrat_taux_decide[nombre_contrat] = decidee != nullptr ? decidee->taux : std::nullopt;
        contrat_duree_decidee_mois[nombre_contrat] = decidee != nullptr ? decidee->duree_mois : std::nullopt;
        contrat[nombre_contrat++] = p;
    }
    [[nodiscard]] constexpr std::span<const proposition> propositions_du_contrat() const noexcept {
        return {contrat.data(), nombre_contrat};
    }
    constexpr void noter_plafond_global() noexcept { plafond_global_atteint = true; }
    constexpr void noter_couverture(std::size_t i, const couverture_volet& c) noexcept { volets[i].couverture = c; }
    constexpr void noter_decision(std::size_t i, std::optional<issue_legale> n) noexcept {
        volets[i].nature_decidee = n;
    }
    constexpr void compter_decision() noexcept { ++nombre_decisions; }
    // The four totals; `depassement`: one did not fit (CAQES-E040), all are 0.
    constexpr void noter_totaux(centimes sanctions, centimes interessements, centimes sanctions_decidees,
                                centimes interessements_decides, bool depassement) noexcept {
        total_sanctions = sanctions;
        total_interessements = interessements;
        total_sanctions_decidees = sanctions_decidees;
        total_interessements_decides = interessements_decides;
        // A result holds one error: a CAQES-E037 already there stays (its totals, 0, say nothing
        // of the decisions' then).
        if (depassement && erreur == regle::aucune) erreur = regle::depassement_capacite;
    }
    constexpr void fermer() noexcept {}
};

// What the conclusion writes to: a full result (above) or a row of result columns
// (evaluation/colonnes/resultats.hpp). `S` is the scores' representation. The proposals of
// the volets live in the sink (`principale(i)`): the overall cap, the terms and the decisions
// revise them in place, in that order, as the law's rounding asks; the contract-level ones
// are final when added. `regles` is the rules applied, which the conclusion fills with the
// context's and signals on; `fermer()` ends the establishment's row.
template <class O, class S>
concept sortie_conclusion = requires(O& o, const S& s, std::size_t i, const proposition& pr, const couverture_volet& c,
                                     std::optional<issue_legale> n, std::optional<centimes> e, centimes m) {
    o.ouvrir(regime_id{}, 0, 0, m, std::optional<int>{}, bases_etablissement{}, std::uint8_t{0});
    o.noter_score_global(s);
    o.noter_volet(i, volet_id{}, s, e);
    o.noter_erreur_score(std::uint8_t{0}, std::uint32_t{0});
    { o.principale(i) } -> std::same_as<proposition&>;
    o.ajouter_contrat(pr, static_cast<const decision_volet*>(nullptr));
    { o.propositions_du_contrat() } -> std::convertible_to<std::span<const proposition>>;
    o.noter_plafond_global();
    o.noter_couverture(i, c);
    o.noter_decision(i, n);
    o.compter_decision();
    o.noter_totaux(m, m, m, m, false);
    o.fermer();
    { (o.regles) } -> std::same_as<regles_appliquees&>;
};
static_assert(sortie_conclusion<resultat_evaluation, score_volet>);

}  // namespace caqes
