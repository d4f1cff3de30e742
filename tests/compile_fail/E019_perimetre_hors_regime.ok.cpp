// Fixed: activite_usld is removed from the successor template's scope.

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::dispositif_efficience, .terme = duree_annees(3), .clauses = dotation_complementaire},
}};

inline constexpr modele_contrat_def def{
    .nom = "dispositif d'efficience 2026",
    .regime = regime_id::successeur_2026,
    .fenetre = periode{ymd{2026, 1, 1}, ymd{2027, 1, 1}},
    .perimetre = activite_mco | activite_smr,
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
