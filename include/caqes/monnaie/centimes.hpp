#pragma once
// Money as an integer number of cents.
#include <compare>
#include <cstdint>

namespace caqes {

// A signed amount in euro cents. Spending is non-negative; savings and differences are
// signed, so the type is signed and the measure kind says which values are admissible.
//
// `+` and `-` are the plain 64-bit operations, for amounts the caller has bounded (capped
// proposals); sums of amounts read from input go through `additionner` or `total_centimes`
// (montant.hpp), which report an overflow instead of wrapping.
struct centimes {
    std::int64_t valeur{0};

    // Written out rather than defaulted: clang 14's defaulted <=> compares with a literal 0
    // and trips -Wzero-as-null-pointer-constant in a consumer's build.
    friend constexpr std::strong_ordering operator<=>(centimes a, centimes b) noexcept { return a.valeur <=> b.valeur; }
    friend constexpr bool operator==(centimes, centimes) noexcept = default;
    friend constexpr centimes operator+(centimes a, centimes b) noexcept { return {a.valeur + b.valeur}; }
    friend constexpr centimes operator-(centimes a, centimes b) noexcept { return {a.valeur - b.valeur}; }
};

[[nodiscard]] constexpr centimes euros(std::int64_t e) noexcept { return {e * 100}; }

}  // namespace caqes
