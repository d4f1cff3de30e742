// The second-generation national indicators 1 to 3 (arrete of 2022-02-23, annex), from
// targeting to the national incentive.
//
// 1. Targeting: `referentiels::indicateurs_nationaux_2022` carries each referentiel with its
//    "or" conditions and strict comparators, as the annex writes them. An establishment meets
//    a referentiel when any one condition holds; "fewer than 8 500 boxes" is strict, so 8 500
//    boxes does NOT meet it. In 2022 targeting *obliges* the establishment to conclude the
//    volets proposed (D.162-14 II, version of 2022-01-01).
// 2. Evaluation: a second-generation template with those indicators, evaluated for the targeted
//    establishments. The national incentive (D.162-16 V 2) has no formula in the texts [U]:
//    this example uses an ILLUSTRATIVE one, the engine's `parametres_2022`:
//        incentive = volet savings x part_economies_nationale x overall score of the contract
//    i.e. a share of the savings revised downwards by the overall achievement
//    (`revision_par_score`), never more than the savings, nothing without positive savings.
//
// The establishments and their figures are ILLUSTRATIF; the indicators are the national ones.
#include "modeles/indicateurs_2022.hpp"

#include <caqes/caqes.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

namespace ex {
using namespace caqes;
using namespace modeles::indicateurs_2022;
namespace m = referentiels::mesures_2022;

// --- The establishments (ILLUSTRATIF figures) ----------------------------------------------
// Targeting reads the 2021 figures per indicator, in the order of `indicateurs_nationaux_2022`,
// and only the measures of the referentiels; the measures left out are "non renseigne". The
// yearly report names each value by its indicator's and its measure's code, as an
// establishment hands it in; a measure's constant also fixes the kind of its value.
constexpr valeur_mesure v(auto q) noexcept { return valeur_mesure::de(q); }
template <class K>
constexpr saisie_mesure s(mesure<K> m, quantite<K> q) noexcept {
    return {m.code, valeur_mesure::de(q)};
}

struct etablissement_exemple {
    std::string_view nom;
    std::array<valeurs_indicateur, 3> chiffres_2021;  // for targeting on `jour_ciblage`
    std::string_view note;
    std::array<saisie_indicateur, 3> rapport_2023;  // the yearly report
    std::array<centimes, 2> economies;              // savings per volet of the template, signed
};

inline constexpr ymd jour_ciblage{2022, 3, 1};

inline constexpr std::array<etablissement_exemple, 4> etablissements{{
    {"CHU Nord",
     {{{v(nombre_de(8'500))},
       {v(montant_euros(180'000)), v(taux_pourcent(72))},
       {v(taux_pourcent(18)), v(montant_euros(900'000))}}},
     "exactly 8 500 boxes: \"fewer than 8 500\" is strict, so the IPP referentiel is NOT met",
     {{{"N2022-1",
        {{s(m::boites_ipp, nombre_de(8'100)), s(m::depense_ipp, montant_euros(61'000)),
          s(m::evolution_depense_ipp, evolution_pourcent(-62, 10))}}},
       {"N2022-2",
        {{s(m::depense_perfadom, montant_euros(176'000)), s(m::part_diffuseurs_actifs, taux_pourcent(70)),
          s(m::evolution_depense_perfadom, evolution_pourcent(-5))}}},
       {"N2022-3", {{s(m::part_ambulance, taux_pourcent(17)), s(m::depense_ambulance, montant_euros(880'000))}}}}},
     {centimes{8'432'157}, centimes{1'200'000}}},
    {"CH Ouest",
     {{{v(nombre_de(12'400))},
       {v(montant_euros(240'000)), v(taux_pourcent(85))},
       {v(taux_pourcent(27)), v(montant_euros(610'000))}}},
     "",
     {{{"N2022-1",
        {{s(m::boites_ipp, nombre_de(11'900)), s(m::depense_ipp, montant_euros(95'000)),
          s(m::evolution_depense_ipp, evolution_pourcent(-55, 10))}}},
       {"N2022-2",
        {{s(m::depense_perfadom, montant_euros(234'000)), s(m::part_diffuseurs_actifs, taux_pourcent(84)),
          s(m::evolution_depense_perfadom, evolution_pourcent(-24, 10))}}},
       {"N2022-3", {{s(m::part_ambulance, taux_pourcent(25)), s(m::depense_ambulance, montant_euros(580'000))}}}}},
     {centimes{15'000'000}, centimes{-450'000}}},
    {"CH Sud",
     {{{v(nombre_de(8'499))},
       {v(montant_euros(95'000)), v(taux_pourcent(90))},
       {v(taux_pourcent(24)), v(montant_euros(380'000))}}},
     "",
     {},
     {}},
    {"Clinique Est",
     {{{v(nombre_de(3'200))},
       {v(montant_euros(130'000)), v(taux_pourcent(80))},
       {v(taux_pourcent(22)), v(montant_euros(450'000))}}},
     "a share of exactly 80 %: \"below 80 %\" is strict too",
     {{{"N2022-1",
        {{s(m::boites_ipp, nombre_de(3'100)), s(m::depense_ipp, montant_euros(24'000)),
          s(m::evolution_depense_ipp, evolution_pourcent(-7))}}},
       {"N2022-2",
        {{s(m::depense_perfadom, montant_euros(121'000)), s(m::part_diffuseurs_actifs, taux_pourcent(78)),
          s(m::evolution_depense_perfadom, evolution_pourcent(-55, 10))}}},
       {"N2022-3", {{s(m::part_ambulance, taux_pourcent(21)), s(m::depense_ambulance, montant_euros(420'000))}}}}},
     {centimes{4'777'777}, centimes{999'999}}},
}};

}  // namespace ex

namespace {

using caqes::centimes;
using caqes::fraction;

// "1 234 567.89 EUR", exact: cents are integers.
std::string eur(centimes c) { return caqes::concat(caqes::texte_euros(c, caqes::groupes_milliers::espace), " EUR"); }
// Savings as given, or "non renseigne" for an empty cell (never 0).
std::string eur(std::optional<centimes> c) { return c ? eur(*c) : std::string{"non renseigne"}; }

// "boites_ipp = 8500" for the measures a referentiel reads.
std::string valeurs_du_referentiel(const caqes::indicateur& ind, const caqes::valeurs_indicateur& vals) {
    std::string s;
    for (std::size_t j = 0; j < caqes::mesures_max; ++j) {
        if (ind.mesures[j].vide()) continue;
        bool lue = false;
        for (std::size_t k = 0; k < ind.ref.taille; ++k) {
            for (std::size_t i = 0; i < ind.ref.termes[k].taille; ++i)
                lue = lue || ind.ref.termes[k].termes[i].mesure == ind.mesures[j].code;
        }
        if (lue) s += caqes::concat(s.empty() ? "" : ", ", ind.mesures[j].code, " = ", caqes::texte(vals[j]));
    }
    return s;
}

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

void imprimer_ciblage_en_tete() {
    const caqes::ciblage_au_jour ciblage = caqes::ciblage_au(ex::def.regime, ex::jour_ciblage);
    const caqes::reference_legale src = ciblage.source;
    std::cout << "CAQES second generation: national indicators 1 to 3 of the "
              << caqes::referentiels::arrete_2022_02_23.texte << "\n"
              << "ILLUSTRATIF: establishments, figures, theme-to-volet mapping and the national incentive formula\n\n"
              << "1. Targeting on 2021 figures, referentiels in force on " << caqes::texte(ex::jour_ciblage) << "\n"
              << "   A referentiel is met when ANY of its conditions holds; \"fewer than\" and \"below\" are strict.\n"
              << "   Meeting it means not being targeted on that theme.\n"
              << "   Consequence in 2022: "
              << (ciblage.effet == caqes::effet_ciblage::conclusion_obligatoire
                      ? "a targeted establishment is OBLIGED to conclude the volets proposed (\"est dans l'obligation "
                        "de conclure\")"
                      : "?")
              << ",\n   " << caqes::texte(src) << "; refusing to sign costs 1 % of revenue ("
              << caqes::version_en_vigueur(caqes::article_loi::l162_30_2, ex::jour_ciblage)->reference.texte << ").\n";
    for (const caqes::indicateur& ind : caqes::referentiels::indicateurs_nationaux_2022) {
        std::cout << "   [" << ind.code << "] " << ind.libelle << ": met when " << caqes::texte(ind.ref) << "\n";
    }
    std::cout << "\n";
}

// Returns whether the establishment is targeted.
bool imprimer_ciblage(const ex::etablissement_exemple& e) {
    const auto& refs = caqes::referentiels::indicateurs_nationaux_2022;
    const caqes::resultat_ciblage c = caqes::cibler(ex::def.regime, refs, e.chiffres_2021, ex::jour_ciblage);
    std::cout << "   " << e.nom << "\n";
    for (std::size_t i = 0; i < refs.size(); ++i) {
        bool non_atteint = false;
        for (const caqes::theme_cible& t : c.themes)
            non_atteint = non_atteint || t.ind == &refs[i];
        std::cout << "     [" << refs[i].code << "] " << valeurs_du_referentiel(refs[i], e.chiffres_2021[i])
                  << (non_atteint ? " -> NOT MET" : " -> met") << "\n";
    }
    if (!e.note.empty()) std::cout << "     note: " << e.note << "\n";
    if (c.themes.empty()) {
        std::cout << "     -> not targeted: every referentiel is met; no obligation to conclude\n";
    } else {
        std::cout << "     -> TARGETED on " << c.themes.size() << " theme(s): must conclude the volets proposed ("
                  << c.source.texte << ")\n";
    }
    return !c.themes.empty();
}

void imprimer_modele() {
    const auto& p = ex::parametres.p2022;
    std::cout << "2. Template \"" << ex::def.nom << "\", window " << caqes::texte(ex::def.fenetre) << "\n";
    for (const caqes::volet_modele& vm : ex::def.volets) {
        std::cout << "   " << caqes::traits(vm.volet).nom << ":";
        for (const caqes::indicateur& ind : vm.grille)
            std::cout << " " << ind.code;
        std::cout << " (mapping of themes to volets: the template's choice [U])\n";
    }
    std::cout << "   The ARS proposes both volets to every targeted establishment.\n"
              << "   Every indicator weighs 1; a value equal to its target meets it; N2022-3 has no target in the\n"
              << "   arrete and is scored on its referentiel.\n"
              << "   National incentive, "
              << "CSS D.162-16 V 2"
              << ": ILLUSTRATIVE FORMULA, the texts give none [U]:\n"
              << "     incentive = volet savings x " << caqes::texte_fraction(p.part_economies_nationale)
              << " x overall score of the contract (revised downwards by the score)\n"
              << "     a volet's own score does not enter: its savings do, revised by the overall score\n"
              << "     capped at the savings; no incentive without positive savings; amounts rounded towards zero to "
                 "the cent\n"
              << "   No regional indicator, hence no regional incentive ("
              << "CSS D.162-16 V 1"
              << ").\n\n";
}

void imprimer_evaluation(const ex::etablissement_exemple& e) {
    // Savings are named by volet; the establishments here all exercise MCO (ILLUSTRATIF).
    const std::array<caqes::montant_volet, 2> economies{
        {{ex::def.volets[0].volet, e.economies[0]}, {ex::def.volets[1].volet, e.economies[1]}}};
    const caqes::rapport_annuel r{.exercice = 2023,
                                  .date_evaluation = caqes::ymd{2024, 6, 1},
                                  .activites_etablissement = caqes::activite_mco,
                                  .valeurs = e.rapport_2023,
                                  .economies = economies};
    std::cout << "   " << e.nom << ", exercise " << r.exercice;
    const caqes::resultat_validation<caqes::rapport_valide_pour<ex::def>> valide =
        caqes::validate<ex::def>(r, ex::parametres);
    if (!valide.ok()) {
        std::cout << ": invalid report\n";
        for (const auto& x : valide.erreurs())
            std::cout << "     " << caqes::texte(x) << "\n";
        return;
    }
    std::cout << " (report valid)\n";
    const caqes::rapport_valide& rapport = valide.valeur().rapport();

    // The grid's default scoring policy; the overall score below is rebuilt under it.
    const caqes::politique_grille politique{};
    caqes::trace t;
    const caqes::resultat_evaluation res = caqes::evaluateur<ex::def>::evaluer(valide.valeur(), politique, t);
    if (!res.ok()) {
        std::cout << "     not evaluated: "
                  << caqes::texte(caqes::violation{
                         res.erreur, caqes::concat("indicator id ", std::to_string(res.indicateur_erreur)),
                         "nothing is proposed"})
                  << "\n";
        return;
    }
    std::size_t k = 0;
    for (const caqes::ligne_trace& l : t.lignes) {
        const caqes::indicateur& ind = *l.ind;
        std::cout << "     [" << ind.code << "] ";
        if (ind.objectif.presente()) {
            std::cout << ind.objectif.mesure << " = " << caqes::texte(l.valeur)
                      << ", target <= " << caqes::texte(ind.objectif.type_valeur, ind.objectif.valeur);
        } else {
            std::cout << valeurs_du_referentiel(ind, rapport.valeurs()[k]) << ", no target: referentiel";
        }
        std::cout << " -> " << nom_statut(l.resultat.s) << "\n";
        ++k;
    }

    // The overall score that revises the incentive is not part of the result; it is rebuilt
    // from the trace, by the engine's own scoring.
    caqes::score_volet score_global{};
    for (const caqes::ligne_trace& l : t.lignes)
        score_global.ajouter(*l.ind, l.resultat, politique);
    const fraction global = score_global.valeur();
    std::cout << "     overall score " << caqes::texte_fraction(global) << ": share of savings "
              << caqes::texte_fraction(ex::parametres.p2022.part_economies_nationale) << " x "
              << caqes::texte_fraction(global) << " = "
              << caqes::texte_fraction({ex::parametres.p2022.part_economies_nationale.num * global.num,
                                        ex::parametres.p2022.part_economies_nationale.den * global.den})
              << "\n";
    for (std::size_t i = 0; i < res.nombre_volets; ++i) {
        const caqes::resultat_volet& rv = res.volets[i];
        const caqes::proposition& pr = rv.principale;
        std::cout << "     " << caqes::traits(rv.volet).nom << ": score " << caqes::texte_fraction(rv.score.valeur())
                  << ", savings " << eur(rapport.economies()[i]) << "\n";
        if (pr.presente()) {
            std::cout << "       " << caqes::nom(pr.nature) << " " << eur(pr.montant) << " = "
                      << caqes::texte_fraction(pr.taux) << " x " << eur(rapport.economies()[i])
                      << "; cap: the savings, " << eur(pr.plafond) << (pr.plafond_atteint ? ", BOUND" : ", not bound")
                      << "\n"
                      << "       " << caqes::texte(pr.article()) << (pr.illustratif ? "; formula ILLUSTRATIF" : "")
                      << "\n";
        } else if (pr.economies_non_renseignees) {
            std::cout << "       no incentive computed: savings non renseigne ("
                      << "CSS D.162-16 V 2"
                      << ")\n";
        } else {
            std::cout << "       no incentive: savings are not positive ("
                      << "CSS D.162-16 V 2"
                      << ")\n";
        }
    }
    std::cout << "     total incentives " << eur(res.total_interessements)
              << "; sanctions for missed targets: none in this generation\n";
}

}  // namespace

int main() {
    imprimer_ciblage_en_tete();
    std::array<bool, ex::etablissements.size()> cibles{};
    for (std::size_t i = 0; i < ex::etablissements.size(); ++i)
        cibles[i] = imprimer_ciblage(ex::etablissements[i]);
    std::cout << "\n";

    imprimer_modele();
    for (std::size_t i = 0; i < ex::etablissements.size(); ++i) {
        if (cibles[i]) imprimer_evaluation(ex::etablissements[i]);
    }
    std::cout << "\nEstablishments not targeted conclude no contract here and are not evaluated.\n"
              << "Amounts are exact: integer cents, exact rates, rounded towards zero to the cent.\n";
    return 0;
}
