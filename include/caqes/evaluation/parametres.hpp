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
#include <caqes/droit/loi.hpp>
#include <caqes/droit/regime.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/couverture.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/centimes.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <array>
#include <optional>
#include <string>

namespace caqes {

// "score below `seuil` -> sanction of `taux` x base", first matching step wins.
struct palier_sanction {
    fraction seuil{0, 1};
    fraction taux{0, 1};
};

// D.162-16 III 2 (2017): for breaches on health products the ARS "peut" decide a cut of the
// insurance's share of liste en sus products, "dans la limite de 30 %". Whether and at which
// rate is the ARS's choice [U]; the share is the base the user supplies (future
// reimbursements), so the amount shown is an estimate.
struct reduction_liste_en_sus_2017 {
    fraction taux{0, 1};
    centimes part_liste_en_sus{0};
};

struct parametres_2017 {
    // [U] illustrative: the score-to-sanction scale (each rate within D.162-16 III 1's 1 %) and
    // the incentive rule (a share of the savings within its 30 %).
    std::array<palier_sanction, 3> paliers{{{{1, 2}, {1, 100}}, {{3, 4}, {1, 200}}, {}}};
    fraction seuil_interessement{3, 4};
    fraction part_interessement{20, 100};
    std::optional<reduction_liste_en_sus_2017> reduction_liste_en_sus{};
    bool illustratif{true};
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
    // The penalty's base [U], no default: "financement" as quoted [S], not sourced further.
    std::optional<centimes> base_penalite{};
    bool illustratif{true};
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
};

namespace regles {

// CAQES-E028 for a threshold on a score: a score is a share of the points, in [0, 1].
[[nodiscard]] constexpr bool seuil_de_score(fraction f) noexcept {
    return f.valide() && fraction{0, 1} <= f && f <= fraction{1, 1};
}

// CAQES-E034: the first step whose threshold the score is under gives the rate, so the steps
// must go up in threshold and down (or equal) in rate: the lower the achievement, the higher
// the sanction (D.162-16 III 1, LEGIARTI000034459834: the sanction follows the level of
// non-achievement). Out of order, a score of 0.4 would take the 0.5 % step meant for scores
// under 0.75 instead of the 1 % step meant for scores under 0.5. Steps of rate zero are unused.
// (A flag and a copy, not a pointer compared with nullptr: g++ 12 with -fsanitize=null cannot
// evaluate that in the constant expression of parametres_conformes<P>.)
[[nodiscard]] constexpr bool paliers_ordonnes(const parametres_2017& p) noexcept {
    bool premier = true;
    palier_sanction precedent{};
    for (const auto& palier : p.paliers) {
        if (!palier.seuil.valide() || !palier.taux.valide()) return false;
        if (!palier.taux.positive()) continue;
        if (!premier && (palier.seuil <= precedent.seuil || palier.taux > precedent.taux)) return false;
        premier = false;
        precedent = palier;
    }
    return true;
}

// CAQES-E050: one user rate against the strictest value the law gives its cap.
[[nodiscard]] constexpr bool taux_dans_la_loi(fraction taux, constante_legale plafond) noexcept {
    return !(limite_legale(plafond) < taux);
}

// CAQES-E050 over a whole parameter set.
[[nodiscard]] constexpr bool parametres_dans_la_loi(const parametres_evaluation& p) noexcept {
    bool ok = true;
    for (const auto& palier : p.p2017.paliers)
        ok = ok && taux_dans_la_loi(palier.taux, constante_legale::plafond_sanction_volet);
    ok = ok && taux_dans_la_loi(p.p2017.part_interessement, constante_legale::plafond_interessement);
    if (p.p2017.reduction_liste_en_sus) {
        ok = ok &&
             taux_dans_la_loi(p.p2017.reduction_liste_en_sus->taux, constante_legale::plafond_reduction_liste_en_sus);
    }
    ok = ok && taux_dans_la_loi(p.p2022.taux_abattement, constante_legale::plafond_abattement);
    ok = ok && taux_dans_la_loi(p.p2022.taux_minoration, constante_legale::plafond_minoration);
    ok = ok && taux_dans_la_loi(p.successeur.taux_penalite, constante_legale::plafond_penalite);
    return ok;
}

}  // namespace regles

namespace detail {

inline void verifier_taux(violations& out, std::string_view lieu, fraction taux, constante_legale plafond) {
    if (regles::taux_dans_la_loi(taux, plafond)) return;
    out.push_back({regle::parametre_hors_la_loi, std::string{lieu},
                   concat(texte_fraction(taux), " exceeds the legal ", nom(plafond), " of ",
                          texte_fraction(limite_legale(plafond)))});
}

}  // namespace detail

// Run-time check of a parameter set: CAQES-E034 for steps out of order, and one CAQES-E050
// violation per rate past the law.
[[nodiscard]] inline violations validate(const parametres_evaluation& p) {
    violations out;
    if (!regles::paliers_ordonnes(p.p2017)) {
        out.push_back({regle::paliers_desordonnes, "p2017.paliers",
                       "steps must have increasing thresholds and non-increasing rates"});
    }
    for (std::size_t i = 0; i < p.p2017.paliers.size(); ++i) {
        detail::verifier_taux(out, concat("p2017.paliers[", std::to_string(i), "].taux"), p.p2017.paliers[i].taux,
                              constante_legale::plafond_sanction_volet);
    }
    detail::verifier_taux(out, "p2017.part_interessement", p.p2017.part_interessement,
                          constante_legale::plafond_interessement);
    if (p.p2017.reduction_liste_en_sus) {
        detail::verifier_taux(out, "p2017.reduction_liste_en_sus.taux", p.p2017.reduction_liste_en_sus->taux,
                              constante_legale::plafond_reduction_liste_en_sus);
    }
    detail::verifier_taux(out, "p2022.taux_abattement", p.p2022.taux_abattement, constante_legale::plafond_abattement);
    detail::verifier_taux(out, "p2022.taux_minoration", p.p2022.taux_minoration, constante_legale::plafond_minoration);
    detail::verifier_taux(out, "successeur.taux_penalite", p.successeur.taux_penalite,
                          constante_legale::plafond_penalite);
    // CAQES-E028: a score threshold is a share of the points, in [0, 1].
    if (!regles::seuil_de_score(p.successeur.seuil_penalite)) {
        out.push_back({regle::valeur_hors_domaine, "successeur.seuil_penalite",
                       concat(texte_fraction(p.successeur.seuil_penalite), " is not a score in [0, 1]")});
    }
    return out;
}

// The compile-time checked parameter set:
//     inline constexpr caqes::parametres_evaluation mes_parametres{...};
//     struct parametres_region : caqes::parametres_conformes<mes_parametres> {};
template <const parametres_evaluation& P>
struct parametres_conformes {
    static constexpr const parametres_evaluation& valeur = P;

    static_assert(regles::paliers_ordonnes(P.p2017),
                  "CAQES-E034: sanction steps are not in increasing score order with non-increasing rates "
                  "(D.162-16 III 1 (LEGIARTI000034459834): the sanction follows the level of non-achievement); "
                  "see docs/diagnostics.md#caqes-e034");

    static_assert(regles::parametres_dans_la_loi(P),
                  "CAQES-E050: a user rate exceeds the legal limit of the article that bounds it (D.162-16 III "
                  "1 and 2 (LEGIARTI000034459834): 1 % per volet, 30 % of savings, 30 % liste en sus; "
                  "L.162-30-4 (LEGIARTI000041398020, LEGIARTI000042685227, LEGIARTI000048702783): 50 %; "
                  "L.162-23-14 from 2027 [S]: 2 %); see docs/diagnostics.md#caqes-e050");
    static constexpr bool valide = true;  // reached only when every rule above holds
};

}  // namespace caqes
