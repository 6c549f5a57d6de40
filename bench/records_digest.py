"""Records of PDF-text documents, pickled, to show that a speed change keeps every record byte-identical.

usage: PYTHONHASHSEED=0 .venv/bin/python bench/records_digest.py OUT.pkl DIR... [--pdf] [--compare OTHER.pkl]

Every ``*.txt`` in each DIR (not recursive; pass sp3/a4, sp3/narrow, … one by one), with ``--pdf`` also every
``*.pdf`` one folder below it (the variants' lo/ and rl/ prints; ~0.5 s each, pdfminer reads them), and the
seeds' texts:
``extract_doc(read_document(path))`` pickled per file, written to OUT.pkl as {path: bytes}; prints one sha256
over all of them. ``--compare OTHER.pkl`` lists the files whose record differs from OTHER's (exit status 1 if any).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def records(dirs: list[str], pdf: bool = False) -> dict[str, bytes]:
    from kg.extract.dispatch import extract_doc
    from kg.read import read_document

    files = [p for d in dirs for p in sorted(Path(d).glob("*.txt"))]
    if pdf:
        files += [p for d in dirs for p in sorted(Path(d).glob("*/*.pdf"))]
    files += sorted((ROOT / "seeds").glob("*.txt"))
    return {str(p): pickle.dumps(extract_doc(read_document(p))) for p in files}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--pdf", action="store_true", help="also the PDFs one folder below each DIR")
    ap.add_argument("--compare", metavar="OTHER")
    a = ap.parse_args()
    if os.environ.get("PYTHONHASHSEED") != "0":
        raise SystemExit("run with PYTHONHASHSEED=0 (sets are pickled in hash order)")
    out = records(a.dirs, a.pdf)
    with open(a.out, "wb") as f:
        pickle.dump(out, f)
    h = hashlib.sha256()
    for k in sorted(out):
        h.update(k.encode() + b"\0" + out[k])
    print(f"{len(out)} records, sha256 {h.hexdigest()}")
    if a.compare:
        with open(a.compare, "rb") as f:
            other = pickle.load(f)
        bad = sorted(k for k in out.keys() | other.keys() if out.get(k) != other.get(k))
        print(f"differ from {a.compare}: {len(bad)}")
        for k in bad[:30]:
            print("  ", k)
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
