#pragma once
// The batch input: yearly reports of many establishments, read from two CSV files against a
// contract template (docs/input-format.md).
//
// - `valeurs` (long format): `finess;exercice;indicateur;mesure;valeur`, one row per
//   establishment, exercise year, indicator and measure.
// - `etablissements`: one row per establishment and year: `finess;exercice;annee_contrat;
//   produits_assurance_maladie;annee_produits`, then `economies_<volet>`, `decision_<volet>`
//   and `nature_<volet>` for each volet of the template, named (not numbered) so a file cannot
//   be read against a template whose volets come in another order. An empty savings cell is
//   *non renseigne*, never zero; a decision carries its nature (docs/input-format.md).
//   Optional column groups, each absent or complete: `activites`; `taux_<volet>` and
//   `duree_<volet>` (decisions the law sets as a rate); the six `l162_30_4_*` columns.
// - `contrats` (optional): one row per establishment's contract: its parties, dates and the
//   avenants that bring template volets in. With it, each report is validated against its
//   contract instance (contract time, CAQES-E060 to E065); without it, contract time is not
//   checked and every result says so.
//
// Every data row ends up accepted or rejected, and a rejected row points to the violation
// that explains it (file:line:field, rule, detail). An establishment-year is evaluated only
// when all its measures were accepted and `caqes::validate(def, rapport)` finds nothing:
// nothing is evaluated from partial garbage, and the rows of a rejected establishment-year
// are counted as rejected. The reconciliation counts physical lines (lines read = header +
// blank + accepted + rejected, per file) and is computed from the row statuses, so a row the
// reader forgot to decide, or a line it swallowed, breaks it.
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/etablissement.hpp>
#include <caqes/contrat/instance.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/contrat/validation.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/validation.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/io/csv_date.hpp>
#include <caqes/io/csv_dialect.hpp>
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

namespace caqes::csv {

// One input file: the name violations cite ("valeurs.csv") and its whole text.
struct source {
    std::string name;
    std::string_view text;
};

enum class row_state : std::uint8_t { pending, accepted, rejected };

struct row_status {
    std::size_t line{0};
    row_state state{row_state::pending};
    std::size_t reason{0};  // when rejected: index in `lot_rapports::rejets` of the first reason
};

// Lines read = header + blank lines + rows accepted + rows rejected, for one file; rows read
// (`read`) = accepted + rejected.
struct reconciliation {
    std::string file;
    dialect d{dialect::french};
    std::size_t lines{0};   // physical lines read
    std::size_t header{0};  // 1 when a header line was read
    std::size_t blank{0};   // empty lines, which hold no row
    std::size_t read{0};    // data rows
    std::size_t accepted{0};
    std::size_t rejected{0};
    std::vector<row_status> rows;  // one per data row, in file order
    // When the file as a whole cannot be used (empty, no data row, a header that cannot be
    // read: CAQES-E041, CAQES-E042), the index in `lot_rapports::rejets` of the violation
    // that says why; every row of the file is then rejected for it.
    std::optional<std::size_t> unusable{};

    [[nodiscard]] bool balanced() const noexcept { return read == accepted + rejected && lines == header + blank + read; }
};

// One establishment-year, accepted: its report, validated against the template.
struct rapport_lu {
    std::string finess;
    rapport_valide rapport;               // what the evaluators take
    std::size_t ligne_valeurs{0};         // first row in the values file
    std::size_t ligne_etablissement{0};   // its row in the establishments file
    std::size_t ligne_contrat{0};         // its contract's row in the contracts file, 0 without one
};

struct lot_rapports {
    std::vector<rapport_lu> rapports;  // accepted establishment-years, by FINESS then year
    violations rejets;                 // rows of the files in the order read, then establishment-years
    reconciliation valeurs;
    reconciliation etablissements;
    std::optional<reconciliation> contrats;  // when a contracts file was given
    bool activites_donnees{false};           // the establishments file has the `activites` column

    [[nodiscard]] bool balanced() const noexcept {
        return valeurs.balanced() && etablissements.balanced() && (!contrats || contrats->balanced());
    }
};

// The exit status of a program that reads a batch (docs/input-format.md, "Exit status"), so
// that a script can tell a clean run from a partial one from one that read nothing.
enum class exit_status : int {
    accepted = 0,        // every row accepted
    some_rejected = 1,   // some rows rejected, the others evaluated
    usage = 2,           // command-line usage
    unusable_input = 3,  // a file could not be read or used, or every row was rejected
    grid_rule = 4,       // reserved: a grid (template) that breaks a rule
};

[[nodiscard]] inline exit_status status(const lot_rapports& lot) noexcept {
    // An unbalanced reconciliation is a reader bug: nothing read can be trusted.
    if (!lot.balanced() || lot.valeurs.unusable || lot.etablissements.unusable || (lot.contrats && lot.contrats->unusable)) {
        return exit_status::unusable_input;
    }
    if (lot.valeurs.accepted == 0 || lot.etablissements.accepted == 0) return exit_status::unusable_input;
    if (lot.valeurs.rejected > 0 || lot.etablissements.rejected > 0 || (lot.contrats && lot.contrats->rejected > 0)) {
        return exit_status::some_rejected;
    }
    return exit_status::accepted;
}

struct options_lecture {
    std::optional<dialect> forced{};  // else detected per file from its header line
    limites lignes{};                 // the longest line read (csv_records.hpp)
    // The most establishment-years the values file may hold: the batch keeps each one until
    // the end (docs/input-format.md, "Memory"), so a larger input is refused whole, never
    // read until memory runs out.
    std::size_t etablissements_annees_max{100'000};
};

// The nature of a decision as the establishments file writes it, and back: the outcomes a
// volet's decision may have (CAQES-E061 checks the regime and clauses allow it).
struct nature_ecrite {
    std::string_view mot;
    std::optional<issue_legale> nature;
};
inline constexpr std::array<nature_ecrite, 9> natures_decision{{
    {"aucune", std::nullopt},
    {"sanction", issue_legale::sanction_volet},
    {"interessement", issue_legale::interessement_volet},
    {"reduction_liste_en_sus", issue_legale::reduction_liste_en_sus},
    {"interessement_national", issue_legale::interessement_national},
    {"abattement", issue_legale::abattement},
    {"minoration", issue_legale::minoration},
    {"dotation", issue_legale::dotation},
    {"penalite", issue_legale::penalite_financement},
}};

// The establishments file's column for a volet: its name without the "volet_" prefix
// ("economies_socle", "decision_transports").
[[nodiscard]] constexpr std::string_view nom_colonne(volet_id v) noexcept {
    std::string_view n = traits(v).nom;
    if (n.starts_with("volet_")) n.remove_prefix(6);
    return n;
}

namespace detail {

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
    std::string erreur;                          // empty when the header is valid
    std::string champ;                           // the column the error is about
    std::size_t ligne{1};                        // the line it is on
    regle id{regle::fichier_inutilisable};       // the rule `erreur` breaks

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
    for (const char c : nom) simple = simple && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    return simple ? std::string{nom} : concat("column ", std::to_string(i + 1));
}

[[nodiscard]] inline std::size_t compter_crlf(std::string_view s) noexcept {
    std::size_t n = 0;
    for (std::size_t i = s.find("\r\n"); i != std::string_view::npos; i = s.find("\r\n", i + 2)) ++n;
    return n;
}

// The header of a file that is not UTF-8, or whose separator or line ends are not ours, is
// unusable (CAQES-E041, CAQES-E042): every row of the file is rejected with it.
// `optionnelles`: groups of columns a file may leave out, each absent or complete.
[[nodiscard]] inline entete lire_entete(const table& t, const std::vector<std::string>& attendues, std::string_view texte_fichier,
                                        const std::vector<std::vector<std::string>>& optionnelles = {}) {
    entete e{};
    // UTF-16 writes CR LF as CR NUL LF NUL: it would read as CRs alone, so the encoding is
    // named first.
    if (texte_fichier.starts_with("\xFF\xFE") || texte_fichier.starts_with("\xFE\xFF") ||
        texte_fichier.substr(0, 4096).find('\0') != std::string_view::npos) {
        const std::size_t nul = texte_fichier.find('\0');
        e.erreur = concat("not UTF-8: the file looks like UTF-16 (",
                          nul == std::string_view::npos ? std::string{"a UTF-16 byte-order mark"} : concat("a NUL byte at byte ", std::to_string(nul + 1)),
                          "); save it as UTF-8 (spreadsheet: \"CSV UTF-8\"; or iconv -f UTF-16 -t UTF-8)");
        e.champ = "header";
        e.id = regle::encodage_invalide;
        return e;
    }
    if (t.lone_cr) {
        // Reading stopped there (csv_records.hpp): what came before is not the whole file.
        const auto cr = static_cast<std::size_t>(std::count(texte_fichier.begin(), texte_fichier.end(), '\r'));
        const std::size_t crlf = compter_crlf(texte_fichier);
        e.erreur = concat("line end: a carriage return (CR) not followed by a line feed (LF), at byte ", std::to_string(t.lone_cr->byte),
                          " of line ", std::to_string(t.lone_cr->line), "; the file has ", std::to_string(cr - crlf),
                          " CR alone and ", std::to_string(crlf), " CR LF: line ends are LF or CR LF, and CR alone (classic Mac OS) "
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
        e.erreur = concat("header: ", quoted_field(t.header->fields[0]), " has tabs and no ';' or ',': tab-separated files are not read; save as CSV, ';' (French) or ',' (plain) between fields");
        e.champ = "column 1";
        return e;
    }
    for (const auto& f : t.header->fields) e.noms.emplace_back(trim(f));
    for (std::size_t i = 0; i < e.noms.size(); ++i) {
        if (e.noms[i].empty()) {
            const bool derniere = i + 1 == e.noms.size();
            e.erreur = concat("column ", std::to_string(i + 1), " of ", std::to_string(e.noms.size()), " has no name",
                              derniere ? concat(": a trailing '", std::string(1, separator(t.d)), "' at the end of the header line? remove it")
                                       : std::string{": every column needs its header name"});
            e.champ = concat("column ", std::to_string(i + 1));
            return e;
        }
        bool connue = false;
        for (const auto& a : attendues) connue = connue || a == e.noms[i];
        for (const auto& g : optionnelles) {
            for (const auto& a : g) connue = connue || a == e.noms[i];
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
            e.erreur = concat("column \"", *donnee, "\" is given without \"", *manquante, "\": these ", std::to_string(g.size()),
                              " columns go together, all or none");
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
    for (std::size_t i = 0; i < r.fields.size(); ++i) ligne += concat(i == 0 ? "" : std::string(1, separator(d)), r.fields[i]);
    const char autre = d == dialect::french ? ',' : ';';
    std::size_t n = 1;
    for (const char c : ligne) n += c == autre ? 1U : 0U;
    const std::string compte = concat(std::to_string(r.fields.size()), " fields, the header has ", std::to_string(e.noms.size()));
    if (n == e.noms.size()) {
        return concat(compte, ": this row is ", name(d == dialect::french ? dialect::plain : dialect::french), " but the header is ",
                      name(d), "; write the whole file in one dialect");
    }
    if (d == dialect::plain && r.fields.size() > e.noms.size()) {
        return concat(compte, ": a decimal comma? the plain dialect (,) writes decimals with '.'; or use the French dialect (;)");
    }
    return compte;
}

// The checks every row of both files shares: well formed, as many fields as the header.
// Returns false when the row was rejected.
template <class R>
[[nodiscard]] bool forme_valide(journal& j, std::size_t row, const R& r, const entete& e, dialect d, std::string_view texte_fichier) {
    if (!r.ok()) {
        const std::size_t c = r.error_field < e.noms.size() ? r.error_field : e.noms.size() - 1;
        j.rejeter(row, regle::texte_invalide, e.noms[c], std::string{erreur_de(r)});
        return false;
    }
    // Checked before anything quotes a field, so no invalid byte reaches a message.
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
        if (const std::optional<std::size_t> o = invalid_utf8(r.fields[i])) {
            j.rejeter(row, regle::encodage_invalide, i < e.noms.size() ? e.noms[i] : concat("column ", std::to_string(i + 1)),
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
[[nodiscard]] std::optional<cle> lire_cle(journal& j, std::size_t row, const R& r, const entete& e, const modele_contrat_def& m, dialect d) {
    bool ok = true;
    const std::string_view finess = trim(r.fields[e.colonne("finess")]);
    if (!regles::finess_bien_forme(finess)) {
        j.rejeter(row, regle::finess_mal_forme, "finess",
                  concat(quoted_field(finess), " is not nine characters: a department code (digits, 2A or 2B), then seven digits"));
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
                      concat(std::to_string(exercice), " is outside ", texte(periode{m.fenetre.debut, decrire(m.regime).fin_effets}),
                             ", where contracts of \"", m.nom, "\" produce effects"));
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return cle{std::string{finess}, exercice};
}

// A value of the values file, read as its measure's kind says.
struct valeur_lue {
    valeur_mesure v{};
    regle erreur{regle::aucune};
    std::string detail;
};

[[nodiscard]] inline std::string_view domaine(type_mesure t) noexcept {
    switch (t) {
        case type_mesure::montant: return "an amount >= 0";
        case type_mesure::montant_signe: return "an amount in cents";
        case type_mesure::nombre: return "a whole number >= 0";
        case type_mesure::taux: return "a rate in [0, 100] %";
        case type_mesure::taux_evolution: return "a growth rate >= -100 %";
        case type_mesure::oui_non: return "oui or non";
        case type_mesure::echelle: return "non, partiel or oui";
    }
    return "?";
}

[[nodiscard]] inline valeur_lue lire_valeur(std::string_view texte_brut, type_mesure t, dialect d) {
    const std::string_view s = trim(texte_brut);
    if (equal_ci(s, "NC")) return {valeur_mesure::non_concernee(), regle::aucune, {}};
    if (equal_ci(s, "NR")) return {valeur_mesure::non_renseignee(), regle::aucune, {}};
    if (s.empty()) return {{}, regle::texte_invalide, "empty value: give a number, a word of the measure's kind, NC or NR"};

    const bool mot_oui = equal_ci(s, "oui");
    const bool mot_non = equal_ci(s, "non");
    const bool mot_partiel = equal_ci(s, "partiel");
    const bool qualitatif = t == type_mesure::oui_non || t == type_mesure::echelle;
    valeur_mesure v{etat_valeur::renseignee, t, {}};

    if (qualitatif) {
        if (mot_oui) {
            v.v = entier(t == type_mesure::echelle ? 2 : 1);
        } else if (mot_non) {
            v.v = entier(0);
        } else if (mot_partiel && t == type_mesure::echelle) {
            v.v = entier(1);
        } else if (mot_partiel) {
            return {{}, regle::valeur_hors_domaine, concat(quoted_field(s), " is not ", domaine(t))};
        } else if (parse_decimal(s, d).ok()) {
            return {{}, regle::mesure_mauvaise_nature, concat("expected ", nom(t), " (", domaine(t), "), got the number ", quoted_field(s))};
        } else {
            return {{}, regle::texte_invalide, concat("expected ", domaine(t), ", got ", quoted_field(s))};
        }
        return {v, regle::aucune, {}};
    }

    if (mot_oui || mot_non || mot_partiel) {
        return {{}, regle::mesure_mauvaise_nature, concat("expected ", nom(t), " (a number), got the word ", quoted_field(s))};
    }
    parsed<fraction> f{};
    switch (t) {
        case type_mesure::montant:
        case type_mesure::montant_signe: {
            const parsed<centimes> c = parse_centimes(s, d);
            f = {entier(c.value.valeur), c.error, c.rule};
            break;
        }
        case type_mesure::taux:
        case type_mesure::taux_evolution: f = parse_percent(s, d); break;
        default: f = parse_fraction(s, d); break;
    }
    if (!f.ok()) return {{}, f.rule, f.error};
    v.v = f.value;
    if (!regles::valeur_dans_domaine(v)) {
        return {{}, regle::valeur_hors_domaine, concat(texte(t, v.v), " is outside the domain of ", nom(t), ": ", domaine(t))};
    }
    return {v, regle::aucune, {}};
}

// An establishment-year as the values file gives it, before it is accepted.
struct groupe {
    std::vector<valeurs_indicateur> valeurs;
    std::vector<std::array<std::size_t, mesures_max>> ligne;  // row that claimed each measure, or 0
    std::vector<std::array<bool, mesures_max>> donnee;        // an accepted value is there
    std::vector<std::size_t> rows;                            // its rows not rejected on their own
    std::size_t premiere_ligne{0};
};

struct etablissement_lu {
    std::size_t row{0};
    std::size_t ligne{0};
    bool accepte{false};
    rapport_annuel donnees{};  // without its spans: the amounts below, per volet in template order
    std::array<std::optional<centimes>, volets_max> economies{};
    std::vector<decision_volet> decisions{};  // in the template's volet order
};

// The column of the establishments file a violation of `validate` is about: a decision's
// amount, rate or nature, a volet's savings, or a field of the row; empty when it is about
// something else. `activites`: the file has that column.
[[nodiscard]] inline std::string colonne_etablissement(std::string_view lieu, std::span<const decision_volet> decisions, bool activites) {
    constexpr std::string_view prefixe = "rapport.decisions[";
    if (lieu.starts_with(prefixe)) {
        std::size_t i = 0;
        std::size_t pos = prefixe.size();
        while (pos < lieu.size() && lieu[pos] >= '0' && lieu[pos] <= '9') i = i * 10 + static_cast<std::size_t>(lieu[pos++] - '0');
        if (i >= decisions.size()) return {};
        const std::string_view colonne = lieu.ends_with(".nature") ? "nature_" : lieu.ends_with(".taux") ? "taux_" : "decision_";
        return concat(colonne, nom_colonne(decisions[i].volet));
    }
    for (const std::string_view champ : {"annee_contrat", "produits_assurance_maladie", "annee_produits"}) {
        if (lieu == concat("rapport.", champ)) return std::string{champ};
    }
    if (lieu == "rapport.l162_30_4.actes_cible") return "l162_30_4_actes_cible";
    if (activites && (lieu == "rapport.activites_etablissement" || lieu == "etablissement.activites_exercees")) return "activites";
    // "rapport.economies (volet_socle)" or "rapport.economies[0] (volet_socle)": the volet named.
    const std::size_t ouvre = lieu.rfind('(');
    if (!lieu.starts_with("rapport.economies") || ouvre == std::string_view::npos || !lieu.ends_with(")")) return {};
    std::string_view volet = lieu.substr(ouvre + 1, lieu.size() - ouvre - 2);
    if (volet.starts_with("volet_")) volet.remove_prefix(6);
    return concat("economies_", volet);
}

// The template's indicators in report order, looked up by code.
struct repere {
    const indicateur* ind{nullptr};
    std::size_t k{0};
    std::size_t volet{0};  // index of its volet in the template
};

[[nodiscard]] inline std::vector<repere> reperes(const modele_contrat_def& m) {
    std::vector<repere> r;
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (const auto& ind : m.volets[iv].grille) r.push_back({&ind, r.size(), iv});
    }
    return r;
}

// Which template volets an establishment-year reports on: all of them without a contract;
// with one, those whose effective term covers the exercise under the partial-year policy
// (D.162-16 II), the same coverage `validate` computes.
[[nodiscard]] inline std::array<bool, volets_max> volets_couverts(const modele_contrat_def& m, const contrat_instance* c, int exercice,
                                                                  politique_annee_partielle politique) {
    std::array<bool, volets_max> couverts{};
    couverts.fill(true);
    if (c == nullptr) return couverts;
    const std::vector<volet_modele> volets = volets_du_contrat(m, *c);
    for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
        couverts[iv] = couvrir(terme_du_volet(m, volets[iv], c->debut_effet).dates, exercice, politique).evalue;
    }
    return couverts;
}

// A file with an unusable header, or with no data row, is refused as a whole: one
// violation, every row rejected for it, and the file marked unusable.
[[nodiscard]] inline bool utilisable(journal& j, reconciliation& rec, const table& t, const entete& e) {
    if (e.erreur.empty() && !t.rows.empty()) return true;
    const std::size_t i = e.erreur.empty()
                              ? j.signaler(regle::fichier_inutilisable, 1, e.noms.front(), "a header and no data row: nothing to read")
                              : j.signaler(e.id, e.ligne, e.champ,
                                           t.lone_cr ? concat(e.erreur, "; the file is not read (", std::to_string(t.rows.size()), " rows before it rejected)")
                                                     : concat(e.erreur, "; none of the ", std::to_string(t.rows.size()), " rows is read"));
    for (std::size_t row = 0; row < t.rows.size(); ++row) j.rejeter(row, i);
    rec.unusable = i;
    return false;
}

// The rate and duration of a volet's decision (`taux_<volet>`, a percentage; `duree_<volet>`,
// whole months): both or neither, and only beside a decision. Fills the decision just read
// (the last of `decisions`) when `decidee`. Returns false when the row was rejected.
inline bool lire_taux_duree(journal& j, std::size_t row, const record& r, const entete& e, dialect d, volet_id v, bool decidee,
                            std::vector<decision_volet>& decisions) {
    const std::string col_taux = concat("taux_", nom_colonne(v));
    const std::string col_duree = concat("duree_", nom_colonne(v));
    const std::string_view taux = trim(r.fields[e.colonne(col_taux)]);
    const std::string_view duree = trim(r.fields[e.colonne(col_duree)]);
    if (taux.empty() && duree.empty()) return true;
    if (taux.empty() != duree.empty()) {
        j.rejeter(row, regle::decision_hors_issues, taux.empty() ? col_taux : col_duree,
                  "a decision set as a rate gives its rate and its duration in months, both");
        return false;
    }
    if (!decidee) {
        j.rejeter(row, regle::decision_hors_issues, col_taux,
                  concat("a rate and a duration belong to a decision: give its nature and amount in nature_", nom_colonne(v), " and decision_",
                         nom_colonne(v)));
        return false;
    }
    const parsed<fraction> f = parse_percent(taux, d);
    if (!f.ok()) {
        j.rejeter(row, f.rule, col_taux, f.error);
        return false;
    }
    const parsed<std::int64_t> n = parse_integer(duree, d);
    if (!n.ok()) {
        j.rejeter(row, n.rule, col_duree, n.error);
        return false;
    }
    if (n.value < 1 || n.value > 1200) {
        j.rejeter(row, regle::valeur_hors_domaine, col_duree, concat(std::to_string(n.value), " is not a duration in months (1 to 1200)"));
        return false;
    }
    if (decisions.empty() || decisions.back().volet != v) return false;  // the decision was rejected: already reported
    decisions.back().taux = f.value;
    decisions.back().duree_mois = static_cast<int>(n.value);
    return true;
}

// The L.162-30-4 data of the second-generation pertinence volet, in the order of
// `donnees_l162_30_4`: all six given, or none.
inline constexpr std::array<std::string_view, 6> colonnes_l162_30_4{
    "l162_30_4_saisine", "l162_30_4_actes_realises", "l162_30_4_actes_cible", "l162_30_4_actes_annee_precedente",
    "l162_30_4_tarif_national_moyen", "l162_30_4_part_liste_en_sus"};

// The six `l162_30_4_*` cells: all empty (no such data) or all given. Returns false when the
// row was rejected.
inline bool lire_l162_30_4(journal& j, std::size_t row, const record& r, const entete& e, dialect d,
                           std::optional<donnees_l162_30_4>& out) {
    std::array<std::string_view, colonnes_l162_30_4.size()> cellules{};
    std::size_t donnees = 0;
    for (std::size_t i = 0; i < cellules.size(); ++i) {
        cellules[i] = trim(r.fields[e.colonne(colonnes_l162_30_4[i])]);
        donnees += cellules[i].empty() ? 0U : 1U;
    }
    if (donnees == 0) return true;
    for (std::size_t i = 0; i < cellules.size(); ++i) {
        if (cellules[i].empty()) {
            j.rejeter(row, regle::indicateur_absent, colonnes_l162_30_4[i],
                      "the L.162-30-4 data is given in part: give its six columns, or none");
            return false;
        }
    }
    donnees_l162_30_4 x{};
    const parsed<ymd> saisine = parse_date(cellules[0]);
    if (!saisine.ok()) {
        j.rejeter(row, saisine.rule, colonnes_l162_30_4[0], saisine.error);
        return false;
    }
    x.saisine = saisine.value;
    std::int64_t* actes[] = {&x.actes_realises, &x.actes_cible, &x.actes_annee_precedente};
    for (std::size_t i = 0; i < 3; ++i) {
        const parsed<std::int64_t> n = parse_integer(cellules[1 + i], d);
        if (!n.ok() || n.value < 0) {
            j.rejeter(row, n.ok() ? regle::valeur_hors_domaine : n.rule, colonnes_l162_30_4[1 + i],
                      n.ok() ? concat(std::to_string(n.value), ": a number of acts is not negative") : n.error);
            return false;
        }
        *actes[i] = n.value;
    }
    centimes* montants[] = {&x.tarif_national_moyen, &x.part_liste_en_sus};
    for (std::size_t i = 0; i < 2; ++i) {
        const parsed<centimes> c = parse_centimes(cellules[4 + i], d);
        if (!c.ok() || c.value < centimes{0}) {
            j.rejeter(row, c.ok() ? regle::valeur_hors_domaine : c.rule, colonnes_l162_30_4[4 + i],
                      c.ok() ? concat(texte_euros(c.value), " EUR: a rate base is not negative") : c.error);
            return false;
        }
        *montants[i] = c.value;
    }
    out = x;
    return true;
}

// The words of the `activites` column (L.162-22 1 to 4), joined by '+': "mco+psychiatrie".
struct activite_ecrite {
    std::string_view mot;
    activites a;
};
inline constexpr std::array<activite_ecrite, 4> activites_ecrites{{
    {"mco", activite_mco}, {"psychiatrie", activite_psychiatrie}, {"usld", activite_usld}, {"smr", activite_smr}}};

// An empty cell is the empty set, which validation rejects (CAQES-E024) at this column.
[[nodiscard]] inline parsed<activites> parse_activites(std::string_view cellule) {
    activites a{};
    std::string_view reste = trim(cellule);
    while (!reste.empty()) {
        const std::size_t plus = reste.find('+');
        const std::string_view mot = trim(reste.substr(0, plus));
        bool connu = false;
        for (const activite_ecrite& x : activites_ecrites) {
            if (equal_ci(mot, x.mot)) {
                a = a | x.a;
                connu = true;
            }
        }
        if (!connu) return {{}, concat(quoted_field(mot), " is not an activity: mco, psychiatrie, usld or smr, joined by '+'")};
        reste = plus == std::string_view::npos ? std::string_view{} : reste.substr(plus + 1);
        if (plus != std::string_view::npos && trim(reste).empty()) return {{}, "an activity is missing after the last '+'"};
    }
    return {a, {}};
}

inline void lire_etablissements(const modele_contrat_def& m, const source& src, const options_lecture& o, violations& out,
                                reconciliation& rec, std::map<cle, etablissement_lu>& etabs, bool& activites_donnees) {
    const table t = split(src.text, o.forced, o.lignes);
    rec.file = src.name;
    rec.d = t.d;
    for (const auto& r : t.rows) rec.rows.push_back({r.line, row_state::pending, 0});
    rec.lines = t.lines;
    rec.blank = t.blank;
    rec.header = t.header ? 1 : 0;
    journal j{src.name, out, rec};

    std::vector<std::string> attendues{"finess", "exercice", "annee_contrat", "produits_assurance_maladie", "annee_produits"};
    for (const auto& v : m.volets) attendues.push_back(concat("economies_", nom_colonne(v.volet)));
    for (const auto& v : m.volets) attendues.push_back(concat("decision_", nom_colonne(v.volet)));
    for (const auto& v : m.volets) attendues.push_back(concat("nature_", nom_colonne(v.volet)));
    std::vector<std::string> taux_durees;
    for (const auto& v : m.volets) {
        taux_durees.push_back(concat("taux_", nom_colonne(v.volet)));
        taux_durees.push_back(concat("duree_", nom_colonne(v.volet)));
    }
    const std::vector<std::vector<std::string>> optionnelles{{"activites"}, taux_durees, {colonnes_l162_30_4.begin(), colonnes_l162_30_4.end()}};
    const entete e = lire_entete(t, attendues, src.text, optionnelles);
    if (!utilisable(j, rec, t, e)) return;
    activites_donnees = e.colonne("activites") != absent;
    const bool avec_taux = e.colonne(taux_durees.front()) != absent;
    const bool avec_l162 = e.colonne(colonnes_l162_30_4.front()) != absent;
    // Control total of every decision column, over the rows read so far.
    centimes total_decisions{};
    std::size_t nombre_decisions = 0;

    for (std::size_t row = 0; row < t.rows.size(); ++row) {
        const record& r = t.rows[row];
        if (!forme_valide(j, row, r, e, t.d, src.text)) continue;
        const std::optional<cle> k = lire_cle(j, row, r, e, m, t.d);
        bool ok = k.has_value();

        rapport_annuel d{};
        std::array<std::optional<centimes>, volets_max> economies{};
        std::vector<decision_volet> decisions;
        const parsed<std::int64_t> annee = parse_integer(r.fields[e.colonne("annee_contrat")], t.d);
        if (!annee.ok()) {
            j.rejeter(row, annee.rule, "annee_contrat", annee.error);
            ok = false;
        } else if (annee.value < 1 || annee.value > 99) {
            j.rejeter(row, regle::valeur_hors_domaine, "annee_contrat", concat(std::to_string(annee.value), " is not a contract year (1 for the first)"));
            ok = false;
        } else {
            d.annee_contrat = static_cast<int>(annee.value);
        }
        const parsed<centimes> produits = parse_centimes(r.fields[e.colonne("produits_assurance_maladie")], t.d);
        if (!produits.ok()) {
            j.rejeter(row, produits.rule, "produits_assurance_maladie", produits.error);
            ok = false;
        } else if (produits.value < centimes{0}) {
            j.rejeter(row, regle::valeur_hors_domaine, "produits_assurance_maladie",
                      concat(texte(type_mesure::montant, entier(produits.value.valeur)), ": the revenue base is not negative"));
            ok = false;
        } else {
            d.produits_assurance_maladie = produits.value;
        }
        // The year of the "dernier exercice clos" the revenue base comes from; empty: not given.
        if (const std::string_view an = trim(r.fields[e.colonne("annee_produits")]); !an.empty()) {
            const parsed<std::int64_t> a = parse_integer(an, t.d);
            if (!a.ok()) {
                j.rejeter(row, a.rule, "annee_produits", a.error);
                ok = false;
            } else if (a.value < 1900 || a.value > 9999) {
                j.rejeter(row, regle::texte_invalide, "annee_produits", concat(std::to_string(a.value), " is not a year"));
                ok = false;
            } else {
                d.annee_produits = static_cast<int>(a.value);
            }
        }
        if (activites_donnees) {
            const parsed<activites> a = parse_activites(r.fields[e.colonne("activites")]);
            if (a.ok()) {
                d.activites_etablissement = a.value;
            } else {
                j.rejeter(row, a.rule, "activites", a.error);
                ok = false;
            }
        }
        if (avec_l162 && !lire_l162_30_4(j, row, r, e, t.d, d.l162_30_4)) ok = false;
        for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
            // Savings are signed; an empty cell is *non renseigne* (no savings entry, never 0),
            // an empty decision none recorded.
            const std::string col_eco = concat("economies_", nom_colonne(m.volets[iv].volet));
            const std::string_view eco = trim(r.fields[e.colonne(col_eco)]);
            if (!eco.empty()) {
                const parsed<centimes> c = parse_centimes(eco, t.d);
                if (c.ok()) {
                    economies[iv] = c.value;
                } else {
                    j.rejeter(row, c.rule, col_eco, c.error);
                    ok = false;
                }
            }
            const std::string col_dec = concat("decision_", nom_colonne(m.volets[iv].volet));
            const std::string col_nat = concat("nature_", nom_colonne(m.volets[iv].volet));
            const std::string_view dec = trim(r.fields[e.colonne(col_dec)]);
            const std::string_view nat = trim(r.fields[e.colonne(col_nat)]);
            std::optional<issue_legale> nature{};
            bool nature_lue = false;
            for (const nature_ecrite& n : natures_decision) {
                if (!nat.empty() && equal_ci(nat, n.mot)) {
                    nature = n.nature;
                    nature_lue = true;
                }
            }
            if (!nat.empty() && !nature_lue) {
                j.rejeter(row, regle::decision_hors_issues, col_nat,
                          concat(quoted_field(nat), " is not a decision's nature: aucune, sanction, interessement, "
                                                    "reduction_liste_en_sus, interessement_national, abattement, minoration, dotation or penalite"));
                ok = false;
            } else if (nat.empty() != dec.empty()) {
                j.rejeter(row, regle::decision_hors_issues, nat.empty() ? col_nat : col_dec,
                          "a decision has both its amount and its nature (\"aucune\" with 0 when the ARS decided neither)");
                ok = false;
            }
            if (!dec.empty()) {
                const parsed<centimes> c = parse_centimes(dec, t.d);
                if (!c.ok()) {
                    j.rejeter(row, c.rule, col_dec, c.error);
                    ok = false;
                } else if (c.value < centimes{0}) {
                    j.rejeter(row, regle::valeur_hors_domaine, col_dec,
                              concat(texte(type_mesure::montant, entier(c.value.valeur)), ": a decided amount is not negative"));
                    ok = false;
                } else if (const montant_calcule somme = additionner(total_decisions, c.value); !somme.ok) {
                    // Decisions are not negative, so any sum of accepted ones (the batch's total)
                    // is at most this control total, which therefore must fit.
                    j.rejeter(row, regle::depassement_capacite, col_dec,
                              concat(texte_euros(c.value), " EUR brings the file's total of decisions past 92233720368547758.07 EUR (64-bit cents): ",
                                     std::to_string(nombre_decisions), " decisions before it total ", texte_euros(total_decisions),
                                     " EUR; no total of the decisions could be exact"));
                    ok = false;
                } else {
                    decisions.push_back({.volet = m.volets[iv].volet, .nature = nature, .montant = c.value});
                    total_decisions = somme.valeur;
                    ++nombre_decisions;
                }
            }
            // A decision the law sets as a rate for a limited duration (L.162-30-4, the 2017
            // liste en sus cut) gives them beside its nature; the amount is the user's estimate.
            if (avec_taux && !lire_taux_duree(j, row, r, e, t.d, m.volets[iv].volet, !dec.empty(), decisions)) ok = false;
        }
        if (!k) continue;
        d.exercice = k->exercice;
        const auto deja = etabs.find(*k);
        if (deja != etabs.end()) {
            j.rejeter(row, regle::texte_invalide, "finess",
                      concat("duplicate of line ", std::to_string(deja->second.ligne), " for ", k->finess, " ", std::to_string(k->exercice)));
            continue;
        }
        etabs.emplace(*k, etablissement_lu{row, r.line, ok, d, economies, decisions});
    }
}

// One contract as the contracts file gives it: its instance (activities come from each
// year's row of the establishments file), and which of its establishment-years were kept.
struct contrat_lu {
    std::size_t row{0};
    std::size_t ligne{0};
    bool accepte{false};
    contrat_instance instance{};
    std::optional<std::size_t> rejet{};  // the rejection of its first establishment-year rejected
    bool utilise{false};                 // an establishment-year of it was accepted
    bool vu{false};                      // an establishment-year names it
};

// The column of the contracts file a violation of `validate(m, instance)` is about.
[[nodiscard]] inline std::string colonne_contrat(const modele_contrat_def& m, const violation& v, const contrat_instance& c) {
    const std::string_view lieu = v.lieu;
    if (lieu == "parties") {
        if (c.parties.ars.empty()) return "ars";
        if (c.parties.organisme_local.empty()) return "organisme_local";
        return "representant_legal";
    }
    if (lieu.starts_with("etablissement.finess")) return "finess";
    for (const std::string_view champ : {"reception_proposition", "signature", "debut_effet"}) {
        if (lieu == champ) return std::string{champ};
    }
    auto indice = [&lieu](std::string_view prefixe) -> std::optional<std::size_t> {
        if (!lieu.starts_with(prefixe)) return std::nullopt;
        std::size_t i = 0;
        std::size_t pos = prefixe.size();
        while (pos < lieu.size() && lieu[pos] >= '0' && lieu[pos] <= '9') i = i * 10 + static_cast<std::size_t>(lieu[pos++] - '0');
        return i;
    };
    if (const auto i = indice("avenants["); i && *i < c.avenants.size() && c.avenants[*i].volet_du_modele) {
        return concat("avenant_", nom_colonne(*c.avenants[*i].volet_du_modele));
    }
    // A template rule re-applied with the contract's dates (validate(m, c)): about a volet an
    // avenant brought in, at that avenant's column; else at the contract's start.
    if (const auto i = indice("volets["); i && *i < m.volets.size()) {
        for (const avenant& a : c.avenants) {
            if (a.volet_du_modele == m.volets[*i].volet) return concat("avenant_", nom_colonne(*a.volet_du_modele));
        }
    }
    return "debut_effet";
}

// The contracts file: one row per FINESS. Each row is checked by `validate(m, instance)` with
// the template's scope as activities (each year's activities are checked with its report).
inline void lire_contrats(const modele_contrat_def& m, const source& src, const options_lecture& o, violations& out,
                          reconciliation& rec, std::map<std::string, contrat_lu, std::less<>>& contrats) {
    const table t = split(src.text, o.forced, o.lignes);
    rec.file = src.name;
    rec.d = t.d;
    for (const auto& r : t.rows) rec.rows.push_back({r.line, row_state::pending, 0});
    rec.lines = t.lines;
    rec.blank = t.blank;
    rec.header = t.header ? 1 : 0;
    journal j{src.name, out, rec};

    std::vector<std::string> attendues{"finess", "ars", "organisme_local", "representant_legal", "reception_proposition", "signature",
                                       "debut_effet"};
    for (const auto& v : m.volets) attendues.push_back(concat("avenant_", nom_colonne(v.volet)));
    const entete e = lire_entete(t, attendues, src.text);
    if (!utilisable(j, rec, t, e)) return;

    for (std::size_t row = 0; row < t.rows.size(); ++row) {
        const record& r = t.rows[row];
        if (!forme_valide(j, row, r, e, t.d, src.text)) continue;
        bool ok = true;
        const std::string_view finess = trim(r.fields[e.colonne("finess")]);
        if (!regles::finess_bien_forme(finess)) {
            j.rejeter(row, regle::finess_mal_forme, "finess",
                      concat(quoted_field(finess), " is not nine characters: a department code (digits, 2A or 2B), then seven digits"));
            continue;
        }
        contrat_instance c{};
        c.etab.finess_ej = std::string{finess};
        c.etab.activites_exercees = m.perimetre;
        c.parties = {std::string{trim(r.fields[e.colonne("ars")])}, std::string{trim(r.fields[e.colonne("organisme_local")])},
                     std::string{trim(r.fields[e.colonne("representant_legal")])}};
        for (const auto& [champ, date] : {std::pair<std::string_view, ymd*>{"reception_proposition", &c.reception_proposition},
                                          {"signature", &c.signature}, {"debut_effet", &c.debut_effet}}) {
            const parsed<ymd> d = parse_date(r.fields[e.colonne(champ)]);
            if (d.ok()) {
                *date = d.value;
            } else {
                j.rejeter(row, d.rule, champ, d.error);
                ok = false;
            }
        }
        for (const auto& v : m.volets) {
            const std::string col = concat("avenant_", nom_colonne(v.volet));
            const std::string_view cellule = trim(r.fields[e.colonne(col)]);
            if (cellule.empty()) continue;  // in the contract from its start
            const parsed<ymd> d = parse_date(cellule);
            if (d.ok()) {
                c.avenants.push_back({.signature = d.value, .volet_du_modele = v.volet});
            } else {
                j.rejeter(row, d.rule, col, d.error);
                ok = false;
            }
        }
        if (ok) {
            for (const violation& x : validate(m, c)) {
                j.rejeter(row, x.id, colonne_contrat(m, x, c),
                          concat(finess, ": ", x.lieu, ": ", x.detail.empty() ? std::string{fiche(x.id).titre} : x.detail));
                ok = false;
            }
        }
        if (const auto deja = contrats.find(finess); deja != contrats.end()) {
            j.rejeter(row, regle::texte_invalide, "finess", concat("duplicate of line ", std::to_string(deja->second.ligne), " for ", finess));
            continue;
        }
        contrats.emplace(std::string{finess}, contrat_lu{row, r.line, ok, std::move(c), {}, false, false});
    }
}

// The values file is read one record at a time (csv_records.hpp): a row costs no allocation
// of its own once the reader's buffers and the row statuses have grown, and the text is never
// split into owned strings.
inline void lire_valeurs(const modele_contrat_def& m, const source& src, const options_lecture& o, violations& out,
                         reconciliation& rec, std::map<cle, groupe>& groupes) {
    rec.file = src.name;
    journal j{src.name, out, rec};
    record_reader lecteur{src.text, o.forced, o.lignes};
    record_view r{};
    // The header as lire_entete reads it; a CR alone anywhere makes the file unusable before
    // any row is decided, so it is looked for first.
    table t{};
    t.lone_cr = find_lone_cr(src.text);
    if (lecteur.next(r)) {
        t.header = record{r.line, {r.fields.begin(), r.fields.end()}, std::string{message(r.error)}, r.error_field, r.quoted_any};
    }
    t.d = lecteur.dialect_of();
    rec.d = t.d;
    const entete e = lire_entete(t, {"finess", "exercice", "indicateur", "mesure", "valeur"}, src.text);
    auto fin = [&] {
        rec.lines = lecteur.lines();
        rec.blank = lecteur.blank();
        rec.header = t.header ? 1 : 0;
    };
    if (!e.erreur.empty()) {
        // Every row of an unusable file is counted and rejected with it.
        while (lecteur.next(r)) rec.rows.push_back({r.line, row_state::pending, 0});
        const std::size_t n = rec.rows.size();
        const std::size_t i = j.signaler(e.id, e.ligne, e.champ,
                                         t.lone_cr ? concat(e.erreur, "; the file is not read (", std::to_string(n), " rows before it rejected)")
                                                   : concat(e.erreur, "; none of the ", std::to_string(n), " rows is read"));
        for (std::size_t row = 0; row < n; ++row) j.rejeter(row, i);
        rec.unusable = i;
        return fin();
    }
    const std::vector<repere> index = reperes(m);
    const std::size_t c_indicateur = e.colonne("indicateur");
    const std::size_t c_mesure = e.colonne("mesure");
    const std::size_t c_valeur = e.colonne("valeur");
    std::optional<std::size_t> trop{};  // the violation of the establishment-year past the maximum

    while (lecteur.next(r)) {
        const std::size_t row = rec.rows.size();
        rec.rows.push_back({r.line, row_state::pending, 0});
        if (!forme_valide(j, row, r, e, t.d, src.text)) continue;
        const std::optional<cle> k = lire_cle(j, row, r, e, m, t.d);

        const std::string_view code = trim(r.fields[c_indicateur]);
        const repere* ind = nullptr;
        for (const auto& x : index) {
            if (x.ind->code == code) ind = &x;
        }
        const std::string_view code_mesure = trim(r.fields[c_mesure]);
        std::size_t jm = absent;
        if (ind == nullptr) {
            j.rejeter(row, regle::mesure_inconnue, "indicateur", concat("unknown indicator code ", quoted_field(code), " in \"", m.nom, "\""));
        } else {
            for (std::size_t x = 0; x < mesures_max; ++x) {
                if (!ind->ind->mesures[x].vide() && ind->ind->mesures[x].code == code_mesure) jm = x;
            }
            if (jm == absent) {
                j.rejeter(row, regle::mesure_inconnue, "mesure", concat("unknown measure ", quoted_field(code_mesure), " of indicator ", code));
            }
        }
        valeur_lue v{};
        if (jm != absent) {
            v = lire_valeur(r.fields[c_valeur], ind->ind->mesures[jm].type, t.d);
            if (v.erreur != regle::aucune) j.rejeter(row, v.erreur, "valeur", concat(code, ".", code_mesure, ": ", v.detail));
        }
        if (!k) continue;
        if (trop) continue;
        if (groupes.size() >= o.etablissements_annees_max && !groupes.contains(*k)) {
            // Past the stated maximum the batch is refused whole, with this row named, rather
            // than held until memory runs out (docs/input-format.md, "Memory").
            trop = j.signaler(regle::fichier_inutilisable, r.line, "finess",
                              concat(k->finess, " ", std::to_string(k->exercice), " is establishment-year number ",
                                     std::to_string(groupes.size() + 1), ", past the maximum of ",
                                     std::to_string(o.etablissements_annees_max),
                                     " held at once (options_lecture::etablissements_annees_max); the file is not evaluated: "
                                     "split it, or raise the maximum if the memory allows"));
            continue;
        }

        const std::size_t n = index.size();
        groupe& g = groupes[*k];
        if (g.valeurs.empty()) {
            g.valeurs.resize(n);
            g.ligne.resize(n, {});
            g.donnee.resize(n, {});
            g.premiere_ligne = r.line;
        }
        if (jm == absent) continue;
        std::size_t& claim = g.ligne[ind->k][jm];
        if (claim != 0) {
            j.rejeter(row, regle::texte_invalide, "mesure",
                      concat("duplicate of line ", std::to_string(claim), " for ", k->finess, " ", std::to_string(k->exercice), " ", code, ".", code_mesure));
            continue;
        }
        claim = r.line;
        if (v.erreur != regle::aucune) continue;
        g.valeurs[ind->k][jm] = v.v;
        g.donnee[ind->k][jm] = true;
        g.rows.push_back(row);
    }
    if (rec.rows.empty()) rec.unusable = j.signaler(regle::fichier_inutilisable, 1, e.noms.front(), "a header and no data row: nothing to read");
    if (trop) {
        for (std::size_t row = 0; row < rec.rows.size(); ++row) j.rejeter(row, *trop);
        rec.unusable = trop;
        groupes.clear();
    }
    fin();
}

// "12 rows, lines 17 to 45"; `rows` is not empty.
[[nodiscard]] inline std::string lignes_texte(const reconciliation& rec, const std::vector<std::size_t>& rows) {
    std::size_t lo = rec.rows[rows.front()].line;
    std::size_t hi = lo;
    for (const std::size_t r : rows) {
        lo = rec.rows[r].line < lo ? rec.rows[r].line : lo;
        hi = rec.rows[r].line > hi ? rec.rows[r].line : hi;
    }
    return concat(std::to_string(rows.size()), rows.size() == 1 ? " row, line " : " rows, lines ", std::to_string(lo),
                  lo == hi ? std::string{} : concat(" to ", std::to_string(hi)));
}

inline void compter(reconciliation& rec, std::size_t nombre_rejets) {
    rec.read = rec.rows.size();
    rec.accepted = 0;
    rec.rejected = 0;
    for (const auto& s : rec.rows) {
        if (s.state == row_state::accepted) ++rec.accepted;
        if (s.state == row_state::rejected && s.reason < nombre_rejets) ++rec.rejected;
    }
}

[[nodiscard]] inline lot_rapports lire(const modele_contrat_def& m, const parametres_evaluation& p, const source& valeurs,
                                       const source& etablissements, const source* fichier_contrats, const options_lecture& o) {
    lot_rapports lot{};
    std::map<cle, etablissement_lu> etabs;
    std::map<cle, groupe> groupes;
    std::map<std::string, contrat_lu, std::less<>> contrats;
    if (fichier_contrats != nullptr) {
        lot.contrats.emplace();
        lire_contrats(m, *fichier_contrats, o, lot.rejets, *lot.contrats, contrats);
    }
    lire_etablissements(m, etablissements, o, lot.rejets, lot.etablissements, etabs, lot.activites_donnees);
    lire_valeurs(m, valeurs, o, lot.rejets, lot.valeurs, groupes);
    journal jv{valeurs.name, lot.rejets, lot.valeurs};
    journal je{etablissements.name, lot.rejets, lot.etablissements};
    std::optional<journal> jc;
    if (fichier_contrats != nullptr) jc.emplace(fichier_contrats->name, lot.rejets, *lot.contrats);
    const std::vector<repere> index = reperes(m);

    for (auto& [k, g] : groupes) {
        const std::string qui = concat(k.finess, " ", std::to_string(k.exercice));
        contrat_lu* contrat = nullptr;
        std::string probleme_contrat;
        if (fichier_contrats != nullptr) {
            const auto ct = contrats.find(k.finess);
            if (ct == contrats.end()) {
                probleme_contrat = concat("no row in ", fichier_contrats->name);
            } else {
                contrat = &ct->second;
                contrat->vu = true;
                if (!contrat->accepte) {
                    probleme_contrat = concat("its contract's row ", fichier_contrats->name, ":", std::to_string(contrat->ligne), " was rejected");
                }
            }
        }
        // CAQES-E026: every measure of every indicator of the volets the contract has in force
        // for the exercise, and the establishment row. A volet out of its term is not reported
        // on; values given for it are refused by `validate` (CAQES-E060).
        const std::array<bool, volets_max> couverts =
            volets_couverts(m, contrat != nullptr && contrat->accepte ? &contrat->instance : nullptr, k.exercice, p.annee_partielle);
        std::string manque;
        std::size_t nombre_manquants = 0;
        for (const auto& x : index) {
            if (!couverts[x.volet]) continue;
            for (std::size_t jm = 0; jm < mesures_max; ++jm) {
                if (x.ind->mesures[jm].vide() || g.donnee[x.k][jm]) continue;
                if (nombre_manquants < 4) manque += concat(nombre_manquants == 0 ? "" : ", ", x.ind->code, ".", x.ind->mesures[jm].code);
                ++nombre_manquants;
            }
        }
        if (nombre_manquants > 4) manque += concat(" and ", std::to_string(nombre_manquants - 4), " more");
        const auto et = etabs.find(k);
        std::string probleme;
        if (nombre_manquants > 0) probleme = concat("missing ", manque);
        if (et == etabs.end()) {
            probleme += concat(probleme.empty() ? "" : "; ", "no row in ", etablissements.name);
        } else if (!et->second.accepte) {
            probleme += concat(probleme.empty() ? "" : "; ", "its row ", etablissements.name, ":", std::to_string(et->second.ligne), " was rejected");
        }
        if (!probleme_contrat.empty()) probleme += concat(probleme.empty() ? "" : "; ", probleme_contrat);

        violations refus;
        if (probleme.empty()) {
            // The final per-report check is the library's `validate`, not a copy of it; the
            // report names its values by code, as any caller's would.
            const etablissement_lu& el = et->second;
            std::vector<saisie_indicateur> saisies;
            for (const auto& x : index) {
                // An indicator of a volet out of its term is left out unless the file gave it.
                bool donne = couverts[x.volet];
                for (std::size_t jm = 0; jm < mesures_max; ++jm) donne = donne || g.donnee[x.k][jm];
                if (!donne) continue;
                saisie_indicateur& si = saisies.emplace_back();
                si.indicateur = x.ind->code;
                for (std::size_t jm = 0; jm < mesures_max; ++jm) {
                    if (!x.ind->mesures[jm].vide()) si.mesures[jm] = {x.ind->mesures[jm].code, g.valeurs[x.k][jm]};
                }
            }
            std::vector<montant_volet> economies;
            for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
                if (el.economies[iv]) economies.push_back({m.volets[iv].volet, *el.economies[iv]});
            }
            rapport_annuel r = el.donnees;
            // Without the activities column every activity of the template's scope is taken as
            // exercised (docs/input-format.md), and the lot says so.
            if (!lot.activites_donnees) r.activites_etablissement = m.perimetre;
            r.valeurs = saisies;
            r.economies = economies;
            r.decisions = el.decisions;
            resultat_validation<rapport_valide> v = [&] {
                if (contrat == nullptr) return validate(m, r, p);
                // This year's activities are the contract's establishment's (L.162-22).
                contrat_instance c = contrat->instance;
                c.etab.activites_exercees = r.activites_etablissement;
                return validate(m, c, r, p);
            }();
            if (v) {
                for (const std::size_t row : g.rows) jv.accepter(row);
                je.accepter(el.row);
                if (contrat != nullptr) contrat->utilise = true;
                lot.rapports.push_back({k.finess, std::move(v).valeur(), g.premiere_ligne, el.ligne, contrat != nullptr ? contrat->ligne : 0});
                continue;
            }
            // A decision, savings or other cell of the establishments file is located at its
            // own row and column; the rest at the establishment-year's first row of values.
            for (const auto& x : v.erreurs()) {
                const std::string colonne = colonne_etablissement(x.lieu, el.decisions, lot.activites_donnees);
                refus.push_back({x.id, colonne.empty() ? jv.lieu(g.premiere_ligne, "finess") : je.lieu(el.ligne, colonne),
                                 concat(qui, ": ", x.lieu, ": ", x.detail)});
            }
        } else {
            refus.push_back({regle::indicateur_absent, jv.lieu(g.premiere_ligne, "finess"), concat(qui, ": ", probleme)});
        }

        const bool etab_a_rejeter = et != etabs.end() && et->second.accepte;
        // The rows that go down with it: its valid rows of the values file, and its row of
        // the establishments file; a group whose rows were all rejected on their own has none.
        const std::string etab = etab_a_rejeter ? concat(etablissements.name, ":", std::to_string(et->second.ligne)) : std::string{};
        std::string avec;
        if (!g.rows.empty()) avec = concat(" with its ", lignes_texte(lot.valeurs, g.rows), etab.empty() ? "" : " and ", etab);
        else if (!etab.empty()) avec = concat(" with ", etab);
        refus.front().detail += concat("; establishment-year rejected", avec);
        const std::size_t premier = lot.rejets.size();
        for (auto& v : refus) lot.rejets.push_back(std::move(v));
        for (const std::size_t row : g.rows) jv.rejeter(row, premier);
        if (etab_a_rejeter) je.rejeter(et->second.row, premier);
        if (contrat != nullptr && !contrat->rejet) contrat->rejet = premier;
    }

    // Establishment rows with no values at all: every indicator is missing.
    for (const auto& [k, et] : etabs) {
        if (groupes.contains(k) || !et.accepte) continue;
        je.rejeter(et.row, regle::indicateur_absent, "finess",
                   concat(k.finess, " ", std::to_string(k.exercice), ": no row in ", valeurs.name, "; establishment-year rejected"));
    }

    // A contract row is kept when one of its establishment-years was; otherwise it goes down
    // with the first of them, or alone when no establishment-year names it.
    for (auto& [finess, c] : contrats) {
        if (!c.accepte) continue;
        if (c.utilise) {
            jc->accepter(c.row);
        } else if (c.rejet) {
            jc->rejeter(c.row, *c.rejet);
        } else {
            jc->rejeter(c.row, regle::indicateur_absent, "finess",
                        concat(finess, ": no establishment-year in ", etablissements.name, " for this contract; contract rejected"));
        }
    }

    // Every row is now accepted or rejected. A row left pending would be a reader bug: it is
    // counted in neither, so the reconciliation shows it, in release builds too.
    compter(lot.valeurs, lot.rejets.size());
    compter(lot.etablissements, lot.rejets.size());
    if (lot.contrats) compter(*lot.contrats, lot.rejets.size());
    assert(lot.balanced());
    return lot;
}

}  // namespace detail

// Reads and validates a batch without contract data: contract time is not checked, and every
// validated report says so (`rapport_valide::avec_instance()` is false).
[[nodiscard]] inline lot_rapports lire_rapports(const modele_contrat_def& m, const parametres_evaluation& p, const source& valeurs,
                                                const source& etablissements, const options_lecture& o = {}) {
    return detail::lire(m, p, valeurs, etablissements, nullptr, o);
}

// The same with the contracts file: each report is validated against its establishment's
// contract instance (contract time, avenants, the contract year: CAQES-E060 to E065).
[[nodiscard]] inline lot_rapports lire_rapports(const modele_contrat_def& m, const parametres_evaluation& p, const source& valeurs,
                                                const source& etablissements, const source& contrats, const options_lecture& o = {}) {
    return detail::lire(m, p, valeurs, etablissements, &contrats, o);
}

}  // namespace caqes::csv
