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
struct avenant {
    ymd signature{};
    std::optional<volet_modele> volet_ajoute{};
};

struct contrat_instance {
    etablissement etab;
    parties_contrat parties;
    ymd reception_proposition{};  // receipt of the ARS proposal (D.162-15)
    ymd signature{};
    ymd debut_effet{};
    std::vector<avenant> avenants;
};

// The volets of a contract: the template's, then each avenant's, starting on its own date or,
// failing that, on the avenant's signature (D.162-15). An avenant signed on an impossible day
// adds nothing (validate(m, c) reports it, CAQES-E001).
[[nodiscard]] inline std::vector<volet_modele> volets_du_contrat(const modele_contrat_def& m, const contrat_instance& c) {
    std::vector<volet_modele> volets(m.volets.begin(), m.volets.end());
    for (const avenant& a : c.avenants) {
        if (!a.signature.ok() || !a.volet_ajoute) continue;
        volet_modele v = *a.volet_ajoute;
        if (!v.debut) v.debut = a.signature;
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
[[nodiscard]] constexpr bool avenant_dans_fenetre(const modele_contrat_def& m, ymd signature_contrat, ymd signature_avenant) noexcept {
    return signature_contrat <= signature_avenant && signature_avenant < decrire(m.regime).fin_effets;
}

}  // namespace regles
}  // namespace caqes
