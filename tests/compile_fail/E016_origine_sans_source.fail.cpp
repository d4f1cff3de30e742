// CAQES-E016: a national indicator cites no arrete, or a regional one lacks a body its regime requires
// Article: D.162-14 II 1 and 2 (LEGIARTI000044102681, 2022-01-01): directeur general de l'ARS; L.162-30-3; 2017: ARS, assurance maladie, OMEDIT en concertation avec les federations [S: ARS page]
// Meaning: A national indicator must cite the arrete that fixes it, and a regional one must name
// the bodies that define it, as a set holding every body its regime requires: in 2017 the ARS, the
// health insurance and the OMEDIT in consultation with the hospital federations [S]; from 2022 the
// ARS director general [C]. Every figure can then be traced to its source.
// Location: caqes::enfreinte<caqes::regle::origine_sans_source, caqes::lieu::indicateur<caqes::lieu::volet<0, caqes::volet_id::volet_bon_usage>, 0, 'N', '-', '1'>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr mesure<grandeur::nombre> boites_ipp{"boites_ipp"};
inline constexpr mesure<grandeur::montant> depense_perfadom{"depense_perfadom"};

inline constexpr std::array<indicateur, 1> grille{{
    {.id = 1,
     .code = "N-1",
     .libelle = "boites d'IPP prescrites",
     .provenance = origine::nationale,
     .mesures = {{boites_ipp.def()}},
     .objectif = viser(boites_ipp, nombre_de(8'000)),
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
