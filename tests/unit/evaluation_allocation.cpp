// Evaluation: no heap allocation per evaluation.
//
// This file replaces the global operator new with a counting one, so it is built as its own
// test executable (caqes_allocation_tests, see tests/CMakeLists.txt), never linked into the
// shared unit-test executable where another file could replace the same operators.
#include "allocations.hpp"
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

// Every replaceable form of the global allocation functions ([new.delete]): plain, array,
// nothrow, sized and aligned. A partial set mixes this file's malloc with the runtime's own
// operator new (AddressSanitizer replaces them all and reports a mismatched free), and an
// allocation through an unreplaced form would not be counted. Not inlined: g++ would then see
// free() applied to what it knows came from operator new, and warn (-Wmismatched-new-delete)
// about the replacement itself.
namespace {
std::atomic<long> allocations{0};

void* allouer(std::size_t n) noexcept {
    allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(n == 0 ? 1 : n);
}
void* allouer(std::size_t n, std::align_val_t a) noexcept {
    allocations.fetch_add(1, std::memory_order_relaxed);
    const auto al = static_cast<std::size_t>(a);
    // aligned_alloc wants a size that is a multiple of the alignment.
    return std::aligned_alloc(al, ((n == 0 ? 1 : n) + al - 1) / al * al);
}
void* ou_bad_alloc(void* p) {
    if (p == nullptr) throw std::bad_alloc{};
    return p;
}
}  // namespace

[[gnu::noinline]] void* operator new(std::size_t n) { return ou_bad_alloc(allouer(n)); }
[[gnu::noinline]] void* operator new[](std::size_t n) { return ou_bad_alloc(allouer(n)); }
[[gnu::noinline]] void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allouer(n); }
[[gnu::noinline]] void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allouer(n); }
[[gnu::noinline]] void* operator new(std::size_t n, std::align_val_t a) { return ou_bad_alloc(allouer(n, a)); }
[[gnu::noinline]] void* operator new[](std::size_t n, std::align_val_t a) { return ou_bad_alloc(allouer(n, a)); }
[[gnu::noinline]] void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return allouer(n, a);
}
[[gnu::noinline]] void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
    return allouer(n, a);
}

[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }

long allocations_comptees() noexcept { return allocations.load(); }

using namespace caqes;

TEST_CASE("the counting operator new sees allocations", "[evaluation][allocation]") {
    const long avant = allocations.load();
    std::vector<int>* v = new std::vector<int>(100);
    const long apres = allocations.load();
    delete v;
    CHECK(apres - avant >= 2);  // the vector object and its buffer

    // The nothrow and aligned forms are counted too, and freed by their own delete. Called
    // directly: a compiler may elide a new-expression whose result does not escape.
    constexpr std::align_val_t a64{64};
    const long avant_formes = allocations.load();
    void* n = ::operator new(8, std::nothrow);
    void* b = ::operator new(64, a64);
    void* bs = ::operator new[](192, a64, std::nothrow);
    CHECK(allocations.load() - avant_formes == 3);
    CHECK(reinterpret_cast<std::uintptr_t>(b) % 64 == 0);
    CHECK(reinterpret_cast<std::uintptr_t>(bs) % 64 == 0);
    ::operator delete(n, std::nothrow);
    ::operator delete(b, 64, a64);
    ::operator delete[](bs, a64, std::nothrow);
}

TEST_CASE("evaluateur<def>::evaluer and evaluer(rapport_valide) allocate nothing with sans_trace",
          "[evaluation][allocation]") {
    // Everything a caller prepares once, outside the evaluation: validation allocates, the
    // evaluation does not.
    evalmod::rapport_essai e17(evalmod::def_2017, 2018, evalmod::rien_atteint(evalmod::def_2017), evalmod::base_80m);
    evalmod::rapport_essai e22(evalmod::def_2022, 2024, evalmod::tout_atteint(evalmod::def_2022));
    e22.r.date_evaluation = ymd{2024, 6, 1};
    e22.economies = {centimes{1'000'000}, centimes{2'000'000}, centimes{3'000'000}};
    e22.r.l162_30_4 = donnees_l162_30_4{.saisine = ymd{2022, 3, 1},
                                        .actes_realises = 1'200,
                                        .actes_cible = 1'000,
                                        .actes_annee_precedente = 1'100,
                                        .tarif_national_moyen = centimes{10'000},
                                        .part_liste_en_sus = centimes{1'000'000}};
    parametres_evaluation p{};
    p.p2022.enveloppe_regionale = centimes{100'000};
    p.p2022.seuil_largement_superieur = fraction{1, 10};
    p.p2022.duree_mesures_mois = 12;
    const rapport_valide_pour<evalmod::def_2017> r17 = evalmod::valide<evalmod::def_2017>(e17, p);
    const rapport_valide_pour<evalmod::def_2022> r22 = evalmod::valide<evalmod::def_2022>(e22, p);
    sans_trace st;

    const long avant = allocations.load();
    const resultat_evaluation a = evaluateur<evalmod::def_2017>::evaluer(r17);
    const resultat_evaluation b = evaluer(r17.rapport(), {}, st);
    const resultat_evaluation c = evaluateur<evalmod::def_2022>::evaluer(r22);
    const resultat_evaluation d = evaluer(r22.rapport(), {}, st);
    const long apres = allocations.load();

    CHECK(apres - avant == 0);
    // The evaluations did run.
    CHECK(a.total_sanctions == centimes{320'000'000});
    CHECK(b.total_sanctions == a.total_sanctions);
    CHECK(c.nombre_contrat == 3);
    CHECK(d.nombre_contrat == 3);
}
