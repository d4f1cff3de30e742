// Template rules (CAQES-E001 to E019, E023, E052) through the run-time validator, on templates built
// at run time with std::vector storage, plus agreement with the compile-time walk.
#include "outils.hpp"

#include <array>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace caqes;
using outils::contient_texte;

namespace {

// A template as a loader would build it: volets and grids in vectors, bound by span on demand
// (so a copy of a gabarit is safe: `lier` rebinds to the copy's own storage).
struct gabarit {
    modele_contrat_def def{};
    std::vector<volet_modele> volets;
    std::vector<std::vector<indicateur>> grilles;

    void ajouter(volet_modele v, std::vector<indicateur> g = {}) {
        volets.push_back(v);
        grilles.push_back(std::move(g));
    }
    [[nodiscard]] modele_contrat_def lier() {
        for (std::size_t k = 0; k < volets.size(); ++k)
            volets[k].grille = grilles[k];
        def.volets = volets;
        return def;
    }
    // validate(), checked against the constexpr walk evaluated at run time on the same data.
    [[nodiscard]] violations valider() {
        const modele_contrat_def m = lier();
        violations vs = validate(m);
        CHECK(outils::en_bits(vs) == enfreintes(m));
        return vs;
    }
};

indicateur illustratif(std::uint32_t id, std::string_view code) {
    indicateur i{};
    i.id = id;
    i.code = code;
    i.libelle = "indicateur illustratif";
    i.provenance = origine::illustrative;
    i.mesures[0] = mesure<grandeur::taux>{"taux_generiques"}.def();
    i.direction = sens::plus_haut_est_mieux;
    i.objectif = viser(mesure<grandeur::taux>{"taux_generiques"}, taux_pourcent(49));
    i.validite = periode{ymd{2017, 4, 23}, ymd{2022, 1, 1}};
    return i;
}

// First generation: socle (indefinite) + transports (3 years), cut at the regime's end.
gabarit modele_2017() {
    gabarit g;
    g.def.nom = "2017 (charge a l'execution)";
    g.def.regime = regime_id::caqes_2017;
    g.def.fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}};
    g.def.transition = politique_transition::arret_fin_regime;
    g.ajouter({.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction},
              {illustratif(1, "S1"), illustratif(2, "S2")});
    g.ajouter({.volet = volet_id::volet_transports, .terme = duree_annees(3), .clauses = sanction | interessement},
              {illustratif(10, "T1")});
    return g;
}

// Second generation: pertinence volet, 5 years, the national indicators 1 to 3, flagged past 2027.
gabarit modele_2022() {
    gabarit g;
    g.def.nom = "2022 (charge a l'execution)";
    g.def.regime = regime_id::caqes_2022;
    g.def.fenetre = periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31});
    g.def.transition = politique_transition::maintien_signale;
    g.ajouter({.volet = volet_id::volet_pertinence_soins, .terme = duree_annees(5), .clauses = interessement},
              std::vector<indicateur>(referentiels::indicateurs_nationaux_2022.begin(),
                                      referentiels::indicateurs_nationaux_2022.end()));
    return g;
}

// The single violation of rule r, located at `lieu`, with INFO on failure.
void exige_seule(const violations& vs, regle r, const std::string& lieu) {
    INFO(outils::tout(vs));
    REQUIRE(vs.size() == 1);
    CHECK(vs[0].id == r);
    CHECK(vs[0].lieu == lieu);
}

// Some violation of rule r whose location contains `partie_lieu`.
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

}  // namespace

TEST_CASE("modele: valid run-time templates of each regime have no violation", "[modele]") {
    gabarit a = modele_2017();
    exige_valide(a.valider());
    gabarit b = modele_2022();
    exige_valide(b.valider());

    // A copy binds to its own storage.
    gabarit copie = a;
    copie.volets[1].terme = duree_annees(6);
    CHECK(contient(copie.valider(), regle::duree_superieure_5_ans));
    exige_valide(a.valider());
}

TEST_CASE("modele E001: impossible dates in window, volet start, term end, indicator validity", "[modele][E001]") {
    gabarit g = modele_2017();
    SECTION("window: reported once, nothing else is read") {
        g.def.fenetre = periode{ymd{2017, 2, 30}, ymd{2019, 1, 1}};
        exige_seule(g.valider(), regle::date_inexistante, "modele");
    }
    SECTION("a volet's own start") {
        g.volets[1].debut = ymd{2018, 2, 29};
        exige_seule(g.valider(), regle::date_inexistante, "volets[1] (volet_transports)");
    }
    SECTION("an explicit term end") {
        g.volets[1].terme = duree_jusqu_a(ymd{2019, 2, 29});
        exige_seule(g.valider(), regle::date_inexistante, "volets[1] (volet_transports)");
    }
    SECTION("an indicator's validity") {
        g.grilles[0][1].validite = periode{ymd{2017, 4, 23}, ymd{2021, 2, 29}};
        exige_seule(g.valider(), regle::date_inexistante, "volets[0] (volet_socle).grille[1] (id 2, S2)");
    }
    SECTION("accepted: real dates, including a leap day") {
        g.volets[1].debut = ymd{2018, 2, 28};
        g.grilles[0][1].validite = periode{ymd{2016, 2, 29}, ymd{2022, 1, 1}};
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E002: empty window, empty term, empty validity", "[modele][E002]") {
    gabarit g = modele_2017();
    SECTION("empty window") {
        g.def.fenetre = periode{ymd{2018, 1, 1}, ymd{2018, 1, 1}};
        exige_seule(g.valider(), regle::periode_vide, "modele");
    }
    SECTION("inverted window") {
        g.def.fenetre = periode{ymd{2018, 6, 1}, ymd{2018, 1, 1}};
        exige(g.valider(), regle::periode_vide, "modele");
    }
    SECTION("a term of zero years") {
        g.volets[1].terme = duree_annees(0);
        exige_seule(g.valider(), regle::periode_vide, "volets[1] (volet_transports)");
    }
    SECTION("an explicit end on the start day") {
        g.volets[1].terme = duree_jusqu_a(ymd{2017, 7, 1});
        exige_seule(g.valider(), regle::periode_vide, "volets[1] (volet_transports)");
    }
    SECTION("an empty validity is E002, not E012") {
        g.grilles[1][0].validite = periode{ymd{2018, 1, 1}, ymd{2018, 1, 1}};
        exige_seule(g.valider(), regle::periode_vide, "volets[1] (volet_transports).grille[0] (id 10, T1)");
    }
    SECTION("accepted: one year, or an end the day after the start") {
        g.volets[1].terme = duree_annees(1);
        exige_valide(g.valider());
        g.volets[1].terme = duree_jusqu_a(ymd{2017, 7, 2});
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E003: start outside the regime's window", "[modele][E003]") {
    gabarit g = modele_2017();
    SECTION("the template's window starts before 2017-04-23") {
        g.def.fenetre = periode{ymd{2017, 1, 1}, ymd{2017, 6, 1}};
        for (auto& grille : g.grilles) {
            for (auto& i : grille)
                i.validite = periode{};
        }
        const violations vs = g.valider();
        exige_seule(vs, regle::debut_hors_regime, "modele");
        CHECK(contient_texte(vs[0].detail, "start 2017-01-01"));
        CHECK(contient_texte(vs[0].detail, "[2017-04-23, 2022-01-01)"));
    }
    SECTION("a second-generation template starting in 2021") {
        gabarit h = modele_2022();
        h.def.fenetre = periode{ymd{2021, 7, 1}, ymd{2022, 7, 1}};
        h.grilles[0].clear();
        exige_seule(h.valider(), regle::debut_hors_regime, "modele");
    }
    SECTION("a volet's own start after the regime's end") {
        g.volets[1].debut = ymd{2022, 2, 1};
        const violations vs = g.valider();
        exige(vs, regle::debut_hors_regime, "volets[1] (volet_transports)");
        CHECK(contient_texte(outils::trouver(vs, regle::debut_hors_regime)->detail, "start 2022-02-01"));
    }
    SECTION("accepted: a volet's own start inside the regime") {
        g.volets[1].debut = ymd{2019, 6, 1};
        exige_valide(g.valider());
    }
    CHECK(regles::debut_dans_regime(regime_id::successeur_2026, ymd{2026, 1, 1}));
    CHECK_FALSE(regles::debut_dans_regime(regime_id::successeur_2026, ymd{2025, 12, 31}));
    CHECK(regles::debut_dans_regime(regime_id::contrats_anterieurs, ymd{2017, 4, 22}));
    CHECK_FALSE(regles::debut_dans_regime(regime_id::contrats_anterieurs, ymd{2017, 4, 23}));
}

TEST_CASE("modele E004: a bounded term of at most five years", "[modele][E004]") {
    gabarit g = modele_2017();
    SECTION("six years") {
        g.volets[1].terme = duree_annees(6);
        exige_seule(g.valider(), regle::duree_superieure_5_ans, "volets[1] (volet_transports)");
    }
    SECTION("five years") {
        g.volets[1].terme = duree_annees(5);
        exige_valide(g.valider());
    }
    SECTION("an explicit end exactly five years after the window's start passes") {
        g.volets[1].terme = duree_jusqu_a(ymd{2022, 7, 1});
        exige_valide(g.valider());
    }
    SECTION("one day more fails") {
        g.volets[1].terme = duree_jusqu_a(ymd{2022, 7, 2});
        exige_seule(g.valider(), regle::duree_superieure_5_ans, "volets[1] (volet_transports)");
    }
}

TEST_CASE("modele E004 from 29 February: a limit that is no day under stricte still bounds the term",
          "[modele][E004][E023]") {
    // 29 February 2020 + 5 years is no day under `stricte`; the other policies read it as
    // 28 February (fin_de_mois) or 1 March 2025 (report). The rule used to hold whatever the end.
    gabarit g = modele_2017();
    g.def.fenetre = periode{ymd{2020, 2, 29}, ymd{2020, 3, 1}};
    const std::string lieu = "volets[1] (volet_transports)";
    SECTION("an end past every reading is too long") {
        g.volets[1].terme = duree_jusqu_a(ymd{2027, 1, 1});
        exige_seule(g.valider(), regle::duree_superieure_5_ans, lieu);
        g.volets[1].terme = duree_jusqu_a(ymd{2025, 3, 2});
        exige_seule(g.valider(), regle::duree_superieure_5_ans, lieu);
    }
    SECTION("accepted: an end within every reading") {
        g.volets[1].terme = duree_jusqu_a(ymd{2025, 2, 28});
        exige_valide(g.valider());
    }
    SECTION("an end the readings disagree on is CAQES-E023, never a pass; a policy decides it") {
        g.volets[1].terme = duree_jusqu_a(ymd{2025, 3, 1});
        exige_seule(g.valider(), regle::date_calendaire_impossible, lieu);
        g.def.jours = politique_jour::report;
        exige_valide(g.valider());
        g.def.jours = politique_jour::fin_de_mois;
        exige_seule(g.valider(), regle::duree_superieure_5_ans, lieu);
    }
    // The predicates, as both times call them.
    using regles::dans_cinq_ans;
    STATIC_REQUIRE(regles::fin_dans_cinq_ans(ymd{2024, 2, 29}, ymd{2031, 1, 1}, politique_jour::stricte) ==
                   dans_cinq_ans::non);
    STATIC_REQUIRE(regles::fin_dans_cinq_ans(ymd{2024, 2, 29}, ymd{2029, 2, 28}, politique_jour::stricte) ==
                   dans_cinq_ans::oui);
    STATIC_REQUIRE(regles::fin_dans_cinq_ans(ymd{2024, 2, 29}, ymd{2029, 3, 1}, politique_jour::stricte) ==
                   dans_cinq_ans::indecis);
    STATIC_REQUIRE(regles::fin_dans_cinq_ans(ymd{2024, 3, 1}, ymd{2029, 3, 1}, politique_jour::stricte) ==
                   dans_cinq_ans::oui);
    STATIC_REQUIRE_FALSE(
        regles::duree_au_plus_5_ans(duree_jusqu_a(ymd{2031, 1, 1}), ymd{2024, 2, 29}, politique_jour::stricte));
    STATIC_REQUIRE_FALSE(
        regles::fin_calculable(duree_jusqu_a(ymd{2029, 3, 1}), ymd{2024, 2, 29}, politique_jour::stricte));
}

TEST_CASE("modele E005: an indefinite term only for the first-generation socle", "[modele][E005]") {
    SECTION("an additional 2017 volet") {
        gabarit g = modele_2017();
        g.volets[1].terme = duree_indeterminee;
        exige_seule(g.valider(), regle::duree_indeterminee_interdite, "volets[1] (volet_transports)");
    }
    SECTION("a 2022 volet") {
        gabarit g = modele_2022();
        g.volets[0].terme = duree_indeterminee;
        exige_seule(g.valider(), regle::duree_indeterminee_interdite, "volets[0] (volet_pertinence_soins)");
    }
    SECTION("accepted: the 2017 socle") {
        gabarit g = modele_2017();
        REQUIRE(g.volets[0].terme == duree_indeterminee);
        exige_valide(g.valider());
        CHECK(regles::duree_indeterminee_permise(volet_id::volet_socle, duree_indeterminee));
        CHECK_FALSE(regles::duree_indeterminee_permise(volet_id::volet_bon_usage, duree_indeterminee));
    }
}

TEST_CASE("modele E006: a term past the regime's end needs a transition policy", "[modele][E006]") {
    SECTION("2017: four years from the window's last day run into 2022") {
        gabarit g = modele_2017();
        g.volets[1].terme = duree_annees(4);
        g.def.transition = politique_transition::non_choisie;
        exige_seule(g.valider(), regle::transition_non_choisie, "volets[1] (volet_transports)");
        g.def.transition = politique_transition::arret_fin_regime;
        exige_valide(g.valider());
        g.def.transition = politique_transition::maintien_signale;
        exige_valide(g.valider());
    }
    SECTION("2022: five years from 2022-07-01 run past 2027-01-01") {
        gabarit g = modele_2022();
        g.def.transition = politique_transition::non_choisie;
        exige_seule(g.valider(), regle::transition_non_choisie, "volets[0] (volet_pertinence_soins)");

        const ymd debut{2022, 9, 1};
        const terme_effectif sans = terme_du_volet(g.lier(), g.volets[0], debut);
        CHECK(sans.erreur == regle::transition_non_choisie);

        g.def.transition = politique_transition::arret_fin_regime;
        exige_valide(g.valider());
        const terme_effectif coupe = terme_du_volet(g.lier(), g.volets[0], debut);
        CHECK(coupe.erreur == regle::aucune);
        CHECK_FALSE(coupe.signale);
        CHECK(coupe.dates == periode{ymd{2022, 9, 1}, ymd{2027, 1, 1}});

        g.def.transition = politique_transition::maintien_signale;
        exige_valide(g.valider());
        const terme_effectif garde = terme_du_volet(g.lier(), g.volets[0], debut);
        CHECK(garde.erreur == regle::aucune);
        CHECK(garde.signale);
        CHECK(garde.dates == periode{ymd{2022, 9, 1}, ymd{2027, 9, 1}});
    }
    SECTION("accepted without a policy: a term ending exactly on 2027-01-01") {
        gabarit g = modele_2022();
        g.def.transition = politique_transition::non_choisie;
        g.def.fenetre = periode{ymd{2022, 3, 1}, ymd{2022, 7, 1}};
        g.volets[0].terme = duree_jusqu_a(ymd{2027, 1, 1});
        exige_valide(g.valider());
        const terme_effectif t = terme_du_volet(g.lier(), g.volets[0], ymd{2022, 3, 1});
        CHECK(t.erreur == regle::aucune);
        CHECK_FALSE(t.signale);
        CHECK(t.dates.fin == ymd{2027, 1, 1});
    }
    SECTION("the 2017 socle's indefinite term ends with its regime, never past it") {
        gabarit g = modele_2017();
        g.def.transition = politique_transition::non_choisie;
        exige_valide(g.valider());
        const terme_effectif t = terme_du_volet(g.lier(), g.volets[0], ymd{2018, 3, 1});
        CHECK(t.dates == periode{ymd{2018, 3, 1}, ymd{2022, 1, 1}});
        CHECK_FALSE(t.signale);
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 13, "rules the model misses": each reported input, rejected with its exact rule id, and
// its accepted twin. The compile-time twins of the same inputs are in t_modele below and in
// tests/compile_fail (E052 pair; variantes E006_fenetre_hors_regime, E016_instance_manquante).

TEST_CASE("regression issue 13: a bounded first-generation socle term is CAQES-E052", "[modele][E052]") {
    gabarit g = modele_2017();
    SECTION("three years") {
        g.volets[0].terme = duree_annees(3);
        exige_seule(g.valider(), regle::socle_duree_bornee, "volets[0] (volet_socle)");
    }
    SECTION("an explicit end on the regime's own end") {
        g.volets[0].terme = duree_jusqu_a(ymd{2022, 1, 1});
        exige_seule(g.valider(), regle::socle_duree_bornee, "volets[0] (volet_socle)");
    }
    SECTION("six years: too long and bounded, E004 and E052") {
        g.volets[0].terme = duree_annees(6);
        const violations vs = g.valider();
        exige(vs, regle::duree_superieure_5_ans, "volets[0] (volet_socle)");
        exige(vs, regle::socle_duree_bornee, "volets[0] (volet_socle)");
        CHECK(outils::ids(vs) == std::vector<regle>{regle::duree_superieure_5_ans, regle::socle_duree_bornee});
    }
    SECTION("accepted: the socle's indefinite term") {
        REQUIRE(g.volets[0].terme == duree_indeterminee);
        exige_valide(g.valider());
    }
    SECTION("accepted: bounded terms of the additional volets and of every 2022 volet") {
        g.volets[1].terme = duree_annees(2);
        exige_valide(g.valider());
        gabarit h = modele_2022();
        h.volets[0].terme = duree_annees(3);
        exige_valide(h.valider());
    }
    CHECK_FALSE(regles::socle_duree_indeterminee(volet_id::volet_socle, duree_annees(3)));
    CHECK(regles::socle_duree_indeterminee(volet_id::volet_socle, duree_indeterminee));
    CHECK(regles::socle_duree_indeterminee(volet_id::volet_transports, duree_annees(3)));
    CHECK(fiche(regle::socle_duree_bornee).code == "CAQES-E052");
}

TEST_CASE("regression issue 13: a 2017 template running to 2024 with no transition policy is CAQES-E006",
          "[modele][E006]") {
    gabarit g = modele_2017();
    g.def.transition = politique_transition::non_choisie;
    // The transports volet ends with the regime, so no term runs past it: the window alone is at fault.
    g.volets[1].terme = duree_jusqu_a(ymd{2022, 1, 1});
    SECTION("the window runs to 2024-12-31, past the regime's 2022-01-01") {
        g.def.fenetre = periode::inclusive(ymd{2017, 7, 1}, ymd{2024, 12, 31});
        const violations vs = g.valider();
        exige_seule(vs, regle::transition_non_choisie, "modele");
        CHECK(contient_texte(vs[0].detail, "window [2017-07-01, 2025-01-01)"));
        CHECK(contient_texte(vs[0].detail, "regime window [2017-04-23, 2022-01-01)"));
        CHECK_FALSE(regles::fenetre_transition_reglee(g.lier()));
    }
    SECTION("one day past the regime is enough") {
        g.def.fenetre = periode{ymd{2017, 7, 1}, ymd{2022, 1, 2}};
        exige_seule(g.valider(), regle::transition_non_choisie, "modele");
    }
    SECTION("accepted: a window ending with the regime, no policy needed") {
        g.def.fenetre = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}};
        exige_valide(g.valider());
        CHECK(regles::fenetre_transition_reglee(g.lier()));
    }
    SECTION("accepted: the same window to 2024 with a named policy") {
        g.def.fenetre = periode::inclusive(ymd{2017, 7, 1}, ymd{2024, 12, 31});
        g.def.transition = politique_transition::arret_fin_regime;
        exige_valide(g.valider());
        g.def.transition = politique_transition::maintien_signale;
        exige_valide(g.valider());
    }
    SECTION("2022: a window running past 2027-01-01 with no policy") {
        gabarit h = modele_2022();
        h.def.transition = politique_transition::non_choisie;
        h.def.fenetre = periode{ymd{2022, 7, 1}, ymd{2028, 1, 1}};
        h.volets[0].terme = duree_jusqu_a(ymd{2027, 1, 1});
        exige_seule(h.valider(), regle::transition_non_choisie, "modele");
        h.def.transition = politique_transition::maintien_signale;
        exige_valide(h.valider());
    }
}

TEST_CASE("regression issue 13: a 2017 regional indicator without the OMEDIT is CAQES-E016", "[modele][E016]") {
    constexpr instances_regionales sans_omedit =
        instance_ars | instance_assurance_maladie | instance_federations_concertation;
    gabarit g = modele_2017();
    indicateur& t1 = g.grilles[1][0];
    t1.provenance = origine::regionale;
    SECTION("the ARS, the health insurance and the federations, no OMEDIT") {
        t1.instances = sans_omedit;
        const violations vs = g.valider();
        exige_seule(vs, regle::origine_sans_source, "volets[1] (volet_transports).grille[0] (id 10, T1)");
        CHECK(vs[0].detail == "missing bodies: omedit");
    }
    SECTION("no body at all") {
        t1.instances = {};
        const violations vs = g.valider();
        exige_seule(vs, regle::origine_sans_source, "volets[1] (volet_transports).grille[0] (id 10, T1)");
        CHECK(vs[0].detail == "missing bodies: ars assurance_maladie omedit federations_concertation");
    }
    SECTION("accepted: with the OMEDIT") {
        t1.instances = sans_omedit | instance_omedit;
        exige_valide(g.valider());
    }
    SECTION("2022: the 2017 bodies lack the ARS director general") {
        gabarit h = modele_2022();
        indicateur& n1 = h.grilles[0][0];
        n1.provenance = origine::regionale;
        n1.instances = sans_omedit | instance_omedit;
        const violations vs = h.valider();
        exige_seule(vs, regle::origine_sans_source,
                    "volets[0] (volet_pertinence_soins).grille[0] (id 202201, N2022-1)");
        CHECK(vs[0].detail == "missing bodies: directeur_general_ars");
        n1.instances = instance_directeur_general_ars;
        exige_valide(h.valider());
    }
    SECTION("successor scheme: the ARS director general sets regional objectives (L.162-23-14)") {
        const std::array<indicateur, 1> objectifs{[] {
            indicateur r = illustratif(50, "R50");
            r.provenance = origine::regionale;
            r.validite = periode{ymd{2026, 1, 1}, ymd{2029, 1, 1}};
            r.instances = instance_ars;
            return r;
        }()};
        dispositif_efficience_def d{
            .nom = "dispositif", .fenetre = periode{ymd{2026, 1, 1}, ymd{2029, 1, 1}}, .objectifs = objectifs};
        const violations vs = validate(d);
        exige_seule(vs, regle::origine_sans_source, "objectifs[0] (id 50, R50)");
        CHECK(vs[0].detail == "missing bodies: directeur_general_ars");
        std::array<indicateur, 1> avec_dg = objectifs;
        avec_dg[0].instances = instance_directeur_general_ars;
        d.objectifs = avec_dg;
        exige_valide(validate(d));
    }
}

TEST_CASE("modele E007: the mandatory volet exactly once, at least one volet", "[modele][E007]") {
    SECTION("2017 without socle") {
        gabarit g = modele_2017();
        g.volets.erase(g.volets.begin());
        g.grilles.erase(g.grilles.begin());
        exige_seule(g.valider(), regle::volet_obligatoire, "modele");
    }
    SECTION("2017 with the socle twice: E007 and E008") {
        gabarit g = modele_2017();
        g.ajouter({.volet = volet_id::volet_socle, .terme = duree_indeterminee, .clauses = sanction});
        const violations vs = g.valider();
        exige(vs, regle::volet_obligatoire, "modele");
        exige(vs, regle::volet_en_double, "volets[2] (volet_socle)");
        CHECK(outils::ids(vs) == std::vector<regle>{regle::volet_obligatoire, regle::volet_en_double});
    }
    SECTION("2022 with no volet") {
        gabarit g = modele_2022();
        g.volets.clear();
        g.grilles.clear();
        exige_seule(g.valider(), regle::volet_obligatoire, "modele");
    }
    SECTION("accepted: 2017 socle alone, 2022 with a single volet") {
        gabarit g = modele_2017();
        g.volets.pop_back();
        g.grilles.pop_back();
        exige_valide(g.valider());
        gabarit h = modele_2022();
        REQUIRE(h.volets.size() == 1);
        exige_valide(h.valider());
    }
}

TEST_CASE("modele E008: a volet appears twice", "[modele][E008]") {
    SECTION("2017 transports twice") {
        gabarit g = modele_2017();
        g.ajouter({.volet = volet_id::volet_transports, .terme = duree_annees(2), .clauses = sanction});
        exige_seule(g.valider(), regle::volet_en_double, "volets[2] (volet_transports)");
    }
    SECTION("2022 bon usage twice") {
        gabarit g = modele_2022();
        g.ajouter({.volet = volet_id::volet_bon_usage, .terme = duree_annees(2), .clauses = interessement});
        g.ajouter({.volet = volet_id::volet_bon_usage, .terme = duree_annees(3), .clauses = interessement});
        exige_seule(g.valider(), regle::volet_en_double, "volets[2] (volet_bon_usage)");
    }
    SECTION("accepted: three distinct 2022 volets") {
        gabarit g = modele_2022();
        g.ajouter({.volet = volet_id::volet_bon_usage, .terme = duree_annees(2), .clauses = interessement});
        g.ajouter({.volet = volet_id::volet_organisation_soins, .terme = duree_annees(3), .clauses = interessement});
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E009: a volet of another regime", "[modele][E009]") {
    SECTION("a 2022 volet in a 2017 template") {
        gabarit g = modele_2017();
        g.ajouter({.volet = volet_id::volet_bon_usage, .terme = duree_annees(2), .clauses = interessement});
        exige_seule(g.valider(), regle::volet_hors_regime, "volets[2] (volet_bon_usage)");
    }
    SECTION("accepted: the same volet in its own regime") {
        gabarit g = modele_2022();
        g.ajouter({.volet = volet_id::volet_bon_usage, .terme = duree_annees(2), .clauses = interessement});
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E010: outcome clauses per volet, regime and date", "[modele][E010]") {
    SECTION("interessement on the 2017 socle is rejected") {
        gabarit g = modele_2017();
        g.volets[0].clauses = sanction | interessement;
        exige_seule(g.valider(), regle::issue_non_permise, "volets[0] (volet_socle)");
    }
    SECTION("sanction and liste en sus reduction on the 2017 socle are accepted") {
        gabarit g = modele_2017();
        g.volets[0].clauses = sanction | minoration_liste_en_sus;
        exige_valide(g.valider());
    }
    SECTION("a sanction on a 2022 volet is rejected") {
        gabarit g = modele_2022();
        g.volets[0].clauses = sanction;
        exige_seule(g.valider(), regle::issue_non_permise, "volets[0] (volet_pertinence_soins)");
    }
    SECTION("L.162-30-4 tariff cut: accepted on volet_pertinence_soins only") {
        gabarit g = modele_2022();
        g.volets[0].clauses = interessement | abattement_tarifaire | minoration_liste_en_sus;
        exige_valide(g.valider());
        g.ajouter({.volet = volet_id::volet_bon_usage, .terme = duree_annees(2), .clauses = abattement_tarifaire});
        exige_seule(g.valider(), regle::issue_non_permise, "volets[1] (volet_bon_usage)");
    }
}

TEST_CASE("modele E011: indicator ids are unique across the whole template", "[modele][E011]") {
    gabarit g = modele_2017();
    SECTION("the same id in two volets") {
        g.grilles[1][0].id = 1;
        exige_seule(g.valider(), regle::indicateur_en_double, "volets[1] (volet_transports).grille[0] (id 1, T1)");
    }
    SECTION("the same id twice in one grid") {
        g.grilles[0][1].id = 1;
        exige_seule(g.valider(), regle::indicateur_en_double, "volets[0] (volet_socle).grille[1] (id 1, S2)");
    }
    SECTION("accepted: distinct ids") {
        g.grilles[1].push_back(illustratif(11, "T2"));
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E012: indicator in force from the contract's start", "[modele][E012]") {
    gabarit g = modele_2017();
    SECTION("validity starting after the window's start") {
        g.grilles[1][0].validite = periode{ymd{2018, 1, 1}, ymd{2022, 1, 1}};
        exige_seule(g.valider(), regle::indicateur_hors_validite, "volets[1] (volet_transports).grille[0] (id 10, T1)");
    }
    SECTION("the 2022 national indicators in a template starting before 2022-02-23") {
        gabarit h = modele_2022();
        h.def.fenetre = periode{ymd{2022, 1, 1}, ymd{2022, 7, 1}};
        const violations vs = h.valider();
        INFO(outils::tout(vs));
        REQUIRE(vs.size() == 3);
        for (std::size_t k = 0; k < vs.size(); ++k) {
            CHECK(vs[k].id == regle::indicateur_hors_validite);
            CHECK(contient_texte(vs[k].lieu,
                                 concat("volets[0] (volet_pertinence_soins).grille[", std::to_string(k), "]")));
        }
        CHECK(vs[2].lieu == "volets[0] (volet_pertinence_soins).grille[2] (id 202203, N2022-3)");
    }
    SECTION("accepted: validity starting on the window's start") {
        g.grilles[1][0].validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}};
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E013: indicator applicable to the template's scope", "[modele][E013]") {
    gabarit g = modele_2017();
    g.def.perimetre = activite_mco;
    SECTION("an USLD-only indicator in an MCO template") {
        g.grilles[0][0].applicables = activite_usld;
        exige_seule(g.valider(), regle::indicateur_hors_perimetre, "volets[0] (volet_socle).grille[0] (id 1, S1)");
    }
    SECTION("accepted: an indicator meeting the scope on one activity") {
        g.grilles[0][0].applicables = activite_usld | activite_mco;
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E014-E017: indicator rules through the template walk", "[modele][indicateur]") {
    gabarit g = modele_2017();
    indicateur& t1 = g.grilles[1][0];
    SECTION("E014: a count threshold on a rate measure") {
        t1.ref = en_referentiel(
            condition{"taux_generiques", type_mesure::taux, comparateur::inferieur, type_mesure::nombre, entier(5)});
        exige_seule(g.valider(), regle::unite_incoherente, "volets[1] (volet_transports).grille[0] (id 10, T1)");
    }
    SECTION("E015: an unknown measure") {
        t1.ref = en_referentiel(
            condition{"taux_inconnu", type_mesure::taux, comparateur::inferieur, type_mesure::taux, pourcentage(5)});
        exige_seule(g.valider(), regle::referentiel_mal_forme, "volets[1] (volet_transports).grille[0] (id 10, T1)");
    }
    SECTION("E015: an empty conjunction") {
        t1.ref = referentiel{}.ou(conjonction{});
        exige_seule(g.valider(), regle::referentiel_mal_forme, "volets[1] (volet_transports).grille[0] (id 10, T1)");
    }
    SECTION("E016: a national indicator citing no arrete") {
        t1.provenance = origine::nationale;
        exige_seule(g.valider(), regle::origine_sans_source, "volets[1] (volet_transports).grille[0] (id 10, T1)");
    }
    SECTION("E017: a zero weight") {
        t1.poids = fraction{0, 1};
        exige_seule(g.valider(), regle::poids_non_positif, "volets[1] (volet_transports).grille[0] (id 10, T1)");
    }
    SECTION("accepted: same-kind threshold on a known measure, a cited national indicator, a positive weight") {
        t1.ref = en_referentiel(condition{"taux_generiques", type_mesure::taux, comparateur::superieur_ou_egal,
                                          type_mesure::taux, pourcentage(49)});
        t1.provenance = origine::nationale;
        t1.source = referentiels::arrete_2017_04_27;
        t1.poids = fraction{3, 2};
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E018: a 2022 contract as a whole lasts at most five years", "[modele][E018]") {
    SECTION("a volet starting a year later for five years") {
        gabarit g = modele_2022();
        g.def.fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}};
        g.ajouter({.volet = volet_id::volet_bon_usage,
                   .terme = duree_annees(5),
                   .clauses = interessement,
                   .debut = ymd{2023, 7, 1}});
        exige_seule(g.valider(), regle::contrat_superieur_5_ans, "volets[1] (volet_bon_usage)");
    }
    SECTION("accepted: the same volet ending on the contract's fifth anniversary") {
        gabarit g = modele_2022();
        g.def.fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}};
        g.ajouter({.volet = volet_id::volet_bon_usage,
                   .terme = duree_jusqu_a(ymd{2027, 7, 1}),
                   .clauses = interessement,
                   .debut = ymd{2023, 7, 1}});
        exige_valide(g.valider());
    }
    SECTION("not a rule of the first generation") {
        gabarit g = modele_2017();
        g.volets[1].terme = duree_annees(5);
        g.volets[1].debut = ymd{2019, 6, 1};
        exige_valide(g.valider());
    }
    // A contract from 29 February 2024, whose limit (+ 5 years) is no day under stricte, its own
    // volet ending within every reading of it, and a bon usage volet from 2026-06-01 for `terme`.
    const auto depuis_29_fevrier = [](duree terme) {
        gabarit g = modele_2022();
        g.def.fenetre = periode{ymd{2024, 2, 29}, ymd{2024, 3, 1}};
        g.volets[0].terme = duree_jusqu_a(ymd{2029, 2, 28});
        g.ajouter(
            {.volet = volet_id::volet_bon_usage, .terme = terme, .clauses = interessement, .debut = ymd{2026, 6, 1}});
        return g;
    };
    SECTION("from 29 February under stricte: an avenant volet past every reading of the limit") {
        // The rule used to hold whatever the volet's end.
        gabarit g = depuis_29_fevrier(duree_annees(5));
        exige_seule(g.valider(), regle::contrat_superieur_5_ans, "volets[1] (volet_bon_usage)");
    }
    SECTION("from 29 February under stricte: an end the readings disagree on is CAQES-E023") {
        gabarit g = depuis_29_fevrier(duree_jusqu_a(ymd{2029, 3, 1}));
        const violations vs = g.valider();
        INFO(outils::tout(vs));
        // E004 reads the volet's own term from its own start (2026-06-01): within five years.
        exige_seule(vs, regle::date_calendaire_impossible, "volets[1] (volet_bon_usage)");
        g.def.jours = politique_jour::report;
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E019: scope non-empty and within the regime's", "[modele][E019]") {
    SECTION("an empty scope") {
        gabarit g = modele_2017();
        g.def.perimetre = activites{};
        const violations vs = g.valider();
        exige(vs, regle::perimetre_hors_regime, "modele");
        // Then no indicator applies either (E013): the scope is the only other fault.
        CHECK(outils::ids(vs) == std::vector<regle>{regle::indicateur_hors_perimetre, regle::perimetre_hors_regime});
    }
    SECTION("accepted: USLD in a 2017 template") {
        gabarit g = modele_2017();
        g.def.perimetre = activite_usld;
        exige_valide(g.valider());
    }
}

TEST_CASE("modele E023: a term ending on an impossible day needs a politique_jour", "[modele][E023]") {
    gabarit g = modele_2022();
    g.volets[0].terme = duree_annees(1);
    SECTION("window starting on 29 February") {
        g.def.fenetre = periode{ymd{2024, 2, 29}, ymd{2024, 3, 1}};
        exige_seule(g.valider(), regle::date_calendaire_impossible, "volets[0] (volet_pertinence_soins)");
        g.def.jours = politique_jour::fin_de_mois;
        exige_valide(g.valider());
        g.def.jours = politique_jour::report;
        exige_valide(g.valider());
    }
    SECTION("window whose latest start is 29 February") {
        g.def.fenetre = periode{ymd{2024, 2, 1}, ymd{2024, 3, 1}};
        exige_seule(g.valider(), regle::date_calendaire_impossible, "volets[0] (volet_pertinence_soins)");
    }
    SECTION("accepted: a window without a leap day") {
        g.def.fenetre = periode{ymd{2023, 2, 1}, ymd{2023, 3, 1}};
        exige_valide(g.valider());
    }
}

// ---------------------------------------------------------------------------------------------
// Compile-time and run-time paths agree.
namespace t_modele {

inline constexpr mesure<grandeur::taux> generiques{"taux_generiques"};
inline constexpr std::array<indicateur, 2> grille{{
    {.id = 1,
     .code = "CX-1",
     .libelle = "illustratif",
     .provenance = origine::illustrative,
     .mesures = {{generiques.def()}},
     .objectif = viser(generiques, taux_pourcent(49)),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
    {.id = 2,
     .code = "CX-2",
     .libelle = "illustratif",
     .provenance = origine::illustrative,
     .mesures = {{generiques.def()}},
     .ref = en_referentiel(generiques >= taux_pourcent(49)),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
}};
inline constexpr std::array<volet_modele, 2> volets_valides{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille, .clauses = sanction},
    {.volet = volet_id::volet_pertinence, .terme = duree_annees(2), .clauses = interessement},
}};
inline constexpr modele_contrat_def valide{.nom = "constexpr 2017",
                                           .regime = regime_id::caqes_2017,
                                           .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 7, 1}},
                                           .volets = volets_valides};
struct modele_valide : modele_contrat<valide> {};

// Several rules broken at once: never instantiated as modele_contrat (it would not compile).
inline constexpr std::array<indicateur, 1> grille_fausse{{
    {.id = 7,
     .code = "CX-7",
     .libelle = "national sans source",
     .provenance = origine::nationale,
     .mesures = {{generiques.def()}},
     .objectif = viser(generiques, taux_pourcent(49)),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}},
     .poids = {0, 1}},
}};
inline constexpr std::array<volet_modele, 3> volets_faux{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille_fausse, .clauses = interessement},
    {.volet = volet_id::volet_transports, .terme = duree_indeterminee, .clauses = sanction},
    {.volet = volet_id::volet_bon_usage, .terme = duree_annees(2), .clauses = interessement},
}};
inline constexpr modele_contrat_def invalide{.nom = "constexpr 2017 faux",
                                             .regime = regime_id::caqes_2017,
                                             .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 7, 1}},
                                             .volets = volets_faux};

inline constexpr std::array<volet_modele, 1> volets_2022{{
    {.volet = volet_id::volet_organisation_soins, .terme = duree_annees(5), .clauses = interessement},
}};
inline constexpr modele_contrat_def sans_transition{.nom = "constexpr 2022 sans transition",
                                                    .regime = regime_id::caqes_2022,
                                                    .fenetre = periode{ymd{2022, 7, 1}, ymd{2023, 1, 1}},
                                                    .volets = volets_2022};

// Issue 13: the same inputs as the regression tests above, as constexpr definitions.
inline constexpr std::array<volet_modele, 1> volets_socle_borne{{
    {.volet = volet_id::volet_socle, .terme = duree_annees(3), .grille = grille, .clauses = sanction},
}};
inline constexpr modele_contrat_def socle_borne{.nom = "constexpr 2017 socle borne",
                                                .regime = regime_id::caqes_2017,
                                                .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 7, 1}},
                                                .volets = volets_socle_borne};
inline constexpr modele_contrat_def fenetre_2024{.nom = "constexpr 2017 jusqu'en 2024",
                                                 .regime = regime_id::caqes_2017,
                                                 .fenetre = periode::inclusive(ymd{2017, 7, 1}, ymd{2024, 12, 31}),
                                                 .volets = volets_valides};
inline constexpr std::array<indicateur, 1> grille_regionale{{
    {.id = 3,
     .code = "CX-R",
     .libelle = "regional sans OMEDIT",
     .provenance = origine::regionale,
     .instances = instance_ars | instance_assurance_maladie | instance_federations_concertation,
     .mesures = {{generiques.def()}},
     .objectif = viser(generiques, taux_pourcent(49)),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
}};
inline constexpr std::array<volet_modele, 1> volets_regional{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille_regionale, .clauses = sanction},
}};
inline constexpr modele_contrat_def regional_sans_omedit{.nom = "constexpr 2017 regional sans OMEDIT",
                                                         .regime = regime_id::caqes_2017,
                                                         .fenetre = periode{ymd{2017, 7, 1}, ymd{2018, 7, 1}},
                                                         .volets = volets_regional};

}  // namespace t_modele

TEST_CASE("modele: a compile-time template is valide and validate agrees", "[modele][compile]") {
    STATIC_REQUIRE(t_modele::modele_valide::valide);
    STATIC_REQUIRE(std::is_same_v<t_modele::modele_valide::regime, caqes_2017>);
    STATIC_REQUIRE(enfreintes(t_modele::valide).aucune());
    CHECK(&t_modele::modele_valide::definition == &t_modele::valide);
    exige_valide(validate(t_modele::valide));
}

TEST_CASE("modele: enfreintes (constexpr) and validate (run time) give the same rules", "[modele][compile]") {
    constexpr regles_enfreintes e = enfreintes(t_modele::invalide);
    STATIC_REQUIRE_FALSE(e.respecte(regle::issue_non_permise));
    STATIC_REQUIRE_FALSE(e.respecte(regle::duree_indeterminee_interdite));
    STATIC_REQUIRE_FALSE(e.respecte(regle::volet_hors_regime));
    STATIC_REQUIRE_FALSE(e.respecte(regle::origine_sans_source));
    STATIC_REQUIRE_FALSE(e.respecte(regle::poids_non_positif));
    STATIC_REQUIRE(e.respecte(regle::volet_obligatoire));

    const violations vs = validate(t_modele::invalide);
    INFO(outils::tout(vs));
    CHECK(outils::en_bits(vs) == e);
    CHECK(outils::ids(vs) == std::vector<regle>{regle::duree_indeterminee_interdite, regle::volet_hors_regime,
                                                regle::issue_non_permise, regle::origine_sans_source,
                                                regle::poids_non_positif});

    constexpr regles_enfreintes e2 = enfreintes(t_modele::sans_transition);
    STATIC_REQUIRE_FALSE(e2.respecte(regle::transition_non_choisie));
    CHECK(outils::en_bits(validate(t_modele::sans_transition)) == e2);
    CHECK(outils::ids(validate(t_modele::sans_transition)) == std::vector<regle>{regle::transition_non_choisie});
}

TEST_CASE("regression issue 13: the compile-time walk and validate(def) reject the same three inputs",
          "[modele][compile]") {
    constexpr regles_enfreintes socle = enfreintes(t_modele::socle_borne);
    constexpr regles_enfreintes fenetre = enfreintes(t_modele::fenetre_2024);
    constexpr regles_enfreintes regional = enfreintes(t_modele::regional_sans_omedit);
    constexpr auto seule = [](regle r) {
        regles_enfreintes e{};
        e.ajouter(r);
        return e;
    };
    STATIC_REQUIRE(socle == seule(regle::socle_duree_bornee));
    STATIC_REQUIRE(fenetre == seule(regle::transition_non_choisie));
    STATIC_REQUIRE(regional == seule(regle::origine_sans_source));
    // Ids past 63 have their bit too (the grid-file rules go to E072).
    STATIC_REQUIRE_FALSE(seule(regle::schema_inconnu).respecte(regle::schema_inconnu));
    STATIC_REQUIRE(seule(regle::schema_inconnu).respecte(regle::date_inexistante));
    CHECK(outils::ids(validate(t_modele::socle_borne)) == std::vector<regle>{regle::socle_duree_bornee});
    CHECK(outils::ids(validate(t_modele::fenetre_2024)) == std::vector<regle>{regle::transition_non_choisie});
    CHECK(outils::ids(validate(t_modele::regional_sans_omedit)) == std::vector<regle>{regle::origine_sans_source});
}
