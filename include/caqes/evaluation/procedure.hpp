#pragma once
// The procedure calendar of contracting and of the yearly evaluation of a CAQES contract.
//
// Every deadline is read from the law table (droit/loi.hpp) at the day the caller names, with
// the version it comes from; none is written here:
// - contracting (D.162-15): 1 month (2017) or 3 weeks (2022) from the receipt of the proposal
//   to sign or to ask to be heard, then 15 days from the receipt of the second notification;
// - evaluation (D.162-16 III and IV): 1 month from the receipt of the evaluation report for
//   observations, extended to the hearing if one was asked in time; then the ARS has 2 months
//   to notify; then 15 days from the receipt of the notification.
// On a day when no version of the article is in force (before 2017-04-23, or from 2027-01-01
// when L.162-30-2 is repealed, LFSS 2026 art. 79), no deadline exists: the step says so. The
// successor scheme (L.162-23-14) and the contracts concluded before 2017-04-23 have no CAQES
// procedure: nothing here applies to them (successeur/dispositif.hpp, contrat/anterieur.hpp).
// Each deadline is the last day to act, under the caller's `convention_delai` ([U]).
#include <caqes/calendrier/delai.hpp>
#include <caqes/droit/loi.hpp>

#include <optional>
#include <string_view>

namespace caqes {

struct echeance_procedure {
    std::string_view etape;
    date_calculee date{};
    // The version of the law that sets the deadline, or null when none is in force on the day
    // of the rules (then `prevue` is false and `date` holds no day).
    const version_loi* loi{nullptr};
    bool prevue{false};
};

// The law's length of time as a deadline: months and days (a week is seven days).
[[nodiscard]] constexpr std::optional<delai> delai_legal(const valeur_legale& v) noexcept {
    if (!v.en_vigueur() || v.source->sorte != sorte_constante::duree || v.valeur.den != 1) return std::nullopt;
    const int n = static_cast<int>(v.valeur.num);
    switch (v.source->unite) {
        case unite_constante::annees:
            return delai{12 * n, 0};
        case unite_constante::mois:
            return delai{n, 0};
        case unite_constante::semaines:
            return delai{0, 7 * n};
        case unite_constante::jours:
            return delai{0, n};
        case unite_constante::part:
            break;
    }
    return std::nullopt;
}

namespace detail {

// The step `etape` whose deadline is constant `c` of article `a` on `jour_regles`, running from
// `depart` when the triggering receipt is known.
[[nodiscard]] constexpr echeance_procedure echeance_legale(
    std::string_view etape, article_loi a, constante_legale c, ymd jour_regles, std::optional<ymd> depart,
    convention_delai conv, calendrier_feries feries = calendrier_feries::national) noexcept {
    const valeur_legale v = constante_en_vigueur(a, c, jour_regles);
    const std::optional<delai> d = delai_legal(v);
    echeance_procedure e{etape, {ymd{}, regle::date_inexistante}, v.version, d.has_value()};
    if (d && depart) e.date = echeance(*depart, *d, conv, feries);
    return e;
}

}  // namespace detail

struct audition {
    std::optional<ymd> demandee_le{};
    std::optional<ymd> tenue_le{};
};

struct calendrier_contractualisation {
    echeance_procedure signature;           // sign, or ask to be heard
    echeance_procedure apres_notification;  // after the second notification (needs its receipt date)
};

// `jour_regles`: the day whose version of D.162-15 applies, usually the receipt of the
// proposal (which version governs is [U], CAQES.md section 1; the caller names the day).
[[nodiscard]] constexpr calendrier_contractualisation contractualisation(
    ymd jour_regles, ymd reception_proposition, std::optional<ymd> reception_seconde_notification, convention_delai c,
    audition a = {}) noexcept {
    calendrier_contractualisation cal{
        detail::echeance_legale("signature ou demande d'audition", article_loi::d162_15,
                                constante_legale::delai_signature, jour_regles, reception_proposition, c),
        detail::echeance_legale("apres seconde notification", article_loi::d162_15,
                                constante_legale::delai_seconde_proposition, jour_regles,
                                reception_seconde_notification, c)};
    if (cal.apres_notification.date.ok()) {
        cal.apres_notification.date.valeur =
            prolonger_par_audition(cal.apres_notification.date.valeur, a.demandee_le, a.tenue_le);
    }
    return cal;
}

struct calendrier_evaluation {
    echeance_procedure observations;          // 1 month, extended to the hearing
    echeance_procedure notification;          // the ARS notifies within 2 months after that
    echeance_procedure observations_finales;  // 15 days from the notification's receipt
};

// `jour_regles`: the day whose version of D.162-16 applies; for an evaluation, the date its
// version policy gives (`resultat_evaluation::regles.date`). `feries`: the public holidays a
// working-day convention skips, those of the establishment's department (Alsace-Moselle and
// the overseas departments have their own).
[[nodiscard]] constexpr calendrier_evaluation evaluation_annuelle(
    ymd jour_regles, ymd reception_rapport, convention_delai c, audition a = {},
    std::optional<ymd> reception_notification = {}, calendrier_feries feries = calendrier_feries::national) noexcept {
    calendrier_evaluation cal{
        detail::echeance_legale("observations sur le rapport d'evaluation", article_loi::d162_16,
                                constante_legale::delai_observations, jour_regles, reception_rapport, c, feries),
        detail::echeance_legale("notification par l'ARS", article_loi::d162_16, constante_legale::delai_notification,
                                jour_regles, std::nullopt, c, feries),
        detail::echeance_legale("observations sur la notification", article_loi::d162_16,
                                constante_legale::delai_observations_finales, jour_regles, reception_notification, c,
                                feries)};
    if (!cal.observations.date.ok()) return cal;
    cal.observations.date.valeur = prolonger_par_audition(cal.observations.date.valeur, a.demandee_le, a.tenue_le);
    // The two months run from the expiry of the observation period.
    cal.notification =
        detail::echeance_legale(cal.notification.etape, article_loi::d162_16, constante_legale::delai_notification,
                                jour_regles, cal.observations.date.valeur, c, feries);
    return cal;
}

}  // namespace caqes
