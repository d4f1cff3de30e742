#pragma once
// A volet's term: indefinite, N years, or an explicit end date.
#include <caqes/calendrier/arithmetique.hpp>
#include <caqes/calendrier/date.hpp>
#include <caqes/droit/loi.hpp>

#include <array>
#include <cstddef>
#include <cstdint>

namespace caqes {

namespace detail {

// The one limit every version of a law table that states one gives, in whole years; 0 when two
// versions disagree, when one is no whole number of years (or not in years) or when none states
// it (the assertion below then stops the build: the limit would have to be read at each term's
// start).
template <std::size_t N>
[[nodiscard]] constexpr int duree_maximale_de(const std::array<version_loi, N>& table) noexcept {
    int n = 0;
    for (const version_loi& v : table) {
        const std::size_t k = v.rang(constante_legale::duree_maximale);
        if (k == dispositions_max) continue;
        const fraction f = v.dispositions[k].valeur.normalisee();
        if (v.dispositions[k].unite != unite_constante::annees || f.den != 1 || f.num <= 0 || (n != 0 && f.num != n))
            return 0;
        n = static_cast<int>(f.num);
    }
    return n;
}

}  // namespace detail

// The law's limit for every bounded term: "duree maximale de cinq ans", read from the law table
// (droit/loi.hpp), where it is stated once per version that says it.
// [C: L.162-30-2, LEGIARTI000041398036; D.162-14 I, LEGIARTI000044102681] [S for the 2017 additional volets]
inline constexpr int duree_maximale_annees = detail::duree_maximale_de(table_loi);
static_assert(duree_maximale_annees > 0,
              "the law table's versions disagree on the maximal term (duree_maximale): read it at each term's start");

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

// Whether the exclusive end `fin` is within five years of `debut` (debut + 5 years under the
// template's day policy). From 29 February that day is none under `stricte`; the limit is then
// read at each of the other policies (28 February at the earliest, 1 March at the latest): an
// end past every reading is out (CAQES-E004, E018), one within every reading is in, and one
// between them is `indecis`: the policy the template chose cannot say, which is CAQES-E023 (name
// another policy), never a pass: a limit that is no day must not let any end through.
enum class dans_cinq_ans : std::uint8_t { oui, non, indecis };

[[nodiscard]] constexpr dans_cinq_ans fin_dans_cinq_ans(ymd debut, ymd fin, politique_jour p) noexcept {
    if (!debut.ok() || !fin.ok()) return dans_cinq_ans::oui;  // CAQES-E001 reports the date itself
    const date_calculee limite = ajouter_annees(debut, duree_maximale_annees, p);
    if (limite.ok()) return fin <= limite.valeur ? dans_cinq_ans::oui : dans_cinq_ans::non;
    // A limit past the calendar's last year (ymd's range) bounds nothing a date can reach.
    if (limite.erreur != regle::date_calendaire_impossible) return dans_cinq_ans::oui;
    const ymd au_plus_tot = ajouter_annees(debut, duree_maximale_annees, politique_jour::fin_de_mois).valeur;
    const ymd au_plus_tard = ajouter_annees(debut, duree_maximale_annees, politique_jour::report).valeur;
    if (fin <= au_plus_tot) return dans_cinq_ans::oui;
    return fin <= au_plus_tard ? dans_cinq_ans::indecis : dans_cinq_ans::non;
}

// CAQES-E004: a bounded term is at most five calendar years. An explicit end is compared with
// debut + 5 years by calendar arithmetic: exactly five years passes, one day more fails. When
// that limit is no day under the policy (29 February + 5 years under `stricte`), an end past
// every reading of it fails, and one the readings disagree on is CAQES-E023 (`fin_calculable`).
[[nodiscard]] constexpr bool duree_au_plus_5_ans(const duree& t, ymd debut, politique_jour p) noexcept {
    switch (t.f) {
        case duree::forme::indeterminee:
            return true;
        case duree::forme::annees:
            return t.nombre_annees <= duree_maximale_annees;
        case duree::forme::fin_explicite:
            return fin_dans_cinq_ans(debut, t.fin, p) != dans_cinq_ans::non;
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

// CAQES-E023: the end of an N-year term is a real day under the chosen policy, and an explicit
// end is one the five-year limit can be checked against under it (`fin_dans_cinq_ans`).
[[nodiscard]] constexpr bool fin_calculable(const duree& t, ymd debut, politique_jour p) noexcept {
    if (t.f == duree::forme::fin_explicite) return fin_dans_cinq_ans(debut, t.fin, p) != dans_cinq_ans::indecis;
    return t.f != duree::forme::annees || !debut.ok() ||
           fin_du_terme(t, debut, p).erreur != regle::date_calendaire_impossible;
}

}  // namespace regles
}  // namespace caqes
