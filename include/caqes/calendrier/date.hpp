#pragma once
// A calendar date usable as a template argument.
//
// date::year_month_day has private members, so it is not a structural type and cannot be a
// non-type template parameter. `ymd` is the structural twin: public members, chronological
// comparisons, and loss-free conversions to and from date::year_month_day, which does all the
// calendar work. Clang 14 needs the type named in a template argument: X<ymd{2024, 1, 1}>.
#include <date/date.h>

#include <compare>

namespace caqes {

struct ymd {
    int y{};
    unsigned m{};
    unsigned d{};

    [[nodiscard]] constexpr date::year_month_day to_date() const noexcept {
        return date::year{y} / date::month{m} / date::day{d};
    }
    [[nodiscard]] static constexpr ymd from(date::year_month_day v) noexcept {
        return {static_cast<int>(v.year()), static_cast<unsigned>(v.month()), static_cast<unsigned>(v.day())};
    }
    [[nodiscard]] static constexpr ymd from(date::sys_days v) noexcept { return from(date::year_month_day{v}); }
    [[nodiscard]] constexpr date::sys_days to_sys_days() const noexcept { return date::sys_days{to_date()}; }

    // A real day of the proleptic Gregorian calendar (rule CAQES-E001).
    [[nodiscard]] constexpr bool ok() const noexcept { return to_date().ok(); }

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

// Bounds standing for "no known start" and "no end yet". The law writes the latter as
// 2999-01-01 in LEGI version data; these are simply outside every date the toolkit handles.
inline constexpr ymd debut_des_temps{1, 1, 1};
inline constexpr ymd fin_des_temps{9999, 12, 31};

// The next day, for converting the law's inclusive ends ("jusqu'au 31 decembre 2017").
[[nodiscard]] constexpr ymd lendemain(ymd d) noexcept { return ymd::from(d.to_sys_days() + date::days{1}); }

// The previous day, for printing a half-open end the way the law writes it.
[[nodiscard]] constexpr ymd veille(ymd d) noexcept { return ymd::from(d.to_sys_days() - date::days{1}); }

}  // namespace caqes
