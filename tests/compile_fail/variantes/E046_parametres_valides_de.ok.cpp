// The fixed twin of E046_parametres_valides_de.fail.cpp: the incentive share is 1/5, within
// [0, 1] and its 30 % cap, so de<P>() gives the validated parameters.

#include <caqes/evaluation/parametres_valides.hpp>

namespace ex {
using namespace caqes;

inline constexpr parametres_evaluation parametres = [] {
    parametres_evaluation p{};
    p.p2017.part_interessement = {1, 5};
    return p;
}();

inline constexpr parametres_valides valides = parametres_valides::de<parametres>();
static_assert(valides->p2017.part_interessement == fraction{1, 5});
}  // namespace ex
