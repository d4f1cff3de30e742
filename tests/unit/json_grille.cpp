// Grids loaded from JSON files (caqes/io/json/grille.hpp, format caqes.grille/1): the reader's
// three stages, each error located by file and JSON pointer, and the same rule ids as a C++
// template. Built into caqes_json_tests, only when caqes::json exists.
#include "outils.hpp"

#include <caqes/io/json/grille.hpp>

#include <string>
#include <tuple>

using namespace caqes;

namespace {

// A valid first-generation grid: one socle indicator. Tests change one thing in it.
const std::string grille_valide = R"({
  "schema": "caqes.grille/1",
  "nom": "essai",
  "regime": "caqes_2017",
  "fenetre": {"debut": "2017-07-01", "fin": "2019-01-01"},
  "volets": [
    {"volet": "volet_socle", "terme": {"indeterminee": true}, "clauses": ["sanction"],
     "grille": [
       {"id": 1, "code": "ILL-S1", "libelle": "taux", "origine": "illustrative",
        "mesures": [{"code": "taux", "nature": "taux"}], "sens": "plus_haut_est_mieux",
        "objectif": {"mesure": "taux", "valeur": {"nature": "taux", "num": 49, "den": 100}},
        "validite": {"debut": "2017-07-01", "fin": "2022-01-01"}}
     ]}
  ]
})";

// `grille_valide` with the first occurrence of `avant` replaced by `apres`.
std::string avec(const std::string& avant, const std::string& apres) {
    std::string s = grille_valide;
    const std::size_t k = s.find(avant);
    REQUIRE(k != std::string::npos);
    s.replace(k, avant.size(), apres);
    return s;
}

violations erreurs_de(const std::string& texte) {
    const auto r = json::lire_grille(texte, "essai.json");
    INFO(outils::tout(r.erreurs()));
    CHECK(!r.ok());
    return r.erreurs();
}

}  // namespace

TEST_CASE("json grille: a valid file gives a template with every field read", "[json_grille]") {
    const auto r = json::lire_grille(grille_valide, "essai.json");
    INFO(outils::tout(r.erreurs()));
    REQUIRE(r.ok());
    const modele_contrat_def& m = r.valeur().definition();
    CHECK(m.nom == "essai");
    CHECK(m.regime == regime_id::caqes_2017);
    CHECK(m.fenetre == periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}});
    REQUIRE(m.volets.size() == 1);
    CHECK(m.volets[0].terme == duree_indeterminee);
    CHECK(m.volets[0].clauses == sanction);
    REQUIRE(m.volets[0].grille.size() == 1);
    const indicateur& i = m.volets[0].grille[0];
    CHECK(i.code == "ILL-S1");
    CHECK(i.objectif.valeur == fraction{49, 100});
    CHECK(i.objectif.type_de_mesure == type_mesure::taux);
    CHECK(i.validite == periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}});
    CHECK(validate(m).empty());
}

TEST_CASE("json grille: the definition stays valid when the loaded grid is moved", "[json_grille]") {
    auto r = json::lire_grille(grille_valide, "essai.json");
    REQUIRE(r.ok());
    const modele_contrat_def* avant = &r.valeur().definition();
    const json::grille_chargee g = std::move(r).valeur();
    CHECK(&g.definition() == avant);
    CHECK(g.definition().volets[0].grille[0].code == "ILL-S1");
}

TEST_CASE("json grille: bytes that are not UTF-8 are CAQES-E041, located by line", "[json_grille]") {
    const violations e = erreurs_de(avec("\"essai\"", "\"essai \xE9t\xE9\""));
    REQUIRE(e.size() == 1);
    CHECK(e[0].id == regle::encodage_invalide);
    CHECK(outils::contient_texte(e[0].detail, "line 3"));
}

TEST_CASE("json grille: a truncated or empty file is CAQES-E042", "[json_grille]") {
    const violations e = erreurs_de(grille_valide.substr(0, grille_valide.size() / 2));
    REQUIRE(e.size() == 1);
    CHECK(e[0].id == regle::fichier_inutilisable);
    CHECK(outils::contient_texte(e[0].detail, "truncated"));
    CHECK(erreurs_de("")[0].id == regle::fichier_inutilisable);
    CHECK(erreurs_de("{\"schema\": \"caqes.grille/1\",}")[0].id == regle::fichier_inutilisable);
    // The parser's message quotes what it last read: a raw tab and a directional override in a
    // string are escaped there, never printed raw.
    const violations brut = erreurs_de(
        "{\"schema\": \"\xE2\x80\xAE"
        "a\tb\"}");
    REQUIRE(brut.size() == 1);
    CHECK(brut[0].id == regle::fichier_inutilisable);
    CHECK(outils::contient_texte(brut[0].detail, "\\u202E"));
    CHECK_FALSE(outils::contient_texte(brut[0].detail, "\xE2\x80\xAE"));
    CHECK_FALSE(outils::contient_texte(brut[0].detail, "\t"));
}

TEST_CASE("json grille: a number beyond a double's range is CAQES-E042 at its line, not an exception",
          "[json_grille]") {
    // nlohmann throws out_of_range (406) for it, not parse_error; found by fuzz.grille_run.
    const violations e = erreurs_de("{\"schema\": \"caqes.grille/1\",\n \"x\": 1E999}");
    REQUIRE(e.size() == 1);
    CHECK(e[0].id == regle::fichier_inutilisable);
    CHECK(outils::contient_texte(e[0].detail, "not JSON: line 2, byte 40"));
    CHECK(outils::contient_texte(e[0].detail, "number overflow parsing '1E999'"));
    // The same number alone: the whole file, which is not truncated.
    const violations seul = erreurs_de("-1E999");
    REQUIRE(seul.size() == 1);
    CHECK(outils::contient_texte(seul[0].detail, "not JSON: line 1, byte 6"));
}

TEST_CASE("json grille: a key given twice in one object is CAQES-E071 at its pointer", "[json_grille]") {
    const violations e = erreurs_de(avec("\"sens\": \"plus_haut_est_mieux\"",
                                         "\"sens\": \"plus_haut_est_mieux\", \"sens\": \"plus_bas_est_mieux\""));
    REQUIRE(e.size() == 1);
    CHECK(e[0].id == regle::cle_en_double);
    CHECK(e[0].lieu == "essai.json#/volets/0/grille/0/sens");
    // The same key in two different objects is no duplicate.
    CHECK(json::lire_grille(grille_valide, "essai.json").ok());
}

TEST_CASE("json grille: a missing or other schema version is CAQES-E072", "[json_grille]") {
    const violations e = erreurs_de(avec("caqes.grille/1", "caqes.grille/2"));
    REQUIRE(e.size() == 1);
    CHECK(e[0].id == regle::schema_inconnu);
    CHECK(e[0].lieu == "essai.json#/schema");
    CHECK(erreurs_de(avec("\"schema\": \"caqes.grille/1\",", ""))[0].id == regle::schema_inconnu);
    CHECK(erreurs_de(avec("\"caqes.grille/1\"", "1"))[0].id == regle::schema_inconnu);
}

TEST_CASE("json grille: unknown keys, wrong JSON types and unknown names are CAQES-E070 at their pointer",
          "[json_grille]") {
    {
        const violations e = erreurs_de(avec("\"nom\": \"essai\",", "\"nom\": \"essai\", \"commentaire\": 1,"));
        REQUIRE(e.size() == 1);
        CHECK(e[0].id == regle::grille_mal_formee);
        CHECK(e[0].lieu == "essai.json#/commentaire");
    }
    {
        const violations e = erreurs_de(avec("\"id\": 1,", "\"id\": \"1\","));
        REQUIRE(e.size() == 1);
        CHECK(e[0].id == regle::grille_mal_formee);
        CHECK(e[0].lieu == "essai.json#/volets/0/grille/0/id");
    }
    {
        // A binary floating-point number is never read as a rate.
        const violations e = erreurs_de(
            avec("{\"nature\": \"taux\", \"num\": 49, \"den\": 100}", "{\"nature\": \"taux\", \"num\": 0.49}"));
        REQUIRE(e.size() == 1);
        CHECK(e[0].lieu == "essai.json#/volets/0/grille/0/objectif/valeur/num");
        CHECK(outils::contient_texte(e[0].detail, "floating point"));
    }
    {
        const violations e = erreurs_de(avec("\"volet_socle\"", "\"volet_sole\""));
        REQUIRE(e.size() == 1);
        CHECK(e[0].lieu == "essai.json#/volets/0/volet");
    }
    CHECK(erreurs_de(avec("\"code\": \"ILL-S1\",", ""))[0].lieu == "essai.json#/volets/0/grille/0");
    CHECK(erreurs_de(avec("\"2017-07-01\"", "\"1/7/2017\""))[0].lieu == "essai.json#/fenetre/debut");
    CHECK(erreurs_de("[1, 2]")[0].id == regle::grille_mal_formee);
    // Every format error of the file, not only the first.
    CHECK(erreurs_de(avec("\"id\": 1,", "\"id\": -1, \"x\": 2,")).size() == 2);
}

TEST_CASE("json grille: the day policy is read by each of its four names, another name is CAQES-E070",
          "[json_grille]") {
    const auto jours_de = [](const std::string& nom) {
        const auto r = json::lire_grille(
            avec("\"regime\": \"caqes_2017\",", "\"regime\": \"caqes_2017\", \"jours\": \"" + nom + "\","),
            "essai.json");
        INFO(outils::tout(r.erreurs()));
        REQUIRE(r.ok());
        return r.valeur().definition().jours;
    };
    CHECK(jours_de("stricte") == politique_jour::stricte);
    CHECK(jours_de("fin_de_mois") == politique_jour::fin_de_mois);
    CHECK(jours_de("report") == politique_jour::report);
    CHECK(jours_de("premier_mois_suivant") == politique_jour::premier_mois_suivant);
    const violations e =
        erreurs_de(avec("\"regime\": \"caqes_2017\",", "\"regime\": \"caqes_2017\", \"jours\": \"lendemain\","));
    REQUIRE(e.size() == 1);
    CHECK(e[0].id == regle::grille_mal_formee);
    CHECK(e[0].lieu == "essai.json#/jours");
}

TEST_CASE("json grille: a key naming a constant of the law table carries the rule of that limit", "[json_grille]") {
    {
        const violations e = erreurs_de(
            avec("\"volets\"",
                 "\"parametres\": {\"p2017\": {\"plafond_sanction_volet\": {\"num\": 2, \"den\": 100}}}, \"volets\""));
        REQUIRE(e.size() == 1);
        CHECK(e[0].id == regle::parametre_hors_la_loi);
        CHECK(e[0].lieu == "essai.json#/parametres/p2017/plafond_sanction_volet");
    }
    CHECK(erreurs_de(avec("\"nom\"", "\"duree_maximale\": 6, \"nom\""))[0].id == regle::duree_superieure_5_ans);
    CHECK(erreurs_de(avec("\"nom\"", "\"plancher_cible\": 0, \"nom\""))[0].id == regle::cible_sous_plancher);
}

TEST_CASE("json grille: a parameter outside its domain is CAQES-E046 at its key", "[json_grille]") {
    {
        const violations e = erreurs_de(
            avec("\"volets\"",
                 "\"parametres\": {\"p2017\": {\"part_interessement\": {\"num\": -1, \"den\": 5}}}, \"volets\""));
        REQUIRE(e.size() == 1);
        CHECK(e[0].id == regle::parametre_hors_domaine);
        CHECK(e[0].lieu == "essai.json#/parametres/p2017/part_interessement");
    }
    {
        const violations e = erreurs_de(
            avec("\"volets\"", "\"parametres\": {\"p2022\": {\"enveloppe_regionale_centimes\": -100}}, \"volets\""));
        REQUIRE(e.size() == 1);
        CHECK(e[0].id == regle::parametre_hors_domaine);
        CHECK(e[0].lieu == "essai.json#/parametres/p2022/enveloppe_regionale_centimes");
    }
    CHECK(json::lire_grille(avec("\"volets\"",
                                 "\"parametres\": {\"p2022\": {\"part_economies_nationale\": "
                                 "{\"num\": 1, \"den\": 1}}}, \"volets\""),
                            "essai.json")
              .ok());
}

TEST_CASE("json grille: every parameter field a rule names has a JSON pointer to the key the reader reads",
          "[json_grille]") {
    // Every key of `parametres` the reader knows, each given once.
    const std::string parametres =
        R"("parametres": {"p2017": {"paliers": [{"seuil": 1, "taux": 0}], "seuil_interessement": 1,
             "part_interessement": 0, "reduction_liste_en_sus": {"taux": 0}},
           "p2022": {"enveloppe_regionale_centimes": 0, "part_economies_nationale": 0, "taux_abattement": 0,
             "taux_minoration": 0, "seuil_largement_superieur": 0},
           "successeur": {"part_economies": 0, "taux_penalite": 0},
           "annee_partielle": "prorata_temporis"}, "volets")";
    const std::string texte = avec("\"volets\"", parametres);
    const auto r = json::lire_grille(texte, "essai.json");
    INFO(outils::tout(r.erreurs()));
    REQUIRE(r.ok());
    CHECK(r.valeur().parametres()->annee_partielle == politique_annee_partielle::prorata_temporis);
    const nlohmann::json doc = nlohmann::json::parse(texte);
    // From the first field to the last of `champ_parametre`; the successor's threshold and
    // formula are not keys of a grid file (a successor grid is refused, CAQES-E043).
    for (int c = 0; c <= static_cast<int>(champ_parametre::successeur_seuil_penalite); ++c) {
        const auto champ = static_cast<champ_parametre>(c);
        if (champ == champ_parametre::successeur_seuil_penalite) continue;
        const std::string ptr = json::detail::pointeur_parametre(champ, 0);
        INFO(ptr);
        CHECK(doc.contains(nlohmann::json::json_pointer(ptr)));
    }
    // The bases an earlier grid gave for every establishment are each report's now: a grid that
    // still gives one is refused at its key, and told where the figure goes.
    for (const auto& [cle, parent, colonne] :
         {std::tuple{"part_liste_en_sus_centimes", "/p2017/reduction_liste_en_sus", "part_liste_en_sus"},
          std::tuple{"base_penalite_centimes", "/successeur", "base_penalite"}}) {
        INFO(cle);
        const std::string objet =
            std::string_view{parent} == "/successeur"
                ? concat(R"("successeur": {")", cle, R"(": 100})")
                : concat(R"("p2017": {"reduction_liste_en_sus": {"taux": 0, ")", cle, R"(": 100}})");
        const violations b = erreurs_de(avec("\"volets\"", concat(R"("parametres": {)", objet, R"(}, "volets")")));
        REQUIRE(b.size() == 1);
        CHECK(b[0].id == regle::grille_mal_formee);
        CHECK(b[0].lieu == concat("essai.json#/parametres", parent, "/", cle));
        CHECK(outils::contient_texte(b[0].detail, concat("etablissements.csv column ", colonne)));
    }
    // A name of no partial-year policy is refused at its key.
    const violations e =
        erreurs_de(avec("\"volets\"", "\"parametres\": {\"annee_partielle\": \"au_mois\"}, \"volets\""));
    REQUIRE(e.size() == 1);
    CHECK(e[0].id == regle::grille_mal_formee);
    CHECK(e[0].lieu == "essai.json#/parametres/annee_partielle");
}

TEST_CASE("json grille: a rate past the law in the parameters is CAQES-E050, steps out of order CAQES-E034",
          "[json_grille]") {
    {
        const violations e = erreurs_de(
            avec("\"volets\"",
                 "\"parametres\": {\"p2022\": {\"taux_abattement\": {\"num\": 51, \"den\": 100}}}, \"volets\""));
        REQUIRE(e.size() == 1);
        CHECK(e[0].id == regle::parametre_hors_la_loi);
        CHECK(e[0].lieu == "essai.json#/parametres/p2022/taux_abattement");
    }
    const violations e =
        erreurs_de(avec("\"volets\"",
                        "\"parametres\": {\"p2017\": {\"paliers\": [{\"seuil\": {\"num\": 3, \"den\": 4}, \"taux\": "
                        "{\"num\": 1, \"den\": 200}}, "
                        "{\"seuil\": {\"num\": 1, \"den\": 2}, \"taux\": {\"num\": 1, \"den\": 100}}]}}, \"volets\""));
    CHECK(outils::trouver(e, regle::paliers_desordonnes) != nullptr);
    CHECK(outils::trouver(e, regle::paliers_desordonnes)->lieu ==
          "essai.json#/parametres/p2017/paliers/1");  // the second step breaks the order
}

TEST_CASE("json grille: the parameters the law leaves open are read", "[json_grille]") {
    const auto r =
        json::lire_grille(avec("\"volets\"",
                               "\"parametres\": {\"p2022\": {\"seuil_largement_superieur\": {\"num\": 1, \"den\": 5}, "
                               "\"duree_mesures_mois\": 12}, \"version\": \"annee_exercice\"}, \"volets\""),
                          "essai.json");
    INFO(outils::tout(r.erreurs()));
    REQUIRE(r.ok());
    const parametres_evaluation& p = r.valeur().parametres().valeur();
    CHECK(p.p2022.seuil_largement_superieur == fraction{1, 5});
    CHECK(p.p2022.duree_mesures_mois == 12);
    CHECK(p.version == version_applicable::annee_exercice);
    CHECK(p.p2017.part_interessement == parametres_evaluation{}.p2017.part_interessement);
}

TEST_CASE("json grille: template rules are the walk's, with the same ids, located by JSON pointer", "[json_grille]") {
    {
        const violations e = erreurs_de(avec("{\"indeterminee\": true}", "{\"annees\": 6}"));
        // Six years from 2018 also runs past the regime's end with no transition named, and the
        // socle's term is bounded (E052).
        CHECK(outils::ids(e) == std::vector<regle>{regle::duree_superieure_5_ans, regle::transition_non_choisie,
                                                   regle::socle_duree_bornee});
        REQUIRE(outils::trouver(e, regle::duree_superieure_5_ans) != nullptr);
        CHECK(outils::trouver(e, regle::duree_superieure_5_ans)->lieu == "essai.json#/volets/0/terme");
    }
    {
        const violations e = erreurs_de(avec("\"2019-01-01\"", "\"2019-02-30\""));
        CHECK(outils::ids(e) == std::vector<regle>{regle::date_inexistante});
        CHECK(e[0].lieu == "essai.json#/fenetre");
    }
    {
        const violations e = erreurs_de(avec("\"validite\"", "\"poids\": {\"num\": 0, \"den\": 1}, \"validite\""));
        CHECK(outils::ids(e) == std::vector<regle>{regle::poids_non_positif});
        CHECK(e[0].lieu == "essai.json#/volets/0/grille/0/poids");
    }
    {
        const violations e =
            erreurs_de(avec("\"valeur\": {\"nature\": \"taux\"", "\"valeur\": {\"nature\": \"nombre\""));
        CHECK(outils::ids(e) == std::vector<regle>{regle::unite_incoherente, regle::referentiel_mal_forme});
    }
}
