// CAQES-E019: the template's scope of activities is empty or outside the regime's
// Article: L.162-23-14 (LEGIARTI000053271346): activities 1, 2 and 4 of L.162-22
// Meaning: A template covers a non-empty set of activities, all within its regime. The successor
// scheme of L.162-23-14 concerns MCO, psychiatry and SMR only: long-term care (USLD) is outside it.

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
    .perimetre = activite_mco | activite_smr | activite_usld,
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
