"""支出先上位10者リスト from paragraph-per-cell PDF text whose cells are not in row order (pdfminer.six, and
pdftotext on some pages): the tool writes a block's columns one after another (all names, then all 法人番号,
then the amounts), or a row's cells mixed with the next row's, or 入札者数 / 落札率 far from their rows.

Each block (from its title 「A.…」 to the next title) is read as three columns pooled by the values' own shapes:

- 法人番号: a 13-digit number with a valid check digit (digits wrapped over lines rejoined), or a dash cell
  right after a name (an individual);
- names: the text after a rank (「3 株式会社…」, or a rank cell then a text cell), or the run of text cells
  written just before a run of 法人番号 (one per number);
- amounts: a number whose cell or next cell is a 契約方式 (「55 その他」), else (only when those are too
  few) also a number written right after a 業務概要 cell.

The columns are paired by count and order, and only when every count agrees, the printed ranks run 1..n, the
amounts do not rise down the list (a top-10 list is in order of amount) and a 地方公共団体's 法人番号
(…000020…) goes with a name of that shape: otherwise the block is left unread (the caller warns). 業務概要,
契約方式, 入札者数 and 落札率 are not paired (left unknown): the tool's order does not establish them.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from typing import NamedTuple

from kg.extract.payee_rescue import (
    after_bunched_title,
    continued_reads,
    head_amount_reads,
    individuals_read,
    next_head_reads,
    one_row_unsettled,
    several_rows_only,
)
from kg.normalize.houjin import is_valid
from kg.normalize.numbers import parse_number

_TITLE = re.compile(r"^([A-Z])\s*[.．:：]")
_GLUED_TITLE = re.compile(r"(?<=[^\x00-\x7f])([A-Z])\s*[.．]\s*[^\s\d.．]")
_HAS13 = re.compile(r"\d{13}")
_CORP13 = re.compile(r"^\d{13}$")
_RANK = re.compile(r"^\d{1,2}$")
_NUMBER = re.compile(r"^[▲△]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[▲△]?\d+(?:\.\d+)?$")
_BIG = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|[1-9]\d{2,})(?:\.\d+)?$|^\d+\.\d+$")
_DASH = re.compile(r"^[-－―‐]$")
_DASHES = re.compile(r"[-－―‐](?: ?[-－―‐])+")  # (fullmatch: the dashes of two cells run together, 「--」)
_CONTRACT = re.compile(r"^(?:一般競争|指名競争|随意契約|随契|企画競争|確認公募|公募|少額|不落|補助金|交付|負担|その他|特命|競争|契約)")
_SMALL = re.compile(r"^(?:[-－―‐]|\d{1,3}(?:\(\d+\))?|\d{1,3}(?:\.\d+)?%)$")
_TOTAL_CELL = re.compile(r"(?:計|合計|小計)(?:\s*([▲△]?[\d,]+(?:\.\d+)?))?")
_GLUED_TOTAL = re.compile(r"(.*[^\d,.])([▲△]?\d{1,3}(?:,\d{3})+|[▲△]?\d+)")
_LOCAL_NAME = re.compile(r"(?:都|道|府|県|市|町|村|区|広域連合|組合)$")
_LOCAL_SHAPE = re.compile(r"\S{1,5}(?:都|道|府|県|市|町|村)")  # (fullmatch: a 都道府県市町村's short name)
_NO_DESC = re.compile(r"\S{1,5}(?:都|道|府|県|市|区|町|村)|個人.*")  # (fullmatch: a name's shape, no 業務概要's)


_REGISTERED = re.compile(r"法人|株式会社|有限会社|合同会社|合資会社|合名会社|[(（][株有同][)）]|[㈱㈲]")
_JOINT = re.compile(r"(?:企業体|事業体|コンソーシアム|JV|グループ)$|・")  # a joint venture's name (bodies joined)


# a legal entity's name (a 業務概要 is not one): 株式会社…, …法人…, 有限会社, 合同会社, 組合, 協会, 機構
_ENTITY = re.compile(r"^(?:株式会社|有限会社|合同会社|合資会社|合名会社)|(?:株式会社|有限会社|合同会社|法人|組合|協会|機構)$|法人")


class Item(NamedTuple):
    kind: str  # rank | name | corp | desc | num | amount | contract | text | dash | small | title | header | total
    # (and column: an amount of a column of amounts read with its 計 under it)
    text: str
    line: int
    alone: bool = True  # the item is its cell's only item


def _items(text: str, line: int, header: bool) -> list[Item]:
    """One cell (paragraph) -> items by shape."""
    m = _TOTAL_CELL.fullmatch(text) if text[:1] in "計合小" else None
    if m:  # a block's 計 row (a piece of a label to the header test): the item's text is its figure (empty
        return [Item("total", m[1] or "", line)]  # when the tool wrote it apart)
    m = _TITLE.match(text)
    if m:  # the title, maybe glued to the table header's first cell (「B.民間企業 支出先」)
        at = text.find("支出先")
        return [Item("title", m[1], line), *([Item("header", text[at:], line)] if header and at > 0 else [])]
    if header:
        return [Item("header", text, line)]
    g = _GLUED_TITLE.search(text) if "." in text or "．" in text else None  # (the pattern holds one of them)
    if g:  # a block title glued to the end of a wrapped cell (「株式会社野村総合研究所E.研究機関」)
        return [*_items(text[:g.start()].strip(), line, False), Item("title", g[1], line)]
    words = list(filter(None, text.split(" ")))
    if not words:
        return []
    k = next((i for i, w in enumerate(words) if len(w) >= 13 and _CORP13.match(w[:13]) and is_valid(w[:13]) and
              (len(w) == 13 or not w[13].isdigit())), None) if _HAS13.search(text) else None
    if k is not None:  # [rank] [name] 法人番号 [業務概要]
        out: list[Item] = []
        before, after = words[:k], words[k + 1:]
        if len(words[k]) > 13:  # the name's wrapped end glued to the number (「…株式 4194234696994会社」)
            if after or not before:
                return [Item("text", text, line)]
            before = [*before[:-1], before[-1] + words[k][13:]]
            words[k] = words[k][:13]
        if before and _RANK.match(before[0]) and len(before) > 1:
            out.append(Item("rank", before[0], line, False))
            before = before[1:]
        if before:
            if any(_NUMBER.match(w) for w in before):
                return [Item("text", text, line)]  # not a row's cells: leave the cell out of every column
            out.append(Item("name", " ".join(before), line, False))
        out.append(Item("corp", words[k], line, not out and not after))
        if after:
            out.append(Item("desc", " ".join(after), line, False))
        return out
    if _NUMBER.match(words[0]):
        rest = words[1:]
        if not rest:
            return [Item("num", words[0], line)]
        if _CONTRACT.search(rest[0]):  # amount 契約方式 [入札者数 [落札率]]
            if len(rest) > 1 and _NUMBER.match(rest[-1]) and not _SMALL.match(rest[-1]):  # a number no 入札者数 /
                return [*_items(" ".join([words[0], *rest[:-1]]), line, False),  # 落札率 has (a 計) after them
                        Item("num", rest[-1], line, False)]
            glued = _GLUED_TOTAL.fullmatch(rest[-1])
            if glued and not _SMALL.match(rest[-1]) and _CONTRACT.search(glued[1]):  # the block's 計 figure
                rest[-1] = glued[1]  # written on at the end of its last row's 契約方式 cell (pdftotext)
                return [*_items(" ".join([words[0], *rest]), line, False), Item("num", glued[2], line, False)]
            tail = []
            while len(rest) > 1 and _SMALL.match(rest[-1]) and len(tail) < 2:
                tail.insert(0, rest.pop())
            return [Item("amount", words[0], line, False), Item("contract", " ".join(rest), line, False),
                    *(Item("small", t, line, False) for t in tail)]
        if _RANK.match(words[0]) and not any(_NUMBER.match(w) or _SMALL.match(w) for w in rest):
            return [Item("rank", words[0], line, False), Item("name", " ".join(rest), line, False)]
        return [Item("small" if _SMALL.match(w) else "text", w, line, False) for w in words]
    if _DASH.match(text):
        return [Item("dash", text, line)]
    if all(_SMALL.match(w) for w in words):
        return [Item("small", w, line, len(words) == 1) for w in words]
    if _CONTRACT.search(text):
        return [Item("contract", text, line)]
    return [Item("text", text, line)]


_new_item = functools.partial(tuple.__new__, Item)  # Item(*fields) without the Python-level __new__


@functools.lru_cache(maxsize=8192)
def _shapes(text: str, header: bool) -> tuple[Item, ...]:
    """``_items`` of a cell, its line left out (a section repeats many cells: ranks, 契約方式, dashes, headers;
    a build's sheets repeat them too)."""
    return tuple(_items(text, 0, header))


class Column(NamedTuple):
    block: str
    rank: int
    name: str
    corporate_number: str
    amount: str
    line: int
    description: str | None = None  # only where the row's cells are in row order (法人番号, 業務概要, amount)
    contract_method: str | None = None  # only the 契約方式 in or right after the amount's cell


_new_column = functools.partial(tuple.__new__, Column)  # Column(*fields) without the Python-level __new__


def _name_after_corp(items: list[Item], kinds: list[str], ni: int, ci: int, name_at: set[int],
                     desc_of: dict[int, int]) -> bool:
    """Whether the 法人番号 at ``ci``, right after its name, opens a run of names and 法人番号 (or 「-」) one box each
    that ends in a text cell no row holds naming a registered body, one name more than numbers
    (「PricewaterhouseCoopers LLP」「1598058483954」「国立大学法人東京大学」): pdfminer.six may write a name before its
    row's 法人番号 or after it, so each number may be the name's after it (the .xlsx: the first name has none), and
    the pairing is not established. Names stacked after the run before as many numbers or 「-」 are theirs."""
    size = len(items)
    if ni != ci - 1:
        return False
    text = ("text", "name")
    j = ci + 1
    while j + 2 < size and kinds[j] in text and kinds[j + 1] in ("corp", "dash") and kinds[j + 2] in text:
        j += 2
    if j >= size or kinds[j] not in text or j in name_at or j in desc_of.values():
        return False
    k = j
    while k < size and kinds[k] in text:
        k += 1
    m = k
    while m < size and kinds[m] in ("corp", "dash"):
        m += 1
    return m - k < k - j and bool(_REGISTERED.search(items[j].text) or _ENTITY.search(items[j].text))


def _names_crossed(names: list[int], corps: list[int]) -> bool:
    """The names (``names``: their items' places) and 法人番号 (``corps``), paired in order, are written in groups —
    some names, then some 法人番号 — of which one holds k ≥ 1 names and m ≥ 1 法人番号, k ≠ m, and a name is written
    after it: neither a column (k names then their k 法人番号) nor one by one. pdfminer.six wrote a row's name after
    its 法人番号 and the others before theirs (「name2 | name3 | 法人番号1 | name1 | 法人番号2 | … | 法人番号3」): the
    order pairs name2 with 法人番号1, each row its neighbour's name. Only when the names so get two or more ahead of
    the 法人番号 (the names written before the 法人番号 they wait for): one row's name written just after its own
    法人番号 (「name4 | 法人番号4 | 法人番号5 | name5 | name6 | 法人番号6」, one name behind, then even) pairs right."""
    marks = sorted([(i, "n") for i in names] + [(i, "c") for i in corps])
    groups: list[list[int]] = []  # [names, 法人番号, names ahead before the group] of each group
    ahead = 0
    for _, mark in marks:
        if mark == "n" and (not groups or groups[-1][1]):
            groups.append([0, 0, ahead])
        if not groups:
            groups.append([0, 0, ahead])
        groups[-1][0 if mark == "n" else 1] += 1
        ahead += 1 if mark == "n" else -1
    return any(k and m and k != m and before + k >= 2 and any(g[0] for g in groups[at + 1:])
               for at, (k, m, before) in enumerate(groups))


@functools.lru_cache(maxsize=4096)
def _plausible(name: str, corp: str) -> bool:
    """A name and a 法人番号 of one kind: a 地方公共団体's number (…000020…) with a 都道府県市区町村 name, and a
    name of that shape only with such a number; a dash (no number) with no name of a registered company's or
    法人's shape (株式会社…, …法人…) unless it is a joint venture's (…共同企業体: two bodies joined, no number)."""
    if _DASH.match(corp):  # (no number: an individual, a joint venture, a body not registered — never a company or
        return not _REGISTERED.search(name) or bool(_JOINT.search(name))  # a 法人, which the registry numbers)
    local = corp[1:7] == "000020"
    return local == bool(_LOCAL_NAME.search(name)) or not (local or _LOCAL_SHAPE.fullmatch(name))


@functools.lru_cache(maxsize=4096)
def _desc_shaped(text: str) -> bool:
    """A cell text that may be a 業務概要: no 都道府県市区町村's short name, no 個人…, no legal entity's name."""
    return not _NO_DESC.fullmatch(text) and not _ENTITY.search(text)


def _interleaved(items: list[Item], corp_at: list[int], fixed: set[int], ranks: dict[int, int]
                 ) -> tuple[list[int], dict[int, int]] | None:
    """Text cells split into names and 業務概要 where the tool wrote a block's columns interleaved (reportlab's
    boxes as pdfminer groups them: some names, some 法人番号, their 業務概要, the next names ...): each column in
    row order, a row's name before its 法人番号, its 業務概要 after it, each name of the 法人番号's kind. The
    split when exactly one fits (names, {法人番号 index: 業務概要 index}), else None."""
    n = len(corp_at)
    corp_no = {ci: k for k, ci in enumerate(corp_at)}
    seq = [i for i, it in enumerate(items) if i in corp_no or i in fixed or it.kind in ("text", "desc")]
    if len(seq) > 80:
        return None
    memo: dict[tuple[int, int, int, int], int] = {}

    def name_ok(i: int, a: int) -> bool:  # (a text cell right before a 契約方式 is a 業務概要: 「業務概要 | 随意契約」)
        return a < n and (i not in ranks or ranks[i] == a + 1) and _plausible(items[i].text, items[corp_at[a]].text) \
            and not (i + 1 < len(items) and items[i + 1].kind == "contract")

    def desc_ok(i: int, b: int, c: int) -> bool:
        return b < c and _desc_shaped(items[i].text)

    def count(p: int, a: int, b: int, c: int) -> int:  # ways to label seq[p:] (2 means "more than one")
        if p == len(seq):
            return int(a == n and b == n)
        key = (p, a, b, c)
        if key not in memo:
            i = seq[p]
            if i in corp_no:
                got = count(p + 1, a, b, c + 1) if a >= c + 1 else 0
            elif items[i].kind == "desc":  # in its 法人番号's cell
                got = count(p + 1, a, b + 1, c) if b == c - 1 else 0
            elif i in fixed:
                got = count(p + 1, a + 1, b, c) if name_ok(i, a) else 0
            else:
                got = (count(p + 1, a + 1, b, c) if name_ok(i, a) else 0) + (
                    count(p + 1, a, b + 1, c) if desc_ok(i, b, c) else 0)
            memo[key] = min(got, 2)
        return memo[key]

    if count(0, 0, 0, 0) != 1:
        return None
    names: list[int] = []
    descs: list[int] = []
    a = b = c = 0
    for p, i in enumerate(seq):
        if i in corp_no:
            c += 1
        elif items[i].kind == "desc":
            descs.append(i)
            b += 1
        elif i in fixed or (name_ok(i, a) and count(p + 1, a + 1, b, c) == 1):
            names.append(i)
            a += 1
        else:
            descs.append(i)
            b += 1
    return names, {corp_at[k]: d for k, d in enumerate(descs) if items[d].kind != "desc"}


def _dash_of_row(items: list[Item], i: int) -> bool:
    """items[i], a dash, is an individual's 法人番号 written with the rest of its row after another row's cells:
    a 業務概要 cell (no name's shape) and then the row's amount (in its 契約方式's cell, or a number and
    then a 契約方式) follow it."""
    if i + 2 >= len(items) or items[i + 1].kind != "text" or not items[i + 1].alone:
        return False
    desc, nxt = items[i + 1].text, items[i + 2]
    if not _desc_shaped(desc):
        return False
    return nxt.kind == "amount" or (nxt.kind == "num" and i + 3 < len(items) and items[i + 3].kind == "contract")


def _dash_run(items: list[Item], i: int) -> bool:
    """items[i] is one of a run of two or more dashes and 法人番号, each alone in its cell, written right after as
    many text cells and right before a text cell: individuals' 法人番号 written in a column of 法人番号 between
    the names and their 業務概要 (reportlab's boxes as pdfminer groups them: 「個人(B)」「個人(A)」「-」「-」
    「…の実施」「…の請負」).
    A run of 入札者数 / 落札率 dashes is written among numbers, not between text cells."""
    s = e = i
    while s > 0 and items[s - 1].kind in ("dash", "corp") and items[s - 1].alone:
        s -= 1
    while e + 1 < len(items) and items[e + 1].kind in ("dash", "corp") and items[e + 1].alone:
        e += 1
    k = e - s + 1
    return k >= 2 and items[i].alone and s >= k and e + 1 < len(items) and items[e + 1].kind == "text" and all(
        it.kind == "text" for it in items[s - k:s])


def _rank_run_names(items: list[Item]) -> dict[int, int]:
    """Names written as a column right after their column of ranks (「1」「2」「3」「4」 then exactly four text
    cells, then no text cell: reportlab's rank and name boxes as pdfminer groups them): {name index: rank}."""
    out: dict[int, int] = {}
    i = 0
    while i < len(items):
        if items[i].kind != "num" or not _RANK.match(items[i].text) or (
                i and items[i - 1].kind == "num" and items[i - 1].text == str(int(items[i].text) - 1)):
            i += 1
            continue
        j = i  # a run of ranks r, r+1, ... from i to j
        while j + 1 < len(items) and items[j + 1].kind == "num" and items[j + 1].text == str(int(items[j].text) + 1):
            j += 1
        k = j - i + 1
        e = j + 1
        while e < len(items) and items[e].kind == "text":
            e += 1
        if k >= 2 and e - (j + 1) == k and not _task_column(items, j + 1, e):
            out.update({j + 1 + q: int(items[i].text) + q for q in range(k)})
        i = j + 1
    return out


def _task_column(items: list[Item], a: int, e: int) -> bool:
    """The text cells items[a:e] after a column of ranks may be the 業務概要 column, not the names: each may be a
    業務概要 (``_desc_shaped``) and the block holds as many text cells elsewhere that cannot be one (legal entities'
    names: 「1」…「4」 「普及啓発コンテンツの作成」「データ整備及び分析業務」… then 「2968946035408」「有限会社野村総合研究所」…)."""
    if not all(_desc_shaped(it.text) for it in items[a:e]):
        return False
    return sum(it.kind == "text" and not _desc_shaped(it.text) for k, it in enumerate(items) if not a <= k < e) >= e - a


def _block_core(items: list[Item]) -> tuple[list[Column] | None, str]:
    """One block's items (no 計) -> its rows, or None with the reason (the same cells are often read again: by
    another cut, in the second pass, or with one number taken out as the 計)."""
    rows, why = _block_core_t(tuple(items))
    return (None if rows is None else list(rows)), why


@functools.lru_cache(maxsize=2048)
def _block_core_t(cells: tuple[Item, ...]) -> tuple[list[Column] | None, str]:
    """``_block_core`` of a block's cells as a tuple, once per section (the individual's-dash retry included;
    callers copy the rows)."""
    rows, why = _block_core_of(cells)
    m = _COUNTS.match(why)
    if rows is None and m and any(it.kind == "dash" and _dash_of_row(cells, i) for i, it in enumerate(cells)):
        rows, why = _block_core_of(cells, True)  # names and 法人番号 do not pair: maybe an individual's
        # dash written with the rest of its row (``_dash_of_row``) counts
    return rows, why


def _cells_of(items: list[Item], loose: bool) -> tuple[list[str], set[int], dict[int, int], list[int], set[int],
                                                     list[int], list[int]]:
    """What ``_block_core_of`` reads first, in one pass over a block's items: their kinds; the names (a name
    cell, or a text cell after a rank cell) and their printed ranks; the 法人番号 cells (a dash right after a
    name, or inside a run of bare 法人番号, is an individual's); the numbers; the amount / column items. Each as
    its own pass over the items gave it (tests/unit/extract/test_pdf_text_speed_forms.py): a 法人番号 looks
    at the names and 法人番号 before it only."""
    kinds = [it[0] for it in items]  # (it.kind)
    size = len(items)
    name_at: set[int] = set()
    ranks: dict[int, int] = {}
    # corps (a dash right after a name, or inside a run of bare 法人番号, is an individual's)
    corp_at: list[int] = []
    corp_set: set[int] = set()
    nums: list[int] = []  # (the scans below over numbers only, in order)
    fixed: list[int] = []
    # one pass: the names and ranks, the 法人番号 (which look at the names and 法人番号 before them only) and the
    # numbers, each as the separate passes over the items gave them
    for i, kind in enumerate(kinds):
        if kind == "name":
            name_at.add(i)
            if i and kinds[i - 1] == "rank" and not items[i - 1].alone:
                ranks[i] = int(items[i - 1].text)
        elif kind == "text":
            if i and kinds[i - 1] == "num" and _RANK.match(items[i - 1].text) and not (
                    i > 1 and kinds[i - 2] == "num" and items[i - 2].text == str(int(items[i - 1].text) - 1)) and (
                    i + 1 == size or kinds[i + 1] in ("corp", "dash", "num", "rank", "name", "text")):
                name_at.add(i)  # a rank cell, then the name cell
                ranks[i] = int(items[i - 1].text)
        elif kind == "corp":
            corp_at.append(i)
            corp_set.add(i)
        elif kind == "num":
            nums.append(i)
        elif kind == "dash":
            if i and (i - 1 in name_at or (kinds[i - 1] in ("corp", "dash") and (i - 1) in corp_set and items[i - 1].alone)
                      or (kinds[i - 1] == "text" and i + 1 < size and kinds[i + 1] == "text")
                      or (loose and _dash_of_row(items, i)) or _dash_run(items, i)):
                corp_at.append(i)  # (a dash: 「個人(A)」「-」「業務概要」)
                corp_set.add(i)
        elif kind == "amount" or kind == "column":
            fixed.append(i)
    return kinds, name_at, ranks, corp_at, corp_set, nums, fixed


@functools.lru_cache(maxsize=2048)
def _block_core_of(cells: tuple[Item, ...], loose: bool = False) -> tuple[list[Column] | None, str]:
    items = list(cells)
    kinds, name_at, ranks, corp_at, corp_set, nums, fixed = _cells_of(items, loose)
    size = len(items)
    # names written as a column just before a column of 法人番号; the text cells between two such columns are
    # the first column's 業務概要 then the second's names (reportlab's boxes grouped by pdfminer), one each
    desc_of: dict[int, int] = {}
    prev_run: list[int] = []
    done = 0  # (runs start at a 法人番号 alone in its cell, after the run before)
    for i in corp_at:
        if i >= done and items[i].alone:
            j = i
            while j + 1 < size and j + 1 in corp_set and items[j + 1].alone:
                j += 1
            run = list(range(i, j + 1))
            texts = []
            q = i - 1
            while q >= 0 and kinds[q] == "text" and q not in name_at:
                texts.append(q)
                q -= 1
            texts.reverse()
            after_prev = bool(prev_run) and q == prev_run[-1]
            if len(texts) == len(run) and not after_prev and not (len(run) > 1 and any(
                    _DASHES.fullmatch(items[q].text) for q in texts)):  # (「-- | name | 法人番号 | 法人番号」: two right
                name_at.update(texts)  # cells' dashes run together are no name: the column of names is one short)
            elif after_prev and len(texts) == len(prev_run) + len(run):
                desc_of.update(zip(prev_run, texts[:len(prev_run)], strict=True))
                name_at.update(texts[len(prev_run):])
            prev_run = run
            done = j + 1
    if prev_run:  # after the last run: its 業務概要, one each, then no more text
        q = prev_run[-1] + 1
        texts = []
        while q < size and kinds[q] == "text" and q not in name_at:
            texts.append(q)
            q += 1
        if len(texts) == len(prev_run) and q < size and kinds[q] in ("num", "amount") and (
                len(prev_run) == 1 or not any(kinds[c] == "dash" for c in prev_run)):  # (individuals' 業務概要
            # cells after a run of dashes: pdfminer writes them in any order)
            desc_of.update(zip(prev_run, texts, strict=True))
    names = sorted(name_at)
    if len(names) != len(corp_at) and corp_at:
        split = _interleaved(items, corp_at, {i for i in name_at if kinds[i] == "name" or i in ranks}, ranks)
        if split is not None:
            names, desc_of = split
    if len(names) != len(corp_at) and corp_at:  # names written as a column after their ranks' column
        run_names = _rank_run_names(items)
        if run_names and not set(run_names) & name_at:
            ranks.update(run_names)
            split = _interleaved(items, corp_at, {i for i in name_at if kinds[i] == "name" or i in ranks} |
                                 set(run_names), ranks)
            names, desc_of = split if split is not None else (sorted(name_at | set(run_names)), {
                c: d for c, d in desc_of.items() if d not in run_names})
    if len(names) > 1 and all(ni in ranks for ni in names) and sorted(ranks[ni] for ni in names) == list(
            range(1, len(names) + 1)):  # every name with its printed rank (a name cell the tool wrote apart from
        names.sort(key=lambda ni: ranks[ni])  # its row, e.g. after the block's other rows): in rank order
    n = len(corp_at)
    if n == 0:
        return None, "no 法人番号"
    strong = sorted(fixed + [i for i in nums if i + 1 < size and kinds[i + 1] == "contract" and items[i + 1].alone
        and not (i and (kinds[i - 1] == "num" or (kinds[i - 1] == "dash" and i + 2 < size and kinds[i + 2]
                                                  == "contract")))])  # not the last of a column of 入札者数
    strong_at = set(strong)
    # a column of amounts written just before the column of their 契約方式, one for one
    done = 0  # (each run of numbers once, from its first)
    for i in nums:
        if i < done:
            continue
        j = i
        while j + 1 < size and kinds[j + 1] == "num":
            j += 1
        c = j + 1
        while c < size and kinds[c] == "contract" and items[c].alone:
            c += 1
        if j > i and c - (j + 1) == j - i + 1 and not (i and kinds[i - 1] == "num"):
            strong += [q for q in range(i, j + 1) if q not in strong_at]
            strong_at.update(range(i, j + 1))
        done = j + 1
    strong.sort()

    def weak() -> list[int]:  # numbers written right after a 業務概要 (a row's cells in order), not followed by a
        return [i for i in nums if i not in strong_at and i > 0 and (  # small number or the rank cell of the
            kinds[i - 1] == "desc" or (kinds[i - 1] == "text" and i - 1 not in name_at
                                       and not _ENTITY.search(items[i - 1].text))) and  # name after it
            not (i + 1 < size and kinds[i + 1] in ("small", "num")) and i + 1 not in ranks]
    # (a legal entity's name is no 業務概要: a number after it is a rank written after its row's name, 「有限会社…共同
    # 企業体 | 1」, the row's amount run into its 業務概要's box, 「機器の賃貸借 38」)
    # (asked only where the strong amounts are not one per row; name_at and ranks are settled above)
    if len(strong) == n:
        amounts: list[int] | None = strong
    else:
        weak_at = weak()
        amounts = sorted(strong + weak_at) if len(strong) + len(weak_at) == n else None
    # amounts by their shape alone: a number no rank or 入札者数 has (thousands grouped, a decimal, 100 or more)
    # or one in its 契約方式's cell, one per row, the other numbers few enough to be the rows' ranks and 入札者数
    # (a column of ranks, or a rank cell before its name, aside). Where both ways give amounts they must agree.
    if amounts is not None or len(names) == n:  # (else the rows do not pair whatever the shapes say)
        shaped = sorted(fixed + [i for i in nums if _BIG.match(items[i].text)])
        if len(shaped) == n:  # (the other numbers counted only then)
            rank_of = {i: int(items[i].text) for i in nums if _RANK.match(items[i].text)}
            ranked_at = {i for i, r in rank_of.items() if rank_of.get(i - 1) == r - 1 or rank_of.get(i + 1) == r + 1}
            shaped_at = set(shaped)
            small = [i for i in nums if i not in shaped_at and i not in ranked_at and i not in name_at and
                     i + 1 not in name_at]
            if len(small) <= n:
                if amounts is not None and amounts != shaped:
                    return None, "the amounts' order and their shapes give other amounts"
                amounts = shaped
    if len(names) != n or amounts is None:
        return None, (f"{len(names)} names, {n} 法人番号, {len(strong)}(+{len(weak())}) amounts do not make rows")
    columns = []  # columns of ranks 1..k printed apart from the names
    for i in nums:
        if items[i].text == "1" and not (i and kinds[i - 1] == "num"):
            k = 1
            while i + k < len(items) and kinds[i + k] == "num" and items[i + k].text == str(k + 1):
                k += 1
            columns.append(k)
    if any(k > n for k in columns):
        return None, f"a column of ranks 1..{max(columns)} for {n} rows"
    printed = {ranks[ni] for ni in names if ni in ranks} | {r for k in columns for r in range(1, k + 1)}
    ranked = all(ni in ranks for ni in names) or n in columns or printed >= set(range(1, n + 1))
    chosen = set(amounts)
    if any(i not in chosen and not _SMALL.match(items[i].text) for i in nums):
        return None, "a number of an amount's shape is left over"
    if _names_crossed(names, corp_at):
        return None, "names written between the 法人番号 unlike a column or one by one: they may pair otherwise"
    pairs = dict(zip(names, corp_at, strict=True))
    for ni in names:  # a name and a 法人番号 written in one cell (「4 …株式 1662665234794」) are one row's
        ci = ni + 1
        if ci < len(items) and items[ci].kind == "corp" and items[ci].line == items[ni].line and \
                not items[ci].alone and ci in corp_at and pairs[ni] != ci:
            return None, f"{items[ni].text!r} and 法人番号 {items[ci].text}, written in one cell, fall in other rows"
    rows: list[Column] = []
    prev = None
    for k, (ni, ci, ai) in enumerate(zip(names, corp_at, amounts, strict=True), start=1):
        if ni in ranks and ranks[ni] != k:
            return None, f"rank {ranks[ni]} printed where row {k} is in order"
        if k > 1 and ni == corp_at[k - 2] + 1 < amounts[k - 2] and kinds[ni] == "text" \
                and not (ni < size - 1 and kinds[ni + 1] in ("corp", "dash")) and not _ENTITY.search(items[ni].text):
            # (「name | 法人番号 | 業務概要 | 39 | 随意契約 | - | name | 31 | …」: the text right after the row before's
            # 法人番号 and before its amount is that row's 業務概要 in the form's order, no name of a row after it —
            # but a legal entity's name is no 業務概要: 「個人(A) | - | 日本電気株式会社 | 札幌市 | …」, the 業務概要 and
            # amounts listed later, column by column, in generated sheet03's rl print)
            return None, f"the name of row {k} stands between row {k - 1}'s 法人番号 and its amount"
        name, corp = items[ni].text, items[ci].text
        amount = _value(items[ai].text)
        if amount is None or (prev is not None and amount > prev):
            return None, "the amounts do not fall down the list"
        prev = amount
        local = corp[1:7] == "000020"
        if _DASH.match(corp):
            if not _plausible(name, corp):
                return None, f"{name!r} (a registered body's name) and a dash for its 法人番号"
            corp = "-"
        elif local != bool(_LOCAL_NAME.search(name)) and (local or _LOCAL_SHAPE.fullmatch(name)):
            return None, f"{name!r} and 法人番号 {corp} are not of one kind"
        if _name_after_corp(items, kinds, ni, ci, name_at, desc_of):
            return None, f"a name more than 法人番号 after 法人番号 {corp}: the names and 法人番号 may pair otherwise"
        desc = contract = None
        if ci in desc_of:
            desc = items[desc_of[ci]].text
        elif ci + 1 < len(items) and (kinds[ci + 1] == "desc" or (
                kinds[ci + 1] == "text" and ci + 1 not in name_at and ci + 2 == ai)):
            desc = items[ci + 1].text
        if kinds[ai] == "amount" and ai + 1 < len(items) and kinds[ai + 1] == "contract":
            contract = items[ai + 1].text  # in the amount's cell (a cell after it may be another row's)
        rows.append(Column("", k, name, corp, items[ai].text, items[ni].line, desc, contract))
    return rows, "" if ranked else "unranked"


@functools.lru_cache(maxsize=4096)
def _value(text: str) -> float | None:
    if _NUMBER.match(text):  # (the common case, without the general parser)
        v = float(text.lstrip("▲△").replace(",", ""))
        return -v if text[0] in "▲△" else v
    return parse_number(text).value


def _adds_up(rows: list[Column], total: float | None) -> bool:
    """The rows' amounts add up to the block's 計: exactly for whole figures, within rounding for decimals."""
    return _sums_to([_value(r.amount) for r in rows], total)


def _sums_to(parts: list[float | None], total: float | None) -> bool:
    """``_adds_up`` of amounts (in row order)."""
    if total is None or None in parts:
        return False
    whole = all(float(x).is_integer() for x in [*parts, total])
    return abs(sum(parts) - total) <= (1e-9 if whole else 0.05 * len(parts) + 1e-9)


def _amount_column(core: list[Item]) -> list[tuple[list[Column], str]]:
    """Readings of a block whose amounts the tool wrote as a column with the 計 under it (pdfminer on small
    amounts: 「1」「1」「1」「3」): a whole run of bare numbers, apart from any other number, whose last is the
    sum of the others and which do not rise down the list. The others are taken as the amounts (one per row:
    the block's own checks must then read it)."""
    out = []
    i = 0
    while i < len(core):
        if core[i].kind != "num":
            i += 1
            continue
        j = i
        while j + 1 < len(core) and core[j + 1].kind == "num":
            j += 1
        vals = [_value(core[q].text) for q in range(i, j + 1)]
        if j > i and None not in vals and all(a >= b for a, b in zip(vals[:-2], vals[1:-1], strict=False)) \
                and _sums_to(vals[:-1], vals[-1]):  # (a reading of j - i rows takes the column items as its
            sub = [it._replace(kind="column") if i <= q < j else it for q, it in enumerate(core) if q != j]
            got, why = _block_core(sub)  # amounts, in their order: the sum is checked before reading)
            if got is not None and len(got) == j - i and _adds_up(got, vals[-1]):
                out.append((got, why))
        i = j + 1
    return out


def _column_says_otherwise(core: list[Item], rows: list[Column]) -> bool:
    """A block read without its 計 label whose cells hold a column of amounts with its 計 under it
    (``_amount_column``: as many numbers as rows, not rising, then their sum, 「422」「341」「763」) that reads it
    with other amounts (it took a column of 入札者数 「1」「1」 before the column of 契約方式 as the amounts)."""
    return _says_otherwise(rows, _amount_column(core))


def _says_otherwise(rows: list[Column], column: list[tuple[list[Column], str]]) -> bool:
    """``_column_says_otherwise`` with the block's ``_amount_column`` readings given."""
    if len(rows) < 2:
        return False
    mine = [_value(r.amount) for r in rows]
    return any([_value(r.amount) for r in got] != mine for got, _ in column)


def _in_rank_run(core: list[Item], c: int) -> bool:
    """core[c] is one of a column of ranks (「1」「2」: k right after k - 1 or right before k + 1)."""
    if not _RANK.match(core[c].text):
        return False
    k = int(core[c].text)
    return (c > 0 and core[c - 1].kind == "num" and core[c - 1].text == str(k - 1)) or (
        c + 1 < len(core) and core[c + 1].kind == "num" and core[c + 1].text == str(k + 1))


def _rank_run_flags(core: list[Item]) -> list[bool]:
    """[it.kind == "num" and _in_rank_run(core, c) for c, it in enumerate(core)], in one pass (each number's
    neighbours looked at once, without a call per number)."""
    out = [False] * len(core)
    last = len(core) - 1
    rank = _RANK.match
    for c, it in enumerate(core):
        if it[0] == "num" and rank(it[1]):  # (it.kind, it.text)
            k = int(it[1])
            if c > 0 and core[c - 1][0] == "num" and core[c - 1][1] == str(k - 1) or \
                    c < last and core[c + 1][0] == "num" and core[c + 1][1] == str(k + 1):
                out[c] = True
    return out


def _pooled_amounts(core: list[Item]) -> list[tuple[list[Column], str]]:
    """A block whose amounts the tool wrote in pieces (a page's column, a row's amount, the next page's column
    and the 計 under it): the block's numbers that are neither ranks (a column of ranks, a rank cell before its
    name) nor 入札者数 (a run of numbers and dashes with a dash in it, or one right before the 落札率 cells) are
    its amounts, in order, and its 計 last — only when they do not rise down the list and add up to the last."""
    kinds = [it.kind for it in core]
    skip: set[int] = set()
    i = 0
    while i < len(core):
        if kinds[i] not in ("num", "dash"):
            i += 1
            continue
        j = i
        while j + 1 < len(core) and kinds[j + 1] in ("num", "dash"):
            j += 1
        if "dash" in kinds[i:j + 1] or (j + 1 < len(core) and kinds[j + 1] == "small"):
            skip.update(range(i, j + 1))
        i = j + 1
    in_run = _rank_run_flags(core)
    pool = [c for c, it in enumerate(core) if it.kind == "num" and c not in skip and not in_run[c]
            and not (c + 1 < len(core) and kinds[c + 1] in ("text", "name") and _RANK.match(it.text))]
    if len(pool) < 3:
        return []
    vals = [_value(core[c].text) for c in pool]
    if None in vals or any(a < b for a, b in zip(vals[:-2], vals[1:-1], strict=False)) or \
            abs(sum(vals[:-1]) - vals[-1]) > 1e-9:
        return []
    chosen = set(pool[:-1])
    sub = [it._replace(kind="column") if c in chosen else it for c, it in enumerate(core) if c != pool[-1]]
    got, why = _block_core(sub)
    if got is None or len(got) != len(chosen) or [_value(r.amount) for r in got] != vals[:-1]:
        return []
    return [(got, why)]


@functools.lru_cache(maxsize=256)
def _longest_falling(vals: tuple[float, ...]) -> tuple[int, ...]:
    """Per position q, the length of the longest run of ``vals[q:]`` in their order, not rising, that starts
    with vals[q] (a Fenwick tree of the longest such run by its first value: O(m log m)). Kept for the section
    (payee_columns empties it): _falling_sums asks it again for the same numbers with other totals and counts."""
    ranks = sorted(set(vals))
    tree = [0] * (len(ranks) + 1)
    out = [0] * len(vals)
    for q in range(len(vals) - 1, -1, -1):
        r = bisect.bisect_right(ranks, vals[q])  # (1-based rank of vals[q]: the runs after it starting at a value <= it)
        best, i = 0, r
        while i > 0:
            best = max(best, tree[i])
            i -= i & -i
        out[q] = best + 1
        i = r
        while i < len(tree):
            tree[i] = max(tree[i], best + 1)
            i += i & -i
    return tuple(out)


def _falling_sums(vals: list[float], n: int, total: float, cap: int = 3, forced: frozenset[int] = frozenset(),
                  whole: bool | None = None) -> list[tuple[int, ...]]:
    """The ways (at most ``cap``: more means "too many") to pick ``n`` of ``vals``, in their order, that do not
    rise and add up to ``total`` (``_sums_to``), one per distinct run of values (its earliest cells). A memo
    over (position, how many left, what is left to add, the last value): no search over all subsets. The
    positions in ``forced`` (amounts by their cell: 「1 補助金等交付 3」) are in every pick."""
    if whole is None:  # (the caller may know: the same numbers are tried with several totals and counts)
        whole = all(float(v).is_integer() for v in [*vals, total])
    tol = 1e-9 if whole else 0.05 * n + 1e-9
    m = len(vals)
    rising = sorted(vals)
    if m < n or sum(rising[m - n:]) < total - tol or sum(rising[:n]) > total + tol:
        return []  # (no n of them can make the total)
    stop = [m] * (m + 1)  # stop[p]: the first forced position at p or after (m: none)
    for q in range(m - 1, -1, -1):
        stop[q] = q if q in forced else stop[q + 1]
    # low[q]: the least of vals[q:] — the k - 1 picks after one at q add up to (k - 1) * low[q + 1] at least, so
    # a pick leaving less than that to add leads to no way (cut before its search; the ways found unchanged)
    low = [float("inf")] * (m + 1)
    for q in range(m - 1, -1, -1):
        low[q] = min(vals[q], low[q + 1])
    chain = _longest_falling(tuple(vals))  # a pick at q with fewer than k values not rising from it on leads nowhere
    memo: dict[tuple[int, int, float, float], tuple[tuple[int, ...], ...]] = {}

    def go(p: int, k: int, rem: float, last: float) -> tuple[tuple[int, ...], ...]:
        if k == 0:
            return ((),) if abs(rem) <= tol and stop[p] == m else ()
        if rem < -tol or m - p < k:
            return ()
        key = (p, k, rem if whole else round(rem, 6), last)  # (whole figures: rem is whole, round(rem, 6) is rem)
        if key not in memo:
            out: list[tuple[int, ...]] = []
            seen: set[float] = set()  # (a value taken at a later cell gives no other run of values)
            for q in range(p, min(m - k, stop[p]) + 1):
                v = vals[q]
                if v > last or v in seen or chain[q] < k or v * k < rem - tol or \
                        (k - 1) * low[q + 1] > rem - v + tol + 1e-6:
                    continue
                seen.add(v)
                for rest in go(q + 1, k - 1, rem - v, v):
                    out.append((q, *rest))
                    if len(out) >= cap:
                        break
                if len(out) >= cap:
                    break
            memo[key] = tuple(out)
        return memo[key]

    return list(go(0, n, total, float("inf")))


_ROW_KINDS = frozenset(("text", "name", "corp"))


def _sum_readings(core: list[Item], known: list[float]) -> list[tuple[list[Column], str]]:
    """Readings of a block whose amounts the tool wrote among its ranks and 入札者数 with nothing to tell them
    apart but the 計 (reportlab's cells as pdfminer groups them: 「1」「2」「5」 ranks, 「40」 an amount written
    right before the next row's name, 「2」「2」「5」「-」 入札者数, the 計 after the last amount): the amounts are
    ``n`` of the block's numbers (rows: its 法人番号 cells, and up to as many more as its dashes), in their
    order, not rising down the list and adding up to the 計 — the figure with the 計 label, else a number of the
    block after them (no rank of a column of ranks). Only when one run of values does so for every 計 figure
    tried and the block's cells then read with those amounts (names and 法人番号 by ``_block_core``, the other
    numbers taken as ranks and 入札者数, none of an amount's shape left over). A block of one row proves
    nothing by its sum (its amount is its 計)."""
    kinds = [it.kind for it in core]
    if "column" in kinds:
        return []
    corps = kinds.count("corp")
    last = len(core) - 1
    dashes = sum(1 for c, kind in enumerate(kinds) if kind == "dash" and (
        (c > 0 and kinds[c - 1] in _ROW_KINDS) or (c < last and kinds[c + 1] in _ROW_KINDS)))  # (individuals'
    # 法人番号, next to a text, name or 法人番号: not 入札者数 / 落札率 dashes among numbers)
    if corps + dashes < 2:
        return []
    in_run = _rank_run_flags(core)
    nums = [c for c, kind in enumerate(kinds) if (kind == "num" and not in_run[c]) or kind == "amount"]
    if not nums:
        return []
    vals = [_value(core[c].text) for c in nums]
    if None in vals:
        return []
    whole = all(map(float.is_integer, map(float, vals)))  # type: ignore[arg-type]
    cells = [k for k, c in enumerate(nums) if core[c].kind == "amount"]  # amounts by their cell: in every pick
    last_cell = cells[-1] if cells else -1  # (cells rise)
    trials: list[tuple[float, int]] = [(t, len(nums)) for t in known] if known else \
        [(v, k) for k, v in enumerate(vals) if k >= 2 and core[nums[k]].kind == "num"]  # (the 計 after at least
    # two amounts)
    rank_cell = {c for c in nums if c + 1 < len(core) and core[c + 1].kind in ("text", "name") and _RANK.match(
        core[c].text)}.__contains__  # a rank cell before its name (「10」「有限責任監査法人…」; asked of numbers only)
    printed = {int(it.text) for c, it in enumerate(core) if in_run[c]}
    cell_at: dict[float, list[int]] = {}  # rank cells by their value: {rank: [index in nums]}
    for k, c in enumerate(nums):
        if rank_cell(c):
            cell_at.setdefault(vals[k], []).append(k)  # type: ignore[arg-type]
    out: list[tuple[list[Column], str]] = []
    rising_of: dict[int, list[float]] = {}  # sorted(vals[:upto]) by upto
    counts = range(max(corps, 2), corps + dashes + 1)
    missing_of = {n: set(range(1, n + 1)) - printed for n in counts} if trials else {}  # (ranks no column holds)
    for total, upto in trials:
        if last_cell >= upto:  # (an amount by its cell at or after the 計: for every n)
            continue
        for n in counts:
            missing = missing_of[n]
            held = set()  # the one rank cell of a rank no column of ranks holds (「6」…「9」, then 「10」 before its name)
            if printed and len(missing) <= 2:
                for r in missing:
                    at = [k for k in cell_at.get(r, ()) if k < upto]
                    held.update(at if len(at) == 1 else [])
            exact = whole and float(total).is_integer()
            if not held:  # (the pool is the first ``upto`` numbers: _falling_sums' first test, its sort kept per
                rising = rising_of.get(upto)  # pool, before the pool is built)
                if rising is None:
                    rising = rising_of[upto] = sorted(vals[:upto])  # type: ignore[type-var]
                m, tol = len(rising), 1e-9 if exact else 0.05 * n + 1e-9
                if m < n or sum(rising[m - n:]) < total - tol or sum(rising[:n]) > total + tol:
                    continue  # (no n of them can make the total)
            pool = [k for k in range(upto) if k not in held] if held else list(range(upto))
            must = frozenset(q for q, k in enumerate(pool) if k in cells) if cells else frozenset()
            picks = _falling_sums([vals[k] for k in pool], n, total, 4, must, exact)  # type: ignore[misc]
            if len(picks) > 3:
                return []
            for pick in ([pool[q] for q in p] for p in picks):
                chosen = {nums[k] for k in pick}
                drop = nums[upto] if upto < len(nums) else None
                left = [c for c in nums if c not in chosen and c != drop and not rank_cell(c)]
                if len(left) > n or any(_BIG.match(core[c].text) for c in left):
                    continue  # more numbers left than rows to have them as 入札者数, or one of an amount's shape
                sub = [it._replace(kind="column") if c in chosen and it.kind == "num" else
                       it._replace(kind="small") if it.kind == "num" and not in_run[c] and
                       _SMALL.match(it.text) and not rank_cell(c) else it
                       for c, it in enumerate(core) if c != drop]
                got, why = _block_core(sub)
                if got is None or len(got) != n or [_value(r.amount) for r in got] != [vals[k] for k in pick]:
                    continue
                if any(rank_cell(c) and (int(core[c].text), core[c + 1].line, core[c + 1].text) in
                       {(r.rank, r.line, r.name) for r in got} for c in chosen):
                    continue  # an amount that is the printed rank of the name after it
                seen = Counter(vals[k] for k in pool)
                if any(seen[v] > 1 for v in (vals[k] for k in pick)):  # which cell is which row's amount is not
                    got = [r._replace(description=None, contract_method=None) for r in got]  # established: nor
                out.append((got, why))  # its 契約方式 in the amount's cell, nor a 業務概要 placed by the amount
    return out


_COUNTS = re.compile(r"(\d+) names, (\d+) 法人番号")


class _Bounds(NamedTuple):
    forced: float  # the sum of the numbers any reading must take as amounts
    count: int  # how many they are
    smalls: tuple[float, ...]  # the other numbers (each a 0..999 that may be a rank, 入札者数 or amount), rising
    sums: tuple[float, ...]  # sums[k]: the sum of the k smallest (whole numbers: exact)
    least: int  # the fewest rows a reading can have (法人番号 cells)
    most: int  # the most (法人番号 and dash cells)


def _sum_bounds(core: list[Item]) -> _Bounds | None:
    """What every reading of a block's cells has in common (speed only; see _may_add_up): a reading takes as
    amounts every amount / column item and every number a rank or 入札者数 cannot be (``_block_core_of``
    rejects a block with such a number left over), one amount per row, one row per 法人番号 cell and at most
    one more per dash cell; its other amounts are among the small numbers (0..999)."""
    forced: list[float | None] = []
    smalls: list[float | None] = []
    corps = dashes = 0
    for it in core:
        kind = it.kind
        if kind == "num":
            (smalls if _SMALL.match(it.text) else forced).append(_value(it.text))
        elif kind in ("amount", "column"):
            forced.append(_value(it.text))
        elif kind == "corp":
            corps += 1
        elif kind == "dash":
            dashes += 1
    if None in forced or None in smalls:
        return None
    rising = sorted(smalls)
    return _Bounds(sum(forced), len(forced), tuple(rising), (0.0, *itertools.accumulate(rising)), corps,
                   corps + dashes)


def _may_add_up(bounds: _Bounds | None, it: Item) -> bool:
    """False only when no reading of the block's cells without ``it`` (a number) can add up to ``it``'s value
    (``_adds_up``): its amounts are the forced numbers and, for each further row, one of the small numbers, so
    they sum to at least the forced plus the fewest rows' smallest small numbers and at most the forced plus
    the most rows' largest. A bound, never a reading: True lets the block be read as before."""
    v = _value(it.text)
    if bounds is None or v is None:
        return True
    forced, count, sums, size, out = bounds.forced, bounds.count, bounds.sums, len(bounds.smalls), None
    if _SMALL.match(it.text):  # the cell taken out: one of the small numbers (the first of its value in the
        out, size = bisect.bisect_left(bounds.smalls, v), size - 1  # rising list), or of the forced
    else:
        forced, count = forced - v, count - 1
    least, most = max(bounds.least, count, 1), min(bounds.most, count + size)
    if least > most:
        return False

    def smallest(k: int) -> float:  # the sum of the k smallest small numbers left
        return sums[k] if out is None or out >= k else sums[k + 1] - v

    low = forced + smallest(least - count)
    high = forced + smallest(size) - smallest(size - (most - count))
    slack = 0.05 * bounds.most + 1e-6 * (abs(low) + abs(high) + abs(v) + 1.0)  # (_adds_up's rounding, the sums')
    return low - slack <= v <= high + slack


def _block(items: list[Item]) -> tuple[list[Column] | None, str]:
    cells = tuple(items)
    hit = _BLOCKS.get(cells)  # (the cuts, their variants with a 計 label or figure and ``_read``'s second pass
    if hit is None:  # give the same cells again: read once per section)
        if len(_BLOCKS) > 4096:  # (callers other than payee_columns: a bounded memo)
            _BLOCKS.clear()
        rows, why = _block_of(cells)
        if rows is None and any(it.kind == "total" for it in cells):
            rows, why = _other_ranks_left_out(items, why)
        if rows is None:  # an individual's dash written among 入札者数 / 落札率 dashes (kg.extract.payee_rescue)
            rows, why = individuals_read(cells, _block_of, lambda line: Item("corp", "-", line, False)) or (None, why)
        elif one_row_unsettled(cells, rows):  # (kg.extract.payee_rescue)
            rows, why = None, "one row, and another amount with its 契約方式 among its cells"
        elif _corp_with_head_figure(cells):
            rows, why = None, "a 法人番号 at its head with a figure after it (the block before's, with its 計?)"
        hit = _BLOCKS[cells] = (None if rows is None else tuple(rows)), why
    rows, why = hit
    return (None if rows is None else list(rows)), why


def _corp_with_head_figure(cells: tuple[Item, ...]) -> bool:
    """The block's first cell is a 法人番号 followed by a number that is no rank cell (a rank is followed by its
    name): pdftotext wrote the last row's 法人番号 of the block before with that block's 計 figure after the next
    title (「計」「C.」「6857106783327」「770」 then C's header and rank 1): whose number it is is not established."""
    head = [it for it in cells if it.kind not in ("total", "header")][:3]
    return len(head) >= 2 and head[0].kind == "corp" and head[0].alone and head[1].kind == "num" \
        and not (len(head) > 2 and head[2].kind in ("text", "name"))


def _other_ranks_left_out(items: list[Item], why: str) -> tuple[list[Column] | None, str]:
    """A block with its 計 label whose cells hold two columns of ranks (「1」…「4」 then 「1」…「3」: pdfminer wrote
    the block before's rank column with this block's) and that a column longer than its rows keeps unread: read
    again without the longest column (one of its length only), and kept only when its rows then add up to its
    計 (``_block_of``), are as many as another column's ranks, and have every rank printed."""
    runs: list[tuple[int, int]] = []  # (start, length) of each run of ranks 1..k
    for i, it in enumerate(items):
        if it.kind == "num" and it.text == "1":
            k = 1
            while i + k < len(items) and items[i + k].kind == "num" and items[i + k].text == str(k + 1):
                k += 1
            if k >= 2:
                runs.append((i, k))
    longest = max((k for _, k in runs), default=0)
    if len(runs) < 2 or sum(1 for _, k in runs if k == longest) != 1:
        return None, why
    start = next(i for i, k in runs if k == longest)
    rows, w = _block_of(tuple(it for i, it in enumerate(items) if not start <= i < start + longest))
    if rows is None or w == "unranked" or len(rows) not in {k for _, k in runs if k < longest}:
        return None, why
    return rows, w


class _Core:
    """What reading a block's cells without their 計 labels gives, worked out once per section however many 計
    labels and figures the same cells come with (a title cut, a header cut, the 計 figure of the next block's
    head, an empty label, the second pass): the first reading; the numbers that may be the 計 whatever its
    figure (the figure-independent filters of ``_block_of``) and, for each one tried, its reading (the cells
    without it, kept only when it adds up to it); the fallback readings (the amount column, the pooled
    amounts, the sum readings per 計 figures)."""

    __slots__ = ("core", "items", "rows", "why", "cands", "bounds", "bounded", "tried", "column", "pooled", "sums",
                 "says")

    def __init__(self, core: tuple[Item, ...]) -> None:
        self.core = core
        self.items = items = list(core)
        self.rows, self.why = _block_core(items)
        m = _COUNTS.match(self.why)
        hopeless = self.why == "no 法人番号" or (m and m[1] != m[2])  # (no number taken out as the 計 makes names
        # and 法人番号 agree)
        least = max((v for it in items if it.kind == "amount" and (v := _value(it.text)) is not None), default=0.0)
        in_run = _rank_run_flags(items) if not hopeless else []
        self.cands: list[int] = [] if hopeless else [
            c for c, it in enumerate(items) if it.kind == "num" and not (
                (_value(it.text) or 0.0) < least
                or (0 < c < len(items) - 1 and items[c + 1].kind == "contract" and items[c - 1].kind != "num")
                or in_run[c])]  # (a rank; below an amount of the block; a row's amount between its
        # 業務概要 and its 契約方式)
        self.bounds: _Bounds | None = None
        self.bounded = False  # (_sum_bounds, worked out when a number first gets to the bound)
        self.tried: dict[int, tuple[list[Column], str] | None] = {}
        self.column: list[tuple[list[Column], str]] | None = None
        self.pooled: list[tuple[list[Column], str]] | None = None
        self.sums: dict[tuple[float | None, ...], list[tuple[list[Column], str]]] = {}
        self.says: bool | None = None

    def reading_without(self, c: int) -> tuple[list[Column], str] | None:
        """The reading of the cells without number c when its rows add up to it (else None)."""
        if c in self.tried:
            return self.tried[c]
        it, got = self.items[c], None
        if not self.bounded:
            self.bounds, self.bounded = _sum_bounds(self.items), True
        if _may_add_up(self.bounds, it):  # (else a figure no reading of the other cells can add up to)
            rows, w = _block_core(self.items[:c] + self.items[c + 1:])
            if rows is not None and _adds_up(rows, _value(it.text)):
                got = (rows, w)
        self.tried[c] = got
        return got

    def amount_column(self) -> list[tuple[list[Column], str]]:
        if self.column is None:
            self.column = _amount_column(self.items)
        return self.column

    def fallback(self, known: list[float | None]) -> list[tuple[list[Column], str]]:
        """``_amount_column(core) or _pooled_amounts(core) or _sum_readings(core, known)``."""
        got = self.amount_column()
        if got:
            return got
        if self.pooled is None:
            self.pooled = _pooled_amounts(self.items)
        if self.pooled:
            return self.pooled
        key = tuple(known)
        if key not in self.sums:
            self.sums[key] = _sum_readings(self.items, known)  # type: ignore[arg-type]
        return self.sums[key]


_BLOCKS: dict[tuple[Item, ...], tuple[tuple[Column, ...] | None, str]] = {}  # _block's readings of one section
_CORES: dict[tuple[Item, ...], _Core] = {}  # one section's block cells without 計 labels, read


def _core_of(core: tuple[Item, ...]) -> _Core:
    info = _CORES.get(core)
    if info is None:
        if len(_CORES) > 4096:  # (callers other than payee_columns: a bounded memo)
            _CORES.clear()
        info = _CORES[core] = _Core(core)
    return info


@functools.lru_cache(maxsize=1024)
def _block_of(cells: tuple[Item, ...]) -> tuple[list[Column] | None, str]:
    """One block's items -> its rows, or None with the reason. A block that holds its 計 label must add up
    to its 計: the figure written with the label, else one number of the block
    that the other numbers' rows add up to (taken out of the block: it is no amount); when several numbers
    could be the 計 they must give the same rows, and with no 計 figure found the block is unknown. A block
    without its label reads as before, or, failing that, with one of its numbers as its 計 by the same sum.
    (What depends on the cells without their labels alone is worked out once per section: ``_Core``.)"""
    labels = [it for it in cells if it.kind == "total"]
    info = _core_of(tuple(it for it in cells if it.kind != "total") if labels else cells)
    known = [_value(it.text) for it in labels if it.text]
    rows, why = info.rows, info.why
    if rows is not None and not labels:
        if info.says is None:
            info.says = _says_otherwise(rows, info.amount_column())
        if info.says:
            return None, "a run of its numbers adding up to its last gives other amounts"
        return rows, why
    if rows is not None and any(_adds_up(rows, t) for t in known):
        return rows, why
    readings: list[tuple[list[Column], str]] = []
    items = info.items
    for c in info.cands:
        if known and not any(_value(items[c].text) == t for t in known):
            continue  # (not the 計 figure written with the label)
        got = info.reading_without(c)
        if got is not None:
            readings.append(got)
    if not readings and labels:
        readings = info.fallback(known)
    if readings:
        keys = {tuple(r[:5] for r in got) for got, _ in readings}
        if len(keys) > 1:
            return None, "two readings add up to a 計 of it (two numbers as its 計, or two runs of amounts) and give other rows"
        return readings[0]
    if labels:
        return None, ("its amounts do not add up to its 計" if rows is not None or known else
                      f"no 計 figure its amounts add up to ({why})" if rows is None else "no 計 figure")
    return rows, why


def _drop_head_total(chunk: list[Item], total: float | None) -> list[Item]:
    """A block's cells without a number at their head (before any row's cell) that is the 計 of the block
    before (pdfminer writes a 計 figure after the next block's title)."""
    if total is None:
        return chunk
    for i, it in enumerate(chunk):
        if it.kind == "num" and _value(it.text) == total:
            return chunk[:i] + chunk[i + 1:]
        if it.kind not in ("total", "header", "title"):
            break
    return chunk


def _head_figure(chunk: list[Item]) -> Item | None:
    """The number a block's cells start with (after its 計 label, before any row's cell) when it is no rank
    cell (a rank cell is followed by its name): where pdfminer writes the 計 figure of the block before."""
    for i, it in enumerate(chunk):
        if it.kind == "total":
            continue
        if it.kind == "num" and not (i + 1 < len(chunk) and chunk[i + 1].kind in ("text", "name")):
            return it
        return None
    return None


def _next_head_totals(chunks: list[tuple[str, list[Item]]]) -> list[Item | None]:
    """Per block: when it holds its 計 label without a figure and the next block starts with a number that is
    no rank cell, that number as a 計 item (pdfminer writes a 計 figure after the next block's title), when the
    titles up to the next block's run A, B, C ... in order. It is only offered when the block does not read otherwise, and its amounts must add up to it (the next block
    reads without it in the second pass, which drops the 計 of the block before from its head)."""
    out: list[Item | None] = []
    order = [ord(letter) for letter, _ in chunks]
    for k, (_, chunk) in enumerate(chunks):
        if order[:k + 2] != list(range(ord("A"), ord("A") + len(order[:k + 2]))):  # titles written out of their
            out.append(None)  # order up to the next block's: its cells may be another block's
            continue
        fig = None
        labels = [it for it in chunk if it.kind == "total"]
        if labels and not any(it.text for it in labels) and k + 1 < len(chunks):
            head = _head_figure(chunks[k + 1][1])
            if head is not None:
                fig = Item("total", head.text, head.line)
        out.append(fig)
    return out


def _chunks(items: list[Item], by: str) -> list[tuple[str, list[Item]]]:
    """Items cut into blocks at the block titles (``by="title"``) or at the table headers (``by="header"``:
    one header per block, the letters taken from the titles in order; only when the counts agree)."""
    letters: list[str] = []
    for it in items:
        if it.kind == "title" and (not letters or letters[-1] != it.text):  # a title repeated on the next page
            letters.append(it.text)
    blocks: list[tuple[str, list[Item]]] = []
    if by == "title":
        for it in items:
            if it.kind == "title":
                if not blocks or blocks[-1][0] != it.text:
                    blocks.append((it.text, []))
            elif it.kind != "header" and blocks:
                blocks[-1][1].append(it)
        return blocks
    runs: list[list[Item]] = []
    prev = None
    last_title, repeated = None, False
    for it in items:
        if it.kind == "header":  # a table header starts at its first column's 支出先 (other header cells skipped)
            if prev != "header" and it.text.startswith("支出先") and not it.text.startswith("支出先上位") \
                    and not (repeated and runs):  # (not the note under the tables: 「支出先上位10者リスト欄について…」)
                runs.append([])  # (under its block's title repeated on a continuation page: the same block)
        elif it.kind == "title":
            repeated = it.text == last_title
            last_title = it.text
            continue
        elif runs:
            runs[-1].append(it)
        if it.kind != "header":
            repeated = False
        prev = it.kind
    if len(runs) != len(letters) or len(set(letters)) != len(letters) or letters != sorted(letters):
        return []  # (titles written out of their order: which header is whose is not established)
    return list(zip(letters, runs, strict=True))


def _rank_one(items: list[Item], i: int) -> bool:
    """items[i] is a printed rank 1: with its name in one cell (「1 株式会社…」), or a cell 「1」 right before
    its name cell (then its 法人番号, or another cell)."""
    it = items[i]
    if it.text != "1":
        return False
    if it.kind == "rank":
        return not it.alone
    return it.kind == "num" and i + 1 < len(items) and items[i + 1].kind == "text" and (
        i + 2 == len(items) or items[i + 2].kind in ("corp", "dash", "num", "rank", "name", "text"))


def _rank_chunks(items: list[Item]) -> list[tuple[str, list[Item], list[Item]]]:
    """Items cut into blocks at their printed ranks 1, titles aside (pdfminer writes some titles among the rows
    of the block or two before, or after the next two blocks' rows): (letter, the block's cells, the next
    block's cells). Only when there is one rank 1 per letter (the letters A, B, C ... of the titles), no
    row's cell before the first rank 1, and each title written within two blocks of its own (otherwise
    nothing: which rows are whose is not established)."""
    title_at: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        if it.kind == "title":
            title_at.setdefault(it.text, []).append(i)
    letters = sorted(title_at)
    if not letters or "".join(letters) != "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:len(letters)]:
        return []
    starts = [i for i in range(len(items)) if _rank_one(items, i)]
    if len(starts) != len(letters) or any(it.kind in ("corp", "name", "rank", "dash", "amount")
                                          for it in items[:starts[0]]):
        return []
    bounds = [0, 0, *starts, len(items), len(items), len(items)]  # a title within two blocks of its own
    for k, letter in enumerate(letters):
        if not any(bounds[k] <= t < bounds[k + 5] for t in title_at[letter]):
            return []
    segs = [[it for it in items[bounds[k + 2]:bounds[k + 3]] if it.kind not in ("title", "header")]
            for k in range(len(letters))]
    return [(letter, segs[k], segs[k + 1] if k + 1 < len(segs) else []) for k, letter in enumerate(letters)]


def _rank_cut(items: list[Item], before: dict[str, float]) -> dict[str, list[Column]]:
    """Blocks read from the rank cut (``_rank_chunks``): each with every rank printed and its amounts adding
    up to a 計 figure of its cells (or the number the next block's cells start with) that is none of its
    amounts."""
    out: dict[str, list[Column]] = {}
    labelled = any(it.kind == "total" for it in items)
    for letter, seg, nxt in _cut(items, "rank"):
        seg = _drop_head_total(seg, before.get(letter))
        rows, why = _block(seg)
        head = _head_figure(nxt)
        if rows is None and head is not None and any(it.kind == "total" and not it.text for it in seg):
            rows, why = _block([*seg, Item("total", head.text, head.line)])
        if rows is None and seg and labelled and not any(it.kind == "total" for it in seg):
            rows, why = _block([*seg, Item("total", "", seg[-1].line)])  # (its 計 label written before its
            # first rank 1, among the titles: the block is read as one with its label, by a 計 figure of its own)
        if rows is None or why == "unranked":
            continue
        if _sum_written(rows, [*seg, *([head] if head is not None else [])]):
            out[letter] = [_new_column((letter, *r[1:])) for r in rows]  # (r._replace(block=letter))
    return out


def _sum_written(rows: list[Column], cells: list[Item]) -> bool:
    """The rows' amounts add up to a number of the cells that is none of the amounts (a 計 figure)."""
    parts = [_value(r.amount) for r in rows]
    if None in parts:
        return False
    total = sum(parts)  # type: ignore[arg-type]
    figs = [it for it in cells if it.kind in ("num", "amount", "column", "total") and it.text and
            _value(it.text) == total]
    return len(figs) > sum(1 for v in parts if v == total)


_STREAMS = (("name", "支出先"), ("corp", "法人番号"), ("amount", "支出額"))


def _stream_chunks(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Items cut into blocks column by column: each block's table header has a 支出先, a 法人番号 and a 支出額
    cell, and a tool that writes the left columns of several blocks before their right columns (pdftotext on
    a page of several blocks) still writes each column's header before that block's cells in the column. So a
    法人番号 (and a name cell right before it, and the 業務概要 cells) belongs to the block of the last 法人番号
    header, an amount / 契約方式 / 入札者数 / 落札率 to the block of the last 支出額 header, a rank and name cell
    not followed by its 法人番号 to the block of the last 支出先 header. Only when every block has one header of
    each kind (otherwise nothing)."""
    letters: list[str] = []
    for it in items:
        if it.kind == "title" and (not letters or letters[-1] != it.text):
            letters.append(it.text)
    if len(set(letters)) != len(letters) or letters != sorted(letters):
        return []
    none: list[str] = []  # (shared by the cells that are no header: never changed)
    heads = [[s for s, word in _STREAMS if word in it.text] if it.kind == "header" else none for it in items]
    count = dict.fromkeys((s for s, _ in _STREAMS), 0)
    for h in heads:
        for s in h:
            count[s] += 1
    if any(k != len(letters) for k in count.values()):
        return []
    at = {s: -1 for s, _ in _STREAMS}
    out: list[list[Item]] = [[] for _ in letters]
    prev = None
    for i, it in enumerate(items):
        if heads[i]:
            for s in heads[i]:
                at[s] += 1
            prev = heads[i][-1] if len(heads[i]) == 1 else None
            continue
        if it.kind in ("title", "header"):
            continue
        if it.kind == "total":  # 「計 90」 (written as one cell, the figure under the 支出額 header); a 「計」 alone
            if it.text and at["amount"] >= 0:  # is not placed (the tool may write it far from its block)
                out[at["amount"]].append(it)
            continue
        if it.kind in ("corp", "desc", "text"):
            stream = "corp"
        elif it.kind in ("rank", "name"):
            j = i + 1
            while j < len(items) and items[j].kind in ("rank", "name") and items[j].line == it.line:
                j += 1
            stream = "corp" if j < len(items) and items[j].kind in ("corp", "dash") else "name"  # (a dash: an
            # individual's 法人番号)
        elif it.kind == "dash":
            stream = prev
            j = i - 1
            while j > 0 and items[j].kind == "header" and not heads[j]:  # (「業務概要」 a cell of its own)
                j -= 1
            if j >= 0 and heads[j] == ["corp"] and i + 1 < len(items) and items[i + 1].kind == "text":
                it = it._replace(kind="corp")  # an individual's dash under the 法人番号 header, its 業務概要 after
        else:  # an amount (and its 契約方式, 入札者数, 落札率) right after its row's 業務概要: that row's block
            stream = "amount" if prev != "corp" or it.kind not in ("amount", "num") else "row"
            stream = "row" if prev == "row" and it.kind in ("contract", "small", "num") else stream
        prev = stream
        at_ = at["corp"] if stream == "row" else at.get(stream, -1) if stream else -1
        if at_ < 0:
            continue
        out[at_].append(it)
    return list(zip(letters, out, strict=True))


_CUTS: dict[tuple[int, str], tuple[tuple[Item, ...], list]] = {}


def _cut(items: list[Item], by: str) -> list:
    """``_chunks(items, by)``, ``_stream_chunks(items)`` (by="streams") or ``_rank_chunks(items)`` (by="rank"),
    each worked out once per section: ``_read`` runs twice over the same items and its fallbacks cut them
    again (the cuts depend on the items alone; no caller changes a cut's lists). Kept for the items of the
    last section (``payee_columns`` empties it), checked against a copy of the items."""
    key = (id(items), by)
    hit = _CUTS.get(key)
    if hit is not None and hit[0] == tuple(items):
        return hit[1]
    got = _stream_chunks(items) if by == "streams" else _rank_chunks(items) if by == "rank" else _chunks(items, by)
    if len(_CUTS) > 64:  # (callers other than payee_columns: a bounded memo)
        _CUTS.clear()
    _CUTS[key] = (tuple(items), got)
    return got


def payee_columns(cells: list[tuple[str, int, bool]]) -> tuple[list[Column], list[tuple[int, str]]]:
    """Paragraph cells of the 支出先上位10者リスト section (text, line, is a table header) -> rows of the blocks
    that read whole, and (line, reason) for each block that did not. The blocks are cut at their titles or,
    when that reads more rows, at their table headers (pdfminer may write a title after the block's rows)."""
    _block_core_of.cache_clear()  # (caches of one section's readings)
    _plausible.cache_clear()
    _desc_shaped.cache_clear()
    _block_core_t.cache_clear()
    _block_of.cache_clear()
    _longest_falling.cache_clear()
    _CUTS.clear()
    _BLOCKS.clear()
    _CORES.clear()
    items = [_new_item((it[0], it[1], line, it[3]))  # (Item(it.kind, it.text, line, it.alone))
             for text, line, header in cells for it in _shapes(text, header)]
    for i in range(1, len(items)):  # a 計 written right after the next block's title (before its table header)
        j = i - 1  # is the block's before: moved before that title
        while j > 0 and items[j].kind == "header":
            j -= 1
        if items[i].kind == "total" and items[j].kind == "title":
            items.insert(j, items.pop(i))
    items = _ranks_before_methods(items)
    out, unread = _read(items, {})
    sums = {r.block: 0.0 for r in out}
    for r in out:
        sums[r.block] += _value(r.amount) or 0.0
    before = {chr(ord(k) + 1): v for k, v in sums.items()}
    if sums and _heads_change(items, before):  # again, each block's cells without the 計 figure of the block
        out, unread = _read(items, before)  # before it written at their head
    return out, unread


def _ranks_before_methods(items: list[Item]) -> list[Item]:
    """Items with a 「1」 cell that stands right after a block's title or its table's first header cells
    (「支出先」「法人番号」, other header cells between) and right before a 契約方式 cell (header cells between) taken
    as a small cell: it is the block's rank 1, its row's name and amount written elsewhere (pdftotext: 「G.」「1」
    「随意契約 (公募)」), not an amount followed by its 契約方式."""
    out = list(items)
    for i in range(1, len(items) - 1):
        it = items[i]
        if it.kind != "num" or it.text != "1" or not it.alone:
            continue
        k = i + 1
        while k < len(items) - 1 and items[k].kind == "header":
            k += 1
        if items[k].kind != "contract":
            continue
        j = i - 1
        first = False
        while j > 0 and items[j].kind == "header":
            first = first or items[j].text.startswith(("支出先", "法人番号"))
            j -= 1
        if first or items[j].kind == "title":
            out[i] = it._replace(kind="small")
    return out


def _heads_change(items: list[Item], before: dict[str, float]) -> bool:
    """Whether ``_read(items, before)`` may read other cells than ``_read(items, {})`` did (speed only): ``before``
    reaches the readings only through ``_drop_head_total`` of a chunk of the title, header, column or rank cut
    (``_read``, ``_rank_cut``, ``_run_fallback``'s cuts), and ``_read(items, {})`` drops nothing. When no chunk
    of those cuts starts with its ``before`` figure, every reading of the second pass gets the cells the first
    got, so it gives what the first gave. The rank cut is looked at only when the first pass made it (a pass
    that never asked for it, given the same cells everywhere else, does not ask for it either)."""
    cuts = [_cut(items, "title"), _cut(items, "header"), _cut(items, "streams")]
    hit = _CUTS.get((id(items), "rank"))
    if hit is not None and hit[0] == tuple(items):
        cuts.append([(letter, seg) for letter, seg, _ in hit[1]])
    return any(_drop_head_total(chunk, before.get(letter)) != chunk for cut in cuts for letter, chunk in cut)


def _read(items: list[Item], before: dict[str, float]) -> tuple[list[Column], list[tuple[int, str]]]:
    """payee_columns over items; ``before``: {block letter: the 計 of the block before it, as read}."""
    readings: list[dict[str, tuple[list[Column], bool]]] = []
    unread: dict[str, tuple[int, str]] = {}
    header_cut: dict[str, list[Item]] = {}
    labelled: set[str] = set()  # blocks whose 計 label the title or header cut holds
    figures: dict[float, int] = {}  # every number of the section, how often
    for it in items:
        v = _value(it.text) if it.kind in ("num", "amount") or (it.kind == "total" and it.text) else None
        if v is not None:
            figures[v] = figures.get(v, 0) + 1

    def figure_seen(rows: list[Column]) -> bool:
        """The sum of the rows' amounts is a number of the section (besides the one amount of a one-row block):
        a block read without its 計 label (the column cut, or the rows up to the next rank 1) still adds up to
        a 計 the tool wrote somewhere."""
        parts = [_value(r.amount) for r in rows]
        return None not in parts and figures.get(sum(parts), 0) >= (2 if len(rows) == 1 else 1)

    any_total = any(it.kind == "total" for it in items)
    for by in ("title", "header", "streams"):
        got: dict[str, tuple[list[Column], bool]] = {}
        seen: set[str] = set()
        prev_empty = False
        cut = _cut(items, by)
        if by == "title":
            title_cut = cut
        borrowed = [None] * len(cut) if by == "streams" else _next_head_totals(cut)
        for (letter, chunk), fig in zip(cut, borrowed, strict=True):
            if by == "streams" and header_cut.get(letter) == chunk:
                continue  # the same cells as the header cut: no second reading
            if by == "header":
                header_cut[letter] = chunk
            if letter in seen:
                unread.setdefault(letter, (chunk[0].line if chunk else 0, f"block {letter} written twice"))
                continue
            seen.add(letter)
            has_total = any(it.kind == "total" for it in chunk)
            if by != "streams" and has_total:
                labelled.add(letter)
            rows, why = _block(_drop_head_total(chunk, before.get(letter)))
            if rows is None and fig is not None:
                rows = _block([*_drop_head_total(chunk, before.get(letter)), fig])[0]
            if rows is None and by != "streams" and chunk and any_total and not has_total:  # its 計 label written
                # elsewhere (among other titles): read as a block with its label, by a 計 figure of its own
                rows = _block([*_drop_head_total(chunk, before.get(letter)), Item("total", "", chunk[-1].line)])[0]
            if rows is not None and by == "streams" and letter in labelled and not has_total and not figure_seen(rows):
                rows, why = None, "its column cut's amounts add up to no 計 of the section"
            if rows is None and by == "title" and not prev_empty and chunk and chunk[0].kind == "rank":
                firsts = [i for i, it in enumerate(chunk) if it.kind == "rank" and not it.alone and it.text == "1"]
                if len(firsts) > 1 and firsts[0] == 0:
                    # the next blocks' rows written before their titles: the rows right under this title, up to
                    # the next printed rank 1, are this block's (not when the title came with another title
                    # before it)
                    rows, why = _block(chunk[:firsts[1]])
                    if rows is not None and (why == "unranked" or (letter in labelled and not any(
                            it.kind == "total" for it in chunk[:firsts[1]]) and not figure_seen(rows))):
                        rows = None
            prev_empty = not chunk
            if rows is None:
                if any(it.kind == "corp" for it in chunk):
                    unread.setdefault(letter, (chunk[0].line, f"block {letter}: {why}"))
                continue
            got[letter] = ([_new_column((letter, *r[1:])) for r in rows], why != "unranked")  # (r._replace(block=
            # letter), without the Python-level _make)
        readings.append(got)
    for letter in _spilled_titles(items, title_cut, readings[0], readings[1]):
        readings[0].pop(letter, None)
    out: list[Column] = []
    for letter in sorted({k for got in readings for k in got}):
        read = [got[letter] for got in readings if letter in got]
        if len(read) > 1:  # every cut that reads the block gives the same rows (one may stop early: a title
            # written before or after its block's first rows)
            keys = [[r[:5] for r in rows] for rows, _ in read]  # block, rank, name, 法人番号, amount
            if any(ka[:len(kb)] != kb and kb[:len(ka)] != ka for ka in keys for kb in keys):
                unread[letter] = (read[0][0][0].line, f"block {letter}: its title and its table header give other rows")
                continue
            # the rows both column cuts give (a title cut may run on into the next block's first rows)
            cuts = [k for k, got in enumerate(readings) if letter in got]
            best = min((k for k in range(len(read)) if cuts[k] > 0), key=lambda k: len(read[k][0]))
            out += [r if all(k >= len(rows) or rows[k][6:] == r[6:] for rows, _ in read)
                    else r._replace(description=None, contract_method=None)  # other cells only where all agree
                    for k, r in enumerate(read[best][0])]
            continue
        rows, ranked = read[0]
        if not ranked and _ranks_printed(title_cut, letter) not in (None, len(rows)):
            unread.setdefault(letter, (rows[0].line, f"block {letter}: its title's printed ranks count otherwise than "
                                                     "the rows read"))
            continue
        if (ranked and letter not in after_bunched_title(title_cut)) or letter not in readings[0]:  # read by one cut only: by its table header (its cells
            out += rows  # come after the header row above them), or by its title with its ranks printed
        else:
            unread.setdefault(letter, (rows[0].line, f"block {letter}: read by its title only, ranks not printed"))
    done = {r.block for r in out}
    more, other = _rank_fallback(items, before, out, done)
    more = several_rows_only(more, [it.text for it in items if it.kind == "title"])  # (kg.extract.payee_rescue)
    for letter in other:  # the rank cut reads the block otherwise: which rows are its is not established
        line = next(r.line for r in out if r.block == letter)
        unread[letter] = (line, f"block {letter}: its printed ranks 1 cut it otherwise than its title or header")
    out = [r for r in out if r.block not in other] + more
    done = {r.block for r in out}
    removed: set[tuple[int, str]] = set()
    letters = {it.text for it in items if it.kind == "title"}
    if not letters <= done and any_total:  # (a form without 計 rows: no 計 to
        cuts: dict[str, list[list[Item]]] = {}  # check a run of amounts by)
        for by in ("title", "header"):
            for letter, chunk in _cut(items, by):
                cuts.setdefault(letter, []).append(chunk)
        for letter, seg, _ in _cut(items, "rank"):
            cuts.setdefault(letter, []).append(seg)
        runs = _amount_runs(items)
    for _ in range(3 if not letters <= done and any_total else 0):
        more, used = _run_fallback(items, before, out, done, removed, cuts, runs)  # (a block may read once
        if not more:  # the runs other blocks took are out of its cells)
            break
        out += more
        removed |= used
        done = {r.block for r in out}
    for rescue in (next_head_reads, head_amount_reads, continued_reads):  # (kg.extract.payee_rescue)
        out += rescue(title_cut, {r.block for r in out}, _block_of, lambda text, line: Item("total", text, line))
    out = _drop_shared_rows(out, unread)
    done = {r.block for r in out}
    return out, [v for k, v in sorted(unread.items()) if k not in done]


def _ranks_printed(title_cut: list[tuple[str, list[Item]]], letter: str) -> int | None:
    """How many ranks (1, 2, …) pdfminer.six wrote right after block ``letter``'s title (「J. | 1 | 2 | 支出先 | …」:
    the title and its rank column bunched before the table), None when none stands there: a block read unranked
    (by its table header's cut) with another count of rows lost a row (「職員旅費(職員A) | - | 32」, a 「-」 the
    reader took for no 法人番号), the rows it read are then not established at their ranks."""
    chunk = next((chunk for title, chunk in title_cut if title == letter), None)
    n = 0
    while chunk and n < len(chunk) and chunk[n].kind in ("rank", "num") and chunk[n].text == str(n + 1):
        n += 1
    # a group of ranks whose column goes on further down (「A. | 1 | 2 | 3 | 4 | names … | 5 | 6 | 7」: pdfminer.six
    # wrote the ranks in groups): the ranks after the title are only its first, and count nothing. (A 「1」 alone
    # there is no group: the block's count stays 1, and a block read with more rows than that is unread.)
    later = [it.text if it.kind in ("rank", "num") else "" for it in chunk[n:]] if chunk and n >= 2 else []
    if any(a == str(n + 1) and b == str(n + 2) for a, b in zip(later, later[1:], strict=False)):
        return None
    return n or None


def _spilled_titles(items: list[Item], title_cut: list[tuple[str, list[Item]]],
                    title_got: dict[str, tuple[list[Column], bool]],
                    header_got: dict[str, tuple[list[Column], bool]]) -> set[str]:
    """Blocks whose title cut reads cells of the block before (pdfminer writes the next block's title after
    some of a block's cells, before its 法人番号 or amounts): cells between this block's title and its table
    header — the block before's in the header cut — give its title cut's reading a 法人番号 or an amount its
    cells after the header do not hold, while the block before is read by its header cut and not by its
    title cut (its rows' cells are after the next title). The title cut of such a block is not read (its
    header cut still is)."""
    out: set[str] = set()
    if not title_got or len(header_got) < 2:
        return out
    heads: dict[str, list[Item]] = {}  # title -> the cells from it to the next table header
    at = None
    for it in items:
        if it.kind == "title":
            at = it.text if it.text not in heads else None
            if at is not None:
                heads[at] = []
        elif it.kind == "header" and it.text.startswith("支出先"):
            at = None
        elif at is not None and it.kind != "header":
            heads[at].append(it)
    for (prev, _), (letter, chunk) in itertools.pairwise(title_cut):
        if prev not in header_got or letter not in header_got or letter not in title_got or (
                prev in title_got and prev not in out) or not heads.get(letter):
            continue
        head = heads[letter]
        rest = chunk[len(head):] if chunk[:len(head)] == head else None
        if rest is None:
            continue
        corps = {it.text for it in rest if it.kind == "corp"}
        figures = Counter(_value(it.text) for it in rest if it.kind in ("num", "amount", "total") and it.text)
        rows = title_got[letter][0]
        if any(r.corporate_number not in corps for r in rows if r.corporate_number != "-") or \
                not Counter(_value(r.amount) for r in rows) <= figures:
            out.add(letter)
    return out


def _drop_shared_rows(out: list[Column], unread: dict[str, tuple[int, str]]) -> list[Column]:
    """Blocks given one same row (its name's cell, 法人番号 and amount) by different cuts are left unknown: one
    of the cuts put another block's rows under its letter, and which is not established."""
    seen: dict[tuple[int, str, str, str], str] = {}
    shared: set[str] = set()
    for r in out:
        k = seen.setdefault((r.line, r.name, r.corporate_number, r.amount), r.block)
        if k != r.block:
            shared |= {k, r.block}
    for letter in sorted(shared):
        line = next(r.line for r in out if r.block == letter)
        unread[letter] = (line, f"block {letter}: a row of it is read in another block too")
    return [r for r in out if r.block not in shared]


def _amount_runs(items: list[Item]) -> list[tuple[list[int], list[int]]]:
    """Runs of amounts written one after another (each in its 契約方式's cell, or a number then its 契約方式
    cell), the item before the run no such cell, with the numbers written right after the run (入札者数,
    dashes, 落札率 and the 計 figure): [(the amounts' indices, the following numbers' indices)]."""
    out = []
    i = 0
    while i < len(items):
        run: list[int] = []
        j = i
        while j < len(items):
            if items[j].kind == "amount":
                run.append(j)
                j += 1
                while j < len(items) and items[j].line == items[j - 1].line and items[j].kind in ("contract", "small"):
                    j += 1
            elif items[j].kind == "num" and j + 1 < len(items) and items[j + 1].kind == "contract":
                run.append(j)
                j += 2
            else:
                break
        if not run:
            i += 1
            continue
        trail = []
        while j < len(items) and items[j].kind in ("num", "small", "dash") and not (
                j + 1 < len(items) and items[j + 1].kind == "contract"):  # (up to the next run)
            if items[j].kind == "num":
                trail.append(j)
            j += 1
        out.append((run, trail))
        i = j
    return out


_SHORT = re.compile(r"(\d+) names, (\d+) 法人番号, (\d+)\(\+(\d+)\) amounts")


def _run_fallback(items: list[Item], before: dict[str, float], out: list[Column], done: set[str],
                  removed: set[tuple[int, str]], cuts: dict[str, list[list[Item]]],
                  all_runs: list[tuple[list[int], list[int]]]) -> tuple[list[Column], set[tuple[int, str]]]:
    """Blocks whose rows pair (as many names as 法人番号) but whose last amounts pdfminer wrote elsewhere (after
    a page's other blocks, with the 計 right after them): a run of amounts (``_amount_runs``) outside the
    block's cells, as long as the amounts it lacks, that with the block's own amounts falls down the list and
    adds up to the 計 written right after the run (the first number there that is no 入札者数, else the last).
    Only for a block of two rows or more in a section with 計 labels, when exactly one run in the section
    reads the block (in any cut that holds it), no other block takes that run, and no block read already has
    one of the run's amounts among the cells it was read from. ``removed``: the cells (line, text) of runs
    and 計 figures taken in an earlier round, left out of every block's cells (a block whose cells read
    without them, every rank printed and adding up to a 計 figure of its cells, is read). Returns the rows
    and the cells this round took."""
    todo = sorted({it.text for it in items if it.kind == "title"} - done)
    if not todo:
        return [], set()
    runs = [(run, trail) for run, trail in all_runs if not any((items[q].line, items[q].text) in removed for q in run)]
    found: dict[str, tuple[int, list[Column]]] = {}
    for letter in todo:
        got: set[tuple[int, tuple]] = set()
        reading: dict[int, list[Column]] = {}
        for chunk in cuts.get(letter, []):
            chunk = _drop_head_total(chunk, before.get(letter))
            if removed:
                left = [it for it in chunk if (it.line, it.text) not in removed]
                if len(left) < len(chunk):
                    rows, why = _block(left)
                    if rows is not None and why != "unranked" and _sum_written(rows, left):
                        got.add((-1, tuple(x[1:5] for x in rows)))
                        reading[-1] = rows
                    continue
            rows, why = _block(chunk)
            m = _SHORT.search(why)
            if rows is not None or not m or m[1] != m[2] or int(m[3]) + int(m[4]) >= int(m[2]) or int(m[2]) < 2:
                continue  # (a 計 of one amount proves nothing)
            need = int(m[2]) - int(m[3])
            keys = {(it.line, it.text) for it in chunk}
            for r, (run, trail) in enumerate(runs):
                if len(run) != need or any((items[q].line, items[q].text) in keys for q in run):
                    continue
                part = sum(_value(items[q].text) or 0.0 for q in run)
                big = [t for t in trail if not _RANK.match(items[t].text)]
                for t in (big or trail)[-1 if not big else 0:][:1]:  # (the 計: the first number after the run
                    total = _value(items[t].text)  # that is no 入札者数, else the last)
                    if total is None or total < part or (total == part) != (int(m[3]) == 0):
                        continue
                    extra = [items[q]._replace(kind="column") for q in run]
                    rows, _ = _block([*[it for it in chunk if it.kind != "total"], *extra,
                                      Item("total", items[t].text, items[t].line)])
                    if rows is not None:
                        got.add((r, tuple(x[1:5] for x in rows)))
                        reading[r] = rows
        if len(got) == 1:
            r, _ = next(iter(got))
            found[letter] = (r, [x._replace(block=letter) for x in reading[r]])
    claimed: dict[int, int] = {}
    for r, _ in found.values():
        claimed[r] = claimed.get(r, 0) + 1
    result: list[Column] = []
    used: set[tuple[int, str]] = set()
    for _letter, (r, rows) in sorted(found.items()):
        if r < 0:
            result += rows
            continue
        if claimed[r] > 1:
            continue
        run_keys = {(items[q].line, items[q].text) for q in runs[r][0]}
        texts = {items[q].text for q in runs[r][0]}
        if any(x.amount in texts and any(run_keys & {(it.line, it.text) for it in chunk}
                                         for chunk in cuts.get(x.block, [])) for x in out):
            continue  # a block read already may have taken one of the run's amounts
        result += rows
        used |= run_keys | {(items[t].line, items[t].text) for t in runs[r][1]
                            if _value(items[t].text) == sum(_value(x.amount) or 0.0 for x in rows)}
    return result, used


def _rank_fallback(items: list[Item], before: dict[str, float], out: list[Column], done: set[str]
                   ) -> tuple[list[Column], set[str]]:
    """Rows of the blocks no other cut read, from the rank cut, when the rank cut gives every block the other
    cuts read the same rows; else no rows, and the blocks the rank cut reads otherwise (where such a block
    starts is then not established: it is left unknown)."""
    firsts = list(dict.fromkeys(it.text for it in items if it.kind == "title"))
    if set(firsts) <= done and firsts == sorted(firsts):  # (every block read, the titles in order: the rank
        return [], set()  # cut is not needed to tell where a block starts)
    ranked = _rank_cut(items, before)
    mine = {k: [r[1:5] for r in rows] for k, rows in ranked.items()}
    theirs: dict[str, list] = {}
    for r in out:
        theirs.setdefault(r.block, []).append(r[1:5])
    other = {k for k, v in theirs.items() if k in mine and mine[k] != v}
    if other:
        return [], other
    return [r for k, rows in sorted(ranked.items()) if k not in done for r in rows], set()


__all__ = ["Column", "payee_columns"]
