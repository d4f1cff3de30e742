// CAQES-E027, another way to break it: a member of the report struct that is not a quantity
// at all (a `double`). It must fail with the rule's id, not with an internal template error.
// Location: boost::hana::string<'d', 'e', 'p', 'e', 'n', 's', 'e', '_', 'i', 'p', 'p'>

#include <caqes/evaluation/introspection.hpp>
#include <caqes/referentiels/indicateurs_2022.hpp>

namespace ex {
using namespace caqes;

struct valeurs_ipp {
    BOOST_HANA_DEFINE_STRUCT(valeurs_ipp, (quantite<grandeur::nombre>, boites_ipp), (double, depense_ipp));
};

inline const saisie_indicateur v = valeurs_de<referentiels::indicateur_2022_ipp>(valeurs_ipp{nombre_de(8'000), 1200.0});
}  // namespace ex
