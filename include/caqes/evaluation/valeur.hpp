#pragma once
// A measured value in a yearly report: a typed quantity, or an explicit state.
//
// CAQES.md section 6: a missing value is either *non concerne* (the indicator does not apply)
// or *non renseigne* (the value was not provided); how each counts is a grid policy
// (evaluation/realisation.hpp), never a silent zero.
#include <caqes/indicateur/indicateur.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/mesure/nature.hpp>

#include <array>
#include <cstdint>
#include <string>

namespace caqes {

enum class etat_valeur : std::uint8_t { renseignee, non_concernee, non_renseignee };

struct valeur_mesure {
    etat_valeur etat{etat_valeur::non_renseignee};
    type_mesure type{type_mesure::nombre};
    fraction v{};

    // Only a typed quantity makes a value: its kind travels with it.
    template <class K>
    [[nodiscard]] static constexpr valeur_mesure de(quantite<K> q) noexcept {
        return {etat_valeur::renseignee, K::id, q.valeur};
    }
    [[nodiscard]] static constexpr valeur_mesure non_concernee() noexcept {
        return {etat_valeur::non_concernee, {}, {}};
    }
    [[nodiscard]] static constexpr valeur_mesure non_renseignee() noexcept {
        return {etat_valeur::non_renseignee, {}, {}};
    }
};

// The values of one indicator, in the order of its `mesures`.
using valeurs_indicateur = std::array<valeur_mesure, mesures_max>;

// "55 %", "non concerne", "non renseigne".
[[nodiscard]] inline std::string texte(const valeur_mesure& x) {
    switch (x.etat) {
        case etat_valeur::non_concernee:
            return "non concerne";
        case etat_valeur::non_renseignee:
            return "non renseigne";
        case etat_valeur::renseignee:
            break;
    }
    return texte(x.type, x.v);
}

}  // namespace caqes
