// CAQES-E002: a period [from, to) is empty or inverted
// Article: half-open periods of every dated text
// Meaning: A period [from, to) must hold at least one day: from must come before to. A window
// written with its two dates swapped contains no start date at all, so no contract could ever be
// concluded.
// Location: caqes::enfreinte<caqes::regle::periode_vide, caqes::lieu::modele

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .clauses = interessement},
}};

// The two ends of the window are swapped.
inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2023, 1, 1}, ymd{2022, 7, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
