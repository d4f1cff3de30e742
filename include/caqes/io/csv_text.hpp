#pragma once
// The text of an input file as messages may show it.
//
// - UTF-8 validity: the reader rejects a field that is not UTF-8 (CAQES-E041) at read time,
//   so no invalid byte reaches an output that must be UTF-8 (JSON).
// - The likely encoding of a file that is not UTF-8 (Windows-1252, what a French spreadsheet
//   writes by default, or UTF-16), and how to save it as UTF-8.
// - `quoted`: a field as a message quotes it. At most a bounded prefix, with control
//   characters, invalid bytes and bidirectional overrides escaped, so a 100 MB field does not
//   flood the terminal and a crafted field cannot forge a line or move the cursor.
#include <caqes/calendrier/format.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caqes::csv {

// How many bytes of a field a message quotes.
inline constexpr std::size_t quoted_max = 48;

namespace detail {

// The length of the well-formed UTF-8 sequence starting at s[i], or 0 (RFC 3629: no
// overlong form, no surrogate, nothing above U+10FFFF).
[[nodiscard]] constexpr std::size_t utf8_sequence(std::string_view s, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const auto cont = [&](std::size_t k) { return i + k < s.size() && (b(k) & 0xC0U) == 0x80U; };
    const unsigned char c = b(0);
    if (c < 0x80U) return 1;
    if (c >= 0xC2U && c <= 0xDFU) return cont(1) ? 2 : 0;
    if (c >= 0xE0U && c <= 0xEFU) {
        if (!cont(1) || !cont(2)) return 0;
        if (c == 0xE0U && b(1) < 0xA0U) return 0;   // overlong
        if (c == 0xEDU && b(1) >= 0xA0U) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0U && c <= 0xF4U) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        if (c == 0xF0U && b(1) < 0x90U) return 0;   // overlong
        if (c == 0xF4U && b(1) >= 0x90U) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

[[nodiscard]] constexpr std::uint32_t code_point(std::string_view s, std::size_t i, std::size_t n) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + k])); };
    switch (n) {
        case 1:
            return b(0);
        case 2:
            return ((b(0) & 0x1FU) << 6U) | (b(1) & 0x3FU);
        case 3:
            return ((b(0) & 0x0FU) << 12U) | ((b(1) & 0x3FU) << 6U) | (b(2) & 0x3FU);
        default:
            return ((b(0) & 0x07U) << 18U) | ((b(1) & 0x3FU) << 12U) | ((b(2) & 0x3FU) << 6U) | (b(3) & 0x3FU);
    }
}

[[nodiscard]] inline std::string hex(std::uint32_t v, int digits) {
    constexpr std::string_view x = "0123456789ABCDEF";
    std::string s(static_cast<std::size_t>(digits), '0');
    for (int k = digits - 1; k >= 0; --k, v >>= 4U)
        s[static_cast<std::size_t>(k)] = x[v & 0xFU];
    return s;
}

// Characters a message never prints raw: C0 and C1 controls, DEL, the Unicode directional
// marks and overrides (U+200E-F, U+202A-E, U+2066-9) that can make a line read differently from
// its bytes, and the characters that show as a plain space or as nothing at all, so that a
// quoted field that looks well formed is: the no-break spaces (U+00A0, U+202F), the soft hyphen
// (U+00AD), the zero-width space, joiners and word joiner (U+200B-D, U+2060-4), the line and
// paragraph separators (U+2028-9) and the byte order mark (U+FEFF).
[[nodiscard]] constexpr bool escaped(std::uint32_t cp) noexcept {
    return cp < 0x20U || (cp >= 0x7FU && cp <= 0x9FU) || cp == 0xA0U || cp == 0xADU ||
           (cp >= 0x200BU && cp <= 0x200FU) || cp == 0x2028U || cp == 0x2029U || (cp >= 0x202AU && cp <= 0x202FU) ||
           (cp >= 0x2060U && cp <= 0x2064U) || (cp >= 0x2066U && cp <= 0x2069U) || cp == 0xFEFFU;
}

}  // namespace detail

// The offset of the first byte of `s` that does not start a well-formed UTF-8 sequence.
[[nodiscard]] constexpr std::optional<std::size_t> invalid_utf8(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = detail::utf8_sequence(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

namespace detail {

// Appends at most `max` bytes of `s` to `out`, cut at a character boundary: \t \n \r; other
// controls, invalid bytes and directional overrides as \xHH or \uHHHH; `"` and `\` as \" and
// \\ when `dans_guillemets`. Returns the bytes of `s` consumed.
inline std::size_t ajouter_echappe(std::string& out, std::string_view s, std::size_t max, bool dans_guillemets) {
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t n = utf8_sequence(s, i);
        if (i + (n == 0 ? 1 : n) > max) break;
        if (n == 0) {
            out += concat("\\x", hex(static_cast<unsigned char>(s[i]), 2));
            ++i;
            continue;
        }
        const std::uint32_t cp = code_point(s, i, n);
        if (dans_guillemets && (cp == '"' || cp == '\\')) {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (escaped(cp)) {
            out += cp < 0x80U ? concat("\\x", hex(cp, 2)) : concat("\\u", hex(cp, 4));
        } else {
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return i;
}

}  // namespace detail

// `s` in double quotes for a message: at most `quoted_max` bytes of it, cut at a character
// boundary; `"` and `\` as \" and \\; \t \n \r; other controls, invalid bytes and directional
// overrides as \xHH or \uHHHH. A longer field ends with `..." (N bytes)`.
[[nodiscard]] inline std::string quoted_field(std::string_view s) {
    std::string out{"\""};
    const std::size_t i = detail::ajouter_echappe(out, s, quoted_max, true);
    if (i < s.size()) return concat(out, "...\" (", std::to_string(s.size()), " bytes)");
    return out + "\"";
}

// A text from elsewhere (a library's message that quotes its input) made fit for a message:
// whole, unquoted, with the controls, invalid bytes and directional overrides escaped as
// quoted_field escapes them.
[[nodiscard]] inline std::string escaped_text(std::string_view s) {
    std::string out;
    detail::ajouter_echappe(out, s, s.size(), false);
    return out;
}

// Whether a file (its first bytes at least) looks like UTF-16: a byte-order mark, or NUL bytes
// for at least a quarter of its first 4 KiB (text in UTF-16 is half NULs where it is ASCII). A
// NUL byte here and there is valid UTF-8 in a field, which rejects its row, not the whole file.
[[nodiscard]] inline bool looks_like_utf16(std::string_view file_text) noexcept {
    if (file_text.starts_with("\xFF\xFE") || file_text.starts_with("\xFE\xFF")) return true;
    const std::string_view debut = file_text.substr(0, 4096);
    return !debut.empty() && 4 * static_cast<std::size_t>(std::count(debut.begin(), debut.end(), '\0')) >= debut.size();
}

// Why `field` is not UTF-8 and what to do, for a CAQES-E041 message: the first invalid
// byte, its position, and the likely encoding of the file (`file_text`, the whole file).
[[nodiscard]] inline std::string not_utf8(std::string_view field, std::size_t offset, std::string_view file_text) {
    const auto byte = static_cast<unsigned char>(field[offset]);
    const bool utf16 = looks_like_utf16(file_text);
    const std::string_view encoding = utf16 ? "UTF-16" : "Windows-1252 (Latin-1)";
    const std::string_view iconv = utf16 ? "UTF-16" : "WINDOWS-1252";
    return concat("byte 0x", detail::hex(byte, 2), " at byte ", std::to_string(offset + 1), " of ", quoted_field(field),
                  " is not UTF-8: the file looks like ", encoding,
                  "; save it as UTF-8 (spreadsheet: \"CSV UTF-8\"; or iconv -f ", iconv, " -t UTF-8)");
}

}  // namespace caqes::csv
