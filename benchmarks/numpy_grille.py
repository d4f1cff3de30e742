#!/usr/bin/env python3
"""The numpy float64 baseline: a benchmark grid as an analyst would write it.

Reads the data `caqes_bench --export-dense=DIR` wrote (the dense columns of the generated
establishments and the toolkit's results), loads it the way an analyst's table would hold it
(every measure a float64 column, NaN where no value is given, with two boolean columns saying
"non concerne" and "non renseigne"; amounts in euros), evaluates the same rules in float64
with numpy (the grid comes from gen_grids.py, the same description the C++ grid and its
baselines are generated from), rounds the amounts to the cent as a report would, and then:

- times the evaluation only (not the load), REPETITIONS times, and prints ns per establishment;
- compares every establishment's totals and volet amounts with the toolkit's, and prints how
  many are not right to the cent and by how much, with the amounts rounded to the nearest cent
  (as a report rounds) and truncated towards zero (the toolkit's policy, in float64).

Usage: numpy_grille.py DIR/g7 [--repetitions 5] [--json]
Needs numpy (Debian: apt-get install python3-numpy, then run with /usr/bin/python3).
"""
import argparse
import json
import pathlib
import sys
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import gen_grids as gg  # noqa: E402

NR = {"int32": np.iinfo(np.int32).min, "int64": np.iinfo(np.int64).min, "uint8": 0xFF}
NC = {"int32": np.iinfo(np.int32).min + 1, "int64": np.iinfo(np.int64).min + 1, "uint8": 0xFE}


def charger(dossier):
    dossier = pathlib.Path(dossier)
    dtypes, colonnes, meta = {}, {}, {}
    for ligne in (dossier / "manifest.txt").read_text().splitlines():
        f = ligne.split()
        if f[0] == "file":
            dtypes[f[1]] = f[2]
        elif f[0] == "column":
            colonnes[(int(f[1]), int(f[2]))] = (int(f[3]), f[4])
        else:
            meta[f[0]] = int(f[1])

    def lire(nom):
        return np.fromfile(dossier / nom, dtype=dtypes[nom])

    d = {"taille": meta["grid"], "n": meta["n"], "mesures": {}}
    for (i, j), (echelle, nom) in colonnes.items():
        brut = lire(nom)
        dt = dtypes[nom]
        nc, nr = brut == NC[dt], brut == NR[dt]
        x = brut.astype(np.float64) / echelle
        x[nc | nr] = np.nan
        d["mesures"][(i, j)] = (x, nc, nr)
    d["produits"] = lire("produits.bin").astype(np.float64) / 100  # euros
    d["economies"] = []
    for v in range(4):
        e = lire(f"economies_{v}.bin")
        x = e.astype(np.float64) / 100
        x[e == np.iinfo(np.int64).min] = np.nan
        d["economies"].append(x)
    d["en_terme"] = lire("en_terme.bin")
    d["toolkit"] = {"total_sanctions": lire("toolkit_total_sanctions.bin"),
                    "total_interessements": lire("toolkit_total_interessements.bin")}
    for v in range(4):
        d["toolkit"][f"montant_{v}"] = lire(f"toolkit_montant_{v}.bin")
    return d


def evaluer(d):
    """The grid's rules in float64 (gen_grids.indicator): each volet's sanction and incentive, in euros."""
    n, taille = d["n"], d["taille"]
    points = np.zeros((4, n))
    poids = np.zeros((4, n))
    volet_de = [v for v, k in enumerate(gg.split(taille)) for _ in range(k)]
    for i in range(taille):
        ind = gg.indicator(i)
        v, w, k = volet_de[i], float(ind["w"]), ind["kind"]
        x, nc, nr = d["mesures"][(i, 0)]
        if k == 0:
            atteint = x >= ind["t"][0] / ind["t"][1]
            compte = ~nc
            points[v] += np.where(atteint, w, 0.0)
        elif k == 1:
            compte = ~nc
            points[v] += np.where(x == 2, w, np.where(x == 1, w / 2, 0.0))
        elif k in (2, 4):
            atteint = x <= ind["t"][0] / ind["t"][1]
            compte = ~nc
            points[v] += np.where(atteint, w, 0.0)
        else:
            b, nc_b, nr_b = d["mesures"][(i, 1)]
            c, nc_c, nr_c = d["mesures"][(i, 2)]
            atteint = (x < ind["K"]) | ((b >= ind["t"][0] / ind["t"][1]) & (c == 1))
            donne_a, donne_b, donne_c = ~(nc | nr), ~(nc_b | nr_b), ~(nc_c | nr_c)
            premier_nr = np.where(~donne_a, nr, np.where(~donne_b, nr_b, nr_c))
            compte = atteint | (donne_a & donne_b & donne_c) | premier_nr
            points[v] += np.where(atteint, w, 0.0)
        poids[v] += np.where(compte, w, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = points / poids
    produits = d["produits"]
    montants = []
    sanctions = np.zeros(n)
    for v in range(4):
        defini = ((d["en_terme"] >> v) & 1).astype(bool) & (poids[v] > 0)
        eco = d["economies"][v]
        interessement = defini & (score[v] >= 0.75) if gg.HAS_INTERESSEMENT[v] else np.zeros(n, dtype=bool)
        m_i = np.where(interessement & (eco > 0), np.minimum(eco * 0.20, eco * 0.30), 0.0)
        taux = np.where(score[v] < 0.5, 0.01, np.where(score[v] < 0.75, 0.005, 0.0))
        m_s = np.where(defini & ~interessement, np.minimum(produits * taux, produits * 0.01), 0.0)
        sanctions += m_s
        montants.append((m_s, m_i))
    cap = produits * 0.05
    reduction = np.where(sanctions > cap, cap / np.where(sanctions > 0, sanctions, 1.0), 1.0)
    return [(m_s * reduction, m_i) for m_s, m_i in montants]


def arrondir(montants, mode):
    """Amounts to the cent: "round" (to the nearest, as a report rounds) or "trunc" (towards
    zero, the toolkit's rounding policy, as an analyst who read the rule would write it)."""
    def cent(x):
        return np.round(x, 2) if mode == "round" else np.trunc(x * 100) / 100
    n = len(montants[0][0])
    r = {"total_sanctions": np.zeros(n), "total_interessements": np.zeros(n)}
    for v, (m_s, m_i) in enumerate(montants):
        m_s, m_i = cent(m_s), cent(m_i)
        r[f"montant_{v}"] = m_s + m_i
        r["total_sanctions"] += m_s
        r["total_interessements"] += m_i
    return r


def erreurs(d, r):
    """Per field: establishments not right to the cent, and the largest error in cents."""
    out = {}
    for champ, attendu in d["toolkit"].items():
        cents = np.rint(r[champ] * 100).astype(np.int64)
        ecart = np.abs(cents - attendu)
        out[champ] = {"faux": int(np.count_nonzero(ecart)), "max_cents": int(ecart.max(initial=0))}
    faux_total = (np.rint(r["total_sanctions"] * 100).astype(np.int64) != d["toolkit"]["total_sanctions"]) | (
        np.rint(r["total_interessements"] * 100).astype(np.int64) != d["toolkit"]["total_interessements"])
    out["establishments_with_a_wrong_total"] = int(np.count_nonzero(faux_total))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dossier")
    ap.add_argument("--repetitions", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    d = charger(a.dossier)
    temps = []
    montants = None
    for _ in range(a.repetitions):
        t0 = time.perf_counter()
        montants = evaluer(d)
        r = arrondir(montants, "round")
        temps.append(time.perf_counter() - t0)
    ns = sorted(temps)[len(temps) // 2] * 1e9 / d["n"]
    res = {"grid": d["taille"], "n": d["n"], "ns_per_establishment": ns,
           "errors": {mode: erreurs(d, arrondir(montants, mode)) for mode in ("round", "trunc")}}
    if a.json:
        print(json.dumps(res))
        return
    print(f"numpy float64, grid {d['taille']}, N = {d['n']}: {ns:.1f} ns per establishment (evaluation and "
          f"rounding to the nearest cent, median of {a.repetitions})")
    for mode, e in res["errors"].items():
        faux = e["establishments_with_a_wrong_total"]
        print(f"  amounts rounded with {mode}: establishments with a total not right to the cent: {faux} "
              f"({100 * faux / d['n']:.2f} %)")
        for champ, x in e.items():
            if isinstance(x, dict):
                print(f"    {champ}: {x['faux']} wrong, largest error {x['max_cents']} cents")


if __name__ == "__main__":
    main()
