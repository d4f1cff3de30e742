// CAQES-E025: the dated versions of a parameter overlap or are out of order
// Article: dated arretes (2017-04-27, 2018-12-12, 2022-02-23)
// Meaning: The dated versions of a parameter follow each other without overlapping, so that the
// value on a given day is unique. Here the 2017 value still runs when the 2018-12-12 value starts.
// Location: caqes::parametre_date<ex::def>

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
        {periode{ymd{2017, 4, 27}, ymd{2019, 1, 1}}, evolution_pourcent(4), arrete_2017},
        {periode{ymd{2018, 12, 12}, ymd{2022, 1, 1}}, evolution_pourcent(33, 10), arrete_2018},
    }},
};

struct croissance_phmev_lpp : parametre_date<def> {};
}  // namespace ex
