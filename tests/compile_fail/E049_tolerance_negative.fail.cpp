// CAQES-E049: the grid's scoring policy gives a target a tolerance that is negative or no number
// Article: D.162-16 I 2 (LEGIARTI000034459834): the score measures the level of achievement; a tolerance widens a target's partial achievement, it cannot narrow it
// Meaning: A value within the tolerance of its target is partial rather than missed. A negative
// tolerance would narrow "met" instead, and was once read as none without a word. `tolerance`
// is checked when it is written: this does not compile.

#include <caqes/evaluation/realisation.hpp>

namespace ex {
using namespace caqes;

inline constexpr politique_grille politique{.tolerance = {-5, 100}};
}  // namespace ex
