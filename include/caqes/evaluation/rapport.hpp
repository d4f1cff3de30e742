#pragma once
// The yearly report (rapport d'autoevaluation): one establishment, one exercise year, one
// contract template (D.162-16 II, both versions: a yearly evaluation on the data available).
#include <caqes/calendrier/date.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/monnaie/centimes.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace caqes {

// At most four volets per contract: the first generation has four, the second three.
inline constexpr std::size_t volets_max = 4;

// The L.162-30-4 part of the second-generation pertinence volet.
struct donnees_l162_30_4 {
    ymd saisine{};                          // referral by the ARS (L.162-30-3 al. 3)
    std::int64_t actes_realises{0};         // acts of the exercise year
    std::int64_t actes_cible{0};            // yearly target of the volet
    std::int64_t actes_annee_precedente{0}; // for the 70 % floor of L.162-30-3
    centimes tarif_national_moyen{0};       // rate base of the tariff cut, per act
    centimes part_liste_en_sus{0};          // rate base of the liste en sus reduction
};

struct rapport_annuel {
    int exercice{0};       // the evaluated calendar year
    int annee_contrat{1};  // 1 for the first year of the contract
    ymd date_evaluation{}; // when the ARS evaluates (the two years of L.162-30-4 run to it)
    // Produits recus des regimes obligatoires d'assurance maladie of the last closed financial
    // year: the base of every cap (D.162-16 III 1; L.162-30-2). Which year is "last closed" at
    // the decision date is the user's input.
    centimes produits_assurance_maladie{0};
    // One entry per indicator of the template, volet by volet in template order.
    std::span<const valeurs_indicateur> valeurs{};
    // Savings observed per volet (economies constatees), signed; index = volet in template order.
    std::array<centimes, volets_max> economies{};
    // Final decisions notified by the ARS, recorded beside the proposals (D.162-16 IV: the ARS
    // "peut" sanction, and may decide not to).
    std::array<std::optional<centimes>, volets_max> decisions{};
    std::optional<donnees_l162_30_4> l162_30_4{};
};

}  // namespace caqes
