// Writes docs/legal-mapping.md to standard output: the prose of docs/legal-mapping.md.in, each
// of its table markers replaced by a table computed from the law table (droit/loi.hpp) through
// its lookups. The page can then state no version, date or figure the code does not apply, and
// the test docs.legal_mapping_current fails when the committed page is stale (issue 12, "the
// law as dated data"). No figure of the law is written here.
//
// Markers, each on a line of its own and used exactly once:
//   <!-- table: versions -->     every row of table_loi
//   <!-- table: outcomes -->     for each outcome, the version applied on each date
//   <!-- table: rules-dates -->  the date of the rules per exercise and regime
//
// CAQES_LEGAL_MAPPING_TEMPLATE, the template's path, is set by tools/CMakeLists.txt.
#include <caqes/calendrier/format.hpp>
#include <caqes/droit/loi.hpp>
#include <caqes/droit/regime.hpp>
#include <caqes/mesure/format.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace caqes;

// The span the issue asks the page to cover: every exercise a CAQES contract or its successor
// can be evaluated for, from the first generation (decret 2017-584) to two years past the
// repeal of L.162-30-2 (LFSS 2026 art. 79).
constexpr int premiere_annee = 2017;
constexpr int derniere_annee = 2028;

constexpr std::string_view commande =
    "cmake --build build/gcc --target legal_mapping && build/gcc/tools/legal_mapping > docs/legal-mapping.md";

// A table cell: a '|' would end the cell early.
std::string cellule(std::string_view s) {
    std::string r;
    for (const char c : s) {
        if (c == '|') r += '\\';
        r += c;
    }
    return r;
}

std::string marque(marque_source m) {
    return m == marque_source::non_lu ? std::string{nom(m)} : concat("[", nom(m), "]");
}

// The units are named in the plural: "1 month", not "1 months".
std::string_view unite(const disposition& d) {
    std::string_view u = nom(d.unite);
    if (d.valeur == entier(1)) u.remove_suffix(1);
    return u;
}

// "at most 1 %", "fixed 30 %", "at least 70 %", "15 days".
std::string valeur(const disposition& d) {
    const std::string chiffre = d.unite == unite_constante::part ? texte(type_mesure::taux, d.valeur)
                                                                 : concat(texte_decimal(d.valeur), " ", unite(d));
    return d.sorte == sorte_constante::duree ? chiffre : concat(nom(d.sorte), " ", chiffre);
}

std::string issues_permises(const version_loi& v) {
    std::string s;
    for (const issue_legale i : toutes_issues_legales) {
        if (!v.permises.contient(i)) continue;
        if (!s.empty()) s += "; ";
        s += nom(i);
        if (i == issue_legale::minoration && v.minoration_liee_abattement) {
            s += concat(" (only with ", nom(issue_legale::abattement), ")");
        }
    }
    return s;
}

std::string constantes(const version_loi& v) {
    std::string s;
    for (const disposition& d : v.dispositions) {
        if (d.vide()) continue;
        if (!s.empty()) s += "<br>";
        s += concat("`", nom(d.id), "` ", valeur(d), ": \"", d.extrait, "\"");
    }
    return s;
}

std::string table_versions() {
    std::string s =
        "| article | LEGI id | [from, to) | mark | rests on | outcomes allowed | constants: value, the text's words |\n"
        "|---|---|---|---|---|---|---|\n";
    for (const version_loi& v : table_loi) {
        s += concat("| ", nom(v.article), " | ", v.reference.legi_id, " | ", texte(v.validite), " | ", marque(v.marque),
                    " | ", nom(v.fondement), " | ", cellule(issues_permises(v)), " | ", cellule(constantes(v)), " |\n");
    }
    return s;
}

// 1 January and 1 July of every year covered, and every day a version of the table starts or
// ends within them: between two listed days no lookup can change its answer.
std::vector<ymd> dates_listees() {
    const periode couverte{ymd{premiere_annee, 1, 1}, ymd{derniere_annee + 1, 1, 1}};
    std::vector<ymd> jours;
    for (int an = premiere_annee; an <= derniere_annee; ++an) {
        jours.push_back(ymd{an, 1, 1});
        jours.push_back(ymd{an, 7, 1});
    }
    for (const version_loi& v : table_loi) {
        for (const ymd jour : {v.validite.debut, v.validite.fin}) {
            if (couverte.contient(jour)) jours.push_back(jour);
        }
    }
    std::sort(jours.begin(), jours.end());
    jours.erase(std::unique(jours.begin(), jours.end()), jours.end());
    return jours;
}

std::string table_issues() {
    const std::vector<ymd> jours = dates_listees();
    std::string s;
    for (const issue_legale i : toutes_issues_legales) {
        s += concat("### ", nom(i), "\n\nGoverned by ", nom(article_de(i)), ".\n\n",
                    "| date | version applied | in force |\n|---|---|---|\n");
        for (const ymd jour : jours) {
            const version_loi* v = version_pour(i, jour);
            if (v == nullptr) {
                s += concat("| ", texte(jour), " | none | |\n");
            } else {
                const std::string_view id = v->reference.legi_id.empty() ? "[S]" : v->reference.legi_id;
                s += concat("| ", texte(jour), " | ", id, " | ", texte(v->validite), " |\n");
            }
        }
        s += '\n';
    }
    // No blank line after the last table: the template says what follows the marker.
    s.pop_back();
    return s;
}

std::string table_dates_des_regles() {
    std::string s = concat("| exercise | `", nom(version_applicable::annee_exercice), "` |");
    std::string regle = "|---|---|";
    for (const regime_desc& r : regimes) {
        s += concat(" `", nom(version_applicable::regime_du_contrat), "`, ", r.nom, " |");
        regle += "---|";
    }
    s += concat("\n", regle, "\n");
    for (int an = premiere_annee; an <= derniere_annee; ++an) {
        // Neither policy shown reads the evaluation day (date_evaluation alone does), and
        // annee_exercice reads no regime.
        const ymd evaluation{an + 1, 1, 1};
        s += concat("| ", std::to_string(an), " | ",
                    texte(date_des_regles(version_applicable::annee_exercice, regime_id::caqes_2017, an, evaluation)),
                    " |");
        for (const regime_desc& r : regimes) {
            s += concat(" ", texte(date_des_regles(version_applicable::regime_du_contrat, r.id, an, evaluation)), " |");
        }
        s += '\n';
    }
    return s;
}

struct marqueur {
    std::string_view ligne;
    std::string (*table)();
    bool vu{false};
};

}  // namespace

int main() {
    std::array<marqueur, 3> marqueurs{{{"<!-- table: versions -->", table_versions},
                                       {"<!-- table: outcomes -->", table_issues},
                                       {"<!-- table: rules-dates -->", table_dates_des_regles}}};
    std::ifstream modele{CAQES_LEGAL_MAPPING_TEMPLATE};
    if (!modele) {
        std::cerr << "legal_mapping: cannot read " << CAQES_LEGAL_MAPPING_TEMPLATE << '\n';
        return 1;
    }
    std::ostringstream page;
    page << "<!-- Generated from docs/legal-mapping.md.in and the law table (include/caqes/droit/loi.hpp)\n"
            "     by tools/legal_mapping.cpp; do not edit. Regenerate with:\n"
            "     "
         << commande << " -->\n";
    std::string ligne;
    while (std::getline(modele, ligne)) {
        const auto m =
            std::find_if(marqueurs.begin(), marqueurs.end(), [&](const marqueur& x) { return x.ligne == ligne; });
        if (m == marqueurs.end()) {
            if (ligne.starts_with("<!-- table:")) {
                std::cerr << "legal_mapping: unknown marker " << ligne << '\n';
                return 1;
            }
            page << ligne << '\n';
            continue;
        }
        if (m->vu) {
            std::cerr << "legal_mapping: marker used twice: " << ligne << '\n';
            return 1;
        }
        m->vu = true;
        page << m->table();
    }
    for (const marqueur& m : marqueurs) {
        if (!m.vu) {
            std::cerr << "legal_mapping: marker missing from the template: " << m.ligne << '\n';
            return 1;
        }
    }
    std::cout << page.str();
    std::cout.flush();
    return std::cout ? 0 : 1;
}
