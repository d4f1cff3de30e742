#pragma once
// Machinery of the batch reader, not for users (include <caqes/io/csv.hpp>): what every file
// shares. The violations and row statuses of one file (`journal`), its header read against the
// expected columns (`lire_entete`), a file refused whole (`utilisable`), the shape of a row
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

// Violations and row statuses of one file.
class journal {
  public:
    journal(std::string file, violations& out, reconciliation& rec) : file_{std::move(file)}, out_{out}, rec_{rec} {}

    [[nodiscard]] std::string lieu(std::size_t line, std::string_view field) const {
        return concat(file_, ":", std::to_string(line), ":", field);
    }

    // Records a violation and returns its index.
    std::size_t signaler(regle r, std::size_t line, std::string_view field, std::string detail) {
        out_.push_back({r, lieu(line, field), std::move(detail)});
        return out_.size() - 1;
    }

    // Rejects row `row` for violation `reason`; the first reason of a row is kept.
    void rejeter(std::size_t row, std::size_t reason) {
        row_status& s = rec_.rows[row];
        if (s.state == row_state::rejected) return;
        s.state = row_state::rejected;
        s.reason = reason;
    }

    std::size_t rejeter(std::size_t row, regle r, std::string_view field, std::string detail) {
        const std::size_t i = signaler(r, rec_.rows[row].line, field, std::move(detail));
        rejeter(row, i);
        return i;
    }

    void accepter(std::size_t row) {
        if (rec_.rows[row].state == row_state::pending) rec_.rows[row].state = row_state::accepted;
    }

    [[nodiscard]] const std::string& file() const noexcept { return file_; }

  private:
    std::string file_;
    violations& out_;
    reconciliation& rec_;
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

[[nodiscard]] inline std::size_t compter_crlf(std::string_view s) noexcept {
    std::size_t n = 0;
    for (std::size_t i = s.find("\r\n"); i != std::string_view::npos; i = s.find("\r\n", i + 2))
        ++n;
    return n;
}

// The header of a file that is not UTF-8, or whose separator or line ends are not ours, is
// unusable (CAQES-E041, CAQES-E042): every row of the file is rejected with it.
// `optionnelles`: groups of columns a file may leave out, each absent or complete.
[[nodiscard]] inline entete lire_entete(const table& t, const std::vector<std::string>& attendues,
                                        std::string_view texte_fichier,
                                        const std::vector<std::vector<std::string>>& optionnelles = {}) {
    entete e{};
    // UTF-16 writes CR LF as CR NUL LF NUL: it would read as CRs alone, so the encoding is
    // named first.
    if (texte_fichier.starts_with("\xFF\xFE") || texte_fichier.starts_with("\xFE\xFF") ||
        texte_fichier.substr(0, 4096).find('\0') != std::string_view::npos) {
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
        const auto cr = static_cast<std::size_t>(std::count(texte_fichier.begin(), texte_fichier.end(), '\r'));
        const std::size_t crlf = compter_crlf(texte_fichier);
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
[[nodiscard]] bool forme_valide(journal& j, std::size_t row, const R& r, const entete& e, dialect d,
                                std::string_view texte_fichier) {
    if (!r.ok()) {
        const std::size_t c = r.error_field < e.noms.size() ? r.error_field : e.noms.size() - 1;
        j.rejeter(row, regle::texte_invalide, e.noms[c], std::string{erreur_de(r)});
        return false;
    }
    // Checked before anything quotes a field, so no invalid byte reaches a message.
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
        if (const std::optional<std::size_t> o = invalid_utf8(r.fields[i])) {
            j.rejeter(row, regle::encodage_invalide,
                      i < e.noms.size() ? e.noms[i] : concat("column ", std::to_string(i + 1)),
                      not_utf8(r.fields[i], *o, texte_fichier));
            return false;
        }
    }
    if (r.fields.size() != e.noms.size()) {
        const std::size_t c = r.fields.size() < e.noms.size() ? r.fields.size() : e.noms.size() - 1;
        j.rejeter(row, regle::texte_invalide, e.noms[c], champs_en_trop(r, e, d));
        return false;
    }
    return true;
}

// The establishment-year key shared by both files: FINESS (CAQES-E022) and exercise year
// (CAQES-E029 when not a year, CAQES-E030 when the template does not cover it).
struct cle {
    std::string finess;
    int exercice{0};
    // Written out rather than defaulted: clang 14's defaulted <=> compares with a literal 0
    // and trips -Wzero-as-null-pointer-constant in a consumer's build.
    friend std::strong_ordering operator<=>(const cle& a, const cle& b) noexcept {
        if (const auto c = a.finess <=> b.finess; std::is_neq(c)) return c;
        return a.exercice <=> b.exercice;
    }
    friend bool operator==(const cle&, const cle&) = default;
};

template <class R>
[[nodiscard]] std::optional<cle> lire_cle(journal& j, std::size_t row, const R& r, const entete& e,
                                          const modele_contrat_def& m, dialect d) {
    bool ok = true;
    const std::string_view finess = trim(r.fields[e.colonne("finess")]);
    if (!regles::finess_bien_forme(finess)) {
        j.rejeter(row, regle::finess_mal_forme, "finess",
                  concat(quoted_field(finess),
                         " is not nine characters: a department code (digits, 2A or 2B), then seven digits"));
        ok = false;
    }
    int exercice = 0;
    const parsed<std::int64_t> an = parse_integer(r.fields[e.colonne("exercice")], d);
    if (!an.ok()) {
        j.rejeter(row, an.rule, "exercice", an.error);
        ok = false;
    } else if (an.value < 1 || an.value > 9999) {
        j.rejeter(row, regle::texte_invalide, "exercice", concat(std::to_string(an.value), " is not a year"));
        ok = false;
    } else {
        exercice = static_cast<int>(an.value);
        if (!regles::exercice_couvert(m, exercice)) {
            j.rejeter(row, regle::exercice_non_couvert, "exercice",
                      concat(std::to_string(exercice), " is outside ",
                             texte(periode{m.fenetre.debut, decrire(m.regime).fin_effets}), ", where contracts of \"",
                             m.nom, "\" produce effects"));
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return cle{std::string{finess}, exercice};
}

// A file with an unusable header, or with no data row, is refused as a whole: one
// violation, every row rejected for it, and the file marked unusable.
[[nodiscard]] inline bool utilisable(journal& j, reconciliation& rec, const table& t, const entete& e) {
    if (e.erreur.empty() && !t.rows.empty()) return true;
    const std::size_t i =
        e.erreur.empty()
            ? j.signaler(regle::fichier_inutilisable, 1, e.noms.front(), "a header and no data row: nothing to read")
            : j.signaler(e.id, e.ligne, e.champ,
                         t.lone_cr
                             ? concat(e.erreur, "; the file is not read (", std::to_string(t.rows.size()),
                                      " rows before it rejected)")
                             : concat(e.erreur, "; none of the ", std::to_string(t.rows.size()), " rows is read"));
    for (std::size_t row = 0; row < t.rows.size(); ++row)
        j.rejeter(row, i);
    rec.unusable = i;
    return false;
}
}  // namespace caqes::csv::detail
