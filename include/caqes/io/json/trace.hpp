#pragma once
// JSON output of an evaluation as nlohmann::json trees: the result, its trace and its proposals
// (schema "caqes.evaluation/1", docs/json-schema.md), for a caller that works on the tree
// (`caqes explain --json`, the database output, the fuzz target, tests). The batch and
// `caqes evaluate` write the same bytes without a tree (ecriture.hpp), the faster way; the test
// json_ecriture.cpp compares the two. Optional part: target caqes::json, needs nlohmann-json;
// the core never includes this header.
//
// Exactness: amounts are integer cents; fractions are {"num", "den"} (plus an informative
// "decimal" string, truncated); no value goes through a floating-point number.
#include <caqes/calendrier/format.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/evaluation/trace.hpp>
#include <caqes/io/json/ecriture.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/volet/volet.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace caqes::json {

// {"num": 1, "den": 3, "decimal": "0.333333"}; num and den normalised (den > 0).
[[nodiscard]] inline nlohmann::json fraction_json(fraction f) {
    const fraction x = f.normalisee();
    return {{"num", x.num}, {"den", x.den}, {"decimal", decimal_tronque(x)}};
}

[[nodiscard]] inline nlohmann::json valeur_json(const valeur_mesure& v) {
    switch (v.etat) {
        case etat_valeur::renseignee:
            return {{"etat", "renseignee"}, {"type", caqes::nom(v.type)}, {"valeur", fraction_json(v.v)}};
        case etat_valeur::non_concernee:
            return {{"etat", "non_concernee"}};
        case etat_valeur::non_renseignee:
            return {{"etat", "non_renseignee"}};
    }
    return nullptr;
}

[[nodiscard]] inline nlohmann::json article_json(const reference_legale& r) {
    return {{"texte", r.texte}, {"legi_id", r.legi_id}, {"version", r.version}};
}

[[nodiscard]] inline nlohmann::json score_json(const score_volet& s) {
    if (!s.defini()) return {{"defini", false}};
    return {{"defini", true},
            {"points", fraction_json(s.points)},
            {"poids", fraction_json(s.poids)},
            {"valeur", fraction_json(s.valeur())}};
}

// One indicator line of a trace.
[[nodiscard]] inline nlohmann::json ligne_json(const ligne_trace& l) {
    nlohmann::json j{{"volet", l.volet}};
    if (l.ind != nullptr) {
        const indicateur& i = *l.ind;
        j["id"] = i.id;
        j["code"] = i.code;
        j["libelle"] = i.libelle;
        j["origine"] = nom(i.provenance);
        j["illustratif"] = i.provenance == origine::illustrative;
        if (!i.source.vide()) j["source"] = article_json(i.source);
        j["sens"] = i.direction == sens::plus_bas_est_mieux ? "plus_bas_est_mieux" : "plus_haut_est_mieux";
        j["poids"] = fraction_json(i.poids);
        if (i.objectif.presente()) {
            j["cible"] = {{"mesure", i.objectif.mesure},
                          {"type", caqes::nom(i.objectif.type_valeur)},
                          {"valeur", fraction_json(i.objectif.valeur)}};
        } else {
            j["cible"] = nullptr;
        }
        if (!i.ref.vide()) j["referentiel_texte"] = texte(i.ref);
    }
    j["valeur"] = valeur_json(l.valeur);
    if (l.ind != nullptr) {
        // Every measure, in the grid's order, named by its code: a referentiel reads measures
        // other than `valeur`.
        nlohmann::json valeurs = nlohmann::json::array();
        for (std::size_t k = 0; k < mesures_max; ++k) {
            if (!l.ind->mesures[k].vide())
                valeurs.push_back({{"mesure", l.ind->mesures[k].code}, {"valeur", valeur_json(l.valeurs[k])}});
        }
        j["valeurs"] = std::move(valeurs);
    }
    j["statut"] = nom(l.resultat.s);
    j["compte"] = l.resultat.compte;
    j["realisation"] = fraction_json(l.realisation);
    j["referentiel"] = nom(l.resultat.referentiel);
    j["points"] = fraction_json(l.points);
    return j;
}

[[nodiscard]] inline nlohmann::json proposition_json(const proposition& p) {
    nlohmann::json j{{"nature", caqes::nom(p.nature)},
                     {"montant_centimes", p.montant.valeur},
                     {"plafond_centimes", p.plafond.valeur},
                     {"plafond_atteint", p.plafond_atteint},
                     {"taux", fraction_json(p.taux)},
                     {"article", article_json(p.article())},
                     {"statut", "proposition"},
                     {"illustratif", p.illustratif},
                     {"depassement", p.depassement}};
    j["decision_finale_centimes"] =
        p.decision_finale ? nlohmann::json(p.decision_finale->valeur) : nlohmann::json(nullptr);
    j["decision_au_dessus_proposition"] = p.decision_au_dessus;
    j["economies_non_renseignees"] = p.economies_non_renseignees;
    return j;
}

[[nodiscard]] inline nlohmann::json centimes_ou_null(std::optional<centimes> c) {
    return c ? nlohmann::json(c->valeur) : nlohmann::json(nullptr);
}

// The law applied and what the amounts rest on: regime, version policy and the day every
// constant was looked up, the evaluation date, the partial-year and transition policies, the
// revenue base and its year; the other policies that would apply another version, the outcomes
// the clauses ask for that no version in force provides, the alerts, and the period of the
// L.162-30-4 measures (issue 12). Each proposal cites its own version ("article").
[[nodiscard]] inline nlohmann::json regles_json(const resultat_evaluation& r) {
    const regles_appliquees& g = r.regles;
    nlohmann::json divergentes = nlohmann::json::array();
    for (const version_applicable v : politiques_de_version) {
        if (g.diverge(v)) divergentes.push_back(caqes::nom(v));
    }
    nlohmann::json refusees = nlohmann::json::array();
    for (const issue_legale i : toutes_issues_legales) {
        if (g.refusees.contient(i)) refusees.push_back(caqes::nom(i));
    }
    nlohmann::json alertes = nlohmann::json::array();
    for (const alerte_evaluation a : toutes_alertes) {
        if (g.a(a)) alertes.push_back(caqes::nom(a));
    }
    return {{"regime", decrire(r.regime).nom},
            {"politique_version", caqes::nom(g.politique)},
            {"date_regles", texte(g.date)},
            {"politiques_divergentes", std::move(divergentes)},
            {"issues_sans_version_en_vigueur", std::move(refusees)},
            // null when the report gives none: "0000-00-00" would read as a day.
            {"date_evaluation",
             g.date_evaluation.ok() ? nlohmann::json(texte(g.date_evaluation)) : nlohmann::json(nullptr)},
            {"annee_partielle", caqes::nom(g.annee_partielle)},
            {"transition", caqes::nom(g.transition)},
            {"alertes", std::move(alertes)},
            {"periode_mesures",
             g.periode_mesures.debut.ok() ? nlohmann::json(texte(g.periode_mesures)) : nlohmann::json(nullptr)},
            {"exercice", r.exercice},
            {"annee_contrat", r.annee_contrat},
            {"produits_assurance_maladie_centimes", r.produits_assurance_maladie.valeur},
            {"annee_produits", r.annee_produits ? nlohmann::json(*r.annee_produits) : nlohmann::json(nullptr)},
            {"part_liste_en_sus_centimes",
             r.part_liste_en_sus ? nlohmann::json(r.part_liste_en_sus->valeur) : nlohmann::json(nullptr)},
            {"base_penalite_centimes",
             r.base_penalite ? nlohmann::json(r.base_penalite->valeur) : nlohmann::json(nullptr)}};
}

// One establishment's evaluation: the result and, when given, its trace.
[[nodiscard]] inline nlohmann::json evaluation_json(const resultat_evaluation& r, const trace* t = nullptr) {
    nlohmann::json volets = nlohmann::json::array();
    for (std::size_t i = 0; i < r.nombre_volets; ++i) {
        const resultat_volet& v = r.volets[i];
        nlohmann::json jv{{"index", i}, {"volet", traits(v.volet).nom}, {"score", score_json(v.score)}};
        jv["couverture"] = {{"terme", texte(v.couverture.terme)},
                            {"jours", v.couverture.jours},
                            {"jours_annee", v.couverture.jours_annee},
                            {"evalue", v.couverture.evalue},
                            {"transition_signalee", v.couverture.transition_signalee}};
        jv["economies_centimes"] = centimes_ou_null(v.economies);  // null: non renseigne
        jv["proposition"] =
            v.principale.presente() || v.principale.decision_finale || v.principale.economies_non_renseignees
                ? proposition_json(v.principale)
                : nlohmann::json(nullptr);
        if (v.principale.decision_finale) {
            jv["decision"] = {
                {"nature", v.nature_decidee ? nlohmann::json(caqes::nom(*v.nature_decidee)) : nlohmann::json("aucune")},
                {"montant_centimes", v.principale.decision_finale->valeur},
                {"proposition_centimes", v.principale.montant.valeur},
                {"au_dessus_proposition", v.principale.decision_au_dessus}};
        } else {
            jv["decision"] = nullptr;
        }
        volets.push_back(std::move(jv));
    }
    // A contract-level entry also says which outcome was decided for it: its own nature is
    // `aucune` when nothing was proposed (resultat_evaluation::contrat_nature_decidee); and for a
    // rate measure, the rate and duration decided.
    nlohmann::json contrat = nlohmann::json::array();
    for (std::size_t i = 0; i < r.nombre_contrat; ++i) {
        nlohmann::json jc = proposition_json(r.contrat[i]);
        const std::optional<issue_legale>& n = r.contrat_nature_decidee[i];
        jc["nature_decidee"] = n ? nlohmann::json(caqes::nom(*n)) : nlohmann::json(nullptr);
        // A rate measure's decision: its rate and duration (null for a decision of an amount).
        const std::optional<fraction>& taux = r.contrat_taux_decide[i];
        jc["taux_decide"] = taux ? fraction_json(*taux) : nlohmann::json(nullptr);
        const std::optional<int>& duree = r.contrat_duree_decidee_mois[i];
        jc["duree_decidee_mois"] = duree ? nlohmann::json(*duree) : nlohmann::json(nullptr);
        contrat.push_back(std::move(jc));
    }
    // Totals of the proposals, and apart those of the decisions recorded.
    nlohmann::json j{{"regles", regles_json(r)},
                     {"volets", std::move(volets)},
                     {"contrat", std::move(contrat)},
                     {"total_sanctions_centimes", r.total_sanctions.valeur},
                     {"total_interessements_centimes", r.total_interessements.valeur},
                     {"total_sanctions_decidees_centimes", r.total_sanctions_decidees.valeur},
                     {"total_interessements_decides_centimes", r.total_interessements_decides.valeur},
                     {"nombre_decisions", r.nombre_decisions},
                     {"plafond_global_atteint", r.plafond_global_atteint}};
    // CAQES-E037: nothing was proposed; the document says why and where.
    if (!r.ok()) {
        j["erreur"] = {
            {"code", fiche(r.erreur).code}, {"volet", r.volet_erreur}, {"indicateur_id", r.indicateur_erreur}};
    }
    if (t != nullptr) {
        nlohmann::json lignes = nlohmann::json::array();
        for (const ligne_trace& l : t->lignes)
            lignes.push_back(ligne_json(l));
        j["trace"] = std::move(lignes);
    }
    return j;
}

// A single evaluation as a whole document.
[[nodiscard]] inline nlohmann::json document(const resultat_evaluation& r, const trace* t = nullptr) {
    return {{"schema", schema}, {"evaluations", nlohmann::json::array({evaluation_json(r, t)})}};
}

// One establishment of a batch as the document's "evaluations" array holds it: written one at a
// time by a caller that streams the document (example_batch --json).
[[nodiscard]] inline nlohmann::json evaluation_json(const evaluation_etablissement& e) {
    nlohmann::json j{
        {"finess", e.finess}, {"raison_sociale", e.raison_sociale}, {"exercice", e.exercice}, {"modele", e.modele}};
    if (!e.erreurs.empty()) {
        nlohmann::json errs = nlohmann::json::array();
        for (const violation& v : e.erreurs)
            errs.push_back({{"code", v.code()}, {"lieu", v.lieu}, {"detail", v.detail}});
        j["erreurs"] = std::move(errs);
    } else {
        j.update(evaluation_json(e.resultat, e.trace_.lignes.empty() ? nullptr : &e.trace_));
    }
    return j;
}

[[nodiscard]] inline nlohmann::json document(std::span<const evaluation_etablissement> lot) {
    nlohmann::json evals = nlohmann::json::array();
    for (const evaluation_etablissement& e : lot)
        evals.push_back(evaluation_json(e));
    return {{"schema", schema}, {"evaluations", std::move(evals)}};
}

// A document as text. Strings a caller put in it (names, details) may hold bytes that are not
// UTF-8; nlohmann's default is then to throw (type_error.316) and print nothing, so invalid
// bytes become U+FFFD instead and the rest of the document is never lost.
[[nodiscard]] inline std::string serialiser(const nlohmann::json& doc, int indentation = 2) {
    return doc.dump(indentation, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace caqes::json
