#pragma once
// Validation of a yearly report before evaluation: nothing is evaluated from partial garbage.
//
// `validate` is the only way to a `rapport_valide`, the evaluators' only input. Each failure is
// a located `violation`: the entry of the report, the indicator (volet, index, id, code) and
// the measure.
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/contrat/validation.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/issues.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/rapport_valide.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/mesure/format.hpp>

#include <array>
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

// CAQES-E030: the exercise year overlaps the period where the template's contracts produce
// effects: from the template's first start to its regime's end.
[[nodiscard]] constexpr bool exercice_couvert(const modele_contrat_def& m, int exercice) noexcept {
    const periode annee{ymd{exercice, 1, 1}, ymd{exercice + 1, 1, 1}};
    return annee.chevauche(periode{m.fenetre.debut, decrire(m.regime).fin_effets});
}

}  // namespace regles

namespace detail {

// The template's indicator with this code, from position `k` on first (reports usually list
// indicators in template order), then anywhere. Codes are unique in a valid template (E033).
struct position_indicateur {
    std::size_t volet{0};
    std::size_t rang{0};   // within the volet's grid
    std::size_t k{0};      // over the whole template
    bool trouve{false};
};

[[nodiscard]] inline position_indicateur chercher_indicateur(const modele_contrat_def& m, std::string_view code,
                                                            std::size_t k_attendu) {
    position_indicateur premier{};
    std::size_t k = 0;
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (std::size_t ii = 0; ii < m.volets[iv].grille.size(); ++ii, ++k) {
            if (m.volets[iv].grille[ii].code != code) continue;
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
        const std::string lieu = concat("rapport.", champ, "[", std::to_string(i), "] (", traits(montants[i].volet).nom, ")");
        const int iv = indice_volet(m, montants[i].volet);
        if (iv < 0) {
            out.push_back({regle::mesure_inconnue, lieu, "the template has no such volet"});
        } else if (vus[static_cast<std::size_t>(iv)]) {
            out.push_back({regle::saisie_en_double, lieu, "this volet was already given"});
        } else {
            vus[static_cast<std::size_t>(iv)] = true;
            ecrire(static_cast<std::size_t>(iv), montants[i].montant);
        }
    }
}

}  // namespace detail

// Validates a yearly report against its template and the evaluation's parameters, and returns
// the validated report (the only input of the evaluators) or every violation found, each
// located. The template itself is checked first (validate(m)): no value is matched against a
// template that breaks a rule.
[[nodiscard]] inline resultat_validation<rapport_valide> validate(const modele_contrat_def& m, const rapport_annuel& r,
                                                                  const parametres_evaluation& p) {
    using namespace regles;
    violations out = validate(m);
    if (!out.empty()) return resultat_validation<rapport_valide>{std::move(out)};
    if (auto vp = validate(p); !vp.empty()) return resultat_validation<rapport_valide>{std::move(vp)};

    if (!exercice_couvert(m, r.exercice)) {
        out.push_back({regle::exercice_non_couvert, "rapport.exercice",
                       concat(std::to_string(r.exercice), " is outside ", texte(periode{m.fenetre.debut, decrire(m.regime).fin_effets}))});
    }
    if (r.produits_assurance_maladie < centimes{0}) {
        out.push_back({regle::valeur_hors_domaine, "rapport.produits_assurance_maladie", "negative revenue base"});
    }
    // The floor is the L.162-30-3 version's at the date of the rules, not a figure written here.
    const valeur_legale plancher = constante_en_vigueur(article_loi::l162_30_3, constante_legale::plancher_cible,
                                                        date_des_regles(p.version, m.regime, r.exercice, r.date_evaluation));
    if (r.l162_30_4 && plancher.en_vigueur() && !cible_au_dessus_du_plancher(*r.l162_30_4, plancher.valeur)) {
        out.push_back({regle::cible_sous_plancher, "rapport.l162_30_4.actes_cible",
                       concat(std::to_string(r.l162_30_4->actes_cible), " < ", texte_fraction(plancher.valeur), " of ",
                              std::to_string(r.l162_30_4->actes_annee_precedente), " (", plancher.version->reference.texte, " ",
                              plancher.version->reference.legi_id, ")")});
    }
    // L.162-22: the establishment's activities decide which indicators concern it.
    if (!activite_dans_perimetre(r.activites_etablissement, m.perimetre)) {
        out.push_back({regle::activite_hors_perimetre, "rapport.activites_etablissement",
                       "the establishment exercises no activity of the template's scope (none given?)"});
    }

    rapport_valide v;
    v.modele_ = &m;
    v.exercice_ = r.exercice;
    v.annee_contrat_ = r.annee_contrat;
    v.date_evaluation_ = r.date_evaluation;
    v.activites_ = r.activites_etablissement;
    v.produits_ = r.produits_assurance_maladie;
    v.l162_30_4_ = r.l162_30_4;

    // Values, matched by indicator code then by measure code.
    const std::size_t n = nombre_indicateurs(m);
    v.valeurs_.assign(n, valeurs_indicateur{});
    v.plans_.reserve(n);
    for (const auto& vol : m.volets) {
        for (const auto& ind : vol.grille) v.plans_.push_back(planifier(ind));
    }
    std::vector<std::size_t> saisie_de(n, r.valeurs.size());  // which entry gave indicator k
    for (std::size_t e = 0; e < r.valeurs.size(); ++e) {
        const saisie_indicateur& si = r.valeurs[e];
        const std::string lieu_saisie = concat("rapport.valeurs[", std::to_string(e), "] (", si.indicateur, ")");
        const detail::position_indicateur pos = detail::chercher_indicateur(m, si.indicateur, e);
        if (!pos.trouve) {
            out.push_back({regle::mesure_inconnue, lieu_saisie, "the template has no indicator with this code"});
            continue;
        }
        if (saisie_de[pos.k] != r.valeurs.size()) {
            out.push_back({regle::saisie_en_double, lieu_saisie,
                           concat("already given by rapport.valeurs[", std::to_string(saisie_de[pos.k]), "]")});
            continue;
        }
        saisie_de[pos.k] = e;
        const indicateur& ind = m.volets[pos.volet].grille[pos.rang];
        const std::string lieu = texte(m, lieu_modele{static_cast<int>(pos.volet), static_cast<int>(pos.rang)});
        const bool applicable = applicable_a(ind, r.activites_etablissement);
        std::array<bool, mesures_max> donnee{};
        for (const saisie_mesure& sm : si.mesures) {
            if (sm.mesure.empty()) continue;  // an unused slot
            const std::int8_t j = indice_mesure(ind, sm.mesure);
            const std::string ou = concat(lieu, ".", sm.mesure);
            if (j == mesure_absente) {
                out.push_back({regle::mesure_inconnue, ou, "the indicator has no measure with this code"});
                continue;
            }
            const auto ju = static_cast<std::size_t>(j);
            if (donnee[ju]) {
                out.push_back({regle::saisie_en_double, ou, "this measure was already given"});
                continue;
            }
            donnee[ju] = true;
            if (!applicable) {
                if (sm.valeur.etat == etat_valeur::renseignee) {
                    out.push_back({regle::indicateur_non_applicable, ou,
                                   concat("a value is reported but the indicator applies to none of the establishment's activities")});
                }
                continue;
            }
            if (!nature_conforme(ind.mesures[ju], sm.valeur)) {
                out.push_back({regle::mesure_mauvaise_nature, ou,
                               concat("expected ", nom(ind.mesures[ju].type), ", got ", nom(sm.valeur.type))});
            } else if (!valeur_dans_domaine(sm.valeur)) {
                out.push_back({regle::valeur_hors_domaine, ou, texte(sm.valeur.type, sm.valeur.v)});
            }
            v.valeurs_[pos.k][ju] = sm.valeur;
        }
    }

    // Every indicator: applicable ones are reported and in force; the others are non concerne.
    std::size_t k = 0;
    const periode annee{ymd{r.exercice, 1, 1}, ymd{r.exercice + 1, 1, 1}};
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (std::size_t ii = 0; ii < m.volets[iv].grille.size(); ++ii, ++k) {
            const indicateur& ind = m.volets[iv].grille[ii];
            if (!applicable_a(ind, r.activites_etablissement)) {
                for (std::size_t j = 0; j < mesures_max; ++j) {
                    if (!ind.mesures[j].vide()) v.valeurs_[k][j] = valeur_mesure::non_concernee();
                }
                continue;
            }
            const std::string lieu = texte(m, lieu_modele{static_cast<int>(iv), static_cast<int>(ii)});
            if (saisie_de[k] == r.valeurs.size()) {
                out.push_back({regle::indicateur_absent, lieu, "no values reported"});
                continue;
            }
            if (!ind.validite.chevauche(annee)) {
                out.push_back({regle::indicateur_hors_validite, lieu,
                               concat("valid ", texte(ind.validite), ", exercise ", std::to_string(r.exercice))});
            }
        }
    }

    detail::lire_montants_volets(m, r.economies, "economies", out, [&v](std::size_t i, centimes c) { v.economies_[i] = c; });
    detail::lire_montants_volets(m, r.decisions, "decisions", out, [&v](std::size_t i, centimes c) { v.decisions_[i] = c; });

    if (!out.empty()) return resultat_validation<rapport_valide>{std::move(out)};
    return resultat_validation<rapport_valide>{std::move(v)};
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
[[nodiscard]] resultat_validation<rapport_valide_pour<M>> validate(const rapport_annuel& r, const parametres_evaluation& p) {
    resultat_validation<rapport_valide> v = validate(M, r, p);
    if (!v) return resultat_validation<rapport_valide_pour<M>>{v.erreurs()};
    return validate<M>(std::move(v).valeur());
}

}  // namespace caqes
