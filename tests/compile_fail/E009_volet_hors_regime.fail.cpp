// CAQES-E009: the volet does not exist in this regime
// Article: L.162-30-2 1 and 2 (2017); D.162-14 I 1 to 3 (2022); L.162-23-14 (successor)
// Meaning: Each regime has its own volets. The 2017 transports volet does not exist in the second
// generation, where transports belong to the volet organisation des soins (D.162-14 I 2).
// Location: caqes::enfreinte<caqes::regle::volet_hors_regime, caqes::lieu::volet<0, caqes::volet_id::volet_transports>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_transports, .terme = duree_annees(3), .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
