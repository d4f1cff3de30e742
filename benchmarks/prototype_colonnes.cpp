// A prototype for docs/design-columnar.md (issue 16, step 2; its section 6 gives the figures):
// the library's ONE definition of the target decision (decisions::verdict_cible and
// statut_par_cible over an arithmetic) and of the status -> points rule (gain_de), instantiated
// (1) over caqes::fraction (arith_fraction), as the scalar evaluators do, and (2) over an int32
// fixed-point column (arith_fixe<int32_t>), in a block loop whose plan is read at run time (a
// loaded grid) or given as constants (a compile-time grid). For one indicator (a rate >= 60 %,
// weight 2, 4 % non concerne, 3 % non renseigne, with or without a 5 % tolerance) it checks, on
// every establishment, that both instantiations, the scalar path (valeur_mesure, score_volet), the
// block kernels and the hand-written branch-free loop of gen_grids.py agree, then times them. The
// coding rules it found (masks, no early return, no widening, no bool struct, thresholds copied
// into locals) are the design's; the library's target kernel (colonnes/noyaux.hpp, commit 6) is
// checked against the prototype's and timed beside it, and its referentiel kernel against the
// target kernel on a one-condition referentiel. CTest's bench.vectorisation fails unless
// the loops marked "vectorised: bench.vectorisation" are vectorised, here and in the headers this
// file includes (benchmarks/verifier_vectorisation.py).
//
//   prototype_colonnes [N] [--tolerance]   check, then time (ns per establishment)
//   prototype_colonnes --verifier           check only, N = 20 000, both tolerances (CTest)
#include <caqes/caqes.hpp>
#include <caqes/evaluation/colonnes/noyaux.hpp>
#include <caqes/evaluation/colonnes/plan.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace proto {
using namespace caqes;

// The arithmetics (caqes::arith_fraction, caqes::arith_fixe<T>), the target at a column's scale
// (caqes::cible_a, caqes::cible_fixe), the decision (caqes::decisions::verdict_cible,
// statut_par_cible) and the status -> points rule (caqes::gain_de) are the library's: this file
// only adds the block kernels that commit 6 of the design will move into it.
using A32 = arith_fixe<std::int32_t>;

// The gains of an indicator under the grid's policy, the library's column plan's (gains_de, from
// the one rule gain_de over each statut, W = weight x D) in the int32 lanes of this prototype, so
// the block loop has no policy test.
struct gains {
    std::int32_t atteint, partiel, non_atteint, poids, nc_points, nc_poids, nr_points, nr_poids;
};
[[nodiscard]] constexpr gains gains_de(std::int64_t W, const politique_grille& pol) noexcept {
    const gains_indicateur g = caqes::gains_de(W, pol).value();
    auto i32 = [](std::int64_t x) { return static_cast<std::int32_t>(x); };
    return {
        i32(g.points_atteint),      i32(g.points_partiel),     i32(g.points_non_atteint),   i32(g.poids),
        i32(g.points_non_concerne), i32(g.poids_non_concerne), i32(g.points_non_renseigne), i32(g.poids_non_renseigne)};
}

inline constexpr std::int32_t nr32 = A32::non_renseigne, nc32 = A32::non_concerne;

// One establishment of the block: the verdict and the sentinels as lane masks; the gains of
// each statut were formed by gain_de when the grid was built. No statut byte: 32-bit lanes.
template <sens S, type_mesure TV>
[[gnu::always_inline]] inline void noter_un(std::int32_t v, const cible_a<A32>& c, const gains& g, std::int32_t& pts,
                                            std::int32_t& poids) noexcept {
    const decisions::verdict<A32> r = decisions::verdict_cible<A32>(v, c, S, TV);
    const std::int32_t nr = -std::int32_t{v == nr32}, nc = -std::int32_t{v == nc32}, donne = ~(nr | nc);
    const std::int32_t A = -r.atteint, P = ~A & -r.partiel, N = ~(A | P);
    pts +=
        (((g.atteint & A) | (g.partiel & P) | (g.non_atteint & N)) & donne) | (g.nc_points & nc) | (g.nr_points & nr);
    poids += (g.poids & donne) | (g.nc_poids & nc) | (g.nr_poids & nr);
}

// Loaded grid: thresholds and gains are run-time values of the indicator's plan, read once per
// block (one call per indicator per block through the kernel table).
template <sens S, type_mesure TV>
[[gnu::noinline]] void noter_bloc(const std::int32_t* x, std::size_t n, const cible_a<A32>& c, const gains& g,
                                  std::int32_t* pts, std::int32_t* poids) noexcept {
    // Copied out of memory the result stores could alias: loop-invariant.
    const cible_a<A32> c_ = c;
    const gains g_ = g;
    for (std::size_t i = 0; i < n; ++i)  // vectorised: bench.vectorisation
        noter_un<S, TV>(x[i], c_, g_, pts[i], poids[i]);
}
// Compile-time grid: the same kernel body with the plan as constants.
template <sens S, type_mesure TV, cible_a<A32> C, gains G>
[[gnu::noinline]] void noter_bloc_const(const std::int32_t* x, std::size_t n, std::int32_t* pts,
                                        std::int32_t* poids) noexcept {
    for (std::size_t i = 0; i < n; ++i)  // vectorised: bench.vectorisation
        noter_un<S, TV>(x[i], C, G, pts[i], poids[i]);
}

// Hand-written, branch-free (gen_grids.py's dense kernel for ">= T", default policy, no tolerance).
[[gnu::noinline]] void noter_main(const std::int32_t* x, std::size_t n, std::int32_t T, std::int32_t W,
                                  std::int32_t* pts, std::int32_t* poids) noexcept {
    for (std::size_t i = 0; i < n; ++i) {
        pts[i] += std::int32_t{x[i] >= T} * W;
        poids[i] += std::int32_t{x[i] != nc32} * W;
    }
}
// Hand-written with a tolerance (partial within tol below T).
[[gnu::noinline]] void noter_main_tol(const std::int32_t* x, std::size_t n, std::int32_t T, std::int32_t tol,
                                      std::int32_t W, std::int32_t Wp, std::int32_t* pts,
                                      std::int32_t* poids) noexcept {
    for (std::size_t i = 0; i < n; ++i) {
        const bool v = x[i] > nc32;
        pts[i] += std::int32_t{x[i] >= T} * W + std::int32_t{v & (x[i] < T) & (x[i] >= T - tol)} * Wp;
        poids[i] += std::int32_t{x[i] != nc32} * W;
    }
}

// The scalar path for the same indicator: valeur_mesure (fractions), the library's decisions over
// arith_fraction, score_volet per establishment.
[[gnu::noinline]] void noter_scalaire(const std::vector<valeur_mesure>& vals, fraction cible, fraction poids_ind,
                                      const politique_grille& pol, std::vector<score_volet>& scores) noexcept {
    for (std::size_t i = 0; i < vals.size(); ++i) {
        const valeur_mesure& v = vals[i];
        const resultat_indicateur r =
            v.etat != etat_valeur::renseignee
                ? decisions::sans_valeur(v.etat, pol, referentiel_etat::sans_objet)
                : decisions::decide(
                      decisions::statut_par_cible(v.v, cible, sens::plus_haut_est_mieux, type_mesure::taux, pol),
                      referentiel_etat::sans_objet, pol);
        scores[i].ajouter(poids_ind, r.s, pol, 1);
    }
}

}  // namespace proto

namespace {
std::uint64_t etat_alea = 0x9E3779B97F4A7C15ULL;
std::uint64_t alea() {
    std::uint64_t z = (etat_alea += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
template <class F>
double ns_par_etab(std::size_t n, int reps, F&& f) {
    std::vector<double> t;
    for (int r = 0; r < reps; ++r) {
        const auto a = std::chrono::steady_clock::now();
        f();
        const auto b = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::nano>(b - a).count() / static_cast<double>(n));
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}
}  // namespace

// Checks one data set (exit status 1 at the first difference), then times it when asked.
int executer(std::size_t n, bool avec_tol, bool chronometrer) {
    using namespace caqes;
    constexpr std::int64_t echelle = 10'000;  // rate column: 1/100 of a percent
    const fraction cible{60, 100};
    politique_grille pol{};
    if (avec_tol) pol.tolerance = {5, 100};
    const fraction tol = pol.tolerance;
    const fraction poids_ind{2, 1};
    // D = 2 (part_partielle 1/2, integer weights): W = 2 x 2, Wp = 2.
    const std::int32_t W = 4, Wp = 2;
    const proto::gains g = proto::gains_de(W, pol);
    const std::optional<cible_a<proto::A32>> cible_colonne =
        cible_fixe<std::int32_t>(cible, tol, sens::plus_haut_est_mieux, echelle);
    if (!cible_colonne) {
        std::printf("the target does not fit the column\n");
        return 1;
    }
    const cible_a<proto::A32> cx = *cible_colonne;

    std::vector<valeur_mesure> vals(n);
    std::vector<std::int32_t> col(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t r = alea() % 1000;
        if (r < 40) {
            vals[i] = valeur_mesure::non_concernee();
            col[i] = proto::nc32;
        } else if (r < 70) {
            vals[i] = valeur_mesure::non_renseignee();
            col[i] = proto::nr32;
        } else {
            const auto x = static_cast<std::int64_t>(alea() % 10'001);
            vals[i] = {etat_valeur::renseignee, type_mesure::taux, fraction{x, echelle}.normalisee()};
            col[i] = static_cast<std::int32_t>(x);
        }
    }
    // 1. The library's decision over fractions = over the int32 column, on every value.
    for (std::size_t i = 0; i < n; ++i) {
        if (vals[i].etat != etat_valeur::renseignee) continue;
        const statut a =
            decisions::statut_par_cible(vals[i].v, cible, sens::plus_haut_est_mieux, type_mesure::taux, pol);
        const statut c =
            decisions::statut_par_cible<proto::A32>(col[i], cx, sens::plus_haut_est_mieux, type_mesure::taux);
        if (a != c) {
            std::printf("MISMATCH statut at %zu\n", i);
            return 1;
        }
    }
    std::vector<score_volet> s1(n);
    std::vector<std::int32_t> pb(n, 0), wb(n, 0), pm(n, 0), wm(n, 0);
    proto::noter_scalaire(vals, cible, poids_ind, pol, s1);
    for (std::size_t d = 0; d < n; d += 512)
        proto::noter_bloc<sens::plus_haut_est_mieux, type_mesure::taux>(
            col.data() + d, std::min<std::size_t>(512, n - d), cx, g, pb.data() + d, wb.data() + d);
    if (avec_tol)
        proto::noter_main_tol(col.data(), n, 6000, cx.tolerance, W, Wp, pm.data(), wm.data());
    else
        proto::noter_main(col.data(), n, 6000, W, pm.data(), wm.data());
    // 2. Block (integer points over D = 2) = scalar (fractions) = hand-written, establishment by establishment.
    std::size_t partiels = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const fraction p{pb[i], 2}, w{wb[i], 2};
        if (!(s1[i].points == p && s1[i].poids == w && pm[i] == pb[i] && wm[i] == wb[i])) {
            std::printf("MISMATCH points at %zu\n", i);
            return 1;
        }
        partiels += pb[i] == Wp ? 1 : 0;
    }
    std::printf("identical: library<fraction> = library<int32 block> = hand on %zu values (%zu partial)\n", n,
                partiels);

    // 3. The same kernel with its plan as constants (a compile-time grid) = with its plan read at run time.
    constexpr cible_a<proto::A32> cx0 =
        *cible_fixe<std::int32_t>({60, 100}, {0, 1}, sens::plus_haut_est_mieux, echelle);
    constexpr cible_a<proto::A32> cx5 =
        *cible_fixe<std::int32_t>({60, 100}, {5, 100}, sens::plus_haut_est_mieux, echelle);
    constexpr proto::gains g0 = proto::gains_de(4, politique_grille{});
    auto bloc_const = [&](std::size_t d, std::size_t m) {
        if (avec_tol)
            proto::noter_bloc_const<sens::plus_haut_est_mieux, type_mesure::taux, cx5, g0>(
                col.data() + d, m, pm.data() + d, wm.data() + d);
        else
            proto::noter_bloc_const<sens::plus_haut_est_mieux, type_mesure::taux, cx0, g0>(
                col.data() + d, m, pm.data() + d, wm.data() + d);
    };
    auto bloc = [&](std::size_t d, std::size_t m) {
        proto::noter_bloc<sens::plus_haut_est_mieux, type_mesure::taux>(col.data() + d, m, cx, g, pb.data() + d,
                                                                        wb.data() + d);
    };
    std::fill(pm.begin(), pm.end(), 0);
    std::fill(wm.begin(), wm.end(), 0);
    std::fill(pb.begin(), pb.end(), 0);
    std::fill(wb.begin(), wb.end(), 0);
    for (std::size_t d = 0; d < n; d += 512) {
        bloc_const(d, std::min<std::size_t>(512, n - d));
        bloc(d, std::min<std::size_t>(512, n - d));
    }
    if (pm != pb || wm != wb) {
        std::printf("MISMATCH compile-time kernel\n");
        return 1;
    }
    std::printf("identical: the kernel with its plan as constants = with its plan read at run time\n");

    // 4. The library's target kernel (colonnes/noyaux.hpp, what evaluer_lot calls) = the
    // prototype's, in int32 lanes, and in int64 lanes with the regional score beside.
    const auto g32 = colonnes::gains_voie<std::int32_t>::de(caqes::gains_de(W, pol).value());
    const auto g64 = colonnes::gains_voie<std::int64_t>::de(caqes::gains_de(W, pol).value());
    std::vector<std::int32_t> pl(n, 0), wl(n, 0);
    std::vector<std::int64_t> pl64(n, 0), wl64(n, 0), pr64(n, 0), wr64(n, 0);
    auto bloc_lib = [&](std::size_t d, std::size_t m) {
        colonnes::noter_cible<sens::plus_haut_est_mieux, false, false>(
            col.data() + d, m, cx, g32, pl.data() + d, wl.data() + d, static_cast<std::int32_t*>(nullptr),
            static_cast<std::int32_t*>(nullptr));
    };
    for (std::size_t d = 0; d < n; d += 512) {
        bloc_lib(d, std::min<std::size_t>(512, n - d));
        colonnes::noter_cible<sens::plus_haut_est_mieux, false, true>(col.data() + d, std::min<std::size_t>(512, n - d),
                                                                      cx, g64, pl64.data() + d, wl64.data() + d,
                                                                      pr64.data() + d, wr64.data() + d);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (pl[i] != pb[i] || wl[i] != wb[i] || pl64[i] != pb[i] || wl64[i] != wb[i] || pr64[i] != pb[i] ||
            wr64[i] != wb[i]) {
            std::printf("MISMATCH the library's kernel at %zu\n", i);
            return 1;
        }
    }
    std::printf(
        "identical: the library's kernel (int32 lanes; int64 lanes and the regional score) = the prototype's\n");

    // 5. The library's referentiel kernel (colonnes::noter_referentiel) over the same column, one
    // condition "x >= 60 %": without a tolerance nothing is partial, so it earns what the target
    // kernel does, non concerne and non renseigne included (the missing measure's state). Its
    // loops are instantiated here for bench.vectorisation too.
    if (!avec_tol) {
        std::array<std::array<colonnes::condition_colonne, conditions_max>, conjonctions_max> conditions{};
        std::array<std::size_t, conjonctions_max> tailles{};
        tailles[0] = 1;
        colonnes::bilans_referentiel bilans(512);
        std::vector<std::int32_t> pr(n, 0), wr(n, 0);
        for (std::size_t d = 0; d < n; d += 512) {
            conditions[0][0] = {col.data() + d, stockage::i32, comparateur::superieur_ou_egal, 6000};
            colonnes::noter_referentiel(conditions, tailles, 1, std::min<std::size_t>(512, n - d), g32, false,
                                        pr.data() + d, wr.data() + d, static_cast<std::int32_t*>(nullptr),
                                        static_cast<std::int32_t*>(nullptr), bilans);
        }
        if (pr != pb || wr != wb) {
            std::printf("MISMATCH the library's referentiel kernel\n");
            return 1;
        }
        std::printf("identical: the library's referentiel kernel, one condition = the target kernel\n");
    }
    if (!chronometrer) return 0;

    const int reps = 7;
    const double t_scal = ns_par_etab(n, reps, [&] { proto::noter_scalaire(vals, cible, poids_ind, pol, s1); });
    const double t_bloc = ns_par_etab(n, reps, [&] {
        for (std::size_t d = 0; d < n; d += 512)
            bloc(d, std::min<std::size_t>(512, n - d));
    });
    const double t_const = ns_par_etab(n, reps, [&] {
        for (std::size_t d = 0; d < n; d += 512)
            bloc_const(d, std::min<std::size_t>(512, n - d));
    });
    const double t_main = ns_par_etab(n, reps, [&] {
        for (std::size_t d = 0; d < n; d += 512) {
            if (avec_tol)
                proto::noter_main_tol(col.data() + d, std::min<std::size_t>(512, n - d), 6000, cx.tolerance, W, Wp,
                                      pm.data() + d, wm.data() + d);
            else
                proto::noter_main(col.data() + d, std::min<std::size_t>(512, n - d), 6000, W, pm.data() + d,
                                  wm.data() + d);
        }
    });
    const double t_lib = ns_par_etab(n, reps, [&] {
        for (std::size_t d = 0; d < n; d += 512)
            bloc_lib(d, std::min<std::size_t>(512, n - d));
    });
    std::printf("N=%zu tolerance=%s ns/establishment, one indicator (median of %d):\n", n, avec_tol ? "5%" : "0", reps);
    std::printf("  scalar (valeur_mesure, fractions, score_volet):      %.2f\n", t_scal);
    std::printf("  block of 512, generic, plan read at run time:        %.3f\n", t_bloc);
    std::printf("  block of 512, same kernel, plan as constants:        %.3f\n", t_const);
    std::printf("  block of 512, hand-written branch-free:              %.3f\n", t_main);
    std::printf("  block of 512, the library's kernel (noyaux.hpp):     %.3f\n", t_lib);
    std::printf(
        "  run-time plan / hand: %.2f; constant plan / hand: %.2f; run-time / constant: %.2f; library / "
        "hand: %.2f\n",
        t_bloc / t_main, t_const / t_main, t_bloc / t_const, t_lib / t_main);
    // The results are read, so that no timed loop is removed as dead.
    return static_cast<int>(pb[n / 2] + pm[n / 3] + wb[n / 5] + wm[n / 7]) == -1 ? 1 : 0;
}

int main(int argc, char** argv) {
    std::size_t n = 1'000'000;
    bool tolerance = false;
    bool verifier = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--tolerance") {
            tolerance = true;
        } else if (a == "--verifier") {
            verifier = true;
        } else {
            n = std::strtoull(argv[i], nullptr, 10);
            if (n < 1'000) {
                std::fprintf(stderr, "prototype_colonnes: N must be at least 1000, got '%s'\n", argv[i]);
                return 2;
            }
        }
    }
    if (verifier) return executer(20'000, false, false) | executer(20'000, true, false);
    return executer(n, tolerance, true);
}
