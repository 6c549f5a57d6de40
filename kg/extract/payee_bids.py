"""入札者数 / 落札率 of paragraph-style payee rows (issue 17): what the text settles after the rows are read.

pdftotext and pdfminer.six write a payee table's cells as paragraphs, and the 入札者数 / 落札率 cells often land
away from their row (after the block's 計, at the end of the table). The row readers (kg.extract.review_text
payee_paragraphs, kg.extract.payee_columns) leave those cells unknown; this module fills only what the text
establishes, as pure functions over the section's paragraph cells and the rows already read:

- at the row: the cells written right after the row's amount + 契約方式 cell (found by its amount and its
  契約方式 text, maybe wrapped), on that cell's line or in the single-cell paragraphs right after it, when that
  run is one row's cells at most (a longer run is a column of other rows' cells; a block's 計 figure ending
  it is not one of them): 入札者数 then 落札率, a percentage alone as 落札率, 「-」「-」. Rows whose amount +
  契約方式 cells read alike (「1 随意契約(公募)」 twice) are settled when all such cells give the same values, or
  else when each row's stretch of text (its rank-and-name cell to the next row's) holds exactly one of them.
- the leftovers: when every row is accounted for (its rank with its name, its 法人番号, its amount + 契約方式
  cell), the cells of 入札者数 / 落札率 shape in no row (a block's 計 figure taken out) are exactly as many as the
  rows still lacking them, and all equal (two 「1」 for two rows), every pairing gives the same values: those
  rows get them. Leftover dashes, a count that differs, or two different values: nothing is assigned.

Before those rules, a row the row readers left without its 契約方式 gets it from the text only where the amount's
cell is next to one (pdfminer.six writes 「3,697」 and 「随意契約(公募)」 as two paragraphs, see
``contracts_by_amount``).

Never assigns a value the row already has; never overwrites; unknown beats wrong.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.payee_columns import _CONTRACT
from kg.extract.payee_rows_text import SMALL, PayeeRow
from kg.extract.payee_runs import _block_figures, block_sums, settle_runs
from kg.extract.review_text import _BIDDERS, _RATE
from kg.normalize.numbers import parse_number
from kg.normalize.text import is_dash

__all__ = ["settle_bids", "contract_tail", "contracts_by_amount"]

_AMOUNT_HEAD = re.compile(r"^([▲△]?\d[\d,]*(?:\.\d+)?)\s*(.*)$")
_CORP13 = re.compile(r"^\d{13}$")


def _squash(text: str) -> str:
    return "".join(text.split())  # (the cells are NFKC already: payee_section_cells, the row readers)


def _small_para(text: str) -> bool:
    words = text.split()
    return bool(words) and all(SMALL.match(w) for w in words)


def contract_tail(texts: list[str], i: int, amount: str, contract: str) -> tuple[list[str], int] | None:
    """The words after the row's amount + 契約方式 cell starting at paragraph ``i``: (the words left on the
    契約方式's last paragraph, index of the paragraph after it), or None when paragraph ``i`` is not that cell
    (its head is not ``amount`` or its text does not spell ``contract``, maybe wrapped over paragraphs)."""
    m = _AMOUNT_HEAD.match(texts[i])
    if not m or m[1] != amount:
        return None
    want = _squash(contract)
    got = ""
    words = m[2].split()
    j = i
    while True:
        while words and len(got) < len(want):
            nxt = got + _squash(words[0])
            if not want.startswith(nxt):
                return None
            got = nxt
            words.pop(0)
        if got == want:
            return words, j + 1
        j += 1  # the 契約方式 wrapped onto the next paragraph
        if j >= len(texts) or not want:
            return None
        words = texts[j].split()


def _at_row(words: list[str], after: list[str]) -> tuple[str | None, str | None, int]:
    """(入札者数, 落札率, paragraphs after the cell used) from the words left on the 契約方式's paragraph and the
    run of single-cell paragraphs of those shapes that follows it (``after``, the whole run); (None, None, 0)
    when they do not settle it. A run longer than the cells the row lacks is a column of other rows' cells."""
    if words and not all(SMALL.match(w) for w in words):
        return None, None, 0
    if len(words) == 2:
        b, r = words
        return (b, r, 0) if _BIDDERS.match(b) and _RATE.match(r) else (None, None, 0)
    if len(words) == 1:
        w = words[0]
        if w.endswith("%"):
            return None, w, 0
        if len(after) == 1 and _BIDDERS.match(w) and _RATE.match(after[0]) and (w == "-") == (after[0] == "-"):
            return w, after[0], 1
        return None, None, 0
    if len(after) == 2 and _BIDDERS.match(after[0]) and _RATE.match(after[1]) \
            and (after[0] == "-") == (after[1] == "-"):
        return after[0], after[1], 2
    if len(after) == 1 and after[0].endswith("%"):
        return None, after[0], 1
    return None, None, 0


def _contract_cell(text: str) -> bool:
    """One 契約方式 cell (its wrapped lines rejoined), maybe with 入札者数 / 落札率 cells after it on its paragraph."""
    words = text.split()
    return bool(words) and bool(_CONTRACT.search(words[0])) and all(SMALL.match(w) for w in words[1:])


def contracts_by_amount(texts: list[str], rows: list[PayeeRow], breaks: frozenset[int] | set[int] = frozenset()
                        ) -> list[PayeeRow]:
    """``rows`` with the 契約方式 of those without one where the text ties it to the row's amount: the amount
    alone on a paragraph, the next paragraph one 契約方式 cell (maybe followed by its 入札者数 / 落札率), and the
    paragraph after that no 契約方式 (else the cell after the amount is the head of a column of 契約方式:
    reportlab's prints read by pdfminer.six write a group of rows' amounts, then their 契約方式 one after another,
    the first not the amount's row's), and the paragraph before it no other row's amount (「162」「151」「補助金等交付」:
    the amounts written as a column, the one 契約方式 after them the first's, the second row's blank). The amount must be written alone as many times as rows have it (once for
    one row: a 入札者数 of that figure makes it unknown), each time so, besides a block's 計 of that figure: right
    after a header cell (``breaks``: those paragraphs) and followed by no 契約方式, or else, when the figure has one
    place more than rows and no row is left unread (``_corps_unread``: else the place may be that row's amount), the
    only place followed by no 契約方式. Rows sharing an amount get a 契約方式 only when all those places give the same."""
    if all(r.cells.get("contract_method") for r in rows):
        return rows
    amounts = Counter(str(r.cells.get("amount")) for r in rows)
    wanted = {str(r.cells.get("amount")) for r in rows if not r.cells.get("contract_method")}
    where: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        if (t[:1].isdigit() or t[:1] in "▲△") and t in wanted:
            where.setdefault(t, []).append(i)
    sums: set[str] | None = None
    found: dict[str, str] = {}
    for amount, at in where.items():
        if sums is None and (len(at) == amounts[amount] + 1 or not breaks.isdisjoint(at)):
            sums = {f"{int(v):,}" for v in block_sums(rows).values() if v == v and v.is_integer()}
        if sums and amount in sums:  # a block's 計 of that figure is one of the places: right after a header cell, or
            total = [i for i in at if i in breaks]  # else the one place followed by no 契約方式 of one more
            if any(i + 1 < len(texts) and _CONTRACT.search(texts[i + 1]) for i in total):
                continue
            if total:
                at = [i for i in at if i not in breaks]
            elif len(at) == amounts[amount] + 1 and not _corps_unread(texts, rows):
                bare = [i for i in at if not (i + 1 < len(texts) and _CONTRACT.search(texts[i + 1]))]
                at = [i for i in at if i not in bare] if len(bare) == 1 else at
        cells = [texts[i + 1] for i in at if i + 1 < len(texts) and _contract_cell(texts[i + 1])
                 and not (i + 2 < len(texts) and _CONTRACT.search(texts[i + 2])) and not (i and texts[i - 1] in amounts)]
        methods = {c.split()[0] for c in cells}
        if len(at) == len(cells) == amounts[amount] and len(methods) == 1:
            found[amount] = methods.pop()
    out = []
    for r in rows:
        method = found.get(str(r.cells.get("amount")))
        out.append(r._replace(cells={**r.cells, "contract_method": method})
                   if method and not r.cells.get("contract_method") else r)
    return out


def settle_bids(cells: list[tuple[str, int, bool]], rows: list[PayeeRow] | None, notes: list | None = None,
                line: int = 0) -> list[PayeeRow] | None:
    """``rows`` with the 契約方式 / 入札者数 / 落札率 the section's paragraph ``cells`` (kg.extract.review_text
    payee_section_cells: text, line, is a header) settle (see the module's doc, then kg.extract.payee_runs); the
    rows unchanged otherwise. ``notes`` gets (``line``, message) when runs of such cells are left unread."""
    texts = [t for t, _, header in cells if not header]  # (payee_section_cells' texts are NFKC already)
    breaks, k = set(), 0  # paragraphs right after a header cell
    for _, _, header in cells:
        if header:
            breaks.add(k)
        else:
            k += 1
    if rows:
        rows = contracts_by_amount(texts, rows, breaks)
    if not rows or all(r.cells.get("bidders") is not None and r.cells.get("award_rate") is not None
                       or not r.cells.get("contract_method") for r in rows):
        return rows  # (a row without its 契約方式 is found by no rule here, nor are the leftovers settled)
    heads: dict[str, list[int]] = {}  # a paragraph's leading number -> where (an amount + 契約方式 cell's head)
    for i, t in enumerate(texts):
        m = _AMOUNT_HEAD.match(t) if t[:1].isdigit() or t[:1] in "▲△" else None
        if m:
            heads.setdefault(m[1], []).append(i)
    used: set[int] = set()  # paragraphs that are a row's cells
    found: dict[int, tuple[str | None, str | None]] = {}  # row index -> settled at the row
    accounted = True
    keys: dict[tuple[str, str], list[int]] = {}
    for n, r in enumerate(rows):
        amount, contract = r.cells.get("amount"), r.cells.get("contract_method")
        if amount is None or not contract:
            accounted = False
            continue
        keys.setdefault((str(amount), contract), []).append(n)
    totals = sum(1 for t, _, _ in cells if t.strip() in ("計", "合計", "小計"))
    figures = _block_figures(rows) if totals else set()
    segments: dict[int, tuple[int, int]] | None = None
    anchors: dict[int, tuple[int, int, list[str]]] = {}  # row index -> its one amount + 契約方式 cell (payee_runs)
    for (amount, contract), members in keys.items():
        at = [(i, got) for i in heads.get(amount, ()) if (got := contract_tail(texts, i, amount, contract))]
        if len(at) == 1 and len(members) == 1:
            anchors[members[0]] = (at[0][0], at[0][1][1], list(at[0][1][0]))
        reads = {}
        for i, (words, j) in at:
            after = []
            while j + len(after) < len(texts) and len(texts[j + len(after)].split()) == 1 \
                    and SMALL.match(texts[j + len(after)]):
                after.append(texts[j + len(after)])
            if j + len(after) < len(texts) and _small_para(texts[j + len(after)]):
                after = after + ["?", "?"]  # the run goes on in a paragraph of several such cells: unbounded
            b, rate, took = _at_row(words, after)
            if b is None and rate is None and after and after[-1] in figures:  # the block's 計 figure ends it
                b, rate, took = _at_row(words, after[:-1])
            reads[i] = (b, rate, range(i, j + took))  # (the words left on the cell's paragraph go with it)
            if words and b is None and rate is None:
                accounted = False  # words on the cell's line not settled: not leftovers either
        if len(at) == len(members) and len({v[:2] for v in reads.values()}) == 1:
            own = dict(zip(members, reads, strict=True))  # every pairing gives the same values
        else:  # each row's cell in its own rows' stretch of text (its rank and name to the next row's)
            own = {}
            if segments is None:
                segments = _segments(texts, rows)
            for n in members:
                lo, hi = segments.get(n, (0, -1))
                inside = [i for i in reads if lo <= i < hi]
                if len(inside) == 1 and inside[0] not in own.values():
                    own[n] = inside[0]
            if len(own) != len(members) or len(at) != len(members):
                own = {}  # a cell of this 契約方式 whose row is not established: none of them is settled
                accounted = False
        for n, i in own.items():
            found[n] = reads[i][:2]
            used.update(reads[i][2])
    out = []
    for n, r in enumerate(rows):
        b, rate = found.get(n, (None, None))
        got = dict(r.cells)
        if got.get("bidders") is None and b is not None:
            got["bidders"] = b
        if got.get("award_rate") is None and rate is not None:
            got["award_rate"] = rate
        out.append(r._replace(cells=got))
    if accounted:
        out = _leftovers(texts, used, out, totals)
    return settle_runs(texts, breaks, out, anchors, notes, line)


def _corps_unread(texts: list[str], rows: list[PayeeRow]) -> bool:
    """The paragraphs hold a 法人番号 no row read has: a row not read, whose amount may be any figure written (so a
    figure written once more than the rows read have it is not shown to be a block's 計)."""
    read = {r.cells.get("corporate_number") for r in rows}
    return any(w not in read for t in texts for w in re.findall(r"(?<!\d)\d{13}(?!\d)", t))


def _segments(texts: list[str], rows: list[PayeeRow]) -> dict[int, tuple[int, int]]:
    """Row index -> (its rank-and-name paragraph, the next row's): the rows' stretches of text, where each row's
    rank and name paragraph is found in order after the previous row's."""
    at: list[tuple[int, int]] = []
    k = 0
    for n, r in enumerate(rows):
        name = _squash(r.cells.get("name") or "")
        hit = next((i for i in range(k, len(texts)) if texts[i].startswith(f"{r.rank} ") and name
                    and name.startswith(_squash(texts[i].split(" ", 2)[1])[:6])), None)
        if hit is None:
            return {}
        at.append((n, hit))
        k = hit + 1
    return {n: (i, at[m + 1][1] if m + 1 < len(at) else len(texts)) for m, (n, i) in enumerate(at)}


def _leftovers(texts: list[str], used: set[int], rows: list[PayeeRow], totals: int) -> list[PayeeRow]:
    """The rule of equal leftovers (the module's doc): ``rows`` with the values every pairing agrees on."""
    corps = [w for t in texts for w in re.findall(r"(?<!\d)\d{13}(?!\d)", t)]
    if len(corps) != len(rows) or any(not _CORP13.match(r.cells.get("corporate_number") or "") for r in rows):
        return rows
    named = [t for i, t in enumerate(texts) if i not in used and re.match(r"\d{1,2} ", t) and not SMALL.match(t.split()[1])]
    if len(named) != len(rows):  # each rank with its name (a rank alone would look like a 入札者数)
        return rows
    left = [w for i, t in enumerate(texts) if i not in used and _small_para(t) for w in t.split()]
    sums: dict[str, float] = {}
    for r in rows:
        v = parse_number(str(r.cells["amount"])).value
        if v is None:
            return rows
        sums[r.block] = sums.get(r.block, 0.0) + v
    if totals not in (0, len(sums)):
        return rows
    for s in sums.values() if totals else ():  # each block's 計 figure, written alone
        if s.is_integer() and 0 <= s < 1000:
            if str(int(s)) not in left:
                return rows
            left.remove(str(int(s)))
    if any(is_dash(w) for w in left):
        return rows
    bids = [w for w in left if not w.endswith("%")]
    rates = [w for w in left if w.endswith("%")]
    need_b = [n for n, r in enumerate(rows) if r.cells.get("bidders") is None]
    need_r = [n for n, r in enumerate(rows) if r.cells.get("award_rate") is None]
    if len(bids) != len(need_b) or len(rates) != len(need_r) or len(set(bids)) > 1 or len(set(rates)) > 1:
        return rows
    out = list(rows)
    for n in need_b:
        out[n] = out[n]._replace(cells={**out[n].cells, "bidders": bids[0]})
    for n in need_r:
        out[n] = out[n]._replace(cells={**out[n].cells, "award_rate": rates[0]})
    return out
