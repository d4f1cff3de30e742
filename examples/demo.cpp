// Demo: two contract templates checked at compile time, then contract instances checked at
// run time by the same rules. Its output is compared with demo.expected by the test suite.
//
// The first-generation socle grid here is *illustrative*: the 2017 national socle
// indicators were not retrieved, so every indicator of it says so instead of inventing a
// citation. The second-generation template uses the real national indicators 1 to 3 of the
// arrete of 2022-02-23.
#include <caqes/caqes.hpp>

#include <array>
#include <iostream>
#include <string>

namespace ex {
using namespace caqes;

// --- A first-generation template (2017): socle + transports -------------------------------
inline constexpr mesure<taux> taux_generiques{"taux_generiques"};
inline constexpr mesure<echelle> informatisation{"informatisation_prescription"};
inline constexpr mesure<taux_evolution> croissance_transports{"croissance_transports"};
inline constexpr mesure<montant> depense_transports{"depense_transports"};

// [docs:grille-socle]
inline constexpr std::array<indicateur, 2> grille_socle{{
    {.id = 1,
     .code = "ILL-S1",
     .libelle = "taux de prescription dans le repertoire des generiques",
     .provenance = origine::illustrative,
     .mesures = {{taux_generiques.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(taux_generiques, taux_pourcent(49)),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
    {.id = 2,
     .code = "ILL-S2",
     .libelle = "informatisation de la prescription",
     .provenance = origine::illustrative,
     .mesures = {{informatisation.def()}},
     .direction = sens::plus_haut_est_mieux,
     .objectif = viser(informatisation, echelle_oui),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
}};
// [docs:grille-socle]

// Transports: the 2017 referentiel values (2.2 % growth, 500 000 EUR). How they combine is [U]:
// this grid's choice is "met when growth <= 2.2 % OR spending < 500 000 EUR".
inline constexpr std::array<indicateur, 1> grille_transports{{
    {.id = 10,
     .code = "ILL-T1",
     .libelle = "transports prescrits (choix de combinaison de la grille)",
     .provenance = origine::illustrative,
     .mesures = {{croissance_transports.def(), depense_transports.def()}},
     .direction = sens::plus_bas_est_mieux,
     .objectif = viser(croissance_transports, evolution_pourcent(22, 10)),
     .ref = croissance_transports <= evolution_pourcent(22, 10) || depense_transports < montant_euros(500'000),
     .validite = periode{ymd{2017, 7, 1}, ymd{2022, 1, 1}}},
}};

// [docs:modele-2017]
inline constexpr std::array<volet_modele, 2> volets_2017{{
    {.volet = volet_id::volet_socle, .terme = duree_indeterminee, .grille = grille_socle, .clauses = sanction},
    {.volet = volet_id::volet_transports, .terme = duree_annees(4), .grille = grille_transports,
     .clauses = sanction | interessement},
}};

inline constexpr modele_contrat_def def_2017{
    .nom = "modele regional 2017 (illustratif)",
    .regime = regime_id::caqes_2017,
    .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}},
    .volets = volets_2017,
    // A contract signed late in 2018 with a 4-year transports volet would run into 2022:
    // this template cuts the term at the regime's end.
    .transition = politique_transition::arret_fin_regime,
};

// Compiles only if every template rule holds.
struct modele_2017 : modele_contrat<def_2017> {};
// [docs:modele-2017]

// --- A second-generation regional generation: 2022-07-01 -> 2024-12-31 ---------------------
inline constexpr std::array<volet_modele, 1> volets_2022{{
    {.volet = volet_id::volet_pertinence_soins, .terme = duree_annees(5),
     .grille = referentiels::indicateurs_nationaux_2022, .clauses = interessement},
}};
inline constexpr modele_contrat_def def_2022{
    .nom = "generation regionale 2022-2024",
    .regime = regime_id::caqes_2022,
    .fenetre = periode::inclusive(ymd{2022, 7, 1}, ymd{2024, 12, 31}),
    .volets = volets_2022,
    // 2022-07-01 + 5 years runs past 2027-01-01, when L.162-30-2 is repealed: the term is
    // kept as signed and flagged, since the transitional clause is [U].
    .transition = politique_transition::maintien_signale,
};
struct modele_2022 : modele_contrat<def_2022> {};

}  // namespace ex

namespace {

std::string nom_duree(const caqes::duree& d) {
    switch (d.f) {
        case caqes::duree::forme::indeterminee: return "duree_indeterminee";
        case caqes::duree::forme::annees: return caqes::concat(std::to_string(d.nombre_annees), " ans");
        case caqes::duree::forme::fin_explicite: return caqes::concat("jusqu'au ", caqes::texte(caqes::veille(d.fin)));
    }
    return "?";
}

std::string nom_origine(caqes::origine o) {
    switch (o) {
        case caqes::origine::nationale: return "national";
        case caqes::origine::regionale: return "regional";
        case caqes::origine::illustrative: return "ILLUSTRATIF";
    }
    return "?";
}

void imprimer(const caqes::modele_contrat_def& m) {
    const auto& r = caqes::decrire(m.regime);
    std::cout << "modele: " << m.nom << "\n"
              << "  regime: " << r.nom << ", window " << caqes::texte(r.conclusion) << "\n"
              << "  template window: " << caqes::texte(m.fenetre) << "\n";
    for (const auto& v : m.volets) {
        std::cout << "  " << caqes::traits(v.volet).nom << ": " << nom_duree(v.terme) << "\n";
        for (const auto& i : v.grille) {
            std::cout << "    [" << i.code << "] " << i.libelle << " (" << nom_origine(i.provenance);
            if (!i.source.vide()) std::cout << ", " << i.source.texte;
            std::cout << ")\n";
            if (i.objectif.presente()) {
                std::cout << "      target: " << i.objectif.mesure << " "
                          << caqes::texte(i.objectif.type_valeur, i.objectif.valeur) << "\n";
            }
            if (!i.ref.vide()) std::cout << "      met when: " << caqes::texte(i.ref) << "\n";
        }
    }
}

void imprimer(const std::string& titre, const caqes::violations& vs) {
    std::cout << titre << ": " << (vs.empty() ? std::string{"valid"} : caqes::concat(std::to_string(vs.size()), " violation(s)")) << "\n";
    for (const auto& v : vs) std::cout << "  " << caqes::decrire(v) << "\n";
}

}  // namespace

int main() {
    imprimer(ex::modele_2017::definition);
    imprimer(ex::modele_2022::definition);

    // [docs:instance]
    caqes::contrat_instance c;
    c.etab = {.finess_ej = "750000001", .finess_et = {"750000019"}, .raison_sociale = "Centre hospitalier exemple",
              .region = "Ile-de-France", .caisse_locale = "CPAM de Paris",
              .categorie = caqes::categorie_juridique::public_,
              .activites_exercees = caqes::activite_mco | caqes::activite_smr};
    c.parties = {"ARS Ile-de-France", "CPAM de Paris", "Directeur du CH exemple"};
    c.reception_proposition = caqes::ymd{2022, 8, 1};
    c.signature = caqes::ymd{2022, 8, 20};
    c.debut_effet = caqes::ymd{2022, 9, 1};
    imprimer("instance 2022", caqes::validate(ex::def_2022, c));
    for (const auto& v : ex::def_2022.volets) {
        const caqes::terme_effectif t = caqes::terme_du_volet(ex::def_2022, v, c.debut_effet);
        std::cout << "  " << caqes::traits(v.volet).nom << " in effect " << caqes::texte(t.dates)
                  << (t.signale ? "  [FLAGGED: runs past the regime's end, kept as signed]" : "") << "\n";
    }
    // [docs:instance]

    // The same instance with a wrong FINESS, a missing party and a start after the window.
    caqes::contrat_instance faux = c;
    faux.etab.finess_ej = "75000001";
    faux.parties.organisme_local.clear();
    faux.signature = caqes::ymd{2025, 2, 1};
    faux.debut_effet = caqes::ymd{2025, 3, 1};
    imprimer("instance 2022 (erronee)", caqes::validate(ex::def_2022, faux));
    return 0;
}
