// Fixed: the indicator's bodies include the OMEDIT.

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::taux> generiques{"taux"};

inline constexpr std::array<indicateur, 1> grille{{
    {.id = 1,
     .code = "R-1",
     .libelle = "prescriptions dans le repertoire des generiques",
     .provenance = origine::regionale,
     .instances = instance_ars | instance_assurance_maladie | instance_omedit | instance_federations_concertation,
     .mesures = {{generiques.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(generiques, taux_pourcent(49)),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
}};

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille, .clauses = sanction},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
