#pragma once
// IWYU pragma: private, include "caqes/evaluation/rapport_valide.hpp"
// Internal: the machinery of validation and evaluation; include a public header instead.
// An indicator resolved for evaluation: measure codes replaced by indices.
//
// Conditions and targets name their measure by code, which is right for people and files but
// too slow to look up once per value. A plan resolves the codes once per grid (at compile
// time for a constexpr grid, once per load otherwise), so evaluating an establishment does
// no string comparison at all.
#include <caqes/evaluation/valeur.hpp>
#include <caqes/indicateur/indicateur.hpp>

#include <array>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace caqes {

inline constexpr std::int8_t mesure_absente = -1;

struct plan_indicateur {
    std::int8_t cible{mesure_absente};
    std::array<std::array<std::int8_t, conditions_max>, conjonctions_max> conditions{};
};

// Two codes are the same characters. A reader names each value by the template's own code
// (csv_rapports.hpp, json/valeurs.hpp), so at run time most comparisons end at the pointers;
// `memcmp` was 5 % of reading a file, the reader's comparisons and the validation's together.
// A code is a few bytes, compared here in a loop: a call to `memcmp` costs more than they do.
[[nodiscard]] constexpr bool meme_code(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    // At compile time, two literals' addresses cannot be compared.
    if (!std::is_constant_evaluated() && a.data() == b.data()) return true;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i]) return false;
    }
    return true;
}

[[nodiscard]] constexpr std::int8_t indice_mesure(const indicateur& i, std::string_view code) noexcept {
    for (std::size_t k = 0; k < mesures_max; ++k) {
        if (!i.mesures[k].vide() && meme_code(i.mesures[k].code, code)) return static_cast<std::int8_t>(k);
    }
    return mesure_absente;
}

// Resolves an indicator that satisfies CAQES-E015 (every code names one of its measures).
[[nodiscard]] constexpr plan_indicateur planifier(const indicateur& i) noexcept {
    plan_indicateur p{};
    if (i.objectif.presente()) p.cible = indice_mesure(i, i.objectif.mesure);
    for (std::size_t k = 0; k < i.ref.taille; ++k) {
        for (std::size_t j = 0; j < i.ref.termes[k].taille; ++j) {
            p.conditions[k][j] = indice_mesure(i, i.ref.termes[k].termes[j].mesure);
        }
    }
    return p;
}

// The value a trace shows for an indicator: its target's measure, or else its referentiel's
// first measure.
[[nodiscard]] constexpr const valeur_mesure& valeur_decisive(const plan_indicateur& plan,
                                                             const valeurs_indicateur& v) noexcept {
    const std::int8_t i = plan.cible != mesure_absente ? plan.cible : plan.conditions[0][0];
    return v[static_cast<std::size_t>(i < 0 ? 0 : i)];
}

}  // namespace caqes
