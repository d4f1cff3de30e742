// Names renamed by issue 18 stay one release as [[deprecated]] aliases (CONTRIBUTING.md, "One
// naming rule"): each still compiles and means what its new name means.
#include "outils.hpp"

#include <string>

TEST_CASE("deprecated names: decrire(violation) is texte(violation)") {
    const caqes::violation v{caqes::regle::volet_obligatoire, "volets", "no socle"};
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    const std::string ancien = caqes::decrire(v);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    CHECK(ancien == caqes::texte(v));
    CHECK(caqes::texte(v).rfind("CAQES-E007 [volets]: ", 0) == 0);
}
