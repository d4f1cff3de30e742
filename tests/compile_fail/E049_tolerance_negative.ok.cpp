// Fixed: a value within 5 points of rate of its target is partial.

#include <caqes/evaluation/realisation.hpp>

namespace ex {
using namespace caqes;

inline constexpr politique_grille politique{.tolerance = {5, 100}};
}  // namespace ex
