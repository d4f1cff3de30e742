#pragma once
// The block kernels (docs/design-columnar.md, section 4.2): one indicator over the rows of a
// block, adding what each row earns to its volet's score (and the regional one) in integer
// lanes over the grid's common denominator (colonnes/score_entier.hpp).
//
// They decide nothing of their own: the target's decision is decisions::verdict_cible, the
// referentiel's decisions::noter_condition and bilan_referentiel (realisation.hpp), instantiated
// over a column's fixed-point arithmetic (arith_fixe<T>); what a status earns is the plan's
// gains, which the plan took from gain_de, the scalar score's rule. A kernel only selects among
// those gains with the verdict's masks. The coding rules of the design's section 6 hold here
// (masks, no early return, no widening in a target loop, the plan's values copied into locals),
// so that the target loop vectorises: CTest's bench.vectorisation checks the marked loops.
#include <caqes/evaluation/colonnes/plan.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/indicateur/indicateur.hpp>
#include <caqes/mesure/nature.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace caqes::colonnes {

// An indicator's gains (gains_indicateur, from gain_de at D) in the block's score lanes L. The
// plan chose L so that SW, hence every gain, fits it.
template <class L>
struct gains_voie {
    L poids, atteint, partiel, non_atteint, nc_points, nc_poids, nr_points, nr_poids;

    [[nodiscard]] static constexpr gains_voie de(const gains_indicateur& g) noexcept {
        return {static_cast<L>(g.poids),
                static_cast<L>(g.points_atteint),
                static_cast<L>(g.points_partiel),
                static_cast<L>(g.points_non_atteint),
                static_cast<L>(g.points_non_concerne),
                static_cast<L>(g.poids_non_concerne),
                static_cast<L>(g.points_non_renseigne),
                static_cast<L>(g.poids_non_renseigne)};
    }
};

// One row's gain, selected by masks (0 or 1): met, partial (when not met), non renseigne, non
// concerne. The five cases exclude one another, so the selections are or-ed.
template <class L>
[[gnu::always_inline]] inline void cumuler(std::int32_t atteint, std::int32_t partiel, std::int32_t nr, std::int32_t nc,
                                           const gains_voie<L>& g, L& points, L& poids) noexcept {
    const std::int32_t donne = (nr | nc) ^ 1;
    const L mA = L{0} - static_cast<L>(atteint & donne);
    const L mP = L{0} - static_cast<L>(partiel & (atteint ^ 1) & donne);
    const L mN = L{0} - static_cast<L>(((atteint | partiel) ^ 1) & donne);
    const L mR = L{0} - static_cast<L>(nr);
    const L mC = L{0} - static_cast<L>(nc);
    const L mD = L{0} - static_cast<L>(donne);
    points += (g.atteint & mA) | (g.partiel & mP) | (g.non_atteint & mN) | (g.nc_points & mC) | (g.nr_points & mR);
    poids += (g.poids & mD) | (g.nc_poids & mC) | (g.nr_poids & mR);
}

// An indicator decided by its target, over its column x (storage T), for rows [0, n). `D` and
// `Echelle` (the value is on a no/partial/yes scale) fix the decision's shape; the regional
// score gets the same gain when the indicator counts there.
template <sens D, bool Echelle, bool Regional, class T, class L>
[[gnu::noinline]] void noter_cible(const T* x, std::size_t n, const cible_a<arith_fixe<T>>& c, const gains_voie<L>& g,
                                   L* points, L* poids, L* points_regional, L* poids_regional) noexcept {
    using A = arith_fixe<T>;
    constexpr type_mesure type_valeur = Echelle ? type_mesure::echelle : type_mesure::taux;
    // Copied out of memory the result stores could alias: loop-invariant.
    const cible_a<A> c_ = c;
    const gains_voie<L> g_ = g;
    for (std::size_t i = 0; i < n; ++i) {  // vectorised: bench.vectorisation
        const T v = x[i];
        const decisions::verdict<A> r = decisions::verdict_cible<A>(v, c_, D, type_valeur);
        const std::int32_t nr = std::int32_t{v == A::non_renseigne};
        const std::int32_t nc = std::int32_t{v == A::non_concerne};
        cumuler(r.atteint, r.partiel, nr, nc, g_, points[i], poids[i]);
        if constexpr (Regional) cumuler(r.atteint, r.partiel, nr, nc, g_, points_regional[i], poids_regional[i]);
    }
}

// A cell of any storage as a 64-bit lane, its sentinel mapped to the 64-bit one: a referentiel
// compares measures held in columns of different storages, in one arithmetic.
template <class T>
[[nodiscard, gnu::always_inline]] inline std::int64_t en_64(T x) noexcept {
    using A = arith_fixe<T>;
    using A64 = arith_fixe<std::int64_t>;
    return x == A::non_renseigne ? A64::non_renseigne
                                 : (x == A::non_concerne ? A64::non_concerne : static_cast<std::int64_t>(x));
}

// The condition (a, b) of a referentiel: its column widened to 64 bits, its comparator and its
// threshold at the column's scale.
struct condition_colonne {
    const void* cellules{nullptr};
    stockage st{stockage::i64};
    comparateur op{comparateur::inferieur};
    std::int64_t seuil{0};

    [[nodiscard]] std::int64_t cellule(std::size_t i) const noexcept {
        switch (st) {
            case stockage::u8:
                return en_64(static_cast<const std::uint8_t*>(cellules)[i]);
            case stockage::i32:
                return en_64(static_cast<const std::int32_t*>(cellules)[i]);
            case stockage::i64:
                break;
        }
        return static_cast<const std::int64_t*>(cellules)[i];
    }
};

// An indicator without a target, decided by its referentiel: met when one conjunction holds;
// undecided when none holds and a measure is missing, which then counts as its first missing
// measure's state (evaluer_indicateur's rule, written once in decisions::).
template <class L>
[[gnu::noinline]] void noter_referentiel(
    const std::array<std::array<condition_colonne, conditions_max>, conjonctions_max>& conditions,
    const std::array<std::size_t, conjonctions_max>& tailles, std::size_t nombre, std::size_t n, const gains_voie<L>& g,
    bool regional, L* points, L* poids, L* points_regional, L* poids_regional) noexcept {
    using A = arith_fixe<std::int64_t>;
    for (std::size_t i = 0; i < n; ++i) {
        decisions::bilan_referentiel<A> b{};
        for (std::size_t k = 0; k < nombre; ++k) {
            decisions::bilan_conjonction<A> c{};
            for (std::size_t j = 0; j < tailles[k]; ++j) {
                const condition_colonne& cc = conditions[k][j];
                decisions::noter_condition<A>(c, cc.cellule(i), cc.op, cc.seuil);
            }
            b.ajouter(c);
        }
        const std::int32_t manque = (b.atteint | b.complet) ^ 1;
        const std::int32_t nr = manque & std::int32_t{b.manquant == A::non_renseigne};
        const std::int32_t nc = manque & std::int32_t{b.manquant == A::non_concerne};
        cumuler(b.atteint, std::int32_t{0}, nr, nc, g, points[i], poids[i]);
        if (regional) cumuler(b.atteint, std::int32_t{0}, nr, nc, g, points_regional[i], poids_regional[i]);
    }
}

}  // namespace caqes::colonnes
