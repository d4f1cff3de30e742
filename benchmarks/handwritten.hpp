#pragma once
// The "hand-written" baseline: plain structs and small inline helpers, the way a careful
// engineer would write the evaluation of one fixed grid without the toolkit. The straight-line
// evaluation of each grid is generated (gen_grids.py); the helpers here are shared by it and
// by the polymorphic variant (polymorphic.hpp).
//
// Same exact arithmetic as caqes: int64 fractions, 128-bit cross products for comparisons,
// sums that keep equal denominators and otherwise normalise by gcd, amounts rounded towards
// zero to the cent. Same layout of the values: 4 slots of 24 bytes per indicator (96 bytes),
// so that the comparison measures code, not a denser layout.
#include <array>
#include <cstddef>
#include <cstdint>
#include <numeric>

namespace hw {

__extension__ using i128 = __int128;

struct valeur {
    std::uint8_t etat{2};  // 0 given, 1 not concerned, 2 not given
    std::uint8_t type{0};
    std::int64_t num{0};
    std::int64_t den{1};
};
static_assert(sizeof(valeur) == 24);

template <std::size_t S>
struct etablissement {
    std::int64_t produits{0};
    std::array<std::int64_t, 4> economies{};
    std::array<bool, 4> economies_donnees{};               // false: non renseigne, no incentive computed
    std::array<bool, 4> en_terme{true, true, true, true};  // false: the volet's term does not cover the exercise
    valeur v[S][4]{};
};

struct frac {
    std::int64_t n{0};
    std::int64_t d{1};
};

[[nodiscard]] inline frac normaliser(frac f) noexcept {
    const std::int64_t g = std::gcd(f.n, f.d);
    const std::int64_t s = f.d < 0 ? -1 : 1;
    return {s * f.n / g, s * f.d / g};
}

[[nodiscard]] inline frac ajouter(frac a, frac b) noexcept {
    if (a.d == b.d) return {a.n + b.n, a.d};
    return normaliser({a.n * b.d + b.n * a.d, a.d * b.d});
}

// Sign of x - n/d, for a constant threshold with d > 0: one 128-bit cross product.
[[nodiscard]] inline int comparer(const valeur& x, std::int64_t n, std::int64_t d) noexcept {
    i128 l = i128{x.num} * d;
    i128 r = i128{n} * x.den;
    if (x.den < 0) {
        l = -l;
        r = -r;
    }
    return (l > r) - (l < r);
}

[[nodiscard]] inline int comparer(frac a, frac b) noexcept {
    const i128 l = i128{a.n} * b.d;
    const i128 r = i128{b.n} * a.d;
    return (l > r) - (l < r);
}

struct score {
    frac points{0, 1};
    frac poids{0, 1};
    [[nodiscard]] bool defini() const noexcept { return poids.n > 0; }
    [[nodiscard]] frac valeur() const noexcept {
        if (!defini()) return {0, 1};
        return normaliser({points.n * poids.d, points.d * poids.n});
    }
};

// An indicator that counts: weight w, points earned (w, w/2 or 0).
inline void compter(score& s, frac points, std::int64_t w) noexcept {
    s.points = ajouter(s.points, points);
    s.poids = ajouter(s.poids, frac{w, 1});
}
inline void compter(score& s, std::int64_t w) noexcept { compter(s, frac{w, 1}, w); }
inline void compter(score& s, std::int64_t points, std::int64_t w) noexcept { compter(s, frac{points, 1}, w); }

// Codes of caqes::nature_proposition, so the results can be compared.
enum nature : std::uint8_t { aucune = 0, sanction = 1, interessement = 2 };

struct proposition {
    std::uint8_t nature{aucune};
    bool plafond_atteint{false};
    bool depassement{false};
    std::int64_t montant{0};
    std::int64_t plafond{0};
};

struct resultat {
    std::array<proposition, 4> volets{};
    std::array<score, 4> scores{};
    bool plafond_global_atteint{false};
    std::int64_t total_sanctions{0};
    std::int64_t total_interessements{0};
};

// base x n/d towards zero; false when it does not fit in 64 bits.
[[nodiscard]] inline bool appliquer(std::int64_t base, std::int64_t n, std::int64_t d, std::int64_t& out) noexcept {
    const i128 q = i128{base} * n / d;
    if (q > INT64_MAX || q < INT64_MIN) return false;
    out = static_cast<std::int64_t>(q);
    return true;
}

[[nodiscard]] inline proposition plafonne(std::uint8_t n, std::int64_t base, std::int64_t tn, std::int64_t td,
                                          std::int64_t cn, std::int64_t cd) noexcept {
    proposition p{n, false, false, 0, 0};
    std::int64_t voulu = 0;
    std::int64_t cap = 0;
    const bool ok_voulu = appliquer(base, tn, td, voulu);
    const bool ok_cap = appliquer(base, cn, cd, cap);
    if (!ok_voulu || !ok_cap) {
        p.depassement = true;
        return p;
    }
    p.plafond = cap;
    p.plafond_atteint = voulu > cap;
    p.montant = voulu > cap ? cap : voulu;
    return p;
}

// First generation (D.162-16 III 1, 2017) with the illustrative defaults of
// caqes::parametres_2017: incentive of 20 % of savings (cap 30 %) from a score of 3/4 on volets
// that provide it; else sanction of 1 % below 1/2, 0.5 % below 3/4 (cap 1 %); 5 % overall cap.
// A volet out of its term (D.162-16 II) has no score and no proposal.
[[nodiscard]] inline resultat conclure_2017(const score (&s)[4], std::array<bool, 4> interessement_prevu,
                                            std::int64_t produits, const std::array<std::int64_t, 4>& economies,
                                            const std::array<bool, 4>& economies_donnees,
                                            const std::array<bool, 4>& en_terme) noexcept {
    resultat r{};
    for (std::size_t i = 0; i < 4; ++i) {
        if (!en_terme[i]) continue;
        r.scores[i] = s[i];
        if (!s[i].defini()) continue;
        const frac sc = s[i].valeur();
        if (interessement_prevu[i] && comparer(sc, frac{3, 4}) >= 0) {
            if (economies_donnees[i] && economies[i] > 0)
                r.volets[i] = plafonne(interessement, economies[i], 1, 5, 3, 10);
            continue;
        }
        if (comparer(sc, frac{1, 2}) < 0) {
            r.volets[i] = plafonne(sanction, produits, 1, 100, 1, 100);
        } else if (comparer(sc, frac{3, 4}) < 0) {
            r.volets[i] = plafonne(sanction, produits, 1, 200, 1, 100);
        }
    }
    std::int64_t cap = 0;
    if (appliquer(produits, 1, 20, cap)) {
        i128 total = 0;
        for (const auto& p : r.volets) {
            if (p.nature == sanction) total += p.montant;
        }
        if (total > cap) {
            r.plafond_global_atteint = true;
            for (auto& p : r.volets) {
                if (p.nature != sanction) continue;
                p.montant = static_cast<std::int64_t>(i128{p.montant} * cap / total);
                p.plafond_atteint = true;
            }
        }
    }
    for (const auto& p : r.volets) {
        if (p.nature == sanction) r.total_sanctions += p.montant;
        if (p.nature == interessement) r.total_interessements += p.montant;
    }
    return r;
}

}  // namespace hw
