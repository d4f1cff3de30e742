// Yearly reports as JSON Lines (caqes/io/json/valeurs.hpp): one establishment-year a line, read
// with the CSV reader's number and value rules and the library's validate; each rejection
// located by file, line and JSON pointer, with the rule id a CSV row would get. Built into
// caqes_json_tests, only when caqes::json exists.
#include "outils.hpp"

#include <caqes/io/json/grille.hpp>
#include <caqes/io/json/valeurs.hpp>

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
    {"volet": "volet_socle", "terme": {"indeterminee": true}, "clauses": ["sanction"],
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
    return json::lire_rapports_jsonl(g.valeur().definition(), g.valeur().parametres(), {"v.jsonl", texte});
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
}

TEST_CASE("JSON Lines rejections: rule and file:line#pointer", "[json][jsonl]") {
    refusee(avec(R"("taux":55.7,)", R"("taux":55.7,"taux":56,)"), regle::cle_en_double, "v.jsonl:1#/valeurs/S1/taux");
    refusee(avec("55.7", "5.57e1"), regle::texte_invalide, "v.jsonl:1#/valeurs/S1/taux");
    refusee(avec("55.7", "155"), regle::valeur_hors_domaine, "v.jsonl:1#/valeurs/S1/taux");
    refusee(avec("55.7", R"("oui")"), regle::mesure_mauvaise_nature, "v.jsonl:1#/valeurs/S1/taux");
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
    // The decision passes the form, then the library's validate bounds it by the law (1 % of the
    // revenue base per volet, D.162-16 III 1): the same CAQES-E062 as from the CSV.
    refusee(avec(R"("montant":100)", R"("montant":20000)"), regle::decision_hors_la_loi, "v.jsonl:1#");
}

TEST_CASE("JSON Lines: a second line for the same establishment-year is rejected, the first stands", "[json][jsonl]") {
    const json::lot_jsonl l = lire(ligne_valide + "\n" + ligne_valide + "\n");
    REQUIRE(l.rapports.size() == 1);
    REQUIRE(l.rejets.size() == 1);
    CHECK(l.rejets[0].id == regle::texte_invalide);
    CHECK(l.rejets[0].lieu == "v.jsonl:2#/finess");
    CHECK(l.rejets[0].detail == "duplicate of line 1 for 019900001 2018");
    CHECK(l.lignes.balanced());
    CHECK(json::status(l) == csv::exit_status::some_rejected);
}

TEST_CASE("JSON Lines: an empty file is unusable", "[json][jsonl]") {
    const json::lot_jsonl l = lire("\n\n");
    CHECK(l.rapports.empty());
    REQUIRE(l.rejets.size() == 1);
    CHECK(l.rejets[0].id == regle::fichier_inutilisable);
    CHECK(json::status(l) == csv::exit_status::unusable_input);
}
