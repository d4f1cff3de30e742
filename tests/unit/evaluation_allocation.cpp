// Evaluation: no heap allocation per evaluation.
//
// This file replaces the global operator new with a counting one, so it is built as its own
// test executable (caqes_allocation_tests, see tests/CMakeLists.txt), never linked into the
// shared unit-test executable where another file could replace the same operators.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t n) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc{};
}
void* operator new[](std::size_t n) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc{};
}
// g++ 12 at -O3 inlines these into library code that calls the standard `operator new`
// (which, replaced above, is malloc) and then warns of a mismatch that is not one.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

using namespace caqes;

TEST_CASE("the counting operator new sees allocations", "[evaluation][allocation]") {
    const long avant = allocations.load();
    std::vector<int>* v = new std::vector<int>(100);
    const long apres = allocations.load();
    delete v;
    CHECK(apres - avant >= 2);  // the vector object and its buffer
}

TEST_CASE("evaluateur<def>::evaluer and evaluer(rapport_valide, ...) allocate nothing with sans_trace",
          "[evaluation][allocation]") {
    // Everything a caller prepares once, outside the evaluation: validation allocates, the
    // evaluation does not.
    evalmod::rapport_essai e17(evalmod::def_2017, 2018, evalmod::rien_atteint(evalmod::def_2017), evalmod::base_80m);
    evalmod::rapport_essai e22(evalmod::def_2022, 2024, evalmod::tout_atteint(evalmod::def_2022));
    e22.r.date_evaluation = ymd{2024, 6, 1};
    e22.economies = {centimes{1'000'000}, centimes{2'000'000}, centimes{3'000'000}};
    e22.r.l162_30_4 = donnees_l162_30_4{.saisine = ymd{2022, 3, 1}, .actes_realises = 1'200, .actes_cible = 1'000,
                                        .actes_annee_precedente = 1'100, .tarif_national_moyen = centimes{10'000},
                                        .part_liste_en_sus = centimes{1'000'000}};
    parametres_evaluation p{};
    p.p2022.enveloppe_regionale = centimes{100'000};
    p.p2022.seuil_largement_superieur = fraction{1, 10};
    p.p2022.duree_mesures_mois = 12;
    const rapport_valide_pour<evalmod::def_2017> r17 = evalmod::valide<evalmod::def_2017>(e17, p);
    const rapport_valide_pour<evalmod::def_2022> r22 = evalmod::valide<evalmod::def_2022>(e22, p);
    sans_trace st;

    const long avant = allocations.load();
    const resultat_evaluation a = evaluateur<evalmod::def_2017>::evaluer(r17, p);
    const resultat_evaluation b = evaluer(r17.rapport(), p, {}, st);
    const resultat_evaluation c = evaluateur<evalmod::def_2022>::evaluer(r22, p);
    const resultat_evaluation d = evaluer(r22.rapport(), p, {}, st);
    const long apres = allocations.load();

    CHECK(apres - avant == 0);
    // The evaluations did run.
    CHECK(a.total_sanctions == centimes{320'000'000});
    CHECK(b.total_sanctions == a.total_sanctions);
    CHECK(c.nombre_contrat == 3);
    CHECK(d.nombre_contrat == 3);
}
