#pragma once
// Measure kinds and typed quantities.
//
// The texts measure indicators in euros, in counts, in shares, in growth rates and in
// qualitative items (CAQES.md section 6). As in a units library, each kind is a type and a
// `quantite<K>` of one kind cannot be compared with, or added to, a quantity of another: there
// is simply no operator across kinds. Values are exact fractions; an amount is a number of
// cents.
#include <caqes/monnaie/centimes.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace caqes {

enum class type_mesure : std::uint8_t {
    montant,         // non-negative amount, cents (spending)
    montant_signe,   // signed amount, cents (savings, differences)
    nombre,          // non-negative count per year (boxes, acts)
    taux,            // rate or share in [0, 1] (20 %, 49 %)
    taux_evolution,  // growth rate against the previous year, may be negative, not below -100 %
    oui_non,         // 0 = non, 1 = oui
    echelle,         // ordinal: 0 = non, 1 = partiel, 2 = oui
};

[[nodiscard]] constexpr std::string_view nom(type_mesure t) noexcept {
    switch (t) {
        case type_mesure::montant:
            return "montant";
        case type_mesure::montant_signe:
            return "montant_signe";
        case type_mesure::nombre:
            return "nombre";
        case type_mesure::taux:
            return "taux";
        case type_mesure::taux_evolution:
            return "taux_evolution";
        case type_mesure::oui_non:
            return "oui_non";
        case type_mesure::echelle:
            return "echelle";
    }
    return "?";
}

// Whether a value is admissible for its kind: the domain part of CAQES-E015 for thresholds,
// and the check a report applies to every value it reads.
// A positive denominator, the form every reader gives, needs no normal form: it fits (dividing
// by the gcd only shrinks), and whether the value is whole, its integer value and its order
// need no gcd. The gcd cost more than the rest of the check, which runs for every value read.
[[nodiscard]] constexpr bool dans_domaine(type_mesure t, fraction v) noexcept {
    const fraction x = v.a_denominateur_positif();
    if (!x.valide()) return false;  // den == 0, or no 64-bit normal form
    // x.den > 0 from here. Whether x is whole is asked only by the kinds that need it, and a
    // whole value read from a file is already n / 1: no division then.
    const auto entier_ = [x] { return x.den == 1 || x.num % x.den == 0; };
    const auto n = [x] { return x.den == 1 ? x.num : x.num / x.den; };  // the value, once whole
    switch (t) {
        case type_mesure::montant:
        case type_mesure::nombre:
            return entier_() && n() >= 0;
        case type_mesure::montant_signe:
            return entier_();
        // With x.den > 0 the bounds compare on the numerator alone: 0 <= x <= 1 is 0 <= num <=
        // den, and x >= -1 is num >= -den (which fits: den <= INT64_MAX), where a fraction
        // comparison multiplies across in 128 bits.
        case type_mesure::taux:
            return x.num >= 0 && x.num <= x.den;
        case type_mesure::taux_evolution:
            return x.num >= -x.den;
        case type_mesure::oui_non:
            return entier_() && (n() == 0 || n() == 1);
        case type_mesure::echelle:
            return entier_() && n() >= 0 && n() <= 2;
    }
    return false;
}

// The words of a yes/no and of a no/partial/yes measure, and the value each stands for: the one
// mapping that the value's text (mesure/format.hpp, `texte`) writes and the readers
// (io/detail/csv_fichiers.hpp, `lire_valeur`) read, so that what one writes the other reads back.
struct mot_qualitatif {
    std::string_view mot;
    type_mesure type;
    std::int64_t valeur;
};
inline constexpr std::array<mot_qualitatif, 5> mots_qualitatifs{{
    {"non", type_mesure::oui_non, 0},
    {"oui", type_mesure::oui_non, 1},
    {"non", type_mesure::echelle, 0},
    {"partiel", type_mesure::echelle, 1},
    {"oui", type_mesure::echelle, 2},
}};

// The word of value `v` of a measure of kind `t`; empty for a kind without words, or a value
// out of its domain.
[[nodiscard]] constexpr std::string_view mot_de(type_mesure t, fraction v) noexcept {
    for (const mot_qualitatif& m : mots_qualitatifs) {
        if (m.type == t && v == entier(m.valeur)) return m.mot;
    }
    return {};
}

// The kind tags, in a namespace of their own (CONTRIBUTING.md, naming rule 2): their names are
// ordinary nouns that members want (`proposition::montant`, `proposition::taux`), and a data
// member never hides a namespace before `::`. Named structs, so a diagnostic names
// `caqes::grandeur::taux`, not a number. "Grandeur" (a measurable quantity) rather than "nature",
// which the law already uses for the nature of a decision (`proposition::nature`).
namespace grandeur {
struct montant {
    static constexpr type_mesure id = type_mesure::montant;
};
struct montant_signe {
    static constexpr type_mesure id = type_mesure::montant_signe;
};
struct nombre {
    static constexpr type_mesure id = type_mesure::nombre;
};
struct taux {
    static constexpr type_mesure id = type_mesure::taux;
};
struct taux_evolution {
    static constexpr type_mesure id = type_mesure::taux_evolution;
};
struct oui_non {
    static constexpr type_mesure id = type_mesure::oui_non;
};
struct echelle {
    static constexpr type_mesure id = type_mesure::echelle;
};
}  // namespace grandeur

// No deprecated alias keeps the old names (`caqes::taux`...): an alias is a typedef, and g++'s
// -Wshadow reports every local variable named `taux` or `montant` that it would shadow, the very
// clash this namespace removes; 0.1.0, which had them, was never released (CHANGELOG.md).

// A quantity of kind K. Same-kind comparison only.
template <class K>
struct quantite {
    using nature = K;
    fraction valeur{};

    friend constexpr std::strong_ordering operator<=>(quantite a, quantite b) noexcept { return a.valeur <=> b.valeur; }
    friend constexpr bool operator==(quantite a, quantite b) noexcept { return a.valeur == b.valeur; }
};

[[nodiscard]] constexpr quantite<grandeur::montant> montant_de(centimes c) noexcept { return {entier(c.valeur)}; }
[[nodiscard]] constexpr quantite<grandeur::montant> montant_euros(std::int64_t e) { return montant_de(euros(e)); }
[[nodiscard]] constexpr quantite<grandeur::montant_signe> montant_signe_de(centimes c) noexcept {
    return {entier(c.valeur)};
}
[[nodiscard]] constexpr quantite<grandeur::nombre> nombre_de(std::int64_t n) noexcept { return {entier(n)}; }
// taux_pourcent(22, 10) is 2.2 %.
[[nodiscard]] constexpr quantite<grandeur::taux> taux_pourcent(std::int64_t num, std::int64_t den = 1) noexcept {
    return {pourcentage(num, den)};
}
[[nodiscard]] constexpr quantite<grandeur::taux_evolution> evolution_pourcent(std::int64_t num,
                                                                              std::int64_t den = 1) noexcept {
    return {pourcentage(num, den)};
}
// Growth from the previous year's amount to this year's, exact: (courant - precedent) / precedent.
// A zero previous amount has no growth rate: the result is an invalid fraction, which
// `dans_domaine` rejects (CAQES-E028) rather than inventing one.
[[nodiscard]] constexpr quantite<grandeur::taux_evolution> evolution_entre(
    quantite<grandeur::montant> precedent, quantite<grandeur::montant> courant) noexcept {
    const fraction p = precedent.valeur.normalisee();
    const fraction c = courant.valeur.normalisee();
    if (p.num == 0) return {fraction{0, 0}};
    // 128-bit products; a growth with no 64-bit form is invalid too, never wrapped.
    return {reduire(int128{c.num} * p.den - int128{p.num} * c.den, int128{c.den} * p.num).value_or(fraction{0, 0})};
}

inline constexpr quantite<grandeur::oui_non> non{entier(0)};
inline constexpr quantite<grandeur::oui_non> oui{entier(1)};
inline constexpr quantite<grandeur::echelle> echelle_non{entier(0)};
inline constexpr quantite<grandeur::echelle> echelle_partiel{entier(1)};
inline constexpr quantite<grandeur::echelle> echelle_oui{entier(2)};

}  // namespace caqes
