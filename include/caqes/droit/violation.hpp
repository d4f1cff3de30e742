#pragma once
// A structured run-time error: which rule, where, and why.
//
// Run-time callers never get exceptions or aborts from a rule check: the predicates return
// booleans, and the validators collect one `violation` per broken rule and place.
#include <caqes/droit/regle.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes {

struct violation {
    regle id{regle::aucune};
    std::string lieu;    // where: "volets[2].grille[4]", "etablissement.finess_ej", a file:line:field
    std::string detail;  // why, with the offending values

    [[nodiscard]] std::string_view code() const noexcept { return fiche(id).code; }
    [[nodiscard]] std::string_view titre() const noexcept { return fiche(id).titre; }
    [[nodiscard]] std::string_view source() const noexcept { return fiche(id).source; }
};

using violations = std::vector<violation>;

// True when some violation of `violations` carries rule `r`: the common test question.
[[nodiscard]] inline bool contient(const violations& vs, regle r) noexcept {
    for (const auto& v : vs) {
        if (v.id == r) return true;
    }
    return false;
}

// "CAQES-E007 [volets]: the mandatory volet ... (D.162-14 I ...): detail"
[[nodiscard]] inline std::string texte(const violation& v) {
    std::string s{v.code()};
    s += " [";
    s += v.lieu;
    s += "]: ";
    s += v.titre();
    s += " (";
    s += v.source();
    s += ")";
    if (!v.detail.empty()) {
        s += ": ";
        s += v.detail;
    }
    return s;
}

// Renamed texte(violation) in 0.1 (text-returning functions are named `texte`); kept one release.
[[deprecated("use caqes::texte(violation)")]] [[nodiscard]] inline std::string decrire(const violation& v) {
    return texte(v);
}

// What a validation returns: the validated value, or the violations that prevented it; never
// both. Checking `ok()` is the caller's only way to the value, so unvalidated data cannot
// reach what needs the validated type.
template <class T>
class resultat_validation {
  public:
    explicit resultat_validation(T valeur) : valeur_(std::move(valeur)) {}
    explicit resultat_validation(violations erreurs) : erreurs_(std::move(erreurs)) {}

    [[nodiscard]] bool ok() const noexcept { return valeur_.has_value(); }
    explicit operator bool() const noexcept { return ok(); }
    // The value; throws std::bad_optional_access when the validation failed.
    [[nodiscard]] const T& valeur() const& { return valeur_.value(); }
    [[nodiscard]] T&& valeur() && { return std::move(valeur_).value(); }
    [[nodiscard]] const violations& erreurs() const noexcept { return erreurs_; }

  private:
    std::optional<T> valeur_;
    violations erreurs_;
};

}  // namespace caqes
