// Fixed: the spending is a quantite<grandeur::montant>, the kind of the measure depense_ipp.

#include <caqes/evaluation/introspection.hpp>
#include <caqes/referentiels/indicateurs_2022.hpp>

namespace ex {
using namespace caqes;

struct valeurs_ipp {
    BOOST_HANA_DEFINE_STRUCT(valeurs_ipp, (quantite<grandeur::nombre>, boites_ipp),
                             (quantite<grandeur::montant>, depense_ipp));
};

inline constexpr saisie_indicateur v =
    valeurs_de<referentiels::indicateur_2022_ipp>(valeurs_ipp{nombre_de(8'000), montant_euros(120'000)});
}  // namespace ex
