// CAQES-E023: calendar arithmetic gave a day that does not exist and no policy was named
// Article: calendar arithmetic; Code de procedure civile art. 641-642 as an optional convention [U]
// Meaning: Adding whole years to 29 February lands on a day that does not exist (2021-02-29). Under
// politique_jour::stricte caqes refuses to pick 28 February or 1 March for you: name a policy.
// Location: caqes::enfreinte<caqes::regle::date_calendaire_impossible, caqes::lieu::volet<1, caqes::volet_id::volet_transports>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_annees(1), .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017, generation 2020",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2020, 2, 29}, ymd{2021, 1, 1}},
    .volets = volets,
    .jours = politique_jour::stricte,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
