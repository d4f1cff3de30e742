#!/usr/bin/env python3
"""Checks that the marked block loops of a kernel TU are vectorised (CTest: bench.vectorisation_gcc, _clang).

    verifier_vectorisation.py gcc|clang COMPILER SOURCE [COMPILE_ARGS...]

docs/design-columnar.md (section 6) found that the generic block kernels keep within a few
tenths of a nanosecond of the hand-written loop only while the compiler vectorises them, and
that an early return, a `bool` struct or a widened comparison in the loop silently stops it
(15 to 19 times slower), with no test failing. This compiles SOURCE at -O3 with the compiler's
vectorisation report on stderr (g++: -fopt-info-vec-optimized-missed; clang:
-Rpass=loop-vectorize and -Rpass-missed=loop-vectorize) and checks every loop whose line
carries the marker comment MARQUE: at least one "vectorised" report at that line, and no
"not vectorised" one (a kernel template has one loop per instantiation: all must vectorise).
COMPILE_ARGS are the include directories and definitions of the target that builds SOURCE.
The marked loops of every header SOURCE includes directly (found in COMPILE_ARGS' -I
directories) are checked too: the library's kernels live in headers, and are instantiated by
SOURCE.
Exit status 1, with the compiler's reasons, when a marked loop is not vectorised or when SOURCE
marks no loop (the check would then prove nothing).
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

MARQUE = "// vectorised: bench.vectorisation"

# Per compiler: the report flags, then whether a message says a loop was vectorised, and whether
# it says one was not. g++ ends every failure with "couldn't vectorize loop"; clang's failures
# come under -Rpass-missed, not always as "loop not vectorized" (a cost-model refusal is only
# "vectorization is not beneficial"), so any of its missed remarks counts.
COMPILATEURS = {
    "gcc": (["-fopt-info-vec-optimized-missed"], lambda m: m.startswith("optimized: loop vectorized"),
            lambda m: m.startswith("missed: couldn't vectorize loop")),
    "clang": (["-Rpass=loop-vectorize", "-Rpass-missed=loop-vectorize"],
              lambda m: m.startswith("remark: vectorized loop"),
              lambda m: m.endswith("[-Rpass-missed=loop-vectorize]")),
}


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in COMPILATEURS:
        sys.exit(__doc__.split("\n\n")[1])
    genre, compilateur, source = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    drapeaux, vectorisee, non_vectorisee = COMPILATEURS[genre]
    # The files whose marks are checked: SOURCE, and the headers it includes directly.
    dossiers = [Path(a[2:]) for a in sys.argv[4:] if a.startswith("-I") and len(a) > 2]
    fichiers = [source.resolve()]
    for inclus in re.findall(r'^#include [<"]([^>"]+)[>"]', source.read_text(), re.M):
        for d in [source.parent, *dossiers]:
            if (d / inclus).is_file():
                fichiers.append((d / inclus).resolve())
                break
    marquees = [(f, n) for f in fichiers for n, ligne in enumerate(f.read_text().splitlines(), 1) if MARQUE in ligne]
    if not marquees:
        sys.exit(f"{source}: no loop carries the marker '{MARQUE}': nothing would be checked")

    with tempfile.TemporaryDirectory(prefix="caqes-vectorisation-") as tmp:
        commande = [compilateur, *sys.argv[4:], "-std=c++20", "-O3", "-DNDEBUG", *drapeaux, "-c", str(source), "-o",
                    str(Path(tmp) / "noyaux.o")]
        fini = subprocess.run(commande, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if fini.returncode != 0:
        sys.exit(f"compilation failed ({fini.returncode}): {' '.join(commande)}\n{fini.stderr}")

    # "<file>:<line>:<column>: <message>", keyed by the file's resolved path and the line.
    rapport = re.compile(r"^(.*):(\d+):\d+: (.*)$")
    messages = {}
    for ligne in fini.stderr.splitlines():
        m = rapport.match(ligne)
        if m and Path(m.group(1)).is_file():
            messages.setdefault((Path(m.group(1)).resolve(), int(m.group(2))), []).append(m.group(3))

    echecs = 0
    for f, n in marquees:
        recus = messages.get((f, n), [])
        oui = sum(1 for msg in recus if vectorisee(msg))
        non = sum(1 for msg in recus if non_vectorisee(msg))
        if oui >= 1 and non == 0:
            print(f"{f.name}:{n}: vectorised ({oui} report(s))")
            continue
        echecs += 1
        print(f"{f.name}:{n}: NOT vectorised ({oui} vectorised, {non} not vectorised); the compiler said:")
        for msg in recus or ["(nothing: the loop was removed or not reported)"]:
            print(f"    {msg}")
    if echecs:
        print(f"{echecs} of {len(marquees)} marked loop(s) not vectorised by {genre}: see docs/design-columnar.md, "
              "section 6, for the coding rules of the block kernels")
        return 1
    print(f"{len(marquees)} marked loop(s) vectorised by {genre}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
