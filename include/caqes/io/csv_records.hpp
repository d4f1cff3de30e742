#pragma once
// Splitting CSV text into records: separators, quotes, line ends, byte-order mark.
//
// - A field in double quotes may hold the separator, line breaks and `""` (one quote).
// - A quote inside an unquoted field, text after a closing quote, or a quote left open at the
//   end of the file is an error of that record, returned with the record (never thrown), so
//   the reader can reject the row with its line and field.
// - Records end at LF; a CR just before it is dropped (CRLF files). Empty lines are not
//   records: they hold no row to accept or reject.
// - Every record knows the physical line it starts on (the header is line 1), which is what
//   a spreadsheet shows and what every violation cites.
#include <caqes/io/csv_dialect.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caqes::csv {

struct record {
    std::size_t line{0};
    std::vector<std::string> fields;
    std::string error;            // empty when the record is well formed
    std::size_t error_field{0};   // index of the field where `error` was found
    bool quoted_any{false};       // some field was quoted (such a record is never "empty")

    [[nodiscard]] bool ok() const noexcept { return error.empty(); }
};

struct table {
    dialect d{dialect::french};
    bool had_bom{false};
    std::optional<record> header;  // absent for an empty file
    std::vector<record> rows;
};

namespace detail {

// Reads one record starting at `pos`; advances `pos` past its line end and `line` past the
// lines it spans.
[[nodiscard]] inline record read_record(std::string_view text, std::size_t& pos, std::size_t& line, char sep) {
    record r{};
    r.line = line;
    std::string field;
    auto end_of_line = [&](std::size_t i) { return i >= text.size() || text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') || (text[i] == '\r' && i + 1 == text.size()); };
    // Skips the rest of a broken record, up to and including its line end.
    auto skip_line = [&](std::size_t i) {
        while (i < text.size() && text[i] != '\n') ++i;
        pos = i < text.size() ? i + 1 : i;
        ++line;
    };
    std::size_t i = pos;
    while (true) {
        field.clear();
        if (i < text.size() && text[i] == '"') {
            r.quoted_any = true;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                if (text[i] == '\n') ++line;
                field += text[i++];
            }
            if (!closed) {
                r.fields.push_back(field);
                r.error = "quoted field not closed before the end of the file";
                r.error_field = r.fields.size() - 1;
                pos = text.size();
                ++line;
                return r;
            }
            if (!end_of_line(i) && text[i] != sep) {
                r.fields.push_back(field);
                r.error = "text after a closing quote";
                r.error_field = r.fields.size() - 1;
                skip_line(i);
                return r;
            }
        } else {
            while (!end_of_line(i) && text[i] != sep) {
                if (text[i] == '"') {
                    r.fields.push_back(field);
                    r.error = "quote inside an unquoted field";
                    r.error_field = r.fields.size() - 1;
                    skip_line(i);
                    return r;
                }
                field += text[i++];
            }
        }
        r.fields.push_back(field);
        if (i < text.size() && text[i] == sep) {
            ++i;
            continue;
        }
        // End of line: step over CR LF, LF, a final CR, or the end of the text.
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        pos = i;
        ++line;
        return r;
    }
}

}  // namespace detail

// Splits a whole file. The dialect is `forced` when given, else detected from the header
// line (csv_dialect.hpp).
[[nodiscard]] inline table split(std::string_view text, std::optional<dialect> forced = {}) {
    table t{};
    if (text.starts_with(utf8_bom)) {
        text.remove_prefix(utf8_bom.size());
        t.had_bom = true;
    }
    t.d = forced.value_or(detect(text.substr(0, text.find('\n'))));
    std::size_t pos = 0;
    std::size_t line = 1;
    while (pos < text.size()) {
        record r = detail::read_record(text, pos, line, separator(t.d));
        const bool empty = r.ok() && !r.quoted_any && r.fields.size() == 1 && r.fields[0].empty();
        if (empty) continue;
        if (!t.header) {
            t.header = std::move(r);
        } else {
            t.rows.push_back(std::move(r));
        }
    }
    return t;
}

}  // namespace caqes::csv
