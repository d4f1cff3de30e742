#pragma once
// Calendrical addition of months and years, with an explicit policy for impossible days.
//
// 31 January + 1 month and 29 February + 1 year have no exact answer. Following date's
// year_month_day (whose `ok()` reports the problem) and Catala's rounding modes, the toolkit
// refuses to guess: the strict policy reports CAQES-E023, and the caller may name another
// policy instead. Chronological arithmetic (sys_days + years{5}, i.e. 5 x 365.2425 days) is
// never used for legal durations such as "duree maximale de cinq ans".
#include <caqes/calendrier/date.hpp>
#include <caqes/droit/regle.hpp>

#include <cstdint>

namespace caqes {

enum class politique_jour : std::uint8_t {
    stricte,      // an impossible day is an error (CAQES-E023)
    fin_de_mois,  // clamp to the last day of the month: 31 Jan + 1 month = 28/29 Feb
    report,       // roll the extra days over: 31 Jan + 1 month = 2/3 Mar
};

// A date, or the rule that prevented it. A value type: no exception, no abort.
struct date_calculee {
    ymd valeur{};
    regle erreur{regle::aucune};

    [[nodiscard]] constexpr bool ok() const noexcept { return erreur == regle::aucune; }
};

namespace detail {
[[nodiscard]] constexpr date_calculee appliquer_politique(date::year_month_day brut, politique_jour p) noexcept {
    if (brut.ok()) return {ymd::from(brut), regle::aucune};
    // Only the day can be out of range here: year and month come from calendar arithmetic.
    switch (p) {
        case politique_jour::fin_de_mois:
            return {ymd::from(date::year_month_day{brut.year() / brut.month() / date::last}), regle::aucune};
        case politique_jour::report:
            // sys_days of an invalid ymd counts the days past the month end onwards.
            return {ymd::from(date::sys_days{brut.year() / brut.month() / date::day{1}} +
                              date::days{static_cast<unsigned>(brut.day()) - 1U}),
                    regle::aucune};
        case politique_jour::stricte:
            break;
    }
    // The impossible day itself (e.g. 2025-02-29), so an error message can show it.
    return {ymd::from(brut), regle::date_calendaire_impossible};
}
}  // namespace detail

[[nodiscard]] constexpr date_calculee ajouter_mois(ymd depart, int mois, politique_jour p) noexcept {
    if (!depart.ok()) return {depart, regle::date_inexistante};
    return detail::appliquer_politique(depart.to_date() + date::months{mois}, p);
}

[[nodiscard]] constexpr date_calculee ajouter_annees(ymd depart, int annees, politique_jour p) noexcept {
    if (!depart.ok()) return {depart, regle::date_inexistante};
    return detail::appliquer_politique(depart.to_date() + date::years{annees}, p);
}

[[nodiscard]] constexpr ymd ajouter_jours(ymd depart, int jours) noexcept {
    return ymd::from(depart.to_sys_days() + date::days{jours});
}

}  // namespace caqes
