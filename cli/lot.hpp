#pragma once
// How the `caqes` tool reads a batch (the values file and the establishments file of
// docs/input-format.md) against a grid loaded at run time. `lire_lot` is the only function of
// the tool that knows which reader does it: the CSV files are streamed
// (`caqes::csv::lire_rapports_flux`, memory bounded: docs/input-format.md, "Memory"), and each
// accepted establishment-year and each rejection is handed over as soon as it is read.
#include <caqes/contrat/modele.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/io/csv_file.hpp>
#include <caqes/io/csv_rapports.hpp>
#include <caqes/io/json/valeurs.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace caqes::cli {

// What remains of a batch once every accepted establishment-year and every rejection was handed
// over: the paths that could not be read (CAQES-E042, nothing else is then read), the
// reconciliation of each file read and the exit status (docs/input-format.md, "Exit status").
struct bilan_lot {
    violations chemins;
    std::vector<csv::reconciliation> fichiers;  // each file read, in the order given
    csv::exit_status statut{csv::exit_status::accepted};
    // What the outputs rest on that the CSV and Markdown rows cannot say: the establishment-years
    // accepted without their contract (contract time not checked: alert sans_instance), and
    // those without their activities (every activity of the grid's scope taken as exercised).
    std::size_t sans_contrat{0};
    std::size_t sans_activites{0};

    void compter(const csv::rapport_lu& r) noexcept {
        if (!r.rapport.avec_instance()) ++sans_contrat;
        if (!r.activites_donnees) ++sans_activites;
    }
};

// Reads the batch `fichiers` (paths as the caller gave them, which every location cites) against
// `m` and `p`; calls `rapport(const csv::rapport_lu&, std::uint64_t fait, std::uint64_t total)`
// for each accepted establishment-year (`fait` out of `total`: the progress, in bytes of the
// values file for CSV and JSON Lines alike) and `rejet(violation&&)` for each
// rejection, in the order found. Two or three files are the CSV batch (values, establishments,
// and the contracts when given: docs/input-format.md), whose establishment-years come in the
// values file's order; one file is JSON Lines (json/valeurs.hpp), streamed, in file order. A
// path that cannot be read is one CAQES-E042 in `chemins` and status 3, and nothing is handed
// over.
template <class Rapport, class Rejet>
[[nodiscard]] bilan_lot lire_lot(const modele_contrat_def& m, const parametres_evaluation& p,
                                 const std::vector<std::string>& fichiers, Rapport&& rapport, Rejet&& rejet) {
    bilan_lot b{};
    for (const std::string& chemin : fichiers) {
        const csv::parsed<bool> f = csv::fichier_lisible(chemin);
        if (!f.ok()) b.chemins.push_back({f.rule, chemin, f.error});
    }
    if (!b.chemins.empty()) {
        b.statut = csv::exit_status::unusable_input;
        return b;
    }
    if (fichiers.size() == 1) {
        // Streamed line by line through a fixed buffer, once (a pipe will do).
        std::ifstream in{fichiers[0], std::ios::binary};
        if (!in) {
            b.chemins.push_back({regle::fichier_inutilisable, fichiers[0], concat("cannot open ", fichiers[0])});
            b.statut = csv::exit_status::unusable_input;
            return b;
        }
        std::error_code ec;
        const std::uintmax_t taille =
            std::filesystem::is_regular_file(fichiers[0], ec) && !ec ? std::filesystem::file_size(fichiers[0], ec) : 0;
        const std::uint64_t total = ec ? 0 : static_cast<std::uint64_t>(taille);
        const csv::reconciliation rec = json::lire_rapports_jsonl_flux(
            m, p, {fichiers[0], {}, &in}, {},
            [&rapport, &b, total](const csv::rapport_lu& r, std::uint64_t lus) {
                b.compter(r);
                rapport(r, lus, total);
            },
            rejet);
        b.statut = json::status(rec);
        b.fichiers.push_back(rec);
        return b;
    }
    std::vector<std::ifstream> flux;
    flux.reserve(fichiers.size());  // the sources point to these streams: no reallocation
    std::vector<csv::source> sources;
    for (const std::string& chemin : fichiers) {
        flux.emplace_back(chemin, std::ios::binary);
        if (!flux.back()) {
            b.chemins.push_back({regle::fichier_inutilisable, chemin, concat("cannot open ", chemin)});
            b.statut = csv::exit_status::unusable_input;
            return b;
        }
        sources.push_back({chemin, {}, &flux.back()});
    }
    const csv::bilan_lecture lu = csv::lire_rapports_flux(
        m, p, sources[0], sources[1], sources.size() == 3 ? &sources[2] : nullptr, {},
        [&rapport, &b](const csv::rapport_lu& r, const csv::bilan_lecture& en_cours) {
            b.compter(r);
            rapport(r, en_cours.octets_valeurs_lus, en_cours.octets_valeurs);
        },
        rejet);
    b.statut = csv::status(lu);
    b.fichiers.push_back(lu.valeurs);
    b.fichiers.push_back(lu.etablissements);
    if (lu.contrats) b.fichiers.push_back(*lu.contrats);
    return b;
}

}  // namespace caqes::cli
