// CAQES-E014: a comparison mixes two kinds of measure
// Article: arrete of 2022-02-23, annex (each referentiel compares one measure with a threshold of the same unit)
// Meaning: A referentiel compares a measure with a threshold of the same kind: boxes with a number
// of boxes, spending with an amount. "Fewer than 8 500 boxes" written with montant_euros compares
// boxes with euros.
// Location: boites_ipp

#include <caqes/mesure/referentiel.hpp>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::nombre> boites_ipp{"boites_ipp"};

// "moins de 8 500 boites" (arrete of 2022-02-23, indicator 1).
inline constexpr condition moins_de_8500_boites = boites_ipp < montant_euros(8'500);
}  // namespace ex
