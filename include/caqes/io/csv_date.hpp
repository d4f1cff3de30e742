#pragma once
// Dates in a CSV file: ISO 8601 (`2017-07-01`), what databases and scripts write, or the
// French day/month/year (`01/07/2017`), what a French spreadsheet writes. Both dialects read
// both: a date has no decimal mark, so nothing is ambiguous. Four-digit years, two-digit days
// and months. Text that is not a date is CAQES-E029; a date that is not a real calendar day
// (`2017-02-30`) is CAQES-E001.
#include <caqes/calendrier/date.hpp>
#include <caqes/calendrier/format.hpp>
#include <caqes/droit/regle.hpp>
#include <caqes/io/csv_number.hpp>
#include <caqes/io/csv_text.hpp>

#include <string_view>

namespace caqes::csv {

[[nodiscard]] inline parsed<ymd> parse_date(std::string_view text) {
    const std::string_view s = trim(text);
    auto nombre = [&s](std::size_t debut, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = debut; i < debut + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int a = 0;
    int m = 0;
    int j = 0;
    bool forme = false;
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        forme = nombre(0, 4, a) && nombre(5, 2, m) && nombre(8, 2, j);
    } else if (s.size() == 10 && s[2] == '/' && s[5] == '/') {
        forme = nombre(6, 4, a) && nombre(3, 2, m) && nombre(0, 2, j);
    }
    if (!forme) return {{}, concat("not a date: ", quoted_field(s), " (write 2017-07-01 or 01/07/2017)")};
    const ymd d{a, static_cast<unsigned>(m), static_cast<unsigned>(j)};
    if (!d.ok()) return {{}, concat(quoted_field(s), " is not a real calendar day"), regle::date_inexistante};
    return {d, {}};
}

}  // namespace caqes::csv
