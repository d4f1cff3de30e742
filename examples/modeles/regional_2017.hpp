#pragma once
// An *illustrative* first-generation regional template, shared by the examples: the 2017
// national socle indicators were not retrieved (CAQES.md section 2), so every indicator here
// is `origine::illustrative` and every output that uses it says ILLUSTRATIF. Thresholds echo
// the 2017/2019 referentiel values where the domain file gives them (49 % generics, 2.2 %
// transport growth, 500 000 EUR of transport spending, 3.3 % PHMEV growth, 3.0 % liste en sus
// growth); the others are examples, and so are the weights.
//
// The socle covers every measure kind (montant, montant_signe, nombre, taux, taux_evolution,
// oui_non, echelle), so a batch input exercises every parsing path. Transports and pertinence
// carry an incentive as well as a sanction, as the Ile-de-France contracts offered [S].
#include <caqes/caqes.hpp>

#include <array>

namespace modeles {
using namespace caqes;

inline constexpr periode validite_2017{ymd{2017, 7, 1}, ymd{2022, 1, 1}};

inline constexpr mesure<grandeur::taux> taux_generiques{"taux"};
inline constexpr mesure<grandeur::echelle> informatisation{"niveau"};
inline constexpr mesure<grandeur::taux_evolution> evolution_phmev{"evolution"};
inline constexpr mesure<grandeur::taux_evolution> evolution_liste_en_sus{"evolution"};
inline constexpr mesure<grandeur::taux> analyse_pharmaceutique{"taux"};
inline constexpr mesure<grandeur::oui_non> plan_antibiotiques{"plan"};
inline constexpr mesure<grandeur::montant> depense_lpp{"depense"};
inline constexpr mesure<grandeur::taux_evolution> evolution_lpp{"evolution"};
inline constexpr mesure<grandeur::montant_signe> economies_generiques{"economies"};
inline constexpr mesure<grandeur::nombre> boites_hors_repertoire{"boites"};
inline constexpr mesure<grandeur::echelle> tracabilite{"niveau"};
inline constexpr mesure<grandeur::oui_non> management_qualite{"certifie"};
inline constexpr mesure<grandeur::taux> identification_prescripteur{"taux"};
inline constexpr mesure<grandeur::taux> biosimilaires{"taux"};

inline constexpr std::array<indicateur, 13> grille_socle{{
    {.id = 101,
     .code = "S01",
     .libelle = "prescriptions dans le repertoire des generiques",
     .provenance = origine::illustrative,
     .mesures = {{taux_generiques.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(taux_generiques, taux_pourcent(49)),
     .validite = validite_2017,
     .poids = {2, 1}},
    {.id = 102,
     .code = "S02",
     .libelle = "informatisation de la prescription",
     .provenance = origine::illustrative,
     .mesures = {{informatisation.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(informatisation, echelle_oui),
     .validite = validite_2017},
    {.id = 103,
     .code = "S03",
     .libelle = "evolution des PHMEV (prescriptions executees en ville)",
     .provenance = origine::illustrative,
     .mesures = {{evolution_phmev.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(evolution_phmev, evolution_pourcent(33, 10)),
     .validite = validite_2017,
     .poids = {2, 1}},
    {.id = 104,
     .code = "S04",
     .libelle = "evolution de la liste en sus",
     .provenance = origine::illustrative,
     .mesures = {{evolution_liste_en_sus.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(evolution_liste_en_sus, evolution_pourcent(3)),
     .validite = validite_2017},
    {.id = 105,
     .code = "S05",
     .libelle = "lignes de prescription avec analyse pharmaceutique",
     .provenance = origine::illustrative,
     .mesures = {{analyse_pharmaceutique.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(analyse_pharmaceutique, taux_pourcent(80)),
     .validite = validite_2017},
    {.id = 106,
     .code = "S06",
     .libelle = "plan d'actions sur le bon usage des antibiotiques",
     .provenance = origine::illustrative,
     .mesures = {{plan_antibiotiques.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(plan_antibiotiques, oui),
     .validite = validite_2017},
    // Two measures, no target: met when spending is small or its growth contained.
    {.id = 107,
     .code = "S07",
     .libelle = "depenses de produits et prestations (LPP)",
     .provenance = origine::illustrative,
     .mesures = {{depense_lpp.def(), evolution_lpp.def()}},
     .direction = sens::plus_bas_est_mieux,
     .ref = depense_lpp < montant_euros(200'000) || evolution_lpp <= evolution_pourcent(36, 10),
     .validite = validite_2017},
    {.id = 108,
     .code = "S08",
     .libelle = "economies sur les generiques (signees)",
     .provenance = origine::illustrative,
     .mesures = {{economies_generiques.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(economies_generiques, quantite<grandeur::montant_signe>{entier(0)}),
     .validite = validite_2017},
    {.id = 109,
     .code = "S09",
     .libelle = "boites prescrites hors repertoire",
     .provenance = origine::illustrative,
     .mesures = {{boites_hors_repertoire.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(boites_hors_repertoire, nombre_de(8'500)),
     .validite = validite_2017},
    {.id = 110,
     .code = "S10",
     .libelle = "tracabilite des dispositifs implantables",
     .provenance = origine::illustrative,
     .mesures = {{tracabilite.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(tracabilite, echelle_oui),
     .validite = validite_2017},
    {.id = 111,
     .code = "S11",
     .libelle = "systeme de management de la qualite de la prise en charge medicamenteuse",
     .provenance = origine::illustrative,
     .mesures = {{management_qualite.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(management_qualite, oui),
     .validite = validite_2017},
    {.id = 112,
     .code = "S12",
     .libelle = "prescriptions identifiant le prescripteur (RPPS)",
     .provenance = origine::illustrative,
     .mesures = {{identification_prescripteur.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(identification_prescripteur, taux_pourcent(90)),
     .validite = validite_2017},
    {.id = 113,
     .code = "S13",
     .libelle = "prescription de biosimilaires",
     .provenance = origine::illustrative,
     .mesures = {{biosimilaires.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(biosimilaires, taux_pourcent(20)),
     .validite = validite_2017},
}};

inline constexpr mesure<grandeur::taux_evolution> croissance_transports{"evolution"};
inline constexpr mesure<grandeur::montant> depense_transports{"depense"};
inline constexpr mesure<grandeur::taux> transports_assis{"taux"};

// Transports: the 2017 referentiel values; the grid's choice of combination is
// "growth <= 2.2 % OR spending < 500 000 EUR" ([U] in CAQES.md).
inline constexpr std::array<indicateur, 2> grille_transports{{
    {.id = 201,
     .code = "T01",
     .libelle = "transports prescrits (croissance ou montant)",
     .provenance = origine::illustrative,
     .mesures = {{croissance_transports.def(), depense_transports.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(croissance_transports, evolution_pourcent(22, 10)),
     .ref = croissance_transports <= evolution_pourcent(22, 10) || depense_transports < montant_euros(500'000),
     .validite = validite_2017,
     .poids = {2, 1}},
    {.id = 202,
     .code = "T02",
     .libelle = "part des transports assis",
     .provenance = origine::illustrative,
     .mesures = {{transports_assis.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(transports_assis, taux_pourcent(60)),
     .validite = validite_2017},
}};

inline constexpr mesure<grandeur::taux> chirurgie_ambulatoire{"taux"};
inline constexpr mesure<grandeur::nombre> actes_cibles{"actes"};
inline constexpr mesure<grandeur::taux> reentrees{"taux"};

inline constexpr std::array<indicateur, 3> grille_pertinence{{
    {.id = 301,
     .code = "P01",
     .libelle = "chirurgie ambulatoire",
     .provenance = origine::illustrative,
     .mesures = {{chirurgie_ambulatoire.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(chirurgie_ambulatoire, taux_pourcent(55)),
     .validite = validite_2017},
    {.id = 302,
     .code = "P02",
     .libelle = "actes cibles par le plan regional",
     .provenance = origine::illustrative,
     .mesures = {{actes_cibles.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(actes_cibles, nombre_de(1'200)),
     .validite = validite_2017},
    {.id = 303,
     .code = "P03",
     .libelle = "reentrees a 30 jours",
     .provenance = origine::illustrative,
     .mesures = {{reentrees.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(reentrees, taux_pourcent(8)),
     .validite = validite_2017},
}};

inline constexpr std::array<volet_modele, 3> volets_regional_2017{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille_socle, .clauses = sanction},
    {.volet = volet_id::volet_transports,
     .terme = duree_annees(3),
     .grille = grille_transports,
     .clauses = sanction | interessement},
    {.volet = volet_id::volet_pertinence,
     .terme = duree_annees(3),
     .grille = grille_pertinence,
     .clauses = sanction | interessement},
}};

// Contracts start from 2017-07-01 to 2018-12-31; a 3-year volet signed last ends by
// 2021-12-31, inside the regime, so no transition policy is needed.
inline constexpr modele_contrat_def def_regional_2017{
    .nom = "modele regional 2017 (illustratif)",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = volets_regional_2017,
};

struct regional_2017 : modele_contrat<def_regional_2017> {};

}  // namespace modeles
