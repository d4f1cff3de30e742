#pragma once
// Money as an integer number of cents.
#include <compare>
#include <cstdint>
#include <stdexcept>

namespace caqes {

// A signed amount in euro cents. Spending is non-negative; savings and differences are
// signed, so the type is signed and the measure kind says which values are admissible.
//
// It has no `+` or `-`: a plain 64-bit sum wraps (or is undefined) where the exact one does not
// fit, and every sum of money is checked. Sums go through `additionner` or `total_centimes`
// (montant.hpp), which report an overflow instead of wrapping.
struct centimes {
    std::int64_t valeur{0};

    // Written out rather than defaulted: clang 14's defaulted <=> compares with a literal 0
    // and trips -Wzero-as-null-pointer-constant in a consumer's build.
    friend constexpr std::strong_ordering operator<=>(centimes a, centimes b) noexcept { return a.valeur <=> b.valeur; }
    friend constexpr bool operator==(centimes, centimes) noexcept = default;
};

// `e` euros in cents, checked: an amount whose cents do not fit 64 bits throws
// std::out_of_range, which in a constant expression (a grid's thresholds) fails the build.
[[nodiscard]] constexpr centimes euros(std::int64_t e) {
    std::int64_t c = 0;
    if (__builtin_mul_overflow(e, std::int64_t{100}, &c))
        throw std::out_of_range("caqes::euros: the amount in cents does not fit 64 bits");
    return {c};
}

}  // namespace caqes
