#pragma once
// The template and parameters of examples/indicateurs_2022.cpp (national indicators 1 to 3 of
// the arrete of 2022-02-23; the incentive formula is ILLUSTRATIF). In a header so that the JSON
// twin (examples/grilles/indicateurs_2022.json) can be compared with it
// (tests/unit/json_jumeaux.cpp).
#include <caqes/caqes.hpp>

#include <array>

namespace modeles::indicateurs_2022 {
using namespace caqes;

// --- The template ---------------------------------------------------------------------------
// How the seven themes map to the three volets is [U]: this template puts the IPP and
// PERFADOM indicators in the bon usage volet and the ambulance indicator in the organisation
// volet. The grids copy the shipped national indicators; nothing about them is re-typed.
inline constexpr std::array<indicateur, 2> grille_bon_usage{
    {referentiels::indicateur_2022_ipp, referentiels::indicateur_2022_perfadom}};
inline constexpr std::array<indicateur, 1> grille_organisation{{referentiels::indicateur_2022_ambulances}};

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_bon_usage,
     .terme = duree_annees(3),
     .grille = grille_bon_usage,
     .clauses = interessement},
    {.volet = volet_id::volet_organisation_soins,
     .terme = duree_annees(3),
     .grille = grille_organisation,
     .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele national 2022, indicateurs 1 a 3 (illustratif)",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
    .volets = volets,
};
struct modele_2022 : modele_contrat<def> {};  // compiles only if every rule holds

// --- The money parameters: an ILLUSTRATIVE national incentive formula --------------------------
// D.162-16 V 2 pays a national incentive "by the degree of achievement of the savings
// objectives, possibly revised downwards by the overall achievement"; the formula is [U].
// Here: half the savings of each volet, times the contract's overall score. No regional
// indicators, hence no regional envelope (D.162-16 V 1).
inline constexpr parametres_evaluation parametres = [] {
    parametres_evaluation p{};
    p.p2022.part_economies_nationale = {1, 2};
    p.p2022.revision_par_score = true;
    p.p2022.enveloppe_regionale = centimes{0};
    p.p2022.illustratif = true;
    return p;
}();

}  // namespace modeles::indicateurs_2022
