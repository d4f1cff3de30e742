// Fixed: the contract was concluded on 2017-04-22, before the CAQES.

#include <caqes/contrat/anterieur.hpp>

namespace ex {
using namespace caqes;

inline constexpr contrat_anterieur_def def{
    .nom = "CAQOS", .type = type_contrat_anterieur::caqos, .conclusion = ymd{2017, 4, 22}};

struct contrat : contrat_anterieur<def> {};
}  // namespace ex
