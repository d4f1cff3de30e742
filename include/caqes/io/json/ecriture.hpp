#pragma once
// The JSON output of evaluations written straight to a stream (schema "caqes.evaluation/1",
// docs/json-schema.md): no tree, no copy. A batch's document of 200 MB of values is 7.6 GB;
// building an nlohmann::json tree per establishment-year, serialising it to a string and
// re-indenting the copy spent most of its time in malloc and std::map (docs/reliability.md).
//
// The bytes are those nlohmann-json's dump() writes for the trees of trace.hpp: keys in byte
// order (nlohmann's object is a std::map), its layout and its escaping, invalid UTF-8 replaced
// by U+FFFD as error_handler_t::replace does. The test json_ecriture.cpp compares the two on
// awkward strings and generated evaluations, so that they cannot drift. This header does not
// need nlohmann-json.
//
// Exactness: amounts are integer cents; fractions are {"num", "den"} (plus an informative
// "decimal" string, truncated); no value goes through a floating-point number.
#include <caqes/calendrier/format.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/evaluer.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/evaluation/trace.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/volet/volet.hpp>

#include <array>
#include <cassert>
#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace caqes::json {

inline constexpr std::string_view schema = "caqes.evaluation/1";

// The decimal form of a fraction, truncated towards zero after `chiffres` digits: "0.333333".
// Informative only; the exact value is num/den.
[[nodiscard]] inline std::string decimal_tronque(fraction f, int chiffres = 6) {
    const fraction x = f.normalisee();
    if (!x.valide()) return "NaN";
    const int128 n = x.num < 0 ? -int128{x.num} : int128{x.num};
    const int128 d = x.den;
    std::string s = x.num < 0 ? "-" : "";
    s += std::to_string(static_cast<unsigned long long>(n / d));
    int128 reste = n % d;
    if (reste == 0) return s;
    s += '.';
    for (int i = 0; i < chiffres && reste != 0; ++i) {
        reste *= 10;
        s += static_cast<char>('0' + static_cast<int>(reste / d));
        reste %= d;
    }
    return s;
}

[[nodiscard]] inline std::string_view nom(statut s) noexcept {
    switch (s) {
        case statut::atteint:
            return "atteint";
        case statut::partiel:
            return "partiel";
        case statut::non_atteint:
            return "non_atteint";
        case statut::non_concerne:
            return "non_concerne";
        case statut::non_renseigne:
            return "non_renseigne";
    }
    return "?";
}

[[nodiscard]] inline std::string_view nom(origine o) noexcept {
    switch (o) {
        case origine::nationale:
            return "nationale";
        case origine::regionale:
            return "regionale";
        case origine::illustrative:
            return "illustrative";
    }
    return "?";
}

[[nodiscard]] inline std::string_view nom(referentiel_etat e) noexcept {
    switch (e) {
        case referentiel_etat::sans_objet:
            return "sans_objet";
        case referentiel_etat::atteint:
            return "atteint";
        case referentiel_etat::non_atteint:
            return "non_atteint";
    }
    return "?";
}

// A JSON writer that appends to a buffer and hands it to the stream every 64 KiB. Members
// must be given in byte order of their keys (checked by assert in debug builds): that is the
// order nlohmann's std::map gives, hence the order of every document written so far.
class ecrivain {
  public:
    // `out` null: the text stays in texte(). indentation < 0: one line, as dump(-1); else that
    // many spaces per level. `retrait`: the depth, in spaces, of the first value (a value placed
    // inside a document written by another writer).
    explicit ecrivain(std::ostream* out, int indentation = 2, std::size_t retrait = 0)
            : out_{out}, pas_{indentation}, retrait_{retrait} {
        if (out_ != nullptr) tampon_.reserve(bloc + bloc / 4);
    }
    ecrivain(const ecrivain&) = delete;
    ecrivain& operator=(const ecrivain&) = delete;
    ~ecrivain() = default;

    void debut_objet() { ouvrir('{', false); }
    void fin_objet() { fermer('}'); }
    void debut_tableau() { ouvrir('[', true); }
    void fin_tableau() { fermer(']'); }

    // A member's key, a name of the schema (letters, digits, '_': nothing to escape); its value
    // follows.
    ecrivain& cle(std::string_view k) {
        assert(profondeur_ > 0 && !niveaux_[profondeur_ - 1].tableau);
        niveau& n = niveaux_[profondeur_ - 1];
#ifndef NDEBUG
        assert(n.vide || n.derniere_cle < k);  // byte order, as std::map<std::string> sorts
        for (const char c : k)
            assert(!special(static_cast<unsigned char>(c)));
        n.derniere_cle = k;
#endif
        separer(n);
        tampon_ += '"';
        tampon_ += k;
        tampon_ += pas_ < 0 ? "\":" : "\": ";
        cle_posee_ = true;
        return *this;
    }

    void valeur(std::string_view s) {
        avant_valeur();
        tampon_ += '"';
        echapper(s);
        tampon_ += '"';
        apres_valeur();
    }
    void valeur(const char* s) { valeur(std::string_view{s}); }  // not the bool overload
    void valeur(bool b) {
        avant_valeur();
        tampon_ += b ? "true" : "false";
        apres_valeur();
    }
    void valeur(std::nullptr_t) {
        avant_valeur();
        tampon_ += "null";
        apres_valeur();
    }
    template <std::integral T>
        requires(!std::same_as<T, bool> && !std::same_as<T, char>)
    void valeur(T x) {
        avant_valeur();
        std::array<char, 24> c{};
        const auto r = std::to_chars(c.data(), c.data() + c.size(), x);
        tampon_.append(c.data(), r.ptr);
        apres_valeur();
    }
    template <class T>
    void valeur(const std::optional<T>& x) {
        if (x) {
            valeur(*x);
        } else {
            valeur(nullptr);
        }
    }

    template <class T>
    void membre(std::string_view k, const T& v) {
        cle(k);
        valeur(v);
    }

    // A value already written as text at this place's depth (a string of members kept aside).
    void valeur_brute(std::string_view texte) {
        avant_valeur();
        tampon_ += texte;
        apres_valeur();
    }
    // Text outside the structure: a line end between documents, the end of a spliced value.
    void brut(std::string_view texte) { tampon_ += texte; }

    // Hands the buffer to the stream.
    void vider() {
        if (out_ == nullptr || tampon_.empty()) return;
        out_->write(tampon_.data(), static_cast<std::streamsize>(tampon_.size()));
        tampon_.clear();
    }
    [[nodiscard]] const std::string& texte() const noexcept { return tampon_; }

  private:
    static constexpr std::size_t bloc = std::size_t{1} << 16U;
    static constexpr std::size_t profondeur_max = 16;
    struct niveau {
        bool tableau{false};
        bool vide{true};
        std::string_view derniere_cle;  // checked in debug builds
    };

    void separer(niveau& n) {
        if (!n.vide) tampon_ += ',';
        n.vide = false;
        a_la_ligne(profondeur_);
    }
    void a_la_ligne(std::size_t profondeur) {
        if (pas_ < 0) return;
        tampon_ += '\n';
        tampon_.append(retrait_ + profondeur * static_cast<std::size_t>(pas_), ' ');
    }
    void avant_valeur() {
        if (cle_posee_) {
            cle_posee_ = false;
            return;
        }
        assert(profondeur_ == 0 || niveaux_[profondeur_ - 1].tableau);
        if (profondeur_ > 0) separer(niveaux_[profondeur_ - 1]);
    }
    void apres_valeur() {
        if (out_ != nullptr && tampon_.size() >= bloc) vider();
    }
    void ouvrir(char c, bool tableau) {
        avant_valeur();
        assert(profondeur_ < profondeur_max);
        tampon_ += c;
        niveaux_[profondeur_++] = {tableau, true, {}};
    }
    void fermer(char c) {
        assert(profondeur_ > 0 && !cle_posee_);
        const bool vide = niveaux_[--profondeur_].vide;
        if (!vide) a_la_ligne(profondeur_);
        tampon_ += c;
        apres_valeur();
    }

    // As nlohmann's dump_escaped with ensure_ascii = false and error_handler_t::replace: '"',
    // '\\' and the control characters escaped (\b \t \n \f \r, else \u00xx), valid UTF-8
    // copied, and each maximal invalid part of a sequence replaced by one U+FFFD (EF BF BD).
    void echapper(std::string_view s) {
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        const std::size_t n = s.size();
        std::size_t debut = 0;  // start of the run copied as it is
        std::size_t i = 0;
        while (i < n) {
            const unsigned char b = p[i];
            if (!special(b)) {
                ++i;
                continue;
            }
            tampon_.append(s.data() + debut, i - debut);
            if (b < 0x80) {
                echapper_ascii(b);
                debut = ++i;
                continue;
            }
            const std::size_t fin = fin_utf8(p, n, i);
            if (fin > i) {
                tampon_.append(s.data() + i, fin - i);
                i = fin;
            } else {
                tampon_ += "\xEF\xBF\xBD";
                i = i + 1 + suite_valide(p, n, i);
            }
            debut = i;
        }
        tampon_.append(s.data() + debut, n - debut);
    }
    // The bytes that are not copied as they are: '"', '\\', control bytes, and the bytes of
    // UTF-8 sequences (checked before they are copied).
    [[nodiscard]] static bool special(unsigned char b) noexcept {
        static constexpr std::array<bool, 256> table = [] {
            std::array<bool, 256> t{};
            for (std::size_t c = 0; c < t.size(); ++c)
                t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
            return t;
        }();
        return table[b];
    }
    void echapper_ascii(unsigned char b) {
        switch (b) {
            case '\b':
                tampon_ += "\\b";
                return;
            case '\t':
                tampon_ += "\\t";
                return;
            case '\n':
                tampon_ += "\\n";
                return;
            case '\f':
                tampon_ += "\\f";
                return;
            case '\r':
                tampon_ += "\\r";
                return;
            case '"':
                tampon_ += "\\\"";
                return;
            case '\\':
                tampon_ += "\\\\";
                return;
            default: {
                constexpr std::string_view hex = "0123456789abcdef";
                tampon_ += "\\u00";
                tampon_ += hex[b >> 4U];
                tampon_ += hex[b & 0xFU];
            }
        }
    }
    // The bytes a lead byte at p[i] allows after it: [bas, haut] for the first continuation
    // byte (overlong forms, surrogates and code points past U+10FFFF excluded, as RFC 3629),
    // 80..BF for the others. 0 continuations: the byte cannot start a sequence.
    struct forme {
        int suites;
        unsigned char bas;
        unsigned char haut;
    };
    [[nodiscard]] static forme forme_de(unsigned char b) noexcept {
        if (b >= 0xC2 && b <= 0xDF) return {1, 0x80, 0xBF};
        if (b == 0xE0) return {2, 0xA0, 0xBF};
        if (b == 0xED) return {2, 0x80, 0x9F};
        if (b >= 0xE1 && b <= 0xEF) return {2, 0x80, 0xBF};
        if (b == 0xF0) return {3, 0x90, 0xBF};
        if (b >= 0xF1 && b <= 0xF3) return {3, 0x80, 0xBF};
        if (b == 0xF4) return {3, 0x80, 0x8F};
        return {0, 0, 0};
    }
    // How many continuation bytes after the lead byte at p[i] are valid (the sequence's valid
    // prefix, all of it replaced by one U+FFFD when the sequence is cut short).
    [[nodiscard]] static std::size_t suite_valide(const unsigned char* p, std::size_t n, std::size_t i) noexcept {
        const forme f = forme_de(p[i]);
        std::size_t k = 0;
        while (k < static_cast<std::size_t>(f.suites) && i + 1 + k < n) {
            const unsigned char c = p[i + 1 + k];
            const unsigned char bas = k == 0 ? f.bas : 0x80;
            const unsigned char haut = k == 0 ? f.haut : 0xBF;
            if (c < bas || c > haut) break;
            ++k;
        }
        return k;
    }
    // The end of the whole valid sequence starting at p[i], or i when it is not valid.
    [[nodiscard]] static std::size_t fin_utf8(const unsigned char* p, std::size_t n, std::size_t i) noexcept {
        const forme f = forme_de(p[i]);
        if (f.suites == 0) return i;
        const std::size_t k = suite_valide(p, n, i);
        return k == static_cast<std::size_t>(f.suites) ? i + 1 + k : i;
    }

    std::ostream* out_;
    int pas_;
    std::size_t retrait_;
    std::string tampon_;
    std::array<niveau, profondeur_max> niveaux_{};
    std::size_t profondeur_{0};
    bool cle_posee_{false};
};

// {"decimal": "0.333333", "den": 3, "num": 1}; num and den normalised (den > 0).
inline void ecrire(ecrivain& w, fraction f) {
    const fraction x = f.normalisee();
    w.debut_objet();
    w.membre("decimal", decimal_tronque(x));
    w.membre("den", x.den);
    w.membre("num", x.num);
    w.fin_objet();
}

inline void ecrire(ecrivain& w, const valeur_mesure& v) {
    switch (v.etat) {
        case etat_valeur::renseignee:
            w.debut_objet();
            w.membre("etat", "renseignee");
            w.membre("type", caqes::nom(v.type));
            w.cle("valeur");
            ecrire(w, v.v);
            w.fin_objet();
            return;
        case etat_valeur::non_concernee:
            w.debut_objet();
            w.membre("etat", "non_concernee");
            w.fin_objet();
            return;
        case etat_valeur::non_renseignee:
            w.debut_objet();
            w.membre("etat", "non_renseignee");
            w.fin_objet();
            return;
    }
    w.valeur(nullptr);
}

inline void ecrire(ecrivain& w, const reference_legale& r) {
    w.debut_objet();
    w.membre("legi_id", r.legi_id);
    w.membre("texte", r.texte);
    w.membre("version", r.version);
    w.fin_objet();
}

inline void ecrire(ecrivain& w, const score_volet& s) {
    w.debut_objet();
    w.membre("defini", s.defini());
    if (s.defini()) {
        w.cle("poids");
        ecrire(w, s.poids);
        w.cle("points");
        ecrire(w, s.points);
        w.cle("valeur");
        ecrire(w, s.valeur());
    }
    w.fin_objet();
}

// One indicator line of a trace.
inline void ecrire(ecrivain& w, const ligne_trace& l) {
    const indicateur* i = l.ind;
    w.debut_objet();
    if (i != nullptr) {
        w.cle("cible");
        if (i->objectif.presente()) {
            w.debut_objet();
            w.membre("mesure", i->objectif.mesure);
            w.membre("type", caqes::nom(i->objectif.type_valeur));
            w.cle("valeur");
            ecrire(w, i->objectif.valeur);
            w.fin_objet();
        } else {
            w.valeur(nullptr);
        }
        w.membre("code", i->code);
    }
    w.membre("compte", l.resultat.compte);
    if (i != nullptr) {
        w.membre("id", i->id);
        w.membre("illustratif", i->provenance == origine::illustrative);
        w.membre("libelle", i->libelle);
        w.membre("origine", nom(i->provenance));
        w.cle("poids");
        ecrire(w, i->poids);
    }
    w.cle("points");
    ecrire(w, l.points);
    w.cle("realisation");
    ecrire(w, l.realisation);
    w.membre("referentiel", nom(l.resultat.referentiel));
    if (i != nullptr) {
        if (!i->ref.vide()) w.membre("referentiel_texte", texte(i->ref));
        w.membre("sens", i->direction == sens::plus_bas_est_mieux ? "plus_bas_est_mieux" : "plus_haut_est_mieux");
        if (!i->source.vide()) {
            w.cle("source");
            ecrire(w, i->source);
        }
    }
    w.membre("statut", nom(l.resultat.s));
    w.cle("valeur");
    ecrire(w, l.valeur);
    if (i != nullptr) {
        // Every measure, in the grid's order, named by its code: a referentiel reads measures
        // other than `valeur`. An array, so that a code is a value, escaped as every string.
        w.cle("valeurs");
        w.debut_tableau();
        for (std::size_t k = 0; k < mesures_max; ++k) {
            if (i->mesures[k].vide()) continue;
            w.debut_objet();
            w.membre("mesure", i->mesures[k].code);
            w.cle("valeur");
            ecrire(w, l.valeurs[k]);
            w.fin_objet();
        }
        w.fin_tableau();
    }
    w.membre("volet", l.volet);
    w.fin_objet();
}

// What was decided for a contract-level entry (resultat_evaluation): its outcome, and for a
// rate measure its rate and duration.
struct decision_contrat {
    std::optional<issue_legale> nature{};
    std::optional<fraction> taux{};
    std::optional<int> duree_mois{};
};

// A proposal; for a contract-level entry (`decidee` given), also the outcome decided for it
// (resultat_evaluation::contrat_nature_decidee), null when none was, and the decided rate and
// duration (`taux_decide`, `duree_decidee_mois`), null when none was decided: the entry's own
// nature is `aucune` when nothing was proposed.
inline void ecrire(ecrivain& w, const proposition& p, const decision_contrat* decidee = nullptr) {
    w.debut_objet();
    w.cle("article");
    ecrire(w, p.article());
    w.membre("decision_au_dessus_proposition", p.decision_au_dessus);
    w.cle("decision_finale_centimes");
    if (p.decision_finale) {
        w.valeur(p.decision_finale->valeur);
    } else {
        w.valeur(nullptr);
    }
    w.membre("depassement", p.depassement);
    if (decidee != nullptr) w.membre("duree_decidee_mois", decidee->duree_mois);
    w.membre("economies_non_renseignees", p.economies_non_renseignees);
    w.membre("illustratif", p.illustratif);
    w.membre("montant_centimes", p.montant.valeur);
    w.membre("nature", caqes::nom(p.nature));
    if (decidee != nullptr) {
        w.cle("nature_decidee");
        if (decidee->nature) {
            w.valeur(caqes::nom(*decidee->nature));
        } else {
            w.valeur(nullptr);
        }
    }
    w.membre("plafond_atteint", p.plafond_atteint);
    w.membre("plafond_centimes", p.plafond.valeur);
    w.membre("statut", "proposition");
    w.cle("taux");
    ecrire(w, p.taux);
    if (decidee != nullptr) {
        w.cle("taux_decide");
        if (decidee->taux) {
            ecrire(w, *decidee->taux);
        } else {
            w.valeur(nullptr);
        }
    }
    w.fin_objet();
}

// An establishment's own base (resultat_evaluation::part_liste_en_sus, base_penalite): its
// cents, or null when not given.
inline void ecrire_base(ecrivain& w, std::string_view cle, const std::optional<centimes>& base) {
    w.cle(cle);
    if (base) {
        w.valeur(base->valeur);
    } else {
        w.valeur(nullptr);
    }
}

// The law applied and what the amounts rest on (trace.hpp's regles_json says what each is).
inline void ecrire_regles(ecrivain& w, const resultat_evaluation& r) {
    const regles_appliquees& g = r.regles;
    w.debut_objet();
    w.cle("alertes");
    w.debut_tableau();
    for (const alerte_evaluation a : toutes_alertes) {
        if (g.a(a)) w.valeur(caqes::nom(a));
    }
    w.fin_tableau();
    w.membre("annee_contrat", r.annee_contrat);
    w.membre("annee_partielle", caqes::nom(g.annee_partielle));
    w.membre("annee_produits", r.annee_produits);
    ecrire_base(w, "base_penalite_centimes", r.base_penalite);
    // null when the report gives none: "0000-00-00" would read as a day.
    w.membre("date_evaluation",
             g.date_evaluation.ok() ? std::optional<std::string>{texte(g.date_evaluation)} : std::nullopt);
    w.membre("date_regles", texte(g.date));
    w.membre("exercice", r.exercice);
    w.cle("issues_sans_version_en_vigueur");
    w.debut_tableau();
    for (const issue_legale i : toutes_issues_legales) {
        if (g.refusees.contient(i)) w.valeur(caqes::nom(i));
    }
    w.fin_tableau();
    ecrire_base(w, "part_liste_en_sus_centimes", r.part_liste_en_sus);
    w.cle("periode_mesures");
    if (g.periode_mesures.debut.ok()) {
        w.valeur(texte(g.periode_mesures));
    } else {
        w.valeur(nullptr);
    }
    w.membre("politique_version", caqes::nom(g.politique));
    w.cle("politiques_divergentes");
    w.debut_tableau();
    for (const version_applicable v : politiques_de_version) {
        if (g.diverge(v)) w.valeur(caqes::nom(v));
    }
    w.fin_tableau();
    w.membre("produits_assurance_maladie_centimes", r.produits_assurance_maladie.valeur);
    w.membre("regime", decrire(r.regime).nom);
    w.membre("transition", caqes::nom(g.transition));
    w.fin_objet();
}

inline void ecrire(ecrivain& w, const resultat_volet& v, std::size_t index) {
    w.debut_objet();
    w.cle("couverture");
    w.debut_objet();
    w.membre("evalue", v.couverture.evalue);
    w.membre("jours", v.couverture.jours);
    w.membre("jours_annee", v.couverture.jours_annee);
    w.membre("terme", texte(v.couverture.terme));
    w.membre("transition_signalee", v.couverture.transition_signalee);
    w.fin_objet();
    w.cle("decision");
    if (v.principale.decision_finale) {
        w.debut_objet();
        w.membre("au_dessus_proposition", v.principale.decision_au_dessus);
        w.membre("montant_centimes", v.principale.decision_finale->valeur);
        w.membre("nature", v.nature_decidee ? caqes::nom(*v.nature_decidee) : std::string_view{"aucune"});
        w.membre("proposition_centimes", v.principale.montant.valeur);
        w.fin_objet();
    } else {
        w.valeur(nullptr);
    }
    w.cle("economies_centimes");  // null: non renseigne
    if (v.economies) {
        w.valeur(v.economies->valeur);
    } else {
        w.valeur(nullptr);
    }
    w.membre("index", index);
    w.cle("proposition");
    if (v.principale.presente() || v.principale.decision_finale || v.principale.economies_non_renseignees) {
        ecrire(w, v.principale);
    } else {
        w.valeur(nullptr);
    }
    w.cle("score");
    ecrire(w, v.score);
    w.membre("volet", traits(v.volet).nom);
    w.fin_objet();
}

// A trace's lines, as the array of an evaluation's "trace" member.
inline void ecrire(ecrivain& w, const trace& t) {
    w.debut_tableau();
    for (const ligne_trace& l : t.lignes)
        ecrire(w, l);
    w.fin_tableau();
}

// Who an evaluation is for, written among its members (nlohmann's update() of the same keys).
struct identite {
    std::string_view finess;
    int exercice{0};
    std::string_view modele;
    std::optional<std::string_view> raison_sociale{};  // absent: no "raison_sociale" member
};

// One establishment's evaluation as an object: its identity when given, the result and, when
// given, its trace.
inline void ecrire_evaluation(ecrivain& w, const resultat_evaluation& r, const trace* t = nullptr,
                              const identite* id = nullptr) {
    w.debut_objet();
    w.cle("contrat");
    w.debut_tableau();
    for (std::size_t i = 0; i < r.nombre_contrat; ++i) {
        const decision_contrat d{r.contrat_nature_decidee[i], r.contrat_taux_decide[i],
                                 r.contrat_duree_decidee_mois[i]};
        ecrire(w, r.contrat[i], &d);
    }
    w.fin_tableau();
    // CAQES-E037: nothing was proposed; the document says why and where.
    if (!r.ok()) {
        w.cle("erreur");
        w.debut_objet();
        w.membre("code", fiche(r.erreur).code);
        w.membre("indicateur_id", r.indicateur_erreur);
        w.membre("volet", r.volet_erreur);
        w.fin_objet();
    }
    if (id != nullptr) {
        w.membre("exercice", id->exercice);
        w.membre("finess", id->finess);
        w.membre("modele", id->modele);
    }
    w.membre("nombre_decisions", r.nombre_decisions);
    w.membre("plafond_global_atteint", r.plafond_global_atteint);
    if (id != nullptr && id->raison_sociale) w.membre("raison_sociale", *id->raison_sociale);
    w.cle("regles");
    ecrire_regles(w, r);
    // Totals of the proposals, and apart those of the decisions recorded.
    w.membre("total_interessements_centimes", r.total_interessements.valeur);
    w.membre("total_interessements_decides_centimes", r.total_interessements_decides.valeur);
    w.membre("total_sanctions_centimes", r.total_sanctions.valeur);
    w.membre("total_sanctions_decidees_centimes", r.total_sanctions_decidees.valeur);
    if (t != nullptr) {
        w.cle("trace");
        ecrire(w, *t);
    }
    w.cle("volets");
    w.debut_tableau();
    for (std::size_t i = 0; i < r.nombre_volets; ++i)
        ecrire(w, r.volets[i], i);
    w.fin_tableau();
    w.fin_objet();
}

// {"code", "detail", "lieu"}: a validation failure or a rejected row.
inline void ecrire(ecrivain& w, const violation& v) {
    w.debut_objet();
    w.membre("code", v.code());
    w.membre("detail", v.detail);
    w.membre("lieu", v.lieu);
    w.fin_objet();
}

// An establishment whose report failed validation: who, and the violations in place of a result.
inline void ecrire_erreurs(ecrivain& w, const identite& id, std::span<const violation> erreurs) {
    w.debut_objet();
    w.cle("erreurs");
    w.debut_tableau();
    for (const violation& v : erreurs)
        ecrire(w, v);
    w.fin_tableau();
    w.membre("exercice", id.exercice);
    w.membre("finess", id.finess);
    w.membre("modele", id.modele);
    if (id.raison_sociale) w.membre("raison_sociale", *id.raison_sociale);
    w.fin_objet();
}

// One establishment of a batch: who, which year, and its evaluation. `trace_` may be empty
// (evaluated with sans_trace): the document then has no "trace" member for it.
struct evaluation_etablissement {
    std::string finess;
    std::string raison_sociale;
    int exercice{0};
    std::string modele;
    resultat_evaluation resultat{};
    trace trace_{};
    // Report validation failures: when not empty, `resultat` was not computed and the
    // document lists the violations instead.
    violations erreurs{};
};

inline void ecrire(ecrivain& w, const evaluation_etablissement& e) {
    const identite id{e.finess, e.exercice, e.modele, e.raison_sociale};
    if (!e.erreurs.empty()) {
        ecrire_erreurs(w, id, e.erreurs);
    } else {
        ecrire_evaluation(w, e.resultat, e.trace_.lignes.empty() ? nullptr : &e.trace_, &id);
    }
}

// Writes one document for a batch: {"evaluations": [...], "schema": "caqes.evaluation/1"}.
inline void ecrire(std::ostream& out, std::span<const evaluation_etablissement> lot, int indentation = 2) {
    ecrivain w{&out, indentation};
    w.debut_objet();
    w.cle("evaluations");
    w.debut_tableau();
    for (const evaluation_etablissement& e : lot)
        ecrire(w, e);
    w.fin_tableau();
    w.membre("schema", schema);
    w.fin_objet();
    w.brut("\n");
    w.vider();
}

}  // namespace caqes::json
