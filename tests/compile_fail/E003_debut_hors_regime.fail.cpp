// CAQES-E003: the start lies outside the regime's window
// Article: decret 2017-584 art. 2; D.162-14..16 version dates (LEGIARTI000034459855, LEGIARTI000044102681); LFSS 2026 art. 79
// Meaning: A contract of a regime can only start inside that regime's window. First-generation
// CAQES start on 2017-04-23 (the day after decret 2017-584 was published); a template opening on
// 2017-01-01 would let contracts start under the earlier contracts' rules.
// Location: caqes::enfreinte<caqes::regle::debut_hors_regime, caqes::lieu::modele

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 1, 1}, ymd{2018, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
