// libFuzzer target for the grid reader (caqes/io/json/grille.hpp), built by the `fuzz` preset
// with clang and -fsanitize=fuzzer,address,undefined. Besides crashes, leaks and undefined
// behaviour, it checks properties of every answer, and traps on the first one that fails:
// - a grid comes back with no error, or no grid with at least one error: never both, never
//   neither;
// - every error is located in the file the reader was given ("fuzz.json#...") and carries a
//   rule of the catalogue, whose id is of a reading stage or of the rules;
// - a grid that comes back passes the template walk and the parameter check again
//   (`validate(def)`, `validate(parametres)`): the reader never hands out what the rules refuse;
// - reading is deterministic: the same bytes give the same errors.
#include <caqes/io/json/grille.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void exiger(bool propriete) {
    if (!propriete) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace caqes;
    const std::string_view texte{reinterpret_cast<const char*>(data), size};
    const resultat_validation<json::grille_chargee> r = json::lire_grille(texte, "fuzz.json");
    exiger(r.ok() == r.erreurs().empty());
    for (const violation& v : r.erreurs()) {
        exiger(v.lieu.starts_with("fuzz.json#"));
        exiger(v.id != regle::aucune && fiche(v.id).id == v.id);
    }
    if (r.ok()) {
        exiger(validate(r.valeur().definition()).empty());
        exiger(validate(r.valeur().parametres().valeur()).empty());
    }
    const resultat_validation<json::grille_chargee> encore = json::lire_grille(texte, "fuzz.json");
    exiger(encore.erreurs().size() == r.erreurs().size());
    for (std::size_t k = 0; k < r.erreurs().size(); ++k) {
        exiger(encore.erreurs()[k].id == r.erreurs()[k].id && encore.erreurs()[k].lieu == r.erreurs()[k].lieu);
    }
    return 0;
}
