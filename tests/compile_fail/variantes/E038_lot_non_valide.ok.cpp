// The fixed twin of E038_lot_non_valide: each report goes through validateur_lot, and the batch
// evaluator takes the blocks it fills.

#include <caqes/evaluation/colonnes/evaluer_lot.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace ex {
using namespace caqes;

// [docs:lot]
// The rows of `sortie` are the accepted reports, in their order; the refused ones are returned
// with their index and their violation (CAQES-E038, CAQES-E045): none is lost.
inline std::vector<std::pair<std::size_t, violation>> evaluer_tout(
    const std::shared_ptr<const colonnes::grille_lot>& grille, const std::vector<rapport_valide>& rapports,
    colonnes::resultats_colonnes<std::int64_t>& sortie) {
    std::vector<std::pair<std::size_t, violation>> refus;
    colonnes::validateur_lot v(grille);
    for (std::size_t i = 0; i < rapports.size(); ++i) {
        const resultat_validation<colonnes::voie_ligne> a = v.ajouter(rapports[i]);
        if (!a.ok()) refus.emplace_back(i, a.erreurs().front());
        while (std::optional<colonnes::lot_colonnes> l = v.prendre())
            colonnes::evaluer_lot(*l, sortie);
    }
    while (std::optional<colonnes::lot_colonnes> l = v.terminer())
        colonnes::evaluer_lot(*l, sortie);
    return refus;
}
// [docs:lot]
}  // namespace ex
