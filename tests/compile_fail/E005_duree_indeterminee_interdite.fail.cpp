// CAQES-E005: only the first-generation socle may have an indefinite term
// Article: D.162-14 I (LEGIARTI000034459855, 2017-04-23) [S: FHF, ANFH, ARS]
// Meaning: Only the mandatory socle of a first-generation contract may be concluded for an
// indefinite term; every other volet (transports, pertinence, ...) needs a term of at most five
// years.
// Location: caqes::enfreinte<caqes::regle::duree_indeterminee_interdite, caqes::lieu::volet<1, caqes::volet_id::volet_transports>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_indeterminee, .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
