// CAQES-E050: a user rate exceeds the legal limit of the article that bounds it
// Article: D.162-16 III 1 and 2 (LEGIARTI000034459834): 1 % per volet, 30 % of savings, 30 % liste en sus; L.162-30-4 (LEGIARTI000041398020, LEGIARTI000042685227, LEGIARTI000048702783): 50 %; L.162-23-14 from 2027 [S]: 2 %
// Meaning: The law's caps are no parameters: they come from the law table at the date of the
// rules. A rate the user chooses within them (here the scale's first step) may not exceed them;
// D.162-16 III 1 (2017): "dans la limite, pour chaque volet du contrat, de 1 %".
// Here the step asks 1/100 + 1/10^9 of the revenue, one billionth above the 1 % cap.
// Location: parametre<caqes::champ_parametre::p2017_paliers_taux, 0>

#include <caqes/evaluation/parametres.hpp>

namespace ex {
using namespace caqes;

inline constexpr parametres_evaluation parametres = [] {
    parametres_evaluation p{};
    p.p2017.paliers = {{{{1, 2}, {10'000'001, 1'000'000'000}}, {{3, 4}, {1, 200}}, {}}};
    return p;
}();

struct parametres_region : parametres_conformes<parametres> {};
}  // namespace ex
