// Fixed: the window opens on 2022-02-23, the date of the arrete that defines the indicator.

#include <caqes/contrat/modele.hpp>
#include <caqes/referentiels/indicateurs_2022.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<indicateur, 1> grille{{referentiels::indicateur_2022_ipp}};

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .grille = grille, .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 2, 23}, ymd{2023, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
