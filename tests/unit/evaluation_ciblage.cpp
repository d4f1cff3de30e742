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
    // The consequence and its citation follow the D.162-14 version in force on the day.
    const resultat_ciblage c = cibler(regime_id::caqes_2017, transports, v, ymd{2023, 6, 1});
    CHECK(c.themes.size() == 1);
    // 2023: the 2022 version is in force, a second-generation text: nothing for a 2017 contract,
    // and the source names the version in force (the 2017 text was cited before).
    CHECK(c.consequence == effet_ciblage::aucun);
    CHECK(c.source.legi_id == "LEGIARTI000044102681");
    // Under each first-generation version: the ARS may propose, citing I of that version.
    const ciblage_au_jour v2017 = ciblage_au(regime_id::caqes_2017, ymd{2019, 6, 1});
    CHECK(v2017.effet == effet_ciblage::proposition_possible);
    CHECK(v2017.source.texte == "CSS D.162-14 I");
    CHECK(v2017.source.legi_id == "LEGIARTI000034459855");
    const ciblage_au_jour v2020 = ciblage_au(regime_id::caqes_2017, ymd{2021, 6, 1});
    CHECK(v2020.effet == effet_ciblage::proposition_possible);
    CHECK(v2020.source.legi_id == "LEGIARTI000041969030");
    CHECK(ciblage_au(regime_id::caqes_2017, ymd{2020, 5, 24}).source.legi_id == "LEGIARTI000034459855");
    CHECK(ciblage_au(regime_id::caqes_2017, ymd{2020, 5, 25}).source.legi_id == "LEGIARTI000041969030");
    // A 2022 contract before its version: nothing.
    CHECK(ciblage_au(regime_id::caqes_2022, ymd{2021, 12, 31}).effet == effet_ciblage::aucun);
    CHECK(ciblage_au(regime_id::caqes_2022, ymd{2022, 1, 1}).effet == effet_ciblage::conclusion_obligatoire);
    // L.162-30-2, which D.162-14 applies, is repealed on 2027-01-01: no version, no consequence.
    const ciblage_au_jour abroge = ciblage_au(regime_id::caqes_2022, ymd{2027, 6, 1});
    CHECK(abroge.effet == effet_ciblage::aucun);
    CHECK(abroge.source.vide());
    CHECK(ciblage_au(regime_id::caqes_2022, ymd{2026, 12, 31}).effet == effet_ciblage::conclusion_obligatoire);
    CHECK(ciblage_au(regime_id::successeur_2026, ymd{2026, 6, 1}).effet == effet_ciblage::aucun);
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
