// Fixed: the indicator declares part_diffuseurs_actifs, the second measure its referentiel uses.

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::montant> depense_perfadom{"depense_perfadom"};
inline constexpr mesure<grandeur::taux> part_diffuseurs_actifs{"part_diffuseurs_actifs"};

inline constexpr std::array<indicateur, 1> grille{{
    {.id = 1,
     .code = "ILL-2",
     .libelle = "PERFADOM",
     .mesures = {{depense_perfadom.def(), part_diffuseurs_actifs.def()}},
     .ref = depense_perfadom < montant_euros(100'000) || part_diffuseurs_actifs < taux_pourcent(80),
     .validite = periode{ymd{2022, 2, 23}, ymd{2027, 1, 1}}},
}};

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .grille = grille, .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
