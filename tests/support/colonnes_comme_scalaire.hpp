#pragma once
// Whether the columnar evaluator (colonnes::evaluer_lot), given the establishment-years a reader
// accepted, in blocks of its own making, writes for each the row of its scalar full result,
// column for column (colonnes::difference): the third evaluator the fuzz targets of the batch
// readers compare (fuzz/rapports_fuzz.cpp, fuzz/jsonl_fuzz.cpp). The differential test
// (tests/unit/differentiel*.cpp) compares the same on generated data.
#include <caqes/evaluation/colonnes/evaluer_lot.hpp>
#include <caqes/evaluation/colonnes/lot.hpp>
#include <caqes/evaluation/colonnes/resultats.hpp>
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/io/csv_lot.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace caqes::essais {

// "" when row i of the blocks is the row of `scalaires[i]` for every i; else the first
// difference, with its row. `rapports` were all validated against `m` under the same
// parameters (a reader's, for one file), as a block requires (CAQES-E038, E048).
[[nodiscard]] inline std::string ecart_colonnes(const modele_contrat_def& m, std::span<const csv::rapport_lu> rapports,
                                                std::span<const resultat_evaluation> scalaires) {
    if (rapports.size() != scalaires.size()) return "as many full results as reports are needed";
    if (rapports.empty()) return {};
    const auto grille =
        std::make_shared<const colonnes::grille_lot>(m, politique_grille{}, rapports.front().rapport.parametres());
    colonnes::validateur_lot blocs(grille);
    colonnes::resultats_colonnes<std::int64_t> res;
    std::size_t e = 0;
    std::string ecart;
    auto conclure = [&](const colonnes::lot_colonnes& l) {
        colonnes::evaluer_lot(l, res, 0);
        for (std::size_t i = 0; i < l.taille() && ecart.empty(); ++i, ++e) {
            const std::string d = colonnes::difference(colonnes::lire(res, i), colonnes::ligne_de(scalaires[e]),
                                                       "the scalar full result");
            if (!d.empty()) ecart = concat("row ", std::to_string(e), ": ", d);
        }
    };
    for (const csv::rapport_lu& r : rapports) {
        const resultat_validation<colonnes::voie_ligne> voie = blocs.ajouter(r.rapport);
        if (!voie.ok()) return concat("refused by the block: ", texte(voie.erreurs().front()));
        while (std::optional<colonnes::lot_colonnes> l = blocs.prendre())
            conclure(*l);
    }
    while (std::optional<colonnes::lot_colonnes> l = blocs.terminer())
        conclure(*l);
    if (ecart.empty() && e != scalaires.size()) return "the blocks did not hold every report";
    return ecart;
}

}  // namespace caqes::essais
