// CAQES-E013: an indicator applies to no activity of the template's scope
// Article: L.162-22 1 to 4 (LEGIARTI000048702956)
// Meaning: An indicator must concern at least one activity (MCO, psychiatry, USLD, SMR: L.162-22)
// that the template covers. A psychiatry indicator in an MCO-only template could never be measured.
// Location: caqes::enfreinte<caqes::regle::indicateur_hors_perimetre, caqes::lieu::indicateur<caqes::lieu::volet<0, caqes::volet_id::volet_bon_usage>, 0, 'I', 'L', 'L', '-', 'P', '1'>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::taux> part_isolement{"part_isolement"};

inline constexpr std::array<indicateur, 1> grille{{
    {.id = 1,
     .code = "ILL-P1",
     .libelle = "part des patients en isolement",
     .mesures = {{part_isolement.def()}},
     .objectif = viser(part_isolement, taux_pourcent(5)),
     .applicables = activite_psychiatrie,
     .validite = periode{ymd{2022, 2, 23}, ymd{2027, 1, 1}}},
}};

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .grille = grille, .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
    .perimetre = activite_mco,
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
