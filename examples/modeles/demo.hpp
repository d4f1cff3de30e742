#pragma once
// The two templates of examples/demo.cpp: an illustrative 2017 template (socle + transports)
// and a second-generation regional generation with the national indicators 1 to 3. In a
// header so that the JSON twins (examples/grilles/demo_2017.json, demo_2022.json) can be
// compared with them (tests/unit/json_jumeaux.cpp).
#include <caqes/caqes.hpp>

#include <array>

namespace modeles::demo {
using namespace caqes;

// --- A first-generation template (2017): socle + transports -------------------------------
inline constexpr mesure<grandeur::taux> taux_generiques{"taux_generiques"};
inline constexpr mesure<grandeur::echelle> informatisation{"informatisation_prescription"};
inline constexpr mesure<grandeur::taux_evolution> croissance_transports{"croissance_transports"};
inline constexpr mesure<grandeur::montant> depense_transports{"depense_transports"};

// [docs:grille-socle]
inline constexpr std::array<indicateur, 2> grille_socle{{
    {.id = 1,
     .code = "ILL-S1",
     .libelle = "taux de prescription dans le repertoire des generiques",
     .provenance = origine::illustrative,
     .mesures = {{taux_generiques.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(taux_generiques, taux_pourcent(49)),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
    {.id = 2,
     .code = "ILL-S2",
     .libelle = "informatisation de la prescription",
     .provenance = origine::illustrative,
     .mesures = {{informatisation.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(informatisation, echelle_oui),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
}};
// [docs:grille-socle]

// Transports: the 2017 referentiel values (2.2 % growth, 500 000 EUR). How they combine is [U]:
// this grid's choice is "met when growth <= 2.2 % OR spending < 500 000 EUR".
inline constexpr std::array<indicateur, 1> grille_transports{{
    {.id = 10,
     .code = "ILL-T1",
     .libelle = "transports prescrits (choix de combinaison de la grille)",
     .provenance = origine::illustrative,
     .mesures = {{croissance_transports.def(), depense_transports.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(croissance_transports, evolution_pourcent(22, 10)),
     .ref = croissance_transports <= evolution_pourcent(22, 10) || depense_transports < montant_euros(500'000),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
}};

// [docs:modele-2017]
inline constexpr std::array<volet_modele, 2> volets_2017{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille_socle, .clauses = sanction},
    {.volet = volet_id::volet_transports,
     .terme = duree_annees(4),
     .grille = grille_transports,
     .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def_2017{
    .nom = "modele regional 2017 (illustratif)",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = volets_2017,
    // A contract signed late in 2018 with a 4-year transports volet would run into 2022:
    // this template cuts the term at the regime's end.
    .transition = politique_transition::arret_fin_regime,
};

// Compiles only if every template rule holds.
struct modele_2017 : modele_contrat<def_2017> {};
// [docs:modele-2017]

// --- A second-generation regional generation: 2022-07-01 -> 2024-12-31 ---------------------
inline constexpr std::array<volet_modele, 1> volets_2022{{
    {.volet = volet_id::volet_pertinence_soins,
     .terme = duree_annees(5),
     .grille = referentiels::indicateurs_nationaux_2022,
     .clauses = interessement},
}};
inline constexpr modele_contrat_def def_2022{
    .nom = "generation regionale 2022-2024",
    .regime = regime_id::caqes_2022,
    .fenetre = periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31}),
    .volets = volets_2022,
    // 2022-07-01 + 5 years runs past 2027-01-01, when L.162-30-2 is repealed: the term is
    // kept as signed and flagged, since the transitional clause is [U].
    .transition = politique_transition::maintien_signale,
};
struct modele_2022 : modele_contrat<def_2022> {};

}  // namespace modeles::demo
