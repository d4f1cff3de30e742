// CAQES-E006, another way to break it: the template's window runs past its regime's window.
// A first-generation template whose contracts may start until 2024-12-31, when the 2017 rules
// end on 2022-01-01, names no transition policy. Every term is within the regime; the window
// alone is at fault (before, only its first day was checked, by CAQES-E003).
// Location: caqes::enfreinte<caqes::regle::transition_non_choisie, caqes::lieu::modele

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_jusqu_a(ymd{2022, 1, 1}), .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017-2024",
    .regime = regime_id::caqes_2017,
    .fenetre = periode::inclusive(ymd{2017, 7, 1}, ymd{2024, 12, 31}),
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
