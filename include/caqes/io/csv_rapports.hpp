#pragma once
// The batch input: yearly reports of many establishments, read from two CSV files against a
// contract template (docs/input-format.md).
//
// - `valeurs` (long format): `finess;exercice;indicateur;mesure;valeur`, one row per
//   establishment, exercise year, indicator and measure.
// - `etablissements`: one row per establishment and year: `finess;exercice;annee_contrat;
//   produits_assurance_maladie;annee_produits`, then `economies_<volet>`, `decision_<volet>`
//   and `nature_<volet>` for each volet of the template, named (not numbered) so a file cannot
//   be read against a template whose volets come in another order. An empty savings cell is
//   *non renseigne*, never zero; a decision carries its nature (docs/input-format.md).
//   Optional column groups, each absent or complete: `activites`; `taux_<volet>` and
//   `duree_<volet>` (decisions the law sets as a rate); the six `l162_30_4_*` columns;
//   `part_liste_en_sus` and `base_penalite`, the bases of the 2017 cut and of the successor's
//   penalty (rapport_annuel), each empty where not given.
// - `contrats` (optional): one row per establishment's contract: its parties, dates and the
//   avenants that bring template volets in. With it, each report is validated against its
//   contract instance (contract time, CAQES-E060 to E065); without it, contract time is not
//   checked and every result says so.
//
// Every data row ends up accepted or rejected, and a rejected row points to the violation
// that explains it (file:line:field, rule, detail). An establishment-year is evaluated only
// when all its measures were accepted and `caqes::validate(def, rapport)` finds nothing:
// nothing is evaluated from partial garbage, and the rows of a rejected establishment-year
// are counted as rejected. The reconciliation counts physical lines (lines read = header +
// blank + accepted + rejected, per file), each row counted when it is decided, so a row the
// reader forgot to decide, or a line it swallowed, breaks it.
//
// The values file's rows of one establishment-year come together (CAQES-E044): it is read one
// row at a time and each establishment-year handed over when its rows end, so memory does not
// grow with that file (docs/input-format.md, "Memory"). `lire_rapports_flux` hands each
// accepted establishment-year and each violation to callbacks; `lire_rapports` collects them.
//
// One job per header: csv_lot.hpp (the public types), detail/csv_lignes.hpp (what every file
// shares: header, row shape, key), detail/csv_fichiers.hpp (each file's rows); this one joins
// them into establishment-years and validates each.
#include <caqes/calendrier/format.hpp>
#include <caqes/contrat/etablissement.hpp>
#include <caqes/contrat/instance.hpp>
#include <caqes/contrat/modele.hpp>
#include <caqes/contrat/validation.hpp>
#include <caqes/droit/violation.hpp>
#include <caqes/evaluation/rapport.hpp>
#include <caqes/evaluation/valeur.hpp>
#include <caqes/evaluation/validation.hpp>
#include <caqes/io/csv_date.hpp>
#include <caqes/io/csv_dialect.hpp>
#include <caqes/io/csv_lot.hpp>
#include <caqes/io/csv_number.hpp>
#include <caqes/io/csv_records.hpp>
#include <caqes/io/csv_text.hpp>
#include <caqes/io/detail/csv_fichiers.hpp>
#include <caqes/io/detail/csv_lignes.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/format.hpp>
#include <caqes/monnaie/montant.hpp>
#include <caqes/volet/volet.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caqes::csv {

namespace detail {

// "12 rows, lines 17 to 45"; `n` is not zero.
[[nodiscard]] inline std::string lignes_texte(std::size_t n, std::size_t lo, std::size_t hi) {
    return concat(std::to_string(n), n == 1 ? " row, line " : " rows, lines ", std::to_string(lo),
                  lo == hi ? std::string{} : concat(" to ", std::to_string(hi)));
}

// The batch reader. The establishments and contracts files are read first, each row into an
// index; then the values file, one row at a time: an establishment-year's rows are contiguous
// (docs/input-format.md, "Memory"), so it is held only until a row of another one comes, then
// validated and handed to `sur_rapport` or rejected, and dropped. Violations go to
// `sur_rejet` in the order found.
template <class SurRapport, class SurRejet>
[[nodiscard]] bilan_lecture lire(const modele_contrat_def& m, const parametres_evaluation& p, const source& valeurs,
                                 const source& etablissements, const source* fichier_contrats, const options_lecture& o,
                                 SurRapport&& sur_rapport, SurRejet&& sur_rejet) {
    bilan_lecture b{};
    violations tampon;  // the violations of the row or establishment-year at hand
    std::size_t emis = 0;
    auto vider = [&] {
        for (violation& v : tampon) {
            sur_rejet(std::move(v));
            ++emis;
        }
        tampon.clear();
        b.rejets = emis;
    };
    index_cles<etablissement_lu> etabs;
    std::map<std::string, contrat_lu, std::less<>> contrats;
    // The rows of each file rejected without a usable key (a row of the wrong shape, a FINESS or
    // year that is none): "no row in FILE" says how many, since one of them may be the row the
    // user looks for.
    std::size_t etablissements_sans_cle = 0;
    std::size_t contrats_sans_cle = 0;
    const auto sans_cle = [](std::size_t n) {
        if (n == 0) return std::string{};
        return concat(" (", std::to_string(n), n == 1 ? " row of it was" : " rows of it were",
                      " rejected without a usable key, above)");
    };
    if (fichier_contrats != nullptr) {
        b.contrats.emplace();
        lire_contrats(m, *fichier_contrats, o, tampon, emis, *b.contrats, contrats, contrats_sans_cle, vider);
    }
    // The establishments file's columns: a violation located at a column the file lacks (an
    // optional one: a base, a rate) says so, so that the user adds it rather than looks for it.
    std::vector<std::string> colonnes_etablissements;
    lire_etablissements(m, etablissements, o, tampon, emis, b.etablissements, etabs, b.activites_donnees,
                        colonnes_etablissements, etablissements_sans_cle, vider);
    etabs.fusionner();
    journal jv{valeurs.name, tampon, b.valeurs, emis};
    journal je{etablissements.name, tampon, b.etablissements, emis};
    std::optional<journal> jc;
    if (fichier_contrats != nullptr) jc.emplace(fichier_contrats->name, tampon, *b.contrats, emis);
    const std::vector<repere> index = reperes(m);

    const std::size_t mesures_modele = nombre_mesures(index);
    // The template and the parameters, checked once for the whole batch. When they break a
    // rule every establishment-year is rejected with the violations `validate(m, [c,] r, p)`
    // gives, in its order (template, instance, parameters).
    const resultat_validation<validateur_rapports> validateur = validate_lot(m, p);
    // The control total of the accepted establishment-years' decisions (CAQES-E040).
    total_decisions_acceptees decisions_acceptees{};
    // The report's lists, refilled for each establishment-year: their memory is reused.
    std::vector<saisie_indicateur> saisies;
    std::vector<montant_volet> economies;
    // An establishment-year whose rows all came: validated, then handed over or rejected. One
    // that the file stopped short of its end cut (`coupe`, why; empty when none) is rejected:
    // rows of it may be among those not read, and one of them could have rejected it.
    auto fermer_groupe = [&](groupe& g, std::string_view coupe) {
        const cle k{finess_de_cle(g.code), exercice_de_cle(g.code), g.code};
        const std::string qui = concat(k.finess, " ", std::to_string(k.exercice));
        contrat_lu* contrat = nullptr;
        std::string probleme_contrat;
        if (fichier_contrats != nullptr) {
            const auto ct = contrats.find(k.finess);
            if (ct == contrats.end()) {
                probleme_contrat = concat("no row in ", fichier_contrats->name, sans_cle(contrats_sans_cle));
            } else {
                contrat = &ct->second;
                if (!contrat->accepte) {
                    probleme_contrat = concat("its contract's row ", fichier_contrats->name, ":",
                                              std::to_string(contrat->ligne), " was rejected");
                }
            }
        }
        // CAQES-E026: every measure of every indicator whose values the report must give
        // (regles::valeurs_exigees: the volets the contract has in force for the exercise, the
        // indicators that apply to the establishment's activities), and the establishment row.
        // Values given for the others are refused by `validate` (CAQES-E060, CAQES-E035). An
        // indicator out of force this exercise is not asked for: `validate` refuses the report
        // for it (CAQES-E012, regles::en_vigueur_pendant), values or not.
        const std::array<bool, volets_max> couverts = volets_couverts(
            m, contrat != nullptr && contrat->accepte ? &contrat->instance : nullptr, k.exercice, p.annee_partielle);
        etablissement_lu* et = etabs.trouver(k.code);
        // Without its row (or the column), every activity of the template's scope, as `validate`
        // is then given.
        const activites exercees =
            et != nullptr && et->accepte && b.activites_donnees ? et->donnees.activites_etablissement : m.perimetre;
        std::string manque;
        std::size_t nombre_manquants = 0;
        for (const auto& x : index) {
            // A contract has at most volets_max volets (validate refuses more, CAQES-E008):
            // those past them are asked for, not read past `couverts`.
            const bool exigees =
                regles::valeurs_exigees(*x.ind, x.volet >= volets_max || couverts[x.volet], exercees) &&
                regles::en_vigueur_pendant(*x.ind, k.exercice);
            for (std::size_t jm = 0; jm < mesures_max; ++jm) {
                if (x.place[jm] == absent || groupe::donnee(g.mesures[x.place[jm]])) continue;
                // A value not asked for whose row was rejected (its kind, its domain...) still
                // sinks the establishment-year, as a required one's does: a valid value there
                // would have been refused by `validate` (CAQES-E035, E060, E012), so a broken
                // one is no reason to accept it.
                const bool rejetee = g.mesures[x.place[jm]].ligne != 0;
                if (!exigees && !rejetee) continue;
                if (nombre_manquants < 4)
                    manque += concat(nombre_manquants == 0 ? "" : ", ", x.ind->code, ".", x.ind->mesures[jm].code,
                                     exigees ? "" : " (its row was rejected)");
                ++nombre_manquants;
            }
        }
        if (nombre_manquants > 4) manque += concat(" and ", std::to_string(nombre_manquants - 4), " more");
        std::string probleme;
        if (nombre_manquants > 0) probleme = concat("missing ", manque);
        if (et == nullptr) {
            probleme += concat(probleme.empty() ? "" : "; ", "no row in ", etablissements.name,
                               sans_cle(etablissements_sans_cle));
        } else if (!et->accepte) {
            probleme += concat(probleme.empty() ? "" : "; ", "its row ", etablissements.name, ":",
                               std::to_string(et->ligne), " was rejected");
        }
        if (!probleme_contrat.empty()) probleme += concat(probleme.empty() ? "" : "; ", probleme_contrat);
        if (!coupe.empty()) probleme += concat(probleme.empty() ? "" : "; ", coupe);

        violations refus;
        if (probleme.empty()) {
            // The final per-report check is the library's `validate`, not a copy of it; the
            // report names its values by code, as any caller's would.
            const etablissement_lu& el = *et;
            // The entries are overwritten in place, every field of each: value-initialising a
            // new 176-byte entry per indicator (`rep stos`) was the hottest instruction here.
            if (saisies.size() < index.size()) saisies.resize(index.size());
            std::size_t donnees = 0;
            for (const auto& x : index) {
                // An indicator of a volet out of its term is left out unless the file gave it.
                bool donne = x.volet >= volets_max || couverts[x.volet];
                for (const std::size_t place : x.place)
                    donne = donne || (place != absent && groupe::donnee(g.mesures[place]));
                if (!donne) continue;
                saisie_indicateur& si = saisies[donnees++];
                si.indicateur = x.ind->code;
                // Expanded from the compact form only now: the values as `lire_valeur` read them.
                for (std::size_t jm = 0; jm < mesures_max; ++jm) {
                    if (x.place[jm] == absent) {
                        si.mesures[jm] = {};
                        continue;
                    }
                    const mesure_tenue& t = g.mesures[x.place[jm]];
                    si.mesures[jm] = {x.ind->mesures[jm].code,
                                      groupe::donnee(t) ? g.valeur(t, x.ind->mesures[jm].type) : valeur_mesure{}};
                }
            }
            economies.clear();
            for (std::size_t iv = 0; iv < m.volets.size() && iv < volets_max; ++iv) {
                if (el.economies[iv]) economies.push_back({m.volets[iv].volet, *el.economies[iv]});
            }
            rapport_annuel r = el.donnees;
            // Without the activities column every activity of the template's scope is taken as
            // exercised (docs/input-format.md), and the lot says so.
            if (!b.activites_donnees) r.activites_etablissement = m.perimetre;
            r.valeurs = std::span<const saisie_indicateur>{saisies}.first(donnees);
            r.economies = economies;
            r.decisions = el.decisions;
            resultat_validation<rapport_valide> v = [&] {
                if (contrat == nullptr) return validateur ? validateur.valeur().valider(r) : validate(m, r, p);
                // This year's activities are the contract's establishment's (L.162-22): set on
                // the contract read for the time of this validation rather than on a copy of it
                // (its strings and lists), then put back.
                contrat_instance& c = contrat->instance;
                const activites lues = std::exchange(c.etab.activites_exercees, r.activites_etablissement);
                resultat_validation<rapport_valide> w =
                    validateur ? validateur.valeur().valider(c, r) : validate(m, c, r, p);
                c.etab.activites_exercees = lues;
                return w;
            }();
            // Accepted by validation, it is still refused when its decisions would take the
            // total of the accepted ones past 64-bit cents.
            const std::span<const violation> refus_validation = decisions_acceptees.refus(v, el.decisions);
            if (refus_validation.empty()) {
                jv.accepter(g.attente);
                je.accepter();
                et->decide = true;
                if (contrat != nullptr) contrat->utilise = true;
                sur_rapport(rapport_lu{k.finess, std::move(v).valeur(), g.premiere_ligne, el.ligne,
                                       contrat != nullptr ? contrat->ligne : 0, b.activites_donnees},
                            std::as_const(b));
                return;
            }
            // A decision, savings or other cell of the establishments file is located at its
            // own row and column; a value at its row of values (`valeur`), an indicator at the
            // first row that gave one of its values (`indicateur`); the rest, and an indicator
            // no row gave, at the establishment-year's first row of values.
            for (const auto& x : refus_validation) {
                const std::string colonne = colonne_etablissement(x.lieu, el.decisions, b.activites_donnees);
                const bool colonne_absente =
                    !colonne.empty() && std::find(colonnes_etablissements.begin(), colonnes_etablissements.end(),
                                                  colonne) == colonnes_etablissements.end();
                std::string lieu = colonne.empty() ? jv.lieu(g.premiere_ligne, "finess") : je.lieu(el.ligne, colonne);
                if (colonne.empty()) {
                    if (const auto ligne = ligne_de_valeur(index, g, indicateur_de_violation(m, x)))
                        lieu = jv.lieu(ligne->first, ligne->second);
                }
                refus.push_back(
                    {x.id, std::move(lieu),
                     concat(qui, ": ", x.lieu, ": ", x.detail,
                            colonne_absente ? concat(" (", etablissements.name, " has no column ", colonne, ": add it)")
                                            : std::string{})});
            }
        } else {
            refus.push_back(
                {regle::indicateur_absent, jv.lieu(g.premiere_ligne, "finess"), concat(qui, ": ", probleme)});
        }

        const bool etab_a_rejeter = et != nullptr && et->accepte;
        // The rows that go down with it: its valid rows of the values file, and its row of
        // the establishments file; a group whose rows were all rejected on their own has none.
        const std::string etab =
            etab_a_rejeter ? concat(etablissements.name, ":", std::to_string(et->ligne)) : std::string{};
        std::string avec;
        if (g.attente > 0)
            avec = concat(" with its ", lignes_texte(g.attente, g.premiere_attente, g.derniere_attente),
                          etab.empty() ? "" : " and ", etab);
        else if (!etab.empty())
            avec = concat(" with ", etab);
        refus.front().detail += concat("; establishment-year rejected", avec);
        for (auto& x : refus)
            tampon.push_back(std::move(x));
        jv.rejeter_lignes(g.attente);
        if (etab_a_rejeter) {
            je.rejeter_lignes();
            et->decide = true;
        }
        if (contrat != nullptr) contrat->rejete = true;
    };

    fichier_lu f{};
    ouvrir(f, valeurs, o, b.valeurs, {"finess", "exercice", "indicateur", "mesure", "valeur"});
    b.octets_valeurs = f.apercu.bytes;
    if (!f.e.erreur.empty()) {
        refuser(f, jv, b.valeurs);
        vider();
    } else {
        const colonnes_valeurs colonnes = colonnes_valeurs::de(f.e);
        // The establishment-years closed so far, 8 bytes each: a row of one of them that comes
        // back is rejected at its line (CAQES-E044), since its establishment-year was decided.
        index_cles<std::uint64_t> fermees;
        groupe g{};
        bool ouvert = false;
        std::optional<au_dela> trop{};
        // The establishment-year held keeps its lines in 32 bits: past this line the rest of
        // the file is refused, located, rather than numbered wrong.
        const std::size_t lignes_max = std::min(o.lignes_valeurs_max, lignes_max_32);
        bool trop_de_lignes = false;
        ligne_valeurs l{};
        lire_lignes(
            f, jv, trop,
            [&](const record_view& r) {
                if (r.line > lignes_max) {
                    if (ouvert) {
                        fermer_groupe(g, concat("the maximum of ", std::to_string(lignes_max), " lines at line ",
                                                std::to_string(r.line), " stopped the file before its rows ended"));
                    }
                    ouvert = false;
                    trop = au_dela{r.line, {}, 0, 0};
                    trop_de_lignes = true;
                    trop->compter(jv);
                    return;
                }
                const std::size_t avant_ligne = tampon.size();
                lire_ligne_valeurs(m, jv, r, f.e, f.d, f.apercu.head, index, colonnes, l);
                const std::size_t apres_ligne = tampon.size();
                // The establishment-year this row closes is handed over before the row's own
                // violations: a reader of the stream (caqes explain) meets each row's violations
                // after the establishment-year before it ended.
                const auto fermer_avant_la_ligne = [&](std::string_view coupe) {
                    fermer_groupe(g, coupe);
                    const auto debut = tampon.begin() + static_cast<std::ptrdiff_t>(avant_ligne);
                    std::rotate(debut, tampon.begin() + static_cast<std::ptrdiff_t>(apres_ligne), tampon.end());
                };
                if (l.k && (!ouvert || l.k->code != g.code)) {
                    if (fermees.trouver(l.k->code) != nullptr) {
                        jv.rejeter(regle::valeurs_non_contigues, "finess",
                                   concat(l.k->finess, " ", std::to_string(l.k->exercice),
                                          ": its rows are not together: another establishment-year's rows came after "
                                          "them, which closed it (read, decided and handed over), and this one comes "
                                          "back; write each establishment-year's rows in one block (sort the file by "
                                          "finess then exercice, as ORDER BY finess, exercice does)"));
                        return;
                    }
                    if (fermees.size() + (ouvert ? 1U : 0U) >= o.etablissements_annees_max) {
                        // Past the stated maximum the rest of the file is refused, with this row
                        // named, rather than remembered until memory runs out.
                        if (ouvert) fermer_avant_la_ligne({});
                        ouvert = false;
                        trop = au_dela{r.line, concat(l.k->finess, " ", std::to_string(l.k->exercice)), 0, 0};
                        trop->compter(jv);
                        return;
                    }
                    if (ouvert) {
                        b.octets_valeurs_lus = f.lecteur->bytes_read();
                        fermer_avant_la_ligne({});
                        fermees.ajouter(g.code);
                    }
                    g.ouvrir(l.k->code, mesures_modele, r.line);
                    ouvert = true;
                }
                if (l.k && l.jm != absent) {
                    mesure_tenue& t = g.mesures[l.ind->place[l.jm]];
                    if (t.ligne != 0) {
                        jv.rejeter(regle::texte_invalide, "mesure",
                                   concat("duplicate of line ", std::to_string(t.ligne), " for ", l.k->finess, " ",
                                          std::to_string(l.k->exercice), " ", l.code, ".", l.code_mesure));
                    } else {
                        t.ligne = static_cast<std::uint32_t>(r.line);
                        if (!jv.rejetee()) {
                            if (groupe::tenir(t, l.v.v)) {
                                g.garder(r.line);
                            } else {
                                jv.rejeter(regle::depassement_capacite, "valeur",
                                           concat("the denominator of ", texte(l.v.v.type, l.v.v.v),
                                                  " is not that of a decimal number: it cannot be held exactly"));
                            }
                        }
                    }
                }
            },
            vider);
        // A read error is reported first: the establishment-year it cut says so.
        const bool coupe = interrompu(f, jv, b.valeurs);
        if (ouvert) {
            b.octets_valeurs_lus = f.lecteur->bytes_read();
            fermer_groupe(g, coupe ? concat("the read error at line ", std::to_string(f.lecteur->lines() + 1),
                                            " stopped the file before its rows ended")
                                   : std::string{});
        }
        if (trop && trop_de_lignes) {
            trop->signaler_lignes(jv, b.valeurs, lignes_max);
        } else if (trop) {
            trop->signaler(jv, b.valeurs, o.etablissements_annees_max, "establishment-year");
        }
        sans_ligne(f, jv, b.valeurs);
        fermer(f, b.valeurs);
        vider();
    }
    b.octets_valeurs_lus = b.octets_valeurs;

    // Establishment rows with no values at all: every indicator is missing. Its contract, if
    // one names it, goes down with it unless another of its establishment-years was kept.
    for (const etablissement_lu& et : etabs.entrees()) {
        if (et.decide) continue;
        const std::string finess = finess_de_cle(et.code);
        // A row rejected in its own file (above) takes its contract down too, and the contract's
        // rejection says so, not that no establishment-year names it.
        if (!et.accepte) {
            if (const auto c = contrats.find(finess); c != contrats.end()) c->second.rejete = true;
            continue;
        }
        je.signaler(regle::indicateur_absent, et.ligne, "finess",
                    concat(finess, " ", std::to_string(exercice_de_cle(et.code)), ": no row in ", valeurs.name,
                           "; establishment-year rejected"));
        je.rejeter_lignes();
        if (const auto c = contrats.find(finess); c != contrats.end()) c->second.rejete = true;
        vider();
    }

    // A contract row is kept when one of its establishment-years was; otherwise it is rejected,
    // at its own row: with its establishment-years, or alone when no establishment-year names it.
    for (auto& [finess, c] : contrats) {
        if (!c.accepte) continue;
        if (c.utilise) {
            jc->accepter();
        } else {
            jc->signaler(regle::indicateur_absent, c.ligne, "finess",
                         c.rejete ? concat(finess,
                                           ": every establishment-year of this contract was rejected (above); "
                                           "contract rejected")
                                  : concat(finess, ": no establishment-year in ", etablissements.name,
                                           " for this contract; contract rejected"));
            jc->rejeter_lignes();
        }
        vider();
    }

    // Every row is now accepted or rejected. A row left undecided would be a reader bug: it
    // is counted in neither, so the reconciliation shows it, in release builds too. (A file not
    // read to its end does not balance, and says so: `reconciliation::unread`.)
    assert(b.counts_agree());
    return b;
}

}  // namespace detail

// Reads and validates a batch one establishment-year at a time, with memory bounded
// (docs/input-format.md, "Memory"): `sur_rapport(rapport_lu&&, const bilan_lecture&)` receives
// each accepted establishment-year as soon as its rows are read, `sur_rejet(violation&&)` each
// violation (file:line:field, rule, detail) as soon as it is found. Each source is a text or a
// stream (`source::flux`). Without the contracts file (`contrats` null), contract time is not
// checked and every validated report says so.
template <class SurRapport, class SurRejet>
[[nodiscard]] bilan_lecture lire_rapports_flux(const modele_contrat_def& m, const parametres_evaluation& p,
                                               const source& valeurs, const source& etablissements,
                                               const source* contrats, const options_lecture& o,
                                               SurRapport&& sur_rapport, SurRejet&& sur_rejet) {
    return detail::lire(m, p, valeurs, etablissements, contrats, o, sur_rapport, sur_rejet);
}

namespace detail {
// The whole batch in memory, for small inputs, tests and callers that want it so.
[[nodiscard]] inline lot_rapports lire_tout(const modele_contrat_def& m, const parametres_evaluation& p,
                                            const source& valeurs, const source& etablissements, const source* contrats,
                                            const options_lecture& o) {
    lot_rapports lot{};
    bilan_lecture b = lire_rapports_flux(
        m, p, valeurs, etablissements, contrats, o,
        [&lot](rapport_lu&& r, const bilan_lecture&) { lot.rapports.push_back(std::move(r)); },
        [&lot](violation&& v) { lot.rejets.push_back(std::move(v)); });
    lot.valeurs = std::move(b.valeurs);
    lot.etablissements = std::move(b.etablissements);
    lot.contrats = std::move(b.contrats);
    lot.activites_donnees = b.activites_donnees;
    return lot;
}
}  // namespace detail

// Reads and validates a batch without contract data: contract time is not checked, and every
// validated report says so (`rapport_valide::avec_instance()` is false).
[[nodiscard]] inline lot_rapports lire_rapports(const modele_contrat_def& m, const parametres_evaluation& p,
                                                const source& valeurs, const source& etablissements,
                                                const options_lecture& o = {}) {
    return detail::lire_tout(m, p, valeurs, etablissements, nullptr, o);
}

// The same with the contracts file: each report is validated against its establishment's
// contract instance (contract time, avenants, the contract year: CAQES-E060 to E065).
[[nodiscard]] inline lot_rapports lire_rapports(const modele_contrat_def& m, const parametres_evaluation& p,
                                                const source& valeurs, const source& etablissements,
                                                const source& contrats, const options_lecture& o = {}) {
    return detail::lire_tout(m, p, valeurs, etablissements, &contrats, o);
}

}  // namespace caqes::csv
