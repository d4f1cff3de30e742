#pragma once
// The yearly report (rapport d'autoevaluation): one establishment, one exercise year, one
// contract template (D.162-16 II, both versions: a yearly evaluation on the data available).
#include <caqes/calendrier/date.hpp>
#include <caqes/droit/activite.hpp>
#include <caqes/droit/loi.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/monnaie/centimes.hpp>
#include <caqes/monnaie/fraction.hpp>
#include <caqes/volet/volet.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace caqes {

// At most four volets per contract: the first generation has four, the second three.
inline constexpr std::size_t volets_max = 4;

// The L.162-30-4 part of the second-generation pertinence volet.
struct donnees_l162_30_4 {
    ymd saisine{};                           // referral by the ARS (L.162-30-3 al. 3)
    std::int64_t actes_realises{0};          // acts of the exercise year
    std::int64_t actes_cible{0};             // yearly target of the volet
    std::int64_t actes_annee_precedente{0};  // for the 70 % floor of L.162-30-3
    centimes tarif_national_moyen{0};        // rate base of the tariff cut, per act
    centimes part_liste_en_sus{0};           // rate base of the liste en sus reduction
};

// One reported value, named by its measure's code. A report names what it reports: values are
// matched to the grid by code once, at validation, so that swapping two indicators of one kind
// cannot go unseen (evaluation/validation.hpp).
struct saisie_mesure {
    std::string_view mesure;
    valeur_mesure valeur{};
};

// The values of one indicator, named by its code. A measure left out is *non renseigne*.
struct saisie_indicateur {
    std::string_view indicateur;
    std::array<saisie_mesure, mesures_max> mesures{};
};

// An amount for one volet of the contract (its savings), named by the volet.
struct montant_volet {
    volet_id volet{volet_id::volet_socle};
    centimes montant{0};
};

// A decision the ARS notified for one volet (D.162-16 III and IV; L.162-30-4), recorded beside
// the proposals and never computed. Its nature is one of the outcomes the law provides
// (`issue_legale`), or none: the ARS "peut" sanction and may decide not to. An outcome the law
// sets as a rate (the L.162-30-4 tariff cut and reduction, the 2017 liste en sus cut) carries
// its rate and duration; the amount is then the user's estimate. `validate` checks it against
// the law the evaluation applies (its version policy's date of the rules, CAQES-E060 to E062).
struct decision_volet {
    volet_id volet{volet_id::volet_socle};
    std::optional<issue_legale> nature{};  // empty: the ARS decided neither sanction nor incentive
    centimes montant{0};
    std::optional<fraction> taux{};
    std::optional<int> duree_mois{};
    // Notification day, checked to be a day (CAQES-E001). The decision is checked under the law
    // the evaluation applies (the version policy's date of the rules), whatever this day.
    ymd date{};
};

// Whether a decision is of the volet's principal outcome (one per volet and year: sanction,
// incentive, or none), as opposed to a rate measure beside it, or to one of the successor
// scheme's two outcomes (L.162-23-14: the allocation and the penalty, each its own, which the
// scheme may propose in one year and the ARS may both decide; each at most once, CAQES-E036).
[[nodiscard]] constexpr bool decision_principale(std::optional<issue_legale> n) noexcept {
    return !n || *n == issue_legale::sanction_volet || *n == issue_legale::interessement_volet ||
           *n == issue_legale::interessement_national;
}

// The report as an establishment hands it in. Nothing here is evaluated: `validate` checks it
// against its template and returns a `rapport_valide`, the only thing the evaluators accept.
// The spans are read during `validate` only; the validated report owns copies.
struct rapport_annuel {
    int exercice{0};  // the evaluated calendar year
    // 1 for the exercise of the contract's start. Validated against a contract instance it must
    // be the year the instance's start gives (CAQES-E063); without an instance it is shown only.
    int annee_contrat{1};
    ymd date_evaluation{};  // when the ARS evaluates (the two years of L.162-30-4 run to it)
    // The activities the establishment exercises (L.162-22 1 to 4): an indicator that applies to
    // none of them is *non concerne* for it, whatever the report says (CAQES-E035). No default:
    // an empty set is rejected (CAQES-E024).
    activites activites_etablissement{};
    // Produits recus des regimes obligatoires d'assurance maladie of the last closed financial
    // year: the base of every cap (D.162-16 III 1; L.162-30-2). Which year is "last closed" at
    // the decision date is the user's input, and so is the year it names, shown beside it.
    centimes produits_assurance_maladie{0};
    std::optional<int> annee_produits{};  // the "dernier exercice clos" the base comes from
    std::span<const saisie_indicateur> valeurs{};
    // Savings observed per volet (economies constatees), signed. A volet left out is *non
    // renseigne*, not zero: its incentive is not computed and the result says why.
    std::span<const montant_volet> economies{};
    // Final decisions notified by the ARS, recorded beside the proposals (D.162-16 IV: the ARS
    // "peut" sanction, and may decide not to); several per volet where the law allows it.
    std::span<const decision_volet> decisions{};
    std::optional<donnees_l162_30_4> l162_30_4{};
    // Two bases of the establishment's own, each read only by the outcome it measures; empty: not
    // given, which validation refuses wherever that outcome may be proposed (CAQES-E066). They
    // are the report's, not the grid's parameters, so that a batch measures each establishment
    // on its own figures.
    // - D.162-16 III 2 (2017): the insurance's share of its liste en sus products, which the
    //   cut for breaches on health products reduces (an estimate: future reimbursements).
    std::optional<centimes> part_liste_en_sus{};
    // - L.162-23-14 (from 2027) [S]: the financing its penalty is a share of ("financement"
    //   as quoted, not sourced further [U]).
    std::optional<centimes> base_penalite{};
};

}  // namespace caqes
