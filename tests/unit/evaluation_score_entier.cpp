// Integer scores over a grid's common denominator (evaluation/colonnes/score_entier.hpp): the
// same scores as the scalar score_volet whenever the grid's bound fits 64 bits, the grids whose
// bound does not fit left to the scalar path (which reports CAQES-E037 as before), and exact
// comparisons with a threshold on both sides of the 64-bit products.
#include "alea.hpp"
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <caqes/evaluation/colonnes/score_entier.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <vector>

using namespace caqes;

namespace {

using rationnel = boost::multiprecision::cpp_rational;
rationnel exact(fraction f) { return rationnel{f.num} / rationnel{f.den}; }

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t max32 = std::numeric_limits<std::int32_t>::max();

// The tests' reproducible generator (tests/support/alea.hpp).
using alea = essais::alea_essai;

// A 2017 contract over grids known at run time: the indicators of weights `poids`, the first
// `premier_volet` of them in the socle, the others in the transports volet.
struct grille_poids {
    std::vector<std::string> codes;
    std::vector<indicateur> grille;
    std::array<volet_modele, 2> volets{};
    modele_contrat_def def{};

    explicit grille_poids(const std::vector<fraction>& poids,
                          std::size_t premier_volet = std::numeric_limits<std::size_t>::max()) {
        for (std::size_t k = 0; k < poids.size(); ++k)
            codes.push_back("ILL-W" + std::to_string(k));
        for (std::size_t k = 0; k < poids.size(); ++k) {
            grille.push_back(
                evalmod::ind_taux(static_cast<std::uint32_t>(k + 1), codes[k], evalmod::validite_2017, poids[k]));
        }
        const std::size_t n = premier_volet < grille.size() ? premier_volet : grille.size();
        const std::span<const indicateur> tout{grille};
        volets[0] = {
            .volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = tout.first(n), .clauses = sanction};
        volets[1] = {.volet = volet_id::volet_transports,
                     .terme = duree_annees(3),
                     .grille = tout.subspan(n),
                     .clauses = sanction | interessement};
        def = {.nom = "poids choisis",
               .regime = regime_id::caqes_2017,
               .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
               .volets = std::span<const volet_modele>{volets}.first(n < grille.size() ? 2 : 1),
               .transition = politique_transition::arret_fin_regime};
    }
};

constexpr std::array<statut, 5> statuts{statut::atteint, statut::partiel, statut::non_atteint, statut::non_concerne,
                                        statut::non_renseigne};

// Every comparison a conclusion makes, on both representations of the same score.
template <class S>
void memes_comparaisons(const S& entier_, const score_volet& f, fraction seuil) {
    INFO("threshold " << seuil.num << "/" << seuil.den);
    CHECK(entier_.inferieur(seuil) == f.inferieur(seuil));
    CHECK(entier_.au_moins(seuil) == f.au_moins(seuil));
    CHECK(entier_.au_moins(seuil) == (f.valeur() >= seuil));
}

}  // namespace

TEST_CASE("score_entier: D is the lcm of the weights' denominators times the partial share's, SW their sum over D",
          "[evaluation][score_entier]") {
    // def_2017: weights 2, 1, 1 | 1, 1 | 1, 1 | 1, all whole; "partiel" earns 1/2.
    const borne_grille b = denominateur_commun(evalmod::def_2017, {});
    CHECK_FALSE(b.scalaire_seulement());
    CHECK(b.denominateur == 2);
    CHECK(b.somme_poids == 18);
    CHECK(b.poids_entier(entier(2)) == 4);

    politique_grille tiers{};
    tiers.part_partielle = {2, 6};  // 1/3 once reduced
    CHECK(denominateur_commun(evalmod::def_2017, tiers).denominateur == 3);
    CHECK(denominateur_commun(evalmod::def_2017, tiers).somme_poids == 27);
    politique_grille rien{};
    rien.part_partielle = {0, 1};
    CHECK(denominateur_commun(evalmod::def_2017, rien).denominateur == 1);

    // A weight of 1/2 and a share of 1/2: lcm would give 2, and W = 1 would earn half a point;
    // the product gives D = 4, W = 2, one point.
    const grille_poids demi{{fraction{1, 2}, fraction{3, 4}, fraction{5, 6}}};
    const borne_grille bd = denominateur_commun(demi.def, {});
    CHECK(bd.denominateur == 24);
    CHECK(bd.somme_poids == 12 + 18 + 20);
    CHECK(gain_de(statut::partiel, bd.poids_entier({1, 2}), {}).points == 6);
    CHECK(gain_de(statut::partiel, bd.poids_entier({1, 2}), {}).ok);

    // gain_de at D near the 64-bit limit: W x 999 999 999 leaves 64 bits, W x the share does not.
    politique_grille fine{};
    fine.part_partielle = {999'999'999, 1'000'000'000};
    const std::int64_t W = std::int64_t{1'000'000'000} << 33;
    CHECK(gain_de(statut::partiel, W, fine).ok);
    CHECK(gain_de(statut::partiel, W, fine).points == (std::int64_t{999'999'999} << 33));
    CHECK_FALSE(gain_de(statut::partiel, W + 1, fine).ok);  // not a multiple of the share's denominator

    // Refused, with the reason: a weight that is not positive. (A share outside [0, 1] cannot
    // reach a policy: CAQES-E047, tests/unit/evaluation_part.cpp.)
    CHECK(denominateur_commun(grille_poids{{entier(1), entier(0)}}.def, {}).raison == raison_scalaire::poids_invalide);
    CHECK(denominateur_commun(grille_poids{{entier(1), entier(1)}}.def, {}).raison == raison_scalaire::aucune);

    // Constant for a compile-time grid.
    STATIC_REQUIRE(denominateur_commun(evalmod::def_2017, {}).somme_poids == 18);
    STATIC_REQUIRE(denominateur_commun(evalmod::def_2022, {}).denominateur == 2);
}

TEST_CASE("score_entier: weights 1/3 ... 1/31 and seven of 1 fit, and give the score of cpp_rational and of evaluer",
          "[evaluation][score_entier]") {
    std::vector<fraction> poids;
    for (std::int64_t k = 3; k <= 31; ++k)
        poids.push_back({1, k});
    for (int k = 0; k < 7; ++k)
        poids.push_back(entier(1));
    const grille_poids g{poids};
    REQUIRE(validate(g.def).empty());
    const borne_grille b = denominateur_commun(g.def, {});
    REQUIRE_FALSE(b.scalaire_seulement());
    CHECK(b.denominateur == 144'403'552'893'600);   // 2 x lcm(3, ..., 31)
    CHECK(b.somme_poids == 1'375'768'055'509'514);  // above 2^31: 64-bit lanes
    CHECK(b.somme_poids > max32);

    // Met everywhere but on the 1/5 indicator and one of weight 1 (issue 8, defect 2).
    std::vector<valeurs_indicateur> v(poids.size(), evalmod::taux_de(60));
    v[2] = evalmod::taux_de(10);
    v[29] = evalmod::taux_de(10);
    rationnel points = 0;
    rationnel total = 0;
    score_entier<std::int64_t> e{};
    for (std::size_t k = 0; k < poids.size(); ++k) {
        total += exact(poids[k]);
        const statut s = k != 2 && k != 29 ? statut::atteint : statut::non_atteint;
        if (s == statut::atteint) points += exact(poids[k]);
        e.ajouter(b.poids_entier(poids[k]), s, {});
    }
    CHECK(exact(e.valeur()) == points / total);
    CHECK(e.poids == b.somme_poids);

    const resultat_evaluation res = evaluer(evalmod::valide({g.def, 2018, v, euros(20'000'000)}));
    REQUIRE(res.ok());
    CHECK(e.valeur() == res.volets[0].score.valeur());
    memes_comparaisons(e, res.volets[0].score, {3, 4});
    memes_comparaisons(e, res.volets[0].score, res.volets[0].score.valeur());
    CHECK(e.au_moins(res.volets[0].score.valeur()));
    CHECK_FALSE(e.inferieur(res.volets[0].score.valeur()));
}

TEST_CASE("score_entier equals score_volet on random grids whenever SW fits, for every policy and status",
          "[evaluation][score_entier]") {
    alea a{20170423};
    const std::array<part, 8> parts{
        {{0, 1}, {1, 2}, {1, 3}, {2, 5}, {1, 1}, {7, 10}, {999, 1000}, {123'456'789, 1'000'000'000}}};
    int en_colonnes = 0;
    int en_32_bits = 0;
    int scalaires = 0;
    int scalaires_e037 = 0;
    int comparaisons = 0;
    std::set<raison_scalaire> raisons;
    for (int cas = 0; cas < 20'000; ++cas) {
        // Denominators mostly small, some up to 10^6, a few large primes (the E037 grids).
        const std::int64_t n = a.entre(1, 9);
        std::vector<fraction> poids;
        for (std::int64_t k = 0; k < n; ++k) {
            const std::int64_t tirage = a.entre(0, 9);
            const std::int64_t den = tirage < 6   ? a.entre(1, 12)
                                     : tirage < 9 ? a.entre(1, 1'000'000)
                                                  : 999'999'937 - 2 * a.entre(0, 30);
            poids.push_back({a.entre(1, tirage < 8 ? 1'000 : 1'000'000'000), den});
        }
        politique_grille pol{};
        pol.part_partielle = parts[static_cast<std::size_t>(a.entre(0, 7))];
        pol.non_concerne = a.entre(0, 1) == 0 ? compte_non_concerne::exclu : compte_non_concerne::atteint;
        pol.non_renseigne = a.entre(0, 1) == 0 ? compte_non_renseigne::non_atteint : compte_non_renseigne::exclu;
        const grille_poids g{poids, static_cast<std::size_t>(a.entre(0, n))};
        const borne_grille b = denominateur_commun(g.def, pol);

        std::array<score_volet, 2> f{};
        std::array<score_entier<std::int64_t>, 2> e64{};
        std::array<score_entier<std::int32_t>, 2> e32{};
        const bool etroit = !b.scalaire_seulement() && b.somme_poids <= max32;
        std::size_t k = 0;
        for (std::size_t iv = 0; iv < g.def.volets.size(); ++iv) {
            for (const indicateur& ind : g.def.volets[iv].grille) {
                const statut s = statuts[static_cast<std::size_t>(a.entre(0, 4))];
                f[iv].ajouter(ind.poids, s, pol, ind.id);
                if (!b.scalaire_seulement()) e64[iv].ajouter(b.poids_entier(ind.poids), s, pol);
                if (etroit) e32[iv].ajouter(b.poids_entier(ind.poids), s, pol);
                ++k;
            }
        }
        score_volet fg = f[0];
        fg.fusionner(f[1]);
        if (b.scalaire_seulement()) {
            ++scalaires;
            raisons.insert(b.raison);
            scalaires_e037 += fg.depasse() ? 1 : 0;
            continue;
        }
        ++en_colonnes;
        score_entier<std::int64_t> eg = e64[0];
        eg.fusionner(e64[1]);
        // The bound of docs/design-columnar.md 1.2: when SW fits, the scalar path cannot overflow.
        REQUIRE_FALSE(f[0].depasse());
        REQUIRE_FALSE(f[1].depasse());
        REQUIRE_FALSE(fg.depasse());
        const auto meme = [&](const auto& x, const score_volet& y) {
            INFO("case " << cas);
            CHECK(x.defini() == y.defini());
            CHECK_FALSE(x.depasse());
            CHECK(x.valeur() == y.valeur());
            CHECK(x.valeur().den == y.valeur().den);  // both reduced
            for (const fraction seuil :
                 {fraction{1, 2}, fraction{3, 4}, entier(1), entier(0), y.valeur(), fraction{a.entre(0, 1'000), 997}}) {
                memes_comparaisons(x, y, seuil);
                ++comparaisons;
            }
        };
        meme(e64[0], f[0]);
        meme(e64[1], f[1]);
        meme(eg, fg);
        CHECK(eg.poids <= b.somme_poids);
        CHECK(eg.points <= eg.poids);
        if (etroit) {
            ++en_32_bits;
            score_entier<std::int32_t> eg32 = e32[0];
            eg32.fusionner(e32[1]);
            meme(e32[0], f[0]);
            meme(eg32, fg);
        }
    }
    // Every branch was taken often enough for the test to mean something.
    CHECK(en_colonnes + scalaires == 20'000);
    CHECK(en_colonnes > 10'000);
    CHECK(en_32_bits > 3'000);
    CHECK(en_colonnes - en_32_bits > 1'000);
    CHECK(scalaires > 1'000);
    CHECK(scalaires_e037 > 100);        // on some of them the scalar path does overflow
    CHECK(scalaires_e037 < scalaires);  // on others it reduces its way through
    CHECK(raisons.count(raison_scalaire::denominateur_trop_grand) == 1);
    CHECK(comparaisons > 100'000);
}

TEST_CASE("a grid whose D or SW does not fit 64 bits is scalaire_seulement, and the scalar path reports CAQES-E037",
          "[evaluation][score_entier]") {
    // Co-prime denominators near 10^9 (the E037 case of evaluation_mesusage.cpp): D does not fit.
    const grille_poids g{
        {fraction{1, 999'999'937}, fraction{1, 999'999'929}, fraction{1, 999'999'893}, fraction{1, 999'999'883}}};
    REQUIRE(validate(g.def).empty());
    const borne_grille b = denominateur_commun(g.def, {});
    CHECK(b.scalaire_seulement());
    CHECK(b.raison == raison_scalaire::denominateur_trop_grand);
    const resultat_evaluation res = evaluer(
        evalmod::valide({g.def, 2018, std::vector<valeurs_indicateur>(4, evalmod::taux_de(10)), euros(20'000'000)}));
    CHECK(res.erreur == regle::depassement_score);
    CHECK(res.volet_erreur == 0);
    CHECK(res.indicateur_erreur == 3);
    CHECK(res.total_sanctions == centimes{0});

    // Two of them fit: D = 2 x p1 x p2 (about 2 x 10^18), SW above 2^31, and no E037.
    const grille_poids deux{{fraction{1, 999'999'937}, fraction{1, 999'999'929}}};
    const borne_grille bd = denominateur_commun(deux.def, {});
    REQUIRE_FALSE(bd.scalaire_seulement());
    CHECK(bd.denominateur == 1'999'999'732'000'008'946);
    CHECK(bd.somme_poids == 3'999'999'732);
    const resultat_evaluation ok =
        evaluer(evalmod::valide({deux.def, 2018, {evalmod::taux_de(10), evalmod::taux_de(60)}, euros(20'000'000)}));
    REQUIRE(ok.ok());
    score_entier<std::int64_t> e{};
    e.ajouter(bd.poids_entier({1, 999'999'937}), statut::non_atteint, {});
    e.ajouter(bd.poids_entier({1, 999'999'929}), statut::atteint, {});
    CHECK(e.valeur() == ok.volets[0].score.valeur());
    CHECK(e.valeur() == fraction{999'999'937, 1'999'999'866});

    // Whole weights whose sum leaves 64 bits: D = 2 fits, SW = 2^64 does not; the scalar sum of
    // the weights, 2^63, does not fit either.
    const grille_poids lourds{{entier(std::int64_t{1} << 62), entier(std::int64_t{1} << 62)}};
    REQUIRE(validate(lourds.def).empty());
    CHECK(denominateur_commun(lourds.def, {}).raison == raison_scalaire::somme_trop_grande);
    const resultat_evaluation lourd = evaluer(
        evalmod::valide({lourds.def, 2018, std::vector<valeurs_indicateur>(2, evalmod::taux_de(10)), euros(1'000)}));
    CHECK(lourd.erreur == regle::depassement_score);
    // One less and they fit, scalar and integer alike.
    const grille_poids moins{{entier((std::int64_t{1} << 61) - 1), entier((std::int64_t{1} << 61) - 1)}};
    CHECK_FALSE(denominateur_commun(moins.def, {}).scalaire_seulement());
    CHECK(evaluer(evalmod::valide(
                      {moins.def, 2018, std::vector<valeurs_indicateur>(2, evalmod::taux_de(10)), euros(1'000)}))
              .ok());
}

TEST_CASE("score_entier comparisons are exact on both sides of the 64-bit cross products",
          "[evaluation][score_entier]") {
    constexpr std::int64_t deux62 = std::int64_t{1} << 62;
    // P x 2 is 2^63 - 2 (64 bits) or 2^63 (128 bits); the exact answers, written out.
    const score_entier<std::int64_t> juste{deux62 - 1, deux62};
    CHECK(juste.inferieur({1, 1}));
    CHECK(juste.au_moins({1, 2}));
    CHECK_FALSE(juste.au_moins({deux62, deux62 - 1}));
    const score_entier<std::int64_t> depasse_64{deux62, deux62 + 1};
    CHECK(depasse_64.au_moins({1, 2}));
    CHECK(depasse_64.inferieur({deux62 + 1, deux62 + 2}));  // x/(x+1) < (x+1)/(x+2)
    CHECK(depasse_64.au_moins({deux62, deux62 + 1}));
    CHECK_FALSE(depasse_64.inferieur({deux62, deux62 + 1}));
    const score_entier<std::int64_t> plein{max64 - 1, max64};
    CHECK(plein.au_moins({max64 - 1, max64}));
    CHECK(plein.inferieur({max64 - 2, max64 - 1}) == false);  // (m-1)/m > (m-2)/(m-1)
    CHECK(plein.inferieur({1, 1}));
    // A negative denominator, and the most negative numerator.
    CHECK(juste.au_moins({-1, -2}));
    CHECK(juste.au_moins({std::numeric_limits<std::int64_t>::min(), 1}));
    // 32-bit lanes: P and W below 2^31, a threshold of 64-bit terms.
    const score_entier<std::int32_t> e32{static_cast<std::int32_t>(max32 - 1), static_cast<std::int32_t>(max32)};
    CHECK(e32.au_moins({max32 - 1, max32}));
    CHECK(e32.inferieur({max64 - 1, max64}));
    CHECK_FALSE(e32.inferieur({(max32 - 1) * 3, max32 * 3}));
    // Undefined: 0, as score_volet's valeur() is.
    const score_entier<std::int32_t> vide{};
    CHECK(vide.inferieur({1, 2}) == score_volet{}.inferieur({1, 2}));
    CHECK(vide.au_moins(entier(0)) == score_volet{}.au_moins(entier(0)));
    CHECK(vide.valeur() == score_volet{}.valeur());

    // Random scores and thresholds near the limits, against cpp_rational; both widths are taken.
    alea a{42};
    int en_64 = 0;
    int en_128 = 0;
    for (int cas = 0; cas < 100'000; ++cas) {
        const std::int64_t w = a.entre(1, cas % 2 == 0 ? max64 : 1'000'000);
        const score_entier<std::int64_t> e{a.entre(0, w), w};
        const std::int64_t den = a.entre(1, cas % 3 == 0 ? max64 : 1'000);
        const fraction seuil{a.entre(0, den), den};
        std::int64_t x = 0;
        const bool large =
            __builtin_mul_overflow(e.points, seuil.den, &x) || __builtin_mul_overflow(seuil.num, e.poids, &x);
        (large ? en_128 : en_64) += 1;
        const rationnel score = rationnel{e.points} / rationnel{e.poids};
        const rationnel s = rationnel{seuil.num} / rationnel{seuil.den};
        if (e.inferieur(seuil) != (score < s) || e.au_moins(seuil) != (score >= s))
            FAIL("case " << cas << ": " << e.points << "/" << e.poids << " against " << seuil.num << "/" << seuil.den);
    }
    CHECK(en_64 > 20'000);
    CHECK(en_128 > 20'000);
}

TEST_CASE("score_entier: each reason a grid leaves the columns has a text of its own", "[evaluation][score_entier]") {
    std::set<std::string_view> textes;
    for (const raison_scalaire r :
         {raison_scalaire::aucune, raison_scalaire::poids_invalide, raison_scalaire::denominateur_trop_grand,
          raison_scalaire::somme_trop_grande, raison_scalaire::echelle_trop_grande, raison_scalaire::seuil_hors_colonne,
          raison_scalaire::tolerance_hors_colonne}) {
        CHECK(texte(r) != "?");
        textes.insert(texte(r));
    }
    CHECK(textes.size() == 7);
}
