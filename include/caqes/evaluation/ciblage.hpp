#pragma once
// Targeting (ciblage): the themes where an establishment does not meet the dated referentiels.
//
// What non-conformity entails depends on the regime and on the D.162-14 version in force on the
// day of the targeting (`ciblage_au`), and the output says which:
// - first generation: it *allows* the ARS and the fund to propose additional volets
//   ("peuvent proposer", D.162-14 I, LEGIARTI000034459855);
// - second generation: it *obliges* the establishment to conclude the volets proposed
//   ("est dans l'obligation de conclure", D.162-14 II, LEGIARTI000044102681).
#include <caqes/calendrier/format.hpp>
#include <caqes/droit/loi.hpp>
#include <caqes/droit/reference.hpp>
#include <caqes/droit/regime.hpp>
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/mesure/format.hpp>

#include <span>
#include <string>
#include <vector>

namespace caqes {

enum class effet_ciblage : std::uint8_t {
    aucun,                  // regimes without targeting
    proposition_possible,   // 2017: the ARS may propose additional volets
    conclusion_obligatoire  // 2022: the establishment must conclude the volets proposed
};

// What targeting on `jour` entails for a contract of regime `r`, and the D.162-14 version it
// rests on: the version in force that day (the law table) when it is one of the regime's (it
// started within the regime's conclusion window). The first generation's versions (2017, 2020)
// let the ARS propose additional volets (I); the 2022 version obliges the establishment to
// conclude (II). A day whose version is another regime's, or with none in force (D.162-14
// applies L.162-30-2, repealed on 2027-01-01), entails nothing, and the source names the version
// in force, if any: what the text of that day says, not what the regime's first text said.
struct ciblage_au_jour {
    effet_ciblage effet{effet_ciblage::aucun};
    reference_legale source{};
};

[[nodiscard]] constexpr ciblage_au_jour ciblage_au(regime_id r, ymd jour) noexcept {
    const version_loi* v = version_en_vigueur(article_loi::d162_14, jour);
    if (v == nullptr) return {};
    const bool du_regime = decrire(r).conclusion.contient(v->validite.debut);
    if (du_regime && r == regime_id::caqes_2017)
        return {effet_ciblage::proposition_possible, {"CSS D.162-14 I", v->reference.legi_id, v->reference.version}};
    if (du_regime && r == regime_id::caqes_2022)
        return {effet_ciblage::conclusion_obligatoire, {"CSS D.162-14 II", v->reference.legi_id, v->reference.version}};
    return {effet_ciblage::aucun, v->reference};
}

struct theme_cible {
    const indicateur* ind{nullptr};
    referentiel_etat etat{referentiel_etat::sans_objet};  // non_atteint, or sans_objet when values are missing
    std::string pourquoi;                                 // the values against the referentiel
};

struct resultat_ciblage {
    effet_ciblage consequence{effet_ciblage::aucun};
    reference_legale source{};
    std::vector<theme_cible> themes;  // not met, or not assessable for missing values
};

// "boites_ipp = 9000; met when boites_ipp < 8500"
[[nodiscard]] inline std::string expliquer(const indicateur& ind, const valeurs_indicateur& vals) {
    std::string s;
    for (std::size_t j = 0; j < mesures_max; ++j) {
        if (ind.mesures[j].vide()) continue;
        const valeur_mesure& v = vals[j];
        s += concat(s.empty() ? "" : ", ", ind.mesures[j].code, " = ",
                    v.etat == etat_valeur::renseignee      ? texte(v.type, v.v)
                    : v.etat == etat_valeur::non_concernee ? std::string{"non concerne"}
                                                           : std::string{"non renseigne"});
    }
    return concat(s, "; met when ", texte(ind.ref));
}

// Checks each referentiel in force on `jour` against the establishment's values (one entry
// of `valeurs` per referentiel, in order). Referentiels not in force that day are skipped.
[[nodiscard]] inline resultat_ciblage cibler(regime_id r, std::span<const indicateur> referentiels,
                                             std::span<const valeurs_indicateur> valeurs, ymd jour) {
    const ciblage_au_jour loi = ciblage_au(r, jour);
    resultat_ciblage res{loi.effet, loi.source, {}};
    for (std::size_t i = 0; i < referentiels.size() && i < valeurs.size(); ++i) {
        const indicateur& ind = referentiels[i];
        if (ind.ref.vide() || !ind.validite.contient(jour)) continue;
        const resultat_indicateur e = evaluer_indicateur(ind, planifier(ind), valeurs[i], politique_grille{});
        if (e.referentiel != referentiel_etat::atteint)
            res.themes.push_back({&ind, e.referentiel, expliquer(ind, valeurs[i])});
    }
    return res;
}

}  // namespace caqes
