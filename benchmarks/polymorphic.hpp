#pragma once
// The run-time polymorphic baseline, the way a typical in-house system is written: a grid of
// heap-allocated indicator objects with one virtual `evaluer` each, built from configuration
// at start-up, and each establishment's values in a std::unordered_map keyed by indicator
// code. Same rules and exact arithmetic as the other variants (handwritten.hpp helpers).
#include "handwritten.hpp"

#include <caqes/contrat/modele.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace poly {

using valeurs = std::array<hw::valeur, 4>;

struct etablissement {
    std::int64_t produits{0};
    std::array<std::int64_t, 4> economies{};
    std::array<bool, 4> economies_donnees{};
    std::array<bool, 4> en_terme{true, true, true, true};
    std::unordered_map<std::string, valeurs> valeurs_par_code;
};

struct resultat_indicateur {
    bool compte{false};
    hw::frac points{0, 1};  // weight x achievement
};

class indicateur {
  public:
    indicateur(std::string code, std::size_t volet, std::int64_t poids)
            : code_{std::move(code)}, volet_{volet}, poids_{poids} {}
    indicateur(const indicateur&) = delete;
    indicateur& operator=(const indicateur&) = delete;
    virtual ~indicateur() = default;
    [[nodiscard]] virtual resultat_indicateur evaluer(const valeurs& v) const = 0;
    [[nodiscard]] const std::string& code() const noexcept { return code_; }
    [[nodiscard]] std::size_t volet() const noexcept { return volet_; }
    [[nodiscard]] std::int64_t poids() const noexcept { return poids_; }

  protected:
    [[nodiscard]] resultat_indicateur non_atteint() const noexcept { return {true, {0, 1}}; }
    [[nodiscard]] resultat_indicateur atteint() const noexcept { return {true, {poids_, 1}}; }
    [[nodiscard]] resultat_indicateur partiel() const noexcept { return {true, hw::normaliser({poids_, 2})}; }

  private:
    std::string code_;
    std::size_t volet_;
    std::int64_t poids_;
};

// Scored on a target: met on the right side of it; "partiel" on a scale whose target is "oui".
class indicateur_cible final : public indicateur {
  public:
    indicateur_cible(std::string code, std::size_t volet, std::int64_t poids, std::size_t mesure, hw::frac seuil,
                     bool plus_bas, bool echelle)
            : indicateur{std::move(code), volet, poids},
              mesure_{mesure},
              seuil_{seuil},
              plus_bas_{plus_bas},
              echelle_{echelle} {}

    [[nodiscard]] resultat_indicateur evaluer(const valeurs& v) const override {
        const hw::valeur& x = v[mesure_];
        if (x.etat == 1) return {};
        if (x.etat == 2) return non_atteint();
        const int c = hw::comparer(x, seuil_.n, seuil_.d);
        if (plus_bas_ ? c <= 0 : c >= 0) return atteint();
        if (echelle_ && seuil_.n == 2 && seuil_.d == 1 && hw::comparer(x, 1, 1) == 0) return partiel();
        return non_atteint();
    }

  private:
    std::size_t mesure_;
    hw::frac seuil_;
    bool plus_bas_;
    bool echelle_;
};

struct condition {
    std::size_t mesure{0};
    caqes::comparateur op{};
    hw::frac seuil{};
};

// Scored on a referentiel in disjunctive normal form.
class indicateur_referentiel final : public indicateur {
  public:
    indicateur_referentiel(std::string code, std::size_t volet, std::int64_t poids,
                           std::vector<std::vector<condition>> ou)
            : indicateur{std::move(code), volet, poids}, ou_{std::move(ou)} {}

    [[nodiscard]] resultat_indicateur evaluer(const valeurs& v) const override {
        bool complet = true;
        bool atteint_ = false;
        for (const auto& et : ou_) {
            bool toutes = true;
            for (const auto& c : et) {
                const hw::valeur& x = v[c.mesure];
                if (x.etat != 0) {
                    complet = false;
                    toutes = false;
                    break;
                }
                if (toutes) toutes = vrai(hw::comparer(x, c.seuil.n, c.seuil.d), c.op);
            }
            atteint_ = atteint_ || toutes;
        }
        if (atteint_) return atteint();
        if (complet) return non_atteint();
        for (const auto& et : ou_) {
            for (const auto& c : et) {
                if (v[c.mesure].etat == 1) return {};
                if (v[c.mesure].etat == 2) return non_atteint();
            }
        }
        return non_atteint();
    }

  private:
    [[nodiscard]] static bool vrai(int c, caqes::comparateur op) noexcept {
        switch (op) {
            case caqes::comparateur::inferieur:
                return c < 0;
            case caqes::comparateur::inferieur_ou_egal:
                return c <= 0;
            case caqes::comparateur::superieur:
                return c > 0;
            case caqes::comparateur::superieur_ou_egal:
                return c >= 0;
            case caqes::comparateur::egal:
                return c == 0;
        }
        return false;
    }
    std::vector<std::vector<condition>> ou_;
};

struct grille {
    std::vector<std::unique_ptr<indicateur>> indicateurs;
    std::array<bool, 4> interessement_prevu{};
};

// "Loaded from configuration": built once from the template's data, as a file loader would.
[[nodiscard]] inline grille charger(const caqes::modele_contrat_def& m) {
    grille g;
    for (std::size_t iv = 0; iv < m.volets.size() && iv < 4; ++iv) {
        g.interessement_prevu[iv] = m.volets[iv].clauses.contient(caqes::interessement);
        for (const caqes::indicateur& ind : m.volets[iv].grille) {
            const std::int64_t poids = ind.poids.num / ind.poids.den;
            const caqes::plan_indicateur plan = caqes::planifier(ind);
            if (ind.objectif.presente()) {
                const caqes::fraction s = ind.objectif.valeur.normalisee();
                g.indicateurs.push_back(std::make_unique<indicateur_cible>(
                    std::string{ind.code}, iv, poids, static_cast<std::size_t>(plan.cible), hw::frac{s.num, s.den},
                    ind.direction == caqes::sens::plus_bas_est_mieux,
                    ind.objectif.type_valeur == caqes::type_mesure::echelle));
            } else {
                std::vector<std::vector<condition>> ou;
                for (std::size_t k = 0; k < ind.ref.taille; ++k) {
                    std::vector<condition> et;
                    for (std::size_t j = 0; j < ind.ref.termes[k].taille; ++j) {
                        const caqes::condition& c = ind.ref.termes[k].termes[j];
                        const caqes::fraction s = c.seuil.normalisee();
                        et.push_back({static_cast<std::size_t>(plan.conditions[k][j]), c.op, {s.num, s.den}});
                    }
                    ou.push_back(std::move(et));
                }
                g.indicateurs.push_back(
                    std::make_unique<indicateur_referentiel>(std::string{ind.code}, iv, poids, std::move(ou)));
            }
        }
    }
    return g;
}

[[nodiscard]] inline hw::resultat evaluer(const grille& g, const etablissement& e) {
    hw::score s[4]{};
    for (const auto& ind : g.indicateurs) {
        const auto it = e.valeurs_par_code.find(ind->code());
        const resultat_indicateur r = ind->evaluer(it->second);
        if (!r.compte) continue;
        hw::compter(s[ind->volet()], r.points, ind->poids());
    }
    return hw::conclure_2017(s, g.interessement_prevu, e.produits, e.economies, e.economies_donnees, e.en_terme);
}

}  // namespace poly
