// The rule catalogue and the text of a violation.
#include "outils.hpp"

#include <string>

using namespace caqes;

namespace {
bool ascii_imprimable(std::string_view s) {
    for (const char c : s) {
        if (c < 0x20 || c > 0x7e) return false;
    }
    return true;
}
}  // namespace

TEST_CASE("catalogue: every rule from E001 on has a coded, titled and sourced entry", "[catalogue]") {
    // E001 to E025 are the model's rules; the catalogue may grow past them, never shrink.
    STATIC_REQUIRE(catalogue_regles.size() >= 25);
    STATIC_REQUIRE(fiche(regle::date_inexistante).code == "CAQES-E001");
    STATIC_REQUIRE(fiche(regle::parametre_chevauchant).code == "CAQES-E025");
    STATIC_REQUIRE(fiche(regle::parametre_chevauchant).id == regle::parametre_chevauchant);

    for (const fiche_regle& e : catalogue_regles) {
        const regle r = e.id;
        const int n = static_cast<int>(r);
        const fiche_regle& f = fiche(r);
        INFO("rule " << n);
        CHECK(&f == &e);
        std::string attendu = std::to_string(n);
        attendu.insert(0, 3 - attendu.size(), '0');
        CHECK(f.code == "CAQES-E" + attendu);
        CHECK_FALSE(f.titre.empty());
        CHECK_FALSE(f.source.empty());
        CHECK(ascii_imprimable(f.code));
        CHECK(ascii_imprimable(f.titre));
        CHECK(ascii_imprimable(f.source));
    }
}

TEST_CASE("catalogue: codes are distinct and the catalogue is ordered by id", "[catalogue]") {
    // E001 to E032 have no gap; later ids are numbered in reserved blocks (E040 on).
    for (std::size_t a = 0; a < 32; ++a)
        CHECK(static_cast<std::size_t>(catalogue_regles[a].id) == a + 1);
    for (std::size_t a = 0; a < catalogue_regles.size(); ++a) {
        for (std::size_t b = a + 1; b < catalogue_regles.size(); ++b) {
            CHECK(catalogue_regles[a].code != catalogue_regles[b].code);
        }
        // Ordered, with gaps: ids are reserved in blocks and never renumbered.
        if (a > 0) CHECK(catalogue_regles[a - 1].id < catalogue_regles[a].id);
    }
    CHECK(fiche(regle::parametre_hors_la_loi).code == "CAQES-E050");
    CHECK(fiche(regle::parametre_ouvert_absent).code == "CAQES-E051");
    STATIC_REQUIRE(fiche(regle::base_absente).code == "CAQES-E066");
    STATIC_REQUIRE(fiche(regle::code_indicateur_en_double).code == "CAQES-E033");
    STATIC_REQUIRE(fiche(regle::depassement_capacite).code == "CAQES-E040");
    STATIC_REQUIRE(fiche(regle::encodage_invalide).code == "CAQES-E041");
    STATIC_REQUIRE(fiche(regle::fichier_inutilisable).code == "CAQES-E042");
    // No rule, or an id with no entry, is never another rule's entry.
    STATIC_REQUIRE(fiche(regle::aucune).code == "CAQES-E000");
    STATIC_REQUIRE(fiche(static_cast<regle>(39)).id == regle::aucune);
}

TEST_CASE("violation: code, title, source and decrire", "[catalogue][violation]") {
    const violation v{regle::volet_obligatoire, "modele", "volet_socle absent"};
    CHECK(v.code() == "CAQES-E007");
    CHECK(v.titre() == fiche(regle::volet_obligatoire).titre);
    CHECK(v.source() == fiche(regle::volet_obligatoire).source);

    const std::string d = texte(v);
    CHECK(d.rfind("CAQES-E007 [modele]: ", 0) == 0);
    CHECK(outils::contient_texte(d, "D.162-14 I"));
    CHECK(outils::contient_texte(d, std::string{v.titre()}));
    CHECK(outils::contient_texte(d, "): volet_socle absent"));

    const violation sans_detail{regle::finess_mal_forme, "etablissement.finess_ej", ""};
    const std::string d2 = texte(sans_detail);
    CHECK(outils::contient_texte(d2, "CAQES-E022"));
    CHECK(outils::contient_texte(d2, "FINESS register format"));
    CHECK(d2.back() == ')');  // no trailing ": " without a detail

    for (const fiche_regle& f : catalogue_regles) {
        const violation w{f.id, "x", "y"};
        CHECK(outils::contient_texte(texte(w), std::string{w.code()}));
        CHECK(outils::contient_texte(texte(w), std::string{w.source()}));
    }
}

TEST_CASE("contient(violations, regle)", "[catalogue][violation]") {
    const violations vs{{regle::periode_vide, "a", ""}, {regle::volet_en_double, "b", ""}};
    CHECK(contient(vs, regle::periode_vide));
    CHECK(contient(vs, regle::volet_en_double));
    CHECK_FALSE(contient(vs, regle::date_inexistante));
    CHECK_FALSE(contient(violations{}, regle::periode_vide));
}
