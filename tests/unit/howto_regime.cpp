// docs/howto/add-a-regime.md: the places a new regime_id must reach. Each check below fails,
// naming the regime, when a regime is added to the enumeration and one place is forgotten;
// the how-to walks through them in this order, with successeur_2026 (added in issue 13) as the
// example.
#include "outils.hpp"

#include <string_view>

namespace {
using namespace caqes;

template <regime_id R>
constexpr bool type_nomme() {
    return regime_type_t<R>::desc.id == R;  // step 2: a named type whose descriptor is the regime's
}
}  // namespace

TEST_CASE("howto regime: every regime has its descriptor, its named type, a window and volet traits") {
    // Step 1: the descriptor table is indexed by the enumerator, in order, one row per regime.
    for (std::size_t i = 0; i < regimes.size(); ++i) {
        INFO("regimes[" << i << "]");
        CHECK(static_cast<std::size_t>(regimes[i].id) == i);
        CHECK_FALSE(regimes[i].nom.empty());
        CHECK_FALSE(regimes[i].base.texte.empty());  // step 1: the text it rests on
        CHECK(regimes[i].conclusion.dates_valides());
    }
    CHECK(regimes.size() == static_cast<std::size_t>(regime_id::successeur_2026) + 1);
    // Step 2: the named types, so diagnostics say `caqes_2022`, not a number.
    STATIC_REQUIRE(type_nomme<regime_id::contrats_anterieurs>());
    STATIC_REQUIRE(type_nomme<regime_id::caqes_2017>());
    STATIC_REQUIRE(type_nomme<regime_id::caqes_2022>());
    STATIC_REQUIRE(type_nomme<regime_id::successeur_2026>());
    // Step 3: windows in the order of their first day (the successor's, from 2026, overlaps the
    // second generation's last year: regime_du_debut gives the earlier regime on such a day).
    for (std::size_t i = 1; i < regimes.size(); ++i) {
        INFO(regimes[i].nom);
        CHECK(regimes[i - 1].conclusion.debut < regimes[i].conclusion.debut);
        CHECK(regimes[i].conclusion.contient(regimes[i].conclusion.debut));
    }
    CHECK(regime_du_debut(ymd{2026, 1, 1}) == regime_id::caqes_2022);
    // Step 4: a regime that concludes contracts has its volets, one of them at least.
    for (const regime_desc& r : regimes) {
        int volets = 0;
        for (const auto& t : traits_volets)
            volets += t.regime == r.id ? 1 : 0;
        INFO(r.nom);
        if (conclut_des_caqes(r.id)) CHECK(volets >= 1);
        if (!conclut_des_caqes(r.id) && r.id != regime_id::successeur_2026) CHECK(volets == 0);
    }
}
