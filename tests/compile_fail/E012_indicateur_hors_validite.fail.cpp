// CAQES-E012: an indicator is used outside its validity period
// Article: arretes of 2017-04-27, 2018-12-12 and 2022-02-23 (dated referentiels)
// Meaning: An indicator can only be used while the text that defines it is in force. The national
// indicators of the arrete of 2022-02-23 do not exist yet for a contract starting on 2022-01-01.
// Location: caqes::enfreinte<caqes::regle::indicateur_hors_validite, caqes::lieu::indicateur<caqes::lieu::volet<0, caqes::volet_id::volet_bon_usage>, 0, 'N', '2', '0', '2', '2', '-', '1'>

#include <caqes/contrat/modele.hpp>
#include <caqes/referentiels/indicateurs_2022.hpp>

#include <array>

namespace ex {
using namespace caqes;

inline constexpr std::array<indicateur, 1> grille{{referentiels::indicateur_2022_ipp}};

inline constexpr std::array<volet_modele, 1> volets{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .grille = grille, .clauses = interessement},
}};

inline constexpr modele_contrat_def def{
    .nom = "generation regionale 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 1, 1}, ymd{2023, 1, 1}},
    .volets = volets,
};

struct modele : modele_contrat<def> {};
}  // namespace ex
