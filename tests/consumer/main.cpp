// Must keep printing "caqes <major>.<minor>.<patch>" first: package_test.cmake checks it
// against the version of the package that was installed. The second line shows that the
// installed headers support the compile-time API: the template below is checked by
// static_asserts, then validated again at run time.
#include <caqes/caqes.hpp>

#include <array>
#include <iostream>

namespace consumer {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_pertinence_soins,
     .terme = duree_annees(5),
     .grille = referentiels::indicateurs_nationaux_2022,
     .clauses = interessement},
}};
inline constexpr modele_contrat_def def{
    .nom = "consumer 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31}),
    .volets = volets,
    .transition = politique_transition::maintien_signale,
};
struct modele : modele_contrat<def> {};
static_assert(modele::valide);

}  // namespace consumer

int main() {
    std::cout << "caqes " << CAQES_VERSION_MAJOR << '.' << CAQES_VERSION_MINOR << '.' << CAQES_VERSION_PATCH << '\n';
    std::cout << "template violations: " << caqes::validate(consumer::modele::definition).size() << '\n';
}
