#pragma once
// Whether this test program was built with AddressSanitizer (CAQES_SANITIZE: preset asan-clang,
// or asan-gcc with the tests turned on). A sanitizer looks for memory errors and undefined behaviour on the paths a test
// takes, not for rare values, so a long random test may take fewer cases there, from the start of
// the same sequence, while the plain builds (presets gcc and clang) run them all. Detected from the
// compiler, not from the environment, so a plain build can never run the shorter test.
namespace caqes::essais {

#if defined(__SANITIZE_ADDRESS__)  // g++
inline constexpr bool sous_sanitiseur = true;
#elif defined(__has_feature)  // clang++
#if __has_feature(address_sanitizer)
inline constexpr bool sous_sanitiseur = true;
#else
inline constexpr bool sous_sanitiseur = false;
#endif
#else
inline constexpr bool sous_sanitiseur = false;
#endif

}  // namespace caqes::essais
