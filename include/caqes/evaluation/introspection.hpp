#pragma once
// A report's values from the establishment's own typed structs, through Boost.Hana.
//
// A hospital information system keeps its yearly figures in structs of its own. Declared with
// BOOST_HANA_DEFINE_STRUCT, with one member per measure, named by the measure's code and typed
// by its kind, such a struct converts to an indicator's values with the mapping checked at
// compile time:
// - a member that names no measure of the indicator fails with CAQES-E032;
// - a member of another kind than its measure fails with CAQES-E027.
// A member may be `quantite<K>` or `std::optional<quantite<K>>` (empty: non renseigne); a
// measure without a member is non renseigne. These are the rules the CSV reader applies at run
// time to the same values.
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/indicateur/indicateur.hpp>

#include <boost/hana/accessors.hpp>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>

#include <optional>
#include <string_view>
#include <type_traits>

namespace caqes {

namespace detail {
template <class T>
struct membre_mesure {  // not a quantity: `valeurs_de` rejects it with CAQES-E027
    static constexpr bool est_quantite = false;
};
template <class K>
struct membre_mesure<quantite<K>> {
    static constexpr bool est_quantite = true;
    using nature = K;
    static constexpr valeur_mesure valeur(const quantite<K>& q) noexcept { return valeur_mesure::de(q); }
};
template <class K>
struct membre_mesure<std::optional<quantite<K>>> {
    static constexpr bool est_quantite = true;
    using nature = K;
    static constexpr valeur_mesure valeur(const std::optional<quantite<K>>& q) noexcept {
        return q ? valeur_mesure::de(*q) : valeur_mesure::non_renseignee();
    }
};
}  // namespace detail

// The report entry of indicator I from the struct `s`, each value named by its measure's code
// (a measure without a member is non renseigne).
template <const indicateur& I, class S>
[[nodiscard]] constexpr saisie_indicateur valeurs_de(const S& s) noexcept {
    saisie_indicateur v{.indicateur = I.code};
    for (std::size_t j = 0; j < mesures_max; ++j) {
        if (!I.mesures[j].vide()) v.mesures[j] = {I.mesures[j].code, valeur_mesure::non_renseignee()};
    }
    boost::hana::for_each(boost::hana::accessors<S>(), [&](auto paire) {
        using nom_t = std::remove_cvref_t<decltype(boost::hana::first(paire))>;
        constexpr std::string_view nom{boost::hana::to<const char*>(nom_t{})};
        constexpr std::int8_t k = indice_mesure(I, nom);
        static_assert(k != mesure_absente,
                      "CAQES-E032: a reported value names no indicator, measure or volet of the template (D.162-16 "
                      "I 1 (the grid defines the obligations and their measures)); a member of the report struct "
                      "names no measure of its indicator; name it by the measure's code; see "
                      "docs/diagnostics.md#caqes-e032");
        const auto& membre = boost::hana::second(paire)(s);
        using membre_t = detail::membre_mesure<std::remove_cvref_t<decltype(membre)>>;
        static_assert(membre_t::est_quantite,
                      "CAQES-E027: a reported value is not of its measure's kind (arrete of 2022-02-23, annex (each "
                      "indicator's measures and units)); declare the member of the report struct quantite<K> or "
                      "std::optional<quantite<K>>; see docs/diagnostics.md#caqes-e027");
        if constexpr (membre_t::est_quantite) {
            static_assert(
                I.mesures[static_cast<std::size_t>(k)].type == membre_t::nature::id,
                "CAQES-E027: a reported value is not of its measure's kind (arrete of 2022-02-23, annex (each "
                "indicator's measures and units)); a member of the report struct is a quantity of another "
                "kind; see docs/diagnostics.md#caqes-e027");
            v.mesures[static_cast<std::size_t>(k)].valeur = membre_t::valeur(membre);
        }
    });
    return v;
}

}  // namespace caqes
