#pragma once
// The template and parameters of examples/transports_2017.cpp (see that file for what is the
// law's and what is illustrative). In a header so that the JSON twin
// (examples/grilles/transports_2017.json) can be compared with it (tests/unit/json_jumeaux.cpp).
#include <caqes/caqes.hpp>

#include <array>

namespace modeles::transports_2017 {
using namespace caqes;

// --- 1. The referentiel values in force on the targeting day -------------------------------
// `en_vigueur` returns the version in force that day, or nullptr when there is none; the
// dereference is in a constant expression, so a day without a version does not compile.
inline constexpr ymd jour_ciblage{2017, 7, 1};
inline constexpr const auto& version_croissance = *referentiels::croissance_transports::en_vigueur(jour_ciblage);
inline constexpr const auto& version_montant = *referentiels::montant_transports::en_vigueur(jour_ciblage);
inline constexpr quantite<grandeur::taux_evolution> seuil_croissance = version_croissance.valeur;  // 2.2 %
inline constexpr quantite<grandeur::montant> seuil_depense = version_montant.valeur;               // 500 000 EUR

// --- 2. The grids ---------------------------------------------------------------------------
inline constexpr mesure<grandeur::taux> taux_generiques{"taux_generiques"};
inline constexpr mesure<grandeur::echelle> informatisation{"informatisation_prescription"};
inline constexpr mesure<grandeur::taux_evolution> croissance_transports{"croissance_transports"};
inline constexpr mesure<grandeur::montant> depense_transports{"depense_transports"};
inline constexpr mesure<grandeur::echelle> plan_transports{"plan_actions_transports"};

inline constexpr periode validite_grille{ymd{2017, 7, 1}, ymd{2022, 1, 1}};

// A tiny illustrative socle grid (the national socle indicators of 2017 were not retrieved).
inline constexpr std::array<indicateur, 2> grille_socle{{
    {.id = 1,
     .code = "ILL-S1",
     .libelle = "taux de prescription dans le repertoire des generiques",
     .provenance = origine::illustrative,
     .mesures = {{taux_generiques.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(taux_generiques, taux_pourcent(45)),
     .validite = validite_grille},
    {.id = 2,
     .code = "ILL-S2",
     .libelle = "informatisation de la prescription",
     .provenance = origine::illustrative,
     .mesures = {{informatisation.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(informatisation, echelle_oui),
     .validite = validite_grille},
}};

// The transports grid. ILL-T1 carries the national referentiel, with THE GRID'S CHOICE of
// combination: the establishment is targeted when growth > 2.2 % AND spending >= 500 000 EUR,
// i.e. it meets the referentiel when growth <= 2.2 % OR spending < 500 000 EUR. Its yearly
// target (growth at most 2.2 %) is illustrative too. The thresholds are the 2017 version's;
// the grid stays valid over the contract's years because the 2019 version (arrete of
// 2018-12-12) keeps the same values, which is checked here rather than assumed:
static_assert(referentiels::croissance_transports::en_vigueur(ymd{2019, 1, 1})->valeur == seuil_croissance &&
                  referentiels::montant_transports::en_vigueur(ymd{2019, 1, 1})->valeur == seuil_depense,
              "the 2019 transports referentiel differs from 2017: split ILL-T1 by version");
inline constexpr std::array<indicateur, 2> grille_transports{{
    {.id = 10,
     .code = "ILL-T1",
     .libelle = "croissance des depenses de transports prescrits (referentiel 2017)",
     .provenance = origine::illustrative,
     .mesures = {{croissance_transports.def(), depense_transports.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(croissance_transports, seuil_croissance),
     .ref = croissance_transports <= seuil_croissance || depense_transports < seuil_depense,
     .validite = validite_grille,
     .poids = {2, 1}},
    {.id = 11,
     .code = "ILL-T2",
     .libelle = "plan d'actions sur les prescriptions de transport",
     .provenance = origine::illustrative,
     .mesures = {{plan_transports.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(plan_transports, echelle_oui),
     .validite = validite_grille},
}};

// --- 3. The template ---------------------------------------------------------------------------
inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille_socle, .clauses = sanction},
    {.volet = volet_id::volet_transports,
     .terme = duree_annees(3),
     .grille = grille_transports,
     .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele transports 2017 (illustratif)",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 1, 1}},
    .volets = volets,
};
struct modele_transports_2017 : modele_contrat<def> {};  // compiles only if every rule holds

// --- 4. The money parameters ------------------------------------------------------------------
// Caps are the law's, looked up in the law table (droit/loi.hpp) at the date of the rules: they
// are no parameters. The scale and the incentive share are [U] and ILLUSTRATIF, and must stay
// within the law's caps: `parametres_conformes` checks it at compile time (CAQES-E050).
inline constexpr parametres_evaluation parametres = [] {
    parametres_evaluation p{};
    p.p2017.paliers = {{{.seuil = {1, 4}, .taux = {1, 100}},
                        {.seuil = {1, 2}, .taux = {3, 400}},
                        {.seuil = {3, 4}, .taux = {1, 200}}}};
    p.p2017.seuil_interessement = {3, 4};
    p.p2017.part_interessement = {20, 100};
    p.p2017.illustratif = true;
    return p;
}();
struct parametres_transports_2017 : parametres_conformes<parametres> {};  // compiles only within the law

}  // namespace modeles::transports_2017
