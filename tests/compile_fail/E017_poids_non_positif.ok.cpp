// Fixed: the indicator's weight is 1.

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::nombre> boites_ipp{"boites_ipp"};
inline constexpr mesure<grandeur::montant> depense_perfadom{"depense_perfadom"};

inline constexpr std::array<indicateur, 1> grille{{
    {.id = 1,
     .code = "ILL-1",
     .libelle = "boites d'IPP prescrites",
     .mesures = {{boites_ipp.def()}},
     .objectif = viser(boites_ipp, nombre_de(8'000)),
     .validite = periode{ymd{2022, 2, 23}, ymd{2027, 1, 1}},
     .poids = {1, 1}},
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
