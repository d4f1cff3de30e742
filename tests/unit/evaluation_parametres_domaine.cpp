// CAQES-E046: an evaluation parameter outside what it means (a rate, a share or a score
// threshold outside [0, 1], a negative amount) is refused by `validate(p)`, located by its
// field, and with it by every evaluation path that validates the parameters. The compile-time
// side is tests/compile_fail/E046_parametre_hors_domaine.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <string>

using namespace caqes;

namespace {

// The one violation of `p`, which must be CAQES-E046 at `lieu`.
void refuse_en(const parametres_evaluation& p, const std::string& lieu) {
    const violations v = validate(p);
    INFO(lieu);
    REQUIRE(v.size() == 1);
    CHECK(v[0].id == regle::parametre_hors_domaine);
    CHECK(v[0].lieu == lieu);
}

}  // namespace

TEST_CASE("parameters: the defaults and the domain's bounds themselves are accepted", "[evaluation][parametres]") {
    CHECK(validate(parametres_evaluation{}).empty());
    parametres_evaluation p{};
    p.p2017.paliers = {{{{0, 1}, {1, 100}}, {{1, 1}, {0, 1}}, {}}};
    p.p2017.seuil_interessement = {1, 1};
    p.p2017.part_interessement = {0, 1};
    p.p2017.reduction_liste_en_sus = reduction_liste_en_sus_2017{{0, 1}};
    p.p2022.enveloppe_regionale = centimes{0};
    p.p2022.part_economies_nationale = {1, 1};
    p.p2022.taux_abattement = {0, 1};
    p.p2022.seuil_largement_superieur = fraction{3, 1};  // an excess over the target may pass 100 %
    p.successeur.part_economies = {1, 1};
    p.successeur.taux_penalite = {0, 1};
    p.successeur.seuil_penalite = {0, 1};
    CHECK(validate(p).empty());
    STATIC_REQUIRE_FALSE(regles::premier_parametre_hors_domaine(parametres_evaluation{}).trouve);
}

TEST_CASE("parameters: a negative rate or share is CAQES-E046 at its field", "[evaluation][parametres]") {
    parametres_evaluation p{};
    p.p2017.part_interessement = {-1, 5};  // passed the 30 % cap alone: it bounds from above
    refuse_en(p, "p2017.part_interessement");
    p = {};
    p.p2017.paliers[1].taux = {-1, 200};
    refuse_en(p, "p2017.paliers[1].taux");
    p = {};
    p.p2022.taux_minoration = {-1, 100};
    refuse_en(p, "p2022.taux_minoration");
    p = {};
    p.p2017.reduction_liste_en_sus = reduction_liste_en_sus_2017{{-1, 10}};
    refuse_en(p, "p2017.reduction_liste_en_sus.taux");
    p = {};
    p.successeur.taux_penalite = {-1, 100};
    refuse_en(p, "successeur.taux_penalite");
    p = {};
    p.p2022.part_economies_nationale = {1, 0};  // no number at all
    refuse_en(p, "p2022.part_economies_nationale");
}

TEST_CASE("parameters: a share above 1 is CAQES-E046 at its field", "[evaluation][parametres]") {
    parametres_evaluation p{};
    p.p2022.part_economies_nationale = {3, 2};  // no law bounds it: the domain does
    refuse_en(p, "p2022.part_economies_nationale");
    p = {};
    p.successeur.part_economies = {101, 100};
    refuse_en(p, "successeur.part_economies");
    // A rate above 1 is past the law too: both rules report it.
    p = {};
    p.p2017.part_interessement = {2, 1};
    const violations v = validate(p);
    CHECK(outils::trouver(v, regle::parametre_hors_la_loi) != nullptr);
    REQUIRE(outils::trouver(v, regle::parametre_hors_domaine) != nullptr);
    CHECK(outils::trouver(v, regle::parametre_hors_domaine)->lieu == "p2017.part_interessement");
}

TEST_CASE("parameters: a negative amount is CAQES-E046 at its field", "[evaluation][parametres]") {
    parametres_evaluation p{};
    p.p2022.enveloppe_regionale = centimes{-1};
    refuse_en(p, "p2022.enveloppe_regionale");
    p = {};
    p.p2022.seuil_largement_superieur = fraction{-1, 10};
    refuse_en(p, "p2022.seuil_largement_superieur");
}

TEST_CASE("parameters: a score threshold above 1 or below 0 is CAQES-E046 at its field", "[evaluation][parametres]") {
    parametres_evaluation p{};
    p.p2017.seuil_interessement = {5, 4};
    refuse_en(p, "p2017.seuil_interessement");
    p = {};
    p.p2017.paliers[0].seuil = {-1, 2};
    refuse_en(p, "p2017.paliers[0].seuil");
    p = {};
    p.successeur.seuil_penalite = {3, 2};
    refuse_en(p, "successeur.seuil_penalite");
    // One violation per field, in the list's order.
    p = {};
    p.p2017.seuil_interessement = {5, 4};
    p.p2022.enveloppe_regionale = centimes{-1};
    const violations v = validate(p);
    REQUIRE(v.size() == 2);
    CHECK(v[0].lieu == "p2017.seuil_interessement");
    CHECK(v[1].lieu == "p2022.enveloppe_regionale");
    CHECK(regles::premier_parametre_hors_domaine(p).champ == champ_parametre::p2017_seuil_interessement);
}

TEST_CASE("parameters: a report is not validated, alone or in a batch, under parameters outside their domain",
          "[evaluation][parametres]") {
    const evalmod::rapport_essai e(evalmod::def_2017, 2018, evalmod::tout_atteint(evalmod::def_2017),
                                   centimes{1'000'000'000});
    parametres_evaluation p{};
    REQUIRE(validate(evalmod::def_2017, e.annuel(), p).ok());
    p.p2017.part_interessement = {-1, 5};
    const resultat_validation<rapport_valide> r = validate(evalmod::def_2017, e.annuel(), p);
    REQUIRE_FALSE(r.ok());
    CHECK(r.erreurs().front().id == regle::parametre_hors_domaine);
    CHECK(r.erreurs().front().lieu == "p2017.part_interessement");
    const resultat_validation<rapport_valide_pour<evalmod::def_2017>> t = validate<evalmod::def_2017>(e.annuel(), p);
    REQUIRE_FALSE(t.ok());
    CHECK(t.erreurs().front().id == regle::parametre_hors_domaine);
    const auto lot = validate_lot(evalmod::def_2017, p);
    REQUIRE_FALSE(lot.ok());
    CHECK(lot.erreurs().front().id == regle::parametre_hors_domaine);
}
