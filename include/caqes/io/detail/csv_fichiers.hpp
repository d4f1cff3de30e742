#pragma once
// Machinery of the batch reader, not for users (include <caqes/io/csv.hpp>): each file's own
// rows, each read one record at a time through the reader's fixed buffers. A values row checked
// on its own (`lire_ligne_valeurs`), the establishments file (`lire_etablissements`, into an
// index) and the contracts file (`lire_contrats`), with the cells they parse.
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/etablissement.hpp>
#include <caqes/contrat/instance.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/contrat/validation.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/detail/plan.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/evaluation/validation.hpp>
#include <caqes/io/csv_date.hpp>
#include <caqes/io/csv_dialect.hpp>
#include <caqes/io/csv_lot.hpp>
#include <caqes/io/csv_number.hpp>
#include <caqes/io/csv_records.hpp>
#include <caqes/io/csv_text.hpp>
#include <caqes/io/detail/csv_lignes.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/mesure/nature.hpp>
#include <caqes/monnaie/format.hpp>
#include <caqes/monnaie/montant.hpp>
#include <caqes/volet/volet.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes::csv::detail {
// A value of the values file, read as its measure's kind says.
struct valeur_lue {
    valeur_mesure v{};
    regle erreur{regle::aucune};
    std::string detail;
};

[[nodiscard]] inline std::string_view domaine(type_mesure t) noexcept {
    switch (t) {
        case type_mesure::montant:
            return "an amount >= 0";
        case type_mesure::montant_signe:
            return "an amount in cents";
        case type_mesure::nombre:
            return "a whole number >= 0";
        case type_mesure::taux:
            return "a rate in [0, 100] %";
        case type_mesure::taux_evolution:
            return "a growth rate >= -100 %";
        case type_mesure::oui_non:
            return "oui or non";
        case type_mesure::echelle:
            return "non, partiel or oui";
    }
    return "?";
}

// The words a value may be instead of a number, in any case, blanks aside: not concerned, not
// given, and the answers of a yes/no or no/partial/yes measure (mots_qualitatifs, the mapping
// the value's text writes too).
inline constexpr std::string_view mot_nc = "NC";
inline constexpr std::string_view mot_nr = "NR";

// Whether a value's text is one of the words lire_valeur takes rather than a number: JSON Lines
// writes a word as a string and a number as a number (json/valeurs.hpp).
[[nodiscard]] inline bool mot_de_valeur(std::string_view texte) noexcept {
    const std::string_view s = trim(texte);
    if (equal_ci(s, mot_nc) || equal_ci(s, mot_nr)) return true;
    return std::any_of(mots_qualitatifs.begin(), mots_qualitatifs.end(),
                       [s](const mot_qualitatif& m) { return equal_ci(s, m.mot); });
}

[[nodiscard]] inline valeur_lue lire_valeur(std::string_view texte_brut, type_mesure t, dialect d) {
    const std::string_view s = trim(texte_brut);
    if (equal_ci(s, mot_nc)) return {valeur_mesure::non_concernee(), regle::aucune, {}};
    if (equal_ci(s, mot_nr)) return {valeur_mesure::non_renseignee(), regle::aucune, {}};
    if (s.empty())
        return {{}, regle::texte_invalide, "empty value: give a number, a word of the measure's kind, NC or NR"};

    // A word of some qualitative kind (`mot`), and its value when it is one of t's own.
    bool mot = false;
    const mot_qualitatif* du_type = nullptr;
    for (const mot_qualitatif& m : mots_qualitatifs) {
        if (!equal_ci(s, m.mot)) continue;
        mot = true;
        if (m.type == t) du_type = &m;
    }
    const bool qualitatif = t == type_mesure::oui_non || t == type_mesure::echelle;
    valeur_mesure v{etat_valeur::renseignee, t, {}};

    if (qualitatif) {
        if (du_type != nullptr) {
            v.v = entier(du_type->valeur);
        } else if (mot) {
            return {{}, regle::valeur_hors_domaine, concat(quoted_field(s), " is not ", domaine(t))};
        } else if (parse_decimal(s, d).ok()) {
            return {{},
                    regle::mesure_mauvaise_nature,
                    concat("expected ", nom(t), " (", domaine(t), "), got the number ", quoted_field(s))};
        } else {
            return {{}, regle::texte_invalide, concat("expected ", domaine(t), ", got ", quoted_field(s))};
        }
        return {v, regle::aucune, {}};
    }

    if (mot) {
        return {{},
                regle::mesure_mauvaise_nature,
                concat("expected ", nom(t), " (a number), got the word ", quoted_field(s))};
    }
    parsed<fraction> f{};
    switch (t) {
        case type_mesure::montant:
        case type_mesure::montant_signe: {
            const parsed<centimes> c = parse_centimes(s, d);
            f = {entier(c.value.valeur), c.error, c.rule};
            break;
        }
        case type_mesure::taux:
        case type_mesure::taux_evolution:
            f = parse_percent(s, d);
            break;
        default:
            f = parse_fraction(s, d);
            break;
    }
    if (!f.ok()) return {{}, f.rule, f.error};
    v.v = f.value;
    if (!regles::valeur_dans_domaine(v)) {
        return {{},
                regle::valeur_hors_domaine,
                concat(texte(t, v.v), " is outside the domain of ", nom(t), ": ", domaine(t))};
    }
    return {v, regle::aucune, {}};
}

// One measure of the template in the establishment-year held: its value, exact, in a compact
// form, and the line of the row that claimed it. 16 bytes.
struct mesure_tenue {
    // A state, or the denominator of a value given: a value is `num / den` exactly as read (a
    // reduced fraction). A denominator up to `den_direct_max` is held as it is; a larger one is
    // 2^a x 5^b, since every number the CSV reader accepts is a decimal (csv_number.hpp: at
    // most 18 decimals, over a scale of 1 or 100, so its denominator divides 10^20), and is
    // held as the code `den_puissances + 64 a + b`. Nothing is rounded, and nothing is held
    // beside these 16 bytes.
    static constexpr std::uint32_t den_aucune = 0;  // no accepted value (none given, or rejected)
    static constexpr std::uint32_t den_nc = std::numeric_limits<std::uint32_t>::max();
    static constexpr std::uint32_t den_nr = den_nc - 1;
    static constexpr std::uint32_t den_puissances = den_nr - 64 * 64;
    static constexpr std::uint32_t den_direct_max = den_puissances - 1;

    std::int64_t num{0};
    std::uint32_t den{den_aucune};
    std::uint32_t ligne{0};  // the row that claimed it, 0 when none (a duplicate names it)
};

// The most physical lines of a values file: the establishment-year held keeps its lines in 32
// bits (`options_lecture::lignes_valeurs_max` may lower it, not raise it).
inline constexpr std::size_t lignes_max_32 = std::numeric_limits<std::uint32_t>::max();

// The establishment-year the values file is on, held until a row of another one closes it:
// one `mesure_tenue` per measure of the template (only the measures each indicator has, in
// report order: `repere::place`), and its rows not rejected on their own (counted, with their
// first and last line). Expanded to the report `validate` reads only when it closes. Its
// array is sized once per template and reused, so a group costs no allocation once warm:
//   B = sizeof(groupe) + S x sizeof(mesure_tenue)
// for S measures in the template (`octets_groupe`; docs/input-format.md, "Memory").
struct groupe {
    std::uint64_t code{0};              // cle_64 of its establishment-year
    std::uint32_t attente{0};           // its rows not rejected on their own
    std::uint32_t premiere_attente{0};  // the first and last of them
    std::uint32_t derniere_attente{0};
    std::uint32_t premiere_ligne{0};
    std::vector<mesure_tenue> mesures;

    void ouvrir(std::uint64_t nouvelle, std::size_t nombre_mesures, std::size_t line) {
        code = nouvelle;
        mesures.assign(nombre_mesures, mesure_tenue{});
        attente = 0;
        premiere_attente = 0;
        derniere_attente = 0;
        premiere_ligne = static_cast<std::uint32_t>(line);
    }
    void garder(std::size_t line) noexcept {
        if (attente == 0) premiere_attente = static_cast<std::uint32_t>(line);
        derniere_attente = static_cast<std::uint32_t>(line);
        ++attente;
    }
    // An accepted value, into its measure's place. False, and nothing held, for a value whose
    // denominator is neither small nor 2^a x 5^b: the CSV number parsers produce none, and the
    // caller rejects such a row rather than hold it inexactly.
    [[nodiscard]] static bool tenir(mesure_tenue& t, const valeur_mesure& v) noexcept {
        switch (v.etat) {
            case etat_valeur::non_concernee:
                t.den = mesure_tenue::den_nc;
                return true;
            case etat_valeur::non_renseignee:
                t.den = mesure_tenue::den_nr;
                return true;
            case etat_valeur::renseignee:
                break;
        }
        if (v.v.den < 1) return false;
        if (v.v.den <= std::int64_t{mesure_tenue::den_direct_max}) {
            t.num = v.v.num;
            t.den = static_cast<std::uint32_t>(v.v.den);
            return true;
        }
        auto reste = static_cast<std::uint64_t>(v.v.den);
        const auto a = static_cast<std::uint32_t>(__builtin_ctzll(reste));
        reste >>= a;
        std::uint32_t b = 0;
        while (reste % 5 == 0) {
            reste /= 5;
            ++b;
        }
        if (reste != 1) return false;  // a and b are below 64: den fits 63 bits
        t.num = v.v.num;
        t.den = mesure_tenue::den_puissances + 64 * a + b;
        return true;
    }
    [[nodiscard]] static bool donnee(const mesure_tenue& t) noexcept { return t.den != mesure_tenue::den_aucune; }
    // The value as `lire_valeur` read it, for a measure of kind `type`.
    [[nodiscard]] static valeur_mesure valeur(const mesure_tenue& t, type_mesure type) noexcept {
        if (t.den == mesure_tenue::den_nc) return valeur_mesure::non_concernee();
        if (t.den == mesure_tenue::den_nr) return valeur_mesure::non_renseignee();
        std::int64_t den = t.den;
        if (t.den >= mesure_tenue::den_puissances) {
            // 2^a x 5^b was an int64 denominator when it was held: the products fit.
            const std::uint32_t code = t.den - mesure_tenue::den_puissances;
            den = std::int64_t{1} << (code / 64);
            for (std::uint32_t i = 0; i < code % 64; ++i)
                den *= 5;
        }
        return {etat_valeur::renseignee, type, fraction{t.num, den}};
    }
};

// B, the bytes of the establishment-year held, for a template of `nombre_mesures` measures.
[[nodiscard]] constexpr std::size_t octets_groupe(std::size_t nombre_mesures) noexcept {
    return sizeof(groupe) + nombre_mesures * sizeof(mesure_tenue);
}

// One row of the establishments file, parsed, until its establishment-year of the values file
// closes (or the end of the batch). sizeof(etablissement_lu) bytes each, and its decisions
// (sizeof(decision_volet) each) when it has some: docs/input-format.md, "Memory".
struct etablissement_lu {
    std::uint64_t code{0};  // cle_64
    std::size_t ligne{0};
    bool accepte{false};
    bool decide{false};        // counted accepted or rejected with its establishment-year
    rapport_annuel donnees{};  // without its spans: the amounts below, per volet in template order
    std::array<std::optional<centimes>, volets_max> economies{};
    std::vector<decision_volet> decisions{};  // in the template's volet order
};
[[nodiscard]] constexpr std::uint64_t cle_de(const etablissement_lu& e) noexcept { return e.code; }

// The index in a violation's place "name[i]...", when it starts with `prefixe` ("avenants["):
// how a violation of `validate` names the element of a list it is about.
[[nodiscard]] constexpr std::optional<std::size_t> indice_lieu(std::string_view lieu,
                                                               std::string_view prefixe) noexcept {
    if (!lieu.starts_with(prefixe)) return std::nullopt;
    std::size_t i = 0;
    std::size_t pos = prefixe.size();
    while (pos < lieu.size() && lieu[pos] >= '0' && lieu[pos] <= '9')
        i = i * 10 + static_cast<std::size_t>(lieu[pos++] - '0');
    return i;
}

// The column of the establishments file a violation of `validate` is about: a decision's
// amount, rate or nature, a volet's savings, or a field of the row; empty when it is about
// something else. `activites`: the file has that column.
[[nodiscard]] inline std::string colonne_etablissement(std::string_view lieu, std::span<const decision_volet> decisions,
                                                       bool activites) {
    if (const std::optional<std::size_t> i = indice_lieu(lieu, "rapport.decisions[")) {
        if (*i >= decisions.size()) return {};
        const std::string_view colonne = lieu.ends_with(".nature")       ? "nature_"
                                         : lieu.ends_with(".taux")       ? "taux_"
                                         : lieu.ends_with(".duree_mois") ? "duree_"
                                                                         : "decision_";
        return concat(colonne, nom_colonne(decisions[*i].volet));
    }
    for (const std::string_view champ : {"annee_contrat", "produits_assurance_maladie", "annee_produits",
                                         "part_liste_en_sus", "base_penalite", "date_evaluation"}) {
        if (lieu == concat("rapport.", champ)) return std::string{champ};
    }
    // "rapport.l162_30_4.<field>" is column "l162_30_4_<field>" (champs_l162_30_4).
    if (lieu.starts_with("rapport.l162_30_4.")) return concat("l162_30_4_", lieu.substr(18));
    if (activites && (lieu == "rapport.activites_etablissement" || lieu == "etablissement.activites_exercees"))
        return "activites";
    // "rapport.economies (volet_socle)" or "rapport.economies[0] (volet_socle)": the volet named.
    const std::size_t ouvre = lieu.rfind('(');
    if (!lieu.starts_with("rapport.economies") || ouvre == std::string_view::npos || !lieu.ends_with(")")) return {};
    std::string_view volet = lieu.substr(ouvre + 1, lieu.size() - ouvre - 2);
    if (volet.starts_with("volet_")) volet.remove_prefix(6);
    return concat("economies_", volet);
}

// The indicator, and the measure of it, that a violation of `validate(m, ...)` about the report's
// values is about, as it names them: an entry of the report ("rapport.valeurs[3] (T1)":
// CAQES-E060 for a volet out of its term), or the template's indicator (`texte(m,
// lieu_modele)`: "volets[0] (volet_socle).grille[1] (id 2, P1)": CAQES-E012, with the exercise
// in its detail), then "." and the measure ("....taux": CAQES-E035). `mesure` is empty when the
// violation is about the indicator as a whole. Nothing for any other violation: the template's
// and the instance's own E012 (an indicator not in force on a start day, no detail) name an
// indicator too, but no value of the report gave them. The template's indicators are matched as
// `texte` names them, so a code may hold any character. The CSV reader locates the violation at
// the row that gave the value, JSON Lines at its member of /valeurs.
struct indicateur_nomme {
    std::string_view code;
    std::string_view mesure;
};
[[nodiscard]] inline std::optional<indicateur_nomme> indicateur_de_violation(const modele_contrat_def& m,
                                                                             const violation& x) {
    const bool valeurs = x.id == regle::indicateur_non_applicable || x.id == regle::volet_hors_terme ||
                         (x.id == regle::indicateur_hors_validite && !x.detail.empty());
    if (!valeurs) return std::nullopt;
    const std::string_view lieu = x.lieu;
    if (lieu.starts_with("rapport.valeurs[")) {
        // "rapport.valeurs[" digits "] (" code ")": the code is all that lies between.
        const std::size_t fin_indice = lieu.find("] (");
        if (fin_indice == std::string_view::npos || !lieu.ends_with(')')) return std::nullopt;
        return indicateur_nomme{lieu.substr(fin_indice + 3, lieu.size() - fin_indice - 4), {}};
    }
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (std::size_t ii = 0; ii < m.volets[iv].grille.size(); ++ii) {
            const std::string nom = texte(m, lieu_modele{static_cast<int>(iv), static_cast<int>(ii)});
            if (!lieu.starts_with(nom)) continue;
            const std::string_view code = m.volets[iv].grille[ii].code;
            if (lieu.size() == nom.size()) return indicateur_nomme{code, {}};
            if (lieu.size() > nom.size() + 1 && lieu[nom.size()] == '.')
                return indicateur_nomme{code, lieu.substr(nom.size() + 1)};
        }
    }
    return std::nullopt;
}

// The template's indicators in report order, looked up by code, with the place of each of
// their measures among the template's (`groupe::mesures`).
struct repere {
    const indicateur* ind{nullptr};
    std::size_t k{0};
    std::size_t volet{0};  // index of its volet in the template
    std::array<std::size_t, mesures_max> place{};
    // No other indicator of the template has its code (CAQES-E033 refuses a template where one
    // does): a row naming it names this one, so a lookup may stop there (`chercher_repere`).
    bool seul{true};
};

[[nodiscard]] inline std::vector<repere> reperes(const modele_contrat_def& m) {
    std::vector<repere> r;
    std::size_t places = 0;
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (const auto& ind : m.volets[iv].grille) {
            repere& x = r.emplace_back(repere{&ind, r.size(), iv, {}});
            for (std::size_t jm = 0; jm < mesures_max; ++jm)
                x.place[jm] = ind.mesures[jm].vide() ? absent : places++;
        }
    }
    for (repere& x : r) {
        for (const repere& y : r)
            x.seul = x.seul && (&x == &y || x.ind->code != y.ind->code);
    }
    return r;
}

// The indicator a row names: the last of `index` with that code, as a scan from the start finds
// it, or null. The files list an indicator's rows together and the indicators in template order,
// so the previous row's indicator (`avant`), then the one after it, are tried first: a code
// found there that no other indicator has is the one the scan would find, without comparing the
// row's code to every indicator's on every row.
[[nodiscard]] inline const repere* chercher_repere(std::span<const repere> index, std::string_view code,
                                                   const repere* avant) noexcept {
    if (avant != nullptr) {
        for (std::size_t k = avant->k; k < index.size() && k <= avant->k + 1; ++k) {
            if (index[k].seul && meme_code(index[k].ind->code, code)) return &index[k];
        }
    }
    const repere* trouve = nullptr;
    for (const auto& x : index) {
        if (meme_code(x.ind->code, code)) trouve = &x;
    }
    return trouve;
}

// The row of values, and its field, where a violation of `validate` about an indicator of
// group `g` is located (`indicateur_de_violation`): the row that gave the measure it names, at its
// `valeur`; for the indicator as a whole, the first row that gave one of its measures, at its
// `indicateur`. Nothing when no row gave it (a value missing, CAQES-E012 without its rows).
[[nodiscard]] inline std::optional<std::pair<std::size_t, std::string_view>> ligne_de_valeur(
    std::span<const repere> index, const groupe& g, const std::optional<indicateur_nomme>& n) {
    if (!n) return std::nullopt;
    const repere* x = chercher_repere(index, n->code, nullptr);
    if (x == nullptr) return std::nullopt;
    std::size_t premiere = 0;
    for (std::size_t jm = 0; jm < mesures_max; ++jm) {
        if (x->place[jm] == absent || x->place[jm] >= g.mesures.size()) continue;
        const std::size_t ligne = g.mesures[x->place[jm]].ligne;
        if (ligne == 0) continue;
        if (!n->mesure.empty() && meme_code(x->ind->mesures[jm].code, n->mesure))
            return std::pair<std::size_t, std::string_view>{ligne, "valeur"};
        if (premiere == 0 || ligne < premiere) premiere = ligne;
    }
    if (premiere == 0 || !n->mesure.empty()) return std::nullopt;
    return std::pair<std::size_t, std::string_view>{premiere, "indicateur"};
}

// The measures of a template: S in B (`octets_groupe`).
[[nodiscard]] inline std::size_t nombre_mesures(std::span<const repere> index) noexcept {
    std::size_t n = 0;
    for (const repere& x : index) {
        for (const std::size_t p : x.place)
            n += p != absent ? 1U : 0U;
    }
    return n;
}

// Which template volets an establishment-year reports on: all of them without a contract;
// with one, those whose effective term covers the exercise under the partial-year policy
// (D.162-16 II), the same coverage `validate` computes.
[[nodiscard]] inline std::array<bool, volets_max> volets_couverts(const modele_contrat_def& m,
                                                                  const contrat_instance* c, int exercice,
                                                                  politique_annee_partielle politique) {
    std::array<bool, volets_max> couverts{};
    couverts.fill(true);
    if (c == nullptr) return couverts;
    const std::vector<volet_modele> volets = volets_du_contrat(m, *c);
    for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
        couverts[iv] = couvrir(terme_du_volet(m, volets[iv], c->debut_effet).dates, exercice, politique).evalue;
    }
    return couverts;
}

// A cell refused by one of the per-row checks below, which read cell texts wherever they come
// from (a CSV row, a JSON Lines member): the rule, which cell (the check's own order), why.
struct refus_cellule {
    regle r{regle::aucune};
    std::size_t cellule{0};
    std::string detail;
};

// The rate and duration of a volet's decision (cells 0 and 1: a percentage; whole months, 1 to
// 1200): both or neither, and only beside a decision (`decidee`). `nature_decision` names where
// the decision is given, for the message. Sets `out` when both are given and valid.
[[nodiscard]] inline std::optional<refus_cellule> verifier_taux_duree(std::string_view taux, std::string_view duree,
                                                                      dialect d, bool decidee,
                                                                      std::string_view nature_decision,
                                                                      std::optional<std::pair<fraction, int>>& out) {
    if (taux.empty() && duree.empty()) return std::nullopt;
    if (taux.empty() != duree.empty()) {
        return refus_cellule{regle::decision_hors_issues, taux.empty() ? 0U : 1U,
                             "a decision set as a rate gives its rate and its duration in months, both"};
    }
    if (!decidee) {
        return refus_cellule{
            regle::decision_hors_issues, 0,
            concat("a rate and a duration belong to a decision: give its nature and amount in ", nature_decision)};
    }
    const parsed<fraction> f = parse_percent(taux, d);
    if (!f.ok()) return refus_cellule{f.rule, 0, f.error};
    const parsed<std::int64_t> n = parse_integer(duree, d);
    if (!n.ok()) return refus_cellule{n.rule, 1, n.error};
    if (n.value < 1 || n.value > 1200) {
        return refus_cellule{regle::valeur_hors_domaine, 1,
                             concat(std::to_string(n.value), " is not a duration in months (1 to 1200)")};
    }
    out = std::pair<fraction, int>{f.value, static_cast<int>(n.value)};
    return std::nullopt;
}

// The rate and duration of a volet's decision (`taux_<volet>`, `duree_<volet>`), by
// `verifier_taux_duree`. Fills the decision just read (the last of `decisions`) when
// `decidee`. Returns false when the row was rejected.
template <class R>
bool lire_taux_duree(journal& j, const R& r, const entete& e, dialect d, volet_id v, bool decidee,
                     std::vector<decision_volet>& decisions) {
    const std::string col_taux = concat("taux_", nom_colonne(v));
    const std::string col_duree = concat("duree_", nom_colonne(v));
    std::optional<std::pair<fraction, int>> lu;
    if (const std::optional<refus_cellule> refus =
            verifier_taux_duree(trim(r.fields[e.colonne(col_taux)]), trim(r.fields[e.colonne(col_duree)]), d, decidee,
                                concat("nature_", nom_colonne(v), " and decision_", nom_colonne(v)), lu)) {
        j.rejeter(refus->r, refus->cellule == 0 ? col_taux : col_duree, refus->detail);
        return false;
    }
    if (!lu) return true;
    if (decisions.empty() || decisions.back().volet != v) return false;  // the decision was rejected: already reported
    decisions.back().taux = lu->first;
    decisions.back().duree_mois = lu->second;
    return true;
}

// The L.162-30-4 data of the second-generation pertinence volet, in the order of
// `donnees_l162_30_4`: all six given, or none.
inline constexpr std::array<std::string_view, 6> colonnes_l162_30_4{"l162_30_4_saisine",
                                                                    "l162_30_4_actes_realises",
                                                                    "l162_30_4_actes_cible",
                                                                    "l162_30_4_actes_annee_precedente",
                                                                    "l162_30_4_tarif_national_moyen",
                                                                    "l162_30_4_part_liste_en_sus"};

// The six L.162-30-4 cells, in the order of `colonnes_l162_30_4`: all empty (no such data, `out`
// left empty) or all given, each of its kind.
[[nodiscard]] inline std::optional<refus_cellule> verifier_l162_30_4(
    const std::array<std::string_view, colonnes_l162_30_4.size()>& cellules, dialect d,
    std::optional<donnees_l162_30_4>& out) {
    std::size_t donnees = 0;
    for (const std::string_view c : cellules)
        donnees += c.empty() ? 0U : 1U;
    if (donnees == 0) return std::nullopt;
    for (std::size_t i = 0; i < cellules.size(); ++i) {
        if (cellules[i].empty()) {
            return refus_cellule{regle::indicateur_absent, i,
                                 "the L.162-30-4 data is given in part: give its six values, or none"};
        }
    }
    donnees_l162_30_4 x{};
    const parsed<ymd> saisine = parse_date(cellules[0]);
    if (!saisine.ok()) return refus_cellule{saisine.rule, 0, saisine.error};
    x.saisine = saisine.value;
    std::int64_t* actes[] = {&x.actes_realises, &x.actes_cible, &x.actes_annee_precedente};
    for (std::size_t i = 0; i < 3; ++i) {
        const parsed<std::int64_t> n = parse_integer(cellules[1 + i], d);
        if (!n.ok()) return refus_cellule{n.rule, 1 + i, n.error};
        *actes[i] = n.value;
    }
    centimes* montants[] = {&x.tarif_national_moyen, &x.part_liste_en_sus};
    for (std::size_t i = 0; i < 2; ++i) {
        const parsed<centimes> c = parse_centimes(cellules[4 + i], d);
        if (!c.ok()) return refus_cellule{c.rule, 4 + i, c.error};
        *montants[i] = c.value;
    }
    // The domain is validation's (CAQES-E028), stated once; the cells are in the fields' order.
    if (const std::optional<std::size_t> champ = regles::champ_l162_30_4_hors_domaine(x))
        return refus_cellule{regle::valeur_hors_domaine, *champ, regles::pourquoi_l162_30_4_hors_domaine(x, *champ)};
    out = x;
    return std::nullopt;
}

// The six `l162_30_4_*` cells of a row, by `verifier_l162_30_4`. Returns false when the row
// was rejected.
template <class R>
bool lire_l162_30_4(journal& j, const R& r, const entete& e, dialect d, std::optional<donnees_l162_30_4>& out) {
    std::array<std::string_view, colonnes_l162_30_4.size()> cellules{};
    for (std::size_t i = 0; i < cellules.size(); ++i)
        cellules[i] = trim(r.fields[e.colonne(colonnes_l162_30_4[i])]);
    if (const std::optional<refus_cellule> refus = verifier_l162_30_4(cellules, d, out)) {
        j.rejeter(refus->r, colonnes_l162_30_4[refus->cellule], refus->detail);
        return false;
    }
    return true;
}

// The words of the `activites` column (L.162-22 1 to 4), joined by '+': "mco+psychiatrie".
struct activite_ecrite {
    std::string_view mot;
    activites a;
};
inline constexpr std::array<activite_ecrite, 4> activites_ecrites{
    {{"mco", activite_mco}, {"psychiatrie", activite_psychiatrie}, {"usld", activite_usld}, {"smr", activite_smr}}};

// An empty cell is the empty set, which validation rejects (CAQES-E024) at this column.
[[nodiscard]] inline parsed<activites> parse_activites(std::string_view cellule) {
    activites a{};
    std::string_view reste = trim(cellule);
    while (!reste.empty()) {
        const std::size_t plus = reste.find('+');
        const std::string_view mot = trim(reste.substr(0, plus));
        bool connu = false;
        for (const activite_ecrite& x : activites_ecrites) {
            if (equal_ci(mot, x.mot)) {
                a = a | x.a;
                connu = true;
            }
        }
        if (!connu)
            return {{}, concat(quoted_field(mot), " is not an activity: mco, psychiatrie, usld or smr, joined by '+'")};
        reste = plus == std::string_view::npos ? std::string_view{} : reste.substr(plus + 1);
        if (plus != std::string_view::npos && trim(reste).empty())
            return {{}, "an activity is missing after the last '+'"};
    }
    return {a, {}};
}

// A file past the maximum of establishment-years (options_lecture::etablissements_annees_max):
// the row that goes past it, and the rows from it on, which are counted rejected, unread.
struct au_dela {
    std::size_t ligne{0};
    std::string qui;
    std::size_t lignes{0};
    std::size_t derniere{0};

    void compter(journal& j) {
        j.rejeter();
        ++lignes;
        derniere = j.ligne();
    }
    // The violation, once the rows it covers are known; the file is marked unusable.
    void signaler(journal& j, reconciliation& rec, std::size_t max, std::string_view quoi) {
        rec.unusable = j.signaler(
            regle::fichier_inutilisable, ligne, "finess",
            concat(qui, " is ", quoi, " number ", std::to_string(max + 1), ", past the maximum of ",
                   std::to_string(max), " held at once (options_lecture::etablissements_annees_max); this row and the ",
                   std::to_string(lignes - 1), " after it (to line ", std::to_string(derniere),
                   ") are rejected unread: split the file, or raise the maximum if the memory allows"));
    }
    // The same past the values file's maximum of lines.
    void signaler_lignes(journal& j, reconciliation& rec, std::size_t max) {
        rec.unusable = j.signaler(
            regle::fichier_inutilisable, ligne, "finess",
            concat("line ", std::to_string(ligne), " is past the maximum of ", std::to_string(max),
                   " lines of a values file (options_lecture::lignes_valeurs_max: the establishment-year held keeps "
                   "its line numbers in 32 bits); this row and the ",
                   std::to_string(lignes - 1), " after it (to line ", std::to_string(derniere),
                   ") are rejected unread: split the file"));
    }
};

// The record loop every file shares: each data row of `f` counted read (`j.ligne`) and handed
// to `ligne(r)`, then the violations handed over (`vider`); once a maximum stopped the file
// (`trop`), the rows after it are counted rejected, unread.
template <class Ligne, class Vider>
void lire_lignes(fichier_lu& f, journal& j, std::optional<au_dela>& trop, Ligne&& ligne, Vider&& vider) {
    record_view r{};
    while (f.lecteur->next(r)) {
        j.ligne(r.line);
        if (trop) {
            trop->compter(j);
            continue;
        }
        ligne(std::as_const(r));
        vider();
    }
}

// After the rows of the establishments or contracts file: past the maximum (`trop`) or cut by a
// read error, the `gardees` rows kept so far and not rejected on their own go down with the
// file, and the violation past the maximum is reported. Returns true when the caller drops its
// index: an establishment-year is never decided against a file known incomplete.
inline bool abandonner(const fichier_lu& f, journal& j, reconciliation& rec, std::optional<au_dela>& trop,
                       std::size_t gardees, std::size_t max, std::string_view quoi) {
    const bool coupe = interrompu(f, j, rec);
    if (!trop && !coupe) return false;
    j.rejeter_lignes(gardees);
    if (trop) trop->signaler(j, rec, max, quoi);
    return true;
}

// One row of the establishments file: its cells parsed, then kept in the index (rejected rows
// too, so that their establishment-year says why it has no row).
struct colonnes_volet {
    std::string economies, decision, nature;
    std::size_t c_economies, c_decision, c_nature;
};

// CAQES-E040: the control total of the decided amounts of the establishment-years a file's batch
// accepted so far, in the CSV reader and the JSON Lines one alike. Decisions are not negative,
// so every sum of accepted ones (an establishment's, a batch's) is at most this total, which
// therefore must fit: an establishment-year whose decisions would take it past 64-bit cents is
// refused, at the decision that crosses, when it is about to be accepted. Only accepted ones
// count: a rejected row's amount, however absurd, never refuses a valid one after it.
struct total_decisions_acceptees {
    centimes total{};
    std::size_t nombre{0};

    // Adds the decisions of an establishment-year that validation accepted; when their sum would
    // leave 64-bit cents, adds none of them and gives the violation, located at the decision
    // that crosses as validation locates a decision ("rapport.decisions[i] (volet_x).montant",
    // which each reader maps to its column or member, naming the establishment-year before it).
    [[nodiscard]] std::optional<violation> accepter(std::span<const decision_volet> decisions) {
        centimes somme = total;
        for (std::size_t i = 0; i < decisions.size(); ++i) {
            const montant_calcule s = additionner(somme, decisions[i].montant);
            if (s.ok) {
                somme = s.valeur;
                continue;
            }
            // What was accepted before, then what this establishment-year adds before the
            // decision that crosses (none of it is kept; somme >= total >= 0, so it fits).
            const centimes propres{somme.valeur - total.valeur};
            return violation{
                regle::depassement_capacite,
                concat("rapport.decisions[", std::to_string(i), "] (", traits(decisions[i].volet).nom, ").montant"),
                concat(texte_euros(decisions[i].montant),
                       " EUR brings the total of the accepted decisions past 92233720368547758.07 EUR (64-bit cents): ",
                       std::to_string(nombre),
                       nombre == 1 ? " decision accepted before it totals " : " decisions accepted before it total ",
                       texte_euros(total), " EUR",
                       i == 0 ? std::string{}
                              : concat(", and this establishment-year's ", std::to_string(i), " before it ",
                                       texte_euros(propres), " EUR"),
                       "; no total of the decisions could be exact")};
        }
        total = somme;
        nombre += decisions.size();
        return std::nullopt;
    }

    // What refuses an establishment-year that validation gave `v` for: validation's violations,
    // or, for one it accepted, the control total's (accepter); none when it is accepted, its
    // decisions then added. The span lives until the next call.
    [[nodiscard]] std::span<const violation> refus(const resultat_validation<rapport_valide>& v,
                                                   std::span<const decision_volet> decisions) {
        if (!v) return v.erreurs();
        depasse_ = accepter(decisions);
        return depasse_ ? std::span<const violation>{&*depasse_, 1} : std::span<const violation>{};
    }

  private:
    std::optional<violation> depasse_;
};

// The nature a decision's word names, in any case, blanks aside (docs/input-format.md: words are
// read without regard to case), as both readers read it, the CSV cell and the JSON Lines string
// alike; null for a word that names none.
[[nodiscard]] inline const nature_ecrite* nature_du_mot(std::string_view texte) noexcept {
    const std::string_view mot = trim(texte);
    for (const nature_ecrite& n : natures_decision) {
        if (equal_ci(mot, n.mot)) return &n;
    }
    return nullptr;
}

// Returns false when the row was rejected without a usable key (its shape, its finess or its
// exercice): no establishment-year can name it, and the values of its own say "no row", with
// the file's count of such rows.
[[nodiscard]] inline bool lire_etablissement(const modele_contrat_def& m, journal& j, const record_view& r,
                                             const entete& e, dialect dl, std::string_view tete,
                                             const std::vector<colonnes_volet>& cv, bool activites_donnees,
                                             bool avec_taux, bool avec_l162, index_cles<etablissement_lu>& etabs,
                                             std::size_t max, std::optional<au_dela>& trop) {
    if (!forme_valide(j, r, e, dl, tete)) return false;
    const std::optional<cle> k = lire_cle(j, r, e, m);
    bool ok = k.has_value();
    if (k) j.nommer(concat(k->finess, " ", std::to_string(k->exercice)));

    rapport_annuel d{};
    std::array<std::optional<centimes>, volets_max> economies{};
    std::vector<decision_volet> decisions;
    const parsed<std::int64_t> annee = parse_year(r.fields[e.colonne("annee_contrat")]);
    if (!annee.ok()) {
        j.rejeter(annee.rule, "annee_contrat", annee.error);
        ok = false;
    } else if (annee.value < 1 || annee.value > 99) {
        j.rejeter(regle::valeur_hors_domaine, "annee_contrat",
                  concat(std::to_string(annee.value), " is not a contract year (1 for the first)"));
        ok = false;
    } else {
        d.annee_contrat = static_cast<int>(annee.value);
    }
    const parsed<centimes> produits = parse_centimes(r.fields[e.colonne("produits_assurance_maladie")], dl);
    if (!produits.ok()) {
        j.rejeter(produits.rule, "produits_assurance_maladie", produits.error);
        ok = false;
    } else if (produits.value < centimes{0}) {
        j.rejeter(
            regle::valeur_hors_domaine, "produits_assurance_maladie",
            concat(texte(type_mesure::montant, entier(produits.value.valeur)), ": the revenue base is not negative"));
        ok = false;
    } else {
        d.produits_assurance_maladie = produits.value;
    }
    // The year of the "dernier exercice clos" the revenue base comes from; empty: not given.
    if (const std::string_view an = trim(r.fields[e.colonne("annee_produits")]); !an.empty()) {
        const parsed<std::int64_t> a = parse_year(an);
        if (!a.ok()) {
            j.rejeter(a.rule, "annee_produits", a.error);
            ok = false;
        } else if (a.value < 1900 || a.value > 9999) {
            j.rejeter(regle::texte_invalide, "annee_produits", concat(std::to_string(a.value), " is not a year"));
            ok = false;
        } else {
            d.annee_produits = static_cast<int>(a.value);
        }
    }
    // The day of the evaluation (rapport_annuel::date_evaluation): what the L.162-30-4 deadline
    // and the version policy `date_evaluation` read; an absent column or an empty cell: not given
    // (validation says where one is needed, CAQES-E067).
    if (const std::size_t c = e.colonne("date_evaluation"); c != absent) {
        if (const std::string_view cellule = trim(r.fields[c]); !cellule.empty()) {
            const parsed<ymd> jour = parse_date(cellule);
            if (!jour.ok()) {
                j.rejeter(jour.rule, "date_evaluation", jour.error);
                ok = false;
            } else {
                d.date_evaluation = jour.value;
            }
        }
    }
    // The bases of the establishment's own two outcomes are measured on (rapport_annuel), in
    // euros; an absent column or an empty cell: not given (validation says where one is needed,
    // CAQES-E066).
    for (const auto& [colonne, base] : {std::pair{std::string_view{"part_liste_en_sus"}, &d.part_liste_en_sus},
                                        std::pair{std::string_view{"base_penalite"}, &d.base_penalite}}) {
        const std::size_t c = e.colonne(colonne);
        const std::string_view cellule = c == absent ? std::string_view{} : trim(r.fields[c]);
        if (cellule.empty()) continue;
        const parsed<centimes> b = parse_centimes(cellule, dl);
        if (!b.ok()) {
            j.rejeter(b.rule, colonne, b.error);
            ok = false;
        } else if (b.value < centimes{0}) {
            j.rejeter(regle::valeur_hors_domaine, colonne, regles::pourquoi_base_negative(b.value));
            ok = false;
        } else {
            *base = b.value;
        }
    }
    if (activites_donnees) {
        const parsed<activites> a = parse_activites(r.fields[e.colonne("activites")]);
        if (a.ok()) {
            d.activites_etablissement = a.value;
        } else {
            j.rejeter(a.rule, "activites", a.error);
            ok = false;
        }
    }
    if (avec_l162 && !lire_l162_30_4(j, r, e, dl, d.l162_30_4)) ok = false;
    for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
        // Savings are signed; an empty cell is *non renseigne* (no savings entry, never 0),
        // an empty decision none recorded.
        const std::string& col_eco = cv[iv].economies;
        const std::string_view eco = trim(r.fields[cv[iv].c_economies]);
        if (!eco.empty()) {
            const parsed<centimes> c = parse_centimes(eco, dl);
            if (c.ok()) {
                economies[iv] = c.value;
            } else {
                j.rejeter(c.rule, col_eco, c.error);
                ok = false;
            }
        }
        const std::string& col_dec = cv[iv].decision;
        const std::string& col_nat = cv[iv].nature;
        const std::string_view dec = trim(r.fields[cv[iv].c_decision]);
        const std::string_view nat = trim(r.fields[cv[iv].c_nature]);
        const nature_ecrite* lue = nature_du_mot(nat);  // none for an empty cell
        const std::optional<issue_legale> nature = lue != nullptr ? lue->nature : std::nullopt;
        if (!nat.empty() && lue == nullptr) {
            j.rejeter(regle::decision_hors_issues, col_nat, pas_une_nature(quoted_field(nat)));
            ok = false;
        } else if (nat.empty() != dec.empty()) {
            j.rejeter(regle::decision_hors_issues, nat.empty() ? col_nat : col_dec,
                      "a decision has both its amount and its nature (\"aucune\" with 0 when the ARS decided neither)");
            ok = false;
        }
        if (!dec.empty()) {
            const parsed<centimes> c = parse_centimes(dec, dl);
            if (!c.ok()) {
                j.rejeter(c.rule, col_dec, c.error);
                ok = false;
            } else if (c.value < centimes{0}) {
                j.rejeter(
                    regle::valeur_hors_domaine, col_dec,
                    concat(texte(type_mesure::montant, entier(c.value.valeur)), ": a decided amount is not negative"));
                ok = false;
            } else {
                decisions.push_back({.volet = m.volets[iv].volet, .nature = nature, .montant = c.value});
            }
        }
        // A decision the law sets as a rate for a limited duration (L.162-30-4, the 2017
        // liste en sus cut) gives them beside its nature; the amount is the user's estimate.
        if (avec_taux && !lire_taux_duree(j, r, e, dl, m.volets[iv].volet, !dec.empty(), decisions)) ok = false;
    }
    if (!k) return false;
    d.exercice = k->exercice;
    if (const etablissement_lu* deja = etabs.trouver(k->code)) {
        j.rejeter(regle::texte_invalide, "finess", concat("duplicate of line ", std::to_string(deja->ligne)));
        return true;
    }
    if (etabs.size() >= max) {
        trop = au_dela{r.line, concat(k->finess, " ", std::to_string(k->exercice)), 0, 0};
        trop->compter(j);
        return true;
    }
    etabs.ajouter(etablissement_lu{k->code, r.line, ok, false, d, economies, std::move(decisions)});
    return true;
}

// The establishments file, read row by row: each row parsed into the index, where its
// establishment-year of the values file finds it. `vider` hands the violations over after
// each row.
template <class Vider>
void lire_etablissements(const modele_contrat_def& m, const source& src, const options_lecture& o, violations& out,
                         const std::size_t& emis, reconciliation& rec, index_cles<etablissement_lu>& etabs,
                         bool& activites_donnees, std::vector<std::string>& colonnes, std::size_t& sans_cle,
                         Vider&& vider) {
    journal j{src.name, out, rec, emis};

    std::vector<std::string> attendues{"finess", "exercice", "annee_contrat", "produits_assurance_maladie",
                                       "annee_produits"};
    for (const auto& v : m.volets)
        attendues.push_back(concat("economies_", nom_colonne(v.volet)));
    for (const auto& v : m.volets)
        attendues.push_back(concat("decision_", nom_colonne(v.volet)));
    for (const auto& v : m.volets)
        attendues.push_back(concat("nature_", nom_colonne(v.volet)));
    std::vector<std::string> taux_durees;
    for (const auto& v : m.volets) {
        taux_durees.push_back(concat("taux_", nom_colonne(v.volet)));
        taux_durees.push_back(concat("duree_", nom_colonne(v.volet)));
    }
    const std::vector<std::vector<std::string>> optionnelles{
        {"activites"},         taux_durees,       {colonnes_l162_30_4.begin(), colonnes_l162_30_4.end()},
        {"part_liste_en_sus"}, {"base_penalite"}, {"date_evaluation"}};
    fichier_lu f{};
    ouvrir(f, src, o, rec, attendues, optionnelles);
    const entete& e = f.e;
    if (!e.erreur.empty()) {
        refuser(f, j, rec);
        return vider();
    }
    std::vector<colonnes_volet> cv;
    for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
        colonnes_volet c{concat("economies_", nom_colonne(m.volets[iv].volet)),
                         concat("decision_", nom_colonne(m.volets[iv].volet)),
                         concat("nature_", nom_colonne(m.volets[iv].volet)),
                         0,
                         0,
                         0};
        c.c_economies = e.colonne(c.economies);
        c.c_decision = e.colonne(c.decision);
        c.c_nature = e.colonne(c.nature);
        cv.push_back(std::move(c));
    }
    activites_donnees = e.colonne("activites") != absent;
    colonnes = e.noms;
    const bool avec_taux = e.colonne(taux_durees.front()) != absent;
    const bool avec_l162 = e.colonne(colonnes_l162_30_4.front()) != absent;

    const dialect dl = f.d;
    // One entry per row, reserved from the file's line count (the first pass): the index never
    // moves, and costs sizeof(etablissement_lu) per row (docs/input-format.md, "Memory").
    etabs.reserver(std::min(f.apercu.lines, o.etablissements_annees_max));
    std::optional<au_dela> trop{};
    lire_lignes(
        f, j, trop,
        [&](const record_view& r) {
            if (!lire_etablissement(m, j, r, e, dl, f.apercu.head, cv, activites_donnees, avec_taux, avec_l162, etabs,
                                    o.etablissements_annees_max, trop))
                ++sans_cle;
        },
        vider);
    // What follows is about the file, not its last row.
    j.nommer({});
    // Those rejected on their own were counted already.
    const std::vector<etablissement_lu>& gardees = etabs.entrees();
    if (abandonner(f, j, rec, trop,
                   static_cast<std::size_t>(std::count_if(gardees.begin(), gardees.end(),
                                                          [](const etablissement_lu& x) { return x.accepte; })),
                   o.etablissements_annees_max, "establishments row"))
        etabs.clear();
    sans_ligne(f, j, rec);
    fermer(f, rec);
    vider();
}

// One contract as the contracts file gives it: its instance (activities come from each
// year's row of the establishments file), and which of its establishment-years were kept.
struct contrat_lu {
    std::size_t ligne{0};
    bool accepte{false};
    contrat_instance instance{};
    bool rejete{false};   // an establishment-year of it was rejected, which reported the row with it
    bool utilise{false};  // an establishment-year of it was accepted
};

// The column of the contracts file a violation of `validate(m, instance)` is about.
[[nodiscard]] inline std::string colonne_contrat(const modele_contrat_def& m, const violation& v,
                                                 const contrat_instance& c) {
    const std::string_view lieu = v.lieu;
    if (lieu == "parties") {
        if (c.parties.ars.empty()) return "ars";
        if (c.parties.organisme_local.empty()) return "organisme_local";
        return "representant_legal";
    }
    if (lieu.starts_with("etablissement.finess")) return "finess";
    for (const std::string_view champ : {"reception_proposition", "signature", "debut_effet"}) {
        if (lieu == champ) return std::string{champ};
    }
    if (const auto i = indice_lieu(lieu, "avenants["); i && *i < c.avenants.size() && c.avenants[*i].volet_du_modele) {
        return concat("avenant_", nom_colonne(*c.avenants[*i].volet_du_modele));
    }
    // A template rule re-applied with the contract's dates (validate(m, c)): about a volet an
    // avenant brought in, at that avenant's column; else at the contract's start.
    if (const auto i = indice_lieu(lieu, "volets["); i && *i < m.volets.size()) {
        for (const avenant& a : c.avenants) {
            if (a.volet_du_modele == m.volets[*i].volet) return concat("avenant_", nom_colonne(*a.volet_du_modele));
        }
    }
    return "debut_effet";
}

// The contracts file: one row per FINESS. Each row is checked by `validate(m, instance)` with
// the template's scope as activities (each year's activities are checked with its report).
// Returns false when the row was rejected without a usable FINESS (lire_etablissement).
[[nodiscard]] inline bool lire_contrat(const modele_contrat_def& m, journal& j, const record_view& r, const entete& e,
                                       dialect dl, std::string_view tete,
                                       std::map<std::string, contrat_lu, std::less<>>& contrats, std::size_t max,
                                       std::optional<au_dela>& trop) {
    if (!forme_valide(j, r, e, dl, tete)) return false;
    bool ok = true;
    const std::string_view finess = trim(r.fields[e.colonne("finess")]);
    if (!finess_valide(j, finess)) return false;
    contrat_instance c{};
    c.etab.finess_ej = std::string{finess};
    c.etab.activites_exercees = m.perimetre;
    c.parties = {std::string{trim(r.fields[e.colonne("ars")])},
                 std::string{trim(r.fields[e.colonne("organisme_local")])},
                 std::string{trim(r.fields[e.colonne("representant_legal")])}};
    for (const auto& [champ, date] :
         {std::pair<std::string_view, ymd*>{"reception_proposition", &c.reception_proposition},
          {"signature", &c.signature},
          {"debut_effet", &c.debut_effet}}) {
        const parsed<ymd> d = parse_date(r.fields[e.colonne(champ)]);
        if (d.ok()) {
            *date = d.value;
        } else {
            j.rejeter(d.rule, champ, d.error);
            ok = false;
        }
    }
    for (const auto& v : m.volets) {
        const std::string col = concat("avenant_", nom_colonne(v.volet));
        const std::string_view cellule = trim(r.fields[e.colonne(col)]);
        if (cellule.empty()) continue;  // in the contract from its start
        const parsed<ymd> d = parse_date(cellule);
        if (d.ok()) {
            c.avenants.push_back({.signature = d.value, .volet_du_modele = v.volet});
        } else {
            j.rejeter(d.rule, col, d.error);
            ok = false;
        }
    }
    if (ok) {
        for (const violation& x : validate(m, c)) {
            j.rejeter(x.id, colonne_contrat(m, x, c),
                      concat(finess, ": ", x.lieu, ": ", x.detail.empty() ? std::string{fiche(x.id).titre} : x.detail));
            ok = false;
        }
    }
    if (const auto deja = contrats.find(finess); deja != contrats.end()) {
        j.rejeter(regle::texte_invalide, "finess",
                  concat("duplicate of line ", std::to_string(deja->second.ligne), " for ", finess));
        return true;
    }
    if (contrats.size() >= max) {
        trop = au_dela{r.line, std::string{finess}, 0, 0};
        trop->compter(j);
        return true;
    }
    contrats.emplace(std::string{finess}, contrat_lu{r.line, ok, std::move(c), false, false});
    return true;
}

// The contracts file: each row parsed into `contrats`, by FINESS.
template <class Vider>
void lire_contrats(const modele_contrat_def& m, const source& src, const options_lecture& o, violations& out,
                   const std::size_t& emis, reconciliation& rec,
                   std::map<std::string, contrat_lu, std::less<>>& contrats, std::size_t& sans_cle, Vider&& vider) {
    journal j{src.name, out, rec, emis};

    std::vector<std::string> attendues{
        "finess", "ars", "organisme_local", "representant_legal", "reception_proposition", "signature", "debut_effet"};
    for (const auto& v : m.volets)
        attendues.push_back(concat("avenant_", nom_colonne(v.volet)));
    fichier_lu f{};
    ouvrir(f, src, o, rec, attendues);
    const entete& e = f.e;
    if (!e.erreur.empty()) {
        refuser(f, j, rec);
        return vider();
    }
    std::optional<au_dela> trop{};
    lire_lignes(
        f, j, trop,
        [&](const record_view& r) {
            if (!lire_contrat(m, j, r, e, f.d, f.apercu.head, contrats, o.etablissements_annees_max, trop)) ++sans_cle;
        },
        vider);
    if (abandonner(f, j, rec, trop,
                   static_cast<std::size_t>(
                       std::count_if(contrats.begin(), contrats.end(), [](const auto& x) { return x.second.accepte; })),
                   o.etablissements_annees_max, "contract"))
        contrats.clear();
    sans_ligne(f, j, rec);
    fermer(f, rec);
    vider();
}

// One row of the values file, checked on its own: shape, key, indicator, measure and value.
// Every violation is reported at its field; `k` is set when the key is valid, `ind` and `jm`
// when the indicator and measure are known, `v` then holds the value or its error.
struct ligne_valeurs {
    std::optional<cle> k;
    const repere* ind{nullptr};
    std::size_t jm{absent};
    valeur_lue v{};
    std::string_view code;
    std::string_view code_mesure;
    // The key's two fields as the row that gave `k` wrote them. The rows of an establishment-year
    // follow one another, and a row writing the same text has the same key, valid, with no
    // violation: it is not read again.
    std::string finess_ecrit;
    std::string exercice_ecrit;
};

// The values file's columns, found once in its header rather than by name on every row.
struct colonnes_valeurs {
    std::size_t finess{absent};
    std::size_t exercice{absent};
    std::size_t indicateur{absent};
    std::size_t mesure{absent};
    std::size_t valeur{absent};

    [[nodiscard]] static colonnes_valeurs de(const entete& e) noexcept {
        return {e.colonne("finess"), e.colonne("exercice"), e.colonne("indicateur"), e.colonne("mesure"),
                e.colonne("valeur")};
    }
};

inline void lire_ligne_valeurs(const modele_contrat_def& m, journal& j, const record_view& r, const entete& e,
                               dialect dl, std::string_view tete, std::span<const repere> index,
                               const colonnes_valeurs& colonnes, ligne_valeurs& l) {
    const repere* const avant = l.ind;  // the previous row's indicator
    l.ind = nullptr;
    l.jm = absent;
    l.v = {};
    if (!forme_valide(j, r, e, dl, tete)) {
        l.k.reset();
        return;
    }
    const std::string_view finess = r.fields[colonnes.finess];
    const std::string_view exercice = r.fields[colonnes.exercice];
    if (!l.k || finess != l.finess_ecrit || exercice != l.exercice_ecrit) {
        l.k = lire_cle(j, r, e, m);
        if (l.k) {
            l.finess_ecrit.assign(finess);
            l.exercice_ecrit.assign(exercice);
        }
    }
    l.code = trim(r.fields[colonnes.indicateur]);
    l.ind = chercher_repere(index, l.code, avant);
    l.code_mesure = trim(r.fields[colonnes.mesure]);
    if (l.ind == nullptr) {
        j.rejeter(regle::mesure_inconnue, "indicateur",
                  concat("unknown indicator code ", quoted_field(l.code), " in \"", m.nom, "\""));
        return;
    }
    for (std::size_t x = 0; x < mesures_max; ++x) {
        if (!l.ind->ind->mesures[x].vide() && meme_code(l.ind->ind->mesures[x].code, l.code_mesure)) l.jm = x;
    }
    if (l.jm == absent) {
        j.rejeter(regle::mesure_inconnue, "mesure",
                  concat("unknown measure ", quoted_field(l.code_mesure), " of indicator ", l.code));
        return;
    }
    l.v = lire_valeur(r.fields[colonnes.valeur], l.ind->ind->mesures[l.jm].type, dl);
    if (l.v.erreur != regle::aucune)
        j.rejeter(l.v.erreur, "valeur", concat(l.code, ".", l.code_mesure, ": ", l.v.detail));
}

}  // namespace caqes::csv::detail
