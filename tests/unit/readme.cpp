// The README's code block is the region `readme` of this file (tools/gen_snippets.py copies it,
// and docs.snippets_current fails when README.md differs), so the first code a reader sees
// compiles, and the test below runs it.
#include "outils.hpp"

// [docs:readme]
#include <caqes/caqes.hpp>

#include <array>
#include <stdexcept>

namespace readme {
using namespace caqes;

inline constexpr mesure<grandeur::taux> generiques{"taux_generiques"};
inline constexpr std::array<indicateur, 1> grille{{
    {.id = 1,
     .code = "ILL-S1",
     .libelle = "prescription dans le repertoire des generiques",
     .provenance = origine::illustrative,
     .mesures = {{generiques.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(generiques, taux_pourcent(49)),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
}};
inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille, .clauses = sanction},
}};
inline constexpr modele_contrat_def def{.nom = "exemple 2017",
                                        .regime = regime_id::caqes_2017,
                                        .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
                                        .volets = volets,
                                        .transition = politique_transition::arret_fin_regime};
struct mon_modele : modele_contrat<def> {};  // compile-time check: a broken rule does not compile

// One year of one establishment: the instance and the report are checked by the same rules at
// run time; only a validated report reaches the evaluator.
inline resultat_evaluation evaluer_annee(const contrat_instance& instance, const rapport_annuel& rapport) {
    const violations v = validate(def, instance);  // run-time check, same rules
    if (!v.empty()) throw std::invalid_argument(texte(v.front()));
    const parametres_evaluation parametres{};
    auto valide = validate<def>(instance, rapport, parametres);  // values named by code; the only way in
    if (!valide) throw std::invalid_argument(texte(valide.erreurs().front()));
    return evaluateur<def>::evaluer(valide.valeur());  // proposals for the year
}
}  // namespace readme
// [docs:readme]

TEST_CASE("README: the template compiles, the instance and the report validate, the year is evaluated") {
    using namespace caqes;
    STATIC_REQUIRE(readme::mon_modele::valide);

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
    const std::array<saisie_indicateur, 1> valeurs{{
        {"ILL-S1", {{{"taux_generiques", valeur_mesure::de(taux_pourcent(40))}}}},  // missed: 40 % < 49 %
    }};
    const rapport_annuel rapport{.exercice = 2018,
                                 .annee_contrat = 2,
                                 .date_evaluation = ymd{2019, 6, 1},
                                 .activites_etablissement = activite_mco,
                                 .produits_assurance_maladie = euros(20'000'000),
                                 .annee_produits = 2018,
                                 .valeurs = valeurs};

    const resultat_evaluation r = readme::evaluer_annee(contrat, rapport);
    REQUIRE(r.nombre_volets == 1);
    const proposition& p = r.volets[0].principale;
    CHECK(p.nature == nature_proposition::sanction_volet);
    // Score 0, under the first step (1/2) of the default scale [U]: 1 % of the revenue base,
    // which is also the volet's cap of D.162-16 III 1 (2017).
    CHECK(p.montant == euros(200'000));
    CHECK(p.plafond == euros(200'000));

    // A report naming no value of the grid is refused before any evaluation (E026).
    const rapport_annuel vide{.exercice = 2018,
                              .annee_contrat = 2,
                              .date_evaluation = ymd{2019, 6, 1},
                              .activites_etablissement = activite_mco,
                              .produits_assurance_maladie = euros(20'000'000),
                              .annee_produits = 2018};
    CHECK_THROWS_AS(readme::evaluer_annee(contrat, vide), std::invalid_argument);
}
