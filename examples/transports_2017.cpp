// The first-generation transports volet (2017), from targeting to the yearly proposals.
//
// 1. Targeting: the 2017 national referentiel values for transports (2.2 % growth, 500 000 EUR
//    of spending) are read from the dated parameters shipped in
//    `caqes/referentiels/referentiels_2017_2019.hpp`, never re-typed. How the two thresholds
//    combine (and / or, strict or not) is not in the texts [U]: the combination below is
//    this grid's choice, stated in the code and in the output.
// 2. Evaluation: a 2017 template (socle + transports volet with `sanction | interessement`)
//    evaluated on the 2018 reports of five establishments with `evaluateur<def>::evaluer`.
//
// What is the law's and what is illustrative:
// - the law's [C]: the referentiel values (arrete of 2017-04-27), the 1 % per-volet and 5 %
//   overall sanction caps and the 30 % incentive cap (D.162-16 III 1, 2017);
// - ILLUSTRATIF: the socle grid (the 2017 national socle indicators were not retrieved), the
//   second transports indicator, the weights, the score-to-sanction scale, the incentive share,
//   and the establishments with their figures.
#include "modeles/transports_2017.hpp"

#include <caqes/caqes.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ex {
using namespace caqes;
using namespace modeles::transports_2017;

// The rules of exercise 2018 under the default version policy (the contract's regime).
inline constexpr ymd date_regles =
    date_des_regles(version_applicable::regime_du_contrat, def.regime, 2018, ymd{2019, 3, 1});
inline constexpr valeur_legale cap_volet =
    constante_en_vigueur(article_loi::d162_16, constante_legale::plafond_sanction_volet, date_regles);
inline constexpr valeur_legale cap_global =
    constante_en_vigueur(article_loi::d162_16, constante_legale::plafond_sanction_global, date_regles);
inline constexpr valeur_legale cap_interessement =
    constante_en_vigueur(article_loi::d162_16, constante_legale::plafond_interessement, date_regles);

// --- 5. The establishments (ILLUSTRATIF figures) ----------------------------------------------
struct etablissement_exemple {
    std::string_view nom;
    // 2016 figures, used for targeting on 2017-07-01.
    quantite<grandeur::taux_evolution> croissance_2016;
    quantite<grandeur::montant> depense_2016;
    // The 2018 report.
    centimes produits;  // produits des regimes obligatoires, last closed year: base of the sanction caps
    quantite<grandeur::taux> generiques;
    quantite<grandeur::echelle> informatisation_2018;
    quantite<grandeur::taux_evolution> croissance_2018;
    quantite<grandeur::montant> depense_2018;
    quantite<grandeur::echelle> plan_2018;
    centimes economies_transports;  // observed savings on the volet, signed
};

inline constexpr std::array<etablissement_exemple, 5> etablissements{{
    {"CH Alpha", evolution_pourcent(34, 10), montant_euros(812'000), centimes{4'210'000'000}, taux_pourcent(52),
     echelle_oui, evolution_pourcent(19, 10), montant_euros(826'000), echelle_oui, centimes{12'345'678}},
    {"CH Beta", evolution_pourcent(41, 10), montant_euros(1'250'000), centimes{6'480'000'000}, taux_pourcent(47),
     echelle_oui, evolution_pourcent(2), montant_euros(1'270'000), echelle_partiel, centimes{5'821'005}},
    // Spending exactly 500 000 EUR: "spending < 500 000 EUR" is not met, so it is targeted.
    {"Clinique Gamma", evolution_pourcent(25, 10), montant_euros(500'000), centimes{3'123'456'789}, taux_pourcent(46),
     echelle_oui, evolution_pourcent(21, 10), montant_euros(509'000), echelle_non, centimes{1'200'000}},
    {"CH Delta", evolution_pourcent(5), montant_euros(2'040'000), centimes{8'765'432'109}, taux_pourcent(41),
     echelle_oui, evolution_pourcent(38, 10), montant_euros(2'117'000), echelle_partiel, centimes{-3'000'000}},
    // Growth of 6.3 % but spending below 500 000 EUR: it meets the referentiel. The volet was
    // proposed all the same, on the regional plan's identification (D.162-14 I allows either).
    {"CH Epsilon", evolution_pourcent(63, 10), montant_euros(430'000), centimes{2'950'000'000}, taux_pourcent(58),
     echelle_oui, evolution_pourcent(15, 10), montant_euros(436'000), echelle_oui, centimes{-1'875'040}},
}};

// The establishment whose per-indicator trace is printed.
inline constexpr std::string_view etablissement_trace = "CH Delta";

}  // namespace ex

namespace {

using caqes::centimes;
using caqes::fraction;

// "1 234 567.89 EUR", exact: cents are integers.
std::string eur(centimes c) { return caqes::concat(caqes::texte_euros(c, caqes::groupes_milliers::espace), " EUR"); }

std::string eur(caqes::quantite<caqes::grandeur::montant> q) { return eur(centimes{q.valeur.num / q.valeur.den}); }

std::string pct(fraction f) { return caqes::texte(caqes::type_mesure::taux, f); }

std::string_view nom_statut(caqes::statut s) {
    switch (s) {
        case caqes::statut::atteint:
            return "atteint";
        case caqes::statut::partiel:
            return "partiel";
        case caqes::statut::non_atteint:
            return "non atteint";
        case caqes::statut::non_concerne:
            return "non concerne";
        case caqes::statut::non_renseigne:
            return "non renseigne";
    }
    return "?";
}

// Why nothing was proposed: a score did not fit exact 64-bit fractions (CAQES-E037).
std::string texte_erreur(const caqes::resultat_evaluation& res) {
    return caqes::texte(caqes::violation{
        res.erreur, caqes::concat("indicator id ", std::to_string(res.indicateur_erreur)), "nothing is proposed"});
}

void imprimer_en_tete() {
    const auto& vc = ex::version_croissance;
    const auto& vm = ex::version_montant;
    std::cout
        << "CAQES first generation: the transports volet (" << ex::def.nom << ")\n"
        << "ILLUSTRATIF: establishments, figures, socle grid, ILL-T2, weights, sanction scale and incentive share\n\n"
        << "Referentiel values in force on " << caqes::texte(ex::jour_ciblage) << " (dated parameters):\n"
        << "  " << vc.source.texte << ", version " << caqes::texte(vc.validite) << "\n"
        << "    growth of prescribed transport spending: " << pct(ex::seuil_croissance.valeur) << "\n"
        << "  " << vm.source.texte << ", version " << caqes::texte(vm.validite) << "\n"
        << "    prescribed transport spending: " << eur(ex::seuil_depense) << "\n"
        << "Targeting rule, THE GRID'S CHOICE (the texts leave and/or and strictness open [U]):\n"
        << "  targeted when growth > " << pct(ex::seuil_croissance.valeur)
        << " AND spending >= " << eur(ex::seuil_depense) << "\n"
        << "  i.e. the referentiel is met when " << caqes::texte(ex::grille_transports[0].ref) << "\n"
        << "  Consequence of targeting in 2017: "
        << (caqes::ciblage_au(ex::def.regime, ex::jour_ciblage).effet == caqes::effet_ciblage::proposition_possible
                ? "the ARS *may* propose additional volets, it is not automatic"
                : "?")
        << " (" << caqes::ciblage_au(ex::def.regime, ex::jour_ciblage).source.texte << ")\n\n";

    const auto& p = ex::parametres.p2017;
    std::cout << "Money parameters:\n"
              << "  law applied:              " << caqes::texte(ex::cap_volet.version->reference) << ", on "
              << caqes::texte(ex::date_regles) << " (policy "
              << caqes::nom(caqes::version_applicable::regime_du_contrat) << ")\n"
              << "  sanction cap per volet:   " << pct(ex::cap_volet.valeur) << " of revenue (law, D.162-16 III 1)\n"
              << "  overall sanction cap:     " << pct(ex::cap_global.valeur) << " of revenue (law, D.162-16 III 1)\n"
              << "  incentive cap:            " << pct(ex::cap_interessement.valeur)
              << " of the volet's savings (law, D.162-16 III 1)\n"
              << "  incentive:                " << pct(p.part_interessement)
              << " of savings when score >= " << caqes::texte_fraction(p.seuil_interessement) << " (ILLUSTRATIF)\n"
              << "  sanction scale:           ";
    for (const auto& palier : p.paliers) {
        if (palier.taux.positive())
            std::cout << "score < " << caqes::texte_fraction(palier.seuil) << ": " << pct(palier.taux) << "; ";
    }
    std::cout << "(ILLUSTRATIF)\n"
              << "  revenue = produits des regimes obligatoires d'assurance maladie, last closed year\n\n";
}

// How the growth and spending compare with the thresholds, in the grid's terms.
std::string pourquoi(const ex::etablissement_exemple& e) {
    const bool croissance_haute = e.croissance_2016 > ex::seuil_croissance;
    const bool depense_haute = e.depense_2016 >= ex::seuil_depense;
    return caqes::concat("growth ", pct(e.croissance_2016.valeur),
                         croissance_haute ? " > " : " <= ", pct(ex::seuil_croissance.valeur), ", spending ",
                         eur(e.depense_2016), depense_haute ? " >= " : " < ", eur(ex::seuil_depense));
}

void imprimer_proposition(const caqes::resultat_volet& rv, const caqes::volet_modele& v, centimes produits,
                          std::optional<centimes> economies) {
    const auto& p = ex::parametres.p2017;
    const caqes::proposition& pr = rv.principale;
    std::cout << "  " << caqes::traits(rv.volet).nom << ": score " << caqes::texte_fraction(rv.score.valeur()) << "\n";
    switch (pr.nature) {
        case caqes::nature_proposition::interessement_volet:
            std::cout << "    proposal: interessement " << eur(pr.montant) << " = " << pct(pr.taux) << " x savings "
                      << eur(*economies) << "\n"  // an incentive is computed from savings given
                      << "    cap: " << pct(ex::cap_interessement.valeur) << " x savings = " << eur(pr.plafond)
                      << (pr.plafond_atteint ? ", BOUND" : ", not bound") << "\n";
            break;
        case caqes::nature_proposition::sanction_volet: {
            const caqes::montant_calcule brut = caqes::appliquer_taux(produits, pr.taux);
            std::cout << "    proposal: sanction " << eur(pr.montant) << "; scale " << pct(pr.taux) << " x revenue "
                      << eur(produits) << " = " << eur(brut.valeur) << "\n"
                      << "    cap: " << pct(ex::cap_volet.valeur) << " x revenue = " << eur(pr.plafond)
                      << (pr.plafond_atteint ? ", BOUND" : ", not bound") << "\n";
            break;
        }
        default: {
            const bool incitation = v.clauses.contient(caqes::interessement);
            std::cout << "    proposal: " << caqes::nom(pr.nature) << " (0.00 EUR): ";
            if (!rv.score.defini()) {
                std::cout << "no indicator counts\n";
            } else if (pr.economies_non_renseignees) {
                std::cout << "score reaches " << caqes::texte_fraction(p.seuil_interessement)
                          << " but savings are non renseigne: no incentive computed, and no sanction\n";
            } else if (incitation && rv.score.valeur() >= p.seuil_interessement && economies &&
                       *economies <= centimes{0}) {
                std::cout << "score reaches " << caqes::texte_fraction(p.seuil_interessement) << " but savings are "
                          << eur(*economies) << ": no incentive, and no sanction\n";
            } else if (!incitation) {
                std::cout << "score at or above " << caqes::texte_fraction(p.paliers[2].seuil)
                          << ", no sanction; the socle carries no incentive (D.162-16 I)\n";
            } else {
                std::cout << "no step of the scale applies\n";
            }
            std::cout << "    cap: none applies (no amount)\n";
            break;
        }
    }
    // A volet without proposal still names the article that decided it, and the scale it used.
    const caqes::reference_legale& art = pr.presente() ? pr.article() : ex::cap_volet.version->reference;
    std::cout << "    article: " << caqes::texte(art)
              << (pr.illustratif || !pr.presente() ? "; parameters ILLUSTRATIF" : "")
              << "; a proposal, the ARS decides (D.162-16 IV)\n";
}

void imprimer_trace(const caqes::trace& t) {
    std::cout << "  trace (evaluateur<def>::evaluer with caqes::trace):\n";
    for (const caqes::ligne_trace& l : t.lignes) {
        const caqes::indicateur& ind = *l.ind;
        std::cout << "    [" << caqes::traits(ex::def.volets[l.volet].volet).nom << "] " << ind.code << " "
                  << ind.objectif.mesure << " = " << caqes::texte(l.valeur.type, l.valeur.v) << ", target "
                  << (ind.direction == caqes::sens::plus_bas_est_mieux ? "<= " : ">= ")
                  << caqes::texte(ind.objectif.type_valeur, ind.objectif.valeur) << " -> " << nom_statut(l.resultat.s)
                  << ", achievement " << caqes::texte_fraction(l.realisation) << " x weight "
                  << caqes::texte_fraction(ind.poids) << " = " << caqes::texte_fraction(l.points)
                  << " point(s) (ILLUSTRATIF)\n";
    }
}

}  // namespace

int main() {
    using namespace caqes;
    imprimer_en_tete();

    for (const ex::etablissement_exemple& e : ex::etablissements) {
        std::cout << "== " << e.nom << " ==\n";

        // Targeting on the 2016 figures. ILL-T2 has no referentiel and is not used for it.
        const std::array<valeurs_indicateur, 2> chiffres_2016{{
            {valeur_mesure::de(e.croissance_2016), valeur_mesure::de(e.depense_2016)},
            {},
        }};
        const resultat_ciblage c = cibler(ex::def.regime, ex::grille_transports, chiffres_2016, ex::jour_ciblage);
        const bool cible = !c.themes.empty();
        std::cout
            << "  targeting (2016 figures): " << pourquoi(e) << "\n"
            << "    -> "
            << (cible ? "TARGETED: the referentiel is not met; the ARS may propose the transports volet"
                      : "not targeted: the referentiel is met; volet proposed on the regional plan's identification")
            << "\n";

        // The 2018 report: each value named by its indicator's and its measure's code; savings
        // on the transports volet only, the socle has none.
        const std::array<saisie_indicateur, 4> valeurs{{
            {"ILL-S1", {{{"taux_generiques", valeur_mesure::de(e.generiques)}}}},
            {"ILL-S2", {{{"informatisation_prescription", valeur_mesure::de(e.informatisation_2018)}}}},
            {"ILL-T1",
             {{{"croissance_transports", valeur_mesure::de(e.croissance_2018)},
               {"depense_transports", valeur_mesure::de(e.depense_2018)}}}},
            {"ILL-T2", {{{"plan_actions_transports", valeur_mesure::de(e.plan_2018)}}}},
        }};
        const std::array<montant_volet, 1> economies{{{volet_id::volet_transports, e.economies_transports}}};
        const rapport_annuel r{.exercice = 2018,
                               .date_evaluation = ymd{2019, 6, 1},
                               .activites_etablissement = activite_mco,
                               .produits_assurance_maladie = e.produits,
                               .valeurs = valeurs,
                               .economies = economies};
        const resultat_validation<rapport_valide_pour<ex::def>> valide = validate<ex::def>(r, ex::parametres);
        if (!valide.ok()) {
            for (const auto& v : valide.erreurs())
                std::cout << "  invalid report: " << texte(v) << "\n";
            continue;
        }

        trace t;
        const bool tracer = e.nom == ex::etablissement_trace;
        const resultat_evaluation res = tracer ? evaluateur<ex::def>::evaluer(valide.valeur(), politique_grille{}, t)
                                               : evaluateur<ex::def>::evaluer(valide.valeur());
        std::cout << "  2018 report: valid; revenue " << eur(e.produits) << ", transports savings "
                  << eur(e.economies_transports) << "\n";
        if (!res.ok()) {
            std::cout << "  not evaluated: " << texte_erreur(res) << "\n\n";
            continue;
        }
        for (std::size_t i = 0; i < res.nombre_volets; ++i) {
            imprimer_proposition(res.volets[i], ex::def.volets[i], e.produits,
                                 valide.valeur().rapport().economies()[i]);
        }
        const montant_calcule plafond_global = appliquer_taux(e.produits, ex::cap_global.valeur);
        std::cout << "  total: sanctions " << eur(res.total_sanctions) << ", incentives "
                  << eur(res.total_interessements) << "; overall cap " << pct(ex::cap_global.valeur)
                  << " x revenue = " << eur(plafond_global.valeur)
                  << (res.plafond_global_atteint ? ", BOUND" : ", not bound") << "\n";
        if (tracer) imprimer_trace(t);
        std::cout << "\n";
    }
    std::cout << "Amounts are exact: integer cents, exact rates, rounded towards zero to the cent.\n";
    return 0;
}
