#pragma once
// Deadlines: "un mois", "trois semaines", "quinze jours" from a receipt date.
//
// How these administrative deadlines are counted is [U]. The toolkit offers the conventions
// side by side and the caller names one:
// - stricte, fin_de_mois, report, premier_mois_suivant: the day policies of calendrier/arithmetique.hpp, applied to
//   the month part; a deadline is the last day on which the act can be done;
// - procedure_civile: Code de procedure civile art. 641 (a month deadline expires on the day
//   of the same number, or the last day of the month when there is none; the triggering day
//   does not count in a day deadline) and art. 642 (a deadline that would expire on a
//   Saturday, Sunday or public holiday is extended to the next working day).
#include <caqes/calendrier/arithmetique.hpp>
#include <caqes/calendrier/jours_feries.hpp>

#include <cstdint>
#include <optional>

namespace caqes {

struct delai {
    int mois{0};
    int jours{0};
};

inline constexpr delai un_mois{1, 0};
inline constexpr delai deux_mois{2, 0};
inline constexpr delai trois_semaines{0, 21};
inline constexpr delai quinze_jours{0, 15};

enum class convention_delai : std::uint8_t { stricte, fin_de_mois, report, premier_mois_suivant, procedure_civile };

// The last day of a deadline running from `depart` (the receipt date).
[[nodiscard]] constexpr date_calculee echeance(ymd depart, delai d, convention_delai c,
                                               calendrier_feries cal = calendrier_feries::national) noexcept {
    const politique_jour p = c == convention_delai::stricte                ? politique_jour::stricte
                             : c == convention_delai::report               ? politique_jour::report
                             : c == convention_delai::premier_mois_suivant ? politique_jour::premier_mois_suivant
                                                                           : politique_jour::fin_de_mois;
    date_calculee r = ajouter_mois(depart, d.mois, p);
    if (!r.ok()) return r;
    r.valeur = ajouter_jours(r.valeur, d.jours);
    if (c == convention_delai::procedure_civile) {
        while (!est_jour_ouvrable(r.valeur, cal))
            r.valeur = ajouter_jours(r.valeur, 1);
    }
    return r;
}

// D.162-15 and D.162-16 III: "le delai ... est prolonge jusqu'a l'audition de l'etablissement
// si elle a ete demandee avant l'expiration de ce delai". A request made on or before the
// last day extends the deadline to the hearing; a late request changes nothing.
[[nodiscard]] constexpr ymd prolonger_par_audition(ymd echeance_, std::optional<ymd> demande,
                                                   std::optional<ymd> audition) noexcept {
    if (!demande || !audition || *demande > echeance_) return echeance_;
    return *audition > echeance_ ? *audition : echeance_;
}

}  // namespace caqes
