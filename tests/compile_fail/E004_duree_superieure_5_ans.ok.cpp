// Fixed: the transports term is duree_annees(5); an explicit end passes at exactly five years too (duree_jusqu_a(ymd{2022, 7, 1}) from the 2017-07-01 window start) and fails one day later.

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_annees(5), .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 1, 1}},
    .volets = volets,
    .transition = politique_transition::arret_fin_regime,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
