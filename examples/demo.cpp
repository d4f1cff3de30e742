// Demo: two contract templates checked at compile time, then contract instances checked at
// run time by the same rules. Its output is compared with demo.expected by the test suite.
//
// The first-generation socle grid here is *illustrative*: the 2017 national socle
// indicators were not retrieved, so every indicator of it says so instead of inventing a
// citation. The second-generation template uses the real national indicators 1 to 3 of the
// arrete of 2022-02-23.
#include "modeles/demo.hpp"

#include <caqes/caqes.hpp>

#include <array>
#include <iostream>
#include <string>

namespace ex {
using namespace caqes;
using namespace modeles::demo;

}  // namespace ex

namespace {

std::string nom_duree(const caqes::duree& d) {
    switch (d.f) {
        case caqes::duree::forme::indeterminee:
            return "duree_indeterminee";
        case caqes::duree::forme::annees:
            return caqes::concat(std::to_string(d.nombre_annees), " ans");
        case caqes::duree::forme::fin_explicite:
            return caqes::concat("jusqu'au ", caqes::texte(caqes::veille(d.fin)));
    }
    return "?";
}

std::string nom_origine(caqes::origine o) {
    switch (o) {
        case caqes::origine::nationale:
            return "national";
        case caqes::origine::regionale:
            return "regional";
        case caqes::origine::illustrative:
            return "ILLUSTRATIF";
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
    std::cout << titre << ": "
              << (vs.empty() ? std::string{"valid"} : caqes::concat(std::to_string(vs.size()), " violation(s)"))
              << "\n";
    for (const auto& v : vs)
        std::cout << "  " << caqes::texte(v) << "\n";
}

}  // namespace

int main() {
    imprimer(ex::modele_2017::definition);
    imprimer(ex::modele_2022::definition);

    // [docs:instance]
    caqes::contrat_instance c;
    c.etab = {.finess_ej = "750000001",
              .finess_et = {"750000019"},
              .raison_sociale = "Centre hospitalier exemple",
              .region = "Ile-de-France",
              .caisse_locale = "CPAM de Paris",
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
