#!/usr/bin/env python3
"""Generates the bundled batch sample: examples/data/valeurs.csv, etablissements.csv and
contrats.csv.

Synthetic data for the illustrative template examples/modeles/regional_2017.hpp: 400
establishments over the exercise years 2018 and 2019, French spreadsheet dialect (';', decimal
comma, UTF-8 with a byte-order mark, CRLF). Values spread around the targets, with some
"non concerne" (NC), some "non renseigne" (NR), negative savings, thousands written with a
space or a narrow no-break space, a few quoted fields, and about 1 % of deliberately bad rows
so that every rejection path of the reader shows in the batch output.

Each recorded decision carries its nature (aucune, sanction, interessement) and respects the
law in force (D.162-16 III 1, 2017: a sanction within 1 % of the revenue base, an incentive
within 30 % of the volet's savings), except the few rows that deliberately test CAQES-E061
and CAQES-E062. The revenue base names the year it comes from (annee_produits). Natures and
legal amounts are drawn from a second generator, contracts and activities from a third, so
each part can change without redrawing the others.

Each establishment has a contract (contrats.csv): its parties, the day it was received,
signed and took effect (inside the template's window), and for about one in seven the
pertinence volet brought in by an avenant of 2019-01-01 (D.162-15): those report no pertinence
values, savings or decision for 2018, when the volet is not yet part of their contract. The
establishments file gives each year's activities. A few contract rows deliberately test
CAQES-E001, E006 (an avenant volet whose 3-year term would run past the regime's end,
which the template names no transition policy for), E020, E021 and E026, and establishment rows
CAQES-E060 and E064. Contracts and activities are drawn from a third generator.

FINESS numbers are synthetic: a real department code, then "99" and a five-digit sequence
number. They are well formed (CAQES-E022) and belong to no real establishment.

Deterministic: a fixed seed and only random.Random's integer and choice methods, so that a
re-run writes the same bytes. Usage: python3 tools/gen_sample.py [output_dir]
"""
import os
import random
import sys

SEED = 20170701
ETABLISSEMENTS = 400
ANNEES = (2018, 2019)

# (indicator, measure, kind) in template order; kinds as in caqes::type_mesure.
MESURES = [
    ("S01", "taux", "taux"), ("S02", "niveau", "echelle"), ("S03", "evolution", "taux_evolution"),
    ("S04", "evolution", "taux_evolution"), ("S05", "taux", "taux"), ("S06", "plan", "oui_non"),
    ("S07", "depense", "montant"), ("S07", "evolution", "taux_evolution"), ("S08", "economies", "montant_signe"),
    ("S09", "boites", "nombre"), ("S10", "niveau", "echelle"), ("S11", "certifie", "oui_non"),
    ("S12", "taux", "taux"), ("S13", "taux", "taux"),
    ("T01", "evolution", "taux_evolution"), ("T01", "depense", "montant"), ("T02", "taux", "taux"),
    ("P01", "taux", "taux"), ("P02", "actes", "nombre"), ("P03", "taux", "taux"),
]
VOLETS = ("socle", "transports", "pertinence")
# The region of each department, for the ARS that signs.
REGIONS = {"01": "Auvergne-Rhone-Alpes", "06": "Provence-Alpes-Cote d'Azur", "13": "Provence-Alpes-Cote d'Azur", "2A": "Corse",
           "2B": "Corse", "21": "Bourgogne-Franche-Comte", "31": "Occitanie", "33": "Nouvelle-Aquitaine", "35": "Bretagne",
           "38": "Auvergne-Rhone-Alpes", "44": "Pays de la Loire", "59": "Hauts-de-France", "67": "Grand Est",
           "69": "Auvergne-Rhone-Alpes", "75": "Ile-de-France", "76": "Normandie", "83": "Provence-Alpes-Cote d'Azur",
           "92": "Ile-de-France", "93": "Ile-de-France", "94": "Ile-de-France", "97": "Guadeloupe"}
DEPARTEMENTS = ["01", "06", "13", "2A", "2B", "21", "31", "33", "35", "38", "44", "59", "67", "69", "75",
                "76", "83", "92", "93", "94", "97"]
# Share of establishments a measure does not concern (NC), per indicator.
NON_CONCERNE = {"S13": 15, "T01": 4, "T02": 4, "P01": 10, "P02": 12, "P03": 6}

rng = random.Random(SEED)
rng_decisions = random.Random(SEED + 1)
rng_contrats = random.Random(SEED + 2)


def pct(n):
    """n in per mille -> True with that probability."""
    return rng.randrange(1000) < n


def groupe(entier, style=None):
    """1234567 -> '1 234 567', with a space or a narrow no-break space, or no separator
    (`style` 0 to 2, drawn when not given)."""
    s = str(entier)
    style = rng.randrange(3) if style is None else style
    if style == 0 or len(s) <= 3:
        return s
    sep = " " if style == 1 else "\u202f"
    parts = []
    while s:
        parts.insert(0, s[-3:])
        s = s[:-3]
    return sep.join(parts)


def montant(centimes, style=None):
    signe = "-" if centimes < 0 else ""
    c = abs(centimes)
    return f"{signe}{groupe(c // 100, style)},{c % 100:02d}"


def dixiemes(d):
    """A value in tenths -> '12,3' or '12' (spreadsheets drop a zero decimal)."""
    signe = "-" if d < 0 else ""
    d = abs(d)
    return f"{signe}{d // 10}" if d % 10 == 0 else f"{signe}{d // 10},{d % 10}"


def valeur(ind, mes, kind, q):
    """A plausible value; q in [0, 100] is the establishment's quality (higher is better)."""
    if kind == "taux":
        centre = {"S01": 530, "S05": 850, "S12": 930, "S13": 250, "T02": 660, "P01": 610, "P03": 65}[ind]
        ecart = (q - 50) * 2 * (-1 if ind == "P03" else 1)
        return dixiemes(max(0, min(1000, centre + ecart + rng.randrange(-60, 61))))
    if kind == "taux_evolution":
        centre = {"S03": 15, "S04": 12, "S07": 18, "T01": 5}[ind]
        return dixiemes(centre - (q - 50) // 2 + rng.randrange(-40, 41))
    if kind == "echelle":
        r = rng.randrange(100) + q // 2
        return "oui" if r > 45 else ("partiel" if r > 20 else "non")
    if kind == "oui_non":
        return "oui" if rng.randrange(100) + q // 4 > 15 else "non"
    if kind == "montant":
        base = 150_000_00 if ind == "S07" else 450_000_00
        return montant(base // 4 + rng.randrange(base * 3 // 2))
    if kind == "montant_signe":
        return montant(rng.randrange(-60_000_00, 180_000_00))
    if kind == "nombre":
        centre = 7_000 if ind == "S09" else 1_000
        return groupe(max(0, centre - (q - 50) * centre // 150 + rng.randrange(-centre // 4, centre // 4)))
    raise ValueError(kind)


def csv_ligne(champs):
    """Quotes a field when it holds the separator or a quote, as spreadsheets do, or when a
    values row asks for its value to be quoted (its last element, a bool)."""
    quoted = isinstance(champs[-1], bool) and champs[-1]
    if isinstance(champs[-1], bool):
        champs = champs[:-1]
    out = []
    for i, c in enumerate(champs):
        if ";" in c or '"' in c or (quoted and i == len(champs) - 1):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ";".join(out)


def centimes_de(texte):
    """'-1 234,56' (as montant() writes it) -> -123456."""
    t = texte.replace(" ", "").replace("\u202f", "")
    signe = -1 if t.startswith("-") else 1
    euros, cents = t.lstrip("-").split(",")
    return signe * (int(euros) * 100 + int(cents))


def decisions(brut, produits, eco):
    """The amounts drawn for each volet (None: no decision) made lawful under D.162-16 III 1
    (2017): a sanction within 1 % of the revenue base; an incentive, on a volet that has one,
    within 30 % of positive savings; or no outcome, at 0."""
    dec, nat = [], []
    for i, tire in enumerate(brut):
        if tire is None:
            dec.append("")
            nat.append("")
            continue
        montant_brut, style = tire
        savings = centimes_de(eco[i]) if eco[i] else 0
        tirage = rng_decisions.randrange(10)
        if tirage == 0:
            dec.append(montant(0, style))
            nat.append("aucune")
        elif i > 0 and savings > 0 and tirage < 4:
            dec.append(montant(montant_brut % (savings * 3 // 10 + 1), style))
            nat.append("interessement")
        else:
            dec.append(montant(montant_brut % (produits // 100 + 1), style))
            nat.append("sanction")
    return dec, nat


def main():
    sortie = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "examples", "data")
    os.makedirs(sortie, exist_ok=True)

    etabs = []
    for n in range(1, ETABLISSEMENTS + 1):
        finess = f"{rng.choice(DEPARTEMENTS)}99{n:05d}"
        debut = 2017 if rng.randrange(10) < 8 else 2018    # the template's window is 2017-07-01 to 2018-12-31
        annees = ANNEES if rng.randrange(10) < 9 else ANNEES[:1]  # some have not filed 2019 yet
        etabs.append((finess, max(rng.randrange(101), rng.randrange(101)), debut, annees))  # most do well

    # The contracts: in effect on the first day of a month of the start year, inside the
    # template's window; signed two weeks before, received a month before.
    contrats = {}
    for finess, _, debut, _ in etabs:
        mois = rng_contrats.choice([7, 9, 10]) if debut == 2017 else rng_contrats.choice([1, 3, 6])
        avenant = rng_contrats.randrange(7) == 0
        contrats[finess] = {"debut": (debut, mois), "avenant_pertinence": avenant}

    def hors_terme(finess, annee, ind):
        """The pertinence volet brought in by the avenant of 2019-01-01 is not reported on for 2018."""
        return contrats[finess]["avenant_pertinence"] and annee < 2019 and ind.startswith("P")

    # A values row is [finess, exercice, indicateur, mesure, valeur, quoted]: `quoted` asks for
    # the value in double quotes, as some spreadsheets write text cells.
    valeurs = []
    etab_lignes = []
    for finess, q, debut, annees in etabs:
        for annee in annees:
            nc = {ind for ind, share in NON_CONCERNE.items() if rng.randrange(100) < share}
            for ind, mes, kind in MESURES:
                if hors_terme(finess, annee, ind):
                    continue
                if ind in nc:
                    valeurs.append([finess, str(annee), ind, mes, "NC", pct(500)])
                elif pct(15):
                    valeurs.append([finess, str(annee), ind, mes, "NR", False])
                else:
                    valeurs.append([finess, str(annee), ind, mes, valeur(ind, mes, kind, q), False])
            produits = rng.randrange(5_000_000_00, 300_000_000_00)
            eco = ["" if pct(700) else montant(rng.randrange(-20_000_00, 50_000_00))]
            for _ in VOLETS[1:]:
                eco.append("" if pct(100) else montant(rng.randrange(-40_000_00, 250_000_00)))
            # An amount and its grouping style per decision, drawn in the order the sample always drew them.
            brut = [None if not pct(40) else (rng.randrange(0, 500_000_00), rng.randrange(3)) for _ in VOLETS]
            dec, nat = decisions(brut, produits, eco)
            if hors_terme(finess, annee, "P"):
                eco[2], dec[2], nat[2] = "", "", ""
            activites = rng_contrats.choice(["mco"] * 6 + ["mco+smr", "mco+psychiatrie", "MCO + SMR"])
            etab_lignes.append([finess, str(annee), str(annee - debut + 1), montant(produits), str(annee), activites] + eco + dec + nat)

    # Deliberately bad rows, about 1 %: a fixed list of damages on rows picked by the seed.
    def au_hasard(indicateurs, mesure=None):
        while True:
            r = valeurs[rng.randrange(len(valeurs))]
            if r[2] in indicateurs and (mesure is None or r[3] == mesure) and r[4] not in ("NC", "NR"):
                return r

    for texte in ["abc", "n.d.", "12,5 %", "1.234,5", "#VALEUR!"] * 4:
        au_hasard(["S01", "S05", "S12", "P01", "T02"])[4] = texte                  # E029: not a number
    for _ in range(12):
        au_hasard(["S07", "T01"], "depense")[4] = "-" + montant(rng.randrange(1, 999_999))  # E028: negative amount
    for _ in range(6):
        au_hasard(["S01", "P01"])[4] = "120"                                         # E028: rate > 100 %
    for _ in range(4):
        au_hasard(["S03"])[4] = "-150"                                               # E028: growth < -100 %
    for _ in range(4):
        au_hasard(["S08"])[4] = "12,345"                                             # E029: 3 decimals
    for _ in range(6):
        au_hasard(["S05", "S12"])[4] = "oui"                                         # E027: a word for a rate
    for _ in range(4):
        au_hasard(["S06", "S11"])[4] = "1"                                           # E027: a number for oui/non
    for _ in range(4):
        au_hasard(["S06"])[4] = "partiel"                                            # E028: not oui/non

    def copie():
        return list(valeurs[rng.randrange(len(valeurs))])

    extras = []
    for _ in range(20):
        r = copie()
        extras.append(r[:2] + [rng.choice(["S99", "X01", "S1"]), "taux", "50", False])  # E029: unknown indicator
    for _ in range(4):
        extras.append(copie()[:3] + ["valeur", "1", False])                           # E029: unknown measure
    for faux in ["7599001", "75990012X", "2C9900001"]:
        extras.append([faux, "2018", "S01", "taux", "50", False])                    # E022
    for _ in range(3):
        r = copie()
        extras.append(r[:1] + ["2016"] + r[2:])                                      # E030
    for _ in range(5):
        extras.append(copie())                                                       # duplicate
    for ligne in extras:
        # next to the establishment's own rows, as a hand edit would leave it; within its
        # establishment-year's block when it has one, since a reader takes each block's end as
        # that establishment-year's end (docs/input-format.md, "Memory")
        pos = next((i for i, r in enumerate(valeurs) if r[0] == ligne[0]), len(valeurs))
        decalage = rng.randrange(20)
        bloc = [i for i, r in enumerate(valeurs) if r[0] == ligne[0] and r[1] == ligne[1]]
        if bloc:
            pos, decalage = bloc[0], min(decalage, len(bloc))
        valeurs.insert(pos + decalage, ligne)
    for _ in range(4):
        del valeurs[rng.randrange(len(valeurs))]                                     # E026: missing measure

    # Decisions that break the law, on establishment rows picked by the second generator.
    D = 6  # the first savings column of an establishments row
    def ligne_decision(volet):
        while True:
            r = etab_lignes[rng_decisions.randrange(len(etab_lignes))]
            if r[D + len(VOLETS) + volet] == "":
                return r
    for _ in range(2):
        r = ligne_decision(0)
        base = centimes_de(r[3])
        r[D + len(VOLETS)] = montant(base // 100 + 1, 0)                              # E062: 1 % of the base and a cent
        r[D + 2 * len(VOLETS)] = "sanction"
    r = ligne_decision(1)
    r[D + len(VOLETS) + 1] = montant(10_000_00, 0)
    r[D + 2 * len(VOLETS) + 1] = "amende"                                            # E061: not a nature of the law
    r = ligne_decision(0)
    r[D + len(VOLETS)] = montant(10_000_00, 0)
    r[D + 2 * len(VOLETS)] = "interessement"                                         # E061: the socle carries no incentive

    # Contract time, on rows picked by the third generator: a contract year that is not the one
    # the contract's start gives (E064), and a decision for the avenant's volet before it (E060).
    r = etab_lignes[rng_contrats.randrange(len(etab_lignes))]
    r[2] = str(int(r[2]) + 1)                                                        # E064
    r = next(x for x in etab_lignes if hors_terme(x[0], int(x[1]), "P") and x[D + len(VOLETS) + 2] == "")
    r[D + len(VOLETS) + 2] = montant(5_000_00, 0)
    r[D + 2 * len(VOLETS) + 2] = "sanction"                                          # E060: the volet is not in the contract yet
    etab_lignes[rng.randrange(len(etab_lignes))][3] = "-1 000,00"                    # E028: negative base
    etab_lignes[rng.randrange(len(etab_lignes))][3] = "1 2345,00"                    # E029: bad grouping
    del etab_lignes[rng.randrange(len(etab_lignes))]                                 # E026: no establishment row
    etab_lignes.append(["759900999", "2018", "1", montant(42_000_000_00), "2018", "mco"] + [""] * (3 * len(VOLETS)))  # E026: no values

    contrat_lignes = []
    for n, (finess, c) in enumerate(contrats.items()):
        an, mois = c["debut"]
        effet = f"{an}-{mois:02d}-01"
        signature = f"{an - 1 if mois == 1 else an}-{12 if mois == 1 else mois - 1:02d}-15"
        reception = f"{an - 1 if mois == 1 else an}-{12 if mois == 1 else mois - 1:02d}-01"
        if n % 2 == 1:  # a French spreadsheet writes day/month/year
            effet = "/".join(reversed(effet.split("-")))
        ars = f"ARS {REGIONS[finess[:2]]}"
        avenant = "2019-01-01" if c["avenant_pertinence"] else ""
        contrat_lignes.append([finess, ars, f"CPAM {finess[:2]}", "Directeur", reception, signature, effet, "", "", avenant])
    # Deliberately bad contracts, picked by the third generator; their establishment-years go down with them.
    contrat_lignes[rng_contrats.randrange(len(contrat_lignes))][1] = ""                        # E020: no ARS
    contrat_lignes[rng_contrats.randrange(len(contrat_lignes))][6] = "2018-02-30"              # E001: no such day
    r = contrat_lignes[rng_contrats.randrange(len(contrat_lignes))]
    r[5] = "2019-01-15"                                                                        # E021: signed after it took effect
    r = next(x for x in contrat_lignes[rng_contrats.randrange(len(contrat_lignes)):] + contrat_lignes if x[9])
    r[9] = "2019-03-01"                                                                        # E006: 3 years from it pass 2022-01-01
    del contrat_lignes[rng_contrats.randrange(len(contrat_lignes))]                            # E026: no contract row
    contrat_lignes.append(["339900998", "ARS Nouvelle-Aquitaine", "CPAM 33", "Directeur", "2017-06-01", "2017-06-15", "2017-07-01",
                           "", "", ""])                                                         # E026: a contract without a year

    def ecrire(nom, entete, lignes):
        with open(os.path.join(sortie, nom), "w", encoding="utf-8", newline="") as f:
            f.write("\ufeff" + entete + "\r\n")
            for r in lignes:
                f.write(csv_ligne(r) + "\r\n")

    ecrire("valeurs.csv", "finess;exercice;indicateur;mesure;valeur", valeurs)
    ecrire("etablissements.csv",
           ";".join(["finess", "exercice", "annee_contrat", "produits_assurance_maladie", "annee_produits", "activites"]
                    + [f"economies_{v}" for v in VOLETS] + [f"decision_{v}" for v in VOLETS]
                    + [f"nature_{v}" for v in VOLETS]),
           etab_lignes)
    ecrire("contrats.csv",
           ";".join(["finess", "ars", "organisme_local", "representant_legal", "reception_proposition", "signature", "debut_effet"]
                    + [f"avenant_{v}" for v in VOLETS]),
           contrat_lignes)


if __name__ == "__main__":
    main()
