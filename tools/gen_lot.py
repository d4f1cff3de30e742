#!/usr/bin/env python3
"""Writes a large valid batch input for memory measurements: valeurs.csv and
etablissements.csv of at least SIZE_MB megabytes (values file) in OUT_DIR.

Each establishment-year is one establishment-year of the bundled sample (examples/data,
KEY = "FINESS;EXERCICE", by default one the sample keeps free of its deliberately bad rows),
read as bytes and repeated under new FINESS numbers ("75", then seven digits: well formed,
synthetic), so the rows stay valid for the example batch's template whatever its columns are. The files are streamed to disk block by block: the generator's own
memory does not grow with SIZE_MB.

    python3 tools/gen_lot.py OUT_DIR SIZE_MB [KEY]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "examples", "data")
BOM = b"\xef\xbb\xbf"


def lines(path):
    with open(path, "rb") as f:
        text = f.read()
    if text.startswith(BOM):
        text = text[len(BOM):]
    return text.splitlines(keepends=True)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    out, size_mb = sys.argv[1], float(sys.argv[2])
    key = (sys.argv[3] if len(sys.argv) == 4 else "2B9900001;2019").encode()
    valeurs = lines(os.path.join(DATA, "valeurs.csv"))
    etabs = lines(os.path.join(DATA, "etablissements.csv"))
    header_v, header_e = valeurs[0], etabs[0]
    first = key.split(b";")
    finess = first[0]
    block_v = b"".join(l for l in valeurs[1:] if l.split(b";")[:2] == first)
    block_e = b"".join(l for l in etabs[1:] if l.split(b";")[:2] == first)
    if not block_v or not block_e:
        sys.exit("gen_lot: the sample's establishment-year has no row in one of the files")
    target = int(size_mb * 1_000_000)
    os.makedirs(out, exist_ok=True)
    n = 0
    written = 0
    with open(os.path.join(out, "valeurs.csv"), "wb") as fv, open(os.path.join(out, "etablissements.csv"), "wb") as fe:
        fv.write(BOM + header_v)
        fe.write(BOM + header_e)
        # 1 000 establishment-years per write.
        while written < target:
            bv, be = [], []
            for _ in range(1000):
                code = b"75%07d" % n
                bv.append(block_v.replace(finess, code))
                be.append(block_e.replace(finess, code))
                n += 1
            chunk = b"".join(bv)
            fv.write(chunk)
            fe.write(b"".join(be))
            written += len(chunk)
    print(f"{out}: {n} establishment-years, {written / 1e6:.1f} MB of values")


if __name__ == "__main__":
    main()
