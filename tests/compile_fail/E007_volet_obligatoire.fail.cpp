// CAQES-E007: the mandatory volet must be present exactly once (at least one volet otherwise)
// Article: D.162-14 I (LEGIARTI000034459855, 2017-04-23); D.162-14 I (LEGIARTI000044102681, 2022-01-01)
// Meaning: A first-generation contract always contains the mandatory volet (the socle, bon usage
// des medicaments), exactly once; additional volets come on top of it. Other regimes need at least
// one volet.
// Location: caqes::enfreinte<caqes::regle::volet_obligatoire, caqes::lieu::modele

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
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
