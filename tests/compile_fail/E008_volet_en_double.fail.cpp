// CAQES-E008: a volet appears twice in one contract
// Article: D.162-14 I; D.162-15 (each volet once per contract)
// Meaning: Each volet appears at most once in a contract: one volet, one set of indicators, one
// evaluation. Listing the same volet twice (often a copy-paste) is an error.
// Location: caqes::enfreinte<caqes::regle::volet_en_double, caqes::lieu::volet<1, caqes::volet_id::volet_bon_usage>

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 2> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .clauses = interessement},
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
