// The CSV reader: no heap allocation per row in steady state (issue 14).
//
// Built into caqes_allocation_tests, whose evaluation_allocation.cpp replaces the global
// operator new with a counting one (tests/CMakeLists.txt). The rows go through the code the
// batch reader runs on each row of the values file: the record reader, the row's shape and
// encoding (`forme_valide`), its establishment-year key (`lire_cle`), the indicator and
// measure looked up in the template, and the value parsed to its measure's kind
// (`lire_valeur`).
#include "allocations.hpp"
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <caqes/io/csv.hpp>

#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace caqes;

// A value of each measure kind, French dialect.
std::string_view valeur_ecrite(type_mesure t) {
    switch (t) {
        case type_mesure::montant:
            return "1 234,56";
        case type_mesure::montant_signe:
            return "-1 234,56";
        case type_mesure::nombre:
            return "12";
        case type_mesure::taux:
            return "52,5";
        case type_mesure::taux_evolution:
            return "-3,5";
        case type_mesure::oui_non:
            return "oui";
        case type_mesure::echelle:
            return "partiel";
    }
    return "";
}

// The values file of `etablissements` establishment-years of `m`, one row per measure.
std::string fichier_valeurs(const modele_contrat_def& m, std::size_t etablissements, std::size_t& lignes) {
    std::string s = "finess;exercice;indicateur;mesure;valeur\r\n";
    lignes = 0;
    for (std::size_t e = 0; e < etablissements; ++e) {
        std::string finess = std::to_string(750'000'000 + e);
        for (const auto& v : m.volets) {
            for (const auto& ind : v.grille) {
                for (const auto& x : ind.mesures) {
                    if (x.vide()) continue;
                    s += concat(finess, ";2018;", ind.code, ";", x.code, ";", valeur_ecrite(x.type), "\r\n");
                    ++lignes;
                }
            }
        }
    }
    return s;
}

}  // namespace

TEST_CASE("csv reader: at most 0.1 allocation per row over 100 000 valid rows", "[csv][allocation]") {
    const modele_contrat_def& m = evalmod::def_2017;
    std::size_t par_etablissement = 0;
    (void)fichier_valeurs(m, 1, par_etablissement);
    std::size_t lignes = 0;
    const std::string texte = fichier_valeurs(m, 100'000 / par_etablissement + 1, lignes);
    REQUIRE(lignes >= 100'000);

    const csv::table t = csv::split(texte.substr(0, texte.find('\n') + 1));
    const csv::apercu_fichier a = csv::apercu(texte);
    const csv::detail::entete e =
        csv::detail::lire_entete(t, {"finess", "exercice", "indicateur", "mesure", "valeur"}, a);
    REQUIRE(e.erreur.empty());
    violations out;
    csv::reconciliation rec{};
    const std::size_t emis = 0;
    csv::detail::journal j{"valeurs.csv", out, rec, emis};
    const std::vector<csv::detail::repere> index = csv::detail::reperes(m);
    const csv::detail::colonnes_valeurs colonnes = csv::detail::colonnes_valeurs::de(e);

    for (const bool flux : {false, true}) {
        std::istringstream in{texte};
        csv::record_reader lecteur = flux ? csv::record_reader{in} : csv::record_reader{std::string_view{texte}};
        csv::record_view r{};
        REQUIRE(lecteur.next(r));  // the header
        // No assertion inside the measured loop: a reporter may allocate. Each row goes through
        // the batch reader's own row check (shape, key, indicator, measure, value).
        std::size_t valides = 0;
        long avant = 0;
        csv::detail::ligne_valeurs l{};
        while (lecteur.next(r)) {
            // The first rows bring the buffers to their size: the steady state follows.
            if (valides == 1'000) avant = allocations_comptees();
            j.ligne(r.line);
            csv::detail::lire_ligne_valeurs(m, j, r, e, csv::dialect::french, a.head, index, colonnes, l);
            if (l.k && l.jm != csv::detail::absent && !j.rejetee()) ++valides;
        }
        const long apres = allocations_comptees();
        INFO((flux ? "stream" : "text") << ": " << (apres - avant) << " allocations over " << (valides - 1'000)
                                        << " rows");
        CHECK(valides == lignes);
        CHECK(out.empty());
        CHECK(lecteur.lines() == lignes + 1);
        CHECK(static_cast<double>(apres - avant) <= 0.1 * static_cast<double>(valides - 1'000));
    }
}

TEST_CASE("csv reader: an establishment-year read, validated and handed over makes at most 8 heap allocations",
          "[csv][allocation][lot]") {
    // Those of the validated report it hands over (`rapport_valide` owns its volets, values,
    // plans and decisions) and of its validation's working lists. A location string built for
    // each entry, indicator and measure whether or not a violation is raised, a per-report copy
    // of the reader's lists, or the template checked again per report would cost tens more.
    const modele_contrat_def& m = evalmod::def_2017;
    const std::size_t etablissements = 2'000;
    std::size_t lignes = 0;
    const std::string valeurs = fichier_valeurs(m, etablissements, lignes);
    std::string etabs = "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits";
    for (const char* colonne : {"economies_", "decision_", "nature_"}) {
        for (const auto& v : m.volets)
            etabs += concat(";", colonne, csv::nom_colonne(v.volet));
    }
    etabs += "\r\n";
    for (std::size_t e = 0; e < etablissements; ++e) {
        etabs += concat(std::to_string(750'000'000 + e), ";2018;2;1000000,00;");
        for (std::size_t i = 0; i < 3 * m.volets.size(); ++i)
            etabs += ';';
        etabs += "\r\n";
    }

    std::size_t acceptes = 0;
    std::size_t rejets = 0;
    long avant = 0;
    long apres = 0;
    // No assertion inside the callbacks: a reporter may allocate. The first establishment-years
    // bring the reader's buffers to their size: the steady state follows.
    const csv::bilan_lecture b = csv::lire_rapports_flux(
        m, {}, {"valeurs.csv", valeurs}, {"etablissements.csv", etabs}, nullptr, {},
        [&](csv::rapport_lu&&, const csv::bilan_lecture&) {
            ++acceptes;
            if (acceptes == 100) avant = allocations_comptees();
            apres = allocations_comptees();
        },
        [&](violation&&) { ++rejets; });
    INFO((apres - avant) << " allocations over " << (acceptes - 100) << " establishment-years");
    REQUIRE(rejets == 0);
    REQUIRE(acceptes == etablissements);
    CHECK(b.counts_agree());
    CHECK(apres - avant <= 8 * static_cast<long>(acceptes - 100));
}
