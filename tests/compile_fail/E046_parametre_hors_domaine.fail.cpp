// CAQES-E046: an evaluation parameter lies outside what it means: a rate, a share or a score threshold outside [0, 1], or a negative amount
// Article: D.162-16 III and V, L.162-30-4, L.162-23-14 (rates and shares of a base; scores are shares of the points); D.162-16 III 1 ("soit une sanction ... soit un interessement": an incentive is not negative)
// Meaning: A share of the savings is a part of them, in [0, 1]. Its cap (30 %, CAQES-E050) bounds
// it from above only: a share of -1/5 would propose a negative incentive, which no cap stops,
// while a decided negative amount is refused. Here the incentive share is -1/5.
// Location: parametre<caqes::champ_parametre::p2017_part_interessement, -1>

#include <caqes/evaluation/parametres.hpp>

namespace ex {
using namespace caqes;

inline constexpr parametres_evaluation parametres = [] {
    parametres_evaluation p{};
    p.p2017.part_interessement = {-1, 5};
    return p;
}();

struct parametres_region : parametres_conformes<parametres> {};
}  // namespace ex
