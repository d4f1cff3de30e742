// CAQES-E038, another way to break it: a report validated against one template handed to the
// evaluator of another. Each template's evaluator takes only its own validated reports.
// Location: caqes::rapport_valide_pour<ex::def_a>

#include <caqes/evaluation/evaluer.hpp>
#include <caqes/evaluation/validation.hpp>
#include <caqes/referentiels/indicateurs_2022.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<indicateur, 1> grille{{referentiels::indicateur_2022_ipp}};
inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .grille = grille, .clauses = interessement},
}};
inline constexpr modele_contrat_def def_a{.nom = "A",
                                          .regime = regime_id::caqes_2022,
                                          .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
                                          .volets = volets};
inline constexpr modele_contrat_def def_b{.nom = "B",
                                          .regime = regime_id::caqes_2022,
                                          .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
                                          .volets = volets};

inline resultat_evaluation evaluer_annee(const rapport_valide_pour<def_a>& r) { return evaluateur<def_b>::evaluer(r); }
}  // namespace ex
