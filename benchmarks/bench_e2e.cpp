// End to end: generated CSV files (the long values file and the establishments file of
// docs/input-format.md) through caqes::csv::lire_rapports (reading, parsing, validation),
// the evaluation of every accepted establishment-year, and the output of one CSV line each
// to a file; against a plain read of the same files (read them, count their lines).
// Two pipelines: `pipeline`, each report evaluated by the scalar evaluator of the compile-time
// grid, and `columns`, the reports put into blocks (colonnes::validateur_lot) and each block
// evaluated by colonnes::evaluer_lot, its lines written from the result columns, as `caqes
// evaluate` does (docs/design-columnar.md, section 5, commit 10). And `hand_parse`, the
// lower bound of any reader of these files: both read as plain_read reads them, then every field
// of every row parsed by hand-written code into dense columns, nothing validated, evaluated or
// written (bench::dense). And `hand_pipeline`, the hand-written lower bound of the whole job:
// that parser into the typed columns of the grid's dense baseline (a), (a)'s loops block by
// block, and the same output lines (bench::main_entiere).
//
// The files are generated from the same values the run-time benchmarks use, and before any
// timing the scalar pipeline's results are checked identical, report by report, to a direct
// evaluation of those values, and the columnar pipeline's output file identical, byte for
// byte, to the scalar pipeline's, and so is the hand-written pipeline's; the hand parser's
// columns must equal the values written; every row must be accepted.
#include "allocations.hpp"
#include "donnees.hpp"
#include "e2e.hpp"

#include <caqes/evaluation/colonnes/evaluer_lot.hpp>
#include <caqes/evaluation/colonnes/lot.hpp>
#include <caqes/evaluation/colonnes/resultats.hpp>
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/io/csv.hpp>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bench {
namespace {

namespace fs = std::filesystem;
constexpr const caqes::modele_contrat_def& def_e2e = g7::def;

// x's digits at p, its sign first; returns the end. Room for 20 characters.
char* ecrire_entier(char* p, std::int64_t x) { return std::to_chars(p, p + 20, x).ptr; }

// "-12,5" from -125 and 1 decimal; "49,32" from 4932 and 2; at p, returning the end. Room for
// 22 characters. Every pipeline writes its lines with this, the hand-written one included, so
// it is written as a hand-writer would: no temporary string, the decimals zero-padded in place.
char* ecrire_decimal(char* p, std::int64_t x, int decimales) {
    std::int64_t puissance = 1;
    for (int i = 0; i < decimales; ++i)
        puissance *= 10;
    if (x < 0) *p++ = '-';
    // |x| without overflow at INT64_MIN.
    const std::uint64_t a = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
    const auto u = static_cast<std::uint64_t>(puissance);
    p = std::to_chars(p, p + 20, a / u).ptr;
    *p++ = ',';
    std::uint64_t reste = a % u;
    for (int i = decimales; i-- > 0; reste /= 10)
        p[i] = static_cast<char>('0' + reste % 10);
    return p + decimales;
}

void ajouter_entier(std::string& s, std::int64_t x) {
    char buf[24];
    s.append(buf, ecrire_entier(buf, x));
}

void ajouter_decimal(std::string& s, std::int64_t x, int decimales) {
    char buf[24];
    s.append(buf, ecrire_decimal(buf, x, decimales));
}

// The digits after the decimal comma the files write for each kind; the hand-written parser's
// columns hold as many (bench::dense).
constexpr int decimales(caqes::type_mesure t) noexcept {
    switch (t) {
        case caqes::type_mesure::taux:
        case caqes::type_mesure::montant:
        case caqes::type_mesure::montant_signe:
            return 2;
        case caqes::type_mesure::taux_evolution:
            return 1;
        default:
            return 0;
    }
}

// A given value as the integer the file writes, its comma left out: a rate of 0.525 at 2
// decimals of a percentage is 5250; oui/partiel/non are 2/1/0 (oui/non: 1/0).
std::int64_t chiffres(const caqes::valeur_mesure& v) {
    const caqes::fraction f = v.v;
    switch (v.type) {
        case caqes::type_mesure::taux:
            return f.num * (10'000 / f.den);
        case caqes::type_mesure::taux_evolution:
            return f.num * (1'000 / f.den);
        default:
            return f.num;
    }
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
    switch (v.type) {
        case type_mesure::oui_non:
            s += v.v.num == 1 ? "oui" : "non";
            break;
        case type_mesure::echelle:
            s += v.v.num == 2 ? "oui" : (v.v.num == 1 ? "partiel" : "non");
            break;
        case type_mesure::nombre:
            ajouter_entier(s, chiffres(v));
            break;
        default:
            ajouter_decimal(s, chiffres(v), decimales(v.type));
            break;
    }
}

struct fichiers {
    fs::path dossier;
    fs::path valeurs;
    fs::path etablissements;
    fs::path sortie;
    fs::path sortie_colonnes;
    fs::path sortie_main;   // the hand-written pipeline's
    std::size_t lignes{0};  // data rows of both files
    std::size_t octets{0};
    std::vector<std::uint64_t> attendues;  // digest per establishment-year, in FINESS then year order
    std::uint64_t somme_dense{0};          // the hand parser's checksum, from the values written (somme_*)
    ~fichiers() {
        std::error_code ec;
        fs::remove_all(dossier, ec);
    }
};

std::unique_ptr<fichiers> g_fichiers;
std::size_t g_lignes_demandees = 0;

// Both files' text, read into buffers every benchmark of this file keeps from one pass to the
// next. After the first pass their pages are mapped, so a pass pays the copy from the page cache
// and not the kernel's mapping of 39 MB of fresh pages. That cost depended on what the process
// had freed before: glibc maps a buffer this large afresh or takes it from its heap depending on
// earlier frees, and the same plain read took 13 ms in one binary and 26 ms in the next, which
// had five times as many page faults. `caqes evaluate` reads through a stream, with no buffer
// of the file's size.
struct textes {
    std::string valeurs;
    std::string etablissements;

    void lire(const fichiers& f) {
        lire_dans(f.valeurs, valeurs);
        lire_dans(f.etablissements, etablissements);
    }

  private:
    static void lire_dans(const fs::path& chemin, std::string& tampon) {
        std::error_code ec;
        const std::uintmax_t taille = fs::file_size(chemin, ec);
        std::FILE* in = ec ? nullptr : std::fopen(chemin.c_str(), "rb");
        if (in == nullptr) {
            std::fprintf(stderr, "e2e: cannot read %s\n", chemin.c_str());
            std::exit(1);
        }
        // Same size as the last pass: no reallocation, and no zeroing either.
        if (tampon.size() != taille) tampon.resize(static_cast<std::size_t>(taille));
        const std::size_t lus = std::fread(tampon.data(), 1, tampon.size(), in);
        const bool fin = std::fgetc(in) == EOF;
        std::fclose(in);
        if (lus != tampon.size() || !fin) {
            std::fprintf(stderr, "e2e: %s changed while read\n", chemin.c_str());
            std::exit(1);
        }
    }
};

// The files read and validated one establishment-year at a time, as `caqes evaluate` reads them
// (lire_rapports_flux: memory bounded by an establishment-year, docs/input-format.md,
// "Memory"), each accepted one handed to `sur_rapport` at once; every row must be accepted.
template <class SurRapport>
void lire(const fichiers& f, textes& t, const caqes::parametres_evaluation& params, SurRapport&& sur_rapport) {
    t.lire(f);
    std::size_t rejets = 0;
    std::string premier_rejet = "-";
    const caqes::csv::bilan_lecture b = caqes::csv::lire_rapports_flux(
        def_e2e, params, {"valeurs.csv", t.valeurs}, {"etablissements.csv", t.etablissements}, nullptr, {},
        [&sur_rapport](const caqes::csv::rapport_lu& r, const caqes::csv::bilan_lecture&) { sur_rapport(r); },
        [&rejets, &premier_rejet](caqes::violation&& v) {
            if (rejets++ == 0) premier_rejet = caqes::texte(v);
        });
    if (rejets != 0 || !b.balanced()) {
        std::fprintf(stderr, "e2e check FAILED: %zu rejections, first: %s\n", rejets, premier_rejet.c_str());
        std::exit(1);
    }
}

constexpr std::string_view entete_sortie =
    "finess;exercice;total_sanctions;total_interessements;socle;transports;pertinence;amelioration_pratiques\n";

// One output line: `nature(i)` and `montant(i)` (cents) of each of the `volets` volets, built
// in a buffer and appended at once.
template <class Nature, class Montant>
void ajouter_ligne(std::string& sortie, std::string_view finess, std::int64_t exercice, std::int64_t sanctions,
                   std::int64_t interessements, std::size_t volets, Nature nature, Montant montant) {
    // A line is at most the FINESS, 3 numbers and, per volet, a nature's name (under 40
    // characters) and an amount: under 400 characters for caqes::volets_max volets.
    static_assert(caqes::volets_max <= 4);
    char ligne[512];
    char* p = ligne;
    if (finess.size() > 64) std::abort();  // a FINESS has nine characters; the readers checked it
    std::memcpy(p, finess.data(), finess.size());
    p += finess.size();
    *p++ = ';';
    p = ecrire_entier(p, exercice);
    *p++ = ';';
    p = ecrire_decimal(p, sanctions, 2);
    *p++ = ';';
    p = ecrire_decimal(p, interessements, 2);
    for (std::size_t i = 0; i < volets; ++i) {
        *p++ = ';';
        const std::string_view n = caqes::nom(nature(i));
        if (n.size() > 40) std::abort();
        std::memcpy(p, n.data(), n.size());
        p += n.size();
        *p++ = ' ';
        p = ecrire_decimal(p, montant(i), 2);
    }
    *p++ = '\n';
    sortie.append(ligne, p);
}

// An output file written as `caqes evaluate` writes its output: each block's lines built in a
// buffer, then written at once, so memory stays bounded by a block.
class sortie_fichier {
  public:
    explicit sortie_fichier(const fs::path& chemin) : chemin_(chemin), f_(std::fopen(chemin.c_str(), "wb")) {
        if (f_ == nullptr) echec();
        tampon_ += entete_sortie;
    }
    sortie_fichier(const sortie_fichier&) = delete;
    sortie_fichier& operator=(const sortie_fichier&) = delete;
    ~sortie_fichier() {
        if (f_ != nullptr) std::fclose(f_);
    }
    [[nodiscard]] std::string& tampon() noexcept { return tampon_; }
    void vider() {
        if (std::fwrite(tampon_.data(), 1, tampon_.size(), f_) != tampon_.size()) echec();
        tampon_.clear();
    }
    void fermer() {
        vider();
        const int r = std::fclose(f_);
        f_ = nullptr;
        if (r != 0) echec();
    }

  private:
    [[noreturn]] void echec() const {
        std::fprintf(stderr, "e2e: cannot write %s\n", chemin_.c_str());
        std::exit(1);
    }
    fs::path chemin_;
    std::FILE* f_;
    std::string tampon_;
};

// The pipeline; returns the number of evaluated establishment-years.
std::size_t pipeline(const fichiers& f, textes& t, std::vector<std::uint64_t>* empreintes) {
    const caqes::parametres_evaluation params{};
    const caqes::politique_grille pol{};
    sortie_fichier sortie{f.sortie};
    std::size_t evalues = 0;
    lire(f, t, params, [&](const caqes::csv::rapport_lu& lu) {
        // The reader validated against def_e2e; the compile-time grid takes the report so typed.
        const caqes::resultat_validation<caqes::rapport_valide_pour<def_e2e>> valide =
            caqes::validate<def_e2e>(lu.rapport);
        if (!valide.ok()) {
            std::fprintf(stderr, "e2e check FAILED: %s\n", caqes::texte(valide.erreurs().front()).c_str());
            std::exit(1);
        }
        const caqes::resultat_evaluation res = caqes::evaluateur<def_e2e>::evaluer(valide.valeur(), pol);
        if (empreintes != nullptr) empreintes->push_back(empreinte_de(res));
        ajouter_ligne(
            sortie.tampon(), lu.finess, lu.rapport.exercice(), res.total_sanctions.valeur,
            res.total_interessements.valeur, res.nombre_volets,
            [&res](std::size_t i) { return res.volets[i].principale.nature; },
            [&res](std::size_t i) { return res.volets[i].principale.montant.valeur; });
        // Written by blocks of the columnar pipeline's size.
        if (++evalues % caqes::colonnes::lot_colonnes::capacite == 0) sortie.vider();
    });
    sortie.fermer();
    return evalues;
}

// The columnar pipeline, as `caqes evaluate` runs it (cli/caqes.cpp, ecriture_par_blocs): each
// report added to a block as soon as it is read, each block closed evaluated into result
// columns and its lines written from them, in input order; beside the blocks, the FINESS of
// each row not yet written. Returns the number of evaluated establishment-years; the output
// goes to `chemin`; `scalaires`, when given, counts the rows the blocks sent to the scalar path.
std::size_t pipeline_colonnes(const fichiers& f, textes& t, const fs::path& chemin, std::size_t* scalaires = nullptr) {
    namespace col = caqes::colonnes;
    const caqes::parametres_evaluation params{};
    const auto grille =
        std::make_shared<const col::grille_lot>(def_e2e, caqes::politique_grille{}, caqes::parametres_valides{});
    col::validateur_lot validateur{grille};
    col::resultats_colonnes<std::int64_t> res;
    // The volets a conclusion writes (the template's, none for a successor scheme).
    const std::size_t volets = caqes::nombre_volets_conclus(def_e2e);
    sortie_fichier sortie{chemin};
    std::vector<std::string> finess;  // of the rows not yet written
    finess.reserve(col::lot_colonnes::capacite);
    std::size_t ecrites = 0;
    auto ecrire_bloc = [&](const col::lot_colonnes& b) {
        col::evaluer_lot(b, res, 0);
        if (scalaires != nullptr) *scalaires += b.lignes_scalaires();
        for (std::size_t i = 0; i < b.taille(); ++i) {
            ajouter_ligne(
                sortie.tampon(), finess[i], res.exercice[i], res.total_sanctions[i], res.total_interessements[i],
                volets, [&res, i](std::size_t v) { return static_cast<caqes::nature_proposition>(res.nature[v][i]); },
                [&res, i](std::size_t v) { return res.propose[v][i]; });
        }
        sortie.vider();
        finess.erase(finess.begin(), finess.begin() + static_cast<std::ptrdiff_t>(b.taille()));
        ecrites += b.taille();
    };
    lire(f, t, params, [&](const caqes::csv::rapport_lu& lu) {
        const caqes::resultat_validation<col::voie_ligne> a = validateur.ajouter(lu.rapport);
        if (!a.ok()) {
            std::fprintf(stderr, "e2e check FAILED: %s\n", caqes::texte(a.erreurs().front()).c_str());
            std::exit(1);
        }
        finess.push_back(lu.finess);
        while (std::optional<col::lot_colonnes> b = validateur.prendre())
            ecrire_bloc(*b);
    });
    while (std::optional<col::lot_colonnes> b = validateur.terminer())
        ecrire_bloc(*b);
    sortie.fermer();
    return ecrites;
}

// The hand-written lower bound of any reader of these files: the code a strong engineer would
// write for this one template, with no validation, no evaluation and no output. It reads the same
// two files as plain_read, then parses every field of every row into dense columns: the
// establishments file first (its rows give the number of establishment-years, so every column is
// sized once), then the values file into one column per measure of the template, fixed-point in
// the measure's kind (decimals below), "NC" and "NR" as sentinels, each row's column found by
// guessing the one after the previous row's (the files list measures in template order) and
// checking its codes, else by a search. A key packs the FINESS and the year into 64 bits. Every
// malformed field counts an error; the bench requires none, and the checksum of the columns to be
// the one computed from the values the generator wrote, so nothing is skipped or optimised away.
namespace dense {

constexpr std::int64_t nc = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t nr = nc + 1;
constexpr std::int64_t vide = nc + 2;  // an empty cell of the establishments file

// One value column of the template: its codes and kind.
struct colonne {
    std::string_view indicateur;
    std::string_view mesure;
    caqes::type_mesure type{};
};

struct colonnes {
    std::vector<colonne> modele;  // in template order
    std::size_t etablissements_annees{0};
    std::vector<std::uint64_t> cle;  // per establishment-year, from the establishments file
    std::vector<std::int32_t> annee_contrat;
    std::vector<std::int64_t> produits;                                  // cents
    std::vector<std::int32_t> annee_produits;                            // 0: not given
    std::array<std::vector<std::int64_t>, caqes::volets_max> economies;  // cents, or vide
    std::array<std::vector<std::int64_t>, caqes::volets_max> decision;   // cents, or vide
    std::array<std::vector<std::uint8_t>, caqes::volets_max> nature;     // 1 + index in natures_decision, 0: none
    std::vector<std::vector<std::int64_t>> valeurs;                      // [column][establishment-year]
    std::vector<std::uint64_t> cle_valeurs;                              // per establishment-year, values file
    std::size_t lignes{0};
    std::size_t erreurs{0};
};

// The FINESS (nine characters: a department code of two digits or 2A/2B, then seven digits) and
// the year, packed; the error count grows on a malformed one.
inline std::uint64_t cle(std::string_view finess, std::string_view annee, std::size_t& erreurs) {
    std::uint64_t dep = 0;
    std::uint64_t reste = 0;
    std::uint64_t an = 0;
    bool ok = finess.size() == 9 && annee.size() == 4;
    if (ok) {
        const char a = finess[0];
        const char b = finess[1];
        if (a == '2' && (b == 'A' || b == 'B')) {
            dep = b == 'A' ? 100 : 101;
        } else {
            ok = a >= '0' && a <= '9' && b >= '0' && b <= '9';
            dep = static_cast<std::uint64_t>(a - '0') * 10 + static_cast<std::uint64_t>(b - '0');
        }
        for (std::size_t i = 2; i < 9; ++i) {
            const auto d = static_cast<unsigned>(finess[i] - '0');
            ok = ok && d < 10;
            reste = reste * 10 + d;
        }
        for (const char c : annee) {
            const auto d = static_cast<unsigned>(c - '0');
            ok = ok && d < 10;
            an = an * 10 + d;
        }
    }
    erreurs += ok ? 0 : 1;
    return ((dep * 10'000'000 + reste) << 14U) | an;
}

// A decimal with a comma ("-12,5"), at `dec` digits after the comma: 12,5 at 2 is 1250. More
// digits than the column holds, or none, or anything else, is an error.
inline std::int64_t decimal(std::string_view t, int dec, std::size_t& erreurs) {
    const bool negatif = !t.empty() && t.front() == '-';
    std::size_t i = negatif ? 1 : 0;
    std::int64_t v = 0;
    std::size_t chiffres = 0;
    for (; i < t.size() && t[i] != ','; ++i, ++chiffres) {
        const auto d = static_cast<unsigned>(t[i] - '0');
        if (d > 9) break;
        v = v * 10 + d;
    }
    int apres = 0;
    if (i < t.size() && t[i] == ',') {
        for (++i; i < t.size(); ++i, ++apres, ++chiffres) {
            const auto d = static_cast<unsigned>(t[i] - '0');
            if (d > 9) break;
            v = v * 10 + d;
        }
    }
    if (i != t.size() || chiffres == 0 || chiffres > 18 || apres > dec) {
        ++erreurs;
        return 0;
    }
    for (; apres < dec; ++apres)
        v *= 10;
    return negatif ? -v : v;
}

inline std::int64_t entier(std::string_view t, std::size_t& erreurs) { return decimal(t, 0, erreurs); }

// The next field of `ligne` from `pos`, up to ';' or the end. Fields are a few bytes: a loop
// over them costs less than a call to memchr per field (hand_pipeline 7 % faster).
inline std::string_view champ(std::string_view ligne, std::size_t& pos) {
    const std::size_t debut = pos;
    std::size_t fin = pos;
    while (fin < ligne.size() && ligne[fin] != ';')
        ++fin;
    pos = fin < ligne.size() ? fin + 1 : ligne.size();
    return ligne.substr(debut, fin - debut);
}

// Each line of `texte` after the header, its '\r' dropped, to `f`.
template <class F>
void lignes(std::string_view texte, F&& f) {
    std::size_t pos = texte.find('\n');
    pos = pos == std::string_view::npos ? texte.size() : pos + 1;
    while (pos < texte.size()) {
        std::size_t fin = texte.find('\n', pos);
        if (fin == std::string_view::npos) fin = texte.size();
        std::string_view l = texte.substr(pos, fin - pos);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (!l.empty()) f(l);
        pos = fin + 1;
    }
}

inline void lire_etablissements(std::string_view texte, colonnes& c) {
    std::size_t n = 0;
    lignes(texte, [&n](std::string_view) { ++n; });
    c.etablissements_annees = n;
    c.cle.resize(n);
    c.annee_contrat.resize(n);
    c.produits.resize(n);
    c.annee_produits.resize(n);
    for (std::size_t v = 0; v < caqes::volets_max; ++v) {
        c.economies[v].resize(n);
        c.decision[v].resize(n);
        c.nature[v].resize(n);
    }
    std::size_t e = 0;
    lignes(texte, [&](std::string_view l) {
        std::size_t pos = 0;
        const std::string_view finess = champ(l, pos);
        c.cle[e] = cle(finess, champ(l, pos), c.erreurs);
        c.annee_contrat[e] = static_cast<std::int32_t>(entier(champ(l, pos), c.erreurs));
        c.produits[e] = decimal(champ(l, pos), 2, c.erreurs);
        const std::string_view ap = champ(l, pos);
        c.annee_produits[e] = ap.empty() ? 0 : static_cast<std::int32_t>(entier(ap, c.erreurs));
        for (std::size_t v = 0; v < caqes::volets_max; ++v) {
            const std::string_view x = champ(l, pos);
            c.economies[v][e] = x.empty() ? vide : decimal(x, 2, c.erreurs);
        }
        for (std::size_t v = 0; v < caqes::volets_max; ++v) {
            const std::string_view x = champ(l, pos);
            c.decision[v][e] = x.empty() ? vide : decimal(x, 2, c.erreurs);
        }
        for (std::size_t v = 0; v < caqes::volets_max; ++v) {
            const std::string_view x = champ(l, pos);
            std::uint8_t k = 0;
            for (std::size_t i = 0; i < caqes::csv::natures_decision.size() && !x.empty(); ++i) {
                if (x == caqes::csv::natures_decision[i].mot) k = static_cast<std::uint8_t>(i + 1);
            }
            c.erreurs += !x.empty() && k == 0 ? 1 : 0;
            c.nature[v][e] = k;
        }
        c.erreurs += pos == l.size() ? 0 : 1;  // no field left over
        ++e;
    });
    c.lignes += n;
}

// The values file in one pass over its bytes: each row's "finess;exercice;" compared to the
// previous row's before it is decoded, its indicator and measure codes compared in place to
// those of the column after the previous row's. Each value goes to `ranger(j, e, v)`: column j
// of the template, establishment-year e, v in the column's fixed point or `nc` or `nr`; the
// caller has set every cell to "non renseigne", as a row left out means.
template <class Ranger>
void lire_valeurs(std::string_view texte, colonnes& c, Ranger&& ranger) {
    const std::size_t n = c.etablissements_annees;
    const std::size_t colonnes_modele = c.modele.size();
    c.cle_valeurs.resize(n);
    std::size_t g = 0;                    // the establishment-year at hand, plus one
    std::size_t j = colonnes_modele - 1;  // the previous row's column
    const char* p = texte.data();
    const char* const fin = p + texte.size();
    const char* cle_texte = nullptr;  // the previous row's key, in the text
    auto fin_ligne = [fin](const char* q) {
        while (q < fin && *q != '\n')
            ++q;
        return q;
    };
    p = fin_ligne(p) + 1;                       // the header
    constexpr std::ptrdiff_t largeur_cle = 15;  // "750000001;2018;"
    while (p < fin) {
        const char* const eol = fin_ligne(p);
        const std::string_view ligne{p, static_cast<std::size_t>(eol - p)};
        p = eol + 1;
        if (ligne.empty() || ligne == "\r") continue;
        ++c.lignes;
        if (eol - ligne.data() < largeur_cle || ligne[9] != ';' || ligne[14] != ';') {
            ++c.erreurs;
            continue;
        }
        if (cle_texte == nullptr || std::memcmp(ligne.data(), cle_texte, largeur_cle) != 0) {
            if (g == n) {
                ++c.erreurs;
                continue;
            }
            c.cle_valeurs[g++] = cle(ligne.substr(0, 9), ligne.substr(10, 4), c.erreurs);
            cle_texte = ligne.data();
        }
        std::string_view reste = ligne.substr(largeur_cle);
        j = j + 1 == colonnes_modele ? 0 : j + 1;
        const colonne& x = c.modele[j];
        const std::size_t ni = x.indicateur.size();
        const std::size_t nm = x.mesure.size();
        if (reste.size() > ni + nm + 1 && reste[ni] == ';' && reste[ni + 1 + nm] == ';' &&
            std::memcmp(reste.data(), x.indicateur.data(), ni) == 0 &&
            std::memcmp(reste.data() + ni + 1, x.mesure.data(), nm) == 0) {
            reste.remove_prefix(ni + nm + 2);
        } else {
            std::size_t pos = 0;
            const std::string_view ind = champ(reste, pos);
            const std::string_view mes = champ(reste, pos);
            reste.remove_prefix(pos);
            j = colonnes_modele;
            for (std::size_t i = 0; i < colonnes_modele; ++i) {
                if (c.modele[i].indicateur == ind && c.modele[i].mesure == mes) j = i;
            }
            if (j == colonnes_modele) {
                ++c.erreurs;
                j = 0;
                continue;
            }
        }
        if (!reste.empty() && reste.back() == '\r') reste.remove_suffix(1);
        std::int64_t v = 0;
        if (reste == "NC") {
            v = nc;
        } else if (reste == "NR") {
            v = nr;
        } else {
            switch (c.modele[j].type) {
                case caqes::type_mesure::oui_non:
                    v = reste == "oui" ? 1 : 0;
                    c.erreurs += reste == "oui" || reste == "non" ? 0 : 1;
                    break;
                case caqes::type_mesure::echelle:
                    v = reste == "oui" ? 2 : (reste == "partiel" ? 1 : 0);
                    c.erreurs += reste == "oui" || reste == "partiel" || reste == "non" ? 0 : 1;
                    break;
                default:
                    v = decimal(reste, bench::decimales(c.modele[j].type), c.erreurs);
                    break;
            }
        }
        ranger(j, g - 1, v);
    }
}

// The same into `c.valeurs`, one int64 column per measure: the hand parser's own columns.
inline void lire_valeurs(std::string_view texte, colonnes& c) {
    c.valeurs.resize(c.modele.size());
    for (auto& col : c.valeurs)
        col.assign(c.etablissements_annees, nr);
    lire_valeurs(texte, c, [&c](std::size_t j, std::size_t e, std::int64_t v) { c.valeurs[j][e] = v; });
}

// The checksum of the columns: every field, weighted by its column.
inline std::uint64_t somme(const colonnes& c) {
    std::uint64_t s = 0;
    for (std::size_t e = 0; e < c.etablissements_annees; ++e) {
        s += c.cle[e] + static_cast<std::uint64_t>(c.annee_contrat[e]) * 3 + static_cast<std::uint64_t>(c.produits[e]) +
             static_cast<std::uint64_t>(c.annee_produits[e]) * 5;
        for (std::size_t v = 0; v < caqes::volets_max; ++v) {
            s += static_cast<std::uint64_t>(c.economies[v][e]) * (v + 7) +
                 static_cast<std::uint64_t>(c.decision[v][e]) * (v + 11) + c.nature[v][e] * (v + 13);
        }
        s += c.cle_valeurs[e] * 17;
    }
    for (std::size_t j = 0; j < c.valeurs.size(); ++j) {
        for (const std::int64_t v : c.valeurs[j])
            s += static_cast<std::uint64_t>(v) * (j + 19);
    }
    return s;
}

inline std::vector<colonne> colonnes_du_modele(const caqes::modele_contrat_def& m) {
    std::vector<colonne> r;
    for (const auto& v : m.volets) {
        for (const auto& ind : v.grille) {
            for (const auto& x : ind.mesures) {
                if (!x.vide()) r.push_back({ind.code, x.code, x.type});
            }
        }
    }
    return r;
}

}  // namespace dense

// One pass of the hand-written lower bound: both files read as plain_read reads them, then
// parsed into `c` (its columns reused from one pass to the next, as a hand-written loop would).
std::size_t passe_dense(const fichiers& f, textes& t, dense::colonnes& c) {
    t.lire(f);
    c.lignes = 0;
    c.erreurs = 0;
    dense::lire_etablissements(t.etablissements, c);
    dense::lire_valeurs(t.valeurs, c);
    return c.lignes;
}

// The hand parser read `lignes` rows into `c`: every row of both files, no error, the checksum of
// the values written.
void verifier_dense(const fichiers& f, const dense::colonnes& c, std::size_t lignes) {
    if (lignes != f.lignes || c.erreurs != 0 || dense::somme(c) != f.somme_dense) {
        std::fprintf(stderr, "e2e check FAILED: the hand parser read %zu rows (%zu), %zu errors, checksum %s\n", lignes,
                     f.lignes, c.erreurs, dense::somme(c) == f.somme_dense ? "equal" : "differs");
        std::exit(1);
    }
}

// The hand-written lower bound of the whole job (`hand_pipeline`): the hand parser above, each
// value stored straight into the typed columns of this grid's dense baseline (a) (g7::dense in
// the generated grilles_bench.hpp: int32, int64 or a byte per measure, with its sentinels),
// then, block by block, (a)'s loops into one block of result columns and the block's lines
// written as the other pipelines write theirs. Nothing is validated: it is the code a strong
// engineer would write for this one template, trusting its input, as a bound on the toolkit's
// whole job. Its output must be the scalar pipeline's file, byte for byte.
namespace main_entiere {

using grille = g7::dense;
static_assert(&g7::def == &def_e2e, "the dense loops are those of the template the files are written for");

struct etat {
    textes t;                // the files' text
    dense::colonnes c;       // keys, the establishments file's fields, counts
    col::colonnes_denses d;  // the values, typed, and the fields (a) reads
    col::resultats r;        // one block's result columns
    std::unique_ptr<col::scores_bloc> s = std::make_unique<col::scores_bloc>();
    std::string finess;  // the FINESS of the line being written
};

// Value v (the hand parser's fixed point, its nc and nr) into cell `c` of storage T, whose
// sentinels are `nc_t` and `nr_t` and whose values run from `bas` to `haut`; an error where it
// does not fit.
template <class T>
inline void poser(T& c, std::int64_t v, T nc_t, T nr_t, std::int64_t bas, std::int64_t haut, std::size_t& erreurs) {
    if (v == dense::nc || v == dense::nr) {
        c = v == dense::nc ? nc_t : nr_t;
    } else if (v < bas || v > haut) {
        ++erreurs;
    } else {
        c = static_cast<T>(v);
    }
}

// Value v of column j into its typed column.
inline void ranger(col::colonnes_denses& d, std::size_t j, std::size_t e, std::int64_t v, std::size_t& erreurs) {
    const col::colonne_dense& x = grille::colonnes[j];
    switch (x.st) {
        case col::stockage::i32:
            poser(d.i32[x.index][e], v, col::nc32, col::nr32, std::int64_t{col::nc32} + 1,
                  std::numeric_limits<std::int32_t>::max(), erreurs);
            break;
        case col::stockage::i64:
            poser(d.i64[x.index][e], v, col::nc64, col::nr64, col::nc64 + 1, std::numeric_limits<std::int64_t>::max(),
                  erreurs);
            break;
        case col::stockage::u8:
            poser(d.u8[x.index][e], v, col::nc8, col::nr8, 0, col::nc8 - 1, erreurs);
            break;
    }
}

// The nine characters of the FINESS a key packs (dense::cle).
inline void finess_de(std::uint64_t cle, std::string& f) {
    const std::uint64_t x = cle >> 14U;
    const std::uint64_t dep = x / 10'000'000;
    std::uint64_t reste = x % 10'000'000;
    f.resize(9);
    if (dep >= 100) {
        f[0] = '2';
        f[1] = dep == 100 ? 'A' : 'B';
    } else {
        f[0] = static_cast<char>('0' + dep / 10);
        f[1] = static_cast<char>('0' + dep % 10);
    }
    for (std::size_t i = 9; i-- > 2; reste /= 10)
        f[i] = static_cast<char>('0' + reste % 10);
}

// One pass: both files parsed, every establishment-year evaluated and its line written to
// `chemin`. Returns the establishment-years written.
inline std::size_t passe(const fichiers& f, etat& x, const fs::path& chemin) {
    dense::colonnes& c = x.c;
    col::colonnes_denses& d = x.d;
    x.t.lire(f);
    c.lignes = 0;
    c.erreurs = 0;
    dense::lire_etablissements(x.t.etablissements, c);
    const std::size_t n = c.etablissements_annees;
    if (d.n != n) d.dimensionner(n, grille::n_i32, grille::n_i64, grille::n_u8);
    // Every cell "non renseigne" until its row is read, as the hand parser's own columns.
    for (auto& k : d.i32)
        std::fill(k.begin(), k.end(), col::nr32);
    for (auto& k : d.i64)
        std::fill(k.begin(), k.end(), col::nr64);
    for (auto& k : d.u8)
        std::fill(k.begin(), k.end(), col::nr8);
    dense::lire_valeurs(x.t.valeurs, c,
                        [&d, &c](std::size_t j, std::size_t e, std::int64_t v) { ranger(d, j, e, v, c.erreurs); });
    // The establishments' fields (a) reads: revenue, savings (an empty cell is "non
    // renseignees"), and every volet in its term (the files' contracts cover every exercise).
    for (std::size_t e = 0; e < n; ++e) {
        d.produits[e] = c.produits[e];
        for (std::size_t v = 0; v < caqes::volets_max; ++v)
            d.economies[v][e] = c.economies[v][e] == dense::vide ? col::sans_montant : c.economies[v][e];
        d.en_terme[e] = 0xF;
    }
    if (x.r.taille() != col::bloc) x.r.dimensionner(col::bloc);
    sortie_fichier sortie{chemin};
    const std::size_t volets = caqes::nombre_volets_conclus(def_e2e);
    for (std::size_t debut = 0; debut < n; debut += col::bloc) {
        const std::size_t taille = std::min(col::bloc, n - debut);
        grille::evaluer(d, debut, taille, *x.s, x.r, 0);
        for (std::size_t i = 0; i < taille; ++i) {
            const std::uint64_t cle = c.cle[debut + i];
            finess_de(cle, x.finess);
            ajouter_ligne(
                sortie.tampon(), x.finess, static_cast<std::int64_t>(cle & 0x3FFFU), x.r.total_sanctions[i],
                x.r.total_interessements[i], volets,
                [&x, i](std::size_t v) { return static_cast<caqes::nature_proposition>(x.r.nature[v][i]); },
                [&x, i](std::size_t v) { return x.r.propose[v][i]; });
        }
        sortie.vider();
    }
    sortie.fermer();
    return c.erreurs == 0 ? n : 0;
}

}  // namespace main_entiere

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
    f->sortie_main = f->dossier / "resultats_main.csv";

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
    // The hand parser's columns, built from the values written rather than read, for its checksum.
    dense::colonnes attendu;
    attendu.modele = dense::colonnes_du_modele(def_e2e);
    attendu.valeurs.resize(attendu.modele.size());
    for (std::size_t e = 0; e < etabs; ++e) {
        char finess[32];
        std::snprintf(finess, sizeof finess, "75%07zu", e + 1);
        for (std::size_t y = 0; y < annees; ++y) {
            const int exercice = 2017 + static_cast<int>(y);
            rapport_genere(a, def_e2e, brut);
            brut.champs.exercice = exercice;
            brut.champs.date_evaluation = {};  // the files below give none (and 2020-06-30 precedes 2021)
            const std::uint64_t cle = dense::cle(finess, std::to_string(exercice), attendu.erreurs);
            ++attendu.etablissements_annees;
            attendu.cle.push_back(cle);
            attendu.cle_valeurs.push_back(cle);
            attendu.annee_contrat.push_back(2);
            attendu.produits.push_back(brut.champs.produits_assurance_maladie.valeur);
            attendu.annee_produits.push_back(0);
            for (std::size_t iv = 0; iv < caqes::volets_max; ++iv) {
                std::int64_t eco = dense::vide;
                for (const caqes::montant_volet& c : brut.economies) {
                    if (c.volet == def_e2e.volets[iv].volet) eco = c.montant.valeur;
                }
                attendu.economies[iv].push_back(eco);
                attendu.decision[iv].push_back(dense::vide);
                attendu.nature[iv].push_back(0);
            }
            for (auto& col : attendu.valeurs)
                col.push_back(dense::nr);
            for (const caqes::saisie_indicateur& s : brut.valeurs) {
                for (const caqes::saisie_mesure& m : s.mesures) {
                    if (m.mesure.empty()) continue;
                    for (std::size_t j = 0; j < attendu.modele.size(); ++j) {
                        if (attendu.modele[j].indicateur != s.indicateur || attendu.modele[j].mesure != m.mesure)
                            continue;
                        const caqes::etat_valeur etat = m.valeur.etat;
                        attendu.valeurs[j].back() = etat == caqes::etat_valeur::non_concernee    ? dense::nc
                                                    : etat == caqes::etat_valeur::non_renseignee ? dense::nr
                                                                                                 : chiffres(m.valeur);
                    }
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
            f->attendues.push_back(empreinte_de(caqes::evaluateur<def_e2e>::evaluer(valide.valeur())));
        }
    }
    f->octets = tv.size() + te.size();
    f->somme_dense = dense::somme(attendu);
    std::ofstream{f->valeurs, std::ios::binary} << tv;
    std::ofstream{f->etablissements, std::ios::binary} << te;

    // Before timing: every row accepted, every result identical to the direct evaluation.
    std::vector<std::uint64_t> obtenues;
    textes t;
    const std::size_t n = pipeline(*f, t, &obtenues);
    if (n != f->attendues.size() || obtenues != f->attendues) {
        std::fprintf(stderr, "e2e check FAILED: %zu establishment-years evaluated, %zu expected, results %s\n", n,
                     f->attendues.size(), obtenues == f->attendues ? "equal" : "differ");
        std::exit(1);
    }
    // The columnar pipeline writes the scalar pipeline's file, byte for byte.
    std::size_t scalaires = 0;
    const std::size_t nc = pipeline_colonnes(*f, t, f->sortie_colonnes, &scalaires);
    const caqes::csv::parsed<std::string> scalaire = caqes::csv::read_file(f->sortie.string());
    const caqes::csv::parsed<std::string> colonnes = caqes::csv::read_file(f->sortie_colonnes.string());
    if (nc != n || !scalaire.ok() || !colonnes.ok() || scalaire.value != colonnes.value) {
        std::fprintf(stderr,
                     "e2e check FAILED: the columnar pipeline evaluated %zu establishment-years (%zu), output %s\n", nc,
                     n, scalaire.value == colonnes.value ? "identical" : "differs");
        std::exit(1);
    }
    // The hand-written parser reads every row, without an error, into the columns written.
    dense::colonnes c;
    c.modele = dense::colonnes_du_modele(def_e2e);
    verifier_dense(*f, c, passe_dense(*f, t, c));
    // The hand-written pipeline writes the scalar pipeline's file, byte for byte.
    main_entiere::etat m;
    m.c.modele = dense::colonnes_du_modele(def_e2e);
    const std::size_t nm = main_entiere::passe(*f, m, f->sortie_main);
    const caqes::csv::parsed<std::string> main = caqes::csv::read_file(f->sortie_main.string());
    if (nm != n || !main.ok() || main.value != scalaire.value) {
        std::fprintf(stderr,
                     "e2e check FAILED: the hand-written pipeline wrote %zu establishment-years (%zu), output %s\n", nm,
                     n, main.value == scalaire.value ? "identical" : "differs");
        std::exit(1);
    }
    std::fprintf(stderr,
                 "check e2e/rows%zu: %zu rows (%.1f MB) all accepted; %zu establishment-years identical to the direct "
                 "evaluation; the columnar pipeline's output identical to the scalar one's (%zu of its rows on the "
                 "scalar path); the hand parser's columns identical to the values written; the hand-written pipeline's "
                 "output identical to the scalar one's\n",
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
    textes t;
    std::size_t acc = 0;
    const std::uint64_t allocs_avant = allocations();
    for (auto _ : state) {
        acc += passe(f, t);
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
    mesurer_pipeline(state, [](const fichiers& f, textes& t) { return pipeline(f, t, nullptr); });
}

void bm_colonnes(benchmark::State& state) {
    mesurer_pipeline(state, [](const fichiers& f, textes& t) { return pipeline_colonnes(f, t, f.sortie_colonnes); });
}

// The hand-written lower bound: both files read and parsed into dense columns (bench::dense).
void bm_dense(benchmark::State& state) {
    const fichiers& f = obtenir_fichiers(static_cast<std::size_t>(state.range(0)));
    textes t;
    dense::colonnes c;
    c.modele = dense::colonnes_du_modele(def_e2e);
    std::size_t lignes = 0;
    for (auto _ : state) {
        lignes = passe_dense(f, t, c);
        benchmark::DoNotOptimize(lignes);
        benchmark::ClobberMemory();
    }
    // The last pass's columns, checked outside the timing.
    verifier_dense(f, c, lignes);
    const auto it = static_cast<std::int64_t>(state.iterations());
    state.SetItemsProcessed(it * static_cast<std::int64_t>(f.lignes));
    state.SetBytesProcessed(it * static_cast<std::int64_t>(f.octets));
    state.counters["rows"] = benchmark::Counter(static_cast<double>(f.lignes));
}

// The hand-written lower bound of the whole job (main_entiere).
void bm_main(benchmark::State& state) {
    main_entiere::etat x;
    x.c.modele = dense::colonnes_du_modele(def_e2e);
    // The hand-written pipeline keeps its own buffers (x.t), as it keeps its columns.
    mesurer_pipeline(state, [&x](const fichiers& f, textes&) { return main_entiere::passe(f, x, f.sortie_main); });
}

// A plain read: both files read, every byte touched once by counting the lines, with the
// vectorised count the reader uses (csv::detail::compter_lf). std::count, used before, ran at
// 4.4 GB/s, slower than the copy from the page cache it followed, and took three quarters of
// the plain read's time (docs/performance.md, "The whole job by hand").
void bm_lecture_simple(benchmark::State& state) {
    const fichiers& f = obtenir_fichiers(static_cast<std::size_t>(state.range(0)));
    textes t;
    std::size_t acc = 0;
    for (auto _ : state) {
        t.lire(f);
        for (const std::string* x : {&t.valeurs, &t.etablissements})
            acc += caqes::csv::detail::compter_lf(*x);
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
        benchmark::RegisterBenchmark((p + "/hand_parse").c_str(), bm_dense)
            ->Arg(lignes)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark((p + "/hand_pipeline").c_str(), bm_main)
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
