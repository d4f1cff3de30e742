// The decisions written once over an arithmetic (evaluation/realisation.hpp): a fixed-point
// column at a scale decides exactly as the fractions it stands for, and the mask form of the
// referentiel's rules and of the no/partial/yes scale decides as the rules say.
#include "alea.hpp"
#include "outils.hpp"

#include <caqes/evaluation/colonnes/noyaux.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

using namespace caqes;

namespace {

// The tests' reproducible generator (tests/support/alea.hpp).
using alea = essais::alea_essai;

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();

// One column type at one scale, for the property test: values in [bas, haut] (at the scale).
template <class T>
struct colonne {
    std::int64_t echelle;
    std::int64_t bas;
    std::int64_t haut;
    type_mesure type;
};

// For random targets and values, every direction and tolerance: the column's statut is the
// fraction's on value / scale. Returns the number of cases checked.
template <class T>
int comparer_cibles(const colonne<T>& col, alea& g, int tirages) {
    using AF = arith_fixe<T>;
    int cas = 0;
    const fraction tolerances[] = {{0, 1}, {5, 100}, {1, max64}};
    for (const sens dir : {sens::plus_haut_est_mieux, sens::plus_bas_est_mieux}) {
        for (const fraction tol : tolerances) {
            for (int t = 0; t < tirages; ++t) {
                const std::int64_t c = g.entre(col.bas, col.haut);
                const fraction cible = fraction{c, col.echelle}.normalisee();
                politique_grille pol{};
                pol.tolerance = tolerance::depuis(tol, "tolerance").valeur();
                const std::optional<cible_a<AF>> cx = cible_fixe<T>(cible, tol, dir, col.echelle);
                // 1/INT64_MAX is no integer at any scale: such a grid stays on the fractions.
                if (tol == fraction{1, max64}) {
                    REQUIRE_FALSE(cx.has_value());
                    continue;
                }
                // A tolerance that is no integer at the scale, or cible - tolerance out of a
                // byte: then the column refuses the target.
                if (!cx) {
                    if ((int128{tol.num} * col.echelle) % tol.den != 0) continue;
                    const std::int64_t t_ech = tol.num * col.echelle / tol.den;
                    const std::int64_t borne = dir == sens::plus_bas_est_mieux ? c + t_ech : c - t_ech;
                    REQUIRE((borne < std::numeric_limits<T>::min() || borne > std::numeric_limits<T>::max() ||
                             borne == AF::non_renseigne || borne == AF::non_concerne));
                    continue;
                }
                const cible_a<arith_fraction> cf = cible_fraction(cible, pol);
                // Random values, and the edges: the target, the bound, one step either side.
                const std::int64_t b = cx->borne;
                const std::int64_t bords[] = {c, c - 1, c + 1, b, b - 1, b + 1, g.entre(col.bas, col.haut)};
                for (const std::int64_t v : bords) {
                    if (v < col.bas || v > col.haut) continue;
                    const statut attendu = decisions::statut_par_cible<arith_fraction>(
                        fraction{v, col.echelle}.normalisee(), cf, dir, col.type);
                    const statut obtenu = decisions::statut_par_cible<AF>(static_cast<T>(v), *cx, dir, col.type);
                    if (attendu != obtenu) {
                        CAPTURE(v, c, col.echelle, tol.num, tol.den, static_cast<int>(dir));
                        REQUIRE(attendu == obtenu);
                    }
                    ++cas;
                }
            }
        }
    }
    return cas;
}

// For every comparator and random values and thresholds: one condition decides alike.
template <class T>
int comparer_conditions(const colonne<T>& col, alea& g, int tirages) {
    using AF = arith_fixe<T>;
    int cas = 0;
    for (const comparateur op : {comparateur::inferieur, comparateur::inferieur_ou_egal, comparateur::superieur,
                                 comparateur::superieur_ou_egal, comparateur::egal}) {
        for (int t = 0; t < tirages; ++t) {
            const std::int64_t s = g.entre(col.bas, col.haut);
            // Half the values near the threshold, so that equality is drawn often.
            const std::int64_t v =
                (t % 2 == 0) ? g.entre(col.bas, col.haut) : std::min(col.haut, std::max(col.bas, s + g.entre(-1, 1)));
            const fraction vf = fraction{v, col.echelle}.normalisee();
            const fraction sf = fraction{s, col.echelle}.normalisee();
            decisions::bilan_conjonction<arith_fraction> a{};
            decisions::noter_condition(a, valeur_mesure{etat_valeur::renseignee, col.type, vf}, op, sf);
            decisions::bilan_conjonction<AF> b{};
            decisions::noter_condition(b, static_cast<T>(v), op, static_cast<T>(s));
            if (a.toutes != (b.toutes != 0) || !a.complete || b.complete != 1) {
                CAPTURE(v, s, static_cast<int>(op));
                REQUIRE(a.toutes == (b.toutes != 0));
            }
            ++cas;
        }
    }
    return cas;
}

}  // namespace

TEST_CASE("arith_fixe at a scale decides every target and condition exactly as arith_fraction on v / scale",
          "[evaluation][arithmetique]") {
    alea g{20260416};
    int cas = 0;
    // Rates at 1/100 of a percent in int32, amounts in cents in int64 (near the limits too),
    // counts in int64, the no/partial/yes scale in a byte.
    const colonne<std::int32_t> taux{10'000, 0, 10'000, type_mesure::taux};
    const colonne<std::int32_t> taux_negatifs{10'000, -2'000'000'000, 2'000'000'000, type_mesure::taux};
    const colonne<std::int64_t> montants{100, -max64 / 2, max64 / 2, type_mesure::montant};
    const colonne<std::int64_t> nombres{100, 0, 100'000'000, type_mesure::nombre};
    const colonne<std::uint8_t> echelle{1, 0, 2, type_mesure::echelle};
    cas += comparer_cibles(taux, g, 1'500);
    cas += comparer_cibles(taux_negatifs, g, 1'500);
    cas += comparer_cibles(montants, g, 1'500);
    cas += comparer_cibles(nombres, g, 1'500);
    cas += comparer_cibles(echelle, g, 200);
    cas += comparer_conditions(taux, g, 2'000);
    cas += comparer_conditions(taux_negatifs, g, 2'000);
    cas += comparer_conditions(montants, g, 2'000);
    cas += comparer_conditions(echelle, g, 200);
    CHECK(cas > 60'000);
}

TEST_CASE("a tolerance the column cannot hold stays on the fractions, where signe_somme decides it",
          "[evaluation][arithmetique]") {
    // 1/INT64_MAX is no integer at the scale: no fixed-point target.
    CHECK_FALSE(cible_fixe<std::int64_t>({60, 100}, {1, max64}, sens::plus_haut_est_mieux, 10'000).has_value());
    // cible - tolerance does not fit 64 bits (the cible near the limit, a tolerance past it).
    const fraction cible{-max64 + 2, 1};
    CHECK_FALSE(cible_fixe<std::int64_t>(cible, entier(5), sens::plus_haut_est_mieux, 1).has_value());
    CHECK_FALSE(cible_fixe<std::int64_t>({max64 - 2, 1}, entier(5), sens::plus_bas_est_mieux, 1).has_value());
    // Nor a sentinel: INT32_MIN + 1 is "non concerne" in an int32 lane.
    CHECK_FALSE(cible_fixe<std::int32_t>({std::numeric_limits<std::int32_t>::min() + 1, 1}, entier(0),
                                         sens::plus_haut_est_mieux, 1)
                    .has_value());
    // The fractions decide those exactly. A target 0 with a tolerance of 1/INT64_MAX: -1/INT64_MAX
    // is partial (the boundary is included), -2/INT64_MAX is not met; 60 % - 1/10 000 is not
    // within 1/INT64_MAX of 60 %.
    politique_grille fin{};
    fin.tolerance = {1, max64};
    const cible_a<arith_fraction> c0 = cible_fraction(entier(0), fin);
    CHECK(decisions::statut_par_cible<arith_fraction>({-1, max64}, c0, sens::plus_haut_est_mieux,
                                                      type_mesure::nombre) == statut::partiel);
    CHECK(decisions::statut_par_cible<arith_fraction>({-2, max64}, c0, sens::plus_haut_est_mieux,
                                                      type_mesure::nombre) == statut::non_atteint);
    CHECK(decisions::statut_par_cible<arith_fraction>({1, max64}, c0, sens::plus_bas_est_mieux, type_mesure::nombre) ==
          statut::partiel);
    const cible_a<arith_fraction> c60 = cible_fraction({60, 100}, fin);
    CHECK(decisions::statut_par_cible<arith_fraction>({5'999, 10'000}, c60, sens::plus_haut_est_mieux,
                                                      type_mesure::taux) == statut::non_atteint);
    CHECK(decisions::statut_par_cible<arith_fraction>({3, 5}, c60, sens::plus_haut_est_mieux, type_mesure::taux) ==
          statut::atteint);
    // Targets 2 from the limits with a tolerance of 5, whose bounds do not fit: the value at the
    // target is met, the limit itself (2 past it) is partial.
    politique_grille cinq{};
    cinq.tolerance = {5, 1};
    const cible_a<arith_fraction> bas = cible_fraction(cible, cinq);
    CHECK(decisions::statut_par_cible<arith_fraction>(entier(-max64 + 2), bas, sens::plus_haut_est_mieux,
                                                      type_mesure::nombre) == statut::atteint);
    CHECK(decisions::statut_par_cible<arith_fraction>(entier(-max64), bas, sens::plus_haut_est_mieux,
                                                      type_mesure::nombre) == statut::partiel);
    const cible_a<arith_fraction> haut = cible_fraction({max64 - 2, 1}, cinq);
    CHECK(decisions::statut_par_cible<arith_fraction>(entier(max64), haut, sens::plus_bas_est_mieux,
                                                      type_mesure::nombre) == statut::partiel);
    CHECK(decisions::statut_par_cible<arith_fraction>(entier(max64 - 3), haut, sens::plus_bas_est_mieux,
                                                      type_mesure::nombre) == statut::atteint);
}

TEST_CASE("the no/partial/yes scale in a byte column: partial only for 'partiel' when the target is 'oui'",
          "[evaluation][arithmetique]") {
    using A = arith_fixe<std::uint8_t>;
    struct attendu {
        std::int64_t cible;
        sens dir;
        std::uint8_t v;
        statut s;
    };
    const sens haut = sens::plus_haut_est_mieux;
    const sens bas = sens::plus_bas_est_mieux;
    const attendu cas[] = {
        {2, haut, 2, statut::atteint}, {2, haut, 1, statut::partiel},    {2, haut, 0, statut::non_atteint},
        {1, haut, 2, statut::atteint}, {1, haut, 1, statut::atteint},    {1, haut, 0, statut::non_atteint},
        {0, bas, 0, statut::atteint},  {0, bas, 1, statut::non_atteint}, {0, bas, 2, statut::non_atteint},
        {2, bas, 1, statut::atteint},  {1, bas, 2, statut::non_atteint},
    };
    for (const attendu& a : cas) {
        CAPTURE(a.cible, static_cast<int>(a.dir), int{a.v});
        const std::optional<cible_a<A>> c = cible_fixe<std::uint8_t>(entier(a.cible), {0, 1}, a.dir, 1);
        REQUIRE(c.has_value());
        CHECK(decisions::statut_par_cible<A>(a.v, *c, a.dir, type_mesure::echelle) == a.s);
        CHECK(decisions::statut_par_cible<arith_fraction>(entier(a.v), cible_fraction(entier(a.cible), {}), a.dir,
                                                          type_mesure::echelle) == a.s);
        // The verdict's masks are 0 or 1, and "partiel" never goes with "atteint".
        const decisions::verdict<A> m = decisions::verdict_cible<A>(a.v, *c, a.dir, type_mesure::echelle);
        CHECK(m.atteint == (a.s == statut::atteint ? 1 : 0));
        CHECK(m.partiel == (a.s == statut::partiel ? 1 : 0));
    }
    // The sentinels of a byte lane, and their states.
    CHECK(A::non_renseigne == 0xFF);
    CHECK(A::non_concerne == 0xFE);
    CHECK(A::renseignee(2) == 1);
    CHECK(A::renseignee(0xFE) == 0);
    CHECK(A::vers_etat(0xFE) == etat_valeur::non_concernee);
    CHECK(A::vers_etat(0xFF) == etat_valeur::non_renseignee);
    CHECK(arith_fixe<std::int32_t>::vers_etat(std::numeric_limits<std::int32_t>::min()) == etat_valeur::non_renseignee);
}

namespace {

// The referentiel's rules as they were written before the masks (early returns), as the oracle.
struct reference {
    bool complet{true};
    bool atteint{false};
    etat_valeur manquant{etat_valeur::renseignee};
};
// A cell: 0..2 a value, 3 non concerne, 4 non renseigne.
constexpr int nc = 3;
constexpr int nr = 4;
etat_valeur etat_de(int x) {
    return x == nc ? etat_valeur::non_concernee : (x == nr ? etat_valeur::non_renseignee : etat_valeur::renseignee);
}
reference referentiel_reference(const std::vector<std::vector<int>>& conj, comparateur op, int seuil) {
    reference r{};
    for (const auto& c : conj) {
        bool toutes = true;
        bool complete = true;
        etat_valeur manquant = etat_valeur::renseignee;
        for (const int x : c) {
            if (!complete) break;  // the first missing measure ends the conjunction
            if (x >= nc) {
                complete = false;
                toutes = false;
                manquant = etat_de(x);
                break;
            }
            toutes = toutes && comparer(entier(x), op, entier(seuil));
        }
        r.atteint = r.atteint || toutes;
        if (!complete && r.complet) {
            r.complet = false;
            r.manquant = manquant;
        }
    }
    return r;
}
referentiel_etat etat_reference(const reference& r) {
    if (r.atteint) return referentiel_etat::atteint;
    return r.complet ? referentiel_etat::non_atteint : referentiel_etat::sans_objet;
}

template <class A>
decisions::bilan_referentiel<A> referentiel_masques(const std::vector<std::vector<int>>& conj, comparateur op,
                                                    int seuil) {
    decisions::bilan_referentiel<A> b{};
    for (const auto& c : conj) {
        decisions::bilan_conjonction<A> bc{};
        for (const int x : c) {
            if constexpr (std::is_same_v<A, arith_fraction>) {
                const valeur_mesure v = x == nc ? valeur_mesure::non_concernee()
                                        : x == nr
                                            ? valeur_mesure::non_renseignee()
                                            : valeur_mesure{etat_valeur::renseignee, type_mesure::nombre, entier(x)};
                decisions::noter_condition(bc, v, op, entier(seuil));
            } else {
                using T = typename A::cellule;
                const T v = x == nc ? A::non_concerne : (x == nr ? A::non_renseigne : static_cast<T>(x));
                decisions::noter_condition(bc, v, op, static_cast<T>(seuil));
            }
        }
        b.ajouter(bc);
    }
    return b;
}

}  // namespace

TEMPLATE_TEST_CASE("a condition's cell of any storage reads as a 32-bit state that stands for the cell's own state",
                   "[arithmetique][colonnes]", std::uint8_t, std::int32_t, std::int64_t) {
    // colonnes::arith_condition<T> carries every row's state in 32 bits, whatever T: its
    // vers_etat reads those, not T's sentinels (a byte column's 0xFE is no 32-bit sentinel).
    using A = colonnes::arith_condition<TestType>;
    using F = arith_fixe<TestType>;
    CHECK(A::vers_etat(A::etat_de(F::non_renseigne)) == etat_valeur::non_renseignee);
    CHECK(A::vers_etat(A::etat_de(F::non_concerne)) == etat_valeur::non_concernee);
    CHECK(A::vers_etat(A::etat_de(TestType{7})) == etat_valeur::renseignee);
    CHECK(A::etat_de(TestType{7}) == A::etat_renseigne);
}

TEST_CASE("referentiel in masks: the first missing measure decides, an 'ou' of conjunctions, as written before",
          "[evaluation][arithmetique][referentiel]") {
    // Exact cases first. "(a >= 1 et b >= 1) ou (c >= 1)":
    using AF = arith_fixe<std::int32_t>;
    auto etat_fixe = [](const std::vector<std::vector<int>>& conj) {
        const decisions::bilan_referentiel<AF> b = referentiel_masques<AF>(conj, comparateur::superieur_ou_egal, 1);
        return std::pair{b.etat(), AF::vers_etat(b.manquant)};
    };
    // One conjunction holds: met, whatever is missing elsewhere.
    CHECK(etat_fixe({{nr, 2}, {1}}).first == referentiel_etat::atteint);
    CHECK(etat_fixe({{2, 2}, {nc}}).first == referentiel_etat::atteint);
    // None holds, none missing: not met.
    CHECK(etat_fixe({{2, 0}, {0}}).first == referentiel_etat::non_atteint);
    // None holds and a measure is missing: undecided, with the first missing measure's state.
    CHECK(etat_fixe({{nc, nr}, {0}}) == std::pair{referentiel_etat::sans_objet, etat_valeur::non_concernee});
    CHECK(etat_fixe({{nr, nc}, {0}}) == std::pair{referentiel_etat::sans_objet, etat_valeur::non_renseignee});
    CHECK(etat_fixe({{2, 0}, {nr}}) == std::pair{referentiel_etat::sans_objet, etat_valeur::non_renseignee});
    CHECK(etat_fixe({{0, nc}, {nr}}) == std::pair{referentiel_etat::sans_objet, etat_valeur::non_concernee});
    // A failed condition before the missing one does not hide it (the conjunction is incomplete).
    CHECK(etat_fixe({{0, nr}}) == std::pair{referentiel_etat::sans_objet, etat_valeur::non_renseignee});

    // Then every referentiel of up to 2 conjunctions of up to 2 conditions, each cell a value
    // (below, at, above the threshold) or a state, for every comparator: fractions, int32 and
    // byte lanes all equal the early-return rules.
    int cas = 0;
    std::vector<std::vector<int>> formes;
    for (int a = 0; a < 5; ++a) {
        formes.push_back({a});
        for (int b = 0; b < 5; ++b)
            formes.push_back({a, b});
    }
    for (const comparateur op : {comparateur::inferieur, comparateur::inferieur_ou_egal, comparateur::superieur,
                                 comparateur::superieur_ou_egal, comparateur::egal}) {
        for (const auto& f1 : formes) {
            for (std::size_t k = 0; k <= formes.size(); ++k) {
                std::vector<std::vector<int>> conj{f1};
                if (k < formes.size()) conj.push_back(formes[k]);
                const reference r = referentiel_reference(conj, op, 1);
                const auto bf = referentiel_masques<arith_fraction>(conj, op, 1);
                const auto b32 = referentiel_masques<AF>(conj, op, 1);
                const auto b8 = referentiel_masques<arith_fixe<std::uint8_t>>(conj, op, 1);
                const bool ok = bf.etat() == etat_reference(r) && b32.etat() == etat_reference(r) &&
                                b8.etat() == etat_reference(r) && bf.manquant == r.manquant &&
                                AF::vers_etat(b32.manquant) == r.manquant &&
                                arith_fixe<std::uint8_t>::vers_etat(b8.manquant) == r.manquant;
                if (!ok) {
                    CAPTURE(static_cast<int>(op), f1, k);
                    REQUIRE(ok);
                }
                ++cas;
            }
        }
    }
    CHECK(cas == 5 * 30 * 31);
}
