// Issue 12, defect 5 and the earlier contracts: the successor scheme (L.162-23-14) and the
// contracts concluded before 2017-04-23 are their own kinds, not CAQES contracts.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <array>
#include <limits>
#include <string>
#include <vector>

using namespace caqes;
using outils::contient_texte;

namespace {

inline constexpr periode validite{ymd{2026, 1, 1}, ymd{2035, 1, 1}};
inline constexpr std::array<indicateur, 2> deux_objectifs{
    {evalmod::ind_taux(50, "ILL-E1", validite), evalmod::ind_nombre(51, "ILL-E2", validite)}};

dispositif_efficience_def dispositif_2026() {
    return {.nom = "efficience 2026",
            .fenetre = periode{ymd{2026, 1, 1}, ymd{2029, 1, 1}},
            .objectifs = deux_objectifs,
            .clauses = dotation_complementaire | penalite};
}

void exige_seule(const violations& vs, regle r, const std::string& lieu) {
    INFO(outils::tout(vs));
    REQUIRE(vs.size() == 1);
    CHECK(vs[0].id == r);
    CHECK(vs[0].lieu == lieu);
}

}  // namespace

TEST_CASE("issue 12 defect 5: the successor is a scheme, a contract template of its regime is CAQES-E043",
          "[successeur][E043]") {
    // As it was modelled: a "contract" with a volet, a 3-year term and the CAQES rules.
    const std::array<volet_modele, 1> volets{{{.volet = volet_id::dispositif_efficience,
                                               .terme = duree_annees(3),
                                               .grille = deux_objectifs,
                                               .clauses = dotation_complementaire}}};
    const modele_contrat_def comme_contrat{.nom = "successeur comme contrat",
                                           .regime = regime_id::successeur_2026,
                                           .fenetre = periode{ymd{2026, 1, 1}, ymd{2029, 1, 1}},
                                           .perimetre = activite_mco,
                                           .volets = volets};
    exige_seule(validate(comme_contrat), regle::hors_caqes, "modele.regime");
    // The same grid as a scheme: no volet, no term, valid.
    const dispositif_efficience_def d = dispositif_2026();
    INFO(outils::tout(validate(d)));
    CHECK(validate(d).empty());
    // An earlier contract's regime is refused as a contract template too.
    modele_contrat_def anterieur = comme_contrat;
    anterieur.regime = regime_id::contrats_anterieurs;
    exige_seule(validate(anterieur), regle::hors_caqes, "modele.regime");
    STATIC_REQUIRE(evalmod::dispositif_essai::valide);
    STATIC_REQUIRE(!conclut_des_caqes(regime_id::successeur_2026));
    STATIC_REQUIRE(conclut_des_caqes(regime_id::caqes_2022));
}

TEST_CASE("issue 12 defect 5: a scheme starting in 2026 carries the penalty for exercises from 2027",
          "[successeur][E010]") {
    const dispositif_charge d{dispositif_2026()};
    CHECK(validate(d.definition()).empty());  // it was E010 at the 2026 start

    parametres_evaluation p{};
    const std::vector<valeurs_indicateur> mal = evalmod::rien_atteint(d.modele());
    for (const int exercice : {2026, 2027}) {
        evalmod::rapport_essai r(d.modele(), exercice, mal, evalmod::base_80m);
        r.r.base_penalite = evalmod::base_80m;  // [U]: the establishment's own financing
        r.economies[0] = centimes{0};           // no savings: no allocation, the penalty alone
        const resultat_validation<rapport_valide> v = validate(d, r.annuel(), p);
        REQUIRE(v.ok());
        const resultat_evaluation res = evaluer(v.valeur());
        CHECK(res.nombre_volets == 0);
        if (exercice == 2026) {
            CHECK(res.nombre_contrat == 0);  // the interim version has no penalty
        } else {
            REQUIRE(res.nombre_contrat == 1);
            CHECK(res.contrat[0].nature == nature_proposition::penalite_financement);
            CHECK(res.contrat[0].montant == centimes{80'000'000});  // 1 % x (1 - 0) of 80 M EUR
            CHECK(res.contrat[0].article().legi_id.empty());        // [S], never LEGIARTI000053271346
            CHECK(res.contrat[0].loi->marque == marque_source::secondaire);
        }
        // No refusal sanction exists for a scheme nobody signs.
        CHECK_FALSE(
            sanction_refus_signature(regime_id::successeur_2026, evalmod::base_80m, ymd{exercice, 6, 1}).presente());
    }
}

TEST_CASE("CAQES-E030: a scheme's grid evaluates the exercises of its window and no later one", "[successeur][E030]") {
    // Its window is 2026-01-01 to 2029-01-01: a year after it is a year of another grid (nobody
    // signs, no term runs past the window); it once validated and proposed the penalty.
    const dispositif_charge d{dispositif_2026()};
    CHECK(regles::fin_des_effets(d.modele()) == ymd{2029, 1, 1});
    parametres_evaluation p{};
    const std::vector<valeurs_indicateur> mal = evalmod::rien_atteint(d.modele());
    for (const int exercice : {2028, 2029, 2034}) {
        CAPTURE(exercice);
        evalmod::rapport_essai r(d.modele(), exercice, mal, evalmod::base_80m);
        r.r.base_penalite = evalmod::base_80m;
        r.economies[0] = centimes{0};
        const resultat_validation<rapport_valide> v = validate(d, r.annuel(), p);
        if (exercice == 2028) {
            REQUIRE(v.ok());
            REQUIRE(evaluer(v.valeur()).nombre_contrat == 1);  // the penalty of its last year
            continue;
        }
        REQUIRE_FALSE(v.ok());
        exige_seule(v.erreurs(), regle::exercice_non_couvert, "rapport.exercice");
        CHECK(contient_texte(v.erreurs()[0].detail, "outside [2026-01-01, 2029-01-01)"));
    }
    // A year past the calendar's last overlaps nothing, and is no overflow: validate stops at it
    // with one violation (it computed the year's end and the term's coverage from it).
    CHECK(regles::exercice_couvert(d.modele(), 2026));
    CHECK_FALSE(regles::exercice_couvert(d.modele(), annee_max + 1));
    CHECK_FALSE(regles::exercice_couvert(d.modele(), std::numeric_limits<int>::max()));
    for (const int hors : {std::numeric_limits<int>::max(), std::numeric_limits<int>::min(), annee_max + 1}) {
        CAPTURE(hors);
        evalmod::rapport_essai r(d.modele(), 2026, mal, evalmod::base_80m);  // its evaluation date: 2027-06-01
        r.r.exercice = hors;
        r.r.annee_produits = 2025;
        const resultat_validation<rapport_valide> v = validate(d, r.annuel(), p);
        REQUIRE_FALSE(v.ok());
        exige_seule(v.erreurs(), regle::exercice_non_couvert, "rapport.exercice");
        CHECK(contient_texte(v.erreurs()[0].detail, "is no year of the calendar"));
    }
    // The readers' detail names the scheme's window, not contracts (nobody signs a scheme).
    CHECK(regles::pourquoi_exercice_non_couvert(d.modele(), 2029) ==
          "2029 is outside [2026-01-01, 2029-01-01), the window the scheme \"efficience 2026\" measures");
    CHECK(regles::pourquoi_exercice_non_couvert(evalmod::def_2017, 2016) ==
          "2016 is outside [2017-07-01, 2022-01-01), where contracts of \"essai 2017, quatre volets (illustratif)\" "
          "produce effects");
}

TEST_CASE("a scheme's rules: start from 2026, activities 1, 2 and 4, outcomes of L.162-23-14, its indicators",
          "[successeur][E003][E019][E010][E011]") {
    SECTION("a start before L.162-23-14 is in force is CAQES-E003") {
        dispositif_efficience_def d = dispositif_2026();
        const std::array<indicateur, 1> des_2025{
            {evalmod::ind_taux(50, "ILL-E1", periode{ymd{2025, 1, 1}, ymd{2035, 1, 1}})}};
        d.objectifs = des_2025;
        d.fenetre = periode{ymd{2025, 12, 31}, ymd{2029, 1, 1}};
        exige_seule(validate(d), regle::debut_hors_regime, "dispositif");
        d.fenetre = periode{ymd{2026, 1, 1}, ymd{2029, 1, 1}};
        CHECK(validate(d).empty());
    }
    SECTION("USLD is outside the scheme, CAQES-E019") {
        dispositif_efficience_def d = dispositif_2026();
        d.perimetre = activite_mco | activite_usld;
        exige_seule(validate(d), regle::perimetre_hors_regime, "dispositif");
        d.perimetre = activite_mco | activite_smr;
        CHECK(validate(d).empty());
    }
    SECTION("a sanction is no outcome of the scheme, CAQES-E010") {
        dispositif_efficience_def d = dispositif_2026();
        d.clauses = sanction;
        exige_seule(validate(d), regle::issue_non_permise, "dispositif");
        d.clauses = dotation_complementaire;
        CHECK(validate(d).empty());
    }
    SECTION("indicators are located among its objectives, CAQES-E011") {
        const std::array<indicateur, 2> meme_id{
            {evalmod::ind_taux(50, "ILL-E1", validite), evalmod::ind_nombre(50, "ILL-E2", validite)}};
        dispositif_efficience_def d = dispositif_2026();
        d.objectifs = meme_id;
        exige_seule(validate(d), regle::indicateur_en_double, "objectifs[1] (id 50, ILL-E2)");
    }
    SECTION("the outcomes the law provides from a day on") {
        CHECK(issues_permises_des(volet_id::dispositif_efficience, ymd{2026, 1, 1}) ==
              (dotation_complementaire | penalite));
        CHECK(issues_permises(volet_id::dispositif_efficience, ymd{2026, 6, 1}) == dotation_complementaire);
        CHECK(issues_permises(volet_id::dispositif_efficience, ymd{2027, 1, 1}) ==
              (dotation_complementaire | penalite));
        CHECK(issues_permises(volet_id::dispositif_efficience, ymd{2025, 12, 31}).vide());
    }
}

TEST_CASE(
    "issue 12: an earlier contract is its own kind: effects end 2017-12-31, void from 2018-01-01, no CAQES outcome",
    "[successeur][anterieur][E003]") {
    const contrat_anterieur_def cbu{
        .nom = "CBU CH exemple", .type = type_contrat_anterieur::cbu, .conclusion = ymd{2014, 6, 1}};
    CHECK(validate(cbu).empty());
    const situation_contrat_anterieur en_2017 = situation(cbu, ymd{2017, 12, 31});
    CHECK(en_2017.produit_effets);
    CHECK(en_2017.fin_effets == ymd{2018, 1, 1});
    CHECK(en_2017.source.legi_id == "LEGIARTI000041397219");
    const situation_contrat_anterieur en_2018 = situation(cbu, ymd{2018, 1, 1});
    CHECK_FALSE(en_2018.produit_effets);
    CHECK(texte(cbu, en_2018) ==
          "CBU 'CBU CH exemple' concluded on 2014-06-01: effects until 2017-12-31, void from 2018-01-01 "
          "(decret 2017-584 art. 2; CSS L.162-22-7 NOTA (LEGIARTI000041397219, version 2019-12-28)), void on this day. "
          "No CAQES outcome or procedure applies; its own sanctions and incentives are out of scope.");

    contrat_anterieur_def tard = cbu;
    tard.conclusion = ymd{2017, 4, 23};  // from that day a new contract is a CAQES
    REQUIRE(validate(tard).size() == 1);
    CHECK(validate(tard)[0].id == regle::debut_hors_regime);
    tard.conclusion = ymd{2017, 4, 22};
    CHECK(validate(tard).empty());
    tard.conclusion = ymd{2017, 2, 30};
    REQUIRE(validate(tard).size() == 1);
    CHECK(validate(tard)[0].id == regle::date_inexistante);

    // No CAQES procedure is in force for it: D.162-15 starts on 2017-04-23.
    CHECK_FALSE(contractualisation(cbu.conclusion, cbu.conclusion, {}, convention_delai::stricte).signature.prevue);
}

TEST_CASE("issue 12: the successor penalty's formula is a [U] parameter, within the 2 % of the law",
          "[successeur][E028]") {
    const dispositif_charge d{dispositif_2026()};
    parametres_evaluation p{};
    p.successeur.formule = formule_penalite::taux_plein_sous_seuil;
    p.successeur.seuil_penalite = {1, 2};
    p.successeur.taux_penalite = {2, 100};
    auto montant_penalite = [&](const std::vector<valeurs_indicateur>& v) {
        evalmod::rapport_essai r(d.modele(), 2027, v, evalmod::base_80m);
        r.r.base_penalite = evalmod::base_80m;
        r.economies[0] = centimes{0};  // no savings: no allocation, the penalty alone
        const resultat_validation<rapport_valide> ok = validate(d, r.annuel(), p);
        REQUIRE(ok.ok());
        const resultat_evaluation res = evaluer(ok.valeur());
        return res.nombre_contrat == 0 ? centimes{-1} : res.contrat[0].montant;
    };
    // Score 0, under 1/2: the whole 2 % of 80 M EUR.
    CHECK(montant_penalite(evalmod::rien_atteint(d.modele())) == centimes{160'000'000});
    // Score 1: no penalty at all (the proportional formula would give none either).
    CHECK(montant_penalite(evalmod::tout_atteint(d.modele())) == centimes{-1});

    // The threshold is a score, in [0, 1] (CAQES-E046); 1 itself is accepted.
    p.successeur.seuil_penalite = {3, 2};
    const violations vs = validate(p);
    REQUIRE(vs.size() == 1);
    CHECK(vs[0].id == regle::parametre_hors_domaine);
    CHECK(vs[0].lieu == "successeur.seuil_penalite");
    p.successeur.seuil_penalite = {1, 1};
    CHECK(validate(p).empty());
    p.successeur.seuil_penalite = {-1, 100};
    REQUIRE(validate(p).size() == 1);
}

TEST_CASE("a recorded successor penalty is bounded by the law's 2 % of its base, or refused (CAQES-E062)",
          "[successeur][decision][E062]") {
    const dispositif_charge d{dispositif_2026()};
    const parametres_evaluation p{};
    const volet_id grille = d.modele().volets[0].volet;
    auto valider = [&](centimes montant, std::optional<centimes> base) {
        evalmod::rapport_essai r(d.modele(), 2027, evalmod::rien_atteint(d.modele()), evalmod::base_80m);
        r.r.base_penalite = base;
        r.economies[0] = centimes{0};
        r.decisions = {evalmod::decision(grille, issue_legale::penalite_financement, montant)};
        return validate(d, r.annuel(), p);
    };
    // The cap itself is within the law, and the decision is totalled.
    const resultat_validation<rapport_valide> au_plafond = valider(centimes{160'000'000}, evalmod::base_80m);
    INFO(outils::tout(au_plafond.erreurs()));
    REQUIRE(au_plafond.ok());
    CHECK(evaluer(au_plafond.valeur()).total_sanctions_decidees == centimes{160'000'000});
    // One cent more is refused at the decision's amount, naming the base and the version.
    const resultat_validation<rapport_valide> au_dessus = valider(centimes{160'000'001}, evalmod::base_80m);
    REQUIRE_FALSE(au_dessus.ok());
    const std::string lieu = "rapport.decisions[0] (" + std::string{traits(grille).nom} + ").montant";
    exige_seule(au_dessus.erreurs(), regle::decision_hors_la_loi, lieu);
    CHECK(contient_texte(au_dessus.erreurs()[0].detail, "of the penalty base 80000000.00 EUR"));
    // Without the report's base the penalty has nothing to be a share of (CAQES-E066), and no
    // decided amount can be shown to be within the law: one missing base, one violation, at
    // the base.
    const resultat_validation<rapport_valide> sans = valider(centimes{1}, std::nullopt);
    REQUIRE_FALSE(sans.ok());
    exige_seule(sans.erreurs(), regle::base_absente, "rapport.base_penalite");
    // Under parameters that propose no penalty (a zero rate) the base is not required, and a
    // decided penalty without it is refused at the decision, naming the base it lacks.
    parametres_evaluation sans_taux = p;
    sans_taux.successeur.taux_penalite = fraction{0, 1};
    evalmod::rapport_essai r(d.modele(), 2027, evalmod::rien_atteint(d.modele()), evalmod::base_80m);
    r.economies[0] = centimes{0};
    r.decisions = {evalmod::decision(grille, issue_legale::penalite_financement, centimes{1})};
    const resultat_validation<rapport_valide> decidee = validate(d, r.annuel(), sans_taux);
    REQUIRE_FALSE(decidee.ok());
    exige_seule(decidee.erreurs(), regle::decision_hors_la_loi, lieu);
    CHECK(contient_texte(decidee.erreurs()[0].detail, "rapport.base_penalite"));
    r.decisions.clear();
    CHECK(validate(d, r.annuel(), sans_taux).ok());
}

TEST_CASE("the successor's allocation and penalty decided in one year: each beside its own proposal, flagged above it",
          "[successeur][decision]") {
    const dispositif_charge d{dispositif_2026()};
    const volet_id grille = d.modele().volets[0].volet;
    // 2027, every indicator missed: the allocation is half of 10 000 EUR of savings, the
    // penalty 1 % x (1 - 0) of the 80 M EUR base; the ARS decides more of both, within the law.
    evalmod::rapport_essai r(d.modele(), 2027, evalmod::rien_atteint(d.modele()), evalmod::base_80m);
    r.r.base_penalite = evalmod::base_80m;
    r.economies[0] = centimes{1'000'000};
    r.decisions = {evalmod::decision(grille, issue_legale::dotation, centimes{900'000}),
                   evalmod::decision(grille, issue_legale::penalite_financement, centimes{150'000'000})};
    const resultat_validation<rapport_valide> v = validate(d, r.annuel(), parametres_evaluation{});
    INFO(outils::tout(v.erreurs()));
    REQUIRE(v.ok());
    const resultat_evaluation res = evaluer(v.valeur());
    REQUIRE(res.nombre_contrat == 2);
    CHECK(res.contrat[0].nature == nature_proposition::dotation);
    CHECK(res.contrat[0].montant == centimes{500'000});
    CHECK(res.contrat[0].decision_finale == centimes{900'000});
    CHECK(res.contrat[0].decision_au_dessus);
    CHECK(res.contrat[1].nature == nature_proposition::penalite_financement);
    CHECK(res.contrat[1].montant == centimes{80'000'000});
    CHECK(res.contrat[1].decision_finale == centimes{150'000'000});
    CHECK(res.contrat[1].decision_au_dessus);
    CHECK(res.contrat_nature_decidee[0] == issue_legale::dotation);
    CHECK(res.contrat_nature_decidee[1] == issue_legale::penalite_financement);
    CHECK(res.total_interessements_decides == centimes{900'000});
    CHECK(res.total_sanctions_decidees == centimes{150'000'000});
    // Decided at or under the proposals: shown, not flagged.
    r.decisions[0].montant = centimes{500'000};
    r.decisions[1].montant = centimes{80'000'000};
    const resultat_evaluation egal = evaluer(validate(d, r.annuel(), parametres_evaluation{}).valeur());
    CHECK_FALSE(egal.contrat[0].decision_au_dessus);
    CHECK_FALSE(egal.contrat[1].decision_au_dessus);
    CHECK(egal.contrat[1].decision_finale == centimes{80'000'000});
    // A penalty decided where none is proposed (every indicator met: score 1) is shown beside no
    // proposal, and flagged.
    evalmod::rapport_essai atteint(d.modele(), 2027, evalmod::tout_atteint(d.modele()), evalmod::base_80m);
    atteint.r.base_penalite = evalmod::base_80m;
    atteint.economies[0] = centimes{0};
    atteint.decisions = {evalmod::decision(grille, issue_legale::penalite_financement, centimes{1'000})};
    const resultat_evaluation seule_decision = evaluer(validate(d, atteint.annuel(), parametres_evaluation{}).valeur());
    REQUIRE(seule_decision.nombre_contrat == 1);
    CHECK_FALSE(seule_decision.contrat[0].presente());
    // The entry's nature is `aucune`: which outcome was decided is kept beside it.
    CHECK(seule_decision.contrat_nature_decidee[0] == issue_legale::penalite_financement);
    CHECK(seule_decision.contrat[0].decision_finale == centimes{1'000});
    CHECK(seule_decision.contrat[0].decision_au_dessus);
    CHECK(seule_decision.total_sanctions_decidees == centimes{1'000});
    // "No outcome" and a decided outcome contradict each other, in either order (CAQES-E036).
    const decision_volet aucune = evalmod::decision(grille, std::nullopt, centimes{0});
    for (const std::vector<decision_volet>& ds :
         {std::vector<decision_volet>{aucune, r.decisions[0]}, std::vector<decision_volet>{r.decisions[1], aucune}}) {
        evalmod::rapport_essai x = r;
        x.decisions = ds;
        const resultat_validation<rapport_valide> contradictoire = validate(d, x.annuel(), parametres_evaluation{});
        REQUIRE_FALSE(contradictoire.ok());
        exige_seule(contradictoire.erreurs(), regle::saisie_en_double,
                    "rapport.decisions[1] (" + std::string{traits(grille).nom} + ").nature");
    }
    // Each outcome is decided once: a second penalty is refused (CAQES-E036).
    r.decisions.push_back(evalmod::decision(grille, issue_legale::penalite_financement, centimes{1}));
    const resultat_validation<rapport_valide> deux = validate(d, r.annuel(), parametres_evaluation{});
    REQUIRE_FALSE(deux.ok());
    exige_seule(deux.erreurs(), regle::saisie_en_double,
                "rapport.decisions[2] (" + std::string{traits(grille).nom} + ").nature");
}
