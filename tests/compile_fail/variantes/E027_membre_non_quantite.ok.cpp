// CAQES-E027, the fixed twin: the member is a quantity of its measure's kind.

#include <caqes/evaluation/introspection.hpp>
#include <caqes/referentiels/indicateurs_2022.hpp>

namespace ex {
using namespace caqes;

struct valeurs_ipp {
    BOOST_HANA_DEFINE_STRUCT(valeurs_ipp, (quantite<grandeur::nombre>, boites_ipp),
                             (quantite<grandeur::montant>, depense_ipp));
};

inline const saisie_indicateur v =
    valeurs_de<referentiels::indicateur_2022_ipp>(valeurs_ipp{nombre_de(8'000), montant_euros(1'200)});
}  // namespace ex
