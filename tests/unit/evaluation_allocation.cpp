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
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace caqes;

TEST_CASE("the counting operator new sees allocations", "[evaluation][allocation]") {
    const long avant = allocations.load();
    std::vector<int>* v = new std::vector<int>(100);
    const long apres = allocations.load();
    delete v;
    CHECK(apres - avant >= 2);  // the vector object and its buffer
}

TEST_CASE("evaluateur<def>::evaluer and evaluer(def, plans, ...) allocate nothing with sans_trace",
          "[evaluation][allocation]") {
    // Everything a caller prepares once, outside the evaluation.
    const std::vector<valeurs_indicateur> v17 = evalmod::rien_atteint(evalmod::def_2017);
    const std::vector<valeurs_indicateur> v22 = evalmod::tout_atteint(evalmod::def_2022);
    const std::vector<plan_indicateur> plans17 = planifier(evalmod::def_2017);
    const std::vector<plan_indicateur> plans22 = planifier(evalmod::def_2022);
    rapport_annuel r17{};
    r17.exercice = 2018;
    r17.produits_assurance_maladie = evalmod::base_80m;
    r17.valeurs = v17;
    rapport_annuel r22{};
    r22.exercice = 2024;
    r22.date_evaluation = ymd{2024, 6, 1};
    r22.valeurs = v22;
    r22.economies = {centimes{1'000'000}, centimes{2'000'000}, centimes{3'000'000}, centimes{0}};
    r22.l162_30_4 = donnees_l162_30_4{.saisine = ymd{2022, 3, 1}, .actes_realises = 1'200, .actes_cible = 1'000,
                                      .actes_annee_precedente = 1'100, .tarif_national_moyen = centimes{10'000},
                                      .part_liste_en_sus = centimes{1'000'000}};
    parametres_evaluation p{};
    p.p2022.enveloppe_regionale = centimes{100'000};
    p.p2022.seuil_largement_superieur = fraction{1, 10};
    p.p2022.duree_mesures_mois = 12;
    sans_trace st;

    const long avant = allocations.load();
    const resultat_evaluation a = evaluateur<evalmod::def_2017>::evaluer(r17, p);
    const resultat_evaluation b = evaluer(evalmod::def_2017, plans17, r17, p, {}, st);
    const resultat_evaluation c = evaluateur<evalmod::def_2022>::evaluer(r22, p);
    const resultat_evaluation d = evaluer(evalmod::def_2022, plans22, r22, p, {}, st);
    const long apres = allocations.load();

    CHECK(apres - avant == 0);
    // The evaluations did run.
    CHECK(a.total_sanctions == centimes{320'000'000});
    CHECK(b.total_sanctions == a.total_sanctions);
    CHECK(c.nombre_contrat == 3);
    CHECK(d.nombre_contrat == 3);
}
