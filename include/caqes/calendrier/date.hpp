#pragma once
// A calendar date usable as a template argument, and the day arithmetic of the proleptic
// Gregorian calendar.
//
// A structural type: public members, so that a date can be a non-type template parameter
// (neither date::year_month_day nor std::chrono::year_month_day can be one: their members are
// private). Clang 14 needs the type named in a template argument: X<ymd{2024, 1, 1}>.
//
// The day arithmetic is Howard Hinnant's civil-calendar algorithms ("chrono-Compatible
// Low-Level Date Algorithms", public domain), the ones behind both date.h and C++20's
// calendar, written out here so that the core includes neither: <date/date.h> and libstdc++
// 12's <chrono> (which brings <sstream>, <istream> and <locale> for its stream operators)
// were half of the compile time of every translation unit (docs/performance.md, "Compile
// time"). tests/unit/calendrier.cpp checks every day of 1600-2400 against std::chrono, and
// calendrier/chrono.hpp converts to and from std::chrono for callers who want its types.
#include <compare>
#include <cstdint>

namespace caqes {

// Days since 1970-01-01 (negative before), the count std::chrono::sys_days holds.
using jour_serie = std::int32_t;

// Day of the week, 0 = Sunday to 6 = Saturday, as std::chrono::weekday::c_encoding().
enum class jour_semaine : std::uint8_t { dimanche, lundi, mardi, mercredi, jeudi, vendredi, samedi };

// Years std::chrono::year accepts; a year outside is not a real date (CAQES-E001).
inline constexpr int annee_min = -32767;
inline constexpr int annee_max = 32767;

[[nodiscard]] constexpr bool est_bissextile(int annee) noexcept {
    return annee % 4 == 0 && (annee % 100 != 0 || annee % 400 == 0);
}

// The last day of a month (1-12) of a year.
[[nodiscard]] constexpr unsigned dernier_jour_du_mois(int annee, unsigned mois) noexcept {
    constexpr unsigned jours[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return mois == 2 && est_bissextile(annee) ? 29U : jours[mois - 1];
}

struct ymd {
    int y{};
    unsigned m{};
    unsigned d{};

    // A real day of the proleptic Gregorian calendar (rule CAQES-E001).
    [[nodiscard]] constexpr bool ok() const noexcept {
        return y >= annee_min && y <= annee_max && m >= 1 && m <= 12 && d >= 1 && d <= dernier_jour_du_mois(y, m);
    }

    // The day's serial number. A day past the month's end (2025-02-30) counts on into the next
    // month, as std::chrono::sys_days of an invalid year_month_day does: the roll-over policy
    // relies on it. Month must be 1-12.
    [[nodiscard]] constexpr jour_serie serie() const noexcept {
        const int a = m <= 2 ? y - 1 : y;
        const int ere = (a >= 0 ? a : a - 399) / 400;
        const int annee_ere = a - ere * 400;                                                  // [0, 399]
        const int mois_mars = static_cast<int>(m > 2 ? m - 3 : m + 9);                        // March = 0
        const int jour_annee = (153 * mois_mars + 2) / 5 + static_cast<int>(d) - 1;           // [0, 365]
        const int jour_ere = annee_ere * 365 + annee_ere / 4 - annee_ere / 100 + jour_annee;  // [0, 146096]
        return ere * 146097 + jour_ere - 719468;
    }

    [[nodiscard]] static constexpr ymd de_serie(jour_serie n) noexcept {
        const int z = n + 719468;
        const int ere = (z >= 0 ? z : z - 146096) / 146097;
        const int jour_ere = z - ere * 146097;                                                            // [0, 146096]
        const int annee_ere = (jour_ere - jour_ere / 1460 + jour_ere / 36524 - jour_ere / 146096) / 365;  // [0, 399]
        const int jour_annee = jour_ere - (365 * annee_ere + annee_ere / 4 - annee_ere / 100);            // [0, 365]
        const int mois_mars = (5 * jour_annee + 2) / 153;                                                 // [0, 11]
        const auto jour = static_cast<unsigned>(jour_annee - (153 * mois_mars + 2) / 5 + 1);
        const auto mois = static_cast<unsigned>(mois_mars < 10 ? mois_mars + 3 : mois_mars - 9);
        return {annee_ere + ere * 400 + (mois <= 2 ? 1 : 0), mois, jour};
    }

    // Chronological: year, then month, then day. Written out rather than defaulted: clang 14's
    // defaulted <=> compares with a literal 0 and trips -Wzero-as-null-pointer-constant in a
    // consumer's build.
    friend constexpr std::strong_ordering operator<=>(const ymd& a, const ymd& b) noexcept {
        if (const auto c = a.y <=> b.y; std::is_neq(c)) return c;
        if (const auto c = a.m <=> b.m; std::is_neq(c)) return c;
        return a.d <=> b.d;
    }
    friend constexpr bool operator==(const ymd&, const ymd&) noexcept = default;
};

[[nodiscard]] constexpr jour_semaine jour_de_la_semaine(ymd jour) noexcept {
    const jour_serie n = jour.serie();  // 1970-01-01 was a Thursday
    return static_cast<jour_semaine>(n >= -4 ? (n + 4) % 7 : (n + 5) % 7 + 6);
}

// Bounds standing for "no known start" and "no end yet". The law writes the latter as
// 2999-01-01 in LEGI version data; these are simply outside every date the toolkit handles.
inline constexpr ymd debut_des_temps{1, 1, 1};
inline constexpr ymd fin_des_temps{9999, 12, 31};

// The next day, for converting the law's inclusive ends ("jusqu'au 31 decembre 2017").
[[nodiscard]] constexpr ymd lendemain(ymd d) noexcept { return ymd::de_serie(d.serie() + 1); }

// The previous day, for printing a half-open end the way the law writes it.
[[nodiscard]] constexpr ymd veille(ymd d) noexcept { return ymd::de_serie(d.serie() - 1); }

}  // namespace caqes
