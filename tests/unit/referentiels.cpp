// The shipped data: dated 2017-2019 referentiel values and the 2022 national indicators, and
// the run-time validation of dated parameters.
#include "outils.hpp"

#include <string>
#include <utility>

using namespace caqes;
namespace ref = caqes::referentiels;

TEST_CASE("referentiels 2017-2019: the value in force on a day", "[referentiels]") {
    SECTION("transport growth: 2.2 % under both arretes") {
        const auto* v2018 = ref::croissance_transports::en_vigueur(ymd{2018, 6, 1});
        REQUIRE(v2018 != nullptr);
        CHECK(v2018->valeur == evolution_pourcent(22, 10));
        CHECK(v2018->valeur.valeur == fraction{22, 1000});
        CHECK(v2018->source.version == "2017-04-27");
        const auto* v2019 = ref::croissance_transports::en_vigueur(ymd{2019, 6, 1});
        REQUIRE(v2019 != nullptr);
        CHECK(v2019->valeur == evolution_pourcent(22, 10));
        CHECK(v2019->source.version == "2018-12-12");
    }
    SECTION("PHMEV + LPP growth: 4 % in 2018, 3.3 % in 2019, switching on 2018-12-12") {
        REQUIRE(ref::croissance_phmev_lpp::en_vigueur(ymd{2018, 6, 1}) != nullptr);
        CHECK(ref::croissance_phmev_lpp::en_vigueur(ymd{2018, 6, 1})->valeur == evolution_pourcent(4));
        CHECK(ref::croissance_phmev_lpp::en_vigueur(ymd{2018, 12, 11})->valeur == evolution_pourcent(4));
        REQUIRE(ref::croissance_phmev_lpp::en_vigueur(ymd{2019, 6, 1}) != nullptr);
        CHECK(ref::croissance_phmev_lpp::en_vigueur(ymd{2019, 6, 1})->valeur == evolution_pourcent(33, 10));
        CHECK(ref::croissance_phmev_lpp::en_vigueur(ymd{2018, 12, 12})->valeur == evolution_pourcent(33, 10));
    }
    SECTION("nothing before the first arrete, nothing from 2022-01-01") {
        CHECK(ref::croissance_transports::en_vigueur(ymd{2017, 4, 26}) == nullptr);
        CHECK(ref::croissance_transports::en_vigueur(ymd{2017, 4, 27}) != nullptr);
        CHECK(ref::croissance_transports::en_vigueur(ymd{2021, 12, 31}) != nullptr);
        CHECK(ref::croissance_transports::en_vigueur(ymd{2022, 1, 1}) == nullptr);
        CHECK(ref::croissance_phmev_lpp::en_vigueur(ymd{2022, 1, 1}) == nullptr);
    }
    SECTION("[U] values stay absent: no 2017 version where the domain file has none") {
        CHECK(ref::croissance_phmev_medicaments::en_vigueur(ymd{2018, 6, 1}) == nullptr);
        REQUIRE(ref::croissance_phmev_medicaments::en_vigueur(ymd{2019, 6, 1}) != nullptr);
        CHECK(ref::croissance_phmev_medicaments::en_vigueur(ymd{2019, 6, 1})->valeur == evolution_pourcent(32, 10));
        REQUIRE(ref::taux_prescription_generiques::en_vigueur(ymd{2020, 1, 1}) != nullptr);
        CHECK(ref::taux_prescription_generiques::en_vigueur(ymd{2020, 1, 1})->valeur == taux_pourcent(49));
        REQUIRE(ref::montant_transports::en_vigueur(ymd{2018, 1, 1}) != nullptr);
        CHECK(ref::montant_transports::en_vigueur(ymd{2018, 1, 1})->valeur == montant_euros(500'000));
    }
    SECTION("the shipped parameters also pass the run-time validation") {
        CHECK(validate(ref::donnees::croissance_transports).empty());
        CHECK(validate(ref::donnees::croissance_phmev_lpp).empty());
        CHECK(validate(ref::donnees::taux_prescription_generiques).empty());
    }
}

TEST_CASE("validate(parametre_def) at run time: E001, E002, E025", "[referentiels][parametre]") {
    // Built from run-time values, as a loader would.
    parametre_def<quantite<grandeur::taux>, 2> p{"plafond regional", {}};
    p.versions[0] = {periode{ymd{2020, 1, 1}, ymd{2021, 1, 1}}, taux_pourcent(30),
                     reference_legale{"arrete A", "", "2020-01-01"}};
    p.versions[1] = {periode{ymd{2021, 1, 1}, ymd{2022, 1, 1}}, taux_pourcent(50),
                     reference_legale{"arrete B", "", "2021-01-01"}};

    SECTION("accepted: consecutive versions meeting without a gap") {
        CHECK(validate(p).empty());
        CHECK(regles::versions_chronologiques(p));
        REQUIRE(p.en_vigueur(ymd{2020, 12, 31}) != nullptr);
        CHECK(p.en_vigueur(ymd{2020, 12, 31})->valeur == taux_pourcent(30));
        CHECK(p.en_vigueur(ymd{2021, 1, 1})->valeur == taux_pourcent(50));
    }
    SECTION("accepted: a gap between versions") {
        p.versions[1].validite.debut = ymd{2021, 6, 1};
        CHECK(validate(p).empty());
        CHECK(p.en_vigueur(ymd{2021, 3, 1}) == nullptr);
    }
    SECTION("E025: overlapping versions") {
        p.versions[1].validite.debut = ymd{2020, 12, 31};
        CHECK_FALSE(regles::versions_chronologiques(p));
        const violations vs = validate(p);
        INFO(outils::tout(vs));
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::parametre_chevauchant);
        CHECK(vs[0].lieu == "plafond regional.versions[1]");
        CHECK(outils::contient_texte(vs[0].detail, "2021-01-01"));
    }
    SECTION("E025: versions out of order") {
        std::swap(p.versions[0], p.versions[1]);
        const violations vs = validate(p);
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::parametre_chevauchant);
        CHECK(vs[0].lieu == "plafond regional.versions[1]");
    }
    SECTION("E002: an empty period") {
        p.versions[0].validite = periode{ymd{2020, 1, 1}, ymd{2020, 1, 1}};
        CHECK_FALSE(regles::versions_non_vides(p));
        const violations vs = validate(p);
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::periode_vide);
        CHECK(vs[0].lieu == "plafond regional.versions[0]");
    }
    SECTION("E001: an impossible date") {
        p.versions[1].validite.fin = ymd{2021, 2, 29};
        CHECK_FALSE(regles::versions_datees_valides(p));
        const violations vs = validate(p);
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::date_inexistante);
        CHECK(vs[0].lieu == "plafond regional.versions[1]");
        CHECK(vs[0].detail == "[2021-01-01, 2021-02-29)");
    }
}

TEST_CASE("the 2022 national indicators pass every indicator rule", "[referentiels][indicateur]") {
    for (const indicateur& i : ref::indicateurs_nationaux_2022) {
        INFO(i.code);
        CHECK(regles::dates_valides(i));
        CHECK(regles::validite_non_vide(i));
        CHECK(regles::valide_sur(i, periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31})));
        CHECK_FALSE(regles::valide_sur(i, periode{ymd{2022, 1, 1}, ymd{2023, 1, 1}}));
        CHECK(regles::applicable_a(i, toutes_activites));
        CHECK(regles::unites_coherentes(i));
        CHECK(regles::referentiel_bien_forme(i));
        CHECK(regles::origine_sourcee(i, regime_id::caqes_2022));
        CHECK(regles::poids_positif(i));
        CHECK(i.provenance == origine::nationale);
        CHECK(i.validite == ref::validite_2022);
        CHECK(i.direction == sens::plus_bas_est_mieux);
        // "moins de", "inferieur a": every comparator is strict.
        REQUIRE_FALSE(i.ref.vide());
        for (std::size_t k = 0; k < i.ref.taille; ++k) {
            for (std::size_t j = 0; j < i.ref.termes[k].taille; ++j) {
                CHECK(i.ref.termes[k].termes[j].op == comparateur::inferieur);
            }
        }
    }
}

TEST_CASE("the 2022 national indicators: thresholds, targets and text", "[referentiels][indicateur]") {
    CHECK(texte(ref::indicateur_2022_ipp.ref) == "boites_ipp < 8500");
    CHECK(ref::indicateur_2022_ipp.objectif.presente());
    CHECK(ref::indicateur_2022_ipp.objectif.mesure == "evolution_depense_ipp");
    CHECK(ref::indicateur_2022_ipp.objectif.valeur == pourcentage(-5));

    CHECK(texte(ref::indicateur_2022_perfadom.ref) == "depense_perfadom < 100000 EUR OR part_diffuseurs_actifs < 80 %");
    CHECK(ref::indicateur_2022_perfadom.ref.taille == 2);
    CHECK(ref::indicateur_2022_perfadom.objectif.valeur == pourcentage(-5));

    CHECK(texte(ref::indicateur_2022_ambulances.ref) == "part_ambulance < 20 % OR depense_ambulance < 400000 EUR");
    CHECK_FALSE(ref::indicateur_2022_ambulances.objectif.presente());  // target [U]: absent

    CHECK(ref::indicateurs_nationaux_2022[0].id != ref::indicateurs_nationaux_2022[1].id);
    CHECK(ref::indicateurs_nationaux_2022[1].id != ref::indicateurs_nationaux_2022[2].id);
}
