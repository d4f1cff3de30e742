#pragma once
// Grids (contract templates) loaded from JSON files: format "caqes.grille/1", described by
// schema/caqes.grille-1.schema.json and docs/cli.md. Optional part: target caqes::json, needs
// nlohmann-json; the core never includes this header.
//
// A file holds what a C++ template holds (`modele_contrat_def`: regime, window, scope, volets
// with their terms, clauses and grids) plus the parameters the law leaves open
// (`parametres_evaluation`). It never holds a constant of the law table (droit/loi.hpp): a key
// naming one is refused with the rule of the limit it would cross.
//
// Reading goes in three stages, each stopping the next when it fails:
// 1. the bytes: UTF-8 (CAQES-E041), then JSON by nlohmann's parser, whose callback sees every
//    key, so a key given twice in one object is refused (CAQES-E071) instead of silently
//    keeping the last; a truncated or non-JSON file is CAQES-E042;
// 2. the format: schema version (CAQES-E072), known keys, JSON types and names (CAQES-E070);
// 3. the rules: the same walk as a compile-time template, `parcourir_modele` (contrat/modele.hpp),
//    and the same parameter check, `validate(parametres_evaluation)`, with the same rule ids.
// Every error is located by file and JSON pointer (RFC 6901): "grille.json#/volets/1/terme".
#include <caqes/contrat/validation.hpp>
#include <caqes/droit/loi.hpp>
#include <caqes/evaluation/couverture.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/parametres_valides.hpp>
#include <caqes/io/csv_text.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes::json {

inline constexpr std::string_view schema_grille = "caqes.grille/1";

// A file larger than this is refused unread (CAQES-E042): a grid of 10 000 indicators is
// about 5 MiB.
inline constexpr std::uintmax_t taille_max_grille = 64U * 1024U * 1024U;

// The grid format has at most 8 levels of nesting; past this, a file is refused before it is
// walked (CAQES-E070), so no input can make the walk deep.
inline constexpr int profondeur_max_grille = 32;

class grille_chargee;
[[nodiscard]] inline resultat_validation<grille_chargee> lire_grille(std::string_view contenu,
                                                                     std::string_view fichier);

// A grid read from a file and validated: it owns every string, indicator and volet that its
// `definition()` points to. The storage lives on the heap and never moves, so the definition
// stays valid when the grid is moved, and so do the reports validated against it
// (`rapport_valide` keeps a pointer to its template): keep the grid alive as long as they are.
class grille_chargee {
  public:
    [[nodiscard]] const modele_contrat_def& definition() const noexcept { return s_->def; }
    // Its parameters, validated when it was read (a grid whose parameters break a rule is not
    // read): what its batches are concluded under, with no second check.
    [[nodiscard]] const parametres_valides& parametres() const noexcept { return s_->parametres; }

  private:
    struct stockage {
        std::deque<std::string> textes;  // a deque: adding one never moves the others
        std::vector<std::vector<indicateur>> grilles;
        std::vector<volet_modele> volets;
        modele_contrat_def def{};
        parametres_valides parametres{};
    };
    explicit grille_chargee(std::unique_ptr<const stockage> s) noexcept : s_(std::move(s)) {}
    std::unique_ptr<const stockage> s_;

    friend resultat_validation<grille_chargee> lire_grille(std::string_view contenu, std::string_view fichier);
};

namespace detail {

// One segment of a JSON pointer (RFC 6901: "~" as "~0", "/" as "~1"); control characters and
// directional overrides escaped as in every other message (csv::quoted_field).
[[nodiscard]] inline std::string segment_pointeur(std::string_view cle) {
    std::string brut;
    for (const char c : cle) {
        if (c == '~') {
            brut += "~0";
        } else if (c == '/') {
            brut += "~1";
        } else {
            brut += c;
        }
    }
    const std::string cite = csv::quoted_field(brut);
    // Without its quotes, unless it was cut (a long key ends `..." (N bytes)`).
    return cite.ends_with("\"") ? cite.substr(1, cite.size() - 2) : cite;
}

[[nodiscard]] inline std::string_view nom_type(const nlohmann::json& j) noexcept {
    if (j.is_number_integer()) return "an integer";
    if (j.is_number_float()) return "a number with a fraction or an exponent";
    if (j.is_string()) return "a string";
    if (j.is_boolean()) return "a boolean";
    if (j.is_null()) return "null";
    if (j.is_array()) return "an array";
    return "an object";
}

// The constant of the law table a key names, if any.
[[nodiscard]] inline std::optional<constante_legale> constante_nommee(std::string_view cle) noexcept {
    const auto derniere = static_cast<unsigned>(constante_legale::delai_observations_finales);
    for (unsigned k = 1; k <= derniere; ++k) {
        const auto c = static_cast<constante_legale>(k);
        if (nom(c) == cle) return c;
    }
    return std::nullopt;
}

// The rule a user value for a law constant would break: its five-year limit (CAQES-E004), its
// floor (CAQES-E031), and for every cap, fixed rate and delay, CAQES-E050: the law's figures
// are looked up by date, never taken from the user.
[[nodiscard]] constexpr regle regle_de_la_limite(constante_legale c) noexcept {
    switch (c) {
        case constante_legale::duree_maximale:
            return regle::duree_superieure_5_ans;
        case constante_legale::plancher_cible:
            return regle::cible_sous_plancher;
        default:
            return regle::parametre_hors_la_loi;
    }
}

// The names a key or an enumeration may take, as they appear in a file.
template <class T>
struct nom_valeur {
    std::string_view nom;
    T valeur;
};

inline constexpr std::array<nom_valeur<regime_id>, 4> noms_regimes{
    {{"contrats_anterieurs", regime_id::contrats_anterieurs},
     {"caqes_2017", regime_id::caqes_2017},
     {"caqes_2022", regime_id::caqes_2022},
     {"successeur_2026", regime_id::successeur_2026}}};
inline constexpr std::array<nom_valeur<politique_transition>, 3> noms_transitions{
    {{"non_choisie", politique_transition::non_choisie},
     {"arret_fin_regime", politique_transition::arret_fin_regime},
     {"maintien_signale", politique_transition::maintien_signale}}};
// The day policies by their own names (calendrier/arithmetique.hpp), so a policy added there is
// a grid key at once.
inline constexpr std::array<nom_valeur<politique_jour>, politiques_jour.size()> noms_jours = [] {
    std::array<nom_valeur<politique_jour>, politiques_jour.size()> a{};
    for (std::size_t i = 0; i < politiques_jour.size(); ++i)
        a[i] = {nom(politiques_jour[i]), politiques_jour[i]};
    return a;
}();
inline constexpr std::array<nom_valeur<activites>, 4> noms_activites{
    {{"mco", activite_mco}, {"psychiatrie", activite_psychiatrie}, {"usld", activite_usld}, {"smr", activite_smr}}};
inline constexpr std::array<nom_valeur<issues>, 6> noms_issues{{{"sanction", sanction},
                                                                {"interessement", interessement},
                                                                {"abattement_tarifaire", abattement_tarifaire},
                                                                {"minoration_liste_en_sus", minoration_liste_en_sus},
                                                                {"dotation_complementaire", dotation_complementaire},
                                                                {"penalite", penalite}}};
// The bodies behind a regional indicator (CAQES-E016), by the names `nom(instances_regionales)` gives.
inline constexpr std::array<nom_valeur<instances_regionales>, 5> noms_instances{
    {{"ars", instance_ars},
     {"assurance_maladie", instance_assurance_maladie},
     {"omedit", instance_omedit},
     {"federations_concertation", instance_federations_concertation},
     {"directeur_general_ars", instance_directeur_general_ars}}};
inline constexpr std::array<nom_valeur<origine>, 3> noms_origines{
    {{"nationale", origine::nationale}, {"regionale", origine::regionale}, {"illustrative", origine::illustrative}}};
inline constexpr std::array<nom_valeur<sens>, 2> noms_sens{
    {{"plus_bas_est_mieux", sens::plus_bas_est_mieux}, {"plus_haut_est_mieux", sens::plus_haut_est_mieux}}};
inline constexpr std::array<nom_valeur<comparateur>, 5> noms_comparateurs{{{"<", comparateur::inferieur},
                                                                           {"<=", comparateur::inferieur_ou_egal},
                                                                           {">", comparateur::superieur},
                                                                           {">=", comparateur::superieur_ou_egal},
                                                                           {"==", comparateur::egal}}};
inline constexpr std::array<nom_valeur<type_mesure>, 7> noms_natures{{{"montant", type_mesure::montant},
                                                                      {"montant_signe", type_mesure::montant_signe},
                                                                      {"nombre", type_mesure::nombre},
                                                                      {"taux", type_mesure::taux},
                                                                      {"taux_evolution", type_mesure::taux_evolution},
                                                                      {"oui_non", type_mesure::oui_non},
                                                                      {"echelle", type_mesure::echelle}}};
inline constexpr std::array<nom_valeur<politique_annee_partielle>, 3> noms_annees_partielles{
    {{nom(politique_annee_partielle::tout_jour_compte), politique_annee_partielle::tout_jour_compte},
     {nom(politique_annee_partielle::annee_entiere), politique_annee_partielle::annee_entiere},
     {nom(politique_annee_partielle::prorata_temporis), politique_annee_partielle::prorata_temporis}}};
inline constexpr std::array<nom_valeur<version_applicable>, 3> noms_versions{
    {{"regime_du_contrat", version_applicable::regime_du_contrat},
     {"annee_exercice", version_applicable::annee_exercice},
     {"date_evaluation", version_applicable::date_evaluation}}};

[[nodiscard]] inline std::optional<volet_id> volet_nomme(std::string_view n) noexcept {
    for (const auto& t : traits_volets) {
        if (t.nom == n) return t.id;
    }
    return std::nullopt;
}

// The byte at which nlohmann's parser stops on `contenu`, found without building a document.
// For the errors nlohmann throws without a position (out_of_range 406, a number too large).
[[nodiscard]] inline std::size_t octet_erreur_json(std::string_view contenu) {
    struct position_erreur : nlohmann::json_sax<nlohmann::json> {
        std::size_t octet{0};
        bool null() override { return true; }
        bool boolean(bool) override { return true; }
        bool number_integer(number_integer_t) override { return true; }
        bool number_unsigned(number_unsigned_t) override { return true; }
        bool number_float(number_float_t, const string_t&) override { return true; }
        bool string(string_t&) override { return true; }
        bool binary(binary_t&) override { return true; }
        bool start_object(std::size_t) override { return true; }
        bool key(string_t&) override { return true; }
        bool end_object() override { return true; }
        bool start_array(std::size_t) override { return true; }
        bool end_array() override { return true; }
        bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
            octet = position;
            return false;
        }
    } sax;
    nlohmann::json::sax_parse(contenu.begin(), contenu.end(), &sax, nlohmann::json::input_format_t::json, true, false);
    return sax.octet;
}

// Duplicate keys and depth, seen by nlohmann's parser callback while the document is built.
class surveillant_cles {
  public:
    struct doublon {
        std::string pointeur;
        std::string cle;
    };

    bool operator()(int profondeur, nlohmann::json::parse_event_t e, nlohmann::json& lu) {
        using ev = nlohmann::json::parse_event_t;
        if (profondeur > profondeur_max_grille) trop_profond_ = true;
        switch (e) {
            case ev::object_start:
                pile_.push_back({true, {}, {}, 0});
                break;
            case ev::array_start:
                pile_.push_back({false, {}, {}, 0});
                break;
            case ev::key: {
                cadre& c = pile_.back();
                c.cle = lu.get<std::string>();
                if (!c.vues.insert(c.cle).second)
                    doublons_.push_back({concat(pointeur(), "/", segment_pointeur(c.cle)), c.cle});
                break;
            }
            case ev::object_end:
            case ev::array_end:
                pile_.pop_back();
                avancer();
                break;
            case ev::value:
                avancer();
                break;
        }
        return true;
    }
    [[nodiscard]] const std::vector<doublon>& doublons() const noexcept { return doublons_; }
    [[nodiscard]] bool trop_profond() const noexcept { return trop_profond_; }

  private:
    struct cadre {
        bool objet;
        std::set<std::string> vues;
        std::string cle;
        std::size_t indice;
    };
    void avancer() {
        if (!pile_.empty() && !pile_.back().objet) ++pile_.back().indice;
    }
    // The pointer of the innermost object or array being read.
    [[nodiscard]] std::string pointeur() const {
        std::string p;
        for (std::size_t k = 0; k + 1 < pile_.size(); ++k) {
            p += '/';
            p += pile_[k].objet ? segment_pointeur(pile_[k].cle) : std::to_string(pile_[k].indice);
        }
        return p;
    }
    std::vector<cadre> pile_;
    std::vector<doublon> doublons_;
    bool trop_profond_{false};
};

// Reads the format into a template's storage. Every accessor reports what is wrong with the
// field at `ptr` (CAQES-E070) and returns nothing, so one pass reports every format error.
class lecteur_grille {
  public:
    lecteur_grille(std::string_view fichier, std::deque<std::string>& textes) : fichier_(fichier), textes_(textes) {}

    void signaler(regle id, std::string_view ptr, std::string detail) {
        erreurs_.push_back({id, concat(fichier_, "#", ptr), std::move(detail)});
    }
    [[nodiscard]] violations& erreurs() noexcept { return erreurs_; }

    // `j` is an object whose keys are all among `cles`. A key naming a constant of the law
    // table is refused with the rule of that limit, any other unknown key with CAQES-E070.
    // A base an earlier grid gave for every establishment, now each report's (rapport_annuel): its
    // report column, or empty.
    [[nodiscard]] static constexpr std::string_view base_de_l_etablissement(std::string_view cle) noexcept {
        if (cle == "part_liste_en_sus_centimes") return "part_liste_en_sus";
        if (cle == "base_penalite_centimes") return "base_penalite";
        return {};
    }

    bool objet(const nlohmann::json& j, const std::string& ptr, std::initializer_list<std::string_view> cles) {
        if (!j.is_object()) {
            signaler(regle::grille_mal_formee, ptr, concat("expected an object, found ", nom_type(j)));
            return false;
        }
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (std::find(cles.begin(), cles.end(), std::string_view{it.key()}) != cles.end()) continue;
            const std::string p = concat(ptr, "/", segment_pointeur(it.key()));
            if (const std::string_view colonne = base_de_l_etablissement(it.key()); !colonne.empty()) {
                signaler(regle::grille_mal_formee, p,
                         concat(csv::quoted_field(it.key()),
                                " is the establishment's own figure, not the grid's: give it with each report "
                                "(etablissements.csv column ",
                                colonne, ", JSON Lines key \"", colonne, "\")"));
            } else if (const std::optional<constante_legale> c = constante_nommee(it.key())) {
                signaler(regle_de_la_limite(*c), p,
                         concat(csv::quoted_field(it.key()),
                                " is a constant of the law table (droit/loi.hpp), looked up at the "
                                "date of the rules and cited with its version: a grid cannot set it"));
            } else {
                std::string permises;
                for (const std::string_view c2 : cles)
                    permises += concat(permises.empty() ? "" : ", ", c2);
                signaler(regle::grille_mal_formee, p,
                         concat("unknown key ", csv::quoted_field(it.key()), "; allowed here: ", permises));
            }
        }
        return true;
    }

    // The member `cle` of object `o`, or nullptr; a missing required member is reported.
    const nlohmann::json* champ(const nlohmann::json& o, const std::string& ptr, std::string_view cle, bool requis) {
        const auto it = o.find(cle);
        if (it != o.end()) return &*it;
        if (requis) signaler(regle::grille_mal_formee, ptr, concat("missing key \"", cle, "\""));
        return nullptr;
    }

    std::optional<std::string_view> texte(const nlohmann::json& j, const std::string& ptr) {
        if (!j.is_string()) return type_faux(j, ptr, "a string");
        textes_.push_back(j.get<std::string>());
        return std::string_view{textes_.back()};
    }

    std::optional<bool> booleen(const nlohmann::json& j, const std::string& ptr) {
        if (!j.is_boolean()) return type_faux(j, ptr, "true or false");
        return j.get<bool>();
    }

    std::optional<std::int64_t> entier(const nlohmann::json& j, const std::string& ptr, std::int64_t min,
                                       std::int64_t max) {
        if (!j.is_number_integer()) return type_faux(j, ptr, "an integer");
        if (j.is_number_unsigned() &&
            j.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            signaler(regle::depassement_capacite, ptr, concat(j.dump(), " does not fit in a 64-bit integer"));
            return std::nullopt;
        }
        const auto v = j.get<std::int64_t>();
        if (v < min || v > max) {
            signaler(regle::grille_mal_formee, ptr,
                     concat(std::to_string(v), " is outside [", std::to_string(min), ", ", std::to_string(max), "]"));
            return std::nullopt;
        }
        return v;
    }

    // An exact fraction, {"num": n, "den": d}, or an integer for a whole number. Never a
    // number with a fraction or an exponent: binary floating point cannot hold 1/3 or 0.1.
    std::optional<fraction> fraction_(const nlohmann::json& j, const std::string& ptr) {
        if (j.is_number_integer()) {
            const auto n =
                entier(j, ptr, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
            if (!n) return std::nullopt;
            return fraction{*n, 1};
        }
        if (!objet(j, ptr, {"num", "den"})) return std::nullopt;
        const auto* num = champ(j, ptr, "num", true);
        const auto* den = champ(j, ptr, "den", true);
        if (num == nullptr || den == nullptr) return std::nullopt;
        const auto n = entier(*num, concat(ptr, "/num"), std::numeric_limits<std::int64_t>::min(),
                              std::numeric_limits<std::int64_t>::max());
        const auto d = entier(*den, concat(ptr, "/den"), std::numeric_limits<std::int64_t>::min(),
                              std::numeric_limits<std::int64_t>::max());
        if (!n || !d) return std::nullopt;
        return fraction{*n, *d};  // a zero denominator is left to the rules: an invalid number
    }

    // "YYYY-MM-DD". Whether that day exists is a rule (CAQES-E001), checked by the walk.
    std::optional<ymd> date_(const nlohmann::json& j, const std::string& ptr) {
        if (!j.is_string()) return type_faux(j, ptr, "a date \"YYYY-MM-DD\"");
        const std::string& s = j.get_ref<const std::string&>();
        const bool forme = s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                           std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
        if (!forme) {
            signaler(regle::grille_mal_formee, ptr, concat(csv::quoted_field(s), " is not a date \"YYYY-MM-DD\""));
            return std::nullopt;
        }
        auto chiffres = [&](std::size_t debut, std::size_t n) {
            int v = 0;
            for (std::size_t k = debut; k < debut + n; ++k)
                v = v * 10 + (s[k] - '0');
            return v;
        };
        return ymd{chiffres(0, 4), static_cast<unsigned>(chiffres(5, 2)), static_cast<unsigned>(chiffres(8, 2))};
    }

    template <class T, std::size_t N>
    std::optional<T> nom_(const nlohmann::json& j, const std::string& ptr, const std::array<nom_valeur<T>, N>& noms) {
        if (!j.is_string()) return type_faux(j, ptr, "a name");
        const std::string& s = j.get_ref<const std::string&>();
        for (const auto& nv : noms) {
            if (nv.nom == s) return nv.valeur;
        }
        std::string permis;
        for (const auto& nv : noms)
            permis += concat(permis.empty() ? "" : ", ", nv.nom);
        signaler(regle::grille_mal_formee, ptr, concat("unknown name ", csv::quoted_field(s), "; one of: ", permis));
        return std::nullopt;
    }

    // A set written as an array of names: activities, outcome clauses.
    template <class T, std::size_t N>
    std::optional<T> ensemble(const nlohmann::json& j, const std::string& ptr,
                              const std::array<nom_valeur<T>, N>& noms) {
        if (!j.is_array()) return type_faux(j, ptr, "an array of names");
        T r{};
        bool ok = true;
        for (std::size_t k = 0; k < j.size(); ++k) {
            const auto v = nom_(j[k], concat(ptr, "/", std::to_string(k)), noms);
            if (v) {
                r = r | *v;
            } else {
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        return r;
    }

    std::optional<periode> periode_(const nlohmann::json& j, const std::string& ptr, bool fin_requise) {
        if (!objet(j, ptr, {"debut", "fin"})) return std::nullopt;
        const auto* d = champ(j, ptr, "debut", true);
        const auto* f = champ(j, ptr, "fin", fin_requise);
        std::optional<ymd> debut = d ? date_(*d, concat(ptr, "/debut")) : std::nullopt;
        std::optional<ymd> fin = f ? date_(*f, concat(ptr, "/fin")) : std::optional<ymd>{fin_des_temps};
        if (!debut || !fin) return std::nullopt;
        return periode{*debut, *fin};
    }

  private:
    std::nullopt_t type_faux(const nlohmann::json& j, const std::string& ptr, std::string_view attendu) {
        std::string detail = concat("expected ", attendu, ", found ", nom_type(j));
        if (j.is_number_float())
            detail += ": the format has no binary floating point; write a fraction {\"num\": n, \"den\": d}";
        signaler(regle::grille_mal_formee, ptr, std::move(detail));
        return std::nullopt;
    }

    std::string fichier_;
    std::deque<std::string>& textes_;
    violations erreurs_;
};

// Sets `cible` from member `cle` of `o` when present and well formed.
template <class T, class Lire>
void si_present(lecteur_grille& l, const nlohmann::json& o, const std::string& ptr, std::string_view cle, T& cible,
                Lire&& lire) {
    if (const auto* j = l.champ(o, ptr, cle, false)) {
        if (auto v = lire(*j, concat(ptr, "/", cle))) cible = *v;
    }
}

// A quantity with its kind: {"nature": "taux", "num": 49, "den": 100}.
struct quantite_lue {
    type_mesure nature{type_mesure::nombre};
    fraction valeur{};
};
inline std::optional<quantite_lue> lire_quantite(lecteur_grille& l, const nlohmann::json& j, const std::string& ptr) {
    if (!l.objet(j, ptr, {"nature", "num", "den"})) return std::nullopt;
    const auto* n = l.champ(j, ptr, "nature", true);
    const auto* num = l.champ(j, ptr, "num", true);
    const auto nature = n ? l.nom_(*n, concat(ptr, "/nature"), noms_natures) : std::nullopt;
    constexpr auto min = std::numeric_limits<std::int64_t>::min();
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    const auto vn = num ? l.entier(*num, concat(ptr, "/num"), min, max) : std::nullopt;
    std::optional<std::int64_t> vd = 1;
    if (const auto* den = l.champ(j, ptr, "den", false)) vd = l.entier(*den, concat(ptr, "/den"), min, max);
    if (!nature || !vn || !vd) return std::nullopt;
    return quantite_lue{*nature, fraction{*vn, *vd}};
}

// The kind of the measure a target or a condition names: the indicator's own when it has
// that measure, else the kind of the value (CAQES-E015 then reports the unknown measure). A
// C++ grid takes it from the typed handle; either way CAQES-E014 compares it with the value's.
[[nodiscard]] inline type_mesure nature_de(const indicateur& i, std::string_view code, type_mesure sinon) noexcept {
    const std::size_t k = i.position(code);
    return k < mesures_max ? i.mesures[k].type : sinon;
}

inline std::optional<condition> lire_condition(lecteur_grille& l, const indicateur& ind, const nlohmann::json& j,
                                               const std::string& ptr) {
    if (!l.objet(j, ptr, {"mesure", "op", "seuil"})) return std::nullopt;
    const auto* m = l.champ(j, ptr, "mesure", true);
    const auto* op = l.champ(j, ptr, "op", true);
    const auto* s = l.champ(j, ptr, "seuil", true);
    const auto mesure = m ? l.texte(*m, concat(ptr, "/mesure")) : std::nullopt;
    const auto c = op ? l.nom_(*op, concat(ptr, "/op"), noms_comparateurs) : std::nullopt;
    if (s == nullptr || !mesure || !c) return std::nullopt;
    const std::optional<quantite_lue> seuil = lire_quantite(l, *s, concat(ptr, "/seuil"));
    if (!seuil) return std::nullopt;
    return condition{*mesure, nature_de(ind, *mesure, seuil->nature), *c, seuil->nature, seuil->valeur};
}

// [[a, b], [c]] is (a && b) || c. Past the fixed capacities the referentiel is marked as
// such, as `&&` and `||` mark it in C++, and CAQES-E015 reports it.
inline std::optional<referentiel> lire_referentiel(lecteur_grille& l, const indicateur& ind, const nlohmann::json& j,
                                                   const std::string& ptr) {
    if (!j.is_array()) {
        l.signaler(regle::grille_mal_formee, ptr,
                   concat("expected an array of conjunctions (arrays of conditions), found ", nom_type(j)));
        return std::nullopt;
    }
    referentiel r{};
    bool ok = true;
    for (std::size_t k = 0; k < j.size(); ++k) {
        const std::string pk = concat(ptr, "/", std::to_string(k));
        if (!j[k].is_array()) {
            l.signaler(regle::grille_mal_formee, pk, concat("expected an array of conditions, found ", nom_type(j[k])));
            ok = false;
            continue;
        }
        conjonction cj{};
        for (std::size_t c = 0; c < j[k].size(); ++c) {
            const auto cond = lire_condition(l, ind, j[k][c], concat(pk, "/", std::to_string(c)));
            if (!cond) {
                ok = false;
            } else {
                cj = cj.et(*cond);
            }
        }
        r = r.ou(cj);
    }
    if (!ok) return std::nullopt;
    return r;
}

inline std::optional<indicateur> lire_indicateur(lecteur_grille& l, const nlohmann::json& j, const std::string& ptr) {
    if (!l.objet(j, ptr,
                 {"id", "code", "libelle", "origine", "source", "instances", "mesures", "sens", "objectif",
                  "referentiel", "applicables", "validite", "poids"})) {
        return std::nullopt;
    }
    const std::size_t avant = l.erreurs().size();
    indicateur ind{};
    if (const auto* v = l.champ(j, ptr, "id", true)) {
        if (auto id = l.entier(*v, concat(ptr, "/id"), 0, std::numeric_limits<std::uint32_t>::max())) {
            ind.id = static_cast<std::uint32_t>(*id);
        }
    }
    if (const auto* v = l.champ(j, ptr, "code", true)) {
        if (auto s = l.texte(*v, concat(ptr, "/code"))) ind.code = *s;
    }
    if (const auto* v = l.champ(j, ptr, "libelle", true)) {
        if (auto s = l.texte(*v, concat(ptr, "/libelle"))) ind.libelle = *s;
    }
    if (const auto* v = l.champ(j, ptr, "origine", true)) {
        if (auto o = l.nom_(*v, concat(ptr, "/origine"), noms_origines)) ind.provenance = *o;
    }
    if (const auto* v = l.champ(j, ptr, "source", false)) {
        const std::string ps = concat(ptr, "/source");
        if (l.objet(*v, ps, {"texte", "legi_id", "version"})) {
            si_present(l, *v, ps, "texte", ind.source.texte,
                       [&](const nlohmann::json& x, const std::string& p) { return l.texte(x, p); });
            si_present(l, *v, ps, "legi_id", ind.source.legi_id,
                       [&](const nlohmann::json& x, const std::string& p) { return l.texte(x, p); });
            si_present(l, *v, ps, "version", ind.source.version,
                       [&](const nlohmann::json& x, const std::string& p) { return l.texte(x, p); });
        }
    }
    si_present(l, j, ptr, "instances", ind.instances,
               [&](const nlohmann::json& x, const std::string& p) { return l.ensemble(x, p, noms_instances); });
    if (const auto* v = l.champ(j, ptr, "mesures", true)) {
        const std::string pm = concat(ptr, "/mesures");
        if (!v->is_array() || v->empty() || v->size() > mesures_max) {
            l.signaler(
                regle::grille_mal_formee, pm,
                concat("expected an array of 1 to ", std::to_string(mesures_max), " measures, found ",
                       v->is_array() ? concat(std::to_string(v->size()), " of them") : std::string{nom_type(*v)}));
        } else {
            for (std::size_t k = 0; k < v->size(); ++k) {
                const std::string pk = concat(pm, "/", std::to_string(k));
                if (!l.objet((*v)[k], pk, {"code", "nature"})) continue;
                const auto* c = l.champ((*v)[k], pk, "code", true);
                const auto* n = l.champ((*v)[k], pk, "nature", true);
                const auto code = c ? l.texte(*c, concat(pk, "/code")) : std::nullopt;
                const auto nature = n ? l.nom_(*n, concat(pk, "/nature"), noms_natures) : std::nullopt;
                if (code && nature) ind.mesures[k] = mesure_def{*code, *nature};
            }
        }
    }
    if (const auto* v = l.champ(j, ptr, "sens", true)) {
        if (auto s = l.nom_(*v, concat(ptr, "/sens"), noms_sens)) ind.direction = *s;
    }
    if (const auto* v = l.champ(j, ptr, "objectif", false)) {
        const std::string po = concat(ptr, "/objectif");
        if (l.objet(*v, po, {"mesure", "valeur"})) {
            const auto* m = l.champ(*v, po, "mesure", true);
            const auto* q = l.champ(*v, po, "valeur", true);
            const auto mesure = m ? l.texte(*m, concat(po, "/mesure")) : std::nullopt;
            std::optional<quantite_lue> valeur;
            if (q != nullptr) valeur = lire_quantite(l, *q, concat(po, "/valeur"));
            if (mesure && valeur)
                ind.objectif = cible{*mesure, nature_de(ind, *mesure, valeur->nature), valeur->nature, valeur->valeur};
        }
    }
    if (const auto* v = l.champ(j, ptr, "referentiel", false)) {
        if (auto r = lire_referentiel(l, ind, *v, concat(ptr, "/referentiel"))) ind.ref = *r;
    }
    si_present(l, j, ptr, "applicables", ind.applicables,
               [&](const nlohmann::json& x, const std::string& p) { return l.ensemble(x, p, noms_activites); });
    if (const auto* v = l.champ(j, ptr, "validite", true)) {
        if (auto p = l.periode_(*v, concat(ptr, "/validite"), false)) ind.validite = *p;
    }
    si_present(l, j, ptr, "poids", ind.poids,
               [&](const nlohmann::json& x, const std::string& p) { return l.fraction_(x, p); });
    if (l.erreurs().size() != avant) return std::nullopt;
    return ind;
}

inline std::optional<duree> lire_terme(lecteur_grille& l, const nlohmann::json& j, const std::string& ptr) {
    if (!l.objet(j, ptr, {"indeterminee", "annees", "jusqu_a"})) return std::nullopt;
    if (j.size() != 1) {
        l.signaler(regle::grille_mal_formee, ptr,
                   "a term is exactly one of {\"indeterminee\": true}, {\"annees\": N}, {\"jusqu_a\": \"YYYY-MM-DD\"}");
        return std::nullopt;
    }
    if (const auto* v = l.champ(j, ptr, "indeterminee", false)) {
        const auto b = l.booleen(*v, concat(ptr, "/indeterminee"));
        if (b && !*b)
            l.signaler(regle::grille_mal_formee, concat(ptr, "/indeterminee"),
                       "only true: a bounded term is {\"annees\": N} or {\"jusqu_a\": date}");
        if (!b || !*b) return std::nullopt;
        return duree_indeterminee;
    }
    if (const auto* v = l.champ(j, ptr, "annees", false)) {
        // Any int: past five years is the law's limit (CAQES-E004), reported by the walk.
        const auto n =
            l.entier(*v, concat(ptr, "/annees"), std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
        if (!n) return std::nullopt;
        return duree_annees(static_cast<int>(*n));
    }
    const auto* v = l.champ(j, ptr, "jusqu_a", false);
    const auto d = v ? l.date_(*v, concat(ptr, "/jusqu_a")) : std::nullopt;
    if (!d) return std::nullopt;
    return duree_jusqu_a(*d);
}

inline void lire_parametres(lecteur_grille& l, const nlohmann::json& j, const std::string& ptr,
                            parametres_evaluation& p) {
    if (!l.objet(j, ptr, {"p2017", "p2022", "successeur", "version", "annee_partielle"})) return;
    const auto lire_fraction = [&](const nlohmann::json& x, const std::string& q) { return l.fraction_(x, q); };
    const auto lire_booleen = [&](const nlohmann::json& x, const std::string& q) { return l.booleen(x, q); };
    const auto lire_centimes = [&](const nlohmann::json& x, const std::string& q) -> std::optional<centimes> {
        const auto n =
            l.entier(x, q, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
        if (!n) return std::nullopt;
        return centimes{*n};
    };
    if (const auto* v = l.champ(j, ptr, "p2017", false)) {
        const std::string q = concat(ptr, "/p2017");
        if (l.objet(
                *v, q,
                {"paliers", "seuil_interessement", "part_interessement", "reduction_liste_en_sus", "illustratif"})) {
            if (const auto* pal = l.champ(*v, q, "paliers", false)) {
                const std::string qp = concat(q, "/paliers");
                if (!pal->is_array() || pal->size() > p.p2017.paliers.size()) {
                    l.signaler(
                        regle::grille_mal_formee, qp,
                        concat("expected an array of at most ", std::to_string(p.p2017.paliers.size()), " steps"));
                } else {
                    p.p2017.paliers = {};
                    for (std::size_t k = 0; k < pal->size(); ++k) {
                        const std::string qk = concat(qp, "/", std::to_string(k));
                        if (!l.objet((*pal)[k], qk, {"seuil", "taux"})) continue;
                        if (const auto* s = l.champ((*pal)[k], qk, "seuil", true)) {
                            if (auto f = l.fraction_(*s, concat(qk, "/seuil"))) p.p2017.paliers[k].seuil = *f;
                        }
                        if (const auto* t = l.champ((*pal)[k], qk, "taux", true)) {
                            if (auto f = l.fraction_(*t, concat(qk, "/taux"))) p.p2017.paliers[k].taux = *f;
                        }
                    }
                }
            }
            si_present(l, *v, q, "seuil_interessement", p.p2017.seuil_interessement, lire_fraction);
            si_present(l, *v, q, "part_interessement", p.p2017.part_interessement, lire_fraction);
            if (const auto* r = l.champ(*v, q, "reduction_liste_en_sus", false)) {
                const std::string qr = concat(q, "/reduction_liste_en_sus");
                if (l.objet(*r, qr, {"taux"})) {
                    reduction_liste_en_sus_2017 red{};
                    si_present(l, *r, qr, "taux", red.taux, lire_fraction);
                    p.p2017.reduction_liste_en_sus = red;
                }
            }
            si_present(l, *v, q, "illustratif", p.p2017.illustratif, lire_booleen);
        }
    }
    if (const auto* v = l.champ(j, ptr, "p2022", false)) {
        const std::string q = concat(ptr, "/p2022");
        if (l.objet(
                *v, q,
                {"enveloppe_regionale_centimes", "part_economies_nationale", "revision_par_score", "taux_abattement",
                 "taux_minoration", "seuil_largement_superieur", "duree_mesures_mois", "illustratif"})) {
            si_present(l, *v, q, "enveloppe_regionale_centimes", p.p2022.enveloppe_regionale, lire_centimes);
            si_present(l, *v, q, "part_economies_nationale", p.p2022.part_economies_nationale, lire_fraction);
            si_present(l, *v, q, "revision_par_score", p.p2022.revision_par_score, lire_booleen);
            si_present(l, *v, q, "taux_abattement", p.p2022.taux_abattement, lire_fraction);
            si_present(l, *v, q, "taux_minoration", p.p2022.taux_minoration, lire_fraction);
            if (const auto* s = l.champ(*v, q, "seuil_largement_superieur", false)) {
                p.p2022.seuil_largement_superieur = l.fraction_(*s, concat(q, "/seuil_largement_superieur"));
            }
            if (const auto* d = l.champ(*v, q, "duree_mesures_mois", false)) {
                if (auto n = l.entier(*d, concat(q, "/duree_mesures_mois"), 1, 1200))
                    p.p2022.duree_mesures_mois = static_cast<int>(*n);
            }
            si_present(l, *v, q, "illustratif", p.p2022.illustratif, lire_booleen);
        }
    }
    if (const auto* v = l.champ(j, ptr, "successeur", false)) {
        const std::string q = concat(ptr, "/successeur");
        if (l.objet(*v, q, {"part_economies", "taux_penalite", "illustratif"})) {
            si_present(l, *v, q, "part_economies", p.successeur.part_economies, lire_fraction);
            si_present(l, *v, q, "taux_penalite", p.successeur.taux_penalite, lire_fraction);
            si_present(l, *v, q, "illustratif", p.successeur.illustratif, lire_booleen);
        }
    }
    si_present(l, j, ptr, "version", p.version,
               [&](const nlohmann::json& x, const std::string& q) { return l.nom_(x, q, noms_versions); });
    // How an exercise a volet's term covers in part counts [U] (evaluation/couverture.hpp).
    si_present(l, j, ptr, "annee_partielle", p.annee_partielle,
               [&](const nlohmann::json& x, const std::string& q) { return l.nom_(x, q, noms_annees_partielles); });
}

// The JSON pointer of the field a template rule is about: the walk says which volet and
// indicator (lieu_modele), the rule says which of its keys.
[[nodiscard]] inline std::string pointeur_regle(regle id, lieu_modele l) {
    if (l.volet < 0) {
        switch (id) {
            case regle::debut_hors_regime:
                return "/fenetre/debut";
            case regle::perimetre_hors_regime:
                return "/perimetre";
            case regle::volet_obligatoire:
                return "/volets";
            default:
                return "/fenetre";
        }
    }
    const std::string v = concat("/volets/", std::to_string(l.volet));
    if (l.indicateur < 0) {
        switch (id) {
            case regle::volet_en_double:
            case regle::volet_hors_regime:
                return v + "/volet";
            case regle::debut_hors_regime:
                return v + "/debut";
            case regle::issue_non_permise:
                return v + "/clauses";
            case regle::date_inexistante:
                return v;
            default:
                return v + "/terme";
        }
    }
    const std::string i = concat(v, "/grille/", std::to_string(l.indicateur));
    switch (id) {
        case regle::indicateur_en_double:
            return i + "/id";
        case regle::code_indicateur_en_double:
            return i + "/code";
        case regle::date_inexistante:
        case regle::periode_vide:
        case regle::indicateur_hors_validite:
            return i + "/validite";
        case regle::indicateur_hors_perimetre:
            return i + "/applicables";
        case regle::origine_sans_source:
            return i + "/origine";
        case regle::poids_non_positif:
            return i + "/poids";
        default:
            return i;
    }
}

// The JSON pointer of a parameter's key in a grid file, the keys `lire_parametres` reads: the
// one mapping from a field to its key. A switch without default, so a new field that is not
// mapped here does not compile (-Wswitch), rather than getting a wrong pointer.
[[nodiscard]] inline std::string pointeur_parametre(champ_parametre c, int rang) {
    const std::string palier = concat("/parametres/p2017/paliers/", std::to_string(rang));
    switch (c) {
        case champ_parametre::p2017_paliers:
            return palier;
        case champ_parametre::p2017_paliers_taux:
            return palier + "/taux";
        case champ_parametre::p2017_paliers_seuil:
            return palier + "/seuil";
        case champ_parametre::p2017_part_interessement:
            return "/parametres/p2017/part_interessement";
        case champ_parametre::p2017_seuil_interessement:
            return "/parametres/p2017/seuil_interessement";
        case champ_parametre::p2017_reduction_liste_en_sus_taux:
            return "/parametres/p2017/reduction_liste_en_sus/taux";
        case champ_parametre::p2022_taux_abattement:
            return "/parametres/p2022/taux_abattement";
        case champ_parametre::p2022_taux_minoration:
            return "/parametres/p2022/taux_minoration";
        case champ_parametre::p2022_enveloppe_regionale:
            return "/parametres/p2022/enveloppe_regionale_centimes";
        case champ_parametre::p2022_part_economies_nationale:
            return "/parametres/p2022/part_economies_nationale";
        case champ_parametre::p2022_seuil_largement_superieur:
            return "/parametres/p2022/seuil_largement_superieur";
        case champ_parametre::successeur_taux_penalite:
            return "/parametres/successeur/taux_penalite";
        case champ_parametre::successeur_part_economies:
            return "/parametres/successeur/part_economies";
        case champ_parametre::successeur_seuil_penalite:
            return "/parametres/successeur/seuil_penalite";
    }
    return "/parametres";
}

}  // namespace detail

// Reads and validates a grid from the text of a file; `fichier` is how errors name it. The
// grid comes back only when every stage passed; otherwise every error found, located.
[[nodiscard]] inline resultat_validation<grille_chargee> lire_grille(std::string_view contenu,
                                                                     std::string_view fichier) {
    using resultat = resultat_validation<grille_chargee>;
    auto s = std::make_unique<grille_chargee::stockage>();
    parametres_evaluation parametres{};
    detail::lecteur_grille l{fichier, s->textes};

    // 1. Bytes and JSON syntax.
    if (const std::optional<std::size_t> k = csv::invalid_utf8(contenu)) {
        const std::size_t ligne = 1 + static_cast<std::size_t>(std::count(
                                          contenu.begin(), contenu.begin() + static_cast<std::ptrdiff_t>(*k), '\n'));
        const std::size_t debut = contenu.rfind('\n', *k) == std::string_view::npos ? 0 : contenu.rfind('\n', *k) + 1;
        const std::string_view texte_ligne = contenu.substr(debut, contenu.find('\n', *k) - debut);
        l.signaler(regle::encodage_invalide, "",
                   concat("line ", std::to_string(ligne), ": ", csv::not_utf8(texte_ligne, *k - debut, contenu)));
        return resultat{std::move(l.erreurs())};
    }
    detail::surveillant_cles surveillant;
    nlohmann::json doc;
    const auto inutilisable = [&](std::size_t octet, bool tronque, const char* quoi) {
        const std::string_view lu = contenu.substr(0, std::min<std::size_t>(octet, contenu.size()));
        const std::size_t ligne = 1 + static_cast<std::size_t>(std::count(lu.begin(), lu.end(), '\n'));
        l.signaler(regle::fichier_inutilisable, "",
                   concat(tronque ? "truncated or empty: " : "not JSON: ", "line ", std::to_string(ligne), ", byte ",
                          std::to_string(octet), ": ", csv::escaped_text(quoi)));
        return resultat{std::move(l.erreurs())};
    };
    try {
        doc = nlohmann::json::parse(contenu.begin(), contenu.end(), std::ref(surveillant), true, false);
    } catch (const nlohmann::json::parse_error& e) {
        return inutilisable(e.byte, e.byte >= contenu.size(), e.what());
    } catch (const nlohmann::json::out_of_range& e) {
        // A number beyond a double's range (1E999): nlohmann throws it without its position,
        // so a second, tree-free pass finds the byte where it ends.
        return inutilisable(detail::octet_erreur_json(contenu), false, e.what());
    }
    for (const auto& d : surveillant.doublons()) {
        l.signaler(
            regle::cle_en_double, d.pointeur,
            concat("key ", csv::quoted_field(d.cle), " given twice in one object: which value holds would be a guess"));
    }
    if (surveillant.trop_profond()) {
        l.signaler(regle::grille_mal_formee, "",
                   concat("nested deeper than ", std::to_string(profondeur_max_grille), " levels"));
    }
    if (!l.erreurs().empty()) return resultat{std::move(l.erreurs())};

    // 2. The format.
    const std::string racine;
    if (!doc.is_object()) {
        l.signaler(regle::grille_mal_formee, racine, concat("expected an object, found ", detail::nom_type(doc)));
        return resultat{std::move(l.erreurs())};
    }
    const auto schema_lu = doc.find("schema");
    if (schema_lu == doc.end() || !schema_lu->is_string() ||
        schema_lu->get_ref<const std::string&>() != schema_grille) {
        l.signaler(regle::schema_inconnu, "/schema",
                   concat(schema_lu == doc.end()
                              ? std::string{"missing"}
                              : concat("found ", schema_lu->is_string()
                                                     ? csv::quoted_field(schema_lu->get_ref<const std::string&>())
                                                     : std::string{detail::nom_type(*schema_lu)}),
                          "; this reader knows \"", schema_grille, "\" only"));
        return resultat{std::move(l.erreurs())};
    }
    l.objet(doc, racine,
            {"schema", "nom", "regime", "fenetre", "perimetre", "transition", "jours", "volets", "parametres"});
    modele_contrat_def& def = s->def;
    if (const auto* v = l.champ(doc, racine, "nom", true)) {
        if (auto t = l.texte(*v, "/nom")) def.nom = *t;
    }
    if (const auto* v = l.champ(doc, racine, "regime", true)) {
        if (auto r = l.nom_(*v, "/regime", detail::noms_regimes)) def.regime = *r;
    }
    if (const auto* v = l.champ(doc, racine, "fenetre", true)) {
        if (auto p = l.periode_(*v, "/fenetre", true)) def.fenetre = *p;
    }
    detail::si_present(l, doc, racine, "perimetre", def.perimetre, [&](const nlohmann::json& x, const std::string& p) {
        return l.ensemble(x, p, detail::noms_activites);
    });
    detail::si_present(
        l, doc, racine, "transition", def.transition,
        [&](const nlohmann::json& x, const std::string& p) { return l.nom_(x, p, detail::noms_transitions); });
    detail::si_present(l, doc, racine, "jours", def.jours,
                       [&](const nlohmann::json& x, const std::string& p) { return l.nom_(x, p, detail::noms_jours); });
    if (const auto* vs = l.champ(doc, racine, "volets", true)) {
        if (!vs->is_array()) {
            l.signaler(regle::grille_mal_formee, "/volets",
                       concat("expected an array of volets, found ", detail::nom_type(*vs)));
        } else {
            s->grilles.resize(vs->size());
            s->volets.resize(vs->size());
            for (std::size_t iv = 0; iv < vs->size(); ++iv) {
                const nlohmann::json& jv = (*vs)[iv];
                const std::string pv = concat("/volets/", std::to_string(iv));
                if (!l.objet(jv, pv, {"volet", "terme", "clauses", "debut", "grille"})) continue;
                volet_modele& vm = s->volets[iv];
                if (const auto* v = l.champ(jv, pv, "volet", true)) {
                    const std::string pn = pv + "/volet";
                    if (!v->is_string()) {
                        l.signaler(regle::grille_mal_formee, pn,
                                   concat("expected a volet name, found ", detail::nom_type(*v)));
                    } else if (const auto id = detail::volet_nomme(v->get_ref<const std::string&>())) {
                        vm.volet = *id;
                    } else {
                        std::string noms;
                        for (const auto& t : traits_volets)
                            noms += concat(noms.empty() ? "" : ", ", t.nom);
                        l.signaler(regle::grille_mal_formee, pn,
                                   concat("unknown volet ", csv::quoted_field(v->get_ref<const std::string&>()),
                                          "; one of: ", noms));
                    }
                }
                if (const auto* v = l.champ(jv, pv, "terme", true)) {
                    if (auto t = detail::lire_terme(l, *v, pv + "/terme")) vm.terme = *t;
                }
                if (const auto* v = l.champ(jv, pv, "clauses", true)) {
                    if (auto c = l.ensemble(*v, pv + "/clauses", detail::noms_issues)) vm.clauses = *c;
                }
                if (const auto* v = l.champ(jv, pv, "debut", false)) vm.debut = l.date_(*v, pv + "/debut");
                if (const auto* g = l.champ(jv, pv, "grille", true)) {
                    if (!g->is_array()) {
                        l.signaler(regle::grille_mal_formee, pv + "/grille",
                                   concat("expected an array of indicators, found ", detail::nom_type(*g)));
                        continue;
                    }
                    for (std::size_t ii = 0; ii < g->size(); ++ii) {
                        if (auto ind =
                                detail::lire_indicateur(l, (*g)[ii], concat(pv, "/grille/", std::to_string(ii)))) {
                            s->grilles[iv].push_back(*ind);
                        }
                    }
                }
            }
        }
    }
    if (const auto* v = l.champ(doc, racine, "parametres", false))
        detail::lire_parametres(l, *v, "/parametres", parametres);
    if (!l.erreurs().empty()) return resultat{std::move(l.erreurs())};
    for (std::size_t iv = 0; iv < s->volets.size(); ++iv)
        s->volets[iv].grille = s->grilles[iv];
    def.volets = s->volets;

    // 3. The rules: a contract template needs a CAQES regime (E043: the successor and earlier
    // contracts are no CAQES, and this format holds contract templates only), then the walk of
    // every template, then the parameters' own check.
    if (!conclut_des_caqes(def.regime)) {
        l.signaler(regle::hors_caqes, "/regime",
                   concat(decrire(def.regime).nom, " concludes no CAQES: a grid file holds a CAQES contract template"));
        return resultat{std::move(l.erreurs())};
    }
    parcourir_modele(def, def.fenetre.debut, debut_au_plus_tard(def), [&](regle id, lieu_modele lm) {
        std::string detail = texte(def, lm);
        if (id == regle::debut_hors_regime) {
            const ymd d = lm.volet >= 0
                              ? def.volets[static_cast<std::size_t>(lm.volet)].debut.value_or(def.fenetre.debut)
                              : def.fenetre.debut;
            detail +=
                concat(": start ", caqes::texte(d), ", regime window ", caqes::texte(decrire(def.regime).conclusion));
        }
        l.signaler(id, detail::pointeur_regle(id, lm), std::move(detail));
    });
    const std::optional<parametres_valides> valides =
        parametres_valides::depuis(parametres, [&l](regle id, champ_parametre c, int rang, const std::string& detail) {
            l.signaler(id, detail::pointeur_parametre(c, rang), concat(texte(c, rang), ": ", detail));
        });
    if (!l.erreurs().empty()) return resultat{std::move(l.erreurs())};
    s->parametres = *valides;
    return resultat{grille_chargee{std::move(s)}};
}

// Reads and validates the grid file at `chemin` (relative to the working directory);
// errors name it as given. A path that is no readable regular file is CAQES-E042.
[[nodiscard]] inline resultat_validation<grille_chargee> lire_grille_fichier(const std::filesystem::path& chemin) {
    using resultat = resultat_validation<grille_chargee>;
    const std::string nom = chemin.string();
    auto erreur = [&](std::string detail) {
        return resultat{violations{{regle::fichier_inutilisable, nom, std::move(detail)}}};
    };
    std::error_code ec;
    if (!std::filesystem::is_regular_file(chemin, ec))
        return erreur(ec ? ec.message() : "not a regular file, or no such file");
    const std::uintmax_t taille = std::filesystem::file_size(chemin, ec);
    if (ec) return erreur(ec.message());
    if (taille > taille_max_grille) {
        return erreur(concat(std::to_string(taille), " bytes, more than the ", std::to_string(taille_max_grille),
                             " a grid file may have"));
    }
    std::ifstream in(chemin, std::ios::binary);
    if (!in) return erreur("cannot be opened for reading");
    const std::string texte_fichier{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    if (in.bad()) return erreur("read error");
    return lire_grille(texte_fichier, nom);
}

}  // namespace caqes::json
