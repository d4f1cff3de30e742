#pragma once
#include <cstdint>

namespace bench {
// Heap allocations (and bytes requested) since the start of the program, counted by the
// replaced global operator new of allocations.cpp.
[[nodiscard]] std::uint64_t allocations() noexcept;
[[nodiscard]] std::uint64_t octets_alloues() noexcept;
}  // namespace bench
