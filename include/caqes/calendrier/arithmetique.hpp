#pragma once
// Calendrical addition of months and years, with an explicit policy for impossible days.
//
// 31 January + 1 month and 29 February + 1 year have no exact answer. Following the calendar
// of date and C++20 (year_month_day + months may be !ok(), and the caller decides) and
// Catala's rounding modes, the toolkit refuses to guess: the strict policy reports CAQES-E023,
// and the caller may name another policy instead. Chronological arithmetic (sys_days +
// years{5}, i.e. 5 x 365.2425 days) is never used for legal durations such as "duree maximale
// de cinq ans".
#include <caqes/calendrier/date.hpp>
#include <caqes/droit/regle.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace caqes {

enum class politique_jour : std::uint8_t {
    stricte,              // an impossible day is an error (CAQES-E023)
    fin_de_mois,          // clamp to the last day of the month: 31 Jan + 1 month = 28/29 Feb
    report,               // roll the extra days over: 31 Jan + 1 month = 2/3 Mar
    premier_mois_suivant  // the first day of the next month: 31 Jan + 1 month = 1 Mar (Catala's round up)
};
inline constexpr std::array<politique_jour, 4> politiques_jour{
    politique_jour::stricte, politique_jour::fin_de_mois, politique_jour::report, politique_jour::premier_mois_suivant};

// Its name: the key of a grid file (`jours`) and the word messages use.
[[nodiscard]] constexpr std::string_view nom(politique_jour p) noexcept {
    switch (p) {
        case politique_jour::stricte:
            return "stricte";
        case politique_jour::fin_de_mois:
            return "fin_de_mois";
        case politique_jour::report:
            return "report";
        case politique_jour::premier_mois_suivant:
            break;
    }
    return "premier_mois_suivant";
}

// A date, or the rule that prevented it. A value type: no exception, no abort.
struct date_calculee {
    ymd valeur{};
    regle erreur{regle::aucune};

    [[nodiscard]] constexpr bool ok() const noexcept { return erreur == regle::aucune; }
};

namespace detail {
// `brut` has a real year and month (they come from calendar arithmetic); only its day may be
// past the month's end.
[[nodiscard]] constexpr date_calculee appliquer_politique(ymd brut, politique_jour p) noexcept {
    if (brut.ok()) return {brut, regle::aucune};
    switch (p) {
        case politique_jour::fin_de_mois:
            return {{brut.y, brut.m, dernier_jour_du_mois(brut.y, brut.m)}, regle::aucune};
        case politique_jour::report:
            // The serial number of an impossible day counts the days past the month end onwards.
            return {ymd::de_serie(brut.serie()), regle::aucune};
        case politique_jour::premier_mois_suivant:
            return {lendemain({brut.y, brut.m, dernier_jour_du_mois(brut.y, brut.m)}), regle::aucune};
        case politique_jour::stricte:
            break;
    }
    // The impossible day itself (e.g. 2025-02-29), so an error message can show it.
    return {brut, regle::date_calendaire_impossible};
}
}  // namespace detail

// A result outside the years a date can have (annee_min to annee_max) is not a real date:
// CAQES-E001, as for an impossible start.
[[nodiscard]] constexpr date_calculee ajouter_mois(ymd depart, int mois, politique_jour p) noexcept {
    if (!depart.ok()) return {depart, regle::date_inexistante};
    const std::int64_t rang = std::int64_t{depart.y} * 12 + (depart.m - 1) + mois;  // months since year 0
    const std::int64_t annee = (rang >= 0 ? rang : rang - 11) / 12;
    if (annee < annee_min || annee > annee_max) return {depart, regle::date_inexistante};
    return detail::appliquer_politique(
        {static_cast<int>(annee), static_cast<unsigned>(rang - annee * 12) + 1U, depart.d}, p);
}

[[nodiscard]] constexpr date_calculee ajouter_annees(ymd depart, int annees, politique_jour p) noexcept {
    if (!depart.ok()) return {depart, regle::date_inexistante};
    const std::int64_t annee = std::int64_t{depart.y} + annees;
    if (annee < annee_min || annee > annee_max) return {depart, regle::date_inexistante};
    return detail::appliquer_politique({static_cast<int>(annee), depart.m, depart.d}, p);
}

[[nodiscard]] constexpr ymd ajouter_jours(ymd depart, int jours) noexcept {
    return ymd::de_serie(depart.serie() + jours);
}

}  // namespace caqes
