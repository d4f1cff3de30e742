// JSON output of an evaluation (caqes/io/json/trace.hpp, schema caqes.evaluation/1).
// Built into caqes_json_tests, only when caqes::json exists.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <caqes/io/json/trace.hpp>

#include <limits>
#include <span>
#include <sstream>

using namespace caqes;

namespace {

struct lot_essai {
    std::vector<valeurs_indicateur> valeurs = evalmod::tout_atteint(evalmod::def_2017);
    json::evaluation_etablissement e{};
};

}  // namespace

TEST_CASE("json: fractions are exact {num, den} with an informative decimal string", "[json]") {
    const nlohmann::json f = json::fraction_json({2, 6});
    CHECK(f["num"].get<std::int64_t>() == 1);
    CHECK(f["den"].get<std::int64_t>() == 3);
    CHECK(f["decimal"].get<std::string>() == "0.333333");
    CHECK(f["num"].is_number_integer());
    const nlohmann::json g = json::fraction_json({3'000'000'001, 300'000'000'107});
    CHECK(g["num"].get<std::int64_t>() == 3'000'000'001);
    CHECK(g["den"].get<std::int64_t>() == 300'000'000'107);
    CHECK(g["decimal"] == "0.009999");  // truncated, never rounded up
    CHECK(json::fraction_json({-7, 2})["decimal"] == "-3.5");
    CHECK(json::fraction_json({5, 1})["decimal"] == "5");
}

TEST_CASE("json: a traced evaluation serialises lines, proposals, articles and decisions", "[json]") {
    std::vector<valeurs_indicateur> v = evalmod::rien_atteint(evalmod::def_2017);
    v[1] = evalmod::echelle_de(echelle_partiel);
    evalmod::rapport_essai r(evalmod::def_2017, 2018, v, evalmod::base_80m);
    r.decisions = {evalmod::decision(volet_id::volet_socle, issue_legale::sanction_volet, centimes{12'345})};
    caqes::trace t;
    const resultat_evaluation res =
        evaluateur<evalmod::def_2017>::evaluer(evalmod::valide<evalmod::def_2017>(r), {}, t);

    const nlohmann::json d = json::document(res, &t);
    CHECK(d["schema"] == "caqes.evaluation/1");
    const nlohmann::json& e = d["evaluations"][0];
    REQUIRE(e["trace"].size() == nombre_indicateurs(evalmod::def_2017));
    const nlohmann::json& l0 = e["trace"][0];
    CHECK(l0["volet"] == 0);
    CHECK(l0["id"] == 1);
    CHECK(l0["code"] == "ILL-S1");
    CHECK(l0["origine"] == "illustrative");
    CHECK(l0["illustratif"] == true);
    CHECK(l0["statut"] == "non_atteint");
    CHECK(l0["cible"]["valeur"]["num"] == 49);
    CHECK(l0["cible"]["valeur"]["den"] == 100);
    CHECK(l0["valeur"]["etat"] == "renseignee");
    // Every measure, named by its code: this indicator has one, the value that decided.
    REQUIRE(l0["valeurs"].size() == 1);
    CHECK(l0["valeurs"][0]["mesure"] == "taux");
    CHECK(l0["valeurs"][0]["valeur"] == l0["valeur"]);
    CHECK(l0["points"]["num"] == 0);
    const nlohmann::json& l1 = e["trace"][1];
    CHECK(l1["statut"] == "partiel");
    CHECK(l1["realisation"]["num"] == 1);
    CHECK(l1["realisation"]["den"] == 2);

    const nlohmann::json& p = e["volets"][0]["proposition"];
    CHECK(e["volets"][0]["volet"] == "volet_socle");
    CHECK(p["nature"] == "sanction");
    CHECK(p["montant_centimes"].is_number_integer());
    CHECK(p["montant_centimes"].get<std::int64_t>() == 80'000'000);
    CHECK(p["plafond_centimes"].get<std::int64_t>() == 80'000'000);
    CHECK(p["taux"]["num"] == 1);
    CHECK(p["taux"]["den"] == 100);
    CHECK(p["article"]["texte"] == "CSS D.162-16");
    CHECK(p["article"]["legi_id"] == "LEGIARTI000034459834");
    CHECK(p["article"]["version"] == "[2017-04-23, 2022-01-01)");  // the version applied, [from, to)
    CHECK(p["statut"] == "proposition");
    CHECK(p["decision_finale_centimes"].get<std::int64_t>() == 12'345);
    CHECK(p["illustratif"] == true);
    CHECK(e["volets"][1]["proposition"]["decision_finale_centimes"].is_null());
    CHECK(e["total_sanctions_centimes"].get<std::int64_t>() == 320'000'000);
    CHECK(e["volets"][0]["score"]["defini"] == true);
    // The proposal and the decision side by side; totals of each apart.
    CHECK(e["volets"][0]["decision"]["nature"] == "sanction");
    CHECK(e["volets"][0]["decision"]["montant_centimes"].get<std::int64_t>() == 12'345);
    CHECK(e["volets"][0]["decision"]["proposition_centimes"].get<std::int64_t>() == 80'000'000);
    CHECK(e["volets"][0]["decision"]["au_dessus_proposition"] == false);
    CHECK(e["volets"][1]["decision"].is_null());
    CHECK(e["total_sanctions_decidees_centimes"].get<std::int64_t>() == 12'345);
    CHECK(e["nombre_decisions"] == 1);
}

TEST_CASE("json: the rules, the revenue base and its year, savings and contract time are shown", "[json][economies]") {
    evalmod::rapport_essai r(evalmod::def_2017, 2018, evalmod::tout_atteint(evalmod::def_2017), evalmod::base_80m);
    r.r.annee_produits = 2016;
    r.economies[1] = euros(1'000);
    const resultat_evaluation res = evaluer(evalmod::valide(r));
    const nlohmann::json e = json::document(res)["evaluations"][0];
    const nlohmann::json& g = e["regles"];
    CHECK(g["regime"] == "CAQES premiere generation");
    CHECK(g["politique_version"] == "regime_du_contrat");
    CHECK(g["date_regles"] == "2018-01-01");
    CHECK(g["date_evaluation"] == "2019-06-01");
    CHECK(g["annee_partielle"] == "tout_jour_compte");
    CHECK(g["transition"] == "arret_fin_regime");
    CHECK(g["alertes"] == nlohmann::json::array({"sans_instance"}));
    CHECK(g["produits_assurance_maladie_centimes"].get<std::int64_t>() == 8'000'000'000);
    CHECK(g["annee_produits"] == 2016);
    CHECK(e["volets"][1]["economies_centimes"].get<std::int64_t>() == 100'000);
    // An empty savings cell: null, and the incentive says why it was not computed.
    CHECK(e["volets"][2]["economies_centimes"].is_null());
    CHECK(e["volets"][2]["proposition"]["economies_non_renseignees"] == true);
    CHECK(e["volets"][2]["proposition"]["nature"] == "aucune");
    CHECK(e["volets"][1]["couverture"]["evalue"] == true);
}

TEST_CASE("json: no value in the document is a floating-point number", "[json]") {
    std::vector<valeurs_indicateur> v = evalmod::tout_atteint(evalmod::def_2022);
    evalmod::rapport_essai r(evalmod::def_2022, 2023, v);
    r.economies = {centimes{1'000'001}, centimes{0}, centimes{0}};
    caqes::trace t;
    const resultat_evaluation res =
        evaluateur<evalmod::def_2022>::evaluer(evalmod::valide<evalmod::def_2022>(r), {}, t);
    const nlohmann::json d = json::document(res, &t);
    int nombres = 0;
    auto parcourir = [&nombres](const auto& self, const nlohmann::json& j) -> void {
        CHECK_FALSE(j.is_number_float());
        if (j.is_number()) ++nombres;
        if (j.is_structured()) {
            for (const auto& x : j)
                self(self, x);
        }
    };
    parcourir(parcourir, d);
    CHECK(nombres > 20);
    CHECK(d["evaluations"][0]["trace"][0]["origine"] == "nationale");
    CHECK(d["evaluations"][0]["trace"][0]["source"]["texte"] ==
          "arrete du 23 fevrier 2022, annexe (indicateurs nationaux CAQES)");
    CHECK(d["evaluations"][0]["volets"][0]["proposition"]["montant_centimes"] ==
          500'000);  // 1/2 of 1 000 001, towards zero
}

TEST_CASE("json: a batch writes one document, with errors in place of a result", "[json]") {
    lot_essai a;
    const evalmod::rapport_essai r(evalmod::def_2017, 2018, a.valeurs);
    a.e.finess = "750000001";
    a.e.raison_sociale = "CH essai";
    a.e.exercice = 2018;
    a.e.modele = std::string{evalmod::def_2017.nom};
    a.e.resultat = evaluateur<evalmod::def_2017>::evaluer(evalmod::valide<evalmod::def_2017>(r), {}, a.e.trace_);

    json::evaluation_etablissement b{};
    b.finess = "750000002";
    b.exercice = 2016;
    evalmod::rapport_essai hors(evalmod::def_2017, 2016, a.valeurs);
    b.erreurs = validate(evalmod::def_2017, hors.annuel(), {}).erreurs();

    // [docs:json-lot]
    const std::vector<caqes::json::evaluation_etablissement> lot{a.e, b};
    std::ostringstream out;
    caqes::json::ecrire(out, lot);  // {"evaluations": [...], "schema": "caqes.evaluation/1"}
    // [docs:json-lot]
    const nlohmann::json d = nlohmann::json::parse(out.str());
    CHECK(d["schema"] == "caqes.evaluation/1");
    REQUIRE(d["evaluations"].size() == 2);
    CHECK(d["evaluations"][0]["finess"] == "750000001");
    CHECK(d["evaluations"][0]["trace"].size() == 8);
    CHECK(d["evaluations"][0]["volets"].size() == 4);
    CHECK_FALSE(d["evaluations"][1].contains("volets"));
    CHECK(d["evaluations"][1]["erreurs"][0]["code"] == "CAQES-E030");
}

TEST_CASE("json: a byte that is not UTF-8 never loses the document", "[json][texte]") {
    // nlohmann throws type_error.316 on such a byte by default, and the batch printed nothing.
    json::evaluation_etablissement e{};
    e.finess = "750000001";
    e.raison_sociale = "H\xF4pital";  // Latin-1 o-circumflex
    e.erreurs.push_back({regle::encodage_invalide, "valeurs.csv:2:valeur", "caf\xE9"});
    std::ostringstream out;
    json::ecrire(out, std::span<const json::evaluation_etablissement>{&e, 1});
    const nlohmann::json doc = nlohmann::json::parse(out.str());
    CHECK(doc["evaluations"][0]["raison_sociale"] == "H\xEF\xBF\xBDpital");  // U+FFFD
    CHECK(doc["evaluations"][0]["erreurs"][0]["detail"] == "caf\xEF\xBF\xBD");
    CHECK(doc["evaluations"][0]["erreurs"][0]["code"] == "CAQES-E041");
    CHECK(json::serialiser(nlohmann::json("ok"), -1) == "\"ok\"");
}

TEST_CASE("json: fractions with no 64-bit normal form are NaN, never wrapped", "[json][depassement]") {
    const nlohmann::json f = json::fraction_json({std::numeric_limits<std::int64_t>::min(), -1});
    CHECK(f["den"].get<std::int64_t>() == 0);
    CHECK(f["decimal"] == "NaN");
}

TEST_CASE("json: the establishment's own bases are shown beside the amounts they give, null when not given",
          "[json][bases]") {
    evalmod::rapport_essai r(evalmod::def_2017, 2018, evalmod::rien_atteint(evalmod::def_2017), evalmod::base_80m);
    const resultat_evaluation sans = evaluateur<evalmod::def_2017>::evaluer(evalmod::valide<evalmod::def_2017>(r));
    CHECK(json::evaluation_json(sans)["regles"]["part_liste_en_sus_centimes"].is_null());
    CHECK(json::evaluation_json(sans)["regles"]["base_penalite_centimes"].is_null());
    r.r.part_liste_en_sus = centimes{100'000'001};
    r.r.base_penalite = centimes{7};
    const resultat_evaluation avec = evaluateur<evalmod::def_2017>::evaluer(evalmod::valide<evalmod::def_2017>(r));
    CHECK(avec.part_liste_en_sus == centimes{100'000'001});
    CHECK(avec.base_penalite == centimes{7});
    CHECK(json::evaluation_json(avec)["regles"]["part_liste_en_sus_centimes"] == 100'000'001);
    CHECK(json::evaluation_json(avec)["regles"]["base_penalite_centimes"] == 7);
}

TEST_CASE("issue 12: the JSON names the law applied: version policy, date of the rules, diverging policies, alerts",
          "[json][loi]") {
    // Exercise 2021 of a first-generation contract evaluated in 2022: under the default policy
    // (the contract's regime) the 2017 D.162-16 applies on 2021-01-01; the date of the
    // evaluation would apply the 2022 version, which has no sanction.
    evalmod::rapport_essai r(evalmod::def_2017, 2021, evalmod::rien_atteint(evalmod::def_2017), evalmod::base_80m);
    r.r.date_evaluation = ymd{2022, 6, 1};
    const resultat_evaluation res = evaluateur<evalmod::def_2017>::evaluer(evalmod::valide<evalmod::def_2017>(r));
    const nlohmann::json g = json::evaluation_json(res)["regles"];
    CHECK(g["politique_version"] == "regime_du_contrat");
    CHECK(g["date_regles"] == "2021-01-01");
    CHECK(g["politiques_divergentes"] == nlohmann::json::array({"date_evaluation"}));
    CHECK(g["issues_sans_version_en_vigueur"].empty());
    // Validated without its contract instance; evaluated after the 2017 regime ended.
    CHECK(g["alertes"] == nlohmann::json::array({"sans_instance", "transition_appliquee"}));
    CHECK(g["periode_mesures"].is_null());

    // Under the evaluation-date policy the sanction the clauses ask for has no version in force.
    parametres_evaluation p{};
    p.version = version_applicable::date_evaluation;
    const resultat_evaluation res22 = evaluateur<evalmod::def_2017>::evaluer(evalmod::valide<evalmod::def_2017>(r, p));
    const nlohmann::json h = json::evaluation_json(res22)["regles"];
    CHECK(h["politique_version"] == "date_evaluation");
    CHECK(h["date_regles"] == "2022-06-01");
    CHECK(h["issues_sans_version_en_vigueur"] == nlohmann::json::array({"sanction", "interessement"}));
    CHECK(res22.total_sanctions == centimes{0});
}
