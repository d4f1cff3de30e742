#pragma once
// The dense columnar layout, the result columns, and what the hand-written exact baselines
// over them share (docs/performance.md, "Dense columns and result columns"):
//
// - `colonnes_denses`: one column per measure of every indicator, fixed-point at the grid's
//   scale for the measure's type (gen_grids.py, `echelles`), "non concerne" and "non
//   renseigne" as sentinel values, plus the revenue, the savings per volet and the mask of the
//   volets in their term. Evaluation runs by blocks of `bloc` establishments.
// - `resultats_colonnes` (include/caqes/evaluation/colonnes/resultats.hpp, the library's result
//   columns, shared with the differential test): every field `caqes evaluate`'s CSV prints,
//   one column each; here with int32 score lanes.
// - `conclure_2017`: from the integer scores of a block to the proposals and totals of the
//   first generation with caqes::parametres_2017's defaults, written once for both baselines:
//   (a) every result column, (b) the two totals only. The indicator loops of each grid are
//   generated (gen_grids.py, `dense_cpp`).
//
// Exact: integer scores (points and weights in halves of a weight: "partiel" earns half),
// int64 cents, rates applied with truncation towards zero as caqes::appliquer_taux does. Where
// a sum or product could overflow it is checked; where it cannot, the comment says why.
#include <caqes/caqes.hpp>
#include <caqes/evaluation/colonnes/resultats.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <string>
#include <type_traits>
#include <vector>

namespace col {

// The result columns, their row and their comparison are the library's.
using namespace caqes::colonnes;

__extension__ using i128 = __int128;

enum class stockage : std::uint8_t { i32, i64, u8 };

// Sentinels: below every value for the signed columns, above every value for the bytes. A
// given value equal to a sentinel is rejected when the columns are built (`encoder`).
inline constexpr std::int32_t nr32 = std::numeric_limits<std::int32_t>::min();
inline constexpr std::int32_t nc32 = nr32 + 1;
inline constexpr std::int64_t nr64 = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t nc64 = nr64 + 1;
inline constexpr std::uint8_t nr8 = 0xFF;
inline constexpr std::uint8_t nc8 = 0xFE;

inline constexpr std::size_t bloc = 512;

// One column: which measure of which indicator (template order), and how it is stored: the
// value v is held as v x echelle, an exact integer.
struct colonne_dense {
    std::uint16_t indicateur;
    std::uint8_t mesure;
    caqes::type_mesure type;
    stockage st;
    std::uint16_t index;  // among the columns of its storage
    std::int64_t echelle;
};

struct colonnes_denses {
    std::size_t n{0};
    std::vector<std::vector<std::int32_t>> i32;
    std::vector<std::vector<std::int64_t>> i64;
    std::vector<std::vector<std::uint8_t>> u8;
    std::vector<std::int64_t> produits;                  // cents
    std::array<std::vector<std::int64_t>, 4> economies;  // cents; sans_montant: non renseignees
    std::vector<std::uint8_t> en_terme;                  // bit v: volet v's term covers the exercise
    // One batch is one exercise evaluated on one date: whether the regime's transition applies
    // is a property of the batch, not of each establishment.
    bool transition{false};
    // The same for the context the result columns repeat on every row: the exercise, the
    // contract year and the date of the rules (a serial day).
    std::int32_t exercice{0};
    std::int32_t annee_contrat{0};
    std::int32_t date_regles{0};

    void dimensionner(std::size_t taille, std::size_t n_i32, std::size_t n_i64, std::size_t n_u8) {
        n = taille;
        i32.assign(n_i32, std::vector<std::int32_t>(taille));
        i64.assign(n_i64, std::vector<std::int64_t>(taille));
        u8.assign(n_u8, std::vector<std::uint8_t>(taille));
        produits.assign(taille, 0);
        for (auto& c : economies)
            c.assign(taille, 0);
        en_terme.assign(taille, 0);
    }
    [[nodiscard]] std::size_t octets_par_etablissement() const noexcept {
        return 4 * i32.size() + 8 * i64.size() + u8.size() + 8 + 4 * 8 + 1;
    }
};

// The first generation's regime stops producing effects on 2022-01-01 (D.162-16 in its 2017
// version; caqes::decrire(regime_id::caqes_2017).fin_effets): past it, the template's
// transition policy applies and every output says so.
[[nodiscard]] inline bool transition_2017(int exercice, caqes::ymd date_evaluation) noexcept {
    const caqes::ymd fin{2022, 1, 1};
    return !(caqes::ymd{exercice, 1, 1} < fin) || !(date_evaluation < fin);
}

// Stores value `v` of column `c` for establishment `e`; false when it is not an exact integer
// at the column's scale, or does not fit its storage, or equals a sentinel: such a value is
// never rounded (the benchmark then stops: its data must fit the columns).
[[nodiscard]] inline bool encoder(const caqes::valeur_mesure& v, const colonne_dense& c, colonnes_denses& d,
                                  std::size_t e) {
    const bool nc = v.etat == caqes::etat_valeur::non_concernee;
    if (v.etat != caqes::etat_valeur::renseignee) {
        switch (c.st) {
            case stockage::i32:
                d.i32[c.index][e] = nc ? nc32 : nr32;
                return true;
            case stockage::i64:
                d.i64[c.index][e] = nc ? nc64 : nr64;
                return true;
            case stockage::u8:
                d.u8[c.index][e] = nc ? nc8 : nr8;
                return true;
        }
        return false;
    }
    if (v.v.den == 0) return false;
    i128 q = i128{v.v.num} * c.echelle;
    if (q % v.v.den != 0) return false;
    q /= v.v.den;
    switch (c.st) {
        case stockage::i32:
            if (q <= nc32 || q > std::numeric_limits<std::int32_t>::max()) return false;
            d.i32[c.index][e] = static_cast<std::int32_t>(q);
            return true;
        case stockage::i64:
            if (q <= nc64 || q > std::numeric_limits<std::int64_t>::max()) return false;
            d.i64[c.index][e] = static_cast<std::int64_t>(q);
            return true;
        case stockage::u8:
            if (q < 0 || q >= nc8) return false;
            d.u8[c.index][e] = static_cast<std::uint8_t>(q);
            return true;
    }
    return false;
}

// The result columns, with the score lanes of these grids.
using resultats = resultats_colonnes<std::int32_t>;

// Scores of one block, integer, in halves of a weight.
struct scores_bloc {
    alignas(64) std::array<std::array<std::int32_t, bloc>, 4> points;
    alignas(64) std::array<std::array<std::int32_t, bloc>, 4> poids;
    void zero(std::size_t n) noexcept {
        for (std::size_t v = 0; v < 4; ++v) {
            std::fill_n(points[v].begin(), n, 0);
            std::fill_n(poids[v].begin(), n, 0);
        }
    }
};

// The rates and thresholds of the conclusion below, fixed: caqes::parametres_2017's defaults and
// the law's caps, as constants the compiler folds (divisions by constants become multiplications).
struct taux_fixes {
    [[nodiscard]] static constexpr bool atteint(std::int32_t P, std::int32_t W) noexcept { return 4 * P >= 3 * W; }
    [[nodiscard]] static constexpr bool sous_palier_1(std::int32_t P, std::int32_t W) noexcept { return 2 * P < W; }
    [[nodiscard]] static constexpr bool sous_palier_2(std::int32_t P, std::int32_t W) noexcept { return 4 * P < 3 * W; }
    [[nodiscard]] static constexpr std::int64_t interessement(std::int64_t x) noexcept { return x / 5; }
    [[nodiscard]] static constexpr std::int64_t plafond_interessement(std::int64_t x) noexcept {
        return x / 10 * 3 + x % 10 * 3 / 10;
    }
    [[nodiscard]] static constexpr std::int64_t sanction_basse(std::int64_t x) noexcept { return x / 100; }
    [[nodiscard]] static constexpr std::int64_t sanction_haute(std::int64_t x) noexcept { return x / 200; }
    [[nodiscard]] static constexpr std::int64_t plafond_sanction(std::int64_t x) noexcept { return x / 100; }
    [[nodiscard]] static constexpr std::int64_t plafond_global(std::int64_t x) noexcept { return x / 20; }
};

// The same rates and thresholds read at run time, as `caqes evaluate` reads a contract's
// parameters from a file: exact fractions taken from a caqes::parametres_2017 (its two steps,
// its incentive rule) and from the law's table on the date of the rules (the D.162-16 caps),
// each amount x * num / den towards zero through the checked 64-bit product, 128 bits where it
// does not fit (as caqes::appliquer_taux). The thresholds compare P / W with num / den by
// cross-multiplication in 64 bits (P, W < 2^31 and num, den < 2^31: no overflow).
// A trial that replaced each division by a multiplication with the divisor's magic number,
// computed once per divisor (Granlund and Montgomery), was slower on the machine measured
// (docs/performance.md, "What folding the parameters is worth").
struct taux_variables {
    caqes::fraction seuil_interessement;
    caqes::fraction palier_1;
    caqes::fraction palier_2;
    caqes::fraction part_interessement;
    caqes::fraction cap_interessement;
    caqes::fraction taux_1;
    caqes::fraction taux_2;
    caqes::fraction cap_sanction;
    caqes::fraction cap_global;

    // The conclusion below has two steps of sanction: a third one would be a rule it does not
    // apply, so such parameters stop the benchmark.
    [[nodiscard]] static taux_variables de(const caqes::parametres_2017& p, caqes::ymd date_regles) noexcept {
        if (p.paliers[2].taux.positive()) {
            std::fputs("taux_variables: the dense conclusion applies two steps of sanction, not three\n", stderr);
            std::exit(1);
        }
        const caqes::lois_du_jour lois = caqes::lois_au(date_regles);
        auto cap = [&lois](caqes::constante_legale c) { return lois.constante(caqes::article_loi::d162_16, c).valeur; };
        return {p.seuil_interessement,
                p.paliers[0].seuil,
                p.paliers[1].seuil,
                p.part_interessement,
                cap(caqes::constante_legale::plafond_interessement),
                p.paliers[0].taux,
                p.paliers[1].taux,
                cap(caqes::constante_legale::plafond_sanction_volet),
                cap(caqes::constante_legale::plafond_sanction_global)};
    }

    [[nodiscard]] static bool inferieur(std::int32_t P, std::int32_t W, caqes::fraction f) noexcept {
        return std::int64_t{P} * f.den < f.num * std::int64_t{W};
    }
    [[nodiscard]] static std::int64_t appliquer(std::int64_t x, caqes::fraction f) noexcept {
        std::int64_t y = 0;
        if (!__builtin_mul_overflow(x, f.num, &y)) [[likely]]
            return y / f.den;
        return static_cast<std::int64_t>(i128{x} * f.num / f.den);  // |result| <= |x|: fits
    }
    [[nodiscard]] bool atteint(std::int32_t P, std::int32_t W) const noexcept {
        return !inferieur(P, W, seuil_interessement);
    }
    [[nodiscard]] bool sous_palier_1(std::int32_t P, std::int32_t W) const noexcept {
        return inferieur(P, W, palier_1);
    }
    [[nodiscard]] bool sous_palier_2(std::int32_t P, std::int32_t W) const noexcept {
        return inferieur(P, W, palier_2);
    }
    [[nodiscard]] std::int64_t interessement(std::int64_t x) const noexcept { return appliquer(x, part_interessement); }
    [[nodiscard]] std::int64_t plafond_interessement(std::int64_t x) const noexcept {
        return appliquer(x, cap_interessement);
    }
    [[nodiscard]] std::int64_t sanction_basse(std::int64_t x) const noexcept { return appliquer(x, taux_1); }
    [[nodiscard]] std::int64_t sanction_haute(std::int64_t x) const noexcept { return appliquer(x, taux_2); }
    [[nodiscard]] std::int64_t plafond_sanction(std::int64_t x) const noexcept { return appliquer(x, cap_sanction); }
    [[nodiscard]] std::int64_t plafond_global(std::int64_t x) const noexcept { return appliquer(x, cap_global); }
};

// First generation (D.162-16 III 1, 2017) with caqes::parametres_2017's illustrative defaults,
// folded as constants (T = taux_fixes) or read at run time (T = taux_variables, (a') only),
// the same rules as hw::conclure_2017 over integer scores P / W (halves of a weight):
// - incentive on a volet that provides it (bit v of I) when P / W >= 3/4: 20 % of savings,
//   capped at 30 % (the law's cap); savings non renseignees compute none; savings <= 0 give none;
// - else a sanction of 1 % of revenue when P / W < 1/2, 0.5 % when < 3/4, capped at 1 %;
// - then the 5 % overall cap on the sanctions, each scaled down in proportion.
// Branch-free but for the overall cap and the overflow check, which the data never takes: the
// thresholds fall at random, and a mispredicted branch per volet would cost more than the rule.
// Overflow: 4 P and 3 W fit 32 bits (a grid's weights sum to at most 6 per indicator, in
// halves); every rate is <= 1 and is applied without a wider product (x / 10 * 3 + x % 10 * 3 /
// 10 is x * 3 / 10 towards zero), or in 128 bits where x * num does not fit (taux_variables),
// so every amount fits; the sanctions' sum is at most 4 % of
// the revenue; the incentives' sum is at most 3 x 20 % of INT64_MAX in these grids (the socle
// has none), so it cannot overflow either; it is checked all the same (CAQES-E040, totals 0,
// as the toolkit does), as a grid with more incentive volets or a larger share would need.
// bench_evaluation.cpp (`verifier_cas_limites`) checks savings and revenue at the int64 limit.
// The data's contracts start on 2017-07-01 and cover the whole exercise 2019: no prorata.
// No decision is recorded in the benchmark data: the decided columns hold "none" and 0.
// Establishment debut + i goes to row debut_r + i of `r`: the baseline (a) writes a batch's
// columns (debut_r = debut), the hand-written pipeline of bench_e2e.cpp one block's (0).
template <bool complet, unsigned I, class T = taux_fixes>
[[gnu::always_inline]] inline void conclure_2017(const colonnes_denses& d, std::size_t debut, std::size_t n,
                                                 const scores_bloc& s, resultats* r, std::size_t debut_r,
                                                 std::int64_t* sanctions, std::int64_t* interessements,
                                                 const T& t = {}) noexcept {
    // (b) skips the volet caps, which cannot bind at the folded rates (below).
    static_assert(complet || std::is_same_v<T, taux_fixes>);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t e = debut + i;
        const std::int64_t produits = d.produits[e];
        const std::int64_t p100 = t.sanction_basse(produits);
        const std::int64_t p200 = t.sanction_haute(produits);
        const unsigned terme = d.en_terme[e];
        std::array<std::int64_t, 4> montant{};
        std::array<std::int64_t, 4> cap{};
        std::array<std::uint8_t, 4> nat{};
        std::array<std::uint8_t, 4> fl{};
        std::int64_t total_s = 0;  // at most 4 % of the revenue: no overflow
        std::int64_t total_i = 0;
        bool depasse = false;
        for (std::size_t v = 0; v < 4; ++v) {
            const std::int32_t P = s.points[v][i];
            const std::int32_t W = s.poids[v][i];
            const bool en_terme = ((terme >> v) & 1U) != 0;
            const bool defini = en_terme & (W > 0);
            const bool seuil_i = (((I >> v) & 1U) != 0) & t.atteint(P, W);
            const std::int64_t eco = d.economies[v][e];
            const bool eco_nr = eco == sans_montant;
            const bool inter = defini & seuil_i & (eco > 0);
            const bool palier_1 = t.sous_palier_1(P, W);
            const bool s1 = defini & !seuil_i & palier_1;
            const bool s2 = defini & !seuil_i & !palier_1 & t.sous_palier_2(P, W);
            // Every candidate computed, one kept by multiplying with 0 or 1: no branch to mispredict.
            std::int64_t voulu =
                std::int64_t{inter} * t.interessement(eco) + std::int64_t{s1} * p100 + std::int64_t{s2} * p200;
            nat[v] = static_cast<std::uint8_t>(2 * int{inter} + int{s1 | s2});
            // The volet caps cannot bind at these rates: for x >= 0, x / 5 <= x * 3 / 10 and
            // x / 200 <= x / 100 towards zero, so the amount is the one wanted; (a) still
            // writes each cap, and the check that it did not bind.
            if constexpr (complet) {
                cap[v] = inter ? t.plafond_interessement(eco) : (s1 | s2) ? t.plafond_sanction(produits) : 0;
                fl[v] = !en_terme                     ? std::uint8_t{hors_terme}
                        : (defini & seuil_i & eco_nr) ? std::uint8_t{economies_nr}
                        : nat[v] != 0                 ? std::uint8_t{illustratif}
                                                      : std::uint8_t{0};
                if (voulu > cap[v]) [[unlikely]] {
                    voulu = cap[v];
                    fl[v] |= plafond_atteint;
                }
            }
            montant[v] = voulu;
            total_s += std::int64_t{s1 | s2} * voulu;
            depasse |= __builtin_add_overflow(total_i, std::int64_t{inter} * voulu, &total_i);
        }
        std::uint8_t fe = d.transition ? transition : 0;
        // The 5 % overall cap cannot bind either: 4 x (p / 100) <= p / 20 towards zero, for a
        // revenue p >= 0 (validation rejects a negative one). The rule is kept as written, for
        // a grid whose rates would let it bind; the branch is never taken.
        const std::int64_t cap_global = t.plafond_global(produits);
        if (total_s > cap_global) [[unlikely]] {
            fe |= plafond_global;
            const std::int64_t avant = total_s;
            total_s = 0;
            for (std::size_t v = 0; v < 4; ++v) {
                if (nat[v] != 1) continue;
                montant[v] = static_cast<std::int64_t>(i128{montant[v]} * cap_global / avant);
                fl[v] |= plafond_atteint;
                total_s += montant[v];
            }
        }
        if (depasse) [[unlikely]] {
            fe |= erreur_totaux;
            total_s = 0;
            total_i = 0;
        }
        if constexpr (complet) {
            const std::size_t x = debut_r + i;
            r->exercice[x] = d.exercice;
            r->annee_contrat[x] = d.annee_contrat;
            r->produits[x] = produits;
            r->date_regles[x] = d.date_regles;
            for (std::size_t v = 0; v < 4; ++v) {
                const bool compte = ((terme >> v) & 1U) != 0;
                r->nature[v][x] = nat[v];
                r->drapeaux[v][x] = fl[v];
                r->propose[v][x] = montant[v];
                r->plafond[v][x] = cap[v];
                r->decide[v][x] = sans_montant;
                r->nature_decidee[v][x] = 0;  // no decision recorded
                r->points[v][x] = compte ? s.points[v][i] : 0;
                r->poids[v][x] = compte ? s.poids[v][i] : 0;
            }
            // No contract-level proposal: these parameters choose no liste en sus cut.
            for (std::size_t k = 0; k < propositions_contrat; ++k) {
                r->contrat_nature[k][x] = 0;
                r->contrat_drapeaux[k][x] = 0;
                r->contrat_propose[k][x] = 0;
                r->contrat_plafond[k][x] = 0;
                r->contrat_decide[k][x] = sans_montant;
                r->contrat_nature_decidee[k][x] = 0;
            }
            r->total_sanctions[x] = total_s;
            r->total_interessements[x] = total_i;
            r->total_sanctions_decidees[x] = 0;
            r->total_interessements_decides[x] = 0;
            r->drapeaux_etab[x] = fe;
        } else {
            sanctions[e] = total_s;
            interessements[e] = total_i;
        }
    }
}

// (c) a read of every byte of the dense layout: the memory-bandwidth bound of the baselines.
[[nodiscard]] inline std::uint64_t lecture_dense(const colonnes_denses& d) noexcept {
    std::uint64_t somme = 0;
    for (const auto& c : d.i32) {
        for (const std::int32_t x : c)
            somme += static_cast<std::uint32_t>(x);
    }
    for (const auto& c : d.i64) {
        for (const std::int64_t x : c)
            somme += static_cast<std::uint64_t>(x);
    }
    for (const auto& c : d.u8) {
        for (const std::uint8_t x : c)
            somme += x;
    }
    for (const std::int64_t x : d.produits)
        somme += static_cast<std::uint64_t>(x);
    for (const auto& c : d.economies) {
        for (const std::int64_t x : c)
            somme += static_cast<std::uint64_t>(x);
    }
    for (const std::uint8_t x : d.en_terme)
        somme += x;
    return somme;
}

}  // namespace col
