"""支出先上位10者リスト read from pdfminer.six's boxes (kg.extract.payee_boxes): blocks whose rows the boxes show
counted a figure or a row off — a small amount that may be another cell's figure (``small_amounts_outnumbered``), a
rank written right before a row that was counted to another (``ranks_contradicted``).

A row's amount of one or two digits (「3」) is also the shape of an 入札者数 or a rank. pdfminer.six writes a row's
amount before its row's anchor at times (「業務概要 | 87 | 81 | 随意契約 | 随意契約 | name | 法人番号 | 業務概要 | 3 | 5」:
the row before holds both amounts, this row's boxes only the 入札者数 of the rows above), or a rank right after a
法人番号 (「1 | name | 法人番号 | 2 | name | - | 22,635」: the 2 the next rank, the amount after the next name). The
rows are then counted or fitted one figure off: each takes an 入札者数 or a rank for its amount, or the next row's
amount, and the amounts still fall down the block. What gives it away is a figure among the block's boxes that no
row took and that is larger than such a small amount: a row's amount left over (an 入札者数 larger than it is as
likely, so this leaves some right blocks unknown too — unknown beats wrong).

pdfminer.six writes a block's ranks as a run somewhere among its rows, or one alone right before its row's name
(「- | 5 | 千葉市 | 6000020121002」). Such a lone rank is the row's rank: when the counting of the anchors gave that row
another, a row was read where none is or one was not read, and the rows counted after it carry their neighbours'
cells.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.payee_rows_text import PayeeRow
from kg.normalize.numbers import parse_number

_CORP13 = re.compile(r"\d{13}")  # a row's 法人番号 (a 「-」 or nothing when it has none)
_SMALL = re.compile(r"^\d{1,2}$")  # an amount of the shape of an 入札者数 or a rank
_FIGURE = ("int", "number")  # kg.extract.payee_boxes' kinds of a box that is one figure


def small_amounts_outnumbered(boxes: list[tuple[str, str, int]], taken: set[int], rows: list[PayeeRow],
                              notes: list) -> list[PayeeRow]:
    """``rows`` without the blocks holding an amount of one or two digits (every row's amount read: else a figure
    left over may be the amount not read) while a figure no 入札者数 could be (three digits or more, or a fraction)
    and larger than it stands among the block's boxes and is no row's amount (module doc). The block's boxes: from
    its first row to the next block's first row or the first 法人番号 or block letter after its last row, whichever
    comes first (by line); never a box of the run (``taken``: the letters and ranks) nor a block's 計 (its amounts'
    sum). Noted."""
    small = {r.block for r in rows if _SMALL.match(r.cells.get("amount") or "")}
    small = {b for b in small if all(r.cells.get("amount") for r in rows if r.block == b)}
    if not small:
        return rows
    blocks = list(dict.fromkeys(r.block for r in rows))
    first = {b: min(r.line for r in rows if r.block == b) for b in blocks}
    out: list[PayeeRow] = []
    for k, block in enumerate(blocks):
        mine = [r for r in rows if r.block == block]
        if block in small:
            end = min(first[blocks[k + 1]] if k + 1 < len(blocks) else 1 << 30,
                      _next_anchor(boxes, max(r.line for r in mine)))
            if _left_over(boxes, taken, rows, mine, first[block], end):
                notes.append((mine[0].line, f"支出先上位10者リスト block {block}: a row's amount of one or two digits "
                                            "while a larger figure of the block is no row's: the rows may be counted a "
                                            "figure off (an 入札者数 or a rank taken for an amount); they are unknown"))
                continue
            if (v := _tens_left_over(boxes, taken, rows, mine, first[block], end)) is not None:
                below = [r for r in mine if parse_number(r.cells["amount"]).value < v and not r.cells.get("amount_doubt")]
                notes.append((below[0].line, f"支出先上位10者リスト block {block}: a row's amount of one digit while "
                                             f"the block's figure {v:g} is no row's: the rows from rank {below[0].rank} "
                                             "on may each hold the next row's amount; they are unknown"))
                mine = [r for r in mine if r not in below]
        out += mine
    return out


def _tens_left_over(boxes: list[tuple[str, str, int]], taken: set[int], rows: list[PayeeRow], mine: list[PayeeRow],
                    start: int, end: int) -> float | None:
    """The largest figure of two digits on a line in [``start``, ``end``) that ``_left_over`` lets pass as an
    入札者数 while a row of ``mine`` holds an amount of one digit: no box of the run, no row's amount, no block's sum,
    and no rank of the block (「10」 written right before its row, out of the run). A row's amount of one digit under
    a figure of two no row took is how the rows read when each took the next row's amount and the last an 入札者数
    (「15 | 12 | 11 | 業務概要 | 3 | 1」 read 11, 3, 1 for 15, 12, 11; 「42 | 機器の賃貸借 | 8」 read 8 for 42): the block's
    amounts fall in rank order, so that figure is a row's below every amount larger than it and the rows holding
    less than it are not proven (an 入札者数 of ten or more leaves right rows unknown: unknown beats wrong)."""
    amounts = [parse_number(r.cells.get("amount") or "").value for r in mine]
    if not any(_SMALL.match(r.cells.get("amount") or "") and len(r.cells["amount"]) == 1
               and not r.cells.get("amount_doubt") for r in mine):  # (a doubted amount is made unknown later)
        return None
    least = min(a for a in amounts if a is not None)
    placed = Counter(parse_number(r.cells.get("amount") or "").value for r in rows)
    sums = _block_sums(rows)
    ranks = max(r.rank for r in mine)
    found = None
    for i, (kind, text, line) in enumerate(boxes):
        if kind != "int" or i in taken or not start <= line < end or len(text) != 2:
            continue
        v = parse_number(text).value
        if placed[v]:
            placed[v] -= 1
        elif v > least and v > ranks and not any(abs(v - t) < 1e-6 for t in sums):
            found = v if found is None else max(found, v)
    return found


def _left_over(boxes: list[tuple[str, str, int]], taken: set[int], rows: list[PayeeRow], mine: list[PayeeRow],
               start: int, end: int) -> bool:
    """A figure box on a line in [``start``, ``end``), no box of the run, that is no row's amount (each amount of
    ``rows`` matched once) nor a block's sum, of no 入札者数's shape and larger than the least amount of one or two
    digits of ``mine`` (a block's rows)."""
    least = min(int(r.cells["amount"]) for r in mine if _SMALL.match(r.cells.get("amount") or ""))
    placed = Counter(parse_number(r.cells.get("amount") or "").value for r in rows)
    sums = _block_sums(rows)
    for i, (kind, text, line) in enumerate(boxes):
        if kind not in _FIGURE or i in taken or not start <= line < end:
            continue
        v = parse_number(text).value
        if v is None:
            continue
        if placed[v]:
            placed[v] -= 1
        elif v > least and (not _SMALL.match(text) or _in_amount_column(boxes, taken, i)) \
                and not any(abs(v - t) < 1e-6 for t in sums):
            return True
    return False


def _in_amount_column(boxes: list[tuple[str, str, int]], taken: set[int], i: int) -> bool:
    """Box ``i`` is one of a column of two or more figures written right before as many 契約方式, one for one
    (「87 | 81 | 随意契約 (その他) | 随意契約 (その他)」): the amounts of rows written as columns (kg.extract.payee_columns
    reads such a column so), not an 入札者数."""
    s = e = i
    while s - 1 >= 0 and s - 1 not in taken and boxes[s - 1][0] in _FIGURE:
        s -= 1
    while e + 1 < len(boxes) and e + 1 not in taken and boxes[e + 1][0] in _FIGURE:
        e += 1
    k = e - s + 1
    after = [b[0] for b in boxes[e + 1:e + 1 + k + 1]]
    return k >= 2 and after[:k] == ["contract"] * k and after[k:] != ["contract"]


def _next_anchor(boxes: list[tuple[str, str, int]], line: int) -> int:
    """The line of the first 法人番号 box (another row's anchor) or block letter after ``line`` (a block's last row):
    the block's boxes end there at the latest (the rows of the blocks after it may be unread)."""
    return next((b[2] for b in boxes if b[2] > line and b[0] in ("corp", "namecorp", "letter")), 1 << 30)


def _block_sums(rows: list[PayeeRow]) -> list[float]:
    """Each block's amounts added up, its 計 as the form prints it (pdfminer.six writes it among the rows' boxes), for
    the blocks whose every amount reads."""
    out = []
    for block in dict.fromkeys(r.block for r in rows):
        parts = [parse_number(r.cells.get("amount") or "").value for r in rows if r.block == block]
        if None not in parts:
            out.append(round(sum(parts), 6))
    return out


def ranks_contradicted(boxes: list[tuple[str, str, int]], taken: set[int], rows: list[PayeeRow],
                       notes: list) -> list[PayeeRow]:
    """``rows`` without the blocks where a rank written alone right before a row's name and anchor (「- | 5 | 千葉市 |
    6000020121002」: a box of the run, after no rank, letter or text — 「職員旅費(職員I) | 10 | 職員旅費(職員J) | - | -」 is
    two names before their two 「-」, the rank between them the second's) is not the rank the row was counted to: a
    row before it was read where none is (the 「-」 after a name written after its row's cells, 「5343757571346 |
    視察(旅費の支払) | 0 | 公益財団法人… | - | - | -」, taken for a payee with no 法人番号) or one not read, and the rows
    after it take their neighbours' names, 法人番号 and 業務概要. Noted."""
    at = {b[2]: i for i, b in enumerate(boxes) if b[0] in ("corp", "namecorp", "dash")}
    wrong: set[str] = set()
    counted = _ranks_counted(boxes, taken)
    for r in rows:
        i = at.get(r.line)
        if i is None or r.block in wrong:
            continue
        k = i - 1 if boxes[i][0] == "namecorp" else i - 2  # (the rank right before the name's box)
        if k < 0 or boxes[k][0] != "int" or (boxes[k + 1][0] != "text" and k + 1 != i) \
                or (k > 0 and (k - 1 in taken or boxes[k - 1][0] == "text")):
            continue
        if k not in taken and (r.rank != counted.get(r.block, 0) or int(boxes[k][1]) != r.rank + 1
                               or boxes[k - 1][0] == "contract"):
            continue  # (not in the run: only the rank after the block's last right before the row counted last,
            # 「随意契約 | 5 | 10 | 岩手県 | 法人番号」 counted rank 9 with ranks 1..9 in the run, says a rank the run left
            # out — the rows were counted to too few ranks; not right after a 契約方式, whose 入札者数 it may be)
        if int(boxes[k][1]) != r.rank:
            wrong.add(r.block)
            notes.append((r.line, f"支出先上位10者リスト block {r.block}: the rank {boxes[k][1]} written right before the "
                                  f"row counted as rank {r.rank}: the rows are counted a row off; they are unknown"))
    return [r for r in rows if r.block not in wrong]


def _ranks_counted(boxes: list[tuple[str, str, int]], taken: set[int]) -> dict[str, int]:
    """{block letter: its last rank in the run} (``taken``: the run's boxes, letters and ranks)."""
    out: dict[str, int] = {}
    letter = ""
    for i in sorted(taken):
        kind, text, _ = boxes[i]
        if kind == "letter":
            letter = text[:1]
        elif kind == "int" and letter:
            out[letter] = max(out.get(letter, 0), int(text))
    return out


def header_figures_unplaced(boxes: list[tuple[str, str, int]], taken: set[int], heads: list[int],
                            rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` without the blocks read after a block's header whose figure written right after that header is no
    row's amount. pdfminer.six writes a block's first row's amount (and its 契約方式's 「-」s) right after the header,
    before the row's name and 法人番号 (「(支出額10億円以上) | 846 | - | -- | 地方公共団体情報システム機構 |
    8725162049967」; ``heads``: the lines of the first box after each header). When no row holds that figure, the
    rows after it were fitted to the amounts and anchors one off (the row's name taken into the block before, each
    row the next one's amount); when only rows so left unknown hold it, the amounts moved across the blocks (「46,306」
    no row's, D1 taking E1's 「50,891」 written after E's header). The blocks of the first row on or after such a
    header (read before the next header's first box: else the figure's block was read by another reader) and of
    every row up to the next header are unknown — unless the figure is no row's and that first row is its block's
    first and holds no amount (its amount left unread, nothing fitted to the figure: 「201 | その他 | - | -- | 法人番号
    | name | 業務概要 | 149 | 随意契約」, the 149 maybe the next row's). A figure of one or two digits is left alone (a
    rank's or an 入札者数's shape: the figure written there may be the row before's).

    A row with a name and no 法人番号 written before the header (since the header before it) that holds the figure, no row after
    the header holding it nor of its block (a block printed across a page, its header again on the next: the rows
    under it are its rest), was read across the header (「業務概要's wrapped rest | - | -- | header | 3.6 | 随意契約」:
    the rest and its dashes taken for a payee with no 法人番号, the next block's first amount for its amount): its
    block is unknown, and so are the rows under the header. Noted."""
    if not heads or not rows:
        return rows
    at = {b[2]: (i, b) for i, b in reversed(list(enumerate(boxes)))}  # (a line's first box)
    order = sorted(range(len(rows)), key=lambda k: rows[k].line)
    amounts = [parse_number(r.cells.get("amount") or "").value for r in rows]
    wrong: dict[str, int] = {}
    for n, line in enumerate(heads):
        i, box = at.get(line, (None, None))
        if box is None or i in taken or box[0] not in _FIGURE or _SMALL.match(box[1]):
            continue
        v = parse_number(box[1]).value
        held = [k for k, a in enumerate(amounts) if v is not None and a is not None and abs(a - v) < 1e-6]
        end = heads[n + 1] if n + 1 < len(heads) else 1 << 30
        under = {r.block for r in rows if line <= r.line <= end}
        if held and all(rows[k].line < line for k in held):  # (the figure taken by a row written before the header)
            for k in held:
                if rows[k].line > (heads[n - 1] if n else -1) and rows[k].block not in under \
                        and rows[k].cells.get("name") and not rows[k].cells.get("corporate_number"):
                    wrong.setdefault(rows[k].block, rows[k].line)
        first = next((k for k in order if rows[k].line >= line), None)
        if v is None or first is None or rows[first].line > end:
            continue  # (no row read under the header: the rows of the figure's block were read by another reader)
        holders = {rows[k].block for k in held}
        if holders - set(wrong) or (not holders and amounts[first] is None and rows[first].rank == 1):
            continue  # (a row's amount; or the block's first row with its amount left unread: nothing fitted to it)
        for k in order:
            if k == first or line <= rows[k].line < end:
                wrong.setdefault(rows[k].block, rows[first].line)
    for block, line in wrong.items():
        notes.append((line, f"支出先上位10者リスト block {block}: the figure written right after a block's header is "
                            "no row's amount: the rows may be fitted to the amounts and anchors one off; they are "
                            "unknown"))
    return [r for r in rows if r.block not in wrong]


def listed_name_counted(rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` (counted to the run's ranks in text order) up to the first row whose name is a list of tasks
    (「…に関する調査、…の調査、会議等出席(諸謝金)」: no body's name holds 「、」) with no 法人番号, when a block counted
    after it has amounts rising down its ranks. Such a row is a 業務概要 and the 「-」 of a blank cell after it read as
    a row where none may be; a rise after it shows the count is off (the block's first row took the row before's
    amount), and every row counted from it on may be the row before its own (A's last read as B1, B's as C1, …)
    while most blocks' amounts still fall. A row so named with no rise after it stands (a real row whose name was
    written elsewhere: the name check later leaves the name out). The row right before it in its block, when it has
    no 法人番号 either and its 「-」 is the box right before this row's, goes too: either 「-」 may be the one read as
    a row's anchor where none is. Noted."""
    at = next((n for n, r in enumerate(rows) if "、" in (r.cells.get("name") or "")
               and not r.cells.get("corporate_number")), None)
    if at is None or not _rise_after(rows[at + 1:]):
        return rows
    r = rows[at]
    notes.append((r.line, f"支出先上位10者リスト block {r.block} rank {r.rank}: its name is a list of tasks with no "
                          "法人番号 (a 業務概要 read as a row) and a block after it has amounts rising: the rows counted "
                          "from it on may each be the row before theirs; they are unknown"))
    if at and rows[at - 1].block == r.block and not _CORP13.search(rows[at - 1].cells.get("corporate_number") or "") \
            and r.line - rows[at - 1].line <= 2:
        # (the row before, in the block, with no 法人番号 either and its 「-」 the box right before this row's (the
        # next line but the blank one between boxes), may be the one read where none is: two blank cells' 「-」
        # read as two rows' anchors; 「PricewaterhouseCoopers LLP | … | - | - | JV's name」 gave B1 B2's 9.5)
        notes.append((rows[at - 1].line, f"支出先上位10者リスト block {r.block} rank {rows[at - 1].rank}: a row with no "
                                         "法人番号 right before it may be the one counted where none is; unknown"))
        at -= 1
    return rows[:at]


def _rise_after(rows: list[PayeeRow]) -> bool:
    """A block of ``rows`` whose amounts (those read) rise down its ranks."""
    last: dict[str, float] = {}
    for r in rows:
        v = parse_number(r.cells.get("amount") or "").value
        if v is None:
            continue
        if r.block in last and v > last[r.block]:
            return True
        last[r.block] = v
    return False


# a 契約方式 of the form's choices opening a cell (「随意契約(その他)」, 「随意契約 」 cut before its bracket)
_METHOD_CELL = re.compile(r"^(?:(?:一般競争|指名競争|随意)契約|補助金等?交付|その他$)")
# an amount as the form prints it (its thousands marked): not a 法人番号's wrapped digits (「347137168」)
_FIGURE_CELL = re.compile(r"^[▲△]?(?:\d{1,3}(?:,\d{3})+|\d{1,4})(?:\.\d+)?$")


def header_figure_unheld(cells: list[tuple[str, int, bool]], rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` (any reader's, over the section's ``cells``: text, line, is a header) without the block of the first
    row read under a block's header whose figure written right after that header (「…(支出額10億円以上) | 2.3 | 随意契約
    (その他) | - | 1 | name」: pdfminer.six writes a block's first amount before its rows) is no row's amount: the rows
    were fitted to the amounts one off (each row the next one's amount, the last row's lost). Only a figure with a
    契約方式 right after it, as a row's amount has (not 「14.4 | B.」: a 計 or a cell of the block before); not one of
    one or two digits without a fraction (a rank's or an 入札者数's shape), nor digits no amount is written as (a
    法人番号's wrapped piece, five digits or more unmarked); and not when a row of the block of the first row under
    the header has no amount read (the figure may be its: nothing was fitted to it). The block of that first row is
    unknown. Noted."""
    held = {parse_number(r.cells.get("amount") or "").value for r in rows}
    heads = [n for n, (text, _, header) in enumerate(cells) if header and "10億円以上" in text
             and n + 1 < len(cells) and not cells[n + 1][2]]
    wrong: dict[str, int] = {}
    for k, n in enumerate(heads):
        text, line = cells[n + 1][0], cells[n + 1][1]
        if not _FIGURE_CELL.match(text) or _SMALL.match(text) or parse_number(text).value in held \
                or n + 2 >= len(cells) or not _METHOD_CELL.match(cells[n + 2][0]):
            continue
        end = cells[heads[k + 1]][1] if k + 1 < len(heads) else 1 << 30
        first = min((r for r in rows if line <= r.line < end), key=lambda r: r.line, default=None)
        if first is None or not all(r.cells.get("amount") for r in rows if r.block == first.block):
            continue  # (a row of the block with its amount left unread: the figure may be its, nothing fitted to it)
        wrong.setdefault(first.block, first.line)
    for block, line in wrong.items():
        notes.append((line, f"支出先上位10者リスト block {block}: the figure written right after a block's header is "
                            "no row's amount: the rows may be fitted to the amounts one off; they are unknown"))
    return [r for r in rows if r.block not in wrong]


_RATE_CELL = re.compile(r"^\d{1,3}(?:\.\d+)?%$")


def bidders_shaped_amounts(cells: list[tuple[str, int, bool]], rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` (any reader's, over the section's ``cells``: text, line, is a header) with the amount unknown of the
    first row read after a figure written between two header cells that no row holds (「支出額(百万円) | 189 | 支出先」:
    pdfminer.six wrote a block's amount among its header's cells), when that amount is a number of one or two digits
    written right before a competitive 契約方式 and a 落札率 (「4 | 一般競争契約 (総合評価) | 70.2%」: an 入札者数's
    place): the row's amount may be the figure among the headers, and that number its 入札者数. Noted."""
    held = {parse_number(r.cells.get("amount") or "").value for r in rows}
    out = list(rows)
    for n in range(1, len(cells) - 1):
        text, line, header = cells[n]
        if header or not cells[n - 1][2] or not cells[n + 1][2] or not _FIGURE_CELL.match(text) \
                or _SMALL.match(text) or parse_number(text).value in held:
            continue
        first = min((k for k, r in enumerate(out) if r.line > line), key=lambda k: out[k].line, default=None)
        if first is None or not _SMALL.match(str(out[first].cells.get("amount") or "")):
            continue
        small = str(out[first].cells["amount"])
        until = min((r.line for r in out if r.line > out[first].line), default=1 << 30)  # (the next row's line)
        if not any(t == small and not h and line < ln < until and "競争" in cells[m + 1][0] and not cells[m + 1][2]
                   and _RATE_CELL.match(cells[m + 2][0])
                   for m, (t, ln, h) in enumerate(cells[:-2])):
            continue
        r = out[first]
        notes.append((r.line, f"支出先上位10者リスト block {r.block} rank {r.rank}: its amount {small} stands where an "
                              f"入札者数 does (before a competitive 契約方式 and a 落札率) and the figure {text} written "
                              "among the header's cells is no row's: the amount is unknown"))
        out[first] = r._replace(cells={**r.cells, "amount": None})
    return out
