#pragma once
// Achievement of one indicator, and the weighted score of a volet.
//
// - With a target: met when the value is on the right side of the target in the indicator's
//   direction (the target itself counts as met); partial on the grid's scale; not met
//   otherwise.
// - Without a target: met when the referentiel is met.
// - *non concerne* and *non renseigne* count as the grid's policy says.
// The score is sum(weight x achievement) / sum(weight) over the indicators that count, exact.
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/part.hpp>
#include <caqes/evaluation/tolerance.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/indicateur/indicateur.hpp>

#include <array>
#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

namespace caqes {

enum class statut : std::uint8_t { atteint, partiel, non_atteint, non_concerne, non_renseigne };

enum class compte_non_concerne : std::uint8_t {
    exclu,    // default: the indicator leaves the score's denominator
    atteint,  // counted as met
};
enum class compte_non_renseigne : std::uint8_t {
    non_atteint,  // default: a missing value is a missed objective
    exclu,
};

// The grid's scoring policy. All of it is [U] (CAQES.md section 9: regional scoring scales), so
// every field is a parameter; the defaults are illustrative.
struct politique_grille {
    compte_non_concerne non_concerne{compte_non_concerne::exclu};
    compte_non_renseigne non_renseigne{compte_non_renseigne::non_atteint};
    // A value within `tolerance` of its target (in the target's unit), or "partiel" on a
    // no/partial/yes scale whose target is "oui", is partial and earns this share: a `part`, in
    // [0, 1] by construction (CAQES-E047), so no score leaves [0, 1].
    part part_partielle{1, 2};
    // Not negative and a number by construction (CAQES-E049): none by default.
    caqes::tolerance tolerance{};
};

enum class referentiel_etat : std::uint8_t { sans_objet, atteint, non_atteint };

// What an indicator's evaluation decided. Its achievement and its points follow from its status
// and the grid's policy by one rule (`compte`, `realisation`, `gain_de` below), so the result
// carries no fraction of its own.
struct resultat_indicateur {
    statut s{statut::non_renseigne};
    bool compte{false};  // in the score's denominator: compte(s, pol), kept for the trace and the output
    referentiel_etat referentiel{referentiel_etat::sans_objet};
};

// ---- The one rule from a status to points (CAQES.md section 9: the scale is [U], a policy) ----
// Whether an indicator of status `s` enters the score's denominator: an indicator that was
// evaluated always does; *non concerne* and *non renseigne* as the grid's policy says.
[[nodiscard, gnu::always_inline]] constexpr bool compte(statut s, const politique_grille& pol) noexcept {
    switch (s) {
        case statut::non_concerne:
            return pol.non_concerne == compte_non_concerne::atteint;
        case statut::non_renseigne:
            return pol.non_renseigne == compte_non_renseigne::non_atteint;
        case statut::atteint:
        case statut::partiel:
        case statut::non_atteint:
            break;
    }
    return true;
}

// The achievement, in [0, 1]: 1 when met (or *non concerne* counted as met), the grid's partial
// share when partial, 0 otherwise (not met, or a status that does not count).
[[nodiscard, gnu::always_inline]] constexpr fraction realisation(statut s, const politique_grille& pol) noexcept {
    switch (s) {
        case statut::atteint:
            return entier(1);
        case statut::partiel:
            return pol.part_partielle.valeur();
        case statut::non_concerne:
            return pol.non_concerne == compte_non_concerne::atteint ? entier(1) : entier(0);
        case statut::non_atteint:
        case statut::non_renseigne:
            break;
    }
    return entier(0);
}

// What an indicator adds to a score: `points` (weight x achievement) and `poids` (the weight,
// when it counts). `ok` is false when the points do not fit their representation (CAQES-E037
// for fractions; for integers, a weight whose partial share is not an integer).
template <class P>
struct gain {
    P points{};
    P poids{};
    bool ok{true};
};
// Over exact fractions (the scalar score): the weight `poids` times the achievement, checked.
[[nodiscard, gnu::always_inline]] constexpr gain<fraction> gain_de(statut s, fraction poids,
                                                                   const politique_grille& pol) noexcept;
// Over integers at a common denominator D (W = weight x D): the same rule, exact when D is a
// multiple of the partial share's denominator (what a grid's column plan guarantees).
[[nodiscard]] constexpr gain<std::int64_t> gain_de(statut s, std::int64_t W, const politique_grille& pol) noexcept {
    if (!compte(s, pol)) return {0, 0, true};
    const fraction r = realisation(s, pol).normalisee();
    // In 128 bits: W x r.num may leave 64 bits (W = 2^40, r = 999 999 999 / 10^9) where the
    // points W x r, at most W for an achievement in [0, 1], fit.
    if (!r.valide()) return {0, W, false};
    const int128 produit = int128{W} * r.num;
    const int128 points = produit / r.den;
    const bool ok = produit % r.den == 0 && points >= std::numeric_limits<std::int64_t>::min() &&
                    points <= std::numeric_limits<std::int64_t>::max();
    return {ok ? static_cast<std::int64_t>(points) : 0, W, ok};
}

namespace detail {
// Exact, checked sums and products of score fractions. A score is sum(weight x achievement)
// over up to hundreds of indicators whose weights may have unrelated denominators, so 64-bit
// intermediates can overflow (weights 1/3 ... 1/31 already do). Every operation is exact in
// 128 bits, reduced, and reports whether the reduced result fits 64 bits; it never wraps.
// The common case (equal or unit denominators) stays inline and gcd-free.
struct fraction_verifiee {
    fraction f{0, 1};
    bool ok{true};
};

// n / d reduced (monnaie/fraction.hpp), with `ok` false when it does not fit 64 bits.
[[nodiscard]] constexpr fraction_verifiee reduire_128(int128 n, int128 d) noexcept {
    const std::optional<fraction> f = reduire(n, d);
    return f ? fraction_verifiee{*f, true} : fraction_verifiee{{0, 1}, false};
}

[[nodiscard, gnu::noinline]] constexpr fraction_verifiee ajouter_reduit(fraction a, fraction b) noexcept {
    return reduire_128(int128{a.num} * b.den + int128{b.num} * a.den, int128{a.den} * b.den);
}
[[nodiscard, gnu::always_inline]] constexpr fraction_verifiee ajouter(fraction a, fraction b) noexcept {
    std::int64_t n = 0;
    if (a.den == b.den && !__builtin_add_overflow(a.num, b.num, &n)) return {{n, a.den}, true};
    return ajouter_reduit(a, b);
}
[[nodiscard, gnu::noinline]] constexpr fraction_verifiee multiplier_reduit(fraction a, fraction b) noexcept {
    return reduire_128(int128{a.num} * b.num, int128{a.den} * b.den);
}
[[nodiscard, gnu::always_inline]] constexpr fraction_verifiee multiplier(fraction a, fraction b) noexcept {
    // An achievement is 1 or 0 for most indicators: a weight times it is the weight or zero.
    if (b.num == b.den) return {a, true};
    if (b.num == 0) return {{0, 1}, true};
    std::int64_t n = 0;
    if (a.den == 1 && b.den == 1 && !__builtin_mul_overflow(a.num, b.num, &n)) return {{n, 1}, true};
    return multiplier_reduit(a, b);
}
// a / b, exact and checked.
[[nodiscard]] constexpr fraction_verifiee diviser(fraction a, fraction b) noexcept {
    return reduire_128(int128{a.num} * b.den, int128{a.den} * b.num);
}

// The sign of a + b + c, exactly, whatever the magnitudes: the numerator of the sum over the
// product of the denominators needs up to 190 bits, so it is summed in 256-bit two's
// complement. This decides a tolerance (value against target +/- tolerance) without forming
// target +/- tolerance, which may not fit 64 bits (a tolerance of 1/INT64_MAX).
struct entier_256 {
    std::array<std::uint64_t, 4> l{};  // little-endian limbs

    [[nodiscard]] static constexpr entier_256 produit(std::int64_t x, std::int64_t y, std::int64_t z) noexcept {
        const bool negatif = ((x < 0) != (y < 0)) != (z < 0);
        auto abs64 = [](std::int64_t v) {
            return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
        };
        const uint128 xy = static_cast<uint128>(abs64(x)) * abs64(y);
        const std::uint64_t zz = abs64(z);
        const uint128 p0 = static_cast<uint128>(static_cast<std::uint64_t>(xy)) * zz;
        const uint128 p1 = static_cast<uint128>(static_cast<std::uint64_t>(xy >> 64)) * zz;
        entier_256 r{};
        r.l[0] = static_cast<std::uint64_t>(p0);
        const uint128 milieu = (p0 >> 64) + static_cast<std::uint64_t>(p1);
        r.l[1] = static_cast<std::uint64_t>(milieu);
        r.l[2] = static_cast<std::uint64_t>((p1 >> 64) + (milieu >> 64));
        return negatif ? r.oppose() : r;
    }
    [[nodiscard]] constexpr entier_256 oppose() const noexcept {
        entier_256 r{};
        uint128 retenue = 1;
        for (std::size_t i = 0; i < 4; ++i) {
            retenue += static_cast<std::uint64_t>(~l[i]);
            r.l[i] = static_cast<std::uint64_t>(retenue);
            retenue >>= 64;
        }
        return r;
    }
    [[nodiscard]] constexpr entier_256 operator+(const entier_256& o) const noexcept {
        entier_256 r{};
        uint128 retenue = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            retenue += static_cast<uint128>(l[i]) + o.l[i];
            r.l[i] = static_cast<std::uint64_t>(retenue);
            retenue >>= 64;
        }
        return r;
    }
    [[nodiscard]] constexpr int signe() const noexcept {
        if ((l[3] >> 63) != 0) return -1;
        return (l[0] | l[1] | l[2] | l[3]) == 0 ? 0 : 1;
    }
};

[[nodiscard]] constexpr int signe_somme(fraction a, fraction b, fraction c) noexcept {
    const entier_256 s = entier_256::produit(a.num, b.den, c.den) + entier_256::produit(b.num, a.den, c.den) +
                         entier_256::produit(c.num, a.den, b.den);
    const int signe_den = (((a.den < 0) != (b.den < 0)) != (c.den < 0)) ? -1 : 1;
    return s.signe() * signe_den;
}
}  // namespace detail

[[nodiscard, gnu::always_inline]] constexpr gain<fraction> gain_de(statut s, fraction poids,
                                                                   const politique_grille& pol) noexcept {
    if (!compte(s, pol)) return {{0, 1}, {0, 1}, true};
    const detail::fraction_verifiee pts = detail::multiplier(poids, realisation(s, pol));
    return {pts.f, poids, pts.ok};
}

// ---- Arithmetics: how a value compares with a threshold (docs/design-columnar.md, 1.1) ----
// Every decision below is written once, over an arithmetic A: what a cell holds, how it compares,
// how two conditions combine. The scalar evaluators instantiate it with `arith_fraction` (a
// report's `valeur_mesure`, exact fractions); a block of fixed-point columns with `arith_fixe<T>`.
// The decisions have no early return that depends on a value and select with `A::choisir`, so a
// loop over a block has no control flow and vectorises; `arith_fraction` short-circuits and
// selects with `?:` instead, because the 256-bit tolerance sign is worth skipping there.

// A mask is `bool` for fractions, an int32 0 or 1 for columns (g++ 12 does not vectorise a loop
// over a struct of two bools, nor one mixing 8- and 32-bit lanes).
struct arith_fraction {
    using cellule = valeur_mesure;
    using valeur = fraction;
    using masque = bool;
    using etat = etat_valeur;  // the state of a missing cell
    static constexpr etat etat_renseigne = etat_valeur::renseignee;

    [[nodiscard, gnu::always_inline]] static constexpr masque de(bool b) noexcept { return b; }
    [[nodiscard, gnu::always_inline]] static constexpr masque non(masque m) noexcept { return !m; }
    [[nodiscard, gnu::always_inline]] static constexpr valeur valeur_de(const cellule& c) noexcept { return c.v; }
    [[nodiscard, gnu::always_inline]] static constexpr etat etat_de(const cellule& c) noexcept { return c.etat; }
    [[nodiscard, gnu::always_inline]] static constexpr etat_valeur vers_etat(etat e) noexcept { return e; }
    [[nodiscard, gnu::always_inline]] static constexpr masque renseignee(const cellule& c) noexcept {
        return c.etat == etat_valeur::renseignee;
    }
    [[nodiscard, gnu::always_inline]] static constexpr masque comparer(valeur v, comparateur op, valeur s) noexcept {
        return caqes::comparer(v, op, s);
    }
    [[nodiscard, gnu::always_inline]] static constexpr masque le(valeur a, valeur b) noexcept { return a <= b; }
    [[nodiscard, gnu::always_inline]] static constexpr masque ge(valeur a, valeur b) noexcept { return a >= b; }
    [[nodiscard, gnu::always_inline]] static constexpr masque eq(valeur a, valeur b) noexcept { return a == b; }
    [[nodiscard, gnu::always_inline]] static constexpr masque positive(valeur t) noexcept { return t.positive(); }
    // "a and then f()": short-circuit, so f (a 256-bit sign) runs only when it decides.
    template <class F>
    [[nodiscard, gnu::always_inline]] static constexpr masque et(masque a, F&& f) noexcept {
        return a && f();
    }
    template <class F>
    [[nodiscard, gnu::always_inline]] static constexpr masque ou(masque a, F&& f) noexcept {
        return a || f();
    }
    template <class T>
    [[nodiscard, gnu::always_inline]] static constexpr T choisir(masque m, T a, T b) noexcept {
        return m ? a : b;
    }
    // Within the tolerance: v <= cible + tolerance, or v >= cible - tolerance, decided exactly
    // (detail::signe_somme) without forming cible +/- tolerance, which may not fit 64 bits.
    template <class C>
    [[nodiscard, gnu::always_inline]] static constexpr masque proche(valeur v, const C& c, bool plus_bas) noexcept {
        const fraction moins_cible{-c.cible.num, c.cible.den};  // cible.num > INT64_MIN: a domain value
        return plus_bas ? detail::signe_somme(v, moins_cible, {-c.tolerance.num, c.tolerance.den}) <= 0
                        : detail::signe_somme(v, moins_cible, c.tolerance) >= 0;
    }
};

// A fixed-point column lane: the value times the column's scale, exact, in T (uint8, int32 or
// int64), with two sentinels for the states: the lowest values of a signed type, the highest of
// an unsigned one (0xFF non renseigne, 0xFE non concerne in a byte).
template <class T>
struct arith_fixe {
    static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
    using cellule = T;
    using valeur = T;
    using masque = std::int32_t;
    using etat = T;  // the sentinel of the first missing cell
    static constexpr T non_renseigne =
        std::is_signed_v<T> ? std::numeric_limits<T>::min() : std::numeric_limits<T>::max();
    static constexpr T non_concerne =
        std::is_signed_v<T> ? static_cast<T>(non_renseigne + 1) : static_cast<T>(non_renseigne - 1);
    static constexpr etat etat_renseigne = T{0};

    [[nodiscard, gnu::always_inline]] static constexpr masque de(bool b) noexcept { return masque{b}; }
    [[nodiscard, gnu::always_inline]] static constexpr masque non(masque m) noexcept { return m ^ 1; }
    [[nodiscard, gnu::always_inline]] static constexpr valeur valeur_de(cellule c) noexcept { return c; }
    [[nodiscard, gnu::always_inline]] static constexpr etat etat_de(cellule c) noexcept { return c; }
    [[nodiscard]] static constexpr etat_valeur vers_etat(etat e) noexcept {
        if (e == non_renseigne) return etat_valeur::non_renseignee;
        return e == non_concerne ? etat_valeur::non_concernee : etat_valeur::renseignee;
    }
    [[nodiscard, gnu::always_inline]] static constexpr masque renseignee(cellule c) noexcept {
        return masque{c != non_renseigne} & masque{c != non_concerne};
    }
    // `op` is a constant of the indicator's shape in a block kernel: the switch folds away.
    [[nodiscard, gnu::always_inline]] static constexpr masque comparer(valeur v, comparateur op, valeur s) noexcept {
        switch (op) {
            case comparateur::inferieur:
                return masque{v < s};
            case comparateur::inferieur_ou_egal:
                return masque{v <= s};
            case comparateur::superieur:
                return masque{v > s};
            case comparateur::superieur_ou_egal:
                return masque{v >= s};
            case comparateur::egal:
                return masque{v == s};
        }
        return 0;
    }
    [[nodiscard, gnu::always_inline]] static constexpr masque le(valeur a, valeur b) noexcept { return masque{a <= b}; }
    [[nodiscard, gnu::always_inline]] static constexpr masque ge(valeur a, valeur b) noexcept { return masque{a >= b}; }
    [[nodiscard, gnu::always_inline]] static constexpr masque eq(valeur a, valeur b) noexcept { return masque{a == b}; }
    [[nodiscard, gnu::always_inline]] static constexpr masque positive(valeur t) noexcept { return masque{t > 0}; }
    // Both sides always evaluated: no branch in a block loop.
    template <class F>
    [[nodiscard, gnu::always_inline]] static constexpr masque et(masque a, F&& f) noexcept {
        return a & f();
    }
    template <class F>
    [[nodiscard, gnu::always_inline]] static constexpr masque ou(masque a, F&& f) noexcept {
        return a | f();
    }
    // m ? a : b without a branch, for integers and enumerations.
    template <class U>
    [[nodiscard, gnu::always_inline]] static constexpr U choisir(masque m, U a, U b) noexcept {
        using E = typename std::conditional_t<std::is_enum_v<U>, std::underlying_type<U>, std::type_identity<U>>::type;
        using N = std::make_unsigned_t<E>;
        const N x = static_cast<N>(a);
        const N y = static_cast<N>(b);
        const N tout = static_cast<N>(N{0} - static_cast<N>(m));
        return static_cast<U>(static_cast<N>(y ^ ((x ^ y) & tout)));
    }
    // Within the tolerance: against `borne` = cible -/+ tolerance, formed when the target was put
    // at the column's scale (cible_fixe checks that it fits T). No widening in the loop: g++ 12 does
    // not vectorise an int32 loop with an int64 difference.
    template <class C>
    [[nodiscard, gnu::always_inline]] static constexpr masque proche(valeur v, const C& c, bool plus_bas) noexcept {
        return plus_bas ? masque{v <= c.borne} : masque{v >= c.borne};
    }
};

// An indicator's target in arithmetic A: its value, the grid's tolerance, the scale's 1 and 2
// (the "partiel" and "oui" of a no/partial/yes scale) and, in fixed point, cible -/+ tolerance.
template <class A>
struct cible_a {
    typename A::valeur cible{};
    typename A::valeur tolerance{};
    typename A::valeur un{};
    typename A::valeur deux{};
    typename A::valeur borne{};  // fixed point only
};

// The target as the scalar evaluator sees it: exact fractions.
[[nodiscard, gnu::always_inline]] constexpr cible_a<arith_fraction> cible_fraction(
    fraction cible, const politique_grille& pol) noexcept {
    return {cible, pol.tolerance, entier(1), entier(2), {}};
}

// The target at a column's scale, or nothing when the column cannot decide it exactly: the
// target, the tolerance or cible -/+ tolerance is not an integer at that scale or does not fit T.
// Such a grid is evaluated by the scalar path, where signe_somme decides the tolerance exactly.
template <class T>
[[nodiscard]] constexpr std::optional<cible_a<arith_fixe<T>>> cible_fixe(fraction cible, fraction tolerance,
                                                                         sens direction,
                                                                         std::int64_t echelle) noexcept {
    using A = arith_fixe<T>;
    auto a_l_echelle = [echelle](fraction f) -> std::optional<int128> {
        const fraction g = f.normalisee();
        if (!g.valide() || echelle <= 0) return std::nullopt;
        const int128 p = int128{g.num} * echelle;
        if (p % g.den != 0) return std::nullopt;
        return p / g.den;
    };
    // The sentinels stay out of the values a threshold can take.
    auto tient = [](int128 x) {
        return x >= int128{std::numeric_limits<T>::min()} && x <= int128{std::numeric_limits<T>::max()} &&
               x != int128{A::non_renseigne} && x != int128{A::non_concerne};
    };
    const std::optional<int128> c = a_l_echelle(cible);
    const std::optional<int128> t = a_l_echelle(tolerance);
    if (!c || !t) return std::nullopt;
    const int128 borne = direction == sens::plus_bas_est_mieux ? *c + *t : *c - *t;
    const int128 un = echelle;
    const int128 deux = int128{2} * echelle;
    if (!tient(*c) || !tient(*t) || !tient(borne) || !tient(un) || !tient(deux)) return std::nullopt;
    return cible_a<A>{static_cast<T>(*c), static_cast<T>(*t), static_cast<T>(un), static_cast<T>(deux),
                      static_cast<T>(borne)};
}

// The decisions of an evaluation, written once over an arithmetic A and shared by the run-time
// evaluator below and the compile-time one (evaluateur<def>), which calls them with constant
// thresholds.
namespace decisions {

// A referentiel conjunction, condition by condition: all conditions hold, or one is missing.
template <class A>
struct bilan_conjonction {
    typename A::masque toutes{A::de(true)};
    typename A::masque complete{A::de(true)};
    typename A::etat manquant{A::etat_renseigne};  // the state of the first missing measure
};

// The first missing measure ends the conjunction (its state is kept, later ones are not): with
// masks, a select on `complete` before this condition, and no early return.
template <class A>
[[gnu::always_inline]] constexpr void noter_condition(bilan_conjonction<A>& b, const typename A::cellule& c,
                                                      comparateur op, typename A::valeur seuil) noexcept {
    const typename A::masque present = A::renseignee(c);
    const typename A::masque premier_manquant = A::et(b.complete, [&] { return A::non(present); });
    b.manquant = A::choisir(premier_manquant, A::etat_de(c), b.manquant);
    // Once incomplete, `toutes` is false already: it stays so.
    b.toutes = A::et(A::et(b.toutes, [&] { return present; }), [&] { return A::comparer(A::valeur_de(c), op, seuil); });
    b.complete = A::et(b.complete, [&] { return present; });
}

// The whole referentiel: met when one conjunction holds ("ou" of the arrete of 2022-02-23);
// undecided when none holds and a measure is missing (the first conjunction's missing measure).
template <class A>
struct bilan_referentiel {
    typename A::masque complet{A::de(true)};
    typename A::masque atteint{A::de(false)};
    typename A::etat manquant{A::etat_renseigne};

    [[gnu::always_inline]] constexpr void ajouter(const bilan_conjonction<A>& c) noexcept {
        atteint = A::ou(atteint, [&] { return c.toutes; });
        const typename A::masque premiere_incomplete = A::et(complet, [&] { return A::non(c.complete); });
        manquant = A::choisir(premiere_incomplete, c.manquant, manquant);
        complet = A::et(complet, [&] { return c.complete; });
    }
    [[nodiscard, gnu::always_inline]] constexpr referentiel_etat etat() const noexcept {
        return A::choisir(atteint, referentiel_etat::atteint,
                          A::choisir(complet, referentiel_etat::non_atteint, referentiel_etat::sans_objet));
    }
};

// A missing decisive value counts as the grid's policy says.
[[nodiscard, gnu::always_inline]] constexpr resultat_indicateur sans_valeur(etat_valeur e, const politique_grille& pol,
                                                                            referentiel_etat ref) noexcept {
    const statut s = e == etat_valeur::non_concernee ? statut::non_concerne : statut::non_renseigne;
    return {s, compte(s, pol), ref};
}

// A target's decision as two masks (a block keeps them in 32-bit lanes; a statut is one byte).
template <class A>
struct verdict {
    typename A::masque atteint;
    typename A::masque partiel;  // meaningful when not met
};

// Met on the right side of the target (the target itself counts as met); partial for
// "partiel" on a no/partial/yes scale aiming at "oui", or within the grid's tolerance.
template <class A>
[[nodiscard, gnu::always_inline]] constexpr verdict<A> verdict_cible(typename A::valeur v, const cible_a<A>& c,
                                                                     sens direction, type_mesure type_valeur) noexcept {
    const bool plus_bas = direction == sens::plus_bas_est_mieux;
    const typename A::masque atteint = plus_bas ? A::le(v, c.cible) : A::ge(v, c.cible);
    const typename A::masque partiel = A::et(A::non(atteint), [&] {
        return A::ou(A::et(A::de(type_valeur == type_mesure::echelle),
                           [&] { return A::et(A::eq(c.cible, c.deux), [&] { return A::eq(v, c.un); }); }),
                     [&] { return A::et(A::positive(c.tolerance), [&] { return A::proche(v, c, plus_bas); }); });
    });
    return {atteint, partiel};
}

template <class A>
[[nodiscard, gnu::always_inline]] constexpr statut statut_de(const verdict<A>& r) noexcept {
    return A::choisir(r.atteint, statut::atteint, A::choisir(r.partiel, statut::partiel, statut::non_atteint));
}

template <class A>
[[nodiscard, gnu::always_inline]] constexpr statut statut_par_cible(typename A::valeur v, const cible_a<A>& c,
                                                                    sens direction, type_mesure type_valeur) noexcept {
    return statut_de<A>(verdict_cible<A>(v, c, direction, type_valeur));
}

// The same over fractions, with the grid's policy: what the scalar evaluators call.
[[nodiscard, gnu::always_inline]] constexpr statut statut_par_cible(fraction v, fraction cible, sens direction,
                                                                    type_mesure type_valeur,
                                                                    const politique_grille& pol) noexcept {
    return statut_par_cible<arith_fraction>(v, cible_fraction(cible, pol), direction, type_valeur);
}

[[nodiscard, gnu::always_inline]] constexpr resultat_indicateur decide(statut s, referentiel_etat ref,
                                                                       const politique_grille& pol) noexcept {
    return {s, compte(s, pol), ref};
}

}  // namespace decisions

// `AvecReferentiel`: whether to report the referentiel's state when a target decides. The
// score never needs it then, so an evaluation without a trace skips it; an indicator without
// a target always evaluates its referentiel, which decides.
template <bool AvecReferentiel = true>
[[nodiscard]] constexpr resultat_indicateur evaluer_indicateur(const indicateur& ind, const plan_indicateur& plan,
                                                               const valeurs_indicateur& vals,
                                                               const politique_grille& pol) noexcept {
    decisions::bilan_referentiel<arith_fraction> bilan{};
    const bool avec_ref = !ind.ref.vide() && (AvecReferentiel || plan.cible == mesure_absente);
    if (avec_ref) {
        for (std::size_t k = 0; k < ind.ref.taille; ++k) {
            decisions::bilan_conjonction<arith_fraction> c{};
            for (std::size_t j = 0; j < ind.ref.termes[k].taille; ++j) {
                const condition& cond = ind.ref.termes[k].termes[j];
                decisions::noter_condition(c, vals[static_cast<std::size_t>(plan.conditions[k][j])], cond.op,
                                           cond.seuil);
            }
            bilan.ajouter(c);
        }
    }
    const referentiel_etat ref = avec_ref ? bilan.etat() : referentiel_etat::sans_objet;

    if (plan.cible != mesure_absente) {
        const valeur_mesure& v = vals[static_cast<std::size_t>(plan.cible)];
        if (v.etat != etat_valeur::renseignee) return decisions::sans_valeur(v.etat, pol, ref);
        return decisions::decide(
            decisions::statut_par_cible(v.v, ind.objectif.valeur, ind.direction, ind.objectif.type_valeur, pol), ref,
            pol);
    }
    // Without a target the referentiel decides; an undecided one takes its missing measure's state.
    if (avec_ref && ref == referentiel_etat::sans_objet) return decisions::sans_valeur(bilan.manquant, pol, ref);
    return decisions::decide(ref == referentiel_etat::atteint ? statut::atteint : statut::non_atteint, ref, pol);
}

// A volet's score: defined only when some indicator counts (every indicator non concerne
// gives no score, and then no outcome). Exact: an operation whose reduced result does not fit
// 64 bits sets `depassement` (CAQES-E037) and records the first indicator where it happened;
// the evaluation then proposes nothing rather than a number computed from a wrapped one.
struct score_volet {
    fraction points{0, 1};  // sum of weight x achievement
    fraction poids{0, 1};   // sum of weights that count
    bool depassement{false};
    std::uint32_t indicateur_depasse{0};  // id of the first indicator whose addition overflowed

    [[nodiscard]] constexpr bool defini() const noexcept { return poids.positive(); }
    // The score as an exact fraction; `ok` is false when it overflowed or does not fit 64 bits.
    [[nodiscard]] constexpr detail::fraction_verifiee valeur_verifiee() const noexcept {
        if (depassement) return {{0, 1}, false};
        if (!defini()) return {{0, 1}, true};
        return detail::diviser(points, poids);
    }
    // The score, for a score known to be exact (`!depasse()`); 0 otherwise.
    [[nodiscard]] constexpr fraction valeur() const noexcept { return valeur_verifiee().f; }
    // The score against a threshold of the law or of the parameters, exact (the fraction
    // comparison is a 128-bit cross product); as valeur(), for a score that is not depasse().
    // The same interface as score_entier's (evaluation/colonnes/score_entier.hpp).
    [[nodiscard]] constexpr bool inferieur(fraction seuil) const noexcept { return valeur() < seuil; }
    [[nodiscard]] constexpr bool au_moins(fraction seuil) const noexcept { return valeur() >= seuil; }
    // The indicator at which a sum overflowed, if one did (depasse() also covers a quotient that
    // does not fit, which no indicator caused).
    [[nodiscard]] constexpr std::optional<std::uint32_t> depassement_en() const noexcept {
        if (!depassement) return std::nullopt;
        return indicateur_depasse;
    }
    [[nodiscard]] constexpr bool depasse() const noexcept {
        if (depassement) return true;
        if (!defini()) return false;
        // Both cross products fit 64 bits: so does the reduced quotient, without computing it.
        std::int64_t a = 0;
        std::int64_t b = 0;
        if (!__builtin_mul_overflow(points.num, poids.den, &a) && !__builtin_mul_overflow(points.den, poids.num, &b))
            return false;
        return !valeur_verifiee().ok;
    }

    // Adds a share of weight `poids_indicateur` earning `points_indicateur`.
    [[gnu::always_inline]] constexpr void cumuler(fraction points_indicateur, fraction poids_indicateur,
                                                  std::uint32_t id) noexcept {
        if (depassement) return;
        const detail::fraction_verifiee p = detail::ajouter(points, points_indicateur);
        const detail::fraction_verifiee w = detail::ajouter(poids, poids_indicateur);
        if (!p.ok || !w.ok) {
            depassement = true;
            indicateur_depasse = id;
            return;
        }
        points = p.f;
        poids = w.f;
    }
    // Adds an indicator of weight `poids_indicateur` and status `s`: what it earns is gain_de's.
    [[gnu::always_inline]] constexpr void ajouter(fraction poids_indicateur, statut s, const politique_grille& pol,
                                                  std::uint32_t id) noexcept {
        if (depassement || !compte(s, pol)) return;
        const gain<fraction> g = gain_de(s, poids_indicateur, pol);
        if (!g.ok) {
            depassement = true;
            indicateur_depasse = id;
            return;
        }
        cumuler(g.points, g.poids, id);
    }
    [[gnu::always_inline]] constexpr void ajouter(const indicateur& ind, const resultat_indicateur& r,
                                                  const politique_grille& pol) noexcept {
        ajouter(ind.poids, r.s, pol, ind.id);
    }
    // The sum of two scores (the overall score from the volets'), checked the same way.
    constexpr void fusionner(const score_volet& autre) noexcept {
        if (autre.depassement && !depassement) {
            depassement = true;
            indicateur_depasse = autre.indicateur_depasse;
        }
        if (autre.poids.num != 0 || autre.points.num != 0) cumuler(autre.points, autre.poids, autre.indicateur_depasse);
    }
};

// The questions the rules of the regimes ask of a score (the conclusion reads nothing else):
// `defini()`, `depasse()` (CAQES-E037), `valeur()` where a fraction is an operand, and the two
// comparisons with a threshold, exact, and where a sum overflowed. Two models: score_volet above
// (exact fractions, the scalar evaluators) and score_entier (evaluation/colonnes/score_entier.hpp,
// integers over a grid's common denominator, the columnar one).
template <class S>
concept representation_score = requires(const S& s, fraction seuil) {
    { s.defini() } -> std::same_as<bool>;
    { s.depasse() } -> std::same_as<bool>;
    { s.valeur() } -> std::same_as<fraction>;
    { s.inferieur(seuil) } -> std::same_as<bool>;
    { s.au_moins(seuil) } -> std::same_as<bool>;
    { s.depassement_en() } -> std::same_as<std::optional<std::uint32_t>>;
};
static_assert(representation_score<score_volet>);

}  // namespace caqes
