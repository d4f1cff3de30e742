#pragma once
// How the `caqes` tool reads a batch (the values file and the establishments file of
// docs/input-format.md) against a grid loaded at run time. `lire_lot` is the only function of
// the tool that knows which reader does it: today `caqes::csv::lire_rapports`, which holds the
// whole batch; the streaming reader (bounded memory) replaces its body without touching the
// commands, which already receive one accepted establishment-year at a time.
#include <caqes/contrat/modele.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/io/csv_file.hpp>
#include <caqes/io/csv_rapports.hpp>
#include <caqes/io/json/valeurs.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace caqes::cli {

// What remains of a batch once every accepted establishment-year was handed over: the rejected
// rows (file:line:field, rule, detail), the reconciliation of each file read and the exit status
// (docs/input-format.md, "Exit status").
struct bilan_lot {
    violations rejets;
    std::vector<csv::reconciliation> fichiers;  // each file read, in the order given
    csv::exit_status statut{csv::exit_status::accepted};
};

// Reads the batch `fichiers` (paths as the caller gave them, which every location cites) against
// `m` and `p`, and calls `rapport(const csv::rapport_lu&, std::size_t rang, std::size_t total)`
// for each accepted establishment-year. Two or three files are the CSV batch (values,
// establishments, and the contracts when given: docs/input-format.md), whose establishment-years
// come in FINESS then year order; one file is JSON Lines (json/valeurs.hpp), in file order. A
// path that cannot be read is one CAQES-E042 rejection and status 3, and nothing is handed over.
template <class Rapport>
[[nodiscard]] bilan_lot lire_lot(const modele_contrat_def& m, const parametres_evaluation& p,
                                 const std::vector<std::string>& fichiers, Rapport&& rapport) {
    bilan_lot b{};
    std::vector<std::string> textes;
    for (const std::string& chemin : fichiers) {
        csv::parsed<std::string> f = csv::read_file(chemin);
        if (!f.ok()) {
            b.rejets.push_back({f.rule, chemin, f.error});
            b.statut = csv::exit_status::unusable_input;
            continue;
        }
        textes.push_back(std::move(f.value));
    }
    if (!b.rejets.empty()) return b;
    auto remettre = [&rapport](const std::vector<csv::rapport_lu>& rapports) {
        for (std::size_t i = 0; i < rapports.size(); ++i)
            rapport(rapports[i], i, rapports.size());
    };
    if (fichiers.size() == 1) {
        json::lot_jsonl lot = json::lire_rapports_jsonl(m, p, {fichiers[0], textes[0]});
        remettre(lot.rapports);
        b.statut = json::status(lot);
        b.rejets = std::move(lot.rejets);
        b.fichiers.push_back(std::move(lot.lignes));
        return b;
    }
    const csv::source valeurs{fichiers[0], textes[0]};
    const csv::source etablissements{fichiers[1], textes[1]};
    csv::lot_rapports lot = fichiers.size() == 3
                                ? csv::lire_rapports(m, p, valeurs, etablissements, {fichiers[2], textes[2]})
                                : csv::lire_rapports(m, p, valeurs, etablissements);
    remettre(lot.rapports);
    b.statut = csv::status(lot);
    b.rejets = std::move(lot.rejets);
    b.fichiers.push_back(std::move(lot.valeurs));
    b.fichiers.push_back(std::move(lot.etablissements));
    if (lot.contrats) b.fichiers.push_back(std::move(*lot.contrats));
    return b;
}

}  // namespace caqes::cli
