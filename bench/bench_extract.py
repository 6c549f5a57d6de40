"""Extraction speed: sheets/second on one core over the seed documents (read + detect + extract).

usage: .venv/bin/python bench/bench_extract.py [--rounds N] [--formats DIR]

``--formats DIR`` also times the generated review sheets of tests/fixtures/review_sheets.py (written into DIR
once, LibreOffice needed): .pdf pages/s (LibreOffice and reportlab prints, read + extract) and PDF-text sheets/s
(the text of those PDFs from pdfminer.six, pdftotext and pdfplumber, plus seed 002 and the 事前分析表 PDF text
of seed 004), one core, and the payee
rows each tool's text gives (read / on the sheets, and any row that is not the .xlsx row).
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from kg.extract.dispatch import extract_doc
from kg.read import read_document

ROOT = Path(__file__).resolve().parent.parent


def fresh() -> None:
    """Empty kg.normalize.text's caches, parse_number's, payee_columns' cell shapes and payee_boxes' cell kinds:
    each timed extraction is a first pass over its sheet (the same sheet extracted again would find its lines
    already folded, which a build never does)."""
    from kg.extract import payee_boxes, payee_columns
    from kg.normalize import numbers, text

    for f in (getattr(text, "_nfkc_cached", None), getattr(text, "_squash_cached", None),
              getattr(payee_columns, "_shapes", None), getattr(numbers, "_parsed", None),
              getattr(payee_boxes._cell_kind, "cache_clear", None) and payee_boxes._cell_kind):
        if f is not None:
            f.cache_clear()
    from kg.extract import doc_memo

    doc_memo.clear_all()  # (one document's folded lines, paragraph style, tokens …, kept by its list of lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--formats", metavar="DIR", help="also time the generated sheets (.pdf, PDF text) in DIR")
    a = ap.parse_args()
    docs = [read_document(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for d in docs:  # warm up (Sudachi dictionary, regex compilation)
        extract_doc(d)
    print(f"{'document':<32} {'layout':<22} {'sheets/s':>9}")
    total_n, total_t = 0, 0.0
    for d in docs:
        t0 = time.perf_counter()
        for _ in range(a.rounds):
            fresh()
            rec = extract_doc(d)
        dt = time.perf_counter() - t0
        total_n, total_t = total_n + a.rounds, total_t + dt
        layout = f"{rec['document_type']}/{rec['provenance'].get('layout')}"
        print(f"{d.name:<32} {layout:<22} {a.rounds / dt:>9.1f}")
    read_t0 = time.perf_counter()
    for _ in range(a.rounds):
        for p in sorted((ROOT / "seeds").glob("*.txt")):
            read_document(p)
    read_dt = time.perf_counter() - read_t0
    print(f"{'all (extract only)':<55} {total_n / total_t:>9.1f}")
    print(f"{'all (read + extract)':<55} {total_n / (total_t + read_dt):>9.1f}")
    if a.formats:
        formats(Path(a.formats), max(1, a.rounds // 10))


def formats(outdir: Path, rounds: int) -> None:
    import sys

    import pypdfium2 as pdfium

    sys.path.insert(0, str(ROOT))
    from tests.fixtures.review_sheets import build_fixtures

    t0 = time.perf_counter()
    files = build_fixtures(outdir)
    print(f"fixtures: {len(files)} sheets in every format, written in {time.perf_counter() - t0:.1f} s")
    from tests.fixtures.policy_sheets import build_policy_fixtures

    pol = [f["lo.pdf"] for f in build_policy_fixtures(outdir / "policy").values()]
    for label, paths in ((".pdf lo", [f["lo.pdf"] for f in files.values()]),
                         (".pdf rl", [f["rl.pdf"] for f in files.values()]), (".pdf 事前分析表 lo", pol)):
        pages = sum(len(pdfium.PdfDocument(str(p))) for p in paths)
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            for p in paths:
                extract_doc(read_document(p))
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        print(f"{label + ' (read + extract)':<{40 - sum(ord(ch) > 0x2E80 for ch in label)}} "
              f"{pages * rounds / dt:>9.1f} pages/s {len(paths) * rounds / dt:>7.1f} sheets/s   "
              f"(CPU time: {pages * rounds / dc:.1f} pages/s)")
    texts = {}
    for f in files.values():
        for k, p in f.items():
            if k.endswith(".txt"):
                texts.setdefault(k.split(".")[1], []).append(read_document(p))
    texts["seed 002"] = [read_document(ROOT / "seeds" / "002_c3e6fb52ab9c5507.txt")]
    texts["seed 004 (事前分析表)"] = [read_document(ROOT / "seeds" / "004_6371e9cc681a4f0c.txt")]
    # payee rows read / rows on the sheets, per tool and producer (a row counts when it is the .xlsx row)
    ref = {n: {(p["block"], p["rank"]): p for p in extract_doc(read_document(f["xlsx"]))["payees"]}
           for n, f in files.items()}
    for k in sorted(k for k in next(iter(files.values())) if k.endswith(".txt")):
        read = wrong = 0
        for n, f in files.items():
            for p in extract_doc(read_document(f[k]))["payees"]:
                w = ref[n].get((p["block"], p["rank"]))
                same = w is not None and all(p[c] is None or p[c] == w[c] for c in
                                             ("name", "corporate_number", "amount", "bidders", "award_rate"))
                read, wrong = read + same, wrong + (not same)
        print(f"{'payee rows, ' + k:<40} {read:>5}/{sum(map(len, ref.values()))} read, {wrong} wrong")
    for tool, docs in sorted(texts.items()):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            for d in docs:
                fresh()
                extract_doc(d)
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        label = f"PDF text, {tool} (extract)"
        print(f"{label:<{40 - sum(ord(ch) > 0x2E80 for ch in label)}} {len(docs) * rounds / dt:>9.1f} sheets/s "
              f"{'':>18}(CPU time: {len(docs) * rounds / dc:.1f} sheets/s)")
    print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"(wall-clock rates shrink on a shared machine; CPU-time rates do not)")


if __name__ == "__main__":
    main()
