// CAQES-E038, another way to break it: validated reports handed to the batch evaluator
// directly. evaluer_lot takes only a block of columns that validateur_lot filled, so a report
// cannot reach the columns without its values being put at the plan's scale, exactly.
// Location: std::vector<caqes::rapport_valide>

#include <caqes/evaluation/colonnes/evaluer_lot.hpp>

#include <cstdint>
#include <vector>

namespace ex {
using namespace caqes;

inline void evaluer_tout(const std::vector<rapport_valide>& rapports,
                         colonnes::resultats_colonnes<std::int64_t>& sortie) {
    colonnes::evaluer_lot(rapports, sortie);
}
}  // namespace ex
