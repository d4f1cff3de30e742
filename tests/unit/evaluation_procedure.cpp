// Evaluation: the procedure calendar (D.162-15, D.162-16 III and IV), deadline conventions and
// French public holidays.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

using namespace caqes;

TEST_CASE("31 January + 1 month under each convention", "[evaluation][procedure]") {
    const date_calculee s = echeance(ymd{2025, 1, 31}, un_mois, convention_delai::stricte);
    CHECK_FALSE(s.ok());
    CHECK(s.erreur == regle::date_calendaire_impossible);
    CHECK(echeance(ymd{2025, 1, 31}, un_mois, convention_delai::fin_de_mois).valeur == ymd{2025, 2, 28});
    CHECK(echeance(ymd{2025, 1, 31}, un_mois, convention_delai::report).valeur == ymd{2025, 3, 3});
    CHECK(echeance(ymd{2025, 1, 31}, un_mois, convention_delai::procedure_civile).valeur ==
          ymd{2025, 2, 28});  // a Friday
    CHECK(echeance(ymd{2024, 1, 31}, un_mois, convention_delai::fin_de_mois).valeur == ymd{2024, 2, 29});
    CHECK(echeance(ymd{2024, 1, 31}, un_mois, convention_delai::report).valeur == ymd{2024, 3, 2});
}

TEST_CASE("procedure_civile moves a deadline off Easter Monday, Ascension, Whit Monday and weekends",
          "[evaluation][procedure]") {
    // [docs:exemple-paques]
    // Receipt 2025-03-21, one month: 2025-04-21 is Easter Monday (Easter is 2025-04-20).
    CHECK(caqes::echeance(caqes::ymd{2025, 3, 21}, caqes::un_mois, caqes::convention_delai::stricte).valeur ==
          caqes::ymd{2025, 4, 21});
    CHECK(caqes::echeance(caqes::ymd{2025, 3, 21}, caqes::un_mois, caqes::convention_delai::procedure_civile).valeur ==
          caqes::ymd{2025, 4, 22});
    // [docs:exemple-paques]
    CHECK(echeance(ymd{2025, 4, 29}, un_mois, convention_delai::procedure_civile).valeur ==
          ymd{2025, 5, 30});  // Ascension 29 May
    CHECK(echeance(ymd{2025, 5, 9}, un_mois, convention_delai::procedure_civile).valeur ==
          ymd{2025, 6, 10});  // Whit Monday 9 June
    CHECK(echeance(ymd{2025, 2, 15}, un_mois, convention_delai::procedure_civile).valeur ==
          ymd{2025, 3, 17});  // Saturday 15 March
    CHECK(echeance(ymd{2025, 2, 15}, un_mois, convention_delai::fin_de_mois).valeur == ymd{2025, 3, 15});
    CHECK(echeance(ymd{2021, 4, 8}, un_mois, convention_delai::procedure_civile).valeur ==
          ymd{2021, 5, 10});  // 8 May, a Saturday
    // Day deadlines: the day of receipt does not count.
    CHECK(echeance(ymd{2025, 4, 6}, quinze_jours, convention_delai::stricte).valeur == ymd{2025, 4, 21});
    CHECK(echeance(ymd{2025, 4, 6}, quinze_jours, convention_delai::procedure_civile).valeur == ymd{2025, 4, 22});
    // Good Friday is a holiday only in Alsace-Moselle: 2025-04-18.
    CHECK(echeance(ymd{2025, 3, 18}, un_mois, convention_delai::procedure_civile).valeur == ymd{2025, 4, 18});
    CHECK(echeance(ymd{2025, 3, 18}, un_mois, convention_delai::procedure_civile, calendrier_feries::alsace_moselle)
              .valeur == ymd{2025, 4, 22});
}

TEST_CASE("Easter and the movable holidays over several years", "[evaluation][procedure]") {
    CHECK(paques(2008) == ymd{2008, 3, 23});
    CHECK(paques(2019) == ymd{2019, 4, 21});
    CHECK(paques(2020) == ymd{2020, 4, 12});
    CHECK(paques(2021) == ymd{2021, 4, 4});
    CHECK(paques(2022) == ymd{2022, 4, 17});
    CHECK(paques(2023) == ymd{2023, 4, 9});
    CHECK(paques(2024) == ymd{2024, 3, 31});
    CHECK(paques(2025) == ymd{2025, 4, 20});
    CHECK(paques(2026) == ymd{2026, 4, 5});
    CHECK(paques(2027) == ymd{2027, 3, 28});
    CHECK(paques(2038) == ymd{2038, 4, 25});  // the latest possible date
    CHECK(paques(2285) == ymd{2285, 3, 22});  // the earliest possible date
    CHECK(est_ferie(ymd{2024, 4, 1}));        // Easter Monday
    CHECK(est_ferie(ymd{2024, 5, 9}));        // Ascension
    CHECK(est_ferie(ymd{2024, 5, 20}));       // Whit Monday
    CHECK_FALSE(est_ferie(ymd{2024, 5, 21}));
    CHECK_FALSE(est_ferie(ymd{2024, 3, 29}));  // Good Friday, national calendar
    CHECK(est_ferie(ymd{2024, 3, 29}, calendrier_feries::alsace_moselle));
    CHECK(est_ferie(ymd{2024, 12, 26}, calendrier_feries::alsace_moselle));
    CHECK_FALSE(est_ferie(ymd{2024, 12, 26}));
}

TEST_CASE("contracting: one month in 2017, three weeks in 2022, then 15 days", "[evaluation][procedure]") {
    const calendrier_contractualisation c17 =
        contractualisation(ymd{2017, 9, 1}, ymd{2017, 9, 1}, ymd{2017, 10, 20}, convention_delai::stricte);
    CHECK(c17.signature.date.valeur == ymd{2017, 10, 1});
    CHECK(c17.signature.loi->reference.legi_id == "LEGIARTI000034459846");
    CHECK(c17.apres_notification.date.valeur == ymd{2017, 11, 4});
    // 2017-10-01 is a Sunday.
    CHECK(contractualisation(ymd{2017, 9, 1}, ymd{2017, 9, 1}, {}, convention_delai::procedure_civile)
              .signature.date.valeur == ymd{2017, 10, 2});

    const calendrier_contractualisation c22 =
        contractualisation(ymd{2022, 3, 1}, ymd{2022, 3, 1}, {}, convention_delai::stricte);
    CHECK(c22.signature.date.valeur == ymd{2022, 3, 22});
    CHECK(c22.signature.loi->reference.legi_id == "LEGIARTI000044102672");
    CHECK_FALSE(c22.apres_notification.date.ok());  // no second notification received yet
}

TEST_CASE("a hearing requested in time extends the deadline to the hearing, a late request does not",
          "[evaluation][procedure]") {
    const ymd reception{2025, 3, 3};    // deadline for observations: 2025-04-03
    const ymd regles_2017{2021, 6, 1};  // a first-generation evaluation read under the 2017 version
    const calendrier_evaluation sans = evaluation_annuelle(regles_2017, reception, convention_delai::stricte);
    CHECK(sans.observations.date.valeur == ymd{2025, 4, 3});
    CHECK(sans.notification.date.valeur == ymd{2025, 6, 3});  // 2 months from the expiry

    const calendrier_evaluation a_temps =
        evaluation_annuelle(regles_2017, reception, convention_delai::stricte, {ymd{2025, 3, 20}, ymd{2025, 4, 15}});
    CHECK(a_temps.observations.date.valeur == ymd{2025, 4, 15});
    CHECK(a_temps.notification.date.valeur == ymd{2025, 6, 15});

    const calendrier_evaluation dernier_jour =
        evaluation_annuelle(reception, reception, convention_delai::stricte, {ymd{2025, 4, 3}, ymd{2025, 4, 15}});
    CHECK(dernier_jour.observations.date.valeur == ymd{2025, 4, 15});
    CHECK(dernier_jour.observations.loi->reference.legi_id == "LEGIARTI000044102658");

    const calendrier_evaluation tard =
        evaluation_annuelle(regles_2017, reception, convention_delai::stricte, {ymd{2025, 4, 4}, ymd{2025, 4, 15}});
    CHECK(tard.observations.date.valeur == ymd{2025, 4, 3});

    const calendrier_evaluation finale =
        evaluation_annuelle(regles_2017, reception, convention_delai::stricte, {}, ymd{2025, 6, 10});
    CHECK(finale.observations_finales.date.valeur == ymd{2025, 6, 25});
}

TEST_CASE("issue 12: procedure deadlines are read from the law table at the day of the rules, with the version cited",
          "[evaluation][procedure][loi]") {
    // D.162-15: one month under LEGIARTI000034459846, three weeks under LEGIARTI000044102672,
    // for the same receipt date: only the day of the rules differs.
    const ymd reception{2021, 12, 1};
    const calendrier_contractualisation avant =
        contractualisation(ymd{2021, 12, 31}, reception, {}, convention_delai::stricte);
    const calendrier_contractualisation apres =
        contractualisation(ymd{2022, 1, 1}, reception, {}, convention_delai::stricte);
    REQUIRE(avant.signature.prevue);
    REQUIRE(apres.signature.prevue);
    CHECK(avant.signature.date.valeur == ymd{2022, 1, 1});
    CHECK(avant.signature.loi->reference.legi_id == "LEGIARTI000034459846");
    CHECK(apres.signature.date.valeur == ymd{2021, 12, 22});
    CHECK(apres.signature.loi->reference.legi_id == "LEGIARTI000044102672");
    CHECK(apres.apres_notification.prevue);  // 15 days exist, no receipt yet
    CHECK_FALSE(apres.apres_notification.date.ok());

    // D.162-16 from 2025-12-31: LEGIARTI000053220456.
    const calendrier_evaluation e26 =
        evaluation_annuelle(ymd{2026, 3, 1}, ymd{2026, 3, 2}, convention_delai::stricte, {}, ymd{2026, 6, 1});
    REQUIRE(e26.observations.prevue);
    CHECK(e26.observations.loi->reference.legi_id == "LEGIARTI000053220456");
    CHECK(e26.observations.date.valeur == ymd{2026, 4, 2});
    CHECK(e26.notification.date.valeur == ymd{2026, 6, 2});
    CHECK(e26.observations_finales.date.valeur == ymd{2026, 6, 16});
}

TEST_CASE("issue 12: no CAQES deadline exists before 2017-04-23 or once L.162-30-2 is repealed on 2027-01-01",
          "[evaluation][procedure][loi]") {
    for (const ymd jour : {ymd{2017, 4, 22}, ymd{2027, 1, 1}, ymd{2028, 5, 1}}) {
        const calendrier_evaluation e = evaluation_annuelle(jour, jour, convention_delai::stricte, {}, jour);
        const calendrier_contractualisation c = contractualisation(jour, jour, jour, convention_delai::stricte);
        for (const echeance_procedure* s :
             {&e.observations, &e.notification, &e.observations_finales, &c.signature, &c.apres_notification}) {
            CHECK_FALSE(s->prevue);
            CHECK(s->loi == nullptr);
            CHECK_FALSE(s->date.ok());
        }
    }
    // The day before the repeal, the 2025 version still sets them.
    const calendrier_evaluation veille_abrogation =
        evaluation_annuelle(ymd{2026, 12, 31}, ymd{2026, 12, 1}, convention_delai::stricte);
    CHECK(veille_abrogation.observations.prevue);
    CHECK(veille_abrogation.observations.date.valeur == ymd{2027, 1, 1});
}

TEST_CASE("a length of time of the law becomes a deadline in months and days, anything else is none",
          "[evaluation][procedure][loi]") {
    const valeur_legale semaines =
        constante_en_vigueur(article_loi::d162_15, constante_legale::delai_signature, ymd{2023, 1, 1});
    REQUIRE(delai_legal(semaines).has_value());
    CHECK(delai_legal(semaines)->jours == 21);
    CHECK(delai_legal(semaines)->mois == 0);
    const valeur_legale taux =
        constante_en_vigueur(article_loi::d162_15, constante_legale::taux_sanction_refus, ymd{2023, 1, 1});
    REQUIRE(taux.en_vigueur());
    CHECK_FALSE(delai_legal(taux).has_value());  // a rate is not a length of time
    CHECK_FALSE(delai_legal(valeur_legale{}).has_value());
}

TEST_CASE("the evaluation calendar skips the holidays of the establishment's department",
          "[evaluation][procedure][feries]") {
    // Report received 2019-04-26: one month ends on Sunday 2019-05-26, so a working-day
    // convention moves it to Monday 27 May, the abolition day in Guadeloupe (decree 83-1003).
    const ymd jour{2019, 6, 30};
    const calendrier_evaluation national =
        evaluation_annuelle(jour, ymd{2019, 4, 26}, convention_delai::procedure_civile);
    REQUIRE(national.observations.date.ok());
    CHECK(national.observations.date.valeur == ymd{2019, 5, 27});
    const calendrier_evaluation guadeloupe = evaluation_annuelle(
        jour, ymd{2019, 4, 26}, convention_delai::procedure_civile, {}, {}, calendrier_feries::guadeloupe);
    CHECK(guadeloupe.observations.date.valeur == ymd{2019, 5, 28});
    // The notification's two months run from there: 2019-07-27 is a Saturday, so Monday 29 July.
    CHECK(guadeloupe.notification.date.valeur == ymd{2019, 7, 29});
    CHECK(national.notification.date.valeur == ymd{2019, 7, 29});
}
