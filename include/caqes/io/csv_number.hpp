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

#include <algorithm>
#include <bit>
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

// A short decimal's value in 64 bits: |mantissa| < 10^18. Kept apart from `decimal`, whose
// 128-bit mantissa, built and copied field by field, stalled the loads that followed (store
// forwarding).
struct decimal_court {
    std::int64_t mantissa{0};
    int decimals{0};
};

// The form nearly every value of a file has: an optional sign, digits, then optionally the
// dialect's decimal mark and digits, at most 18 digits in all, nothing else (`s` is trimmed).
// Its mantissa then fits 64 bits, and it is the decimal the general loop of parse_decimal
// gives; the loop's per-chunk conversion, its 128-bit products and its separator checks cost
// more than the field itself (docs/performance.md, "End to end"). Any other text gives nothing
// here, a text the loop refuses included: the loop parses it or says why it cannot.
[[nodiscard]] constexpr std::optional<decimal_court> decimal_simple(std::string_view s, dialect d) noexcept {
    std::size_t i = 0;
    const bool negatif = !s.empty() && s[0] == '-';
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) ++i;
    std::int64_t m = 0;
    int chiffres = 0;
    int decimales = 0;
    bool fraction_ = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            if (++chiffres > 18) return std::nullopt;
            m = m * 10 + (c - '0');  // < 10^18: no overflow
            decimales += fraction_ ? 1 : 0;
            continue;
        }
        // The mark once, after a digit, and followed by one (checked at the end).
        if (c != decimal_mark(d) || fraction_ || chiffres == 0) return std::nullopt;
        fraction_ = true;
    }
    if (chiffres == 0 || (fraction_ && decimales == 0)) return std::nullopt;
    return decimal_court{negatif ? -m : m, decimales};
}

// mantissa / 10^k in lowest terms, as `reduire` gives it, without a gcd: 10^k = 2^k x 5^k, so
// the common factor is 2^min(k, twos) x 5^min(k, fives) of the mantissa, found by a shift and by
// divisions by the constant 5. Every decimal the reader accepts goes through here; the gcds of
// `reduire` and `dans_domaine` took 8 % of the reading (docs/performance.md, "End to end"). A
// mantissa or 10^k past 64 bits goes to `reduire`.
[[nodiscard]] constexpr std::optional<fraction> reduire_decimal(int128 mantissa, int k) noexcept {
    constexpr int128 max64 = std::numeric_limits<std::int64_t>::max();
    if (k > 18 || mantissa > max64 || mantissa < -max64) return reduire(mantissa, power10(k));
    if (mantissa == 0) return fraction{0, 1};
    const bool negatif = mantissa < 0;
    auto m = static_cast<std::uint64_t>(negatif ? -mantissa : mantissa);
    const int deux = std::min(std::countr_zero(m), k);
    m >>= deux;
    std::int64_t cinqs = 1;  // 5^fives, fives <= k
    for (int cinq = 0; cinq < k && m % 5 == 0; ++cinq) {
        m /= 5;
        cinqs *= 5;
    }
    const auto num = static_cast<std::int64_t>(m);
    return fraction{negatif ? -num : num, static_cast<std::int64_t>(power10(k) >> deux) / cinqs};
}

// The general loop: every accepted form, and the reason for each refusal.
[[nodiscard]] inline parsed<decimal> parse_decimal_boucle(std::string_view text, dialect d) {
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
        // Counted in the text quoted, leading blanks included.
        return fail(concat("unexpected character at byte ",
                           std::to_string(static_cast<std::size_t>(s.data() - text.data()) + i + 1)));
    }
    if (integer_digits == 0) return fail("no digit");
    if (fractional && r.decimals == 0) return fail("no digit after the decimal mark");
    if (grouped && !fractional && group != 3) return fail("thousands groups have three digits");
    if (negative) r.mantissa = -r.mantissa;
    return {r, {}};
}

}  // namespace detail

[[nodiscard]] inline parsed<decimal> parse_decimal(std::string_view text, dialect d) {
    if (const std::optional<detail::decimal_court> c = detail::decimal_simple(trim(text), d))
        return {decimal{c->mantissa, c->decimals}, {}};
    return detail::parse_decimal_boucle(text, d);
}

namespace detail {

// The rule of each kind of number, once, on the decimal mantissa / 10^decimals the text holds
// (`text` for the messages). The public parsers apply it to the short form's decimal
// (`decimal_simple`), passed as two numbers rather than as a `decimal`, or else to the general
// loop's (`selon_decimal`); the overloads on `parsed<decimal>` pass the loop's refusal on
// (`appliquer`).

// `regle(mantissa, decimals)` applied to a parsed decimal, or its refusal passed on.
template <class Regle>
[[nodiscard]] auto appliquer(const parsed<decimal>& p, Regle&& regle) -> decltype(regle(int128{}, 0)) {
    if (!p.ok()) return {{}, p.error, p.rule};
    return regle(p.value.mantissa, p.value.decimals);
}

// `regle` applied to the decimal `text` holds: the short form's when it has one, else the
// general loop's.
template <class Regle>
[[nodiscard]] auto selon_decimal(std::string_view text, dialect d, Regle&& regle) -> decltype(regle(int128{}, 0)) {
    if (const std::optional<decimal_court> c = decimal_simple(trim(text), d)) return regle(c->mantissa, c->decimals);
    return appliquer(parse_decimal_boucle(text, d), regle);
}

// An amount in euros with at most two decimals, to cents. The magnitude is bounded by
// INT64_MAX cents (92 233 720 368 547 758,07 EUR) on both sides, so negating never overflows.
[[nodiscard]] inline parsed<centimes> centimes_de(int128 mantissa, int decimals, std::string_view text) {
    if (decimals > 2) {
        return {{},
                concat("not an amount in cents: ", quoted_field(text), " (", std::to_string(decimals),
                       " decimals, at most 2)")};
    }
    // Bounded before the multiplication: 37 digits times 100 would not fit in 128 bits. The
    // bound is computed in 64 bits (a 128-bit division is a library call).
    const std::int64_t echelle = decimals == 0 ? 100 : decimals == 1 ? 10 : 1;
    const std::int64_t borne = std::numeric_limits<std::int64_t>::max() / echelle;
    if (mantissa > borne || mantissa < -int128{borne}) {
        return {{},
                concat("amount out of range: ", quoted_field(text),
                       " (more than 92233720368547758.07 EUR, the 64-bit limit in cents)"),
                regle::depassement_capacite};
    }
    return {centimes{static_cast<std::int64_t>(mantissa) * echelle}, {}};
}
[[nodiscard]] inline parsed<centimes> centimes_de(const parsed<decimal>& p, std::string_view text) {
    return appliquer(p, [text](int128 m, int k) { return centimes_de(m, k, text); });
}

// value / scale, exact and normalised, when numerator and denominator fit in 64 bits.
[[nodiscard]] inline parsed<fraction> fraction_de(int128 mantissa, int decimals, std::string_view text,
                                                  std::int64_t scale) {
    // 10^36 x 10^18 would overflow 128 bits: a value needing more than 18 decimals is refused.
    if (decimals > 18)
        return {
            {}, concat("too precise: ", quoted_field(text), " (more than 18 decimals)"), regle::depassement_capacite};
    const std::optional<fraction> f = scale == 1 || scale == 100
                                          ? reduire_decimal(mantissa, decimals + (scale == 100 ? 2 : 0))
                                          : reduire(mantissa, power10(decimals) * scale);
    if (!f)
        return {{},
                concat("out of range: ", quoted_field(text), " (its exact fraction does not fit in 64 bits)"),
                regle::depassement_capacite};
    return {*f, {}};
}
[[nodiscard]] inline parsed<fraction> fraction_de(const parsed<decimal>& p, std::string_view text, std::int64_t scale) {
    return appliquer(p, [text, scale](int128 m, int k) { return fraction_de(m, k, text, scale); });
}

// A whole number (a year, a contract year): no decimal part, even ",0".
[[nodiscard]] inline parsed<std::int64_t> entier_de(int128 mantissa, int decimals, std::string_view text) {
    if (decimals != 0) return {{}, concat("not a whole number: ", quoted_field(text))};
    constexpr int128 max = std::numeric_limits<std::int64_t>::max();
    if (mantissa > max || mantissa < -max)
        return {{},
                concat("out of range: ", quoted_field(text), " (does not fit in 64 bits)"),
                regle::depassement_capacite};
    return {static_cast<std::int64_t>(mantissa), {}};
}
[[nodiscard]] inline parsed<std::int64_t> entier_de(const parsed<decimal>& p, std::string_view text) {
    return appliquer(p, [text](int128 m, int k) { return entier_de(m, k, text); });
}

}  // namespace detail

// An amount in euros with at most two decimals, to cents (detail::centimes_de).
[[nodiscard]] inline parsed<centimes> parse_centimes(std::string_view text, dialect d) {
    return detail::selon_decimal(text, d, [text](int128 m, int k) { return detail::centimes_de(m, k, text); });
}

// value / scale, exact and normalised (detail::fraction_de).
[[nodiscard]] inline parsed<fraction> parse_fraction(std::string_view text, dialect d, std::int64_t scale = 1) {
    return detail::selon_decimal(text, d,
                                 [text, scale](int128 m, int k) { return detail::fraction_de(m, k, text, scale); });
}

// A percentage: "2,2" is 2.2 %, the fraction 11/500.
[[nodiscard]] inline parsed<fraction> parse_percent(std::string_view text, dialect d) {
    return parse_fraction(text, d, 100);
}

// A whole number (a year, a contract year): no decimal part, even ",0" (detail::entier_de).
[[nodiscard]] inline parsed<std::int64_t> parse_integer(std::string_view text, dialect d) {
    return detail::selon_decimal(text, d, [text](int128 m, int k) { return detail::entier_de(m, k, text); });
}

// A year or a contract year: digits only, at most four, as a date writes them ("2018", "2"). No
// sign, no grouping, no decimal part: an amount's grammar would read "+2 018" as 2018.
[[nodiscard]] inline parsed<std::int64_t> parse_year(std::string_view text) {
    const std::string_view t = trim(text);
    const bool chiffres =
        !t.empty() && t.size() <= 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!chiffres) return {0, concat("not a year: ", quoted_field(text), " (one to four digits, as in 2018)")};
    std::int64_t n = 0;
    for (const char c : t)
        n = 10 * n + (c - '0');
    return {n, {}};
}

}  // namespace caqes::csv
