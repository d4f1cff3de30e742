// CAQES-E043: a contract template names a regime that concludes no CAQES: the successor is a dispositif_efficience_def, an earlier contract a contrat_anterieur_def
// Article: L.162-23-14 (LEGIARTI000053271346: a scheme of the law, no contract); decret 2017-584 art. 2 (earlier contracts)
// Meaning: Only the two CAQES generations conclude contracts with volets and terms. From 2026 the
// establishments "sont interesses" to efficiency by the law itself (L.162-23-14): nobody signs,
// there is no volet, no term, no refusal sanction and no D.162-15/16 procedure. Write the
// successor as a dispositif_efficience_def, and a contract concluded before 2017-04-23 as a
// contrat_anterieur_def.
// Location: caqes::enfreinte<caqes::regle::hors_caqes, caqes::lieu::modele

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::dispositif_efficience, .terme = duree_annees(3), .clauses = dotation_complementaire},
}};

inline constexpr modele_contrat_def def{
    .nom = "dispositif d'efficience 2026",
    .regime = regime_id::successeur_2026,
    .fenetre = periode{ymd{2026, 1, 1}, ymd{2027, 1, 1}},
    .perimetre = activite_mco | activite_smr,
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
