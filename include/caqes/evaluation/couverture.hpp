#pragma once
// Contract time at evaluation: whether a volet's effective term covers the evaluated exercise.
//
// D.162-16 II evaluates each year the contract's execution: a volet is evaluated for an
// exercise only while its term runs (its own start for a volet added by avenant, D.162-15; its
// end after the template's transition policy, CAQES-E006). How an exercise that the term
// covers only in part counts is not written in the law [U]: it is a named policy, its default
// documented (docs/evaluation.md) and shown in every output.
#include <caqes/calendrier/date.hpp>
#include <caqes/calendrier/periode.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <cstdint>
#include <string_view>

namespace caqes {

// [U] How an exercise the volet's term covers only in part counts.
enum class politique_annee_partielle : std::uint8_t {
    tout_jour_compte,  // default: one day in force makes the volet evaluated for the whole year
    annee_entiere,     // only an exercise the term covers from 1 January to 31 December
    prorata_temporis,  // evaluated, every amount scaled by the days in force over the year's days
};

[[nodiscard]] constexpr std::string_view nom(politique_annee_partielle p) noexcept {
    switch (p) {
        case politique_annee_partielle::tout_jour_compte:
            return "tout_jour_compte";
        case politique_annee_partielle::annee_entiere:
            return "annee_entiere";
        case politique_annee_partielle::prorata_temporis:
            return "prorata_temporis";
    }
    return "";
}

// One volet's term against one exercise year.
struct couverture_volet {
    periode terme{};        // the effective term, after the transition policy
    std::int32_t jours{0};  // days of the exercise inside the term
    std::int32_t jours_annee{0};
    bool evalue{false};               // the policy evaluates the volet for this exercise
    bool transition_signalee{false};  // kept past its regime's end (maintien_signale)

    [[nodiscard]] constexpr bool partielle() const noexcept { return jours > 0 && jours < jours_annee; }
    // The share of each amount the policy keeps: 1, or days in force / days of the year.
    [[nodiscard]] constexpr fraction part(politique_annee_partielle p) const noexcept {
        if (p == politique_annee_partielle::prorata_temporis && partielle()) return fraction{jours, jours_annee};
        return fraction{1, 1};
    }
};

[[nodiscard]] constexpr std::int32_t jours_entre(ymd debut, ymd fin) noexcept { return fin.serie() - debut.serie(); }

// The coverage of exercise `exercice` by `terme` under policy `p`.
[[nodiscard]] constexpr couverture_volet couvrir(periode terme, int exercice, politique_annee_partielle p,
                                                 bool transition_signalee = false) noexcept {
    const periode annee{ymd{exercice, 1, 1}, ymd{exercice + 1, 1, 1}};
    couverture_volet c{
        .terme = terme, .jours_annee = jours_entre(annee.debut, annee.fin), .transition_signalee = transition_signalee};
    if (terme.chevauche(annee)) {
        const ymd debut = terme.debut < annee.debut ? annee.debut : terme.debut;
        const ymd fin = annee.fin < terme.fin ? annee.fin : terme.fin;
        c.jours = jours_entre(debut, fin);
    }
    c.evalue = p == politique_annee_partielle::annee_entiere ? c.jours == c.jours_annee : c.jours > 0;
    return c;
}

}  // namespace caqes
