#pragma once
// Exact rational numbers for rates, caps and thresholds.
//
// 1 %, 2.2 %, 30 % and 50 % are fractions, never doubles: a notified amount must not pass
// through binary floating point (CAQES.md section 8). Numerator and denominator are 64-bit;
// products and comparisons go through 128-bit intermediates so that an 80 M EUR base times a
// fine-grained rate cannot overflow silently.
#include <compare>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>

namespace caqes {

__extension__ using int128 = __int128;  // __extension__: a GNU type, accepted by g++ and clang
__extension__ using uint128 = unsigned __int128;

namespace detail {

// |v| without overflow: the opposite of the most negative value fits in the unsigned type.
[[nodiscard]] constexpr uint128 magnitude(int128 v) noexcept {
    return v < 0 ? uint128{0} - static_cast<uint128>(v) : static_cast<uint128>(v);
}

[[nodiscard]] constexpr uint128 gcd(uint128 a, uint128 b) noexcept {
    while (b != 0) {
        const uint128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

}  // namespace detail

struct fraction;

// num/den in lowest terms with a positive denominator, or nothing when den is 0 or that form
// does not fit in 64 bits. Every run-time product or quotient of fractions outside the scores
// goes through here, so an overflow is reported, never wrapped.
[[nodiscard]] constexpr std::optional<fraction> reduire(int128 num, int128 den) noexcept;

struct fraction {
    std::int64_t num{0};
    std::int64_t den{1};  // always > 0 once normalised

    // Lowest terms, positive denominator. A denominator of 0 is kept as is, and a value whose
    // normal form does not fit (INT64_MIN / -1 is 2^63) becomes {0, 0}: either way `valide()`
    // reports that it is not a number, and nothing wraps.
    [[nodiscard]] constexpr fraction normalisee() const noexcept;
    // The same value with a positive denominator: itself when it has one, without the gcd of
    // the normal form (every reader gives a positive denominator), else `normalisee()`. Whether
    // it is a number is still `valide()`.
    [[nodiscard]] constexpr fraction a_denominateur_positif() const noexcept { return den > 0 ? *this : normalisee(); }
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

constexpr std::optional<fraction> reduire(int128 num, int128 den) noexcept {
    if (den == 0) return std::nullopt;
    // The common case, both within 64 bits (and neither INT64_MIN): a 64-bit gcd, as fast as
    // the hot paths of the scores need.
    constexpr int128 max64 = std::numeric_limits<std::int64_t>::max();
    if (num >= -max64 && num <= max64 && den >= -max64 && den <= max64) {
        std::int64_t n64 = static_cast<std::int64_t>(num);
        std::int64_t d64 = static_cast<std::int64_t>(den);
        if (d64 < 0) {
            n64 = -n64;
            d64 = -d64;
        }
        const std::int64_t g = std::gcd(n64, d64);  // >= 1: d64 >= 1
        return fraction{n64 / g, d64 / g};
    }
    const uint128 g = detail::gcd(detail::magnitude(num), detail::magnitude(den));
    const bool negatif = (num < 0) != (den < 0);
    const uint128 n = detail::magnitude(num) / g;
    const uint128 d = detail::magnitude(den) / g;
    constexpr auto max = static_cast<uint128>(std::numeric_limits<std::int64_t>::max());
    // A negative numerator reaches one further: -2^63 is INT64_MIN.
    if (n > max + (negatif ? 1U : 0U) || d > max) return std::nullopt;
    const std::int64_t n64 = negatif ? static_cast<std::int64_t>(uint128{0} - n) : static_cast<std::int64_t>(n);
    return fraction{n64, static_cast<std::int64_t>(d)};
}

constexpr fraction fraction::normalisee() const noexcept {
    if (den == 0) return {num, 0};
    return reduire(num, den).value_or(fraction{0, 0});
}

[[nodiscard]] constexpr fraction entier(std::int64_t n) noexcept { return {n, 1}; }

// "2,2 %" is pourcentage(22, 10): 22 / (10 * 100). The product is 128-bit; a rate with no
// 64-bit form is {0, 0}, which every domain check refuses.
[[nodiscard]] constexpr fraction pourcentage(std::int64_t num, std::int64_t den = 1) noexcept {
    return reduire(num, int128{den} * 100).value_or(fraction{0, 0});
}

}  // namespace caqes
