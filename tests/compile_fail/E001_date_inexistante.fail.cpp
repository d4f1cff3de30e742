// CAQES-E001: a date is not a real calendar date
// Article: calendar (date library); every dated rule
// Meaning: Every date written in a template must exist in the calendar. 2022-06-31 is not a day
// (June has 30 days), and caqes does not guess which day was meant, so the template does not
// compile.
// Location: caqes::enfreinte<caqes::regle::date_inexistante, caqes::lieu::modele

#include <caqes/contrat/modele.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 6, 31}, ymd{2023, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
