// Fixed: the volet added by avenant ends on 2027-07-01, five years after the contract's start.

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

// The organisation volet is added by avenant one year after the earliest contract start.
inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(5), .clauses = interessement},
    {.volet = volet_id::volet_organisation_soins,
     .terme = duree_jusqu_a(ymd{2027, 7, 1}),
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
