// Evaluation that cannot be misused: each defect once reproduced against the public API,
// rebuilt here with its exact input, and the outcome the toolkit now gives (rule id, amount to
// the cent, or no proposal).
#include "evaluation_modeles.hpp"
#include "outils.hpp"
#include "sanitiseur.hpp"

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

using namespace caqes;
using outils::trouver;

namespace {

inline constexpr mesure<grandeur::nombre> m_boites{"boites"};
inline constexpr mesure<grandeur::montant> m_depense{"depense"};
inline constexpr periode validite{ymd{2017, 4, 23}, ymd{2022, 1, 1}};

// A 2017 socle of one indicator scored by its referentiel alone: missed, it proposes the 1 %
// step on the revenue base; met, nothing.
struct grille_referentiel {
    std::array<indicateur, 1> grille;
    std::array<volet_modele, 1> volets;
    modele_contrat_def def;
};

constexpr indicateur indicateur_referentiel(referentiel ref) {
    return {.id = 1,
            .code = "ILL-R1",
            .libelle = "referentiel (illustratif)",
            .mesures = {{m_boites.def(), m_depense.def()}},
            .ref = ref,
            .validite = validite};
}

// The two ways of the report: `.ref = ...` written without en_referentiel(...).
inline constexpr std::array<indicateur, 1> g_conjonction{{
    {.id = 1,
     .code = "ILL-R1",
     .libelle = "conjonction",
     .mesures = {{m_boites.def(), m_depense.def()}},
     .ref = m_boites <= nombre_de(8'500) && m_depense < montant_euros(100'000),
     .validite = validite},
}};
inline constexpr std::array<indicateur, 1> g_condition{{
    {.id = 1,
     .code = "ILL-R1",
     .libelle = "condition",
     .mesures = {{m_boites.def(), m_depense.def()}},
     .ref = m_boites < nombre_de(8'500),
     .validite = validite},
}};
inline constexpr std::array<volet_modele, 1> v_conjonction{
    {{.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = g_conjonction, .clauses = sanction}}};
inline constexpr std::array<volet_modele, 1> v_condition{
    {{.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = g_condition, .clauses = sanction}}};
inline constexpr modele_contrat_def def_conjonction{.nom = "conjonction sans en_referentiel",
                                                    .regime = regime_id::caqes_2017,
                                                    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
                                                    .volets = v_conjonction,
                                                    .transition = politique_transition::arret_fin_regime};
inline constexpr modele_contrat_def def_condition{.nom = "condition sans en_referentiel",
                                                  .regime = regime_id::caqes_2017,
                                                  .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
                                                  .volets = v_condition,
                                                  .transition = politique_transition::arret_fin_regime};
struct modele_conjonction : modele_contrat<def_conjonction> {};
struct modele_condition : modele_contrat<def_condition> {};

valeurs_indicateur boites_depense(std::int64_t boites, std::int64_t depense) {
    return {{valeur_mesure::de(nombre_de(boites)), valeur_mesure::de(montant_euros(depense))}};
}

template <const modele_contrat_def& M>
resultat_evaluation evaluer_boites(std::int64_t boites, std::int64_t depense) {
    return evaluateur<M>::evaluer(evalmod::valide<M>({M, 2018, {boites_depense(boites, depense)}, euros(20'000'000)}));
}

// Two referentiels are the same when they have the same conjunctions of the same conditions.
bool meme_referentiel(const referentiel& a, const referentiel& b) {
    if (a.taille != b.taille || a.depasse != b.depasse) return false;
    for (std::size_t k = 0; k < a.taille; ++k) {
        const conjonction& x = a.termes[k];
        const conjonction& y = b.termes[k];
        if (x.taille != y.taille || x.depasse != y.depasse) return false;
        for (std::size_t j = 0; j < x.taille; ++j) {
            const condition& c = x.termes[j];
            const condition& d = y.termes[j];
            if (c.mesure != d.mesure || c.op != d.op || c.seuil != d.seuil || c.type_seuil != d.type_seuil)
                return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("issue 8 defect 1: `.ref = m1 <= x && m2 < y` is the conjunction, not an empty referentiel",
          "[evaluation][mesusage][referentiel]") {
    STATIC_REQUIRE(g_conjonction[0].ref.taille == 1);
    STATIC_REQUIRE(g_conjonction[0].ref.termes[0].taille == 2);
    // Met: no sanction (it used to propose 200 000 EUR, 1 % of 20 M EUR).
    const resultat_evaluation met = evaluer_boites<def_conjonction>(8'000, 50'000);
    CHECK(met.volets[0].score.valeur() == entier(1));
    CHECK_FALSE(met.volets[0].principale.presente());
    CHECK(met.total_sanctions == centimes{0});
    // Missed on one of its two conditions: the 1 % step.
    const resultat_evaluation missed = evaluer_boites<def_conjonction>(8'000, 100'000);
    CHECK(missed.volets[0].principale.nature == nature_proposition::sanction_volet);
    CHECK(missed.volets[0].principale.montant == euros(200'000));
}

TEST_CASE("issue 8 defect 1: `.ref = m < x` is that one condition", "[evaluation][mesusage][referentiel]") {
    STATIC_REQUIRE(g_condition[0].ref.taille == 1);
    const resultat_evaluation met = evaluer_boites<def_condition>(8'499, 0);
    CHECK_FALSE(met.volets[0].principale.presente());
    CHECK(met.total_sanctions == centimes{0});
    const resultat_evaluation missed = evaluer_boites<def_condition>(8'500, 0);
    CHECK(missed.volets[0].principale.montant == euros(200'000));
}

TEST_CASE("every way of writing `.ref =` evaluates like its en_referentiel form, or is E015",
          "[evaluation][mesusage][referentiel]") {
    const condition a = m_boites <= nombre_de(8'500);
    const condition b = m_depense < montant_euros(100'000);
    const condition c = m_boites < nombre_de(100);
    struct ecriture {
        const char* nom;
        referentiel ecrit;
        referentiel attendu;
    };
    const std::vector<ecriture> ecritures{
        {"a condition", indicateur_referentiel(a).ref, en_referentiel(a)},
        {"a conjunction", indicateur_referentiel(a && b).ref, en_referentiel(a && b)},
        {"a || b", indicateur_referentiel(a || b).ref, en_referentiel(a).ou(seule(b))},
        {"(a && b) || c", indicateur_referentiel((a && b) || c).ref, en_referentiel(a && b).ou(seule(c))},
        {"a || (b && c)", indicateur_referentiel(a || (b && c)).ref, en_referentiel(a).ou(b && c)},
        {"en_referentiel(a && b)", indicateur_referentiel(en_referentiel(a && b)).ref, en_referentiel(a && b)},
        {"{a}", indicateur_referentiel({a}).ref, en_referentiel(a)},
        {"{a && b}", indicateur_referentiel({a && b}).ref, en_referentiel(a && b)},
        {"{{a}}", indicateur_referentiel({{a}}).ref, en_referentiel(a)},
    };
    for (const ecriture& e : ecritures) {
        INFO(e.nom);
        CHECK(meme_referentiel(e.ecrit, e.attendu));
        // And evaluates alike on values meeting and missing each condition.
        const indicateur ecrit = indicateur_referentiel(e.ecrit);
        const indicateur attendu = indicateur_referentiel(e.attendu);
        for (const auto& v : {boites_depense(50, 0), boites_depense(8'000, 50'000), boites_depense(8'000, 200'000),
                              boites_depense(9'000, 0)}) {
            CHECK(evaluer_indicateur(ecrit, planifier(ecrit), v, {}).s ==
                  evaluer_indicateur(attendu, planifier(attendu), v, {}).s);
        }
    }
    // Empty: neither a target nor a referentiel, so nothing could meet it: E015.
    CHECK_FALSE(regles::referentiel_bien_forme(indicateur_referentiel({})));
    CHECK(regles::referentiel_bien_forme(indicateur_referentiel(a)));
    // `{a, b}` does not compile (tests/compile_fail/variantes/E015_referentiel_en_accolades).
    STATIC_REQUIRE_FALSE(std::is_convertible_v<std::initializer_list<condition>, referentiel>);
}

namespace {

// One 2017 socle over a grid known at run time.
struct grille_dynamique {
    std::vector<std::string> codes;
    std::vector<indicateur> grille;
    std::array<volet_modele, 1> volets{};
    modele_contrat_def def{};

    explicit grille_dynamique(const std::vector<fraction>& poids) {
        codes.reserve(poids.size());
        for (std::size_t k = 0; k < poids.size(); ++k)
            codes.push_back("ILL-W" + std::to_string(k));
        for (std::size_t k = 0; k < poids.size(); ++k) {
            grille.push_back(
                evalmod::ind_taux(static_cast<std::uint32_t>(k + 1), codes[k], evalmod::validite_2017, poids[k]));
        }
        volets[0] = {
            .volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille, .clauses = sanction};
        def = {.nom = "poids 1/3 a 1/31",
               .regime = regime_id::caqes_2017,
               .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
               .volets = volets,
               .transition = politique_transition::arret_fin_regime};
    }
};

using rationnel = boost::multiprecision::cpp_rational;

rationnel exact(fraction f) { return rationnel{f.num} / rationnel{f.den}; }

}  // namespace

TEST_CASE("issue 8 defect 2: weights 1/3 ... 1/31 and seven of 1 give the exact score and no sanction",
          "[evaluation][mesusage][score]") {
    std::vector<fraction> poids;
    for (std::int64_t k = 3; k <= 31; ++k)
        poids.push_back({1, k});
    for (int k = 0; k < 7; ++k)
        poids.push_back(entier(1));
    grille_dynamique g{poids};
    REQUIRE(validate(g.def).empty());

    // Met everywhere but on the 1/5 indicator and one of weight 1.
    std::vector<valeurs_indicateur> v(poids.size(), evalmod::taux_de(60));
    v[2] = evalmod::taux_de(10);   // weight 1/5
    v[29] = evalmod::taux_de(10);  // weight 1
    rationnel points = 0;
    rationnel total = 0;
    for (std::size_t k = 0; k < poids.size(); ++k) {
        total += exact(poids[k]);
        if (k != 2 && k != 29) points += exact(poids[k]);
    }
    const rationnel attendu = points / total;
    REQUIRE(attendu > rationnel{3} / 4);  // about 0.874: above every illustrative step

    evalmod::rapport_essai e(g.def, 2018, v, euros(20'000'000));
    const rapport_valide r = evalmod::valide(e);
    const resultat_evaluation res = evaluer(r);
    REQUIRE(res.ok());
    REQUIRE_FALSE(res.volets[0].score.depasse());
    CHECK(exact(res.volets[0].score.valeur()) == attendu);
    CHECK_FALSE(res.volets[0].principale.presente());  // it was a 50 000 EUR sanction
    CHECK(res.total_sanctions == centimes{0});
}

TEST_CASE("issue 8 defect 2: a tolerance of 1/INT64_MAX is decided exactly", "[evaluation][mesusage][score]") {
    using evalmod::def_2017;
    politique_grille pol{};
    pol.tolerance = {1, std::numeric_limits<std::int64_t>::max()};
    const rapport_valide_pour<def_2017> r =
        evalmod::valide<def_2017>({def_2017, 2018, evalmod::rien_atteint(def_2017), euros(1'000'000)});
    const resultat_evaluation res = evaluateur<def_2017>::evaluer(r, pol);
    // Missing every indicator: 1 % on each of the four volets, as with no tolerance.
    CHECK(res.total_sanctions == euros(40'000));  // it was 35 000 EUR
    CHECK(evaluateur<def_2017>::evaluer(r).total_sanctions == euros(40'000));

    // At the boundary: 49 % - 1/INT64_MAX is partial, one step below is missed.
    const indicateur& ind = evalmod::g_socle[0];
    const std::int64_t max = std::numeric_limits<std::int64_t>::max();
    // 49/100 - 1/max, and a value below it, both exact in 64 bits over a common denominator.
    const valeurs_indicateur au_bord{{{etat_valeur::renseignee, type_mesure::taux, fraction{49, 100}}}};
    CHECK(evaluer_indicateur(ind, planifier(ind), au_bord, pol).s == statut::atteint);
    const fraction juste_dessous{4'899'999'999, 10'000'000'000};  // 49 % - 1e-10, far more than 1/max below
    const valeurs_indicateur dessous{{{etat_valeur::renseignee, type_mesure::taux, juste_dessous}}};
    CHECK(evaluer_indicateur(ind, planifier(ind), dessous, pol).s == statut::non_atteint);
    politique_grille large{};
    large.tolerance = {1, 1'000'000'000};  // 1e-9 covers it
    CHECK(evaluer_indicateur(ind, planifier(ind), dessous, large).s == statut::partiel);
    CHECK(detail::signe_somme({49, 100}, {-49, 100}, {1, max}) > 0);
    CHECK(detail::signe_somme({-max, max - 1}, {max, max - 2}, {-1, 1}) < 0);
}

TEST_CASE(
    "score arithmetic equals cpp_rational on 10^6 random grids (10^5 under the sanitizers), or fails with CAQES-E037",
    "[evaluation][mesusage][score]") {
    // Under the sanitizers (tests/support/sanitiseur.hpp), the first 10^5 cases of the same
    // sequence: the exact side (cpp_rational allocates) made this one test 25 to 42 s of each
    // sanitizer run. The checks at the end, scaled, still require both outcomes many times
    // (over 10 000 exact scores, over 100 CAQES-E037).
    const int total = essais::sous_sanitiseur ? 100'000 : 1'000'000;
    // A linear congruential generator: reproducible, and cheap enough for a million cases.
    std::uint64_t etat = 20170423;
    auto tirer = [&etat](std::int64_t de, std::int64_t a) {
        etat = etat * 6364136223846793005ULL + 1442695040888963407ULL;
        return de + static_cast<std::int64_t>((etat >> 17) % static_cast<std::uint64_t>(a - de + 1));
    };
    int exacts = 0;
    int depasses = 0;
    for (int cas = 0; cas < total; ++cas) {
        const fraction partielle{tirer(0, 1'000'000'000), 1'000'000'000};
        score_volet s{};
        rationnel points = 0;
        rationnel poids = 0;
        const std::int64_t n = tirer(1, 6);
        for (std::int64_t k = 0; k < n; ++k) {
            const fraction w{tirer(1, 1'000'000'000), tirer(1, 1'000'000'000)};
            const std::int64_t issue = tirer(0, 3);
            // Met, partial, not met, or non concerne (out of the score under the default policy).
            const statut st = issue == 0   ? statut::atteint
                              : issue == 1 ? statut::partiel
                              : issue == 2 ? statut::non_atteint
                                           : statut::non_concerne;
            politique_grille pol{};
            pol.part_partielle = part::depuis(partielle, "part_partielle").valeur();
            s.ajouter(w, st, pol, static_cast<std::uint32_t>(k));
            if (issue == 3) continue;
            points += exact(w) * exact(issue == 0 ? entier(1) : (issue == 1 ? partielle : entier(0)));
            poids += exact(w);
        }
        const auto v = s.valeur_verifiee();
        if (!v.ok) {
            ++depasses;
            // Never another number: an overflow is only reported where some exact sum or
            // quotient does not fit 64 bits.
            const rationnel q = poids == 0 ? rationnel{0} : points / poids;
            const auto trop_grand = [](const rationnel& x) {
                const boost::multiprecision::cpp_int lim{std::numeric_limits<std::int64_t>::max()};
                return abs(numerator(x)) > lim || denominator(x) > lim;
            };
            CHECK((trop_grand(points) || trop_grand(poids) || trop_grand(q)));
            continue;
        }
        ++exacts;
        const rationnel attendu = poids == 0 ? rationnel{0} : points / poids;
        if (exact(v.f) != attendu) FAIL("case " << cas << ": " << v.f.num << "/" << v.f.den);
    }
    CHECK(exacts + depasses == total);
    CHECK(exacts > total / 10);
    CHECK(depasses > total / 1'000);
}

TEST_CASE("an overflowing score proposes nothing and says where (CAQES-E037)", "[evaluation][mesusage][score]") {
    // Co-prime denominators near 10^9: the sum of weights does not fit 64 bits after three.
    grille_dynamique g{
        {fraction{1, 999'999'937}, fraction{1, 999'999'929}, fraction{1, 999'999'893}, fraction{1, 999'999'883}}};
    REQUIRE(validate(g.def).empty());
    const rapport_valide r =
        evalmod::valide({g.def, 2018, std::vector<valeurs_indicateur>(4, evalmod::taux_de(10)), euros(20'000'000)});
    const resultat_evaluation res = evaluer(r);
    CHECK(res.erreur == regle::depassement_score);
    CHECK_FALSE(res.ok());
    CHECK(res.volet_erreur == 0);
    CHECK(res.indicateur_erreur == 3);  // the third indicator's weight made the sum overflow
    CHECK_FALSE(res.volets[0].principale.presente());
    CHECK(res.total_sanctions == centimes{0});
    // What rests on no score stands: the volet's term, and a decision the ARS recorded, beside
    // the empty proposal and in the decided total.
    CHECK(res.volets[0].couverture.evalue);
    evalmod::rapport_essai decide{g.def, 2018, std::vector<valeurs_indicateur>(4, evalmod::taux_de(10)),
                                  euros(20'000'000)};
    decide.decisions = {evalmod::decision(g.def.volets[0].volet, issue_legale::sanction_volet, euros(1'000))};
    const resultat_evaluation avec = evaluer(evalmod::valide(decide));
    CHECK(avec.erreur == regle::depassement_score);
    CHECK(avec.volets[0].couverture.evalue);
    CHECK_FALSE(avec.volets[0].principale.presente());
    CHECK(avec.volets[0].principale.decision_finale == euros(1'000));
    CHECK(avec.volets[0].nature_decidee == issue_legale::sanction_volet);
    CHECK(avec.nombre_decisions == 1);
    CHECK(avec.total_sanctions == centimes{0});
    CHECK(avec.total_sanctions_decidees == euros(1'000));
    // The same grid with two indicators fits: a 1 % sanction of 200 000 EUR.
    grille_dynamique deux{{fraction{1, 999'999'937}, fraction{1, 999'999'929}}};
    const resultat_evaluation ok = evaluer(
        evalmod::valide({deux.def, 2018, std::vector<valeurs_indicateur>(2, evalmod::taux_de(10)), euros(20'000'000)}));
    CHECK(ok.ok());
    CHECK(ok.volets[0].principale.montant == euros(200'000));
}

TEST_CASE("issue 8 defect 3: only a validated report can be evaluated, and only with its own template",
          "[evaluation][mesusage][validation]") {
    using evalmod::def_2017;
    using evalmod::def_2022;
    STATIC_REQUIRE_FALSE(std::is_default_constructible_v<rapport_valide>);
    STATIC_REQUIRE_FALSE(std::is_constructible_v<rapport_valide_pour<def_2017>, rapport_valide>);
    // Handing evaluateur<M> a raw report, or one validated against another template, does not
    // compile (CAQES-E038: tests/compile_fail/E038_rapport_non_valide and
    // variantes/E038_rapport_autre_modele).

    // A report validated at run time against def_2022 cannot be retyped for def_2017 (E038).
    const rapport_valide r22 = evalmod::valide({def_2022, 2023, evalmod::tout_atteint(def_2022)});
    const auto faux = validate<def_2017>(r22);
    REQUIRE_FALSE(faux.ok());
    CHECK(faux.erreurs().front().id == regle::rapport_autre_modele);
    CHECK(validate<def_2022>(r22).ok());
}

TEST_CASE("issue 8 defect 3: a short report is rejected with E026, never read past its end",
          "[evaluation][mesusage][validation]") {
    using evalmod::def_2017;
    std::vector<valeurs_indicateur> v = evalmod::tout_atteint(def_2017);
    v.resize(3);  // eight indicators, three reported
    evalmod::rapport_essai e(def_2017, 2018, v);
    const auto r = validate<def_2017>(e.annuel(), {});
    REQUIRE_FALSE(r.ok());
    int absents = 0;
    for (const violation& x : r.erreurs())
        absents += x.id == regle::indicateur_absent ? 1 : 0;
    CHECK(absents == 5);
    CHECK(r.erreurs().front().lieu == "volets[1] (volet_transports).grille[0] (id 10, ILL-T1)");
}

TEST_CASE("issue 8 defect 3: values are matched by code, so swapped entries evaluate alike, a wrong code is E032",
          "[evaluation][mesusage][validation]") {
    using evalmod::def_2017;
    std::vector<valeurs_indicateur> v = evalmod::tout_atteint(def_2017);
    v[4] = evalmod::nombre(5'000);  // ILL-T2 missed, ILL-T1 met: both single-measure indicators
    evalmod::rapport_essai e(def_2017, 2018, v, euros(10'000'000));
    rapport_annuel r = e.annuel();
    std::vector<saisie_indicateur> inverse(r.valeurs.rbegin(), r.valeurs.rend());
    rapport_annuel r_inverse = r;
    r_inverse.valeurs = inverse;
    const auto a = validate<def_2017>(r, {});
    const auto b = validate<def_2017>(r_inverse, {});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    const resultat_evaluation ra = evaluateur<def_2017>::evaluer(a.valeur());
    const resultat_evaluation rb = evaluateur<def_2017>::evaluer(b.valeur());
    CHECK(ra.volets[1].score.valeur() == fraction{1, 2});
    CHECK(rb.volets[1].score.valeur() == fraction{1, 2});
    CHECK(ra.total_sanctions == rb.total_sanctions);

    // Swapping the two transports values under their codes changes which one is missed: the
    // report says which indicator each value is for.
    std::vector<saisie_indicateur> echange(r.valeurs.begin(), r.valeurs.end());
    std::swap(echange[3].mesures, echange[4].mesures);
    rapport_annuel r_echange = r;
    r_echange.valeurs = echange;
    const auto c = validate<def_2017>(r_echange, {});
    REQUIRE_FALSE(c.ok());  // ILL-T1 measures "taux", ILL-T2 "nombre": each code names its measure
    CHECK(trouver(c.erreurs(), regle::mesure_inconnue) != nullptr);

    echange = {r.valeurs.begin(), r.valeurs.end()};
    echange[0].indicateur = "ILL-X9";
    r_echange.valeurs = echange;
    const auto d = validate<def_2017>(r_echange, {});
    REQUIRE_FALSE(d.ok());
    CHECK(d.erreurs().front().id == regle::mesure_inconnue);
    CHECK(d.erreurs().front().lieu == "rapport.valeurs[0] (ILL-X9)");
}

TEST_CASE("CAQES-E036: an indicator, measure or volet given twice is rejected, once is accepted",
          "[evaluation][mesusage][validation]") {
    using evalmod::def_2017;
    evalmod::rapport_essai e(def_2017, 2018, evalmod::tout_atteint(def_2017));
    rapport_annuel r = e.annuel();
    CHECK(validate(def_2017, r, {}).ok());

    std::vector<saisie_indicateur> deux_fois(r.valeurs.begin(), r.valeurs.end());
    deux_fois.push_back(deux_fois[0]);
    rapport_annuel r2 = r;
    r2.valeurs = deux_fois;
    const auto a = validate(def_2017, r2, {});
    REQUIRE_FALSE(a.ok());
    CHECK(a.erreurs().front().id == regle::saisie_en_double);
    CHECK(a.erreurs().front().lieu == "rapport.valeurs[8] (ILL-S1)");

    std::vector<saisie_indicateur> mesure_double(r.valeurs.begin(), r.valeurs.end());
    mesure_double[0].mesures[1] = mesure_double[0].mesures[0];
    r2.valeurs = mesure_double;
    CHECK(validate(def_2017, r2, {}).erreurs().front().id == regle::saisie_en_double);

    const std::array<montant_volet, 2> economies{
        {{volet_id::volet_transports, euros(1)}, {volet_id::volet_transports, euros(2)}}};
    rapport_annuel r3 = r;
    r3.economies = economies;
    const auto b = validate(def_2017, r3, {});
    REQUIRE_FALSE(b.ok());
    CHECK(b.erreurs().front().id == regle::saisie_en_double);
    CHECK(b.erreurs().front().lieu == "rapport.economies[1] (volet_transports)");

    const std::array<decision_volet, 1> autre_volet{{{.volet = volet_id::volet_bon_usage, .montant = euros(1)}}};
    r3.decisions = autre_volet;
    r3.economies = {};
    const auto c = validate(def_2017, r3, {});
    REQUIRE_FALSE(c.ok());
    CHECK(c.erreurs().front().id == regle::mesure_inconnue);
    CHECK(c.erreurs().front().lieu == "rapport.decisions[0] (volet_bon_usage)");

    // Savings by volet land on their volet, whatever their order in the report.
    const std::array<montant_volet, 2> dans_le_desordre{
        {{volet_id::volet_pertinence, euros(3)}, {volet_id::volet_transports, euros(2)}}};
    r3.decisions = {};
    r3.economies = dans_le_desordre;
    const auto d = validate(def_2017, r3, {});
    REQUIRE(d.ok());
    CHECK(d.valeur().economies()[1] == euros(2));
    CHECK(d.valeur().economies()[2] == euros(3));
    CHECK_FALSE(d.valeur().economies()[0].has_value());  // not given: non renseigne, not zero
}

TEST_CASE("issue 8 defect 4: two indicators sharing a code are rejected (E033), distinct codes are accepted",
          "[evaluation][mesusage][modele]") {
    grille_dynamique g{{entier(1), entier(1)}};
    CHECK(validate(g.def).empty());
    g.grille[1].code = g.grille[0].code;
    const violations vs = validate(g.def);
    REQUIRE(vs.size() == 1);
    CHECK(vs[0].id == regle::code_indicateur_en_double);
    CHECK(vs[0].lieu == "volets[0] (volet_socle).grille[1] (id 2, ILL-W0)");
    // And no report is matched against such a template.
    const auto r =
        validate(g.def, evalmod::rapport_essai(g.def, 2018, {evalmod::taux_de(60), evalmod::taux_de(60)}).annuel(), {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.erreurs().front().id == regle::code_indicateur_en_double);
}

TEST_CASE("issue 8 defect 4: sanction steps out of order are rejected (E034), in order, 0.4 takes 1 %",
          "[evaluation][mesusage][parametres]") {
    using evalmod::def_2017;
    parametres_evaluation desordre{};
    desordre.p2017.paliers = {{{{3, 4}, {1, 200}}, {{1, 2}, {1, 100}}, {}}};
    CHECK_FALSE(regles::paliers_ordonnes(desordre.p2017));
    evalmod::rapport_essai e(def_2017, 2018, evalmod::tout_atteint(def_2017), euros(10'000'000));
    // Socle score 3/8, under both thresholds: ILL-S1 (weight 2) missed, ILL-S2 partial, ILL-S3 met.
    e.valeurs[0] = evalmod::taux_de(10);
    e.valeurs[1] = evalmod::echelle_de(echelle_partiel);
    const auto refuse = validate<def_2017>(e.annuel(), desordre);
    REQUIRE_FALSE(refuse.ok());
    CHECK(refuse.erreurs().front().id == regle::paliers_desordonnes);
    CHECK(refuse.erreurs().front().lieu == "p2017.paliers[1]");
    // The step the compile-time checker names (lieu::parametre<p2017_paliers, 1>) is the same.
    CHECK(regles::premier_palier_desordonne(desordre.p2017).rang == 1);
    REQUIRE(validate(desordre).size() == 1);

    const parametres_evaluation ordre{};  // 1 % under 1/2, 0.5 % under 3/4
    CHECK(regles::paliers_ordonnes(ordre.p2017));
    CHECK(validate(ordre).empty());
    const resultat_evaluation res = evaluateur<def_2017>::evaluer(evalmod::valide<def_2017>(e, ordre));
    CHECK(res.volets[0].score.valeur() == fraction{3, 8});      // (0 x 2 + 1/2 + 1) / 4
    CHECK(res.volets[0].principale.montant == euros(100'000));  // 1 %, not the 0.5 % step

    // A step whose rate goes up with the threshold is out of order too; equal rates are not.
    parametres_2017 croissant{};
    croissant.paliers = {{{{1, 2}, {1, 200}}, {{3, 4}, {1, 100}}, {}}};
    CHECK_FALSE(regles::paliers_ordonnes(croissant));
    croissant.paliers = {{{{1, 2}, {1, 100}}, {{3, 4}, {1, 100}}, {}}};
    CHECK(regles::paliers_ordonnes(croissant));
}

namespace {

inline constexpr indicateur ind_mco{.id = 90,
                                    .code = "ILL-MCO",
                                    .libelle = "MCO seulement",
                                    .mesures = {{evalmod::m_taux.def()}},
                                    .direction = sens::plus_haut_est_mieux,
                                    .objectif = viser(evalmod::m_taux, taux_pourcent(49)),
                                    .applicables = activite_mco,
                                    .validite = validite};
inline constexpr std::array<indicateur, 2> g_activites{{evalmod::ind_taux(91, "ILL-TOUS", validite), ind_mco}};
inline constexpr std::array<volet_modele, 1> v_activites{
    {{.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = g_activites, .clauses = sanction}}};
inline constexpr modele_contrat_def def_activites{.nom = "un indicateur MCO",
                                                  .regime = regime_id::caqes_2017,
                                                  .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
                                                  .volets = v_activites,
                                                  .transition = politique_transition::arret_fin_regime};
struct modele_activites : modele_contrat<def_activites> {};

}  // namespace

TEST_CASE("issue 8 defect 4: an MCO-only indicator is non concerne for a psychiatry-only establishment (CAQES-E035)",
          "[evaluation][mesusage][activites]") {
    // Psychiatry only, the MCO indicator reported anyway: rejected.
    evalmod::rapport_essai e(def_activites, 2018, {evalmod::taux_de(60), evalmod::taux_de(10)}, euros(10'000'000));
    e.r.activites_etablissement = activite_psychiatrie;
    const auto refuse = validate<def_activites>(e.annuel(), {});
    REQUIRE_FALSE(refuse.ok());
    CHECK(refuse.erreurs().front().id == regle::indicateur_non_applicable);
    CHECK(refuse.erreurs().front().lieu == "volets[0] (volet_socle).grille[1] (id 90, ILL-MCO).taux");

    // Not reported: accepted, non concerne, out of the score. ILL-TOUS met: no sanction (it
    // was the 0.5 % step, 50 000 EUR, with the MCO indicator counted as missed).
    e.valeurs.resize(1);
    const rapport_valide_pour<def_activites> r = evalmod::valide<def_activites>(e);
    CHECK(r.rapport().valeurs()[1][0].etat == etat_valeur::non_concernee);
    const resultat_evaluation res = evaluateur<def_activites>::evaluer(r);
    CHECK(res.volets[0].score.valeur() == entier(1));
    CHECK(res.volets[0].score.poids == entier(1));
    CHECK_FALSE(res.volets[0].principale.presente());

    // An MCO establishment must report it: without it the report is incomplete (E026).
    e.r.activites_etablissement = activite_mco | activite_psychiatrie;
    const auto incomplet = validate<def_activites>(e.annuel(), {});
    REQUIRE_FALSE(incomplet.ok());
    CHECK(incomplet.erreurs().front().id == regle::indicateur_absent);

    // No activity at all: E024.
    e.r.activites_etablissement = {};
    CHECK(trouver(validate<def_activites>(e.annuel(), {}).erreurs(), regle::activite_hors_perimetre) != nullptr);
}

TEST_CASE("a total of proposals that leaves 64-bit cents is CAQES-E040, never wrapped, a total that fits is exact",
          "[evaluation][mesusage][montant]") {
    using evalmod::def_2022;
    parametres_evaluation p{};
    p.p2022.revision_par_score = false;  // half of the savings, whatever the score
    evalmod::rapport_essai e(def_2022, 2023, evalmod::tout_atteint(def_2022));
    const centimes max{std::numeric_limits<std::int64_t>::max()};
    e.economies = {max, max, max};  // three national incentives of half of that: 1.5 x INT64_MAX
    const resultat_evaluation trop = evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(e, p));
    CHECK(trop.erreur == regle::depassement_capacite);
    CHECK(trop.total_interessements == centimes{0});
    CHECK(trop.volets[0].principale.montant == centimes{max.valeur / 2});  // each proposal stands
    e.economies = {max, centimes{2}, centimes{0}};
    const resultat_evaluation juste = evaluateur<def_2022>::evaluer(evalmod::valide<def_2022>(e, p));
    CHECK(juste.ok());
    CHECK(juste.total_interessements == centimes{max.valeur / 2 + 1});
}

TEST_CASE("issue 18: the field a parameter rule names is the same at compile time and at run time",
          "[evaluation][mesusage][parametres]") {
    // parametres_conformes<P> instantiates its checker with `lieu::parametre<champ, rang>` from
    // these functions; validate(p) locates its violations with `texte(champ, rang)`.
    parametres_evaluation p{};
    CHECK_FALSE(regles::premier_taux_hors_la_loi(p).trouve);
    CHECK_FALSE(regles::premier_palier_desordonne(p.p2017).trouve);

    p.p2022.taux_minoration = {51, 100};    // L.162-30-4: 50 %
    p.successeur.taux_penalite = {3, 100};  // L.162-23-14 from 2027 [S]: 2 %
    const regles::ecart_parametre e = regles::premier_taux_hors_la_loi(p);
    REQUIRE(e.trouve);
    CHECK(e.champ == champ_parametre::p2022_taux_minoration);
    CHECK(e.rang == -1);
    const violations v = validate(p);
    REQUIRE(v.size() == 2);
    CHECK(v[0].lieu == texte(e.champ, e.rang));
    CHECK(v[0].lieu == "p2022.taux_minoration");
    CHECK(v[1].lieu == "successeur.taux_penalite");

    parametres_evaluation paliers{};
    paliers.p2017.paliers = {{{{1, 2}, {1, 100}}, {{3, 4}, {1, 200}}, {{7, 8}, {2, 100}}}};
    const regles::ecart_parametre d = regles::premier_palier_desordonne(paliers.p2017);
    REQUIRE(d.trouve);
    CHECK(d.rang == 2);  // the third step raises the rate again (and its 2 % is past the law)
    const violations vd = validate(paliers);
    REQUIRE(vd.size() == 2);
    CHECK(vd[0].id == regle::paliers_desordonnes);
    CHECK(vd[0].lieu == "p2017.paliers[2]");
    CHECK(vd[1].id == regle::parametre_hors_la_loi);
    CHECK(vd[1].lieu == "p2017.paliers[2].taux");
}
