"""Row-style payee tables of review-sheet PDF text (pdfplumber writes one form row per line: 「1神戸市
9000020281000 調査研究の請負 2随意契約(企画 - -」), read by ``payee_rows``; and the shapes of a payee table's cells
that the paragraph-style readers (kg.extract.review_text, kg.extract.payee_form_text) share: a block's letter line,
its 計, a figure, a small cell (入札者数, 落札率, a dash)."""
from __future__ import annotations

import re
from typing import NamedTuple

from kg.extract import fields, payee_wraps
from kg.extract.folded_text import folded as _folded
from kg.extract.page_marks import is_page_mark
from kg.normalize import houjin
from kg.normalize.numbers import parse_number
from kg.normalize.sudachi import word_goes_on
from kg.normalize.text import CELL_DASHES, is_dash

BLOCK_LINE = re.compile(r"^([A-Z])\s*[.．:：]")
_RANK_LINE = re.compile(r"^(\d{1,2})\s*(\S.*)$")
CORP = payee_wraps.CORP
_CONTRACT_END = ("契約", "交付", "その他", "公募", "随契", "競争", "委託", "請負", "補助", "負担", ")")
AMOUNT_HEAD = re.compile(r"^([▲△]?\d[\d,]*(?:\.\d+)?)(.*)$")
FIGURE = re.compile(r"^[▲△]?\d[\d,]*(?:\.\d+)?$")  # a cell that is a figure alone
SMALL = re.compile(r"^(?:[-－―]|\d{1,3}(?:\(\d+\))?|\d{1,3}(?:\.\d+)?%)$")


_RATE_CELL = re.compile(SMALL.pattern[:-2] + r"|\d{1,3}\.\d*)$")  # SMALL, or a 落札率 cut before its %


def _rate_cell(text: str) -> bool:
    """A row's last small cell: the 落札率, maybe cut before its % (「47.7」 over 「%」, 「40.」 over 「4%」:
    kg.extract.payee_wraps.rate_cut)."""
    return bool(_RATE_CELL.match(text))


_ROW_SHAPED = re.compile(r"(?:\s|[^\d\s,.])(?:\d{6,13}|[-－―])(?:\s|$)")  # a rank line holding a 法人番号 (or its
# piece, or glued to the name: 「4 合同会社三菱8267289516833 セキュリティ」) or a dash
_LONE_LETTER = re.compile(r"^([A-Z])$")  # a block's title printed as its letter alone (「G」), above its header


_GLUED_CORP = re.compile(r"^(.*?\D)?(\d{13})(\D.*)?$")


_RATE_DASH = re.compile(r"^(\d{1,3}(?:\.\d*)?%|\d{1,3}\.\d*)([-－―])$")  # (its % maybe on the next line)


def _unglue(words: list[str]) -> list[str]:
    """Cells a tool wrote without a space between them, split again: a 法人番号 (13 digits with a valid check
    digit) glued to the name before it or the 業務概要 after it (「4010001054032タイムスタンプ認」); a dash glued to
    an unclosed parenthesis (「(少額-」: the 入札者数 cell's dash against the 契約方式 cell — no 契約方式 ends an open
    parenthesis with a dash); a dash glued to a 落札率 (「55.6%-」, 「92.7-」 over 「%」)."""
    out = []
    for w in words:
        g = _GLUED_CORP.match(w) if len(w) > 13 else None
        if g and (g[1] or g[3]) and houjin.is_valid(g[2]):
            out += [x for x in (g[1], g[2], g[3]) if x]
        elif 2 <= len(w) <= 3 and all(ch in CELL_DASHES for ch in w):  # 「--」: two cells' dashes (落札率, 理由)
            out += list(w)
        elif len(w) > 2 and w[-1] in CELL_DASHES and w.count("(") > w.count(")") and w[-2] not in CELL_DASHES:
            out += [w[:-1], w[-1]]
        elif is_dash(w[-1:]) and (g := _RATE_DASH.match(w)) is not None:  # (「55.6%-」: 落札率 against 理由's dash)
            out += [g[1], g[2]]
        else:
            out.append(w)
    return out


_HEADER_LINE = re.compile(r"^支出(?:先(?!上位)|\s).*(?:法人番|業務概|法人 業務 )")  # 「支出先 法人番 業務概…」, 「支出先 法人 業務
# 支出額」: labels cut in narrow cells (two characters a line: 法人番号 over two lines; 「支出 法人 業務 支出」 over 「先 番号
# 概要 額」)


def _is_header(t: str) -> bool:
    """``t`` is a payee table's header line (支出先 then 法人番号 or 業務概要, maybe cut short by a narrow cell)."""
    return bool(_HEADER_LINE.match(t)) or ("支出先" in t and "法人番号" in t)


def _header_follows(folded: list[str], n: int) -> bool:
    """The next non-blank line after line ``n`` (1-based) is a payee table's header (支出先 … 法人番号); a page's
    footer between them (「15 / 18」: the letter printed at a page's foot, its table on the next page) is passed."""
    for t in folded[n:n + 4]:
        if t and not is_page_mark(t):
            return _is_header(t)
    return False


class PayeeRow(NamedTuple):
    block: str
    rank: int
    cells: dict
    line: int
    guessed: bool  # placed by guess: a wrapped piece whose cell is not established, or the block letter inferred
    unsure: tuple = ()  # (cell, line): a wrapped piece that may be the name's or the 業務概要's (both then unknown)
    widths: dict | None = None  # the printed width of the name's and 業務概要's first lines (their columns' at most)


SECTION_END = re.compile("資金の流れ|費目・使途")  # the table's end: the next section's title


_width = payee_wraps.width  # printed width of a text in half-width units: which cell filled its column


TOTAL_LINE = re.compile(r"^(?:計|合計|小計)(?:\s+[▲△]?[\d,]+(?:\.\d+)?)?$")


def _sums_to(parts: list[float], total: float) -> bool:
    """A block's 計 is the sum of its amounts: exactly for whole figures, within rounding for decimals."""
    whole = all(float(x).is_integer() for x in [*parts, total])
    return abs(sum(parts) - total) <= (1e-9 if whole else 0.05 * len(parts) + 1e-9)


def is_total_of(text: str, amounts: list[str]) -> bool:
    """``text`` is a number and the sum of the printed ``amounts`` (a block's 計)."""
    if not amounts or not re.fullmatch(r"[▲△]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[▲△]?\d+(?:\.\d+)?", text):
        return False
    parts = [parse_number(a).value for a in amounts]
    got = parse_number(text).value
    return got is not None and None not in parts and _sums_to(parts, got)


def _settle_unsure(rows: list[PayeeRow], notes_at: list[int]) -> list[PayeeRow]:
    """Rows with a wrapped piece that name and 業務概要 could both have wrapped (both about as wide, both filling
    their columns): which cell it ends is not established, so both cells are unknown (their lines noted in
    ``notes_at``). A guess by length was wrong on 3 rows of the real seeds printed (「(株)日経BPマーケ」+「ティング」
    went to the 業務概要); unknown beats wrong."""
    out = []
    for r in rows:
        if r.unsure:
            r = r._replace(cells={**r.cells, "name": None, "description": None})
            notes_at.append(r.unsure[1])
        out.append(r)
    return out


_WIDEST = {"name": "name w", "description": "description w"}  # a cell's widest line, under ``holds``
_CHARS = {"name": "name#", "description": "description#"}  # the wide characters its lines held
_MOST = {"name": "name<", "description": "description<"}  # the wide characters its column holds at most


def _wrapped_on(holds: dict[str, int], tail_of: dict[str, str], cell: str, piece: str, filled: list,
                block: str, column: dict[str, int] | None = None) -> None:
    """A row's ``cell`` continues on a new line with ``piece``: its last line so far filled the column
    (kg.extract.payee_wraps.holds: the width the column holds at least, for this cell's later lines; its widest
    line kept under ``_WIDEST[cell]``, the wide characters it holds under ``_CHARS[cell]``). A line that ``piece``
    shows filled exactly is put in ``filled`` as (``block``, cell, line)."""
    tail = tail_of.get(cell, "")
    holds[cell] = max(holds.get(cell, 0), payee_wraps.holds(tail))
    w = _WIDEST[cell]
    holds[w] = max(holds.get(w, 0), _width(tail))
    if payee_wraps.wide_only(tail):
        c = _CHARS[cell]
        holds[c] = max(holds.get(c, 0), len(tail))
        if column is not None:  # (the piece's cell settled: the table's column holds as many characters)
            column[c] = max(column.get(c, 0), len(tail))
        if payee_wraps.starts_line(piece):  # (the line filled its column exactly)
            filled.append((block, cell, tail))
            if column is not None:  # (... and no more: the piece's first character did not fit after it)
                column[_MOST[cell]] = min(column.get(_MOST[cell], len(tail)), len(tail))


def payee_rows(lines: list[str], start: int, notes: list | None = None) -> list[PayeeRow] | None:
    """Row-style payee tables (``_payee_rows``). When a wrapped piece was left to either of two cells before the
    widest first lines of the table were all seen, the rows are read again knowing them (a short last line in an
    early row is seen short against the columns of later rows)."""
    said: list = []
    filled: list = []
    by_chars: list = []  # pieces left to either cell that a cell's room for a character would settle
    out, column, unsure = _payee_rows(lines, start, said, {}, filled, by_chars=by_chars)
    mono = bool(unsure or by_chars) and payee_wraps.monospaced(filled)
    if unsure or (by_chars and mono):
        said = []
        out, _, _ = _payee_rows(lines, start, said, column, [], mono)
    if notes is not None:
        notes.extend(said)
    return out


def _column_ends(column: dict[str, int], cell: str, tail: str, piece: str, held: int = 0) -> bool:
    """With every wide character one width, the table's columns as read (``_CHARS``: the characters a column holds
    at least, ``_MOST``: at most) show that ``cell``, whose last line is ``tail``, ended before ``piece``: the line
    had room for the piece's first character, or the piece is longer than the column holds (a cell's lines are
    consecutive: a line whose one piece is the other cell's ends it) — and than the ``held`` wide characters a line
    of this cell in the row already holds (「株式会」「ーチ・」 over 「アート」 where the column was read to hold 2 at
    most: the measure is not this column's, and 「アート」 may end the name)."""
    return payee_wraps.ended_in_chars(tail, column.get(_CHARS[cell], 0), piece) \
        or (payee_wraps.wide_only(piece) and len(piece) > max(column.get(_MOST[cell], len(piece)), held))


def _payee_rows(lines: list[str], start: int, notes: list, columns: dict[str, int], filled: list,
                mono: bool = False, by_chars: list | None = None) -> tuple[list[PayeeRow] | None, dict[str, int], bool]:
    """Row-style payee tables (「1神戸市 9000020281000 調査研究の請負 2随意契約(企画 - -」): anchored on the
    法人番号 cell (13 digits or a dash) after the rank and name, the amount at the head of the next number, and
    入札者数 / 落札率 as the last two cells (the first two small cells after the amount when the table has the
    一者応札…理由 column). Pieces of wrapped cells on the next line go to the cell left unclosed (a parenthesis)
    or, failing that, to the one of name / 業務概要 it fits (no wider than the cell's first line) that has not
    ended (kg.extract.payee_wraps.ended); when that is not one cell, both are unknown (``_settle_unsure``). A row of the next rank that does not read (cells
    glued) ends the row before and is noted in ``notes`` as (line, message). None when the section holds no
    such row. ``columns``: the widest first lines of the name and 業務概要 known before (of the whole table); ``filled``
    gathers (block, cell, line) of lines that filled their column exactly; ``mono``: the table's lines show every
    wide character printed one width (kg.extract.payee_wraps.monospaced), so a cell's last line with room for the
    piece's first character ended (``ended_in_chars``; ``by_chars`` gathers the pieces left to either cell
    that it would settle); returns
    (rows, the widest first lines seen, whether a piece was left to either cell while they were not all seen)."""
    out: list[PayeeRow] = []
    block: str | None = None
    last: PayeeRow | None = None
    reason = False  # the table has the 一者応札…理由 column after 落札率
    unread: list[int] = []  # lines of rows seen but not read
    notes_at: list[int] = []  # lines of wrapped pieces that may be either of two cells'
    ended: dict[int, set[str]] = {}  # a row's (its line's) text cells known to have stopped wrapping
    tails: dict[int, dict[str, str]] = {}  # a row's name and 業務概要: their last line read so far
    held: dict[int, dict[str, int]] = {}  # a row's name and 業務概要: the width their lines before the last hold
    undecided: list[tuple[dict[str, str], str]] = []  # pieces left to either cell: (the cells' last lines, piece)
    column: dict[str, int] = dict(columns)  # the widest line of the name and 業務概要 columns seen so far
    check: dict[int, tuple[bool, bool]] = {}  # rows read by a glue or a 法人番号's short piece: checked at the end
    closed: set[int] = set()  # rows whose contract method was glued to the next cell's dash: it ended there
    first_corp: dict[int, int] = {}  # a row's 法人番号: the length of its first line
    alone: dict[int, tuple | None] = {}  # a row whose lines of one piece may be the name's or the 業務概要's: (the
    # first such line, the name and 業務概要 before it, the pieces), None once a line of another shape follows
    spelled: list[str] = []  # contract methods as printed on one line (the sheet's spelling of a qualifier)
    folded = _folded(lines)
    for n in range(start + 1, len(lines) + 1):
        t = folded[n - 1]
        if not t:
            continue
        if (SECTION_END.search(t) or t.startswith("支出先上位")) and last is not None:
            break  # (「支出先上位10者リスト欄についてさらに記載が必要な場合は…」: the list's footnote)
        if is_page_mark(t):  # a page footer between two rows of one table
            continue
        mb = BLOCK_LINE.match(t) or ((lone := _LONE_LETTER.match(t)) and _header_follows(folded, n) and lone) or None
        if mb and not _RANK_LINE.match(t):
            block, last = mb[1], None
            continue
        if _is_header(t):
            last = None
            reason = "一者応札" in t or "理由" in t  # the form's last column: why one bidder / no competition
            continue
        if TOTAL_LINE.match(t):  # the block's 計 row (its amounts' sum): not a row, nor a piece of one
            last = None
            continue
        m = ranked = _RANK_LINE.match(t)
        words, k, pieced = payee_wraps.corp_cell(_unglue(m[2].split(" "))) if m else ([], None, False)
        glued = ended_glued = False
        if m and k is not None and len(words) >= k + 4 and block is not None:
            name = " ".join(words[:k])
            rest = words[k + 1:]
            j = next((i for i, w in enumerate(rest) if AMOUNT_HEAD.match(w)), None)
            if j is None:  # the 業務概要 filled its column and runs into the amount (「会議等出席0.2」)
                rest, glued = payee_wraps.split_glued_amount(rest)
                j = next((i for i, w in enumerate(rest) if AMOUNT_HEAD.match(w)), None)
            if j is not None and any(payee_wraps.glued_amount(w) for w in rest[:j]):
                rest, glued = payee_wraps.split_glued_amount(rest)  # (「セキュリ1.5 一般競争契 3」: the amount is
                j = next((i for i, w in enumerate(rest) if AMOUNT_HEAD.match(w)), None)  # glued, 3 the 入札者数)
            if j is not None and any(payee_wraps.ends_in_digit(w) for w in rest[:j]):
                j = None  # (「視察(旅費の支払)13 随意契約 4」: the amount may be glued to the 業務概要, and 4 the 入札者数)
            if j is not None:  # (「一般競争契9」: the method's line glued to the 入札者数)
                rest, ended_glued = payee_wraps.split_glued_bidders(rest, j, _CONTRACT_END)
            if reason and j is not None:  # 入札者数 and 落札率 are the first two small cells after the amount's
                s = next((i for i in range(j + 1, len(rest) - 1) if SMALL.match(rest[i]) and _rate_cell(rest[i + 1])),
                         None)
                rest = rest[:s + 2] if s is not None else rest
            if j is None or j + 3 > len(rest) or not _rate_cell(rest[-1]) or not SMALL.match(rest[-2]):
                m = None
        if m and k is not None and len(words) >= k + 4 and block is not None:
            am = AMOUNT_HEAD.match(rest[j])
            cells = {"name": name, "corporate_number": words[k], "description": " ".join(rest[:j]) or None,
                     "amount": am[1], "contract_method": " ".join([am[2]] + rest[j + 1:-2]).strip() or None,
                     "bidders": rest[-2], "award_rate": rest[-1]}
            if ended_glued:  # (「補助金等交付-」)
                closed.add(n)
            last = PayeeRow(block, int(m[1]), cells, n, False,
                            widths={f: _width(cells[f] or "") for f in ("name", "description")})
            out.append(last)
            spelled.append(cells["contract_method"] or "")
            tails[n] = {f: cells[f] or "" for f in ("name", "description")}
            for f in ("name", "description"):
                if payee_wraps.column_line(cells[f] or ""):
                    column[f] = max(column.get(f, 0), _width(cells[f] or ""))
            if pieced or glued:
                check[n] = (pieced, glued)
            first_corp[n] = len(words[k])
            continue
        if ranked and last is not None and int(ranked[1]) == last.rank + 1 and _ROW_SHAPED.search(ranked[2]):
            unread.append(n)  # the next rank's row, not read (cells glued): no piece of the row before
            last = None
            continue
        if last is not None:  # pieces of the previous row's wrapped cells, in column order
            pieces = t.split(" ")
            cells = dict(last.cells)
            guessed = last.guessed
            corp = cells.get("corporate_number") or ""
            pieces, whole = payee_wraps.amount_rest(cells.get("amount") or "", pieces, corp)
            if whole:  # (「25,19」 over 「8」: the amount's last digits, not the 業務概要's 「テム 8」)
                cells["amount"] = whole
            d = next((i for i, x in enumerate(pieces) if x.isdigit() and corp.isdigit() and len(corp) < 13 and
                      len(corp) + len(x) <= 13), None)  # (a 法人番号 may wrap over three lines: 「201040」「107542」「3」)
            left: list[str] = []
            unsure = last.unsure
            if d is None and pieces and corp.isdigit() and len(corp) < 13:  # (「伊藤忠テ15537」: a line glued)
                pieces, d = payee_wraps.corp_piece_glued(pieces, corp, first_corp.get(last.line, len(corp)))
                if d is not None:
                    check[last.line] = (True, check.get(last.line, (False, False))[1])
            if d is None and pieces and corp.isdigit() and len(corp) < 13:  # (「Japan株式0」: its last digits glued)
                pieces, d, doubt = payee_wraps.corp_rest_glued(pieces, corp)
                unsure = unsure or (("name", n) if doubt else ())
            if d is not None:  # the rest of the 法人番号: what is left of it belongs to the name
                cells["corporate_number"] = corp + pieces[d]
                left, pieces = pieces[:d], pieces[d + 1:]
            if pieces and payee_wraps.rate_goes_on(cells.get("award_rate") or "", pieces[-1]):
                cells["award_rate"] += pieces.pop()  # (「92」 over 「%」, 「40.」 over 「4%」: the 落札率 wrapped)
            cm = cells.get("contract_method") or ""
            piece = pieces[-1] if pieces else ""
            opened = cm.count("(") > cm.count(")")
            qualifier = piece.startswith("(") and not opened and cm.endswith("契約")  # (the form's 「契約 (…)」)
            two = payee_wraps.method_and_qualifier(pieces, cm, _CONTRACT_END) == 2  # 「約 (そ」: one cell's line
            if cm and pieces and (two or opened or qualifier or not cm.endswith(_CONTRACT_END)
                                  or payee_wraps.method_goes_on(cm, piece)) \
                    and last.line not in closed and not is_dash(cm):
                # the 契約方式 cell (not one glued to the next cell's dash; not a blank cell's 「-」: it wraps nothing)
                if two:
                    spelled.append(cm + pieces[-2] + " " + pieces[-1])
                    cells["contract_method"] = cm + pieces[-2] + " " + pieces[-1]
                    pieces = pieces[:-2]
                else:  # (a qualifier after a whole method: whether a space stood at the line break is unknown)
                    joint = payee_wraps.QUALIFIER_JOIN if qualifier else ""
                    cells["contract_method"] = cm + joint + pieces.pop()
            open_cells = [f for f in ("name", "description")
                          if (cells.get(f) or "").count("(") > (cells.get(f) or "").count(")")]
            closing: tuple[str, str] | None = None  # (cell, its line's piece) of a bracket closed on this line
            if d is None and len(pieces) == 1 and len(open_cells) == 1 and ")" in pieces[0]:
                closing = (open_cells[0], pieces[0])
                cells[open_cells[0]] = fields.join_wrapped([cells[open_cells[0]], pieces.pop()])  # 「謝金)」
            if d is None and len(pieces) >= 2:
                if payee_wraps.split_unsure(pieces):  # (「pers LLP 業」: 「LLP」 the name's or the 業務概要's)
                    unsure = unsure or ("description", n)
                left, pieces = pieces[:1], pieces[1:]
            if left and payee_wraps.word_broken(cells.get("name") or "", left[0]):
                unsure = unsure or ("name", n)  # (「Pricewater」+「houseCoo」: a space at the line break or not)
            if left:
                cells["name"] = fields.join_wrapped([cells.get("name") or "", *left])
            done = ended.setdefault(last.line, set())  # cells that stopped wrapping (no piece on a line of the row)
            tail_of = tails.setdefault(last.line, {})
            holds = held.setdefault(last.line, {})
            if closing is not None:  # (its last line now: 「察(旅費」「の支」 over 「払)、諸」, 「の支」 left short by the
                tail_of[closing[0]] = closing[1]  # 「払)」 kept together — not a cell that ended there)
            if left:
                _wrapped_on(holds, tail_of, "name", left[0], filled, last.block, column)
                tail_of["name"] = left[-1]
            if d is not None:  # the 法人番号's piece parts the line: a cell with no piece on either side of it ended
                done.update(f for f, p in (("name", left), ("description", pieces)) if not p)
            if pieces:
                target, settled, worded = "description", True, False
                if d is None and not left and len(pieces) == 1:  # one piece: the name's or the description's
                    # (a piece starting with a Latin word or an opening bracket fits either cell: a wrap moves such
                    # a word whole and leaves the line above short — 「富士通」 over 「Japan(株)」)
                    fits = [f for f in ("description", "name")  # (as wide as its widest line so far, the first or
                            if _width(pieces[0]) <= max((last.widths or {}).get(f, 0), holds.get(_WIDEST[f], 0),
                                                        _width(tail_of.get(f, ""))) + 2
                            or payee_wraps.moved_whole(pieces[0])]  # a later one: a half-width bracket is counted 1)
                    if mono and payee_wraps.wide_only(pieces[0]):  # (a line longer than its column holds is not its)
                        fits = [f for f in fits if len(pieces[0]) <= column.get(_MOST[f], len(pieces[0]))]
                    done.update(f for f in fits if f not in done and (  # (its last line short: it ended for good)
                        payee_wraps.ended(tail_of.get(f, ""), column.get(f, 0), pieces[0])
                        or payee_wraps.ended_exactly(tail_of.get(f, ""), holds.get(f, 0), pieces[0])
                        or (mono and payee_wraps.ended_in_chars(tail_of.get(f, ""), max(
                            holds.get(_CHARS[f], 0), column.get(_CHARS[f], 0)), pieces[0]))
                        or payee_wraps.cannot_go_on(tail_of.get(f, ""), pieces[0])))
                    still = [f for f in fits if f not in done]  # (a cell that ended takes no piece)
                    if len(still) == 2 and not mono and payee_wraps.monospaced(filled):
                        # the table's lines so far show one width per wide character: its columns read so far
                        done.update(f for f in still if _column_ends(column, f, tail_of.get(f, ""), pieces[0],
                                                                     holds.get(_CHARS[f], 0)))
                        still = [f for f in still if f not in done]
                    if len(still) == 2:  # (「合同会社大」 over 「和総研」: the name's word 大和 goes on, the 業務概要's
                        # 「会議等出席(諸謝金)」 ends whole — words across the join, kg.normalize.sudachi; a cell so
                        # told is not measured: its lines' widths are no proof of the column's)
                        going = [f for f in still if word_goes_on(cells.get(f) or "", pieces[0])]
                        worded = len(going) == 1
                        still = going if worded else still
                    target = still[0] if len(still) == 1 else "description"
                    settled = len(still) == 1 and not worded
                    if len(still) != 1:
                        guessed = True
                        if not unsure and len(still) == 2:  # (the pieces of lines after: the same cell's)
                            alone[last.line] = (n, cells.get("name") or "", cells.get("description") or "", [])
                        unsure = unsure or (target, n)  # which cell it ends is not established: both unknown
                        undecided.append(({f: tail_of.get(f, "") for f in still}, pieces[0]))
                        if by_chars is not None and any(payee_wraps.ended_in_chars(
                                tail_of.get(f, ""), holds.get(_CHARS[f], 0), pieces[0]) for f in still):
                            by_chars.append(n)
                    elif len(fits) == 1:
                        done.add("name" if target == "description" else "description")  # (the other did not wrap)
                cells[target] = fields.join_wrapped([cells.get(target) or "", *pieces])
                # (a row with a piece left to either cell before: its cells' last lines are guesses, 「日経BPマ」 put
                # in the 業務概要 and 「ーケティ」「ング共同」 then 'settled' there — no measure of the table's column)
                _wrapped_on(holds, tail_of, target, pieces[0], [] if worded else filled, last.block,
                            column if settled and not last.unsure else None)
                tail_of[target] = " ".join(pieces)
            if alone.get(last.line):  # a line of one piece after the cell that ended: that piece is the other's
                alone[last.line] = (*alone[last.line][:3], [*alone[last.line][3], pieces[0]]) \
                    if d is None and not left and len(pieces) == 1 else None
            last = last._replace(cells=cells, guessed=guessed, unsure=unsure)
            out[-1] = last
            continue
        last = None
    out, dropped = payee_wraps.checked(out, check)
    out = payee_wraps.uncut_rates(out)
    out = payee_wraps.spelled_elsewhere(out, alone)
    out, unspelled = payee_wraps.spell_qualifiers(_settle_unsure(out, notes_at), spelled)
    unread = sorted(unread + dropped)
    if notes_at:
        notes.append((notes_at[0], f"支出先上位10者リスト: on lines {notes_at} a wrapped piece may be the name's or "
                                   "the 業務概要's (their first lines are about as wide): both are unknown"))
    if unread and out:
        notes.append((unread[0], f"支出先上位10者リスト: the rows on lines {unread} could not be read (cells glued "
                                  "or out of shape): those payees are unknown"))
    if unspelled:
        notes.append((unspelled[0], f"支出先上位10者リスト: on lines {unspelled} the contract method wraps before its "
                                    "qualifier and the sheet prints none on one line (with a space or without): "
                                    "those contract methods are unknown"))
    return out or None, column, any(  # (the widest first lines of the whole table would end one of the two cells)
        sum(not payee_wraps.ended(t, column.get(f, 0), piece) for f, t in tails.items()) == 1
        for tails, piece in undecided)


__all__ = ["PayeeRow", "payee_rows"]
