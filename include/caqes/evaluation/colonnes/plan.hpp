#pragma once
// The column plan of a grid (docs/design-columnar.md, section 4.1): how a block of
// establishments holds each measure, and what each indicator compares and earns there.
//
// Computed once per grid, when it is built: in a constant expression for a compile-time grid
// (its plan can be checked by a static_assert), once per load otherwise. It decides, and says why:
// - per measure column, its scale (every accepted value and every threshold on it is an exact
//   integer once multiplied by it) and its storage (u8, int32 or int64);
// - per indicator, its target and conditions at the column's scale (`cible_fixe`, which refuses
//   what a column cannot decide exactly) and its gains under each status (`gain_de` at the grid's
//   common denominator D: the scalar score's own rule, called once per status here);
// - per grid, D, SW, the score lane, or that the whole grid takes the scalar path, and why.
// Nothing is rounded: whatever a column cannot hold exactly sends the grid (here) or the row
// (when a block is filled) to the scalar path.
#include <caqes/contrat/modele.hpp>
#include <caqes/evaluation/colonnes/score_entier.hpp>
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/indicateur/indicateur.hpp>
#include <caqes/mesure/nature.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caqes {

// The input precision of the columnar path: for each measure type, the denominator of one step
// of the values its columns hold (a value v is held as v x scale, and the scale is a multiple
// of this step). It is configuration, [U]: it describes what the input files carry, not the law.
// A value finer than its type's step is never rounded: its row goes to the scalar path.
//
// The default is the CSV reader's precision (io/csv_number.hpp, io/detail/csv_fichiers.hpp),
// wherever a 64-bit column can hold it: amounts are integer cents, counts whole numbers, oui/non
// and the no/partial/yes scale small integers, so their step is 1. Rates are read as percentages
// with up to 18 decimals (a step of 10^-20), which no 64-bit column holds; their default step is
// 10^-9 (7 decimals of a percent), the finest power of ten at which every rate of [0, 1] still
// fits a 32-bit lane. docs/input-format.md says the same.
struct precision_entree {
    // Indexed by type_mesure: montant, montant_signe, nombre, taux, taux_evolution, oui_non, echelle.
    std::array<std::int64_t, 7> pas{{1, 1, 1, 1'000'000'000, 1'000'000'000, 1, 1}};

    [[nodiscard]] constexpr std::int64_t pour(type_mesure t) const noexcept { return pas[static_cast<std::size_t>(t)]; }
};

// How a column is stored: one byte (0xFF non renseigne, 0xFE non concerne), or a signed 32- or
// 64-bit lane (INT_MIN non renseigne, INT_MIN + 1 non concerne): arith_fixe's sentinels.
enum class stockage : std::uint8_t { u8, i32, i64 };

[[nodiscard]] constexpr std::string_view nom(stockage s) noexcept {
    switch (s) {
        case stockage::u8:
            return "u8";
        case stockage::i32:
            return "int32";
        case stockage::i64:
            return "int64";
    }
    return "?";
}

// Calls f with a value of the lane type of storage st (std::uint8_t, std::int32_t or
// std::int64_t): the one switch on a column's storage, for whatever works on a column of any.
template <class F>
constexpr decltype(auto) selon_stockage(stockage st, F&& f) {
    switch (st) {
        case stockage::u8:
            return f(std::uint8_t{});
        case stockage::i32:
            return f(std::int32_t{});
        case stockage::i64:
            break;
    }
    return f(std::int64_t{});
}

// The lane of a grid's scores (score_entier<L>): 32 bits when SW < 2^31, 64 otherwise.
enum class voie_score : std::uint8_t { i32, i64 };

// One measure of one indicator, as a block holds it.
struct colonne_plan {
    std::uint32_t volet{0};       // index in the template's volets
    std::uint32_t indicateur{0};  // index in the volet's grid
    std::uint32_t mesure{0};      // index in the indicator's measures
    std::string_view code_indicateur;
    std::string_view code_mesure;
    type_mesure type{type_mesure::nombre};
    std::int64_t echelle{1};    // lcm of the three below
    std::int64_t precision{1};  // the type's input step (precision_entree)
    std::int64_t seuils{1};     // lcm of the denominators of the thresholds on this column
    std::int64_t tolerance{1};  // the tolerance's denominator, on a target's column; else 1
    stockage st{stockage::i64};
    bool borne{false};        // the type's domain is bounded ([0, 1], {0, 1}, {0, 1, 2})
    std::int64_t maximum{0};  // bounded: the largest value x scale the column holds (2 x scale on a target's)
    // A 64-bit column whose thresholds all fit 32 bits: a block whose cells all fit 32 bits too
    // keeps a 32-bit copy of it, which the kernels read (lot_colonnes::colonne_32): their loops
    // over 32 bits vectorise on the baseline x86-64 target, over 64 bits they do not. The column
    // still holds the type's whole domain; a block with one larger value reads it in 64 bits.
    bool etroite{false};

    // Why this scale and this storage, for the CLI's grid command and the batch's log.
    [[nodiscard]] std::string decrire() const {
        std::string s = std::string{code_indicateur} + "." + std::string{code_mesure} + " (" + std::string{nom(type)} +
                        "): scale " + std::to_string(echelle) + " = lcm(input step " + std::to_string(precision) +
                        ", thresholds " + std::to_string(seuils) + ", tolerance " + std::to_string(tolerance) + "); " +
                        std::string{nom(st)};
        if (borne)
            return s + ": holds 0 to " + std::to_string(maximum) +
                   " (the type's domain at this scale, and 2 x scale on a target's column) and the two sentinels";
        if (etroite)
            return s + ": the type has no bound below 64 bits; a value that does not fit takes the scalar path; read " +
                   "in 32 bits in a block whose values all fit";
        return s + ": the type has no bound below 64 bits; a value that does not fit takes the scalar path";
    }
};

// What an indicator earns under each status, at the grid's common denominator: gain_de's,
// computed once so that a block kernel selects among them with its verdict's masks. Met,
// partial and not met all count the weight W; the policy says what the two missing states count.
struct gains_indicateur {
    std::int64_t poids{0};  // W = poids x D
    std::int64_t points_atteint{0};
    std::int64_t points_partiel{0};
    std::int64_t points_non_atteint{0};
    std::int64_t points_non_concerne{0};
    std::int64_t poids_non_concerne{0};
    std::int64_t points_non_renseigne{0};
    std::int64_t poids_non_renseigne{0};

    [[nodiscard]] constexpr gain<std::int64_t> de(statut s) const noexcept {
        switch (s) {
            case statut::atteint:
                return {points_atteint, poids, true};
            case statut::partiel:
                return {points_partiel, poids, true};
            case statut::non_atteint:
                return {points_non_atteint, poids, true};
            case statut::non_concerne:
                return {points_non_concerne, poids_non_concerne, true};
            case statut::non_renseigne:
                return {points_non_renseigne, poids_non_renseigne, true};
        }
        return {0, 0, false};
    }
};

// The gains of an indicator of integer weight W, from the one rule (gain_de); nothing when one
// is not an integer, which a W of a grid's bound rules out.
[[nodiscard]] constexpr std::optional<gains_indicateur> gains_de(std::int64_t W, const politique_grille& pol) noexcept {
    const gain<std::int64_t> a = gain_de(statut::atteint, W, pol);
    const gain<std::int64_t> p = gain_de(statut::partiel, W, pol);
    const gain<std::int64_t> n = gain_de(statut::non_atteint, W, pol);
    const gain<std::int64_t> nc = gain_de(statut::non_concerne, W, pol);
    const gain<std::int64_t> nr = gain_de(statut::non_renseigne, W, pol);
    if (!a.ok || !p.ok || !n.ok || !nc.ok || !nr.ok) return std::nullopt;
    return gains_indicateur{W, a.points, p.points, n.points, nc.points, nc.poids, nr.points, nr.poids};
}

inline constexpr std::int32_t colonne_absente = -1;

// One indicator in columns. Thresholds are at their column's scale and held in 64 bits; each
// fits its column's storage (cible_fixe<T> and the plan checked it), and 32 bits where the plan
// lets a block read a 64-bit column so (colonne_plan::etroite), so a kernel narrows them exactly.
struct indicateur_plan {
    std::uint32_t volet{0};
    std::uint32_t indice{0};  // in the volet's grid
    std::array<std::int32_t, mesures_max> colonnes{
        {colonne_absente, colonne_absente, colonne_absente, colonne_absente}};  // per measure
    std::int32_t colonne_cible{colonne_absente};
    cible_a<arith_fixe<std::int64_t>> cible{};  // meaningful when colonne_cible is not absent
    std::array<std::array<std::int32_t, conditions_max>, conjonctions_max> colonnes_conditions{};
    std::array<std::array<std::int64_t, conditions_max>, conjonctions_max> seuils_conditions{};
    gains_indicateur gains{};
    bool regional{false};  // counts in the regional score (compte_regional)

    // The target in the lanes of its column's storage T.
    template <class T>
    [[nodiscard]] constexpr cible_a<arith_fixe<T>> cible_en() const noexcept {
        return {static_cast<T>(cible.cible), static_cast<T>(cible.tolerance), static_cast<T>(cible.un),
                static_cast<T>(cible.deux), static_cast<T>(cible.borne)};
    }
};

struct plan_colonnes {
    borne_grille borne{};  // D and SW
    voie_score voie{voie_score::i64};
    raison_scalaire raison{raison_scalaire::aucune};  // the first reason found, if any
    std::vector<colonne_plan> colonnes;
    std::vector<indicateur_plan> indicateurs;  // in template order

    [[nodiscard]] constexpr bool scalaire_seulement() const noexcept { return raison != raison_scalaire::aucune; }

    [[nodiscard]] std::string decrire() const {
        std::string s;
        if (scalaire_seulement()) {
            s = "scalar path: " + std::string{texte(raison)} + "\n";
        } else {
            s = "columns: D = " + std::to_string(borne.denominateur) + ", SW = " + std::to_string(borne.somme_poids) +
                ", scores in " + (voie == voie_score::i32 ? "int32" : "int64") + " lanes\n";
        }
        for (const colonne_plan& c : colonnes)
            s += c.decrire() + "\n";
        return s;
    }
};

namespace detail {

// The domain of a type as a range, when it is bounded: what the storage must hold.
[[nodiscard]] constexpr std::optional<std::int64_t> maximum_domaine(type_mesure t) noexcept {
    switch (t) {
        case type_mesure::taux:
        case type_mesure::oui_non:
            return 1;
        case type_mesure::echelle:
            return 2;
        case type_mesure::montant:
        case type_mesure::montant_signe:
        case type_mesure::nombre:
        case type_mesure::taux_evolution:
            break;
    }
    return std::nullopt;
}

// x x echelle, when it is an integer that storage `st` holds without meeting a sentinel.
[[nodiscard]] constexpr std::optional<std::int64_t> a_l_echelle(fraction x, std::int64_t echelle,
                                                                stockage st) noexcept {
    // A positive denominator needs no normal form: it divides num x echelle or not, whatever
    // factor the two share. The product and the quotient are 64-bit when the product fits, as
    // for every value a file gives: a 128-bit division is a library call, and the gcd and it
    // were most of the cost of filling a block (docs/performance.md, "End to end").
    const fraction f = x.a_denominateur_positif();
    if (!f.valide()) return std::nullopt;
    int128 v = 0;
    if (std::int64_t p64 = 0; !__builtin_mul_overflow(f.num, echelle, &p64)) {
        if (p64 % f.den != 0) return std::nullopt;
        v = p64 / f.den;
    } else {
        const int128 p = int128{f.num} * echelle;
        if (p % f.den != 0) return std::nullopt;
        v = p / f.den;
    }
    switch (st) {
        case stockage::u8:
            if (v < 0 || v > int128{arith_fixe<std::uint8_t>::non_concerne} - 1) return std::nullopt;
            break;
        case stockage::i32:
            if (v <= int128{arith_fixe<std::int32_t>::non_concerne} || v > std::numeric_limits<std::int32_t>::max())
                return std::nullopt;
            break;
        case stockage::i64:
            if (v <= int128{arith_fixe<std::int64_t>::non_concerne} || v > std::numeric_limits<std::int64_t>::max())
                return std::nullopt;
            break;
    }
    return static_cast<std::int64_t>(v);
}

template <class T>
[[nodiscard]] constexpr std::optional<cible_a<arith_fixe<std::int64_t>>> cible_elargie(fraction cible,
                                                                                       fraction tolerance, sens d,
                                                                                       std::int64_t echelle) noexcept {
    const std::optional<cible_a<arith_fixe<T>>> c = cible_fixe<T>(cible, tolerance, d, echelle);
    if (!c) return std::nullopt;
    return cible_a<arith_fixe<std::int64_t>>{c->cible, c->tolerance, c->un, c->deux, c->borne};
}

// The target at the column's scale in its storage (commit 2's cible_fixe, which refuses what a
// column cannot decide exactly), widened to 64 bits.
[[nodiscard]] constexpr std::optional<cible_a<arith_fixe<std::int64_t>>> cible_colonne(fraction cible,
                                                                                       fraction tolerance, sens d,
                                                                                       std::int64_t echelle,
                                                                                       stockage st) noexcept {
    return selon_stockage(st, [&](auto t) { return cible_elargie<decltype(t)>(cible, tolerance, d, echelle); });
}

}  // namespace detail

// The plan of template `m` under policy `pol`, its columns at the input precision `precision`.
// A reason is kept only for the first thing that sends the grid to the scalar path; the rest of
// the plan is still filled where it can be, so that `decrire()` shows every column.
[[nodiscard]] constexpr plan_colonnes planifier_colonnes(const modele_contrat_def& m, const politique_grille& pol,
                                                         const precision_entree& precision = {}) {
    plan_colonnes p{};
    p.borne = denominateur_commun(m, pol);
    p.raison = p.borne.raison;
    p.voie = p.borne.somme_poids <= std::numeric_limits<std::int32_t>::max() ? voie_score::i32 : voie_score::i64;
    auto refuser = [&p](raison_scalaire r) {
        if (!p.scalaire_seulement()) p.raison = r;
    };
    // In its domain (CAQES-E049): its lowest terms exist, with a positive denominator.
    const fraction tolerance = pol.tolerance.valeur().normalisee();

    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        const std::span<const indicateur> grille = m.volets[iv].grille;
        for (std::size_t ii = 0; ii < grille.size(); ++ii) {
            const indicateur& ind = grille[ii];
            const plan_indicateur resolu = planifier(ind);
            indicateur_plan ip{};
            ip.volet = static_cast<std::uint32_t>(iv);
            ip.indice = static_cast<std::uint32_t>(ii);
            ip.regional = compte_regional(m.regime, ind);

            for (std::size_t k = 0; k < mesures_max; ++k) {
                if (ind.mesures[k].vide()) continue;
                colonne_plan c{};
                c.volet = ip.volet;
                c.indicateur = ip.indice;
                c.mesure = static_cast<std::uint32_t>(k);
                c.code_indicateur = ind.code;
                c.code_mesure = ind.mesures[k].code;
                c.type = ind.mesures[k].type;
                c.precision = precision.pour(c.type);
                bool ok = c.precision > 0;
                auto ajouter_den = [&ok](std::int64_t& acc, fraction f) {
                    const fraction g = f.normalisee();
                    const std::optional<std::int64_t> l = g.valide() ? detail::ppcm(acc, g.den) : std::nullopt;
                    if (l) acc = *l;
                    ok = ok && l.has_value();
                };
                const bool cible_ici = resolu.cible == static_cast<std::int8_t>(k);
                if (cible_ici) ajouter_den(c.seuils, ind.objectif.valeur);
                for (std::size_t a = 0; a < ind.ref.taille; ++a) {
                    for (std::size_t b = 0; b < ind.ref.termes[a].taille; ++b) {
                        if (resolu.conditions[a][b] == static_cast<std::int8_t>(k))
                            ajouter_den(c.seuils, ind.ref.termes[a].termes[b].seuil);
                    }
                }
                std::optional<std::int64_t> e = ok ? detail::ppcm(c.precision, c.seuils) : std::nullopt;
                if (!e) refuser(raison_scalaire::echelle_trop_grande);
                // The tolerance applies to a target only: its denominator joins that column's scale.
                if (e && cible_ici) {
                    c.tolerance = tolerance.den;
                    const std::optional<std::int64_t> et = detail::ppcm(*e, c.tolerance);
                    if (!et) refuser(raison_scalaire::tolerance_hors_colonne);
                    e = et;
                }
                c.echelle = e.value_or(1);

                // The smallest storage that holds the whole domain at this scale and the sentinels
                // (below every value in a signed lane, above it in a byte). A target's column also
                // holds 2 x scale, the "oui" of the no/partial/yes rule (cible_a::deux).
                const std::optional<std::int64_t> max = detail::maximum_domaine(c.type);
                const int128 haut = max ? int128{cible_ici && *max < 2 ? 2 : *max} * c.echelle : 0;
                c.borne = max.has_value() && haut <= std::numeric_limits<std::int64_t>::max();
                c.maximum = c.borne ? static_cast<std::int64_t>(haut) : 0;
                c.st = !c.borne                                                   ? stockage::i64
                       : haut < int128{arith_fixe<std::uint8_t>::non_concerne}    ? stockage::u8
                       : haut <= int128{std::numeric_limits<std::int32_t>::max()} ? stockage::i32
                                                                                  : stockage::i64;
                // Until a threshold on it does not fit 32 bits (below): colonne_plan::etroite. The
                // thresholds' values are the same in either storage (cible_fixe and a_l_echelle
                // only check that they fit).
                c.etroite = c.st == stockage::i64;
                ip.colonnes[k] = static_cast<std::int32_t>(p.colonnes.size());
                p.colonnes.push_back(c);
            }

            if (resolu.cible != mesure_absente) {
                colonne_plan& c =
                    p.colonnes[static_cast<std::size_t>(ip.colonnes[static_cast<std::size_t>(resolu.cible)])];
                ip.colonne_cible = ip.colonnes[static_cast<std::size_t>(resolu.cible)];
                // The target alone first, so that the reason names what does not fit.
                if (!detail::cible_colonne(ind.objectif.valeur, {0, 1}, ind.direction, c.echelle, c.st)) {
                    refuser(raison_scalaire::seuil_hors_colonne);
                } else if (const auto cf =
                               detail::cible_colonne(ind.objectif.valeur, tolerance, ind.direction, c.echelle, c.st)) {
                    ip.cible = *cf;
                } else {
                    refuser(raison_scalaire::tolerance_hors_colonne);
                }
                c.etroite = c.etroite && detail::cible_colonne(ind.objectif.valeur, tolerance, ind.direction, c.echelle,
                                                               stockage::i32);
            }
            for (std::size_t a = 0; a < ind.ref.taille; ++a) {
                for (std::size_t b = 0; b < ind.ref.termes[a].taille; ++b) {
                    const std::int32_t col = ip.colonnes[static_cast<std::size_t>(
                        resolu.conditions[a][b] < 0 ? 0 : resolu.conditions[a][b])];
                    ip.colonnes_conditions[a][b] = col;
                    colonne_plan& c = p.colonnes[static_cast<std::size_t>(col < 0 ? 0 : col)];
                    const fraction seuil = ind.ref.termes[a].termes[b].seuil;
                    const std::optional<std::int64_t> s =
                        col < 0 ? std::nullopt : detail::a_l_echelle(seuil, c.echelle, c.st);
                    if (!s) refuser(raison_scalaire::seuil_hors_colonne);
                    ip.seuils_conditions[a][b] = s.value_or(0);
                    if (col >= 0) c.etroite = c.etroite && detail::a_l_echelle(seuil, c.echelle, stockage::i32);
                }
            }
            // D is a multiple of the partial share's denominator, so every gain is an integer: the
            // gains exist whenever the bound does.
            if (!p.borne.scalaire_seulement())
                ip.gains = gains_de(p.borne.poids_entier(ind.poids), pol).value_or(gains_indicateur{});
            p.indicateurs.push_back(ip);
        }
    }
    return p;
}

}  // namespace caqes
