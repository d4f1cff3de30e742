// Fixed: the template names politique_jour::fin_de_mois: 2020-02-29 + 1 year ends on 2021-02-28.

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_annees(1), .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017, generation 2020",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2020, 2, 29}, ymd{2021, 1, 1}},
    .volets = volets,
    .jours = politique_jour::fin_de_mois,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
