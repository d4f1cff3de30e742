#pragma once
// Whether two evaluations agree on what a user reads of them: each volet's score and proposal,
// the contract-level proposals and the totals. The property tests and the batch fuzz target
// (fuzz/rapports_fuzz.cpp) compare the compile-time and run-time evaluators with it.
#include <caqes/evaluation/evaluer.hpp>

#include <cstddef>

namespace caqes::essais {

[[nodiscard]] inline bool meme_proposition(const proposition& a, const proposition& b) {
    return a.nature == b.nature && a.montant == b.montant && a.plafond == b.plafond &&
           a.plafond_atteint == b.plafond_atteint && a.taux == b.taux && a.article().texte == b.article().texte &&
           a.decision_finale == b.decision_finale && a.illustratif == b.illustratif && a.depassement == b.depassement;
}

[[nodiscard]] inline bool meme_resultat(const resultat_evaluation& a, const resultat_evaluation& b) {
    if (a.nombre_volets != b.nombre_volets || a.nombre_contrat != b.nombre_contrat ||
        a.total_sanctions != b.total_sanctions || a.total_interessements != b.total_interessements ||
        a.plafond_global_atteint != b.plafond_global_atteint) {
        return false;
    }
    for (std::size_t i = 0; i < a.nombre_volets; ++i) {
        const resultat_volet& x = a.volets[i];
        const resultat_volet& y = b.volets[i];
        if (x.volet != y.volet || x.score.points != y.score.points || x.score.poids != y.score.poids ||
            !meme_proposition(x.principale, y.principale)) {
            return false;
        }
    }
    for (std::size_t i = 0; i < a.nombre_contrat; ++i) {
        if (!meme_proposition(a.contrat[i], b.contrat[i])) return false;
    }
    return true;
}

}  // namespace caqes::essais
