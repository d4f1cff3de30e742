// CAQES-E047: the grid's scoring policy gives a partial indicator a share outside [0, 1]
// Article: D.162-16 I 2 (LEGIARTI000034459834): the score measures the level of achievement; D.162-16 V 2 (LEGIARTI000044102658): the national incentive is revised downwards by the score
// Meaning: A partial indicator earns a share of its points. 3/2 would give it more than a met
// one, lift the score above 1 and with it the 2022 national incentive, which the score may
// only revise downwards. `part` is checked when it is written: this does not compile.

#include <caqes/evaluation/realisation.hpp>

namespace ex {
using namespace caqes;

inline constexpr politique_grille politique{.part_partielle = {3, 2}};
}  // namespace ex
