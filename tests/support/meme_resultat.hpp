#pragma once
// Whether two evaluations agree on what a user reads of them: each volet's score and proposal,
// the contract-level proposals and the totals. The property tests and the batch fuzz target
// (fuzz/rapports_fuzz.cpp) compare the compile-time and run-time evaluators with it.
//
// `comparer(ecarts&, ...)` compares every field of two full results, and two traces line by
// line, and keeps the first field that differs: the JSON twin tests (tests/unit/json_jumeaux.cpp)
// and the differential test (tests/unit/differentiel.cpp) name it on failure.
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/evaluation/trace.hpp>

#include <cstddef>
#include <string>

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
        if (!meme_proposition(a.contrat[i], b.contrat[i]) || a.contrat_nature_decidee[i] != b.contrat_nature_decidee[i])
            return false;
    }
    return true;
}

// One `ok` flag and the first difference, rather than a CHECK per field: thousands of
// establishment-years x every field would swamp Catch's counters.
struct ecarts {
    bool ok{true};
    std::string premiere;
    void egal(bool b, const std::string& quoi) {
        if (!b && ok) premiere = quoi;
        ok = ok && b;
    }
};

inline void comparer(ecarts& c, const std::string& ou, const score_volet& a, const score_volet& b) {
    c.egal(a.points == b.points && a.poids == b.poids && a.depassement == b.depassement &&
               a.indicateur_depasse == b.indicateur_depasse,
           ou + ".score");
}

inline void comparer(ecarts& c, const std::string& ou, const proposition& a, const proposition& b) {
    c.egal(a.montant == b.montant, ou + ".montant");
    c.egal(a.plafond == b.plafond, ou + ".plafond");
    c.egal(a.taux == b.taux, ou + ".taux");
    c.egal(a.loi == b.loi, ou + ".loi");  // one law table: the same version is the same object
    c.egal(a.decision_finale == b.decision_finale, ou + ".decision_finale");
    c.egal(a.nature == b.nature, ou + ".nature");
    c.egal(a.plafond_atteint == b.plafond_atteint, ou + ".plafond_atteint");
    c.egal(a.illustratif == b.illustratif, ou + ".illustratif");
    c.egal(a.depassement == b.depassement, ou + ".depassement");
    c.egal(a.economies_non_renseignees == b.economies_non_renseignees, ou + ".economies_non_renseignees");
    c.egal(a.decision_au_dessus == b.decision_au_dessus, ou + ".decision_au_dessus");
}

inline void comparer(ecarts& c, const resultat_evaluation& a, const resultat_evaluation& b) {
    c.egal(a.regime == b.regime, "regime");
    c.egal(a.exercice == b.exercice, "exercice");
    c.egal(a.annee_contrat == b.annee_contrat, "annee_contrat");
    c.egal(a.produits_assurance_maladie == b.produits_assurance_maladie, "produits_assurance_maladie");
    c.egal(a.annee_produits == b.annee_produits, "annee_produits");
    c.egal(a.part_liste_en_sus == b.part_liste_en_sus, "part_liste_en_sus");
    c.egal(a.base_penalite == b.base_penalite, "base_penalite");
    c.egal(a.nombre_volets == b.nombre_volets, "nombre_volets");
    for (std::size_t v = 0; v < volets_max; ++v) {
        const std::string ou = "volets[" + std::to_string(v) + "]";
        const resultat_volet& x = a.volets[v];
        const resultat_volet& y = b.volets[v];
        c.egal(x.volet == y.volet, ou + ".volet");
        comparer(c, ou, x.score, y.score);
        comparer(c, ou + ".principale", x.principale, y.principale);
        c.egal(x.couverture.terme == y.couverture.terme && x.couverture.jours == y.couverture.jours &&
                   x.couverture.jours_annee == y.couverture.jours_annee && x.couverture.evalue == y.couverture.evalue &&
                   x.couverture.transition_signalee == y.couverture.transition_signalee,
               ou + ".couverture");
        c.egal(x.economies == y.economies, ou + ".economies");
        c.egal(x.nature_decidee == y.nature_decidee, ou + ".nature_decidee");
    }
    c.egal(a.nombre_contrat == b.nombre_contrat, "nombre_contrat");
    for (std::size_t k = 0; k < a.contrat.size(); ++k) {
        comparer(c, "contrat[" + std::to_string(k) + "]", a.contrat[k], b.contrat[k]);
        c.egal(a.contrat_nature_decidee[k] == b.contrat_nature_decidee[k],
               "contrat_nature_decidee[" + std::to_string(k) + "]");
    }
    comparer(c, "global", a.score_global, b.score_global);
    c.egal(a.plafond_global_atteint == b.plafond_global_atteint, "plafond_global_atteint");
    c.egal(a.total_sanctions == b.total_sanctions, "total_sanctions");
    c.egal(a.total_interessements == b.total_interessements, "total_interessements");
    c.egal(a.total_sanctions_decidees == b.total_sanctions_decidees, "total_sanctions_decidees");
    c.egal(a.total_interessements_decides == b.total_interessements_decides, "total_interessements_decides");
    c.egal(a.nombre_decisions == b.nombre_decisions, "nombre_decisions");
    c.egal(a.erreur == b.erreur && a.volet_erreur == b.volet_erreur && a.indicateur_erreur == b.indicateur_erreur,
           "erreur");
    c.egal(a.regles.politique == b.regles.politique, "regles.politique");
    c.egal(a.regles.date == b.regles.date, "regles.date");
    c.egal(a.regles.date_evaluation == b.regles.date_evaluation, "regles.date_evaluation");
    c.egal(a.regles.annee_partielle == b.regles.annee_partielle, "regles.annee_partielle");
    c.egal(a.regles.transition == b.regles.transition, "regles.transition");
    c.egal(a.regles.politiques_divergentes == b.regles.politiques_divergentes, "regles.politiques_divergentes");
    c.egal(a.regles.refusees.bits == b.regles.refusees.bits, "regles.refusees");
    c.egal(a.regles.alertes == b.regles.alertes, "regles.alertes");
    c.egal(a.regles.periode_mesures == b.regles.periode_mesures, "regles.periode_mesures");
}

inline void comparer(ecarts& c, const trace& a, const trace& b) {
    c.egal(a.lignes.size() == b.lignes.size(), "trace.size");
    for (std::size_t k = 0; k < a.lignes.size() && k < b.lignes.size(); ++k) {
        const ligne_trace& x = a.lignes[k];
        const ligne_trace& y = b.lignes[k];
        const std::string ou = "trace[" + std::to_string(k) + "]";
        c.egal(x.volet == y.volet, ou + ".volet");
        c.egal(x.ind->id == y.ind->id && x.ind->code == y.ind->code, ou + ".indicateur");
        // A missing value has a state and nothing else: its type and number are whatever the
        // input left there (the columnar evaluator reads a state back from its sentinel).
        const auto meme_valeur = [](const valeur_mesure& p, const valeur_mesure& q) {
            return p.etat == q.etat && (p.etat != etat_valeur::renseignee || (p.type == q.type && p.v == q.v));
        };
        c.egal(meme_valeur(x.valeur, y.valeur), ou + ".valeur");
        for (std::size_t m = 0; m < mesures_max; ++m) {
            if (!x.ind->mesures[m].vide())
                c.egal(meme_valeur(x.valeurs[m], y.valeurs[m]), ou + ".valeurs[" + std::to_string(m) + "]");
        }
        c.egal(x.resultat.s == y.resultat.s && x.realisation == y.realisation &&
                   x.resultat.compte == y.resultat.compte && x.resultat.referentiel == y.resultat.referentiel,
               ou + ".resultat");
        c.egal(x.points == y.points, ou + ".points");
    }
}

}  // namespace caqes::essais
