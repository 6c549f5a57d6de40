"""予算額・執行額 of review-sheet PDF text read beside its row labels: row-style text (pdfplumber, one form row per
line: 「当初予算 7 9 5 9 11」, ``budget_rows``) and paragraph-style text (pdfminer.six, pdftotext: a row label's
paragraph followed by its figures, ``budget_paragraphs``). A table is accepted only when every executed year's 計 is
the sum of its parts."""
from __future__ import annotations

import re

from kg.extract import budget_short
from kg.extract.doc_memo import last_document
from kg.extract.folded_text import folded as _folded
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.text import CELL_DASHES, is_dash

# ------------------------------------------------------------------ budget rows of row-style text

_ROWS = (("当初予算", "initial"), ("補正予算", "supplementary"), ("前年度から繰越", "carried_from_previous"),
         ("翌年度へ繰越", "carried_to_next"), ("予備費", "reserve"), ("計", "total"), ("執行額", "executed"))
_NUM_TOKEN = re.compile(r"[▲△-]?\d[\d,]*(?:\.\d+)?")


def _adds_up(parts: list, total) -> bool:
    """計 = the sum of its parts: exactly for whole figures, within rounding (0.5 per part) for decimals."""
    if all(float(v).is_integer() for v in [*parts, total]):
        return sum(parts) == total
    return abs(sum(parts) - total) <= 0.5 * len(parts)


# a row label, whole or cut short by its cell's width (「当初予」「前年度」「翌年度へ繰」 in a narrow print), its pieces
# maybe apart (「前年度から繰 越し」: the cell wrapped); 計 alone; the rest of the label may follow on the next line
_ROW_NAMES = ("当初予算", "補正予算", "前年度から繰越し", "翌年度へ繰越し", "予備費等", "執行額")
_ROW_LABEL = "|".join([*(r"\s?".join(name[:k]) for name in _ROW_NAMES for k in range(len(name), 1, -1)), "計"])
_BUDGET_ROW = re.compile(rf"^(?:[予算の状況]{{1,5}}\s)*[予算の状況]{{0,5}}\s*({_ROW_LABEL})(?:\s+|(?=[-－―▲△\d]))(.*)$")
# (the vertical 予算の状況 label's pieces before the row label: 「予算 の 状 況 当初予算」「予算の状 当初予算」; a row label
# wrapped in its cell: 「前年度か」「ら繰越し」, 「翌年度へ」「繰越し」; a dash or figure glued to a label: 「前年度から繰- - -」
# 「当初予算337 584」「翌年度へ▲19 0」)
_MARK_GAP = re.compile(r"([▲△])\s+(?=\d)")  # 「▲ 18,302」: the mark apart from its figure
_BUDGET_ROW_FIRST = frozenset("予算の状況当補前翌計執")


def _row_field(label: str) -> str:
    """The budget field of a row label matched by _ROW_LABEL (whole or its first characters)."""
    label = label.replace(" ", "")
    return next(f for lab, f in _ROWS if lab.startswith(label) or label.startswith(lab))  # [予算の状況] or a row label's first character


_GROUPED = re.compile(r"^(?:0|[1-9]\d{0,2}(?:,\d{3})*)$")  # (no figure starts with 0 but 0: not 「0,345」)
_LABEL_PIECES = re.compile(r"^(?:(?:[予算の状況]{1,5}|[らへ]?繰?越し?|し)\s+)+")  # a label's piece wrapped before the figure's
_WRAPPED_PIECE = re.compile(r"^\d{1,3}$")


def _wrapped_figures(cells: list[str], below: str, most: int = 99, below2: str = "", row: bool = False) -> list[str]:
    """A row's ``cells`` with a figure that wrapped in its narrow cell joined again to its last digits, the lone
    piece on the line ``below`` (「19,9953,270」 over 「0」: 「19,99」 glued to the next cell's 「53,270」, then 「0」;
    「59,64」 over 「況 9」, the piece after the wrapped 予算の状況 label's; 「5,96」 and 「1,72」 over 「6 4」, in order), or
    two cells glued apart again; the row
    holding at most ``most`` cells (「59,649」, not 「5」 and 「9,649」, in a row of five full cells).
    Taken only when exactly one way of cutting the glued cells and placing the piece reads every part as a figure
    grouped by commas (「19,990」「53,270」; 「19,995」「3,270」 leaves 「0」 nowhere); else the cells unchanged."""
    bad = [i for i, c in enumerate(cells) if "," in c and re.fullmatch(r"[▲△]?[\d,]+", c) and not _grouped(c)]
    pieces = wrapped_pieces(below)
    if len(bad) > 1 and len(pieces) == len(bad):  # several wrapped, their pieces below them in the same order
        joined = [cells[i] + p for i, p in zip(bad, pieces, strict=True)]
        if all(_grouped(x) for x in joined):
            return [dict(zip(bad, joined, strict=True)).get(i, c) for i, c in enumerate(cells)]
    if (joined := _wrapped_twice(cells, bad, pieces, below2)) is not None:
        return joined
    if row and not bad and len(pieces) == 1 and (joined := _short_wrapped(cells, pieces[0])) is not None:
        return joined
    if len(bad) != 1:
        return cells
    mark = cells[bad[0]][:1] if cells[bad[0]][:1] in "▲△" else ""  # 「▲3,」 over 「384」: the mark stays first
    c = cells[bad[0]][len(mark):]
    below = _LABEL_PIECES.sub("", below)
    if _WRAPPED_PIECE.match(below):
        ways = {(c + below,)} | {w for i in range(1, len(c)) for w in ((c[:i] + below, c[i:]), (c[:i], c[i:] + below))}
    else:  # two cells glued, no piece wrapped (「3,1753,412」: 「3,175」 and 「3,412」)
        ways = {(c[:i], c[i:]) for i in range(1, len(c))}
    fit = [w for w in ways if all(_GROUPED.match(x) for x in w) and len(cells) + len(w) - 1 <= most]
    return [*cells[:bad[0]], mark + fit[0][0], *fit[0][1:], *cells[bad[0] + 1:]] if len(fit) == 1 else cells


def _short_wrapped(cells: list[str], piece: str) -> list[str] | None:
    """``cells`` with the one cell that a lone wrapped ``piece`` completes: a ▲ printed alone (「▲」 over 「114」), or a
    figure under a thousand that stays one without a comma (「42」 over 「4」: 424; 「550」 + 「4」 would need its comma);
    None unless exactly one cell can take it. Row-style text only (``_wrapped_figures(row=True)``): in paragraph text
    every figure stands on its own line, and a lone figure below is the next cell, not a piece."""
    fits = [i for i, c in enumerate(cells) if c in ("▲", "△")
            or (c.isdigit() and c.isascii() and c[0] != "0" and len(c + piece) <= 3)]
    if len(fits) != 1:
        return None
    i = fits[0]
    return [*cells[:i], cells[i] + piece, *cells[i + 1:]]


def _wrapped_twice(cells: list[str], bad: list[int], pieces: list[str], below2: str) -> list[str] | None:
    """``cells`` with figures cut inside their last group of three and wrapped over the next two lines (「15,」 and
    「26,」 over 「878 66」 over 「7」: 15,878 and 26,667): each cut cell takes the line below's pieces in order, the
    cells still short the pieces of the line after (``below2``), in order; taken only when the counts match and
    every cell then reads a figure grouped by commas; else None."""
    if not bad or len(pieces) != len(bad) or not below2 \
            or any(not re.search(r",\d{0,2}$", cells[i]) for i in bad):
        return None
    joined = [cells[i] + p for i, p in zip(bad, pieces, strict=True)]
    short = [k for k, x in enumerate(joined) if not _grouped(x)]
    more = wrapped_pieces(below2)
    if not short or len(more) != len(short):
        return None
    for k, p in zip(short, more, strict=True):
        joined[k] += p
    if not all(_grouped(x) for x in joined):
        return None
    return [dict(zip(bad, joined, strict=True)).get(i, c) for i, c in enumerate(cells)]


def _grouped(cell: str) -> bool:
    """A figure grouped by commas as printed, its ▲ mark aside."""
    return bool(_GROUPED.match(cell[1:] if cell[:1] in "▲△" else cell))


def wrapped_pieces(below: str) -> list[str]:
    """The wrapped figures' pieces a line holds when it holds nothing else (a label's wrapped piece before them
    aside): 「6 4」, 「況 9」; else []."""
    words = _LABEL_PIECES.sub("", below).split()
    return words if words and all(_WRAPPED_PIECE.match(w) for w in words) else []


def budget_rows(lines: list[str], years: list[tuple[int, bool]], start: int = 1) -> tuple[list[dict], int, int] | None:
    """Row-style budget: each row label followed by its figures, one per year column (``years``: [(year,
    is_request)] from the header). Returns (budget entries, first line, last line) when every executed year's
    計 is the sum of its parts, else None (the caller then rebuilds the table another way)."""
    if not years:
        return None
    values: dict[str, tuple[list[float | int], int]] = {}
    folded = _folded(lines)
    for n in range(start, len(lines) + 1):
        t = folded[n - 1]
        # nfkc's text starts with no space: a row's first character is one of _BUDGET_ROW's first literals
        m = _BUDGET_ROW.match(t) if t[:1] in _BUDGET_ROW_FIRST else None
        if not m:
            continue
        field = _row_field(m[1])
        rest = _MARK_GAP.sub(r"\1", m[2])
        if field in values or not re.fullmatch(r"[\s\d,.▲△\-]*", rest):
            continue
        nums: list = []
        below = folded[n] if n < len(folded) else ""
        # the 執行額 row has no current year's cell: a wrapped piece cannot make it a cell more (「22,62」 over 「2」 is
        # 「22,622」, not 「2」 and 「2,622」) unless the row prints that cell (a dash)
        words = rest.split()
        most = len(years) if field != "executed" else max(sum(not r for _, r in years) - 1, len(words))
        cells = _wrapped_figures(words, below, most, folded[n + 1] if n + 1 < len(folded) else "", row=True)
        if cells == words and wrapped_pieces(below):
            return None  # a cell's last digits wrapped below it (「34」 over 「1」), which cell's the text does not tell
        for x in cells:
            if is_dash(x):  # a cell printed as a dash: unknown, not 0
                nums.append(None)
                continue
            for y in _NUM_TOKEN.findall(x):
                p = parse_number(y)
                if p.error or p.value is None:
                    return None
                nums.append(as_int_if_whole(p.value))
        values[field] = (nums, n)
        if len(values) == len(_ROWS):
            break
    if "total" not in values or "initial" not in values:
        return None
    past = [i for i, (_, req) in enumerate(years) if not req]
    budget = []
    for i, (y, req) in enumerate(years):
        if req:
            v = values["initial"][0]
            budget.append({"fiscal_year": y, "requested": v[i] if i < len(v) else None})
            continue
        e = {"fiscal_year": y}
        for f in ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total",
                  "executed"):
            row = values.get(f, ([], 0))[0]
            e[f] = row[i] if i < len(row) and (f != "executed" or len(row) > i) else None
        parts = [e[f] for f in ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve")]
        dashed = [f for f in ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve")
                  if f in values and i < len(values[f][0]) and values[f][0][i] is None]
        known = [p for f, p in zip(("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve"),
                                   parts, strict=True) if f not in dashed]  # a dash adds nothing that is known
        if e["total"] is None or any(p is None for p in known) or not _adds_up(known, e["total"]):
            if i in past and e["total"] is not None:
                return None
        budget.append(e)
    # rows shorter than the number of year columns must be the leading columns (executed: past years only)
    # (the real form prints the request year's column in every row but 執行額: a dash, or its 計 = its 当初予算)
    req = [i for i, (_, r) in enumerate(years) if r]
    for f, (row, _) in values.items():
        limit = len(past) if f == "executed" else len(years)
        if len(row) > limit:
            return None
        if f not in ("initial", "executed") and len(row) > len(past) and req and req[0] < len(row):
            v = row[req[0]]
            if v is not None and not (f == "total" and v == values["initial"][0][req[0]]):
                return None
    lines_used = [ln for _, ln in values.values()]
    return budget, min(lines_used), max(lines_used)


# ------------------------------------------------------------------ budget of paragraph-style text

_BUDGET_LABEL = re.compile(rf"^(?:[予算の状況]{{1,5}}\s+)*({_ROW_LABEL})(?:(?:\s+|(?=[-－―▲△\d]))((?:[▲△]?\d[\d,]*(?:\.\d+)?|[-－―])"
                           r"(?:\s+(?:[▲△]?\d[\d,]*(?:\.\d+)?|[-－―]))*))?$")
# (a row label wrapped in its cell, 「前年度か」 over 「ら繰越し」: the second piece is no figure; a label may have its
# first figures on its line: 「当初予算 4」「翌年度へ繰越し -」)
_LABEL_REST = frozenset({"ら繰越し", "ら繰越", "繰越し", "繰越", "し"})
_DASH_CELL = re.compile(r"^[-－―](?:\s+[-－―])*$")
_BUDGET_END = ("政策評価", "関連事業", "執行率", "当初予算+補正予算", "予算内訳", "成果目標", "活動指標", "支出先上位")


@last_document
def paragraph_sequence(lines: list[str], start: int) -> list[tuple[str, object, int]] | None:
    """The budget table's row labels and cells in reading order from the line after ``start`` (its 予算額 label)
    to the rate rows or the next table: ("label", field, line) and ("num", value or None for a dash, line); None
    when a figure is not readable (the last document's kept: budget_paragraphs and budget_gaps both ask)."""
    return _paragraph_sequence(lines, start)


def row_cells(seq: list[tuple[str, object, int]], k: int) -> tuple[list, int]:
    """The cells (values, None for a dash) of ``paragraph_sequence``'s entries from ``k`` on up to the next label,
    and the index after them."""
    cells = []
    while k < len(seq) and seq[k][0] == "num":
        cells.append(seq[k][1])
        k += 1
    return cells, k


def _paragraph_sequence(lines: list[str], start: int) -> list[tuple[str, object, int]] | None:
    seq: list[tuple[str, object, int]] = []
    folded = _folded(lines)
    pieces: set[int] = set()  # lines holding a wrapped figure's last digits, joined to the line above
    marked = None  # where a ▲ printed alone on its line stands in ``seq``, not yet given to its figure
    for n in range(start + 1, min(len(lines), start + 120) + 1):
        t = folded[n - 1]
        if not t or n in pieces:
            continue
        if "▲" in t or "△" in t:
            t = _MARK_GAP.sub(r"\1", t)
            if t.strip() in ("▲", "△"):
                marked = len(seq)
                continue
        if " ," in t:
            t = _COMMA_APART.sub(r"\1,", t)  # (「▲ 14 ,355」: -14,355)
        if any(t.startswith(w) for w in _BUDGET_END):
            break
        m = _BUDGET_LABEL.match(t)
        if m:
            marked = None
            seq.append(("label", _row_field(m[1]), n))
            for x in _rejoined((m[2] or "").split(), folded, n, pieces):
                if x in CELL_DASHES:
                    seq.append(("num", None, n))
                    continue
                p = parse_number(x)
                if p.error or p.value is None:
                    return None
                seq.append(("num", as_int_if_whole(p.value), n))
            continue
        if t.replace(" ", "") in _LABEL_REST:
            continue
        if _DASH_CELL.match(t):  # a dash: unknown (not 0), kept in its place
            seq.extend(("num", None, n) for _ in t.split())
            continue
        if _header_year_piece(folded, n):
            continue
        if (whole := _comma_wrapped(folded, n)) is not None:  # 「25,」 over 「800」: one cell, wrapped
            t = whole[0]
            pieces.update(whole[1])
        if re.fullmatch(r"[\d,.▲△\s]+", t):
            for x in _NUM_TOKEN.findall(" ".join(_rejoined(t.split(), folded, n, pieces))):
                p = parse_number(x)
                if p.error or p.value is None:
                    return None
                if marked is not None and p.value > 0:
                    # a ▲ printed alone: the row's next figure above 0 is the one it marks, its cell where the mark
                    # stands (「▲」「2,090」: -2,090; 「▲」「0」「139」: -139 before the 0)
                    seq.insert(marked, ("num", as_int_if_whole(-p.value), n))
                    marked = None
                    continue
                seq.append(("num", as_int_if_whole(p.value), n))
    return seq


_COMMA_APART = re.compile(r"(\d) ,(?=\d{3}(?!\d))")  # a figure's last group apart from its head: no cell opens so


def _header_year_piece(folded: list[str], n: int) -> bool:
    """Line ``n`` (1-based) a year header's number alone, its era's piece on the text line before and 年 opening
    the one after (a narrow header cell wrapped a character or two a line: 「平」「成」「29」「年」「度」): no cell.
    The era may also stand, with no number after it, amid one of the two text lines before (reportlab's print,
    pdftotext: 「平成27年度 平成 平成29年度要求」「28」「年度」; 「(単位: 平成 平成24」「百万円)」「23」「年度」)."""
    t = folded[n - 1].strip()
    if not (t.isdigit() and len(t) <= 2):
        return False
    after = next((x.strip() for x in folded[n:n + 3] if x.strip()), "")
    if not after.startswith("年"):
        return False
    before = [x.strip() for x in reversed(folded[max(0, n - 5):n - 1]) if x.strip()][:2]
    return bool(before) and (before[0].endswith(("令和", "平成", "昭和", "和", "成"))
                             or any(_ERA_ALONE.search(x) for x in before))


_ERA_ALONE = re.compile(r"(?:令和|平成)(?!\s*(?:\d|元))")  # an era whose number is not after it (wrapped away)


_COMMA_END = re.compile(r"^[▲△]?[1-9]\d{0,2}(?:,\d{3})*,$")  # a figure cut after a comma (「25,」「▲1,234,」)


def _comma_wrapped(folded: list[str], n: int) -> tuple[str, list[int]] | None:
    """Paragraph-style text: line ``n`` (1-based) a paragraph's first line, a figure alone that ends with its comma
    (「25,」: no figure is printed so), and the paragraph's next lines (two at most) digits alone that make its last
    group of three (「800」; 「66」 over 「7」): (the figure joined, the pieces' line numbers); else None."""
    t = folded[n - 1]
    if not t.endswith(",") or not _COMMA_END.match(t) or (n > 1 and folded[n - 2]):
        return None
    group, at = "", []
    for j in range(n, min(n + 2, len(folded))):
        x = folded[j]
        if not x.isdigit() or not x.isascii() or len(group + x) > 3:
            return None
        group += x
        at.append(j + 1)
        if len(group) == 3:
            return (t + group, at) if j + 1 >= len(folded) or not folded[j + 1] else None
    return None


def _rejoined(cells: list[str], folded: list[str], n: int, pieces: set[int]) -> list[str]:
    """Line ``n``'s ``cells`` with a figure wrapped in its cell joined again to its piece on the next line (that
    line then added to ``pieces``), or glued cells cut apart (_wrapped_figures)."""
    below = folded[n] if n < len(folded) else ""
    out = _wrapped_figures(cells, below)
    if out != cells and wrapped_pieces(below):
        pieces.add(n + 1)
    return out


def budget_paragraphs(lines: list[str], years: list[tuple[int, bool]], start: int) -> tuple[list[dict], int, int] | None:
    """Paragraph-style budget (pdftotext, pdfminer): row labels and figures in reading order, a run of labels
    followed by a run of figures read row by row (当初予算 has the past, current and request columns, 執行額
    the past ones, the other rows past and current). Accepted only when every past column's 計 is the sum of
    its parts; None otherwise (the caller's solver then tries). A row one cell short: budget_short."""
    got = budget_paragraphs_unsure(lines, years, start)
    return got[:3] if got is not None else None


def budget_paragraphs_unsure(lines: list[str], years: list[tuple[int, bool]], start: int
                             ) -> tuple[list[dict], int, int, list[tuple[int, str]]] | None:
    """budget_paragraphs' table, first and last lines, and the cells left unknown because a row one cell short
    could stand in more than one way (budget_short.settled): [(fiscal year, field)]."""
    past = sum(1 for _, req in years if not req) - 1  # executed columns (the current year has none)
    n_cur = past + 1
    seq = paragraph_sequence(lines, start)
    if seq is None:
        return None
    values: dict[str, list] = {}
    used_lines: list[int] = []
    k = 0
    while k < len(seq):
        labels = []
        while k < len(seq) and seq[k][0] == "label":
            labels.append(seq[k][1])
            used_lines.append(seq[k][2])
            k += 1
        nums = []
        while k < len(seq) and seq[k][0] == "num":
            nums.append(seq[k][1])
            used_lines.append(seq[k][2])
            k += 1
        if not labels:
            continue
        want = [(n_cur + 1, n_cur) if f == "initial" else (past, past) if f == "executed" else (n_cur, n_cur - 1)
                for f in labels]
        # the lengths the run can be cut into: each row full, or short by its last columns
        cut = None
        for choice in range(1 << len(labels)):
            lens = [w[(choice >> i) & 1] for i, w in enumerate(want)]
            if sum(lens) == len(nums):
                cut = lens
                break
        if cut is None and len(labels) <= 6:
            # the real form prints every row in the request year's column too (a dash, or 計's figure): each row's
            # past and current columns, maybe that one; accepted only when one cut fits
            wide = [(past,) if f == "executed" else (n_cur + 1, n_cur) for f in labels]
            fits = [lens for lens in _cuts(wide) if sum(lens) == len(nums)]
            cut = fits[0] if len(fits) == 1 else None
        if cut is None:
            return None
        rows = _signed_rows(labels, cut, nums)
        if rows is None:
            return None
        for f, row in zip(labels, rows, strict=True):
            if f in values:
                return None
            values[f] = row
    if "initial" not in values or "total" not in values:
        return None
    # A row one cell short may have lost any cell (budget_short). But when a row holds the request year's cell too
    # (the real form prints every row in that column, and leaves it blank in many), a row of the past and current
    # columns alone has mostly that blank: only a row whose label wrapped in its narrow cell is taken to have lost
    # any (seen: 「前年度から繰 越し」 then 「0 0 0 -」 for 「- 0 0 0 -」, its first dash lost beside the wrapped label)
    wide = any(len(row) > n_cur for f, row in values.items() if f not in ("initial", "executed"))
    wrapped = {f for kind, f, n in seq if kind == "label" and _wrapped_label(_folded(lines)[n - 1])} if wide else set()
    widths = {f: n_cur + 1 if f == "initial" or f in wrapped else n_cur for f in values
              if f != "executed" and (not wide or f == "initial" or f in wrapped)}
    got = budget_short.settled(values, widths, lambda v: _paragraph_table(v, years, past))
    if got is None or not used_lines:
        return None
    budget, unsure = got
    if all(e.get(f) is None for e in budget for f in e if f != "fiscal_year"):
        return None
    return budget, min(used_lines), max(used_lines), unsure


def _wrapped_label(text: str) -> bool:
    """A row label wrapped in its narrow cell whose two pieces the text joined on one line (「前年度から繰 越し」): the
    cell printed beside its first piece is the one seen lost (a label cut over two lines of text loses none)."""
    m = _BUDGET_LABEL.match(text.strip())
    return m is not None and any(c.isspace() for c in m[1].strip())


def _paragraph_table(values: dict[str, list], years: list[tuple[int, bool]], past: int) -> list[dict] | None:
    """budget_paragraphs' table of its rows ``values``: None unless every past column's 計 is the sum of its parts
    and the current year's printed parts add up to its 計."""
    n_cur = past + 1
    budget = []
    for i, (y, req) in enumerate(years):
        if req:
            ini = values["initial"]
            budget.append({"fiscal_year": y, "requested": ini[n_cur] if len(ini) > n_cur else None})
            continue
        e = {"fiscal_year": y}
        for f in ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total",
                  "executed"):
            row = values.get(f, [])
            e[f] = row[i] if i < len(row) else None
        if i < past:
            parts = [e[f] for f in ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve")]
            # (a dash is unknown, left out of the check; a row missing altogether fails it)
            if e["total"] is None or any(len(values.get(f, ())) <= i for f in _PARTS) \
                    or not _adds_up([x for x in parts if x is not None], e["total"]):
                return None
        else:  # the current year: its printed parts add up to its 計, no part is printed without a 計, and no 計
            known = [e[f] for f in _PARTS if e[f] is not None]  # above 0 without a part
            if (e["total"] is None and any(known)) or (e["total"] and not known) or \
                    (e["total"] is not None and known and not _adds_up(known, e["total"])):
                return None
        budget.append(e)
    return budget


_PARTS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve")


def _signed_rows(labels: list[str], cut: list[int], nums: list) -> list[list] | None:
    """The run of figures ``nums`` after the row labels ``labels`` as their rows (``cut``: each row's length),
    read row by row; or column by column when that reading puts a figure above 0 in 翌年度へ繰越し or one below 0
    in another row (those hold ▲ figures only, and only them) and this one does not: pdfminer writes a block of
    narrow cells (dashes) column by column (seen: 前年度から繰越し, 翌年度へ繰越し, 予備費等 of four years as
    「- - - | - - - | 789 - - | - - -」, 789 the third year's 前年度から繰越し). None when neither reading fits."""
    def signed(rows: list[list]) -> bool:
        return all(v is None or (v <= 0 if f == "carried_to_next" else v >= 0)
                   for f, row in zip(labels, rows, strict=True) for v in row)

    starts = [sum(cut[:k]) for k in range(len(cut))]
    by_row = [nums[a:a + ln] for a, ln in zip(starts, cut, strict=True)]
    if signed(by_row):
        return by_row
    k = len(labels)
    if k < 2 or len(set(cut)) != 1:
        return None
    by_col = [nums[r::k] for r in range(k)]
    return by_col if signed(by_col) else None


def _cuts(options: list[tuple[int, ...]]):
    """Every choice of one length per row (rows' options in order)."""
    if not options:
        yield []
        return
    for head in options[0]:
        for rest in _cuts(options[1:]):
            yield [head, *rest]


__all__ = ["budget_rows", "budget_paragraphs", "budget_paragraphs_unsure", "paragraph_sequence", "row_cells"]
