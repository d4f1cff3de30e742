// Evaluation: validation of a yearly report before evaluation (CAQES-E026 to E031), each
// rejected case with its accepted twin.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

using namespace caqes;
using outils::trouver;

namespace {

evalmod::rapport_essai rapport(const modele_contrat_def& m, int exercice, const std::vector<valeurs_indicateur>& v) {
    return {m, exercice, v, euros(1'000'000)};
}

// The violations of a report; empty when it is valid.
violations controler(evalmod::rapport_essai e) { return validate(*e.m, e.annuel(), {}).erreurs(); }

}  // namespace

TEST_CASE("CAQES-E027: a value of the wrong kind is rejected, the right kind is accepted", "[evaluation][validation]") {
    std::vector<valeurs_indicateur> v = evalmod::tout_atteint(evalmod::def_2017);
    CHECK(controler(rapport(evalmod::def_2017, 2018, v)).empty());
    v[0] = evalmod::nombre(49);  // ILL-S1 measures a rate
    const violations vs = controler(rapport(evalmod::def_2017, 2018, v));
    INFO(outils::tout(vs));
    const violation* e = trouver(vs, regle::mesure_mauvaise_nature);
    REQUIRE(e != nullptr);
    CHECK(outils::contient_texte(e->lieu, "ILL-S1"));
    CHECK(outils::contient_texte(e->detail, "expected taux, got nombre"));
}

TEST_CASE("CAQES-E028: a negative amount or a rate above 100 % is rejected, 100 % is accepted",
          "[evaluation][validation]") {
    std::vector<valeurs_indicateur> v = evalmod::tout_atteint(evalmod::def_2022);
    v[1][0] = valeur_mesure::de(quantite<grandeur::montant>{entier(-1)});  // PERFADOM spending
    const violations neg = controler(rapport(evalmod::def_2022, 2023, v));
    INFO(outils::tout(neg));
    REQUIRE(trouver(neg, regle::valeur_hors_domaine) != nullptr);
    CHECK(outils::contient_texte(trouver(neg, regle::valeur_hors_domaine)->lieu, "depense_perfadom"));
    v[1][0] = valeur_mesure::de(montant_euros(0));
    CHECK(controler(rapport(evalmod::def_2022, 2023, v)).empty());

    v[2] = evalmod::taux_de(101);  // REG-O1
    CHECK(trouver(controler(rapport(evalmod::def_2022, 2023, v)), regle::valeur_hors_domaine) != nullptr);
    v[2] = evalmod::taux_de(100);
    CHECK(controler(rapport(evalmod::def_2022, 2023, v)).empty());

    evalmod::rapport_essai r = rapport(evalmod::def_2022, 2023, v);
    r.r.produits_assurance_maladie = centimes{-1};
    CHECK(trouver(controler(r), regle::valeur_hors_domaine) != nullptr);

    // A no/partial/yes value out of its domain is named by its number: the word of another value
    // ("non", as the text wrote before) would name a value the report did not give.
    std::vector<valeurs_indicateur> w = evalmod::tout_atteint(evalmod::def_2017);
    w[1][0].v = entier(3);  // ILL-S2, on the no/partial/yes scale
    const violations hors = controler(rapport(evalmod::def_2017, 2018, w));
    INFO(outils::tout(hors));
    REQUIRE(trouver(hors, regle::valeur_hors_domaine) != nullptr);
    CHECK(trouver(hors, regle::valeur_hors_domaine)->detail == "3");
    w[1][0].v = entier(2);
    CHECK(controler(rapport(evalmod::def_2017, 2018, w)).empty());
}

TEST_CASE("CAQES-E026: an indicator missing from the report is rejected, a complete report is accepted",
          "[evaluation][validation]") {
    std::vector<valeurs_indicateur> v = evalmod::tout_atteint(evalmod::def_2017);
    CHECK(controler(rapport(evalmod::def_2017, 2018, v)).empty());
    v.pop_back();
    const violations vs = controler(rapport(evalmod::def_2017, 2018, v));
    const violation* e = trouver(vs, regle::indicateur_absent);
    REQUIRE(e != nullptr);
    CHECK(outils::contient_texte(e->lieu, "ILL-A1"));
    v.push_back(evalmod::nombre(1));
    CHECK(controler(rapport(evalmod::def_2017, 2018, v)).empty());
}

TEST_CASE("CAQES-E030: an exercise year outside the template's effects is rejected, a covered one is accepted",
          "[evaluation][validation]") {
    const std::vector<valeurs_indicateur> v = evalmod::tout_atteint(evalmod::def_2017);
    CHECK(trouver(controler(rapport(evalmod::def_2017, 2016, v)), regle::exercice_non_couvert) != nullptr);
    CHECK(trouver(controler(rapport(evalmod::def_2017, 2022, v)), regle::exercice_non_couvert) != nullptr);
    CHECK(trouver(controler(rapport(evalmod::def_2017, 2017, v)), regle::exercice_non_couvert) == nullptr);
    CHECK(controler(rapport(evalmod::def_2017, 2021, v)).empty());
}

namespace {
// A second-generation template of 5-year terms: a volet an avenant brings in on the regime's
// last day (2026-12-31) runs to 2031-12-31, past the regime's end (2027-01-01), under the
// transition policy given.
inline constexpr std::array<volet_modele, 1> volets_5_ans{{{.volet = volet_id::volet_bon_usage,
                                                            .terme = duree_annees(5),
                                                            .grille = evalmod::g_bon_usage,
                                                            .clauses = interessement}}};
template <politique_transition T>
inline constexpr modele_contrat_def def_5_ans{.nom = "2022, 5 years",
                                              .regime = regime_id::caqes_2022,
                                              .fenetre = periode{ymd{2022, 7, 1}, ymd{2025, 1, 1}},
                                              .volets = volets_5_ans,
                                              .transition = T};
}  // namespace

TEST_CASE("CAQES-E030: a term kept past its regime's end (maintien_signale) keeps its exercises, flagged elsewhere",
          "[evaluation][validation][transition]") {
    constexpr const modele_contrat_def& garde = def_5_ans<politique_transition::maintien_signale>;
    constexpr const modele_contrat_def& coupe = def_5_ans<politique_transition::arret_fin_regime>;
    REQUIRE(validate(garde).empty());
    REQUIRE(validate(coupe).empty());
    CHECK(regles::fin_des_effets(garde) == ymd{2031, 12, 31});
    CHECK(regles::fin_des_effets(coupe) == ymd{2027, 1, 1});
    for (const int ex : {2027, 2031}) {
        CAPTURE(ex);
        CHECK(regles::exercice_couvert(garde, ex));
        CHECK_FALSE(regles::exercice_couvert(coupe, ex));
    }
    CHECK_FALSE(regles::exercice_couvert(garde, 2032));
    CHECK(regles::exercice_couvert(coupe, 2026));
    // A report of 2027 under the kept term is not refused for its exercise (its indicators'
    // own validity is another rule, CAQES-E012).
    const violations vs = controler(rapport(garde, 2027, evalmod::tout_atteint(garde)));
    CHECK(trouver(vs, regle::exercice_non_couvert) == nullptr);
    CHECK(trouver(controler(rapport(coupe, 2027, evalmod::tout_atteint(coupe))), regle::exercice_non_couvert) !=
          nullptr);
}

TEST_CASE("CAQES-E028: L.162-30-4 data out of its domain is rejected by validate at its field, zero is accepted",
          "[evaluation][validation][l162_30_4]") {
    const std::vector<valeurs_indicateur> v = evalmod::tout_atteint(evalmod::def_2022);
    evalmod::rapport_essai r = rapport(evalmod::def_2022, 2024, v);
    const donnees_l162_30_4 bonnes{.saisine = ymd{2022, 3, 1},
                                   .actes_realises = 1'200,
                                   .actes_cible = 1'000,
                                   .actes_annee_precedente = 1'300,
                                   .tarif_national_moyen = centimes{0},
                                   .part_liste_en_sus = centimes{0}};
    r.r.l162_30_4 = bonnes;
    CHECK(controler(r).empty());  // zero rate bases: in the domain

    // Each field out of its domain, alone: rejected at its location, once.
    const auto rejete = [&](const char* champ, const donnees_l162_30_4& d, const char* texte) {
        INFO(champ);
        r.r.l162_30_4 = d;
        const violations vs = controler(r);
        INFO(outils::tout(vs));
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::valeur_hors_domaine);
        CHECK(vs[0].lieu == concat("rapport.l162_30_4.", champ));
        CHECK(outils::contient_texte(vs[0].detail, texte));
    };
    donnees_l162_30_4 d = bonnes;
    d.tarif_national_moyen = centimes{-125'000};  // the defect: it gave abattement_tarifaire < 0
    rejete("tarif_national_moyen", d, "-1250.00 EUR: a rate base must not be negative");
    d = bonnes;
    d.part_liste_en_sus = centimes{-1};
    rejete("part_liste_en_sus", d, "-0.01 EUR: a rate base");
    d = bonnes;
    d.actes_realises = -1;
    rejete("actes_realises", d, "-1: a number of acts must not be negative");
    d = bonnes;
    d.actes_cible = -1;
    rejete("actes_cible", d, "-1: a number of acts");
    d = bonnes;
    d.actes_annee_precedente = -1;
    rejete("actes_annee_precedente", d, "-1: a number of acts");
    d = bonnes;
    d.saisine = ymd{};
    rejete("saisine", d, "the referral is not a valid day");

    // The rule, as the readers ask it: the index of the first field out, in their column order.
    CHECK_FALSE(regles::champ_l162_30_4_hors_domaine(bonnes));
    donnees_l162_30_4 deux = bonnes;
    deux.actes_cible = -1;
    deux.part_liste_en_sus = centimes{-1};
    CHECK(regles::champ_l162_30_4_hors_domaine(deux) == std::optional<std::size_t>{2});
    CHECK(regles::champs_l162_30_4[2].nom == "actes_cible");
}

TEST_CASE("CAQES-E031: an L.162-30-4 target below 70 % of the previous year is rejected, exactly 70 % is accepted",
          "[evaluation][validation]") {
    const std::vector<valeurs_indicateur> v = evalmod::tout_atteint(evalmod::def_2022);
    evalmod::rapport_essai r = rapport(evalmod::def_2022, 2023, v);
    r.r.l162_30_4 = donnees_l162_30_4{
        .saisine = ymd{2022, 3, 1}, .actes_realises = 1'200, .actes_cible = 909, .actes_annee_precedente = 1'300};
    const violations vs = controler(r);
    REQUIRE(trouver(vs, regle::cible_sous_plancher) != nullptr);
    CHECK(outils::contient_texte(trouver(vs, regle::cible_sous_plancher)->detail, "909"));
    r.r.l162_30_4->actes_cible = 910;  // 70 % x 1 300
    CHECK(controler(r).empty());
}

// The validation finds each entry's indicator at the place the template gives it first, then
// anywhere: an entry out of place is found all the same, and a code the template lacks is not.
// Codes compare by their characters: a copy of a code matches as the template's own does.
TEST_CASE("validation: an entry's indicator is found in place, out of place, or not at all",
          "[evaluation][validation]") {
    static_assert(meme_code("ILL-S1", "ILL-S1"));
    static_assert(!meme_code("ILL-S1", "ILL-S2"));
    static_assert(!meme_code("ILL-S1", "ILL-S"));
    // At run time too, from other characters' addresses: every byte counts, the last included.
    {
        const std::string s1{"ILL-S1"};
        for (std::size_t i = 0; i <= s1.size(); ++i) {
            std::string autre = s1;
            if (i < autre.size()) autre[i] = 'x';
            CHECK(meme_code(s1, autre) == (i == s1.size()));
            CHECK_FALSE(meme_code(s1, std::string_view{autre}.substr(0, i == 0 ? 0 : i - 1)));
        }
    }
    CHECK(meme_code(std::string{}, std::string{}));
    const modele_contrat_def& m = evalmod::def_2017;
    std::size_t k = 0;
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (std::size_t ii = 0; ii < m.volets[iv].grille.size(); ++ii, ++k) {
            const std::string_view propre = m.volets[iv].grille[ii].code;
            const std::string copie{propre};  // other characters' addresses
            INFO(propre << " at " << k);
            for (const std::string_view code : {propre, std::string_view{copie}}) {
                const detail::position_indicateur en_place = detail::chercher_indicateur(m, code, k);
                CHECK(en_place.trouve);
                CHECK(en_place.volet == iv);
                CHECK(en_place.rang == ii);
                CHECK(en_place.k == k);
                // Expected at another place, or past the end: found where it is.
                for (const std::size_t ailleurs : {k == 0 ? std::size_t{1} : std::size_t{0}, std::size_t{99}}) {
                    const detail::position_indicateur deplace = detail::chercher_indicateur(m, code, ailleurs);
                    CHECK(deplace.trouve);
                    CHECK(deplace.k == k);
                }
            }
        }
    }
    CHECK_FALSE(detail::chercher_indicateur(m, "ABSENT", 0).trouve);
    // Through validate: the entries reversed are all accepted and give the same values.
    evalmod::rapport_essai e = rapport(m, 2018, evalmod::tout_atteint(m));
    const rapport_annuel dans_l_ordre = e.annuel();
    std::vector<saisie_indicateur> a_l_envers(dans_l_ordre.valeurs.rbegin(), dans_l_ordre.valeurs.rend());
    rapport_annuel inverse = dans_l_ordre;
    inverse.valeurs = a_l_envers;
    const resultat_validation<rapport_valide> a = validate(m, dans_l_ordre, {});
    const resultat_validation<rapport_valide> b = validate(m, inverse, {});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(evaluer(a.valeur()).total_sanctions == evaluer(b.valeur()).total_sanctions);
    CHECK(evaluer(a.valeur()).total_interessements == evaluer(b.valeur()).total_interessements);
}

TEST_CASE("CAQES-E028: an evaluation dated before its exercise began is refused, one on its first day accepted",
          "[evaluation][validation][E028]") {
    const std::vector<valeurs_indicateur> v = evalmod::tout_atteint(evalmod::def_2022);
    STATIC_REQUIRE(regles::evaluation_apres_debut(2023, ymd{2023, 1, 1}));
    STATIC_REQUIRE_FALSE(regles::evaluation_apres_debut(2023, ymd{2022, 12, 31}));
    for (const ymd jour : {ymd{2023, 1, 1}, ymd{2024, 6, 1}}) {
        CAPTURE(texte(jour));
        evalmod::rapport_essai r = rapport(evalmod::def_2022, 2023, v);
        r.r.date_evaluation = jour;
        INFO(outils::tout(controler(r)));
        CHECK(controler(r).empty());
    }
    // The day before: exercise 2023 has not begun, and the date_evaluation policy would read the
    // law of 2022.
    evalmod::rapport_essai r = rapport(evalmod::def_2022, 2023, v);
    r.r.date_evaluation = ymd{2022, 12, 31};
    const violations vs = controler(r);
    INFO(outils::tout(vs));
    REQUIRE(vs.size() == 1);
    CHECK(vs[0].id == regle::valeur_hors_domaine);
    CHECK(vs[0].lieu == "rapport.date_evaluation");
    CHECK(vs[0].detail == "2022-12-31 is before exercise 2023 began: a year is evaluated on its results");
}

namespace {
// A 2022 template of one one-year volet kept past the regime's end: its own effects end
// 2027-12-31. An avenant adds a four-year volet of its own, the contract staying within five
// years: that volet, not the template's, covers 2028 to 2030.
inline constexpr periode validite_longue{ymd{2022, 1, 1}, ymd{2035, 1, 1}};
inline constexpr std::array<indicateur, 1> g_long{{evalmod::ind_taux(60, "ILL-L1", validite_longue)}};
inline constexpr std::array<indicateur, 1> g_avenant{{evalmod::ind_taux(61, "ILL-L2", validite_longue)}};
inline constexpr std::array<volet_modele, 1> volets_un_an{{{.volet = volet_id::volet_organisation_soins,
                                                            .terme = duree_annees(1),
                                                            .grille = g_long,
                                                            .clauses = interessement}}};
inline constexpr modele_contrat_def def_un_an{.nom = "2022, one year kept",
                                              .regime = regime_id::caqes_2022,
                                              .fenetre = periode{ymd{2025, 1, 1}, ymd{2026, 7, 1}},
                                              .volets = volets_un_an,
                                              .transition = politique_transition::maintien_signale};
inline constexpr volet_modele bon_usage_4_ans{
    .volet = volet_id::volet_bon_usage, .terme = duree_annees(4), .grille = g_avenant, .clauses = interessement};
}  // namespace

TEST_CASE("CAQES-E030 with an instance: a volet an avenant adds keeps the exercises of its own term",
          "[evaluation][validation][transition][avenant]") {
    REQUIRE(validate(def_un_an).empty());
    CHECK(regles::fin_des_effets(def_un_an) == ymd{2027, 12, 31});
    contrat_instance c =
        evalmod::instance_2017({avenant{.signature = ymd{2026, 3, 1}, .volet_ajoute = bon_usage_4_ans}});
    c.reception_proposition = ymd{2025, 12, 1};
    c.signature = ymd{2025, 12, 15};
    c.debut_effet = ymd{2026, 1, 1};
    INFO(outils::tout(validate(def_un_an, c)));
    REQUIRE(validate(def_un_an, c).empty());
    // The avenant's volet runs 2026-03-01 to 2030-03-01: exercises 2028 to 2030 are its years.
    for (const int exercice : {2028, 2030}) {
        CAPTURE(exercice);
        evalmod::rapport_essai r(def_un_an, exercice, {evalmod::taux_de(60), evalmod::taux_de(60)});
        r.r.annee_contrat = exercice - 2025;
        r.volets_avenants = {bon_usage_4_ans};
        // The values of the avenant's volet only: the template's is out of its term (CAQES-E060).
        rapport_annuel a = r.annuel();
        const std::vector<saisie_indicateur> du_seul_avenant(a.valeurs.begin() + 1, a.valeurs.end());
        a.valeurs = du_seul_avenant;
        const resultat_validation<rapport_valide> v = validate(def_un_an, c, a, {});
        INFO(outils::tout(v.erreurs()));
        REQUIRE(v.ok());
        CHECK(v.valeur().couverture(0).evalue == false);  // the template's volet ended in 2027
        CHECK(v.valeur().couverture(1).evalue);
    }
    // 2031 is no year of any volet of the contract; without the avenant, neither is 2028.
    evalmod::rapport_essai apres(def_un_an, 2031, {});
    apres.r.annee_contrat = 6;
    apres.volets_avenants = {bon_usage_4_ans};
    CHECK(trouver(validate(def_un_an, c, apres.annuel(), {}).erreurs(), regle::exercice_non_couvert) != nullptr);
    contrat_instance sans = c;
    sans.avenants.clear();
    evalmod::rapport_essai r2028(def_un_an, 2028, {});
    r2028.r.annee_contrat = 3;
    const violations vs = validate(def_un_an, sans, r2028.annuel(), {}).erreurs();
    INFO(outils::tout(vs));
    REQUIRE(trouver(vs, regle::exercice_non_couvert) != nullptr);
    CHECK(trouver(vs, regle::exercice_non_couvert)->detail == "2028 is outside [2025-01-01, 2027-12-31)");
}

namespace {
// A socle of two indicators, the second in force until the end of 2018 only: the template
// compiles (CAQES-E012 at compile time holds on every day a contract may start, 2017-07-01 to
// 2018-12-31), and its contracts, indeterminate, still produce effects in 2019.
inline constexpr periode jusqu_a_2019{ymd{2017, 7, 1}, ymd{2019, 1, 1}};
inline constexpr std::array<indicateur, 2> g_expirant{
    {evalmod::ind_taux(1, "DUR-1", evalmod::validite_2017), evalmod::ind_taux(2, "EXP-2", jusqu_a_2019)}};
inline constexpr std::array<volet_modele, 1> v_expirant{
    {{.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = g_expirant, .clauses = sanction}}};
inline constexpr modele_contrat_def def_expirant{
    .nom = "indicateur expirant", .regime = regime_id::caqes_2017, .fenetre = jusqu_a_2019, .volets = v_expirant};
struct modele_expirant : modele_contrat<def_expirant> {};
}  // namespace

TEST_CASE(
    "CAQES-E012 at run time: an indicator out of force in the exercise refuses the report, its values given "
    "or not",
    "[evaluation][validation][E012]") {
    STATIC_REQUIRE(regles::en_vigueur_pendant(g_expirant[1], 2017));  // from 1 July: one day is enough
    STATIC_REQUIRE(regles::en_vigueur_pendant(g_expirant[1], 2018));
    STATIC_REQUIRE_FALSE(regles::en_vigueur_pendant(g_expirant[1], 2019));
    STATIC_REQUIRE_FALSE(regles::en_vigueur_pendant(g_expirant[1], 2016));
    STATIC_REQUIRE_FALSE(regles::en_vigueur_pendant(g_expirant[0], annee_max + 1));
    STATIC_REQUIRE_FALSE(regles::en_vigueur_pendant(g_expirant[0], std::numeric_limits<int>::max()));
    REQUIRE(regles::exercice_couvert(def_expirant, 2019));

    const std::vector<valeurs_indicateur> v = evalmod::tout_atteint(def_expirant);
    CHECK(controler(rapport(def_expirant, 2018, v)).empty());
    const std::string lieu = "volets[0] (volet_socle).grille[1] (id 2, EXP-2)";
    const std::string detail = "valid [2017-07-01, 2019-01-01), exercise 2019";
    SECTION("2019 with its values: E012 alone") {
        const violations vs = controler(rapport(def_expirant, 2019, v));
        INFO(outils::tout(vs));
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::indicateur_hors_validite);
        CHECK(vs[0].lieu == lieu);
        CHECK(vs[0].detail == detail);
    }
    SECTION("2019 without them: E012 too, not CAQES-E026 (giving them would not make it valid)") {
        const violations vs = controler(rapport(def_expirant, 2019, {v[0]}));
        INFO(outils::tout(vs));
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::indicateur_hors_validite);
        CHECK(vs[0].lieu == lieu);
    }
    SECTION("2018 without them: CAQES-E026, the indicator is in force") {
        const violations vs = controler(rapport(def_expirant, 2018, {v[0]}));
        REQUIRE(vs.size() == 1);
        CHECK(vs[0].id == regle::indicateur_absent);
    }
}
