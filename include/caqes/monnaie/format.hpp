#pragma once
// Amounts as text, exact: cents are integers, so "1 234 567.89" needs no floating point.
#include <caqes/monnaie/centimes.hpp>

#include <cstdint>
#include <string>

namespace caqes {

enum class groupes_milliers : unsigned char { aucun, espace };

// "-1234.50", or "-1 234.50" with `groupes_milliers::espace`.
[[nodiscard]] inline std::string texte_euros(centimes c, groupes_milliers g = groupes_milliers::aucun) {
    const std::int64_t v = c.valeur;
    // Unsigned negation: INT64_MIN has no signed opposite.
    const std::uint64_t a = v < 0 ? 0U - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    const std::string chiffres = std::to_string(a / 100);
    std::string s = v < 0 ? "-" : "";
    for (std::size_t i = 0; i < chiffres.size(); ++i) {
        if (g == groupes_milliers::espace && i > 0 && (chiffres.size() - i) % 3 == 0) s += ' ';
        s += chiffres[i];
    }
    s += '.';
    s += static_cast<char>('0' + a % 100 / 10);
    s += static_cast<char>('0' + a % 10);
    return s;
}

}  // namespace caqes
