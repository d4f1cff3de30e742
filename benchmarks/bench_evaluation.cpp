// Run-time throughput of the yearly evaluation: every variant in one binary, same run, same
// generated data, checked identical before anything is timed. The toolkit evaluates validated
// reports only: they are validated once, with the data, outside every timed loop.
//
//   hand             hand-written straight-line evaluation over plain structs (the baseline)
//   toolkit          caqes::evaluateur<def>::evaluer, the compile-time grid, without trace
//   toolkit_runtime  caqes::evaluer(rapport), the run-time loop, without trace
//   toolkit_trace    caqes::evaluateur<def>::evaluer with a caqes::trace (reused, cleared)
//   poly             one virtual call per indicator, values in std::unordered_map by code
//   plain_read       a sum over the same bytes the toolkit reads (memory-bandwidth bound)
//
// The hand-written exact baselines over the dense columnar layout (7 and 32 indicators;
// benchmarks/colonnes.hpp, generated per grid by gen_grids.py), checked before timing against
// the toolkit's result, every result column of every establishment:
//   dense             (a) blocks of 512, one loop per indicator, every result column written
//   dense_runtime_rates
//                     (a') the same code, its rates, caps and thresholds read at run time as
//                     exact fractions (colonnes.hpp, taux_variables), as the toolkit reads a
//                     contract's parameters: what folding them as constants is worth
//   dense_totals      (b) the same, only each establishment's two totals handed back
//   dense_plain_read  (c) a sum over every byte of the dense layout
//   columnar          the toolkit's batch evaluator (caqes::colonnes::evaluer_lot) over the
//                     blocks validateur_lot filled from the same validated reports, writing the
//                     same result columns (checked equal before timing)
//   columnar_loaded   the same, the grid read at run time from its grid file (gen_grids.py,
//                     `json`) by caqes::json::lire_grille and the reports validated against it
//                     (only where caqes::json is built)
//
// Targets (path without trace; docs/performance.md reports them, no test times anything):
//   toolkit <= 1.10 x hand at every size; at 1e6 within 1.5 x plain_read; 0 allocations per
//   evaluation (counter allocs_per_eval, from the replaced global operator new).
#include "allocations.hpp"
#include "colonnes.hpp"
#include "donnees.hpp"
#include "e2e.hpp"
#include "polymorphic.hpp"

#include <caqes/evaluation/colonnes/evaluer_lot.hpp>
#ifdef CAQES_BENCH_GRILLE_CHARGEE
#include <caqes/io/json/grille.hpp>
#endif

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bench {
namespace {

// Budget for one variant's values: N is capped so that N x (bytes per establishment) stays
// under it (128 indicators x 1e6 establishments would need 12 GB per copy).
constexpr double budget_octets = 2e9;

[[nodiscard]] std::size_t arrondi_un_chiffre(double x) {
    double p = 1;
    while (p * 10 <= x)
        p *= 10;
    return static_cast<std::size_t>(static_cast<double>(static_cast<std::size_t>(x / p)) * p);
}

// A validated report holds its values and the plan of each indicator (the run-time loop reads
// both; the compile-time grid has its plans as constants).
template <std::size_t S>
constexpr std::size_t octets_toolkit = S*(sizeof(caqes::valeurs_indicateur) + sizeof(caqes::plan_indicateur)) +
                                       sizeof(caqes::rapport_valide);
// Measured for poly (allocated bytes of the maps and their nodes, which the check line prints:
// 153 to 167 bytes per indicator), rounded up with room to spare.
template <std::size_t S>
constexpr std::size_t octets_poly = S * 200 + 128;

// The sizes of one grid: 1e3 to 1e6, a size above the budget replaced by the budget's cap.
[[nodiscard]] std::vector<std::size_t> tailles(std::size_t octets_par_etab) {
    const double cap = budget_octets / static_cast<double>(octets_par_etab);
    std::vector<std::size_t> r;
    for (const std::size_t n : {1'000UL, 10'000UL, 100'000UL, 1'000'000UL}) {
        if (static_cast<double>(n) <= cap) {
            r.push_back(n);
        } else {
            const std::size_t c = arrondi_un_chiffre(cap);
            if (r.empty() || r.back() < c) r.push_back(c);
            break;
        }
    }
    return r;
}

struct donnees_base {
    virtual ~donnees_base() = default;
};

template <class G>
struct donnees final : donnees_base {
    static constexpr std::size_t S = G::taille;
    std::size_t n{0};
    std::vector<caqes::rapport_valide_pour<G::def>> rapports;
    std::vector<hw::etablissement<S>> mains;
    std::vector<poly::etablissement> polys;  // the first min(n, poly cap) establishments
    poly::grille grille_poly;
    std::uint64_t octets_poly_mesures{0};
};

std::unique_ptr<donnees_base> g_courantes;
std::string g_cle;

template <class G>
donnees<G>& obtenir(std::size_t n) {
    constexpr std::size_t S = G::taille;
    const std::string cle = caqes::concat("g", std::to_string(S), "/n", std::to_string(n));
    if (g_cle == cle) return static_cast<donnees<G>&>(*g_courantes);
    g_courantes.reset();  // free the previous set first: only one lives at a time
    g_cle.clear();
    auto d = std::make_unique<donnees<G>>();
    d->n = n;
    const caqes::modele_contrat_def& def = G::def;
    alea a{0x5eed0000ULL + S * 1'000'003ULL + n};

    // The template's indicators in template order: the polymorphic layout keys them by code.
    std::vector<const caqes::indicateur*> inds;
    for (const auto& v : def.volets) {
        for (const auto& i : v.grille)
            inds.push_back(&i);
    }
    // Each report as handed in, then validated for the toolkit; the hand-written layout takes the
    // same values in plain structs from the report as handed in, so the check below also covers
    // how validation matches values to indicators by code.
    const caqes::parametres_evaluation params{};
    rapport_brut brut;
    d->rapports.reserve(n);
    d->mains.resize(n);
    for (std::size_t e = 0; e < n; ++e) {
        rapport_genere(a, def, brut);
        contrat_genere(a, def, brut);
        hw::etablissement<S>& h = d->mains[e];
        h.en_terme = brut.en_terme;
        h.produits = brut.champs.produits_assurance_maladie.valeur;
        h.economies = {};
        h.economies_donnees = {};
        for (const caqes::montant_volet& c : brut.economies) {
            for (std::size_t i = 0; i < def.volets.size(); ++i) {
                if (def.volets[i].volet != c.volet) continue;
                h.economies[i] = c.montant.valeur;
                h.economies_donnees[i] = true;
            }
        }
        for (std::size_t k = 0; k < S; ++k) {
            for (std::size_t j = 0; j < 4; ++j)
                h.v[k][j] = en_main(brut.valeurs[k].mesures[j].valeur);
        }
        caqes::resultat_validation<caqes::rapport_valide_pour<G::def>> v =
            caqes::validate<G::def>(brut.contrat, brut.annuel_du_contrat(), params);
        if (!v.ok()) {
            std::fprintf(stderr, "check FAILED %s: establishment %zu: report rejected: %s\n", cle.c_str(), e,
                         caqes::texte(v.erreurs().front()).c_str());
            std::exit(1);
        }
        d->rapports.push_back(std::move(v).valeur());
    }

    // The polymorphic layout: one hash map per establishment, keyed by indicator code.
    d->grille_poly = poly::charger(def);
    const std::size_t n_poly = std::min(n, tailles(octets_poly<S>).back());
    const std::uint64_t avant = octets_alloues();
    d->polys.resize(n_poly);
    for (std::size_t e = 0; e < n_poly; ++e) {
        poly::etablissement& p = d->polys[e];
        p.produits = d->mains[e].produits;
        p.economies = d->mains[e].economies;
        p.economies_donnees = d->mains[e].economies_donnees;
        p.en_terme = d->mains[e].en_terme;
        p.valeurs_par_code.reserve(S);
        for (std::size_t k = 0; k < S; ++k) {
            poly::valeurs& v = p.valeurs_par_code[std::string{inds[k]->code}];
            for (std::size_t j = 0; j < 4; ++j)
                v[j] = d->mains[e].v[k][j];
        }
    }
    d->octets_poly_mesures = octets_alloues() - avant;

    // Before any timing: every variant gives the same result for every establishment.
    const caqes::politique_grille pol{};
    std::size_t sanctions = 0;
    std::size_t interessements = 0;
    std::size_t partiels = 0;
    std::size_t hors_terme = 0;
    caqes::trace t;
    for (std::size_t e = 0; e < n; ++e) {
        const caqes::rapport_valide_pour<G::def>& r = d->rapports[e];
        const auto tk = caqes::evaluateur<G::def>::evaluer(r, pol);
        caqes::sans_trace st;
        const auto rt = caqes::evaluer(r.rapport(), pol, st);
        t.lignes.clear();
        const auto tr = caqes::evaluateur<G::def>::evaluer(r, pol, t);
        const std::uint64_t attendu = empreinte_de(G::evaluer_a_la_main(d->mains[e]));
        const std::uint64_t obtenus[] = {
            empreinte_de(tk), empreinte_de(rt), empreinte_de(tr),
            e < n_poly ? empreinte_de(poly::evaluer(d->grille_poly, d->polys[e])) : attendu};
        const char* noms[] = {"toolkit", "toolkit_runtime", "toolkit_trace", "poly"};
        for (std::size_t i = 0; i < 4; ++i) {
            if (obtenus[i] != attendu) {
                std::fprintf(stderr, "check FAILED %s: establishment %zu: %s differs from hand (totals %lld / %lld)\n",
                             cle.c_str(), e, noms[i], static_cast<long long>(tk.total_sanctions.valeur),
                             static_cast<long long>(tk.total_interessements.valeur));
                std::exit(1);
            }
        }
        if (t.lignes.size() != S) {
            std::fprintf(stderr, "check FAILED %s: the trace has %zu lines for %zu indicators\n", cle.c_str(),
                         t.lignes.size(), S);
            std::exit(1);
        }
        for (const auto& l : t.lignes)
            partiels += l.resultat.s == caqes::statut::partiel ? 1U : 0U;
        for (std::size_t i = 0; i < tk.nombre_volets; ++i)
            hors_terme += tk.volets[i].couverture.evalue ? 0U : 1U;
        for (const auto& v : tk.volets) {
            sanctions += v.principale.nature == caqes::nature_proposition::sanction_volet ? 1U : 0U;
            interessements += v.principale.nature == caqes::nature_proposition::interessement_volet ? 1U : 0U;
        }
    }
    std::fprintf(
        stderr,
        "check %s: identical results for %zu establishments: hand = toolkit = toolkit_runtime = toolkit_trace%s"
        " (%zu volet sanctions, %zu volet incentives, %zu partial indicators, %zu volets out of their term;"
        " poly maps %.0f bytes/indicator)\n",
        cle.c_str(), n, n_poly == n ? " = poly" : (" = poly on the first " + std::to_string(n_poly)).c_str(), sanctions,
        interessements, partiels, hors_terme,
        static_cast<double>(d->octets_poly_mesures) / static_cast<double>(n_poly * S));
    g_courantes = std::move(d);
    g_cle = cle;
    return static_cast<donnees<G>&>(*g_courantes);
}

// ---- the dense columnar baselines ----

// The dense layout of the same generated data (the same seed and sequence as `obtenir`, so the
// same establishments at the same N), the toolkit's result of each establishment as the row
// of result columns, and the outputs of (a) and (b). The toolkit's reports are validated and
// evaluated one by one and not kept, so N is not capped by their 96-byte-per-value layout.
template <class G>
struct donnees_denses final : donnees_base {
    std::size_t n{0};
    col::colonnes_denses d;
    std::vector<col::ligne> attendu;                          // the toolkit's
    col::resultats r;                                         // (a)
    col::taux_variables taux{};                               // (a')'s rates
    std::vector<std::int64_t> sanctions, interessements;      // (b)
    std::vector<caqes::colonnes::lot_colonnes> lots;          // the toolkit's batch evaluator
    std::vector<caqes::colonnes::lot_colonnes> lots_charges;  // the same, over the loaded grid
    caqes::colonnes::resultats_colonnes<std::int64_t> rc;
};

#ifdef CAQES_BENCH_GRILLE_CHARGEE
// The grid of G read from its grid file, as `caqes evaluate` reads a user's; kept for the
// whole run (reports validated against it point to it).
template <class G>
const caqes::json::grille_chargee& grille_chargee() {
    static const caqes::json::grille_chargee g = [] {
        caqes::resultat_validation<caqes::json::grille_chargee> r =
            caqes::json::lire_grille(G::json, caqes::concat("g", std::to_string(G::taille), ".json"));
        if (!r.ok()) {
            std::fprintf(stderr, "check FAILED: the bench grid file does not load: %s\n",
                         caqes::texte(r.erreurs().front()).c_str());
            std::exit(1);
        }
        return std::move(r).valeur();
    }();
    return g;
}
#endif

// The blocks of the loaded grid, filled beside those of the compile-time one; nothing where
// caqes::json is not built.
template <class G>
struct lots_charges {
#ifdef CAQES_BENCH_GRILLE_CHARGEE
    caqes::colonnes::validateur_lot lots{std::make_shared<const caqes::colonnes::grille_lot>(
        grille_chargee<G>().definition(), caqes::politique_grille{}, grille_chargee<G>().parametres())};
#endif
};

// The toolkit's batch evaluator over every block, in place.
template <class G>
void evaluer_colonnes(donnees_denses<G>& x, const std::vector<caqes::colonnes::lot_colonnes>& lots) {
    std::size_t debut = 0;
    for (const caqes::colonnes::lot_colonnes& l : lots) {
        caqes::colonnes::evaluer_lot(l, x.rc, debut);
        debut += l.taille();
    }
}

template <class G>
void evaluer_dense(donnees_denses<G>& x, col::scores_bloc& s) {
    for (std::size_t debut = 0; debut < x.n; debut += col::bloc)
        G::dense::evaluer(x.d, debut, std::min(col::bloc, x.n - debut), s, x.r, debut);
}

template <class G>
void evaluer_dense_variable(donnees_denses<G>& x, col::scores_bloc& s, const col::taux_variables& t) {
    for (std::size_t debut = 0; debut < x.n; debut += col::bloc)
        G::dense::evaluer_variable(x.d, debut, std::min(col::bloc, x.n - debut), s, x.r, debut, t);
}

template <class G>
void totaux_denses(donnees_denses<G>& x, col::scores_bloc& s) {
    for (std::size_t debut = 0; debut < x.n; debut += col::bloc)
        G::dense::totaux(x.d, debut, std::min(col::bloc, x.n - debut), s, x.sanctions.data(), x.interessements.data());
}

[[noreturn]] void echec(const std::string& cle, std::size_t e, const std::string& quoi) {
    std::fprintf(stderr, "check FAILED %s: establishment %zu: %s\n", cle.c_str(), e, quoi.c_str());
    std::exit(1);
}

// One establishment of the dense data from a generated report: its columns, and the toolkit's
// result as a row of result columns.
template <class G>
void remplir_dense(const std::string& cle, std::size_t e, rapport_brut& brut, col::colonnes_denses& d,
                   col::ligne& attendu, caqes::colonnes::validateur_lot& lots, lots_charges<G>& charges) {
    using D = typename G::dense;
    const caqes::modele_contrat_def& def = G::def;
    const bool transition = col::transition_2017(brut.champs.exercice, brut.champs.date_evaluation);
    if (e == 0) d.transition = transition;
    if (transition != d.transition) echec(cle, e, "another exercise or evaluation date in one batch");
    d.produits[e] = brut.champs.produits_assurance_maladie.valeur;
    std::uint8_t terme = 0;
    for (std::size_t v = 0; v < 4; ++v) {
        d.economies[v][e] = col::sans_montant;
        terme = static_cast<std::uint8_t>(terme | (brut.en_terme[v] ? 1U << v : 0U));
    }
    d.en_terme[e] = terme;
    for (const caqes::montant_volet& c : brut.economies) {
        for (std::size_t v = 0; v < def.volets.size(); ++v) {
            if (def.volets[v].volet == c.volet) d.economies[v][e] = c.montant.valeur;
        }
    }
    for (const col::colonne_dense& c : D::colonnes) {
        if (!col::encoder(brut.valeurs[c.indicateur].mesures[c.mesure].valeur, c, d, e))
            echec(cle, e,
                  caqes::concat("a value of indicator ", std::to_string(c.indicateur + 1U),
                                " is not exact at its column's scale (", std::to_string(c.echelle), ")"));
    }
    const caqes::parametres_evaluation params{};
    caqes::resultat_validation<caqes::rapport_valide_pour<G::def>> v =
        caqes::validate<G::def>(brut.contrat, brut.annuel_du_contrat(), params);
    if (!v.ok()) echec(cle, e, "report rejected: " + caqes::texte(v.erreurs().front()));
    const caqes::resultat_validation<caqes::colonnes::voie_ligne> voie = lots.ajouter(v.valeur());
    if (!voie.ok() || voie.valeur() != caqes::colonnes::voie_ligne::colonnes)
        echec(cle, e, "the batch evaluator did not take the report into its columns");
#ifdef CAQES_BENCH_GRILLE_CHARGEE
    const caqes::json::grille_chargee& g = grille_chargee<G>();
    caqes::resultat_validation<caqes::rapport_valide> vc =
        caqes::validate(g.definition(), brut.contrat, brut.annuel_du_contrat(), g.parametres().valeur());
    if (!vc.ok()) echec(cle, e, "report rejected by the loaded grid: " + caqes::texte(vc.erreurs().front()));
    const caqes::resultat_validation<caqes::colonnes::voie_ligne> voie_c = charges.lots.ajouter(vc.valeur());
    if (!voie_c.ok() || voie_c.valeur() != caqes::colonnes::voie_ligne::colonnes)
        echec(cle, e, "the batch evaluator did not take the report into the loaded grid's columns");
#else
    (void)charges;
#endif
    attendu = col::ligne_de(caqes::evaluateur<G::def>::evaluer(std::move(v).valeur()));
    // The context the result columns repeat on every row is the batch's, as `transition` is.
    if (e == 0) {
        d.exercice = static_cast<std::int32_t>(attendu.exercice);
        d.annee_contrat = static_cast<std::int32_t>(attendu.annee_contrat);
        d.date_regles = static_cast<std::int32_t>(attendu.date_regles);
    }
    if (attendu.exercice != d.exercice || attendu.annee_contrat != d.annee_contrat ||
        attendu.date_regles != d.date_regles)
        echec(cle, e, "another exercise, contract year or date of the rules in one batch");
}

// Edge cases the generated data does not reach, checked the same way: every objective met with
// savings at the int64 limit (the largest incentives, their caps and totals), none met with
// the revenue at the int64 limit (the largest sanctions), every value "non renseigne", every
// value "non concerne" (no score). Each measure takes the value that meets, or misses, every
// threshold of the grid (gen_grids.py: rates >= 40 %, growth <= 1.5 %, amounts <= 200 000 EUR,
// counts < 8 000).
template <class G>
void verifier_cas_limites() {
    using D = typename G::dense;
    const std::string cle = caqes::concat("dense/g", std::to_string(G::taille), "/edge cases");
    const caqes::modele_contrat_def& def = G::def;
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    enum class cas { atteint, manque, non_renseigne, non_concerne };
    const cas tous[] = {cas::atteint, cas::manque, cas::non_renseigne, cas::non_concerne};
    col::colonnes_denses d;
    caqes::colonnes::validateur_lot lots(std::make_shared<const caqes::colonnes::grille_lot>(
        def, caqes::politique_grille{}, caqes::parametres_valides{}));
    lots_charges<G> charges;
    d.dimensionner(std::size(tous), D::n_i32, D::n_i64, D::n_u8);
    std::vector<col::ligne> attendu(std::size(tous));
    alea a{0xed9eULL};
    rapport_brut brut;
    for (std::size_t e = 0; e < std::size(tous); ++e) {
        rapport_genere(a, def, brut);
        std::size_t k = 0;
        for (const auto& vm : def.volets) {
            for (const caqes::indicateur& ind : vm.grille) {
                for (std::size_t j = 0; j < caqes::mesures_max; ++j) {
                    if (ind.mesures[j].vide()) continue;
                    caqes::saisie_mesure& m = brut.valeurs[k].mesures[j];
                    using caqes::type_mesure;
                    const type_mesure t = ind.mesures[j].type;
                    const bool oui = tous[e] == cas::atteint;
                    caqes::fraction f{};
                    switch (t) {
                        case type_mesure::taux:
                            f = {oui ? 1 : 0, 1};
                            break;
                        case type_mesure::taux_evolution:
                            f = oui ? caqes::fraction{-1, 20} : caqes::fraction{9, 100};
                            break;
                        case type_mesure::montant:
                        case type_mesure::montant_signe:
                            f = {oui ? 0 : 8'000'000'000, 1};
                            break;
                        case type_mesure::nombre:
                            f = {oui ? 0 : 16'000, 1};
                            break;
                        case type_mesure::oui_non:
                            f = {oui ? 1 : 0, 1};
                            break;
                        case type_mesure::echelle:
                            f = {oui ? 2 : 0, 1};
                            break;
                    }
                    m.valeur = tous[e] == cas::non_renseigne ? caqes::valeur_mesure::non_renseignee()
                               : tous[e] == cas::non_concerne
                                   ? caqes::valeur_mesure::non_concernee()
                                   : caqes::valeur_mesure{caqes::etat_valeur::renseignee, t, f};
                }
                ++k;
            }
        }
        brut.champs.produits_assurance_maladie = caqes::centimes{tous[e] == cas::atteint ? 100'000'000 : max};
        brut.economies.clear();
        for (const auto& v : def.volets)
            brut.economies.push_back({v.volet, caqes::centimes{max}});
        contrat_genere(a, def, brut);
        brut.contrat.avenants.clear();
        brut.en_terme = {true, true, true, true};
        brut.valeurs_en_terme = brut.valeurs;
        brut.economies_en_terme = brut.economies;
        remplir_dense<G>(cle, e, brut, d, attendu[e], lots, charges);
    }
    caqes::colonnes::resultats_colonnes<std::int64_t> rc;
    while (std::optional<caqes::colonnes::lot_colonnes> l = lots.terminer())
        caqes::colonnes::evaluer_lot(*l, rc);
    caqes::colonnes::resultats_colonnes<std::int64_t> rc_charge;
#ifdef CAQES_BENCH_GRILLE_CHARGEE
    while (std::optional<caqes::colonnes::lot_colonnes> l = charges.lots.terminer())
        caqes::colonnes::evaluer_lot(*l, rc_charge);
#endif
    col::resultats r;
    r.dimensionner(d.n);
    std::vector<std::int64_t> ts(d.n, -1);
    std::vector<std::int64_t> ti(d.n, -1);
    auto s = std::make_unique<col::scores_bloc>();
    col::resultats r_variable;
    r_variable.dimensionner(d.n);
    D::evaluer_variable(d, 0, d.n, *s, r_variable, 0,
                        col::taux_variables::de(caqes::parametres_2017{}, caqes::ymd::de_serie(d.date_regles)));
    D::evaluer(d, 0, d.n, *s, r, 0);
    D::totaux(d, 0, d.n, *s, ts.data(), ti.data());
    for (std::size_t e = 0; e < d.n; ++e) {
        const std::string diff = col::difference(col::lire(r, e), attendu[e]);
        if (!diff.empty()) echec(cle, e, "dense (a) differs from the toolkit: " + diff);
        const std::string diff_v = col::difference(col::lire(r_variable, e), attendu[e]);
        if (!diff_v.empty()) echec(cle, e, "dense_runtime_rates (a') differs from the toolkit: " + diff_v);
        const std::string diff_c = col::difference(col::lire(rc, e), attendu[e]);
        if (!diff_c.empty()) echec(cle, e, "columnar differs from the toolkit's scalar evaluator: " + diff_c);
        if (rc_charge.taille() > 0) {
            const std::string diff_l = col::difference(col::lire(rc_charge, e), attendu[e]);
            if (!diff_l.empty())
                echec(cle, e, "columnar over the loaded grid differs from the toolkit's scalar evaluator: " + diff_l);
        }
        if (ts[e] != attendu[e].total_sanctions || ti[e] != attendu[e].total_interessements)
            echec(cle, e, "dense_totals (b) differs from the toolkit");
    }
    std::fprintf(stderr,
                 "check %s: identical result columns: toolkit = dense (a) = dense_runtime_rates (a') = columnar%s, "
                 "totals = dense_totals (b) (all met, "
                 "savings at the int64 limit: incentives %lld cents; none met, revenue at the int64 limit: "
                 "sanctions %lld cents)\n",
                 cle.c_str(), rc_charge.taille() > 0 ? " = columnar_loaded" : "",
                 static_cast<long long>(attendu[0].total_interessements),
                 static_cast<long long>(attendu[1].total_sanctions));
}

template <class G>
donnees_denses<G>& obtenir_dense(std::size_t n) {
    constexpr std::size_t S = G::taille;
    using D = typename G::dense;
    const std::string cle = caqes::concat("dense/g", std::to_string(S), "/n", std::to_string(n));
    if (g_cle == cle) return static_cast<donnees_denses<G>&>(*g_courantes);
    g_courantes.reset();
    g_cle.clear();
    auto x = std::make_unique<donnees_denses<G>>();
    x->n = n;
    const caqes::modele_contrat_def& def = G::def;
    alea a{0x5eed0000ULL + S * 1'000'003ULL + n};  // as in obtenir
    x->d.dimensionner(n, D::n_i32, D::n_i64, D::n_u8);
    x->attendu.resize(n);
    rapport_brut brut;
    caqes::colonnes::validateur_lot lots(std::make_shared<const caqes::colonnes::grille_lot>(
        def, caqes::politique_grille{}, caqes::parametres_valides{}));
    lots_charges<G> charges;
    for (std::size_t e = 0; e < n; ++e) {
        rapport_genere(a, def, brut);
        contrat_genere(a, def, brut);
        remplir_dense<G>(cle, e, brut, x->d, x->attendu[e], lots, charges);
        while (std::optional<caqes::colonnes::lot_colonnes> l = lots.prendre())
            x->lots.push_back(std::move(*l));
#ifdef CAQES_BENCH_GRILLE_CHARGEE
        while (std::optional<caqes::colonnes::lot_colonnes> l = charges.lots.prendre())
            x->lots_charges.push_back(std::move(*l));
#endif
    }
    while (std::optional<caqes::colonnes::lot_colonnes> l = lots.terminer())
        x->lots.push_back(std::move(*l));
#ifdef CAQES_BENCH_GRILLE_CHARGEE
    while (std::optional<caqes::colonnes::lot_colonnes> l = charges.lots.terminer())
        x->lots_charges.push_back(std::move(*l));
#endif
    verifier_cas_limites<G>();

    // Before any timing: (a) writes the toolkit's result columns, (b) its totals, for every
    // establishment, to the cent and the flag.
    x->r.dimensionner(n);
    x->sanctions.assign(n, -1);
    x->interessements.assign(n, -1);
    auto s = std::make_unique<col::scores_bloc>();
    // (a') first, each row checked, then (a) into the same columns, each row checked below.
    // The reports were validated with the default parameters (remplir_dense).
    x->taux = col::taux_variables::de(caqes::parametres_2017{}, caqes::ymd::de_serie(x->d.date_regles));
    evaluer_dense_variable(*x, *s, x->taux);
    for (std::size_t e = 0; e < n; ++e) {
        const std::string diff_v = col::difference(col::lire(x->r, e), x->attendu[e]);
        if (!diff_v.empty()) echec(cle, e, "dense_runtime_rates (a') differs from the toolkit: " + diff_v);
    }
    evaluer_dense(*x, *s);
    totaux_denses(*x, *s);
    // The loaded grid's blocks first, each row checked, then the compile-time grid's into the
    // same columns, each row checked below.
    if (!x->lots_charges.empty()) {
        evaluer_colonnes(*x, x->lots_charges);
        for (std::size_t e = 0; e < n; ++e) {
            const std::string diff_l = col::difference(col::lire(x->rc, e), x->attendu[e]);
            if (!diff_l.empty())
                echec(cle, e, "columnar over the loaded grid differs from the toolkit's scalar evaluator: " + diff_l);
        }
    }
    evaluer_colonnes(*x, x->lots);
    std::size_t sanctions = 0;
    std::size_t interessements = 0;
    std::size_t hors_terme = 0;
    std::size_t economies_nr = 0;
    for (std::size_t e = 0; e < n; ++e) {
        const col::ligne l = col::lire(x->r, e);
        const std::string diff = col::difference(l, x->attendu[e]);
        if (!diff.empty()) echec(cle, e, "dense (a) differs from the toolkit: " + diff);
        const std::string diff_c = col::difference(col::lire(x->rc, e), x->attendu[e]);
        if (!diff_c.empty()) echec(cle, e, "columnar differs from the toolkit's scalar evaluator: " + diff_c);
        if (x->sanctions[e] != x->attendu[e].total_sanctions ||
            x->interessements[e] != x->attendu[e].total_interessements)
            echec(cle, e,
                  caqes::concat("dense_totals (b) differs from the toolkit: ", std::to_string(x->sanctions[e]), " / ",
                                std::to_string(x->interessements[e]), " where the toolkit has ",
                                std::to_string(x->attendu[e].total_sanctions), " / ",
                                std::to_string(x->attendu[e].total_interessements)));
        for (std::size_t v = 0; v < 4; ++v) {
            sanctions += l.nature[v] == 1 ? 1U : 0U;
            interessements += l.nature[v] == 2 ? 1U : 0U;
            hors_terme += (l.drapeaux[v] & col::hors_terme) != 0 ? 1U : 0U;
            economies_nr += (l.drapeaux[v] & col::economies_nr) != 0 ? 1U : 0U;
        }
    }
    std::fprintf(stderr,
                 "check %s: identical result columns for %zu establishments: toolkit = dense (a) = dense_runtime_rates "
                 "(a') = columnar%s, "
                 "totals = dense_totals (b) (%zu volet sanctions, %zu volet incentives, %zu volets out of their "
                 "term, %zu incentives without savings; dense layout %zu bytes per establishment, columnar blocks "
                 "%zu, result columns %zu)\n",
                 cle.c_str(), n, x->lots_charges.empty() ? "" : " = columnar_loaded", sanctions, interessements,
                 hors_terme, economies_nr, x->d.octets_par_etablissement(), x->lots.front().octets_par_ligne(),
                 col::resultats::octets_par_etablissement);
    g_courantes = std::move(x);
    g_cle = cle;
    return static_cast<donnees_denses<G>&>(*g_courantes);
}

// Writes the dense columns of N establishments and the toolkit's results to `dossier`, for the
// numpy baseline (benchmarks/numpy_grille.py): raw little-endian arrays, one file each, and a
// manifest naming them.
template <class G>
void exporter(const std::filesystem::path& dossier, std::size_t n) {
    donnees_denses<G>& x = obtenir_dense<G>(n);
    std::filesystem::create_directories(dossier);
    std::FILE* manifeste = std::fopen((dossier / "manifest.txt").string().c_str(), "w");
    if (manifeste == nullptr) {
        std::fprintf(stderr, "export: cannot write %s: %s\n", (dossier / "manifest.txt").string().c_str(),
                     std::strerror(errno));
        std::exit(1);
    }
    auto ecrire = [&](const std::string& nom, const void* p, std::size_t taille, const char* dtype) {
        std::FILE* f = std::fopen((dossier / nom).string().c_str(), "wb");
        if (f == nullptr || std::fwrite(p, 1, taille, f) != taille || std::fclose(f) != 0) {
            std::fprintf(stderr, "export: cannot write %s\n", (dossier / nom).string().c_str());
            std::exit(1);
        }
        std::fprintf(manifeste, "file %s %s\n", nom.c_str(), dtype);
    };
    std::fprintf(manifeste, "grid %zu\nn %zu\ntransition %d\n", G::taille, n, x.d.transition ? 1 : 0);
    for (const col::colonne_dense& c : G::dense::colonnes) {
        const std::string nom =
            caqes::concat("col_", std::to_string(c.indicateur), "_", std::to_string(c.mesure), ".bin");
        std::fprintf(manifeste, "column %u %u %lld %s\n", unsigned{c.indicateur}, unsigned{c.mesure},
                     static_cast<long long>(c.echelle), nom.c_str());
        switch (c.st) {
            case col::stockage::i32:
                ecrire(nom, x.d.i32[c.index].data(), n * 4, "int32");
                break;
            case col::stockage::i64:
                ecrire(nom, x.d.i64[c.index].data(), n * 8, "int64");
                break;
            case col::stockage::u8:
                ecrire(nom, x.d.u8[c.index].data(), n, "uint8");
                break;
        }
    }
    ecrire("produits.bin", x.d.produits.data(), n * 8, "int64");
    for (std::size_t v = 0; v < 4; ++v)
        ecrire("economies_" + std::to_string(v) + ".bin", x.d.economies[v].data(), n * 8, "int64");
    ecrire("en_terme.bin", x.d.en_terme.data(), n, "uint8");
    std::vector<std::int64_t> t(n);
    auto colonne = [&](const std::string& nom, auto champ) {
        for (std::size_t e = 0; e < n; ++e)
            t[e] = champ(x.attendu[e]);
        ecrire(nom, t.data(), n * 8, "int64");
    };
    colonne("toolkit_total_sanctions.bin", [](const col::ligne& l) { return l.total_sanctions; });
    colonne("toolkit_total_interessements.bin", [](const col::ligne& l) { return l.total_interessements; });
    for (std::size_t v = 0; v < 4; ++v) {
        colonne("toolkit_nature_" + std::to_string(v) + ".bin", [v](const col::ligne& l) { return l.nature[v]; });
        colonne("toolkit_montant_" + std::to_string(v) + ".bin", [v](const col::ligne& l) { return l.propose[v]; });
    }
    std::fclose(manifeste);
    std::fprintf(stderr, "export: %zu establishments of grid %zu written to %s\n", n, G::taille,
                 dossier.string().c_str());
}

void compteurs(benchmark::State& state, std::size_t n, std::size_t s, std::uint64_t allocs,
               std::size_t octets_par_eval) {
    const auto evals = static_cast<double>(state.iterations()) * static_cast<double>(n);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(n * octets_par_eval));
    state.counters["allocs_per_eval"] = benchmark::Counter(static_cast<double>(allocs) / evals);
    state.counters["N"] = benchmark::Counter(static_cast<double>(n));
    state.counters["indicators"] = benchmark::Counter(static_cast<double>(s));
}

enum class variante {
    hand,
    toolkit,
    toolkit_runtime,
    toolkit_trace,
    poly,
    plain_read,
    dense,
    dense_runtime_rates,
    dense_totals,
    dense_plain_read,
    columnar,
    columnar_loaded
};
constexpr const char* noms_variantes[] = {"hand",         "toolkit",          "toolkit_runtime", "toolkit_trace",
                                          "poly",         "plain_read",       "dense",           "dense_runtime_rates",
                                          "dense_totals", "dense_plain_read", "columnar",        "columnar_loaded"};

template <class G, variante V>
void bm_dense(benchmark::State& state) {
    constexpr std::size_t S = G::taille;
    const auto n = static_cast<std::size_t>(state.range(0));
    donnees_denses<G>& x = obtenir_dense<G>(n);
    auto s = std::make_unique<col::scores_bloc>();
    // Rates the compiler cannot fold: read at run time, as from a file.
    col::taux_variables taux = x.taux;
    benchmark::DoNotOptimize(taux);
    std::int64_t acc = 0;
    const std::uint64_t allocs_avant = allocations();
    for (auto _ : state) {
        if constexpr (V == variante::dense) {
            evaluer_dense(x, *s);
            acc += x.r.total_sanctions[n - 1] + x.r.total_interessements[0];
        } else if constexpr (V == variante::dense_runtime_rates) {
            evaluer_dense_variable(x, *s, taux);
            acc += x.r.total_sanctions[n - 1] + x.r.total_interessements[0];
        } else if constexpr (V == variante::dense_totals) {
            totaux_denses(x, *s);
            acc += x.sanctions[n - 1] + x.interessements[0];
        } else if constexpr (V == variante::columnar) {
            evaluer_colonnes(x, x.lots);
            acc += x.rc.total_sanctions[n - 1] + x.rc.total_interessements[0];
        } else if constexpr (V == variante::columnar_loaded) {
            evaluer_colonnes(x, x.lots_charges);
            acc += x.rc.total_sanctions[n - 1] + x.rc.total_interessements[0];
        } else {
            acc += static_cast<std::int64_t>(col::lecture_dense(x.d));
        }
        benchmark::DoNotOptimize(acc);
        benchmark::ClobberMemory();
    }
    compteurs(state, n, S, allocations() - allocs_avant,
              V == variante::columnar || V == variante::columnar_loaded ? x.lots.front().octets_par_ligne()
                                                                        : x.d.octets_par_etablissement());
}

template <class G, variante V>
void bm_evaluation(benchmark::State& state) {
    constexpr std::size_t S = G::taille;
    const auto n_demande = static_cast<std::size_t>(state.range(0));
    donnees<G>& d = obtenir<G>(n_demande);
    const caqes::politique_grille pol{};
    const std::size_t n = V == variante::poly ? d.polys.size() : d.n;
    caqes::trace t;
    t.lignes.reserve(S);
    std::int64_t acc = 0;
    const std::uint64_t allocs_avant = allocations();
    for (auto _ : state) {
        if constexpr (V == variante::hand) {
            for (const auto& e : d.mains) {
                const hw::resultat r = G::evaluer_a_la_main(e);
                acc += r.total_sanctions + r.total_interessements;
            }
        } else if constexpr (V == variante::toolkit) {
            for (const auto& r : d.rapports) {
                const caqes::resultat_evaluation res = caqes::evaluateur<G::def>::evaluer(r, pol);
                acc += res.total_sanctions.valeur + res.total_interessements.valeur;
            }
        } else if constexpr (V == variante::toolkit_runtime) {
            caqes::sans_trace st;
            for (const auto& r : d.rapports) {
                const caqes::resultat_evaluation res = caqes::evaluer(r.rapport(), pol, st);
                acc += res.total_sanctions.valeur + res.total_interessements.valeur;
            }
        } else if constexpr (V == variante::toolkit_trace) {
            for (const auto& r : d.rapports) {
                t.lignes.clear();
                const caqes::resultat_evaluation res = caqes::evaluateur<G::def>::evaluer(r, pol, t);
                acc += res.total_sanctions.valeur + res.total_interessements.valeur +
                       static_cast<std::int64_t>(t.lignes.size());
            }
        } else if constexpr (V == variante::poly) {
            for (const auto& e : d.polys) {
                const hw::resultat r = poly::evaluer(d.grille_poly, e);
                acc += r.total_sanctions + r.total_interessements;
            }
        } else {
            // The bytes the toolkit reads: every value of every indicator, and the reports.
            std::uint64_t somme = 0;
            for (const auto& rv : d.rapports) {
                const caqes::rapport_valide& r = rv.rapport();
                for (const auto& vi : r.valeurs()) {
                    for (const auto& v : vi)
                        somme += static_cast<std::uint64_t>(v.etat) + static_cast<std::uint64_t>(v.v.num ^ v.v.den);
                }
                somme += static_cast<std::uint64_t>(r.produits_assurance_maladie().valeur);
                for (const auto& e : r.economies())
                    somme += e ? static_cast<std::uint64_t>(e->valeur) : 0U;
            }
            acc += static_cast<std::int64_t>(somme);
        }
        benchmark::DoNotOptimize(acc);
        benchmark::ClobberMemory();
    }
    const std::uint64_t allocs = allocations() - allocs_avant;
    compteurs(state, n, S, allocs, octets_toolkit<S>);
}

template <class G, variante V>
void enregistrer_variante(std::size_t n) {
    const std::string nom =
        "eval/g" + std::to_string(G::taille) + "/n" + std::to_string(n) + "/" + noms_variantes[static_cast<int>(V)];
    benchmark::RegisterBenchmark(nom.c_str(), bm_evaluation<G, V>)
        ->Arg(static_cast<std::int64_t>(n))
        ->Unit(benchmark::kMicrosecond)
        ->UseRealTime();
}

template <class G, variante V>
void enregistrer_dense(std::size_t n) {
    const std::string nom =
        "eval/g" + std::to_string(G::taille) + "/n" + std::to_string(n) + "/" + noms_variantes[static_cast<int>(V)];
    benchmark::RegisterBenchmark(nom.c_str(), bm_dense<G, V>)
        ->Arg(static_cast<std::int64_t>(n))
        ->Unit(benchmark::kMicrosecond)
        ->UseRealTime();
}

template <class G>
void enregistrer_denses(std::size_t n) {
    if constexpr (G::avec_dense) {
        enregistrer_dense<G, variante::dense>(n);
        enregistrer_dense<G, variante::dense_runtime_rates>(n);
        enregistrer_dense<G, variante::dense_totals>(n);
        enregistrer_dense<G, variante::dense_plain_read>(n);
        enregistrer_dense<G, variante::columnar>(n);
#ifdef CAQES_BENCH_GRILLE_CHARGEE
        enregistrer_dense<G, variante::columnar_loaded>(n);
#endif
    }
}

template <class G>
void enregistrer_grille() {
    constexpr std::size_t S = G::taille;
    const std::vector<std::size_t> ns = tailles(octets_toolkit<S>);
    const std::size_t n_poly = tailles(octets_poly<S>).back();
    for (const std::size_t n : ns) {
        // One data set per (grid, N), built and checked once, then every variant in a row.
        enregistrer_variante<G, variante::hand>(n);
        enregistrer_variante<G, variante::toolkit>(n);
        enregistrer_variante<G, variante::toolkit_runtime>(n);
        enregistrer_variante<G, variante::toolkit_trace>(n);
        if (n <= n_poly || n == ns.back()) enregistrer_variante<G, variante::poly>(n);
        enregistrer_variante<G, variante::plain_read>(n);
        enregistrer_denses<G>(n);
    }
    // The dense layout is small enough for 1e6 establishments of every grid it is generated for.
    if (ns.back() < 1'000'000) enregistrer_denses<G>(1'000'000);
}

// The generated grids, named for the templates above.
struct grille7 {
    static constexpr std::size_t taille = 7;
    static constexpr bool avec_dense = true;
    using dense = g7::dense;
    static constexpr const caqes::modele_contrat_def& def = g7::def;
    static constexpr std::string_view json = g7::json;
    static hw::resultat evaluer_a_la_main(const hw::etablissement<7>& e) noexcept { return g7::evaluer_a_la_main(e); }
};
struct grille32 {
    static constexpr std::size_t taille = 32;
    static constexpr bool avec_dense = true;
    using dense = g32::dense;
    static constexpr const caqes::modele_contrat_def& def = g32::def;
    static constexpr std::string_view json = g32::json;
    static hw::resultat evaluer_a_la_main(const hw::etablissement<32>& e) noexcept { return g32::evaluer_a_la_main(e); }
};
struct grille128 {
    static constexpr std::size_t taille = 128;
    static constexpr bool avec_dense = false;
    static constexpr const caqes::modele_contrat_def& def = g128::def;
    static hw::resultat evaluer_a_la_main(const hw::etablissement<128>& e) noexcept {
        return g128::evaluer_a_la_main(e);
    }
};

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
    // --export-dense=DIR [--export-n=N] [--export-grid=7|32]: write the dense columns and the
    // toolkit's results of the dense grids (DIR/g7, DIR/g32) for the numpy baseline
    // (benchmarks/numpy_grille.py), then stop.
    std::string export_dir;
    std::size_t export_n = 1'000'000;
    std::string export_grid;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--export-dense=", 0) == 0) export_dir = a.substr(15);
        if (a.rfind("--export-n=", 0) == 0) export_n = std::stoul(a.substr(11));
        if (a.rfind("--export-grid=", 0) == 0) export_grid = a.substr(14);
    }
    if (!export_dir.empty()) {
        if (export_grid.empty() || export_grid == "7")
            bench::exporter<bench::grille7>(std::filesystem::path{export_dir} / "g7", export_n);
        if (export_grid.empty() || export_grid == "32")
            bench::exporter<bench::grille32>(std::filesystem::path{export_dir} / "g32", export_n);
        return 0;
    }
    benchmark::AddCustomContext(
        "targets (no trace)",
        "toolkit <= 1.10x hand at every size; toolkit within 1.5x of plain_read at the largest N; "
        "0 allocs_per_eval");
    benchmark::AddCustomContext("value layout",
                                std::to_string(sizeof(caqes::valeurs_indicateur)) + " bytes per indicator");
    benchmark::AddCustomContext("N cap", "N x bytes per establishment <= 2e9 per variant");
    bench::enregistrer_grille<bench::grille7>();
    bench::enregistrer_grille<bench::grille32>();
    bench::enregistrer_grille<bench::grille128>();
    bench::enregistrer_e2e();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
