// The rejected case of bench.vectorisation (CTest bench.vectorisation_refus_gcc, _clang): a marked block
// loop written as scalar code is, with an early exit from the iteration and a store on one
// branch only, the first coding rule of docs/design-columnar.md (section 6) broken. Neither
// g++ 12 ("control flow in loop") nor clang 14 ("vectorization is not beneficial") vectorises
// it, so the check must name this loop and fail. Compiled by that test only, never built or run.
#include <cstddef>
#include <cstdint>

void noter_avec_branches(const std::int32_t* x, std::size_t n, std::int32_t nc, std::int32_t cible, std::int32_t w,
                         std::int32_t* pts, std::int32_t* poids) noexcept {
    for (std::size_t i = 0; i < n; ++i) {  // vectorised: bench.vectorisation
        if (x[i] == nc) continue;
        if (x[i] >= cible) pts[i] += w;
        poids[i] += w;
    }
}
