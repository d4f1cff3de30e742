// Evaluation: money. Exact rates on integer cents, 128-bit intermediates, rounding towards
// zero, and every cap exactly at its value and one cent over.
#include "alea.hpp"
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <array>
#include <cstdint>
#include <limits>

using namespace caqes;
using evalmod::base_80m;

namespace {

constexpr score_volet score_de(std::int64_t num, std::int64_t den) { return {{num, 1}, {den, 1}}; }

const volet_modele& socle() { return evalmod::volets_2017[0]; }
const volet_modele& transports() { return evalmod::volets_2017[1]; }

// A scale with a single step: any score below 1 gets `taux`.
parametres_2017 un_palier(fraction taux) {
    parametres_2017 p{};
    p.paliers = {{{entier(1), taux}, {}, {}}};
    return p;
}

}  // namespace

TEST_CASE("appliquer_taux: the 64-bit fast path and the 128-bit path give the same amount, or both refuse",
          "[montants]") {
    // The reference: base x num / den in 128 bits, truncated towards zero, refused when it leaves
    // 64-bit cents. Bases and numerators from every magnitude, both signs and the int64 limits,
    // so that both paths are taken (counted) and their edge is crossed.
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
    essais::alea_essai a{0x7a0};
    auto nombre = [&a]() -> std::int64_t {
        switch (a.entre(0, 5)) {
            case 0:
                return a.entre(-1'000, 1'000);
            case 1:
                return a.entre(-100'000'000'000, 100'000'000'000);
            case 2:
                return a.une_fois_sur(2) ? max - a.entre(0, 3) : min + a.entre(0, 3);
            default:
                return static_cast<std::int64_t>(a.suivant() >> a.entre(0, 62)) * (a.une_fois_sur(2) ? -1 : 1);
        }
    };
    int rapides = 0;
    int larges = 0;
    int refuses = 0;
    for (int k = 0; k < 200'000; ++k) {
        const std::int64_t base = nombre();
        const fraction taux{nombre(), a.une_fois_sur(4) ? -a.entre(1, max) : a.entre(1, max)};
        const int128 q = int128{base} * taux.num / taux.den;
        const bool tient = q >= min && q <= max;
        std::int64_t p = 0;
        const bool rapide = taux.den > 0 && !__builtin_mul_overflow(base, taux.num, &p);
        rapides += rapide ? 1 : 0;
        larges += rapide ? 0 : 1;
        refuses += tient ? 0 : 1;
        const montant_calcule m = appliquer_taux(centimes{base}, taux);
        INFO(base << " x " << taux.num << " / " << taux.den);
        REQUIRE(m.ok == tient);
        if (tient) REQUIRE(m.valeur.valeur == static_cast<std::int64_t>(q));
    }
    CHECK(rapides > 50'000);
    CHECK(larges > 50'000);
    CHECK(refuses > 1'000);
    // The edges written out: INT64_MIN x 1 fits; INT64_MIN x -1 does not (2^63).
    CHECK(appliquer_taux(centimes{min}, fraction{1, 1}).valeur == centimes{min});
    CHECK_FALSE(appliquer_taux(centimes{min}, fraction{-1, 1}).ok);
    CHECK(appliquer_taux(centimes{min}, fraction{-1, 2}).valeur == centimes{max / 2 + 1});
}

TEST_CASE("appliquer_taux: an 80 M EUR base times fine-grained rates, exact through 128 bits",
          "[evaluation][montant]") {
    // 1/3 % of 8e9 cents = 26 666 666.66... cents, rounded towards zero.
    CHECK(appliquer_taux(base_80m, fraction{1, 300}).valeur == centimes{26'666'666});
    // 7/999 % = 7/99 900.
    CHECK(appliquer_taux(base_80m, fraction{7, 99'900}).valeur == centimes{560'560});
    // 8e9 x 3 000 000 001 exceeds 2^63: only a 128-bit intermediate gets this right.
    const montant_calcule fin = appliquer_taux(base_80m, fraction{3'000'000'001, 300'000'000'107});
    CHECK(fin.ok);
    CHECK(fin.valeur == centimes{79'999'999});
    // A huge but representable result.
    const montant_calcule grand = appliquer_taux(base_80m, fraction{2'999'999'999, 100});
    CHECK(grand.ok);
    CHECK(grand.valeur == centimes{239'999'999'920'000'000});
}

TEST_CASE("appliquer_taux reports overflow near INT64_MAX instead of wrapping", "[evaluation][montant]") {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    const montant_calcule pile = appliquer_taux(centimes{max}, entier(1));
    CHECK(pile.ok);
    CHECK(pile.valeur == centimes{max});
    CHECK_FALSE(appliquer_taux(centimes{max}, fraction{3, 2}).ok);
    CHECK_FALSE(appliquer_taux(centimes{max / 2 + 1}, entier(2)).ok);
    CHECK(appliquer_taux(centimes{max / 2}, entier(2)).ok);
    CHECK_FALSE(appliquer_taux(centimes{std::numeric_limits<std::int64_t>::min()}, entier(2)).ok);
    CHECK_FALSE(appliquer_taux(base_80m, fraction{1, 0}).ok);  // an invalid rate is not a zero
    // An amount that overflows is flagged on the proposal, never a wrapped number.
    const proposition p =
        proposition_2017(socle(), score_de(0, 1), centimes{max}, {}, un_palier(entier(2)), lois_au(ymd{2018, 1, 1}));
    CHECK(p.depassement);
    CHECK(p.montant == centimes{0});
}

TEST_CASE("rounding is towards zero, for positive and negative amounts", "[evaluation][montant]") {
    CHECK(appliquer_taux(centimes{10}, fraction{1, 3}).valeur == centimes{3});
    CHECK(appliquer_taux(centimes{-10}, fraction{1, 3}).valeur == centimes{-3});
    CHECK(appliquer_taux(centimes{99}, fraction{1, 100}).valeur == centimes{0});
}

TEST_CASE("sanction per volet: exactly 1 % passes, one cent over is capped", "[evaluation][montant][plafond]") {
    const proposition pile =
        proposition_2017(socle(), score_de(0, 1), base_80m, {}, un_palier({1, 100}), lois_au(ymd{2018, 1, 1}));
    CHECK(pile.montant == centimes{80'000'000});
    CHECK(pile.plafond == centimes{80'000'000});
    CHECK_FALSE(pile.plafond_atteint);
    CHECK(pile.article().legi_id == "LEGIARTI000034459834");

    // A rate worth 1 % + 1 cent of this base.
    const proposition plus = proposition_2017(socle(), score_de(0, 1), base_80m, {},
                                              un_palier({80'000'001, 8'000'000'000}), lois_au(ymd{2018, 1, 1}));
    CHECK(plus.montant == centimes{80'000'000});
    CHECK(plus.plafond_atteint);
}

TEST_CASE("incentive: exactly 30 % of the savings passes, one cent over is capped", "[evaluation][montant][plafond]") {
    parametres_2017 p{};
    p.part_interessement = {30, 100};
    const centimes eco{1'000'000};
    const proposition pile = proposition_2017(transports(), score_de(1, 1), base_80m, eco, p, lois_au(ymd{2018, 1, 1}));
    CHECK(pile.nature == nature_proposition::interessement_volet);
    CHECK(pile.montant == centimes{300'000});
    CHECK(pile.plafond == centimes{300'000});
    CHECK_FALSE(pile.plafond_atteint);

    p.part_interessement = {300'001, 1'000'000};
    const proposition plus = proposition_2017(transports(), score_de(1, 1), base_80m, eco, p, lois_au(ymd{2018, 1, 1}));
    CHECK(plus.montant == centimes{300'000});
    CHECK(plus.plafond_atteint);
}

TEST_CASE("negative or zero savings give no incentive", "[evaluation][montant]") {
    const parametres_2017 p{};
    CHECK_FALSE(
        proposition_2017(transports(), score_de(1, 1), base_80m, centimes{-500'000}, p, lois_au(ymd{2018, 1, 1}))
            .presente());
    CHECK_FALSE(
        proposition_2017(transports(), score_de(1, 1), base_80m, centimes{0}, p, lois_au(ymd{2018, 1, 1})).presente());
    CHECK(
        proposition_2017(transports(), score_de(1, 1), base_80m, centimes{1}, p, lois_au(ymd{2018, 1, 1})).presente());
    CHECK_FALSE(
        proposition_2022(evalmod::volets_2022[0], entier(1), centimes{-1}, {}, lois_au(ymd{2024, 6, 1})).presente());
    CHECK_FALSE(proposition_successeur(evalmod::dispositif_essai::grille[0], centimes{-1}, {}, lois_au(ymd{2027, 6, 1}))
                    .presente());
}

TEST_CASE("a share set to zero proposes nothing, not an amount of zero, for every outcome (D.162-16, L.162-23-14)",
          "[evaluation][montant]") {
    // The shares are [U] parameters whose domain includes 0 (CAQES-E046); with savings and a
    // score that would earn an incentive, 0 is the ARS choosing none.
    const centimes eco{1'000'000};
    parametres_2017 p17{};
    p17.part_interessement = {0, 1};
    const proposition i17 =
        proposition_2017(transports(), score_de(1, 1), base_80m, eco, p17, lois_au(ymd{2018, 1, 1}));
    CHECK_FALSE(i17.presente());
    CHECK(i17.montant == centimes{0});
    CHECK(i17.loi == nullptr);
    p17.part_interessement = {1, 1'000'000};  // the smallest share still proposes, rounded down
    const proposition i17_min =
        proposition_2017(transports(), score_de(1, 1), base_80m, eco, p17, lois_au(ymd{2018, 1, 1}));
    CHECK(i17_min.nature == nature_proposition::interessement_volet);
    CHECK(i17_min.montant == centimes{1});

    parametres_successeur ps{};
    ps.part_economies = {0, 1};
    const volet_modele& grille = evalmod::dispositif_essai::grille[0];
    CHECK_FALSE(proposition_successeur(grille, eco, ps, lois_au(ymd{2027, 6, 1})).presente());
    ps.part_economies = {1, 2};
    const proposition dotation = proposition_successeur(grille, eco, ps, lois_au(ymd{2027, 6, 1}));
    CHECK(dotation.nature == nature_proposition::dotation);
    CHECK(dotation.montant == centimes{500'000});

    parametres_2022 p22{};
    p22.part_economies_nationale = {0, 1};
    CHECK_FALSE(proposition_2022(evalmod::volets_2022[0], entier(1), eco, p22, lois_au(ymd{2024, 6, 1})).presente());
    p22.part_economies_nationale = {1, 2};
    CHECK(proposition_2022(evalmod::volets_2022[0], entier(1), eco, p22, lois_au(ymd{2024, 6, 1})).montant ==
          centimes{500'000});

    reduction_liste_en_sus_2017 aucune{};
    aucune.taux = {0, 1};
    CHECK_FALSE(proposer_reduction_liste_en_sus_2017(aucune, base_80m, lois_au(ymd{2018, 1, 1})).presente());
}

TEST_CASE("zero revenue: a sanction of zero, within a zero cap", "[evaluation][montant]") {
    const proposition p = proposition_2017(socle(), score_de(0, 1), centimes{0}, {}, {}, lois_au(ymd{2018, 1, 1}));
    CHECK(p.nature == nature_proposition::sanction_volet);
    CHECK(p.montant == centimes{0});
    CHECK(p.plafond == centimes{0});
    CHECK_FALSE(p.plafond_atteint);
    CHECK_FALSE(p.depassement);
    CHECK(sanction_refus_signature(regime_id::caqes_2017, centimes{0}, ymd{2018, 3, 1}).montant == centimes{0});
}

TEST_CASE("refusal to sign: exactly 1 %, a rate the law fixes, cited from the version in force",
          "[evaluation][montant][plafond]") {
    const proposition p17 = sanction_refus_signature(regime_id::caqes_2017, base_80m, ymd{2018, 3, 1});
    CHECK(p17.nature == nature_proposition::sanction_refus);
    CHECK(p17.taux == fraction{1, 100});
    CHECK(p17.montant == centimes{80'000'000});
    CHECK_FALSE(p17.plafond_atteint);
    CHECK(p17.article().legi_id == "LEGIARTI000034459846");
    const proposition p22 = sanction_refus_signature(regime_id::caqes_2022, base_80m, ymd{2023, 3, 1});
    CHECK(p22.montant == centimes{80'000'000});
    CHECK(p22.article().legi_id == "LEGIARTI000044102672");
    CHECK(p22.article().version == "[2022-01-01, ...)");
}

TEST_CASE("a negative base proposes nothing: no sanction becomes a payment, no cap falls below the request",
          "[evaluation][montant][plafond]") {
    // A report cannot give one (CAQES-E028); the public proposal functions are reached without a
    // report too. Before: a refusal sanction of -800 000 EUR, and a request capped to a larger one.
    const centimes negative{-8'000'000'000};
    CHECK_FALSE(sanction_refus_signature(regime_id::caqes_2017, negative, ymd{2018, 3, 1}).presente());
    CHECK_FALSE(reduction_refus_2017(regime_id::caqes_2017, centimes{-1}, ymd{2018, 3, 1}).presente());
    const proposition p = proposition_2017(socle(), score_de(0, 1), negative, {}, {}, lois_au(ymd{2018, 1, 1}));
    CHECK(p.nature == nature_proposition::aucune);
    CHECK(p.montant == centimes{0});
    // The same calls with the base's opposite propose the law's rate.
    CHECK(sanction_refus_signature(regime_id::caqes_2017, centimes{8'000'000'000}, ymd{2018, 3, 1}).montant ==
          centimes{80'000'000});
    CHECK(reduction_refus_2017(regime_id::caqes_2017, centimes{1}, ymd{2018, 3, 1}).presente());
    CHECK(proposition_2017(socle(), score_de(0, 1), centimes{8'000'000'000}, {}, {}, lois_au(ymd{2018, 1, 1})).nature ==
          nature_proposition::sanction_volet);
}

TEST_CASE("2017 liste en sus alternative to the refusal sanction: exactly 30 %", "[evaluation][montant][plafond]") {
    const centimes part{1'000'000};
    const proposition pile = reduction_refus_2017(regime_id::caqes_2017, part, ymd{2018, 3, 1});
    CHECK(pile.nature == nature_proposition::minoration);
    CHECK(pile.taux == fraction{30, 100});
    CHECK(pile.montant == centimes{300'000});
    CHECK(pile.article().legi_id == "LEGIARTI000034459846");
    // The 2022 version of D.162-15 has no alternative.
    CHECK_FALSE(reduction_refus_2017(regime_id::caqes_2017, part, ymd{2022, 1, 1}).presente());
    CHECK_FALSE(reduction_refus_2017(regime_id::caqes_2022, part, ymd{2023, 1, 1}).presente());
}

TEST_CASE(
    "2017: from seuil_interessement a volet carrying both clauses is in the incentive's branch, even under a "
    "sanction step (D.162-16 III 1, 'soit ... soit')",
    "[evaluation][montant]") {
    // Both thresholds are [U]; the parameters' check does not forbid a scale whose steps reach
    // above the incentive threshold. There, the volet that carries the incentive clause takes
    // the incentive or nothing (no savings, or none positive), never the step's sanction; a volet
    // without the clause takes the sanction (docs/evaluation.md, "Outcomes per regime").
    using evalmod::def_2017;
    parametres_evaluation p{};
    p.p2017.paliers = {{{{1, 2}, {1, 100}}, {{3, 4}, {1, 200}}, {}}};
    p.p2017.seuil_interessement = {1, 2};
    REQUIRE(validate(p).empty());
    std::vector<valeurs_indicateur> v = evalmod::tout_atteint(def_2017);
    v[1] = evalmod::echelle_de(echelle_partiel);  // socle: (2 + 1/2 + 0) / 4 = 5/8
    v[2] = evalmod::nombre(1200);
    v[4] = evalmod::nombre(1200);  // transports: 1/2
    evalmod::rapport_essai r(def_2017, 2018, v, centimes{1'000'000'000});
    const resultat_evaluation sans = evaluateur<def_2017>::evaluer(evalmod::valide<def_2017>(r, p));
    REQUIRE(sans.volets[0].score.valeur() == fraction{5, 8});
    REQUIRE(sans.volets[1].score.valeur() == fraction{1, 2});
    // The socle has no incentive clause: 5/8 is under the 3/4 step, 0.5 % of 10 M EUR.
    CHECK(sans.volets[0].principale.nature == nature_proposition::sanction_volet);
    CHECK(sans.volets[0].principale.montant == centimes{5'000'000});
    // Transports carries both: savings not given, no outcome, and the proposal says why.
    CHECK_FALSE(sans.volets[1].principale.presente());
    CHECK(sans.volets[1].principale.economies_non_renseignees);
    r.economies[1] = centimes{-100};
    CHECK_FALSE(evaluateur<def_2017>::evaluer(evalmod::valide<def_2017>(r, p)).volets[1].principale.presente());
    r.economies[1] = centimes{100'000};
    const resultat_evaluation avec = evaluateur<def_2017>::evaluer(evalmod::valide<def_2017>(r, p));
    CHECK(avec.volets[1].principale.nature == nature_proposition::interessement_volet);
    CHECK(avec.volets[1].principale.montant == centimes{20'000});  // 20 % of 1 000 EUR
}

TEST_CASE("the 5 % overall cap cannot bind with the law's four volets at 1 %", "[evaluation][montant][plafond]") {
    using evalmod::def_2017;
    const std::vector<valeurs_indicateur> v = evalmod::rien_atteint(def_2017);
    evalmod::rapport_essai r(def_2017, 2018, v, base_80m);
    parametres_evaluation p{};
    // The most a scale may ask: every volet at its 1 % (a higher rate is refused, CAQES-E050).
    p.p2017 = un_palier({1, 100});
    const resultat_evaluation res = evaluateur<def_2017>::evaluer(evalmod::valide<def_2017>(r, p));
    for (std::size_t i = 0; i < 4; ++i)
        CHECK(res.volets[i].principale.montant == centimes{80'000'000});
    CHECK(res.total_sanctions == centimes{320'000'000});  // 4 %
    CHECK(res.total_sanctions < appliquer_taux(base_80m, {5, 100}).valeur);
    CHECK_FALSE(res.plafond_global_atteint);
}

TEST_CASE("the overall cap mechanism, with a lowered cap: the sum after scaling and rounding stays within it",
          "[evaluation][montant][plafond]") {
    using evalmod::def_2017;
    const std::vector<valeurs_indicateur> v = evalmod::rien_atteint(def_2017);
    evalmod::rapport_essai r(def_2017, 2018, v, base_80m);
    parametres_evaluation p{};
    p.p2017 = un_palier({1, 100});
    resultat_evaluation res = evaluateur<def_2017>::evaluer(evalmod::valide<def_2017>(r, p));
    // The law's 5 % cannot bind (above); the mechanism is exercised with a lower cap.
    appliquer_plafond_global(res, res.nombre_volets, base_80m, {7, 300});
    const centimes cap = appliquer_taux(base_80m, {7, 300}).valeur;
    CHECK(cap == centimes{186'666'666});
    CHECK(res.plafond_global_atteint);
    centimes somme{0};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(res.volets[i].principale.montant == centimes{46'666'666});  // 80 000 000 x cap / 320 000 000
        CHECK(res.volets[i].principale.plafond_atteint);
        const montant_calcule s = additionner(somme, res.volets[i].principale.montant);
        REQUIRE(s.ok);
        somme = s.valeur;
    }
    CHECK(somme <= cap);
}

TEST_CASE("the overall cap with a negative base caps nothing and divides by nothing",
          "[evaluation][montant][plafond]") {
    // A negative base never reaches it from a report (CAQES-E028); called directly, its cap of
    // -5 cents is below a total of 0: nothing is scaled (it divided by that total of 0).
    resultat_evaluation res{};
    res.nombre_volets = 1;
    res.volets[0].principale.nature = nature_proposition::sanction_volet;
    res.volets[0].principale.montant = centimes{0};
    appliquer_plafond_global(res, res.nombre_volets, centimes{-100}, {5, 100});
    CHECK_FALSE(res.plafond_global_atteint);
    CHECK(res.volets[0].principale.montant == centimes{0});
    // With the base positive again, the same total is within its cap, and a larger one is scaled.
    appliquer_plafond_global(res, res.nombre_volets, centimes{100}, {5, 100});
    CHECK_FALSE(res.plafond_global_atteint);
    res.volets[0].principale.montant = centimes{10};
    appliquer_plafond_global(res, res.nombre_volets, centimes{100}, {5, 100});
    CHECK(res.plafond_global_atteint);
    CHECK(res.volets[0].principale.montant == centimes{5});
}

// [docs:exemple-80m]
TEST_CASE("worked example 2: an 80 M EUR base, the law's caps, rates past them refused", "[evaluation][montant][doc]") {
    using namespace caqes;
    using evalmod::def_2017;
    // Parameters asking 1.5 % below 1/2 and 40 % of the savings cross the law's 1 % per volet
    // and 30 % of savings (D.162-16 III 1, 2017): they are refused, never clamped.
    parametres_evaluation hors_la_loi{};
    hors_la_loi.p2017.paliers = {{{{1, 2}, {3, 200}}, {{3, 4}, {1, 300}}, {}}};
    hors_la_loi.p2017.part_interessement = {40, 100};
    const violations vp = validate(hors_la_loi);
    REQUIRE(vp.size() == 2);
    CHECK(vp[0].id == regle::parametre_hors_la_loi);
    CHECK(vp[0].lieu == "p2017.paliers[0].taux");
    CHECK(vp[1].lieu == "p2017.part_interessement");

    // The law's own figures: 1 % below 1/2, 1/3 % below 3/4, 30 % of the savings.
    parametres_evaluation p{};
    p.p2017.paliers = {{{{1, 2}, {1, 100}}, {{3, 4}, {1, 300}}, {}}};
    p.p2017.part_interessement = {30, 100};

    auto une = [](std::string_view code, std::string_view mesure, valeur_mesure v) {
        return saisie_indicateur{.indicateur = code, .mesures = {{{mesure, v}}}};
    };
    const std::array<saisie_indicateur, 8> valeurs{{
        une("ILL-S1", "taux", valeur_mesure::de(taux_pourcent(10))),  // socle: nothing met, score 0
        une("ILL-S2", "echelle", valeur_mesure::de(echelle_non)),
        une("ILL-S3", "nombre", valeur_mesure::de(nombre_de(5'000))),
        une("ILL-T1", "taux", valeur_mesure::de(taux_pourcent(60))),  // transports: one of two met, score 1/2
        une("ILL-T2", "nombre", valeur_mesure::de(nombre_de(1'500))),
        une("ILL-P1", "echelle", valeur_mesure::de(echelle_oui)),  // pertinence, pratiques: all met
        une("ILL-P2", "taux", valeur_mesure::de(taux_pourcent(60))),
        une("ILL-A1", "nombre", valeur_mesure::de(nombre_de(800))),
    }};
    // Savings and decisions name their volet; a volet left out has none given (non renseigne).
    const std::array<montant_volet, 2> economies{{{volet_id::volet_pertinence, centimes{123'456'789}},
                                                  {volet_id::volet_amelioration_pratiques, centimes{-5'000'000}}}};
    const std::array<decision_volet, 1> decisions{{{.volet = volet_id::volet_socle,
                                                    .nature = issue_legale::sanction_volet,
                                                    .montant = centimes{50'000'000}}}};  // less than proposed
    const rapport_annuel r{.exercice = 2018,
                           .activites_etablissement = activite_mco,
                           .produits_assurance_maladie = centimes{8'000'000'000},
                           .valeurs = valeurs,
                           .economies = economies,
                           .decisions = decisions};
    CHECK(validate<def_2017>(r, hors_la_loi).erreurs().front().id == regle::parametre_hors_la_loi);
    const resultat_validation<rapport_valide_pour<def_2017>> valide = validate<def_2017>(r, p);
    REQUIRE(valide.ok());

    const resultat_evaluation res = evaluateur<def_2017>::evaluer(valide.valeur());
    // Socle: 1 % of 8e9 = 80 000 000 cents, the cap itself.
    CHECK(res.volets[0].principale.montant == centimes{80'000'000});
    CHECK(res.volets[0].principale.plafond == centimes{80'000'000});
    CHECK(res.volets[0].principale.decision_finale == centimes{50'000'000});
    // Transports: 8e9 / 300 = 26 666 666.67 -> 26 666 666 cents.
    CHECK(res.volets[1].principale.montant == centimes{26'666'666});
    CHECK_FALSE(res.volets[1].principale.plafond_atteint);
    // Pertinence: 30 % of 123 456 789 = 37 037 036.7 -> 37 037 036, towards zero.
    CHECK(res.volets[2].principale.nature == nature_proposition::interessement_volet);
    CHECK(res.volets[2].principale.montant == centimes{37'037'036});
    // Amelioration des pratiques: all met but savings negative: nothing.
    CHECK_FALSE(res.volets[3].principale.presente());
    CHECK(res.total_sanctions == centimes{106'666'666});
    CHECK(res.total_interessements == centimes{37'037'036});
    CHECK_FALSE(res.plafond_global_atteint);  // 5 % would be 400 000 000

    // Had the establishment refused to sign: 1 % of the same base.
    CHECK(sanction_refus_signature(regime_id::caqes_2017, r.produits_assurance_maladie, ymd{2018, 3, 1}).montant ==
          centimes{80'000'000});
}
// [docs:exemple-80m]
