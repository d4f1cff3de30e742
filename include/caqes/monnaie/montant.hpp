#pragma once
// Amounts computed from a base and an exact rate, and caps that hold after rounding.
//
// Rounding policy (the only one): an amount is rounded to the cent *towards zero*
// ("arrondi au centime inferieur" for the non-negative amounts the law caps). The rounding of
// a notified amount is [U] (CAQES.md section 8); rounding towards zero is the one choice under
// which a rounded amount can never exceed the exact cap it was checked against, so every cap
// holds after rounding without a second correction.
//
// Products go through 128-bit intermediates: an 80 M EUR base is 8e9 cents, and a rate over
// a fine-grained denominator would overflow 64 bits. A result that does not fit in 64-bit
// cents is reported, never wrapped.
#include <caqes/monnaie/centimes.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>

namespace caqes {

struct montant_calcule {
    centimes valeur{};
    bool ok{true};  // false: the exact result does not fit in 64-bit cents
};

namespace detail {
// base x taux in 128 bits, for the products that leave 64 bits: out of line, so that the fast
// path below inlines into the loops that apply rates to every row of a batch.
[[nodiscard, gnu::noinline]] constexpr montant_calcule appliquer_taux_128(centimes base, fraction taux) noexcept {
    const int128 q = int128{base.valeur} * taux.num / taux.den;  // C++ division truncates towards zero
    if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min())
        return {{}, false};
    return {{static_cast<std::int64_t>(q)}, true};
}
}  // namespace detail

// floor-towards-zero of base * taux, in cents.
[[nodiscard, gnu::always_inline]] constexpr montant_calcule appliquer_taux(centimes base, fraction taux) noexcept {
    // No gcd: truncating base * num / den towards zero gives the same result whatever the
    // fraction's form, including a negative denominator.
    if (!taux.valide()) return {{}, false};
    // The checked 64-bit fast path: when base x num fits 64 bits and den > 0, the quotient fits
    // too (|q| <= |base x num|) and truncates as the 128-bit one does; a 128-bit division is a
    // library call (__divti3), the one the issue-16 profile found on every amount.
    std::int64_t produit = 0;
    if (taux.den > 0 && !__builtin_mul_overflow(base.valeur, taux.num, &produit)) return {{produit / taux.den}, true};
    return detail::appliquer_taux_128(base, taux);
}

// a + b, checked: not ok when the exact sum does not fit in 64-bit cents. The compiler's checked
// addition is one add and its overflow flag, where a 128-bit sum needed two compares: every
// total of a batch row takes it (docs/performance.md, "Two cuts in the row sink").
[[nodiscard]] constexpr montant_calcule additionner(centimes a, centimes b) noexcept {
    std::int64_t s = 0;
    if (__builtin_add_overflow(a.valeur, b.valeur, &s)) return {{}, false};
    return {{s}, true};
}

// A running total of many amounts (a batch's sanctions, incentives or decisions). The first
// addition that would leave 64-bit cents is refused and remembered: the total then keeps the
// value it had, `depasse` is set, and every later addition is refused too, so a total is
// either exact or says that it is not (CAQES-E040 in the batch's output).
struct total_centimes {
    centimes valeur{};
    std::size_t termes{0};  // amounts added before any overflow
    bool depasse{false};

    // True when `c` was added.
    constexpr bool ajouter(centimes c) noexcept {
        if (depasse) return false;
        const montant_calcule s = additionner(valeur, c);
        if (!s.ok) {
            depasse = true;
            return false;
        }
        valeur = s.valeur;
        ++termes;
        return true;
    }
};

// An amount checked against a cap: the smaller of the two, and whether the cap bound it.
struct montant_plafonne {
    centimes valeur{};
    centimes plafond{};
    bool plafond_atteint{false};
};

[[nodiscard]] constexpr montant_plafonne plafonner(centimes montant, centimes plafond) noexcept {
    if (montant > plafond) return {plafond, plafond, true};
    return {montant, plafond, false};
}

}  // namespace caqes
