#pragma once
// Exact parsing of the numbers of a CSV file: decimal text to integer cents or to an exact
// fraction, never through a double (CAQES.md section 8).
//
// Accepted forms: an optional sign, digits, then optionally the dialect's decimal mark and at
// least one digit. In the French dialect the integer part may group thousands with a space,
// U+00A0 or U+202F (what spreadsheets write); every group after the first has exactly three
// digits. No exponent, no currency sign, no percent sign: the column says the unit. Leading
// and trailing ASCII spaces and tabs are ignored. Anything else is an error, returned as a
// value with its rule: the caller turns it into a violation with its file, line and field,
// CAQES-E029 for a malformed number and CAQES-E040 for one that does not fit in 64 bits. No
// intermediate can overflow: a check comes before every multiplication.
#include <caqes/calendrier/format.hpp>
#include <caqes/droit/regle.hpp>
#include <caqes/io/csv_dialect.hpp>
#include <caqes/io/csv_text.hpp>
#include <caqes/monnaie/centimes.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace caqes::csv {

// A parsed value, or why the text is not one and which rule that breaks.
template <class T>
struct parsed {
    T value{};
    std::string error;                  // empty when `value` holds the result
    regle rule{regle::texte_invalide};  // the rule `error` breaks: E029, or E040 for an overflow

    [[nodiscard]] bool ok() const noexcept { return error.empty(); }
};

// value = mantissa / 10^decimals, exactly as written.
struct decimal {
    int128 mantissa{0};
    int decimals{0};
};

[[nodiscard]] constexpr std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

namespace detail {

// Width in bytes of a thousands separator starting at s[i] (0 when there is none): space,
// U+00A0 (C2 A0) and U+202F (E2 80 AF) in UTF-8.
[[nodiscard]] constexpr std::size_t thousands_separator(std::string_view s, std::size_t i) noexcept {
    const std::string_view rest = s.substr(i);
    if (rest.starts_with(' ')) return 1;
    if (rest.starts_with("\xC2\xA0")) return 2;
    if (rest.starts_with("\xE2\x80\xAF")) return 3;
    return 0;
}

// A mantissa has at most 37 significant digits (below 10^37): far below the 128-bit limit
// (1.7 x 10^38), and more than any 64-bit amount or fraction needs. Later multiplications by
// 100 or 10^k are checked against the 64-bit range before they are done.
[[nodiscard]] constexpr int128 power10(int n) noexcept {
    int128 p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

}  // namespace detail

[[nodiscard]] inline parsed<decimal> parse_decimal(std::string_view text, dialect d) {
    const std::string_view s = trim(text);
    auto fail = [&](std::string_view why) {
        return parsed<decimal>{{}, concat("not a number: ", quoted_field(text), " (", why, ")")};
    };
    if (s.empty()) return fail("empty");

    std::size_t i = 0;
    const bool negative = s[0] == '-';
    if (s[0] == '-' || s[0] == '+') ++i;

    decimal r{};
    int integer_digits = 0;
    int group = 0;         // digits since the last thousands separator
    bool grouped = false;  // a thousands separator was seen
    bool fractional = false;
    std::size_t significatifs = 0;  // digits from the first non-zero one
    while (i < s.size()) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            // A run of digits, converted by std::from_chars 18 at a time (each chunk fits in
            // 64 bits); the mantissa stays below 10^37, so `mantissa * 10^18 + chunk` fits in
            // 128 bits.
            std::size_t fin = i;
            while (fin < s.size() && s[fin] >= '0' && s[fin] <= '9')
                ++fin;
            for (std::size_t debut = i; debut < fin;) {
                const std::size_t n = fin - debut < 18 ? fin - debut : 18;
                std::uint64_t chunk = 0;
                std::from_chars(s.data() + debut, s.data() + debut + n, chunk);
                const std::string_view morceau = s.substr(debut, n);
                std::size_t zeros = 0;  // leading zeros are not significant
                if (significatifs == 0) {
                    while (zeros < morceau.size() && morceau[zeros] == '0')
                        ++zeros;
                }
                significatifs += n - zeros;
                if (significatifs > 37) {
                    return {{},
                            concat("too many digits: ", quoted_field(text),
                                   " (more than 37: no 64-bit amount or fraction has that many)"),
                            regle::depassement_capacite};
                }
                r.mantissa = r.mantissa * detail::power10(static_cast<int>(n)) + static_cast<int128>(chunk);
                debut += n;
            }
            // Zeros alone can make a run of any length: the counts below stay ints.
            if (fin - i > 1'000'000)
                return {{},
                        concat("too many digits: ", quoted_field(text), " (a run of more than a million)"),
                        regle::depassement_capacite};
            const int k = static_cast<int>(fin - i);
            if (fractional) {
                r.decimals += k;
            } else {
                integer_digits += k;
                group += k;
            }
            i = fin;
            continue;
        }
        if (!fractional && c == decimal_mark(d)) {
            if (integer_digits == 0) return fail("no digit before the decimal mark");
            if (grouped && group != 3) return fail("thousands groups have three digits");
            fractional = true;
            ++i;
            continue;
        }
        const std::size_t w = d == dialect::french && !fractional ? detail::thousands_separator(s, i) : 0;
        if (w > 0) {
            if (integer_digits == 0 || (grouped ? group != 3 : group > 3)) return fail("misplaced thousands separator");
            grouped = true;
            group = 0;
            i += w;
            continue;
        }
        if (c == decimal_mark(d == dialect::french ? dialect::plain : dialect::french)) {
            return fail(d == dialect::french ? "the French dialect's decimal mark is ','"
                                             : "the plain dialect's decimal mark is '.', with no thousands separator");
        }
        return fail(concat("unexpected character at byte ", std::to_string(i + 1)));
    }
    if (integer_digits == 0) return fail("no digit");
    if (fractional && r.decimals == 0) return fail("no digit after the decimal mark");
    if (grouped && !fractional && group != 3) return fail("thousands groups have three digits");
    if (negative) r.mantissa = -r.mantissa;
    return {r, {}};
}

// An amount in euros with at most two decimals, to cents. The magnitude is bounded by
// INT64_MAX cents (92 233 720 368 547 758,07 EUR) on both sides, so negating never overflows.
[[nodiscard]] inline parsed<centimes> parse_centimes(std::string_view text, dialect d) {
    const parsed<decimal> p = parse_decimal(text, d);
    if (!p.ok()) return {{}, p.error, p.rule};
    if (p.value.decimals > 2) {
        return {{},
                concat("not an amount in cents: ", quoted_field(text), " (", std::to_string(p.value.decimals),
                       " decimals, at most 2)")};
    }
    // Bounded before the multiplication: 37 digits times 100 would not fit in 128 bits.
    const int128 echelle = detail::power10(2 - p.value.decimals);
    constexpr int128 max = std::numeric_limits<std::int64_t>::max();
    if (p.value.mantissa > max / echelle || p.value.mantissa < -(max / echelle)) {
        return {{},
                concat("amount out of range: ", quoted_field(text),
                       " (more than 92233720368547758.07 EUR, the 64-bit limit in cents)"),
                regle::depassement_capacite};
    }
    return {centimes{static_cast<std::int64_t>(p.value.mantissa * echelle)}, {}};
}

// value / scale, exact and normalised, when numerator and denominator fit in 64 bits.
[[nodiscard]] inline parsed<fraction> parse_fraction(std::string_view text, dialect d, std::int64_t scale = 1) {
    const parsed<decimal> p = parse_decimal(text, d);
    if (!p.ok()) return {{}, p.error, p.rule};
    // 10^36 x 10^18 would overflow 128 bits: a value needing more than 18 decimals is refused.
    if (p.value.decimals > 18)
        return {
            {}, concat("too precise: ", quoted_field(text), " (more than 18 decimals)"), regle::depassement_capacite};
    const std::optional<fraction> f = reduire(p.value.mantissa, detail::power10(p.value.decimals) * scale);
    if (!f)
        return {{},
                concat("out of range: ", quoted_field(text), " (its exact fraction does not fit in 64 bits)"),
                regle::depassement_capacite};
    return {*f, {}};
}

// A percentage: "2,2" is 2.2 %, the fraction 11/500.
[[nodiscard]] inline parsed<fraction> parse_percent(std::string_view text, dialect d) {
    return parse_fraction(text, d, 100);
}

// A whole number (a year, a contract year): no decimal part, even ",0".
[[nodiscard]] inline parsed<std::int64_t> parse_integer(std::string_view text, dialect d) {
    const parsed<decimal> p = parse_decimal(text, d);
    if (!p.ok()) return {{}, p.error, p.rule};
    if (p.value.decimals != 0) return {{}, concat("not a whole number: ", quoted_field(text))};
    constexpr int128 max = std::numeric_limits<std::int64_t>::max();
    if (p.value.mantissa > max || p.value.mantissa < -max)
        return {{},
                concat("out of range: ", quoted_field(text), " (does not fit in 64 bits)"),
                regle::depassement_capacite};
    return {static_cast<std::int64_t>(p.value.mantissa), {}};
}

}  // namespace caqes::csv
