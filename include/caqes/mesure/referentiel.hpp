#pragma once
// Measures, comparisons and referentiels.
//
// A referentiel says when an establishment *meets* it, as a boolean expression of typed
// comparisons with explicit comparators (arrete of 2022-02-23, annex: "moins de 8 500
// boites", conditions joined by "ou", "fewer than" is strict). The expression is kept in
// disjunctive normal form: a disjunction of conjunctions, which is every expression without
// negation, and negation is never needed because each comparator has its opposite.
//
// Building a comparison between a measure of one kind and a threshold of another fails to
// compile with CAQES-E014. The untyped `condition` keeps both kinds so that a referentiel
// read from a file at run time goes through the same check (`unite_coherente`).
#include <caqes/mesure/nature.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace caqes {

// A measure as data: its code within the indicator, and its kind.
struct mesure_def {
    std::string_view code;
    type_mesure type{type_mesure::nombre};

    [[nodiscard]] constexpr bool vide() const noexcept { return code.empty(); }
};

// A typed handle on a measure, used to build comparisons and targets.
template <class K>
struct mesure {
    using nature = K;
    std::string_view code;

    [[nodiscard]] constexpr mesure_def def() const noexcept { return {code, K::id}; }
};

enum class comparateur : std::uint8_t {
    inferieur,          // <   ("moins de", "inferieur a": strict)
    inferieur_ou_egal,  // <=
    superieur,          // >
    superieur_ou_egal,  // >=
    egal,               // ==  (yes/no and scale items)
};

[[nodiscard]] constexpr std::string_view symbole(comparateur c) noexcept {
    switch (c) {
        case comparateur::inferieur:
            return "<";
        case comparateur::inferieur_ou_egal:
            return "<=";
        case comparateur::superieur:
            return ">";
        case comparateur::superieur_ou_egal:
            return ">=";
        case comparateur::egal:
            return "==";
    }
    return "?";
}

[[nodiscard, gnu::always_inline]] constexpr bool comparer(fraction valeur, comparateur c, fraction seuil) noexcept {
    switch (c) {
        case comparateur::inferieur:
            return valeur < seuil;
        case comparateur::inferieur_ou_egal:
            return valeur <= seuil;
        case comparateur::superieur:
            return valeur > seuil;
        case comparateur::superieur_ou_egal:
            return valeur >= seuil;
        case comparateur::egal:
            return valeur == seuil;
    }
    return false;
}

// One comparison "measure OP threshold".
struct condition {
    std::string_view mesure;
    type_mesure type_de_mesure{type_mesure::nombre};
    comparateur op{comparateur::inferieur};
    type_mesure type_seuil{type_mesure::nombre};
    fraction seuil{};

    [[nodiscard]] constexpr bool vide() const noexcept { return mesure.empty(); }
};

// CAQES-E014: one unit of measure per comparison. The single predicate behind the typed
// operators below (compile time) and the run-time validation of loaded referentiels.
[[nodiscard]] constexpr bool unite_coherente(type_mesure de_la_mesure, type_mesure du_seuil) noexcept {
    return de_la_mesure == du_seuil;
}
[[nodiscard]] constexpr bool unite_coherente(const condition& c) noexcept {
    return unite_coherente(c.type_de_mesure, c.type_seuil);
}

template <class K1, class K2>
[[nodiscard]] constexpr condition comparaison(mesure<K1> m, comparateur op, quantite<K2> s) noexcept {
    static_assert(unite_coherente(K1::id, K2::id),
                  "CAQES-E014: a comparison mixes two kinds of measure (arrete of 2022-02-23, annex (each "
                  "referentiel compares one measure with a threshold of the same unit)); compare a measure with "
                  "a threshold of the same kind; see docs/diagnostics.md#caqes-e014");
    return {m.code, K1::id, op, K2::id, s.valeur};
}
template <class K1, class K2>
[[nodiscard]] constexpr condition operator<(mesure<K1> m, quantite<K2> s) noexcept {
    return comparaison(m, comparateur::inferieur, s);
}
template <class K1, class K2>
[[nodiscard]] constexpr condition operator<=(mesure<K1> m, quantite<K2> s) noexcept {
    return comparaison(m, comparateur::inferieur_ou_egal, s);
}
template <class K1, class K2>
[[nodiscard]] constexpr condition operator>(mesure<K1> m, quantite<K2> s) noexcept {
    return comparaison(m, comparateur::superieur, s);
}
template <class K1, class K2>
[[nodiscard]] constexpr condition operator>=(mesure<K1> m, quantite<K2> s) noexcept {
    return comparaison(m, comparateur::superieur_ou_egal, s);
}
// Equality is a named function: an `operator==` returning a condition would fight C++20's
// rewritten comparisons.
template <class K1, class K2>
[[nodiscard]] constexpr condition egal(mesure<K1> m, quantite<K2> s) noexcept {
    return comparaison(m, comparateur::egal, s);
}

// Fixed capacities keep a referentiel a literal type that lives in a constexpr grid. Going
// past them is reported (CAQES-E015), never truncated silently.
inline constexpr std::size_t conditions_max = 4;
inline constexpr std::size_t conjonctions_max = 4;

// A conjunction and a referentiel have constructors, not aggregate initialisation: as
// aggregates, `.ref = a && b` or `.ref = a < x` in a designated initialiser was accepted by
// brace elision into the first *element* of `termes`, leaving `taille` at 0, an empty
// referentiel that no establishment could ever meet. Every way of writing one now either
// builds what `en_referentiel(...)` builds or fails with CAQES-E015.
struct conjonction {
    std::array<condition, conditions_max> termes{};
    std::uint8_t taille{0};
    bool depasse{false};

    constexpr conjonction() noexcept = default;
    constexpr conjonction(const condition& c) noexcept : termes{c}, taille{1} {}  // NOLINT: implicit on purpose
    template <class... T>
        requires(sizeof...(T) >= 2)
    constexpr conjonction(const T&...) noexcept {
        static_assert(sizeof...(T) == 0,
                      "CAQES-E015: a referentiel or target names an unknown measure, is empty, or has a threshold "
                      "outside its kind (L.162-30-3 (referentiels in volume or spending); arrete of 2022-02-23); a "
                      "conjunction is written `a && b`, not as a braced list; see docs/diagnostics.md#caqes-e015");
    }

    [[nodiscard]] constexpr conjonction et(const condition& c) const noexcept {
        conjonction r = *this;
        if (r.taille == conditions_max) {
            r.depasse = true;
        } else {
            r.termes[r.taille++] = c;
        }
        return r;
    }
};

struct referentiel {
    std::array<conjonction, conjonctions_max> termes{};
    std::uint8_t taille{0};
    bool depasse{false};

    constexpr referentiel() noexcept = default;
    // `.ref = a < x` and `.ref = a && b` mean the referentiel of that one condition or
    // conjunction, exactly as `en_referentiel(...)`.
    constexpr referentiel(const condition& c) noexcept : referentiel(conjonction{c}) {}  // NOLINT: implicit on purpose
    constexpr referentiel(const conjonction& c) noexcept : termes{c}, taille{1} {}       // NOLINT: implicit on purpose
    // `.ref = {a, b}` has no meaning of its own ("and" or "or"?): it does not compile.
    template <class... T>
        requires(sizeof...(T) >= 2)
    constexpr referentiel(const T&...) noexcept {
        static_assert(sizeof...(T) == 0,
                      "CAQES-E015: a referentiel or target names an unknown measure, is empty, or has a threshold "
                      "outside its kind (L.162-30-3 (referentiels in volume or spending); arrete of 2022-02-23); a "
                      "referentiel is written with `||` and `&&`, or en_referentiel(...), not as a braced list; see "
                      "docs/diagnostics.md#caqes-e015");
    }

    [[nodiscard]] constexpr bool vide() const noexcept { return taille == 0; }
    [[nodiscard]] constexpr referentiel ou(const conjonction& c) const noexcept {
        referentiel r = *this;
        if (r.taille == conjonctions_max) {
            r.depasse = true;
        } else {
            r.termes[r.taille++] = c;
        }
        return r;
    }
};

[[nodiscard]] constexpr conjonction seule(const condition& c) noexcept { return conjonction{c}; }
[[nodiscard]] constexpr referentiel en_referentiel(const conjonction& c) noexcept { return referentiel{c}; }
[[nodiscard]] constexpr referentiel en_referentiel(const condition& c) noexcept { return referentiel{c}; }

[[nodiscard]] constexpr conjonction operator&&(const condition& a, const condition& b) noexcept {
    return seule(a).et(b);
}
[[nodiscard]] constexpr conjonction operator&&(const conjonction& a, const condition& b) noexcept { return a.et(b); }
[[nodiscard]] constexpr referentiel operator||(const conjonction& a, const conjonction& b) noexcept {
    return en_referentiel(a).ou(b);
}
[[nodiscard]] constexpr referentiel operator||(const condition& a, const condition& b) noexcept {
    return seule(a) || seule(b);
}
[[nodiscard]] constexpr referentiel operator||(const conjonction& a, const condition& b) noexcept {
    return a || seule(b);
}
[[nodiscard]] constexpr referentiel operator||(const condition& a, const conjonction& b) noexcept {
    return seule(a) || b;
}
[[nodiscard]] constexpr referentiel operator||(const referentiel& a, const conjonction& b) noexcept { return a.ou(b); }
[[nodiscard]] constexpr referentiel operator||(const referentiel& a, const condition& b) noexcept {
    return a.ou(seule(b));
}

// Whether the referentiel is met, given a function from a condition to its measured value.
// The lookup is the caller's: a compile-time grid indexes a struct, a loaded one a table.
template <class Valeur>
[[nodiscard]] constexpr bool est_atteint(const referentiel& r, Valeur&& valeur_de) noexcept {
    for (std::size_t i = 0; i < r.taille; ++i) {
        const conjonction& cj = r.termes[i];
        bool toutes = true;
        for (std::size_t j = 0; j < cj.taille && toutes; ++j) {
            toutes = comparer(valeur_de(cj.termes[j]), cj.termes[j].op, cj.termes[j].seuil);
        }
        if (toutes) return true;
    }
    return false;
}

}  // namespace caqes
