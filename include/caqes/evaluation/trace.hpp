#pragma once
// The trace: why each figure is what it is.
//
// The evaluator is a template on its trace sink. `sans_trace` has no state and empty inline
// members, so an evaluation without a trace compiles to the same code as one that never heard
// of tracing. `trace` records one line per indicator; the outcomes explain themselves through
// `proposition` (article, cap, bound, proposal or final decision).
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/indicateur/indicateur.hpp>

#include <cstdint>
#include <vector>

namespace caqes {

struct ligne_trace {
    std::uint8_t volet{0};
    const indicateur* ind{nullptr};  // points into the template's grid
    valeur_mesure valeur{};          // the value that decided (the target's measure, else the referentiel's first)
    // Every measure's value, at its position in `ind->mesures`: a referentiel ("depense < X ou
    // evolution <= Y") is decided by measures other than `valeur`, and a reader of the trace sees
    // each of them.
    valeurs_indicateur valeurs{};
    resultat_indicateur resultat{};
    fraction realisation{0, 1};  // realisation(resultat.s, policy): the achievement, in [0, 1]
    fraction points{0, 1};       // weight x achievement, when it counts
};

struct sans_trace {
    static constexpr bool actif = false;
    constexpr void indicateur_evalue(std::uint8_t, const indicateur&, const plan_indicateur&, const valeurs_indicateur&,
                                     const resultat_indicateur&, const politique_grille&) const noexcept {}
};

struct trace {
    static constexpr bool actif = true;
    std::vector<ligne_trace> lignes;

    // The achievement and the points are the score's (gain_de); an overflow of the points fails
    // the evaluation (E037), so the trace's value then does not matter.
    // The value shown first is the one that decided (valeur_decisive, from the indicator's plan).
    void indicateur_evalue(std::uint8_t volet, const indicateur& ind, const plan_indicateur& plan,
                           const valeurs_indicateur& valeurs, const resultat_indicateur& r,
                           const politique_grille& pol) {
        lignes.push_back({volet, &ind, valeur_decisive(plan, valeurs), valeurs, r, realisation(r.s, pol),
                          gain_de(r.s, ind.poids, pol).points});
    }
};

}  // namespace caqes
