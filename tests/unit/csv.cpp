// The CSV batch input: exact numbers, dialects, records, and the reader's accept/reject
// decisions with their file:line:field locations and the reconciliation.
#include "grille_banc_7.hpp"  // generated from benchmarks/gen_grids.py
#include "outils.hpp"

#include <caqes/io/csv.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <istream>
#include <limits>
#include <optional>
#include <random>
#include <span>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace {
using namespace caqes;
using csv::dialect;

// A small template: the socle with a rate, a two-measure indicator (amount and count) and a
// yes/no item; transports with a growth rate and an incentive.
inline constexpr mesure<grandeur::taux> t_taux{"taux"};
inline constexpr mesure<grandeur::montant> t_depense{"depense"};
inline constexpr mesure<grandeur::nombre> t_boites{"boites"};
inline constexpr mesure<grandeur::oui_non> t_plan{"plan"};
inline constexpr mesure<grandeur::taux_evolution> t_evolution{"evolution"};
inline constexpr periode t_validite{ymd{2017, 7, 1}, ymd{2022, 1, 1}};

inline constexpr std::array<indicateur, 3> t_socle{{
    {.id = 1,
     .code = "A1",
     .libelle = "taux",
     .provenance = origine::illustrative,
     .mesures = {{t_taux.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(t_taux, taux_pourcent(50)),
     .validite = t_validite},
    {.id = 2,
     .code = "A2",
     .libelle = "depense et boites",
     .provenance = origine::illustrative,
     .mesures = {{t_depense.def(), t_boites.def()}},
     .direction = sens::plus_bas_est_mieux,
     .ref = t_depense < montant_euros(1'000) || t_boites <= nombre_de(10),
     .validite = t_validite},
    {.id = 3,
     .code = "A3",
     .libelle = "plan",
     .provenance = origine::illustrative,
     .mesures = {{t_plan.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(t_plan, oui),
     .validite = t_validite},
}};
inline constexpr std::array<indicateur, 1> t_transports{{
    {.id = 4,
     .code = "B1",
     .libelle = "evolution",
     .provenance = origine::illustrative,
     .mesures = {{t_evolution.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(t_evolution, evolution_pourcent(22, 10)),
     .validite = t_validite},
}};
inline constexpr std::array<volet_modele, 2> t_volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = t_socle, .clauses = sanction},
    {.volet = volet_id::volet_transports,
     .terme = duree_annees(3),
     .grille = t_transports,
     .clauses = sanction | interessement},
}};
inline constexpr modele_contrat_def t_def{
    .nom = "test csv",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = t_volets,
};
struct t_modele : modele_contrat<t_def> {};

const std::string entete_etab_fr =
    "finess;exercice;annee_contrat;produits_assurance_maladie;economies_socle;economies_transports;decision_socle;"
    "decision_transports;"
    "annee_produits;nature_socle;nature_transports\r\n";

// The five measures of one establishment-year, French dialect.
std::string valeurs_fr(const std::string& finess, const std::string& annee) {
    return finess + ";" + annee + ";A1;taux;52,5\r\n" + finess + ";" + annee + ";A2;depense;1 234,56\r\n" + finess +
           ";" + annee + ";A2;boites;NC\r\n" + finess + ";" + annee + ";A3;plan;oui\r\n" + finess + ";" + annee +
           ";B1;evolution;-3,5\r\n";
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
    CHECK(csv::parse_centimes("1\xC2\xA0"
                              "234,56",
                              dialect::french)
              .value == centimes{123456});
    CHECK(csv::parse_centimes("1\xE2\x80\xAF"
                              "234\xE2\x80\xAF"
                              "567,5",
                              dialect::french)
              .value == centimes{123456750});
    CHECK(csv::parse_centimes("1234.56", dialect::plain).value == centimes{123456});
    CHECK(csv::parse_centimes("-5", dialect::french).value == centimes{-500});
    CHECK(csv::parse_centimes(" +7,1 ", dialect::french).value == centimes{710});
    CHECK(csv::parse_centimes("0,01", dialect::french).value == centimes{1});
    // The byte a refusal points at is counted in the text it quotes, leading blanks included.
    CHECK(csv::parse_centimes("   1 234,5x", dialect::french).error ==
          "not a number: \"   1 234,5x\" (unexpected character at byte 11)");
    CHECK(csv::parse_centimes("1 234,5x", dialect::french).error ==
          "not a number: \"1 234,5x\" (unexpected character at byte 8)");

    // Boundaries: a sub-cent amount, and the 64-bit limit on both sides.
    CHECK_FALSE(csv::parse_centimes("0,005", dialect::french).ok());
    CHECK(outils::contient_texte(csv::parse_centimes("0,005", dialect::french).error, "3 decimals"));
    CHECK(csv::parse_centimes("92233720368547758,07", dialect::french).value.valeur ==
          std::numeric_limits<std::int64_t>::max());
    CHECK(csv::parse_centimes("-92233720368547758,07", dialect::french).value.valeur ==
          -std::numeric_limits<std::int64_t>::max());
    CHECK_FALSE(csv::parse_centimes("92233720368547758,08", dialect::french).ok());
    CHECK(outils::contient_texte(csv::parse_centimes("92233720368547758,08", dialect::french).error,
                                 "the 64-bit limit in cents"));
    CHECK(csv::parse_centimes("92233720368547758,08", dialect::french).rule == regle::depassement_capacite);
    CHECK(csv::parse_centimes("abc", dialect::french).rule == regle::texte_invalide);
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
    const csv::table t = csv::split(
        "\xEF\xBB\xBF"
        "a;b;c\r\n\"x;y\";\"say \"\"hi\"\"\";3\r\n\r\n\"two\r\nlines\";;\r\nlast;1;2");
    CHECK(t.had_bom);
    CHECK(t.d == dialect::french);
    REQUIRE(t.header);
    CHECK(t.header->fields == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].line == 2);
    CHECK(t.rows[0].fields == std::vector<std::string>{"x;y", "say \"hi\"", "3"});
    // A field holds no line end: the quote left open on line 4 rejects that line alone, and
    // line 5 is read as the record it is.
    CHECK(t.rows[1].line == 4);  // the empty line 3 is no record
    CHECK(t.rows[1].error == "quoted field not closed at the end of its line (a field may not hold a line end)");
    CHECK(t.rows[1].error_field == 0);
    CHECK(t.rows[2].line == 5);
    CHECK(t.rows[2].error == "quote inside an unquoted field");
    CHECK(t.rows[3].line == 6);
    CHECK(t.rows[3].fields == std::vector<std::string>{"last", "1", "2"});
    CHECK(t.lines == 6);
    CHECK(t.blank == 1);

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
    CHECK(e.rows[2].error == "quoted field not closed at the end of its line (a field may not hold a line end)");
    CHECK(e.rows[2].line == 4);
}

TEST_CASE("csv records: CR alone is no line end, the reader stops at it and says where", "[csv][fin_de_ligne]") {
    const csv::table t = csv::split("a;b\r\n1;2\r\n3\r;4\r\n5;6\r\n");
    REQUIRE(t.lone_cr);
    CHECK(t.lone_cr->line == 3);
    CHECK(t.lone_cr->byte == 2);
    CHECK(t.rows.size() == 1);
    CHECK(t.lines == 2);
    // A CR at the very end of the text has no LF after it either.
    const csv::table fin = csv::split("a;b\n1;2\r");
    REQUIRE(fin.lone_cr);
    CHECK(fin.lone_cr->line == 2);
    CHECK(fin.lone_cr->byte == 4);
    // CRLF and LF may mix: each is a line end.
    const csv::table mix = csv::split("a;b\r\n1;2\n3;4");
    CHECK_FALSE(mix.lone_cr);
    CHECK(mix.rows.size() == 2);
    CHECK(mix.lines == 3);
}

TEST_CASE("csv records: a stream read through a fixed buffer gives the records of the text", "[csv][flux]") {
    // Lines of every length around the buffer's size, CRLF split across refills, a line too
    // long, and a CR alone deep inside a skipped line.
    std::string texte = "a;b\r\n";
    for (std::size_t n = 1; n <= 40; ++n)
        texte += std::string(n, 'x') + ";" + std::to_string(n) + "\r\n";
    texte += std::string(100, 'y') + "\n";
    texte += "\"q\"\"\";z\n\nfin;1";
    const csv::limites l{.ligne_max = 24};
    const csv::table attendu = csv::split(texte, {}, l);
    std::istringstream in{texte};
    csv::record_reader r{in, {}, l};
    csv::record_view v{};
    std::size_t i = 0;
    REQUIRE(r.next(v));  // the header
    CHECK(v.fields.size() == 2);
    while (r.next(v)) {
        REQUIRE(i < attendu.rows.size());
        const csv::record& a = attendu.rows[i++];
        CHECK(v.line == a.line);
        CHECK(csv::message(v.error) == a.error);
        CHECK(std::vector<std::string>(v.fields.begin(), v.fields.end()) == a.fields);
    }
    CHECK(i == attendu.rows.size());
    CHECK(r.lines() == attendu.lines);
    CHECK(r.lines() == 45);
    CHECK(r.blank() == 1);
    CHECK(attendu.rows[23].error ==
          "line longer than the reader's limit (limites::ligne_max, 64 KiB by default)");  // 23 x's and more
    CHECK(attendu.rows[40].line == 42);
    CHECK(attendu.rows[40].error == "line longer than the reader's limit (limites::ligne_max, 64 KiB by default)");
    CHECK(attendu.rows[41].fields == std::vector<std::string>{"q\"", "z"});

    std::string cr = "a;b\n" + std::string(50, 'y') + "\r" + std::string(50, 'y') + "\n1;2\n";
    std::istringstream in_cr{cr};
    csv::record_reader rc{in_cr, {}, l};
    std::size_t n = 0;
    while (rc.next(v))
        ++n;
    CHECK(n == 1);
    REQUIRE(rc.lone_cr());
    CHECK(rc.lone_cr()->line == 2);
    CHECK(rc.lone_cr()->byte == 51);
}

TEST_CASE("csv reader: the first pass finds the first CR alone, counts CRs and lines, whatever the chunks", "[csv]") {
    const std::string texte =
        "\xEF\xBB\xBF"
        "a;b\r\nc;d\r\nef\rgh\r\n\r\nij\r";
    const csv::apercu_fichier tout = csv::apercu(texte);
    REQUIRE(tout.lone_cr);
    CHECK(tout.lone_cr->line == 3);
    CHECK(tout.lone_cr->byte == 3);
    CHECK(tout.cr == 6);
    CHECK(tout.crlf == 4);
    CHECK(tout.bytes == texte.size());
    CHECK(tout.lines == 5);
    CHECK(tout.head == texte);
    for (std::size_t taille = 1; taille <= texte.size(); ++taille) {
        INFO(taille);
        csv::detail::analyse_fins a;
        for (std::size_t i = 0; i < texte.size(); i += taille)
            a.ajouter(std::string_view{texte}.substr(i, taille));
        const csv::apercu_fichier x = a.finir({}, texte.size());
        REQUIRE(x.lone_cr);
        CHECK(x.lone_cr->line == 3);
        CHECK(x.lone_cr->byte == 3);
        CHECK(x.cr == 6);
        CHECK(x.crlf == 4);
    }
    std::istringstream flux{texte};
    const csv::apercu_fichier f = csv::apercu(flux);
    CHECK(f.head == texte);
    CHECK(f.cr == 6);
    CHECK(flux.tellg() == 0);  // put back at its start, for the second pass
    const csv::apercu_fichier propre = csv::apercu(std::string_view{"a;b\r\nc;d\n"});
    CHECK_FALSE(propre.lone_cr);
    CHECK(propre.cr == 1);
}

TEST_CASE("csv reader: French dialect, accepted reports in template order", "[csv]") {
    const std::string v =
        "\xEF\xBB\xBF"
        "finess;exercice;indicateur;mesure;valeur\r\n" +
        valeurs_fr("750000001", "2018") + valeurs_fr("2A0000001", "2018");
    const std::string e = "\xEF\xBB\xBF" + entete_etab_fr +
                          "750000001;2018;2;80 000 000,00;;-1 500,25;;12 000;2016;;sanction\r\n" +
                          "2A0000001;2018;1;1000;;;;;;;\r\n";
    const csv::lot_rapports lot = lire(v, e);
    INFO(outils::tout(lot.rejets));
    CHECK(lot.rejets.empty());
    REQUIRE(lot.rapports.size() == 2);
    CHECK(lot.rapports[1].finess == "2A0000001");  // in the values file's order, as each one ends
    const csv::rapport_lu& lu = lot.rapports[0];
    const rapport_valide& r = lu.rapport;
    CHECK(lu.finess == "750000001");
    CHECK(lu.ligne_valeurs == 2);
    CHECK(lu.ligne_etablissement == 2);
    CHECK(r.exercice() == 2018);
    CHECK(r.annee_contrat() == 2);
    CHECK(r.produits_assurance_maladie() == euros(80'000'000));
    CHECK_FALSE(r.economies()[0].has_value());  // an empty cell: non renseigne, not 0
    CHECK(r.economies()[1] == centimes{-150025});
    CHECK(r.annee_produits() == 2016);
    REQUIRE(r.decisions().size() == 1);  // an empty decision: none recorded
    CHECK(r.decisions()[0].volet == 1);
    CHECK(r.decisions()[0].d.nature == issue_legale::sanction_volet);
    CHECK(r.decisions()[0].d.montant == centimes{1'200'000});
    REQUIRE(r.valeurs().size() == 4);
    CHECK(r.valeurs()[0][0].v == fraction{21, 40});
    CHECK(r.valeurs()[0][0].type == type_mesure::taux);
    CHECK(r.valeurs()[1][0].v == entier(123456));
    CHECK(r.valeurs()[1][1].etat == etat_valeur::non_concernee);
    CHECK(r.valeurs()[2][0].v == entier(1));
    CHECK(r.valeurs()[3][0].v == pourcentage(-35, 10));
    const auto rt = validate<t_def>(r);
    REQUIRE(rt.ok());
    const resultat_evaluation res = evaluateur<t_def>::evaluer(rt.valeur());
    CHECK(res.volets[0].score.valeur() == entier(1));
    CHECK(lot.valeurs.read == 10);
    CHECK(lot.valeurs.accepted == 10);
    CHECK(lot.etablissements.accepted == 2);
    CHECK(lot.balanced());
}

TEST_CASE("csv reader: plain dialect, LF, columns in any order", "[csv]") {
    const std::string v =
        "valeur,mesure,indicateur,exercice,finess\n52.5,taux,A1,2019,750000001\n\"1,234.56\",depense,A2,2019,"
        "750000001\n"
        "3,boites,A2,2019,750000001\nnon,plan,A3,2019,750000001\nNR,evolution,B1,2019,750000001\n";
    const std::string e =
        "finess,exercice,annee_contrat,produits_assurance_maladie,economies_socle,economies_transports,decision_socle,"
        "decision_transports,"
        "annee_produits,nature_socle,nature_transports\n"
        "750000001,2019,1,1000.5,,,,,,,\n";
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
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n";
    struct cas {
        std::string ligne;
        regle id;
        std::string champ;
        std::string extrait;
    };
    const std::array<cas, 21> cas_{{
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
        {"75000001;2018;A1;taux;1", regle::finess_mal_forme, "finess", "\"75000001\" is 8 characters long"},
        // Nine characters, but one a letter, or a department code that is not one: the detail
        // says which (csv::detail::finess_mal_forme_detail), not "not nine characters".
        {"75000001X;2018;A1;taux;1", regle::finess_mal_forme, "finess", "\"75000001X\": character 9 is not a digit"},
        {"2C0000001;2018;A1;taux;1", regle::finess_mal_forme, "finess", "\"2C\" is no department code"},
        {"750000001;2016;A1;taux;1", regle::exercice_non_couvert, "exercice",
         "2016 is outside [2017-07-01, 2022-01-01)"},
        // A year is digits, as a date writes it: an amount's sign and grouping are no year's.
        {"750000001;+2018;A1;taux;1", regle::texte_invalide, "exercice", "not a year: \"+2018\""},
        {"750000001;2 018;A1;taux;1", regle::texte_invalide, "exercice", "not a year: \"2 018\""},
        {"750000001;2018,0;A1;taux;1", regle::texte_invalide, "exercice", "one to four digits, as in 2018"},
        {"750000001;2018;A1;taux", regle::texte_invalide, "valeur", "4 fields, the header has 5"},
        // A quote error is located at its field, named by its position past the header's last.
        {"750000001;2018;A\"1;taux;1", regle::texte_invalide, "indicateur", "quote inside an unquoted field"},
        {"750000001;2018;A1;taux;1;x;\"y\"z", regle::texte_invalide, "column 7", "text after a closing quote"},
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
        CHECK(lot.balanced());
    }
}

TEST_CASE("csv reader: duplicates, missing measures and the establishment file", "[csv]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n";

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
        const csv::lot_rapports lot = lire(v, e + "750000002;2018;1;1000;;;;;;;\r\n");
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
        const std::string etabs =
            entete_etab_fr +
            "750000001;2018;0;-1;x;;-5;;;sanction;\r\n750000002;2018;1;1000;;;;;;;\r\n750000002;2018;1;1000;;;;;;;\r\n";
        const csv::lot_rapports lot =
            lire(h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018"), etabs);
        INFO(outils::tout(lot.rejets));
        CHECK(a(lot, "etablissements.csv:2:annee_contrat") != nullptr);
        CHECK(a(lot, "etablissements.csv:2:produits_assurance_maladie")->id == regle::valeur_hors_domaine);
        // A contract year and a year of the base are digits: "0 002" and "+2 017" are refused.
        const csv::lot_rapports annees =
            lire(h + valeurs_fr("750000001", "2018"), entete_etab_fr + "750000001;2018;0 002;1000;;;;;+2 017;;\r\n");
        INFO(outils::tout(annees.rejets));
        CHECK(outils::contient_texte(a(annees, "etablissements.csv:2:annee_contrat")->detail, "not a year: \"0 002\""));
        CHECK(
            outils::contient_texte(a(annees, "etablissements.csv:2:annee_produits")->detail, "not a year: \"+2 017\""));
        CHECK(a(lot, "etablissements.csv:2:economies_socle")->id == regle::texte_invalide);
        CHECK(a(lot, "etablissements.csv:2:decision_socle")->id == regle::valeur_hors_domaine);
        CHECK(outils::contient_texte(a(lot, "etablissements.csv:4:finess")->detail, "duplicate of line 3"));
        CHECK(outils::contient_texte(a(lot, "valeurs.csv:2:finess")->detail,
                                     "its row etablissements.csv:2 was rejected"));
        REQUIRE(lot.rapports.size() == 1);
        CHECK(lot.rapports[0].finess == "750000002");
        CHECK(lot.etablissements.read == 3);
        CHECK(lot.etablissements.accepted == 1);
        CHECK(lot.etablissements.rejected == 2);
        CHECK(lot.balanced());
    }
    SECTION("a bad header rejects every row of its file, once") {
        const csv::lot_rapports lot =
            lire("finess;exercice;indicator;mesure;valeur\r\n" + valeurs_fr("750000001", "2018"), e);
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].lieu == "valeurs.csv:1:indicator");
        CHECK(outils::contient_texte(lot.rejets[0].detail, "unknown column \"indicator\""));
        CHECK(lot.valeurs.rejected == 5);
        CHECK(lot.valeurs.unusable == 0U);
        const csv::lot_rapports manque =
            lire(h + valeurs_fr("750000001", "2018"), "finess;exercice;annee_contrat;produits_assurance_maladie\r\n");
        CHECK(manque.rejets[0].lieu == "etablissements.csv:1:annee_produits");
        CHECK(manque.balanced());
    }
}

// The short form (detail::decimal_simple) answers only where the general loop accepts, with the
// loop's decimal; everywhere else parse_decimal is the loop, refusal text and rule included.
TEST_CASE("csv numbers: the short form gives the general loop's decimal, and only where the loop accepts",
          "[csv][nombres]") {
    const auto meme = [](std::string_view texte, dialect d) {
        const csv::parsed<csv::decimal> boucle = csv::detail::parse_decimal_boucle(texte, d);
        const csv::parsed<csv::decimal> lu = csv::parse_decimal(texte, d);
        const std::optional<csv::detail::decimal_court> court = csv::detail::decimal_simple(csv::trim(texte), d);
        INFO(std::string{texte});
        if (court) {
            REQUIRE(boucle.ok());
            CHECK(court->mantissa == boucle.value.mantissa);
            CHECK(court->decimals == boucle.value.decimals);
        }
        CHECK(lu.ok() == boucle.ok());
        CHECK(lu.error == boucle.error);
        CHECK(lu.rule == boucle.rule);
        CHECK(lu.value.mantissa == boucle.value.mantissa);
        CHECK(lu.value.decimals == boucle.value.decimals);
        // Each kind's short path gives what its rule gives on the loop's decimal.
        const auto pareils = [](const auto& court_, const auto& regle_) {
            CHECK(court_.ok() == regle_.ok());
            CHECK(court_.error == regle_.error);
            CHECK(court_.rule == regle_.rule);
            CHECK(court_.value == regle_.value);
        };
        pareils(csv::parse_integer(texte, d), csv::detail::entier_de(boucle, texte));
        pareils(csv::parse_centimes(texte, d), csv::detail::centimes_de(boucle, texte));
        pareils(csv::parse_fraction(texte, d), csv::detail::fraction_de(boucle, texte, 1));
        pareils(csv::parse_percent(texte, d), csv::detail::fraction_de(boucle, texte, 100));
        return court.has_value();
    };
    // The edges, each way.
    for (const dialect d : {dialect::french, dialect::plain}) {
        const std::string m(1, csv::decimal_mark(d));
        CHECK(meme("123" + m + "45", d));
        CHECK(meme(" -0" + m + "5\t", d));
        CHECK(meme("+7", d));
        CHECK(meme("-0", d));
        CHECK(meme(std::string(18, '9'), d));
        CHECK(meme("-" + std::string(9, '9') + m + std::string(9, '9'), d));
        CHECK_FALSE(meme(std::string(19, '9'), d));  // the loop's 128-bit mantissa
        CHECK_FALSE(meme("1" + m, d));
        CHECK_FALSE(meme(m + "5", d));
        CHECK_FALSE(meme("1" + m + "2" + m + "3", d));
        CHECK_FALSE(meme("-", d));
        CHECK_FALSE(meme("", d));
        CHECK_FALSE(meme("1e3", d));
        CHECK_FALSE(meme("--1", d));
        // The kinds' limits on the short path: cents past INT64_MAX, a third decimal, a
        // fraction of a percent with 18 decimals.
        CHECK(meme("92233720368547758", d));                   // x 100 is the last amount that fits
        CHECK(meme("92233720368547759", d));                   // x 100 does not: refused by the rule
        CHECK_FALSE(meme("92233720368547758" + m + "07", d));  // 19 digits: the loop's
        CHECK_FALSE(meme("92233720368547758" + m + "08", d));
        CHECK(meme("-92233720368547758" + m + "1", d));
        CHECK(meme("999999999999999999", d));
        CHECK(meme("1" + m + "234", d));
        CHECK(meme("0" + m + "00000000000000001", d));
        CHECK(meme("7" + m + "0", d));
    }
    CHECK_FALSE(meme("1 234,5", dialect::french));  // thousands: the loop's
    CHECK_FALSE(meme("1.5", dialect::french));
    CHECK_FALSE(meme("1,5", dialect::plain));
    // Every text of up to 5 characters over the characters that matter, and long ones drawn
    // at random: the same answer either way.
    const std::string_view alphabet = "09,.-+ ";
    std::size_t courts = 0;
    std::string t;
    for (std::size_t n = 0; n <= 5; ++n) {
        std::size_t total = 1;
        for (std::size_t k = 0; k < n; ++k)
            total *= alphabet.size();
        for (std::size_t code = 0; code < total; ++code) {
            t.clear();
            for (std::size_t k = 0, c = code; k < n; ++k, c /= alphabet.size())
                t += alphabet[c % alphabet.size()];
            for (const dialect d : {dialect::french, dialect::plain})
                courts += meme(t, d) ? 1 : 0;
        }
    }
    std::mt19937_64 alea{20261204};
    for (int essai = 0; essai < 5000; ++essai) {
        t.clear();
        const std::size_t n = 5 + alea() % 16;
        for (std::size_t k = 0; k < n; ++k)
            t += alea() % 8 == 0 ? alphabet[alea() % alphabet.size()] : static_cast<char>('0' + alea() % 10);
        for (const dialect d : {dialect::french, dialect::plain})
            courts += meme(t, d) ? 1 : 0;
    }
    CHECK(courts > 4000);  // the short form is exercised, not only the loop (5 084 times)
}

TEST_CASE("csv values: every word the value's text writes reads back as its value, and no other kind's word does",
          "[csv][texte]") {
    // One mapping (mots_qualitatifs) for the writer (texte) and the reader (lire_valeur), which
    // takes a word in any case, blanks aside.
    const auto majuscules = [](std::string x) {
        for (char& c : x)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return x;
    };
    for (const type_mesure t : {type_mesure::oui_non, type_mesure::echelle}) {
        const std::int64_t haut = t == type_mesure::echelle ? 2 : 1;
        for (std::int64_t n = 0; n <= haut; ++n) {
            const std::string mot = texte(t, entier(n));
            INFO(nom(t) << " " << n << " " << mot);
            for (const dialect d : {dialect::plain, dialect::french}) {
                const csv::detail::valeur_lue lu = csv::detail::lire_valeur(mot, t, d);
                CHECK(lu.erreur == regle::aucune);
                CHECK(lu.v.etat == etat_valeur::renseignee);
                CHECK(lu.v.v == entier(n));
                CHECK(csv::detail::lire_valeur(concat(" ", majuscules(mot), " "), t, d).v.v == entier(n));
            }
            CHECK(csv::detail::mot_de_valeur(mot));
        }
        // Out of the domain, the number as given, not a word that would read back as another value.
        CHECK(texte(t, entier(3)) == "3");
    }
    // "partiel" is a word of the no/partial/yes scale only.
    const csv::detail::valeur_lue partiel = csv::detail::lire_valeur("partiel", type_mesure::oui_non, dialect::plain);
    CHECK(partiel.erreur == regle::valeur_hors_domaine);
    CHECK(csv::detail::lire_valeur("oui", type_mesure::taux, dialect::plain).erreur == regle::mesure_mauvaise_nature);
    CHECK_FALSE(csv::detail::mot_de_valeur("ouii"));
}

TEST_CASE("csv reader: a decision's nature is read in any case, blanks aside", "[csv][texte]") {
    const std::string v = "finess;exercice;indicateur;mesure;valeur\r\n" + valeurs_fr("750000001", "2018");
    for (const std::string mot : {"sanction", "Sanction", " SANCTION "}) {
        INFO(mot);
        const csv::lot_rapports lot = lire(v, entete_etab_fr + "750000001;2018;1;1000;;;5;;;" + mot + ";\r\n");
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rejets.empty());
        REQUIRE(lot.rapports.size() == 1);
        const auto d = lot.rapports[0].rapport.decisions();
        REQUIRE(d.size() == 1);
        CHECK(d[0].d.nature == issue_legale::sanction_volet);
        CHECK(d[0].d.montant == centimes{500});
    }
    const csv::lot_rapports faux = lire(v, entete_etab_fr + "750000001;2018;1;1000;;;5;;;sanctions;\r\n");
    INFO(outils::tout(faux.rejets));
    const violation* refus = a(faux, "etablissements.csv:2:nature_socle");
    REQUIRE(refus != nullptr);
    CHECK(refus->id == regle::decision_hors_issues);
    CHECK(faux.rapports.empty());
    // Every word names its own nature, and only the words of natures_decision name one.
    for (const csv::nature_ecrite& n : csv::natures_decision) {
        REQUIRE(csv::detail::nature_du_mot(n.mot) != nullptr);
        CHECK(csv::detail::nature_du_mot(n.mot)->nature == n.nature);
    }
    CHECK(csv::detail::nature_du_mot("") == nullptr);
}

// detail::reduire_decimal strips the factors 2 and 5 instead of taking a gcd: the same lowest
// terms as reduire, for every power of ten a value can have and mantissas full of both factors.
TEST_CASE("csv numbers: a decimal's lowest terms without a gcd are reduire's", "[csv][nombres]") {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    std::vector<int128> mantisses{0,
                                  1,
                                  -1,
                                  2,
                                  5,
                                  10,
                                  -10,
                                  16,
                                  25,
                                  125,
                                  1000,
                                  1024,
                                  390625,
                                  3,
                                  7,
                                  12'500'000,
                                  -4'096'000,
                                  999'999'999'999'999'999,
                                  max,
                                  -max,
                                  int128{max} + 1,
                                  -(int128{max} + 1)};
    std::mt19937_64 alea{20261205};
    for (int i = 0; i < 2000; ++i) {
        // A product of powers of 2 and 5 and a small odd cofactor: the factors the shortcut strips.
        int128 m = static_cast<int128>(1 + 2 * (alea() % 50));
        for (std::uint64_t k = alea() % 30; k > 0 && m < int128{max} / 5; --k)
            m *= alea() % 2 == 0 ? 2 : 5;
        mantisses.push_back(alea() % 2 == 0 ? m : -m);
    }
    for (const int128 m : mantisses) {
        for (int k = 0; k <= 20; ++k) {
            const std::optional<fraction> attendu = reduire(m, csv::detail::power10(k));
            const std::optional<fraction> court = csv::detail::reduire_decimal(m, k);
            INFO(static_cast<long double>(m) << " / 10^" << k);
            REQUIRE(court.has_value() == attendu.has_value());
            if (attendu) {
                CHECK(court->num == attendu->num);
                CHECK(court->den == attendu->den);
            }
        }
    }
    // Through the reader's parsers: 12,50 % is 1/8, 0,000 is 0.
    CHECK(csv::parse_percent("12,50", dialect::french).value == fraction{1, 8});
    CHECK(csv::parse_percent("12,50", dialect::french).value.den == 8);
    CHECK(csv::parse_fraction("0,000", dialect::french).value.den == 1);
    CHECK(csv::parse_fraction("-2,5", dialect::french).value.num == -5);
}

TEST_CASE("csv numbers: a 37-digit amount overflowed a 128-bit product and read as 0.44 EUR", "[csv][depassement]") {
    // 3402823669209384634633746074317682115 x 100 is above 2^127.
    const std::string n = "3402823669209384634633746074317682115";
    for (const dialect d : {dialect::french, dialect::plain}) {
        const csv::parsed<centimes> c = csv::parse_centimes(n, d);
        CHECK_FALSE(c.ok());
        CHECK(c.rule == regle::depassement_capacite);
        CHECK(c.error ==
              "amount out of range: \"" + n + "\" (more than 92233720368547758.07 EUR, the 64-bit limit in cents)");
    }
    // The longest mantissa the parser keeps (37 digits), and one digit more.
    CHECK(csv::parse_centimes(std::string(37, '9'), dialect::french).rule == regle::depassement_capacite);
    CHECK(csv::parse_decimal(std::string(37, '9'), dialect::french).ok());
    CHECK(csv::parse_decimal(std::string(38, '9'), dialect::french).rule == regle::depassement_capacite);
    CHECK(csv::parse_fraction(n, dialect::french).rule == regle::depassement_capacite);
    CHECK(csv::parse_percent(n, dialect::french).rule == regle::depassement_capacite);
    CHECK(csv::parse_integer(n, dialect::french).rule == regle::depassement_capacite);
    CHECK(csv::parse_fraction("9223372036854775807", dialect::french).value ==
          entier(std::numeric_limits<std::int64_t>::max()));
    CHECK(csv::parse_fraction("9223372036854775808", dialect::french).rule == regle::depassement_capacite);
}

TEST_CASE("csv text: UTF-8 validity and fields quoted safely in messages", "[csv][texte]") {
    CHECK_FALSE(csv::invalid_utf8("caf\xC3\xA9 \xE2\x80\xAF \xF0\x9F\x98\x80").has_value());
    CHECK(csv::invalid_utf8("caf\xE9") == 3U);           // Latin-1 e-acute
    CHECK(csv::invalid_utf8("\xC0\xAF") == 0U);          // overlong '/'
    CHECK(csv::invalid_utf8("a\xED\xA0\x80") == 1U);     // a surrogate
    CHECK(csv::invalid_utf8("\xF4\x90\x80\x80") == 0U);  // above U+10FFFF
    CHECK(csv::invalid_utf8("\xE2\x80") == 0U);          // cut short

    CHECK(csv::quoted_field("abc") == "\"abc\"");
    CHECK(csv::quoted_field("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
    CHECK(csv::quoted_field("caf\xE9") == "\"caf\\xE9\"");
    CHECK(csv::quoted_field("a\"b\\c") == "\"a\\\"b\\\\c\"");
    // A crafted field cannot move the cursor, start a line or reverse the text.
    CHECK(csv::quoted_field("\x1b[2K\rOK\n\t\x7f") == "\"\\x1B[2K\\rOK\\n\\t\\x7F\"");
    CHECK(csv::quoted_field("\xE2\x80\xAE"
                            "abc\xC2\x85") == "\"\\u202Eabc\\u0085\"");
    // A field that shows as nine digits, or as a plain leading space, says what else it holds:
    // a zero-width space, a byte order mark, no-break spaces.
    CHECK(csv::quoted_field("759900002\xE2\x80\x8B") == "\"759900002\\u200B\"");
    CHECK(csv::quoted_field("\xEF\xBB\xBF"
                            "759900002") == "\"\\uFEFF759900002\"");
    CHECK(csv::quoted_field("\xC2\xA0"
                            "1 234,56\xE2\x80\xAF") == "\"\\u00A01 234,56\\u202F\"");
    // Letters with accents and ordinary spaces stay as they are.
    CHECK(csv::quoted_field("caf\xC3\xA9 cr\xC3\xA8me") == "\"caf\xC3\xA9 cr\xC3\xA8me\"");
    // A long field: a bounded prefix, cut at a character boundary, and its size.
    CHECK(csv::quoted_field(std::string(1000, 'x')) == "\"" + std::string(csv::quoted_max, 'x') + "...\" (1000 bytes)");
    const std::string accents = std::string(csv::quoted_max - 1, 'x') + "\xC3\xA9";
    CHECK(csv::quoted_field(accents) ==
          "\"" + std::string(csv::quoted_max - 1, 'x') + "...\" (" + std::to_string(accents.size()) + " bytes)");
}

TEST_CASE("csv file: a directory or a missing path is an error value, not an exception", "[csv][fichier]") {
    const std::string dossier = std::filesystem::temp_directory_path().string();
    const csv::parsed<std::string> d = csv::read_file(dossier);
    CHECK_FALSE(d.ok());
    CHECK(d.rule == regle::fichier_inutilisable);
    CHECK(d.error == "cannot read " + dossier + ": it is a directory, not a file");
    const csv::parsed<std::string> m = csv::read_file(dossier + "/caqes-absent-file.csv");
    CHECK(m.rule == regle::fichier_inutilisable);
    CHECK(outils::contient_texte(m.error, "no such file"));

    // Past the maximum size, a clear error rather than memory exhausted.
    const std::filesystem::path chemin = std::filesystem::temp_directory_path() / "caqes-csv-taille-max.csv";
    {
        std::ofstream f{chemin, std::ios::binary};
        f << std::string(100'000, 'x');
    }
    const csv::parsed<std::string> petit = csv::read_file(chemin.string(), 99'999);
    CHECK(petit.rule == regle::fichier_inutilisable);
    CHECK(petit.error == "cannot read " + chemin.string() +
                             ": 100000 bytes, more than the maximum of 99999 read at once; split the batch");
    const csv::parsed<std::string> juste = csv::read_file(chemin.string(), 100'000);
    CHECK(juste.ok());
    CHECK(juste.value == std::string(100'000, 'x'));
    std::filesystem::remove(chemin);
}

TEST_CASE("csv reader: overflow, encoding and messages, each located", "[csv][depassement][texte]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018");
    const std::string e2 = "750000002;2018;1;1000;;;;;;;\r\n";

    SECTION("a 37-digit revenue, decision and value: CAQES-E040 where it is") {
        const std::string n = "3402823669209384634633746074317682115";
        const csv::lot_rapports r = lire(v, entete_etab_fr + "750000001;2018;1;" + n + ";;;;;;;\r\n" + e2);
        REQUIRE_FALSE(r.rejets.empty());
        CHECK(r.rejets[0].id == regle::depassement_capacite);
        CHECK(r.rejets[0].lieu == "etablissements.csv:2:produits_assurance_maladie");
        const csv::lot_rapports d = lire(v, entete_etab_fr + "750000001;2018;1;1000;;;" + n + ";;;sanction;\r\n" + e2);
        CHECK(d.rejets[0].id == regle::depassement_capacite);
        CHECK(d.rejets[0].lieu == "etablissements.csv:2:decision_socle");
        std::string vv = v;
        vv.replace(vv.find("1 234,56"), 8, n);
        const csv::lot_rapports x = lire(vv, entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n" + e2);
        CHECK(x.rejets[0].id == regle::depassement_capacite);
        CHECK(x.rejets[0].lieu == "valeurs.csv:3:valeur");
        CHECK(x.rejets[0].detail == "A2.depense: amount out of range: \"" + n +
                                        "\" (more than 92233720368547758.07 EUR, the 64-bit limit in cents)");
        for (const auto* lot : {&r, &d, &x}) {
            CHECK(lot->rapports.size() == 1);  // the other establishment-year stands
            CHECK(csv::status(*lot) == csv::exit_status::some_rejected);
        }
    }
    SECTION("two decisions at INT64_MAX cents: each breaks the law, and the first, rejected, counts in no total") {
        const std::string max = "92233720368547758,07";
        const csv::lot_rapports lot =
            lire(v, entete_etab_fr + "750000001;2018;1;1000;;;" + max + ";;;sanction;\r\n750000002;2018;1;1000;;;" +
                        max + ";;;sanction;\r\n");
        INFO(outils::tout(lot.rejets));
        // Each passes the reader and breaks the law: 1 % of 1 000 EUR (CAQES-E062), at its own row
        // and column. The first, rejected, does not refuse the second for the total (CAQES-E040).
        for (const std::string lieu : {"etablissements.csv:2:decision_socle", "etablissements.csv:3:decision_socle"}) {
            const violation* loi = a(lot, lieu);
            REQUIRE(loi != nullptr);
            CHECK(loi->id == regle::decision_hors_la_loi);
        }
        CHECK(std::none_of(lot.rejets.begin(), lot.rejets.end(),
                           [](const violation& x) { return x.id == regle::depassement_capacite; }));
        CHECK(lot.rapports.empty());
        // A valid decision after the rejected one, at 1 % of a revenue of INT64_MAX cents, is
        // accepted: with a total of every amount read, the two would have crossed 64-bit cents.
        const csv::lot_rapports apres =
            lire(v, entete_etab_fr + "750000001;2018;1;1000;;;" + max + ";;;sanction;\r\n750000002;2018;1;" + max +
                        ";;;922337203685477,58;;;sanction;\r\n");
        INFO(outils::tout(apres.rejets));
        REQUIRE(apres.rapports.size() == 1);
        CHECK(apres.rapports[0].finess == "750000002");
        CHECK(std::none_of(apres.rejets.begin(), apres.rejets.end(),
                           [](const violation& x) { return x.id == regle::depassement_capacite; }));
    }
    SECTION("decisions within the law whose total would leave 64-bit cents: CAQES-E040 at the one that crosses") {
        // Revenue INT64_MAX cents: 1 % of it (D.162-16 III 1) is 92233720368547758 cents per volet.
        // 50 establishment-years decide that on both volets: 9223372036854775800 cents, 7 below
        // INT64_MAX. The 51st decides 7 cents and 1 cent: the second crosses, and the whole
        // establishment-year is refused, its 7 cents counted in no total. The 52nd decides 7 cents:
        // the total is then exactly INT64_MAX, accepted.
        const std::string revenu = "92233720368547758,07";
        const std::string un_pour_cent = "922337203685477,58";
        std::string valeurs = h;
        std::string etabs = entete_etab_fr;
        const auto finess = [](int i) { return "7500001" + std::string(i < 10 ? "0" : "") + std::to_string(i); };
        for (int i = 1; i <= 52; ++i) {
            valeurs += valeurs_fr(finess(i), "2018");
            const std::string socle = i <= 50 ? un_pour_cent : "0,07";
            const std::string transports = i <= 50 ? un_pour_cent : i == 51 ? "0,01" : "";
            etabs += finess(i) + ";2018;1;" + revenu + ";;;" + socle + ";" + transports + ";;sanction;" +
                     (transports.empty() ? "" : "sanction") + "\r\n";
        }
        const csv::lot_rapports lot = lire(valeurs, etabs);
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rejets.size() == 1);
        CHECK(lot.rejets[0].id == regle::depassement_capacite);
        CHECK(lot.rejets[0].lieu == "etablissements.csv:52:decision_transports");
        CHECK(
            lot.rejets[0].detail ==
            "750000151 2018: rapport.decisions[1] (volet_transports).montant: 0.01 EUR brings the total of the "
            "accepted decisions past 92233720368547758.07 EUR (64-bit cents): 100 decisions accepted before it total "
            "92233720368547758.00 EUR, and this establishment-year's 1 before it 0.07 EUR; no total of the decisions "
            "could be exact; establishment-year rejected with its 5 rows, lines 252 to 256 and etablissements.csv:52");
        REQUIRE(lot.rapports.size() == 51);
        CHECK(lot.rapports.back().finess == "750000152");
        // The refused establishment-year's rows are counted rejected, the others accepted.
        CHECK(lot.balanced());
        CHECK(lot.etablissements.accepted == 51);
        CHECK(lot.etablissements.rejected == 1);
        CHECK(lot.valeurs.rejected == 5);
        CHECK(outils::total_decide(lot.rapports) == centimes{std::numeric_limits<std::int64_t>::max()});
    }
    SECTION("a Latin-1 byte: the row is rejected with CAQES-E041 and the likely encoding") {
        std::string vv = v;
        vv.replace(vv.find("52,5"), 4,
                   "n\xE9"
                   "d");
        const csv::lot_rapports lot = lire(vv, entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n" + e2);
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].id == regle::encodage_invalide);
        CHECK(lot.rejets[0].lieu == "valeurs.csv:2:valeur");
        CHECK(lot.rejets[0].detail ==
              "byte 0xE9 at byte 2 of \"n\\xE9"
              "d\" is not UTF-8: the file looks like Windows-1252 (Latin-1); save it as UTF-8 "
              "(spreadsheet: \"CSV UTF-8\"; or iconv -f WINDOWS-1252 -t UTF-8)");
        CHECK(csv::invalid_utf8(lot.rejets[0].detail) == std::nullopt);
        CHECK(csv::status(lot) == csv::exit_status::some_rejected);
        // In a header, the file is unusable; a UTF-16 file is named as such.
        const csv::lot_rapports entete = lire(
            "finess;exercice;indicateur;mesure;val\xE9ur\r\n" + valeurs_fr("750000001", "2018"), entete_etab_fr + e2);
        CHECK(entete.rejets[0].id == regle::encodage_invalide);
        CHECK(entete.rejets[0].lieu == "valeurs.csv:1:column 5");
        CHECK(entete.valeurs.unusable == 0U);
        CHECK(csv::status(entete) == csv::exit_status::unusable_input);
        const csv::lot_rapports utf16 = lire(std::string("\xFF\xFE"
                                                         "f\0i\0",
                                                         6),
                                             entete_etab_fr + e2);
        CHECK(outils::contient_texte(utf16.rejets[0].detail, "the file looks like UTF-16"));
    }
    SECTION("a header ending in ';': the unnamed column by position, not an empty name") {
        const csv::lot_rapports lot =
            lire(v,
                 "finess;exercice;annee_contrat;produits_assurance_maladie;economies_socle;economies_transports;"
                 "decision_socle;decision_transports;\r\n750000001;2018;1;1000;;;;;\r\n");
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].id == regle::fichier_inutilisable);
        CHECK(lot.rejets[0].lieu == "etablissements.csv:1:column 9");
        CHECK(lot.rejets[0].detail ==
              "column 9 of 9 has no name: a trailing ';' at the end of the header line? remove it; none of the 1 rows "
              "is read");
        CHECK(csv::status(lot) == csv::exit_status::unusable_input);
        const csv::lot_rapports milieu =
            lire("finess;;indicateur;mesure;valeur\r\n" + valeurs_fr("750000001", "2018"), entete_etab_fr + e2);
        CHECK(milieu.rejets[0].lieu == "valeurs.csv:1:column 2");
        CHECK(outils::contient_texte(milieu.rejets[0].detail,
                                     "column 2 of 5 has no name: every column needs its header name"));
    }
    SECTION(
        "a 60 KB field is quoted by a bounded prefix, a 100 MB line is one rejected row, an escape sequence escaped") {
        std::string vv = v;
        vv.replace(vv.find("52,5"), 4, std::string(60'000, 'x'));
        const csv::lot_rapports lot = lire(vv, entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n" + e2);
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].lieu == "valeurs.csv:2:valeur");
        CHECK(lot.rejets[0].detail == "A1.taux: not a number: \"" + std::string(csv::quoted_max, 'x') +
                                          "...\" (60000 bytes) (unexpected character at byte 1)");
        std::size_t taille = 0;
        for (const auto& x : lot.rejets)
            taille += x.detail.size();
        CHECK(taille < 2000);

        std::string enorme = v;
        enorme.replace(enorme.find("52,5"), 4, std::string(100U << 20U, 'x'));
        const csv::lot_rapports l = lire(enorme, entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n" + e2);
        REQUIRE_FALSE(l.rejets.empty());
        CHECK(l.rejets[0].lieu == "valeurs.csv:2:finess");
        CHECK(l.rejets[0].detail == "line longer than the reader's limit (limites::ligne_max, 64 KiB by default)");
        CHECK(l.valeurs.lines == 11);
        CHECK(l.valeurs.rejected == 5);

        std::string fausse = v;
        fausse.replace(fausse.find("52,5"), 4, "\x1b[1A\x1b[2Kvaleurs.csv:9:valeur: CAQES-E029: forged");
        const csv::lot_rapports f = lire(fausse, entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n" + e2);
        CHECK(f.rejets[0].detail ==
              "A1.taux: not a number: \"\\x1B[1A\\x1B[2Kvaleurs.csv:9:valeur: CAQES-E029: forged\" (unexpected "
              "character at byte 1)");
        for (const auto& x : f.rejets) {
            for (const char c : x.detail)
                CHECK(static_cast<unsigned char>(c) >= 0x20U);
        }
    }
    SECTION("a dialect mismatch says so") {
        const std::string plain_h = "finess,exercice,indicateur,mesure,valeur\n";
        const csv::lot_rapports a =
            lire(plain_h + valeurs_fr("750000001", "2018"), entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n");
        CHECK(a.rejets[0].lieu == "valeurs.csv:2:indicateur");
        CHECK(a.rejets[0].detail ==
              "2 fields, the header has 5: this row is french (;) but the header is plain (,); write the whole file in "
              "one dialect");
        const csv::lot_rapports b =
            lire(plain_h + "750000001,2018,A1,taux,52,5\n", entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n");
        CHECK(b.rejets[0].lieu == "valeurs.csv:2:valeur");
        CHECK(b.rejets[0].detail ==
              "6 fields, the header has 5: a decimal comma? the plain dialect (,) writes decimals with '.'; or use the "
              "French dialect (;)");
    }
    SECTION("an establishment-year whose value rows were all rejected on their own") {
        const std::string bad = h + "750000001;2018;A1;taux;abc\r\n";
        const csv::lot_rapports lot =
            lire(bad + valeurs_fr("750000002", "2018"), entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n" + e2);
        INFO(outils::tout(lot.rejets));
        const violation* g = a(lot, "valeurs.csv:2:finess");
        REQUIRE(g != nullptr);
        CHECK(outils::contient_texte(g->detail, "; establishment-year rejected with etablissements.csv:2"));
        CHECK_FALSE(outils::contient_texte(g->detail, "no other row"));
    }
}

TEST_CASE("csv reader: exit status of a batch", "[csv][sortie]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n";
    CHECK(csv::status(lire(h + valeurs_fr("750000001", "2018"), e)) == csv::exit_status::accepted);
    CHECK(csv::status(lire(h + valeurs_fr("750000001", "2018") + "750000001;2018;Z9;taux;1\r\n", e)) ==
          csv::exit_status::some_rejected);
    // Every row rejected, empty files, a header alone: nothing was read, status 3.
    const csv::lot_rapports tout_rejete = lire(h + valeurs_fr("750000001", "2016"), e);
    CHECK(tout_rejete.valeurs.accepted == 0);
    CHECK_FALSE(tout_rejete.valeurs.unusable);
    CHECK(csv::status(tout_rejete) == csv::exit_status::unusable_input);
    const csv::lot_rapports vides = lire("", "");
    CHECK(vides.rejets[0].id == regle::fichier_inutilisable);
    CHECK(vides.rejets[0].lieu == "etablissements.csv:1:finess");
    CHECK(csv::status(vides) == csv::exit_status::unusable_input);
    const csv::lot_rapports entete_seule = lire(h, e);
    CHECK(entete_seule.rejets[0].lieu == "valeurs.csv:1:finess");
    CHECK(entete_seule.rejets[0].detail == "a header and no data row: nothing to read");
    CHECK(csv::status(entete_seule) == csv::exit_status::unusable_input);
    // A wrong separator or line end makes the header unreadable.
    const csv::lot_rapports tabs =
        lire("finess\texercice\tindicateur\tmesure\tvaleur\n750000001\t2018\tA1\ttaux\t1\n", e);
    CHECK(tabs.rejets[0].id == regle::fichier_inutilisable);
    CHECK(outils::contient_texte(tabs.rejets[0].detail, "tab-separated files are not read"));
    CHECK(static_cast<int>(csv::exit_status::usage) == 2);
    CHECK(static_cast<int>(csv::exit_status::grid_rule) == 4);
}

TEST_CASE("csv reader: decisions carry a nature and the law's caps, located at their row and column",
          "[csv][decision]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018");
    const std::string e2 = "750000002;2018;1;1000;;;;;;;\r\n";
    SECTION("a sanction above 1 % of the revenue base: CAQES-E062 at etablissements.csv:2:decision_socle") {
        // 1 % of 80 000 000 EUR is 800 000 EUR.
        const csv::lot_rapports lot =
            lire(v, entete_etab_fr + "750000001;2018;2;80 000 000;;;800 000,01;;2016;sanction;\r\n" + e2);
        INFO(outils::tout(lot.rejets));
        const violation* x = a(lot, "etablissements.csv:2:decision_socle");
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::decision_hors_la_loi);
        CHECK(outils::contient_texte(x->detail, "800000.01 EUR exceeds 1/100 of the revenue base"));
        REQUIRE(lot.rapports.size() == 1);
        const csv::lot_rapports pile =
            lire(v, entete_etab_fr + "750000001;2018;2;80 000 000;;;800 000;;2016;sanction;\r\n" + e2);
        CHECK(pile.rejets.empty());
    }
    SECTION("an unknown nature, or an amount without one: CAQES-E061 at the cell") {
        const csv::lot_rapports inconnue = lire(v, entete_etab_fr + "750000001;2018;2;1000;;;1;;;amende;\r\n" + e2);
        CHECK(a(inconnue, "etablissements.csv:2:nature_socle")->id == regle::decision_hors_issues);
        const csv::lot_rapports sans = lire(v, entete_etab_fr + "750000001;2018;2;1000;;;1;;;;\r\n" + e2);
        CHECK(a(sans, "etablissements.csv:2:nature_socle")->id == regle::decision_hors_issues);
        // An incentive on the socle, whose clauses carry none.
        const csv::lot_rapports socle =
            lire(v, entete_etab_fr + "750000001;2018;2;1000;5;;1;;;interessement;\r\n" + e2);
        CHECK(a(socle, "etablissements.csv:2:nature_socle")->id == regle::decision_hors_issues);
        // The unknown word's message lists every nature there is, the last after "or".
        CHECK(outils::contient_texte(a(inconnue, "etablissements.csv:2:nature_socle")->detail,
                                     "\"amende\" is not a decision's nature: aucune, sanction, interessement, "
                                     "reduction_liste_en_sus, interessement_national, interessement_regional, "
                                     "abattement, minoration, dotation or penalite"));
        // The 2022 regional incentive is a word of the file, read as its nature: a 2017
        // contract has no such outcome, which validation says (not the reader).
        const csv::lot_rapports regional =
            lire(v, entete_etab_fr + "750000001;2018;2;1000;;;1;;;interessement_regional;\r\n" + e2);
        REQUIRE(a(regional, "etablissements.csv:2:nature_socle") != nullptr);
        CHECK(outils::contient_texte(a(regional, "etablissements.csv:2:nature_socle")->detail,
                                     "'interessement regional' is not an outcome of this volet's clauses"));
        CHECK(inconnue.balanced());
        CHECK(sans.balanced());
        CHECK(socle.balanced());
    }
}

TEST_CASE("csv reader: an unclosed quote on line 6 of 21 rejects line 6 alone, every line is counted",
          "[csv][fin_de_ligne]") {
    // Issue 14: the quote swallowed lines 7 to 21 and the reconciliation said "5 = 0 + 5 OK".
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    std::string v = h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018") +
                    valeurs_fr("750000003", "2018") + valeurs_fr("750000004", "2018");
    v.replace(v.find(";-3,5"), 5, ";\"-3,5");
    const std::string e =
        entete_etab_fr +
        "750000001;2018;1;1000;;;;;;;\r\n750000002;2018;1;1000;;;;;;;\r\n750000003;2018;1;1000;;;;;;;\r\n" +
        "750000004;2018;1;1000;;;;;;;\r\n";
    const csv::lot_rapports lot = lire(v, e);
    INFO(outils::tout(lot.rejets));
    REQUIRE(lot.rejets.size() == 2);
    CHECK(lot.rejets[0].id == regle::texte_invalide);
    CHECK(lot.rejets[0].lieu == "valeurs.csv:6:valeur");
    CHECK(lot.rejets[0].detail == "quoted field not closed at the end of its line (a field may not hold a line end)");
    CHECK(lot.rejets[1].lieu == "valeurs.csv:2:finess");
    CHECK(lot.rapports.size() == 3);
    CHECK(lot.valeurs.lines == 21);
    CHECK(lot.valeurs.header == 1);
    CHECK(lot.valeurs.blank == 0);
    CHECK(lot.valeurs.accepted == 15);
    CHECK(lot.valeurs.rejected == 5);
    CHECK(lot.valeurs.balanced());
    CHECK(lot.etablissements.lines == 5);
    CHECK(lot.etablissements.accepted == 3);
    CHECK(lot.etablissements.rejected == 1);
    CHECK(csv::status(lot) == csv::exit_status::some_rejected);

    // Blank lines are counted, not swallowed: lines = header + blank + accepted + rejected.
    const csv::lot_rapports vides = lire("\r\n" + h + "\r\n" + valeurs_fr("750000001", "2018") + "\n\n", e);
    CHECK(vides.valeurs.lines == 10);
    CHECK(vides.valeurs.blank == 4);
    CHECK(vides.valeurs.accepted == 5);
    CHECK(vides.valeurs.balanced());
}

TEST_CASE("csv reader: a file with CR alone line ends is unusable, located, and no line is lost",
          "[csv][fin_de_ligne]") {
    // Issue 14: 20 data lines ended by CR alone were read as one header line, 0 = 0 + 0.
    std::string v = "finess;exercice;indicateur;mesure;valeur\r" + valeurs_fr("750000001", "2018") +
                    valeurs_fr("750000002", "2018") + valeurs_fr("750000003", "2018") + valeurs_fr("750000004", "2018");
    for (std::size_t i = v.find("\r\n"); i != std::string::npos; i = v.find("\r\n", i))
        v.erase(i + 1, 1);
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n";
    const csv::lot_rapports lot = lire(v, e);
    REQUIRE_FALSE(lot.rejets.empty());
    CHECK(lot.rejets[0].id == regle::fichier_inutilisable);
    CHECK(lot.rejets[0].lieu == "valeurs.csv:1:byte 41");
    CHECK(lot.rejets[0].detail ==
          "line end: a carriage return (CR) not followed by a line feed (LF), at byte 41 of line 1; the file has 21 CR "
          "alone and 0 CR LF: "
          "line ends are LF or CR LF, and CR alone (classic Mac OS) is none; save the file with CRLF or LF line ends; "
          "the file is not read "
          "(0 rows before it rejected; line 1 not read, neither accepted nor rejected: the file does not balance)");
    REQUIRE(lot.valeurs.unusable);
    // Without a LF the file is one line, which the reader could not read: it is counted, unread.
    CHECK(lot.valeurs.lines == 1);
    CHECK(lot.valeurs.unread.value_or(0) == 1);
    CHECK(lot.valeurs.read == 0);
    CHECK(lot.valeurs.counts_agree());
    CHECK_FALSE(lot.valeurs.balanced());
    CHECK(csv::status(lot) == csv::exit_status::unusable_input);

    // UTF-16 writes CR LF as CR NUL LF NUL: the encoding is named, not the line ends.
    std::string seize;
    for (const char c : std::string{"finess;exercice\r\n"}) {
        seize += c;
        seize += '\0';
    }
    const csv::lot_rapports u = lire("\xFF\xFE" + seize, e);
    CHECK(u.rejets[0].id == regle::encodage_invalide);
    CHECK(u.rejets[0].lieu == "valeurs.csv:1:header");
    CHECK(u.rejets[0].detail ==
          "not UTF-8: the file looks like UTF-16 (a NUL byte at byte 4); save it as UTF-8 (spreadsheet: \"CSV UTF-8\"; "
          "or iconv -f UTF-16 -t UTF-8); the file is not read (0 rows before it rejected; lines 1 to 2 not read, "
          "neither accepted nor rejected: the file does not balance)");

    // A stray CR in the middle of a CRLF file stops the reading too: the rows before it are
    // rejected with the file, none is evaluated from a file cut short, and the lines from the
    // CR's on, which the first pass counted, are unread: the file does not balance.
    std::string stray = "finess;exercice;indicateur;mesure;valeur\r\n" + valeurs_fr("750000001", "2018") +
                        valeurs_fr("750000002", "2018");
    stray.replace(stray.find("oui", stray.find("750000002")), 3, "o\rui");
    const csv::lot_rapports s = lire(stray, e);
    CHECK(s.rejets[0].lieu == "valeurs.csv:10:byte 25");
    CHECK(outils::contient_texte(s.rejets[0].detail, "the file has 1 CR alone and 11 CR LF"));
    CHECK(outils::contient_texte(s.rejets[0].detail,
                                 "the file is not read (8 rows before it rejected; lines 10 to 11 not read, neither "
                                 "accepted nor rejected: the file does not balance)"));
    CHECK(s.valeurs.lines == 11);
    CHECK(s.valeurs.unread.value_or(0) == 2);
    CHECK(s.valeurs.rejected == 8);
    CHECK(s.valeurs.counts_agree());
    CHECK_FALSE(s.valeurs.balanced());
    CHECK(s.rapports.empty());
}

TEST_CASE("csv reader: a NUL byte in a field rejects its row, not the file, and a UTF-16 file is refused whole",
          "[csv][utf16]") {
    // A NUL byte is valid UTF-8: in a field near the top of a file it is that row's error, not a
    // sign that the whole file is UTF-16.
    std::string v = "finess;exercice;indicateur;mesure;valeur\r\n" + valeurs_fr("750000001", "2018") +
                    valeurs_fr("750000002", "2018");
    v.replace(v.find("oui", v.find("750000002")), 3, std::string("oui\0", 4));
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n750000002;2018;1;1000;;;;;;;\r\n";
    const csv::lot_rapports lot = lire(v, e);
    INFO(outils::tout(lot.rejets));
    CHECK_FALSE(lot.valeurs.unusable);
    CHECK(lot.valeurs.balanced());
    REQUIRE_FALSE(lot.rejets.empty());
    // At the NUL's own line and field; its establishment-year misses that value and goes with it
    // (CAQES-E026), the other one is read.
    const auto ligne = std::count(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.find('\0')), '\n') + 1;
    CHECK(lot.rejets[0].lieu == "valeurs.csv:" + std::to_string(ligne) + ":valeur");
    CHECK(outils::contient_texte(lot.rejets[0].detail, "\\x00"));
    REQUIRE(lot.rapports.size() == 1);
    CHECK(lot.rapports[0].finess == "750000001");
    CHECK(csv::status(lot) == csv::exit_status::some_rejected);
    // UTF-16 without a byte-order mark: half of its bytes are NULs, and the file is refused whole.
    std::string seize;
    for (const char c : "finess;exercice;indicateur;mesure;valeur\r\n" + valeurs_fr("750000001", "2018")) {
        seize += c;
        seize += '\0';
    }
    const csv::lot_rapports u = lire(seize, e);
    REQUIRE_FALSE(u.rejets.empty());
    CHECK(u.rejets[0].id == regle::encodage_invalide);
    CHECK(u.rejets[0].lieu == "valeurs.csv:1:header");
    CHECK(outils::contient_texte(u.rejets[0].detail, "the file looks like UTF-16 (a NUL byte at byte 2)"));
    CHECK(u.valeurs.unusable);
}

TEST_CASE("csv reader: past the maximum of establishment-years held, the rest of the file is refused, located",
          "[csv][memoire]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v =
        h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018") + valeurs_fr("750000003", "2018");
    const std::string e2 = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n750000002;2018;1;1000;;;;;;;\r\n";
    const std::string e3 = e2 + "750000003;2018;1;1000;;;;;;;\r\n";
    csv::options_lecture o{};
    o.etablissements_annees_max = 3;
    const csv::lot_rapports tout = csv::lire_rapports(t_def, {}, {"valeurs.csv", v}, {"etablissements.csv", e3}, o);
    CHECK(tout.rapports.size() == 3);
    CHECK(csv::status(tout) == csv::exit_status::accepted);

    SECTION("the values file: the establishment-years before the maximum are evaluated, the rest refused") {
        o.etablissements_annees_max = 2;
        const csv::lot_rapports lot = csv::lire_rapports(t_def, {}, {"valeurs.csv", v}, {"etablissements.csv", e2}, o);
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rejets.size() == 1);
        CHECK(lot.rejets[0].id == regle::fichier_inutilisable);
        CHECK(lot.rejets[0].lieu == "valeurs.csv:12:finess");
        CHECK(lot.rejets[0].detail ==
              "750000003 2018 is establishment-year number 3, past the maximum of 2 held at once "
              "(options_lecture::etablissements_annees_max); this row and the 4 after it (to line 16) are rejected "
              "unread: split the file, or raise the maximum if the memory allows");
        CHECK(lot.rapports.size() == 2);
        REQUIRE(lot.valeurs.unusable == 0U);
        CHECK(lot.valeurs.lines == 16);
        CHECK(lot.valeurs.accepted == 10);
        CHECK(lot.valeurs.rejected == 5);
        CHECK(lot.balanced());
        CHECK(lot.etablissements.accepted == 2);
        CHECK(csv::status(lot) == csv::exit_status::unusable_input);
    }
    SECTION("the establishments file: refused whole past the maximum") {
        o.etablissements_annees_max = 2;
        const csv::lot_rapports lot = csv::lire_rapports(t_def, {}, {"valeurs.csv", v}, {"etablissements.csv", e3}, o);
        INFO(outils::tout(lot.rejets));
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].lieu == "etablissements.csv:4:finess");
        CHECK(lot.rejets[0].detail ==
              "750000003 2018 is establishments row number 3, past the maximum of 2 held at once "
              "(options_lecture::etablissements_annees_max); this row and the 0 after it (to line 4) are rejected "
              "unread: split the file, or raise the maximum if the memory allows");
        CHECK(lot.rapports.empty());
        CHECK(lot.etablissements.unusable == 0U);
        CHECK(lot.etablissements.rejected == 3);
        CHECK(lot.valeurs.rejected == 15);
        CHECK(lot.balanced());
        CHECK(csv::status(lot) == csv::exit_status::unusable_input);
    }
    SECTION("the establishments file: a row rejected on its own is counted once when the file goes down") {
        o.etablissements_annees_max = 2;
        const std::string e = entete_etab_fr +
                              "750000001;2018;1;1000;;;;;;;\r\n750000002;2018;x;1000;;;;;;;\r\n"
                              "750000003;2018;1;1000;;;;;;;\r\n";
        const csv::lot_rapports lot = csv::lire_rapports(t_def, {}, {"valeurs.csv", v}, {"etablissements.csv", e}, o);
        INFO(outils::tout(lot.rejets));
        REQUIRE(a(lot, "etablissements.csv:3:annee_contrat") != nullptr);
        REQUIRE(a(lot, "etablissements.csv:4:finess") != nullptr);
        CHECK(lot.etablissements.read == 3);
        CHECK(lot.etablissements.rejected == 3);
        CHECK(lot.balanced());
    }
}

TEST_CASE(
    "csv reader: streamed, each establishment-year is handed over when its rows end, and a stream reads as the "
    "text",
    "[csv][memoire]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    std::string b = valeurs_fr("750000002", "2018");
    b.replace(b.find("52,5"), 4, "n.d.");
    const std::string v = h + valeurs_fr("750000001", "2018") + b;
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n750000002;2018;1;1000;;;;;;;\r\n";
    std::vector<std::string> evenements;
    auto lire_flux = [&](const csv::source& sv, const csv::source& se) {
        evenements.clear();
        return csv::lire_rapports_flux(
            t_def, {}, sv, se, nullptr, {},
            [&](csv::rapport_lu&& r, const csv::bilan_lecture& en_cours) {
                evenements.push_back(concat("rapport ", r.finess, " at byte ",
                                            std::to_string(en_cours.octets_valeurs_lus), " of ",
                                            std::to_string(en_cours.octets_valeurs)));
            },
            [&](violation&& x) { evenements.push_back(concat("rejet ", x.lieu)); });
    };
    const csv::bilan_lecture texte = lire_flux({"valeurs.csv", v}, {"etablissements.csv", e});
    // 750000001 is handed over when the first row of 750000002 is read (the reader has its
    // line, line 7, in its buffer); 750000002's bad value is reported at its row, then the
    // establishment-year at its end.
    const std::size_t debut_b = h.size() + valeurs_fr("750000001", "2018").size();
    REQUIRE(evenements.size() == 3);
    CHECK(evenements[0] == concat("rapport 750000001 at byte ", std::to_string(debut_b + b.find("\r\n") + 2), " of ",
                                  std::to_string(v.size())));
    CHECK(evenements[1] == "rejet valeurs.csv:7:valeur");
    CHECK(evenements[2] == "rejet valeurs.csv:7:finess");
    CHECK(texte.rejets == 2);
    CHECK(texte.valeurs.accepted == 5);
    CHECK(texte.valeurs.rejected == 5);
    CHECK(texte.balanced());
    CHECK(csv::status(texte) == csv::exit_status::some_rejected);

    std::istringstream fv{v};
    std::istringstream fe{e};
    const std::vector<std::string> attendus = evenements;
    const csv::bilan_lecture flux = lire_flux({"valeurs.csv", {}, &fv}, {"etablissements.csv", {}, &fe});
    CHECK(evenements == attendus);
    CHECK(flux.valeurs.lines == texte.valeurs.lines);
    CHECK(flux.valeurs.accepted == texte.valeurs.accepted);
    CHECK(flux.etablissements.accepted == texte.etablissements.accepted);
    CHECK(flux.octets_valeurs == v.size());
}

TEST_CASE("csv reader: an establishment-year's rows come together (CAQES-E044)", "[csv][memoire]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n750000002;2018;1;1000;;;;;;;\r\n";
    std::string v1 = valeurs_fr("750000001", "2018");
    const std::size_t coupe = v1.find("\r\n") + 2;  // its first row, then the others after 750000002
    const std::string v = h + v1.substr(0, coupe) + valeurs_fr("750000002", "2018") + v1.substr(coupe);
    const csv::lot_rapports lot = lire(v, e);
    INFO(outils::tout(lot.rejets));
    // 750000001 closes at line 3, incomplete; its four rows from line 8 come back to it.
    REQUIRE(lot.rejets.size() == 5);
    CHECK(lot.rejets[0].id == regle::indicateur_absent);
    CHECK(lot.rejets[0].lieu == "valeurs.csv:2:finess");
    CHECK(outils::contient_texte(lot.rejets[0].detail, "750000001 2018: missing A2.depense"));
    for (std::size_t i = 1; i < 5; ++i) {
        CHECK(lot.rejets[i].id == regle::valeurs_non_contigues);
        CHECK(lot.rejets[i].lieu == concat("valeurs.csv:", std::to_string(7 + i), ":finess"));
        CHECK(outils::contient_texte(lot.rejets[i].detail, "sort the file by finess then exercice"));
    }
    REQUIRE(lot.rapports.size() == 1);
    CHECK(lot.rapports[0].finess == "750000002");
    CHECK(lot.valeurs.accepted == 5);
    CHECK(lot.valeurs.rejected == 5);
    CHECK(lot.etablissements.accepted == 1);
    CHECK(lot.etablissements.rejected == 1);
    CHECK(lot.balanced());
}

// The index of an establishments file (and of the closed establishment-years of a values
// file): every key found in any order of insertion, walked in key order, with each entry moved
// O(log n) times, not once per 512 entries out of order (that was quadratic in a shuffled file).
namespace index_essai {
struct entree {
    std::uint64_t k{0};
    static inline std::size_t deplacements = 0;
    entree() = default;
    explicit entree(std::uint64_t cle) : k(cle) {}
    entree(const entree&) = delete;
    entree& operator=(const entree&) = delete;
    entree(entree&& o) noexcept : k(o.k) { ++deplacements; }
    entree& operator=(entree&& o) noexcept {
        k = o.k;
        ++deplacements;
        return *this;
    }
    ~entree() = default;
};
[[nodiscard]] std::uint64_t cle_de(const entree& e) noexcept { return e.k; }
}  // namespace index_essai

TEST_CASE("csv reader's key index: any order of insertion, found and walked in key order, moves O(n log n)",
          "[csv][index]") {
    using index_essai::entree;
    constexpr std::uint64_t n = 1U << 18U;
    std::vector<std::uint64_t> ordres[3];
    for (std::uint64_t i = 0; i < n; ++i)
        ordres[0].push_back(2 * i + 1);                      // sorted: one run, appended
    ordres[1].assign(ordres[0].rbegin(), ordres[0].rend());  // reversed: every entry out of order
    ordres[2] = ordres[0];
    std::shuffle(ordres[2].begin(), ordres[2].end(), std::mt19937_64{42});
    for (const std::vector<std::uint64_t>& ordre : ordres) {
        INFO(ordre[0]);
        csv::detail::index_cles<entree> index;
        entree::deplacements = 0;
        for (const std::uint64_t k : ordre)
            index.ajouter(entree{k});
        // At most 40 moves per entry for 2^18 of them (about 2 per merge, 9 merges, the sort of
        // its tail and the vector's growth), where merging each tail into one array moved about
        // n / 1024 = 256 per entry.
        CHECK(entree::deplacements <= 40 * n);
        CHECK(index.size() == n);
        bool tous = true;
        for (std::uint64_t i = 0; i < n; i += 7) {
            const entree* e = index.trouver(2 * i + 1);
            tous = tous && e != nullptr && e->k == 2 * i + 1;
            tous = tous && index.trouver(2 * i) == nullptr;
        }
        CHECK(tous);
        const std::vector<entree>& entrees = index.entrees();
        REQUIRE(entrees.size() == n);
        CHECK(
            std::is_sorted(entrees.begin(), entrees.end(), [](const entree& a, const entree& b) { return a.k < b.k; }));
        CHECK(index.trouver(1) == &entrees.front());
    }
}

// --- Issue 13: the batch carries the contract instance, activities, rate decisions and the
// L.162-30-4 data.
namespace {

const std::string entete_contrats =
    "finess;ars;organisme_local;representant_legal;reception_proposition;signature;debut_effet;avenant_socle;avenant_"
    "transports\r\n";

// The socle's four measures alone (the transports volet out of its term).
std::string valeurs_socle_fr(const std::string& finess, const std::string& annee) {
    return finess + ";" + annee + ";A1;taux;52,5\r\n" + finess + ";" + annee + ";A2;depense;1 234,56\r\n" + finess +
           ";" + annee + ";A2;boites;NC\r\n" + finess + ";" + annee + ";A3;plan;oui\r\n";
}

csv::lot_rapports lire_avec_contrats(const std::string& valeurs, const std::string& etabs, const std::string& contrats,
                                     const parametres_evaluation& p = {}) {
    return csv::lire_rapports(t_def, p, {"valeurs.csv", valeurs}, {"etablissements.csv", etabs},
                              {"contrats.csv", contrats});
}

}  // namespace

TEST_CASE("csv a row rejected without a usable key: \"no row\" says the file has such rows", "[csv][contrat]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018");
    const std::string c =
        entete_contrats + "750000001;ARS IdF;CPAM Paris;Directrice;2017-06-01;15/06/2017;2017-07-01;;\r\n";
    const std::string e = entete_etab_fr + "750000001;2018;2;1000;;;;;2017;;\r\n";
    SECTION("an establishments row with a field too many, and one with a FINESS that is none") {
        const csv::lot_rapports lot = lire_avec_contrats(
            v, entete_etab_fr + "750000001;2018;2;1000;;;;;2017;;;x\r\n75000000X;2018;2;1000;;;;;2017;;\r\n", c);
        INFO(outils::tout(lot.rejets));
        const violation* x = a(lot, "valeurs.csv:2:finess");
        REQUIRE(x != nullptr);
        CHECK(outils::contient_texte(
            x->detail, "no row in etablissements.csv (2 rows of it were rejected without a usable key, above)"));
        CHECK(lot.rapports.empty());
        CHECK(lot.balanced());
    }
    SECTION("a contracts row with a field too few") {
        const csv::lot_rapports lot = lire_avec_contrats(
            v, e, entete_contrats + "750000001;ARS IdF;CPAM Paris;Directrice;2017-06-01;15/06/2017;2017-07-01;\r\n");
        INFO(outils::tout(lot.rejets));
        const violation* x = a(lot, "valeurs.csv:2:finess");
        REQUIRE(x != nullptr);
        CHECK(
            outils::contient_texte(x->detail, "no row in contrats.csv (1 row of it was rejected without a usable key"));
        CHECK(lot.balanced());
    }
    SECTION("a row missing from well formed files says no more") {
        const csv::lot_rapports lot = lire_avec_contrats(v + valeurs_fr("750000002", "2018"), e, c);
        const violation* x = a(lot, "valeurs.csv:7:finess");
        REQUIRE(x != nullptr);
        CHECK(outils::contient_texte(x->detail, "no row in etablissements.csv; no row in contrats.csv;"));
        CHECK(lot.rapports.size() == 1);
        CHECK(lot.balanced());
    }
}

TEST_CASE("csv contracts: the transports volet brought in by avenant is reported on from its start only",
          "[csv][contrat]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    // In effect from 2017-07-01; the transports volet by an avenant signed 2018-09-01 (D.162-15).
    const std::string c =
        entete_contrats + "750000001;ARS IdF;CPAM Paris;Directrice;2017-06-01;15/06/2017;2017-07-01;;2018-09-01\r\n";
    const std::string e =
        entete_etab_fr + "750000001;2017;1;1000;;;;;2016;;\r\n" + "750000001;2018;2;1000;;;;;2017;;\r\n";
    SECTION("accepted: 2017 without the transports values, 2018 with them") {
        const csv::lot_rapports lot =
            lire_avec_contrats(h + valeurs_socle_fr("750000001", "2017") + valeurs_fr("750000001", "2018"), e, c);
        INFO(outils::tout(lot.rejets));
        CHECK(lot.rejets.empty());
        REQUIRE(lot.rapports.size() == 2);
        CHECK(lot.rapports[0].rapport.avec_instance());
        CHECK(lot.rapports[0].ligne_contrat == 2);
        CHECK_FALSE(lot.rapports[0].rapport.couvertures()[1].evalue);
        CHECK(lot.rapports[0].rapport.couvertures()[1].terme.debut == ymd{2018, 9, 1});
        CHECK(lot.rapports[1].rapport.couvertures()[1].evalue);
        REQUIRE(lot.contrats.has_value());
        CHECK(lot.contrats->read == 1);
        CHECK(lot.contrats->accepted == 1);
        CHECK(lot.balanced());
        CHECK(csv::status(lot) == csv::exit_status::accepted);
    }
    SECTION("rejected: transports values for 2017, before the avenant (CAQES-E060)") {
        const csv::lot_rapports lot =
            lire_avec_contrats(h + valeurs_fr("750000001", "2017") + valeurs_fr("750000001", "2018"), e, c);
        INFO(outils::tout(lot.rejets));
        // At the row that gave B1's value (it was the establishment-year's first row).
        const violation* x = a(lot, "valeurs.csv:6:indicateur");
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::volet_hors_terme);
        CHECK(outils::contient_texte(x->detail, "750000001 2017: rapport.valeurs[3] (B1)"));
        CHECK(lot.rapports.size() == 1);
        CHECK(lot.contrats->accepted == 1);  // kept with its 2018 report
        CHECK(lot.balanced());
    }
    SECTION("rejected: the contract year is not the one the contract's start gives (CAQES-E064)") {
        const std::string faux =
            entete_etab_fr + "750000001;2017;1;1000;;;;;2016;;\r\n" + "750000001;2018;3;1000;;;;;2017;;\r\n";
        const csv::lot_rapports lot =
            lire_avec_contrats(h + valeurs_socle_fr("750000001", "2017") + valeurs_fr("750000001", "2018"), faux, c);
        const violation* x = a(lot, "etablissements.csv:3:annee_contrat");
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::annee_contrat_incoherente);
        CHECK(lot.rapports.size() == 1);
    }
}

TEST_CASE("csv contracts: each contract row is validated, located, and reconciled", "[csv][contrat]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018");
    const std::string e = entete_etab_fr + "750000001;2018;2;1000;;;;;2017;;\r\n";
    SECTION("a missing party: CAQES-E020 at its column, and the establishment-year goes down with it") {
        const csv::lot_rapports lot = lire_avec_contrats(
            v, e, entete_contrats + "750000001;;CPAM Paris;Directrice;2017-06-01;2017-06-15;2017-07-01;;\r\n");
        INFO(outils::tout(lot.rejets));
        const violation* x = a(lot, "contrats.csv:2:ars");
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::partie_absente);
        const violation* y = a(lot, "valeurs.csv:2:finess");
        REQUIRE(y != nullptr);
        CHECK(outils::contient_texte(y->detail, "its contract's row contrats.csv:2 was rejected"));
        CHECK(lot.rapports.empty());
        CHECK(lot.contrats->rejected == 1);
        CHECK(lot.balanced());
    }
    SECTION("an impossible day is CAQES-E001, text that is no date CAQES-E029") {
        const csv::lot_rapports jour =
            lire_avec_contrats(v, e, entete_contrats + "750000001;ARS;CPAM;Dir;2017-06-01;2017-06-15;2017-02-30;;\r\n");
        REQUIRE(a(jour, "contrats.csv:2:debut_effet") != nullptr);
        CHECK(a(jour, "contrats.csv:2:debut_effet")->id == regle::date_inexistante);
        const csv::lot_rapports texte = lire_avec_contrats(
            v, e, entete_contrats + "750000001;ARS;CPAM;Dir;2017-06-01;2017-06-15;1er juillet;;\r\n");
        REQUIRE(a(texte, "contrats.csv:2:debut_effet") != nullptr);
        CHECK(a(texte, "contrats.csv:2:debut_effet")->id == regle::texte_invalide);
    }
    SECTION("an avenant signed before the contract: CAQES-E021 at its avenant column") {
        const csv::lot_rapports lot = lire_avec_contrats(
            v, e, entete_contrats + "750000001;ARS;CPAM;Dir;2017-06-01;2017-06-15;2017-07-01;;2017-01-01\r\n");
        REQUIRE(a(lot, "contrats.csv:2:avenant_transports") != nullptr);
        CHECK(a(lot, "contrats.csv:2:avenant_transports")->id == regle::date_hors_fenetre);
    }
    SECTION("an establishment-year without a contract row, and a contract without a year: CAQES-E026") {
        const csv::lot_rapports lot =
            lire_avec_contrats(v, e, entete_contrats + "750000002;ARS;CPAM;Dir;2017-06-01;2017-06-15;2017-07-01;;\r\n");
        INFO(outils::tout(lot.rejets));
        REQUIRE(a(lot, "valeurs.csv:2:finess") != nullptr);
        CHECK(outils::contient_texte(a(lot, "valeurs.csv:2:finess")->detail, "no row in contrats.csv"));
        REQUIRE(a(lot, "contrats.csv:2:finess") != nullptr);
        CHECK(a(lot, "contrats.csv:2:finess")->id == regle::indicateur_absent);
        CHECK(lot.contrats->rejected == 1);
        CHECK(lot.balanced());
        CHECK(csv::status(lot) == csv::exit_status::unusable_input);  // every row rejected
    }
}

TEST_CASE("csv contracts: a contract row that goes down with its establishment-years is named at its own row",
          "[csv][contrat]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string c = entete_contrats + "750000001;ARS;CPAM;Dir;2017-06-01;2017-06-15;2017-07-01;;\r\n";
    SECTION("its establishment-year rejected (a negative revenue base): the contract row is cited, rejected") {
        const csv::lot_rapports lot = lire_avec_contrats(h + valeurs_fr("750000001", "2018"),
                                                         entete_etab_fr + "750000001;2018;2;-5;;;;;2017;;\r\n", c);
        INFO(outils::tout(lot.rejets));
        REQUIRE(a(lot, "etablissements.csv:2:produits_assurance_maladie") != nullptr);
        const violation* x = a(lot, "contrats.csv:2:finess");
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::indicateur_absent);
        CHECK(x->detail ==
              "750000001: every establishment-year of this contract was rejected (above); contract rejected");
        CHECK(lot.contrats->rejected == 1);
        CHECK(lot.balanced());
    }
    SECTION("its establishment-year has no values: the contract is not said to lack one") {
        // The values name another establishment; 750000001 2018 has its row of establishments.
        const std::string e =
            entete_etab_fr + "750000001;2018;2;1000;;;;;2017;;\r\n750000002;2018;2;1000;;;;;2017;;\r\n";
        const csv::lot_rapports lot = lire_avec_contrats(h + valeurs_fr("750000002", "2018"), e, c);
        INFO(outils::tout(lot.rejets));
        REQUIRE(a(lot, "etablissements.csv:2:finess") != nullptr);
        CHECK(outils::contient_texte(a(lot, "etablissements.csv:2:finess")->detail, "no row in valeurs.csv"));
        const violation* x = a(lot, "contrats.csv:2:finess");
        REQUIRE(x != nullptr);
        CHECK(outils::contient_texte(x->detail, "every establishment-year of this contract was rejected"));
        CHECK_FALSE(outils::contient_texte(x->detail, "no establishment-year in"));
        CHECK(lot.contrats->rejected == 1);
        CHECK(lot.balanced());
    }
    SECTION("its establishment-year rejected in its own file and without values: the same message") {
        const std::string e = entete_etab_fr + "750000001;2018;2;-5;;;;;2017;;\r\n750000002;2018;2;1000;;;;;2017;;\r\n";
        const csv::lot_rapports lot = lire_avec_contrats(h + valeurs_fr("750000002", "2018"), e, c);
        INFO(outils::tout(lot.rejets));
        REQUIRE(a(lot, "etablissements.csv:2:produits_assurance_maladie") != nullptr);
        const violation* x = a(lot, "contrats.csv:2:finess");
        REQUIRE(x != nullptr);
        CHECK(x->detail ==
              "750000001: every establishment-year of this contract was rejected (above); contract rejected");
        CHECK(lot.contrats->rejected == 1);
        CHECK(lot.balanced());
    }
}

TEST_CASE("csv reader: a header error after blank lines cites the header's own line", "[csv]") {
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n";
    const csv::lot_rapports lot =
        lire("\r\n\r\nfiness;exercice;indicateur;mesure;valeurs\r\n" + valeurs_fr("750000001", "2018"), e);
    INFO(outils::tout(lot.rejets));
    REQUIRE(a(lot, "valeurs.csv:3:valeurs") != nullptr);
    CHECK(a(lot, "valeurs.csv:3:valeurs")->id == regle::fichier_inutilisable);
    // A header and no data row, after a blank line: the header's line too.
    const csv::lot_rapports seul = lire("\r\nfiness;exercice;indicateur;mesure;valeur\r\n", e);
    INFO(outils::tout(seul.rejets));
    CHECK(a(seul, "valeurs.csv:2:finess") != nullptr);
}

TEST_CASE("csv activities: the activites column is read and checked by the template's rules", "[csv][activites]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018");
    const std::string he =
        "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits;activites;economies_socle;"
        "economies_transports;decision_socle;decision_transports;nature_socle;nature_transports\r\n";
    SECTION("accepted: MCO and psychiatry") {
        const csv::lot_rapports lot = lire(v, he + "750000001;2018;2;1000;2017;mco + psychiatrie;;;;;;\r\n");
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rapports.size() == 1);
        CHECK(lot.activites_donnees);
        CHECK(lot.rapports[0].rapport.activites_etablissement() == (activite_mco | activite_psychiatrie));
    }
    SECTION("rejected: no activity (CAQES-E024) and an unknown word (CAQES-E029), at the activites cell") {
        const csv::lot_rapports vide = lire(v, he + "750000001;2018;2;1000;2017;;;;;;;\r\n");
        REQUIRE(a(vide, "etablissements.csv:2:activites") != nullptr);
        CHECK(a(vide, "etablissements.csv:2:activites")->id == regle::activite_hors_perimetre);
        const csv::lot_rapports mot = lire(v, he + "750000001;2018;2;1000;2017;mco+chirurgie;;;;;;\r\n");
        REQUIRE(a(mot, "etablissements.csv:2:activites") != nullptr);
        CHECK(a(mot, "etablissements.csv:2:activites")->id == regle::texte_invalide);
        CHECK(vide.balanced());
        CHECK(mot.balanced());
    }
    SECTION("without the column, the template's scope is taken and the lot says so") {
        const csv::lot_rapports lot = lire(v, entete_etab_fr + "750000001;2018;2;1000;;;;;2017;;\r\n");
        REQUIRE(lot.rapports.size() == 1);
        CHECK_FALSE(lot.activites_donnees);
        CHECK(lot.rapports[0].rapport.activites_etablissement() == t_def.perimetre);
    }
}

namespace {
// t_def with its yes/no item A3 changed by `F`: a template of its own, each array in static
// storage as a template's spans need.
template <void (*F)(indicateur&)>
struct t_variante {
    static constexpr std::array<indicateur, 3> socle = [] {
        std::array<indicateur, 3> g = t_socle;
        F(g[2]);
        return g;
    }();
    static constexpr std::array<volet_modele, 2> volets{{
        {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = socle, .clauses = sanction},
        t_volets[1],
    }};
    static constexpr modele_contrat_def def{
        .nom = "test csv, A3 changed",
        .regime = regime_id::caqes_2017,
        .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
        .volets = volets,
    };
};
// A3 for psychiatry only (L.162-22 2): non concerne elsewhere.
constexpr void a3_psychiatrie(indicateur& i) { i.applicables = activite_psychiatrie; }
// A3 in force until the end of 2018 only (its contracts still produce effects in 2019).
constexpr void a3_jusqu_a_2019(indicateur& i) { i.validite = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}}; }
using t_psy = t_variante<a3_psychiatrie>;
using t_exp = t_variante<a3_jusqu_a_2019>;
inline constexpr const std::array<indicateur, 3>& t_socle_psy = t_psy::socle;
inline constexpr const modele_contrat_def& t_def_psy = t_psy::def;
inline constexpr const modele_contrat_def& t_def_exp = t_exp::def;
// Both compile as templates: every rule checked at compile time holds.
struct t_modele_psy : modele_contrat<t_def_psy> {};
struct t_modele_exp : modele_contrat<t_def_exp> {};
}  // namespace

TEST_CASE("csv activities: the values the reader asks for are those validate requires (regles::valeurs_exigees)",
          "[csv][activites]") {
    STATIC_REQUIRE(regles::valeurs_exigees(t_socle_psy[2], true, activite_mco | activite_psychiatrie));
    STATIC_REQUIRE_FALSE(regles::valeurs_exigees(t_socle_psy[2], true, activite_mco));
    STATIC_REQUIRE_FALSE(regles::valeurs_exigees(t_socle_psy[0], false, activite_mco));
    STATIC_REQUIRE(regles::valeurs_exigees(t_socle_psy[0], true, activite_mco));
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string sans_a3 = h +
                                "750000001;2018;A1;taux;52,5\r\n750000001;2018;A2;depense;1 234,56\r\n"
                                "750000001;2018;A2;boites;NC\r\n750000001;2018;B1;evolution;-3,5\r\n";
    const std::string avec_a3 = h + valeurs_fr("750000001", "2018");
    const std::string he =
        "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits;activites;economies_socle;"
        "economies_transports;decision_socle;decision_transports;nature_socle;nature_transports\r\n";
    const auto lire_psy = [](const std::string& v, const std::string& e) {
        return csv::lire_rapports(t_def_psy, {}, {"valeurs.csv", v}, {"etablissements.csv", e});
    };
    SECTION("accepted: an MCO establishment gives no value for the psychiatry indicator, non concerne") {
        // Before, the reader asked for A3 (CAQES-E026) and validate refused its value
        // (CAQES-E035): such an establishment could not be accepted at all.
        const csv::lot_rapports lot = lire_psy(sans_a3, he + "750000001;2018;2;1000;2017;mco;;;;;;\r\n");
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rapports.size() == 1);
        CHECK(lot.rapports[0].rapport.valeurs()[2][0].etat == etat_valeur::non_concernee);
        CHECK(lot.valeurs.accepted == 4);
        CHECK(lot.balanced());
    }
    SECTION("rejected: an establishment that exercises psychiatry must give it (CAQES-E026)") {
        const csv::lot_rapports lot = lire_psy(sans_a3, he + "750000001;2018;2;1000;2017;mco+psychiatrie;;;;;;\r\n");
        INFO(outils::tout(lot.rejets));
        CHECK(lot.rapports.empty());
        const violation* x = a(lot, "valeurs.csv:2:finess");
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::indicateur_absent);
        CHECK(x->detail.starts_with("750000001 2018: missing A3.plan;"));
        CHECK(lot.balanced());
    }
    SECTION("rejected: without the activites column, every activity of the scope, so A3 too (CAQES-E026)") {
        const csv::lot_rapports lot = lire_psy(sans_a3, entete_etab_fr + "750000001;2018;2;1000;;;;;2017;;\r\n");
        CHECK(lot.rapports.empty());
        REQUIRE(a(lot, "valeurs.csv:2:finess") != nullptr);
        CHECK(a(lot, "valeurs.csv:2:finess")->id == regle::indicateur_absent);
    }
    SECTION("rejected: a broken value given for it sinks the establishment-year, as a valid one does") {
        std::string v = sans_a3 + "750000001;2018;A3;plan;peut-etre\r\n";
        const csv::lot_rapports lot = lire_psy(v, he + "750000001;2018;2;1000;2017;mco;;;;;;\r\n");
        INFO(outils::tout(lot.rejets));
        CHECK(lot.rapports.empty());
        REQUIRE(a(lot, "valeurs.csv:6:valeur") != nullptr);  // the row itself
        const violation* x = a(lot, "valeurs.csv:2:finess");
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::indicateur_absent);
        CHECK(x->detail.starts_with("750000001 2018: missing A3.plan (its row was rejected);"));
        CHECK(lot.balanced());
    }
    SECTION("rejected: a value given by an MCO establishment for it (CAQES-E035)") {
        const csv::lot_rapports lot = lire_psy(avec_a3, he + "750000001;2018;2;1000;2017;mco;;;;;;\r\n");
        INFO(outils::tout(lot.rejets));
        CHECK(lot.rapports.empty());
        // At the value's own row (A3;plan), its `valeur` cell.
        const violation* x = a(lot, "valeurs.csv:5:valeur");
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::indicateur_non_applicable);
        CHECK(lot.balanced());
    }
}

TEST_CASE("csv reader: an indicator out of force in the exercise is CAQES-E012, not a missing value (CAQES-E026)",
          "[csv][E012]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const auto sans_a3 = [&h](const std::string& annee) {
        return h + "750000001;" + annee + ";A1;taux;52,5\r\n750000001;" + annee + ";A2;depense;1 234,56\r\n" +
               "750000001;" + annee + ";A2;boites;NC\r\n750000001;" + annee + ";B1;evolution;-3,5\r\n";
    };
    const auto lire_exp = [](const std::string& v, const std::string& e) {
        return csv::lire_rapports(t_def_exp, {}, {"valeurs.csv", v}, {"etablissements.csv", e});
    };
    SECTION("2019, without A3's row: E012, at the establishment-year's first row") {
        const csv::lot_rapports lot =
            lire_exp(sans_a3("2019"), entete_etab_fr + "750000001;2019;3;1000;;;;;2018;;\r\n");
        INFO(outils::tout(lot.rejets));
        CHECK(lot.rapports.empty());
        const violation* x = a(lot, "valeurs.csv:2:finess");
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::indicateur_hors_validite);
        CHECK(outils::contient_texte(x->detail, "(id 3, A3): valid [2017-07-01, 2019-01-01), exercise 2019"));
        CHECK(lot.balanced());
    }
    SECTION("2019, with it: E012 as well, at A3's row") {
        const csv::lot_rapports lot =
            lire_exp(h + valeurs_fr("750000001", "2019"), entete_etab_fr + "750000001;2019;3;1000;;;;;2018;;\r\n");
        INFO(outils::tout(lot.rejets));
        REQUIRE(a(lot, "valeurs.csv:5:indicateur") != nullptr);
        CHECK(a(lot, "valeurs.csv:5:indicateur")->id == regle::indicateur_hors_validite);
    }
    SECTION("2018, without it: E026, A3 is in force and missing") {
        const csv::lot_rapports lot =
            lire_exp(sans_a3("2018"), entete_etab_fr + "750000001;2018;2;1000;;;;;2017;;\r\n");
        REQUIRE(a(lot, "valeurs.csv:2:finess") != nullptr);
        CHECK(a(lot, "valeurs.csv:2:finess")->id == regle::indicateur_absent);
        CHECK(a(lot, "valeurs.csv:2:finess")->detail.starts_with("750000001 2018: missing A3.plan;"));
    }
    SECTION("2018, with it: accepted") {
        const csv::lot_rapports lot =
            lire_exp(h + valeurs_fr("750000001", "2018"), entete_etab_fr + "750000001;2018;2;1000;;;;;2017;;\r\n");
        INFO(outils::tout(lot.rejets));
        CHECK(lot.rapports.size() == 1);
    }
}

namespace {
// The socle also carries the 2017 liste en sus reduction (D.162-16 III 2), a rate.
inline constexpr std::array<volet_modele, 2> t_volets_taux{{
    {.volet = volet_id::volet_socle,
     .terme = duree_indeterminee,
     .grille = t_socle,
     .clauses = sanction | minoration_liste_en_sus},
    {.volet = volet_id::volet_transports,
     .terme = duree_annees(3),
     .grille = t_transports,
     .clauses = sanction | interessement},
}};
inline constexpr modele_contrat_def t_def_taux{
    .nom = "test csv, liste en sus",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = t_volets_taux,
};
struct t_modele_taux : modele_contrat<t_def_taux> {};
}  // namespace

TEST_CASE("csv decisions set as a rate: taux_<volet> and duree_<volet>, checked against the law",
          "[csv][decision][taux]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018");
    const std::string he =
        "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits;economies_socle;economies_transports;"
        "decision_socle;decision_transports;nature_socle;nature_transports;taux_socle;duree_socle;taux_transports;"
        "duree_transports;part_liste_en_sus\r\n";
    // A row's cells, then its liste en sus share (empty: not given).
    auto lire_taux = [&](const std::string& ligne, const std::string& part = "") {
        return csv::lire_rapports(t_def_taux, {}, {"valeurs.csv", v},
                                  {"etablissements.csv", he + ligne + ";" + part + "\r\n"});
    };
    SECTION("accepted: a 10 % reduction for 12 months, within the 30 % of D.162-16 III 2") {
        const csv::lot_rapports lot =
            lire_taux("750000001;2018;2;1000;2017;;;5 000;;reduction_liste_en_sus;;10;12;;", "50 000");
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rapports.size() == 1);
        const auto d = lot.rapports[0].rapport.decisions();
        REQUIRE(d.size() == 1);
        CHECK(d[0].d.taux == fraction{1, 10});
        CHECK(d[0].d.duree_mois == 12);
        CHECK(d[0].d.montant == centimes{500'000});
        // The grid chose no cut: the decision stands alone, a contract-level entry naming it,
        // in no total (its amount is an estimate over its duration).
        const resultat_evaluation res = evaluer(lot.rapports[0].rapport);
        REQUIRE(res.nombre_contrat == 1);
        CHECK_FALSE(res.contrat[0].presente());
        CHECK(res.contrat_nature_decidee[0] == issue_legale::reduction_liste_en_sus);
        CHECK(res.contrat[0].decision_finale == centimes{500'000});
        CHECK(res.contrat[0].decision_au_dessus);
        CHECK(res.total_sanctions_decidees == centimes{0});
    }
    SECTION("its estimated amount is the user's, for the period the decision fixes: not bounded by a year's share") {
        // 10 % for 36 months of a share of 16 666.66 EUR a year may come to 5 000 EUR: the law caps
        // the rate (D.162-16 III 2, "dans la limite de 30 %"), checked above; the amount is shown.
        const csv::lot_rapports lot =
            lire_taux("750000001;2018;2;1000;2017;;;5 000;;reduction_liste_en_sus;;10;36;;", "16 666,66");
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rapports.size() == 1);
        CHECK(lot.rapports[0].rapport.decisions()[0].d.montant == centimes{500'000});
        CHECK(lire_taux("750000001;2018;2;1000;2017;;;5 000;;reduction_liste_en_sus;;10;36;;").rapports.size() == 1);
    }
    SECTION("rejected: 35 % is past the 30 % cap (CAQES-E062 at taux_socle)") {
        const csv::lot_rapports lot = lire_taux("750000001;2018;2;1000;2017;;;5 000;;reduction_liste_en_sus;;35;12;;");
        INFO(outils::tout(lot.rejets));
        REQUIRE(a(lot, "etablissements.csv:2:taux_socle") != nullptr);
        CHECK(a(lot, "etablissements.csv:2:taux_socle")->id == regle::decision_hors_la_loi);
        CHECK(lot.rapports.empty());
    }
    SECTION("rejected: a rate without its duration, or without a decision (CAQES-E061)") {
        const csv::lot_rapports sans_duree =
            lire_taux("750000001;2018;2;1000;2017;;;5 000;;reduction_liste_en_sus;;10;;;");
        REQUIRE(a(sans_duree, "etablissements.csv:2:duree_socle") != nullptr);
        CHECK(a(sans_duree, "etablissements.csv:2:duree_socle")->id == regle::decision_hors_issues);
        const csv::lot_rapports sans_decision = lire_taux("750000001;2018;2;1000;2017;;;;;;;10;12;;");
        REQUIRE(a(sans_decision, "etablissements.csv:2:taux_socle") != nullptr);
        CHECK(a(sans_decision, "etablissements.csv:2:taux_socle")->id == regle::decision_hors_issues);
        // The nature needs its rate: reduction_liste_en_sus without one.
        const csv::lot_rapports sans_taux =
            lire_taux("750000001;2018;2;1000;2017;;;5 000;;reduction_liste_en_sus;;;;;");
        REQUIRE(a(sans_taux, "etablissements.csv:2:taux_socle") != nullptr);
        CHECK(a(sans_taux, "etablissements.csv:2:taux_socle")->id == regle::decision_hors_issues);
    }
    SECTION("a header with taux_socle but not duree_socle is refused whole (CAQES-E042)") {
        const std::string incomplet =
            "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits;economies_socle;"
            "economies_transports;decision_socle;decision_transports;nature_socle;nature_transports;taux_socle\r\n";
        const csv::lot_rapports lot =
            csv::lire_rapports(t_def_taux, {}, {"valeurs.csv", v},
                               {"etablissements.csv", incomplet + "750000001;2018;2;1000;2017;;;;;;;\r\n"});
        REQUIRE(a(lot, "etablissements.csv:1:duree_socle") != nullptr);
        CHECK(a(lot, "etablissements.csv:1:duree_socle")->id == regle::fichier_inutilisable);
        CHECK(outils::contient_texte(a(lot, "etablissements.csv:1:duree_socle")->detail, "go together, all or none"));
    }
}

namespace {
// An establishments file of the required columns only, one row: each optional column (the
// bases, the evaluation date) not given.
const std::string etablissements_sans_optionnelles =
    "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits;economies_socle;economies_transports;"
    "decision_socle;decision_transports;nature_socle;nature_transports\r\n750000001;2018;2;1000;2017;;;;;;\r\n";
}  // namespace

TEST_CASE("csv bases of the establishment: each row's own liste en sus share and penalty base, each checked",
          "[csv][bases]") {
    parametres_evaluation p{};
    p.p2017.reduction_liste_en_sus = reduction_liste_en_sus_2017{{30, 100}};
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    // Both miss the socle's plan (A3 "non"): a breach of a volet that carries the cut.
    std::string v = h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018");
    for (std::size_t i = v.find(";A3;plan;oui"); i != std::string::npos; i = v.find(";A3;plan;oui"))
        v.replace(i, 12, ";A3;plan;non");
    const std::string he =
        "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits;economies_socle;"
        "economies_transports;decision_socle;decision_transports;nature_socle;nature_transports;"
        "part_liste_en_sus;base_penalite\r\n";
    const auto lire_coupe = [&](const std::string& valeurs, const std::string& lignes) {
        return csv::lire_rapports(t_def_taux, p, {"valeurs.csv", valeurs}, {"etablissements.csv", he + lignes});
    };
    SECTION("accepted: each establishment cut on its own share, in one batch") {
        const csv::lot_rapports lot = lire_coupe(v,
                                                 "750000001;2018;2;1000;2017;;;;;;;1 000;\r\n"
                                                 "750000002;2018;2;1000;2017;;;;;;;2 000 000,10;5 000\r\n");
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rapports.size() == 2);
        CHECK(lot.rapports[0].rapport.part_liste_en_sus() == centimes{100'000});
        CHECK_FALSE(lot.rapports[0].rapport.base_penalite().has_value());
        CHECK(lot.rapports[1].rapport.part_liste_en_sus() == centimes{200'000'010});
        CHECK(lot.rapports[1].rapport.base_penalite() == centimes{500'000});
        // 30 % of each one's own share, rounded once.
        const resultat_evaluation un = evaluer(lot.rapports[0].rapport);
        const resultat_evaluation deux = evaluer(lot.rapports[1].rapport);
        REQUIRE(un.nombre_contrat == 1);
        REQUIRE(deux.nombre_contrat == 1);
        CHECK(un.contrat[0].nature == nature_proposition::minoration);
        CHECK(un.contrat[0].montant == centimes{30'000});
        CHECK(deux.contrat[0].montant == centimes{60'000'003});
        CHECK(lot.balanced());
    }
    SECTION("rejected at the cell: a share not given where the cut applies (CAQES-E066), negative, no amount") {
        const csv::lot_rapports lot = lire_coupe(v,
                                                 "750000001;2018;2;1000;2017;;;;;;;;\r\n"
                                                 "750000002;2018;2;1000;2017;;;;;;;-1;\r\n");
        REQUIRE(a(lot, "etablissements.csv:2:part_liste_en_sus") != nullptr);
        CHECK(a(lot, "etablissements.csv:2:part_liste_en_sus")->id == regle::base_absente);
        CHECK_FALSE(outils::contient_texte(a(lot, "etablissements.csv:2:part_liste_en_sus")->detail, "has no column"));
        REQUIRE(a(lot, "etablissements.csv:3:part_liste_en_sus") != nullptr);
        CHECK(a(lot, "etablissements.csv:3:part_liste_en_sus")->id == regle::valeur_hors_domaine);
        CHECK(outils::contient_texte(a(lot, "etablissements.csv:3:part_liste_en_sus")->detail,
                                     "-1.00 EUR: a rate base must not be negative"));
        CHECK(lot.rapports.empty());
        CHECK(lot.balanced());
        const csv::lot_rapports texte = lire_coupe(v, "750000001;2018;2;1000;2017;;;;;;;1 000;cent\r\n");
        REQUIRE(a(texte, "etablissements.csv:2:base_penalite") != nullptr);
        CHECK(a(texte, "etablissements.csv:2:base_penalite")->id == regle::texte_invalide);
        CHECK(texte.balanced());
    }
    SECTION("a file without the columns reads as none given: refused only where the cut applies") {
        const std::string& sans = etablissements_sans_optionnelles;
        const csv::lot_rapports coupe =
            csv::lire_rapports(t_def_taux, p, {"valeurs.csv", v}, {"etablissements.csv", sans});
        REQUIRE(a(coupe, "etablissements.csv:2:part_liste_en_sus") != nullptr);
        CHECK(a(coupe, "etablissements.csv:2:part_liste_en_sus")->id == regle::base_absente);
        // The cell it names is in no column of the file: the message says to add it.
        CHECK(outils::contient_texte(a(coupe, "etablissements.csv:2:part_liste_en_sus")->detail,
                                     "(etablissements.csv has no column part_liste_en_sus: add it)"));
        const csv::lot_rapports sans_coupe =
            csv::lire_rapports(t_def, p, {"valeurs.csv", v}, {"etablissements.csv", sans});
        CHECK(sans_coupe.rapports.size() == 1);
    }
}

TEST_CASE("csv date_evaluation: the day the version policy date_evaluation reads, each row's own, checked",
          "[csv][date_evaluation][E067]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018");
    const std::string he =
        "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits;economies_socle;"
        "economies_transports;decision_socle;decision_transports;nature_socle;nature_transports;"
        "date_evaluation\r\n";
    parametres_evaluation p{};
    p.version = version_applicable::date_evaluation;
    SECTION("accepted: each row's day, in either form; the law is that day's") {
        const csv::lot_rapports lot = csv::lire_rapports(t_def, p, {"valeurs.csv", v},
                                                         {"etablissements.csv", he + "750000001;2018;2;1000;2017;;;;;;;"
                                                                                     "2019-06-01\r\n"
                                                                                     "750000002;2018;2;1000;2017;;;;;;;"
                                                                                     "15/03/2019\r\n"});
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rapports.size() == 2);
        CHECK(lot.rapports[0].rapport.date_evaluation() == ymd{2019, 6, 1});
        CHECK(lot.rapports[1].rapport.date_evaluation() == ymd{2019, 3, 15});
        CHECK(evaluer(lot.rapports[1].rapport).regles.date == ymd{2019, 3, 15});
        CHECK(lot.balanced());
    }
    SECTION("rejected at the cell: no day, or not given under date_evaluation (CAQES-E067)") {
        const csv::lot_rapports lot =
            csv::lire_rapports(t_def, p, {"valeurs.csv", v},
                               {"etablissements.csv", he + "750000001;2018;2;1000;2017;;;;;;;2019-02-30\r\n"
                                                           "750000002;2018;2;1000;2017;;;;;;;\r\n"});
        REQUIRE(a(lot, "etablissements.csv:2:date_evaluation") != nullptr);
        CHECK(a(lot, "etablissements.csv:2:date_evaluation")->id == regle::date_inexistante);
        REQUIRE(a(lot, "etablissements.csv:3:date_evaluation") != nullptr);
        CHECK(a(lot, "etablissements.csv:3:date_evaluation")->id == regle::date_evaluation_absente);
        CHECK(lot.rapports.empty());
        CHECK(lot.balanced());
    }
    SECTION("rejected at the cell: a day before the exercise began (CAQES-E028); its first day accepted") {
        const csv::lot_rapports lot =
            csv::lire_rapports(t_def, p, {"valeurs.csv", v},
                               {"etablissements.csv", he + "750000001;2018;2;1000;2016;;;;;;;2017-12-31\r\n"
                                                           "750000002;2018;2;1000;2017;;;;;;;2018-01-01\r\n"});
        INFO(outils::tout(lot.rejets));
        REQUIRE(a(lot, "etablissements.csv:2:date_evaluation") != nullptr);
        CHECK(a(lot, "etablissements.csv:2:date_evaluation")->id == regle::valeur_hors_domaine);
        CHECK(outils::contient_texte(a(lot, "etablissements.csv:2:date_evaluation")->detail,
                                     "2017-12-31 is before exercise 2018 began"));
        REQUIRE(lot.rapports.size() == 1);
        CHECK(lot.rapports[0].rapport.date_evaluation() == ymd{2018, 1, 1});
        CHECK(lot.balanced());
    }
    SECTION("a file without the column: refused under date_evaluation only, and told to add it") {
        const std::string& sans = etablissements_sans_optionnelles;
        const csv::lot_rapports refus = csv::lire_rapports(t_def, p, {"valeurs.csv", v}, {"etablissements.csv", sans});
        REQUIRE(a(refus, "etablissements.csv:2:date_evaluation") != nullptr);
        CHECK(outils::contient_texte(a(refus, "etablissements.csv:2:date_evaluation")->detail,
                                     "(etablissements.csv has no column date_evaluation: add it)"));
        CHECK(csv::lire_rapports(t_def, {}, {"valeurs.csv", v}, {"etablissements.csv", sans}).rapports.size() == 1);
    }
}

TEST_CASE("csv L.162-30-4 data: six columns, all or none, each checked", "[csv][l162_30_4]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018");
    const std::string he =
        "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits;economies_socle;economies_transports;"
        "decision_socle;decision_transports;nature_socle;nature_transports;l162_30_4_saisine;l162_30_4_actes_realises;"
        "l162_30_4_actes_cible;l162_30_4_actes_annee_precedente;l162_30_4_tarif_national_moyen;l162_30_4_part_liste_en_"
        "sus\r\n";
    SECTION("accepted: all six, carried into the validated report; all empty: none") {
        const csv::lot_rapports lot =
            lire(v, he + "750000001;2018;2;1000;2017;;;;;;;2018-03-01;1 200;900;1 000;350,50;12\r\n");
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rapports.size() == 1);
        const std::optional<donnees_l162_30_4>& d = lot.rapports[0].rapport.l162_30_4();
        REQUIRE(d.has_value());
        CHECK(d->saisine == ymd{2018, 3, 1});
        CHECK(d->actes_realises == 1200);
        CHECK(d->actes_cible == 900);
        CHECK(d->actes_annee_precedente == 1000);
        CHECK(d->tarif_national_moyen == centimes{35'050});
        CHECK(d->part_liste_en_sus == centimes{1'200});
        const csv::lot_rapports aucune = lire(v, he + "750000001;2018;2;1000;2017;;;;;;;;;;;;\r\n");
        REQUIRE(aucune.rapports.size() == 1);
        CHECK_FALSE(aucune.rapports[0].rapport.l162_30_4().has_value());
    }
    SECTION("rejected: given in part (CAQES-E026), a negative count or tariff (CAQES-E028), at the cell") {
        const csv::lot_rapports partie =
            lire(v, he + "750000001;2018;2;1000;2017;;;;;;;2018-03-01;1 200;;1 000;350,50;12\r\n");
        REQUIRE(a(partie, "etablissements.csv:2:l162_30_4_actes_cible") != nullptr);
        CHECK(a(partie, "etablissements.csv:2:l162_30_4_actes_cible")->id == regle::indicateur_absent);
        const csv::lot_rapports negatif =
            lire(v, he + "750000001;2018;2;1000;2017;;;;;;;2018-03-01;-5;900;1 000;350,50;12\r\n");
        REQUIRE(a(negatif, "etablissements.csv:2:l162_30_4_actes_realises") != nullptr);
        CHECK(a(negatif, "etablissements.csv:2:l162_30_4_actes_realises")->id == regle::valeur_hors_domaine);
        // A negative tariff: the rule validate states (regles::champ_l162_30_4_hors_domaine).
        const csv::lot_rapports tarif =
            lire(v, he + "750000001;2018;2;1000;2017;;;;;;;2018-03-01;1 200;900;1 000;-350,50;12\r\n");
        REQUIRE(a(tarif, "etablissements.csv:2:l162_30_4_tarif_national_moyen") != nullptr);
        CHECK(a(tarif, "etablissements.csv:2:l162_30_4_tarif_national_moyen")->id == regle::valeur_hors_domaine);
        CHECK(outils::contient_texte(a(tarif, "etablissements.csv:2:l162_30_4_tarif_national_moyen")->detail,
                                     "-350.50 EUR: a rate base must not be negative"));
        CHECK(partie.balanced());
        CHECK(negatif.balanced());
        CHECK(tarif.balanced());
    }
    SECTION("rejected: a target more than 30 % below last year's acts (CAQES-E031), at l162_30_4_actes_cible") {
        // Exercise 2020: the floor is read in the L.162-30-3 versions in force from 2019-12-28.
        const std::string v2020 = h + valeurs_fr("750000001", "2020");
        const csv::lot_rapports lot =
            lire(v2020, he + "750000001;2020;4;1000;2019;;;;;;;2020-03-01;1 200;699;1 000;350,50;12\r\n");
        INFO(outils::tout(lot.rejets));
        REQUIRE(a(lot, "etablissements.csv:2:l162_30_4_actes_cible") != nullptr);
        CHECK(a(lot, "etablissements.csv:2:l162_30_4_actes_cible")->id == regle::cible_sous_plancher);
        const csv::lot_rapports pile =
            lire(v2020, he + "750000001;2020;4;1000;2019;;;;;;;2020-03-01;1 200;700;1 000;350,50;12\r\n");
        CHECK(pile.rejets.empty());
    }
    SECTION("rejected: a referral whose two-year deadline is no day under the template's stricte policy (CAQES-E023)") {
        // 29 February 2020 + 2 years (L.162-30-4 LEGIARTI000041398020, in force from 2019-12-28).
        const std::string v2020 = h + valeurs_fr("750000001", "2020");
        const csv::lot_rapports lot =
            lire(v2020, he + "750000001;2020;4;1000;2019;;;;;;;2020-02-29;1 200;900;1 000;350,50;12\r\n");
        REQUIRE(a(lot, "etablissements.csv:2:l162_30_4_saisine") != nullptr);
        CHECK(a(lot, "etablissements.csv:2:l162_30_4_saisine")->id == regle::date_calendaire_impossible);
        CHECK(lot.balanced());
        const csv::lot_rapports veille =
            lire(v2020, he + "750000001;2020;4;1000;2019;;;;;;;2020-02-28;1 200;900;1 000;350,50;12\r\n");
        CHECK(veille.rejets.empty());
    }
}

namespace {
// A stream buffer over a text that fails as a disk does: its `underflow` throws once `echec`
// bytes were given in pass `passe_echec` (a pass starts at each seek back to the start), which
// `std::istream` turns into `bad()`. `seekable` false: a pipe, whose position cannot be told.
class flux_defaillant : public std::streambuf {
  public:
    flux_defaillant(std::string texte, std::size_t echec, int passe_echec, bool seekable = true)
            : texte_{std::move(texte)}, echec_{echec}, passe_echec_{passe_echec}, seekable_{seekable} {
        seekpos(0, std::ios_base::in);
    }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (limite_ < texte_.size()) throw std::runtime_error("disk error");
        return traits_type::eof();
    }
    pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
        if (!seekable_) return pos_type(off_type(-1));
        if (dir == std::ios_base::cur && off == 0) return pos_type(gptr() - eback());
        if (dir == std::ios_base::beg) return seekpos(pos_type(off), which);
        return pos_type(off_type(-1));
    }
    pos_type seekpos(pos_type p, std::ios_base::openmode) override {
        if (!seekable_ && passe_ > 0) return pos_type(off_type(-1));
        const auto debut = static_cast<std::size_t>(off_type(p));
        if (debut == 0) ++passe_;
        limite_ = passe_ == passe_echec_ ? std::min(echec_, texte_.size()) : texte_.size();
        char* base = texte_.data();
        setg(base, base + std::min(debut, limite_), base + limite_);
        return p;
    }

  private:
    std::string texte_;
    std::size_t echec_;
    int passe_echec_;
    bool seekable_;
    int passe_{0};
    std::size_t limite_{0};
};

// 900 establishment-years, so that the values file is larger than the reader's first fill
// (`limites::ligne_max` + 2 bytes, 64 KiB + 2 by default) and the first pass's first block
// (64 KiB).
struct grand_lot {
    std::string valeurs = "finess;exercice;indicateur;mesure;valeur\r\n";
    std::string etabs = entete_etab_fr;
    grand_lot() {
        for (int i = 1; i <= 900; ++i) {
            const std::string f = std::to_string(750000000 + i);
            valeurs += valeurs_fr(f, "2018");
            etabs += f + ";2018;1;1000;;;;;;;\r\n";
        }
    }
};

csv::lot_rapports lire_flux(std::streambuf& v, std::streambuf& e) {
    std::istream fv{&v};
    std::istream fe{&e};
    return csv::lire_rapports(t_def, {}, {"valeurs.csv", {}, &fv}, {"etablissements.csv", {}, &fe});
}

std::size_t lignes_dans(std::string_view s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }
}  // namespace

TEST_CASE("csv reader: a read error is never silent: the file is unusable from the line reached, the rest unread",
          "[csv][flux]") {
    const grand_lot g;
    const std::size_t total = lignes_dans(g.valeurs);
    constexpr std::size_t jamais = std::numeric_limits<std::size_t>::max();

    SECTION("accepted: a stream that does not fail reads as the text") {
        flux_defaillant v{g.valeurs, jamais, 0};
        flux_defaillant e{g.etabs, jamais, 0};
        const csv::lot_rapports lot = lire_flux(v, e);
        CHECK(lot.rejets.empty());
        CHECK(lot.rapports.size() == 900);
        CHECK(lot.valeurs.lines == total);
        CHECK_FALSE(lot.valeurs.unread);
        CHECK(lot.balanced());
        CHECK(csv::status(lot) == csv::exit_status::accepted);
    }
    SECTION("rejected: the values file fails in the second pass, in an establishment-year") {
        // The second pass's first read gives 64 KiB + 2 bytes; the next one fails. Its whole
        // lines are read, the line cut by the failure is not.
        constexpr std::size_t premier_remplissage = 64 * 1024 + 2;
        const std::size_t lues = lignes_dans(std::string_view{g.valeurs}.substr(0, premier_remplissage));
        REQUIRE(g.valeurs[premier_remplissage - 1] != '\n');
        flux_defaillant v{g.valeurs, 100'000, 2};
        flux_defaillant e{g.etabs, jamais, 0};
        const csv::lot_rapports lot = lire_flux(v, e);
        INFO(outils::tout(lot.rejets));
        const violation* x = a(lot, concat("valeurs.csv:", std::to_string(lues + 1), ":read error"));
        REQUIRE(x != nullptr);
        CHECK(x->id == regle::fichier_inutilisable);
        CHECK(x->detail == concat("read error: the stream failed after line ", std::to_string(lues),
                                  " (an I/O error), before the end of the file; lines ", std::to_string(lues + 1),
                                  " to ", std::to_string(total), " (", std::to_string(total - lues),
                                  " lines) are not read, their rows neither accepted nor rejected, and the file's "
                                  "reconciliation does not balance; read the file again once it can be read whole"));
        // The establishment-year the failure cut is rejected, not evaluated from part of its rows.
        const std::size_t ouverte = (lues - 2) / 5;  // establishment-years whose 5 rows were all read
        const std::size_t premiere = 2 + ouverte * 5;
        const std::string f = std::to_string(750000000 + ouverte + 1);
        const violation* coupee = a(lot, concat("valeurs.csv:", std::to_string(premiere), ":finess"));
        REQUIRE(coupee != nullptr);
        CHECK(coupee->id == regle::indicateur_absent);
        CHECK(outils::contient_texte(coupee->detail,
                                     concat("the read error at line ", std::to_string(lues + 1),
                                            " stopped the file before its rows ended; establishment-year rejected")));
        CHECK(lot.rapports.size() == ouverte);
        CHECK(lot.valeurs.accepted == ouverte * 5);
        CHECK(lot.valeurs.rejected == lues - 1 - ouverte * 5);
        REQUIRE(lot.valeurs.unread);
        CHECK(*lot.valeurs.unread == total - lues);
        CHECK(lot.valeurs.lines == total);
        CHECK(lot.valeurs.unusable);
        CHECK(lot.counts_agree());
        CHECK_FALSE(lot.valeurs.balanced());  // never "OK"
        CHECK_FALSE(lot.balanced());
        CHECK(csv::status(lot) == csv::exit_status::unusable_input);
    }
    SECTION("rejected: a file refused for its header fails while its rows are counted: both said") {
        constexpr std::size_t premier_remplissage = 64 * 1024 + 2;
        std::string v = g.valeurs;
        v.replace(v.find("valeur\r\n"), 6, "valeux");  // an unknown column, same length
        const std::size_t lues = lignes_dans(std::string_view{v}.substr(0, premier_remplissage));
        flux_defaillant fv{v, 100'000, 2};
        flux_defaillant e{g.etabs, jamais, 0};
        const csv::lot_rapports lot = lire_flux(fv, e);
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rejets.size() >= 2);
        CHECK(lot.rejets[0].lieu == "valeurs.csv:1:valeux");
        CHECK(outils::contient_texte(lot.rejets[0].detail,
                                     concat("; none of the ", std::to_string(lues - 1), " rows is read")));
        CHECK(lot.rejets[1].lieu == concat("valeurs.csv:", std::to_string(lues + 1), ":read error"));
        CHECK(lot.valeurs.rejected == lues - 1);
        CHECK(lot.valeurs.unread == total - lues);
        CHECK(lot.counts_agree());
        CHECK_FALSE(lot.valeurs.balanced());
    }
    SECTION("rejected: the values file fails in the first pass: nothing of it is read") {
        // The first pass reads blocks of 64 KiB: the first is whole, the second fails.
        constexpr std::size_t bloc = 64 * 1024;
        REQUIRE(g.valeurs[bloc - 1] != '\n');
        const std::size_t ligne = lignes_dans(std::string_view{g.valeurs}.substr(0, bloc)) + 1;
        flux_defaillant v{g.valeurs, 100'000, 1};
        flux_defaillant e{g.etabs, jamais, 0};
        const csv::lot_rapports lot = lire_flux(v, e);
        INFO(outils::tout(lot.rejets));
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].id == regle::fichier_inutilisable);
        CHECK(lot.rejets[0].lieu == concat("valeurs.csv:", std::to_string(ligne), ":read error"));
        CHECK(lot.rejets[0].detail ==
              concat("read error: the stream failed after byte ", std::to_string(bloc), ", on line ",
                     std::to_string(ligne),
                     " (an I/O error), before the end of the file, in the first pass (the line-end check); the file is "
                     "not read, its rows neither accepted nor rejected; read it again once it can be read whole"));
        CHECK(lot.rapports.empty());
        CHECK(lot.valeurs.read == 0);
        CHECK(lot.valeurs.unread == ligne);
        CHECK(lot.valeurs.lines == ligne);
        CHECK(lot.counts_agree());
        CHECK_FALSE(lot.valeurs.balanced());
        CHECK(csv::status(lot) == csv::exit_status::unusable_input);
    }
    SECTION("rejected: the establishments file fails in the second pass: the rows kept go down with it") {
        // A small file: the second pass's first read fails, at its header.
        flux_defaillant v{g.valeurs, jamais, 0};
        flux_defaillant e{g.etabs, 1'000, 2};
        const csv::lot_rapports lot = lire_flux(v, e);
        INFO(outils::tout(lot.rejets));
        const std::size_t lignes_etab = lignes_dans(g.etabs);
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].lieu == "etablissements.csv:1:read error");
        CHECK(lot.rejets[0].detail ==
              concat("read error: the stream failed after line 0 (an I/O error), before the end of the file; lines 1 "
                     "to ",
                     std::to_string(lignes_etab), " (", std::to_string(lignes_etab),
                     " lines) are not read, their rows neither accepted nor rejected, and the file's reconciliation "
                     "does not balance; read the file again once it can be read whole"));
        CHECK(lot.rapports.empty());
        CHECK(lot.etablissements.unread == lignes_etab);
        CHECK_FALSE(lot.etablissements.balanced());
        CHECK(lot.valeurs.rejected == total - 1);  // no establishment-year is decided without its row
        CHECK(lot.counts_agree());
        CHECK(csv::status(lot) == csv::exit_status::unusable_input);
    }
    SECTION("rejected: the establishments file fails after some rows: those read go down with the file") {
        std::string etabs = entete_etab_fr;
        for (int i = 1; i <= 3500; ++i)
            etabs += std::to_string(750000000 + i) + ";2018;1;1000;;;;;;;\r\n";
        constexpr std::size_t premier_remplissage = 64 * 1024 + 2;
        const std::size_t lues = lignes_dans(std::string_view{etabs}.substr(0, premier_remplissage));
        REQUIRE(etabs[premier_remplissage - 1] != '\n');
        flux_defaillant v{g.valeurs, jamais, 0};
        flux_defaillant e{etabs, 80'000, 2};
        const csv::lot_rapports lot = lire_flux(v, e);
        INFO(outils::tout(lot.rejets));
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].lieu == concat("etablissements.csv:", std::to_string(lues + 1), ":read error"));
        CHECK(lot.rapports.empty());
        CHECK(lot.etablissements.read == lues - 1);
        CHECK(lot.etablissements.rejected == lues - 1);
        CHECK(lot.etablissements.unread == lignes_dans(etabs) - lues);
        CHECK(lot.counts_agree());
        CHECK_FALSE(lot.balanced());
    }
}

TEST_CASE("csv reader: a stream that cannot be read twice (a pipe) is refused up front, nothing read", "[csv][flux]") {
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n";
    const std::string v = "finess;exercice;indicateur;mesure;valeur\r\n" + valeurs_fr("750000001", "2018");
    constexpr std::size_t jamais = std::numeric_limits<std::size_t>::max();
    SECTION("accepted: a stream that can seek is read twice") {
        flux_defaillant fv{v, jamais, 0};
        flux_defaillant fe{e, jamais, 0};
        const csv::lot_rapports lot = lire_flux(fv, fe);
        CHECK(lot.rejets.empty());
        CHECK(lot.rapports.size() == 1);
        CHECK(lot.balanced());
    }
    SECTION("rejected: one that cannot is refused, named, and its reconciliation is not OK") {
        flux_defaillant fv{v, jamais, 0, false};
        flux_defaillant fe{e, jamais, 0};
        const csv::lot_rapports lot = lire_flux(fv, fe);
        INFO(outils::tout(lot.rejets));
        REQUIRE_FALSE(lot.rejets.empty());
        CHECK(lot.rejets[0].id == regle::fichier_inutilisable);
        CHECK(lot.rejets[0].lieu == "valeurs.csv:1:header");
        CHECK(lot.rejets[0].detail ==
              "cannot read valeurs.csv twice: it is a stream that cannot go back to its start (a pipe, a terminal, "
              "/dev/stdin fed by a pipe), and the reader reads each file twice (a first pass checks its line ends and "
              "counts its lines); nothing of it is read: write it to a file first");
        CHECK(lot.rapports.empty());
        CHECK(lot.valeurs.read == 0);
        CHECK(lot.valeurs.unread == 0U);
        CHECK_FALSE(lot.valeurs.balanced());
        CHECK(lot.counts_agree());
        CHECK(csv::status(lot) == csv::exit_status::unusable_input);
    }
}

TEST_CASE("csv reader: the establishment-year held takes at most 256 bytes for the benchmarks' 7-indicator grid",
          "[csv][memoire]") {
    // B = sizeof(groupe) + S x sizeof(mesure_tenue): S the template's measures (10 for the 7
    // indicators of benchmarks/gen_grids.py), whatever the values.
    const std::vector<csv::detail::repere> index = csv::detail::reperes(banc::g7::def);
    REQUIRE(index.size() == 7);
    const std::size_t s = csv::detail::nombre_mesures(index);
    CHECK(s == 10);
    CHECK(sizeof(csv::detail::mesure_tenue) == 16);
    CHECK(csv::detail::octets_groupe(s) == sizeof(csv::detail::groupe) + 160);
    CHECK(csv::detail::octets_groupe(s) <= 256);
    // The old form, a valeurs_indicateur and four lines and flags per indicator: 132 x 7.
    CHECK(csv::detail::octets_groupe(s) < 7 * (sizeof(valeurs_indicateur) + mesures_max * (sizeof(std::size_t) + 1)));
}

TEST_CASE("csv reader: the compact form of the values held is exact, whatever the decimals", "[csv][memoire]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n";
    SECTION("accepted: a denominator of 32 bits and a numerator of 64 stay in the compact form") {
        std::string v = h + valeurs_fr("750000001", "2018");
        v.replace(v.find("52,5"), 4, "52,1234567");                     // 521234567 / 10^9
        v.replace(v.find("1 234,56"), 8, "92 233 720 368 547 758,07");  // the largest amount
        const csv::lot_rapports lot = lire(v, e);
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rapports.size() == 1);
        const rapport_valide& r = lot.rapports[0].rapport;
        CHECK(r.valeurs()[0][0].v == fraction{521234567, 1'000'000'000});
        CHECK(r.valeurs()[0][0].type == type_mesure::taux);
        CHECK(r.valeurs()[1][0].v == entier(9'223'372'036'854'775'807));
        CHECK(r.valeurs()[1][1].etat == etat_valeur::non_concernee);
    }
    SECTION("accepted: a denominator beyond 32 bits, 2^a x 5^b, is held as its exponents, not rounded") {
        std::string v = h + valeurs_fr("750000001", "2018");
        v.replace(v.find("52,5"), 4, "52,123456789123");  // 52123456789123 / 10^14, reduced
        v.replace(v.find("-3,5"), 4, "-3,000000000001");
        const csv::lot_rapports lot = lire(v, e);
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rapports.size() == 1);
        const rapport_valide& r = lot.rapports[0].rapport;
        CHECK(r.valeurs()[0][0].v == fraction{52'123'456'789'123, 100'000'000'000'000});
        CHECK(r.valeurs()[0][0].v.den > std::int64_t{std::numeric_limits<std::uint32_t>::max()});
        CHECK(r.valeurs()[3][0].v == fraction{-3'000'000'000'001, 100'000'000'000'000});
        CHECK(r.valeurs()[3][0].type == type_mesure::taux_evolution);
    }
}

TEST_CASE("csv reader: a held value round-trips exactly, a denominator that is not a decimal's is refused",
          "[csv][memoire]") {
    using csv::detail::groupe;
    using csv::detail::mesure_tenue;
    const auto donnee = [](fraction f) { return valeur_mesure{etat_valeur::renseignee, type_mesure::taux, f}; };
    SECTION("accepted: small, 2^a x 5^b up to 10^18 and 2^62, states") {
        for (const fraction f :
             {fraction{-7, 1}, fraction{1, 3}, fraction{5, 4'294'963'197}, fraction{1, 1'000'000'000'000'000'000},
              fraction{-3, 4'611'686'018'427'387'904}, fraction{9'223'372'036'854'775'807, 3'814'697'265'625}}) {
            mesure_tenue t{};
            REQUIRE(groupe::tenir(t, donnee(f)));
            CHECK(groupe::donnee(t));
            CHECK(groupe::valeur(t, type_mesure::taux).v == f);
            CHECK(groupe::valeur(t, type_mesure::taux).etat == etat_valeur::renseignee);
        }
        mesure_tenue nc{};
        REQUIRE(groupe::tenir(nc, valeur_mesure::non_concernee()));
        CHECK(groupe::valeur(nc, type_mesure::taux).etat == etat_valeur::non_concernee);
        mesure_tenue nr{};
        REQUIRE(groupe::tenir(nr, valeur_mesure::non_renseignee()));
        CHECK(groupe::valeur(nr, type_mesure::taux).etat == etat_valeur::non_renseignee);
    }
    SECTION("rejected: a large denominator with another prime factor, nothing held") {
        mesure_tenue t{};
        CHECK_FALSE(groupe::tenir(t, donnee(fraction{1, 3 * std::int64_t{1'000'000'000'000}})));
        CHECK_FALSE(groupe::tenir(t, donnee(fraction{1, 4'294'967'311})));  // a prime above 2^32
        CHECK_FALSE(groupe::donnee(t));
    }
}

TEST_CASE("csv reader: past the maximum of lines of a values file, the rest is refused, located", "[csv][memoire]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018");
    const std::string e = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n750000002;2018;1;1000;;;;;;;\r\n";
    csv::options_lecture o{};
    SECTION("accepted: at the maximum") {
        o.lignes_valeurs_max = 11;
        const csv::lot_rapports lot = csv::lire_rapports(t_def, {}, {"valeurs.csv", v}, {"etablissements.csv", e}, o);
        CHECK(lot.rejets.empty());
        CHECK(lot.rapports.size() == 2);
    }
    SECTION("rejected: past it, the row named, the establishment-year it cut rejected") {
        o.lignes_valeurs_max = 9;
        const csv::lot_rapports lot = csv::lire_rapports(t_def, {}, {"valeurs.csv", v}, {"etablissements.csv", e}, o);
        INFO(outils::tout(lot.rejets));
        REQUIRE(lot.rejets.size() == 2);
        CHECK(lot.rejets[0].lieu == "valeurs.csv:7:finess");
        CHECK(lot.rejets[0].detail ==
              "750000002 2018: missing A3.plan, B1.evolution; the maximum of 9 lines at line 10 stopped the file "
              "before its rows ended; establishment-year rejected with its 3 rows, lines 7 to 9 and "
              "etablissements.csv:3");
        CHECK(lot.rejets[1].id == regle::fichier_inutilisable);
        CHECK(lot.rejets[1].lieu == "valeurs.csv:10:finess");
        CHECK(lot.rejets[1].detail ==
              "line 10 is past the maximum of 9 lines of a values file (options_lecture::lignes_valeurs_max: the "
              "establishment-year held keeps its line numbers in 32 bits); this row and the 1 after it (to line 11) "
              "are rejected unread: split the file");
        CHECK(lot.rapports.size() == 1);
        CHECK(lot.valeurs.accepted == 5);
        CHECK(lot.valeurs.rejected == 5);
        CHECK(lot.balanced());
        CHECK(csv::status(lot) == csv::exit_status::unusable_input);
    }
}

namespace {

// The record splitter as written before its one-pass field loop (two library searches per
// unquoted field), kept as the definition the reader must still follow on every line.
csv::record decouper_reference(std::string_view line, char sep) {
    csv::record r{};
    std::size_t i = 0;
    auto echec = [&r](csv::record_error e) {
        r.error = std::string{csv::message(e)};
        r.error_field = r.fields.size() - 1;
        return r;
    };
    while (true) {
        if (i < line.size() && line[i] == '"') {
            r.quoted_any = true;
            ++i;
            std::string champ;
            bool ferme = false;
            while (i < line.size()) {
                const std::size_t q = line.find('"', i);
                if (q == std::string_view::npos) {
                    champ.append(line.substr(i));
                    i = line.size();
                    break;
                }
                champ.append(line.substr(i, q - i));
                if (q + 1 < line.size() && line[q + 1] == '"') {
                    champ += '"';
                    i = q + 2;
                    continue;
                }
                ferme = true;
                i = q + 1;
                break;
            }
            r.fields.push_back(champ);
            if (!ferme) return echec(csv::record_error::quote_not_closed);
            if (i < line.size() && line[i] != sep) return echec(csv::record_error::text_after_quote);
        } else {
            const std::size_t s = std::min(line.find(sep, i), line.size());
            const std::string_view f = line.substr(i, s - i);
            r.fields.emplace_back(f);
            if (f.find('"') != std::string_view::npos) return echec(csv::record_error::quote_in_unquoted);
            i = s;
        }
        if (i < line.size()) {
            ++i;
            continue;
        }
        return r;
    }
}

}  // namespace

TEST_CASE("csv records: every line is split as the two-search definition splits it, errors and their field included",
          "[csv][records]") {
    // Every line of up to 5 characters over a ; , " a space and the byte 0xC3 (half of a UTF-8
    // character), then 3 000 random ones of up to 24, in both dialects: fields, error, the
    // error's field, whether a field was quoted, and whether the record is all ASCII.
    constexpr std::string_view alphabet = "a;,\" \xC3";
    std::vector<std::string> lignes;
    std::vector<std::string> niveau{""};
    for (int longueur = 1; longueur <= 5; ++longueur) {
        std::vector<std::string> suivant;
        for (const std::string& l : niveau) {
            for (const char c : alphabet)
                suivant.push_back(l + c);
        }
        lignes.insert(lignes.end(), suivant.begin(), suivant.end());
        niveau = std::move(suivant);
    }
    std::mt19937 alea{20261205};
    for (int n = 0; n < 3000; ++n) {
        std::string l(alea() % 25, ' ');
        for (char& c : l)
            c = alphabet[alea() % alphabet.size()];
        lignes.push_back(l);
    }
    std::size_t erreurs = 0;
    std::size_t asciis = 0;
    for (const dialect d : {dialect::french, dialect::plain}) {
        const char sep = d == dialect::french ? ';' : ',';
        for (const std::string& l : lignes) {
            // A line of spaces is a record; an empty line is none and is skipped.
            if (l.empty()) continue;
            const csv::table t = csv::split("h\n" + l + "\n", d);
            INFO("line [" << l << "] sep " << sep);
            REQUIRE(t.rows.size() == 1);
            const csv::record attendu = decouper_reference(l, sep);
            CHECK(t.rows[0].fields == attendu.fields);
            CHECK(t.rows[0].error == attendu.error);
            CHECK(t.rows[0].error_field == attendu.error_field);
            CHECK(t.rows[0].quoted_any == attendu.quoted_any);
            // All ASCII: well formed, nothing quoted, every field's bytes below 0x80.
            bool ascii = attendu.error.empty() && !attendu.quoted_any;
            for (const std::string& f : attendu.fields) {
                for (const char c : f)
                    ascii = ascii && static_cast<unsigned char>(c) < 0x80U;
            }
            const std::string texte = "h\n" + l + "\n";
            csv::record_reader lecteur{texte, d};
            csv::record_view v{};
            REQUIRE(lecteur.next(v));
            REQUIRE(lecteur.next(v));
            CHECK(v.ascii == ascii);
            asciis += ascii ? 1 : 0;
            erreurs += attendu.error.empty() ? 0 : 1;
        }
    }
    // Each outcome was exercised, many times.
    CHECK(erreurs > 1000);
    CHECK(erreurs + 1000 < 2 * lignes.size());
    CHECK(asciis > 1000);
    CHECK(asciis + 1000 < 2 * lignes.size());
}

TEST_CASE("csv reader: a row's indicator is found as a scan finds it, from any previous row's, duplicates included",
          "[csv][index]") {
    const modele_contrat_def& m = banc::g7::def;
    const std::vector<csv::detail::repere> index = csv::detail::reperes(m);
    // The definition: the last indicator with that code.
    auto scan = [](std::span<const csv::detail::repere> ix, std::string_view code) {
        const csv::detail::repere* r = nullptr;
        for (const auto& x : ix) {
            if (x.ind->code == code) r = &x;
        }
        return r;
    };
    std::vector<std::string> codes{"ABSENT", ""};
    for (const auto& x : index)
        codes.emplace_back(x.ind->code);
    std::vector<const csv::detail::repere*> avants{nullptr};
    for (const auto& x : index) {
        CHECK(x.seul);
        avants.push_back(&x);
    }
    std::size_t trouves = 0;
    for (const std::string& code : codes) {
        for (const csv::detail::repere* avant : avants) {
            const csv::detail::repere* r = csv::detail::chercher_repere(index, code, avant);
            CHECK(r == scan(index, code));
            trouves += r != nullptr ? 1 : 0;
        }
    }
    CHECK(trouves == index.size() * avants.size());

    // Two indicators sharing a code (a template CAQES-E033 refuses): neither is alone with it,
    // and the lookup answers as the scan does, the previous row's indicator notwithstanding.
    std::vector<indicateur> grille(m.volets[0].grille.begin(), m.volets[0].grille.end());
    REQUIRE(grille.size() == 2);
    grille[1].code = grille[0].code;
    const std::array<volet_modele, 1> volets{
        {{.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille, .clauses = sanction}}};
    modele_contrat_def double_code = m;
    double_code.volets = volets;
    const std::vector<csv::detail::repere> ix = csv::detail::reperes(double_code);
    REQUIRE(ix.size() == 2);
    CHECK_FALSE(ix[0].seul);
    CHECK_FALSE(ix[1].seul);
    for (const csv::detail::repere* avant : {static_cast<const csv::detail::repere*>(nullptr), &ix[0], &ix[1]}) {
        CHECK(csv::detail::chercher_repere(ix, grille[0].code, avant) == &ix[1]);
    }
}

TEST_CASE("csv records: the line feeds counted by runs of 255 bytes are std::count's", "[csv][records]") {
    std::mt19937 alea{5};
    for (std::size_t n = 0; n <= 1100; ++n) {
        // From no LF to nothing but LFs: a run of 255 LFs is the most an 8-bit lane holds.
        for (const unsigned densite : {0U, 1U, 50U, 100U}) {
            std::string s(n, 'x');
            for (char& c : s) {
                if (alea() % 100 < densite) c = '\n';
            }
            INFO("length " << n << ", " << densite << " % of LFs");
            CHECK(csv::detail::compter_lf(s) == static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')));
        }
    }
}

TEST_CASE("csv reader: a row's key is read again unless written as the previous valid row's", "[csv][index]") {
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string etab = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n";
    // The same key written with spaces around the FINESS: read again, the same key, one report.
    std::string espaces = valeurs_fr("750000001", "2018");
    espaces.replace(espaces.find("750000001", 20), 9, " 750000001 ");
    const csv::lot_rapports a = lire(h + espaces, etab);
    CHECK(a.rejets.empty());
    CHECK(a.rapports.size() == 1);
    // A key that differs from the previous valid one by a character is read, and refused where
    // it is wrong, though the rows before it had a valid key.
    std::string faute = valeurs_fr("750000001", "2018");
    faute.replace(faute.find("2018", 60), 4, "2O18");
    const csv::lot_rapports b = lire(h + faute, etab);
    const violation* v = nullptr;
    for (const violation& x : b.rejets) {
        if (x.lieu.find(":exercice") != std::string::npos) v = &x;
    }
    REQUIRE(v != nullptr);
    CHECK(v->lieu == "valeurs.csv:4:exercice");  // the third row, after two with a valid key
    CHECK(b.rapports.empty());
    // The valid key after the refused row is read again, not taken from before it.
    std::string ensuite = valeurs_fr("750000001", "2018");
    ensuite.replace(ensuite.find("750000001", 20), 9, "75000000X");
    const csv::lot_rapports c = lire(h + ensuite, etab);
    bool finess_refuse = false;
    for (const violation& x : c.rejets)
        finess_refuse = finess_refuse || x.lieu == "valeurs.csv:3:finess";
    CHECK(finess_refuse);
}

TEST_CASE("csv reader: a values file's columns are found by name, in any order", "[csv][index]") {
    // The same rows, each with its five fields in reverse order under a reversed header.
    auto renverser = [](const std::string& texte) {
        std::string r;
        std::size_t debut = 0;
        while (debut < texte.size()) {
            const std::size_t fin = texte.find("\r\n", debut);
            std::vector<std::string> champs;
            std::size_t p = debut;
            while (true) {
                const std::size_t q = texte.find(';', p);
                if (q == std::string::npos || q > fin) {
                    champs.push_back(texte.substr(p, fin - p));
                    break;
                }
                champs.push_back(texte.substr(p, q - p));
                p = q + 1;
            }
            for (std::size_t i = champs.size(); i-- > 0;)
                r += champs[i] + (i == 0 ? "\r\n" : ";");
            debut = fin + 2;
        }
        return r;
    };
    const std::string h = "finess;exercice;indicateur;mesure;valeur\r\n";
    const std::string v = h + valeurs_fr("750000001", "2018") + valeurs_fr("750000002", "2018");
    const std::string etab = entete_etab_fr + "750000001;2018;1;1000;;;;;;;\r\n750000002;2018;1;1000;;;;;;;\r\n";
    const csv::lot_rapports droit = lire(v, etab);
    const csv::lot_rapports envers = lire(renverser(v), etab);
    REQUIRE(renverser(v).starts_with("valeur;mesure;indicateur;exercice;finess\r\n52,5;taux;A1;2018;750000001\r\n"));
    CHECK(droit.rejets.empty());
    CHECK(envers.rejets.empty());
    REQUIRE(droit.rapports.size() == 2);
    REQUIRE(envers.rapports.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(envers.rapports[i].finess == droit.rapports[i].finess);
        const auto a = droit.rapports[i].rapport.valeurs();
        const auto b = envers.rapports[i].rapport.valeurs();
        REQUIRE(a.size() == b.size());
        for (std::size_t k = 0; k < a.size(); ++k) {
            for (std::size_t j = 0; j < mesures_max; ++j) {
                CHECK(a[k][j].etat == b[k][j].etat);
                CHECK(a[k][j].v.num == b[k][j].v.num);
                CHECK(a[k][j].v.den == b[k][j].v.den);
            }
        }
    }
}
