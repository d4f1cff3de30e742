// Evaluation: targeting (ciblage) against the national 2022 referentiels, and what it entails
// per regime (D.162-14 I 2017: "peuvent proposer"; D.162-14 II 2022: "dans l'obligation de conclure").
#include "evaluation_modeles.hpp"
#include "outils.hpp"

using namespace caqes;
using outils::contient_texte;

namespace {

valeurs_indicateur ipp(std::int64_t boites) {
    return {{valeur_mesure::de(nombre_de(boites)), valeur_mesure::de(montant_euros(40'000)),
             valeur_mesure::de(evolution_pourcent(-2))}};
}
valeurs_indicateur perfadom(std::int64_t depense_euros, std::int64_t part) {
    return {{valeur_mesure::de(montant_euros(depense_euros)), valeur_mesure::de(taux_pourcent(part)),
             valeur_mesure::de(evolution_pourcent(0))}};
}
valeurs_indicateur ambulances(std::int64_t part, std::int64_t depense_euros) {
    return {{valeur_mesure::de(taux_pourcent(part)), valeur_mesure::de(montant_euros(depense_euros))}};
}

}  // namespace

TEST_CASE("cibler 2022: indicators 1 to 3 with their 'or' conditions, targeting obliges to conclude",
          "[evaluation][ciblage]") {
    const std::array<valeurs_indicateur, 3> v{ipp(8'500), perfadom(150'000, 79), ambulances(25, 450'000)};
    const resultat_ciblage c =
        cibler(regime_id::caqes_2022, referentiels::indicateurs_nationaux_2022, v, ymd{2023, 6, 1});
    CHECK(c.consequence == effet_ciblage::conclusion_obligatoire);
    CHECK(c.source.texte == "CSS D.162-14 II");
    CHECK(c.source.legi_id == "LEGIARTI000044102681");
    REQUIRE(c.themes.size() == 2);
    CHECK(c.themes[0].ind->id == 202201);  // 8 500 boxes: "fewer than" is strict
    CHECK(c.themes[0].etat == referentiel_etat::non_atteint);
    INFO(c.themes[0].pourquoi);
    CHECK(contient_texte(c.themes[0].pourquoi, "boites_ipp = 8500"));
    CHECK(contient_texte(c.themes[0].pourquoi, "met when boites_ipp < 8500"));
    CHECK(c.themes[1].ind->id == 202203);  // neither share < 20 % nor spending < 400 000 EUR
    CHECK(contient_texte(c.themes[1].pourquoi, "part_ambulance < 20 % OR depense_ambulance < 400000 EUR"));

    // One condition of each "or" met: nothing to target.
    const std::array<valeurs_indicateur, 3> ok{ipp(8'499), perfadom(99'999, 95), ambulances(40, 399'999)};
    CHECK(cibler(regime_id::caqes_2022, referentiels::indicateurs_nationaux_2022, ok, ymd{2023, 6, 1}).themes.empty());
}

TEST_CASE("cibler 2017: non-conformity only allows the ARS to propose additional volets", "[evaluation][ciblage]") {
    const std::array<indicateur, 1> transports{{referentiels::indicateur_2022_ambulances}};
    const std::array<valeurs_indicateur, 1> v{ambulances(30, 500'000)};
    const resultat_ciblage c = cibler(regime_id::caqes_2017, transports, v, ymd{2023, 6, 1});
    CHECK(c.consequence == effet_ciblage::proposition_possible);
    CHECK(c.source.texte == "CSS D.162-14 I");
    CHECK(c.source.legi_id == "LEGIARTI000034459855");
    CHECK(c.themes.size() == 1);
    CHECK(effet(regime_id::successeur_2026) == effet_ciblage::aucun);
}

TEST_CASE("cibler: referentiels not in force are skipped, missing values are listed as not assessable",
          "[evaluation][ciblage]") {
    const std::array<valeurs_indicateur, 3> v{ipp(9'000), perfadom(150'000, 90), ambulances(30, 500'000)};
    // Before the arrete of 2022-02-23.
    CHECK(cibler(regime_id::caqes_2022, referentiels::indicateurs_nationaux_2022, v, ymd{2022, 2, 22}).themes.empty());

    const std::array<valeurs_indicateur, 3> manque{
        ipp(100), perfadom(150'000, 90),
        valeurs_indicateur{{valeur_mesure::non_renseignee(), valeur_mesure::de(montant_euros(500'000))}}};
    const resultat_ciblage c =
        cibler(regime_id::caqes_2022, referentiels::indicateurs_nationaux_2022, manque, ymd{2023, 1, 1});
    REQUIRE(c.themes.size() == 2);
    CHECK(c.themes[0].ind->id == 202202);
    CHECK(c.themes[1].ind->id == 202203);
    CHECK(c.themes[1].etat == referentiel_etat::sans_objet);
    CHECK(contient_texte(c.themes[1].pourquoi, "part_ambulance = non renseigne"));
}
