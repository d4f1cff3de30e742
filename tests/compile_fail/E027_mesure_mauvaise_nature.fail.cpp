// CAQES-E027: a reported value is not of its measure's kind
// Article: arrete of 2022-02-23, annex (each indicator's measures and units)
// Meaning: A report built from the establishment's own struct maps each member to the measure
// of the same name; the member's type must be a quantity of that measure's kind. Here the
// spending on proton-pump inhibitors, a montant in cents, is declared as a count.
// Location: boost::hana::string<'d', 'e', 'p', 'e', 'n', 's', 'e', '_', 'i', 'p', 'p'>

#include <caqes/evaluation/introspection.hpp>
#include <caqes/referentiels/indicateurs_2022.hpp>

namespace ex {
using namespace caqes;

struct valeurs_ipp {
    BOOST_HANA_DEFINE_STRUCT(valeurs_ipp, (quantite<grandeur::nombre>, boites_ipp),
                             (quantite<grandeur::nombre>, depense_ipp));
};

inline constexpr saisie_indicateur v =
    valeurs_de<referentiels::indicateur_2022_ipp>(valeurs_ipp{nombre_de(8'000), nombre_de(120'000)});
}  // namespace ex
