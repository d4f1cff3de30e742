// The streaming JSON writer (caqes/io/json/ecriture.hpp) against nlohmann's serialisation of
// the trees of caqes/io/json/trace.hpp: the same bytes, on awkward strings, on every layout the
// outputs use (indented, one line, inside a document), on evaluations of generated reports and
// on results changed at random, so that the two cannot drift. Built into caqes_json_tests.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <caqes/io/json/ecriture.hpp>
#include <caqes/io/json/trace.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace caqes;

namespace {

// A reproducible generator (xorshift64): the same cases on every run.
struct alea {
    std::uint64_t s{0x9E3779B97F4A7C15ULL};
    std::uint64_t operator()() {
        s ^= s << 13U;
        s ^= s >> 7U;
        s ^= s << 17U;
        return s;
    }
    std::uint64_t sous(std::uint64_t n) { return (*this)() % n; }
    bool pile() { return ((*this)() & 1U) != 0; }
};

// As example_batch placed a value nlohmann wrote inside its document: each line after the
// first indented by `retrait` more spaces.
std::string en_retrait(const std::string& texte, std::size_t retrait) {
    std::string s;
    for (const char c : texte) {
        s += c;
        if (c == '\n') s.append(retrait, ' ');
    }
    return s;
}

// What nlohmann writes for `j` at `indentation` (-1: one line), `retrait` spaces deep.
std::string selon_nlohmann(const nlohmann::json& j, int indentation, std::size_t retrait = 0) {
    return en_retrait(json::serialiser(j, indentation), retrait);
}

// What the writer writes with `ecrire(w)`.
template <class F>
std::string selon_ecrivain(F&& ecrire, int indentation, std::size_t retrait = 0) {
    json::ecrivain w{nullptr, indentation, retrait};
    ecrire(w);
    return w.texte();
}

// Pieces of awkward strings: JSON's escapes, control bytes, valid UTF-8 of 2, 3 and 4 bytes,
// the byte order mark, U+FFFD itself, and invalid UTF-8: lone continuation bytes, sequences
// cut short, overlong forms, surrogates, code points past U+10FFFF, bytes never valid.
constexpr std::array<std::string_view, 34> morceaux{{
    "a",
    "CH de l'Essai",
    " ",
    "\"",
    "\\",
    "/",
    "\\u0041",
    "\x7F",
    "\xC3\xA9",
    "\xE2\x82\xAC",
    "\xF0\x9F\x98\x80",
    "\xEF\xBB\xBF",
    "\xEF\xBF\xBD",
    "\xF4\x8F\xBF\xBF",
    "\xC3",
    "\xE2\x82",
    "\xF0\x9F\x98",
    "\x80",
    "\xBF",
    "\xC0\xAF",
    "\xC1\xBF",
    "\xE0\x80\xAF",
    "\xE0\x9F\xBF",
    "\xED\xA0\x80",
    "\xED\xBF\xBF",
    "\xF0\x80\x80\x80",
    "\xF0\x8F\xBF\xBF",
    "\xF4\x90\x80\x80",
    "\xF5\x80\x80\x80",
    "\xF8\x88\x80\x80\x80",
    "\xFE",
    "\xFF",
    "\xE9t\xE9",  // Latin-1 "ete"
    {"\0", 1},
}};

std::string chaine_difficile(alea& a) {
    std::string s;
    const std::uint64_t n = a.sous(7);
    for (std::uint64_t i = 0; i < n; ++i) {
        switch (a.sous(4)) {
            case 0:
                s += static_cast<char>(a.sous(0x20));  // a control byte
                break;
            case 1:
                s += static_cast<char>(a.sous(256));  // any byte
                break;
            default:
                s += morceaux[a.sous(morceaux.size())];
        }
    }
    return s;
}

std::string ecrit_chaine(std::string_view s, int indentation = -1) {
    return selon_ecrivain([s](json::ecrivain& w) { w.valeur(s); }, indentation);
}

// --- Generated evaluations --------------------------------------------------------------

const modele_contrat_def& modele_au_hasard(alea& a) {
    switch (a.sous(3)) {
        case 0:
            return evalmod::def_2017;
        case 1:
            return evalmod::def_2022;
        default:
            return evalmod::def_successeur;
    }
}

int exercice_de(const modele_contrat_def& m, alea& a) {
    if (&m == &evalmod::def_2017) return 2017 + static_cast<int>(a.sous(5));
    if (&m == &evalmod::def_2022) return 2022 + static_cast<int>(a.sous(5));
    // 2026 to 2029: the scheme's window is 2026 to 2028, so one year in four is refused (CAQES-E030),
    // a refused entry of the document beside the evaluations.
    return 2026 + static_cast<int>(a.sous(4));
}

// A report of `m` whose values are met, missed, left empty, not concerned or drawn at random;
// some have savings and decisions. Validation refuses some: the document then lists why.
evalmod::rapport_essai rapport_au_hasard(const modele_contrat_def& m, alea& a) {
    std::vector<valeurs_indicateur> v = a.pile() ? evalmod::tout_atteint(m) : evalmod::rien_atteint(m);
    for (valeurs_indicateur& x : v) {
        for (valeur_mesure& y : x) {
            if (y.etat != etat_valeur::renseignee) continue;
            switch (a.sous(8)) {
                case 0:
                    y.etat = etat_valeur::non_renseignee;
                    break;
                case 1:
                    y.etat = etat_valeur::non_concernee;
                    break;
                case 2:
                case 3: {
                    // Within each kind's domain, so that most reports pass validation.
                    const auto den = 1 + static_cast<std::int64_t>(a.sous(997));
                    if (y.type == type_mesure::taux)
                        y.v = fraction{static_cast<std::int64_t>(a.sous(static_cast<std::uint64_t>(den) + 1)), den};
                    if (y.type == type_mesure::taux_evolution)
                        y.v = pourcentage(static_cast<std::int64_t>(a.sous(41)) - 20);
                    if (y.type == type_mesure::nombre || y.type == type_mesure::montant)
                        y.v = entier(static_cast<std::int64_t>(a.sous(1'000'000)));
                    break;
                }
                default:
                    break;
            }
        }
    }
    const std::array<centimes, 4> bases{centimes{0}, evalmod::base_80m, centimes{123'456'789},
                                        centimes{std::numeric_limits<std::int64_t>::max()}};
    evalmod::rapport_essai r(m, exercice_de(m, a), std::move(v), bases[a.sous(bases.size())]);
    if (a.pile()) r.r.annee_produits = r.r.exercice - static_cast<int>(a.sous(3));
    // The successor's penalty base, mostly given (without it a 2027 report is refused, CAQES-E066).
    if (a.sous(4) != 0) r.r.base_penalite = bases[a.sous(bases.size())];
    for (std::size_t i = 0; i < m.volets.size(); ++i) {
        if (a.sous(3) == 0) r.economies[i] = centimes{static_cast<std::int64_t>(a.sous(50'000'000))};
        if (a.sous(10) == 0) {
            const std::array<std::optional<issue_legale>, 3> natures{std::nullopt, issue_legale::sanction_volet,
                                                                     issue_legale::interessement_volet};
            r.decisions.push_back(evalmod::decision(m.volets[i].volet, natures[a.sous(natures.size())],
                                                    centimes{static_cast<std::int64_t>(a.sous(100'000))}));
        }
    }
    return r;
}

// Random changes to a result, within its types' ranges, so that every member and branch is
// written: errors (CAQES-E037), extreme amounts and fractions, alerts, refused outcomes, the
// measures' period, decisions and savings present or not.
void brouiller(resultat_evaluation& r, alea& a) {
    const std::array<std::int64_t, 5> montants{0, -1, 1'234'567, std::numeric_limits<std::int64_t>::max(),
                                               std::numeric_limits<std::int64_t>::min()};
    auto montant = [&] { return centimes{montants[a.sous(montants.size())]}; };
    const std::array<fraction, 5> fractions{fraction{0, 1}, fraction{-7, 2}, fraction{3'000'000'001, 300'000'000'107},
                                            fraction{std::numeric_limits<std::int64_t>::min(), -1},
                                            fraction{std::numeric_limits<std::int64_t>::max(), 3}};
    auto une_fraction = [&] { return fractions[a.sous(fractions.size())]; };
    if (a.sous(4) == 0) {
        r.erreur = regle::depassement_capacite;
        r.volet_erreur = static_cast<std::uint8_t>(a.sous(256));
        r.indicateur_erreur = static_cast<std::uint32_t>(a());
    }
    r.regles.alertes = static_cast<std::uint8_t>(a.sous(1U << toutes_alertes.size()));
    r.regles.politiques_divergentes = static_cast<std::uint8_t>(a.sous(1U << politiques_de_version.size()));
    r.regles.refusees.bits = static_cast<std::uint16_t>(a.sous(1U << toutes_issues_legales.size()));
    if (a.pile()) r.regles.periode_mesures = periode{ymd{2021, 3, 1}, ymd{2024, 3, 1}};
    r.annee_produits = a.pile() ? std::optional<int>{std::numeric_limits<int>::min()} : std::nullopt;
    r.part_liste_en_sus = a.pile() ? std::optional<centimes>{montant()} : std::nullopt;
    r.base_penalite = a.pile() ? std::optional<centimes>{montant()} : std::nullopt;
    r.total_sanctions = montant();
    r.total_interessements_decides = montant();
    r.plafond_global_atteint = a.pile();
    r.nombre_decisions = static_cast<std::uint8_t>(a.sous(256));
    for (std::size_t i = 0; i < r.nombre_volets; ++i) {
        resultat_volet& v = r.volets[i];
        if (a.pile()) v.economies = a.pile() ? std::optional<centimes>{montant()} : std::nullopt;
        if (a.pile()) v.score = {une_fraction(), une_fraction(), false, 0};
        v.couverture.transition_signalee = a.pile();
        v.couverture.jours = static_cast<std::int32_t>(a.sous(367));
        proposition& p = v.principale;
        if (a.pile()) p.decision_finale = a.pile() ? std::optional<centimes>{montant()} : std::nullopt;
        if (a.pile())
            v.nature_decidee = a.pile() ? std::optional<issue_legale>{issue_legale::minoration} : std::nullopt;
        p.montant = montant();
        p.taux = une_fraction();
        p.depassement = a.pile();
        p.decision_au_dessus = a.pile();
        p.economies_non_renseignees = a.sous(3) == 0;
        if (a.sous(3) == 0) p.nature = nature_proposition::aucune;
    }
}

// One generated establishment-year: evaluated with its trace, or refused with its violations,
// with awkward names.
json::evaluation_etablissement etablissement_au_hasard(alea& a, bool brouille) {
    const modele_contrat_def& m = modele_au_hasard(a);
    const evalmod::rapport_essai r = rapport_au_hasard(m, a);
    const rapport_annuel annuel = r.annuel();
    json::evaluation_etablissement e{};
    e.finess = a.pile() ? std::string{"750000001"} : chaine_difficile(a);
    e.raison_sociale = chaine_difficile(a);
    e.exercice = r.r.exercice;
    e.modele = std::string{m.nom};
    const resultat_validation<rapport_valide> valide = validate(m, annuel, {});
    if (!valide.ok()) {
        e.erreurs = valide.erreurs();
        if (a.pile()) e.erreurs.push_back({regle::encodage_invalide, chaine_difficile(a), chaine_difficile(a)});
        return e;
    }
    if (a.sous(5) == 0) {
        e.resultat = evaluer(valide.valeur());  // sans_trace: no "trace" member
    } else {
        e.resultat = evaluer(valide.valeur(), {}, e.trace_);
    }
    if (brouille) brouiller(e.resultat, a);
    return e;
}

}  // namespace

TEST_CASE("json writer: every byte and every pair of bytes is escaped as nlohmann escapes it", "[json][ecriture]") {
    std::size_t differents = 0;
    std::string premier;
    for (unsigned b = 0; b < 256; ++b) {
        const std::string s(1, static_cast<char>(b));
        if (ecrit_chaine(s) != selon_nlohmann(s, -1)) ++differents;
        for (unsigned c = 0; c < 256; ++c) {
            const std::string t{static_cast<char>(b), static_cast<char>(c)};
            if (ecrit_chaine(t) != selon_nlohmann(t, -1)) {
                if (differents++ == 0) premier = t;
            }
        }
    }
    INFO("first: " << selon_nlohmann(premier, -1));
    CHECK(differents == 0);
    // The escapes themselves, as a consumer reads them.
    CHECK(ecrit_chaine(std::string_view{"a\"b\\c\b\f\n\r\t\x01\x1F\x7F", 13}) ==
          "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\x7F\"");
    CHECK(ecrit_chaine(std::string_view{"\0", 1}) == "\"\\u0000\"");
    CHECK(ecrit_chaine("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
    CHECK(ecrit_chaine("caf\xE9") == "\"caf\xEF\xBF\xBD\"");  // Latin-1: U+FFFD
    CHECK(ecrit_chaine("\xE2\x82"
                       "A") ==
          "\"\xEF\xBF\xBD"
          "A\"");                                                                       // cut short: one U+FFFD
    CHECK(ecrit_chaine("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
}

TEST_CASE("json writer: 20 000 awkward strings give nlohmann's bytes, as values and as keys' values",
          "[json][ecriture]") {
    alea a;
    std::size_t differents = 0;
    std::string premier;
    for (int i = 0; i < 20'000; ++i) {
        const std::string s = chaine_difficile(a);
        const int indentation = i % 2 == 0 ? -1 : 2;
        const std::string attendu = selon_nlohmann(nlohmann::json{{"detail", s}, {"lieu", s}}, indentation);
        const std::string ecrit = selon_ecrivain(
            [&s](json::ecrivain& w) {
                w.debut_objet();
                w.membre("detail", s);
                w.membre("lieu", s);
                w.fin_objet();
            },
            indentation);
        if (ecrit != attendu && differents++ == 0) premier = attendu;
    }
    INFO("first: " << premier);
    CHECK(differents == 0);
}

TEST_CASE("json writer: layout of empty and nested containers, on one line, indented, and placed deeper",
          "[json][ecriture]") {
    const nlohmann::json j = nlohmann::json::parse(
        R"({"a": [], "b": {}, "c": [[], {}, [1, [2, {"x": null}]], {"y": [true, false]}], "d": -9223372036854775808,
            "e": 18446744073709551615, "f": ""})");
    auto ecrire = [](json::ecrivain& w) {
        w.debut_objet();
        w.cle("a");
        w.debut_tableau();
        w.fin_tableau();
        w.cle("b");
        w.debut_objet();
        w.fin_objet();
        w.cle("c");
        w.debut_tableau();
        w.debut_tableau();
        w.fin_tableau();
        w.debut_objet();
        w.fin_objet();
        w.debut_tableau();
        w.valeur(1);
        w.debut_tableau();
        w.valeur(2);
        w.debut_objet();
        w.membre("x", nullptr);
        w.fin_objet();
        w.fin_tableau();
        w.fin_tableau();
        w.debut_objet();
        w.cle("y");
        w.debut_tableau();
        w.valeur(true);
        w.valeur(false);
        w.fin_tableau();
        w.fin_objet();
        w.fin_tableau();
        w.membre("d", std::numeric_limits<std::int64_t>::min());
        w.membre("e", std::numeric_limits<std::uint64_t>::max());
        w.membre("f", "");
        w.fin_objet();
    };
    for (const int indentation : {-1, 0, 2, 4}) {
        for (const std::size_t retrait : {std::size_t{0}, std::size_t{4}}) {
            if (indentation < 0 && retrait > 0) continue;
            CAPTURE(indentation, retrait);
            CHECK(selon_ecrivain(ecrire, indentation, retrait) == selon_nlohmann(j, indentation, retrait));
        }
    }
    CHECK(selon_ecrivain(ecrire, -1) ==
          R"({"a":[],"b":{},"c":[[],{},[1,[2,{"x":null}]],{"y":[true,false]}],"d":-9223372036854775808,)"
          R"("e":18446744073709551615,"f":""})");
}

TEST_CASE("json writer: documents of generated evaluations are nlohmann's bytes, indented and on one line",
          "[json][ecriture]") {
    alea a;
    for (const bool brouille : {false, true}) {
        std::vector<json::evaluation_etablissement> lot;
        for (int i = 0; i < 150; ++i)
            lot.push_back(etablissement_au_hasard(a, brouille));
        std::size_t erreurs = 0;
        std::size_t traces = 0;
        for (const auto& e : lot) {
            erreurs += e.erreurs.empty() ? 0U : 1U;
            traces += e.trace_.lignes.empty() ? 0U : 1U;
        }
        CAPTURE(brouille);
        // Both kinds are there: evaluations with their trace, and reports refused.
        CHECK(erreurs > 10);
        CHECK(traces > 75);
        for (const int indentation : {2, -1}) {
            CAPTURE(indentation);
            std::ostringstream out;
            json::ecrire(out, lot, indentation);
            const std::string attendu = json::serialiser(json::document(lot), indentation) + "\n";
            CHECK(out.str().size() == attendu.size());
            CHECK(out.str() == attendu);
        }
        // One evaluation a line, as caqes evaluate writes JSON Lines; and one placed in a document
        // 4 spaces deep, as example_batch does.
        for (const auto& e : lot) {
            if (!e.erreurs.empty()) continue;
            const json::identite id{e.finess, e.exercice, e.modele, std::nullopt};
            const trace* t = e.trace_.lignes.empty() ? nullptr : &e.trace_;
            nlohmann::json j{{"finess", e.finess}, {"exercice", e.exercice}, {"modele", e.modele}};
            j.update(json::evaluation_json(e.resultat, t));
            REQUIRE(selon_ecrivain([&](json::ecrivain& w) { json::ecrire_evaluation(w, e.resultat, t, &id); }, -1) ==
                    selon_nlohmann(j, -1));
            REQUIRE(selon_ecrivain([&](json::ecrivain& w) { json::ecrire(w, e); }, 2, 4) ==
                    selon_nlohmann(json::evaluation_json(e), 2, 4));
        }
    }
}

TEST_CASE("json writer: a single evaluation and a rejected row, as nlohmann writes them", "[json][ecriture]") {
    std::vector<valeurs_indicateur> v = evalmod::rien_atteint(evalmod::def_2017);
    evalmod::rapport_essai r(evalmod::def_2017, 2018, v, evalmod::base_80m);
    r.decisions = {evalmod::decision(volet_id::volet_socle, issue_legale::sanction_volet, centimes{12'345})};
    caqes::trace t;
    const resultat_evaluation res =
        evaluateur<evalmod::def_2017>::evaluer(evalmod::valide<evalmod::def_2017>(r), {}, t);
    const std::string ecrit = selon_ecrivain([&](json::ecrivain& w) { json::ecrire_evaluation(w, res, &t); }, 2);
    CHECK(ecrit == selon_nlohmann(json::evaluation_json(res, &t), 2));
    CHECK(ecrit.find("\"decision_finale_centimes\": 12345,") != std::string::npos);

    const violation rejet{regle::encodage_invalide, "valeurs.csv:5:valeur", "byte 0xE9 in \"-2,9\xE9\""};
    CHECK(selon_ecrivain([&](json::ecrivain& w) { json::ecrire(w, rejet); }, 2, 4) ==
          "{\n      \"code\": \"CAQES-E041\",\n      \"detail\": \"byte 0xE9 in \\\"-2,9\xEF\xBF\xBD\\\"\",\n"
          "      \"lieu\": \"valeurs.csv:5:valeur\"\n    }");
}

TEST_CASE("json writer: a report without its evaluation date shows null, not a day, by both writers alike",
          "[json][ecriture][date_evaluation]") {
    evalmod::rapport_essai r(evalmod::def_2017, 2018, evalmod::tout_atteint(evalmod::def_2017), evalmod::base_80m);
    for (const ymd jour : {ymd{}, ymd{2019, 6, 1}}) {
        CAPTURE(jour.ok());
        r.r.date_evaluation = jour;
        const resultat_evaluation res = evaluer(evalmod::valide(r));
        const nlohmann::json j = json::evaluation_json(res);
        if (jour.ok()) {
            CHECK(j["regles"]["date_evaluation"] == "2019-06-01");
        } else {
            // Not "0000-00-00", which a reader would take for a day.
            CHECK(j["regles"]["date_evaluation"].is_null());
        }
        CHECK(selon_ecrivain([&](json::ecrivain& w) { json::ecrire_evaluation(w, res); }, 2) == selon_nlohmann(j, 2));
    }
}

TEST_CASE("json writer: a contract-level entry says which outcome was decided for it, by both writers alike",
          "[json][ecriture][decision]") {
    using evalmod::def_2022;
    evalmod::rapport_essai r(def_2022, 2023, evalmod::tout_atteint(def_2022));
    r.decisions = {evalmod::decision(volet_id::volet_bon_usage, issue_legale::interessement_regional, euros(1'000))};
    for (const centimes enveloppe : {euros(100'000), centimes{0}}) {
        CAPTURE(enveloppe.valeur);
        parametres_evaluation p{};
        p.p2022.enveloppe_regionale = enveloppe;
        const resultat_validation<rapport_valide> v = validate(def_2022, r.annuel(), p);
        REQUIRE(v.ok());
        const resultat_evaluation res = evaluer(v.valeur());
        const nlohmann::json j = json::evaluation_json(res);
        REQUIRE(j["contrat"].size() == 1);
        // Proposed or not (no envelope: nature aucune), the entry names the outcome decided.
        CHECK(j["contrat"][0]["nature"] == (enveloppe.valeur > 0 ? "interessement_regional" : "aucune"));
        CHECK(j["contrat"][0]["nature_decidee"] == "interessement regional");
        CHECK(j["contrat"][0]["decision_finale_centimes"] == 100'000);
        // A decision of an amount has no rate or duration.
        CHECK(j["contrat"][0]["taux_decide"].is_null());
        CHECK(j["contrat"][0]["duree_decidee_mois"].is_null());
        CHECK(selon_ecrivain([&](json::ecrivain& w) { json::ecrire_evaluation(w, res); }, 2) == selon_nlohmann(j, 2));
    }
    // An entry without a decision: null.
    r.decisions.clear();
    parametres_evaluation p{};
    p.p2022.enveloppe_regionale = euros(100'000);
    const resultat_evaluation sans = evaluer(validate(def_2022, r.annuel(), p).valeur());
    const nlohmann::json j = json::evaluation_json(sans);
    REQUIRE(j["contrat"].size() == 1);
    CHECK(j["contrat"][0]["nature_decidee"].is_null());
    CHECK(selon_ecrivain([&](json::ecrivain& w) { json::ecrire_evaluation(w, sans); }, 2) == selon_nlohmann(j, 2));
}

TEST_CASE("json writer: a decided rate measure gives its rate and duration, by both writers alike",
          "[json][ecriture][decision][l162_30_4]") {
    using evalmod::def_2022;
    // Referral 2021-03-01, evaluation 2024-06-01, acts 1 200 for a target of 900: a tariff cut is
    // due, and the ARS decided 20 % for 18 months.
    evalmod::rapport_essai r(def_2022, 2023, evalmod::tout_atteint(def_2022));
    r.r.l162_30_4 = donnees_l162_30_4{ymd{2021, 3, 1}, 1'200, 900, 1'000, euros(350), euros(12)};
    decision_volet dv = evalmod::decision(volet_id::volet_pertinence_soins, issue_legale::abattement, euros(20'000));
    dv.taux = fraction{20, 100};
    dv.duree_mois = 18;
    r.decisions = {dv};
    parametres_evaluation p{};
    p.p2022.taux_abattement = {10, 100};
    p.p2022.seuil_largement_superieur = fraction{1, 10};
    p.p2022.duree_mesures_mois = 12;
    const resultat_validation<rapport_valide> v = validate(def_2022, r.annuel(), p);
    REQUIRE(v.ok());
    const resultat_evaluation res = evaluer(v.valeur());
    const nlohmann::json j = json::evaluation_json(res);
    const nlohmann::json* entree = nullptr;
    for (const nlohmann::json& c : j["contrat"]) {
        if (c["nature_decidee"] == "abattement tarifaire") entree = &c;
    }
    REQUIRE(entree != nullptr);
    CHECK((*entree)["taux_decide"]["num"] == 1);
    CHECK((*entree)["taux_decide"]["den"] == 5);
    CHECK((*entree)["duree_decidee_mois"] == 18);
    CHECK(selon_ecrivain([&](json::ecrivain& w) { json::ecrire_evaluation(w, res); }, 2) == selon_nlohmann(j, 2));
}
