// A regional first-generation socle grid (13 indicators, every measure kind), evaluated for a
// handful of establishments, with the per-indicator trace and the outcome of each volet.
//
// Everything here is ILLUSTRATIF: the 2017 national socle indicators were not retrieved, and
// the score-to-sanction scale is [U] (CAQES.md section 9); the caps (1 % per volet, 5 % in all,
// 30 % of savings) are the law's (D.162-16 III 1, 2017).
#include "modeles/regional_2017.hpp"

#include <caqes/caqes.hpp>

#include <array>
#include <iostream>
#include <string>

namespace {
using namespace caqes;
using modele = modeles::regional_2017;
constexpr std::size_t n = evaluateur<modele::definition>::n;

struct cas {
    const char* nom;
    centimes produits;
    std::array<centimes, volets_max> economies;
    std::array<valeurs_indicateur, n> valeurs;
    std::optional<centimes> decision_socle;
};

valeurs_indicateur une(valeur_mesure v) { return {v}; }
valeurs_indicateur deux(valeur_mesure a, valeur_mesure b) { return {a, b}; }
valeur_mesure nc() { return valeur_mesure::non_concernee(); }
valeur_mesure nr() { return valeur_mesure::non_renseignee(); }
template <class K> valeur_mesure v(quantite<K> q) { return valeur_mesure::de(q); }

// The grid's order: S01..S13, then T01, T02, then P01..P03.
cas bon_eleve() {
    return {"CH Rive Gauche (bon eleve)", euros(60'000'000), {euros(0), euros(120'000), euros(80'000)},
            {une(v(taux_pourcent(55))), une(v(echelle_oui)), une(v(evolution_pourcent(21, 10))), une(v(evolution_pourcent(2))),
             une(v(taux_pourcent(85))), une(v(oui)), deux(v(montant_euros(150'000)), v(evolution_pourcent(5))),
             une(v(montant_signe_de(euros(40'000)))), une(v(nombre_de(7'900))), une(v(echelle_oui)), une(v(oui)),
             une(v(taux_pourcent(95))), une(v(taux_pourcent(25))),
             deux(v(evolution_pourcent(1)), v(montant_euros(900'000))), une(v(taux_pourcent(70))),
             une(v(taux_pourcent(60))), une(v(nombre_de(1'100))), une(v(taux_pourcent(7)))},
            std::nullopt};
}

cas en_difficulte() {
    return {"Clinique du Port (en difficulte)", euros(80'000'000), {euros(0), euros(-50'000), euros(30'000)},
            {une(v(taux_pourcent(41))), une(v(echelle_partiel)), une(v(evolution_pourcent(6))), une(v(evolution_pourcent(5))),
             une(v(taux_pourcent(50))), une(v(non)), deux(v(montant_euros(450'000)), v(evolution_pourcent(8))),
             une(v(montant_signe_de(euros(-12'000)))), une(v(nombre_de(12'000))), une(v(echelle_non)), une(v(non)),
             une(v(taux_pourcent(60))), une(v(taux_pourcent(5))),
             deux(v(evolution_pourcent(7)), v(montant_euros(2'000'000))), une(v(taux_pourcent(40))),
             une(v(taux_pourcent(30))), une(v(nombre_de(1'900))), une(v(taux_pourcent(12)))},
            centimes{0}};  // the ARS decided not to sanction the socle (D.162-16 IV: "peut")
}

cas partiel() {
    return {"CH des Collines (partiel)", euros(25'000'000), {euros(0), euros(20'000), euros(10'000)},
            {une(v(taux_pourcent(49))), une(v(echelle_partiel)), une(v(evolution_pourcent(34, 10))), une(nr()),
             une(v(taux_pourcent(80))), une(v(oui)), deux(v(montant_euros(210'000)), v(evolution_pourcent(36, 10))),
             une(v(montant_signe_de(euros(0)))), une(v(nombre_de(8'500))), une(nc()), une(v(oui)),
             une(v(taux_pourcent(89))), une(nc()),
             deux(v(evolution_pourcent(22, 10)), v(montant_euros(600'000))), une(v(taux_pourcent(59))),
             une(v(taux_pourcent(55))), une(v(nombre_de(1'300))), une(v(taux_pourcent(8)))},
            std::nullopt};
}

cas psychiatrie() {
    return {"EPSM de la Vallee (psychiatrie, beaucoup de non concerne)", euros(40'000'000), {euros(0), euros(15'000), euros(0)},
            {une(v(taux_pourcent(60))), une(v(echelle_oui)), une(v(evolution_pourcent(1))), une(nc()),
             une(v(taux_pourcent(82))), une(v(oui)), deux(nc(), nc()), une(v(montant_signe_de(euros(3'000)))),
             une(v(nombre_de(2'000))), une(nc()), une(v(oui)), une(v(taux_pourcent(91))), une(nc()),
             deux(v(evolution_pourcent(0)), v(montant_euros(300'000))), une(v(taux_pourcent(75))),
             une(nc()), une(nc()), une(nc())},
            std::nullopt};
}


std::string texte_statut(statut s) {
    switch (s) {
        case statut::atteint: return "met";
        case statut::partiel: return "partial";
        case statut::non_atteint: return "not met";
        case statut::non_concerne: return "non concerne";
        case statut::non_renseigne: return "non renseigne";
    }
    return "?";
}

void imprimer_proposition(const proposition& p) {
    if (!p.presente()) {
        std::cout << "no proposal";
    } else {
        std::cout << nom(p.nature) << " " << texte_euros(p.montant, groupes_milliers::espace) << " EUR (cap "
                  << texte_euros(p.plafond, groupes_milliers::espace) << (p.plafond_atteint ? ", BOUND" : ", not bound") << "; "
                  << p.article().texte << ")";
    }
    if (p.decision_finale) std::cout << "; final decision recorded: " << texte_euros(*p.decision_finale, groupes_milliers::espace) << " EUR";
}

}  // namespace

int main() {
    const parametres_evaluation parametres{};  // illustrative scale, the law's caps
    std::cout << "template: " << modele::definition.nom << " -- ILLUSTRATIF\n"
              << "socle: " << modele::definition.volets[0].grille.size() << " indicators\n";

    for (const cas& c : {bon_eleve(), en_difficulte(), partiel(), psychiatrie()}) {
        rapport_annuel r{.exercice = 2018, .annee_contrat = 1, .date_evaluation = ymd{2019, 6, 1},
                         .produits_assurance_maladie = c.produits, .valeurs = c.valeurs, .economies = c.economies};
        r.decisions[0] = c.decision_socle;
        const violations vs = validate(modele::definition, r);
        std::cout << "\n== " << c.nom << ", exercise 2018, revenue base " << texte_euros(c.produits, groupes_milliers::espace)
                  << " EUR\n";
        if (!vs.empty()) {
            for (const auto& x : vs) std::cout << "  rejected: " << decrire(x) << "\n";
            continue;
        }
        trace t;
        const resultat_evaluation res = evaluateur<modele::definition>::evaluer(r, parametres, politique_grille{}, t);
        for (const ligne_trace& l : t.lignes) {
            if (l.volet != 0) continue;
            std::cout << "  [" << l.ind->code << "] " << l.ind->libelle << ": " << texte(l.valeur);
            if (l.ind->objectif.presente()) std::cout << " (target " << texte(l.ind->objectif.type_valeur, l.ind->objectif.valeur) << ")";
            std::cout << " -> " << texte_statut(l.resultat.s);
            if (l.resultat.compte) std::cout << ", points " << texte_decimal(l.points);
            std::cout << "\n";
        }
        for (std::size_t i = 0; i < res.nombre_volets; ++i) {
            const resultat_volet& rv = res.volets[i];
            std::cout << "  " << traits(rv.volet).nom << ": score "
                      << (rv.score.defini() ? texte_decimal(rv.score.valeur()) : std::string{"undefined"}) << " -> ";
            imprimer_proposition(rv.principale);
            std::cout << "\n";
        }
        std::cout << "  total sanctions " << texte_euros(res.total_sanctions, groupes_milliers::espace) << " EUR, incentives "
                  << texte_euros(res.total_interessements, groupes_milliers::espace) << " EUR"
                  << (res.plafond_global_atteint ? " (5 % overall cap BOUND)" : "") << "\n";
    }

    // The evaluation procedure for one establishment (D.162-16 III and IV, 2017): the report is
    // received on 2019-03-22; the civil-procedure convention ([U]) moves the one-month deadline
    // off Easter Monday 2019-04-22.
    const calendrier_evaluation cal = evaluation_annuelle(regime_id::caqes_2017, ymd{2019, 3, 22}, convention_delai::procedure_civile);
    std::cout << "\nprocedure after receipt of the evaluation report on 2019-03-22 (convention: procedure civile):\n"
              << "  " << cal.observations.etape << ": " << texte(cal.observations.date.valeur) << "\n"
              << "  " << cal.notification.etape << ": " << texte(cal.notification.date.valeur) << "\n";
    return 0;
}
