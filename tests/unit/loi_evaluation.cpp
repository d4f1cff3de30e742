// Issue 12: the law as dated data, applied by the evaluation. One named regression test per
// defect, then the table-driven test of exercises 2017 to 2028 under each version policy.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <string_view>

using namespace caqes;
using evalmod::base_80m;

namespace {

const std::vector<valeurs_indicateur>& rien_2017() {
    static const std::vector<valeurs_indicateur> v = evalmod::rien_atteint(evalmod::def_2017);
    return v;
}
const std::vector<valeurs_indicateur>& tout_2022() {
    static const std::vector<valeurs_indicateur> v = evalmod::tout_atteint(evalmod::def_2022);
    return v;
}
const std::vector<valeurs_indicateur>& rien_successeur() {
    static const std::vector<valeurs_indicateur> v = evalmod::rien_atteint(evalmod::def_successeur);
    return v;
}

// A 2022 report with the L.162-30-4 part: referral on 2019-01-02, 1 200 acts for a target of
// 1 000 (previous year 1 300), 100 EUR per act, a liste en sus share of 20 000 EUR.
evalmod::rapport_essai rapport_2022(int exercice, ymd evaluation) {
    evalmod::rapport_essai r(evalmod::def_2022, exercice, tout_2022(), base_80m);
    r.r.date_evaluation = evaluation;
    r.economies = {centimes{1'000'000}, centimes{1'000'000}, centimes{1'000'000}};
    r.r.l162_30_4 = donnees_l162_30_4{.saisine = ymd{2019, 1, 2},
                                      .actes_realises = 1'200,
                                      .actes_cible = 1'000,
                                      .actes_annee_precedente = 1'300,
                                      .tarif_national_moyen = centimes{10'000},
                                      .part_liste_en_sus = centimes{2'000'000}};
    return r;
}

parametres_evaluation parametres_l162_30_4(version_applicable v = version_applicable::regime_du_contrat) {
    parametres_evaluation p{};
    p.version = v;
    p.p2022.seuil_largement_superieur = fraction{1, 10};
    p.p2022.duree_mesures_mois = 12;
    return p;
}

// Validated, then evaluated: the evaluators take nothing else.
template <const modele_contrat_def& M>
resultat_evaluation evaluer_essai(const evalmod::rapport_essai& e, const parametres_evaluation& p = {}) {
    return evaluateur<M>::evaluer(evalmod::valide<M>(e, p));
}

const proposition* trouver(const resultat_evaluation& res, nature_proposition n) {
    for (std::size_t i = 0; i < res.nombre_contrat; ++i) {
        if (res.contrat[i].nature == n) return &res.contrat[i];
    }
    return nullptr;
}

}  // namespace

TEST_CASE("defect 1: the legal caps are the law's, a rate past one is CAQES-E050, the cap itself passes",
          "[loi][defaut1]") {
    struct cas_limite {
        const char* lieu;
        void (*fixer)(parametres_evaluation&, fraction);
        fraction limite;
    };
    const cas_limite cas[] = {
        {"p2017.paliers[0].taux", [](parametres_evaluation& p, fraction f) { p.p2017.paliers[0].taux = f; }, {1, 100}},
        {"p2017.part_interessement",
         [](parametres_evaluation& p, fraction f) { p.p2017.part_interessement = f; },
         {30, 100}},
        {"p2017.reduction_liste_en_sus.taux",
         [](parametres_evaluation& p, fraction f) { p.p2017.reduction_liste_en_sus = reduction_liste_en_sus_2017{f}; },
         {30, 100}},
        {"p2022.taux_abattement", [](parametres_evaluation& p, fraction f) { p.p2022.taux_abattement = f; }, {50, 100}},
        {"p2022.taux_minoration", [](parametres_evaluation& p, fraction f) { p.p2022.taux_minoration = f; }, {50, 100}},
        {"successeur.taux_penalite",
         [](parametres_evaluation& p, fraction f) { p.successeur.taux_penalite = f; },
         {2, 100}},
    };
    for (const cas_limite& c : cas) {
        INFO(c.lieu);
        parametres_evaluation pile{};
        c.fixer(pile, c.limite);
        CHECK(validate(pile).empty());
        CHECK(regles::parametres_dans_la_loi(pile));
        // The limit plus one billionth.
        parametres_evaluation plus{};
        c.fixer(plus, fraction{c.limite.num * 1'000'000'000 / c.limite.den + 1, 1'000'000'000});
        const violations v = validate(plus);
        REQUIRE(v.size() == 1);
        CHECK(v[0].id == regle::parametre_hors_la_loi);
        CHECK(v[0].lieu == c.lieu);
        CHECK_FALSE(regles::parametres_dans_la_loi(plus));
    }
    // The 2017 evaluation with the law's values: the cap cited is the version looked up.
    evalmod::rapport_essai r(evalmod::def_2017, 2018, rien_2017(), base_80m);
    const resultat_evaluation res = evaluer_essai<evalmod::def_2017>(r, {});
    CHECK(res.volets[0].principale.montant == centimes{80'000'000});  // the illustrative 1 % step, below 1/2
    CHECK(res.volets[0].principale.plafond == centimes{80'000'000});
    CHECK(res.volets[0].principale.article().legi_id == "LEGIARTI000034459834");
    CHECK(res.volets[0].principale.article().version == "[2017-04-23, 2022-01-01)");
}

TEST_CASE("defect 2: refusal rates are fixed by the law, not maxima, no user rate", "[loi][defaut2]") {
    const proposition s17 = sanction_refus_signature(regime_id::caqes_2017, base_80m, ymd{2017, 9, 1});
    CHECK(s17.taux == fraction{1, 100});
    CHECK(s17.montant == centimes{80'000'000});
    CHECK(s17.article().legi_id == "LEGIARTI000034459846");
    const proposition s22 = sanction_refus_signature(regime_id::caqes_2022, base_80m, ymd{2022, 9, 1});
    CHECK(s22.montant == centimes{80'000'000});
    CHECK(s22.article().legi_id == "LEGIARTI000044102672");
    // D.162-15 (2017) "reduire de 30 %": exactly 30 % of the share.
    const proposition alt = reduction_refus_2017(regime_id::caqes_2017, centimes{1'000'001}, ymd{2017, 9, 1});
    CHECK(alt.taux == fraction{30, 100});
    CHECK(alt.montant == centimes{300'000});
    // After the repeal of L.162-30-2 there is no refusal sanction.
    CHECK_FALSE(sanction_refus_signature(regime_id::caqes_2022, base_80m, ymd{2027, 1, 1}).presente());
    // The D.162-16 III 2 evaluation cut stays a maximum ("dans la limite de 30 %").
    CHECK(constante_en_vigueur(article_loi::d162_16, constante_legale::plafond_reduction_liste_en_sus, ymd{2018, 1, 1})
              .source->sorte == sorte_constante::plafond);
}

TEST_CASE(
    "defect 3a: exercise 2021 evaluated in 2022: the default keeps 2017 sanctions and says date_evaluation differs",
    "[loi][defaut3]") {
    evalmod::rapport_essai r(evalmod::def_2017, 2021, rien_2017(), base_80m);
    r.r.date_evaluation = ymd{2022, 3, 1};
    const resultat_evaluation def = evaluer_essai<evalmod::def_2017>(r, {});
    CHECK(def.regles.politique == version_applicable::regime_du_contrat);
    CHECK(def.regles.date == ymd{2021, 1, 1});
    CHECK(def.volets[0].principale.nature == nature_proposition::sanction_volet);
    CHECK(def.volets[0].principale.montant == centimes{80'000'000});
    CHECK(def.volets[0].principale.article().legi_id == "LEGIARTI000034459834");
    CHECK(def.regles.diverge(version_applicable::date_evaluation));
    CHECK_FALSE(def.regles.diverge(version_applicable::annee_exercice));

    parametres_evaluation p{};
    p.version = version_applicable::date_evaluation;
    const resultat_evaluation eval = evaluer_essai<evalmod::def_2017>(r, p);
    CHECK(eval.regles.date == ymd{2022, 3, 1});
    CHECK_FALSE(eval.volets[0].principale.presente());  // D.162-16 LEGIARTI000044102658 provides no sanction
    CHECK(eval.regles.refusees.contient(issue_legale::sanction_volet));
    CHECK(eval.total_sanctions == centimes{0});
    CHECK(eval.regles.diverge(version_applicable::regime_du_contrat));
}

TEST_CASE(
    "CAQES-E067: under date_evaluation a report without its evaluation date is refused, not evaluated under "
    "no law",
    "[loi][defaut3][E067]") {
    // Exercise 2019, every objective missed: the 1 % sanction of the 2017 D.162-16 in force on
    // the evaluation date. Without that date no version would be in force, and nothing proposed.
    evalmod::rapport_essai r(evalmod::def_2017, 2019, rien_2017(), base_80m);
    r.r.date_evaluation = ymd{};
    parametres_evaluation p{};
    p.version = version_applicable::date_evaluation;
    const auto seule = [&] {
        const violations vs = validate(evalmod::def_2017, r.annuel(), p).erreurs();
        INFO(outils::tout(vs));
        REQUIRE(vs.size() == 1);
        return vs.front();
    };
    const violation sans = seule();
    CHECK(sans.id == regle::date_evaluation_absente);
    CHECK(sans.lieu == "rapport.date_evaluation");
    CHECK(outils::contient_texte(sans.detail, "which the report does not give"));
    r.r.date_evaluation = ymd{2020, 2, 30};
    CHECK(outils::contient_texte(seule().detail, "2020-02-30 is no day"));
    // Given, the law of that day: the sanction.
    r.r.date_evaluation = ymd{2020, 3, 1};
    const resultat_evaluation avec = evaluer_essai<evalmod::def_2017>(r, p);
    CHECK(avec.regles.date == ymd{2020, 3, 1});
    CHECK(avec.volets[0].principale.nature == nature_proposition::sanction_volet);
    CHECK(avec.volets[0].principale.montant == centimes{80'000'000});
    // The other policies do not read it: without it, the same sanction.
    r.r.date_evaluation = ymd{};
    for (const version_applicable v : {version_applicable::regime_du_contrat, version_applicable::annee_exercice}) {
        p.version = v;
        CHECK(evaluer_essai<evalmod::def_2017>(r, p).volets[0].principale.montant == centimes{80'000'000});
    }
}

TEST_CASE("L.162-30-4 data without the evaluation date: no measure can be due, and the output says why",
          "[loi][l162_30_4]") {
    const resultat_evaluation sans =
        evaluer_essai<evalmod::def_2022>(rapport_2022(2022, ymd{}), parametres_l162_30_4());
    CHECK(sans.regles.a(alerte_evaluation::date_evaluation_absente));
    CHECK(nom(alerte_evaluation::date_evaluation_absente) == "date_evaluation_absente");
    CHECK(trouver(sans, nature_proposition::abattement) == nullptr);
    // Given, two years after the referral: the cut, and no such alert.
    const resultat_evaluation avec =
        evaluer_essai<evalmod::def_2022>(rapport_2022(2022, ymd{2023, 3, 1}), parametres_l162_30_4());
    CHECK_FALSE(avec.regles.a(alerte_evaluation::date_evaluation_absente));
    CHECK(trouver(avec, nature_proposition::abattement) != nullptr);
}

TEST_CASE("defect 3b: exercise 2026 evaluated after the 2027 repeal: flagged, and nothing under date_evaluation",
          "[loi][defaut3]") {
    const evalmod::rapport_essai r = rapport_2022(2026, ymd{2027, 3, 1});
    const resultat_evaluation def = evaluer_essai<evalmod::def_2022>(r, parametres_l162_30_4());
    CHECK(def.volets[0].principale.nature == nature_proposition::interessement_national);
    CHECK(def.volets[0].principale.article().legi_id == "LEGIARTI000053220456");
    const proposition* ab = trouver(def, nature_proposition::abattement);
    REQUIRE(ab != nullptr);
    CHECK(ab->article().legi_id == "LEGIARTI000048702783");
    CHECK(def.regles.diverge(version_applicable::date_evaluation));

    const resultat_evaluation eval =
        evaluer_essai<evalmod::def_2022>(r, parametres_l162_30_4(version_applicable::date_evaluation));
    CHECK_FALSE(eval.volets[0].principale.presente());
    CHECK(eval.nombre_contrat == 0);
    CHECK(eval.regles.refusees.contient(issue_legale::interessement_national));
    CHECK(eval.regles.refusees.contient(issue_legale::abattement));
    CHECK(eval.regles.refusees.contient(issue_legale::minoration));
}

TEST_CASE(
    "defect 3c: citations follow the version in force: L.162-30-4 from 2025, D.162-16 from 2025-12-31, successor from "
    "a secondary source",
    "[loi][defaut3]") {
    const resultat_evaluation r2025 =
        evaluer_essai<evalmod::def_2022>(rapport_2022(2025, ymd{2026, 3, 1}), parametres_l162_30_4());
    REQUIRE(trouver(r2025, nature_proposition::abattement) != nullptr);
    CHECK(trouver(r2025, nature_proposition::abattement)->article().legi_id == "LEGIARTI000048702783");
    CHECK(r2025.volets[0].principale.article().legi_id == "LEGIARTI000044102658");  // on 2025-01-01
    const resultat_evaluation r2026 =
        evaluer_essai<evalmod::def_2022>(rapport_2022(2026, ymd{2026, 9, 1}), parametres_l162_30_4());
    CHECK(r2026.volets[0].principale.article().legi_id == "LEGIARTI000053220456");
    evalmod::rapport_essai rs(evalmod::def_successeur, 2027, rien_successeur(), base_80m);
    rs.r.base_penalite = base_80m;
    const resultat_evaluation succ = evaluer_essai<evalmod::def_successeur>(rs, parametres_l162_30_4());
    const proposition* pen = trouver(succ, nature_proposition::penalite_financement);
    REQUIRE(pen != nullptr);
    CHECK(pen->article().legi_id.empty());
    CHECK(pen->loi->marque == marque_source::secondaire);
    CHECK(pen->plafond == centimes{160'000'000});  // 2 % [S]
}

TEST_CASE("defect 4a: L.162-30-4 needs acts largely above the target, a threshold with no default", "[loi][defaut4]") {
    evalmod::rapport_essai r = rapport_2022(2023, ymd{2024, 3, 1});
    r.r.l162_30_4->actes_realises = 1'001;  // one act over 1 000
    parametres_evaluation p = parametres_l162_30_4();
    CHECK(evaluer_essai<evalmod::def_2022>(r, p).nombre_contrat == 0);  // 1 over 1 000 is not > 10 %
    r.r.l162_30_4->actes_realises = 1'100;                              // exactly 10 %: not "largely" above
    CHECK(evaluer_essai<evalmod::def_2022>(r, p).nombre_contrat == 0);
    r.r.l162_30_4->actes_realises = 1'101;
    const resultat_evaluation res = evaluer_essai<evalmod::def_2022>(r, p);
    REQUIRE(res.nombre_contrat == 2);
    CHECK(res.contrat[0].montant == centimes{202'000});  // 101 acts x 100 EUR x 20 %

    p.p2022.seuil_largement_superieur.reset();
    const resultat_evaluation sans = evaluer_essai<evalmod::def_2022>(r, p);
    CHECK(sans.nombre_contrat == 0);
    CHECK(sans.regles.a(alerte_evaluation::seuil_largement_absent));
    const violations v = validate(evalmod::def_2022, p);
    REQUIRE(v.size() == 1);
    CHECK(v[0].id == regle::parametre_ouvert_absent);
    CHECK(v[0].lieu == "p2022.seuil_largement_superieur");
    CHECK(validate(evalmod::def_2022, parametres_l162_30_4()).empty());
}

TEST_CASE("defect 4b: the reduction stands alone from 2020-12-16, not before", "[loi][defaut4]") {
    // Before 2020-12-16 ("ainsi qu'une minoration", LEGIARTI000041398020) the reduction goes
    // with a tariff cut; from then on ("et peut fixer une minoration") it stands alone.
    const version_loi* avant = version_en_vigueur(article_loi::l162_30_4, ymd{2020, 12, 15});
    const version_loi* apres = version_en_vigueur(article_loi::l162_30_4, ymd{2020, 12, 16});
    REQUIRE(avant != nullptr);
    REQUIRE(apres != nullptr);
    CHECK(avant->reference.legi_id == "LEGIARTI000041398020");
    CHECK(avant->minoration_liee_abattement);
    CHECK(apres->reference.legi_id == "LEGIARTI000042685227");
    CHECK_FALSE(apres->minoration_liee_abattement);
    // A second-generation report cannot reach the 2020 version: its exercises start in 2022
    // (CAQES-E030), and every policy dates its rules from then on.
    parametres_evaluation p = parametres_l162_30_4(version_applicable::annee_exercice);
    p.p2022.taux_abattement = {0, 1};  // the ARS fixes no tariff cut
    const auto hors = validate<evalmod::def_2022>(rapport_2022(2020, ymd{2021, 3, 1}).annuel(), p);
    REQUIRE_FALSE(hors.ok());
    CHECK(hors.erreurs().front().id == regle::exercice_non_couvert);
    // Exercise 2022 under the later version: the reduction alone.
    const resultat_evaluation seule = evaluer_essai<evalmod::def_2022>(rapport_2022(2022, ymd{2023, 3, 1}), p);
    REQUIRE(seule.nombre_contrat == 1);
    CHECK(seule.contrat[0].nature == nature_proposition::minoration);
    CHECK(seule.contrat[0].montant == centimes{400'000});
    CHECK(seule.contrat[0].article().legi_id == "LEGIARTI000042685227");
}

TEST_CASE("defect 4c: the 70 % floor of the L.162-30-3 version in force bars a report below it", "[loi][defaut4]") {
    evalmod::rapport_essai r = rapport_2022(2023, ymd{2024, 3, 1});
    r.r.l162_30_4->actes_annee_precedente = 1'000;
    r.r.l162_30_4->actes_cible = 699;
    r.r.l162_30_4->actes_realises = 1'000;
    // The report is not valid, so no evaluation can rest on the target (the evaluation also
    // checks it, at the date of its rules, and flags cible_sous_plancher).
    const auto sous = validate<evalmod::def_2022>(r.annuel(), parametres_l162_30_4());
    REQUIRE_FALSE(sous.ok());
    const violation* v = outils::trouver(sous.erreurs(), regle::cible_sous_plancher);
    REQUIRE(v != nullptr);
    CHECK(outils::contient_texte(v->detail, "699 < 7/10 of 1000 (CSS L.162-30-3 LEGIARTI000042685237)"));
    r.r.l162_30_4->actes_cible = 700;
    const resultat_evaluation pile = evaluer_essai<evalmod::def_2022>(r, parametres_l162_30_4());
    CHECK_FALSE(pile.regles.a(alerte_evaluation::cible_sous_plancher));
    CHECK(pile.nombre_contrat == 2);
}

TEST_CASE("defect 4d: the measures are fixed for a limited duration, stated in the output, no default",
          "[loi][defaut4]") {
    const evalmod::rapport_essai r = rapport_2022(2023, ymd{2024, 1, 15});
    parametres_evaluation p = parametres_l162_30_4();
    p.p2022.duree_mesures_mois = 1;
    const resultat_evaluation res = evaluer_essai<evalmod::def_2022>(r, p);
    CHECK(res.regles.periode_mesures == periode{ymd{2024, 1, 15}, ymd{2024, 2, 15}});
    p.p2022.duree_mesures_mois.reset();
    const resultat_evaluation sans = evaluer_essai<evalmod::def_2022>(r, p);
    CHECK(sans.nombre_contrat == 0);
    CHECK(sans.regles.a(alerte_evaluation::duree_mesures_absente));
    CHECK(outils::trouver(validate(evalmod::def_2022, p), regle::parametre_ouvert_absent)->lieu ==
          "p2022.duree_mesures_mois");
}

TEST_CASE(
    "defect 5 (part): no refusal sanction for the successor or earlier contracts, the penalty base is the "
    "establishment's",
    "[loi][defaut5]") {
    CHECK_FALSE(sanction_refus_signature(regime_id::successeur_2026, base_80m, ymd{2026, 6, 1}).presente());
    CHECK_FALSE(sanction_refus_signature(regime_id::contrats_anterieurs, base_80m, ymd{2017, 3, 1}).presente());
    evalmod::rapport_essai rs(evalmod::def_successeur, 2027, rien_successeur(), base_80m);
    rs.economies[0] = centimes{0};  // no savings: no allocation, the penalty alone
    // Without its base the report is refused where the penalty is in force (CAQES-E066)...
    const auto sans_base = validate<evalmod::def_successeur>(rs.annuel(), parametres_evaluation{});
    REQUIRE_FALSE(sans_base.ok());
    REQUIRE(sans_base.erreurs().size() == 1);
    CHECK(sans_base.erreurs()[0].id == regle::base_absente);
    CHECK(sans_base.erreurs()[0].lieu == "rapport.base_penalite");
    CHECK(outils::contient_texte(sans_base.erreurs()[0].detail, "L.162-23-14"));
    // ... but not where the parameters propose no penalty whatever the score: a zero rate, or
    // the whole rate under a threshold of 0.
    parametres_evaluation sans_taux{};
    sans_taux.successeur.taux_penalite = {0, 1};
    CHECK(validate<evalmod::def_successeur>(rs.annuel(), sans_taux).ok());
    parametres_evaluation seuil_nul{};
    seuil_nul.successeur.formule = formule_penalite::taux_plein_sous_seuil;
    seuil_nul.successeur.seuil_penalite = {0, 1};
    CHECK(validate<evalmod::def_successeur>(rs.annuel(), seuil_nul).ok());
    seuil_nul.successeur.seuil_penalite = {1, 100};
    CHECK_FALSE(validate<evalmod::def_successeur>(rs.annuel(), seuil_nul).ok());
    // ... and accepted in 2026, where the interim version has no penalty.
    evalmod::rapport_essai en_2026 = rs;
    en_2026.r.exercice = 2026;
    en_2026.r.date_evaluation = ymd{2027, 3, 1};
    CHECK(validate<evalmod::def_successeur>(en_2026.annuel(), parametres_evaluation{}).ok());
    rs.r.base_penalite = centimes{1'000'000'000};
    const resultat_evaluation avec = evaluer_essai<evalmod::def_successeur>(rs);
    REQUIRE(avec.nombre_contrat == 1);
    CHECK(avec.contrat[0].montant == centimes{10'000'000});  // 1 % x (1 - 0) of the establishment's base
}

TEST_CASE("defect 6: the 2017 evaluation cut of the liste en sus share is computed, within 30 %", "[loi][defaut6]") {
    static constexpr std::array<volet_modele, 1> volets{{
        {.volet = volet_id::volet_socle,
         .terme = duree_indeterminee,
         .grille = evalmod::g_socle,
         .clauses = sanction | minoration_liste_en_sus},
    }};
    static constexpr modele_contrat_def def{.nom = "socle 2017 avec reduction",
                                            .regime = regime_id::caqes_2017,
                                            .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
                                            .volets = volets};
    const std::vector<valeurs_indicateur> v = evalmod::rien_atteint(def);
    evalmod::rapport_essai r(def, 2018, v, base_80m);
    parametres_evaluation p{};
    p.p2017.reduction_liste_en_sus = reduction_liste_en_sus_2017{{30, 100}};
    // The cut the grid chose is a share of the establishment's own liste en sus share: a report
    // without it is refused (CAQES-E066), not cut by some other establishment's figure.
    const auto sans_part = validate(def, r.annuel(), p);
    REQUIRE_FALSE(sans_part.ok());
    CHECK(sans_part.erreurs()[0].id == regle::base_absente);
    CHECK(sans_part.erreurs()[0].lieu == "rapport.part_liste_en_sus");
    CHECK(outils::contient_texte(sans_part.erreurs()[0].detail, "3/10"));
    // A cut decided with an estimated amount, the share still missing: one missing base, one
    // violation (CAQES-E066), not also the decision's bound on it (CAQES-E062).
    decision_volet coupe =
        evalmod::decision(volet_id::volet_socle, issue_legale::reduction_liste_en_sus, centimes{300'000});
    coupe.taux = fraction{30, 100};
    coupe.duree_mois = 12;
    r.decisions = {coupe};
    const auto coupe_sans_part = validate(def, r.annuel(), p);
    REQUIRE_FALSE(coupe_sans_part.ok());
    REQUIRE(coupe_sans_part.erreurs().size() == 1);
    CHECK(coupe_sans_part.erreurs()[0].id == regle::base_absente);
    r.decisions.clear();
    r.r.part_liste_en_sus = centimes{-1};
    const auto negative = validate(def, r.annuel(), p);
    REQUIRE_FALSE(negative.ok());
    CHECK(negative.erreurs()[0].id == regle::valeur_hors_domaine);
    CHECK(negative.erreurs()[0].lieu == "rapport.part_liste_en_sus");
    r.r.part_liste_en_sus = centimes{1'000'001};
    const resultat_evaluation res = evaluer(evalmod::valide(r, p));
    REQUIRE(res.nombre_contrat == 1);
    CHECK(res.contrat[0].nature == nature_proposition::minoration);
    CHECK(res.contrat[0].montant == centimes{300'000});
    CHECK(res.contrat[0].plafond == centimes{300'000});
    CHECK(res.contrat[0].article().legi_id == "LEGIARTI000034459834");
    // Every obligation met: no breach, no cut.
    const std::vector<valeurs_indicateur> bien = evalmod::tout_atteint(def);
    evalmod::rapport_essai rb(def, 2018, bien, base_80m);
    rb.r.part_liste_en_sus = centimes{1'000'001};
    CHECK(evaluer(evalmod::valide(rb, p)).nombre_contrat == 0);
}

TEST_CASE("versions by policy: exercises 2017 to 2028 under each policy, outcomes, limits and LEGI ids",
          "[loi][politiques]") {
    using vp = version_applicable;
    struct attendu {
        int exercice;
        vp politique;
        nature_proposition volet;         // volet 0's outcome
        std::string_view legi;            // its citation
        centimes plafond;                 // its cap
        std::string_view legi_l162_30_4;  // 2022 template: the tariff cut's citation ("" = none)
    };
    constexpr centimes un_pct{80'000'000};
    constexpr centimes epargne{1'000'000};  // 2022: the national incentive is checked against the savings
    constexpr auto S = nature_proposition::sanction_volet;
    constexpr auto N = nature_proposition::interessement_national;
    constexpr auto A = nature_proposition::aucune;
    constexpr auto P = nature_proposition::penalite_financement;  // successor: contract outcome
    // Written by hand from the law table: D.162-16 2017 to 2021-12-31, 2022 version to
    // 2025-12-30, 2025 version after, nothing of the CAQES from 2027; L.162-30-4 2020 version to
    // 2024-12-31, 2025 version after; the successor's penalty from 2027 [S]. Evaluations are on
    // 1 March of the next year.
    const attendu table[] = {
        {2017, vp::regime_du_contrat, S, "LEGIARTI000034459834", un_pct, ""},
        {2017, vp::annee_exercice, A, "", centimes{0}, ""},  // 2017-01-01: before the CAQES
        {2017, vp::date_evaluation, S, "LEGIARTI000034459834", un_pct, ""},
        {2018, vp::regime_du_contrat, S, "LEGIARTI000034459834", un_pct, ""},
        {2018, vp::annee_exercice, S, "LEGIARTI000034459834", un_pct, ""},
        {2018, vp::date_evaluation, S, "LEGIARTI000034459834", un_pct, ""},
        {2019, vp::regime_du_contrat, S, "LEGIARTI000034459834", un_pct, ""},
        {2019, vp::annee_exercice, S, "LEGIARTI000034459834", un_pct, ""},
        {2019, vp::date_evaluation, S, "LEGIARTI000034459834", un_pct, ""},
        {2020, vp::regime_du_contrat, S, "LEGIARTI000034459834", un_pct, ""},
        {2020, vp::annee_exercice, S, "LEGIARTI000034459834", un_pct, ""},
        {2020, vp::date_evaluation, S, "LEGIARTI000034459834", un_pct, ""},
        {2021, vp::regime_du_contrat, S, "LEGIARTI000034459834", un_pct, ""},
        {2021, vp::annee_exercice, S, "LEGIARTI000034459834", un_pct, ""},
        {2021, vp::date_evaluation, A, "", centimes{0}, ""},  // 2022 version: no sanction
        {2022, vp::regime_du_contrat, N, "LEGIARTI000044102658", epargne, "LEGIARTI000042685227"},
        {2022, vp::annee_exercice, N, "LEGIARTI000044102658", epargne, "LEGIARTI000042685227"},
        {2022, vp::date_evaluation, N, "LEGIARTI000044102658", epargne, "LEGIARTI000042685227"},
        {2023, vp::regime_du_contrat, N, "LEGIARTI000044102658", epargne, "LEGIARTI000042685227"},
        {2023, vp::annee_exercice, N, "LEGIARTI000044102658", epargne, "LEGIARTI000042685227"},
        {2023, vp::date_evaluation, N, "LEGIARTI000044102658", epargne, "LEGIARTI000042685227"},
        {2024, vp::regime_du_contrat, N, "LEGIARTI000044102658", epargne, "LEGIARTI000042685227"},
        {2024, vp::annee_exercice, N, "LEGIARTI000044102658", epargne, "LEGIARTI000042685227"},
        {2024, vp::date_evaluation, N, "LEGIARTI000044102658", epargne, "LEGIARTI000048702783"},
        {2025, vp::regime_du_contrat, N, "LEGIARTI000044102658", epargne, "LEGIARTI000048702783"},
        {2025, vp::annee_exercice, N, "LEGIARTI000044102658", epargne, "LEGIARTI000048702783"},
        {2025, vp::date_evaluation, N, "LEGIARTI000053220456", epargne, "LEGIARTI000048702783"},
        {2026, vp::regime_du_contrat, N, "LEGIARTI000053220456", epargne, "LEGIARTI000048702783"},
        {2026, vp::annee_exercice, N, "LEGIARTI000053220456", epargne, "LEGIARTI000048702783"},
        {2026, vp::date_evaluation, A, "", centimes{0}, ""},  // 2027-03-01: L.162-30-2 and -4 repealed
        {2027, vp::regime_du_contrat, P, "", centimes{160'000'000}, ""},
        {2027, vp::annee_exercice, P, "", centimes{160'000'000}, ""},
        {2027, vp::date_evaluation, P, "", centimes{160'000'000}, ""},
        {2028, vp::regime_du_contrat, P, "", centimes{160'000'000}, ""},
        {2028, vp::annee_exercice, P, "", centimes{160'000'000}, ""},
        {2028, vp::date_evaluation, P, "", centimes{160'000'000}, ""},
    };
    for (const attendu& a : table) {
        INFO("exercise " << a.exercice << ", policy " << nom(a.politique));
        const parametres_evaluation p = parametres_l162_30_4(a.politique);
        const ymd evaluation{a.exercice + 1, 3, 1};
        if (a.exercice <= 2021) {
            evalmod::rapport_essai r(evalmod::def_2017, a.exercice, rien_2017(), base_80m);
            r.r.date_evaluation = evaluation;
            const resultat_evaluation res = evaluer_essai<evalmod::def_2017>(r, p);
            CHECK(res.regles.politique == a.politique);
            CHECK(res.volets[0].principale.nature == a.volet);
            CHECK(res.volets[0].principale.article().legi_id == a.legi);
            CHECK(res.volets[0].principale.plafond == a.plafond);
        } else if (a.exercice <= 2026) {
            const resultat_evaluation res = evaluer_essai<evalmod::def_2022>(rapport_2022(a.exercice, evaluation), p);
            CHECK(res.volets[0].principale.nature == a.volet);
            CHECK(res.volets[0].principale.article().legi_id == a.legi);
            CHECK(res.volets[0].principale.plafond == a.plafond);
            const proposition* ab = trouver(res, nature_proposition::abattement);
            CHECK((ab == nullptr ? std::string_view{} : ab->article().legi_id) == a.legi_l162_30_4);
            if (ab != nullptr) CHECK(ab->plafond == centimes{1'000'000});  // 50 % of 200 acts x 100 EUR
        } else {
            evalmod::rapport_essai r(evalmod::def_successeur, a.exercice, rien_successeur(), base_80m);
            r.r.date_evaluation = evaluation;
            r.r.base_penalite = base_80m;
            const resultat_evaluation res = evaluer_essai<evalmod::def_successeur>(r, p);
            const proposition* pen = trouver(res, a.volet);
            REQUIRE(pen != nullptr);
            CHECK(pen->article().legi_id == a.legi);
            CHECK(pen->plafond == a.plafond);
        }
    }
}
