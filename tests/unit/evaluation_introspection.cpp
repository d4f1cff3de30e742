// Reports from typed structs through Boost.Hana (evaluation/introspection.hpp). The rejected
// cases (E027, E032) are compile-time errors: tests/compile_fail/E027_* and E032_*.
#include "catch.hpp"

#include <caqes/evaluation/introspection.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/referentiels/indicateurs_2022.hpp>

#include <optional>

using namespace caqes;

namespace {

struct valeurs_ipp {
    BOOST_HANA_DEFINE_STRUCT(valeurs_ipp, (quantite<grandeur::nombre>, boites_ipp),
                             (std::optional<quantite<grandeur::montant>>, depense_ipp),
                             (quantite<grandeur::taux_evolution>, evolution_depense_ipp));
};

// Members in another order than the indicator's measures, and one measure left out.
struct valeurs_perfadom {
    BOOST_HANA_DEFINE_STRUCT(valeurs_perfadom, (quantite<grandeur::taux>, part_diffuseurs_actifs),
                             (quantite<grandeur::montant>, depense_perfadom));
};

}  // namespace

TEST_CASE("valeurs_de maps each member to the measure of its name, with its kind", "[evaluation][introspection]") {
    constexpr saisie_indicateur v = valeurs_de<referentiels::indicateur_2022_ipp>(
        valeurs_ipp{nombre_de(8'499), montant_euros(250'000), evolution_pourcent(-6)});
    STATIC_REQUIRE(v.mesures[0].valeur.etat == etat_valeur::renseignee);
    STATIC_REQUIRE(v.mesures[0].valeur.type == type_mesure::nombre);
    STATIC_REQUIRE(v.mesures[0].valeur.v == entier(8'499));
    STATIC_REQUIRE(v.mesures[1].valeur.v == entier(25'000'000));  // cents
    STATIC_REQUIRE(v.mesures[2].valeur.v == pourcentage(-6));
    STATIC_REQUIRE(v.mesures[3].mesure.empty());  // no fourth measure: an unused slot
    STATIC_REQUIRE(v.indicateur == referentiels::indicateur_2022_ipp.code);
    STATIC_REQUIRE(v.mesures[0].mesure == referentiels::indicateur_2022_ipp.mesures[0].code);

    // The same values as a report the evaluator reads: 8 499 boxes meet "fewer than 8 500", and
    // -6 % meets the -5 % target.
    const resultat_indicateur r =
        evaluer_indicateur(referentiels::indicateur_2022_ipp, planifier(referentiels::indicateur_2022_ipp),
                           {{v.mesures[0].valeur, v.mesures[1].valeur, v.mesures[2].valeur}}, politique_grille{});
    CHECK(r.s == statut::atteint);
    CHECK(r.referentiel == referentiel_etat::atteint);
}

TEST_CASE("valeurs_de: an empty optional and a missing member are non renseigne", "[evaluation][introspection]") {
    // Built at run time, from values only known then.
    valeurs_ipp s{nombre_de(9'000), std::nullopt, evolution_pourcent(-1)};
    const saisie_indicateur v = valeurs_de<referentiels::indicateur_2022_ipp>(s);
    CHECK(v.mesures[1].valeur.etat == etat_valeur::non_renseignee);
    CHECK(v.mesures[0].valeur.v == entier(9'000));

    const saisie_indicateur p =
        valeurs_de<referentiels::indicateur_2022_perfadom>(valeurs_perfadom{taux_pourcent(79), montant_euros(150'000)});
    CHECK(p.mesures[0].valeur.v == entier(15'000'000));  // depense_perfadom is the indicator's first measure
    CHECK(p.mesures[1].valeur.v == pourcentage(79));
    CHECK(p.mesures[2].valeur.etat == etat_valeur::non_renseignee);  // evolution_depense_perfadom has no member
}
