#pragma once
// Text forms of quantities and referentiels, exact: a rate prints as a finite decimal
// percentage when it has one and as a fraction otherwise, never through a double.
#include <caqes/calendrier/format.hpp>
#include <caqes/mesure/nature.hpp>
#include <caqes/mesure/referentiel.hpp>

#include <cstdint>
#include <string>

namespace caqes {

// num/den as a decimal with up to `chiffres_max` fractional digits when exact, else "num/den".
[[nodiscard]] inline std::string texte_decimal(fraction f, int chiffres_max = 6) {
    const fraction x = f.normalisee();
    if (!x.valide()) return "NaN";
    const std::string_view signe = x.num < 0 ? "-" : "";
    const auto n = static_cast<std::uint64_t>(x.num < 0 ? -x.num : x.num);
    const auto d = static_cast<std::uint64_t>(x.den);
    std::string s = concat(signe, std::to_string(n / d));
    std::uint64_t reste = n % d;
    if (reste == 0) return s;
    s += '.';
    for (int i = 0; i < chiffres_max && reste != 0; ++i) {
        reste *= 10;
        s += static_cast<char>('0' + reste / d);
        reste %= d;
    }
    if (reste != 0) return concat(signe, std::to_string(n), "/", std::to_string(d));
    return s;
}

// "7/12", or "3" for a whole number: the exact form of a score or a rate.
[[nodiscard]] inline std::string texte_fraction(fraction f) {
    const fraction x = f.normalisee();
    return x.den == 1 ? std::to_string(x.num) : concat(std::to_string(x.num), "/", std::to_string(x.den));
}

[[nodiscard]] inline std::string texte(type_mesure t, fraction v) {
    switch (t) {
        case type_mesure::montant:
        case type_mesure::montant_signe: return concat(texte_decimal({v.num, v.den * 100}), " EUR");
        case type_mesure::nombre: return texte_decimal(v);
        case type_mesure::taux:
        case type_mesure::taux_evolution: return concat(texte_decimal({v.num * 100, v.den}), " %");
        case type_mesure::oui_non: return v == entier(1) ? "oui" : "non";
        case type_mesure::echelle: return v == entier(2) ? "oui" : (v == entier(1) ? "partiel" : "non");
    }
    return "?";
}

[[nodiscard]] inline std::string texte(const condition& c) {
    return concat(c.mesure, " ", symbole(c.op), " ", texte(c.type_seuil, c.seuil));
}

// "a < 1 OR (b < 2 AND c >= 3)"
[[nodiscard]] inline std::string texte(const referentiel& r) {
    std::string s;
    for (std::size_t i = 0; i < r.taille; ++i) {
        const conjonction& cj = r.termes[i];
        if (i > 0) s += " OR ";
        if (cj.taille > 1 && r.taille > 1) s += "(";
        for (std::size_t j = 0; j < cj.taille; ++j) {
            if (j > 0) s += " AND ";
            s += texte(cj.termes[j]);
        }
        if (cj.taille > 1 && r.taille > 1) s += ")";
    }
    return s;
}

}  // namespace caqes
