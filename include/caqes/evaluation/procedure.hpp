#pragma once
// The procedure calendar of contracting and of the yearly evaluation, per regime.
//
// - Contracting (D.162-15): the establishment has 1 month (2017) or 3 weeks (2022) from the
//   receipt of the proposal to sign or to ask to be heard, then 15 days from the receipt of
//   the second notification.
// - Evaluation (D.162-16 III and IV, both versions): 1 month from the receipt of the
//   evaluation report for observations, extended to the hearing if one was asked in time; then
//   the ARS has 2 months to notify; then 15 days from the receipt of the notification.
// Each deadline is the last day to act, under the caller's `convention_delai` ([U]).
#include <caqes/calendrier/delai.hpp>
#include <caqes/droit/reference.hpp>
#include <caqes/droit/regime.hpp>

#include <optional>
#include <string_view>

namespace caqes {

struct echeance_procedure {
    std::string_view etape;
    date_calculee date{};
    reference_legale source{};
};

struct audition {
    std::optional<ymd> demandee_le{};
    std::optional<ymd> tenue_le{};
};

struct calendrier_contractualisation {
    echeance_procedure signature;            // sign, or ask to be heard
    echeance_procedure apres_notification;   // after the second notification (needs its receipt date)
};

[[nodiscard]] constexpr calendrier_contractualisation contractualisation(regime_id r, ymd reception_proposition,
                                                                         std::optional<ymd> reception_seconde_notification,
                                                                         convention_delai c, audition a = {}) noexcept {
    const bool premiere = r == regime_id::caqes_2017;
    const reference_legale src = premiere ? reference_legale{"CSS D.162-15", "LEGIARTI000034459846", "2017-04-23"}
                                          : reference_legale{"CSS D.162-15", "LEGIARTI000044102672", "2022-01-01"};
    calendrier_contractualisation cal{{"signature ou demande d'audition", echeance(reception_proposition, premiere ? un_mois : trois_semaines, c), src},
                                      {"apres seconde notification", {ymd{}, regle::date_inexistante}, src}};
    if (reception_seconde_notification) {
        cal.apres_notification.date = echeance(*reception_seconde_notification, quinze_jours, c);
        if (cal.apres_notification.date.ok()) {
            cal.apres_notification.date.valeur = prolonger_par_audition(cal.apres_notification.date.valeur, a.demandee_le, a.tenue_le);
        }
    }
    return cal;
}

struct calendrier_evaluation {
    echeance_procedure observations;       // 1 month, extended to the hearing
    echeance_procedure notification;       // the ARS notifies within 2 months after that
    echeance_procedure observations_finales;  // 15 days from the notification's receipt
};

[[nodiscard]] constexpr calendrier_evaluation evaluation_annuelle(regime_id r, ymd reception_rapport, convention_delai c,
                                                                  audition a = {},
                                                                  std::optional<ymd> reception_notification = {}) noexcept {
    const reference_legale src = r == regime_id::caqes_2017 ? reference_legale{"CSS D.162-16 III and IV", "LEGIARTI000034459834", "2017-04-23"}
                                                            : reference_legale{"CSS D.162-16 III and IV", "LEGIARTI000044102658", "2022-01-01"};
    calendrier_evaluation cal{{"observations sur le rapport d'evaluation", echeance(reception_rapport, un_mois, c), src},
                              {"notification par l'ARS", {ymd{}, regle::date_inexistante}, src},
                              {"observations sur la notification", {ymd{}, regle::date_inexistante}, src}};
    if (!cal.observations.date.ok()) return cal;
    cal.observations.date.valeur = prolonger_par_audition(cal.observations.date.valeur, a.demandee_le, a.tenue_le);
    // The two months run from the expiry of the observation period.
    cal.notification.date = echeance(cal.observations.date.valeur, deux_mois, c);
    if (reception_notification) cal.observations_finales.date = echeance(*reception_notification, quinze_jours, c);
    return cal;
}

}  // namespace caqes
