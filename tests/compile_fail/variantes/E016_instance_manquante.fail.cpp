// CAQES-E016, another way to break it: a first-generation regional indicator whose bodies lack
// the OMEDIT. In 2017 regional indicators are defined by the ARS, the health insurance and the
// OMEDIT in consultation with the hospital federations [S: ARS page]; the set must hold them all.
// Location: caqes::enfreinte<caqes::regle::origine_sans_source, caqes::lieu::indicateur<caqes::lieu::volet<0, caqes::volet_id::volet_socle>, 0, 'R', '-', '1'>

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
     .instances = instance_ars | instance_assurance_maladie | instance_federations_concertation,
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
