// The differential test (issue 16; docs/reliability.md, "The differential test"): two evaluators
// of the same template, on the same generated establishment-years (tests/support/
// generateur_rapports.hpp), must give
// - the same validation outcome (the same violations, in order, when a report is refused);
// - the same result columns (include/caqes/evaluation/colonnes/resultats.hpp: every field
//   `caqes evaluate`'s CSV prints), compared establishment by establishment;
// - for each of the two, the row its conclusion writes through the row sink
//   (`colonnes::ligne_resultats`) equal to the row of its own full result (`ligne_de`);
// - on a sample (every 97th establishment, every one with a flag set, every error), the same
//   full result and the same trace (tests/support/meme_resultat.hpp).
// The first difference fails the test with the grid, the regime, the establishment, the field
// and both values.
//
// Today's subjects: the compile-time `evaluateur<def>` against the run-time `evaluer` over the
// grid read from examples/grilles/*.json (every example grid with a C++ twin), and, for the
// test grids that have no JSON twin (a 1/3 ... 1/31 weights grid, a second-generation grid with
// the L.162-30-4 clauses, the successor scheme), against the run-time `evaluer` over the same
// C++ definition. The third subject is the columnar evaluator (colonnes/evaluer_lot.hpp) over
// each side's template, on a block of the year alone (`par_les_colonnes`): compile-time
// definitions and grids read from files alike.
// Each case the generator covers is counted from the outcomes, and required to occur.
#include "evaluation_modeles.hpp"
#include "generateur_rapports.hpp"
#include "grille_exemple.hpp"
#include "meme_resultat.hpp"
#include "modeles/demo.hpp"
#include "modeles/indicateurs_2022.hpp"
#include "modeles/regional_2017.hpp"
#include "modeles/transports_2017.hpp"
#include "outils.hpp"

#include <caqes/evaluation/colonnes/evaluer_lot.hpp>
#include <caqes/evaluation/colonnes/resultats.hpp>
#include <caqes/io/json/grille.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace caqes;
namespace col = caqes::colonnes;

namespace {

// Establishment-years per grid (the regimes are the grids': each example grid is of one regime,
// and the generator cycles the version policies, which choose the law's version).
constexpr int annees = 2'000;

// The regime as grid files name it.
std::string_view nom_regime(regime_id r) {
    switch (r) {
        case regime_id::contrats_anterieurs:
            return "contrats_anterieurs";
        case regime_id::caqes_2017:
            return "caqes_2017";
        case regime_id::caqes_2022:
            return "caqes_2022";
        case regime_id::successeur_2026:
            return "successeur_2026";
    }
    return "?";
}

// ---- the subjects ----

// What a subject gives for one establishment-year: its violations when it refuses the report,
// else its full result (and its trace when asked).
struct issue_annee {
    violations refus;
    std::optional<resultat_evaluation> res;
};

// An evaluator under test: its name in messages, the evaluation of one generated year (`t`
// null: no trace), and the same evaluation with its conclusion written to a row of result
// columns (false: the report was refused). A batch evaluator writes its columns with
// `col::ecrire`'s layout.
struct sujet {
    std::string nom;
    std::function<issue_annee(const essais::annee_generee&, trace*)> evaluer;
    std::function<bool(const essais::annee_generee&, col::ligne_resultats&)> vers_ligne;
};

// The compile-time driver, unrolled over M.
template <const modele_contrat_def& M>
sujet compile_time() {
    return {"evaluateur<def>",
            [](const essais::annee_generee& g, trace* t) {
                const rapport_annuel r = g.annuel();
                resultat_validation<rapport_valide_pour<M>> v =
                    g.contrat ? validate<M>(*g.contrat, r, g.parametres) : validate<M>(r, g.parametres);
                if (!v.ok()) return issue_annee{v.erreurs(), std::nullopt};
                if (t != nullptr) return issue_annee{{}, evaluateur<M>::evaluer(v.valeur(), g.politique, *t)};
                return issue_annee{{}, evaluateur<M>::evaluer(v.valeur(), g.politique)};
            },
            [](const essais::annee_generee& g, col::ligne_resultats& sortie) {
                const rapport_annuel r = g.annuel();
                resultat_validation<rapport_valide_pour<M>> v =
                    g.contrat ? validate<M>(*g.contrat, r, g.parametres) : validate<M>(r, g.parametres);
                if (!v.ok()) return false;
                evaluateur<M>::evaluer_vers(v.valeur(), g.politique, sortie);
                return true;
            }};
}

// The run-time driver over a definition known at run time (read from a file, or a C++ one).
sujet run_time(std::string nom, const modele_contrat_def& m) {
    return {std::move(nom),
            [&m](const essais::annee_generee& g, trace* t) {
                const rapport_annuel r = g.annuel();
                resultat_validation<rapport_valide> v =
                    g.contrat ? validate(m, *g.contrat, r, g.parametres) : validate(m, r, g.parametres);
                if (!v.ok()) return issue_annee{v.erreurs(), std::nullopt};
                if (t != nullptr) return issue_annee{{}, evaluer(v.valeur(), g.politique, *t)};
                return issue_annee{{}, evaluer(v.valeur(), g.politique)};
            },
            [&m](const essais::annee_generee& g, col::ligne_resultats& sortie) {
                const rapport_annuel r = g.annuel();
                resultat_validation<rapport_valide> v =
                    g.contrat ? validate(m, *g.contrat, r, g.parametres) : validate(m, r, g.parametres);
                if (!v.ok()) return false;
                evaluer_vers(v.valeur(), g.politique, sortie);
                return true;
            }};
}

// ---- the cases, counted from the outcomes ----

struct compteurs {
    std::map<std::string, int> n;
    void compter(const std::string& cas, bool oui = true) {
        if (oui) ++n[cas];
    }
};

void compter(compteurs& c, const essais::annee_generee& g, const issue_annee& x, const trace& t) {
    if (!x.res) {
        for (const violation& v : x.refus)
            c.compter(concat("refused ", fiche(v.id).code));
        return;
    }
    const resultat_evaluation& r = *x.res;
    c.compter(concat("regime ", nom_regime(r.regime)));
    c.compter(concat("version policy ", nom(g.parametres.version)));
    for (const ligne_trace& l : t.lignes) {
        const bool nc = l.resultat.s == statut::non_concerne;
        const bool nr = l.resultat.s == statut::non_renseigne;
        if (nc) c.compter(g.politique.non_concerne == compte_non_concerne::exclu ? "NC excluded" : "NC met");
        if (nr) c.compter(g.politique.non_renseigne == compte_non_renseigne::exclu ? "NR excluded" : "NR missed");
        c.compter("partial within a tolerance", l.resultat.s == statut::partiel && g.politique.tolerance.positive() &&
                                                    l.ind->objectif.type_valeur != type_mesure::echelle);
    }
    const col::ligne l = col::ligne_de(r);
    for (std::size_t v = 0; v < r.nombre_volets; ++v) {
        const resultat_volet& rv = r.volets[v];
        const proposition& p = rv.principale;
        c.compter("volet cap bound", (l.drapeaux[v] & col::plafond_atteint) != 0);
        c.compter("volet proposal overflowed", p.depassement);
        c.compter("savings non renseignees", p.economies_non_renseignees);
        c.compter("volet out of term", !rv.couverture.evalue);
        c.compter("2017 sanction at the 1 % cap",
                  p.nature == nature_proposition::sanction_volet && p.montant == p.plafond && p.montant.valeur > 0);
        if (rv.couverture.evalue && rv.couverture.partielle())
            c.compter(concat("part-year evaluated under ", nom(r.regles.annee_partielle)));
        if (!rv.couverture.evalue && rv.couverture.partielle()) c.compter("part-year not evaluated (annee_entiere)");
        c.compter("part-year amount scaled (prorata_temporis)",
                  rv.couverture.partielle() && p.presente() && !p.depassement &&
                      r.regles.annee_partielle == politique_annee_partielle::prorata_temporis);
        c.compter("savings zero or negative, no incentive", rv.couverture.evalue && rv.economies &&
                                                                rv.economies->valeur <= 0 && !p.presente() &&
                                                                !p.economies_non_renseignees && rv.score.defini());
        c.compter("decision above the proposal", p.decision_au_dessus);
        c.compter("decision of another nature",
                  rv.nature_decidee && p.presente() && issue_de(p.nature) != *rv.nature_decidee);
        c.compter("decision: none decided", p.decision_finale && !rv.nature_decidee);
        c.compter(concat("proposal ", nom(p.nature)), p.presente());
    }
    for (std::size_t k = 0; k < r.nombre_contrat; ++k) {
        const proposition& p = r.contrat[k];
        c.compter(concat("contract proposal ", nom(p.nature)), p.presente());
        c.compter("contract cap bound", p.plafond_atteint);
        c.compter("contract proposal overflowed", p.depassement);
    }
    c.compter("5 % overall cap bound", r.plafond_global_atteint);
    c.compter("E040 total overflow", r.erreur == regle::depassement_capacite);
    c.compter("E037 score overflow", r.erreur == regle::depassement_score);
    c.compter("transition applied", r.regles.a(alerte_evaluation::transition_appliquee));
    c.compter("L.162-30-4 target under the floor", r.regles.a(alerte_evaluation::cible_sous_plancher));
    c.compter("L.162-30-4 open notion missing", r.regles.a(alerte_evaluation::seuil_largement_absent));
    c.compter("no contract instance", r.regles.a(alerte_evaluation::sans_instance));
    c.compter("revenue at the int64 limit",
              r.produits_assurance_maladie.valeur == std::numeric_limits<std::int64_t>::max());
}

// ---- the differential run ----

struct bilan {
    int evaluees{0};
    int refusees{0};
    int echantillon{0};
    std::string premiere;  // the first difference, "" when none
};

// One grid: `sa` against `sb`, each fed by its own generator (the same template drawn the same
// way from the same seed, each side's parameters as base). Establishment by establishment: the
// validation outcome, then every result column, then for the sample the full result and the
// trace. Each side's row sink is compared with the row of its own full result. `alterer`, when
// given, changes side a's row `e` after it is written, and `alterer_ligne` side a's row written
// by the row sink (the mutation tests).
using alteration = std::function<void(col::resultats_colonnes<std::int64_t>&, std::size_t)>;

// Subject `s`'s evaluation of `g` with its conclusion written to row `e` of `c` by the row sink,
// compared with the row of its full result `r`: the first difference, "" when none.
std::string par_la_sortie_ligne(const sujet& s, const essais::annee_generee& g, const resultat_evaluation& r,
                                col::resultats_colonnes<std::int64_t>& c, std::size_t e, const alteration& alterer) {
    col::ligne_resultats sortie(c, e);
    if (!s.vers_ligne(g, sortie)) return concat("refused by the row sink of ", s.nom, " only");
    if (alterer) alterer(c, e);
    const std::string d = col::difference(col::lire(c, e), col::ligne_de(r), concat(s.nom, "'s full result"));
    return d.empty() ? d : concat("the row sink of ", s.nom, ": ", d);
}

// The columnar evaluator (colonnes/evaluer_lot.hpp) on a block of this one year over template m
// (a compile-time definition or a grid read from a file), planned with the year's own grid policy
// and parameters: its row must be the row of `r`, the scalar full result of the same year.
// Blocks of many rows under one policy are tested in differentiel_lot.cpp.
std::string par_les_colonnes(const essais::annee_generee& g, const modele_contrat_def& m, const resultat_evaluation& r,
                             const std::string& nom, compteurs& cas) {
    const rapport_annuel ra = g.annuel();
    resultat_validation<rapport_valide> v =
        g.contrat ? validate(m, *g.contrat, ra, g.parametres) : validate(m, ra, g.parametres);
    if (!v.ok()) return concat("refused by validate before the columnar evaluator over ", nom, "'s template");
    // The grid's parameters are the report's, validated (not a copy of the raw ones).
    col::validateur_lot lot(std::make_shared<const col::grille_lot>(m, g.politique, v.valeur().parametres()));
    const resultat_validation<col::voie_ligne> voie = lot.ajouter(std::move(v).valeur());
    if (!voie.ok()) return concat("refused by the columnar evaluator's block: ", texte(voie.erreurs().front()));
    cas.compter(concat("columnar ", texte(voie.valeur())));
    col::resultats_colonnes<std::int64_t> res;
    col::evaluer_lot(*lot.terminer(), res);
    const std::string d = col::difference(col::lire(res, 0), col::ligne_de(r), concat(nom, "'s full result"));
    return d.empty() ? d : concat("the columnar evaluator over ", nom, "'s template: ", d);
}

bilan differentiel(const std::string& grille, const sujet& sa, const modele_contrat_def& ma,
                   const parametres_evaluation& pa, const sujet& sb, const modele_contrat_def& mb,
                   const parametres_evaluation& pb, std::uint64_t graine, int n, compteurs& cas,
                   const alteration& alterer = {}, const alteration& alterer_ligne = {}) {
    essais::generateur_rapports gen_a(ma, pa, graine);
    essais::generateur_rapports gen_b(mb, pb, graine);
    bilan b;
    const std::string ou = concat("grid ", grille, ", regime ", nom_regime(ma.regime), ": ");
    col::resultats_colonnes<std::int64_t> ca;
    col::resultats_colonnes<std::int64_t> cb;
    col::resultats_colonnes<std::int64_t> la;  // written by each side's row sink
    col::resultats_colonnes<std::int64_t> lb;
    ca.dimensionner(static_cast<std::size_t>(n));
    cb.dimensionner(static_cast<std::size_t>(n));
    la.dimensionner(static_cast<std::size_t>(n));
    lb.dimensionner(static_cast<std::size_t>(n));
    for (int rang = 0; b.evaluees < n && rang < 3 * n; ++rang) {
        const essais::annee_generee ga = gen_a.suivante();
        const essais::annee_generee gb = gen_b.suivante();
        trace t;
        const issue_annee xa = sa.evaluer(ga, &t);
        const issue_annee xb = sb.evaluer(gb, nullptr);
        compter(cas, ga, xa, t);
        const std::string cle =
            concat("generated year ", std::to_string(rang), ", exercise ", std::to_string(ga.r.exercice));
        if (xa.res.has_value() != xb.res.has_value()) {
            b.premiere = concat(ou, cle, ": refused by ", xa.res ? sb.nom : sa.nom, " only (",
                                texte((xa.res ? xb : xa).refus.front()), ")");
            return b;
        }
        if (!xa.res) {
            ++b.refusees;
            essais::ecarts e;
            e.egal(xa.refus.size() == xb.refus.size(), "number of violations");
            for (std::size_t k = 0; k < xa.refus.size() && k < xb.refus.size(); ++k) {
                e.egal(texte(xa.refus[k]) == texte(xb.refus[k]),
                       concat("violation ", std::to_string(k), ": ", texte(xa.refus[k]), " where ", sb.nom, " has ",
                              texte(xb.refus[k])));
            }
            if (!e.ok) {
                b.premiere = concat(ou, cle, ": ", e.premiere);
                return b;
            }
            continue;
        }
        const auto e = static_cast<std::size_t>(b.evaluees++);
        col::ecrire(ca, e, *xa.res);
        col::ecrire(cb, e, *xb.res);
        if (alterer) alterer(ca, e);
        const std::string d = col::difference(col::lire(ca, e), col::lire(cb, e), sb.nom);
        if (!d.empty()) {
            b.premiere = concat(ou, "establishment ", std::to_string(e), " (", cle, "): ", d);
            return b;
        }
        // The row sink: each side's conclusion writes the columns itself, and they must be the
        // row of the same side's full result.
        std::string dl = par_la_sortie_ligne(sa, ga, *xa.res, la, e, alterer_ligne);
        if (dl.empty()) dl = par_la_sortie_ligne(sb, gb, *xb.res, lb, e, {});
        // The columnar evaluator over each side's template: the third subject.
        if (dl.empty()) dl = par_les_colonnes(ga, ma, *xa.res, sa.nom, cas);
        if (dl.empty()) dl = par_les_colonnes(gb, mb, *xb.res, sb.nom, cas);
        if (!dl.empty()) {
            b.premiere = concat(ou, "establishment ", std::to_string(e), " (", cle, "): ", dl);
            return b;
        }
        const col::ligne l = col::lire(ca, e);
        bool drapeau = l.drapeaux_etab != 0;
        for (std::size_t v = 0; v < 4; ++v)
            drapeau = drapeau || (l.drapeaux[v] & ~std::int64_t{col::illustratif}) != 0;
        for (std::size_t k = 0; k < col::propositions_contrat; ++k)
            drapeau = drapeau || (l.contrat_drapeaux[k] & ~std::int64_t{col::illustratif}) != 0;
        if (e % 97 != 0 && !drapeau && xa.res->ok()) continue;
        // The sample: the full result and the trace, both sides evaluated again with a trace.
        ++b.echantillon;
        trace ta;
        trace tb;
        const issue_annee ya = sa.evaluer(ga, &ta);
        const issue_annee yb = sb.evaluer(gb, &tb);
        essais::ecarts ec;
        essais::comparer(ec, *ya.res, *yb.res);
        essais::comparer(ec, ta, tb);
        if (!ec.ok) {
            b.premiere = concat(ou, "establishment ", std::to_string(e), " (", cle, "): full result: ", ec.premiere,
                                " differs between ", sa.nom, " and ", sb.nom);
            return b;
        }
    }
    return b;
}

// An example grid: its C++ twin at compile time against the JSON file read at run time.
template <const modele_contrat_def& M>
bilan exemple(std::string_view fichier, const parametres_evaluation& p, std::uint64_t graine, compteurs& cas) {
    const json::grille_chargee g = essais::charger_exemple(fichier);
    return differentiel(std::string{fichier}, compile_time<M>(), M, p,
                        run_time(concat("the grid read from ", fichier), g.definition()), g.definition(),
                        g.parametres().valeur(), graine, annees, cas);
}

// A test grid without a JSON twin: compile time against run time, on the same definition.
template <const modele_contrat_def& M>
bilan essai(const std::string& nom_grille, const parametres_evaluation& p, std::uint64_t graine, compteurs& cas) {
    return differentiel(nom_grille, compile_time<M>(), M, p, run_time("evaluer (run time)", M), M, p, graine, annees,
                        cas);
}

// ---- the test grids ----

// 29 indicators of weights 1/3 ... 1/31 (first generation): the sum of the weights has a
// denominator of lcm(3 ... 31), about 7.2e12; with a "partiel" share of a large prime
// denominator the scores do not fit 64 bits (CAQES-E037).
constexpr std::array<indicateur, 29> grille_inverses = [] {
    constexpr std::array<std::string_view, 29> codes{
        "W03", "W04", "W05", "W06", "W07", "W08", "W09", "W10", "W11", "W12", "W13", "W14", "W15", "W16", "W17",
        "W18", "W19", "W20", "W21", "W22", "W23", "W24", "W25", "W26", "W27", "W28", "W29", "W30", "W31"};
    std::array<indicateur, 29> g{};
    for (std::size_t k = 0; k < g.size(); ++k) {
        const auto d = static_cast<std::int64_t>(k + 3);
        g[k] = evalmod::ind_taux(static_cast<std::uint32_t>(100 + k), codes[k], evalmod::validite_2017, fraction{1, d});
    }
    return g;
}();
constexpr std::array<indicateur, 2> grille_inverses_transports{
    {evalmod::ind_taux(10, "ILL-T1", evalmod::validite_2017, {1, 2}),
     evalmod::ind_nombre(11, "ILL-T2", evalmod::validite_2017, {1, 3})}};
constexpr std::array<volet_modele, 2> volets_inverses{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille_inverses, .clauses = sanction},
    {.volet = volet_id::volet_transports,
     .terme = duree_annees(3),
     .grille = grille_inverses_transports,
     .clauses = sanction | interessement},
}};
constexpr modele_contrat_def def_inverses{
    .nom = "essai: poids 1/3 a 1/31 (illustratif)",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = volets_inverses,
    .transition = politique_transition::arret_fin_regime,
};
struct modele_inverses : modele_contrat<def_inverses> {};

// Every case, over every grid: the counts of one run, shared by the test cases below.
compteurs& cas_vus() {
    static compteurs c;
    return c;
}

void verifier(const bilan& b) {
    INFO(b.evaluees << " evaluated, " << b.refusees << " refused by both, " << b.echantillon
                    << " compared in full with their trace");
    INFO("first difference: " << b.premiere);
    CHECK(b.premiere.empty());
    CHECK(b.evaluees == annees);
    CHECK(b.echantillon >= annees / 97);
}

}  // namespace

TEST_CASE("differential: demo 2017, evaluateur<def> and the grid read from its JSON twin agree", "[differentiel]") {
    verifier(exemple<modeles::demo::def_2017>("demo_2017.json", parametres_evaluation{}, 16'2017, cas_vus()));
}

TEST_CASE("differential: transports 2017, evaluateur<def> and the grid read from its JSON twin agree",
          "[differentiel]") {
    verifier(exemple<modeles::transports_2017::def>("transports_2017.json", modeles::transports_2017::parametres,
                                                    16'20171, cas_vus()));
}

TEST_CASE("differential: regional 2017, evaluateur<def> and the grid read from its JSON twin agree", "[differentiel]") {
    verifier(exemple<modeles::def_regional_2017>("regional_2017.json", parametres_evaluation{}, 16'20172, cas_vus()));
}

TEST_CASE("differential: demo 2022, evaluateur<def> and the grid read from its JSON twin agree", "[differentiel]") {
    verifier(exemple<modeles::demo::def_2022>("demo_2022.json", parametres_evaluation{}, 16'2022, cas_vus()));
}

TEST_CASE("differential: national indicators 2022, evaluateur<def> and the grid read from its JSON twin agree",
          "[differentiel]") {
    verifier(exemple<modeles::indicateurs_2022::def>("indicateurs_2022.json", modeles::indicateurs_2022::parametres,
                                                     16'20221, cas_vus()));
}

TEST_CASE("differential: weights 1/3 ... 1/31, compile time and run time agree, CAQES-E037 included",
          "[differentiel]") {
    verifier(essai<def_inverses>("1/3 ... 1/31 weights", parametres_evaluation{}, 16'37, cas_vus()));
}

TEST_CASE("differential: second generation with the L.162-30-4 clauses, compile time and run time agree",
          "[differentiel]") {
    verifier(essai<evalmod::def_2022>("essai 2022 (L.162-30-4)", parametres_evaluation{}, 16'304, cas_vus()));
}

TEST_CASE("differential: the successor scheme, compile time and run time agree", "[differentiel]") {
    verifier(essai<evalmod::def_successeur>("essai successeur", parametres_evaluation{}, 16'2026, cas_vus()));
}

TEST_CASE("differential: every case the generator claims occurred", "[differentiel]") {
    // Runs after the grids above when the whole file runs (Catch's declaration order); alone
    // (CTest runs each case in its own process), it runs them first.
    compteurs& c = cas_vus();
    if (c.n.empty()) {
        verifier(exemple<modeles::demo::def_2017>("demo_2017.json", parametres_evaluation{}, 16'2017, c));
        verifier(exemple<modeles::transports_2017::def>("transports_2017.json", modeles::transports_2017::parametres,
                                                        16'20171, c));
        verifier(exemple<modeles::def_regional_2017>("regional_2017.json", parametres_evaluation{}, 16'20172, c));
        verifier(exemple<modeles::demo::def_2022>("demo_2022.json", parametres_evaluation{}, 16'2022, c));
        verifier(exemple<modeles::indicateurs_2022::def>("indicateurs_2022.json", modeles::indicateurs_2022::parametres,
                                                         16'20221, c));
        verifier(essai<def_inverses>("1/3 ... 1/31 weights", parametres_evaluation{}, 16'37, c));
        verifier(essai<evalmod::def_2022>("essai 2022 (L.162-30-4)", parametres_evaluation{}, 16'304, c));
        verifier(essai<evalmod::def_successeur>("essai successeur", parametres_evaluation{}, 16'2026, c));
    }
    std::string tous;
    for (const auto& [k, v] : c.n)
        tous += concat(k, ": ", std::to_string(v), "\n");
    INFO(tous);
    const char* attendus[] = {
        "regime caqes_2017",
        "regime caqes_2022",
        "regime successeur_2026",
        "version policy regime_du_contrat",
        "version policy annee_exercice",
        "version policy date_evaluation",
        "NC excluded",
        "NC met",
        "NR excluded",
        "NR missed",
        "partial within a tolerance",
        // No volet or contract cap binds, nor does a proposal overflow: every validated rate is
        // within its cap (CAQES-E050) and every share of the savings within them (CAQES-E046).
        "2017 sanction at the 1 % cap",
        "savings non renseignees",
        "savings zero or negative, no incentive",
        "revenue at the int64 limit",
        "E040 total overflow",
        "E037 score overflow",
        "volet out of term",
        "part-year evaluated under tout_jour_compte",
        "part-year evaluated under prorata_temporis",
        "part-year not evaluated (annee_entiere)",
        "part-year amount scaled (prorata_temporis)",
        "transition applied",
        "no contract instance",
        "decision above the proposal",
        "decision of another nature",
        "decision: none decided",
        "proposal sanction",
        "proposal interessement",
        "proposal interessement_national",
        "contract proposal interessement_regional",
        "contract proposal abattement_tarifaire",
        "contract proposal minoration_liste_en_sus",
        "contract proposal dotation_complementaire",
        "contract proposal penalite",
        "refused CAQES-E031",
        "refused CAQES-E060",
        "L.162-30-4 open notion missing",
        "refused CAQES-E050",
        "columnar columns",
        "columnar scalar path: a value its column cannot hold exactly",
        "columnar scalar path: the grid cannot be evaluated in columns",
    };
    for (const char* a : attendus) {
        INFO(a);
        CHECK(c.n[a] > 0);
    }
    // D.162-16 III 1 (2017): four volets capped at 1 % each cannot reach the 5 % overall cap
    // (tests/unit/evaluation_montants.cpp); the generator draws the largest sanctions the law
    // allows (every step at 1 %, above) and the cap must still never bind.
    CHECK(c.n["5 % overall cap bound"] == 0);
}

TEST_CASE("differential: a perturbed column is reported as the exact first difference", "[differentiel]") {
    // The comparison itself is tested: one cent more on one proposed amount of one side, at a
    // row the test picks, is named with its row, its field and both values.
    compteurs c;
    const json::grille_chargee g = essais::charger_exemple("transports_2017.json");
    const modele_contrat_def& m = modeles::transports_2017::def;
    const parametres_evaluation& p = modeles::transports_2017::parametres;
    bool perturbe = false;
    std::size_t ligne = 0;
    std::int64_t avant = 0;
    const bilan b = differentiel(
        "transports_2017.json", compile_time<modeles::transports_2017::def>(), m, p,
        run_time("the grid read from transports_2017.json", g.definition()), g.definition(), g.parametres().valeur(),
        99, 300, c, [&](col::resultats_colonnes<std::int64_t>& a, std::size_t e) {
            // The first row with a sanction on the transports volet (volet 1).
            if (perturbe || a.nature[1][e] != static_cast<std::uint8_t>(nature_proposition::sanction_volet)) return;
            perturbe = true;
            ligne = e;
            avant = a.propose[1][e];
            a.propose[1][e] += 1;
        });
    INFO(b.premiere);
    REQUIRE(perturbe);
    CHECK(b.evaluees == static_cast<int>(ligne) + 1);  // stopped at the perturbed row
    CHECK(b.premiere.find(concat("grid transports_2017.json, regime caqes_2017: establishment ", std::to_string(ligne),
                                 " (generated year ")) == 0);
    CHECK(b.premiere.find(concat("): proposed amount of volet 1: ", std::to_string(avant + 1),
                                 " where the grid read from transports_2017.json has ", std::to_string(avant))) !=
          std::string::npos);
}

TEST_CASE("differential: a perturbed column of the row sink is reported with its field", "[differentiel]") {
    // The row sink's comparison is tested: one cent more on the revenue base the sink wrote for
    // the first establishment is named as the row sink's difference with the full result.
    compteurs c;
    const json::grille_chargee g = essais::charger_exemple("transports_2017.json");
    const modele_contrat_def& m = modeles::transports_2017::def;
    const parametres_evaluation& p = modeles::transports_2017::parametres;
    const bilan b = differentiel("transports_2017.json", compile_time<modeles::transports_2017::def>(), m, p,
                                 run_time("the grid read from transports_2017.json", g.definition()), g.definition(),
                                 g.parametres().valeur(), 99, 300, c, {},
                                 [](col::resultats_colonnes<std::int64_t>& a, std::size_t e) { a.produits[e] += 1; });
    INFO(b.premiere);
    CHECK(b.evaluees == 1);
    CHECK(b.premiere.find("grid transports_2017.json, regime caqes_2017: establishment 0 (generated year ") == 0);
    CHECK(b.premiere.find("): the row sink of evaluateur<def>: produits: ") != std::string::npos);
    CHECK(b.premiere.find(" where evaluateur<def>'s full result has ") != std::string::npos);
}

TEST_CASE("differential: another parameter set on one side is told apart", "[differentiel]") {
    // The loaded side with the sanction steps at 1 % instead of the grid's: some establishment's
    // proposal differs, and the first difference names an amount.
    compteurs c;
    const json::grille_chargee g = essais::charger_exemple("demo_2017.json");
    parametres_evaluation autre = g.parametres().valeur();
    autre.p2017.paliers = {{{{1, 2}, {1, 100}}, {{3, 4}, {1, 100}}, {}}};
    autre.p2017.part_interessement = {30, 100};
    autre.p2017.seuil_interessement = {1, 2};
    const bilan b = differentiel("demo_2017.json", compile_time<modeles::demo::def_2017>(), modeles::demo::def_2017,
                                 parametres_evaluation{}, run_time("the altered grid", g.definition()), g.definition(),
                                 autre, 7, 500, c);
    INFO(b.premiere);
    CHECK_FALSE(b.premiere.empty());
    CHECK(b.premiere.find("grid demo_2017.json, regime caqes_2017: ") == 0);
    CHECK(b.premiere.find(" where the altered grid has ") != std::string::npos);
}
