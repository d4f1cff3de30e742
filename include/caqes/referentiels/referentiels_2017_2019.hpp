#pragma once
// The first-generation national referentiel values, as dated parameters.
//
// Values: arrete of 2017-04-27 [C, partly read] and arrete of 2018-12-12 [C], as listed in
// CAQES.md section 2. Each version takes effect on its arrete's date and the last one runs to
// the end of the first-generation regime (2022-01-01); the arretes' own entry-into-force
// clauses were not read [S]. Values marked [U] in the domain file are absent, never guessed:
// a parameter without a 2017 value simply has no 2017 version. How the thresholds combine
// (and / or, strict or not) is [U] and belongs to each grid, not to this data.
#include <caqes/droit/parametre.hpp>
#include <caqes/mesure/nature.hpp>

namespace caqes::referentiels {

inline constexpr reference_legale arrete_2017_04_27{"arrete du 27 avril 2017 (referentiels CAQES)", "", "2017-04-27"};
inline constexpr reference_legale arrete_2018_12_12{"arrete du 12 decembre 2018 (referentiels CAQES)", "",
                                                    "2018-12-12"};

inline constexpr periode validite_2017{ymd{2017, 4, 27}, ymd{2018, 12, 12}};
inline constexpr periode validite_2019{ymd{2018, 12, 12}, ymd{2022, 1, 1}};

namespace donnees {
inline constexpr parametre_def<quantite<grandeur::taux_evolution>, 2> croissance_transports{
    "croissance des depenses de transports prescrits a l'hopital",
    {{{validite_2017, evolution_pourcent(22, 10), arrete_2017_04_27},
      {validite_2019, evolution_pourcent(22, 10), arrete_2018_12_12}}}};
inline constexpr parametre_def<quantite<grandeur::montant>, 2> montant_transports{
    "montant des depenses de transports prescrits",
    {{{validite_2017, montant_euros(500'000), arrete_2017_04_27},
      {validite_2019, montant_euros(500'000), arrete_2018_12_12}}}};
inline constexpr parametre_def<quantite<grandeur::taux_evolution>, 2> croissance_phmev_lpp{
    "croissance des PHMEV et LPP (prescriptions executees en ville)",
    {{{validite_2017, evolution_pourcent(4), arrete_2017_04_27},
      {validite_2019, evolution_pourcent(33, 10), arrete_2018_12_12}}}};
inline constexpr parametre_def<quantite<grandeur::taux_evolution>, 1> croissance_phmev_medicaments{
    "croissance des PHMEV de medicaments", {{{validite_2019, evolution_pourcent(32, 10), arrete_2018_12_12}}}};
inline constexpr parametre_def<quantite<grandeur::taux_evolution>, 1> croissance_phmev_lpp_seule{
    "croissance des PHMEV de produits et prestations (LPP)",
    {{{validite_2019, evolution_pourcent(36, 10), arrete_2018_12_12}}}};
inline constexpr parametre_def<quantite<grandeur::taux_evolution>, 1> croissance_liste_en_sus_specialites{
    "croissance de la liste en sus (specialites)", {{{validite_2019, evolution_pourcent(3), arrete_2018_12_12}}}};
inline constexpr parametre_def<quantite<grandeur::taux_evolution>, 1> croissance_liste_en_sus_lpp{
    "croissance de la liste en sus (LPP)", {{{validite_2019, evolution_pourcent(3), arrete_2018_12_12}}}};
inline constexpr parametre_def<quantite<grandeur::taux>, 1> taux_prescription_generiques{
    "taux de prescription dans le repertoire des generiques",
    {{{validite_2019, taux_pourcent(49), arrete_2018_12_12}}}};
}  // namespace donnees

// The checked parameters (CAQES-E001, E002 and E025 hold, or this header does not compile).
struct croissance_transports : parametre_date<donnees::croissance_transports> {};
struct montant_transports : parametre_date<donnees::montant_transports> {};
struct croissance_phmev_lpp : parametre_date<donnees::croissance_phmev_lpp> {};
struct croissance_phmev_medicaments : parametre_date<donnees::croissance_phmev_medicaments> {};
struct croissance_phmev_lpp_seule : parametre_date<donnees::croissance_phmev_lpp_seule> {};
struct croissance_liste_en_sus_specialites : parametre_date<donnees::croissance_liste_en_sus_specialites> {};
struct croissance_liste_en_sus_lpp : parametre_date<donnees::croissance_liste_en_sus_lpp> {};
struct taux_prescription_generiques : parametre_date<donnees::taux_prescription_generiques> {};

}  // namespace caqes::referentiels
