#pragma once
// Helpers shared by the unit tests: readable Catch2 output for the library's value types, and
// small queries on a list of violations. Not a test source itself (only tests/unit/*.cpp are).
#include "catch.hpp"

#include <caqes/caqes.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace Catch {
template <>
struct StringMaker<caqes::ymd> {
    static std::string convert(const caqes::ymd& d) { return caqes::texte(d); }
};
template <>
struct StringMaker<caqes::periode> {
    static std::string convert(const caqes::periode& p) { return caqes::texte(p); }
};
template <>
struct StringMaker<caqes::fraction> {
    static std::string convert(const caqes::fraction& f) {
        return caqes::concat(std::to_string(f.num), "/", std::to_string(f.den));
    }
};
template <>
struct StringMaker<caqes::regle> {
    static std::string convert(const caqes::regle& r) {
        if (r == caqes::regle::aucune) return "aucune";
        return std::string{caqes::fiche(r).code};
    }
};
}  // namespace Catch

namespace outils {

// The first violation of rule `r`, or nullptr.
[[nodiscard]] inline const caqes::violation* trouver(const caqes::violations& vs, caqes::regle r) {
    const auto it = std::find_if(vs.begin(), vs.end(), [r](const caqes::violation& v) { return v.id == r; });
    return it == vs.end() ? nullptr : &*it;
}

// The distinct rules of `vs`, sorted by id.
[[nodiscard]] inline std::vector<caqes::regle> ids(const caqes::violations& vs) {
    std::vector<caqes::regle> r;
    for (const auto& v : vs)
        r.push_back(v.id);
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
    return r;
}

// Every violation, one a line, for INFO().
[[nodiscard]] inline std::string tout(const caqes::violations& vs) {
    std::string s = vs.empty() ? std::string{"(no violation)"} : std::string{};
    for (const auto& v : vs)
        s += caqes::concat(caqes::texte(v), "\n");
    return s;
}

// The same set of rules as the compile-time walk's bit set.
[[nodiscard]] inline caqes::regles_enfreintes en_bits(const caqes::violations& vs) {
    caqes::regles_enfreintes r{};
    for (const auto& v : vs)
        r.ajouter(v.id);
    return r;
}

[[nodiscard]] inline bool contient_texte(const std::string& s, const std::string& partie) {
    return s.find(partie) != std::string::npos;
}

// The sum of the decided amounts of a batch's accepted establishment-years (a reader's
// `rapports`), each step checked: empty when a partial sum leaves 64-bit cents.
template <class Rapports>
[[nodiscard]] std::optional<caqes::centimes> total_decide(const Rapports& rapports) {
    caqes::centimes total{0};
    for (const auto& r : rapports) {
        for (const caqes::decision_enregistree& d : r.rapport.decisions()) {
            const caqes::montant_calcule s = caqes::additionner(total, d.d.montant);
            if (!s.ok) return std::nullopt;
            total = s.valeur;
        }
    }
    return total;
}

}  // namespace outils
