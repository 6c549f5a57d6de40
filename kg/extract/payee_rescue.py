"""Payee blocks of paragraph-per-cell PDF text that ``kg.extract.payee_columns`` leaves unread and whose text
still determines the rows (pure functions over that module's items — kind, text, line, alone —; its block
reader is passed in, so every reading still passes its checks: names with 法人番号 of their kind, amounts falling
down the list and adding up to the block's 計). Each rule reads a block no other cut read; a block two rules or
cuts give one same row is left unknown by the caller (``_drop_shared_rows``).

- ``individuals_read`` — an individual's dash among 入札者数 / 落札率 dashes (pdfminer.six text of LibreOffice
  prints): an individual's 法人番号 is printed 「-」 and pdfminer writes it where its layout puts it, often in a
  run of the rows' dashes (「-」「-」「-」 then the individual's 業務概要), so which dash is the 法人番号 is not
  established by the order. The rows still are, by the other columns: the block's names (each with its printed
  rank, ranks 1..n in their written order) and its 13-digit 法人番号 (in written order) pair in exactly one way
  when every pair is of one kind (a 地方公共団体's number …000020… with a 都道府県市区町村 name, and such a name
  only with such a number), a name written in one cell with a 法人番号 takes that number, and a name left
  without a number is one an individual may have (no legal entity's name: 株式会社…, …法人…; no 都道府県市区町村
  name). The names left without a number are the individuals; each gets its dash in the column of 法人番号 at its
  row's place (one spare dash of the block taken out for it) and the block is read again; 業務概要 and 契約方式
  are then left unknown. Two pairings that fit, or fewer spare dashes than individuals: unknown.
- ``next_head_reads`` — a block's 計 written at the head of the next block's cells when the titles are out of
  order (``payee_columns`` borrows it only when they are in order).
- ``head_amount_reads`` — a block's whole column of amounts and its 計 written at the head of the next block
  (reportlab's boxes as pdfminer groups them).
- ``continued_reads`` — a block's last rows (ranks k+1..m) written after the next block's title, before that
  block's row ranked 1.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from kg.normalize.numbers import parse_number

# (kept apart from payee_columns' own patterns: this module reads its items' kinds and texts only)
_RANK = re.compile(r"^\d{1,2}$")
_DASH = re.compile(r"^[-－―‐]$")
_LOCAL_NAME = re.compile(r"(?:都|道|府|県|市|町|村|区|広域連合|組合)$")
_LOCAL_SHORT = re.compile(r"\S{1,5}(?:都|道|府|県|市|区|町|村)")
_ENTITY = re.compile(r"^(?:株式会社|有限会社|合同会社|合資会社|合名会社)|(?:株式会社|有限会社|合同会社|法人|組合|協会|機構|会社)$|法人")

Reader = Callable[[tuple[Any, ...]], tuple[Any, str]]


def ranked_names(items: Sequence[Any]) -> list[tuple[int, int]] | None:
    """The block's names with their printed ranks, [(item index, rank)] in written order: a name item after
    its rank in the same cell, or a text cell right after a rank cell. None unless every name has its rank and
    the ranks run 1..n in the written order (a name without its rank is not told from a 業務概要)."""
    out: list[tuple[int, int]] = []
    for i, it in enumerate(items):
        if it.kind == "name" and i and items[i - 1].kind == "rank" and not items[i - 1].alone:
            out.append((i, int(items[i - 1].text)))
        elif it.kind == "name":
            return None
        elif it.kind == "text" and i and items[i - 1].kind == "num" and _RANK.match(items[i - 1].text) and (
                i + 1 < len(items) and items[i + 1].kind in ("corp", "dash", "num", "rank", "name", "text")):
            out.append((i, int(items[i - 1].text)))
    if not out or [r for _, r in out] != list(range(1, len(out) + 1)):
        return None
    return out


def _kind_fits(name: str, corp: str) -> bool:
    """A 地方公共団体's 法人番号 (…000020…) goes with a 都道府県市区町村 name, and such a name only with such a number."""
    local = corp[1:7] == "000020"
    if local:
        return bool(_LOCAL_NAME.search(name))
    return not _LOCAL_SHORT.fullmatch(name)


def _may_be_individual(name: str) -> bool:
    """A name an individual (法人番号 「-」) may have: no legal entity's, no 都道府県市区町村's."""
    return not _ENTITY.search(name) and not _LOCAL_SHORT.fullmatch(name) and not _LOCAL_NAME.search(name)


def pair_names(names: list[str], corps: list[str], hard: dict[int, int], dashed: set[int]) -> list[int | None] | None:
    """The one pairing of names (in rank order) with 法人番号 (in written order, each used once, in order), a name
    left without one being an individual: [法人番号 index or None per name], or None when no pairing or more than
    one fits. ``hard``: {name index: 法人番号 index} written in one cell; ``dashed``: names with their dash already.
    A memo over (name, 法人番号) positions (n x m states; no search over subsets)."""
    n, m = len(names), len(corps)
    hard_corp = {c: a for a, c in hard.items()}
    memo: dict[tuple[int, int], int] = {}

    def takes(a: int, c: int) -> bool:
        return a not in dashed and hard.get(a, c) == c and hard_corp.get(c, a) == a and _kind_fits(names[a], corps[c])

    def alone(a: int) -> bool:
        return a not in hard and (a in dashed or _may_be_individual(names[a]))

    def ways(a: int, c: int) -> int:
        if a == n:
            return int(c == m)
        key = (a, c)
        if key not in memo:
            got = (ways(a + 1, c + 1) if c < m and takes(a, c) else 0) + (ways(a + 1, c) if alone(a) else 0)
            memo[key] = min(got, 2)
        return memo[key]

    if ways(0, 0) != 1:
        return None
    out: list[int | None] = []
    c = 0
    for a in range(n):
        if c < m and takes(a, c) and ways(a + 1, c + 1) == 1:
            out.append(c)
            c += 1
        else:
            out.append(None)
    return out


def individuals_read(items: Sequence[Any], read: Reader, make_dash: Callable[[int], Any]) -> tuple[Any, str] | None:
    """A block (its items, with its 計 label) that the column reader left unread because an individual's dash is
    not where its row is: the block read again with each individual's dash right after its name (see the module
    docstring). ``read``: the column reader of a block's items (rows or None, reason); ``make_dash(line)``: a
    dash item. Returns (rows, reason) with 業務概要 and 契約方式 left unknown, or None."""
    if not any(it.kind == "dash" for it in items) or not any(it.kind == "total" for it in items):
        return None  # (an individual's dash is one of the block's dashes)
    items = list(items)
    names = ranked_names(items)
    if names is None:
        return None
    at = [i for i, _ in names]
    name_of = {i: a for a, i in enumerate(at)}
    corp_at = [i for i, it in enumerate(items) if it.kind == "corp" and not _DASH.match(it.text)]
    corps = [items[i].text for i in corp_at]
    if not corp_at or len(corp_at) >= len(at):
        return None  # (no column of 法人番号 to place the individuals' dashes in: not established)
    hard: dict[int, int] = {}
    for c, i in enumerate(corp_at):  # a name written in one cell with its 法人番号 (「3 株式会社… 1234…」)
        if not items[i].alone and i and (i - 1) in name_of and items[i - 1].line == items[i].line:
            hard[name_of[i - 1]] = c
    dashed = {a for a, i in enumerate(at) if i + 1 < len(items) and items[i + 1].kind == "dash"}
    pairing = pair_names([items[i].text for i in at], corps, hard, dashed)
    if pairing is None:
        return None
    new = [a for a, c in enumerate(pairing) if c is None and a not in dashed]
    if not new:
        return None
    spare = [i for i, it in enumerate(items) if it.kind == "dash" and (i - 1) not in name_of]
    if len(spare) < len(new):
        return None  # (every individual's dash is a dash of the block)
    before_desc = [i for i in spare if i + 1 < len(items) and items[i + 1].kind == "text" and (i + 1) not in name_of]
    drop = set((before_desc + [i for i in reversed(spare) if i not in before_desc])[:len(new)])
    # each individual's dash goes into the column of 法人番号 at its row's place: before the cells of the next
    # row with a number (its name's cell or its 法人番号, whichever is written first), else after the last 法人番号
    at_ = {}
    for a in new:
        nxt = next((b for b in range(a + 1, len(at)) if pairing[b] is not None), None)
        if nxt is None:
            last = corp_at[-1]
            while last + 1 < len(items) and items[last + 1].line == items[corp_at[-1]].line and \
                    items[last + 1].kind == "desc":
                last += 1
            at_.setdefault(last + 1, []).append(a)
        else:
            head = at[nxt] - 1 if items[at[nxt] - 1].kind in ("rank", "num") else at[nxt]
            at_.setdefault(min(head, corp_at[pairing[nxt]]), []).append(a)
    cells: list[Any] = []
    for i, it in enumerate([*items, None]):
        for a in at_.get(i, []):
            cells.append(make_dash(items[at[a]].line))
        if it is not None and i not in drop:
            cells.append(it)
    rows, why = read(tuple(cells))
    if rows is None or len(rows) != len(at):
        return None
    by_rank = {r.rank: r for r in rows}
    for a, i in enumerate(at):
        r = by_rank.get(a + 1)
        if r is None or r.name != items[i].text or r.corporate_number != (
                "-" if pairing[a] is None else corps[pairing[a]]):
            return None
    return [r._replace(description=None, contract_method=None) for r in rows], why





def _head(chunk: Sequence[Any]) -> int | None:
    """Index of the number a block's cells start with (after its 計 labels, before any row's cell), when it is
    no rank cell (followed by its name) and no amount (followed by its 契約方式)."""
    for i, it in enumerate(chunk):
        if it.kind == "total" and not it.text:
            continue
        if it.kind == "num" and not (i + 1 < len(chunk) and chunk[i + 1].kind in ("text", "name", "contract")):
            return i
        return None
    return None


def next_head_reads(title_cut: Sequence[tuple[str, Sequence[Any]]], done: set[str], read: Reader,
                    make_total: Callable[[str, int], Any]) -> list[Any]:
    """Blocks whose 計 figure pdfminer wrote at the head of the next block's cells (right after the next title
    and its 計 label, before its first row) while the titles are not in order (``payee_columns`` borrows such a
    figure only when they are): a block of the title cut, not read, is read with the number at its own head
    left out (the 計 of the block printed above it) and the number at the head of the next block's cells as its
    計, when the blocks before and after it in the text hold rows of their own (a 法人番号: a title written right
    after another title may head another block's rows) and the rows — every rank printed — add up to
    it exactly. ``read``: the column reader of a block's items; ``make_total(text, line)``: a 計 item. Returns
    the rows (block letter set), 業務概要 and 契約方式 as the reader gives them."""
    out: list[Any] = []
    counts = Counter(letter for letter, _ in title_cut)  # (a letter written twice: not read here)
    for k, (letter, chunk) in enumerate(title_cut[:-1]):
        nxt = title_cut[k + 1][1]
        if letter in done or counts[letter] > 1 or not any(it.kind == "corp" for it in chunk) or \
                not any(it.kind == "corp" for it in nxt) or k == 0 or \
                not any(it.kind == "corp" for it in title_cut[k - 1][1]):  # (a title written right after another
            # title, as pdfminer writes titles out of order, may head another block's rows)
            continue
        t = _head(nxt)
        if t is None:
            continue
        h = _head(chunk)
        cells = [it for i, it in enumerate(chunk) if i != h and it.kind != "total"]
        total = nxt[t]
        rows, why = read(tuple([*cells, make_total(total.text, total.line)]))
        if rows is None or why == "unranked" or any(_amount(r.amount) is None for r in rows) or \
                abs(sum(_amount(r.amount) or 0.0 for r in rows) - (_amount(total.text) or -1.0)) > 1e-6:
            continue
        out += [r._replace(block=letter) for r in rows]
    return out


def head_amount_reads(title_cut: Sequence[tuple[str, Sequence[Any]]], done: set[str], read: Reader,
                      make_total: Callable[[str, int], Any]) -> list[Any]:
    """Blocks whose whole column of amounts and their 計 pdfminer wrote at the head of the next block's cells
    (reportlab's boxes: the next title, then 「2」「1」「1」「1」「1」「1」「7」 and six 契約方式 cells): a block of the
    title cut, not read, that holds no amount and no 契約方式 of its own takes the next block's first n + 1
    numbers when they are all its head holds before exactly n 契約方式 cells, the n fall down the
    list and the last is their sum (the 計); the block is read with them (the number at its own head, the 計
    of the block before, left out) and must give those amounts, every rank printed."""
    out: list[Any] = []
    counts = Counter(letter for letter, _ in title_cut)  # (a letter written twice: not read here)
    for k, (letter, chunk) in enumerate(title_cut[:-1]):
        nxt = title_cut[k + 1][1]
        if letter in done or counts[letter] > 1 or any(it.kind in ("amount", "contract", "column") for it in chunk):
            continue
        if not any(it.kind == "corp" for it in chunk):
            continue
        i = 0
        while i < len(nxt) and nxt[i].kind == "total" and not nxt[i].text:
            i += 1
        j = i
        while j < len(nxt) and nxt[j].kind == "num":
            j += 1
        c = j
        while c < len(nxt) and nxt[c].kind == "contract" and nxt[c].alone:
            c += 1
        n = j - i - 1  # (the rows: as many as the 契約方式 cells)
        if n < 1 or c - j != n:
            continue
        vals = [_amount(it.text) for it in nxt[i:j]]
        if None in vals or any(a < b for a, b in itertools.pairwise(vals[:n])) or abs(sum(vals[:n]) - vals[n]) > 1e-6:
            continue
        h = _head(chunk)
        cells = [it for q, it in enumerate(chunk) if q != h and it.kind != "total"]
        cells += [it._replace(kind="column") for it in nxt[i:i + n]]
        rows, why = read(tuple([*cells, make_total(nxt[i + n].text, nxt[i + n].line)]))
        if rows is None or why == "unranked" or [_amount(r.amount) for r in rows] != vals[:n]:
            continue
        out += [r._replace(block=letter, contract_method=None) for r in rows]
    return out


def _rank_at(items: Sequence[Any], i: int) -> int | None:
    """The printed rank of the row whose name is items[i] (a rank in the name's cell, or a rank cell before it)."""
    it = items[i]
    if i and it.kind == "name" and items[i - 1].kind == "rank" and not items[i - 1].alone:
        return int(items[i - 1].text)
    if i and it.kind == "text" and items[i - 1].kind == "num" and _RANK.match(items[i - 1].text) and (
            i + 1 < len(items) and items[i + 1].kind in ("corp", "dash")):
        return int(items[i - 1].text)
    return None


def continued_reads(title_cut: Sequence[tuple[str, Sequence[Any]]], done: set[str], read: Reader,
                    make_total: Callable[[str, int], Any]) -> list[Any]:
    """Blocks whose last rows pdfminer wrote after the next block's title (a block continued on the next page,
    its rows under the next title before that block's own): a block of the title cut, not read, whose names are
    ranked 1..k in order, takes the next block's cells up to its first row ranked 1 when those cells hold rows
    ranked k + 1..m in order (and nothing of rank 1); the block is read from its cells and those (the number at
    its own head, the 計 of the block before, left out), as a block with its 計 label: its amounts must add up to
    a 計 figure among them, every rank printed, m rows. The next block, when not read, is then read from its cells
    after the taken ones by the same rules (its 計 label and figure its own)."""
    out: list[Any] = []
    counts = Counter(letter for letter, _ in title_cut)  # (a letter written twice: not read here)
    for k, (letter, chunk) in enumerate(title_cut[:-1]):
        nxt_letter, nxt = title_cut[k + 1]
        if letter in done or counts[letter] > 1 or counts[nxt_letter] > 1:
            continue
        names = ranked_names(chunk)
        if names is None:
            continue
        first = len(names)
        cut, seen = None, []
        for i in range(len(nxt)):
            r = _rank_at(nxt, i)
            if r is None:
                continue
            if r == 1:
                cut = i - (1 if nxt[i - 1].kind in ("rank", "num") else 0)
                break
            seen.append(r)
        if cut is None or not seen or seen != list(range(first + 1, first + 1 + len(seen))):
            continue
        h = _head(chunk)
        cells = [it for q, it in enumerate(chunk) if q != h and it.kind != "total"]
        cells += [it for it in nxt[:cut] if it.kind != "total"]
        label = make_total("", chunk[-1].line if chunk else 0)
        rows, why = read(tuple([*cells, label]))
        if rows is None or why == "unranked" or len(rows) != first + len(seen):
            continue
        out += [r._replace(block=letter) for r in rows]
        rest = nxt[cut:]
        if nxt_letter not in done and any(it.kind == "total" for it in rest):
            more, why = read(tuple(rest))
            if more is not None and why != "unranked":
                out += [r._replace(block=nxt_letter) for r in more]
    return out


def one_row_unsettled(items: Sequence[Any], rows: Sequence[Any]) -> bool:
    """A one-row block whose cells hold another amount with its own 契約方式 (a number in or right before a
    契約方式 cell) than the row's: which of the two is the row's is not established (its 計 equals either one;
    pdfminer writes two one-row blocks' amounts and 計 figures one after the other: 「94」「随意契約」「2」「96%」「94」
    「95」「随意契約」「-」「-」「95」)."""
    if len(rows) != 1:
        return False
    mine = _amount(rows[0].amount)
    for i, it in enumerate(items):
        if (it.kind == "amount" or (it.kind == "num" and i + 1 < len(items) and items[i + 1].kind == "contract")) \
                and _amount(it.text) != mine:
            return True
    return False


def after_bunched_title(title_cut: Sequence[tuple[str, Sequence[Any]]]) -> set[str]:
    """Blocks whose title pdfminer wrote right after another title (the title cut's block before holds no row:
    no 法人番号 cell): rows after a bunch of titles (「D.」「E.」「G.」 then rows) may be any of them, so such a
    block's title cut alone does not establish its rows (held-out sheet: G read with E's four rows)."""
    return {letter for (_, prev), (letter, _) in itertools.pairwise(title_cut)
            if not any(it.kind in ("corp", "dash") for it in prev)}


def several_rows_only(rows: Sequence[Any], titles: Sequence[str]) -> list[Any]:
    """The rank cut's rows without its one-row blocks when the titles (``titles``: the section's title letters
    as written) are out of their order: the rank cut gives a block the rows from a printed rank 1 to the next,
    under the title letters, and a one-row block's 計 is its amount, so nothing checks that the row is that
    title's (held-out sheet: titles A…F J G H I; main gave H the row of I and I the row of the block after)."""
    firsts = list(dict.fromkeys(titles))
    if firsts == sorted(firsts):
        return list(rows)
    count: dict[str, int] = {}
    for r in rows:
        count[r.block] = count.get(r.block, 0) + 1
    return [r for r in rows if count[r.block] > 1]

def _amount(text: str) -> float | None:
    return parse_number(text).value  # (the one number rule: 「1,2,3」 is no amount, 「▲」 / 「△」 minus)
__all__ = ["after_bunched_title", "continued_reads", "head_amount_reads", "individuals_read", "next_head_reads", "one_row_unsettled", "pair_names", "ranked_names", "several_rows_only"]
