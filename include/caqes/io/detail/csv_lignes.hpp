#pragma once
// Machinery of the batch reader, not for users (include <caqes/io/csv.hpp>): what every file
// shares. The violations and row counts of one file (`journal`), its header read against the
// expected columns (`lire_entete`), a file opened and refused whole (`ouvrir`, `refuser`), the
// establishment-year key in 64 bits and the index on it (`index_cles`), the shape of a row
// (`forme_valide`) and the establishment-year key (`lire_cle`).
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/etablissement.hpp>
#include <caqes/contrat/instance.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/contrat/validation.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/evaluation/validation.hpp>
#include <caqes/io/csv_date.hpp>
#include <caqes/io/csv_dialect.hpp>
#include <caqes/io/csv_lot.hpp>
#include <caqes/io/csv_number.hpp>
#include <caqes/io/csv_records.hpp>
#include <caqes/io/csv_text.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/format.hpp>
#include <caqes/monnaie/montant.hpp>
#include <caqes/volet/volet.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes::csv::detail {

inline constexpr std::size_t absent = std::numeric_limits<std::size_t>::max();

[[nodiscard]] constexpr bool equal_ci(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// The violations and counts of one file. Rows are decided one at a time: `ligne` starts a
// row, whose first rejection counts it rejected (its later violations are reported too); a
// row left pending (a values row waiting for its establishment-year to close, an
// establishments or contracts row waiting for the values file) is counted when it is decided
// (`accepter`, `rejeter_lignes`). Violations go to `out`, which the reader drains to the
// caller after each row; `emis` counts those already handed over, so a violation's index is
// its rank among all the rejections of the batch.
class journal {
  public:
    journal(std::string file, violations& out, reconciliation& rec, const std::size_t& emis)
            : file_{std::move(file)}, out_{out}, rec_{rec}, emis_{emis} {}

    [[nodiscard]] std::string lieu(std::size_t line, std::string_view field) const {
        return concat(file_, ":", std::to_string(line), ":", field);
    }

    // Records a violation and returns its index.
    std::size_t signaler(regle r, std::size_t line, std::string_view field, std::string detail) {
        out_.push_back({r, lieu(line, field), std::move(detail)});
        return emis_ + out_.size() - 1;
    }

    // A new data row, at physical line `line`.
    void ligne(std::size_t line) noexcept {
        ligne_ = line;
        rejetee_ = false;
        qui_.clear();
        ++rec_.read;
    }
    // Whose the current row is ("FINESS YEAR", or "FINESS" while its year is read), once its key
    // cells tell: its later rejections start by naming it, as the rejections of its
    // establishment-year do, so a reader of the violations (`caqes explain`) finds them by it.
    void nommer(std::string qui) { qui_ = std::move(qui); }
    [[nodiscard]] std::size_t ligne() const noexcept { return ligne_; }
    [[nodiscard]] bool rejetee() const noexcept { return rejetee_; }

    // Rejects the current row for a new violation; returns its index.
    std::size_t rejeter(regle r, std::string_view field, std::string detail) {
        const std::size_t i = signaler(r, ligne_, field, qui_.empty() ? std::move(detail) : concat(qui_, ": ", detail));
        rejeter();
        return i;
    }
    // Rejects the current row for a violation already reported.
    void rejeter() noexcept {
        if (rejetee_) return;
        rejetee_ = true;
        ++rec_.rejected;
    }

    // Rows decided after their own turn.
    void accepter(std::size_t n = 1) noexcept { rec_.accepted += n; }
    void rejeter_lignes(std::size_t n = 1) noexcept { rec_.rejected += n; }

    [[nodiscard]] const std::string& file() const noexcept { return file_; }

  private:
    std::string file_;
    violations& out_;
    reconciliation& rec_;
    const std::size_t& emis_;
    std::size_t ligne_{0};
    bool rejetee_{false};
    std::string qui_;
};

// The header's columns by name. Every expected column once, nothing else: a misspelt column
// would otherwise be read as a missing one, silently.
struct entete {
    std::vector<std::string> noms;
    std::string erreur;                     // empty when the header is valid
    std::string champ;                      // the column the error is about
    std::size_t ligne{1};                   // the line it is on
    regle id{regle::fichier_inutilisable};  // the rule `erreur` breaks

    [[nodiscard]] std::size_t colonne(std::string_view nom) const noexcept {
        for (std::size_t i = 0; i < noms.size(); ++i) {
            if (noms[i] == nom) return i;
        }
        return absent;
    }
};

// A column name as a location cites it: itself when it is a plain identifier, else its
// position, so that a crafted header cannot put arbitrary text into every location.
[[nodiscard]] inline std::string nom_de_colonne(std::string_view nom, std::size_t i) {
    bool simple = !nom.empty() && nom.size() <= quoted_max;
    for (const char c : nom)
        simple = simple && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    return simple ? std::string{nom} : concat("column ", std::to_string(i + 1));
}

// The header of a file that is not UTF-8, or whose separator or line ends are not ours, is
// unusable (CAQES-E041, CAQES-E042): every row of the file is rejected with it.
// `optionnelles`: groups of columns a file may leave out, each absent or complete.
[[nodiscard]] inline entete lire_entete(const table& t, const std::vector<std::string>& attendues,
                                        const apercu_fichier& ap,
                                        const std::vector<std::vector<std::string>>& optionnelles = {}) {
    entete e{};
    const std::string_view texte_fichier = ap.head;
    // UTF-16 writes CR LF as CR NUL LF NUL: it would read as CRs alone, so the encoding is
    // named first.
    if (looks_like_utf16(texte_fichier)) {
        const std::size_t nul = texte_fichier.find('\0');
        e.erreur = concat("not UTF-8: the file looks like UTF-16 (",
                          nul == std::string_view::npos ? std::string{"a UTF-16 byte-order mark"}
                                                        : concat("a NUL byte at byte ", std::to_string(nul + 1)),
                          "); save it as UTF-8 (spreadsheet: \"CSV UTF-8\"; or iconv -f UTF-16 -t UTF-8)");
        e.champ = "header";
        e.id = regle::encodage_invalide;
        return e;
    }
    if (t.lone_cr) {
        // Reading stopped there (csv_records.hpp): what came before is not the whole file.
        const std::size_t cr = ap.cr;
        const std::size_t crlf = ap.crlf;
        e.erreur = concat("line end: a carriage return (CR) not followed by a line feed (LF), at byte ",
                          std::to_string(t.lone_cr->byte), " of line ", std::to_string(t.lone_cr->line),
                          "; the file has ", std::to_string(cr - crlf), " CR alone and ", std::to_string(crlf),
                          " CR LF: line ends are LF or CR LF, and CR alone (classic Mac OS) "
                          "is none; save the file with CRLF or LF line ends");
        e.champ = concat("byte ", std::to_string(t.lone_cr->byte));
        e.ligne = t.lone_cr->line;
        return e;
    }
    if (!t.header) {
        e.erreur = "empty file: no header line";
        e.champ = attendues.front();
        return e;
    }
    // Blank lines may come before it: a header error cites the header's own line.
    e.ligne = t.header->line;
    if (!t.header->ok()) {
        e.erreur = concat("malformed header: ", t.header->error);
        e.champ = "header";
        return e;
    }
    for (std::size_t i = 0; i < t.header->fields.size(); ++i) {
        const std::string& f = t.header->fields[i];
        if (const std::optional<std::size_t> o = invalid_utf8(f)) {
            e.erreur = concat("header: ", not_utf8(f, *o, texte_fichier));
            e.champ = concat("column ", std::to_string(i + 1));
            e.id = regle::encodage_invalide;
            return e;
        }
    }
    if (t.header->fields.size() == 1 && t.header->fields[0].find('\t') != std::string::npos) {
        e.erreur = concat("header: ", quoted_field(t.header->fields[0]),
                          " has tabs and no ';' or ',': tab-separated files are not read; save as CSV, ';' (French) or "
                          "',' (plain) between fields");
        e.champ = "column 1";
        return e;
    }
    for (const auto& f : t.header->fields)
        e.noms.emplace_back(trim(f));
    for (std::size_t i = 0; i < e.noms.size(); ++i) {
        if (e.noms[i].empty()) {
            const bool derniere = i + 1 == e.noms.size();
            e.erreur = concat("column ", std::to_string(i + 1), " of ", std::to_string(e.noms.size()), " has no name",
                              derniere ? concat(": a trailing '", std::string(1, separator(t.d)),
                                                "' at the end of the header line? remove it")
                                       : std::string{": every column needs its header name"});
            e.champ = concat("column ", std::to_string(i + 1));
            return e;
        }
        bool connue = false;
        for (const auto& a : attendues)
            connue = connue || a == e.noms[i];
        for (const auto& g : optionnelles) {
            for (const auto& a : g)
                connue = connue || a == e.noms[i];
        }
        if (!connue) {
            e.erreur = concat("unknown column ", quoted_field(e.noms[i]), " (", name(t.d), " dialect)");
            e.champ = nom_de_colonne(e.noms[i], i);
            return e;
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (e.noms[j] == e.noms[i]) {
                e.erreur = concat("column \"", e.noms[i], "\" appears twice");
                e.champ = e.noms[i];
                return e;
            }
        }
    }
    for (const auto& a : attendues) {
        if (e.colonne(a) == absent) {
            e.erreur = concat("missing column \"", a, "\"");
            e.champ = a;
            return e;
        }
    }
    for (const auto& g : optionnelles) {
        const std::string* donnee = nullptr;
        const std::string* manquante = nullptr;
        for (const auto& a : g) {
            if (e.colonne(a) == absent) {
                manquante = manquante != nullptr ? manquante : &a;
            } else {
                donnee = donnee != nullptr ? donnee : &a;
            }
        }
        if (donnee != nullptr && manquante != nullptr) {
            e.erreur = concat("column \"", *donnee, "\" is given without \"", *manquante, "\": these ",
                              std::to_string(g.size()), " columns go together, all or none");
            e.champ = *manquante;
            return e;
        }
    }
    return e;
}

// A row that has a wrong number of fields for the header's dialect but the right number for
// the other one was written in the other dialect: say so, rather than count fields.
// The text of a record's error, owned or viewed.
[[nodiscard]] inline std::string_view erreur_de(const record& r) noexcept { return r.error; }
[[nodiscard]] constexpr std::string_view erreur_de(const record_view& r) noexcept { return message(r.error); }

template <class R>
[[nodiscard]] std::string champs_en_trop(const R& r, const entete& e, dialect d) {
    std::string ligne;
    for (std::size_t i = 0; i < r.fields.size(); ++i)
        ligne += concat(i == 0 ? "" : std::string(1, separator(d)), r.fields[i]);
    const char autre = d == dialect::french ? ',' : ';';
    std::size_t n = 1;
    for (const char c : ligne)
        n += c == autre ? 1U : 0U;
    const std::string compte =
        concat(std::to_string(r.fields.size()), " fields, the header has ", std::to_string(e.noms.size()));
    if (n == e.noms.size()) {
        return concat(compte, ": this row is ", name(d == dialect::french ? dialect::plain : dialect::french),
                      " but the header is ", name(d), "; write the whole file in one dialect");
    }
    if (d == dialect::plain && r.fields.size() > e.noms.size()) {
        return concat(
            compte, ": a decimal comma? the plain dialect (,) writes decimals with '.'; or use the French dialect (;)");
    }
    return compte;
}

// The checks every row of both files shares: well formed, as many fields as the header.
// Returns false when the row was rejected.
template <class R>
[[nodiscard]] bool forme_valide(journal& j, const R& r, const entete& e, dialect d, std::string_view tete) {
    // A field past the header's last has no name: it is named by its position, as an encoding
    // error's is below (it was once located at the header's last column).
    const auto colonne = [&e](std::size_t i) {
        return i < e.noms.size() ? e.noms[i] : concat("column ", std::to_string(i + 1));
    };
    if (!r.ok()) {
        j.rejeter(regle::texte_invalide, colonne(r.error_field), std::string{erreur_de(r)});
        return false;
    }
    // Checked before anything quotes a field, so no invalid byte reaches a message. A record the
    // reader found all ASCII is valid UTF-8 byte by byte: nothing to decode.
    for (std::size_t i = 0; i < r.fields.size() && !r.ascii; ++i) {
        if (const std::optional<std::size_t> o = invalid_utf8(r.fields[i])) {
            j.rejeter(regle::encodage_invalide, colonne(i), not_utf8(r.fields[i], *o, tete));
            return false;
        }
    }
    if (r.fields.size() != e.noms.size()) {
        const std::size_t c = r.fields.size() < e.noms.size() ? r.fields.size() : e.noms.size() - 1;
        j.rejeter(regle::texte_invalide, e.noms[c], champs_en_trop(r, e, d));
        return false;
    }
    return true;
}

// A FINESS (CAQES-E022: well formed) in 30 bits: department (two digits, or 2A, 2B) then seven
// digits, numbered so that the order of the numbers is the order of the texts.
[[nodiscard]] constexpr std::uint32_t finess_30(std::string_view f) noexcept {
    const auto chiffre = [](char c) { return static_cast<std::uint32_t>(c - '0'); };
    const std::uint32_t second = f[1] == 'A' ? 10U : f[1] == 'B' ? 11U : chiffre(f[1]);
    std::uint32_t n = chiffre(f[0]) * 12U + second;
    for (std::size_t i = 2; i < 9; ++i)
        n = n * 10U + chiffre(f[i]);
    return n;
}

[[nodiscard]] inline std::string finess_de(std::uint32_t n) {
    std::string f(9, '0');
    for (std::size_t i = 9; i-- > 2;) {
        f[i] = static_cast<char>('0' + n % 10U);
        n /= 10U;
    }
    const std::uint32_t second = n % 12U;
    f[0] = static_cast<char>('0' + n / 12U);
    f[1] = second == 10U ? 'A' : second == 11U ? 'B' : static_cast<char>('0' + second);
    return f;
}

// An establishment-year in 64 bits (the FINESS and the year, 1 to 9999), ordered as the pair
// (FINESS text, year): what the reader remembers of each one, 8 bytes.
[[nodiscard]] constexpr std::uint64_t cle_64(std::string_view finess, int exercice) noexcept {
    return std::uint64_t{finess_30(finess)} * 10'000U + static_cast<std::uint64_t>(exercice);
}
[[nodiscard]] inline std::string finess_de_cle(std::uint64_t k) {
    return finess_de(static_cast<std::uint32_t>(k / 10'000U));
}
[[nodiscard]] constexpr int exercice_de_cle(std::uint64_t k) noexcept { return static_cast<int>(k % 10'000U); }

[[nodiscard]] constexpr std::uint64_t cle_de(std::uint64_t k) noexcept { return k; }

// Entries looked up by their 64-bit key (`cle_de(entry)`) without a node per entry: one array
// holding a few sorted runs. An entry that comes in order (sorted input) is appended to the last
// run; one out of order waits in a short unsorted tail (`recents_max`), sorted into a new run
// when full. Runs merge as a binary counter's digits carry: the last run merges with the one
// before it whenever it has grown as large (`ranger`). So an entry moves O(log n) times in all
// and a lookup searches at most log2(n / 512) + 1 runs, where merging every tail into one sorted
// array moved the whole array each time: quadratic in a file out of order (the CHANGELOG gives
// the times measured before and after on 800 000 establishment rows). Memory: sizeof(T) per entry
// reserved (`reserver`), or, when the count is not known in advance, an array that grows by
// doubling: at most 3 x sizeof(T) per entry while it moves; a merge borrows at most half the
// array's entries more (std::inplace_merge's buffer), or merges in place without it.
template <class T>
class index_cles {
  public:
    static constexpr std::size_t recents_max = 512;

    index_cles() { recents_.reserve(recents_max); }

    [[nodiscard]] T* trouver(std::uint64_t k) noexcept {
        for (std::size_t r = 0; r < debuts_.size(); ++r) {
            const auto debut = trie_.begin() + static_cast<std::ptrdiff_t>(debuts_[r]);
            const auto fin =
                r + 1 < debuts_.size() ? trie_.begin() + static_cast<std::ptrdiff_t>(debuts_[r + 1]) : trie_.end();
            const auto it = std::lower_bound(debut, fin, k, [](const T& a, std::uint64_t b) { return cle_de(a) < b; });
            if (it != fin && cle_de(*it) == k) return &*it;
        }
        for (T& x : recents_) {
            if (cle_de(x) == k) return &x;
        }
        return nullptr;
    }

    void ajouter(T x) {
        if (recents_.empty() && (trie_.empty() || cle_de(trie_.back()) < cle_de(x))) {
            if (debuts_.empty()) debuts_.push_back(0);
            trie_.push_back(std::move(x));
            return;
        }
        recents_.push_back(std::move(x));
        if (recents_.size() == recents_max) ranger();
    }

    // Every entry in one sorted run: key order.
    void fusionner() {
        ranger();
        while (debuts_.size() > 1)
            fondre_dernieres();
    }

    void reserver(std::size_t n) { trie_.reserve(n); }
    [[nodiscard]] std::size_t size() const noexcept { return trie_.size() + recents_.size(); }
    // In key order, once merged.
    [[nodiscard]] std::vector<T>& entrees() {
        fusionner();
        return trie_;
    }
    void clear() noexcept {
        trie_ = {};
        debuts_.clear();
        recents_.clear();
    }

  private:
    static bool avant(const T& a, const T& b) noexcept { return cle_de(a) < cle_de(b); }

    // The unsorted tail as a new run, then the carries: the last run merged with the one before
    // it while it is at least as large.
    void ranger() {
        if (recents_.empty()) return;
        std::sort(recents_.begin(), recents_.end(), avant);
        debuts_.push_back(trie_.size());
        std::move(recents_.begin(), recents_.end(), std::back_inserter(trie_));
        recents_.clear();
        while (debuts_.size() > 1) {
            const std::size_t n = debuts_.size();
            if (trie_.size() - debuts_[n - 1] < debuts_[n - 1] - debuts_[n - 2]) break;
            fondre_dernieres();
        }
    }

    void fondre_dernieres() {
        const std::size_t n = debuts_.size();
        std::inplace_merge(trie_.begin() + static_cast<std::ptrdiff_t>(debuts_[n - 2]),
                           trie_.begin() + static_cast<std::ptrdiff_t>(debuts_[n - 1]), trie_.end(), avant);
        debuts_.pop_back();
    }

    std::vector<T> trie_;
    std::vector<std::size_t> debuts_;  // where each sorted run of `trie_` starts
    std::vector<T> recents_;
};

// The establishment-year key shared by both files: FINESS (CAQES-E022) and exercise year
// (CAQES-E029 when not a year, CAQES-E030 when the template does not cover it).
struct cle {
    std::string finess;
    int exercice{0};
    std::uint64_t code{0};  // cle_64(finess, exercice)
    // Written out rather than defaulted: clang 14's defaulted <=> compares with a literal 0
    // and trips -Wzero-as-null-pointer-constant in a consumer's build.
    friend std::strong_ordering operator<=>(const cle& a, const cle& b) noexcept {
        if (const auto c = a.finess <=> b.finess; std::is_neq(c)) return c;
        return a.exercice <=> b.exercice;
    }
    friend bool operator==(const cle&, const cle&) = default;
};

// The detail of CAQES-E022 for a FINESS that `regles::finess_bien_forme` refuses: the number,
// quoted as every field of a message, what is wrong with it (`regles::defaut_finess_texte`) and,
// since a reader's message does not carry the rule's title, the form it should have.
[[nodiscard]] inline std::string finess_mal_forme_detail(std::string_view f) {
    return concat(quoted_field(f), regles::defaut_finess_texte(f), ": ", regles::forme_finess);
}

// CAQES-E022 at the row's `finess` column, for every file that has one. Returns false when the
// row was rejected.
inline bool finess_valide(journal& j, std::string_view finess) {
    if (regles::finess_bien_forme(finess)) return true;
    j.rejeter(regle::finess_mal_forme, "finess", finess_mal_forme_detail(finess));
    return false;
}

template <class R>
[[nodiscard]] std::optional<cle> lire_cle(journal& j, const R& r, const entete& e, const modele_contrat_def& m) {
    const std::string_view finess = trim(r.fields[e.colonne("finess")]);
    bool ok = finess_valide(j, finess);
    // A year refused on a row whose FINESS is one says whose row it is ("FINESS: ..."), so that it
    // is not taken for a row of whichever establishment-year is around it (`caqes explain`); the
    // row's later violations are named by its caller, once the key is whole.
    if (ok) j.nommer(std::string{finess});
    int exercice = 0;
    const parsed<std::int64_t> an = parse_year(r.fields[e.colonne("exercice")]);
    if (!an.ok()) {
        j.rejeter(an.rule, "exercice", an.error);
        ok = false;
    } else if (an.value < 1 || an.value > 9999) {
        j.rejeter(regle::texte_invalide, "exercice", concat(std::to_string(an.value), " is not a year"));
        ok = false;
    } else {
        exercice = static_cast<int>(an.value);
        if (!regles::exercice_couvert(m, exercice)) {
            j.rejeter(regle::exercice_non_couvert, "exercice", regles::pourquoi_exercice_non_couvert(m, exercice));
            ok = false;
        }
    }
    j.nommer({});
    if (!ok) return std::nullopt;
    return cle{std::string{finess}, exercice, cle_64(finess, exercice)};
}

// One file opened for reading row by row: its preview (line ends, encoding, first bytes), its
// reader (fixed buffers), its header read against the expected columns, and its dialect.
struct fichier_lu {
    apercu_fichier apercu;
    std::optional<record_reader> lecteur;
    entete e;
    dialect d{dialect::french};
};

// The lines the first pass counted that the second has not reached: those after a read error or
// a CR alone, left unread.
[[nodiscard]] inline std::size_t lignes_restantes(const fichier_lu& f) noexcept {
    const std::size_t lues = f.lecteur->lines();
    return f.apercu.lines > lues ? f.apercu.lines - lues : 0;
}

// Why the second pass over a file stopped before its end (the stream failed): the line
// reached, and the lines after it, which the first pass counted, left unread.
[[nodiscard]] inline std::string lecture_interrompue(const fichier_lu& f) {
    const std::size_t lues = f.lecteur->lines();
    const std::size_t total = f.apercu.lines;
    const std::string reste =
        total > lues ? concat("lines ", std::to_string(lues + 1), " to ", std::to_string(total), " (",
                              std::to_string(total - lues), total - lues == 1 ? " line) are" : " lines) are")
                     : std::string{"the rest of the file is"};
    return concat("read error: the stream failed after line ", std::to_string(lues),
                  " (an I/O error), before the end of the file; ", reste,
                  " not read, their rows neither accepted nor rejected, and the file's reconciliation does not "
                  "balance; read the file again once it can be read whole");
}

// Opens `src` and reads its header; `rec` gets the file's name, dialect and header line. A
// stream that cannot be read twice, or that fails, makes the file unusable (CAQES-E042) with
// the reason as its header's error, and `rec.unread` set: never an empty or short file.
inline void ouvrir(fichier_lu& f, const source& src, const options_lecture& o, reconciliation& rec,
                   const std::vector<std::string>& attendues,
                   const std::vector<std::vector<std::string>>& optionnelles = {}) {
    table t{};
    if (src.flux != nullptr) {
        f.apercu = apercu(*src.flux);
        if (f.apercu.not_seekable || f.apercu.read_error) {
            f.lecteur.emplace(std::string_view{}, o.forced, o.lignes);  // nothing to read again
        } else {
            f.lecteur.emplace(*src.flux, o.forced, o.lignes);
        }
    } else {
        f.apercu = apercu(src.text);
        f.lecteur.emplace(src.text, o.forced, o.lignes);
    }
    t.lone_cr = f.apercu.lone_cr;
    record_view r{};
    if (f.lecteur->next(r)) {
        t.header = record{
            r.line, {r.fields.begin(), r.fields.end()}, std::string{message(r.error)}, r.error_field, r.quoted_any};
    }
    t.d = f.lecteur->dialect_of();
    f.d = t.d;
    rec.file = src.name;
    rec.d = t.d;
    rec.header = t.header ? 1 : 0;
    f.e = lire_entete(t, attendues, f.apercu, optionnelles);
    auto refuser_flux = [&](std::string erreur, std::string champ, std::size_t ligne, std::size_t non_lues) {
        f.e.erreur = std::move(erreur);
        f.e.champ = std::move(champ);
        f.e.ligne = ligne;
        f.e.id = regle::fichier_inutilisable;
        rec.unread = non_lues;
    };
    if (f.apercu.not_seekable) {
        // The reader reads each file twice (a first pass checks its line ends and counts its
        // lines, docs/input-format.md, "Memory"): a pipe would be empty the second time.
        refuser_flux(concat("cannot read ", src.name,
                            " twice: it is a stream that cannot go back to its start (a pipe, a terminal, /dev/stdin "
                            "fed by a pipe), and the reader reads each file twice (a first pass checks its line ends "
                            "and counts its lines); nothing of it is read: write it to a file first"),
                     "header", 1, 0);
    } else if (f.apercu.read_error) {
        refuser_flux(concat("read error: the stream failed after byte ", std::to_string(f.apercu.bytes), ", on line ",
                            std::to_string(f.apercu.lines),
                            " (an I/O error), before the end of the file, in the first pass (the line-end check); "
                            "the file is not read, its rows neither accepted nor rejected; read it again once it "
                            "can be read whole"),
                     "read error", std::max<std::size_t>(f.apercu.lines, 1), f.apercu.lines);
    } else if (f.lecteur->read_failed()) {
        const std::size_t lues = f.lecteur->lines();
        refuser_flux(lecture_interrompue(f), "read error", lues + 1, lignes_restantes(f));
    }
}

// A stream that failed during the second pass: the file is unusable (CAQES-E042 at the line
// reached), the lines after it are counted unread. Returns true when it happened.
inline bool interrompu(const fichier_lu& f, journal& j, reconciliation& rec) {
    if (!f.lecteur->read_failed() || rec.unread) return false;
    const std::size_t lues = f.lecteur->lines();
    rec.unread = lignes_restantes(f);
    const std::size_t i = j.signaler(regle::fichier_inutilisable, lues + 1, "read error", lecture_interrompue(f));
    if (!rec.unusable) rec.unusable = i;
    return true;
}

// The physical lines of a file read to its end (or to a CR alone, or to a read error: then
// with the lines left unread).
inline void fermer(const fichier_lu& f, reconciliation& rec) {
    rec.lines = f.lecteur->lines() + rec.unread.value_or(0);
    rec.blank = f.lecteur->blank();
}

// A file whose header cannot be used is refused as a whole: its rows are counted (not read)
// and rejected with one violation, and the file is marked unusable.
inline void refuser(fichier_lu& f, journal& j, reconciliation& rec) {
    record_view r{};
    std::size_t n = 0;
    while (f.lecteur->next(r)) {
        j.ligne(r.line);
        ++n;
    }
    // The rows are counted to be rejected with the file; a read error while counting them
    // leaves the rest unread, and says so.
    const bool coupe = !rec.unread && f.lecteur->read_failed();
    const std::size_t restantes = lignes_restantes(f);
    if (coupe) rec.unread = restantes;
    // A CR alone stops the reader (csv_records.hpp): the lines from its line on are left unread,
    // and the file does not balance.
    const std::size_t premiere = f.lecteur->lines() + 1;
    const std::string non_lues = restantes == 0   ? std::string{}
                                 : restantes == 1 ? concat("; line ", std::to_string(premiere), " not read")
                                                  : concat("; lines ", std::to_string(premiere), " to ",
                                                           std::to_string(premiere + restantes - 1), " not read");
    const std::string detail =
        rec.unread && !coupe ? f.e.erreur
        : f.apercu.lone_cr
            ? concat(f.e.erreur, "; the file is not read (", std::to_string(n), " rows before it rejected", non_lues,
                     restantes == 0 ? "" : ", neither accepted nor rejected: the file does not balance", ")")
            : concat(f.e.erreur, "; none of the ", std::to_string(n), " rows is read");
    const std::size_t i = j.signaler(f.e.id, f.e.ligne, f.e.champ, detail);
    j.rejeter_lignes(n);
    rec.unusable = i;
    if (f.apercu.lone_cr && !rec.unread) rec.unread = restantes;
    if (coupe) j.signaler(regle::fichier_inutilisable, f.lecteur->lines() + 1, "read error", lecture_interrompue(f));
    fermer(f, rec);
}

// A header and no data row: nothing to read.
inline void sans_ligne(const fichier_lu& f, journal& j, reconciliation& rec) {
    if (rec.read == 0 && !rec.unusable)
        rec.unusable = j.signaler(regle::fichier_inutilisable, f.e.ligne, f.e.noms.front(),
                                  "a header and no data row: nothing to read");
}

}  // namespace caqes::csv::detail
