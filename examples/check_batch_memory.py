#!/usr/bin/env python3
"""The batch evaluator's memory bound (docs/input-format.md, "Memory"), checked on generated
inputs under an address-space limit.

    check_batch_memory.py <example_batch> <tools/gen_lot.py> <scratch directory> <prlimit>

Writes a valid batch of at least 200 MB of values with tools/gen_lot.py (one establishments
row per establishment-year, 20 values rows each, every row accepted), runs example_batch on it
under `prlimit --as` set to the documented bound plus the margin below, in table mode and then
in --json mode, and checks the exit status and the reconciliation. The JSON document (7.6 GB for
200 MB of values) is never written to disk: it is read from the pipe in blocks, its bytes are
counted, its evaluations are counted (one per establishment-year), and its last 64 KiB are kept
to check the reconciliation and its end. The generated files are deleted at the end, pass or
fail.

The bound, as docs/input-format.md states it for this input (no contracts file):
  FIXE  the program and its fixed buffers (code, libraries, stack, the reader's buffers of
        64 KiB, the standard streams): a run on the bundled sample needs 8 MiB of address
        space; 48 MiB are allowed;
  E     sizeof(etablissement_lu) = 264 bytes per row of the establishments file (reserved
        once from its line count; these rows carry no decision, which would add 64 each);
  K     24 bytes per establishment-year of the values file (its key, 8 bytes, in an array
        that grows by doubling: 3 x 8 while it moves);
  B     the establishment-year held: sizeof(groupe) = 48 bytes, 16 per measure of the template
        (the example's 20 measures of 18 indicators: 368 bytes), whatever the values.
The margin covers what the bound leaves out: the allocator's rounding and its per-block header
(16 bytes per block), the output buffer, and glibc's per-run variation."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

MIB = 1 << 20
FIXE = 48 * MIB
E = 264
K = 24
B = 48 + 16 * 20
MARGE = 16 * MIB

failures = []


def generate(gen_lot, directory, size_mb):
    out = subprocess.run([sys.executable, gen_lot, str(directory), str(size_mb)], check=True, capture_output=True,
                         text=True).stdout
    m = re.search(r"(\d+) establishment-years", out)
    return int(m.group(1))


# The first member of each evaluation in the document, at its depth: the evaluations array is
# the only place where an object 6 spaces deep starts with "contrat" (neither the rejections nor
# the reconciliation have it).
EVALUATION = b'\n    {\n      "contrat": '


def run(prlimit, batch, limit, args):
    """Exit status, the last 64 KiB of stdout, its length in bytes, and how many evaluations it
    holds (the whole output is not kept)."""
    p = subprocess.Popen([prlimit, f"--as={limit}", "--", batch] + args, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    tail = b""
    size = 0
    evaluations = 0
    while True:
        chunk = p.stdout.read(1 << 22)
        if not chunk:
            break
        size += len(chunk)
        # The pattern may straddle two blocks: look in the end of the last one too.
        joined = tail[-(len(EVALUATION) - 1):] + chunk
        evaluations += joined.count(EVALUATION)
        tail = joined[-(1 << 16):]
    err = p.stderr.read()
    return p.wait(), tail.decode("utf-8", "replace"), err.decode("utf-8", "replace"), size, evaluations


def check(name, condition, detail):
    if not condition:
        failures.append(f"{name}: {detail}")


def main():
    batch, gen_lot, scratch, prlimit = sys.argv[1:5]
    scratch = Path(scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        grand = scratch / "200mo"
        n = generate(gen_lot, grand, 200)
        rows = 20 * n
        limit = FIXE + E * n + K * n + B + MARGE
        check("size", os.path.getsize(grand / "valeurs.csv") >= 200_000_000, "less than 200 MB generated")
        files = [str(grand / "valeurs.csv"), str(grand / "etablissements.csv")]
        status, out, err, _, _ = run(prlimit, batch, limit, files)
        check("table", status == 0, f"exit status {status} under --as={limit}: {err[-2000:]}")
        for fichier, lignes, acceptees in [("valeurs.csv", rows + 1, rows), ("etablissements.csv", n + 1, n)]:
            # as example_batch lays it out: name in 20 columns, counts right-aligned in 6 and 5
            expected = (f"  {fichier:<20}{lignes:>6} lines read = 1 header + 0 blank + {acceptees:>6} accepted + "
                        f"{0:>5} rejected  OK")
            check("table", expected in out, f"no line {expected!r} in:\n{out[-1500:]}")

        status, out, err, size, evaluations = run(prlimit, batch, limit, ["--json"] + files)
        check("json", status == 0, f"exit status {status} under --as={limit}: {err[-2000:]}")
        check("json", evaluations == n, f"{evaluations} evaluations in the document for {n} establishment-years")
        for fichier, lignes, acceptees in [("valeurs.csv", rows + 1, rows), ("etablissements.csv", n + 1, n)]:
            motif = (r'"acceptees": %d,\s*"entete": 1,\s*"fichier": "%s",\s*"lignes": %d,\s*"lues": %d,\s*'
                     r'"rejetees": 0' % (acceptees, re.escape(fichier), lignes, acceptees))
            check("json", re.search(motif, out) is not None, f"no reconciliation of {fichier} in:\n{out[-1500:]}")
        check("json", out.endswith('"rejets": [],\n  "schema": "caqes.evaluation/1"\n}\n'), f"end: {out[-200:]!r}")
        print(f"{n} establishment-years, {rows} values rows; --as={limit}; JSON document: {size} bytes, "
              f"{evaluations} evaluations")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for f in failures:
        print("FAIL", f)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
