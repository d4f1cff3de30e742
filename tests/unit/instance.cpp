// Contract instances: parties, FINESS, activities, dates, avenants, and the template rules
// re-applied with the contract's actual start and its avenant volets.
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <array>
#include <string>
#include <vector>

using namespace caqes;
using outils::contient_texte;

namespace t_instance {

// Second generation, 2022-07-01 -> 2024-12-31, 5 years, kept and flagged past 2027-01-01.
inline constexpr std::array<volet_modele, 1> volets_2022{{
    {.volet = volet_id::volet_pertinence_soins,
     .terme = duree_annees(5),
     .grille = referentiels::indicateurs_nationaux_2022,
     .clauses = interessement},
}};
inline constexpr modele_contrat_def def_2022{.nom = "generation 2022-2024",
                                             .regime = regime_id::caqes_2022,
                                             .fenetre = periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31}),
                                             .volets = volets_2022,
                                             .transition = politique_transition::maintien_signale};
struct modele_2022 : modele_contrat<def_2022> {};

// No transition policy, a 2-year term: within the regime for every start in the window.
inline constexpr std::array<volet_modele, 1> volets_nc{{
    {.volet = volet_id::volet_organisation_soins, .terme = duree_annees(2), .clauses = interessement},
}};
inline constexpr modele_contrat_def def_sans_transition{
    .nom = "2022 sans politique de transition",
    .regime = regime_id::caqes_2022,
    .fenetre = periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31}),
    .volets = volets_nc};
struct modele_sans_transition : modele_contrat<def_sans_transition> {};

// A 2022 template whose scope leaves USLD out.
inline constexpr modele_contrat_def def_sans_usld{.nom = "2022 sans USLD",
                                                  .regime = regime_id::caqes_2022,
                                                  .fenetre = periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31}),
                                                  .perimetre = activite_mco | activite_psychiatrie | activite_smr,
                                                  .volets = volets_nc};
struct modele_sans_usld : modele_contrat<def_sans_usld> {};

// The successor is a scheme, not a contract: nobody signs it.
inline constexpr std::array<indicateur, 0> aucun_objectif{};
inline constexpr dispositif_efficience_def def_dispositif{
    .nom = "successeur", .fenetre = periode{ymd{2026, 1, 1}, ymd{2027, 1, 1}}, .objectifs = aucun_objectif};

}  // namespace t_instance

namespace {

contrat_instance instance_2022() {
    contrat_instance c;
    c.etab = {.finess_ej = "750000001",
              .finess_et = {"750000019", "750000027"},
              .raison_sociale = "CH exemple",
              .region = "Ile-de-France",
              .caisse_locale = "CPAM de Paris",
              .categorie = categorie_juridique::public_,
              .activites_exercees = activite_mco | activite_smr};
    c.parties = {"ARS Ile-de-France", "CPAM de Paris", "Directeur du CH exemple"};
    c.reception_proposition = ymd{2022, 8, 1};
    c.signature = ymd{2022, 8, 20};
    c.debut_effet = ymd{2022, 9, 1};
    return c;
}

void exige_seule(const violations& vs, regle r, const std::string& lieu) {
    INFO(outils::tout(vs));
    REQUIRE(vs.size() == 1);
    CHECK(vs[0].id == r);
    CHECK(vs[0].lieu == lieu);
}

void exige(const violations& vs, regle r, const std::string& partie_lieu) {
    INFO(outils::tout(vs));
    const violation* v = outils::trouver(vs, r);
    REQUIRE(v != nullptr);
    CHECK(contient_texte(v->lieu, partie_lieu));
}

void exige_valide(const violations& vs) {
    INFO(outils::tout(vs));
    CHECK(vs.empty());
}

avenant avenant_volet(ymd signature, volet_id v, duree terme) {
    return {signature, volet_modele{.volet = v, .terme = terme, .clauses = interessement}};
}

}  // namespace

TEST_CASE("instance: a valid instance of a valid template has no violation", "[instance]") {
    STATIC_REQUIRE(t_instance::modele_2022::valide);
    exige_valide(validate(t_instance::def_2022, instance_2022()));
}

TEST_CASE("instance CAQES-E020: each missing party is named", "[instance][E020]") {
    contrat_instance c = instance_2022();
    SECTION("ars") {
        c.parties.ars.clear();
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::partie_absente, "parties");
        CHECK(vs[0].detail == "missing: ars");
    }
    SECTION("organisme_local") {
        c.parties.organisme_local.clear();
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::partie_absente, "parties");
        CHECK(vs[0].detail == "missing: organisme_local");
    }
    SECTION("representant_legal") {
        c.parties.representant_legal.clear();
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::partie_absente, "parties");
        CHECK(vs[0].detail == "missing: representant_legal");
    }
    SECTION("all three: one violation naming them all") {
        c.parties = {};
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::partie_absente, "parties");
        CHECK(vs[0].detail == "missing: ars organisme_local representant_legal");
    }
    CHECK(regles::parties_presentes(instance_2022().parties));
}

TEST_CASE("instance CAQES-E022: FINESS numbers are nine characters, department then digits", "[instance][E022]") {
    CHECK(regles::finess_bien_forme("750000001"));
    CHECK(regles::finess_bien_forme("2A0000001"));
    CHECK(regles::finess_bien_forme("2B0000001"));
    CHECK(regles::finess_bien_forme("970000001"));
    CHECK_FALSE(regles::finess_bien_forme("75000001"));    // 8 characters
    CHECK_FALSE(regles::finess_bien_forme("7500000011"));  // 10 characters
    CHECK_FALSE(regles::finess_bien_forme("75000000A"));   // a letter among the digits
    CHECK_FALSE(regles::finess_bien_forme("AB0000001"));   // letters as department
    CHECK_FALSE(regles::finess_bien_forme("2C0000001"));   // only 2A and 2B
    CHECK_FALSE(regles::finess_bien_forme("2a0000001"));   // upper case only
    CHECK_FALSE(regles::finess_bien_forme(""));
    // What is wrong, for the readers' messages (csv::detail::finess_mal_forme_detail).
    using genre = regles::defaut_finess::genre;
    STATIC_REQUIRE(regles::examiner_finess("2B0000001").g == genre::aucun);
    STATIC_REQUIRE(regles::examiner_finess("75000001").g == genre::longueur);
    STATIC_REQUIRE(regles::examiner_finess("2C0000001").g == genre::departement);
    STATIC_REQUIRE(regles::examiner_finess("2a0000001").g == genre::departement);
    STATIC_REQUIRE(regles::examiner_finess("75000000A").g == genre::chiffre);
    STATIC_REQUIRE(regles::examiner_finess("75000000A").position == 8);
    STATIC_REQUIRE(regles::examiner_finess("7500X0001").position == 4);

    contrat_instance c = instance_2022();
    SECTION("legal entity, 8 characters") {
        c.etab.finess_ej = "75000001";
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::finess_mal_forme, "etablissement.finess_ej");
        // What is wrong, as the readers say it (regles::defaut_finess_texte; the title gives the form).
        CHECK(vs[0].detail == "\"75000001\" is 8 characters long");
    }
    SECTION("legal entity, 10 characters") {
        c.etab.finess_ej = "7500000011";
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::finess_mal_forme, "etablissement.finess_ej");
        CHECK(contient_texte(vs[0].detail, "\"7500000011\" is 10 characters long"));
    }
    SECTION("legal entity, letters") {
        c.etab.finess_ej = "75000000A";
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::finess_mal_forme, "etablissement.finess_ej");
        CHECK(contient_texte(vs[0].detail, "\"75000000A\": character 9 is not a digit"));
    }
    SECTION("Corsica 2A accepted, 2C rejected") {
        c.etab.finess_ej = "2A0000001";
        exige_valide(validate(t_instance::def_2022, c));
        c.etab.finess_ej = "2C0000001";
        exige_seule(validate(t_instance::def_2022, c), regle::finess_mal_forme, "etablissement.finess_ej");
    }
    SECTION("a bad site is located by its index") {
        c.etab.finess_et[1] = "75000002";
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::finess_mal_forme, "etablissement.finess_et[1]");
        CHECK(contient_texte(vs[0].detail, "75000002"));
    }
}

TEST_CASE("instance CAQES-E024: the establishment exercises an activity of the template's scope", "[instance][E024]") {
    STATIC_REQUIRE(t_instance::modele_sans_usld::valide);
    contrat_instance c = instance_2022();
    SECTION("USLD only against a scope without USLD") {
        c.etab.activites_exercees = activite_usld;
        exige_seule(validate(t_instance::def_sans_usld, c), regle::activite_hors_perimetre,
                    "etablissement.activites_exercees");
    }
    SECTION("no activity at all") {
        c.etab.activites_exercees = activites{};
        exige_seule(validate(t_instance::def_sans_usld, c), regle::activite_hors_perimetre,
                    "etablissement.activites_exercees");
    }
    SECTION("accepted: USLD with MCO") {
        c.etab.activites_exercees = activite_usld | activite_mco;
        exige_valide(validate(t_instance::def_sans_usld, c));
    }
}

TEST_CASE("issue 12: a successor scheme has no contract instance, CAQES-E043", "[instance][E043][successeur]") {
    const dispositif_charge d{t_instance::def_dispositif};
    contrat_instance c = instance_2022();
    c.reception_proposition = ymd{2026, 1, 5};
    c.signature = ymd{2026, 1, 20};
    c.debut_effet = ymd{2026, 2, 1};
    exige_seule(validate(d.modele(), c), regle::hors_caqes, "modele.regime");
    exige_valide(validate(t_instance::def_sans_usld, instance_2022()));
}

TEST_CASE("instance CAQES-E021: dates in order and inside the windows", "[instance][E021]") {
    contrat_instance c = instance_2022();
    SECTION("reception after signature") {
        c.reception_proposition = ymd{2022, 8, 25};
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::date_hors_fenetre, "signature");
        CHECK(contient_texte(vs[0].detail, "reception 2022-08-25"));
    }
    SECTION("signature after the start") {
        c.signature = ymd{2022, 9, 2};
        exige_seule(validate(t_instance::def_2022, c), regle::date_hors_fenetre, "signature");
    }
    SECTION("accepted: reception, signature and start on one day") {
        c.reception_proposition = c.signature = c.debut_effet = ymd{2022, 9, 1};
        exige_valide(validate(t_instance::def_2022, c));
    }
    SECTION("start after the template's window") {
        c.reception_proposition = ymd{2025, 1, 15};
        c.signature = ymd{2025, 2, 1};
        c.debut_effet = ymd{2025, 3, 1};
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::date_hors_fenetre, "debut_effet");
        CHECK(contient_texte(vs[0].detail, "2025-03-01 outside the template's window [2022-07-01, 2025-01-01)"));
    }
    SECTION("start before the template's window") {
        c.reception_proposition = ymd{2022, 5, 1};
        c.signature = ymd{2022, 5, 15};
        c.debut_effet = ymd{2022, 6, 30};
        exige_seule(validate(t_instance::def_2022, c), regle::date_hors_fenetre, "debut_effet");
    }
    SECTION("accepted: start on the window's last day") {
        c.reception_proposition = ymd{2024, 11, 1};
        c.signature = ymd{2024, 12, 1};
        c.debut_effet = ymd{2024, 12, 31};
        exige_valide(validate(t_instance::def_2022, c));
    }
    SECTION("avenant before the contract's signature") {
        c.avenants.push_back({ymd{2022, 8, 19}, {}});
        exige_seule(validate(t_instance::def_2022, c), regle::date_hors_fenetre, "avenants[0].signature");
    }
    SECTION("avenant on or after the regime's end") {
        c.avenants.push_back({ymd{2023, 3, 1}, {}});
        c.avenants.push_back({ymd{2027, 1, 1}, {}});
        exige_seule(validate(t_instance::def_2022, c), regle::date_hors_fenetre, "avenants[1].signature");
    }
    SECTION("accepted: avenants on the signature day and on the regime's last day") {
        c.avenants.push_back({ymd{2022, 8, 20}, {}});
        c.avenants.push_back({ymd{2026, 12, 31}, {}});
        exige_valide(validate(t_instance::def_2022, c));
    }
    CHECK(regles::dates_ordonnees(ymd{2022, 1, 1}, ymd{2022, 1, 1}, ymd{2022, 1, 1}));
    CHECK_FALSE(regles::dates_ordonnees(ymd{2022, 1, 2}, ymd{2022, 1, 1}, ymd{2022, 1, 3}));
    CHECK(regles::debut_dans_fenetre(t_instance::def_2022, ymd{2022, 7, 1}));
    CHECK_FALSE(regles::debut_dans_fenetre(t_instance::def_2022, ymd{2025, 1, 1}));
    CHECK(regles::avenant_dans_fenetre(t_instance::def_2022, ymd{2022, 8, 20}, ymd{2026, 12, 31}));
    CHECK_FALSE(regles::avenant_dans_fenetre(t_instance::def_2022, ymd{2022, 8, 20}, ymd{2027, 1, 1}));
}

TEST_CASE("instance CAQES-E001: impossible dates in an instance", "[instance][E001]") {
    contrat_instance c = instance_2022();
    SECTION("an impossible signature stops the dated checks") {
        c.signature = ymd{2022, 2, 30};
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::date_inexistante, "signature");
        CHECK(vs[0].detail == "2022-02-30");
    }
    SECTION("each impossible date is reported") {
        c.reception_proposition = ymd{2022, 6, 31};
        c.debut_effet = ymd{2022, 9, 31};
        const violations vs = validate(t_instance::def_2022, c);
        INFO(outils::tout(vs));
        REQUIRE(vs.size() == 2);
        CHECK(vs[0].lieu == "reception_proposition");
        CHECK(vs[1].lieu == "debut_effet");
    }
    SECTION("an impossible avenant date") {
        c.avenants.push_back({ymd{2023, 2, 29}, {}});
        exige_seule(validate(t_instance::def_2022, c), regle::date_inexistante, "avenants[0].signature");
    }
}

TEST_CASE("instance CAQES-E021: a first-generation CAQES is concluded from 2017-04-23 on", "[instance][E021]") {
    contrat_instance c = evalmod::instance_2017();
    exige_valide(validate(evalmod::def_2017, c));
    // Concluded the day before: an earlier contract (decret 2017-584 art. 2), though in effect
    // from 2017-07-01, inside the template's window.
    c.reception_proposition = ymd{2017, 3, 1};
    c.signature = ymd{2017, 4, 22};
    const violations vs = validate(evalmod::def_2017, c);
    exige_seule(vs, regle::date_hors_fenetre, "signature");
    CHECK(contient_texte(vs[0].detail, "2017-04-22 is before 2017-04-23"));
    c.signature = ymd{2017, 4, 23};
    exige_valide(validate(evalmod::def_2017, c));
    // Not a rule of the second generation: a 2022 contract signed in 2021 is not refused by it.
    STATIC_REQUIRE(regles::signature_dans_regime(t_instance::def_2022, ymd{2021, 12, 1}));
    STATIC_REQUIRE_FALSE(regles::signature_dans_regime(evalmod::def_2017, ymd{2017, 4, 22}));
}

TEST_CASE("instance: a volet added by avenant goes through the template rules", "[instance][avenant]") {
    contrat_instance c = instance_2022();
    SECTION("accepted: a new volet within the limits") {
        c.avenants.push_back(avenant_volet(ymd{2023, 1, 10}, volet_id::volet_bon_usage, duree_annees(3)));
        exige_valide(validate(t_instance::def_2022, c));
    }
    SECTION("E008: the avenant duplicates a volet of the template") {
        c.avenants.push_back(avenant_volet(ymd{2023, 1, 10}, volet_id::volet_pertinence_soins, duree_annees(2)));
        exige_seule(validate(t_instance::def_2022, c), regle::volet_en_double, "volets[1] (volet_pertinence_soins)");
    }
    SECTION("E018: the avenant's volet runs past the contract's start + 5 years") {
        c.avenants.push_back(avenant_volet(ymd{2023, 1, 10}, volet_id::volet_bon_usage, duree_annees(5)));
        exige_seule(validate(t_instance::def_2022, c), regle::contrat_superieur_5_ans, "volets[1] (volet_bon_usage)");
    }
    SECTION("E004: the avenant's volet lasts more than five years") {
        c.avenants.push_back(avenant_volet(ymd{2023, 1, 10}, volet_id::volet_bon_usage, duree_annees(6)));
        const violations vs = validate(t_instance::def_2022, c);
        exige(vs, regle::duree_superieure_5_ans, "volets[1] (volet_bon_usage)");
        CHECK(outils::ids(vs) == std::vector<regle>{regle::duree_superieure_5_ans, regle::contrat_superieur_5_ans});
    }
    SECTION("E009: the avenant adds a volet of another regime") {
        c.avenants.push_back(avenant_volet(ymd{2023, 1, 10}, volet_id::volet_transports, duree_annees(2)));
        exige_seule(validate(t_instance::def_2022, c), regle::volet_hors_regime, "volets[1] (volet_transports)");
    }
    SECTION("the volet's own start, when given, is used instead of the avenant's signature") {
        avenant a = avenant_volet(ymd{2023, 1, 10}, volet_id::volet_bon_usage, duree_annees(2));
        a.volet_ajoute->debut = ymd{2023, 3, 1};
        c.avenants.push_back(a);
        exige_valide(validate(t_instance::def_2022, c));
        CHECK(volets_du_contrat(t_instance::def_2022, c)[1].debut == ymd{2023, 3, 1});
        // Before the regime, and so before the avenant: both rules say so.
        c.avenants[0].volet_ajoute->debut = ymd{2021, 12, 1};
        const violations vs = validate(t_instance::def_2022, c);
        exige(vs, regle::debut_hors_regime, "volets[1] (volet_bon_usage)");
        exige(vs, regle::date_hors_fenetre, "avenants[0].volet_ajoute.debut");
        CHECK(vs.size() == 2);
    }
    SECTION("E021: a template's volet with a start of its own may not start before the contract") {
        // The template plans the volet from 2023-01-01: a contract from 2022-09-01 takes it then.
        std::array<volet_modele, 1> volets{t_instance::volets_2022[0]};
        volets[0].debut = ymd{2023, 1, 1};
        volets[0].terme = duree_annees(2);  // within the contract's five years (CAQES-E018)
        modele_contrat_def m = t_instance::def_2022;
        m.volets = volets;
        exige_valide(validate(m, c));
        // A contract that starts on the volet's day is accepted; one from 2023-03-01 would have
        // the volet in force for two months before the contract.
        c.debut_effet = ymd{2023, 1, 1};
        exige_valide(validate(m, c));
        c.debut_effet = ymd{2023, 3, 1};
        const violations vs = validate(m, c);
        exige_seule(vs, regle::date_hors_fenetre, "debut_effet");
        CHECK(vs[0].detail ==
              "2023-03-01 is after the start 2023-01-01 the template gives volets[0] (volet_pertinence_soins): a "
              "volet takes effect within the contract, not before it");
    }
    SECTION("E021: a volet an avenant adds may not start before the avenant is signed") {
        avenant a = avenant_volet(ymd{2023, 1, 10}, volet_id::volet_bon_usage, duree_annees(2));
        a.volet_ajoute->debut = ymd{2022, 9, 1};  // the contract's own start, before the avenant
        c.avenants.push_back(a);
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::date_hors_fenetre, "avenants[0].volet_ajoute.debut");
        CHECK(contient_texte(vs[0].detail, "2022-09-01 is before the avenant's signature 2023-01-10"));
        // Accepted on the day it is signed.
        c.avenants[0].volet_ajoute->debut = ymd{2023, 1, 10};
        exige_valide(validate(t_instance::def_2022, c));
    }
    SECTION("E021: nor before the contract's start, when the avenant was signed before it") {
        // Signed 2022-08-20, in effect from 2022-09-01; the avenant signed in between.
        avenant a = avenant_volet(ymd{2022, 8, 25}, volet_id::volet_bon_usage, duree_annees(2));
        a.volet_ajoute->debut = ymd{2022, 8, 28};
        c.avenants.push_back(a);
        const violations vs = validate(t_instance::def_2022, c);
        exige_seule(vs, regle::date_hors_fenetre, "avenants[0].volet_ajoute.debut");
        CHECK(contient_texte(vs[0].detail, "or the contract's start 2022-09-01"));
        // Without a start of its own it takes effect with the contract, not on the avenant's day.
        c.avenants[0].volet_ajoute->debut.reset();
        exige_valide(validate(t_instance::def_2022, c));
        CHECK(volets_du_contrat(t_instance::def_2022, c)[1].debut == ymd{2022, 9, 1});
        c.avenants[0].signature = ymd{2022, 10, 3};
        CHECK(volets_du_contrat(t_instance::def_2022, c)[1].debut == ymd{2022, 10, 3});
    }
}

TEST_CASE("instance CAQES-E006: caught at run time for a template that compiled", "[instance][E006]") {
    // The template is valid, at compile time and at run time: its check uses the window's
    // latest start (2024-12-31 + 2 years = 2026-12-31), so no start inside the window can
    // run past 2027-01-01.
    STATIC_REQUIRE(t_instance::modele_sans_transition::valide);
    REQUIRE(validate(t_instance::def_sans_transition).empty());

    contrat_instance c = instance_2022();
    SECTION("accepted: the latest start of the window") {
        c.reception_proposition = ymd{2024, 11, 1};
        c.signature = ymd{2024, 12, 1};
        c.debut_effet = ymd{2024, 12, 31};
        exige_valide(validate(t_instance::def_sans_transition, c));
    }
    SECTION("a start past the window: E021 and E006") {
        c.reception_proposition = ymd{2025, 3, 1};
        c.signature = ymd{2025, 3, 15};
        c.debut_effet = ymd{2025, 4, 1};
        const violations vs = validate(t_instance::def_sans_transition, c);
        exige(vs, regle::date_hors_fenetre, "debut_effet");
        exige(vs, regle::transition_non_choisie, "volets[0] (volet_organisation_soins)");
        CHECK(vs.size() == 2);
    }
    SECTION("a volet added late by avenant runs past 2027-01-01: E006 alone") {
        c.avenants.push_back(avenant_volet(ymd{2025, 6, 1}, volet_id::volet_bon_usage, duree_annees(2)));
        exige_seule(validate(t_instance::def_sans_transition, c), regle::transition_non_choisie,
                    "volets[1] (volet_bon_usage)");
    }
    SECTION("accepted: the same volet ending with the regime") {
        c.avenants.push_back(avenant_volet(ymd{2025, 6, 1}, volet_id::volet_bon_usage, duree_jusqu_a(ymd{2027, 1, 1})));
        exige_valide(validate(t_instance::def_sans_transition, c));
    }
}
