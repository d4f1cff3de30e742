// The batch evaluator over blocks of columns (include/caqes/evaluation/colonnes/{lot,
// evaluer_lot}.hpp; docs/design-columnar.md, commit 6): blocks of up to 512 generated
// establishment-years, filled by validateur_lot, evaluated by evaluer_lot, must give on every row
// the columns of the scalar evaluator on the same validated report (`ligne_de(evaluer(...))`),
// and, for every 97th row and every row on the scalar path, the full result and the trace on
// demand (`evaluer_un`) equal to the scalar evaluator's.
// Also: a value its column cannot hold takes the scalar path, or is refused with CAQES-E045 and
// its place; a report validated against another template is refused (CAQES-E038); a grid that
// cannot be put in columns sends every row to the scalar path. Every example grid is also read
// from its file and evaluated in blocks, as `caqes evaluate` loads a user's grid.
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

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace caqes;
namespace col = caqes::colonnes;

namespace {

// What one run of blocks saw.
struct bilan_lots {
    std::size_t lignes{0};
    std::size_t blocs{0};
    std::size_t blocs_pleins{0};
    std::size_t echantillon{0};  // rows whose full result and trace were compared
    // Per block, each 64-bit column the plan lets a block read in 32 bits (colonne_plan::etroite):
    // how many were read in 32 bits, and how many in 64 (a cell past 32 bits).
    std::size_t lues_32{0};
    std::size_t lues_64{0};
    std::map<col::voie_ligne, std::size_t> voies;
    // Per nature, the rows whose scalar result proposes a contract outcome of it, so that a test
    // can show its outcome was compared at all.
    std::map<nature_proposition, std::size_t> au_contrat;
    std::string premiere;  // the first difference, "" when none
};

// `groupes` batches of `par_groupe` generated years over template m: each batch takes the
// parameters and the grid policy of one generated year, and every report is validated with
// them. Each batch is filled into blocks and evaluated; each row is compared with the scalar
// evaluator's result on the same report.
bilan_lots par_blocs(const modele_contrat_def& m, const parametres_evaluation& base, std::uint64_t graine, int groupes,
                     int par_groupe) {
    bilan_lots b;
    essais::generateur_rapports gen(m, base, graine);
    for (int groupe = 0; groupe < groupes; ++groupe) {
        const essais::annee_generee tete = gen.suivante();
        const parametres_evaluation& p = tete.parametres;
        const politique_grille& pol = tete.politique;
        auto grille = std::make_shared<const col::grille_lot>(m, pol, evalmod::valides(p));
        col::validateur_lot v(grille);
        std::vector<rapport_valide> acceptes;
        std::vector<col::voie_ligne> voies;
        col::resultats_colonnes<std::int64_t> res;
        std::vector<col::lot_colonnes> lots;  // kept for the full results on demand
        auto compter_etroites = [&b](const col::lot_colonnes& l) {
            const std::vector<colonne_plan>& cs = l.grille().plan().colonnes;
            for (std::size_t c = 0; c < cs.size(); ++c) {
                if (!cs[c].etroite) continue;
                ++(l.colonne_32(c) != nullptr ? b.lues_32 : b.lues_64);
            }
        };
        auto evaluer_prets = [&](std::optional<col::lot_colonnes> l) {
            for (; l; l = v.prendre()) {
                ++b.blocs;
                compter_etroites(*l);
                b.blocs_pleins += l->taille() == col::lot_colonnes::capacite ? 1 : 0;
                col::evaluer_lot(*l, res);
                lots.push_back(std::move(*l));
            }
        };
        for (int k = 0; k < par_groupe; ++k) {
            const essais::annee_generee g = gen.suivante();
            const rapport_annuel r = g.annuel();
            resultat_validation<rapport_valide> val = g.contrat ? validate(m, *g.contrat, r, p) : validate(m, r, p);
            if (!val.ok()) continue;
            const resultat_validation<col::voie_ligne> voie = v.ajouter(val.valeur());
            if (!voie.ok()) {
                b.premiere = concat("block refused a validated report: ", texte(voie.erreurs().front()));
                return b;
            }
            ++b.voies[voie.valeur()];
            voies.push_back(voie.valeur());
            acceptes.push_back(std::move(val).valeur());
            evaluer_prets(v.prendre());
        }
        for (std::optional<col::lot_colonnes> l = v.terminer(); l; l = v.terminer()) {
            ++b.blocs;
            compter_etroites(*l);
            col::evaluer_lot(*l, res);
            lots.push_back(std::move(*l));
        }
        if (res.taille() != acceptes.size()) {
            b.premiere = concat("rows written: ", std::to_string(res.taille()),
                                ", reports added: ", std::to_string(acceptes.size()));
            return b;
        }
        std::size_t debut = 0;
        for (const col::lot_colonnes& l : lots) {
            for (std::size_t j = 0; j < l.taille(); ++j) {
                const std::size_t i = debut + j;
                const std::string ou = concat(m.nom, ", batch ", std::to_string(groupe), ", row ", std::to_string(i),
                                              " (", texte(voies[i]), "): ");
                const resultat_evaluation scalaire = evaluer(acceptes[i], pol);
                for (std::size_t c = 0; c < scalaire.nombre_contrat; ++c)
                    ++b.au_contrat[scalaire.contrat[c].nature];
                const col::ligne attendue = col::ligne_de(scalaire);
                const std::string d = col::difference(col::lire(res, i), attendue, "the scalar evaluator");
                if (!d.empty()) {
                    b.premiere = concat(ou, d);
                    return b;
                }
                // The full result and the trace on demand: for every 97th row and every row on the
                // scalar path, equal to the scalar evaluator's with its trace.
                if (i % 97 != 0 && voies[i] == col::voie_ligne::colonnes) continue;
                ++b.echantillon;
                trace ta;
                trace tb;
                const resultat_evaluation ra = col::evaluer_un(l, j, ta);
                const resultat_evaluation rb = evaluer(acceptes[i], pol, tb);
                essais::ecarts ec;
                essais::comparer(ec, ra, rb);
                essais::comparer(ec, ta, tb);
                ec.egal(col::difference(col::ligne_de(ra), col::lire(res, i)).empty(), "the block's row");
                if (!ec.ok) {
                    b.premiere = concat(ou, "full result on demand: ", ec.premiere);
                    return b;
                }
            }
            debut += l.taille();
        }
        b.lignes += acceptes.size();
    }
    return b;
}

// Most rows in columns: the scalar path must stay the exception it is meant to be. `avenants`:
// the template leaves a first-generation volet free, which the generator's avenants add, so rows
// with a volet of their own took the scalar path (voie_ligne::avenant) in the blocks.
void verifier(const bilan_lots& b, std::size_t lignes_min, bool avenants = false) {
    const auto n = [&b](col::voie_ligne v) { return b.voies.contains(v) ? b.voies.at(v) : std::size_t{0}; };
    INFO(b.lignes << " rows in " << b.blocs << " blocks (" << b.blocs_pleins << " full); in columns "
                  << n(col::voie_ligne::colonnes) << ", scalar: avenant " << n(col::voie_ligne::avenant)
                  << ", off scale " << n(col::voie_ligne::hors_echelle) << ", grid " << n(col::voie_ligne::grille)
                  << "; 64-bit columns read in 32 bits " << b.lues_32 << ", in 64 " << b.lues_64);
    INFO("first difference: " << b.premiere);
    CHECK(b.premiere.empty());
    CHECK(b.lignes >= lignes_min);
    CHECK(b.blocs_pleins > 0);
    CHECK(n(col::voie_ligne::colonnes) * 10 > b.lignes * 8);
    CHECK(b.echantillon >= b.lignes / 97);
    if (avenants) CHECK(n(col::voie_ligne::avenant) > 0);
}

}  // namespace

TEST_CASE("batch: blocks of the demo 2017 grid give the scalar evaluator's columns on every row", "[lot]") {
    const bilan_lots b = par_blocs(modeles::demo::def_2017, parametres_evaluation{}, 6'2017, 3, 1'100);
    verifier(b, 1'500);
}

TEST_CASE("batch: blocks of the transports 2017 grid give the scalar evaluator's columns on every row", "[lot]") {
    verifier(par_blocs(modeles::transports_2017::def, modeles::transports_2017::parametres, 6'20171, 3, 1'100), 1'500,
             true);
}

TEST_CASE("batch: blocks of the regional 2017 grid give the scalar evaluator's columns on every row", "[lot]") {
    // More reports per batch than the other grids: the avenants that add a volet make more of
    // them fail validation, and a batch must still fill a block.
    verifier(par_blocs(modeles::def_regional_2017, parametres_evaluation{}, 6'20172, 3, 1'300), 1'500, true);
}

TEST_CASE("batch: blocks of the demo 2022 grid give the scalar evaluator's columns on every row", "[lot]") {
    verifier(par_blocs(modeles::demo::def_2022, parametres_evaluation{}, 6'2022, 3, 1'100), 1'500);
}

TEST_CASE("batch: blocks of the national indicators 2022 give the scalar evaluator's columns on every row", "[lot]") {
    const bilan_lots b =
        par_blocs(modeles::indicateurs_2022::def, modeles::indicateurs_2022::parametres, 6'20221, 3, 1'100);
    verifier(b, 1'500);
    // Its counts and amounts are 64-bit columns: read in 32 bits by most blocks, in 64 by a block
    // holding a value past 32 bits, with the same columns either way.
    CHECK(b.lues_32 > 0);
    CHECK(b.lues_64 > 0);
}

// The grids a user loads at run time: every example grid file, read by caqes::json, filled into
// full blocks of reports validated against the loaded definition and evaluated with its own
// parameters; the same driver as for a C++ template, here on a definition that lives on the heap.
TEST_CASE("batch: blocks of every example grid loaded from its file give the scalar evaluator's columns", "[lot]") {
    std::uint64_t graine = 6'1000;
    for (const char* fichier :
         {"demo_2017.json", "transports_2017.json", "regional_2017.json", "demo_2022.json", "indicateurs_2022.json"}) {
        INFO(fichier);
        const json::grille_chargee g = essais::charger_exemple(fichier);
        verifier(par_blocs(g.definition(), g.parametres().valeur(), ++graine, 3, 1'300), 1'500);
    }
}

TEST_CASE("batch: blocks of a 2022 grid with the L.162-30-4 clauses and of the successor scheme", "[lot]") {
    verifier(par_blocs(evalmod::def_2022, parametres_evaluation{}, 6'304, 3, 1'100), 1'000);
    const bilan_lots succ = par_blocs(evalmod::def_successeur, parametres_evaluation{}, 6'2026, 3, 1'100);
    verifier(succ, 1'500);
    // Each row's penalty on its own base (rapport_annuel::base_penalite), compared row by row.
    CHECK(succ.au_contrat.contains(nature_proposition::penalite_financement));
}

namespace {

// A first-generation socle that carries the liste en sus cut (D.162-16 III 2), beside a volet
// without it, under a grid that chose the cut: each row's cut is on its own share.
constexpr std::array<volet_modele, 2> volets_coupe_2017{{
    {.volet = volet_id::volet_socle,
     .terme = duree_indeterminee,
     .grille = evalmod::g_socle,
     .clauses = sanction | minoration_liste_en_sus},
    {.volet = volet_id::volet_transports,
     .terme = duree_annees(3),
     .grille = evalmod::g_transports,
     .clauses = sanction | interessement},
}};
constexpr modele_contrat_def def_coupe_2017{.nom = "essai 2017, coupe liste en sus",
                                            .regime = regime_id::caqes_2017,
                                            .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
                                            .volets = volets_coupe_2017,
                                            .transition = politique_transition::arret_fin_regime};

}  // namespace

TEST_CASE("batch: blocks of a 2017 grid with the liste en sus cut cut each row on its own share", "[lot]") {
    parametres_evaluation p{};
    p.p2017.reduction_liste_en_sus = reduction_liste_en_sus_2017{{30, 100}};
    const bilan_lots b = par_blocs(def_coupe_2017, p, 6'2017'3, 3, 1'100);
    verifier(b, 1'500);
    CHECK(b.au_contrat.contains(nature_proposition::minoration));
}

namespace {

// Two weights 1/p of primes near 2^32: their common denominator does not fit 64 bits, so the
// plan sends the whole grid to the scalar path (raison_scalaire::denominateur_trop_grand).
constexpr std::array<indicateur, 2> grille_premiers{
    {evalmod::ind_taux(200, "P1", evalmod::validite_2017, fraction{1, 4'294'967'291}),
     evalmod::ind_taux(201, "P2", evalmod::validite_2017, fraction{1, 4'294'967'279})}};
constexpr std::array<volet_modele, 1> volets_premiers{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille_premiers, .clauses = sanction},
}};
constexpr modele_contrat_def def_premiers{
    .nom = "essai: poids 1/p de grands premiers (illustratif)",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = volets_premiers,
    .transition = politique_transition::arret_fin_regime,
};
struct modele_premiers : modele_contrat<def_premiers> {};

// A generated demo 2017 year whose first rate given is `x`, validated; the measure's place.
struct annee_modifiee {
    std::optional<rapport_valide> r;
    std::string lieu;
};
// A generated year of the demo 2017 grid whose first given measure of type t is x.
annee_modifiee avec_valeur(essais::generateur_rapports& gen, const parametres_evaluation& p, type_mesure t,
                           fraction x) {
    for (;;) {
        essais::annee_generee g = gen.suivante();
        std::string lieu;
        for (saisie_indicateur& s : g.valeurs) {
            for (saisie_mesure& m : s.mesures) {
                if (!lieu.empty() || m.valeur.etat != etat_valeur::renseignee || m.valeur.type != t) continue;
                m.valeur.v = x;
                lieu = concat(s.indicateur, ".", m.mesure);
            }
        }
        if (lieu.empty()) continue;
        const rapport_annuel r = g.annuel();
        resultat_validation<rapport_valide> v =
            g.contrat ? validate(modeles::demo::def_2017, *g.contrat, r, p) : validate(modeles::demo::def_2017, r, p);
        if (v.ok()) return {std::move(v).valeur(), lieu};
    }
}

}  // namespace

TEST_CASE("batch: a value its column cannot hold takes the exact scalar path, or is refused (CAQES-E045)", "[lot]") {
    // A rate of 1/3 is not a multiple of the rate columns' step, 10^-9 (precision_entree): it is
    // never rounded.
    const parametres_evaluation p{};
    const politique_grille pol{};
    auto grille = std::make_shared<const col::grille_lot>(modeles::demo::def_2017, pol, evalmod::valides(p));
    essais::generateur_rapports gen(modeles::demo::def_2017, p, 45);
    const annee_modifiee tiers = avec_valeur(gen, p, type_mesure::taux, fraction{1, 3});
    const annee_modifiee exact = avec_valeur(gen, p, type_mesure::taux, fraction{333'333'333, 1'000'000'000});
    REQUIRE(tiers.r);
    REQUIRE(exact.r);

    SECTION("default policy: the row is evaluated by the scalar path, with the scalar evaluator's columns") {
        col::validateur_lot v(grille);
        const resultat_validation<col::voie_ligne> a = v.ajouter(*tiers.r);
        const resultat_validation<col::voie_ligne> b = v.ajouter(*exact.r);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        CHECK(a.valeur() == col::voie_ligne::hors_echelle);
        CHECK(b.valeur() == col::voie_ligne::colonnes);
        std::optional<col::lot_colonnes> l = v.terminer();
        REQUIRE(l);
        CHECK(l->lignes_scalaires() == 1);
        col::resultats_colonnes<std::int64_t> res;
        col::evaluer_lot(*l, res);
        REQUIRE(res.taille() == 2);
        CHECK(col::difference(col::lire(res, 0), col::ligne_de(evaluer(*tiers.r, pol))) == "");
        CHECK(col::difference(col::lire(res, 1), col::ligne_de(evaluer(*exact.r, pol))) == "");
        CHECK_FALSE(v.terminer());
    }
    SECTION("strict policy: the report is refused with its indicator, measure, value and the column's scale") {
        col::validateur_lot v(grille, col::politique_hors_echelle::refus);
        const resultat_validation<col::voie_ligne> a = v.ajouter(*tiers.r);
        REQUIRE_FALSE(a.ok());
        REQUIRE(a.erreurs().size() == 1);
        const violation& e = a.erreurs().front();
        CHECK(e.id == regle::valeur_hors_echelle);
        CHECK(e.code() == "CAQES-E045");
        CHECK(e.lieu == tiers.lieu);
        INFO(texte(e));
        CHECK(e.detail.find("(1/3) is not a multiple of 1/1000000000") != std::string::npos);
        // The accepted twin: a rate the column holds goes into the columns.
        const resultat_validation<col::voie_ligne> b = v.ajouter(*exact.r);
        REQUIRE(b.ok());
        CHECK(b.valeur() == col::voie_ligne::colonnes);
        std::optional<col::lot_colonnes> l = v.terminer();
        REQUIRE(l);
        CHECK(l->taille() == 1);  // the refused report is in no block
    }
}

TEST_CASE("batch: a 64-bit column is read in 32 bits by a block whose values all fit, in 64 bits otherwise", "[lot]") {
    // An amount's column holds 64 bits; the demo grid's thresholds on it fit 32 bits, so a block
    // whose amounts all do too is read from its 32-bit copy. 2^31 - 1 cents fits, 2^31 does not.
    const parametres_evaluation p{};
    const politique_grille pol{};
    auto grille = std::make_shared<const col::grille_lot>(modeles::demo::def_2017, pol, evalmod::valides(p));
    essais::generateur_rapports gen(modeles::demo::def_2017, p, 46);
    constexpr std::int64_t max32 = std::numeric_limits<std::int32_t>::max();
    const annee_modifiee juste = avec_valeur(gen, p, type_mesure::montant, entier(max32));
    const annee_modifiee au_dela = avec_valeur(gen, p, type_mesure::montant, entier(max32 + 1));
    REQUIRE(juste.r);
    REQUIRE(au_dela.r);
    const std::vector<colonne_plan>& cs = grille->plan().colonnes;
    std::size_t c = cs.size();
    for (std::size_t k = 0; k < cs.size(); ++k) {
        if (concat(cs[k].code_indicateur, ".", cs[k].code_mesure) == juste.lieu) c = k;
    }
    REQUIRE(c < cs.size());
    REQUIRE(cs[c].st == stockage::i64);
    REQUIRE(cs[c].etroite);

    SECTION("every amount fits: the 32-bit copy, with the same value") {
        col::validateur_lot v(grille);
        REQUIRE(v.ajouter(*juste.r).ok());
        std::optional<col::lot_colonnes> l = v.terminer();
        REQUIRE(l);
        REQUIRE(l->colonne_32(c) != nullptr);
        CHECK(l->colonne_32(c)[0] == max32);
        CHECK(l->colonne<std::int64_t>(c)[0] == max32);
        col::resultats_colonnes<std::int64_t> res;
        col::evaluer_lot(*l, res);
        CHECK(col::difference(col::lire(res, 0), col::ligne_de(evaluer(*juste.r, pol))) == "");
    }
    SECTION("one amount past 32 bits: the block reads the 64-bit cells, for every row") {
        col::validateur_lot v(grille);
        REQUIRE(v.ajouter(*juste.r).ok());
        REQUIRE(v.ajouter(*au_dela.r).ok());
        std::optional<col::lot_colonnes> l = v.terminer();
        REQUIRE(l);
        CHECK(l->colonne_32(c) == nullptr);
        CHECK(l->colonne<std::int64_t>(c)[1] == max32 + 1);
        col::resultats_colonnes<std::int64_t> res;
        col::evaluer_lot(*l, res);
        REQUIRE(res.taille() == 2);
        CHECK(col::difference(col::lire(res, 0), col::ligne_de(evaluer(*juste.r, pol))) == "");
        CHECK(col::difference(col::lire(res, 1), col::ligne_de(evaluer(*au_dela.r, pol))) == "");
    }
}

TEST_CASE("batch: a report validated against another template is refused (CAQES-E038)", "[lot]") {
    const parametres_evaluation p{};
    essais::generateur_rapports gen(modeles::demo::def_2022, p, 38);
    std::optional<rapport_valide> autre;
    while (!autre) {
        const essais::annee_generee g = gen.suivante();
        const rapport_annuel r = g.annuel();
        resultat_validation<rapport_valide> v =
            g.contrat ? validate(modeles::demo::def_2022, *g.contrat, r, p) : validate(modeles::demo::def_2022, r, p);
        if (v.ok()) autre = std::move(v).valeur();
    }
    col::validateur_lot v2017(
        std::make_shared<const col::grille_lot>(modeles::demo::def_2017, politique_grille{}, evalmod::valides(p)));
    const resultat_validation<col::voie_ligne> refus = v2017.ajouter(*autre);
    REQUIRE_FALSE(refus.ok());
    CHECK(refus.erreurs().front().id == regle::rapport_autre_modele);
    CHECK_FALSE(v2017.terminer());
    col::validateur_lot v2022(
        std::make_shared<const col::grille_lot>(modeles::demo::def_2022, politique_grille{}, evalmod::valides(p)));
    CHECK(v2022.ajouter(*autre).ok());
}

TEST_CASE("batch: a grid whose common denominator leaves 64 bits is evaluated by the scalar path, row by row",
          "[lot]") {
    const col::grille_lot g(def_premiers, politique_grille{}, parametres_valides{});
    CHECK(g.plan().raison == raison_scalaire::denominateur_trop_grand);
    const bilan_lots b = par_blocs(def_premiers, parametres_evaluation{}, 6'37, 2, 1'100);
    INFO(b.premiere);
    CHECK(b.premiere.empty());
    CHECK(b.lignes > 1'000);
    CHECK(b.voies.size() == 1);
    CHECK(b.voies.at(col::voie_ligne::grille) == b.lignes);
}

TEST_CASE("batch: a proposal read back from its cells (proposition_de) is the one its cells were written from",
          "[lot]") {
    // caqes evaluate prints rows from the result columns through proposition_de: every field the
    // cells hold must come back, for each flag alone and all together, with and without a
    // decision, for an evaluated volet and one out of its term.
    std::vector<proposition> cas;
    for (int drapeau = 0; drapeau < 6; ++drapeau) {
        proposition p{
            .montant = centimes{123'456}, .plafond = centimes{200'000}, .nature = nature_proposition::sanction_volet};
        p.plafond_atteint = drapeau == 0;
        p.illustratif = drapeau == 1;
        p.depassement = drapeau == 2;
        p.economies_non_renseignees = drapeau == 3;
        p.decision_au_dessus = drapeau == 4;
        if (drapeau == 5) p.decision_finale = centimes{-7};
        cas.push_back(p);
    }
    cas.push_back({.montant = centimes{std::numeric_limits<std::int64_t>::max()},
                   .plafond = centimes{std::numeric_limits<std::int64_t>::max()},
                   .decision_finale = centimes{0},
                   .nature = nature_proposition::interessement_volet,
                   .plafond_atteint = true,
                   .illustratif = true,
                   .depassement = true,
                   .economies_non_renseignees = true,
                   .decision_au_dessus = true});
    cas.push_back(proposition{});  // not made
    for (const bool evalue : {true, false}) {
        for (const proposition& p : cas) {
            const col::cellules_proposition x = col::cellules_de(p, evalue);
            const proposition q = col::proposition_de(x);
            CHECK(q.nature == p.nature);
            CHECK(q.montant == p.montant);
            CHECK(q.plafond == p.plafond);
            CHECK(q.decision_finale == p.decision_finale);
            CHECK(q.plafond_atteint == p.plafond_atteint);
            CHECK(q.illustratif == p.illustratif);
            CHECK(q.depassement == p.depassement);
            CHECK(q.economies_non_renseignees == p.economies_non_renseignees);
            CHECK(q.decision_au_dessus == p.decision_au_dessus);
            const col::cellules_proposition y = col::cellules_de(q, evalue);
            CHECK(y.nature == x.nature);
            CHECK(y.drapeaux == x.drapeaux);
            CHECK(y.propose == x.propose);
            CHECK(y.plafond == x.plafond);
            CHECK(y.decide == x.decide);
        }
    }
}
