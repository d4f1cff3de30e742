#pragma once
// Dated parameters: values that take effect on a day, as OpenFisca dates its parameters.
//
// The 2017 and 2019 referentiel values, or a regional cap, are versions of one parameter,
// each in force over a half-open period. Versions must be chronological and must not overlap
// (CAQES-E025), so that "the value on day D" has one answer or none.
#include <caqes/calendrier/format.hpp>
#include <caqes/calendrier/periode.hpp>
#include <caqes/droit/reference.hpp>
#include <caqes/droit/violation.hpp>

#include <array>
#include <cstddef>
#include <string_view>

namespace caqes {

template <class T>
struct version_datee {
    periode validite{};
    T valeur{};
    reference_legale source{};
};

template <class T, std::size_t N>
struct parametre_def {
    std::string_view nom;
    std::array<version_datee<T>, N> versions{};

    // The version in force on `jour`, or nullptr when none is.
    [[nodiscard]] constexpr const version_datee<T>* en_vigueur(ymd jour) const noexcept {
        for (const auto& v : versions) {
            if (v.validite.contient(jour)) return &v;
        }
        return nullptr;
    }
};

namespace regles {

// CAQES-E001 / CAQES-E002 on each version's validity.
template <class T, std::size_t N>
[[nodiscard]] constexpr bool versions_datees_valides(const parametre_def<T, N>& p) noexcept {
    for (const auto& v : p.versions) {
        if (!v.validite.dates_valides()) return false;
    }
    return true;
}
template <class T, std::size_t N>
[[nodiscard]] constexpr bool versions_non_vides(const parametre_def<T, N>& p) noexcept {
    for (const auto& v : p.versions) {
        if (v.validite.dates_valides() && !v.validite.non_vide()) return false;
    }
    return true;
}

// CAQES-E025: each version ends no later than the next one starts.
template <class T, std::size_t N>
[[nodiscard]] constexpr bool versions_chronologiques(const parametre_def<T, N>& p) noexcept {
    for (std::size_t i = 1; i < N; ++i) {
        if (p.versions[i].validite.debut < p.versions[i - 1].validite.fin) return false;
    }
    return true;
}

}  // namespace regles

// Run-time validation of a parameter built from data, by the same predicates, one violation
// per offending version.
template <class T, std::size_t N>
[[nodiscard]] violations validate(const parametre_def<T, N>& p) {
    violations out;
    for (std::size_t i = 0; i < N; ++i) {
        const periode& v = p.versions[i].validite;
        const std::string lieu = concat(p.nom, ".versions[", std::to_string(i), "]");
        if (!v.dates_valides()) {
            out.push_back({regle::date_inexistante, lieu, texte(v)});
        } else if (!v.non_vide()) {
            out.push_back({regle::periode_vide, lieu, texte(v)});
        } else if (i > 0 && v.debut < p.versions[i - 1].validite.fin) {
            out.push_back({regle::parametre_chevauchant, lieu,
                           concat(texte(v), " starts before the previous version ends on ",
                                  texte(p.versions[i - 1].validite.fin))});
        }
    }
    return out;
}

// The compile-time checked parameter:
//     inline constexpr caqes::parametre_def<caqes::quantite<caqes::grandeur::taux>, 2> def{...};
//     struct mon_parametre : caqes::parametre_date<def> {};
template <const auto& P>
struct parametre_date {
    static constexpr const auto& definition = P;

    static_assert(regles::versions_datees_valides(P),
                  "CAQES-E001: a date is not a real calendar date (calendar (date library); every dated rule); "
                  "a version of the dated parameter; see docs/diagnostics.md#caqes-e001");
    static_assert(regles::versions_non_vides(P),
                  "CAQES-E002: a period [from, to) is empty or inverted (half-open periods of every dated "
                  "text); a version of the dated parameter; see docs/diagnostics.md#caqes-e002");
    static_assert(regles::versions_chronologiques(P),
                  "CAQES-E025: the dated versions of a parameter overlap or are out of order (dated arretes "
                  "(2017-04-27, 2018-12-12, 2022-02-23)); each version must end before the next starts; see "
                  "docs/diagnostics.md#caqes-e025");

    [[nodiscard]] static constexpr auto en_vigueur(ymd jour) noexcept { return P.en_vigueur(jour); }
};

}  // namespace caqes
