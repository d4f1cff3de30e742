#pragma once
// The test-only rule of docs/howto/add-a-rule.md, added step by step as the how-to says,
// outside the library (a test may not edit the catalogue): each step below is numbered as in
// the how-to. CAQES-E120 is reserved for it (E120 to E127 are test-only ids).
#include <caqes/contrat/modele.hpp>

namespace howto {

// Step 1, the id: a library rule gets an enumerator of `caqes::regle`; a test-only one a value.
inline constexpr caqes::regle libelle_vide = static_cast<caqes::regle>(120);

// Step 2, the catalogue row: id, code, plain words, article (tools/check_messages.py reads this
// row as it reads catalogue_regles, and compares the static_assert message below with it).
inline constexpr caqes::fiche_regle fiche_libelle_vide{libelle_vide, "CAQES-E120", "an indicator has no label",
                                                       "test-only rule of docs/howto/add-a-rule.md"};

// Step 3, the predicate, in the room of the thing it constrains, citing its article.
namespace regles {
[[nodiscard]] constexpr bool libelle_renseigne(const caqes::indicateur& ind) noexcept { return !ind.libelle.empty(); }
}  // namespace regles

// Step 4, its call in the walk: the library adds one line to caqes::parcourir_modele; here a
// walk of its own reports it with the same location type, so run time and compile time agree.
template <class Signaler>
constexpr void parcourir(const caqes::modele_contrat_def& m, Signaler&& signaler) {
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (std::size_t ii = 0; ii < m.volets[iv].grille.size(); ++ii) {
            if (!regles::libelle_renseigne(m.volets[iv].grille[ii])) {
                signaler(libelle_vide, caqes::lieu_modele{static_cast<int>(iv), static_cast<int>(ii)});
            }
        }
    }
}

[[nodiscard]] constexpr caqes::lieu_enfreint premier_lieu(const caqes::modele_contrat_def& m) {
    caqes::lieu_enfreint l{};
    parcourir(m, [&l](caqes::regle, caqes::lieu_modele ou) {
        if (!l.enfreint) l = {true, ou.volet, ou.indicateur};
    });
    return l;
}

// Step 6, the compile-time check at the first place the rule is broken (in the library: one
// `static_assert(enfreinte_de<M, regle::...>::verifiee);` line in modele_contrat).
template <const caqes::modele_contrat_def& M>
struct modele_verifie : caqes::modele_contrat<M> {
    static constexpr caqes::lieu_enfreint l = premier_lieu(M);
    static_assert(
        caqes::enfreinte<libelle_vide, typename caqes::detail::type_du_lieu<M, caqes::detail::forme_du_lieu(l), l.volet,
                                                                            l.indicateur>::type>::verifiee);
    static constexpr bool valide_howto = !l.enfreint;
};

}  // namespace howto

// Step 5, the checker and its message: the catalogue's text, then the anchor.
template <class L>
struct caqes::enfreinte<howto::libelle_vide, L> {
    static_assert(L::respecte,
                  "CAQES-E120: an indicator has no label (test-only rule of docs/howto/add-a-rule.md); see "
                  "docs/diagnostics.md#caqes-e120");
    static constexpr bool verifiee = true;
};
