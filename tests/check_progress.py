#!/usr/bin/env python3
"""`caqes evaluate` draws its progress bar on stderr only when stderr is a terminal (test cli.progress).

    check_progress.py CAQES SOURCE_DIR

Runs the bundled sample twice: with stderr on a pseudo-terminal, the bar is drawn ("\\revaluating
[", up to 100 %) and erased before each rejection, printed as it is found (the bar is drawn again
after it); without the bar, stderr is what it is on a pipe, where no carriage return appears at
all. stdout (the results) is the same both times.
"""
import os
import pty
import re
import subprocess
import sys
import tempfile


def main() -> int:
    caqes, source = sys.argv[1], sys.argv[2]
    commande = [caqes, "evaluate", "--grid", f"{source}/examples/grilles/regional_2017.json", "--format", "csv",
                f"{source}/examples/data/valeurs.csv", f"{source}/examples/data/etablissements.csv", f"{source}/examples/data/contrats.csv"]
    maitre, esclave = pty.openpty()
    dossier = tempfile.TemporaryDirectory()
    sortie = os.path.join(dossier.name, "resultats.csv")
    with open(sortie, "wb") as out:
        p = subprocess.Popen(commande, stdout=out, stderr=esclave)
        os.close(esclave)
        terminal = b""
        while True:
            try:
                bloc = os.read(maitre, 65536)
            except OSError:  # EIO once the child closed the terminal
                break
            if not bloc:
                break
            terminal += bloc
        p.wait()
    with open(sortie, "rb") as f:
        sortie_tty = f.read()
    dossier.cleanup()
    tube = subprocess.run(commande, capture_output=True, check=False)
    erreurs = []
    if p.returncode != 1 or tube.returncode != 1:
        erreurs.append(f"statuses {p.returncode} and {tube.returncode}, expected 1")
    barre = rb"\revaluating \[[# ]{20}\] [0-9]+ %"
    efface = b"\r" + b" " * 60 + b"\r"
    if b"\revaluating [" not in terminal or re.search(rb"\] 100 %", terminal) is None:
        erreurs.append(f"no progress bar on the terminal: {terminal[:200]!r}")
    # A bar is followed by another bar or erased: never by a rejection on its line.
    if re.search(barre + rb"(?!\revaluating|\r {60}\r)", terminal) is not None:
        erreurs.append("the bar is not erased before a rejection")
    sans_barre = re.sub(barre, b"", terminal).replace(efface, b"").replace(b"\r\n", b"\n")
    if sans_barre != tube.stderr:
        erreurs.append(f"stderr without the bar differs from stderr on a pipe: {sans_barre[:300]!r}")
    if b"\r" in tube.stderr.replace(b"\r\n", b"\n"):
        erreurs.append("a carriage return on stderr when it is a pipe")
    if sortie_tty != tube.stdout or not tube.stdout:
        erreurs.append("stdout differs between the two runs")
    for e in erreurs:
        print(e, file=sys.stderr)
    return 1 if erreurs else 0


if __name__ == "__main__":
    sys.exit(main())
