#pragma once
// A block of validated establishment-years in columns, and the only way to fill one
// (docs/design-columnar.md, section 4.3).
//
// `lot_colonnes` has a private constructor: `validateur_lot` alone builds and fills it, from
// reports that `validate` accepted (`rapport_valide`), so the batch evaluator
// (colonnes/evaluer_lot.hpp) sees nothing that was not validated. Each value goes into its
// column at the scale the grid's column plan chose (colonnes/plan.hpp). Nothing is rounded: a
// value its column cannot hold exactly sends its row to the exact scalar path (the default), or
// is rejected with its place, CAQES-E045, under `politique_hors_echelle::refus`. Beside the
// columns, a block keeps what the conclusion reads of each row (`donnees_ligne`: revenue,
// savings, terms, the context) and, in side tables, the rows' recorded decisions and L.162-30-4
// data; `ligne_lot` shows a row as the conclusion's `donnees_etablissement`. Only a row on the
// scalar path keeps its whole report, which that path evaluates.
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/droit/regle.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/colonnes/plan.hpp>
#include <caqes/evaluation/couverture.hpp>
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/evaluation/issues.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/parametres_valides.hpp>
#include <caqes/evaluation/rapport_valide.hpp>
#include <caqes/evaluation/realisation.hpp>
#include <caqes/evaluation/valeur.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace caqes::colonnes {

// What becomes of a value finer than its column's scale (its type's `precision_entree` and the
// grid's thresholds): its row is evaluated by the scalar path, exactly, or it is refused
// (CAQES-E045) for a batch that must run in columns only.
enum class politique_hors_echelle : std::uint8_t { voie_scalaire, refus };

// The path of a row of a block, and why it is the scalar one.
enum class voie_ligne : std::uint8_t {
    colonnes,
    grille,        // the whole grid is planned on the scalar path (plan_colonnes::raison)
    avenant,       // the report evaluates volets added by avenant (D.162-15): known at run time only
    hors_echelle,  // a value its column cannot hold exactly
};

[[nodiscard]] constexpr std::string_view texte(voie_ligne v) noexcept {
    switch (v) {
        case voie_ligne::colonnes:
            return "columns";
        case voie_ligne::grille:
            return "scalar path: the grid cannot be evaluated in columns";
        case voie_ligne::avenant:
            return "scalar path: volets added by avenant";
        case voie_ligne::hors_echelle:
            return "scalar path: a value its column cannot hold exactly";
    }
    return "?";
}

// What a batch is evaluated against, fixed for the whole batch: the template, the grid's policy,
// the validated parameters (each report added must carry equal ones, CAQES-E048), and the column
// plan built once from the first two (planifier_colonnes).
class grille_lot {
  public:
    grille_lot(const modele_contrat_def& m, const politique_grille& pol, const parametres_valides& p,
               const precision_entree& precision = {})
            : m_(&m), pol_(pol), p_(p), plan_(planifier_colonnes(m, pol, precision)) {
        std::array<std::size_t, 3> n{};
        rangs_.reserve(plan_.colonnes.size());
        for (const colonne_plan& c : plan_.colonnes)
            rangs_.push_back(n[static_cast<std::size_t>(c.st)]++);
        par_stockage_ = n;
    }

    [[nodiscard]] const modele_contrat_def& modele() const noexcept { return *m_; }
    [[nodiscard]] const politique_grille& politique() const noexcept { return pol_; }
    [[nodiscard]] const parametres_valides& parametres() const noexcept { return p_; }
    [[nodiscard]] const plan_colonnes& plan() const noexcept { return plan_; }
    // Column c's place among the columns of its storage.
    [[nodiscard]] std::size_t rang(std::size_t c) const noexcept { return rangs_[c]; }
    [[nodiscard]] std::size_t nombre(stockage st) const noexcept { return par_stockage_[static_cast<std::size_t>(st)]; }

  private:
    const modele_contrat_def* m_;
    politique_grille pol_;
    parametres_valides p_;
    plan_colonnes plan_;
    std::vector<std::size_t> rangs_;
    std::array<std::size_t, 3> par_stockage_{};
};

// The law of a block's rows: one per (exercise, evaluation date), computed once (lois_pour).
struct contexte_lot {
    int exercice{0};
    ymd date_evaluation{};
    lois_du_jour lois{};
};

// What the conclusion reads of one row (evaluer.hpp, `donnees_etablissement`), copied from its
// report when the row is added; its values are in the columns.
struct donnees_ligne {
    centimes produits{0};
    std::array<std::optional<centimes>, volets_max> economies{};
    std::array<couverture_volet, volets_max> couvertures{};
    std::optional<int> annee_produits{};
    std::optional<centimes> part_liste_en_sus{};
    std::optional<centimes> base_penalite{};
    ymd date_evaluation{};
    std::int32_t exercice{0};
    std::int32_t annee_contrat{1};
    std::uint32_t premiere_decision{0};  // the row's decisions in the block's side table
    std::uint32_t nombre_decisions{0};
    std::int32_t l162_30_4{-1};  // its L.162-30-4 data in the block's side table; -1: none
    std::int32_t rapport{-1};    // its whole report, kept for a row on the scalar path; -1: none
    bool avec_instance{false};
};

class validateur_lot;
class ligne_lot;

// The cells a kernel reads for one column: their storage and where they start.
struct colonne_lue {
    stockage st{stockage::i64};
    const void* cellules{nullptr};
};

class lot_colonnes {
  public:
    static constexpr std::size_t capacite = 512;
    // A block closes when it holds this many contexts: one byte per row indexes them.
    static constexpr std::size_t contextes_max = 255;

    [[nodiscard]] std::size_t taille() const noexcept { return lignes_.size(); }
    [[nodiscard]] const grille_lot& grille() const noexcept { return *g_; }
    [[nodiscard]] voie_ligne voie(std::size_t i) const noexcept { return voies_[i]; }
    // The whole report of a row on the scalar path (voie(i) != voie_ligne::colonnes).
    [[nodiscard]] const rapport_valide& rapport(std::size_t i) const noexcept {
        return rapports_[static_cast<std::size_t>(lignes_[i].rapport)];
    }
    // The law of row i's context; meaningful for a row on the columns' path.
    [[nodiscard]] const lois_du_jour& lois(std::size_t i) const noexcept { return contextes_[contexte_[i]].lois; }
    // Asks the memory for row i's data (`donnees_ligne`, 296 bytes: five or six cache lines, each
    // asked for, the last byte's included) ahead of the conclusion that reads it once
    // (evaluer_lot.hpp, `conclure_lot`); nothing past the block.
    // The hardware's stream prefetcher does not fetch those lines in time while the conclusion
    // also writes every result column: asking four rows ahead made a block of 1e5 establishments
    // about 20 % faster at 7 indicators (docs/performance.md, "The row data asked for ahead").
    // A hint only: no result depends on it.
    void precharger(std::size_t i) const noexcept {
        if (i >= lignes_.size()) return;
        const char* debut = reinterpret_cast<const char*>(&lignes_[i]);
        for (std::size_t o = 0; o < sizeof(donnees_ligne); o += 64)
            __builtin_prefetch(debut + o);
        __builtin_prefetch(debut + sizeof(donnees_ligne) - 1);
    }
    [[nodiscard]] std::size_t lignes_scalaires() const noexcept {
        std::size_t n = 0;
        for (const voie_ligne v : voies_)
            n += v == voie_ligne::colonnes ? 0 : 1;
        return n;
    }
    // The bytes the block holds per row: its cells, what the conclusion reads, the path and the
    // context index (the side tables and the reports kept for the scalar path are extra).
    [[nodiscard]] std::size_t octets_par_ligne() const noexcept {
        return (u8_.size() + i32_.size() * 4 + i64_.size() * 8 + en_32_.size() * 4) / capacite + sizeof(donnees_ligne) +
               sizeof(voie_ligne) + 1;
    }
    // Row i's value in column c, read back exactly: the cell over the column's scale, or the
    // state its sentinel stands for.
    [[nodiscard]] valeur_mesure valeur(std::size_t c, std::size_t i) const noexcept {
        const colonne_plan& cp = g_->plan().colonnes[c];
        return selon_stockage(cp.st, [&](auto t) {
            using T = decltype(t);
            return valeur_de<T>(cp, colonne<T>(c)[i]);
        });
    }
    // Column c of the plan, in its storage T (u8, int32 or int64: plan().colonnes[c].st).
    template <class T>
    [[nodiscard]] const T* colonne(std::size_t c) const noexcept {
        return reserve<T>().data() + g_->rang(c) * capacite;
    }
    // Column c read in 32 bits, arith_fixe<int32>'s sentinels for the 64-bit ones: when it is a
    // 64-bit column the plan allows it for (colonne_plan::etroite) and every cell of the block
    // fits 32 bits off those sentinels; nullptr otherwise (read colonne<std::int64_t>(c)).
    [[nodiscard]] const std::int32_t* colonne_32(std::size_t c) const noexcept {
        if (g_->plan().colonnes[c].st != stockage::i64) return nullptr;
        const std::size_t r = g_->rang(c);
        return tient_32_[r] != 0 ? en_32_.data() + r * capacite : nullptr;
    }
    // The cells the kernels read for column c: its 32-bit copy where the block has one
    // (colonne_32), else the column in its storage.
    [[nodiscard]] colonne_lue lue(std::size_t c) const noexcept {
        if (const std::int32_t* x = colonne_32(c)) return {stockage::i32, x};
        const stockage st = g_->plan().colonnes[c].st;
        return {st, selon_stockage(st, [&](auto t) -> const void* { return colonne<decltype(t)>(c); })};
    }

  private:
    friend class validateur_lot;
    friend class ligne_lot;
    explicit lot_colonnes(std::shared_ptr<const grille_lot> g)
            : g_(std::move(g)),
              u8_(g_->nombre(stockage::u8) * capacite),
              i32_(g_->nombre(stockage::i32) * capacite),
              i64_(g_->nombre(stockage::i64) * capacite),
              tient_32_(g_->nombre(stockage::i64)) {
        const plan_colonnes& p = g_->plan();
        for (std::size_t c = 0; c < p.colonnes.size(); ++c) {
            if (p.colonnes[c].etroite) tient_32_[g_->rang(c)] = 1;  // a 64-bit column (plan.hpp)
        }
        if (std::find(tient_32_.begin(), tient_32_.end(), 1) != tient_32_.end()) en_32_.resize(i64_.size());
        lignes_.reserve(capacite);
        voies_.reserve(capacite);
        contexte_.reserve(capacite);
    }

    template <class T>
    [[nodiscard]] static valeur_mesure valeur_de(const colonne_plan& cp, T x) noexcept {
        using A = arith_fixe<T>;
        if (x == A::non_renseigne) return valeur_mesure::non_renseignee();
        if (x == A::non_concerne) return valeur_mesure::non_concernee();
        return {etat_valeur::renseignee, cp.type, fraction{static_cast<std::int64_t>(x), cp.echelle}.normalisee()};
    }
    template <class T>
    [[nodiscard]] const std::vector<T>& reserve() const noexcept {
        if constexpr (std::is_same_v<T, std::uint8_t>) return u8_;
        if constexpr (std::is_same_v<T, std::int32_t>) return i32_;
        if constexpr (std::is_same_v<T, std::int64_t>) return i64_;
    }
    template <class T>
    [[nodiscard]] T* colonne_ecrite(std::size_t c) noexcept {
        return const_cast<T*>(colonne<T>(c));
    }
    // The cell of a value in state e, x at its column's scale, in storage T (which holds x).
    template <class T>
    [[nodiscard]] static T cellule_de(etat_valeur e, std::int64_t x) noexcept {
        using A = arith_fixe<T>;
        switch (e) {
            case etat_valeur::renseignee:
                return static_cast<T>(x);
            case etat_valeur::non_concernee:
                return A::non_concerne;
            case etat_valeur::non_renseignee:
                break;
        }
        return A::non_renseigne;
    }
    // Cell i of 64-bit column c into its 32-bit copy, while every cell of the block fits.
    void ecrire_32(std::size_t c, std::size_t i, etat_valeur e, std::int64_t x) noexcept {
        const std::size_t r = g_->rang(c);
        if (tient_32_[r] == 0) return;
        if (e == etat_valeur::renseignee && (x <= std::int64_t{arith_fixe<std::int32_t>::non_concerne} ||
                                             x > std::numeric_limits<std::int32_t>::max())) {
            tient_32_[r] = 0;  // the block reads this column in 64 bits
            return;
        }
        en_32_[r * capacite + i] = cellule_de<std::int32_t>(e, x);
    }

    std::shared_ptr<const grille_lot> g_;
    std::vector<std::uint8_t> u8_;
    std::vector<std::int32_t> i32_;
    std::vector<std::int64_t> i64_;
    // The 32-bit copies of the 64-bit columns (colonne_32), and per 64-bit column whether every
    // cell written so far fits: sized only when the plan has such a column.
    std::vector<std::int32_t> en_32_;
    std::vector<std::uint8_t> tient_32_;
    std::vector<donnees_ligne> lignes_;
    std::vector<voie_ligne> voies_;
    std::vector<std::uint8_t> contexte_;
    std::vector<contexte_lot> contextes_;
    std::vector<decision_enregistree> decisions_;
    std::vector<std::optional<donnees_l162_30_4>> l162_30_4_;
    std::vector<rapport_valide> rapports_;
};

// Row i of a block as the conclusion reads an establishment-year (`donnees_etablissement`).
class ligne_lot {
  public:
    ligne_lot(const lot_colonnes& l, std::size_t i) noexcept : l_(&l), d_(&l.lignes_[i]), i_(i) {}

    [[nodiscard]] centimes produits_assurance_maladie() const noexcept { return d_->produits; }
    [[nodiscard]] const std::optional<centimes>& economies(std::size_t i) const noexcept { return d_->economies[i]; }
    [[nodiscard]] const couverture_volet& couverture(std::size_t i) const noexcept { return d_->couvertures[i]; }
    [[nodiscard]] std::span<const decision_enregistree> decisions() const noexcept {
        return {l_->decisions_.data() + d_->premiere_decision, d_->nombre_decisions};
    }
    [[nodiscard]] const std::optional<donnees_l162_30_4>& l162_30_4() const noexcept {
        static const std::optional<donnees_l162_30_4> aucune{};
        return d_->l162_30_4 < 0 ? aucune : l_->l162_30_4_[static_cast<std::size_t>(d_->l162_30_4)];
    }
    [[nodiscard]] const std::optional<centimes>& part_liste_en_sus() const noexcept { return d_->part_liste_en_sus; }
    [[nodiscard]] const std::optional<centimes>& base_penalite() const noexcept { return d_->base_penalite; }
    [[nodiscard]] int exercice() const noexcept { return d_->exercice; }
    [[nodiscard]] int annee_contrat() const noexcept { return d_->annee_contrat; }
    [[nodiscard]] ymd date_evaluation() const noexcept { return d_->date_evaluation; }
    [[nodiscard]] std::optional<int> annee_produits() const noexcept { return d_->annee_produits; }
    [[nodiscard]] bool avec_instance() const noexcept { return d_->avec_instance; }
    // A row in columns was validated under the grid's parameters: validateur_lot refused any
    // other set (CAQES-E048).
    [[nodiscard]] const parametres_valides& parametres() const noexcept { return l_->g_->parametres(); }
    // The law of the row's context, computed once per context when the block was filled, from
    // the row's own report (`validateur_lot`).
    [[nodiscard]] friend const lois_du_jour& lois_pour(const ligne_lot& x) noexcept { return x.l_->lois(x.i_); }

  private:
    const lot_colonnes* l_;
    const donnees_ligne* d_;
    std::size_t i_;
};
static_assert(donnees_etablissement<ligne_lot>);

// Fills blocks from validated reports, in their order. `ajouter` takes a report validated
// against the batch's template; a block is ready when it is full (`prendre`), and the last,
// partial one when the input has ended (`terminer`).
class validateur_lot {
  public:
    explicit validateur_lot(std::shared_ptr<const grille_lot> g,
                            politique_hors_echelle h = politique_hors_echelle::voie_scalaire)
            : g_(std::move(g)), h_(h), courant_(g_) {}

    // The path row gets, or why it is refused: CAQES-E038 for a report validated against another
    // template (its values are not the plan's), CAQES-E048 for one validated under other
    // parameters (its terms' coverage and its checked decisions were computed under those, and
    // the block is concluded under the grid's), CAQES-E045 for a value off its column's scale
    // under `politique_hors_echelle::refus`. A refused report is not in any block.
    // Taken by reference: a row in columns keeps only what the conclusion reads (`garder`), and
    // only a row on the scalar path copies the report (872 bytes with its parameters); every
    // report was copied, then moved, before.
    [[nodiscard]] resultat_validation<voie_ligne> ajouter(const rapport_valide& r) {
        const grille_lot& g = *g_;
        if (&r.modele() != &g.modele()) {
            return resultat_validation<voie_ligne>{violations{
                {regle::rapport_autre_modele, "rapport",
                 "the report was validated against \"" + std::string{r.modele().nom} + "\", the batch evaluates \"" +
                     std::string{g.modele().nom} + "\": validate it against the batch's template"}}};
        }
        // Once per report, a few dozen scalar comparisons: no allocation, nothing read twice.
        if (r.parametres() != g.parametres()) {
            return resultat_validation<voie_ligne>{
                violations{{regle::rapport_autres_parametres, "rapport",
                            concat("the report was validated under other parameters than the batch's",
                                   autre_annee_partielle(r.parametres(), g.parametres()),
                                   ": validate it under the batch's parameters (grille_lot::parametres())")}}};
        }
        voie_ligne voie = voie_ligne::colonnes;
        if (g.plan().scalaire_seulement()) voie = voie_ligne::grille;
        if (voie == voie_ligne::colonnes && r.modele_evalue().volets.size() != g.modele().volets.size())
            voie = voie_ligne::avenant;
        const std::size_t i = courant_.taille();
        if (voie == voie_ligne::colonnes) {
            std::optional<violation> hors = encoder(r, i);
            if (hors) {
                if (h_ == politique_hors_echelle::refus) return resultat_validation<voie_ligne>{violations{*hors}};
                voie = voie_ligne::hors_echelle;
            }
        }
        if (voie != voie_ligne::colonnes) remplir_manquants(i);
        courant_.contexte_.push_back(voie == voie_ligne::colonnes ? contexte_de(r) : std::uint8_t{0});
        courant_.voies_.push_back(voie);
        garder(r, voie);
        if (courant_.taille() == lot_colonnes::capacite || courant_.contextes_.size() == lot_colonnes::contextes_max) {
            prets_.push_back(std::move(courant_));
            courant_ = lot_colonnes{g_};
        }
        return resultat_validation<voie_ligne>{voie};
    }
    template <const modele_contrat_def& M>
    [[nodiscard]] resultat_validation<voie_ligne> ajouter(const rapport_valide_pour<M>& r) {
        return ajouter(r.rapport());
    }

    // The next full block, if one is ready.
    [[nodiscard]] std::optional<lot_colonnes> prendre() {
        if (prets_.empty()) return std::nullopt;
        lot_colonnes l = std::move(prets_.front());
        prets_.pop_front();
        return l;
    }
    // Once the input has ended: the full blocks, then the last partial one; nothing at the end.
    [[nodiscard]] std::optional<lot_colonnes> terminer() {
        if (std::optional<lot_colonnes> l = prendre()) return l;
        if (courant_.taille() == 0) return std::nullopt;
        lot_colonnes l = std::move(courant_);
        courant_ = lot_colonnes{g_};
        return l;
    }

  private:
    // The partial-year policies, when they differ: the parameter the report's terms depend on.
    [[nodiscard]] static std::string autre_annee_partielle(const parametres_valides& r, const parametres_valides& g) {
        if (r->annee_partielle == g->annee_partielle) return {};
        return concat(" (partial years: ", nom(r->annee_partielle), ", the batch: ", nom(g->annee_partielle), ")");
    }

    // What the conclusion reads of r; its decisions and L.162-30-4 data in the side tables; the
    // whole report for a row on the scalar path.
    void garder(const rapport_valide& r, voie_ligne voie) {
        lot_colonnes& l = courant_;
        donnees_ligne d{};
        d.produits = r.produits_assurance_maladie();
        d.economies = r.economies();
        d.couvertures = r.couvertures();
        d.annee_produits = r.annee_produits();
        d.part_liste_en_sus = r.part_liste_en_sus();
        d.base_penalite = r.base_penalite();
        d.date_evaluation = r.date_evaluation();
        d.exercice = r.exercice();
        d.annee_contrat = r.annee_contrat();
        d.avec_instance = r.avec_instance();
        d.premiere_decision = static_cast<std::uint32_t>(l.decisions_.size());
        d.nombre_decisions = static_cast<std::uint32_t>(r.decisions().size());
        l.decisions_.insert(l.decisions_.end(), r.decisions().begin(), r.decisions().end());
        if (r.l162_30_4()) {
            d.l162_30_4 = static_cast<std::int32_t>(l.l162_30_4_.size());
            l.l162_30_4_.push_back(r.l162_30_4());
        }
        if (voie != voie_ligne::colonnes) {
            d.rapport = static_cast<std::int32_t>(l.rapports_.size());
            l.rapports_.push_back(r);
        }
        l.lignes_.push_back(d);
    }

    // Row i's cells, each measure x its column's scale (detail::a_l_echelle: exact, within the
    // storage, off its sentinels); the first value that does not fit, with its place.
    [[nodiscard]] std::optional<violation> encoder(const rapport_valide& r, std::size_t i) {
        const plan_colonnes& plan = g_->plan();
        const std::span<const valeurs_indicateur> valeurs = r.valeurs();
        for (std::size_t k = 0; k < plan.indicateurs.size(); ++k) {
            const indicateur_plan& ip = plan.indicateurs[k];
            for (std::size_t j = 0; j < mesures_max; ++j) {
                if (ip.colonnes[j] == colonne_absente) continue;
                const auto c = static_cast<std::size_t>(ip.colonnes[j]);
                const colonne_plan& cp = plan.colonnes[c];
                const valeur_mesure& v = valeurs[k][j];
                std::optional<std::int64_t> x;
                if (v.etat == etat_valeur::renseignee) {
                    x = detail::a_l_echelle(v.v, cp.echelle, cp.st);
                    if (!x) {
                        return violation{regle::valeur_hors_echelle,
                                         std::string{cp.code_indicateur} + "." + std::string{cp.code_mesure},
                                         texte(v) + " (" + std::to_string(v.v.num) + "/" + std::to_string(v.v.den) +
                                             ") is not a multiple of 1/" + std::to_string(cp.echelle) +
                                             ", the scale of its column (" + cp.decrire() +
                                             "); raise the precision of its type (precision_entree), or let the "
                                             "row take the scalar path (politique_hors_echelle::voie_scalaire)"};
                    }
                }
                ecrire(c, i, v.etat, x.value_or(0));
            }
        }
        return std::nullopt;
    }
    // A row on the scalar path: its cells hold "non renseigne", so the kernels stay uniform.
    void remplir_manquants(std::size_t i) {
        for (std::size_t c = 0; c < g_->plan().colonnes.size(); ++c)
            ecrire(c, i, etat_valeur::non_renseignee, 0);
    }
    void ecrire(std::size_t c, std::size_t i, etat_valeur e, std::int64_t x) {
        selon_stockage(g_->plan().colonnes[c].st, [&](auto t) { ecrire_en<decltype(t)>(c, i, e, x); });
    }
    template <class T>
    void ecrire_en(std::size_t c, std::size_t i, etat_valeur e, std::int64_t x) {
        // a_l_echelle checked that T holds x
        courant_.colonne_ecrite<T>(c)[i] = lot_colonnes::cellule_de<T>(e, x);
        if constexpr (std::is_same_v<T, std::int64_t>) courant_.ecrire_32(c, i, e, x);
    }
    // The index of r's context in the current block, added when new.
    [[nodiscard]] std::uint8_t contexte_de(const rapport_valide& r) {
        std::vector<contexte_lot>& cs = courant_.contextes_;
        for (std::size_t k = cs.size(); k-- > 0;) {
            if (cs[k].exercice == r.exercice() && cs[k].date_evaluation == r.date_evaluation())
                return static_cast<std::uint8_t>(k);
        }
        cs.push_back({r.exercice(), r.date_evaluation(),
                      lois_pour(r.modele_evalue(), r.exercice(), r.date_evaluation(), g_->parametres().valeur())});
        return static_cast<std::uint8_t>(cs.size() - 1);
    }

    std::shared_ptr<const grille_lot> g_;
    politique_hors_echelle h_;
    lot_colonnes courant_;
    std::deque<lot_colonnes> prets_;
};

}  // namespace caqes::colonnes
