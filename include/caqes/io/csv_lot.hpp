#pragma once
// The batch input's public types: the files given (`source`), the options, the reconciliation
// of each file, what a streamed read leaves (`bilan_lecture`), the accepted establishment-years
// (`lot_rapports`) and the exit status. Read by `lire_rapports_flux` and `lire_rapports`
// (csv_rapports.hpp).

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
#include <istream>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes::csv {

// One input file: the name violations cite ("valeurs.csv") and either its whole text or, when
// `flux` is set, a stream it is read from through the reader's fixed buffer (a file opened in
// binary mode, at its start: it is read twice, once for its line ends, then for its rows).
struct source {
    std::string name;
    std::string_view text{};
    std::istream* flux{nullptr};
};

// Lines read = header + blank lines + rows accepted + rows rejected, for one file; rows read
// (`read`) = accepted + rejected. Counted as each row is decided: a row the reader forgot to
// decide is in neither count, and a line it swallowed in no row, so `balanced()` shows both.
struct reconciliation {
    std::string file;
    dialect d{dialect::french};
    std::size_t lines{0};   // physical lines read
    std::size_t header{0};  // 1 when a header line was read
    std::size_t blank{0};   // empty lines, which hold no row
    std::size_t read{0};    // data rows
    std::size_t accepted{0};
    std::size_t rejected{0};
    // When the file as a whole cannot be used (empty, no data row, a header that cannot be
    // read, past a maximum: CAQES-E041, CAQES-E042), the rank among the rejections handed
    // over (the index in `lot_rapports::rejets`) of the violation that says why; the rows it
    // covers are rejected for it.
    std::optional<std::size_t> unusable{};
    // Set when the file could not be read to its end: a read error (the stream failed), or a
    // stream that cannot be read twice. The lines known to be left unread, counted in `lines`
    // (the first pass counted them; 0 when the failure left their number unknown). Such a file
    // never balances: what was not read cannot be reconciled.
    std::optional<std::size_t> unread{};

    // The counts agree: every line read is the header, blank or a row, every row decided.
    [[nodiscard]] bool counts_agree() const noexcept {
        return read == accepted + rejected && lines == header + blank + read + unread.value_or(0);
    }
    // The file was read to its end and the counts agree: what the reconciliation calls OK.
    [[nodiscard]] bool balanced() const noexcept { return !unread && counts_agree(); }
};

// One establishment-year, accepted: its report, validated against the template.
struct rapport_lu {
    std::string finess;
    rapport_valide rapport;              // what the evaluators take
    std::size_t ligne_valeurs{0};        // first row in the values file
    std::size_t ligne_etablissement{0};  // its row in the establishments file
    std::size_t ligne_contrat{0};        // its contract's row in the contracts file, 0 without one
    // Its activities were given (the `activites` column, or member); without them every activity
    // of the template's scope was taken as exercised, which no result column says.
    bool activites_donnees{true};
};

// What a streamed read leaves once every establishment-year was handed over
// (`lire_rapports_flux`, csv_rapports.hpp): the reconciliation of each file, the number of
// rejections handed over, and how far the values file was read.
struct bilan_lecture {
    reconciliation valeurs;
    reconciliation etablissements;
    std::optional<reconciliation> contrats;  // when a contracts file was given
    bool activites_donnees{false};           // the establishments file has the `activites` column
    std::size_t rejets{0};                   // violations handed to the rejection callback
    std::uint64_t octets_valeurs{0};         // size of the values file
    std::uint64_t octets_valeurs_lus{0};     // bytes of it read so far

    [[nodiscard]] bool balanced() const noexcept {
        return valeurs.balanced() && etablissements.balanced() && (!contrats || contrats->balanced());
    }
    // Every row read decided, every line counted (a file not read to its end included).
    [[nodiscard]] bool counts_agree() const noexcept {
        return valeurs.counts_agree() && etablissements.counts_agree() && (!contrats || contrats->counts_agree());
    }
};

struct lot_rapports {
    std::vector<rapport_lu> rapports;  // accepted establishment-years, in the values file's order
    violations rejets;                 // in the order found
    reconciliation valeurs;
    reconciliation etablissements;
    std::optional<reconciliation> contrats;  // when a contracts file was given
    bool activites_donnees{false};           // the establishments file has the `activites` column

    [[nodiscard]] bool balanced() const noexcept {
        return valeurs.balanced() && etablissements.balanced() && (!contrats || contrats->balanced());
    }
    [[nodiscard]] bool counts_agree() const noexcept {
        return valeurs.counts_agree() && etablissements.counts_agree() && (!contrats || contrats->counts_agree());
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

namespace detail {
template <class Lot>
[[nodiscard]] constexpr exit_status status_de(const Lot& lot) noexcept {
    // An unbalanced reconciliation is a reader bug: nothing read can be trusted.
    if (!lot.balanced() || lot.valeurs.unusable || lot.etablissements.unusable ||
        (lot.contrats && lot.contrats->unusable)) {
        return exit_status::unusable_input;
    }
    if (lot.valeurs.accepted == 0 || lot.etablissements.accepted == 0) return exit_status::unusable_input;
    if (lot.valeurs.rejected > 0 || lot.etablissements.rejected > 0 || (lot.contrats && lot.contrats->rejected > 0)) {
        return exit_status::some_rejected;
    }
    return exit_status::accepted;
}
}  // namespace detail

[[nodiscard]] inline exit_status status(const lot_rapports& lot) noexcept { return detail::status_de(lot); }
[[nodiscard]] inline exit_status status(const bilan_lecture& b) noexcept { return detail::status_de(b); }

struct options_lecture {
    std::optional<dialect> forced{};  // else detected per file from its header line
    limites lignes{};                 // the longest line read (csv_records.hpp)
    // The most establishment-years a batch may hold: rows of the establishments file, of the
    // contracts file, and establishment-years of the values file (whose keys are remembered, 8
    // bytes each, to find rows that come back after their establishment-year closed). Each one
    // costs memory until the end (docs/input-format.md, "Memory"), so past it the rest of the
    // file is refused with a located error, never read until memory runs out.
    std::size_t etablissements_annees_max{2'000'000};
    // The most physical lines of the values file: the establishment-year held keeps the lines
    // of its rows in 32 bits (docs/input-format.md, "Memory"), so past this line the rest of the
    // file is refused with a located error. At most, and by default, 4 294 967 295.
    std::size_t lignes_valeurs_max{4'294'967'295};
};

// The nature of a decision as the establishments file writes it, and back: the outcomes a
// volet's decision may have (CAQES-E061 checks the regime and clauses allow it).
struct nature_ecrite {
    std::string_view mot;
    std::optional<issue_legale> nature;
};
inline constexpr std::array<nature_ecrite, 10> natures_decision{{
    {"aucune", std::nullopt},
    {"sanction", issue_legale::sanction_volet},
    {"interessement", issue_legale::interessement_volet},
    {"reduction_liste_en_sus", issue_legale::reduction_liste_en_sus},
    {"interessement_national", issue_legale::interessement_national},
    {"interessement_regional", issue_legale::interessement_regional},
    {"abattement", issue_legale::abattement},
    {"minoration", issue_legale::minoration},
    {"dotation", issue_legale::dotation},
    {"penalite", issue_legale::penalite_financement},
}};

// Why a word is no decision's nature: the words there are, for the readers' message.
[[nodiscard]] inline std::string pas_une_nature(std::string_view mot_cite) {
    std::string s = concat(mot_cite, " is not a decision's nature: ");
    for (std::size_t i = 0; i < natures_decision.size(); ++i)
        s += concat(i == 0 ? "" : i + 1 == natures_decision.size() ? " or " : ", ", natures_decision[i].mot);
    return s;
}

// The word of a decision's nature, as the establishments file writes it ("aucune" for a decision
// of no outcome): what `caqes evaluate` prints beside the decided amount.
[[nodiscard]] constexpr std::string_view mot_nature_decision(std::optional<issue_legale> n) noexcept {
    for (const nature_ecrite& x : natures_decision) {
        if (x.nature == n) return x.mot;
    }
    return {};
}

// The establishments file's column for a volet: its name without the "volet_" prefix
// ("economies_socle", "decision_transports").
[[nodiscard]] constexpr std::string_view nom_colonne(volet_id v) noexcept {
    std::string_view n = traits(v).nom;
    if (n.starts_with("volet_")) n.remove_prefix(6);
    return n;
}

}  // namespace caqes::csv
