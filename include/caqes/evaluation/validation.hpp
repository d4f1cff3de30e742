#pragma once
// Validation of a yearly report before evaluation: nothing is evaluated from partial garbage.
//
// `validate` is the only way to a `rapport_valide`, the evaluators' only input. Each failure is
// a located `violation`: the entry of the report, the indicator (volet, index, id, code) and
// the measure.
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/instance.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/contrat/validation.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/issues.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/parametres_valides.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/rapport_valide.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/format.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes {

namespace regles {

// CAQES-E027: a given value has its measure's kind.
[[nodiscard]] constexpr bool nature_conforme(const mesure_def& m, const valeur_mesure& v) noexcept {
    return v.etat != etat_valeur::renseignee || v.type == m.type;
}

// CAQES-E028: a given value lies in its kind's domain.
[[nodiscard]] constexpr bool valeur_dans_domaine(const valeur_mesure& v) noexcept {
    return v.etat != etat_valeur::renseignee || dans_domaine(v.type, v.v);
}

// The end of the period where the template's contracts produce effects: its regime's end, or,
// under `maintien_signale`, which keeps a term running past that end and flags it (CAQES.md
// section 1: the transitional clause is [U], such a term "is not rejected and not silently
// accepted"), the latest end of a volet's term. A volet an avenant brings in (D.162-15) starts
// as late as the regime's last day, so that is the start bounding every term; the contract's
// own terms are checked beside it (CAQES-E060).
//
// A successor scheme's grid measures the days of its window and no others: nobody signs, no term
// runs past it (successeur/dispositif.hpp; L.162-23-14 leaves the objectives to an arrete [U],
// each grid for its own years), so its effects end with its window.
[[nodiscard]] constexpr ymd fin_des_effets(const modele_contrat_def& m) noexcept {
    const ymd fin_regime = decrire(m.regime).fin_effets;
    if (m.regime == regime_id::successeur_2026) return m.fenetre.fin < fin_regime ? m.fenetre.fin : fin_regime;
    ymd fin = fin_regime;
    if (m.transition != politique_transition::maintien_signale) return fin;
    for (const volet_modele& v : m.volets) {
        const date_calculee f = fin_du_volet(m, v, veille(fin_regime));
        if (f.ok() && fin < f.valeur) fin = f.valeur;
    }
    return fin;
}

// CAQES-E030: the exercise year overlaps the period where the template's contracts produce
// effects: from the template's first start to fin_des_effets.
// A year past the calendar's last overlaps nothing (and `exercice + 1` cannot overflow).
[[nodiscard]] constexpr bool exercice_couvert(const modele_contrat_def& m, int exercice) noexcept {
    if (exercice > annee_max) return false;
    const periode annee{ymd{exercice, 1, 1}, ymd{exercice + 1, 1, 1}};
    return annee.chevauche(periode{m.fenetre.debut, fin_des_effets(m)});
}

// CAQES-E030's detail in the readers, which name whose effects the period bounds: a template's
// contracts, or a successor scheme's window (nobody signs a scheme).
[[nodiscard]] inline std::string pourquoi_exercice_non_couvert(const modele_contrat_def& m, int exercice) {
    const bool dispositif = m.regime == regime_id::successeur_2026;
    return concat(std::to_string(exercice), " is outside ", texte(periode{m.fenetre.debut, fin_des_effets(m)}),
                  dispositif ? ", the window the scheme \"" : ", where contracts of \"", m.nom,
                  dispositif ? "\" measures" : "\" produce effects");
}

// CAQES-E026 and CAQES-E035: whether a yearly report must give an indicator's values. Those of
// a volet the exercise evaluates, when the indicator applies to one of the establishment's
// activities (L.162-22 1 to 4, the activities `indicateur::applicables` names); any other
// indicator is non concerne, and a value given for it is refused (CAQES-E060 out of term,
// CAQES-E035 for an activity the establishment does not exercise). One definition for
// `validate` and for the readers, which name the missing values before validation: a reader
// that asked for more would refuse, as incomplete, every report `validate` accepts.
[[nodiscard]] constexpr bool valeurs_exigees(const indicateur& ind, bool volet_evalue,
                                             activites activites_etablissement) noexcept {
    return volet_evalue && applicable_a(ind, activites_etablissement);
}

// CAQES-E012 at run time: an indicator of the report is in force on at least one day of the
// exercise (its dated referentiel, arretes of 2017-04-27, 2018-12-12 and 2022-02-23). A report
// whose indicator is not is refused with E012, whether its values came or not: the readers
// do not ask for them (CAQES-E026), since giving them would not make the report valid. A year
// past the calendar's last is none an indicator is in force in.
[[nodiscard]] constexpr bool en_vigueur_pendant(const indicateur& ind, int exercice) noexcept {
    if (exercice > annee_max) return false;
    return ind.validite.chevauche(periode{ymd{exercice, 1, 1}, ymd{exercice + 1, 1, 1}});
}

// CAQES-E028: an evaluation is dated on or after the first day of its exercise.
[[nodiscard]] constexpr bool evaluation_apres_debut(int exercice, ymd date_evaluation) noexcept {
    return date_evaluation.y >= exercice;
}

// CAQES-E063: in the first generation, for one volet and year, "soit une sanction ... soit un
// interessement" (D.162-16 III 1, LEGIARTI000034459834): never both among its decisions.
[[nodiscard]] constexpr bool soit_soit(issues_legales decidees) noexcept {
    return !(decidees.contient(issue_legale::sanction_volet) && decidees.contient(issue_legale::interessement_volet));
}

// CAQES-E062: an amount decided within base x the law's cap, exactly (no rounding lets it pass).
[[nodiscard]] constexpr bool montant_dans_la_loi(centimes montant, centimes base, fraction plafond) noexcept {
    const fraction c = plafond.normalisee();
    return int128{montant.valeur} * c.den <= int128{base.valeur} * c.num;
}

// CAQES-E028: the L.162-30-4 data lies in its domain: the referral is a day, the numbers of acts
// and the rate bases (the tariff per act, the liste en sus share) are not negative, since the
// measures' amounts are rates on them. One entry per field of `donnees_l162_30_4`, in its order:
// its name (a violation's location is `rapport.l162_30_4.<nom>`, the readers' column
// `l162_30_4_<nom>`), whether its value lies in the domain, and why it does not.
struct champ_l162_30_4 {
    std::string_view nom;
    bool (*dans_le_domaine)(const donnees_l162_30_4&) noexcept;
    std::string (*pourquoi)(const donnees_l162_30_4&);
};

[[nodiscard]] inline std::string pourquoi_actes_negatifs(std::int64_t n) {
    return concat(std::to_string(n), ": a number of acts must not be negative");
}
[[nodiscard]] inline std::string pourquoi_base_negative(centimes c) {
    return concat(texte_euros(c), " EUR: a rate base must not be negative");
}

inline constexpr std::array<champ_l162_30_4, 6> champs_l162_30_4{{
    {"saisine", [](const donnees_l162_30_4& d) noexcept { return d.saisine.ok(); },
     [](const donnees_l162_30_4&) { return std::string{"the referral is not a valid day"}; }},
    {"actes_realises", [](const donnees_l162_30_4& d) noexcept { return d.actes_realises >= 0; },
     [](const donnees_l162_30_4& d) { return pourquoi_actes_negatifs(d.actes_realises); }},
    {"actes_cible", [](const donnees_l162_30_4& d) noexcept { return d.actes_cible >= 0; },
     [](const donnees_l162_30_4& d) { return pourquoi_actes_negatifs(d.actes_cible); }},
    {"actes_annee_precedente", [](const donnees_l162_30_4& d) noexcept { return d.actes_annee_precedente >= 0; },
     [](const donnees_l162_30_4& d) { return pourquoi_actes_negatifs(d.actes_annee_precedente); }},
    {"tarif_national_moyen", [](const donnees_l162_30_4& d) noexcept { return d.tarif_national_moyen.valeur >= 0; },
     [](const donnees_l162_30_4& d) { return pourquoi_base_negative(d.tarif_national_moyen); }},
    {"part_liste_en_sus", [](const donnees_l162_30_4& d) noexcept { return d.part_liste_en_sus.valeur >= 0; },
     [](const donnees_l162_30_4& d) { return pourquoi_base_negative(d.part_liste_en_sus); }},
}};

// The first field out of the domain, by its index in `champs_l162_30_4`; none when all are in.
// The one statement of the rule: `validate` and the CSV and JSON readers ask it.
[[nodiscard]] constexpr std::optional<std::size_t> champ_l162_30_4_hors_domaine(const donnees_l162_30_4& d) noexcept {
    for (std::size_t i = 0; i < champs_l162_30_4.size(); ++i) {
        if (!champs_l162_30_4[i].dans_le_domaine(d)) return i;
    }
    return std::nullopt;
}

// Why field `champ` (champ_l162_30_4_hors_domaine's answer) is out of the domain.
[[nodiscard]] inline std::string pourquoi_l162_30_4_hors_domaine(const donnees_l162_30_4& d, std::size_t champ) {
    return champs_l162_30_4[champ].pourquoi(d);
}

// CAQES-E064: the contract year the report gives is the one the instance's start gives: the
// exercise of the start is year 1.
[[nodiscard]] constexpr int annee_du_contrat(ymd debut_effet, int exercice) noexcept {
    return exercice - debut_effet.y + 1;
}

// CAQES-E030 against the contract itself: an exercise before the year its effects start is no
// year of it ("contract year 0"; D.162-16 II evaluates the contract in force), whatever the
// template's window, which bounds every contract of the template, lets through.
[[nodiscard]] constexpr bool exercice_du_contrat(ymd debut_effet, int exercice) noexcept {
    return annee_du_contrat(debut_effet, exercice) >= 1;
}

}  // namespace regles

namespace detail {

// CAQES-E023's advice when an L.162-30-4 date is no day under the template's policy: name one
// of the policies under which every such date exists, by their grid keys (every policy but
// `stricte`).
[[nodiscard]] inline std::string conseil_jours() {
    std::string noms;
    std::size_t restants = politiques_jour.size() - 1;
    for (const politique_jour p : politiques_jour) {
        if (p == politique_jour::stricte) continue;
        --restants;
        noms += concat(nom(p), restants > 1 ? ", " : (restants == 1 ? " or " : ""));
    }
    return concat("day policy; name ", noms, " (jours)");
}

// The template's indicator with this code, at position `k` first (reports usually list
// indicators in template order), then anywhere. Codes are unique in a valid template (E033).
struct position_indicateur {
    std::size_t volet{0};
    std::size_t rang{0};  // within the volet's grid
    std::size_t k{0};     // over the whole template
    bool trouve{false};
};

// The expected place is tried first: a scan from the start for every entry made each report's
// lookups quadratic in its indicators.
[[nodiscard]] inline position_indicateur chercher_indicateur(const modele_contrat_def& m, std::string_view code,
                                                             std::size_t k_attendu) {
    for (std::size_t iv = 0, debut = 0; iv < m.volets.size(); debut += m.volets[iv].grille.size(), ++iv) {
        if (k_attendu >= debut + m.volets[iv].grille.size()) continue;
        if (meme_code(m.volets[iv].grille[k_attendu - debut].code, code))
            return {iv, k_attendu - debut, k_attendu, true};
        break;
    }
    position_indicateur premier{};
    std::size_t k = 0;
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (std::size_t ii = 0; ii < m.volets[iv].grille.size(); ++ii, ++k) {
            if (!meme_code(m.volets[iv].grille[ii].code, code)) continue;
            if (k == k_attendu) return {iv, ii, k, true};
            if (!premier.trouve) premier = {iv, ii, k, true};
        }
    }
    return premier;
}

[[nodiscard]] inline int indice_volet(const modele_contrat_def& m, volet_id v) noexcept {
    for (std::size_t i = 0; i < m.volets.size() && i < volets_max; ++i) {
        if (m.volets[i].volet == v) return static_cast<int>(i);
    }
    return -1;
}

// Savings or decisions: each names a volet of the template, at most once.
template <class Ecrire>
void lire_montants_volets(const modele_contrat_def& m, std::span<const montant_volet> montants, std::string_view champ,
                          violations& out, Ecrire&& ecrire) {
    std::array<bool, volets_max> vus{};
    for (std::size_t i = 0; i < montants.size(); ++i) {
        // Built only for a violation: most reports raise none (the same below).
        const auto lieu = [&] {
            return concat("rapport.", champ, "[", std::to_string(i), "] (", traits(montants[i].volet).nom, ")");
        };
        const int iv = indice_volet(m, montants[i].volet);
        if (iv < 0) {
            out.push_back({regle::mesure_inconnue, lieu(), "the template has no such volet"});
        } else if (vus[static_cast<std::size_t>(iv)]) {
            out.push_back({regle::saisie_en_double, lieu(), "this volet was already given"});
        } else {
            vus[static_cast<std::size_t>(iv)] = true;
            ecrire(static_cast<std::size_t>(iv), montants[i].montant);
        }
    }
}

// The cap a rate outcome's rate may not cross.
[[nodiscard]] inline constante_legale plafond_du_taux(issue_legale i) noexcept {
    switch (i) {
        case issue_legale::reduction_liste_en_sus:
            return constante_legale::plafond_reduction_liste_en_sus;
        case issue_legale::abattement:
            return constante_legale::plafond_abattement;
        case issue_legale::minoration:
            return constante_legale::plafond_minoration;
        case issue_legale::penalite_financement:
            return constante_legale::plafond_penalite;
        default:
            break;
    }
    return constante_legale::aucune;
}

struct validation_rapport {
    // Why the report's data gives no ground for an L.162-30-4 measure in force on `jour`: no
    // referral data, an evaluation date not two years after the referral, acts not above the
    // target; empty when it does. A deadline that is no day is refused apart (CAQES-E023).
    [[nodiscard]] static std::string mesure_l162_30_4_sans_fondement(const rapport_annuel& r,
                                                                     const modele_contrat_def& m, ymd jour) {
        if (!r.l162_30_4) return "rests on the referral and the acts, which the report does not give (l162_30_4)";
        const donnees_l162_30_4& d = *r.l162_30_4;
        const valeur_legale delai = constante_en_vigueur(article_loi::l162_30_4, constante_legale::delai_saisine, jour);
        if (delai.en_vigueur()) {
            const date_calculee echeance = regles::echeance_saisine(d, delai.valeur, m.jours);
            if (echeance.ok() && !(r.date_evaluation.ok() && !(r.date_evaluation < echeance.valeur))) {
                return concat("comes two years after the referral of ", texte(d.saisine), ", from ",
                              texte(echeance.valeur), ": the evaluation date ",
                              r.date_evaluation.ok() ? texte(r.date_evaluation) : std::string{"(not given)"},
                              " is before");
            }
        }
        if (d.actes_realises <= d.actes_cible) {
            return concat("needs acts above their target: ", std::to_string(d.actes_realises), " for a target of ",
                          std::to_string(d.actes_cible));
        }
        return {};
    }

    struct bases_exigees {
        const version_loi* part_liste_en_sus{nullptr};  // the version that requires it, or null
        const version_loi* base_penalite{nullptr};
    };
    // Checks each recorded decision against the law the evaluation applies (CAQES-E060 to E063)
    // and keeps those that pass. That law is the version policy's (`jour`,
    // date_des_regles), not the law in force on the decision's notification day: which version
    // governs an exercise is [U] and a policy (CAQES.md section 1), and a notification day would
    // bypass it. Checked at its own day, a 2026 successor penalty notified in 2027 would pass
    // under a version (L.162-23-14 from 2027-01-01) that the exercise's law did not have, and a
    // 2021 first-generation sanction notified in 2022 would be refused beside its own proposal.
    static void verifier_decisions(const rapport_annuel& r, const parametres_evaluation& p, ymd jour,
                                   const bases_exigees& bases, rapport_valide& v, violations& out) {
        using namespace regles;
        const modele_contrat_def& m = v.evalue_.modele();
        // Per volet: the principal decision already given (its index), for E036 and E063.
        std::array<std::size_t, volets_max> principale{};
        principale.fill(r.decisions.size());
        std::array<issues_legales, volets_max> vues{};
        const std::size_t sans = r.decisions.size();
        // Per outcome of the contract (issue_du_contrat): the decision already given, for E036.
        std::array<std::size_t, toutes_issues_legales.size()> du_contrat{};
        du_contrat.fill(sans);
        int128 sanctions = 0;  // the 2017 overall cap: every volet's sanctions together
        for (std::size_t i = 0; i < r.decisions.size(); ++i) {
            const decision_volet& d = r.decisions[i];
            const auto lieu = [&] {
                return concat("rapport.decisions[", std::to_string(i), "] (", traits(d.volet).nom, ")");
            };
            const int iv_signe = indice_volet(m, d.volet);
            if (iv_signe < 0) {
                out.push_back({regle::mesure_inconnue, lieu(), "the template has no such volet"});
                continue;
            }
            const auto iv = static_cast<std::size_t>(iv_signe);
            if (!v.couvertures_[iv].evalue) {
                out.push_back({regle::volet_hors_terme, lieu(),
                               concat("the volet's term ", texte(v.couvertures_[iv].terme), " does not cover exercise ",
                                      std::to_string(r.exercice), " (", nom(p.annee_partielle), ")")});
                continue;
            }
            const bool date_donnee = !(d.date == ymd{});
            if (date_donnee && !d.date.ok()) {
                out.push_back({regle::date_inexistante, concat(lieu(), ".date"), texte(d.date)});
                continue;
            }
            if (d.montant < centimes{0}) {
                out.push_back(
                    {regle::valeur_hors_domaine, concat(lieu(), ".montant"), "a decided amount is not negative"});
                continue;
            }
            if (!d.nature) {
                if (d.montant != centimes{0} || d.taux || d.duree_mois) {
                    out.push_back({regle::decision_hors_issues, concat(lieu(), ".nature"),
                                   "a decision of no outcome has no amount and no rate: name its nature"});
                    continue;
                }
            } else {
                const issue_legale n = *d.nature;
                if (!issues_du_volet(m.regime, m.volets[iv]).contient(n) && !issue_du_contrat(m.regime, n)) {
                    out.push_back({regle::decision_hors_issues, concat(lieu(), ".nature"),
                                   concat("'", nom(n), "' is not an outcome of this volet's clauses under ",
                                          decrire(m.regime).nom)});
                    continue;
                }
                // D.162-16 V 1: the regional incentive follows "l'ensemble des objectifs relatifs
                // aux indicateurs regionaux fixes au contrat": a contract that fixes none for the
                // exercise (no regional indicator in a volet it evaluates) has none to decide.
                if (n == issue_legale::interessement_regional) {
                    bool objectifs_regionaux = false;
                    for (std::size_t jv = 0; jv < m.volets.size() && jv < volets_max; ++jv) {
                        if (!v.couvertures_[jv].evalue) continue;
                        for (const indicateur& ind : m.volets[jv].grille)
                            objectifs_regionaux = objectifs_regionaux || compte_regional(m.regime, ind);
                    }
                    if (!objectifs_regionaux) {
                        out.push_back({regle::decision_hors_issues, concat(lieu(), ".nature"),
                                       "the contract fixes no regional objective for this exercise (no regional "
                                       "indicator in a volet it evaluates): no regional incentive to decide "
                                       "(D.162-16 V 1, LEGIARTI000044102658)"});
                        continue;
                    }
                }
                const version_loi* loi = version_pour(n, jour);
                if (loi == nullptr) {
                    out.push_back({regle::decision_hors_issues, concat(lieu(), ".nature"),
                                   concat("no version of ", nom(article_de(n)), " in force on ", texte(jour),
                                          " provides '", nom(n), "'")});
                    continue;
                }
                // L.162-30-4: "A l'issue d'une periode de deux ans apres la saisine", an establishment
                // that "presente toujours un nombre d'actes ... largement superieur au nombre
                // attendu". A tariff cut or liste en sus reduction rests on a referral two years
                // before the evaluation and on acts above their target, which the report's data
                // must show, as the proposal's does (detail::conclure_2022); how far above is
                // "largement" is the ARS's judgement [U], not checked here.
                if (article_de(n) == article_loi::l162_30_4) {
                    if (const std::string pourquoi = mesure_l162_30_4_sans_fondement(r, m, jour); !pourquoi.empty()) {
                        out.push_back({regle::decision_hors_issues, concat(lieu(), ".nature"),
                                       concat("'", nom(n), "' ", pourquoi, " (", loi->reference.texte, " ",
                                              loi->reference.legi_id, ")")});
                        continue;
                    }
                }
                // A rate and a duration belong to an outcome the law sets as a rate: beside any
                // other they would be read nowhere, and the row's figures silently lost.
                if (!nature_de_taux(n) && (d.taux || d.duree_mois)) {
                    out.push_back({regle::decision_hors_issues, concat(lieu(), d.taux ? ".taux" : ".duree_mois"),
                                   concat("'", nom(n),
                                          "' is an amount, not a rate for a duration: give no rate and "
                                          "no duration, or name the rate measure decided")});
                    continue;
                }
                if (nature_de_taux(n) && (!d.taux || !d.duree_mois || *d.duree_mois <= 0)) {
                    out.push_back(
                        {regle::decision_hors_issues, concat(lieu(), ".taux"),
                         concat("'", nom(n), "' is a rate the law bounds: give its rate and its duration in months")});
                    continue;
                }
                if (d.taux && (!d.taux->valide() || *d.taux < fraction{0, 1})) {
                    out.push_back({regle::valeur_hors_domaine, concat(lieu(), ".taux"), "a rate is a fraction from 0"});
                    continue;
                }
                // The legal limits of the version in force on the decision's date.
                const auto ref = [&] {
                    return concat(" (", loi->reference.texte, " ", loi->reference.legi_id, ", in force on ",
                                  texte(jour), ")");
                };
                if (const constante_legale c = plafond_du_taux(n); c != constante_legale::aucune && d.taux) {
                    const valeur_legale cap = constante_en_vigueur(article_de(n), c, jour);
                    if (cap.en_vigueur() && cap.valeur < *d.taux) {
                        out.push_back({regle::decision_hors_la_loi, concat(lieu(), ".taux"),
                                       concat(texte_fraction(*d.taux), " exceeds the legal ", nom(c), " of ",
                                              texte_fraction(cap.valeur), ref())});
                        continue;
                    }
                }
                // An amount the law bounds by its cap (article `a`, constant `c`) of `base`
                // (`de_base`: "the revenue base"): CAQES-E062 when it exceeds it, or when the base is
                // not given (`sans_base`: which base, and why), since no amount of the `quoi` can then
                // be shown to be within the law. A base that CAQES-E066 already reports missing
                // (`exigee`) is left to it: one missing base, one violation. An amount of 0 is within
                // any bound, its base given or not, negative (savings that fell) included.
                const auto hors_plafond = [&](article_loi a, constante_legale c, const std::optional<centimes>& base,
                                              std::string_view de_base, std::string_view quoi,
                                              std::string_view sans_base, bool exigee = false) {
                    const valeur_legale cap = constante_en_vigueur(a, c, jour);
                    if (d.montant == centimes{0} || !cap.en_vigueur() ||
                        (base && montant_dans_la_loi(d.montant, *base, cap.valeur)))
                        return false;
                    if (!base && exigee) return true;
                    out.push_back({regle::decision_hors_la_loi, concat(lieu(), ".montant"),
                                   base ? concat(texte_euros(d.montant), " EUR exceeds ", texte_fraction(cap.valeur),
                                                 " of ", de_base, " ", texte_euros(*base), " EUR", ref())
                                        : concat("the ", quoi, " is bounded by ", texte_fraction(cap.valeur), " of ",
                                                 sans_base, ref())});
                    return true;
                };
                if (n == issue_legale::sanction_volet &&
                    hors_plafond(article_loi::d162_16, constante_legale::plafond_sanction_volet, v.produits_,
                                 "the revenue base", "sanction", {}))
                    continue;
                if (n == issue_legale::interessement_volet &&
                    hors_plafond(article_loi::d162_16, constante_legale::plafond_interessement, v.economies_[iv],
                                 "the savings", "incentive", "the savings, which are not given (non renseigne)"))
                    continue;
                // L.162-23-14 (from 2027) [S]: the penalty is bounded by the law's share of its base,
                // the establishment's financing its report gives [U] (rapport_annuel::base_penalite).
                if (n == issue_legale::penalite_financement &&
                    hors_plafond(article_loi::l162_23_14, constante_legale::plafond_penalite, v.base_penalite_,
                                 "the penalty base", "penalty",
                                 "its base, which the report does not give (rapport.base_penalite)",
                                 bases.base_penalite != nullptr))
                    continue;
                // The outcomes set as a rate (the liste en sus cuts, the L.162-30-4 measures) are
                // bounded by their rate, above: the law caps the rate applied over the period the
                // decision fixes ("pour une duree limitee"), and the amount is the user's estimate of
                // that period's sums, on volumes to come; it is shown, not bounded by one year's base.
            }
            // One decision per outcome, and one principal outcome per volet and year; an outcome of
            // the contract once a year, whichever volet records it. (A rate measure's clause is
            // allowed on one volet of its regime only, CAQES-E010: once per volet is once a year.)
            if (d.nature && issue_du_contrat(m.regime, *d.nature)) {
                if (du_contrat[static_cast<std::size_t>(*d.nature)] != sans) {
                    out.push_back(
                        {regle::saisie_en_double, concat(lieu(), ".nature"),
                         concat("rapport.decisions[", std::to_string(du_contrat[static_cast<std::size_t>(*d.nature)]),
                                "] already decided this outcome of the contract")});
                    continue;
                }
                du_contrat[static_cast<std::size_t>(*d.nature)] = i;
            }
            if (d.nature && vues[iv].contient(*d.nature)) {
                out.push_back({regle::saisie_en_double, concat(lieu(), ".nature"),
                               "this outcome was already decided for the volet"});
                continue;
            }
            if (d.nature && !soit_soit(vues[iv] | *d.nature)) {
                out.push_back({regle::sanction_et_interessement, concat(lieu(), ".nature"),
                               concat("rapport.decisions[", std::to_string(principale[iv]),
                                      "] already decided the other one for this volet and year (D.162-16 III 1, "
                                      "LEGIARTI000034459834)")});
                continue;
            }
            if (decision_principale(d.nature) && principale[iv] != sans) {
                out.push_back({regle::saisie_en_double, concat(lieu(), ".nature"),
                               concat("rapport.decisions[", std::to_string(principale[iv]),
                                      "] already decided this volet's outcome")});
                continue;
            }
            // On a successor scheme's grid, "no outcome" (the ARS decided neither) and a decided
            // allocation or penalty contradict each other, in either order.
            if (m.regime == regime_id::successeur_2026 && (d.nature ? principale[iv] != sans : !vues[iv].vide())) {
                out.push_back({regle::saisie_en_double, concat(lieu(), ".nature"),
                               d.nature ? concat("rapport.decisions[", std::to_string(principale[iv]),
                                                 "] already decided neither of the scheme's outcomes")
                                        : "an outcome of the scheme was already decided for this year"});
                continue;
            }
            // The 2017 overall cap, over the sanctions kept: a decision refused, above or here, adds
            // nothing. Under the law table's values it cannot bind (four volets at 1 % each, CAQES.md
            // "Caps"); it is the law's rule, applied to whatever the table's versions hold.
            if (d.nature == issue_legale::sanction_volet) {
                const int128 avec = sanctions + d.montant.valeur;
                const valeur_legale global =
                    constante_en_vigueur(article_loi::d162_16, constante_legale::plafond_sanction_global, jour);
                const fraction g = global.valeur.normalisee();
                if (global.en_vigueur() && avec * g.den > int128{v.produits_.valeur} * g.num) {
                    out.push_back({regle::decision_hors_la_loi, concat(lieu(), ".montant"),
                                   concat("the sanctions decided for all volets exceed ", texte_fraction(global.valeur),
                                          " of the revenue base ", texte_euros(v.produits_), " EUR (",
                                          global.version->reference.texte, " ", global.version->reference.legi_id,
                                          ", in force on ", texte(jour), ")")});
                    continue;
                }
                sanctions = avec;
            }
            if (d.nature) vues[iv].ajouter(*d.nature);
            if (decision_principale(d.nature)) principale[iv] = i;
            decision_volet gardee = d;
            gardee.date = jour;
            v.decisions_.push_back({iv, gardee});
        }
    }

    // Where each base of the establishment's own is required (CAQES-E066): wherever its outcome
    // may be proposed, under the law of the report's context (the conclusion's, lois_pour). The
    // 2017 cut where the ARS chose one (p2017.reduction_liste_en_sus, a positive rate), an
    // evaluated volet carries its clause and the D.162-16 version in force provides it; the
    // successor's penalty where its grid carries the clause, the L.162-23-14 version in force
    // caps it and the parameters can propose one. `verifier_bases` reports each one missing, and
    // `verifier_decisions` then leaves a decision's bound on that base to it: one missing base,
    // one violation.
    [[nodiscard]] static bases_exigees exigences(const rapport_annuel& r, const parametres_evaluation& p,
                                                 const rapport_valide& v) {
        const modele_contrat_def& m = v.evalue_.modele();
        // The law of the context only where a base may be required: most reports need none, and
        // computing it for every report cost about 7 % of `caqes evaluate` (docs/performance.md).
        const auto lois = [&] { return lois_pour(m, r.exercice, r.date_evaluation, p); };
        bases_exigees b{};
        if (m.regime == regime_id::caqes_2017 && p.p2017.reduction_liste_en_sus &&
            p.p2017.reduction_liste_en_sus->taux.positive()) {
            const valeur_legale cap =
                lois().constante(article_loi::d162_16, constante_legale::plafond_reduction_liste_en_sus);
            bool clause = false;
            for (std::size_t i = 0; i < m.volets.size(); ++i)
                clause = clause || (v.couvertures_[i].evalue && m.volets[i].clauses.contient(minoration_liste_en_sus));
            if (clause && cap.en_vigueur() && cap.version->permises.contient(issue_legale::reduction_liste_en_sus))
                b.part_liste_en_sus = cap.version;
        }
        // A zero rate, or the whole rate under a threshold of 0, proposes no penalty whatever the
        // score (conclure_successeur): no base is needed then.
        const parametres_successeur& ps = p.successeur;
        const bool penalite_possible =
            ps.taux_penalite.positive() &&
            (ps.formule != formule_penalite::taux_plein_sous_seuil || ps.seuil_penalite.positive());
        if (m.regime == regime_id::successeur_2026 && penalite_possible && !m.volets.empty() &&
            m.volets[0].clauses.contient(penalite)) {
            const valeur_legale cap = lois().constante(article_loi::l162_23_14, constante_legale::plafond_penalite);
            if (cap.en_vigueur()) b.base_penalite = cap.version;
        }
        return b;
    }

    // CAQES-E066: each base required (`exigences`) and not given.
    static void verifier_bases(const rapport_annuel& r, const parametres_evaluation& p, const bases_exigees& b,
                               violations& out) {
        const auto citer = [](const version_loi& x) {
            return x.reference.legi_id.empty() ? std::string{x.reference.texte}
                                               : concat(x.reference.texte, " ", x.reference.legi_id);
        };
        if (b.part_liste_en_sus != nullptr && !r.part_liste_en_sus) {
            out.push_back({regle::base_absente, "rapport.part_liste_en_sus",
                           concat("no liste en sus share is given, and the cut the grid chose "
                                  "(p2017.reduction_liste_en_sus) is ",
                                  texte_fraction(p.p2017.reduction_liste_en_sus->taux), " of it (",
                                  citer(*b.part_liste_en_sus), ")")});
        }
        if (b.base_penalite != nullptr && !r.base_penalite) {
            out.push_back({regle::base_absente, "rapport.base_penalite",
                           concat("no penalty base is given, and the scheme's penalty is a share of it (",
                                  citer(*b.base_penalite), ")")});
        }
    }

    // Validates `r` against template `m` evaluated with `volets` (the template's, then the
    // avenants'), with the instance `c` when one is given.
    static resultat_validation<rapport_valide> valider(const modele_contrat_def& m, std::vector<volet_modele> volets,
                                                       const contrat_instance* c, const rapport_annuel& r,
                                                       const parametres_valides& pv) {
        using namespace regles;
        const parametres_evaluation& p = pv.valeur();
        violations out;
        if (volets.size() > volets_max) {
            out.push_back({regle::volet_en_double, "avenants", "a contract has at most four volets"});
            return resultat_validation<rapport_valide>{std::move(out)};
        }
        // A year outside the calendar is no exercise: nothing below can compute with it (a year's
        // end, a contract year) without overflowing.
        if (r.exercice < annee_min || r.exercice > annee_max) {
            out.push_back({regle::exercice_non_couvert, "rapport.exercice",
                           concat(std::to_string(r.exercice), " is no year of the calendar (",
                                  std::to_string(annee_min), " to ", std::to_string(annee_max), ")")});
            return resultat_validation<rapport_valide>{std::move(out)};
        }
        // The contract's own volets bound its effects: a volet an avenant adds (D.162-15) may run
        // past every volet of the template under maintien_signale. Without an instance, `volets`
        // are the template's.
        modele_contrat_def du_contrat = m;
        du_contrat.volets = volets;
        if (!exercice_couvert(du_contrat, r.exercice)) {
            out.push_back({regle::exercice_non_couvert, "rapport.exercice",
                           concat(std::to_string(r.exercice), " is outside ",
                                  texte(periode{m.fenetre.debut, fin_des_effets(du_contrat)}))});
        }
        if (r.produits_assurance_maladie < centimes{0}) {
            out.push_back({regle::valeur_hors_domaine, "rapport.produits_assurance_maladie", "negative revenue base"});
        }
        // A negative base would turn the cut or the penalty into a payment to the establishment.
        for (const auto& [lieu, base] : {std::pair{"rapport.part_liste_en_sus", &r.part_liste_en_sus},
                                         std::pair{"rapport.base_penalite", &r.base_penalite}}) {
            if (*base && **base < centimes{0})
                out.push_back({regle::valeur_hors_domaine, lieu, pourquoi_base_negative(**base)});
        }
        if (r.annee_produits && (*r.annee_produits > r.exercice + 1 ||
                                 (r.date_evaluation.ok() && *r.annee_produits >= r.date_evaluation.y))) {
            out.push_back(
                {regle::valeur_hors_domaine, "rapport.annee_produits",
                 concat(std::to_string(*r.annee_produits), " is not a financial year closed by the evaluation")});
        }
        // An evaluation dated before its exercise began evaluates a year that has not begun: a data
        // error, which under the date_evaluation policy would also pick the law of another year
        // (D.162-16 II: the contract is evaluated yearly, on the exercise's results).
        if (r.date_evaluation.ok() && !evaluation_apres_debut(r.exercice, r.date_evaluation)) {
            out.push_back({regle::valeur_hors_domaine, "rapport.date_evaluation",
                           concat(texte(r.date_evaluation), " is before exercise ", std::to_string(r.exercice),
                                  " began: a year is evaluated on its results")});
        }
        // Under the policy that reads the law on the evaluation date, a report without that date
        // would be evaluated under no version at all: every outcome silently refused by law.
        if (p.version == version_applicable::date_evaluation && !r.date_evaluation.ok()) {
            out.push_back({regle::date_evaluation_absente, "rapport.date_evaluation",
                           concat("the version policy date_evaluation takes the law in force on the evaluation date, ",
                                  r.date_evaluation == ymd{} ? std::string{"which the report does not give"}
                                                             : concat(texte(r.date_evaluation), " is no day"),
                                  ": give it, or choose another policy")});
            // The checks below read the law of that date: none can be made without it.
            return resultat_validation<rapport_valide>{std::move(out)};
        }
        const ymd jour_regles = date_des_regles(p.version, m.regime, r.exercice, r.date_evaluation);
        // The floor is the L.162-30-3 version's at the date of the rules, not a figure written here.
        const valeur_legale plancher =
            constante_en_vigueur(article_loi::l162_30_3, constante_legale::plancher_cible, jour_regles);
        // A negative tariff would turn the tariff cut into a payment: the data must lie in its
        // domain before the floor is read.
        const std::optional<std::size_t> hors_domaine =
            r.l162_30_4 ? champ_l162_30_4_hors_domaine(*r.l162_30_4) : std::nullopt;
        if (hors_domaine) {
            out.push_back({regle::valeur_hors_domaine,
                           concat("rapport.l162_30_4.", champs_l162_30_4[*hors_domaine].nom),
                           pourquoi_l162_30_4_hors_domaine(*r.l162_30_4, *hors_domaine)});
        } else if (r.l162_30_4 && plancher.en_vigueur() &&
                   !cible_au_dessus_du_plancher(*r.l162_30_4, plancher.valeur)) {
            out.push_back({regle::cible_sous_plancher, "rapport.l162_30_4.actes_cible",
                           concat(std::to_string(r.l162_30_4->actes_cible), " < ", texte_fraction(plancher.valeur),
                                  " of ", std::to_string(r.l162_30_4->actes_annee_precedente), " (",
                                  plancher.version->reference.texte, " ", plancher.version->reference.legi_id, ")")});
        }
        // L.162-30-4's deadline and the measures' period are computed under the template's day
        // policy [U] (regles::echeance_saisine, fin_des_mesures): a day that does not exist under
        // it (`stricte`) is refused here, so the evaluators never meet a date that is no day.
        if (r.l162_30_4 && !hors_domaine) {
            const valeur_legale delai =
                constante_en_vigueur(article_loi::l162_30_4, constante_legale::delai_saisine, jour_regles);
            if (delai.en_vigueur() && !echeance_saisine(*r.l162_30_4, delai.valeur, m.jours).ok()) {
                out.push_back({regle::date_calendaire_impossible, "rapport.l162_30_4.saisine",
                               concat(texte(r.l162_30_4->saisine), " + ", texte_fraction(delai.valeur), " years (",
                                      delai.version->reference.texte, ") is no day under the template's ",
                                      detail::conseil_jours())});
            }
            const std::optional<int>& duree = p.p2022.duree_mesures_mois;
            if (duree && *duree > 0 && r.date_evaluation.ok() &&
                !fin_des_mesures(r.date_evaluation, *duree, m.jours).ok()) {
                out.push_back({regle::date_calendaire_impossible, "rapport.date_evaluation",
                               concat(texte(r.date_evaluation), " + ", std::to_string(*duree),
                                      " months (p2022.duree_mesures_mois, the L.162-30-4 measures' period) is no day "
                                      "under the template's ",
                                      detail::conseil_jours())});
            }
        }
        // L.162-22: the establishment's activities decide which indicators concern it.
        if (!activite_dans_perimetre(r.activites_etablissement, m.perimetre)) {
            out.push_back({regle::activite_hors_perimetre, "rapport.activites_etablissement",
                           "the establishment exercises no activity of the template's scope (none given?)"});
        }

        rapport_valide v;
        v.modele_ = &m;
        v.parametres_ = pv;
        v.evalue_ = modele_evalue_possede{m, std::move(volets)};
        v.exercice_ = r.exercice;
        v.annee_contrat_ = r.annee_contrat;
        v.date_evaluation_ = r.date_evaluation;
        v.activites_ = r.activites_etablissement;
        v.produits_ = r.produits_assurance_maladie;
        v.annee_produits_ = r.annee_produits;
        v.l162_30_4_ = r.l162_30_4;
        v.part_liste_en_sus_ = r.part_liste_en_sus;
        v.base_penalite_ = r.base_penalite;
        const modele_contrat_def& me = v.evalue_.modele();

        // Contract time: each volet's effective term against the exercise (D.162-16 II).
        // Without an instance every volet has the same unbounded term: one coverage for all.
        if (c == nullptr) {
            const couverture_volet sans_terme =
                couvrir(periode{debut_des_temps, fin_des_temps}, r.exercice, p.annee_partielle);
            std::fill_n(v.couvertures_.begin(), me.volets.size(), sans_terme);
        } else {
            for (std::size_t iv = 0; iv < me.volets.size(); ++iv) {
                const terme_effectif t = terme_du_volet(me, me.volets[iv], c->debut_effet);
                v.couvertures_[iv] = couvrir(t.dates, r.exercice, p.annee_partielle, t.signale);
            }
        }
        if (c != nullptr) {
            v.avec_instance_ = true;
            v.debut_contrat_ = c->debut_effet;
            const int annee = annee_du_contrat(c->debut_effet, r.exercice);
            if (!exercice_du_contrat(c->debut_effet, r.exercice)) {
                out.push_back({regle::exercice_non_couvert, "rapport.exercice",
                               concat(std::to_string(r.exercice), " is before the year of the contract's start ",
                                      texte(c->debut_effet), ": it is no year of the contract")});
            } else if (r.annee_contrat != annee) {
                out.push_back(
                    {regle::annee_contrat_incoherente, "rapport.annee_contrat",
                     concat(std::to_string(r.annee_contrat), " given, the contract started on ", texte(c->debut_effet),
                            " makes exercise ", std::to_string(r.exercice), " its year ", std::to_string(annee))});
            }
            v.annee_contrat_ = annee;
        }

        // Values, matched by indicator code then by measure code.
        const std::size_t n = nombre_indicateurs(me);
        v.valeurs_.assign(n, valeurs_indicateur{});
        v.plans_.reserve(n);
        for (const auto& vol : me.volets) {
            for (const auto& ind : vol.grille)
                v.plans_.push_back(planifier(ind));
        }
        std::vector<std::size_t> saisie_de(n, r.valeurs.size());  // which entry gave indicator k
        for (std::size_t e = 0; e < r.valeurs.size(); ++e) {
            const saisie_indicateur& si = r.valeurs[e];
            const auto lieu_saisie = [&] {
                return concat("rapport.valeurs[", std::to_string(e), "] (", si.indicateur, ")");
            };
            const position_indicateur pos = chercher_indicateur(me, si.indicateur, e);
            if (!pos.trouve) {
                out.push_back({regle::mesure_inconnue, lieu_saisie(), "the template has no indicator with this code"});
                continue;
            }
            if (saisie_de[pos.k] != r.valeurs.size()) {
                out.push_back({regle::saisie_en_double, lieu_saisie(),
                               concat("already given by rapport.valeurs[", std::to_string(saisie_de[pos.k]), "]")});
                continue;
            }
            saisie_de[pos.k] = e;
            if (!v.couvertures_[pos.volet].evalue) {
                out.push_back(
                    {regle::volet_hors_terme, lieu_saisie(),
                     concat("the volet's term ", texte(v.couvertures_[pos.volet].terme), " does not cover exercise ",
                            std::to_string(r.exercice), " (", nom(p.annee_partielle), ")")});
                continue;
            }
            const indicateur& ind = me.volets[pos.volet].grille[pos.rang];
            const auto lieu = [&] {
                return texte(me, lieu_modele{static_cast<int>(pos.volet), static_cast<int>(pos.rang)});
            };
            const bool applicable = applicable_a(ind, r.activites_etablissement);
            std::array<bool, mesures_max> donnee{};
            for (const saisie_mesure& sm : si.mesures) {
                if (sm.mesure.empty()) continue;  // an unused slot
                const std::int8_t j = indice_mesure(ind, sm.mesure);
                const auto ou = [&] { return concat(lieu(), ".", sm.mesure); };
                if (j == mesure_absente) {
                    out.push_back({regle::mesure_inconnue, ou(), "the indicator has no measure with this code"});
                    continue;
                }
                const auto ju = static_cast<std::size_t>(j);
                if (donnee[ju]) {
                    out.push_back({regle::saisie_en_double, ou(), "this measure was already given"});
                    continue;
                }
                donnee[ju] = true;
                if (!applicable) {
                    if (sm.valeur.etat == etat_valeur::renseignee) {
                        out.push_back({regle::indicateur_non_applicable, ou(),
                                       concat("a value is reported but the indicator applies to none of the "
                                              "establishment's activities")});
                    }
                    continue;
                }
                if (!nature_conforme(ind.mesures[ju], sm.valeur)) {
                    out.push_back({regle::mesure_mauvaise_nature, ou(),
                                   concat("expected ", nom(ind.mesures[ju].type), ", got ", nom(sm.valeur.type))});
                } else if (!valeur_dans_domaine(sm.valeur)) {
                    out.push_back({regle::valeur_hors_domaine, ou(), texte(sm.valeur.type, sm.valeur.v)});
                }
                v.valeurs_[pos.k][ju] = sm.valeur;
            }
        }

        // Every indicator of an evaluated volet: applicable ones are reported and in force; the
        // others, and every indicator of a volet out of its term, are non concerne.
        std::size_t k = 0;
        for (std::size_t iv = 0; iv < me.volets.size(); ++iv) {
            for (std::size_t ii = 0; ii < me.volets[iv].grille.size(); ++ii, ++k) {
                const indicateur& ind = me.volets[iv].grille[ii];
                if (!valeurs_exigees(ind, v.couvertures_[iv].evalue, r.activites_etablissement)) {
                    for (std::size_t j = 0; j < mesures_max; ++j) {
                        if (!ind.mesures[j].vide()) v.valeurs_[k][j] = valeur_mesure::non_concernee();
                    }
                    continue;
                }
                const auto lieu = [&] { return texte(me, lieu_modele{static_cast<int>(iv), static_cast<int>(ii)}); };
                // Out of force this exercise, whether its values came or not: giving them would
                // not make the report valid, so the report is not told they are missing.
                if (!en_vigueur_pendant(ind, r.exercice)) {
                    out.push_back({regle::indicateur_hors_validite, lieu(),
                                   concat("valid ", texte(ind.validite), ", exercise ", std::to_string(r.exercice))});
                    continue;
                }
                if (saisie_de[k] == r.valeurs.size())
                    out.push_back({regle::indicateur_absent, lieu(), "no values reported"});
            }
        }

        lire_montants_volets(me, r.economies, "economies", out, [&](std::size_t i, centimes montant) {
            if (v.couvertures_[i].evalue) {
                v.economies_[i] = montant;
            } else {
                out.push_back({regle::volet_hors_terme,
                               concat("rapport.economies (", traits(me.volets[i].volet).nom, ")"),
                               concat("the volet's term ", texte(v.couvertures_[i].terme), " does not cover exercise ",
                                      std::to_string(r.exercice))});
            }
        });
        const bases_exigees bases = exigences(r, p, v);
        verifier_decisions(r, p, jour_regles, bases, v, out);
        verifier_bases(r, p, bases, out);

        if (!out.empty()) return resultat_validation<rapport_valide>{std::move(out)};
        return resultat_validation<rapport_valide>{std::move(v)};
    }
};

}  // namespace detail

class validateur_rapports;
[[nodiscard]] inline resultat_validation<validateur_rapports> validate_lot(const modele_contrat_def& m,
                                                                           const parametres_valides& p);
[[nodiscard]] inline resultat_validation<validateur_rapports> validate_lot(const modele_contrat_def& m,
                                                                           const parametres_evaluation& p);
[[nodiscard]] inline resultat_validation<rapport_valide> validate(const modele_contrat_def& m,
                                                                  const contrat_instance& c, const rapport_annuel& r,
                                                                  const parametres_evaluation& p);

// Validates many yearly reports against one template and one parameter set. The template and
// the parameters are the same for every report of a batch, so they are checked once, when the
// validator is made, by `validate_lot(m, p)`, its only way in: holding one proves both passed, and
// each report then costs its own checks only. A contract instance differs from one
// establishment to the next, so `valider(c, r)` checks it on each call. The validator refers to
// the template (as every `rapport_valide` does) and keeps a copy of the parameters.
class validateur_rapports {
  public:
    [[nodiscard]] const modele_contrat_def& modele() const noexcept { return *m_; }
    // The parameters every report it validates carries (rapport_valide::parametres()).
    [[nodiscard]] const parametres_valides& parametres() const noexcept { return p_; }

    // `validate(m, r, p)` without checking m and p again: every template volet is evaluated
    // and the result says contract time was not checked; prefer the overload below.
    [[nodiscard]] resultat_validation<rapport_valide> valider(const rapport_annuel& r) const {
        return detail::validation_rapport::valider(*m_, std::vector<volet_modele>(m_->volets.begin(), m_->volets.end()),
                                                   nullptr, r, p_);
    }

    // `validate(m, c, r, p)` without checking m and p again: the instance is validated first
    // (validate(m, c)); the volets evaluated are the template's and the avenants' (each from
    // its own start, D.162-15), each only while its effective term covers the exercise
    // (D.162-16 II), under the partial-year policy of the parameters [U].
    [[nodiscard]] resultat_validation<rapport_valide> valider(const contrat_instance& c,
                                                              const rapport_annuel& r) const {
        violations out = validate(*m_, c);
        if (!out.empty()) return resultat_validation<rapport_valide>{std::move(out)};
        return valider_instance_verifiee(c, r);
    }

  private:
    validateur_rapports(const modele_contrat_def& m, const parametres_valides& p) : m_(&m), p_(p) {}

    [[nodiscard]] resultat_validation<rapport_valide> valider_instance_verifiee(const contrat_instance& c,
                                                                                const rapport_annuel& r) const {
        return detail::validation_rapport::valider(*m_, volets_du_contrat(*m_, c), &c, r, p_);
    }

    friend resultat_validation<validateur_rapports> validate_lot(const modele_contrat_def& m,
                                                                 const parametres_valides& p);
    friend resultat_validation<validateur_rapports> validate_lot(const modele_contrat_def& m,
                                                                 const parametres_evaluation& p);
    friend resultat_validation<rapport_valide> validate(const modele_contrat_def& m, const contrat_instance& c,
                                                        const rapport_annuel& r, const parametres_evaluation& p);

    const modele_contrat_def* m_;
    parametres_valides p_;
};

// The validator of the reports of template `m` under parameters `p` already validated, or the
// violations of the template (validate(m)): no report is matched against a template that breaks
// a rule.
[[nodiscard]] inline resultat_validation<validateur_rapports> validate_lot(const modele_contrat_def& m,
                                                                           const parametres_valides& p) {
    violations out = validate(m);
    if (!out.empty()) return resultat_validation<validateur_rapports>{std::move(out)};
    return resultat_validation<validateur_rapports>{validateur_rapports{m, p}};
}

// The same under parameters `p`, or the violations of the template (validate(m)), else of the
// parameters (validate(p), through parametres_valides::depuis): no report is matched against a
// template or parameters that break a rule. These are the checks `validate(m, r, p)` always
// made; the open notions a template needs of its parameters are `validate(m, p)`'s (issues.hpp).
[[nodiscard]] inline resultat_validation<validateur_rapports> validate_lot(const modele_contrat_def& m,
                                                                           const parametres_evaluation& p) {
    violations out = validate(m);
    if (!out.empty()) return resultat_validation<validateur_rapports>{std::move(out)};
    resultat_validation<parametres_valides> pv = parametres_valides::depuis(p);
    if (!pv) return resultat_validation<validateur_rapports>{pv.erreurs()};
    return resultat_validation<validateur_rapports>{validateur_rapports{m, std::move(pv).valeur()}};
}

// Validates a yearly report against its template and the evaluation's parameters, and returns
// the validated report (the only input of the evaluators) or every violation found, each
// located. The template itself is checked first (validate(m)): no value is matched against a
// template that breaks a rule. Without a contract instance every template volet is evaluated
// and the result says contract time was not checked; prefer the overload below. For many
// reports of one template, make a `validateur_rapports` once with validate_lot(m, p).
[[nodiscard]] inline resultat_validation<rapport_valide> validate(const modele_contrat_def& m, const rapport_annuel& r,
                                                                  const parametres_evaluation& p) {
    const resultat_validation<validateur_rapports> v = validate_lot(m, p);
    if (!v) return resultat_validation<rapport_valide>{v.erreurs()};
    return v.valeur().valider(r);
}

// The same against one establishment's contract instance (validateur_rapports::valider(c, r)).
// The checks come in the order template, instance, parameters: the first that fails is the
// one reported.
[[nodiscard]] inline resultat_validation<rapport_valide> validate(const modele_contrat_def& m,
                                                                  const contrat_instance& c, const rapport_annuel& r,
                                                                  const parametres_evaluation& p) {
    violations out = validate(m);
    if (!out.empty()) return resultat_validation<rapport_valide>{std::move(out)};
    out = validate(m, c);
    if (!out.empty()) return resultat_validation<rapport_valide>{std::move(out)};
    resultat_validation<parametres_valides> pv = parametres_valides::depuis(p);
    if (!pv) return resultat_validation<rapport_valide>{pv.erreurs()};
    return validateur_rapports{m, pv.valeur()}.valider_instance_verifiee(c, r);
}

// The report validated against the compile-time template M, typed for `evaluateur<M>`. A
// template is an object: `evaluateur<M>` is compiled for that object, so a report validated
// against another one, even with equal content, is refused (E038). Taken by value: pass an
// rvalue to move the report in.
template <const modele_contrat_def& M>
[[nodiscard]] resultat_validation<rapport_valide_pour<M>> validate(rapport_valide r) {
    if (&r.modele() != &M) {
        return resultat_validation<rapport_valide_pour<M>>{
            violations{{regle::rapport_autre_modele, "rapport",
                        concat("validated against ", r.modele().nom, ", evaluated with ", M.nom)}}};
    }
    return resultat_validation<rapport_valide_pour<M>>{rapport_valide_pour<M>{std::move(r)}};
}

template <const modele_contrat_def& M>
[[nodiscard]] resultat_validation<rapport_valide_pour<M>> validate(const rapport_annuel& r,
                                                                   const parametres_evaluation& p) {
    resultat_validation<rapport_valide> v = validate(M, r, p);
    if (!v) return resultat_validation<rapport_valide_pour<M>>{v.erreurs()};
    return validate<M>(std::move(v).valeur());
}
template <const modele_contrat_def& M>
[[nodiscard]] resultat_validation<rapport_valide_pour<M>> validate(const contrat_instance& c, const rapport_annuel& r,
                                                                   const parametres_evaluation& p) {
    resultat_validation<rapport_valide> v = validate(M, c, r, p);
    if (!v) return resultat_validation<rapport_valide_pour<M>>{v.erreurs()};
    return validate<M>(std::move(v).valeur());
}

}  // namespace caqes
