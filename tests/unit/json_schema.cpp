// The enumerations of the shipped JSON Schema of evaluations (schema/caqes.evaluation-1.schema.json)
// are exactly the names the writer takes from the toolkit's enumerations, so that a new outcome,
// alert, policy or volet cannot be written without the schema knowing it. Whether real outputs
// validate against the schema is tests/check_evaluation_schema.py's job. Built into
// caqes_json_tests.
#include "catch.hpp"

#include <caqes/io/json/ecriture.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

using namespace caqes;

namespace {

const nlohmann::json& schema_evaluation() {
    static const nlohmann::json s = [] {
        std::ifstream f(CAQES_SOURCE_DIR "/schema/caqes.evaluation-1.schema.json");
        REQUIRE(f.good());
        return nlohmann::json::parse(f);
    }();
    return s;
}

std::set<std::string> enumeration(std::string_view def) {
    const nlohmann::json& d = schema_evaluation().at("$defs").at(std::string{def});
    REQUIRE(d.contains("enum"));
    return d.at("enum").get<std::set<std::string>>();
}

// Every name `nom` gives an enumerator of E. E's underlying type is fixed to one byte, so every
// value of it is a value of E; `nom` answers "" or "?" for a value no enumerator has.
template <class E, class Nom>
std::set<std::string> noms_de(Nom nom) {
    static_assert(std::is_same_v<std::underlying_type_t<E>, std::uint8_t>);
    std::set<std::string> s;
    for (unsigned k = 0; k < 256; ++k) {
        const std::string n{nom(static_cast<E>(k))};
        if (!n.empty() && n != "?") s.insert(n);
    }
    return s;
}

template <class Tableau, class Nom>
std::set<std::string> noms_du_tableau(const Tableau& t, Nom nom) {
    std::set<std::string> s;
    for (const auto& x : t)
        s.insert(std::string{nom(x)});
    return s;
}

}  // namespace

TEST_CASE("the evaluation schema's enumerations are the writer's names", "[json][schema]") {
    CHECK(enumeration("nature_proposition") ==
          noms_de<nature_proposition>([](nature_proposition n) { return caqes::nom(n); }));
    CHECK(enumeration("type_mesure") == noms_de<type_mesure>([](type_mesure t) { return caqes::nom(t); }));
    CHECK(enumeration("annee_partielle") ==
          noms_de<politique_annee_partielle>([](politique_annee_partielle p) { return caqes::nom(p); }));
    CHECK(enumeration("transition") ==
          noms_de<politique_transition>([](politique_transition t) { return caqes::nom(t); }));
    CHECK(enumeration("statut") == noms_de<statut>([](statut s) { return json::nom(s); }));
    CHECK(enumeration("origine") == noms_de<origine>([](origine o) { return json::nom(o); }));
    CHECK(enumeration("referentiel") == noms_de<referentiel_etat>([](referentiel_etat e) { return json::nom(e); }));
    CHECK(enumeration("issue_legale") ==
          noms_du_tableau(toutes_issues_legales, [](issue_legale i) { return caqes::nom(i); }));
    CHECK(enumeration("alerte") == noms_du_tableau(toutes_alertes, [](alerte_evaluation a) { return caqes::nom(a); }));
    CHECK(enumeration("politique_version") ==
          noms_du_tableau(politiques_de_version, [](version_applicable v) { return caqes::nom(v); }));
    CHECK(enumeration("regime") == noms_du_tableau(regimes, [](const regime_desc& r) { return r.nom; }));
    CHECK(enumeration("volet_id") == noms_du_tableau(traits_volets, [](const volet_traits& t) { return t.nom; }));
}

TEST_CASE("the evaluation schema names its version as the writer does", "[json][schema]") {
    const nlohmann::json& s = schema_evaluation();
    CHECK(s.at("properties").at("schema").at("const") == std::string{json::schema});
    CHECK(s.at("$id").get<std::string>().ends_with("/caqes.evaluation-1.schema.json"));
}
