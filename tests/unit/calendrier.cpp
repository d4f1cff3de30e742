// Calendar: dates, half-open periods, month/year arithmetic under each day policy, text forms.
#include "outils.hpp"

#include <caqes/calendrier/chrono.hpp>

#include <chrono>

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

TEST_CASE("ymd: ordering is chronological and round-trips through std::chrono", "[calendrier]") {
    CHECK(ymd{2017, 12, 31} < ymd{2018, 1, 1});
    CHECK(ymd{2018, 1, 31} < ymd{2018, 2, 1});
    CHECK(ymd{2018, 2, 1} < ymd{2018, 2, 2});
    CHECK(ymd{2018, 2, 2} == ymd{2018, 2, 2});
    CHECK(ymd{2018, 2, 2} != ymd{2018, 2, 3});
    CHECK(ymd{2019, 1, 1} > ymd{2018, 12, 31});
    CHECK(caqes::debut_des_temps < ymd{2017, 4, 23});
    CHECK(ymd{2999, 1, 1} < caqes::fin_des_temps);

    const ymd d{2022, 7, 1};
    CHECK(caqes::depuis_chrono(caqes::vers_chrono(d)) == d);
    CHECK(caqes::depuis_sys_days(caqes::vers_sys_days(d)) == d);
    STATIC_REQUIRE(caqes::vers_chrono(ymd{2024, 2, 29}) == std::chrono::year{2024} / 2 / 29);
}

// The core's calendar is hand-written (calendrier/date.hpp) to keep <chrono> out of the core
// path; std::chrono is the oracle, day by day over eight centuries.
TEST_CASE("ymd: serial numbers, weekdays and validity agree with std::chrono from 1600 to 2400", "[calendrier]") {
    namespace ch = std::chrono;
    const ch::sys_days premier{ch::year{1600} / 1 / 1};
    const ch::sys_days dernier{ch::year{2400} / 12 / 31};
    std::size_t ecarts = 0;
    for (ch::sys_days j = premier; j <= dernier; j += ch::days{1}) {
        const ch::year_month_day attendu{j};
        const ymd d = ymd::de_serie(static_cast<caqes::jour_serie>(j.time_since_epoch().count()));
        const bool egal = d == caqes::depuis_chrono(attendu) && d.serie() == j.time_since_epoch().count() && d.ok() &&
                          static_cast<unsigned>(caqes::jour_de_la_semaine(d)) == ch::weekday{j}.c_encoding();
        if (!egal) ++ecarts;
    }
    CHECK(ecarts == 0);
    CHECK(ymd::de_serie(0) == ymd{1970, 1, 1});
    CHECK(caqes::jour_de_la_semaine(ymd{1970, 1, 1}) == caqes::jour_semaine::jeudi);
    CHECK(caqes::jour_de_la_semaine(ymd{1969, 12, 28}) == caqes::jour_semaine::dimanche);
    // An impossible day counts on past the month's end, as sys_days of an invalid year_month_day.
    CHECK(ymd{2025, 2, 30}.serie() == ymd{2025, 3, 2}.serie());
    CHECK(ymd{2025, 2, 30}.serie() == vers_sys_days(ymd{2025, 2, 30}).time_since_epoch().count());
    // Validity over every month of four years, leap and not, against year_month_day::ok().
    for (int y : {1900, 2000, 2023, 2024}) {
        for (unsigned m = 0; m <= 13; ++m) {
            for (unsigned j = 0; j <= 32; ++j) {
                CHECK(ymd{y, m, j}.ok() == (ch::year{y} / ch::month{m} / ch::day{j}).ok());
            }
        }
    }
    CHECK_FALSE((ymd{caqes::annee_max + 1, 1, 1}).ok());
    CHECK_FALSE((ymd{caqes::annee_min - 1, 1, 1}).ok());
    CHECK((ymd{caqes::annee_max, 12, 31}).ok());
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

    // Catala's round up: the first day of the next month, leap year or not.
    const caqes::date_calculee suivant = caqes::ajouter_mois(d, 1, politique_jour::premier_mois_suivant);
    REQUIRE(suivant.ok());
    CHECK(suivant.valeur == ymd{2021, 3, 1});
    CHECK(caqes::ajouter_mois(ymd{2020, 1, 31}, 1, politique_jour::premier_mois_suivant).valeur == ymd{2020, 3, 1});
    CHECK(caqes::ajouter_mois(ymd{2021, 3, 31}, 1, politique_jour::premier_mois_suivant).valeur == ymd{2021, 5, 1});
    CHECK(caqes::ajouter_mois(ymd{2021, 10, 31}, 1, politique_jour::premier_mois_suivant).valeur == ymd{2021, 12, 1});
    CHECK(caqes::ajouter_mois(ymd{2021, 11, 30}, 1, politique_jour::premier_mois_suivant).valeur == ymd{2021, 12, 30});
}

TEST_CASE("ajouter_mois: exact results need no policy, negative months go back", "[calendrier][arithmetique]") {
    for (const politique_jour p : {politique_jour::stricte, politique_jour::fin_de_mois, politique_jour::report,
                                   politique_jour::premier_mois_suivant}) {
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
    CHECK(caqes::ajouter_mois(d, -1, politique_jour::premier_mois_suivant).valeur == ymd{2021, 3, 1});
    CHECK(caqes::ajouter_mois(ymd{2021, 1, 31}, -2, politique_jour::premier_mois_suivant).valeur == ymd{2020, 12, 1});
    CHECK(caqes::ajouter_mois(ymd{2021, 1, 31}, -14, politique_jour::fin_de_mois).valeur == ymd{2019, 11, 30});
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

    const caqes::date_calculee suivant = caqes::ajouter_annees(d, 1, politique_jour::premier_mois_suivant);
    CHECK(suivant.ok());
    CHECK(suivant.valeur == ymd{2021, 3, 1});
    // 2100 is divisible by 100 and not by 400: no 29 February.
    CHECK(caqes::ajouter_annees(d, 80, politique_jour::stricte).erreur == regle::date_calendaire_impossible);
    CHECK(caqes::ajouter_annees(d, 80, politique_jour::premier_mois_suivant).valeur == ymd{2100, 3, 1});

    // To another leap year the day exists: every policy agrees.
    for (const politique_jour p : {politique_jour::stricte, politique_jour::fin_de_mois, politique_jour::report,
                                   politique_jour::premier_mois_suivant}) {
        const caqes::date_calculee r = caqes::ajouter_annees(d, 4, p);
        CHECK(r.ok());
        CHECK(r.valeur == ymd{2024, 2, 29});
        CHECK(caqes::ajouter_annees(ymd{2022, 7, 1}, 5, p).valeur == ymd{2027, 7, 1});
        CHECK(caqes::ajouter_annees(ymd{2022, 7, 1}, -5, p).valeur == ymd{2017, 7, 1});
    }
}

TEST_CASE("arithmetic from an impossible start reports CAQES-E001, not E023", "[calendrier][arithmetique]") {
    const ymd faux{2023, 2, 29};
    for (const politique_jour p : {politique_jour::stricte, politique_jour::fin_de_mois, politique_jour::report,
                                   politique_jour::premier_mois_suivant}) {
        const caqes::date_calculee m = caqes::ajouter_mois(faux, 1, p);
        CHECK(m.erreur == regle::date_inexistante);
        CHECK(m.valeur == faux);
        const caqes::date_calculee a = caqes::ajouter_annees(faux, 1, p);
        CHECK(a.erreur == regle::date_inexistante);
        CHECK(a.valeur == faux);
    }
}

TEST_CASE("arithmetic past the years a date can have reports CAQES-E001, never a wrapped year",
          "[calendrier][arithmetique]") {
    const ymd d{2022, 7, 1};
    CHECK(caqes::ajouter_annees(d, caqes::annee_max - 2022, politique_jour::stricte).valeur ==
          ymd{caqes::annee_max, 7, 1});
    CHECK(caqes::ajouter_annees(d, caqes::annee_max - 2021, politique_jour::stricte).erreur == regle::date_inexistante);
    CHECK(caqes::ajouter_annees(d, caqes::annee_min - 2023, politique_jour::stricte).erreur == regle::date_inexistante);
    CHECK(caqes::ajouter_mois(d, 2'000'000'000, politique_jour::stricte).erreur == regle::date_inexistante);
    CHECK(caqes::ajouter_mois(d, -2'000'000'000, politique_jour::stricte).erreur == regle::date_inexistante);
    CHECK(caqes::ajouter_mois(ymd{caqes::annee_max, 12, 1}, 1, politique_jour::stricte).erreur ==
          regle::date_inexistante);
    CHECK(caqes::ajouter_mois(ymd{caqes::annee_max, 11, 1}, 1, politique_jour::stricte).valeur ==
          ymd{caqes::annee_max, 12, 1});
}

TEST_CASE("echeance under the premier_mois_suivant convention", "[calendrier][delai]") {
    using caqes::convention_delai;
    CHECK(caqes::echeance(ymd{2025, 1, 31}, caqes::un_mois, convention_delai::premier_mois_suivant).valeur ==
          ymd{2025, 3, 1});
    CHECK(caqes::echeance(ymd{2025, 1, 15}, caqes::un_mois, convention_delai::premier_mois_suivant).valeur ==
          ymd{2025, 2, 15});
    CHECK(caqes::echeance(ymd{2024, 12, 31}, caqes::deux_mois, convention_delai::premier_mois_suivant).valeur ==
          ymd{2025, 3, 1});
}

TEST_CASE("Public holidays of the overseas departments: the abolition of slavery day of each", "[calendrier][feries]") {
    using caqes::calendrier_feries;
    using caqes::est_ferie;
    struct cas {
        calendrier_feries departement;
        ymd jour;
    };
    // Decree 83-1003, art. 1, as amended by decree 2012-553 (Mayotte).
    constexpr cas abolitions[] = {{calendrier_feries::guadeloupe, {2025, 5, 27}},
                                  {calendrier_feries::guyane, {2025, 6, 10}},
                                  {calendrier_feries::martinique, {2025, 5, 22}},
                                  {calendrier_feries::la_reunion, {2025, 12, 20}},
                                  {calendrier_feries::mayotte, {2025, 4, 27}}};
    for (const cas& c : abolitions) {
        CHECK(est_ferie(c.jour, c.departement));
        // Only in its own department: neither in mainland France nor in another department.
        CHECK_FALSE(est_ferie(c.jour));
        CHECK_FALSE(est_ferie(c.jour, calendrier_feries::alsace_moselle));
        for (const cas& autre : abolitions) {
            if (autre.departement != c.departement) CHECK_FALSE(est_ferie(c.jour, autre.departement));
        }
        // The national list still applies there; Alsace-Moselle's additions do not.
        CHECK(est_ferie(ymd{2025, 7, 14}, c.departement));
        CHECK(est_ferie(ymd{2025, 4, 21}, c.departement));  // Easter Monday
        CHECK_FALSE(est_ferie(ymd{2025, 12, 26}, c.departement));
        CHECK_FALSE(est_ferie(ymd{2025, 4, 18}, c.departement));  // Good Friday: custom only overseas
    }
    // Each day counts from its decree: Mayotte's from 23 April 2012, the others from 23 November 1983.
    CHECK(est_ferie(ymd{2012, 4, 27}, calendrier_feries::mayotte));
    CHECK_FALSE(est_ferie(ymd{2011, 4, 27}, calendrier_feries::mayotte));
    CHECK(est_ferie(ymd{1983, 12, 20}, calendrier_feries::la_reunion));
    CHECK_FALSE(est_ferie(ymd{1983, 5, 27}, calendrier_feries::guadeloupe));
    CHECK(est_ferie(ymd{1984, 5, 27}, calendrier_feries::guadeloupe));
}

TEST_CASE("A deadline ending on the abolition day moves on overseas only", "[calendrier][feries][delai]") {
    using caqes::calendrier_feries;
    using caqes::convention_delai;
    // 20 December 2024 is a Friday: a month from 20 November ends then in mainland France, and on
    // Monday 23 December in La Reunion.
    CHECK(caqes::echeance(ymd{2024, 11, 20}, caqes::un_mois, convention_delai::procedure_civile).valeur ==
          ymd{2024, 12, 20});
    CHECK(caqes::echeance(ymd{2024, 11, 20}, caqes::un_mois, convention_delai::procedure_civile,
                          calendrier_feries::la_reunion)
              .valeur == ymd{2024, 12, 23});
    // 27 May 2025 is a Tuesday: Guadeloupe moves to Wednesday 28 May, Martinique does not.
    CHECK(caqes::echeance(ymd{2025, 4, 27}, caqes::un_mois, convention_delai::procedure_civile,
                          calendrier_feries::guadeloupe)
              .valeur == ymd{2025, 5, 28});
    CHECK(caqes::echeance(ymd{2025, 4, 27}, caqes::un_mois, convention_delai::procedure_civile,
                          calendrier_feries::martinique)
              .valeur == ymd{2025, 5, 27});
    CHECK(caqes::est_jour_ouvrable(ymd{2025, 6, 10}));
    CHECK_FALSE(caqes::est_jour_ouvrable(ymd{2025, 6, 10}, calendrier_feries::guyane));
}

TEST_CASE("fin_du_terme and the term predicates of duree.hpp", "[calendrier][duree]") {
    using namespace caqes;
    const ymd debut{2022, 7, 1};

    CHECK(fin_du_terme(duree_annees(5), debut, politique_jour::stricte).valeur == ymd{2027, 7, 1});
    CHECK(fin_du_terme(duree_jusqu_a(ymd{2025, 1, 1}), debut, politique_jour::stricte).valeur == ymd{2025, 1, 1});
    CHECK(fin_du_terme(duree_jusqu_a(ymd{2025, 2, 30}), debut, politique_jour::stricte).erreur ==
          regle::date_inexistante);
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
