// libFuzzer target for the JSON Lines reader (caqes/io/json/valeurs.hpp), the third input of
// `caqes evaluate`, through validation and the three evaluators. The input is one JSON Lines
// file, read against the batch example's template (regional 2017, first generation); a first
// byte 0x01 is dropped and selects the second-generation example (indicateurs_2022) with its
// parameters instead. Besides crashes, leaks and undefined behaviour, it traps on the first
// broken property:
// - physical lines = blank + accepted + rejected, and rows read = accepted + rejected, unless
//   the file was marked unusable: in memory and under the default options (no failed stream,
//   no more establishment-years than the maximum), only a file with no establishment-year is;
// - every violation is located at a line of the file (`v.jsonl:N`), carries a rule of the
//   catalogue, and every rejected line is named by at least one violation;
// - the exit status says "accepted" only when nothing was rejected;
// - for every accepted establishment-year, the compile-time evaluator (`evaluateur<def>`), the
//   run-time one (`evaluer`) and the columnar one (`colonnes::evaluer_lot`, in blocks of the
//   accepted years) agree: on every volet's score and proposal and on the totals, and on every
//   result column (tests/support/colonnes_comme_scalaire.hpp).
#include "colonnes_comme_scalaire.hpp"
#include "meme_resultat.hpp"
#include "modeles/indicateurs_2022.hpp"
#include "modeles/regional_2017.hpp"

#include <caqes/caqes.hpp>
#include <caqes/io/json/valeurs.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace caqes;

void exiger(bool propriete) {
    if (!propriete) __builtin_trap();
}

// Physical lines: LF-ended lines, and a last one without its LF.
std::size_t lignes(std::string_view t) {
    const auto lf = static_cast<std::size_t>(std::count(t.begin(), t.end(), '\n'));
    return lf + (!t.empty() && t.back() != '\n' ? 1U : 0U);
}

// The line a violation names: "v.jsonl:12#/valeurs/S01/taux" is 12; 0 when it names none.
std::size_t ligne_de(std::string_view lieu) {
    constexpr std::string_view fichier = "v.jsonl:";
    if (!lieu.starts_with(fichier)) return 0;
    lieu.remove_prefix(fichier.size());
    std::size_t n = 0;
    for (const char c : lieu) {
        if (c < '0' || c > '9') break;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

template <const modele_contrat_def& Def>
void verifier(std::string_view texte, const parametres_evaluation& p) {
    const json::lot_jsonl lot = json::lire_rapports_jsonl(Def, p, {"v.jsonl", texte});
    const csv::reconciliation& rec = lot.lignes;
    exiger(rec.counts_agree());
    exiger(rec.header == 0);
    exiger(rec.lines == lignes(texte));
    exiger(!rec.unusable || rec.read == 0);  // only an empty file, in memory and by default
    if (!rec.unusable) exiger(rec.balanced());
    std::set<std::size_t> nommees;
    for (const violation& v : lot.rejets) {
        const std::size_t n = ligne_de(v.lieu);
        exiger(n >= 1 && n <= std::max<std::size_t>(rec.lines, 1));
        exiger(v.id != regle::aucune && fiche(v.id).id == v.id);
        if (v.id != regle::fichier_inutilisable) nommees.insert(n);
    }
    exiger(nommees.size() == rec.rejected);
    const csv::exit_status s = json::status(lot);
    exiger((s == csv::exit_status::accepted) == (lot.rejets.empty() && !lot.rapports.empty()));
    if (lot.rapports.empty()) return;

    std::vector<resultat_evaluation> scalaires;
    for (const csv::rapport_lu& r : lot.rapports) {
        const resultat_validation<rapport_valide_pour<Def>> valide = validate<Def>(r.rapport);
        exiger(valide.ok());
        scalaires.push_back(evaluer(r.rapport));
        exiger(essais::meme_resultat(evaluateur<Def>::evaluer(valide.valeur(), politique_grille{}), scalaires.back()));
    }
    exiger(essais::ecart_colonnes(Def, lot.rapports, scalaires).empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view texte{reinterpret_cast<const char*>(data), size};
    if (texte.starts_with('\x01')) {
        texte.remove_prefix(1);
        verifier<modeles::indicateurs_2022::def>(texte, modeles::indicateurs_2022::parametres);
    } else {
        verifier<modeles::regional_2017::definition>(texte, parametres_evaluation{});
    }
    return 0;
}
