#pragma once
// The yearly evaluation: indicator achievements, volet scores, then proposals per regime.
//
// Two drivers share every rule:
// - `evaluer(def, plans, rapport, ...)` loops over a template known at run time;
// - `evaluateur<def>::evaluer(rapport, ...)` unrolls a template known at compile time with
//   fold expressions, each indicator evaluated by the function of its shape
//   (evaluation/detail/forme.hpp), so that its branches and loops are resolved at compile time;
//   docs/performance.md measures it against hand-written code.
// Neither allocates; with `sans_trace` neither pays for tracing.
#include <caqes/contrat/modele.hpp>
#include <caqes/evaluation/detail/forme.hpp>
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/issues.hpp>
#include <caqes/evaluation/parametres_valides.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/rapport_valide.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/evaluation/trace.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace caqes {

// Scores gathered over a contract, per volet: over all its indicators, and over its
// non-national ones (the regional objectives of D.162-16 V 1; illustrative indicators stand in
// for regional ones), which only the second generation reads. `S` is the scores'
// representation (realisation.hpp); `score_volet`, exact fractions, is the one the scalar
// evaluator uses (`scores_contrat<>`).
//
// The overall and the regional scores are sums over the volets the exercise evaluates (`evalue`:
// the volet's coverage, couverture_volet::evalue). D.162-16 II: only the contract in force fixes
// objectives for the exercise, so a volet out of its term adds nothing to them, whatever the
// grid's policy makes of its indicators (validation set them non concerne, which a policy may
// count as met: compte_non_concerne::atteint).
template <class S = score_volet>
struct scores_contrat {
    std::array<S, volets_max> volets{};
    std::array<S, volets_max> regional{};

    template <class F>
    [[nodiscard]] constexpr S global(F evalue) const noexcept {
        return somme(volets, evalue);
    }
    template <class F>
    [[nodiscard]] constexpr S regional_global(F evalue) const noexcept {
        return somme(regional, evalue);
    }

  private:
    template <class F>
    [[nodiscard]] static constexpr S somme(const std::array<S, volets_max>& x, F evalue) noexcept {
        S g{};
        for (std::size_t i = 0; i < volets_max; ++i) {
            if (evalue(i)) g.fusionner(x[i]);
        }
        return g;
    }
};

// What the conclusion reads of an establishment-year (its data checked by validation):
// `rapport_valide` models it; a row of a validated block of columns is the other model the
// columnar evaluator needs (docs/design-columnar.md, section 3).
template <class E>
concept donnees_etablissement = requires(const E& e, std::size_t i) {
    { e.produits_assurance_maladie() } -> std::same_as<centimes>;
    { e.economies(i) } -> std::convertible_to<const std::optional<centimes>&>;
    { e.couverture(i) } -> std::convertible_to<const couverture_volet&>;
    { e.decisions() } -> std::convertible_to<std::span<const decision_enregistree>>;
    { e.l162_30_4() } -> std::convertible_to<const std::optional<donnees_l162_30_4>&>;
    // The bases of its own two outcomes are measured on (rapport_annuel), each present
    // wherever its outcome may be proposed (validation, CAQES-E066).
    { e.part_liste_en_sus() } -> std::convertible_to<const std::optional<centimes>&>;
    { e.base_penalite() } -> std::convertible_to<const std::optional<centimes>&>;
    { e.exercice() } -> std::same_as<int>;
    { e.annee_contrat() } -> std::same_as<int>;
    { e.date_evaluation() } -> std::same_as<ymd>;
    { e.annee_produits() } -> std::same_as<std::optional<int>>;
    { e.avec_instance() } -> std::same_as<bool>;
    // The parameters its data was validated with: the conclusion reads these and no others, so
    // that nobody can conclude an establishment under a set it was not validated with (its
    // terms' coverage was computed under that set's partial-year policy).
    { e.parametres() } -> std::same_as<const parametres_valides&>;
    // The law of its context (its evaluated template, exercise and evaluation date, under those
    // parameters), found by argument-dependent lookup: the conclusion reads this law and no
    // other, so that nobody can conclude an establishment under the caps and versions of
    // another date. A report computes it (`lois_pour(const rapport_valide&)`); a row of a block
    // reads its block's, computed once per context from the row's own report.
    { lois_pour(e) } -> std::convertible_to<const lois_du_jour&>;
};

// The law of a report's context: its evaluated template, exercise and evaluation date, under the
// parameters it was validated with.
[[nodiscard]] constexpr lois_du_jour lois_pour(const rapport_valide& r) noexcept {
    return lois_pour(r.modele_evalue(), r.exercice(), r.date_evaluation(), r.parametres().valeur());
}
static_assert(donnees_etablissement<rapport_valide>);

// The volets a conclusion writes: the template's (at most volets_max), none for a successor
// scheme, which has no volets of its own (successeur/dispositif.hpp). A reader of the result
// columns asks the same, since the columns do not store it.
[[nodiscard]] constexpr std::size_t nombre_volets_conclus(const modele_contrat_def& m) noexcept {
    if (m.regime == regime_id::successeur_2026) return 0;
    return m.volets.size() < volets_max ? m.volets.size() : volets_max;
}

namespace detail {

template <class Trace>
[[gnu::always_inline]] constexpr void noter(scores_contrat<>& s, regime_id regime, std::size_t volet,
                                            const indicateur& ind, const plan_indicateur& plan,
                                            const valeurs_indicateur& vals, const politique_grille& pol, Trace& t) {
    const resultat_indicateur res = evaluer_indicateur<Trace::actif>(ind, plan, vals, pol);
    s.volets[volet].ajouter(ind, res, pol);
    if (compte_regional(regime, ind)) s.regional[volet].ajouter(ind, res, pol);
    if constexpr (Trace::actif) t.indicateur_evalue(static_cast<std::uint8_t>(volet), ind, plan, vals, res, pol);
}

}  // namespace detail

namespace detail {

// Whether a decision of `montant` exceeds the proposal it stands beside: its amount when the
// decision is of the proposal's outcome (`meme_issue`), else nothing. A proposal whose amount did
// not fit (`depassement`) has none to be above.
[[nodiscard]] constexpr bool decision_au_dessus(const proposition& pr, bool meme_issue, centimes montant) noexcept {
    return !(meme_issue && pr.depassement) && montant > (meme_issue ? pr.montant : centimes{0});
}

// The decision recorded for an outcome of the contract rather than of a volet (the 2022 regional
// incentive, recorded on any volet; a rate measure, on the volet carrying its clause; each of a
// successor scheme's two outcomes, on its grid) beside that outcome's proposal, flagged when it
// exceeds it (within the law: validate checked it, CAQES-E062). Validation kept at most one
// decision of each (CAQES-E036). Returns the decision recorded for it, if any (it lives in
// `etab`): the entry's own nature is `aucune` when nothing was proposed, so the sink keeps which
// outcome was decided beside it (its rate and duration too, for a rate measure).
template <class E>
[[nodiscard]] constexpr const decision_volet* noter_decision_contrat(proposition& pr, const E& etab,
                                                                     issue_legale n) noexcept {
    const decision_volet* decidee = nullptr;
    for (const decision_enregistree& d : etab.decisions()) {
        if (d.d.nature != n) continue;
        pr.decision_finale = d.d.montant;
        // A rate measure is decided by its rate (its amount is an estimate over the duration the
        // decision fixes): above the proposal is a rate above the one proposed, or any rate
        // where none was.
        pr.decision_au_dessus = nature_de_taux(n) && d.d.taux
                                    ? (pr.presente() ? pr.taux < *d.d.taux : d.d.taux->positive())
                                    : decision_au_dessus(pr, pr.presente(), d.d.montant);
        decidee = &d.d;
    }
    return decidee;
}

// First generation: one proposal per volet, then the 5 % overall cap (D.162-16 III 1, 2017),
// then the liste en sus cut for products breaches (D.162-16 III 2), each with the D.162-16
// version in force on the date of the rules (`lois`).
// A partly covered volet's amounts are scaled by its share of the year (`pol`) inside the one
// rounding (detail::plafonner_dans).
template <class S, class E, class O>
constexpr void conclure_2017(O& sortie, std::size_t n, const modele_contrat_def& m, const scores_contrat<S>& s,
                             const E& etab, const parametres_2017& p, politique_annee_partielle pol,
                             const lois_du_jour& lois) noexcept {
    for (std::size_t i = 0; i < n; ++i) {
        proposition& pr = sortie.principale(i);
        pr = proposition{};
        proposer_2017(pr, m.volets[i], s.volets[i], etab.produits_assurance_maladie(), etab.economies(i), p, lois,
                      etab.couverture(i).part(pol));
    }
    const valeur_legale global = lois.constante(article_loi::d162_16, constante_legale::plafond_sanction_global);
    if (global.en_vigueur()) appliquer_plafond_global(sortie, n, etab.produits_assurance_maladie(), global.valeur);
    // "Lorsqu'il s'agit de manquements relatifs aux produits de sante": a volet carrying the
    // clause whose obligations were not all met, and a cut the ARS chose.
    // The cut is measured on the establishment's own share, which validation required wherever
    // the cut may be proposed (CAQES-E066): without it there is nothing to cut.
    proposition reduction{};
    if (p.reduction_liste_en_sus && etab.part_liste_en_sus()) {
        for (std::size_t i = 0; i < n; ++i) {
            if (!m.volets[i].clauses.contient(minoration_liste_en_sus) || !s.volets[i].defini()) continue;
            if (s.volets[i].inferieur(entier(1))) {
                reduction =
                    proposer_reduction_liste_en_sus_2017(*p.reduction_liste_en_sus, *etab.part_liste_en_sus(), lois);
                break;
            }
        }
    }
    // The cut the ARS decided (on a volet carrying the clause, CAQES-E061), beside the proposal
    // or alone.
    const decision_volet* decidee = noter_decision_contrat(reduction, etab, issue_legale::reduction_liste_en_sus);
    if (reduction.presente() || decidee) sortie.ajouter_contrat(reduction, decidee);
}

// The L.162-30-4 measures of a second-generation contract, written to `abattement` and
// `minoration` (left empty when not proposed); why one is not proposed is signalled on the
// output's rules.
template <class E, class O>
constexpr void proposer_l162_30_4(O& sortie, std::size_t n, const modele_contrat_def& m, const E& etab,
                                  const parametres_2022& p, const lois_du_jour& lois, proposition& abattement,
                                  proposition& minoration) noexcept {
    // L.162-30-4: two years after the referral, acts still "largement" above the target, for a
    // volet whose term covers the exercise. The article's two measures are distinct choices of
    // the ARS ("fixer un abattement forfaitaire ... et peut fixer une minoration forfaitaire"):
    // each is proposed only when an evaluated volet carries its own clause, the outcome the
    // contract promised (issues_du_volet), so a contract may promise the reduction alone.
    bool clause_abattement = false;
    bool clause_minoration = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!etab.couverture(i).evalue) continue;
        clause_abattement = clause_abattement || m.volets[i].clauses.contient(abattement_tarifaire);
        clause_minoration = clause_minoration || m.volets[i].clauses.contient(minoration_liste_en_sus);
    }
    if (!etab.l162_30_4() || !(clause_abattement || clause_minoration)) return;
    const version_loi* loi = lois.version(article_loi::l162_30_4);
    if (loi == nullptr) return;
    const donnees_l162_30_4& d = *etab.l162_30_4();
    // L.162-30-3: a target under the floor is no target the measures can rest on (CAQES-E031).
    const valeur_legale plancher = lois.constante(article_loi::l162_30_3, constante_legale::plancher_cible);
    if (plancher.en_vigueur() && !regles::cible_au_dessus_du_plancher(d, plancher.valeur)) {
        sortie.regles.signaler(alerte_evaluation::cible_sous_plancher);
        return;
    }
    // The open notions have no default (CAQES-E051): without them, no measure.
    if (!p.seuil_largement_superieur) sortie.regles.signaler(alerte_evaluation::seuil_largement_absent);
    if (!p.duree_mesures_mois || *p.duree_mesures_mois <= 0)
        sortie.regles.signaler(alerte_evaluation::duree_mesures_absente);
    if (!p.seuil_largement_superieur || !p.duree_mesures_mois || *p.duree_mesures_mois <= 0) return;
    // "A l'issue d'une periode de deux ans apres la saisine": without the evaluation date nothing
    // can be shown to be due, and the output says why none is proposed.
    if (!etab.date_evaluation().ok()) {
        sortie.regles.signaler(alerte_evaluation::date_evaluation_absente);
        return;
    }
    const valeur_legale delai = lois.constante(article_loi::l162_30_4, constante_legale::delai_saisine);
    // Under the template's day policy; validate refused a report whose deadline is no day (E023).
    const date_calculee echeance = regles::echeance_saisine(d, delai.valeur, m.jours);
    if (!echeance.ok() || etab.date_evaluation() < echeance.valeur) return;
    // "largement superieur": acts - target > seuil x target, in 128 bits.
    const fraction seuil = p.seuil_largement_superieur->normalisee();
    const int128 ecart = int128{d.actes_realises} - d.actes_cible;
    if (ecart <= 0 || ecart * seuil.den <= int128{d.actes_cible} * seuil.num) return;
    const date_calculee fin = regles::fin_des_mesures(etab.date_evaluation(), *p.duree_mesures_mois, m.jours);
    if (fin.ok()) sortie.regles.periode_mesures = periode{etab.date_evaluation(), fin.valeur};
    // The tariff cut: its clause, a rate, and a version that provides it.
    const bool abattement_fixe =
        clause_abattement && p.taux_abattement.positive() && loi->permises.contient(issue_legale::abattement);
    if (abattement_fixe) {
        // 128-bit product: an excess that does not fit in 64-bit cents is reported, never wrapped.
        const int128 excedent_exact = int128{d.tarif_national_moyen.valeur} * (d.actes_realises - d.actes_cible);
        const bool excedent_trop_grand = excedent_exact > std::numeric_limits<std::int64_t>::max();
        const centimes excedent{excedent_trop_grand ? 0 : static_cast<std::int64_t>(excedent_exact)};
        const fraction plafond_a = loi->trouver(constante_legale::plafond_abattement)->valeur;
        proposition pa = montant_plafonne_de(nature_proposition::abattement, excedent, p.taux_abattement, plafond_a,
                                             loi, p.illustratif);
        if (excedent_trop_grand)
            pa = proposition{
                .taux = pa.taux, .loi = loi, .nature = pa.nature, .illustratif = pa.illustratif, .depassement = true};
        abattement = pa;
    }
    if (!p.taux_minoration.positive()) return;
    // A rate without the clause proposes nothing; the output says why (the default rate is set
    // for every contract, the clause is this contract's).
    if (!clause_minoration) {
        sortie.regles.signaler(alerte_evaluation::minoration_sans_clause);
        return;
    }
    if (!loi->permises.contient(issue_legale::minoration)) return;
    // Before 2020-12-16 ("ainsi qu'une minoration") the reduction only goes with a tariff cut;
    // from then on ("et peut fixer une minoration") it may be fixed alone.
    if (loi->minoration_liee_abattement && !abattement_fixe) {
        sortie.regles.signaler(alerte_evaluation::minoration_liee);
        return;
    }
    const fraction plafond_m = loi->trouver(constante_legale::plafond_minoration)->valeur;
    minoration = montant_plafonne_de(nature_proposition::minoration, d.part_liste_en_sus, p.taux_minoration, plafond_m,
                                     loi, p.illustratif);
}

// Second generation: national incentives per volet, the regional incentive, and the L.162-30-4
// measures (D.162-16 V; L.162-30-4), with the versions in force on the date of the rules. No
// sanction proportional to revenue. `global` is the contract's overall score; a partly covered
// volet's incentive is scaled by its share of the year (`pol`) inside the one rounding.
// `regional` is the regional score of the volets the exercise evaluates.
template <class S, class E, class O>
constexpr void conclure_2022(O& sortie, std::size_t n, const modele_contrat_def& m, const S& global, const S& regional,
                             const E& etab, const parametres_2022& p, politique_annee_partielle pol,
                             const lois_du_jour& lois) noexcept {
    // The revision by the overall score needs one; without revision the savings decide alone.
    if (global.defini() || !p.revision_par_score) {
        const fraction score_global = global.valeur();
        for (std::size_t i = 0; i < n; ++i) {
            proposition& pr = sortie.principale(i);
            pr = proposition{};
            proposer_2022(pr, m.volets[i], score_global, etab.economies(i), p, lois, etab.couverture(i).part(pol));
        }
    }
    // D.162-16 V 1: the regional incentive follows the achievement of all regional objectives;
    // the decision recorded for it (on any volet, issue_du_contrat) is shown beside it. None of
    // them achieved is a rate of zero: no incentive, not a zero one (detail::plafonner_dans).
    const version_loi* v_regional = lois.version(issue_legale::interessement_regional);
    proposition pr_regional{};
    if (v_regional != nullptr && p.enveloppe_regionale > centimes{0} && regional.defini())
        pr_regional = montant_plafonne_de(nature_proposition::interessement_regional, p.enveloppe_regionale,
                                          regional.valeur(), entier(1), v_regional, p.illustratif);
    const decision_volet* regional_decide =
        noter_decision_contrat(pr_regional, etab, issue_legale::interessement_regional);
    if (pr_regional.presente() || regional_decide) sortie.ajouter_contrat(pr_regional, regional_decide);
    // The L.162-30-4 measures, each with the decision recorded for it (on a volet carrying its
    // clause, CAQES-E061), or the decision alone.
    proposition abattement{};
    proposition minoration{};
    proposer_l162_30_4(sortie, n, m, etab, p, lois, abattement, minoration);
    for (const auto& [pr, issue] :
         {std::pair{&abattement, issue_legale::abattement}, std::pair{&minoration, issue_legale::minoration}}) {
        const decision_volet* decidee = noter_decision_contrat(*pr, etab, issue);
        if (pr->presente() || decidee) sortie.ajouter_contrat(*pr, decidee);
    }
}

// The successor's penalty where the version in force provides it, from 2027 [S], on the
// establishment's own base [U] (rapport_annuel::base_penalite); none proposed: nature aucune.
template <class S, class E>
[[nodiscard]] constexpr proposition penalite_successeur(const volet_modele& grille, const S& global, const E& etab,
                                                        const parametres_successeur& p,
                                                        const lois_du_jour& lois) noexcept {
    const valeur_legale cap = lois.constante(article_loi::l162_23_14, constante_legale::plafond_penalite);
    // The establishment's own base, which validation required wherever the penalty may be
    // proposed (CAQES-E066).
    const std::optional<centimes>& base = etab.base_penalite();
    if (!grille.clauses.contient(penalite) || !cap.en_vigueur() || !global.defini() || !base) return {};
    // The formula is [U] (parametres_successeur::formule); the cap is the law's.
    detail::fraction_verifiee taux_verifie{};
    if (p.formule == formule_penalite::taux_plein_sous_seuil) {
        taux_verifie = {global.inferieur(p.seuil_penalite) ? p.taux_penalite : fraction{0, 1}, true};
    } else {
        // taux x (1 - score): the score is an operand, as a fraction.
        const fraction score_global = global.valeur();
        taux_verifie =
            detail::multiplier(p.taux_penalite, fraction{score_global.den - score_global.num, score_global.den});
    }
    if (!taux_verifie.ok)
        return {.taux = p.taux_penalite,
                .loi = cap.version,
                .nature = nature_proposition::penalite_financement,
                .illustratif = p.illustratif,
                .depassement = true};
    return montant_plafonne_de(nature_proposition::penalite_financement, *base, taux_verifie.f, cap.valeur, cap.version,
                               p.illustratif);
}

// Successor: an allocation from savings per scheme (L.162-23-14 1, interim version) and the
// penalty, each with the decision recorded for it. `global` is the scheme's overall score.
template <class S, class E, class O>
constexpr void conclure_successeur(O& sortie, const modele_contrat_def& m, const S& global, const E& etab,
                                   const parametres_successeur& p, const lois_du_jour& lois) noexcept {
    // The scheme's one grid (successeur/dispositif.hpp): its outcomes are the scheme's own.
    const volet_modele& grille = m.volets[0];
    proposition dotation = proposition_successeur(grille, etab.economies(0), p, lois);
    const decision_volet* dotation_decidee = noter_decision_contrat(dotation, etab, issue_legale::dotation);
    // Savings non renseignees compute no allocation: the result keeps the proposal that says so
    // (nature aucune, `economies_non_renseignees`), as a volet's incentive does.
    if (dotation.presente() || dotation_decidee || dotation.economies_non_renseignees)
        sortie.ajouter_contrat(dotation, dotation_decidee);
    proposition penalite_proposee = penalite_successeur(grille, global, etab, p, lois);
    const decision_volet* penalite_decidee =
        noter_decision_contrat(penalite_proposee, etab, issue_legale::penalite_financement);
    if (penalite_proposee.presente() || penalite_decidee) sortie.ajouter_contrat(penalite_proposee, penalite_decidee);
}

// Contract time (D.162-16 II): a volet whose term does not cover the exercise proposes nothing.
// Under pro rata temporis [U] a partly covered volet's amounts were scaled by its days in force
// when proposed (conclure_2017, conclure_2022), rounded once like every amount.
template <class E, class O>
constexpr void appliquer_couvertures(O& sortie, std::size_t n, const E& etab) noexcept {
    for (std::size_t i = 0; i < n; ++i) {
        const couverture_volet& c = etab.couverture(i);
        sortie.noter_couverture(i, c);
        if (!c.evalue) sortie.principale(i) = proposition{};
    }
}

// The decisions recorded, beside the proposals: the principal one per volet, flagged when it
// exceeds the proposal (it is within the law: validate checked it, CAQES-E062).
template <class E, class O>
constexpr void noter_decisions(O& sortie, std::size_t n, const E& etab) noexcept {
    for (const decision_enregistree& d : etab.decisions()) {
        sortie.compter_decision();
        if (d.volet >= n) continue;
        const std::optional<issue_legale> nature = d.d.nature;
        if (!decision_principale(nature)) continue;
        proposition& pr = sortie.principale(d.volet);
        pr.decision_finale = d.d.montant;
        sortie.noter_decision(d.volet, nature);
        const bool meme_nature = nature && pr.presente() && issue_de(pr.nature) == *nature;
        pr.decision_au_dessus = decision_au_dessus(pr, meme_nature, d.d.montant);
    }
}

// The totals, checked (CAQES-E040): each amount fits 64-bit cents, their sum may not (three
// national incentives of half of savings near the limit); such a total is never wrapped: it
// stays 0 and the result says why. Proposals and decisions have totals of their own.
template <class E, class O>
constexpr void totaliser(O& sortie, std::size_t n, const E& etab) noexcept {
    centimes sanctions{0};
    centimes interessements{0};
    centimes sanctions_decidees{0};
    centimes interessements_decides{0};
    bool depassement = false;
    auto cumuler = [&depassement](centimes& total, centimes montant) {
        const montant_calcule s = additionner(total, montant);
        if (s.ok) {
            total = s.valeur;
        } else {
            depassement = true;
        }
    };
    // A totalled proposal whose amount did not fit 64-bit cents (`depassement`, its own amount
    // 0) leaves its total unknown: the totals are not exact, as when their sum overflows.
    auto compter = [&](const proposition& pr) {
        switch (pr.nature) {
            case nature_proposition::sanction_volet:
            case nature_proposition::penalite_financement:
                depassement = depassement || pr.depassement;
                cumuler(sanctions, pr.montant);
                break;
            case nature_proposition::interessement_volet:
            case nature_proposition::interessement_national:
            case nature_proposition::interessement_regional:
            case nature_proposition::dotation:
                depassement = depassement || pr.depassement;
                cumuler(interessements, pr.montant);
                break;
            default:
                break;
        }
    };
    for (std::size_t i = 0; i < n; ++i)
        compter(sortie.principale(i));
    for (const proposition& pr : sortie.propositions_du_contrat())
        compter(pr);
    for (const decision_enregistree& d : etab.decisions()) {
        if (!d.d.nature) continue;
        switch (*d.d.nature) {
            case issue_legale::sanction_volet:
            case issue_legale::penalite_financement:
                cumuler(sanctions_decidees, d.d.montant);
                break;
            case issue_legale::interessement_volet:
            case issue_legale::interessement_national:
            case issue_legale::interessement_regional:
            case issue_legale::dotation:
                cumuler(interessements_decides, d.d.montant);
                break;
            default:
                break;  // rate measures: their amount is an estimate, totalled nowhere
        }
    }
    if (depassement) {
        sanctions = centimes{0};
        interessements = centimes{0};
        sanctions_decidees = centimes{0};
        interessements_decides = centimes{0};
    }
    sortie.noter_totaux(sanctions, interessements, sanctions_decidees, interessements_decides, depassement);
}

// The outcomes of the contract rather than of a volet that a decision may be recorded for, in
// the order the conclusion adds them: issue_du_contrat and the rate measures (nature_de_taux;
// conclure_2017, conclure_2022), a successor scheme's two (conclure_successeur).
inline constexpr std::array<issue_legale, 1> decidees_au_contrat_2017{issue_legale::reduction_liste_en_sus};
inline constexpr std::array<issue_legale, 3> decidees_au_contrat_2022{
    issue_legale::interessement_regional, issue_legale::abattement, issue_legale::minoration};
inline constexpr std::array<issue_legale, 2> decidees_au_contrat_successeur{issue_legale::dotation,
                                                                            issue_legale::penalite_financement};
template <regime_id R>
[[nodiscard]] constexpr std::span<const issue_legale> issues_decidees_au_contrat() noexcept {
    if constexpr (R == regime_id::caqes_2017) return decidees_au_contrat_2017;
    if constexpr (R == regime_id::caqes_2022) return decidees_au_contrat_2022;
    if constexpr (R == regime_id::successeur_2026) return decidees_au_contrat_successeur;
    return {};
}

// The end of a conclusion that proposes nothing (CAQES-E037): the volets' terms, the decisions
// recorded (a volet's beside its empty proposal, a contract-level one as an entry of nature
// `aucune` naming its outcome) and the totals, those of the proposals 0.
template <regime_id R, class E, class O>
constexpr void sans_proposition(O& sortie, std::size_t n, const E& etab) noexcept {
    for (const issue_legale c : issues_decidees_au_contrat<R>()) {
        proposition pr{};
        if (const decision_volet* decidee = noter_decision_contrat(pr, etab, c)) sortie.ajouter_contrat(pr, decidee);
    }
    appliquer_couvertures(sortie, n, etab);
    noter_decisions(sortie, n, etab);
    totaliser(sortie, n, etab);
    sortie.fermer();
}

}  // namespace detail

// From the scores to the proposals of regime R, written to `sortie`: a full result or a row of
// result columns (`sortie_conclusion`, proposition.hpp). A template on the regime so that the
// compile-time driver compiles only its own regime's rules; on the scores' representation `S`
// and the establishment's data `E` so that the scalar and the columnar evaluator share every
// rule (docs/design-columnar.md, section 3). The parameters are those the establishment's data
// was validated with (`etab.parametres()`: a report's own; a block's grid's, which
// validateur_lot checks, CAQES-E048), and the law is that of its context (`lois_pour(etab)`):
// neither can be given beside the data.
template <regime_id R, representation_score S, donnees_etablissement E, class O>
    requires sortie_conclusion<O, S>
[[gnu::always_inline]] constexpr void conclure_pour(const modele_contrat_def& m, const scores_contrat<S>& s,
                                                    const E& etab, O& sortie) noexcept {
    const parametres_evaluation& p = etab.parametres().valeur();
    // A reference: a row of a block gives its block's; a report's is computed and kept here.
    const lois_du_jour& lois = lois_pour(etab);
    const std::size_t n = nombre_volets_conclus(m);
    sortie.ouvrir(m.regime, etab.exercice(), etab.annee_contrat(), etab.produits_assurance_maladie(),
                  etab.annee_produits(), bases_etablissement{etab.part_liste_en_sus(), etab.base_penalite()},
                  static_cast<std::uint8_t>(n));
    // Over the volets the exercise evaluates (scores_contrat): a volet out of its term fixes no
    // objective this year.
    const auto evalue = [&etab](std::size_t i) { return etab.couverture(i).evalue; };
    const S global = s.global(evalue);
    const S regional = s.regional_global(evalue);
    sortie.noter_score_global(global);
    for (std::size_t i = 0; i < n; ++i)
        sortie.noter_volet(i, m.volets[i].volet, s.volets[i], etab.economies(i));
    // The context's rules, its transition alert included (CAQES-E006, `lois_pour`).
    sortie.regles = lois.regles;
    // A successor scheme has no instance to give (successeur/dispositif.hpp): nothing to flag.
    if (!etab.avec_instance() && conclut_des_caqes(m.regime)) sortie.regles.signaler(alerte_evaluation::sans_instance);
    // CAQES-E037: a score that is not exact proposes nothing, located at its first volet and
    // indicator; the regional and overall scores are sums of the same indicators. What does not
    // rest on a score stands: the volets' terms, and the decisions the ARS recorded with their
    // totals (detail::sans_proposition).
    for (std::size_t i = 0; i < n; ++i) {
        if (!s.volets[i].depasse()) continue;
        sortie.noter_erreur_score(static_cast<std::uint8_t>(i), s.volets[i].depassement_en().value_or(0));
        return detail::sans_proposition<R>(sortie, n, etab);
    }
    if (global.depasse() || regional.depasse()) {
        const std::optional<std::uint32_t> ou = global.depassement_en();
        sortie.noter_erreur_score(0, ou ? *ou : regional.depassement_en().value_or(0));
        return detail::sans_proposition<R>(sortie, n, etab);
    }
    if constexpr (R == regime_id::caqes_2017)
        detail::conclure_2017(sortie, n, m, s, etab, p.p2017, p.annee_partielle, lois);
    if constexpr (R == regime_id::caqes_2022)
        detail::conclure_2022(sortie, n, m, global, regional, etab, p.p2022, p.annee_partielle, lois);
    if constexpr (R == regime_id::successeur_2026)
        detail::conclure_successeur(sortie, m, global, etab, p.successeur, lois);
    detail::appliquer_couvertures(sortie, n, etab);
    detail::noter_decisions(sortie, n, etab);
    detail::totaliser(sortie, n, etab);
    sortie.fermer();
}

// The same, for a regime known at run time.
template <class S, donnees_etablissement E, class O>
    requires sortie_conclusion<O, S>
constexpr void conclure(const modele_contrat_def& m, const scores_contrat<S>& s, const E& etab, O& sortie) noexcept {
    switch (m.regime) {
        case regime_id::caqes_2017:
            return conclure_pour<regime_id::caqes_2017>(m, s, etab, sortie);
        case regime_id::caqes_2022:
            return conclure_pour<regime_id::caqes_2022>(m, s, etab, sortie);
        case regime_id::successeur_2026:
            return conclure_pour<regime_id::successeur_2026>(m, s, etab, sortie);
        case regime_id::contrats_anterieurs:
            break;
    }
    conclure_pour<regime_id::contrats_anterieurs>(m, s, etab, sortie);
}

// The full result of one establishment-year under the parameters it was validated with, the
// law of its context looked up for it.
template <regime_id R>
[[nodiscard, gnu::always_inline]] constexpr resultat_evaluation conclure_pour(const modele_contrat_def& m,
                                                                              const scores_contrat<>& s,
                                                                              const rapport_valide& r) noexcept {
    resultat_evaluation res{};
    conclure_pour<R>(m, s, r, res);
    return res;
}

// The same, for a regime known at run time.
[[nodiscard]] constexpr resultat_evaluation conclure(const modele_contrat_def& m, const scores_contrat<>& s,
                                                     const rapport_valide& r) noexcept {
    resultat_evaluation res{};
    conclure(m, s, r, res);
    return res;
}

namespace detail {

// The scores of a report over the template it was validated against, known at run time.
template <class Trace>
[[nodiscard]] constexpr scores_contrat<> scores_de(const rapport_valide& r, const politique_grille& pol, Trace& t) {
    const modele_contrat_def& m = r.modele_evalue();
    const std::span<const plan_indicateur> plans = r.plans();
    const std::span<const valeurs_indicateur> valeurs = r.valeurs();
    scores_contrat<> s{};
    std::size_t k = 0;
    for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
        for (const indicateur& ind : m.volets[iv].grille) {
            detail::noter(s, m.regime, iv, ind, plans[k], valeurs[k], pol, t);
            ++k;
        }
    }
    return s;
}

}  // namespace detail

// Run-time driver: the template is the one `r` was validated against, and its plans come
// with it, so values, plans and indicators cannot disagree; so do the parameters
// (`r.parametres()`), which validation checked and under which it computed the report's terms.
template <class Trace = sans_trace>
[[nodiscard]] constexpr resultat_evaluation evaluer(const rapport_valide& r, const politique_grille& pol, Trace& t) {
    return conclure(r.modele_evalue(), detail::scores_de(r, pol, t), r);
}

// The same, written to a sink (`sortie_conclusion`). A caller evaluating many reports of one
// context has the law computed once per context by evaluating them as a batch
// (colonnes/evaluer_lot.hpp).
template <class O>
constexpr void evaluer_vers(const rapport_valide& r, const politique_grille& pol, O& sortie) {
    sans_trace t;
    conclure(r.modele_evalue(), detail::scores_de(r, pol, t), r, sortie);
}

// The same, without a trace.
[[nodiscard]] constexpr resultat_evaluation evaluer(const rapport_valide& r, const politique_grille& pol = {}) {
    sans_trace t;
    return evaluer(r, pol, t);
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
        for (std::size_t i = 0; i < nv; ++i)
            d[i + 1] = d[i] + M.volets[i].grille.size();
        for (std::size_t i = nv; i < volets_max; ++i)
            d[i + 1] = d[i];
        return d;
    }();

    static constexpr std::array<plan_indicateur, n> plans = [] {
        std::array<plan_indicateur, n> p{};
        std::size_t k = 0;
        for (const auto& v : M.volets) {
            for (const auto& ind : v.grille)
                p[k++] = caqes::planifier(ind);
        }
        return p;
    }();

    // Indicator (V, I) and its plan, as constants.
    template <std::size_t V, std::size_t I>
    static constexpr const indicateur& ind_ = M.volets[V].grille[I];
    template <std::size_t V, std::size_t I>
    static constexpr const plan_indicateur& plan_ = plans[debuts[V] + I];

    // Up to this many indicators the whole grid is inlined into one function, as hand-written
    // code would be; beyond, each indicator calls its shape's function, so that compile time
    // grows with the number of shapes (docs/performance.md measures both sides).
    static constexpr bool en_ligne = n <= 32;

    // Indicator (V, I), evaluated by the function of its shape (evaluation/detail/forme.hpp).
    template <std::size_t V, std::size_t I, class Trace>
    [[gnu::always_inline]] static constexpr void noter_indicateur(scores_contrat<>& s, const valeurs_indicateur& vals,
                                                                  const politique_grille& pol, Trace& t) {
        constexpr forme_indicateur forme = forme_de(ind_<V, I>, plan_<V, I>, Trace::actif);
        constexpr bool regional = compte_regional(M.regime, ind_<V, I>);
        if constexpr (en_ligne) {
            noter_forme_en_ligne<forme, regional>(s.volets[V], s.regional[V], static_cast<std::uint8_t>(V), ind_<V, I>,
                                                  plan_<V, I>, vals, pol, t);
        } else {
            noter_forme<forme, regional>(s.volets[V], s.regional[V], static_cast<std::uint8_t>(V), ind_<V, I>,
                                         plan_<V, I>, vals, pol, t);
        }
    }

    template <std::size_t V, class Trace, std::size_t... I>
    static constexpr void noter_volet(scores_contrat<>& s, const valeurs_indicateur* valeurs,
                                      const politique_grille& pol, Trace& t, std::index_sequence<I...>) {
        (noter_indicateur<V, I>(s, valeurs[debuts[V] + I], pol, t), ...);
    }

    template <class Trace, std::size_t... V>
    static constexpr void noter_tout(scores_contrat<>& s, const valeurs_indicateur* valeurs,
                                     const politique_grille& pol, Trace& t, std::index_sequence<V...>) {
        (noter_volet<V>(s, valeurs, pol, t, std::make_index_sequence<M.volets[V].grille.size()>{}), ...);
    }

    // The scores of `r`, validated against M.
    template <class Trace>
    [[nodiscard, gnu::always_inline]] static constexpr scores_contrat<> scores(const rapport_valide& r,
                                                                               const politique_grille& pol, Trace& t) {
        scores_contrat<> s{};
        noter_tout(s, r.valeurs().data(), pol, t, std::make_index_sequence<nv>{});
        // Volets added by avenant (D.162-15) are known at run time only: they follow M's.
        const modele_contrat_def& me = r.modele_evalue();
        std::size_t k = debuts[nv];
        for (std::size_t iv = nv; iv < me.volets.size() && iv < volets_max; ++iv) {
            for (const indicateur& ind : me.volets[iv].grille) {
                detail::noter(s, M.regime, iv, ind, r.plans()[k], r.valeurs()[k], pol, t);
                ++k;
            }
        }
        return s;
    }

  public:
    // `rv` was validated against M (validate<M>): its values are M's, in M's order.
    // Under the parameters it was validated with (`rv.rapport().parametres()`).
    template <class Trace = sans_trace>
    [[nodiscard]] static constexpr resultat_evaluation evaluer(const rapport_valide_pour<M>& rv,
                                                               const politique_grille& pol, Trace& t) {
        const rapport_valide& r = rv.rapport();
        return conclure_pour<M.regime>(r.modele_evalue(), scores(r, pol, t), r);
    }
    // The same, written to a sink (`sortie_conclusion`).
    template <class O>
    static constexpr void evaluer_vers(const rapport_valide_pour<M>& rv, const politique_grille& pol, O& sortie) {
        const rapport_valide& r = rv.rapport();
        sans_trace t;
        conclure_pour<M.regime>(r.modele_evalue(), scores(r, pol, t), r, sortie);
    }
    [[nodiscard]] static constexpr resultat_evaluation evaluer(const rapport_valide_pour<M>& r,
                                                               const politique_grille& pol = {}) {
        sans_trace t;
        return evaluer(r, pol, t);
    }

    // CAQES-E038 at compile time: a report that was not validated, or was validated against
    // another template, is named by the error rather than by a list of candidate overloads.
    template <class R, class... Reste>
        requires(!std::same_as<std::remove_cvref_t<R>, rapport_valide_pour<M>>)
    static constexpr resultat_evaluation evaluer(const R&, const Reste&...) {
        static_assert(!std::same_as<R, R>,
                      "CAQES-E038: a report reaches an evaluator without being validated against its template "
                      "(D.162-16 II (the evaluation applies the establishment's own contract)); evaluateur<M> takes "
                      "only a report validated against M: pass validate<M>(rapport, parametres).valeur(); see "
                      "docs/diagnostics.md#caqes-e038");
        return {};
    }
};

}  // namespace caqes
