// Fixed: the step asks exactly 1 %, the law's cap itself.

#include <caqes/evaluation/parametres.hpp>

namespace ex {
using namespace caqes;

inline constexpr parametres_evaluation parametres = [] {
    parametres_evaluation p{};
    p.p2017.paliers = {{{{1, 2}, {1, 100}}, {{3, 4}, {1, 200}}, {}}};
    return p;
}();

struct parametres_region : parametres_conformes<parametres> {};
}  // namespace ex
