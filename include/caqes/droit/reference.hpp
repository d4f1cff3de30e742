#pragma once
// A legal reference: which text, which version. Cited by indicators, regimes and rules so
// that every output can say where a figure comes from.
#include <string_view>

namespace caqes {

struct reference_legale {
    std::string_view texte;    // "CSS D.162-16 III 1", "arrete du 2022-02-23, annexe"
    std::string_view legi_id;  // LEGIARTI id where known, else empty
    std::string_view version;  // "2017-04-23", or empty when the text is not versioned here

    [[nodiscard]] constexpr bool vide() const noexcept { return texte.empty(); }
};

}  // namespace caqes
