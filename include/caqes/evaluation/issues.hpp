#pragma once
// From volet scores to proposals and ceilings, per regime (CAQES.md sections 2, 3 and 5).
//
// The evaluator proposes; the ARS decides (D.162-16 IV: it "peut" notify, and may decide not
// to). Every amount is rounded towards zero to the cent (monnaie/montant.hpp), so caps hold
// after rounding.
#include <caqes/contrat/modele.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/monnaie/montant.hpp>

namespace caqes {

namespace articles {
inline constexpr reference_legale d162_16_iii_2017{"CSS D.162-16 III 1", "LEGIARTI000034459834", "2017-04-23"};
inline constexpr reference_legale d162_16_v_1_2022{"CSS D.162-16 V 1", "LEGIARTI000044102658", "2022-01-01"};
inline constexpr reference_legale d162_16_v_2_2022{"CSS D.162-16 V 2", "LEGIARTI000044102658", "2022-01-01"};
inline constexpr reference_legale l162_30_4{"CSS L.162-30-4", "LEGIARTI000042685227", "2020-12-16"};
inline constexpr reference_legale l162_23_14{"CSS L.162-23-14", "LEGIARTI000053271346", "2026-01-01"};
inline constexpr reference_legale d162_15_2017{"CSS D.162-15", "LEGIARTI000034459846", "2017-04-23"};
inline constexpr reference_legale l162_30_2{"CSS L.162-30-2", "LEGIARTI000041398036", "2019-12-28"};
}  // namespace articles

namespace detail {

// base x taux, rounded towards zero, checked against base x plafond.
[[nodiscard]] constexpr proposition montant_plafonne_de(nature_proposition n, centimes base, fraction taux, fraction plafond,
                                                       const reference_legale& art, bool illustratif) noexcept {
    const montant_calcule voulu = appliquer_taux(base, taux);
    const montant_calcule cap = appliquer_taux(base, plafond);
    proposition p{.taux = taux, .source = &art, .nature = n, .illustratif = illustratif, .depassement = !voulu.ok || !cap.ok};
    if (p.depassement) return p;
    const montant_plafonne m = plafonner(voulu.valeur, cap.valeur);
    p.montant = m.valeur;
    p.plafond = m.plafond;
    p.plafond_atteint = m.plafond_atteint;
    return p;
}

[[nodiscard]] constexpr fraction taux_sanction(const parametres_2017& p, fraction score) noexcept {
    for (const auto& palier : p.paliers) {
        if (palier.taux.positive() && score < palier.seuil) return palier.taux;
    }
    return {0, 1};
}

}  // namespace detail

// First generation, one volet (D.162-16 III 1, 2017): "soit une sanction ... soit un
// interessement". The socle has no incentive (D.162-16 I); an additional volet carries one only
// when the template's clauses say so.
[[nodiscard]] constexpr proposition proposition_2017(const volet_modele& v, const score_volet& s, centimes base,
                                                     centimes economies, const parametres_2017& p) noexcept {
    if (!s.defini()) return {};
    const fraction score = s.valeur();
    if (v.clauses.contient(interessement) && score >= p.seuil_interessement) {
        if (economies <= centimes{0}) return {};  // negative or no savings give no incentive
        return detail::montant_plafonne_de(nature_proposition::interessement_volet, economies, p.part_interessement,
                                           p.plafond_interessement, articles::d162_16_iii_2017, p.illustratif);
    }
    if (!v.clauses.contient(sanction)) return {};
    const fraction taux = detail::taux_sanction(p, score);
    if (!taux.positive()) return {};
    return detail::montant_plafonne_de(nature_proposition::sanction_volet, base, taux, p.plafond_sanction_volet,
                                       articles::d162_16_iii_2017, p.illustratif);
}

// D.162-16 III 1 (2017): "dans la limite de 5 % de ces produits, pour l'ensemble des volets".
// With four volets capped at 1 % each this cap cannot bind under the law's values; the
// mechanism is still applied, so that other caps (a parameter) are honoured: the sanctions are
// scaled down in proportion, each rounded towards zero, so their sum stays within the cap.
constexpr void appliquer_plafond_global(resultat_evaluation& r, centimes base, fraction plafond_global) noexcept {
    const montant_calcule cap = appliquer_taux(base, plafond_global);
    int128 total = 0;
    for (std::size_t i = 0; i < r.nombre_volets; ++i) {
        if (r.volets[i].principale.nature == nature_proposition::sanction_volet) total += r.volets[i].principale.montant.valeur;
    }
    if (!cap.ok || total <= cap.valeur.valeur) return;
    r.plafond_global_atteint = true;
    for (std::size_t i = 0; i < r.nombre_volets; ++i) {
        proposition& pr = r.volets[i].principale;
        if (pr.nature != nature_proposition::sanction_volet) continue;
        pr.montant = centimes{static_cast<std::int64_t>(int128{pr.montant.valeur} * cap.valeur.valeur / total)};
        pr.plafond_atteint = true;
    }
}

// Second generation, one volet: the national incentive (D.162-16 V 2), from the volet's
// savings, revised downwards by the contract's overall score when the parameters say so.
[[nodiscard]] constexpr proposition proposition_2022(const volet_modele& v, fraction score_global, centimes economies,
                                                     const parametres_2022& p) noexcept {
    if (!v.clauses.contient(interessement) || economies <= centimes{0}) return {};
    fraction part = p.part_economies_nationale;
    if (p.revision_par_score) {
        const detail::fraction_verifiee revise = detail::multiplier(part, score_global);
        if (!revise.ok) {
            return {.taux = part, .source = &articles::d162_16_v_2_2022, .nature = nature_proposition::interessement_national,
                    .illustratif = p.illustratif, .depassement = true};
        }
        part = revise.f;
    }
    if (!part.positive()) return {};  // revised down to nothing: no incentive, not a zero one
    // The national incentive has no legal cap of its own: it is checked against the savings.
    return detail::montant_plafonne_de(nature_proposition::interessement_national, economies, part, entier(1),
                                       articles::d162_16_v_2_2022, p.illustratif);
}

// Successor, one scheme: an allocation computed from the savings (L.162-23-14 1).
[[nodiscard]] constexpr proposition proposition_successeur(const volet_modele& v, centimes economies,
                                                           const parametres_successeur& p) noexcept {
    if (!v.clauses.contient(dotation_complementaire) || economies <= centimes{0}) return {};
    return detail::montant_plafonne_de(nature_proposition::dotation, economies, p.part_economies,
                                       entier(1), articles::l162_23_14, p.illustratif);
}

// Refusal to sign: 1 % of the revenue base (D.162-15 2017; L.162-30-2 and D.162-15 2022).
// The texts fix the rate ("correspondant a 1 %"), so 1 % is also the cap: a parameter asking
// more is clamped to it and reported as bound.
inline constexpr fraction taux_legal_refus{1, 100};

[[nodiscard]] constexpr proposition sanction_refus_signature(regime_id r, centimes base, const parametres_evaluation& p) noexcept {
    const bool premiere = r == regime_id::caqes_2017;
    const fraction taux = premiere ? p.p2017.sanction_refus : p.p2022.sanction_refus;
    return detail::montant_plafonne_de(nature_proposition::sanction_refus, base, taux, taux_legal_refus,
                                       premiere ? articles::d162_15_2017 : articles::l162_30_2, false);
}

// D.162-15 (2017): the alternative for the products volets is a *rate* cut of the insurance's
// share of liste en sus products, at most 30 %. The amount shown is that rate applied to the
// base the user supplies (future reimbursements), an estimate, not a lump sum.
[[nodiscard]] constexpr proposition minoration_refus_2017(centimes part_liste_en_sus, fraction taux, const parametres_2017& p) noexcept {
    const fraction t = taux > p.plafond_minoration_refus ? p.plafond_minoration_refus : taux;
    proposition pr = detail::montant_plafonne_de(nature_proposition::minoration, part_liste_en_sus, t,
                                                 p.plafond_minoration_refus, articles::d162_15_2017, false);
    pr.plafond_atteint = taux > p.plafond_minoration_refus;
    return pr;
}

}  // namespace caqes
