// CAQES-E006: a term or the template's window runs past its regime's end and no transition policy is named
// Article: regime ends: D.162-14..16 version dates (2022-01-01), LFSS 2026 art. 79 (2027-01-01); transition: LFSS 2026 (loi 2025-1403) art. 79 III [U]
// Meaning: A term that may run past its regime's end (here 2022-07-01 + 5 years, past the repeal of
// L.162-30-2 on 2027-01-01), or a template window that lets contracts start after it, needs an
// explicit politique_transition, because the transitional clause of LFSS 2026 art. 79 III was not
// read [U] and caqes will not guess it.
// Location: caqes::enfreinte<caqes::regle::transition_non_choisie, caqes::lieu::volet<0, caqes::volet_id::volet_pertinence_soins>

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
    .transition = politique_transition::non_choisie,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
