// CAQES-E017: an indicator's weight is not positive
// Article: D.162-16 I 2 (2017): complementary obligations weight the level of the outcome
// Meaning: Indicators weight the level of the outcome, so each weight must be strictly positive. A
// weight of zero (or less) would silently drop or invert the indicator; remove it from the grid
// instead.
// Location: caqes::enfreinte<caqes::regle::poids_non_positif, caqes::lieu::indicateur<caqes::lieu::volet<0, caqes::volet_id::volet_bon_usage>, 0, 'I', 'L', 'L', '-', '1'>

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
     .poids = {0, 1}},
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
