// Fixed: the threshold is a count of boxes, nombre_de(8'500), like the measure.

#include <caqes/mesure/referentiel.hpp>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::nombre> boites_ipp{"boites_ipp"};

// "moins de 8 500 boites" (arrete of 2022-02-23, indicator 1).
inline constexpr condition moins_de_8500_boites = boites_ipp < nombre_de(8'500);
}  // namespace ex
