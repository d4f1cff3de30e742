// CAQES-E046, another way to break it: a compile-time parameter set made into validated
// parameters (parametres_valides::de<P>()) with a share out of [0, 1]. de<P>() checks P with
// parametres_conformes<P>, so the same diagnostic names the field.
// Location: parametre<caqes::champ_parametre::p2017_part_interessement, -1>

#include <caqes/evaluation/parametres_valides.hpp>

namespace ex {
using namespace caqes;

inline constexpr parametres_evaluation parametres = [] {
    parametres_evaluation p{};
    p.p2017.part_interessement = {-1, 5};
    return p;
}();

inline constexpr parametres_valides valides = parametres_valides::de<parametres>();
}  // namespace ex
