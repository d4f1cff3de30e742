// The indicator rules (caqes::regles of indicateur.hpp), run at run time on indicators built
// at run time, as a grid loaded from a file would be.
#include "outils.hpp"

#include <string>
#include <string_view>

using namespace caqes;

namespace {

// A well-formed regional indicator, built from run-time values (a loader's job).
indicateur indicateur_lu(std::string_view code_mesure, std::int64_t seuil_boites) {
    indicateur i{};
    i.id = 42;
    i.code = "R-42";
    i.libelle = "indicateur regional lu";
    i.provenance = origine::regionale;
    i.instances = instance_directeur_general_ars;  // valid from 2022: D.162-14 II 2
    i.mesures[0] = mesure_def{code_mesure, type_mesure::nombre};
    i.mesures[1] = mesure_def{"part", type_mesure::taux};
    i.direction = sens::plus_bas_est_mieux;
    i.objectif = cible{"part", type_mesure::taux, type_mesure::taux, pourcentage(30)};
    i.ref = en_referentiel(
        condition{code_mesure, type_mesure::nombre, comparateur::inferieur, type_mesure::nombre, entier(seuil_boites)});
    i.applicables = activite_mco | activite_smr;
    i.validite = periode{ymd{2022, 2, 23}, ymd{2027, 1, 1}};
    i.poids = fraction{1, 2};
    return i;
}

// Every predicate holds: the accepted case every test below departs from.
bool tout_tient(const indicateur& i) {
    return regles::dates_valides(i) && regles::validite_non_vide(i) && regles::unites_coherentes(i) &&
           regles::referentiel_bien_forme(i) && regles::origine_sourcee(i, regime_id::caqes_2022) &&
           regles::poids_positif(i);
}

}  // namespace

TEST_CASE("indicateur: the base run-time indicator passes every rule", "[indicateur]") {
    const indicateur i = indicateur_lu("boites", 8'500);
    CHECK(tout_tient(i));
    CHECK(i.nombre_mesures() == 2);
    REQUIRE(i.a_mesure("part"));
    CHECK(i.mesures[i.position("part")].type == type_mesure::taux);
    CHECK_FALSE(i.a_mesure("inconnue"));
    CHECK(i.position("inconnue") == mesures_max);
}

TEST_CASE("regles::dates_valides and validite_non_vide (E001, E002 on validity)", "[indicateur]") {
    indicateur i = indicateur_lu("boites", 1);
    i.validite = periode{ymd{2022, 2, 30}, ymd{2027, 1, 1}};
    CHECK_FALSE(regles::dates_valides(i));
    CHECK(regles::validite_non_vide(i));  // E001 reported instead

    i.validite = periode{ymd{2023, 1, 1}, ymd{2023, 1, 1}};
    CHECK(regles::dates_valides(i));
    CHECK_FALSE(regles::validite_non_vide(i));
}

TEST_CASE("regles::valide_sur (E012): in force over the whole period of use", "[indicateur]") {
    const indicateur i = indicateur_lu("boites", 1);
    CHECK(regles::valide_sur(i, periode{ymd{2022, 7, 1}, ymd{2025, 1, 1}}));
    CHECK(regles::valide_sur(i, i.validite));
    CHECK_FALSE(regles::valide_sur(i, periode{ymd{2022, 1, 1}, ymd{2023, 1, 1}}));  // starts before the arrete
    CHECK_FALSE(regles::valide_sur(i, periode{ymd{2026, 1, 1}, ymd{2027, 1, 2}}));  // one day past the end
}

TEST_CASE("regles::applicable_a (E013): meets the template's scope", "[indicateur]") {
    const indicateur i = indicateur_lu("boites", 1);  // MCO and SMR
    CHECK(regles::applicable_a(i, activite_mco));
    CHECK(regles::applicable_a(i, activite_psychiatrie | activite_smr));
    CHECK_FALSE(regles::applicable_a(i, activite_psychiatrie | activite_usld));
    CHECK_FALSE(regles::applicable_a(i, activites{}));
}

TEST_CASE("regles::unites_coherentes (E014) at run time", "[indicateur]") {
    indicateur i = indicateur_lu("boites", 1);
    REQUIRE(regles::unites_coherentes(i));

    SECTION("an untyped condition comparing a count with a rate") {
        i.ref = en_referentiel(
            condition{"boites", type_mesure::nombre, comparateur::inferieur, type_mesure::taux, pourcentage(20)});
        CHECK_FALSE(unite_coherente(i.ref.termes[0].termes[0]));
        CHECK_FALSE(regles::unites_coherentes(i));
    }
    SECTION("a condition whose kinds agree but are not the named measure's kind") {
        i.ref = en_referentiel(
            condition{"boites", type_mesure::taux, comparateur::inferieur, type_mesure::taux, pourcentage(20)});
        CHECK_FALSE(regles::unites_coherentes(i));
    }
    SECTION("a mixed-kind term deep inside a disjunction") {
        const condition bon{"boites", type_mesure::nombre, comparateur::inferieur, type_mesure::nombre, entier(5)};
        const condition mauvais{"part", type_mesure::taux, comparateur::inferieur, type_mesure::montant, entier(5)};
        i.ref = bon || (bon && mauvais);
        CHECK_FALSE(regles::unites_coherentes(i));
    }
    SECTION("a target whose value is not of its measure's kind") {
        i.objectif = cible{"part", type_mesure::taux, type_mesure::taux_evolution, pourcentage(-5)};
        CHECK_FALSE(regles::unites_coherentes(i));
    }
    SECTION("an unknown measure is not a unit problem (E015 reports it)") {
        i.ref = en_referentiel(
            condition{"inconnue", type_mesure::nombre, comparateur::inferieur, type_mesure::nombre, entier(5)});
        CHECK(regles::unites_coherentes(i));
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
}

TEST_CASE("regles::referentiel_bien_forme (E015) at run time", "[indicateur]") {
    indicateur i = indicateur_lu("boites", 8'500);
    REQUIRE(regles::referentiel_bien_forme(i));

    SECTION("an indicator without a referentiel, scored on its target only, is well formed") {
        i.ref = referentiel{};
        CHECK(regles::referentiel_bien_forme(i));
    }
    SECTION("neither a target nor a referentiel: nothing could meet it") {
        i.ref = referentiel{};
        i.objectif = cible{};
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
    SECTION("no measure at all") {
        i.mesures = {};
        i.objectif = cible{};
        i.ref = referentiel{};
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
    SECTION("two measures with one code") {
        i.mesures[2] = mesure_def{"boites", type_mesure::nombre};
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
    SECTION("a condition naming an unknown measure") {
        i.ref = en_referentiel(
            condition{"boite", type_mesure::nombre, comparateur::inferieur, type_mesure::nombre, entier(5)});
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
    SECTION("a target naming an unknown measure") {
        i.objectif.mesure = "parts";
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
    SECTION("a target outside its kind's domain") {
        i.objectif.valeur = pourcentage(150);
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
    SECTION("a threshold outside its kind's domain") {
        i.ref = en_referentiel(
            condition{"boites", type_mesure::nombre, comparateur::inferieur, type_mesure::nombre, fraction{17, 2}});
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
    SECTION("an empty conjunction") {
        i.ref = referentiel{}.ou(conjonction{});
        REQUIRE(i.ref.taille == 1);
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
    SECTION("a referentiel or a conjunction past its capacity") {
        const condition c = i.ref.termes[0].termes[0];
        referentiel r{};
        for (std::size_t k = 0; k <= conjonctions_max; ++k)
            r = r.ou(seule(c));
        i.ref = r;
        CHECK_FALSE(regles::referentiel_bien_forme(i));

        conjonction cj{};
        for (std::size_t k = 0; k <= conditions_max; ++k)
            cj = cj.et(c);
        i.ref = en_referentiel(cj);
        CHECK_FALSE(regles::referentiel_bien_forme(i));
    }
}

TEST_CASE("regles::origine_sourcee (E016) at run time", "[indicateur]") {
    constexpr regime_id r2022 = regime_id::caqes_2022;
    indicateur i = indicateur_lu("boites", 1);
    CHECK(regles::origine_sourcee(i, r2022));  // regional, with its bodies
    i.instances = {};
    CHECK_FALSE(regles::origine_sourcee(i, r2022));

    i.provenance = origine::nationale;
    CHECK_FALSE(regles::origine_sourcee(i, r2022));
    const std::string texte_arrete = "arrete du 23 fevrier 2022";
    i.source = reference_legale{texte_arrete, "", "2022-02-23"};
    CHECK(regles::origine_sourcee(i, r2022));

    i.provenance = origine::illustrative;
    i.source = {};
    CHECK(regles::origine_sourcee(i, r2022));  // labelled, needs no citation
}

TEST_CASE("regles::origine_sourcee (E016): the bodies each regime requires behind a regional indicator",
          "[indicateur]") {
    constexpr instances_regionales bodies_2017 =
        instance_ars | instance_assurance_maladie | instance_omedit | instance_federations_concertation;
    STATIC_REQUIRE(instances_requises(regime_id::caqes_2017) == bodies_2017);
    STATIC_REQUIRE(instances_requises(regime_id::caqes_2022) == instance_directeur_general_ars);
    STATIC_REQUIRE(instances_requises(regime_id::contrats_anterieurs).vide());
    STATIC_REQUIRE(instances_requises(regime_id::successeur_2026) == instance_directeur_general_ars);

    indicateur i = indicateur_lu("boites", 1);
    SECTION("2017: the ARS, the health insurance and the OMEDIT with the federations") {
        i.instances = bodies_2017;
        CHECK(regles::origine_sourcee(i, regime_id::caqes_2017));
        for (const instances_regionales manque :
             {instance_ars, instance_assurance_maladie, instance_omedit, instance_federations_concertation}) {
            INFO(nom(manque));
            i.instances = instances_regionales{static_cast<std::uint8_t>(bodies_2017.bits & ~manque.bits)};
            CHECK_FALSE(regles::origine_sourcee(i, regime_id::caqes_2017));
        }
        // The 2022 body alone is not the 2017 set.
        i.instances = instance_directeur_general_ars;
        CHECK_FALSE(regles::origine_sourcee(i, regime_id::caqes_2017));
    }
    SECTION("2022: the ARS director general") {
        i.instances = instance_directeur_general_ars;
        CHECK(regles::origine_sourcee(i, regime_id::caqes_2022));
        i.instances = instance_directeur_general_ars | instance_omedit;  // more bodies than required
        CHECK(regles::origine_sourcee(i, regime_id::caqes_2022));
        i.instances = bodies_2017;  // the 2017 set lacks the director general
        CHECK_FALSE(regles::origine_sourcee(i, regime_id::caqes_2022));
    }
    SECTION("a regime naming no body still needs one") {
        i.instances = {};
        CHECK_FALSE(regles::origine_sourcee(i, regime_id::contrats_anterieurs));
        i.instances = instance_ars;
        CHECK(regles::origine_sourcee(i, regime_id::contrats_anterieurs));
    }
    SECTION("successor: the ARS director general (L.162-23-14)") {
        i.instances = instance_ars;
        CHECK_FALSE(regles::origine_sourcee(i, regime_id::successeur_2026));
        i.instances = instance_directeur_general_ars;
        CHECK(regles::origine_sourcee(i, regime_id::successeur_2026));
    }
}

TEST_CASE("regles::poids_positif (E017) at run time", "[indicateur]") {
    indicateur i = indicateur_lu("boites", 1);
    CHECK(regles::poids_positif(i));
    i.poids = fraction{-1, -3};
    CHECK(regles::poids_positif(i));
    i.poids = fraction{0, 1};
    CHECK_FALSE(regles::poids_positif(i));
    i.poids = fraction{-1, 2};
    CHECK_FALSE(regles::poids_positif(i));
    i.poids = fraction{1, 0};
    CHECK_FALSE(regles::poids_positif(i));
}
