#!/usr/bin/env python3
"""Generates the benchmark grids and their hand-written evaluators.

For every grid size S this writes, in one header:
- the grid as caqes data (`bench::gS::def`, a first-generation template with the four
  volets, S indicators spread over them), checked by `modele_contrat<def>`;
- `bench::gS::evaluer_a_la_main`, the same rules written by hand as straight-line code over
  plain structs (benchmarks/handwritten.hpp), with every threshold, weight and clause a
  literal, in the same exact arithmetic (int64 fractions, 128-bit cross products).

One source of truth for both: a change of the indicator mix changes the grid and its
hand-written evaluator together, so they cannot drift apart; the benchmark then checks
that both give identical results before timing anything.

Usage: gen_grids.py OUTPUT.hpp SIZE [SIZE...]   (used by benchmarks/CMakeLists.txt)
The module is also imported by scripts/bench_compile.py for the compile-time TUs.
"""
import math
import sys

VOLETS = ["volet_socle", "volet_transports", "volet_pertinence", "volet_amelioration_pratiques"]
# Outcome clauses per volet, as in the demo: the socle has sanctions only.
CLAUSES = ["sanction", "sanction | interessement", "sanction | interessement", "sanction | interessement"]
HAS_INTERESSEMENT = [False, True, True, True]

# Etat codes of caqes::etat_valeur (renseignee, non_concernee, non_renseignee).
RENSEIGNEE, NON_CONCERNEE, NON_RENSEIGNEE = 0, 1, 2
KINDS = 5


def frac(n, d):
    g = math.gcd(n, d)
    return n // g, d // g


def indicator(i):
    """The i-th indicator (0-based): kind, measures, target, referentiel, weight."""
    k = i % KINDS
    w = 1 + i % 3
    ind = {"i": i, "id": i + 1, "code": f"B{i + 1:03d}", "kind": k, "w": w}
    if k == 0:  # a rate, higher is better, target >= t %
        t = 40 + i % 20
        ind.update(measures=[("taux_a", "taux")], sens="plus_haut_est_mieux",
                   target=f"viser(taux_a, taux_pourcent({t}))", t=frac(t, 100))
    elif k == 1:  # a no/partial/yes scale, target "oui", "partiel" earns the partial share
        ind.update(measures=[("echelle_a", "echelle")], sens="plus_haut_est_mieux",
                   target="viser(echelle_a, echelle_oui)", t=(2, 1))
    elif k == 2:  # growth, lower is better, target <= e/10 %, and an "or" referentiel
        e = 15 + i % 20
        m = 400_000 + 1_000 * (i % 50)
        ind.update(measures=[("evolution_a", "taux_evolution"), ("montant_a", "montant")],
                   sens="plus_bas_est_mieux",
                   target=f"viser(evolution_a, evolution_pourcent({e}, 10))",
                   ref=f"evolution_a <= evolution_pourcent({e}, 10) || montant_a < montant_euros({m})",
                   t=frac(e, 1000))
    elif k == 3:  # referentiel only: count < K OR (rate >= t % AND yes/no == oui)
        K = 8_000 + 100 * (i % 30)
        t = 30 + i % 10
        ind.update(measures=[("nombre_a", "nombre"), ("taux_a", "taux"), ("oui_non_a", "oui_non")],
                   sens="plus_bas_est_mieux", target=None,
                   ref=f"nombre_a < nombre_de({K}) || (taux_a >= taux_pourcent({t}) && egal(oui_non_a, oui))",
                   K=K, t=frac(t, 100))
    else:  # an amount, lower is better, target <= m EUR
        m = 200_000 + 5_000 * (i % 40)
        ind.update(measures=[("montant_a", "montant")], sens="plus_bas_est_mieux",
                   target=f"viser(montant_a, montant_euros({m}))", t=(m * 100, 1))
    return ind


def split(size):
    base, extra = divmod(size, len(VOLETS))
    return [base + (1 if v < extra else 0) for v in range(len(VOLETS))]


def grid_cpp(size, ns, with_modele=True):
    """The grid as caqes data, in namespace `ns`."""
    out = [f"namespace {ns} {{", "using namespace caqes;",
           "inline constexpr mesure<grandeur::taux> taux_a{\"taux_a\"};",
           "inline constexpr mesure<grandeur::echelle> echelle_a{\"echelle_a\"};",
           "inline constexpr mesure<grandeur::taux_evolution> evolution_a{\"evolution_a\"};",
           "inline constexpr mesure<grandeur::montant> montant_a{\"montant_a\"};",
           "inline constexpr mesure<grandeur::nombre> nombre_a{\"nombre_a\"};",
           "inline constexpr mesure<grandeur::oui_non> oui_non_a{\"oui_non_a\"};",
           "inline constexpr periode validite{ymd{2017, 7, 1}, ymd{2022, 1, 1}};"]
    i = 0
    counts = split(size)
    for v, n in enumerate(counts):
        out.append(f"inline constexpr std::array<indicateur, {n}> grille_{v}{{{{")
        for _ in range(n):
            ind = indicator(i)
            mes = ", ".join(f"{m}.def()" for m, _ in ind["measures"])
            fields = [f".id = {ind['id']}", f".code = \"{ind['code']}\"",
                      f".libelle = \"indicateur de banc d'essai {ind['id']}\"",
                      ".provenance = origine::illustrative", f".mesures = {{{{{mes}}}}}",
                      f".direction = sens::{ind['sens']}"]
            if ind["target"]:
                fields.append(f".objectif = {ind['target']}")
            if ind.get("ref"):
                fields.append(f".ref = {ind['ref']}")
            fields += [".validite = validite", f".poids = entier({ind['w']})"]
            out.append("    {" + ", ".join(fields) + "},")
            i += 1
        out.append("}};")
    out.append(f"inline constexpr std::array<volet_modele, {len(VOLETS)}> volets{{{{")
    for v, name in enumerate(VOLETS):
        terme = "duree_indeterminee" if v == 0 else "duree_annees(4)"
        out.append(f"    {{.volet = volet_id::{name}, .terme = {terme}, .grille = grille_{v}, .clauses = {CLAUSES[v]}}},")
    out.append("}};")
    out.append(f"inline constexpr modele_contrat_def def{{.nom = \"grille de banc d'essai, {size} indicateurs\", "
               ".regime = regime_id::caqes_2017, .fenetre = periode{ymd{2017, 7, 1}, ymd{2019, 1, 1}}, "
               ".volets = volets, .transition = politique_transition::arret_fin_regime};")
    if with_modele:
        out.append("struct modele : modele_contrat<def> {};")
    out.append(f"inline constexpr std::size_t taille = {size};")
    out.append(f"}}  // namespace {ns}")
    return "\n".join(out)


def hand_cpp(size, ns):
    """The hand-written evaluator of the same grid: straight-line code, literals inline."""
    o = [f"namespace {ns} {{",
         f"inline hw::resultat evaluer_a_la_main(const hw::etablissement<{size}>& e) noexcept {{",
         "    hw::score s[4]{};"]
    i = 0
    for v, n in enumerate(split(size)):
        for _ in range(n):
            ind = indicator(i)
            w = ind["w"]
            half = frac(w, 2)
            o.append(f"    {{  // {ind['code']}")
            if ind["kind"] in (0, 1, 2, 4):
                tn, td = ind["t"]
                o.append(f"        const hw::valeur& x = e.v[{i}][0];")
                o.append(f"        if (x.etat == {RENSEIGNEE}) {{")
                if ind["kind"] == 0:
                    o.append(f"            if (hw::comparer(x, {tn}, {td}) >= 0) hw::compter(s[{v}], {w}); else hw::compter(s[{v}], 0, {w});")
                elif ind["kind"] == 1:
                    o.append(f"            if (hw::comparer(x, 2, 1) >= 0) hw::compter(s[{v}], {w});")
                    o.append(f"            else if (hw::comparer(x, 1, 1) == 0) hw::compter(s[{v}], hw::frac{{{half[0]}, {half[1]}}}, {w});")
                    o.append(f"            else hw::compter(s[{v}], 0, {w});")
                else:
                    o.append(f"            if (hw::comparer(x, {tn}, {td}) <= 0) hw::compter(s[{v}], {w}); else hw::compter(s[{v}], 0, {w});")
                o.append(f"        }} else if (x.etat == {NON_RENSEIGNEE}) {{")
                o.append(f"            hw::compter(s[{v}], 0, {w});")
                o.append("        }")
            else:  # referentiel only: a < K || (b >= t && c == 1)
                tn, td = ind["t"]
                o.append(f"        const hw::valeur& a = e.v[{i}][0];")
                o.append(f"        const hw::valeur& b = e.v[{i}][1];")
                o.append(f"        const hw::valeur& c = e.v[{i}][2];")
                o.append("        bool complet = true;")
                o.append("        bool atteint = false;")
                o.append(f"        if (a.etat != {RENSEIGNEE}) complet = false; else atteint = hw::comparer(a, {ind['K']}, 1) < 0;")
                o.append(f"        if (b.etat != {RENSEIGNEE}) {{")
                o.append("            complet = false;")
                o.append("        } else {")
                o.append(f"            const bool t = hw::comparer(b, {tn}, {td}) >= 0;")
                o.append(f"            if (c.etat != {RENSEIGNEE}) complet = false; else atteint = atteint || (t && hw::comparer(c, 1, 1) == 0);")
                o.append("        }")
                o.append(f"        if (atteint) hw::compter(s[{v}], {w});")
                o.append(f"        else if (complet) hw::compter(s[{v}], 0, {w});")
                o.append(f"        else if ((a.etat != {RENSEIGNEE} ? a.etat : b.etat != {RENSEIGNEE} ? b.etat : c.etat) == {NON_RENSEIGNEE}) hw::compter(s[{v}], 0, {w});")
            o.append("    }")
            i += 1
    flags = ", ".join("true" if x else "false" for x in HAS_INTERESSEMENT)
    o.append(f"    return hw::conclure_2017(s, {{{flags}}}, e.produits, e.economies, e.economies_donnees, e.en_terme);")
    o.append("}")
    o.append(f"}}  // namespace {ns}")
    return "\n".join(o)


HEADER = """#pragma once
// GENERATED by benchmarks/gen_grids.py at build time: do not edit.
#include <caqes/caqes.hpp>

#include "handwritten.hpp"

#include <array>
#include <cstddef>

namespace bench {
"""


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: gen_grids.py OUTPUT.hpp SIZE [SIZE...]")
    parts = [HEADER]
    for size in map(int, argv[2:]):
        parts.append(grid_cpp(size, f"g{size}"))
        parts.append(hand_cpp(size, f"g{size}"))
    parts.append("}  // namespace bench\n")
    text = "\n".join(parts)
    try:
        with open(argv[1], encoding="utf-8") as f:
            if f.read() == text:
                return  # unchanged: keep the timestamp, no rebuild
    except FileNotFoundError:
        pass
    with open(argv[1], "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv)
