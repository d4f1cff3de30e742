// Fixed: the window ends with the regime, on 2022-01-01 (naming a politique_transition would
// also be accepted).

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_jusqu_a(ymd{2022, 1, 1}), .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017-2021",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
