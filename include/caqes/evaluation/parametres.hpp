#pragma once
// The money parameters of an evaluation, per regime.
//
// Caps marked [C] are the law's and are the defaults; every formula marked [U] in CAQES.md
// (how a score maps to a sanction, the second-generation incentive formulas, the L.162-30-4
// scale, the successor's penalty) is a field with an *illustrative* default, and outputs say
// so (`illustratif`).
#include <caqes/calendrier/date.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/monnaie/centimes.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <array>

namespace caqes {

// "score below `seuil` -> sanction of `taux` x base", first matching step wins.
struct palier_sanction {
    fraction seuil{0, 1};
    fraction taux{0, 1};
};

struct parametres_2017 {
    // D.162-16 III 1 (LEGIARTI000034459834) [C].
    fraction plafond_sanction_volet{1, 100};
    fraction plafond_sanction_global{5, 100};
    fraction plafond_interessement{30, 100};  // of the volet's observed savings
    // D.162-15 (LEGIARTI000034459846) [C]: refusal to sign, and the products alternative.
    fraction sanction_refus{1, 100};
    fraction plafond_minoration_refus{30, 100};
    // [U] illustrative: the score-to-sanction scale and the incentive rule.
    std::array<palier_sanction, 3> paliers{{{{1, 2}, {1, 100}}, {{3, 4}, {1, 200}}, {}}};
    fraction seuil_interessement{3, 4};
    fraction part_interessement{20, 100};  // share of savings granted, within the 30 % cap
    bool illustratif{true};
};

struct parametres_2022 {
    // L.162-30-2 (LEGIARTI000041398036) and D.162-15 (LEGIARTI000044102672) [C].
    fraction sanction_refus{1, 100};
    // L.162-30-4 (LEGIARTI000042685227) [C]: caps of the tariff cut and the liste en sus
    // reduction; L.162-30-3 [C]: the yearly target is at least 70 % of the previous year.
    fraction plafond_abattement{50, 100};
    fraction plafond_minoration{50, 100};
    fraction plancher_cible{70, 100};
    int delai_saisine_annees{2};
    // [U] illustrative: D.162-16 V formulas and the L.162-30-4 scale.
    centimes enveloppe_regionale{0};          // x the regional score
    fraction part_economies_nationale{1, 2};  // x the savings, revised by the score
    bool revision_par_score{true};
    fraction taux_abattement{20, 100};
    fraction taux_minoration{20, 100};
    bool illustratif{true};
};

struct parametres_successeur {
    // L.162-23-14 [C]: allocation from savings; penalty <= 2 % from 2027 [S].
    fraction plafond_penalite{2, 100};
    ymd penalite_depuis{2027, 1, 1};
    // [U] illustrative formulas.
    fraction part_economies{1, 2};
    fraction taux_penalite{1, 100};  // x (1 - score), within the 2 % cap
    bool illustratif{true};
};

struct parametres_evaluation {
    parametres_2017 p2017{};
    parametres_2022 p2022{};
    parametres_successeur successeur{};
};

namespace regles {

// CAQES-E034: the first step whose threshold the score is under gives the rate, so the steps
// must go up in threshold and down (or equal) in rate: the lower the achievement, the higher
// the sanction (D.162-16 III 1, LEGIARTI000034459834: the sanction follows the level of
// non-achievement). Out of order, a score of 0.4 would take the 0.5 % step meant for scores
// under 0.75 instead of the 1 % step meant for scores under 0.5. Steps of rate zero are unused.
[[nodiscard]] constexpr bool paliers_ordonnes(const parametres_2017& p) noexcept {
    const palier_sanction* precedent = nullptr;
    for (const auto& palier : p.paliers) {
        if (!palier.seuil.valide() || !palier.taux.valide()) return false;
        if (!palier.taux.positive()) continue;
        if (precedent != nullptr && (palier.seuil <= precedent->seuil || palier.taux > precedent->taux)) return false;
        precedent = &palier;
    }
    return true;
}

}  // namespace regles

// The rules on parameters, at run time.
[[nodiscard]] inline violations validate(const parametres_evaluation& p) {
    violations out;
    if (!regles::paliers_ordonnes(p.p2017)) {
        out.push_back({regle::paliers_desordonnes, "parametres.p2017.paliers",
                       "steps must have increasing thresholds and non-increasing rates"});
    }
    return out;
}

// The same rules at compile time, for parameters that are constants:
//
//     inline constexpr caqes::parametres_evaluation p{...};
//     static_assert(caqes::parametres_conformes<p>::valide);
template <const parametres_evaluation& P>
struct parametres_conformes {
    static_assert(regles::paliers_ordonnes(P.p2017),
                  "CAQES-E034: sanction steps are not in increasing score order with non-increasing rates (D.162-16 III 1, version of 2017-04-23)");
    static constexpr bool valide = true;
};

}  // namespace caqes
