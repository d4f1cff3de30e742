#pragma once
// Volets per regime and the traits the law gives them (CAQES.md sections 2, 3 and 5).
#include <caqes/calendrier/periode.hpp>
#include <caqes/droit/reference.hpp>
#include <caqes/droit/regime.hpp>
#include <caqes/volet/issue.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace caqes {

enum class volet_id : std::uint8_t {
    // First generation, L.162-30-2 1 and 2 as applied by D.162-14 (2017).
    volet_socle,                   // bon usage des medicaments, produits et prestations (obligatoire)
    volet_transports,              // additionnel
    volet_pertinence,              // additionnel: pertinence des soins
    volet_amelioration_pratiques,  // additionnel (ex-CAPES)
    // Second generation, D.162-14 I 1 to 3 (2022): all incentive-based.
    volet_bon_usage,           // 1 bon usage des medicaments, des produits et prestations
    volet_organisation_soins,  // 2 organisation des soins, notamment les transports
    volet_pertinence_soins,    // 3 pertinence, with an optional L.162-30-4 part
    // Successor, L.162-23-14: one efficiency and appropriateness scheme.
    dispositif_efficience,
};

// The outcomes a volet may carry, from a date on: the successor's penalty exists only in the
// full version of L.162-23-14 (from 2027-01-01), the interim one has the allocation alone.
struct issues_datees {
    issues permises;
    periode depuis_quand;
};

struct volet_traits {
    volet_id id;
    regime_id regime;
    std::string_view nom;
    bool obligatoire;                               // CAQES-E007
    bool duree_indeterminee_permise;                // CAQES-E005
    bool duree_indeterminee_requise;                // CAQES-E052
    std::array<issues_datees, 2> issues_possibles;  // CAQES-E010
    reference_legale source;
};

inline constexpr std::array<volet_traits, 8> traits_volets{{
    // D.162-14 I (2017): the mandatory volet is concluded with every establishment; its term is
    // indefinite and ends with the regime: "Ce socle est conclu pour une duree indeterminee"
    // [S: FHF 2017], "Il est conclu pour une duree indeterminee" [S: ARS page], so a bounded
    // socle term is refused (CAQES-E052), not only allowed to be indefinite (CAQES-E005).
    // D.162-16 III 1 sanctions "pour chaque volet"; D.162-16 I provides incentives for
    // additional volets only; III 2 allows the liste en sus reduction for products breaches.
    {volet_id::volet_socle,
     regime_id::caqes_2017,
     "volet_socle",
     true,
     true,
     true,
     {{{sanction | minoration_liste_en_sus, periode{}}, {}}},
     {"CSS D.162-14 I; D.162-16 I and III", "LEGIARTI000034459834", "2017-04-23"}},
    // D.162-16 III 1 (2017): "soit une sanction ... soit un interessement" for additional volets.
    {volet_id::volet_transports,
     regime_id::caqes_2017,
     "volet_transports",
     false,
     false,
     false,
     {{{sanction | interessement, periode{}}, {}}},
     {"CSS D.162-14 I; D.162-16 III 1", "LEGIARTI000034459834", "2017-04-23"}},
    {volet_id::volet_pertinence,
     regime_id::caqes_2017,
     "volet_pertinence",
     false,
     false,
     false,
     {{{sanction | interessement, periode{}}, {}}},
     {"CSS D.162-14 I; D.162-16 III 1", "LEGIARTI000034459834", "2017-04-23"}},
    {volet_id::volet_amelioration_pratiques,
     regime_id::caqes_2017,
     "volet_amelioration_pratiques",
     false,
     false,
     false,
     {{{sanction | interessement, periode{}}, {}}},
     {"CSS D.162-14 I; D.162-16 III 1", "LEGIARTI000034459834", "2017-04-23"}},
    // D.162-14 I (2022): "volets incitatifs"; D.162-16 V: regional and national incentives.
    {volet_id::volet_bon_usage,
     regime_id::caqes_2022,
     "volet_bon_usage",
     false,
     false,
     false,
     {{{interessement, periode{}}, {}}},
     {"CSS D.162-14 I 1; D.162-16 V", "LEGIARTI000044102658", "2022-01-01"}},
    {volet_id::volet_organisation_soins,
     regime_id::caqes_2022,
     "volet_organisation_soins",
     false,
     false,
     false,
     {{{interessement, periode{}}, {}}},
     {"CSS D.162-14 I 2; D.162-16 V", "LEGIARTI000044102658", "2022-01-01"}},
    // D.162-14 I 3 and D.162-16 I 2 (2022): the pertinence volet may hold the L.162-30-4 part,
    // whose measures are a tariff cut and a liste en sus reduction.
    {volet_id::volet_pertinence_soins,
     regime_id::caqes_2022,
     "volet_pertinence_soins",
     false,
     false,
     false,
     {{{interessement | abattement_tarifaire | minoration_liste_en_sus, periode{}}, {}}},
     {"CSS D.162-14 I 3; D.162-16 I 2 and V; L.162-30-4", "LEGIARTI000044102658", "2022-01-01"}},
    // L.162-23-14: the interim version (2026) has the allocation only; the penalty comes with
    // the full version from 2027-01-01 [C: version dates; penalty wording S].
    // This is no volet of a contract: the scheme (successeur/dispositif.hpp) is evaluated through
    // a one-grid view that has no term (hence "indefinite", which E005 must let through).
    {volet_id::dispositif_efficience,
     regime_id::successeur_2026,
     "dispositif_efficience",
     false,
     true,
     false,
     {{{dotation_complementaire, periode::depuis(ymd{2026, 1, 1})}, {penalite, periode::depuis(ymd{2027, 1, 1})}}},
     {"CSS L.162-23-14", "LEGIARTI000053271346", "2026-01-01"}},
}};

[[nodiscard]] constexpr const volet_traits& traits(volet_id v) noexcept {
    return traits_volets[static_cast<std::size_t>(v)];
}

// The outcomes volet `v` may carry on day `jour`.
[[nodiscard]] constexpr issues issues_permises(volet_id v, ymd jour) noexcept {
    issues r{};
    for (const auto& d : traits(v).issues_possibles) {
        if (!d.permises.vide() && d.depuis_quand.contient(jour)) r = r | d.permises;
    }
    return r;
}

// The outcomes volet `v` may carry on some day from `jour` on.
[[nodiscard]] constexpr issues issues_permises_des(volet_id v, ymd jour) noexcept {
    issues r{};
    for (const auto& d : traits(v).issues_possibles) {
        if (!d.permises.vide() && jour < d.depuis_quand.fin) r = r | d.permises;
    }
    return r;
}

}  // namespace caqes
