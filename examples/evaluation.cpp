// Evaluation, step by step: the regions of this file are the snippets of the tutorial's
// evaluation chapter (docs/tutorial.md), and its output is compared with evaluation.expected
// by the test suite.
//
// The grid is *illustrative*: its indicators, targets and the scoring scale are examples, not
// the national 2017 socle. The caps and the dates come from the law table.
#include <caqes/caqes.hpp>

#include <array>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace ex {
using namespace caqes;

// [docs:eval-mesures]
// Each measure has a kind (a rate, a scale, an amount...) and a code the report names it by.
inline constexpr mesure<grandeur::taux> generiques{"taux_generiques"};
inline constexpr mesure<grandeur::echelle> informatisation{"informatisation"};
inline constexpr mesure<grandeur::taux_evolution> croissance{"croissance_transports"};

inline constexpr periode validite{ymd{2017, 7, 1}, ymd{2022, 1, 1}};
inline constexpr std::array<indicateur, 2> grille_socle{{
    {.id = 1,
     .code = "ILL-S1",
     .libelle = "prescription dans le repertoire des generiques",
     .provenance = origine::illustrative,
     .mesures = {{generiques.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(generiques, taux_pourcent(49)),
     .validite = validite},
    {.id = 2,
     .code = "ILL-S2",
     .libelle = "informatisation de la prescription",
     .provenance = origine::illustrative,
     .mesures = {{informatisation.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(informatisation, echelle_oui),
     .validite = validite},
}};
inline constexpr std::array<indicateur, 1> grille_transports{{
    {.id = 10,
     .code = "ILL-T1",
     .libelle = "croissance des depenses de transport",
     .provenance = origine::illustrative,
     .mesures = {{croissance.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(croissance, evolution_pourcent(3)),
     .validite = validite},
}};
inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille_socle, .clauses = sanction},
    {.volet = volet_id::volet_transports,
     .terme = duree_annees(3),
     .grille = grille_transports,
     .clauses = sanction | interessement},
}};
inline constexpr modele_contrat_def def{.nom = "tutoriel 2017 (illustratif)",
                                        .regime = regime_id::caqes_2017,
                                        .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
                                        .volets = volets,
                                        .transition = politique_transition::arret_fin_regime};
struct modele : modele_contrat<def> {};  // every template rule, checked at compile time
// [docs:eval-mesures]

std::string eur(centimes c) { return concat(texte_euros(c, groupes_milliers::espace), " EUR"); }

}  // namespace ex

int main() {
    using namespace caqes;
    using ex::eur;

    // [docs:eval-instance]
    // One establishment's contract: the transports volet runs three years from 2017-07-01, so its
    // term ends on 2020-06-30; the socle, indefinite, runs to the regime's end.
    contrat_instance contrat;
    contrat.etab = {.finess_ej = "750000001",
                    .finess_et = {"750000019"},
                    .raison_sociale = "CH exemple",
                    .region = "Ile-de-France",
                    .caisse_locale = "CPAM de Paris",
                    .activites_exercees = activite_mco};
    contrat.parties = {"ARS Ile-de-France", "CPAM de Paris", "Directeur du CH exemple"};
    contrat.reception_proposition = ymd{2017, 6, 1};
    contrat.signature = ymd{2017, 6, 15};
    contrat.debut_effet = ymd{2017, 7, 1};
    // [docs:eval-instance]

    // [docs:eval-rapport]
    // The yearly report names every value by its indicator's and measure's code.
    const std::array<saisie_indicateur, 3> valeurs{{
        {"ILL-S1", {{{"taux_generiques", valeur_mesure::de(taux_pourcent(40))}}}},            // missed: 40 % < 49 %
        {"ILL-S2", {{{"informatisation", valeur_mesure::de(echelle_oui)}}}},                  // met
        {"ILL-T1", {{{"croissance_transports", valeur_mesure::de(evolution_pourcent(1))}}}},  // met: 1 % <= 3 %
    }};
    // Savings of the transports volet; the socle's are left out: *non renseigne*, never 0.
    const std::array<montant_volet, 1> economies{{{volet_id::volet_transports, euros(200'000)}}};
    // The ARS's decision, recorded beside the proposal with its nature.
    const std::array<decision_volet, 1> decisions{
        {{.volet = volet_id::volet_socle, .nature = issue_legale::sanction_volet, .montant = euros(60'000)}}};
    const rapport_annuel rapport{.exercice = 2019,
                                 .annee_contrat = 3,
                                 .date_evaluation = ymd{2020, 6, 1},
                                 .activites_etablissement = activite_mco,
                                 .produits_assurance_maladie = euros(20'000'000),
                                 .annee_produits = 2019,
                                 .valeurs = valeurs,
                                 .economies = economies,
                                 .decisions = decisions};
    // [docs:eval-rapport]

    // [docs:eval-validation]
    // Only a validated report reaches an evaluator. Against the instance, validation also checks
    // contract time (each volet in its term), the contract year and each decision against the
    // law the evaluation applies (its version policy's date of the rules).
    const parametres_evaluation parametres{};
    resultat_validation<rapport_valide_pour<ex::def>> valide = validate<ex::def>(contrat, rapport, parametres);
    if (!valide) {
        for (const violation& v : valide.erreurs())
            std::cout << texte(v) << "\n";
        return 1;
    }
    std::cout << "report valid: exercise " << valide.valeur().rapport().exercice() << ", contract year "
              << valide.valeur().rapport().annee_contrat() << "\n";
    // [docs:eval-validation]

    // [docs:eval-evaluation]
    caqes::trace t;
    const resultat_evaluation res = evaluateur<ex::def>::evaluer(valide.valeur(), politique_grille{}, t);
    std::cout << "rules: " << decrire(res.regime).nom << ", version policy " << nom(res.regles.politique) << " (law of "
              << texte(res.regles.date) << "), partial years " << nom(res.regles.annee_partielle) << ", evaluated "
              << texte(res.regles.date_evaluation) << "\n"
              << "revenue base " << eur(res.produits_assurance_maladie) << " (dernier exercice clos "
              << (res.annee_produits ? std::to_string(*res.annee_produits) : std::string{"not given"}) << ")\n";
    // [docs:eval-evaluation]

    // [docs:eval-propositions]
    for (std::size_t i = 0; i < res.nombre_volets; ++i) {
        const resultat_volet& v = res.volets[i];
        const proposition& p = v.principale;
        std::cout << traits(v.volet).nom << ": term " << texte(v.couverture.terme) << ", score "
                  << (v.score.defini() ? texte_fraction(v.score.valeur()) : std::string{"-"}) << ", savings "
                  << (v.economies ? eur(*v.economies) : std::string{"non renseigne"}) << "\n  proposed: ";
        if (p.presente()) {
            std::cout << nom(p.nature) << " " << eur(p.montant) << " (cap " << eur(p.plafond) << ", "
                      << texte(p.article()) << ")";
        } else {
            std::cout << "none"
                      << (p.economies_non_renseignees ? " (savings non renseigne: incentive not computed)" : "");
        }
        if (p.decision_finale) {
            std::cout << "\n  decided:  " << (v.nature_decidee ? nom(*v.nature_decidee) : "aucune") << " "
                      << eur(*p.decision_finale)
                      << (p.decision_au_dessus ? " (above the proposal, within the law)" : "");
        }
        std::cout << "\n";
    }
    std::cout << "totals proposed: sanctions " << eur(res.total_sanctions) << ", incentives "
              << eur(res.total_interessements) << "\n"
              << "totals decided:  sanctions " << eur(res.total_sanctions_decidees) << ", incentives "
              << eur(res.total_interessements_decides) << "\n";
    // [docs:eval-propositions]

    // [docs:eval-trace]
    // The trace says why: one line per indicator, with the value that decided it.
    for (const ligne_trace& l : t.lignes) {
        std::cout << "  " << l.ind->code << " " << texte(l.valeur) << ": "
                  << (l.resultat.compte ? "counts" : "does not count") << ", achievement "
                  << texte_fraction(l.realisation) << ", points " << texte_fraction(l.points) << "\n";
    }
    // [docs:eval-trace]

    // [docs:eval-rejet]
    // A decision above the legal cap is rejected, with its rule and the law's version.
    const std::array<decision_volet, 1> trop{
        {{.volet = volet_id::volet_socle, .nature = issue_legale::sanction_volet, .montant = euros(200'001)}}};
    rapport_annuel hors_la_loi = rapport;
    hors_la_loi.decisions = trop;
    const resultat_validation<rapport_valide> refus = validate(ex::def, contrat, hors_la_loi, parametres);
    for (const violation& v : refus.erreurs())
        std::cout << texte(v) << "\n";
    // [docs:eval-rejet]
    return 0;
}
