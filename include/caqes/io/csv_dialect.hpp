#pragma once
// The two CSV dialects the batch reader accepts.
//
// - `french`: what a French spreadsheet writes ("CSV (separateur: point-virgule)"): `;`
//   between fields, a decimal comma, spaces or no-break spaces between thousands, UTF-8 with
//   or without a byte-order mark, CRLF line ends.
// - `plain`: RFC 4180-style CSV: `,` between fields, a decimal point, no thousands separator,
//   LF (CRLF is accepted too).
//
// The comma is the field separator of one dialect and the decimal mark of the other, so the
// two cannot be read with one set of rules: the header line, which holds no number, decides.
#include <cstdint>
#include <string_view>

namespace caqes::csv {

enum class dialect : std::uint8_t { french, plain };

[[nodiscard]] constexpr char separator(dialect d) noexcept { return d == dialect::french ? ';' : ','; }
[[nodiscard]] constexpr char decimal_mark(dialect d) noexcept { return d == dialect::french ? ',' : '.'; }

[[nodiscard]] constexpr std::string_view name(dialect d) noexcept {
    return d == dialect::french ? "french (;)" : "plain (,)";
}

// A `;` anywhere in the header line means a French file: a plain header never contains one,
// since its column names are identifiers.
[[nodiscard]] constexpr dialect detect(std::string_view header_line) noexcept {
    return header_line.find(';') != std::string_view::npos ? dialect::french : dialect::plain;
}

inline constexpr std::string_view utf8_bom{"\xEF\xBB\xBF"};

}  // namespace caqes::csv
