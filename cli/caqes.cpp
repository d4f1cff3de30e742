// The `caqes` command-line tool. First subcommand: `caqes check GRID.json...` validates grid
// files (format caqes.grille/1) by the rules of a C++ template and prints each violation,
// located by file and JSON pointer, with its rule id. docs/cli.md documents the commands, the
// output and the exit status; paths are taken relative to the caller's working directory.
#include <caqes/io/csv_rapports.hpp>
#include <caqes/io/json/grille.hpp>
#include <caqes/version.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

namespace {

// The exit status of every caqes program (docs/input-format.md): 3 for a file that cannot be
// read as a grid (bytes, JSON syntax, format), 4 for a grid that breaks a rule.
using statut = caqes::csv::exit_status;

// Errors of the reading stages: the file is not a grid that could be checked.
[[nodiscard]] bool erreur_de_lecture(caqes::regle r) noexcept {
    using caqes::regle;
    return r == regle::encodage_invalide || r == regle::fichier_inutilisable || r == regle::grille_mal_formee ||
           r == regle::cle_en_double || r == regle::schema_inconnu || r == regle::depassement_capacite;
}

[[nodiscard]] statut verifier(const std::string& chemin, bool jsonl) {
    const auto r = caqes::json::lire_grille_fichier(chemin);
    statut s = statut::accepted;
    for (const caqes::violation& v : r.erreurs()) {
        s = std::max(s, erreur_de_lecture(v.id) ? statut::unusable_input : statut::grid_rule);
        if (jsonl) {
            const nlohmann::json ligne{{"fichier", chemin}, {"lieu", v.lieu}, {"regle", v.code()}, {"titre", v.titre()},
                                       {"source", v.source()}, {"detail", v.detail}};
            // Every string of a violation is UTF-8 (the reader refuses other bytes and quotes
            // what it prints), so dump() cannot throw; replace is the belt to those braces.
            std::cout << ligne.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        } else {
            // As a compiler prints: the place first, so editors and grep can jump to it.
            std::cout << v.lieu << ": error: " << v.code() << ": " << v.titre() << " (" << v.source() << ")"
                      << (v.detail.empty() ? "" : ": ") << v.detail << '\n';
        }
    }
    if (r.ok()) {
        const caqes::modele_contrat_def& m = r.valeur().definition();
        std::cerr << chemin << ": valid grid \"" << m.nom << "\" (" << caqes::decrire(m.regime).nom << ", "
                  << caqes::nombre_indicateurs(m) << " indicators)\n";
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string version = caqes::concat("caqes ", std::to_string(CAQES_VERSION_MAJOR), ".", std::to_string(CAQES_VERSION_MINOR),
                                              ".", std::to_string(CAQES_VERSION_PATCH));
    CLI::App app{version + ": tools for CAQES contract grids (docs/cli.md)", "caqes"};
    app.require_subcommand(1);
    app.set_version_flag("--version", version);

    std::vector<std::string> fichiers;
    bool jsonl = false;
    CLI::App* check = app.add_subcommand(
        "check", "Validate grid files (caqes.grille/1) by the template rules; print each violation with its location and rule id");
    check->add_option("GRID", fichiers, "grid files, relative to the current directory")->required();
    check->add_flag("--jsonl", jsonl, "one JSON object per violation on stdout (JSON Lines) instead of text");
    check->footer("Exit status: 0 every grid valid, 2 usage, 3 a file that is not a readable grid "
                  "(CAQES-E040 to E042, E070 to E072), 4 a grid that breaks a rule.");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        (void)app.exit(e);
        return static_cast<int>(statut::usage);
    }

    statut s = statut::accepted;
    for (const std::string& f : fichiers) s = std::max(s, verifier(f, jsonl));
    return static_cast<int>(s);
}
