// CAQES-E038: a report reaches an evaluator without being validated against its template
// Article: D.162-16 II (the evaluation applies the establishment's own contract)
// Meaning: The evaluators take only a report that `validate` checked against the template they
// evaluate: values matched by code, kinds and domains checked, activities applied. Here the
// report is validated first, and only the validated report reaches the evaluator; an invalid
// one would return its violations instead.

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
inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
    .volets = volets,
};

inline resultat_evaluation evaluer_annee(const rapport_annuel& r, const parametres_evaluation& p) {
    const resultat_validation<rapport_valide_pour<def>> v = validate<def>(r, p);
    return v.ok() ? evaluateur<def>::evaluer(v.valeur()) : resultat_evaluation{};
}
}  // namespace ex
