// Evaluation: properties over generated inputs (a deterministic PRNG, a few thousand cases).
#include "evaluation_modeles.hpp"
#include "meme_resultat.hpp"
#include "outils.hpp"

#include <cstdint>

using namespace caqes;
using evalmod::def_2017;

namespace {

// splitmix64: small, deterministic, good enough to spread cases.
struct generateur {
    std::uint64_t etat;
    std::uint64_t suivant() {
        std::uint64_t z = (etat += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    // Uniform in [a, b].
    std::int64_t entre(std::int64_t a, std::int64_t b) {
        return a + static_cast<std::int64_t>(suivant() % static_cast<std::uint64_t>(b - a + 1));
    }
    bool pile(int sur) { return entre(1, sur) == 1; }
};

valeur_mesure valeur_au_hasard(generateur& g, type_mesure t) {
    if (g.pile(10)) return valeur_mesure::non_concernee();
    if (g.pile(10)) return valeur_mesure::non_renseignee();
    switch (t) {
        case type_mesure::taux:
            return {etat_valeur::renseignee, t, fraction{g.entre(0, 1'000), 1'000}.normalisee()};
        case type_mesure::nombre:
            return {etat_valeur::renseignee, t, entier(g.entre(0, 2'000))};
        case type_mesure::echelle:
            return {etat_valeur::renseignee, t, entier(g.entre(0, 2))};
        default:
            return {etat_valeur::renseignee, t, entier(0)};
    }
}

struct cas {
    evalmod::rapport_essai essai;
    parametres_evaluation parametres;
    politique_grille politique;
};

// A report and parameters for def_2017. The scale is monotone (a lower score never gets a
// lower rate, CAQES-E034) and within the law (rates up to the 1 % cap, shares up to 30 % of
// the savings, CAQES-E050), as validation requires.
cas generer(generateur& g) {
    cas c{evalmod::rapport_essai(def_2017, 2018, {}), {}, {}};
    for (const auto& v : def_2017.volets) {
        for (const auto& ind : v.grille)
            c.essai.valeurs.push_back({{valeur_au_hasard(g, ind.mesures[0].type)}});
    }
    c.essai.r.produits_assurance_maladie = centimes{g.entre(0, 100'000'000'000)};
    for (auto& e : c.essai.economies)
        e = centimes{g.entre(-1'000'000'000, 1'000'000'000)};
    parametres_2017& p = c.parametres.p2017;
    const fraction s1{g.entre(1, 50), 100};
    const fraction s2{g.entre(51, 100), 100};
    const fraction t2{g.entre(0, 50), 10'000};
    const fraction t1{t2.num + g.entre(0, 50), 10'000};
    p.paliers = {{{s1, t1}, {s2, t2}, {}}};
    p.seuil_interessement = {g.entre(50, 100), 100};
    p.part_interessement = {g.entre(0, 300), 1'000};
    c.politique.tolerance = tolerance::depuis({g.pile(2) ? 0 : g.entre(0, 5), 100}, "tolerance").valeur();
    c.politique.part_partielle = part::depuis({g.entre(0, 10), 10}, "part_partielle").valeur();
    if (g.pile(2)) c.politique.non_concerne = compte_non_concerne::atteint;
    if (g.pile(2)) c.politique.non_renseigne = compte_non_renseigne::exclu;
    return c;
}

rapport_valide_pour<def_2017> valide(const cas& c) { return evalmod::valide<def_2017>(c.essai, c.parametres); }
resultat_evaluation compile(const cas& c) { return evaluateur<def_2017>::evaluer(valide(c), c.politique); }

using essais::meme_resultat;

// One indicator made better in its direction (or given a met value when it was missing).
// Returns false when the chosen indicator is non concerne (no "better" is defined for it).
bool ameliorer(generateur& g, cas& c, std::size_t k) {
    std::size_t n = 0;
    for (const auto& v : def_2017.volets) {
        for (const auto& ind : v.grille) {
            if (n++ != k) continue;
            valeur_mesure& x = c.essai.valeurs[k][0];
            if (x.etat == etat_valeur::non_concernee) return false;
            const type_mesure t = ind.mesures[0].type;
            if (x.etat == etat_valeur::non_renseignee) {
                x = {etat_valeur::renseignee, t, ind.objectif.valeur};
                return true;
            }
            switch (t) {
                case type_mesure::taux: {
                    const fraction nouvelle{x.v.num * 1'000 / x.v.den + g.entre(0, 200), 1'000};
                    x.v = nouvelle > entier(1) ? entier(1) : nouvelle.normalisee();
                    break;
                }
                case type_mesure::nombre:
                    x.v = entier(std::max<std::int64_t>(0, x.v.num - g.entre(0, 500)));
                    break;
                case type_mesure::echelle:
                    x.v = entier(std::min<std::int64_t>(2, x.v.num + 1));
                    break;
                default:
                    break;
            }
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("property: no cap is exceeded after rounding, and sanction and incentive never meet on a volet",
          "[evaluation][propriete]") {
    generateur g{20170423};
    int verifies = 0;
    for (int i = 0; i < 3'000; ++i) {
        const cas c = generer(g);
        const resultat_evaluation res = compile(c);
        const centimes base = c.essai.r.produits_assurance_maladie;
        const centimes cap_volet = appliquer_taux(base, {1, 100}).valeur;  // D.162-16 III 1 (2017)
        const centimes cap_global = appliquer_taux(base, {5, 100}).valeur;
        centimes somme{0};
        for (std::size_t v = 0; v < res.nombre_volets; ++v) {
            const proposition& p = res.volets[v].principale;
            CHECK_FALSE(p.depassement);
            if (p.nature == nature_proposition::sanction_volet) {
                CHECK(p.montant <= cap_volet);
                CHECK(p.montant >= centimes{0});
                const montant_calcule s = additionner(somme, p.montant);
                REQUIRE(s.ok);
                somme = s.valeur;
            } else if (p.nature == nature_proposition::interessement_volet) {
                // Never more than 30 % of that volet's savings, which must be positive.
                CHECK(*c.essai.economies[v] > centimes{0});
                CHECK(p.montant <= appliquer_taux(*c.essai.economies[v], {30, 100}).valeur);
                CHECK(v != 0);  // never on the socle
            } else {
                CHECK(p.nature == nature_proposition::aucune);
            }
            ++verifies;
        }
        CHECK(somme <= cap_global);
        CHECK(somme == res.total_sanctions);
    }
    CHECK(verifies == 3'000 * 4);
}

TEST_CASE("property: improving an indicator never increases a volet's sanction nor the total",
          "[evaluation][propriete]") {
    generateur g{20220101};
    int ameliorations = 0;
    for (int i = 0; i < 3'000; ++i) {
        cas c = generer(g);  // the law's 5 %: it cannot bind with four volets at 1 %
        const resultat_evaluation avant = compile(c);
        const std::size_t k =
            static_cast<std::size_t>(g.entre(0, static_cast<std::int64_t>(c.essai.valeurs.size()) - 1));
        if (!ameliorer(g, c, k)) continue;
        ++ameliorations;
        const resultat_evaluation apres = compile(c);
        CHECK_FALSE(apres.plafond_global_atteint);
        for (std::size_t v = 0; v < 4; ++v) {
            auto sanction_de = [](const resultat_evaluation& r, std::size_t x) {
                return r.volets[x].principale.nature == nature_proposition::sanction_volet
                           ? r.volets[x].principale.montant
                           : centimes{0};
            };
            CHECK(sanction_de(apres, v) <= sanction_de(avant, v));
        }
        CHECK(apres.total_sanctions <= avant.total_sanctions);
    }
    CHECK(ameliorations > 2'000);
}

TEST_CASE("property: the compile-time and run-time drivers, with or without a trace, agree",
          "[evaluation][propriete]") {
    generateur g{42};
    int compares = 0;
    for (int i = 0; i < 2'000; ++i) {
        const cas c = generer(g);
        const resultat_evaluation a = compile(c);
        sans_trace st;
        const rapport_valide_pour<def_2017> r = valide(c);
        const resultat_evaluation b = evaluer(r.rapport(), c.politique, st);
        caqes::trace t;
        const resultat_evaluation avec_trace = evaluateur<def_2017>::evaluer(r, c.politique, t);
        CHECK(meme_resultat(a, b));
        CHECK(meme_resultat(a, avec_trace));
        CHECK(t.lignes.size() == nombre_indicateurs(def_2017));
        ++compares;
    }
    CHECK(compares == 2'000);
}

TEST_CASE("property: the drivers agree on the 2022 and successor templates too", "[evaluation][propriete]") {
    generateur g{7};
    for (int i = 0; i < 500; ++i) {
        std::vector<valeurs_indicateur> v =
            g.pile(2) ? evalmod::tout_atteint(evalmod::def_2022) : evalmod::rien_atteint(evalmod::def_2022);
        v[static_cast<std::size_t>(g.entre(0, 4))] = evalmod::une(valeur_mesure::non_renseignee());
        evalmod::rapport_essai e(evalmod::def_2022, 2023, v);
        for (std::size_t iv = 0; iv < 3; ++iv)
            e.economies[iv] = centimes{g.entre(-1'000'000, 1'000'000)};
        parametres_evaluation p{};
        p.p2022.enveloppe_regionale = centimes{g.entre(0, 1'000'000)};
        const rapport_valide_pour<evalmod::def_2022> r = evalmod::valide<evalmod::def_2022>(e, p);
        sans_trace st;
        CHECK(meme_resultat(evaluateur<evalmod::def_2022>::evaluer(r), evaluer(r.rapport(), {}, st)));
    }
}
