"""Label-anchored reading of review-sheet PDF text, whatever tool made the text and in whatever order it put the
cells (pdfminer.six and poppler's pdftotext write one cell per paragraph, pdfplumber one form row per line).

The text is cut into tokens at the form's labels (事業名, 担当部局庁, 担当課室, 事業開始年度, 事業終了(予定)年度,
事業番号, 会計区分, 主要政策・施策, 主要経費, 実施方法, ...): a label found at the start of a line or after a space
is a label token, the text between labels is value tokens (paragraphs in paragraph-style text, the pieces of
a line in row-style text). Pieces of a label wrapped over two lines (「条項も記載)」「(予定)年度」) are dropped.
A field's value is the first value token after its label, before the next label, and only when it has the
value's own shape (a 事業番号 that parses, an era year, an account name, text that is not a number);
otherwise the field is left to the caller (kg.extract.review_pdf), which warns. The budget beside its row labels
is read by kg.extract.budget_lines, row-style payee rows by kg.extract.payee_rows_text.
"""
from __future__ import annotations

import functools
import os
import re
from typing import NamedTuple

from kg.extract import fields
from kg.extract.doc_memo import last_document
from kg.extract.folded_text import folded as _folded
from kg.extract.page_marks import is_page_mark
from kg.extract.past_rows import past_by_wrapped_rows
from kg.extract.payee_rows_text import (
    AMOUNT_HEAD,
    BLOCK_LINE,
    CORP,
    FIGURE,
    SECTION_END,
    SMALL,
    TOTAL_LINE,
    PayeeRow,
    is_total_of,
)
from kg.normalize.era import ERAS, parse_year
from kg.normalize.project_number import canonical_number, parse_numbers
from kg.normalize.text import is_unknown, lines_matching, nfkc

# (pattern, field): the label as printed, with the optional tails of its wording
_LABELS: tuple[tuple[str, str], ...] = (
    (r"事業番号", "project_number"),
    (r"事業名", "project_name"),
    (r"担当部局庁?", "bureau"),
    (r"担当課室", "division"),
    (r"作成責任者", "responsible_officials"),
    (r"事業開始[^ ]*", "start_fiscal_year"),  # the label's wording, wherever the cell wrapped it
    # (「事業終」 alone: the label's head, wrapped in its narrow cell; the 担当課室 label glued after the label's
    # cut wording and the cell's, 「事業終了(予終了予定な担当課室 住民制度課」, is the next label's)
    (r"事業終(?:了(?:(?!担当課室)[^ ])*)?", "end_fiscal_year"),
    (r"会計区分", "accounts"),
    (r"根拠法令(?:\s*\(具[^ ]*)?", "legal"),
    # (its cell may wrap after 関係する, or after 関係する計 at the line's end: mid-line, the 根拠法令 cell's text
    # wrapped beside it goes on after it, 「たばこ税法第62条の8 電子委任状の普及 関係する計 の促進に関する法律…」)
    (r"関係する(?:\s*計画[^ ]*|\s*計$)?", "plans"),
    (r"主要政策(?:\s*・(?:\s*施\s*策?)?)?", "major_policy"),  # (wrapped in its cell: 「主要政策・施」 over 「策」)
    (r"主要経費", "major_expense"),
    (r"事業の目的(?:\s*\([^)]*\))?", "purpose"),
    (r"事業概要(?:\s*\([^)]*\))?", "outline"),
    (r"実施方法", "implementation_methods"),
    (r"予算額・執行額(?:\s*\(単位:百万円\))?", "budget"),
    (r"政策評価書(?:\s*URL)?", "policy_url"),  # (the 施策's neighbour on the 政策評価 rows)
    # (the vertical 政策評価 label read as one word glued to its row's 政策 / 施策 label: 「政策評価政策 …」)
    (r"政策評価(?:、\S*|[政施]策(?= |$))?", "policy_eval"),
    (r"政策", "policy"),
    (r"施策", "measure"),
    (r"関連する過去のレビューシートの事業番号", "past_project_numbers"),
    (r"関連事業", "related"),
    (r"支出先上位", "payees"),
)
_EVAL_GLUED = ("政策評価政策", "政策評価施策")
_LABEL_RE = re.compile("|".join(f"(?P<f{i}>{p})" for i, (p, _) in enumerate(_LABELS)))
_FULL_LABELS = ("事業開始年度", "事業終了(予定)年度", "根拠法令(具体的な条項も記載)", "関係する計画、通知等",
                "政策評価、経済財政運営と改革の基本方針との関係", "政策評価、新経済・財政再生計画との関係",
                "予算額・執行額(単位:百万円)", "支出先上位10者リスト", "主要政策・施策",
                "政策評価書URL",
                "事業の目的(目指す姿を簡潔に。3行程度以内)", "事業概要(5行程度以内。別添可)",
                "関連する過去のレビューシートの事業番号")
_ACCOUNT = re.compile(r"^(?:一般会計|[^\s、,]{1,30}特別会計[^\s、,]{0,20})(?:[、,\s]+(?:一般会計|[^\s、,]{1,30}特別会計"
                      r"[^\s、,]{0,20}))*$")
_METHODS = {"直接実施", "委託・請負", "補助", "負担", "交付", "貸付", "出資", "その他", "委託", "請負"}
_ORG = re.compile(r"(?:局|官房|官|部|庁|本部|院|所|室|課|センター|会議|省|庁舎|事務局|グループ|チーム)(?:\([^)]*\))?$")
_NUMBERISH = re.compile(r"^[\d,.\s▲△\-−%()]+$")
_FIGURES_ONLY = re.compile(r"^[\d,.\s▲△\-−%()/]+$")  # (and a 単位当たりコスト fraction, 「-/47」)
CITE = re.compile(r"第\s*[\d一二三四五六七八九十百]+\s*条")  # an article cited (「第4条」「第三十条」): a 根拠法令 text holds one


class Token(NamedTuple):
    text: str
    line: int  # 1-based source line of its first piece
    field: str | None  # the field a label token introduces (None: a value token)


_new_token = functools.partial(tuple.__new__, Token)  # Token._make(fields) without the Python-level __new__


_FRAGMENTS = frozenset(lab[i:j] for lab in _FULL_LABELS for i in range(len(lab))
                       for j in range(i + 1, min(len(lab), i + 12) + 1) if lab[i:j] != lab)



# the fragments that are pieces of a label: not digits only, and holding a word character (a lone bracket or
# comma is a piece of a value (「)」), not of a label)
_WORD_FRAGMENTS = frozenset(s for s in _FRAGMENTS if not s.isdigit() and re.search(r"\w", s))


def _is_fragment(t: str) -> bool:
    """A piece of a label wrapped onto the next line (「条項も記載)」「知等」「度」)."""
    return t.replace(" ", "") in _WORD_FRAGMENTS


# every label starts with a literal character: a line holding none of them holds no label
_LABEL_FIRST = re.compile("[" + "".join(sorted({p[0] for p, _ in _LABELS})) + "]")
assert all(p[0] not in "\\[]().*+?{}|^$-" for p, _ in _LABELS)
_FIELD_OF = {f"f{i}": field for i, (_, field) in enumerate(_LABELS)}  # (a match's last group -> its label's field)


def _label_matches(text: str):
    """``_LABEL_RE.finditer(text)``, trying the pattern only where a label's first character stands: every label
    starts with a literal character, so finditer's next match (the leftmost position at or after the last
    match's end where the pattern matches) is the first such position where ``match`` succeeds."""
    end = 0
    match = _LABEL_RE.match
    for c in _LABEL_FIRST.finditer(text):
        p = c.start()
        if p < end:
            continue
        m = match(text, p)
        if m is not None:
            yield m
            end = m.end()


# whole labels of the form's left column that may stand glued to their cell at a line's start (「主要政策・施策地方創生」)
_GLUED_OK = frozenset({"主要政策・施策", "会計区分", "実施方法"})
_ERA_IN_LABEL = re.compile(r"(?<=.)(?:令和|平成|昭和)(?:元|\d)")  # a year glued after a 事業開始 / 事業終了 label's wording
# a whole label that may stand glued after the cell before it (「事業終了(予定)年度 終了予定なし担当課室 河川計画課」)
_GLUED_AFTER = frozenset({"担当課室"})


def _bureau_label_after_name(text: str, m: re.Match) -> bool:
    """The 担当部局庁 label on the form's first row glued to the 事業名 cell before it (「事業名 …推進費担当部局 農村振興局
    作成責任者」) or to its own cell after it (「事業名 …事業 担当部局自治行政局 作成責任者」): the line starts with the
    事業名 label."""
    return text.startswith("事業名 ") and m.group(0).startswith("担当部局") and m.start() > 4


def _split_line(text: str) -> list[tuple[str, str | None]]:
    """One line -> [(text, field or None)], cut at labels found at the start of the line or after a space.

    The labels are ``_label_matches(text)``, written out in the loop (no generator between; a line with no label's
    first character holds no label: its text is one piece)."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    after = 0  # the last match's end: where finditer would look for the next
    match = _LABEL_RE.match
    for c in _LABEL_FIRST.finditer(text):
        start = c.start()
        if start < after:
            continue
        m = match(text, start)
        if m is None:
            continue
        after = m.end()
        whole = m.group(0)
        if start > 0 and text[start - 1] != " " and whole not in _GLUED_AFTER \
                and not _bureau_label_after_name(text, m):
            continue
        end = start + len(whole.rstrip())
        if end < len(text) and text[end] != " " and not (start == 0 and whole in _GLUED_OK) \
                and not _bureau_label_after_name(text, m):
            continue  # glued to more text: a table header (「事業名所管府省名」) or running text, not a form label
        if start < pos:
            continue
        before = text[pos:start].strip()
        if before:
            out.append((before, None))
        field = _FIELD_OF[m.lastgroup]
        label = whole.strip()
        if field == "policy_eval" and (label.endswith("政策") and len(label) > 6 or label in _EVAL_GLUED):
            # the 政策 label glued to the row's wrapped label (「政策評価、新経済・財政再政策 IX. 普及啓発の推進」), or
            # the 政策 / 施策 label to the vertical 政策評価 read as one word (「政策評価政策 システム運用の推進」)
            out.append((label[:-2], field))
            label, field = label[-2:], "policy" if label.endswith("政策") else "measure"
        elif field in ("start_fiscal_year", "end_fiscal_year") and (era := _ERA_IN_LABEL.search(label)):
            # the cell's era year glued to its label (「事業開始年度平成27年」, 「事業開始年令和元年度」)
            out.append((label[:era.start()], field))
            label, field = label[era.start():], None
        out.append((label, field))
        pos = end
    rest = text[pos:].strip()
    if rest:
        out.append((rest, None))
    return out


@last_document
def paragraph_style(lines: list[str]) -> bool:
    """True for text that separates cells by blank lines (pdfminer, pdftotext), False for one row per line
    (the last document's answer is kept: its readers ask five times)."""
    blank = len(lines) - len(list(filter(str.strip, lines)))  # lines whose strip() is "" (counted in C)
    return blank >= 0.2 * max(len(lines), 1)


@last_document
def tokens(lines: list[str]) -> list[Token]:
    """Label and value tokens in text order (see module doc); the last document's tokens are kept."""
    return _tokens(lines)


# a number's counter wrapped onto the next line, not a label's piece: 「第1項28」 over 「号 …」, 「平成15」 over 「年度」,
# 「平成15年」 over 「度」
_COUNTERS = frozenset({"号", "条", "項", "年", "年度"})


def _unfragment(piece: str, before: str = "") -> str:
    """The piece without the label pieces wrapped onto its line (its leading words that are fragments);
    ``before``: the paragraph's text above it (a counter after its number is kept)."""
    first = piece.split(" ", 1)[0]  # no space in it: no fragment unless it is one as it stands
    counted = before[-1:].isdigit() or before.endswith("元")
    if (first in _COUNTERS and counted) or (first == "度" and before.endswith("年")):
        return piece
    if first in _FRAGMENTS and _is_fragment(first):  # else the words joined again give the piece
        words = piece.split(" ")
        # (a counter after the label's pieces is the number's: 「…第23」 over 「(具体的 条」)
        while words and _is_fragment(words[0]) and not (counted and words[0] in _COUNTERS):
            words.pop(0)
        return " ".join(words)
    return piece


def _para_tokens(lines: list[str]) -> list[Token]:
    """_tokens of paragraph-style text, its common line taken in one step: a line holding no label's first
    character is one value piece, the whole NFKC line, which nfkc leaves as it is (nfkc(nfkc(x)) == nfkc(x)):
    a paragraph made only of such lines is joined as join_wrapped joins, without folding its pieces again."""
    out: list[Token] = []
    open_value: list[str] = []
    whole = True  # every piece of the open paragraph is a whole NFKC line
    open_line = 0
    mixed = False  # the open paragraph set cells side by side on a line and went on below it (``_side_by_side``)
    cut = False  # the open paragraph's last line was dropped as a label's head: the value's end is unknown
    # the paragraph's lines so far when each was a label's piece dropped whole (「事業開」 over 「始年度」); None once
    # it held anything else
    pieces: list[tuple[str, int]] | None = []
    folded = _folded(lines)
    labelled = set(lines_matching(folded, _LABEL_FIRST))  # (0-based)
    fragments = _FRAGMENTS
    par_at, par_out = 0, 0  # the open paragraph's first line and the tokens written before it
    word_fragments = _WORD_FRAGMENTS
    new_token = _new_token
    for n, t in enumerate(folded, 1):
        if t and not par_at:
            par_at, par_out = n, len(out)
        elif not t and par_at:
            if 1 < n - par_at <= 12 and len(out) == par_out and folded[par_at - 1][:1] in _LABEL_STARTS \
                    and (label := _whole_label(folded[par_at - 1:n - 1])):
                # a label cut every few characters, its lines a paragraph of their own (「根拠」 「法令 (」 「具体」 …
                # 「載)」, 「事業」 「名」): the label, its pieces no value
                out.append(_new_token((label[0], par_at, label[1])))
                open_value, pieces, mixed, cut, par_at = [], [], False, False, 0
                continue
            par_at = 0
        if t and n - 1 not in labelled:
            if mixed:
                continue
            piece = t if t.split(" ", 1)[0] not in fragments else _unfragment(t, open_value[-1] if open_value else "")
            if pieces is not None:
                if piece or open_value:
                    pieces = None
                else:
                    pieces.append((t, n))
            if piece:
                if not open_value:
                    open_line = n
                    whole = True
                open_value.append(piece)
                if piece is not t:
                    whole = False
            continue
        if not t:  # a blank line ends the paragraph
            if open_value:
                if whole and not cut and len(open_value) == 1:  # (_close_value's commonest case, inline)
                    if (piece := open_value[0]).replace(" ", "") not in word_fragments:
                        out.append(new_token((piece, open_line, None)))
                else:
                    _close_value(out, open_value, whole, open_line, cut)
                open_value = []
            elif pieces and len(pieces) > 1:
                _close_label(out, pieces)
            mixed = cut = False
            pieces = []
            continue
        split = _split_line(t)
        if pieces is not None:
            if len(split) == 1 and split[0][1] is None and not open_value and not _unfragment(split[0][0]):
                pieces.append((t, n))
            else:
                pieces = None
        if split and split[0][1] is not None and n > 1 and folded[n - 2] and not open_value \
                and (m := _LABEL_RE.fullmatch(folded[n - 2].replace(" ", "") + split[0][0])) is not None:
            # a label wrapped in its narrow cell, its rest a label of its own (「主要政策・」 over 「施策」): the whole label
            split[0] = (folded[n - 2].replace(" ", "") + split[0][0], _LABELS[int(m.lastgroup[1:])][1])
        if not mixed and _side_by_side(split) and n < len(folded) and folded[n] \
                and not _labels_wrapped_below(split, folded, n):
            mixed = True  # this line's cells and the next line's pieces: which goes with which is unknown
            last = max(i for i, (_, f) in enumerate(split) if f is not None)
            # a value piece left out stays in the text as a cut cell (field CUT): the label before it has no
            # value, not the next paragraph's (「担当課室 電波政策課」 over 「…し」: not the 作成責任者 below)
            split = [(piece, f) if f is not None or (i < last and _COMPLETE_YEAR.match(piece)) else (piece, CUT)
                     for i, (piece, f) in enumerate(split) if f is not None or not _is_fragment(piece)]
            if open_value:
                _close_value(out, open_value, whole, open_line)
                open_value = []
        elif mixed:
            split = [(piece, f) for piece, f in split if f is not None]
        for piece, field in split:
            if field is None:
                whole_piece = piece
                piece = _unfragment(piece, open_value[-1] if open_value else "")
                if not piece:
                    if open_value and len(split) == 1 and whole_piece in _LABEL_HEADS \
                            and (n >= len(folded) or not folded[n]):
                        cut = True  # the paragraph's last line a label's head (「…安全対策」 over 「事業」): its end is unknown
                    continue
                if not open_value:
                    open_line = n
                    whole = True
                open_value.append(piece)
                whole = False
            else:
                if open_value:
                    _close_value(out, open_value, whole, open_line)
                    open_value = []
                out.append(Token(piece, n, field))
    if open_value:
        _close_value(out, open_value, whole, open_line, cut)
    return out


_LABEL_STARTS = frozenset(p[0] for p, _ in _LABELS)  # the first characters of the form's labels


def _whole_label(par: list[str]) -> tuple[str, str] | None:
    """(the label, its field) when the paragraph's lines joined without spaces are one of the form's labels whole
    (a short paragraph: twelve lines and 40 characters at most), else None."""
    if len(par) > 12 or sum(map(len, par)) > 60:
        return None
    text = "".join(par).replace(" ", "")
    if len(text) > 40 or (m := _LABEL_RE.fullmatch(text)) is None:
        return None
    return text, _LABELS[int(m.lastgroup[1:])][1]


def _close_label(out: list[Token], pieces: list[tuple[str, int]]) -> None:
    """A paragraph made only of a label's pieces, each line dropped as a fragment (「事業開」 over 「始年度」): the
    label itself when they join into one."""
    text = "".join(t.replace(" ", "") for t, _ in pieces)
    if (m := _LABEL_RE.fullmatch(text)) is not None:
        out.append(_new_token((text, pieces[0][1], _LABELS[int(m.lastgroup[1:])][1])))


_LABEL_TEXTS = (*_FULL_LABELS, "事業番号", "事業名", "担当部局庁", "担当課室", "作成責任者", "会計区分", "主要経費", "実施方法",
                "関連事業")
# the heads of the form's labels (「事業」「事業開始」「主要政策」): a value's last line that is one may be the value's
_LABEL_HEADS = frozenset(lab[:j] for lab in _LABEL_TEXTS for j in range(2, len(lab)))


_WHOLE_LABELS = tuple(lab for lab in _LABEL_TEXTS if len(lab) >= 4)


# the heads of three characters or more of the form's longer labels (「主要経」 of 「主要経費」)
_GLUED_HEADS = tuple(sorted({lab[:j] for lab in _WHOLE_LABELS for j in range(3, len(lab))}))


def holds_label_head(text: str) -> bool:
    """A word of ``text`` is the head of a form label (「地方創生 主要経 社会保障」: the 主要経費 label cut by its cell
    between two cells' values), or starts with a whole label of four characters or more (「国土強靱化 主要経費社会保障」:
    the next label glued to its value), or a word after the first starts with such a label's head of three characters
    or more (「観光立国 主要経社会保障」: the label cut in its cell, its head glued to its value, its 「費」 below)."""
    return any(w in _LABEL_HEADS or w.startswith(_WHOLE_LABELS) or (i and w.startswith(_GLUED_HEADS))
               for i, w in enumerate(text.split(" ")))


def label_piece(text: str) -> bool:
    """``text`` (spaces aside) is a piece of one of the form's labels (「費」 of 「主要経費」 wrapped in its cell)."""
    t = text.replace(" ", "")
    return bool(t) and any(t in lab for lab in _LABEL_TEXTS)


CUT = "cut"  # the field of a value piece left out (a cell whose text is unknown): it ends its label's run


def _labels_wrapped_below(split: list[tuple[str, str | None]], folded: list[str], n: int) -> bool:
    """The lines below line ``n`` up to the blank line hold only the wrapped rests of the line's labels
    (「事業終了 終了予定なし 担当課室 地域情報政策室」 over 「(予定)年度」): no value piece went on below, the
    line's cells are whole."""
    labels = [lab for lab in (*_FULL_LABELS, "担当部局庁") for piece, f in split if f is not None
              and lab.startswith(piece) and lab != piece]
    for x in folded[n:]:
        if not x:
            return True
        if not all(any(w in lab[1:] for lab in labels) for w in x.split(" ")):
            return False
    return True


def name_rest_before_label_rest(lines: list[str], n: int) -> bool:
    """The line right below line ``n`` (1-based) starts with a piece that is no wrapped rest of line ``n``'s cut
    labels and goes on with such a rest (「…システム運用 担当部局 道路局」 over 「事業 庁」): the leftmost cell's
    rest, left of the label's, in the form's column order — the 事業名's cell goes on below."""
    split = _split_line(lines[n - 1])
    pieces = [p for p, f in split if f is not None] + [w for w in lines[n - 1].split(" ") if len(w) >= 2]
    labels = [lab for lab in (*_FULL_LABELS, "担当部局庁") for p in pieces if lab.startswith(p) and lab != p]
    words = (lines[n] if n < len(lines) else "").split()

    def rest(w: str) -> bool:
        return any(w in lab[1:] for lab in labels)

    return len(words) >= 2 and not rest(words[0]) and any(rest(w) for w in words[1:])


def label_rests_to_next_row(folded: list[str], n: int) -> bool:
    """Row-style text: the lines below line ``n`` (1-based) hold only the wrapped rests of line ``n``'s labels (「…
    担当課室 技術調査課 山本 純一」 over 「年度」 of 「事業終了(予定)」), up to a line that starts the form's next row
    (two lines at most): no cell of line ``n`` goes on below."""
    split = _split_line(folded[n - 1])
    labels, cells = [], [piece for piece, f in split if f is None]
    for piece, f in split:
        for lab in (*_FULL_LABELS, "担当部局庁") if f is not None else ():
            head = os.path.commonprefix([lab, piece])
            if len(head) >= 3 and head != lab:  # (a label cut, maybe its cell glued on: 「事業終了(予終了予」)
                labels.append(lab)
                cells.append(piece[len(head):])
    # (or the rest of the 事業終了 cell's 「終了予定なし」 cut on line n: 「終了予」 over 「定なし」)
    ends = {_END_NONE[len(piece):] for piece in cells if piece and piece != _END_NONE and _END_NONE.startswith(piece)}
    for j in range(n, min(n + 3, len(folded) + 1)):
        if next_row(folded, j):
            return True
        if not all(w in ends or any(w in lab[1:] for lab in labels) for w in folded[j].split(" ")):
            return False
    return False


def label_rests_below(lines: list[str], n: int) -> bool:
    """The lines below line ``n`` (1-based) up to the blank line hold only the wrapped rests of line ``n``'s labels
    (「…推進費 担当部局 高等教育局」 over 「庁」): the line's cells are whole."""
    return _labels_wrapped_below(_split_line(lines[n - 1]), lines, n)


def name_rest_below(lines: list[str], n: int, bureau: str) -> str | None:
    """Row-style text: the 事業名 cell's wrapped rest on the lines below line ``n`` (1-based; 「事業名 …システム運用
    普及啓発 担当部局 情報流通行政局 作成責任者」 over 「推進費 庁」; 「…ネット」 over 「ワークシステムセキ」 over
    「ュリティ対策経費」), when each of those lines (three at most) holds one piece besides the labels' wrapped rests,
    the bureau's cell on line ``n`` is whole by its shape (…局), no piece is of an organisation's (the bureau's rest)
    nor a label's, and the line after them starts the form's next row; else None."""
    if not org_plausible(bureau):
        return None
    pieces: list[str] = []
    for j in range(n, min(n + 3, len(lines) - 1)):
        words = lines[j].split(" ")
        while len(words) > 1 and label_piece(words[-1]):
            words.pop()
        piece = words[0]
        if len(words) != 1 or _cut_label_rest(lines[n - 1], piece) or holds_label_head(piece) or _ORG.search(piece) \
                or re.search("[A-Za-z]", piece) or _NUMBERISH.match(piece):
            return None
        pieces.append(piece)
        nxt = _split_line(lines[j + 1])
        if nxt and nxt[0][1] is not None:
            return fields.join_wrapped(pieces)
    return None


def bureau_rest_below(lines: list[str], n: int, bureau: str) -> str | None:
    """Row-style text: the 担当部局庁 cell alone wrapped onto the line below line ``n`` (1-based; 「事業名 …対策事業
    担当部局 サイバーセキュリ 作成責任者」 over 「ティ統括官」): that line's one piece, when the bureau's cell on line
    ``n`` is cut by its shape (no organisation's name as it stands) and whole with the piece, the piece is no
    label's, and the line after starts the form's next row (no cell goes on there); else None. The 事業名 beside it
    is then whole: the line below holds no piece of its."""
    if n + 1 >= len(lines) or not bureau or org_plausible(bureau):
        return None
    piece = lines[n].strip()
    if " " in piece or not piece or _row_label_piece(piece) or holds_label_head(piece) \
            or not org_plausible(bureau + piece):
        return None
    nxt = _split_line(lines[n + 1])
    return piece if nxt and nxt[0][1] is not None else None


# the labels of the form's first rows (事業番号, 事業名, 担当部局庁, 作成責任者, 事業開始年度 …): their pieces may wrap below
# the 事業名 row, a piece of another label (「費」 of 主要経費, printed rows further on) cannot
_FIRST_ROWS_LABELS = ("事業番号", "事業名", "担当部局庁", "作成責任者", "事業開始年度", "事業終了(予定)年度", "担当課室")


def _cut_label_rest(line: str, piece: str) -> bool:
    """``piece`` (spaces aside) is a piece of the wrapped rest of a label cut on ``line`` (「庁」 of 「担当部局」; a label
    whole on the line, 「事業名」, wraps no piece: 「業」 below it is a cell's)."""
    t = piece.replace(" ", "")
    return bool(t) and any(t in lab[len(cut):] for x, f in _split_line(line) if f is not None
                           for cut in [x.replace(" ", "")] for lab in _LABEL_TEXTS
                           if lab.startswith(cut) and lab != cut)


def _row_label_piece(text: str) -> bool:
    """``text`` (spaces aside) is a piece of a label of the form's first rows (「庁」 of 担当部局庁 wrapped)."""
    t = text.replace(" ", "")
    return bool(t) and any(t in lab for lab in _FIRST_ROWS_LABELS)


def name_and_bureau_rests_below(lines: list[str], n: int, bureau: str) -> tuple[str, str] | None:
    """Row-style text: the 事業名 and 担当部局庁 cells both wrapped onto the line below line ``n`` (1-based; 「事業名
    …に関する調査研 担当部局庁 サイバーセキュリティ 作成責任者」 over 「究 統括官」): (the name's rest, the bureau's rest)
    when that line holds two pieces, the bureau's cell on line ``n`` is cut by its shape (no organisation's name as
    it stands) and whole with the second piece (…統括官), neither piece is a label's, and the line after starts the
    form's next row; else None."""
    if n + 1 >= len(lines) or not bureau or org_plausible(bureau):
        return None
    words = lines[n].split(" ")
    if len(words) != 2 or not org_plausible(bureau + words[1]):
        return None
    piece = words[0]
    if any(label_piece(w) or holds_label_head(w) for w in words) or _ORG.search(piece) \
            or re.search("[A-Za-z]", piece) or _NUMBERISH.match(piece):
        return None
    nxt = _split_line(lines[n + 1])
    return (piece, words[1]) if nxt and nxt[0][1] is not None else None


# an era year whose cell text is complete (it ends with 年 or 年度): no piece of it can be wrapped below; or whose
# number is complete (元, or two digits: an era counts no further), its 年度 wrapped below (「平成24」 over 「年度」)
_COMPLETE_YEAR = re.compile(r"^(?:令和|平成|昭和)\s*(?:(?:元|\d{1,2})\s*年度?|元|\d{2})$")
_BARE_YEAR = re.compile(r"^(?:令和|平成|昭和)\s*(?:元|\d{2})$")  # such a number without its 年度


def whole_year(text: str) -> str:
    """A 事業開始 / 事業終了 cell's text, its 年度 put back when the cell's era year stands complete without it
    (「平成24」, its 年度 wrapped onto the next line in the narrow cell: 「平成24年度」); else the text as it is. An
    era's year of one digit (「平成2」) may be a number cut short (「平成2」 over 「4年度」): it stays as it is."""
    return text + "年度" if _BARE_YEAR.match(text) else text


def _side_by_side(split: list[tuple[str, str | None]]) -> bool:
    """A line holding a value piece and, after it, a label: cells of the form printed side by side (pdftotext
    writes 「事業名の値 担当部局 自治行政局」 on one line). When the paragraph goes on below such a line, the
    pieces below may belong to any of its cells (「…ネットワークシ」 / 「ステムセキュリティ対策経費」): the line's
    values and the paragraph's rest are left out (an era year that is complete as it stands is kept)."""
    seen_value = False
    for piece, field in split:
        if field is None:
            seen_value = seen_value or not _is_fragment(piece)
        elif seen_value:
            return True
    return False


def _close_value(out: list[Token], parts: list[str], whole: bool, line: int, cut: bool = False) -> None:
    """The paragraph's value pieces joined into one token (none when the whole is a wrapped label piece; a cut
    cell, field CUT, when ``cut``)."""
    text = _joined(parts, whole)
    if cut:
        out.append(_new_token((text, line, CUT)))
    elif len(parts) > 1 and (m := _LABEL_RE.fullmatch(squashed := text.replace(" ", ""))) is not None:
        # a label wrapped in its narrow cell (「担当部」 over 「局」, 「会計区」 over 「分」): the label itself
        out.append(_new_token((squashed, line, _LABELS[int(m.lastgroup[1:])][1])))
    elif text.replace(" ", "") not in _WORD_FRAGMENTS:  # (not _is_fragment(text); the word fragments are fragments)
        out.append(_new_token((text, line, None)))


def _joined(parts: list[str], whole: bool) -> str:
    """fields.join_wrapped(parts); when every part is a whole NFKC line (non-empty, nfkc leaves it as it is) the
    same join without folding the parts again."""
    if not whole:
        return nfkc(parts[0]) if len(parts) == 1 else fields.join_wrapped(parts)
    if len(parts) == 1:
        return parts[0]
    out = ""
    for p in parts:
        if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


def _tokens(lines: list[str]) -> list[Token]:
    if paragraph_style(lines):
        return _para_tokens(lines)
    # one row per line: every piece is a token of its own, wrapped label pieces dropped
    out: list[Token] = []
    label_first = _LABEL_FIRST.search
    for n, t in enumerate(_folded(lines), 1):
        if not t:
            continue
        # a line without a label's first character is one value piece: nfkc's text is stripped already
        for piece, field in _split_line(t) if label_first(t) else ((t, None),):
            if field is not None:
                out.append(Token(piece, n, field))
                continue
            piece = _unfragment(piece)  # label pieces wrapped onto this line come first: drop them
            if piece and not _is_fragment(piece):
                out.append(Token(piece, n, None))
    return out


def _values_after(toks: list[Token], k: int, n: int = 1) -> list[Token]:
    out = []
    for t in toks[k + 1:]:
        if t.field is not None or len(out) >= n:
            break
        out.append(t)
    return out


_DATED_ITEM = re.compile(r"\d+\s*年\s*\d+\s*月\s*\d+\s*日")


def _shape_ok(field: str, text: str, sheet_year: int | None) -> bool:
    if is_unknown(text):
        return False
    if field == "project_number":
        return canonical_number(text) is not None
    if field in ("start_fiscal_year", "end_fiscal_year"):
        fy = fields.parse_fiscal_year_cell(text, sheet_year)
        first = _YEAR_CUT.search(text)
        if first and fy.year != fields.parse_fiscal_year_cell(first[0] + "年度", sheet_year).year:
            return False  # two cells' years, the later read (「平成29 事業終 令和5年」: the next label cut between them)
        return fy.error is None and (fy.year is not None or text.startswith("終了"))
    if field == "accounts":
        return bool(_ACCOUNT.match(text))
    if field == "implementation_methods":
        parts = fields.split_list(text)
        return bool(parts) and all(p in _METHODS for p in parts)
    if field in ("bureau", "division", "project_name") and text.count("(") != text.count(")"):
        return False  # a cell cut short (「…統括官(室」): the rest of it is elsewhere
    if field == "division" and re.search(r"(?:局|官房|統括官|庁)$", text):
        return False  # a bureau's shape (自治行政局, 出入国在留管理庁: the 担当部局庁 column's): another cell's text after the label
    if field == "division" and _BARE_TITLE.match(text):
        return False  # an official's title alone (「参事官」 of 「参事官 神門拓也」: the 作成責任者 cell written after the
        # label, its name unspaced so no official's shape): no division (a 参事官's division carries its 室 or its charge)
    if field in ("bureau", "division"):  # (not a list: 「合、他部局」 is a wrapped sentence's piece)
        return "、" not in text and bool(_ORG.search(text)) and not _NUMBERISH.match(text) and len(text) <= 60
    if field in ("major_policy", "major_expense") and fields.YEAR_HEADER.match(text):
        return False  # a budget column's year header (令和元年度) written after the label, not its value
    if field in ("major_policy", "major_expense") and (_BUREAU.match(text) or _DIVISION.match(text)):
        return False  # a bureau's or a division's cell (「地球環境局」: pdftotext wrote the 担当部局庁 cell after the
        # 主要政策・施策 label, its own label far above), no policy's nor expense's name
    if field == "major_policy" and text.endswith("経費"):
        return False  # a 主要経費 cell (「その他の事項経費」), or its value with the label's rest joined (「主要 経済協力」
        # over 「経費」: the 主要経費 label cut around its cell, the head dropped as a label's piece), not a 主要政策・施策
    if field == "major_expense" and _DATED_ITEM.search(text):
        return False  # a plan's title and decision date (「…2019(令和2年2月8日閣議決定)」: the 関係する計画 cell's text
        # written after the label), not an expense's category
    if field in ("project_name", "major_policy", "major_expense"):
        return not _NUMBERISH.match(text) and not fields.parse_sheet_title(text) and len(text) <= 120
    return True


class Found(NamedTuple):
    value: object
    line: int


def _run(toks: list[Token], field: str, limit: int = 60, start: int = 0) -> tuple[list[Token], int] | None:
    """The value tokens after a field's first label (from token ``start`` on), up to the next label (and its
    line)."""
    k = next((i for i in range(start, len(toks)) if toks[i].field == field), None)
    if k is None:
        return None
    vals = []
    for t in toks[k + 1: k + 1 + limit]:
        if t.field is not None:
            break
        vals.append(t)
    return vals, toks[k].line


def _rest_astray(toks: list[Token], k: int) -> bool:
    """Paragraph text: a piece between token ``k`` (a value written on its label's line) and the next row's first
    label (事業開始年度) that is no value of the label before it (a bureau's, a division's, an official's shape) —
    a wrapped cell's rest, read apart from its first line."""
    label = None
    for x in toks[k + 1: k + 12]:
        if x.field in ("start_fiscal_year", "end_fiscal_year", "accounts", CUT) \
                or (x.field is None and holds_label_head(x.text)):
            return False  # (the next row, or a piece of it glued to its neighbours: 「事業開 平成23年 事業 終了」, or a
            # label's head glued to its cell, 「担当部 産業技術環境局局」: what stands where is not told)
        if x.field is not None:
            label = x.field
            continue
        if (label == "bureau" and x.text == "庁") or _is_fragment(x.text):
            continue  # a label's wrapped piece (「担当部局」 over 「庁」)
        if not (label in ("bureau", "division") and _shape_ok(label, x.text, None)
                or label == "responsible_officials" and OFFICIAL_SHAPE.match(x.text)):
            return True
        if label != "responsible_officials":
            label = None  # a cell's one value: a second piece after it is another cell's (officials may be several)
    return False


def _wraps_on(toks: list[Token], value: Token) -> bool:
    """Row-style text: ``value`` stands before another label on its line and the next line starts with a value
    piece — the cell's text wrapped onto that line (「施策 電子自 政策評価 …」 over 「治体の 書URL」)."""
    k = toks.index(value)
    after = toks[k + 1] if k + 1 < len(toks) else None
    nxt = next((t for t in toks[k + 1:] if t.line > value.line), None)
    if not (after is not None and after.line == value.line and after.field is not None and nxt is not None
            and nxt.line == value.line + 1 and nxt.field is None):
        return False
    if any(m is not None and m.end() == len(after.text) + len(nxt.text.split(" ", 1)[0])
           for m in [_LABEL_RE.match(after.text + nxt.text.split(" ", 1)[0])]):
        return False  # the label's own wrapped rest (「担当部局」 over 「庁」)
    # the piece completes the neighbouring cell instead, cut short of its shape (「担当部局庁 サイバーセキュリティ統」
    # over 「括官」)
    beside = toks[k + 2] if k + 2 < len(toks) else None  # (a line of two pieces, 「経費 官」: the first is this cell's)
    return " " in nxt.text or not (beside is not None and beside.field is None and beside.line == value.line
                and after.field in ("bureau", "division") and not _shape_ok(after.field, beside.text, None)
                and _shape_ok(after.field, beside.text + nxt.text, None))


def _line_goes_on(lines: list[str], value: Token) -> bool:
    """Paragraph-style text: ``value`` is its line's whole text and the next line is not blank, yet another token
    (「3. 高」 over 「政策評価」 over 「度化デ 書URL」: a label written inside the cell's paragraph) — the cell's text
    goes on past the label, so its end is unknown."""
    folded = _folded(lines)
    return 0 < value.line < len(folded) and folded[value.line - 1].strip() == value.text \
        and bool(folded[value.line].strip())


def _rest_dropped(lines: list[str], toks: list[Token], value: Token) -> bool:
    """The line right after ``value``'s holds no token: its words were dropped as pieces of labels (「業」, a piece
    of 「事業開始年度」) though none carries on a label of the value's line (「担当部局」 over 「庁」) — in
    paragraph-style text, none at all (a value's paragraph goes on there): a piece of the value's cell, which
    ends elsewhere."""
    folded = _folded(lines)
    below = folded[value.line] if value.line < len(folded) else ""
    if not below.strip() or any(t.line == value.line + 1 for t in toks):
        return False
    v, b, line = (x.replace(" ", "") for x in (value.text, below, folded[value.line - 1]))
    if v.endswith(b) or (v.startswith(line) and v[len(line):].startswith(b)):
        return False  # (the value read on with that line: 「…運用事」 over 「業」, 「…ネットワ」 over 「ークシス…」)
    if paragraph_style(lines):
        return True
    labels = [t.text.replace(" ", "") for t in toks if t.line == value.line and t.field is not None]
    return not any(m is not None and m.end() == len(lab) + len(w)
                   for lab in labels for w in below.split(" ") if w for m in [_LABEL_RE.match(lab + w)])


_DECIDER = re.compile(r"^[^\d\s()第条]{1,24}(?:決定|了解|決議|策定|公表|報告|通知|改定|閣議)$")


_PLANS_LABEL_IN = re.compile(r"関係する|計画、通|、通知")  # pieces of the 関係する計画、通知等 label no plan's title holds
_HEADER_LABEL_IN = re.compile("主要政策|主要経費|根拠法令|会計区分|事業の目的|事業概要|実施方法|作成責任者|担当課室")


def plans_plausible(plans: list[dict]) -> bool:
    """関係する計画 items that read as titles with a date and a decider: pieces of neighbouring cells mixed in
    (「閣議第8条決定」, an unbalanced parenthesis) make the list implausible."""
    for p in plans:
        t = p.get("title") or ""
        if t.count("(") != t.count(")") or re.search(r"第\s*\d+\s*条", t) or "閣議" in t or "決定)" in t:
            return False
        if t and re.fullmatch(r"[\d\s.,、・年度]+", t):
            return False  # a title's wrapped last line alone (「2021」 of 「…基本方針」 over 「2021(平成27年…)」)
        if _HEADER_LABEL_IN.search(t.replace(" ", "")) or _PLANS_LABEL_IN.search(t.replace(" ", "")):
            return False  # a label (「主要政策・施」 wrapped, the cell's own 「計画、通」) glued to the title
        if p.get("decided_by") is not None and not _DECIDER.match(p["decided_by"]):
            return False
    return True


def _measure_between_headers(toks: list[Token], k: int) -> Token | None:
    """The 施策 cell written between the 政策評価 grid's first two headers (pdfminer: 「施策」 「測定指標」 「(2)…の推進」
    「定量的指標」): the one value token between 測定指標 and 定量的指標 right after the 施策 label (token ``k``) — the
    grid's own cells come after its whole header row, so none stands between those two headers."""
    if k + 3 >= len(toks) or any(t.field is not None for t in toks[k + 1:k + 4]):
        return None
    head, value, nxt = toks[k + 1:k + 4]
    if head.text.replace(" ", "") != "測定指標" or nxt.text.replace(" ", "") != "定量的指標" \
            or _NUMBERISH.match(value.text) or "。" in value.text:
        return None
    return value


def label_lists(lines: list[str], sheet_year: int | None = None, taken: frozenset[str] = frozenset()) -> dict[str, Found]:
    """List-valued fields read between their label and the next one: 根拠法令 (its text), 関係する計画、通知等,
    政策評価 (政策 / 施策 values; by their shape when the labels stand apart from them: ``policy_by_shape``,
    ``taken`` = texts already placed in other fields), 関連する過去のレビューシートの事業番号. Only what parses
    is returned."""
    toks = tokens(lines)
    out: dict[str, Found] = {}
    run = _run(toks, "legal", 4)
    if run and run[0] and CITE.search(run[0][0].text):
        out["legal_text"] = Found(fields.join_wrapped(t.text for t in run[0]), run[0][0].line)
    elif run is not None and paragraph_style(lines) and (law := legal_by_shape(toks)) is not None:
        out["legal_text"] = law
    elif run is not None and (law := _legal_counter_below(toks, lines)) is not None:
        out["legal_text"] = law
    run = _run(toks, "plans", 6)
    if run and run[0]:
        plans = fields.parse_plans(fields.join_wrapped(t.text for t in run[0]))
        if plans and any(p.get("date") for p in plans) and plans_plausible(plans):
            out["related_plans"] = Found(plans, run[0][0].line)
    # the 施策 label of the 政策評価 rows, after the first of their labels (a 「施策」 before them is the 主要政策・施策
    # label's wrapped rest)
    k_pe = next((i for i, t in enumerate(toks) if t.field in ("policy", "policy_eval")), 0)
    k_mea = next((i for i in range(k_pe, len(toks)) if toks[i].field == "measure"), None)
    pol, mea = _run(toks, "policy", 1), (_run(toks, "measure", 1, k_mea) if k_mea is not None else None)
    if mea and (between := _measure_between_headers(toks, k_mea)) is not None:
        mea = ([between], mea[1])
    glued = mea and mea[0] and not paragraph_style(lines) and _URL_GLUED.match(mea[0][0].text)
    if glued:
        # the 政策評価書URL label and its URL glued to the 施策 cell's piece (「(4)支援国際協政策評価書 https://…」):
        # that piece, the cell's end unknown unless its rest below reads whole (measure_rest)
        mea = ([mea[0][0]._replace(text=glued[1]), *mea[0][1:]], mea[1])
    if mea and mea[0] and not glued and (beside := measure_beside_label(_folded(lines), mea[0][0])) is not None:
        mea = ([mea[0][0]._replace(text=beside), *mea[0][1:]], mea[1])
    cut = mea and mea[0] and (glued or (_line_goes_on(lines, mea[0][0]) if paragraph_style(lines)
                                        else _wraps_on(toks, mea[0][0])))
    if mea and mea[0] and not cut and paragraph_style(lines) and mea[0][0].line == toks[k_mea].line:
        cut = measure_rest_apart(lines, mea[0][0].line)  # (「施策 調査普及啓」, its rest 「発の推進」 a paragraph apart)
    first = mea[0][0] if mea and mea[0] else None  # (the 施策 cell's piece on its label's line)
    if cut and (rest := measure_rest(_folded(lines), mea[0][0])):
        mea = ([mea[0][0]._replace(text=fields.join_wrapped([mea[0][0].text, *rest]))], mea[1])
        cut = False
    if pol and pol[0] and mea and not mea[0] and k_mea is not None and k_mea + 1 < len(toks) \
            and toks[k_mea + 1].field == CUT and _policy_candidate(pol[0][0], taken, sheet_year):
        # the 施策 cell cut by its neighbour's label (「6. システム運用 政策評価書URL」 over 「防災の推進」): its
        # pieces below when they read whole (measure_rest), else unknown
        rest = measure_rest(_folded(lines), toks[k_mea + 1])
        out["policy_evaluation"] = Found(fields.parse_policy_evaluation(
            pol[0][0].text, fields.join_wrapped([toks[k_mea + 1].text, *rest]) if rest else None), pol[0][0].line)
    elif pol and pol[0] and mea and mea[0] and not _CELL_CANNOT_START.match(pol[0][0].text):
        # (「政策評価 施策 電子自 政策評価 https://…」 over 「治体の 書URL」: the 施策's end is unknown)
        policy = pol[0][0]
        k_pol = next(i for i, t in enumerate(toks) if t.field == "policy")
        between = [t for t in toks[k_pol + 1:k_mea or 0] if _policy_candidate(t, taken, sheet_year)
                   and not _COST_CELL.search(t.text)]  # (not a 単位当たりコスト cell: 「百万円/件」「53.9/1」)
        if paragraph_style(lines) and (is_unknown(policy.text) or _COST_CELL.search(policy.text)) and len(between) == 1 \
                and all(t.field is None for t in toks[k_pol + 1:k_mea or 0]):
            # the 政策 label's neighbour a blank of the 単位当たりコスト cells written beside it: the one text cell
            # between the 政策 and 施策 labels (「- - 53.9 62 … 7. 安全対策の推進」 then 「施策」) is the 政策's
            policy = between[0]
        # (a figure is no 政策's name: a 単位当たりコスト cell written after the label, 「政策評価 政策」 over 「47」)
        out["policy_evaluation"] = Found(fields.parse_policy_evaluation(
            None if _FIGURES_ONLY.match(policy.text) else policy.text, None if cut else mea[0][0].text), policy.line)
    elif (pe := policy_by_shape(toks, lines, taken, sheet_year)) is not None:
        if pol and pol[0] and (pe.value or {}).get("policy") != pol[0][0].text:
            # the 政策 cell next to its label says otherwise: that one, the 施策 unknown
            pe = Found(fields.parse_policy_evaluation(pol[0][0].text, None), pol[0][0].line)
        out["policy_evaluation"] = _measure_whole(pe, first, mea[0][0] if mea and mea[0] else None, cut)
    elif pol and pol[0] and mea is not None and not mea[0] and paragraph_style(lines) \
            and _policy_candidate(pol[0][0], taken, sheet_year):
        # pdfminer: the 政策 cell beside its label, the 施策 label followed by its row's other labels (政策評価書URL):
        # the 政策, and the 施策 only as the cell before that row's URL (or after it, the URL written already)
        k_pol = next(i for i, t in enumerate(toks) if t.field == "policy")
        url_read = any(t.field is None and t.text.startswith(_URL_HEADS) for t in toks[k_pol + 1:k_mea])
        out["policy_evaluation"] = Found(fields.parse_policy_evaluation(
            pol[0][0].text, _measure_before_url(toks, k_mea, taken, sheet_year, url_read)), pol[0][0].line)
    if paragraph_style(lines):
        pe = out.get("policy_evaluation")
        placed = taken | {v for v in ((pe.value or {}).values() if pe else ()) if v}
        if pe and pe.value and all(pe.value.values()):
            placed |= {fields.join_wrapped(pe.value.values())}
        if (rel := related_by_shape(toks, frozenset(placed), sheet_year, lines)) is not None:
            out["related_projects"] = rel
    run = _run(toks, "past_project_numbers", 40)
    # rows of several column groups wrapped onto more lines, each wrapped line's pieces exactly the rests the
    # groups' cells lack (past_rows): every number's year settled by its place
    rows = past_by_wrapped_rows(_folded(lines)[run[1]:run[1] + 40]) if run and run[0] else None
    columns = past_by_columns(toks, sheet_year) if paragraph_style(lines) and rows is None else None
    by_lines = past_by_lines(lines, run[1], sheet_year) if run and columns is None and rows is None \
        and paragraph_style(lines) else None
    if rows is not None:
        out["past_project_numbers"] = Found(rows, run[1] + 1)
    elif columns is not None:
        out["past_project_numbers"] = columns
    elif by_lines is not None:
        out["past_project_numbers"] = by_lines
    elif run and run[0]:
        cells = _past_cells(run[0])
        # a row of several cells wrapped onto the next line (「平成21年文部科学省 平成22年 …」 over 「度 (0176) 度
        # 0432 年度」, or over 「0078」): the numbers of that line, their year cells' places lost, are read without
        # a year
        # (a paragraph of several year cells going on below its first line is such a row too: 「平成21年 文部科学省
        # 平成22年 …- 平成23」 over 「(0176)」 over 「0432」)
        tails = [t for t in cells if _wrapped_row(lines[t.line - 1])
                 or (t.line > 1 and not _ERA_YEAR_CELL.search(t.text)
                     and len(_ERA_YEAR_CELL.findall(lines[t.line - 2])) > 1)
                 or (paragraph_style(lines) and len(_ERA_IN.findall(t.text)) > 1 and _goes_on(lines, t.line))]
        cells = _cut_serials_out(cells, _folded(lines))
        texts = _serials_blanked(cells)
        nums = _rs_years_kept(_paired_past(texts, frozenset(i for i, t in enumerate(cells) if t in tails)), texts)
        if nums:
            out["past_project_numbers"] = Found(nums, run[0][0].line)
    if (got := out.get("past_project_numbers")) is not None and any(_NEW_CUT.search(t.text) for t in run[0]):
        # a new program's number cut before its serial (「平成23 新23-」 over 「年度 0279 - 0415 年度」): which serial
        # of the table is its is not told, so no serial read alone is known to be a number of its own
        kept = [x for x in got.value if not _BARE_SERIAL.fullmatch(x["number"])]
        out["past_project_numbers"] = Found(kept, got.line)
    return out


_BARE_SERIAL = re.compile(r"\d{4}")


_NUMBER_CUT = re.compile(r"第\s*\d+$")  # a 根拠法令 cell cut after an article's number (「…に関する法律第55」)
_ARTICLE_COUNTER = re.compile(r"^条(?:の\d+)?$")  # its counter wrapped away from it (「条」「条の20」)


def _legal_counter_below(toks: list[Token], lines: list[str]) -> Found | None:
    """The 根拠法令 cell cut by its row's next label after an article's number (「根拠法令 …法律第55 関係する計画、
    通知 …」 over 「(具体的な 条」 over 「等」): its counter, wrapped onto a line below among the two labels' pieces,
    is the one word there that is a counter alone (「条」「条の20」); the cell's text is the two joined. None unless
    there is exactly one such word from the cut cell up to the blank line, and none unless the number follows a
    law's title (its last character 法, 律, 令, 則 or 例, no parenthesis left open): only there is the counter
    known to be 条 — after a counter (「…第5条第2」) it may be 項 or 号, in a law's number 「(平成15年法律第36」 号,
    after 「別表」 none —, and the label 「(具体的な条項も記載)」 wraps its own 「条」 alone onto a line below."""
    k = next((i for i, t in enumerate(toks) if t.field == "legal"), None)
    if k is None or k + 1 >= len(toks) or toks[k + 1].field != CUT or not (m := _NUMBER_CUT.search(toks[k + 1].text)) \
            or not CITE.search(toks[k + 1].text + "条"):
        return None
    before = toks[k + 1].text[:m.start()].rstrip()
    if not before.endswith(("法", "律", "令", "則", "例")) or before.count("(") > before.count(")"):
        return None
    folded = _folded(lines)
    first = folded[toks[k + 1].line - 1]
    at = first.find(toks[k + 1].text)
    if at < 0:
        return None
    words = first[at + len(toks[k + 1].text):].split()
    for x in folded[toks[k + 1].line:toks[k + 1].line + 6]:
        if not x.strip():
            break
        words += x.split()
    counters = [w for w in words if _ARTICLE_COUNTER.match(w)]
    if len(counters) != 1:
        return None
    return Found(toks[k + 1].text + counters[0], toks[k + 1].line)


# a cell of the 単位当たりコスト table printed beside the 政策 row: a unit or figures over a count (「百万円/件」
# 「53.9/1」), its 計算式 label
_COST_CELL = re.compile(r"/|^(?:計算式|単位当たりコスト)$")


# no cell's text starts with a comma: a 政策 value that does is the rest of its row's label wrapped beside it
# (「政策評価、新経済・財政再生計画との関係」 as 「、 新経済 価・ 財政再」), the row's cells out of their order
_CELL_CANNOT_START = re.compile(r"^[、。,]")
_URL_LABEL = "政策評価書URL"
# the 施策's neighbours: the URL label (or its first piece) and a whole URL, or the label alone (its URL cell blank)
# (the label glued to the 施策's piece or to the URL: 「(4)支援国際協政策評価書 https://…」「1. データ 政策評価書URLhttps://…」)
_URL_CELL = re.compile(r"(政策評価[^\s:/]*?) ?https?://[!-~]+$|(政策評価\S*)$")


def measure_rest(folded: list[str], value: Token) -> list[str] | None:
    """Row-style text: the 施策 cell's pieces wrapped below its line when its neighbours on that line are the
    政策評価書URL label and a whole URL (「施策 (1)防災安 政策評価書 https://…pdf」 over 「全対策の推URL」 over 「進」):
    a URL goes on in ASCII, so the lines below of one word without ASCII letters are the 施策's, the label's
    wrapped rest (「URL」「書URL」, apart or glued) taken off. None unless the label's rest is found whole and a
    piece is read (a line of two cells, a label's piece or the next row's 該当箇所 ends them)."""
    m = _URL_CELL.search(folded[value.line - 1])
    label = m and (m[1] or m[2])
    if m is None or not _URL_LABEL.startswith(label) or not folded[value.line - 1][:m.start()].rstrip().endswith(value.text):
        return None
    rest, out = _URL_LABEL[len(label):], []
    ended = False
    head = folded[value.line - 1].split(" ", 1)[0]  # the row's left label, maybe cut (「政策」 over 「評価」)
    for t in folded[value.line:value.line + 8]:
        words = t.split(" ")
        if len(words) > 1 and _label_goes_on(head, words[0]):  # (「評価 究開発の URL」: the left label's rest first)
            head, words = head + words[0], words[1:]
            t = " ".join(words)
        if rest and len(words) == 1 and rest.startswith(t):  # the label's rest on a line of its own (「URL」)
            rest = rest[len(t):]
            continue
        if rest and len(words) == 2 and rest.startswith(words[1]):
            rest, words = rest[len(words[1]):], words[:1]
        elif rest and (k := next((k for k in range(len(rest), 1, -1) if words[-1].endswith(rest[:k])
                                  and len(words[-1]) > k), 0)):
            words[-1], rest = words[-1][:-k], rest[k:]
        w = words[0]
        if len(words) != 1 or not w or re.search("[A-Za-z]", w) or w.startswith("該当") or label_piece(w) \
                or holds_label_head(w) or _is_fragment(w):
            ended = True
            break
        out.append(w)
    # (pieces going on past the lines looked at: the cell's end is unknown, 「(2)高度化普及啓発の推」 without 「進」)
    return out if out and not rest and ended else None


def measure_beside_label(folded: list[str], value: Token) -> str | None:
    """The 施策 cell and the 政策評価書URL label beside it both wrapped in their narrow cells, written line by line as
    one paragraph (「6. システム運 政策評」 over 「用人材育成の 価書」 over 「推進」 over 「URL」; the URL cell's text may
    stand between, 「(2)デー 政策評」 over 「https://…pdf」 over 「タ活用 価書URL」): each of its first lines ends with a
    piece of the label, the pieces joined from the first line on giving 政策評価書. The cell is the lines' other
    words joined (「6. システム運用人材育成の推進」); None unless the label is found so, each line after it holds one
    word of the cell (or the label's last piece after it, 「運用の推 URL」) and the lines give the token's text."""
    if value.line < 1 or value.line > len(folded):
        return None
    words = folded[value.line - 1].split(" ")
    if len(words) < 2 or len(words[-1]) < 2 or not _URL_LABEL.startswith(words[-1]):
        return None
    label, parts = words[-1], [" ".join(words[:-1])]
    seen, aside = [folded[value.line - 1]], []  # the paragraph's lines; those holding no piece of the cell
    for t in folded[value.line:value.line + 8]:
        if not t:
            break
        words = t.split(" ")
        if len(words) == 1 and t.startswith(_URL_HEADS):
            seen.append(t)
            aside.append(t)  # (the URL cell's text written between the lines)
            continue
        if len(label) < len(_URL_LABEL) and _URL_LABEL.startswith(label + words[-1]) \
                and (len(words) > 1 or len(label) < len("政策評価書") or words[-1] == _URL_LABEL[len(label):]):
            label += words[-1]  # the label's pieces go on, one at each line's end
            if len(words) == 1:
                aside.append(t)
            else:
                parts.append(" ".join(words[:-1]))
        elif len(label) < len("政策評価書") or len(words) > 1:
            return None  # the label's piece lacking, or two cells on a line below it: the 施策's pieces unknown
        elif re.search("[A-Za-z]", t) or label_piece(t) or holds_label_head(t):
            return None
        else:
            parts.append(t)
        seen.append(t)
    if len(label) < len("政策評価書"):
        return None
    head = _split_line(parts[0])  # (the 施策 label before the cell on its first line: 「施策 6. システム運」)
    if not head or head[-1][1] is not None:
        return None
    parts[0] = head[-1][0]
    got = value.text.replace(" ", "")
    if not got.startswith(parts[0].replace(" ", "")) or not any(
            x.endswith(got) for x in ("".join(seen).replace(" ", ""),
                                      "".join(t for t in seen if t not in aside).replace(" ", ""))):
        return None
    return fields.join_wrapped(parts)


_NOT_A_REST = re.compile(r"[\x21-\x7e]")  # ASCII: a URL, a number, 「-」 (a wrapped rest of the 施策 cell holds none)


def measure_rest_apart(L: list[str], mea: int) -> bool:
    """Paragraph-style text: the 施策 cell's first line written beside its label (「施策 調査普及啓」, 「施策 (7)」),
    and the next paragraph, after the blank line, starting with a line that may be its wrapped rest — one word with no
    ASCII character that is no form label nor a label's piece (「発の推進」, 「基盤」 over 「整備」): pdfminer.six
    writes the rest of a cell wrapped in a narrow column apart from its first line, so the 施策's end is unknown."""
    if mea >= len(L) or L[mea].strip():
        return False  # (the paragraph goes on below its label's line: 「施策 8. デー」 over 「タ活用」, read whole)
    t = next((x.strip() for x in L[mea + 1:mea + 3] if x.strip()), "")
    return bool(t) and " " not in t and not _NOT_A_REST.search(t) and not label_piece(t) and not holds_label_head(t)


def _measure_whole(pe: Found, first: Token | None, whole: Token | None, cut: bool) -> Found:
    """``pe`` (政策 / 施策 read by shape) whose 施策 is the piece ``first`` of the cell on its label's line: the cell
    read whole below it (``whole``, by ``measure_rest``) instead, or no 施策 when the cell goes on below (``cut``)
    and its rest was not read."""
    value = dict(pe.value or {})
    if first is None or value.get("measure") is None \
            or value["measure"] != (fields.parse_policy_evaluation(None, first.text) or {}).get("measure"):
        return pe
    if whole is not None and whole.text != first.text:
        return pe._replace(value=fields.parse_policy_evaluation(value.get("policy"), whole.text))
    return pe._replace(value=fields.parse_policy_evaluation(value.get("policy"), None)) if cut else pe


def _label_goes_on(head: str, word: str) -> bool:
    """``word`` carries on the form label ``head`` (a line's first word) cut in its cell: the two are the start
    of one of the form's full labels, longer than ``head``."""
    return bool(head and word) and any(lab.startswith(head + word) for lab in _FULL_LABELS)


_URL_HEADS = ("http://", "https://")
_URL_GLUED = re.compile(r"^(\S.*?\S) ?政策評価[^\s:/]*? ?https?://[!-~]+$")


def _measure_before_url(toks: list[Token], k: int, taken: frozenset[str], sheet_year: int | None,
                        url_read: bool = False) -> str | None:
    """The 施策 cell after its label (token ``k``) and the labels of its row written with it (政策評価, 政策評価書URL),
    when the cell right after it is the row's URL (https://…), or the URL was written before the 施策 label
    (``url_read``): the 施策 | 政策評価書URL row's cells in order; else None."""
    j = k + 1
    while j < len(toks) and toks[j].field in ("policy_eval", "policy_url"):
        j += 1
    if j + 1 < len(toks) and _policy_candidate(toks[j], taken, sheet_year) and (url_read or (
            toks[j + 1].field is None and toks[j + 1].text.startswith(_URL_HEADS))):
        return toks[j].text
    return None


def _goes_on(lines: list[str], line: int) -> bool:
    """The paragraph starting at ``line`` (1-based) goes on below it with more than a year's wrapped tail."""
    for x in lines[line:]:
        if not x.strip():
            return False
        if any(w not in _YEAR_TAIL for w in x.split()):
            return True
    return False


# a 根拠法令 cell's text: a law's title (…法, …法律, …令, …規則) and the article it cites, at the cell's start
_LAW_START = re.compile(r"^[^\s、,()・:]{2,60}?(?:法律|法|令|規則)第\s*[\d一二三四五六七八九十百]+\s*条")
_NOT_LAW_CELL = re.compile(r"閣議|決定|\d+年\d+月\d+日")


def legal_by_shape(toks: list[Token]) -> Found | None:
    """The 根拠法令 cell of paragraph-style text written apart from its label (pdfminer puts it before the label,
    or after the next rows' labels): the one value paragraph before the budget table that starts with a law's
    title citing an article (「都市再生特別措置法第23条」) and holds no plan's words (a date, 閣議決定);
    None when there is no such paragraph or more than one."""
    found = []
    for t in toks:
        if t.field in ("budget", "payees") or "支出先上位" in t.text:
            break
        if t.field is None and _LAW_START.match(t.text) and not _NOT_LAW_CELL.search(t.text):
            found.append(t)
    if len(found) != 1:
        return None
    return Found(found[0].text, found[0].line)


# a 事業番号 of the 2021-on shape cut before its serial (「2021 文科 20」 over 「0309」), or before its ministry's rest
# (「2021 内閣」 over 「府 20」 over 「0285」): the numbers of the lines below may be its rest, which of them is unknown
_CUT_HEAD = re.compile(r"(?<!\S)20\d\d(?:\s*-?\s*[^\s\d-]{1,4}\s*-?\s*\d{2}|(?:\s+|\s*-\s*)[^\s\d年-][^\s\d-]{0,3})"
                       r"(?!\s*-?\s*\d)(?=\s|$)")
_NUMBERS_ONLY = re.compile(r"^\d{4}(?:\s+\d{4})*$")


def cut_number_head(line: str) -> bool:
    """``line`` holds a 事業番号 of the 2021-on shape cut before its serial (「令和3年度 2021 文科 20 令和4年度 …」)."""
    return bool(_CUT_HEAD.search(line))


def _wrapped_row(line: str) -> bool:
    """A line of the past numbers' table holding the wrapped tail of a year cell (「度」「年度」) beside other
    cells' pieces: the rest of a row of several cells (「度 (0176) 度 0432 年度」)."""
    words = line.split()
    return len(words) > 1 and any(w in _YEAR_TAIL for w in words)


# a 事業番号 cell lacking its number, another cell after it on its line (「文部科学省 - 令和3年 …」「厚生労働省 ( 令和…」)
_OPEN_BEFORE = re.compile(r"(?:省|庁|府|委員会|院|官房|本部)\s*[-‐−―(]\s+(?=(?:令和|平成|昭和)|20\d\d\s)")


# a new program's number cut before its serial (「平成23 新23-」 over 「年度 0279 …」, or its dash lost, 「新23年度」
# over 「0279」): its serial stands elsewhere
_NEW_CUT = re.compile(r"(?<!\S)新\s*\d{1,2}(?:\s*-)?(?!\s*-?\s*\d)")


def _cut_serials_out(cells: list[Token], folded: list[str]) -> list[Token]:
    """The past numbers' cells without the numbers that may be the serial of a number cut before it (「2021 厚労 20」,
    cut_number_head): its serial was wrapped apart, so any number written alone after it (「0085」, on a line of
    its own or the cut cell's next line, 「2021 厚労 20 令和4年度」 over 「0085」) is that serial or another year's
    number, which the text does not say: those cells are left out, and a cut cell's paragraph whose first line
    goes on after the cut number is cut to that line."""
    out: list[Token] = []
    cut = False
    for t in cells:
        first = folded[t.line - 1].strip() if 0 < t.line <= len(folded) else ""
        if (m := _CUT_HEAD.search(first)) and m.end() < len(first) and len(t.text) > len(first) \
                and t.text.startswith(first):
            t = t._replace(text=first)  # (another cell after the cut number on its line: the piece below is not
            # plainly its serial, as it is below a line that the cut number ends, 「2022 文科 21」 over 「0365」)
        elif m and len(t.text) > len(first) and t.text.startswith(first) and _OPEN_BEFORE.search(first[:m.start()]):
            t = t._replace(text=first)  # (another cell before the cut number on its line lacks its number too,
            # 「文部科学省 - 令和3年 2021 文科 20」 over 「0032」 … 「0334」: which of them a number below ends is unknown)
        if cut and _NUMBERS_ONLY.match(t.text):
            continue
        cut = cut or cut_number_head(t.text)
        out.append(t)
    return out


def _serials_blanked(cells: list[Token]) -> list[str]:
    """The cells' texts, a cell on the line right below a cell that holds a 事業番号 cut before its serial read
    with ``_serial_out``."""
    return [_serial_out(cells[k - 1].text, t.text) if k and t.line == cells[k - 1].line + 1
            and cut_number_head(cells[k - 1].text) else t.text for k, t in enumerate(cells)]


def _serial_out(row: str, below: str) -> str:
    """``below`` (the line under a row of cells holding a 事業番号 cut before its serial, ``row``: the wrapped
    pieces of that row's cells, in their order) with the numbers alone that may be that serial blanked (「-」):
    those after the year tail (「度」「年度」) of the cut number's year cell when that year wrapped its tail and the
    tails below are as many as the row's years that wrapped theirs (「令和3年度 経済産業省 令和4年 2022 経産 21」
    over 「(0181) 度 0414」: 0414 is the cut number's) or that year is the first to wrap its tail, else every one of
    them."""
    words = below.split()
    m = _CUT_HEAD.search(row)
    years = _ERA_IN.findall(row)
    cut_years = [not y.replace(" ", "").endswith("度") for y in years]
    own = [i for i, y in enumerate(_ERA_IN.finditer(row)) if y.start() < m.start()] if m else []
    tails = [k for k, w in enumerate(words) if w in _YEAR_TAIL]
    start = 0
    if own and cut_years[own[-1]] and tails:
        before = sum(cut_years[:own[-1]])  # (the row's years before the cut number's that wrapped their tails)
        if len(tails) == sum(cut_years):
            start = tails[before]
        elif before == 0:  # (a tail glued to a piece, 「0285年度」: the first tail below is still the cut one's)
            start = tails[0]
    return " ".join("-" if k >= start and re.fullmatch(r"\(?\d{4}\)?", w) else w for k, w in enumerate(words))


def _past_cells(run: list[Token]) -> list[Token]:
    """The cells of the 関連する過去のレビューシートの事業番号 table: the run's tokens up to the first one that
    holds neither a year nor a 事業番号 and is no blank cell (「-」), no wrapped year tail (「度」) and no piece
    of a label — there the next block's text begins (「資金の流れ」; a payee's wrapped 法人番号 「2369」 beside
    「に関する文書」 further on is no past number)."""
    for i, t in enumerate(run):
        text = t.text.strip()
        if (is_unknown(text) or text.replace(" ", "") in _YEAR_TAIL or _is_fragment(text)
                or _ERA_YEAR_CELL.search(text) or _is_year_cell(text, None) or parse_numbers(text)
                or _RS_TAIL.match(text)):  # (an RS number's tail, 「20 0135」: a cell whose number is unknown)
            continue
        return run[:i]
    return run


# a year cell, split off the 事業番号 cells after it on its line, which stay together (「令和3年 2021 総務 20 0032」 is
# one number, its cells' dashes lost); its 年度 may be wrapped onto the next line in a narrow cell, the era year then
# glued to a four-digit number (「平成230038」 is 平成23 and 0038) or followed by a space (「令和元 総務省 - 0037」)
_ERA_YEAR_CELL = re.compile(r"((?:令和|平成|昭和)\s*(?:元|\d{1,2})(?:\s*年度?|(?=\d{4}(?!\d)|\s)))")
_BARE_TITLE = re.compile(r"^\S{0,6}(?:長|官|補佐|理事|参事)$")  # 参事官, 課長, 課長補佐: a title, no organisation
_YEAR_CUT = re.compile(r"(?:令和|平成|昭和)\s*(?:元|\d{1,2})")  # such a cell without its 年度


def label_fields(lines: list[str], sheet_year: int | None = None) -> dict[str, Found]:
    """Header fields found next to their labels and of the right shape: {field: Found(value, line)}."""
    toks = tokens(lines)
    out: dict[str, Found] = {}
    seen: set[str] = set()
    for k, t in enumerate(toks):
        if t.field is None or t.field in seen:
            continue
        seen.add(t.field)  # only a field's first label counts: a later one is another table's header
        vals = _values_after(toks, k, 2 if t.field in ("division", "bureau") else 1)
        if t.field == "bureau":  # (the label's wrapped 「庁」 as a paragraph of its own: 「担当部局」 over 「庁」)
            vals = vals[1:] if vals and vals[0].text == "庁" and t.text.replace(" ", "") == "担当部局" else vals[:1]
        if not vals and t.field == "end_fiscal_year":
            vals = _end_year_past_budget(toks, k, sheet_year)
        if not vals:
            continue
        v = vals[0]
        text = v.text
        if t.field == "division":
            if len(vals) > 1 and k and toks[k - 1].field == "bureau" and _BUREAU.match(v.text) \
                    and _DIVISION.match(vals[1].text):
                # the two labels' cells written after both (「担当部局庁」「担当課室」「政策統括官」「教育課程課」): the
                # bureau's first, the division's second
                v, vals = vals[1], vals[1:]
                text = v.text
            officials = vals[1].text if len(vals) > 1 else None
            if officials is not None and vals[1].line != v.line and not paragraph_style(lines):
                officials = None  # a row's text: the next line's piece is another cell's wrap (「終了予」 over 「定なし」)
            wrapped = len(vals) > 1 and vals[1].line != v.line and bool(_TITLE_TAIL.match(vals[1].text))
            if officials is None and OFFICIAL_SHAPE.match(text):
                continue  # a title and a name alone (「審議官 山本 美香」): the 作成責任者 cell, the division written elsewhere
            if " " in text and officials is None:
                text, officials = text.split(" ", 1)
                below = [x for x in toks if x.line == v.line + 1 and x.field is None]
                if not paragraph_style(lines) and below and (_TITLE_TAIL.match(below[-1].text) or (
                        _NAME_TAIL.match(below[-1].text) and not officials_wrapped(officials, _folded(lines), v.line))):
                    officials = None  # a title's tail wrapped below (「審議参事官 海野 信」 over 「官」), or a name's
                    # (「室長 神門 健太 課長補佐 佐々木 敦史」 over 「郎」): which official it ends is unknown (unless
                    # one official alone lacks its given name: officials_wrapped)
            if wrapped:  # (「審議参事官 海野 信」 over 「官」: another official's title wraps, its first line glued on)
                officials = None
            if not paragraph_style(lines) and not next_row(_folded(lines), v.line) and any(
                    (_ORG.search(p) and not label_piece(p) and not _TITLE_TAIL.match(p)) or _WORD_CANNOT_START.match(p)
                    for x in _row_wraps(toks, k, v.line) for p in x.text.split(" ")):
                continue  # an organisation's tail wrapped below in the row (「サイバーセキュリティ参事官 海野信」 over
                # 「統括官(室)」, or over 「し 統括官(室) 伊藤 雅」, glued to its neighbours' wraps), or a word's rest
                # (「サイバーセキ企画官 伊藤敦史」 over 「ュリティ統括」 over 「官(室)」: no word starts with 「ュ」): the
                # 担当課室 cell goes on there, glued to the next cell on its first line — unknown (「官」: an
                # official's title's)
            if officials and len(vals) > 1 and paragraph_style(lines) and side_cells_wrapped(lines, vals[1]):
                officials = None  # (「審議官 中村 純 参事官 小林 雅一」 over 「一」: whose name goes on is unknown)
            if _shape_ok("division", text, sheet_year):
                out["division"] = Found(text, v.line)
                if officials and not _NUMBERISH.match(officials) and fields.parse_officials(officials):
                    more = []  # a second official in a paragraph of its own (参事官 海野 敦史 / 参事官 高村 信)
                    for x in toks[k + 1 + len(vals):]:
                        if x.field is not None or not OFFICIAL_SHAPE.match(x.text):
                            break
                        more.append(x.text)
                    got = [x for o in fields.parse_officials(officials) for x in (_officials_of(o) or [o])]
                    if not paragraph_style(lines) and not all(OFFICIAL_SHAPE.match(o) for o in got) \
                            and (wrapped_on := officials_wrapped(officials, _folded(lines), v.line)):
                        got = wrapped_on
                    got += [o for o in more if o not in officials]  # (「審議官 佐々木 敦史 参事官 中村 雅一」: two)
                    out.setdefault("responsible_officials", Found(got, vals[-1].line))
            continue
        if t.field == "responsible_officials":
            if _ORG.search(text) and " " not in text:
                continue  # a 担当課室 cell (「技術調査課」) written after the label, not an official (「課長 山田 花子」)
            got = [x for o in fields.parse_officials(text) for x in (_officials_of(o) or [o])]
            if paragraph_style(lines) and side_cells_wrapped(lines, v):
                continue  # (「審議官 中村 純 参事官 小林 雅一」 over 「一」: whose name goes on is unknown)
            if got and all(OFFICIAL_SHAPE.match(o) or (paragraph_style(lines) and official_as_written(o)
                                                       and official_paragraph(o, _folded(lines))) for o in got):
                if paragraph_style(lines):  # a second official in a paragraph of its own (「室長 小林 直子」 / 「課長 加藤 敦史」)
                    for x in toks[k + 2:]:
                        if x.field is not None or not OFFICIAL_SHAPE.match(x.text):
                            break
                        got += [] if x.text in got else [x.text]
                out["responsible_officials"] = Found(got, v.line)
            continue
        if t.field not in ("project_number", "project_name", "bureau", "start_fiscal_year", "end_fiscal_year",
                           "accounts", "major_policy", "major_expense", "implementation_methods"):
            continue
        if t.field == "bureau" and t.text.replace(" ", "") == "担当部局" and text.endswith(("局庁", "庁庁", "統括官庁")):
            text = text[:-1]  # the label's wrapped 「庁」 read on with its cell (「高等教育局」 over 「庁」): no 「…局庁」
            # nor 「…庁庁」 exists, nor a 「…統括官庁」 (「サイバーセキュリティ統括官」 over 「庁」)
        if t.field in ("start_fiscal_year", "end_fiscal_year"):
            text = whole_year(text)
        if not _shape_ok(t.field, text, sheet_year):
            continue
        if t.field == "bureau" and paragraph_style(lines) and v.line != t.line \
                and any(w in _LABEL_HEADS for x in _paragraph_lines(lines, v) for w in x.split(" ")):
            continue  # a label's head cut amid the cell's lines (「終了予定な 担当課」 over 「し」 over 「室」): two cells'
            # pieces (a whole label after the cell, 「出入国在留管理庁 作成責任者」, is a token of its own)
        if t.field == "project_name" and k and toks[k - 1].field == "project_number" \
                and toks[k - 1].line == t.line and v.line != t.line:
            continue  # 「事業番号 事業名」 with no cell between nor after: a table's header row (関連事業), not the form's
        if t.field == "project_name" and not paragraph_style(lines) and _wraps_on(toks, v):
            continue  # 「事業名 住民基本台帳ネットワークシステム 担当部局 …」 over 「セキュリティ対策経費」: its end is unknown
        if t.field == "project_name" and _rest_dropped(lines, toks, v):
            continue  # 「事業名 …システム運用事 担当部局 …」 over 「業」 (a label's piece in shape, read as none): cut short
        if t.field == "project_name" and v.line == t.line and paragraph_style(lines) and _rest_astray(toks, k + 1):
            continue  # 「事業名 基盤整備情報地域安全対」 on one line, its cell's wrapped rest (「策事業」) a paragraph of its
            # own further on, after 「作成責任者」: where the name ends is unknown
        if t.field == "project_number":
            out[t.field] = Found(canonical_number(text), v.line)
        elif t.field in ("start_fiscal_year", "end_fiscal_year"):
            year = fields.parse_fiscal_year_cell(text, sheet_year).year
            if year is not None and fields.starts_year_run(year, [x.text for x in toks[k + 2: k + 10]], sheet_year):
                continue  # the budget table's first year header, written where the label's cell was empty
            if t.field == "end_fiscal_year" and year is not None and sheet_year and year < sheet_year - 1:
                continue  # a sheet reviews the year before it: a program that ended earlier has none
            out[t.field] = Found(year, v.line)
        elif t.field in ("accounts", "implementation_methods"):
            out[t.field] = Found(fields.split_list(text.replace(" ", "、")), v.line)
        else:
            out[t.field] = Found(text, v.line)
    if paragraph_style(lines) and not ({"bureau", "division", "major_expense"} <= out.keys()):
        for key, found in beside_label_head(lines, toks, sheet_year).items():
            out.setdefault(key, found)
    if "division" not in out and not paragraph_style(lines) and not any(t.field == "division" for t in toks) \
            and (d := division_glued(toks, _folded(lines))) is not None:
        out["division"] = d
    if "bureau" not in out and not _beside_label(toks, "bureau") and (b := bureau_by_shape(toks)) is not None:
        out["bureau"] = b
    if "responsible_officials" not in out and paragraph_style(lines) \
            and (o := officials_by_shape(toks, lines)) is not None:
        out["responsible_officials"] = o
    if "division" not in out and paragraph_style(lines) and not _beside_label(toks, "division") \
            and (d := division_by_shape(toks)) is not None:
        out["division"] = d
    if "bureau" not in out and paragraph_style(lines) and (b := bureau_wrapped_in_paragraph(lines, toks)) is not None:
        out["bureau"] = b
    if "project_name" not in out and "bureau" in out and paragraph_style(lines) \
            and (name := name_beside_bureau_label(lines, toks, out["bureau"])) is not None:
        out["project_name"] = name
    return out


def _cut_beside_label(lines: list[str], toks: list[Token], field: str) -> tuple[Token, Token, str] | None:
    """Paragraph-style text: the cell after the ``field`` label cut (a CUT token), the next label beside its first
    line, and their paragraph those two lines only (「サイバーセキュリ 作成責任者」 over 「ティ統括官」): (the cell's
    first piece, the label beside it, the line below); else None."""
    k = next((i for i, t in enumerate(toks) if t.field == field), None)
    if k is None or k + 2 >= len(toks):
        return None
    first, label = toks[k + 1], toks[k + 2]
    if first.field != CUT or label.line != first.line:
        return None
    folded = _folded(lines)
    n = first.line  # (1-based)
    if n < 2 or folded[n - 2] or n + 1 >= len(folded) or folded[n + 1] \
            or folded[n - 1] != f"{first.text} {label.text}":
        return None
    return first, label, folded[n]


def bureau_wrapped_in_paragraph(lines: list[str], toks: list[Token]) -> Found | None:
    """Paragraph-style text: the 担当部局庁 cell cut, the 作成責任者 label beside its first line and its rest alone
    below (pdftotext: 「担当部局」, then 「サイバーセキュリ 作成責任者」 over 「ティ統括官」): the two pieces joined, when
    the paragraph is those two lines, the first piece is no organisation's name as it stands and the two are one."""
    got = _cut_beside_label(lines, toks, "bureau")
    if got is None or got[1].field is None or got[1].field == CUT:
        return None
    first, _, piece = got
    n = first.line
    if " " in piece or org_plausible(first.text) or _row_label_piece(piece) or not org_plausible(first.text + piece):
        return None
    return Found(first.text + piece, n)


def name_beside_bureau_label(lines: list[str], toks: list[Token], bureau: Found) -> Found | None:
    """Paragraph-style text: the 事業名 cell wrapped over two lines, the 担当部局庁 label beside its first line and
    the bureau's cell written apart (pdftotext: 「…に関する調 担当部局」 over 「査研究」, then 「水管理・国土保全局」
    a paragraph of its own): the name is the two lines joined, when the paragraph is those two lines, the second
    one word that is no organisation's (…局, …課: the bureau's cell would be), no label's piece nor head, and the
    bureau was read whole in another paragraph (``bureau``); no rest of a label cut on the line (「庁」 of 「担当部局」)."""
    got = _cut_beside_label(lines, toks, "project_name")
    if got is None or got[1].field != "bureau" or bureau.line <= got[0].line + 1:
        return None
    first, _, piece = got
    n = first.line
    folded = _folded(lines)
    if " " in piece or _ORG.search(piece) or _cut_label_rest(folded[n - 1], piece) or holds_label_head(piece) \
            or _NUMBERISH.match(piece) or re.search("[A-Za-z]", piece):
        return None  # (a piece of a label whole on the line above, 「費」 of 主要経費, is no label's there)
    name = fields.join_wrapped([first.text, piece])
    return Found(name, n) if _shape_ok("project_name", name, None) else None


# a label printed in its narrow cell over two lines, its head beside the cell's value and its rest alone below
# (「担当部 製造産業局」 over 「局庁」, 「終了予定なし 担当課 企画課」 over 「室」, 「主要経 社会保障」 over 「費」)
_HEAD_RESTS = {"担当部": ("bureau", frozenset({"局庁", "局"})), "担当課": ("division", frozenset({"室"})),
               "主要経": ("major_expense", frozenset({"費"}))}
_HEAD_BESIDE = re.compile(r"(?:^|\s)(担当部|担当課|主要経)\s(\S+)$")


def beside_label_head(lines: list[str], toks: list[Token], sheet_year: int | None = None) -> dict[str, Found]:
    """担当部局庁 / 担当課室 / 主要経費 cells of paragraph-style text whose label wrapped in its narrow cell: a line
    of the header (before 事業の目的) ending with the label's head and one word (the value), the next line the
    label's rest alone. The paragraph's further lines, single words, are the value's own wrap (「担当部
    サイバーセキュリティ統」 over 「局庁」 over 「括官」) only when the label's head starts the line and the value
    reads whole with them, not without them; else the cell is left out (unknown beats wrong)."""
    folded = _folded(lines)
    end = next((t.line for t in toks if t.field in ("purpose", "outline", "budget")), min(len(folded), 80))
    out: dict[str, Found] = {}
    for n in range(min(end, len(folded) - 1)):
        line = folded[n]
        if "担当" not in line and "主要経" not in line:
            continue
        m = _HEAD_BESIDE.search(line)
        if m is None:
            continue
        field, rests = _HEAD_RESTS[m.group(1)]
        if field in out or folded[n + 1].replace(" ", "") not in rests:
            continue
        more = []
        for x in folded[n + 2:]:
            if not x:
                break
            more.append(x)
        piece = m.group(2)
        if not more:
            value = piece
        elif m.start() == 0 and all(" " not in x for x in more) and not _shape_ok(field, piece, sheet_year):
            value = piece + "".join(more)
        else:
            continue
        if _shape_ok(field, value, sheet_year) and not label_piece(value):
            out[field] = Found(value, n + 1)
    return out


_LABEL_GLUED = re.compile(r"担当課室(\S+)")  # the 担当課室 label glued to its cell's first line (「担当課室企画課」)


def division_glued(toks: list[Token], folded: list[str]) -> Found | None:
    """Row-style text (pdfplumber) whose 担当課室 label stands glued to its cell in a token of its own (「終了予定な
    担当課室企画課 課長 小林 敦史」): the cell's first line, of a division's shape, when the row's next lines (up to
    the form's next row) hold no piece of an organisation's shape — the cell's wrapped rest (「総務課」 over
    「企画調整室」); an official title's wrapped end (「官」) is none. None otherwise."""
    for t in toks:
        if t.field is not None or (m := _LABEL_GLUED.search(t.text)) is None:
            continue
        if not (_DIVISION.match(m[1]) and _shape_ok("division", m[1], None)):
            return None
        for n in (t.line, t.line + 1):  # (0-based: the two lines below the token's)
            if n >= len(folded) or next_row(folded, n):
                break
            if any(_ORG.search(p) and not _TITLE_TAIL.match(p) for p in folded[n].split()):
                return None
        return Found(m[1], t.line)
    return None


def division_by_shape(toks: list[Token]) -> Found | None:
    """The 担当課室 of paragraph-style text whose cell stands apart from its label (pdftotext writes 「担当課室」 at
    the end of another row's line and the cell a few paragraphs on): the one header cell (before 事業の目的) of a
    division's shape (…課, …室), when the label is there and no other header cell has that shape."""
    if not any(t.field == "division" for t in toks):
        return None
    found: dict[str, Token] = {}
    for t in toks:
        if t.field in _HEADER_END:
            break
        if t.field is None and _DIVISION.match(t.text) and _shape_ok("division", t.text, None):
            found.setdefault(t.text, t)
    if len(found) != 1:
        return None
    t = next(iter(found.values()))
    return Found(t.text, t.line)


_TITLE_TAIL = re.compile(r"^\S{0,3}(?:官|長|補佐)$")  # the end of an official's title (「官」「課長」「補佐」)
_HEADER_END = frozenset({"purpose", "outline", "budget", "payees", "policy_eval", "related"})
_TITLE_NAME = re.compile(r"(?:長|官|補佐|理事|参事)\s+\S")  # a title and a name's start: an official's piece
_HEADER_LABELS = frozenset({"bureau", "division", "responsible_officials", "start_fiscal_year", "end_fiscal_year",
                            "accounts", "major_policy", "major_expense"})  # the labels of the header's cells


# a name's last characters (kanji) wrapped below its cell (「郎」; not a cell's kana tail: 「終了予定」 over 「なし」)
_NAME_TAIL = re.compile(r"^[\u4e00-\u9fff々]{1,2}$")


def officials_by_shape(toks: list[Token], lines: list[str] | None = None) -> Found | None:
    """作成責任者 of paragraph-style text whose cell stands apart from its label (pdftotext writes 「審議官 山本 雅一」
    a few cells further on): the header's value cells (before 事業の目的) of an official's shape, in order, when
    the 作成責任者 label is there and no other header cell holds an official's piece (「参事官 小林 参事官 加藤
    健太郎」 over 「雅一」: two officials' cells run together), nor a cut cell, nor a paragraph of officials whose later
    line is no official of its own (「室長 神門 健太 課長補佐 佐々木 敦史」 over 「郎」: a name cut, which one is
    unknown; ``lines``, the text, shows the paragraph's lines); None otherwise. The header's cells may go on after
    a later block's paragraph when the 作成責任者 label is not yet met (pdftotext: 事業の目的 and its text, then
    the 事業終了 row's labels and 「作成責任者」): they are read from the next header label on."""
    if not any(t.field == "responsible_officials" for t in toks):
        return None
    found: list[str] = []
    line = 0
    labelled = skipping = False
    for t in toks:
        labelled = labelled or t.field == "responsible_officials"
        if t.field in _HEADER_END:
            if labelled:
                break
            skipping = True  # the header's cells written on after a later block's paragraph (pdftotext: 「事業の目的」
            # and its text, then 「事業終了(予定)年度」「担当課室」「主要経費」 … 「作成責任者」「整備課」「企画官 佐々木 信」)
            continue
        if skipping and t.field not in _HEADER_LABELS:
            continue
        skipping = False
        if t.field is None and (officials := _officials_of(t.text) or _title_and_name(t.text, lines)):
            if lines is not None and any(not _officials_of(x) for x in _paragraph_lines(lines, t)[1:]):
                return None
            found += officials
            line = line or t.line
        elif t.field in (None, CUT) and _TITLE_NAME.search(t.text):
            return None
    return Found(found, line) if found else None


_TITLE_WORDS = frozenset({"課長補佐", "課長", "室長", "企画官", "参事官", "審議官", "局長", "部長", "次長", "統括官", "調整官",
                          "専門官", "管理官"})
_GLUED_NAME = re.compile(r"^[\u4e00-\u9fff々]{2,6}$")  # a family and a given name in kanji written without a space


def _title_and_name(text: str, lines: list[str] | None) -> list[str]:
    """[text] when it is one official as a sheet writes one with the name's two parts glued (「企画官 渡辺拓也」), a
    paragraph of one line (a cell that did not wrap: ``official_paragraph``); else []."""
    words = text.split(" ")
    if lines is None or len(words) != 2 or words[0] not in _TITLE_WORDS or not _GLUED_NAME.match(words[1]):
        return []
    return [text] if official_paragraph(text, lines) else []


def official_paragraph(text: str, lines: list[str]) -> bool:
    """Paragraph-style text (pdfminer.six, pdftotext): ``text`` is a paragraph of one line of ``lines`` (NFKC), blank
    lines above and below it — a cell that did not wrap (a wrapped name goes on in its paragraph: 「室長 伊藤」 over
    「雅一」), so an official as the sheet wrote it (「参事官 小林美香」, 「山本 純一」) is whole."""
    return any(x == text and (n == 0 or not lines[n - 1]) and (n + 1 == len(lines) or not lines[n + 1])
               for n, x in enumerate(lines))


_KANJI_NAME = re.compile(r"^[\u4e00-\u9fff々]{1,4}$")  # a family or a given name in kanji (「山本」「純一」)


def official_as_written(text: str) -> bool:
    """An official as a sheet may write one without the three words (「参事官 小林美香」「伊藤課長補佐」「山本 純一」):
    one official's text (fields.one_official) holding a title (a word that is or ends in one), or two names in kanji
    alone — not a cell of another shape (「一般会計」「その他の事項経費」, a name's piece 「策事業」)."""
    if not fields.one_official(text):
        return False
    words = text.split(" ")
    return any(_TITLE_WORD.match(w) and len(w) > 1 for w in words) and len(words) > 1 \
        or (len(words) == 1 and bool(_TITLE_END.search(text)) and len(text) > 3) \
        or (len(words) == 2 and all(_KANJI_NAME.match(w) for w in words))


_TITLE_END = re.compile(r"[\u4e00-\u9fff々]{2,4}(?:課長補佐|課長|室長|企画官|参事官|審議官|補佐|局長|部長|官|長)$")


def officials_alone(text: str, lines: list[str] | None = None) -> list[str]:
    """The officials of a 作成責任者 text: several side by side in a paragraph of one line (``official_paragraph``;
    ``lines`` None: a cell known whole), each a title word and two names, the last maybe one (「室長 中村 直子 課長
    小林拓也」), each one official's (one_official); else [text] as it stands."""
    words = text.split(" ")
    if len(words) < 4 or not _TITLE_WORD.match(words[0]) \
            or (lines is not None and not official_paragraph(text, lines)):
        return [text]
    groups: list[list[str]] = []
    for w in words:
        if _TITLE_WORD.match(w):
            groups.append([w])
        else:
            groups[-1].append(w)
    out = [" ".join(g) for g in groups]
    # (each but the last a title and two names, so where it ends is told: not 「課長 寺田純一 室長 高村」)
    return out if all(len(g) == 3 for g in groups[:-1]) and len(groups[-1]) in (2, 3) \
        and all(official_as_written(o) for o in out) else [text]


def side_cells_wrapped(lines: list[str], t: Token) -> bool:
    """Paragraph-style text: token ``t``'s paragraph starts with a line of two officials or more side by side (a
    row of 作成責任者 cells, 「審議官 中村 純 参事官 小林 雅一」) and goes on with a line that is no official of its
    own (「一」): a name wrapped in one of those cells, which one the text does not say."""
    para = _paragraph_lines(lines, t)
    return len(para) > 1 and len(_officials_of(para[0])) > 1 and any(not _officials_of(x) for x in para[1:])


_TITLE_WORD = re.compile(r"^\S{0,14}(?:長|官|補佐|理事|参事)$")  # an official's title as a word of its own
_NAME_PIECE = re.compile(r"^[^\x00-\x7f\s()()、,。・]{1,4}$")  # a piece of a name (「雅一」「田」)


def officials_wrapped(text: str, folded: list[str], line: int) -> list[str] | None:
    """Row-style text: the officials of a 作成責任者 cell side by side on line ``line`` (1-based) where one of them
    lacks its given name (「参事官 小林 参事官 加藤 健太郎」 over 「… 雅一」): the cell's wrapped rest is the next
    line's last words (the cell stands rightmost in its row): a line of two pieces, the surname's rest and the given
    name (「審議官 吉 課長 渡辺 信」 over 「田 信」), or both names after a title alone. None unless exactly
    one official is a title and a surname, the rest is so found (a label's piece is none), and nothing more of
    a name's shape stands alone on the line after it."""
    groups: list[list[str]] = []
    for w in text.split(" "):
        if _TITLE_WORD.match(w):
            groups.append([w])
        elif groups:
            groups[-1].append(w)
        else:
            return None
    short = [g for g in groups if len(g) != 3]
    if len(short) != 1 or len(short[0]) not in (1, 2) or line >= len(folded) or next_row(folded, line):
        return None  # (the line below starts the form's next row, 「会計区分 一般会計」: no cell's wrapped rest — an
        # official written without the space, 「課長補佐 寺田純一」, is complete as it stands)
    below = folded[line].split(" ")
    tail = 0
    while tail < len(below) and _NAME_PIECE.match(w := below[-1 - tail]) and not label_piece(w) \
            and not _is_fragment(w):
        tail += 1
    after = folded[line + 1].split(" ") if line + 1 < len(folded) else []
    if tail == 0 or (len(after) == 1 and _NAME_PIECE.match(after[0]) and not label_piece(after[0])):
        return None
    g = short[0]
    if len(g) == 1 and g is not groups[-1]:
        # a title alone with another official after it on its line (「課長 寺課長補佐 吉田 大輔」 over 「田 直子」): its
        # name did not wrap at the line's end, so whose piece is glued to the next title (「寺」) is unknown
        return None
    kanji = next((k for k in range(tail) if not _KANJI_PIECE.match(below[-1 - k])), tail)
    # (a title and one name piece over one piece below, 「参事官 小林」 over 「雅一」, is no evidence of the space: real
    # sheets write 「参事官 小林雅一」 as often as 「参事官 小林 雅一」, and a wrap may cut either anywhere — unknown. Two
    # pieces below show the space between the names.)
    # (a surname's rest is kanji: 「し」 over it is 「終了予定な」's rest, 「課長 渡」 over 「し 辺拓也」)
    if tail == 2 == len(below) and (len(g) == 2 and _KANJI_PIECE.match(below[0]) or len(g) == 1
                                    and next_row(folded, line + 1)):
        g[1:] = [g[1] + below[0], below[1]] if len(g) == 2 else below
    elif kanji == 2 and _whole_before(folded[line - 1], text) \
            and next_row(folded, line + 1) and not any(_TITLE_TAIL.match(w) for w in below[len(below) - kanji:]) \
            and _others_placed(below[:len(below) - kanji], folded[line - 1].split(" ")):
        # the cell left of it whole (the 担当課室, of an organisation's shape) and the pieces before its own no name's
        # (「年度 定)年度 田 恵」「度 定)年度 なし 拓也」: the labels' rests, 終了予定なし's): the line's last pieces of kanji
        # are the cell's — the surname's rest and the given name (after its first piece), or surname and given name
        # (after the title alone)
        g[1:] = [g[1] + below[-2], below[-1]] if len(g) == 2 else below[-2:]
    else:
        return None
    out = [" ".join(x) for x in groups]
    return out if all(OFFICIAL_SHAPE.match(o) for o in out) else None


_KANJI_PIECE = re.compile(r"^[\u4e00-\u9fff々]{1,4}$")  # a piece of a person's name in kanji (「田」「恵」「拓也」)


def _row_wraps(toks: list[Token], k: int, line: int) -> list[Token]:
    """The value tokens after label token ``k`` on the lines below ``line`` (row-style text), up to the next
    label: the row's cells wrapped (the 担当課室 row's: a division's, an official's, the year labels' pieces)."""
    out = []
    for x in toks[k + 1:k + 12]:
        if x.field is not None:
            break
        if x.line > line:
            out.append(x)
    return out


def next_row(folded: list[str], n: int) -> bool:
    """Line ``n`` (0-based) starts the form's next row (its first part a label), or there is none."""
    nxt = _split_line(folded[n]) if n < len(folded) else []
    return not nxt or nxt[0][1] is not None


_END_NONE = "終了予定なし"


def _others_placed(words: list[str], above: list[str]) -> bool:
    """Every one of ``words`` (a line's pieces before a 作成責任者 cell's) is another cell's known rest: a piece of
    a label (「年度」「定)年度」) or the rest of 終了予定なし cut in its cell (「終了予定」 above it, 「なし」)."""
    return all(_is_fragment(w) or label_piece(w)
               or any(a.startswith("終了") and a + w == _END_NONE for a in above) for w in words)


def _whole_before(line: str, text: str) -> bool:
    """The cell before ``text`` (the 作成責任者 cell, at the end of ``line``) is whole by its shape: a 担当課室 of an
    organisation's shape (「住民制度課」), so no wrapped piece of it stands on the next line."""
    pos = line.rfind(text)
    before = line[:pos].split() if pos > 0 else []
    return bool(before) and org_plausible(before[-1])


def name_rest_alone(lines: list[str], n: int) -> bool:
    """Row-style text: the line below line ``n`` (1-based) holds only one or two pieces of a name's shape (「子」,
    「田 信」; no label's piece) and the line after it starts the form's next row: a 作成責任者 cell on line ``n``
    (the row's rightmost cell) wrapped there — its officials as read on line ``n`` are cut."""
    if n >= len(lines):
        return False
    words = lines[n].split(" ")
    if not 1 <= len(words) <= 2 or not all(_NAME_PIECE.match(w) and not label_piece(w) and not _is_fragment(w)
                                           for w in words):
        return False
    nxt = _split_line(lines[n + 1]) if n + 1 < len(lines) else []
    return not nxt or nxt[0][1] is not None


def name_rest_beside(lines: list[str], n: int, read: str) -> bool:
    """Row-style text: the line below line ``n`` (1-based) continues the row and ends, after the row's labels' wrapped
    pieces, in one or two pieces of a name's shape (「定)年度 神門 純」 under 「… 担当課室 電波政策課 企画官 山本 美香」),
    while the officials ``read`` end line ``n`` as they stand (nothing of that line below taken): the 作成責任者 cell
    (the row's rightmost) goes on below, so which name is whose is unknown."""
    if n >= len(lines) or next_row(lines, n) or not lines[n - 1].endswith(read) or not _whole_before(lines[n - 1], read):
        return False  # (the 担当課室 cell before the officials whole by its shape: no piece below is its rest)
    words, above = lines[n].split(" "), lines[n - 1].split(" ")
    while words and (_others_placed(words[:1], above) or (  # (the labels' pieces, 終了予定なし's 「なし」, 「し」)
            _END_NONE.endswith(words[0]) and any(_END_NONE[:-len(words[0])] in a for a in above))):
        words.pop(0)
    return 1 <= len(words) <= 2 and all(_NAME_PIECE.match(w) and not label_piece(w) for w in words)


def title_rest_below(lines: list[str], n: int) -> bool:
    """Row-style text: the line below line ``n`` (1-based) continues the row (it does not start the form's next
    row) and holds a title's piece alone (「官」, 「課長」): an official's title wrapped in its narrow cell (「参事」
    over 「官 山」 over 「本 雅」 over 「一」) — the officials as read on line ``n`` may have taken its head for
    another's (「参事 海野 拓也」)."""
    if n >= len(lines) or next_row(lines, n):
        return False
    return any(_TITLE_TAIL.match(w) and not label_piece(w) for w in lines[n].split(" "))


def _officials_of(text: str) -> list[str]:
    """The officials a cell's text is made of: one of an official's shape (「審議官 山本 雅一」), or several side by
    side, each a title and two names (「審議官 佐々木 敦史 参事官 中村 雅一」); [] for any other text."""
    if OFFICIAL_SHAPE.match(text):
        return [text]
    words = text.split(" ")
    if len(words) < 6 or len(words) % 3:
        return []
    out = [" ".join(words[i:i + 3]) for i in range(0, len(words), 3)]
    return out if all(OFFICIAL_SHAPE.match(o) for o in out) else []


def _beside_label(toks: list[Token], field: str) -> bool:
    """The field's first label has a value piece right after it on its line (a cell there, of the wrong shape: cut
    short, 「担当部局 水管理・国土保」 over 「全局」): its value is not to be looked for elsewhere by shape."""
    k = next((i for i, t in enumerate(toks) if t.field == field), None)
    return k is not None and k + 1 < len(toks) and toks[k + 1].field is None and toks[k + 1].line == toks[k].line


def org_plausible(text: str) -> bool:
    """A 担当部局庁 / 担当課室 value of an organisation's shape (…局, …課, …室, …官, 大臣官房 …): not a piece of a cell
    whose wrapped rest was lost (「サイバーセキュリティ統」 for サイバーセキュリティ統括官), nor the label 担当部局庁's
    wrapped rest 「庁」, alone or glued after the bureau's name (「老健局庁」: no organisation is named …局庁)."""
    return _shape_ok("bureau", text, None) and not _LABEL_TAIL.search(text.replace(" ", ""))


_LABEL_TAIL = re.compile(r"^庁$|局庁$")


_BUREAU = re.compile(r"^[^\s\d、,。]{1,16}(?:局|官房|統括官)$")  # 道路局, 大臣官房, 政策統括官 (not …庁: also a ministry's)


def bureau_by_shape(toks: list[Token]) -> Found | None:
    """The 担当部局庁 when its label stands apart from its cell (pdftotext of a LibreOffice print writes the label
    far below): the one value cell of a bureau's shape (…局, …官房, …統括官) before the payee list, when there is
    exactly one such text."""
    found: dict[str, Token] = {}
    for t in toks:
        if t.field == "payees" or "支出先上位" in t.text:
            break
        if t.field is None and _BUREAU.match(t.text):
            found.setdefault(t.text, t)
    if len(found) != 1:
        return None
    t = next(iter(found.values()))
    return Found(t.text, t.line)


def _end_year_past_budget(toks: list[Token], k: int, sheet_year: int | None) -> list[Token]:
    """The 事業終了(予定)年度 cell written after the 予算額・執行額 label that follows its own (its label's cell left
    for the budget table's): the cell right after that label, when it cannot be one of the table's year headers
    (sheet year - 3 .. sheet year + 1) — 「終了予定なし」 or a later year, or a year the headers after it hold again
    (``_header_again``). The table's row-group label (予算の状況) may stand between."""
    if k + 2 >= len(toks) or toks[k + 1].field != "budget" or sheet_year is None:
        return []
    j = k + 3 if toks[k + 2].field is None and toks[k + 2].text.replace(" ", "") == "予算の状況" else k + 2
    if j >= len(toks) or toks[j].field is not None:
        return []
    v = toks[j]
    if v.text.startswith("終了"):
        return [v]
    year = fields.parse_fiscal_year_cell(v.text, sheet_year).year if fields.YEAR_HEADER.match(v.text) else None
    if year is None or "要求" in v.text:
        return []
    return [v] if year > sheet_year + 1 or _header_again(year, toks[j + 1:j + 9], sheet_year) else []


def _header_again(year: int, after: list[Token], sheet_year: int) -> bool:
    """The budget table's year headers follow (the first three cells after a year cell, each a year after the
    one before it), starting before ``year`` and holding ``year`` again (「令和3年度」 then 「平成30年度」 「令和元年度」
    「令和2年度」 「令和3年度」): the table's own header of that year is further on, so the cell before the run is
    another cell's (the 事業終了(予定)年度 cell written past its label)."""
    years = [fields.parse_fiscal_year_cell(t.text, sheet_year).year for t in after
             if t.field is None and fields.YEAR_HEADER.match(t.text)]
    return len(years) >= 3 and years[0] is not None and years[0] < year \
        and years[1:3] == [years[0] + 1, years[0] + 2] and year in years


__all__ = ["Token", "tokens", "label_fields", "label_lists", "plans_plausible", "paragraph_style", "Found"]


# ------------------------------------------------------------------ payee rows of paragraph-style text

_HEADER_WORDS = ("支出先", "法人番号", "業務概要", "支出額", "契約方式", "入札者数", "落札率", "者数)", "応募者数)",
                 "万円)")
_HEADER_WORD = re.compile("|".join(map(re.escape, _HEADER_WORDS)))  # a text holding any of them


@last_document
def _paragraph_cells(lines: list[str], start: int) -> list[tuple[str, int]]:
    """Paragraphs after ``start`` as cell texts: lines rejoined (digits of one number without a space); the
    last document's cells are kept (the payee readers both ask)."""
    return _paragraph_cells_of(lines, start)


def _paragraph_cells_of(lines: list[str], start: int) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    buf: list[str] = []
    first = 0
    folded = _folded(lines)
    for n in range(start + 1, len(lines) + 1):
        t = folded[n - 1]
        if not t:
            if buf:
                if "".join(buf).isdigit():  # (every piece is non-empty: each one all digits)
                    out.append(("".join(buf), first))
                else:  # (join_wrapped of whole NFKC lines: ``_joined``)
                    out.append((_joined(buf, True), first))
                buf = []
            continue
        if not buf:
            first = n
        buf.append(t)
    if buf:
        out.append((_joined(buf, True), first))
    return out


_NAME_THEN_TOTAL = re.compile(r"^(.*[社所人構団体市町村県都府区)）])計$")


def _cut_total(cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A block's 計 label run on at the end of the cell before it (no blank line between them: 「…株式会社」「計」
    as one paragraph) is a cell of its own."""
    out = []
    for text, line in cells:
        m = _NAME_THEN_TOTAL.match(text) if "計" in text else None  # (the pattern holds 計)
        out += [(m[1], line), ("計", line)] if m else [(text, line)]
    return out


@last_document
def _section_cells(L: list[str], lo: int) -> list[tuple[str, int, bool]]:
    """``payee_section_cells``, worked out once per document (the last document's kept: the column reader and
    ``payee_paragraphs`` both walk the section's cells; neither changes the list)."""
    out = []
    for text, line in _cut_total(_paragraph_cells(L, lo)):
        if SECTION_END.search(text):
            break
        if is_page_mark(text):
            continue
        out.append((text, line, bool(_HEADER_WORD.search(text)) or _is_fragment(text)))
    return out


def payee_section_cells(L: list[str], lo: int) -> list[tuple[str, int, bool]]:
    """The 支出先上位10者リスト section's paragraph cells: (text, line, is a table header)."""
    return list(_section_cells(L, lo))


def payee_paragraphs(lines: list[str], start: int, notes: list | None = None) -> list[PayeeRow] | None:
    """Paragraph-style payee tables (pdftotext's order: rank and name, 法人番号, 業務概要, amount and 契約方式,
    入札者数, 落札率 as consecutive cells). Every row must have its cells in their shapes (入札者数 / 落札率 may be
    unknown when the tool wrote them elsewhere), ranks must run 1, 2, ... within each block; where they stop,
    the rows before stand and ``notes`` says what was left (``_table_end``); no row at all gives None."""
    words: list[tuple[str, int, bool]] = []  # (word, line, starts a paragraph)
    totals_at: list[int] = []  # where a 計 label stood in words
    for text, ln, header in _section_cells(lines, start):  # (up to the section's end, page numbers left out)
        if BLOCK_LINE.match(text):  # a block title (maybe glued to the header's first cell)
            words.append((text.split(" ")[0], ln, True))
            continue
        if TOTAL_LINE.match(text):  # a block's 計 (its figure, when the tool wrote it elsewhere, is skipped
            totals_at.append(len(words))  # below where it is the sum of the block's amounts)
            continue
        if header:  # (a header word or a label's fragment)
            continue
        for i, w in enumerate(text.split(" ")):
            if w:
                words.append((w, ln, i == 0))
    out: list[PayeeRow] = []
    block: str | None = None
    k = block_at = 0

    def block_total(k: int) -> bool:
        """words[k] (a paragraph of its own) is the current block's 計 figure: a 計 label stood in this block
        and the figure is the sum of the block's amounts read so far."""
        if not (k + 1 == len(words) or words[k + 1][2]) or not any(block_at <= t <= k for t in totals_at):
            return False
        return is_total_of(words[k][0], [r.cells["amount"] for r in out if r.block == block])

    def take_text(k: int) -> tuple[str | None, int]:
        """The words of one paragraph from k on."""
        if k >= len(words):
            return None, k
        got = [words[k][0]]
        k += 1
        while k < len(words) and not words[k][2]:
            got.append(words[k][0])
            k += 1
        return " ".join(got), k

    while k < len(words):
        w, ln, new_para = words[k]
        row_k = k  # where this row starts (a row that does not read leaves its 法人番号 to the column reader)
        mb = BLOCK_LINE.match(w)
        if new_para and mb:
            block, block_at = mb[1], k
            k += 1
            continue
        if new_para and block_total(k):
            k += 1
            continue
        if not (new_para and re.fullmatch(r"\d{1,2}", w)) or block is None:
            return _table_end(out, words, k, notes)
        rank = int(w)
        prev = [r.rank for r in out if r.block == block]
        inferred = False
        if rank == 1 and prev and block < "Z":  # a new block whose title the tool put elsewhere
            block, prev, inferred = chr(ord(block) + 1), [], True
        if rank != (prev[-1] + 1 if prev else 1):
            return _table_end(out, words, k, notes)
        k += 1
        if k < len(words) and not words[k][2]:  # the name on the rank's line
            name, k = take_text(k - 1)
            name = name.split(" ", 1)[1] if name and " " in name else None
        else:
            name, k = take_text(k)
            if name and re.match(rf"{rank} ", name):  # 「3」「3 公益社団法人…」: the lone number is another row's
                return _table_end(out, words, k - len(name.split(" ")) - 1, notes)  # cell (入札者数), not a rank
        corp, k = take_text(k)
        if name is None or corp is None or not CORP.match(corp) or (corp[0].isdigit() and len(corp) != 13):
            return None
        desc, k = take_text(k)
        amount_cell, k = take_text(k)
        if desc is None or amount_cell is None:
            return None
        if FIGURE.match(desc):  # a 業務概要 that is a figure: the amount (the cells in another order, 「11,504」「5」
            return _table_end(out, words, row_k, notes)  # 「随意契約…」: the 5 an 入札者数), not this row's cells
        am = AMOUNT_HEAD.match(amount_cell)
        if not am:
            return None
        if re.fullmatch(r"\d{13}", am[1]):  # another row's 法人番号 where the amount should be: no row here
            return _table_end(out, words, row_k, notes)
        rest = am[2].strip().split(" ") if am[2].strip() else []
        if not rest:  # 契約方式 in its own paragraph
            contract, k = take_text(k)
            if contract and any(block_at <= t <= k for t in totals_at) and is_total_of(
                    contract, [r.cells["amount"] for r in out if r.block == block] + [am[1]]):
                contract, k = take_text(k)  # (after the block's 計 figure, written between them)
            rest = contract.split(" ") if contract else []
        glued = re.fullmatch(r"(.*[^\d,.\s])([\d,]+(?:\.\d+)?)", rest[-1]) if rest else None
        if glued and any(block_at <= t <= k for t in totals_at) and is_total_of(
                glued[2], [r.cells["amount"] for r in out if r.block == block] + [am[1]]):
            rest[-1] = glued[1]  # the block's 計 figure, written on at the end of its last row's 契約方式 cell
        elif len(rest) > 1 and any(block_at <= t <= k for t in totals_at) and is_total_of(
                rest[-1], [r.cells["amount"] for r in out if r.block == block] + [am[1]]):
            rest.pop()  # (or as a word of its own there)
        tail: list[str] = []
        while rest and SMALL.match(rest[-1]) and len(tail) < 2:
            tail.insert(0, rest.pop())
        # 入札者数 / 落札率 in the paragraphs that follow: a cell alone in its paragraph (「3 京都市」 is the next
        # row), taken only while the cells fit 入札者数 then 落札率 (pdftotext may write them after the table)
        own = len(tail)
        while (len(tail) < 2 and k < len(words) and words[k][2] and (k + 1 == len(words) or words[k + 1][2])
               and SMALL.match(words[k][0]) and _tail_fits([*tail, words[k][0]])):
            tail.append(words[k][0])
            k += 1
        if len(tail) > own and k < len(words) and words[k][2] and (k + 1 == len(words) or words[k + 1][2]) \
                and SMALL.match(words[k][0]) and not re.fullmatch(r"\d{1,2}", words[k][0]):
            tail = tail[:own]  # more such cells follow: which row's they are is not established (unknown)
        if not rest or not _tail_fits(tail) or not _CONTRACT_WORDS.search(fields.join_wrapped(rest)):
            return _table_end(out, words, row_k, notes)  # 「2 有限責任監査法人…」 is the next row, not amount + 契約方式
        bidders, rate = (tail[0], tail[1]) if len(tail) == 2 else \
            (None, tail[0]) if tail and tail[0].endswith("%") else (None, None)
        row = {"name": name, "corporate_number": corp, "description": desc, "amount": am[1],
               "contract_method": fields.join_wrapped(rest), "bidders": bidders, "award_rate": rate}
        out.append(PayeeRow(block, rank, row, ln, inferred or len(tail) < 2))
    return out or None


_CONTRACT_WORDS = re.compile(r"契約|交付|その他|公募|随意|随契|競争|委託|請負|補助|負担|入札|企画")
_RATE = re.compile(r"^(?:[-－―]|\d{1,3}(?:\.\d+)?%)$")
_BIDDERS = re.compile(r"^(?:[-－―]|\d{1,3}(?:\(\d+\))?)$")


def _tail_fits(cells: list[str]) -> bool:
    """入札者数 then 落札率: two cells of those shapes, or one (which of the two a lone cell is: only a % says)."""
    if len(cells) == 2:
        return bool(_BIDDERS.match(cells[0]) and _RATE.match(cells[1]))
    return len(cells) <= 1


def _table_end(out: list[PayeeRow], words: list[tuple[str, int, bool]], k: int,
               notes: list | None = None) -> list[PayeeRow] | None:
    """Where the rows stop making a table (cells pdftotext wrote after it, 「3」「-」, or a row whose rank and
    name the tool put elsewhere): the rows read so far stand (each was read whole, in its block). When what is
    left still holds a 法人番号, rows are missing: ``notes`` gets (line, message) for the caller's warning."""
    if not out:
        return None
    left = [(w, ln) for w, ln, _ in words[k:] if re.fullmatch(r"\d{13}", w)]
    if left and notes is not None:
        notes.append((words[k][1], f"支出先上位10者リスト: {len(out)} rows read; from line {words[k][1]} on the cells "
                                   f"do not make rows ({len(left)} more 法人番号 in them): those payees are unknown"))
    return out


__all__ += ["payee_paragraphs", "payee_section_cells"]


# ------------------------------------------------------------------ 政策評価 of paragraph-style text

# the cells that end the 政策評価 row's neighbourhood: the 関連事業 table's headers and the sections after it
_POLICY_STOP = frozenset({"project_number", "project_name", "past_project_numbers", "payees", "budget", "purpose",
                          "outline", "legal", "plans"})
_TABLE_HEADERS = frozenset({"所管府省名", "所管府省", "事業番号", "事業名", "府省庁名"})
_MINISTRY_END = "(?:省|庁|府|委員会|院|官房|本部|局)"  # how a 所管府省's name ends (公正取引委員会, 会計検査院, 内閣官房)
_MINISTRY = re.compile(rf"^\S{{1,12}}{_MINISTRY_END}$")
# two ministries' cells glued (「総務省財務省」, 「総務省公正取引委員会」, 「国家公安委員会警察庁」)
_TWO_MINISTRIES = re.compile(r"^\S{2,12}?(?:省|庁|府|委員会)\S{2,12}(?:省|庁|府|委員会|院|官房)$")
# the head of a 政策 / 施策 name: its numbering (「2.」「(6)」「IV.」「施策目標」), which a wrapped line does not start with
_ITEM_HEAD = re.compile(r"^(?:\(\s*[0-9]+\s*\)|[0-9]+\s*[.、．]|[IVX]+\s*[.、．\s]|政策|施策|第\s*[0-9一二三四五六七八九十]+)")


_POLICY_TABLE_LABELS = re.compile("測定指標|定量的指標|定性的指標|目標値|成果実績|達成度|取組事項|該当箇所|https?:")


def _policy_candidate(t: Token, taken: frozenset[str], sheet_year: int | None) -> bool:
    text = t.text
    if t.field is not None or is_unknown(text) or _NUMBERISH.match(text) or _is_fragment(text):
        return False
    if text in taken or text in _TABLE_HEADERS or _MINISTRY.match(text) or text.startswith("終了"):
        return False
    if fields.parse_fiscal_year_cell(text, sheet_year).year is not None or canonical_number(text) is not None:
        return False
    if OFFICIAL_SHAPE.match(text) or (not _ITEM_HEAD.match(text) and _DIVISION.search(text)):
        return False  # another field's cell (作成責任者, 担当課室) the text wrote among these labels
    if _POLICY_TABLE_LABELS.match(text):
        return False  # a label of the 政策評価 rows' own table (「測定指標 定量的指標」), printed after the cells
    return not _NUMBERISH.match(text.replace("%", "")) and len(text) <= 120


# 作成責任者 as the form prints it: a title (課長, 参事官, …統括官, 室長補佐), then family and given name apart
OFFICIAL_SHAPE = re.compile(r"^\S{0,14}(?:長|官|補佐|理事|参事)\s+\S{1,8}\s+\S{1,8}$")  # 室長 高橋 花子
_DIVISION = re.compile(r"^.{1,18}(?:課|室)(?:\([^)]*\))?$")  # 企画課, 情報システム室


def _paragraph_lines(lines: list[str], t: Token) -> list[str]:
    out = []
    folded = _folded(lines)
    for n in range(t.line, len(lines) + 1):
        x = folded[n - 1]
        if not x or (out and _split_line(x)[0][1] is not None):
            break  # the paragraph ends at a blank line or at a line that starts with a label
        out.append(x)
    return out


def policy_by_shape(toks: list[Token], lines: list[str], taken: frozenset[str] = frozenset(),
                    sheet_year: int | None = None) -> Found | None:
    """政策 / 施策 values of paragraph-style text whose labels stand apart from them (pdfminer puts the three
    labels 政策, 施策, 政策評価… together and the two value cells after them; pdftotext joins the two stacked
    value cells into one paragraph of two lines, a few cells further on). From the first of these labels up to
    the next section (the 関連事業 table's 事業番号 / 事業名, past numbers, payees), the first text-shaped value
    cell (not a number, year, ministry, table header, unknown mark, nor a text already placed in another field,
    ``taken``) is the 政策 when the cell right after it is one too (the 施策), or when it is a paragraph of
    exactly two lines of which the second starts like a 施策 (its numbering: 「(6)」「2.」「IV.」「施策…」, which a
    wrapped line does not); a lone text cell is passed over (a wrapped piece of a column header). Three text
    cells in a row, an unknown mark ("-") first, or no pair before the next section give None: unknown beats
    wrong."""
    k = next((i for i, t in enumerate(toks) if t.field in ("policy", "measure", "policy_eval")), None)
    if k is None:
        return None
    if (beside := _policy_beside_labels(toks, k, taken, sheet_year)) is not None:
        return beside
    for i in range(k + 1, min(len(toks), k + 80)):
        t = toks[i]
        if t.field in _POLICY_STOP:
            return None
        if t.field is None and is_unknown(t.text):
            return None  # the 政策 cell printed empty
        if t.field is None and (_POLICY_TABLE_LABELS.match(t.text) or any(
                _POLICY_TABLE_LABELS.fullmatch(w) for w in t.text.split(" "))):
            return None  # the 政策評価 rows' own table (「測定指標 定量的指標」, 「測定指 定量的指標」) begins after their cells
        if not _policy_candidate(t, taken, sheet_year):
            continue
        if not policy_value_plausible(t.text):
            return None  # (a header cell among them, the 点検 column's 「チェック」: which cells are the pair is not known)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and _policy_candidate(nxt, taken, sheet_year):
            after = toks[i + 2] if i + 2 < len(toks) else None
            if after is not None and _policy_candidate(after, taken, sheet_year):
                return None  # three text cells in a row: not the 政策評価 pair
            return Found(fields.parse_policy_evaluation(t.text, nxt.text), t.line)
        if nxt is not None and nxt.field == CUT and (h := _ITEM_HEAD.match(nxt.text)) and h.end() < len(nxt.text):
            # the 施策 cell right after, cut by the 政策評価書URL label beside it (「6. 情報システム運」 then the label):
            # the 政策 is this cell, the 施策's end unknown
            return Found(fields.parse_policy_evaluation(t.text, None), t.line)
        para = _paragraph_lines(lines, t)
        if len(para) == 2 and fields.join_wrapped(para) == t.text and _ITEM_HEAD.match(para[1]):
            return Found(fields.parse_policy_evaluation(para[0], para[1]), t.line)
        # a lone text cell (a wrapped piece of a column header: 「要求」) is not the pair: look further
    return None


# words of the form's other tables' headers (成果目標・活動指標, 単位当たりコスト) and their units: a 政策 / 施策 value
# holding one (or a 「分野:」 or 「取組事項」 label of the 新経済・財政再生計画 rows, the 政策評価書 row's 「該当箇所」 label and its 「3ページ目」 page reference,
# or the 政策評価 label's piece 「政策評」 glued to a cell: 「政策評政策…」) is another cell's text
_NOT_POLICY = re.compile(r"^[、,]|。|^(?=.{30})(?:[^、]*、){2}|測定指標|単位当たり|活動指標|成果指標|成果目標|成果実績|活動実績|目標値|実績値|当初見込み|活動見込|百万円|千円|ページ目|[:/]$"
                         r"|https?://|政策評価書|政策評(?!価)|URL|該当箇所|^取組事|定量的指標|定性的指標|^チェック$|^(?:千|百万)?円/[^\s/]{1,3}$"
                         r"|^(?=.{30})[^、]*、.*る$|計算式|^(?=.*\d)[令和平成昭元年度\d\s]+$|について、")
# (the 点検 column's 「チェック」 header; a unit of the 単位当たりコスト row, 「円/件」; a sentence — 。, 「…について、」, or a long text
# listing with 、 — or a text starting with a comma, its row label's wrapped rest 「、 新経済…」: no 政策's or 施策's name;
# nor a text ending with 「/」, the 単位当たりコスト table's slash cell joined to it: 「…の推進」 over 「/」; nor a long text
# with a comma ending in a verb, a sentence whose 。 wrapped away: 「…について、…効率化を図る」 over 「。」, the 事業の目的 cell;
# nor the indicator tables' 「計算式」 row label, nor their year headers run together, 「平成29 30年度」)

# no word starts with a moraic ン, a long-vowel mark or a small kana: a value that does is a wrapped cell's rest
# (「科学技術・イノベーショ」 over 「ン」: the 主要政策 cell's, beside the 主要政策・施策 label's piece 「政策」)
_WORD_CANNOT_START = re.compile(r"^[ンんーッっャュョァィゥェォぁぃぅぇぉゃゅょ]")


def policy_value_plausible(text: str) -> bool:
    """``text`` may be a 政策 / 施策 name: it holds none of the other tables' header words (``_NOT_POLICY``), is no
    table's year header (「4年度」, written after the label), no piece of a form label (「費」) and no wrapped rest
    (``_WORD_CANNOT_START``)."""
    return not (_NOT_POLICY.search(text) or fields.YEAR_HEADER.match(text) or label_piece(text)
                or _WORD_CANNOT_START.match(text))


def _policy_beside_labels(toks: list[Token], k: int, taken: frozenset[str], sheet_year: int | None) -> Found | None:
    """The 政策 and 施策 cells each written right after its own label (pdftotext's row order: 「政策」 「VI. 防災の推進」
    「政策評価」 「施策」 「3. 推進情報の推進」): the pair, when each label so stands before a value cell exactly once
    (from token ``k`` up to the next section), the 政策's before the 施策's. pdfminer's order, the labels together
    and the cells after them, has only the 施策 label before a cell — no pair, and the cells are read by shape."""
    beside: dict[str, list[int]] = {"policy": [], "measure": []}
    for i in range(k, min(len(toks) - 1, k + 80)):
        t = toks[i]
        if t.field in _POLICY_STOP:
            break
        if t.field in beside and _policy_candidate(toks[i + 1], taken, sheet_year):
            beside[t.field].append(i + 1)
    pol, mea = beside["policy"], beside["measure"]
    if len(pol) != 1 or len(mea) != 1 or pol[0] >= mea[0]:
        return None
    if not (policy_value_plausible(toks[pol[0]].text) and policy_value_plausible(toks[mea[0]].text)):
        return None  # (a label's wrapped rest after 政策, 「、 新経済 価・ 財政再」: the cells are not beside their labels)
    return Found(fields.parse_policy_evaluation(toks[pol[0]].text, toks[mea[0]].text), toks[pol[0]].line)


__all__ += ["policy_by_shape", "policy_value_plausible"]


# ------------------------------------------------------------------ 関連事業 of paragraph-style text

def _is_year_cell(text: str, sheet_year: int | None) -> bool:
    return bool(re.fullmatch(r"(?:令和|平成|昭和)?\s*(?:元|\d{1,4})\s*年度?", text)) and \
        fields.parse_fiscal_year_cell(text, sheet_year).year is not None


def related_by_shape(toks: list[Token], taken: frozenset[str] = frozenset(),
                     sheet_year: int | None = None, lines: list[str] | None = None) -> Found | None:
    """関連事業 rows of paragraph-style text, read by the cells' shapes: from the 関連事業 label up to the first
    year cell after the 関連する過去のレビューシート label (those years and numbers are the past numbers) or the
    payee list, the ministry cells (「…省」「…庁」), the 事業番号 cells and the name cells (text of no other shape,
    not already placed in another field: ``taken``) each keep their order whether the tool wrote the table row
    by row (pdftotext) or column by column (pdfminer), so the i-th of each make the i-th row. Accepted only when
    there are as many ministries as names and as many numbers or none; otherwise None (unknown beats wrong)."""
    k = next((i for i, t in enumerate(toks) if t.field == "related"), None)
    if k is None:
        return None
    ministries: list[Token] = []
    numbers: list[Token] = []
    names: list[Token] = []
    past = False
    for t in toks[k + 1:]:
        if t.field == "payees" or "支出先上位" in t.text:
            break
        if t.field == "past_project_numbers":
            past = True
        if t.field is not None:
            continue
        text = t.text
        if _is_year_cell(text, sheet_year):
            if past:
                break
            continue
        if canonical_number(text) is not None:
            numbers.append(t)
            continue
        if (is_unknown(text) or _NUMBERISH.match(text) or _is_fragment(text) or text in _TABLE_HEADERS
                or fields.YEAR_HEADER.match(text) or text == "要求" or not any(c.isalnum() for c in text)):
            continue  # a budget column's header (「平成29年度要求」, its wrapped 「要求」) is no name, nor a mark alone
            # (the 点検結果 column's 「○」)
        if _MINISTRY.match(text):
            if _TWO_MINISTRIES.search(text):
                # two rows' ministry cells glued (「総務省財務省」): the rows' cells do not read apart (or a header
                # glued to the one row's: 「所管府省名内閣府」)
                return _one_row(lines) if lines is not None else None
            ministries.append(t)
        elif text not in taken and not text.startswith("終了") and len(text) <= 120:
            names.append(t)
    if len(ministries) != len(names):  # 政策 / 施策 cells (「8.データ活用の推進」「(2)…の充実」) among the names
        names = [n for n in names if not _ITEM_HEAD.match(n.text)]
    if ministries and not names:  # pdfminer: the 事業番号 and 事業名 columns written before the 関連事業 label
        numbers, names = _columns_before(toks, k)
    if not names or len(ministries) != len(names) or len(numbers) not in (0, len(names)):
        return related_by_header(toks, lines)
    rows = [(m.text, numbers[i].text if numbers else None, n.text) for i, (m, n) in enumerate(zip(ministries, names,
                                                                                                 strict=True))]
    return Found(fields.parse_related_projects(rows), names[0].line)


_MINISTRY_HEADERS = frozenset({"所管府省名", "所管府省", "府省庁名"})


def _header_at(toks: list[Token], i: int, field: str | None) -> bool:
    """Token ``i`` is the 関連事業 table's column header: 所管府省名 (field None), 事業番号 or 事業名 (as labels)."""
    if i >= len(toks):
        return False
    t = toks[i]
    if field is None:
        return t.field is None and t.text in _MINISTRY_HEADERS
    return t.field == field and t.text == {"project_number": "事業番号", "project_name": "事業名"}[field]


# the labels of the 点検 column printed beside the 関連事業 table: no related program is named so
_CHECK_LABELS = re.compile("点検|改善の方向性|所見|備考|役割分担")


def _related_name(t: Token) -> bool:
    """A cell of a 関連事業 name's shape: text of no other cell's shape (no ministry, 事業番号, year, figure, blank
    mark, table header, label), no sentence (「…を行っている。」: the 点検 column's text beside the table)."""
    text = t.text
    return (t.field is None and not _MINISTRY.match(text) and canonical_number(text) is None
            and not is_unknown(text) and not _NUMBERISH.match(text) and text not in _TABLE_HEADERS
            and "。" not in text and not _is_fragment(text) and not fields.YEAR_HEADER.match(text)
            and not label_piece(text) and not _CHECK_LABELS.search(text) and len(text) <= 80
            and any(c.isalnum() for c in text))  # (a mark alone, the 点検結果 column's 「○」, names nothing)


# 「文部科学省点検・改善結果」「公正取引委員会点検結果」: a ministry's cell glued to another (not 院/局/本部, which many
# project names hold: 「病院…」)
_MINISTRY_HEAD = re.compile(r"^\S{1,12}?(?:省|庁|府|委員会)(?=\S)")


def _is_ministry(toks: list[Token], i: int) -> bool:
    """Token ``i`` is one ministry's cell (not two rows' glued: 「総務省財務省」)."""
    return i < len(toks) and toks[i].field is None and bool(_MINISTRY.match(toks[i].text)) \
        and not _TWO_MINISTRIES.search(toks[i].text)


def _is_number_cell(toks: list[Token], i: int) -> bool:
    return i < len(toks) and toks[i].field is None and (canonical_number(toks[i].text) is not None
                                                       or is_unknown(toks[i].text))


def _related_rows(toks: list[Token], i: int) -> list[tuple[str, str | None, str]] | None:
    """The 関連事業 rows from token ``i`` on, read group by group: a run of a ministry cells, a run of a 事業番号
    cells (blank 「-」 or not) or none, a run of a name cells (pdftotext writes a group of one row, pdfminer a group
    of the rows its text box holds); None when a group does not read whole or a 事業番号 follows the last one."""
    rows: list[tuple[str, str | None, str]] = []
    while _is_ministry(toks, i):
        j = i
        while _is_ministry(toks, j):
            j += 1
        a = j - i
        m = j
        while _is_number_cell(toks, m):
            m += 1
        if m - j not in (0, a) or not all(_related_name(t) for t in toks[m:m + a]) or m + a > len(toks):
            return None
        rows += [(toks[i + x].text, None if m == j or is_unknown(toks[j + x].text) else toks[j + x].text,
                  toks[m + x].text) for x in range(a)]
        i = m + a
    if i < len(toks) and toks[i].field is None and (canonical_number(toks[i].text) is not None
                                                    or _MINISTRY_HEAD.match(toks[i].text)):
        return None  # a row goes on in a shape not read (a number; a ministry glued to the next cell's text)
    return rows


def related_by_header(toks: list[Token], lines: list[str] | None = None) -> Found | None:
    """関連事業 rows read under the table's own column headers (所管府省名 / 事業番号 / 事業名), where the 関連事業
    label stands far from the table (the real form prints it at the left of the 点検 column).

    - The three headers in order, nothing but the 点検 column's sentences between them: the rows follow, read by
      ``_related_rows``.
    - Else each header is followed by its own column (pdfminer writes the table column by column, the 点検 cells
      between): k ministry cells after 所管府省名, k 事業番号 cells (or none) after 事業番号, k name cells after
      事業名 — the counts must agree.
    None when there is no header or the rows do not read whole: unknown beats wrong."""
    h = next((i for i, t in enumerate(toks) if _header_at(toks, i, None)), None)
    if h is None:
        return _one_row(lines) if lines is not None else None
    toks = toks[:h + 1] + _cells_apart(toks[h + 1:h + 80])
    found = _related_by_header(toks, h, lines)
    if (found is None or found.value) and (cells := _table_cells(toks, h, lines)) is not None \
            and (rows := _related_rows(cells, 0) or _alternating_rows(cells) or _rows_before_last(cells)) \
            and not any(_ITEM_HEAD.match(name) for _, _, name in rows):  # (not a 政策 / 施策 cell: 「8.推進の推進」)
        more = fields.parse_related_projects(rows)
        # (rows read under the headers up to a cell of the 点検 column between them — the 関連事業 label, its row
        # labels' wrapped pieces: the same rows and more when those cells are left out)
        if found is None or (len(more) > len(found.value) and more[:len(found.value)] == found.value):
            return Found(more, toks[h].line)
    return found if found is not None or lines is None else _one_row(lines)


def _rows_before_last(cells: list[Token]) -> list[tuple[str, str | None, str]] | None:
    """The rows read whole before the table's last cell when that is a ministry whose name the text gives no more
    (it stands after the next block's label: 「文部科学省」 then 「外部有識者の所見」): the rows before it, the last
    row's unknown."""
    return _related_rows(cells[:-1], 0) if len(cells) > 1 and _is_ministry(cells, len(cells) - 1) else None


def _paragraphs(folded: list[str], start: int):
    """(first line's index, its lines) of each blank-separated paragraph from line index ``start`` on."""
    para: list[str] = []
    for i in range(start, len(folded) + 1):
        x = folded[i].strip() if i < len(folded) else ""
        if x:
            para.append(x)
        elif para:
            yield i - len(para), para
            para = []


def _one_row(lines: list[str]) -> Found | None:
    """A 関連事業 table of one row whose cells the tool wrote apart, among the 点検 column's labels and sentences
    (pdftotext: 「所管府省名」 over 「国土交通省」 over 「点検・改善結果」, … 「事業名」 over 「システム運用推進情報事業」):
    from the 所管府省名 header up to the past numbers' label, exactly one text of a ministry's shape (none of
    a ministry's head glued to other text, 「総務省財務省」), at most one 事業番号, and the cell right after the
    事業名 header a name's shape on a line of its own (or over a sentence of the 点検 column) make the row.
    Paragraphs holding 。 or 、 (the 点検 column's sentences) are passed over. None otherwise: with more rows,
    the tool's order of their cells does not tell which name is which ministry's."""
    folded = _folded(lines)
    start = next((i for i, x in enumerate(folded) if x.startswith("所管府省名")), None)
    if start is None:
        return None
    ministries: list[str] = []
    numbers: list[str] = []
    name: tuple[str, int, int] | None = None  # (text, line, its paragraph's first line index)
    after_header = False
    for i, para in _paragraphs(folded, start):
        if any("関連する過去のレビューシート" in x or "支出先上位" in x for x in para):
            break
        if any("。" in x or "、" in x for x in para):
            # (the header, or the header and the name, over a sentence: 「事業名」 over 「国際協力…事業」 over 「…。」)
            k = 1 if para[0] == "事業名" else 0
            if (k or after_header) and name is None and (head := _cell_over_sentence(lines, i + k + 1)) is not None:
                name = (head, i + k + 1, i)
            after_header = False
            continue
        for j, x in enumerate(para):
            for w in x.split(" "):
                w = w.removeprefix("所管府省名")
                if not w or w == "事業番号" or is_unknown(w):
                    continue
                if w == "事業名":
                    after_header = True
                    continue
                if set(w) <= _CHECK_LABEL_CHARS:
                    continue
                m = _MINISTRY_CHECK.match(w)
                w = m[1] if m else w
                if _MINISTRY.match(w) and not _TWO_MINISTRIES.search(w):
                    ministries.append(w)
                elif _MINISTRY_HEAD.match(w) or _MINISTRY.match(w):
                    return None  # a ministry's cell glued to other text: the rows do not read apart
                elif any(c.isdigit() for c in w) and canonical_number(w) is not None:
                    numbers.append(w)
                elif after_header and name is None:
                    if w != x or not _related_name(_new_token((w, i + 1, None))):
                        return None
                    name = (w, i + j + 1, i)
                elif name is not None and name[2] == i:
                    return None  # more text in the name's paragraph: another row's name, or the name's wrapped rest
                after_header = False
    if len(ministries) != 1 or len(numbers) > 1 or name is None:
        return None
    return Found(fields.parse_related_projects([(ministries[0], numbers[0] if numbers else None, name[0])]), name[1])


_NUMBER_TAIL = re.compile(r"\d{2}\s*-\s*\d{4}$")  # a 事業番号 glued to a name's end (「…事業16-0182」)


def _alternating_rows(cells: list[Token]) -> list[tuple[str, str | None, str]] | None:
    """The 関連事業 rows of a table written row by row after its headers, each row's ministry cell right before
    its name cell (pdftotext: 「防衛省」「国際協力推進情報事業」「19-0275」「厚生労働省 19-0277」…): a 事業番号 on
    its row's ministry's line is that row's; one on a line of its own may be that row's or the one above's, and
    then no row gets one. None unless every cell reads so (ministry, number?, name, numbers?)."""
    rows: list[tuple[str, str | None, str]] = []
    loose = False
    i = 0
    while _is_ministry(cells, i):
        ministry, number, line = cells[i].text, None, cells[i].line
        i += 1
        if _is_number_cell(cells, i):
            # (on the ministry's line, 「厚生労働省 19-0277」, the row's; on a line of its own it may have drifted
            # from the row above, as numbers after names do)
            number = None if is_unknown(cells[i].text) else cells[i].text
            loose = loose or cells[i].line != line
            i += 1
        if i >= len(cells) or not _related_name(cells[i]) or _NUMBER_TAIL.search(cells[i].text):
            return None
        rows.append((ministry, number, cells[i].text))
        i += 1
        while _is_number_cell(cells, i):
            loose = True
            i += 1
    if len(rows) < 2 or (i < len(cells) and _related_name(cells[i])) or _MINISTRY_HEAD.match(
            cells[i].text if i < len(cells) else ""):
        return None
    return [(m, None, x) for m, _, x in rows] if loose else rows


# the 点検 column's labels printed beside the 関連事業 table's rows (「点検・改善結果」 over 「点検結果」, then
# 「改善の方向性」), alone or glued to a row's ministry cell (「文部科学省点検・改善結果」)
_CHECK_ROW_LABEL = "(?:点検・改善結果|点検結果|改善の方向性)"
_CHECK_ROW_LABELS = re.compile(rf"^{_CHECK_ROW_LABEL}(?:\s*{_CHECK_ROW_LABEL})*$")
_MINISTRY_CHECK = re.compile(rf"^(\S{{1,12}}?{_MINISTRY_END}){_CHECK_ROW_LABEL}$")
# ... glued to the row labels' lines run together (「文部科学省点検・改善結 点検結果果」: 点検・改善結果 wrapped beside
# 点検結果, its 「果」 below)
_MINISTRY_CHECKS = re.compile(rf"^(\S{{1,12}}?{_MINISTRY_END})((?:点検|改善)[点検・改善結果の方向性 ]*)$")


def _table_cells(toks: list[Token], h: int, lines: list[str] | None = None) -> list[Token] | None:
    """The 関連事業 table's cells after its 所管府省名 header (token ``h``) with the 点検 column's text between
    them left out: its row labels (``_CHECK_ROW_LABELS``, cut off a ministry cell they are glued to), its
    sentences (「…を行っている。」), and the table's own 事業番号 / 事業名 headers (a row's cells written between
    the headers where a header cell wraps). They end at the next block's label (a 所見, 備考; the past numbers'
    label, the payee list). None when the 事業番号 and 事業名 headers are not both among them (the table's cells
    are elsewhere)."""
    out: list[Token] = []
    headers = set()
    for t in toks[h + 1:]:
        if t.field in ("past_project_numbers", "payees") or "支出先上位" in t.text:
            break
        if t.field in ("project_number", "project_name") and t.text in ("事業番号", "事業名"):
            headers.add(t.field)
            continue
        if t.field == "related" and t.text == "関連事業" and headers:
            continue  # the table's own label, printed at its left, written between two rows' cells
        if t.field is not None:
            break
        text = t.text
        if "。" in text and lines is not None and (head := _cell_over_sentence(lines, t.line)) is not None:
            t = _new_token((head, t.line, None))  # (a row's name over the 点検 column's sentence, no blank between)
        elif "。" in text or _CHECK_ROW_LABELS.match(text) or _check_labels_mixed(text) or _check_label_piece(text):
            continue
        if _CHECK_LABELS.search(text):
            m = _MINISTRY_CHECK.match(text) or _MINISTRY_CHECKS.match(text)
            if m is None or not _MINISTRY.match(m.group(1)) or (m.re is _MINISTRY_CHECKS
                                                               and not _check_labels_mixed(m.group(2))):
                break
            t = _new_token((m.group(1), t.line, None))
        if _MINISTRY.match(t.text) and _TWO_MINISTRIES.search(t.text):
            break  # two rows' ministry cells glued (「文部科学省財務省」): their names' split is unknown
        out.append(t)
    return out if len(headers) == 2 else None


_CHECK_LABEL_CHARS = frozenset("点検・改善結果の方向性")


def _check_labels_mixed(text: str) -> bool:
    """``text`` is made of the 点検 column's row labels' characters only, two labels' lines run together
    (「点検・改 点検結果善結果」: 点検・改善結果 wrapped beside 点検結果)."""
    t = text.replace(" ", "")
    return len(t) >= 4 and set(t) <= _CHECK_LABEL_CHARS


_CHECK_ROW_TEXTS = ("点検・改善結果", "点検結果", "改善の方向性")


def _check_label_piece(text: str) -> bool:
    """``text`` is a piece of one of the 点検 column's row labels wrapped in its cell (「点検・」「改善結」「果」 of
    点検・改善結果): no cell of the 関連事業 table (a ministry, 事業番号 or project name) is made of one."""
    t = text.replace(" ", "")
    return bool(t) and any(t in lab for lab in _CHECK_ROW_TEXTS)


def _cell_over_sentence(lines: list[str], line: int) -> str | None:
    """The first line of the paragraph at ``line`` (1-based) when it is a cell of its own over a sentence of
    another cell with no blank line between (「支援推進高度化事業」 over 「サイバーセキュリティに関する脅威は、…」):
    no punctuation in it, the lines below at least twice as wide and ending the sentence (。); else None."""
    folded = _folded(lines)
    if line >= len(folded):
        return None
    first, below = folded[line - 1].strip(), []
    for x in folded[line:]:
        if not x:
            break
        below.append(x)
    if not below or not first or re.search("[。、,]", first) or not below[-1].endswith("。") \
            or len(below[0]) < 2 * len(first) or " " in first:
        return None
    return first


_MINISTRY_NUMBER = re.compile(r"^(\S+) (\S+)$")  # (the first a ministry's cell by _MINISTRY: 「…委員会」「…院」 too)


def _cells_apart(toks: list[Token]) -> list[Token]:
    """The 関連事業 table's tokens with a row's ministry and 事業番号 cells written on one line (「防衛省 18-0047」)
    taken apart: two cells of one row."""
    out = []
    for t in toks:
        m = _MINISTRY_NUMBER.match(t.text) if t.field is None else None
        if m and _MINISTRY.match(m[1]) and canonical_number(m[2]) is not None:
            out += [_new_token((m[1], t.line, None)), _new_token((m[2], t.line, None))]
        else:
            out.append(t)
    return out


def _related_by_header(toks: list[Token], h: int, lines: list[str] | None = None) -> Found | None:
    n = next((j for j in range(h + 1, min(len(toks), h + 40)) if _header_at(toks, j, "project_number")), None)
    e = next((j for j in range(h + 1, min(len(toks), h + 40)) if _header_at(toks, j, "project_name")), None)
    if n is None or e is None or e < n:
        return None
    if e == n + 1 and all(t.field is None and "。" in t.text for t in toks[h + 1:n]):
        rows = _related_rows(toks, e + 1)
        return Found(fields.parse_related_projects(rows), toks[e + 1].line) if rows else None
    if n == h + 1 and e > n + 1:
        return _ministries_after_number_header(toks, n, e, lines)
    k = 0
    while _is_ministry(toks, h + 1 + k):
        k += 1
    if not k or n < h + 1 + k:
        return None
    numbers = toks[n + 1:n + 1 + k]
    if not all(_is_number_cell(toks, n + 1 + x) for x in range(k)):
        if _is_number_cell(toks, n + 1) and not is_unknown(toks[n + 1].text):
            return None  # fewer numbers than rows: which row's is unknown
        numbers = []  # no 事業番号 column printed (the cells empty)
    names = toks[e + 1:e + 1 + k] if numbers else _names_among_numbers(toks, e + 1, k)
    if len(names) != k or not all(_related_name(t) for t in names):
        return None
    rows = [(toks[h + 1 + x].text, None if not numbers or is_unknown(numbers[x].text) else numbers[x].text,
             names[x].text) for x in range(k)]
    return Found(fields.parse_related_projects(rows), names[0].line)


def _ministries_after_number_header(toks: list[Token], n: int, e: int, lines: list[str] | None = None) -> Found | None:
    """The table written column by column with the 事業番号 header right after 所管府省名 (pdftotext: 「所管府省名」
    「事業番号」 「文部科学省」 「財務省」 「点検・改善結果」 「事業名」 then the names, a row's 事業番号 among them; each
    column's cells may be lines of one paragraph, ``_column_lines``): the k ministry cells after the 事業番号
    header (token ``n``) and the k name cells after the 事業名 header (token ``e``) in order, the numbers among the
    names unknown (which row's is not told). Between the headers only ministries, the 点検 column's row labels and
    sentences; after the names a row label, a sentence or a label. None otherwise (a name's cell wrapped over two
    lines, more names than ministries: which name is whose is unknown)."""
    ministries: list[Token] = []
    for t in toks[n + 1:e]:
        cells = _column_lines(t, lines)
        k = 0
        while k < len(cells) and _is_ministry(cells, k):
            k += 1
        if k and ministries:
            return None  # (the ministries in two paragraphs: pdfminer's text boxes, in an order of their own)
        ministries = ministries or cells[:k]
        if not all(_CHECK_ROW_LABELS.match(c.text) or "。" in c.text for c in cells[k:]):
            return None  # (the paragraph's lines: the ministries first, then the 点検 column's labels or sentences)
    names: list[Token] = []
    for t in toks[e + 1:e + 12]:
        if t.field is not None or "。" in t.text or _CHECK_ROW_LABELS.match(t.text) or _CHECK_LABELS.search(t.text):
            break
        if _is_number_cell([t], 0) or names:
            return None  # (a 事業番号 or a second paragraph among the names: their order is not the ministries')
        names = _column_lines(t, lines)
        if not all(_related_name(c) for c in names):
            return None
    if not ministries or len(names) != len(ministries):
        return None
    return Found(fields.parse_related_projects([(m.text, None, x.text) for m, x in zip(ministries, names, strict=True)]),
                 names[0].line)


def _column_lines(t: Token, lines: list[str] | None) -> list[Token]:
    """Token ``t`` as the lines of its paragraph, each a token, when they join into its text (cells of one column
    written one a line with no blank between: 「文部科学省」 over 「財務省」 over 「点検・改善結果」); else [t]."""
    if lines is None or t.field is not None:
        return [t]
    folded = _folded(lines)
    out: list[Token] = []
    for i in range(t.line - 1, min(len(folded), t.line + 11)):
        x = folded[i].strip()
        if not x:
            break
        out.append(_new_token((x, i + 1, None)))
    joined = "".join(c.text for c in out).replace(" ", "")
    return out if len(out) > 1 and joined == t.text.replace(" ", "") else [t]


def _names_among_numbers(toks: list[Token], i: int, k: int) -> list[Token]:
    """The k 事業名 cells from token ``i`` on when no 事業番号 column was read: a 事業番号 cell among them is passed
    over (pdfminer writes a row's number between the names when the other rows' cells are blank: 「事業名」 then
    「…事業」 「19-0074」 「…事業」 「…事業」) — the rows' numbers stay unknown."""
    out: list[Token] = []
    for j in range(i, min(len(toks), i + 2 * k)):
        if len(out) == k:
            break
        if not _is_number_cell(toks, j) or is_unknown(toks[j].text):
            out.append(toks[j])
    return out


def _columns_before(toks: list[Token], k: int) -> tuple[list[Token], list[Token]]:
    """The 事業番号 cells and the 事業名 cells of a 関連事業 table written column by column before its label (token
    ``k``): 「事業番号」 then only 事業番号 cells, 「事業名」 then only text cells, then the label; else ([], [])."""
    j = k - 1
    names: list[Token] = []
    while j >= 0 and toks[j].field is None and canonical_number(toks[j].text) is None \
            and not _NUMBERISH.match(toks[j].text) and not _MINISTRY.match(toks[j].text):
        names.insert(0, toks[j])
        j -= 1
    if j < 0 or toks[j].field != "project_name" or toks[j].text != "事業名":
        return [], []
    j -= 1
    numbers: list[Token] = []
    while j >= 0 and toks[j].field is None and canonical_number(toks[j].text) is not None:
        numbers.insert(0, toks[j])
        j -= 1
    if j < 0 or toks[j].field != "project_number" or toks[j].text != "事業番号" or len(numbers) != len(names):
        return [], []
    return numbers, names


__all__ += ["related_by_shape", "related_by_header", "officials_by_shape", "division_by_shape", "division_glued", "label_rests_below", "bureau_by_shape", "org_plausible", "label_piece", "holds_label_head"]


def past_by_columns(toks: list[Token], sheet_year: int | None = None) -> Found | None:
    """関連する過去のレビューシートの事業番号 written column by column (pdfminer: the year cells and the number
    cells each in their column's order, the two columns' runs interleaved as the tool met them — 「平成23年度」
    「平成24年度」「0188」「0315」「平成25年度」「外務省 - 0270」…, maybe after the 関連事業 table's last cells):
    the year and 事業番号 cells after the label up to the first cell of another shape, the i-th year paired with
    the i-th number when there are as many of each (k >= 2) and the years rise. Numbers before the first year
    (all the numbers first: 「0346」「厚生労働省 - 0237」 then the years) count only when nothing stands between
    them and the label and those after the years are too few alone (the 関連事業 table's own 事業番号 may stand
    there). None otherwise (row by row, 「平成28年度 0274」, is read by fields.parse_past_numbers)."""
    k = next((i for i, t in enumerate(toks) if t.field == "past_project_numbers"), None)
    if k is None:
        return None
    years: list[Token] = []
    before: list[Token] = []  # numbers right after the label, before the first year
    numbers: list[Token] = []
    own = True
    stop = len(toks)  # where the run of year and number cells stops
    for at, t in enumerate(toks[k + 1:], k + 1):
        stop = at
        if t.field is not None and not years:
            before, own = [], False  # (a 関連事業 table's 事業番号 header, its cells after it)
            continue
        if t.field is not None or "支出先上位" in t.text:
            break
        if _is_year_cell(t.text, sheet_year):
            years.append(t)
        elif not years and _YEAR_CUT.search(t.text) and canonical_number(t.text) is not None:
            return None  # era years and numbers run together in a cell (this table's rows): no columns
        elif not years and not own:
            continue  # (another table's cells before the years: no number of them is read)
        elif canonical_number(t.text) is not None:
            if years:
                numbers.append(t)
            else:
                before.append(t)
        elif years:
            break
        else:
            before, own = [], False  # another table's cells (the 関連事業 table's): its numbers are none of these
    else:
        stop = len(toks)
    if len(numbers) != len(years):
        numbers = before + numbers
    if len(years) < 2 or len(numbers) != len(years):
        return None
    words = [w for y, n in zip(years, numbers, strict=True) for w in (y.text, n.text)]
    nums = fields.parse_past_numbers(words, sheet_year)
    got = [x.get("fiscal_year") for x in nums]
    if len(nums) != len(years) or None in got or got != sorted(set(got)):
        return None
    return Found(nums + _rows_after_columns(toks[stop:], got[-1]), min(years[0].line, numbers[0].line))


# a row of the table as one paragraph, its year cell's 年度 wrapped under it and glued after the row's last cell
# (「令和2 総務省 0037」 over 「年度」: 「令和2 総務省 0037年度」)
_ROW_TAIL_GLUED = re.compile(r"^((?:令和|平成|昭和)\s*(?:元|\d{1,2}))(\s.*\d)年度$")


def _rows_after_columns(toks: list[Token], last: int) -> list[dict]:
    """The rows written one a paragraph after the table's cells read by ``past_by_columns`` (the rows that fit on
    their lines, after those wrapped cell by cell), each holding its year and its number, the year's wrapped 年度 put
    back (``_ROW_TAIL_GLUED``): those of one year and one number each, later than ``last`` and rising, up to the
    first paragraph of another shape."""
    out: list[dict] = []
    for t in toks:
        m = _ROW_TAIL_GLUED.match(t.text)
        if t.field is not None or m is None:
            break
        row = fields.parse_past_numbers([f"{m[1]}年度{m[2]}"], None)
        if len(row) != 1 or row[0].get("fiscal_year") is None or row[0]["fiscal_year"] <= last:
            break
        last = row[0]["fiscal_year"]
        out.append(row[0])
    return out


__all__ += ["past_by_columns", "beside_label_head"]


# an era year whose cell wrapped before its 年 / 年度 (「平成23」 over 「年度」, 「平成23年」 over 「度」)
_ERA_CUT = re.compile(r"((?:令和|平成|昭和)\s*(?:元|\d{1,2}))(年)?(?!\s*年|\d)")
_YEAR_TAIL = frozenset({"年", "年度", "度"})
_RS_TAIL = re.compile(r"^新?\d\d \d{4}$")  # an RS number's era year and serial, its year and ministry wrapped apart
_RS_HEAD_END = re.compile(r"(?:^|\s)\d{4} \S+ 新?\d\d$")  # a line ending in an RS number's year, ministry and era year
_RS_SERIAL = re.compile(r"^\d{4}$")  # a line that is an RS number's serial alone


def past_by_lines(lines: list[str], label_line: int, sheet_year: int | None = None) -> Found | None:
    """関連する過去のレビューシートの事業番号 of paragraph-style text read line by line (each line a row or a cell
    of the table, 「平成23年 0038」 or 「平成23年」 then 「0038」): a line that is only a wrapped year's tail
    (「度」「年度」) is put back after the era year it belongs to (the last one still lacking it), and the lines
    go to fields.parse_past_numbers as cells, up to the first line that holds neither a year nor a number.
    None when no number is read or a year's tail finds no year to complete."""
    folded = _folded(lines)
    cells: list[str] = []
    cut = False
    window = folded[label_line:label_line + 80]
    for n, t in enumerate(window):
        if not t:
            continue
        if is_unknown(t):
            # a blank 事業番号 cell (「平成22年度」 over 「-」 over 「平成23年度」 over 「総務省 - 0409」): kept, so that the
            # number below the next year is not read as the blank one's
            if cells:
                cells.append("-")
            continue
        if _NUMBER_HEAD.match(t):
            if n + 1 < len(window) and window[n + 1] and len(parse_numbers(t + " " + window[n + 1])) == 1:
                continue  # a 事業番号 cell wrapped after its ministry and dash (「総務省 -」 over 「0078」): read with the next
            break
        if t in _ERAS and n + 1 < len(window) and _YEAR_REST.match(window[n + 1]):
            continue  # a year cell cut after its era (「平成」 over 「29年」 over 「度」): read with the next line
        if n and window[n - 1] in _ERAS and _YEAR_REST.match(t):
            t = window[n - 1] + t
        if _MINISTRY_ALONE.match(t) and n + 1 < len(window) and _DASHED_NUMBER.match(window[n + 1]):
            continue  # a 事業番号 cell wrapped before its dash (「国土交通省」 over 「- 0007」): read with the next line
        if n and _NUMBER_HEAD.match(window[n - 1]):
            t = window[n - 1] + " " + t
        elif n and _DASHED_NUMBER.match(t) and _MINISTRY_ALONE.match(window[n - 1]):
            t = window[n - 1] + " " + t
        if n and _RS_SERIAL.match(t) and _RS_HEAD_END.search(window[n - 1]):
            continue  # (the serial of the RS number cut at the line's end above: read with it)
        if _RS_HEAD_END.search(t) and n + 1 < len(window) and _RS_SERIAL.match(window[n + 1]):
            t = t + " " + window[n + 1]  # an RS number wrapped before its serial (「令和3年度 2021 法務 20」 over 「0498」)
        piece = t.replace(" ", "")
        if piece in _YEAR_TAIL:
            k = next((i for i in range(len(cells) - 1, -1, -1) if _ERA_CUT.search(cells[i])), None)
            if k is None:
                return None
            m = _ERA_CUT.search(cells[k])
            whole = (m.group(2) or "") + piece
            if whole not in ("年", "年度"):
                return None
            cells[k] = cells[k][:m.end(1)] + whole + cells[k][m.end():]
            continue
        if not (_ERA_CUT.search(t) or fields.parse_fiscal_year_cell(t, sheet_year).year
                or parse_numbers(t) or _RS_TAIL.match(t)):
            break  # (an RS number's tail, 「20 0135」, is a cell of the table: its number is unknown)
        if cut and _NUMBERS_ONLY.match(t):
            continue  # a number alone after an RS number cut before its serial, not read with it (「令和3年度 2021
            # 外務 20」 over 「令和4年度 2022 外務 21 0370」 over 「0471」): that serial or another's (_cut_serials_out)
        cut = cut or cut_number_head(t)
        cells.append(t)
    if _rows_of_columns([c for c in cells if c != "-"]) is None:
        return None  # (not read so without the blank cells: they only settle which year a number is of)
    cells = _rows_of_columns(cells)
    if not cells:
        return None
    nums = _rs_years_kept(_paired_past(cells), cells)
    return Found(nums, label_line + 1) if nums else None


_RS_HEAD = re.compile(r"(?:^|\s)(20\d\d) [^\s\d]{1,6}(?=\s|$)")  # an RS number's year and ministry (「2021 農水」)


def _rs_years_kept(nums: list[dict], cells: list[str]) -> list[dict]:
    """Past numbers whose year is the year an RS number of the table carries (「2021 農水」 「20 0212」: the 令和3年度
    row's) without being that RS number: the year is another row's (「令和3年」「度」 over 「0404」 over 「2021 農水
    令和4年度」 — 0404 is 令和4年度's, written before it), so unknown. The RS number's first piece is its row's year."""
    rs = {int(y) for c in cells for y in _RS_HEAD.findall(c)}
    if not rs:
        return nums
    return [{"number": x["number"]} if x.get("fiscal_year") in rs and not x["number"].startswith(str(x["fiscal_year"]))
            else x for x in nums]


_ERAS = frozenset({"令和", "平成", "昭和"})
_YEAR_REST = re.compile(r"^(?:元|\d{1,2})年(?:度)?$")  # 「29年」: a year cell's rest, its era on the line above
_MINISTRY_ALONE = re.compile(rf"^\S{{1,12}}{_MINISTRY_END}$")  # 「国土交通省」: a 事業番号 cell's head, its dash wrapped
_DASHED_NUMBER = re.compile(r"^[-‐−―]\s*\d{4}$")  # 「- 0007」: that cell's rest
_NUMBER_HEAD = re.compile(rf"^\S{{1,12}}{_MINISTRY_END}\s*[-‐−―]$")  # 「総務省 -」: a 事業番号 cell's head, its number below
_ERA_IN = re.compile(r"((?:令和|平成|昭和)\s*(?:元|\d{1,2})(?:\s*年(?:\s*度)*)?)")
_YEAR_IN_MINISTRY = re.compile(r"[^\s\d-]\s*(?:令和|平成|昭和)\s*(?:元|\d{1,2})\s*年\s*度?[省庁]")
_ERA_BARE = re.compile(r"(?:令和|平成|昭和)(?!\s*(?:元|\d))")  # an era whose year is not beside it


def _paired_past(cells: list[str], yearless: frozenset[int] = frozenset()) -> list[dict]:
    """Past numbers of cells in text order (each a line of the table, a year's wrapped tail put back), a number
    given the year of the cell right before it only where the text settles that pairing: the year stands before
    it on its line (「令和元年度 0270」, 「平成25年 財務省 - 0147」), or the year is a line of its own, later than
    every year before it, and the number starts the next line. A year written at the end of a line after other
    cells (「総務省 - 0210 平成29年度」: cells of the table's column groups side by side), a year earlier than one
    read before it (the text left the table's row order), a year already given a number, or a number after
    another number: the number's year is unknown (unless the number carries its own: 「2021 総務 20 0032」); so
    are the numbers of the cells at the indices ``yearless`` (rows of several cells wrapped together). An era year
    glued to the number after it (「平成27- 0200」) stays a year, not a number's head."""
    out: list[dict] = []
    seen: set[tuple[int | None, str]] = set()
    prev: tuple | None = None  # ("year", year, cell index, settles the next line) or ("number", ...)
    latest = None
    # the cell of the last year whose row still waits for its number (nothing of it read yet, or only its ministry
    # and dash: 「平成30年度 厚生労働省 -」); None when no row waits
    waiting: int | None = None
    # the year cells read less the value cells (numbers, blanks) read: a row passed by with no value (「平成24年度」
    # then 「平成27年度」 over 「厚生労働省 - 0120」) has its value further on, out of the rows' order, so a number
    # standing below a later year while such a row waits may be that row's (「平成28年度」 over 「厚生労働省 -0277」,
    # 0277 平成24年度's): it is paired by standing below only when its year's row alone waits
    unread = 0
    # a year's row left open at its line's end (「平成27年度 防衛省 -」) and not closed by the next line's number
    # (「平成29年度 防衛省 -」 next: its number is written elsewhere, the text out of the table's order): a number
    # later settles by a year below which it stands no more, only by one beside it
    dangling = False
    open_at: int | None = None
    # the year cells in the text's order: when one comes after a later year (「平成28年度」 … 「平成27年度」, its cell
    # cut and written after), the text left the table's rows, and a second number below a year may be the year
    # written later's (「平成26年度」 over 「国土交通省 - 0286」 over 「国土交通省 - 0195」, 0195 平成27年度's)
    seen_years = [y for cell in cells for y in (parse_year(m if "年" in m else m + "年度")[0]
                                                 for m in _ERA_IN.findall(cell)) if y is not None]
    in_order = all(a <= b for a, b in zip(seen_years, seen_years[1:], strict=False))  # (a year again: the note)
    # a year cell wrapped into a ministry's name (「厚生労働 平成25年度省 - 0086」): the cell's number is another
    # row's, whose year is not told
    yearless = yearless | {ci for ci, cell in enumerate(cells) if _YEAR_IN_MINISTRY.search(cell)}
    for ci, cell in enumerate(cells):
        if (rs := _rs_around_year(cell)) is not None:
            prev, waiting, open_at = ("number",), None, None
            for ref in rs:
                if (ref.fiscal_year, ref.number) not in seen:
                    seen.add((ref.fiscal_year, ref.number))
                    out.append({"fiscal_year": ref.fiscal_year, "number": ref.number})
            continue
        parts = [p.strip() for p in _ERA_IN.split(cell)]
        # an era without its year (「平成 文部科学省 - 0050」 over 「28年」 over 「度」: the cell's year cut in its narrow
        # cell): the cell is a year's row of its own, whose year the text does not give whole
        cut_year = bool(_ERA_BARE.search(cell))
        if open_at == ci - 1 and (parts[0] == "" or not parse_numbers(parts[0])):
            dangling = True  # (the next line is no number of its own: 「0120」 under 「平成29年度 防衛省 -」 closes it)
        open_at = None
        for pi, part in enumerate(parts):
            if not part:
                continue
            if pi % 2:  # a year cell
                y, _ = parse_year(part if "年" in part else part + "年度")  # (「平成230038」: its 年度 wrapped below)
                if y is None or ci in yearless:
                    prev = ("number",)
                    continue
                # a year read on another line than the year whose row still waits (「平成30年度」 then 「文部科学省
                # 令和元年度」 over 「- 0476」; 「平成29年度」 then 「令和3年度」): the next number may be either's, so
                # this year settles none (on one line, 「平成21年文部科学省 平成22年 …」, the cells stand side by side)
                held = waiting is not None and waiting != ci
                unread += 1
                alone = not any(q for q in parts[:pi] + parts[pi + 1:])
                prev = ("year", y, ci, alone and (latest is None or y > latest) and not held, held)
                latest = y if latest is None else max(latest, y)
                waiting = ci
                continue
            first = not any(parts[:pi])
            refs = parse_numbers(part)
            head = part.rstrip("-‐−― ")
            if refs or not head or (head == part and not _MINISTRY.match(head)):
                waiting = None  # a number, a blank (「-」) or another cell: the year's row is read
            elif waiting is None:
                waiting = -1  # a ministry with no year open before it (「文部科学省 令和2年度 …」): an earlier row's
            if not refs and head != part and _MINISTRY.match(head) and pi and pi == len(parts) - 1 \
                    and prev is not None and prev[0] == "year" and prev[2] == ci:
                open_at = ci  # (「平成27年度 防衛省 -」: the row's number not on its line)
            for ref in refs:
                fy = ref.fiscal_year
                same = prev is not None and prev[0] == "year" and prev[2] == ci and not prev[4] \
                    and not _TAIL_AFTER.search(part)
                below = prev is not None and prev[0] == "year" and prev[3] and prev[2] == ci - 1 and first \
                    and not dangling and unread <= 1
                if fy is None and ci not in yearless and not cut_year and (same or below or _new_of(ref.number, prev)):
                    fy = prev[1]
                # a year on a line of its own goes on to the number lines right below it (「令和2年度」 over
                # 「総務省 - 新02 - 0013」 over 「総務省 - 0094」); a year beside its number on a line, to that line's;
                # not past a line holding a cut year of its own (「厚生労働省 平成- 0022 24年度」: a row of its own
                # began there, so 「厚生労働省 - 0176」 below is not the first year's)
                prev = ("year", prev[1], ci, True, False) if below and not same and in_order and not cut_year else \
                    (prev if same and prev[3] and ci not in yearless else ("number",))
                if (fy, ref.number) in seen:
                    continue
                seen.add((fy, ref.number))
                out.append({"fiscal_year": fy, "number": ref.number} if fy is not None else {"number": ref.number})
            if refs or not head:
                unread -= max(1, len(refs))  # (not floored: a column's blanks may come before its years)
    return out


# a year cell's wrapped tail written after a number (「平成25年度 防衛省 平成26年 防衛省 - 0237 度」): the number stands
# on the row's second line with that tail, a wrapped cell's rest, not beside the year before it (0237 is 平成25年度's)
_TAIL_AFTER = re.compile(r"\d\)?\s+(?:年度|度)$")


_YEAR_ONLY = re.compile(r"(?:令和|平成|昭和)\s*(?:元|\d{1,2})\s*年度?")


_RS_WHOLE = re.compile(r"^\d{4} \S{1,6} 新?\d{2} \d{4}$")  # an RS number's four pieces, nothing else


def _rs_around_year(cell: str) -> list | None:
    """The RS numbers of a cell whose pieces a year cell's wrapped text stands among (「2022」 「令和5年」 「外務 21 度」
    「0376」 joined as 「2022令和5年外務 21 度0376」: 2022-外務-21-0376), each with the year it carries; None when the
    cell, its era years and 度 taken out, is not one whole RS number (its four pieces and nothing else) it does not
    hold as it is."""
    if not _ERA_IN.search(cell):
        return None
    rest = " ".join(_ERA_IN.sub(" ", cell).replace("度", " ").split())
    if not _RS_WHOLE.match(rest):
        return None
    refs = parse_numbers(rest)
    if len(refs) != 1 or refs[0].raw != rest or not refs[0].fiscal_year:
        return None
    return None if refs[0].number in {r.number for r in parse_numbers(cell)} else refs
_NEW = re.compile(r"新(\d{2})-")


def _new_of(number: str, prev: tuple | None) -> bool:
    """A 新NN-… number (new in era year NN) right after the year cell of that era year (「平成29年度」 then
    「新29-0004」): the number itself settles the pairing, whatever the text's order."""
    m = _NEW.match(number)
    if m is None or prev is None or prev[0] != "year":
        return False
    nn = int(m.group(1))
    return prev[1] - ERAS["平成"] == nn or prev[1] - ERAS["令和"] == nn


def _rows_of_columns(cells: list[str]) -> list[str] | None:
    """Cells with each run of k >= 2 year cells followed by k number cells (rows written column by column)
    put back row by row (year, number, year, number...); None when such a run is followed by another count of
    number cells (which number goes with which year is unknown)."""
    out: list[str] = []
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and _YEAR_ONLY.fullmatch(cells[j]):
            j += 1
        k = j - i
        if k < 2:
            out.append(cells[i])
            i += 1
            continue
        m = j
        while m < len(cells) and not _YEAR_ONLY.match(cells[m]) and (parse_numbers(cells[m]) or cells[m] == "-"):
            m += 1
        if m - j != k:
            return None
        values = _own_years_first(cells[i:j], cells[j:m])
        if values is None:
            return None
        for y, n in zip(cells[i:j], values, strict=True):
            out += [y, n]
        i = m
    return out


def _own_years_first(years: list[str], values: list[str]) -> list[str] | None:
    """The value cells of a run of year cells (rows written column by column) in the years' order. A value that
    carries its own year (an RS number, 「2021 総務 20 0458」) goes to that year: when one is not where the run's order
    puts it (「令和2年度」「令和3年度」 then 「2021 総務 20 0458」「総務省 - 0314」), the text left the table's order,
    and the one value left after those go to their years is the one year left's; more than one left, or an own
    year the run does not hold once: None (which number goes with which year is unknown)."""
    own = [next((r.fiscal_year for r in parse_numbers(v) if r.fiscal_year is not None  # (an RS number's own year,
                 and r.number.startswith(str(r.fiscal_year))), None) for v in values]  # not an era year beside it)
    at = [parse_year(y if "年" in y else y + "度")[0] for y in years]
    if all(o is None or o == a for o, a in zip(own, at, strict=True)):
        return values
    placed: list[str | None] = [None] * len(years)
    for v, o in zip(values, own, strict=True):
        if o is None:
            continue
        if at.count(o) != 1 or placed[at.index(o)] is not None:
            return None
        placed[at.index(o)] = v
    rest = [v for v, o in zip(values, own, strict=True) if o is None]
    if len(rest) != 1:
        return None
    placed[placed.index(None)] = rest[0]
    return placed


__all__ += ["past_by_lines"]
__all__ += ["OFFICIAL_SHAPE"]
