// CAQES-E018: a second-generation contract as a whole exceeds five years
// Article: D.162-14 I (LEGIARTI000044102681, 2022-01-01): le contrat est conclu pour une duree maximale de cinq ans
// Meaning: A second-generation contract as a whole lasts at most five years from its start. A volet
// added later by avenant (own debut) must still end by then; five years from the avenant is too
// long.
// Location: caqes::enfreinte<caqes::regle::contrat_superieur_5_ans, caqes::lieu::volet<1, caqes::volet_id::volet_organisation_soins>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

// The organisation volet is added by avenant one year after the earliest contract start.
inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(5), .clauses = interessement},
    {.volet = volet_id::volet_organisation_soins,
     .terme = duree_annees(5),
     .clauses = interessement,
     .debut = ymd{2023, 7, 1}},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
    .volets = volets,
    .transition = politique_transition::maintien_signale,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
