#pragma once
// A parameter set that passed `validate(p)` (CAQES-E034, E046, E050): the only parameters a
// report is validated with, hence the only ones the evaluators read ("parse, don't validate").
//
// Its constructor from a `parametres_evaluation` is private. The ways in are the defaults (a
// valid set, proved below at compile time), `depuis(p)` at run time, which gives `validate(p)`'s
// violations unchanged, and `de<P>()` for a `constexpr` set, checked by `parametres_conformes<P>`
// so that the compile-time diagnostics of those rules apply. Without it, a share of -1/5 handed
// straight to an evaluator proposed a negative incentive: E046 was only checked by `validate`.
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/parametres.hpp>

#include <optional>
#include <string>
#include <utility>

namespace caqes {

// The default parameters, named so that the compile-time check below can take them.
inline constexpr parametres_evaluation parametres_par_defaut{};
static_assert(parametres_conformes<parametres_par_defaut>::valide);

class parametres_valides {
  public:
    // The defaults: valid by the static_assert above, so no run-time check is needed.
    constexpr parametres_valides() noexcept : p_(parametres_par_defaut) {}

    // The run-time route: `p` if it passes `validate(p)`, else its violations, unchanged.
    [[nodiscard]] static resultat_validation<parametres_valides> depuis(const parametres_evaluation& p) {
        violations out = validate(p);
        if (!out.empty()) return resultat_validation<parametres_valides>{std::move(out)};
        return resultat_validation<parametres_valides>{parametres_valides{p}};
    }
    // The same for a reader that locates violations its own way (a grid file's JSON pointers):
    // each violation goes to `f(regle, champ_parametre, rang, detail)` as parcourir_violations
    // gives it, and the set comes back only when there was none; one walk over the rules.
    template <class F>
    [[nodiscard]] static std::optional<parametres_valides> depuis(const parametres_evaluation& p, F&& f) {
        bool valide = true;
        parcourir_violations(p, [&](regle id, champ_parametre c, int rang, std::string detail) {
            valide = false;
            f(id, c, rang, std::move(detail));
        });
        if (!valide) return std::nullopt;
        return parametres_valides{p};
    }

    // The compile-time route, for a `constexpr` set: the diagnostics of `parametres_conformes<P>`
    // (CAQES-E034, E046, E050) name the field at fault.
    template <const parametres_evaluation& P>
    [[nodiscard]] static constexpr parametres_valides de() noexcept {
        static_assert(parametres_conformes<P>::valide);
        return parametres_valides{P};
    }

    [[nodiscard]] constexpr const parametres_evaluation& valeur() const noexcept { return p_; }
    [[nodiscard]] constexpr const parametres_evaluation* operator->() const noexcept { return &p_; }

    // Field by field; rates as fractions (1/5 equals 20/100).
    friend constexpr bool operator==(const parametres_valides&, const parametres_valides&) noexcept = default;

  private:
    explicit constexpr parametres_valides(const parametres_evaluation& p) noexcept : p_(p) {}

    parametres_evaluation p_;
};

}  // namespace caqes
