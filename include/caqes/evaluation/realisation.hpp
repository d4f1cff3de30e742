#pragma once
// Achievement of one indicator, and the weighted score of a volet.
//
// - With a target: met when the value is on the right side of the target in the indicator's
//   direction (the target itself counts as met); partial on the grid's scale; not met
//   otherwise.
// - Without a target: met when the referentiel is met.
// - *non concerne* and *non renseigne* count as the grid's policy says.
// The score is sum(weight x achievement) / sum(weight) over the indicators that count, exact.
#include <caqes/evaluation/plan.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/indicateur/indicateur.hpp>

#include <cstdint>

namespace caqes {

enum class statut : std::uint8_t { atteint, partiel, non_atteint, non_concerne, non_renseigne };

enum class compte_non_concerne : std::uint8_t {
    exclu,    // default: the indicator leaves the score's denominator
    atteint,  // counted as met
};
enum class compte_non_renseigne : std::uint8_t {
    non_atteint,  // default: a missing value is a missed objective
    exclu,
};

// The grid's scoring policy. All of it is [U] (CAQES.md section 9: regional scoring scales), so
// every field is a parameter; the defaults are illustrative.
struct politique_grille {
    compte_non_concerne non_concerne{compte_non_concerne::exclu};
    compte_non_renseigne non_renseigne{compte_non_renseigne::non_atteint};
    // A value within `tolerance` of its target (in the target's unit), or "partiel" on a
    // no/partial/yes scale whose target is "oui", is partial and earns this share.
    fraction part_partielle{1, 2};
    fraction tolerance{0, 1};
};

enum class referentiel_etat : std::uint8_t { sans_objet, atteint, non_atteint };

struct resultat_indicateur {
    statut s{statut::non_renseigne};
    fraction realisation{0, 1};   // in [0, 1]
    bool compte{false};           // in the score's denominator
    referentiel_etat referentiel{referentiel_etat::sans_objet};
};

namespace detail {
// Sums and products that keep small denominators small. The common case (equal or unit
// denominators) is inlined; the gcd path is out of line, so that a grid unrolled at compile
// time stays small code.
[[nodiscard, gnu::noinline]] constexpr fraction ajouter_reduit(fraction a, fraction b) noexcept {
    return fraction{a.num * b.den + b.num * a.den, a.den * b.den}.normalisee();
}
[[nodiscard, gnu::always_inline]] constexpr fraction ajouter(fraction a, fraction b) noexcept {
    if (a.den == b.den) return {a.num + b.num, a.den};
    return ajouter_reduit(a, b);
}
[[nodiscard, gnu::noinline]] constexpr fraction multiplier_reduit(fraction a, fraction b) noexcept {
    return fraction{a.num * b.num, a.den * b.den}.normalisee();
}
[[nodiscard, gnu::always_inline]] constexpr fraction multiplier(fraction a, fraction b) noexcept {
    if (a.den == 1 && b.den == 1) return {a.num * b.num, 1};
    return multiplier_reduit(a, b);
}
}  // namespace detail

// The decisions of an evaluation, shared by the run-time evaluator below and the compile-time
// one (evaluateur<def>), which calls them with constant thresholds.
namespace decisions {

// A referentiel conjunction, condition by condition: all conditions hold, or one is missing.
struct bilan_conjonction {
    bool toutes{true};
    bool complete{true};
    etat_valeur manquant{etat_valeur::renseignee};  // the state of the first missing measure
};

[[gnu::always_inline]] constexpr void noter_condition(bilan_conjonction& b, const valeur_mesure& v, comparateur op,
                                                      fraction seuil) noexcept {
    if (!b.complete) return;  // the first missing measure ends the conjunction
    if (v.etat != etat_valeur::renseignee) {
        b.complete = false;
        b.toutes = false;
        b.manquant = v.etat;
        return;
    }
    b.toutes = b.toutes && comparer(v.v, op, seuil);
}

// The whole referentiel: met when one conjunction holds ("ou" of the arrete of 2022-02-23);
// undecided when none holds and a measure is missing.
struct bilan_referentiel {
    bool complet{true};
    bool atteint{false};
    etat_valeur manquant{etat_valeur::renseignee};

    [[gnu::always_inline]] constexpr void ajouter(const bilan_conjonction& c) noexcept {
        atteint = atteint || c.toutes;
        if (!c.complete && complet) {
            complet = false;
            manquant = c.manquant;
        }
    }
    [[nodiscard]] constexpr referentiel_etat etat() const noexcept {
        if (atteint) return referentiel_etat::atteint;
        return complet ? referentiel_etat::non_atteint : referentiel_etat::sans_objet;
    }
};

// A missing decisive value counts as the grid's policy says.
[[nodiscard, gnu::always_inline]] constexpr resultat_indicateur sans_valeur(etat_valeur e, const politique_grille& pol,
                                                                            referentiel_etat ref) noexcept {
    resultat_indicateur r{};
    r.referentiel = ref;
    if (e == etat_valeur::non_concernee) {
        r.s = statut::non_concerne;
        r.compte = pol.non_concerne == compte_non_concerne::atteint;
        r.realisation = r.compte ? entier(1) : entier(0);
    } else {
        r.s = statut::non_renseigne;
        r.compte = pol.non_renseigne == compte_non_renseigne::non_atteint;
    }
    return r;
}

// Met on the right side of the target (the target itself counts as met); partial for
// "partiel" on a no/partial/yes scale aiming at "oui", or within the grid's tolerance.
[[nodiscard, gnu::always_inline]] constexpr statut statut_par_cible(fraction v, fraction cible, sens direction,
                                                                    type_mesure type_valeur,
                                                                    const politique_grille& pol) noexcept {
    const bool plus_bas = direction == sens::plus_bas_est_mieux;
    if (plus_bas ? v <= cible : v >= cible) return statut::atteint;
    if (type_valeur == type_mesure::echelle && cible == entier(2) && v == entier(1)) return statut::partiel;
    if (pol.tolerance.positive() && (plus_bas ? v <= detail::ajouter(cible, pol.tolerance)
                                              : v >= detail::ajouter(cible, {-pol.tolerance.num, pol.tolerance.den}))) {
        return statut::partiel;
    }
    return statut::non_atteint;
}

[[nodiscard, gnu::always_inline]] constexpr resultat_indicateur decide(statut s, referentiel_etat ref,
                                                                       const politique_grille& pol) noexcept {
    resultat_indicateur r{};
    r.s = s;
    r.referentiel = ref;
    r.compte = true;
    r.realisation = s == statut::atteint ? entier(1) : (s == statut::partiel ? pol.part_partielle : entier(0));
    return r;
}

}  // namespace decisions

// `AvecReferentiel`: whether to report the referentiel's state when a target decides. The
// score never needs it then, so an evaluation without a trace skips it; an indicator without
// a target always evaluates its referentiel, which decides.
template <bool AvecReferentiel = true>
[[nodiscard]] constexpr resultat_indicateur evaluer_indicateur(const indicateur& ind, const plan_indicateur& plan,
                                                               const valeurs_indicateur& vals,
                                                               const politique_grille& pol) noexcept {
    decisions::bilan_referentiel bilan{};
    const bool avec_ref = !ind.ref.vide() && (AvecReferentiel || plan.cible == mesure_absente);
    if (avec_ref) {
        for (std::size_t k = 0; k < ind.ref.taille; ++k) {
            decisions::bilan_conjonction c{};
            for (std::size_t j = 0; j < ind.ref.termes[k].taille; ++j) {
                const condition& cond = ind.ref.termes[k].termes[j];
                decisions::noter_condition(c, vals[static_cast<std::size_t>(plan.conditions[k][j])], cond.op, cond.seuil);
            }
            bilan.ajouter(c);
        }
    }
    const referentiel_etat ref = avec_ref ? bilan.etat() : referentiel_etat::sans_objet;

    if (plan.cible != mesure_absente) {
        const valeur_mesure& v = vals[static_cast<std::size_t>(plan.cible)];
        if (v.etat != etat_valeur::renseignee) return decisions::sans_valeur(v.etat, pol, ref);
        return decisions::decide(decisions::statut_par_cible(v.v, ind.objectif.valeur, ind.direction, ind.objectif.type_valeur, pol),
                                 ref, pol);
    }
    // Without a target the referentiel decides; an undecided one takes its missing measure's state.
    if (avec_ref && ref == referentiel_etat::sans_objet) return decisions::sans_valeur(bilan.manquant, pol, ref);
    return decisions::decide(ref == referentiel_etat::atteint ? statut::atteint : statut::non_atteint, ref, pol);
}

// A volet's score: defined only when some indicator counts (every indicator non concerne
// gives no score, and then no outcome).
struct score_volet {
    fraction points{0, 1};  // sum of weight x achievement
    fraction poids{0, 1};   // sum of weights that count
    [[nodiscard]] constexpr bool defini() const noexcept { return poids.positive(); }
    [[nodiscard]] constexpr fraction valeur() const noexcept {
        if (!defini()) return {0, 1};
        return fraction{points.num * poids.den, points.den * poids.num}.normalisee();
    }
    [[gnu::always_inline]] constexpr void ajouter(fraction poids_indicateur, const resultat_indicateur& r) noexcept {
        if (!r.compte) return;
        points = detail::ajouter(points, detail::multiplier(poids_indicateur, r.realisation));
        poids = detail::ajouter(poids, poids_indicateur);
    }
    [[gnu::always_inline]] constexpr void ajouter(const indicateur& ind, const resultat_indicateur& r) noexcept {
        ajouter(ind.poids, r);
    }
};

}  // namespace caqes
