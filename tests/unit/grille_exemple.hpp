#pragma once
// An example grid read from examples/grilles/ (the tests that compare a grid loaded at run time
// with its C++ twin, or evaluate it in blocks); the test stops, with the reader's errors, when it
// does not load. Needs caqes::json and CAQES_SOURCE_DIR, the source tree's root.
#include "catch.hpp"
#include "outils.hpp"

#include <caqes/io/json/grille.hpp>

#include <string_view>
#include <utility>

namespace caqes::essais {

inline json::grille_chargee charger_exemple(std::string_view nom) {
    auto r = json::lire_grille_fichier(concat(CAQES_SOURCE_DIR, "/examples/grilles/", nom));
    INFO(outils::tout(r.erreurs()));
    REQUIRE(r.ok());
    return std::move(r).valeur();
}

}  // namespace caqes::essais
