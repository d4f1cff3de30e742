#pragma once
// Text forms of quantities and referentiels, exact: a rate prints as a finite decimal
// percentage when it has one and as a fraction otherwise, never through a double.
#include <caqes/calendrier/format.hpp>
#include <caqes/mesure/nature.hpp>
#include <caqes/mesure/referentiel.hpp>

#include <cstdint>
#include <string>

namespace caqes {

namespace detail {

[[nodiscard]] inline std::string chiffres(uint128 v) {
    std::string s;
    do {
        s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    } while (v != 0);
    return s;
}

// num/den as a decimal with up to `chiffres_max` fractional digits when exact, else
// "num/den" in lowest terms. 128-bit throughout: num and den are 64-bit values times at most
// 100, so neither the reduction nor a remainder times 10 can overflow (|den| < 2^70).
[[nodiscard]] inline std::string texte_decimal(int128 num, int128 den, int chiffres_max) {
    if (den == 0) return "NaN";
    const std::string_view signe = (num < 0) != (den < 0) && num != 0 ? "-" : "";
    uint128 n = magnitude(num);
    uint128 d = magnitude(den);
    const uint128 g = gcd(n, d);
    n /= g;
    d /= g;
    std::string s = concat(signe, chiffres(n / d));
    uint128 reste = n % d;
    if (reste == 0) return s;
    s += '.';
    for (int i = 0; i < chiffres_max && reste != 0; ++i) {
        reste *= 10;
        s += static_cast<char>('0' + static_cast<int>(reste / d));
        reste %= d;
    }
    if (reste != 0) return concat(signe, chiffres(n), "/", chiffres(d));
    return s;
}

}  // namespace detail

// f as a decimal with up to `chiffres_max` fractional digits when exact, else "num/den".
[[nodiscard]] inline std::string texte_decimal(fraction f, int chiffres_max = 6) {
    return detail::texte_decimal(f.num, f.den, chiffres_max);
}

// "7/12", or "3" for a whole number: the exact form of a score or a rate.
[[nodiscard]] inline std::string texte_fraction(fraction f) { return detail::texte_decimal(f.num, f.den, 0); }

// Amounts print in euros and rates in percent: the scaling by 100 is 128-bit, so a rate of
// 10^20 % prints as such.
[[nodiscard]] inline std::string texte(type_mesure t, fraction v) {
    switch (t) {
        case type_mesure::montant:
        case type_mesure::montant_signe:
            return concat(detail::texte_decimal(v.num, int128{v.den} * 100, 6), " EUR");
        case type_mesure::nombre:
            return texte_decimal(v);
        case type_mesure::taux:
        case type_mesure::taux_evolution:
            return concat(detail::texte_decimal(int128{v.num} * 100, v.den, 6), " %");
        // Out of the kind's domain (a value a message refuses), the number as given.
        case type_mesure::oui_non:
        case type_mesure::echelle:
            if (const std::string_view mot = mot_de(t, v); !mot.empty()) return std::string{mot};
            return texte_decimal(v);
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
