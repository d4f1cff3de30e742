#pragma once
// IWYU pragma: private, include "caqes/contrat/modele.hpp"
// The compile-time checkers of the template rules, one per rule, each instantiated with the
// place where its rule is first broken.
//
// A static_assert message must be a string literal in C++20, so it cannot print a location
// computed from the template. The location travels instead as the checker's template
// argument: g++ prints it in "In instantiation of 'struct caqes::enfreinte<...>'" and clang in
// the requirement of the error line itself, both in the first error block. Each message is the
// catalogue's text, `CAQES-Ennn: <titre> (<source>)`, an optional hint after "; ", and ends with
// its anchor in docs/diagnostics.md; the test `docs.static_assert_messages` compares every
// message with the catalogue (tools/check_messages.py).
#include <caqes/droit/regle.hpp>
#include <caqes/volet/volet.hpp>

namespace caqes {

// Where a rule is broken, as types whose names the compiler prints.
namespace lieu {

// The rule holds: the checker passes.
struct aucun {
    static constexpr bool respecte = true;
};
// The template's own fields: regime, window, scope, transition policy, its list of volets.
struct modele {
    static constexpr bool respecte = false;
};
// The volet at index `Rang` of the template's `volets`.
template <int Rang, volet_id Volet>
struct volet {
    static constexpr bool respecte = false;
};
// The indicator at index `Rang` of that volet's `grille`, with its code.
template <class Volet, int Rang, char... Code>
struct indicateur {
    static constexpr bool respecte = false;
};

// A field of an evaluation parameter set (`champ_parametre`, evaluation/parametres.hpp), with
// its index when it is in a list (-1 otherwise): `parametres_conformes<P>` checks them.
template <auto Champ, int Rang>
struct parametre {
    static constexpr bool respecte = false;
};

}  // namespace lieu

// One specialisation per rule checked at compile time by `modele_contrat` (and by
// `dispositif_efficience`, which checks its view with the same rules), and by
// `parametres_conformes` for a parameter set.
template <regle R, class Lieu>
struct enfreinte;

template <class L>
struct enfreinte<regle::hors_caqes, L> {
    static_assert(L::respecte,
                  "CAQES-E043: a contract template names a regime that concludes no CAQES: the successor is a "
                  "dispositif_efficience_def, an earlier contract a contrat_anterieur_def (L.162-23-14 "
                  "(LEGIARTI000053271346: a scheme of the law, no contract); decret 2017-584 art. 2 (earlier "
                  "contracts)); see docs/diagnostics.md#caqes-e043");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::date_inexistante, L> {
    static_assert(L::respecte,
                  "CAQES-E001: a date is not a real calendar date (calendar (date library); every dated rule); "
                  "see docs/diagnostics.md#caqes-e001");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::periode_vide, L> {
    static_assert(L::respecte,
                  "CAQES-E002: a period [from, to) is empty or inverted (half-open periods of every dated "
                  "text); see docs/diagnostics.md#caqes-e002");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::debut_hors_regime, L> {
    static_assert(L::respecte,
                  "CAQES-E003: the start lies outside the regime's window (decret 2017-584 art. 2; D.162-14..16 "
                  "version dates (LEGIARTI000034459855, LEGIARTI000044102681); LFSS 2026 art. 79); see "
                  "docs/diagnostics.md#caqes-e003");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::duree_superieure_5_ans, L> {
    static_assert(L::respecte,
                  "CAQES-E004: a bounded term exceeds five years (L.162-30-2 (LEGIARTI000041398036, from 2019-12-28); "
                  "D.162-14 I (LEGIARTI000044102681, 2022-01-01); [S: FHF 2017] for the first generation's additional "
                  "volets before them); see docs/diagnostics.md#caqes-e004");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::duree_indeterminee_interdite, L> {
    static_assert(L::respecte,
                  "CAQES-E005: only the first-generation socle may have an indefinite term (D.162-14 I "
                  "(LEGIARTI000034459855, 2017-04-23) [S: FHF, ANFH, ARS]); see docs/diagnostics.md#caqes-e005");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::transition_non_choisie, L> {
    static_assert(L::respecte,
                  "CAQES-E006: a term or the template's window runs past its regime's end and no transition "
                  "policy is named (regime ends: D.162-14..16 version dates (2022-01-01), LFSS 2026 art. 79 "
                  "(2027-01-01); transition: LFSS 2026 (loi 2025-1403) art. 79 III [U]); name a "
                  "politique_transition; see docs/diagnostics.md#caqes-e006");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::volet_obligatoire, L> {
    static_assert(L::respecte,
                  "CAQES-E007: the mandatory volet must be present exactly once (at least one volet otherwise) "
                  "(D.162-14 I (LEGIARTI000034459855, 2017-04-23); D.162-14 I (LEGIARTI000044102681, "
                  "2022-01-01)); see docs/diagnostics.md#caqes-e007");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::volet_en_double, L> {
    static_assert(L::respecte,
                  "CAQES-E008: a volet appears twice in one contract (D.162-14 I; D.162-15 (each volet once per "
                  "contract)); see docs/diagnostics.md#caqes-e008");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::volet_hors_regime, L> {
    static_assert(L::respecte,
                  "CAQES-E009: the volet does not exist in this regime (L.162-30-2 1 and 2 (2017); D.162-14 I 1 "
                  "to 3 (2022); L.162-23-14 (successor)); see docs/diagnostics.md#caqes-e009");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::issue_non_permise, L> {
    static_assert(L::respecte,
                  "CAQES-E010: an outcome clause is not allowed for this volet in this regime (D.162-16 I and "
                  "III (LEGIARTI000034459834); D.162-16 V (LEGIARTI000044102658); L.162-30-4; L.162-23-14); see "
                  "docs/diagnostics.md#caqes-e010");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::indicateur_en_double, L> {
    static_assert(L::respecte,
                  "CAQES-E011: two indicators share one id (D.162-16 I (one obligation, one evaluation)); see "
                  "docs/diagnostics.md#caqes-e011");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::indicateur_hors_validite, L> {
    static_assert(L::respecte,
                  "CAQES-E012: an indicator is used outside its validity period (arretes of 2017-04-27, "
                  "2018-12-12 and 2022-02-23 (dated referentiels)); see docs/diagnostics.md#caqes-e012");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::indicateur_hors_perimetre, L> {
    static_assert(L::respecte,
                  "CAQES-E013: an indicator applies to no activity of the template's scope (L.162-22 1 to 4 "
                  "(LEGIARTI000048702956)); see docs/diagnostics.md#caqes-e013");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::unite_incoherente, L> {
    static_assert(L::respecte,
                  "CAQES-E014: a comparison mixes two kinds of measure (arrete of 2022-02-23, annex (each "
                  "referentiel compares one measure with a threshold of the same unit)); see "
                  "docs/diagnostics.md#caqes-e014");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::referentiel_mal_forme, L> {
    static_assert(L::respecte,
                  "CAQES-E015: a referentiel or target names an unknown measure, is empty, or has a threshold "
                  "outside its kind (L.162-30-3 (referentiels in volume or spending); arrete of 2022-02-23); "
                  "see docs/diagnostics.md#caqes-e015");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::origine_sans_source, L> {
    static_assert(L::respecte,
                  "CAQES-E016: a national indicator cites no arrete, or a regional one lacks a body its regime "
                  "requires (D.162-14 II 1 and 2 (LEGIARTI000044102681, 2022-01-01): directeur general de "
                  "l'ARS; L.162-30-3; 2017: ARS, assurance maladie, OMEDIT en concertation avec les federations "
                  "[S: ARS page]); see docs/diagnostics.md#caqes-e016");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::poids_non_positif, L> {
    static_assert(L::respecte,
                  "CAQES-E017: an indicator's weight is not positive (D.162-16 I 2 (2017): complementary "
                  "obligations weight the level of the outcome); see docs/diagnostics.md#caqes-e017");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::contrat_superieur_5_ans, L> {
    static_assert(L::respecte,
                  "CAQES-E018: a second-generation contract as a whole exceeds five years (D.162-14 I "
                  "(LEGIARTI000044102681, 2022-01-01): le contrat est conclu pour une duree maximale de cinq "
                  "ans); see docs/diagnostics.md#caqes-e018");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::perimetre_hors_regime, L> {
    static_assert(L::respecte,
                  "CAQES-E019: the template's scope of activities is empty or outside the regime's (L.162-23-14 "
                  "(LEGIARTI000053271346): activities 1, 2 and 4 of L.162-22); see "
                  "docs/diagnostics.md#caqes-e019");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::date_calendaire_impossible, L> {
    static_assert(L::respecte,
                  "CAQES-E023: calendar arithmetic gave a day that does not exist and no policy was named "
                  "(calendar arithmetic; Code de procedure civile art. 641-642 as an optional convention [U]); "
                  "name a politique_jour (fin_de_mois, report, premier_mois_suivant); see "
                  "docs/diagnostics.md#caqes-e023");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::code_indicateur_en_double, L> {
    static_assert(L::respecte,
                  "CAQES-E033: two indicators of the template share one code (D.162-16 I 1 (each obligation is "
                  "reported and evaluated once; reports name indicators by code)); see "
                  "docs/diagnostics.md#caqes-e033");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::socle_duree_bornee, L> {
    static_assert(L::respecte,
                  "CAQES-E052: the first-generation socle has a bounded term: it is concluded for an indefinite "
                  "term (D.162-14 I (LEGIARTI000034459855, 2017-04-23); [S: FHF 2017 and ARS page: conclu pour "
                  "une duree indeterminee]); see docs/diagnostics.md#caqes-e052");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::paliers_desordonnes, L> {
    static_assert(L::respecte,
                  "CAQES-E034: sanction steps are not in increasing score order with non-increasing rates "
                  "(D.162-16 III 1 (LEGIARTI000034459834): the sanction follows the level of non-achievement); "
                  "see docs/diagnostics.md#caqes-e034");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::parametre_hors_domaine, L> {
    static_assert(L::respecte,
                  "CAQES-E046: an evaluation parameter lies outside what it means: a rate, a share or a score "
                  "threshold outside [0, 1], or a negative amount (D.162-16 III and V, L.162-30-4, L.162-23-14 "
                  "(rates and shares of a base; scores are shares of the points); D.162-16 III 1 (\"soit une "
                  "sanction ... soit un interessement\": an incentive is not negative)); see "
                  "docs/diagnostics.md#caqes-e046");
    static constexpr bool verifiee = true;
};

template <class L>
struct enfreinte<regle::parametre_hors_la_loi, L> {
    static_assert(L::respecte,
                  "CAQES-E050: a user rate exceeds the legal limit of the article that bounds it (D.162-16 III "
                  "1 and 2 (LEGIARTI000034459834): 1 % per volet, 30 % of savings, 30 % liste en sus; "
                  "L.162-30-4 (LEGIARTI000041398020, LEGIARTI000042685227, LEGIARTI000048702783): 50 %; "
                  "L.162-23-14 from 2027 [S]: 2 %); see docs/diagnostics.md#caqes-e050");
    static constexpr bool verifiee = true;
};

}  // namespace caqes
