// Fixed: a partial indicator earns a third of its points.

#include <caqes/evaluation/realisation.hpp>

namespace ex {
using namespace caqes;

inline constexpr politique_grille politique{.part_partielle = {1, 3}};
}  // namespace ex
