#pragma once
// Generated yearly reports (deterministic), their copies in each variant's layout, and a
// digest of a result so that the variants can be checked against each other.
#include "grilles_bench.hpp"
#include "handwritten.hpp"

#include <caqes/caqes.hpp>

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

namespace bench {

// splitmix64: fast, deterministic, the same sequence everywhere.
struct alea {
    std::uint64_t s;
    std::uint64_t operator()() noexcept {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::int64_t entre(std::int64_t lo, std::int64_t hi) noexcept {  // [lo, hi]
        return lo + static_cast<std::int64_t>((*this)() % static_cast<std::uint64_t>(hi - lo + 1));
    }
};

[[nodiscard]] inline caqes::fraction reduite(std::int64_t n, std::int64_t d) noexcept {
    const std::int64_t g = std::gcd(n, d);
    return {n / g, d / g};
}

// One measure's value, as the CSV reader would produce it: normalised fractions, with about
// 4 % "non concerne" and 3 % "non renseigne". Rates have two decimals of a percent, growth
// rates one, amounts are cents.
[[nodiscard]] inline caqes::valeur_mesure valeur_generee(alea& a, caqes::type_mesure t) noexcept {
    using caqes::type_mesure;
    const std::int64_t u = a.entre(0, 999);
    if (u < 40) return caqes::valeur_mesure::non_concernee();
    if (u < 70) return caqes::valeur_mesure::non_renseignee();
    caqes::fraction f{};
    switch (t) {
        case type_mesure::taux:
            f = reduite(a.entre(0, 10'000), 10'000);
            break;
        case type_mesure::taux_evolution:
            f = reduite(a.entre(-50, 90), 1'000);
            break;
        case type_mesure::montant:
            f = {a.entre(0, 80'000'000), 1};
            break;
        case type_mesure::montant_signe:
            f = {a.entre(-8'000'000, 80'000'000), 1};
            break;
        case type_mesure::nombre:
            f = {a.entre(0, 16'000), 1};
            break;
        case type_mesure::oui_non:
            f = {a.entre(0, 1), 1};
            break;
        case type_mesure::echelle:
            f = {a.entre(0, 2), 1};
            break;
    }
    return {caqes::etat_valeur::renseignee, t, f};
}

// A generated report as an establishment hands it in, before validation. It owns what the
// spans of `annuel()` view, so one object is refilled for each establishment.
struct rapport_brut {
    caqes::rapport_annuel champs{};                 // without its spans
    std::vector<caqes::saisie_indicateur> valeurs;  // named by code, in template order
    std::vector<caqes::montant_volet> economies;    // the volets whose savings are given, in template order

    // Its contract (contrat_genere) and what the report gives under it: the volets out of their
    // term are not reported on (D.162-16 II).
    caqes::contrat_instance contrat{};
    std::array<bool, 4> en_terme{true, true, true, true};
    std::vector<caqes::saisie_indicateur> valeurs_en_terme;
    std::vector<caqes::montant_volet> economies_en_terme;

    // The report against the template alone: every volet.
    [[nodiscard]] caqes::rapport_annuel annuel() const {
        caqes::rapport_annuel r = champs;
        r.valeurs = valeurs;
        r.economies = economies;
        return r;
    }
    // The report against its contract: the volets in their term only.
    [[nodiscard]] caqes::rapport_annuel annuel_du_contrat() const {
        caqes::rapport_annuel r = champs;
        r.valeurs = valeurs_en_terme;
        r.economies = economies_en_terme;
        return r;
    }
};

// A report of template `m`: exercise 2019, every activity of the template's scope, revenue 1 to
// 400 M EUR, savings per volet from -200 k to 1.8 M EUR (some negative, which gives no
// incentive; one volet in ten left out, *non renseigne*, which computes none), then a value for
// every measure of every indicator.
inline void rapport_genere(alea& a, const caqes::modele_contrat_def& m, rapport_brut& b) {
    b.champs.exercice = 2019;
    b.champs.annee_contrat = 2;
    b.champs.date_evaluation = caqes::ymd{2020, 6, 30};
    b.champs.activites_etablissement = m.perimetre;
    b.champs.produits_assurance_maladie = caqes::euros(a.entre(1'000'000, 400'000'000));
    b.economies.clear();
    for (const auto& v : m.volets) {
        const caqes::centimes montant = caqes::euros(a.entre(-200'000, 1'800'000));
        if (a.entre(0, 9) != 0) b.economies.push_back({v.volet, montant});
    }
    b.valeurs.clear();
    for (const auto& v : m.volets) {
        for (const auto& ind : v.grille) {
            caqes::saisie_indicateur s{.indicateur = ind.code};
            for (std::size_t j = 0; j < caqes::mesures_max; ++j) {
                if (!ind.mesures[j].vide())
                    s.mesures[j] = {ind.mesures[j].code, valeur_generee(a, ind.mesures[j].type)};
            }
            b.valeurs.push_back(s);
        }
    }
}

// The contract of a generated report (exercise 2019): in effect from 2017-07-01, and for one
// establishment in five one of the volets after the first brought in by an avenant of
// 2020-01-01, so out of its term for 2019 (D.162-15, D.162-16 II). The template's volets after
// the first run 4 years from the start, the first is indefinite: every other volet covers 2019.
inline void contrat_genere(alea& a, const caqes::modele_contrat_def& m, rapport_brut& b) {
    b.contrat = {};
    b.contrat.etab.finess_ej = "750000001";
    b.contrat.etab.activites_exercees = m.perimetre;
    b.contrat.parties = {"ARS", "CPAM", "Direction"};
    b.contrat.reception_proposition = caqes::ymd{2017, 6, 1};
    b.contrat.signature = caqes::ymd{2017, 6, 15};
    b.contrat.debut_effet = caqes::ymd{2017, 7, 1};
    b.en_terme = {true, true, true, true};
    if (m.volets.size() > 1 && a.entre(0, 4) == 0) {
        const auto iv = static_cast<std::size_t>(a.entre(1, static_cast<std::int64_t>(m.volets.size()) - 1));
        b.contrat.avenants.push_back({.signature = caqes::ymd{2020, 1, 1}, .volet_du_modele = m.volets[iv].volet});
        b.en_terme[iv] = false;
    }
    b.champs.annee_contrat = 3;
    b.valeurs_en_terme.clear();
    std::size_t k = 0;
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (std::size_t i = 0; i < m.volets[iv].grille.size(); ++i, ++k) {
            if (b.en_terme[iv]) b.valeurs_en_terme.push_back(b.valeurs[k]);
        }
    }
    b.economies_en_terme.clear();
    for (const caqes::montant_volet& e : b.economies) {
        for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
            if (m.volets[iv].volet == e.volet && b.en_terme[iv]) b.economies_en_terme.push_back(e);
        }
    }
}

[[nodiscard]] inline hw::valeur en_main(const caqes::valeur_mesure& v) noexcept {
    return {static_cast<std::uint8_t>(v.etat), static_cast<std::uint8_t>(v.type), v.v.num, v.v.den};
}

// ---- digest of a result: the same fields, normalised, from every variant ----
struct empreinte {
    std::uint64_t h{0xcbf29ce484222325ULL};
    void ajouter(std::int64_t x) noexcept {
        h ^= static_cast<std::uint64_t>(x);
        h *= 0x100000001b3ULL;
        h ^= h >> 29;
    }
};

[[nodiscard]] inline std::uint64_t empreinte_de(const caqes::resultat_evaluation& r) noexcept {
    empreinte e;
    for (std::size_t i = 0; i < 4; ++i) {
        const caqes::proposition& p = r.volets[i].principale;
        e.ajouter(static_cast<std::int64_t>(p.nature));
        e.ajouter(p.montant.valeur);
        e.ajouter(p.plafond.valeur);
        e.ajouter(p.plafond_atteint);
        e.ajouter(p.depassement);
        const caqes::score_volet& s = r.volets[i].score;
        e.ajouter(s.defini());
        const caqes::fraction v = s.valeur();
        e.ajouter(v.num);
        e.ajouter(v.den);
    }
    e.ajouter(r.nombre_contrat);
    e.ajouter(r.plafond_global_atteint);
    e.ajouter(r.total_sanctions.valeur);
    e.ajouter(r.total_interessements.valeur);
    e.ajouter(static_cast<std::int64_t>(r.erreur));
    return e.h;
}

[[nodiscard]] inline std::uint64_t empreinte_de(const hw::resultat& r) noexcept {
    empreinte e;
    for (std::size_t i = 0; i < 4; ++i) {
        const hw::proposition& p = r.volets[i];
        e.ajouter(p.nature);
        e.ajouter(p.montant);
        e.ajouter(p.plafond);
        e.ajouter(p.plafond_atteint);
        e.ajouter(p.depassement);
        e.ajouter(r.scores[i].defini());
        const hw::frac v = r.scores[i].valeur();
        e.ajouter(v.n);
        e.ajouter(v.d);
    }
    e.ajouter(0);
    e.ajouter(r.plafond_global_atteint);
    e.ajouter(r.total_sanctions);
    e.ajouter(r.total_interessements);
    e.ajouter(static_cast<std::int64_t>(caqes::regle::aucune));  // a toolkit score overflow (E037) differs from hand
    return e.h;
}

}  // namespace bench
