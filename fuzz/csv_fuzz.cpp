// libFuzzer target for the record reader and the number parsers (caqes/io/csv_records.hpp,
// csv_number.hpp, csv_text.hpp), built by the `fuzz` preset with clang and
// -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all. The first byte chooses the
// dialect (detected, French, plain) and the reader's line limit; the rest is the file. Besides
// crashes, leaks and undefined behaviour, it traps on the first broken property:
// - no line is lost: physical lines = blank lines + records, and when the reader did not stop
//   at a lone CR, physical lines = the LF-ended lines of the text (a last line without LF
//   counts); when it stopped, there is a CR not followed by LF where it says;
// - the records of a text in memory and of the same text read as a stream through the fixed
//   buffer are the same (line, error, fields), as are the counts;
// - a parsed number, printed and parsed again, gives the same value (cents, whole numbers,
//   fractions, percentages), in both dialects; a refused one says why, with rule E029 or E040;
// - a field as a message quotes it is valid UTF-8 with no control character.
#include <caqes/io/csv_number.hpp>
#include <caqes/io/csv_records.hpp>
#include <caqes/io/csv_text.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/format.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

void exiger(bool propriete) {
    if (!propriete) __builtin_trap();
}

using namespace caqes;
using csv::dialect;

void refus_explique(const std::string& erreur, regle r) {
    exiger(!erreur.empty());
    exiger(r == regle::texte_invalide || r == regle::depassement_capacite);
}

// The plain text of `s` written in dialect `d` (the decimal mark is the only difference).
std::string dans(std::string s, dialect d) {
    if (d == dialect::french) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

void nombres(std::string_view champ) {
    for (const dialect d : {dialect::french, dialect::plain}) {
        const csv::parsed<csv::decimal> x = csv::parse_decimal(champ, d);
        if (!x.ok()) refus_explique(x.error, x.rule);
        const csv::parsed<centimes> c = csv::parse_centimes(champ, d);
        if (c.ok()) {
            exiger(x.ok());
            for (const dialect e : {dialect::french, dialect::plain}) {
                const csv::parsed<centimes> encore = csv::parse_centimes(dans(texte_euros(c.value), e), e);
                exiger(encore.ok() && encore.value == c.value);
            }
            const csv::parsed<centimes> groupe = csv::parse_centimes(
                dans(texte_euros(c.value, groupes_milliers::espace), dialect::french), dialect::french);
            exiger(groupe.ok() && groupe.value == c.value);
        } else {
            refus_explique(c.error, c.rule);
        }
        const csv::parsed<std::int64_t> n = csv::parse_integer(champ, d);
        if (n.ok()) {
            const csv::parsed<std::int64_t> encore = csv::parse_integer(std::to_string(n.value), d);
            exiger(encore.ok() && encore.value == n.value);
        } else {
            refus_explique(n.error, n.rule);
        }
        const csv::parsed<fraction> f = csv::parse_fraction(champ, d);
        if (f.ok()) {
            // The fraction of a decimal has a terminating expansion, printed in full.
            const std::string t = detail::texte_decimal(f.value.num, f.value.den, 40);
            const csv::parsed<fraction> encore = csv::parse_fraction(dans(t, d), d);
            exiger(encore.ok() && encore.value.num == f.value.num && encore.value.den == f.value.den);
        } else {
            refus_explique(f.error, f.rule);
        }
        const csv::parsed<fraction> p = csv::parse_percent(champ, d);
        if (p.ok()) {
            const std::string t = detail::texte_decimal(int128{p.value.num} * 100, p.value.den, 40);
            const csv::parsed<fraction> encore = csv::parse_percent(dans(t, d), d);
            exiger(encore.ok() && encore.value.num == p.value.num && encore.value.den == p.value.den);
        } else {
            refus_explique(p.error, p.rule);
        }
    }
}

void message_sur(std::string_view champ) {
    const std::string q = csv::quoted_field(champ);
    exiger(!csv::invalid_utf8(q).has_value());
    for (const char c : q)
        exiger(static_cast<unsigned char>(c) >= 0x20U && c != 0x7F);
}

struct lu {
    std::size_t line;
    csv::record_error error;
    std::vector<std::string> fields;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t choix = data[0];
    const std::optional<dialect> forced =
        choix % 3 == 0 ? std::nullopt : std::optional<dialect>{choix % 3 == 1 ? dialect::french : dialect::plain};
    const csv::limites l{.ligne_max = 4 + static_cast<std::size_t>(choix / 3)};
    const std::string_view texte{reinterpret_cast<const char*>(data) + 1, size - 1};

    csv::record_reader memoire{texte, forced, l};
    std::vector<lu> attendus;
    csv::record_view v{};
    std::size_t precedente = 0;
    while (memoire.next(v)) {
        exiger(v.line > precedente);
        precedente = v.line;
        exiger(!v.fields.empty());
        exiger(v.ok() || v.error_field < v.fields.size());
        attendus.push_back({v.line, v.error, std::vector<std::string>(v.fields.begin(), v.fields.end())});
        for (const std::string_view f : v.fields) {
            exiger(f.size() <= l.ligne_max);
            exiger(f.find('\n') == std::string_view::npos && f.find('\r') == std::string_view::npos);
            message_sur(f);
            if (v.ok()) nombres(f);
        }
    }
    exiger(memoire.lines() == memoire.blank() + attendus.size());
    const std::string_view corps = memoire.had_bom() ? texte.substr(csv::utf8_bom.size()) : texte;
    if (const auto& cr = memoire.lone_cr()) {
        // Line `cr->line` (from 1) starts after the (line - 1)th LF; its byte `cr->byte` is a CR
        // with no LF after it.
        std::size_t debut = 0;
        for (std::size_t k = 1; k < cr->line; ++k)
            debut = corps.find('\n', debut) + 1;
        const std::size_t i = debut + cr->byte - 1;
        exiger(i < corps.size() && corps[i] == '\r' && (i + 1 == corps.size() || corps[i + 1] != '\n'));
        exiger(memoire.lines() == cr->line - 1);
    } else {
        const auto lf = static_cast<std::size_t>(std::count(corps.begin(), corps.end(), '\n'));
        exiger(memoire.lines() == lf + (!corps.empty() && corps.back() != '\n' ? 1U : 0U));
    }

    std::istringstream in{std::string{texte}};
    csv::record_reader flux{in, forced, l};
    std::size_t k = 0;
    while (flux.next(v)) {
        exiger(k < attendus.size());
        const lu& a = attendus[k++];
        exiger(v.line == a.line && v.error == a.error && v.fields.size() == a.fields.size());
        for (std::size_t i = 0; i < a.fields.size(); ++i)
            exiger(v.fields[i] == a.fields[i]);
    }
    exiger(k == attendus.size());
    exiger(flux.lines() == memoire.lines() && flux.blank() == memoire.blank() && flux.had_bom() == memoire.had_bom());
    exiger(flux.lone_cr().has_value() == memoire.lone_cr().has_value());
    if (flux.lone_cr())
        exiger(flux.lone_cr()->line == memoire.lone_cr()->line && flux.lone_cr()->byte == memoire.lone_cr()->byte);
    exiger(flux.dialect_of() == memoire.dialect_of());
    return 0;
}
