"""A ruled form on PDF pages -> the cell grid an Excel text export gives (one TAB-separated line per row).

The review-sheet form is a spreadsheet printed to PDF: its cells are drawn as ruling lines or rectangles.
``page_grid`` rebuilds them from the page geometry (the ruling edges of kg.read.pdf_geometry and their
intersections → cells, merged cells included), puts every character into the cell holding its centre, and rejoins the text of a
cell wrapped over several lines (no space between lines, except after a line that broke with room left for
the next line's first word: the sheet's own space or line break, which the .xlsx reader reads as a space);
a cell whose lines hold one character each is a vertical (stacked) label and is joined as one word, and
rotated characters are read top to bottom.

Columns are numbered over the whole document (the left edges of all cells of all pages, clustered), so a
table continued on the next page keeps its column numbers and its rows follow the previous page's rows
directly (no blank line at a page break). A merged cell's text sits in its top-left column and row, as in
Excel's text export. Text outside every cell (the title above the form) becomes rows of its own, split
into cells at wide gaps; a page number in the margin (「1 / 3」「- 2 -」「Page 3」) is left out.
Locators are "p2:R14" (page 2, 14th row of that page).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

MIN_CELLS = 20  # a page with fewer table cells is not a ruled form
_PAGE_NUMBER = re.compile(r"^\s*(?:[-‐－—]\s*\d{1,4}\s*[-‐－—]|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|(?:page|p\.)\s*\d{1,4}"
                          r"(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*ページ|\d{1,4}\s*頁)\s*$", re.I)


class Cut(NamedTuple):
    """Where a cell's text joins two lines with no space because the width cut the first: the offset of the second
    line's first character, and the two characters either side of the join (to check the text is still the one cut)."""
    at: int
    pair: str


@dataclass
class PageGrid:
    """One page: rows of (column x0, text) cells from top to bottom, plus the table cells' bboxes."""
    number: int
    rows: list[list[tuple[float, str]]] = field(default_factory=list)
    tops: list[float] = field(default_factory=list)
    cells: int = 0
    cell_x: list[float] = field(default_factory=list)  # left edges of the page's table cells
    cut: dict[tuple[int, float], tuple[Cut, ...]] = field(default_factory=dict)  # (row, x0): cell_text_cut's joins


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _join_lines(lines: list[str], broke: list[bool]) -> tuple[str, tuple[Cut, ...]]:
    """Rejoin wrapped lines: no space, except after a line that broke where the sheet had a space or a line
    break of its own (``broke``), as the .xlsx record reads such a cell (a line break is a space there). Also the
    joins made with no space: where a space of the sheet's cannot be ruled out."""
    out = ""
    cuts: list[Cut] = []
    prev_broke = False
    for s, b in zip(lines, broke, strict=True):
        s = s.strip()
        if not s:
            continue
        if out and prev_broke:
            out += " "
        elif out:
            cuts.append(Cut(len(out), out[-1] + s[0]))
        out += s
        prev_broke = b
    return out, tuple(cuts)


_NO_LINE_START = set(")]}）］｝」』】〕〉》、。，．,.・：；:;？！?!ーゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")  # kinsoku
_OPENING = set("([{（［｛「『【〔〈《")
_WORD_CHAR = re.compile(r"[!-~]")  # a character a wrap moves along with its ASCII word: 「(UNDP)」「Japan」


def _broke_early(group: list[dict], after: list[dict], right: float) -> bool:
    """A line that did not wrap for want of width but where the sheet had a space or a line break of its own
    (「一般競争契約」 over 「(総合評価)」 where the cell holds 「一般競争契約 (総合評価)」 or 「一般競争契約⏎(総合評価)」):
    the line's last character is a space (the space it broke at, when PDFium reports it); between two ASCII
    words, a line not cut by the width (a wrap moves an ASCII word whole, and breaks one only when it is longer
    than the line); else a line that ends before the cell's right edge with room left for the next line's first
    word — 「(UNDP)」 or 「Japan」 whole after Japanese text, or two characters (a line may not end with an opening
    bracket). A space the wrap fell on with no such room and no character (「一般競争契約 (総合評価)」 in a cell just
    too narrow for 「(総」) is not seen: the cell reads 「一般競争契約(総合評価)」."""
    line = sorted(group, key=lambda c: c["x0"])
    size = max(c["size"] for c in group)
    gap = right - line[-1]["x1"]
    if line[-1]["text"].isspace():
        return True
    nxt = sorted(after, key=lambda c: c["x0"])
    if _is_ascii_word(line[-1]["text"]) and _is_ascii_word(nxt[0]["text"]):
        return gap > 1.5 * size + 4
    k = 0
    while k < len(nxt) and _WORD_CHAR.match(nxt[k]["text"]):
        k += 1
    if 0 < k < len(nxt) and nxt[k - 1]["text"] in _OPENING:  # a line may not end with an opening bracket:
        k += 1  # 「TKC(株)」 moves whole (its 「)」 is taken below)
    k = max(k, min(2, len(nxt)))
    glued = False  # a Latin word after an ASCII 「)」 goes with it: 「(株)TKC」 (no break between them)
    while k < len(nxt) and (nxt[k]["text"] in _NO_LINE_START or _is_ascii_word(nxt[k]["text"])
                            and (nxt[k - 1]["text"] in ")]" or glued)):
        glued = _is_ascii_word(nxt[k]["text"])  # 「(株)・」 moves whole too: 「)」「・」 start no line
        k += 1
    need = nxt[k - 1]["x1"] - nxt[0]["x0"]
    return gap > need + 0.5 * size + 2


def _line_text(chars: list[dict]) -> str:
    """Characters of one text line, left to right; a gap wider than a fifth of the font size is a space (a
    half-width space of a Japanese font is about a quarter of it: 「V. 情報通信」; glyphs of one word touch)."""
    chars = sorted(chars, key=lambda c: c["x0"])
    out: list[str] = []
    prev = None
    for ch in chars:
        t = ch["text"]
        if prev is not None and ch["x0"] - prev["x1"] > 0.2 * max(ch["size"], 1.0) and out and out[-1] != " ":
            out.append(" ")
        if t.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(t)
        prev = ch
    return "".join(out).strip()


def _lines_of(chars: list[dict]) -> list[list[dict]]:
    """Group characters into text lines by their vertical position (top to bottom)."""
    chars = sorted(chars, key=lambda c: (c["top"], c["x0"]))
    lines: list[list[dict]] = []
    mids: list[float] = []
    for ch in chars:
        mid = (ch["top"] + ch["bottom"]) / 2
        # by the font size, not the glyph's own box: a comma's or 「ー」's box is lower and shorter than its line's
        # (「20,488」 read as 「20488」 + 「,」 on a line of its own in a page printed at 5.8 pt)
        tol = 0.45 * max(ch["bottom"] - ch["top"], ch.get("size") or 0.0, 1.0)
        if lines and abs(mid - mids[-1]) <= tol:
            lines[-1].append(ch)
        else:
            lines.append([ch])
            mids.append(mid)
    return lines


def cell_text(chars: list[dict], right: float | None = None) -> str:
    """Text of one cell from its characters: wrapped lines rejoined, stacked and rotated labels read as words.
    ``right``: the cell's right edge (tells a line cut by the width from one broken at a space)."""
    return cell_text_cut(chars, right)[0]


def cell_text_cut(chars: list[dict], right: float | None = None) -> tuple[str, tuple[Cut, ...]]:
    """``cell_text`` and where two of its lines were rejoined without a space because the width cut the first
    (a space the sheet had at that point cannot be told from none by the page: 「参事官 山本」 over 「拓也」 reads
    「参事官 山本拓也」; only the words either side can tell, kg.extract)."""
    if not chars:
        return "", ()
    if all(not c.get("upright", True) for c in chars):  # rotated text: read along the page, top to bottom
        return "".join(c["text"] for c in sorted(chars, key=lambda c: (c["top"], c["x0"]))).strip(), ()
    groups = [g for g in _lines_of(chars) if _line_text(g)]
    lines = [_line_text(g) for g in groups]
    if len(lines) >= 2 and all(len(x) == 1 for x in lines):  # stacked: a vertical label, or a cell one character
        # wide, whose spaces are the ones a line ends with (「審」「議」「官 」「渡」「辺 」「大」「輔」: 「審議官 渡辺 大輔」)
        broke = [max(g, key=lambda c: c["x0"])["text"].isspace() for g in groups]
    elif right is None:
        broke = [False] * len(groups)
    else:
        broke = [_broke_early(g, groups[k + 1], right) if k + 1 < len(groups) else False
                 for k, g in enumerate(groups)]
    return _join_lines(lines, broke)


def _segments(chars: list[dict]) -> list[tuple[float, str]]:
    """A free text line split into cells at gaps wider than two font sizes: [(x0, text)]."""
    chars = sorted(chars, key=lambda c: c["x0"])
    segs: list[list[dict]] = []
    for ch in chars:
        if segs and ch["x0"] - segs[-1][-1]["x1"] <= 2.0 * max(ch["size"], 1.0):
            segs[-1].append(ch)
        else:
            segs.append([ch])
    return [(s[0]["x0"], _line_text(s)) for s in segs if _line_text(s)]


class _CellIndex:
    """Finds the cell holding a point: cells bucketed by the column slots they cover."""

    def __init__(self, cells: list[tuple[float, float, float, float]]):
        self.cells = cells
        xs = sorted({round(c[0], 1) for c in cells} | {round(c[2], 1) for c in cells})
        self.xs = xs
        self.slots: list[list[int]] = [[] for _ in range(max(len(xs) - 1, 0))]
        for i, (x0, _t, x1, _b) in enumerate(cells):
            a = bisect.bisect_left(xs, round(x0, 1))
            b = bisect.bisect_left(xs, round(x1, 1))
            for s in range(a, b):
                self.slots[s].append(i)
        for s in self.slots:
            s.sort(key=lambda i: cells[i][1])

    def find(self, x: float, y: float) -> int | None:
        s = bisect.bisect_right(self.xs, x) - 1
        if s < 0 or s >= len(self.slots):
            return None
        for i in self.slots[s]:
            x0, top, x1, bottom = self.cells[i]
            if top > y:
                break
            if top <= y <= bottom and x0 <= x <= x1:
                return i
        return None


def _cluster(values: list[float], tol: float = 3.0) -> list[float]:
    """Sorted positions, those within ``tol`` of the previous one merged into it (their mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def page_cells(edges: list[dict], tol: float = 3.0) -> list[tuple[float, float, float, float]]:
    """Cells (x0, top, x1, bottom) of the ruled form drawn by ``edges``.

    The distinct x of the vertical rulings and y of the horizontal ones cut the page into atoms; two neighbouring
    atoms belong to one cell unless a ruling separates them (a merged cell is several atoms). A group of atoms is
    a cell when it is a rectangle whose whole outline is drawn."""
    xs = _cluster([e["x0"] for e in edges if e["orientation"] == "v"], tol)
    ys = _cluster([e["top"] for e in edges if e["orientation"] == "h"], tol)
    nx, ny = len(xs) - 1, len(ys) - 1
    if nx < 1 or ny < 1:
        return []

    def near(vals: list[float], v: float) -> int:
        k = bisect.bisect_left(vals, v)
        return min((i for i in (k - 1, k) if 0 <= i < len(vals)), key=lambda i: abs(vals[i] - v))

    hcov = [[False] * nx for _ in range(ny + 1)]  # hcov[j][i]: a ruling at ys[j] over xs[i]..xs[i+1]
    vcov = [[False] * ny for _ in range(nx + 1)]  # vcov[i][j]: a ruling at xs[i] over ys[j]..ys[j+1]
    for e in edges:
        if e["orientation"] == "h":
            j = near(ys, e["top"])
            for i in range(bisect.bisect_left(xs, e["x0"] - tol), nx):
                if xs[i + 1] > e["x1"] + tol:
                    break
                hcov[j][i] = True
        else:
            i = near(xs, e["x0"])
            for j in range(bisect.bisect_left(ys, e["top"] - tol), ny):
                if ys[j + 1] > e["bottom"] + tol:
                    break
                vcov[i][j] = True
    parent = list(range(nx * ny))

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for j in range(ny):
        for i in range(nx):
            a = j * nx + i
            if i + 1 < nx and not vcov[i + 1][j]:
                parent[root(a)] = root(a + 1)
            if j + 1 < ny and not hcov[j + 1][i]:
                parent[root(a)] = root(a + nx)
    groups: dict[int, list[int]] = {}
    for a in range(nx * ny):
        groups.setdefault(root(a), []).append(a)
    cells = []
    for atoms in groups.values():
        i0 = min(a % nx for a in atoms)
        i1 = max(a % nx for a in atoms)
        j0, j1 = atoms[0] // nx, atoms[-1] // nx
        if len(atoms) != (i1 - i0 + 1) * (j1 - j0 + 1):
            continue  # not a rectangle: the space around the form, not a cell
        if all(hcov[j0][i] and hcov[j1 + 1][i] for i in range(i0, i1 + 1)) and \
                all(vcov[i0][j] and vcov[i1 + 1][j] for j in range(j0, j1 + 1)):
            cells.append((xs[i0], ys[j0], xs[i1 + 1], ys[j1 + 1]))
    return cells


def page_grid(chars: list[dict], edges: list[dict], number: int) -> PageGrid:
    """Rows of one page from its characters and ruling edges (kg.read.pdf_geometry)."""
    grid = PageGrid(number)
    cells = page_cells(edges)
    grid.cells = len(cells)
    grid.cell_x = [c[0] for c in cells]
    index = _CellIndex(cells)
    in_cell: dict[int, list[dict]] = {}
    free: list[dict] = []
    for ch in chars:
        if not ch["text"]:
            continue
        i = index.find((ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2) if cells else None
        if i is None:
            free.append(ch)
        else:
            in_cell.setdefault(i, []).append(ch)
    items: list[tuple[float, float, str, tuple[Cut, ...]]] = []  # (top, x0, text, the joins the width cut)
    for i, (x0, top, x1, _bottom) in enumerate(cells):
        items.append((top, x0, *cell_text_cut(in_cell.get(i, []), x1)))
    span_top = min((c[1] for c in cells), default=None)
    span_bottom = max((c[3] for c in cells), default=None)
    free_rows: list[tuple[float, list[tuple[float, str, tuple[Cut, ...]]]]] = []
    for line in _lines_of(free):
        top = min(c["top"] for c in line)
        segs = _segments(line)
        text = " ".join(t for _, t in segs)
        outside = span_top is None or top < span_top or top > span_bottom
        if outside and _PAGE_NUMBER.match(text):
            continue
        free_rows.append((top, [(x, t, ()) for x, t in segs]))
    # rows: cells grouped by their top edge
    items.sort()
    rows: list[tuple[float, list[tuple[float, str, tuple[Cut, ...]]]]] = []
    for top, x0, text, cut in items:
        if rows and abs(top - rows[-1][0]) <= 2.0:
            rows[-1][1].append((x0, text, cut))
        else:
            rows.append((top, [(x0, text, cut)]))
    rows += free_rows
    rows.sort(key=lambda r: r[0])
    grid.cut = {(k, x0): cut for k, (_, r) in enumerate(rows) for x0, _, cut in r if cut}
    grid.rows = [[(x0, text) for x0, text, _ in sorted(r, key=lambda c: c[0])] for _, r in rows]
    grid.tops = [t for t, _ in rows]
    return grid


def _columns(xs: list[float], tol: float = 2.5) -> list[float]:
    """Cluster x positions (cell left edges of every page) into column positions."""
    out: list[float] = []
    for x in sorted(xs):
        if out and x - out[-1] <= tol:
            continue
        out.append(x)
    return out


def grid_lines(pages: list[PageGrid], cut: dict[int, dict[int, tuple[Cut, ...]]] | None = None
               ) -> tuple[list[str], list[str]]:
    """TAB lines and their locators for the whole document (columns numbered over all pages). ``cut``, when
    given, is filled with {1-based line: {TAB cell: the joins cell_text_cut says the width cut in its text}}."""
    cols = _columns([x for p in pages for x in p.cell_x]) or _columns([x for p in pages for r in p.rows for x, _ in r])
    lines: list[str] = []
    locators: list[str] = []
    for p in pages:
        for k, row in enumerate(p.rows, 1):
            cells: list[str] = []
            for x, text in row:
                j = max(bisect.bisect_right(cols, x + 2.5) - 1, 0)
                if j < len(cells):  # two texts in one column slot (free text): keep both, in order
                    j = len(cells)
                cells += [""] * (j - len(cells))
                cells.append(text.replace("\t", " "))
                if cut is not None and (k - 1, x) in p.cut:
                    cut.setdefault(len(lines) + 1, {})[j] = p.cut[k - 1, x]
            while cells and not cells[-1]:
                cells.pop()
            lines.append("\t".join(cells))
            locators.append(f"p{p.number}:R{k}")
    return lines, locators


__all__ = ["Cut", "PageGrid", "page_cells", "page_grid", "grid_lines", "cell_text", "cell_text_cut", "MIN_CELLS"]
