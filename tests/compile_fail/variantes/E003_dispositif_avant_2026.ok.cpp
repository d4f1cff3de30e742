// Fixed: the scheme starts on 2026-01-01, when L.162-23-14 comes into force.

#include <caqes/successeur/dispositif.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<indicateur, 0> objectifs{};

inline constexpr dispositif_efficience_def def{
    .nom = "dispositif d'efficience",
    .fenetre = periode{ymd{2026, 1, 1}, ymd{2027, 1, 1}},
    .objectifs = objectifs,
};

struct dispositif : dispositif_efficience<def> {};
}  // namespace ex
