// CAQES-E052: the first-generation socle has a bounded term: it is concluded for an indefinite term
// Article: D.162-14 I (LEGIARTI000034459855, 2017-04-23); [S: FHF 2017 and ARS page: conclu pour une duree indeterminee]
// Meaning: The mandatory socle of a first-generation contract is concluded for an indefinite
// term, which ends with its regime ("Ce socle est conclu pour une duree indeterminee", FHF 2017;
// "Il est conclu pour une duree indeterminee", ARS page). A socle with a term of N years or an
// explicit end is not the contract the sources describe.
// Location: caqes::enfreinte<caqes::regle::socle_duree_bornee, caqes::lieu::volet<0, caqes::volet_id::volet_socle>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_annees(3), .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_annees(3), .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
