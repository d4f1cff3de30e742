#pragma once
// A contract instance: one establishment's contract under a template, with its parties,
// dates and avenants. Checked at run time only.
#include <caqes/calendrier/date.hpp>
#include <caqes/contrat/etablissement.hpp>
#include <caqes/contrat/modele.hpp>

#include <optional>
#include <vector>

namespace caqes {

// An amendment. D.162-15: the contract's procedure applies to avenants in the same way. A
// volet added by avenant carries its own dates (its `debut`, or the avenant's signature).
// An avenant either adds a volet of its own (`volet_ajoute`) or brings in one of the
// template's volets (`volet_du_modele`): an ARS grid defines every volet it may contract, and
// an establishment signs some of them later (the 2017 additional volets, signed where the
// establishment is targeted). Such a volet is part of the contract only from the avenant on.
struct avenant {
    ymd signature{};
    std::optional<volet_modele> volet_ajoute{};
    std::optional<volet_id> volet_du_modele{};
};

struct contrat_instance {
    etablissement etab;
    parties_contrat parties;
    ymd reception_proposition{};  // receipt of the ARS proposal (D.162-15)
    ymd signature{};
    ymd debut_effet{};
    std::vector<avenant> avenants;
};

// The day an avenant's volets take effect when they name none: its signature, or the contract's
// start when it was signed before the contract took effect (an avenant amends the contract in
// force, D.162-15).
[[nodiscard]] constexpr ymd debut_avenant(const avenant& a, const contrat_instance& c) noexcept {
    return a.signature < c.debut_effet ? c.debut_effet : a.signature;
}

// The volets of a contract: the template's, then each avenant's, starting on its own date or,
// failing that, on `debut_avenant` (D.162-15). A template volet an avenant brings in starts on
// `debut_avenant`, or on its own start if that is later. An avenant signed on an impossible day
// adds nothing (validate(m, c) reports it, CAQES-E001).
[[nodiscard]] inline std::vector<volet_modele> volets_du_contrat(const modele_contrat_def& m,
                                                                 const contrat_instance& c) {
    std::vector<volet_modele> volets(m.volets.begin(), m.volets.end());
    for (const avenant& a : c.avenants) {
        if (!a.signature.ok() || !a.volet_du_modele) continue;
        const ymd debut = debut_avenant(a, c);
        for (volet_modele& v : volets) {
            if (v.volet == *a.volet_du_modele && (!v.debut || *v.debut < debut)) v.debut = debut;
        }
    }
    for (const avenant& a : c.avenants) {
        if (!a.signature.ok() || !a.volet_ajoute) continue;
        volet_modele v = *a.volet_ajoute;
        if (!v.debut) v.debut = debut_avenant(a, c);
        volets.push_back(v);
    }
    return volets;
}

namespace regles {

// CAQES-E021: the dates of an instance follow each other and lie in the template's windows:
// received <= signed <= in effect, the start inside the template's window, and every avenant
// signed after the contract while the regime still produces effects.
[[nodiscard]] constexpr bool dates_ordonnees(ymd reception, ymd signature, ymd debut_effet) noexcept {
    return reception <= signature && signature <= debut_effet;
}
[[nodiscard]] constexpr bool debut_dans_fenetre(const modele_contrat_def& m, ymd debut_effet) noexcept {
    return m.fenetre.contient(debut_effet);
}
// CAQES-E021: a first-generation CAQES is concluded from 2017-04-23 on. Decret 2017-584 art. 2
// dates the regime by conclusion: a contract concluded before "le lendemain de la date de
// publication" (2017-04-22) is an earlier contract (contrat/anterieur.hpp), not a CAQES, even
// when it takes effect later. Only the first generation: whether a 2022 contract may be signed
// before 2022-01-01, to take effect on that day, the texts this toolkit sources do not settle, so
// it is not refused.
[[nodiscard]] constexpr bool signature_dans_regime(const modele_contrat_def& m, ymd signature) noexcept {
    return m.regime != regime_id::caqes_2017 || decrire(m.regime).conclusion.debut <= signature;
}
// CAQES-E021: a volet an avenant adds takes effect once the avenant is concluded, and not
// before the contract itself (D.162-15: an avenant follows the contract's procedure, which ends
// with its signature): else it would be evaluated for exercises before it existed. Its own
// start, when it gives one, is checked; without one it starts on `debut_avenant`.
[[nodiscard]] constexpr bool volet_ajoute_apres_avenant(const avenant& a, ymd debut_effet) noexcept {
    if (!a.volet_ajoute || !a.volet_ajoute->debut || !a.volet_ajoute->debut->ok()) return true;
    const ymd debut = *a.volet_ajoute->debut;
    return a.signature <= debut && debut_effet <= debut;
}
// CAQES-E021 for a template's volet with a start of its own (a volet the template plans to come
// later, D.162-15): it takes effect within the contract, not before the contract's start, else it
// would be evaluated for exercises before the contract existed (D.162-16 II evaluates the
// contract in force). Without a start of its own it starts with the contract.
[[nodiscard]] constexpr bool volet_du_modele_apres_debut(const volet_modele& v, ymd debut_effet) noexcept {
    return !v.debut || !v.debut->ok() || debut_effet <= *v.debut;
}
// CAQES-E065: an avenant brings in a volet the template has, and no volet is brought twice
// (D.162-14 I: each volet once per contract).
[[nodiscard]] inline bool avenant_volet_du_modele(const modele_contrat_def& m, const std::vector<avenant>& avenants,
                                                  std::size_t i) noexcept {
    const std::optional<volet_id> v = avenants[i].volet_du_modele;
    if (!v) return true;
    bool dans_modele = false;
    for (const volet_modele& x : m.volets)
        dans_modele = dans_modele || x.volet == *v;
    for (std::size_t j = 0; j < i; ++j) {
        if (avenants[j].volet_du_modele == v) return false;
    }
    return dans_modele;
}
[[nodiscard]] constexpr bool avenant_dans_fenetre(const modele_contrat_def& m, ymd signature_contrat,
                                                  ymd signature_avenant) noexcept {
    return signature_contrat <= signature_avenant && signature_avenant < decrire(m.regime).fin_effets;
}

}  // namespace regles
}  // namespace caqes
