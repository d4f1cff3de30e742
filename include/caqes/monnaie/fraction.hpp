#pragma once
// Exact rational numbers for rates, caps and thresholds.
//
// 1 %, 2.2 %, 30 % and 50 % are fractions, never doubles: a notified amount must not pass
// through binary floating point (CAQES.md section 8). Numerator and denominator are 64-bit;
// products and comparisons go through 128-bit intermediates so that an 80 M EUR base times a
// fine-grained rate cannot overflow silently.
#include <compare>
#include <cstdint>
#include <numeric>

namespace caqes {

__extension__ using int128 = __int128;  // __extension__: a GNU type, accepted by g++ and clang
__extension__ using uint128 = unsigned __int128;

struct fraction {
    std::int64_t num{0};
    std::int64_t den{1};  // always > 0 once normalised

    [[nodiscard]] constexpr fraction normalisee() const noexcept {
        if (den == 0) return {num, 0};  // kept as is; `valide()` reports it
        const std::int64_t g = std::gcd(num, den);
        const std::int64_t s = den < 0 ? -1 : 1;
        return {s * num / g, s * den / g};
    }
    [[nodiscard]] constexpr bool valide() const noexcept { return den != 0; }
    [[nodiscard]] constexpr bool positive() const noexcept { return valide() && (num > 0) == (den > 0) && num != 0; }
    [[nodiscard]] constexpr bool negative() const noexcept { return valide() && num != 0 && (num > 0) != (den > 0); }

    // Exact comparison by cross-multiplication in 128 bits. No gcd: only the denominators'
    // signs matter (a/b < c/d  <=>  a*d < c*b when b*d > 0), and this sits on the hot path of
    // every threshold comparison.
    friend constexpr std::strong_ordering operator<=>(fraction a, fraction b) noexcept {
        const int128 l = int128{a.num} * b.den;
        const int128 r = int128{b.num} * a.den;
        return (a.den < 0) != (b.den < 0) ? r <=> l : l <=> r;
    }
    // std::is_eq, not `== 0`: comparing an ordering with a literal 0 trips
    // -Wzero-as-null-pointer-constant in a consumer's build.
    friend constexpr bool operator==(fraction a, fraction b) noexcept { return std::is_eq(a <=> b); }
};

[[nodiscard]] constexpr fraction entier(std::int64_t n) noexcept { return {n, 1}; }

// "2,2 %" is pourcentage(22, 10): 22 / (10 * 100).
[[nodiscard]] constexpr fraction pourcentage(std::int64_t num, std::int64_t den = 1) noexcept {
    return fraction{num, den * 100}.normalisee();
}

}  // namespace caqes
