#pragma once
// The law as dated data: one table of article versions, each with its LEGI id, its validity
// [from, to), the constants it sets (caps, fixed rates, floors, deadlines) and the outcomes it
// allows. Every evaluation looks its constants up here at a date, and cites the version it
// found, so an output can never cite one version while applying another.
//
// Source of truth: the article texts and their VERSIONS lines in shared/domain/legal-texts/
// (CSS snapshots of 2020-04-01, 2021-01-01, 2023-02-22, 2026-03-14 and the successor
// articles). A version listed there whose text is not in the snapshots is a row marked
// `non_lu`: it is in force on its dates, and sets nothing the toolkit may apply.
//
// Users set only what the law leaves open ([U]); a user rate is checked against the limit the
// law sets for it (CAQES-E050), never used in its place.
#include <caqes/calendrier/date.hpp>
#include <caqes/calendrier/periode.hpp>
#include <caqes/droit/reference.hpp>
#include <caqes/monnaie/fraction.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace caqes {

enum class article_loi : std::uint8_t {
    l162_30_2,     // the CAQES itself; repealed from 2027-01-01 (LFSS 2026 art. 79)
    l162_30_3,     // referentiels, the yearly target and its 70 % floor
    l162_30_4,     // yearly evaluation; tariff cut and liste en sus reduction
    d162_14,       // content of the contract
    d162_15,       // contracting procedure, refusal to sign
    d162_16,       // yearly evaluation, sanctions and incentives
    l162_23_14,    // the successor scheme (not a CAQES)
    l162_23_14_1,  // the successor's yearly objective
    aucun,         // no article: a version that rests on no other
};

inline constexpr std::array<article_loi, 8> articles_de_la_loi{
    {article_loi::l162_30_2, article_loi::l162_30_3, article_loi::l162_30_4, article_loi::d162_14, article_loi::d162_15,
     article_loi::d162_16, article_loi::l162_23_14, article_loi::l162_23_14_1}};

[[nodiscard]] constexpr std::string_view nom(article_loi a) noexcept {
    switch (a) {
        case article_loi::l162_30_2:
            return "L.162-30-2";
        case article_loi::l162_30_3:
            return "L.162-30-3";
        case article_loi::l162_30_4:
            return "L.162-30-4";
        case article_loi::d162_14:
            return "D.162-14";
        case article_loi::d162_15:
            return "D.162-15";
        case article_loi::d162_16:
            return "D.162-16";
        case article_loi::l162_23_14:
            return "L.162-23-14";
        case article_loi::l162_23_14_1:
            return "L.162-23-14-1";
        case article_loi::aucun:
            break;
    }
    return "";
}

// How sure the row is (CAQES.md): read in the text, stated by a secondary source, or only
// listed in a VERSIONS line.
enum class marque_source : std::uint8_t {
    lu,          // [C] the text is in legal-texts/
    secondaire,  // [S] quoted by a secondary source; no LEGI id is known
    non_lu,      // the version exists (VERSIONS line), its text is not in legal-texts/
};

[[nodiscard]] constexpr std::string_view nom(marque_source m) noexcept {
    switch (m) {
        case marque_source::lu:
            return "C";
        case marque_source::secondaire:
            return "S";
        case marque_source::non_lu:
            return "not read";
    }
    return "";
}

// The outcomes a version of an article allows.
enum class issue_legale : std::uint8_t {
    sanction_volet,          // D.162-16 III 1 (2017): per volet
    interessement_volet,     // D.162-16 III 1 (2017): within 30 % of the savings
    reduction_liste_en_sus,  // D.162-16 III 2 (2017): "dans la limite de 30 %"
    interessement_regional,  // D.162-16 V 1 (2022)
    interessement_national,  // D.162-16 V 2 (2022)
    sanction_refus,          // D.162-15; L.162-30-2: "correspondant a 1 %"
    reduction_refus,         // D.162-15 (2017): "reduire de 30 %", the products alternative
    abattement,              // L.162-30-4: tariff cut on the acts above target
    minoration,              // L.162-30-4: liste en sus reduction
    dotation,                // L.162-23-14 1
    penalite_financement,    // L.162-23-14 2, from 2027 [S]
};

inline constexpr std::array<issue_legale, 11> toutes_issues_legales{
    {issue_legale::sanction_volet, issue_legale::interessement_volet, issue_legale::reduction_liste_en_sus,
     issue_legale::interessement_regional, issue_legale::interessement_national, issue_legale::sanction_refus,
     issue_legale::reduction_refus, issue_legale::abattement, issue_legale::minoration, issue_legale::dotation,
     issue_legale::penalite_financement}};

[[nodiscard]] constexpr std::string_view nom(issue_legale i) noexcept {
    switch (i) {
        case issue_legale::sanction_volet:
            return "sanction";
        case issue_legale::interessement_volet:
            return "interessement";
        case issue_legale::reduction_liste_en_sus:
            return "reduction liste en sus (evaluation)";
        case issue_legale::interessement_regional:
            return "interessement regional";
        case issue_legale::interessement_national:
            return "interessement national";
        case issue_legale::sanction_refus:
            return "sanction de refus";
        case issue_legale::reduction_refus:
            return "reduction liste en sus (refus)";
        case issue_legale::abattement:
            return "abattement tarifaire";
        case issue_legale::minoration:
            return "minoration liste en sus";
        case issue_legale::dotation:
            return "dotation complementaire";
        case issue_legale::penalite_financement:
            return "penalite";
    }
    return "";
}

// The article whose versions govern an outcome: one article per outcome, so that "the version
// applied" has one answer.
[[nodiscard]] constexpr article_loi article_de(issue_legale i) noexcept {
    switch (i) {
        case issue_legale::sanction_volet:
        case issue_legale::interessement_volet:
        case issue_legale::reduction_liste_en_sus:
        case issue_legale::interessement_regional:
        case issue_legale::interessement_national:
            return article_loi::d162_16;
        case issue_legale::sanction_refus:
        case issue_legale::reduction_refus:
            return article_loi::d162_15;
        case issue_legale::abattement:
        case issue_legale::minoration:
            return article_loi::l162_30_4;
        case issue_legale::dotation:
        case issue_legale::penalite_financement:
            return article_loi::l162_23_14;
    }
    return article_loi::aucun;
}

struct issues_legales {
    std::uint16_t bits{0};

    [[nodiscard]] constexpr bool contient(issue_legale i) const noexcept {
        return (bits & (1U << static_cast<unsigned>(i))) != 0;
    }
    [[nodiscard]] constexpr bool vide() const noexcept { return bits == 0; }
    constexpr void ajouter(issue_legale i) noexcept {
        bits = static_cast<std::uint16_t>(bits | (1U << static_cast<unsigned>(i)));
    }
    friend constexpr issues_legales operator|(issues_legales a, issue_legale i) noexcept {
        a.ajouter(i);
        return a;
    }
    friend constexpr bool operator==(issues_legales, issues_legales) = default;
};

[[nodiscard]] constexpr issues_legales operator|(issue_legale a, issue_legale b) noexcept {
    return issues_legales{} | a | b;
}
[[nodiscard]] constexpr issues_legales seule(issue_legale a) noexcept { return issues_legales{} | a; }

// The constants the law sets.
enum class constante_legale : std::uint8_t {
    aucune,
    plafond_sanction_volet,          // D.162-16 III 1 (2017): 1 % per volet
    plafond_sanction_global,         // D.162-16 III 1 (2017): 5 % for all volets
    plafond_interessement,           // D.162-16 III 1 (2017): 30 % of the savings
    plafond_reduction_liste_en_sus,  // D.162-16 III 2 (2017): at most 30 %
    taux_sanction_refus,             // D.162-15; L.162-30-2: exactly 1 %
    taux_reduction_refus,            // D.162-15 (2017): exactly 30 %
    plafond_abattement,              // L.162-30-4: at most 50 % of the national tariff
    plafond_minoration,              // L.162-30-4: at most 50 % of the insurance's share
    delai_saisine,                   // L.162-30-4: two years after the referral
    plancher_cible,                  // L.162-30-3: target >= 70 % of the previous year
    duree_maximale,                  // L.162-30-2 (2019); D.162-14 I (2022): five years
    plafond_penalite,                // L.162-23-14 (2027) [S]: at most 2 %
    delai_signature,                 // D.162-15: 1 month (2017), 3 weeks (2022)
    delai_seconde_proposition,       // D.162-15: 15 days
    delai_observations,              // D.162-16 III: 1 month
    delai_notification,              // D.162-16 III: 2 months
    delai_observations_finales,      // D.162-16 IV: 15 days
};

// What the law does with the figure: a cap the user's rate may not cross, a rate the law
// fixes (no user rate), a floor, or a length of time.
enum class sorte_constante : std::uint8_t { plafond, taux_fixe, plancher, duree };

enum class unite_constante : std::uint8_t { part, annees, mois, semaines, jours };

[[nodiscard]] constexpr std::string_view nom(constante_legale c) noexcept {
    switch (c) {
        case constante_legale::aucune:
            return "";
        case constante_legale::plafond_sanction_volet:
            return "plafond_sanction_volet";
        case constante_legale::plafond_sanction_global:
            return "plafond_sanction_global";
        case constante_legale::plafond_interessement:
            return "plafond_interessement";
        case constante_legale::plafond_reduction_liste_en_sus:
            return "plafond_reduction_liste_en_sus";
        case constante_legale::taux_sanction_refus:
            return "taux_sanction_refus";
        case constante_legale::taux_reduction_refus:
            return "taux_reduction_refus";
        case constante_legale::plafond_abattement:
            return "plafond_abattement";
        case constante_legale::plafond_minoration:
            return "plafond_minoration";
        case constante_legale::delai_saisine:
            return "delai_saisine";
        case constante_legale::plancher_cible:
            return "plancher_cible";
        case constante_legale::duree_maximale:
            return "duree_maximale";
        case constante_legale::plafond_penalite:
            return "plafond_penalite";
        case constante_legale::delai_signature:
            return "delai_signature";
        case constante_legale::delai_seconde_proposition:
            return "delai_seconde_proposition";
        case constante_legale::delai_observations:
            return "delai_observations";
        case constante_legale::delai_notification:
            return "delai_notification";
        case constante_legale::delai_observations_finales:
            return "delai_observations_finales";
    }
    return "";
}

[[nodiscard]] constexpr std::string_view nom(sorte_constante s) noexcept {
    switch (s) {
        case sorte_constante::plafond:
            return "at most";
        case sorte_constante::taux_fixe:
            return "fixed";
        case sorte_constante::plancher:
            return "at least";
        case sorte_constante::duree:
            return "time";
    }
    return "";
}

[[nodiscard]] constexpr std::string_view nom(unite_constante u) noexcept {
    switch (u) {
        case unite_constante::part:
            return "";
        case unite_constante::annees:
            return "years";
        case unite_constante::mois:
            return "months";
        case unite_constante::semaines:
            return "weeks";
        case unite_constante::jours:
            return "days";
    }
    return "";
}

struct disposition {
    constante_legale id{constante_legale::aucune};
    sorte_constante sorte{sorte_constante::plafond};
    fraction valeur{0, 1};
    unite_constante unite{unite_constante::part};
    std::string_view extrait;  // the words of the text, ASCII

    [[nodiscard]] constexpr bool vide() const noexcept { return id == constante_legale::aucune; }
};

inline constexpr std::size_t dispositions_max = 7;

struct version_loi {
    article_loi article{article_loi::aucun};
    // texte, LEGI id and "[from, to)": what every outcome computed with this version cites.
    reference_legale reference{};
    periode validite{};
    marque_source marque{marque_source::lu};
    issues_legales permises{};
    std::array<disposition, dispositions_max> dispositions{};
    // The article this version applies: a CAQES decree produces no effect once L.162-30-2 is
    // repealed (LFSS 2026 art. 79), although LEGI lists it as in force.
    article_loi fondement{article_loi::aucun};
    // L.162-30-4 LEGIARTI000041398020 (2019-12-28): "un abattement ... ainsi qu'une
    // minoration": the reduction only goes with a tariff cut. From LEGIARTI000042685227
    // (2020-12-16) "et peut fixer une minoration": it stands on its own.
    bool minoration_liee_abattement{false};

    // The rank of constant `c` among `dispositions`, or `dispositions_max` when this version
    // does not set it. The lookups below work on ranks, never compare a pointer with nullptr:
    // g++ 12 with -fsanitize=null cannot evaluate such a comparison in a constant expression,
    // and users check parameters at compile time (parametres_conformes<P>).
    [[nodiscard]] constexpr std::size_t rang(constante_legale c) const noexcept {
        for (std::size_t k = 0; k < dispositions.size(); ++k) {
            if (dispositions[k].id == c) return k;
        }
        return dispositions_max;
    }
    [[nodiscard]] constexpr const disposition* trouver(constante_legale c) const noexcept {
        const std::size_t k = rang(c);
        return k == dispositions_max ? nullptr : &dispositions[k];
    }
};

namespace detail {
inline constexpr ymd ouverte = fin_des_temps;
[[nodiscard]] constexpr fraction pct(std::int64_t n) noexcept { return fraction{n, 100}; }
}  // namespace detail

// The table. Ordered by article, then chronologically; validity periods of one article meet
// without overlapping (checked by the static_asserts below). Versions whose LEGI period is
// empty or inverted (L.162-30-4 LEGIARTI000031688209, "MODIFIE_MORT_NE", 2018-01-01 to
// 2016-12-25; LEGIARTI000033714957, 2018-01-01 to 2018-01-01) were never in force and are not
// rows; the fixture test lists them.
inline constexpr std::array<version_loi, 27> table_loi{{
    // ---- L.162-30-2 -----------------------------------------------------------------
    {article_loi::l162_30_2,
     {"CSS L.162-30-2", "LEGIARTI000031688222", "[2017-04-23, 2018-01-01)"},
     periode{ymd{2017, 4, 23}, ymd{2018, 1, 1}},
     marque_source::non_lu,
     {},
     {}},
    {article_loi::l162_30_2,
     {"CSS L.162-30-2", "LEGIARTI000036393565", "[2018-01-01, 2019-12-28)"},
     periode{ymd{2018, 1, 1}, ymd{2019, 12, 28}},
     marque_source::non_lu,
     {},
     {}},
    {article_loi::l162_30_2,
     {"CSS L.162-30-2", "LEGIARTI000041398036", "[2019-12-28, 2027-01-01)"},
     periode{ymd{2019, 12, 28}, ymd{2027, 1, 1}},
     marque_source::lu,
     {},
     {{{constante_legale::taux_sanction_refus, sorte_constante::taux_fixe, detail::pct(1), unite_constante::part,
        "une sanction financiere correspondant a 1 % des produits recus"},
       {constante_legale::duree_maximale, sorte_constante::plafond, entier(5), unite_constante::annees,
        "Le contrat est conclu pour une duree maximale de cinq ans"}}}},
    // ---- L.162-30-3 -----------------------------------------------------------------
    {article_loi::l162_30_3,
     {"CSS L.162-30-3", "LEGIARTI000029959553", "[2014-12-25, 2018-01-01)"},
     periode{ymd{2014, 12, 25}, ymd{2018, 1, 1}},
     marque_source::non_lu,
     {},
     {}},
    {article_loi::l162_30_3,
     {"CSS L.162-30-3", "LEGIARTI000031688245", "[2018-01-01, 2018-12-23)"},
     periode{ymd{2018, 1, 1}, ymd{2018, 12, 23}},
     marque_source::non_lu,
     {},
     {}},
    {article_loi::l162_30_3,
     {"CSS L.162-30-3", "LEGIARTI000037949863", "[2018-12-23, 2019-12-28)"},
     periode{ymd{2018, 12, 23}, ymd{2019, 12, 28}},
     marque_source::non_lu,
     {},
     {}},
    {article_loi::l162_30_3,
     {"CSS L.162-30-3", "LEGIARTI000041398030", "[2019-12-28, 2020-12-16)"},
     periode{ymd{2019, 12, 28}, ymd{2020, 12, 16}},
     marque_source::lu,
     {},
     {{{constante_legale::plancher_cible, sorte_constante::plancher, detail::pct(70), unite_constante::part,
        "Ce nombre ne peut etre inferieur de plus de 30 % au nombre de l'annee precedente"}}}},
    {article_loi::l162_30_3,
     {"CSS L.162-30-3", "LEGIARTI000042685237", "[2020-12-16, 2026-01-01)"},
     periode{ymd{2020, 12, 16}, ymd{2026, 1, 1}},
     marque_source::lu,
     {},
     {{{constante_legale::plancher_cible, sorte_constante::plancher, detail::pct(70), unite_constante::part,
        "Ce nombre ne peut etre inferieur de plus de 30 % au nombre de l'annee precedente"}}}},
    {article_loi::l162_30_3,
     {"CSS L.162-30-3", "LEGIARTI000053283471", "[2026-01-01, 2027-01-01)"},
     periode{ymd{2026, 1, 1}, ymd{2027, 1, 1}},
     marque_source::lu,
     {},
     {{{constante_legale::plancher_cible, sorte_constante::plancher, detail::pct(70), unite_constante::part,
        "Ce nombre ne peut etre inferieur de plus de 30 % au nombre de l'annee precedente"}}}},
    {article_loi::l162_30_3,
     {"CSS L.162-30-3", "LEGIARTI000053284385", "[2027-01-01, ...)"},
     periode::depuis(ymd{2027, 1, 1}),
     marque_source::non_lu,
     {},
     {}},
    // ---- L.162-30-4 -----------------------------------------------------------------
    {article_loi::l162_30_4,
     {"CSS L.162-30-4", "LEGIARTI000029957049", "[2014-12-25, 2018-01-01)"},
     periode{ymd{2014, 12, 25}, ymd{2018, 1, 1}},
     marque_source::non_lu,
     {},
     {}},
    {article_loi::l162_30_4,
     {"CSS L.162-30-4", "LEGIARTI000036393563", "[2018-01-01, 2019-12-28)"},
     periode{ymd{2018, 1, 1}, ymd{2019, 12, 28}},
     marque_source::non_lu,
     {},
     {}},
    {article_loi::l162_30_4,
     {"CSS L.162-30-4", "LEGIARTI000041398020", "[2019-12-28, 2020-12-16)"},
     periode{ymd{2019, 12, 28}, ymd{2020, 12, 16}},
     marque_source::lu,
     issue_legale::abattement | issue_legale::minoration,
     {{{constante_legale::plafond_abattement, sorte_constante::plafond, detail::pct(50), unite_constante::part,
        "L'abattement ne peut exceder 50 % du tarif national"},
       {constante_legale::plafond_minoration, sorte_constante::plafond, detail::pct(50), unite_constante::part,
        "la minoration ne peut reduire de plus de 50 % la part prise en charge"},
       {constante_legale::delai_saisine, sorte_constante::duree, entier(2), unite_constante::annees,
        "A l'issue d'une periode de deux ans apres la saisine"}}},
     article_loi::aucun,
     true},
    {article_loi::l162_30_4,
     {"CSS L.162-30-4", "LEGIARTI000042685227", "[2020-12-16, 2025-01-01)"},
     periode{ymd{2020, 12, 16}, ymd{2025, 1, 1}},
     marque_source::lu,
     issue_legale::abattement | issue_legale::minoration,
     {{{constante_legale::plafond_abattement, sorte_constante::plafond, detail::pct(50), unite_constante::part,
        "L'abattement ne peut exceder 50 % du tarif national"},
       {constante_legale::plafond_minoration, sorte_constante::plafond, detail::pct(50), unite_constante::part,
        "la minoration ne peut reduire de plus de 50 % la part prise en charge"},
       {constante_legale::delai_saisine, sorte_constante::duree, entier(2), unite_constante::annees,
        "A l'issue d'une periode de deux ans apres la saisine"}}}},
    {article_loi::l162_30_4,
     {"CSS L.162-30-4", "LEGIARTI000048702783", "[2025-01-01, 2027-01-01)"},
     periode{ymd{2025, 1, 1}, ymd{2027, 1, 1}},
     marque_source::lu,
     issue_legale::abattement | issue_legale::minoration,
     {{{constante_legale::plafond_abattement, sorte_constante::plafond, detail::pct(50), unite_constante::part,
        "L'abattement ne peut exceder 50 % du tarif national"},
       {constante_legale::plafond_minoration, sorte_constante::plafond, detail::pct(50), unite_constante::part,
        "la minoration ne peut reduire de plus de 50 % la part prise en charge"},
       {constante_legale::delai_saisine, sorte_constante::duree, entier(2), unite_constante::annees,
        "A l'issue d'une periode de deux ans apres la saisine"}}}},
    // ---- D.162-14 -------------------------------------------------------------------
    {article_loi::d162_14,
     {"CSS D.162-14", "LEGIARTI000034459855", "[2017-04-23, 2020-05-25)"},
     periode{ymd{2017, 4, 23}, ymd{2020, 5, 25}},
     marque_source::lu,
     {},
     {},
     article_loi::l162_30_2},
    {article_loi::d162_14,
     {"CSS D.162-14", "LEGIARTI000041969030", "[2020-05-25, 2022-01-01)"},
     periode{ymd{2020, 5, 25}, ymd{2022, 1, 1}},
     marque_source::lu,
     {},
     {},
     article_loi::l162_30_2},
    {article_loi::d162_14,
     {"CSS D.162-14", "LEGIARTI000044102681", "[2022-01-01, ...)"},
     periode::depuis(ymd{2022, 1, 1}),
     marque_source::lu,
     {},
     {{{constante_legale::duree_maximale, sorte_constante::plafond, entier(5), unite_constante::annees,
        "Le contrat est conclu pour une duree maximale de cinq ans"}}},
     article_loi::l162_30_2},
    // ---- D.162-15 -------------------------------------------------------------------
    {article_loi::d162_15,
     {"CSS D.162-15", "LEGIARTI000034459846", "[2017-04-23, 2022-01-01)"},
     periode{ymd{2017, 4, 23}, ymd{2022, 1, 1}},
     marque_source::lu,
     issue_legale::sanction_refus | issue_legale::reduction_refus,
     {{{constante_legale::taux_sanction_refus, sorte_constante::taux_fixe, detail::pct(1), unite_constante::part,
        "la sanction encourue en cas de refus de signature correspondant a 1 %"},
       {constante_legale::taux_reduction_refus, sorte_constante::taux_fixe, detail::pct(30), unite_constante::part,
        "en alternative a cette sanction, de reduire de 30 % la part prise en charge"},
       {constante_legale::delai_signature, sorte_constante::duree, entier(1), unite_constante::mois,
        "un delai d'un mois a compter de la reception de cette proposition"},
       {constante_legale::delai_seconde_proposition, sorte_constante::duree, entier(15), unite_constante::jours,
        "un delai de quinze jours a compter de la reception de cette nouvelle proposition"}}},
     article_loi::l162_30_2},
    {article_loi::d162_15,
     {"CSS D.162-15", "LEGIARTI000044102672", "[2022-01-01, ...)"},
     periode::depuis(ymd{2022, 1, 1}),
     marque_source::lu,
     seule(issue_legale::sanction_refus),
     {{{constante_legale::taux_sanction_refus, sorte_constante::taux_fixe, detail::pct(1), unite_constante::part,
        "la sanction encourue en cas de refus de signature correspondant a 1 %"},
       {constante_legale::delai_signature, sorte_constante::duree, entier(3), unite_constante::semaines,
        "un delai de trois semaines a compter de la reception de cette proposition"},
       {constante_legale::delai_seconde_proposition, sorte_constante::duree, entier(15), unite_constante::jours,
        "un delai de quinze jours a compter de la reception de cette nouvelle proposition"}}},
     article_loi::l162_30_2},
    // ---- D.162-16 -------------------------------------------------------------------
    {article_loi::d162_16,
     {"CSS D.162-16", "LEGIARTI000034459834", "[2017-04-23, 2022-01-01)"},
     periode{ymd{2017, 4, 23}, ymd{2022, 1, 1}},
     marque_source::lu,
     issue_legale::sanction_volet | issue_legale::interessement_volet | issue_legale::reduction_liste_en_sus,
     {{{constante_legale::plafond_sanction_volet, sorte_constante::plafond, detail::pct(1), unite_constante::part,
        "dans la limite, pour chaque volet du contrat, de 1 % des produits recus"},
       {constante_legale::plafond_sanction_global, sorte_constante::plafond, detail::pct(5), unite_constante::part,
        "dans la limite de 5 % de ces produits, pour l'ensemble des volets"},
       {constante_legale::plafond_interessement, sorte_constante::plafond, detail::pct(30), unite_constante::part,
        "un interessement ... dans la limite de 30 % des economies constatees"},
       {constante_legale::plafond_reduction_liste_en_sus, sorte_constante::plafond, detail::pct(30),
        unite_constante::part, "la reduction, dans la limite de 30 %, de la part prise en charge"},
       {constante_legale::delai_observations, sorte_constante::duree, entier(1), unite_constante::mois,
        "un delai d'un mois a compter de la reception de ce rapport d'evaluation"},
       {constante_legale::delai_notification, sorte_constante::duree, entier(2), unite_constante::mois,
        "dans un delai de deux mois"},
       {constante_legale::delai_observations_finales, sorte_constante::duree, entier(15), unite_constante::jours,
        "un delai de quinze jours a compter de la date de reception de la notification"}}},
     article_loi::l162_30_2},
    {article_loi::d162_16,
     {"CSS D.162-16", "LEGIARTI000044102658", "[2022-01-01, 2025-12-31)"},
     periode{ymd{2022, 1, 1}, ymd{2025, 12, 31}},
     marque_source::lu,
     issue_legale::interessement_regional | issue_legale::interessement_national,
     {{{constante_legale::delai_observations, sorte_constante::duree, entier(1), unite_constante::mois,
        "un delai d'un mois a compter de la reception de ce rapport d'evaluation"},
       {constante_legale::delai_notification, sorte_constante::duree, entier(2), unite_constante::mois,
        "dans un delai de deux mois"},
       {constante_legale::delai_observations_finales, sorte_constante::duree, entier(15), unite_constante::jours,
        "un delai de quinze jours a compter de la date de reception de la notification"}}},
     article_loi::l162_30_2},
    {article_loi::d162_16,
     {"CSS D.162-16", "LEGIARTI000053220456", "[2025-12-31, ...)"},
     periode::depuis(ymd{2025, 12, 31}),
     marque_source::lu,
     issue_legale::interessement_regional | issue_legale::interessement_national,
     {{{constante_legale::delai_observations, sorte_constante::duree, entier(1), unite_constante::mois,
        "un delai d'un mois a compter de la reception de ce rapport d'evaluation"},
       {constante_legale::delai_notification, sorte_constante::duree, entier(2), unite_constante::mois,
        "dans un delai de deux mois"},
       {constante_legale::delai_observations_finales, sorte_constante::duree, entier(15), unite_constante::jours,
        "un delai de quinze jours a compter de la date de reception de la notification"}}},
     article_loi::l162_30_2},
    // ---- L.162-23-14 ----------------------------------------------------------------
    // The interim version provides the allocation from savings only ("1 Attribuer une
    // dotation complementaire"). The penalty of at most 2 % comes with the version from
    // 2027-01-01, whose text is not in legal-texts/: [S], LFSS 2026 art. 79 as quoted, no LEGI id.
    {article_loi::l162_23_14,
     {"CSS L.162-23-14", "LEGIARTI000053271346", "[2026-01-01, 2027-01-01)"},
     periode{ymd{2026, 1, 1}, ymd{2027, 1, 1}},
     marque_source::lu,
     seule(issue_legale::dotation),
     {}},
    {article_loi::l162_23_14,
     {"CSS L.162-23-14 [S: LFSS 2026 art. 79 as quoted]", "", "[2027-01-01, ...)"},
     periode::depuis(ymd{2027, 1, 1}),
     marque_source::secondaire,
     issue_legale::dotation | issue_legale::penalite_financement,
     {{{constante_legale::plafond_penalite, sorte_constante::plafond, detail::pct(2), unite_constante::part,
        "[S] une penalite d'au plus 2 % du financement"}}}},
    // ---- L.162-23-14-1 --------------------------------------------------------------
    {article_loi::l162_23_14_1,
     {"CSS L.162-23-14-1", "LEGIARTI000053271405", "[2026-01-01, 2027-01-01)"},
     periode{ymd{2026, 1, 1}, ymd{2027, 1, 1}},
     marque_source::lu,
     {},
     {}},
    {article_loi::l162_23_14_1,
     {"CSS L.162-23-14-1", "LEGIARTI000053284620", "[2027-01-01, ...)"},
     periode::depuis(ymd{2027, 1, 1}),
     marque_source::non_lu,
     {},
     {}},
}};

namespace detail {

// The rank of every constant among the dispositions of every version (`version_loi::rang`),
// computed at compile time: an evaluation looks a cap up for each proposal, and a batch for
// each of its rows, so the lookup is one load rather than a scan of the version's
// dispositions (issue 16's profile of a batch: 6 % of the time in that scan).
inline constexpr std::size_t nombre_constantes =
    static_cast<std::size_t>(constante_legale::delai_observations_finales) + 1;
static_assert(dispositions_max < 256, "a version's dispositions are ranked in a byte");
using rangs_constantes = std::array<std::array<std::uint8_t, nombre_constantes>, table_loi.size()>;

[[nodiscard]] constexpr rangs_constantes calculer_rangs_constantes() noexcept {
    rangs_constantes r{};
    for (std::size_t k = 0; k < table_loi.size(); ++k) {
        for (std::size_t c = 0; c < nombre_constantes; ++c)
            r[k][c] = static_cast<std::uint8_t>(table_loi[k].rang(static_cast<constante_legale>(c)));
    }
    return r;
}

inline constexpr rangs_constantes rangs_constantes_ = calculer_rangs_constantes();

// Every constant the table sets is ranked: one added after the last enumerator counted above
// would otherwise read as "not in force".
[[nodiscard]] constexpr bool constantes_rangees() noexcept {
    for (const version_loi& v : table_loi) {
        for (const disposition& d : v.dispositions) {
            if (static_cast<std::size_t>(d.id) >= nombre_constantes) return false;
        }
    }
    return true;
}
static_assert(constantes_rangees(), "nombre_constantes must count every constante_legale");

}  // namespace detail

// The rank in `table_loi` of the version of article `a` in force on `jour`, or
// `table_loi.size()`, by a scan of the table (the calendar below is built with it).
// `table_loi.size()`. A version resting on another article (`fondement`) is in force only
// while that article is.
[[nodiscard]] constexpr std::size_t rang_en_vigueur_direct(article_loi a, ymd jour) noexcept {
    for (std::size_t k = 0; k < table_loi.size(); ++k) {
        const version_loi& v = table_loi[k];
        if (v.article != a || !v.validite.contient(jour)) continue;
        if (v.fondement != article_loi::aucun && rang_en_vigueur_direct(v.fondement, jour) == table_loi.size())
            return table_loi.size();
        return k;
    }
    return table_loi.size();
}

// The version of every article in force on one day, looked up once. An evaluation asks about
// up to eleven outcomes under three version policies; each outcome's version is its
// article's, so eight lookups per date answer them all.
struct versions_du_jour {
    std::array<std::size_t, articles_de_la_loi.size()> rang{};

    [[nodiscard]] constexpr std::size_t de(article_loi a) const noexcept {
        const auto i = static_cast<std::size_t>(a);
        return i < rang.size() ? rang[i] : table_loi.size();  // `aucun`: no version
    }
    // Whether the version in force allows outcome `i` (what `version_pour` answers).
    [[nodiscard]] constexpr bool permet(issue_legale i) const noexcept {
        const std::size_t k = de(article_de(i));
        return k != table_loi.size() && table_loi[k].permises.contient(i);
    }
};

[[nodiscard]] constexpr versions_du_jour versions_au_direct(ymd jour) noexcept {
    versions_du_jour v{};
    for (const article_loi a : articles_de_la_loi)
        v.rang[static_cast<std::size_t>(a)] = rang_en_vigueur_direct(a, jour);
    return v;
}

namespace detail {

// The law changes only on the days a version starts or ends, so the versions in force are
// computed once, at compile time, for each interval between two such days; a lookup is then a
// binary search over about fifty days instead of a scan of the table per article, which an
// evaluation would otherwise do for every establishment (docs/performance.md).
struct calendrier_loi {
    static constexpr std::size_t max = 2 * table_loi.size();
    std::array<ymd, max> jours{};  // sorted, distinct: interval i is [jours[i], jours[i + 1])
    std::array<versions_du_jour, max> versions{};
    std::size_t n{0};
};

[[nodiscard]] constexpr calendrier_loi calculer_calendrier_loi() noexcept {
    calendrier_loi c{};
    auto ajouter = [&c](ymd j) {
        std::size_t i = 0;
        while (i < c.n && c.jours[i] < j)
            ++i;
        if (i < c.n && c.jours[i] == j) return;
        for (std::size_t k = c.n; k > i; --k)
            c.jours[k] = c.jours[k - 1];
        c.jours[i] = j;
        ++c.n;
    };
    for (const version_loi& v : table_loi) {
        ajouter(v.validite.debut);
        ajouter(v.validite.fin);
    }
    for (std::size_t i = 0; i < c.n; ++i)
        c.versions[i] = versions_au_direct(c.jours[i]);
    return c;
}

inline constexpr calendrier_loi calendrier_loi_ = calculer_calendrier_loi();

}  // namespace detail

// The versions of every article in force on `jour`.
[[nodiscard]] constexpr versions_du_jour versions_au(ymd jour) noexcept {
    const detail::calendrier_loi& c = detail::calendrier_loi_;
    if (c.n == 0 || jour < c.jours[0]) return versions_au_direct(jour);
    std::size_t bas = 0;
    std::size_t haut = c.n;  // jours[bas] <= jour, and jour < jours[haut] when haut < n
    while (haut - bas > 1) {
        const std::size_t milieu = bas + (haut - bas) / 2;
        if (c.jours[milieu] <= jour) {
            bas = milieu;
        } else {
            haut = milieu;
        }
    }
    return c.versions[bas];
}

// The rank in `table_loi` of the version of article `a` in force on `jour`, or
// `table_loi.size()`.
[[nodiscard]] constexpr std::size_t rang_en_vigueur(article_loi a, ymd jour) noexcept {
    return versions_au(jour).de(a);
}

// The version of article `a` in force on the day of `v`, or nullptr.
[[nodiscard]] constexpr const version_loi* version_en_vigueur(const versions_du_jour& v, article_loi a) noexcept {
    const std::size_t k = v.de(a);
    return k == table_loi.size() ? nullptr : &table_loi[k];
}
// The same, looked up for `jour`.
[[nodiscard]] constexpr const version_loi* version_en_vigueur(article_loi a, ymd jour) noexcept {
    return version_en_vigueur(versions_au(jour), a);
}

// The version that governs outcome `i` on the day of `v` when it allows it, else nullptr.
[[nodiscard]] constexpr const version_loi* version_pour(const versions_du_jour& v, issue_legale i) noexcept {
    const std::size_t k = v.de(article_de(i));
    return k != table_loi.size() && table_loi[k].permises.contient(i) ? &table_loi[k] : nullptr;
}
// The same, looked up for `jour`.
[[nodiscard]] constexpr const version_loi* version_pour(issue_legale i, ymd jour) noexcept {
    return version_pour(versions_au(jour), i);
}

// A constant of the law on a day, with the version it comes from: the value and its citation
// travel together.
struct valeur_legale {
    fraction valeur{0, 1};
    const version_loi* version{nullptr};
    const disposition* source{nullptr};
    bool present{false};  // a flag, not `version != nullptr`: see version_loi::rang

    [[nodiscard]] constexpr bool en_vigueur() const noexcept { return present; }
};

// Constant `c` as set by the version of `a` in force on the day of `jour`; not in force when
// that version does not set it.
[[nodiscard]] constexpr valeur_legale constante_en_vigueur(const versions_du_jour& jour, article_loi a,
                                                           constante_legale c) noexcept {
    const std::size_t k = jour.de(a);
    if (k == table_loi.size()) return {};
    const auto ic = static_cast<std::size_t>(c);
    if (ic >= detail::nombre_constantes) return {};
    const version_loi& v = table_loi[k];
    const std::size_t j = detail::rangs_constantes_[k][ic];
    if (j == dispositions_max) return {};
    return {v.dispositions[j].valeur, &v, &v.dispositions[j], true};
}
// The same, looked up for `jour`.
[[nodiscard]] constexpr valeur_legale constante_en_vigueur(article_loi a, constante_legale c, ymd jour) noexcept {
    return constante_en_vigueur(versions_au(jour), a, c);
}

// The strictest value the law ever set for cap `c`, over every version: the bound a user rate
// is checked against without a date (compile time, CAQES-E050). Every cap has one value in all
// the versions read, so this equals the value on any date it is in force.
[[nodiscard]] constexpr fraction limite_legale(constante_legale c) noexcept {
    fraction m{-1, 1};
    for (std::size_t k = 0; k < table_loi.size(); ++k) {
        const std::size_t j = table_loi[k].rang(c);
        if (j == dispositions_max) continue;
        const fraction valeur = table_loi[k].dispositions[j].valeur;
        if (m.negative() || valeur < m) m = valeur;
    }
    return m;
}

namespace regles {

// The table's own consistency: versions of one article are chronological and do not overlap
// (as CAQES-E025 asks of dated parameters), every period is a real non-empty [from, to), and
// every row read in the texts has its LEGI id.
[[nodiscard]] constexpr bool table_loi_coherente() noexcept {
    for (std::size_t i = 0; i < table_loi.size(); ++i) {
        const version_loi& v = table_loi[i];
        if (!v.validite.dates_valides() || !v.validite.non_vide()) return false;
        if (v.marque != marque_source::secondaire && v.reference.legi_id.size() != 20) return false;
        if (v.marque == marque_source::secondaire && !v.reference.legi_id.empty()) return false;
        if (i > 0 && table_loi[i - 1].article == v.article && v.validite.debut < table_loi[i - 1].validite.fin)
            return false;
        if (i > 0 && table_loi[i - 1].article > v.article) return false;
        for (const auto& d : v.dispositions) {
            if (!d.vide() && (!d.valeur.positive() || d.extrait.empty())) return false;
        }
        for (const issue_legale is : toutes_issues_legales) {
            if (v.permises.contient(is) && article_de(is) != v.article) return false;
        }
    }
    return true;
}

}  // namespace regles

static_assert(regles::table_loi_coherente(), "the law table is inconsistent (droit/loi.hpp)");

}  // namespace caqes
