#pragma once
// The four regimes and their dated windows (CAQES.md section 1).
//
// A regime is dated by the D-articles that were actually applied, not by the wording date of
// L.162-30-2: the 2019-12-28 wording changed nothing in the contracts until D.162-14..16 changed
// on 2022-01-01. Each regime has two dates:
// - `conclusion`: when a contract of this regime may start (CAQES-E003);
// - `fin_effets`: when its contracts stop producing effects, which bounds every term
//   (CAQES-E006 asks for a transition policy past it).
#include <caqes/calendrier/periode.hpp>
#include <caqes/droit/activite.hpp>
#include <caqes/droit/reference.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace caqes {

enum class regime_id : std::uint8_t {
    contrats_anterieurs,  // CBU, CAQOS, CAPES, contrat de pertinence
    caqes_2017,           // first generation
    caqes_2022,           // second generation (CAQES renove)
    successeur_2026,      // L.162-23-14, not a CAQES
};

struct regime_desc {
    regime_id id;
    std::string_view nom;
    periode conclusion;   // [from, to): a contract's start must lie here
    ymd fin_effets;       // contracts of the regime produce no effect from this day on
    activites perimetre;  // activities a template of this regime may cover
    reference_legale base;
};

// Named types for the regimes, so that a template's regime is a type (`modele::regime`) and
// diagnostics print `caqes::caqes_2017`, not an enumerator.
struct contrats_anterieurs {
    // Concluded before 2017-04-23 (the day after the publication of decret 2017-584 on
    // 2017-04-22); effects end on 2017-12-31, void from 2018-01-01.
    // [C: decret 2017-584 art. 2; NOTA of L.162-22-7, LEGIARTI000041397219]
    static constexpr regime_desc desc{
        regime_id::contrats_anterieurs,
        "contrats anterieurs (CBU, CAQOS, CAPES, pertinence)",
        periode::jusqu_a(ymd{2017, 4, 23}),
        ymd{2018, 1, 1},
        toutes_activites,
        reference_legale{"decret 2017-584 art. 2; CSS L.162-22-7 NOTA", "LEGIARTI000041397219", "2019-12-28"}};
};

struct caqes_2017 {
    // Concluded from 2017-04-23; D.162-14..16 in their 2017 versions stay in force until
    // 2022-01-01. Every establishment is concerned [S], hence all four activities.
    // [C: D.162-14 LEGIARTI000034459855 and D.162-16 LEGIARTI000034459834 version dates]
    static constexpr regime_desc desc{
        regime_id::caqes_2017,
        "CAQES premiere generation",
        periode{ymd{2017, 4, 23}, ymd{2022, 1, 1}},
        ymd{2022, 1, 1},
        toutes_activites,
        reference_legale{"CSS D.162-14 a D.162-16 (decret 2017-584)", "LEGIARTI000034459855", "2017-04-23"}};
};

struct caqes_2022 {
    // Rules from 2022-01-01 (decret 2021-1231); L.162-30-2 and L.162-30-4 are repealed from
    // 2027-01-01. [C: D.162-14 LEGIARTI000044102681; LFSS 2026 art. 79]
    static constexpr regime_desc desc{regime_id::caqes_2022,
                                      "CAQES deuxieme generation",
                                      periode{ymd{2022, 1, 1}, ymd{2027, 1, 1}},
                                      ymd{2027, 1, 1},
                                      toutes_activites,
                                      reference_legale{"CSS L.162-30-2; D.162-14 a D.162-16 (decret 2021-1231)",
                                                       "LEGIARTI000044102681", "2022-01-01"}};
};

struct successeur_2026 {
    // L.162-23-14: interim version from 2026-01-01, full version from 2027-01-01; only
    // activities 1, 2 and 4 of L.162-22 are concerned (USLD is not). [C: LEGIARTI000053271346]
    static constexpr regime_desc desc{
        regime_id::successeur_2026,
        "dispositif L.162-23-14 (successeur)",
        periode::depuis(ymd{2026, 1, 1}),
        fin_des_temps,
        activite_mco | activite_psychiatrie | activite_smr,
        reference_legale{"CSS L.162-23-14 (loi 2025-1403 art. 79)", "LEGIARTI000053271346", "2026-01-01"}};
};

inline constexpr std::array<regime_desc, 4> regimes{
    {contrats_anterieurs::desc, caqes_2017::desc, caqes_2022::desc, successeur_2026::desc}};

[[nodiscard]] constexpr const regime_desc& decrire(regime_id r) noexcept {
    return regimes[static_cast<std::size_t>(r)];
}

// CAQES-E043: only the two CAQES generations conclude contracts. The successor is a scheme of
// the law (L.162-23-14, LEGIARTI000053271346: establishments "sont interesses"), the earlier
// contracts are their own kind (decret 2017-584 art. 2).
[[nodiscard]] constexpr bool conclut_des_caqes(regime_id r) noexcept {
    return r == regime_id::caqes_2017 || r == regime_id::caqes_2022;
}

// From an id to its named type, for templates that carry the id as data.
template <regime_id R>
struct regime_type;
template <>
struct regime_type<regime_id::contrats_anterieurs> {
    using type = contrats_anterieurs;
};
template <>
struct regime_type<regime_id::caqes_2017> {
    using type = caqes_2017;
};
template <>
struct regime_type<regime_id::caqes_2022> {
    using type = caqes_2022;
};
template <>
struct regime_type<regime_id::successeur_2026> {
    using type = successeur_2026;
};
template <regime_id R>
using regime_type_t = typename regime_type<R>::type;

// The regime whose rules govern a contract starting on `jour`: the one whose window holds it.
// During 2026 a second-generation contract and the interim successor coexist; a start in 2026
// is a second-generation start (CAQES.md section 1), the successor being no CAQES contract.
[[nodiscard]] constexpr regime_id regime_du_debut(ymd jour) noexcept {
    for (const auto& r : regimes) {
        if (r.conclusion.contient(jour)) return r.id;
    }
    return regime_id::successeur_2026;
}

// Which version of the rules governs an evaluation is [U] (CAQES.md section 1): the contract's
// start, the exercise year or the evaluation date. It matters for exercise 2021 evaluated in
// 2022, for instance. The default is the regime of the contract.
enum class version_applicable : std::uint8_t {
    regime_du_contrat,  // default: the rules the contract was concluded under
    annee_exercice,     // the rules in force on 1 January of the exercise year
    date_evaluation,    // the rules in force on the day of the evaluation
};

[[nodiscard]] constexpr regime_id regime_applicable(version_applicable v, regime_id du_contrat, int exercice,
                                                    ymd date_evaluation) noexcept {
    switch (v) {
        case version_applicable::regime_du_contrat:
            return du_contrat;
        case version_applicable::annee_exercice:
            return regime_du_debut(ymd{exercice, 1, 1});
        case version_applicable::date_evaluation:
            return regime_du_debut(date_evaluation);
    }
    return du_contrat;
}

// The day whose versions of the law govern an evaluation under policy `v` (droit/loi.hpp looks
// every constant up at this day):
// - regime_du_contrat: 1 January of the exercise year, brought inside the period where the
//   contract's regime produces effects (its first start day for exercise 2017, its last day of
//   effects past its end), so that the rules the contract was concluded under apply;
// - annee_exercice: 1 January of the exercise year;
// - date_evaluation: the day of the evaluation.
[[nodiscard]] constexpr ymd date_des_regles(version_applicable v, regime_id du_contrat, int exercice,
                                            ymd date_evaluation) noexcept {
    const ymd debut_annee{exercice, 1, 1};
    switch (v) {
        case version_applicable::regime_du_contrat: {
            const regime_desc& r = decrire(du_contrat);
            if (debut_annee < r.conclusion.debut) return r.conclusion.debut;
            if (!(debut_annee < r.fin_effets)) return veille(r.fin_effets);
            return debut_annee;
        }
        case version_applicable::annee_exercice:
            return debut_annee;
        case version_applicable::date_evaluation:
            return date_evaluation;
    }
    return debut_annee;
}

inline constexpr std::array<version_applicable, 3> politiques_de_version{
    {version_applicable::regime_du_contrat, version_applicable::annee_exercice, version_applicable::date_evaluation}};

[[nodiscard]] constexpr std::string_view nom(version_applicable v) noexcept {
    switch (v) {
        case version_applicable::regime_du_contrat:
            return "regime_du_contrat";
        case version_applicable::annee_exercice:
            return "annee_exercice";
        case version_applicable::date_evaluation:
            return "date_evaluation";
    }
    return "";
}

// Policy for a term that runs past its regime's `fin_effets` (CAQES-E006). The transitional
// clause of LFSS 2026 art. 79 III was not read [U], so the template must choose.
enum class politique_transition : std::uint8_t {
    non_choisie,       // default: a term past the regime's end is an error
    arret_fin_regime,  // the term stops at the regime's end
    maintien_signale,  // the term is kept as signed, and flagged in every output
};

}  // namespace caqes
