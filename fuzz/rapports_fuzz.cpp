// libFuzzer target for the batch reader (caqes/io/csv_rapports.hpp) through validation, both
// evaluators and the JSON output, against the batch example's template (regional 2017). The
// input is the values file, a NUL byte, the establishments file, then optionally a second NUL
// byte and the contracts file (no NUL: the values file alone, with an empty establishments file;
// one NUL: no contracts file). Besides crashes, leaks and undefined behaviour, it traps on the
// first broken property:
// - per file, physical lines = header + blank + accepted + rejected, and rows read = accepted
//   + rejected; a file the reader stopped in (a CR alone) is marked unusable;
// - every violation is located in one of the files and carries a rule of the catalogue;
// - the exit status says "accepted" only when nothing was rejected;
// - for every accepted establishment-year, the compile-time evaluator (`evaluateur<def>`) and
//   the run-time one (`evaluer`) agree on every volet's score and proposal and on the totals,
//   and the columnar one (`colonnes::evaluer_lot`, the accepted years in blocks) writes the
//   scalar result's row, column for column (tests/support/colonnes_comme_scalaire.hpp);
// - the JSON document of the batch (as example_batch --json writes it) parses back, with the
//   reconciliation it was given.
#include "colonnes_comme_scalaire.hpp"
#include "meme_resultat.hpp"
#include "modeles/regional_2017.hpp"

#include <caqes/caqes.hpp>
#include <caqes/io/csv.hpp>
#include <caqes/io/json/trace.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace caqes;
constexpr const modele_contrat_def& def = modeles::regional_2017::definition;

// `texte` with each line after the first indented by `retrait` more spaces: a value as nlohmann
// writes it at that depth of a document.
std::string en_retrait(std::string_view texte, std::size_t retrait) {
    std::string s;
    for (const char c : texte) {
        s += c;
        if (c == '\n') s.append(retrait, ' ');
    }
    return s;
}

void exiger(bool propriete) {
    if (!propriete) __builtin_trap();
}

using essais::meme_resultat;

// Physical lines: LF-ended lines, and a last one without its LF; the BOM is not a line.
std::size_t lignes(std::string_view t) {
    if (t.starts_with(csv::utf8_bom)) t.remove_prefix(csv::utf8_bom.size());
    const auto lf = static_cast<std::size_t>(std::count(t.begin(), t.end(), '\n'));
    return lf + (!t.empty() && t.back() != '\n' ? 1U : 0U);
}

bool cr_seul(std::string_view t) {
    for (std::size_t i = t.find('\r'); i != std::string_view::npos; i = t.find('\r', i + 1)) {
        if (i + 1 == t.size() || t[i + 1] != '\n') return true;
    }
    return false;
}

// Every physical line is counted, read or not; every row read is accepted or rejected. A CR
// alone stops the reading: the file is unusable and the lines from the CR's on are counted
// unread, so it does not balance; any other file does.
void fichier(const csv::reconciliation& rec, std::string_view texte) {
    exiger(rec.counts_agree());
    exiger(rec.header <= 1);
    exiger(rec.lines == lignes(texte));
    if (cr_seul(texte)) {
        exiger(rec.unusable.has_value());
    } else {
        exiger(rec.balanced());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view tout{reinterpret_cast<const char*>(data), size};
    const std::size_t nul = tout.find('\0');
    const std::string_view valeurs = tout.substr(0, nul);
    std::string_view etablissements = nul == std::string_view::npos ? std::string_view{} : tout.substr(nul + 1);
    const std::size_t nul2 = etablissements.find('\0');
    const bool avec_contrats = nul2 != std::string_view::npos;
    const std::string_view contrats = avec_contrats ? etablissements.substr(nul2 + 1) : std::string_view{};
    etablissements = etablissements.substr(0, nul2);

    const parametres_evaluation p{};
    const csv::lot_rapports lot =
        avec_contrats ? csv::lire_rapports(def, p, {"valeurs.csv", valeurs}, {"etablissements.csv", etablissements},
                                           {"contrats.csv", contrats})
                      : csv::lire_rapports(def, p, {"valeurs.csv", valeurs}, {"etablissements.csv", etablissements});
    fichier(lot.valeurs, valeurs);
    fichier(lot.etablissements, etablissements);
    exiger(lot.contrats.has_value() == avec_contrats);
    if (avec_contrats) fichier(*lot.contrats, contrats);
    for (const violation& v : lot.rejets) {
        exiger(v.lieu.starts_with("valeurs.csv:") || v.lieu.starts_with("etablissements.csv:") ||
               (avec_contrats && v.lieu.starts_with("contrats.csv:")));
        exiger(v.id != regle::aucune && fiche(v.id).id == v.id);
    }
    const csv::exit_status s = csv::status(lot);
    exiger((s == csv::exit_status::accepted) == (lot.rejets.empty() && !lot.rapports.empty()));

    std::vector<json::evaluation_etablissement> evaluations;
    std::vector<resultat_evaluation> scalaires;
    for (const csv::rapport_lu& r : lot.rapports) {
        const resultat_validation<rapport_valide_pour<def>> valide = validate<def>(r.rapport);
        exiger(valide.ok());
        json::evaluation_etablissement e{
            .finess = r.finess, .raison_sociale = {}, .exercice = r.rapport.exercice(), .modele = std::string{def.nom}};
        e.resultat = evaluateur<def>::evaluer(valide.valeur(), politique_grille{}, e.trace_);
        scalaires.push_back(evaluer(r.rapport));
        exiger(meme_resultat(e.resultat, scalaires.back()));
        evaluations.push_back(std::move(e));
    }
    exiger(essais::ecart_colonnes(def, lot.rapports, scalaires).empty());
    nlohmann::json doc = json::document(evaluations);
    // The streaming writer example_batch --json uses gives nlohmann's bytes (ecriture.hpp).
    std::ostringstream ecrit;
    json::ecrire(ecrit, evaluations);
    exiger(ecrit.str() == json::serialiser(doc) + "\n");
    nlohmann::json rejets = nlohmann::json::array();
    for (const auto& v : lot.rejets) {
        rejets.push_back({{"code", v.code()}, {"lieu", v.lieu}, {"detail", v.detail}});
        json::ecrivain w{nullptr, 2, 4};
        json::ecrire(w, v);
        exiger(w.texte() == en_retrait(json::serialiser(rejets.back()), 4));
    }
    doc["rejets"] = std::move(rejets);
    doc["lues"] = lot.valeurs.lines;
    const nlohmann::json relu = nlohmann::json::parse(json::serialiser(doc), nullptr, false);
    exiger(!relu.is_discarded());
    exiger(relu["rejets"].size() == lot.rejets.size());
    exiger(relu["lues"] == lot.valeurs.lines);
    return 0;
}
