// A counting global operator new for the whole benchmark binary: each benchmark reports the
// allocations made inside its timed loop per evaluation (counter `allocs_per_eval`), and the
// data set builders report the bytes a variant's values take (poly's hash maps included).
#include "allocations.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::uint64_t> g_allocations{0};
std::atomic<std::uint64_t> g_bytes{0};

void* allouer(std::size_t n) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_add(n, std::memory_order_relaxed);
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc{};
}

void* allouer_aligne(std::size_t n, std::align_val_t a) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_add(n, std::memory_order_relaxed);
    const auto al = static_cast<std::size_t>(a);
    const std::size_t taille = (n + al - 1) / al * al;
    if (void* p = std::aligned_alloc(al, taille == 0 ? al : taille)) return p;
    throw std::bad_alloc{};
}
}  // namespace

namespace bench {
std::uint64_t allocations() noexcept { return g_allocations.load(std::memory_order_relaxed); }
std::uint64_t octets_alloues() noexcept { return g_bytes.load(std::memory_order_relaxed); }
}  // namespace bench

void* operator new(std::size_t n) { return allouer(n); }
void* operator new[](std::size_t n) { return allouer(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allouer(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allouer(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new(std::size_t n, std::align_val_t a) { return allouer_aligne(n, a); }
void* operator new[](std::size_t n, std::align_val_t a) { return allouer_aligne(n, a); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
