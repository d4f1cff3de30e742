#pragma once
// The grid's tolerance around a target: a fraction that is a number and not negative, by
// construction (CAQES-E049).
//
// A value within the tolerance of its target (in the target's unit) is partial rather than
// missed (realisation.hpp, `decisions::verdict_cible`). The tolerance is [U] (CAQES.md section
// 9: how achievement is scored is the grid's), but what it means bounds it: a negative one would
// narrow "met" instead of widening "partial" and was silently read as none, and {1, 0} is no
// number. So, as `part` does for the partial share (part.hpp), from literals the constructor is
// `consteval` and a negative tolerance does not compile (`{.tolerance = {-5, 100}}`); from a
// value known at run time, `tolerance::depuis` returns the tolerance or the located CAQES-E049
// violation. Both test `regles::tolerance_dans_le_domaine`.
#include <caqes/droit/regle.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/part.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace caqes {

namespace regles {
// CAQES-E049: a tolerance is a number, not negative, whose lowest terms fit 64 bits (the
// columns' scale takes its reduced denominator; INT64_MIN / -1 has none).
[[nodiscard]] constexpr bool tolerance_dans_le_domaine(fraction f) noexcept {
    return f.normalisee().valide() && !f.negative();
}
}  // namespace regles

// CAQES-E049's message, one text for both compilers' diagnostics in the constructor below.
#define CAQES_MESSAGE_E049                                                                            \
    "CAQES-E049: the grid's scoring policy gives a target a tolerance that is negative or no number " \
    "(D.162-16 I 2 (LEGIARTI000034459834): the score measures the level of achievement; a tolerance " \
    "widens a target's partial achievement, it cannot narrow it); see docs/diagnostics.md#caqes-e049"

class tolerance {
  public:
    // None: a value past its target is missed.
    constexpr tolerance() noexcept = default;

    // A tolerance written in the code: checked when it is compiled. clang prints the message of
    // `diagnose_if` on its first error line, g++ the one of `regle_enfreinte` (part.hpp).
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgcc-compat"
#endif
    consteval tolerance(std::int64_t num, std::int64_t den)  // NOLINT(google-explicit-constructor)
#if defined(__clang__)
        __attribute__((diagnose_if(!regles::tolerance_dans_le_domaine(fraction{num, den}), CAQES_MESSAGE_E049,
                                   "error")))
#endif
        : valeur_{num, den} {
        if (!regles::tolerance_dans_le_domaine(valeur_)) {
            detail::regle_enfreinte<CAQES_MESSAGE_E049>();
        }
    }
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

    // A tolerance known at run time (read, computed, drawn): the tolerance, or CAQES-E049 at
    // `lieu`.
    [[nodiscard]] static resultat_validation<tolerance> depuis(fraction f, std::string_view lieu) {
        if (regles::tolerance_dans_le_domaine(f)) return resultat_validation<tolerance>{tolerance{f}};
        return resultat_validation<tolerance>{violations{{regle::tolerance_hors_domaine, std::string{lieu},
                                                          concat(texte_fraction(f), " is negative or no number")}}};
    }

    [[nodiscard]] constexpr fraction valeur() const noexcept { return valeur_; }
    // A tolerance is a fraction wherever one is read; the converse needs the check above.
    constexpr operator fraction() const noexcept { return valeur_; }  // NOLINT(google-explicit-constructor)
    [[nodiscard]] constexpr bool positive() const noexcept { return valeur_.positive(); }

  private:
    constexpr explicit tolerance(fraction f) noexcept : valeur_{f} {}
    fraction valeur_{0, 1};
};
#undef CAQES_MESSAGE_E049

}  // namespace caqes
