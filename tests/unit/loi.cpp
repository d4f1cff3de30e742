// The law table (droit/loi.hpp): every version of the articles the toolkit applies, checked
// against the VERSIONS lines of shared/domain/legal-texts (fixture tests/unit/donnees/), and
// its lookups at a date.
#include "outils.hpp"

#include <array>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace caqes;

namespace {

struct ligne_version {
    std::string article;  // "L162-30-4", as the texts write it
    std::string legi_id;
    std::string etat;
    ymd debut{};
    ymd fin{};
};

ymd lire_date(const std::string& s) {
    return ymd{std::stoi(s.substr(0, 4)), static_cast<unsigned>(std::stoi(s.substr(5, 2))),
               static_cast<unsigned>(std::stoi(s.substr(8, 2)))};
}

std::string sans_espaces(const std::string& s) {
    const auto a = s.find_first_not_of(' ');
    const auto b = s.find_last_not_of(' ');
    return a == std::string::npos ? std::string{} : s.substr(a, b - a + 1);
}

std::vector<ligne_version> lire_fixture() {
    std::ifstream in(CAQES_DONNEES_TESTS "/versions_loi.txt");
    std::vector<ligne_version> out;
    std::string ligne;
    while (std::getline(in, ligne)) {
        if (ligne.empty() || ligne[0] == '#') continue;
        std::vector<std::string> champs;
        std::stringstream ss(ligne);
        std::string champ;
        while (std::getline(ss, champ, '|'))
            champs.push_back(sans_espaces(champ));
        REQUIRE(champs.size() == 5);
        // 2999-01-01 is how LEGI writes "no end".
        const ymd fin = champs[4] == "2999-01-01" ? fin_des_temps : lire_date(champs[4]);
        out.push_back({champs[0], champs[1], champs[2], lire_date(champs[3]), fin});
    }
    return out;
}

// "L.162-30-4" -> "L162-30-4"
std::string forme_texte(article_loi a) {
    std::string s{nom(a)};
    s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
    return s;
}

}  // namespace

TEST_CASE("law table: every version in force from 2017-04-23 is a row, with its LEGI id and its validity period",
          "[loi]") {
    const std::vector<ligne_version> fixture = lire_fixture();
    REQUIRE(fixture.size() == 44);
    int lignes_en_vigueur = 0;
    for (const ligne_version& l : fixture) {
        INFO(l.article << " " << l.legi_id);
        const version_loi* trouvee = nullptr;
        int n = 0;
        for (const auto& v : table_loi) {
            if (v.reference.legi_id == l.legi_id) {
                trouvee = &v;
                ++n;
            }
        }
        const bool jamais_en_vigueur = !(l.debut < l.fin);  // MODIFIE_MORT_NE, or an empty period
        if (jamais_en_vigueur || !(ymd{2017, 4, 23} < l.fin)) {
            CHECK(n == 0);
            continue;
        }
        ++lignes_en_vigueur;
        REQUIRE(n == 1);
        CHECK(forme_texte(trouvee->article) == l.article);
        CHECK(trouvee->validite == periode{l.debut, l.fin});
        CHECK(trouvee->reference.version == texte(trouvee->validite));
    }
    // Every row with a LEGI id comes from the fixture; the one without is the [S] penalty.
    int sans_id = 0;
    for (const auto& v : table_loi) {
        INFO(v.reference.texte << " " << texte(v.validite));
        if (v.reference.legi_id.empty()) {
            ++sans_id;
            CHECK(v.marque == marque_source::secondaire);
            CHECK(v.reference.version == texte(v.validite));
            continue;
        }
        CHECK(std::any_of(fixture.begin(), fixture.end(),
                          [&](const ligne_version& l) { return l.legi_id == v.reference.legi_id; }));
    }
    CHECK(sans_id == 1);
    CHECK(lignes_en_vigueur + sans_id == static_cast<int>(table_loi.size()));
}

TEST_CASE("law table: the two L.162-30-4 versions never in force are listed and left out", "[loi]") {
    const std::vector<ligne_version> fixture = lire_fixture();
    int jamais = 0;
    for (const ligne_version& l : fixture) {
        if (!(l.debut < l.fin)) {
            ++jamais;
            CHECK(l.article == "L162-30-4");
        }
    }
    CHECK(jamais == 2);  // LEGIARTI000031688209 (MORT_NE) and LEGIARTI000033714957 (empty)
}

TEST_CASE("law table: a constant looked up at a date comes with the version that sets it", "[loi]") {
    // D.162-16 III 1 (2017): 1 % per volet, in force [2017-04-23, 2022-01-01).
    constexpr valeur_legale v =
        constante_en_vigueur(article_loi::d162_16, constante_legale::plafond_sanction_volet, ymd{2021, 6, 1});
    STATIC_REQUIRE(v.en_vigueur());
    STATIC_REQUIRE(v.valeur == fraction{1, 100});
    CHECK(v.version->reference.legi_id == "LEGIARTI000034459834");
    CHECK(v.version->reference.version == "[2017-04-23, 2022-01-01)");
    // The day the 2022 version applies, D.162-16 sets no sanction cap: it provides no sanction.
    STATIC_REQUIRE_FALSE(
        constante_en_vigueur(article_loi::d162_16, constante_legale::plafond_sanction_volet, ymd{2022, 1, 1})
            .en_vigueur());
    CHECK(version_pour(issue_legale::sanction_volet, ymd{2021, 12, 31}) != nullptr);
    CHECK(version_pour(issue_legale::sanction_volet, ymd{2022, 1, 1}) == nullptr);
    // L.162-30-4: the 2020 version until 2024-12-31, the 2025 one after, nothing from 2027.
    CHECK(version_en_vigueur(article_loi::l162_30_4, ymd{2024, 12, 31})->reference.legi_id == "LEGIARTI000042685227");
    CHECK(version_en_vigueur(article_loi::l162_30_4, ymd{2025, 1, 1})->reference.legi_id == "LEGIARTI000048702783");
    CHECK(version_en_vigueur(article_loi::l162_30_4, ymd{2027, 1, 1}) == nullptr);
    // D.162-16: LEGIARTI000053220456 from 2025-12-31; listed in force after 2027, but it rests
    // on L.162-30-2, repealed from 2027-01-01.
    CHECK(version_en_vigueur(article_loi::d162_16, ymd{2025, 12, 31})->reference.legi_id == "LEGIARTI000053220456");
    CHECK(version_en_vigueur(article_loi::d162_16, ymd{2026, 12, 31}) != nullptr);
    CHECK(version_en_vigueur(article_loi::d162_16, ymd{2027, 1, 1}) == nullptr);
    CHECK(version_pour(issue_legale::sanction_refus, ymd{2027, 1, 1}) == nullptr);
    // The successor: allocation only in 2026 (interim text); the penalty from 2027 is [S] and
    // cites no LEGI id.
    CHECK(version_pour(issue_legale::penalite_financement, ymd{2026, 12, 31}) == nullptr);
    const version_loi* pen = version_pour(issue_legale::penalite_financement, ymd{2027, 1, 1});
    REQUIRE(pen != nullptr);
    CHECK(pen->marque == marque_source::secondaire);
    CHECK(pen->reference.legi_id.empty());
    CHECK(constante_en_vigueur(article_loi::l162_23_14, constante_legale::plafond_penalite, ymd{2027, 1, 1}).valeur ==
          fraction{2, 100});
    CHECK(version_pour(issue_legale::dotation, ymd{2026, 6, 1})->reference.legi_id == "LEGIARTI000053271346");
    // Before the CAQES: nothing.
    CHECK(version_en_vigueur(article_loi::d162_16, ymd{2017, 4, 22}) == nullptr);
}

TEST_CASE("law table: fixed rates and caps are what the texts say", "[loi]") {
    // Refusal: fixed, not maxima (D.162-15 2017 and 2022; L.162-30-2).
    const valeur_legale refus17 =
        constante_en_vigueur(article_loi::d162_15, constante_legale::taux_sanction_refus, ymd{2018, 1, 1});
    CHECK(refus17.source->sorte == sorte_constante::taux_fixe);
    CHECK(refus17.valeur == fraction{1, 100});
    const valeur_legale alt =
        constante_en_vigueur(article_loi::d162_15, constante_legale::taux_reduction_refus, ymd{2018, 1, 1});
    CHECK(alt.source->sorte == sorte_constante::taux_fixe);
    CHECK(alt.valeur == fraction{30, 100});
    CHECK_FALSE(constante_en_vigueur(article_loi::d162_15, constante_legale::taux_reduction_refus, ymd{2022, 1, 1})
                    .en_vigueur());
    CHECK(constante_en_vigueur(article_loi::d162_15, constante_legale::taux_sanction_refus, ymd{2022, 1, 1})
              .version->reference.legi_id == "LEGIARTI000044102672");
    // The 2017 evaluation cut is a maximum ("dans la limite de 30 %").
    CHECK(constante_en_vigueur(article_loi::d162_16, constante_legale::plafond_reduction_liste_en_sus, ymd{2018, 1, 1})
              .source->sorte == sorte_constante::plafond);
    // L.162-30-4: the reduction stands on its own from 2020-12-16.
    CHECK(version_en_vigueur(article_loi::l162_30_4, ymd{2020, 12, 15})->minoration_liee_abattement);
    CHECK_FALSE(version_en_vigueur(article_loi::l162_30_4, ymd{2020, 12, 16})->minoration_liee_abattement);
    // Strictest values, for parameters checked without a date.
    STATIC_REQUIRE(limite_legale(constante_legale::plafond_sanction_volet) == fraction{1, 100});
    STATIC_REQUIRE(limite_legale(constante_legale::plafond_abattement) == fraction{1, 2});
    STATIC_REQUIRE(limite_legale(constante_legale::plafond_penalite) == fraction{2, 100});
}

TEST_CASE("law table: the precomputed calendar gives the versions a scan of the table gives, every day", "[loi]") {
    // versions_au reads the calendar built at compile time; versions_au_direct scans the table.
    int jours = 0;
    for (ymd j{2014, 1, 1}; j < ymd{2031, 1, 1}; j = lendemain(j)) {
        const versions_du_jour a = versions_au(j);
        const versions_du_jour b = versions_au_direct(j);
        if (a.rang != b.rang) FAIL("versions differ on " << texte(j));
        ++jours;
    }
    CHECK(jours == 6209);
    CHECK(versions_au(ymd{2016, 1, 1}).rang ==
          versions_au_direct(ymd{2016, 1, 1}).rang);  // before the first day it knows
}

TEST_CASE("law table: the precomputed ranks of the constants give what a scan of each version gives", "[loi]") {
    // constante_en_vigueur reads detail::rangs_constantes_; version_loi::trouver scans the
    // version's dispositions. Every version, every constant, every article.
    std::size_t trouvees = 0;
    std::size_t absentes = 0;
    for (std::size_t k = 0; k < table_loi.size(); ++k) {
        const version_loi& v = table_loi[k];
        versions_du_jour jour{};
        jour.rang.fill(table_loi.size());
        jour.rang[static_cast<std::size_t>(v.article)] = k;
        for (std::size_t c = 1; c < detail::nombre_constantes; ++c) {
            const auto id = static_cast<constante_legale>(c);
            const disposition* d = v.trouver(id);
            const valeur_legale l = constante_en_vigueur(jour, v.article, id);
            INFO(v.reference.texte << ", " << nom(id));
            REQUIRE(l.en_vigueur() == (d != nullptr));
            if (d == nullptr) {
                ++absentes;
                continue;
            }
            ++trouvees;
            CHECK(l.source == d);
            CHECK(l.version == &v);
            CHECK(l.valeur == d->valeur);
        }
    }
    CHECK(trouvees > 20);
    CHECK(absentes > 0);
    // A constant beyond the enumeration is in force nowhere.
    versions_du_jour tout = versions_au(ymd{2020, 6, 30});
    CHECK_FALSE(
        constante_en_vigueur(tout, article_loi::d162_16, static_cast<constante_legale>(detail::nombre_constantes))
            .en_vigueur());
}

TEST_CASE("law table: the maximal term every bounded term is checked against is the table's five years", "[loi]") {
    // Read from the table (volet/duree.hpp), not written a second time beside it.
    STATIC_REQUIRE(duree_maximale_annees == 5);
    int versions = 0;
    for (const version_loi& v : table_loi) {
        const disposition* d = v.trouver(constante_legale::duree_maximale);
        if (d == nullptr) continue;
        ++versions;
        CHECK(d->valeur == entier(5));
        CHECK(d->unite == unite_constante::annees);
    }
    CHECK(versions == 2);  // L.162-30-2 (2019) and D.162-14 I (2022)
    // A table whose versions disagree, or that states none, gives no single limit: the build stops
    // (the static_assert beside duree_maximale_annees).
    const auto avec = [](std::int64_t annees, unite_constante u = unite_constante::annees) {
        version_loi v{};
        v.dispositions[0] = {constante_legale::duree_maximale, sorte_constante::plafond, entier(annees), u,
                             "duree maximale"};
        return v;
    };
    STATIC_REQUIRE(detail::duree_maximale_de(std::array<version_loi, 2>{avec(4), avec(4)}) == 4);
    CHECK(detail::duree_maximale_de(std::array<version_loi, 2>{avec(5), avec(6)}) == 0);
    CHECK(detail::duree_maximale_de(std::array<version_loi, 1>{version_loi{}}) == 0);
    CHECK(detail::duree_maximale_de(std::array<version_loi, 1>{avec(0)}) == 0);
    // Sixty months are no sixty years: a limit in another unit is no limit in years.
    CHECK(detail::duree_maximale_de(std::array<version_loi, 1>{avec(60, unite_constante::mois)}) == 0);
}
