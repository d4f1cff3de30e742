#pragma once
// Rule identifiers and their catalogue.
//
// Every legal rule the toolkit enforces has one stable id (CAQES-Ennn). The same id is
// printed by the compile-time static_assert and carried by the run-time `violation`, so a
// user can search docs/diagnostics.md with either. The catalogue below is the single place
// where an id gets its plain-words title and its legal source.
#include <array>
#include <cstdint>
#include <string_view>

namespace caqes {

enum class regle : std::uint8_t {
    aucune = 0,
    date_inexistante = 1,              // E001
    periode_vide = 2,                  // E002
    debut_hors_regime = 3,             // E003
    duree_superieure_5_ans = 4,        // E004
    duree_indeterminee_interdite = 5,  // E005
    transition_non_choisie = 6,        // E006
    volet_obligatoire = 7,             // E007
    volet_en_double = 8,               // E008
    volet_hors_regime = 9,             // E009
    issue_non_permise = 10,            // E010
    indicateur_en_double = 11,         // E011
    indicateur_hors_validite = 12,     // E012
    indicateur_hors_perimetre = 13,    // E013
    unite_incoherente = 14,            // E014
    referentiel_mal_forme = 15,        // E015
    origine_sans_source = 16,          // E016
    poids_non_positif = 17,            // E017
    contrat_superieur_5_ans = 18,      // E018
    perimetre_hors_regime = 19,        // E019
    partie_absente = 20,               // E020
    date_hors_fenetre = 21,            // E021
    finess_mal_forme = 22,             // E022
    date_calendaire_impossible = 23,   // E023
    activite_hors_perimetre = 24,      // E024
    parametre_chevauchant = 25,        // E025
    indicateur_absent = 26,            // E026
    mesure_mauvaise_nature = 27,       // E027
    valeur_hors_domaine = 28,          // E028
    texte_invalide = 29,               // E029
    exercice_non_couvert = 30,         // E030
    cible_sous_plancher = 31,          // E031
    mesure_inconnue = 32,              // E032
    code_indicateur_en_double = 33,    // E033
    paliers_desordonnes = 34,          // E034
    indicateur_non_applicable = 35,    // E035
    saisie_en_double = 36,             // E036
    depassement_score = 37,            // E037
    rapport_autre_modele = 38,         // E038
    depassement_capacite = 40,         // E040
    encodage_invalide = 41,            // E041
    fichier_inutilisable = 42,         // E042
    hors_caqes = 43,                   // E043
    valeurs_non_contigues = 44,        // E044
    valeur_hors_echelle = 45,          // E045
    parametre_hors_domaine = 46,       // E046
    part_hors_domaine = 47,            // E047
    rapport_autres_parametres = 48,    // E048
    tolerance_hors_domaine = 49,       // E049
    parametre_hors_la_loi = 50,        // E050
    parametre_ouvert_absent = 51,      // E051
    socle_duree_bornee = 52,           // E052
    volet_hors_terme = 60,             // E060
    decision_hors_issues = 61,         // E061
    decision_hors_la_loi = 62,         // E062
    sanction_et_interessement = 63,    // E063
    annee_contrat_incoherente = 64,    // E064
    avenant_hors_modele = 65,          // E065
    base_absente = 66,                 // E066
    date_evaluation_absente = 67,      // E067
    grille_mal_formee = 70,            // E070
    cle_en_double = 71,                // E071
    schema_inconnu = 72,               // E072
};

struct fiche_regle {
    regle id;
    std::string_view code;    // "CAQES-E007"
    std::string_view titre;   // plain words, ASCII
    std::string_view source;  // article and version
};

// The size follows the rows (std::to_array): a new rule is one row, never a count to update.
inline constexpr auto catalogue_regles = std::to_array<fiche_regle>({
    {regle::date_inexistante, "CAQES-E001", "a date is not a real calendar date",
     "calendar (date library); every dated rule"},
    {regle::periode_vide, "CAQES-E002", "a period [from, to) is empty or inverted",
     "half-open periods of every dated text"},
    {regle::debut_hors_regime, "CAQES-E003", "the start lies outside the regime's window",
     "decret 2017-584 art. 2; D.162-14..16 version dates (LEGIARTI000034459855, LEGIARTI000044102681); LFSS 2026 art. "
     "79"},
    {regle::duree_superieure_5_ans, "CAQES-E004", "a bounded term exceeds five years",
     "L.162-30-2 (LEGIARTI000041398036, from 2019-12-28); D.162-14 I (LEGIARTI000044102681, 2022-01-01); [S: FHF "
     "2017] for the first generation's additional volets before them"},
    {regle::duree_indeterminee_interdite, "CAQES-E005", "only the first-generation socle may have an indefinite term",
     "D.162-14 I (LEGIARTI000034459855, 2017-04-23) [S: FHF, ANFH, ARS]"},
    {regle::transition_non_choisie, "CAQES-E006",
     "a term or the template's window runs past its regime's end and no transition policy is named",
     "regime ends: D.162-14..16 version dates (2022-01-01), LFSS 2026 art. 79 (2027-01-01); transition: LFSS 2026 (loi "
     "2025-1403) art. 79 III [U]"},
    {regle::volet_obligatoire, "CAQES-E007",
     "the mandatory volet must be present exactly once (at least one volet otherwise)",
     "D.162-14 I (LEGIARTI000034459855, 2017-04-23); D.162-14 I (LEGIARTI000044102681, 2022-01-01)"},
    {regle::volet_en_double, "CAQES-E008", "a volet appears twice in one contract",
     "D.162-14 I; D.162-15 (each volet once per contract)"},
    {regle::volet_hors_regime, "CAQES-E009", "the volet does not exist in this regime",
     "L.162-30-2 1 and 2 (2017); D.162-14 I 1 to 3 (2022); L.162-23-14 (successor)"},
    {regle::issue_non_permise, "CAQES-E010", "an outcome clause is not allowed for this volet in this regime",
     "D.162-16 I and III (LEGIARTI000034459834); D.162-16 V (LEGIARTI000044102658); L.162-30-4; L.162-23-14"},
    {regle::indicateur_en_double, "CAQES-E011", "two indicators share one id",
     "D.162-16 I (one obligation, one evaluation)"},
    {regle::indicateur_hors_validite, "CAQES-E012", "an indicator is used outside its validity period",
     "arretes of 2017-04-27, 2018-12-12 and 2022-02-23 (dated referentiels)"},
    {regle::indicateur_hors_perimetre, "CAQES-E013", "an indicator applies to no activity of the template's scope",
     "L.162-22 1 to 4 (LEGIARTI000048702956)"},
    {regle::unite_incoherente, "CAQES-E014", "a comparison mixes two kinds of measure",
     "arrete of 2022-02-23, annex (each referentiel compares one measure with a threshold of the same unit)"},
    {regle::referentiel_mal_forme, "CAQES-E015",
     "a referentiel or target names an unknown measure, is empty, or has a threshold outside its kind",
     "L.162-30-3 (referentiels in volume or spending); arrete of 2022-02-23"},
    {regle::origine_sans_source, "CAQES-E016",
     "a national indicator cites no arrete, or a regional one lacks a body its regime requires",
     "D.162-14 II 1 and 2 (LEGIARTI000044102681, 2022-01-01): directeur general de l'ARS; L.162-30-3; "
     "2017: ARS, assurance maladie, OMEDIT en concertation avec les federations [S: ARS page]"},
    {regle::poids_non_positif, "CAQES-E017", "an indicator's weight is not positive",
     "D.162-16 I 2 (2017): complementary obligations weight the level of the outcome"},
    {regle::contrat_superieur_5_ans, "CAQES-E018", "a second-generation contract as a whole exceeds five years",
     "D.162-14 I (LEGIARTI000044102681, 2022-01-01): le contrat est conclu pour une duree maximale de cinq ans"},
    {regle::perimetre_hors_regime, "CAQES-E019", "the template's scope of activities is empty or outside the regime's",
     "L.162-23-14 (LEGIARTI000053271346): activities 1, 2 and 4 of L.162-22"},
    {regle::partie_absente, "CAQES-E020", "one of the three parties is missing",
     "L.162-30-2 al. 1; D.162-14 I: ARS, organisme local d'assurance maladie, representant legal"},
    {regle::date_hors_fenetre, "CAQES-E021", "a signature or avenant date lies outside the template's windows",
     "D.162-15 (avenants follow the contract's procedure); regime windows"},
    {regle::finess_mal_forme, "CAQES-E022",
     "a FINESS number is not a department code (two digits, 2A or 2B) followed by seven digits",
     "FINESS register format; no check key is applied (unsourced)"},
    {regle::date_calendaire_impossible, "CAQES-E023",
     "calendar arithmetic gave a day that does not exist and no policy was named",
     "calendar arithmetic; Code de procedure civile art. 641-642 as an optional convention [U]"},
    {regle::activite_hors_perimetre, "CAQES-E024", "the establishment exercises no activity of the template's scope",
     "L.162-22 (LEGIARTI000048702956); L.162-23-14"},
    {regle::parametre_chevauchant, "CAQES-E025", "the dated versions of a parameter overlap or are out of order",
     "dated arretes (2017-04-27, 2018-12-12, 2022-02-23)"},
    {regle::indicateur_absent, "CAQES-E026", "an indicator the grid requires is missing from the yearly report",
     "D.162-16 I 1 and II (the grid's obligations support the yearly evaluation)"},
    {regle::mesure_mauvaise_nature, "CAQES-E027", "a reported value is not of its measure's kind",
     "arrete of 2022-02-23, annex (each indicator's measures and units)"},
    {regle::valeur_hors_domaine, "CAQES-E028",
     "a reported value lies outside its domain (negative amount or count, rate outside [0, 100 %], an evaluation "
     "dated before its exercise); an evaluation parameter outside its own is CAQES-E046",
     "D.162-16 II and III (the yearly evaluation, its amounts and rates)"},
    {regle::texte_invalide, "CAQES-E029", "a field is not a number of the expected form (an overflow is CAQES-E040)",
     "input format (docs/evaluation.md)"},
    {regle::exercice_non_couvert, "CAQES-E030",
     "the exercise year is not covered by the template, its regime or the contract",
     "D.162-16 II (yearly evaluation of the contract in force); regime windows"},
    {regle::cible_sous_plancher, "CAQES-E031",
     "the L.162-30-4 yearly target is more than 30 % below the previous year's number",
     "L.162-30-3 (LEGIARTI000042685237): ce nombre ne peut etre inferieur de plus de 30 % au nombre de l'annee "
     "precedente"},
    {regle::mesure_inconnue, "CAQES-E032", "a reported value names no indicator, measure or volet of the template",
     "D.162-16 I 1 (the grid defines the obligations and their measures)"},
    {regle::code_indicateur_en_double, "CAQES-E033", "two indicators of the template share one code",
     "D.162-16 I 1 (each obligation is reported and evaluated once; reports name indicators by code)"},
    {regle::paliers_desordonnes, "CAQES-E034",
     "sanction steps are not in increasing score order with non-increasing rates",
     "D.162-16 III 1 (LEGIARTI000034459834): the sanction follows the level of non-achievement"},
    {regle::indicateur_non_applicable, "CAQES-E035",
     "a value is reported for an indicator that applies to none of the establishment's activities",
     "L.162-22 1 to 4 (LEGIARTI000048702956); L.162-30-2 (the contract covers the establishment's activities)"},
    {regle::saisie_en_double, "CAQES-E036", "an indicator, measure or volet is given twice in one report",
     "D.162-16 II (one yearly report, one value per obligation)"},
    {regle::depassement_score, "CAQES-E037",
     "exact score arithmetic does not fit 64-bit fractions: nothing is proposed",
     "D.162-16 III 1 and V (amounts follow the scores exactly); CAQES.md section 8"},
    {regle::rapport_autre_modele, "CAQES-E038",
     "a report reaches an evaluator without being validated against its template",
     "D.162-16 II (the evaluation applies the establishment's own contract)"},
    {regle::depassement_capacite, "CAQES-E040",
     "a number, an amount or a total does not fit in 64 bits (64-bit cents for money)",
     "exact money (CAQES.md section 8): an overflow is refused, never wrapped"},
    {regle::encodage_invalide, "CAQES-E041", "a field of an input file is not valid UTF-8",
     "input format (docs/input-format.md): files are UTF-8"},
    {regle::fichier_inutilisable, "CAQES-E042",
     "an input file cannot be used: empty, no data row, a header that cannot be read, or a file that cannot be read "
     "to its end (a read error, a stream that cannot seek)",
     "input format (docs/input-format.md)"},
    {regle::hors_caqes, "CAQES-E043",
     "a contract template names a regime that concludes no CAQES: the successor is a dispositif_efficience_def, "
     "an earlier contract a contrat_anterieur_def",
     "L.162-23-14 (LEGIARTI000053271346: a scheme of the law, no contract); decret 2017-584 art. 2 (earlier "
     "contracts)"},
    {regle::valeurs_non_contigues, "CAQES-E044",
     "a row of the values file comes back to an establishment-year whose rows had ended: an establishment-year's "
     "rows come together, in one block",
     "input format (docs/input-format.md, \"Memory\"): each establishment-year is read, decided and dropped when "
     "its rows end"},
    {regle::valeur_hors_echelle, "CAQES-E045",
     "a value is finer than the scale of its column in a batch evaluated in columns, and the batch refuses the "
     "scalar path",
     "exact evaluation (CAQES.md section 8; docs/design-columnar.md, section 4.3): a value is never rounded"},
    {regle::parametre_hors_domaine, "CAQES-E046",
     "an evaluation parameter lies outside what it means: a rate, a share or a score threshold outside [0, 1], or a "
     "negative amount",
     "D.162-16 III and V, L.162-30-4, L.162-23-14 (rates and shares of a base; scores are shares of the points); "
     "D.162-16 III 1 (\"soit une sanction ... soit un interessement\": an incentive is not negative)"},
    {regle::part_hors_domaine, "CAQES-E047",
     "the grid's scoring policy gives a partial indicator a share outside [0, 1]",
     "D.162-16 I 2 (LEGIARTI000034459834): the score measures the level of achievement; D.162-16 V 2 "
     "(LEGIARTI000044102658): the national incentive is revised downwards by the score"},
    {regle::rapport_autres_parametres, "CAQES-E048",
     "a report reaches a batch evaluated under other parameters than those it was validated with",
     "D.162-16 II (LEGIARTI000034459834, LEGIARTI000044102658: one yearly evaluation of the contract in force): the "
     "report's coverage of the exercise by its volets' terms (partial years [U]) and its checked decisions were "
     "computed under its own parameters, which its evaluation must apply and cite"},
    {regle::tolerance_hors_domaine, "CAQES-E049",
     "the grid's scoring policy gives a target a tolerance that is negative or no number",
     "D.162-16 I 2 (LEGIARTI000034459834): the score measures the level of achievement; a tolerance widens a "
     "target's partial achievement, it cannot narrow it"},
    {regle::parametre_hors_la_loi, "CAQES-E050", "a user rate exceeds the legal limit of the article that bounds it",
     "D.162-16 III 1 and 2 (LEGIARTI000034459834): 1 % per volet, 30 % of savings, 30 % liste en sus; "
     "L.162-30-4 (LEGIARTI000041398020, LEGIARTI000042685227, LEGIARTI000048702783): 50 %; L.162-23-14 from 2027 [S]: "
     "2 %"},
    {regle::parametre_ouvert_absent, "CAQES-E051", "an open notion of the law has no value: it has no default",
     "L.162-30-4: \"largement superieur au nombre attendu\", \"pour une duree limitee\" [U]"},
    {regle::socle_duree_bornee, "CAQES-E052",
     "the first-generation socle has a bounded term: it is concluded for an indefinite term",
     "D.162-14 I (LEGIARTI000034459855, 2017-04-23); [S: FHF 2017 and ARS page: conclu pour une duree indeterminee]"},
    {regle::volet_hors_terme, "CAQES-E060",
     "a value, savings or a decision is given for a volet whose term does not cover the exercise",
     "D.162-16 II (LEGIARTI000034459834, LEGIARTI000044102658: the yearly evaluation of the contract in force); "
     "D.162-15 (avenants); "
     "partial years [U]"},
    {regle::decision_hors_issues, "CAQES-E061",
     "a recorded decision's nature is not an outcome its regime and volet allow under the law the evaluation applies, "
     "or lacks its ground, or its rate and duration",
     "D.162-16 III and V (LEGIARTI000034459834, LEGIARTI000044102658); L.162-30-4 (rates for a limited duration); "
     "L.162-23-14"},
    {regle::decision_hors_la_loi, "CAQES-E062", "a recorded decision exceeds the legal limit the evaluation applies",
     "D.162-16 III 1 and 2 (LEGIARTI000034459834): 1 % per volet, 5 % for all, 30 % of savings, 30 % liste en sus; "
     "L.162-30-4: 50 %; L.162-23-14 from 2027 [S]: 2 %"},
    {regle::sanction_et_interessement, "CAQES-E063", "a sanction and an incentive are decided for one volet and year",
     "D.162-16 III 1 (LEGIARTI000034459834): \"soit une sanction ... soit un interessement\""},
    {regle::annee_contrat_incoherente, "CAQES-E064",
     "the reported contract year is not the one the contract instance's start gives",
     "D.162-16 II (each year of the contract is evaluated); the instance's debut_effet"},
    {regle::avenant_hors_modele, "CAQES-E065",
     "an avenant brings into the contract a volet its template does not have, or one already brought",
     "D.162-15 (LEGIARTI000034459846, LEGIARTI000044102672: avenants follow the contract's procedure); D.162-14 I "
     "(each volet once)"},
    {regle::base_absente, "CAQES-E066",
     "an outcome the contract carries is measured on a base of the establishment's own that its report does not give",
     "D.162-16 III 2 (LEGIARTI000034459834): the cut applies to the insurance's share of the establishment's liste "
     "en sus products; L.162-23-14 from 2027 [S]: the penalty is a share of its financing [U]"},
    {regle::date_evaluation_absente, "CAQES-E067",
     "the version policy decides the law by the evaluation date, and the report does not give it",
     "CAQES.md section 1: which version governs an evaluation is [U], a policy (version_applicable::date_evaluation: "
     "the law in force on the evaluation date); without that date no version is in force and nothing would be "
     "proposed"},
    {regle::grille_mal_formee, "CAQES-E070",
     "a grid file breaks its format: unknown or missing key, value of the wrong JSON type, unknown name, or past a "
     "capacity",
     "grid format caqes.grille/1 (docs/cli.md, schema/caqes.grille-1.schema.json)"},
    {regle::cle_en_double, "CAQES-E071",
     "a key appears twice in one JSON object of a grid file or of a JSON Lines record: which one holds would be a "
     "guess",
     "grid format caqes.grille/1, JSON Lines input (RFC 8259 section 4: names within an object SHOULD be unique)"},
    {regle::schema_inconnu, "CAQES-E072", "a grid file names no schema, or one other than caqes.grille/1",
     "grid format caqes.grille/1 (docs/cli.md)"},
});

// Looks a rule up by id. A constant expression, so tests can check the catalogue itself. The
// catalogue is ordered by id and may skip ids (numbers are reserved in blocks), so this is a
// search. `regle::aucune` and an id with no entry get `fiche_aucune`, never another rule's.
inline constexpr fiche_regle fiche_aucune{regle::aucune, "CAQES-E000", "no rule", "none"};

[[nodiscard]] constexpr const fiche_regle& fiche(regle r) noexcept {
    if (r == regle::aucune) return fiche_aucune;
    for (const auto& f : catalogue_regles) {
        if (f.id == r) return f;
    }
    return fiche_aucune;
}

}  // namespace caqes
