// Fixed: the template names a transition policy (maintien_signale: kept as signed and flagged).

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_pertinence_soins, .terme = duree_annees(5), .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022-2024",
    .regime = regime_id::caqes_2022,
    .fenetre = periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31}),
    .volets = volets,
    .transition = politique_transition::maintien_signale,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
