// CAQES-E019: the template's scope of activities is empty or outside the regime's
// Article: L.162-23-14 (LEGIARTI000053271346): activities 1, 2 and 4 of L.162-22
// Meaning: A template or scheme covers a non-empty set of activities, all within its regime. The
// successor scheme of L.162-23-14 concerns MCO, psychiatry and SMR only: long-term care (USLD) is
// outside it.
// Location: caqes::enfreinte<caqes::regle::perimetre_hors_regime, caqes::lieu::modele

#include <caqes/successeur/dispositif.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<indicateur, 0> objectifs{};

inline constexpr dispositif_efficience_def def{
    .nom = "dispositif d'efficience 2026",
    .fenetre = periode{ymd{2026, 1, 1}, ymd{2027, 1, 1}},
    .perimetre = activite_mco | activite_smr | activite_usld,
    .objectifs = objectifs,
};

struct dispositif : dispositif_efficience<def> {};
}  // namespace ex
