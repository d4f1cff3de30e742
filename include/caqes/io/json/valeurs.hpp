#pragma once
// Yearly reports as JSON Lines: one establishment-year per line, holding what the two CSV files
// of the batch input hold for it (docs/input-format.md, "JSON Lines"): the key, the contract
// year, the revenue base and its year, the savings and decisions per volet, and every measure
// of every indicator of the grid. Optional part: target caqes::json, needs nlohmann-json.
//
// Each line is read as the CSV rows are, by the same number parser and value rules
// (csv_number.hpp, csv::detail::lire_valeur) and the same `caqes::validate(def, rapport)`, so
// a line gets the rule ids a CSV row gets; its location is the file, the line and the JSON
// pointer of the offending member: "valeurs.jsonl:12#/valeurs/S01/taux". Numbers are read
// from their text as written (the SAX interface gives a number's lexeme): `55.7` is 557/10,
// never a binary double; an exponent is refused as in CSV. A key given twice in one object is
// refused (CAQES-E071, seen by the SAX handler, where a DOM parser silently keeps the last).
// Every non-empty line ends up accepted or rejected; a rejected line is one establishment-year,
// so nothing is evaluated from partial garbage.
#include <caqes/contrat/modele.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/parametres.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/validation.hpp>
#include <caqes/io/csv_number.hpp>
#include <caqes/io/csv_rapports.hpp>
#include <caqes/io/csv_text.hpp>
#include <caqes/io/json/grille.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <istream>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace caqes::json {

// The reports of a JSON Lines file: accepted establishment-years (`ligne_valeurs` and
// `ligne_etablissement` both give the line), the rejections, and the reconciliation of its
// non-empty lines.
struct lot_jsonl {
    std::vector<csv::rapport_lu> rapports;
    violations rejets;
    csv::reconciliation lignes;
};

// 0 every line accepted, 1 some rejected, 3 no line or none accepted, or the file unusable
// (docs/input-format.md).
[[nodiscard]] inline csv::exit_status status(const csv::reconciliation& l) noexcept {
    if (!l.balanced() || l.unusable || l.accepted == 0) return csv::exit_status::unusable_input;
    return l.rejected > 0 ? csv::exit_status::some_rejected : csv::exit_status::accepted;
}
[[nodiscard]] inline csv::exit_status status(const lot_jsonl& l) noexcept { return status(l.lignes); }

namespace detail {

// A JSON value as the line wrote it: numbers keep their text, so that the exact parsers of the
// CSV reader read them; `nombre` tells a number from a string.
struct valeur_ligne {
    enum class sorte : std::uint8_t { nul, booleen, nombre, chaine, objet, tableau };
    sorte s{sorte::nul};
    std::string texte;                  // a number's lexeme, a string, "true"/"false"
    std::vector<valeur_ligne> membres;  // of an object or array, in order
    std::string cle;                    // its key in the object that holds it

    [[nodiscard]] const valeur_ligne* membre(std::string_view k) const noexcept {
        for (const valeur_ligne& v : membres) {
            if (v.cle == k) return &v;
        }
        return nullptr;
    }
};

// nlohmann's SAX interface: builds the line's value and sees every key as it is read, so a key
// given twice in one object is caught where it is (a DOM would keep the last silently).
class sax_ligne {
  public:
    using json_t = nlohmann::json;
    bool null() { return valeur({valeur_ligne::sorte::nul, "null", {}, {}}); }
    bool boolean(bool b) { return valeur({valeur_ligne::sorte::booleen, b ? "true" : "false", {}, {}}); }
    bool number_integer(json_t::number_integer_t n) {
        return valeur({valeur_ligne::sorte::nombre, std::to_string(n), {}, {}});
    }
    bool number_unsigned(json_t::number_unsigned_t n) {
        return valeur({valeur_ligne::sorte::nombre, std::to_string(n), {}, {}});
    }
    bool number_float(json_t::number_float_t, const json_t::string_t& lexeme) {
        return valeur({valeur_ligne::sorte::nombre, lexeme, {}, {}});
    }
    bool string(json_t::string_t& s) { return valeur({valeur_ligne::sorte::chaine, s, {}, {}}); }
    bool binary(json_t::binary_t&) { return false; }  // the text parser never produces one
    bool start_object(std::size_t) { return ouvrir(valeur_ligne::sorte::objet); }
    bool start_array(std::size_t) { return ouvrir(valeur_ligne::sorte::tableau); }
    // A key given twice is remembered (the first such key of the line) and the line is read on,
    // so that the rejection can name whose line it is (`qui`); the line is rejected whatever
    // follows, and `valeur_ligne::membre` finds a key's first value.
    bool key(json_t::string_t& k) {
        cadre& c = pile_.back();
        if (!c.cles.insert(k).second && doublon_.empty()) doublon_ = concat(pointeur(), "/", segment(k));
        c.cle = k;
        return true;
    }
    bool end_object() { return fermer(); }
    bool end_array() { return fermer(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        // The parser's text quotes the bytes it last read: escaped, as every field of a message is.
        erreur_ = concat("not JSON at byte ", std::to_string(position), ": ", csv::escaped_text(e.what()));
        return false;
    }

    [[nodiscard]] const valeur_ligne& racine() const noexcept { return racine_; }
    [[nodiscard]] const std::string& doublon() const noexcept { return doublon_; }
    [[nodiscard]] const std::string& erreur() const noexcept { return erreur_; }

    // RFC 6901, as the grid reader writes a pointer (grille.hpp).
    [[nodiscard]] static std::string segment(std::string_view k) { return segment_pointeur(k); }

  private:
    struct cadre {
        valeur_ligne v;
        std::set<std::string> cles;
        std::string cle;
    };
    bool valeur(valeur_ligne v) {
        if (pile_.empty()) {
            racine_ = std::move(v);
            return true;
        }
        cadre& c = pile_.back();
        v.cle = c.v.s == valeur_ligne::sorte::objet ? c.cle : std::to_string(c.v.membres.size());
        c.v.membres.push_back(std::move(v));
        return true;
    }
    bool ouvrir(valeur_ligne::sorte s) {
        // Deeper than the format's three levels of objects: not a report line.
        if (pile_.size() >= 8) {
            erreur_ = "nested deeper than a report line (8 levels)";
            return false;
        }
        pile_.push_back({{s, {}, {}, {}}, {}, {}});
        return true;
    }
    bool fermer() {
        valeur_ligne v = std::move(pile_.back().v);
        pile_.pop_back();
        return valeur(std::move(v));
    }
    [[nodiscard]] std::string pointeur() const {
        std::string p;
        for (std::size_t k = 0; k + 1 < pile_.size(); ++k) {
            p += '/';
            p += pile_[k].v.s == valeur_ligne::sorte::objet ? segment(pile_[k].cle)
                                                            : std::to_string(pile_[k].v.membres.size());
        }
        return p;
    }
    std::vector<cadre> pile_;
    valeur_ligne racine_;
    std::string doublon_;
    std::string erreur_;
};

// Reads one line's members; every error is located at its pointer and the line is rejected.
class lecteur_ligne {
  public:
    lecteur_ligne(std::string_view fichier, std::size_t ligne, violations& out)
            : fichier_(fichier), ligne_(ligne), out_(out) {}

    void signaler(regle r, std::string_view ptr, std::string detail) {
        out_.push_back({r, concat(fichier_, ":", std::to_string(ligne_), "#", ptr), std::move(detail)});
        ok_ = false;
    }
    [[nodiscard]] bool ok() const noexcept { return ok_; }

    // A member of an object; a missing required one is reported.
    const valeur_ligne* membre(const valeur_ligne& o, std::string_view ptr, std::string_view cle, bool requis) {
        const valeur_ligne* v = o.membre(cle);
        if (v == nullptr && requis) signaler(regle::texte_invalide, ptr, concat("missing member \"", cle, "\""));
        return v;
    }
    // Members the format does not know are refused, as a CSV column the header does not know.
    void connus(const valeur_ligne& o, std::string_view ptr, std::initializer_list<std::string_view> cles) {
        for (const valeur_ligne& v : o.membres) {
            bool connu = false;
            for (const std::string_view c : cles)
                connu = connu || v.cle == c;
            if (!connu)
                signaler(regle::texte_invalide, concat(ptr, "/", sax_ligne::segment(v.cle)),
                         concat("unknown member ", csv::quoted_field(v.cle)));
        }
    }
    bool objet(const valeur_ligne& v, std::string_view ptr) {
        if (v.s == valeur_ligne::sorte::objet) return true;
        signaler(regle::texte_invalide, ptr, "expected an object");
        return false;
    }
    // A number's text, for the CSV reader's exact parsers (plain dialect: a decimal point).
    std::optional<std::string_view> nombre(const valeur_ligne& v, std::string_view ptr) {
        if (v.s == valeur_ligne::sorte::nombre) return v.texte;
        signaler(regle::texte_invalide, ptr,
                 concat("expected a JSON number, got ",
                        v.s == valeur_ligne::sorte::chaine ? csv::quoted_field(v.texte) : v.texte));
        return std::nullopt;
    }
    std::optional<std::int64_t> entier(const valeur_ligne& v, std::string_view ptr, std::int64_t min, std::int64_t max,
                                       std::string_view quoi) {
        const auto t = nombre(v, ptr);
        if (!t) return std::nullopt;
        const csv::parsed<std::int64_t> n = csv::parse_integer(*t, csv::dialect::plain);
        if (!n.ok()) {
            signaler(n.rule, ptr, n.error);
            return std::nullopt;
        }
        if (n.value < min || n.value > max) {
            signaler(min == 1 && max == 99 ? regle::valeur_hors_domaine : regle::texte_invalide, ptr,
                     concat(std::to_string(n.value), " is not ", quoi));
            return std::nullopt;
        }
        return n.value;
    }
    std::optional<centimes> montant(const valeur_ligne& v, std::string_view ptr, bool signe, std::string_view quoi) {
        const auto t = nombre(v, ptr);
        if (!t) return std::nullopt;
        const csv::parsed<centimes> c = csv::parse_centimes(*t, csv::dialect::plain);
        if (!c.ok()) {
            signaler(c.rule, ptr, c.error);
            return std::nullopt;
        }
        if (!signe && c.value < centimes{0}) {
            signaler(regle::valeur_hors_domaine, ptr, concat(texte_euros(c.value), " EUR: ", quoi, " is not negative"));
            return std::nullopt;
        }
        return c.value;
    }

  private:
    std::string_view fichier_;
    std::size_t ligne_;
    violations& out_;
    bool ok_{true};
};

// What one line holds once read; the spans of the report point into it and into the grid.
struct ligne_lue {
    std::string finess;
    rapport_annuel r{};
    std::vector<saisie_indicateur> saisies;
    std::vector<montant_volet> economies;
    std::vector<decision_volet> decisions;
    bool activites_donnees{false};
};

// "FINESS YEAR: ", whose a rejected line is, as the validation's violations are named, when the
// line gives both once and well formed; else nothing: a key given twice (CAQES-E071) stops the
// line before its fields are read, and a FINESS or a year the line gives twice is no one's.
[[nodiscard]] inline std::string qui(const valeur_ligne& racine) {
    if (racine.s != valeur_ligne::sorte::objet) return {};
    const auto unique = [&racine](std::string_view k) -> const valeur_ligne* {
        const auto n = std::count_if(racine.membres.begin(), racine.membres.end(),
                                     [k](const valeur_ligne& v) { return v.cle == k; });
        return n == 1 ? racine.membre(k) : nullptr;
    };
    const valeur_ligne* f = unique("finess");
    const valeur_ligne* e = unique("exercice");
    if (f == nullptr || e == nullptr || f->s != valeur_ligne::sorte::chaine || e->s != valeur_ligne::sorte::nombre)
        return {};
    if (!regles::finess_bien_forme(f->texte) || !csv::parse_year(e->texte).ok()) return {};
    return concat(f->texte, " ", e->texte, ": ");
}

[[nodiscard]] inline std::optional<volet_id> volet_de_colonne(const modele_contrat_def& m,
                                                              std::string_view n) noexcept {
    for (const auto& v : m.volets) {
        if (csv::nom_colonne(v.volet) == n) return v.volet;
    }
    return std::nullopt;
}

// `couverts`: the volets the contract has in force this exercise (all of them without a
// contract); `exercees`: the activities validation is given. An indicator whose values are not
// required (regles::valeurs_exigees: of another volet, or applying to none of those
// activities) is left out unless given (`validate` then refuses it, CAQES-E060 or CAQES-E035),
// as in the CSV reader; so is one out of force this exercise, which `validate` refuses
// whether given or not (CAQES-E012, regles::en_vigueur_pendant).
inline void lire_valeurs_ligne(lecteur_ligne& l, const modele_contrat_def& m, const valeur_ligne& vs, ligne_lue& out,
                               const std::array<bool, volets_max>& couverts, activites exercees) {
    if (!l.objet(vs, "/valeurs")) return;
    std::string manque;
    std::size_t nombre_manquants = 0;
    for (std::size_t iv = 0; iv < m.volets.size(); ++iv) {
        for (const indicateur& ind : m.volets[iv].grille) {
            saisie_indicateur s{};
            s.indicateur = ind.code;
            const std::string p = concat("/valeurs/", sax_ligne::segment(ind.code));
            const valeur_ligne* vi = vs.membre(ind.code);
            const bool exigees = regles::valeurs_exigees(ind, iv >= volets_max || couverts[iv], exercees) &&
                                 regles::en_vigueur_pendant(ind, out.r.exercice);
            if (vi == nullptr && !exigees) continue;
            if (vi != nullptr && !l.objet(*vi, p)) vi = nullptr;
            for (std::size_t jm = 0; jm < mesures_max; ++jm) {
                if (ind.mesures[jm].vide()) continue;
                const valeur_ligne* x = vi == nullptr ? nullptr : vi->membre(ind.mesures[jm].code);
                if (x == nullptr) {
                    // A measure not asked for is not missing, even beside one given (which
                    // `validate` then refuses).
                    if (!exigees) continue;
                    if (nombre_manquants < 4)
                        manque += concat(nombre_manquants == 0 ? "" : ", ", ind.code, ".", ind.mesures[jm].code);
                    ++nombre_manquants;
                    continue;
                }
                const std::string pm = concat(p, "/", sax_ligne::segment(ind.mesures[jm].code));
                if (x->s != valeur_ligne::sorte::nombre && x->s != valeur_ligne::sorte::chaine) {
                    l.signaler(regle::texte_invalide, pm,
                               "expected a number, or a word of the measure's kind, NC or NR");
                    continue;
                }
                // A string is a word (NC, NR, oui, non, partiel); a number is a JSON number, as
                // every amount of the line is (`nombre`): "57.6" is refused, not read as 57.6. A
                // yes/no or scale measure takes words only, and says which (lire_valeur).
                const bool qualitative =
                    ind.mesures[jm].type == type_mesure::oui_non || ind.mesures[jm].type == type_mesure::echelle;
                if (x->s == valeur_ligne::sorte::chaine && !qualitative && !csv::detail::mot_de_valeur(x->texte)) {
                    l.signaler(regle::texte_invalide, pm,
                               concat(ind.code, ".", ind.mesures[jm].code,
                                      ": expected a JSON number or a word (oui, non, partiel, NC, NR), got ",
                                      csv::quoted_field(x->texte)));
                    continue;
                }
                const csv::detail::valeur_lue lu =
                    csv::detail::lire_valeur(x->texte, ind.mesures[jm].type, csv::dialect::plain);
                if (lu.erreur != regle::aucune) {
                    l.signaler(lu.erreur, pm, concat(ind.code, ".", ind.mesures[jm].code, ": ", lu.detail));
                    continue;
                }
                s.mesures[jm] = {ind.mesures[jm].code, lu.v};
            }
            if (vi != nullptr) {
                for (const valeur_ligne& x : vi->membres) {
                    bool connue = false;
                    for (const auto& me : ind.mesures)
                        connue = connue || (!me.vide() && me.code == x.cle);
                    if (!connue) {
                        l.signaler(regle::mesure_inconnue, concat(p, "/", sax_ligne::segment(x.cle)),
                                   concat("unknown measure ", csv::quoted_field(x.cle), " of indicator ", ind.code));
                    }
                }
            }
            out.saisies.push_back(s);
        }
    }
    for (const valeur_ligne& x : vs.membres) {
        bool connu = false;
        for (const auto& v : m.volets) {
            for (const indicateur& ind : v.grille)
                connu = connu || ind.code == x.cle;
        }
        if (!connu) {
            l.signaler(regle::mesure_inconnue, concat("/valeurs/", sax_ligne::segment(x.cle)),
                       concat("unknown indicator code ", csv::quoted_field(x.cle), " in \"", m.nom, "\""));
        }
    }
    if (nombre_manquants > 4) manque += concat(" and ", std::to_string(nombre_manquants - 4), " more");
    if (nombre_manquants > 0) l.signaler(regle::indicateur_absent, "/valeurs", concat("missing ", manque));
}

inline void lire_volets_ligne(lecteur_ligne& l, const modele_contrat_def& m, const valeur_ligne& racine,
                              ligne_lue& out) {
    if (const valeur_ligne* e = l.membre(racine, "", "economies", false); e != nullptr && l.objet(*e, "/economies")) {
        for (const valeur_ligne& x : e->membres) {
            const std::string p = concat("/economies/", sax_ligne::segment(x.cle));
            const std::optional<volet_id> v = volet_de_colonne(m, x.cle);
            if (!v) {
                l.signaler(regle::texte_invalide, p,
                           concat(csv::quoted_field(x.cle), " is no volet of \"", m.nom, "\""));
                continue;
            }
            if (x.s == valeur_ligne::sorte::nul) continue;  // null: non renseigne, never 0
            if (const auto c = l.montant(x, p, true, "savings")) out.economies.push_back({*v, *c});
        }
    }
    if (const valeur_ligne* d = l.membre(racine, "", "decisions", false); d != nullptr && l.objet(*d, "/decisions")) {
        for (const valeur_ligne& x : d->membres) {
            const std::string p = concat("/decisions/", sax_ligne::segment(x.cle));
            const std::optional<volet_id> v = volet_de_colonne(m, x.cle);
            if (!v) {
                l.signaler(regle::texte_invalide, p,
                           concat(csv::quoted_field(x.cle), " is no volet of \"", m.nom, "\""));
                continue;
            }
            if (!l.objet(x, p)) continue;
            l.connus(x, p, {"nature", "montant", "taux", "duree_mois"});
            const valeur_ligne* n = l.membre(x, p, "nature", true);
            const valeur_ligne* a = l.membre(x, p, "montant", true);
            std::optional<centimes> c;
            if (a != nullptr) c = l.montant(*a, concat(p, "/montant"), false, "a decided amount");
            if (n == nullptr || !c) continue;
            // The CSV cell's reading: in any case, blanks aside.
            const csv::nature_ecrite* lue =
                n->s == valeur_ligne::sorte::chaine ? csv::detail::nature_du_mot(n->texte) : nullptr;
            if (lue == nullptr) {
                l.signaler(regle::decision_hors_issues, concat(p, "/nature"),
                           csv::pas_une_nature(csv::quoted_field(n->texte)));
                continue;
            }
            out.decisions.push_back({.volet = *v, .nature = lue->nature, .montant = *c});
            // A decision the law sets as a rate for a limited duration (L.162-30-4, the 2017
            // liste en sus cut): its rate and duration, by the CSV row's own check.
            std::array<std::string_view, 2> cellules{};
            bool lisibles = true;
            const std::array<std::string_view, 2> noms{"taux", "duree_mois"};
            for (std::size_t i = 0; i < noms.size(); ++i) {
                if (const valeur_ligne* t = x.membre(noms[i]); t != nullptr) {
                    const auto texte_nombre = l.nombre(*t, concat(p, "/", noms[i]));
                    lisibles = lisibles && texte_nombre.has_value();
                    if (texte_nombre) cellules[i] = *texte_nombre;
                }
            }
            if (!lisibles) continue;
            std::optional<std::pair<fraction, int>> taux_duree;
            if (const auto refus = csv::detail::verifier_taux_duree(cellules[0], cellules[1], csv::dialect::plain, true,
                                                                    concat(p, "/nature and /montant"), taux_duree)) {
                l.signaler(refus->r, concat(p, "/", noms[refus->cellule]), refus->detail);
                continue;
            }
            if (taux_duree) {
                out.decisions.back().taux = taux_duree->first;
                out.decisions.back().duree_mois = taux_duree->second;
            }
        }
    }
}

// The L.162-30-4 data (`"l162_30_4": {"saisine": "2018-03-01", "actes_realises": 1200, ...}`),
// as the six CSV columns: all six or none, each checked by the CSV row's own check.
inline void lire_l162_30_4_ligne(lecteur_ligne& l, const valeur_ligne& racine, ligne_lue& out) {
    const valeur_ligne* o = l.membre(racine, "", "l162_30_4", false);
    if (o == nullptr || !l.objet(*o, "/l162_30_4")) return;
    constexpr std::array<std::string_view, csv::detail::colonnes_l162_30_4.size()> noms{
        "saisine",          "actes_realises", "actes_cible", "actes_annee_precedente", "tarif_national_moyen",
        "part_liste_en_sus"};
    l.connus(*o, "/l162_30_4", {noms[0], noms[1], noms[2], noms[3], noms[4], noms[5]});
    std::array<std::string_view, noms.size()> cellules{};
    bool lisibles = true;
    for (std::size_t i = 0; i < noms.size(); ++i) {
        const valeur_ligne* x = o->membre(noms[i]);
        if (x == nullptr) continue;
        const std::string p = concat("/l162_30_4/", noms[i]);
        if (i == 0) {  // a day, as a string
            if (x->s == valeur_ligne::sorte::chaine) {
                cellules[i] = x->texte;
            } else {
                l.signaler(regle::texte_invalide, p, "expected a date as a string, \"2018-03-01\"");
                lisibles = false;
            }
        } else if (const auto n = l.nombre(*x, p)) {
            cellules[i] = *n;
        } else {
            lisibles = false;
        }
    }
    if (!lisibles) return;
    if (const auto refus = csv::detail::verifier_l162_30_4(cellules, csv::dialect::plain, out.r.l162_30_4))
        l.signaler(refus->r, concat("/l162_30_4/", noms[refus->cellule]), refus->detail);
}

// The contract instance (`"contrat": {"ars": ..., "debut_effet": "2017-09-01", "avenants":
// {"pertinence": "2019-01-01"}}`), as a row of the CSV contracts file: read, then checked by
// `validate(m, instance)`, each violation at the member of the column the CSV would name.
// Returns the instance when it is valid.
[[nodiscard]] inline std::optional<contrat_instance> lire_contrat_ligne(lecteur_ligne& l, const modele_contrat_def& m,
                                                                        const valeur_ligne& racine,
                                                                        std::string_view finess) {
    const valeur_ligne* o = l.membre(racine, "", "contrat", false);
    if (o == nullptr || !l.objet(*o, "/contrat")) return std::nullopt;
    l.connus(*o, "/contrat",
             {"ars", "organisme_local", "representant_legal", "reception_proposition", "signature", "debut_effet",
              "avenants"});
    bool ok = true;
    auto chaine = [&](std::string_view cle) -> std::optional<std::string> {
        const valeur_ligne* x = l.membre(*o, "/contrat", cle, true);
        if (x == nullptr) {
            ok = false;
            return std::nullopt;
        }
        if (x->s != valeur_ligne::sorte::chaine) {
            l.signaler(regle::texte_invalide, concat("/contrat/", cle), "expected a string");
            ok = false;
            return std::nullopt;
        }
        return x->texte;
    };
    auto jour = [&](const std::optional<std::string>& t, std::string_view ptr, ymd& out) {
        if (!t) return;
        const csv::parsed<ymd> d = csv::parse_date(*t);
        if (d.ok()) {
            out = d.value;
        } else {
            l.signaler(d.rule, ptr, d.error);
            ok = false;
        }
    };
    contrat_instance c{};
    c.etab.finess_ej = std::string{finess};
    c.etab.activites_exercees = m.perimetre;
    // A party is named, as the CSV column: blanks around it are no part of the name, and a name
    // of blanks alone is none (CAQES-E020).
    auto partie = [&](std::string_view cle) { return std::string{csv::trim(chaine(cle).value_or(""))}; };
    c.parties = {partie("ars"), partie("organisme_local"), partie("representant_legal")};
    for (const auto& [cle, date] :
         {std::pair<std::string_view, ymd*>{"reception_proposition", &c.reception_proposition},
          {"signature", &c.signature},
          {"debut_effet", &c.debut_effet}})
        jour(chaine(cle), concat("/contrat/", cle), *date);
    if (const valeur_ligne* a = o->membre("avenants"); a != nullptr && l.objet(*a, "/contrat/avenants")) {
        for (const valeur_ligne& x : a->membres) {
            const std::string p = concat("/contrat/avenants/", sax_ligne::segment(x.cle));
            const std::optional<volet_id> v = volet_de_colonne(m, x.cle);
            if (!v) {
                l.signaler(regle::texte_invalide, p,
                           concat(csv::quoted_field(x.cle), " is no volet of \"", m.nom, "\""));
                ok = false;
                continue;
            }
            if (x.s != valeur_ligne::sorte::chaine) {
                l.signaler(regle::texte_invalide, p, "expected a date as a string, \"2019-01-01\"");
                ok = false;
                continue;
            }
            ymd d{};
            jour(x.texte, p, d);
            if (d.ok()) c.avenants.push_back({.signature = d, .volet_du_modele = *v});
        }
    } else if (a != nullptr) {
        ok = false;
    }
    if (!ok || finess.empty()) return std::nullopt;
    bool valide = true;
    for (const violation& x : validate(m, c)) {
        const std::string colonne = csv::detail::colonne_contrat(m, x, c);
        const std::string ptr = colonne == "finess"               ? std::string{"/finess"}
                                : colonne.starts_with("avenant_") ? concat("/contrat/avenants/", colonne.substr(8))
                                                                  : concat("/contrat/", colonne);
        l.signaler(x.id, ptr,
                   concat(finess, ": ", x.lieu, ": ", x.detail.empty() ? std::string{fiche(x.id).titre} : x.detail));
        valide = false;
    }
    if (!valide) return std::nullopt;
    return c;
}

// The member a violation `x` of `validate(m, [instance,] rapport)` is about, as the CSV reader
// names its column (csv::detail::colonne_etablissement); empty: the line as a whole.
[[nodiscard]] inline std::string pointeur_rapport(const modele_contrat_def& m, const violation& x,
                                                  std::span<const decision_volet> decisions, bool activites) {
    const std::string colonne = csv::detail::colonne_etablissement(x.lieu, decisions, activites);
    for (const auto& [prefixe, membre] : {std::pair<std::string_view, std::string_view>{"decision_", "/montant"},
                                          {"nature_", "/nature"},
                                          {"taux_", "/taux"},
                                          {"duree_", "/duree_mois"}}) {
        if (colonne.starts_with(prefixe)) return concat("/decisions/", colonne.substr(prefixe.size()), membre);
    }
    if (colonne.starts_with("economies_")) return concat("/economies/", colonne.substr(10));
    if (colonne.starts_with("l162_30_4_")) return concat("/l162_30_4/", colonne.substr(10));
    if (!colonne.empty()) return concat("/", colonne);
    // An indicator or one of its values (csv::detail::indicateur_de_violation): its member of
    // /valeurs.
    const std::optional<csv::detail::indicateur_nomme> n = csv::detail::indicateur_de_violation(m, x);
    if (!n) return {};
    const std::string indicateur = concat("/valeurs/", sax_ligne::segment(n->code));
    return n->mesure.empty() ? indicateur : concat(indicateur, "/", sax_ligne::segment(n->mesure));
}

}  // namespace detail

namespace detail {
// The lines of a JSON Lines source, one at a time, through a buffer fixed at construction
// (`limites::ligne_max` + 2 bytes): a text, or a stream read once (a pipe will do). A line
// longer than the limit is returned empty with `trop_longue`, its bytes skipped, never held.
class lecteur_lignes {
  public:
    lecteur_lignes(std::string_view texte, csv::limites l) : texte_{texte}, lim_{l} {}
    lecteur_lignes(std::istream& in, csv::limites l) : in_{&in}, lim_{l}, buf_(l.ligne_max + 2) {}

    // The next line without its LF (nor the CR before it); false at the end, or at a read
    // error (`echec`): a line the failure cut is not returned.
    [[nodiscard]] bool suivante(std::string_view& ligne, bool& trop_longue) {
        trop_longue = false;
        bool lue = false;
        if (in_ == nullptr) {
            if (pos_ >= texte_.size()) return false;
            const std::size_t fin = texte_.find('\n', pos_);
            ligne = texte_.substr(pos_, fin == std::string_view::npos ? std::string_view::npos : fin - pos_);
            pos_ = fin == std::string_view::npos ? texte_.size() : fin + 1;
            lue = true;
        } else {
            lue = suivante_flux(ligne, trop_longue);
            if (!lue) return false;
        }
        if (ligne.ends_with('\r')) ligne.remove_suffix(1);
        if (trop_longue || ligne.size() > lim_.ligne_max) {
            trop_longue = true;
            ligne = {};
        }
        return lue;
    }
    [[nodiscard]] bool echec() const noexcept { return in_ != nullptr && in_->bad(); }
    // The buffer's size, fixed at construction (0 for a text, which is not copied).
    [[nodiscard]] std::size_t tampon() const noexcept { return buf_.size(); }
    // Bytes consumed so far (a progress measure).
    [[nodiscard]] std::uint64_t octets_lus() const noexcept { return in_ == nullptr ? pos_ : decales_ + debut_; }

  private:
    [[nodiscard]] bool suivante_flux(std::string_view& ligne, bool& trop_longue) {
        while (true) {
            const char* lf = static_cast<const char*>(std::memchr(buf_.data() + debut_, '\n', fin_ - debut_));
            if (lf != nullptr) {
                const auto stop = static_cast<std::size_t>(lf - buf_.data());
                ligne = {buf_.data() + debut_, stop - debut_};
                debut_ = stop + 1;
                trop_longue = std::exchange(saut_, false);
                return true;
            }
            if (eof_) {
                // The last line, without its LF; none when a read error cut it.
                if (echec() || (debut_ == fin_ && !saut_)) return false;
                ligne = {buf_.data() + debut_, fin_ - debut_};
                debut_ = fin_;
                trop_longue = std::exchange(saut_, false);
                return true;
            }
            if (debut_ == 0 && fin_ == buf_.size()) {
                // The buffer is full and holds no LF: the line is too long, its bytes skipped.
                saut_ = true;
                decales_ += fin_;
                fin_ = 0;
            }
            remplir();
        }
    }
    void remplir() {
        if (debut_ > 0) {
            std::memmove(buf_.data(), buf_.data() + debut_, fin_ - debut_);
            fin_ -= debut_;
            decales_ += debut_;
            debut_ = 0;
        }
        while (!eof_ && fin_ < buf_.size()) {
            in_->read(buf_.data() + fin_, static_cast<std::streamsize>(buf_.size() - fin_));
            const auto n = static_cast<std::size_t>(in_->gcount());
            fin_ += n;
            if (n == 0 || !*in_) eof_ = true;
        }
    }

    std::string_view texte_{};
    std::size_t pos_{0};
    std::istream* in_{nullptr};
    csv::limites lim_{};
    std::vector<char> buf_{};
    std::size_t debut_{0};
    std::size_t fin_{0};
    std::uint64_t decales_{0};
    bool eof_{false};
    bool saut_{false};  // skipping the rest of a line too long
};

// An establishment-year seen, by its key, with its line: 16 bytes each.
struct vue {
    std::uint64_t code{0};
    std::size_t ligne{0};
};
[[nodiscard]] constexpr std::uint64_t cle_de(const vue& v) noexcept { return v.code; }

// Reads `src` line by line: each accepted establishment-year to `sur_rapport(csv::rapport_lu&&,
// std::uint64_t octets_lus)` as soon as its line is read, each violation to
// `sur_rejet(violation&&)`. Returns the reconciliation of its lines.
template <class SurRapport, class SurRejet>
[[nodiscard]] csv::reconciliation lire_jsonl(const modele_contrat_def& m, const parametres_evaluation& p,
                                             const csv::source& src, const csv::options_lecture& o,
                                             SurRapport&& sur_rapport, SurRejet&& sur_rejet) {
    csv::reconciliation rec{};
    rec.file = src.name;
    rec.d = csv::dialect::plain;
    std::optional<lecteur_lignes> lignes;
    if (src.flux != nullptr) {
        lignes.emplace(*src.flux, o.lignes);
    } else {
        lignes.emplace(src.text, o.lignes);
    }
    violations tampon;  // the violations of the line at hand
    std::size_t emis = 0;
    auto vider = [&] {
        for (violation& v : tampon) {
            sur_rejet(std::move(v));
            ++emis;
        }
        tampon.clear();
    };
    // The establishment-years seen, 16 bytes each, to find a duplicate; at most
    // `etablissements_annees_max` of them (docs/cli.md, "JSON Lines input").
    csv::detail::index_cles<vue> vues;
    std::string trop;  // the establishment-year past the maximum, when one came
    std::size_t trop_ligne = 0;
    std::size_t trop_lignes = 0;
    std::size_t trop_derniere = 0;
    std::size_t numero = 0;
    // The control total of the accepted lines' decisions (CAQES-E040), as the CSV reader keeps it.
    csv::detail::total_decisions_acceptees decisions_acceptees{};
    // The template and the parameters, checked once for the whole file (csv_rapports.hpp).
    const resultat_validation<validateur_rapports> validateur = validate_lot(m, p);
    std::string_view brut;
    bool trop_longue = false;
    while (lignes->suivante(brut, trop_longue)) {
        ++numero;
        if (numero == 1 && brut.starts_with(csv::utf8_bom)) brut.remove_prefix(csv::utf8_bom.size());
        if (!trop_longue && csv::trim(brut).empty()) {  // an empty line holds no establishment-year
            ++rec.blank;
            continue;
        }
        ++rec.read;
        lecteur_ligne l{src.name, numero, tampon};
        bool rejetee = false;
        auto rejeter = [&] {
            rec.rejected += rejetee ? 0U : 1U;
            rejetee = true;
        };
        if (!trop.empty()) {
            ++trop_lignes;
            trop_derniere = numero;
            rejeter();
            continue;
        }
        if (trop_longue) {
            l.signaler(regle::texte_invalide, "", std::string{csv::message(csv::record_error::line_too_long)});
            rejeter();
            vider();
            continue;
        }
        if (const auto mauvais = csv::invalid_utf8(brut)) {
            l.signaler(regle::encodage_invalide, "", csv::not_utf8(brut, *mauvais, brut));
            rejeter();
            vider();
            continue;
        }
        sax_ligne sax;
        const bool lu = nlohmann::json::sax_parse(brut, &sax);
        if (!sax.doublon().empty()) {
            l.signaler(regle::cle_en_double, sax.doublon(),
                       concat(lu ? qui(sax.racine()) : std::string{},
                              "a key given twice in one object: which one holds would be a guess"));
        } else if (!lu) {
            l.signaler(regle::texte_invalide, "",
                       sax.erreur().empty() ? std::string{"not a JSON value"} : sax.erreur());
        }
        if (!l.ok()) {
            rejeter();
            vider();
            continue;
        }
        const valeur_ligne& racine = sax.racine();
        if (!l.objet(racine, "")) {
            rejeter();
            vider();
            continue;
        }
        l.connus(racine, "",
                 {"finess", "exercice", "annee_contrat", "produits_assurance_maladie", "annee_produits", "activites",
                  "economies", "decisions", "l162_30_4", "part_liste_en_sus", "base_penalite", "date_evaluation",
                  "contrat", "valeurs"});
        ligne_lue out{};
        const valeur_ligne* f = l.membre(racine, "", "finess", true);
        if (f != nullptr) {
            if (f->s != valeur_ligne::sorte::chaine) {
                // Only a string holds a FINESS whole: a number loses a leading zero (019900001)
                // and cannot hold 2A or 2B. An object or an array has no text to quote.
                const std::string_view quoi = f->s == valeur_ligne::sorte::objet     ? "an object"
                                              : f->s == valeur_ligne::sorte::tableau ? "an array"
                                                                                     : std::string_view{f->texte};
                l.signaler(regle::finess_mal_forme, "/finess",
                           concat(quoi,
                                  " is not a JSON string: a FINESS number is written as a string, "
                                  "\"019900001\", so that its leading zeros and 2A or 2B are kept"));
            } else if (!regles::finess_bien_forme(f->texte)) {
                l.signaler(regle::finess_mal_forme, "/finess", csv::detail::finess_mal_forme_detail(f->texte));
            } else {
                out.finess = f->texte;
            }
        }
        if (const valeur_ligne* e = l.membre(racine, "", "exercice", true)) {
            if (const auto an = l.entier(*e, "/exercice", 1, 9999, "a year")) {
                out.r.exercice = static_cast<int>(*an);
                if (!regles::exercice_couvert(m, out.r.exercice)) {
                    l.signaler(regle::exercice_non_couvert, "/exercice",
                               regles::pourquoi_exercice_non_couvert(m, out.r.exercice));
                }
            }
        }
        if (const valeur_ligne* a = l.membre(racine, "", "annee_contrat", true)) {
            if (const auto n = l.entier(*a, "/annee_contrat", 1, 99, "a contract year (1 for the first)"))
                out.r.annee_contrat = static_cast<int>(*n);
        }
        if (const valeur_ligne* a = l.membre(racine, "", "produits_assurance_maladie", true)) {
            if (const auto c = l.montant(*a, "/produits_assurance_maladie", false, "the revenue base"))
                out.r.produits_assurance_maladie = *c;
        }
        if (const valeur_ligne* a = l.membre(racine, "", "annee_produits", false);
            a != nullptr && a->s != valeur_ligne::sorte::nul) {
            if (const auto n = l.entier(*a, "/annee_produits", 1900, 9999, "a year"))
                out.r.annee_produits = static_cast<int>(*n);
        }
        // The day of the evaluation, "2019-06-01" as the CSV column; absent or null: not given.
        if (const valeur_ligne* a = l.membre(racine, "", "date_evaluation", false);
            a != nullptr && a->s != valeur_ligne::sorte::nul) {
            const csv::parsed<ymd> jour = a->s == valeur_ligne::sorte::chaine
                                              ? csv::parse_date(a->texte)
                                              : csv::parsed<ymd>{{}, "expected a string"};
            if (jour.ok()) {
                out.r.date_evaluation = jour.value;
            } else {
                l.signaler(jour.rule, "/date_evaluation", jour.error);
            }
        }
        // The bases of the establishment's own two outcomes are measured on, in euros as the CSV
        // columns; absent or null: not given.
        for (const auto& [cle, base, quoi] :
             {std::tuple{std::string_view{"part_liste_en_sus"}, &out.r.part_liste_en_sus,
                         std::string_view{"the liste en sus share"}},
              std::tuple{std::string_view{"base_penalite"}, &out.r.base_penalite,
                         std::string_view{"the penalty base"}}}) {
            if (const valeur_ligne* a = l.membre(racine, "", cle, false);
                a != nullptr && a->s != valeur_ligne::sorte::nul) {
                if (const auto c = l.montant(*a, concat("/", cle), false, quoi)) *base = *c;
            }
        }
        // "mco+psychiatrie", as the CSV column; absent: every activity of the grid's scope.
        if (const valeur_ligne* a = l.membre(racine, "", "activites", false); a != nullptr) {
            const csv::parsed<activites> act = a->s == valeur_ligne::sorte::chaine
                                                   ? csv::detail::parse_activites(a->texte)
                                                   : csv::parsed<activites>{{}, "expected a string"};
            if (act.ok()) {
                out.r.activites_etablissement = act.value;
                out.activites_donnees = true;
            } else {
                l.signaler(act.rule, "/activites", act.error);
            }
        }
        lire_volets_ligne(l, m, racine, out);
        lire_l162_30_4_ligne(l, racine, out);
        std::optional<contrat_instance> contrat = lire_contrat_ligne(l, m, racine, out.finess);
        const std::array<bool, volets_max> couverts =
            csv::detail::volets_couverts(m, contrat ? &*contrat : nullptr, out.r.exercice, p.annee_partielle);
        // The activities validation will be given (below): the line's, else the grid's scope.
        if (const valeur_ligne* vs = l.membre(racine, "", "valeurs", true))
            lire_valeurs_ligne(l, m, *vs, out, couverts,
                               out.activites_donnees ? out.r.activites_etablissement : m.perimetre);

        // Every line that gave its key holds it, rejected or not, as the CSV establishments file's
        // rows do: a later line for the same establishment-year is a duplicate, whatever the
        // first one's fate ("the first stands", docs/cli.md).
        if (!out.finess.empty() && out.r.exercice != 0) {
            const csv::detail::cle k{out.finess, out.r.exercice, csv::detail::cle_64(out.finess, out.r.exercice)};
            if (const vue* deja = vues.trouver(k.code)) {
                l.signaler(regle::texte_invalide, "/finess", concat("duplicate of line ", std::to_string(deja->ligne)));
            } else if (vues.size() < o.etablissements_annees_max) {
                vues.ajouter(vue{k.code, numero});
            } else if (l.ok()) {
                // Past the stated maximum the rest of the file is refused, this line named,
                // rather than its keys remembered until memory runs out.
                trop = concat(out.finess, " ", std::to_string(out.r.exercice));
                trop_ligne = numero;
                trop_derniere = numero;
                ++trop_lignes;
                rejeter();
                vider();
                continue;
            }
        }
        if (!l.ok()) {
            // Named as the validation's violations are ("FINESS YEAR: ..."), once the line gave
            // both: whose the line is, for a reader of the log and for `caqes explain`.
            // A contract's violations already name its FINESS ("FINESS: ..."): the year is added.
            if (!out.finess.empty() && out.r.exercice != 0) {
                const std::string qui = concat(out.finess, " ", std::to_string(out.r.exercice), ": ");
                const std::string du_contrat = concat(out.finess, ": ");
                for (violation& x : tampon) {
                    if (x.detail.starts_with(qui)) continue;
                    const std::string_view reste =
                        std::string_view{x.detail}.substr(x.detail.starts_with(du_contrat) ? du_contrat.size() : 0);
                    x.detail = concat(qui, reste);
                }
            }
            rejeter();
            vider();
            continue;
        }
        if (!out.activites_donnees) out.r.activites_etablissement = m.perimetre;
        out.r.valeurs = out.saisies;
        out.r.economies = out.economies;
        out.r.decisions = out.decisions;
        resultat_validation<rapport_valide> v = [&] {
            if (!contrat) return validateur ? validateur.valeur().valider(out.r) : validate(m, out.r, p);
            // This year's activities are the contract's establishment's (L.162-22): set on the
            // line's own contract, read for this line only, not on a copy of it.
            contrat->etab.activites_exercees = out.r.activites_etablissement;
            return validateur ? validateur.valeur().valider(*contrat, out.r) : validate(m, *contrat, out.r, p);
        }();
        // Accepted by validation, it is still refused when its decisions would take the total of
        // the accepted ones past 64-bit cents.
        if (const std::span<const violation> refus = decisions_acceptees.refus(v, out.decisions); !refus.empty()) {
            for (const violation& x : refus) {
                l.signaler(x.id, pointeur_rapport(m, x, out.decisions, out.activites_donnees),
                           concat(out.finess, " ", std::to_string(out.r.exercice), ": ", x.lieu, ": ", x.detail));
            }
            rejeter();
            vider();
            continue;
        }
        ++rec.accepted;
        sur_rapport(csv::rapport_lu{out.finess, std::move(v).valeur(), numero, numero, contrat ? numero : 0,
                                    out.activites_donnees},
                    lignes->octets_lus());
    }
    // Lines read = blank + accepted + rejected (no header line in JSON Lines).
    rec.lines = numero;
    auto inutilisable = [&](std::size_t ligne, std::string detail) {
        tampon.push_back(
            {regle::fichier_inutilisable, concat(src.name, ":", std::to_string(ligne)), std::move(detail)});
        if (!rec.unusable) rec.unusable = emis;
        vider();
    };
    if (!trop.empty()) {
        inutilisable(trop_ligne,
                     concat(trop, " is establishment-year number ", std::to_string(o.etablissements_annees_max + 1),
                            ", past the maximum of ", std::to_string(o.etablissements_annees_max),
                            " held at once (options_lecture::etablissements_annees_max); this line and the ",
                            std::to_string(trop_lignes - 1), " after it (to line ", std::to_string(trop_derniere),
                            ") are rejected unread: split the file, or raise the maximum if the memory allows"));
    }
    if (lignes->echec()) {
        // One pass only: how many lines the failure left is not known, and the file never
        // balances.
        rec.unread = 0;
        inutilisable(numero + 1, concat("read error: the stream failed after line ", std::to_string(numero),
                                        " (an I/O error), before the end of the file; the rest of the file is not "
                                        "read, and the file's reconciliation does not balance; read the file again "
                                        "once it can be read whole"));
    }
    if (rec.read == 0 && !rec.unusable) inutilisable(1, "no establishment-year: the file is empty");
    return rec;
}
}  // namespace detail

// Reads JSON Lines from `src` (a text, or a stream read once, line by line, with memory that
// does not grow with the file: docs/cli.md, "JSON Lines input") against `m` and `p`, handing
// each accepted establishment-year to `sur_rapport(csv::rapport_lu&&, std::uint64_t
// octets_lus)` and each violation to `sur_rejet(violation&&)` as they are found. `src.name`
// is how locations name it.
template <class SurRapport, class SurRejet>
[[nodiscard]] csv::reconciliation lire_rapports_jsonl_flux(const modele_contrat_def& m, const parametres_evaluation& p,
                                                           const csv::source& src, const csv::options_lecture& o,
                                                           SurRapport&& sur_rapport, SurRejet&& sur_rejet) {
    return detail::lire_jsonl(m, p, src, o, sur_rapport, sur_rejet);
}

// The same, collected in memory, for small inputs and tests.
[[nodiscard]] inline lot_jsonl lire_rapports_jsonl(const modele_contrat_def& m, const parametres_evaluation& p,
                                                   const csv::source& src, const csv::options_lecture& o = {}) {
    lot_jsonl lot{};
    lot.lignes = lire_rapports_jsonl_flux(
        m, p, src, o, [&lot](csv::rapport_lu&& r, std::uint64_t) { lot.rapports.push_back(std::move(r)); },
        [&lot](violation&& v) { lot.rejets.push_back(std::move(v)); });
    return lot;
}

}  // namespace caqes::json
