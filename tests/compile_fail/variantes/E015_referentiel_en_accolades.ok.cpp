// CAQES-E015, the fixed twin: the conjunction written with `&&`.
// A referentiel that holds when both conditions hold.

#include <caqes/contrat/modele.hpp>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::nombre> boites{"boites"};
inline constexpr mesure<grandeur::montant> depense{"depense"};

inline constexpr indicateur ind{.id = 1,
                                .code = "ILL-1",
                                .mesures = {{boites.def(), depense.def()}},
                                .ref = boites < nombre_de(8'500) && depense < montant_euros(100'000),
                                .validite = periode{ymd{2022, 2, 23}, ymd{2027, 1, 1}}};
}  // namespace ex
