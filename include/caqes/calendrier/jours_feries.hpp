#pragma once
// French public holidays, including the movable ones computed from Easter.
//
// Code du travail L.3133-1 lists the jours feries: 1 January, Easter Monday, 1 May, 8 May,
// Ascension Thursday, Whit Monday, 14 July, 15 August, 1 November, 11 November and
// 25 December. Two kinds of territory add to it:
// - Alsace-Moselle adds Good Friday and 26 December (Code du travail L.3134-13);
// - the overseas departments add the commemoration of the abolition of slavery: loi n° 83-550
//   of 30 June 1983, art. 1, makes it a holiday in Guadeloupe, Guyane, Martinique, Mayotte and
//   La Reunion, and decree n° 83-1003 of 23 November 1983 fixes its day in each: 27 May in
//   Guadeloupe, 10 June in Guyane, 22 May in Martinique, 20 December in La Reunion, and, added
//   by decree n° 2012-553 of 23 April 2012, 27 April in Mayotte. Each counts from its decree.
// Days kept by custom only (Good Friday in the Antilles, the carnival days) are not in the
// law, hence not here. Which calendar governs an ARS deadline is [U]: the caller chooses.
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
    guadeloupe,      // L.3133-1 plus 27 May (loi 83-550, decree 83-1003)
    guyane,          // L.3133-1 plus 10 June
    martinique,      // L.3133-1 plus 22 May
    la_reunion,      // L.3133-1 plus 20 December
    mayotte,         // L.3133-1 plus 27 April (decree 83-1003 as amended by decree 2012-553)
};

namespace detail {
struct abolition_esclavage {
    calendrier_feries departement;
    unsigned mois;
    unsigned jour;
    ymd depuis;  // the decree that fixed the day
};

inline constexpr ymd decret_83_1003{1983, 11, 23};
inline constexpr abolition_esclavage abolitions[] = {
    {calendrier_feries::guadeloupe, 5, 27, decret_83_1003}, {calendrier_feries::guyane, 6, 10, decret_83_1003},
    {calendrier_feries::martinique, 5, 22, decret_83_1003}, {calendrier_feries::la_reunion, 12, 20, decret_83_1003},
    {calendrier_feries::mayotte, 4, 27, ymd{2012, 4, 23}},  // decree 2012-553
};
}  // namespace detail

[[nodiscard]] constexpr bool est_ferie(ymd jour, calendrier_feries cal = calendrier_feries::national) noexcept {
    const unsigned m = jour.m;
    const unsigned d = jour.d;
    if ((m == 1 && d == 1) || (m == 5 && (d == 1 || d == 8)) || (m == 7 && d == 14) || (m == 8 && d == 15) ||
        (m == 11 && (d == 1 || d == 11)) || (m == 12 && d == 25)) {
        return true;
    }
    if (cal == calendrier_feries::alsace_moselle && m == 12 && d == 26) return true;
    for (const detail::abolition_esclavage& a : detail::abolitions) {
        if (a.departement == cal && a.mois == m && a.jour == d && a.depuis <= jour) return true;
    }
    const jour_serie ecart = jour.serie() - paques(jour.y).serie();
    // Easter Monday +1, Ascension +39, Whit Monday +50; Good Friday -2 in Alsace-Moselle.
    return ecart == 1 || ecart == 39 || ecart == 50 || (cal == calendrier_feries::alsace_moselle && ecart == -2);
}

[[nodiscard]] constexpr bool est_weekend(ymd jour) noexcept {
    const jour_semaine w = jour_de_la_semaine(jour);
    return w == jour_semaine::samedi || w == jour_semaine::dimanche;
}

[[nodiscard]] constexpr bool est_jour_ouvrable(ymd jour, calendrier_feries cal = calendrier_feries::national) noexcept {
    return !est_weekend(jour) && !est_ferie(jour, cal);
}

}  // namespace caqes
