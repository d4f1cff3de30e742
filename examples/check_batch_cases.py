#!/usr/bin/env python3
"""The batch evaluator on crafted inputs: one case per defect found by hand or by fuzzing.

    check_batch_cases.py <example_batch> <examples/data> <scratch directory>

Each case writes two CSV files derived from a clean subset of the bundled sample (three
establishment-years that are all accepted), changes the exact bytes reported, runs the
program, and checks its exit status (docs/input-format.md, "Exit status") and the lines it
prints: rule id, file, line and field. A crash (a signal, or a sanitizer's abort) is never an
accepted outcome: the expected status is always 0 to 3, or 6 when standard output refuses the
output."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

KEYS = {("019900028", "2018"), ("019900033", "2018"), ("019900033", "2019")}
BIG = "3402823669209384634633746074317682115"  # 37 digits: overflowed a 128-bit product
INT64_MAX_EUR = "92233720368547758,07"         # INT64_MAX cents

failures = []


def subset(path):
    """The header and the rows of KEYS, as bytes lines (CRLF kept)."""
    lines = Path(path).read_bytes().split(b"\r\n")
    out = [lines[0]]
    for line in lines[1:]:
        parts = line.split(b";")
        if len(parts) > 1 and (parts[0].decode(), parts[1].decode()) in KEYS:
            out.append(line)
    return out


def write(directory, name, lines):
    path = directory / name
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    return path


def set_field(lines, line_number, column, value):
    """Line `line_number` (1 = header) with field `column` replaced by `value` (bytes)."""
    lines = list(lines)
    header = lines[0].removeprefix(b"\xef\xbb\xbf").split(b";")
    parts = lines[line_number - 1].split(b";")
    parts[header.index(column.encode())] = value
    lines[line_number - 1] = b";".join(parts)
    return lines


def run(program, args):
    return subprocess.run([program, *map(str, args)], capture_output=True)


def check(case, result, status, stdout_lines=(), stderr_lines=(), absent=()):
    out = result.stdout.decode("utf-8", "replace")
    err = result.stderr.decode("utf-8", "replace")
    problems = []
    if result.returncode != status:
        problems.append(f"exit status {result.returncode}, expected {status}")
    for line in stdout_lines:
        if line not in out.splitlines():
            problems.append(f"stdout lacks the line {line!r}")
    for line in stderr_lines:
        if line not in err.splitlines():
            problems.append(f"stderr lacks the line {line!r}")
    for text in absent:
        if text in out or text in err:
            problems.append(f"output contains {text!r}")
    if problems:
        failures.append(case)
        print(f"FAIL {case}")
        for p in problems:
            print(f"  {p}")
        print("  --- stdout (first 3000 bytes) ---\n" + out[:3000] + "\n  --- stderr ---\n" + err[:3000])
    else:
        print(f"ok   {case}")


def main():
    program, data, scratch = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    valeurs = subset(data / "valeurs.csv")
    etabs = subset(data / "etablissements.csv")
    # valeurs.csv line 8 is 019900028 2018 S07.depense (an amount); etablissements.csv line 2
    # is 019900028 2018, lines 3 and 4 are 019900033 2018 and 2019.
    assert valeurs[7].startswith(b"019900028;2018;S07;depense;"), valeurs[7]

    def files(name, v=valeurs, e=etabs):
        d = scratch / name
        d.mkdir()
        return write(d, "valeurs.csv", v), write(d, "etablissements.csv", e)

    check("clean subset: every row accepted, status 0", run(program, files("clean")), 0,
          ["rejections (0)", "totals over 3 establishment-years evaluated (ILLUSTRATIF)"])

    # 1. A 37-digit amount as a revenue, a decision and a value: CAQES-E040, never 0.44 EUR.
    big = f"amount out of range: \"{BIG}\" (more than 92233720368547758.07 EUR, the 64-bit limit in cents)"
    check("1. 37-digit revenue", run(program, files("big_revenue", e=set_field(etabs, 2, "produits_assurance_maladie", BIG.encode()))), 1,
          [f"  etablissements.csv:2:produits_assurance_maladie: CAQES-E040: 019900028 2018: {big}"])
    check("1. 37-digit decision", run(program, files("big_decision", e=set_field(etabs, 2, "decision_socle", BIG.encode()))), 1,
          [f"  etablissements.csv:2:decision_socle: CAQES-E040: 019900028 2018: {big}"])
    check("1. 37-digit value", run(program, files("big_value", v=set_field(valeurs, 8, "valeur", BIG.encode()))), 1,
          [f"  valeurs.csv:8:valeur: CAQES-E040: S07.depense: {big}"], absent=["0.44"])

    # 2. A Latin-1 e-acute in a rejected field: located CAQES-E041, and --json still prints.
    latin1 = set_field(valeurs, 8, "valeur", b"d\xe9pense")
    detail = ("byte 0xE9 at byte 2 of \"d\\xE9pense\" is not UTF-8: the file looks like Windows-1252 (Latin-1); "
              "save it as UTF-8 (spreadsheet: \"CSV UTF-8\"; or iconv -f WINDOWS-1252 -t UTF-8)")
    v, e = files("latin1", v=latin1)
    check("2. Latin-1 byte, text", run(program, [v, e]), 1, [f"  valeurs.csv:8:valeur: CAQES-E041: {detail}"])
    r = run(program, ["--json", v, e])
    check("2. Latin-1 byte, --json", r, 1)
    try:
        doc = json.loads(r.stdout.decode("utf-8"))
        want = {"code": "CAQES-E041", "lieu": "valeurs.csv:8:valeur", "detail": detail}
        if want not in doc["rejets"]:
            failures.append("2. --json rejection")
            print(f"FAIL 2. --json: {want} not in {doc['rejets']}")
    except (ValueError, KeyError) as x:
        failures.append("2. --json document")
        print(f"FAIL 2. --json is not a document: {x}")
    header = list(etabs)
    header[0] = header[0].replace(b"economies_socle", b"\xe9conomies_socle")
    check("2. Latin-1 byte in a header: the file is unusable", run(program, files("latin1_header", e=header)), 3,
          ["  etablissements.csv:1:column 7: CAQES-E041: header: byte 0xE9 at byte 1 of \"\\xE9conomies_socle\" is not UTF-8: "
           "the file looks like Windows-1252 (Latin-1); save it as UTF-8 (spreadsheet: \"CSV UTF-8\"; or iconv -f WINDOWS-1252 -t UTF-8)"
           "; none of the 3 rows is read"])

    # 3. A directory as an input path, and a path that does not exist: status 3, no crash.
    v, e = files("directory")
    check("3. directory", run(program, [scratch, e]), 3,
          stderr_lines=[f"example_batch: CAQES-E042: cannot read {scratch}: it is a directory, not a file"])
    check("3. missing file", run(program, [v, scratch / "absent.csv"]), 3,
          stderr_lines=[f"example_batch: CAQES-E042: cannot open {scratch / 'absent.csv'}: no such file"])

    # 4. Two sanctions decided at INT64_MAX cents: each breaks the law (1 % of the revenue base,
    # CAQES-E062) at its own cell, and the first, rejected, counts in no total of decisions: it
    # does not refuse the second for the control total (CAQES-E040).
    two = set_field(set_field(etabs, 2, "decision_socle", INT64_MAX_EUR.encode()), 3, "decision_socle", INT64_MAX_EUR.encode())
    two = set_field(set_field(two, 2, "nature_socle", b"sanction"), 3, "nature_socle", b"sanction")
    r = run(program, files("int64_max", e=two))
    check("4. two INT64_MAX decisions", r, 1, absent=["CAQES-E040", "-0.02"])
    for line_number in (2, 3):
        if not any(line.startswith(f"  etablissements.csv:{line_number}:decision_socle: CAQES-E062: ")
                   for line in r.stdout.decode("utf-8", "replace").splitlines()):
            failures.append(f"4. INT64_MAX decision above the legal cap, line {line_number}")
            print(f"FAIL 4. the INT64_MAX decision is not rejected with CAQES-E062 at etablissements.csv:{line_number}:decision_socle")

    # 5. Messages: a header ending in ';', a 100 MB field, an escape sequence, dialects.
    trailing = list(etabs)
    trailing[0] = trailing[0] + b";"
    check("5. header ending in ';'", run(program, files("trailing", e=trailing)), 3,
          ["  etablissements.csv:1:column 16: CAQES-E042: column 16 of 16 has no name: a trailing ';' at the end of the header line? "
           "remove it; none of the 3 rows is read"])
    long_field = set_field(valeurs, 8, "valeur", b"9" * 60000)
    r = run(program, files("long_field", v=long_field))
    check("5. 60 KB field", r, 1,
          ["  valeurs.csv:8:valeur: CAQES-E040: S07.depense: too many digits: \"" + "9" * 48 + "...\" (60000 bytes) "
           "(more than 37: no 64-bit amount or fraction has that many)"])
    huge = set_field(valeurs, 8, "valeur", b"9" * (100 * 1024 * 1024))
    r = run(program, files("huge", v=huge))
    check("5. 100 MB field: one row too long", r, 1,
          ["  valeurs.csv:8:finess: CAQES-E029: line longer than the reader's limit (limites::ligne_max, 64 KiB by default)"])
    if len(r.stdout) > 20000:
        failures.append("5. 100 MB field, output size")
        print(f"FAIL 5. 100 MB field: {len(r.stdout)} bytes printed")
    # A CR of its own would make the file unusable (line ends are LF or CRLF): the forged line
    # moves the cursor with escape sequences instead.
    forged = b"\x1b[2K\x1b[1Avaleurs.csv:9:valeur: CAQES-E029: forged"
    r = run(program, files("escape", v=set_field(valeurs, 8, "valeur", forged)))
    check("5. escape sequence", r, 1,
          ["  valeurs.csv:8:valeur: CAQES-E029: S07.depense: not a number: \"\\x1B[2K\\x1B[1Avaleurs.csv:9:valeur: CAQES-E029: forged\" "
           "(unexpected character at byte 1)"])
    if b"\x1b" in r.stdout or b"\r" in r.stdout:
        failures.append("5. escape sequence, raw bytes")
        print("FAIL 5. a raw ESC or CR reached stdout")
    plain_header = [valeurs[0].replace(b";", b",")] + valeurs[1:]
    check("5. plain header over French rows", run(program, files("plain_header", v=plain_header)), 3,
          ["  valeurs.csv:2:indicateur: CAQES-E029: 2 fields, the header has 5: this row is french (;) but the header is plain (,); "
           "write the whole file in one dialect"])
    plain = [line.replace(b";", b",") for line in valeurs]
    check("5. plain file with decimal commas", run(program, files("decimal_comma", v=plain)), 3,
          ["  valeurs.csv:2:valeur: CAQES-E029: 6 fields, the header has 5: a decimal comma? the plain dialect (,) writes decimals "
           "with '.'; or use the French dialect (;)"])

    # 6. Exit status: every row rejected, empty files, a header and no data row, usage.
    rejected = [valeurs[0]] + [b";".join([p[0], b"2016", *p[2:]]) for p in (line.split(b";") for line in valeurs[1:])]
    check("6. every row rejected", run(program, files("all_rejected", v=rejected)), 3,
          ["  valeurs.csv             61 lines read = 1 header + 0 blank +      0 accepted +    60 rejected  OK"])
    d = scratch / "empty"
    d.mkdir()
    (d / "valeurs.csv").write_bytes(b"")
    (d / "etablissements.csv").write_bytes(b"")
    check("6. empty files", run(program, [d / "valeurs.csv", d / "etablissements.csv"]), 3,
          ["  valeurs.csv:1:finess: CAQES-E042: empty file: no header line; none of the 0 rows is read"])
    check("6. header and no data row", run(program, files("header_only", v=valeurs[:1])), 3,
          ["  valeurs.csv:1:finess: CAQES-E042: a header and no data row: nothing to read"])
    check("6. usage", run(program, ["only_one.csv"]), 2,
          stderr_lines=["usage: example_batch [--all] [--json] [valeurs.csv etablissements.csv [contrats.csv]]"])

    # 7. Standard output that refuses what is written (a full disk): status 6 and a message on
    # stderr, never status 0 with every result lost.
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            r = subprocess.run([program, *map(str, files("output_full"))], stdout=full, stderr=subprocess.PIPE)
        r.stdout = b""  # written to /dev/full
        check("7. output refused", r, 6, stderr_lines=["example_batch: error: the output could not be written"])

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
