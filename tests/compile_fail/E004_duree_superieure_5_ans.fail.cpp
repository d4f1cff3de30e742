// CAQES-E004: a bounded term exceeds five years
// Article: L.162-30-2 (LEGIARTI000041398036, from 2019-12-28); D.162-14 I (LEGIARTI000044102681, 2022-01-01); [S: FHF 2017] for the first generation's additional volets before them
// Meaning: A volet with a bounded term lasts at most five calendar years ("duree maximale de cinq
// ans"). A six-year transports volet is longer than the law allows.
// Location: caqes::enfreinte<caqes::regle::duree_superieure_5_ans, caqes::lieu::volet<1, caqes::volet_id::volet_transports>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_annees(6), .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "modele regional 2017",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 1, 1}},
    .volets = volets,
    .transition = politique_transition::arret_fin_regime,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
