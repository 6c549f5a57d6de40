"""Payee rows pdfminer.six wrote as columns (issue 17): k rows' names and their anchors (法人番号 or 「-」) one after
another, then their k 業務概要, then their k amounts each with its 契約方式 and right cells —

    「野村総合研究所(株) | 1239360513021 | 国際連合開発計画(UNDP) | - | 京都市 | 2000020261009 | 業務概要 | 業務概要 |
    業務概要 | 25,129 | 補助金等交付 - | -- | 10,240 | 随意契約 (その他) | - | - | 9,603 | 補助金等交付 -」

(the LibreOffice print of the real form: each column of a block's short rows is one text flow), or with the 業務概要
and amounts as pairs, row by row (「… | 業務概要 | 11,696 | 業務概要 | 7,943 | 19,639 | - | 補助金等交付」: their 契約方式
and right cells then in one heap, not read). The i-th name, 業務概要 and amount are the i-th row's: the columns are
written top to bottom. kg.extract.payee_boxes reads rows one
after another and places such rows by their amounts alone; ``column_rows`` reads them whole, and
``with_column_rows`` gives a row placed with that amount the cells of the column row it belongs to.

The shape is asked strictly (k ≥ 2 of each, nothing else between, amounts falling strictly so that each amount
names one row, a box that ends the run after them): anything else is not read here."""
from __future__ import annotations

import re

from kg.extract.payee_columns import _value  # (a figure's value, ▲ or △ its minus)
from kg.extract.payee_rows_text import PayeeRow
from kg.normalize.text import is_dash

_Box = tuple[str, str, int]  # (kind, text, line) as kg.extract.payee_boxes types them
_NAME_ANCHOR = re.compile(r"^(\S.*?) (\d{13}|[-－―])$")  # a namecorp box: a name and its 法人番号 or 「-」


def _bare_anchor(box: _Box) -> str | None:
    """The 法人番号 of an anchor box holding nothing else (a 法人番号 alone: its digits; a 「-」: "")."""
    kind, text, _ = box
    if kind == "corp" and " " not in text:
        return text
    return "" if kind == "dash" and is_dash(text) else None


def column_rows(boxes: list[_Box], taken: set[int], text_of, contract_of, after_total: set[int] = frozenset()) \
        -> list[list[dict]]:
    """The column-written rows of ``boxes`` (``taken``: the run's boxes, which cut a stretch), each stretch as a list
    of k rows' cells in order. ``text_of(box)``: a name's or 業務概要's text (its wrapped lines rejoined);
    ``contract_of(box)``: the 契約方式 of a contract box (the caller's shapes). ``after_total``: boxes written right
    after a block's 計, which no row's 入札者数 or 落札率 is read from (「246 | 一般競争契約 | 1 | 136 | 随意契約 | 2 |
    計 4,827 | 81% | -」: the 81% is row 4's or row 5's, which is not established)."""
    out: list[list[dict]] = []
    n = len(boxes)
    i = 0
    while i < n:
        start = i
        pairs: list[tuple[str | None, str]] = []  # (name, 法人番号 or "")
        while i < n and i not in taken:
            if boxes[i][0] == "namecorp" and (m := _NAME_ANCHOR.match(boxes[i][1])):
                pairs.append((plain(m[1]), m[2] if m[2].isdigit() else ""))  # (a name and its anchor in one box)
                i += 1
            elif i + 1 < n and i + 1 not in taken and boxes[i][0] == "text" \
                    and (corp := _bare_anchor(boxes[i + 1])) is not None:
                pairs.append((plain(text_of(boxes[i])), corp))
                i += 2
            else:
                break
        k = len(pairs)
        if k < 2 or (start and start - 1 not in taken and boxes[start - 1][0] in ("text", "corp", "namecorp")):
            i = start + 1 if k == 0 else i
            continue
        got = _cells_after(boxes, taken | after_total, i, k, text_of, contract_of) \
            or _pairs_after(boxes, taken, i, k, text_of)
        if got is None:
            continue
        out.append([{"name": name, "corporate_number": corp or None, **cells}
                    for (name, corp), cells in zip(pairs, got, strict=True)])
    return out


def _cells_after(boxes: list[_Box], taken: set[int], i: int, k: int, text_of, contract_of) -> list[dict] | None:
    """The k 業務概要 at ``i`` and then k (amount, 契約方式, 入札者数, 落札率) groups, with a run box, a name (a text box),
    or the end after them; None when the boxes are not so."""
    n = len(boxes)
    descs = list(range(i, i + k))
    if i + k > n or any(j in taken or boxes[j][0] != "text" for j in descs):
        return None
    j = i + k
    groups: list[dict] = []
    while len(groups) < k:
        if j + 1 >= n or j in taken or j + 1 in taken or boxes[j][0] not in ("int", "number") \
                or boxes[j + 1][0] != "contract":
            return None
        cells = {"amount": boxes[j][1], "contract_method": contract_of(boxes[j + 1]), "bidders": None,
                 "award_rate": None}
        j += 2
        if j < n and j not in taken and boxes[j][0] == "int" and not (j + 1 < n and boxes[j + 1][0] == "contract"):
            cells["bidders"] = boxes[j][1]
            j += 1
            if j < n and j not in taken and boxes[j][0] == "rate":
                cells["award_rate"] = boxes[j][1].split(" ")[0]
                j += 1
        while j < n and j not in taken and boxes[j][0] == "dash":
            j += 1
        groups.append(cells)
    if j < n and j not in taken and boxes[j][0] != "text":
        return None  # (a figure, a rate or a 契約方式 more: another row's cells among them)
    values = [_value(g["amount"]) for g in groups]
    if None in values or any(b >= a for a, b in zip(values, values[1:], strict=False)):
        return None
    texts = [plain(text_of(boxes[d])) for d in descs]  # (one cut inside its bracket, its end elsewhere: unknown)
    return [{"description": t if t and t.count("(") <= t.count(")") else None, **g}
            for t, g in zip(texts, groups, strict=True)]


def _pairs_after(boxes: list[_Box], taken: set[int], i: int, k: int, text_of) -> list[dict] | None:
    """The k (業務概要, amount) pairs at ``i`` (「業務概要 | 11,696 | 業務概要 | 7,943」: the two columns written row by row),
    the amounts falling strictly, and no text box right after them (a row more); their 契約方式 and right cells, written
    after them in one heap, are not read. None when the boxes are not so."""
    at = range(i, i + 2 * k)
    if i + 2 * k > len(boxes) or any(j in taken for j in at) \
            or [boxes[j][0] in ("int", "number") if (j - i) % 2 else boxes[j][0] == "text" for j in at].count(False):
        return None
    if i + 2 * k < len(boxes) and i + 2 * k not in taken and boxes[i + 2 * k][0] == "text":
        return None
    values = [_value(boxes[j][1]) for j in at[1::2]]
    if None in values or any(b >= a for a, b in zip(values, values[1:], strict=False)):
        return None
    texts = [plain(text_of(boxes[j])) for j in at[::2]]
    return [{"description": t if t and t.count("(") <= t.count(")") else None, "amount": boxes[j][1]}
            for t, j in zip(texts, at[1::2], strict=True)]


_WIDE_SPACE = re.compile(r"[^\x00-\x7f]\s+[^\x00-\x7f]")  # a space between two wide characters


def plain(text: str) -> str | None:
    """A name's or 業務概要's text, or None when a space stands between two of its wide characters (「日本翻訳センタ
    ー(株)」: the tool's space inside a word, or the sheet's own — which, the text does not say)."""
    return None if _WIDE_SPACE.search(text) else text


def with_column_rows(rows: list[PayeeRow], columns: list[list[dict]]) -> list[PayeeRow]:
    """``rows`` with each column-written stretch's cells given to the rows placed with its amounts: the k amounts are
    each one row's, those rows one block's consecutive ranks in the stretch's order, and no cell a row read differs
    from the stretch's; else the rows as they are."""
    out = list(rows)
    for stretch in columns:
        at = []
        for cells in stretch:
            hits = [n for n, r in enumerate(out) if _value(r.cells.get("amount") or "") == _value(cells["amount"])]
            if len(hits) != 1:
                break
            at.append(hits[0])
        if len(at) != len(stretch):
            continue
        placed = [out[n] for n in at]
        if len({r.block for r in placed}) != 1 or [r.rank for r in placed] != list(
                range(placed[0].rank, placed[0].rank + len(placed))):
            continue
        if any(r.cells.get(c) is not None and v is not None and _same(c, r.cells[c], v)
               is False for r, cells in zip(placed, stretch, strict=True) for c, v in cells.items()):
            continue
        for n, cells in zip(at, stretch, strict=True):
            r = out[n]
            out[n] = r._replace(cells={**r.cells, **{c: v for c, v in cells.items() if r.cells.get(c) is None}})
    return out


def _same(cell: str, a: str, b: str) -> bool:
    if cell == "amount":
        return _value(a) == _value(b)
    return a.replace(" ", "") == b.replace(" ", "")
