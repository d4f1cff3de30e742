// Fixed: the successor is written as what it is, a scheme of the law with its objectives.

#include <caqes/successeur/dispositif.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<indicateur, 0> objectifs{};

inline constexpr dispositif_efficience_def def{
    .nom = "dispositif d'efficience 2026",
    .fenetre = periode{ymd{2026, 1, 1}, ymd{2027, 1, 1}},
    .perimetre = activite_mco | activite_smr,
    .objectifs = objectifs,
    .clauses = dotation_complementaire,
};

struct dispositif : dispositif_efficience<def> {};
}  // namespace ex
