// CAQES-E003, another way to break it: a successor scheme that starts before L.162-23-14 is in
// force on 2026-01-01.
// Location: caqes::enfreinte<caqes::regle::debut_hors_regime, caqes::lieu::modele

#include <caqes/successeur/dispositif.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<indicateur, 0> objectifs{};

inline constexpr dispositif_efficience_def def{
    .nom = "dispositif d'efficience",
    .fenetre = periode{ymd{2025, 12, 31}, ymd{2027, 1, 1}},
    .objectifs = objectifs,
};

struct dispositif : dispositif_efficience<def> {};
}  // namespace ex
