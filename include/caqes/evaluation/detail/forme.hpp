#pragma once
// IWYU pragma: private, include "caqes/evaluation/evaluer.hpp"
// Internal: the machinery of the compile-time evaluator; include evaluer.hpp instead.
// The shape of an indicator: everything that decides the evaluation's control flow (which
// measure the target reads, the direction, the referentiel's structure and comparators), as a
// structural value usable as a template argument.
//
// The compile-time evaluator instantiates one function per *shape*, not per indicator: a grid
// of 256 indicators of a handful of shapes compiles a handful of functions, each with its
// branches and loops resolved at compile time, while thresholds and weights are read from the
// grid's constant data.
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/indicateur/indicateur.hpp>

#include <array>
#include <cstdint>
#include <utility>

namespace caqes {

struct forme_indicateur {
    std::int8_t cible{mesure_absente};
    sens direction{sens::plus_bas_est_mieux};
    type_mesure type_valeur{type_mesure::nombre};
    bool avec_referentiel{false};  // evaluate it: no target decides, or a trace asks for it
    std::uint8_t conjonctions{0};
    std::array<std::uint8_t, conjonctions_max> tailles{};
    std::array<std::array<comparateur, conditions_max>, conjonctions_max> ops{};
    std::array<std::array<std::int8_t, conditions_max>, conjonctions_max> mesures{};
};

[[nodiscard]] constexpr forme_indicateur forme_de(const indicateur& ind, const plan_indicateur& plan,
                                                  bool trace) noexcept {
    forme_indicateur f{};
    f.cible = plan.cible;
    f.direction = ind.direction;
    f.type_valeur = ind.objectif.type_valeur;
    f.avec_referentiel = !ind.ref.vide() && (trace || plan.cible == mesure_absente);
    if (!f.avec_referentiel) return f;
    f.conjonctions = ind.ref.taille;
    for (std::size_t k = 0; k < ind.ref.taille; ++k) {
        f.tailles[k] = ind.ref.termes[k].taille;
        for (std::size_t j = 0; j < ind.ref.termes[k].taille; ++j) {
            f.ops[k][j] = ind.ref.termes[k].termes[j].op;
            f.mesures[k][j] = plan.conditions[k][j];
        }
    }
    return f;
}

namespace detail {

template <forme_indicateur F, std::size_t K, std::size_t... J>
[[gnu::always_inline]] constexpr decisions::bilan_conjonction<arith_fraction> conjonction_forme(
    const indicateur& ind, const valeurs_indicateur& vals, std::index_sequence<J...>) noexcept {
    decisions::bilan_conjonction<arith_fraction> c{};
    (decisions::noter_condition(c, vals[static_cast<std::size_t>(F.mesures[K][J])], F.ops[K][J],
                                ind.ref.termes[K].termes[J].seuil),
     ...);
    return c;
}

template <forme_indicateur F, std::size_t... K>
[[gnu::always_inline]] constexpr decisions::bilan_referentiel<arith_fraction> referentiel_forme(
    const indicateur& ind, const valeurs_indicateur& vals, std::index_sequence<K...>) noexcept {
    decisions::bilan_referentiel<arith_fraction> b{};
    (b.ajouter(conjonction_forme<F, K>(ind, vals, std::make_index_sequence<F.tailles[K]>{})), ...);
    return b;
}

}  // namespace detail

// Indicator `ind` of shape F: the decisions of `evaluer_indicateur`, in the same order, with
// the control flow fixed at compile time.
template <forme_indicateur F>
[[nodiscard, gnu::always_inline]] constexpr resultat_indicateur evaluer_forme(const indicateur& ind,
                                                                              const valeurs_indicateur& vals,
                                                                              const politique_grille& pol) noexcept {
    decisions::bilan_referentiel<arith_fraction> bilan{};
    if constexpr (F.avec_referentiel)
        bilan = detail::referentiel_forme<F>(ind, vals, std::make_index_sequence<F.conjonctions>{});
    const referentiel_etat ref = F.avec_referentiel ? bilan.etat() : referentiel_etat::sans_objet;

    if constexpr (F.cible != mesure_absente) {
        const valeur_mesure& v = vals[static_cast<std::size_t>(F.cible)];
        if (v.etat != etat_valeur::renseignee) return decisions::sans_valeur(v.etat, pol, ref);
        return decisions::decide(decisions::statut_par_cible(v.v, ind.objectif.valeur, F.direction, F.type_valeur, pol),
                                 ref, pol);
    } else {
        if (F.avec_referentiel && ref == referentiel_etat::sans_objet)
            return decisions::sans_valeur(bilan.manquant, pol, ref);
        return decisions::decide(ref == referentiel_etat::atteint ? statut::atteint : statut::non_atteint, ref, pol);
    }
}

// Scores indicator `ind` of shape F into its volet's score (and the regional one when asked).
template <forme_indicateur F, bool Regional, class Trace>
[[gnu::always_inline]] constexpr void noter_forme_en_ligne(score_volet& volet, score_volet& regional,
                                                           std::uint8_t numero_volet, const indicateur& ind,
                                                           const plan_indicateur& plan, const valeurs_indicateur& vals,
                                                           const politique_grille& pol, Trace& t) {
    const resultat_indicateur res = evaluer_forme<F>(ind, vals, pol);
    volet.ajouter(ind, res, pol);
    if constexpr (Regional) regional.ajouter(ind, res, pol);
    if constexpr (Trace::actif) t.indicateur_evalue(numero_volet, ind, plan, vals, res, pol);
}

// The same, as one out-of-line function per shape: what a large grid calls, so that its
// compile time grows with its number of shapes rather than of indicators.
template <forme_indicateur F, bool Regional, class Trace>
constexpr void noter_forme(score_volet& volet, score_volet& regional, std::uint8_t numero_volet, const indicateur& ind,
                           const plan_indicateur& plan, const valeurs_indicateur& vals, const politique_grille& pol,
                           Trace& t) {
    noter_forme_en_ligne<F, Regional>(volet, regional, numero_volet, ind, plan, vals, pol, t);
}

}  // namespace caqes
