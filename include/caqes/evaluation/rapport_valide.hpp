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
//
// Validated against a contract instance, it also carries contract time: the volets evaluated
// are the template's and the avenants' (`modele_evalue()`), each with its effective term and
// how it covers the exercise (`couvertures()`).
//
// It carries the parameters it was validated with (`parametres()`): its terms' coverage and its
// checked decisions were computed under them, so the evaluators read these and take none of
// their own; a report cannot be evaluated, or cited, under another partial-year policy.
#include <caqes/contrat/instance.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/droit/activite.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/couverture.hpp>
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/parametres_valides.hpp>
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

namespace detail {
struct validation_rapport;
}

// A recorded decision, checked against the law (CAQES-E060 to E062): `volet` is the index of
// its volet in `modele_evalue()`, `d.date` the day whose law bounded it.
struct decision_enregistree {
    std::size_t volet{0};
    decision_volet d{};
};

namespace detail {

// The evaluated template: the template with its own copy of the volets, then those added by
// avenant (D.162-15); a copy or a move points the copy's template at the copy's volets. A
// report is then copied and moved member by member, with no 864-byte zeroing before an
// assignment (docs/performance.md, "End to end"). Pointing at the template's volets where no
// avenant changes them saved an allocation per report, but made the scalar evaluator 25 %
// slower over 1e5 reports while it ran as fast over 1e3 (so where the data lay, not the code;
// not explained further), so each report owns its volets.
class modele_evalue_possede {
  public:
    modele_evalue_possede() = default;
    modele_evalue_possede(const modele_contrat_def& m, std::vector<volet_modele> volets)
            : m_(m), volets_(std::move(volets)) {
        m_.volets = volets_;
    }
    modele_evalue_possede(const modele_evalue_possede& o) : m_(o.m_), volets_(o.volets_) { m_.volets = volets_; }
    modele_evalue_possede(modele_evalue_possede&& o) noexcept : m_(o.m_), volets_(std::move(o.volets_)) {
        m_.volets = volets_;
    }
    modele_evalue_possede& operator=(const modele_evalue_possede& o) {
        if (this == &o) return *this;
        m_ = o.m_;
        volets_ = o.volets_;
        m_.volets = volets_;
        return *this;
    }
    modele_evalue_possede& operator=(modele_evalue_possede&& o) noexcept {
        m_ = o.m_;
        volets_ = std::move(o.volets_);
        m_.volets = volets_;
        return *this;
    }
    ~modele_evalue_possede() = default;

    [[nodiscard]] constexpr const modele_contrat_def& modele() const noexcept { return m_; }

  private:
    modele_contrat_def m_{};
    std::vector<volet_modele> volets_;
};

}  // namespace detail

class rapport_valide {
  public:
    rapport_valide(const rapport_valide&) = default;
    rapport_valide(rapport_valide&&) noexcept = default;
    rapport_valide& operator=(const rapport_valide&) = default;
    rapport_valide& operator=(rapport_valide&&) noexcept = default;
    ~rapport_valide() = default;

    // The template the report was validated against (its identity is checked by validate<M>).
    [[nodiscard]] constexpr const modele_contrat_def& modele() const noexcept { return *modele_; }
    // The template as evaluated: its volets, then the volets added by avenant (D.162-15).
    [[nodiscard]] constexpr const modele_contrat_def& modele_evalue() const noexcept { return evalue_.modele(); }
    // Whether a contract instance gave the terms; without one, every template volet is
    // evaluated and the output says that contract time was not checked.
    [[nodiscard]] constexpr bool avec_instance() const noexcept { return avec_instance_; }
    [[nodiscard]] constexpr ymd debut_contrat() const noexcept { return debut_contrat_; }
    [[nodiscard]] constexpr const std::array<couverture_volet, volets_max>& couvertures() const noexcept {
        return couvertures_;
    }
    [[nodiscard]] constexpr const couverture_volet& couverture(std::size_t i) const noexcept { return couvertures_[i]; }
    // The parameters the report was validated with, which its evaluation applies.
    [[nodiscard]] constexpr const parametres_valides& parametres() const noexcept { return parametres_; }
    [[nodiscard]] constexpr int exercice() const noexcept { return exercice_; }
    [[nodiscard]] constexpr int annee_contrat() const noexcept { return annee_contrat_; }
    [[nodiscard]] constexpr ymd date_evaluation() const noexcept { return date_evaluation_; }
    [[nodiscard]] constexpr activites activites_etablissement() const noexcept { return activites_; }
    [[nodiscard]] constexpr centimes produits_assurance_maladie() const noexcept { return produits_; }
    [[nodiscard]] constexpr std::optional<int> annee_produits() const noexcept { return annee_produits_; }
    // One entry per indicator, volet by volet in template order, with its plan.
    [[nodiscard]] constexpr std::span<const valeurs_indicateur> valeurs() const noexcept { return valeurs_; }
    [[nodiscard]] constexpr std::span<const plan_indicateur> plans() const noexcept { return plans_; }
    // Per volet of `modele_evalue()`, in its order; empty: *non renseigne*.
    [[nodiscard]] constexpr const std::array<std::optional<centimes>, volets_max>& economies() const noexcept {
        return economies_;
    }
    [[nodiscard]] constexpr const std::optional<centimes>& economies(std::size_t i) const noexcept {
        return economies_[i];
    }
    [[nodiscard]] constexpr std::span<const decision_enregistree> decisions() const noexcept { return decisions_; }
    [[nodiscard]] constexpr const std::optional<donnees_l162_30_4>& l162_30_4() const noexcept { return l162_30_4_; }
    [[nodiscard]] constexpr const std::optional<centimes>& part_liste_en_sus() const noexcept {
        return part_liste_en_sus_;
    }
    [[nodiscard]] constexpr const std::optional<centimes>& base_penalite() const noexcept { return base_penalite_; }

  private:
    rapport_valide() = default;
    friend struct detail::validation_rapport;

    const modele_contrat_def* modele_{nullptr};
    detail::modele_evalue_possede evalue_{};
    bool avec_instance_{false};
    ymd debut_contrat_{};
    std::array<couverture_volet, volets_max> couvertures_{};
    parametres_valides parametres_{};
    int exercice_{0};
    int annee_contrat_{1};
    ymd date_evaluation_{};
    activites activites_{};
    centimes produits_{0};
    std::optional<int> annee_produits_{};
    std::vector<valeurs_indicateur> valeurs_;
    std::vector<plan_indicateur> plans_;
    std::array<std::optional<centimes>, volets_max> economies_{};
    std::vector<decision_enregistree> decisions_;
    std::optional<donnees_l162_30_4> l162_30_4_{};
    std::optional<centimes> part_liste_en_sus_{};
    std::optional<centimes> base_penalite_{};
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
