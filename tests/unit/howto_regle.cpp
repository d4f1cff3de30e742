// The test-only rule CAQES-E120 of docs/howto/add-a-rule.md (tests/unit/howto_regle.hpp),
// step 7: run-time tests for the accepted and the rejected case, the location included. Step 8,
// the build-failure pair, is tests/compile_fail/howto/E120_libelle_vide.{fail,ok}.cpp.
#include "howto_regle.hpp"
#include "outils.hpp"

#include <array>
#include <vector>

namespace {
using namespace caqes;

inline constexpr mesure<grandeur::taux> generiques{"taux_generiques"};
inline constexpr periode validite{ymd{2022, 2, 23}, ymd{2027, 1, 1}};
inline constexpr std::array<indicateur, 2> grille_ok{{
    {.id = 1,
     .code = "ILL-1",
     .libelle = "generiques",
     .mesures = {{generiques.def()}},
     .objectif = viser(generiques, taux_pourcent(50)),
     .validite = validite},
    {.id = 2,
     .code = "ILL-2",
     .libelle = "biosimilaires",
     .mesures = {{generiques.def()}},
     .objectif = viser(generiques, taux_pourcent(50)),
     .validite = validite},
}};
inline constexpr std::array<indicateur, 2> grille_sans_libelle{{
    {.id = 1,
     .code = "ILL-1",
     .libelle = "generiques",
     .mesures = {{generiques.def()}},
     .objectif = viser(generiques, taux_pourcent(50)),
     .validite = validite},
    {.id = 2,
     .code = "ILL-2",
     .libelle = "",
     .mesures = {{generiques.def()}},
     .objectif = viser(generiques, taux_pourcent(50)),
     .validite = validite},
}};
inline constexpr std::array<volet_modele, 1> volets_ok{
    {{.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .grille = grille_ok, .clauses = interessement}}};
inline constexpr std::array<volet_modele, 1> volets_sans_libelle{{{.volet = volet_id::volet_bon_usage,
                                                                   .terme = duree_annees(3),
                                                                   .grille = grille_sans_libelle,
                                                                   .clauses = interessement}}};
inline constexpr modele_contrat_def def_ok{.nom = "howto",
                                           .regime = regime_id::caqes_2022,
                                           .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
                                           .volets = volets_ok};
inline constexpr modele_contrat_def def_sans_libelle{.nom = "howto",
                                                     .regime = regime_id::caqes_2022,
                                                     .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
                                                     .volets = volets_sans_libelle};
}  // namespace

TEST_CASE("howto E120: an indicator with a label passes, one without is located at its volet and index") {
    STATIC_REQUIRE(howto::regles::libelle_renseigne(grille_ok[1]));
    STATIC_REQUIRE_FALSE(howto::regles::libelle_renseigne(grille_sans_libelle[1]));
    STATIC_REQUIRE(howto::modele_verifie<def_ok>::valide_howto);

    std::vector<caqes::lieu_modele> lieux;
    howto::parcourir(def_sans_libelle, [&lieux](caqes::regle r, caqes::lieu_modele l) {
        CHECK(r == howto::libelle_vide);
        lieux.push_back(l);
    });
    REQUIRE(lieux.size() == 1);
    CHECK(lieux[0].volet == 0);
    CHECK(lieux[0].indicateur == 1);
    // The location the compile-time checker carries is the same.
    constexpr caqes::lieu_enfreint l = howto::premier_lieu(def_sans_libelle);
    STATIC_REQUIRE(l.enfreint);
    STATIC_REQUIRE(l.volet == 0);
    STATIC_REQUIRE(l.indicateur == 1);
    // The catalogue row gives the id's code and words.
    CHECK(howto::fiche_libelle_vide.code == "CAQES-E120");
    CHECK(static_cast<unsigned>(howto::fiche_libelle_vide.id) == 120U);
}
