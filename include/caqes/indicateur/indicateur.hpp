#pragma once
// An indicator of an evaluation grid: origin, typed measures, direction, target, referentiel,
// applicable activities, validity and weight (CAQES.md sections 2, 3 and 6).
//
// An indicator is plain constexpr data, so a grid written in C++ and a grid loaded from a file
// are the same type and go through the same predicates below.
#include <caqes/calendrier/periode.hpp>
#include <caqes/droit/activite.hpp>
#include <caqes/droit/reference.hpp>
#include <caqes/droit/regime.hpp>
#include <caqes/mesure/referentiel.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace caqes {

enum class origine : std::uint8_t {
    nationale,     // fixed by arrete: `source` cites it
    regionale,     // defined by the bodies its regime names: `instances` holds them (CAQES-E016)
    illustrative,  // an example: allowed, and labelled as such in every output, so that no example
                   // has to invent a citation
};

// The bodies behind a regional indicator, as a set: each regime names its own (CAQES-E016).
struct instances_regionales {
    std::uint8_t bits{0};

    [[nodiscard]] constexpr bool vide() const noexcept { return bits == 0; }
    [[nodiscard]] constexpr bool contient(instances_regionales i) const noexcept { return (bits & i.bits) == i.bits; }
    friend constexpr instances_regionales operator|(instances_regionales a, instances_regionales b) noexcept {
        return {static_cast<std::uint8_t>(a.bits | b.bits)};
    }
    // The bodies of `this` that `i` lacks.
    [[nodiscard]] constexpr instances_regionales absentes_de(instances_regionales i) const noexcept {
        return {static_cast<std::uint8_t>(bits & ~i.bits)};
    }
    friend constexpr bool operator==(instances_regionales, instances_regionales) = default;
};

inline constexpr instances_regionales instance_ars{1U << 0U};                // the agence regionale de sante
inline constexpr instances_regionales instance_assurance_maladie{1U << 1U};  // the health insurance
inline constexpr instances_regionales instance_omedit{
    1U << 2U};  // observatoire des medicaments, DM et innovation therapeutique
inline constexpr instances_regionales instance_federations_concertation{1U
                                                                        << 3U};  // the hospital federations, consulted
inline constexpr instances_regionales instance_directeur_general_ars{1U << 4U};  // the ARS director general himself

inline constexpr std::array<instances_regionales, 5> toutes_instances{
    {instance_ars, instance_assurance_maladie, instance_omedit, instance_federations_concertation,
     instance_directeur_general_ars}};

[[nodiscard]] constexpr std::string_view nom(instances_regionales i) noexcept {
    if (i == instance_ars) return "ars";
    if (i == instance_assurance_maladie) return "assurance_maladie";
    if (i == instance_omedit) return "omedit";
    if (i == instance_federations_concertation) return "federations_concertation";
    if (i == instance_directeur_general_ars) return "directeur_general_ars";
    return "";
}

// The bodies a regime requires behind each regional indicator:
// - first generation: "definis par l'ARS, l'Assurance maladie et l'[OMEDIT] en concertation
//   avec les federations hospitalieres" [S: ARS page, shared/domain/sources; CAQES.md section 2];
// - second generation: "indicateurs regionaux determines par le directeur general de l'agence
//   regionale de sante" [C: D.162-14 II 2, LEGIARTI000044102681, from 2022-01-01];
// - the successor scheme: "les modalites selon lesquelles le directeur general de l'agence
//   regionale de sante arrete les objectifs regionaux" [C: L.162-23-14, LEGIARTI000053271346];
// - earlier contracts: no text read names them, so none is required beyond the one any
//   regional indicator must name.
[[nodiscard]] constexpr instances_regionales instances_requises(regime_id r) noexcept {
    switch (r) {
        case regime_id::caqes_2017:
            return instance_ars | instance_assurance_maladie | instance_omedit | instance_federations_concertation;
        case regime_id::caqes_2022:
        case regime_id::successeur_2026:
            return instance_directeur_general_ars;
        case regime_id::contrats_anterieurs:
            break;
    }
    return {};
}

enum class sens : std::uint8_t { plus_bas_est_mieux, plus_haut_est_mieux };

// The target: a value on one named measure of the indicator.
struct cible {
    std::string_view mesure;
    type_mesure type_de_mesure{type_mesure::nombre};
    type_mesure type_valeur{type_mesure::nombre};
    fraction valeur{};

    [[nodiscard]] constexpr bool presente() const noexcept { return !mesure.empty(); }
};

template <class K1, class K2>
[[nodiscard]] constexpr cible viser(mesure<K1> m, quantite<K2> v) noexcept {
    static_assert(unite_coherente(K1::id, K2::id),
                  "CAQES-E014: a comparison mixes two kinds of measure (arrete of 2022-02-23, annex (each "
                  "referentiel compares one measure with a threshold of the same unit)); a target's value is "
                  "not of the kind of its measure; give it in the measure's own kind; see "
                  "docs/diagnostics.md#caqes-e014");
    return {m.code, K1::id, K2::id, v.valeur};
}

inline constexpr std::size_t mesures_max = 4;

struct indicateur {
    std::uint32_t id{};
    std::string_view code;
    std::string_view libelle;
    origine provenance{origine::illustrative};
    reference_legale source{};         // national: the arrete; regional: the ARS decision where known
    instances_regionales instances{};  // regional: the bodies that define it (CAQES-E016)
    std::array<mesure_def, mesures_max> mesures{};
    sens direction{sens::plus_bas_est_mieux};
    cible objectif{};   // absent when the text gives none ([U] targets stay absent)
    referentiel ref{};  // absent when the indicator is scored on its target only
    activites applicables{toutes_activites};
    periode validite{};
    fraction poids{1, 1};

    // The position of a measure in `mesures`, or mesures_max when the indicator has none of
    // that code. An index, not a pointer: under -fsanitize=null (part of -fsanitize=undefined)
    // g++ 12 may no longer assume that an object's address is not null, so `&m == nullptr` in
    // a constant expression stops being one and every template check fails to compile.
    [[nodiscard]] constexpr std::size_t position(std::string_view code_mesure) const noexcept {
        for (std::size_t k = 0; k < mesures_max; ++k) {
            if (!mesures[k].vide() && mesures[k].code == code_mesure) return k;
        }
        return mesures_max;
    }
    [[nodiscard]] constexpr bool a_mesure(std::string_view code_mesure) const noexcept {
        return position(code_mesure) < mesures_max;
    }
    [[nodiscard]] constexpr std::size_t nombre_mesures() const noexcept {
        std::size_t n = 0;
        for (const auto& m : mesures)
            n += m.vide() ? 0U : 1U;
        return n;
    }
};

// The rules on one indicator. Each returns true when the rule holds; the compile-time
// template and the run-time validator both call exactly these.
namespace regles {

// CAQES-E001 / CAQES-E002 on the validity period.
[[nodiscard]] constexpr bool dates_valides(const indicateur& i) noexcept { return i.validite.dates_valides(); }
[[nodiscard]] constexpr bool validite_non_vide(const indicateur& i) noexcept {
    return !i.validite.dates_valides() || i.validite.non_vide();
}

// CAQES-E012: the indicator is in force over the whole period where the grid uses it.
[[nodiscard]] constexpr bool valide_sur(const indicateur& i, const periode& usage) noexcept {
    return i.validite.contient(usage);
}

// CAQES-E013: the indicator applies to at least one activity of the scope. L.162-22.
[[nodiscard]] constexpr bool applicable_a(const indicateur& i, activites perimetre) noexcept {
    return i.applicables.rencontre(perimetre);
}

// CAQES-E014: every comparison of the target and the referentiel has one unit, and it is the
// unit of the measure it names.
[[nodiscard]] constexpr bool unites_coherentes(const indicateur& i) noexcept {
    auto coherente = [&](std::string_view code, type_mesure t_mesure, type_mesure t_valeur) {
        const std::size_t k = i.position(code);
        return unite_coherente(t_mesure, t_valeur) && (k == mesures_max || i.mesures[k].type == t_mesure);
    };
    if (i.objectif.presente() && !coherente(i.objectif.mesure, i.objectif.type_de_mesure, i.objectif.type_valeur)) {
        return false;
    }
    for (std::size_t k = 0; k < i.ref.taille; ++k) {
        const conjonction& cj = i.ref.termes[k];
        for (std::size_t j = 0; j < cj.taille; ++j) {
            if (!coherente(cj.termes[j].mesure, cj.termes[j].type_de_mesure, cj.termes[j].type_seuil)) return false;
        }
    }
    return true;
}

// CAQES-E015: the indicator has a measure and a target or a referentiel, measure codes are
// unique, the target and every
// condition name a measure of the indicator with a threshold inside its kind's domain, no
// conjunction is empty, and nothing went past the fixed capacities. L.162-30-3.
[[nodiscard]] constexpr bool referentiel_bien_forme(const indicateur& i) noexcept {
    if (i.nombre_mesures() == 0) return false;
    // Neither a target nor a referentiel: nothing could ever meet it, so it would count as
    // missed for every establishment (an empty `.ref = {}` is how that used to slip through).
    if (!i.objectif.presente() && i.ref.vide()) return false;
    for (std::size_t a = 0; a < mesures_max; ++a) {
        for (std::size_t b = a + 1; b < mesures_max; ++b) {
            if (!i.mesures[a].vide() && i.mesures[a].code == i.mesures[b].code) return false;
        }
    }
    if (i.objectif.presente() &&
        (!i.a_mesure(i.objectif.mesure) || !dans_domaine(i.objectif.type_valeur, i.objectif.valeur))) {
        return false;
    }
    if (i.ref.depasse) return false;
    for (std::size_t k = 0; k < i.ref.taille; ++k) {
        const conjonction& cj = i.ref.termes[k];
        if (cj.depasse || cj.taille == 0) return false;
        for (std::size_t j = 0; j < cj.taille; ++j) {
            const condition& c = cj.termes[j];
            if (!i.a_mesure(c.mesure) || !dans_domaine(c.type_seuil, c.seuil)) return false;
        }
    }
    return true;
}

// CAQES-E016: a national indicator cites its arrete (D.162-14 II 1, 2022; L.162-30-3); a
// regional one names at least one body, and every body its template's regime requires
// (`instances_requises`: ARS, assurance maladie, OMEDIT and federations in 2017 [S: ARS page];
// the ARS director general from 2022 [C: D.162-14 II 2, LEGIARTI000044102681]). An
// illustrative one needs neither.
[[nodiscard]] constexpr bool origine_sourcee(const indicateur& i, regime_id r) noexcept {
    switch (i.provenance) {
        case origine::nationale:
            return !i.source.vide();
        case origine::regionale:
            return !i.instances.vide() && i.instances.contient(instances_requises(r));
        case origine::illustrative:
            return true;
    }
    return false;
}

// CAQES-E017: weights are positive. D.162-16 I 2 (2017): complementary obligations weight the
// level of the outcome, which a zero or negative weight would turn upside down.
[[nodiscard]] constexpr bool poids_positif(const indicateur& i) noexcept { return i.poids.positive(); }

}  // namespace regles
}  // namespace caqes
