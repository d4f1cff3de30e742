#pragma once
// The batch evaluator over blocks of columns (docs/design-columnar.md, sections 4 and 5, commit
// 6): the scores of a whole block, one indicator at a time (colonnes/noyaux.hpp), then the
// conclusion of each row through the one generic conclusion (`conclure_pour`, evaluer.hpp) into
// the result columns (colonnes/resultats.hpp). A row that took the scalar path when the block
// was filled (lot.hpp, `voie_ligne`) is evaluated by the scalar evaluator from its report and
// written through the same sink. Both paths give the same columns: the differential test
// (tests/unit/differentiel.cpp) compares them on every row.
//
// The kernels are chosen per indicator per block from the plan (storage, direction, the value's
// scale, regional or not): one dispatch per indicator per block, for a template known at compile
// time and for a grid loaded from a file alike.
#include <caqes/evaluation/colonnes/lot.hpp>
#include <caqes/evaluation/colonnes/noyaux.hpp>
#include <caqes/evaluation/colonnes/plan.hpp>
#include <caqes/evaluation/colonnes/resultats.hpp>
#include <caqes/evaluation/colonnes/score_entier.hpp>
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/evaluation/trace.hpp>
#include <caqes/evaluation/valeur.hpp>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace caqes::colonnes {

namespace detail {

// A block's scores per row, in lanes L: per volet, over all its indicators and over its regional
// ones (scores_contrat), the latter sized only when the plan has a regional indicator; and the
// referentiel kernel's scratch state, sized only when the plan has a referentiel.
template <class L>
struct scores_bloc {
    std::array<std::vector<L>, volets_max> points;
    std::array<std::vector<L>, volets_max> poids;
    std::array<std::vector<L>, volets_max> points_regional;
    std::array<std::vector<L>, volets_max> poids_regional;
    bilans_referentiel bilans;

    scores_bloc(std::size_t n, bool referentiels, bool regionaux) : bilans(referentiels ? n : 0) {
        for (std::size_t v = 0; v < volets_max; ++v) {
            points[v].assign(n, 0);
            poids[v].assign(n, 0);
            points_regional[v].assign(regionaux ? n : 0, 0);
            poids_regional[v].assign(regionaux ? n : 0, 0);
        }
    }
};

template <sens D, bool Echelle, class T, class L>
void noter_cible_en(const T* x, std::size_t n, const cible_a<arith_fixe<T>>& c, const gains_voie<L>& g, bool regional,
                    std::size_t volet, scores_bloc<L>& s) {
    if (regional) {
        noter_cible<D, Echelle, true>(x, n, c, g, s.points[volet].data(), s.poids[volet].data(),
                                      s.points_regional[volet].data(), s.poids_regional[volet].data());
    } else {
        noter_cible<D, Echelle, false>(x, n, c, g, s.points[volet].data(), s.poids[volet].data(),
                                       static_cast<L*>(nullptr), static_cast<L*>(nullptr));
    }
}

// An indicator decided by its target: its column x read in storage T, the kernel of its shape.
template <class T, class L>
void noter_cible_de(const T* x, const lot_colonnes& lot, const indicateur_plan& ip, const indicateur& ind,
                    const gains_voie<L>& g, scores_bloc<L>& s) {
    const cible_a<arith_fixe<T>> c = ip.cible_en<T>();
    const std::size_t n = lot.taille();
    const bool echelle = ind.objectif.type_valeur == type_mesure::echelle;
    if (ind.direction == sens::plus_bas_est_mieux) {
        if (echelle) return noter_cible_en<sens::plus_bas_est_mieux, true>(x, n, c, g, ip.regional, ip.volet, s);
        return noter_cible_en<sens::plus_bas_est_mieux, false>(x, n, c, g, ip.regional, ip.volet, s);
    }
    if (echelle) return noter_cible_en<sens::plus_haut_est_mieux, true>(x, n, c, g, ip.regional, ip.volet, s);
    noter_cible_en<sens::plus_haut_est_mieux, false>(x, n, c, g, ip.regional, ip.volet, s);
}

// An indicator without a target: its referentiel's conditions, each on its own column.
template <class L>
void noter_referentiel_de(const lot_colonnes& lot, const indicateur_plan& ip, const indicateur& ind,
                          const gains_voie<L>& g, scores_bloc<L>& s) {
    std::array<std::array<condition_colonne, conditions_max>, conjonctions_max> conditions{};
    std::array<std::size_t, conjonctions_max> tailles{};
    for (std::size_t a = 0; a < ind.ref.taille; ++a) {
        tailles[a] = ind.ref.termes[a].taille;
        for (std::size_t b = 0; b < ind.ref.termes[a].taille; ++b) {
            const auto c = static_cast<std::size_t>(ip.colonnes_conditions[a][b]);
            condition_colonne& cc = conditions[a][b];
            const colonne_lue x = lot.lue(c);
            cc.st = x.st;
            cc.cellules = x.cellules;
            cc.op = ind.ref.termes[a].termes[b].op;
            cc.seuil = ip.seuils_conditions[a][b];
        }
    }
    noter_referentiel(conditions, tailles, ind.ref.taille, lot.taille(), g, ip.regional, s.points[ip.volet].data(),
                      s.poids[ip.volet].data(), s.points_regional[ip.volet].data(), s.poids_regional[ip.volet].data(),
                      s.bilans);
}

// Every indicator of the template over the block: one kernel call each.
template <class L>
void noter_lot(const lot_colonnes& lot, scores_bloc<L>& s) {
    const modele_contrat_def& m = lot.grille().modele();
    const plan_colonnes& plan = lot.grille().plan();
    for (const indicateur_plan& ip : plan.indicateurs) {
        const indicateur& ind = m.volets[ip.volet].grille[ip.indice];
        const gains_voie<L> g = gains_voie<L>::de(ip.gains);
        if (ip.colonne_cible == colonne_absente) {
            noter_referentiel_de(lot, ip, ind, g, s);
            continue;
        }
        const colonne_lue x = lot.lue(static_cast<std::size_t>(ip.colonne_cible));
        selon_stockage(x.st, [&](auto t) {
            using T = decltype(t);
            noter_cible_de(static_cast<const T*>(x.cellules), lot, ip, ind, g, s);
        });
    }
}

// How many rows ahead a row's data is asked for (lot_colonnes::precharger): 4 and 8 measured
// alike; 4 keeps the lines asked for within what the first-level cache holds beside the rows
// being concluded.
inline constexpr std::size_t distance_prechargement = 4;

// Each row's conclusion, in regime R, written to row `debut + i` of `sortie`.
template <regime_id R, class L>
void conclure_lot(const lot_colonnes& lot, const scores_bloc<L>& s, resultats_colonnes<std::int64_t>& sortie,
                  std::size_t debut) {
    const grille_lot& g = lot.grille();
    const std::size_t nv = std::min(g.modele().volets.size(), volets_max);
    ligne_resultats ligne(sortie, debut);
    // The regional scores exist only for a plan with regional indicators (scores_bloc).
    const bool regionaux = !s.points_regional[0].empty();
    for (std::size_t i = 0; i < lot.taille(); ++i) {
        ligne.aller_a(debut + i);
        lot.precharger(i + distance_prechargement);
        if (lot.voie(i) != voie_ligne::colonnes) {
            const rapport_valide& r = lot.rapport(i);
            // Its own parameters, equal to the grid's (CAQES-E048).
            evaluer_vers(r, g.politique(), ligne);
            continue;
        }
        scores_contrat<score_entier<L>> sc{};
        for (std::size_t v = 0; v < nv; ++v) {
            sc.volets[v] = {s.points[v][i], s.poids[v][i]};
            if (regionaux) sc.regional[v] = {s.points_regional[v][i], s.poids_regional[v][i]};
        }
        // A row in columns evaluates the batch's template: its report brought no avenant volet.
        conclure_pour<R>(g.modele(), sc, ligne_lot{lot, i}, ligne);
    }
}

template <class L>
void evaluer_en(const lot_colonnes& lot, resultats_colonnes<std::int64_t>& sortie, std::size_t debut) {
    const std::vector<indicateur_plan>& ips = lot.grille().plan().indicateurs;
    const bool referentiels = std::any_of(
        ips.begin(), ips.end(), [](const indicateur_plan& ip) { return ip.colonne_cible == colonne_absente; });
    const bool regionaux = std::any_of(ips.begin(), ips.end(), [](const indicateur_plan& ip) { return ip.regional; });
    scores_bloc<L> s(lot.taille(), referentiels, regionaux);
    if (!lot.grille().plan().scalaire_seulement()) noter_lot(lot, s);
    switch (lot.grille().modele().regime) {
        case regime_id::caqes_2017:
            return conclure_lot<regime_id::caqes_2017>(lot, s, sortie, debut);
        case regime_id::caqes_2022:
            return conclure_lot<regime_id::caqes_2022>(lot, s, sortie, debut);
        case regime_id::successeur_2026:
            return conclure_lot<regime_id::successeur_2026>(lot, s, sortie, debut);
        case regime_id::contrats_anterieurs:
            break;
    }
    conclure_lot<regime_id::contrats_anterieurs>(lot, s, sortie, debut);
}

}  // namespace detail

// Evaluates block `lot` into rows `debut` to `debut + lot.taille()` of `sortie`, in the order
// its reports were added; `sortie` grows when it has fewer rows.
inline void evaluer_lot(const lot_colonnes& lot, resultats_colonnes<std::int64_t>& sortie, std::size_t debut) {
    if (sortie.taille() < debut + lot.taille()) sortie.agrandir(debut + lot.taille());
    if (lot.grille().plan().voie == voie_score::i32) return detail::evaluer_en<std::int32_t>(lot, sortie, debut);
    detail::evaluer_en<std::int64_t>(lot, sortie, debut);
}
// The same, its rows appended to `sortie`.
inline void evaluer_lot(const lot_colonnes& lot, resultats_colonnes<std::int64_t>& sortie) {
    evaluer_lot(lot, sortie, sortie.taille());
}

// The full result and the trace of row i of a block, on demand (docs/design-columnar.md, section
// 4.4). A row on the scalar path is evaluated from the report the block kept for it. A row in
// columns is evaluated from its cells, each read back as the exact fraction cell / scale
// (`lot_colonnes::valeur`: a column holds only exact values), through the scalar evaluator's
// rules for each indicator and the same conclusion as evaluer_lot's, so the trace shows the
// exact values and the law's versions as the scalar evaluator's would.
template <class Trace>
[[nodiscard]] resultat_evaluation evaluer_un(const lot_colonnes& lot, std::size_t i, Trace& t) {
    const grille_lot& g = lot.grille();
    if (lot.voie(i) != voie_ligne::colonnes) return evaluer(lot.rapport(i), g.politique(), t);
    const modele_contrat_def& m = g.modele();
    scores_contrat<> s{};
    for (const indicateur_plan& ip : g.plan().indicateurs) {
        const indicateur& ind = m.volets[ip.volet].grille[ip.indice];
        valeurs_indicateur vals{};
        for (std::size_t j = 0; j < mesures_max; ++j) {
            if (ip.colonnes[j] != colonne_absente) vals[j] = lot.valeur(static_cast<std::size_t>(ip.colonnes[j]), i);
        }
        caqes::detail::noter(s, m.regime, ip.volet, ind, planifier(ind), vals, g.politique(), t);
    }
    resultat_evaluation res{};
    conclure(m, s, ligne_lot{lot, i}, res);
    return res;
}
// The same, without a trace.
[[nodiscard]] inline resultat_evaluation evaluer_un(const lot_colonnes& lot, std::size_t i) {
    sans_trace t;
    return evaluer_un(lot, i, t);
}

// CAQES-E038 at compile time: the batch evaluator takes only a block that validateur_lot filled
// from validated reports; anything else is named by the error rather than by a list of
// candidates.
template <class X, class... Reste>
    requires(!std::same_as<std::remove_cvref_t<X>, lot_colonnes>)
void evaluer_lot(const X&, Reste&&...) {
    static_assert(!std::same_as<X, X>,
                  "CAQES-E038: a report reaches an evaluator without being validated against its template "
                  "(D.162-16 II (the evaluation applies the establishment's own contract)); evaluer_lot takes "
                  "only a lot_colonnes that validateur_lot filled from reports validated against the batch's "
                  "template: add each validate(...).valeur() to a validateur_lot and evaluate what it gives; see "
                  "docs/diagnostics.md#caqes-e038");
}

}  // namespace caqes::colonnes
