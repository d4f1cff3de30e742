#pragma once
// Validating and evaluating a year of a successor scheme (L.162-23-14): the same validation
// and the same evaluators as a CAQES, reading the scheme's view (successeur/dispositif.hpp).
// The outcomes are the allocation from savings and, from 2027 [S], the penalty, both as the
// scheme's own proposals (`resultat_evaluation::contrat`); there are no volets, no refusal
// sanction and no procedure deadline.
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/evaluation/validation.hpp>
#include <caqes/successeur/dispositif.hpp>

namespace caqes {

// The compile-time evaluator of scheme D.
template <const dispositif_efficience_def& D>
using evaluateur_dispositif = evaluateur<dispositif_efficience<D>::modele>;

// A yearly report validated against scheme D, typed for `evaluateur_dispositif<D>`.
template <const dispositif_efficience_def& D>
[[nodiscard]] resultat_validation<rapport_valide_pour<dispositif_efficience<D>::modele>> validate(
    const rapport_annuel& r, const parametres_evaluation& p) {
    return validate<dispositif_efficience<D>::modele>(r, p);
}

// A yearly report validated against a scheme built at run time, for `evaluer(rapport_valide)`,
// which applies the parameters `p` it was validated with.
[[nodiscard]] inline resultat_validation<rapport_valide> validate(const dispositif_charge& d, const rapport_annuel& r,
                                                                  const parametres_evaluation& p) {
    return validate(d.modele(), r, p);
}

}  // namespace caqes
