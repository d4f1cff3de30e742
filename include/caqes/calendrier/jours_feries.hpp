#pragma once
// French public holidays, including the movable ones computed from Easter.
//
// Code du travail L.3133-1 lists the jours feries: 1 January, Easter Monday, 1 May, 8 May,
// Ascension Thursday, Whit Monday, 14 July, 15 August, 1 November, 11 November and
// 25 December. Alsace-Moselle adds Good Friday and 26 December (Code du travail L.3134-13):
// a caller-chosen option, since which calendar governs an ARS deadline is [U].
#include <caqes/calendrier/date.hpp>

namespace caqes {

// Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
[[nodiscard]] constexpr ymd paques(int annee) noexcept {
    const int a = annee % 19;
    const int b = annee / 100;
    const int c = annee % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int mois = (h + l - 7 * m + 114) / 31;
    const int jour = (h + l - 7 * m + 114) % 31 + 1;
    return {annee, static_cast<unsigned>(mois), static_cast<unsigned>(jour)};
}

enum class calendrier_feries : unsigned char {
    national,        // L.3133-1
    alsace_moselle,  // L.3133-1 plus Good Friday and 26 December (L.3134-13)
};

[[nodiscard]] constexpr bool est_ferie(ymd jour, calendrier_feries cal = calendrier_feries::national) noexcept {
    const unsigned m = jour.m;
    const unsigned d = jour.d;
    if ((m == 1 && d == 1) || (m == 5 && (d == 1 || d == 8)) || (m == 7 && d == 14) || (m == 8 && d == 15) ||
        (m == 11 && (d == 1 || d == 11)) || (m == 12 && d == 25)) {
        return true;
    }
    if (cal == calendrier_feries::alsace_moselle && m == 12 && d == 26) return true;
    const date::sys_days p = paques(jour.y).to_sys_days();
    const date::sys_days j = jour.to_sys_days();
    const auto ecart = (j - p).count();
    // Easter Monday +1, Ascension +39, Whit Monday +50; Good Friday -2 in Alsace-Moselle.
    return ecart == 1 || ecart == 39 || ecart == 50 || (cal == calendrier_feries::alsace_moselle && ecart == -2);
}

[[nodiscard]] constexpr bool est_weekend(ymd jour) noexcept {
    const date::weekday w{jour.to_sys_days()};
    return w == date::Saturday || w == date::Sunday;
}

[[nodiscard]] constexpr bool est_jour_ouvrable(ymd jour, calendrier_feries cal = calendrier_feries::national) noexcept {
    return !est_weekend(jour) && !est_ferie(jour, cal);
}

}  // namespace caqes
