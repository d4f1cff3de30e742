// Batch evaluator: the yearly reports of many establishments, read from two CSV files and,
// optionally, their contracts from a third (docs/input-format.md), validated, evaluated
// against a compile-time template, and printed with the rejected rows and the
// reconciliation. Its default run, on the bundled sample (tools/gen_sample.py, with its
// contracts), is compared with batch.expected by the test suite.
//
//   example_batch [--all] [--json] [valeurs.csv etablissements.csv [contrats.csv]]
//
// --all prints every establishment-year; by default the table stops after the first rows and
// the totals still cover them all. --json prints one JSON document instead (evaluations with
// their traces, rejections, reconciliation), when built with the optional caqes::json. The
// template and the scoring parameters are illustrative, so every row says ILLUSTRATIF.
//
// Exit status (docs/input-format.md, caqes::csv::exit_status): 0 every row accepted, 1 some
// rows rejected, 2 command-line usage, 3 unusable input (a path that cannot be read, an empty
// file, no data row, a header that cannot be read, or every row rejected).
#include "modeles/regional_2017.hpp"

#include <caqes/caqes.hpp>
#include <caqes/io/csv.hpp>

// The JSON output needs nlohmann-json (target caqes::json); the table does not.
#if __has_include(<nlohmann/json.hpp>)
#include <caqes/io/json/trace.hpp>
#define CAQES_AVEC_JSON 1
#else
#define CAQES_AVEC_JSON 0
#endif

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#ifndef CAQES_EXAMPLES_DIR
#error "examples/CMakeLists.txt defines CAQES_EXAMPLES_DIR, where the bundled data lives"
#endif

namespace {

using modele = modeles::regional_2017;
constexpr const caqes::modele_contrat_def& def = modele::definition;
constexpr std::size_t lignes_par_defaut = 20;

// A score as a percentage when it is one with at most two decimals ("62.5 %"), else as the
// exact fraction ("7/12"): never a rounded double.
std::string score(const caqes::score_volet& s) {
    if (!s.defini()) return "-";
    const caqes::fraction f = s.valeur();
    if (10'000 % f.den == 0) return caqes::texte(caqes::type_mesure::taux, f);
    return caqes::texte_fraction(f);
}

std::string cadrer(std::string s, std::size_t largeur, bool droite = false) {
    if (s.size() >= largeur) return s;
    const std::string blancs(largeur - s.size(), ' ');
    return droite ? blancs + s : s + blancs;
}

// "62.5 %   sanction       123456.78*": score, proposal, amount, and * when a cap bound it.
std::string cellule(const caqes::resultat_volet& v) {
    const caqes::proposition& p = v.principale;
    std::string s = cadrer(score(v.score), 8) + " ";
    if (!v.couverture.evalue) return cadrer(s + "out of term", 38);
    if (p.economies_non_renseignees) return cadrer(s + "- (savings NR)", 38);  // non renseigne: not computed
    if (!p.presente()) return cadrer(s + "-", 38);
    if (p.depassement) return cadrer(s + caqes::concat(caqes::nom(p.nature), " OVERFLOW"), 38);
    return s + cadrer(std::string{caqes::nom(p.nature)}, 14) + cadrer(caqes::texte_euros(p.montant), 14, true) +
           (p.plafond_atteint ? "*" : " ");
}

// The decisions recorded beside the proposals: "decided: volet_transports sanction 1234.56
// (proposed sanction 2000.00)", "ABOVE PROPOSAL" when the ARS decided more than proposed, or
// an outcome that was not proposed (within the law: validate checked it, CAQES-E062).
std::string decisions(const caqes::resultat_evaluation& res) {
    std::string s;
    for (std::size_t i = 0; i < res.nombre_volets; ++i) {
        const caqes::resultat_volet& v = res.volets[i];
        if (!v.principale.decision_finale) continue;
        s += caqes::concat(
            " decided: ", caqes::traits(v.volet).nom, " ", v.nature_decidee ? caqes::nom(*v.nature_decidee) : "aucune",
            " ", caqes::texte_euros(*v.principale.decision_finale), " (proposed ",
            v.principale.presente()
                ? caqes::concat(caqes::nom(v.principale.nature), " ", caqes::texte_euros(v.principale.montant))
                : std::string{"-"},
            ")", v.principale.decision_au_dessus ? " ABOVE PROPOSAL" : "", ";");
    }
    return s;
}

struct totaux {
    std::size_t evalues{0};
    std::size_t sanctions{0};
    std::size_t interessements{0};
    std::size_t plafonds{0};
    std::size_t depassements{0};
    std::size_t decisions{0};
    std::size_t au_dessus{0};
    std::size_t economies_nr{0};
    // The law applied, by exercise: the day of the rules, the versions the proposals cite, and
    // the version policies that would have applied another version (issue 12).
    struct loi_exercice {
        std::set<std::string> dates;
        std::set<std::string> versions;
        std::set<std::string> autres_politiques;
    };
    std::map<int, loi_exercice> lois;
    // Checked: a total that leaves 64-bit cents prints OVERFLOW with where it stopped
    // (CAQES-E040), never a wrapped number.
    caqes::total_centimes montant_sanctions{};
    caqes::total_centimes montant_interessements{};
    caqes::total_centimes montant_sanctions_decidees{};
    caqes::total_centimes montant_interessements_decides{};
    std::vector<std::string> depassements_totaux;  // one CAQES-E040 line per total that overflowed
};

// Why an evaluation proposed nothing: a score did not fit exact 64-bit fractions (CAQES-E037).
caqes::violation erreur_evaluation(const caqes::resultat_evaluation& res) {
    return {res.erreur, caqes::concat("indicator id ", std::to_string(res.indicateur_erreur)), "nothing is proposed"};
}

// Adds `c` to `total`; the first refusal records where and why.
void cumuler(totaux& t, caqes::total_centimes& total, caqes::centimes c, std::string_view quoi,
             const caqes::csv::rapport_lu& r, std::string_view fichier_valeurs) {
    if (total.depasse || total.ajouter(c)) return;
    t.depassements_totaux.push_back(
        caqes::concat(fichier_valeurs, ":", std::to_string(r.ligne_valeurs), ":finess: CAQES-E040: ", r.finess, " ",
                      std::to_string(r.rapport.exercice()), ": the total of ", quoi, " leaves 64-bit cents (",
                      caqes::texte_euros(total.valeur), " EUR over ", std::to_string(total.termes), " amounts, plus ",
                      caqes::texte_euros(c), " EUR); the total is not printed"));
}

std::string montant_total(const caqes::total_centimes& total) {
    return total.depasse ? std::string{"OVERFLOW"} : caqes::texte_euros(total.valeur) + " EUR";
}

void usage() { std::cerr << "usage: example_batch [--all] [--json] [valeurs.csv etablissements.csv [contrats.csv]]\n"; }

// The files of the lot, each with its reconciliation.
std::vector<const caqes::csv::reconciliation*> fichiers(const caqes::csv::bilan_lecture& lot) {
    std::vector<const caqes::csv::reconciliation*> f{&lot.valeurs, &lot.etablissements};
    if (lot.contrats) f.push_back(&*lot.contrats);
    return f;
}

// The rejections, kept in a temporary file until the table or the document before them is
// written, so that memory does not grow with their number; then copied out in the order found.
class rejets_differes {
  public:
    rejets_differes() : f_{std::tmpfile()} {}
    ~rejets_differes() {
        if (f_ != nullptr) std::fclose(f_);
    }
    rejets_differes(const rejets_differes&) = delete;
    rejets_differes& operator=(const rejets_differes&) = delete;

    [[nodiscard]] bool ok() const noexcept { return f_ != nullptr && !erreur_; }
    void ajouter(std::string_view s) {
        erreur_ = erreur_ || std::fwrite(s.data(), 1, s.size(), f_) != s.size();
        ++nombre_;
    }
    [[nodiscard]] std::size_t nombre() const noexcept { return nombre_; }
    void recopier(std::ostream& out) {
        std::rewind(f_);
        std::array<char, 1U << 16U> bloc{};
        for (std::size_t n = 0; (n = std::fread(bloc.data(), 1, bloc.size(), f_)) > 0;)
            out.write(bloc.data(), static_cast<std::streamsize>(n));
        erreur_ = erreur_ || std::ferror(f_) != 0;
    }

  private:
    std::FILE* f_;
    std::size_t nombre_{0};
    bool erreur_{false};
};

#if CAQES_AVEC_JSON
// The batch as one JSON document (schema caqes.evaluation/1, docs/json-schema.md), written as it
// is read: the opening, each evaluation with its trace as its establishment-year ends, then the
// rejections and the reconciliation, so that nothing read is missing from the output. Written
// straight to the stream (caqes::json::ecrivain, no tree): the bytes are those nlohmann writes
// for the whole document at once (keys in order, its layout).
class document_json {
  public:
    document_json() {
        w_.debut_objet();
        w_.cle("evaluations");
        w_.debut_tableau();
    }

    void evaluation(const caqes::csv::rapport_lu& r) {
        const caqes::json::identite id{r.finess, r.rapport.exercice(), def.nom, std::string_view{}};
        const caqes::resultat_validation<caqes::rapport_valide_pour<def>> valide = caqes::validate<def>(r.rapport);
        if (!valide.ok()) {
            caqes::json::ecrire_erreurs(w_, id, valide.erreurs());
            return;
        }
        trace_.lignes.clear();  // its capacity is kept: no allocation per establishment-year
        const caqes::resultat_evaluation res =
            caqes::evaluateur<def>::evaluer(valide.valeur(), caqes::politique_grille{}, trace_);
        if (!res.ok()) {
            const caqes::violation v = erreur_evaluation(res);
            caqes::json::ecrire_erreurs(w_, id, {&v, 1});
            return;
        }
        // With an empty trace (a template without indicators) the document has no "trace".
        caqes::json::ecrire_evaluation(w_, res, trace_.lignes.empty() ? nullptr : &trace_, &id);
    }

    // Each rejection as the document's "rejets" array holds it, kept aside until the end.
    static void rejet(rejets_differes& rejets, const caqes::violation& v) {
        caqes::json::ecrivain w{nullptr, 2, 4};
        caqes::json::ecrire(w, v);
        rejets.ajouter(caqes::concat(rejets.nombre() == 0 ? "" : ",\n", "    ", w.texte()));
    }

    int finir(const caqes::csv::bilan_lecture& lot, rejets_differes& rejets) {
        w_.fin_tableau();
        w_.cle("reconciliation");
        w_.debut_tableau();
        for (const caqes::csv::reconciliation* x : fichiers(lot)) {
            w_.debut_objet();
            w_.membre("acceptees", x->accepted);
            w_.membre("entete", x->header);
            w_.membre("fichier", x->file);
            w_.membre("lignes", x->lines);
            w_.membre("lues", x->read);
            w_.membre("rejetees", x->rejected);
            w_.membre("vides", x->blank);
            w_.fin_objet();
        }
        w_.fin_tableau();
        w_.cle("rejets");
        if (rejets.nombre() == 0) {
            w_.debut_tableau();
            w_.fin_tableau();
        } else {
            w_.valeur_brute("[\n");
            w_.vider();
            rejets.recopier(std::cout);
            w_.brut("\n  ]");
        }
        w_.membre("schema", caqes::json::schema);
        w_.fin_objet();
        w_.brut("\n");
        w_.vider();
        return static_cast<int>(caqes::csv::status(lot));
    }

  private:
    caqes::json::ecrivain w_{&std::cout};
    caqes::trace trace_;
};
#endif

}  // namespace

// The program; main checks that standard output took what it wrote.
int executer(int argc, char** argv) {
    bool tout = false;
    bool json = false;
    std::vector<std::string> chemins;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a{argv[i]};
        if (a == "--all") {
            tout = true;
        } else if (a == "--json" && CAQES_AVEC_JSON) {
            json = true;
        } else if (a.starts_with("--")) {
            std::cerr << "example_batch: unknown option " << a
                      << (a == "--json" ? " (built without nlohmann-json)" : "") << "\n";
            usage();
            return static_cast<int>(caqes::csv::exit_status::usage);
        } else {
            chemins.emplace_back(a);
        }
    }
    if (chemins.empty()) {
        chemins = {CAQES_EXAMPLES_DIR "/data/valeurs.csv", CAQES_EXAMPLES_DIR "/data/etablissements.csv",
                   CAQES_EXAMPLES_DIR "/data/contrats.csv"};
    }
    if (chemins.size() != 2 && chemins.size() != 3) {
        usage();
        return static_cast<int>(caqes::csv::exit_status::usage);
    }

    // Each file is read through the reader's fixed buffer, never whole (docs/input-format.md,
    // "Memory"); violations cite the file name only, so the output does not depend on where it
    // lives.
    std::vector<std::ifstream> flux;
    std::vector<caqes::csv::source> sources;
    flux.reserve(chemins.size());  // the sources point to these streams: no reallocation
    for (const auto& c : chemins) {
        const caqes::csv::parsed<bool> lisible = caqes::csv::fichier_lisible(c);
        if (lisible.ok()) flux.emplace_back(c, std::ios::binary);
        if (!lisible.ok() || !flux.back()) {
            std::cerr << "example_batch: " << caqes::fiche(caqes::regle::fichier_inutilisable).code << ": "
                      << (lisible.ok() ? caqes::concat("cannot open ", c) : lisible.error) << "\n";
            return static_cast<int>(caqes::csv::exit_status::unusable_input);
        }
        sources.push_back({std::filesystem::path{c}.filename().string(), {}, &flux.back()});
    }

    const caqes::parametres_evaluation parametres{};
    rejets_differes rejets;
    if (!rejets.ok()) {
        std::cerr << "example_batch: cannot open a temporary file for the rejections\n";
        return static_cast<int>(caqes::csv::exit_status::unusable_input);
    }
    auto lire = [&](auto&& sur_rapport, auto&& sur_rejet) {
        return caqes::csv::lire_rapports_flux(def, parametres, sources[0], sources[1],
                                              sources.size() == 3 ? &sources[2] : nullptr, {}, sur_rapport, sur_rejet);
    };
#if CAQES_AVEC_JSON
    if (json) {
        document_json doc;
        const caqes::csv::bilan_lecture lot =
            lire([&](const caqes::csv::rapport_lu& r, const caqes::csv::bilan_lecture&) { doc.evaluation(r); },
                 [&](const caqes::violation& v) { document_json::rejet(rejets, v); });
        return doc.finir(lot, rejets);
    }
#endif

    // The heading names each file's dialect, known once its header is read: it is written
    // before the first establishment-year, or at the end when none was accepted.
    bool en_tete = false;
    auto entete_table = [&](const caqes::csv::bilan_lecture& lot) {
        if (en_tete) return;
        en_tete = true;
        std::cout
            << "caqes batch evaluation\n"
            << "template: " << def.nom << " (ILLUSTRATIF: illustrative indicators and scoring scale)\n"
            << "input: " << lot.valeurs.file << " (" << caqes::csv::name(lot.valeurs.d) << "), "
            << lot.etablissements.file << " (" << caqes::csv::name(lot.etablissements.d) << ")"
            << (lot.contrats ? caqes::concat(", ", lot.contrats->file, " (", caqes::csv::name(lot.contrats->d), ")")
                             : std::string{})
            << "\n"
            << "amounts are proposals in EUR (the ARS decides); * = a cap bound the amount\n"
            << "rules: " << caqes::decrire(def.regime).nom << ", law version policy " << caqes::nom(parametres.version)
            << " [U, default], partial years " << caqes::nom(parametres.annee_partielle) << " [U, default], transition "
            << caqes::nom(def.transition) << "\n"
            << (lot.contrats
                    ? caqes::concat(
                          "contract time: checked against ", lot.contrats->file,
                          " (each volet in its term, volets by avenant from their signature, D.162-16 II, D.162-15)\n")
                    : std::string{"contract time: not checked, the input has no contract file (every template volet is "
                                  "evaluated)\n"})
            << (lot.activites_donnees
                    ? "activities: as given per establishment-year\n"
                    : "activities: not given, every activity of the template's scope is taken as exercised\n")
            << "revenue base: produits_assurance_maladie of the year in annee_produits; savings NR = non renseigne, no "
               "incentive computed\n\n";

        std::string entete = caqes::concat(cadrer("finess", 10), " ", cadrer("annee", 6));
        for (const auto& v : def.volets)
            entete += " | " + cadrer(std::string{caqes::traits(v.volet).nom}, 38);
        std::cout << entete << "\n";
    };

    totaux t{};
    bool incoherent = false;
    auto ligne_table = [&](const caqes::csv::rapport_lu& r, const caqes::csv::bilan_lecture& lot) {
        entete_table(lot);
        if (incoherent) return;
        std::string ligne = caqes::concat(cadrer(r.finess, 10), " ", cadrer(std::to_string(r.rapport.exercice()), 6));
        // The reader validated the report against `def`; typing it for `evaluateur<def>` checks that.
        const caqes::resultat_validation<caqes::rapport_valide_pour<def>> valide = caqes::validate<def>(r.rapport);
        if (!valide.ok()) {
            // Cannot happen: the reader validated against `def` itself. Unusable, not "some rows".
            for (const auto& v : valide.erreurs())
                std::cerr << "example_batch: " << r.finess << ": " << caqes::texte(v) << "\n";
            incoherent = true;
            return;
        }
        const caqes::resultat_evaluation res = caqes::evaluateur<def>::evaluer(valide.valeur());
        if (!res.ok()) {
            // Nothing proposed for this establishment-year: counted with the overflows.
            ++t.depassements;
            ligne += " | " + caqes::texte(erreur_evaluation(res));
        } else {
            for (std::size_t i = 0; i < res.nombre_volets; ++i) {
                const caqes::proposition& p = res.volets[i].principale;
                ligne += " | " + cellule(res.volets[i]);
                t.plafonds += p.plafond_atteint ? 1U : 0U;
                t.depassements += p.depassement ? 1U : 0U;
                t.sanctions += p.nature == caqes::nature_proposition::sanction_volet ? 1U : 0U;
                t.interessements += p.nature == caqes::nature_proposition::interessement_volet ? 1U : 0U;
                t.decisions += p.decision_finale ? 1U : 0U;
                t.au_dessus += p.decision_au_dessus ? 1U : 0U;
                t.economies_nr += p.economies_non_renseignees ? 1U : 0U;
            }
        }
        totaux::loi_exercice& loi = t.lois[r.rapport.exercice()];
        loi.dates.insert(caqes::texte(res.regles.date));
        auto citer = [&loi](const caqes::proposition& p) {
            if (p.presente() && p.loi != nullptr) loi.versions.insert(caqes::texte(p.article()));
        };
        for (std::size_t i = 0; i < res.nombre_volets; ++i)
            citer(res.volets[i].principale);
        for (std::size_t i = 0; i < res.nombre_contrat; ++i)
            citer(res.contrat[i]);
        for (const caqes::version_applicable v : caqes::politiques_de_version) {
            if (res.regles.diverge(v)) loi.autres_politiques.insert(std::string{caqes::nom(v)});
        }
        cumuler(t, t.montant_sanctions, res.total_sanctions, "sanctions proposed", r, lot.valeurs.file);
        cumuler(t, t.montant_interessements, res.total_interessements, "incentives proposed", r, lot.valeurs.file);
        cumuler(t, t.montant_sanctions_decidees, res.total_sanctions_decidees, "sanctions decided", r,
                lot.valeurs.file);
        cumuler(t, t.montant_interessements_decides, res.total_interessements_decides, "incentives decided", r,
                lot.valeurs.file);
        // The grid's indicators are illustrative whatever the proposals, so every row says so.
        if (tout || t.evalues < lignes_par_defaut) {
            std::cout << ligne << (res.plafond_global_atteint ? " [5 % cap]" : "") << " ILLUSTRATIF" << decisions(res)
                      << "\n";
        }
        ++t.evalues;
    };
    const caqes::csv::bilan_lecture lot = lire(ligne_table, [&rejets](const caqes::violation& v) {
        rejets.ajouter(caqes::concat("  ", v.lieu, ": ", v.code(), ": ", v.detail, "\n"));
    });
    // Cannot happen: the reader validated against `def` itself. Unusable, not "some rows".
    if (incoherent) return static_cast<int>(caqes::csv::exit_status::unusable_input);
    entete_table(lot);
    if (!tout && t.evalues > lignes_par_defaut) {
        std::cout << "... " << t.evalues - lignes_par_defaut << " more establishment-years (--all prints them)\n";
    }

    std::cout << "\ntotals over " << t.evalues << " establishment-years evaluated (ILLUSTRATIF)\n"
              << "  sanctions proposed:     " << cadrer(std::to_string(t.sanctions), 5, true) << " "
              << cadrer(montant_total(t.montant_sanctions), 21, true) << "\n"
              << "  incentives proposed:    " << cadrer(std::to_string(t.interessements), 5, true) << " "
              << cadrer(montant_total(t.montant_interessements), 21, true) << "\n"
              << "  decisions recorded:     " << cadrer(std::to_string(t.decisions), 5, true) << " (" << t.au_dessus
              << " above the proposal, within the law)\n"
              << "  sanctions decided:            " << cadrer(montant_total(t.montant_sanctions_decidees), 21, true)
              << "\n"
              << "  incentives decided:           " << cadrer(montant_total(t.montant_interessements_decides), 21, true)
              << "\n"
              << "  incentives not computed, savings non renseigne: " << t.economies_nr << "\n"
              << "  amounts bound by a cap: " << cadrer(std::to_string(t.plafonds), 5, true) << "\n"
              << "  amounts overflowing:    " << cadrer(std::to_string(t.depassements), 5, true) << "\n";
    for (const auto& d : t.depassements_totaux)
        std::cout << "  " << d << "\n";

    std::cout << "\nlaw applied, by exercise (policy " << caqes::nom(parametres.version) << ")\n";
    for (const auto& [exercice, loi] : t.lois) {
        std::string dates;
        for (const auto& d : loi.dates)
            dates += (dates.empty() ? "" : ", ") + d;
        std::cout << "  " << exercice << ": rules of " << dates << "\n";
        for (const auto& v : loi.versions)
            std::cout << "    " << v << "\n";
        std::string autres;
        for (const auto& a : loi.autres_politiques)
            autres += (autres.empty() ? "" : ", ") + a;
        std::cout << "    other version policies applying another version: " << (autres.empty() ? "none" : autres)
                  << "\n";
    }

    std::cout << "\nrejections (" << rejets.nombre() << ")\n";
    rejets.recopier(std::cout);

    std::cout << "\nreconciliation\n";
    for (const caqes::csv::reconciliation* rec : fichiers(lot)) {
        // Physical lines, so that a line the reader swallowed shows as a mismatch.
        std::cout << "  " << cadrer(rec->file, 20) << cadrer(std::to_string(rec->lines), 6, true)
                  << " lines read = " << rec->header << " header + " << rec->blank << " blank + "
                  << cadrer(std::to_string(rec->accepted), 6, true) << " accepted + "
                  << cadrer(std::to_string(rec->rejected), 5, true) << " rejected  "
                  << (rec->unread       ? caqes::concat("NOT READ TO ITS END",
                                                  *rec->unread > 0 ? caqes::concat(" (", std::to_string(*rec->unread),
                                                                                         " lines unread)")
                                                                         : std::string{})
                            : rec->balanced() ? std::string{"OK"}
                                        : std::string{"MISMATCH"})
                  << "\n";
    }
    return static_cast<int>(caqes::csv::status(lot));
}

// A full disk (or `> /dev/full`) refuses the output: the results are lost, so the status says so
// rather than 0 or 1 (caqes does the same, docs/cli.md "Exit status").
int main(int argc, char** argv) {
    const int statut = executer(argc, argv);
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "example_batch: error: the output could not be written\n";
        return 6;
    }
    return statut;
}
