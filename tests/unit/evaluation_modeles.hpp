#pragma once
// Contract templates and report builders shared by the evaluation tests (unit tests, the
// allocation test and the JSON tests). Not a test source itself (only tests/unit/*.cpp are).
//
// Every grid here is *illustrative* except the national 2022 indicators 1 to 3.
#include <caqes/caqes.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace evalmod {
using namespace caqes;

inline constexpr mesure<grandeur::taux> m_taux{"taux"};
inline constexpr mesure<grandeur::nombre> m_nombre{"nombre"};
inline constexpr mesure<grandeur::echelle> m_echelle{"echelle"};

inline constexpr periode validite_2017{ymd{2017, 4, 23}, ymd{2022, 1, 1}};
inline constexpr periode validite_2022{ymd{2022, 1, 1}, ymd{2027, 1, 1}};
inline constexpr periode validite_successeur{ymd{2026, 1, 1}, ymd{2035, 1, 1}};

// The contract of an establishment signed 2017-06-15, in effect from 2017-07-01.
[[nodiscard]] inline contrat_instance instance_2017(std::vector<avenant> avenants = {}) {
    contrat_instance c;
    c.etab = {.finess_ej = "750000001",
              .finess_et = {"750000019"},
              .raison_sociale = "CH exemple",
              .region = "Ile-de-France",
              .caisse_locale = "CPAM de Paris",
              .activites_exercees = activite_mco};
    c.parties = {"ARS Ile-de-France", "CPAM de Paris", "Directeur du CH exemple"};
    c.reception_proposition = ymd{2017, 6, 1};
    c.signature = ymd{2017, 6, 15};
    c.debut_effet = ymd{2017, 7, 1};
    c.avenants = std::move(avenants);
    return c;
}

// Higher is better, target 49 % (the 2019 generic prescription value, used as an example).
[[nodiscard]] constexpr indicateur ind_taux(std::uint32_t id, std::string_view code, periode validite,
                                            fraction poids = {1, 1}, origine o = origine::illustrative) {
    return {.id = id,
            .code = code,
            .libelle = "taux (illustratif)",
            .provenance = o,
            // Used as a regional indicator in the 2022 grid only, where D.162-14 II 2 names the
            // ARS director general (CAQES-E016).
            .instances = o == origine::regionale ? instance_directeur_general_ars : instances_regionales{},
            .mesures = {{m_taux.def()}},
            .direction = sens::plus_haut_est_mieux,
            .objectif = viser(m_taux, taux_pourcent(49)),
            .validite = validite,
            .poids = poids};
}
// Lower is better, target 1 000.
[[nodiscard]] constexpr indicateur ind_nombre(std::uint32_t id, std::string_view code, periode validite,
                                              fraction poids = {1, 1}) {
    return {.id = id,
            .code = code,
            .libelle = "nombre (illustratif)",
            .provenance = origine::illustrative,
            .mesures = {{m_nombre.def()}},
            .direction = sens::plus_bas_est_mieux,
            .objectif = viser(m_nombre, nombre_de(1'000)),
            .validite = validite,
            .poids = poids};
}
// No / partial / yes scale, target "oui".
[[nodiscard]] constexpr indicateur ind_echelle(std::uint32_t id, std::string_view code, periode validite,
                                               fraction poids = {1, 1}) {
    return {.id = id,
            .code = code,
            .libelle = "echelle (illustratif)",
            .provenance = origine::illustrative,
            .mesures = {{m_echelle.def()}},
            .direction = sens::plus_haut_est_mieux,
            .objectif = viser(m_echelle, echelle_oui),
            .validite = validite,
            .poids = poids};
}

// --- First generation, the four volets ----------------------------------------------------
inline constexpr std::array<indicateur, 3> g_socle{{
    ind_taux(1, "ILL-S1", validite_2017, {2, 1}),
    ind_echelle(2, "ILL-S2", validite_2017),
    ind_nombre(3, "ILL-S3", validite_2017),
}};
inline constexpr std::array<indicateur, 2> g_transports{
    {ind_taux(10, "ILL-T1", validite_2017), ind_nombre(11, "ILL-T2", validite_2017)}};
inline constexpr std::array<indicateur, 2> g_pertinence{
    {ind_echelle(20, "ILL-P1", validite_2017), ind_taux(21, "ILL-P2", validite_2017)}};
inline constexpr std::array<indicateur, 1> g_pratiques{{ind_nombre(30, "ILL-A1", validite_2017)}};

inline constexpr std::array<volet_modele, 4> volets_2017{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = g_socle, .clauses = sanction},
    {.volet = volet_id::volet_transports,
     .terme = duree_annees(3),
     .grille = g_transports,
     .clauses = sanction | interessement},
    {.volet = volet_id::volet_pertinence,
     .terme = duree_annees(3),
     .grille = g_pertinence,
     .clauses = sanction | interessement},
    {.volet = volet_id::volet_amelioration_pratiques,
     .terme = duree_annees(3),
     .grille = g_pratiques,
     .clauses = sanction | interessement},
}};
inline constexpr modele_contrat_def def_2017{
    .nom = "essai 2017, quatre volets (illustratif)",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = volets_2017,
    .transition = politique_transition::arret_fin_regime,
};
struct modele_2017 : modele_contrat<def_2017> {};

// --- Second generation --------------------------------------------------------------------
inline constexpr std::array<indicateur, 2> g_bon_usage{
    {referentiels::indicateur_2022_ipp, referentiels::indicateur_2022_perfadom}};
inline constexpr std::array<indicateur, 2> g_organisation{{
    ind_taux(40, "REG-O1", validite_2022, {1, 1}, origine::regionale),
    ind_nombre(41, "ILL-O2", validite_2022),
}};
inline constexpr std::array<indicateur, 1> g_pertinence_2022{{referentiels::indicateur_2022_ambulances}};

inline constexpr std::array<volet_modele, 3> volets_2022{{
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(2), .grille = g_bon_usage, .clauses = interessement},
    {.volet = volet_id::volet_organisation_soins,
     .terme = duree_annees(2),
     .grille = g_organisation,
     .clauses = interessement},
    {.volet = volet_id::volet_pertinence_soins,
     .terme = duree_annees(2),
     .grille = g_pertinence_2022,
     .clauses = interessement | abattement_tarifaire | minoration_liste_en_sus},
}};
inline constexpr modele_contrat_def def_2022{
    .nom = "essai 2022",
    .regime = regime_id::caqes_2022,
    .fenetre = periode{ymd{2022, 7, 1}, ymd{2025, 1, 1}},
    .volets = volets_2022,
    .transition = politique_transition::maintien_signale,
};
struct modele_2022 : modele_contrat<def_2022> {};

// --- Successor ----------------------------------------------------------------------------
// A scheme, not a contract (successeur/dispositif.hpp): no volets, no term. It starts in 2026
// and asks for the penalty, which exercises from 2027 get [S].
inline constexpr std::array<indicateur, 2> g_efficience{
    {ind_taux(50, "ILL-E1", validite_successeur), ind_nombre(51, "ILL-E2", validite_successeur)}};
inline constexpr dispositif_efficience_def def_dispositif{
    .nom = "essai successeur (illustratif)",
    .fenetre = periode{ymd{2026, 1, 1}, ymd{2029, 1, 1}},
    .perimetre = activite_mco,
    .objectifs = g_efficience,
    .clauses = dotation_complementaire | penalite,
};
struct dispositif_essai : dispositif_efficience<def_dispositif> {};
// The view the evaluators read, for the helpers below that take a template.
inline constexpr const modele_contrat_def& def_successeur = dispositif_efficience<def_dispositif>::modele;

// --- Values -------------------------------------------------------------------------------
[[nodiscard]] constexpr valeurs_indicateur une(valeur_mesure v) { return {{v}}; }
[[nodiscard]] constexpr valeurs_indicateur taux_de(std::int64_t pourcent) {
    return une(valeur_mesure::de(taux_pourcent(pourcent)));
}
[[nodiscard]] constexpr valeurs_indicateur nombre(std::int64_t n) { return une(valeur_mesure::de(nombre_de(n))); }
[[nodiscard]] constexpr valeurs_indicateur echelle_de(quantite<grandeur::echelle> q) {
    return une(valeur_mesure::de(q));
}

// Every indicator of `m` at its target (met).
[[nodiscard]] inline std::vector<valeurs_indicateur> tout_atteint(const modele_contrat_def& m) {
    std::vector<valeurs_indicateur> v;
    for (const auto& vo : m.volets) {
        for (const auto& ind : vo.grille) {
            valeurs_indicateur x{};
            for (std::size_t j = 0; j < mesures_max; ++j) {
                if (ind.mesures[j].vide()) continue;
                x[j] = {etat_valeur::renseignee, ind.mesures[j].type, fraction{0, 1}};
                if (ind.mesures[j].type == type_mesure::taux_evolution) x[j].v = pourcentage(-10);
                if (ind.mesures[j].type == type_mesure::echelle) x[j].v = entier(2);
                if (ind.mesures[j].type == type_mesure::taux && ind.direction == sens::plus_haut_est_mieux)
                    x[j].v = entier(1);
            }
            v.push_back(x);
        }
    }
    return v;
}

// Every indicator of `m` missed.
[[nodiscard]] inline std::vector<valeurs_indicateur> rien_atteint(const modele_contrat_def& m) {
    std::vector<valeurs_indicateur> v;
    for (const auto& vo : m.volets) {
        for (const auto& ind : vo.grille) {
            valeurs_indicateur x{};
            for (std::size_t j = 0; j < mesures_max; ++j) {
                if (ind.mesures[j].vide()) continue;
                const type_mesure t = ind.mesures[j].type;
                x[j] = {etat_valeur::renseignee, t, fraction{0, 1}};
                if (t == type_mesure::nombre || t == type_mesure::montant) x[j].v = entier(1'000'000'000);
                if (t == type_mesure::taux_evolution) x[j].v = pourcentage(10);
                if (t == type_mesure::taux && ind.direction == sens::plus_bas_est_mieux) x[j].v = entier(1);
            }
            v.push_back(x);
        }
    }
    return v;
}

// A report under construction that owns what its `rapport_annuel` points to. Tests write values
// in template order for brevity; `annuel()` names each by its indicator's and measure's code,
// as a caller's report does.
struct rapport_essai {
    const modele_contrat_def* m{nullptr};
    rapport_annuel r{};
    std::vector<valeurs_indicateur> valeurs;
    // Savings by volet of `m`, in its order (empty: non renseigne), then those of volets added
    // by avenant; the decisions as recorded. Values for an avenant's volet go in `valeurs`
    // after the template's, in `volets_avenants` order.
    std::array<std::optional<centimes>, volets_max> economies{};
    std::vector<montant_volet> economies_avenants{};
    std::vector<decision_volet> decisions{};
    std::vector<volet_modele> volets_avenants{};

    rapport_essai(const modele_contrat_def& modele, int exercice, std::vector<valeurs_indicateur> v,
                  centimes produits = centimes{0})
            : m(&modele), valeurs(std::move(v)) {
        r.exercice = exercice;
        r.date_evaluation = ymd{exercice + 1, 6, 1};
        r.activites_etablissement = modele.perimetre;
        r.produits_assurance_maladie = produits;
    }

    // The report; valid while this object lives and is not changed.
    [[nodiscard]] rapport_annuel annuel() const {
        saisies_.clear();
        std::size_t k = 0;
        std::vector<volet_modele> tous(m->volets.begin(), m->volets.end());
        tous.insert(tous.end(), volets_avenants.begin(), volets_avenants.end());
        for (const auto& vo : tous) {
            for (const auto& ind : vo.grille) {
                saisie_indicateur s{.indicateur = ind.code};
                for (std::size_t j = 0; j < mesures_max && k < valeurs.size(); ++j) {
                    if (!ind.mesures[j].vide()) s.mesures[j] = {ind.mesures[j].code, valeurs[k][j]};
                }
                if (k < valeurs.size()) saisies_.push_back(s);
                ++k;
            }
        }
        eco_.clear();
        for (std::size_t i = 0; i < m->volets.size() && i < volets_max; ++i) {
            if (economies[i]) eco_.push_back({m->volets[i].volet, *economies[i]});
        }
        eco_.insert(eco_.end(), economies_avenants.begin(), economies_avenants.end());
        rapport_annuel x = r;
        x.valeurs = saisies_;
        x.economies = eco_;
        x.decisions = decisions;
        return x;
    }

  private:
    // What the last `annuel()` points to.
    mutable std::vector<saisie_indicateur> saisies_;
    mutable std::vector<montant_volet> eco_;
};

// The validated parameters; a test that builds an invalid set fails with its violations.
[[nodiscard]] inline parametres_valides valides(const parametres_evaluation& p) {
    resultat_validation<parametres_valides> v = parametres_valides::depuis(p);
    if (!v) throw std::runtime_error(texte(v.erreurs().front()));
    return std::move(v).valeur();
}

// The validated report; a test that builds an invalid one fails with its violations.
template <const modele_contrat_def& M>
[[nodiscard]] inline rapport_valide_pour<M> valide(rapport_essai e, const parametres_evaluation& p = {}) {
    resultat_validation<rapport_valide_pour<M>> v = validate<M>(e.annuel(), p);
    if (!v) throw std::runtime_error(texte(v.erreurs().front()));
    return std::move(v).valeur();
}
[[nodiscard]] inline rapport_valide valide(rapport_essai e, const parametres_evaluation& p = {}) {
    resultat_validation<rapport_valide> v = validate(*e.m, e.annuel(), p);
    if (!v) throw std::runtime_error(texte(v.erreurs().front()));
    return std::move(v).valeur();
}
// The same against a contract instance.
[[nodiscard]] inline rapport_valide valide(rapport_essai e, const contrat_instance& c,
                                           const parametres_evaluation& p = {}) {
    resultat_validation<rapport_valide> v = validate(*e.m, c, e.annuel(), p);
    if (!v) throw std::runtime_error(texte(v.erreurs().front()));
    return std::move(v).valeur();
}

// A decision of `nature` for volet `v`, of `montant`.
[[nodiscard]] inline decision_volet decision(volet_id v, std::optional<issue_legale> nature, centimes montant) {
    return decision_volet{.volet = v, .nature = nature, .montant = montant};
}

// The 80 M EUR base of CAQES.md section 8: 8e9 cents.
inline constexpr centimes base_80m{8'000'000'000};

}  // namespace evalmod
