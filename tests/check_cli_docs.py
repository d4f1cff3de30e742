#!/usr/bin/env python3
"""Runs every command block of docs/cli.md against an installed caqes, as a user would.

    check_cli_docs.py SOURCE_DIR BUILD_DIR WORK_DIR [--update]

1. Installs the build into a fresh prefix (WORK_DIR/prefix).
2. Makes a folder of links to the few system tools the docs use (TOOLS below), so that the
   commands see the prefix's bin and those tools only: no compiler, no cmake, no source tree.
3. Extracts each block fenced as ```sh NAME from docs/cli.md, runs it with `sh -c` in an empty
   directory of its own (CAQES_PREFIX names the prefix), stdout and stderr together, and
   compares what it printed, then its exit status, with tests/cli_docs/NAME.out.
With --update the expected files are written instead (review the diff before committing).
A block without its expected file, or an expected file without its block, fails.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The system tools the documented commands use; nothing else is reachable.
TOOLS = ["sh", "cat", "head", "tail", "cp", "wc"]
# Never reachable from the documented commands: they must work without a toolchain.
FORBIDDEN = ["c++", "g++", "clang++", "cc", "cmake", "make", "ninja", "python3"]
BLOCK = re.compile(r"^```sh ([a-z0-9_]+)\n(.*?)^```$", re.M | re.S)


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = "--update" in sys.argv[1:]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, build, work = (Path(a).resolve() for a in args)
    if work.exists():
        shutil.rmtree(work)
    prefix = work / "prefix"
    subprocess.run(["cmake", "--install", str(build), "--prefix", str(prefix)], check=True, stdout=subprocess.DEVNULL)

    outils = work / "tools"
    outils.mkdir(parents=True)
    for t in TOOLS:
        chemin = shutil.which(t)
        if chemin is None:
            print(f"check_cli_docs: {t} is not installed", file=sys.stderr)
            return 1
        (outils / t).symlink_to(chemin)
    path = f"{prefix / 'bin'}:{outils}"
    for f in FORBIDDEN:
        if shutil.which(f, path=path) is not None:
            print(f"check_cli_docs: {f} is reachable from the documented commands' PATH", file=sys.stderr)
            return 1

    docs = (source / "docs" / "cli.md").read_text(encoding="utf-8")
    attendus = source / "tests" / "cli_docs"
    blocs = BLOCK.findall(docs)
    noms = [n for n, _ in blocs]
    echecs = []
    if len(set(noms)) != len(noms):
        echecs.append(f"a block name is used twice: {noms}")
    for nom, commandes in blocs:
        dossier = work / "run" / nom
        dossier.mkdir(parents=True)
        env = {"PATH": path, "CAQES_PREFIX": str(prefix), "HOME": str(dossier), "LC_ALL": "C.UTF-8"}
        r = subprocess.run(["sh", "-c", commandes], cwd=dossier, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, check=False, executable=str(outils / "sh"))
        # The prefix is a temporary folder: its name never reaches an expected file.
        sortie = r.stdout.decode("utf-8", "replace").replace(str(prefix), "$CAQES_PREFIX")
        sortie += f"[exit status {r.returncode}]\n"
        fichier = attendus / f"{nom}.out"
        if update:
            attendus.mkdir(exist_ok=True)
            fichier.write_text(sortie, encoding="utf-8")
            continue
        if not fichier.exists():
            echecs.append(f"{nom}: no expected file {fichier.relative_to(source)}; output:\n{sortie}")
        elif fichier.read_text(encoding="utf-8") != sortie:
            echecs.append(f"{nom}: output differs from {fichier.relative_to(source)}; output:\n{sortie}")
        else:
            print(f"{nom}: OK")
    if attendus.exists():
        for f in sorted(attendus.glob("*.out")):
            if f.stem not in noms:
                echecs.append(f"{f.relative_to(source)} has no block ```sh {f.stem} in docs/cli.md")
    for e in echecs:
        print(e, file=sys.stderr)
    return 1 if echecs else 0


if __name__ == "__main__":
    sys.exit(main())
