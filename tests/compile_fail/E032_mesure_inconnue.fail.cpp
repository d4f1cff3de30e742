// CAQES-E032: a reported value names no indicator, measure or volet of the template
// Article: D.162-16 I 1 (the grid defines the obligations and their measures)
// Meaning: A report built from the establishment's own struct maps each member to the measure
// of the same name. A member that names no measure of the indicator would be silently lost, so
// it does not compile. Here "boites" is not a measure code of the 2022 indicator 1.
// Location: boost::hana::string<'b', 'o', 'i', 't', 'e', 's'>

#include <caqes/evaluation/introspection.hpp>
#include <caqes/referentiels/indicateurs_2022.hpp>

namespace ex {
using namespace caqes;

struct valeurs_ipp {
    BOOST_HANA_DEFINE_STRUCT(valeurs_ipp, (quantite<grandeur::nombre>, boites),
                             (quantite<grandeur::montant>, depense_ipp));
};

inline constexpr saisie_indicateur v =
    valeurs_de<referentiels::indicateur_2022_ipp>(valeurs_ipp{nombre_de(8'000), montant_euros(120'000)});
}  // namespace ex
