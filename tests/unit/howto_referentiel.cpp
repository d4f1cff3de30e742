// docs/howto/add-a-referentiel-year.md, walked through: a new arrete (here a hypothetical one
// of 2020-07-01, test-only, not law) gives transport growth a new value. The change is data:
// the previous version's end moves to the new arrete's date, a version is appended, and the
// parameter is checked again (CAQES-E001, E002, E025) at compile time and at run time.
#include "outils.hpp"

#include <array>

namespace {
using namespace caqes;
namespace ref = caqes::referentiels;

// Step 1: the arrete as a legal reference, with its date as version (no LEGI id for an arrete
// not read: the empty string, as the shipped 2017 and 2018 arretes).
inline constexpr reference_legale arrete_test_2020{"arrete hypothetique du 1er juillet 2020 (test)", "", "2020-07-01"};
// Step 2: the new version's period, and the previous one ending the day the new one starts.
inline constexpr periode validite_2019_bornee{ref::validite_2019.debut, ymd{2020, 7, 1}};
inline constexpr periode validite_2020{ymd{2020, 7, 1}, ref::validite_2019.fin};
// Step 3: the parameter with one more version (the array size follows).
inline constexpr parametre_def<quantite<grandeur::taux_evolution>, 3> croissance_transports_2020{
    "croissance des depenses de transports prescrits a l'hopital",
    {{{ref::validite_2017, evolution_pourcent(22, 10), ref::arrete_2017_04_27},
      {validite_2019_bornee, evolution_pourcent(22, 10), ref::arrete_2018_12_12},
      {validite_2020, evolution_pourcent(15, 10), arrete_test_2020}}}};
// Step 4: the checked parameter (this line does not compile if the versions overlap: E025).
struct croissance_transports_test : parametre_date<croissance_transports_2020> {};
}  // namespace

TEST_CASE("howto referentiel year: a version appended, the previous one bounded, each day gets its arrete") {
    CHECK(validate(croissance_transports_2020).empty());
    const auto* avant = croissance_transports_test::en_vigueur(ymd{2020, 6, 30});
    REQUIRE(avant != nullptr);
    CHECK(avant->valeur == evolution_pourcent(22, 10));
    CHECK(avant->source.version == "2018-12-12");
    const auto* apres = croissance_transports_test::en_vigueur(ymd{2020, 7, 1});
    REQUIRE(apres != nullptr);
    CHECK(apres->valeur == evolution_pourcent(15, 10));
    CHECK(apres->source.version == "2020-07-01");
    // The regime's end still ends the data: nothing is in force from 2022-01-01.
    CHECK(croissance_transports_test::en_vigueur(ymd{2022, 1, 1}) == nullptr);

    // Forgetting step 2 (the previous version keeps its end) is CAQES-E025, located.
    parametre_def<quantite<grandeur::taux_evolution>, 3> oubli = croissance_transports_2020;
    oubli.versions[1].validite = ref::validite_2019;
    const violations vs = validate(oubli);
    INFO(outils::tout(vs));
    REQUIRE(vs.size() == 1);
    CHECK(vs[0].id == regle::parametre_chevauchant);
    CHECK(vs[0].lieu == "croissance des depenses de transports prescrits a l'hopital.versions[2]");
}
