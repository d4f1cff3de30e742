// The batch validator (issue 16): the template and the parameters checked once by
// `validate_lot`, each report then by `validateur_rapports::valider`, with the same result as
// `validate(m, [c,] r, p)`, violations included (same rules, locations, details, order).
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <array>
#include <string>
#include <vector>

using namespace caqes;

namespace {

// Sanction steps out of order: CAQES-E034 at p2017.paliers[1].
parametres_evaluation parametres_en_desordre() {
    parametres_evaluation p{};
    p.p2017.paliers = {{{{3, 4}, {1, 200}}, {{1, 2}, {1, 100}}, {}}};
    return p;
}

// Every violation as text (rule, location, detail), in order.
std::string en_texte(const violations& vs) { return outils::tout(vs); }

// Two validations agree: both accepted with the same validated report (seen through its
// evaluation), or both rejected with the same violations in the same order.
void meme_resultat(const resultat_validation<rapport_valide>& a, const resultat_validation<rapport_valide>& b) {
    REQUIRE(a.ok() == b.ok());
    CHECK(en_texte(a.erreurs()) == en_texte(b.erreurs()));
    if (!a.ok()) return;
    const rapport_valide& x = a.valeur();
    const rapport_valide& y = b.valeur();
    CHECK(x.avec_instance() == y.avec_instance());
    CHECK(x.exercice() == y.exercice());
    CHECK(&x.modele() == &y.modele());
    const resultat_evaluation rx = evaluer(x);
    const resultat_evaluation ry = evaluer(y);
    REQUIRE(rx.ok());
    REQUIRE(ry.ok());
    CHECK(rx.total_sanctions == ry.total_sanctions);
    CHECK(rx.total_interessements == ry.total_interessements);
    REQUIRE(rx.nombre_volets == ry.nombre_volets);
    for (std::size_t i = 0; i < rx.nombre_volets; ++i) {
        CHECK(rx.volets[i].couverture.evalue == ry.volets[i].couverture.evalue);
        CHECK(rx.volets[i].principale.nature == ry.volets[i].principale.nature);
        CHECK(rx.volets[i].principale.montant == ry.volets[i].principale.montant);
    }
}

}  // namespace

TEST_CASE(
    "validate_lot: a valid template and parameters give a validator, a bad template or bad parameters their "
    "violations",
    "[evaluation][validation][lot]") {
    using evalmod::def_2017;
    SECTION("accepted") {
        const resultat_validation<validateur_rapports> v = validate_lot(def_2017, parametres_evaluation{});
        REQUIRE(v.ok());
        CHECK(&v.valeur().modele() == &def_2017);
        CHECK(v.erreurs().empty());
    }
    // The socle twice: the template breaks CAQES-E007 and E008.
    const std::array<volet_modele, 2> deux_socles{def_2017.volets[0], def_2017.volets[0]};
    modele_contrat_def mauvais = def_2017;
    mauvais.volets = deux_socles;
    REQUIRE_FALSE(validate(mauvais).empty());
    SECTION("rejected: a template that breaks a rule") {
        const resultat_validation<validateur_rapports> v = validate_lot(mauvais, parametres_evaluation{});
        REQUIRE_FALSE(v.ok());
        CHECK(en_texte(v.erreurs()) == en_texte(validate(mauvais)));
        CHECK(outils::trouver(v.erreurs(), regle::volet_en_double) != nullptr);
    }
    SECTION("rejected: parameters that break a rule") {
        const resultat_validation<validateur_rapports> v = validate_lot(def_2017, parametres_en_desordre());
        REQUIRE_FALSE(v.ok());
        REQUIRE(v.erreurs().size() == 1);
        CHECK(v.erreurs().front().id == regle::paliers_desordonnes);
        CHECK(v.erreurs().front().lieu == "p2017.paliers[1]");
    }
    SECTION("rejected: both, the template's violations only, as validate(m, r, p) gives") {
        const resultat_validation<validateur_rapports> v = validate_lot(mauvais, parametres_en_desordre());
        REQUIRE_FALSE(v.ok());
        CHECK(en_texte(v.erreurs()) == en_texte(validate(mauvais)));
        const evalmod::rapport_essai r(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(1'000'000));
        CHECK(en_texte(validate(mauvais, r.annuel(), parametres_en_desordre()).erreurs()) == en_texte(v.erreurs()));
    }
}

TEST_CASE("validateur_rapports: the same result as validate(m, [c,] r, p) on accepted and rejected reports",
          "[evaluation][validation][lot]") {
    using evalmod::def_2017;
    const parametres_evaluation p{};
    const resultat_validation<validateur_rapports> lot = validate_lot(def_2017, p);
    REQUIRE(lot.ok());
    const validateur_rapports& v = lot.valeur();
    const contrat_instance c = evalmod::instance_2017();

    // Accepted: every indicator reported, contract year 2 of the contract started in 2017.
    evalmod::rapport_essai bon(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
    bon.r.annee_contrat = 2;
    bon.economies[1] = euros(50'000);
    REQUIRE(validate(def_2017, c, bon.annuel(), p).ok());
    meme_resultat(v.valider(bon.annuel()), validate(def_2017, bon.annuel(), p));
    meme_resultat(v.valider(c, bon.annuel()), validate(def_2017, c, bon.annuel(), p));

    // Rejected: an indicator missing and a value of the wrong kind (several violations, in order).
    std::vector<valeurs_indicateur> valeurs = evalmod::tout_atteint(def_2017);
    valeurs[0] = evalmod::nombre(49);
    valeurs.pop_back();
    evalmod::rapport_essai mauvais(def_2017, 2018, valeurs, euros(10'000'000));
    mauvais.r.annee_contrat = 2;
    REQUIRE(validate(def_2017, mauvais.annuel(), p).erreurs().size() >= 2);
    meme_resultat(v.valider(mauvais.annuel()), validate(def_2017, mauvais.annuel(), p));
    meme_resultat(v.valider(c, mauvais.annuel()), validate(def_2017, c, mauvais.annuel(), p));

    // Rejected by the instance: the contract year (CAQES-E064), checked on each report.
    evalmod::rapport_essai annee(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
    annee.r.annee_contrat = 3;
    REQUIRE(validate(def_2017, annee.annuel(), p).ok());
    const resultat_validation<rapport_valide> e064 = v.valider(c, annee.annuel());
    REQUIRE_FALSE(e064.ok());
    CHECK(e064.erreurs().front().id == regle::annee_contrat_incoherente);
    meme_resultat(e064, validate(def_2017, c, annee.annuel(), p));

    // Rejected: an instance that breaks a rule (CAQES-E065), its violations alone.
    const contrat_instance hors_modele =
        evalmod::instance_2017({avenant{.signature = ymd{2018, 3, 1}, .volet_du_modele = volet_id::volet_bon_usage}});
    const resultat_validation<rapport_valide> e065 = v.valider(hors_modele, bon.annuel());
    REQUIRE_FALSE(e065.ok());
    CHECK(en_texte(e065.erreurs()) == en_texte(validate(def_2017, hors_modele)));
    meme_resultat(e065, validate(def_2017, hors_modele, bon.annuel(), p));
}

TEST_CASE("validate(m, c, r, p): the template, then the instance, then the parameters, the first that fails reported",
          "[evaluation][validation][lot]") {
    using evalmod::def_2017;
    const contrat_instance hors_modele =
        evalmod::instance_2017({avenant{.signature = ymd{2018, 3, 1}, .volet_du_modele = volet_id::volet_bon_usage}});
    evalmod::rapport_essai r(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
    r.r.annee_contrat = 2;
    // A bad instance and bad parameters: the instance's violations.
    const resultat_validation<rapport_valide> a = validate(def_2017, hors_modele, r.annuel(), parametres_en_desordre());
    REQUIRE_FALSE(a.ok());
    CHECK(en_texte(a.erreurs()) == en_texte(validate(def_2017, hors_modele)));
    // A good instance and bad parameters: the parameters'.
    const resultat_validation<rapport_valide> b =
        validate(def_2017, evalmod::instance_2017(), r.annuel(), parametres_en_desordre());
    REQUIRE_FALSE(b.ok());
    CHECK(b.erreurs().front().id == regle::paliers_desordonnes);
    // All good: accepted.
    CHECK(validate(def_2017, evalmod::instance_2017(), r.annuel(), {}).ok());
}
