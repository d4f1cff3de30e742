// CAQES-E010: an outcome clause is not allowed for this volet in this regime
// Article: D.162-16 I and III (LEGIARTI000034459834); D.162-16 V (LEGIARTI000044102658); L.162-30-4; L.162-23-14
// Meaning: Each volet may only lead to the outcomes its regime provides. In 2017 the mandatory
// socle can be sanctioned but carries no interessement: D.162-16 gives incentives to additional
// volets only.
// Location: caqes::enfreinte<caqes::regle::issue_non_permise, caqes::lieu::volet<0, caqes::volet_id::volet_socle>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
