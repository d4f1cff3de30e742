#pragma once
// Targeting (ciblage): the themes where an establishment does not meet the dated referentiels.
//
// What non-conformity entails depends on the regime, and the output says which:
// - first generation: it *allows* the ARS and the fund to propose additional volets
//   ("peuvent proposer", D.162-14 I, LEGIARTI000034459855);
// - second generation: it *obliges* the establishment to conclude the volets proposed
//   ("est dans l'obligation de conclure", D.162-14 II, LEGIARTI000044102681).
#include <caqes/calendrier/format.hpp>
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

[[nodiscard]] constexpr effet_ciblage effet(regime_id r) noexcept {
    switch (r) {
        case regime_id::caqes_2017:
            return effet_ciblage::proposition_possible;
        case regime_id::caqes_2022:
            return effet_ciblage::conclusion_obligatoire;
        case regime_id::contrats_anterieurs:
        case regime_id::successeur_2026:
            break;
    }
    return effet_ciblage::aucun;
}

[[nodiscard]] constexpr reference_legale source_ciblage(regime_id r) noexcept {
    return r == regime_id::caqes_2022 ? reference_legale{"CSS D.162-14 II", "LEGIARTI000044102681", "2022-01-01"}
                                      : reference_legale{"CSS D.162-14 I", "LEGIARTI000034459855", "2017-04-23"};
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
    resultat_ciblage res{effet(r), source_ciblage(r), {}};
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
