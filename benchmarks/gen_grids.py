#!/usr/bin/env python3
"""Generates the benchmark grids and their hand-written evaluators.

For every grid size S this writes, in one header:
- the grid as caqes data (`bench::gS::def`, a first-generation template with the four
  volets, S indicators spread over them), checked by `modele_contrat<def>`;
- `bench::gS::evaluer_a_la_main`, the same rules written by hand as straight-line code over
  plain structs (benchmarks/handwritten.hpp), with every threshold, weight and clause a
  literal, in the same exact arithmetic (int64 fractions, 128-bit cross products).

- `bench::gS::dense` and `bench::gS::json` (only for the sizes given after `--dense`): the
  hand-written exact baselines over the dense columnar layout (benchmarks/colonnes.hpp): the column of every
  measure with its fixed-point scale, a block evaluator writing every result column, and the
  totals-only kernel; and the same grid as a grid file (docs/json-schema.md), which the
  benchmark loads at run time as a user's grid is loaded (compact, so that a string literal
  stays under the 65 536 characters compilers must accept).

One source of truth for all: a change of the indicator mix changes the grid and its
hand-written evaluator together, so they cannot drift apart; the benchmark then checks
that both give identical results before timing anything.

Usage: gen_grids.py OUTPUT.hpp SIZE [SIZE...] [--dense SIZE...]   (benchmarks/CMakeLists.txt)
The module is also imported by scripts/bench_compile.py for the compile-time TUs.
"""
import json
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


def json_grid(size, ns):
    """The same grid as a grid file (docs/json-schema.md, caqes.grille/1), as a string in
    namespace `ns`: the benchmark loads it with caqes::json::lire_grille, the path of a grid a
    user loads at run time, and checks that it evaluates exactly as the C++ grid does."""
    def q(nature, num, den=1):
        num, den = frac(num, den)
        return {"nature": nature, "num": num, "den": den}

    def cond(mesure, op, seuil):
        return {"mesure": mesure, "op": op, "seuil": seuil}

    validite = {"debut": "2017-07-01", "fin": "2022-01-01"}
    volets = []
    i = 0
    for v, n in enumerate(split(size)):
        grille = []
        for _ in range(n):
            ind = indicator(i)
            k = ind["kind"]
            j = {"id": ind["id"], "code": ind["code"], "libelle": f"indicateur de banc d'essai {ind['id']}",
                 "origine": "illustrative", "mesures": [{"code": m, "nature": t} for m, t in ind["measures"]],
                 "sens": ind["sens"]}
            if k == 0:
                j["objectif"] = {"mesure": "taux_a", "valeur": q("taux", *ind["t"])}
            elif k == 1:
                j["objectif"] = {"mesure": "echelle_a", "valeur": q("echelle", 2)}
            elif k == 2:
                j["objectif"] = {"mesure": "evolution_a", "valeur": q("taux_evolution", *ind["t"])}
                m = 400_000 + 1_000 * (i % 50)
                j["referentiel"] = [[cond("evolution_a", "<=", q("taux_evolution", *ind["t"]))],
                                    [cond("montant_a", "<", q("montant", m * 100))]]
            elif k == 3:
                j["referentiel"] = [[cond("nombre_a", "<", q("nombre", ind["K"]))],
                                    [cond("taux_a", ">=", q("taux", *ind["t"])),
                                     cond("oui_non_a", "==", q("oui_non", 1))]]
            else:
                j["objectif"] = {"mesure": "montant_a", "valeur": q("montant", *ind["t"])}
            j["validite"] = validite
            j["poids"] = {"num": ind["w"], "den": 1}
            grille.append(j)
            i += 1
        terme = {"indeterminee": True} if v == 0 else {"annees": 4}
        clauses = [c.strip() for c in CLAUSES[v].split("|")]
        volets.append({"volet": VOLETS[v], "terme": terme, "clauses": clauses, "grille": grille})
    doc = {"schema": "caqes.grille/1", "nom": f"grille de banc d'essai, {size} indicateurs",
           "regime": "caqes_2017", "fenetre": {"debut": "2017-07-01", "fin": "2019-01-01"},
           "transition": "arret_fin_regime", "volets": volets}
    texte = json.dumps(doc, separators=(",", ":"))
    return f'namespace {ns} {{\ninline constexpr std::string_view json = R"grille({texte})grille";\n}}'


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


# ---- the dense columnar baselines (benchmarks/colonnes.hpp) ----

# Input precision of each measure type: the denominator of one step of the values the benchmark
# data holds (benchmarks/donnees.hpp, valeur_generee: rates with two decimals of a percent,
# growth rates with one, amounts in cents, counts, yes/no and the no/partial/yes scale as
# integers). A value finer than this is not in the data: building the columns rejects it.
PRECISION = {"taux": 10_000, "taux_evolution": 1_000, "montant": 1, "nombre": 1, "oui_non": 1, "echelle": 1}
# Storage of each type: 32-bit for rates, growth rates and counts at these scales, 64-bit for
# cents (any amount in int64 cents fits), one byte for yes/no and the scale.
STOCKAGE = {"taux": "i32", "taux_evolution": "i32", "montant": "i64", "nombre": "i32", "oui_non": "u8", "echelle": "u8"}
SENTINELLES = {"i32": ("nr32", "nc32"), "i64": ("nr64", "nc64"), "u8": ("nr8", "nc8")}


def seuils(ind):
    """(measure type, threshold as a fraction) of every comparison of an indicator."""
    k = ind["kind"]
    if k == 0:
        return [("taux", ind["t"])]
    if k == 1:
        return [("echelle", (2, 1)), ("echelle", (1, 1))]
    if k == 2:
        m = 400_000 + 1_000 * (ind["i"] % 50)
        return [("taux_evolution", ind["t"]), ("montant", (m * 100, 1))]
    if k == 3:
        return [("nombre", (ind["K"], 1)), ("taux", ind["t"]), ("oui_non", (1, 1))]
    return [("montant", ind["t"])]


def echelles(size):
    """The scale of each measure type in this grid: the least common multiple of the input
    precision and of every threshold's denominator, so that every threshold and every value of
    the data is an exact integer in its column."""
    e = dict(PRECISION)
    for i in range(size):
        for t, (_, d) in seuils(indicator(i)):
            e[t] = e[t] * d // math.gcd(e[t], d)
    return e


def colonnes(size):
    """The dense columns: one per measure of every indicator, in template order, each with its
    storage, its index among the columns of that storage, and its scale."""
    e = echelles(size)
    out = []
    count = {"i32": 0, "i64": 0, "u8": 0}
    for i in range(size):
        for j, (_, t) in enumerate(indicator(i)["measures"]):
            st = STOCKAGE[t]
            out.append({"i": i, "j": j, "type": t, "stockage": st, "index": count[st], "echelle": e[t]})
            count[st] += 1
    return out, count


def scaled(f, echelle):
    n, d = f
    assert (n * echelle) % d == 0
    return n * echelle // d


def dense_cpp(size, ns):
    """The hand-written dense columnar evaluator of the grid: one tight loop per indicator over a
    block, integer scores in halves of a weight, then the shared conclusion (colonnes.hpp)."""
    cols, count = colonnes(size)
    by = {(c["i"], c["j"]): c for c in cols}
    e = echelles(size)
    o = [f"namespace {ns} {{", "struct dense {",
         f"    static constexpr std::size_t n_i32 = {count['i32']};",
         f"    static constexpr std::size_t n_i64 = {count['i64']};",
         f"    static constexpr std::size_t n_u8 = {count['u8']};",
         f"    static constexpr std::array<col::colonne_dense, {len(cols)}> colonnes{{{{"]
    for c in cols:
        o.append(f"        {{{c['i']}, {c['j']}, caqes::type_mesure::{c['type']}, col::stockage::{c['stockage']}, "
                 f"{c['index']}, {c['echelle']}}},")
    o.append("    }};")
    mask = sum(1 << v for v, x in enumerate(HAS_INTERESSEMENT) if x)
    o.append(f"    static constexpr unsigned interessement = {mask};  // bit v: volet v provides an incentive")
    o.append("    // Scores of one block, integer, in halves of a weight (\"partiel\" earns half).")
    o.append("    static void noter(const col::colonnes_denses& d, std::size_t debut, std::size_t n, col::scores_bloc& s) noexcept {")
    o.append("        s.zero(n);")
    i = 0
    for v, nb in enumerate(split(size)):
        for _ in range(nb):
            ind = indicator(i)
            w2 = 2 * ind["w"]
            k = ind["kind"]
            o.append(f"        {{  // {ind['code']}")
            if k in (0, 2, 4):
                c = by[(i, 0)]
                st = c["stockage"]
                nr, nc = SENTINELLES[st]
                T = scaled(ind["t"], c["echelle"])
                ty = {"i32": "std::int32_t", "i64": "std::int64_t"}[st]
                o.append(f"            const {ty}* x = d.{st}[{c['index']}].data() + debut;")
                o.append("            for (std::size_t i = 0; i < n; ++i) {")
                if k == 0:  # >= T, T > every sentinel
                    o.append(f"                s.points[{v}][i] += std::int32_t{{x[i] >= {T}}} * {w2};")
                else:
                    o.append(f"                s.points[{v}][i] += std::int32_t{{(x[i] <= {T}) & (x[i] > col::{nc})}} * {w2};")
                o.append(f"                s.poids[{v}][i] += std::int32_t{{x[i] != col::{nc}}} * {w2};")
                o.append("            }")
            elif k == 1:
                c = by[(i, 0)]
                o.append(f"            const std::uint8_t* x = d.u8[{c['index']}].data() + debut;")
                o.append("            for (std::size_t i = 0; i < n; ++i) {")
                o.append(f"                s.points[{v}][i] += std::int32_t{{x[i] == 2}} * {w2} + std::int32_t{{x[i] == 1}} * {ind['w']};")
                o.append(f"                s.poids[{v}][i] += std::int32_t{{x[i] != col::nc8}} * {w2};")
                o.append("            }")
            else:  # a < K || (b >= t && c == oui)
                ca, cb, cc = by[(i, 0)], by[(i, 1)], by[(i, 2)]
                K = scaled((ind["K"], 1), ca["echelle"])
                T = scaled(ind["t"], cb["echelle"])
                o.append(f"            const std::int32_t* a = d.i32[{ca['index']}].data() + debut;")
                o.append(f"            const std::int32_t* b = d.i32[{cb['index']}].data() + debut;")
                o.append(f"            const std::uint8_t* c = d.u8[{cc['index']}].data() + debut;")
                o.append("            for (std::size_t i = 0; i < n; ++i) {")
                o.append("                const bool av = a[i] > col::nc32;")
                o.append("                const bool bv = b[i] > col::nc32;")
                o.append("                const bool cv = c[i] < col::nc8;")
                o.append(f"                const bool atteint = (av & (a[i] < {K})) | ((b[i] >= {T}) & (c[i] == 1));")
                o.append("                // Not met and not complete: the first measure not given says whether it counts.")
                o.append("                const bool nr = (!av & (a[i] == col::nr32)) | (av & !bv & (b[i] == col::nr32)) | (av & bv & !cv & (c[i] == col::nr8));")
                o.append(f"                s.points[{v}][i] += std::int32_t{{atteint}} * {w2};")
                o.append(f"                s.poids[{v}][i] += std::int32_t{{atteint | (av & bv & cv) | nr}} * {w2};")
                o.append("            }")
            o.append("        }")
            i += 1
    o.append("    }")
    o.append("    // (a) every result column of the block [debut, debut + n), into rows debut_r on of r.")
    o.append("    static void evaluer(const col::colonnes_denses& d, std::size_t debut, std::size_t n, col::scores_bloc& s,")
    o.append("                        col::resultats& r, std::size_t debut_r) noexcept {")
    o.append("        noter(d, debut, n, s);")
    o.append("        col::conclure_2017<true, interessement>(d, debut, n, s, &r, debut_r, nullptr, nullptr);")
    o.append("    }")
    o.append("    // (a') the same, its rates and thresholds read at run time (colonnes.hpp, taux_variables).")
    o.append("    static void evaluer_variable(const col::colonnes_denses& d, std::size_t debut, std::size_t n,")
    o.append("                                 col::scores_bloc& s, col::resultats& r, std::size_t debut_r,")
    o.append("                                 const col::taux_variables& t) noexcept {")
    o.append("        noter(d, debut, n, s);")
    o.append("        col::conclure_2017<true, interessement>(d, debut, n, s, &r, debut_r, nullptr, nullptr, t);")
    o.append("    }")
    o.append("    // (b) the two totals only.")
    o.append("    static void totaux(const col::colonnes_denses& d, std::size_t debut, std::size_t n, col::scores_bloc& s,")
    o.append("                       std::int64_t* sanctions, std::int64_t* interessements) noexcept {")
    o.append("        noter(d, debut, n, s);")
    o.append("        col::conclure_2017<false, interessement>(d, debut, n, s, nullptr, 0, sanctions, interessements);")
    o.append("    }")
    o.append("};")
    o.append(f"}}  // namespace {ns}")
    return "\n".join(o)


HEADER = """#pragma once
// GENERATED by benchmarks/gen_grids.py at build time: do not edit.
#include <caqes/caqes.hpp>

#include "colonnes.hpp"
#include "handwritten.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace bench {
"""


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: gen_grids.py OUTPUT.hpp SIZE [SIZE...]")
    args = argv[2:]
    dense = []
    if "--dense" in args:
        k = args.index("--dense")
        args, dense = args[:k], [int(x) for x in args[k + 1:]]
    parts = [HEADER]
    for size in map(int, args):
        parts.append(grid_cpp(size, f"g{size}"))
        parts.append(hand_cpp(size, f"g{size}"))
        if size in dense:
            parts.append(dense_cpp(size, f"g{size}"))
            parts.append(json_grid(size, f"g{size}"))
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
