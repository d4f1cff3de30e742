// The column plan of a grid (evaluation/colonnes/plan.hpp): the scale and storage of every
// column of the example grids, written out; the gains from gain_de at D; the grids that need
// 64-bit lanes; those the columns cannot hold (large prime weights, a tolerance, a scale or a
// threshold that does not fit), planned whole on the scalar path with their reason; and a
// compile-time grid's plan checked by static_assert.
#include "evaluation_modeles.hpp"
#include "grille_banc_7.hpp"
#include "outils.hpp"

#include <caqes/evaluation/colonnes/plan.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace caqes;

namespace {

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t max32 = std::numeric_limits<std::int32_t>::max();
constexpr std::int64_t milliard = 1'000'000'000;  // the default step of rates: 10^-9

// A compile-time grid's plan is a constant: usable in a static_assert.
static_assert(!planifier_colonnes(evalmod::def_2017, {}).scalaire_seulement());
static_assert(planifier_colonnes(evalmod::def_2017, {}).voie == voie_score::i32);
static_assert(planifier_colonnes(evalmod::def_2017, {}).colonnes.size() == 8);
static_assert(planifier_colonnes(evalmod::def_2017, {}).colonnes[0].echelle == milliard);
static_assert(planifier_colonnes(evalmod::def_2017, {}).colonnes[0].st == stockage::i32);
static_assert(planifier_colonnes(evalmod::def_2017, {}).colonnes[1].st == stockage::u8);
static_assert(planifier_colonnes(evalmod::def_2017, {}).indicateurs[0].cible.cible == 490'000'000);
static_assert(planifier_colonnes(evalmod::def_2017, {}).indicateurs[0].gains.points_partiel == 2);

struct colonne_attendue {
    std::string_view indicateur;
    std::string_view mesure;
    type_mesure type;
    std::int64_t echelle;
    stockage st;
};

void verifier_colonnes(const plan_colonnes& p, const std::vector<colonne_attendue>& attendu) {
    REQUIRE(p.colonnes.size() == attendu.size());
    for (std::size_t k = 0; k < attendu.size(); ++k) {
        INFO("column " << k << ": " << p.colonnes[k].decrire());
        CHECK(p.colonnes[k].code_indicateur == attendu[k].indicateur);
        CHECK(p.colonnes[k].code_mesure == attendu[k].mesure);
        CHECK(p.colonnes[k].type == attendu[k].type);
        CHECK(p.colonnes[k].echelle == attendu[k].echelle);
        CHECK(p.colonnes[k].st == attendu[k].st);
    }
}

// One 2017 socle of indicators over a grid known at run time.
struct grille_essai {
    std::vector<indicateur> grille;
    std::array<volet_modele, 1> volets{};
    modele_contrat_def def{};

    explicit grille_essai(std::vector<indicateur> g) : grille(std::move(g)) {
        volets[0] = {
            .volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille, .clauses = sanction};
        def = {.nom = "grille d'essai",
               .regime = regime_id::caqes_2017,
               .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
               .volets = volets,
               .transition = politique_transition::arret_fin_regime};
    }
};

inline constexpr std::array<std::string_view, 4> codes{{"ILL-W0", "ILL-W1", "ILL-W2", "ILL-W3"}};

std::vector<indicateur> de_poids(const std::vector<fraction>& poids) {
    std::vector<indicateur> g;
    for (std::size_t k = 0; k < poids.size(); ++k)
        g.push_back(evalmod::ind_taux(static_cast<std::uint32_t>(k + 1), codes[k], evalmod::validite_2017, poids[k]));
    return g;
}

}  // namespace

TEST_CASE("plan_colonnes: the scale and storage of every column of the example grids, written out",
          "[evaluation][plan_colonnes]") {
    using enum type_mesure;
    SECTION("first generation (tests' def_2017): rates at 10^9 in int32, the scale in a byte, counts in int64") {
        const plan_colonnes p = planifier_colonnes(evalmod::def_2017, {});
        CHECK_FALSE(p.scalaire_seulement());
        CHECK(p.borne.denominateur == 2);
        CHECK(p.borne.somme_poids == 18);
        CHECK(p.voie == voie_score::i32);
        verifier_colonnes(p, {{"ILL-S1", "taux", taux, milliard, stockage::i32},
                              {"ILL-S2", "echelle", echelle, 1, stockage::u8},
                              {"ILL-S3", "nombre", nombre, 1, stockage::i64},
                              {"ILL-T1", "taux", taux, milliard, stockage::i32},
                              {"ILL-T2", "nombre", nombre, 1, stockage::i64},
                              {"ILL-P1", "echelle", echelle, 1, stockage::u8},
                              {"ILL-P2", "taux", taux, milliard, stockage::i32},
                              {"ILL-A1", "nombre", nombre, 1, stockage::i64}});
        REQUIRE(p.indicateurs.size() == 8);
        // ILL-S1: 49 %, weight 2; ILL-S2: "oui" of the scale; ILL-S3: 1 000.
        CHECK(p.indicateurs[0].colonne_cible == 0);
        CHECK(p.indicateurs[0].cible.cible == 490'000'000);
        CHECK(p.indicateurs[0].cible.un == milliard);
        CHECK(p.indicateurs[0].gains.poids == 4);
        CHECK(p.indicateurs[1].cible.cible == 2);
        CHECK(p.indicateurs[1].cible.un == 1);
        CHECK(p.indicateurs[2].cible.cible == 1'000);
        CHECK(p.indicateurs[7].volet == 3);
        CHECK(p.indicateurs[7].indice == 0);
        for (const indicateur_plan& i : p.indicateurs)
            CHECK_FALSE(i.regional);  // only the second generation has a regional score
    }
    SECTION("second generation (the three national 2022 indicators and two regional ones)") {
        const plan_colonnes p = planifier_colonnes(evalmod::def_2022, {});
        CHECK_FALSE(p.scalaire_seulement());
        CHECK(p.borne.denominateur == 2);
        CHECK(p.borne.somme_poids == 10);
        CHECK(p.voie == voie_score::i32);
        verifier_colonnes(p, {{"N2022-1", "boites_ipp", nombre, 1, stockage::i64},
                              {"N2022-1", "depense_ipp", montant, 1, stockage::i64},
                              {"N2022-1", "evolution_depense_ipp", taux_evolution, milliard, stockage::i64},
                              {"N2022-2", "depense_perfadom", montant, 1, stockage::i64},
                              {"N2022-2", "part_diffuseurs_actifs", taux, milliard, stockage::i32},
                              {"N2022-2", "evolution_depense_perfadom", taux_evolution, milliard, stockage::i64},
                              {"REG-O1", "taux", taux, milliard, stockage::i32},
                              {"ILL-O2", "nombre", nombre, 1, stockage::i64},
                              {"N2022-3", "part_ambulance", taux, milliard, stockage::i32},
                              {"N2022-3", "depense_ambulance", montant, 1, stockage::i64}});
        REQUIRE(p.indicateurs.size() == 5);
        // Indicator 1: -5 % against the previous year, and "fewer than 8 500 boxes".
        CHECK(p.indicateurs[0].colonne_cible == 2);
        CHECK(p.indicateurs[0].cible.cible == -50'000'000);
        CHECK(p.indicateurs[0].colonnes_conditions[0][0] == 0);
        CHECK(p.indicateurs[0].seuils_conditions[0][0] == 8'500);
        // Indicator 2: 100 000 EUR (cents) or 80 %.
        CHECK(p.indicateurs[1].seuils_conditions[0][0] == 10'000'000);
        CHECK(p.indicateurs[1].colonnes_conditions[1][0] == 4);
        CHECK(p.indicateurs[1].seuils_conditions[1][0] == 800'000'000);
        // Indicator 3, referentiel only: 20 % or 400 000 EUR.
        CHECK(p.indicateurs[4].colonne_cible == colonne_absente);
        CHECK(p.indicateurs[4].seuils_conditions[0][0] == 200'000'000);
        CHECK(p.indicateurs[4].seuils_conditions[1][0] == 40'000'000);
        // The regional score: the non-national indicators.
        CHECK_FALSE(p.indicateurs[0].regional);
        CHECK_FALSE(p.indicateurs[1].regional);
        CHECK(p.indicateurs[2].regional);
        CHECK(p.indicateurs[3].regional);
        CHECK_FALSE(p.indicateurs[4].regional);
    }
    SECTION("successor") {
        const plan_colonnes p = planifier_colonnes(evalmod::def_successeur, {});
        CHECK(p.borne.somme_poids == 4);
        verifier_colonnes(
            p, {{"ILL-E1", "taux", taux, milliard, stockage::i32}, {"ILL-E2", "nombre", nombre, 1, stockage::i64}});
    }
    SECTION("the benchmarks' 7-indicator grid (every measure type)") {
        const plan_colonnes p = planifier_colonnes(banc::g7::def, {});
        CHECK(p.borne.somme_poids == 26);
        CHECK(p.voie == voie_score::i32);
        verifier_colonnes(p, {{"B001", "taux_a", taux, milliard, stockage::i32},
                              {"B002", "echelle_a", echelle, 1, stockage::u8},
                              {"B003", "evolution_a", taux_evolution, milliard, stockage::i64},
                              {"B003", "montant_a", montant, 1, stockage::i64},
                              {"B004", "nombre_a", nombre, 1, stockage::i64},
                              {"B004", "taux_a", taux, milliard, stockage::i32},
                              {"B004", "oui_non_a", oui_non, 1, stockage::u8},
                              {"B005", "montant_a", montant, 1, stockage::i64},
                              {"B006", "taux_a", taux, milliard, stockage::i32},
                              {"B007", "echelle_a", echelle, 1, stockage::u8}});
        // B004: "nombre < 8 300, or taux >= 33 % and oui_non = oui".
        CHECK(p.indicateurs[3].seuils_conditions[0][0] == 8'300);
        CHECK(p.indicateurs[3].seuils_conditions[1][0] == 330'000'000);
        CHECK(p.indicateurs[3].seuils_conditions[1][1] == 1);
        CHECK(p.indicateurs[3].colonnes_conditions[1][1] == 6);
    }
    SECTION("an input precision given by the caller: rates in hundredths of a percent") {
        precision_entree prec{};
        prec.pas[static_cast<std::size_t>(taux)] = 10'000;
        const plan_colonnes p = planifier_colonnes(evalmod::def_2017, {}, prec);
        CHECK(p.colonnes[0].echelle == 10'000);
        CHECK(p.colonnes[0].st == stockage::i32);
        CHECK(p.indicateurs[0].cible.cible == 4'900);
    }
}

TEST_CASE("plan_colonnes: the gains are gain_de's at D, for every status and policy", "[evaluation][plan_colonnes]") {
    int verifies = 0;
    for (const part partielle : {part{1, 2}, part{1, 3}, part{0, 1}, part{1, 1}}) {
        for (const compte_non_concerne nc : {compte_non_concerne::exclu, compte_non_concerne::atteint}) {
            for (const compte_non_renseigne nr : {compte_non_renseigne::non_atteint, compte_non_renseigne::exclu}) {
                const politique_grille pol{nc, nr, partielle, {0, 1}};
                const plan_colonnes p = planifier_colonnes(evalmod::def_2017, pol);
                REQUIRE_FALSE(p.scalaire_seulement());
                std::size_t k = 0;
                for (const volet_modele& v : evalmod::def_2017.volets) {
                    for (const indicateur& ind : v.grille) {
                        const std::int64_t W = p.borne.poids_entier(ind.poids);
                        CHECK(p.indicateurs[k].gains.poids == W);
                        for (const statut s : {statut::atteint, statut::partiel, statut::non_atteint,
                                               statut::non_concerne, statut::non_renseigne}) {
                            const gain<std::int64_t> attendu = gain_de(s, W, pol);
                            REQUIRE(attendu.ok);
                            CHECK(p.indicateurs[k].gains.de(s).points == attendu.points);
                            CHECK(p.indicateurs[k].gains.de(s).poids == attendu.poids);
                            ++verifies;
                        }
                        ++k;
                    }
                }
            }
        }
    }
    CHECK(verifies == 16 * 8 * 5);
    // Written out for ILL-S1 (weight 2, D = 2 x 3 under a share of 1/3): met 12, partial 4.
    const plan_colonnes tiers = planifier_colonnes(evalmod::def_2017, {.part_partielle = {1, 3}});
    CHECK(tiers.borne.denominateur == 3);
    CHECK(tiers.indicateurs[0].gains.poids == 6);
    CHECK(tiers.indicateurs[0].gains.points_atteint == 6);
    CHECK(tiers.indicateurs[0].gains.points_partiel == 2);
    CHECK(tiers.indicateurs[0].gains.points_non_atteint == 0);
    CHECK(tiers.indicateurs[0].gains.poids_non_concerne == 0);   // excluded by default
    CHECK(tiers.indicateurs[0].gains.poids_non_renseigne == 6);  // missed by default
    CHECK(tiers.indicateurs[0].gains.points_non_renseigne == 0);
    // gains_de refuses a weight whose partial share is not an integer, as gain_de does.
    CHECK_FALSE(gains_de(1, {.part_partielle = {1, 3}}).has_value());
    CHECK(gains_de(3, {.part_partielle = {1, 3}}).has_value());
}

TEST_CASE("plan_colonnes: 64-bit score lanes when SW reaches 2^31, 64-bit storage when the scale needs it",
          "[evaluation][plan_colonnes]") {
    // Two large primes: D = 2 x p1 x p2, SW = 2 (p1 + p2), above 2^31.
    const grille_essai deux{de_poids({fraction{1, 999'999'937}, fraction{1, 999'999'929}})};
    const plan_colonnes p = planifier_colonnes(deux.def, {});
    CHECK_FALSE(p.scalaire_seulement());
    CHECK(p.borne.somme_poids == 3'999'999'732);
    CHECK(p.voie == voie_score::i64);
    CHECK(p.indicateurs[0].gains.poids == 1'999'999'858);
    CHECK(p.indicateurs[0].gains.points_partiel == 999'999'929);
    // At the edge, with whole weights and a partial share of 1 (D = 1, SW the sum of the weights):
    // SW = 2^31 - 1 stays in 32-bit lanes, 2^31 does not.
    const politique_grille entiere{.part_partielle = {1, 1}};
    const grille_essai juste{de_poids({entier(max32 - 1), entier(1)})};
    const plan_colonnes pj = planifier_colonnes(juste.def, entiere);
    CHECK(pj.borne.denominateur == 1);
    CHECK(pj.borne.somme_poids == max32);
    CHECK(pj.voie == voie_score::i32);
    const grille_essai passe{de_poids({entier(max32), entier(1)})};
    CHECK(planifier_colonnes(passe.def, entiere).borne.somme_poids == max32 + 1);
    CHECK(planifier_colonnes(passe.def, entiere).voie == voie_score::i64);

    // A target of 1/3 of a rate: scale 3 x 10^9, beyond int32.
    indicateur tiers = evalmod::ind_taux(1, "ILL-TIERS", evalmod::validite_2017);
    tiers.objectif = viser(evalmod::m_taux, taux_pourcent(100, 3));
    const grille_essai g{{tiers}};
    const plan_colonnes pt = planifier_colonnes(g.def, {});
    CHECK_FALSE(pt.scalaire_seulement());
    CHECK(pt.colonnes[0].echelle == 3 * milliard);
    CHECK(pt.colonnes[0].st == stockage::i64);
    CHECK(pt.indicateurs[0].cible.cible == milliard);
    CHECK(pt.indicateurs[0].cible_en<std::int64_t>().cible == milliard);
}

TEST_CASE("plan_colonnes: large prime weights send the whole grid to the scalar path, with the reason",
          "[evaluation][plan_colonnes]") {
    const grille_essai g{de_poids(
        {fraction{1, 999'999'937}, fraction{1, 999'999'929}, fraction{1, 999'999'893}, fraction{1, 999'999'883}})};
    const plan_colonnes p = planifier_colonnes(g.def, {});
    CHECK(p.scalaire_seulement());
    CHECK(p.raison == raison_scalaire::denominateur_trop_grand);
    const std::string d = p.decrire();
    CHECK(
        d.starts_with("scalar path: the common denominator of the weights and the partial share does not fit 64 bits"));
    // The columns are still described; no gain is given.
    CHECK(p.colonnes.size() == 4);
    CHECK(outils::contient_texte(d, "ILL-W3.taux (taux): scale 1000000000"));
    CHECK(p.indicateurs[3].gains.poids == 0);
    // The same grid's first two fit.
    CHECK_FALSE(planifier_colonnes(grille_essai{de_poids({fraction{1, 999'999'937}, fraction{1, 999'999'929}})}.def, {})
                    .scalaire_seulement());
    // And the description of a plan in columns.
    const std::string ok = planifier_colonnes(evalmod::def_2017, {}).decrire();
    CHECK(ok.starts_with("columns: D = 2, SW = 18, scores in int32 lanes\n"));
    CHECK(outils::contient_texte(ok,
                                 "ILL-S1.taux (taux): scale 1000000000 = lcm(input step 1000000000, thresholds 100, "
                                 "tolerance 1); int32: holds 0 to 2000000000"));
    CHECK(outils::contient_texte(ok,
                                 "ILL-S3.nombre (nombre): scale 1 = lcm(input step 1, thresholds 1, tolerance 1); "
                                 "int64: the type has no bound below 64 bits"));
}

TEST_CASE(
    "plan_colonnes: a tolerance the columns can hold is at their scale, one they cannot sends the grid to the "
    "scalar path",
    "[evaluation][plan_colonnes]") {
    // 5 %: 49 % - 5 % on the rate, 1 000 + 1/20 on the count (scale 20).
    const plan_colonnes p = planifier_colonnes(evalmod::def_2017, {.tolerance = {5, 100}});
    REQUIRE_FALSE(p.scalaire_seulement());
    CHECK(p.colonnes[0].echelle == milliard);
    CHECK(p.colonnes[0].tolerance == 20);
    CHECK(p.indicateurs[0].cible.tolerance == 50'000'000);
    CHECK(p.indicateurs[0].cible.borne == 440'000'000);
    CHECK(p.colonnes[2].echelle == 20);
    CHECK(p.indicateurs[2].cible.cible == 20'000);
    CHECK(p.indicateurs[2].cible.borne == 20'001);  // lower is better: cible + tolerance
    CHECK(p.colonnes[1].echelle == 20);             // the scale: 2 x 20 = 40 still in a byte
    CHECK(p.colonnes[1].st == stockage::u8);
    // The tolerance only joins the scale of a target's column.
    const plan_colonnes p22 = planifier_colonnes(evalmod::def_2022, {.tolerance = {1, 7}});
    CHECK(p22.colonnes[0].echelle == 1);  // boites_ipp: a condition's column
    CHECK(p22.colonnes[2].echelle == 7 * milliard);

    // 1/INT64_MAX: no 64-bit scale holds it with 10^9 (the scalar path decides it exactly,
    // evaluation_mesusage.cpp).
    const plan_colonnes fine = planifier_colonnes(evalmod::def_2017, {.tolerance = {1, max64}});
    CHECK(fine.scalaire_seulement());
    CHECK(fine.raison == raison_scalaire::tolerance_hors_colonne);
    // A tolerance of 3 on the no/partial/yes scale: "oui" - 3 is below what a byte holds.
    const indicateur e = evalmod::ind_echelle(1, "ILL-E", evalmod::validite_2017);
    const grille_essai g{{e}};
    CHECK(planifier_colonnes(g.def, {.tolerance = {3, 1}}).raison == raison_scalaire::tolerance_hors_colonne);
    CHECK_FALSE(planifier_colonnes(g.def, {.tolerance = {1, 1}}).scalaire_seulement());
}

TEST_CASE("plan_colonnes: a scale or a threshold that does not fit 64 bits sends the grid to the scalar path",
          "[evaluation][plan_colonnes]") {
    using enum type_mesure;
    // A target of 1/3 of a rate: with a step of 10^-18 the scale is 3 x 10^18, which fits 64 bits;
    // with a step of 1 / (5 x 10^18) it is 1.5 x 10^19, which does not.
    indicateur tiers = evalmod::ind_taux(1, "ILL-TIERS", evalmod::validite_2017);
    tiers.objectif = viser(evalmod::m_taux, taux_pourcent(100, 3));
    const grille_essai g{{tiers}};
    precision_entree large{};
    large.pas[static_cast<std::size_t>(taux)] = 5'000'000'000'000'000'000;
    CHECK(planifier_colonnes(g.def, {}, large).raison == raison_scalaire::echelle_trop_grande);
    large.pas[static_cast<std::size_t>(taux)] = 1'000'000'000'000'000'000;
    CHECK_FALSE(planifier_colonnes(g.def, {}, large).scalaire_seulement());

    // A threshold that leaves 64 bits at its column's scale: INT64_MAX cents, amounts in halves.
    static constexpr mesure<grandeur::montant> m_depense{"depense"};
    const indicateur montant_max{.id = 1,
                                 .code = "ILL-M",
                                 .libelle = "montant (illustratif)",
                                 .mesures = {{m_depense.def()}},
                                 .ref = en_referentiel(m_depense < montant_de(centimes{max64})),
                                 .validite = evalmod::validite_2017};
    const grille_essai gm{{montant_max}};
    CHECK_FALSE(planifier_colonnes(gm.def, {}).scalaire_seulement());
    CHECK(planifier_colonnes(gm.def, {}).indicateurs[0].seuils_conditions[0][0] == max64);
    precision_entree demi{};
    demi.pas[static_cast<std::size_t>(montant)] = 2;
    CHECK(planifier_colonnes(gm.def, {}, demi).raison == raison_scalaire::seuil_hors_colonne);
}

TEST_CASE("plan_colonnes: a 64-bit column may be read in 32 bits when every threshold on it fits 32 bits",
          "[evaluation][plan_colonnes]") {
    static constexpr mesure<grandeur::montant> m_depense{"depense"};
    auto plan_de = [](centimes seuil) {
        const indicateur ind{.id = 1,
                             .code = "ILL-M",
                             .libelle = "montant (illustratif)",
                             .mesures = {{m_depense.def()}},
                             .ref = en_referentiel(m_depense < montant_de(seuil)),
                             .validite = evalmod::validite_2017};
        const grille_essai g{{ind}};
        const plan_colonnes p = planifier_colonnes(g.def, {});
        REQUIRE_FALSE(p.scalaire_seulement());
        REQUIRE(p.colonnes.size() == 1);
        CHECK(p.colonnes[0].st == stockage::i64);  // an amount's domain has no bound below 64 bits
        return p.colonnes[0];
    };
    // The largest threshold a 32-bit lane holds, and the next one.
    const colonne_plan juste = plan_de(centimes{max32});
    CHECK(juste.etroite);
    CHECK(juste.decrire().find("read in 32 bits in a block whose values all fit") != std::string::npos);
    const colonne_plan au_dela = plan_de(centimes{max32 + 1});
    CHECK_FALSE(au_dela.etroite);
    CHECK(au_dela.decrire().find("32 bits") == std::string::npos);
    // A target on a 64-bit column: the example grid's counts and amounts (2022) may be; a
    // bounded column is never marked, it is already narrow.
    const plan_colonnes p22 = planifier_colonnes(evalmod::def_2022, {});
    for (const colonne_plan& c : p22.colonnes) {
        INFO(c.decrire());
        CHECK(c.etroite == (c.st == stockage::i64));
    }
}

// detail::a_l_echelle reads a positive denominator without its normal form and divides in 64
// bits when the product fits: the cell must be the one the definition on the normal form, in
// 128 bits, gives (x x echelle when it is an integer the storage holds off its sentinels), for
// fractions not reduced, negative denominators, products past 64 bits and each storage.
TEST_CASE("plan_colonnes: a value's cell without a gcd is the one the normal form gives",
          "[evaluation][plan_colonnes]") {
    using caqes::stockage;
    const auto selon_la_forme_normale = [](fraction x, std::int64_t echelle,
                                           stockage st) -> std::optional<std::int64_t> {
        const fraction f = x.normalisee();
        if (!f.valide()) return std::nullopt;
        const int128 p = int128{f.num} * echelle;
        if (p % f.den != 0) return std::nullopt;
        const int128 v = p / f.den;
        int128 bas = 0;
        int128 haut = 0;
        switch (st) {
            case stockage::u8:
                bas = -1;
                haut = int128{arith_fixe<std::uint8_t>::non_concerne} - 1;  // below the sentinels
                break;
            case stockage::i32:
                bas = int128{arith_fixe<std::int32_t>::non_concerne};
                haut = max32;
                break;
            case stockage::i64:
                bas = int128{arith_fixe<std::int64_t>::non_concerne};
                haut = max64;
                break;
        }
        if (v <= bas || v > haut) return std::nullopt;
        return static_cast<std::int64_t>(v);
    };
    constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min();
    const std::array<std::int64_t, 16> nums{min64, min64 + 1, -max32 - 2, -300, -6,  -1,        0,         1,
                                            2,     3,         6,          250,  253, max32 + 1, max64 - 1, max64};
    const std::array<std::int64_t, 9> dens{min64, -4, -1, 0, 1, 2, 3, 4, max64};
    const std::array<std::int64_t, 5> echelles{1, 2, 100, milliard, max64};
    std::size_t cellules = 0;
    std::size_t refus = 0;
    for (const stockage st : {stockage::u8, stockage::i32, stockage::i64}) {
        for (const std::int64_t e : echelles) {
            for (const std::int64_t n : nums) {
                for (const std::int64_t d : dens) {
                    const std::optional<std::int64_t> attendu = selon_la_forme_normale(fraction{n, d}, e, st);
                    INFO(n << "/" << d << " x " << e << " in storage " << static_cast<int>(st));
                    CHECK(caqes::detail::a_l_echelle(fraction{n, d}, e, st) == attendu);
                    (attendu ? cellules : refus) += 1;
                }
            }
        }
    }
    CHECK(cellules > 100);
    CHECK(refus > 100);
}
