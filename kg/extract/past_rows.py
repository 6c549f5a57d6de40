"""関連する過去のレビューシートの事業番号 of row-style text (pdfplumber) whose rows of several column groups (a year cell
and its 事業番号 cell, four side by side) wrapped onto a second or third line: each wrapped line holds, left to right,
the rests of the cells the first line left unfinished (「平成28年度 新28-0458 平成29年度 経済産業省 - 平成30 経済産業省 -
令和元年度 0317」 over 「0171 年度 0187」). A cell's state says what it still lacks — a year its digits, 年 or 度 (「平成」,
「平成30」, 「平成26年」), a 事業番号 cell its number (「経済産業省 -」), its ministry's end (「文部科学」) or an RS number's
serial (「2021 厚労 20」) — so the rests are settled when the wrapped line's words split in one way only into exactly
the lacking parts in the groups' order. Anything else (a cell of another shape, a word too many or too few, two ways
to split, years that do not rise) leaves the table to the other readers: the pairing is never guessed. Pure
functions."""
from __future__ import annotations

import copy
import re

from kg.extract.page_marks import is_page_mark
from kg.normalize.era import parse_year
from kg.normalize.project_number import parse_numbers

_ERA = re.compile(r"(?:令和|平成|昭和)")
_YEAR_HEAD = re.compile(r"^(令和|平成|昭和)\s*(元|\d{1,2})?(?:\s*(年))?(?:\s*(度))?")
_DIGITS = re.compile(r"^(元|\d{1,2})(年)?(度)?$")
_MINISTRY_END = "(?:省|庁|府|委員会|院|官房|本部)"
_NUMBER = r"(?:[-‐−―]\s*)?(?:\(\s*)?(?:新\d{2}\s*-\s*)?\d{4}\)?"
# a 事業番号 cell's text, whole: a blank, a number maybe after its ministry (「経済産業省 - 0460」「(0165)」), an RS
# number's four pieces (「2021 厚労 20 0026」)
_WHOLE = re.compile(rf"^(?:-|(?:\S{{1,12}}{_MINISTRY_END}\s*)?{_NUMBER}|\d{{4}} \S{{1,6}} 新?\d{{2}} \d{{4}})$")
# ... or lacking its number (「経済産業省 -」「厚生労働省 (」「文部科学省」), its ministry's name cut (「文部科学」), or an
# RS number cut before its serial (「2021 厚労 20」「2022 厚労」)
_OPEN = re.compile(rf"^(?:\S{{1,12}}{_MINISTRY_END}\s*[-‐−―(]?|[^\d\s()\-‐−―]{{1,11}}|\d{{4}} [^\d\s]{{1,6}}(?: 新?\d{{2}})?)$")
_TAIL = re.compile(rf"^[^\d\s()\-‐−―]{{0,6}}{_MINISTRY_END}$")  # a cut ministry's rest (「省」「働省」)


class _Group:
    """One column group of a row: its year cell's parts read so far and its 事業番号 cell's text."""

    def __init__(self, era: str, digits: str | None, nen: bool, do: bool, cell: str):
        self.era, self.digits, self.nen, self.do, self.cell = era, digits, nen, do, cell

    def needs(self) -> list[str]:
        return (["year"] if not (self.digits and self.nen and self.do) else []) + \
            (["cell"] if not _WHOLE.match(self.cell) else [])

    def take_year(self, piece: str) -> bool:
        if self.digits is None:
            m = _DIGITS.match(piece)
            if m is None or (m[3] and not m[2]):
                return False
            self.digits, self.nen, self.do = m[1], bool(m[2]), bool(m[3])
            return True
        if not self.nen:
            if piece not in ("年", "年度"):
                return False
            self.nen, self.do = True, piece == "年度"
            return True
        if piece != "度":
            return False
        self.do = True
        return True

    def take_cell(self, piece: str) -> bool:
        glued = bool(_TAIL.match(piece.split(" ")[0])) and not re.search(rf"{_MINISTRY_END}\s*[-‐−―(]?$", self.cell)
        self.cell = f"{self.cell}{'' if glued else ' '}{piece}"
        return bool(_WHOLE.match(self.cell) or _OPEN.match(self.cell))


def _groups(line: str) -> list[_Group] | None:
    """The column groups of a row's first line (each an era year starting it), or None when the line does not
    start with a year or a group's 事業番号 cell is of no known shape (empty, an RS number cut in pieces)."""
    starts = [m.start() for m in _ERA.finditer(line)]
    if not starts or starts[0] != 0:
        return None
    out = []
    for a, b in zip(starts, starts[1:] + [len(line)], strict=True):
        text = line[a:b].strip()
        m = _YEAR_HEAD.match(text)
        if m is None or (m[4] and not m[3]):
            return None
        cell = text[m.end():].strip()
        if not (_WHOLE.match(cell) or _OPEN.match(cell)) or (cell and cell[0] in "年度"):
            return None
        out.append(_Group(m[1], m[2], bool(m[3]), bool(m[4]), cell))
    return out


def _words(line: str) -> list[str]:
    """A wrapped line's words, a lone dash joined to the number after it (「- 0022」)."""
    out: list[str] = []
    for w in line.split():
        if out and out[-1] in ("-", "‐", "−", "―") and re.match(r"^\d{4}\)?$", w):
            out[-1] = f"- {w}"
        else:
            out.append(w)
    return out


def _ways(groups: list[_Group], needs: list[tuple[int, str]], words: list[str]) -> list[list[str]]:
    """Every way to split ``words`` into the ``needs``' parts in order: a year's part one word its year cell takes,
    a cell's part one or more words its 事業番号 cell takes (「省 (0176)」「働省 -」「21 0392」)."""
    if not needs:
        return [[]] if not words else []
    (gi, kind), rest = needs[0], needs[1:]
    out = []
    for j in range(1, len(words) - len(rest) + 1 if kind == "cell" else min(2, len(words) + 1)):
        part = " ".join(words[:j])
        g = copy.copy(groups[gi])
        if g.take_year(part) if kind == "year" else g.take_cell(part):
            out += [[part] + way for way in _ways(groups, rest, words[j:])]
    return out


def _settle(groups: list[_Group], wrapped: list[str]) -> bool:
    """Give each wrapped line's words to the groups' lacking parts in order; False unless every line splits into
    exactly those parts in one way only and no part is left lacking after the last line."""
    for line in wrapped:
        needs = [(gi, n) for gi, g in enumerate(groups) for n in g.needs()]
        ways = _ways(groups, needs, _words(line))
        if len(ways) != 1:
            return False
        for (gi, n), part in zip(needs, ways[0], strict=True):
            if not (groups[gi].take_year(part) if n == "year" else groups[gi].take_cell(part)):
                return False
    return not any(g.needs() for g in groups)


def past_by_wrapped_rows(lines: list[str]) -> list[dict] | None:
    """The table's past numbers from its lines (the label's line excluded, up to the note 「※…」): each row a line
    starting with a year, then the lines it wrapped onto. None unless some row wrapped and every row is settled
    (``_settle``) with years that rise; a blank cell (「-」) gives no number."""
    rows: list[tuple[str, list[str]]] = []
    for line in lines:
        line = line.strip()
        if line.startswith("※") or line.startswith("資金の流れ"):
            break
        if not line or (not rows and is_page_mark(line)):
            continue  # (a page's footer before the rows, 「11 / 13」)
        if _ERA.match(line):
            rows.append((line, []))
        elif rows:
            rows[-1][1].append(line)
        else:
            return None
    if not any(w for _, w in rows):
        return None
    out: list[dict] = []
    last = None
    for first, wrapped in rows:
        groups = _groups(first)
        if groups is None or not _settle(groups, wrapped):
            return None
        for g in groups:
            year, _ = parse_year(f"{g.era}{g.digits}年度")
            if year is None or (last is not None and year <= last):
                return None
            last = year
            if g.cell == "-":
                continue
            refs = parse_numbers(g.cell)
            if len(refs) != 1:
                return None
            out.append({"fiscal_year": year, "number": refs[0].number})
    return out or None


__all__ = ["past_by_wrapped_rows"]
