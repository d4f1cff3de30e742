#pragma once
// A yearly report that passed `validate` against one template: the only input the evaluators
// accept ("parse, don't validate").
//
// Nothing but `validate` (evaluation/validation.hpp) can build one: its constructor is private.
// It owns its data, in the template's order, so it cannot dangle: values matched by indicator
// and measure code, savings and decisions by volet, and the plan of each indicator.
// `rapport_valide_pour<M>` is the same report tied by its type to the compile-time template M,
// which is what `evaluateur<M>` takes: a report validated against another template does not
// compile there.
#include <caqes/contrat/modele.hpp>
#include <caqes/droit/activite.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/plan.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/valeur.hpp>

#include <array>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace caqes {

class rapport_valide;
template <const modele_contrat_def& M>
class rapport_valide_pour;

[[nodiscard]] inline resultat_validation<rapport_valide> validate(const modele_contrat_def& m, const rapport_annuel& r,
                                                           const parametres_evaluation& p);

class rapport_valide {
  public:
    [[nodiscard]] constexpr const modele_contrat_def& modele() const noexcept { return *modele_; }
    [[nodiscard]] constexpr int exercice() const noexcept { return exercice_; }
    [[nodiscard]] constexpr int annee_contrat() const noexcept { return annee_contrat_; }
    [[nodiscard]] constexpr ymd date_evaluation() const noexcept { return date_evaluation_; }
    [[nodiscard]] constexpr activites activites_etablissement() const noexcept { return activites_; }
    [[nodiscard]] constexpr centimes produits_assurance_maladie() const noexcept { return produits_; }
    // One entry per indicator, volet by volet in template order, with its plan.
    [[nodiscard]] constexpr std::span<const valeurs_indicateur> valeurs() const noexcept { return valeurs_; }
    [[nodiscard]] constexpr std::span<const plan_indicateur> plans() const noexcept { return plans_; }
    // Per volet, in template order.
    [[nodiscard]] constexpr const std::array<centimes, volets_max>& economies() const noexcept { return economies_; }
    [[nodiscard]] constexpr const std::array<std::optional<centimes>, volets_max>& decisions() const noexcept { return decisions_; }
    [[nodiscard]] constexpr const std::optional<donnees_l162_30_4>& l162_30_4() const noexcept { return l162_30_4_; }

  private:
    rapport_valide() = default;
    friend resultat_validation<rapport_valide> validate(const modele_contrat_def&, const rapport_annuel&,
                                                        const parametres_evaluation&);

    const modele_contrat_def* modele_{nullptr};
    int exercice_{0};
    int annee_contrat_{1};
    ymd date_evaluation_{};
    activites activites_{};
    centimes produits_{0};
    std::vector<valeurs_indicateur> valeurs_;
    std::vector<plan_indicateur> plans_;
    std::array<centimes, volets_max> economies_{};
    std::array<std::optional<centimes>, volets_max> decisions_{};
    std::optional<donnees_l162_30_4> l162_30_4_{};
};

template <const modele_contrat_def& M>
class rapport_valide_pour {
  public:
    [[nodiscard]] const rapport_valide& rapport() const noexcept { return r_; }

  private:
    explicit rapport_valide_pour(rapport_valide r) : r_(std::move(r)) {}
    template <const modele_contrat_def& N>
    friend resultat_validation<rapport_valide_pour<N>> validate(rapport_valide r);

    rapport_valide r_;
};

}  // namespace caqes
