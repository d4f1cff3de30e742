// CAQES-E047: the grid's partial share is a `part`, in [0, 1] by construction. From literals it
// is checked when compiled (tests/compile_fail/E047_part_hors_domaine); at run time it is made
// by `part::depuis`, which refuses a share outside [0, 1] with a located violation.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <type_traits>

using namespace caqes;

TEST_CASE("part: a share in [0, 1] written in the code is constant and kept as written", "[evaluation][part]") {
    STATIC_REQUIRE(part{1, 3}.valeur() == fraction{1, 3});
    STATIC_REQUIRE(part{2, 6}.valeur().num == 2);  // not reduced: outputs stay as they were
    STATIC_REQUIRE(part{0, 1}.valeur() == fraction{0, 1});
    STATIC_REQUIRE(part{1, 1}.valeur() == fraction{1, 1});
    constexpr politique_grille tiers{.part_partielle = {1, 3}};
    STATIC_REQUIRE(realisation(statut::partiel, tiers) == fraction{1, 3});
    STATIC_REQUIRE(politique_grille{}.part_partielle.valeur() == fraction{1, 2});
}

TEST_CASE("part: at run time, a share in [0, 1] is accepted and one outside is CAQES-E047 at its place",
          "[evaluation][part]") {
    for (const fraction f : {fraction{0, 1}, fraction{1, 1}, fraction{2, 6}, fraction{-1, -2}}) {
        const resultat_validation<part> r = part::depuis(f, "politique.part_partielle");
        REQUIRE(r.ok());
        CHECK(r.valeur().valeur() == f);
    }
    for (const fraction f : {fraction{3, 2}, fraction{-1, 2}, fraction{1, 0}, fraction{0, 0}, fraction{1, -2}}) {
        const resultat_validation<part> r = part::depuis(f, "politique.part_partielle");
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.erreurs().size() == 1);
        CHECK(r.erreurs()[0].id == regle::part_hors_domaine);
        CHECK(r.erreurs()[0].lieu == "politique.part_partielle");
    }
}

TEST_CASE("part: a share of 3/2 or -1/2 cannot reach a score", "[evaluation][part]") {
    // The only ways to a `part` are the consteval constructor and part::depuis: no fraction
    // converts or assigns to one, so no policy holds an unchecked share.
    STATIC_REQUIRE_FALSE(std::is_constructible_v<part, fraction>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<fraction, part>);
    STATIC_REQUIRE_FALSE(std::is_assignable_v<part&, fraction>);
    CHECK_FALSE(part::depuis({3, 2}, "p").ok());
    CHECK_FALSE(part::depuis({-1, 2}, "p").ok());
    // Every share a policy can hold keeps a score in [0, 1]: the score of a grid of partial
    // indicators is the share itself.
    politique_grille pol{};
    for (std::int64_t n = 0; n <= 10; ++n) {
        pol.part_partielle = part::depuis({n, 10}, "p").valeur();
        score_volet s{};
        s.ajouter(entier(2), statut::partiel, pol, 0);
        s.ajouter(entier(1), statut::partiel, pol, 1);
        const auto v = s.valeur_verifiee();
        REQUIRE(v.ok);
        CHECK(v.f == fraction{n, 10}.normalisee());
        CHECK(fraction{0, 1} <= v.f);
        CHECK(v.f <= fraction{1, 1});
    }
}
