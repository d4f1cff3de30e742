#pragma once
// The yearly evaluation: indicator achievements, volet scores, then proposals per regime.
//
// Two drivers share every rule:
// - `evaluer(def, plans, rapport, ...)` loops over a template known at run time;
// - `evaluateur<def>::evaluer(rapport, ...)` unrolls a template known at compile time with
//   fold expressions, so that each indicator's comparisons see constant thresholds and the
//   code matches a hand-written evaluation of the same rules.
// Neither allocates; with `sans_trace` neither pays for tracing.
#include <caqes/contrat/modele.hpp>
#include <caqes/evaluation/issues.hpp>
#include <caqes/evaluation/plan.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/evaluation/trace.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace caqes {

// Scores gathered over a contract: per volet, overall, and over the non-national indicators
// (the regional objectives of D.162-16 V 1; illustrative indicators stand in for regional ones).
struct scores_contrat {
    std::array<score_volet, volets_max> volets{};
    score_volet global{};
    score_volet regional{};
};

namespace detail {

[[nodiscard]] constexpr const valeur_mesure& valeur_decisive(const plan_indicateur& plan, const valeurs_indicateur& v) noexcept {
    const std::int8_t i = plan.cible != mesure_absente ? plan.cible : plan.conditions[0][0];
    return v[static_cast<std::size_t>(i < 0 ? 0 : i)];
}

template <class Trace>
constexpr void noter(scores_contrat& s, std::size_t volet, const indicateur& ind, const plan_indicateur& plan,
                     const valeurs_indicateur& vals, const politique_grille& pol, Trace& t) {
    const resultat_indicateur res = evaluer_indicateur(ind, plan, vals, pol);
    s.volets[volet].ajouter(ind, res);
    s.global.ajouter(ind, res);
    if (ind.provenance != origine::nationale) s.regional.ajouter(ind, res);
    if constexpr (Trace::actif) t.indicateur_evalue(static_cast<std::uint8_t>(volet), ind, valeur_decisive(plan, vals), res);
}

}  // namespace detail

// From the scores to the proposals of the template's regime.
[[nodiscard]] constexpr resultat_evaluation conclure(const modele_contrat_def& m, const scores_contrat& s,
                                                     const rapport_annuel& r, const parametres_evaluation& p) noexcept {
    resultat_evaluation res{};
    res.nombre_volets = static_cast<std::uint8_t>(m.volets.size() < volets_max ? m.volets.size() : volets_max);
    res.score_global = s.global;
    const fraction score_global = s.global.valeur();

    for (std::size_t i = 0; i < res.nombre_volets; ++i) {
        const volet_modele& v = m.volets[i];
        resultat_volet& rv = res.volets[i];
        rv.volet = v.volet;
        rv.score = s.volets[i];
        switch (m.regime) {
            case regime_id::caqes_2017:
                rv.principale = proposition_2017(v, s.volets[i], r.produits_assurance_maladie, r.economies[i], p.p2017);
                break;
            case regime_id::caqes_2022:
                // The revision by the overall score needs one; without revision the savings decide alone.
                if (s.global.defini() || !p.p2022.revision_par_score) {
                    rv.principale = proposition_2022(v, score_global, r.economies[i], p.p2022);
                }
                break;
            case regime_id::successeur_2026:
                rv.principale = proposition_successeur(v, r.economies[i], p.successeur);
                break;
            case regime_id::contrats_anterieurs:
                break;
        }
        rv.principale.decision_finale = r.decisions[i];
    }

    if (m.regime == regime_id::caqes_2017) appliquer_plafond_global(res, r.produits_assurance_maladie, p.p2017.plafond_sanction_global);

    if (m.regime == regime_id::caqes_2022) {
        // D.162-16 V 1: the regional incentive follows the achievement of all regional objectives.
        if (p.p2022.enveloppe_regionale > centimes{0} && s.regional.defini()) {
            res.ajouter_contrat(detail::montant_plafonne_de(nature_proposition::interessement_regional, p.p2022.enveloppe_regionale,
                                                            s.regional.valeur(), entier(1), articles::d162_16_v_1_2022,
                                                            p.p2022.illustratif));
        }
        // L.162-30-4: two years after the referral, acts still above the target.
        if (r.l162_30_4) {
            const donnees_l162_30_4& d = *r.l162_30_4;
            const date_calculee echeance = ajouter_annees(d.saisine, p.p2022.delai_saisine_annees, politique_jour::fin_de_mois);
            bool pertinence = false;
            for (const auto& v : m.volets) pertinence = pertinence || v.clauses.contient(abattement_tarifaire);
            if (pertinence && echeance.ok() && r.date_evaluation >= echeance.valeur && d.actes_realises > d.actes_cible) {
                // 128-bit product: an excess that does not fit in 64-bit cents is reported, never wrapped.
                const int128 excedent_exact = int128{d.tarif_national_moyen.valeur} * (d.actes_realises - d.actes_cible);
                const bool excedent_trop_grand = excedent_exact > std::numeric_limits<std::int64_t>::max();
                const centimes excedent{excedent_trop_grand ? 0 : static_cast<std::int64_t>(excedent_exact)};
                const fraction ta = p.p2022.taux_abattement > p.p2022.plafond_abattement ? p.p2022.plafond_abattement : p.p2022.taux_abattement;
                const fraction tm = p.p2022.taux_minoration > p.p2022.plafond_minoration ? p.p2022.plafond_minoration : p.p2022.taux_minoration;
                proposition pa = detail::montant_plafonne_de(nature_proposition::abattement, excedent, ta,
                                                             p.p2022.plafond_abattement, articles::l162_30_4, p.p2022.illustratif);
                proposition pm = detail::montant_plafonne_de(nature_proposition::minoration, d.part_liste_en_sus, tm,
                                                             p.p2022.plafond_minoration, articles::l162_30_4, p.p2022.illustratif);
                // A rate asked above the 50 % cap was clamped to it: the cap bound the proposal.
                pa.plafond_atteint = pa.plafond_atteint || p.p2022.taux_abattement > p.p2022.plafond_abattement;
                if (excedent_trop_grand) pa = proposition{pa.nature, {}, {}, false, pa.taux, pa.article, {}, pa.illustratif, true};
                pm.plafond_atteint = pm.plafond_atteint || p.p2022.taux_minoration > p.p2022.plafond_minoration;
                res.ajouter_contrat(pa);
                res.ajouter_contrat(pm);
            }
        }
    }

    if (m.regime == regime_id::successeur_2026 && s.global.defini() && ymd{r.exercice, 1, 1} >= p.successeur.penalite_depuis) {
        bool clause = false;
        for (const auto& v : m.volets) clause = clause || v.clauses.contient(penalite);
        const fraction manque = fraction{score_global.den - score_global.num, score_global.den};
        const fraction taux = fraction{p.successeur.taux_penalite.num * manque.num, p.successeur.taux_penalite.den * manque.den}.normalisee();
        if (clause && taux.positive()) {
            res.ajouter_contrat(detail::montant_plafonne_de(nature_proposition::penalite_financement, r.produits_assurance_maladie, taux,
                                                            p.successeur.plafond_penalite, articles::l162_23_14, p.successeur.illustratif));
        }
    }

    auto compter = [&res](const proposition& pr) {
        const bool est_sanction = pr.nature == nature_proposition::sanction_volet || pr.nature == nature_proposition::penalite_financement;
        const bool est_interessement = pr.nature == nature_proposition::interessement_volet ||
                                       pr.nature == nature_proposition::interessement_national ||
                                       pr.nature == nature_proposition::interessement_regional ||
                                       pr.nature == nature_proposition::dotation;
        if (est_sanction) res.total_sanctions = res.total_sanctions + pr.montant;
        if (est_interessement) res.total_interessements = res.total_interessements + pr.montant;
    };
    for (std::size_t i = 0; i < res.nombre_volets; ++i) compter(res.volets[i].principale);
    for (std::size_t i = 0; i < res.nombre_contrat; ++i) compter(res.contrat[i]);
    return res;
}

// The plans of a template, in its order (one per indicator, volet by volet).
[[nodiscard]] inline std::vector<plan_indicateur> planifier(const modele_contrat_def& m) {
    std::vector<plan_indicateur> plans;
    for (const auto& v : m.volets) {
        for (const auto& ind : v.grille) plans.push_back(planifier(ind));
    }
    return plans;
}

[[nodiscard]] constexpr std::size_t nombre_indicateurs(const modele_contrat_def& m) noexcept {
    std::size_t n = 0;
    for (const auto& v : m.volets) n += v.grille.size();
    return n;
}

// Run-time driver. `plans` comes from `planifier(m)`, once per template; `r.valeurs` holds
// `nombre_indicateurs(m)` entries (validate the report first: evaluation/validation.hpp).
template <class Trace = sans_trace>
[[nodiscard]] constexpr resultat_evaluation evaluer(const modele_contrat_def& m, std::span<const plan_indicateur> plans,
                                                    const rapport_annuel& r, const parametres_evaluation& p,
                                                    const politique_grille& pol, Trace& t) {
    scores_contrat s{};
    std::size_t k = 0;
    for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
        for (const indicateur& ind : m.volets[iv].grille) {
            detail::noter(s, iv, ind, plans[k], r.valeurs[k], pol, t);
            ++k;
        }
    }
    return conclure(m, s, r, p);
}

// The same, without a trace.
[[nodiscard]] constexpr resultat_evaluation evaluer(const modele_contrat_def& m, std::span<const plan_indicateur> plans,
                                                    const rapport_annuel& r, const parametres_evaluation& p,
                                                    const politique_grille& pol = {}) {
    sans_trace t;
    return evaluer(m, plans, r, p, pol, t);
}

// Compile-time driver for a template checked by `modele_contrat<M>`.
template <const modele_contrat_def& M>
struct evaluateur {
    static constexpr std::size_t n = nombre_indicateurs(M);

  private:
    static constexpr std::size_t nv = M.volets.size();
    static_assert(nv <= volets_max, "a contract has at most four volets");

    static constexpr std::array<std::size_t, volets_max + 1> debuts = [] {
        std::array<std::size_t, volets_max + 1> d{};
        for (std::size_t i = 0; i < nv; ++i) d[i + 1] = d[i] + M.volets[i].grille.size();
        for (std::size_t i = nv; i < volets_max; ++i) d[i + 1] = d[i];
        return d;
    }();

    static constexpr std::array<plan_indicateur, n> plans = [] {
        std::array<plan_indicateur, n> p{};
        std::size_t k = 0;
        for (const auto& v : M.volets) {
            for (const auto& ind : v.grille) p[k++] = caqes::planifier(ind);
        }
        return p;
    }();

    template <std::size_t V, class Trace, std::size_t... I>
    static constexpr void noter_volet(scores_contrat& s, const rapport_annuel& r, const politique_grille& pol, Trace& t,
                                      std::index_sequence<I...>) {
        (detail::noter(s, V, M.volets[V].grille[I], plans[debuts[V] + I], r.valeurs[debuts[V] + I], pol, t), ...);
    }

    template <class Trace, std::size_t... V>
    static constexpr void noter_tout(scores_contrat& s, const rapport_annuel& r, const politique_grille& pol, Trace& t,
                                     std::index_sequence<V...>) {
        (noter_volet<V>(s, r, pol, t, std::make_index_sequence<M.volets[V].grille.size()>{}), ...);
    }

  public:
    template <class Trace = sans_trace>
    [[nodiscard]] static constexpr resultat_evaluation evaluer(const rapport_annuel& r, const parametres_evaluation& p,
                                                               const politique_grille& pol, Trace& t) {
        scores_contrat s{};
        noter_tout(s, r, pol, t, std::make_index_sequence<nv>{});
        return conclure(M, s, r, p);
    }
    [[nodiscard]] static constexpr resultat_evaluation evaluer(const rapport_annuel& r, const parametres_evaluation& p,
                                                               const politique_grille& pol = {}) {
        sans_trace t;
        return evaluer(r, p, pol, t);
    }
};

}  // namespace caqes
