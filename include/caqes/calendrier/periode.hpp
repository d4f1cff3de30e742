#pragma once
// Half-open periods [debut, fin).
//
// Every dated text, regime window, indicator validity and threshold version uses the same
// convention, so "in force on day D" is always debut <= D < fin and consecutive versions
// meet without a gap or an overlap. The law's inclusive ends convert explicitly with
// `periode::inclusive`.
#include <caqes/calendrier/date.hpp>

namespace caqes {

struct periode {
    ymd debut{debut_des_temps};
    ymd fin{fin_des_temps};

    // [premier, dernier] as the law writes it, e.g. 2022-07-01 -> 2024-12-31.
    // An impossible last day is kept as is, so that CAQES-E001 reports it instead of the
    // day after silently rolling over.
    [[nodiscard]] static constexpr periode inclusive(ymd premier, ymd dernier) noexcept {
        return {premier, dernier.ok() ? lendemain(dernier) : dernier};
    }
    [[nodiscard]] static constexpr periode depuis(ymd premier) noexcept { return {premier, fin_des_temps}; }
    [[nodiscard]] static constexpr periode jusqu_a(ymd fin_exclue) noexcept { return {debut_des_temps, fin_exclue}; }

    // Both ends are real dates (CAQES-E001) and the period holds at least one day (CAQES-E002).
    [[nodiscard]] constexpr bool dates_valides() const noexcept { return debut.ok() && fin.ok(); }
    [[nodiscard]] constexpr bool non_vide() const noexcept { return debut < fin; }

    [[nodiscard]] constexpr bool contient(ymd jour) const noexcept { return debut <= jour && jour < fin; }
    [[nodiscard]] constexpr bool contient(const periode& p) const noexcept { return debut <= p.debut && p.fin <= fin; }
    [[nodiscard]] constexpr bool chevauche(const periode& p) const noexcept { return debut < p.fin && p.debut < fin; }
    [[nodiscard]] constexpr bool ouverte() const noexcept { return fin == fin_des_temps; }

    friend constexpr bool operator==(const periode&, const periode&) = default;
};

}  // namespace caqes
