// CAQES-E003, another way to break it: an "earlier contract" concluded on 2017-04-23, the day
// from which a new contract is a CAQES (decret 2017-584 art. 2).
// Location: caqes::contrat_anterieur<ex::def>

#include <caqes/contrat/anterieur.hpp>

namespace ex {
using namespace caqes;

inline constexpr contrat_anterieur_def def{
    .nom = "CAQOS", .type = type_contrat_anterieur::caqos, .conclusion = ymd{2017, 4, 23}};

struct contrat : contrat_anterieur<def> {};
}  // namespace ex
