// Fixed: the socle is concluded for an indefinite term (duree_indeterminee); it ends with its regime.

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_annees(3), .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
