#pragma once
// A contract template (modele de contrat): regime, window, scope, volets with their terms,
// grids and outcome clauses. Checked at compile time when written in C++, and by the same
// walk at run time when built from loaded data.
//
// One walk, `parcourir_modele`, applies every template rule once and reports each failure to
// a caller-supplied sink: at compile time the sink records which rules failed, and
// `modele_contrat<M>` turns each into a static_assert carrying the rule's id and article; at
// run time the sink builds `violation`s with their location.
#include <caqes/calendrier/arithmetique.hpp>
#include <caqes/calendrier/periode.hpp>
#include <caqes/contrat/detail/enfreinte.hpp>
#include <caqes/droit/activite.hpp>
#include <caqes/droit/regime.hpp>
#include <caqes/droit/regle.hpp>
#include <caqes/indicateur/indicateur.hpp>
#include <caqes/volet/duree.hpp>
#include <caqes/volet/issue.hpp>
#include <caqes/volet/volet.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace caqes {

struct volet_modele {
    volet_id volet{volet_id::volet_socle};
    duree terme{};
    std::span<const indicateur> grille{};
    issues clauses{};            // the outcomes this contract provides for the volet
    std::optional<ymd> debut{};  // own start, for a volet added later by avenant (D.162-15)
};

struct modele_contrat_def {
    std::string_view nom;
    regime_id regime{regime_id::caqes_2017};
    periode fenetre{};  // the template's own dates: contracts start inside it
    activites perimetre{toutes_activites};
    std::span<const volet_modele> volets{};
    politique_transition transition{politique_transition::non_choisie};
    politique_jour jours{politique_jour::stricte};
};

// Where a failure lies: a volet index and an indicator index within its grid, -1 when the
// failure is about the template as a whole.
struct lieu_modele {
    int volet{-1};
    int indicateur{-1};
};

// The latest day a contract of this template can start: the end of its window, clipped to the
// regime's window. Terms are checked against the regime's end from there (CAQES-E006).
[[nodiscard]] constexpr ymd debut_au_plus_tard(const modele_contrat_def& m) noexcept {
    const ymd fin = m.fenetre.fin < decrire(m.regime).conclusion.fin ? m.fenetre.fin : decrire(m.regime).conclusion.fin;
    return veille(fin);
}

// The end of a volet's term started on `debut`, before any transition policy: an indefinite
// term ends with its regime.
[[nodiscard]] constexpr date_calculee fin_du_volet(const modele_contrat_def& m, const volet_modele& v,
                                                   ymd debut) noexcept {
    if (v.terme.f == duree::forme::indeterminee) return {decrire(m.regime).fin_effets, regle::aucune};
    return fin_du_terme(v.terme, debut, m.jours);
}

// A volet's effective term for a contract started on `debut`, after the transition policy:
// `arret_fin_regime` cuts it at the regime's end, `maintien_signale` keeps it and sets
// `signale`, which every output must show.
struct terme_effectif {
    periode dates{};
    bool signale{false};
    regle erreur{regle::aucune};
};

[[nodiscard]] constexpr terme_effectif terme_du_volet(const modele_contrat_def& m, const volet_modele& v,
                                                      ymd debut_contrat) noexcept {
    const ymd debut = v.debut.value_or(debut_contrat);
    const date_calculee fin = fin_du_volet(m, v, debut);
    if (!fin.ok()) return {{debut, fin.valeur}, false, fin.erreur};
    const ymd fin_regime = decrire(m.regime).fin_effets;
    if (fin.valeur <= fin_regime) return {{debut, fin.valeur}, false, regle::aucune};
    if (m.transition == politique_transition::arret_fin_regime) return {{debut, fin_regime}, false, regle::aucune};
    return {{debut, fin.valeur},
            true,
            m.transition == politique_transition::non_choisie ? regle::transition_non_choisie : regle::aucune};
}

namespace regles {

// CAQES-E003: a start lies in the regime's window. A contract starts inside `conclusion`; a
// volet added by avenant starts while the regime still produces effects.
[[nodiscard]] constexpr bool debut_dans_regime(regime_id r, ymd debut) noexcept {
    return decrire(r).conclusion.contient(debut);
}
[[nodiscard]] constexpr bool avenant_dans_regime(regime_id r, ymd debut) noexcept {
    return decrire(r).conclusion.debut <= debut && debut < decrire(r).fin_effets;
}

// CAQES-E005: an indefinite term only where the regime's traits allow it.
[[nodiscard]] constexpr bool duree_indeterminee_permise(volet_id v, const duree& t) noexcept {
    return t.f != duree::forme::indeterminee || traits(v).duree_indeterminee_permise;
}

// CAQES-E006: a term running past its regime's end needs a named transition policy. The
// first-generation socle's indefinite term ends with its regime and never runs past it.
[[nodiscard]] constexpr bool transition_reglee(const modele_contrat_def& m, const volet_modele& v, ymd debut) noexcept {
    if (m.transition != politique_transition::non_choisie || v.terme.f == duree::forme::indeterminee) return true;
    const date_calculee fin = fin_du_volet(m, v, debut);
    return !fin.ok() || fin.valeur <= decrire(m.regime).fin_effets;
}

// CAQES-E006 on the template's window: a window running past its regime's window (contracts
// of a 2017 template starting in 2024) needs a named transition policy. E003 checks the first
// day; this checks the last. Same predicate at compile time and in `validate(def)`.
[[nodiscard]] constexpr bool fenetre_transition_reglee(const modele_contrat_def& m) noexcept {
    return m.transition != politique_transition::non_choisie || m.fenetre.fin <= decrire(m.regime).conclusion.fin;
}

// CAQES-E052: the first-generation socle is concluded for an indefinite term, ending with its
// regime [S: FHF 2017, "Ce socle est conclu pour une duree indeterminee"; ARS page, "Il est
// conclu pour une duree indeterminee"; CAQES.md section 2]. A bounded socle term is an error.
[[nodiscard]] constexpr bool socle_duree_indeterminee(volet_id v, const duree& t) noexcept {
    return !traits(v).duree_indeterminee_requise || t.f == duree::forme::indeterminee;
}

// CAQES-E009: the volet belongs to the template's regime.
[[nodiscard]] constexpr bool volet_du_regime(regime_id r, volet_id v) noexcept { return traits(v).regime == r; }

// CAQES-E010: the outcome clauses are among those the regime allows for the volet on that day.
// A contract is concluded under the law of its start. The successor scheme is no contract: its
// outcomes follow the law as it changes, so a clause is allowed when the law provides it on
// some day from the scheme's start (a scheme starting in 2026 asks for the penalty that exists
// from 2027 [S: LFSS 2026 art. 79 as quoted]; each exercise then gets what its day provides).
[[nodiscard]] constexpr bool issues_autorisees(volet_id v, issues clauses, ymd debut) noexcept {
    if (traits(v).regime == regime_id::successeur_2026) return issues_permises_des(v, debut).contient(clauses);
    return issues_permises(v, debut).contient(clauses);
}

// CAQES-E018: in the second generation the contract as a whole lasts at most five years
// (D.162-14 I, 2022): every volet, including one added by avenant, ends by start + 5 years. A
// limit that is no day under the policy is read as CAQES-E004 reads it (`fin_dans_cinq_ans`):
// an end the readings disagree on is CAQES-E023 (`contrat_limite_calculable`).
[[nodiscard]] constexpr dans_cinq_ans contrat_dans_cinq_ans(const modele_contrat_def& m, const volet_modele& v,
                                                            ymd debut_contrat) noexcept {
    if (m.regime != regime_id::caqes_2022) return dans_cinq_ans::oui;
    const date_calculee fin = fin_du_volet(m, v, v.debut.value_or(debut_contrat));
    if (!fin.ok()) return dans_cinq_ans::oui;  // CAQES-E023 on the volet's own term
    return fin_dans_cinq_ans(debut_contrat, fin.valeur, m.jours);
}
[[nodiscard]] constexpr bool contrat_au_plus_5_ans(const modele_contrat_def& m, const volet_modele& v,
                                                   ymd debut_contrat) noexcept {
    return contrat_dans_cinq_ans(m, v, debut_contrat) != dans_cinq_ans::non;
}
[[nodiscard]] constexpr bool contrat_limite_calculable(const modele_contrat_def& m, const volet_modele& v,
                                                       ymd debut_contrat) noexcept {
    return contrat_dans_cinq_ans(m, v, debut_contrat) != dans_cinq_ans::indecis;
}

// CAQES-E019: the scope is non-empty and within the regime's activities (the successor
// covers 1, 2 and 4 of L.162-22 only).
[[nodiscard]] constexpr bool perimetre_du_regime(regime_id r, activites perimetre) noexcept {
    return !perimetre.vide() && decrire(r).perimetre.contient(perimetre);
}

}  // namespace regles

namespace detail {

// CAQES-E033 for every indicator at once: entry k is 1 when an earlier indicator of the
// template has the code of indicator k (reports and files name indicators by code;
// evaluation/validation.hpp matches values by it). Sorting hashed codes keeps the check
// O(n log n): a pairwise comparison of strings exceeds clang's constexpr step budget at a few
// hundred indicators (ENGINEERING.md, pitfalls).
[[nodiscard]] constexpr std::vector<std::uint8_t> codes_en_double(const modele_contrat_def& m) {
    struct cle {
        std::uint64_t empreinte;
        std::size_t rang;
        std::string_view code;
    };
    std::vector<cle> cles;
    for (const auto& v : m.volets) {
        for (const auto& ind : v.grille) {
            std::uint64_t h = 14695981039346656037ULL;  // FNV-1a
            for (const char c : ind.code)
                h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
            cles.push_back({h, cles.size(), ind.code});
        }
    }
    std::vector<std::uint8_t> en_double(cles.size(), 0);
    std::sort(cles.begin(), cles.end(), [](const cle& a, const cle& b) {
        return a.empreinte != b.empreinte ? a.empreinte < b.empreinte : a.rang < b.rang;
    });
    for (std::size_t i = 1; i < cles.size(); ++i) {
        for (std::size_t j = i; j-- > 0 && cles[j].empreinte == cles[i].empreinte;) {
            if (cles[j].code == cles[i].code) {
                en_double[cles[i].rang] = 1;  // equal hashes are sorted by rank: j is earlier
                break;
            }
        }
    }
    return en_double;
}

}  // namespace detail

// Applies every template rule once. `debut_tot` is the earliest start of a contract (used for
// the term lengths and the dated checks), `debut_tard` the latest (used for the regime's end).
// `signaler(regle, lieu_modele)` is called once per failure.
template <class Signaler>
constexpr void parcourir_modele(const modele_contrat_def& m, ymd debut_tot, ymd debut_tard, Signaler&& signaler) {
    using namespace regles;
    const lieu_modele global{};

    // The template's own window.
    if (!m.fenetre.dates_valides()) {
        signaler(regle::date_inexistante, global);
        return;  // every other date rule would read garbage
    }
    if (!m.fenetre.non_vide()) signaler(regle::periode_vide, global);
    if (!debut_dans_regime(m.regime, debut_tot)) signaler(regle::debut_hors_regime, global);
    if (!fenetre_transition_reglee(m)) signaler(regle::transition_non_choisie, global);
    if (!perimetre_du_regime(m.regime, m.perimetre)) signaler(regle::perimetre_hors_regime, global);

    // CAQES-E007: mandatory volets exactly once; a regime without one needs at least one volet.
    bool regime_a_obligatoire = false;
    for (const auto& t : traits_volets) {
        if (t.regime != m.regime || !t.obligatoire) continue;
        regime_a_obligatoire = true;
        int n = 0;
        for (const auto& v : m.volets)
            n += v.volet == t.id ? 1 : 0;
        if (n != 1) signaler(regle::volet_obligatoire, global);
    }
    if (!regime_a_obligatoire && m.volets.empty()) signaler(regle::volet_obligatoire, global);

    const std::vector<std::uint8_t> code_double = detail::codes_en_double(m);
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        const volet_modele& v = m.volets[iv];
        const lieu_modele lv{static_cast<int>(iv), -1};
        std::size_t rang_volet = 0;  // the rank of its first indicator over the whole template
        for (std::size_t jv = 0; jv < iv; ++jv)
            rang_volet += m.volets[jv].grille.size();

        for (std::size_t jv = 0; jv < iv; ++jv) {
            if (m.volets[jv].volet == v.volet) signaler(regle::volet_en_double, lv);
        }
        if (!volet_du_regime(m.regime, v.volet)) {
            signaler(regle::volet_hors_regime, lv);
            continue;  // its traits say nothing about this regime
        }

        if (v.debut && !v.debut->ok()) {
            signaler(regle::date_inexistante, lv);
            continue;
        }
        if (v.terme.f == duree::forme::fin_explicite && !v.terme.fin.ok()) {
            signaler(regle::date_inexistante, lv);
            continue;
        }
        if (v.debut && !avenant_dans_regime(m.regime, *v.debut)) signaler(regle::debut_hors_regime, lv);
        const ymd tot = v.debut.value_or(debut_tot);
        const ymd tard = v.debut.value_or(debut_tard);

        if (!duree_non_vide(v.terme, tot)) signaler(regle::periode_vide, lv);
        if (!duree_au_plus_5_ans(v.terme, tot, m.jours)) signaler(regle::duree_superieure_5_ans, lv);
        if (!duree_indeterminee_permise(v.volet, v.terme)) signaler(regle::duree_indeterminee_interdite, lv);
        if (!socle_duree_indeterminee(v.volet, v.terme)) signaler(regle::socle_duree_bornee, lv);
        if (!fin_calculable(v.terme, tot, m.jours) || !fin_calculable(v.terme, tard, m.jours) ||
            !contrat_limite_calculable(m, v, debut_tot)) {
            signaler(regle::date_calendaire_impossible, lv);
        } else if (!transition_reglee(m, v, tard)) {
            signaler(regle::transition_non_choisie, lv);
        }
        if (!contrat_au_plus_5_ans(m, v, debut_tot)) signaler(regle::contrat_superieur_5_ans, lv);
        if (!issues_autorisees(v.volet, v.clauses, tot)) signaler(regle::issue_non_permise, lv);

        for (std::size_t ii = 0; ii < v.grille.size(); ++ii) {
            const indicateur& ind = v.grille[ii];
            const lieu_modele li{static_cast<int>(iv), static_cast<int>(ii)};

            // CAQES-E011: ids are unique over the whole template, across volets. A plain pointer
            // walk: this pairwise loop is the costliest part of a compile-time check, and clang
            // counts every step of it against its constexpr budget.
            const std::uint32_t id = ind.id;
            for (std::size_t jv = 0; jv <= iv; ++jv) {
                const indicateur* autre = m.volets[jv].grille.data();
                const indicateur* const fin = autre + (jv == iv ? ii : m.volets[jv].grille.size());
                for (; autre != fin; ++autre) {
                    if (autre->id == id) signaler(regle::indicateur_en_double, li);
                }
            }
            if (code_double[rang_volet + ii] != 0) signaler(regle::code_indicateur_en_double, li);
            if (!dates_valides(ind)) {
                signaler(regle::date_inexistante, li);
            } else if (!validite_non_vide(ind)) {
                signaler(regle::periode_vide, li);
            } else if (!valide_sur(ind, periode{tot, lendemain(tard)})) {
                // In force on every day a contract of the template may start.
                signaler(regle::indicateur_hors_validite, li);
            }
            if (!applicable_a(ind, m.perimetre)) signaler(regle::indicateur_hors_perimetre, li);
            if (!unites_coherentes(ind)) signaler(regle::unite_incoherente, li);
            if (!referentiel_bien_forme(ind)) signaler(regle::referentiel_mal_forme, li);
            if (!origine_sourcee(ind, m.regime)) signaler(regle::origine_sans_source, li);
            if (!poids_positif(ind)) signaler(regle::poids_non_positif, li);
        }
    }
}

// The number of indicators of a template, over all its volets.
[[nodiscard]] constexpr std::size_t nombre_indicateurs(const modele_contrat_def& m) noexcept {
    std::size_t n = 0;
    for (const auto& v : m.volets)
        n += v.grille.size();
    return n;
}

// The set of rules a template breaks, as bits indexed by rule id (every id of the catalogue
// has its bit, whether or not a template can break it).
struct regles_enfreintes {
    std::array<std::uint64_t, 2> mots{};
    static_assert(
        [] {
            for (const fiche_regle& f : catalogue_regles) {
                if (static_cast<unsigned>(f.id) >= 128) return false;
            }
            return true;
        }(),
        "one bit per rule id: ids stay under 128");

    constexpr void ajouter(regle r) noexcept {
        const auto i = static_cast<unsigned>(r);
        mots[i / 64] |= std::uint64_t{1} << (i % 64);
    }
    [[nodiscard]] constexpr bool respecte(regle r) const noexcept {
        const auto i = static_cast<unsigned>(r);
        return (mots[i / 64] & (std::uint64_t{1} << (i % 64))) == 0;
    }
    [[nodiscard]] constexpr bool aucune() const noexcept { return mots[0] == 0 && mots[1] == 0; }
    friend constexpr bool operator==(const regles_enfreintes&, const regles_enfreintes&) = default;
};

[[nodiscard]] constexpr regles_enfreintes enfreintes(const modele_contrat_def& m) noexcept {
    regles_enfreintes r{};
    parcourir_modele(m, m.fenetre.debut, debut_au_plus_tard(m), [&r](regle id, lieu_modele) { r.ajouter(id); });
    return r;
}

// The first place the walk finds each rule broken, for the compile-time diagnostics.
struct lieu_enfreint {
    bool enfreint{false};
    int volet{-1};
    int indicateur{-1};
};

struct premiers_lieux {
    std::array<lieu_enfreint, 128> lieux{};

    [[nodiscard]] constexpr lieu_enfreint de(regle r) const noexcept { return lieux[static_cast<unsigned>(r)]; }
    [[nodiscard]] constexpr bool aucun() const noexcept {
        for (const lieu_enfreint& l : lieux) {
            if (l.enfreint) return false;
        }
        return true;
    }
};

[[nodiscard]] constexpr premiers_lieux lieux_enfreints(const modele_contrat_def& m, ymd debut_tot, ymd debut_tard) {
    premiers_lieux p{};
    parcourir_modele(m, debut_tot, debut_tard, [&p](regle id, lieu_modele l) {
        lieu_enfreint& x = p.lieux[static_cast<unsigned>(id)];
        if (!x.enfreint) x = {true, l.volet, l.indicateur};
    });
    return p;
}

namespace detail {

// Codes longer than this are cut in the diagnostic (the location keeps the indices).
inline constexpr std::size_t code_diagnostic_max = 32;

[[nodiscard]] constexpr std::size_t longueur_code(const modele_contrat_def& m, int v, int i) noexcept {
    const std::size_t n = m.volets[static_cast<std::size_t>(v)].grille[static_cast<std::size_t>(i)].code.size();
    return n < code_diagnostic_max ? n : code_diagnostic_max;
}

// How a location is named: 0 the rule holds, 1 the template, 2 a volet, 3 an indicator.
[[nodiscard]] constexpr int forme_du_lieu(lieu_enfreint l) noexcept {
    return !l.enfreint ? 0 : l.volet < 0 ? 1 : l.indicateur < 0 ? 2 : 3;
}

// Plain int parameters, not a lieu_enfreint: g++ 12 crashes on a class-type parameter here.
template <const modele_contrat_def& M, int V, int I, class Indices>
struct lieu_indicateur;
template <const modele_contrat_def& M, int V, int I, std::size_t... K>
struct lieu_indicateur<M, V, I, std::index_sequence<K...>> {
    using type = lieu::indicateur<lieu::volet<V, M.volets[V].volet>, I, M.volets[V].grille[I].code[K]...>;
};

template <const modele_contrat_def& M, int Forme, int V, int I>
struct type_du_lieu {
    using type = lieu::aucun;
};
template <const modele_contrat_def& M, int V, int I>
struct type_du_lieu<M, 1, V, I> {
    using type = lieu::modele;
};
template <const modele_contrat_def& M, int V, int I>
struct type_du_lieu<M, 2, V, I> {
    using type = lieu::volet<V, M.volets[V].volet>;
};
template <const modele_contrat_def& M, int V, int I>
struct type_du_lieu<M, 3, V, I> {
    using type = typename lieu_indicateur<M, V, I, std::make_index_sequence<longueur_code(M, V, I)>>::type;
};

template <const modele_contrat_def& M, const premiers_lieux& P, regle R>
struct enfreinte_au_lieu {
    static constexpr lieu_enfreint l = P.de(R);
    using type = enfreinte<R, typename type_du_lieu<M, forme_du_lieu(l), l.volet, l.indicateur>::type>;
};

}  // namespace detail

// Where each rule is first broken in `M`, and the checker of rule `R` instantiated at that
// place (lieu::aucun when the rule holds): the compiler prints the place in its first error
// block.
template <const modele_contrat_def& M>
inline constexpr premiers_lieux lieux_de = lieux_enfreints(M, M.fenetre.debut, debut_au_plus_tard(M));
template <const modele_contrat_def& M, regle R>
using enfreinte_de = typename detail::enfreinte_au_lieu<M, lieux_de<M>, R>::type;

// The compile-time contract template. Defining it with an invalid definition fails to compile
// with the first broken rule's id and article on the first error line, and the place it is
// broken (the volet and indicator, index and code) in the same error block:
//
//     inline constexpr caqes::modele_contrat_def def{...};
//     struct modele_idf : caqes::modele_contrat<def> {};
template <const modele_contrat_def& M>
struct modele_contrat {
    static constexpr const modele_contrat_def& definition = M;
    using regime = regime_type_t<M.regime>;

  private:
    static_assert(enfreinte<regle::hors_caqes,
                            std::conditional_t<conclut_des_caqes(M.regime), lieu::aucun, lieu::modele>>::verifiee);
    static_assert(enfreinte_de<M, regle::date_inexistante>::verifiee);
    static_assert(enfreinte_de<M, regle::periode_vide>::verifiee);
    static_assert(enfreinte_de<M, regle::debut_hors_regime>::verifiee);
    static_assert(enfreinte_de<M, regle::duree_superieure_5_ans>::verifiee);
    static_assert(enfreinte_de<M, regle::duree_indeterminee_interdite>::verifiee);
    static_assert(enfreinte_de<M, regle::transition_non_choisie>::verifiee);
    static_assert(enfreinte_de<M, regle::volet_obligatoire>::verifiee);
    static_assert(enfreinte_de<M, regle::volet_en_double>::verifiee);
    static_assert(enfreinte_de<M, regle::volet_hors_regime>::verifiee);
    static_assert(enfreinte_de<M, regle::issue_non_permise>::verifiee);
    static_assert(enfreinte_de<M, regle::indicateur_en_double>::verifiee);
    static_assert(enfreinte_de<M, regle::indicateur_hors_validite>::verifiee);
    static_assert(enfreinte_de<M, regle::indicateur_hors_perimetre>::verifiee);
    static_assert(enfreinte_de<M, regle::unite_incoherente>::verifiee);
    static_assert(enfreinte_de<M, regle::referentiel_mal_forme>::verifiee);
    static_assert(enfreinte_de<M, regle::origine_sans_source>::verifiee);
    static_assert(enfreinte_de<M, regle::poids_non_positif>::verifiee);
    static_assert(enfreinte_de<M, regle::contrat_superieur_5_ans>::verifiee);
    static_assert(enfreinte_de<M, regle::perimetre_hors_regime>::verifiee);
    static_assert(enfreinte_de<M, regle::code_indicateur_en_double>::verifiee);
    static_assert(enfreinte_de<M, regle::socle_duree_bornee>::verifiee);
    static_assert(enfreinte_de<M, regle::date_calendaire_impossible>::verifiee);

  public:
    // Reached only when every rule above holds.
    static constexpr bool valide = lieux_de<M>.aucun();
};

}  // namespace caqes
