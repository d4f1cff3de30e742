#pragma once
// A legal reference: which text, which version. Cited by indicators, regimes and rules so
// that every output can say where a figure comes from.
#include <caqes/calendrier/format.hpp>

#include <string>
#include <string_view>

namespace caqes {

struct reference_legale {
    std::string_view texte;    // "CSS D.162-16 III 1", "arrete du 2022-02-23, annexe"
    std::string_view legi_id;  // LEGIARTI id where known, else empty
    std::string_view version;  // "2017-04-23", or empty when the text is not versioned here

    [[nodiscard]] constexpr bool vide() const noexcept { return texte.empty(); }
};

// "CSS D.162-16 III 1 (LEGIARTI000034459834, version 2017-04-23)"
[[nodiscard]] inline std::string texte(const reference_legale& r) {
    return concat(r.texte, " (", r.legi_id, ", version ", r.version, ")");
}

}  // namespace caqes
