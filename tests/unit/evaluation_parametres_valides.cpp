// Only validated parameters reach the evaluators (evaluation/parametres_valides.hpp): a report
// carries the `parametres_valides` it was validated with, the evaluators read those and take
// none of their own, and a batch refuses a report validated under other parameters
// (CAQES-E048).
#include "evaluation_modeles.hpp"
#include "outils.hpp"

#include <caqes/evaluation/colonnes/lot.hpp>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using namespace caqes;

namespace {

// A raw set cannot become a validated one but through validate(p) (`depuis`) or
// parametres_conformes<P> (`de<P>()`).
static_assert(!std::is_constructible_v<parametres_valides, parametres_evaluation>);
static_assert(!std::is_convertible_v<parametres_evaluation, parametres_valides>);
static_assert(std::is_default_constructible_v<parametres_valides>);  // the defaults, proved valid

// The evaluators take no parameters: a raw set, or even a validated one, does not compile
// beside a report; the report alone does. Each concept is a template, so that an ill-formed
// call reads as false instead of failing the build.
template <class P>
concept evaluable_sous = requires(const rapport_valide& r, const P& p, const politique_grille& pol, sans_trace& t) {
    evaluer(r, p, pol);
};
template <class P>
concept evaluable_sous_trace = requires(const rapport_valide& r, const P& p, const politique_grille& pol,
                                        sans_trace& t) {
    evaluer(r, p, pol, t);
};
template <class R>
concept evaluable = requires(const R& r, const politique_grille& pol, sans_trace& t) {
    evaluer(r);
    evaluer(r, pol);
    evaluer(r, pol, t);
};
static_assert(!evaluable_sous<parametres_evaluation>);
static_assert(!evaluable_sous<parametres_valides>);
static_assert(!evaluable_sous_trace<parametres_evaluation>);
static_assert(evaluable<rapport_valide>);

template <const modele_contrat_def& M, class P>
concept evaluable_par_evaluateur_sous = requires(const rapport_valide_pour<M>& r, const P& p,
                                                 const politique_grille& pol) {
    evaluateur<M>::evaluer(r, p, pol);
};
template <const modele_contrat_def& M>
concept evaluable_par_evaluateur = requires(const rapport_valide_pour<M>& r, const politique_grille& pol) {
    evaluateur<M>::evaluer(r, pol);
};
static_assert(!evaluable_par_evaluateur_sous<evalmod::def_2017, parametres_evaluation>);
static_assert(evaluable_par_evaluateur<evalmod::def_2017>);

// The conclusion reads the parameters and the law of the data it concludes
// (`donnees_etablissement::parametres()` and `lois_pour(e)`): a set or a law given beside the
// report, even a validated set or the report's own law, does not compile, so an establishment
// cannot be concluded under a set it was not validated with, nor under the caps and versions of
// another date.
template <class P>
concept conclu_sous = requires(const modele_contrat_def& m, const scores_contrat<>& s, const rapport_valide& r,
                               const P& p, resultat_evaluation& res) {
    conclure(m, s, r, p, res);
};
static_assert(!conclu_sous<parametres_valides>);
static_assert(!conclu_sous<parametres_evaluation>);
static_assert(!conclu_sous<lois_du_jour>);
template <class E>
concept conclu_sous_lois = requires(const modele_contrat_def& m, const scores_contrat<>& s, const E& e,
                                    const lois_du_jour& lois, resultat_evaluation& res) {
    conclure_pour<regime_id::caqes_2017>(m, s, e, lois, res);
};
static_assert(!conclu_sous_lois<rapport_valide>);
static_assert(!conclu_sous_lois<colonnes::ligne_lot>);
template <class E>
concept conclu = requires(const modele_contrat_def& m, const scores_contrat<>& s, const E& e,
                          resultat_evaluation& res) {
    conclure(m, s, e, res);
    conclure_pour<regime_id::caqes_2017>(m, s, e, res);
};
static_assert(conclu<rapport_valide>);
static_assert(conclu<colonnes::ligne_lot>);
// Data that cannot say which parameters it was validated with is no establishment's data; nor is
// data without the law of its context.
struct sans_parametres {
    [[nodiscard]] centimes produits_assurance_maladie() const noexcept { return centimes{0}; }
    [[nodiscard]] const std::optional<centimes>& economies(std::size_t) const noexcept { return e_; }
    [[nodiscard]] const couverture_volet& couverture(std::size_t) const noexcept { return c_; }
    [[nodiscard]] std::span<const decision_enregistree> decisions() const noexcept { return {}; }
    [[nodiscard]] const std::optional<donnees_l162_30_4>& l162_30_4() const noexcept { return l_; }
    [[nodiscard]] const std::optional<centimes>& part_liste_en_sus() const noexcept { return e_; }
    [[nodiscard]] const std::optional<centimes>& base_penalite() const noexcept { return e_; }
    [[nodiscard]] int exercice() const noexcept { return 2019; }
    [[nodiscard]] int annee_contrat() const noexcept { return 1; }
    [[nodiscard]] ymd date_evaluation() const noexcept { return ymd{2020, 6, 1}; }
    [[nodiscard]] std::optional<int> annee_produits() const noexcept { return {}; }
    [[nodiscard]] bool avec_instance() const noexcept { return true; }
    std::optional<centimes> e_{};
    couverture_volet c_{};
    std::optional<donnees_l162_30_4> l_{};
};
static_assert(!donnees_etablissement<sans_parametres>);
static_assert(!conclu<sans_parametres>);
struct sans_lois : sans_parametres {
    [[nodiscard]] const parametres_valides& parametres() const noexcept { return p_; }
    parametres_valides p_{};
};
static_assert(!donnees_etablissement<sans_lois>);
static_assert(!conclu<sans_lois>);
// The same data with the law of a context is an establishment's data: the test above fails for
// the want of the law alone. An 80 M EUR revenue, every volet in its term.
struct avec_lois : sans_lois {
    explicit avec_lois(ymd jour) : loi_(lois_au(jour)) {}
    [[nodiscard]] centimes produits_assurance_maladie() const noexcept { return centimes{8'000'000'000}; }
    [[nodiscard]] const couverture_volet& couverture(std::size_t) const noexcept { return couvert_; }
    [[nodiscard]] friend const lois_du_jour& lois_pour(const avec_lois& x) noexcept { return x.loi_; }
    lois_du_jour loi_;
    couverture_volet couvert_{.terme = {}, .jours = 365, .jours_annee = 365, .evalue = true};
};
static_assert(donnees_etablissement<avec_lois>);
static_assert(conclu<avec_lois>);

// A batch's grid takes validated parameters only.
static_assert(!std::is_constructible_v<colonnes::grille_lot, const modele_contrat_def&, const politique_grille&,
                                       const parametres_evaluation&>);
static_assert(std::is_constructible_v<colonnes::grille_lot, const modele_contrat_def&, const politique_grille&,
                                      const parametres_valides&>);

// A compile-time set, checked by parametres_conformes<P> (tests/compile_fail/variantes/
// E046_parametres_valides_de has the rejected twin).
inline constexpr parametres_evaluation parametres_region = [] {
    parametres_evaluation p{};
    p.p2017.part_interessement = {1, 10};
    p.annee_partielle = politique_annee_partielle::prorata_temporis;
    return p;
}();
constexpr parametres_valides region = parametres_valides::de<parametres_region>();
static_assert(region.valeur() == parametres_region);
static_assert(region->annee_partielle == politique_annee_partielle::prorata_temporis);
static_assert(!(region == parametres_valides{}));
static_assert(parametres_valides{}.valeur() == parametres_evaluation{});

// The 2017 contract of evalmod, in force from 2017-07-01: its first exercise is partial.
evalmod::rapport_essai premiere_annee() {
    evalmod::rapport_essai r(evalmod::def_2017, 2017, evalmod::rien_atteint(evalmod::def_2017),
                             centimes{8'000'000'174});
    r.r.annee_contrat = 1;
    return r;
}

parametres_evaluation au_prorata() {
    parametres_evaluation p{};
    p.annee_partielle = politique_annee_partielle::prorata_temporis;
    return p;
}

}  // namespace

TEST_CASE("parametres_valides: the defaults and a valid set are accepted, unchanged", "[parametres][validation]") {
    CHECK(parametres_valides{}.valeur() == parametres_evaluation{});
    parametres_evaluation p{};
    p.p2017.part_interessement = {1, 10};
    p.p2022.taux_abattement = {1, 2};  // L.162-30-4's cap itself
    const resultat_validation<parametres_valides> v = parametres_valides::depuis(p);
    REQUIRE(v.ok());
    CHECK(v.valeur().valeur() == p);
    CHECK(v.valeur()->p2017.part_interessement == fraction{1, 10});
    CHECK_FALSE(v.valeur() == parametres_valides{});
    // Equality is the value's: 20/100 is 1/5.
    parametres_evaluation q = p;
    q.p2017.part_interessement = {10, 100};
    REQUIRE(parametres_valides::depuis(q).ok());
    CHECK(parametres_valides::depuis(q).valeur() == v.valeur());
}

TEST_CASE(
    "parametres_valides: a negative share (E046) or a rate above its cap (E050) is refused at its field, with "
    "validate(p)'s violations",
    "[parametres][validation]") {
    // One violation, `id` at `lieu`, the one validate(p) gives.
    const auto refuse = [](const parametres_evaluation& p, regle id, std::string_view lieu) {
        const resultat_validation<parametres_valides> r = parametres_valides::depuis(p);
        REQUIRE_FALSE(r.ok());
        REQUIRE(r.erreurs().size() == 1);
        CHECK(r.erreurs().front().id == id);
        CHECK(r.erreurs().front().lieu == lieu);
        CHECK(outils::tout(r.erreurs()) == outils::tout(validate(p)));
    };
    parametres_evaluation negative{};
    negative.p2017.part_interessement = {-1, 5};
    refuse(negative, regle::parametre_hors_domaine, "p2017.part_interessement");
    parametres_evaluation trop{};
    trop.p2022.taux_abattement = {51, 100};  // L.162-30-4: 50 %
    refuse(trop, regle::parametre_hors_la_loi, "p2022.taux_abattement");

    // The batch validator gives the same violations, unchanged.
    const resultat_validation<validateur_rapports> lot = validate_lot(evalmod::def_2017, negative);
    REQUIRE_FALSE(lot.ok());
    CHECK(outils::tout(lot.erreurs()) == outils::tout(validate(negative)));
}

TEST_CASE("parametres_valides: a reader's route hands each violation with its field, the set only without one",
          "[parametres][validation]") {
    std::vector<champ_parametre> champs;
    const auto noter = [&champs](regle, champ_parametre c, int, const std::string&) { champs.push_back(c); };
    parametres_evaluation deux{};
    deux.p2017.part_interessement = {-1, 5};
    deux.p2022.taux_abattement = {51, 100};
    CHECK_FALSE(parametres_valides::depuis(deux, noter).has_value());
    CHECK(champs == std::vector<champ_parametre>{champ_parametre::p2022_taux_abattement,
                                                 champ_parametre::p2017_part_interessement});
    CHECK(champs.size() == validate(deux).size());
    champs.clear();
    const std::optional<parametres_valides> v = parametres_valides::depuis(parametres_evaluation{}, noter);
    REQUIRE(v.has_value());
    CHECK(*v == parametres_valides{});
    CHECK(champs.empty());
}

TEST_CASE("a report carries the parameters it was validated with, and its evaluation applies and names them",
          "[parametres][evaluation]") {
    const contrat_instance c = evalmod::instance_2017();
    const rapport_valide prorata = evalmod::valide(premiere_annee(), c, au_prorata());
    CHECK(prorata.parametres().valeur() == au_prorata());
    const resultat_evaluation res = evaluer(prorata);
    CHECK(res.regles.annee_partielle == politique_annee_partielle::prorata_temporis);
    // 8 000 000 174 x 1 % x 184 / 365, rounded once (tests/unit/evaluation_contrat.cpp).
    CHECK(res.volets[0].principale.montant == centimes{40'328'768});

    const rapport_valide entier = evalmod::valide(premiere_annee(), c);
    CHECK(entier.parametres() == parametres_valides{});
    const resultat_evaluation res_entier = evaluer(entier);
    CHECK(res_entier.regles.annee_partielle == politique_annee_partielle::tout_jour_compte);
    CHECK(res_entier.volets[0].principale.montant == centimes{80'000'001});

    // A copy keeps them; the batch validator gives its own to every report, whether it was made
    // from raw parameters (validated then) or from validated ones.
    const rapport_valide copie = prorata;
    CHECK(copie.parametres() == prorata.parametres());
    const resultat_validation<validateur_rapports> lot = validate_lot(evalmod::def_2017, au_prorata());
    REQUIRE(lot.ok());
    CHECK(lot.valeur().parametres().valeur() == au_prorata());
    const resultat_validation<rapport_valide> v = lot.valeur().valider(c, premiere_annee().annuel());
    REQUIRE(v.ok());
    CHECK(v.valeur().parametres() == lot.valeur().parametres());
    CHECK(evaluer(v.valeur()).volets[0].principale.montant == centimes{40'328'768});
    const resultat_validation<validateur_rapports> deja =
        validate_lot(evalmod::def_2017, evalmod::valides(au_prorata()));
    REQUIRE(deja.ok());
    const resultat_validation<rapport_valide> w = deja.valeur().valider(c, premiere_annee().annuel());
    REQUIRE(w.ok());
    CHECK(w.valeur().parametres()->annee_partielle == politique_annee_partielle::prorata_temporis);
    CHECK(evaluer(w.valeur()).regles.annee_partielle == politique_annee_partielle::prorata_temporis);
}

TEST_CASE(
    "CAQES-E048: a batch refuses a report validated under other parameters, and takes one validated under "
    "equal ones",
    "[parametres][lot]") {
    const contrat_instance c = evalmod::instance_2017();
    auto grille =
        std::make_shared<const colonnes::grille_lot>(evalmod::def_2017, politique_grille{}, parametres_valides{});
    colonnes::validateur_lot lot(grille);

    // Validated under another partial-year policy: its coverage was computed under it.
    const resultat_validation<colonnes::voie_ligne> autre =
        lot.ajouter(evalmod::valide(premiere_annee(), c, au_prorata()));
    REQUIRE_FALSE(autre.ok());
    REQUIRE(autre.erreurs().size() == 1);
    CHECK(autre.erreurs().front().id == regle::rapport_autres_parametres);
    CHECK(autre.erreurs().front().code() == "CAQES-E048");
    CHECK(autre.erreurs().front().lieu == "rapport");
    CHECK(autre.erreurs().front().detail.find("partial years: prorata_temporis, the batch: tout_jour_compte") !=
          std::string::npos);

    // Another share only: refused too, the detail without a partial-year policy.
    parametres_evaluation part{};
    part.p2017.part_interessement = {1, 10};
    const resultat_validation<colonnes::voie_ligne> autre_part =
        lot.ajouter(evalmod::valide(premiere_annee(), c, part));
    REQUIRE_FALSE(autre_part.ok());
    CHECK(autre_part.erreurs().front().id == regle::rapport_autres_parametres);
    CHECK(autre_part.erreurs().front().detail.find("partial years") == std::string::npos);

    // Equal parameters, validated apart from the grid's: accepted.
    const resultat_validation<colonnes::voie_ligne> egal = lot.ajouter(evalmod::valide(premiere_annee(), c));
    REQUIRE(egal.ok());
    const std::optional<colonnes::lot_colonnes> bloc = lot.terminer();
    REQUIRE(bloc);
    CHECK(bloc->taille() == 1);  // the refused reports are in no block

    // A grid under the report's parameters takes it.
    colonnes::validateur_lot au_prorata_lot(std::make_shared<const colonnes::grille_lot>(
        evalmod::def_2017, politique_grille{}, evalmod::valides(au_prorata())));
    CHECK(au_prorata_lot.ajouter(evalmod::valide(premiere_annee(), c, au_prorata())).ok());
}

TEST_CASE("the conclusion applies the law of the data's own context, which no caller can replace",
          "[parametres][evaluation][loi]") {
    // Volet 0 of the 2017 template scored 0: under every step, the 1 % sanction where the law of
    // the context provides one.
    scores_contrat<> s{};
    s.volets[0].poids = {1, 1};
    resultat_evaluation en_2021{};
    conclure(evalmod::def_2017, s, avec_lois{ymd{2021, 1, 1}}, en_2021);
    CHECK(en_2021.regles.date == ymd{2021, 1, 1});
    CHECK(en_2021.volets[0].principale.nature == nature_proposition::sanction_volet);
    CHECK(en_2021.volets[0].principale.montant == centimes{80'000'000});
    CHECK(en_2021.volets[0].principale.article().legi_id == "LEGIARTI000034459834");
    // The D.162-16 version in force on 2022-03-01 provides no sanction: the same scores and
    // revenue propose none.
    resultat_evaluation en_2022{};
    conclure(evalmod::def_2017, s, avec_lois{ymd{2022, 3, 1}}, en_2022);
    CHECK(en_2022.regles.date == ymd{2022, 3, 1});
    CHECK_FALSE(en_2022.volets[0].principale.presente());
}
