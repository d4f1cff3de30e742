// Evaluation: outcomes per regime (CAQES.md sections 2, 3 and 5).
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <caqes/evaluation/colonnes/resultats.hpp>

#include <array>
#include <span>
#include <string_view>

using namespace caqes;

namespace {

evalmod::rapport_essai rapport(const modele_contrat_def& m, int exercice, const std::vector<valeurs_indicateur>& v,
                               centimes base = euros(10'000'000)) {
    return {m, exercice, v, base};
}

// The second-generation volets whose pertinence volet carries `clauses` (the L.162-30-4 part's),
// and their template.
consteval std::array<volet_modele, 3> volets_2022_pertinence(issues clauses) {
    return {{
        evalmod::volets_2022[0],
        evalmod::volets_2022[1],
        {.volet = volet_id::volet_pertinence_soins,
         .terme = duree_annees(2),
         .grille = evalmod::g_pertinence_2022,
         .clauses = clauses},
    }};
}
consteval modele_contrat_def modele_2022(std::string_view nom, std::span<const volet_modele> volets) {
    return {.nom = nom,
            .regime = regime_id::caqes_2022,
            .fenetre = evalmod::def_2022.fenetre,
            .volets = volets,
            .transition = politique_transition::maintien_signale};
}

// The tariff cut's clause but not the liste en sus reduction's.
inline constexpr auto volets_2022_sans_minoration = volets_2022_pertinence(interessement | abattement_tarifaire);
inline constexpr modele_contrat_def def_2022_sans_minoration =
    modele_2022("essai 2022 sans minoration", volets_2022_sans_minoration);

// The liste en sus reduction's clause but not the tariff cut's: the law's "et peut fixer une
// minoration" is a choice of its own.
inline constexpr auto volets_2022_minoration_seule = volets_2022_pertinence(interessement | minoration_liste_en_sus);
inline constexpr modele_contrat_def def_2022_minoration_seule =
    modele_2022("essai 2022 minoration seule", volets_2022_minoration_seule);

// Two years after the referral, 20 % above the target: the L.162-30-4 measures are due.
void mesures_dues(evalmod::rapport_essai& r, parametres_evaluation& p) {
    r.r.date_evaluation = ymd{2024, 3, 15};
    r.r.l162_30_4 = donnees_l162_30_4{.saisine = ymd{2022, 3, 15},
                                      .actes_realises = 1'200,
                                      .actes_cible = 1'000,
                                      .actes_annee_precedente = 1'300,
                                      .tarif_national_moyen = centimes{10'000},
                                      .part_liste_en_sus = centimes{2'000'000}};
    p.p2022.seuil_largement_superieur = fraction{1, 10};
    p.p2022.duree_mesures_mois = 12;
}

// An exercise 2024 on template M with every objective met, the L.162-30-4 measures due under p,
// and its result by the compile-time driver.
template <const modele_contrat_def& M>
evalmod::rapport_essai rapport_mesures_dues(parametres_evaluation& p) {
    evalmod::rapport_essai r = rapport(M, 2024, evalmod::tout_atteint(M));
    mesures_dues(r, p);
    return r;
}
template <const modele_contrat_def& M>
resultat_evaluation evaluer_sur(const evalmod::rapport_essai& r, const parametres_evaluation& p) {
    return evaluateur<M>::evaluer(evalmod::valide<M>(r, p));
}

}  // namespace

TEST_CASE("2017 socle: a sanction when missed, never an incentive even with savings", "[evaluation][regime][2017]") {
    using evalmod::def_2017;
    const std::vector<valeurs_indicateur> bien = evalmod::tout_atteint(def_2017);
    evalmod::rapport_essai r = rapport(def_2017, 2018, bien);
    r.economies = {euros(1'000'000), euros(1'000'000), euros(1'000'000), euros(1'000'000)};
    const resultat_evaluation res = evaluateur<def_2017>::evaluer(evalmod::valide<def_2017>(r));
    CHECK_FALSE(res.volets[0].principale.presente());  // socle: no incentive clause
    CHECK(res.volets[1].principale.nature == nature_proposition::interessement_volet);

    const std::vector<valeurs_indicateur> mal = evalmod::rien_atteint(def_2017);
    const resultat_evaluation res2 =
        evaluateur<def_2017>::evaluer(evalmod::valide<def_2017>(rapport(def_2017, 2018, mal)));
    CHECK(res2.volets[0].volet == volet_id::volet_socle);
    CHECK(res2.volets[0].principale.nature == nature_proposition::sanction_volet);
    CHECK(res2.volets[0].principale.montant == euros(100'000));  // 1 % of 10 M EUR
}

TEST_CASE("2017 additional volet: a sanction or an incentive, never both, by score", "[evaluation][regime][2017]") {
    const volet_modele& t = evalmod::volets_2017[1];
    const parametres_2017 p{};
    const centimes eco = euros(200'000);
    // 3/4 is the illustrative incentive threshold: at it, an incentive; just below, a sanction.
    const proposition haut = proposition_2017(t, {{3, 1}, {4, 1}}, euros(10'000'000), eco, p, lois_au(ymd{2018, 1, 1}));
    CHECK(haut.nature == nature_proposition::interessement_volet);
    CHECK(haut.montant == euros(40'000));  // 20 % of the savings, within 30 %
    const proposition bas =
        proposition_2017(t, {{74, 1}, {100, 1}}, euros(10'000'000), eco, p, lois_au(ymd{2018, 1, 1}));
    CHECK(bas.nature == nature_proposition::sanction_volet);
    CHECK(bas.montant == euros(50'000));  // the 0.5 % step
    // A volet whose clauses give no incentive: a good score gives nothing.
    const volet_modele seulement_sanction{.volet = volet_id::volet_transports,
                                          .terme = duree_annees(3),
                                          .grille = evalmod::g_transports,
                                          .clauses = sanction};
    CHECK_FALSE(
        proposition_2017(seulement_sanction, {{1, 1}, {1, 1}}, euros(10'000'000), eco, p, lois_au(ymd{2018, 1, 1}))
            .presente());
}

TEST_CASE("final decisions are carried beside the proposals, never computed", "[evaluation][regime]") {
    using evalmod::def_2017;
    const std::vector<valeurs_indicateur> mal = evalmod::rien_atteint(def_2017);
    evalmod::rapport_essai r = rapport(def_2017, 2018, mal);
    r.decisions = {evalmod::decision(volet_id::volet_socle, std::nullopt, centimes{0}),  // no sanction ("peut")
                   evalmod::decision(volet_id::volet_pertinence, issue_legale::sanction_volet, euros(12'345))};
    const resultat_evaluation res = evaluateur<def_2017>::evaluer(evalmod::valide<def_2017>(r));
    CHECK(res.volets[0].principale.montant == euros(100'000));
    CHECK(res.volets[0].principale.decision_finale == centimes{0});
    CHECK_FALSE(res.volets[0].nature_decidee.has_value());
    CHECK_FALSE(res.volets[1].principale.decision_finale.has_value());
    CHECK(res.volets[2].principale.decision_finale == euros(12'345));
    CHECK(res.volets[2].nature_decidee == issue_legale::sanction_volet);
    CHECK_FALSE(res.volets[2].principale.decision_au_dessus);
    // Totals say which they sum: the proposals, and the decisions apart.
    CHECK(res.total_sanctions == euros(400'000));
    CHECK(res.total_sanctions_decidees == euros(12'345));
    CHECK(res.nombre_decisions == 2);
}

TEST_CASE("2022: national incentive from savings, revised by the overall score, regional from the non-national score",
          "[evaluation][regime][2022]") {
    using evalmod::def_2022;
    std::vector<valeurs_indicateur> v = evalmod::tout_atteint(def_2022);
    parametres_evaluation p{};
    p.p2022.enveloppe_regionale = centimes{500'000};
    evalmod::rapport_essai r = rapport(def_2022, 2023, v);
    r.economies = {centimes{1'000'000}, centimes{2'000'000}, centimes{0}, centimes{0}};

    const resultat_evaluation tout = evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p));
    CHECK(tout.volets[0].principale.nature == nature_proposition::interessement_national);
    CHECK(tout.volets[0].principale.montant == centimes{500'000});  // 1/2 x savings x 1
    CHECK(tout.volets[0].principale.article().legi_id == "LEGIARTI000044102658");
    CHECK(tout.volets[1].principale.montant == centimes{1'000'000});
    CHECK_FALSE(tout.volets[2].principale.presente());  // no savings
    REQUIRE(tout.nombre_contrat == 1);
    CHECK(tout.contrat[0].nature == nature_proposition::interessement_regional);
    CHECK(tout.contrat[0].montant == centimes{500'000});

    // The illustrative indicator ILL-O2 missed: overall 4/5, non-national 1/2.
    r.valeurs[3] = evalmod::nombre(5'000);
    const resultat_evaluation moins = evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p));
    CHECK(moins.volets[0].principale.montant == centimes{400'000});
    CHECK(moins.volets[1].principale.montant == centimes{800'000});
    CHECK(moins.contrat[0].montant == centimes{250'000});
    CHECK(moins.total_interessements == centimes{1'450'000});

    p.p2022.revision_par_score = false;
    CHECK(evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p)).volets[0].principale.montant ==
          centimes{500'000});
}

TEST_CASE("2022: an incentive revised down to nothing is no proposal, without revision the savings decide alone",
          "[evaluation][regime][2022]") {
    using evalmod::def_2022;
    parametres_evaluation p{};
    const std::vector<valeurs_indicateur> mal = evalmod::rien_atteint(def_2022);
    evalmod::rapport_essai r = rapport(def_2022, 2023, mal);
    r.economies = {centimes{1'000'000}, centimes{0}, centimes{0}, centimes{0}};

    const resultat_evaluation nul = evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p));
    REQUIRE(nul.score_global.defini());
    CHECK(nul.score_global.valeur() == entier(0));
    CHECK_FALSE(nul.volets[0].principale.presente());  // score 0: not a zero-cent incentive

    // Every indicator non concerne: no overall score. Without revision the incentive stands.
    std::vector<valeurs_indicateur> nc(evalmod::tout_atteint(def_2022).size());
    for (auto& x : nc)
        x.fill(valeur_mesure::non_concernee());
    r.valeurs = nc;
    CHECK_FALSE(evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p)).volets[0].principale.presente());
    p.p2022.revision_par_score = false;
    const resultat_evaluation sans = evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p));
    CHECK_FALSE(sans.score_global.defini());
    CHECK(sans.volets[0].principale.montant == centimes{500'000});
}

TEST_CASE("2022: no sanction proportional to revenue, whatever the score", "[evaluation][regime][2022]") {
    using evalmod::def_2022;
    const std::vector<valeurs_indicateur> mal = evalmod::rien_atteint(def_2022);
    const resultat_evaluation res =
        evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(rapport(def_2022, 2023, mal, evalmod::base_80m)));
    for (std::size_t i = 0; i < res.nombre_volets; ++i) {
        CHECK(res.volets[i].principale.nature != nature_proposition::sanction_volet);
        CHECK_FALSE(res.volets[i].principale.presente());
    }
    CHECK(res.total_sanctions == centimes{0});
    CHECK(res.nombre_contrat == 0);
}

TEST_CASE("2022 L.162-30-4: only two years after the referral, only largely above target, rates within 50 %",
          "[evaluation][regime][2022]") {
    using evalmod::def_2022;
    const std::vector<valeurs_indicateur> v = evalmod::tout_atteint(def_2022);
    evalmod::rapport_essai r = rapport(def_2022, 2024, v);
    parametres_evaluation p{};
    mesures_dues(r, p);  // [U]: more than 10 % above the target, measures for 12 months

    r.r.date_evaluation = ymd{2024, 3, 14};  // one day short of two years
    CHECK(evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p)).nombre_contrat == 0);

    r.r.date_evaluation = ymd{2024, 3, 15};
    const resultat_evaluation res = evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p));
    REQUIRE(res.nombre_contrat == 2);
    CHECK(res.contrat[0].nature == nature_proposition::abattement);
    CHECK(res.contrat[0].taux == fraction{20, 100});
    CHECK(res.contrat[0].montant == centimes{400'000});  // 200 acts x 100 EUR x 20 %
    CHECK(res.contrat[0].article().legi_id == "LEGIARTI000042685227");
    CHECK(res.contrat[1].nature == nature_proposition::minoration);
    CHECK(res.contrat[1].montant == centimes{400'000});
    CHECK(res.total_sanctions == centimes{0});  // rate measures, not sanctions
    // "fixes pour une duree limitee": the output states the period.
    CHECK(res.regles.periode_mesures == periode{ymd{2024, 3, 15}, ymd{2025, 3, 15}});

    // Exactly 50 %: within the law; the cap is the version's 50 %.
    p.p2022.taux_abattement = {50, 100};
    const resultat_evaluation pile = evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p));
    CHECK(pile.contrat[0].montant == centimes{1'000'000});
    CHECK(pile.contrat[0].plafond == centimes{1'000'000});
    CHECK_FALSE(pile.contrat[0].plafond_atteint);
    CHECK(validate(p).empty());

    // At the target: nothing.
    r.r.l162_30_4->actes_realises = 1'000;
    CHECK(evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p)).nombre_contrat == 0);
}

// The second-generation template under each day policy [U] (CAQES.md section 7).
template <politique_jour J>
inline constexpr modele_contrat_def def_2022_jours{
    .nom = "essai 2022 jours",
    .regime = regime_id::caqes_2022,
    .fenetre = evalmod::def_2022.fenetre,
    .volets = evalmod::volets_2022,
    .transition = politique_transition::maintien_signale,
    .jours = J,
};

TEST_CASE(
    "2022 L.162-30-4: the deadline and the measures' period follow the template's day policy, "
    "no day under stricte is CAQES-E023",
    "[evaluation][regime][2022]") {
    parametres_evaluation p{};
    p.p2022.seuil_largement_superieur = fraction{1, 10};
    p.p2022.duree_mesures_mois = 12;
    const auto essai = [&](const modele_contrat_def& m, ymd saisine, ymd date_evaluation) {
        evalmod::rapport_essai r = rapport(m, 2024, evalmod::tout_atteint(m));
        parametres_evaluation ses_parametres{};  // the data only: each section sets p
        mesures_dues(r, ses_parametres);
        r.r.l162_30_4->saisine = saisine;
        r.r.date_evaluation = date_evaluation;
        return r;
    };
    const auto refus = [&](const modele_contrat_def& m, ymd saisine, ymd date_evaluation) {
        const resultat_validation<rapport_valide> v = validate(m, essai(m, saisine, date_evaluation).annuel(), p);
        REQUIRE_FALSE(v);
        return v.erreurs();
    };
    const auto resultat = [&](const modele_contrat_def& m, ymd saisine, ymd date_evaluation) {
        return evaluer(evalmod::valide(essai(m, saisine, date_evaluation), p));
    };
    constexpr const modele_contrat_def& stricte = def_2022_jours<politique_jour::stricte>;
    constexpr const modele_contrat_def& fin_de_mois = def_2022_jours<politique_jour::fin_de_mois>;
    constexpr const modele_contrat_def& report = def_2022_jours<politique_jour::report>;
    constexpr const modele_contrat_def& premier = def_2022_jours<politique_jour::premier_mois_suivant>;

    SECTION("a referral on 29 February: two years later is no day under stricte") {
        const violations vs = refus(stricte, ymd{2024, 2, 29}, ymd{2026, 3, 2});
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::date_calendaire_impossible);
        CHECK(vs[0].lieu == "rapport.l162_30_4.saisine");
        CHECK(outils::contient_texte(vs[0].detail, "2024-02-29 + 2 years"));
        // The advice names every policy under which the day exists, by its grid key.
        CHECK(outils::contient_texte(vs[0].detail, "name fin_de_mois, report or premier_mois_suivant (jours)"));
        // 28 February 2026 under fin_de_mois: due that day; 1 March under report: not yet.
        CHECK(resultat(fin_de_mois, ymd{2024, 2, 29}, ymd{2026, 2, 28}).nombre_contrat == 2);
        CHECK(resultat(report, ymd{2024, 2, 29}, ymd{2026, 2, 28}).nombre_contrat == 0);
        CHECK(resultat(report, ymd{2024, 2, 29}, ymd{2026, 3, 1}).nombre_contrat == 2);
        CHECK(resultat(premier, ymd{2024, 2, 29}, ymd{2026, 2, 28}).nombre_contrat == 0);
        // A referral whose anniversary exists is accepted under stricte, and due on it.
        CHECK(resultat(stricte, ymd{2024, 2, 28}, ymd{2026, 2, 28}).nombre_contrat == 2);
    }
    SECTION("an evaluation on 31 December: six months of measures end on no day under stricte") {
        p.p2022.duree_mesures_mois = 6;
        const violations vs = refus(stricte, ymd{2022, 3, 15}, ymd{2024, 12, 31});
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::date_calendaire_impossible);
        CHECK(vs[0].lieu == "rapport.date_evaluation");
        CHECK(outils::contient_texte(vs[0].detail, "2024-12-31 + 6 months"));
        CHECK(outils::contient_texte(vs[0].detail, "name fin_de_mois, report or premier_mois_suivant (jours)"));
        CHECK(resultat(fin_de_mois, ymd{2022, 3, 15}, ymd{2024, 12, 31}).regles.periode_mesures ==
              periode{ymd{2024, 12, 31}, ymd{2025, 6, 30}});
        CHECK(resultat(premier, ymd{2022, 3, 15}, ymd{2024, 12, 31}).regles.periode_mesures ==
              periode{ymd{2024, 12, 31}, ymd{2025, 7, 1}});
        // Twelve months from 31 December is a day under stricte too.
        p.p2022.duree_mesures_mois = 12;
        CHECK(resultat(stricte, ymd{2022, 3, 15}, ymd{2024, 12, 31}).regles.periode_mesures ==
              periode{ymd{2024, 12, 31}, ymd{2025, 12, 31}});
    }
}

TEST_CASE("2022 L.162-30-4: the liste en sus reduction needs its own clause, and the output says why it is missing",
          "[evaluation][regime][2022]") {
    parametres_evaluation p{};
    REQUIRE(p.p2022.taux_minoration.positive());  // the default rate, set whatever the clauses

    // With the clause: both measures, no alert.
    evalmod::rapport_essai avec = rapport(evalmod::def_2022, 2024, evalmod::tout_atteint(evalmod::def_2022));
    mesures_dues(avec, p);
    const resultat_evaluation a = evaluateur<evalmod::def_2022>::evaluer(evalmod::valide<evalmod::def_2022>(avec, p));
    REQUIRE(a.nombre_contrat == 2);
    CHECK(a.contrat[0].nature == nature_proposition::abattement);
    CHECK(a.contrat[1].nature == nature_proposition::minoration);
    CHECK_FALSE(a.regles.a(alerte_evaluation::minoration_sans_clause));

    // Without it: the tariff cut alone, and the alert says why the reduction is not there.
    evalmod::rapport_essai sans = rapport_mesures_dues<def_2022_sans_minoration>(p);
    const resultat_evaluation b = evaluer_sur<def_2022_sans_minoration>(sans, p);
    REQUIRE(b.nombre_contrat == 1);
    CHECK(b.contrat[0].nature == nature_proposition::abattement);
    CHECK(b.contrat[0].montant == centimes{400'000});
    CHECK(b.regles.a(alerte_evaluation::minoration_sans_clause));
    CHECK_FALSE(b.regles.refusees.contient(issue_legale::minoration));  // not asked for: nothing refused
    // The run-time driver concludes alike.
    const resultat_evaluation c = evaluer(evalmod::valide(sans, p));
    REQUIRE(c.nombre_contrat == 1);
    CHECK(c.regles.a(alerte_evaluation::minoration_sans_clause));
    CHECK(nom(alerte_evaluation::minoration_sans_clause) == "minoration_sans_clause");

    // Measures not due (one day short of two years): no alert either.
    sans.r.date_evaluation = ymd{2024, 3, 14};
    const resultat_evaluation d = evaluer_sur<def_2022_sans_minoration>(sans, p);
    CHECK(d.nombre_contrat == 0);
    CHECK_FALSE(d.regles.a(alerte_evaluation::minoration_sans_clause));
}

TEST_CASE("2022 L.162-30-4: a contract that promises the liste en sus reduction alone gets it, without a tariff cut",
          "[evaluation][regime][2022]") {
    parametres_evaluation p{};
    REQUIRE(p.p2022.taux_abattement.positive());  // the default rate, set whatever the clauses
    evalmod::rapport_essai r = rapport_mesures_dues<def_2022_minoration_seule>(p);
    const resultat_evaluation a = evaluer_sur<def_2022_minoration_seule>(r, p);
    // The reduction alone: 20 % of the liste en sus share, within the version's 50 %; no tariff
    // cut, whose clause the contract does not carry, and no alert.
    REQUIRE(a.nombre_contrat == 1);
    CHECK(a.contrat[0].nature == nature_proposition::minoration);
    CHECK(a.contrat[0].montant == centimes{400'000});
    CHECK(a.contrat[0].plafond == centimes{1'000'000});
    REQUIRE(a.contrat[0].loi != nullptr);
    CHECK(a.contrat[0].loi->reference.legi_id == std::string_view{"LEGIARTI000042685227"});
    CHECK(a.regles.periode_mesures == periode{ymd{2024, 3, 15}, ymd{2025, 3, 15}});
    CHECK_FALSE(a.regles.a(alerte_evaluation::minoration_sans_clause));
    CHECK_FALSE(a.regles.a(alerte_evaluation::minoration_liee));
    // The run-time driver concludes alike.
    const resultat_evaluation b = evaluer(evalmod::valide(r, p));
    REQUIRE(b.nombre_contrat == 1);
    CHECK(b.contrat[0].nature == nature_proposition::minoration);
    CHECK(b.contrat[0].montant == centimes{400'000});

    // The open notions still decide: without "largement superieur", no measure and the alert.
    parametres_evaluation sans_seuil = p;
    sans_seuil.p2022.seuil_largement_superieur.reset();
    const resultat_evaluation c = evaluer_sur<def_2022_minoration_seule>(r, sans_seuil);
    CHECK(c.nombre_contrat == 0);
    CHECK(c.regles.a(alerte_evaluation::seuil_largement_absent));

    // Measures not due (one day short of two years): nothing.
    r.r.date_evaluation = ymd{2024, 3, 14};
    const resultat_evaluation d = evaluer_sur<def_2022_minoration_seule>(r, p);
    CHECK(d.nombre_contrat == 0);
}

TEST_CASE("L.162-30-4 before 2020-12-16: the liste en sus reduction alone is refused with minoration_liee",
          "[evaluation][regime][2022]") {
    // No second-generation report is evaluated under that version (the regime's rules start on
    // 2022-01-01), so the law of 2020-06-01 is given to the conclusion directly: the version
    // then in force ("ainsi qu'une minoration") ties the reduction to a tariff cut.
    parametres_evaluation p{};
    const rapport_valide rv = evalmod::valide(rapport_mesures_dues<def_2022_minoration_seule>(p), p);
    const lois_du_jour avant = lois_au(ymd{2020, 6, 1});
    REQUIRE(avant.version(article_loi::l162_30_4) != nullptr);
    REQUIRE(avant.version(article_loi::l162_30_4)->minoration_liee_abattement);
    const score_volet aucun{};  // no score: the measures do not read one
    resultat_evaluation seule{};
    detail::conclure_2022(seule, 3, def_2022_minoration_seule, aucun, aucun, rv, rv.parametres().valeur().p2022,
                          p.annee_partielle, avant);
    CHECK(seule.nombre_contrat == 0);
    CHECK(seule.regles.a(alerte_evaluation::minoration_liee));
    // With the tariff cut's clause too, both are proposed under that version.
    const rapport_valide rv2 = evalmod::valide(rapport_mesures_dues<evalmod::def_2022>(p), p);
    resultat_evaluation les_deux{};
    detail::conclure_2022(les_deux, 3, evalmod::def_2022, aucun, aucun, rv2, rv2.parametres().valeur().p2022,
                          p.annee_partielle, avant);
    REQUIRE(les_deux.nombre_contrat == 2);
    CHECK(les_deux.contrat[0].nature == nature_proposition::abattement);
    CHECK(les_deux.contrat[1].nature == nature_proposition::minoration);
    CHECK(les_deux.contrat[1].loi->reference.legi_id == std::string_view{"LEGIARTI000041398020"});
    CHECK_FALSE(les_deux.regles.a(alerte_evaluation::minoration_liee));
}

TEST_CASE("2022 L.162-30-4: an excess that does not fit in 64-bit cents is reported", "[evaluation][regime][2022]") {
    using evalmod::def_2022;
    const std::vector<valeurs_indicateur> v = evalmod::tout_atteint(def_2022);
    evalmod::rapport_essai r = rapport(def_2022, 2024, v);
    r.r.date_evaluation = ymd{2024, 6, 1};
    r.r.l162_30_4 = donnees_l162_30_4{.saisine = ymd{2022, 3, 15},
                                      .actes_realises = 4'000'000'000,
                                      .actes_cible = 0,
                                      .actes_annee_precedente = 0,
                                      .tarif_national_moyen = centimes{4'000'000'000},
                                      .part_liste_en_sus = centimes{0}};
    parametres_evaluation p{};
    p.p2022.seuil_largement_superieur = fraction{0, 1};
    p.p2022.duree_mesures_mois = 6;
    const resultat_evaluation res = evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(r, p));
    REQUIRE(res.nombre_contrat == 2);
    CHECK(res.contrat[0].depassement);
    CHECK(res.contrat[0].montant == centimes{0});
}

TEST_CASE("successor: allocation from savings, a penalty only from exercise 2027, at most 2 %",
          "[evaluation][regime][successeur]") {
    using evalmod::def_successeur;
    const std::vector<valeurs_indicateur> mal = evalmod::rien_atteint(def_successeur);
    evalmod::rapport_essai r = rapport(def_successeur, 2027, mal, evalmod::base_80m);
    r.economies[0] = centimes{0};           // no savings: no allocation (left out: the test below)
    r.r.base_penalite = evalmod::base_80m;  // [U]: the establishment's own financing
    parametres_evaluation p{};

    const resultat_evaluation res = evaluateur<def_successeur>::evaluer(evalmod::valide<def_successeur>(r, p));
    REQUIRE(res.nombre_contrat == 1);
    CHECK(res.contrat[0].nature == nature_proposition::penalite_financement);
    CHECK(res.contrat[0].montant == centimes{80'000'000});   // 1 % x (1 - 0)
    CHECK(res.contrat[0].plafond == centimes{160'000'000});  // 2 %
    CHECK(res.contrat[0].illustratif);

    // Exercise 2026 of the same scheme (it starts in 2026): the interim version has no penalty.
    r.r.exercice = 2026;
    const resultat_evaluation en_2026 = evaluateur<def_successeur>::evaluer(evalmod::valide<def_successeur>(r, p));
    CHECK(en_2026.nombre_contrat == 0);
    CHECK(en_2026.nombre_volets == 0);
    r.r.exercice = 2027;

    p.successeur.taux_penalite = {2, 100};
    const resultat_evaluation pile = evaluateur<def_successeur>::evaluer(evalmod::valide<def_successeur>(r, p));
    CHECK(pile.contrat[0].montant == centimes{160'000'000});
    CHECK_FALSE(pile.contrat[0].plafond_atteint);
    CHECK(pile.contrat[0].article().texte == "CSS L.162-23-14 [S: LFSS 2026 art. 79 as quoted]");
    CHECK(pile.contrat[0].article().legi_id.empty());  // never the interim LEGIARTI000053271346

    // All met, with savings: the allocation, and no penalty (score 1).
    const std::vector<valeurs_indicateur> bien = evalmod::tout_atteint(def_successeur);
    evalmod::rapport_essai rb = rapport(def_successeur, 2027, bien);
    rb.r.base_penalite = evalmod::base_80m;
    rb.economies[0] = centimes{1'000'001};
    const resultat_evaluation alloc = evaluateur<def_successeur>::evaluer(evalmod::valide<def_successeur>(rb));
    CHECK(alloc.nombre_volets == 0);  // a scheme has no volets
    REQUIRE(alloc.nombre_contrat == 1);
    CHECK(alloc.contrat[0].nature == nature_proposition::dotation);
    CHECK(alloc.contrat[0].montant == centimes{500'000});  // 1/2, towards zero
}

TEST_CASE("successor: savings non renseignees leave a proposal that says so, savings given propose the allocation",
          "[evaluation][regime][successeur]") {
    using evalmod::def_successeur;
    // Exercise 2026: the interim version has the allocation and no penalty.
    evalmod::rapport_essai r = rapport(def_successeur, 2026, evalmod::tout_atteint(def_successeur));

    const resultat_evaluation nr = evaluateur<def_successeur>::evaluer(evalmod::valide<def_successeur>(r));
    REQUIRE(nr.nombre_contrat == 1);
    CHECK_FALSE(nr.contrat[0].presente());
    CHECK(nr.contrat[0].economies_non_renseignees);
    CHECK(nr.contrat[0].montant == centimes{0});
    CHECK(nr.total_interessements == centimes{0});
    // The columns carry it as a volet's: the flag of the contract-level cell.
    const colonnes::ligne l = colonnes::ligne_de(nr);
    CHECK(l.contrat_nature[0] == 0);
    CHECK((l.contrat_drapeaux[0] & colonnes::economies_nr) != 0);
    // The run-time driver concludes alike.
    const resultat_evaluation nr_dyn = evaluer(evalmod::valide(r));
    REQUIRE(nr_dyn.nombre_contrat == 1);
    CHECK(nr_dyn.contrat[0].economies_non_renseignees);

    r.economies[0] = centimes{1'000'000};
    const resultat_evaluation donnees = evaluateur<def_successeur>::evaluer(evalmod::valide<def_successeur>(r));
    REQUIRE(donnees.nombre_contrat == 1);
    CHECK(donnees.contrat[0].nature == nature_proposition::dotation);
    CHECK(donnees.contrat[0].montant == centimes{500'000});
    CHECK_FALSE(donnees.contrat[0].economies_non_renseignees);
    CHECK((colonnes::ligne_de(donnees).contrat_drapeaux[0] & colonnes::economies_nr) == 0);
}
