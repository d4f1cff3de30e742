#pragma once
// Conversions between caqes::ymd and the C++20 calendar of <chrono>, for callers who work
// with std::chrono types. Kept out of the core (caqes.hpp does not include it): libstdc++
// 12's <chrono> brings <sstream> and <locale> into every translation unit that includes it
// (docs/performance.md, "Compile time").
#include <caqes/calendrier/date.hpp>

#include <chrono>

namespace caqes {

[[nodiscard]] constexpr std::chrono::year_month_day vers_chrono(ymd d) noexcept {
    return std::chrono::year_month_day{std::chrono::year{d.y}, std::chrono::month{d.m}, std::chrono::day{d.d}};
}

[[nodiscard]] constexpr ymd depuis_chrono(std::chrono::year_month_day v) noexcept {
    return {static_cast<int>(v.year()), static_cast<unsigned>(v.month()), static_cast<unsigned>(v.day())};
}

[[nodiscard]] constexpr std::chrono::sys_days vers_sys_days(ymd d) noexcept {
    return std::chrono::sys_days{std::chrono::days{d.serie()}};
}

[[nodiscard]] constexpr ymd depuis_sys_days(std::chrono::sys_days v) noexcept {
    return ymd::de_serie(static_cast<jour_serie>(v.time_since_epoch().count()));
}

}  // namespace caqes
