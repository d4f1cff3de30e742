// Evaluation: achievement of one indicator, referentiels, missing values, volet scores.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

using namespace caqes;
using evalmod::validite_2017;

namespace {

resultat_indicateur evaluer_seul(const indicateur& ind, const valeurs_indicateur& v, const politique_grille& pol = {}) {
    return evaluer_indicateur(ind, planifier(ind), v, pol);
}

valeurs_indicateur taux_exact(std::int64_t num, std::int64_t den) {
    return evalmod::une(valeur_mesure::de(quantite<grandeur::taux>{fraction{num, den}}));
}

}  // namespace

TEST_CASE("achievement, higher is better: the target itself is met, below is not", "[evaluation][realisation]") {
    const indicateur ind = evalmod::ind_taux(1, "T", validite_2017);  // target 49 %
    CHECK(evaluer_seul(ind, evalmod::taux_de(49)).s == statut::atteint);
    CHECK(evaluer_seul(ind, evalmod::taux_de(60)).s == statut::atteint);
    const resultat_indicateur dessous = evaluer_seul(ind, taux_exact(4899, 10'000));
    CHECK(dessous.s == statut::non_atteint);
    CHECK(realisation(dessous.s, {}) == entier(0));
    CHECK(dessous.compte);
    CHECK(realisation(evaluer_seul(ind, evalmod::taux_de(49)).s, {}) == entier(1));
}

TEST_CASE("achievement, lower is better: the target itself is met, above is not", "[evaluation][realisation]") {
    const indicateur ind = evalmod::ind_nombre(1, "N", validite_2017);  // target 1 000
    CHECK(evaluer_seul(ind, evalmod::nombre(1'000)).s == statut::atteint);
    CHECK(evaluer_seul(ind, evalmod::nombre(0)).s == statut::atteint);
    CHECK(evaluer_seul(ind, evalmod::nombre(1'001)).s == statut::non_atteint);
}

TEST_CASE("tolerance: within it (boundary included) is partial, past it is not met", "[evaluation][realisation]") {
    politique_grille pol{};
    pol.tolerance = {2, 100};  // 2 points of rate
    pol.part_partielle = {1, 3};
    const indicateur haut = evalmod::ind_taux(1, "T", validite_2017);
    const resultat_indicateur p = evaluer_seul(haut, evalmod::taux_de(47), pol);
    CHECK(p.s == statut::partiel);
    CHECK(realisation(p.s, pol) == fraction{1, 3});
    CHECK(evaluer_seul(haut, evalmod::taux_de(48), pol).s == statut::partiel);
    CHECK(evaluer_seul(haut, taux_exact(4699, 10'000), pol).s == statut::non_atteint);

    politique_grille pol_n{};
    pol_n.tolerance = {10, 1};
    const indicateur bas = evalmod::ind_nombre(2, "N", validite_2017);
    CHECK(evaluer_seul(bas, evalmod::nombre(1'010), pol_n).s == statut::partiel);
    CHECK(evaluer_seul(bas, evalmod::nombre(1'011), pol_n).s == statut::non_atteint);
    // Without a tolerance, one unit past the target is simply not met.
    CHECK(evaluer_seul(bas, evalmod::nombre(1'001)).s == statut::non_atteint);
}

TEST_CASE("echelle: oui is met, partiel earns the grid's partial share, non is not met", "[evaluation][realisation]") {
    const indicateur ind = evalmod::ind_echelle(1, "E", validite_2017);
    CHECK(evaluer_seul(ind, evalmod::echelle_de(echelle_oui)).s == statut::atteint);
    const resultat_indicateur p = evaluer_seul(ind, evalmod::echelle_de(echelle_partiel));
    CHECK(p.s == statut::partiel);
    CHECK(realisation(p.s, {}) == fraction{1, 2});
    politique_grille pol{};
    pol.part_partielle = {1, 4};
    CHECK(realisation(evaluer_seul(ind, evalmod::echelle_de(echelle_partiel), pol).s, pol) == fraction{1, 4});
    CHECK(evaluer_seul(ind, evalmod::echelle_de(echelle_non)).s == statut::non_atteint);
}

TEST_CASE("referentiel: 'fewer than 8 500 boxes' is strict, 8 500 boxes do not meet it", "[evaluation][realisation]") {
    const indicateur& ipp = referentiels::indicateur_2022_ipp;
    auto valeurs = [](std::int64_t boites) {
        return valeurs_indicateur{{valeur_mesure::de(nombre_de(boites)), valeur_mesure::de(montant_euros(50'000)),
                                   valeur_mesure::de(evolution_pourcent(-6))}};
    };
    CHECK(evaluer_seul(ipp, valeurs(8'500)).referentiel == referentiel_etat::non_atteint);
    CHECK(evaluer_seul(ipp, valeurs(8'499)).referentiel == referentiel_etat::atteint);
    // The status follows the target (-5 % of spending), not the targeting measure.
    CHECK(evaluer_seul(ipp, valeurs(8'500)).s == statut::atteint);
}

TEST_CASE("referentiel: 'or' conditions, any one met is enough, equality meets neither", "[evaluation][realisation]") {
    const indicateur& perf = referentiels::indicateur_2022_perfadom;
    auto valeurs = [](std::int64_t euros_, std::int64_t part) {
        return valeurs_indicateur{{valeur_mesure::de(montant_euros(euros_)), valeur_mesure::de(taux_pourcent(part)),
                                   valeur_mesure::de(evolution_pourcent(-5))}};
    };
    CHECK(evaluer_seul(perf, valeurs(150'000, 79)).referentiel == referentiel_etat::atteint);
    CHECK(evaluer_seul(perf, valeurs(99'999, 95)).referentiel == referentiel_etat::atteint);
    CHECK(evaluer_seul(perf, valeurs(100'000, 80)).referentiel == referentiel_etat::non_atteint);
    CHECK(evaluer_seul(perf, valeurs(150'000, 80)).s == statut::atteint);  // -5 % is the target itself
}

TEST_CASE("referentiel without target: one 'or' condition met decides even when the other measure is missing",
          "[evaluation][realisation]") {
    // Engine bug fixed: a missing measure used to make the indicator non renseigne although the
    // other condition of the "or" was met.
    const indicateur& amb = referentiels::indicateur_2022_ambulances;
    const resultat_indicateur met =
        evaluer_seul(amb, {{valeur_mesure::de(taux_pourcent(10)), valeur_mesure::non_renseignee()}});
    CHECK(met.referentiel == referentiel_etat::atteint);
    CHECK(met.s == statut::atteint);
    CHECK(met.compte);
    const resultat_indicateur indecis =
        evaluer_seul(amb, {{valeur_mesure::de(taux_pourcent(30)), valeur_mesure::non_renseignee()}});
    CHECK(indecis.referentiel == referentiel_etat::sans_objet);
    CHECK(indecis.s == statut::non_renseigne);
    const resultat_indicateur rate =
        evaluer_seul(amb, {{valeur_mesure::de(taux_pourcent(20)), valeur_mesure::de(montant_euros(400'000))}});
    CHECK(rate.s == statut::non_atteint);
}

TEST_CASE("non concerne and non renseigne count as the grid's policy says", "[evaluation][realisation]") {
    const indicateur ind = evalmod::ind_taux(1, "T", validite_2017);
    const valeurs_indicateur nc = evalmod::une(valeur_mesure::non_concernee());
    const valeurs_indicateur nr = evalmod::une(valeur_mesure::non_renseignee());

    // Defaults: non concerne leaves the denominator, non renseigne is a missed objective.
    const resultat_indicateur a = evaluer_seul(ind, nc);
    CHECK(a.s == statut::non_concerne);
    CHECK_FALSE(a.compte);
    const resultat_indicateur b = evaluer_seul(ind, nr);
    CHECK(b.s == statut::non_renseigne);
    CHECK(b.compte);
    CHECK(realisation(b.s, {}) == entier(0));

    politique_grille autre{};
    autre.non_concerne = compte_non_concerne::atteint;
    autre.non_renseigne = compte_non_renseigne::exclu;
    const resultat_indicateur c = evaluer_seul(ind, nc, autre);
    CHECK(c.s == statut::non_concerne);
    CHECK(c.compte);
    CHECK(realisation(c.s, autre) == entier(1));
    const resultat_indicateur d = evaluer_seul(ind, nr, autre);
    CHECK(d.s == statut::non_renseigne);
    CHECK_FALSE(d.compte);
}

TEST_CASE("every indicator non concerne: the score is undefined and there is no outcome", "[evaluation][realisation]") {
    using evalmod::def_2017;
    std::vector<valeurs_indicateur> v(nombre_indicateurs(def_2017), evalmod::une(valeur_mesure::non_concernee()));
    const rapport_valide_pour<def_2017> r = evalmod::valide<def_2017>({def_2017, 2018, v, evalmod::base_80m});
    const resultat_evaluation res = evaluateur<def_2017>::evaluer(r);
    REQUIRE(res.nombre_volets == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK_FALSE(res.volets[i].score.defini());
        CHECK_FALSE(res.volets[i].principale.presente());
    }
    CHECK(res.total_sanctions == centimes{0});

    // Counted as met instead, the same report scores 1 everywhere and still gives no sanction.
    politique_grille pol{};
    pol.non_concerne = compte_non_concerne::atteint;
    const resultat_evaluation res2 = evaluateur<def_2017>::evaluer(r, pol);
    CHECK(res2.volets[0].score.defini());
    CHECK(res2.volets[0].score.valeur() == entier(1));
    CHECK_FALSE(res2.volets[0].principale.presente());
}

// [docs:exemple-score]
TEST_CASE("worked example 1: weighted socle score 5/8 gives the 0.5 % step", "[evaluation][realisation][doc]") {
    using namespace caqes;
    using evalmod::def_2017;
    // The report names each value by its indicator's code and its measure's code.
    auto une = [](std::string_view code, std::string_view mesure, valeur_mesure v) {
        return saisie_indicateur{.indicateur = code, .mesures = {{{mesure, v}}}};
    };
    const std::array<saisie_indicateur, 8> valeurs{{
        // Socle: ILL-S1 (weight 2) met, ILL-S2 partial, ILL-S3 not met.
        une("ILL-S1", "taux", valeur_mesure::de(taux_pourcent(52))),   // >= 49 %: met, 2 x 1
        une("ILL-S2", "echelle", valeur_mesure::de(echelle_partiel)),  // partial: 1 x 1/2
        une("ILL-S3", "nombre", valeur_mesure::de(nombre_de(1'200))),  // > 1 000: not met, 1 x 0
        // The other volets: all met.
        une("ILL-T1", "taux", valeur_mesure::de(taux_pourcent(60))),
        une("ILL-T2", "nombre", valeur_mesure::de(nombre_de(800))),
        une("ILL-P1", "echelle", valeur_mesure::de(echelle_oui)),
        une("ILL-P2", "taux", valeur_mesure::de(taux_pourcent(60))),
        une("ILL-A1", "nombre", valeur_mesure::de(nombre_de(800))),
    }};
    const rapport_annuel r{.exercice = 2018,
                           .activites_etablissement = activite_mco,
                           .produits_assurance_maladie = euros(10'000'000),
                           .valeurs = valeurs};
    const parametres_evaluation p{};  // the illustrative scale
    const resultat_validation<rapport_valide_pour<def_2017>> v = validate<def_2017>(r, p);
    REQUIRE(v.ok());  // else v.erreurs() says what is wrong, and where
    const resultat_evaluation res = evaluateur<def_2017>::evaluer(v.valeur());

    CHECK(res.volets[0].score.valeur() == fraction{5, 8});  // (2 + 1/2 + 0) / 4
    // 5/8 is below 3/4 but not below 1/2: the illustrative scale's 0.5 % step.
    CHECK(res.volets[0].principale.nature == nature_proposition::sanction_volet);
    CHECK(res.volets[0].principale.montant == euros(50'000));   // 10 M EUR x 0.5 %
    CHECK(res.volets[0].principale.plafond == euros(100'000));  // 1 % cap
    CHECK_FALSE(res.volets[0].principale.plafond_atteint);
    CHECK(res.volets[0].principale.illustratif);
}
// [docs:exemple-score]

TEST_CASE("gain_de: the one rule from a status to points, 5 statuses x 4 policies, over fractions and integers",
          "[evaluation][realisation][gain]") {
    struct attendu {
        statut s;
        compte_non_concerne nc;
        compte_non_renseigne nr;
        fraction points;  // for a weight of 3/4 and a partial share of 1/3
        fraction poids;
        std::int64_t points_entiers;  // for W = 9 (3/4 at the common denominator 12)
        std::int64_t poids_entier;
    };
    using cnc = compte_non_concerne;
    using cnr = compte_non_renseigne;
    const fraction zero{0, 1};
    const fraction w{3, 4};
    std::vector<attendu> cas;
    for (const cnc nc : {cnc::exclu, cnc::atteint}) {
        for (const cnr nr : {cnr::non_atteint, cnr::exclu}) {
            // An evaluated indicator counts whatever the policy: met earns its weight, partial a
            // third of it, not met nothing.
            cas.push_back({statut::atteint, nc, nr, w, w, 9, 9});
            cas.push_back({statut::partiel, nc, nr, {1, 4}, w, 3, 9});
            cas.push_back({statut::non_atteint, nc, nr, zero, w, 0, 9});
            // Non concerne: out of the score, or counted as met.
            if (nc == cnc::exclu) {
                cas.push_back({statut::non_concerne, nc, nr, zero, zero, 0, 0});
            } else {
                cas.push_back({statut::non_concerne, nc, nr, w, w, 9, 9});
            }
            // Non renseigne: a missed objective, or out of the score.
            if (nr == cnr::non_atteint) {
                cas.push_back({statut::non_renseigne, nc, nr, zero, w, 0, 9});
            } else {
                cas.push_back({statut::non_renseigne, nc, nr, zero, zero, 0, 0});
            }
        }
    }
    REQUIRE(cas.size() == 20);
    for (const attendu& a : cas) {
        politique_grille pol{};
        pol.non_concerne = a.nc;
        pol.non_renseigne = a.nr;
        pol.part_partielle = {1, 3};
        CAPTURE(static_cast<int>(a.s), static_cast<int>(a.nc), static_cast<int>(a.nr));
        const gain<fraction> g = gain_de(a.s, w, pol);
        CHECK(g.ok);
        CHECK(g.points == a.points);
        CHECK(g.poids == a.poids);
        CHECK(compte(a.s, pol) == a.poids.positive());
        const gain<std::int64_t> e = gain_de(a.s, std::int64_t{9}, pol);
        CHECK(e.ok);
        CHECK(e.points == a.points_entiers);
        CHECK(e.poids == a.poids_entier);
        // The score adds exactly what gain_de says.
        score_volet sv{};
        sv.ajouter(w, a.s, pol, 1);
        CHECK(sv.points == a.points);
        CHECK(sv.poids == a.poids);
    }
    politique_grille tiers{};
    tiers.part_partielle = {2, 3};
    // Integers: a weight whose partial share is not an integer is refused, never truncated.
    CHECK_FALSE(gain_de(statut::partiel, std::int64_t{10}, tiers).ok);
    CHECK(gain_de(statut::atteint, std::int64_t{10}, tiers).points == 10);
    // Fractions: points that do not fit 64 bits are reported (CAQES-E037), and the score stops there.
    const fraction enorme{std::numeric_limits<std::int64_t>::max(), 1};
    CHECK_FALSE(gain_de(statut::partiel, enorme, tiers).ok);
    score_volet sv{};
    sv.ajouter(enorme, statut::partiel, tiers, 42);
    CHECK(sv.depassement);
    CHECK(sv.indicateur_depasse == 42);
}
