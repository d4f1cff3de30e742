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
// Sums that keep small denominators small: the common case (equal denominators) costs no gcd.
[[nodiscard]] constexpr fraction ajouter(fraction a, fraction b) noexcept {
    if (a.den == b.den) return {a.num + b.num, a.den};
    return fraction{a.num * b.den + b.num * a.den, a.den * b.den}.normalisee();
}
[[nodiscard]] constexpr fraction multiplier(fraction a, fraction b) noexcept {
    if (a.den == 1 && b.den == 1) return {a.num * b.num, 1};
    return fraction{a.num * b.num, a.den * b.den}.normalisee();
}
}  // namespace detail

[[nodiscard]] constexpr resultat_indicateur evaluer_indicateur(const indicateur& ind, const plan_indicateur& plan,
                                                               const valeurs_indicateur& vals,
                                                               const politique_grille& pol) noexcept {
    resultat_indicateur r{};

    // The referentiel, when all its measures are given.
    if (!ind.ref.vide()) {
        bool complet = true;
        bool atteint = false;
        for (std::size_t k = 0; k < ind.ref.taille; ++k) {
            const conjonction& cj = ind.ref.termes[k];
            bool toutes = true;
            for (std::size_t j = 0; j < cj.taille; ++j) {
                const valeur_mesure& v = vals[static_cast<std::size_t>(plan.conditions[k][j])];
                if (v.etat != etat_valeur::renseignee) {
                    complet = false;
                    toutes = false;
                    break;
                }
                if (toutes) toutes = comparer(v.v, cj.termes[j].op, cj.termes[j].seuil);
            }
            atteint = atteint || toutes;
        }
        if (complet || atteint) r.referentiel = atteint ? referentiel_etat::atteint : referentiel_etat::non_atteint;
    }

    // The measure that decides: the target's, or else the referentiel's outcome.
    etat_valeur etat = etat_valeur::renseignee;
    if (plan.cible != mesure_absente) {
        etat = vals[static_cast<std::size_t>(plan.cible)].etat;
    } else if (r.referentiel == referentiel_etat::sans_objet) {
        // Only an undecided referentiel takes the state of a missing measure: with "or"
        // conditions, one condition met decides even when another measure is missing.
        for (std::size_t k = 0; k < ind.ref.taille && etat == etat_valeur::renseignee; ++k) {
            for (std::size_t j = 0; j < ind.ref.termes[k].taille; ++j) {
                const etat_valeur e = vals[static_cast<std::size_t>(plan.conditions[k][j])].etat;
                if (e != etat_valeur::renseignee) {
                    etat = e;
                    break;
                }
            }
        }
    }

    if (etat == etat_valeur::non_concernee) {
        r.s = statut::non_concerne;
        r.compte = pol.non_concerne == compte_non_concerne::atteint;
        r.realisation = r.compte ? entier(1) : entier(0);
        return r;
    }
    if (etat == etat_valeur::non_renseignee) {
        r.s = statut::non_renseigne;
        r.compte = pol.non_renseigne == compte_non_renseigne::non_atteint;
        return r;
    }

    r.compte = true;
    if (plan.cible != mesure_absente) {
        const fraction v = vals[static_cast<std::size_t>(plan.cible)].v;
        const fraction cible = ind.objectif.valeur;
        const bool plus_bas = ind.direction == sens::plus_bas_est_mieux;
        if (plus_bas ? v <= cible : v >= cible) {
            r.s = statut::atteint;
        } else if (ind.objectif.type_valeur == type_mesure::echelle && cible == entier(2) && v == entier(1)) {
            r.s = statut::partiel;
        } else if (pol.tolerance.positive() &&
                   (plus_bas ? v <= detail::ajouter(cible, pol.tolerance)
                             : v >= detail::ajouter(cible, {-pol.tolerance.num, pol.tolerance.den}))) {
            r.s = statut::partiel;
        } else {
            r.s = statut::non_atteint;
        }
    } else {
        r.s = r.referentiel == referentiel_etat::atteint ? statut::atteint : statut::non_atteint;
    }
    r.realisation = r.s == statut::atteint ? entier(1) : (r.s == statut::partiel ? pol.part_partielle : entier(0));
    return r;
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
    constexpr void ajouter(const indicateur& ind, const resultat_indicateur& r) noexcept {
        if (!r.compte) return;
        points = detail::ajouter(points, detail::multiplier(ind.poids, r.realisation));
        poids = detail::ajouter(poids, ind.poids);
    }
};

}  // namespace caqes
