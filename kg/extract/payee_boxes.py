"""支出先上位10者リスト of pdfminer.six's text of the real ruled form (issue 17): one box (paragraph) a cell.

On the real form pdfminer.six writes the header boxes again before each row (left out here, they are header
cells), then the row's cells — name | 法人番号 (or 「-」) | 業務概要 and 支出額 (either first) | 契約方式等 |
入札者数 | 落札率 | 一者応札… —, and the block letters and ranks as boxes of their own, a *run* somewhere among
the rows: 「A. | 1 | B | 1 | C | 1」, 「G | 1 | 2 | 3 | 4 | 5 | 6」. Rows of small cells may share a box
(「5010401006994 英字新聞の購読 0.3」) or come in another order (two names, then their two 法人番号).

This reader takes the section as a stream of typed boxes:

- the *run*: block letters in order from A, each followed (not necessarily at once: rows may stand between)
  by its ranks 1, 2, ... — a number box is a rank only where a rank can stand (after a letter, a rank, a dash
  or a 落札率, or after a name when a name or the next rank follows; never right after a 法人番号, a name's
  「-」 or a 契約方式; after a dash not when the rows' right cells go on after it, 「- | 6 | - | 1 | - | 44%」, unless
  the number stands again later in the block) and only as the next rank of the block;
- a row is *anchored* at its 法人番号 box (13 digits), or at the 「-」 right after a name box (a payee without
  one); its name is the one text box right before the anchor (k names before k anchors that follow with no
  name of their own are paired in order; else the name is unknown); k names right before k single 「-」 and
  then a text box (「職員旅費(職員A) | 講師謝金(講師B) | - | - | データ整備…」: payees with no 法人番号, the names
  first) are k rows anchored at the k 「-」, when the row before has its 業務概要 before the names (or no row
  stands before);
- the row's other cells are the boxes after its anchor up to the next row's name, cut at the first box of the
  run: one 業務概要 text, one amount, one 契約方式, then 入札者数 and 落札率; a cell kind found twice, or a
  row whose boxes are not in row order, leaves the row's other cells unknown (the name and 法人番号 stay).

Rows are given block and rank by counting: the n-th anchor is the n-th rank of the run. When the run does not
read (a letter out of order, a block without a rank) or the counts differ, no row is given (the payees are
unknown, with a note): which block a row is in is then not established — but for rows one or two fewer than the
ranks (a row not read), each kept where every fitting of the rows in order to the ranks places it, the amounts read
falling down each block (``_fit``). Fewer rows than ranks are also placed by the amounts (``_by_amounts``): when the
section holds as many amounts as ranks, falling down each block, the n-th amount is the n-th rank's; an anchored row
whose own boxes hold one of them takes its rank, a rank no such row claims has its amount alone.

A block's amounts are also read from all its rows' boxes at once (``_pooled_amounts``): pdfminer.six writes the
amounts of short rows as one column run after the last of them, and the block's 計 after them. As many figures as
rows (after dropping a last one that is their sum), each written no earlier than its row, agreeing with the amounts
read per row, give the rows their amounts — unless a figure stands in no row's boxes at all (a row not read: the
count may be a place off). When every row's amount stands in its own boxes, a row's cells left out because the row
before's might stand there are its own (its 業務概要, amount, 契約方式). ``checked_by_amounts`` then keeps a block
only with every amount read and falling down the ranks. When every row of a block has one amount in its own boxes,
the cells of rows doubted because the row before had none of its own are taken back (``_pooled_amounts``).

Rows written as columns (k names and anchors, then their k 業務概要, then their k amounts: kg.extract.payee_columns_pm)
give their cells to the rows placed with those amounts once the rows are read (``with_column_rows``).

The real form prints a block's 計 under its rows; pdfminer.six writes that figure among the rows' boxes (between an
amount and its 契約方式, after a 落札率, after the run). A figure exactly the sum of two or more amounts written since
the last 計 is left out before the rows are read (``_block_totals``). An 入札者数 (and 落札率) pdfminer.six writes
between a row's amount and its 契約方式 is passed over when the row before has its own amount (``_fields``).

pdftotext writes a row's name, 法人番号 and 業務概要 side by side on one line and their wrapped rests on the lines
below it, each line the name's or the 業務概要's: such a row's name and 業務概要 are unknown (``_pieces_unplaced``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from math import comb

from kg.extract.payee_columns_pm import column_rows, plain, with_column_rows
from kg.extract.payee_figures import (
    header_figures_unplaced,
    listed_name_counted,
    ranks_contradicted,
    small_amounts_outnumbered,
)
from kg.extract.payee_form_text import header_text
from kg.extract.payee_rows_text import PayeeRow, is_total_of
from kg.extract.payee_wraps import unlike_name
from kg.normalize import houjin
from kg.normalize.numbers import parse_number
from kg.normalize.text import is_dash, nfkc

__all__ = ["has_letters", "payee_boxes", "with_boxes"]

_CORP_HEAD = re.compile(r"^(\d{13})(?: (.+))?$")
_NAME_CORP = re.compile(r"^(\S.*?) (\d{13})$")  # the name's box and the 法人番号's run together
_NAME_DASH = re.compile(r"^(\S.*?) [-－―]$")  # the name's box and its 「-」 (no 法人番号) run together
_LETTER = re.compile(r"^([A-Z])[.．]?$")
_RANK = re.compile(r"^[1-9]\d?$")
_NUMBER = re.compile(r"^[▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_RATE = re.compile(r"^(\d{1,3}(?:\.\d+)?%)(?: [-－―])?$")
_DASH = re.compile(r"^[-－―]{1,2}(?: [-－―]{1,2})*$")
# the form's 契約方式等 choices (a trailing 「-」 is the next cell, 一者応札…, run into the box)
_CONTRACT = re.compile(r"^((?:(?:一般競争|指名競争|随意)契約|企画競争|公募|補助金等?交付|その他)(?: ?\([^()]{1,12}\))?)"
                       r"(?: [-－―])?$")
_TOTAL = re.compile(r"^(?:計|合計|小計)\b")
_END = re.compile(r"チェック|【別紙")
# a figure standing as a word of its own, run into the text after it (a cell's wrapped lines joined), and the
# boxes where such a figure is no amount: pieces of a 法人番号, a 契約方式 with its 入札者数
_HIDDEN_FIGURE = re.compile(r"(?:^|\s)[▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=[^\d\s.,%年月日度回条項号次期か])")
_PIECES_OR_METHOD = re.compile(r"\d{5}|契約|交付|その他|競争|公募")
# a figure starting a word inside a 業務概要 (not a count of years, times, articles…): an amount run in
_FIGURE_IN = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d年月日度回条項号次期か%])")


_KINDS = (("corp", _CORP_HEAD), ("namecorp", _NAME_CORP), ("letter", _LETTER), ("int", _RANK),
          ("number", _NUMBER), ("rate", _RATE), ("dash", _DASH), ("contract", _CONTRACT))


# the shapes of _KINDS as one pattern, each its kind's named group in the same order: at the box's start the first
# alternative that matches is the first kind whose shape matches (every shape plain, no named group or flag of its
# own; its own groups inside its kind's, which closes last)
_KIND_RE = re.compile("|".join(f"(?P<{kind}>{shape.pattern})" for kind, shape in _KINDS))

_ANCHOR = ("corp", "namecorp")
_CUT_FIGURE = re.compile(r"^\d{1,3}(?:,\d{3})*,\d{0,2}$")  # a figure cut inside a group of three digits (「26,05」)
_MIXED = re.compile(r"^[▲△]?[\d,]+(?:\.\d+)?%? |\d{6}|^(?:一般競争|指名競争|随意)契約")
# a figure then a 契約方式 inside a box: a row's 業務概要, amount and 契約方式 run together (「研修の企画運営 23,243 その他」)
_FIGURE_METHOD = re.compile(r" [▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)? (?:(?:一般競争|指名競争|随意)契約|企画競争|公募"
                            r"|補助金等?交付|その他)")


def _kind(text: str) -> str:
    """A box's kind: the first of _KINDS whose shape it has, else text (a name or a 業務概要) — or mixed: a
    box that starts with a figure or a 契約方式, or holds part of a 法人番号, with more after it (cells of
    several columns run together: 「3,237 その他」, 「有限会社KDDI 3757442」), no cell of any row."""
    kind = m.lastgroup if (m := _KIND_RE.match(text)) is not None else "text"  # (next(kind for kind, shape in
    # _KINDS if shape.match(text)), in one match)
    if kind == "text" and (m := _NAME_DASH.match(text)) and _kind(m[1]) == "text":
        return "namecorp"  # a name and its 「-」 法人番号 run together (a payee without one)
    return "mixed" if kind == "text" and (_MIXED.search(text) or _FIGURE_METHOD.search(text)) else kind


def _raw_joined(raw: list[str] | None, line: int, text: str) -> str:
    """A box rejoined from the raw lines (1-based ``line``): a line that ended in a space was wrapped at that
    space, which the box's text (stripped lines) lost: 「随意契約 」「(その他)」 is 「随意契約 (その他)」; one that did
    not was wrapped inside a word: 「Pricewaterho」「useCoopers LLP」 is one word."""
    if not raw or line < 1:
        return text
    parts = []
    n = line - 1
    while n < len(raw) and raw[n].strip():
        parts.append(raw[n])
        n += 1
    out = re.sub(r"\s+", " ", "".join(nfkc(p) + (" " if p[-1:].isspace() else "") for p in parts)).strip()
    return out if out.replace(" ", "") == text.replace(" ", "") else text


def _run(boxes: list[tuple[str, str, int]], named: bool = False) -> tuple[set[int], list[tuple[str, int]]] | str:
    """The indices of the run's boxes and the (block, rank) it gives in order, or why it does not read. With
    ``named`` a number right before a name and its 法人番号 (``_before_named_row``) may be a rank after any box."""
    taken: set[int] = set()
    order: list[tuple[str, int]] = []
    letter: str | None = None
    last = 0
    solid = _solid_runs(boxes)
    for i, (kind, text, _) in enumerate(boxes):
        if kind == "int" and letter is not None and int(text) == last + 1 and (i in solid or i - 1 in taken):
            taken.add(i)  # a piece of the run (counting boxes one after another), or the one box due before it
            last += 1
            order.append((letter, last))
            continue
        if kind == "int" and letter is not None and int(text) == last + 1 \
                and (gap := _due_before_solid(boxes, solid, i, last, max(taken))) is not None:
            if gap:
                taken.add(i)
                last += 1
                order.append((letter, last))
            continue
        if kind == "letter":
            want = "A" if letter is None else chr(ord(letter) + 1)
            if _LETTER.match(text)[1] != want:
                return f"block letter {text!r} where {want} was due"
            if letter is not None and last == 0:
                return f"block {letter} has no rank before block {want}"
            letter, last = _LETTER.match(text)[1], 0
            taken.add(i)
            continue
        if kind != "int" or letter is None or int(text) != last + 1:
            continue
        prev = boxes[i - 1] if i else None
        before = boxes[i - 2] if i > 1 else None
        after = boxes[i + 1] if i + 1 < len(boxes) else ("letter", "", 0)
        next_rank = after[0] == "int" and int(after[1]) == last + 2  # (「… | 3 | 4 | 5 | 一般社団法人…」)
        if prev is not None and not (i - 1 in taken or prev[0] in ("letter", "rate")
                                     or (prev[0] in ("number", "int") and _ranks_to_letter(boxes, i, last, letter))
                                     or (prev[0] == "dash" and (before is None or before[0] != "text")
                                         and (not _right_cells_on(boxes, i) or _again_later(boxes, i)))
                                     or (prev[0] == "text" and (after[0] in ("text", "letter", *_ANCHOR) or next_rank))
                                     or (_amount_contract(*prev[:2]) and after[0] == "text")
                                     or (named and _before_named_row(boxes, i))):
            continue
        taken.add(i)
        last += 1
        order.append((letter, last))
    if letter is None:
        return "no block letter"
    if last == 0:
        return f"block {letter} has no rank"
    return taken, order


def _solid_runs(boxes: list[tuple[str, str, int]]) -> set[int]:
    """The indices of the number boxes that stand in *solid* pieces of the run: boxes one right after another counting
    up by one (「1 | 2 | 3」), three or more, or two or more right before a block letter (「3 | 4 | E」): the rank
    column as pdfminer.six writes it in one piece; 入札者数 written as a column (「1 | 1」「4 | 7」) do not count on."""
    out: set[int] = set()
    i = 0
    while i < len(boxes):
        j = i
        while boxes[j][0] == "int" and j + 1 < len(boxes) and boxes[j + 1][0] == "int" \
                and int(boxes[j + 1][1]) == int(boxes[j][1]) + 1:
            j += 1
        n = j - i + 1
        if boxes[i][0] == "int" and (n >= 3 or (n >= 2 and j + 1 < len(boxes) and boxes[j + 1][0] == "letter")):
            out.update(range(i, j + 1))
        i = j + 1
    return out


def _due_before_solid(boxes: list[tuple[str, str, int]], solid: set[int], i: int, last: int, since: int) -> bool | None:
    """Whether the number box ``i`` (the value of the block's next rank, last + 1) is that rank, as a solid piece of
    the run later in the block (before the next letter, ``_solid_runs``) says: False when the piece starts at that
    value (the rank is there, ``i`` is another cell: an 入札者数); True when it starts higher and the ranks due before it
    (last + 1 … its first - 1) each stand once among the number boxes after the block's last rank or letter (box
    ``since``) up to it, in order (「3 | name | - … 4 | 5 | 6 | B」: the rank written before its row's name, after
    the row before's 法人番号); None when no solid piece follows in the block or the boxes between do not say (the
    other rules decide)."""
    for j in range(i + 1, len(boxes)):
        if boxes[j][0] == "letter":
            return None
        if j in solid and j - 1 not in solid:
            first = int(boxes[j][1])
            if first == last + 1:
                return False
            if first < last + 1:
                continue
            due = [int(boxes[k][1]) for k in range(since + 1, j) if boxes[k][0] == "int"
                   and last < int(boxes[k][1]) < first]
            return True if due == list(range(last + 1, first)) else None
    return None


def _right_cells_on(boxes: list[tuple[str, str, int]], i: int) -> bool:
    """After the number at ``i`` the rows' right cells go on: a 落札率, or a 「-」 and then a figure, a 落札率 or another
    「-」 (「- | 6 | - | 1 | - | 44%」, 「- | 4 | - | - | 6.5」: 入札者数 and 落札率 of rows written after a row's cells, no
    rank among them; a rank stands before the next row's name, 「- | 2 | - | name」)."""
    after = [b[0] for b in boxes[i + 1:i + 3]]
    return after[:1] == ["rate"] or (after[:1] == ["dash"] and after[1:2] in (["int"], ["number"], ["rate"], ["dash"]))


def _again_later(boxes: list[tuple[str, str, int]], i: int) -> bool:
    """The number at ``i`` stands again later among the block's boxes (before the next letter): which of the two is
    the rank, the count does not change (``_right_cells_on`` asks only of a rank that may be none at all)."""
    for kind, text, _ in boxes[i + 1:]:
        if kind == "letter":
            return False
        if kind == "int" and text == boxes[i][1]:
            return True
    return False


def _ranks_to_letter(boxes: list[tuple[str, str, int]], i: int, last: int, letter: str) -> bool:
    """From ``i`` on the boxes are the block's next ranks (last + 1, last + 2, ...) and then the next block's letter
    (「… | 26,884 | 1 | 2 | F | 1 | 2 …」: the ranks of block E written after a row's figure, right before F's
    letter): a run's piece, though it follows a figure."""
    want = last + 1
    for kind, text, _ in boxes[i:]:
        if kind == "int" and int(text) == want:
            want += 1
            continue
        return kind == "letter" and _LETTER.match(text)[1] == chr(ord(letter) + 1)
    return False


def _anchors(boxes: list[tuple[str, str, int]], run: set[int], loose: int = 0) -> list[int]:
    """Indices of the boxes that anchor a row: a 法人番号, or a 「-」 right after a name (not after the 業務概要 of
    the row before: that row has its 業務概要 once a text box stood after its anchor before this one). Asked again
    for the same boxes and run (the section's readers ask two to four times), answered from _ANCHORS: a copy."""
    hit = _ANCHORS.get((id(boxes), id(run), loose))
    if hit is not None and hit[0] is boxes and hit[1] is run:
        return list(hit[2])
    if len(_ANCHORS) > 64:  # (callers other than payee_boxes, which empties it per section: a bounded memo)
        _ANCHORS.clear()
    out = _anchors_of(boxes, run, loose)
    _ANCHORS[(id(boxes), id(run), loose)] = (boxes, run, tuple(out))  # (the boxes and run kept: their ids stay
    return out  # theirs; neither is changed once read)


_ANCHORS: dict[tuple[int, int, int], tuple[list, set, tuple[int, ...]]] = {}


def _anchors_of(boxes: list[tuple[str, str, int]], run: set[int], loose: int) -> list[int]:
    out: list[int] = []
    texts_since = 0  # text boxes since the last anchor (its row's 業務概要 is the first)
    names = 0  # text boxes right before this one (no other box between)
    merged_desc = False
    prev: int | None = None
    since: list[str] = []  # the kinds of the boxes since the last anchor (``loose``: names with no anchor of their own)
    paired: int | None = None  # the second name of two written before their rows' cells (``_name_pair``)
    for i, (kind, text, _) in enumerate(boxes):
        if i in run:
            continue
        had = len(out)
        if kind in ("corp", "namecorp"):
            out.append(i)
            texts_since, merged_desc = 0, kind == "corp" and bool(_CORP_HEAD.match(text)[2])
        elif kind == "dash" and is_dash(text) and prev is not None and boxes[prev][0] == "text" \
                and (not out or merged_desc or texts_since >= 2 or _column_pair(boxes, run, out, i) is not None) \
                and not (out and texts_since >= 2 and _task_column_before(boxes, run, out[-1], i)):
            out.append(i)
            out += _dash_pairs(boxes, run, i, names, (not out[:-1] and texts_since == names)
                               or (bool(out[:-1]) and (merged_desc or texts_since > names)))
            texts_since, merged_desc = 0, False
        elif kind == "text" and loose and _loose_name(boxes, run, i, prev, out, since, loose > 1):
            out.append(i)
            texts_since, merged_desc = 0, False
        elif kind == "text" and loose and (i == paired or _name_pair(boxes, run, i, prev, since, out[-1] if out else None)
                                           is not None):
            paired = None if i == paired else next(j for j in range(i + 1, len(boxes)) if j not in run)
            out.append(i)
            texts_since, merged_desc = 0, False
        elif kind == "text":
            texts_since += 1
        if loose:  # (what ``_loose_name`` looks back on)
            since = [] if len(out) > had else [*since, _cell_kind(kind, text)]
        names = names + 1 if kind == "text" else 0
        prev = i
    return out


def _task_column_before(boxes: list[tuple[str, str, int]], run: set[int], last: int, i: int) -> bool:
    """The boxes between the last anchor and the 「-」 at ``i`` are k figures, then k text boxes (k ≥ 2): the amounts
    of the rows before written as a column, then their 業務概要 as one (reportlab's boxes as pdfminer.six groups them:
    「個人(A) | - | name | 法人番号 | name 法人番号 | 13 | 4.3 | 2.6 | 業務概要 | 業務概要 | 業務概要 | - | - | 随意契約」), so the
    text box before the 「-」 is a 業務概要, no name, and the 「-」 a right cell."""
    kinds = ["figure" if boxes[j][0] in ("int", "number") else boxes[j][0] for j in range(last + 1, i) if j not in run]
    k = kinds.count("figure")
    return k >= 2 and kinds == ["figure"] * k + ["text"] * k


def _column_pair(boxes: list[tuple[str, str, int]], run: set[int], out: list[int], i: int) \
        -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Two rows written as columns: the anchor at ``i`` (a 「-」, or a 法人番号 or a name and its number with nothing
    else in the box) stands right after its name, which stands right after the last anchor (``out``), of that kind
    too (「name | 法人番号 | name | - | 226 | 業務概要 | 89 | 業務概要」, 「name | - | name | 法人番号 | 業務概要 | 41 |
    業務概要 | 27」: pdfminer.six wrote the two names and numbers first, then each row's 業務概要 and amount): the boxes
    after it are two (業務概要, amount) pairs in one order, the second amount smaller than the first (the list falls
    down the ranks; equal amounts do not tell the rows' order), and no text box nor smaller amount right after them
    (a third row's), no bare anchor right before the first row's name (a third row's: more rows written as columns). The (業務概要, amount) indices of the row at the last anchor
    and of the row at ``i``; else None (the text box is that row's 業務概要, its 「-」 another cell)."""
    if not out or not _bare_anchor(boxes[out[-1]]) or not _bare_anchor(boxes[i]):
        return None
    between = [j for j in range(out[-1] + 1, i) if j not in run]
    if [boxes[j][0] for j in between] != ([] if boxes[i][0] == "namecorp" else ["text"]):
        return None
    first = out[-1] if boxes[out[-1]][0] == "namecorp" else out[-1] - 1  # (the first row's name box)
    before = next((j for j in range(first - 1, -1, -1) if j not in run), None)
    if before is not None and before in out and _bare_anchor(boxes[before]):
        return None  # (a third row's anchor right before: three rows or more written as columns, not two)
    after: list[int] = []
    for j in range(i + 1, len(boxes)):
        if j in run:
            break
        after.append(j)
        if len(after) == 5:
            break
    kinds = ["figure" if boxes[j][0] in ("int", "number") else boxes[j][0] for j in after]
    if kinds[:4] not in (["text", "figure"] * 2, ["figure", "text"] * 2) or kinds[4:5] == ["text"]:
        return None  # (a third 業務概要 after them: more rows in the columns)
    d1, a1, d2, a2 = after[:4] if kinds[0] == "text" else (after[1], after[0], after[3], after[2])
    if len(after) > 4 and boxes[after[4]][0] == "number" and _value(boxes[after[4]][1]) <= _value(boxes[a2][1]):
        return None  # (a third amount falling on from them: a third row's, more rows in the columns; a larger one is a
        # 計 or the next block's)
    if _value(boxes[a2][1]) >= _value(boxes[a1][1]) or any(_FIGURE_IN.search(boxes[d][1]) for d in (d1, d2)):
        return None
    return (d1, a1), (d2, a2)


def _bare_anchor(box: tuple[str, str, int]) -> bool:
    """The box anchors a row and holds no other cell of it: a 法人番号 alone, a 「-」, a name and its number."""
    kind, text, _ = box
    return kind == "namecorp" or (kind == "dash" and is_dash(text)) \
        or (kind == "corp" and not _CORP_HEAD.match(text)[2])


def _name_pair(boxes: list[tuple[str, str, int]], run: set[int], i: int, prev: int | None, since: list[str],
               last: int | None = None) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """Two payees with no 法人番号 of their own written names first (their 「-」 elsewhere): the text boxes at ``i`` and
    the next are two names, then come the first row's 業務概要, amount and 契約方式 (and maybe right cells: 入札者数,
    落札率, 「-」) and the second's (「- | - | name | name | 業務概要 | 3,448 | 随意契約 (公募) | 業務概要 | 2,076 |
    補助金等交付」), the second amount smaller than the first (equal ones do not tell the order) — after a complete row (``prev`` a 契約方式, 落札率 or
    「-」, an amount and a text box since its anchor ``last``, ``since`` the kinds of the boxes after it or the anchor's
    box holding them) or first of all. The (業務概要, amount, 契約方式) indices of the two rows; else None. Their
    right cells are not read (pdfminer.six may write the first row's after the second's 契約方式)."""
    if i + 1 >= len(boxes) or boxes[i + 1][0] != "text" or i + 1 in run:
        return None
    if prev is not None:
        held = [*since, _cell_kind("text", m[2])] if last is not None and (m := _CORP_HEAD.match(boxes[last][1])) \
            and m[2] else since
        if not (boxes[prev][0] in _ROW_END and ("text" in held or _AMOUNT_DESC in held)
                and any(k in held for k in ("number", "amount", _AMOUNT_DESC))):
            return None
    at: list[int] = []  # (the boxes after it up to the run, a dozen at most: the shape is looked for there)
    for j in range(i + 1, min(i + 13, len(boxes))):
        if j in run:
            break
        at.append(j)
    kinds = ["figure" if boxes[j][0] in ("int", "number") else boxes[j][0] for j in at]
    second = next((n for n in range(4, len(at)) if boxes[at[n]][0] not in ("int", "rate", "dash")), len(at))
    if kinds[:4] != ["text", "text", "figure", "contract"] or kinds[second:second + 3] != ["text", "figure", "contract"]:
        return None
    one, two = (at[1], at[2], at[3]), (at[second], at[second + 1], at[second + 2])
    if _value(boxes[two[1]][1]) >= _value(boxes[one[1]][1]) \
            or any(_FIGURE_IN.search(boxes[d][1]) for d in (one[0], two[0])):
        return None
    return one, two


def _names_paired(boxes: list[tuple[str, str, int]], taken: set[int], lines: set[int]) -> bool:
    """Two of the rows on ``lines`` (names with no anchor of their own, read as rows) are a ``_name_pair``: the count of
    rows then rests on the two names' shape, so the reading is kept only with every row's amount read (else the rows
    placed by the amounts, ``_fitted_or``, as without them)."""
    at = [i for i, b in enumerate(boxes) if b[0] == "text" and b[2] in lines and i not in taken]
    return any(j == i + 1 and _name_pair(boxes, taken, i, None, []) is not None for i, j in zip(at, at[1:], strict=False))


def _column_pairs_filled(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int],
                         rows: list[PayeeRow], doubted: list[dict | None]) -> tuple[list[PayeeRow], list[dict | None]]:
    """``rows`` with the 業務概要 and amount of two rows written as columns (``_column_pair``) given to them: the row at
    the 法人番号 the first pair, the row at the 「-」 after the next name the second — where neither row read its own;
    and ``doubted`` (``_rows_anchored``'s cells left out) with those two rows' left out no more (theirs are read)."""
    out, doubts = list(rows), list(doubted)
    for k, a in enumerate(anchors):
        if k and boxes[a][0] == "text" and boxes[anchors[k - 1]][0] == "text" and k < len(out) and a == next(
                j for j in range(anchors[k - 1] + 1, len(boxes)) if j not in taken) and not any(
                out[k - m].cells.get(c) is not None for m in (0, 1) for c in ("description", "amount")) \
                and (named := _name_pair(boxes, taken, anchors[k - 1], None, [])) is not None:
            for m, (d, amount, method) in ((k - 1, named[0]), (k, named[1])):
                out[m] = out[m]._replace(cells={**out[m].cells, "description": boxes[d][1], "amount": boxes[amount][1],
                                                "contract_method": _CONTRACT.match(boxes[method][1])[1]})
                doubts[m] = None
            continue
        if not k or k >= len(out):
            continue
        pair = _column_pair(boxes, taken, anchors[:k], a)
        if pair is None or any(out[k - m].cells.get(c) is not None for m in (0, 1) for c in ("description", "amount")):
            continue
        for m, (d, amount) in ((k - 1, pair[0]), (k, pair[1])):
            out[m] = out[m]._replace(cells={**out[m].cells, "description": boxes[d][1], "amount": boxes[amount][1]})
            doubts[m] = None
    return out, doubts


_ROW_END = ("contract", "rate", "dash")


def _loose_name(boxes: list[tuple[str, str, int]], run: set[int], i: int, prev: int | None, out: list[int],
                since: list[str], short: bool = False) -> bool:
    """The text box at ``i`` is the name of a payee whose 「-」 法人番号 pdfminer.six wrote elsewhere (before the
    name, or among the dashes of the row before): the row before is complete (its 業務概要, amount and 契約方式 or
    trailing 「-」 stand since its anchor; or no row and no cell stands before), and this one's 業務概要 and amount
    follow at once (either first), then no 法人番号 before its 契約方式. With ``short`` (tried when the rows do not
    count as the ranks without it) the row before's amount may be a figure of one or two digits (``_int_amount``), and
    so may this one's when its 契約方式 follows it at once (「- | name | 業務概要 | 52 | 随意契約(公募)」: an 入札者数
    stands after the 契約方式, or after the amount)."""
    if re.search(r" [-－―]$", boxes[i][1]):  # (a name with its 「-」 run into its box: the name would be cut wrong)
        return False
    if out:
        if not (boxes[prev][0] in _ROW_END and ("text" in since or _AMOUNT_DESC in since)
                and (any(k in since for k in ("number", "amount", _AMOUNT_DESC)) or (short and _int_amount(since)))):
            return False
        if _name_due_late(boxes, run, out[-1], since):
            return False
    elif any(j not in run and boxes[j][0] != "dash" for j in range(i)):
        return False
    at = []  # (the next three boxes not in the run: walked to them, not listed to the end)
    for j in range(i + 1, len(boxes)):
        if j not in run:
            at.append(j)
            if len(at) == 3:
                break
    kinds = [_cell_kind(*boxes[j][:2]) for j in at]
    ends = ("contract", "dash", "int", "rate")
    if any(k in ("number", _AMOUNT_DESC) and _names_after(boxes, run, j) for j, k in zip(at, kinds, strict=True)):
        return False  # (two names after its cells and before the next 法人番号: this text box may be the row before's)
    return (len(kinds) == 3 and {kinds[0], kinds[1]} == {"text", "number"} and kinds[2] in ends) \
        or (len(kinds) >= 2 and kinds[0] == _AMOUNT_DESC and kinds[1] in ends) \
        or (len(kinds) >= 2 and kinds[0] == "text" and kinds[1] == "amount") \
        or (short and kinds == ["text", "int", "contract"])


_AMOUNT_DESC = "text+number"


def _name_due_late(boxes: list[tuple[str, str, int]], run: set[int], a: int, since: list[str]) -> bool:
    """The row anchored at ``a`` stands at a 法人番号 box with no text box right before it (run boxes skipped): no
    name of its own there — pdfminer.six writes such a row's name after its cells (「B. | 法人番号 | 1,715 | 業務概要 |
    随意契約 (公募) | 4 | - | … | name | name | 1,499」) —, and no text box but its 業務概要 (in its box or after it)
    stands since (``since``: the kinds of the boxes after it): the next text box may be that name, not the name of a
    row of its own (``_loose_name``)."""
    j = a - 1
    while j >= 0 and j in run:
        j -= 1
    if boxes[a][0] != "corp" or (j >= 0 and boxes[j][0] == "text"):
        return False
    texts = sum(k in ("text", _AMOUNT_DESC) for k in since) + bool(_CORP_HEAD.match(boxes[a][1])[2])
    return texts <= 1


def _int_amount(since: list[str]) -> bool:
    """A figure of one or two digits stands as a row's amount among the kinds of its boxes since its anchor: right
    after its 業務概要, or first with its 業務概要 right after it (an 入札者数 stands after the amount or the 契約方式)."""
    return any(k == "int" and (since[j - 1] == "text" if j else since[1:2] == ["text"]) for j, k in enumerate(since))


@lru_cache(maxsize=4096)
def _cell_kind(kind: str, text: str) -> str:
    """A box's kind with the cells that run together told apart: a 業務概要 and its amount (_AMOUNT_DESC), an amount
    and its 契約方式 (「amount」). Pure and asked again for the same boxes (three asks in four repeat one, the
    readings of a section looking back on the same boxes): cached."""
    if kind == "text" and _ends_in_amount(text):
        return _AMOUNT_DESC
    return "amount" if _amount_contract(kind, text) else kind


def _ends_in_amount(text: str) -> bool:
    """A 業務概要 box with the amount's box run into it (「研修の企画運営 0.8」)."""
    words = text.split(" ")
    return len(words) > 1 and bool(_NUMBER.match(words[-1])) and _kind(" ".join(words[:-1])) == "text"


_AMOUNT_CONTRACT = re.compile(r"^([▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?) (.+)$")
# a 契約方式 cut inside its bracket (「随意契約 (企」: its qualifier's rest another box), and an amount before one
_CUT_METHOD = re.compile(r"((?:(?:一般競争|指名競争|随意)契約|補助金等?交付) ?\([^()]*)$")
_AMOUNT_CUT_CONTRACT = re.compile(r"^([▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?) " + _CUT_METHOD.pattern)


def _amount_contract(kind: str, text: str) -> tuple[str, str] | None:
    """The amount and the 契約方式 of a box holding both, in the form's column order (「4,085 補助金等交付 -」)."""
    m = _AMOUNT_CONTRACT.match(text) if kind == "mixed" else None
    return (m[1], _CONTRACT.match(m[2])[1]) if m and _CONTRACT.match(m[2]) else None


_DESC_AMOUNT_CONTRACT = re.compile(r"^(\S.*?) ([▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?) (\S.*)$")


def _desc_amount_contract(kind: str, text: str) -> tuple[str, str, str] | None:
    """The 業務概要, amount and 契約方式 of a box holding the three in the form's column order (「研修の企画運営 23,243
    その他 -」: pdfminer.six ran a row's cells together), the 業務概要 being text alone; else None."""
    m = _DESC_AMOUNT_CONTRACT.match(text) if kind == "mixed" else None
    if not m or not (c := _CONTRACT.match(m[3])) or _kind(m[1]) != "text" or _FIGURE_IN.search(m[1]):
        return None
    return m[1], m[2], c[1]


def _dash_pairs(boxes: list[tuple[str, str, int]], run: set[int], a: int, names: int, all_names: bool) -> list[int]:
    """The further 「-」 anchors of k names written before their k 「-」 法人番号 (「職員旅費(職員A) | 講師謝金(講師B) |
    - | - | データ整備…」): the k - 1 single dashes right after the anchor at ``a`` when exactly that many stand
    there, a text box (a 業務概要) follows them, and all ``names`` text boxes before ``a`` are names
    (``all_names``: the row before has its 業務概要 before them, or no row stands before). Else none."""
    if names < 2 or not all_names:
        return []
    nxt = [i for i in range(a + 1, len(boxes)) if i not in run][:names]
    dashes = nxt[:names - 1]
    if len(nxt) < names or any(boxes[i][0] != "dash" or not is_dash(boxes[i][1]) for i in dashes) \
            or boxes[nxt[-1]][0] != "text":
        return []
    return dashes


def _wrapped_rests(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int]) -> list[int]:
    """The 「-」 anchors whose name is one text box standing right after a row's cells that a 法人番号 box holding the
    row's 業務概要 begins (「法人番号 ガイドライン | 367 | の英訳作業 | - | 1」: pdfminer.six wrote the 業務概要's first line in
    the 法人番号's box, its wrapped rest after the amount, and the row's 「-」 cells after it): that text box may be
    the wrapped rest, the 「-」 no payee's — for ``_rows_anchored`` to leave out when the count of the ranks needs it."""
    out = []
    for a in anchors:
        if boxes[a][0] != "dash" or a < 3 or a - 1 in taken or boxes[a - 1][0] != "text":
            continue
        j = a - 2
        while j > 0 and j not in taken and boxes[j][0] in ("number", "int", "contract", "rate", "dash"):
            j -= 1
        if j < a - 2 and j not in taken and boxes[j][0] == "corp" and _CORP_HEAD.match(boxes[j][1])[2]:
            out.append(a)
    return out


def _rest_as_name(boxes: list[tuple[str, str, int]], run: set[int], anchors: list[int], groups: list[list[int]],
                  k: int) -> bool:
    """The next row is anchored at a 「-」 with nothing of its own after it (``_bare``) and one text box before it
    (「法人番号 業務概要の1行目 | 1,214 | 随意契約 (企画競争) | 5 | 作成 | - | -- | name | 法人番号」): that text box
    may be the wrapped rest of row ``k``'s 業務概要 (its 法人番号 box holding the first line) as well as a name."""
    return k + 1 < len(anchors) and boxes[anchors[k + 1]][0] == "dash" and len(groups[k + 1]) == 1 \
        and _bare(boxes, run, anchors[k + 1])


def _count_unsure(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int],
                  order: list[tuple[str, int]], bare: list[int]) -> set[str]:
    """The blocks whose rows are not established when ``bare`` 「-」 were left out of the anchors to make the count:
    one of them follows a name written after the row before's right cells (「1,115 | 契約方式 | 6 | 41% - | Asia Wise
    法律事務所 | - | 国立大学法人東京大学 | 1598058483954」: that payee's 「-」 for no 法人番号, a row), while a 「-」 kept
    as an anchor follows a 業務概要 list (a text holding 「、」, no name: 「… | 定期刊行物の購読、諸外国の動向に関する文書の
    分析及び要約作業 | - | - | 随意契約 (公募)」, a row's blank cells) — the count then holds by a row lost and a row
    made up, each row between a place off. The blocks on either side of both."""
    named = [a for a in bare if a >= 2 and a - 1 not in taken and a - 2 not in taken and boxes[a - 1][0] == "text"
             and boxes[a - 2][0] in ("contract", "rate", "dash", "int")]
    listed = [a for a in anchors if boxes[a][0] == "dash" and a and a - 1 not in taken and boxes[a - 1][0] == "text"
              and "、" in boxes[a - 1][1]]
    if not named or not listed:
        return set()
    out: set[str] = set()
    for d in (*named, *listed):
        k = next((k for k, a in enumerate(anchors) if a >= d), len(anchors))
        out.update(order[j][0] for j in (k - 1, k) if 0 <= j < min(len(anchors), len(order)))
    return out


def _late_name_before(boxes: list[tuple[str, str, int]], anchors: list[int], groups: list[list[int]],
                      names: list[str | None], k: int) -> bool:
    """The one text box before anchor ``k`` stands right after the row before's 法人番号, that row with no name
    before it (「3249670437519 | 国立研究開発法人産業技術総合研究所 | 6756387188158 | 業務概要 | 685 | … | name」):
    pdfminer.six may write a row's name after its number, so the text is that row's name as well as this one's —
    not established."""
    if not k or names[k - 1] is not None or groups[k - 1]:
        return False
    before = anchors[k - 1]
    return boxes[before][0] == "corp" and groups[k] == [before + 1]


def _closes_unopened(text: str) -> bool:
    """A bracket closes in ``text`` that did not open in it (「諸謝金)」): the rest of a cell wrapped after its 「(」,
    no name of its own."""
    depth = 0
    for ch in text:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth < 0:
                return True
    return False


def _bare(boxes: list[tuple[str, str, int]], run: set[int], a: int) -> bool:
    """Nothing of a row follows the 「-」 at ``a``: only dashes up to the next 法人番号 or the next name (a text
    box right before a 法人番号) or the end."""
    rest = [b for i, b in enumerate(boxes[a + 1:], a + 1) if i not in run and b[0] != "dash"]
    return not rest or rest[0][0] in _ANCHOR or (rest[0][0] == "text" and len(rest) > 1 and rest[1][0] in _ANCHOR)


def _fields(seg: list[tuple[str, str, int]], merged: str | None, raw: list[str] | None,
            bidders_first: bool = True, cut_right: bool = True) -> dict | None:
    """A row's cells from its boxes after the anchor (``merged``: what its 法人番号 box held after the number);
    None when they do not make one row's cells in row order. An 入札者数 and a 落札率 may stand right after the amount,
    before the 契約方式 (「2.3 | 7 | 一般競争契約 | 75.4%」, 「1,249 | 4 | - | 77.6%」): a number of one or two digits
    right after the amount, before any 契約方式, and a 落札率 after it are passed over — not the amount, and not
    known to be this row's (pdfminer.six writes the 入札者数 and 落札率 of the row before after this row's amount) —,
    but only when ``bidders_first``: the row before has its amount in its own boxes (else 「33 | 22 | 随意契約」 may
    be its amount and this row's, a column run). Such a number is the row's 入札者数 when the 契約方式 follows it at once
    and the 落札率 that at once (the cells in the form's order around the 契約方式, the 落札率 read as the row's). A number
    of one or two digits between a 「-」 and a 「-」 or 落札率 among the right cells (「- | 2 | - | 53.8%」: an 入札者数,
    this row's or another's) leaves the right cells unknown and ends the row, its one 業務概要, amount and 契約方式 read
    before (with ``cut_right``; not for ``_nameless_fields``, whose boxes may hold two rows' cells); a figure standing
    last there may be a row's amount written late: the boxes do not read as one row's."""
    desc, amounts, contracts, rates, tail = [], [], [], [], []
    after_contract = False
    bidders: str | None = None
    after_amount = False  # the box before was the amount (its own, or the figure a 業務概要 box ends in)
    passed = False  # an 入札者数 was passed over before the 契約方式
    passed_at: int | None = None  # where the one passed over right after the amount stands
    seg = ([("text", merged, 0)] if merged else []) + seg  # (what the 法人番号's box held after the number)
    glued = None  # the next box's index when it is the rest of a figure cut in a 業務概要 box (「… 26,05」 「4」)
    for j, (kind, text, line) in enumerate(seg):
        was_amount, after_amount = after_amount, False
        if j == glued:
            after_amount = True
            continue
        if kind == "text":
            if after_contract:  # a name left over (its row's 法人番号 elsewhere): not this row's, and the row ends
                break
            words = _raw_joined(raw, line, text).split(" ")
            if len(words) > 1 and _CUT_FIGURE.match(words[-1]):  # 「視察(旅費の支払) 26,05」 over 「4」
                rest = seg[j + 1][1] if j + 1 < len(seg) and seg[j + 1][0] in ("int", "number") else ""
                if not _NUMBER.match(words[-1] + rest) or not re.fullmatch(r"[\d,]*,\d{3}", words[-1] + rest):
                    return None  # the figure's rest is not the next box: the amount is unknown
                words[-1] += rest
                glued = j + 1
            if len(words) > 1 and _NUMBER.match(words[-1]):  # 「ドメイン更新 0」: the amount's box run into it
                amounts.append(words.pop())
                after_amount = True
            if _kind(" ".join(words)) != "text" or any(_kind(w) not in ("text", "mixed") or _FIGURE_IN.match(w)
                                                       for w in words[1:]):
                return None  # more cells run into it (「英字新聞の購読 0.3 随意契約 (少額)」, 「…保障の在り 3.5方を…」)
            desc.append(" ".join(words))
        elif kind in ("int", "number"):
            if after_contract:
                if j and seg[j - 1][0] == "contract" and kind == "int" and bidders is None:
                    if passed_at is None or seg[passed_at + 1][0] != "rate":
                        bidders = text  # (not after an 入札者数 and its 落札率 passed over before the 契約方式, 「4 | 6 |
                    continue  # 81.8% | 一般競争契約 | 4」: which of the two figures is the row's is not established)
                if kind == "int" and bidders is not None and seg[j - 1][0] == "int" and seg[j - 2][0] == "contract" \
                        and len(desc) == 1 and len(amounts) == 1:
                    bidders, rates = None, []  # (「契約方式 | 3 | 9」: another row's 入札者数 among the right cells, which
                    break  # are not established; the cells before, in row order, are the row's)
                if cut_right and kind == "int" and seg[j - 1][0] == "dash" and seg[j + 1:j + 2] \
                        and seg[j + 1][0] in ("dash", "rate") and len(desc) == 1 and len(amounts) == 1 \
                        and len(contracts) == 1:
                    bidders, rates = None, []  # (「業務概要 | 0 | 契約方式 | - | 2 | - | 53.8%」: a figure among the right
                    break  # cells after a 「-」, whose row's is not established; the cells before, in row order, are
                    # the row's)
                return None
            if was_amount and kind == "int" and len(amounts) == 1 and not contracts and bidders_first:
                passed = True  # (「41,046 | 3 | 一般競争契約」: an 入札者数, whose row's is not established)
                passed_at = j
                continue
            if _bidders_after_description(seg, j, amounts) and bidders_first:
                passed = True  # (「220 | 業務概要 | 3 | 一般競争契約 | 45.5%」: the 入札者数 written before its 契約方式)
                continue
            amounts.append(text)
            after_amount = True
        elif kind == "contract":
            contracts.append((_CONTRACT.match(_raw_joined(raw, line, text)) or _CONTRACT.match(text))[1])
            after_contract = True
        elif kind == "rate":
            if not after_contract and not passed:
                return None
            if after_contract:
                rates.append(_RATE.match(text)[1])
        elif kind == "dash":
            tail.append(text)
        elif not after_contract and (both := _amount_contract(kind, text)):  # 「3,237 その他」
            amount, contract = both
            amounts.append(amount)
            contracts.append(contract)
            after_contract = True
        else:  # a 法人番号, a letter or a mixed box: not one row's cells
            return None
    if len(desc) == 2 and merged and _rest_after_amount(seg):
        desc = []  # (the 業務概要's first line in the 法人番号's box, its wrapped rest after the amount: not joined)
    if len(desc) > 1 or len(amounts) > 1 or len(contracts) > 1 or len(rates) > 1:
        return None
    if passed_at is not None and bidders is None and rates \
            and [b[0] for b in seg[passed_at + 1:passed_at + 3]] == ["contract", "rate"]:
        bidders = seg[passed_at][1]  # (「11,590 | 5 | 一般競争契約 | 43.1%」: the 入札者数 and 落札率 either side of the
        # 契約方式, the row's own; the row before's would stand before the 契約方式 with their 落札率)
    if desc and desc[0].count("(") > desc[0].count(")"):  # 「会議等出席(諸謝」: cut at the box's edge, its end elsewhere
        desc = []
    return {"description": desc[0] if desc else None, "amount": amounts[0] if amounts else None,
            "contract_method": contracts[0] if contracts else None, "bidders": bidders,
            "award_rate": rates[0] if rates else None}


def _rest_after_amount(seg: list[tuple[str, str, int]]) -> bool:
    """A row's boxes (its 法人番号 box's text first) are 「業務概要の1行目 | amount | text | 契約方式」 (or end after the
    text): the text box is the 業務概要's wrapped rest, written after the amount (「法人番号 諸外国の動向に関する文 |
    23,935 | 書の分析及び要約作業 | 補助金等交付」)."""
    kinds = [k for k, _, _ in seg[:4]]
    return kinds[:3] in (["text", "number", "text"], ["text", "int", "text"]) and kinds[3:] in ([], ["contract"])


def _bidders_after_description(seg: list[tuple[str, str, int]], j: int, amounts: list[str]) -> bool:
    """The number at ``seg[j]`` follows the row's amount, first of its boxes, and its 業務概要, and a 契約方式 and a 落札率
    follow it (「220 | 業務概要 | 3 | 一般競争契約 (総合評価) | 45.5%」): an 入札者数 (``_figures`` reads it so too), not a
    second amount."""
    return seg[j][0] == "int" and len(amounts) == 1 and j == 2 and seg[0][0] in ("int", "number") \
        and seg[1][0] == "text" and [b[0] for b in seg[j + 1:j + 3]] == ["contract", "rate"]


def _nameless_fields(seg: list[tuple[str, str, int]], raw: list[str] | None, bidders_first: bool) -> dict | None:
    """The cells of a row with no name of its own before its 法人番号 whose boxes after it hold two text boxes before
    its 契約方式 (「法人番号 | name | 30 | 業務概要 | 契約方式」, 「法人番号 | 287 | 業務概要 | name | 契約方式」: pdfminer.six
    wrote the name after the number, before or after the 業務概要): its amount, 契約方式, 入札者数 and 落札率 as
    ``_fields`` reads them, the 業務概要 unknown (which text box is the name is not established); else None."""
    texts = [j for j, b in enumerate(seg) if b[0] == "text"]
    at = next((j for j, b in enumerate(seg) if b[0] in ("contract", "mixed")), len(seg))
    if len(texts) != 2 or texts[-1] > at:
        return None
    got = _fields([b for j, b in enumerate(seg) if j != texts[0]], None, raw, bidders_first, cut_right=False)
    if got is None or got["amount"] is None:
        return None
    return {**got, "description": None}


def has_letters(cells: list[tuple[str, int, bool]]) -> bool:
    """Block A's letter stands as a box of its own (the real form's letters; the generated form titles its blocks
    「A.name」): the one cell this reader cannot do without, looked for before it reads."""
    return any(t in ("A", "A.") for t, _, _ in cells)


def payee_boxes(cells: list[tuple[str, int, bool]], notes: list, lo: int,
                raw: list[str] | None = None) -> list[PayeeRow] | None:
    """The payee rows of the section's ``cells`` (kg.extract.review_text.payee_section_cells: text, line, is a
    header) read as boxes (module doc), or None when they do not read; ``notes`` gets (line, message) when rows
    are there but their blocks are not established. ``raw``: the document's lines as read (契約方式's spaces)."""
    _ANCHORS.clear()  # (one section's answers)
    boxes: list[tuple[str, str, int]] = []
    strays: list[int] = []  # lines of header-worded boxes among the rows' cells (no header cell right before)
    labelled: list[float] = []  # the blocks' 計 printed beside their labels, left out of the boxes
    after_header = False
    heads: list[int] = []  # lines of the first box after a whole header (its last cell 「(支出額10億円以上)」)
    total_lines: list[int] = []  # lines of the blocks' 計 labels
    head = ""
    for n, (text, line, header) in enumerate(cells):
        was_header, after_header = after_header, header
        if header and _TOTAL.match(text):
            total_lines.append(line)
        if header and not _LETTER.match(text):  # (「L」「R」「U」 are also pieces of a wrapped 「URL」 label)
            head = text
            if not was_header and n + 1 < len(cells) and not cells[n + 1][2] and not _TOTAL.match(text) \
                    and not _END.search(text) and any(b[0] in _ANCHOR for b in boxes):  # (a header word alone amid rows,
                strays.append(line)  # 「番号 研修の企画運 | 2.1 | 営 | name」: a 業務概要's wrapped end, maybe)
            continue
        if _END.search(text):
            break
        if _TOTAL.match(text):  # a block's 計: the generated form, read by the other readers
            return None
        text = _method_rejoined(_figure_rejoined(text))
        kind = _kind(text)
        if n and cells[n - 1][2] and _TOTAL.match(cells[n - 1][0]) and _total_after_label(boxes, kind, text):
            labelled.append(_value(text))
            continue  # (the block's 計, printed beside its label: no row's amount)
        if kind == "text" and header_text(text, False):  # (「10億円以上)」「式等」: a header cell's wrapped end in a
            if not was_header and any(b[0] in _ANCHOR for b in boxes):  # box of its own; not 「随意契約」, a 契約方式
                strays.append(line)  # though the header holds it)
            after_header, head = True, text
            continue
        if kind == "text" and _method_rest(boxes[-3:], text):
            continue
        if "10億円以上" in head:
            heads.append(line)
        head = ""
        boxes.append((kind, text, line))
    if not any(b[0] in ("corp", "dash") for b in boxes):
        return None
    joined = _rejoin_numbers(boxes)
    boxes, run = _without_totals(joined)
    if len(joined) > len(boxes):
        kept = set(boxes)
        total_lines += [b[2] for b in joined if b not in kept]  # (the 計 figures left out)
    got = _over_counted_out(boxes, run, _rows_of(boxes, run, raw, notes, tuple(labelled)), notes)
    if isinstance(got, str):  # (a rank written right before its row's name and 法人番号, after a 契約方式 or a figure)
        got = _named_ranks_tried(joined, raw, notes, got, tuple(labelled))
    if isinstance(got, str):
        notes.append((lo, f"支出先上位10者リスト: {got}: which row is in which block is not established; the payees "
                          "are unknown"))
        return None
    got = _stray_words_unplaced(_amounts_only_totalled(got, labelled, notes), strays, notes)
    if not isinstance(run, str):
        got = with_column_rows(got, column_rows(boxes, run[0], lambda b: _raw_joined(raw, b[2], b[1]),
                                                lambda b: (_CONTRACT.match(_raw_joined(raw, b[2], b[1]))
                                                           or _CONTRACT.match(b[1]))[1],
                                                _after_totals(boxes, total_lines)))
    got = _pieces_unplaced(got, _corp_lines_wrapped(joined, raw), notes)
    if not isinstance(run, str):
        got = _bidders_as_amounts(boxes, run[0], got)
    got = _rests_after_contract(boxes, _names_between_anchors(boxes, got, notes), notes)
    got = _corps_between_names(boxes, got, notes)
    return got if isinstance(run, str) else small_amounts_outnumbered(boxes, run[0], ranks_contradicted(
        boxes, run[0], header_figures_unplaced(boxes, run[0], heads, listed_name_counted(got, notes), notes), notes),
        notes)


def _after_totals(boxes: list[tuple[str, str, int]], total_lines: list[int]) -> set[int]:
    """The boxes written right after a block's 計 (a label or its figure, ``total_lines``, stood between the box before
    and them): the 計 is printed under the block's rows, so a cell pdfminer.six wrote after it left the rows' flow."""
    return {i for i in range(1, len(boxes)) if any(boxes[i - 1][2] < t < boxes[i][2] for t in total_lines)}


def _bidders_spot(boxes: list[tuple[str, str, int]], i: int) -> bool:
    """Box ``i`` (a number of one or two digits) stands where an 入札者数 stands: right before a competitive 契約方式
    and right after another row's figure or a 落札率 (pdfminer.six writes the 入札者数 before its 契約方式: 「17 | 9 |
    一般競争契約 | 49.9%」, 「73% | 9 | 一般競争契約 | 15 | 業務概要」), unless a number and a 落札率 follow that 契約方式
    (「30 | 9 | 一般競争契約 | 3 | 45%」: the 9 an amount, its row's 入札者数 after it). After a 業務概要 the figure is the
    row's amount (「業務概要 | 83 | 一般競争契約 | 87.5%」); so it is before a 落札率 too (「業務概要 | 36 | 54.3%」)."""
    nxt = [b[0] for b in boxes[i + 1:i + 4]]
    return nxt[:1] == ["contract"] and "競争契約" in boxes[i + 1][1] and nxt[1:] != ["int", "rate"] \
        and i > 0 and boxes[i - 1][0] in ("int", "number", "rate")


def _bidders_as_amounts(boxes: list[tuple[str, str, int]], taken: set[int], rows: list[PayeeRow]) -> list[PayeeRow]:
    """``rows`` with an amount of one or two digits marked doubted (``_AMOUNT_DOUBT``) when the figure stands in no box
    of the section (past the letters and ranks, ``taken``) but numbers where an 入札者数 stands (``_bidders_spot``):
    the figure read as the row's amount is then some row's 入札者数, and the row's own amount another box (「17 | 9 |
    一般競争契約」 read as 9). Marked, not cleared: the blocks' checks (``checked_by_amounts``) read the rows' places
    with it (kg.extract.review_pdf's ``_payees`` then clears it, ``doubted_amounts_unknown``). An amount that may be
    the rest of a figure cut in a 業務概要 box (``_cut_figure_rest``) is marked so too."""
    out = []
    for r in rows:
        amount = r.cells.get("amount")
        if amount is not None and _RANK.match(amount):
            at = [i for i, b in enumerate(boxes) if i not in taken and amount in b[1].split(" ")]
            if at and all(boxes[i][0] == "int" and _bidders_spot(boxes, i) for i in at):
                r = r._replace(cells={**r.cells, _AMOUNT_DOUBT: True})
        if amount is not None and _cut_figure_rest(boxes, amount):
            r = r._replace(cells={**r.cells, _AMOUNT_DOUBT: True})
        out.append(r)
    return out


def _names_between_anchors(boxes: list[tuple[str, str, int]], rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` with a name made unknown when the text box it was read from stands right after a 法人番号 and right
    before an anchor (a 法人番号 or 「-」) whose next text box names a legal entity (``_ENTITY_IN``), and it names none
    and ends as no name does (kg.extract.payee_wraps.unlike_name: 「法人番号 | セキュリティ説明会の開催 | 法人番号 |
    一般社団法人…」): the text may be the 業務概要 of the row before, written after its 法人番号, and the entity's
    name, written after its anchor, this row's."""
    out = []
    for r in rows:
        name = r.cells.get("name")
        if name and unlike_name(name) and not _ENTITY_IN.search(name) and any(
                b == ("text", name, b[2]) and 0 < i < len(boxes) - 2 and boxes[i - 1][0] == "corp"
                and boxes[i + 1][0] in ("corp", "dash") and boxes[i + 2][0] == "text"
                and _ENTITY_IN.search(boxes[i + 2][1]) for i, b in enumerate(boxes)):
            notes.append((r.line, f"支出先上位10者リスト block {r.block} rank {r.rank}: the name {name!r} stands between "
                                  "a 法人番号 and an anchor followed by an entity's name: it may be the row before's "
                                  "業務概要; unknown"))
            r = r._replace(cells={**r.cells, "name": None})
        out.append(r)
    return out


def _rests_after_contract(boxes: list[tuple[str, str, int]], rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` with a 業務概要 made unknown when its text box is followed by an amount, a 契約方式 and a text that
    names no entity and ends as no name does (kg.extract.payee_wraps.unlike_name), then a name or a 法人番号 (「法人番号
    実証事業の | 2,944 | 補助金等交付 | 実施 | 日本レジストリサービス株式会社」): that text may be the 業務概要's wrapped
    rest, written after the 契約方式 (not the next row's 業務概要, which its amount or 契約方式 would follow)."""
    out = []
    for r in rows:
        desc = r.cells.get("description")
        if desc and any(b[0] == "text" and b[1] == desc and [k for k, _, _ in boxes[i + 1:i + 4]] in (
                ["int", "contract", "text"], ["number", "contract", "text"]) and unlike_name(boxes[i + 3][1])
                and not _ENTITY_IN.search(boxes[i + 3][1]) and i + 4 < len(boxes)
                and boxes[i + 4][0] in ("text", "namecorp", "corp") for i, b in enumerate(boxes)):
            notes.append((r.line, f"支出先上位10者リスト block {r.block} rank {r.rank}: a text that is no name stands "
                                  "after the 契約方式 (the 業務概要's wrapped rest?): the 業務概要 is unknown"))
            r = r._replace(cells={**r.cells, "description": None})
        out.append(r)
    return out


def _cut_figure_rest(boxes: list[tuple[str, str, int]], amount: str) -> bool:
    """A box holding just ``amount`` stands one or two boxes after a text box that ends in a figure cut inside a group
    of three digits, and the two make one figure (「機器の賃貸借 3, | その他 | 843」: the amount 3,843, cut at the
    業務概要 box's edge, its rest written after the 契約方式): the figure read may be the rest of another."""
    for i, (kind, text, _) in enumerate(boxes):
        if kind in ("int", "number") and text == amount:
            for k in (i - 1, i - 2):
                words = boxes[k][1].split(" ") if k >= 0 and boxes[k][0] in ("text", "mixed") else []
                if len(words) > 1 and _CUT_FIGURE.match(words[-1]) and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?",
                                                                                  words[-1] + amount):
                    return True
    return False


_AMOUNT_DOUBT = "amount_doubt"  # (a cell key no reader writes: the row's amount may be an 入札者数)


def doubted_amounts_unknown(rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` with the amounts ``_bidders_as_amounts`` doubted made unknown, noted (the rows' places stand: their
    anchors and ranks placed them, and the blocks' checks passed)."""
    out = []
    for r in rows or []:
        if r.cells.get(_AMOUNT_DOUBT):
            notes.append((r.line, f"支出先上位10者リスト block {r.block} rank {r.rank}: the amount {r.cells['amount']} "
                                  "read stands only where an 入札者数 stands (before a competitive 契約方式, after "
                                  "another figure), or may be the rest of a figure cut in a 業務概要: unknown"))
            r = r._replace(cells={k: v for k, v in r.cells.items() if k != _AMOUNT_DOUBT} | {"amount": None})
        out.append(r)
    return out


def _corp_lines_wrapped(boxes: list[tuple[str, str, int]], raw: list[str] | None) -> dict[int, str]:
    """The name-and-法人番号 boxes that _rejoin_numbers cut from a paragraph whose first line holds a name, its
    法人番号 and the 業務概要's start (pdftotext's cells side by side) and that goes on over more lines, as {line:
    法人番号}: each line after the first is the name's wrapped rest or the 業務概要's (「一般財団法人日 9266324138735
    会議等出席(諸謝金)」 over 「本データ通信協」 over 「会」), which the text does not say. Needs ``raw`` (the lines)."""
    if not raw:
        return {}
    out: dict[int, str] = {}
    for n, (kind, text, line) in enumerate(boxes):
        if kind == "namecorp" and n + 1 < len(boxes) and boxes[n + 1][2] == line and 0 < line < len(raw) \
                and raw[line].strip() and (m := _NAME_CORP.match(text)) and m[2] in nfkc(raw[line - 1]):
            out[line] = m[2]
    return out


def _pieces_unplaced(rows: list[PayeeRow], wrapped: dict[int, str], notes: list) -> list[PayeeRow]:
    """``rows`` with the name and 業務概要 unknown of each row anchored at a box of ``wrapped`` (_corp_lines_wrapped):
    the lines after the one holding both are either's pieces."""
    if not wrapped:
        return rows
    out = []
    for r in rows:
        if r.line in wrapped and wrapped[r.line] == r.cells.get("corporate_number") \
                and (r.cells.get("name") or r.cells.get("description")):
            notes.append((r.line, f"支出先上位10者リスト block {r.block} rank {r.rank}: the name, the 法人番号 and the "
                                  "業務概要 share a line, the lines below are the name's or the 業務概要's: both unknown"))
            r = r._replace(cells={**r.cells, "name": None, "description": None})
        out.append(r)
    return out


def _corps_between_names(boxes: list[tuple[str, str, int]], rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` with the 法人番号 left unknown where names and 法人番号 alternate one box each and the run ends in a
    name, one more name than numbers (「国際連合開発計画(UNDP) | 2162759725906 | 合同会社UQコミュニケーションズ |
    5710985267279 | 有限会社日立システムズ | 業務概要 …」): pdfminer.six writes a row's name before its 法人番号 or
    after it, so each number may be the name's before it or after it (the .xlsx: the ones after, the first name
    having none). A run ending in a number, in a text box that names no legal entity (a 業務概要), or in names
    stacked before as many numbers or 「-」 (theirs) pairs each name with the number after it. The rows are kept,
    those 法人番号 are not established."""
    unsure: set[str] = set()
    names: set[str] = set()  # the text boxes after them (names)
    for a in range(1, len(boxes) - 1):
        if boxes[a][0] != "corp" or not _CORP13.fullmatch(boxes[a][1]) or boxes[a - 1][0] != "text" \
                or boxes[a][1] in unsure:
            continue
        j = a + 1
        while j + 2 < len(boxes) and boxes[j + 1][0] == "corp" and _CORP13.fullmatch(boxes[j + 1][1]) \
                and boxes[j + 2][0] == "text":
            j += 2
        k = j
        while k < len(boxes) and boxes[k][0] == "text":
            k += 1
        m = k
        while m < len(boxes) and boxes[m][0] in ("corp", "dash"):
            m += 1
        if _ENTITY_IN.search(boxes[j][1]) and m - k < k - j:  # (names stacked after as many numbers or 「-」 are
            # theirs: 「name | 法人番号 | name | name | - | -」, the first number the first name's)
            unsure.update(boxes[c][1] for c in range(a, j, 2))
            names.update(boxes[c][1] for c in range(a + 1, j + 1, 2))
    if not unsure:
        return rows
    out = []
    for r in rows:
        corp = r.cells.get("corporate_number")
        if corp in unsure:
            notes.append((r.line, f"支出先上位10者リスト: block {r.block} rank {r.rank}: 法人番号 {corp} stands in a run of "
                                  "names and numbers with one name more; which name is its is not established: unknown"))
            # (and the name after it is no 業務概要 of the row)
            desc = r.cells.get("description")
            r = r._replace(cells={**r.cells, "corporate_number": None,
                                  "description": None if desc in names else desc})
        out.append(r)
    return out


_CORP13 = re.compile(r"\d{13}")


def _amounts_only_totalled(rows: list[PayeeRow], labelled: list[float], notes: list) -> list[PayeeRow]:
    """``rows`` less the blocks holding a row placed by its amount alone (``_by_amounts``: the n-th amount of the
    section given the n-th rank) whose amounts add up to none of the 計 printed beside their labels (``labelled``),
    each 計 the total of one block (taken in the blocks' order by the first block adding up to it), when the section
    prints some: the count of amounts may match the ranks' by chance once the 計 are left out (a rank not read, an
    amount not read), and a one-row block's amount is printed twice (its 計) whatever its place. A block of one row
    is asked the same (``checked_by_totals`` takes any figure printed twice for its 計: 「name | 法人番号 | 2 | name」,
    a rank 2 read as the amount, and a 入札者数 2 elsewhere)."""
    if not labelled:
        return rows
    left = list(labelled)
    out: list[PayeeRow] = []
    for block in dict.fromkeys(r.block for r in rows):
        mine = [r for r in rows if r.block == block]
        parts = [parse_number(r.cells.get("amount") or "").value for r in mine]
        at = None if None in parts else next((n for n, v in enumerate(left) if abs(sum(parts) - v) < 1e-6), None)
        if at is not None:
            left.pop(at)
        elif len(mine) == 1 or any(set(r.cells) == {"amount"} for r in mine):
            notes.append((mine[0].line, f"支出先上位10者リスト block {block}: rows placed by their amounts alone, or a "
                                        "block's one row, add up to no 計 printed beside its label: their places or "
                                        "amounts are not established; unknown"))
            continue
        out += mine
    return out


def _total_after_label(boxes: list[tuple[str, str, int]], kind: str, text: str) -> bool:
    """A figure right after a 計 label (the real form prints a block's 計 figure in the cell beside it) that is no
    less than every figure since the last block letter: the block's 計 (a block's total is no less than any of its
    rows' amounts), not a row's amount pdfminer.six wrote there."""
    if kind not in ("number", "int"):
        return False
    since = next((n for n in range(len(boxes) - 1, -1, -1) if boxes[n][0] == "letter"), -1)
    return all(_value(t) <= _value(text) for k, t, _ in boxes[since + 1:] if k in ("number", "int"))


# a figure wrapped inside its last group of three digits, its lines rejoined with a space (「28,14」 over 「1」)
_WRAPPED_FIGURE = re.compile(r"^([▲△]?\d{1,3}(?:,\d{3})*,\d{1,2}) (\d{1,2})$")


def _figure_rejoined(text: str) -> str:
    """A box holding one figure wrapped in its narrow cell inside a group of digits (「28,14 1」: 28,141) as that
    figure, when the rejoined digits make the last group three; else the box as it is."""
    m = _WRAPPED_FIGURE.match(text)
    return m[1] + m[2] if m and len(m[1].rsplit(",", 1)[1] + m[2]) == 3 else text


# a 契約方式 choice with no qualifier printed on two lines of its narrow cell that the text rejoined with a space
# (pdftotext: 「補助金等交 付」, 「補助金等 交付」)
_SPACED_METHOD = re.compile(r"^(?:(?:一般競争|指名競争|随意)契約|企画競争|補助金等?交付)$")


def _method_rejoined(text: str) -> str:
    """A box holding one 契約方式 choice cut by a space at its cell's wrap (「補助金等交 付」) as the choice
    (「補助金等交付」); else the box as it is."""
    return squashed if " " in text and _SPACED_METHOD.match(squashed := text.replace(" ", "")) else text


def _without_totals(boxes: list[tuple[str, str, int]], named: bool = False) \
        -> tuple[list[tuple[str, str, int]], tuple[set[int], list[tuple[str, int]]] | str]:
    """The boxes less the blocks' 計 (``_block_totals``, found once the run reads) and the run of letters and ranks
    read over them (``_run``: or why it does not read)."""
    run = _run(boxes, named)
    if not isinstance(run, str) and (totals := _block_totals(boxes, run[0])):
        boxes = [b for i, b in enumerate(boxes) if i not in totals]
        run = _run(boxes, named)
    return boxes, run


def _before_named_row(boxes: list[tuple[str, str, int]], i: int) -> bool:
    """The number at ``i`` stands right before a name and its 法人番号 (「一般競争契約 | 3 | 京都市 | 法人番号」, 「784 | 1 |
    name | 法人番号」: pdfminer.six wrote a row's rank after the row before's 契約方式 or the block's 計) — or right before
    the 「-」 and name of a payee with no 法人番号, its 業務概要, amount and 契約方式 following at once (「その他 | 8 | - |
    name | 業務概要 | 0.1 | 随意契約 (企画競争)」, the row ``_loose_name`` reads): a rank, when the run read without it
    does not give the rows' count."""
    after = [b[0] for b in boxes[i + 1:i + 6]]
    return after[:1] == ["namecorp"] or after[:2] == ["text", "corp"] \
        or after == ["dash", "text", "text", "number", "contract"]


def _amount_before_rows(boxes: list[tuple[str, str, int]], taken: set[int]) -> bool:
    """An amount (``_figures``) stands before the first row's anchor (「197 | 業務概要 | - | name | 72 | 契約方式」): a row
    not anchored, whose name may have been taken for that anchor's, the count then a place off."""
    anchors = _anchors(boxes, taken)
    _, sure, doubt = _figures(boxes, taken, False, frozenset(anchors))
    return bool(anchors) and any(i < anchors[0] for i, _ in [*sure, *doubt])


def _named_ranks_tried(boxes: list[tuple[str, str, int]], raw: list[str] | None, notes: list,
                       why: str, totals: tuple[float, ...] = ()) -> list[PayeeRow] | str:
    """The rows read over the run taken with the ranks written right before a row's name and 法人番号
    (``_before_named_row``), when the run read without them does not place the rows (``why``): the same checks
    hold (the rows counting as the ranks, the amounts falling, each block's 計 after); else ``why``."""
    if _run(boxes, True) == _run(boxes):  # (no number stands so: the run reads as it did)
        return why
    boxes, run = _without_totals(boxes, True)
    if isinstance(run, str):
        return why
    tried: list = []
    got = _over_counted_out(boxes, run, _rows_of(boxes, run, raw, tried, totals), tried)
    if isinstance(got, str) or _amount_before_rows(boxes, run[0]):
        return why
    notes.extend(tried)
    return got


def _over_counted_out(boxes: list[tuple[str, str, int]], run: tuple[set[int], list[tuple[str, int]]] | str,
                      got: list[PayeeRow] | str, notes: list) -> list[PayeeRow] | str:
    """``got`` (``_rows_of``) where a block's boxes (``_without_totals``' boxes and run) hold more sure amounts than
    the run gives it ranks (``_blocks_over_counted``): of that block, only the first rows down the ranks whose amount
    is the block's amount of that place in the text's order (and not the next one's too) are kept — a row not
    anchored before them would have taken that place's amount; the others are left out, noted."""
    if isinstance(got, str) or not got or isinstance(run, str):
        return got
    over = _blocks_over_counted(boxes, *run)
    if over and (loose := _loose_anchors(boxes, run[0], got)):
        over = _blocks_over_counted(boxes, *run, loose)
    out: list[PayeeRow] = []
    for block in dict.fromkeys(r.block for r in got):
        mine = sorted((r for r in got if r.block == block), key=lambda r: r.rank)
        if block not in over:
            out += mine
            continue
        values = [_value(figure) for figure in over[block]]
        k = 0
        while k < len(mine) and k < len(values) and mine[k].rank == k + 1 \
                and parse_number(mine[k].cells.get("amount") or "").value == values[k] \
                and (k + 1 >= len(values) or values[k + 1] != values[k]):
            k += 1
        out += mine[:k]
        notes.append((mine[0].line, f"支出先上位10者リスト block {block}: its boxes hold more amounts than the run "
                                    "gives it ranks (a rank not read, and a row with no 法人番号 nor 「-」 of its own?): "
                                    f"the ranks of its rows after rank {k} are not established; they are unknown"))
    return out


def _loose_anchors(boxes: list[tuple[str, str, int]], taken: set[int], rows: list[PayeeRow]) -> list[int]:
    """The text boxes that anchor rows of ``rows`` (names with no 法人番号 nor 「-」 of their own, read as rows when the
    rows did not count as the ranks without them: ``_rows_of``)."""
    lines = {r.line for r in rows} & {line for kind, _, line in boxes if kind == "text"}
    if not lines:
        return []
    return [i for i in _anchors(boxes, taken, 1) + _anchors(boxes, taken, 2)
            if boxes[i][0] == "text" and boxes[i][2] in lines]


def _blocks_over_counted(boxes: list[tuple[str, str, int]], taken: set[int],
                         order: list[tuple[str, int]], loose: list[int] = ()) -> dict[str, list[str]]:
    """The blocks whose boxes (from the block's letter up to the next one's) hold more sure amounts (``_figures``'
    amounts, no doubtful figure) than the run gives the block ranks, with those amounts in order: a rank the run did
    not take (「4 | 10 | name | 法人番号」: rank 10 written after rank 9's amount, taken for an 入札者数) and a row
    that anchors none (a joint venture's name, no 法人番号 nor 「-」 of its own) leave rows and ranks counting alike,
    the rows after that row each a rank off. Counted per block (a row not read in another block would hide the
    count over the section), and only where the amounts fall from the letter on: a rise is a block's first row,
    the letters not between the blocks' cells (pdfminer.six writes the run's letters apart from the rows). ``loose``:
    more boxes that anchor rows read (``_loose_anchors``)."""
    letters = [i for i in sorted(taken) if boxes[i][0] == "letter"]
    anchors = _anchors(boxes, taken)
    _, sure, _ = _figures(boxes, taken, False, frozenset(anchors))
    ranks: dict[str, int] = {}
    for block, _ in order:
        ranks[block] = ranks.get(block, 0) + 1

    def segment(i: int) -> int | None:
        at = [k for k, j in enumerate(letters) if j < i]
        return at[-1] if at else None
    held = [0] * len(letters)  # the anchors in each letter's segment
    first: dict[int, int] = {}  # each segment's first anchor
    for a in sorted({*anchors, *loose}):  # (``loose``: names read as rows of their own, ``_loose_anchors``)
        if (k := segment(a)) is not None:
            held[k] += 1
            first.setdefault(k, a)
    amounts: dict[int, list[str]] = {}
    for i, figure in sure:
        if (k := segment(i)) is not None and k in first and i > first[k]:
            # (an amount before the segment's first anchor may be the block before's last row, written after this
            # block's letter and ranks: 「J. | 1 | 2 | 3 | - | joint venture | 業務概要 | 6.2 | … | name | 法人番号」)
            amounts.setdefault(k, []).append(figure)
    out: dict[str, list[str]] = {}
    for k, figures in amounts.items():
        block = _LETTER.match(boxes[letters[k]][1])[1]
        # (the segment holds its block's rows alone: no more anchors than ranks, and the segments beside it hold
        # rows of their own — 「… | F | 1 | … | 4 | rows | G | 1 | 2 | 3 | 4 | H」: G's rows were written before its
        # letter, in F's segment)
        alone = held[k] <= ranks.get(block, 0) and (k == 0 or held[k - 1] > 0) \
            and (k + 1 == len(letters) or held[k + 1] > 0)
        if alone and len(figures) > ranks.get(block, 0) \
                and all(_value(a) >= _value(b) for a, b in zip(figures, figures[1:], strict=False)):
            out[block] = figures
    return out


def _stray_words_unplaced(rows: list[PayeeRow], strays: list[int], notes: list) -> list[PayeeRow]:
    """``rows`` with the 業務概要 left out of the two rows anchored last before a box of the header's words that stands
    among the rows' cells (「業務」 after a row's 「-」): the wrapped end of a 業務概要 (「データ整備及び分析」 over 「業務」),
    taken for a piece of the header; whose, the order of the boxes does not say."""
    out = list(rows)
    for line in strays:
        before = sorted((k for k, r in enumerate(rows) if r.line < line), key=lambda k: rows[k].line)[-2:]
        for k in before:
            if out[k].cells.get("description"):
                out[k] = out[k]._replace(cells={**out[k].cells, "description": None})
                notes.append((line, f"支出先上位10者リスト block {out[k].block} rank {out[k].rank}: a box of the "
                                    "header's words stands among the rows' cells (a 業務概要's wrapped end?): its "
                                    "業務概要 is unknown"))
    return out


def _method_rest(before: list[tuple[str, str, int]], text: str) -> bool:
    """``text`` is the rest of a 契約方式 cut inside its bracket in one of the boxes ``before`` (「15,679 随意契約 (企」
    … 「画競争)」: the second producer wrote the cell's last line as a box of its own): no name or 業務概要."""
    if not text.endswith(")") or "(" in text:
        return False
    return any((m := _CUT_METHOD.search(t)) and _CONTRACT.match(m[1] + text) for _, t, _ in before)


def checked_by_amounts(rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """The rows of the blocks whose every row has its amount, falling or level down the ranks (the list is of
    the top payees by amount): a row counted to a rank is placed by the count alone, and a name a row too early
    or too late takes its neighbour's rank with nothing to show it; the amounts are the check. Other blocks'
    rows are left out, noted."""
    out: list[PayeeRow] = []
    for block in dict.fromkeys(r.block for r in rows):
        mine = sorted((r for r in rows if r.block == block), key=lambda r: r.rank)
        if all(parse_number(r.cells.get("amount") or "").value is not None for r in mine) \
                and _amounts_fall(mine) is None:
            out += mine
        else:
            notes.append((mine[0].line, f"支出先上位10者リスト block {block}: a row's amount is not read or the amounts "
                                        "rise down the ranks: its rows' places are not checked; they are unknown"))
    return out


def checked_by_totals(rows: list[PayeeRow], cells: list[tuple[str, int, bool]], notes: list) -> list[PayeeRow]:
    """Where the section prints blocks' 計 labels, the rows of each block whose amounts add up to a figure the
    section prints (its 計: pdfminer.six writes it anywhere, not always after its label; a one-row block's amount
    printed twice); a block that adds up to none holds a row of another block (pdfminer.six writes a block's
    last row after the next block's title: 「F」 … then E's 「PricewaterhouseCoopers LLP」 … 140, read as F's
    first) or misses one of its own — its rows are unknown, noted. Rows as they are when no 計 is printed."""
    if not any(_TOTAL_CELL.match(text) for text, _, _ in cells):
        return rows
    figures: dict[float, int] = {}
    for text, _, _ in cells:
        m = _TOTAL_CELL.match(text)
        fig = m[1] if m else text
        v = parse_number(fig).value if fig and _FIGURE_CELL.match(fig) else None
        if v is not None:
            figures[v] = figures.get(v, 0) + 1
    out: list[PayeeRow] = []
    for block in dict.fromkeys(r.block for r in rows):
        mine = [r for r in rows if r.block == block]
        parts = [parse_number(r.cells.get("amount") or "").value for r in mine]
        total = None if None in parts else sum(parts)
        if total is not None and any(abs(v - total) < 1e-6 and n >= (2 if len(mine) == 1 else 1)
                                     for v, n in figures.items()):
            out += mine
        else:
            notes.append((mine[0].line, f"支出先上位10者リスト block {block}: its rows' amounts add up to no figure the "
                                        "section prints (its 計): a row may be another block's; they are unknown"))
    return out


_FIGURE_CELL = re.compile(r"^[▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_TOTAL_CELL = re.compile(r"^計(?:\s*([▲△]?[\d,]+(?:\.\d+)?))?$")
_NAME_PART = re.compile(r"^(\S.*?) (\d{1,12})$")
_ENTITY_IN = re.compile(r"株式会社|有限会社|合同会社|\(株\)|\(有\)|法人|組合|協会|機構")  # a legal entity's name
_NAME_CORP_LINES = re.compile(r"^(\S.*?) (\d{1,12}(?: \d{1,12})+)$")  # a name, then its 法人番号 over lines
_NAME_CORP_MORE = re.compile(r"^(\S.*?) (\d{13}) (\S.*)$")  # a name, its 法人番号 and the 業務概要 run together


# a 契約方式 and its 入札者数 (one or two digits) run together in one box
_METHOD_BIDDERS = re.compile(r"^((?:(?:一般競争|指名競争|随意)契約|企画競争|公募|補助金等?交付|その他)(?: ?\([^()]{1,12}\))?)"
                             r" (\d{1,2})$")


def _rejoin_numbers(boxes: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """A name's box that ends in the first digits of its 法人番号, the rest of them the next box (「大和総研(株)
    183876063」「3822」): one name-and-法人番号 box, when the digits make 13 with a valid check digit. A box holding a
    name, a valid 法人番号 and more (the 業務概要 run into it) is a name-and-法人番号 box and the box of the rest."""
    out: list[tuple[str, str, int]] = []
    skip: set[int] = set()
    for n, (kind, text, line) in enumerate(boxes):
        if n in skip:
            continue
        if kind == "mixed" and (m := _NAME_CORP_MORE.match(text)) and houjin.is_valid(m[2]) and _kind(m[1]) == "text":
            out += [("namecorp", f"{m[1]} {m[2]}", line), (_kind(m[3]), m[3], line)]  # 「…協会 1881938634263 英訳作業 2.9」
            continue
        if kind in ("mixed", "text") and (m := _NAME_CORP_LINES.match(text)) and len(m[2]) - m[2].count(" ") == 13 \
                and houjin.is_valid(m[2].replace(" ", "")) and _kind(m[1]) == "text":
            out.append(("namecorp", f"{m[1]} {m[2].replace(' ', '')}", line))  # 「有限会社KDDI 375744」 over
            continue  # 「249390」 over 「8」: the 法人番号 wrapped in its narrow column, its lines rejoined with spaces
        if kind == "mixed" and (m := _METHOD_BIDDERS.match(text)):
            out += [("contract", m[1], line), ("int", m[2], line)]  # 「随意契約 (公募) 2」: the 契約方式 and its 入札者数
            continue
        m = _NAME_PART.match(text) if kind == "mixed" and n + 1 < len(boxes) else None
        # the rest: the next box, or the one after the row's 業務概要 (「大和総研(株) 183876063」「実証事業の実施 2.1」
        # 「3822」: pdfminer.six wrote the 法人番号's last line after the 業務概要's box)
        at = n + 2 if m and n + 2 < len(boxes) and boxes[n + 1][0] == "text" else n + 1
        if m and not (boxes[at][1].isdigit() and len(m[2]) + len(boxes[at][1]) == 13):
            at = _tail_later(boxes, n, 13 - len(m[2])) or at
        rest = boxes[at][1] if m else ""
        if m and rest.isdigit() and len(m[2]) + len(rest) == 13 and houjin.is_valid(m[2] + rest) \
                and _kind(m[1]) == "text":
            out.append(("namecorp", f"{m[1]} {m[2]}{rest}", line))
            skip.add(at)
            continue
        out.append((kind, text, line))
    return out


def _tail_later(boxes: list[tuple[str, str, int]], n: int, digits: int) -> int | None:
    """The box holding the last ``digits`` digits of the 法人番号 whose first ones end box ``n`` (a name's box), when
    pdfminer.six wrote them further on among the row's cells (「合同会社エアクレーレン 78512831449」「ヘルプデスク業務」「6.2」
    「随意契約 (少額)」「-」「15」; 「… 5710985267」 … 「随意契約 (公募)」「279」): the one box of bare digits that long
    up to the next row's name (a text box after the row's 業務概要), 法人番号 or letter — and only when another figure
    stands before it (the row's amount, written before its 契約方式: the digits are not it). The caller checks the 13
    digits' check digit."""
    found: list[tuple[int, int]] = []  # (the box, the figures before it)
    texts, figures = 0, 0
    for i in range(n + 1, min(len(boxes), n + 12)):
        kind, text, _ = boxes[i]
        if kind in ("corp", "namecorp", "letter", "mixed") or (kind == "text" and (texts := texts + 1) > 1):
            break
        if kind in ("int", "number") and text.isdigit() and len(text) == digits:
            found.append((i, figures))
        elif kind in ("int", "number"):
            figures += 1
    return found[0][0] if len(found) == 1 and found[0][1] else None


def _places(figure: str) -> int:
    return len(figure.split(".")[1]) if "." in figure else 0


def _value(figure: str) -> float:
    """A figure of _NUMBER's shape as a number (▲ / △: negative)."""
    v = float(figure.lstrip("▲△").replace(",", ""))
    return -v if figure[:1] in ("▲", "△") else v


def _sums_exactly(text: str, total: float, places: int) -> bool:
    """``text`` is ``total`` (the sum of amounts with at most ``places`` decimals) to its own last decimal, and has
    at least as many decimals as they (no rounding allowed: a 計 is looked for among figures that may be rows'
    amounts)."""
    mine = _places(text)
    return mine >= places and abs(round(total, mine) - _value(text)) < 1e-9


def _block_totals(boxes: list[tuple[str, str, int]], taken: set[int]) -> set[int]:
    """The boxes that are a block's 計 (the real form prints one under each block's rows): a figure, no box of the
    run and not right after a 業務概要 (unless larger than each of them with no row's cell after it in its block:
    ``_closes``), that is exactly the sum (``_sums_exactly``) of two or more amounts written since the last such 計 (or
    the section's start). An amount is a figure after a 業務概要 (or a 法人番号 or name box,
    or another amount), or right before a 契約方式, the figure a 業務概要 box ends in, or that of an amount-and-契約方式
    box; a number of one or two digits right after an amount is an 入札者数, and figures after a 契約方式, a 「-」 or a
    落札率 are none. The amounts fall down a block's ranks, so no row's amount is the sum of the amounts before it: an
    amount not read leaves the sums short and no box is taken for a 計."""
    return _figures(boxes, taken, True)[0]


def _figures(boxes: list[tuple[str, str, int]], taken: set[int], totals: bool,
             anchors: frozenset[int] | None = None) -> tuple[set[int], list[tuple[int, str]], list[tuple[int, str]]]:
    """The boxes that are a block's 計 (with ``totals``; ``_block_totals``) and the amounts, in order, as (box index,
    figure): the figures ``_block_totals`` counts as rows' amounts. Given the rows' ``anchors`` (``_by_amounts``), a
    figure right after one (a 「-」 too) is an amount, and one right after the 業務概要 of a row whose amount came
    first, right after its anchor, is not (「法人番号 | 126 | 業務概要 | 2 | 契約方式」: the 2 is its 入札者数); and the
    figures that may be an amount or not are apart, the third list (``_doubtful``)."""
    out: set[int] = set()
    doubt: list[tuple[int, str]] = []
    last_amount = -9  # the position in ``rest`` of the last amount
    first = ""  # "anchor" right after a row's anchor, "amount" after an amount there, "text" after its 業務概要 then
    amounts: list[tuple[int, str]] = []
    count, total, places = 0, 0.0, 0  # the amounts since the last 計: how many, their sum, their most decimals
    top = 0.0  # the largest of them (a row's amount after its 業務概要 is no 計: the amounts fall down a block)
    prev = "text"
    rest = [i for i in range(len(boxes)) if i not in taken]
    for n, i in enumerate(rest):
        kind, text, _ = boxes[i]
        amount = None
        was, first = first, ""
        if kind == "corp" and (amount := _corp_amount(text)) is not None:
            prev = "amount"  # (「法人番号 業務概要 5,790」: the row's three cells in one box)
        elif anchors is not None and i in anchors:
            prev, first = "corp", "anchor"
            continue
        elif kind in ("int", "number"):
            nxt = boxes[rest[n + 1]][0] if n + 1 < len(rest) else ""
            if prev == "text" and (was == "text" or (anchors is not None and kind == "int" and _after_figure(
                    boxes, rest, n, last_amount) and _bidders_then_rate(boxes, rest, n))):
                prev = "bidders"  # (「amount | 業務概要 | 2 | 一般競争契約 | 63%」)
            elif anchors is not None and kind == "int" and nxt == "rate" and (prev == "amount" or _bidders_rate_method(
                    boxes, rest, n)):
                prev = "bidders"  # (「240 | 2 | 66.9%」: the 入札者数 and its 落札率, in the form's column order)
            elif anchors is not None and kind == "int" and prev == "corp" and len(text) <= 2 \
                    and _bidders_then_rate(boxes, rest, n):
                doubt.append((i, text))  # (「法人番号 | 4 | 一般競争契約 (総合評価) | 50% | 23」: right after the anchor, a
                prev = kind  # row's amount or its 入札者数 written before its 契約方式 and 落札率, the amount after them)
            elif anchors is not None and kind == "int" and was == "anchor" and boxes[rest[n - 1]][0] == "dash" \
                    and nxt == "dash":
                doubt.append((i, text))  # (「業務概要 | - | 3 | - | --」: right after a 「-」 taken for an anchor, a
                prev = kind  # figure of one or two digits and a 「-」: an 入札者数 and 落札率 as well as an amount)
            elif anchors is not None and _doubtful(boxes, rest, taken, n, prev, last_amount):
                doubt.append((i, text))
                prev = "bidders" if prev == "amount" else kind
            elif totals and count >= 2 and (prev != "text" or (_value(text) > top and _closes(boxes, taken, i))) \
                    and _sums_exactly(text, total, places):
                out.add(i)
                count, total, places, prev, top = 0, 0.0, 0, "total", 0.0
            elif prev == "amount" and kind == "int":
                prev = "bidders"
            elif prev in ("text", "amount", "corp", "namecorp") or nxt == "contract":
                amount, prev, first = text, "amount", "amount" if was == "anchor" else ""
            else:
                prev = kind
        elif kind == "text" and _ends_in_amount(text):
            amount, prev = text.rsplit(" ", 1)[1], "amount"
        elif both := _amount_contract(kind, text):
            amount, prev = both[0], "contract"
        elif three := _desc_amount_contract(kind, text):  # (「研修の企画運営 23,243 その他」: the amount in place)
            amount, prev = three[1], "contract"
        elif anchors is not None and kind == "mixed" and (m := _AMOUNT_CUT_CONTRACT.match(text)):
            amount, prev = m[1], "contract"  # (「42,451 随意契約 (」: the 契約方式 cut, its rest a box of its own)
        else:
            prev, first = kind, "text" if kind == "text" and was == "amount" else ""
        if amount is not None:
            amounts.append((i, amount))
            last_amount = n
            count, total, places = count + 1, total + _value(amount), max(places, _places(amount))
            top = max(top, _value(amount))
    return out, amounts, doubt


def _corp_amount(text: str) -> str | None:
    """The amount a 法人番号 box ends in, after the 業務概要 run into it (「7154320714217 データ整備及び分析業務 5,790」)."""
    rest = _CORP_HEAD.match(text)[2]
    return rest.rsplit(" ", 1)[1] if rest and _ends_in_amount(rest) else None


def _closes(boxes: list[tuple[str, str, int]], taken: set[int], i: int) -> bool:
    """No row's cell stands after box ``i`` up to the next block letter or the section's end: only 「-」 and run
    boxes (a block's 計 written right after its last row's 業務概要: 「業務概要 | 21,739」 at the block's end)."""
    for j in range(i + 1, len(boxes)):
        if boxes[j][0] == "letter":
            return True
        if j not in taken and boxes[j][0] != "dash":
            return False
    return True


def _doubtful(boxes: list[tuple[str, str, int]], rest: list[int], taken: set[int], n: int, prev: str,
              last_amount: int) -> bool:
    """The figure at ``rest[n]`` may be a row's amount or not (an 入札者数, or another row's figure): a number of one or
    two digits right after an amount (a column run of amounts, or its 入札者数) or a 落札率, or after the one text box after an
    amount or its 契約方式 (「15 | 業務概要 | 8 | その他」: two rows' 業務概要 and amount, or one row's amount, 業務概要 and
    入札者数; 「1,411 | 随意契約 (少額) | 業務概要 | 1」), or
    before a 契約方式 or a text box with no 業務概要 before it (「- | 7 | 契約方式」: pdfminer.six writes an 入札者数 before
    its 契約方式 too; 「- | 45 | 業務概要」: an amount written before its 業務概要); or a figure after a 落札率, a 「-」 or
    another figure that is no amount, or a 契約方式 (an 入札者数 is of one or two digits: another row's amount, 「9,757 |
    その他 | 3,387 | -」), or right after the run (「落札率 | 2.5 | 9 | 契約方式」, 「- | 0.6 | -」: an amount written before
    its row's cells), but not right before a 契約方式."""
    kind = boxes[rest[n]][0]
    nxt = boxes[rest[n + 1]][0] if n + 1 < len(rest) else ""
    apart = prev in ("rate", "dash", "int", "number", "bidders") or rest[n] - 1 in taken
    if kind == "int":
        return prev in ("amount", "rate") or (prev == "text" and last_amount >= n - 3) \
            or (nxt == "contract" and prev not in ("text", "corp", "namecorp", "amount")) or (nxt == "text" and apart)
    return nxt != "contract" and (apart or prev == "contract")


def _after_figure(boxes: list[tuple[str, str, int]], rest: list[int], n: int, last_amount: int) -> bool:
    """The box two before ``rest[n]`` is the last amount, or a figure that may be one (「449 | 業務概要 | 6 | 一般競争契約
    | 42%」: an amount written before its 業務概要, its 入札者数 after)."""
    return last_amount == n - 2 or (n >= 2 and boxes[rest[n - 2]][0] == "number")


def _bidders_rate_method(boxes: list[tuple[str, str, int]], rest: list[int], n: int) -> bool:
    """The number at ``rest[n]`` is followed by a 落札率 and then (past 「-」 cells: 「2 | 71.5% | - | 一般競争契約」, the
    一者応札 column's) a competitive 契約方式 (「業務概要 | 6 | 50.2% | 一般競争契約 (最低価格)」): that contract's 入札者数,
    the 落札率 beside it."""
    k = n + 2
    while k < len(rest) and boxes[rest[k]][0] == "dash" and k < n + 4:
        k += 1
    return k < len(rest) and boxes[rest[k]][0] == "contract" and "競争" in boxes[rest[k]][1]


def _bidders_then_rate(boxes: list[tuple[str, str, int]], rest: list[int], n: int) -> bool:
    """The number at ``rest[n]`` is followed by a 契約方式 and a 落札率 (「2 | 一般競争契約 | 63%」): a competitive
    contract's 入札者数."""
    return [boxes[i][0] for i in rest[n + 1:n + 3]] == ["contract", "rate"]


def _rows_of(boxes: list[tuple[str, str, int]], run: tuple[set[int], list[tuple[str, int]]] | str,
             raw: list[str] | None, notes: list, totals: tuple[float, ...] = ()) -> list[PayeeRow] | str:
    """The rows of the boxes, or why their blocks are not established. When the rows anchored at a 法人番号 or a
    「-」 do not count as the ranks, names with no anchor of their own (``_loose_name``) are rows too — kept only
    when every such row's amount reads and each block's amounts do not rise down its ranks (the list is of the
    largest payees in order: a row counted into the wrong block or rank breaks that order). ``boxes`` and ``run``:
    ``_without_totals``'."""
    if isinstance(run, str):
        return f"the block letters and ranks do not read ({run})"
    if (passed := _ranks_passed_over(boxes, run[0]) or _ranks_skipped(boxes, *run)) is not None:
        return f"the block letters and ranks do not read ({passed})"
    got = _rows_anchored(boxes, raw, *run)
    if not isinstance(got, str):
        if blank := [(r.block, r.rank) for r in got if not any(v is not None for v in r.cells.values())]:
            notes.append((got[0].line, f"支出先上位10者リスト: rows {blank}: no cell of theirs is established (which "
                                       "anchor is whose, the text does not say); they are unknown"))
        return _amounts_counted(boxes, run[0], got)
    if " rows but " not in got:
        return got
    loose = _rows_anchored(boxes, raw, *run, loose=1)
    if isinstance(loose, str):  # (a row before whose amount is of one or two digits: read so only when needed)
        loose = _rows_anchored(boxes, raw, *run, loose=2)
    if isinstance(loose, str):
        return _fitted_or(boxes, raw, run, got, notes, totals)
    named = {r.line for r in loose} - {boxes[a][2] for a in _anchors(boxes, run[0])}
    if any(r.cells.get("amount") is None for r in loose if r.line in named):
        return _fitted_or(boxes, raw, run, got + "; rows with no 法人番号 of their own do not all read", notes,
                          totals)
    if _names_paired(boxes, run[0], named) and any(r.cells.get("amount") is None for r in loose):
        return _fitted_or(boxes, raw, run, got + "; with two names written before their rows' cells, a row's amount "
                                                 "is not read", notes, totals)
    falls = _amounts_fall(loose)
    return loose if falls is None else _fitted_or(boxes, raw, run,
                                                  f"{got}; with rows with no 法人番号 of their own, {falls}", notes,
                                                  totals)


def _amounts_counted(boxes: list[tuple[str, str, int]], taken: set[int], rows: list[PayeeRow]) -> list[PayeeRow]:
    """The rows counted to the ranks, those whose amount was not read given the amount at their rank when the section
    holds as many amounts as ranks (no doubtful figure among them, ``_figures``), each row read with an amount
    having that of its rank, in the blocks where a row's amount was read (two countings of the rows that agree
    there, not only vacuously): 「16,439 その他 | - | name | - | …」, an amount written before its row's name and
    「-」, none in the row's boxes."""
    if all(r.cells.get("amount") is not None for r in rows):
        return rows
    _, amounts, doubt = _figures(boxes, taken, False, frozenset(_anchors(boxes, taken)))
    if (by_rises := _amounts_by_rises(rows, amounts)) is not None or (
            by_rises := _doubts_by_rises(rows, amounts, doubt)) is not None:
        return by_rises
    if (doubt and not _totals_among(rows, amounts, doubt)) or len(amounts) != len(rows) or any(
            r.cells.get("amount") is not None and parse_number(r.cells["amount"]).value != _value(figure)
            for r, (_, figure) in zip(rows, amounts, strict=True)):
        return rows
    read = {r.block for r in rows if r.cells.get("amount") is not None}  # (blocks where the countings agree on a row)
    return [r if r.cells.get("amount") is not None or r.block not in read else r._replace(cells={**r.cells, "amount": figure})
            for r, (_, figure) in zip(rows, amounts, strict=True)]


def _doubts_by_rises(rows: list[PayeeRow], amounts: list[tuple[int, str]], doubt: list[tuple[int, str]]) \
        -> list[PayeeRow] | None:
    """``_amounts_by_rises`` over the section's amounts with as many of the figures that may be an amount or not
    (``doubt``: 「19 | 随意契約 (その他) | 12 | その他」, an amount or an 入札者数) as the rows need, when exactly one choice of
    them cuts the rows into their blocks so (two choices that do are no reading). The rows of a block where a row is
    given its amount so keep only their 法人番号, the name before it and the amount: their own boxes did not all read
    as one row's each (a 業務概要 cut at its wrap, the text before a 「-」 after the row before's cells taken for a
    name), their other cells are unknown."""
    need = len(rows) - len(amounts)
    if need < 1 or need > len(doubt) or comb(len(doubt), need) > _CHOICES_MAX:
        return None
    found: list[PayeeRow] = []
    for chosen in combinations(doubt, need):
        got = _amounts_by_rises(rows, sorted([*amounts, *chosen]))
        if got is not None and not (found and _same_places(got, found)):
            if found:
                return None
            found = got
    if not found:
        return None
    filled = {r.block for r in rows if r.cells.get("amount") is None}
    return [r if r.block not in filled else g._replace(cells={
        "name": r.cells.get("name") if r.cells.get("corporate_number") else None,
        "corporate_number": r.cells.get("corporate_number"), "amount": g.cells["amount"]})
        for r, g in zip(rows, found, strict=True)]


def _totals_among(rows: list[PayeeRow], amounts: list[tuple[int, str]], doubt: list[tuple[int, str]]) -> bool:
    """The figures that may be amounts or not (``doubt``) hold each block's 計 for ``amounts`` (as many as ``rows``)
    counted to the rows' blocks in order: every block's amounts add up exactly to one of them (a one-row block's
    amount printed again): the amounts are the rows' and the doubtful figures their 計 and 入札者数."""
    if len(amounts) != len(rows):
        return False
    values = [_value(figure) for _, figure in doubt]
    for block in dict.fromkeys(r.block for r in rows):
        mine = [figure for r, (_, figure) in zip(rows, amounts, strict=True) if r.block == block]
        total, places = sum(_value(f) for f in mine), max(_places(f) for f in mine)
        if not any(_places(f) >= places and abs(round(total, _places(f)) - v) < 1e-9
                   for (_, f), v in zip(doubt, values, strict=True)):
            return False
    return True


def _amounts_by_rises(rows: list[PayeeRow], amounts: list[tuple[int, str]]) -> list[PayeeRow] | None:
    """The rows counted to the ranks, each given the amount at its rank, when the section's amounts (``_figures``, in
    the text's order) are as many as the rows and the amounts alone cut them into the run's blocks: level or falling
    down each block's ranks (the list is of the largest payees), rising at each block's first rank (「1,279 | 879 | 396
    | 2,978 | …」: B's first larger than A's last) — a count of the rows a rank off in any block would put a rise
    inside a block or none at its edge —, and every amount a row read in its own boxes the one at its rank. None
    when they do not (a figure that may be an 入札者数 among them, an amount not read: the count is not of the rows),
    or when one block holds all the rows (no edge to check the amounts by: ``_amounts_counted`` asks a row's amount
    read to agree)."""
    if len(amounts) != len(rows) or len({r.block for r in rows}) < 2:
        return None
    values = [_value(figure) for _, figure in amounts]
    for k, (r, v) in enumerate(zip(rows, values, strict=True)):
        if r.cells.get("amount") is not None and parse_number(r.cells["amount"]).value != v:
            return None
        if k and (v > values[k - 1] if r.block == rows[k - 1].block else v <= values[k - 1]):
            return None
    return [r if r.cells.get("amount") is not None else r._replace(cells={**r.cells, "amount": figure})
            for r, (_, figure) in zip(rows, amounts, strict=True)]


def _fitted_or(boxes: list[tuple[str, str, int]], raw: list[str] | None, run: tuple[set[int], list[tuple[str, int]]],
               why: str, notes: list, totals: tuple[float, ...] = ()) -> list[PayeeRow] | str:
    """The rows anchored at a 法人番号 or a 「-」 when fewer than the ranks, each placed where every way of fitting
    them to the ranks in order puts it (``_fit``), the others noted in ``notes`` as (line, message); else ``why``.
    ``totals``: the blocks' 計 printed beside their labels, in order (``_by_amounts``)."""
    fitted = _rows_anchored(boxes, raw, *run, fit=True, totals=totals)
    if isinstance(fitted, str) or not fitted:
        return why
    left = [place for place in run[1] if place not in {(r.block, r.rank) for r in fitted}]
    bare = [(r.block, r.rank) for r in fitted if set(r.cells) == {"amount"}]
    notes.append((fitted[0].line, f"支出先上位10者リスト: {why}: the rows placed by the amounts (as many as the ranks, "
                                  "falling down each block) or alike by every fitting of the rows read to the ranks are "
                                  f"kept; {left} are unknown" + (f"; of {bare} only the amount is read" if bare else "")))
    return fitted


# the ranks a row not read may leave out of the count (more: the rows are placed by too little)
_FIT_MAX = 2


def _fit(rows: list[PayeeRow], order: list[tuple[str, int]]) -> list[PayeeRow]:
    """``rows`` (in the text's order, fewer than the ranks of ``order``: some rows not read) placed at the (block,
    rank) every fitting gives them: a fitting puts the rows in order at as many of the ranks, leaving the others out,
    and holds when each block's amounts read do not rise down its ranks. A row two fittings place apart is left
    out (its place is not established); none when no fitting holds."""
    values = [parse_number(r.cells.get("amount") or "").value for r in rows]
    if all(v is None for v in values):
        return []  # (every fitting holds: none places a row)
    places: list[set[int]] = [set() for _ in rows]
    for left_out in combinations(range(len(order)), len(order) - len(rows)):
        at = [i for i in range(len(order)) if i not in left_out]
        last: dict[str, float] = {}
        for j, i in enumerate(at):
            block, v = order[i][0], values[j]
            if v is None:
                continue
            if v > last.get(block, v):
                break
            last[block] = v
        else:
            for j, i in enumerate(at):
                places[j].add(i)
    return [PayeeRow(*order[next(iter(p))], r.cells, r.line, r.guessed) for r, p in zip(rows, places, strict=True)
            if len(p) == 1]


def _ranks_passed_over(boxes: list[tuple[str, str, int]], taken: set[int]) -> str | None:
    """Where a block's next three ranks or more (its last rank + 1, + 2, …) stand in order among its boxes after its
    last rank, none taken as a rank (「A. | 1 | 沖縄県 | 2 | … | 3 | … | 4 | 個人(D) | - | … | 5 | … | 6」: the ranks
    written where ``_run`` takes none): the block's rank count is not established; else None."""
    letter, last, want, seen = None, 0, 0, 0
    for i, (kind, text, _) in enumerate(boxes + [("letter", "", 0)]):
        if kind == "letter":
            if seen >= 3:  # (two may be 入札者数 that happen to count on: 「4」「5」)
                return f"block {letter}'s ranks {last + 1}..{last + seen} stand apart from its run"
            letter, last, want, seen = text[:1], 0, 1, 0
        elif i in taken and kind == "int":
            last, want, seen = int(text), int(text) + 1, 0
        elif kind == "int" and int(text) == want:
            want, seen = want + 1, seen + 1
    return None


def _ranks_skipped(boxes: list[tuple[str, str, int]], taken: set[int], order: list[tuple[str, int]]) -> str | None:
    """Where a number not taken as a rank stands right before a block's letter and is two or three above the block
    before's rank count (「A. | 1 | name | … | 2 | name | … | 3 | B.」 read as one rank of A: its ranks 2 written before
    their rows' names, the last one at the foot of the rank column): ranks of that block were passed over, its count
    is not established; else None."""
    for before, count, number, letter, i in _numbers_before_letters(boxes, taken, order):
        if count + 2 <= number <= count + 3:
            return f"block {before}'s rank {number} stands before block {letter} with ranks passed over"
        if number == count + 1 and i >= 3 and [b[0] for b in boxes[i - 3:i]] == ["int", "rate", "contract"]:
            # (「4 | 6 | 81.8% | 一般競争契約 | 4 | D」: the row's 入札者数 and 落札率 stand before its 契約方式, so the figure
            # after it, one above the block's count, is the block's next rank, its row counted into the next block)
            return f"block {before}'s rank {number} stands before block {letter} after its row's right cells"
    return None


def _numbers_before_letters(boxes: list[tuple[str, str, int]], taken: set[int], order: list[tuple[str, int]]) \
        -> list[tuple[str, int, int, str, int]]:
    """(the block before's letter, its rank count in ``order``, the number, the letter, the number's index) for each
    number not taken as a rank that stands right before a block's letter taken in the run."""
    count: dict[str, int] = {}
    for block, rank in order:
        count[block] = max(count.get(block, 0), rank)
    out = []
    for i, (kind, text, _) in enumerate(boxes):
        if kind == "letter" and i in taken and i and boxes[i - 1][0] == "int" and i - 1 not in taken:
            before = chr(ord(_LETTER.match(text)[1]) - 1)
            out.append((before, count.get(before, 0), int(boxes[i - 1][1]), text[:1], i - 1))
    return out


def _amounts_fall(rows: list[PayeeRow]) -> str | None:
    """None when each block's amounts (those read) do not rise down its ranks, else where one does."""
    last: dict[str, tuple[float, int]] = {}
    for r in rows:
        value = parse_number(r.cells.get("amount") or "").value
        if value is None:
            continue
        if r.block in last and value > last[r.block][0]:
            return f"block {r.block} rank {r.rank}'s amount is larger than rank {last[r.block][1]}'s"
        last[r.block] = (value, r.rank)
    return None




# a text box opening with a particle or a mark no name starts with: a cell's wrapped rest (「ガイドライン」 … 「の英訳作業」)
_WRAPPED_REST = re.compile(r"^[のをへや、。)]")


def _rows_anchored(boxes: list[tuple[str, str, int]], raw: list[str] | None, taken: set[int],
                   order: list[tuple[str, int]], loose: int = 0, fit: bool = False,
                   totals: tuple[float, ...] = ()) -> list[PayeeRow] | str:
    """The rows anchored as ``_anchors`` finds them, placed by the run's (block, rank) in order — or with ``fit``,
    when up to _FIT_MAX rows fewer than the ranks are anchored (a row not read), placed by ``_fit``: a name is then
    taken only where it is the one text box right before its anchor (several may hold the name of the row not read;
    one with run boxes between may be a name written after its row's cells), and a row's amount only from its own
    boxes."""
    anchors = _anchors(boxes, taken, loose)
    anchored = set(anchors)
    stray = [b[1] for i, b in enumerate(boxes) if i not in anchored and houjin.DIGITS13.search(b[1])]
    if stray:  # a 法人番号 in a box that anchors no row: a row not read, and the count would not be of the rows
        return f"a 法人番号 in a box that is no row's ({stray[0][:40]!r})"
    unsure: set[str] = set()  # blocks whose rows are not established (``_count_unsure``)
    if len(anchors) > len(order):  # a 「-」 after a name with no cell of its own: a 法人番号 only if the count needs it
        bare = [a for a in anchors if boxes[a][0] == "dash" and _bare(boxes, taken, a)]
        if len(anchors) - len(bare) > len(order):
            bare = sorted({*bare, *_wrapped_rests(boxes, taken, anchors)})
        _, sure, doubt = _figures(boxes, taken, False, frozenset(anchors) - frozenset(bare))
        if len(anchors) - len(bare) == len(order) and len(sure) <= len(order) <= len(sure) + len(doubt):
            anchors = [a for a in anchors if a not in bare]  # (the amounts may count as the ranks too)
            unsure = _count_unsure(boxes, taken, anchors, order, bare)
    if len(anchors) != len(order) and not (fit and len(anchors) < len(order)):
        return f"{len(anchors)} rows but {len(order)} ranks in the block letters' run"
    swayed = _dash_swayed(boxes, taken, anchors) if not fit else set()
    # each anchor's name group: the text boxes right before it (run boxes skipped), after the row before's cells
    groups: list[list[int]] = []
    for k, a in enumerate(anchors):
        g: list[int] = []
        j = a - 1
        floor = anchors[k - 1] if k else -1
        while j > floor and boxes[a][0] not in ("namecorp", "text") and (j in taken or boxes[j][0] == "text"):
            if j not in taken:
                g.insert(0, j)
            j -= 1
        groups.append(g)
    if not fit:
        swayed |= _dash_after_names(boxes, taken, anchors, groups)
    if not fit and (k := next((k for k, g in enumerate(groups) if len(g) >= 2 + _stack_size(boxes, anchors, groups, k)
                                and boxes[anchors[k]][0] == "corp" and _figure_method_before(boxes, taken, g[0])),
                              None)) is not None:
        # (「1,294 | 随意契約 (公募) | 5 | - | - | name | 業務概要 | name | name | 法人番号 | 法人番号」: a row with no
        # 法人番号 of its own, its cells before its name, stands among the names, so the anchors count as the ranks
        # only with one of them no row's)
        return f"{len(anchors)} rows but {len(order)} ranks in the block letters' run, a row with no anchor before " \
               f"{boxes[anchors[k]][1][:13]}"
    names: list[str | None] = [None] * len(anchors)
    stacks: list[int] = []  # the rows after the first of k names written before their k anchors
    claimed: set[int] = set()  # text boxes that are a row's 業務概要 though they stand before the next anchor
    stacked = False  # the group before held more names than its row and none was placed: a later row's name stood
    for k, g in enumerate(groups):  # there, so the next lone text box may be the row before's wrapped 業務概要
        was_stacked, stacked = stacked, False
        if not g:
            continue
        prev_seg = [] if not k else [i for i in range(anchors[k - 1] + 1, g[0]) if i not in taken]
        prev_has_desc = k > 0 and (any(boxes[i][0] == "text" for i in prev_seg)
                                   or (boxes[anchors[k - 1]][0] == "corp"
                                       and _CORP_HEAD.match(boxes[anchors[k - 1]][1])[2] is not None))
        if fit and k and not prev_has_desc and len(g) > 1 and _ends_in_amount(boxes[g[0]][1]):
            claimed.add(g[0])  # (「法人番号 | 業務概要 69 | name | 法人番号」: a 業務概要 with its amount, no name: the row
            # before's; this row's name is not established)
        if fit and (len(g) > 1 or any(j in taken for j in range(g[0], anchors[k]))):
            continue  # (the name of the row not read, or one written after its row's cells, may stand there)
        if k and not prev_has_desc and len(g) >= 2 and _stack_fits(boxes, anchors, groups, k):
            continue  # (the row before's 業務概要 and the names of the rows after, or all names: not established)
        if k and not prev_has_desc and len(g) >= 2:
            claimed.add(g[0])  # the row before's 業務概要, then the names
            g = g[1:]
        elif k and not prev_has_desc and (prev_seg or any(j in taken for j in range(g[0], anchors[k]))):
            # one text box: the row before's 業務概要 or this row's name, not established — also when it stands
            # right after the row before's anchor, the run between it and this anchor (「法人番号 | 業務概要 | F | 1 |
            # … | 法人番号 | name」: pdfminer.six wrote the row before's 業務概要, then the run, then this row's name
            # after its 法人番号)
            continue
        if len(g) == 1 and k and prev_seg and names[k - 1] is None and boxes[anchors[k - 1]][0] == "corp" \
                and not groups[k - 1] and sum(boxes[i][0] == "text" for i in prev_seg) + prev_has_desc - any(
                    boxes[i][0] == "text" for i in prev_seg) <= 1:
            continue  # (the row before has no name before its 法人番号: the text after its cells may be its name,
            # written late — 「法人番号 | 業務概要 | 0.1 | … | 随意契約 (公募) | name | 法人番号 | … | name」; not when its
            # own boxes hold two text boxes, its name and 業務概要 written after its number)
        if len(g) == 1 and _name_after_figure(boxes, anchors[k], g[0], prev_seg):
            continue
        if fit and len(g) == 1 and _nameless_row_before(boxes, prev_seg):
            continue
        if len(g) == 1 and _late_name_before(boxes, anchors, groups, names, k):
            continue
        if len(g) == 1:
            if _closes_unopened(boxes[g[0]][1]):
                continue  # (「4948642347726 会議等出席( | 5,012 | その他 | 諸謝金) | 法人番号」: a cell's wrapped rest)
            if not was_stacked or _ENTITY_IN.search(boxes[g[0]][1]):  # (「A社 | B社 | 番号 業務概要の1行目 | … |
                # 業務概要の2行目 | 番号」: not B社's row's name, unless it names a legal entity itself)
                names[k] = _raw_joined(raw, boxes[g[0]][2], boxes[g[0]][1])
        elif (k or all(i in taken for i in range(g[0]))) and k + len(g) <= len(groups) \
                and not any(_WRAPPED_REST.match(boxes[i][1]) for i in g) \
                and not any(groups[k + m] or boxes[anchors[k + m]][0] == "namecorp" for m in range(1, len(g))) \
                and not (k and names[k - 1] is None and boxes[anchors[k - 1]][0] == "corp") \
                and not _dash_among_corps(boxes, anchors[k:k + len(g)]):
            # k names, then their k anchors with no name of their own: in order (first of all, only the run before;
            # not when the row before, at a 法人番号, has no name: pdfminer.six may write a name after its row's
            # 法人番号 and cells, 「法人番号 | 業務概要 | 6.3 | その他 | name | name | 法人番号」, the first name that row's)
            for m, i in enumerate(g):
                names[k + m] = _raw_joined(raw, boxes[i][2], boxes[i][1])
            stacks += range(k + 1, k + len(g))
        else:
            stacked = True
    def read(leads: dict[int, tuple[int, int]]) -> tuple:
        """The rows, each row's boxes (as boxes and as indices), the cells doubted, the boxes placed in no row,
        and the rows that took their lead (``_leads``: the boxes before their name cut from the row before's)."""
        rows: list[PayeeRow] = []
        segs: list[list[tuple[str, str, int]]] = []
        spans: list[list[int]] = []  # each row's boxes after its anchor, as indices
        doubted: list[dict | None] = []  # a row's cells read from its boxes but left out (the row before's may be there)
        unplaced: list[tuple[str, str, int]] = []  # boxes after the run up to the next row: no row's
        previous_empty = previous_open = previous_amount = previous_late = False
        lead_open = False  # the row before took its amount from its lead and has no 業務概要
        used: set[int] = set()  # the rows that took their lead
        for k, a in enumerate(anchors):
            end = (groups[k + 1][0] if groups[k + 1] else anchors[k + 1]) if k + 1 < len(anchors) else len(boxes)
            if k + 1 in leads:  # (the next row's amount and 契約方式, written before its name: not this row's)
                end = leads[k + 1][0]
            seg, cut, span = [], False, []
            for i in range(a + 1, end):
                if i in taken:
                    cut = True  # the run: what stands after it up to the next row is not placed
                    unplaced += [boxes[j] for j in range(i, end) if j not in taken]
                    break
                seg.append(boxes[i])
                span.append(i)
            if not cut and end in claimed:
                seg.append(boxes[end])
                span.append(end)
            spans.append(span)
            kind, text, line = boxes[a]
            m = _CORP_HEAD.match(text) if kind == "corp" else None
            corp, merged = (m[1], m[2]) if m else (None, None)
            if kind == "namecorp":
                names[k], corp = _NAME_CORP.match(text).groups() if _NAME_CORP.match(text) else (text[:-2], None)
            elif kind == "text":  # a name with no anchor of its own (``_loose_name``): unknown with a space between
                names[k] = plain(_raw_joined(raw, line, text))  # two wide characters (pdftotext's 「センタ ー」, or the
                # sheet's own?), which no 法人番号 box beside it vouches for as a name cell's whole text
            got = own = _fields(seg, merged, raw, not k or previous_amount)
            if got is None and names[k] is None and kind == "corp" and not merged \
                    and (k + 1 == len(anchors) or _figure_own(boxes, taken, anchors, groups, k + 1)) \
                    and not _method_before(boxes, taken, a):
                got = own = _nameless_fields(seg, raw, not k or previous_amount)  # (the next row's amount its own: this
                # row's figure is not the next one's, written before its name)
            elif got is not None and names[k] is None and kind == "corp" and not merged and seg[:1] \
                    and seg[0][0] == "text" and k + 1 < len(anchors) and len(groups[k + 1]) > 1 \
                    and seg[-1][0] not in (*_ROW_END, "int"):
                got["description"] = None  # (「法人番号 | name | 0.8 | 業務概要 | name | 法人番号」: a row with no name
                # before its number may have it right after, its 業務概要 then, with no right cell of the row's
                # between, before the next row's name; 「法人番号 | 業務概要 | 0.2 | 契約方式 | - | name | name」: the row
                # ended before the two names, its own written after its cells)
            if own is not None and merged and k + 1 < len(anchors) and (names[k + 1] is None or (
                    not any(b[0] in ("text", *_ROW_END) for b in seg) and boxes[anchors[k + 1]][0] == "dash")) \
                    and any(i not in claimed for i in groups[k + 1]):
                own["description"] = None  # the 法人番号 box's 業務概要, and a text box before the next anchor no name: its wrap?
                # (or the name of a row at a 「-」, 「法人番号 タイムスタンプ認定制 | 41 | 度に関する調査 | - |」: which?)
            elif own is not None and merged and (any(b[0] == "text" for b in seg)
                                                 or _rest_as_name(boxes, taken, anchors, groups, k)
                                                 or (names[k] is None and k + 1 < len(anchors)
                                                     and len(groups[k + 1]) == 1 and groups[k + 1][0] not in claimed)):
                # (a row with no name before its 法人番号, 「法人番号 ヘルプデスク業 | 172 | 務 | 法人番号 実証事業の実施」: the
                # text box before the next 法人番号 may be its 業務概要's wrapped rest as well as the next row's name)
                # the 法人番号 box's 業務概要 (its first line) and a text box after the row's cells that no next row's
                # name claims (「番号 セキュリティ説明会 | 10 | 補助金等交付 | の開催」): its wrapped rest, maybe
                own["description"] = None
            if got is not None and previous_empty and k:
                got = None  # the row before had no cell of its own here, or its cells did not read: these may be its
            elif got is not None and previous_open and (_right_cells(seg) > 4 or (
                    previous_late and [b[0] if b[0] != "int" else "number" for b in seg[:3]]
                    == ["number", "text", "contract"])):  # more than one row's 契約方式, 入札者数, 落札率 and 理由:
                got.update(contract_method=None, bidders=None, award_rate=None)  # some the row before's; or the row
                # before wrote its amount (then its 業務概要, maybe taken for this row's name) and no 契約方式 (「法人番号 |
                # 0.9 | 業務概要 | 法人番号 | 0.3 | 業務概要 | 一般競争契約 | 1 | -」): the 契約方式 after this row's may be the
                # row before's, written late
            elif got is not None and _right_cells(_from_contract(seg)) > 4 \
                    and not (k and _dashes_over(seg, segs[k - 1])):  # (another row's 入札者数 and 落札率 among them)
                got.update(bidders=None, award_rate=None)
            if own is not None and own["contract_method"] is None and _name_after_anchor(names, groups, claimed, k):
                own["description"] = None  # (``got`` is ``own`` or None)
            if got is not None and lead_open:
                got["description"] = None  # (the row before's, led, had none of its own: it may stand here)
            led = k in leads and got is not None and previous_amount and not _amount_values(seg)
            if led:
                used.add(k)
                got.update(_lead_cells(boxes, raw, leads[k]))
                span[:0] = range(leads[k][0], leads[k][1] + 1)
            lead_open = led and got["description"] is None
            previous_empty = (not seg and not merged and not led) or (got is None and (
                previous_empty or own is not None or not _amount_values(seg) or names[k] is None
                or kind not in _ANCHOR or k + 1 == len(anchors) or boxes[anchors[k + 1]][0] not in _ANCHOR))
            # (a cell of it may have been written here; not when its own boxes, which do not read as one row's, hold an
            # amount, and it and the next row stand at a 法人番号 with their names: 「name | 法人番号 | 48 | 業務概要 |
            # 随意契約 | 一般競争契約 | … | name | 法人番号 | …」)
            previous_amount = own is not None and own["amount"] is not None
            previous_open = got is not None and got["contract_method"] is None
            previous_late = bool(seg) and (seg[-1][0] in ("number", "int") or [b[0] for b in seg[-2:]] in (
                ["number", "text"], ["int", "text"]))  # (its amount, maybe its 業務概要 after it, and no 契約方式 yet)
            cells_ = {"name": names[k], "corporate_number": corp}
            cells_.update(got or {})
            block, rank = order[k] if not fit else ("", k)
            rows.append(PayeeRow(block, rank, cells_, line, False))
            segs.append(([("text", merged, line)] if merged else []) + seg)
            doubted.append(own if got is None else None)
        return rows, segs, spans, doubted, unplaced, used

    leads = _leads(boxes, taken, anchors, groups, claimed)
    while True:  # a lead the row does not take (its cells unread) stays the row before's, as it is written
        rows, segs, spans, doubted, unplaced, used = read(leads)
        if used >= set(leads):
            break
        leads = {k: v for k, v in leads.items() if k in used}
    rows = _right_cells_stacked(rows, segs, stacks)
    if not fit:  # (placed by amounts, a row's amount is asked to stand in its own boxes: not a column pair's)
        rows, doubted = _column_pairs_filled(boxes, taken, anchors, rows, doubted)
    if fit:
        placed = _by_amounts(boxes, taken, order, anchors, _doubts_own(boxes, rows, spans, doubted), spans, raw,
                             totals)
        if placed is not None:
            return [r for r in placed if r.block not in unsure]
        return [r for r in _fit(rows, order) if r.block not in unsure] if len(order) - len(anchors) <= _FIT_MAX else []
    if swayed:  # (kept in the count, their cells unknown)
        rows = [r._replace(cells=dict.fromkeys(r.cells)) if k in swayed else r for k, r in enumerate(rows)]
        segs = [[] if k in swayed else x for k, x in enumerate(segs)]
        doubted = [None if k in swayed else x for k, x in enumerate(doubted)]
    # an amount no row's boxes hold is a row not read: the rows counted after it (or before) may stand a place off
    # (also one written after the run and before the first row: 「1 | … | 7 | 738 | - | 法人番号 | 業務概要 | 法人番号 |
    # 業務概要 | 697 | …」, the first row's amount written before it, each row's in the next row's boxes)
    if _amount_values(unplaced):
        return [r for r in rows if r.block not in unsure]
    led = bool(_amount_values(_before_first(boxes, taken, anchors, groups)))
    return [r for r in _late_right_cells(_pooled_amounts(rows, segs, doubted, {rows[0].block} if led and rows else set()),
                                         segs) if r.block not in unsure]


def _dash_swayed(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int]) -> set[int]:
    """The rows (indices into ``anchors``) the count does not place when a 「-」 with no cell of a row after it
    (``_bare``) anchors a row while a 「-」 right after a text box anchors none (「name | 法人番号 | Asia Wise法律事務所 |
    - | name | 法人番号 | … | 富士フイルム… | - | - | name | 法人番号」): either may be the row's 法人番号 and the other a
    right cell, so the rows from the one to the other stand a place off in the other reading, and the row before the
    「-」 after a name may have taken that name for its 業務概要 — not established."""
    anchored = set(anchors)
    bare = [a for a in anchors if boxes[a][0] == "dash" and _bare(boxes, taken, a)]
    if not bare:
        return set()
    lone = []
    prev = None
    for i, (kind, text, _) in enumerate(boxes):
        if i in taken:
            continue
        if kind == "dash" and i + 1 < len(boxes) and boxes[i + 1][0] == "text" and prev is not None \
                and boxes[prev][0] == "text" and i not in anchored and is_dash(text) and _bare(boxes, taken, i):
            lone.append(i)  # (a name, its 「-」, and the next row's name and anchor at once: no cell between)
        prev = i
    out: set[int] = set()
    for b in bare:
        for d in lone:
            before = max((a for a in anchors if a < d), default=d)  # (its row may have taken the name for its 業務概要)
            lo, hi = min(b, before), max(b, d)
            out.update(k for k, a in enumerate(anchors) if lo <= a <= hi)
    return out


def _dash_after_names(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int],
                      groups: list[list[int]]) -> set[int]:
    """The rows (indices into ``anchors``) of a 「-」 written right after m ≥ 2 names (its group's text boxes) with no
    cell of a row after it (``_bare``) and of the m - 1 anchors after it, each with no name of its own (「静岡市 | 那覇市
    | … | 職員旅費(職員G) | - | 法人番号 業務概要 | 1.5 | … | 法人番号」): the 「-」 may be the first name's (the rows in
    the names' order) or the last one's, the name right before it (then the 法人番号 are the other names', and the
    「-」's row, its cells written after theirs, the last) — which, the text does not say. (A 「-」 with its row's cells
    right after it is the first row's: ``_dash_among_corps`` leaves only the names unknown.)"""
    out: set[int] = set()
    for k, a in enumerate(anchors):
        m = len(groups[k])
        if boxes[a][0] != "dash" or m < 2 or k + m > len(anchors) or not _bare(boxes, taken, a) \
                or any(groups[k + j] or boxes[anchors[k + j]][0] != "corp" for j in range(1, m)):
            continue
        out.update(range(k, k + m))
    return out


def _right_cells_stacked(rows: list[PayeeRow], segs: list[list[tuple[str, str, int]]], stacks: list[int]) \
        -> list[PayeeRow]:
    """``rows`` with the 入札者数 and 落札率 of a row in ``stacks`` (its name one of k written before their k anchors)
    unknown when the row before ends at its 契約方式, no right cell of its own after it: pdfminer.six writes the names'
    rows' right cells after the last of them (「name | name | 法人番号 業務概要 | 207 | 随意契約 (公募) | 法人番号 | 業務概要 |
    118 | その他 | 1 | -」: the 1 is the first row's 入札者数), so the cells after this row's 契約方式 may be the row before's."""
    out = list(rows)
    for k in stacks:
        if k < len(out) and segs[k - 1] and segs[k - 1][-1][0] == "contract" \
                and any(out[k].cells.get(c) is not None for c in ("bidders", "award_rate")):
            out[k] = out[k]._replace(cells={**out[k].cells, "bidders": None, "award_rate": None})
    return out


def _nameless_row_before(boxes: list[tuple[str, str, int]], prev_seg: list[int]) -> bool:
    """The row before's boxes (``prev_seg``) hold, after its 契約方式, a text box and then a figure: a row not read (its
    業務概要 and amount, no name or anchor before them — 「法人番号 | 業務概要 | 6.3 | 随意契約 | 5 | - | 業務概要 | 4.6 | - |
    name | 法人番号 | … | name | 4 | name | 法人番号」): pdfminer.six wrote that row's name after its cells, so the one text
    box before the next anchor is its name as well as the next row's — not established."""
    kinds = [boxes[i][0] for i in prev_seg]
    at = next((j for j, kind in enumerate(kinds) if kind == "contract"), None)
    if at is None:
        return False
    text = next((j for j in range(at + 1, len(kinds)) if kinds[j] == "text"), None)
    return text is not None and any(kind in ("int", "number") for kind in kinds[text + 1:])


def _dash_among_corps(boxes: list[tuple[str, str, int]], anchors: list[int]) -> bool:
    """The anchors of k names stacked before them hold a 「-」 right after the names and a 法人番号 later
    (「(株)オリエンタル | UQ(株) | 個人(A) | - | 業務概要 | … | 法人番号 | … | 法人番号」): the name right before the 「-」
    may be its row's (a payee with no 法人番号 has its 「-」 beside its name), the others the later rows' — or the
    names are in order: which name is whose is not established."""
    return boxes[anchors[0]][0] == "dash" and any(boxes[a][0] in _ANCHOR for a in anchors[1:])


def _before_first(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int],
                  groups: list[list[int]]) -> list[tuple[str, str, int]]:
    """The boxes between the run (its last box before the first row) and the first row's name or anchor."""
    start = groups[0][0] if groups and groups[0] else anchors[0] if anchors else 0
    after = max((i for i in taken if i < start), default=-1)
    return [boxes[i] for i in range(after + 1, start) if i not in taken]


def _name_after_figure(boxes: list[tuple[str, str, int]], a: int, name: int, prev_seg: list[int]) -> bool:
    """The one text box ``name`` before the 「-」 at ``a`` stands right after a figure that stands right after a text box,
    and the row before's boxes (``prev_seg``) hold another text box before them (「法人番号 | 7,498 | 業務概要 | - | name |
    7,135 | 業務概要 | -」): the text box before the figure may be this row's name, the figure its amount and ``name``
    its 業務概要 — which is the name is not established."""
    return boxes[a][0] == "dash" and len(prev_seg) >= 2 and prev_seg[-1] == name - 1 \
        and boxes[prev_seg[-1]][0] == "number" and boxes[prev_seg[-2]][0] == "text" \
        and sum(boxes[i][0] == "text" for i in prev_seg) >= 2


def _stack_fits(boxes: list[tuple[str, str, int]], anchors: list[int], groups: list[list[int]], k: int) -> bool:
    """The text boxes of row ``k``'s name group may all be names, as many as the 法人番号 boxes standing one right after
    another from its anchor on (「法人番号 | name | name | name | 法人番号 | 法人番号 | 法人番号 | 業務概要 …」: the row
    before's 業務概要 written after the stack): then the first is not established as the row before's 業務概要
    (``_rows_anchored`` would take it so, every name after it a row off)."""
    n = len(groups[k])
    return k + n <= len(groups) and all(anchors[k + m] == anchors[k + m - 1] + 1 and boxes[anchors[k + m]][0] == "corp"
                                        for m in range(1, n))


def _doubts_own(boxes: list[tuple[str, str, int]], rows: list[PayeeRow], spans: list[list[int]],
                doubted: list[dict | None]) -> list[PayeeRow]:
    """``rows`` with the cells of those left out for doubt (``doubted``: the row before's cells might stand in their
    boxes) given back when their boxes hold one amount, followed by its 契約方式, and the row before's boxes hold one
    amount of their own (its cells are there, not here; 「業務概要 | 1.3 | - | -- | 4 | name」 with no 契約方式 after it
    may be the next row's, written before its name as that row's was), and the row's name stands before its anchor,
    a 法人番号 (a row with none may have
    it written after its number, where its 業務概要 is looked for; the text before a 「-」 may be the row before's 業務概要):
    for ``_by_amounts``, which places such a row only where that amount is its rank's."""
    out = list(rows)
    for k, (r, own) in enumerate(zip(rows, doubted, strict=True)):
        if k and own and own.get("amount") is not None and r.cells.get("amount") is None and r.cells.get("name") \
                and r.cells.get("corporate_number") \
                and own.get("contract_method") is not None \
                and len(_amount_values([boxes[i] for i in spans[k]])) == 1 \
                and len(_amount_values([boxes[i] for i in spans[k - 1]])) == 1:
            out[k] = r._replace(cells={**r.cells, **{c: own[c] for c in _OWN}})
    return out


def _leads(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int], groups: list[list[int]],
           claimed: set[int]) -> dict[int, tuple[int, int]]:
    """{row: (first, last box index)} of the rows whose amount and 契約方式 pdfminer.six wrote before their name (and
    「-」 or 法人番号), after the row before's right cells or the run (「4,010 | 一般競争契約 | 8 | 57.1% | 1,985 | 随意契約
    (企画競争) | 3 | - | name | 法人番号 | 業務概要」): right before the row's name group (or its anchor), the dashes
    skipped, an 入札者数 maybe, a 契約方式 and, right before it, a figure — a 「-」, a 落札率 or a run box right before
    that figure, not a text box (「業務概要 | amount | 契約方式」 is the row before's own end) nor a 契約方式 (「契約方式 | 9 |
    契約方式」: its 入札者数) —, with no more than one 契約方式 (the row before's) between the row before's anchor and
    it, for a row whose own boxes (after its anchor) hold no figure and no 契約方式. The caller
    takes them only when the row before has an amount of its own."""
    out: dict[int, tuple[int, int]] = {}
    for k in range(1, len(anchors)):
        start = (groups[k][0] if groups[k] else anchors[k]) - 1
        if start in claimed or _names_over_stack(boxes, anchors, groups, k):
            continue
        j = start
        while j > anchors[k - 1] and j not in taken and boxes[j][0] == "dash":
            j -= 1
        if (lone := _figure_lead(boxes, taken, anchors, groups, k, j)) is not None:
            out[k] = (lone, start)
            continue
        if j > anchors[k - 1] and j not in taken and boxes[j][0] == "int" and boxes[j - 1][0] == "contract":
            j -= 1
        if j - 1 <= anchors[k - 1] or j in taken or boxes[j][0] != "contract" or j - 1 in taken \
                or boxes[j - 1][0] not in ("int", "number"):
            continue
        first = j - 1
        if first - 1 <= anchors[k - 1] or (first - 1 not in taken and boxes[first - 1][0] not in ("dash", "rate")
                                           and not _after_method(boxes, first)):
            continue
        if sum(boxes[i][0] == "contract" for i in range(anchors[k - 1] + 1, first) if i not in taken) > 1:
            continue  # (「0.8 | その他 | - | 0.6 | 随意契約 | name」: two rows' leads, or more; which is whose?)
        if _figure_own(boxes, taken, anchors, groups, k) or any(
                b[0] == "contract" for b in _own_boxes(boxes, taken, anchors, groups, k)):
            continue  # (a figure or 契約方式 of the row's own: the figure before its name may be the row before's)
        out[k] = (first, start)
    return out


def _after_method(boxes: list[tuple[str, str, int]], first: int) -> bool:
    """The figure at ``first`` follows a 契約方式 and has no 入札者数's shape (more than two digits, a decimal or a comma:
    「2,220 | 随意契約 (少額) | 2,050 | その他 | 法人番号」): the next row's amount, the row before's cells ended."""
    return boxes[first - 1][0] == "contract" and boxes[first][0] == "number"


def _names_over_stack(boxes: list[tuple[str, str, int]], anchors: list[int], groups: list[list[int]], k: int) -> bool:
    """Row ``k``'s name group holds more text boxes than the 法人番号 boxes standing one right after another from its
    anchor on, with no name of their own (「1,294 | 随意契約 (公募) | 5 | - | - | name | 業務概要 | name | name |
    法人番号 | 法人番号 | …」: a payee with no 法人番号, its 「-」 written apart, then two rows' names): the figure and
    契約方式 before the group are the first text box's row's, which may be none of the stack's — not a lead of row ``k``."""
    return len(groups[k]) > _stack_size(boxes, anchors, groups, k)


def _figure_method_before(boxes: list[tuple[str, str, int]], taken: set[int], i: int) -> bool:
    """Before box ``i`` stand (dashes and an 入札者数 skipped) a 契約方式 and, right before it, a figure."""
    j = i - 1
    while j > 0 and j not in taken and boxes[j][0] == "dash":
        j -= 1
    if j > 0 and j not in taken and boxes[j][0] == "int":
        j -= 1
    return j > 0 and j not in taken and boxes[j][0] == "contract" and j - 1 not in taken \
        and boxes[j - 1][0] in ("int", "number")


def _stack_size(boxes: list[tuple[str, str, int]], anchors: list[int], groups: list[list[int]], k: int) -> int:
    """How many 法人番号 boxes stand one right after another from row ``k``'s anchor on, none after the first with a
    name group of its own."""
    n = 1
    while k + n < len(anchors) and anchors[k + n] == anchors[k + n - 1] + 1 and not groups[k + n] \
            and boxes[anchors[k + n]][0] == "corp":
        n += 1
    return n


def _figure_lead(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int], groups: list[list[int]],
                 k: int, j: int) -> int | None:
    """The index of a figure that is row ``k``'s amount written alone before its name (dashes after it, ``j`` the last
    box before them), after the row before's right cells (「221 | 業務概要 | 随意契約(その他) | - | - | 68 | - | -- | - |
    職員旅費(職員B) | - | 業務概要 | 法人番号 …」): the figure stands after 「-」 or 落札率 boxes that follow the row before's
    one 契約方式, which its own amount precedes, and row ``k``'s own boxes hold no figure; else None."""
    if j <= anchors[k - 1] or j in taken or boxes[j][0] not in ("int", "number") or j + 1 == (
            groups[k][0] if groups[k] else anchors[k]):
        return None  # (a figure right before the name, no 「-」 between: not told from the row before's)
    i = j - 1
    while i > anchors[k - 1] and i not in taken and boxes[i][0] in ("dash", "rate"):
        i -= 1
    if i == j - 1 or i <= anchors[k - 1] or i in taken or boxes[i][0] != "contract":
        return None
    before = [b[0] for n, b in enumerate(boxes[anchors[k - 1] + 1:i], anchors[k - 1] + 1) if n not in taken]
    if before.count("contract") or not _amount_values([b for n, b in enumerate(boxes[anchors[k - 1] + 1:i],
                                                                               anchors[k - 1] + 1) if n not in taken]):
        return None
    return None if _figure_own(boxes, taken, anchors, groups, k) else j


def _method_before(boxes: list[tuple[str, str, int]], taken: set[int], a: int) -> bool:
    """A 契約方式 stands right before the anchor at ``a`` (dashes and an 入札者数 between): 「32 | 随意契約 (少額) | - | - |
    法人番号 | name | 業務概要 | 32」, the row's amount and 契約方式 maybe written before its number, the figure after its
    cells then the block's 計."""
    j = a - 1
    while j >= 0 and j not in taken and boxes[j][0] in ("dash", "int"):
        j -= 1
    return j >= 0 and j not in taken and boxes[j][0] == "contract"


def _own_boxes(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int], groups: list[list[int]],
               k: int) -> list[tuple[str, str, int]]:
    """Row ``k``'s boxes after its anchor up to the next row's name group (or anchor), run boxes left out; the text
    its 法人番号 box held after the number first."""
    end = (groups[k + 1][0] if groups[k + 1] else anchors[k + 1]) if k + 1 < len(anchors) else len(boxes)
    own = [boxes[i] for i in range(anchors[k] + 1, end) if i not in taken]
    if boxes[anchors[k]][0] == "corp" and _CORP_HEAD.match(boxes[anchors[k]][1])[2]:
        own.insert(0, ("text", _CORP_HEAD.match(boxes[anchors[k]][1])[2], 0))
    return own


def _figure_own(boxes: list[tuple[str, str, int]], taken: set[int], anchors: list[int], groups: list[list[int]],
                k: int) -> bool:
    """Row ``k``'s own boxes (``_own_boxes``) hold a figure (an amount, or a number that may be one)."""
    own = _own_boxes(boxes, taken, anchors, groups, k)
    return bool(_amount_values(own)) or any(b[0] in ("number", "int") for b in own)


def _lead_cells(boxes: list[tuple[str, str, int]], raw: list[str] | None, lead: tuple[int, int]) -> dict:
    """The amount, 契約方式 and 入札者数 (a number right after the 契約方式) of a row's lead (``_leads``)."""
    first, last = lead
    kind, text, line = boxes[first + 1]
    if kind != "contract":  # (a figure alone, ``_figure_lead``)
        return {"amount": boxes[first][1]}
    out = {"amount": boxes[first][1],
           "contract_method": (_CONTRACT.match(_raw_joined(raw, line, text)) or _CONTRACT.match(text))[1]}
    if first + 2 <= last and boxes[first + 2][0] == "int":
        out["bidders"] = boxes[first + 2][1]
    return out


def _name_after_anchor(names: list[str | None], groups: list[list[int]], claimed: set[int], k: int) -> bool:
    """Row ``k`` has no name and the next row's name group holds two text boxes or more, none placed (「法人番号 |
    name | 0.4 | 業務概要 | name | 法人番号」: pdfminer.six wrote the row's name after its 法人番号, its 業務概要 after its
    amount): when the row's own boxes hold no 契約方式 (its cells go on after them), the first text box after the anchor
    may be the name, its 業務概要 is not established."""
    return names[k] is None and k + 1 < len(groups) and len(groups[k + 1]) >= 2 and names[k + 1] is None \
        and not claimed & set(groups[k + 1])


def _by_amounts(boxes: list[tuple[str, str, int]], taken: set[int], order: list[tuple[str, int]],
                anchors: list[int], rows: list[PayeeRow], spans: list[list[int]],
                raw: list[str] | None = None, totals: tuple[float, ...] = ()) -> list[PayeeRow] | None:
    """Every rank's row placed by its amount when fewer rows are anchored than the run has ranks (a payee without a
    法人番号 whose 「-」 pdfminer.six wrote apart from its name): the section holds as many amounts (``_figures``) as
    ranks, falling down each block, so the n-th amount is the n-th rank's. A row anchored at its 法人番号 (or 「-」)
    whose own boxes hold one amount, the one it read, is placed at that amount's rank with its cells; a rank no
    anchored row claims has its amount alone (its name and other cells unknown). None (not placed) when the counts
    differ, the amounts rise down a block, an anchored row's amount is not one listed in its boxes, or an amount
    written before its row's cells (an 契約方式, 入札者数, 落札率 or 「-」 after it, not a 業務概要 before it) is followed by
    fewer than three text boxes before the next anchor: its row may be that anchor's, whose own boxes would then
    hold the next row's amount. Figures that may be an amount or not (``_doubtful``) are tried each way: the rows
    are placed when exactly one choice of them places them (none when more than _CHOICES_MAX choices are to try) — or,
    of several, exactly one whose blocks add up to ``totals``, the blocks' 計 printed beside their labels (one a block,
    in order: ``_totalled``). A figure right after a 「-」 that may be no payee's (its text the wrapped rest of a
    業務概要 begun in a 法人番号's box: ``_wrapped_rests``) is doubtful too; when the choices then place the rows
    several ways, the ranks every placing gives the same amount (from the same box) stand and the others are left
    out."""
    _, sure, doubt = _figures(boxes, taken, False, frozenset(anchors))
    if len(sure) > len(order):
        sure, doubt = _sums_doubted(sure, doubt)
    if after := {a + 1 for a in _wrapped_rests(boxes, taken, anchors)}:  # (the figure after a 「-」 that may be no
        # payee's, 「法人番号 データ整備及 | 18 | び分析業務 | - | 3 | 随意契約」: an 入札者数 as well as an amount)
        sure, doubt = [f for f in sure if f[0] not in after], sorted([*doubt, *(f for f in sure if f[0] in after)])
    need = len(order) - len(sure)
    if need < 0 or need > len(doubt) or comb(len(doubt), need) > _CHOICES_MAX \
            or _rank_before_letter(boxes, taken, order):
        return None
    if any(boxes[i][0] == "text" and _HIDDEN_FIGURE.search(boxes[i][1]) and not _PIECES_OR_METHOD.search(boxes[i][1])
           for i in range(len(boxes)) if i not in taken):
        return None  # (a figure run into a 業務概要's wrapped lines, 「視察(旅 3費の支払)」: an amount the figures do
        # not count, so the n-th amount counted is not established as the n-th rank's)
    placed = []
    for chosen in combinations(doubt, need):
        amounts = sorted([*sure, *chosen])
        got = _placed_at(boxes, taken, order, anchors, rows, spans, amounts)
        if got is not None and not any(_same_places(got, other) for other, _ in placed):
            placed.append((got, amounts))
            if len(placed) > 1 and len(totals) != len({block for block, _ in order}) and not after:
                return None
    several = placed if len(placed) > 1 else []
    placed = placed if len(placed) < 2 else [(got, amounts) for got, amounts in placed if _totalled(got, totals)]
    if len(placed) != 1 and not (after and several):
        return None
    placed = placed if len(placed) == 1 else several  # (a figure after a doubted 「-」: the ranks every placing
    # gives the same amount, from the same box, stand; the others are unknown)
    got, amounts = placed[0]
    agreed = [all(g[k].cells == r.cells and a[k][0] == amounts[k][0] for g, a in placed[1:]) for k, r in enumerate(got)]
    used = set(anchors)  # the anchors, the text boxes right before them (names) and the first after them (業務概要)
    for a, span in zip(anchors, spans, strict=True):
        j = a - 1
        while j >= 0 and j not in taken and boxes[j][0] == "text":
            used.add(j)
            j -= 1
        used.update([j for j in span if boxes[j][0] == "text"][:1])
    return [r if set(r.cells) != {"amount"} else r._replace(cells=_cells_before(boxes, taken, used, i, raw, r.rank)
                                                              or r.cells)
            for r, (i, _), ok in zip(got, amounts, agreed, strict=True) if ok]


def _totalled(rows: list[PayeeRow], totals: tuple[float, ...]) -> bool:
    """Each block's amounts (``rows``, one a rank, in the run's order) add up exactly to its 計, the block's figure of
    ``totals`` (printed beside the 計 labels, one a block, in order): which of two placings by amounts (``_by_amounts``,
    a figure that may be an 入札者数 taken or not, 「28 | 6 | 一般競争契約」) is the rows' when both fall down each block."""
    blocks = list(dict.fromkeys(r.block for r in rows))
    if len(blocks) != len(totals):
        return False
    for block, total in zip(blocks, totals, strict=True):
        figures = [r.cells["amount"] for r in rows if r.block == block]
        if not _sums_exactly_to(figures, total):
            return False
    return True


def _sums_exactly_to(figures: list[str], total: float) -> bool:
    """``figures`` add up to ``total`` at their most decimals."""
    places = max(_places(f) for f in figures)
    return abs(round(sum(_value(f) for f in figures), places) - total) < 1e-9


def _same_places(a: list[PayeeRow], b: list[PayeeRow]) -> bool:
    """Two placings of the rows by their amounts (``_placed_at``) give every rank the same cells: the choices of the
    doubtful figures differ only in which of equal figures is taken (「1.9 | … | 1.9 | 1.9」: a one-row block's amount
    and its 計 printed again), so the rows' places and amounts are the same either way."""
    return [(r.block, r.rank, r.cells) for r in a] == [(r.block, r.rank, r.cells) for r in b]


def _sums_doubted(sure: list[tuple[int, str]], doubt: list[tuple[int, str]]) \
        -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """``sure`` less the figures that are exactly (``_sums_exactly``) the sum of the one or more amounts right before
    them, those level or falling as one block's do (「42,234 | 16,434 | 58,668」, 「28,311 | 28,311」: a block's 計, a
    one-row block's its amount again, whose 計 label pdfminer.six wrote elsewhere and ``_block_totals`` did not find
    since the last 計 it found), which join ``doubt`` (in the text's order): amount or 計, the count of the ranks
    decides (``_by_amounts``)."""
    values = [_value(figure) for _, figure in sure]
    out, more = [], []
    for n, (i, figure) in enumerate(sure):
        total, k = 0.0, n - 1
        while k >= 0 and (k == n - 1 or values[k] >= values[k + 1]):
            total += values[k]
            if _sums_exactly(figure, total, max(_places(f) for _, f in sure[k:n])):
                more.append((i, figure))
                break
            k -= 1
        else:
            out.append((i, figure))
    return out, sorted([*doubt, *more])


def _lone_text_then_figure(boxes: list[tuple[str, str, int]], taken: set[int], i: int) -> bool:
    """After the amount at ``i`` and its right cells (契約方式, 入札者数, 落札率, 「-」) stand one text box and then a
    figure (「- | name | name | 1,393 | 随意契約 (少額) | - | 業務概要 | 938」): the next row's 業務概要 and amount with no
    name, which may be the second text box before this amount."""
    rest = [j for j in range(i + 1, len(boxes)) if j not in taken]
    k = 0
    while k < len(rest) and boxes[rest[k]][0] in (*_ROW_END, "int"):
        k += 1
    kinds = [boxes[j][0] for j in rest[k:k + 2]]
    return kinds[:1] == ["text"] and kinds[1:2] in (["number"], ["int"])


def _names_after(boxes: list[tuple[str, str, int]], taken: set[int], i: int) -> bool:
    """After the amount at ``i`` and its right cells (契約方式, 入札者数, 落札率, 「-」) stand two text boxes or more and
    then a 法人番号 (「name | 業務概要 | 7,600 | 随意契約 (少額) | - | name | name | 法人番号」): the next row's name and
    one more, which may be this row's name written after its cells (the text box before the amount then the row
    before's, written after its own cells)."""
    texts = 0
    cells = True  # (still among the amount's right cells; the boxes after ``i`` not taken, walked to the first
    # that decides: not listed to the end)
    for j in range(i + 1, len(boxes)):
        if j in taken:
            continue
        kind = boxes[j][0]
        if cells and kind in _RIGHT_OR_INT:
            continue
        cells = False
        if kind != "text":
            return texts >= 2 and kind in _ANCHOR
        texts += 1
    return False


_RIGHT_OR_INT = (*_ROW_END, "int")


def _cells_before(boxes: list[tuple[str, str, int]], taken: set[int], used: set[int], i: int,
                  raw: list[str] | None, rank: int | None = None) -> dict | None:
    """The cells of a row placed by its amount alone (box ``i``), when its name and 業務概要 are the two text boxes
    right before the amount (or before the 業務概要 box the amount ends), right after a 「-」 that follows no text box
    or anchor (「- | - | name | 業務概要 | 22,405 | 随意契約 (少額)」: a payee without a 法人番号, its 「-」 written
    before its name), none of them any anchored row's (its name or first text box after it): name, 業務概要, amount,
    and the 契約方式 right after the amount (not one of a run of 契約方式, whose row is not established); else None.
    Not when a text box follows the amount (「- | name | name | 24 | 業務概要 | 22 | 業務概要」: two rows' names, then each
    row's amount and 業務概要) or, after its right cells, one text box and a figure (``_lone_text_then_figure``) or two
    text boxes and a 法人番号 (``_names_after``), nor when a figure stands before the 「-」 boxes (``_figure_before_dashes``).
    """
    kind, text, _ = boxes[i]
    texts = [j for j in (i - 2, i - 1) if j >= 0]
    three = _desc_amount_contract(kind, text)
    if kind == "text":  # (「業務概要 22,405」: the amount run into its 業務概要's box)
        texts, (desc, amount) = [i - 1, i], text.rsplit(" ", 1)
    elif three:  # (「業務概要 22,405 その他 -」: the three cells run together)
        texts, (desc, amount, _) = [i - 1, i], three
    elif both := _amount_contract(kind, text):
        amount, desc = both[0], None
    else:
        amount, desc = text, None
    before = texts[0] - 1 if texts else -1
    if len(texts) != 2 or any(j in taken or j in used or (boxes[j][0] != "text" and not (j == i and three))
                              for j in texts) \
            or before < 1 or before in used or not is_dash(boxes[before][1]) \
            or (before - 1 not in taken and boxes[before - 1][0] in ("text", "mixed", *_ANCHOR)) \
            or _after_right_cells(boxes, taken, used, before) \
            or (i + 1 < len(boxes) and boxes[i + 1][0] == "text") or _lone_text_then_figure(boxes, taken, i) \
            or _names_after(boxes, taken, i) or _figure_before_dashes(boxes, taken, before) \
            or (rank is not None and before - 1 in taken and boxes[before - 1][0] == "int" and before - 2 not in taken
                and int(boxes[before - 1][1]) != rank):
        return None  # (the last: 「130 | 随意契約 | - | 1 | - | name | 業務概要 | 98」, a rank written alone right before the
        # 「-」 and name of its row, another rank's than the one the amount placed: the name is rank 1's, 98 rank 2's)
    name = _raw_joined(raw, boxes[texts[0]][2], boxes[texts[0]][1])
    desc = desc if desc is not None else boxes[texts[1]][1]
    if _kind(desc) != "text" or _kind(name) != "text":
        return None
    contract = three[2] if three else both[1] if kind == "mixed" and (both := _amount_contract(kind, text)) else None
    after = [boxes[j][0] for j in range(i + 1, min(i + 3, len(boxes)))]
    if contract is None and after[:1] == ["contract"] and after[1:2] != ["contract"]:
        contract = (_CONTRACT.match(_raw_joined(raw, boxes[i + 1][2], boxes[i + 1][1])) or _CONTRACT.match(boxes[i + 1][1]))[1]
    return {"name": name, "corporate_number": None, "description": desc, "amount": amount,
            "contract_method": contract}


def _figure_before_dashes(boxes: list[tuple[str, str, int]], taken: set[int], at: int) -> bool:
    """A figure (no run box) stands right before the 「-」 boxes that end at ``at`` (「0 | - | - | - | name | 業務概要 |
    1.4 その他」): the row of the name after them may have been written amount first, that figure its amount — the
    figure after its 業務概要 then the next row's (rv1321: B4's 0, then C1's 1.4)."""
    j = at
    while j >= 0 and j not in taken and boxes[j][0] == "dash":
        j -= 1
    return j >= 0 and j not in taken and boxes[j][0] in ("int", "number")


def _after_right_cells(boxes: list[tuple[str, str, int]], taken: set[int], used: set[int], at: int) -> bool:
    """The 「-」 at ``at`` ends the right cells of a row anchored with no name before its anchor (「法人番号 | 業務概要 |
    15,649 | 随意契約 (公募) | 4 | - | -」, back to a figure or a 契約方式 over 「-」 boxes, none of them the run's,
    to the row's anchor, one of ``used``): a 落札率's or 理由's blank, not a payee's 「-」 for no 法人番号, and the name
    after it may be that row's, written after its cells."""
    j = at - 1
    while j >= 0 and j not in taken and boxes[j][0] == "dash":
        j -= 1
    if j < 0 or j in taken or boxes[j][0] not in ("contract", "int", "number", "rate"):
        return False
    while j >= 0 and j not in taken and not (j in used and boxes[j][0] in ("corp", "namecorp", "dash")):
        j -= 1
    return j >= 0 and j not in taken and (j == 0 or j - 1 in taken or boxes[j - 1][0] != "text")


# the choices of doubtful figures tried (more: the amounts are not established)
_CHOICES_MAX = 200


def _placed_at(boxes: list[tuple[str, str, int]], taken: set[int], order: list[tuple[str, int]], anchors: list[int],
               rows: list[PayeeRow], spans: list[list[int]], amounts: list[tuple[int, str]]) -> list[PayeeRow] | None:
    """``_by_amounts`` for one list of the amounts (box index, figure), as many as the ranks; None when they do not
    place the rows."""
    last: dict[str, float] = {}
    for (block, _), (_, figure) in zip(order, amounts, strict=True):
        if _value(figure) > last.get(block, _value(figure)):
            return None
        last[block] = _value(figure)
    if _total_as_amount(order, amounts):
        return None
    at = {i: n for n, (i, _) in enumerate(amounts)}
    placed: dict[int, PayeeRow] = {}
    for r, span, a in zip(rows, spans, anchors, strict=True):
        if r.cells.get("amount") is None:
            continue  # (its amount may stand in another row's boxes: the row is not placed)
        mine = [at[i] for i in (a, *span) if i in at]  # (the first: the row's own, when its cells read as one row's —
        # its anchor's box may hold it, 「法人番号 業務概要 5,790」; later ones stand after its cells, those of rows with
        # no anchor written after it)
        if not mine or mine[0] in placed \
                or parse_number(r.cells["amount"]).value != _value(amounts[mine[0]][1]):
            return None
        placed[mine[0]] = r
    placed.update(_sandwiched(boxes, anchors, rows, placed, amounts))
    for n in _out_of_anchor_order(rows, placed):
        del placed[n]  # (its amount stays its rank's; the row's other cells are not placed)
    rest = [i for i in range(len(boxes)) if i not in taken]
    where = {i: n for n, i in enumerate(rest)}
    at_anchor = {a: n for n, r in placed.items() for a, row in zip(anchors, rows, strict=True) if row is r}
    heads = set(anchors)

    def texts_after(i: int) -> tuple[int, int | None]:
        """The text boxes (no anchor) after box ``i``'s right cells (契約方式, 入札者数, 落札率, 「-」), and the box
        after them."""
        j = where[i] + 1
        while j < len(rest) and boxes[rest[j]][0] in ("contract", "int", "rate", "dash"):
            j += 1
        texts = 0
        while j < len(rest) and boxes[rest[j]][0] == "text" and rest[j] not in heads:
            texts, j = texts + 1, j + 1
        return texts, rest[j] if j < len(rest) else None
    nameless: set[int] = set()  # the ranks of anchored rows whose name may be an unanchored row's
    unplaced: set[int] = set()  # the ranks of anchored rows whose amount may be the next row's
    for n, (i, _) in enumerate(amounts):
        if n in placed or boxes[i][0] == "text" or (where[i] and _desc_box(boxes[rest[where[i] - 1]])):
            continue  # (an amount after its 業務概要, maybe in its 法人番号's box)
        texts, stop = texts_after(i)
        if texts < 2 and at_anchor.get(stop) == n + 1:
            again, stop_again = texts_after(amounts[n + 1][0])
            if again >= 2:
                return None  # (「amount | 契約方式 | name | 法人番号 | 業務概要 | amount | 契約方式 | name | 業務概要」)
            if again == 0 and stop_again in heads and boxes[stop_again][0] == "corp":
                unplaced.add(n + 1)  # (「15 | 契約方式 | name | 法人番号 | 業務概要 | 7.4 | 契約方式 | 4 | 57% | 法人番号 | name
                # | 業務概要」: the next row's name written after its number, the amount after the anchored row's cells may
                # be that next row's, written before its anchor, as 15 may be the anchored row's: its cells are not placed)
        j, texts = where[i] + 1, 0  # its row's cells up to the next anchor: fewer than three text boxes (its name,
        while j < len(rest) and rest[j] not in heads and boxes[rest[j]][0] in ("text", *_ROW_END, "int"):
            texts, j = texts + (boxes[rest[j]][0] == "text"), j + 1  # its 業務概要 and the anchored row's name)
        if j < len(rest) and rest[j] in at_anchor and texts < 3 and boxes[rest[j]][0] != "namecorp":
            nameless.add(at_anchor[rest[j]])  # (「2,703 | 業務概要 | … | name | 法人番号 | …」: the name may be its)
    for n in unplaced:
        placed.pop(n, None)
    return [PayeeRow(*order[n], ({**placed[n].cells, "name": None} if n in nameless else placed[n].cells)
                     if n in placed else {"amount": figure}, placed[n].line if n in placed else boxes[i][2], False)
            for n, (i, figure) in enumerate(amounts)]


def _desc_box(box: tuple[str, str, int]) -> bool:
    """A text box (a 業務概要 maybe), or a 法人番号 box with the 業務概要 run into it (「4000020030007 機器の賃貸借」)."""
    return box[0] == "text" or (box[0] == "corp" and _CORP_HEAD.match(box[1])[2] is not None)


def _out_of_anchor_order(rows: list[PayeeRow], placed: dict[int, PayeeRow]) -> list[int]:
    """The rank positions of placed rows (position → row) that break the order of their anchors (``rows``, one per
    anchor in the text's order): each must stand at a position no earlier than the count of anchors before it, and
    after the placed rows before it. (「name | name | - | - | name 法人番号 | 業務概要 5.4」: two rows' 「-」 stand
    before that 法人番号, so its row is the third at the earliest, not the first that the 5.4 after it would make it.)"""
    at = {id(r): n for n, r in placed.items()}
    last, out = -1, []
    for k, r in enumerate(rows):
        n = at.get(id(r))
        if n is None:
            continue
        if n < k or n <= last:
            out.append(n)
            continue
        last = n
    return out


def _sandwiched(boxes: list[tuple[str, str, int]], anchors: list[int], rows: list[PayeeRow], placed: dict[int, PayeeRow],
                amounts: list[tuple[int, str]]) -> dict[int, PayeeRow]:
    """The rows ``_placed_at`` did not place (no amount of their own read) that stand, in the text's order, between
    two rows it placed (or the section's start or end) as many as the ranks between those two, each anchored at a
    法人番号 (a 「-」 may anchor no row): in order, at those ranks, with their name and 法人番号 and the rank's amount.
    None of them ({}) when the placed rows do not stand in rank order."""
    at = {id(r): n for n, r in placed.items()}
    marks = [(-1, -1)] + [(k, at[id(r)]) for k, r in enumerate(rows) if id(r) in at] + [(len(rows), len(amounts))]
    if any(b[1] <= a[1] for a, b in zip(marks, marks[1:], strict=False)):
        return {}
    out: dict[int, PayeeRow] = {}
    for (k0, n0), (k1, n1) in zip(marks, marks[1:], strict=False):
        if k1 - k0 == n1 - n0 > 1 and all(boxes[anchors[k]][0] in _ANCHOR for k in range(k0 + 1, k1)):
            for k, n in zip(range(k0 + 1, k1), range(n0 + 1, n1), strict=True):
                r = rows[k]
                out[n] = r._replace(cells={"name": r.cells.get("name"), "corporate_number": r.cells.get("corporate_number"),
                                           "amount": amounts[n][1]})
    return out


def _total_as_amount(order: list[tuple[str, int]], amounts: list[tuple[int, str]]) -> bool:
    """A block's first amount is the one before it again, the block before having one rank (「269 | … | 269 | … | 255
    | … | 255」): a one-row block's 計 is its amount printed twice, and the second may be counted as the next
    block's row — every amount after it a rank off."""
    return any(order[k][1] == 1 and order[k - 1][1] == 1 and _value(amounts[k][1]) == _value(amounts[k - 1][1])
               for k in range(1, len(order)))


def _rank_before_letter(boxes: list[tuple[str, str, int]], taken: set[int], order: list[tuple[str, int]]) -> bool:
    """A number that is not taken as a rank stands right before a block's letter and is the block before's next
    rank (「… | 9 | B | 1 | 2」 when the run gave that block 8 ranks): the block's rank count is not established."""
    return any(number == count + 1 for _, count, number, _, _ in _numbers_before_letters(boxes, taken, order))


def _amount_values(seg: list[tuple[str, str, int]]) -> list[str]:
    """The amounts a row's boxes hold, in order: a figure at the start of the boxes or right after a text box (a
    業務概要) or another such figure (amounts of several rows written as a column run), the figure a 業務概要 box ends
    in, the amount of an amount-and-契約方式 box. A figure after a 契約方式, a 「-」 or a 落札率 is none (入札者数, a
    block's 計 after the row's trailing cells), and so is one right after the 業務概要 of a row whose amount came
    first (「0.3 | 業務概要 | 7 | 契約方式」: the 7 is an 入札者数; 「業務概要 | 2,097 | 業務概要 | 842」 are two rows')."""
    out: list[str] = []
    prev = "text"
    texts = 0  # text boxes so far
    amount_first = False  # the boxes start with an amount, and its 業務概要 is the one text box since
    cut = ""  # a figure cut at the end of a 業務概要 box (「視察(旅費の支払) 26,05」): the next box is its rest
    for kind, text, _ in seg:
        if cut:
            if kind not in ("int", "number") or not _NUMBER.match(cut + text) \
                    or not re.fullmatch(r"[\d,]*,\d{3}", cut + text):
                return []  # (its rest elsewhere: no figure of these boxes is known to be an amount)
            out.append(cut + text)
            cut, prev = "", "amount"
            continue
        if kind == "text" and " " in text and _CUT_FIGURE.match(text.rsplit(" ", 1)[1]):
            cut, texts = text.rsplit(" ", 1)[1], texts + 1
            continue
        if kind in ("int", "number") and (prev == "amount" or (prev == "text" and not amount_first)):
            amount_first = amount_first or (not out and texts == 0)
            out.append(text)
            prev = "amount"
            continue
        texts += kind == "text"
        amount_first = amount_first and texts <= 1 and kind == "text"
        if kind == "text" and _ends_in_amount(text):
            out.append(text.rsplit(" ", 1)[1])
            prev = "amount"
        elif both := _amount_contract(kind, text):
            out.append(both[0])
            prev = "contract"
        else:
            prev = kind
    return out


# the cells of a doubted row taken when its amount is its own: 入札者数 and 落札率 (short figures written apart from
# their rows, after the next row's anchor) are not, unless the row before's own stand in its boxes (_RIGHT)
_OWN = ("description", "amount", "contract_method")
_RIGHT = ("bidders", "award_rate")
_RATED = re.compile(r"(?:一般競争|指名競争)契約")  # the 契約方式 with a 落札率 (and an 入札者数)
_COUNTED = re.compile(r"(?:随意契約 ?\()?(?:企画競争|公募)")  # with an 応募者数 only


def _pooled_amounts(rows: list[PayeeRow], segs: list[list[tuple[str, str, int]]],
                    doubted: list[dict | None], led: set[str] = frozenset()) -> list[PayeeRow]:
    """Each block's amounts read from all its rows' boxes at once, for the rows whose own boxes did not give one
    (pdfminer.six writes the amounts of rows whose cells are short as one column run after the last of them:
    「業務概要 | 業務概要 | 業務概要 63 | 52 | 20」): the block's figures in order are its rows' amounts in rank order
    when there are as many as rows — the i-th written no earlier than the i-th row's anchor —, or one more whose
    last is their sum (the block's 計). Kept only when they agree with every amount the rows' own boxes gave;
    ``checked_by_amounts`` then asks that they fall down the ranks. When every row's amount is in its own boxes, no
    row's cells stand in the next row's boxes: a row's cells left out for that doubt (``doubted``) are its own
    when they hold that amount (its 業務概要 and 契約方式; its 入札者数 and 落札率 only when the row before's boxes end in
    its own right cells and these fit the row's 契約方式, ``_right_cells_own``). The blocks in ``led`` have a
    figure written before their first row: their amounts are not pooled."""
    out = list(rows)
    for block in dict.fromkeys(r.block for r in rows):
        idx = [k for k, r in enumerate(rows) if r.block == block]
        if all(rows[k].cells.get("amount") is not None for k in idx):
            continue
        if all(rows[k].cells.get("amount") is not None or (doubted[k] or {}).get("amount") is not None for k in idx):
            for k in idx:  # one amount in each row's own boxes: no row's cells stand in another's
                if doubted[k]:
                    r = rows[k]
                    mine = _taken_back(segs, doubted[k], k)
                    out[k] = PayeeRow(r.block, r.rank, {**r.cells, **{c: doubted[k][c] for c in mine}}, r.line, r.guessed)
            continue
        if any(_figure_before_method(segs[k]) for k in idx[:-1]):  # (after the block's last row: the next block's?)
            continue
        if block in led:  # (its first row's amount may stand before its anchor, not in the rows' boxes: pooled, each
            continue      # row would take the next one's)
        values: list[tuple[str, int]] = [(v, n) for n, k in enumerate(idx) for v in _amount_values(segs[k])]
        if len(values) == len(idx) + 1 and is_total_of(values[-1][0], [v for v, _ in values[:-1]]):
            values.pop()  # the block's 計
        if len(values) != len(idx) or any(n < i for i, (_, n) in enumerate(values)):
            continue
        if any(rows[k].cells.get("amount") is not None and parse_number(rows[k].cells["amount"]).value != parse_number(v).value
               for k, (v, _) in zip(idx, values, strict=True)):
            continue
        own = all(n == i for i, (_, n) in enumerate(values))
        for k, (v, _) in zip(idx, values, strict=True):
            r, mine = rows[k], doubted[k]
            if own and mine and parse_number(mine["amount"] or "").value == parse_number(v).value:
                out[k] = PayeeRow(r.block, r.rank, {**r.cells, **{c: mine[c] for c in _taken_back(segs, mine, k)}},
                                  r.line, r.guessed)
            elif r.cells.get("amount") is None:
                out[k] = PayeeRow(r.block, r.rank, {**r.cells, "amount": v}, r.line, r.guessed)
    return out


def _taken_back(segs: list[list[tuple[str, str, int]]], cells: dict, k: int) -> tuple[str, ...]:
    """The cells of the doubted row ``k`` (``cells``, read from its own boxes) taken back once its amount is
    established as its own: _OWN, and _RIGHT too when the row before's boxes end in its own right cells and this row's
    fit its 契約方式 (``_right_cells_own``, ``_right_cells_fit``)."""
    return _OWN + _RIGHT if k and _right_cells_own(segs[k - 1]) and _right_cells_fit(cells) else _OWN


def _right_cells_own(seg: list[tuple[str, str, int]]) -> bool:
    """A row's boxes (``seg``) end in its own right cells: after its 契約方式, an 入札者数 then a 落札率 (一般競争・指名競争),
    an 入札者数 then a 「-」 (企画競争・公募: 応募者数, no 落札率) or two 「-」 (the other methods, neither), and nothing
    else but 「-」 — the shapes its 契約方式 asks for. A row's 入札者数 and 落札率 that pdfminer.six writes late stand after
    the next row's 契約方式 (「随意契約 (企画競争) | name | 法人番号 | … | 随意契約 (少額) | 1 | - | - | -」: the 1 the first
    row's): the cells after a 契約方式 that asks for none are not the row's own."""
    at = next((j for j, (k, _, _) in enumerate(seg) if k == "contract"), None)
    if at is None:
        return False
    kinds = [k for k, _, _ in seg[at + 1:]]
    if len(kinds) < 2 or any(k not in ("int", "rate", "dash") for k in kinds) or "int" in kinds[2:] or "rate" in kinds[2:]:
        return False
    method = seg[at][1]
    if _RATED.match(method):
        return kinds[:2] == ["int", "rate"]
    if _COUNTED.match(method):
        return kinds[:2] == ["int", "dash"]
    return kinds[:2] == ["dash", "dash"]


def _asks(method: str) -> tuple[str, str] | None:
    """The kinds of the first two right cells a 契約方式 asks for (``_right_cells_own``), None when it asks for no
    入札者数."""
    return ("int", "rate") if _RATED.match(method) else ("int", "dash") if _COUNTED.match(method) else None


def _late_right_cells(rows: list[PayeeRow], segs: list[list[tuple[str, str, int]]]) -> list[PayeeRow]:
    """``rows`` with the 入札者数 (and 落札率) of a row whose boxes end at its 契約方式 read from the next row's boxes,
    when that row's 契約方式 asks for none and the cells after it are one 入札者数 (and 落札率) in the shapes this row's
    asks for, then 「-」 only (「随意契約 (企画競争) | name | 法人番号 | 業務概要 | 7,919 | 随意契約 (少額) | 1 | - | - | -」:
    pdfminer.six wrote the first row's right cells after the next row's 契約方式). Only within a block whose rows all
    have their amounts (no figure there is a row's amount written late), and when the row before's boxes end in its
    own right cells or its 契約方式 asks for none (its late 入札者数 is not the one there)."""
    out = list(rows)
    for k in range(1, len(rows) - 1):
        r, nxt = rows[k], rows[k + 1]
        seg, after = segs[k], _from_contract(segs[k + 1])
        if r.block != nxt.block or not seg or seg[-1][0] != "contract" or not after \
                or any(c.cells.get("amount") is None for c in rows if c.block == r.block) \
                or any(c.get(f) is not None for c in (r.cells, nxt.cells) for f in _RIGHT):
            continue
        shape = _asks(seg[-1][1])
        before = _from_contract(segs[k - 1])
        kinds = [b[0] for b in after[1:]]
        if shape is None or _asks(after[0][1]) is not None or tuple(kinds[:2]) != shape \
                or any(x != "dash" for x in kinds[2:]) or r.cells.get("contract_method") is None \
                or not (_right_cells_own(segs[k - 1]) or (before and _asks(before[0][1]) is None)):
            continue
        cells = {"bidders": after[1][1], "award_rate": _RATE.match(after[2][1])[1] if shape[1] == "rate" else None}
        out[k] = r._replace(cells={**r.cells, **cells})
    return out


def _dashes_over(seg: list[tuple[str, str, int]], before: list[tuple[str, str, int]]) -> bool:
    """A row's boxes hold more right cells than one row's, but the extra are 「-」 only: after its 契約方式 the 入札者数
    (and 落札率) it asks for, then 「-」 only (「随意契約 (企画競争) | 1 | - | - | - | -」), and the row before's boxes end
    in its own right cells or its 契約方式 asks for none — no other row's 入札者数 there: the figure is the row's own."""
    after = _from_contract(seg)
    shape = _asks(after[0][1]) if after else None
    kinds = [b[0] for b in after[1:]]
    previous = _from_contract(before)
    return shape is not None and tuple(kinds[:2]) == shape and all(x == "dash" for x in kinds[2:]) \
        and (_right_cells_own(before) or (bool(previous) and _asks(previous[0][1]) is None))


def _right_cells_fit(cells: dict) -> bool:
    """A row's 入札者数 and 落札率 as its 契約方式 asks for them (``_right_cells_own``'s shapes)."""
    method = cells.get("contract_method") or ""
    if _RATED.match(method):
        return cells.get("bidders") is not None and cells.get("award_rate") is not None
    if _COUNTED.match(method):
        return cells.get("bidders") is not None and cells.get("award_rate") is None
    return False


def _figure_before_method(seg: list[tuple[str, str, int]]) -> bool:
    """A figure after a 「-」, a 落札率 or a 契約方式, right before a 契約方式 that a figure follows (「60 | - | 32 | 随意契約
    (公募) | 1」: the 1 is that 契約方式's 入札者数, so the 32 is no 入札者数 of it but the amount of a row whose cells
    pdfminer.six wrote here); ``_amount_values`` counts no such figure, so the block's figures read in order may be
    short of one amount and the others a place off."""
    return any(kind in ("int", "number") and 0 < j < len(seg) - 2 and seg[j - 1][0] in ("dash", "rate", "contract")
               and seg[j + 1][0] == "contract" and seg[j + 2][0] in ("int", "number")
               and seg[j + 1][2] != seg[j + 2][2]  # (not a 契約方式 and its 入札者数 written in one box, 「随意契約 (公募) 4」)
               for j, (kind, _, _) in enumerate(seg))


def _right_cells(seg: list[tuple[str, str, int]]) -> int:
    """The cells right of the amount a row's boxes hold (契約方式, 入札者数, 落札率, 理由: a row has 4; each 「-」 of a
    dash box is one)."""
    return sum(len(re.findall(r"[-－―]", t)) if k == "dash" else 1 if k in ("contract", "int", "rate") else 0
               for k, t, _ in seg)


def _from_contract(seg: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """A row's boxes from its 契約方式 on (none when it has none)."""
    at = next((j for j, (k, _, _) in enumerate(seg) if k == "contract"), len(seg))
    return seg[at:]


def _same(a: dict, b: dict) -> bool:
    """Two readings of one row agree: name (but for spaces: a wrap's, 「株式会 社」), 法人番号 and amount alike
    wherever both give them."""
    for cell in ("name", "corporate_number", "amount"):
        x, y = a.get(cell), b.get(cell)
        if x is None or y is None:
            continue
        if cell == "name":
            x, y = x.replace(" ", ""), y.replace(" ", "")
        if cell == "amount":
            x, y = parse_number(x).value, parse_number(y).value
            if x is None or y is None:
                continue
        if x != y:
            return False
    return True


def with_boxes(rows: list[PayeeRow], boxed: list[PayeeRow], notes: list, lo: int) -> list[PayeeRow]:
    """The rows another reader gave (``rows``) with this reader's (``boxed``, every rank of every block): a row both
    give alike is kept as ``rows`` has it, one only this reader gives is added when its block passes
    ``checked_by_amounts``, and a row they give otherwise — at one (block, rank) another payee or amount, or one
    法人番号 at two places — is unknown in both, with a note."""
    checked = {(r.block, r.rank) for r in checked_by_amounts(boxed, [])}
    mine = {(r.block, r.rank): r for r in boxed}
    theirs = {(r.block, r.rank): r for r in rows}
    bad = {k for k in mine.keys() & theirs.keys() if not _same(mine[k].cells, theirs[k].cells)}
    bad |= _placed_apart(mine, theirs)
    if bad:
        notes.append((lo, f"支出先上位10者リスト: rows {sorted(bad)} read otherwise by the box reader and the other "
                          "readers: those payees are unknown"))
    out = [r for k, r in theirs.items() if k not in bad]
    out += [r for k, r in mine.items() if k not in bad and k not in theirs and k in checked]
    return sorted(out, key=lambda r: (r.block, r.rank))


def _placed_apart(mine: dict[tuple, PayeeRow], theirs: dict[tuple, PayeeRow]) -> set[tuple]:
    """The places of a 法人番号 (13 digits; a 「-」 is none) given at more than one place, unless both readers give
    it at the same places (a payee of two blocks or ranks as both read it): one row read at two places, or a reader's
    misreading (the same payee twice, the amounts another's)."""
    places: dict[str, tuple[set, set]] = {}
    for side, rows in enumerate((mine, theirs)):
        for key, r in rows.items():
            number = r.cells.get("corporate_number") or ""
            if houjin.DIGITS13.fullmatch(number):
                places.setdefault(number, (set(), set()))[side].add(key)
    return {k for m, t in places.values() if len(m | t) > 1 and m != t for k in m | t}
