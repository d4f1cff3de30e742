#pragma once
// Text forms of dates and periods for messages and traces: ISO 8601, and periods as the
// half-open "[from, to)" they are.
#include <caqes/calendrier/date.hpp>
#include <caqes/calendrier/periode.hpp>

#include <string>
#include <string_view>

namespace caqes {

// Appends every part to one string. Messages are built this way rather than with
// `"literal" + std::string`, which g++ 12 at -O3 misreports under -Wrestrict.
template <class... Parts>
[[nodiscard]] std::string concat(const Parts&... parts) {
    std::string s;
    (s.append(std::string_view{parts}), ...);
    return s;
}

[[nodiscard]] inline std::string texte(ymd d) {
    std::string s;
    if (d.y < 0) s += '-';
    const std::string an = std::to_string(d.y < 0 ? -d.y : d.y);
    s.append(an.size() < 4 ? 4 - an.size() : 0, '0');
    s += an;
    for (const unsigned v : {d.m, d.d}) {
        s += '-';
        if (v < 10) s += '0';
        s += std::to_string(v);
    }
    return s;
}

[[nodiscard]] inline std::string texte(const periode& p) {
    return concat("[", texte(p.debut), ", ", p.ouverte() ? std::string{"..."} : texte(p.fin), ")");
}

}  // namespace caqes
