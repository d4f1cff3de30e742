// Fixed: the 2017 version ends on 2018-12-12, the day the next version starts.

#include <caqes/droit/parametre.hpp>
#include <caqes/mesure/nature.hpp>

namespace ex {
using namespace caqes;

inline constexpr reference_legale arrete_2017{"arrete du 27 avril 2017", "", "2017-04-27"};
inline constexpr reference_legale arrete_2018{"arrete du 12 decembre 2018", "", "2018-12-12"};

// Growth of PHMEV + LPP: 4 %, then 3.3 % from the arrete of 2018-12-12.
inline constexpr parametre_def<quantite<grandeur::taux_evolution>, 2> def{
    .nom = "croissance des PHMEV et LPP",
    .versions = {{
        {periode{ymd{2017, 4, 27}, ymd{2018, 12, 12}}, evolution_pourcent(4), arrete_2017},
        {periode{ymd{2018, 12, 12}, ymd{2022, 1, 1}}, evolution_pourcent(33, 10), arrete_2018},
    }},
};

struct croissance_phmev_lpp : parametre_date<def> {};
}  // namespace ex
