#pragma once
// Validation of a yearly report before evaluation: nothing is evaluated from partial garbage.
//
// Each failure is a located `violation`: the indicator (volet, index, id, code) and the
// measure. A caller evaluates a report only when this returns no violation.
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/contrat/validation.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/issues.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/mesure/format.hpp>

#include <string>

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

[[nodiscard]] inline violations validate(const modele_contrat_def& m, const rapport_annuel& r,
                                         const parametres_evaluation& p = {}) {
    using namespace regles;
    violations out;
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

    std::size_t k = 0;
    const periode annee{ymd{r.exercice, 1, 1}, ymd{r.exercice + 1, 1, 1}};
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (std::size_t ii = 0; ii < m.volets[iv].grille.size(); ++ii, ++k) {
            const indicateur& ind = m.volets[iv].grille[ii];
            const std::string lieu = texte(m, lieu_modele{static_cast<int>(iv), static_cast<int>(ii)});
            if (k >= r.valeurs.size()) {
                out.push_back({regle::indicateur_absent, lieu, "no values reported"});
                continue;
            }
            if (!ind.validite.chevauche(annee)) {
                out.push_back({regle::indicateur_hors_validite, lieu,
                               concat("valid ", texte(ind.validite), ", exercise ", std::to_string(r.exercice))});
            }
            for (std::size_t j = 0; j < mesures_max; ++j) {
                const mesure_def& md = ind.mesures[j];
                const valeur_mesure& v = r.valeurs[k][j];
                if (md.vide()) continue;
                const std::string ou = concat(lieu, ".", md.code);
                if (!nature_conforme(md, v)) {
                    out.push_back({regle::mesure_mauvaise_nature, ou, concat("expected ", nom(md.type), ", got ", nom(v.type))});
                } else if (!valeur_dans_domaine(v)) {
                    out.push_back({regle::valeur_hors_domaine, ou, texte(v.type, v.v)});
                }
            }
        }
    }
    if (r.valeurs.size() > k) {
        out.push_back({regle::indicateur_absent, "rapport.valeurs",
                       concat(std::to_string(r.valeurs.size()), " entries for ", std::to_string(k), " indicators")});
    }
    return out;
}

}  // namespace caqes
