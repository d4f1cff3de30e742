// Yearly reports as JSON Lines (caqes/io/json/valeurs.hpp): one establishment-year a line, read
// with the CSV reader's number and value rules and the library's validate; each rejection
// located by file, line and JSON pointer, with the rule id a CSV row would get. Built into
// caqes_json_tests, only when caqes::json exists.
#include "outils.hpp"

#include <caqes/io/json/grille.hpp>
#include <caqes/io/json/valeurs.hpp>

#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>

using namespace caqes;

namespace {

// A first-generation grid: one socle indicator with a rate and an amount.
const std::string grille_texte = R"({
  "schema": "caqes.grille/1",
  "nom": "essai",
  "regime": "caqes_2017",
  "fenetre": {"debut": "2017-07-01", "fin": "2019-01-01"},
  "volets": [
    {"volet": "volet_socle", "terme": {"indeterminee": true}, "clauses": ["sanction", "minoration_liste_en_sus"],
     "grille": [
       {"id": 1, "code": "S1", "libelle": "taux", "origine": "illustrative",
        "mesures": [{"code": "taux", "nature": "taux"}, {"code": "depense", "nature": "montant"}], "sens": "plus_haut_est_mieux",
        "objectif": {"mesure": "taux", "valeur": {"nature": "taux", "num": 49, "den": 100}},
        "validite": {"debut": "2017-07-01", "fin": "2022-01-01"}}
     ]}
  ]
})";

const std::string ligne_valide =
    R"({"finess":"019900001","exercice":2018,"annee_contrat":1,"produits_assurance_maladie":1000000.50,"annee_produits":2017,)"
    R"("economies":{"socle":-12.30},"decisions":{"socle":{"nature":"sanction","montant":100}},"valeurs":{"S1":{"taux":55.7,"depense":1234.56}}})";

// `ligne_valide` with the first occurrence of `avant` replaced by `apres`.
std::string avec(const std::string& avant, const std::string& apres) {
    std::string s = ligne_valide;
    const std::size_t k = s.find(avant);
    REQUIRE(k != std::string::npos);
    s.replace(k, avant.size(), apres);
    return s;
}

json::lot_jsonl lire(const std::string& texte) {
    static const auto g = json::lire_grille(grille_texte, "essai.json");
    REQUIRE(g.ok());
    return json::lire_rapports_jsonl(g.valeur().definition(), g.valeur().parametres().valeur(), {"v.jsonl", texte});
}

// One line, rejected with exactly one violation: its rule and its location.
void refusee(const std::string& ligne, regle r, const std::string& lieu) {
    const json::lot_jsonl l = lire(ligne + "\n");
    INFO(ligne);
    REQUIRE(l.rapports.empty());
    REQUIRE(l.rejets.size() == 1);
    CHECK(l.rejets[0].id == r);
    CHECK(l.rejets[0].lieu == lieu);
    CHECK(l.lignes.read == 1);
    CHECK(l.lignes.rejected == 1);
    CHECK(json::status(l) == csv::exit_status::unusable_input);
}

}  // namespace

TEST_CASE("a JSON Lines report is read exactly, as the CSV row would be", "[json][jsonl]") {
    const json::lot_jsonl l = lire("\xEF\xBB\xBF" + ligne_valide + "\r\n\n" + avec("019900001", "019900002") + "\n");
    REQUIRE(l.rejets.empty());
    REQUIRE(l.rapports.size() == 2);
    CHECK(l.lignes.read == 2);
    CHECK(l.lignes.accepted == 2);
    CHECK(json::status(l) == csv::exit_status::accepted);
    const csv::rapport_lu& r = l.rapports[0];
    CHECK(r.finess == "019900001");
    CHECK(r.ligne_valeurs == 1);
    CHECK(l.rapports[1].ligne_valeurs == 3);  // the empty line 2 holds nothing and is not counted
    CHECK(r.rapport.exercice() == 2018);
    // 55.7 is 557/10 exactly (read from the lexeme, never a double); 1234.56 EUR is 123456 cents.
    const std::span<const valeurs_indicateur> v = r.rapport.valeurs();
    REQUIRE(v.size() == 1);
    CHECK(v[0][0].v == fraction{557, 1000});
    CHECK(v[0][1].v == fraction{123456, 1});
    // NC and NR as strings, in any case: the words a numeric measure takes.
    const std::string nc = avec("55.7", R"("nc")");
    std::string nr = avec("019900001", "019900002");
    nr.replace(nr.find("1234.56"), 7, R"("NR")");
    const json::lot_jsonl mots = lire(nc + "\n" + nr + "\n");
    REQUIRE(mots.rejets.empty());
    REQUIRE(mots.rapports.size() == 2);
    CHECK(mots.rapports[0].rapport.valeurs()[0][0].etat == etat_valeur::non_concernee);
    CHECK(mots.rapports[1].rapport.valeurs()[0][1].etat == etat_valeur::non_renseignee);
}

TEST_CASE("CAQES-E071 in JSON Lines names the establishment-year when the line gives it once", "[json][jsonl]") {
    const auto detail = [](const std::string& ligne) {
        const json::lot_jsonl l = lire(ligne + "\n");
        REQUIRE(l.rejets.size() == 1);
        CHECK(l.rejets[0].id == regle::cle_en_double);
        CHECK(l.lignes.rejected == 1);
        return l.rejets[0].detail;
    };
    const std::string cle_double = "a key given twice in one object: which one holds would be a guess";
    // A measure given twice, after or before the FINESS and the year: named either way.
    CHECK(detail(avec(R"("taux":55.7,)", R"("taux":55.7,"taux":56,)")) == "019900001 2018: " + cle_double);
    CHECK(detail(avec(R"({"finess")", R"({"valeurs":{},"valeurs":{},"finess")")) == "019900001 2018: " + cle_double);
    // The FINESS or the year given twice: the line is no one's, and the message names no one.
    CHECK(detail(avec(R"("exercice":2018,)", R"("exercice":2018,"exercice":2019,)")) == cle_double);
    CHECK(detail(avec(R"("finess":"019900001",)", R"("finess":"019900001","finess":"019900002",)")) == cle_double);
    // Without a well-formed FINESS or a year as a number, or when the line is no JSON after the
    // key given twice (cut short): no one.
    const auto remplacer = [](std::string s, const std::string& avant, const std::string& apres) {
        s.replace(s.find(avant), avant.size(), apres);
        return s;
    };
    const std::string taux_double = avec(R"("taux":55.7,)", R"("taux":55.7,"taux":56,)");
    CHECK(detail(remplacer(taux_double, "019900001", "01990000X")) == cle_double);
    CHECK(detail(remplacer(taux_double, "2018,", R"("2018",)")) == cle_double);
    CHECK(detail(taux_double.substr(0, taux_double.size() - 3)) == cle_double);
}

TEST_CASE("JSON Lines rejections: rule and file:line#pointer", "[json][jsonl]") {
    refusee(avec(R"("taux":55.7,)", R"("taux":55.7,"taux":56,)"), regle::cle_en_double, "v.jsonl:1#/valeurs/S1/taux");
    refusee(avec("55.7", "5.57e1"), regle::texte_invalide, "v.jsonl:1#/valeurs/S1/taux");
    refusee(avec("55.7", "155"), regle::valeur_hors_domaine, "v.jsonl:1#/valeurs/S1/taux");
    refusee(avec("55.7", R"("oui")"), regle::mesure_mauvaise_nature, "v.jsonl:1#/valeurs/S1/taux");
    // A number is a JSON number, as every amount of the line: written as a string it is refused,
    // not read (a string is a word: NC, NR, oui, non, partiel).
    refusee(avec("55.7", R"("55.7")"), regle::texte_invalide, "v.jsonl:1#/valeurs/S1/taux");
    refusee(avec("1234.56", R"(" 1234.56")"), regle::texte_invalide, "v.jsonl:1#/valeurs/S1/depense");
    refusee(avec("1234.56", R"("n/a")"), regle::texte_invalide, "v.jsonl:1#/valeurs/S1/depense");
    refusee(avec("1234.56", "1234.567"), regle::texte_invalide, "v.jsonl:1#/valeurs/S1/depense");
    refusee(avec(R"(,"depense":1234.56)", ""), regle::indicateur_absent, "v.jsonl:1#/valeurs");
    refusee(avec(R"("S1":)", R"("S9":{},"S1":)"), regle::mesure_inconnue, "v.jsonl:1#/valeurs/S9");
    refusee(avec(R"("taux":55.7)", R"("taux":55.7,"part":1)"), regle::mesure_inconnue, "v.jsonl:1#/valeurs/S1/part");
    refusee(avec("019900001", "01990001"), regle::finess_mal_forme, "v.jsonl:1#/finess");
    refusee(avec("2018", "2016"), regle::exercice_non_couvert, "v.jsonl:1#/exercice");
    refusee(avec("1000000.50", "-1"), regle::valeur_hors_domaine, "v.jsonl:1#/produits_assurance_maladie");
    refusee(avec(R"("nature":"sanction")", R"("nature":"amende")"), regle::decision_hors_issues,
            "v.jsonl:1#/decisions/socle/nature");
    refusee(avec(R"("annee_contrat":1,)", R"("annee_contrat":1,"remarque":"x",)"), regle::texte_invalide,
            "v.jsonl:1#/remarque");
    refusee(avec(R"("socle":-12.30)", R"("bon_usage":1)"), regle::texte_invalide, "v.jsonl:1#/economies/bon_usage");
    refusee(ligne_valide.substr(0, 40), regle::texte_invalide, "v.jsonl:1#");
    refusee(avec("019900001",
                 "01990\xE9"
                 "001"),
            regle::encodage_invalide, "v.jsonl:1#");
    // The parser's message quotes the bytes it last read: a raw tab and a directional override
    // in them are escaped, as in every message, never printed raw.
    {
        const json::lot_jsonl l = lire(
            "{\"finess\":\"\xE2\x80\xAE"
            "ab\tc\"}\n");
        REQUIRE(l.rejets.size() == 1);
        CHECK(l.rejets[0].id == regle::texte_invalide);
        CHECK(outils::contient_texte(l.rejets[0].detail, "\\u202E"));
        CHECK_FALSE(outils::contient_texte(l.rejets[0].detail, "\xE2\x80\xAE"));
        CHECK_FALSE(outils::contient_texte(l.rejets[0].detail, "\t"));
        CHECK_FALSE(csv::invalid_utf8(l.rejets[0].detail).has_value());
    }
    // The decision passes the form, then the library's validate bounds it by the law (1 % of the
    // revenue base per volet, D.162-16 III 1): the same CAQES-E062 as from the CSV.
    refusee(avec(R"("montant":100)", R"("montant":20000)"), regle::decision_hors_la_loi,
            "v.jsonl:1#/decisions/socle/montant");
}

TEST_CASE("JSON Lines activities: the values the reader asks for are those validate requires (regles::valeurs_exigees)",
          "[json][jsonl][activites]") {
    // `grille_texte` with a second socle indicator, for psychiatry only (L.162-22 2).
    std::string texte = grille_texte;
    const std::string fin_s1 = R"("validite": {"debut": "2017-07-01", "fin": "2022-01-01"}})";
    texte.replace(texte.find(fin_s1), fin_s1.size(), fin_s1 + R"(,
       {"id": 2, "code": "P1", "libelle": "psychiatrie", "origine": "illustrative", "applicables": ["psychiatrie"],
        "mesures": [{"code": "taux", "nature": "taux"}], "sens": "plus_haut_est_mieux",
        "objectif": {"mesure": "taux", "valeur": {"nature": "taux", "num": 49, "den": 100}},
        "validite": {"debut": "2017-07-01", "fin": "2022-01-01"}})");
    const auto g = json::lire_grille(texte, "psy.json");
    REQUIRE(g.ok());
    const auto lire_psy = [&g](const std::string& ligne) {
        return json::lire_rapports_jsonl(g.valeur().definition(), g.valeur().parametres().valeur(),
                                         {"v.jsonl", ligne + "\n"});
    };
    const auto avec_activites = [](const std::string& a) {
        return avec(R"("annee_produits":2017,)", R"("annee_produits":2017,"activites":")" + a + "\",");
    };
    SECTION("accepted: an MCO establishment gives no value for the psychiatry indicator, non concerne") {
        // Before, the reader asked for P1 (CAQES-E026) and validate refused its value
        // (CAQES-E035): such an establishment could not be accepted at all.
        const json::lot_jsonl l = lire_psy(avec_activites("mco"));
        INFO(outils::tout(l.rejets));
        REQUIRE(l.rapports.size() == 1);
        CHECK(l.rapports[0].rapport.valeurs()[1][0].etat == etat_valeur::non_concernee);
    }
    SECTION("rejected: an establishment that exercises psychiatry must give it (CAQES-E026)") {
        const json::lot_jsonl l = lire_psy(avec_activites("mco+psychiatrie"));
        REQUIRE(l.rejets.size() == 1);
        CHECK(l.rejets[0].id == regle::indicateur_absent);
        CHECK(l.rejets[0].lieu == "v.jsonl:1#/valeurs");
        CHECK(l.rejets[0].detail == "019900001 2018: missing P1.taux");
    }
    SECTION("rejected: without activities, every activity of the grid's scope, so P1 too (CAQES-E026)") {
        const json::lot_jsonl l = lire_psy(ligne_valide);
        REQUIRE(l.rejets.size() == 1);
        CHECK(l.rejets[0].id == regle::indicateur_absent);
    }
    SECTION("rejected: a value given by an MCO establishment for it (CAQES-E035)") {
        std::string ligne = avec_activites("mco");
        const std::string s1 = R"("S1":{"taux":55.7,"depense":1234.56})";
        ligne.replace(ligne.find(s1), s1.size(), s1 + R"(,"P1":{"taux":50})");
        const json::lot_jsonl l = lire_psy(ligne);
        REQUIRE(l.rejets.size() == 1);
        CHECK(l.rejets[0].id == regle::indicateur_non_applicable);
        CHECK(l.rejets[0].lieu == "v.jsonl:1#/valeurs/P1/taux");
    }
}

TEST_CASE("JSON Lines: an indicator out of force in the exercise is CAQES-E012 at its member, values given or not",
          "[json][jsonl][E012]") {
    // `grille_texte` with S1 in force until the end of 2018 only: 2019 is still in the
    // contracts' effects (indeterminate socle).
    std::string texte = grille_texte;
    const std::string validite = R"("validite": {"debut": "2017-07-01", "fin": "2022-01-01"})";
    texte.replace(texte.find(validite), validite.size(), R"("validite": {"debut": "2017-07-01", "fin": "2019-01-01"})");
    const auto g = json::lire_grille(texte, "exp.json");
    REQUIRE(g.ok());
    const auto lire_exp = [&g](const std::string& ligne) {
        return json::lire_rapports_jsonl(g.valeur().definition(), g.valeur().parametres().valeur(),
                                         {"v.jsonl", ligne + "\n"});
    };
    const std::string en_2019 = avec(R"("exercice":2018)", R"("exercice":2019)");
    SECTION("2018: accepted") {
        const json::lot_jsonl l = lire_exp(ligne_valide);
        INFO(outils::tout(l.rejets));
        CHECK(l.rapports.size() == 1);
    }
    SECTION("2019 with S1's values, then without them: E012 at /valeurs/S1 both times") {
        std::string sans = en_2019;
        const std::string s1 = R"("S1":{"taux":55.7,"depense":1234.56})";
        sans.replace(sans.find(s1), s1.size(), "");
        // S1 given in part: its other measure is not asked for either.
        std::string partiel = en_2019;
        partiel.replace(partiel.find(R"(,"depense":1234.56)"), 18, "");
        for (const std::string& ligne : {en_2019, sans, partiel}) {
            const json::lot_jsonl l = lire_exp(ligne);
            INFO(ligne);
            REQUIRE(l.rejets.size() == 1);
            CHECK(l.rejets[0].id == regle::indicateur_hors_validite);
            CHECK(l.rejets[0].lieu == "v.jsonl:1#/valeurs/S1");
            CHECK(outils::contient_texte(l.rejets[0].detail, "valid [2017-07-01, 2019-01-01), exercise 2019"));
        }
    }
}

TEST_CASE("JSON Lines: a violation of validate about a value or an indicator is located at its member of /valeurs",
          "[json][jsonl]") {
    // Two socle indicators whose codes hold the characters validate's locations are made of.
    std::string texte = grille_texte;
    const std::string s1 = R"("code": "S1")";
    texte.replace(texte.find(s1), s1.size(), R"("code": "A/B~C), (id 9, X).y")");
    const auto g = json::lire_grille(texte, "codes.json");
    REQUIRE(g.ok());
    const modele_contrat_def& m = g.valeur().definition();
    const std::string nom = "volets[0] (volet_socle).grille[0] (id 1, A/B~C), (id 9, X).y)";
    const std::string code = "/valeurs/A~1B~0C), (id 9, X).y";
    const auto pointeur = [&m](regle r, const std::string& lieu, const std::string& detail = "d") {
        return json::detail::pointeur_rapport(m, violation{r, lieu, detail}, {}, false);
    };
    CHECK(pointeur(regle::indicateur_non_applicable, nom + ".taux") == code + "/taux");
    CHECK(pointeur(regle::indicateur_hors_validite, nom) == code);
    CHECK(pointeur(regle::volet_hors_terme, "rapport.valeurs[3] (A/B~C), (id 9, X).y)") == code);
    // The template's or the instance's own E012 (a start day; no detail) is no value's: the root.
    CHECK(pointeur(regle::indicateur_hors_validite, nom, "").empty());
    // Another rule, or a place that is no indicator of the template: the root, as before.
    CHECK(pointeur(regle::origine_sans_source, nom).empty());
    CHECK(pointeur(regle::indicateur_non_applicable, "volets[0] (volet_socle)").empty());
    CHECK(pointeur(regle::indicateur_non_applicable, nom + ".").empty());
    CHECK(pointeur(regle::indicateur_non_applicable, nom + "x").empty());
    CHECK(pointeur(regle::indicateur_non_applicable, "volets[0] (volet_socle).grille[0] (id 1, S1).taux").empty());
    CHECK(pointeur(regle::volet_hors_terme, "rapport.valeurs[0").empty());
    CHECK(pointeur(regle::volet_hors_terme, "rapport.exercice").empty());
}

TEST_CASE("JSON Lines CAQES-E022: the detail says what is wrong with the FINESS, as the CSV reader's",
          "[json][jsonl]") {
    struct cas {
        std::string finess;  // as written in the line, quotes included for a string
        std::string detail;
    };
    const std::array<cas, 9> cas_{{
        {R"("75990012X")", R"("75990012X": character 9 is not a digit: a FINESS number is nine characters)"},
        {R"("2C9900001")", R"("2C9900001": "2C" is no department code)"},
        {R"("7599001")", R"("7599001" is 7 characters long: a FINESS number is nine characters)"},
        // A character, not a byte: U+00E9 is two bytes of the line.
        {"\"75990001\xC3\xA9\"", "\"75990001\xC3\xA9\": character 9 is not a digit"},
        {"\"7599\xC3\xA9"
         "0012\"",
         "\"7599\xC3\xA9"
         "0012\": character 5 is not a digit"},
        {"\"75990001\xC3\xA9X\"", "is 10 characters long"},
        {"759900012", "759900012 is not a JSON string: a FINESS number is written as a string"},
        {"{}", "an object is not a JSON string"},
        {"[\"759900012\"]", "an array is not a JSON string"},
    }};
    for (const cas& c : cas_) {
        INFO(c.finess);
        const json::lot_jsonl l = lire(avec(R"("019900001")", c.finess) + "\n");
        REQUIRE(l.rejets.size() == 1);
        CHECK(l.rejets[0].id == regle::finess_mal_forme);
        CHECK(l.rejets[0].lieu == "v.jsonl:1#/finess");
        CHECK(l.rejets[0].detail.find(c.detail) != std::string::npos);
        CHECK(l.rejets[0].detail.find("is not nine characters") == std::string::npos);
    }
}

TEST_CASE("JSON Lines: a decision's nature is read in any case, blanks aside, as the CSV cell is", "[json][jsonl]") {
    // csv::detail::nature_du_mot, shared with the CSV reader: a CSV batch and its JSON Lines twin
    // (tools/csv_to_jsonl.py keeps the cell as written) accept the same decisions.
    for (const std::string mot : {"sanction", "Sanction", " SANCTION "}) {
        INFO(mot);
        const json::lot_jsonl l = lire(avec(R"("nature":"sanction")", concat(R"("nature":")", mot, "\"")) + "\n");
        INFO(outils::tout(l.rejets));
        REQUIRE(l.rejets.empty());
        REQUIRE(l.rapports.size() == 1);
        const auto d = l.rapports[0].rapport.decisions();
        REQUIRE(d.size() == 1);
        CHECK(d[0].d.nature == issue_legale::sanction_volet);
        CHECK(d[0].d.montant == centimes{10000});
    }
    // A word that names no nature is still refused, at its member.
    refusee(avec(R"("nature":"sanction")", R"("nature":"sanctions")"), regle::decision_hors_issues,
            "v.jsonl:1#/decisions/socle/nature");
}

TEST_CASE(
    "JSON Lines: the accepted lines' decisions may not total past 64-bit cents, a rejected line's count in no "
    "total (CAQES-E040)",
    "[json][jsonl]") {
    // The CSV reader's control total of the accepted decisions (csv.cpp, the same cases), kept by
    // this reader too: no total of the accepted decisions can overflow, whichever file gave them.
    const std::string max = "92233720368547758.07";
    const std::string finess_1 = "019900001";
    const auto ligne = [&](int i, const std::string& revenu, const std::string& decision) {
        std::string l = avec(R"("montant":100)", concat(R"("montant":)", decision));
        l.replace(l.find("1000000.50"), 10, revenu);
        const std::string numero = std::to_string(i);
        l.replace(l.find(finess_1), 9, "019900" + std::string(3 - numero.size(), '0') + numero);
        return l;
    };
    SECTION("two decisions at INT64_MAX cents: each breaks the law, the first counts in no total") {
        const json::lot_jsonl l = lire(ligne(1, "1000000.50", max) + "\n" + ligne(2, "1000000.50", max) + "\n");
        INFO(outils::tout(l.rejets));
        REQUIRE(l.rejets.size() == 2);
        // Each passes the reader and breaks the law: 1 % of the revenue base (CAQES-E062).
        for (std::size_t i = 0; i < 2; ++i) {
            CHECK(l.rejets[i].id == regle::decision_hors_la_loi);
            CHECK(l.rejets[i].lieu == concat("v.jsonl:", std::to_string(i + 1), "#/decisions/socle/montant"));
        }
        CHECK(l.rapports.empty());
        CHECK(l.lignes.balanced());
        // A valid decision after the rejected one, at 1 % of a revenue of INT64_MAX cents, is
        // accepted: with a total of every amount read, the two would have crossed 64-bit cents.
        const json::lot_jsonl apres =
            lire(ligne(1, "1000000.50", max) + "\n" + ligne(2, max, "922337203685477.58") + "\n");
        INFO(outils::tout(apres.rejets));
        REQUIRE(apres.rejets.size() == 1);
        CHECK(apres.rejets[0].id == regle::decision_hors_la_loi);
        REQUIRE(apres.rapports.size() == 1);
        CHECK(apres.rapports[0].finess == "019900002");
    }
    SECTION("decisions within the law whose total would leave 64-bit cents: CAQES-E040 at the one that crosses") {
        // Revenue INT64_MAX cents: 1 % of it (D.162-16 III 1) is 92233720368547758 cents. 100
        // lines decide that: 9223372036854775800 cents, 7 below INT64_MAX. The 101st decides 8
        // cents and is refused; the 102nd decides 7, and the total is exactly INT64_MAX.
        std::string texte;
        for (int i = 1; i <= 100; ++i)
            texte += ligne(i, max, "922337203685477.58") + "\n";
        texte += ligne(101, max, "0.08") + "\n" + ligne(102, max, "0.07") + "\n";
        const json::lot_jsonl l = lire(texte);
        INFO(outils::tout(l.rejets));
        REQUIRE(l.rejets.size() == 1);
        CHECK(l.rejets[0].id == regle::depassement_capacite);
        CHECK(l.rejets[0].lieu == "v.jsonl:101#/decisions/socle/montant");
        CHECK(l.rejets[0].detail ==
              "019900101 2018: rapport.decisions[0] (volet_socle).montant: 0.08 EUR brings the total of the accepted "
              "decisions past 92233720368547758.07 EUR (64-bit cents): 100 decisions accepted before it total "
              "92233720368547758.00 EUR; no total of the decisions could be exact");
        REQUIRE(l.rapports.size() == 101);
        CHECK(l.rapports.back().finess == "019900102");
        CHECK(l.lignes.balanced());
        CHECK(outils::total_decide(l.rapports) == centimes{std::numeric_limits<std::int64_t>::max()});
    }
}

TEST_CASE("JSON Lines: a second line for the same establishment-year is rejected, the first stands", "[json][jsonl]") {
    const json::lot_jsonl l = lire(ligne_valide + "\n" + ligne_valide + "\n");
    REQUIRE(l.rapports.size() == 1);
    REQUIRE(l.rejets.size() == 1);
    CHECK(l.rejets[0].id == regle::texte_invalide);
    CHECK(l.rejets[0].lieu == "v.jsonl:2#/finess");
    CHECK(l.rejets[0].detail == "019900001 2018: duplicate of line 1");
    CHECK(l.lignes.balanced());
    CHECK(json::status(l) == csv::exit_status::some_rejected);
    // A first line rejected for one of its fields still holds its establishment-year: the second
    // is a duplicate, not evaluated in its place.
    const json::lot_jsonl apres_rejet =
        lire(avec("1000000.50", "100.001") + "\n" + ligne_valide + "\n" + avec("019900001", "019900002") + "\n");
    INFO(outils::tout(apres_rejet.rejets));
    REQUIRE(apres_rejet.rapports.size() == 1);
    CHECK(apres_rejet.rapports[0].finess == "019900002");
    REQUIRE(apres_rejet.rejets.size() == 2);
    CHECK(apres_rejet.rejets[0].lieu == "v.jsonl:1#/produits_assurance_maladie");
    CHECK(apres_rejet.rejets[1].lieu == "v.jsonl:2#/finess");
    CHECK(apres_rejet.rejets[1].detail == "019900001 2018: duplicate of line 1");
    CHECK(apres_rejet.lignes.balanced());
}

TEST_CASE("JSON Lines: an empty file is unusable", "[json][jsonl]") {
    const json::lot_jsonl l = lire("\n\n");
    CHECK(l.rapports.empty());
    REQUIRE(l.rejets.size() == 1);
    CHECK(l.rejets[0].id == regle::fichier_inutilisable);
    CHECK(json::status(l) == csv::exit_status::unusable_input);
}

namespace {
// `ligne_valide` with `membre` added after its "annee_produits".
std::string avec_membre(const std::string& membre) {
    return avec(R"("annee_produits":2017,)", R"("annee_produits":2017,)" + membre + ",");
}

const std::string contrat_valide =
    R"("contrat":{"ars":"ARS Ain","organisme_local":"CPAM 01","representant_legal":"Directeur",)"
    R"("reception_proposition":"2017-08-01","signature":"2017-08-15","debut_effet":"2017-09-01"})";

// `ligne_valide` in its second contract year, with `contrat_valide` where `avant` is `apres`.
std::string avec_contrat(const std::string& avant = {}, const std::string& apres = {}) {
    std::string c = contrat_valide;
    if (!avant.empty()) {
        const std::size_t k = c.find(avant);
        REQUIRE(k != std::string::npos);
        c.replace(k, avant.size(), apres);
    }
    std::string l = avec_membre(c);
    const std::string un = R"("annee_contrat":1,)";
    l.replace(l.find(un), un.size(), R"("annee_contrat":2,)");
    return l;
}
}  // namespace

TEST_CASE("JSON Lines contract: read and validated as a row of the contracts file", "[json][jsonl][contrat]") {
    SECTION("accepted: the report is validated against its instance (contract year 2 in 2018)") {
        const json::lot_jsonl sans = lire(ligne_valide + "\n");
        REQUIRE(sans.rapports.size() == 1);
        CHECK_FALSE(sans.rapports[0].rapport.avec_instance());
        CHECK(sans.rapports[0].ligne_contrat == 0);
        const json::lot_jsonl c = lire(avec_contrat() + "\n");
        INFO(outils::tout(c.rejets));
        REQUIRE(c.rapports.size() == 1);
        CHECK(c.rapports[0].rapport.avec_instance());
        CHECK(c.rapports[0].ligne_contrat == 1);
    }
    SECTION("rejected, each at its member, with the CSV's rule") {
        refusee(avec_membre(contrat_valide), regle::annee_contrat_incoherente, "v.jsonl:1#/annee_contrat");
        refusee(avec_contrat(R"("ars":"ARS Ain")", R"("ars":"")"), regle::partie_absente, "v.jsonl:1#/contrat/ars");
        // Blanks alone name no party, as in the CSV column.
        refusee(avec_contrat(R"("ars":"ARS Ain")", R"("ars":"  ")"), regle::partie_absente, "v.jsonl:1#/contrat/ars");
        refusee(avec_contrat(R"("ars":"ARS Ain",)", ""), regle::texte_invalide, "v.jsonl:1#/contrat");
        refusee(avec_contrat("2017-08-15", "2017-07-15"), regle::date_hors_fenetre, "v.jsonl:1#/contrat/signature");
        refusee(avec_contrat("2017-09-01", "2017-02-30"), regle::date_inexistante, "v.jsonl:1#/contrat/debut_effet");
        refusee(avec_contrat("2017-09-01", "1er septembre"), regle::texte_invalide, "v.jsonl:1#/contrat/debut_effet");
        refusee(avec_contrat(R"("2017-09-01")", R"("2017-09-01","avenants":{"transports":"2018-01-01"})"),
                regle::texte_invalide, "v.jsonl:1#/contrat/avenants/transports");
        refusee(avec_contrat(R"("2017-09-01")", R"("2017-09-01","remarque":"x")"), regle::texte_invalide,
                "v.jsonl:1#/contrat/remarque");
    }
}

TEST_CASE("JSON Lines decisions set as a rate: taux and duree_mois, by the CSV's checks", "[json][jsonl][taux]") {
    const std::string decision = R"("nature":"sanction","montant":100)";
    auto taux = [&](const std::string& d) { return avec(decision, d); };
    // A line with the establishment's liste en sus share, the base of the 2017 cut.
    auto avec_part = [](std::string l, const std::string& part) {
        const std::string cle = R"("annee_produits":2017,)";
        return l.insert(l.find(cle) + cle.size(), R"("part_liste_en_sus":)" + part + ",");
    };
    const std::string coupe = R"("nature":"reduction_liste_en_sus","montant":5000,"taux":10,"duree_mois":12)";
    SECTION("accepted: a 10 % reduction for 12 months") {
        const json::lot_jsonl l = lire(avec_part(taux(coupe), "50000") + "\n");
        INFO(outils::tout(l.rejets));
        REQUIRE(l.rapports.size() == 1);
        const auto d = l.rapports[0].rapport.decisions();
        REQUIRE(d.size() == 1);
        CHECK(d[0].d.taux == fraction{1, 10});
        CHECK(d[0].d.duree_mois == 12);
        CHECK(d[0].d.montant == centimes{500'000});
    }
    SECTION("its estimated amount is the user's, not bounded by a year's share, as from the CSV") {
        // The law caps the rate; the amount over the decided months is shown, with a share or not.
        std::string sans_part = taux(coupe);
        sans_part.replace(sans_part.find("019900001"), 9, "019900002");
        const json::lot_jsonl l = lire(avec_part(taux(coupe), "16666.66") + "\n" + sans_part + "\n");
        INFO(outils::tout(l.rejets));
        CHECK(l.rapports.size() == 2);
    }
    SECTION("rejected, at the member the CSV's column is") {
        refusee(taux(R"("nature":"reduction_liste_en_sus","montant":5000,"taux":35,"duree_mois":12)"),
                regle::decision_hors_la_loi, "v.jsonl:1#/decisions/socle/taux");
        refusee(taux(R"("nature":"reduction_liste_en_sus","montant":5000,"taux":10)"), regle::decision_hors_issues,
                "v.jsonl:1#/decisions/socle/duree_mois");
        refusee(taux(R"("nature":"reduction_liste_en_sus","montant":5000)"), regle::decision_hors_issues,
                "v.jsonl:1#/decisions/socle/taux");
        refusee(taux(R"("nature":"reduction_liste_en_sus","montant":5000,"taux":10,"duree_mois":0)"),
                regle::valeur_hors_domaine, "v.jsonl:1#/decisions/socle/duree_mois");
        refusee(taux(R"("nature":"reduction_liste_en_sus","montant":5000,"taux":"10","duree_mois":12)"),
                regle::texte_invalide, "v.jsonl:1#/decisions/socle/taux");
    }
}

TEST_CASE("JSON Lines L.162-30-4 data: six members, all or none, by the CSV's checks", "[json][jsonl][l162_30_4]") {
    const std::string donnees =
        R"("l162_30_4":{"saisine":"2018-03-01","actes_realises":1200,"actes_cible":900,)"
        R"("actes_annee_precedente":1000,"tarif_national_moyen":350.50,"part_liste_en_sus":12})";
    SECTION("accepted: all six, carried into the validated report") {
        const json::lot_jsonl l = lire(avec_membre(donnees) + "\n");
        INFO(outils::tout(l.rejets));
        REQUIRE(l.rapports.size() == 1);
        const std::optional<donnees_l162_30_4>& d = l.rapports[0].rapport.l162_30_4();
        REQUIRE(d.has_value());
        CHECK(d->saisine == ymd{2018, 3, 1});
        CHECK(d->actes_realises == 1200);
        CHECK(d->actes_cible == 900);
        CHECK(d->actes_annee_precedente == 1000);
        CHECK(d->tarif_national_moyen == centimes{35'050});
        CHECK(d->part_liste_en_sus == centimes{1'200});
        const json::lot_jsonl vide = lire(avec_membre(R"("l162_30_4":{})") + "\n");
        REQUIRE(vide.rapports.size() == 1);
        CHECK_FALSE(vide.rapports[0].rapport.l162_30_4().has_value());
    }
    SECTION("rejected, at the member") {
        auto sauf = [&](const std::string& avant, const std::string& apres) {
            std::string d = donnees;
            d.replace(d.find(avant), avant.size(), apres);
            return avec_membre(d);
        };
        refusee(sauf(R"("actes_cible":900,)", ""), regle::indicateur_absent, "v.jsonl:1#/l162_30_4/actes_cible");
        refusee(sauf("1200", "-5"), regle::valeur_hors_domaine, "v.jsonl:1#/l162_30_4/actes_realises");
        refusee(sauf(R"("2018-03-01")", "20180301"), regle::texte_invalide, "v.jsonl:1#/l162_30_4/saisine");
        refusee(sauf("350.50", "350.505"), regle::texte_invalide, "v.jsonl:1#/l162_30_4/tarif_national_moyen");
        refusee(sauf(R"("part_liste_en_sus":12)", R"("part_liste_en_sus":12,"x":1)"), regle::texte_invalide,
                "v.jsonl:1#/l162_30_4/x");
    }
}

TEST_CASE("JSON Lines bases of the establishment: part_liste_en_sus and base_penalite, by the CSV's checks",
          "[json][jsonl][bases]") {
    SECTION("accepted: in euros, carried into the validated report; absent or null: not given") {
        const json::lot_jsonl l = lire(avec_membre(R"("part_liste_en_sus":2000000.10,"base_penalite":5000)") + "\n");
        INFO(outils::tout(l.rejets));
        REQUIRE(l.rapports.size() == 1);
        CHECK(l.rapports[0].rapport.part_liste_en_sus() == centimes{200'000'010});
        CHECK(l.rapports[0].rapport.base_penalite() == centimes{500'000});
        const json::lot_jsonl nul = lire(avec_membre(R"("part_liste_en_sus":null)") + "\n");
        REQUIRE(nul.rapports.size() == 1);
        CHECK_FALSE(nul.rapports[0].rapport.part_liste_en_sus().has_value());
        CHECK_FALSE(nul.rapports[0].rapport.base_penalite().has_value());
    }
    SECTION("rejected, at the member") {
        refusee(avec_membre(R"("part_liste_en_sus":-1)"), regle::valeur_hors_domaine, "v.jsonl:1#/part_liste_en_sus");
        refusee(avec_membre(R"("base_penalite":"5000")"), regle::texte_invalide, "v.jsonl:1#/base_penalite");
        refusee(avec_membre(R"("base_penalite":0.001)"), regle::texte_invalide, "v.jsonl:1#/base_penalite");
    }
}

TEST_CASE("JSON Lines date_evaluation: the evaluation's day, by the CSV's checks", "[json][jsonl][date_evaluation]") {
    SECTION("accepted: carried into the validated report; absent or null: not given") {
        const json::lot_jsonl l = lire(avec_membre(R"("date_evaluation":"2019-06-01")") + "\n");
        INFO(outils::tout(l.rejets));
        REQUIRE(l.rapports.size() == 1);
        CHECK(l.rapports[0].rapport.date_evaluation() == ymd{2019, 6, 1});
        const json::lot_jsonl nul = lire(avec_membre(R"("date_evaluation":null)") + "\n");
        REQUIRE(nul.rapports.size() == 1);
        CHECK(nul.rapports[0].rapport.date_evaluation() == ymd{});
    }
    SECTION("rejected, at the member") {
        refusee(avec_membre(R"("date_evaluation":"2019-02-30")"), regle::date_inexistante,
                "v.jsonl:1#/date_evaluation");
        refusee(avec_membre(R"("date_evaluation":20190601)"), regle::texte_invalide, "v.jsonl:1#/date_evaluation");
        // Exercise 2018 had not begun (CAQES-E028); its first day is accepted.
        const std::string veille = R"("annee_produits":2016,"date_evaluation":"2017-12-31",)";
        refusee(avec(R"("annee_produits":2017,)", veille), regle::valeur_hors_domaine, "v.jsonl:1#/date_evaluation");
        const json::lot_jsonl premier =
            lire(avec(R"("annee_produits":2017,)", R"("annee_produits":2017,"date_evaluation":"2018-01-01",)") + "\n");
        INFO(outils::tout(premier.rejets));
        CHECK(premier.rapports.size() == 1);
    }
}

TEST_CASE("JSON Lines contract time: a volet brought in by an avenant is not reported on before it",
          "[json][jsonl][contrat][avenant]") {
    // The socle of `grille_texte`, and a transports volet of three years that the contract below
    // brings in by an avenant of 2019-01-01 (D.162-15): not in force in 2018.
    std::string deux_volets = grille_texte;
    const std::string fin = "\n  ]\n}";
    REQUIRE(deux_volets.ends_with(fin));
    deux_volets.insert(deux_volets.size() - fin.size(), R"(,
    {"volet": "volet_transports", "terme": {"annees": 3}, "clauses": ["sanction"],
     "grille": [
       {"id": 2, "code": "T1", "libelle": "transports", "origine": "illustrative",
        "mesures": [{"code": "taux", "nature": "taux"}], "sens": "plus_haut_est_mieux",
        "objectif": {"mesure": "taux", "valeur": {"nature": "taux", "num": 49, "den": 100}},
        "validite": {"debut": "2017-07-01", "fin": "2022-01-01"}}
     ]})");
    const auto g = json::lire_grille(deux_volets, "deux.json");
    INFO(outils::tout(g.erreurs()));
    REQUIRE(g.ok());
    auto lire_deux = [&](const std::string& texte) {
        return json::lire_rapports_jsonl(g.valeur().definition(), g.valeur().parametres().valeur(),
                                         {"v.jsonl", texte + "\n"});
    };
    const std::string avec_avenant =
        avec_contrat(R"("2017-09-01")", R"("2017-09-01","avenants":{"transports":"2019-01-01"})");
    SECTION("2018 without transports values: accepted, the volet not evaluated") {
        const json::lot_jsonl l = lire_deux(avec_avenant);
        INFO(outils::tout(l.rejets));
        REQUIRE(l.rapports.size() == 1);
        CHECK(l.rapports[0].rapport.avec_instance());
    }
    SECTION("2018 with transports values: CAQES-E060, the line rejected") {
        std::string ligne = avec_avenant;
        const std::string s1 = R"("S1":{)";
        ligne.insert(ligne.find(s1), R"("T1":{"taux":50},)");
        const json::lot_jsonl l = lire_deux(ligne);
        CHECK(l.rapports.empty());
        REQUIRE_FALSE(l.rejets.empty());
        CHECK(l.rejets[0].id == regle::volet_hors_terme);
        // At the indicator's member, as validate names its entry ("rapport.valeurs[0] (T1)"; it
        // was the line's root, "v.jsonl:1#", before).
        CHECK(l.rejets[0].lieu == "v.jsonl:1#/valeurs/T1");
    }
    SECTION("without the contract, transports is required: CAQES-E026") {
        const json::lot_jsonl l = lire_deux(ligne_valide);
        CHECK(l.rapports.empty());
        REQUIRE(l.rejets.size() == 1);
        CHECK(l.rejets[0].id == regle::indicateur_absent);
        CHECK(l.rejets[0].lieu == "v.jsonl:1#/valeurs");
    }
}

namespace {
// A second establishment-year.
std::string ligne_2() { return avec("019900001", "019900002"); }

// A stream buffer over a text whose `underflow` throws (as a failing disk does: the stream turns
// it into `bad()`) once `echec` bytes were given.
class flux_defaillant : public std::streambuf {
  public:
    flux_defaillant(std::string texte, std::size_t echec) : texte_{std::move(texte)}, echec_{echec} {
        setg(texte_.data(), texte_.data(), texte_.data() + std::min(echec_, texte_.size()));
    }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (echec_ < texte_.size()) throw std::runtime_error("disk error");
        return traits_type::eof();
    }

  private:
    std::string texte_;
    std::size_t echec_;
};

json::lot_jsonl lire_flux(std::istream& in, const csv::options_lecture& o = {}) {
    static const auto g = json::lire_grille(grille_texte, "essai.json");
    REQUIRE(g.ok());
    json::lot_jsonl lot{};
    lot.lignes = json::lire_rapports_jsonl_flux(
        g.valeur().definition(), g.valeur().parametres().valeur(), {"v.jsonl", {}, &in}, o,
        [&lot](csv::rapport_lu&& r, std::uint64_t) { lot.rapports.push_back(std::move(r)); },
        [&lot](violation&& v) { lot.rejets.push_back(std::move(v)); });
    return lot;
}
}  // namespace

TEST_CASE("JSON Lines streamed: a stream reads as the text, line by line through a fixed buffer",
          "[json][jsonl][flux]") {
    SECTION("accepted: the same reports and reconciliation as the text") {
        const std::string texte = "\xEF\xBB\xBF" + ligne_valide + "\r\n\n" + ligne_2();  // no LF at the end
        std::istringstream in{texte};
        const json::lot_jsonl flux = lire_flux(in);
        const json::lot_jsonl tout = lire(texte);
        INFO(outils::tout(flux.rejets));
        CHECK(flux.rejets.empty());
        REQUIRE(flux.rapports.size() == 2);
        CHECK(flux.rapports[1].finess == "019900002");
        CHECK(flux.rapports[1].ligne_valeurs == 3);
        CHECK(flux.rapports.size() == tout.rapports.size());
        CHECK(flux.lignes.lines == 3);
        CHECK(flux.lignes.blank == 1);
        CHECK(flux.lignes.lines == tout.lignes.lines);
        CHECK(flux.lignes.balanced());
        CHECK(json::status(flux) == csv::exit_status::accepted);
    }
    SECTION("rejected: a line longer than the buffer is one rejected line, its bytes skipped, never held") {
        csv::options_lecture o{};
        o.lignes.ligne_max = 1024;
        const std::string longue = "{\"finess\":\"" + std::string(1'000'000, '0') + "\"}";
        std::istringstream in{ligne_valide + "\n" + longue + "\n" + ligne_2() + "\n"};
        const json::lot_jsonl lot = lire_flux(in, o);
        REQUIRE(lot.rejets.size() == 1);
        CHECK(lot.rejets[0].id == regle::texte_invalide);
        CHECK(lot.rejets[0].lieu == "v.jsonl:2#");
        CHECK(lot.rejets[0].detail == "line longer than the reader's limit (limites::ligne_max, 64 KiB by default)");
        CHECK(lot.rapports.size() == 2);
        CHECK(lot.lignes.lines == 3);
        CHECK(lot.lignes.rejected == 1);
        CHECK(lot.lignes.balanced());
        // The memory the lines take is the buffer, whatever the file: ligne_max + 2 bytes.
        std::istringstream encore{longue + "\n" + ligne_valide};
        json::detail::lecteur_lignes lignes{encore, o.lignes};
        std::string_view l;
        bool trop_longue = false;
        REQUIRE(lignes.suivante(l, trop_longue));
        CHECK(trop_longue);
        REQUIRE(lignes.suivante(l, trop_longue));
        CHECK_FALSE(trop_longue);
        CHECK(l == ligne_valide);
        CHECK(lignes.tampon() == 1026);
        CHECK_FALSE(lignes.suivante(l, trop_longue));
    }
}

TEST_CASE("JSON Lines streamed: past the maximum of establishment-years, the rest is refused, located",
          "[json][jsonl][flux]") {
    const std::string texte = ligne_valide + "\n" + ligne_2() + "\n" + avec("019900001", "019900003") + "\n" +
                              avec("019900001", "019900004") + "\n";
    csv::options_lecture o{};
    SECTION("accepted: at the maximum") {
        o.etablissements_annees_max = 4;
        std::istringstream in{texte};
        const json::lot_jsonl lot = lire_flux(in, o);
        CHECK(lot.rejets.empty());
        CHECK(lot.rapports.size() == 4);
    }
    SECTION("rejected: past it") {
        o.etablissements_annees_max = 2;
        std::istringstream in{texte};
        const json::lot_jsonl lot = lire_flux(in, o);
        REQUIRE(lot.rejets.size() == 1);
        CHECK(lot.rejets[0].id == regle::fichier_inutilisable);
        CHECK(lot.rejets[0].lieu == "v.jsonl:3");
        CHECK(lot.rejets[0].detail ==
              "019900003 2018 is establishment-year number 3, past the maximum of 2 held at once "
              "(options_lecture::etablissements_annees_max); this line and the 1 after it (to line 4) are rejected "
              "unread: split the file, or raise the maximum if the memory allows");
        CHECK(lot.rapports.size() == 2);
        CHECK(lot.lignes.rejected == 2);
        CHECK(lot.lignes.balanced());
        CHECK(json::status(lot) == csv::exit_status::unusable_input);
    }
}

TEST_CASE("JSON Lines streamed: a read error is never silent", "[json][jsonl][flux]") {
    const std::string texte = ligne_valide + "\n" + ligne_2() + "\n";
    SECTION("accepted: a stream that does not fail") {
        flux_defaillant b{texte, std::numeric_limits<std::size_t>::max()};
        std::istream in{&b};
        const json::lot_jsonl lot = lire_flux(in);
        CHECK(lot.rejets.empty());
        CHECK(lot.rapports.size() == 2);
        CHECK(lot.lignes.balanced());
    }
    SECTION("rejected: the first read fails; the file is unusable, its reconciliation not OK") {
        flux_defaillant b{texte, texte.size() / 2};
        std::istream in{&b};
        const json::lot_jsonl lot = lire_flux(in);
        REQUIRE(lot.rejets.size() == 1);
        CHECK(lot.rejets[0].id == regle::fichier_inutilisable);
        CHECK(lot.rejets[0].lieu == "v.jsonl:1");
        CHECK(lot.rejets[0].detail ==
              "read error: the stream failed after line 0 (an I/O error), before the end of the file; the rest of the "
              "file is not read, and the file's reconciliation does not balance; read the file again once it can be "
              "read whole");
        CHECK(lot.rapports.empty());
        REQUIRE(lot.lignes.unread);
        CHECK_FALSE(lot.lignes.balanced());
        CHECK(lot.lignes.counts_agree());
        CHECK(json::status(lot) == csv::exit_status::unusable_input);
    }
}
