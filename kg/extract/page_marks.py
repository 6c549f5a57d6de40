"""Page numbers printed in a PDF's margins, found in its text: 「7 / 10」, 「- 7 -」, 「Page 7」 on a line alone.

A PDF-text tool writes a page's footer among the page's lines (pdfplumber and pdftotext at its end, pdfminer
where its layout analysis puts it), so in a review sheet's text a footer can fall between a payee block's title
and its table, or between two rows, and be read as a cell. A line is a page number here only by the run it is
part of: two or more lines of one kind whose numbers rise through the document (「N / M」 also with one M, N ≤ M),
so a cell that happens to read 「1 / 2」 alone is not taken for one. Pure functions over the lines.
"""
from __future__ import annotations

import re

from kg.normalize.text import lines_matching

_OF = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$")  # 7 / 10
_DASHED = re.compile(r"^\s*[-‐－—]\s*(\d{1,4})\s*[-‐－—]\s*$")  # - 7 -
_PAGE = re.compile(r"^\s*(?:page|p\.)\s*(\d{1,4})\s*$", re.I)  # Page 7
# the three in one pattern (their lines are apart: a digit, a dash or a p first), tried once per line
_ANY = re.compile(r"^\s*(?:(\d{1,4})\s*/\s*(\d{1,4})|[-‐－—]\s*(\d{1,4})\s*[-‐－—]|(?:page|p\.)\s*(\d{1,4}))\s*$", re.I)
# a character every line _ANY matches holds (its 「/」, a dash, or the p of 「page」 / 「p.」, either case: re.I folds
# no other character to p): the document's few lines holding one are found in its joined text, the others passed by
_MARK_CHAR = re.compile(r"[/\-‐－—pP]")


def is_page_mark(text: str) -> bool:
    """``text`` alone reads as a page number of one of the kinds above (「7 / 10」, 「- 7 -」, 「Page 7」), no run asked:
    a footer a tool wrote among a table's cells, passed over where no cell can have that shape."""
    return _ANY.match(text) is not None  # (_OF, _DASHED or _PAGE in one pattern)


def page_number_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines that are page numbers (see the module doc), ascending."""
    runs: dict[tuple, list[tuple[int, int]]] = {}  # kind -> [(line, page number)]
    for i in lines_matching(lines, _MARK_CHAR):
        line = lines[i]
        if len(line) > 16 or (m := _ANY.match(line)) is None:
            continue
        if m[1]:
            n, of = int(m[1]), int(m[2])
            if 1 <= n <= of:
                runs.setdefault(("of", of), []).append((i, n))
        elif m[3]:
            runs.setdefault(("dashed",), []).append((i, int(m[3])))
        else:
            runs.setdefault(("page",), []).append((i, int(m[4])))
    out: list[int] = []
    for run in runs.values():
        numbers = [n for _, n in run]
        if len(run) >= 2 and all(a < b for a, b in zip(numbers, numbers[1:], strict=False)):
            out.extend(i for i, _ in run)
    return sorted(out)


def without_page_numbers(lines: list[str]) -> list[str]:
    """``lines`` with each page-number line made empty (the others keep their place: line numbers stay)."""
    drop = page_number_lines(lines)
    if not drop:
        return lines
    out = list(lines)
    for i in drop:
        out[i] = ""
    return out
