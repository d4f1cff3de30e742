#pragma once
// Splitting CSV text into records: separators, quotes, line ends, byte-order mark.
//
// - Line ends are LF or CRLF. A CR that is not followed by LF (classic Mac OS line ends, or a
//   stray byte) is no line end: a file that holds one is unusable as a whole, and the reader
//   stops there, saying where (`record_reader::lone_cr`).
// - A record is one physical line: a field may not hold a line end. A field in double quotes
//   may hold the separator and `""` (one quote).
// - A quote inside an unquoted field, text after a closing quote, a quote still open at the
//   end of the line, or a line longer than the reader's buffer is an error of that record,
//   returned with it (never thrown), so the caller rejects the row with its line and field;
//   reading resumes on the next line.
// - Empty lines are not records: they hold no row to accept or reject, and are counted as
//   blank, so that lines read = header + blank + records.
// - Every record knows its physical line (the header is line 1, when it is the first), which
//   is what a spreadsheet shows and what every violation cites.
//
// `record_reader` reads one record at a time with buffers fixed at construction (the longest
// line allowed, `limites::ligne_max`): fields are views into them, valid until the next call,
// and a row allocates nothing once the field array has reached the widest row's size.
// `split` reads a whole text into a `table` of owned records, for small inputs and tests.
#include <caqes/io/csv_dialect.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caqes::csv {

// Why a record is malformed; `none` when it is well formed.
enum class record_error : std::uint8_t { none, quote_in_unquoted, text_after_quote, quote_not_closed, line_too_long };

[[nodiscard]] constexpr std::string_view message(record_error e) noexcept {
    switch (e) {
        case record_error::none:
            return {};
        case record_error::quote_in_unquoted:
            return "quote inside an unquoted field";
        case record_error::text_after_quote:
            return "text after a closing quote";
        case record_error::quote_not_closed:
            return "quoted field not closed at the end of its line (a field may not hold a line end)";
        case record_error::line_too_long:
            return "line longer than the reader's limit (limites::ligne_max, 64 KiB by default)";
    }
    return {};
}

struct limites {
    // The longest physical line read, in bytes, line end excluded: the size of the reader's
    // buffers. A longer line is one rejected record; its bytes are skipped, never held.
    std::size_t ligne_max{64 * 1024};
};

// Where the first CR not followed by LF is: its physical line (counted by LF) and its byte in
// that line, from 1.
struct cr_seul {
    std::size_t line{0};
    std::size_t byte{0};
};

// One record as the reader sees it: views into the reader's buffers.
struct record_view {
    std::size_t line{0};
    std::span<const std::string_view> fields{};
    record_error error{record_error::none};
    std::size_t error_field{0};  // index of the field where `error` was found
    bool quoted_any{false};      // some field was quoted (such a record is never "empty")
    // Well formed, no field quoted and every byte below 0x80: each byte is a UTF-8 character of
    // its own, so the fields need no encoding check (detail::forme_valide).
    bool ascii{false};

    [[nodiscard]] bool ok() const noexcept { return error == record_error::none; }
};

class record_reader {
  public:
    // A whole text in memory (not copied: it must outlive the reader).
    explicit record_reader(std::string_view text, std::optional<dialect> forced = {}, limites l = {})
            : text_{text}, forced_{forced}, lim_{l} {
        init();
    }
    // A stream (a file opened in binary mode), read through a buffer of `ligne_max` bytes.
    explicit record_reader(std::istream& in, std::optional<dialect> forced = {}, limites l = {})
            : in_{&in}, forced_{forced}, lim_{l} {
        buf_.resize(lim_.ligne_max + 2);  // the longest line and its CR LF
        init();
    }

    // The next record, or false at the end of the input or at a lone CR (see `lone_cr`).
    // Empty lines are skipped and counted in `blank`.
    [[nodiscard]] bool next(record_view& r) {
        while (true) {
            std::string_view line;
            bool too_long = false;
            if (!next_line(line, too_long)) return false;
            if (!too_long && line.empty()) {
                ++blank_;
                continue;
            }
            r = {};
            r.line = lines_;
            if (too_long) {
                fields_.clear();
                fields_.emplace_back();
                r.fields = fields_;
                r.error = record_error::line_too_long;
                return true;
            }
            if (!dialect_) dialect_ = forced_.value_or(detect(line));
            split_fields(line, r);
            return true;
        }
    }

    // Physical lines read so far (a last line without its LF counts), blank ones among them.
    [[nodiscard]] std::size_t lines() const noexcept { return lines_; }
    [[nodiscard]] std::size_t blank() const noexcept { return blank_; }
    [[nodiscard]] bool had_bom() const noexcept { return had_bom_; }
    // The dialect: forced, else detected from the first non-empty line; French before it.
    [[nodiscard]] dialect dialect_of() const noexcept { return dialect_.value_or(forced_.value_or(dialect::french)); }
    // Set when reading stopped at a CR not followed by LF.
    [[nodiscard]] const std::optional<cr_seul>& lone_cr() const noexcept { return lone_cr_; }
    // A stream that failed (an I/O error, not its end): reading stopped after the last whole
    // line before the failure (a line cut by it is not returned), and the caller reports the
    // file unreadable from line `lines() + 1` on.
    [[nodiscard]] bool read_failed() const noexcept { return in_ != nullptr && in_->bad(); }
    // Bytes of the input consumed so far (a progress measure; the byte-order mark included).
    [[nodiscard]] std::uint64_t bytes_read() const noexcept {
        return in_ == nullptr ? pos_ + (had_bom_ ? utf8_bom.size() : 0U) : shifted_ + begin_;
    }

  private:
    void init() {
        scratch_.reserve(lim_.ligne_max);
        if (in_ == nullptr) {
            if (text_.starts_with(utf8_bom)) {
                text_.remove_prefix(utf8_bom.size());
                had_bom_ = true;
            }
            return;
        }
        fill();
        if (std::string_view{buf_.data() + begin_, end_ - begin_}.starts_with(utf8_bom)) {
            begin_ += utf8_bom.size();
            had_bom_ = true;
        }
    }

    // Moves the unread bytes to the front of the buffer and reads as many as fit.
    void fill() {
        if (begin_ > 0) {
            std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
            end_ -= begin_;
            shifted_ += begin_;
            begin_ = 0;
        }
        while (!eof_ && end_ < buf_.size()) {
            in_->read(buf_.data() + end_, static_cast<std::streamsize>(buf_.size() - end_));
            const auto n = static_cast<std::size_t>(in_->gcount());
            end_ += n;
            if (n == 0 || !*in_) eof_ = true;
        }
    }

    // False, and the place noted, when `s` (a line or part of one, its line end removed)
    // holds a CR: one not followed by LF.
    [[nodiscard]] bool check_cr(std::string_view s, std::size_t offset) {
        const std::size_t c = s.find('\r');
        if (c == std::string_view::npos) return true;
        lone_cr_ = cr_seul{lines_ + 1, offset + c + 1};
        return false;
    }

    // The next physical line without its line end; false at the end or at a lone CR.
    [[nodiscard]] bool next_line(std::string_view& line, bool& too_long) {
        if (lone_cr_) return false;
        return in_ == nullptr ? next_line_text(line, too_long) : next_line_stream(line, too_long);
    }

    [[nodiscard]] bool next_line_text(std::string_view& line, bool& too_long) {
        if (pos_ >= text_.size()) return false;
        const std::size_t nl = text_.find('\n', pos_);
        const bool has_lf = nl != std::string_view::npos;
        std::string_view l = text_.substr(pos_, has_lf ? nl - pos_ : std::string_view::npos);
        if (has_lf && l.ends_with('\r')) l.remove_suffix(1);
        if (!check_cr(l, 0)) return false;
        pos_ = has_lf ? nl + 1 : text_.size();
        ++lines_;
        too_long = l.size() > lim_.ligne_max;
        line = too_long ? std::string_view{} : l;
        return true;
    }

    [[nodiscard]] bool next_line_stream(std::string_view& line, bool& too_long) {
        if (begin_ == end_) fill();
        if (begin_ == end_) return false;
        const char* lf = static_cast<const char*>(std::memchr(buf_.data() + begin_, '\n', end_ - begin_));
        if (lf == nullptr && !eof_) {
            fill();
            lf = static_cast<const char*>(std::memchr(buf_.data() + begin_, '\n', end_ - begin_));
        }
        // The bytes after the last LF of a stream that failed are a line cut short, not the
        // file's last line: a truncated value must never be read as a whole one.
        if (lf == nullptr && read_failed()) return false;
        if (lf != nullptr || eof_) {
            const std::size_t stop = lf != nullptr ? static_cast<std::size_t>(lf - buf_.data()) : end_;
            std::string_view l{buf_.data() + begin_, stop - begin_};
            if (lf != nullptr && l.ends_with('\r')) l.remove_suffix(1);
            if (!check_cr(l, 0)) return false;
            begin_ = lf != nullptr ? stop + 1 : end_;
            ++lines_;
            too_long = l.size() > lim_.ligne_max;
            line = too_long ? std::string_view{} : l;
            return true;
        }
        // The buffer is full and holds no LF: the line is too long. Its bytes are skipped up to
        // its LF, still checked for a lone CR (a CR at the end of a chunk waits for the next byte).
        std::size_t offset = 0;
        while (true) {
            std::string_view chunk{buf_.data() + begin_, end_ - begin_};
            const std::size_t nl = chunk.find('\n');
            std::string_view part = chunk.substr(0, nl);
            if (nl != std::string_view::npos && part.ends_with('\r')) part.remove_suffix(1);
            const bool keep_cr = nl == std::string_view::npos && part.ends_with('\r') && !eof_;
            if (keep_cr) part.remove_suffix(1);
            if (!check_cr(part, offset)) return false;
            if (nl != std::string_view::npos) {
                begin_ += nl + 1;
                break;
            }
            offset += part.size();
            begin_ = end_ - (keep_cr ? 1 : 0);
            if (read_failed()) return false;
            if (eof_) break;
            fill();
        }
        ++lines_;
        too_long = true;
        line = {};
        return true;
    }

    // Splits one line into fields; unescaped quoted fields go to `scratch_`, reserved at the
    // longest line, so its views stay valid.
    void split_fields(std::string_view line, record_view& r) {
        const char sep = separator(*dialect_);
        fields_.clear();
        scratch_.clear();
        std::size_t i = 0;
        unsigned octets = 0;  // the unquoted fields' bytes, or-ed
        auto fail = [&](record_error e) {
            r.fields = fields_;
            r.error = e;
            r.error_field = fields_.size() - 1;
        };
        while (true) {
            if (i < line.size() && line[i] == '"') {
                r.quoted_any = true;
                ++i;
                const std::size_t start = scratch_.size();
                bool closed = false;
                while (i < line.size()) {
                    const std::size_t q = line.find('"', i);
                    if (q == std::string_view::npos) {
                        scratch_.append(line.substr(i));
                        i = line.size();
                        break;
                    }
                    scratch_.append(line.substr(i, q - i));
                    if (q + 1 < line.size() && line[q + 1] == '"') {
                        scratch_ += '"';
                        i = q + 2;
                        continue;
                    }
                    closed = true;
                    i = q + 1;
                    break;
                }
                fields_.emplace_back(scratch_.data() + start, scratch_.size() - start);
                if (!closed) return fail(record_error::quote_not_closed);
                if (i < line.size() && line[i] != sep) return fail(record_error::text_after_quote);
            } else {
                // The field's end and any quote in it (an unquoted field may hold none), in one
                // pass over its bytes: fields are short, and two library searches per field
                // cost more than the bytes they read.
                std::size_t s = i;
                bool guillemet = false;
                for (; s < line.size() && line[s] != sep; ++s) {
                    guillemet = guillemet || line[s] == '"';
                    octets |= static_cast<unsigned char>(line[s]);
                }
                fields_.push_back(line.substr(i, s - i));
                if (guillemet) return fail(record_error::quote_in_unquoted);
                i = s;
            }
            r.fields = fields_;
            if (i < line.size()) {
                ++i;  // the separator
                continue;
            }
            r.ascii = !r.quoted_any && octets < 0x80U;
            return;
        }
    }

    std::string_view text_{};
    std::size_t pos_{0};
    std::istream* in_{nullptr};
    std::vector<char> buf_{};
    std::size_t begin_{0};
    std::size_t end_{0};
    std::uint64_t shifted_{0};  // bytes moved out of the buffer's front
    bool eof_{false};
    std::optional<dialect> forced_{};
    std::optional<dialect> dialect_{};
    limites lim_{};
    std::vector<std::string_view> fields_{};
    std::string scratch_{};
    std::size_t lines_{0};
    std::size_t blank_{0};
    bool had_bom_{false};
    std::optional<cr_seul> lone_cr_{};
};

// What a reader of a whole file needs to know before it decides any row, found in one pass
// over the file (fixed memory): where it would stop at a CR alone, the CR and CR LF counts its
// message gives, its first bytes (the encoding is guessed from them) and its size.
struct apercu_fichier {
    std::string head;  // the first `taille_tete` bytes, unchanged
    std::optional<cr_seul> lone_cr{};
    std::size_t cr{0};    // CR bytes, CR LF pairs included
    std::size_t crlf{0};  // CR LF pairs
    std::uint64_t bytes{0};
    // Physical lines (a last line without its LF counts); when `read_error`, the lines reached,
    // the last of them perhaps cut short.
    std::size_t lines{0};
    // The stream cannot be put back at its start (a pipe, a terminal): it was not read, since
    // the reader needs to read it twice. Not set for a text.
    bool not_seekable{false};
    // The stream failed (an I/O error) before its end, after `bytes` bytes, on line `lines`.
    bool read_error{false};
    static constexpr std::size_t taille_tete = 4096;
};

namespace detail {

// The LF bytes of `s`, as std::count counts them, by runs of at most 255 bytes counted in an
// 8-bit lane, which the compiler vectorises; std::count adds each byte's comparison to a 64-bit
// count, and took 8 times as long over a 40 MB text with g++ 12 and clang++ 14 at -O3.
[[nodiscard]] inline std::size_t compter_lf(std::string_view s) noexcept {
    std::size_t n = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t fin = i + std::min<std::size_t>(255, s.size() - i);
        std::uint8_t run = 0;
        for (; i < fin; ++i)
            run = static_cast<std::uint8_t>(run + (s[i] == '\n' ? 1U : 0U));
        n += run;
    }
    return n;
}

// Fed the file in consecutive chunks; the same result whatever the chunks.
class analyse_fins {
  public:
    void ajouter(std::string_view s) {
        if (premier_) {
            premier_ = false;
            if (s.starts_with(utf8_bom)) s.remove_prefix(utf8_bom.size());
        }
        // The common case, a chunk with no CR: only its line feeds are counted.
        if (!cr_attente_ && s.find('\r') == std::string_view::npos) {
            const std::size_t dernier = s.rfind('\n');
            if (dernier == std::string_view::npos) {
                colonne_ += s.size();
                return;
            }
            ligne_ += compter_lf(s);
            colonne_ = s.size() - dernier - 1;
            return;
        }
        for (const char c : s) {
            if (cr_attente_) {
                cr_attente_ = false;
                if (c == '\n') {
                    ++a_.crlf;
                } else if (!a_.lone_cr) {
                    a_.lone_cr = en_attente_;
                }
            }
            if (c == '\r') {
                ++a_.cr;
                cr_attente_ = true;
                en_attente_ = cr_seul{ligne_, colonne_ + 1};
            }
            if (c == '\n') {
                ++ligne_;
                colonne_ = 0;
            } else {
                ++colonne_;
            }
        }
    }
    [[nodiscard]] apercu_fichier finir(std::string head, std::uint64_t bytes) {
        if (cr_attente_ && !a_.lone_cr) a_.lone_cr = en_attente_;
        a_.head = std::move(head);
        a_.bytes = bytes;
        // `ligne_` is the line the next byte would be on: a file ending with its LF has one
        // line fewer (and an empty file none).
        a_.lines = colonne_ > 0 ? ligne_ : ligne_ - 1;
        return std::move(a_);
    }

  private:
    apercu_fichier a_{};
    bool premier_{true};
    bool cr_attente_{false};
    cr_seul en_attente_{};
    std::size_t ligne_{1};
    std::size_t colonne_{0};
};

}  // namespace detail

[[nodiscard]] inline apercu_fichier apercu(std::string_view text) {
    detail::analyse_fins a;
    a.ajouter(text);
    return a.finir(std::string{text.substr(0, apercu_fichier::taille_tete)}, text.size());
}

// Reads the stream to its end through a fixed buffer, then puts it back where it started (a
// file opened in binary mode: it is read twice). A stream that cannot seek (a pipe, a terminal,
// /dev/stdin from a pipe) is not read at all, since it could not be read again: `not_seekable`.
// A read that fails sets `read_error` and leaves the stream there.
[[nodiscard]] inline apercu_fichier apercu(std::istream& in) {
    detail::analyse_fins a;
    const std::istream::pos_type debut = in.tellg();
    if (debut == std::istream::pos_type(-1)) {
        apercu_fichier r = a.finir({}, 0);
        r.not_seekable = true;
        return r;
    }
    std::string head;
    std::vector<char> bloc(std::size_t{1} << 16U);
    std::uint64_t bytes = 0;
    while (in.read(bloc.data(), static_cast<std::streamsize>(bloc.size())) || in.gcount() > 0) {
        const std::string_view s{bloc.data(), static_cast<std::size_t>(in.gcount())};
        if (head.size() < apercu_fichier::taille_tete)
            head.append(s.substr(0, apercu_fichier::taille_tete - head.size()));
        a.ajouter(s);
        bytes += s.size();
    }
    const bool echec = in.bad();
    if (!echec) {
        in.clear();
        in.seekg(debut);
    }
    apercu_fichier r = a.finir(std::move(head), bytes);
    r.read_error = echec;
    // A stream that tells its position but cannot go back to it is read once only.
    r.not_seekable = !echec && in.fail();
    return r;
}

// A record with its fields owned, for `table`.
struct record {
    std::size_t line{0};
    std::vector<std::string> fields;
    std::string error;           // empty when the record is well formed
    std::size_t error_field{0};  // index of the field where `error` was found
    bool quoted_any{false};      // some field was quoted

    [[nodiscard]] bool ok() const noexcept { return error.empty(); }
};

struct table {
    dialect d{dialect::french};
    bool had_bom{false};
    std::optional<record> header;  // absent for a file with no non-empty line
    std::vector<record> rows;
    std::size_t lines{0};              // physical lines read
    std::size_t blank{0};              // empty lines among them
    std::optional<cr_seul> lone_cr{};  // reading stopped at a CR not followed by LF
};

// Splits a whole text. The dialect is `forced` when given, else detected from the first
// non-empty line (csv_dialect.hpp).
[[nodiscard]] inline table split(std::string_view text, std::optional<dialect> forced = {}, limites l = {}) {
    table t{};
    record_reader reader{text, forced, l};
    record_view v{};
    while (reader.next(v)) {
        record r{v.line, {}, std::string{message(v.error)}, v.error_field, v.quoted_any};
        r.fields.assign(v.fields.begin(), v.fields.end());
        if (!t.header) {
            t.header = std::move(r);
        } else {
            t.rows.push_back(std::move(r));
        }
    }
    t.d = reader.dialect_of();
    t.had_bom = reader.had_bom();
    t.lines = reader.lines();
    t.blank = reader.blank();
    t.lone_cr = reader.lone_cr();
    return t;
}

}  // namespace caqes::csv
