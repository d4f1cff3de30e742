// CAQES-E034: sanction steps are not in increasing score order with non-increasing rates
// Article: D.162-16 III 1 (LEGIARTI000034459834): the sanction follows the level of non-achievement
// Meaning: The first step whose threshold a score is under gives the sanction rate, so steps go
// up in threshold and down in rate. Here the 0.5 % step for scores under 3/4 comes
// first, so a score of 0.4 would take 0.5 % instead of the 1 % meant for scores under 1/2.
// Location: parametre<caqes::champ_parametre::p2017_paliers, 1>

#include <caqes/evaluation/parametres.hpp>

namespace ex {
using namespace caqes;

inline constexpr parametres_evaluation parametres{
    .p2017 = {.paliers = {{{{3, 4}, {1, 200}}, {{1, 2}, {1, 100}}, {}}}},
};

static_assert(parametres_conformes<parametres>::valide);
}  // namespace ex
