#pragma once
// From volet scores to proposals and ceilings, per regime (CAQES.md sections 2, 3 and 5).
//
// The evaluator proposes; the ARS decides (D.162-16 IV: it "peut" notify, and may decide not
// to). Every amount is rounded towards zero to the cent (monnaie/montant.hpp), so caps hold
// after rounding.
#include <caqes/calendrier/arithmetique.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/monnaie/montant.hpp>

#include <optional>

namespace caqes {

namespace regles {

// CAQES-E031: L.162-30-3: the yearly target may not be more than 30 % below the previous
// year's number, i.e. target >= floor x previous, the floor being the version's (70 %).
[[nodiscard]] constexpr bool cible_au_dessus_du_plancher(const donnees_l162_30_4& d, fraction plancher) noexcept {
    const fraction p = plancher.normalisee();
    return int128{d.actes_cible} * p.den >= int128{d.actes_annee_precedente} * p.num;
}

// L.162-30-4: the measures come "two years" after the referral, the delay being the version's
// `delai_saisine` in whole years. Whether a day that does not exist (29 February plus two
// years) is the month's last day, rolled over or no day at all is [U] (CAQES.md section 7): the
// template names it (`modele_contrat_def::jours`), and under `stricte` no day is CAQES-E023.
// One definition for `validate`, which refuses a report whose deadline is no day, and for the
// evaluators, which compare the evaluation date with it.
[[nodiscard]] constexpr date_calculee echeance_saisine(const donnees_l162_30_4& d, fraction delai_annees,
                                                       politique_jour jours) noexcept {
    return ajouter_annees(d.saisine, static_cast<int>(delai_annees.num / delai_annees.den), jours);
}

// The last day of the measures' period: the evaluation date plus `duree_mesures_mois` [U], under
// the template's day policy as above (31 December plus six months is no day under `stricte`).
[[nodiscard]] constexpr date_calculee fin_des_mesures(ymd date_evaluation, int duree_mesures_mois,
                                                      politique_jour jours) noexcept {
    return ajouter_mois(date_evaluation, duree_mesures_mois, jours);
}

}  // namespace regles

// The law of one evaluation context (a template, an exercise, an evaluation date, parameters):
// the rules `regles_de` gives and the version of every article in force on their date, from
// which `constante_en_vigueur` and `version_pour` answer without a lookup by date. A batch
// computes it once per context (docs/design-columnar.md, section 3); the scalar evaluator once
// per evaluation (`lois_pour`). Only `jour()` and the versions are read by the proposals.
struct lois_du_jour {
    regles_appliquees regles{};
    versions_du_jour versions{};

    [[nodiscard]] constexpr ymd jour() const noexcept { return regles.date; }
    [[nodiscard]] constexpr valeur_legale constante(article_loi a, constante_legale c) const noexcept {
        return constante_en_vigueur(versions, a, c);
    }
    [[nodiscard]] constexpr const version_loi* version(issue_legale i) const noexcept {
        return version_pour(versions, i);
    }
    [[nodiscard]] constexpr const version_loi* version(article_loi a) const noexcept {
        return version_en_vigueur(versions, a);
    }
};

// The law in force on `jour`, for a proposal computed outside an evaluation (its date of the
// rules is `jour`; nothing else of an evaluation context is set).
[[nodiscard]] constexpr lois_du_jour lois_au(ymd jour) noexcept {
    lois_du_jour l{};
    l.regles.date = jour;
    l.versions = versions_au(jour);
    return l;
}

namespace detail {

// base x taux x part, rounded towards zero once, checked against base x plafond x part; cites
// `loi`, the version the cap was looked up in. `part` is the share of the year a partly covered
// volet counts under pro rata temporis (couverture_volet::part; 1 otherwise): it is folded into
// the rates, exactly, before the one rounding of the amount (docs/evaluation.md), since scaling
// an amount already rounded, trunc(trunc(base x taux) x part), lost up to a cent. A product of
// rates that does not fit 64-bit fractions is reported like an amount that does not fit
// (`depassement`), never wrapped. A rate of zero (a share the parameters set to 0, a score that
// earned nothing) proposes nothing, not an amount of zero: `p` is left as it is, and every outcome
// reads the same way, whichever caller's rate it is. A negative base (no revenue, share or savings
// a report may give, CAQES-E028) proposes nothing either: its "cap" would be an amount below the
// one asked for, and a sanction a payment. Written into `p`, which holds no proposal
// yet: a batch writes each row's proposal in place, field by field, rather than building a
// 64-byte value and copying it (a copy that reloads what was just stored narrowly stalls the
// store buffer).
[[gnu::always_inline]] constexpr void plafonner_dans(proposition& p, nature_proposition n, centimes base, fraction taux,
                                                     fraction plafond, const version_loi* loi, bool illustratif,
                                                     fraction part = entier(1)) noexcept {
    if (!taux.positive() || base < centimes{0}) return;
    p.taux = taux;
    p.loi = loi;
    p.nature = n;
    p.illustratif = illustratif;
    fraction_verifiee taux_part{taux, true};
    fraction_verifiee plafond_part{plafond, true};
    if (part.num != part.den) {
        taux_part = multiplier(taux, part);
        plafond_part = multiplier(plafond, part);
    }
    if (!taux_part.ok || !plafond_part.ok) {
        p.depassement = true;
        return;
    }
    const montant_calcule voulu = appliquer_taux(base, taux_part.f);
    const montant_calcule cap = appliquer_taux(base, plafond_part.f);
    p.depassement = !voulu.ok || !cap.ok;
    if (p.depassement) return;
    const montant_plafonne m = plafonner(voulu.valeur, cap.valeur);
    p.montant = m.valeur;
    p.plafond = m.plafond;
    p.plafond_atteint = m.plafond_atteint;
}

// The same, as a value.
[[nodiscard]] constexpr proposition montant_plafonne_de(nature_proposition n, centimes base, fraction taux,
                                                        fraction plafond, const version_loi* loi,
                                                        bool illustratif) noexcept {
    proposition p{};
    plafonner_dans(p, n, base, taux, plafond, loi, illustratif);
    return p;
}

// The rate of the first step whose threshold the score is under (the steps: parametres_2017).
template <class S>
[[nodiscard]] constexpr fraction taux_sanction(const parametres_2017& p, const S& score) noexcept {
    for (const auto& palier : p.paliers) {
        if (palier.taux.positive() && score.inferieur(palier.seuil)) return palier.taux;
    }
    return {0, 1};
}

}  // namespace detail

// First generation, one volet (D.162-16 III 1, 2017): "soit une sanction ... soit un
// interessement". The socle has no incentive (D.162-16 I); an additional volet carries one only
// when the template's clauses say so. Caps are those of the D.162-16 version in force on
// `lois.jour()`, the date of the rules; a version that provides the outcome no longer gives
// none. Savings *non renseignees* compute no incentive, and the proposal says so. `S` is the
// score's representation (realisation.hpp): only `defini()` and its comparisons with the
// thresholds (`au_moins`, `inferieur`) are read.
//
// Written into `pr`, which holds no proposal yet (see detail::plafonner_dans, which applies
// `part`, the share of a partly covered year under pro rata temporis).
template <class S = score_volet>
[[gnu::always_inline]] constexpr void proposer_2017(proposition& pr, const volet_modele& v, const S& s, centimes base,
                                                    const std::optional<centimes>& economies_donnees,
                                                    const parametres_2017& p, const lois_du_jour& lois,
                                                    fraction part = entier(1)) noexcept {
    if (!s.defini()) return;
    if (v.clauses.contient(interessement) && s.au_moins(p.seuil_interessement)) {
        if (!economies_donnees) {
            pr.economies_non_renseignees = true;
            return;
        }
        const centimes economies = *economies_donnees;
        if (economies <= centimes{0}) return;  // negative or no savings give no incentive
        const valeur_legale cap = lois.constante(article_loi::d162_16, constante_legale::plafond_interessement);
        if (!cap.en_vigueur() || !cap.version->permises.contient(issue_legale::interessement_volet)) return;
        detail::plafonner_dans(pr, nature_proposition::interessement_volet, economies, p.part_interessement, cap.valeur,
                               cap.version, p.illustratif, part);
        return;
    }
    if (!v.clauses.contient(sanction)) return;
    const fraction taux = detail::taux_sanction(p, s);
    const valeur_legale cap = lois.constante(article_loi::d162_16, constante_legale::plafond_sanction_volet);
    if (!cap.en_vigueur() || !cap.version->permises.contient(issue_legale::sanction_volet)) return;
    detail::plafonner_dans(pr, nature_proposition::sanction_volet, base, taux, cap.valeur, cap.version, p.illustratif,
                           part);
}

// The same, as a value.
template <class S = score_volet>
[[nodiscard]] constexpr proposition proposition_2017(const volet_modele& v, const S& s, centimes base,
                                                     const std::optional<centimes>& economies_donnees,
                                                     const parametres_2017& p, const lois_du_jour& lois) noexcept {
    proposition pr{};
    proposer_2017(pr, v, s, base, economies_donnees, p, lois);
    return pr;
}

// D.162-16 III 1 (2017): "dans la limite de 5 % de ces produits, pour l'ensemble des volets".
// With four volets capped at 1 % each this cap cannot bind under the law's values; the law's
// rule is still applied: the sanctions are scaled down in proportion, each rounded towards
// zero, so their sum stays within the cap. `sortie` (a `sortie_conclusion`, proposition.hpp)
// holds the first `nombre_volets` volets' proposals; it is told when the cap binds.
template <class O>
constexpr void appliquer_plafond_global(O& sortie, std::size_t nombre_volets, centimes base,
                                        fraction plafond_global) noexcept {
    const montant_calcule cap = appliquer_taux(base, plafond_global);
    int128 total = 0;
    for (std::size_t i = 0; i < nombre_volets; ++i) {
        if (sortie.principale(i).nature == nature_proposition::sanction_volet)
            total += sortie.principale(i).montant.valeur;
    }
    // A negative base (refused in a report, CAQES-E028, but this function is public) caps
    // nothing: scaling towards a negative cap would divide by a total of zero or enlarge the
    // sanctions. Past this line total > cap >= 0, so the division below is by a positive total.
    if (!cap.ok || cap.valeur.valeur < 0 || total <= cap.valeur.valeur) return;
    sortie.noter_plafond_global();
    for (std::size_t i = 0; i < nombre_volets; ++i) {
        proposition& pr = sortie.principale(i);
        if (pr.nature != nature_proposition::sanction_volet) continue;
        pr.montant = centimes{static_cast<std::int64_t>(int128{pr.montant.valeur} * cap.valeur.valeur / total)};
        pr.plafond_atteint = true;
    }
}

// D.162-16 III 2 (2017): for breaches on health products, a cut of the insurance's share of
// liste en sus products "dans la limite de 30 %", at the rate the ARS chose (a parameter
// checked by CAQES-E050), on the establishment's own share (its report's, CAQES-E066).
[[nodiscard]] constexpr proposition proposer_reduction_liste_en_sus_2017(const reduction_liste_en_sus_2017& choix,
                                                                         centimes part_liste_en_sus,
                                                                         const lois_du_jour& lois) noexcept {
    const valeur_legale cap = lois.constante(article_loi::d162_16, constante_legale::plafond_reduction_liste_en_sus);
    if (!cap.en_vigueur() || !cap.version->permises.contient(issue_legale::reduction_liste_en_sus)) return {};
    return detail::montant_plafonne_de(nature_proposition::minoration, part_liste_en_sus, choix.taux, cap.valeur,
                                       cap.version, false);
}

// Second generation, one volet: the national incentive (D.162-16 V 2), from the volet's
// savings, revised downwards by the contract's overall score when the parameters say so.
// Written into `pr`, which holds no proposal yet (see detail::plafonner_dans, which applies
// `part`, the share of a partly covered year under pro rata temporis).
[[gnu::always_inline]] constexpr void proposer_2022(proposition& pr, const volet_modele& v, fraction score_global,
                                                    const std::optional<centimes>& economies_donnees,
                                                    const parametres_2022& p, const lois_du_jour& lois,
                                                    fraction part = entier(1)) noexcept {
    if (!v.clauses.contient(interessement)) return;
    if (!economies_donnees) {
        pr.economies_non_renseignees = true;
        return;
    }
    const centimes economies = *economies_donnees;
    if (economies <= centimes{0}) return;
    const version_loi* loi = lois.version(issue_legale::interessement_national);
    if (loi == nullptr) return;
    fraction taux = p.part_economies_nationale;
    if (p.revision_par_score) {
        const detail::fraction_verifiee revise = detail::multiplier(taux, score_global);
        if (!revise.ok) {
            pr.taux = taux;
            pr.loi = loi;
            pr.nature = nature_proposition::interessement_national;
            pr.illustratif = p.illustratif;
            pr.depassement = true;
            return;
        }
        taux = revise.f;
    }
    // The national incentive has no legal cap of its own: it is checked against the savings. A
    // rate revised down to nothing proposes no incentive, not a zero one (plafonner_dans).
    detail::plafonner_dans(pr, nature_proposition::interessement_national, economies, taux, entier(1), loi,
                           p.illustratif, part);
}

// The same, as a value.
[[nodiscard]] constexpr proposition proposition_2022(const volet_modele& v, fraction score_global,
                                                     const std::optional<centimes>& economies_donnees,
                                                     const parametres_2022& p, const lois_du_jour& lois) noexcept {
    proposition pr{};
    proposer_2022(pr, v, score_global, economies_donnees, p, lois);
    return pr;
}

// Successor, one scheme: an allocation computed from the savings (L.162-23-14 1).
[[nodiscard]] constexpr proposition proposition_successeur(const volet_modele& v,
                                                           const std::optional<centimes>& economies_donnees,
                                                           const parametres_successeur& p,
                                                           const lois_du_jour& lois) noexcept {
    if (!v.clauses.contient(dotation_complementaire)) return {};
    if (!economies_donnees) return proposition{.economies_non_renseignees = true};
    const centimes economies = *economies_donnees;
    if (economies <= centimes{0}) return {};
    const version_loi* loi = lois.version(issue_legale::dotation);
    if (loi == nullptr) return {};
    return detail::montant_plafonne_de(nature_proposition::dotation, economies, p.part_economies, entier(1), loi,
                                       p.illustratif);
}

// Refusal to sign, on `jour` (the day the sanction is pronounced): D.162-15 fixes the rate,
// "correspondant a 1 %" in both versions (L.162-30-2 LEGIARTI000041398036 says the same). There
// is no user rate: the amount is exactly 1 % of the revenue base. Only a CAQES has one: the
// successor scheme and earlier contracts get none.
[[nodiscard]] constexpr proposition sanction_refus_signature(regime_id r, centimes base, ymd jour) noexcept {
    if (r != regime_id::caqes_2017 && r != regime_id::caqes_2022) return {};
    const valeur_legale taux = constante_en_vigueur(article_loi::d162_15, constante_legale::taux_sanction_refus, jour);
    if (!taux.en_vigueur()) return {};
    return detail::montant_plafonne_de(nature_proposition::sanction_refus, base, taux.valeur, taux.valeur, taux.version,
                                       false);
}

// D.162-15 (2017): the alternative for the products volets, "reduire de 30 %" the insurance's
// share of liste en sus products: a fixed rate, applied to the share the user supplies
// (future reimbursements), an estimate. The 2022 version has no such alternative.
[[nodiscard]] constexpr proposition reduction_refus_2017(regime_id r, centimes part_liste_en_sus, ymd jour) noexcept {
    if (r != regime_id::caqes_2017) return {};
    const valeur_legale taux = constante_en_vigueur(article_loi::d162_15, constante_legale::taux_reduction_refus, jour);
    if (!taux.en_vigueur()) return {};
    return detail::montant_plafonne_de(nature_proposition::minoration, part_liste_en_sus, taux.valeur, taux.valeur,
                                       taux.version, false);
}

// The outcomes of the law one volet's clauses ask for, per regime: a clause is a volet's
// promise, the outcome is what the law provides on the date of the rules.
[[nodiscard]] constexpr issues_legales issues_du_volet(regime_id r, const volet_modele& v) noexcept {
    issues_legales d{};
    switch (r) {
        case regime_id::caqes_2017:
            if (v.clauses.contient(sanction)) d.ajouter(issue_legale::sanction_volet);
            if (v.clauses.contient(interessement)) d.ajouter(issue_legale::interessement_volet);
            if (v.clauses.contient(minoration_liste_en_sus)) d.ajouter(issue_legale::reduction_liste_en_sus);
            break;
        case regime_id::caqes_2022:
            if (v.clauses.contient(interessement)) d.ajouter(issue_legale::interessement_national);
            if (v.clauses.contient(abattement_tarifaire)) d.ajouter(issue_legale::abattement);
            if (v.clauses.contient(minoration_liste_en_sus)) d.ajouter(issue_legale::minoration);
            break;
        case regime_id::successeur_2026:
            if (v.clauses.contient(dotation_complementaire)) d.ajouter(issue_legale::dotation);
            if (v.clauses.contient(penalite)) d.ajouter(issue_legale::penalite_financement);
            break;
        case regime_id::contrats_anterieurs:
            break;
    }
    return d;
}

// Whether an indicator counts in the regional score: only the second generation uses it
// (D.162-16 V 1, the regional objectives; illustrative indicators stand in for regional ones).
[[nodiscard]] constexpr bool compte_regional(regime_id r, const indicateur& ind) noexcept {
    return r == regime_id::caqes_2022 && ind.provenance != origine::nationale;
}

// The outcomes of the contract itself rather than of one of its volets: the 2022 regional
// incentive (D.162-16 V 1), which follows the regional objectives of every volet the exercise
// evaluates and needs no clause. Its decision is recorded on any volet, once a year (CAQES-E036).
[[nodiscard]] constexpr bool issue_du_contrat(regime_id r, issue_legale n) noexcept {
    return r == regime_id::caqes_2022 && n == issue_legale::interessement_regional;
}

// The outcomes the law sets as a rate for a limited duration, on the establishment's tariffs or
// its liste en sus share (D.162-16 III 2; L.162-30-4): contract-level proposals, decided by their
// rate and duration.
[[nodiscard]] constexpr bool nature_de_taux(issue_legale i) noexcept {
    return i == issue_legale::reduction_liste_en_sus || i == issue_legale::abattement || i == issue_legale::minoration;
}

// The same over a whole template.
[[nodiscard]] constexpr issues_legales issues_demandees(const modele_contrat_def& m) noexcept {
    issues_legales d{};
    for (const auto& v : m.volets) {
        for (const issue_legale i : toutes_issues_legales) {
            if (issues_du_volet(m.regime, v).contient(i)) d.ajouter(i);
        }
    }
    return d;
}

// Run-time check of a parameter set for a template: the rates within the law (CAQES-E050) and
// every open notion the template's clauses need given a value (CAQES-E051), since none has a
// default: "largement superieur" and the duration for the L.162-30-4 measures. The bases an
// outcome is measured on are each establishment's, checked with its report (CAQES-E066).
[[nodiscard]] inline violations validate(const modele_contrat_def& m, const parametres_evaluation& p) {
    violations out = validate(p);
    const issues_legales d = issues_demandees(m);
    if (d.contient(issue_legale::abattement) || d.contient(issue_legale::minoration)) {
        if (!p.p2022.seuil_largement_superieur) {
            out.push_back({regle::parametre_ouvert_absent, "p2022.seuil_largement_superieur",
                           "L.162-30-4 \"largement superieur au nombre attendu\": the grid must name the excess over "
                           "the target"});
        }
        if (!p.p2022.duree_mesures_mois || *p.p2022.duree_mesures_mois <= 0) {
            out.push_back({regle::parametre_ouvert_absent, "p2022.duree_mesures_mois",
                           "L.162-30-4 \"fixes pour une duree limitee\": the measures need a duration in months"});
        }
    }
    return out;
}

// The law an evaluation applies: the date its policy gives, the outcomes asked for that no
// version in force provides, and the policies that would apply another version.
[[nodiscard]] constexpr regles_appliquees regles_de(const modele_contrat_def& m, int exercice, ymd date_evaluation,
                                                    const parametres_evaluation& p) noexcept {
    regles_appliquees g{};
    g.politique = p.version;
    g.date = date_des_regles(p.version, m.regime, exercice, date_evaluation);
    issues_legales demandees = issues_demandees(m);
    if (m.regime == regime_id::caqes_2022 && p.p2022.enveloppe_regionale > centimes{0}) {
        demandees.ajouter(issue_legale::interessement_regional);
    }
    const versions_du_jour ici = versions_au(g.date);
    for (const issue_legale i : toutes_issues_legales) {
        if (demandees.contient(i) && !ici.permet(i)) g.refusees.ajouter(i);
    }
    for (const version_applicable autre : politiques_de_version) {
        if (autre == p.version) continue;
        const ymd jour = date_des_regles(autre, m.regime, exercice, date_evaluation);
        if (!jour.ok()) continue;  // no evaluation date given: that policy cannot be compared
        const versions_du_jour la = versions_au(jour);
        for (const issue_legale i : toutes_issues_legales) {
            if (!demandees.contient(i)) continue;
            if (la.de(article_de(i)) != ici.de(article_de(i)) || la.permet(i) != ici.permet(i)) {
                g.politiques_divergentes =
                    static_cast<std::uint8_t>(g.politiques_divergentes | (1U << static_cast<unsigned>(autre)));
            }
        }
    }
    return g;
}

// The law of an evaluation context: its rules (the date every constant is looked up at, the
// outcomes refused, the diverging policies) and the versions in force on that date. On or
// after the regime's end (2027-01-01 for the second generation), the template's transition
// policy has cut or kept the terms (CAQES-E006): every output shows it.
[[nodiscard]] constexpr lois_du_jour lois_pour(const modele_contrat_def& m, int exercice, ymd date_evaluation,
                                               const parametres_evaluation& p) noexcept {
    lois_du_jour l{};
    // Every constant is looked up at the date the version policy gives (droit/loi.hpp).
    l.regles = regles_de(m, exercice, date_evaluation, p);
    l.regles.date_evaluation = date_evaluation;
    l.regles.annee_partielle = p.annee_partielle;
    l.regles.transition = m.transition;
    const ymd fin_regime = decrire(m.regime).fin_effets;
    if (!(ymd{exercice, 1, 1} < fin_regime) || !(date_evaluation < fin_regime))
        l.regles.signaler(alerte_evaluation::transition_appliquee);
    l.versions = versions_au(l.regles.date);
    return l;
}

}  // namespace caqes
