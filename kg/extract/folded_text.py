"""A document's lines NFKC-folded once: every text reader of a sheet (label tokens, budget rows, paragraph
cells, payee rows) walks the same lines."""
from __future__ import annotations

from kg.extract.doc_memo import last_document
from kg.normalize.text import nfkc


@last_document
def folded(lines: list[str]) -> list[str]:
    """[nfkc(x) for x in lines], worked out once per document: the readers of a sheet (label tokens, budget
    rows, paragraph cells, payee rows) each walk the same lines (kg.extract.doc_memo)."""
    return [nfkc(x) for x in lines]


def folded_lines(lines: list[str]) -> None:
    """Tell the readers that ``lines`` are NFKC-folded already (each is nfkc() of a line): nfkc(nfkc(x)) ==
    nfkc(x) (checked in tests/unit/extract/test_seed_kind_speed_forms.py), so ``folded(lines)`` is the lines
    themselves."""
    folded.put(lines, lines)
