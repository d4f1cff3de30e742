#pragma once
// The tests' one reproducible generator: splitmix64, small and deterministic on every platform
// (std::uniform_int_distribution is not), so a failing case is the same case on every run.
#include <cstdint>

namespace caqes::essais {

struct alea_essai {
    std::uint64_t etat;
    std::uint64_t suivant() noexcept {
        std::uint64_t z = (etat += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    // Uniform in [a, b] (b - a below 2^63).
    std::int64_t entre(std::int64_t a, std::int64_t b) noexcept {
        return a + static_cast<std::int64_t>(suivant() % (static_cast<std::uint64_t>(b - a) + 1U));
    }
    bool une_fois_sur(std::int64_t n) noexcept { return entre(1, n) == 1; }
};

}  // namespace caqes::essais
