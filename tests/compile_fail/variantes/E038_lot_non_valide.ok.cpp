// The fixed twin of E038_lot_non_valide: each report goes through validateur_lot, and the batch
// evaluator takes the blocks it fills.

#include <caqes/evaluation/colonnes/evaluer_lot.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace ex {
using namespace caqes;

inline void evaluer_tout(const std::shared_ptr<const colonnes::grille_lot>& grille,
                         const std::vector<rapport_valide>& rapports,
                         colonnes::resultats_colonnes<std::int64_t>& sortie) {
    colonnes::validateur_lot v(grille);
    for (const rapport_valide& r : rapports) {
        if (!v.ajouter(r).ok()) continue;  // a refused report is reported by the caller
        while (std::optional<colonnes::lot_colonnes> l = v.prendre())
            colonnes::evaluer_lot(*l, sortie);
    }
    while (std::optional<colonnes::lot_colonnes> l = v.terminer())
        colonnes::evaluer_lot(*l, sortie);
}
}  // namespace ex
