#pragma once
// A volet's term: indefinite, N years, or an explicit end date.
#include <caqes/calendrier/arithmetique.hpp>
#include <caqes/calendrier/date.hpp>

#include <cstdint>

namespace caqes {

// The law's limit for every bounded term: "duree maximale de cinq ans".
// [C: L.162-30-2, LEGIARTI000041398036; D.162-14 I, LEGIARTI000044102681] [S for the 2017 additional volets]
inline constexpr int duree_maximale_annees = 5;

struct duree {
    enum class forme : std::uint8_t { indeterminee, annees, fin_explicite };
    forme f{forme::annees};
    int nombre_annees{0};
    ymd fin{};  // exclusive end of the term, for forme::fin_explicite

    friend constexpr bool operator==(const duree&, const duree&) = default;
};

inline constexpr duree duree_indeterminee{duree::forme::indeterminee, 0, {}};
[[nodiscard]] constexpr duree duree_annees(int n) noexcept { return {duree::forme::annees, n, {}}; }
// The term ends before `fin_exclue`: [debut, fin_exclue).
[[nodiscard]] constexpr duree duree_jusqu_a(ymd fin_exclue) noexcept {
    return {duree::forme::fin_explicite, 0, fin_exclue};
}

// The exclusive end of a bounded term started on `debut`. An indefinite term has no end of
// its own (the caller bounds it by its regime).
[[nodiscard]] constexpr date_calculee fin_du_terme(const duree& t, ymd debut, politique_jour p) noexcept {
    switch (t.f) {
        case duree::forme::annees:
            return ajouter_annees(debut, t.nombre_annees, p);
        case duree::forme::fin_explicite:
            return t.fin.ok() ? date_calculee{t.fin, regle::aucune} : date_calculee{t.fin, regle::date_inexistante};
        case duree::forme::indeterminee:
            break;
    }
    return {fin_des_temps, regle::aucune};
}

namespace regles {

// CAQES-E004: a bounded term is at most five calendar years. An explicit end is compared with
// debut + 5 years by calendar arithmetic: exactly five years passes, one day more fails. When
// the limit itself is an impossible day (29 February + 5 years) under a strict policy, this
// rule holds and CAQES-E023 reports the impossible day instead.
[[nodiscard]] constexpr bool duree_au_plus_5_ans(const duree& t, ymd debut, politique_jour p) noexcept {
    switch (t.f) {
        case duree::forme::indeterminee:
            return true;
        case duree::forme::annees:
            return t.nombre_annees <= duree_maximale_annees;
        case duree::forme::fin_explicite: {
            const date_calculee limite = ajouter_annees(debut, duree_maximale_annees, p);
            return !limite.ok() || !t.fin.ok() || t.fin <= limite.valeur;
        }
    }
    return false;
}

// CAQES-E002 on a term: it holds at least one day (N >= 1, or an end after the start).
[[nodiscard]] constexpr bool duree_non_vide(const duree& t, ymd debut) noexcept {
    switch (t.f) {
        case duree::forme::indeterminee:
            return true;
        case duree::forme::annees:
            return t.nombre_annees >= 1;
        case duree::forme::fin_explicite:
            return !t.fin.ok() || debut < t.fin;
    }
    return false;
}

// CAQES-E023: the end of an N-year term is a real day under the chosen policy.
[[nodiscard]] constexpr bool fin_calculable(const duree& t, ymd debut, politique_jour p) noexcept {
    return t.f != duree::forme::annees || !debut.ok() ||
           fin_du_terme(t, debut, p).erreur != regle::date_calendaire_impossible;
}

}  // namespace regles
}  // namespace caqes
