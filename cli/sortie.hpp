#pragma once
// The outputs of `caqes evaluate` (docs/cli.md): one record per establishment-year, written as
// soon as it is evaluated, in JSON Lines, CSV (French dialect: `;` and decimal comma; or plain:
// `,` and decimal point) or Markdown. Amounts are exact: integer cents in JSON, cents written
// with two decimals in CSV and Markdown; never a floating-point number.
#include <caqes/calendrier/format.hpp>
#include <caqes/evaluation/proposition.hpp>
#include <caqes/evaluation/trace.hpp>
#include <caqes/io/csv_dialect.hpp>
#include <caqes/io/csv_rapports.hpp>
#include <caqes/io/json/ecriture.hpp>
#include <caqes/mesure/format.hpp>
#include <caqes/monnaie/format.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace caqes::cli {

enum class format_sortie : std::uint8_t { jsonl, csv_fr, csv, markdown };

// One evaluated establishment-year, as every format receives it.
struct ligne_resultat {
    const csv::rapport_lu& lu;
    const resultat_evaluation& res;
    const trace* trace_{nullptr};  // with --trace (JSON Lines only)
};

// "1234,56" in the French dialect, "1234.56" in the plain one: no thousands separator, so that
// a spreadsheet reads the cell as a number in either locale's dialect.
[[nodiscard]] inline std::string montant(centimes c, csv::dialect d) {
    std::string s = texte_euros(c);
    if (d == csv::dialect::french) s[s.size() - 3] = ',';
    return s;
}

// A score as a ratio in [0, 1], truncated to 6 decimals with the dialect's mark (informative:
// the JSON Lines output gives it exactly, as num/den); empty when no indicator counted.
[[nodiscard]] inline std::string score(const score_volet& s, csv::dialect d) {
    if (!s.defini()) return {};
    std::string t = json::decimal_tronque(s.valeur());
    if (d == csv::dialect::french) {
        for (char& c : t)
            c = c == '.' ? ',' : c;
    }
    return t;
}

// A CSV field: quoted when it holds the separator, a quote or a line break.
[[nodiscard]] inline std::string champ(std::string_view s, csv::dialect d) {
    if (s.find_first_of(std::string{csv::separator(d)} + "\"\r\n") == std::string_view::npos) return std::string{s};
    std::string q = "\"";
    for (const char c : s)
        q += c == '"' ? std::string{"\"\""} : std::string{c};
    return q + "\"";
}

// The contract-level proposals (regional or national incentive, L.162-30-4 measures, successor
// penalty): "interessement_regional 1234,56", joined by " + ".
[[nodiscard]] inline std::string propositions_contrat(const resultat_evaluation& r, csv::dialect d) {
    std::string s;
    for (std::size_t i = 0; i < r.nombre_contrat; ++i) {
        if (!r.contrat[i].presente()) continue;
        s += concat(s.empty() ? "" : " + ", nom(r.contrat[i].nature), " ", montant(r.contrat[i].montant, d));
    }
    return s;
}

class ecrivain {
  public:
    ecrivain(std::ostream& out, format_sortie f, const modele_contrat_def& m) : out_(out), f_(f), m_(m) {}

    void entete() {
        switch (f_) {
            case format_sortie::jsonl:
                return;
            case format_sortie::csv_fr:
                entete_csv(csv::dialect::french);
                return;
            case format_sortie::csv:
                entete_csv(csv::dialect::plain);
                return;
            case format_sortie::markdown:
                entete_markdown();
                return;
        }
    }

    // Written and flushed at once: a consumer reading the pipe sees each establishment-year as
    // soon as it is evaluated, and nothing is held back in memory.
    void ecrire(const ligne_resultat& l) {
        switch (f_) {
            case format_sortie::jsonl:
                ecrire_jsonl(l);
                break;
            case format_sortie::csv_fr:
                ecrire_csv(l, csv::dialect::french);
                break;
            case format_sortie::csv:
                ecrire_csv(l, csv::dialect::plain);
                break;
            case format_sortie::markdown:
                ecrire_markdown(l);
                break;
        }
        out_.flush();
    }

  private:
    void entete_csv(csv::dialect d) {
        const char sep = csv::separator(d);
        out_ << "finess" << sep << "exercice" << sep << "annee_contrat" << sep << "produits_assurance_maladie" << sep
             << "date_regles";
        for (const auto& v : m_.volets) {
            const std::string_view n = csv::nom_colonne(v.volet);
            out_ << sep << "score_" << n << sep << "proposition_" << n << sep << "montant_" << n << sep
                 << "plafond_atteint_" << n << sep << "decision_" << n;
        }
        out_ << sep << "propositions_contrat" << sep << "total_sanctions" << sep << "total_interessements" << sep
             << "total_sanctions_decidees" << sep << "total_interessements_decides" << sep << "plafond_global_atteint"
             << sep << "erreur\n";
    }

    void ecrire_csv(const ligne_resultat& l, csv::dialect d) {
        const char sep = csv::separator(d);
        const resultat_evaluation& r = l.res;
        out_ << champ(l.lu.finess, d) << sep << r.exercice << sep << r.annee_contrat << sep
             << montant(r.produits_assurance_maladie, d) << sep << texte(r.regles.date);
        for (std::size_t i = 0; i < m_.volets.size(); ++i) {
            if (i >= r.nombre_volets) {
                out_ << sep << sep << sep << sep << sep;
                continue;
            }
            const resultat_volet& v = r.volets[i];
            const proposition& p = v.principale;
            out_ << sep << score(v.score, d) << sep << (p.presente() ? nom(p.nature) : std::string_view{}) << sep
                 << (p.presente() && !p.depassement ? montant(p.montant, d) : std::string{}) << sep
                 << (p.plafond_atteint ? 1 : 0) << sep
                 << (p.decision_finale ? montant(*p.decision_finale, d) : std::string{});
        }
        out_ << sep << propositions_contrat(r, d) << sep << montant(r.total_sanctions, d) << sep
             << montant(r.total_interessements, d) << sep << montant(r.total_sanctions_decidees, d) << sep
             << montant(r.total_interessements_decides, d) << sep << (r.plafond_global_atteint ? 1 : 0) << sep
             << (r.ok() ? std::string_view{} : fiche(r.erreur).code) << '\n';
    }

    void entete_markdown() {
        out_ << "| finess | exercice |";
        for (const auto& v : m_.volets)
            out_ << ' ' << traits(v.volet).nom << " |";
        out_ << " contrat | sanctions | interessements |\n|---|---|";
        for (std::size_t i = 0; i < m_.volets.size(); ++i)
            out_ << "---|";
        out_ << "---|--:|--:|\n";
    }

    // "62.5 % sanction 1234.56*": score, proposal, amount, and * when a cap bound it.
    void ecrire_markdown(const ligne_resultat& l) {
        const resultat_evaluation& r = l.res;
        out_ << "| " << l.lu.finess << " | " << r.exercice << " |";
        for (std::size_t i = 0; i < m_.volets.size(); ++i) {
            if (i >= r.nombre_volets) {
                out_ << " |";
                continue;
            }
            const resultat_volet& v = r.volets[i];
            const proposition& p = v.principale;
            std::string c = v.score.defini() ? texte_decimal(v.score.valeur()) : std::string{"-"};
            if (!v.couverture.evalue)
                c += " out of term";
            else if (p.economies_non_renseignees)
                c += " savings NR";
            else if (p.depassement)
                c += concat(" ", nom(p.nature), " OVERFLOW");
            else if (p.presente())
                c += concat(" ", nom(p.nature), " ", texte_euros(p.montant), p.plafond_atteint ? "*" : "");
            if (p.decision_finale) c += concat(" (decided ", texte_euros(*p.decision_finale), ")");
            out_ << ' ' << c << " |";
        }
        // CAQES-E037: nothing was proposed; the contract cell says why.
        std::string contrat =
            r.ok() ? propositions_contrat(r, csv::dialect::plain) : concat(fiche(r.erreur).code, " nothing proposed");
        out_ << ' ' << (contrat.empty() ? "-" : contrat) << " | " << texte_euros(r.total_sanctions) << " | "
             << texte_euros(r.total_interessements) << " |\n";
    }

    // One JSON object a line (schema caqes.evaluation/1, one evaluation per line), written
    // without a tree (json/ecriture.hpp): the bytes nlohmann's dump(-1) gives.
    void ecrire_jsonl(const ligne_resultat& l) {
        const json::identite id{l.lu.finess, l.res.exercice, m_.nom, std::nullopt};
        json::ecrire_evaluation(jsonl_, l.res, l.trace_, &id);
        jsonl_.brut("\n");
        jsonl_.vider();
    }

    std::ostream& out_;
    format_sortie f_;
    const modele_contrat_def& m_;
    json::ecrivain jsonl_{&out_, -1};
};

}  // namespace caqes::cli
