// The CSV batch input: exact numbers, dialects, records, and the reader's accept/reject
// decisions with their file:line:field locations and the reconciliation.
#include "outils.hpp"

#include <caqes/io/csv.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <string>

namespace {
using namespace caqes;
using csv::dialect;

// A small template: the socle with a rate, a two-measure indicator (amount and count) and a
// yes/no item; transports with a growth rate and an incentive.
inline constexpr mesure<taux> t_taux{"taux"};
inline constexpr mesure<montant> t_depense{"depense"};
inline constexpr mesure<nombre> t_boites{"boites"};
inline constexpr mesure<oui_non> t_plan{"plan"};
inline constexpr mesure<taux_evolution> t_evolution{"evolution"};
inline constexpr periode t_validite{ymd{2017, 7, 1}, ymd{2022, 1, 1}};

inline constexpr std::array<indicateur, 3> t_socle{{
    {.id = 1, .code = "A1", .libelle = "taux", .provenance = origine::illustrative, .mesures = {{t_taux.def()}},
     .direction = sens::plus_haut_est_mieux, .objectif = viser(t_taux, taux_pourcent(50)), .validite = t_validite},
    {.id = 2, .code = "A2", .libelle = "depense et boites", .provenance = origine::illustrative,
     .mesures = {{t_depense.def(), t_boites.def()}}, .direction = sens::plus_bas_est_mieux,
     .ref = t_depense < montant_euros(1'000) || t_boites <= nombre_de(10), .validite = t_validite},
    {.id = 3, .code = "A3", .libelle = "plan", .provenance = origine::illustrative, .mesures = {{t_plan.def()}},
     .direction = sens::plus_haut_est_mieux, .objectif = viser(t_plan, oui), .validite = t_validite},
}};
inline constexpr std::array<indicateur, 1> t_transports{{
    {.id = 4, .code = "B1", .libelle = "evolution", .provenance = origine::illustrative, .mesures = {{t_evolution.def()}},
     .direction = sens::plus_bas_est_mieux, .objectif = viser(t_evolution, evolution_pourcent(22, 10)), .validite = t_validite},
}};
inline constexpr std::array<volet_modele, 2> t_volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = t_socle, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_annees(3), .grille = t_transports, .clauses = sanction | interessement},
}};
inline constexpr modele_contrat_def t_def{
    .nom = "test csv",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = t_volets,
};
struct t_modele : modele_contrat<t_def> {};

const std::string entete_etab_fr =
    "finess;exercice;annee_contrat;produits_assurance_maladie;economies_socle;economies_transports;decision_socle;decision_transports\r\n";

// The five measures of one establishment-year, French dialect.
std::string valeurs_fr(const std::string& finess, const std::string& annee) {
    return finess + ";" + annee + ";A1;taux;52,5\r\n" + finess + ";" + annee + ";A2;depense;1 234,56\r\n" + finess + ";" + annee +
           ";A2;boites;NC\r\n" + finess + ";" + annee + ";A3;plan;oui\r\n" + finess + ";" + annee + ";B1;evolution;-3,5\r\n";
}

csv::lot_rapports lire(const std::string& valeurs, const std::string& etabs) {
    return csv::lire_rapports(t_def, {}, {"valeurs.csv", valeurs}, {"etablissements.csv", etabs});
}

// The violation cited at `lieu`, or nullptr.
const violation* a(const csv::lot_rapports& lot, const std::string& lieu) {
    for (const auto& v : lot.rejets) {
        if (v.lieu == lieu) return &v;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("csv numbers: amounts to exact cents in both dialects", "[csv]") {
    CHECK(csv::parse_centimes("1 234,56", dialect::french).value == centimes{123456});
    CHECK(csv::parse_centimes("1\xC2\xA0" "234,56", dialect::french).value == centimes{123456});
    CHECK(csv::parse_centimes("1\xE2\x80\xAF" "234\xE2\x80\xAF" "567,5", dialect::french).value == centimes{123456750});
    CHECK(csv::parse_centimes("1234.56", dialect::plain).value == centimes{123456});
    CHECK(csv::parse_centimes("-5", dialect::french).value == centimes{-500});
    CHECK(csv::parse_centimes(" +7,1 ", dialect::french).value == centimes{710});
    CHECK(csv::parse_centimes("0,01", dialect::french).value == centimes{1});

    // Boundaries: a sub-cent amount, and the 64-bit limit on both sides.
    CHECK_FALSE(csv::parse_centimes("0,005", dialect::french).ok());
    CHECK(outils::contient_texte(csv::parse_centimes("0,005", dialect::french).error, "3 decimals"));
    CHECK(csv::parse_centimes("92233720368547758,07", dialect::french).value.valeur == std::numeric_limits<std::int64_t>::max());
    CHECK(csv::parse_centimes("-92233720368547758,07", dialect::french).value.valeur == -std::numeric_limits<std::int64_t>::max());
    CHECK_FALSE(csv::parse_centimes("92233720368547758,08", dialect::french).ok());
    CHECK(outils::contient_texte(csv::parse_centimes("92233720368547758,08", dialect::french).error, "overflows"));
    CHECK_FALSE(csv::parse_centimes("922337203685477580700000000000000000000", dialect::french).ok());

    // Thousands separators: French only, groups of three, in the integer part.
    CHECK_FALSE(csv::parse_centimes("1,234.56", dialect::plain).ok());
    CHECK_FALSE(csv::parse_centimes("1 234.56", dialect::plain).ok());
    CHECK_FALSE(csv::parse_centimes("1 2345,00", dialect::french).ok());
    CHECK_FALSE(csv::parse_centimes("12 34", dialect::french).ok());
    CHECK_FALSE(csv::parse_centimes("1234 567", dialect::french).ok());
    CHECK_FALSE(csv::parse_centimes(" 1 234", dialect::plain).ok());
    CHECK(csv::parse_centimes("1 234", dialect::french).value == centimes{123400});
    CHECK_FALSE(csv::parse_centimes("1,5", dialect::plain).ok());
    CHECK_FALSE(csv::parse_centimes("1.5", dialect::french).ok());

    // Text, empty, dangling marks, exponents.
    for (const char* faux : {"abc", "", "  ", "-", ",5", "5,", "1e3", "12 EUR", "1,2,3", "--1"}) {
        INFO(faux);
        CHECK_FALSE(csv::parse_centimes(faux, dialect::french).ok());
    }
}

TEST_CASE("csv numbers: rates and fractions are exact", "[csv]") {
    CHECK(csv::parse_percent("2,2", dialect::french).value == pourcentage(22, 10));
    CHECK(csv::parse_percent("2.2", dialect::plain).value == pourcentage(22, 10));
    CHECK(csv::parse_percent("49", dialect::french).value == fraction{49, 100});
    CHECK(csv::parse_percent("-100", dialect::french).value == entier(-1));
    CHECK(csv::parse_fraction("0,1", dialect::french).value == fraction{1, 10});
    CHECK(csv::parse_fraction("0,000000000000000001", dialect::french).value == fraction{1, 1'000'000'000'000'000'000});
    CHECK_FALSE(csv::parse_fraction("0,0000000000000000001", dialect::french).ok());
    CHECK(csv::parse_integer("2018", dialect::french).value == 2018);
    CHECK_FALSE(csv::parse_integer("2018,0", dialect::french).ok());
}

TEST_CASE("csv records: BOM, CRLF, quotes, line numbers", "[csv]") {
    const csv::table t = csv::split("\xEF\xBB\xBF" "a;b;c\r\n\"x;y\";\"say \"\"hi\"\"\";3\r\n\r\n\"two\r\nlines\";;\r\nlast;1;2");
    CHECK(t.had_bom);
    CHECK(t.d == dialect::french);
    REQUIRE(t.header);
    CHECK(t.header->fields == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].line == 2);
    CHECK(t.rows[0].fields == std::vector<std::string>{"x;y", "say \"hi\"", "3"});
    CHECK(t.rows[1].line == 4);  // the empty line 3 is no record
    CHECK(t.rows[1].fields == std::vector<std::string>{"two\r\nlines", "", ""});
    CHECK(t.rows[2].line == 6);  // the quoted line break counts
    CHECK(t.rows[2].fields == std::vector<std::string>{"last", "1", "2"});

    const csv::table p = csv::split("a,b\n1.5,\"q,\"\n");
    CHECK(p.d == dialect::plain);
    CHECK_FALSE(p.had_bom);
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows[0].fields == std::vector<std::string>{"1.5", "q,"});

    // Forced: the header alone would say French.
    CHECK(csv::split("a;b\n", dialect::plain).d == dialect::plain);

    const csv::table e = csv::split("a;b\nx\"y;1\n\"ok\"z;2\n\"open;3\n");
    REQUIRE(e.rows.size() == 3);
    CHECK(e.rows[0].error == "quote inside an unquoted field");
    CHECK(e.rows[0].error_field == 0);
    CHECK(e.rows[1].error == "text after a closing quote");
    CHECK(e.rows[1].line == 3);
    CHECK(e.rows[2].error == "quoted field not closed before the end of the file");
}

TEST_CASE("csv reader: French dialect, accepted reports in template order", "[csv]") {
    const std::string v = "\xEF\xBB\xBF" "finess;exercice;indicateur;mesure;valeur\r\n" + valeurs_fr("750000001", "2018") +
                          valeurs_fr("2A0000001", "2018");
    const std::string e = "\xEF\xBB\xBF" + entete_etab_fr + "750000001;2018;2;80 000 000,00;;-1 500,25;;12 000\r\n" +
                          "2A0000001;2018;1;1000;;;;\r\n";
    const csv::lot_rapports lot = lire(v, e);
    INFO(outils::tout(lot.rejets));
    CHECK(lot.rejets.empty());
    REQUIRE(lot.rapports.size() == 2);
    CHECK(lot.rapports[0].finess == "2A0000001");  // by FINESS, as text
    const csv::rapport_lu& lu = lot.rapports[1];
    const rapport_valide& r = lu.rapport;
    CHECK(lu.finess == "750000001");
    CHECK(lu.ligne_valeurs == 2);
    CHECK(lu.ligne_etablissement == 2);
    CHECK(r.exercice() == 2018);
    CHECK(r.annee_contrat() == 2);
    CHECK(r.produits_assurance_maladie() == euros(80'000'000));
    CHECK(r.economies()[0] == centimes{0});
    CHECK(r.economies()[1] == centimes{-150025});
    CHECK_FALSE(r.decisions()[0].has_value());
    CHECK(r.decisions()[1] == centimes{1'200'000});
    REQUIRE(r.valeurs().size() == 4);
    CHECK(r.valeurs()[0][0].v == fraction{21, 40});
    CHECK(r.valeurs()[0][0].type == type_mesure::taux);
    CHECK(r.valeurs()[1][0].v == entier(123456));
    CHECK(r.valeurs()[1][1].etat == etat_valeur::non_concernee);
    CHECK(r.valeurs()[2][0].v == entier(1));
    CHECK(r.valeurs()[3][0].v == pourcentage(-35, 10));
    const auto rt = validate<t_def>(r);
    REQUIRE(rt.ok());
    const resultat_evaluation res = evaluateur<t_def>::evaluer(rt.valeur(), {});
    CHECK(res.volets[0].score.valeur() == entier(1));
    CHECK(lot.valeurs.read == 10);
    CHECK(lot.valeurs.accepted == 10);
    CHECK(lot.etablissements.accepted == 2);
    CHECK(lot.balanced());
}

TEST_CASE("csv reader: plain dialect, LF, columns in any order", "[csv]") {
    const std::string v =
        "valeur,mesure,indicateur,exercice,finess\n52.5,taux,A1,2019,750000001\n\"1,234.56\",depense,A2,2019,750000001\n"
        "3,boites,A2,2019,750000001\nnon,plan,A3,2019,750000001\nNR,evolution,B1,2019,750000001\n";
    const std::string e =
        "finess,exercice,annee_contrat,produits_assurance_maladie,economies_socle,economies_transports,decision_socle,decision_transports\n"
        "750000001,2019,1,1000.5,,,,\n";
    const csv::lot_rapports lot = lire(v, e);
    INFO(outils::tout(lot.rejets));
    // "1,234.56" is quoted, so the comma reaches the number parser, which refuses it.
    REQUIRE(lot.rejets.size() == 2);
    CHECK(lot.valeurs.d == dialect::plain);
    CHECK(lot.rejets[0].id == regle::texte_invalide);
    CHECK(lot.rejets[0].lieu == "valeurs.csv:3:valeur");
    CHECK(lot.rejets[1].id == regle::indicateur_absent);
    CHECK(lot.rejets[1].lieu == "valeurs.csv:2:finess");
    CHECK(outils::contient_texte(lot.rejets[1].detail, "missing A2.depense"));
    CHECK(lot.rapports.empty());
    CHECK(lot.valeurs.read == 5);
    CHECK(lot.valeurs.accepted == 0);
    CHECK(lot.valeurs.rejected == 5);
    CHECK(lot.etablissements.rejected == 1);
    CHECK(lot.balanced());
}

TEST_CASE("csv reader: every row-level rejection (CAQES-E029 and the others), with its location", "[csv]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;\r\n";
    struct cas {
        std::string ligne;
        regle id;
        std::string champ;
        std::string extrait;
    };
    const std::array<cas, 14> cas_{{
        {"750000001;2018;Z9;taux;1", regle::mesure_inconnue, "indicateur", "unknown indicator code \"Z9\""},
        {"750000001;2018;A1;valeur;1", regle::mesure_inconnue, "mesure", "unknown measure \"valeur\" of indicator A1"},
        {"750000001;2018;A1;taux;oui", regle::mesure_mauvaise_nature, "valeur", "expected taux"},
        {"750000001;2018;A3;plan;1", regle::mesure_mauvaise_nature, "valeur", "got the number"},
        {"750000001;2018;A3;plan;partiel", regle::valeur_hors_domaine, "valeur", "is not oui or non"},
        {"750000001;2018;A2;depense;-12,50", regle::valeur_hors_domaine, "valeur", "-12.5 EUR"},
        {"750000001;2018;A1;taux;100,1", regle::valeur_hors_domaine, "valeur", "[0, 100] %"},
        {"750000001;2018;B1;evolution;-100,5", regle::valeur_hors_domaine, "valeur", ">= -100 %"},
        {"750000001;2018;A2;boites;2,5", regle::valeur_hors_domaine, "valeur", "whole number"},
        {"750000001;2018;A1;taux;abc", regle::texte_invalide, "valeur", "not a number: \"abc\""},
        {"750000001;2018;A2;depense;0,005", regle::texte_invalide, "valeur", "at most 2"},
        {"75000001;2018;A1;taux;1", regle::finess_mal_forme, "finess", "\"75000001\""},
        {"750000001;2016;A1;taux;1", regle::exercice_non_couvert, "exercice", "2016 is outside [2017-07-01, 2022-01-01)"},
        {"750000001;2018;A1;taux", regle::texte_invalide, "valeur", "4 fields, the header has 5"},
    }};
    for (const auto& c : cas_) {
        INFO(c.ligne);
        const csv::lot_rapports lot = lire(h + c.ligne + "\r\n", e);
        INFO(outils::tout(lot.rejets));
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].id == c.id);
        CHECK(lot.rejets[0].lieu == "valeurs.csv:2:" + c.champ);
        CHECK(outils::contient_texte(lot.rejets[0].detail, c.extrait));
        CHECK(lot.valeurs.read == 1);
        CHECK(lot.valeurs.rejected == 1);
        CHECK(lot.valeurs.rows[0].state == csv::row_state::rejected);
        CHECK(lot.valeurs.rows[0].reason == 0);
        CHECK(lot.balanced());
    }
}

TEST_CASE("csv reader: duplicates, missing measures and the establishment file", "[csv]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;\r\n";

    SECTION("a duplicate row is rejected, the first one stands") {
        const std::string v = h + valeurs_fr("750000001", "2018") + "750000001;2018;A1;taux;10\r\n";
        const csv::lot_rapports lot = lire(v, e);
        REQUIRE(lot.rejets.size() == 1);
        CHECK(lot.rejets[0].lieu == "valeurs.csv:7:mesure");
        CHECK(outils::contient_texte(lot.rejets[0].detail, "duplicate of line 2"));
        REQUIRE(lot.rapports.size() == 1);
        CHECK(lot.rapports[0].rapport.valeurs()[0][0].v == fraction{21, 40});
        CHECK(lot.valeurs.read == 6);
        CHECK(lot.valeurs.accepted == 5);
        CHECK(lot.valeurs.rejected == 1);
    }
    SECTION("a rejected value leaves its measure missing: the whole establishment-year goes") {
        std::string v = h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018");
        v.replace(v.find("52,5"), 4, "n.d.");
        const csv::lot_rapports lot = lire(v, e + "750000002;2018;1;1000;;;;\r\n");
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rejets.size() == 2);
        CHECK(lot.rejets[0].lieu == "valeurs.csv:2:valeur");
        CHECK(lot.rejets[1].id == regle::indicateur_absent);
        CHECK(lot.rejets[1].lieu == "valeurs.csv:2:finess");
        CHECK(outils::contient_texte(lot.rejets[1].detail, "750000001 2018: missing A1.taux"));
        CHECK(outils::contient_texte(lot.rejets[1].detail, "4 rows, lines 3 to 6 and etablissements.csv:2"));
        REQUIRE(lot.rapports.size() == 1);
        CHECK(lot.rapports[0].finess == "750000002");
        CHECK(lot.valeurs.accepted == 5);
        CHECK(lot.valeurs.rejected == 5);
        for (std::size_t i = 1; i < 5; ++i) CHECK(lot.valeurs.rows[i].reason == 1);
        CHECK(lot.etablissements.accepted == 1);
        CHECK(lot.etablissements.rejected == 1);
        CHECK(lot.balanced());
    }
    SECTION("no establishment row, and an establishment row with no values") {
        const csv::lot_rapports lot = lire(h + valeurs_fr("750000009", "2018"), e);
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rejets.size() == 2);
        CHECK(lot.rejets[0].lieu == "valeurs.csv:2:finess");
        CHECK(outils::contient_texte(lot.rejets[0].detail, "no row in etablissements.csv"));
        CHECK(lot.rejets[1].lieu == "etablissements.csv:2:finess");
        CHECK(outils::contient_texte(lot.rejets[1].detail, "no row in valeurs.csv"));
        CHECK(lot.rapports.empty());
        CHECK(lot.valeurs.rejected == 5);
        CHECK(lot.etablissements.rejected == 1);
        CHECK(lot.balanced());
    }
    SECTION("establishment rows: fields, duplicates, and the rejection reaching the values") {
        const std::string etabs = entete_etab_fr + "750000001;2018;0;-1;x;;-5;\r\n750000002;2018;1;1000;;;;\r\n750000002;2018;1;1000;;;;\r\n";
        const csv::lot_rapports lot = lire(h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018"), etabs);
        INFO(outils::tout(lot.rejets));
        CHECK(a(lot, "etablissements.csv:2:annee_contrat") != nullptr);
        CHECK(a(lot, "etablissements.csv:2:produits_assurance_maladie")->id == regle::valeur_hors_domaine);
        CHECK(a(lot, "etablissements.csv:2:economies_socle")->id == regle::texte_invalide);
        CHECK(a(lot, "etablissements.csv:2:decision_socle")->id == regle::valeur_hors_domaine);
        CHECK(outils::contient_texte(a(lot, "etablissements.csv:4:finess")->detail, "duplicate of line 3"));
        CHECK(outils::contient_texte(a(lot, "valeurs.csv:2:finess")->detail, "its row etablissements.csv:2 was rejected"));
        REQUIRE(lot.rapports.size() == 1);
        CHECK(lot.rapports[0].finess == "750000002");
        CHECK(lot.etablissements.read == 3);
        CHECK(lot.etablissements.accepted == 1);
        CHECK(lot.etablissements.rejected == 2);
        CHECK(lot.balanced());
    }
    SECTION("a bad header rejects every row of its file, once") {
        const csv::lot_rapports lot = lire("finess;exercice;indicator;mesure;valeur\r\n" + valeurs_fr("750000001", "2018"), e);
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].lieu == "valeurs.csv:1:indicator");
        CHECK(outils::contient_texte(lot.rejets[0].detail, "unknown column \"indicator\""));
        CHECK(lot.valeurs.rejected == 5);
        for (const auto& s : lot.valeurs.rows) CHECK(s.reason == 0);
        const csv::lot_rapports manque = lire(h + valeurs_fr("750000001", "2018"), "finess;exercice;annee_contrat;produits_assurance_maladie\r\n");
        CHECK(manque.rejets[0].lieu == "etablissements.csv:1:economies_socle");
        CHECK(manque.balanced());
    }
}
