#pragma once
// The outcomes a yearly evaluation or a refusal can lead to, as a set.
#include <cstdint>
#include <string_view>

namespace caqes {

struct issues {
    std::uint8_t bits{0};

    [[nodiscard]] constexpr bool vide() const noexcept { return bits == 0; }
    [[nodiscard]] constexpr bool contient(issues i) const noexcept { return (bits & i.bits) == i.bits; }
    friend constexpr issues operator|(issues a, issues b) noexcept {
        return {static_cast<std::uint8_t>(a.bits | b.bits)};
    }
    friend constexpr bool operator==(issues, issues) = default;
};

// D.162-16 III 1 (2017): sanction financiere, capped per volet and overall.
inline constexpr issues sanction{1U << 0U};
// D.162-16 III 1 (2017), D.162-16 V (2022): interessement.
inline constexpr issues interessement{1U << 1U};
// L.162-30-4: abattement forfaitaire au tarif national (a rate, <= 50 %).
inline constexpr issues abattement_tarifaire{1U << 2U};
// D.162-16 III 2 (2017, <= 30 %), L.162-30-4 (<= 50 %): minoration of the liste en sus share.
inline constexpr issues minoration_liste_en_sus{1U << 3U};
// L.162-23-14 1: dotation complementaire computed from the savings.
inline constexpr issues dotation_complementaire{1U << 4U};
// L.162-23-14 2: penalty of at most 2 % of the funding, from 2027 [S].
inline constexpr issues penalite{1U << 5U};

}  // namespace caqes
