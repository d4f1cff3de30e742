// Calendar: dates, half-open periods, month/year arithmetic under each day policy, text forms.
#include "outils.hpp"

using caqes::periode;
using caqes::politique_jour;
using caqes::regle;
using caqes::ymd;

TEST_CASE("ymd: real calendar dates are accepted, impossible ones rejected", "[calendrier]") {
    CHECK(ymd{2021, 1, 31}.ok());
    CHECK(ymd{2020, 2, 29}.ok());  // leap year
    CHECK(ymd{2000, 2, 29}.ok());  // divisible by 400
    CHECK_FALSE(ymd{2023, 2, 29}.ok());
    CHECK_FALSE(ymd{1900, 2, 29}.ok());  // divisible by 100, not by 400
    CHECK_FALSE(ymd{2021, 4, 31}.ok());
    CHECK_FALSE(ymd{2021, 13, 1}.ok());
    CHECK_FALSE(ymd{2021, 0, 1}.ok());
    CHECK_FALSE(ymd{2021, 1, 0}.ok());
    CHECK(caqes::debut_des_temps.ok());
    CHECK(caqes::fin_des_temps.ok());
}

TEST_CASE("ymd: ordering is chronological and round-trips through date::year_month_day", "[calendrier]") {
    CHECK(ymd{2017, 12, 31} < ymd{2018, 1, 1});
    CHECK(ymd{2018, 1, 31} < ymd{2018, 2, 1});
    CHECK(ymd{2018, 2, 1} < ymd{2018, 2, 2});
    CHECK(ymd{2018, 2, 2} == ymd{2018, 2, 2});
    CHECK(ymd{2018, 2, 2} != ymd{2018, 2, 3});
    CHECK(ymd{2019, 1, 1} > ymd{2018, 12, 31});
    CHECK(caqes::debut_des_temps < ymd{2017, 4, 23});
    CHECK(ymd{2999, 1, 1} < caqes::fin_des_temps);

    const ymd d{2022, 7, 1};
    CHECK(ymd::from(d.to_date()) == d);
    CHECK(ymd::from(d.to_sys_days()) == d);
}

TEST_CASE("lendemain and veille cross month, year and leap-day boundaries", "[calendrier]") {
    CHECK(caqes::lendemain(ymd{2017, 12, 31}) == ymd{2018, 1, 1});
    CHECK(caqes::lendemain(ymd{2020, 2, 28}) == ymd{2020, 2, 29});
    CHECK(caqes::lendemain(ymd{2021, 2, 28}) == ymd{2021, 3, 1});
    CHECK(caqes::veille(ymd{2018, 1, 1}) == ymd{2017, 12, 31});
    CHECK(caqes::veille(ymd{2020, 3, 1}) == ymd{2020, 2, 29});
    CHECK(caqes::veille(caqes::lendemain(ymd{2024, 12, 31})) == ymd{2024, 12, 31});
    CHECK(caqes::ajouter_jours(ymd{2020, 2, 28}, 2) == ymd{2020, 3, 1});
    CHECK(caqes::ajouter_jours(ymd{2021, 1, 1}, -1) == ymd{2020, 12, 31});
}

TEST_CASE("periode::inclusive converts the law's inclusive end to an exclusive one", "[calendrier]") {
    const periode p = periode::inclusive(ymd{2017, 4, 23}, ymd{2017, 12, 31});
    CHECK(p.debut == ymd{2017, 4, 23});
    CHECK(p.fin == ymd{2018, 1, 1});
    CHECK(p.contient(ymd{2017, 12, 31}));
    CHECK_FALSE(p.contient(ymd{2018, 1, 1}));

    CHECK(periode::depuis(ymd{2026, 1, 1}).ouverte());
    CHECK(periode::depuis(ymd{2026, 1, 1}).debut == ymd{2026, 1, 1});
    CHECK(periode::jusqu_a(ymd{2017, 4, 23}).debut == caqes::debut_des_temps);
    CHECK(periode::jusqu_a(ymd{2017, 4, 23}).fin == ymd{2017, 4, 23});
    CHECK_FALSE(p.ouverte());
}

TEST_CASE("periode: half-open membership, inclusion and overlap", "[calendrier]") {
    const periode p{ymd{2022, 1, 1}, ymd{2027, 1, 1}};

    SECTION("a day: debut included, fin excluded") {
        CHECK(p.contient(ymd{2022, 1, 1}));
        CHECK(p.contient(ymd{2026, 12, 31}));
        CHECK_FALSE(p.contient(ymd{2027, 1, 1}));
        CHECK_FALSE(p.contient(ymd{2021, 12, 31}));
    }
    SECTION("a period") {
        CHECK(p.contient(periode{ymd{2022, 7, 1}, ymd{2025, 1, 1}}));
        CHECK(p.contient(p));
        CHECK_FALSE(p.contient(periode{ymd{2022, 7, 1}, ymd{2027, 1, 2}}));
        CHECK_FALSE(p.contient(periode{ymd{2021, 12, 31}, ymd{2023, 1, 1}}));
    }
    SECTION("overlap: consecutive periods meet without overlapping") {
        CHECK(p.chevauche(periode{ymd{2026, 12, 31}, ymd{2030, 1, 1}}));
        CHECK(p.chevauche(periode{ymd{2020, 1, 1}, ymd{2022, 1, 2}}));
        CHECK_FALSE(p.chevauche(periode{ymd{2027, 1, 1}, ymd{2030, 1, 1}}));
        CHECK_FALSE(p.chevauche(periode{ymd{2020, 1, 1}, ymd{2022, 1, 1}}));
    }
    SECTION("validity and emptiness") {
        CHECK(p.dates_valides());
        CHECK(p.non_vide());
        CHECK_FALSE((periode{ymd{2022, 1, 1}, ymd{2022, 1, 1}}).non_vide());
        CHECK_FALSE((periode{ymd{2023, 1, 1}, ymd{2022, 1, 1}}).non_vide());
        CHECK_FALSE((periode{ymd{2023, 2, 29}, ymd{2024, 1, 1}}).dates_valides());
        CHECK_FALSE((periode{ymd{2023, 1, 1}, ymd{2024, 2, 30}}).dates_valides());
    }
}

TEST_CASE("ajouter_mois: 31 January + 1 month under each politique_jour", "[calendrier][arithmetique]") {
    const ymd d{2021, 1, 31};

    const caqes::date_calculee stricte = caqes::ajouter_mois(d, 1, politique_jour::stricte);
    CHECK_FALSE(stricte.ok());
    CHECK(stricte.erreur == regle::date_calendaire_impossible);
    CHECK(stricte.valeur == ymd{2021, 2, 31});  // the impossible day is kept for the message
    CHECK_FALSE(stricte.valeur.ok());

    const caqes::date_calculee fin = caqes::ajouter_mois(d, 1, politique_jour::fin_de_mois);
    REQUIRE(fin.ok());
    CHECK(fin.valeur == ymd{2021, 2, 28});
    CHECK(caqes::ajouter_mois(ymd{2020, 1, 31}, 1, politique_jour::fin_de_mois).valeur == ymd{2020, 2, 29});

    const caqes::date_calculee report = caqes::ajouter_mois(d, 1, politique_jour::report);
    REQUIRE(report.ok());
    CHECK(report.valeur == ymd{2021, 3, 3});
    CHECK(caqes::ajouter_mois(ymd{2020, 1, 31}, 1, politique_jour::report).valeur == ymd{2020, 3, 2});
}

TEST_CASE("ajouter_mois: exact results need no policy, negative months go back", "[calendrier][arithmetique]") {
    for (const politique_jour p : {politique_jour::stricte, politique_jour::fin_de_mois, politique_jour::report}) {
        const caqes::date_calculee r = caqes::ajouter_mois(ymd{2021, 1, 15}, 1, p);
        CHECK(r.ok());
        CHECK(r.valeur == ymd{2021, 2, 15});
        CHECK(caqes::ajouter_mois(ymd{2021, 11, 30}, 2, p).valeur == ymd{2022, 1, 30});
        CHECK(caqes::ajouter_mois(ymd{2021, 1, 15}, -13, p).valeur == ymd{2019, 12, 15});
    }
    const ymd d{2021, 3, 31};
    CHECK(caqes::ajouter_mois(d, -1, politique_jour::stricte).erreur == regle::date_calendaire_impossible);
    CHECK(caqes::ajouter_mois(d, -1, politique_jour::stricte).valeur == ymd{2021, 2, 31});
    CHECK(caqes::ajouter_mois(d, -1, politique_jour::fin_de_mois).valeur == ymd{2021, 2, 28});
    CHECK(caqes::ajouter_mois(d, -1, politique_jour::report).valeur == ymd{2021, 3, 3});
}

TEST_CASE("ajouter_annees: 29 February 2020 + N years under each politique_jour", "[calendrier][arithmetique]") {
    const ymd d{2020, 2, 29};

    const caqes::date_calculee stricte = caqes::ajouter_annees(d, 1, politique_jour::stricte);
    CHECK(stricte.erreur == regle::date_calendaire_impossible);
    CHECK(stricte.valeur == ymd{2021, 2, 29});

    const caqes::date_calculee fin = caqes::ajouter_annees(d, 1, politique_jour::fin_de_mois);
    CHECK(fin.ok());
    CHECK(fin.valeur == ymd{2021, 2, 28});

    const caqes::date_calculee report = caqes::ajouter_annees(d, 1, politique_jour::report);
    CHECK(report.ok());
    CHECK(report.valeur == ymd{2021, 3, 1});

    // To another leap year the day exists: every policy agrees.
    for (const politique_jour p : {politique_jour::stricte, politique_jour::fin_de_mois, politique_jour::report}) {
        const caqes::date_calculee r = caqes::ajouter_annees(d, 4, p);
        CHECK(r.ok());
        CHECK(r.valeur == ymd{2024, 2, 29});
        CHECK(caqes::ajouter_annees(ymd{2022, 7, 1}, 5, p).valeur == ymd{2027, 7, 1});
        CHECK(caqes::ajouter_annees(ymd{2022, 7, 1}, -5, p).valeur == ymd{2017, 7, 1});
    }
}

TEST_CASE("arithmetic from an impossible start reports CAQES-E001, not E023", "[calendrier][arithmetique]") {
    const ymd faux{2023, 2, 29};
    for (const politique_jour p : {politique_jour::stricte, politique_jour::fin_de_mois, politique_jour::report}) {
        const caqes::date_calculee m = caqes::ajouter_mois(faux, 1, p);
        CHECK(m.erreur == regle::date_inexistante);
        CHECK(m.valeur == faux);
        const caqes::date_calculee a = caqes::ajouter_annees(faux, 1, p);
        CHECK(a.erreur == regle::date_inexistante);
        CHECK(a.valeur == faux);
    }
}

TEST_CASE("fin_du_terme and the term predicates of duree.hpp", "[calendrier][duree]") {
    using namespace caqes;
    const ymd debut{2022, 7, 1};

    CHECK(fin_du_terme(duree_annees(5), debut, politique_jour::stricte).valeur == ymd{2027, 7, 1});
    CHECK(fin_du_terme(duree_jusqu_a(ymd{2025, 1, 1}), debut, politique_jour::stricte).valeur == ymd{2025, 1, 1});
    CHECK(fin_du_terme(duree_jusqu_a(ymd{2025, 2, 30}), debut, politique_jour::stricte).erreur == regle::date_inexistante);
    CHECK(fin_du_terme(duree_indeterminee, debut, politique_jour::stricte).valeur == fin_des_temps);

    SECTION("E004: at most five years; an explicit end exactly five years on passes, one day more fails") {
        CHECK(regles::duree_au_plus_5_ans(duree_annees(5), debut, politique_jour::stricte));
        CHECK_FALSE(regles::duree_au_plus_5_ans(duree_annees(6), debut, politique_jour::stricte));
        CHECK(regles::duree_au_plus_5_ans(duree_jusqu_a(ymd{2027, 7, 1}), debut, politique_jour::stricte));
        CHECK_FALSE(regles::duree_au_plus_5_ans(duree_jusqu_a(ymd{2027, 7, 2}), debut, politique_jour::stricte));
        CHECK(regles::duree_au_plus_5_ans(duree_indeterminee, debut, politique_jour::stricte));
    }
    SECTION("E002: a term holds at least one day") {
        CHECK(regles::duree_non_vide(duree_annees(1), debut));
        CHECK_FALSE(regles::duree_non_vide(duree_annees(0), debut));
        CHECK(regles::duree_non_vide(duree_jusqu_a(ymd{2022, 7, 2}), debut));
        CHECK_FALSE(regles::duree_non_vide(duree_jusqu_a(debut), debut));
    }
    SECTION("E023: an N-year term from 29 February needs a policy") {
        const ymd bissextile{2024, 2, 29};
        CHECK_FALSE(regles::fin_calculable(duree_annees(1), bissextile, politique_jour::stricte));
        CHECK(regles::fin_calculable(duree_annees(1), bissextile, politique_jour::fin_de_mois));
        CHECK(regles::fin_calculable(duree_annees(4), bissextile, politique_jour::stricte));
        CHECK(regles::fin_calculable(duree_jusqu_a(ymd{2025, 3, 1}), bissextile, politique_jour::stricte));
    }
}

TEST_CASE("texte(ymd) is ISO 8601 with four-digit years", "[calendrier][format]") {
    CHECK(caqes::texte(ymd{2022, 7, 1}) == "2022-07-01");
    CHECK(caqes::texte(ymd{2017, 12, 31}) == "2017-12-31");
    CHECK(caqes::texte(ymd{5, 1, 2}) == "0005-01-02");
    CHECK(caqes::texte(ymd{-44, 3, 15}) == "-0044-03-15");
    // An impossible day prints as written, so a message can show it.
    CHECK(caqes::texte(ymd{2021, 2, 31}) == "2021-02-31");
}

TEST_CASE("texte(periode) prints the half-open period, an open end as dots", "[calendrier][format]") {
    CHECK(caqes::texte(periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31})) == "[2022-07-01, 2025-01-01)");
    CHECK(caqes::texte(periode::depuis(ymd{2026, 1, 1})) == "[2026-01-01, ...)");
    CHECK(caqes::texte(periode::jusqu_a(ymd{2017, 4, 23})) == "[0001-01-01, 2017-04-23)");
}
