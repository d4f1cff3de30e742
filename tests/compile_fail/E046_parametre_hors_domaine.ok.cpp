// Fixed: the share is 1/5 of the savings, within [0, 1] and the law's 30 %.

#include <caqes/evaluation/parametres.hpp>

namespace ex {
using namespace caqes;

inline constexpr parametres_evaluation parametres = [] {
    parametres_evaluation p{};
    p.p2017.part_interessement = {1, 5};
    return p;
}();

struct parametres_region : parametres_conformes<parametres> {};
}  // namespace ex
