#pragma once
// The successor scheme of L.162-23-14 (LFSS 2026, loi 2025-1403 art. 79): a scheme of the law,
// not a contract.
//
// From 2026-01-01 the establishments exercising activities 1, 2 and 4 of L.162-22 "sont
// interesses financierement a l'efficience et a la pertinence des soins" (L.162-23-14,
// LEGIARTI000053271346): the law applies to them and nobody signs. So a scheme has no volets,
// no term (neither the five years nor the indefinite term of a CAQES), no refusal to sign and
// no procedure of D.162-15 or D.162-16. Its outcomes follow the version of the law in force
// for each exercise (droit/loi.hpp):
// - the interim version (2026-01-01 -> 2027-01-01) provides the allocation from savings only
//   ("1 Attribuer une dotation complementaire calculee en fonction des economies constatees");
// - the version from 2027-01-01 adds a penalty of at most 2 % [S: LFSS 2026 art. 79 as
//   quoted, no LEGI id in the texts], whose base and formula are [U] (parametres_successeur).
// A grid that starts in 2026 may ask for the penalty: exercises from 2027 get it.
//
// The evaluation machinery reads a scheme through a view with one grid (`modele()`); that view
// is the only `modele_contrat_def` of the successor's regime a validation accepts (E043).
#include <caqes/contrat/modele.hpp>

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace caqes {

struct dispositif_efficience_def {
    std::string_view nom;
    periode fenetre{};  // the days this grid measures; from 2026-01-01 (CAQES-E003)
    // L.162-23-14: activities 1, 2 and 4 of L.162-22 (USLD is not concerned; CAQES-E019).
    activites perimetre{activite_mco | activite_psychiatrie | activite_smr};
    // "objectifs fixes au niveau national ou regional ... mesures a partir d'indicateurs"
    // (L.162-23-14); the list is set by arrete [U].
    std::span<const indicateur> objectifs{};
    // What the grid asks the law for: the allocation, the penalty [S], or both (CAQES-E010).
    issues clauses{dotation_complementaire};
};

namespace detail {

// The scheme's grid, as the one "volet" of the view: no term, no own start.
[[nodiscard]] constexpr volet_modele grille_du_dispositif(const dispositif_efficience_def& d) noexcept {
    return {volet_id::dispositif_efficience, duree_indeterminee, d.objectifs, d.clauses, std::nullopt};
}

[[nodiscard]] constexpr modele_contrat_def vue_du_dispositif(const dispositif_efficience_def& d,
                                                             std::span<const volet_modele> grille) noexcept {
    return {d.nom,
            regime_id::successeur_2026,
            d.fenetre,
            d.perimetre,
            grille,
            politique_transition::non_choisie,
            politique_jour::stricte};
}

}  // namespace detail

// Whether `m` is the view of a scheme, exactly as `vue_du_dispositif` builds it.
[[nodiscard]] constexpr bool est_vue_dispositif(const modele_contrat_def& m) noexcept {
    if (m.regime != regime_id::successeur_2026 || m.volets.size() != 1) return false;
    const volet_modele& g = m.volets[0];
    return g.volet == volet_id::dispositif_efficience && g.terme.f == duree::forme::indeterminee && !g.debut &&
           m.transition == politique_transition::non_choisie && m.jours == politique_jour::stricte;
}

// Applies every rule of a scheme once, on its view: the window (E001, E002), the start in
// L.162-23-14's window (E003), the scope (E019), the outcomes the law provides from the start
// (E010) and every indicator rule (E011 to E017, E033). No term rule can fail: there is none.
template <class Signaler>
constexpr void parcourir_dispositif(const modele_contrat_def& vue, Signaler&& signaler) {
    parcourir_modele(vue, vue.fenetre.debut, debut_au_plus_tard(vue), signaler);
}

// The compile-time scheme. Defining it with an invalid definition fails to compile with the
// first broken rule's id and article:
//
//     inline constexpr caqes::dispositif_efficience_def def{...};
//     struct efficience_idf : caqes::dispositif_efficience<def> {};
template <const dispositif_efficience_def& D>
struct dispositif_efficience {
    static constexpr const dispositif_efficience_def& definition = D;
    static constexpr std::array<volet_modele, 1> grille{detail::grille_du_dispositif(D)};
    // What `validate<D>` and `evaluateur<dispositif_efficience<D>::modele>` read.
    static constexpr modele_contrat_def modele = detail::vue_du_dispositif(D, grille);

  private:
    // The same checkers as modele_contrat, on the view: the location names the objective
    // (volet 0, volet_id::dispositif_efficience, and the indicator index and code).
    static_assert(enfreinte_de<modele, regle::date_inexistante>::verifiee);
    static_assert(enfreinte_de<modele, regle::periode_vide>::verifiee);
    static_assert(enfreinte_de<modele, regle::debut_hors_regime>::verifiee);
    static_assert(enfreinte_de<modele, regle::perimetre_hors_regime>::verifiee);
    static_assert(enfreinte_de<modele, regle::issue_non_permise>::verifiee);
    static_assert(enfreinte_de<modele, regle::indicateur_en_double>::verifiee);
    static_assert(enfreinte_de<modele, regle::code_indicateur_en_double>::verifiee);
    static_assert(enfreinte_de<modele, regle::indicateur_hors_validite>::verifiee);
    static_assert(enfreinte_de<modele, regle::indicateur_hors_perimetre>::verifiee);
    static_assert(enfreinte_de<modele, regle::unite_incoherente>::verifiee);
    static_assert(enfreinte_de<modele, regle::referentiel_mal_forme>::verifiee);
    static_assert(enfreinte_de<modele, regle::origine_sans_source>::verifiee);
    static_assert(enfreinte_de<modele, regle::poids_non_positif>::verifiee);

  public:
    static constexpr bool valide = lieux_de<modele>.aucun();
};

// A scheme built at run time (for instance from a file), with the view the evaluation reads.
// The view points into this object, so it is neither copied nor moved; the indicators stay
// owned by the caller, who keeps them alive as long as this object.
class dispositif_charge {
  public:
    explicit constexpr dispositif_charge(const dispositif_efficience_def& d) noexcept
            : def_(d), grille_{detail::grille_du_dispositif(d)}, modele_(detail::vue_du_dispositif(d, grille_)) {}
    dispositif_charge(const dispositif_charge&) = delete;
    dispositif_charge& operator=(const dispositif_charge&) = delete;

    [[nodiscard]] constexpr const dispositif_efficience_def& definition() const noexcept { return def_; }
    [[nodiscard]] constexpr const modele_contrat_def& modele() const noexcept { return modele_; }

  private:
    dispositif_efficience_def def_;
    std::array<volet_modele, 1> grille_;
    modele_contrat_def modele_;
};

}  // namespace caqes
