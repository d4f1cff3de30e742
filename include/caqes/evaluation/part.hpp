#pragma once
// A share of a whole: a fraction in [0, 1] by construction (CAQES-E047).
//
// The grid's scoring policy gives a partial indicator a share of its points. Out of [0, 1] it
// breaks the score itself: 3/2 lifts a score above 1, and with it the 2022 national incentive,
// which D.162-16 V 2 (LEGIARTI000044102658) only revises downwards by the score; a negative
// share gives a negative score; {0, 0} is no number. So the share is a type whose every value is
// in the domain: from literals the constructor is `consteval` and a share outside [0, 1] does not
// compile (`{.part_partielle = {3, 2}}`); from a value known at run time, `part::depuis` returns
// the share or the located CAQES-E047 violation. Both test `regles::part_dans_le_domaine`.
#include <caqes/calendrier/format.hpp>
#include <caqes/droit/regle.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace caqes {

namespace regles {
// CAQES-E047: a share is a number in [0, 1].
[[nodiscard]] constexpr bool part_dans_le_domaine(fraction f) noexcept {
    return f.valide() && fraction{0, 1} <= f && f <= fraction{1, 1};
}
}  // namespace regles

namespace detail {
// A message as a template argument: g++ prints the argument of the call below, message included,
// on its first error line. (A `static_assert` cannot test a function's parameter.)
template <std::size_t N>
struct message_regle {
    char texte[N]{};
    consteval message_regle(const char (&m)[N]) noexcept {  // NOLINT(google-explicit-constructor)
        for (std::size_t i = 0; i < N; ++i)
            texte[i] = m[i];
    }
};
// Not constexpr: reached during the constant evaluation of a consteval constructor, it makes the
// construction ill-formed, and g++ names it with its message.
template <message_regle M>
void regle_enfreinte() noexcept {}
}  // namespace detail

// CAQES-E047's message, one text for both compilers' diagnostics in the constructor below.
#define CAQES_MESSAGE_E047                                                                                  \
    "CAQES-E047: the grid's scoring policy gives a partial indicator a share outside [0, 1] (D.162-16 I 2 " \
    "(LEGIARTI000034459834): the score measures the level of achievement; D.162-16 V 2 "                    \
    "(LEGIARTI000044102658): the national incentive is revised downwards by the score); see "               \
    "docs/diagnostics.md#caqes-e047"

class part {
  public:
    // A share written in the code: checked when it is compiled. clang prints the message of
    // `diagnose_if` on its first error line, g++ the one of `regle_enfreinte`.
    // (-Wgcc-compat warns that diagnose_if is clang's: it is, and g++ never sees it.)
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgcc-compat"
#endif
    consteval part(std::int64_t num, std::int64_t den)  // NOLINT(google-explicit-constructor)
#if defined(__clang__)
        __attribute__((diagnose_if(!regles::part_dans_le_domaine(fraction{num, den}), CAQES_MESSAGE_E047, "error")))
#endif
        : valeur_{num, den} {
        if (!regles::part_dans_le_domaine(valeur_)) {
            detail::regle_enfreinte<CAQES_MESSAGE_E047>();
        }
    }
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

    // A share known at run time (read, computed, drawn): the share, or CAQES-E047 at `lieu`.
    [[nodiscard]] static resultat_validation<part> depuis(fraction f, std::string_view lieu) {
        if (regles::part_dans_le_domaine(f)) return resultat_validation<part>{part{f}};
        return resultat_validation<part>{
            violations{{regle::part_hors_domaine, std::string{lieu}, concat(texte_fraction(f), " is not in [0, 1]")}}};
    }

    [[nodiscard]] constexpr fraction valeur() const noexcept { return valeur_; }
    // A share is a fraction wherever one is read; the converse needs the check above.
    constexpr operator fraction() const noexcept { return valeur_; }  // NOLINT(google-explicit-constructor)

  private:
    constexpr explicit part(fraction f) noexcept : valeur_{f} {}
    fraction valeur_;
};
#undef CAQES_MESSAGE_E047

}  // namespace caqes
