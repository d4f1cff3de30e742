#pragma once
// Money as an integer number of cents.
#include <compare>
#include <cstdint>

namespace caqes {

// A signed amount in euro cents. Spending is non-negative; savings and differences are
// signed, so the type is signed and the measure kind says which values are admissible.
struct centimes {
    std::int64_t valeur{0};

    friend constexpr auto operator<=>(centimes, centimes) = default;
    friend constexpr centimes operator+(centimes a, centimes b) noexcept { return {a.valeur + b.valeur}; }
    friend constexpr centimes operator-(centimes a, centimes b) noexcept { return {a.valeur - b.valeur}; }
};

[[nodiscard]] constexpr centimes euros(std::int64_t e) noexcept { return {e * 100}; }

}  // namespace caqes
