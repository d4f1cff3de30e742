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
#include <string_view>
#include <vector>

namespace {
using namespace caqes;
using modele = modeles::regional_2017;
constexpr std::size_t n = evaluateur<modele::definition>::n;

struct cas {
    const char* nom;
    activites exercees;  // decides which indicators concern it (L.162-22)
    centimes produits;
    std::vector<montant_volet> economies;  // the socle has no savings: left out
    std::array<saisie_indicateur, n> valeurs;
    std::vector<decision_volet> decisions;  // each with its nature (an empty nature: none decided)
};

// An indicator's values, named by its code and its measures' codes, as a report hands them in.
saisie_indicateur une(std::string_view code, std::string_view mesure, valeur_mesure v) {
    return {code, {{{mesure, v}}}};
}
saisie_indicateur deux(std::string_view code, std::string_view ma, valeur_mesure a, std::string_view mb,
                       valeur_mesure b) {
    return {code, {{{ma, a}, {mb, b}}}};
}
valeur_mesure nc() { return valeur_mesure::non_concernee(); }
valeur_mesure nr() { return valeur_mesure::non_renseignee(); }
template <class K>
valeur_mesure v(quantite<K> q) {
    return valeur_mesure::de(q);
}

// Listed in the grid's order (S01..S13, T01, T02, P01..P03) for the reader; the codes match them.
cas bon_eleve() {
    return {"CH Rive Gauche (bon eleve)",
            activite_mco,
            euros(60'000'000),
            {{volet_id::volet_transports, euros(120'000)}, {volet_id::volet_pertinence, euros(80'000)}},
            {une("S01", "taux", v(taux_pourcent(55))), une("S02", "niveau", v(echelle_oui)),
             une("S03", "evolution", v(evolution_pourcent(21, 10))), une("S04", "evolution", v(evolution_pourcent(2))),
             une("S05", "taux", v(taux_pourcent(85))), une("S06", "plan", v(oui)),
             deux("S07", "depense", v(montant_euros(150'000)), "evolution", v(evolution_pourcent(5))),
             une("S08", "economies", v(montant_signe_de(euros(40'000)))), une("S09", "boites", v(nombre_de(7'900))),
             une("S10", "niveau", v(echelle_oui)), une("S11", "certifie", v(oui)),
             une("S12", "taux", v(taux_pourcent(95))), une("S13", "taux", v(taux_pourcent(25))),
             deux("T01", "evolution", v(evolution_pourcent(1)), "depense", v(montant_euros(900'000))),
             une("T02", "taux", v(taux_pourcent(70))), une("P01", "taux", v(taux_pourcent(60))),
             une("P02", "actes", v(nombre_de(1'100))), une("P03", "taux", v(taux_pourcent(7)))},
            {}};
}

cas en_difficulte() {
    return {"Clinique du Port (en difficulte)",
            activite_mco,
            euros(80'000'000),
            {{volet_id::volet_transports, euros(-50'000)}, {volet_id::volet_pertinence, euros(30'000)}},
            {une("S01", "taux", v(taux_pourcent(41))), une("S02", "niveau", v(echelle_partiel)),
             une("S03", "evolution", v(evolution_pourcent(6))), une("S04", "evolution", v(evolution_pourcent(5))),
             une("S05", "taux", v(taux_pourcent(50))), une("S06", "plan", v(non)),
             deux("S07", "depense", v(montant_euros(450'000)), "evolution", v(evolution_pourcent(8))),
             une("S08", "economies", v(montant_signe_de(euros(-12'000)))), une("S09", "boites", v(nombre_de(12'000))),
             une("S10", "niveau", v(echelle_non)), une("S11", "certifie", v(non)),
             une("S12", "taux", v(taux_pourcent(60))), une("S13", "taux", v(taux_pourcent(5))),
             deux("T01", "evolution", v(evolution_pourcent(7)), "depense", v(montant_euros(2'000'000))),
             une("T02", "taux", v(taux_pourcent(40))), une("P01", "taux", v(taux_pourcent(30))),
             une("P02", "actes", v(nombre_de(1'900))), une("P03", "taux", v(taux_pourcent(12)))},
            {{.volet = volet_id::volet_socle,
              .nature = std::nullopt,
              .montant = centimes{0}}}};  // the ARS decided not to sanction the socle (D.162-16 IV: "peut")
}

cas partiel() {
    return {"CH des Collines (partiel)",
            activite_mco | activite_smr,
            euros(25'000'000),
            {{volet_id::volet_transports, euros(20'000)}, {volet_id::volet_pertinence, euros(10'000)}},
            {une("S01", "taux", v(taux_pourcent(49))), une("S02", "niveau", v(echelle_partiel)),
             une("S03", "evolution", v(evolution_pourcent(34, 10))), une("S04", "evolution", nr()),
             une("S05", "taux", v(taux_pourcent(80))), une("S06", "plan", v(oui)),
             deux("S07", "depense", v(montant_euros(210'000)), "evolution", v(evolution_pourcent(36, 10))),
             une("S08", "economies", v(montant_signe_de(euros(0)))), une("S09", "boites", v(nombre_de(8'500))),
             une("S10", "niveau", nc()), une("S11", "certifie", v(oui)), une("S12", "taux", v(taux_pourcent(89))),
             une("S13", "taux", nc()),
             deux("T01", "evolution", v(evolution_pourcent(22, 10)), "depense", v(montant_euros(600'000))),
             une("T02", "taux", v(taux_pourcent(59))), une("P01", "taux", v(taux_pourcent(55))),
             une("P02", "actes", v(nombre_de(1'300))), une("P03", "taux", v(taux_pourcent(8)))},
            {}};
}

cas psychiatrie() {
    return {
        "EPSM de la Vallee (psychiatrie, beaucoup de non concerne)",
        activite_psychiatrie,
        euros(40'000'000),
        {{volet_id::volet_transports, euros(15'000)}, {volet_id::volet_pertinence, euros(0)}},
        {une("S01", "taux", v(taux_pourcent(60))), une("S02", "niveau", v(echelle_oui)),
         une("S03", "evolution", v(evolution_pourcent(1))), une("S04", "evolution", nc()),
         une("S05", "taux", v(taux_pourcent(82))), une("S06", "plan", v(oui)),
         deux("S07", "depense", nc(), "evolution", nc()), une("S08", "economies", v(montant_signe_de(euros(3'000)))),
         une("S09", "boites", v(nombre_de(2'000))), une("S10", "niveau", nc()), une("S11", "certifie", v(oui)),
         une("S12", "taux", v(taux_pourcent(91))), une("S13", "taux", nc()),
         deux("T01", "evolution", v(evolution_pourcent(0)), "depense", v(montant_euros(300'000))),
         une("T02", "taux", v(taux_pourcent(75))), une("P01", "taux", nc()), une("P02", "actes", nc()),
         une("P03", "taux", nc())},
        {}};
}

// Why nothing was proposed: a score did not fit exact 64-bit fractions (CAQES-E037).
std::string texte_erreur(const resultat_evaluation& res) {
    return texte(
        violation{res.erreur, concat("indicator id ", std::to_string(res.indicateur_erreur)), "nothing is proposed"});
}

std::string texte_statut(statut s) {
    switch (s) {
        case statut::atteint:
            return "met";
        case statut::partiel:
            return "partial";
        case statut::non_atteint:
            return "not met";
        case statut::non_concerne:
            return "non concerne";
        case statut::non_renseigne:
            return "non renseigne";
    }
    return "?";
}

void imprimer_proposition(const proposition& p) {
    if (!p.presente()) {
        std::cout << "no proposal";
    } else {
        std::cout << nom(p.nature) << " " << texte_euros(p.montant, groupes_milliers::espace) << " EUR (cap "
                  << texte_euros(p.plafond, groupes_milliers::espace) << (p.plafond_atteint ? ", BOUND" : ", not bound")
                  << "; " << p.article().texte << ")";
    }
    if (p.decision_finale)
        std::cout << "; final decision recorded: " << texte_euros(*p.decision_finale, groupes_milliers::espace)
                  << " EUR";
}

}  // namespace

int main() {
    const parametres_evaluation parametres{};  // illustrative scale, the law's caps
    std::cout << "template: " << modele::definition.nom << " -- ILLUSTRATIF\n"
              << "socle: " << modele::definition.volets[0].grille.size() << " indicators\n";

    for (const cas& c : {bon_eleve(), en_difficulte(), partiel(), psychiatrie()}) {
        const rapport_annuel r{.exercice = 2018,
                               .annee_contrat = 1,
                               .date_evaluation = ymd{2019, 6, 1},
                               .activites_etablissement = c.exercees,
                               .produits_assurance_maladie = c.produits,
                               .valeurs = c.valeurs,
                               .economies = c.economies,
                               .decisions = c.decisions};
        const resultat_validation<rapport_valide_pour<modele::definition>> valide =
            validate<modele::definition>(r, parametres);
        std::cout << "\n== " << c.nom << ", exercise 2018, revenue base "
                  << texte_euros(c.produits, groupes_milliers::espace) << " EUR\n";
        if (!valide.ok()) {
            for (const auto& x : valide.erreurs())
                std::cout << "  rejected: " << texte(x) << "\n";
            continue;
        }
        trace t;
        const resultat_evaluation res = evaluateur<modele::definition>::evaluer(valide.valeur(), politique_grille{}, t);
        if (!res.ok()) {
            std::cout << "  not evaluated: " << texte_erreur(res) << "\n";
            continue;
        }
        for (const ligne_trace& l : t.lignes) {
            if (l.volet != 0) continue;
            std::cout << "  [" << l.ind->code << "] " << l.ind->libelle << ": " << texte(l.valeur);
            if (l.ind->objectif.presente())
                std::cout << " (target " << texte(l.ind->objectif.type_valeur, l.ind->objectif.valeur) << ")";
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
        std::cout << "  total sanctions " << texte_euros(res.total_sanctions, groupes_milliers::espace)
                  << " EUR, incentives " << texte_euros(res.total_interessements, groupes_milliers::espace) << " EUR"
                  << (res.plafond_global_atteint ? " (5 % overall cap BOUND)" : "") << "\n";
    }

    // The evaluation procedure for one establishment (D.162-16 III and IV): the report is
    // received on 2019-03-22, and the deadlines are those of the version in force that day (the
    // law table gives them, with the version); the civil-procedure convention ([U]) moves the
    // one-month deadline off Easter Monday 2019-04-22.
    const calendrier_evaluation cal =
        evaluation_annuelle(ymd{2019, 3, 22}, ymd{2019, 3, 22}, convention_delai::procedure_civile);
    std::cout << "\nprocedure after receipt of the evaluation report on 2019-03-22 (convention: procedure civile, "
              << texte(cal.observations.loi->reference) << "):\n"
              << "  " << cal.observations.etape << ": " << texte(cal.observations.date.valeur) << "\n"
              << "  " << cal.notification.etape << ": " << texte(cal.notification.date.valeur) << "\n";
    return 0;
}
