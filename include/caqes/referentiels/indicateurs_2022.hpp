#pragma once
// The national indicators 1 to 3 of the arrete of 2022-02-23 (annex), with their "or"
// conditions and strict comparators [C]. Indicators 4 to 7 have [U] referentiels and are not
// shipped: a grid that needs them supplies its own, labelled.
//
// - An establishment *meets* a referentiel when any one of its conditions holds; meeting it
//   means it is not targeted on that theme.
// - "Fewer than" and "below" are strict: comparateur::inferieur.
// - The measure used for targeting may differ from the target's: indicator 1 targets on boxes,
//   its target rate applies to spending.
// Validity: from the arrete's date to the repeal of L.162-30-2 and L.162-30-4 on 2027-01-01
// (LFSS 2026 art. 79); the arrete's own end was not read.
#include <caqes/indicateur/indicateur.hpp>

#include <array>

namespace caqes::referentiels {

inline constexpr reference_legale arrete_2022_02_23{"arrete du 23 fevrier 2022, annexe (indicateurs nationaux CAQES)",
                                                    "", "2022-02-23"};
inline constexpr periode validite_2022{ymd{2022, 2, 23}, ymd{2027, 1, 1}};

namespace mesures_2022 {
inline constexpr mesure<grandeur::nombre> boites_ipp{"boites_ipp"};
inline constexpr mesure<grandeur::montant> depense_ipp{"depense_ipp"};
inline constexpr mesure<grandeur::taux_evolution> evolution_depense_ipp{"evolution_depense_ipp"};

inline constexpr mesure<grandeur::montant> depense_perfadom{"depense_perfadom"};
inline constexpr mesure<grandeur::taux> part_diffuseurs_actifs{"part_diffuseurs_actifs"};
inline constexpr mesure<grandeur::taux_evolution> evolution_depense_perfadom{"evolution_depense_perfadom"};

inline constexpr mesure<grandeur::taux> part_ambulance{"part_ambulance"};
inline constexpr mesure<grandeur::montant> depense_ambulance{"depense_ambulance"};
}  // namespace mesures_2022

// 1. PHEV of proton-pump inhibitors: met with fewer than 8 500 boxes a year; target -5 % a
//    year of reimbursed spending.
inline constexpr indicateur indicateur_2022_ipp{
    .id = 202201,
    .code = "N2022-1",
    .libelle = "PHEV d'inhibiteurs de la pompe a protons (IPP)",
    .provenance = origine::nationale,
    .source = arrete_2022_02_23,
    .mesures = {{mesures_2022::boites_ipp.def(), mesures_2022::depense_ipp.def(),
                 mesures_2022::evolution_depense_ipp.def()}},
    .direction = sens::plus_bas_est_mieux,
    .objectif = viser(mesures_2022::evolution_depense_ipp, evolution_pourcent(-5)),
    .ref = en_referentiel(mesures_2022::boites_ipp < nombre_de(8'500)),
    .validite = validite_2022,
};

// 2. PHEV of home infusion systems (PERFADOM): met with spending below 100 000 EUR a year, or
//    a share of diffusion infusers and electric active systems below 80 %; target -5 % a year.
inline constexpr indicateur indicateur_2022_perfadom{
    .id = 202202,
    .code = "N2022-2",
    .libelle = "PHEV de systemes de perfusion a domicile (PERFADOM)",
    .provenance = origine::nationale,
    .source = arrete_2022_02_23,
    .mesures = {{mesures_2022::depense_perfadom.def(), mesures_2022::part_diffuseurs_actifs.def(),
                 mesures_2022::evolution_depense_perfadom.def()}},
    .direction = sens::plus_bas_est_mieux,
    .objectif = viser(mesures_2022::evolution_depense_perfadom, evolution_pourcent(-5)),
    .ref = mesures_2022::depense_perfadom < montant_euros(100'000) ||
           mesures_2022::part_diffuseurs_actifs < taux_pourcent(80),
    .validite = validite_2022,
};

// 3. Ambulance share of prescribed transport: met with an ambulance share of (ambulance + taxi
//    + VSL) below 20 %, or ambulance PHEV spending below 400 000 EUR a year. Target [U]: none.
inline constexpr indicateur indicateur_2022_ambulances{
    .id = 202203,
    .code = "N2022-3",
    .libelle = "Part des transports prescrits realises en ambulance",
    .provenance = origine::nationale,
    .source = arrete_2022_02_23,
    .mesures = {{mesures_2022::part_ambulance.def(), mesures_2022::depense_ambulance.def()}},
    .direction = sens::plus_bas_est_mieux,
    .ref = mesures_2022::part_ambulance < taux_pourcent(20) || mesures_2022::depense_ambulance < montant_euros(400'000),
    .validite = validite_2022,
};

inline constexpr std::array<indicateur, 3> indicateurs_nationaux_2022{
    {indicateur_2022_ipp, indicateur_2022_perfadom, indicateur_2022_ambulances}};

}  // namespace caqes::referentiels
