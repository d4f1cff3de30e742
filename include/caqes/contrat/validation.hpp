#pragma once
// Run-time validation of templates and instances, returning structured errors.
//
// The rules are the predicates of modele.hpp, instance.hpp and etablissement.hpp; this file
// only walks the data and turns each failure into a located `violation`.
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/instance.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/successeur/dispositif.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes {

// "volets[1] (volet_transports).grille[0] (id 10, ILL-T1)": where a template rule failed.
// A scheme's view has no volets: its indicators are "objectifs[0] (id 50, ILL-E1)".
[[nodiscard]] inline std::string texte(const modele_contrat_def& m, lieu_modele l) {
    const bool dispositif = est_vue_dispositif(m);
    if (l.volet < 0 || (dispositif && l.indicateur < 0)) return dispositif ? "dispositif" : "modele";
    const auto iv = static_cast<std::size_t>(l.volet);
    if (dispositif) {
        const indicateur& ind = m.volets[iv].grille[static_cast<std::size_t>(l.indicateur)];
        return concat("objectifs[", std::to_string(l.indicateur), "] (id ", std::to_string(ind.id), ", ", ind.code,
                      ")");
    }
    std::string s = concat("volets[", std::to_string(l.volet), "] (", traits(m.volets[iv].volet).nom, ")");
    if (l.indicateur >= 0) {
        const indicateur& ind = m.volets[iv].grille[static_cast<std::size_t>(l.indicateur)];
        s += concat(".grille[", std::to_string(l.indicateur), "] (id ", std::to_string(ind.id), ", ", ind.code, ")");
    }
    return s;
}

namespace detail {
inline void ajouter_violations_modele(const modele_contrat_def& m, ymd tot, ymd tard, violations& out) {
    parcourir_modele(m, tot, tard, [&](regle id, lieu_modele l) {
        std::string detail;
        if (id == regle::debut_hors_regime) {
            const periode w = decrire(m.regime).conclusion;
            const ymd d = l.volet >= 0 ? m.volets[static_cast<std::size_t>(l.volet)].debut.value_or(tot) : tot;
            detail = concat("start ", texte(d), ", regime window ", texte(w));
        } else if (id == regle::transition_non_choisie && l.volet < 0) {
            detail = concat("window ", texte(m.fenetre), " runs past the regime window ",
                            texte(decrire(m.regime).conclusion), " and no politique_transition is named");
        } else if (id == regle::origine_sans_source && l.indicateur >= 0) {
            const indicateur& ind =
                m.volets[static_cast<std::size_t>(l.volet)].grille[static_cast<std::size_t>(l.indicateur)];
            const instances_regionales manquantes = instances_requises(m.regime).absentes_de(ind.instances);
            if (ind.provenance == origine::regionale && manquantes.vide()) {
                detail = "no body named";
            } else if (ind.provenance == origine::regionale) {
                detail = "missing bodies:";
                for (const instances_regionales i : toutes_instances) {
                    if (manquantes.contient(i)) detail += concat(" ", nom(i));
                }
            }
        }
        out.push_back({id, texte(m, l), std::move(detail)});
    });
}
}  // namespace detail

// Validates a template built at run time (for instance from a file). Empty when valid. A
// template of a regime that concludes no CAQES is refused whole (E043), except the view of a
// successor scheme, which is checked by the scheme's rules (successeur/dispositif.hpp).
[[nodiscard]] inline violations validate(const modele_contrat_def& m) {
    violations out;
    if (!conclut_des_caqes(m.regime) && !est_vue_dispositif(m)) {
        out.push_back({regle::hors_caqes, "modele.regime", concat(decrire(m.regime).nom, " concludes no CAQES")});
        return out;
    }
    detail::ajouter_violations_modele(m, m.fenetre.debut, debut_au_plus_tard(m), out);
    return out;
}

// Validates a scheme built at run time: the rules of parcourir_dispositif, located in its
// objectives.
[[nodiscard]] inline violations validate(const dispositif_efficience_def& d) {
    const dispositif_charge c{d};
    return validate(c.modele());
}

// Validates an instance against its template: the instance rules, then every template rule
// again with the contract's actual start date and its avenant volets.
// Only a CAQES is signed: a successor scheme or an earlier contract has no instance (E043).
[[nodiscard]] inline violations validate(const modele_contrat_def& m, const contrat_instance& c) {
    using namespace regles;
    violations out;
    if (!conclut_des_caqes(m.regime)) {
        out.push_back({regle::hors_caqes, "modele.regime",
                       concat(decrire(m.regime).nom, " concludes no CAQES: no contract is signed")});
        return out;
    }

    if (!parties_presentes(c.parties)) {
        std::string manquantes;
        if (c.parties.ars.empty()) manquantes += " ars";
        if (c.parties.organisme_local.empty()) manquantes += " organisme_local";
        if (c.parties.representant_legal.empty()) manquantes += " representant_legal";
        out.push_back({regle::partie_absente, "parties", concat("missing:", manquantes)});
    }
    const auto finess = [&out](std::string lieu, std::string_view f) {
        if (!finess_bien_forme(f))
            out.push_back(
                {regle::finess_mal_forme, std::move(lieu), concat("\"", f, "\"", regles::defaut_finess_texte(f))});
    };
    finess("etablissement.finess_ej", c.etab.finess_ej);
    for (std::size_t i = 0; i < c.etab.finess_et.size(); ++i)
        finess(concat("etablissement.finess_et[", std::to_string(i), "]"), c.etab.finess_et[i]);
    if (!activite_dans_perimetre(c.etab.activites_exercees, m.perimetre)) {
        out.push_back({regle::activite_hors_perimetre, "etablissement.activites_exercees",
                       "no activity in the template's scope"});
    }

    const ymd dates[] = {c.reception_proposition, c.signature, c.debut_effet};
    const char* noms[] = {"reception_proposition", "signature", "debut_effet"};
    bool dates_ok = true;
    for (std::size_t i = 0; i < 3; ++i) {
        if (!dates[i].ok()) {
            out.push_back({regle::date_inexistante, noms[i], texte(dates[i])});
            dates_ok = false;
        }
    }
    if (!dates_ok) return out;  // nothing dated can be checked on impossible days

    if (!dates_ordonnees(c.reception_proposition, c.signature, c.debut_effet)) {
        out.push_back({regle::date_hors_fenetre, "signature",
                       concat("reception ", texte(c.reception_proposition), ", signature ", texte(c.signature),
                              ", debut_effet ", texte(c.debut_effet), " are not in order")});
    }
    if (!signature_dans_regime(m, c.signature)) {
        out.push_back({regle::date_hors_fenetre, "signature",
                       concat(texte(c.signature), " is before ", texte(decrire(m.regime).conclusion.debut),
                              ": a contract concluded then is an earlier contract, not a CAQES (decret 2017-584 "
                              "art. 2)")});
    }
    if (!debut_dans_fenetre(m, c.debut_effet)) {
        out.push_back({regle::date_hors_fenetre, "debut_effet",
                       concat(texte(c.debut_effet), " outside the template's window ", texte(m.fenetre))});
    }

    for (std::size_t i = 0; i < c.avenants.size(); ++i) {
        const avenant& a = c.avenants[i];
        if (!a.signature.ok()) {
            out.push_back(
                {regle::date_inexistante, concat("avenants[", std::to_string(i), "].signature"), texte(a.signature)});
            continue;
        }
        if (!avenant_dans_fenetre(m, c.signature, a.signature)) {
            out.push_back(
                {regle::date_hors_fenetre, concat("avenants[", std::to_string(i), "].signature"),
                 concat(texte(a.signature), " is before the contract's signature or after the regime's end")});
        }
        if (!volet_ajoute_apres_avenant(a, c.debut_effet)) {
            out.push_back({regle::date_hors_fenetre, concat("avenants[", std::to_string(i), "].volet_ajoute.debut"),
                           concat(texte(*a.volet_ajoute->debut), " is before the avenant's signature ",
                                  texte(a.signature), " or the contract's start ", texte(c.debut_effet),
                                  ": a volet an avenant adds takes effect once the avenant is concluded")});
        }
        if (!avenant_volet_du_modele(m, c.avenants, i)) {
            out.push_back(
                {regle::avenant_hors_modele, concat("avenants[", std::to_string(i), "].volet_du_modele"),
                 concat(traits(*a.volet_du_modele).nom, " is not a volet of \"", m.nom, "\" or is brought in twice")});
        }
    }
    for (std::size_t i = 0; i < m.volets.size(); ++i) {
        if (volet_du_modele_apres_debut(m.volets[i], c.debut_effet)) continue;
        out.push_back({regle::date_hors_fenetre, "debut_effet",
                       concat(texte(c.debut_effet), " is after the start ", texte(*m.volets[i].debut),
                              " the template gives volets[", std::to_string(i), "] (", traits(m.volets[i].volet).nom,
                              "): a volet takes effect within the contract, not before it")});
    }
    // The template's volets plus the avenants' volets, each from its own start.
    const std::vector<volet_modele> volets = volets_du_contrat(m, c);
    modele_contrat_def effectif = m;
    effectif.volets = volets;
    detail::ajouter_violations_modele(effectif, c.debut_effet, c.debut_effet, out);
    return out;
}

}  // namespace caqes
