#pragma once
// Integer scores over a grid's common denominator (docs/design-columnar.md, section 1.2).
//
// The scalar score (`score_volet`) adds reduced fractions and reports CAQES-E037 when a reduced
// partial sum leaves 64 bits. A block of establishments cannot afford a gcd per addition, so the
// columnar path counts in units of 1/D, where D is a denominator common to every weight and
// every achievement of the grid: each indicator then earns an integer, and a sum is a plain
// add. When the grid is built, `denominateur_commun` computes D and the sum SW of every weight in
// those units, both checked; SW bounds every sum the scores can reach (below), so the columnar
// path never meets an overflow at run time. A grid whose D or SW does not fit 64 bits is
// `scalaire_seulement`: it is evaluated by the scalar path, which decides E037 exactly as before.
//
// Both representations answer the same questions (`representation_score`): whether a score is
// defined, whether it overflowed, its exact value, and how it compares with a threshold of the
// law or of the parameters.
#include <caqes/contrat/modele.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/indicateur/indicateur.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <compare>
#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace caqes {

// Why a grid cannot be evaluated in columns, and goes whole to the scalar path.
enum class raison_scalaire : std::uint8_t {
    aucune,
    poids_invalide,           // a weight is not a positive fraction (the grid fails CAQES-E017)
    denominateur_trop_grand,  // D does not fit 64 bits (1/p weights with large primes p)
    somme_trop_grande,        // SW does not fit 64 bits
    echelle_trop_grande,      // a column's scale does not fit 64 bits
    seuil_hors_colonne,       // a threshold is not an integer that its column holds
    tolerance_hors_colonne,   // the tolerance, or a target -/+ it, is not held by the column
};

[[nodiscard]] constexpr std::string_view texte(raison_scalaire r) noexcept {
    switch (r) {
        case raison_scalaire::aucune:
            return "columns";
        case raison_scalaire::poids_invalide:
            return "a weight is not a positive fraction (CAQES-E017)";
        case raison_scalaire::denominateur_trop_grand:
            return "the common denominator of the weights and the partial share does not fit 64 bits";
        case raison_scalaire::somme_trop_grande:
            return "the sum of the weights over the common denominator does not fit 64 bits";
        case raison_scalaire::echelle_trop_grande:
            return "a column's scale does not fit 64 bits";
        case raison_scalaire::seuil_hors_colonne:
            return "a threshold is not an integer its column holds at the column's scale";
        case raison_scalaire::tolerance_hors_colonne:
            return "the tolerance, or a target -/+ the tolerance, is not an integer its column holds";
    }
    return "?";
}

namespace detail {
// lcm(a, b) for a, b >= 1, or nothing when it does not fit 64 bits.
[[nodiscard]] constexpr std::optional<std::int64_t> ppcm(std::int64_t a, std::int64_t b) noexcept {
    const int128 p = int128{a} / static_cast<int128>(gcd(static_cast<uint128>(a), static_cast<uint128>(b))) * b;
    if (p > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
    return static_cast<std::int64_t>(p);
}
}  // namespace detail

// A grid's common denominator D and the sum SW of its weights over D (section 1.2).
struct borne_grille {
    std::int64_t denominateur{1};  // D
    std::int64_t somme_poids{0};   // SW = sum of W_i = poids_i x D, over every volet of the contract
    raison_scalaire raison{raison_scalaire::aucune};

    [[nodiscard]] constexpr bool scalaire_seulement() const noexcept { return raison != raison_scalaire::aucune; }
    // W = poids x D, exact: the weight's denominator divides D. For a weight of this grid.
    [[nodiscard]] constexpr std::int64_t poids_entier(fraction poids) const noexcept {
        const fraction w = poids.normalisee();
        return w.num * (denominateur / w.den);
    }
};

// D = lcm(den(poids_i)) x den(partial share) and SW, checked. The partial share is read through
// `realisation`, the rule the scores use: D is a multiple of the denominator of every achievement
// the policy gives, so `gain_de` at D is an integer for every status. A product rather than an
// lcm: W_i x part_partielle must be an integer for every W_i, so the share's denominator must
// divide W_i / numerator(poids_i), not just D.
[[nodiscard]] constexpr borne_grille denominateur_commun(const modele_contrat_def& m,
                                                         const politique_grille& pol) noexcept {
    borne_grille b{};
    std::int64_t realisations = 1;
    for (const statut s :
         {statut::atteint, statut::partiel, statut::non_atteint, statut::non_concerne, statut::non_renseigne}) {
        // The bound on the sums (0 <= points <= SW) holds for achievements in [0, 1]: the
        // partial share is a `part`, in [0, 1] by construction (CAQES-E047), the others 0 or 1.
        const fraction r = realisation(s, pol).normalisee();
        const std::optional<std::int64_t> l = detail::ppcm(realisations, r.den);
        if (!l) return {1, 0, raison_scalaire::denominateur_trop_grand};
        realisations = *l;
    }
    std::int64_t poids = 1;
    for (const volet_modele& v : m.volets) {
        for (const indicateur& ind : v.grille) {
            const fraction w = ind.poids.normalisee();
            if (!w.positive()) return {1, 0, raison_scalaire::poids_invalide};
            const std::optional<std::int64_t> l = detail::ppcm(poids, w.den);
            if (!l) return {1, 0, raison_scalaire::denominateur_trop_grand};
            poids = *l;
        }
    }
    constexpr int128 max64 = std::numeric_limits<std::int64_t>::max();
    const int128 d = int128{poids} * realisations;
    if (d > max64) return {1, 0, raison_scalaire::denominateur_trop_grand};
    b.denominateur = static_cast<std::int64_t>(d);
    int128 somme = 0;
    for (const volet_modele& v : m.volets) {
        for (const indicateur& ind : v.grille) {
            const fraction w = ind.poids.normalisee();
            // W_i <= SW: once the sum has left 64 bits, no term brings it back (all are positive).
            somme += int128{w.num} * (b.denominateur / w.den);
            if (somme > max64) return {b.denominateur, 0, raison_scalaire::somme_trop_grande};
        }
    }
    b.somme_poids = static_cast<std::int64_t>(somme);
    return b;
}

// A score in units of 1/D, in lane type L: points P and weight W, the score being P / W.
//
// Why it never overflows (so `depasse()` is false): every weight that enters is some W_i, and
// the points it earns are W_i x r with r an achievement in [0, 1] (`denominateur_commun` refuses
// a policy whose shares leave it). Hence 0 <= P <= W <= SW for a volet, for the overall score
// (the sum of the volets) and for the regional one (a subset of the indicators). A score_entier
// is built only for a grid that is not `scalaire_seulement`, with weights `poids_entier` of its
// bound and a lane L that holds SW (32 bits when SW < 2^31, 64 bits otherwise: the column plan
// chooses), so no sum can overflow: the adds are plain. The same bound shows that the scalar path
// cannot report CAQES-E037 on such a grid (every reduced partial sum p / q has q | D and
// 0 <= p <= SW), so both paths report the same thing.
template <class L>
    requires(std::same_as<L, std::int32_t> || std::same_as<L, std::int64_t>)
struct score_entier {
    L points{0};
    L poids{0};

    [[nodiscard]] constexpr bool defini() const noexcept { return poids > 0; }
    [[nodiscard]] constexpr bool depasse() const noexcept { return false; }
    [[nodiscard]] constexpr std::optional<std::uint32_t> depassement_en() const noexcept { return std::nullopt; }
    // The score reduced (one gcd: only where a fraction is an operand), 0 when undefined as
    // score_volet::valeur() is. P and W fit 64 bits, so their reduced quotient does.
    [[nodiscard]] constexpr fraction valeur() const noexcept {
        if (!defini()) return {0, 1};
        return reduire(points, poids).value_or(fraction{0, 0});
    }

    // The sign of valeur() - seuil, exactly. The cross products P x seuil.den and W x seuil.num
    // are formed in 64 bits when both fit (always so for 32-bit lanes and thresholds of 32-bit
    // terms, the rates of the law), in 128 bits otherwise, where they always fit.
    [[nodiscard]] constexpr std::strong_ordering comparer(fraction seuil) const noexcept {
        const std::int64_t p = points;
        const std::int64_t w = defini() ? std::int64_t{poids} : 1;  // undefined: P = 0, the score 0
        std::int64_t gauche = 0;
        std::int64_t droite = 0;
        if (!__builtin_mul_overflow(p, seuil.den, &gauche) && !__builtin_mul_overflow(seuil.num, w, &droite)) {
            return seuil.den < 0 ? droite <=> gauche : gauche <=> droite;
        }
        const int128 g = int128{p} * seuil.den;
        const int128 d = int128{seuil.num} * w;
        return seuil.den < 0 ? d <=> g : g <=> d;
    }
    [[nodiscard]] constexpr bool inferieur(fraction seuil) const noexcept { return std::is_lt(comparer(seuil)); }
    [[nodiscard]] constexpr bool au_moins(fraction seuil) const noexcept { return std::is_gteq(comparer(seuil)); }

    // What an indicator earns, as the plan computed it once per status (gain_de at D).
    [[gnu::always_inline]] constexpr void ajouter(const gain<std::int64_t>& g) noexcept {
        points = static_cast<L>(points + g.points);
        poids = static_cast<L>(poids + g.poids);
    }
    // An indicator of integer weight W = poids x D and status s: the points are gain_de's, the
    // same rule as score_volet::ajouter's, at the common denominator.
    [[gnu::always_inline]] constexpr void ajouter(std::int64_t W, statut s, const politique_grille& pol) noexcept {
        ajouter(gain_de(s, W, pol));
    }
    // The sum of two scores (the overall score from the volets').
    constexpr void fusionner(const score_entier& autre) noexcept { ajouter({autre.points, autre.poids, true}); }
};

static_assert(representation_score<score_entier<std::int32_t>>);
static_assert(representation_score<score_entier<std::int64_t>>);

}  // namespace caqes
