// CAQES-E120: an indicator has no label
// Article: test-only rule of docs/howto/add-a-rule.md
// Meaning: The rule added by the how-to (tests/unit/howto_regle.hpp). Its build-failure test
// must name the rule on an error line and the indicator at fault in the first error block.
// Location: caqes::lieu::indicateur<caqes::lieu::volet<0, caqes::volet_id::volet_bon_usage>, 1, 'I', 'L', 'L', '-', '2'>

#include "../../unit/howto_regle.hpp"

#include <array>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::taux> generiques{"taux_generiques"};
inline constexpr periode validite{ymd{2022, 2, 23}, ymd{2027, 1, 1}};
inline constexpr std::array<indicateur, 2> grille{{
    {.id = 1,
     .code = "ILL-1",
     .libelle = "generiques",
     .mesures = {{generiques.def()}},
     .objectif = viser(generiques, taux_pourcent(50)),
     .validite = validite},
    {.id = 2,
     .code = "ILL-2",
     .libelle = "",
     .mesures = {{generiques.def()}},
     .objectif = viser(generiques, taux_pourcent(50)),
     .validite = validite},
}};
inline constexpr std::array<volet_modele, 1> volets{
    {{.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .grille = grille, .clauses = interessement}}};
inline constexpr modele_contrat_def def{.nom = "howto",
                                        .regime = regime_id::caqes_2022,
                                        .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
                                        .volets = volets};

struct modele : howto::modele_verifie<def> {};
}  // namespace ex
