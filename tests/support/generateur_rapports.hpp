#pragma once
// Generated establishment-years for the differential test (tests/unit/differentiel.cpp): for one
// template, a deterministic sequence of reports, each with its contract instance (or none), its
// parameters and its scoring policy, drawn so that every case the evaluators distinguish occurs:
//
// - measures non concernees and non renseignees, under each policy of `politique_grille` (NC
//   excluded or met, NR missed or excluded), with and without a tolerance; values near each
//   target, so that tolerances decide; rates in thirds, which no fixed-point column holds;
// - revenue and savings: zero, negative, non renseignees, ordinary, and at the int64 limit
//   (the totals' CAQES-E040, the overflow of a proposal);
// - parameters: the law's caps reached by the rates (2017: 1 % per volet on every volet), shares
//   above 1 where the law sets no bound so that the cap binds (2022 national incentive, the
//   successor's allocation), rates past the law (rejected, CAQES-E050, by both sides), a
//   regional envelope, the L.162-30-4 open notions given or not, each version policy;
// - a part_partielle with a large denominator, which on a grid of 1/3 ... 1/31 weights makes
//   scores that do not fit 64 bits (CAQES-E037);
// - contract time: starts across the template's window, so that exercises are whole, partial or
//   outside a volet's term, avenants that bring a template volet in later, avenants that add a
//   volet of their own to a first-generation template that leaves one free (its rows take the
//   batch's scalar path, `voie_ligne::avenant`), reports without an instance, under each
//   `politique_annee_partielle`;
// - recorded decisions: none, of the principal outcome (within and above the proposal), of
//   another nature, and "no decision" (nature empty);
// - L.162-30-4 data (referral, acts, target, floor kept or broken, tariffs).
//
// The generator only draws. Whether each case happened is counted by the test from the
// evaluations' outcomes (a generator that claims a case it never produces is hollow).
#include "alea.hpp"

#include <caqes/caqes.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace caqes::essais {

// The volet an avenant adds (D.162-15) to a first-generation contract: one rate indicator of its
// own code, in force over the first generation's years.
inline constexpr mesure<grandeur::taux> taux_avenant{"taux"};
inline constexpr std::array<indicateur, 1> grille_avenant{{{.id = 9'001,
                                                            .code = "AV-1",
                                                            .libelle = "taux (volet ajoute par avenant, illustratif)",
                                                            .provenance = origine::illustrative,
                                                            .mesures = {{taux_avenant.def()}},
                                                            .direction = sens::plus_haut_est_mieux,
                                                            .objectif = viser(taux_avenant, taux_pourcent(60)),
                                                            .validite = periode{ymd{2017, 4, 23}, ymd{2022, 1, 1}},
                                                            .poids = {1, 1}}}};

// One generated establishment-year: it owns what its report points to.
struct annee_generee {
    rapport_annuel r{};
    std::vector<saisie_indicateur> valeurs;
    std::vector<montant_volet> economies;
    std::vector<decision_volet> decisions;
    std::optional<contrat_instance> contrat;
    parametres_evaluation parametres{};
    politique_grille politique{};

    // The report, pointing into this object: valid while it lives unchanged.
    [[nodiscard]] rapport_annuel annuel() const {
        rapport_annuel x = r;
        x.valeurs = valeurs;
        x.economies = economies;
        x.decisions = decisions;
        return x;
    }
};

class generateur_rapports {
  public:
    // `base`: the grid's own parameters, which the draws vary.
    generateur_rapports(const modele_contrat_def& m, const parametres_evaluation& base, std::uint64_t graine)
            : m_(m), base_(base), a_{graine} {}

    [[nodiscard]] annee_generee suivante() {
        annee_generee g;
        ++rang_;
        tirer_parametres(g);
        tirer_contrat(g);
        tirer_termes(g);
        tirer_valeurs(g);
        tirer_montants(g);
        tirer_decisions(g);
        tirer_l162_30_4(g);
        return g;
    }

  private:
    static constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();

    // ---- parameters and policies ----
    void tirer_parametres(annee_generee& g) {
        parametres_evaluation& p = g.parametres;
        p = base_;
        // Each partial-year and version policy in turn, so that each meets every other draw.
        p.annee_partielle = static_cast<politique_annee_partielle>(rang_ % 3);
        p.version = politiques_de_version[(rang_ / 3) % politiques_de_version.size()];
        if (a_.une_fois_sur(4)) {
            // Every step at the law's 1 % (D.162-16 III 1): the largest sanctions the law allows.
            p.p2017.paliers = {{{{1, 2}, {1, 100}}, {{3, 4}, {1, 100}}, {}}};
            p.p2017.part_interessement = {30, 100};
        }
        if (a_.une_fois_sur(5)) {
            // Shares the law does not bound, up to the whole savings (CAQES-E046: a share is in
            // [0, 1]; above 1 they were refused, so the savings cap cannot bind).
            p.p2022.part_economies_nationale = {a_.entre(50, 100), 100};
            p.successeur.part_economies = {a_.entre(50, 100), 100};
        }
        if (a_.une_fois_sur(6)) p.p2022.revision_par_score = false;
        if (a_.une_fois_sur(3)) p.p2022.enveloppe_regionale = centimes{a_.entre(0, 500'000'000)};
        if (a_.une_fois_sur(2)) {
            p.p2022.seuil_largement_superieur = fraction{a_.entre(0, 50), 100};
            p.p2022.duree_mesures_mois = static_cast<int>(a_.entre(0, 24));
        }
        if (a_.une_fois_sur(4)) p.p2022.taux_minoration = {0, 1};
        if (a_.une_fois_sur(4)) p.p2022.taux_abattement = {0, 1};
        if (a_.une_fois_sur(3)) {
            p.successeur.formule = formule_penalite::taux_plein_sous_seuil;
            p.successeur.seuil_penalite = {a_.entre(0, 100), 100};
        }
        if (a_.une_fois_sur(5)) {
            p.p2017.reduction_liste_en_sus = reduction_liste_en_sus_2017{{a_.entre(1, 30), 100}};
        }
        if (a_.une_fois_sur(60)) {
            // Past the law: CAQES-E050, refused by both sides.
            p.p2017.part_interessement = {31, 100};
            p.p2022.taux_abattement = {51, 100};
        }
        politique_grille& pol = g.politique;
        pol.non_concerne = a_.une_fois_sur(2) ? compte_non_concerne::exclu : compte_non_concerne::atteint;
        pol.non_renseigne = a_.une_fois_sur(2) ? compte_non_renseigne::non_atteint : compte_non_renseigne::exclu;
        switch (a_.entre(0, 3)) {
            case 0:
                pol.tolerance = {0, 1};
                break;
            case 1:
                pol.tolerance = {1, 100};
                break;
            case 2:
                pol.tolerance = {5, 100};
                break;
            default:
                pol.tolerance = tolerance::depuis({a_.entre(1, 999), 10'000}, "tolerance").valeur();
                break;
        }
        // A share of "partiel" with a large prime denominator: on a grid of 1/3 ... 1/31
        // weights, the scores' denominators then pass 64 bits (CAQES-E037).
        pol.part_partielle = part::depuis(a_.une_fois_sur(8) ? fraction{a_.entre(1, 999'999'936), 999'999'937}
                                                             : fraction{a_.entre(0, 10), 10},
                                          "part_partielle")
                                 .valeur();
    }

    // ---- contract time ----
    void tirer_contrat(annee_generee& g) {
        const ymd fin_regime = decrire(m_.regime).fin_effets;
        // A start in the template's window, on the first of a month.
        const int mois_fenetre = (m_.fenetre.fin.y - m_.fenetre.debut.y) * 12 + static_cast<int>(m_.fenetre.fin.m) -
                                 static_cast<int>(m_.fenetre.debut.m);
        const int decalage = static_cast<int>(a_.entre(0, mois_fenetre > 0 ? mois_fenetre - 1 : 0));
        const int mois0 = static_cast<int>(m_.fenetre.debut.m) - 1 + decalage;
        const ymd debut{m_.fenetre.debut.y + mois0 / 12, static_cast<unsigned>(mois0 % 12 + 1), 1};
        // The exercise: from the start's year to four years on, within the regime and, for a
        // successor scheme, its window (CAQES-E030, regles::fin_des_effets).
        const ymd fin_effets = std::min(fin_regime, regles::fin_des_effets(m_));
        const int exercice = static_cast<int>(a_.entre(debut.y, std::min(debut.y + 4, fin_effets.y - 1)));
        g.r.exercice = exercice;
        g.r.date_evaluation = a_.une_fois_sur(4) ? ymd{exercice + 2, 12, 31} : ymd{exercice + 1, 6, 1};
        g.r.activites_etablissement = m_.perimetre;
        g.r.annee_produits = exercice - 1;
        // A successor scheme has no instance; one contract report in ten has none either.
        if (m_.regime == regime_id::successeur_2026 || a_.une_fois_sur(10)) {
            g.r.annee_contrat = 1;
            return;
        }
        contrat_instance c{};
        c.etab.finess_ej = "750000001";
        c.etab.activites_exercees = m_.perimetre;
        c.parties = {"ARS", "CPAM", "Direction"};
        c.reception_proposition = ymd{debut.y - (debut.m == 1 ? 1 : 0), debut.m == 1 ? 12U : debut.m - 1, 1};
        c.signature = c.reception_proposition;
        c.debut_effet = debut;
        if (m_.volets.size() > 1 && a_.une_fois_sur(4)) {
            // A template volet brought in later by avenant (D.162-15): out of its term before.
            const auto iv = static_cast<std::size_t>(a_.entre(1, static_cast<std::int64_t>(m_.volets.size()) - 1));
            const int annee = static_cast<int>(a_.entre(debut.y, std::min(debut.y + 3, fin_regime.y - 1)));
            ymd signature{annee, static_cast<unsigned>(a_.entre(1, 12)), static_cast<unsigned>(a_.entre(1, 28))};
            if (signature < debut) signature = debut;
            c.avenants.push_back({.signature = signature, .volet_du_modele = m_.volets[iv].volet});
        }
        if (const std::optional<volet_id> libre = volet_libre(); libre && a_.une_fois_sur(10)) {
            // A volet of its own, added by avenant (D.162-15), in force from its signature.
            const int annee = static_cast<int>(a_.entre(debut.y, std::min(debut.y + 3, fin_regime.y - 1)));
            ymd signature{annee, static_cast<unsigned>(a_.entre(1, 12)), 1};
            if (signature < debut) signature = debut;
            c.avenants.push_back({.signature = signature,
                                  .volet_ajoute = volet_modele{.volet = *libre,
                                                               .terme = duree_annees(2),
                                                               .grille = grille_avenant,
                                                               .clauses = sanction | interessement}});
        }
        g.r.annee_contrat = regles::annee_du_contrat(debut, exercice);
        g.contrat = std::move(c);
    }

    // A first-generation volet the template does not have, which an avenant may add.
    [[nodiscard]] std::optional<volet_id> volet_libre() const {
        if (m_.regime != regime_id::caqes_2017 || m_.volets.size() >= volets_max) return std::nullopt;
        for (const volet_id v :
             {volet_id::volet_transports, volet_id::volet_pertinence, volet_id::volet_amelioration_pratiques}) {
            if (std::none_of(m_.volets.begin(), m_.volets.end(), [v](const volet_modele& x) { return x.volet == v; }))
                return v;
        }
        return std::nullopt;
    }

    // The volets of the contract (the template's, then those added by avenant) and which ones the
    // report may give values for: those whose term covers the exercise under the drawn policy, as
    // the library computes it (contrat/modele.hpp, evaluation/couverture.hpp); a report in fifty
    // ignores the terms, and both sides must refuse it (CAQES-E060).
    void tirer_termes(const annee_generee& g) {
        volets_.assign(m_.volets.begin(), m_.volets.end());
        if (g.contrat) volets_ = volets_du_contrat(m_, *g.contrat);
        en_terme_.assign(volets_.size(), true);
        if (!g.contrat || a_.une_fois_sur(50)) return;
        modele_contrat_def me = m_;
        me.volets = volets_;
        for (std::size_t iv = 0; iv < volets_.size(); ++iv) {
            const terme_effectif t = terme_du_volet(me, volets_[iv], g.contrat->debut_effet);
            en_terme_[iv] = couvrir(t.dates, g.r.exercice, g.parametres.annee_partielle, t.signale).evalue;
        }
    }

    // ---- measures ----
    // A value of kind `t` near `cible` (one draw in two) or anywhere in its domain.
    [[nodiscard]] fraction valeur(type_mesure t, std::optional<fraction> cible) {
        const bool pres = cible && a_.une_fois_sur(2);
        switch (t) {
            case type_mesure::taux: {
                // One rate in fifty in thirds: no column of step 10^-9 holds it (the columnar
                // evaluator's scalar path, CAQES-E045 under its strict policy).
                if (a_.une_fois_sur(50)) return fraction{a_.entre(1, 2), 3};
                const std::int64_t c = pres ? cible->num * 1'000 / cible->den : a_.entre(0, 1'000);
                return fraction{std::clamp<std::int64_t>(c + (pres ? a_.entre(-60, 60) : 0), 0, 1'000), 1'000}
                    .normalisee();
            }
            case type_mesure::taux_evolution: {
                const std::int64_t c = pres ? cible->num * 1'000 / cible->den : a_.entre(-150, 150);
                return fraction{c + (pres ? a_.entre(-10, 10) : 0), 1'000}.normalisee();
            }
            case type_mesure::montant:
            case type_mesure::nombre: {
                // One value in two thousand past 32 bits: the block that holds it reads its
                // column in 64 bits (lot_colonnes::colonne_32), the others in 32.
                if (!pres && a_.une_fois_sur(2'000)) return entier(a_.entre(2'147'483'648, 100'000'000'000));
                if (!pres) return entier(a_.entre(0, t == type_mesure::nombre ? 20'000 : 300'000'000));
                const std::int64_t c = cible->num / cible->den;
                return entier(std::max<std::int64_t>(0, c + c * a_.entre(-8, 8) / 100));
            }
            case type_mesure::montant_signe:
                return entier(a_.entre(-20'000'000, 20'000'000));
            case type_mesure::oui_non:
                return entier(a_.entre(0, 1));
            case type_mesure::echelle:
                return entier(a_.entre(0, 2));
        }
        return entier(0);
    }

    void tirer_valeurs(annee_generee& g) {
        // One report in forty: every measure non renseignee, or every one non concernee (no
        // score at all); otherwise each measure on its own.
        const std::int64_t tout = a_.entre(1, 40);
        for (std::size_t iv = 0; iv < volets_.size(); ++iv) {
            if (!en_terme_[iv]) continue;
            for (const indicateur& ind : volets_[iv].grille) {
                saisie_indicateur s{.indicateur = ind.code};
                for (std::size_t k = 0; k < mesures_max; ++k) {
                    const mesure_def& md = ind.mesures[k];
                    if (md.vide()) continue;
                    const std::int64_t d = a_.entre(1, 100);
                    if (tout == 1 || (tout > 2 && d <= 6)) continue;  // left out: non renseignee
                    valeur_mesure x{};
                    if (tout == 2 || (tout > 2 && d <= 12)) {
                        x = valeur_mesure::non_concernee();
                    } else {
                        const bool cible = ind.objectif.mesure == md.code;
                        x = {etat_valeur::renseignee, md.type,
                             valeur(md.type, cible ? std::optional<fraction>{ind.objectif.valeur} : std::nullopt)};
                    }
                    s.mesures[k] = {md.code, x};
                }
                g.valeurs.push_back(s);
            }
        }
    }

    // ---- money ----
    [[nodiscard]] centimes montant() {
        switch (a_.entre(0, 9)) {
            case 0:
                return centimes{0};
            case 1:
                return centimes{-a_.entre(1, 100'000'000)};
            case 2:
                return centimes{max64 - a_.entre(0, 3)};
            default:
                return centimes{a_.entre(1, 50'000'000'000)};
        }
    }

    void tirer_montants(annee_generee& g) {
        g.r.produits_assurance_maladie = a_.une_fois_sur(12)   ? centimes{max64}
                                         : a_.une_fois_sur(30) ? centimes{0}
                                                               : centimes{a_.entre(100'000'000, 50'000'000'000)};
        for (std::size_t iv = 0; iv < volets_.size(); ++iv) {
            if (!en_terme_[iv] || a_.une_fois_sur(8)) continue;  // out of term, or non renseignees
            g.economies.push_back({volets_[iv].volet, montant()});
        }
        // The establishment's own bases, each drawn per report so that a batch whose rows shared
        // one would differ from the scalar path; one in ten left out (CAQES-E066 where needed),
        // one in forty negative (refused by both sides), some at the edge of 64 bits.
        for (std::optional<centimes>* base : {&g.r.part_liste_en_sus, &g.r.base_penalite}) {
            if (a_.une_fois_sur(10)) continue;
            *base = a_.une_fois_sur(40)   ? centimes{-a_.entre(1, 1'000)}
                    : a_.une_fois_sur(20) ? centimes{max64 - a_.entre(0, 3)}
                                          : centimes{a_.entre(0, 1'000'000'000)};
        }
    }

    // ---- decisions ----
    void tirer_decisions(annee_generee& g) {
        for (std::size_t iv = 0; iv < volets_.size(); ++iv) {
            const volet_modele& v = volets_[iv];
            if (!en_terme_[iv] || !a_.une_fois_sur(3)) continue;
            const issues_legales prevues = issues_du_volet(m_.regime, v);
            std::optional<issue_legale> nature{};
            const std::int64_t d = a_.entre(0, 5);
            if (d <= 3) {
                for (const issue_legale i : toutes_issues_legales) {
                    if (prevues.contient(i) && decision_principale(i) && (!nature || a_.une_fois_sur(2))) nature = i;
                }
            } else if (d == 4) {
                // Another nature than the volet's: a sanction where an incentive is expected,
                // or the reverse.
                nature = prevues.contient(issue_legale::sanction_volet) ? issue_legale::interessement_volet
                                                                        : issue_legale::sanction_volet;
            }
            // A decision of no outcome has no amount (CAQES-E061); one in twenty has one all the same.
            const std::int64_t montant = !nature && !a_.une_fois_sur(20) ? 0
                                         : a_.une_fois_sur(3)            ? a_.entre(0, 1'000'000'000)
                                                                         : a_.entre(0, 10'000'000);
            g.decisions.push_back({.volet = v.volet, .nature = nature, .montant = centimes{montant}});
        }
    }

    // ---- L.162-30-4 ----
    void tirer_l162_30_4(annee_generee& g) {
        if (m_.regime != regime_id::caqes_2022 || !a_.une_fois_sur(2)) return;
        const std::int64_t cible = a_.entre(100, 2'000);
        // The previous year's count mostly keeps the target within the 30 % floor of
        // L.162-30-3; one report in eight breaks it (CAQES-E031).
        const std::int64_t precedente =
            a_.une_fois_sur(8) ? a_.entre(cible * 10 / 7 + 1, 3 * cible) : a_.entre(cible, cible * 10 / 7);
        const int annee_saisine = static_cast<int>(a_.entre(g.r.exercice - 3, g.r.exercice));
        const centimes tarif = a_.une_fois_sur(20) ? centimes{max64 / 2} : centimes{a_.entre(10'000, 500'000)};
        g.r.l162_30_4 = donnees_l162_30_4{ymd{annee_saisine, static_cast<unsigned>(a_.entre(1, 12)), 1},
                                          a_.entre(0, 4'000),
                                          cible,
                                          precedente,
                                          tarif,
                                          centimes{a_.entre(0, 100'000'000)}};
    }

    const modele_contrat_def& m_;
    parametres_evaluation base_;
    alea_essai a_;
    std::uint64_t rang_{0};
    std::vector<volet_modele> volets_;  // the contract's: the template's, then the avenants'
    std::vector<bool> en_terme_;
};

}  // namespace caqes::essais
