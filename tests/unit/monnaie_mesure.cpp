// Money, exact fractions, measure kinds, typed comparisons and referentiels.
#include "outils.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string_view>

using caqes::fraction;
using caqes::type_mesure;

namespace {

// Whether two types can be added, ordered or compared for equality at all: the type-safety
// claims of nature.hpp, checked without a failing build.
template <class A, class B>
concept additionnables = requires(A a, B b) {
    a + b;
};
template <class A, class B>
concept soustractibles = requires(A a, B b) {
    a - b;
};
template <class A, class B>
concept ordonnables = requires(A a, B b) {
    a < b;
};
template <class A, class B>
concept egalables = requires(A a, B b) {
    a == b;
};

// A measured value per measure code, for est_atteint.
struct releve {
    std::string_view code;
    fraction valeur;
};

template <std::size_t N>
auto lecteur(const std::array<releve, N>& valeurs) {
    return [&valeurs](const caqes::condition& c) {
        for (const auto& r : valeurs) {
            if (r.code == c.mesure) return r.valeur;
        }
        FAIL_CHECK("no value for measure " << c.mesure);  // est_atteint is noexcept: no throw
        return fraction{};
    };
}

}  // namespace

TEST_CASE("centimes: amounts in cents, every sum checked", "[monnaie]") {
    using caqes::centimes;
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    CHECK(caqes::euros(5) == centimes{500});
    CHECK(caqes::euros(1) < centimes{101});
    // No unchecked + or -: a sum goes through additionner, which reports what does not fit.
    STATIC_REQUIRE_FALSE(additionnables<centimes, centimes>);
    STATIC_REQUIRE_FALSE(soustractibles<centimes, centimes>);
    CHECK(caqes::additionner(caqes::euros(5), centimes{25}).valeur == centimes{525});
    CHECK(caqes::additionner(caqes::euros(1), caqes::euros(-3)).valeur == centimes{-200});
    CHECK_FALSE(caqes::additionner(centimes{max}, centimes{1}).ok);
    // euros(e) is checked too: the largest amount whose cents fit, and the first that does not.
    CHECK(caqes::euros(max / 100) == centimes{max / 100 * 100});
    CHECK(caqes::euros(-(max / 100)) == centimes{-(max / 100) * 100});
    CHECK_THROWS_AS(caqes::euros(max / 100 + 1), std::out_of_range);
    CHECK_THROWS_AS(caqes::montant_euros(-(max / 100) - 2), std::out_of_range);
}

TEST_CASE("fraction: normalisation and sign", "[monnaie][fraction]") {
    const fraction a = fraction{2, 4}.normalisee();
    CHECK(a.num == 1);
    CHECK(a.den == 2);
    const fraction b = fraction{3, -6}.normalisee();
    CHECK(b.num == -1);
    CHECK(b.den == 2);
    const fraction c = fraction{-3, -6}.normalisee();
    CHECK(c.num == 1);
    CHECK(c.den == 2);
    const fraction z = fraction{0, 5}.normalisee();
    CHECK(z.num == 0);
    CHECK(z.den == 1);

    // A zero denominator is kept and reported by valide(), never divided by.
    const fraction nan = fraction{1, 0}.normalisee();
    CHECK(nan.den == 0);
    CHECK_FALSE(nan.valide());
    CHECK_FALSE(nan.positive());
    CHECK_FALSE(nan.negative());

    CHECK(fraction{1, 2}.positive());
    CHECK(fraction{-1, -2}.positive());
    CHECK_FALSE(fraction{-1, 2}.positive());
    CHECK(fraction{-1, 2}.negative());
    CHECK(fraction{1, -2}.negative());
    CHECK_FALSE(fraction{0, 3}.positive());
    CHECK_FALSE(fraction{0, 3}.negative());
}

TEST_CASE("fraction: exact comparisons, including beyond 64-bit cross products", "[monnaie][fraction]") {
    CHECK(fraction{1, 3} < fraction{1, 2});
    CHECK(fraction{2, 4} == fraction{1, 2});
    CHECK(fraction{2, -4} == fraction{-1, 2});
    CHECK(fraction{-1, 2} < fraction{1, -3});
    CHECK(fraction{1, 3} != fraction{333'333, 1'000'000});
    CHECK(caqes::entier(3) == fraction{6, 2});

    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    // (max/3) * 3 and (max/5) * 7 both overflow int64: only a 128-bit product orders them.
    const fraction gros_a{max / 3, 7};  // about max / 21
    const fraction gros_b{max / 5, 3};  // about max / 15
    CHECK(gros_a < gros_b);
    CHECK(gros_b > gros_a);
    CHECK(gros_a != gros_b);
    CHECK(fraction{max - 1, max} < fraction{max, max - 1});
    CHECK(fraction{max, max} == caqes::entier(1));
    CHECK(fraction{-max, 1} < fraction{max, 1});
}

TEST_CASE("pourcentage and entier build exact rates", "[monnaie][fraction]") {
    CHECK(caqes::pourcentage(22, 10) == fraction{22, 1000});
    CHECK(caqes::pourcentage(22, 10).num == 11);
    CHECK(caqes::pourcentage(22, 10).den == 500);
    CHECK(caqes::pourcentage(50) == fraction{1, 2});
    CHECK(caqes::pourcentage(-5) == fraction{-1, 20});
    CHECK(caqes::entier(7) == fraction{7, 1});
}

TEST_CASE("dans_domaine accepts and rejects per measure kind", "[mesure][domaine]") {
    using caqes::dans_domaine;
    using caqes::entier;

    SECTION("montant: non-negative integer cents") {
        CHECK(dans_domaine(type_mesure::montant, entier(0)));
        CHECK(dans_domaine(type_mesure::montant, entier(50'000'000)));
        CHECK_FALSE(dans_domaine(type_mesure::montant, entier(-1)));
        CHECK_FALSE(dans_domaine(type_mesure::montant, fraction{1, 2}));
    }
    SECTION("montant_signe: any integer") {
        CHECK(dans_domaine(type_mesure::montant_signe, entier(-500)));
        CHECK_FALSE(dans_domaine(type_mesure::montant_signe, fraction{-1, 2}));
    }
    SECTION("nombre: non-negative integer") {
        CHECK(dans_domaine(type_mesure::nombre, entier(8'500)));
        CHECK(dans_domaine(type_mesure::nombre, fraction{17, 1}));
        CHECK(dans_domaine(type_mesure::nombre, fraction{8, 2}));  // 4 once normalised
        CHECK_FALSE(dans_domaine(type_mesure::nombre, fraction{17, 2}));
        CHECK_FALSE(dans_domaine(type_mesure::nombre, entier(-1)));
    }
    SECTION("taux: within [0, 1]") {
        CHECK(dans_domaine(type_mesure::taux, entier(0)));
        CHECK(dans_domaine(type_mesure::taux, entier(1)));
        CHECK(dans_domaine(type_mesure::taux, caqes::pourcentage(49)));
        CHECK_FALSE(dans_domaine(type_mesure::taux, caqes::pourcentage(101)));
        CHECK_FALSE(dans_domaine(type_mesure::taux, caqes::pourcentage(-1)));
    }
    SECTION("taux_evolution: not below -100 %") {
        CHECK(dans_domaine(type_mesure::taux_evolution, caqes::pourcentage(-100)));
        CHECK(dans_domaine(type_mesure::taux_evolution, caqes::pourcentage(250)));
        CHECK(dans_domaine(type_mesure::taux_evolution, caqes::pourcentage(-5)));
        CHECK_FALSE(dans_domaine(type_mesure::taux_evolution, caqes::pourcentage(-101)));
    }
    SECTION("oui_non: 0 or 1") {
        CHECK(dans_domaine(type_mesure::oui_non, entier(0)));
        CHECK(dans_domaine(type_mesure::oui_non, entier(1)));
        CHECK_FALSE(dans_domaine(type_mesure::oui_non, entier(2)));
        CHECK_FALSE(dans_domaine(type_mesure::oui_non, fraction{1, 2}));
    }
    SECTION("echelle: 0, 1 or 2") {
        CHECK(dans_domaine(type_mesure::echelle, entier(2)));
        CHECK_FALSE(dans_domaine(type_mesure::echelle, entier(3)));
        CHECK_FALSE(dans_domaine(type_mesure::echelle, entier(-1)));
    }
    SECTION("a zero denominator is in no domain") {
        for (const type_mesure t :
             {type_mesure::montant, type_mesure::montant_signe, type_mesure::nombre, type_mesure::taux,
              type_mesure::taux_evolution, type_mesure::oui_non, type_mesure::echelle}) {
            CHECK_FALSE(dans_domaine(t, fraction{0, 0}));
        }
    }
}

// dans_domaine reads a positive denominator without a gcd: it must answer as the definition on
// the normal form does, for fractions not reduced, negative denominators and the 64-bit edges.
TEST_CASE("dans_domaine without a gcd answers as the definition on the normal form", "[mesure][domaine]") {
    const auto selon_la_forme_normale = [](type_mesure t, fraction v) {
        const fraction x = v.normalisee();
        if (!x.valide()) return false;
        const bool entier_ = x.den == 1;
        switch (t) {
            case type_mesure::montant:
            case type_mesure::nombre:
                return entier_ && x.num >= 0;
            case type_mesure::montant_signe:
                return entier_;
            case type_mesure::taux:
                return x >= caqes::entier(0) && x <= caqes::entier(1);
            case type_mesure::taux_evolution:
                return x >= caqes::entier(-1);
            case type_mesure::oui_non:
                return entier_ && (x.num == 0 || x.num == 1);
            case type_mesure::echelle:
                return entier_ && x.num >= 0 && x.num <= 2;
        }
        return false;
    };
    constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    const std::array<std::int64_t, 17> nombres{min, min + 1, -200, -100, -4,  -3,  -2,      -1, 0,
                                               1,   2,       3,    4,    100, 200, max - 1, max};
    std::size_t acceptes = 0;
    std::size_t refuses = 0;
    for (const type_mesure t :
         {type_mesure::montant, type_mesure::montant_signe, type_mesure::nombre, type_mesure::taux,
          type_mesure::taux_evolution, type_mesure::oui_non, type_mesure::echelle}) {
        for (const std::int64_t num : nombres) {
            for (const std::int64_t den : nombres) {
                const fraction v{num, den};
                const bool attendu = selon_la_forme_normale(t, v);
                INFO(num << "/" << den << " as " << caqes::nom(t));
                CHECK(caqes::dans_domaine(t, v) == attendu);
                (attendu ? acceptes : refuses) += 1;
            }
        }
    }
    // Both answers occur for every kind's grid above, so the comparison is not one-sided.
    CHECK(acceptes > 100);
    CHECK(refuses > 100);
}

TEST_CASE("texte_decimal prints exact decimals, else a fraction", "[mesure][format]") {
    CHECK(caqes::texte_decimal(fraction{22, 1000}) == "0.022");
    CHECK(caqes::texte_decimal(fraction{1, 3}) == "1/3");
    CHECK(caqes::texte_decimal(fraction{-2, 6}) == "-1/3");
    CHECK(caqes::texte_decimal(fraction{-5, 100}) == "-0.05");
    CHECK(caqes::texte_decimal(fraction{10, 2}) == "5");
    CHECK(caqes::texte_decimal(fraction{0, 7}) == "0");
    CHECK(caqes::texte_decimal(fraction{1, 0}) == "NaN");
    // 1/128 = 0.0078125 has seven digits: beyond the default six it stays a fraction.
    CHECK(caqes::texte_decimal(fraction{1, 128}) == "1/128");
    CHECK(caqes::texte_decimal(fraction{1, 128}, 7) == "0.0078125");
}

TEST_CASE("texte(type_mesure, value) prints each kind in its unit", "[mesure][format]") {
    using caqes::entier;
    CHECK(caqes::nom(type_mesure::taux_evolution) == "taux_evolution");
    CHECK(caqes::texte(type_mesure::montant, entier(50'000'000)) == "500000 EUR");
    CHECK(caqes::texte(type_mesure::montant, entier(12'345)) == "123.45 EUR");
    CHECK(caqes::texte(type_mesure::montant_signe, entier(-250)) == "-2.5 EUR");
    CHECK(caqes::texte(type_mesure::nombre, entier(8'500)) == "8500");
    CHECK(caqes::texte(type_mesure::taux, caqes::pourcentage(22, 10)) == "2.2 %");
    CHECK(caqes::texte(type_mesure::taux_evolution, caqes::pourcentage(-5)) == "-5 %");
    CHECK(caqes::texte(type_mesure::taux, fraction{1, 3}) == "100/3 %");
    CHECK(caqes::texte(type_mesure::oui_non, entier(1)) == "oui");
    CHECK(caqes::texte(type_mesure::oui_non, entier(0)) == "non");
    CHECK(caqes::texte(type_mesure::echelle, entier(2)) == "oui");
    CHECK(caqes::texte(type_mesure::echelle, entier(1)) == "partiel");
    CHECK(caqes::texte(type_mesure::echelle, entier(0)) == "non");
}

TEST_CASE("typed comparisons build the right condition", "[mesure][referentiel]") {
    using namespace caqes;
    const mesure<grandeur::nombre> boites{"boites"};

    const condition lt = boites < nombre_de(8'500);
    CHECK(lt.mesure == "boites");
    CHECK(lt.op == comparateur::inferieur);
    CHECK(lt.type_de_mesure == type_mesure::nombre);
    CHECK(lt.type_seuil == type_mesure::nombre);
    CHECK(lt.seuil == entier(8'500));
    CHECK(unite_coherente(lt));

    CHECK((boites <= nombre_de(1)).op == comparateur::inferieur_ou_egal);
    CHECK((boites > nombre_de(1)).op == comparateur::superieur);
    CHECK((boites >= nombre_de(1)).op == comparateur::superieur_ou_egal);
    CHECK(egal(mesure<grandeur::oui_non>{"fait"}, oui).op == comparateur::egal);
    CHECK(egal(mesure<grandeur::oui_non>{"fait"}, oui).type_seuil == type_mesure::oui_non);

    CHECK(symbole(comparateur::inferieur) == "<");
    CHECK(symbole(comparateur::inferieur_ou_egal) == "<=");
    CHECK(symbole(comparateur::superieur) == ">");
    CHECK(symbole(comparateur::superieur_ou_egal) == ">=");
    CHECK(symbole(comparateur::egal) == "==");

    CHECK(texte(lt) == "boites < 8500");
    CHECK(texte(mesure<grandeur::taux>{"part"} >= taux_pourcent(49)) == "part >= 49 %");
}

TEST_CASE("comparer: strict and non-strict comparators at equality", "[mesure][referentiel]") {
    using caqes::comparateur;
    using caqes::entier;
    CHECK_FALSE(caqes::comparer(entier(5), comparateur::inferieur, entier(5)));
    CHECK(caqes::comparer(entier(4), comparateur::inferieur, entier(5)));
    CHECK(caqes::comparer(entier(5), comparateur::inferieur_ou_egal, entier(5)));
    CHECK_FALSE(caqes::comparer(entier(6), comparateur::inferieur_ou_egal, entier(5)));
    CHECK_FALSE(caqes::comparer(entier(5), comparateur::superieur, entier(5)));
    CHECK(caqes::comparer(entier(5), comparateur::superieur_ou_egal, entier(5)));
    CHECK_FALSE(caqes::comparer(entier(4), comparateur::superieur_ou_egal, entier(5)));
    CHECK(caqes::comparer(entier(5), comparateur::egal, fraction{10, 2}));
    CHECK_FALSE(caqes::comparer(entier(5), comparateur::egal, entier(4)));
}

TEST_CASE("est_atteint on the 2022 referentiels: 'or' conditions, strict at equality", "[mesure][referentiel]") {
    namespace r = caqes::referentiels;
    using caqes::entier;

    SECTION("indicator 1: fewer than 8 500 boxes") {
        const caqes::referentiel& ref = r::indicateur_2022_ipp.ref;
        CHECK_FALSE(caqes::est_atteint(ref, lecteur(std::array<releve, 1>{{{"boites_ipp", entier(8'500)}}})));
        CHECK(caqes::est_atteint(ref, lecteur(std::array<releve, 1>{{{"boites_ipp", entier(8'499)}}})));
        CHECK_FALSE(caqes::est_atteint(ref, lecteur(std::array<releve, 1>{{{"boites_ipp", entier(12'000)}}})));
    }
    SECTION("indicator 2: spending below 100 000 EUR or active share below 80 %") {
        const caqes::referentiel& ref = r::indicateur_2022_perfadom.ref;
        const fraction limite = entier(10'000'000);  // cents
        CHECK_FALSE(caqes::est_atteint(
            ref, lecteur(std::array<releve, 2>{
                     {{"depense_perfadom", limite}, {"part_diffuseurs_actifs", caqes::pourcentage(80)}}})));
        CHECK(caqes::est_atteint(
            ref, lecteur(std::array<releve, 2>{
                     {{"depense_perfadom", entier(9'999'999)}, {"part_diffuseurs_actifs", caqes::pourcentage(95)}}})));
        CHECK(caqes::est_atteint(
            ref, lecteur(std::array<releve, 2>{
                     {{"depense_perfadom", entier(50'000'000)}, {"part_diffuseurs_actifs", caqes::pourcentage(79)}}})));
    }
    SECTION("indicator 3: ambulance share below 20 % or spending below 400 000 EUR") {
        const caqes::referentiel& ref = r::indicateur_2022_ambulances.ref;
        CHECK_FALSE(
            caqes::est_atteint(ref, lecteur(std::array<releve, 2>{{{"part_ambulance", caqes::pourcentage(20)},
                                                                   {"depense_ambulance", entier(40'000'000)}}})));
        CHECK(caqes::est_atteint(ref, lecteur(std::array<releve, 2>{{{"part_ambulance", caqes::pourcentage(199, 10)},
                                                                     {"depense_ambulance", entier(40'000'000)}}})));
        CHECK(caqes::est_atteint(ref, lecteur(std::array<releve, 2>{{{"part_ambulance", caqes::pourcentage(60)},
                                                                     {"depense_ambulance", entier(39'999'999)}}})));
    }
}

TEST_CASE("referentiel algebra: 'and' needs every condition, an empty referentiel is never met",
          "[mesure][referentiel]") {
    using namespace caqes;
    const mesure<grandeur::nombre> a{"a"};
    const mesure<grandeur::taux> b{"b"};
    const mesure<grandeur::echelle> c{"c"};
    const referentiel ref = a < nombre_de(1) || (b < taux_pourcent(2) && egal(c, echelle_oui));
    REQUIRE(ref.taille == 2);
    CHECK(ref.termes[1].taille == 2);
    CHECK(texte(ref) == "a < 1 OR (b < 2 % AND c == oui)");

    const auto valeurs = std::array<releve, 3>{{{"a", entier(5)}, {"b", pourcentage(1)}, {"c", entier(1)}}};
    CHECK_FALSE(est_atteint(ref, lecteur(valeurs)));  // c is only partial
    const auto valeurs_oui = std::array<releve, 3>{{{"a", entier(5)}, {"b", pourcentage(1)}, {"c", entier(2)}}};
    CHECK(est_atteint(ref, lecteur(valeurs_oui)));

    CHECK_FALSE(est_atteint(referentiel{}, [](const condition&) { return fraction{}; }));
    CHECK(referentiel{}.vide());
}

TEST_CASE("referentiel capacities: going past them sets depasse, never truncates silently", "[mesure][referentiel]") {
    using namespace caqes;
    const mesure<grandeur::nombre> a{"a"};
    const condition c = a < nombre_de(1);

    conjonction cj{};
    for (std::size_t i = 0; i < conditions_max; ++i)
        cj = cj.et(c);
    CHECK(std::size_t{cj.taille} == conditions_max);
    CHECK_FALSE(cj.depasse);
    const conjonction trop = cj.et(c);
    CHECK(trop.depasse);
    CHECK(std::size_t{trop.taille} == conditions_max);

    referentiel r{};
    for (std::size_t i = 0; i < conjonctions_max; ++i)
        r = r.ou(seule(c));
    CHECK_FALSE(r.depasse);
    const referentiel r_trop = r || c;
    CHECK(r_trop.depasse);
    CHECK(std::size_t{r_trop.taille} == conjonctions_max);
}

TEST_CASE("quantities of different kinds cannot be added or compared, one kind compares", "[mesure][types]") {
    using namespace caqes;
    STATIC_REQUIRE_FALSE(additionnables<quantite<grandeur::montant>, quantite<grandeur::taux>>);
    STATIC_REQUIRE_FALSE(additionnables<quantite<grandeur::nombre>, quantite<grandeur::montant>>);
    STATIC_REQUIRE_FALSE(ordonnables<quantite<grandeur::montant>, quantite<grandeur::montant_signe>>);
    STATIC_REQUIRE_FALSE(ordonnables<quantite<grandeur::taux>, quantite<grandeur::taux_evolution>>);
    STATIC_REQUIRE_FALSE(egalables<quantite<grandeur::oui_non>, quantite<grandeur::echelle>>);
    STATIC_REQUIRE_FALSE(ordonnables<quantite<grandeur::taux>, fraction>);

    STATIC_REQUIRE(ordonnables<quantite<grandeur::taux>, quantite<grandeur::taux>>);
    STATIC_REQUIRE(egalables<quantite<grandeur::montant>, quantite<grandeur::montant>>);
    STATIC_REQUIRE(ordonnables<centimes, centimes>);

    CHECK(taux_pourcent(22, 10) < taux_pourcent(3));
    CHECK(montant_euros(1) == montant_de(centimes{100}));
    CHECK(montant_signe_de(centimes{-1}).valeur == entier(-1));
    CHECK(oui > non);
    CHECK(echelle_partiel < echelle_oui);
    CHECK(evolution_pourcent(-5) < evolution_pourcent(0));
}

TEST_CASE("fraction: INT64_MIN has no opposite, so its normal form is reported invalid, never wrapped",
          "[monnaie][fraction][depassement]") {
    constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    // INT64_MIN / -1 is 2^63 and 1 / INT64_MIN needs den = 2^63: neither has a 64-bit form.
    STATIC_REQUIRE_FALSE(fraction{min, -1}.normalisee().valide());
    CHECK_FALSE(fraction{1, min}.normalisee().valide());
    CHECK_FALSE(caqes::reduire(min, -1).has_value());
    // What does fit is reduced exactly.
    CHECK(fraction{min, -2}.normalisee() == fraction{std::int64_t{1} << 62, 1});
    CHECK(fraction{min, -2}.normalisee().den == 1);
    CHECK(fraction{min, 1}.normalisee().num == min);
    CHECK(fraction{max, -max}.normalisee().num == -1);
    CHECK(caqes::reduire(caqes::int128{max} * 4, 8) == fraction{max, 2});
    CHECK(caqes::reduire(caqes::int128{min} * 3, 3)->num == min);
    CHECK_FALSE(caqes::reduire(caqes::int128{min} * 3, -3).has_value());
    // pourcentage multiplies its denominator by 100 in 128 bits.
    CHECK_FALSE(caqes::pourcentage(1, max).valide());
    CHECK(caqes::pourcentage(1, max / 100) == fraction{1, max / 100 * 100});
    // A growth rate whose exact value has no 64-bit form is invalid, so dans_domaine refuses it.
    const auto g = caqes::evolution_entre({fraction{1, max}}, {fraction{max, 1}});
    CHECK_FALSE(g.valeur.valide());
    CHECK_FALSE(caqes::dans_domaine(type_mesure::taux_evolution, g.valeur));
    CHECK_FALSE(caqes::dans_domaine(type_mesure::taux, fraction{min, -1}));
}

TEST_CASE("additionner and total_centimes: an overflow is reported, never wrapped", "[monnaie][depassement]") {
    constexpr caqes::centimes max{std::numeric_limits<std::int64_t>::max()};
    constexpr caqes::centimes min{std::numeric_limits<std::int64_t>::min()};
    STATIC_REQUIRE(caqes::additionner(caqes::centimes{1}, caqes::centimes{2}).valeur == caqes::centimes{3});
    STATIC_REQUIRE_FALSE(caqes::additionner(max, caqes::centimes{1}).ok);
    STATIC_REQUIRE_FALSE(caqes::additionner(min, caqes::centimes{-1}).ok);
    STATIC_REQUIRE(caqes::additionner(max, min).valeur == caqes::centimes{-1});

    // Two decisions at INT64_MAX cents: the second is refused and the total stays exact.
    caqes::total_centimes t{};
    CHECK(t.ajouter(max));
    CHECK_FALSE(t.ajouter(max));
    CHECK(t.depasse);
    CHECK(t.valeur == max);
    CHECK(t.termes == 1);
    CHECK_FALSE(t.ajouter(caqes::centimes{-1}));  // once overflowed, a total stays so
    CHECK(t.termes == 1);
    CHECK(caqes::texte_euros(t.valeur) == "92233720368547758.07");
    CHECK(caqes::texte_euros(min) == "-92233720368547758.08");
}

TEST_CASE("texte_decimal, texte_fraction and texte never overflow", "[mesure][format][depassement]") {
    constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    // The remainder times 10 went past 64 bits: about 0.4 over 2^62, with enough digits to be
    // exact, printed "0.3111...".
    const fraction presque_04{1'844'674'407'370'955'161, std::int64_t{1} << 62};
    CHECK(caqes::texte_decimal(presque_04, 70) == "0.39999999999999999986989573930173946791910566389560699462890625");
    CHECK(caqes::texte_decimal(presque_04) == "1844674407370955161/4611686018427387904");
    CHECK(caqes::texte_decimal(fraction{min, 1}) == "-9223372036854775808");
    CHECK(caqes::texte_decimal(fraction{min, -1}) == "9223372036854775808");
    CHECK(caqes::texte_decimal(fraction{1, min}) == "-1/9223372036854775808");
    CHECK(caqes::texte_fraction(fraction{min, -1}) == "9223372036854775808");
    CHECK(caqes::texte_fraction(fraction{-6, 4}) == "-3/2");
    CHECK(caqes::texte_fraction(fraction{1, 0}) == "NaN");
    // A rate of 10^20 % is the fraction 10^18: scaled by 100 in 128 bits.
    CHECK(caqes::texte(type_mesure::taux, fraction{1'000'000'000'000'000'000, 1}) == "100000000000000000000 %");
    CHECK(caqes::texte(type_mesure::montant, fraction{max, 1}) == "92233720368547758.07 EUR");
    CHECK(caqes::texte(type_mesure::montant_signe, fraction{min, 1}) == "-92233720368547758.08 EUR");
    CHECK(caqes::texte(type_mesure::taux_evolution, fraction{min, max}) ==
          "-922337203685477580800/9223372036854775807 %");
}
