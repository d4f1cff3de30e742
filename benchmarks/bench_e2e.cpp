// End to end: generated CSV files (the long values file and the establishments file of
// docs/input-format.md) through caqes::csv::lire_rapports (reading, parsing, validation),
// the evaluation of every accepted establishment-year, and the output of one CSV line each
// to a file; against a plain read of the same files (read them, count their lines).
// Two pipelines: `pipeline`, each report evaluated by the scalar evaluator of the compile-time
// grid, and `columns`, the reports put into blocks (colonnes::validateur_lot) and each block
// evaluated by colonnes::evaluer_lot, its lines written from the result columns, as `caqes
// evaluate` does (docs/design-columnar.md, section 5, commit 10).
//
// The files are generated from the same values the run-time benchmarks use, and before any
// timing the scalar pipeline's results are checked identical, report by report, to a direct
// evaluation of those values, and the columnar pipeline's output file identical, byte for
// byte, to the scalar pipeline's; every row must be accepted.
#include "allocations.hpp"
#include "donnees.hpp"
#include "e2e.hpp"

#include <caqes/evaluation/colonnes/evaluer_lot.hpp>
#include <caqes/evaluation/colonnes/lot.hpp>
#include <caqes/evaluation/colonnes/resultats.hpp>
#include <caqes/io/csv.hpp>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bench {
namespace {

namespace fs = std::filesystem;
constexpr const caqes::modele_contrat_def& def_e2e = g7::def;

void ajouter_entier(std::string& s, std::int64_t x) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    s.append(buf, r.ptr);
}

// "-12,5" from -125 and 1 decimal; "49,32" from 4932 and 2.
void ajouter_decimal(std::string& s, std::int64_t x, int decimales) {
    std::int64_t p = 1;
    for (int i = 0; i < decimales; ++i)
        p *= 10;
    if (x < 0) s += '-';
    const std::int64_t a = x < 0 ? -x : x;
    ajouter_entier(s, a / p);
    s += ',';
    std::string f = std::to_string(a % p);
    s.append(static_cast<std::size_t>(decimales) - f.size(), '0');
    s += f;
}

// A value as a French spreadsheet writes it; the reader gives back the same fraction.
void ajouter_valeur(std::string& s, const caqes::valeur_mesure& v) {
    using caqes::type_mesure;
    if (v.etat == caqes::etat_valeur::non_concernee) {
        s += "NC";
        return;
    }
    if (v.etat == caqes::etat_valeur::non_renseignee) {
        s += "NR";
        return;
    }
    const caqes::fraction f = v.v;
    switch (v.type) {
        case type_mesure::taux:
            ajouter_decimal(s, f.num * (10'000 / f.den), 2);
            break;
        case type_mesure::taux_evolution:
            ajouter_decimal(s, f.num * (1'000 / f.den), 1);
            break;
        case type_mesure::montant:
        case type_mesure::montant_signe:
            ajouter_decimal(s, f.num, 2);
            break;
        case type_mesure::nombre:
            ajouter_entier(s, f.num);
            break;
        case type_mesure::oui_non:
            s += f.num == 1 ? "oui" : "non";
            break;
        case type_mesure::echelle:
            s += f.num == 2 ? "oui" : (f.num == 1 ? "partiel" : "non");
            break;
    }
}

struct fichiers {
    fs::path dossier;
    fs::path valeurs;
    fs::path etablissements;
    fs::path sortie;
    fs::path sortie_colonnes;
    std::size_t lignes{0};  // data rows of both files
    std::size_t octets{0};
    std::vector<std::uint64_t> attendues;  // digest per establishment-year, in FINESS then year order
    ~fichiers() {
        std::error_code ec;
        fs::remove_all(dossier, ec);
    }
};

std::unique_ptr<fichiers> g_fichiers;
std::size_t g_lignes_demandees = 0;

// The files read and validated (lire_rapports), every row accepted.
caqes::csv::lot_rapports lire(const fichiers& f, const caqes::parametres_evaluation& params) {
    const caqes::csv::parsed<std::string> tv = caqes::csv::read_file(f.valeurs.string());
    const caqes::csv::parsed<std::string> te = caqes::csv::read_file(f.etablissements.string());
    if (!tv.ok() || !te.ok()) {
        std::fprintf(stderr, "e2e: %s%s\n", tv.error.c_str(), te.error.c_str());
        std::exit(1);
    }
    caqes::csv::lot_rapports lot =
        caqes::csv::lire_rapports(def_e2e, params, {"valeurs.csv", tv.value}, {"etablissements.csv", te.value});
    if (!lot.rejets.empty() || !lot.balanced()) {
        std::fprintf(stderr, "e2e check FAILED: %zu rejections, first: %s\n", lot.rejets.size(),
                     lot.rejets.empty() ? "-" : caqes::texte(lot.rejets.front()).c_str());
        std::exit(1);
    }
    return lot;
}

constexpr std::string_view entete_sortie =
    "finess;exercice;total_sanctions;total_interessements;socle;transports;pertinence;amelioration_pratiques\n";

// One output line: `nature(i)` and `montant(i)` (cents) of each of the `volets` volets.
template <class Nature, class Montant>
void ajouter_ligne(std::string& sortie, std::string_view finess, std::int64_t exercice, std::int64_t sanctions,
                   std::int64_t interessements, std::size_t volets, Nature nature, Montant montant) {
    sortie += finess;
    sortie += ';';
    ajouter_entier(sortie, exercice);
    sortie += ';';
    ajouter_decimal(sortie, sanctions, 2);
    sortie += ';';
    ajouter_decimal(sortie, interessements, 2);
    for (std::size_t i = 0; i < volets; ++i) {
        sortie += ';';
        sortie += caqes::nom(nature(i));
        sortie += ' ';
        ajouter_decimal(sortie, montant(i), 2);
    }
    sortie += '\n';
}

void ecrire_fichier(const fs::path& chemin, const std::string& sortie) {
    std::FILE* out = std::fopen(chemin.c_str(), "wb");
    if (out == nullptr || std::fwrite(sortie.data(), 1, sortie.size(), out) != sortie.size() || std::fclose(out) != 0) {
        std::fprintf(stderr, "e2e: cannot write %s\n", chemin.c_str());
        std::exit(1);
    }
}

// The pipeline; returns the number of evaluated establishment-years.
std::size_t pipeline(const fichiers& f, std::vector<std::uint64_t>* empreintes) {
    const caqes::parametres_evaluation params{};
    const caqes::csv::lot_rapports lot = lire(f, params);
    const caqes::politique_grille pol{};
    std::string sortie;
    sortie.reserve(lot.rapports.size() * 64 + 128);
    sortie += entete_sortie;
    for (const caqes::csv::rapport_lu& lu : lot.rapports) {
        // The reader validated against def_e2e; the compile-time grid takes the report so typed.
        const caqes::resultat_validation<caqes::rapport_valide_pour<def_e2e>> valide =
            caqes::validate<def_e2e>(lu.rapport);
        if (!valide.ok()) {
            std::fprintf(stderr, "e2e check FAILED: %s\n", caqes::texte(valide.erreurs().front()).c_str());
            std::exit(1);
        }
        const caqes::resultat_evaluation res = caqes::evaluateur<def_e2e>::evaluer(valide.valeur(), params, pol);
        if (empreintes != nullptr) empreintes->push_back(empreinte_de(res));
        ajouter_ligne(
            sortie, lu.finess, lu.rapport.exercice(), res.total_sanctions.valeur, res.total_interessements.valeur,
            res.nombre_volets, [&res](std::size_t i) { return res.volets[i].principale.nature; },
            [&res](std::size_t i) { return res.volets[i].principale.montant.valeur; });
    }
    ecrire_fichier(f.sortie, sortie);
    return lot.rapports.size();
}

// The columnar pipeline: the same files read and validated, each report added to a block, each
// block evaluated into result columns and its lines written from them, in input order. Returns
// the number of evaluated establishment-years; the output goes to `chemin`; `scalaires`, when
// given, counts the rows the blocks sent to the scalar path.
std::size_t pipeline_colonnes(const fichiers& f, const fs::path& chemin, std::size_t* scalaires = nullptr) {
    namespace col = caqes::colonnes;
    const caqes::parametres_evaluation params{};
    const caqes::csv::lot_rapports lot = lire(f, params);
    const auto grille = std::make_shared<const col::grille_lot>(def_e2e, caqes::politique_grille{}, params);
    col::validateur_lot validateur{grille};
    col::resultats_colonnes<std::int64_t> res;
    // The conclusion's volets (conclure_pour): the template's, in a regime with volets.
    const std::size_t volets = std::min(def_e2e.volets.size(), caqes::volets_max);
    std::string sortie;
    sortie.reserve(lot.rapports.size() * 64 + 128);
    sortie += entete_sortie;
    std::size_t ecrites = 0;  // the reports whose lines are written: the next block starts there
    auto ecrire_bloc = [&](const col::lot_colonnes& b) {
        col::evaluer_lot(b, res, 0);
        if (scalaires != nullptr) *scalaires += b.lignes_scalaires();
        for (std::size_t i = 0; i < b.taille(); ++i) {
            ajouter_ligne(
                sortie, lot.rapports[ecrites + i].finess, res.exercice[i], res.total_sanctions[i],
                res.total_interessements[i], volets,
                [&res, i](std::size_t v) { return static_cast<caqes::nature_proposition>(res.nature[v][i]); },
                [&res, i](std::size_t v) { return res.propose[v][i]; });
        }
        ecrites += b.taille();
    };
    for (const caqes::csv::rapport_lu& lu : lot.rapports) {
        const caqes::resultat_validation<col::voie_ligne> a = validateur.ajouter(lu.rapport);
        if (!a.ok()) {
            std::fprintf(stderr, "e2e check FAILED: %s\n", caqes::texte(a.erreurs().front()).c_str());
            std::exit(1);
        }
        while (std::optional<col::lot_colonnes> b = validateur.prendre())
            ecrire_bloc(*b);
    }
    while (std::optional<col::lot_colonnes> b = validateur.terminer())
        ecrire_bloc(*b);
    ecrire_fichier(chemin, sortie);
    return ecrites;
}

fichiers& obtenir_fichiers(std::size_t lignes) {
    if (g_fichiers && g_lignes_demandees == lignes) return *g_fichiers;
    g_fichiers.reset();
    auto f = std::make_unique<fichiers>();
    f->dossier = fs::temp_directory_path() / ("caqes_bench_e2e_" + std::to_string(::getpid()));
    fs::create_directories(f->dossier);
    f->valeurs = f->dossier / "valeurs.csv";
    f->etablissements = f->dossier / "etablissements.csv";
    f->sortie = f->dossier / "resultats.csv";
    f->sortie_colonnes = f->dossier / "resultats_colonnes.csv";

    std::size_t mesures = 0;
    for (const auto& v : def_e2e.volets) {
        for (const auto& i : v.grille)
            mesures += i.nombre_mesures();
    }
    const std::size_t annees = 5;  // 2017 to 2021, the years the template covers
    const std::size_t etab_annees = std::max<std::size_t>(lignes / (mesures + 1), annees);
    const std::size_t etabs = (etab_annees + annees - 1) / annees;

    alea a{0xe2e0000ULL + lignes};
    std::string tv = "finess;exercice;indicateur;mesure;valeur\n";
    std::string te =
        "finess;exercice;annee_contrat;produits_assurance_maladie;annee_produits;economies_socle;economies_transports;"
        "economies_pertinence;economies_amelioration_pratiques;decision_socle;decision_transports;"
        "decision_pertinence;decision_amelioration_pratiques;nature_socle;nature_transports;"
        "nature_pertinence;nature_amelioration_pratiques\n";
    // The files' columns are the template's volets, in its order.
    rapport_brut brut;
    const caqes::parametres_evaluation params{};
    for (std::size_t e = 0; e < etabs; ++e) {
        char finess[32];
        std::snprintf(finess, sizeof finess, "75%07zu", e + 1);
        for (std::size_t y = 0; y < annees; ++y) {
            const int exercice = 2017 + static_cast<int>(y);
            rapport_genere(a, def_e2e, brut);
            brut.champs.exercice = exercice;
            for (const caqes::saisie_indicateur& s : brut.valeurs) {
                for (const caqes::saisie_mesure& m : s.mesures) {
                    if (m.mesure.empty()) continue;
                    tv += finess;
                    tv += ';';
                    ajouter_entier(tv, exercice);
                    tv += ';';
                    tv += s.indicateur;
                    tv += ';';
                    tv += m.mesure;
                    tv += ';';
                    ajouter_valeur(tv, m.valeur);
                    tv += '\n';
                    ++f->lignes;
                }
            }
            te += finess;
            te += ';';
            ajouter_entier(te, exercice);
            te += ";2;";
            ajouter_decimal(te, brut.champs.produits_assurance_maladie.valeur, 2);
            te += ';';  // annee_produits: not given
            // One savings column per volet; an empty cell is non renseigne.
            for (const auto& v : def_e2e.volets) {
                te += ';';
                for (const caqes::montant_volet& c : brut.economies) {
                    if (c.volet == v.volet) ajouter_decimal(te, c.montant.valeur, 2);
                }
            }
            te += ";;;;;;;;\n";
            ++f->lignes;
            // The direct evaluation of the same report, validated without the files.
            const caqes::resultat_validation<caqes::rapport_valide_pour<def_e2e>> valide =
                caqes::validate<def_e2e>(brut.annuel(), params);
            if (!valide.ok()) {
                std::fprintf(stderr, "e2e check FAILED: generated report rejected: %s\n",
                             caqes::texte(valide.erreurs().front()).c_str());
                std::exit(1);
            }
            f->attendues.push_back(empreinte_de(caqes::evaluateur<def_e2e>::evaluer(valide.valeur(), params)));
        }
    }
    f->octets = tv.size() + te.size();
    std::ofstream{f->valeurs, std::ios::binary} << tv;
    std::ofstream{f->etablissements, std::ios::binary} << te;

    // Before timing: every row accepted, every result identical to the direct evaluation.
    std::vector<std::uint64_t> obtenues;
    const std::size_t n = pipeline(*f, &obtenues);
    if (n != f->attendues.size() || obtenues != f->attendues) {
        std::fprintf(stderr, "e2e check FAILED: %zu establishment-years evaluated, %zu expected, results %s\n", n,
                     f->attendues.size(), obtenues == f->attendues ? "equal" : "differ");
        std::exit(1);
    }
    // The columnar pipeline writes the scalar pipeline's file, byte for byte.
    std::size_t scalaires = 0;
    const std::size_t nc = pipeline_colonnes(*f, f->sortie_colonnes, &scalaires);
    const caqes::csv::parsed<std::string> scalaire = caqes::csv::read_file(f->sortie.string());
    const caqes::csv::parsed<std::string> colonnes = caqes::csv::read_file(f->sortie_colonnes.string());
    if (nc != n || !scalaire.ok() || !colonnes.ok() || scalaire.value != colonnes.value) {
        std::fprintf(stderr,
                     "e2e check FAILED: the columnar pipeline evaluated %zu establishment-years (%zu), output %s\n", nc,
                     n, scalaire.value == colonnes.value ? "identical" : "differs");
        std::exit(1);
    }
    std::fprintf(stderr,
                 "check e2e/rows%zu: %zu rows (%.1f MB) all accepted; %zu establishment-years identical to the direct "
                 "evaluation; the columnar pipeline's output identical to the scalar one's (%zu of its rows on the "
                 "scalar path)\n",
                 lignes, f->lignes, static_cast<double>(f->octets) / 1e6, n, scalaires);
    g_fichiers = std::move(f);
    g_lignes_demandees = lignes;
    return *g_fichiers;
}

// Times `passe` (one pass over the files, returning the rows evaluated), with the counters of
// both pipelines.
template <class Passe>
void mesurer_pipeline(benchmark::State& state, Passe passe) {
    const fichiers& f = obtenir_fichiers(static_cast<std::size_t>(state.range(0)));
    std::size_t acc = 0;
    const std::uint64_t allocs_avant = allocations();
    for (auto _ : state) {
        acc += passe(f);
        benchmark::DoNotOptimize(acc);
    }
    const auto it = static_cast<std::int64_t>(state.iterations());
    state.SetItemsProcessed(it * static_cast<std::int64_t>(f.lignes));
    state.SetBytesProcessed(it * static_cast<std::int64_t>(f.octets));
    state.counters["rows"] = benchmark::Counter(static_cast<double>(f.lignes));
    state.counters["allocs_per_row"] =
        benchmark::Counter(static_cast<double>(allocations() - allocs_avant) /
                           static_cast<double>(it * static_cast<std::int64_t>(f.lignes)));
}

void bm_pipeline(benchmark::State& state) {
    mesurer_pipeline(state, [](const fichiers& f) { return pipeline(f, nullptr); });
}

void bm_colonnes(benchmark::State& state) {
    mesurer_pipeline(state, [](const fichiers& f) { return pipeline_colonnes(f, f.sortie_colonnes); });
}

void bm_lecture_simple(benchmark::State& state) {
    const fichiers& f = obtenir_fichiers(static_cast<std::size_t>(state.range(0)));
    std::size_t acc = 0;
    for (auto _ : state) {
        for (const fs::path* p : {&f.valeurs, &f.etablissements}) {
            const caqes::csv::parsed<std::string> t = caqes::csv::read_file(p->string());
            acc += static_cast<std::size_t>(std::count(t.value.begin(), t.value.end(), '\n'));
        }
        benchmark::DoNotOptimize(acc);
    }
    const auto it = static_cast<std::int64_t>(state.iterations());
    state.SetItemsProcessed(it * static_cast<std::int64_t>(f.lignes));
    state.SetBytesProcessed(it * static_cast<std::int64_t>(f.octets));
    state.counters["rows"] = benchmark::Counter(static_cast<double>(f.lignes));
}

}  // namespace

void enregistrer_e2e() {
    for (const std::int64_t lignes : {100'000L, 1'000'000L}) {
        const std::string p = "e2e/rows" + std::to_string(lignes);
        benchmark::RegisterBenchmark((p + "/plain_read").c_str(), bm_lecture_simple)
            ->Arg(lignes)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark((p + "/pipeline").c_str(), bm_pipeline)
            ->Arg(lignes)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark((p + "/columns").c_str(), bm_colonnes)
            ->Arg(lignes)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
    }
}

}  // namespace bench
