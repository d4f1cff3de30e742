#pragma once
// The parameters of an evaluation: only what the law leaves open ([U], CAQES.md section 9).
//
// The law's own figures (caps, fixed rates, floors, delays) are not here: they are looked up
// in the law table (droit/loi.hpp) at the date the version policy gives, and cited with the
// version found. A user rate the law bounds is checked against that bound (CAQES-E050), at
// compile time for a `constexpr` set (`parametres_conformes<P>`) and by `validate` otherwise;
// it is never used in place of the law's figure. An open notion with no sourced value
// ("largement superieur", the duration of the L.162-30-4 measures, the successor's penalty
// base) has no default: without it the outcome is not proposed and the output says why
// (CAQES-E051).
#include <caqes/calendrier/date.hpp>
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/detail/enfreinte.hpp>
#include <caqes/droit/loi.hpp>
#include <caqes/droit/regime.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/couverture.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/centimes.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace caqes {

// "score below `seuil` -> sanction of `taux` x base", first matching step wins.
struct palier_sanction {
    fraction seuil{0, 1};
    fraction taux{0, 1};

    friend constexpr bool operator==(const palier_sanction&, const palier_sanction&) noexcept = default;
};

// D.162-16 III 2 (2017): for breaches on health products the ARS "peut" decide a cut of the
// insurance's share of liste en sus products, "dans la limite de 30 %". Whether and at which
// rate is the ARS's choice [U], the same for every establishment of a grid. The share it cuts
// is the establishment's own figure and comes with its report (rapport_annuel::
// part_liste_en_sus), so that a batch cuts each establishment's own share.
struct reduction_liste_en_sus_2017 {
    fraction taux{0, 1};

    friend constexpr bool operator==(const reduction_liste_en_sus_2017&,
                                     const reduction_liste_en_sus_2017&) noexcept = default;
};

struct parametres_2017 {
    // [U] illustrative: the score-to-sanction scale (each rate within D.162-16 III 1's 1 %) and
    // the incentive rule (a share of the savings within its 30 %).
    std::array<palier_sanction, 3> paliers{{{{1, 2}, {1, 100}}, {{3, 4}, {1, 200}}, {}}};
    fraction seuil_interessement{3, 4};
    fraction part_interessement{20, 100};
    std::optional<reduction_liste_en_sus_2017> reduction_liste_en_sus{};
    bool illustratif{true};

    friend constexpr bool operator==(const parametres_2017&, const parametres_2017&) noexcept = default;
};

struct parametres_2022 {
    // [U] illustrative: D.162-16 V formulas.
    centimes enveloppe_regionale{0};          // x the regional score
    fraction part_economies_nationale{1, 2};  // x the savings, revised by the score
    bool revision_par_score{true};
    // L.162-30-4 "selon un bareme etabli au niveau national" [U]: the rates, each within the
    // article's 50 %. A zero rate: the ARS does not fix that measure ("peut").
    fraction taux_abattement{20, 100};
    fraction taux_minoration{20, 100};
    // L.162-30-4: "largement superieur au nombre attendu" [U], no default: the excess over the
    // target, as a share of the target, above which the acts are "largely" above it.
    std::optional<fraction> seuil_largement_superieur{};
    // L.162-30-4: "fixes pour une duree limitee" [U], no default: months from the evaluation.
    std::optional<int> duree_mesures_mois{};
    bool illustratif{true};

    friend constexpr bool operator==(const parametres_2022&, const parametres_2022&) noexcept = default;
};

// How the successor's penalty follows the results: no text read says [U: L.162-23-14 from 2027
// is [S] only, its decree is not in the texts]. Both formulas stay within the 2 % cap.
enum class formule_penalite : std::uint8_t {
    proportionnelle_au_manque,  // taux_penalite x (1 - overall score): illustrative default
    taux_plein_sous_seuil,      // taux_penalite whole when the overall score is under seuil_penalite
};

struct parametres_successeur {
    // [U] illustrative formulas: the allocation's share of the savings; the penalty rate within
    // the 2 % of L.162-23-14 from 2027 [S], applied by `formule`.
    fraction part_economies{1, 2};
    fraction taux_penalite{1, 100};
    formule_penalite formule{formule_penalite::proportionnelle_au_manque};
    fraction seuil_penalite{1, 2};  // for taux_plein_sous_seuil: the score under which it applies
    // The penalty's base is the establishment's own financing, given with its report
    // (rapport_annuel::base_penalite), not a parameter of the grid.
    bool illustratif{true};

    friend constexpr bool operator==(const parametres_successeur&, const parametres_successeur&) noexcept = default;
};

struct parametres_evaluation {
    parametres_2017 p2017{};
    parametres_2022 p2022{};
    parametres_successeur successeur{};
    // Which version of the law governs the evaluation [U] (CAQES.md section 1); the default is
    // the regime of the contract. Every outcome names it, and says when another policy would
    // apply another version.
    version_applicable version{version_applicable::regime_du_contrat};
    // How an exercise a volet's term covers only in part counts [U] (evaluation/couverture.hpp);
    // every outcome names it.
    politique_annee_partielle annee_partielle{politique_annee_partielle::tout_jour_compte};

    friend constexpr bool operator==(const parametres_evaluation&, const parametres_evaluation&) noexcept = default;
};

// The fields of a parameter set that a rule checks, so that the compile-time diagnostic
// (`lieu::parametre<champ, rang>`) and `validate`'s location name the same field.
enum class champ_parametre : std::uint8_t {
    p2017_paliers,                      // CAQES-E034: the list of steps, at the first step out of order
    p2017_paliers_taux,                 // CAQES-E050: a step's rate (D.162-16 III 1: 1 % per volet)
    p2017_part_interessement,           // CAQES-E050: D.162-16 III 1: 30 % of the savings
    p2017_reduction_liste_en_sus_taux,  // CAQES-E050: D.162-16 III 2: 30 %
    p2022_taux_abattement,              // CAQES-E050: L.162-30-4: 50 %
    p2022_taux_minoration,              // CAQES-E050: L.162-30-4: 50 %
    successeur_taux_penalite,           // CAQES-E050: L.162-23-14 from 2027 [S]: 2 %
    // CAQES-E046 only: the fields above are also in its list (a rate is not negative).
    p2017_paliers_seuil,              // a score threshold
    p2017_seuil_interessement,        // a score threshold
    p2022_enveloppe_regionale,        // an amount
    p2022_part_economies_nationale,   // a share
    p2022_seuil_largement_superieur,  // an excess over the target, as a share of it
    successeur_part_economies,        // a share
    successeur_seuil_penalite,        // a score threshold
};

// A field's path in `parametres_evaluation`, with its index when it is in a list.
[[nodiscard]] inline std::string texte(champ_parametre c, int rang) {
    switch (c) {
        case champ_parametre::p2017_paliers:  // at the first step out of order, when one is named
            return rang < 0 ? std::string{"p2017.paliers"} : concat("p2017.paliers[", std::to_string(rang), "]");
        case champ_parametre::p2017_paliers_taux:
            return concat("p2017.paliers[", std::to_string(rang), "].taux");
        case champ_parametre::p2017_part_interessement:
            return "p2017.part_interessement";
        case champ_parametre::p2017_reduction_liste_en_sus_taux:
            return "p2017.reduction_liste_en_sus.taux";
        case champ_parametre::p2022_taux_abattement:
            return "p2022.taux_abattement";
        case champ_parametre::p2022_taux_minoration:
            return "p2022.taux_minoration";
        case champ_parametre::successeur_taux_penalite:
            return "successeur.taux_penalite";
        case champ_parametre::p2017_paliers_seuil:
            return concat("p2017.paliers[", std::to_string(rang), "].seuil");
        case champ_parametre::p2017_seuil_interessement:
            return "p2017.seuil_interessement";
        case champ_parametre::p2022_enveloppe_regionale:
            return "p2022.enveloppe_regionale";
        case champ_parametre::p2022_part_economies_nationale:
            return "p2022.part_economies_nationale";
        case champ_parametre::p2022_seuil_largement_superieur:
            return "p2022.seuil_largement_superieur";
        case champ_parametre::successeur_part_economies:
            return "successeur.part_economies";
        case champ_parametre::successeur_seuil_penalite:
            return "successeur.seuil_penalite";
    }
    return "?";
}

namespace regles {

// Where a parameter rule is first broken: `trouve` false when it holds.
struct ecart_parametre {
    bool trouve{false};
    champ_parametre champ{champ_parametre::p2017_paliers};
    int rang{-1};  // the index in the field's list, -1 for a field that is not in one
};

// CAQES-E034: the first step whose threshold the score is under gives the rate, so the steps
// must go up in threshold and down (or equal) in rate: the lower the achievement, the higher
// the sanction (D.162-16 III 1, LEGIARTI000034459834: the sanction follows the level of
// non-achievement). Out of order, a score of 0.4 would take the 0.5 % step meant for scores
// under 0.75 instead of the 1 % step meant for scores under 0.5. Steps of rate zero are unused.
// Returns the first step that breaks the order.
// (A flag and a copy, not a pointer compared with nullptr: g++ 12 with -fsanitize=null cannot
// evaluate that in the constant expression of parametres_conformes<P>.)
[[nodiscard]] constexpr ecart_parametre premier_palier_desordonne(const parametres_2017& p) noexcept {
    bool premier = true;
    palier_sanction precedent{};
    for (std::size_t i = 0; i < p.paliers.size(); ++i) {
        const palier_sanction& palier = p.paliers[i];
        const bool desordonne =
            !palier.seuil.valide() || !palier.taux.valide() ||
            (palier.taux.positive() && !premier && (palier.seuil <= precedent.seuil || palier.taux > precedent.taux));
        if (desordonne) return {true, champ_parametre::p2017_paliers, static_cast<int>(i)};
        if (!palier.taux.positive()) continue;
        premier = false;
        precedent = palier;
    }
    return {};
}
[[nodiscard]] constexpr bool paliers_ordonnes(const parametres_2017& p) noexcept {
    return !premier_palier_desordonne(p).trouve;
}

// CAQES-E050: one user rate against the strictest value the law gives its cap.
[[nodiscard]] constexpr bool taux_dans_la_loi(fraction taux, constante_legale plafond) noexcept {
    return !(limite_legale(plafond) < taux);
}

// Every user rate the law bounds, with its field and its cap, in the order `validate` reports
// them: the one list behind both times of CAQES-E050.
template <class F>
constexpr void parcourir_taux_bornes(const parametres_evaluation& p, F&& f) {
    for (std::size_t i = 0; i < p.p2017.paliers.size(); ++i) {
        f(champ_parametre::p2017_paliers_taux, static_cast<int>(i), p.p2017.paliers[i].taux,
          constante_legale::plafond_sanction_volet);
    }
    f(champ_parametre::p2017_part_interessement, -1, p.p2017.part_interessement,
      constante_legale::plafond_interessement);
    if (p.p2017.reduction_liste_en_sus) {
        f(champ_parametre::p2017_reduction_liste_en_sus_taux, -1, p.p2017.reduction_liste_en_sus->taux,
          constante_legale::plafond_reduction_liste_en_sus);
    }
    f(champ_parametre::p2022_taux_abattement, -1, p.p2022.taux_abattement, constante_legale::plafond_abattement);
    f(champ_parametre::p2022_taux_minoration, -1, p.p2022.taux_minoration, constante_legale::plafond_minoration);
    f(champ_parametre::successeur_taux_penalite, -1, p.successeur.taux_penalite, constante_legale::plafond_penalite);
}

// CAQES-E050 over a whole parameter set: the first rate past the law.
[[nodiscard]] constexpr ecart_parametre premier_taux_hors_la_loi(const parametres_evaluation& p) noexcept {
    ecart_parametre e{};
    parcourir_taux_bornes(p, [&e](champ_parametre c, int rang, fraction taux, constante_legale plafond) {
        if (!e.trouve && !taux_dans_la_loi(taux, plafond)) e = {true, c, rang};
    });
    return e;
}
[[nodiscard]] constexpr bool parametres_dans_la_loi(const parametres_evaluation& p) noexcept {
    return !premier_taux_hors_la_loi(p).trouve;
}

// CAQES-E046: what a user parameter means bounds it before any law does. A rate or a share is
// a part of a whole and a score threshold is compared with a score, a share of the points: both
// lie in [0, 1]. An amount (a base, an envelope) is not negative, nor is an excess over a target.
// Out of it, a formula turns the parameter into an outcome of the wrong sign or an impossible
// test: a share of the savings of -1/5 proposes a negative incentive, which its cap (an upper
// bound) lets through, while a decided amount of that sign is refused (CAQES-E062).
enum class domaine_parametre : std::uint8_t {
    zero_un,         // a rate, a share or a score threshold: in [0, 1]
    positif_ou_nul,  // an amount in cents or an excess over a target: from 0
};

[[nodiscard]] constexpr bool dans_le_domaine(fraction f, domaine_parametre d) noexcept {
    if (!f.valide() || f < fraction{0, 1}) return false;
    return d == domaine_parametre::positif_ou_nul || f <= fraction{1, 1};
}

// Every user parameter with a domain, with its field, in the order `validate` reports them: the
// one list behind both times of CAQES-E046. An amount travels as a whole fraction of cents.
template <class F>
constexpr void parcourir_domaines(const parametres_evaluation& p, F&& f) {
    constexpr domaine_parametre zero_un = domaine_parametre::zero_un;
    constexpr domaine_parametre positif = domaine_parametre::positif_ou_nul;
    const auto montant = [](centimes c) { return fraction{c.valeur, 1}; };
    for (std::size_t i = 0; i < p.p2017.paliers.size(); ++i) {
        const int rang = static_cast<int>(i);
        f(champ_parametre::p2017_paliers_seuil, rang, p.p2017.paliers[i].seuil, zero_un);
        f(champ_parametre::p2017_paliers_taux, rang, p.p2017.paliers[i].taux, zero_un);
    }
    f(champ_parametre::p2017_seuil_interessement, -1, p.p2017.seuil_interessement, zero_un);
    f(champ_parametre::p2017_part_interessement, -1, p.p2017.part_interessement, zero_un);
    if (p.p2017.reduction_liste_en_sus) {
        f(champ_parametre::p2017_reduction_liste_en_sus_taux, -1, p.p2017.reduction_liste_en_sus->taux, zero_un);
    }
    f(champ_parametre::p2022_enveloppe_regionale, -1, montant(p.p2022.enveloppe_regionale), positif);
    f(champ_parametre::p2022_part_economies_nationale, -1, p.p2022.part_economies_nationale, zero_un);
    f(champ_parametre::p2022_taux_abattement, -1, p.p2022.taux_abattement, zero_un);
    f(champ_parametre::p2022_taux_minoration, -1, p.p2022.taux_minoration, zero_un);
    if (p.p2022.seuil_largement_superieur) {
        f(champ_parametre::p2022_seuil_largement_superieur, -1, *p.p2022.seuil_largement_superieur, positif);
    }
    f(champ_parametre::successeur_part_economies, -1, p.successeur.part_economies, zero_un);
    f(champ_parametre::successeur_taux_penalite, -1, p.successeur.taux_penalite, zero_un);
    f(champ_parametre::successeur_seuil_penalite, -1, p.successeur.seuil_penalite, zero_un);
}

// CAQES-E046 over a whole parameter set: the first parameter outside its domain.
[[nodiscard]] constexpr ecart_parametre premier_parametre_hors_domaine(const parametres_evaluation& p) noexcept {
    ecart_parametre e{};
    parcourir_domaines(p, [&e](champ_parametre c, int rang, fraction v, domaine_parametre d) {
        if (!e.trouve && !dans_le_domaine(v, d)) e = {true, c, rang};
    });
    return e;
}

}  // namespace regles

// Every violation of a parameter set with its field, in the order `validate` reports them:
// CAQES-E034 for steps out of order, one CAQES-E050 per rate past the law, one CAQES-E046 per
// parameter outside its domain. `f(regle, champ_parametre, rang, detail)`: a reader that names
// fields its own way (a grid file's JSON pointer) maps the field, not `validate`'s text.
template <class F>
void parcourir_violations(const parametres_evaluation& p, F&& f) {
    if (const regles::ecart_parametre e = regles::premier_palier_desordonne(p.p2017); e.trouve) {
        f(regle::paliers_desordonnes, e.champ, e.rang,
          std::string{"steps must have increasing thresholds and non-increasing rates"});
    }
    regles::parcourir_taux_bornes(p, [&f](champ_parametre c, int rang, fraction taux, constante_legale plafond) {
        if (regles::taux_dans_la_loi(taux, plafond)) return;
        f(regle::parametre_hors_la_loi, c, rang,
          concat(texte_fraction(taux), " exceeds the legal ", nom(plafond), " of ",
                 texte_fraction(limite_legale(plafond))));
    });
    regles::parcourir_domaines(p, [&f](champ_parametre c, int rang, fraction v, regles::domaine_parametre d) {
        if (regles::dans_le_domaine(v, d)) return;
        f(regle::parametre_hors_domaine, c, rang,
          concat(texte_fraction(v), d == regles::domaine_parametre::zero_un ? " is not in [0, 1]" : " is negative"));
    });
}

// Run-time check of a parameter set: parcourir_violations', located by `texte(champ, rang)`.
[[nodiscard]] inline violations validate(const parametres_evaluation& p) {
    violations out;
    parcourir_violations(p, [&out](regle id, champ_parametre c, int rang, std::string detail) {
        out.push_back({id, texte(c, rang), std::move(detail)});
    });
    return out;
}

// The compile-time checked parameter set:
//     inline constexpr caqes::parametres_evaluation mes_parametres{...};
//     struct parametres_region : caqes::parametres_conformes<mes_parametres> {};
namespace detail {
// The checker's location: the field at fault, or `lieu::aucun` when the rule holds. The gap
// travels as its three scalars: g++ 12 cannot substitute a class-type template argument here.
template <bool Trouve, champ_parametre Champ, int Rang>
using lieu_parametre = std::conditional_t<Trouve, lieu::parametre<Champ, Rang>, lieu::aucun>;
}  // namespace detail

template <const parametres_evaluation& P>
struct parametres_conformes {
    static constexpr const parametres_evaluation& valeur = P;

  private:
    static constexpr regles::ecart_parametre paliers = regles::premier_palier_desordonne(P.p2017);
    static constexpr regles::ecart_parametre taux = regles::premier_taux_hors_la_loi(P);
    static constexpr regles::ecart_parametre domaine = regles::premier_parametre_hors_domaine(P);
    // Each checker is instantiated with the field at fault, which the compiler prints in the
    // first error block: `lieu::parametre<caqes::champ_parametre::p2017_paliers_taux, 0>`.
    static_assert(enfreinte<regle::paliers_desordonnes,
                            detail::lieu_parametre<paliers.trouve, paliers.champ, paliers.rang>>::verifiee);
    static_assert(
        enfreinte<regle::parametre_hors_la_loi, detail::lieu_parametre<taux.trouve, taux.champ, taux.rang>>::verifiee);
    static_assert(enfreinte<regle::parametre_hors_domaine,
                            detail::lieu_parametre<domaine.trouve, domaine.champ, domaine.rang>>::verifiee);

  public:
    static constexpr bool valide = true;  // reached only when every rule above holds
};

}  // namespace caqes
