#pragma once
// The number of heap allocations made so far, counted by the global operator new that
// evaluation_allocation.cpp replaces for the whole caqes_allocation_tests executable.
[[nodiscard]] long allocations_comptees() noexcept;
