#pragma once
// Test sources include this instead of a Catch2 header: v3 (catch_all.hpp) and the
// v2.13 that Debian 12 ships (catch.hpp) provide the same macros under different names.
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif
