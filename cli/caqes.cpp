// The `caqes` command-line tool:
// - `caqes check GRID.json...` validates grid files (format caqes.grille/1) by the rules of a
//   C++ template and prints each violation, located by file and JSON pointer, with its rule id;
// - `caqes evaluate --grid GRID.json VALUES [ESTABLISHMENTS]` evaluates every accepted
//   establishment-year of a batch (two CSV files, or one JSON Lines file) against a grid
//   loaded at run time, through the same `validate` as the library and the columnar evaluator
//   (`colonnes::evaluer_lot`, in blocks), or with `--scalar` the scalar `evaluer(rapport_valide)`,
//   its oracle, and streams the results;
//   `caqes evaluate --grid GRID.json --db CONNINFO --year N` does the same with one exercise of a
//   PostgreSQL database (sql/schema.sql) and writes the results back, when built with libpqxx;
// - `caqes explain` prints the trace of one establishment-year, with the articles it cites;
// - `caqes calendar` prints the procedure dates of one evaluation under a named convention.
// docs/cli.md documents the commands, the output and the exit status; paths are taken relative
// to the caller's working directory.
#include "lot.hpp"
#include "sortie.hpp"
#ifdef CAQES_AVEC_POSTGRES
#include "base_donnees.hpp"
#endif

#include <caqes/calendrier/format.hpp>
#include <caqes/evaluation/colonnes/evaluer_lot.hpp>
#include <caqes/evaluation/colonnes/lot.hpp>
#include <caqes/evaluation/colonnes/resultats.hpp>
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/evaluation/parametres_valides.hpp>
#include <caqes/evaluation/procedure.hpp>
#include <caqes/io/csv_rapports.hpp>
#include <caqes/io/json/grille.hpp>
#include <caqes/io/json/trace.hpp>
#include <caqes/version.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
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

// Prints the violations of a grid file, on `out`, and returns the status they give.
statut signaler_grille(std::ostream& out, const std::string& chemin, const caqes::violations& erreurs, bool jsonl) {
    statut s = statut::accepted;
    for (const caqes::violation& v : erreurs) {
        s = std::max(s, erreur_de_lecture(v.id) ? statut::unusable_input : statut::grid_rule);
        if (jsonl) {
            const nlohmann::json ligne{{"fichier", chemin},  {"lieu", v.lieu},       {"regle", v.code()},
                                       {"titre", v.titre()}, {"source", v.source()}, {"detail", v.detail}};
            // Every string of a violation is UTF-8 (the reader refuses other bytes and quotes
            // what it prints), so dump() cannot throw; replace is the belt to those braces.
            out << ligne.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        } else {
            // As a compiler prints: the place first, so editors and grep can jump to it.
            out << v.lieu << ": error: " << v.code() << ": " << v.titre() << " (" << v.source() << ")"
                << (v.detail.empty() ? "" : ": ") << v.detail << '\n';
        }
    }
    return s;
}

[[nodiscard]] statut verifier(const std::string& chemin, bool jsonl) {
    const auto r = caqes::json::lire_grille_fichier(chemin);
    const statut s = signaler_grille(std::cout, chemin, r.erreurs(), jsonl);
    if (r.ok()) {
        const caqes::modele_contrat_def& m = r.valeur().definition();
        std::cerr << chemin << ": valid grid \"" << m.nom << "\" (" << caqes::decrire(m.regime).nom << ", "
                  << caqes::nombre_indicateurs(m) << " indicators)\n";
    }
    return s;
}

// The grid the batch is evaluated against. A grid that cannot be read or breaks a rule is
// reported on stderr as `caqes check` reports it, and nothing is evaluated (status 3 or 4).
[[nodiscard]] std::optional<caqes::json::grille_chargee> charger_grille(const std::string& chemin, statut& s) {
    auto r = caqes::json::lire_grille_fichier(chemin);
    if (!r.ok()) {
        s = signaler_grille(std::cerr, chemin, r.erreurs(), false);
        return std::nullopt;
    }
    return std::move(r).valeur();
}

// A rejected row, located (file:line:field): on stderr, as soon as it is found, so that stdout
// holds the results alone and loads as it is.
void rejet(const caqes::violation& v) { std::cerr << v.lieu << ": error: " << v.code() << ": " << v.detail << '\n'; }

// The paths that could not be read, then the reconciliation of each file, in physical lines as
// the reader counts them: lines read = header + blank + accepted + rejected; for the tables of
// a database (`tables`), which have no lines, in rows: rows read = accepted + rejected.
void bilan(const caqes::cli::bilan_lot& b, bool tables = false) {
    for (const caqes::violation& v : b.chemins)
        rejet(v);
    if (b.fichiers.empty()) return;
    // What every row rests on and a CSV or Markdown row cannot say (JSON Lines carries the alert).
    if (b.sans_contrat > 0)
        std::cerr << "note: " << b.sans_contrat
                  << " establishment-year(s) evaluated without their contract: the volets' terms were not checked "
                     "(alert sans_instance)\n";
    if (b.sans_activites > 0)
        std::cerr << "note: " << b.sans_activites
                  << " establishment-year(s) evaluated without their activities: every activity of the grid's scope "
                     "was taken as exercised\n";
    std::cerr << "reconciliation\n";
    for (const caqes::csv::reconciliation& rec : b.fichiers) {
        std::cerr << "  " << rec.file << ": ";
        if (tables) {
            std::cerr << rec.read << " rows read = ";
        } else {
            std::cerr << rec.lines << " lines read = " << rec.header << " header + " << rec.blank << " blank + ";
        }
        std::cerr << rec.accepted << " accepted + " << rec.rejected << " rejected ";
        // A file not read to its end (a read error) is never OK: its unread lines are no row.
        if (rec.unread) {
            std::cerr << "NOT READ TO ITS END";
            if (*rec.unread > 0) std::cerr << " (" << *rec.unread << " lines unread)";
            std::cerr << '\n';
        } else {
            std::cerr << (rec.balanced() ? "OK" : "MISMATCH") << '\n';
        }
    }
}

// A progress bar on stderr, redrawn when the percentage changes; only when stderr is a terminal
// (a log file or a pipe gets no carriage returns).
class progression {
  public:
    progression() : actif_(isatty(fileno(stderr)) != 0) {}
    void avancer(std::uint64_t fait, std::uint64_t total) {
        if (!actif_ || total == 0) return;
        const std::uint64_t pct = fait * 100 / total;
        if (pct == dernier_) return;
        dernier_ = pct;
        const std::size_t plein = static_cast<std::size_t>(pct / 5);
        std::cerr << "\revaluating [" << std::string(plein, '#') << std::string(20 - plein, ' ') << "] " << pct << " %"
                  << std::flush;
    }
    // Clears the bar, before a line of its own is written to stderr (a rejection); the next
    // step draws it again.
    void effacer() {
        if (actif_ && dernier_ <= 100) std::cerr << "\r" << std::string(60, ' ') << "\r" << std::flush;
        dernier_ = 101;
    }
    ~progression() { effacer(); }
    progression(const progression&) = delete;
    progression& operator=(const progression&) = delete;

  private:
    bool actif_;
    std::uint64_t dernier_{101};
};

struct options_lot {
    std::string grille;
    std::vector<std::string> fichiers;  // values, establishments[, contracts]; or one JSON Lines file
};

// The rows of a batch, block by block (docs/design-columnar.md, section 4): each accepted report
// goes into a validateur_lot, and each block it closes is evaluated and written, its rows in
// input order. Beside the block, the FINESS of each of its rows (all the writers need of the
// `rapport_lu`): memory is bounded by one block, not by the file.
class ecriture_par_blocs {
  public:
    ecriture_par_blocs(const caqes::json::grille_chargee& g, caqes::cli::ecrivain& sortie, caqes::cli::format_sortie f,
                       bool avec_trace)
            // The blocks are concluded under the grid's parameters, validated when it was read;
            // validateur_lot refuses a report validated under others (CAQES-E048).
            : grille_(std::make_shared<const caqes::colonnes::grille_lot>(g.definition(), caqes::politique_grille{},
                                                                          g.parametres())),
              validateur_(grille_),
              sortie_(sortie),
              f_(f),
              avec_trace_(avec_trace) {
        finess_.reserve(caqes::colonnes::lot_colonnes::capacite);
    }

    void ajouter(const caqes::csv::rapport_lu& r) {
        // The reader validated r against the grid's template, which the block's plan was built
        // from, and the default policy sends a value off its column's scale to the scalar path:
        // the validator has no reason to refuse it (valeur() would throw if it did).
        (void)validateur_.ajouter(r.rapport).valeur();
        finess_.push_back(r.finess);
        while (std::optional<caqes::colonnes::lot_colonnes> l = validateur_.prendre())
            ecrire(*l);
    }
    // Once the input has ended: the last blocks.
    void terminer() {
        while (std::optional<caqes::colonnes::lot_colonnes> l = validateur_.terminer())
            ecrire(*l);
    }

  private:
    void ecrire(const caqes::colonnes::lot_colonnes& lot) {
        const std::size_t n = lot.taille();
        if (f_ == caqes::cli::format_sortie::jsonl) {
            // JSON Lines prints the whole result (regles, coverage, every proposal's law, the
            // trace), which the result columns do not hold: each row's full result on demand.
            for (std::size_t i = 0; i < n; ++i) {
                caqes::trace t;
                const caqes::resultat_evaluation res =
                    avec_trace_ ? caqes::colonnes::evaluer_un(lot, i, t) : caqes::colonnes::evaluer_un(lot, i);
                sortie_.ecrire({finess_[i], res, avec_trace_ ? &t : nullptr});
            }
        } else {
            // CSV and Markdown print only what the result columns hold (cli/sortie.hpp,
            // vue_colonnes), but for a row they cannot say (CAQES-E037, a rate measure decided:
            // vue_colonnes::colonnes_suffisent), printed from its full result.
            caqes::colonnes::evaluer_lot(lot, resultats_, 0);
            const std::size_t volets = caqes::nombre_volets_conclus(lot.grille().modele());
            for (std::size_t i = 0; i < n; ++i) {
                const caqes::colonnes::ligne l = caqes::colonnes::lire(resultats_, i);
                if (caqes::cli::vue_colonnes::colonnes_suffisent(l)) {
                    sortie_.ecrire(finess_[i], caqes::cli::vue_colonnes{l, volets});
                } else {
                    const caqes::resultat_evaluation res = caqes::colonnes::evaluer_un(lot, i);
                    sortie_.ecrire({finess_[i], res});
                }
            }
        }
        sortie_.vider();
        finess_.erase(finess_.begin(), finess_.begin() + static_cast<std::ptrdiff_t>(n));
    }

    std::shared_ptr<const caqes::colonnes::grille_lot> grille_;
    caqes::colonnes::validateur_lot validateur_;
    caqes::cli::ecrivain& sortie_;
    caqes::cli::format_sortie f_;
    bool avec_trace_;
    std::vector<std::string> finess_;                              // of the rows not yet written
    caqes::colonnes::resultats_colonnes<std::int64_t> resultats_;  // one block's, reused
};

[[nodiscard]] statut evaluer_lot(const options_lot& o, caqes::cli::format_sortie f, bool avec_trace, bool scalaire) {
    statut s = statut::accepted;
    const std::optional<caqes::json::grille_chargee> g = charger_grille(o.grille, s);
    if (!g) return s;
    const caqes::modele_contrat_def& def = g->definition();
    const caqes::parametres_evaluation& p = g->parametres().valeur();
    caqes::cli::ecrivain sortie{std::cout, f, def, p};
    ecriture_par_blocs blocs{*g, sortie, f, avec_trace};
    bool entete = false;
    caqes::cli::bilan_lot b{};
    {
        progression barre;
        b = caqes::cli::lire_lot(
            def, p, o.fichiers,
            [&](const caqes::csv::rapport_lu& r, std::uint64_t fait, std::uint64_t total) {
                if (!entete) sortie.entete();
                entete = true;
                if (scalaire) {
                    // --scalar: the oracle path (docs/cli.md). The report was validated against
                    // `def` by the reader (caqes::validate); the run-time driver evaluates the
                    // template it was validated against; each row is written at once.
                    caqes::trace t;
                    const caqes::resultat_evaluation res = avec_trace
                                                               ? caqes::evaluer(r.rapport, caqes::politique_grille{}, t)
                                                               : caqes::evaluer(r.rapport);
                    sortie.ecrire({r.finess, res, avec_trace ? &t : nullptr});
                    sortie.vider();
                } else {
                    blocs.ajouter(r);
                }
                barre.avancer(fait, total);
            },
            [&barre](const caqes::violation& v) {
                barre.effacer();
                rejet(v);
            });
        blocs.terminer();
    }
    // Files read but nothing accepted: the table still has its header.
    if (!entete && !b.fichiers.empty()) sortie.entete();
    bilan(b);
    return b.statut;
}

struct options_base {
    std::string conninfo;
    int annee{0};
};

// `evaluate --db`: the exercise read from the tables of sql/schema.sql by the CSV batch reader
// (base_donnees.hpp), every accepted establishment-year evaluated with its trace, then the
// rejections and reconciliation on stderr as for files, and the results written back in the
// transaction that read the rows. Nothing is written when a table is unusable (status 3): the
// results of an earlier run stay.
[[nodiscard]] int evaluer_base(const options_lot& o, const options_base& ob) {
#ifndef CAQES_AVEC_POSTGRES
    (void)o;
    (void)ob;
    std::cerr << "caqes evaluate: --db: this caqes was built without PostgreSQL support (libpqxx was not found "
                 "when it was configured; docs/install.md)\n";
    return static_cast<int>(statut::usage);
#else
    namespace base = caqes::cli::base;
    // The status when the database cannot be used: the server cannot be reached, the
    // connection string is not one, the schema is missing, or a write failed; nothing was
    // written (docs/cli.md, "Exit status").
    constexpr int statut_base = 5;
    statut s = statut::accepted;
    const std::optional<caqes::json::grille_chargee> g = charger_grille(o.grille, s);
    if (!g) return static_cast<int>(s);
    const caqes::modele_contrat_def& def = g->definition();
    const caqes::parametres_evaluation& p = g->parametres().valeur();
    // Read again for its digest; it was just read whole, so a failure here is a file that
    // changed under us, reported as the grid reader reports one.
    const caqes::csv::parsed<std::string> octets = caqes::csv::read_file(o.grille);
    if (!octets.ok()) {
        std::cerr << o.grille << ": error: " << caqes::fiche(octets.rule).code << ": " << octets.error << '\n';
        return static_cast<int>(statut::unusable_input);
    }
    const std::string version = base::version_grille(octets.value);
    try {
        pqxx::connection cx{ob.conninfo};
        // One snapshot for the three tables, and the writes in the same transaction.
        pqxx::transaction<pqxx::isolation_level::repeatable_read> tx{cx};
        tx.exec0("SET LOCAL DateStyle = ISO, YMD");
        const base::tables_lues t = base::lire_tables(tx, def, ob.annee);
        caqes::csv::options_lecture lecture{};
        lecture.forced = caqes::csv::dialect::plain;
        caqes::csv::lot_rapports lot = caqes::csv::lire_rapports(def, p, {t.valeurs.nom, t.valeurs.texte},
                                                                 {t.etablissements.nom, t.etablissements.texte},
                                                                 {t.contrats.nom, t.contrats.texte}, lecture);
        std::vector<base::resultat_ecrit> resultats;
        for (const caqes::csv::rapport_lu& r : lot.rapports) {
            caqes::trace tr;
            resultats.push_back({r.finess, caqes::evaluer(r.rapport, caqes::politique_grille{}, tr), {}, {}});
            base::resultat_ecrit& x = resultats.back();
            nlohmann::json j{{"finess", r.finess}, {"exercice", x.res.exercice}, {"modele", def.nom}};
            j.update(caqes::json::evaluation_json(x.res, &tr));
            x.trace = caqes::json::serialiser(j["trace"], -1);
            j.erase("trace");
            x.evaluation = caqes::json::serialiser(j, -1);
        }
        for (caqes::violation& v : lot.rejets)
            rejet({v.id, base::situer(std::move(v.lieu), t), base::situer(std::move(v.detail), t)});
        caqes::cli::bilan_lot b{};
        b.statut = caqes::csv::status(lot);
        b.fichiers = {std::move(lot.valeurs), std::move(lot.etablissements)};
        if (lot.contrats) b.fichiers.push_back(std::move(*lot.contrats));
        bilan(b, true);
        if (b.statut == statut::unusable_input) {
            std::cerr << "caqes evaluate: nothing written: the exercise cannot be evaluated as a whole (above)\n";
            return static_cast<int>(b.statut);
        }
        base::ecrire(tx, ob.annee, std::string{def.nom}, version, resultats);
        tx.commit();
        std::cout << "caqes.resultats: " << resultats.size() << " establishment-years of " << ob.annee
                  << " written for grid \"" << def.nom << "\" " << version
                  << ", replacing that exercise's results of this grid version\n";
        return static_cast<int>(b.statut);
    } catch (const pqxx::failure& e) {
        std::cerr << "caqes evaluate: database: " << base::une_ligne(e.what()) << "; nothing was written\n";
        return statut_base;
    }
#endif
}

struct cible {
    std::string finess;
    int exercice{0};
};

// The one establishment-year `explain` and `calendar` are about, evaluated with its trace; its
// rejections, or its absence, are reported instead (status 3: nothing to explain).
struct evaluation_unique {
    std::optional<caqes::json::grille_chargee> grille;
    std::optional<caqes::csv::rapport_lu> lu;
    caqes::resultat_evaluation res{};
    caqes::trace trace_{};
};

// The line of a decision recorded beside proposal `p` (which holds it), of nature `n` (empty:
// the ARS decided no outcome).
[[nodiscard]] std::string decision_decrite(const caqes::proposition& p, const std::optional<caqes::issue_legale>& n) {
    return caqes::concat("  decided: ", n ? caqes::nom(*n) : "aucune", " ", caqes::texte_euros(*p.decision_finale),
                         " EUR", p.decision_au_dessus ? " (above the proposal)" : "", "\n");
}

// The FINESS a violation's detail starts with, as the readers name a row; empty when none.
[[nodiscard]] std::string_view finess_en_tete(std::string_view d) {
    return d.size() >= 11 && caqes::regles::finess_bien_forme(d.substr(0, 9)) ? d.substr(0, 9) : std::string_view{};
}

// Whether a violation's detail starts by naming an establishment-year: "FINESS YEAR: ...".
[[nodiscard]] bool nomme_une_annee(std::string_view d) {
    const auto chiffre = [](char x) { return x >= '0' && x <= '9'; };
    return !finess_en_tete(d).empty() && d.size() >= 16 && d[9] == ' ' && chiffre(d[10]) && chiffre(d[11]) &&
           chiffre(d[12]) && chiffre(d[13]) && d.substr(14, 2) == ": ";
}

// Whether a violation's detail starts by naming another establishment's row, "FINESS: ...": a
// row whose year is none, which belongs to no establishment-year, and to this one least of all.
[[nodiscard]] bool nomme_un_autre(std::string_view d, std::string_view finess) {
    const std::string_view f = finess_en_tete(d);
    return !f.empty() && d.substr(9, 2) == ": " && f != finess;
}

[[nodiscard]] statut evaluer_un(const options_lot& o, const cible& c, evaluation_unique& e) {
    statut s = statut::accepted;
    e.grille = charger_grille(o.grille, s);
    if (!e.grille) return s;
    const caqes::parametres_evaluation& p = e.grille->parametres().valeur();
    // Its rejections start by naming it, "FINESS YEAR: ...": those are kept, to be shown if it
    // was not evaluated, with the causes they stand on, which name only their row:
    // - a row of the values file rejected on its own comes before its establishment-year's
    //   rejection (its rows come together, CAQES-E044): the values file's violations since the
    //   last establishment-year ended are kept with it;
    // - a row of the establishments or contracts file (read before the values) is named by
    //   that rejection ("its row FILE:LINE was rejected"): their violations are kept, up to a
    //   bound, and those at a row it names are shown.
    const std::string qui = caqes::concat(c.finess, " ", std::to_string(c.exercice));
    const std::string valeurs = caqes::concat(o.fichiers.front(), ":");
    constexpr std::size_t autres_max = 100'000;
    caqes::violations siennes;
    caqes::violations du_groupe;
    caqes::violations autres;
    std::size_t autres_oubliees = 0;
    const caqes::cli::bilan_lot b = caqes::cli::lire_lot(
        e.grille->definition(), p, o.fichiers,
        [&](const caqes::csv::rapport_lu& r, std::uint64_t, std::uint64_t) {
            du_groupe.clear();
            if (r.finess != c.finess || r.rapport.exercice() != c.exercice) return;
            e.lu = r;
            e.res = caqes::evaluer(e.lu->rapport, caqes::politique_grille{}, e.trace_);
        },
        [&](caqes::violation&& v) {
            // Its own: a violation whose detail starts by naming it, as the readers write them;
            // a cell's text quoted further in a detail names nothing, whatever it holds.
            const bool sienne = v.detail.starts_with(qui) && std::string_view{v.detail}.substr(qui.size(), 2) == ": ";
            const bool des_valeurs = o.fichiers.size() > 1 && v.lieu.starts_with(valeurs);
            // An establishment-year's rejection starts by naming it ("FINESS YEAR: ...", located in
            // whichever file holds the cause) and ends it: the reader hands it over before the
            // next one's rows. A row that comes back after its establishment-year ended (CAQES-E044)
            // names it too, but is a row's violation and ends nothing.
            const bool nomme = nomme_une_annee(v.detail);
            const bool fin_de_groupe = nomme && v.id != caqes::regle::valeurs_non_contigues;
            if (sienne && !fin_de_groupe) {
                siennes.push_back(std::move(v));
                return;
            }
            if (sienne) {
                for (caqes::violation& x : du_groupe)
                    siennes.push_back(std::move(x));
                siennes.push_back(std::move(v));
            } else if (des_valeurs && !nomme && !nomme_un_autre(v.detail, c.finess)) {
                du_groupe.push_back(std::move(v));
                return;
            } else if (o.fichiers.size() > 1 && !des_valeurs) {
                if (autres.size() < autres_max) {
                    autres.push_back(std::move(v));
                } else {
                    ++autres_oubliees;
                }
            }
            if (fin_de_groupe) du_groupe.clear();
        });
    if (b.fichiers.empty()) {
        bilan(b);
        return b.statut;
    }
    if (e.lu) return statut::accepted;
    // The rows of the other files its rejections name, shown before them.
    for (const caqes::violation& a : autres) {
        // "FILE:LINE:field" names row "FILE:LINE".
        const std::string_view ligne = std::string_view{a.lieu}.substr(0, a.lieu.rfind(':'));
        const bool nommee = std::any_of(siennes.begin(), siennes.end(), [&](const caqes::violation& v) {
            const std::size_t i = v.detail.find(ligne);
            return i != std::string::npos && (i + ligne.size() == v.detail.size() ||
                                              !std::isdigit(static_cast<unsigned char>(v.detail[i + ligne.size()])));
        });
        if (nommee) rejet(a);
    }
    if (autres_oubliees > 0)
        std::cerr << "caqes: " << autres_oubliees
                  << " violations of the establishments and contracts files were not kept\n";
    for (const caqes::violation& v : siennes)
        rejet(v);
    std::cerr << "caqes: " << qui << " was not evaluated: "
              << (siennes.empty() ? "no accepted establishment-year in the files" : "rejected (above)") << '\n';
    return statut::unusable_input;
}

[[nodiscard]] std::string article(const caqes::proposition& p) {
    return p.loi != nullptr ? caqes::texte(p.article()) : std::string{"no article"};
}

// "sanction 1234.56 EUR (cap 2000.00 EUR, bound) [D.162-16 ... ]".
[[nodiscard]] std::string decrire_proposition(const caqes::proposition& p) {
    if (p.economies_non_renseignees) return "no incentive computed: savings non renseigne";
    if (!p.presente()) return "nothing proposed";
    if (p.depassement)
        return caqes::concat(caqes::nom(p.nature), ": an amount does not fit 64-bit cents (CAQES-E040), not evaluated");
    std::string s = caqes::concat(caqes::nom(p.nature), " ", caqes::texte_euros(p.montant), " EUR (cap ",
                                  caqes::texte_euros(p.plafond), " EUR", p.plafond_atteint ? ", bound by it" : "",
                                  p.illustratif ? ", illustrative formula" : "", ")");
    if (p.taux.num != 0) s += caqes::concat(", rate ", caqes::texte_fraction(p.taux));
    return caqes::concat(s, "; ", article(p));
}

// An indicator's value as explain prints it: the one measure's value, or each measure by its code
// ("evolution -0.5 %, depense 177216.31 EUR"), since a referentiel may be decided by any of them.
[[nodiscard]] std::string valeurs_lues(const caqes::indicateur& ind, const caqes::ligne_trace& l) {
    if (ind.nombre_mesures() <= 1) return caqes::texte(l.valeur);
    std::string s;
    for (std::size_t k = 0; k < caqes::mesures_max; ++k) {
        if (ind.mesures[k].vide()) continue;
        s += caqes::concat(s.empty() ? "" : ", ", ind.mesures[k].code, " ", caqes::texte(l.valeurs[k]));
    }
    return s;
}

[[nodiscard]] statut expliquer(const options_lot& o, const cible& c, bool en_json) {
    evaluation_unique e;
    if (const statut s = evaluer_un(o, c, e); !e.lu) return s;
    const caqes::modele_contrat_def& def = e.grille->definition();
    if (en_json) {
        nlohmann::json j{{"finess", e.lu->finess}, {"exercice", c.exercice}, {"modele", def.nom}};
        j.update(caqes::json::evaluation_json(e.res, &e.trace_));
        std::cout << caqes::json::serialiser(j) << '\n';
        return statut::accepted;
    }
    const caqes::resultat_evaluation& r = e.res;
    const caqes::regles_appliquees& g = r.regles;
    std::cout << c.finess << " " << c.exercice << ", grid \"" << def.nom << "\" (" << caqes::decrire(def.regime).nom
              << ")\n"
              << "input: " << o.fichiers[0] << ":" << e.lu->ligne_valeurs
              << (o.fichiers.size() > 1
                      ? caqes::concat(", ", o.fichiers[1], ":", std::to_string(e.lu->ligne_etablissement))
                      : std::string{})
              << '\n'
              << "rules: law in force on " << caqes::texte(g.date) << " (version policy " << caqes::nom(g.politique)
              << "), evaluation date "
              << (g.date_evaluation.ok() ? caqes::texte(g.date_evaluation) : std::string{"not given"})
              << ", partial years " << caqes::nom(g.annee_partielle) << '\n'
              << "revenue base: " << caqes::texte_euros(r.produits_assurance_maladie) << " EUR"
              << (r.annee_produits ? caqes::concat(" (", std::to_string(*r.annee_produits), ")") : std::string{})
              << ", contract year " << r.annee_contrat << '\n';
    // The establishment's own bases, where given: what its cut or penalty is a share of.
    if (r.part_liste_en_sus)
        std::cout << "liste en sus share: " << caqes::texte_euros(*r.part_liste_en_sus) << " EUR\n";
    if (r.base_penalite) std::cout << "penalty base: " << caqes::texte_euros(*r.base_penalite) << " EUR\n";
    std::string alertes;
    for (const caqes::alerte_evaluation a : caqes::toutes_alertes) {
        if (g.a(a)) alertes += caqes::concat(alertes.empty() ? "" : ", ", caqes::nom(a));
    }
    if (!alertes.empty()) std::cout << "alerts: " << alertes << '\n';
    for (std::size_t i = 0; i < r.nombre_volets; ++i) {
        const caqes::resultat_volet& v = r.volets[i];
        std::cout << '\n'
                  << caqes::traits(v.volet).nom << ": score "
                  << (v.score.depasse()  ? std::string{"not exact in 64 bits (CAQES-E037)"}
                      : v.score.defini() ? caqes::texte_decimal(v.score.valeur())
                                         : std::string{"undefined (no indicator counts)"})
                  // Without a contract instance the terms were not checked (alert sans_instance).
                  << (g.a(caqes::alerte_evaluation::sans_instance)
                          ? std::string{}
                          : caqes::concat(", term ", caqes::texte(v.couverture.terme)))
                  << (v.couverture.evalue ? "" : ", not evaluated this exercise") << '\n';
        for (const caqes::ligne_trace& l : e.trace_.lignes) {
            if (l.volet != i || l.ind == nullptr) continue;
            const caqes::indicateur& ind = *l.ind;
            std::cout << "  " << ind.code << " " << ind.libelle << " [" << caqes::json::nom(ind.provenance)
                      << "]: " << valeurs_lues(ind, l) << " -> " << caqes::json::nom(l.resultat.s) << ", achievement "
                      << caqes::texte_fraction(l.realisation)
                      << (l.resultat.compte ? caqes::concat(", weight ", caqes::texte_fraction(ind.poids), ", points ",
                                                            caqes::texte_fraction(l.points))
                                            : std::string{", does not count"})
                      << (ind.source.vide() ? std::string{} : caqes::concat("; ", caqes::texte(ind.source))) << '\n';
        }
        std::cout << "  proposal: " << decrire_proposition(v.principale) << '\n';
        if (v.principale.decision_finale) std::cout << decision_decrite(v.principale, v.nature_decidee);
    }
    for (std::size_t i = 0; i < r.nombre_contrat; ++i) {
        const caqes::proposition& p = r.contrat[i];
        std::cout << "\ncontract: " << decrire_proposition(p) << '\n';
        // The decision of a contract-level outcome (the regional incentive, the successor's
        // allocation or penalty), kept beside its proposal.
        if (p.decision_finale) std::cout << decision_decrite(p, r.contrat_nature_decidee[i]);
        // A rate measure is decided by its rate and duration; its amount is the file's estimate.
        if (r.contrat_taux_decide[i])
            std::cout << "  decided rate " << caqes::texte_fraction(*r.contrat_taux_decide[i])
                      << caqes::cli::pour_la_duree(r.contrat_duree_decidee_mois[i]) << '\n';
    }
    std::cout << "\ntotals: sanctions " << caqes::texte_euros(r.total_sanctions) << " EUR, incentives "
              << caqes::texte_euros(r.total_interessements) << " EUR"
              << (r.plafond_global_atteint ? " (the 5 % overall cap bound the sanctions)" : "") << '\n';
    if (!r.ok())
        std::cout << caqes::fiche(r.erreur).code << ": nothing proposed (volet " << int{r.volet_erreur}
                  << ", indicator id " << r.indicateur_erreur << ")\n";
    return statut::accepted;
}

// "YYYY-MM-DD", a day that exists; CLI11 reports anything else as a usage error.
[[nodiscard]] std::string valider_date(const std::string& s) {
    const bool forme = s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                       std::all_of(s.begin(), s.end(), [](char x) { return x == '-' || (x >= '0' && x <= '9'); });
    if (!forme) return caqes::concat("\"", s, "\" is not a date YYYY-MM-DD");
    const caqes::ymd d{std::stoi(s.substr(0, 4)), static_cast<unsigned>(std::stoi(s.substr(5, 2))),
                       static_cast<unsigned>(std::stoi(s.substr(8, 2)))};
    return d.ok() ? std::string{} : caqes::concat(s, " is not a day of the calendar");
}

[[nodiscard]] caqes::ymd date_de(const std::string& s) {
    return {std::stoi(s.substr(0, 4)), static_cast<unsigned>(std::stoi(s.substr(5, 2))),
            static_cast<unsigned>(std::stoi(s.substr(8, 2)))};
}

[[nodiscard]] std::optional<caqes::ymd> date_optionnelle(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return date_de(s);
}

const std::map<std::string, caqes::convention_delai> conventions{
    {"stricte", caqes::convention_delai::stricte},
    {"fin_de_mois", caqes::convention_delai::fin_de_mois},
    {"report", caqes::convention_delai::report},
    {"premier_mois_suivant", caqes::convention_delai::premier_mois_suivant},
    {"procedure_civile", caqes::convention_delai::procedure_civile}};

// The public holidays a working-day convention skips: those of the establishment's department.
const std::map<std::string, caqes::calendrier_feries> calendriers_feries{
    {"national", caqes::calendrier_feries::national},     {"alsace_moselle", caqes::calendrier_feries::alsace_moselle},
    {"guadeloupe", caqes::calendrier_feries::guadeloupe}, {"guyane", caqes::calendrier_feries::guyane},
    {"martinique", caqes::calendrier_feries::martinique}, {"la_reunion", caqes::calendrier_feries::la_reunion},
    {"mayotte", caqes::calendrier_feries::mayotte}};

struct options_calendrier {
    std::string convention;
    std::string feries{"national"};
    std::string reception_rapport;
    std::string audition_demandee;
    std::string audition_tenue;
    std::string reception_notification;
};

void echeance(const caqes::echeance_procedure& e) {
    std::cout << "  " << e.etape << ": ";
    if (!e.prevue) {
        std::cout << "no deadline: no version of the article is in force on the day of the rules\n";
        return;
    }
    std::cout << (e.date.ok() ? caqes::texte(e.date.valeur) : std::string{"runs from a receipt not given"}) << "; "
              << caqes::texte(e.loi->reference) << '\n';
}

[[nodiscard]] statut calendrier(const options_lot& o, const cible& c, const options_calendrier& oc) {
    if (!oc.audition_tenue.empty() && date_de(oc.audition_tenue) < date_de(oc.audition_demandee)) {
        std::cerr << "caqes calendar: --hearing-held " << oc.audition_tenue << " is before --hearing-requested "
                  << oc.audition_demandee << ": a hearing is held after it is asked for\n";
        return statut::usage;
    }
    evaluation_unique e;
    if (const statut s = evaluer_un(o, c, e); !e.lu) return s;
    // The day whose version of D.162-16 applies is the date the evaluation's version policy
    // gave (resultat_evaluation::regles.date), so the calendar and the amounts cite one law.
    const caqes::ymd jour = e.res.regles.date;
    const caqes::calendrier_evaluation cal =
        caqes::evaluation_annuelle(jour, date_de(oc.reception_rapport), conventions.at(oc.convention),
                                   {date_optionnelle(oc.audition_demandee), date_optionnelle(oc.audition_tenue)},
                                   date_optionnelle(oc.reception_notification), calendriers_feries.at(oc.feries));
    std::cout << c.finess << " " << c.exercice << ": evaluation procedure (D.162-16), law in force on "
              << caqes::texte(jour) << ", convention " << oc.convention << " [U], holidays " << oc.feries << "\n"
              << "  evaluation report received: " << oc.reception_rapport << '\n';
    echeance(cal.observations);
    echeance(cal.notification);
    echeance(cal.observations_finales);
    return statut::accepted;
}

}  // namespace

// The status when standard output refused what was written to it (docs/cli.md, "Exit status").
constexpr int statut_sortie_perdue = 6;

int main(int argc, char** argv) {
    const std::string version =
        caqes::concat("caqes ", std::to_string(CAQES_VERSION_MAJOR), ".", std::to_string(CAQES_VERSION_MINOR), ".",
                      std::to_string(CAQES_VERSION_PATCH));
    CLI::App app{version + ": tools for CAQES contract grids and their evaluation (docs/cli.md)", "caqes"};
    app.require_subcommand(1);
    app.set_version_flag("--version", version);
    const std::string statuts =
        "Exit status: 0 every row accepted, 1 some rows rejected (listed on stderr), 2 usage, 3 unusable input, "
        "4 a grid that breaks a rule, 6 the output could not be written.";

    std::vector<std::string> fichiers;
    bool jsonl = false;
    CLI::App* check = app.add_subcommand("check",
                                         "Validate grid files (caqes.grille/1) by the template rules; print each "
                                         "violation with its location and rule id");
    check->add_option("GRID", fichiers, "grid files, relative to the current directory")->required();
    check->add_flag("--jsonl", jsonl, "one JSON object per violation on stdout (JSON Lines) instead of text");
    check->footer(
        "Exit status: 0 every grid valid, 2 usage, 3 a file that is not a readable grid "
        "(CAQES-E040 to E042, E070 to E072), 4 a grid that breaks a rule, 6 the output could not be written.");

    options_lot lot;
    auto options_communes = [&lot](CLI::App* sub) {
        sub->add_option("--grid", lot.grille, "the grid file (caqes.grille/1) the batch is evaluated against")
            ->required();
        return sub
            ->add_option(
                "VALUES ESTABLISHMENTS [CONTRACTS]", lot.fichiers,
                "the batch (docs/input-format.md): the values, establishments and, when given, contracts CSV files; "
                "or one JSON Lines file, one establishment-year a line")
            ->expected(1, 3);
    };

    std::string format = "jsonl";
    bool avec_trace = false;
    bool scalaire = false;
    CLI::App* evaluate = app.add_subcommand("evaluate",
                                            "Evaluate every accepted establishment-year of a batch against a grid; "
                                            "results on stdout, one per establishment-year, a block at a time");
    CLI::Option* lot_evaluate = options_communes(evaluate);
    options_base ob;
    CLI::Option* db = evaluate->add_option(
        "--db", ob.conninfo,
        "instead of files: a PostgreSQL connection string (libpq: \"host=... dbname=...\" or a postgresql:// URI); "
        "the exercise is read from the tables of share/caqes/schema.sql and the results written back in one "
        "transaction");
    CLI::Option* annee = evaluate->add_option("--year", ob.annee, "with --db: the exercise evaluated");
    db->excludes(lot_evaluate)->needs(annee);
    annee->needs(db);
    evaluate
        ->add_option("--format", format,
                     "jsonl (default), csv-fr (';' and decimal comma), csv (',' and decimal point), markdown")
        ->check(CLI::IsMember({"jsonl", "csv-fr", "csv", "markdown"}));
    evaluate->add_flag("--trace", avec_trace, "with --format jsonl: each line carries the trace of its indicators");
    evaluate->add_flag("--scalar", scalaire,
                       "evaluate each establishment-year with the scalar evaluator, the oracle the default columnar "
                       "path is checked against: the same output, each row written as it is evaluated, slower");
    evaluate->footer(statuts +
                     " With --db: 5 the database cannot be used (server down, bad connection string, schema missing, "
                     "a write refused): nothing written.");

    cible c;
    bool en_json = false;
    CLI::App* explain = app.add_subcommand("explain",
                                           "Print the trace of one establishment-year: each indicator, each proposal, "
                                           "the articles and versions they cite");
    options_communes(explain)->required();
    explain->add_option("--finess", c.finess, "the establishment")->required();
    explain->add_option("--year", c.exercice, "the exercise")->required();
    explain->add_flag("--json", en_json, "the evaluation and its trace as one JSON document (caqes.evaluation/1)");
    explain->footer(
        "Exit status: 0 explained, 2 usage, 3 unusable input or the establishment-year was not evaluated, 4 a grid "
        "that breaks a rule, 6 the output could not be written.");

    options_calendrier oc;
    CLI::App* calendar = app.add_subcommand("calendar",
                                            "Print the procedure dates of one evaluation (D.162-16) under a named "
                                            "deadline convention");
    options_communes(calendar)->required();
    calendar->add_option("--finess", c.finess, "the establishment")->required();
    calendar->add_option("--year", c.exercice, "the exercise")->required();
    std::string liste_conventions;
    for (const auto& [nom, conv] : conventions)
        liste_conventions += caqes::concat(liste_conventions.empty() ? "" : ", ", nom);
    calendar->add_option("--convention", oc.convention, "how a deadline is counted [U]: " + liste_conventions)
        ->required()
        ->check(CLI::IsMember(conventions));
    auto date = [](CLI::Option* opt) { opt->check(CLI::Validator(valider_date, "YYYY-MM-DD", "date")); };
    std::string liste_feries;
    for (const auto& [nom, cal] : calendriers_feries)
        liste_feries += caqes::concat(liste_feries.empty() ? "" : ", ", nom);
    calendar->add_option("--holidays", oc.feries, "the public holidays a working-day convention skips: " + liste_feries)
        ->default_val("national")
        ->check(CLI::IsMember(calendriers_feries));
    date(calendar
             ->add_option("--report-received", oc.reception_rapport,
                          "the day the establishment received the evaluation report")
             ->required());
    // A hearing extends the deadline to its day (D.162-15, D.162-16 III): the request alone says
    // nothing of that day, the day alone nothing of whether it was asked in time, so each needs
    // the other rather than being silently ignored.
    CLI::Option* audition_demandee =
        calendar->add_option("--hearing-requested", oc.audition_demandee, "the day it asked to be heard");
    CLI::Option* audition_tenue = calendar->add_option("--hearing-held", oc.audition_tenue, "the day of the hearing");
    date(audition_demandee);
    date(audition_tenue);
    audition_demandee->needs(audition_tenue);
    audition_tenue->needs(audition_demandee);
    date(calendar->add_option("--notification-received", oc.reception_notification,
                              "the day it received the ARS's notification"));
    calendar->footer(
        "Exit status: 0 printed, 2 usage, 3 unusable input or the establishment-year was not evaluated, 4 a grid that "
        "breaks a rule, 6 the output could not be written.");

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

    // What each subcommand returns, before the output is known to be written.
    const auto executer = [&]() -> int {
        if (*evaluate) {
            const caqes::cli::format_sortie f = format == "csv-fr"     ? caqes::cli::format_sortie::csv_fr
                                                : format == "csv"      ? caqes::cli::format_sortie::csv
                                                : format == "markdown" ? caqes::cli::format_sortie::markdown
                                                                       : caqes::cli::format_sortie::jsonl;
            if (avec_trace && f != caqes::cli::format_sortie::jsonl) {
                std::cerr << "caqes evaluate: --trace needs --format jsonl (a trace has one line per indicator)\n";
                return static_cast<int>(statut::usage);
            }
            if (!ob.conninfo.empty() || *db) {
                // --db always evaluates with the scalar evaluator (it writes each result's trace):
                // --scalar would choose nothing, so it is refused rather than ignored.
                if (evaluate->count("--format") > 0 || avec_trace || scalaire) {
                    std::cerr << "caqes evaluate: --db writes its results and traces to the database: no --format, "
                                 "--trace or --scalar\n";
                    return static_cast<int>(statut::usage);
                }
                return evaluer_base(lot, ob);
            }
            if (lot.fichiers.empty()) {
                std::cerr << "caqes evaluate: VALUES ESTABLISHMENTS [CONTRACTS] or --db is required\n"
                          << "Run with --help for more information.\n";
                return static_cast<int>(statut::usage);
            }
            return static_cast<int>(evaluer_lot(lot, f, avec_trace, scalaire));
        }
        if (*explain) return static_cast<int>(expliquer(lot, c, en_json));
        if (*calendar) return static_cast<int>(calendrier(lot, c, oc));
        statut s = statut::accepted;
        for (const std::string& f : fichiers)
            s = std::max(s, verifier(f, jsonl));
        return static_cast<int>(s);
    };
    const int status = executer();
    // Results that could not be written (a full disk, a device that refuses them) are results
    // lost: never status 0 or 1, whatever the rows' outcome (docs/cli.md, "Exit status").
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "caqes: error: the output could not be written (standard output refused it: a full disk?); "
                     "what it holds is incomplete\n";
        return statut_sortie_perdue;
    }
    return status;
}
