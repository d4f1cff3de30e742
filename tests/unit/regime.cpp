// Which regime governs: by a contract's start, and by the [U] version policy.
#include "catch.hpp"

#include <caqes/droit/regime.hpp>
#include <caqes/mesure/nature.hpp>

using namespace caqes;

TEST_CASE("regime_du_debut: the regime whose window holds a start date, boundaries included", "[regime]") {
    CHECK(regime_du_debut(ymd{2017, 4, 22}) == regime_id::contrats_anterieurs);
    CHECK(regime_du_debut(ymd{2017, 4, 23}) == regime_id::caqes_2017);  // decret 2017-584 art. 2
    CHECK(regime_du_debut(ymd{2021, 12, 31}) == regime_id::caqes_2017);
    CHECK(regime_du_debut(ymd{2022, 1, 1}) == regime_id::caqes_2022);       // decret 2021-1231
    CHECK(regime_du_debut(ymd{2026, 6, 1}) == regime_id::caqes_2022);       // the two coexist in 2026
    CHECK(regime_du_debut(ymd{2027, 1, 1}) == regime_id::successeur_2026);  // LFSS 2026 art. 79
}

TEST_CASE("regime_applicable: exercise 2021 evaluated in 2022 under each version policy", "[regime]") {
    const regime_id contrat = regime_id::caqes_2017;
    const ymd evaluation{2022, 6, 1};
    CHECK(regime_applicable(version_applicable::regime_du_contrat, contrat, 2021, evaluation) == regime_id::caqes_2017);
    CHECK(regime_applicable(version_applicable::annee_exercice, contrat, 2021, evaluation) == regime_id::caqes_2017);
    CHECK(regime_applicable(version_applicable::date_evaluation, contrat, 2021, evaluation) == regime_id::caqes_2022);
}

TEST_CASE("evolution_entre: exact growth from the previous year's amount", "[mesure]") {
    CHECK(evolution_entre(montant_euros(100'000), montant_euros(95'000)).valeur ==
          pourcentage(-5));  // the -5 % trajectory
    CHECK(evolution_entre(montant_euros(3), montant_euros(4)).valeur == fraction{1, 3});
    CHECK(evolution_entre(montant_de(centimes{7}), montant_de(centimes{0})).valeur == entier(-1));
    // No growth rate from zero: an invalid value that the report check rejects (CAQES-E028).
    const quantite<grandeur::taux_evolution> sans = evolution_entre(montant_euros(0), montant_euros(4));
    CHECK_FALSE(sans.valeur.valide());
    CHECK_FALSE(dans_domaine(type_mesure::taux_evolution, sans.valeur));
}
