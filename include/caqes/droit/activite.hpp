#pragma once
// Activities of L.162-22 (1 to 4) as a set, and the legal categories (a to e).
//
// An establishment exercises *a set* of activities, not one category (CAQES.md section 4),
// so activities are a bit set. HAD and dialysis are financed within the MCO arm in general,
// but that classification is [U]: it is left to whoever builds the set, not hard-coded.
// Source: CSS L.162-22, LEGIARTI000048702956, in force from 2024-01-01.
#include <cstdint>

namespace caqes {

struct activites {
    std::uint8_t bits{0};

    [[nodiscard]] constexpr bool vide() const noexcept { return bits == 0; }
    [[nodiscard]] constexpr bool contient(activites a) const noexcept { return (bits & a.bits) == a.bits; }
    [[nodiscard]] constexpr bool rencontre(activites a) const noexcept { return (bits & a.bits) != 0; }
    friend constexpr activites operator|(activites a, activites b) noexcept {
        return {static_cast<std::uint8_t>(a.bits | b.bits)};
    }
    friend constexpr activites operator&(activites a, activites b) noexcept {
        return {static_cast<std::uint8_t>(a.bits & b.bits)};
    }
    friend constexpr bool operator==(activites, activites) = default;
};

// L.162-22 1: medecine, chirurgie, gynecologie-obstetrique et odontologie.
inline constexpr activites activite_mco{1U << 0U};
// L.162-22 2: psychiatrie.
inline constexpr activites activite_psychiatrie{1U << 1U};
// L.162-22 3: soins de longue duree (USLD).
inline constexpr activites activite_usld{1U << 2U};
// L.162-22 4: soins medicaux et de readaptation (SMR, formerly SSR).
inline constexpr activites activite_smr{1U << 3U};

inline constexpr activites toutes_activites = activite_mco | activite_psychiatrie | activite_usld | activite_smr;

// L.162-22 a to e.
enum class categorie_juridique : std::uint8_t {
    public_,                  // a) etablissements publics de sante
    prive_non_lucratif_spsh,  // b) prives a but non lucratif admis au service public hospitalier au 22 juillet 2009
    prive_non_lucratif_dg,    // c) prives a but non lucratif ayant opte pour la dotation globale
    prive_cpom,               // d) autres prives ayant conclu un CPOM avec l'ARS
    prive_autre,              // e) autres prives
};

}  // namespace caqes
