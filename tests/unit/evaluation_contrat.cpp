// Contract time and recorded decisions (issue 13): volets evaluated only in their term, avenant
// volets from their own start, savings left empty, decisions checked against the law.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <caqes/evaluation/colonnes/evaluer_lot.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <vector>

using namespace caqes;

namespace t_contrat {

// First generation, the socle alone: volets come later, by avenant (D.162-15).
inline constexpr std::array<volet_modele, 1> volets_socle{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = evalmod::g_socle, .clauses = sanction},
}};
inline constexpr modele_contrat_def def_socle{
    .nom = "essai 2017, socle seul (illustratif)",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = volets_socle,
    .transition = politique_transition::arret_fin_regime,
};
struct modele_socle : modele_contrat<def_socle> {};

inline constexpr volet_modele pertinence_par_avenant{.volet = volet_id::volet_pertinence,
                                                     .terme = duree_annees(3),
                                                     .grille = evalmod::g_pertinence,
                                                     .clauses = sanction | interessement,
                                                     .debut = ymd{2019, 4, 1}};

// Second generation: the bon usage volet for three years, the organisation volet, whose
// indicators are regional or illustrative, for one.
inline constexpr std::array<volet_modele, 2> volets_2022_termes{{
    {.volet = volet_id::volet_bon_usage,
     .terme = duree_annees(3),
     .grille = evalmod::g_bon_usage,
     .clauses = interessement},
    {.volet = volet_id::volet_organisation_soins,
     .terme = duree_annees(1),
     .grille = evalmod::g_organisation,
     .clauses = interessement},
}};
inline constexpr modele_contrat_def def_2022_termes{
    .nom = "essai 2022, un volet d'un an (illustratif)",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2025, 1, 1}},
    .volets = volets_2022_termes,
    .transition = politique_transition::maintien_signale,
};

}  // namespace t_contrat

namespace {

// The first `n` values of `v`, then those from `debut` to `fin`.
std::vector<valeurs_indicateur> extraits(const std::vector<valeurs_indicateur>& v, std::size_t n, std::size_t debut = 0,
                                         std::size_t fin = 0) {
    std::vector<valeurs_indicateur> x(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n));
    x.insert(x.end(), v.begin() + static_cast<std::ptrdiff_t>(debut), v.begin() + static_cast<std::ptrdiff_t>(fin));
    return x;
}

// The result columns the batch evaluator writes for `v` alone, in a block of its own, and
// whether they are the row of `res`, its scalar full result, column for column.
colonnes::resultats_colonnes<std::int64_t> en_colonnes(const modele_contrat_def& m, const politique_grille& pol,
                                                       const parametres_evaluation& p, const rapport_valide& v,
                                                       const resultat_evaluation& res) {
    auto grille = std::make_shared<const colonnes::grille_lot>(m, pol, evalmod::valides(p));
    colonnes::validateur_lot lot(grille);
    REQUIRE(lot.ajouter(v).ok());
    std::optional<colonnes::lot_colonnes> bloc = lot.terminer();
    REQUIRE(bloc);
    colonnes::resultats_colonnes<std::int64_t> colonnes_res;
    colonnes::evaluer_lot(*bloc, colonnes_res);
    REQUIRE(colonnes_res.taille() == 1);
    CHECK(colonnes::difference(colonnes::lire(colonnes_res, 0), colonnes::ligne_de(res)).empty());
    return colonnes_res;
}

// The contract of evalmod::instance_2017, received, signed and in effect on other days.
contrat_instance instance_du(ymd reception, ymd signature, ymd debut_effet) {
    contrat_instance c = evalmod::instance_2017();
    c.reception_proposition = reception;
    c.signature = signature;
    c.debut_effet = debut_effet;
    return c;
}

violation seule(const violations& vs) {
    INFO(outils::tout(vs));
    REQUIRE(vs.size() == 1);
    return vs.front();
}

}  // namespace

TEST_CASE("contract time: the 3-year volet ended 2020-06-30 is not sanctioned for exercise 2021",
          "[evaluation][contrat][E060]") {
    using evalmod::def_2017;
    // Every indicator missed; the report gives the socle only: the other volets' terms,
    // [2017-07-01, 2020-07-01), ended on 2020-06-30.
    evalmod::rapport_essai r(def_2017, 2021, extraits(evalmod::rien_atteint(def_2017), 3), euros(10'000'000));
    r.r.annee_contrat = 5;
    const contrat_instance c = evalmod::instance_2017();
    const rapport_valide v = evalmod::valide(r, c);
    CHECK(v.avec_instance());
    CHECK(v.couvertures()[1].terme == periode{ymd{2017, 7, 1}, ymd{2020, 7, 1}});
    CHECK_FALSE(v.couvertures()[1].evalue);
    const resultat_evaluation res = evaluer(v);
    REQUIRE(res.ok());
    CHECK(res.volets[0].principale.nature == nature_proposition::sanction_volet);
    CHECK(res.volets[0].principale.montant == centimes{10'000'000});  // 1 % of 10 M EUR: the socle runs to 2022
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK_FALSE(res.volets[i].couverture.evalue);
        CHECK_FALSE(res.volets[i].principale.presente());
    }
    CHECK(res.total_sanctions == centimes{10'000'000});
    CHECK_FALSE(res.regles.a(alerte_evaluation::sans_instance));

    // The same report against the template alone: contract time is not checked, and the result
    // says so.
    evalmod::rapport_essai tout(def_2017, 2021, evalmod::rien_atteint(def_2017), euros(10'000'000));
    tout.r.annee_contrat = 5;
    const resultat_evaluation sans = evaluer(evalmod::valide(tout));
    CHECK(sans.regles.a(alerte_evaluation::sans_instance));
    CHECK(sans.volets[1].principale.montant == centimes{10'000'000});

    // CAQES-E060: values reported for the ended volet are rejected, located.
    const resultat_validation<rapport_valide> hors = validate(def_2017, c, tout.annuel(), {});
    REQUIRE_FALSE(hors.ok());
    CHECK(hors.erreurs().front().id == regle::volet_hors_terme);
    CHECK(hors.erreurs().front().lieu == "rapport.valeurs[3] (ILL-T1)");
    CHECK(fiche(regle::volet_hors_terme).code == "CAQES-E060");
}

TEST_CASE("contract time: an exercise covered in part follows the named policy", "[evaluation][contrat]") {
    using evalmod::def_2017;
    // Exercise 2020: the 3-year volets are in force 182 of its 366 days.
    evalmod::rapport_essai r(def_2017, 2020, evalmod::rien_atteint(def_2017), euros(10'000'000));
    r.r.annee_contrat = 4;
    const contrat_instance c = evalmod::instance_2017();
    parametres_evaluation p{};
    SECTION("default: any day in force counts, shown in the result") {
        const resultat_evaluation res = evaluer(evalmod::valide(r, c, p));
        CHECK(res.regles.annee_partielle == politique_annee_partielle::tout_jour_compte);
        CHECK(res.volets[1].couverture.jours == 182);
        CHECK(res.volets[1].couverture.jours_annee == 366);
        CHECK(res.volets[1].principale.montant == centimes{10'000'000});
    }
    SECTION("pro rata temporis: 182/366 of the amount, towards zero") {
        p.annee_partielle = politique_annee_partielle::prorata_temporis;
        const resultat_evaluation res = evaluer(evalmod::valide(r, c, p));
        CHECK(res.volets[0].principale.montant == centimes{10'000'000});  // the socle covers the whole year
        CHECK(res.volets[1].principale.montant == centimes{4'972'677});   // 10 000 000 x 182 / 366 = 4 972 677.59
        CHECK(res.total_sanctions == centimes{10'000'000 + 3 * 4'972'677});
    }
    SECTION("whole year required: the volets ended mid-year are not evaluated, their values are rejected") {
        p.annee_partielle = politique_annee_partielle::annee_entiere;
        const resultat_validation<rapport_valide> v = validate(def_2017, c, r.annuel(), p);
        REQUIRE_FALSE(v.ok());
        CHECK(v.erreurs().front().id == regle::volet_hors_terme);
        evalmod::rapport_essai socle(def_2017, 2020, extraits(evalmod::rien_atteint(def_2017), 3), euros(10'000'000));
        socle.r.annee_contrat = 4;
        const resultat_evaluation res = evaluer(evalmod::valide(socle, c, p));
        CHECK_FALSE(res.volets[1].principale.presente());
        CHECK(res.total_sanctions == centimes{10'000'000});
    }
}

TEST_CASE("contract time: pro rata temporis rounds once, trunc(base x rate x part), not the rounded amount scaled",
          "[evaluation][contrat][arrondi]") {
    using evalmod::def_2017;
    // Exercise 2017: the contract starts on 2017-07-01, every volet is in force 184 of 365 days.
    evalmod::rapport_essai r(def_2017, 2017, evalmod::rien_atteint(def_2017), centimes{8'000'000'174});
    r.r.annee_contrat = 1;
    const contrat_instance c = evalmod::instance_2017();
    parametres_evaluation p{};
    p.annee_partielle = politique_annee_partielle::prorata_temporis;
    const resultat_evaluation res = evaluer(evalmod::valide(r, c, p));
    REQUIRE(res.volets[0].couverture.jours == 184);
    REQUIRE(res.volets[0].couverture.jours_annee == 365);
    // 8 000 000 174 x 1 % x 184 / 365 = 40 328 768.07: rounded once, 40 328 768; the rounded
    // 1 % (80 000 001) scaled and rounded again gave 40 328 767.
    CHECK(res.volets[0].principale.montant == centimes{40'328'768});
    CHECK(res.volets[0].principale.plafond == centimes{40'328'768});  // the 1 % cap, scaled alike
    CHECK_FALSE(res.volets[0].principale.plafond_atteint);
    CHECK(res.volets[0].principale.taux == fraction{1, 100});  // the rate shown is the volet's, unscaled
    CHECK(res.total_sanctions == centimes{4 * 40'328'768});
    // The whole year under the default policy: the rate alone, 80 000 001.
    const resultat_evaluation entier_an = evaluer(evalmod::valide(r, c, {}));
    CHECK(entier_an.volets[0].principale.montant == centimes{80'000'001});
}

TEST_CASE("contract time: a pro rata amount equals the exact value of cpp_rational, rounded once towards zero",
          "[evaluation][contrat][arrondi]") {
    using rationnel = boost::multiprecision::cpp_rational;
    using entier_exact = boost::multiprecision::cpp_int;
    const volet_modele volet = evalmod::volets_2017[0];  // the socle: a sanction
    const lois_du_jour lois = lois_au(ymd{2018, 1, 1});
    std::mt19937_64 alea{20261204};
    std::uniform_int_distribution<std::int64_t> bases{0, std::numeric_limits<std::int64_t>::max() / 2};
    std::uniform_int_distribution<std::int64_t> jours{1, 365};
    std::uniform_int_distribution<std::int64_t> centiemes{1, 100};
    for (int k = 0; k < 20'000; ++k) {
        const centimes base{k % 2 == 0 ? bases(alea) % 100'000'000'000 : bases(alea)};
        const fraction part{jours(alea), 365};
        parametres_2017 p{};
        p.paliers[0] = {.seuil = entier(2), .taux = fraction{centiemes(alea), 10'000}};  // within 1 %
        proposition pr{};
        proposer_2017(pr, volet, score_volet{{0, 1}, {1, 1}}, base, std::nullopt, p, lois, part);
        // The oracle: base x rate x part in exact rationals, truncated towards zero.
        const rationnel exact =
            rationnel{base.valeur} * p.paliers[0].taux.num / p.paliers[0].taux.den * part.num / part.den;
        const entier_exact attendu =
            boost::multiprecision::numerator(exact) / boost::multiprecision::denominator(exact);
        INFO(base.valeur << " x " << p.paliers[0].taux.num << "/10000 x " << part.num << "/365");
        REQUIRE_FALSE(pr.depassement);
        REQUIRE(entier_exact{pr.montant.valeur} == attendu);
    }
}

// A report's evaluated template owns its volets: a copy or a move points at the new report's
// own volets, never at the source's (which a copy may outlive), and evaluates the same.
TEST_CASE("contract time: a report's copies and moves keep their own evaluated volets",
          "[evaluation][contrat][avenant]") {
    using t_contrat::def_socle;
    const std::vector<valeurs_indicateur> rien = evalmod::rien_atteint(evalmod::def_2017);
    const contrat_instance c = evalmod::instance_2017({avenant{ymd{2019, 3, 1}, t_contrat::pertinence_par_avenant}});
    evalmod::rapport_essai seul(def_socle, 2019, extraits(rien, 3), euros(10'000'000));
    seul.r.annee_contrat = 3;
    const rapport_valide sans = evalmod::valide(seul, evalmod::instance_2017({}));
    evalmod::rapport_essai r(def_socle, 2019, extraits(rien, 3, 5, 7), euros(10'000'000));
    r.r.annee_contrat = 3;
    r.volets_avenants = {t_contrat::pertinence_par_avenant};
    std::optional<rapport_valide> source{evalmod::valide(r, c)};
    const resultat_evaluation attendu = evaluer(*source);
    REQUIRE(source->modele_evalue().volets.size() == 2);
    rapport_valide copie{*source};
    CHECK(copie.modele_evalue().volets.data() != source->modele_evalue().volets.data());
    rapport_valide affectee = sans;
    affectee = *source;
    CHECK(affectee.modele_evalue().volets.data() != source->modele_evalue().volets.data());
    source.reset();  // the copies must not read the source's volets
    const rapport_valide deplacee{std::move(copie)};
    rapport_valide deplacee_affectee = sans;
    deplacee_affectee = std::move(affectee);
    for (const rapport_valide* x : std::array<const rapport_valide*, 2>{&deplacee, &deplacee_affectee}) {
        REQUIRE(x->modele_evalue().volets.size() == 2);
        CHECK(x->modele_evalue().volets[1].volet == volet_id::volet_pertinence);
        const resultat_evaluation res = evaluer(*x);
        CHECK(res.nombre_volets == attendu.nombre_volets);
        CHECK(res.volets[1].principale.montant == attendu.volets[1].principale.montant);
        CHECK(res.total_sanctions == attendu.total_sanctions);
    }
    // Assigned a report without avenant, it evaluates the template's one volet, from its own copy.
    deplacee_affectee = sans;
    CHECK(deplacee_affectee.modele_evalue().volets.size() == 1);
    CHECK(deplacee_affectee.modele_evalue().volets.data() != sans.modele_evalue().volets.data());
    CHECK(evaluer(deplacee_affectee).total_sanctions == evaluer(sans).total_sanctions);
}

TEST_CASE("contract time: a volet added by avenant is evaluated from its own start", "[evaluation][contrat][avenant]") {
    using t_contrat::def_socle;
    const std::vector<valeurs_indicateur> rien = evalmod::rien_atteint(evalmod::def_2017);
    const contrat_instance c = evalmod::instance_2017({avenant{ymd{2019, 3, 1}, t_contrat::pertinence_par_avenant}});

    // 2019: the avenant's volet (from 2019-04-01) is evaluated beside the socle.
    evalmod::rapport_essai r(def_socle, 2019, extraits(rien, 3, 5, 7), euros(10'000'000));
    r.r.annee_contrat = 3;
    r.volets_avenants = {t_contrat::pertinence_par_avenant};
    const rapport_valide v = evalmod::valide(r, c);
    REQUIRE(v.modele_evalue().volets.size() == 2);
    const resultat_evaluation res = evaluer(v);
    REQUIRE(res.nombre_volets == 2);
    CHECK(res.volets[1].volet == volet_id::volet_pertinence);
    CHECK(res.volets[1].couverture.terme == periode{ymd{2019, 4, 1}, ymd{2022, 1, 1}});  // cut at the regime's end
    CHECK(res.volets[1].principale.nature == nature_proposition::sanction_volet);
    CHECK(res.volets[1].principale.montant == centimes{10'000'000});
    CHECK(res.total_sanctions == centimes{20'000'000});
    // The compile-time driver evaluates the avenant's volet after the template's own.
    const resultat_evaluation res_ct = evaluateur<def_socle>::evaluer(validate<def_socle>(rapport_valide{v}).valeur());
    CHECK(res_ct.volets[1].principale.montant == centimes{10'000'000});
    CHECK(res_ct.total_sanctions == res.total_sanctions);

    // 2018: before its start, the volet is not evaluated and its values are refused (E060).
    evalmod::rapport_essai avant(def_socle, 2018, extraits(rien, 3, 5, 7), euros(10'000'000));
    avant.r.annee_contrat = 2;
    avant.volets_avenants = {t_contrat::pertinence_par_avenant};
    const resultat_validation<rapport_valide> refuse = validate(def_socle, c, avant.annuel(), {});
    REQUIRE_FALSE(refuse.ok());
    CHECK(refuse.erreurs().front().id == regle::volet_hors_terme);
    CHECK(refuse.erreurs().front().lieu == "rapport.valeurs[3] (ILL-P1)");
    evalmod::rapport_essai socle_seul(def_socle, 2018, extraits(rien, 3), euros(10'000'000));
    socle_seul.r.annee_contrat = 2;
    const resultat_evaluation res_2018 = evaluer(evalmod::valide(socle_seul, c));
    CHECK_FALSE(res_2018.volets[1].couverture.evalue);
    CHECK(res_2018.total_sanctions == centimes{10'000'000});
}

TEST_CASE("contract time CAQES-E064: the contract year is the one the instance gives", "[evaluation][contrat][E064]") {
    using evalmod::def_2017;
    evalmod::rapport_essai r(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
    r.r.annee_contrat = 1;  // started 2017-07-01: 2018 is the contract's year 2
    const violation v = seule(validate(def_2017, evalmod::instance_2017(), r.annuel(), {}).erreurs());
    CHECK(v.id == regle::annee_contrat_incoherente);
    CHECK(v.lieu == "rapport.annee_contrat");
    r.r.annee_contrat = 2;
    CHECK(evalmod::valide(r, evalmod::instance_2017()).annee_contrat() == 2);
}

TEST_CASE(
    "contract time CAQES-E030: an exercise before the contract's start year is rejected, its first year "
    "accepted",
    "[evaluation][contrat][E030]") {
    using evalmod::def_2017;
    // Started 2018-06-01, inside the template's window, which also covers 2017: 2017 is no year
    // of this contract ("contract year 0"), whatever the report says of it.
    const contrat_instance c = instance_du(ymd{2018, 4, 1}, ymd{2018, 5, 2}, ymd{2018, 6, 1});
    REQUIRE(validate(def_2017, c).empty());
    evalmod::rapport_essai avant(def_2017, 2017, evalmod::tout_atteint(def_2017), euros(10'000'000));
    avant.r.annee_contrat = 0;
    const auto refuse = validate(def_2017, c, avant.annuel(), {});
    REQUIRE_FALSE(refuse.ok());
    INFO(outils::tout(refuse.erreurs()));
    const auto e030 = std::find_if(refuse.erreurs().begin(), refuse.erreurs().end(),
                                   [](const violation& v) { return v.id == regle::exercice_non_couvert; });
    REQUIRE(e030 != refuse.erreurs().end());
    CHECK(e030->lieu == "rapport.exercice");
    CHECK(e030->detail == "2017 is before the year of the contract's start 2018-06-01: it is no year of the contract");
    // No CAQES-E064 beside it: the year is refused, not its number.
    CHECK(std::none_of(refuse.erreurs().begin(), refuse.erreurs().end(),
                       [](const violation& v) { return v.id == regle::annee_contrat_incoherente; }));
    evalmod::rapport_essai premier(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
    premier.r.annee_contrat = 1;
    CHECK(evalmod::valide(premier, c).annee_contrat() == 1);
}

TEST_CASE("contract time: past the regime's end the template's transition policy applies and is shown",
          "[evaluation][contrat][E006]") {
    using evalmod::def_2022;
    const contrat_instance c = instance_du(ymd{2024, 5, 1}, ymd{2024, 6, 1}, ymd{2024, 7, 1});
    evalmod::rapport_essai r(def_2022, 2026, evalmod::tout_atteint(def_2022));
    r.r.annee_contrat = 3;
    r.r.date_evaluation = ymd{2027, 3, 1};
    const resultat_evaluation res = evaluer(evalmod::valide(r, c));
    CHECK(res.regles.a(alerte_evaluation::transition_appliquee));
    CHECK(res.regles.transition == politique_transition::maintien_signale);
    r.r.date_evaluation = ymd{2026, 12, 31};
    CHECK_FALSE(evaluer(evalmod::valide(r, c)).regles.a(alerte_evaluation::transition_appliquee));
}

TEST_CASE("empty savings cell: non renseigne, the incentive is not computed and the result says why",
          "[evaluation][economies]") {
    using evalmod::def_2017;
    evalmod::rapport_essai r(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
    r.economies[1] = euros(1'000'000);  // transports: given
    r.economies[3] = centimes{0};       // pratiques: given, zero
    // pertinence: left empty
    const resultat_evaluation res = evaluer(evalmod::valide(r));
    CHECK(res.volets[1].principale.nature == nature_proposition::interessement_volet);
    CHECK(res.volets[1].principale.montant == euros(200'000));  // 20 % of 1 M EUR, within 30 %
    CHECK_FALSE(res.volets[2].principale.presente());
    CHECK(res.volets[2].principale.economies_non_renseignees);
    CHECK_FALSE(res.volets[3].principale.presente());
    CHECK_FALSE(res.volets[3].principale.economies_non_renseignees);  // zero savings: no incentive, and known
    CHECK(res.total_interessements == euros(200'000));
}

TEST_CASE("decision above the legal cap: CAQES-E062 at its date, the cap itself passes",
          "[evaluation][decision][E062]") {
    using evalmod::def_2017;
    evalmod::rapport_essai r(def_2017, 2018, evalmod::rien_atteint(def_2017), euros(10'000'000));
    // D.162-16 III 1 (2017): 1 % of 10 M EUR is 100 000 EUR; one cent more breaks it.
    r.decisions = {evalmod::decision(volet_id::volet_socle, issue_legale::sanction_volet, centimes{10'000'001})};
    const violation v = seule(validate(def_2017, r.annuel(), {}).erreurs());
    CHECK(v.id == regle::decision_hors_la_loi);
    CHECK(v.lieu == "rapport.decisions[0] (volet_socle).montant");
    CHECK(outils::contient_texte(v.detail, "LEGIARTI000034459834"));
    CHECK(fiche(regle::decision_hors_la_loi).code == "CAQES-E062");
    r.decisions[0].montant = centimes{10'000'000};
    const resultat_evaluation res = evaluer(evalmod::valide(r));
    CHECK(res.volets[0].principale.decision_finale == centimes{10'000'000});
    CHECK(res.total_sanctions_decidees == centimes{10'000'000});

    SECTION("the 5 % for all volets binds the sum of the decisions") {
        evalmod::rapport_essai petit(def_2017, 2018, evalmod::rien_atteint(def_2017), euros(10'000'000));
        // Four volets at their 1 % each stay within 5 %: accepted.
        for (const auto& vo : evalmod::volets_2017) {
            petit.decisions.push_back(evalmod::decision(vo.volet, issue_legale::sanction_volet, centimes{10'000'000}));
        }
        CHECK(validate(def_2017, petit.annuel(), {}).ok());
        // Two more socle sanctions are each refused as a second decision of that outcome
        // (CAQES-E036), and add nothing to the sum the 5 % bounds: no CAQES-E062 besides.
        petit.decisions.push_back(
            evalmod::decision(volet_id::volet_socle, issue_legale::sanction_volet, euros(100'000)));
        petit.decisions.push_back(
            evalmod::decision(volet_id::volet_socle, issue_legale::sanction_volet, euros(100'000)));
        const violations doubles = validate(def_2017, petit.annuel(), {}).erreurs();
        REQUIRE(doubles.size() == 2);
        CHECK(doubles[0].id == regle::saisie_en_double);
        CHECK(doubles[1].id == regle::saisie_en_double);
    }
    SECTION("an incentive above 30 % of the savings, or with savings not given") {
        evalmod::rapport_essai i(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
        i.economies[1] = euros(100'000);
        i.decisions = {evalmod::decision(volet_id::volet_transports, issue_legale::interessement_volet, euros(30'001))};
        CHECK(seule(validate(def_2017, i.annuel(), {}).erreurs()).id == regle::decision_hors_la_loi);
        i.decisions[0].montant = euros(30'000);
        CHECK(validate(def_2017, i.annuel(), {}).ok());
        i.economies[1].reset();
        const violation sans = seule(validate(def_2017, i.annuel(), {}).erreurs());
        CHECK(sans.id == regle::decision_hors_la_loi);
        CHECK(outils::contient_texte(sans.detail, "non renseigne"));
        // Nothing decided (0) is within the bound, with the savings not given...
        i.decisions[0].montant = centimes{0};
        CHECK(validate(def_2017, i.annuel(), {}).ok());
        // ... and with savings that fell, which bound any incentive to nothing: one cent is not.
        i.economies[1] = euros(-5);
        i.decisions[0].montant = centimes{0};
        CHECK(validate(def_2017, i.annuel(), {}).ok());
        i.decisions[0].montant = centimes{1};
        CHECK(seule(validate(def_2017, i.annuel(), {}).erreurs()).id == regle::decision_hors_la_loi);
    }
    SECTION("a L.162-30-4 rate past 50 %") {
        using evalmod::def_2022;
        evalmod::rapport_essai d(def_2022, 2023, evalmod::tout_atteint(def_2022));
        // A referral of 2021-03-01, two years before the evaluation of 2024-06-01, and acts still
        // above their target: the ground of the measures (L.162-30-4).
        d.r.l162_30_4 = donnees_l162_30_4{ymd{2021, 3, 1}, 1'200, 900, 1'000, euros(350), euros(12)};
        decision_volet dv = evalmod::decision(volet_id::volet_pertinence_soins, issue_legale::abattement, centimes{0});
        dv.taux = fraction{51, 100};
        dv.duree_mois = 12;
        d.decisions = {dv};
        const violation taux = seule(validate(def_2022, d.annuel(), {}).erreurs());
        CHECK(taux.id == regle::decision_hors_la_loi);
        CHECK(taux.lieu == "rapport.decisions[0] (volet_pertinence_soins).taux");
        d.decisions[0].taux = fraction{50, 100};
        CHECK(validate(def_2022, d.annuel(), {}).ok());
        // The law caps the rate over the period the decision fixes; the amount is the user's
        // estimate of that period's sums, shown.
        d.decisions[0].montant = euros(1'000'000);
        d.decisions[0].duree_mois = 24;
        CHECK(validate(def_2022, d.annuel(), {}).ok());
    }
    SECTION("a L.162-30-4 measure without its ground: no data, before two years, acts not above the target") {
        using evalmod::def_2022;
        evalmod::rapport_essai d(def_2022, 2023, evalmod::tout_atteint(def_2022));
        for (const issue_legale n : {issue_legale::abattement, issue_legale::minoration}) {
            CAPTURE(nom(n));
            decision_volet dv = evalmod::decision(volet_id::volet_pertinence_soins, n, euros(1'000));
            dv.taux = fraction{10, 100};
            dv.duree_mois = 12;
            d.decisions = {dv};
            const auto refus = [&](const std::string& pourquoi) {
                const violation x = seule(validate(def_2022, d.annuel(), {}).erreurs());
                CHECK(x.id == regle::decision_hors_issues);
                CHECK(x.lieu == "rapport.decisions[0] (volet_pertinence_soins).nature");
                CHECK(outils::contient_texte(x.detail, pourquoi));
            };
            d.r.l162_30_4.reset();
            refus("which the report does not give (l162_30_4)");
            // Referred 2022-07-01: two years on is 2024-07-01, after the evaluation of 2024-06-01.
            d.r.l162_30_4 = donnees_l162_30_4{ymd{2022, 7, 1}, 1'200, 900, 1'000, euros(350), euros(12)};
            refus("from 2024-07-01: the evaluation date 2024-06-01 is before");
            // Referred 2022-06-01: due on the evaluation date itself.
            d.r.l162_30_4->saisine = ymd{2022, 6, 1};
            CHECK(validate(def_2022, d.annuel(), {}).ok());
            // Acts at the target: nothing "superieur" to measure.
            d.r.l162_30_4->actes_realises = 900;
            refus("needs acts above their target: 900 for a target of 900");
            d.r.l162_30_4->actes_realises = 901;
            CHECK(validate(def_2022, d.annuel(), {}).ok());
        }
    }
}

TEST_CASE("decision above the proposal but within the law: shown and flagged, not rejected", "[evaluation][decision]") {
    using evalmod::def_2017;
    // Socle: ILL-S1 (weight 2 of 4) met, the others missed: score 1/2, the 0.5 % step.
    std::vector<valeurs_indicateur> v = evalmod::rien_atteint(def_2017);
    v[0] = evalmod::tout_atteint(def_2017)[0];
    evalmod::rapport_essai r(def_2017, 2018, v, euros(10'000'000));
    r.decisions = {evalmod::decision(volet_id::volet_socle, issue_legale::sanction_volet, euros(80'000))};
    const resultat_evaluation res = evaluer(evalmod::valide(r));
    CHECK(res.volets[0].principale.montant == euros(50'000));
    CHECK(res.volets[0].principale.decision_finale == euros(80'000));
    CHECK(res.volets[0].principale.decision_au_dessus);
    CHECK(res.total_sanctions_decidees == euros(80'000));
    r.decisions[0].montant = euros(40'000);
    CHECK_FALSE(evaluer(evalmod::valide(r)).volets[0].principale.decision_au_dessus);
}

TEST_CASE("decision nature: CAQES-E061 for an outcome the regime or the volet does not allow",
          "[evaluation][decision][E061]") {
    using evalmod::def_2022;
    evalmod::rapport_essai r(def_2022, 2023, evalmod::tout_atteint(def_2022));
    // The second generation has no sanction proportional to revenue (D.162-16 V).
    r.decisions = {evalmod::decision(volet_id::volet_bon_usage, issue_legale::sanction_volet, euros(1'000))};
    const violation v = seule(validate(def_2022, r.annuel(), {}).erreurs());
    CHECK(v.id == regle::decision_hors_issues);
    CHECK(v.lieu == "rapport.decisions[0] (volet_bon_usage).nature");
    // A rate outcome without its rate and duration, on the ground of the measures (L.162-30-4).
    r.r.l162_30_4 = donnees_l162_30_4{ymd{2021, 3, 1}, 1'200, 900, 1'000, euros(350), euros(12)};
    r.decisions = {evalmod::decision(volet_id::volet_pertinence_soins, issue_legale::minoration, centimes{0})};
    const violation sans_taux = seule(validate(def_2022, r.annuel(), {}).erreurs());
    CHECK(sans_taux.id == regle::decision_hors_issues);
    CHECK(sans_taux.lieu == "rapport.decisions[0] (volet_pertinence_soins).taux");
    r.r.l162_30_4.reset();
    // "No outcome" with an amount, or with a duration.
    r.decisions = {evalmod::decision(volet_id::volet_bon_usage, std::nullopt, euros(1))};
    CHECK(seule(validate(def_2022, r.annuel(), {}).erreurs()).id == regle::decision_hors_issues);
    r.decisions = {evalmod::decision(volet_id::volet_bon_usage, std::nullopt, centimes{0})};
    r.decisions[0].duree_mois = 12;
    CHECK(seule(validate(def_2022, r.annuel(), {}).erreurs()).id == regle::decision_hors_issues);
    // An amount outcome given a rate or a duration, which nothing would read: refused at the rate.
    r.economies[0] = euros(10'000);
    for (const bool avec_taux : {true, false}) {
        r.decisions = {
            evalmod::decision(volet_id::volet_bon_usage, issue_legale::interessement_national, euros(1'000))};
        if (avec_taux) r.decisions[0].taux = fraction{99, 100};
        r.decisions[0].duree_mois = 1'200;
        const violation x = seule(validate(def_2022, r.annuel(), {}).erreurs());
        CHECK(x.id == regle::decision_hors_issues);
        // At the figure given: the rate, or the duration alone.
        CHECK(x.lieu == (avec_taux ? "rapport.decisions[0] (volet_bon_usage).taux"
                                   : "rapport.decisions[0] (volet_bon_usage).duree_mois"));
        CHECK(outils::contient_texte(x.detail, "is an amount, not a rate for a duration"));
    }
    r.economies[0].reset();
    // Allowed: the national incentive, and "no outcome" at zero.
    r.economies[0] = euros(10'000);
    r.decisions = {evalmod::decision(volet_id::volet_bon_usage, issue_legale::interessement_national, euros(1'000)),
                   evalmod::decision(volet_id::volet_organisation_soins, std::nullopt, centimes{0})};
    CHECK(validate(def_2022, r.annuel(), {}).ok());
}

TEST_CASE("sanction and incentive for one volet and year: CAQES-E063 (soit... soit)", "[evaluation][decision][E063]") {
    using evalmod::def_2017;
    evalmod::rapport_essai r(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
    r.economies[1] = euros(100'000);
    r.decisions = {evalmod::decision(volet_id::volet_transports, issue_legale::sanction_volet, euros(10'000)),
                   evalmod::decision(volet_id::volet_transports, issue_legale::interessement_volet, euros(5'000))};
    const violation v = seule(validate(def_2017, r.annuel(), {}).erreurs());
    CHECK(v.id == regle::sanction_et_interessement);
    CHECK(v.lieu == "rapport.decisions[1] (volet_transports).nature");
    CHECK(fiche(regle::sanction_et_interessement).code == "CAQES-E063");
    // Each alone, or on two volets, is accepted.
    r.decisions[1].volet = volet_id::volet_pertinence;
    r.economies[2] = euros(100'000);
    const resultat_evaluation res = evaluer(evalmod::valide(r));
    CHECK(res.volets[1].nature_decidee == issue_legale::sanction_volet);
    CHECK(res.volets[2].nature_decidee == issue_legale::interessement_volet);
    CHECK(res.total_sanctions_decidees == euros(10'000));
    CHECK(res.total_interessements_decides == euros(5'000));
}

TEST_CASE("soit... soit as a predicate: a sanction and an incentive together only", "[evaluation][decision][E063]") {
    STATIC_REQUIRE(regles::soit_soit(seule(issue_legale::sanction_volet)));
    STATIC_REQUIRE(regles::soit_soit(issue_legale::sanction_volet | issue_legale::reduction_liste_en_sus));
    STATIC_REQUIRE_FALSE(regles::soit_soit(issue_legale::sanction_volet | issue_legale::interessement_volet));
}

TEST_CASE("contract time: a template volet brought in by avenant is evaluated from the avenant on",
          "[evaluation][contrat][avenant]") {
    using evalmod::def_2017;
    const std::vector<valeurs_indicateur> rien = evalmod::rien_atteint(def_2017);
    // The grid holds four volets; this establishment signed the pertinence volet by an avenant
    // of 2018-03-01 (D.162-15).
    const contrat_instance c =
        evalmod::instance_2017({avenant{.signature = ymd{2018, 3, 1}, .volet_du_modele = volet_id::volet_pertinence}});

    // 2017: the pertinence volet is not part of the contract yet; the others are sanctioned.
    evalmod::rapport_essai trop(def_2017, 2017, rien, euros(10'000'000));
    const rapport_annuel tout = trop.annuel();
    std::vector<saisie_indicateur> sans_pertinence(tout.valeurs.begin(), tout.valeurs.end());
    sans_pertinence.erase(sans_pertinence.begin() + 5, sans_pertinence.begin() + 7);  // ILL-P1, ILL-P2
    rapport_annuel r2017 = tout;
    r2017.valeurs = sans_pertinence;
    resultat_validation<rapport_valide> v2017 = validate(def_2017, c, r2017, {});
    INFO(outils::tout(v2017.erreurs()));
    REQUIRE(v2017.ok());
    CHECK(v2017.valeur().couvertures()[2].terme == periode{ymd{2018, 3, 1}, ymd{2021, 3, 1}});
    CHECK_FALSE(v2017.valeur().couvertures()[2].evalue);
    const resultat_evaluation res2017 = evaluer(v2017.valeur());
    CHECK_FALSE(res2017.volets[2].principale.presente());
    CHECK(res2017.total_sanctions == centimes{3 * 10'000'000});
    // Its values for 2017 are refused (CAQES-E060), located at the first of them.
    const resultat_validation<rapport_valide> refuse = validate(def_2017, c, trop.annuel(), {});
    REQUIRE_FALSE(refuse.ok());
    CHECK(refuse.erreurs().front().id == regle::volet_hors_terme);
    CHECK(refuse.erreurs().front().lieu == "rapport.valeurs[5] (ILL-P1)");

    // 2018: in force from 2018-03-01, so evaluated under the default partial-year policy.
    evalmod::rapport_essai r2018(def_2017, 2018, rien, euros(10'000'000));
    r2018.r.annee_contrat = 2;
    const resultat_evaluation res2018 = evaluer(evalmod::valide(r2018, c));
    CHECK(res2018.volets[2].couverture.evalue);
    CHECK(res2018.volets[2].principale.montant == centimes{10'000'000});
    CHECK(res2018.total_sanctions == centimes{4 * 10'000'000});
}

TEST_CASE("contract instance CAQES-E065: an avenant brings in a volet of the template, once",
          "[instance][avenant][E065]") {
    using evalmod::def_2017;
    SECTION("accepted: a volet of the template, brought in once") {
        const violations vs = validate(
            def_2017, evalmod::instance_2017(
                          {avenant{.signature = ymd{2018, 3, 1}, .volet_du_modele = volet_id::volet_pertinence}}));
        INFO(outils::tout(vs));
        CHECK(vs.empty());
    }
    SECTION("rejected: a volet the template does not have") {
        const violation v =
            seule(validate(def_2017, evalmod::instance_2017({avenant{.signature = ymd{2018, 3, 1},
                                                                     .volet_du_modele = volet_id::volet_bon_usage}})));
        CHECK(v.id == regle::avenant_hors_modele);
        CHECK(v.lieu == "avenants[0].volet_du_modele");
        CHECK(fiche(v.id).code == "CAQES-E065");
    }
    SECTION("rejected: the same volet brought in twice") {
        const violation v = seule(validate(
            def_2017, evalmod::instance_2017(
                          {avenant{.signature = ymd{2018, 3, 1}, .volet_du_modele = volet_id::volet_pertinence},
                           avenant{.signature = ymd{2018, 9, 1}, .volet_du_modele = volet_id::volet_pertinence}})));
        CHECK(v.id == regle::avenant_hors_modele);
        CHECK(v.lieu == "avenants[1].volet_du_modele");
    }
}

TEST_CASE(
    "contract time: a volet out of its term adds nothing to the overall and regional scores, whatever the "
    "grid's policy makes of its indicators",
    "[evaluation][contrat][2022]") {
    using t_contrat::def_2022_termes;
    // Exercise 2024 of a contract in effect from 2022-07-01: the organisation volet ended on
    // 2023-06-30, so its indicators are non concerne, which this grid's policy counts as met.
    // The bon usage volet, in force, missed both its (national) indicators.
    const contrat_instance c = instance_du(ymd{2022, 6, 1}, ymd{2022, 6, 15}, ymd{2022, 7, 1});
    evalmod::rapport_essai r(def_2022_termes, 2024, extraits(evalmod::rien_atteint(def_2022_termes), 2),
                             euros(10'000'000));
    r.r.annee_contrat = 3;
    r.economies[0] = centimes{1'000'000};
    parametres_evaluation p{};
    p.p2022.enveloppe_regionale = centimes{100'000};
    const rapport_valide v = evalmod::valide(r, c, p);
    REQUIRE(v.couvertures()[0].evalue);
    REQUIRE_FALSE(v.couvertures()[1].evalue);
    const politique_grille nc_atteint{.non_concerne = compte_non_concerne::atteint};

    const resultat_evaluation res = evaluer(v, nc_atteint);
    REQUIRE(res.ok());
    // D.162-16 V 2: the national incentive is revised by the achievement of the contract's
    // objectives, which are the bon usage volet's alone this year: 0, so no incentive (it was
    // half of the savings x 1/2 when the ended volet's indicators counted as met).
    CHECK_FALSE(res.volets[0].principale.presente());
    // D.162-16 V 1: no regional objective is in force, so no regional incentive (it was the
    // whole envelope).
    CHECK(res.nombre_contrat == 0);
    CHECK(res.total_interessements == centimes{0});
    // Under the default policy (non concerne excluded) the result is the same.
    const resultat_evaluation defaut = evaluer(v);
    CHECK_FALSE(defaut.volets[0].principale.presente());
    CHECK(defaut.nombre_contrat == 0);

    // The batch evaluator gives the same columns.
    const colonnes::resultats_colonnes<std::int64_t> colonnes_res = en_colonnes(def_2022_termes, nc_atteint, p, v, res);
    CHECK(colonnes_res.total_interessements[0] == 0);
}

TEST_CASE("a totalled proposal whose amount does not fit 64-bit cents makes the totals inexact (CAQES-E040)",
          "[evaluation][E040]") {
    using evalmod::def_2017;
    // A share of savings near 30 % over a 63-bit denominator, under pro rata temporis: the
    // product of the rate and the year's share does not fit 64 bits, so the incentive is not
    // evaluated (its flag), and no total may leave it out as if it were 0.
    parametres_evaluation p{};
    p.annee_partielle = politique_annee_partielle::prorata_temporis;
    p.p2017.part_interessement = fraction{1'383'505'805'528'216'369, 4'611'686'018'427'387'903};
    evalmod::rapport_essai e(def_2017, 2017, evalmod::tout_atteint(def_2017), evalmod::base_80m);
    e.r.annee_contrat = 1;
    e.economies[1] = centimes{100'000'000};
    const resultat_validation<rapport_valide> v = validate(def_2017, evalmod::instance_2017(), e.annuel(), p);
    INFO(outils::tout(v.erreurs()));
    REQUIRE(v.ok());
    const resultat_evaluation res = evaluer(v.valeur());
    REQUIRE(res.volets[1].principale.depassement);
    CHECK(res.erreur == regle::depassement_capacite);
    CHECK(res.total_interessements == centimes{0});
    CHECK(res.total_sanctions == centimes{0});
    // Its decision is shown beside it, not flagged as above an amount that is not known.
    e.decisions = {evalmod::decision(volet_id::volet_transports, issue_legale::interessement_volet, euros(1'000))};
    const resultat_evaluation decidee = evaluer(validate(def_2017, evalmod::instance_2017(), e.annuel(), p).valeur());
    CHECK(decidee.volets[1].principale.decision_finale == euros(1'000));
    CHECK_FALSE(decidee.volets[1].principale.decision_au_dessus);
    // Without pro rata the same rate fits: the incentive is computed and totalled.
    p.annee_partielle = politique_annee_partielle::tout_jour_compte;
    const resultat_evaluation entier_an = evaluer(validate(def_2017, evalmod::instance_2017(), e.annuel(), p).valeur());
    CHECK_FALSE(entier_an.volets[1].principale.depassement);
    CHECK(entier_an.erreur != regle::depassement_capacite);
    CHECK(entier_an.total_interessements == entier_an.volets[1].principale.montant);
}

TEST_CASE(
    "the 2017 volet incentive at a share of zero: none proposed, not a zero one, by either evaluator (D.162-16 "
    "III 1)",
    "[evaluation][2017]") {
    using evalmod::def_2017;
    // Every objective met and savings given: the transports volet earns its incentive, unless
    // the ARS set the share of the savings at 0, a value the domain accepts (CAQES-E046).
    evalmod::rapport_essai e(def_2017, 2017, evalmod::tout_atteint(def_2017), evalmod::base_80m);
    e.r.annee_contrat = 1;
    e.economies[1] = centimes{100'000'000};
    parametres_evaluation p{};
    p.p2017.part_interessement = {0, 1};
    const resultat_validation<rapport_valide> v = validate(def_2017, evalmod::instance_2017(), e.annuel(), p);
    INFO(outils::tout(v.erreurs()));
    REQUIRE(v.ok());
    const resultat_evaluation res = evaluer(v.valeur());
    REQUIRE(res.ok());
    CHECK_FALSE(res.volets[1].principale.presente());
    CHECK(res.total_interessements == centimes{0});
    const colonnes::resultats_colonnes<std::int64_t> colonnes_res =
        en_colonnes(def_2017, politique_grille{}, p, v.valeur(), res);
    CHECK(colonnes_res.nature[1][0] == 0);
    // Its twin at 20 %: the incentive is proposed and totalled.
    p.p2017.part_interessement = {20, 100};
    const resultat_evaluation vingt = evaluer(validate(def_2017, evalmod::instance_2017(), e.annuel(), p).valeur());
    CHECK(vingt.volets[1].principale.nature == nature_proposition::interessement_volet);
    CHECK(vingt.volets[1].principale.montant == centimes{20'000'000});
    CHECK(vingt.total_interessements == centimes{20'000'000});
}

TEST_CASE(
    "the 2022 regional incentive: none proposed when no regional objective is achieved, not a zero one "
    "(D.162-16 V 1)",
    "[evaluation][2022]") {
    using evalmod::def_2022;
    parametres_evaluation p{};
    p.p2022.enveloppe_regionale = euros(100'000);
    const auto regional_de = [](const resultat_evaluation& res) -> const proposition* {
        for (std::size_t k = 0; k < res.nombre_contrat; ++k) {
            if (res.contrat[k].nature == nature_proposition::interessement_regional) return &res.contrat[k];
        }
        return nullptr;
    };
    // Every objective missed: the regional score is 0 of a defined score, so nothing regional is
    // proposed, as the national incentive revised down to nothing proposes none.
    evalmod::rapport_essai rien(def_2022, 2023, evalmod::rien_atteint(def_2022));
    const rapport_valide v_rien = evalmod::valide(rien, p);
    const resultat_evaluation res_rien = evaluer(v_rien);
    REQUIRE(res_rien.ok());
    CHECK(regional_de(res_rien) == nullptr);
    CHECK(res_rien.nombre_contrat == 0);
    CHECK(res_rien.total_interessements == centimes{0});
    // The batch evaluator gives the same columns.
    const colonnes::resultats_colonnes<std::int64_t> colonnes_res =
        en_colonnes(def_2022, politique_grille{}, p, v_rien, res_rien);
    CHECK(colonnes_res.contrat_nature[0][0] == 0);
    // Every objective met: the whole envelope.
    evalmod::rapport_essai tout(def_2022, 2023, evalmod::tout_atteint(def_2022));
    const resultat_evaluation res_tout = evaluer(evalmod::valide(tout, p));
    const proposition* regional = regional_de(res_tout);
    REQUIRE(regional != nullptr);
    CHECK(regional->montant == euros(100'000));
}

TEST_CASE("the 2022 regional incentive decided: on any volet, once a year, beside its proposal (D.162-16 V 1)",
          "[evaluation][decision][E036]") {
    using evalmod::def_2022;
    parametres_evaluation p{};
    p.p2022.enveloppe_regionale = euros(100'000);
    evalmod::rapport_essai r(def_2022, 2023, evalmod::tout_atteint(def_2022));
    r.economies[0] = euros(10'000);
    // Every regional objective met: the whole envelope is proposed. The ARS decides more, on
    // the bon usage volet, beside that volet's own national incentive.
    r.decisions = {evalmod::decision(volet_id::volet_bon_usage, issue_legale::interessement_regional, euros(120'000)),
                   evalmod::decision(volet_id::volet_bon_usage, issue_legale::interessement_national, euros(1'000))};
    const resultat_validation<rapport_valide> v = validate(def_2022, r.annuel(), p);
    INFO(outils::tout(v.erreurs()));
    REQUIRE(v.ok());
    const resultat_evaluation res = evaluer(v.valeur());
    const proposition* regional = nullptr;
    for (std::size_t k = 0; k < res.nombre_contrat; ++k) {
        if (res.contrat[k].nature != nature_proposition::interessement_regional) continue;
        regional = &res.contrat[k];
        CHECK(res.contrat_nature_decidee[k] == issue_legale::interessement_regional);
    }
    REQUIRE(regional != nullptr);
    CHECK(regional->montant == euros(100'000));
    CHECK(regional->decision_finale == euros(120'000));
    CHECK(regional->decision_au_dessus);
    CHECK(res.volets[0].principale.decision_finale == euros(1'000));
    CHECK(res.total_interessements_decides == euros(121'000));
    // A second regional decision, on another volet, is the contract's outcome decided twice.
    r.decisions.push_back(
        evalmod::decision(volet_id::volet_organisation_soins, issue_legale::interessement_regional, euros(1)));
    const violation deux = seule(validate(def_2022, r.annuel(), p).erreurs());
    CHECK(deux.id == regle::saisie_en_double);
    CHECK(deux.lieu == "rapport.decisions[2] (volet_organisation_soins).nature");
    CHECK(outils::contient_texte(deux.detail, "rapport.decisions[0] already decided this outcome of the contract"));
    // A contract that fixes no regional objective for the exercise has no regional incentive to
    // decide (D.162-16 V 1): with REG-O1 (organisation_soins) it has one, without it none.
    evalmod::rapport_essai hors(def_2022, 2023, evalmod::tout_atteint(def_2022));
    hors.decisions = {evalmod::decision(volet_id::volet_bon_usage, issue_legale::interessement_regional, euros(1'000))};
    const resultat_validation<rapport_valide> sans_enveloppe = validate(def_2022, hors.annuel(), p);
    REQUIRE(sans_enveloppe.ok());
    // Under a contract with no envelope nothing regional is proposed: the decision stands alone,
    // an entry of nature `aucune` that says which outcome was decided.
    parametres_evaluation sans{};
    const resultat_evaluation seule_decision = evaluer(validate(def_2022, hors.annuel(), sans).valeur());
    REQUIRE(seule_decision.nombre_contrat == 1);
    CHECK_FALSE(seule_decision.contrat[0].presente());
    CHECK(seule_decision.contrat[0].decision_finale == euros(1'000));
    CHECK(seule_decision.contrat_nature_decidee[0] == issue_legale::interessement_regional);
    CHECK(seule_decision.total_interessements_decides == euros(1'000));
    static constexpr std::array<volet_modele, 1> nationaux{{evalmod::volets_2022[0]}};
    static constexpr modele_contrat_def def_nationale{.nom = "2022, national objectives only",
                                                      .regime = regime_id::caqes_2022,
                                                      .fenetre = def_2022.fenetre,
                                                      .volets = nationaux};
    evalmod::rapport_essai national(def_nationale, 2023, evalmod::tout_atteint(def_nationale));
    national.decisions = hors.decisions;
    const violation sans_objectif = seule(validate(def_nationale, national.annuel(), p).erreurs());
    CHECK(sans_objectif.id == regle::decision_hors_issues);
    CHECK(outils::contient_texte(sans_objectif.detail, "no regional objective"));
    // The first generation has no regional incentive (D.162-16 III): refused (CAQES-E061).
    using evalmod::def_2017;
    evalmod::rapport_essai r17(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
    r17.decisions = {evalmod::decision(volet_id::volet_socle, issue_legale::interessement_regional, euros(1))};
    CHECK(seule(validate(def_2017, r17.annuel(), {}).erreurs()).id == regle::decision_hors_issues);
}

TEST_CASE("a recorded decision is checked under the law the evaluation applies, not the law of its notification day",
          "[evaluation][decision][E061]") {
    // First generation, exercise 2021, evaluated 2022-03-01 under the default policy
    // (regime_du_contrat): the sanction is proposed under the 2017 D.162-16. Its decision,
    // notified in June 2022 (when D.162-16 of 2022 provides no volet sanction), is checked under
    // the same version as the proposal beside it: accepted.
    using evalmod::def_2017;
    evalmod::rapport_essai r(def_2017, 2021, evalmod::rien_atteint(def_2017), euros(10'000'000));
    r.r.date_evaluation = ymd{2022, 3, 1};
    r.decisions = {evalmod::decision(volet_id::volet_socle, issue_legale::sanction_volet, euros(50'000))};
    r.decisions[0].date = ymd{2022, 6, 1};
    const resultat_validation<rapport_valide> v = validate(def_2017, r.annuel(), parametres_evaluation{});
    INFO(outils::tout(v.erreurs()));
    REQUIRE(v.ok());
    const resultat_evaluation res = evaluer(v.valeur());
    CHECK(res.volets[0].principale.nature == nature_proposition::sanction_volet);
    CHECK(res.volets[0].principale.decision_finale == euros(50'000));
    CHECK(res.total_sanctions_decidees == euros(50'000));
    // Above the 1 % of that version, it is refused whatever its day (CAQES-E062).
    r.decisions[0].montant = euros(100'001);
    CHECK(seule(validate(def_2017, r.annuel(), parametres_evaluation{}).erreurs()).id == regle::decision_hors_la_loi);

    // Successor scheme, exercise 2026: the version in force for the whole year provides only the
    // allocation (L.162-23-14, LEGIARTI000053271346). A penalty notified in 2027, when the next
    // version provides one, is still a penalty for 2026: refused (CAQES-E061), dated or not.
    const modele_contrat_def& m = evalmod::def_successeur;
    evalmod::rapport_essai s(m, 2026, evalmod::rien_atteint(m), euros(10'000'000));
    s.r.date_evaluation = ymd{2027, 3, 1};
    s.r.base_penalite = euros(10'000'000);
    s.decisions = {
        evalmod::decision(volet_id::dispositif_efficience, issue_legale::penalite_financement, euros(200'000))};
    for (const ymd jour : {ymd{2027, 6, 1}, ymd{}}) {
        CAPTURE(texte(jour));
        s.decisions[0].date = jour;
        const violation refus = seule(validate(m, s.annuel(), parametres_evaluation{}).erreurs());
        CHECK(refus.id == regle::decision_hors_issues);
        CHECK(outils::contient_texte(refus.detail, "in force on 2026-01-01 provides 'penalite'"));
    }
}

TEST_CASE("a decided L.162-30-4 measure is shown beside its proposal, flagged by its rate, decided once",
          "[evaluation][decision][l162_30_4][E036]") {
    using evalmod::def_2022;
    // Referral 2021-03-01, evaluation 2024-06-01, 1 200 acts for a target of 900 at 350 EUR: a
    // 10 % tariff cut of the 300 acts over, 10 500 EUR.
    evalmod::rapport_essai r(def_2022, 2023, evalmod::tout_atteint(def_2022));
    r.r.l162_30_4 = donnees_l162_30_4{ymd{2021, 3, 1}, 1'200, 900, 1'000, euros(350), euros(12)};
    parametres_evaluation p{};
    p.p2022.taux_abattement = {10, 100};
    p.p2022.seuil_largement_superieur = fraction{1, 10};
    p.p2022.duree_mesures_mois = 12;
    decision_volet dv = evalmod::decision(volet_id::volet_pertinence_soins, issue_legale::abattement, euros(20'000));
    dv.taux = fraction{20, 100};
    dv.duree_mois = 12;
    r.decisions = {dv};
    const auto entree = [](const resultat_evaluation& res) -> std::size_t {
        for (std::size_t k = 0; k < res.nombre_contrat; ++k) {
            if (res.contrat_nature_decidee[k] == issue_legale::abattement) return k;
        }
        FAIL("no contract-level entry holds the decided tariff cut");
        return 0;
    };
    const auto evaluer_avec = [&](const parametres_evaluation& q) {
        const resultat_validation<rapport_valide> v = validate(def_2022, r.annuel(), q);
        INFO(outils::tout(v.erreurs()));
        REQUIRE(v.ok());
        return evaluer(v.valeur());
    };
    // Beside the proposal; 20 % against the 10 % proposed: flagged above it. Its amount is an
    // estimate over the decided duration: in no total.
    const resultat_evaluation res = evaluer_avec(p);
    const std::size_t k = entree(res);
    CHECK(res.contrat[k].nature == nature_proposition::abattement);
    CHECK(res.contrat[k].montant == euros(10'500));
    CHECK(res.contrat[k].decision_finale == euros(20'000));
    CHECK(res.contrat[k].decision_au_dessus);
    CHECK(res.total_sanctions_decidees == centimes{0});
    CHECK(res.total_interessements_decides == centimes{0});
    // The decided rate and duration are kept beside it (what the ARS decides for a rate measure).
    CHECK(res.contrat_taux_decide[k] == fraction{20, 100});
    CHECK(res.contrat_duree_decidee_mois[k] == 12);
    // At the proposed rate, whatever its estimate: not flagged.
    r.decisions[0].taux = fraction{10, 100};
    r.decisions[0].montant = euros(50'000);
    const resultat_evaluation egal = evaluer_avec(p);
    CHECK_FALSE(egal.contrat[entree(egal)].decision_au_dessus);
    // No cut proposed (the grid chose no rate): the decision alone, naming its outcome, flagged.
    parametres_evaluation sans = p;
    sans.p2022.taux_abattement = {0, 1};
    const resultat_evaluation seule_decision = evaluer_avec(sans);
    const std::size_t j = entree(seule_decision);
    CHECK_FALSE(seule_decision.contrat[j].presente());
    CHECK(seule_decision.contrat[j].decision_finale == euros(50'000));
    CHECK(seule_decision.contrat[j].decision_au_dessus);
    CHECK(seule_decision.contrat_taux_decide[j] == fraction{10, 100});
    CHECK(seule_decision.contrat_duree_decidee_mois[j] == 12);
    // One tariff cut a year: a second decision of it is refused (its clause is the pertinence
    // volet's alone, CAQES-E010).
    r.decisions.push_back(r.decisions[0]);
    const violation deux = seule(validate(def_2022, r.annuel(), p).erreurs());
    CHECK(deux.id == regle::saisie_en_double);
    CHECK(outils::contient_texte(deux.detail, "this outcome was already decided for the volet"));
}
