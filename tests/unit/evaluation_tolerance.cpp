// CAQES-E049: the grid's tolerance is a `tolerance`, a number and not negative by construction.
// From literals it is checked when compiled (tests/compile_fail/E049_tolerance_negative); at run
// time it is made by `tolerance::depuis`, which refuses a negative one, or no number, with a
// located violation. A negative tolerance used to be read as none, silently.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <cstdint>
#include <limits>
#include <type_traits>

using namespace caqes;

TEST_CASE("tolerance: one written in the code is constant and kept as written, none by default",
          "[evaluation][tolerance]") {
    STATIC_REQUIRE(tolerance{5, 100}.valeur() == fraction{5, 100});
    STATIC_REQUIRE(tolerance{5, 100}.valeur().den == 100);  // not reduced
    STATIC_REQUIRE(tolerance{0, 1}.valeur() == fraction{0, 1});
    STATIC_REQUIRE_FALSE(tolerance{}.positive());
    STATIC_REQUIRE(politique_grille{}.tolerance.valeur() == fraction{0, 1});
    constexpr politique_grille cinq{.tolerance = {5, 100}};
    STATIC_REQUIRE(cinq.tolerance.positive());
}

TEST_CASE("tolerance: at run time, a negative one or no number is CAQES-E049 at its place", "[evaluation][tolerance]") {
    constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min();
    for (const fraction f : {fraction{0, 1}, fraction{5, 100}, fraction{-1, -2}, fraction{7, 1}}) {
        const resultat_validation<tolerance> r = tolerance::depuis(f, "politique.tolerance");
        REQUIRE(r.ok());
        CHECK(r.valeur().valeur() == f);
    }
    // Negative, no number, and a value whose lowest terms do not fit 64 bits (2^63).
    for (const fraction f :
         {fraction{-1, 100}, fraction{1, -100}, fraction{1, 0}, fraction{0, 0}, fraction{min64, -1}}) {
        const resultat_validation<tolerance> r = tolerance::depuis(f, "politique.tolerance");
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.erreurs().size() == 1);
        CHECK(r.erreurs()[0].id == regle::tolerance_hors_domaine);
        CHECK(r.erreurs()[0].lieu == "politique.tolerance");
        CHECK(outils::contient_texte(r.erreurs()[0].detail, "is negative or no number"));
    }
    CHECK(fiche(regle::tolerance_hors_domaine).code == "CAQES-E049");
}

TEST_CASE("tolerance: no fraction becomes one unchecked, so a negative tolerance cannot reach a score",
          "[evaluation][tolerance]") {
    STATIC_REQUIRE_FALSE(std::is_constructible_v<tolerance, fraction>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<fraction, tolerance>);
    STATIC_REQUIRE_FALSE(std::is_assignable_v<tolerance&, fraction>);
    // The tolerance a policy accepts widens the target: 47 % against a 49 % target with 2 points
    // is partial, missed without one.
    const indicateur& ind = evalmod::g_socle[0];
    const valeurs_indicateur v{{{etat_valeur::renseignee, type_mesure::taux, fraction{47, 100}}}};
    politique_grille pol{};
    CHECK(evaluer_indicateur(ind, planifier(ind), v, pol).s == statut::non_atteint);
    pol.tolerance = tolerance::depuis({2, 100}, "tolerance").valeur();
    CHECK(evaluer_indicateur(ind, planifier(ind), v, pol).s == statut::partiel);
}
