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

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

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

// The arithmetic of one condition of a referentiel over a column of storage T, compared in T:
// the plan put its threshold in T's range (detail::a_l_echelle; a grid whose threshold does not
// fit goes to the scalar path, seuil_hors_colonne; a 64-bit column is read in 32 bits only when
// its thresholds fit, colonne_plan::etroite), so two T compare exactly, and lanes of 32
// bits or fewer vectorise on the baseline x86-64 target. A missing cell's state is carried as
// arith_fixe<int32>'s sentinels, whatever the column's storage, so that the conditions of one
// conjunction, over columns of different storages, share one 32-bit state per row. Only the
// reading of a cell's state, and of a state back (vers_etat), differ from arith_fixe<T>:
// decisions::noter_condition and bilan_referentiel::ajouter, the rules, are instantiated over it
// unchanged.
template <class T>
struct arith_condition : arith_fixe<T> {
    using etat = std::int32_t;
    static constexpr etat etat_renseigne = 0;
    static constexpr etat etat_non_renseigne = arith_fixe<std::int32_t>::non_renseigne;
    static constexpr etat etat_non_concerne = arith_fixe<std::int32_t>::non_concerne;

    [[nodiscard, gnu::always_inline]] static constexpr etat etat_de(T c) noexcept {
        const std::int32_t nr = std::int32_t{c == arith_fixe<T>::non_renseigne};
        const std::int32_t nc = std::int32_t{c == arith_fixe<T>::non_concerne};
        return (etat_non_renseigne & -nr) | (etat_non_concerne & -nc);
    }
    // The state a 32-bit state stands for: arith_fixe<T>'s own would read it as a T sentinel,
    // wrong for any storage but int32 (a byte column's 0xFE is no 32-bit sentinel).
    [[nodiscard]] static constexpr etat_valeur vers_etat(etat e) noexcept {
        return arith_fixe<std::int32_t>::vers_etat(e);
    }
};

// The arithmetic of a referentiel's state across its conditions: 32-bit masks and states.
using arith_bilan = arith_condition<std::int32_t>;

// The condition (a, b) of a referentiel: its column, its storage, its comparator and its
// threshold at the column's scale.
struct condition_colonne {
    const void* cellules{nullptr};
    stockage st{stockage::i64};
    comparateur op{comparateur::inferieur};
    std::int64_t seuil{0};
};

// A referentiel's state over the rows of a block: each row's decisions::bilan_referentiel and
// the decisions::bilan_conjonction of the conjunction being read, one 32-bit array per field
// (arith_bilan), so that each condition and each conjunction is one loop over the rows (the
// rules stay decisions'; a row's state is loaded into them and stored back). The caller owns
// it: one per block. The storage, the comparator and the width of the comparison are chosen
// once per condition and block, not per cell; the loops over 32-bit and byte columns vectorise,
// those over 64-bit ones do not on the baseline x86-64 target (SSE2 has no 64-bit signed
// compare).
struct bilans_referentiel {
    std::vector<std::int32_t> complet, atteint, toutes, complete, manquant, manquant_conjonction;

    explicit bilans_referentiel(std::size_t n)
            : complet(n), atteint(n), toutes(n), complete(n), manquant(n), manquant_conjonction(n) {}
};

namespace detail {

// Calls f with the comparator as a constant (std::integral_constant), so that each condition's
// loop is compiled for its comparator: a switch per row would stop it vectorising.
template <class F>
void selon_comparateur(comparateur op, F&& f) {
    switch (op) {
        case comparateur::inferieur:
            return f(std::integral_constant<comparateur, comparateur::inferieur>{});
        case comparateur::inferieur_ou_egal:
            return f(std::integral_constant<comparateur, comparateur::inferieur_ou_egal>{});
        case comparateur::superieur:
            return f(std::integral_constant<comparateur, comparateur::superieur>{});
        case comparateur::superieur_ou_egal:
            return f(std::integral_constant<comparateur, comparateur::superieur_ou_egal>{});
        case comparateur::egal:
            break;
    }
    f(std::integral_constant<comparateur, comparateur::egal>{});
}

// One condition of the conjunction being read, over column x (storage T), compared in T
// (arith_condition). The first condition of a conjunction starts from the empty conjunction
// rather than from arrays filled with it: one pass over the block less per conjunction.
template <comparateur Op, bool Premiere, class T>
[[gnu::noinline]] void noter_condition_bloc(const T* x, std::size_t n, T seuil, bilans_referentiel& b) noexcept {
    using A = arith_condition<T>;
    std::int32_t* toutes = b.toutes.data();
    std::int32_t* complete = b.complete.data();
    std::int32_t* manquant = b.manquant_conjonction.data();
    for (std::size_t i = 0; i < n; ++i) {
        decisions::bilan_conjonction<A> c{};
        if constexpr (!Premiere) c = {toutes[i], complete[i], manquant[i]};
        decisions::noter_condition<A>(c, x[i], Op, seuil);
        toutes[i] = c.toutes;
        complete[i] = c.complete;
        manquant[i] = c.manquant;
    }
}

// The conjunction just read, added to each row's referentiel; the first one to the empty
// referentiel. The six arrays are distinct (bilans_referentiel's fields): said with __restrict,
// since proving it at run time would take g++ more alias checks than it makes, and the loop
// would stay scalar.
template <bool Premiere>
[[gnu::noinline]] void ajouter_conjonction_lignes(std::size_t n, std::int32_t* __restrict complet,
                                                  std::int32_t* __restrict atteint, std::int32_t* __restrict manquant,
                                                  const std::int32_t* __restrict toutes,
                                                  const std::int32_t* __restrict complete,
                                                  const std::int32_t* __restrict manquant_c) noexcept {
    using A = arith_bilan;
    for (std::size_t i = 0; i < n; ++i) {  // vectorised: bench.vectorisation
        decisions::bilan_referentiel<A> r{};
        if constexpr (!Premiere) r = {complet[i], atteint[i], manquant[i]};
        r.ajouter(decisions::bilan_conjonction<A>{toutes[i], complete[i], manquant_c[i]});
        complet[i] = r.complet;
        atteint[i] = r.atteint;
        manquant[i] = r.manquant;
    }
}

template <bool Premiere>
void ajouter_conjonction_bloc(std::size_t n, bilans_referentiel& b) noexcept {
    ajouter_conjonction_lignes<Premiere>(n, b.complet.data(), b.atteint.data(), b.manquant.data(), b.toutes.data(),
                                         b.complete.data(), b.manquant_conjonction.data());
}

// What each row's referentiel earns: met when one conjunction holds; undecided when none holds
// and a measure is missing, which then counts as its first missing measure's state
// (evaluer_indicateur's rule, written once in decisions::).
template <bool Regional, class L>
[[gnu::noinline]] void cumuler_referentiel_bloc(std::size_t n, const bilans_referentiel& b, const gains_voie<L>& g,
                                                L* points, L* poids, L* points_regional, L* poids_regional) noexcept {
    using A = arith_bilan;
    const gains_voie<L> g_ = g;  // copied out of memory the result stores could alias
    const std::int32_t* complet = b.complet.data();
    const std::int32_t* atteint = b.atteint.data();
    const std::int32_t* manquant = b.manquant.data();
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t manque = (atteint[i] | complet[i]) ^ 1;
        const std::int32_t nr = manque & std::int32_t{manquant[i] == A::etat_non_renseigne};
        const std::int32_t nc = manque & std::int32_t{manquant[i] == A::etat_non_concerne};
        cumuler(atteint[i], std::int32_t{0}, nr, nc, g_, points[i], poids[i]);
        if constexpr (Regional) cumuler(atteint[i], std::int32_t{0}, nr, nc, g_, points_regional[i], poids_regional[i]);
    }
}

}  // namespace detail

// An indicator without a target, decided by its referentiel, over rows [0, n): each condition,
// then each conjunction, is one loop over the rows (the referentiel's shape is the plan's, known
// per block), through the rules of decisions:: (noter_condition, bilan_referentiel::ajouter).
// `b` is the block's scratch state.
template <class L>
void noter_referentiel(const std::array<std::array<condition_colonne, conditions_max>, conjonctions_max>& conditions,
                       const std::array<std::size_t, conjonctions_max>& tailles, std::size_t nombre, std::size_t n,
                       const gains_voie<L>& g, bool regional, L* points, L* poids, L* points_regional,
                       L* poids_regional, bilans_referentiel& b) noexcept {
    using A = arith_bilan;
    // A referentiel without conjunction, or a conjunction without condition (which
    // referentiel_bien_forme refuses), stays the empty one, as in the scalar rule.
    if (nombre == 0) {
        const decisions::bilan_referentiel<A> vide{};
        std::fill_n(b.complet.begin(), n, vide.complet);
        std::fill_n(b.atteint.begin(), n, vide.atteint);
        std::fill_n(b.manquant.begin(), n, vide.manquant);
    }
    for (std::size_t k = 0; k < nombre; ++k) {
        if (tailles[k] == 0) {
            const decisions::bilan_conjonction<A> vide{};
            std::fill_n(b.toutes.begin(), n, vide.toutes);
            std::fill_n(b.complete.begin(), n, vide.complete);
            std::fill_n(b.manquant_conjonction.begin(), n, vide.manquant);
        }
        for (std::size_t j = 0; j < tailles[k]; ++j) {
            const condition_colonne& cc = conditions[k][j];
            selon_stockage(cc.st, [&](auto t) {
                using T = decltype(t);
                const T* x = static_cast<const T*>(cc.cellules);
                // In T's range: the plan's (arith_condition).
                const T seuil = static_cast<T>(cc.seuil);
                detail::selon_comparateur(cc.op, [&](auto op) {
                    if (j == 0) return detail::noter_condition_bloc<decltype(op)::value, true, T>(x, n, seuil, b);
                    detail::noter_condition_bloc<decltype(op)::value, false, T>(x, n, seuil, b);
                });
            });
        }
        if (k == 0) {
            detail::ajouter_conjonction_bloc<true>(n, b);
        } else {
            detail::ajouter_conjonction_bloc<false>(n, b);
        }
    }
    if (regional) {
        detail::cumuler_referentiel_bloc<true>(n, b, g, points, poids, points_regional, poids_regional);
    } else {
        detail::cumuler_referentiel_bloc<false>(n, b, g, points, poids, points_regional, poids_regional);
    }
}

}  // namespace caqes::colonnes
