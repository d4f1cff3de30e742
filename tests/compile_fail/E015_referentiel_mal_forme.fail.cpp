// CAQES-E015: a referentiel or target names an unknown measure, is empty, or has a threshold outside its kind
// Article: L.162-30-3 (referentiels in volume or spending); arrete of 2022-02-23
// Meaning: Every condition of a referentiel and the target must name a measure declared by the
// indicator, with a threshold that makes sense for its kind. Here the referentiel tests a share
// that the indicator never declares, so it could not be evaluated.
// Location: caqes::enfreinte<caqes::regle::referentiel_mal_forme, caqes::lieu::indicateur<caqes::lieu::volet<0, caqes::volet_id::volet_bon_usage>, 0, 'I', 'L', 'L', '-', '2'>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::montant> depense_perfadom{"depense_perfadom"};
inline constexpr mesure<grandeur::taux> part_diffuseurs_actifs{"part_diffuseurs_actifs"};

inline constexpr std::array<indicateur, 1> grille{{
    {.id = 1,
     .code = "ILL-2",
     .libelle = "PERFADOM",
     .mesures = {{depense_perfadom.def()}},
     .ref = depense_perfadom < montant_euros(100'000) || part_diffuseurs_actifs < taux_pourcent(80),
     .validite = periode{ymd{2022, 2, 23}, ymd{2027, 1, 1}}},
}};

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .grille = grille, .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
