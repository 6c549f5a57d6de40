"""支出先上位10者リスト of the real (ruled) review-sheet form as poppler's pdftotext writes it.

pdftotext writes each cell of the real form as a paragraph of its own (or a few cells side by side on one line:
「(株)エヌ・ティ・ 1010001143390 サイバーセキュリ 18」), and the form's column headers again and again wherever its
layout analysis cut the block's header row. When the tool keeps a block together, the block reads

    A.            the block's letter (alone: 「A.」「B」)
    支出先 …       the header cells (in any order, in pieces: 「号」「(百万 式等」)
    1             the rank, then the row's cells: name, 法人番号 (maybe cut: 「4010001054」 over 「032」),
    …             業務概要 with the amount at the end of its first line, 契約方式等, 入札者数, 落札率, 理由 (「-」)
    2             the next rank, …

and that is the shape read first: a block's rows are claimed when its letter, then (past the header cells) rank
1, 2, ... come in that order with each row's cells after its rank, up to the next letter or the section's end
(or the block's 計 row, when its sum is the rows' amounts; or a table's first header cells followed by a row, no
rank before it, whose amount is above the block's last: the form ranks a block's payees by amount, so that row
is another table's). Ranks the tool wrote right after a row's name, before that row's other cells (「2」「合同会社
TKC」「3」 then row 2's 法人番号 and amount, then row 3 with its name and no rank), are that many rows with a name
and no rank after row 2's cells, in order, when their amounts fall. Where the tool wrote letters or ranks elsewhere
(「A.」 … 「1」「B」「1」「C」「D」「E」 after the rows), blocks are placed by counting only when it is unambiguous:
the form writes its header cells once per block, so the runs of header cells followed by row cells, as many as
the section's letters, are the blocks in order — each read whole (ranked rows, or one row whose rank is
written apart), the numbers written apart being just those blocks' 「1」s. Failing that, blocks are placed by their rank runs: the runs of
ranks 1, 2, ... (a name with its 法人番号 but no rank starting one), as many as the letters, are the blocks in
order, when every cell the tool wrote apart from its row lies next to a row lacking such a cell (a row written
after the next blocks' rows puts them out of order) and no rank number left over could be a row read as
another block's; a rank whose row's cells are written elsewhere is a row of that name alone, and the row after
it loses the cells that may be that row's. The rest is left unknown. Within a row the cells are placed by their
shapes: the 法人番号 by its check digit (its pieces joined on consecutive lines), the amount as the number
ending the 業務概要's first line (or a number alone), 契約方式等 by its wording; the name and 業務概要 only when
the lines say which is which (a line holding both, cut at the 法人番号; a cell of its own) — wrapped lines
after a line holding both are the one or the other, unknown. 入札者数 and 落札率 are the first two small cells
after 契約方式等 (a 落札率 must read as a percentage); cells the row does not hold in that order stay unknown.
A 落札率 or an amount alone wrapped in its cell (「54」 over 「%」, 「65.」 over 「9%」, 「31,」 over 「087」) is one cell; a
落札率 or its 「%」 is never a name. A number alone after a 法人番号 line holding the row's 契約方式等 (its 入札者数?), or a
「1」 after a table's first header cells (that table's rank), is no amount, nor one read before the row's 業務概要
written a few small cells later with a figure ending its first line (that figure may be the amount: unknown); a
figure equal to the next rank is the amount when a 契約方式等 follows it and then that rank with its name (the form
writes a rank once).
Cells the tool wrote apart from their rows (an earlier row's 法人番号 with its 業務概要, a 業務概要, an amount: each of
a kind some row read lacks) are passed over between a block's ranks and after its last row, left unknown. Rows placed
by their rank runs whose 業務概要 and amounts might be the row before's, written late, keep them when the amounts add
up to the block's 計 (one row may lack its amount when the rest of the 計 stands apart in the text).
Blocks no reading gave (or whose rows stop short) are read again in the form's order with a rank followed by a name
alone as a row of that name (the row after it losing the cells that may be its, written late), past the first row's
cells written before its rank. Blocks still unread whose ranked rows (two or more, each but the last with its amount
or 業務概要, the amounts not rising) stop, their end not in sight, before a cell that opens a row — a text holding no
figure, or a row reading whole with no rank before it — keep those rows (the ranks after them unknown, and the tail of
a row after one that read no 契約方式等), or before 契約方式等 and small cells then such a cell (the rows' tails written
late: every tail unknown); a cell of a row's body there (a 法人番号, an amount, a text with a figure) or a text cell
right after a text cell leaves them unknown. Last, a block whose rows lack amounts
takes them from the amounts written in its stretch of text when exactly one choice of them — as many as its rows,
falling down the text as the form ranks its payees — adds up to its 計 (with the 業務概要 and 法人番号 on the amount's
line).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from contextvars import ContextVar
from functools import lru_cache, partial
from typing import NamedTuple

from kg.extract import fields, payee_wraps
from kg.extract.folded_text import folded as _folded
from kg.extract.payee_rows_text import PayeeRow
from kg.normalize.houjin import validate as validate_houjin
from kg.normalize.numbers import parse_number
from kg.normalize.sudachi import word_goes_on
from kg.normalize.text import CELL_DASHES, is_dash, lines_matching, squash

_HEADER_TEXT = unicodedata.normalize(
    "NFKC", "支出先法人番号業務概要支出額(百万円)契約方式等入札者数(応募者数)落札率"
    "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策(支出額10億円以上)")
_FORM_WORDS = frozenset({"チェック"})  # the checkbox column of the row above the section (its label)
_LETTER = re.compile(r"^([A-Z])\.?$")
_DIGITS = re.compile(r"^\d+$")
_AMOUNT = re.compile(r"^[▲△]?\d[\d,]*(?:\.\d+)?$")
_FIRST_COLUMNS = ("支出先", "法人番号")  # a table's first header cells
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$")  # an amount as the form prints it, grouped by thousands
_SMALL = re.compile(r"^(?:[-－―]+|\d{1,3}|\d{1,3}(?:\.\d+)?%)$")
_CONTRACT = re.compile(r"^(?:一般競争?|指名競争?|随意契約?|随契|企画競争|確認公募|公募|少額|不落|補助金|補助$|交付|負担|その他|特命|"
                       r"委託|請負)")
_RATE_GAP = re.compile(r"^(\d{1,3}(?:\.\d+)?) %$")  # a 落札率 cell whose 「%」 the tool wrote apart: 「92 %」
_GROUPS_CUT = re.compile(r"^\d{1,3}(?:,\d{3})*,$")  # an amount cut after a comma, the rest its whole groups
_GROUPS_REST = re.compile(r"^\d{3}(?:,\d{3})*(?:\.\d+)?$")
_RATE_WRAPPED = re.compile(r"^\d{1,3}(?:\.\d+)?%$")  # a 落札率 (its two lines rejoined)
_UNBID = re.compile(r"^(?:随意契約|補助金|その他)")  # 契約方式 with no bid: no 落札率 of its own
_RATE_HEAD = re.compile(r"^\d{1,3}$")  # a 落札率's figure before its point, the rest wrapped: 「92」 over 「.4」 over 「%」
_POINT_REST = re.compile(r"^\.\d+%?$")
_RATE_PIECE = re.compile(r"^(?:\d{1,3}(?:\.\d*)?)? ?%$")  # a 落札率 or its 「%」 written apart: never a name
_END = re.compile("支出先上位|資金の流れ|費目・使途")
_OPEN_SPACE = re.compile(r"\(\s+")  # white space after an opening bracket (_join drops it), and before a closing one
_SPACE_CLOSE = re.compile(r"\s+\)")


class Para(NamedTuple):
    """A paragraph of the section: its lines (NFKC-folded and stripped), the 1-based line of its first, and its
    lines joined with one space (kept with it: every reader asks for it, many times)."""
    lines: tuple[str, ...]
    line: int
    text: str


def _para(lines: list[str] | tuple[str, ...], line: int) -> Para:
    return _new_para((tuple(lines), line, " ".join(lines)))


_new_para = partial(tuple.__new__, Para)  # Para._make(fields) without the Python-level __new__


def _paras(lines: list[str], start: int) -> list[Para]:
    out: list[Para] = []
    buf: list[str] = []
    first = 0
    folded = _folded(lines)  # (NFKC lines, worked out once per document)
    stop = len(lines)  # the section ends before the first line after ``start`` holding a next title (_END: found
    for k in lines_matching(folded[start:], _END):  # in the lines joined, not searched line by line)
        stop = start + k
        break
    for n in range(start + 1, stop + 1):
        t = folded[n - 1].strip()
        if not t:
            if buf:
                out.append(_para(buf, first))
                buf = []
            continue
        if not buf:
            first = n
        elif (t == "%" or t.endswith("%") and buf[-1].endswith(".")) and _RATE_WRAPPED.match(buf[-1] + t):
            buf[-1] += t  # (a 落札率 wrapped after its figure or its point: 「54」 over 「%」, 「65.」 over 「9%」)
            continue
        elif _POINT_REST.match(t) and _RATE_HEAD.match(buf[-1]) and (t.endswith("%") or n < stop and
                                                                       folded[n].strip() == "%"):
            buf[-1] += t  # (a 落札率 wrapped after its figure and after its point: 「92」 over 「.4」 over 「%」)
            continue
        elif _GROUPS_CUT.match(buf[-1]) and _GROUPS_REST.match(t):  # (an amount alone wrapped after a comma:
            buf[-1] += t  # 「31,」 over 「087」)
            continue
        # (a folded line's words stand one space apart already: nfkc joins its words with one)
        buf.append(_RATE_GAP.sub(r"\1%", t) if t.endswith(" %") else t)
    if buf:
        out.append(_para(buf, first))
    return [q for p in out for q in _split_header_cells(p)]


def _split_header_cells(p: Para) -> list[Para]:
    """A paragraph of header lines and lines of small cells (a dash, a rank: 「支出先」 over 「1」, the 理由 header
    over its row's 「-」), cut between the two kinds: the tool ran two cells together."""
    if len(p[0]) < 2:
        return [p]
    kinds = [_small_text(ln) if ln else False for ln in p[0]]
    if not any(kinds) or all(kinds) or \
            not all(k or header_text(ln, False) for ln, k in zip(p[0], kinds, strict=True)):
        return [p]
    out: list[tuple[list[str], int]] = []
    for k, (ln, small) in enumerate(zip(p[0], kinds, strict=True)):
        if k and small == kinds[k - 1]:
            out[-1][0].append(ln)
        else:
            out.append(([ln], p[1] + k))
    return [_para(*q) for q in out]


def _is_header(p: Para, short: bool) -> bool:
    """A paragraph of the table's header cells (each word a piece of the header's wording); a single character
    counts only where no row cell can stand (``short``: between a block's letter and its first rank)."""
    return header_text(p.text, short)


@lru_cache(maxsize=4096)
def header_text(t: str, short: bool) -> bool:
    """Text whose every word is a piece of the payee table's header wording (or a form word, 「チェック」): a header
    cell, or a wrapped header cell's end (「式等」「10億円以上)」); one character only where ``short``."""
    words = t.split(" ")
    if t in _FORM_WORDS:
        return True
    return all(w in _HEADER_TEXT and not w.isdigit() for w in words) and (short or sum(map(len, words)) >= 2 or words == [")"])


def header_piece(name: str) -> bool:
    """A payee name that is a piece of the header's wording: by its words (header_text), or, its spaces aside, three
    characters or more of the wording (「(支出額10 億円」 over 「以上)」 read as a name)."""
    return header_text(name, False) or len(squashed := squash(name)) >= 3 and squashed in _HEADER_TEXT


def _is_small(p: Para) -> bool:
    return _small_text(p.text)


@lru_cache(maxsize=4096)
def _small_text(t: str) -> bool:
    return all(_SMALL.match(w) for w in t.split(" "))


def _nameish(p: Para) -> bool:
    """A paragraph that can open a row's cells (its name): not a number, dash, letter, 契約方式, header or the
    block's 「計」."""
    return _nameish_text(p.text)


@lru_cache(maxsize=4096)
def _nameish_text(t: str) -> bool:
    return t != "計" and not (_small_text(t) or _LETTER.match(t) or _CONTRACT.match(t) or _AMOUNT.match(t)
                             or header_text(t, False) or _RATE_PIECE.match(t))


@lru_cache(maxsize=4096)
def _corp_pieces(lines: tuple[str, ...]) -> tuple[str, tuple[int | None, ...]] | None:
    """The 法人番号 in a paragraph: the first all-digit word of each line, joined over the lines until 13 digits
    with a valid check digit (the amount ending the first line is not a piece). Returns the number and, per line,
    the index of the word that is its piece (None: a line without one)."""
    got = ""
    where: list[int | None] = []
    for ln in lines:
        ws = ln.split(" ")
        at = None
        if len(got) < 13:
            for j, w in enumerate(ws):
                if _DIGITS.match(w) and not (j == len(ws) - 1 and j >= 2 and not got):
                    at = j
                    break
            if at is not None:
                got += ws[at]
                if len(got) > 13:
                    return None
        where.append(at)
    if len(got) != 13 or validate_houjin(got).number is None:
        return None
    return got, tuple(where)


def _join(words: list[str]) -> str | None:
    t = fields.join_wrapped(words)
    return _OPEN_SPACE.sub("(", _SPACE_CLOSE.sub(")", t)) or None


def _cell(words: list[str]) -> str | None:
    """A name or 業務概要 from its words (its lines, and the pieces pdftotext ran on in a line, split at spaces):
    unknown when two of them meet between Latin letters or digits (「Pricewaterho」「useCoopers」: a word cut by
    the wrap, or two words — the text does not say) or one is a dash alone (another column's 「-」)."""
    if any(is_dash(w) for w in words) or any(
            a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum()
            for a, b in zip(words, words[1:], strict=False)):
        return None
    return _join(words)


def _corp_para(p: Para, has_name: bool) -> dict | None:
    """_corp_lines of a paragraph's lines (a copy: the readers ask again for the same paragraphs), with the
    section's columns as form_rows measured them (_COLUMN)."""
    got = _corp_lines(tuple(p[0]), has_name, _COLUMN.get())
    return dict(got) if got is not None else None


@lru_cache(maxsize=4096)
def _corp_lines(lines: tuple[str, ...], has_name: bool, chars: tuple[int, int] = (0, 0)) -> dict | None:
    """A paragraph holding the 法人番号: name pieces before it on its lines, 業務概要 pieces after it, the amount
    ending the first line (a name's first line written alone just above the number's line is that line's name
    piece, _name_line_above). Wrapped lines without a piece of the number are the name's when no line had a
    業務概要 piece, the 業務概要's when no line had a name piece (or the name is a cell of its own); when both
    cells have pieces, or such lines stand between the number's, they are placed by the printed lines' order
    (_lines_placed, with ``chars``: the wide characters the name's and the 業務概要's columns hold at least, 0 when
    unknown), else unknown. The lists it returns are shared: not to be changed."""
    found = _corp_pieces(lines)
    if found is None:
        return None
    corp, where = found
    if len(where) > 1 and where[0] is None and where[1] == 0 and not has_name and _name_line_above(lines[0]) \
            and (got := _corp_lines((f"{lines[0]} {lines[1]}", *lines[2:]), has_name, chars)) is not None \
            and not got["unsure"] and len(got["name"]) > 1:
        return got
    if where[0] is None:  # lines above the number's: which cell's they are is unknown (not the amount ending the
        # number's first line, after a 業務概要 piece)
        return {"corporate_number": corp, "name": None, "description": None, "amount": _ending_amount(lines, where),
                "unsure": True, "named": True}
    name: list[str] = []
    desc: list[str] = []
    items: list[tuple] = []  # the lines in order: (the name's piece, the 業務概要's) on a line holding a piece of
    # the number, a line without one as its text alone
    amount = None
    extra: list[str] = []
    between = False  # lines without a piece between the number's, after a name or 業務概要 piece
    for k, (ln, at) in enumerate(zip(lines, where, strict=True)):
        ws = ln.split(" ")
        if at is None:
            extra.append(ln)
            items.append(ln)
            continue
        between = between or bool(extra and (name or desc))
        after = ws[at + 1:]
        if k == 0 and len(after) >= 3 and any(_AMOUNT.match(w) or _CONTRACT.match(w) for w in after[1:-1]):
            # (「2681594 視察 4,900 随意契約 3」: the row's later cells on the line too — the last number is its
            # 入札者数, not its amount; the 業務概要's lines run among theirs)
            return {"corporate_number": corp, "name": None, "description": None, "amount": _before_method(after),
                    "unsure": True, "named": bool(name or ws[:at])}
        if k == 0 and len(after) >= 2 and _AMOUNT.match(after[-1]):
            amount, after = after[-1], after[:-1]
        elif len(after) == 1 and _AMOUNT.match(after[0]):  # the amount beside the number, or a 業務概要: unknown
            return {"corporate_number": corp, "name": None, "description": None, "amount": None, "unsure": True,
                    "named": bool(name or ws[:at])}
        name += ws[:at]
        desc += after
        items.append((" ".join(ws[:at]), " ".join(after)))
    if extra and (between or name and desc):
        placed = _lines_placed(items, chars)
        if placed is None:
            return {"corporate_number": corp, "name": None, "description": None, "amount": amount, "unsure": True,
                    "named": bool(name) or not between}
        return {"corporate_number": corp, "name": placed[0], "description": placed[1], "amount": amount,
                "unsure": False, "named": bool(placed[0])}
    if extra and not desc and extra[-1] == "計":
        # (「合同会社ソフトバンク 7764924899870」 over 「計」: the block's 計 row run on below the row, or the name's
        # last character; the name is unknown, the 業務概要 and amount cells after it are read)
        return {"corporate_number": corp, "name": [], "description": [], "amount": amount, "unsure": False,
                "named": True}
    if extra and (desc or has_name or not name):
        desc += extra
    elif extra:
        name += extra
    return {"corporate_number": corp, "name": name, "description": desc, "amount": amount, "unsure": False,
            "named": bool(name)}


_WHOLE_AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$")  # an amount as the form prints it, not cut in a group


# a 契約方式等 cell as the form words it, its lines joined (「一般」「競争」「契約」「(総合」「評価)」)
_METHOD_WHOLE = re.compile(r"^(?:(?:一般競争|指名競争|随意)契約(?:\([^()]*\))?|補助金等?交付)$")


def _name_line_above(t: str) -> bool:
    """A line written just above the 法人番号's first line, that line holding no name piece (「株式会社」 over
    「3695014278797 視察(旅費の支払)、デ 354」): the name's first printed line, its baseline a little higher than the
    number's — one cell's piece, not an amount, a 契約方式等 or a small cell. Taken so only when the name is read
    on over the lines below (its lines placed, more than that one): a name of one line might be cut."""
    return " " not in t and not (_AMOUNT.match(t) or _CONTRACT.match(t) or _small_text(t))


def _method_counted(p: Para) -> bool:
    """The paragraph is a 契約方式等 cell with the row's 入札者数 ending its first line (「一般 3」 over 「競争」「契約」
    「(総合」「評価)」: the two columns side by side), not a 業務概要 with its amount: the words before the number, and
    the lines after, join into a contract method as the form words it."""
    first = p[0][0].split(" ")
    return len(first) >= 2 and _DIGITS.match(first[-1]) is not None and len(first[-1]) <= 3 \
        and _METHOD_WHOLE.match("".join([*first[:-1], *p[0][1:]]).replace(" ", "")) is not None


def _before_method(after: list[str]) -> str | None:
    """The amount among the words after a 法人番号's first piece when the row's later cells run on in its line
    (「実証事業の 31,087 一般競争契約」): the one number, whole as the form prints an amount, standing right before the
    first 契約方式等 word, with no other number before it (a 業務概要's figure, an amount cut in a group); None else."""
    at = next((j for j, w in enumerate(after) if _CONTRACT.match(w)), None)
    if not at or not _WHOLE_AMOUNT.match(after[at - 1]) \
            or any(c.isdigit() for w in after[:at - 1] for c in w):
        return None
    return after[at - 1]


def _ending_amount(lines: tuple[str, ...], where: tuple[int | None, ...]) -> str | None:
    """The amount ending the first line holding a piece of the 法人番号, after a 業務概要 piece (「3695014278797
    視察(旅費の支払)、デ 354」), when no other number nor 契約方式等 word stands after the number on that line (the
    row's later cells run on: its last number may be a 入札者数); None else."""
    k = next(k for k, at in enumerate(where) if at is not None)
    after = lines[k].split(" ")[where[k] + 1:]
    if len(after) < 2 or not _WHOLE_AMOUNT.match(after[-1]) \
            or any(_CONTRACT.match(w) or any(c.isdigit() for c in w) for w in after[:-1]):
        return None
    return after[-1]


def _lines_placed(items: list, chars: tuple[int, int] = (0, 0)) -> tuple[list[str], list[str]] | None:
    """The name's and the 業務概要's lines of a paragraph holding the 法人番号 (``items``, in order: for a line
    holding a piece of the number, the pair of the name's and the 業務概要's pieces on it; for a line without one,
    its text). The three cells are printed side by side, top-aligned, one line of each a printed line, and the
    tool writes the pieces of the printed lines in order, each left to right (name, number, 業務概要), running
    some of one printed line's pieces together (「株式会社シー・ 9394674 ガイドライン 1,866」「エス・エス」「470851 の英訳
    作業」: the name's second line, then the number's and the 業務概要's). So the k-th line holding a piece of the
    number is printed line k, and a line without one is the next line of the name or of the 業務概要, in that
    order: each assignment of those lines that keeps the pieces in the printed order (a name piece on the number's
    k-th line being the name's k-th line, and so for the 業務概要; a line either cell may take goes to the one whose
    word it carries on when only one's does, kg.normalize.sudachi.word_goes_on) is a reading; it stands when every line of each
    cell but its last goes on (kg.extract.payee_wraps.ended: no line clearly short of its column before another,
    cannot_go_on: no piece that cannot follow the line before; with ``chars``, the wide characters each column
    holds at least, payee_wraps.ended_in_chars: no line of wide characters with room left for the next line's
    first character). Exactly one reading standing places the lines;
    none or two (a cell that filled its last line exactly may have ended there): None, unknown. None too when a
    line without a piece of the number reads as another cell (an amount, a 契約方式等, a dash or count) or holds
    a space (two cells' pieces run together)."""
    if any(isinstance(x, str) and (" " in x or _AMOUNT.match(x) or _CONTRACT.match(x) or _small_text(x))
           for x in items):
        return None
    found: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()

    def go(i: int, k: int, last: tuple[int, int], name: tuple[str, ...], desc: tuple[str, ...]) -> None:
        if len(found) > 1:
            return
        if i == len(items):
            if _goes_on(list(name), chars[0]) and _goes_on(list(desc), chars[1]) \
                    and not (name and _UNFINISHED.search(name[-1]) or desc and _UNFINISHED.search(desc[-1])):
                found.add((name, desc))
            return
        x = items[i]
        if isinstance(x, str):  # the name's next line (column 0) or the 業務概要's (column 2), after ``last``
            to_name, to_desc = (len(name) + 1, 0) > last, (len(desc) + 1, 2) > last
            if to_name and to_desc:  # (「合同会社大」 and 「会議等出席(諸謝金)」 over 「和総研」: the name's word 大和
                # goes on, the 業務概要 ends whole — words across the join, kg.normalize.sudachi)
                going = (word_goes_on("".join(name), x), word_goes_on("".join(desc), x))
                if going[0] != going[1]:
                    to_name, to_desc = going
            if to_name:
                go(i + 1, k, (len(name) + 1, 0), (*name, x), desc)
            if to_desc:
                go(i + 1, k, (len(desc) + 1, 2), name, (*desc, x))
            return
        k += 1  # the number's k-th printed line: its pieces are the cells' k-th lines
        pn, pd = x
        if pn and (len(name) + 1 != k or (k, 0) <= last) or (k, 1) <= last or pd and len(desc) + 1 != k:
            return
        go(i + 1, k, (k, 2) if pd else (k, 1), (*name, pn) if pn else name, (*desc, pd) if pd else desc)

    go(0, 0, (0, 0), (), ())
    if len(found) != 1:
        return None
    name, desc = found.pop()
    return list(name), list(desc)


# a cell's text cannot end here: a list's comma or middle dot, an opening bracket (「視察(旅費の支払)、」 over
# 「ヘルプデスク業務」: the 業務概要 goes on, the line is not the name's)
_UNFINISHED = re.compile(r"[、,・(]$")


def _goes_on(lines: list[str], chars: int = 0) -> bool:
    """Each line of a cell but its last goes on to the next (not clearly short of the cell's widest line, nor of
    the ``chars`` wide characters its column holds, and the next line may follow it)."""
    if len(lines) < 2:
        return True
    column = max(payee_wraps.width(t) for t in lines)
    return not any(payee_wraps.ended(t, column, nxt) or payee_wraps.cannot_go_on(t, nxt)
                   or (chars and payee_wraps.ended_in_chars(t, chars, nxt))
                   for t, nxt in zip(lines, lines[1:], strict=False))


# the columns form_rows measured for the section it reads (_column_chars), set for the call only
_COLUMN: ContextVar[tuple[int, int]] = ContextVar("_COLUMN", default=(0, 0))


def _column_chars(paras: list[Para]) -> tuple[int, int]:
    """The wide characters the name's and the 業務概要's columns hold at least: their longest pieces of wide
    characters on the lines holding a 法人番号's pieces (beside the number, each piece a printed line of its cell)
    — when those lines show every wide character printed one width (payee_wraps.monospaced: two pieces that
    filled a column, the next line holding the cell's next piece, as long in characters, one with more kana than
    the other); (0, 0) else (a proportional font: characters do not measure a line)."""
    most = [0, 0]
    filled: list[tuple[str, str, str]] = []
    for p in paras:
        found = _corp_pieces(p[0]) if len(p[0]) > 1 else None
        if found is None:
            continue
        pieces = []
        for k, (ln, at) in enumerate(zip(p[0], found[1], strict=True)):
            if at is None:
                continue
            ws = ln.split(" ")
            after = ws[at + 1:]
            if k == 0 and len(after) >= 2 and _AMOUNT.match(after[-1]):
                after = after[:-1]
            pieces.append((" ".join(ws[:at]), " ".join(after)))
        for (a, b), (c, d) in zip(pieces, pieces[1:], strict=False):
            for cell, t, nxt in ((0, a, c), (1, b, d)):
                if t and nxt and payee_wraps.wide_only(t):
                    filled.append(("", "name" if cell == 0 else "description", t))
        for a, b in pieces:
            for cell, t in ((0, a), (1, b)):
                if t and payee_wraps.wide_only(t):
                    most[cell] = max(most[cell], len(t))
    return (most[0], most[1]) if payee_wraps.monospaced(filled) else (0, 0)


def _split_amount(p: Para, inner: bool = False) -> tuple[list[str], str | None]:
    """A 業務概要 paragraph's lines and the amount ending its first line (None when it does not end in one);
    ``inner``: or standing alone on a line between its lines."""
    first = p[0][0].split(" ")
    if len(first) >= 2 and _AMOUNT.match(first[-1]):
        if any(re.fullmatch(r"\d{1,3}(?:,\d{0,3})+", w) for w in first[:-1]) \
                or any(_CONTRACT.match(w) for w in first[1:-1]):
            # (「利用者の 11,39 随意契約 (少額 基本的な 8」: the amount cell cut inside its groups and the 契約方式 run
            # into the 業務概要's line: which figure is the amount, and which words the 業務概要's, is not known: an
            # amount whose value the text does not say, "", and no 業務概要 — never a name, nor a dash cell)
            return list(p[0]), ""
        if first[-1].endswith(","):
            return _amount_rest([" ".join(first[:-1]), *p[0][1:]], first[-1])
        return [" ".join(first[:-1]), *p[0][1:]], first[-1]
    if len(first) >= 3 and any(_AMOUNT.match(w) for w in first[1:-1]) and _CONTRACT.match(first[-1]):
        # (「データ整備 244 一般競争」 over 「及び分析業」「契約 (総」「務」: the row's amount and 契約方式等 run on in the
        # 業務概要's first line, their later lines among the 業務概要's — which lines are its is not known: an
        # amount the text does not say here, and no 業務概要; _row takes the figure before the 契約方式等)
        return list(p[0]), ""
    alone = [k for k, ln in enumerate(p[0]) if k and _GROUPED.match(ln)] if inner else []
    if len(alone) == 1 and alone[0] < len(p[0]) - 1:
        # an amount grouped by thousands on a line of its own between the 業務概要's lines (「視察(旅費の支」 「18,634」
        # 「払)、…」: the tool wrote the amount cell's line among them): no 業務概要's line is a number alone
        return [ln for k, ln in enumerate(p[0]) if k != alone[0]], p[0][alone[0]]
    if inner and len(p[0]) >= 2 and _WHOLE_AMOUNT.match(p[0][0]) and not p[0][1][0].isascii():
        # the amount on a line of its own over the 業務概要's lines (「29」 over 「会議等出席(諸謝」: the tool wrote the
        # amount's cell first); a 業務概要 wrapped right after a figure would go on with an ASCII word, not a wide one
        return list(p[0][1:]), p[0][0]
    return list(p[0]), None


def _amount_rest(lines: list[str], head: str) -> tuple[list[str], str | None]:
    """A 業務概要's lines and an amount cut after a comma ending its first line (「定期刊行 16,」 over 「物の購読 824」:
    the amount's cell wrapped beside the 業務概要's): the amount's rest is the group of three digits ending the next
    lines (each but the last ending in a comma again), taken off them; when it is not there, neither the amount
    nor the 業務概要 is known (the lines as they are and "": an amount the text does not say)."""
    out = [lines[0]]
    k = 1
    while head.endswith(","):
        words = lines[k].split(" ") if k < len(lines) else []
        if len(words) < 2 or not re.fullmatch(r"\d{3},?", words[-1]):
            return list(lines), ""
        head += words[-1]
        out.append(" ".join(words[:-1]))
        k += 1
    return out + lines[k:], head


# the rows _read_row read in the section form_rows reads (its paragraphs, and (i, rank, bare) -> what it read),
# set for the call only: _in_order (twice, bare and not), _ranked and _rank_runs ask again for the same rows
_ROWS: ContextVar[tuple[list[Para], dict] | None] = ContextVar("_ROWS", default=None)


def _read_row(paras: list[Para], i: int, rank: int, bare: bool = False) -> tuple[dict | None, int]:
    """The cells of the row whose rank paragraph is paras[i - 1], from paras[i] on: (cells or None, the index
    after the row). ``bare``: a name cell alone (no 法人番号, 業務概要 or amount after it: the tool wrote them
    elsewhere) is the row's name with its other cells unknown, and the 契約方式等 and small cells after it are
    passed over, unread (a row that reads without ``bare`` reads the same with it). Read once per section (_ROWS);
    each call gets a dict of its own."""
    memo = _ROWS.get()
    if memo is None or memo[0] is not paras:
        return _row(paras, i, rank, bare)
    got = memo[1].get((i, rank, bare))
    if got is None and bare and (plain := memo[1].get((i, rank, False))) is not None and plain[0] is not None:
        got = plain
    if got is None:
        got = memo[1][(i, rank, bare)] = _row(paras, i, rank, bare)
    return (dict(got[0]) if got[0] is not None else None), got[1]


def _row(paras: list[Para], i: int, rank: int, bare: bool) -> tuple[dict | None, int]:
    n = len(paras)

    def skip(i: int) -> int:
        while i < n and _is_header(paras[i], False):
            i += 1
        return i

    def next_rank(i: int) -> bool:
        """paras[i] is the next row's rank: rank + 1 with a name after it."""
        if i >= n or paras[i].text != str(rank + 1):
            return False
        j = skip(i + 1)
        return j < n and _nameish(paras[j])

    def passed(i: int) -> int:
        """The index after a bare row's 契約方式等 and small cells (from paras[i] on), unread: numbers only after
        its 契約方式等 (a number alone may be a rank whose row is written elsewhere)."""
        method = i < n and _CONTRACT.match(paras[i].text)
        i = skip(i + 1) if method else i
        while i < n and _is_small(paras[i]) and not next_rank(i) and (method or not _DIGITS.match(paras[i].text)):
            i += 1
        return skip(i)

    i = skip(i)
    if i >= n or not _nameish(paras[i]):
        return None, i
    cells: dict = {"name": None, "corporate_number": None, "description": None, "amount": None,
                   "contract_method": None, "bidders": None, "award_rate": None}
    have_name = False
    got = _corp_para(paras[i], False)
    corp_at = i if got is not None else None
    if got is None:  # the name, a cell of its own (not one ending in a number: name and amount side by side; not
        # one holding a run of digits: the pieces of a 法人番号 whose check digit fails, the cells run together)
        words = [w for ln in paras[i][0] for w in ln.split(" ")]
        if _split_amount(paras[i])[1] is not None or any(len(w) >= 4 and _DIGITS.match(w) for w in words):
            return (dict(cells), passed(skip(i + 1))) if bare else (None, i)  # (a bare row: its cells unknown)
        first = paras[i][0][0].split(" ")
        if len(first) >= 2 and first[-1] in CELL_DASHES:  # the 法人番号 cell's dash beside the name's first line
            del words[len(first) - 1]
        # (a last line 「計」 alone: the block's 計 label written into the last row's name, or the name's own end)
        cells["name"] = None if len(paras[i][0]) > 1 and paras[i][0][-1].strip() == "計" else _cell(words)
        have_name = True
        i = skip(i + 1)
        if i < n and is_dash(paras[i].text):  # no 法人番号
            i = skip(i + 1)
        elif i < n:
            got = _corp_para(paras[i], True)
            corp_at = i if got is not None else None
            if got is not None:
                if got["named"]:  # a name piece beside the number: the name cell is not the paragraph before
                    return None, i
                i = skip(i + 1)
    else:
        i = skip(i + 1)
    desc_done = False
    if got is not None:
        cells["corporate_number"] = got["corporate_number"]
        cells["amount"] = got["amount"]
        if got["unsure"]:
            desc_done = True
            if not have_name and got["amount"] is None and (named := _name_lines(paras[corp_at][0])) is not None \
                    and _task_follows(paras, i):
                cells["name"], desc_done = _cell(named), False
        else:
            if not have_name:
                cells["name"] = _cell(got["name"])
            if got["description"]:
                cells["description"] = _cell(got["description"])
                desc_done = True
    # 業務概要 as a cell of its own, then the amount alone (never a 契約方式等 with its 入札者数: the row's 業務概要
    # and amount written elsewhere)
    if not desc_done and i < n and _nameish(paras[i]) and not next_rank(i) \
            and _corp_pieces(paras[i][0]) is None and not _method_counted(paras[i]):
        lines, amount = _split_amount(paras[i], inner=True)
        if amount and cells["amount"] is not None:
            return None, i
        # (a number alone among its lines, not grouped as the form prints an amount — 「会議等出」「0.8」「席(諸謝金)」:
        # the amount's cell written among them, or the 業務概要's own figure — leaves it unknown)
        cells["description"] = None if amount == "" or any(k and _AMOUNT.match(ln) for k, ln in enumerate(lines)) \
            else _cell([w for ln in lines for w in ln.split(" ")])
        if amount == "":  # (the figure right before a 契約方式等 run on in the first line, the only one: its amount)
            amount = _before_method(lines[0].split(" ")) or amount
        cells["amount"] = cells["amount"] or amount
        # (a run of digits no 業務概要 holds — a 法人番号's piece, 「6」「494864234 視察(旅費の支」「7726」: the
        # row's amount written before its 法人番号 and 業務概要, run together — leaves the number after them, the
        # row before's amount written late, no amount of this row)
        ran = any(len(w) >= 6 and _DIGITS.match(w) for ln in lines for w in ln.split(" "))
        i = skip(i + 1)
    else:
        ran = False
    if cells["amount"] is None and not ran and i < n and _AMOUNT.match(paras[i].text) \
            and (paras[i].text != str(rank + 1) or _rank_later(paras, i, skip(i + 1), next_rank)) \
            and not _whole_number(paras[i].text) and not _ran_on(paras, corp_at) \
            and not (cells["corporate_number"] and paras[i].text == "1" and _after_first_columns(paras, i)):
        # (a 法人番号 cell is no amount; a number alone that reads as the next rank is that rank, its row's cells
        # written elsewhere, or unknown; nor is a number alone after a 法人番号 line holding the row's 契約方式等 —
        # its 入札者数? — or a 「1」 after a table's first header cells, 「支出先」「法人番号」: that table's rank, left
        # to it. In a row of a name alone, that 「1」 stands where its amount stands: an amount the text does not say)
        cells["amount"] = "" if paras[i].text == "1" and _after_first_columns(paras, i) \
            or cells["description"] is None and _task_ahead(paras, i + 1, rank) \
            else _Doubted(paras[i].text) if _count_before_rank(paras, i, skip(i + 1), rank) \
            or cells["description"] is None and _count_before_method(paras, i, skip(i + 1)) else paras[i].text
        i = skip(i + 1)
    if cells["corporate_number"] is None and cells["amount"] is None:
        if not (bare and have_name):
            return None, i
        return {**cells, "description": None}, passed(i)  # (what follows the name is not established)
    if i < n and paras[i].text == str(rank + 1):  # the next rank before this row's tail: the tail is elsewhere
        return cells, i
    # the tail: 契約方式等 (maybe with 入札者数 ending its first line), then the small cells
    smalls: list[str] = []
    method = i < n and bool(_CONTRACT.match(paras[i].text))
    if method:
        lines = list(paras[i][0])
        first = lines[0].split(" ")
        if len(first) >= 2 and _SMALL.match(first[-1]):
            smalls.append(first[-1])
            lines[0] = " ".join(first[:-1])
        words = [w for ln in lines for w in ln.split(" ")]
        cut = [k for k, ln in enumerate(lines) if k and ln.startswith("(")]
        if not any(_SMALL.match(w) for w in words[1:]) and len(cut) <= 1:
            # (a line break right before the qualifier, 「一般競争契約」 over 「(最低価格)」, hides whether a space stood
            # there: joined with payee_wraps.QUALIFIER_JOIN, spelled as the sheet spells it on one line or unknown)
            head, rest = (_join_method(lines[:cut[0]]), _join_method(lines[cut[0]:])) if cut else (None, None)
            cells["contract_method"] = _join_method(lines) if not cut else \
                head + payee_wraps.QUALIFIER_JOIN + rest if head and rest else None
        i = skip(i + 1)
    crossed = None  # how many small cells were read before a table's header cell passed over
    back = crossed_from = i  # where the row ends when it crossed them: at the first of those header cells, when
    # the number after them is that table's rank 「1」
    while i < n and _is_small(paras[i]) and len(smalls) < 3 and not next_rank(i):
        if crossed is None and _after_first_columns(paras, i):
            crossed = len(smalls)  # (a number after the next table's first header cells, 「支出先」「法人番号」: that
            # table's rank, not this row's 入札者数; a rate after them, another row's)
            back = crossed_from = i
            while back > 0 and _is_header(paras[back - 1], False) and paras[i].text == "1":
                back -= 1
        for ln in paras[i][0]:
            for w in ln.split(" "):
                smalls += list(w) if set(w) <= set(CELL_DASHES) else [w]
        i += 1
    smalls = smalls if crossed is None else smalls[:crossed]
    if not method and crossed is None and len(smalls) == 1 and i < n and _CONTRACT.match(paras[i].text):
        smalls = []  # (a number alone before a 契約方式等 the row's cells did not reach — 「補助事業の実施」「68」「随意契約
        # (企画競争)」「4」: the row's amount left unread, or a 入札者数 written early — is no 入札者数 the text establishes)
    if not method and len(smalls) == 1 and _DIGITS.match(smalls[0]) and i < n and _is_header(paras[i], False):
        smalls = []  # (a number alone after the amount, no 契約方式等 before it and header cells after it: a rank
        # written late, the row's (「岩手県」「法人番号」「業務概要 2,639」「1」「一者応札…」「B.」「1」) or another table's
        # (「… 定期刊行物の 10」「1」「法人番号」「業務概要」…「E.」), or the row's 入札者数: which, the text does not say)
    if smalls and re.fullmatch(r"\d{1,3}", smalls[0]):
        cells["bidders"] = smalls[0]
    if len(smalls) > 1 and smalls[1].endswith("%") and not is_dash(smalls[0]) \
            and not _UNBID.match(cells["contract_method"] or "") and not any(w.endswith("%") for w in smalls[2:]):
        # (a 落札率 after a 入札者数 dash — no bidding, no rate: 「0.3」「-」「43.5%」「-」 in a row whose 契約方式 was
        # not read, 「3.8」「その他」「-」「58.9%」: the row before's rate written after this row's cells — is not
        # established as the row's; nor one after a 契約方式 of no bidding, 「随意契約 (企画競争)」「1」「59.9 %」: a
        # 落札率 is a bid's, this one the row before's written late; nor one with another rate after it,
        # 「一般競争契約 6」「41 %」「94 %」: an earlier row's rate written late, before or after the row's own)
        cells["award_rate"] = smalls[1]
    return cells, back if crossed is not None and back < crossed_from else skip(i)


class _Doubted(str):
    """An amount read as a number alone that may be the row's 入札者数 instead (``_count_before_rank``): it stands
    when its block's 計 adds up with it, and is unknown in a block without a 計 (``_block_end``)."""


def _count_before_rank(paras: list[Para], i: int, j: int, rank: int) -> bool:
    """The number alone at paras[i] may be the row's 入札者数 as well as its amount: a whole number of up to three
    digits followed by one dash (paras[j]) and then the next rank — the row's tail holds no 契約方式等, which the form
    writes between the amount and the 入札者数, and one small cell where a row without one holds its 入札者数 and
    落札率 (「会議等出席(諸謝金)」「1」「-」「3」: the amount 「15,679 随意契約 (企画競争)」 written at the block's end; but
    「定期刊行物の購読」「24」「-」「2」 with the block's 計 60 = 24 + 23 + 13: the amount). Read as a ``_Doubted`` amount."""
    n = len(paras)
    return bool(re.fullmatch(r"\d{1,3}", paras[i].text)) and j + 1 < n and is_dash(paras[j].text) \
        and paras[j + 1].text == str(rank + 1)


def _count_before_method(paras: list[Para], i: int, j: int) -> bool:
    """The number alone at paras[i], read with no 業務概要 before it, may be the row's 入札者数: a whole number of one
    or two digits right before a competitive 契約方式 (paras[j]) — the form writes the 入札者数 after the 契約方式 and
    the amount after the 業務概要, but pdfminer.six writes a row 「法人番号 | 1 | 一般競争契約 (総合評価) | - | 90.9% | 79 |
    業務概要」, the 入札者数 first —, unless a number follows that 契約方式 (「法人番号 | 31 | 一般競争契約 (総合評価) | 5」:
    the row's 入札者数 after it, the 31 its amount). Read as a ``_Doubted`` amount."""
    return bool(re.fullmatch(r"\d{1,2}", paras[i].text)) and j < len(paras) \
        and bool(_CONTRACT.match(paras[j].text)) and "競争契約" in "".join(paras[j][0]).replace(" ", "") \
        and not (j + 1 < len(paras) and re.fullmatch(r"\d{1,3}", paras[j + 1].text))


def _task_ahead(paras: list[Para], i: int, rank: int) -> bool:
    """A 業務概要 with a figure ending its first line (「機器の賃 3.2」) is the first cell after paras[i - 1] past
    small cells, dashes, header pieces and a block letter, before the next rank: the form writes a row's amount
    beside its 業務概要, so that figure may be this row's — a number alone read before it (another row's 入札者数
    written out of its row: 「-」「4」「-」「-」) is not established as the row's amount."""
    n = len(paras)
    while i < n and paras[i].text != str(rank + 1) and (
            _is_small(paras[i]) or _is_header(paras[i], False) or _LETTER.match(paras[i].text)):
        i += 1
    return i < n and _nameish(paras[i]) and _corp_pieces(paras[i][0]) is None and bool(_split_amount(paras[i])[1])


def _name_lines(lines: tuple[str, ...]) -> list[str] | None:
    """The name's words of a paragraph holding the 法人番号 with name pieces only beside it (no 業務概要 piece, no
    amount on its lines) and lines without a piece of the number among or after them (「株式会社インテ 56261494293」
    「ック」「67」): those lines, in order, when each is one wide word (no figure, no other cell's shape); None else."""
    found = _corp_pieces(lines)
    if found is None or found[1][0] is None:
        return None
    words: list[str] = []
    for ln, at in zip(lines, found[1], strict=True):
        ws = ln.split(" ")
        if at is None:
            if len(ws) > 1 or any(c.isdigit() for c in ln) or not _nameish_text(ln) or ln.isascii():
                return None
            words.append(ln)
        elif ws[at + 1:]:
            return None
        else:
            words += ws[:at]
    return words if len(words) > 1 else None


def _task_follows(paras: list[Para], i: int) -> bool:
    """paras[i] is a 業務概要 cell of its own with the row's amount: a text cell (no 法人番号) whose first line ends in
    the amount, or followed by the amount alone."""
    if i >= len(paras) or not _nameish(paras[i]) or _corp_pieces(paras[i][0]) is not None:
        return False
    lines, amount = _split_amount(paras[i], inner=True)
    if amount is not None:
        return bool(amount)
    return i + 1 < len(paras) and bool(_WHOLE_AMOUNT.match(paras[i + 1].text))


def _rank_later(paras: list[Para], i: int, j: int, next_rank) -> bool:
    """The number alone at paras[i] (the next rank's figure, 「2」) is no rank: a 契約方式等 follows it (paras[j]:
    a row opens with its name), and the same rank with a name after it follows that row's tail (its small cells:
    「2」「随意契約 (少額)」「-」「--」「2」「個人(B)」) — the form writes a rank once."""
    if j >= len(paras) or not _CONTRACT.match(paras[j].text):
        return False
    k = j + 1
    while k < len(paras) and _is_small(paras[k]) and not next_rank(k):
        k += 1
    return next_rank(k)


def _ran_on(paras: list[Para], k: int | None) -> bool:
    """The 法人番号 paragraph paras[k] holds the row's 契約方式等 on its first line too (the row's later cells run on in
    the number's line): a number alone after it is the row's 入札者数 or another row's cell, not its amount."""
    return k is not None and any(_CONTRACT.match(w) for w in paras[k][0][0].split(" ")[1:])


def _after_first_columns(paras: list[Para], i: int) -> bool:
    """The header cells right before paras[i] hold a table's first ones (「支出先」「法人番号」)."""
    k = i - 1
    while k >= 0 and _is_header(paras[k], False):
        if paras[k].text.startswith(_FIRST_COLUMNS):
            return True
        k -= 1
    return False


def _join_method(lines: list[str]) -> str | None:
    """契約方式等 over its lines: the space before its kind's bracket kept (「一般競争契約 (総合評価)」), the others
    pdftotext's (a wrapped line run on: 「随意契約 (その 他)」, 「(少額 )」) dropped."""
    t = _join(lines)
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f(])", "", t) if t else None


def _block_end(paras: list[Para], i: int, rows: list[PayeeRow], loose: frozenset[int] | set[int] = frozenset()) \
        -> int | None:
    """The paragraph after the block whose rows end at paras[i]: past small cells and header pieces, and past the
    block's 計 row (「計」 and its amount, in any order with the pieces of a 法人番号 the tool wrote apart, or the
    next block's letter between them) when the 計 adds up: the rows' amounts, all read, sum to it (the last row's
    amount may end its 業務概要 written between the 「計」 and its amount, when the row lacks both: whose they are,
    _summed_amounts says). None: a 計 that does not add up (or whose rows' amounts are not all read) — the rows are
    not claimed."""
    n = len(paras)
    j = i
    while j < n and (_is_small(paras[j]) or _is_header(paras[j], False)):
        j += 1
    k = j
    total: list[str] = []
    seen = False
    late = None  # the amount ending the last row's 業務概要 written after the 計 (the row lacking both)
    last = rows[-1].cells if rows else {}
    tails = 0  # the 契約方式等 passed after the 計
    untailed = sum(r.cells.get("contract_method") is None for r in rows)
    while k < n:
        t = paras[k].text
        if t == "計" and not seen:
            seen = True
        elif seen and not total and late is None and last.get("amount") is None and last.get("description") is None \
                and _nameish(paras[k]) and _corp_pieces(paras[k][0]) is None and \
                (late := _number(_split_amount(paras[k])[1])) is not None:
            pass  # (「計」 then 「研修の企画運営 0」 then the 計's amount: the row's cells, the sum says, below)
        elif seen and _LETTER.match(t) and paras[k - 1].text == "計":  # the next block's letter written before
            pass  # the 計's amount
        elif seen and (not total or len(total) == 1 and last.get("amount") is None) and _CONTRACT.match(t):
            pass  # the last row's 契約方式等 written after the 計 (its 入札者数 and 落札率 with it, small cells), before the
            # 計's amount (or after the last row's amount written there): whose it is stays unknown
            tails += 1
        elif seen and tails and tails < untailed and _CONTRACT.match(t):
            # (more rows' 契約方式等 written there, each with its small cells — 「計」「-」「一般競争契約 (最低価格)」「2」
            # 「61.6%」「一般競争契約 (総合評価)」「4」「46%」 … 「1,234」 — no more than the rows lacking one: whose they
            # are stays unknown, and their small cells are no 計)
            tails += 1
            while k + 1 < n and _is_small(paras[k + 1]):
                k += 1
        elif _AMOUNT.match(t) and not _is_small(paras[k]) or _DIGITS.match(t):
            total.append(t)
        elif not (_is_small(paras[k]) or _is_header(paras[k], False)):
            break
        k += 1
    if not seen:  # (no 計: an amount that may be an 入札者数 is not established — unknown, its row's own dict)
        for r in rows:
            if isinstance(r.cells.get("amount"), _Doubted):
                r.cells["amount"] = ""
        return j
    amounts = [_number(r.cells.get("amount")) for r in rows]
    if late is not None:
        amounts[-1] = late
    if rows and None in amounts and all(a is not None or r.line in loose for r, a in zip(rows, amounts, strict=True)):
        # (rows whose amounts are unknown because a row's cells were written elsewhere: the 計 is the amounts read
        # and, the form ranking its payees by amount, for each row unread one between the amounts read above and
        # below it — the rows' own amounts: an amount written after the 「計」 may be any unread row's, not the last's)
        read = [_number(r.cells.get("amount")) for r in rows]
        known = sum(a for a in read if a is not None)
        least, most = _unread_bounds(read)
        return k if any((v := _number(t)) is not None and least - 1e-6 <= v - known <= most + 1e-6 for t in total) \
            else None
    if rows and amounts[-1] is None and None not in amounts[:-1]:
        # (the last row's amount written after the 「計」 with the 計's own: 「計」「0.2」 … 「4.3」 — one figure there
        # and the amounts read add up to another, the figure not above the row before's; a block of one row prints
        # its amount twice: 「計」「4,305」「随意契約 (その他)」「-」「4,305」)
        known, figures = sum(amounts[:-1]), [v for t in total if (v := _number(t)) is not None]
        return k if any((len(rows) == 1 or a <= amounts[-2] + 1e-6) and abs(known + a - t) < 1e-6
                        for x, a in enumerate(figures) for t in figures[x + 1:]) else None
    if rows and None in amounts[:-1] and any(a is not None for a in amounts):
        # (a row above the last whose amount the tool wrote elsewhere — before the block's letter, in the block
        # before's stretch: 「D」 … 「株式会社ソフトバンク」 「455」 「計」 「1,154」, D1's 699 written among C's cells —
        # the block stands as one with no 計 would, the 計 being the amounts read and, the form ranking its payees by
        # amount, for each row unread one between the amounts read above and below it; those amounts stay unknown)
        known = sum(a for a in amounts if a is not None)
        least, most = _unread_bounds(amounts)
        return k if any((v := _number(t)) is not None and least - 1e-6 <= v - known <= most + 1e-6 for t in total) \
            else None
    if not rows or None in amounts:
        return None
    want = sum(amounts)
    if not any((v := _number(t)) is not None and abs(v - want) < 1e-6 for t in total):
        return None
    return k


def _unread_bounds(amounts: list[float | None]) -> tuple[float, float]:
    """The least and the most the unknown amounts of a block's rows (None, in rank order) can add up to: each lies
    between the amount read nearest below it (or 0) and the one nearest above it (or no bound) — the form ranks
    its payees by amount."""
    least = most = 0.0
    for j, a in enumerate(amounts):
        if a is None:
            least += next((b for b in amounts[j + 1:] if b is not None), 0.0)
            most += next((b for b in reversed(amounts[:j]) if b is not None), float("inf"))
    return least, most


def _past_header(paras: list[Para], k: int) -> int:
    """The index past the header cells from paras[k] on (``k`` when there are none)."""
    while k < len(paras) and _is_header(paras[k], False):
        k += 1
    return k


def _ranked(paras: list[Para], i: int, letter: str, loose: set[int] | None = None, early: bool = False,
            notes: list | None = None, stacked: list | None = None, first: PayeeRow | None = None) \
        -> tuple[list[PayeeRow], int]:
    """The rows ranked 1, 2, ... from paras[i] (its rank 「1」) up to the first number that does not start a row (a small cell that reads like the next rank, or a
    row unread: the block stands only if what follows is small cells up to its end), and the index after them.
    With ``loose`` (a set it fills with their lines), a rank followed by a name cell alone (its other cells
    written elsewhere) is a row of that name, and the row after it loses the cells that may be that row's
    (_after) — but for rank 1 when ``early``: its 業務概要 and amount were written before its rank. ``first``: rank
    1's row read elsewhere (_late_first), paras[i] being the rank 「2」."""
    rows: list[PayeeRow] = [first] if first is not None else []
    late = False  # the rows' tails were written after them, in a run: the tails from there on are unknown
    nulled: set[int] = set()  # the ranks whose amount the row before's unread amount left unknown (no further down:
    # else one amount unread would leave every amount after it in the block unknown)
    while True:
        k = i
        while k < len(paras) and rows and set(paras[k].text) <= set("-－― "):  # a row's empty cells left over
            k += 1
        if rows and (h := _past_header(paras, k)) > k and h < len(paras) and paras[h].text == str(len(rows) + 1):
            k = h  # (header cells the tool wrote between two rows — a page's, the form's header row repeated — and
            # then the next rank: the rows go on)
        if rows and k < len(paras) and paras[k].text != str(len(rows) + 1):
            k = _past_strays(paras, k, rows)
        if rows and k < len(paras) and paras[k].text != str(len(rows) + 1) and \
                (t := _past_tails_run(paras, k, rows)) > k:
            k, late = t, True
        if k >= len(paras) or paras[k].text != str(len(rows) + 1):
            return rows, i
        cells, after = _read_row(paras, k + 1, len(rows) + 1)
        if cells is None and stacked is not None and (got := _stacked_ranks(paras, k, rows, letter)):
            stacked.append(paras[k][1])  # (``stacked`` gets the line of each rank read so)
            rows += got[0]
            i = got[1]
            continue
        if cells is None and loose is not None:
            cells, after = _read_row(paras, k + 1, len(rows) + 1, bare=True)
            if cells is not None and cells["name"] is None:
                cells = None
            if cells is not None:
                loose.add(paras[k][1])
        if cells is None:
            return rows, i
        if loose is not None and rows and rows[-1].line in loose and not (early and len(rows) == 1):
            j = k + 1
            while j < len(paras) and _is_header(paras[j], False):
                j += 1
            cells = _after(cells, rows[-1].cells, j < len(paras) and _named_corp(paras[j]))
            if cells["amount"] is None:
                loose.add(paras[k][1])
        if _tail_unsure(paras, k, after, rows, cells):
            # more small cells after the 契約方式 than one row's tail (two dashes left over), or header cells right
            # before it (the tool wrote a row's tail after a page's header), or the one tail of the block's rest while
            # the row before has none at all (_tail_late), the row before's tail unread: the method and the small
            # cells after it may be the row before's, written after this row's
            cells = {**cells, "contract_method": None, "bidders": None, "award_rate": None}
            if notes is not None:
                notes.append((paras[k][1], f"支出先上位10者リスト: block {letter} rank {len(rows) + 1}: its 契約方式等 "
                                           "stands before more small cells than one row's, after header cells or as "
                                           "the only tail left for it and the row before, the row before's unread: "
                                           "whose it is is unknown"))
        if late:
            cells = {**cells, "contract_method": None, "bidders": None, "award_rate": None}
        if rows and rows[-1].cells["amount"] is None and rows[-1].rank not in nulled and cells["amount"] is not None \
                and any(paras[j].text == cells["amount"] for j in range(k + 1, after)):
            nulled.add(len(rows) + 1)
            cells = {**cells, "amount": None}  # (the row before's amount unread, a number alone after this row's
            # cells may be that row's written late — 「2」「オリエンタル…」「7146694238 ガイドラ…」「3」「(株)伊藤忠…」
            # 「定期刊行物…」「0.1」 then row 3's 「0」 after row 2's tail: unknown, unless the block's 計 places it)
        rows.append(PayeeRow(letter, len(rows) + 1, cells, paras[k][1], False))
        i = after


def _past_tails_run(paras: list[Para], k: int, rows: list[PayeeRow]) -> int:
    """The index of the next rank past a run of rows' tails written after them (from paras[k]: 契約方式等 cells, at
    least one and no more than the rows read, small cells and header cells), when no row read so far has a tail
    (契約方式等, 入札者数 or 落札率) and the next rank is rank + 1 followed by a name: 「5」 … 「0.3」「契約方式等」「-」「--」
    「一般競争契約 (総合評価)」「4」「45.4%」 … 「6」. Which row's each tail is, the text does not say: ``k`` itself
    when the text is not so."""
    n = len(paras)
    if any(r.cells[c] is not None for r in rows for c in ("contract_method", "bidders", "award_rate")):
        return k
    j, rank = k, str(len(rows) + 1)
    while j < n and paras[j].text != rank and (_is_small(paras[j]) or _is_header(paras[j], False)
                                               or _CONTRACT.match(paras[j].text)):
        j += 1
    methods = sum(1 for p in paras[k:j] if _CONTRACT.match(p.text))
    if not 1 <= methods <= len(rows) or j >= n or paras[j].text != rank:
        return k
    m = j + 1
    while m < n and _is_header(paras[m], False):
        m += 1
    return j if m < n and _nameish(paras[m]) else k


def _stacked_ranks(paras: list[Para], k: int, rows: list[PayeeRow], letter: str) \
        -> tuple[list[PayeeRow], int] | None:
    """The rows from the rank at paras[k] (r) when the tool wrote the next ranks r+1 .. m right after row r's name,
    before row r's other cells (「2」「合同会社TKC」「3」「73999626 データ整備 2.8」 … then row 3's name and cells
    with no rank before them; or 「3」「4」 stacked so): row r is its name with the cells after the stacked ranks
    (they hold no name: no name piece beside the 法人番号, or its 業務概要 and amount alone), and rows r+1 .. m are
    the rows that follow with a name and no rank, in order, as many as the ranks stacked — each row reading
    whole (a 法人番号 or 業務概要, and an amount), the amounts not rising down the ranks (the form ranks its payees
    by amount), the last row followed by rank m+1 or by no rank at all. Returns (the rows, the index after them);
    None when the text is not so."""
    n, r = len(paras), len(rows) + 1
    j = k + 1
    while j < n and _is_header(paras[j], False):
        j += 1
    if j >= n or not _nameish(paras[j]) or _corp_pieces(paras[j][0]) is not None \
            or _split_amount(paras[j])[1] is not None:
        return None
    name, m = j, r
    while j + 1 < n and paras[j + 1].text == str(m + 1):
        j, m = j + 1, m + 1
    f = j + 1  # (row r's first cell after the stacked ranks, past header cells the tool wrote between: 「1」
    while f < n and _is_header(paras[f], False):  # 「ぎょうせい(株)」「2」「支出先」 … 「5904550885 機器の賃」)
        f += 1
    first = paras[f] if f < n else None
    whole = first is not None and _whole_number(first.text)  # (the 法人番号 a cell of its own)
    if m == r or first is None or not whole and (not _nameish(first) or _DIGITS.match(first.text)):
        return None
    if (got := _corp_para(first, True)) is not None and (got["named"] or got["unsure"]):
        return None  # (a name piece beside the 法人番号: the row after, not row r's cells)
    virtual = [paras[name], *paras[j + 1:]]
    cells, after = _row(virtual, 0, r, False)
    if cells is None or cells["amount"] is None or cells["name"] is None:
        return None
    out = [PayeeRow(letter, r, cells, paras[k][1], False)]
    at = j + after  # (virtual[x] is paras[j + x] for x >= 1)
    for rank in range(r + 1, m + 1):
        if at >= n or not _nameish(paras[at]) or _DIGITS.match(paras[at].text):
            return None
        cells, nxt = _row(paras, at, rank, False)
        if cells is None or cells["name"] is None or cells["amount"] is None:
            return None
        out.append(PayeeRow(letter, rank, cells, paras[at][1], False))
        at = nxt
    amounts = [_number(x.cells["amount"]) for x in [*rows[-1:], *out]]
    if None in amounts or any(a < b for a, b in zip(amounts, amounts[1:], strict=False)):
        return None
    if at < n and _DIGITS.match(paras[at].text) and paras[at].text != str(m + 1):
        return None
    return out, at


def _whole_number(t: str) -> bool:
    """``t`` is a 法人番号 printed whole: 13 digits whose check digit holds."""
    return len(t) == 13 and bool(_DIGITS.match(t)) and validate_houjin(t).number is not None


def _tail_unsure(paras: list[Para], k: int, after: int, rows: list[PayeeRow], cells: dict) -> bool:
    """The 契約方式等 of the row ranked at paras[k] (its cells ``cells``, read up to ``after``) may be the row before's
    (the last of ``rows``), whose tail is unread: more small cells after it than one row's (two dashes left over),
    header cells right before it (_after_header_cells), or the one tail of the block's rest (_tail_late)."""
    return bool(rows) and rows[-1].cells["contract_method"] is None and cells["contract_method"] is not None \
        and (all(j < len(paras) and set(paras[j].text) <= set("-－― ") for j in (after, after + 1))
             or _after_header_cells(paras, k, after) or _tail_late(paras, k, after, rows[-1].cells))


def _tail_late(paras: list[Para], k: int, after: int, before: dict) -> bool:
    """The row before the rank at paras[k] has no tail at all — no 契約方式等, 入札者数 or 落札率 read, not even a
    dash: its 業務概要 or amount runs straight into this rank — and no 契約方式等 stands after this row's (read up to
    ``after``) in the rest of the block: one tail for two rows lacking theirs, the tool writing a row's tail late
    (「エアクレーレン 515071093 ガイドラインの 110」「2」「有限会社OCS」「339010971 セキュリティ説 70」「一般競争契 5」
    and the section's end: row 1's method, written after row 2's cells, row 2 having none) — whose it is is unknown."""
    if k == 0 or before["bidders"] is not None or before["award_rate"] is not None \
            or _is_small(paras[k - 1]) and paras[k - 1].text != before["amount"] \
            or _CONTRACT.match(paras[k - 1].text) or _is_header(paras[k - 1], False):  # (the amount 「172」 is the
        return False  # row's, not a small cell of a tail)
    for p in paras[after:]:
        t = p.text
        if _LETTER.match(t):
            return True
        if _CONTRACT.match(t):
            return False
    return True


def _after_header_cells(paras: list[Para], k: int, after: int) -> bool:
    """The 契約方式等 of the row whose rank is paras[k] (read up to ``after``) stands right after header cells."""
    m = next((j for j in range(after - 1, k, -1) if _CONTRACT.match(paras[j].text)), None)
    return m is not None and _is_header(paras[m - 1], False)


_STRAY_ROOM = 4  # the most cells written apart passed over between two rows


def _strays_end(paras: list[Para], k: int, rows: list[PayeeRow]) -> int:
    """The index after the cells written apart from their rows from paras[k] on (up to ``_STRAY_ROOM`` of them,
    and dashes): a 法人番号 with the 業務概要 beside it (no name piece before the number), a 業務概要 alone, an
    amount alone, a 業務概要 ending its first line with the amount, each of a kind some row read so far lacks (for
    a 業務概要 with its amount, one row lacking both). ``k`` when none comes first."""
    n = len(paras)
    lacking = {c for r in rows for c in ("corporate_number", "description", "amount") if r.cells[c] is None}
    both = any(r.cells["description"] is None and r.cells["amount"] is None for r in rows)
    j = end = k
    seen = 0
    while j < n and seen < _STRAY_ROOM:
        t = paras[j].text
        if set(t) <= set("-－― "):
            j += 1
            continue
        found = _corp_pieces(paras[j][0])
        if found is not None:
            ok = found[1][0] == 0 and "corporate_number" in lacking
        elif _AMOUNT.match(t):
            ok = not _is_small(paras[j]) and "amount" in lacking
        elif _nameish(paras[j]) and not any(_DIGITS.match(w) for w in _split_amount(paras[j])[0][0].split(" ")):
            amount = _split_amount(paras[j])[1]
            ok = both if amount is not None else "description" in lacking
            ok = ok and not any(_DIGITS.match(w) for ln in paras[j][0][1:] for w in ln.split(" "))
        else:
            ok = False
        if not ok:
            break
        seen += 1
        j += 1
        end = j
    return end if seen else k


def _past_strays(paras: list[Para], k: int, rows: list[PayeeRow]) -> int:
    """The index of the next rank past cells written apart from their rows (from paras[k]; _strays_end: the tool
    wrote an earlier row's cells late: 「9」「個人(I)」「27」「随意契約 (少額)」 then row 3's 「527280985 タイムスタンプ認定」
    「4204」 … and 「10」), the next rank being rank + 1 followed by a name. Those cells stay unknown: which row's
    they are the text does not say. ``k`` itself when anything else comes first (a letter, a header, a number
    that is not the next rank, a name with its 法人番号)."""
    n = len(paras)
    j = _strays_end(paras, k, rows)
    while j < n and (set(paras[j].text) <= set("-－― ") or j > k and _is_header(paras[j], False)):
        j += 1  # (and header cells, as after a row's cells)
    if j == k or j >= n or paras[j].text != str(len(rows) + 1):
        return k
    m = j + 1
    while m < n and _is_header(paras[m], False):
        m += 1
    return j if m < n and _nameish(paras[m]) else k


def _rows_before(paras: list[Para], lo: int, at: int, letter: str) -> list[PayeeRow]:
    """The rows of the block whose letter is paras[at], written before it: from a rank 「1」 after header cells, the
    paragraphs between lo (the end of the block before) and it holding no row cell, ranked rows ending at the
    letter (past small and header cells)."""
    s = lo
    while s < at and (_is_header(paras[s], False) or _is_small(paras[s]) or _LETTER.match(paras[s].text)) \
            and not (paras[s].text == "1" and s > 0 and _is_header(paras[s - 1], False)):
        s += 1
    if s >= at or paras[s].text != "1":
        return []
    rows, e = _ranked(paras, s, letter)
    return rows if rows and _block_end(paras, e, rows) == at else []


def _cut_short(paras: list[Para], i: int, rows: list[PayeeRow]) -> bool:
    """The rows before a row that does not read (its rank at paras[i] and its name after it, its other cells
    written elsewhere) stand when each reads whole — an amount and a 法人番号 or 業務概要 — and the amounts do
    not rise down the list (the form ranks its payees by amount): the rank column runs with the rows up to there,
    and the rows from the unread one on are unknown."""
    if not rows or i >= len(paras) or paras[i].text != str(len(rows) + 1):
        return False
    k = i + 1
    while k < len(paras) and _is_header(paras[k], False):
        k += 1
    if k >= len(paras) or not _nameish(paras[k]):
        return False
    amounts = [_number(r.cells.get("amount")) for r in rows]
    return None not in amounts and all(a >= b for a, b in zip(amounts, amounts[1:], strict=False)) and all(
        r.cells.get("corporate_number") or r.cells.get("description") for r in rows)


def _opens_other(paras: list[Para], i: int) -> bool:
    """The rows read up to paras[i], their block's end not in sight (no later letter, 計 or next table's start),
    are followed — past small cells and header cells — by a cell that opens a row: a text cell holding no digit (a
    name, or a 業務概要 the tool wrote apart) or a row reading whole with no rank before it (a name, its amount,
    a 法人番号 or 業務概要: another table's row, or one of this block's whose rank stands elsewhere). Never by a cell
    of a row's body that may be the rows' own written late (a 法人番号, an amount, a 契約方式等, a text holding a
    figure, the 計: the tool shifted the rows' cells, and the cells read may be the row before's): then the rows
    read keep their cells and the rows ranked after them, if any, are unknown."""
    n, k = len(paras), i
    while k < n and (_is_small(paras[k]) or _is_header(paras[k], False)):
        k += 1
    if k >= n or not _nameish(paras[k]) or k == i > 0 and _text_alone(paras[i - 1]):
        return False  # (two text cells in a row: pdfminer.six may write the rows' 業務概要 as a column after them)
    if not any(c.isdigit() for c in paras[k].text):
        return True
    cells, _ = _read_row(paras, k, 0)
    return cells is not None and cells["name"] is not None and _number(cells["amount"]) is not None \
        and bool(cells["corporate_number"] or cells["description"])


def _bodies_read(rows: list[PayeeRow]) -> bool:
    """Every row but the last read its amount or its 業務概要 (a row of a name and 法人番号 alone has its body written
    elsewhere — pdfminer.six may write the rows' 業務概要 as a column after them — and the next row's may be its),
    and the amounts read do not rise down the ranks (the form ranks a block's payees by amount)."""
    amounts = [a for r in rows if (a := _number(r.cells["amount"])) is not None]
    return all(r.cells["amount"] is not None or r.cells["description"] is not None for r in rows[:-1]) \
        and all(a >= b for a, b in zip(amounts, amounts[1:], strict=False))


def _text_alone(p: Para) -> bool:
    """A text cell holding no 法人番号 nor amount (a name or a 業務概要 alone)."""
    return _nameish(p) and _corp_pieces(p[0]) is None and _split_amount(p)[1] is None


def _tails_doubted(rows: list[PayeeRow]) -> list[PayeeRow]:
    """``rows`` with the 契約方式等, 入札者数 and 落札率 of a row after one that read no 契約方式等 unknown: that row's,
    written late, may be the one read (as _rank_runs doubts them; the block's end, which would say every tail is
    in place, is not in sight)."""
    out = rows[:1]
    for before, r in zip(rows, rows[1:], strict=False):
        if before.cells["contract_method"] is None and r.cells["contract_method"] is not None:
            r = r._replace(cells={**r.cells, "contract_method": None, "bidders": None, "award_rate": None})
        out.append(r)
    return out


def _totalled(paras: list[Para], i: int, j: int) -> bool:
    """paras[i:j], past a block's rows, hold its 計 row (which _block_end has checked adds up to the rows'
    amounts): the rows are the block's, all of them, whatever cells the tool wrote after it."""
    return any(p.text == "計" for p in paras[i:j])


def _ends(paras: list[Para], i: int, j: int, letter: str) -> bool:
    """The block whose rows end at paras[i] ends at j: the section's end, a later letter, the next block's start."""
    m = _LETTER.match(paras[j].text) if j < len(paras) else None
    return j == len(paras) or bool(m and m[1] > letter) or _next_block(paras, i, j)


def _table_unlettered(paras: list[Para], i: int, j: int, letter: str) -> bool:
    """paras[i:j] (past a block's rows, up to its end ``j``) hold its 計 and then a table's header cells, and a row's
    name stands at j, and no later block's letter stands after the 計: a table no letter of the section's is left
    for (a later letter may be written apart from its table: 「B」 after block B's rows, 「L.」 before K's 計 figure)."""
    at = next((k for k in range(i, j) if paras[k].text == "計"), None)
    return at is not None and j < len(paras) and _nameish(paras[j]) \
        and any(_is_header(paras[k], False) for k in range(at + 1, j)) \
        and not any((m := _LETTER.match(p.text)) and m[1] > letter for p in paras[at:])


def _past_tails(paras: list[Para], i: int) -> int:
    """The paragraph after paras[i:] small cells, header cells and 契約方式等 cells (a row's last cells written
    after the block's rows)."""
    while i < len(paras) and (_is_small(paras[i]) or _is_header(paras[i], False) or _CONTRACT.match(paras[i].text)):
        i += 1
    return i


def _next_table(paras: list[Para], i: int, j: int, rows: list[PayeeRow]) -> bool:
    """paras[i:j] (small cells and header cells after a block's rows), or the header cells right before paras[i],
    hold a table's first header cells (「支出先」),
    and the row at j (a name, no rank before it) reads whole with an amount above the block's last row's, the
    rows' amounts all read and falling: the form ranks a block's payees by amount, so that row is not the block's
    next one but another table's (its rank written apart) — the block ends at its header cells."""
    h = i
    while h > 0 and _is_header(paras[h - 1], False):
        h -= 1
    if j >= len(paras) or not _nameish(paras[j]) or not any(p.text.startswith(_FIRST_COLUMNS[0]) for p in paras[h:j]):
        return False
    amounts = [_number(r.cells.get("amount")) for r in rows]
    if None in amounts or any(a < b for a, b in zip(amounts, amounts[1:], strict=False)):
        return False
    cells, _ = _read_row(paras, j, 0)
    above = _number(cells["amount"]) if cells is not None and cells["name"] is not None else None
    return above is not None and above > amounts[-1]


def _late_first(paras: list[Para], i: int) -> tuple[dict, int, int, int] | None:
    """paras[i:] (past a block's rows; or the header cells right before paras[i]) hold a table's first header
    cells (「支出先」), then a row with no rank
    before it that reads whole (name, amount, 法人番号 or 業務概要), then past small cells a block letter and its rank
    「1」 with no cells after it but small and header cells up to the rank 「2」, whose row reads with an amount not
    above the first's (the form ranks a block's payees by amount): the tool wrote the block's letter and first rank
    after its first row (「ぎょうせい株式会社」「7490886507358」 … 「943」「随意契約 (その他) -」「-」「C」「1」「--」
    「2」「日立システムズ(株)」). Returns (that row's cells, its index, the letter's, the 「2」's) or None; the row's
    入札者数 and 落札率 unknown when a small cell left between it and the 「2」 holds a figure (whose it is, the
    text does not say)."""
    n, k, h = len(paras), i, i
    while h > 0 and _is_header(paras[h - 1], False):  # (the header cells a row's reading passed over)
        h -= 1
    while k < n and (_is_small(paras[k]) or _is_header(paras[k], False)):
        k += 1
    if k >= n or not any(p.text.startswith(_FIRST_COLUMNS[0]) for p in paras[h:k]) or not _nameish(paras[k]):
        return None
    cells, e = _read_row(paras, k, 1)
    if cells is None or not cells["name"] or _number(cells["amount"]) is None or \
            not (cells["corporate_number"] or cells["description"]):
        return None
    a = e
    while a < n and _is_small(paras[a]):
        a += 1
    if a + 1 >= n or not _LETTER.match(paras[a].text) or paras[a + 1].text != "1":
        return None
    q = a + 2
    while q < n and (_is_small(paras[q]) or _is_header(paras[q], False)) and paras[q].text != "2":
        q += 1
    if q >= n or paras[q].text != "2":
        return None
    second, _ = _read_row(paras, q + 1, 2)
    if second is None or (v := _number(second["amount"])) is None or v > _number(cells["amount"]):
        return None
    if any(re.search(r"\d", p.text) for p in paras[e:a] + paras[a + 2:q]):
        cells = {**cells, "bidders": None, "award_rate": None}
    return cells, k, a, q


def _late_next(paras: list[Para], i: int, letter: str) -> bool:
    """The block whose rows end at paras[i] is followed by the next table's first row with that table's letter
    (later than ``letter``) and rank written after it (_late_first): the block ends there."""
    late = _late_first(paras, i)
    return late is not None and _LETTER.match(paras[late[2]].text)[1] > letter


def _next_block(paras: list[Para], i: int, j: int) -> bool:
    """paras[i:j] (small cells and header cells after a block's rows; the header cells right after the last row
    are before i) end with the next block's start: header cells (the form writes them at the top of each block
    only), then its rank 「1」, then a row's name at j."""
    return i < j < len(paras) and j >= 2 and paras[j - 1].text == "1" and _is_header(paras[j - 2], False) \
        and _nameish(paras[j])


@lru_cache(maxsize=4096)
def _number(t: str | None) -> float | None:
    p = parse_number(t)
    return None if t is None or p.error or p.value is None else float(p.value)


def _read_segment(seg: list[Para], letter: str) -> tuple[list[PayeeRow], bool, list[str]] | None:
    """The rows of one block whose cells lie between its header cells and the next block's: (rows, whether its
    ranks are read elsewhere, the letters and numbers the tool wrote before and after its rows); None when the
    paragraphs do not read as its rows, whole."""
    i = 0
    stray: list[str] = []
    while i < len(seg) and (_LETTER.match(seg[i].text) or _is_small(seg[i])) and seg[i].text != "1":
        stray.append(seg[i].text)
        i += 1
    if stray and _LETTER.match(stray[-1]) and _LETTER.match(stray[-1])[1] != letter:
        return None
    rows: list[PayeeRow] = []
    rankless = i < len(seg) and _nameish(seg[i])
    if rankless:  # its rank written elsewhere: the block's first row
        line = seg[i][1]
        cells, i = _read_row(seg, i, 1)
        if cells is None:
            return None
        rows.append(PayeeRow(letter, 1, cells, line, False))
    while True:
        while i < len(seg) and rows and set(seg[i].text) <= set("-－― "):  # a row's empty cells left over
            i += 1
        if rows and i < len(seg) and seg[i].text != str(len(rows) + 1):
            j = _next_rank_past(seg, i, len(rows) + 1)
            stray += [p.text for p in seg[i:j] if not _is_header(p, False)]
            i = j
        if i >= len(seg) or seg[i].text != str(len(rows) + 1):
            break
        line, k = seg[i][1], i
        cells, i = _read_row(seg, i + 1, len(rows) + 1)
        if cells is None:
            return None
        if _tail_unsure(seg, k, i, rows, cells):  # (as _ranked reads it: whose tail it is, unknown)
            cells = {**cells, "contract_method": None, "bidders": None, "award_rate": None}
        rows.append(PayeeRow(letter, len(rows) + 1, cells, line, False))
    j = _block_end(seg, i, rows) if rows else None
    late = any(r.cells["amount"] is None for r in rows)  # (an amount written after the rows: a row's that lacks one,
    # which row's the text does not say)
    if j is None or not all(_LETTER.match(p.text) or _is_small(p) or _is_header(p, False)
                            or late and _AMOUNT.match(p.text) for p in seg[j:]):
        return None
    return rows, rankless, stray + [p.text for p in seg[i:] if _is_small(p) or _LETTER.match(p.text)]


def _next_rank_past(seg: list[Para], i: int, rank: int) -> int:
    """The index of the block's next ``rank`` (a name after it) past what the tool wrote between two of its rows
    from seg[i] on: header cells written late (the form's header row runs on a page: its last cell after the page
    break), dashes and rates of a row's tail, letters and rank 「1」s written apart from their blocks (which the
    caller counts against the blocks whose first rank is apart); ``i`` when anything else comes first or no such
    rank follows."""
    j = i
    while j < len(seg) and (_is_header(seg[j], False) or set(t := seg[j].text) <= set("-－― ")
                            or re.fullmatch(r"\d{1,3}(?:\.\d+)?%", t) or _LETTER.match(t) or t == "1"):
        j += 1
    k = j + 1
    while k < len(seg) and _is_header(seg[k], False):
        k += 1
    return j if j < len(seg) and seg[j].text == str(rank) and k < len(seg) and _nameish(seg[k]) else i


def _runs_going_on(paras: list[Para], runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``runs`` ((first header cell, first cell after them, end) of each run of header cells and the cells after
    it) with each run that goes on the block before joined to it: its header cells hold no table's first ones
    (「支出先」「法人番号」: the header row's other cells, written after a page break) and its cells start, past
    dashes, rates and letters, with a rank above 1 followed by a name — no block starts at rank 2."""
    out: list[tuple[int, int, int]] = []
    for h, a, b in runs:
        j = a
        while j < b and (set(t := paras[j].text) <= set("-－― ") or _LETTER.match(t)
                         or re.fullmatch(r"\d{1,3}(?:\.\d+)?%", t)):
            j += 1
        if out and j + 1 < b and _DIGITS.match(t := paras[j].text) and 2 <= int(t) <= 10 \
                and _nameish(paras[j + 1]) and not any(p.text.startswith(_FIRST_COLUMNS) for p in paras[h:a]):
            out[-1] = (out[-1][0], out[-1][1], b)
        else:
            out.append((h, a, b))
    return out


def _header_runs(paras: list[Para]) -> tuple[list[str], list[tuple[int, int]]] | None:
    """The section's letters (each written once, A, B, C, ... in order) and its runs of cells after header cells
    ((first, end) of each, a run going on the block before joined to it: _runs_going_on); None when the letters do
    not run so, there are no runs or a name comes before the first."""
    n = len(paras)
    letters = [m[1] for p in paras if (m := _LETTER.match(p.text))]
    if not letters or letters != [chr(ord("A") + k) for k in range(len(letters))]:
        return None
    heads: list[tuple[int, int, int]] = []  # (first header cell, first, end) of the paragraphs after each run of
    k = 0  # header cells
    while k < n:
        if _is_header(paras[k], False):
            h = k
            while k < n and _is_header(paras[k], False):
                k += 1
            heads.append((h, k, k))
        else:
            if heads:
                heads[-1] = (*heads[-1][:2], k + 1)
            k += 1
    runs = [(a, b) for _, a, b in _runs_going_on(paras, heads)]
    if not runs or any(_nameish(p) for p in paras[:runs[0][0]]):
        return None
    return letters, runs


def _with_header_runs(paras: list[Para], out: list[PayeeRow],
                      found: tuple[list[str], list[tuple[int, int]]] | None) -> list[PayeeRow]:
    """``out`` and the rows of blocks placed by counting: the real form writes its header cells once per block,
    so when the text's runs of header cells followed by row cells (``found``: _header_runs) are as many as the
    section's letters, the k-th such run of cells is the k-th block's. A block's cells are read
    as ranks 1, 2, ... with their rows, or (its rank written elsewhere) as one row; the numbers written apart from
    the rows must then be those blocks' rank 「1」s, each block read whole, and the blocks read in the form's order
    the same ones. Anything else: ``out`` alone."""
    if found is None:
        return out
    letters, runs = found
    stray = [p.text for p in paras[:runs[0][0]] if not (_LETTER.match(p.text) or _is_header(p, True))]
    blocks = [r for r in runs if any(_nameish(p) for p in paras[r[0]:r[1]])]
    stray += [p.text for r in runs if r not in blocks for p in paras[r[0]:r[1]] if not _LETTER.match(p.text)]
    if len(blocks) != len(letters):
        return out
    got: list[PayeeRow] = []
    rankless = 0
    for (a, b), letter in zip(blocks, letters, strict=True):
        read = _segment(paras, a, b, letter)
        if read is None:
            return out
        got += read[0]
        rankless += read[1]
        stray += [t for t in read[2] if not _LETTER.match(t)]
    if sorted(t for t in stray if not _no_rank(t)) != ["1"] * rankless:  # (a rate written apart is no rank)
        return out
    return got if _agrees(out, got) else out


def _segment(paras: list[Para], a: int, b: int, letter: str) -> tuple[list[PayeeRow], bool, list[str]] | None:
    """_read_segment of paras[a:b], read once per section (_ROWS): _with_header_runs and _with_opened_blocks read the
    same runs of cells when they are as many as the letters."""
    memo = _ROWS.get()
    if memo is None or memo[0] is not paras:
        return _read_segment(paras[a:b], letter)
    key = ("segment", a, b, letter)
    if key not in memo[1]:
        memo[1][key] = _read_segment(paras[a:b], letter)
    return memo[1][key]


def _no_rank(t: str) -> bool:
    """A cell written apart that is no rank: a dash or a rate."""
    return t in ("-", "－", "―", "--") or bool(re.fullmatch(r"\d{1,3}(?:\.\d+)?%", t))


def _openings(paras: list[Para], runs: list[tuple[int, int]]) -> list[int]:
    """The indices of the rank 「1」s that open a block, each followed (past header cells) by a name: the first
    cell of a run of cells after header cells (past dashes, rates and letters), or a 「1」 whose paragraph before
    (past header cells) is a letter — the tool wrote the block's letter and rank, then the header row or the row."""
    n = len(paras)
    firsts = set()
    for a, b in runs:
        while a < b and (set(t := paras[a].text) <= set("-－― ") or _LETTER.match(t)
                         or re.fullmatch(r"\d{1,3}(?:\.\d+)?%", t)):
            a += 1
        firsts.add(a)
    out = []
    for j in range(n):
        if paras[j].text != "1":
            continue
        k = j + 1
        while k < n and _is_header(paras[k], False):
            k += 1
        g = j - 1
        while g >= 0 and _is_header(paras[g], False):
            g -= 1
        if k < n and _nameish(paras[k]) and (j in firsts or g >= 0 and _LETTER.match(paras[g].text)):
            out.append(j)
    return out


def _opened_blocks(paras: list[Para], runs: list[tuple[int, int]], n: int) -> list[tuple[int, int]] | None:
    """The ``n`` blocks' cells ((first, end) each) when the text's runs of header cells are more than its ``n``
    letters but exactly ``n`` rank 「1」s open a block (_openings), no name before the first: every block starts at
    rank 1, so each of those opens a block and the cells after it up to the next (a page break's header cells
    repeated among the block's rows, the columns after the names written after them) are its. None when the
    openings are not ``n``, or a name comes before the first (a block whose rank is written apart: which runs
    are whose, the count does not tell)."""
    opens = _openings(paras, runs)
    if len(opens) != n or any(_nameish(p) for p in paras[:opens[0]]):
        return None
    return list(zip(opens, [*opens[1:], runs[-1][1]], strict=True))


def _with_opened_blocks(paras: list[Para], out: list[PayeeRow],
                        found: tuple[list[str], list[tuple[int, int]]] | None) -> list[PayeeRow]:
    """``out`` with the blocks placed by the text's runs of cells that read whole (_read_segment), block by block,
    in place of ``out``'s rows of their letters (each of which must be one of theirs: same rank, same first line):
    the k-th run the k-th letter's when the runs with a name are as many as the letters (_with_header_runs, which
    reads them all or none), or the blocks _opened_blocks places when they are more. A block that does not read (its
    ranks and names written apart from its other cells, its columns after a page break) keeps ``out``'s rows, or
    stays unknown. ``out`` alone when the runs are fewer or the blocks are not placed so, a number other than a dash
    or a rate is written apart from the blocks read (a row or rank of theirs elsewhere; a block read as one row
    whose rank is written apart is not taken), or a row of ``out`` lies in another block's cells than its own."""
    if found is None:
        return out
    letters, runs = found
    named = [r for r in runs if any(_nameish(p) for p in paras[r[0]:r[1]])]
    if len(named) == len(letters):  # (the k-th run of cells the k-th block's: _with_header_runs, block by block)
        blocks: list[tuple[int, int]] | None = named
        stray = [p.text for p in paras[:runs[0][0]] if not (_LETTER.match(p.text) or _is_header(p, True))]
        stray += [p.text for r in runs if r not in named for p in paras[r[0]:r[1]] if not _LETTER.match(p.text)]
    elif len(named) > len(letters) and (blocks := _opened_blocks(paras, runs, len(letters))):
        stray = [p.text for p in paras[:blocks[0][0]] if not (_LETTER.match(p.text) or _is_header(p, True))]
    else:
        return out
    where = {p[1]: letter for (a, b), letter in zip(blocks, letters, strict=True) for p in paras[a:b]}  # (by line)
    if not all(_no_rank(t) for t in stray) or any(where.get(r.line, r.block) != r.block for r in out):
        return out
    got: dict[str, list[PayeeRow]] = {}
    for (a, b), letter in zip(blocks, letters, strict=True):
        read = _segment(paras, a, b, letter)
        if read is not None and not read[1]:
            got[letter] = read[0]
            stray += [t for t in read[2] if not _LETTER.match(t)]
    if not got or not all(_no_rank(t) for t in stray):
        return out
    placed = {(g.block, g.rank, g.line) for rows in got.values() for g in rows}
    if any(r.block in got and (r.block, r.rank, r.line) not in placed for r in out):
        return out
    return [r for letter in dict.fromkeys([*letters, *(r.block for r in out)])
            for r in got.get(letter, [r for r in out if r.block == letter])]


def _rank_runs(paras: list[Para], raw: dict | None = None) \
        -> tuple[list[list[PayeeRow]], list[str], list[tuple[int, tuple]]] | None:
    """The section's rows as runs of ranks 1, 2, ... (each rank followed, past header cells, by its row's name), a
    run restarting at 「1」 for the next block; a name followed by its 法人番号 (or the dash of one without) but no
    rank (its rank written apart) starts a run. A rank whose name is followed by none of its row's cells
    (the tool wrote them elsewhere) is a row of that name, its other cells unknown. Returns the runs, the small
    cells left over (numbers, dashes) and the cells written apart from their rows, each as (the runs before it,
    the cells it may be: a row's 業務概要 or name, its amount, 法人番号 or 契約方式等); None when a rank breaks its
    run (「3」 after a run of one row), a row does not read, or a paragraph is none of a row's cells, a header, a letter, a 計 or a stray 法人番号 / amount / 契約方式等 (a
    row's cell the tool wrote apart from it, left unknown). ``raw`` gets each ranked row's cells as read, before
    _after made some unknown (by its line)."""
    n = len(paras)
    runs: list[list[PayeeRow]] = []
    stray: list[str] = []
    apart: list[tuple[int, tuple]] = []
    read: dict[int, dict] = {}  # each row's cells as read, by its line
    i = 0
    while i < n:
        p = paras[i]
        t = p.text
        if _is_header(p, False) or _LETTER.match(t) or t == "計":
            i += 1
            continue
        j = i + 1
        while j < n and _is_header(paras[j], False):
            j += 1
        if _DIGITS.match(t) and 1 <= int(t) <= 10 and j < n and _nameish(paras[j]):
            k = int(t)
            if k == 1:
                runs.append([])
            elif not runs or len(runs[-1]) != k - 1:
                return None
            cells, i = _read_row(paras, i + 1, k, bare=True)
            if cells is None:
                return None
            read[p[1]] = cells
            if raw is not None:
                raw[p[1]] = cells
            if runs[-1] or len(runs) > 1:
                prev = (runs[-1] or runs[-2])[-1]
                cells = _after(cells, prev.cells, _named_corp(paras[j]), read.get(prev.line))
            runs[-1].append(PayeeRow("", k, cells, p[1], False))
        elif _nameish(p) and _DIGITS.match(t.split(" ")[0]):  # a row's 法人番号, 業務概要 and amount, its name apart
            # (its 業務概要 and amount go with its 法人番号; with its amount, a row's whole body, and the rows of the run
            # so far counted: _near_its_row)
            apart.append((len(runs), ("corporate_number", "body", len(runs[-1])) if runs and _body(paras, i, j)
                          else ("corporate_number",)))
            i += 1
        elif _nameish(p) and j < n and (_corp_pieces(p[0]) or _split_amount(p)[1] is None and (
                is_dash(paras[j].text) or _corp_pieces(paras[j][0]))):  # a row whose rank is apart
            cells, i = _read_row(paras, i, 1)
            if cells is None:
                return None
            read[p[1]] = cells
            if runs and runs[-1] and read[runs[-1][-1].line]["contract_method"] is None:
                # (the row before read no 契約方式等: the tail read after this row's cells may be that row's, written
                # late, as after a ranked row (_after) — only the tail: this row's own 業務概要 and amount come first)
                cells = {**cells, "contract_method": None, "bidders": None, "award_rate": None}
            runs.append([PayeeRow("", 1, cells, p[1], False)])
        elif _nameish(p) and _corp_pieces(p[0]) is None:
            # (a name cell right before a 業務概要 ending in its amount, no 法人番号 between them: a whole row, its rank
            # written apart — 「Pricewate rhouseCo opers LLP」「定期刊 7,266」 — no cell of another row)
            whole = j < n and _nameish(paras[j]) and _corp_pieces(paras[j][0]) is None \
                and _split_amount(paras[j])[1] and _split_amount(p)[1] is None
            apart.append((len(runs), ("row",) if whole else ("name", "description", "amount")))
            i += 1
        elif _CONTRACT.match(t):  # a row's 契約方式等 written apart, with its 入札者数 and 落札率 (not ranks)
            apart.append((len(runs), ("contract_method",)))
            i = j
            for _ in range(2):
                if i < n and _is_small(paras[i]) and len(paras[i][0]) == 1:
                    i += 1
        elif _is_small(p):
            stray.append(t)
            i += 1
        elif _AMOUNT.match(t):
            apart.append((len(runs), ("corporate_number",) if _corp_pieces(p[0]) else ("amount", t)))
            i += 1
        else:
            return None
    return runs, stray, apart


def _named_corp(p: Para) -> bool:
    """``p`` holds a 法人番号 with a piece of the name beside it (「株式会社シー・ 9394674 ガイドライン」): right after a
    rank, the number is that rank's row's (a number without a name piece there may be the row before's, its cells
    written after the next rank: 「2」 then 「48172495 研修の企画運営、」)."""
    got = _corp_para(p, False)
    return got is not None and bool(got["named"])


def _after(cells: dict, prev: dict, corp_by_name: bool, prev_read: dict | None = None) -> dict:
    """A row's cells read after a row whose cells the tool wrote elsewhere (``prev``): its 業務概要, amount and
    tail (and a 法人番号 not beside its name) may be the row before's, written late (「2」「株式会社エアクレ」
    「9789177362374」 then row 1's 業務概要 and amount); after a row that read no 契約方式等 (``prev_read``: its cells
    as read, when the rule made some of them unknown — a 契約方式等 read in place after its row's cells is no one
    else's late cell, so the doubt goes no further down), its 契約方式等, 入札者数 and 落札率 may be that row's. Those
    cells are unknown."""
    tail = ("contract_method", "bidders", "award_rate")
    if prev["amount"] is None:
        gone = ("description", "amount", *tail, *(() if corp_by_name else ("corporate_number",)))
    elif (prev_read or prev)["contract_method"] is None:
        gone = tail
    else:
        return cells
    return {k: None if k in gone else v for k, v in cells.items()}


def _with_rank_runs(paras: list[Para], out: list[PayeeRow], notes: list | None = None) -> list[PayeeRow]:
    """``out`` and the rows of blocks placed by their rank runs (_rank_runs): when the runs are as many as the
    section's letters (each written once, A, B, C, ... in order), the k-th run is the k-th block's rows — the
    blocks stack down the form, and the tool reads a block's rows in their order even where it writes the letter
    or the header cells elsewhere. It stands only when the rank numbers left over are 「1」s of the runs whose
    first row's rank was written apart (no more of them: a tail may hold one as its 入札者数; a 2 … 10 left over could be a rank whose row was read as another
    block's first; with no such run, a number left over is a 入札者数, or the rank of a row not read: a note says
    so), each cell written apart from its row lies next to a row lacking such a cell (in the run
    before it or after it: a row the tool wrote late, its cells after other blocks' rows, puts the blocks out of
    order), the amounts of each run do not rise down the list, and the rows ``out`` already holds are the same
    ones, and no run whose first rank is apart comes right after a run ending in a rank none of whose row's cells
    read (that row's name and cells, written late, start such a run). Anything else: ``out`` alone."""
    letters = [m[1] for p in paras if (m := _LETTER.match(p.text))]
    if not letters or letters != [chr(ord("A") + k) for k in range(len(letters))]:
        return out
    raw: dict = {}
    found = _rank_runs(paras, raw)
    if found is None or len(found[0]) != len(letters):
        return out
    runs, stray, apart = found
    runs = [_totalled_run(paras, run, raw, runs[g + 1][0].line if g + 1 < len(runs) else None)
            for g, run in enumerate(runs)]
    ranks = sorted(t for t in stray if _DIGITS.match(t) and 1 <= int(t) <= 10)
    rankless = sum(1 for r in runs if _rankless(paras, r[0]))
    if any((c := raw.get(run[-1].line)) is not None and not any(c.values()) and _rankless(paras, nxt[0])
           for run, nxt in zip(runs, runs[1:], strict=False)):
        return out  # (a run's last rank none of whose row's cells read, then a run whose rank is apart: that
        # row's name and cells, written late)
    if rankless and (set(ranks) - {"1"} or len(ranks) > rankless) or \
            not all(_near_its_row(runs, g, cells, raw) for g, cells in apart) or \
            sum(cells[0] == "corporate_number" for _, cells in apart) > \
            sum(r.cells["corporate_number"] is None for run in runs for r in run):
        return out
    got: list[PayeeRow] = []
    for run, letter in zip(runs, letters, strict=True):
        amounts = [a for r in run if (a := _number(r.cells.get("amount"))) is not None]
        if any(a < b for a, b in zip(amounts, amounts[1:], strict=False)):
            return out
        got += [r._replace(block=letter) for r in run]
    if not _agrees(out, got):
        return out
    read = {(r.block, r.rank): r for r in out}  # (rows read in the form's order keep the cells read so)
    got = [read.get((g.block, g.rank), g) for g in got]
    if ranks and notes is not None:
        notes.append((paras[0][1], f"支出先上位10者リスト: numbers {ranks} written apart from the rows: a 入札者数, or "
                                   "the rank of a row not read (the rows after a block's last read one are unknown)"))
    return got


def _totalled_run(paras: list[Para], run: list[PayeeRow], raw: dict, upto: int | None) -> list[PayeeRow]:
    """The run's rows with the 業務概要 and amount each read after its rank (which _after made unknown: the row
    before lacked its cells, so they might be that row's, written late) when those amounts, not rising down the
    ranks, add up to the block's 計: a 「計」 after the run's last row (and before the next run's first, line
    ``upto``) followed by that sum. One row may lack its amount (its cells written elsewhere) when the rest of
    the 計 lies between its neighbours' amounts and stands in the section as an amount no row read (its cell
    written apart); that row's amount stays unknown. The sum says the amounts are the block's own rows' (and a
    法人番号 written in the paragraph holding the amount, that row's); the tail cells stay as they were."""
    mine = [raw.get(r.line) for r in run]
    if any(c is None for c in mine) or all(r.cells == c for r, c in zip(run, mine, strict=True)):
        return run
    amounts = [_number(c["amount"]) for c in mine]
    known = [a for a in amounts if a is not None]
    if len(amounts) - len(known) > 1 or any(a < b for a, b in zip(known, known[1:], strict=False)):
        return run
    after = [p for p in paras if p[1] > run[-1].line and (upto is None or p[1] < upto)]
    at = next((k for k, p in enumerate(after) if p.text == "計"), None)
    if at is None:
        return run
    totals = [v for p in after[at + 1:] if _AMOUNT.match(t := p.text) and (v := _number(t)) is not None]
    if None in amounts:
        gap = amounts.index(None)
        hi = amounts[gap - 1] if gap else float("inf")
        lo = amounts[gap + 1] if gap + 1 < len(amounts) else 0.0
        seen = Counter(v for p in paras if (a := _split_amount(p)[1] if len(p[0][0].split(" ")) > 1 else
                                            p.text if _AMOUNT.match(p.text) else None)
                       and (v := _number(a)) is not None)
        seen.subtract(_number(c["amount"]) for c in raw.values())
        apart = {v for v, k in seen.items() if k > 0}
        totals = [t for t in totals if lo - 1e-6 <= t - sum(known) <= hi + 1e-6 and
                  any(abs(t - sum(known) - v) < 1e-6 for v in apart)]
    if not any(abs(t - sum(known)) < 1e-6 or None in amounts for t in totals):
        return run
    paired = {(f[0], _split_amount(p)[1]) for p in paras if (f := _corp_pieces(p[0])) is not None}
    return [r._replace(cells={**r.cells, "amount": c["amount"], "description": c["description"], **(
        {"corporate_number": c["corporate_number"]} if c["amount"] and (c["corporate_number"], c["amount"]) in paired else {})})
        for r, c in zip(run, mine, strict=True)]


def _body(paras: list[Para], i: int, j: int) -> bool:
    """paras[i], a 法人番号 paragraph with no name, holds the row's amount too: ending its first line, or alone in
    paras[j] (the paragraph after it past header cells) — not a rank with its row's name after it."""
    if _split_amount(paras[i])[1]:
        return True
    if j >= len(paras) or not _AMOUNT.match(paras[j].text):
        return False
    k = j + 1
    while k < len(paras) and _is_header(paras[k], False):
        k += 1
    return not (k < len(paras) and _nameish(paras[k]))


def _near_its_row(runs: list[list[PayeeRow]], g: int, cells: tuple, raw: dict | None = None) -> bool:
    """A cell written apart between runs[g - 1] and runs[g] (``cells``: the cells it may be) has a row lacking
    such a cell in one of them; a 法人番号 may lie farther (its count is checked against the rows without one),
    and an amount that is the sum of the run before it is that block's 計. But a row's whole body (法人番号 and amount,
    ``("corporate_number", "body", k)``) written between the k-th and the next rank of one run is no cell of a row
    of another run: a row of that run lacks its 法人番号 as read (``raw``, by line: a row written late), or the body
    is a row of no run — its rank and name written elsewhere, the runs' count off (a block's first row written late,
    its body among the ranks of the block before)."""
    if cells[:2] == ("corporate_number", "body"):
        run, k = runs[g - 1], cells[2]
        return not 0 < k < len(run) or any((raw or {}).get(r.line, r.cells)["corporate_number"] is None for r in run)
    if cells == ("corporate_number",):
        return True
    if cells == ("row",):  # (a whole row apart: a row lacking both its name and its amount, the two written late)
        return any(r.cells["name"] is None and r.cells["amount"] is None for run in runs[max(g - 1, 0):g + 1]
                   for r in run)
    if cells[0] == "amount":
        total = [_number(r.cells["amount"]) for r in runs[g - 1]] if g else [None]
        if None not in total and abs(sum(total) - (_number(cells[1]) or -1)) < 1e-6:
            return True
        cells = cells[:1]
    return any(r.cells[c] is None for run in runs[max(g - 1, 0):g + 1] for r in run for c in cells)


def _agrees(out: list[PayeeRow], got: list[PayeeRow]) -> bool:
    """Every row of ``out`` (read in the form's order) is a row of ``got`` (placed by counting): same block, rank
    and first line."""
    return not {(r.block, r.rank, r.line) for r in out} - {(g.block, g.rank, g.line) for g in got}


def _rankless(paras: list[Para], row: PayeeRow) -> bool:
    """The row's first paragraph is its name (its rank 「1」 written apart), not its rank."""
    return any(p[1] == row.line and _nameish(p) for p in paras)


def form_letters(lines: list[str], start: int) -> list[str]:
    """The block letters the section writes as paragraphs of their own (「A」「B.」), when they run A, B, C, ... in the
    form's order, each once: the section's blocks, whose titles are not found by their dots (LibreOffice's print,
    read by pdftotext, writes 「B」 alone). [] else."""
    letters = [m[1] for p in _paras(lines, start) if (m := _LETTER.match(p.text))]
    return letters if letters == [chr(ord("A") + k) for k in range(len(letters))] else []


def form_rows(lines: list[str], start: int, notes: list | None = None) -> list[PayeeRow] | None:
    """The rows of the blocks the text holds in the form's order (letter, header cells, rank 1, 2, ... each with
    its cells); None when no block reads so. ``notes`` gets (line, message) when 法人番号 are left unread."""
    paras = _paras(lines, start)
    token = _COLUMN.set(_column_chars(paras))
    rows = _ROWS.set((paras, {}))
    try:
        return _form_rows(paras, start, notes)
    finally:
        _ROWS.reset(rows)
        _COLUMN.reset(token)


def _form_rows(paras: list[Para], start: int, notes: list | None) -> list[PayeeRow] | None:
    opened: list = []
    out, short = _in_order(paras, notes, opened=opened)
    found = _header_runs(paras)
    placed = _with_header_runs(paras, out, found)
    out = _with_opened_blocks(paras, _with_rank_runs(paras, out, notes), found) if placed is out else placed
    # (blocks no reading gave, or whose rows stop short, or whose cells a reading left unknown: read again in the
    # form's order with rows of a name alone)
    out = _with_bare(out, _names_placed(paras, _in_order(paras, None, bare=True)[0]))
    out = _with_opened(out, opened, short)
    if not out:
        return None
    out, unspelled = payee_wraps.spell_qualifiers(_summed_amounts(paras, out),
                                                  payee_wraps.method_cells([ln for p in paras for ln in p[0]]))
    if unspelled and notes is not None:
        notes.append((unspelled[0], f"支出先上位10者リスト: on lines {unspelled} the contract method wraps before its "
                                    "qualifier, and the sheet spells no method with its qualifier on one line (a space "
                                    "before it or not): unknown"))
    read = {r.block for r in out}
    for letter, line, rank in short:
        if notes is not None and letter in read:
            notes.append((line, f"支出先上位10者リスト: block {letter}: no row ranked {rank} reads (its rank alone, or "
                                "its cells written elsewhere): the rows from it on are unknown"))
    for r in out:
        if notes is not None and r.cells["corporate_number"] is None and r.cells["amount"] is None:
            notes.append((r.line, f"支出先上位10者リスト: block {r.block} rank {r.rank}: the row's cells after its "
                                  "rank are written elsewhere (or run together): its cells other than "
                                  f"{'the name' if r.cells['name'] else 'its block and rank'} are unknown"))
    corps = {w for p in paras for ln in p[0] for w in ln.split(" ") if len(w) == 13 and w.isdigit()}
    left = corps - {r.cells.get("corporate_number") for r in out}
    if left and notes is not None:
        notes.append((start, f"支出先上位10者リスト: {len(out)} rows read in the form's order; {len(left)} more "
                             "法人番号 in cells whose block or rank the text does not establish: those payees are unknown"))
    return out


def _with_bare(out: list[PayeeRow], bare: list[PayeeRow]) -> list[PayeeRow]:
    """``out`` and the rows of ``bare`` (read in the form's order with rows of a name alone) of the blocks ``out``
    lacks, or whose rows in ``out`` are ``bare``'s first ones, alike (``bare`` going on where a row of a name alone
    stopped them); none of a row whose rank ``out`` reads in another block. A block whose rows ``out`` and ``bare``
    both read, the same ranks and no cell read otherwise (_filled), gets the cells only ``bare`` reads."""
    used = {r.line: r.block for r in out}
    mine: dict[str, list[PayeeRow]] = {}
    for r in out:
        mine.setdefault(r.block, []).append(r)
    got = list(out)
    for letter in dict.fromkeys(r.block for r in bare):
        rows = [r for r in bare if r.block == letter]
        have = mine.get(letter, [])
        if have and [r.rank for r in have] == [r.rank for r in rows]:
            filled = _filled(have, rows)
            if filled is not None:
                got = [r for r in got if r.block != letter] + filled
            continue
        if any(used.get(r.line, letter) != letter for r in rows) or len(rows) <= len(have) or \
                [(r.rank, r.line, r.cells) for r in have] != [(r.rank, r.line, r.cells) for r in rows[:len(have)]]:
            continue
        got += rows[len(have):]
    return sorted(got, key=lambda r: (r.block, r.rank))


def _with_opened(out: list[PayeeRow], opened: list, short: list) -> list[PayeeRow]:
    """``out`` and the rows of each block no reading gave whose rows stop before a cell opening a row (_in_order's
    ``opened``: the rows read stand, those ranked after them are unknown — ``short`` gets the rank they stop at);
    none of a row ``out`` reads as another's."""
    have, used = {r.block for r in out}, {r.line for r in out}
    got = list(out)
    for rows, stop in opened:
        if rows[0].block not in have and not any(r.line in used for r in rows):
            got += rows
            short.append(stop)
            have.add(rows[0].block)
    return sorted(got, key=lambda r: (r.block, r.rank)) if len(got) > len(out) else out


def _names_placed(paras: list[Para], rows: list[PayeeRow]) -> list[PayeeRow]:
    """``rows`` (read with rows of a name alone) with the name of such a row unknown unless a cell of its own
    follows its name cell: a 法人番号, a dash or another cell — or, past the next rank and header cells, a
    法人番号 with no piece of a name beside it (its cells written after the next rank). When the text cell after
    the rank is followed by a letter, the section's end, or the next rank and that row's name with its cells, the
    row's other cells are elsewhere and the cell may be any of them (「C」「1」「ガイドラインの英訳作業」「D」: its
    業務概要) — but in a run of two ranks or more each with one text cell (_name_run): the rank and name column."""
    at = {p[1]: k for k, p in enumerate(paras)}
    out = []
    for r in rows:
        if r.cells["name"] is not None and all(v is None for c, v in r.cells.items() if c != "name") \
                and not _own_cells_follow(paras, at.get(r.line), r.rank):
            r = r._replace(cells={**r.cells, "name": None})
        out.append(r)
    return out


def _name_run(paras: list[Para], k: int, rank: int) -> int:
    """How many ranks, each with one text cell (no 法人番号) right after it, the tool wrote in one run with the rank
    at paras[k] (「1」「講師謝金(講師A)」「2」「伊藤忠テクノソリューションズ株式会社」「E」): the rank and name column
    written apart from the rows' other cells."""
    n = len(paras)

    def pair(j: int, r: int) -> bool:  # (a rank, a text cell, then the next rank, a letter or the end)
        return 0 <= j and j + 1 < n and paras[j].text == str(r) and _nameish(paras[j + 1]) \
            and _corp_pieces(paras[j + 1][0]) is None and _split_amount(paras[j + 1])[1] is None \
            and (j + 2 >= n or paras[j + 2].text == str(r + 1) or bool(_LETTER.match(paras[j + 2].text)))
    if not pair(k, rank):
        return 0
    a, b = k, k
    while pair(a - 2, rank - (k - a) // 2 - 1):
        a -= 2
    while pair(b + 2, rank + (b - k) // 2 + 1):
        b += 2
    return (b - a) // 2 + 1


def _own_cells_follow(paras: list[Para], k: int | None, rank: int) -> bool:
    """After the rank at paras[k] and the cell after it (past header cells), the row's own cells follow (see
    _names_placed), or the rank and the cell are one of a run of ranks with a name each (_name_run)."""
    n = len(paras)

    def skip(j: int) -> int:
        while j < n and _is_header(paras[j], False):
            j += 1
        return j
    if k is None:
        return False
    if _name_run(paras, k, rank) >= 2:
        return True
    j = skip(skip(k + 1) + 1)  # (the paragraph after the name cell)
    if j >= n or _LETTER.match(paras[j].text):
        return False
    if paras[j].text != str(rank + 1):
        return True
    j = skip(j + 1)
    return j < n and (got := _corp_para(paras[j], True)) is not None and not got["named"]


def _filled(have: list[PayeeRow], rows: list[PayeeRow]) -> list[PayeeRow] | None:
    """A block's rows read by two readings (``have``: placed by counting, its rank runs or header runs; ``rows``: in
    the form's order, its letter, header cells and ranks 1..n each with its cells, up to the block's end), rank by
    rank: ``have``'s rows with the cells only ``rows`` reads (a cell the counting left unknown — the tail of a row
    whose rank was written apart, say — that the form's order reads in place after its rank). None when a cell
    the two read differs, or a row's name (read by both, or by one only) is not the same: then whose cells these
    are is not established."""
    out = []
    for h, r in zip(have, rows, strict=True):
        cells = _cells_joined(h.cells, r.cells, h.cells) if h.cells["name"] == r.cells["name"] else None
        if cells is None:
            return None
        out.append(h._replace(cells=cells))
    return out


def _in_order(paras: list[Para], notes: list | None, bare: bool = False, opened: list | None = None) \
        -> tuple[list[PayeeRow], list[tuple[str, int, int]]]:
    """The rows of the blocks read in the form's order (see form_rows) and the (block, line, rank) of the rows
    that do not read after them. ``bare``: a rank followed by a name cell alone is a row of that name (_ranked's
    ``loose``), the block standing when its 計 is at least the amounts read. ``opened`` gets (rows, that triple) of
    each block whose rows stop, their end not in sight, before a cell opening a row (_opens_other)."""
    n = len(paras)
    out: list[PayeeRow] = []
    short: list[tuple[str, int, int]] = []  # (block, line, rank) of a row that does not read
    last = ""
    claimed = ""  # the last block whose rows stand
    done = 0  # the paragraphs before done are that block's (or its letter's)
    bare_at: int | None = None  # the paragraph of the last letter, when no row of its block read
    again = -1  # the paragraph of the letter whose block is read again without ranks stacked (_stacked_ranks)
    i = 0
    while i < n:
        m = _LETTER.match(paras[i].text)
        if not m or m[1] <= last:
            i += 1
            continue
        at, letter = i, m[1]
        # the rows written right before the letter, after the previous block's: the letter written after its rows
        back = _rows_before(paras, done, at, letter) if ord(letter) == ord(claimed or "@") + 1 else []
        before, last = last, letter
        i += 1
        while i < n and _is_header(paras[i], True):
            i += 1
        j = _past_leftovers(paras, i, bare)
        early = any(_cell_amount(p) for p in paras[i:j])  # (the first row's amount written before its rank)
        loose: set[int] = set()  # the rows whose cells other than the name are unknown, and the rows after them
        stacked: list[int] = []  # (the ranks whose next ranks were written right after the row's name)
        rows, i = _ranked(paras, j, letter, loose if bare else None, early, notes, stacked if at != again else None)
        if not rows and (late := _late_first(paras, done)) is not None and late[2] == at:
            # (the block's first row written before its letter and rank 「1」)
            rows, i = _ranked(paras, late[3], letter, loose if bare else None, False, notes, None,
                              PayeeRow(letter, 1, late[0], paras[late[1]][1], False))
        if rows and i < n and (past := _strays_end(paras, i, rows)) > i:  # cells written apart after the block's
            # last row
            e = _block_end(paras, past, rows, loose)
            if e is not None and _ends(paras, past, e, letter):
                i = past
        # the rows stand only when the block ends where the next one (a later letter, or the next block's header
        # cells and its rank 1) or the section ends, past small cells (a number or dash the tool wrote after the
        # table), or at its 計 when the rows' amounts add up to it: a rank column the tool wrote apart from its rows
        # (「H」「1」 then another block's cells) is followed by more rows' cells instead
        j = _block_end(paras, i, rows, loose)
        if rows and j is not None and not _ends(paras, i, j, letter) and _totalled(paras, i, j) \
                and _table_unlettered(paras, i, j, letter) and not _titles_ahead(paras, bare_at, at):
            # the 計 read, then another table's header cells and a row with no letter nor rank before it (「H」「1」
            # then block G's table and its 計, block H's table after it: pdfminer.six writes letters and ranks apart
            # from their rows): whose rows these are, the text does not establish
            if notes is not None:
                notes.append((paras[at][1], f"支出先上位10者リスト: block {letter}'s rows and 計 are followed by "
                                            "another table's row with no block letter nor rank: whose rows they "
                                            "are is unknown"))
            rows = []
        if rows and j is not None and (_ends(paras, i, j, letter) or _totalled(paras, i, j)
                                       or _next_table(paras, i, j, rows) or _late_next(paras, i, letter)):
            if any(p.text == str(len(rows) + 1) for p in paras[i:j]) and not _totalled(paras, i, j):
                short.append((letter, paras[i][1], len(rows) + 1))  # (a 入札者数, or a rank without its cells)
        elif rows and _ends(paras, i, _past_tails(paras, i), letter):
            # 契約方式等 cells written after the rows: which rows' they are (and the 入札者数 / 落札率 beside them)
            # is unknown
            rows = [PayeeRow(r.block, r.rank, {**r.cells, "contract_method": None, "bidders": None,
                                               "award_rate": None}, r.line, False) for r in rows]
        elif _cut_short(paras, i, rows):
            short.append((letter, paras[i][1], len(rows) + 1))
        else:
            if opened is not None and len(rows) > 1 and not (loose or stacked or back) and _bodies_read(rows) \
                    and not _titles_ahead(paras, bare_at, at):
                # (two ranks or more each with its row's cells: the rank column runs with the rows, not apart)
                if _opens_other(paras, i):
                    opened.append((_tails_doubted(rows), (letter, paras[i][1], len(rows) + 1)))
                elif (t := _past_tails(paras, i)) > i and _opens_other(paras, t):
                    opened.append(([PayeeRow(r.block, r.rank, {**r.cells, "contract_method": None, "bidders": None,
                                                               "award_rate": None}, r.line, False) for r in rows],
                                   (letter, paras[i][1], len(rows) + 1)))
            rows = []
        if not rows and stacked:  # (the block does not end past the rows read so: read it again without)
            again, i, last = at, at, before
            continue
        if rows and back:  # rows both before and after the letter: whose they are is unknown
            short = [x for x in short if x[0] != letter]
            continue
        if rows and _titles_ahead(paras, bare_at, at):
            # (「A.」「1」「B」「1」 then one table: the tool wrote the letters and ranks ahead of the tables, so
            # whose rows follow is unknown)
            if notes is not None:
                notes.append((paras[at][1], f"支出先上位10者リスト: block {letter}'s letter follows block "
                                            f"{paras[bare_at].text[:1]}'s with no table between: whose rows follow "
                                            "is unknown"))
            bare_at = None
            continue
        bare_at = at if not rows and not back else None
        if rows or back:
            out += rows or back
            claimed, done = letter, i if rows else at + 1
    return out, short


def _summed_amounts(paras: list[Para], out: list[PayeeRow]) -> list[PayeeRow]:
    """``out`` with the amounts of a block's rows read from the amounts written in the block's stretch of text:
    the form ranks its payees by amount and prints their sum in the block's 計 row, so when exactly one choice of
    the amounts written there gives as many amounts as the block's rows (ranks 1..n), falling (or staying) down
    the text and adding up to the 計's amount, the k-th of them is rank k's. The stretch runs from past the block
    before's 計 amount (or the section's start) to the 計's amount after the block's last row: an amount after
    the 「計」 that one choice of the amounts before it adds up to (amounts written between the 「計」 and it are
    rows' amounts written late). An amount is a number alone, the number ending the first line of a 業務概要
    (after a 法人番号's piece or a word) or before a 契約方式等 on its line; every one is chosen but a number alone
    of up to three digits (a 入札者数 written apart, or an amount) and those before the block's first row (the
    block before's, or its rows' written early). Any other number (a number among a cell's lines, two numbers on
    a line), another block's row or letter before the 「計」 leaves the block as read, as does a row whose amount
    was read otherwise."""
    at = {p[1]: k for k, p in enumerate(paras)}
    lines = {r.line: r.block for r in out}
    got: list[PayeeRow] = []
    past = 0  # the paragraph after the last block's 計 amount, where it was found
    for letter in dict.fromkeys(r.block for r in out):
        rows = sorted((r for r in out if r.block == letter), key=lambda r: r.rank)
        first = at.get(rows[0].line)
        found = None
        if [r.rank for r in rows] == list(range(1, len(rows) + 1)) and first is not None and first >= past and \
                any(r.cells.get("amount") is None for r in rows):
            start = max([past] + [k + 1 for k in range(past, first) if paras[k].text == "計"])
            found = _block_amounts(paras, start, first, rows, lines)
        if found is not None:
            amounts, past = found
            # (the cells beside an amount another of the block's rows shares are no rank's the text establishes:
            # the form ranks by amount, so of equal amounts which is whose the order of the text alone would say,
            # and pdftotext writes a row's cells after the next row's — 「8」「職員旅費」「9」「インテック…」 then row 8's
            # 業務概要 「データ整備… 0」: the amounts stand, the cells beside them are unknown)
            values = [a for a, _, _ in amounts]
            beside = [_beside(paras[k]) if values.count(a) == 1 else {} for a, _, k in amounts]
            if all(r.cells.get("amount") is None or _number(r.cells["amount"]) == a
                   for r, (a, _, _) in zip(rows, amounts, strict=True)) and \
                    all(r.cells.get(c) is None or r.cells[c] == v
                        for r, b in zip(rows, beside, strict=True) for c, v in b.items() if c == "corporate_number"):
                rows = [r._replace(cells={**r.cells, "amount": r.cells.get("amount") or t,
                                          **{c: v for c, v in b.items() if r.cells.get(c) is None}})
                        for r, (_, t, _), b in zip(rows, amounts, beside, strict=True)]
        got += rows
    return got


_CHOICES = 12  # the most amounts that may or may not be a row's among which one choice is sought


def _block_amounts(paras: list[Para], start: int, first: int, rows: list[PayeeRow], lines: dict) \
        -> tuple[list, int] | None:
    """The block's ``len(rows)`` amounts, as (value, text) in the text's order, and the index after its 計 amount
    (see _summed_amounts: paras[start] begins the stretch, paras[first] is the block's first row's); None when
    no one choice reads so."""
    n, letter, ranks = len(rows), rows[0].block, {r.line for r in rows}
    found: list = []  # (value, text, whether it may be left out)
    seen = False  # the 「計」 passed
    for k in range(start, len(paras)):
        p = paras[k]
        t = p.text
        if t == "計":
            if seen:
                return None
            seen = True
            continue
        if lines.get(p[1], letter) != letter or (m := _LETTER.match(t)) and m[1] != letter:
            return None
        amount = None if p[1] in ranks and _DIGITS.match(t) else _cell_amount(p)
        if amount == "":
            return None
        v = _number(amount) if amount is not None else None
        if v is None:
            continue
        if seen:
            chosen = _one_choice(found, n, v)
            if chosen is not False:
                return (chosen, k + 1) if chosen is not None else None
        found.append((v, amount, k < first or bool(re.fullmatch(r"\d{1,3}", amount)), k))
        if sum(f[2] for f in found) > _CHOICES:
            return None
    return None


def _one_choice(found: list, n: int, total: float) -> list | None | bool:
    """The ``n`` amounts of ``found`` ((value, text, whether it may be left out, paragraph), in the text's order;
    the others all kept), as (value, text, paragraph), that fall (or stay) down the list and add up to ``total``: False when no choice does, None when two
    choices give other amounts."""
    sols: dict[tuple, list] = {}

    def go(i: int, chosen: list, s: float) -> None:
        if len(sols) > 1 or len(chosen) > n or s > total + 1e-6:
            return
        if i == len(found):
            if len(chosen) == n and abs(s - total) < 1e-6:
                sols.setdefault(tuple(v for v, _, _ in chosen), list(chosen))
            return
        v, t, optional, k = found[i]
        if not chosen or chosen[-1][0] >= v:
            go(i + 1, [*chosen, (v, t, k)], s + v)
        if optional:
            go(i + 1, chosen, s)

    go(0, [], 0.0)
    if not sols:
        return False
    return next(iter(sols.values())) if len(sols) == 1 else None


def _beside(p: Para) -> dict:
    """The cells written on the lines of an amount chosen by the 計 (_summed_amounts), the amount's row's: the
    業務概要 whose first line it ends, and a 法人番号 before it (read as _corp_para reads them)."""
    t = p.text
    first = p[0][0].split(" ")
    if _AMOUNT.match(t) or len(first) >= 2 and _AMOUNT.match(first[0]) and _CONTRACT.match(first[1]):
        return {}
    if _corp_pieces(p[0]) is not None:
        got = _corp_para(p, True)
        if got is None or got["unsure"]:
            return {}
        desc = _cell(got["description"]) if got["description"] and not got["named"] else None
        return {"corporate_number": got["corporate_number"], **({"description": desc} if desc else {})}
    lines, amount = _split_amount(p)
    desc = _cell([w for ln in lines for w in ln.split(" ")]) if amount and _nameish(p) else None
    return {"description": desc} if desc else {}


def _cell_amount(p: Para) -> str | None:
    """The amount a paragraph holds (a number alone, ending a 業務概要's first line, or before a 契約方式等); None when
    it holds none (header cells, dashes, rates, a 法人番号's pieces, a 契約方式等 with its 入札者数); "" when it holds a
    number whose cell the text does not say."""
    return _lines_amount(tuple(p[0])) if any(c.isdigit() for ln in p[0] for c in ln) else None


@lru_cache(maxsize=4096)
def _lines_amount(lines: tuple[str, ...]) -> str | None:
    p = _para(lines, 0)
    t = p.text
    if _is_header(p, False) or _LETTER.match(t) or set(t) <= set("-－― ") or re.fullmatch(r"\d{1,3}(?:\.\d+)?%", t):
        return None
    corp = _corp_pieces(p[0])
    if _AMOUNT.match(t):
        return None if corp else t
    first = p[0][0].split(" ")
    if len(first) >= 2 and _AMOUNT.match(first[0]) and _CONTRACT.match(first[1]):
        return first[0]  # (the amount, then its row's 契約方式等 on the line: 「4,098 随意契約 (その他)」)
    if any(_CONTRACT.match(ln) for ln in p[0]):  # (the numbers among a 契約方式等's lines are its neighbours'
        return None  # cells, 入札者数: 「5」「随意契約」「(企画競争)」; an amount passed over leaves the count short)
    pieces = corp[1] if corp else [None] * len(p[0])
    numbers = [(k, j) for k, ln in enumerate(p[0]) for j, w in enumerate(ln.split(" "))
               if re.match(r"^[▲△]?\d", w) and pieces[k] != j]
    if not numbers:
        return None
    if numbers != [(0, len(first) - 1)] or len(first) < 2 or not _AMOUNT.match(first[-1]):
        return ""
    return first[-1]


def _past_leftovers(paras: list[Para], i: int, cells: bool = False) -> int:
    """The index of the block's rank 「1」 past the small cells (dashes, numbers other than 1, rates) and header
    cells the tool wrote between the block's header and its first row (an earlier row's 入札者数 and 落札率 written
    late: 「-」「--」 then 「1」); ``i`` itself when no rank 1 follows them. ``cells``: and past 契約方式等 cells and
    amounts (alone or ending a 業務概要's first line; no 法人番号), and a 業務概要 followed by its amount alone — the
    first row's cells written before its rank and name, left unknown — when a name follows the 「1」."""
    j = i
    while j < len(paras) and paras[j].text != "1" and (_is_small(paras[j]) or _is_header(paras[j], False) or cells and (
            _CONTRACT.match(paras[j].text) or _cell_amount(paras[j]) and _corp_pieces(paras[j][0]) is None
            or _task_then_amount(paras, j))):
        j += 1
    if cells and j > i:
        k = j + 1
        while k < len(paras) and _is_header(paras[k], False):
            k += 1
        if k >= len(paras) or not _nameish(paras[k]):
            return i
    return j if j < len(paras) and paras[j].text == "1" else i


def _task_then_amount(paras: list[Para], j: int) -> bool:
    """paras[j] is a text cell (no 法人番号, no figure) followed by an amount alone: a 業務概要 and its amount."""
    return j + 1 < len(paras) and _nameish(paras[j]) and not any(c.isdigit() for c in paras[j].text) \
        and bool(_WHOLE_AMOUNT.match(paras[j + 1].text))


def _titles_ahead(paras: list[Para], bare_at: int | None, at: int) -> bool:
    """Between the letter at ``bare_at`` (whose block read no rows) and the next letter at ``at`` stand its rank
    column's numbers (and header cells) only: the tool wrote the blocks' titles and ranks ahead of their tables."""
    between = paras[bare_at + 1:at] if bare_at is not None else []
    return any(_DIGITS.match(p.text) for p in between) \
        and all(_DIGITS.match(p.text) or _is_header(p, False) for p in between)


def number_line_wraps(lines: list[str], line: int, corp: str, description: str | None) -> bool:
    """The paragraph of ``lines`` starting at (1-based) ``line`` holds the 法人番号 ``corp`` whole on a line, and the
    text of its lines after that one went into the row's ``description`` (「合同会社富士通 6532482213394」 over 「Japan」
    read as name 「合同会社富士通」 and 業務概要 「Japan」; 「NECソリューショ 4206831473444 機器の賃貸借、デー」 over
    「ンイノベータ株式」「タ整備及び分析業務」「会社」): those lines may be the name's wrapped lines or the 業務概要's, and
    a reader that joined the paragraph's lines cannot tell which."""
    n = line - 1
    while n < len(lines) and lines[n].strip():
        words = lines[n].split()
        if corp in words:
            rest = []
            for ln in lines[n + 1:]:
                if not ln.strip():
                    break
                rest.append(re.sub(r"\s+", "", ln))
            return bool(rest) and "".join(rest) in re.sub(r"\s+", "", description or "")
        n += 1
    return False


def with_form_rows(rows: list[PayeeRow], form: list[PayeeRow] | None) -> list[PayeeRow]:
    """The rows another reader gave (``rows``, some payees left unknown) and form_rows' (``form``): when ``form``
    holds as many rows or more and every row of ``rows`` is one of them (same block and rank, no cell the two give
    otherwise but for white space), ``form``'s rows, each with the cells only ``rows`` gives (the same rows: each
    reading's cells the other left unknown); else ``rows`` (the same object)."""
    if not form or len(form) < len(rows):
        return rows
    mine = {(r.block, r.rank): r for r in form}
    merged = dict(mine)
    for r in rows:
        f = mine.get((r.block, r.rank))
        if f is None:
            return rows
        cells = _cells_joined(f.cells, r.cells, r.cells)  # (a cell the two give alike but for white space:
        if cells is None:  # 「随意契約(少額)」, form_rows' spacing kept)
            return rows
        merged[(r.block, r.rank)] = f._replace(cells=cells)
    return sorted(merged.values(), key=lambda r: (r.block, r.rank))


def _cells_joined(base: dict, other: dict, keys) -> dict | None:
    """Two readings of one row's cells: ``base``'s, with ``other``'s (of ``keys``) where ``base`` has none; None when
    a cell both read differs (``_same_cell``)."""
    out = dict(base)
    for k in keys:
        v, w = other.get(k), base.get(k)
        if v is None:
            continue
        if w is None:
            out[k] = v
        elif not _same_cell(k, w, v):
            return None
    return out


def _same_cell(key: str, w: object, v: object) -> bool:
    """Two readings of one payee cell give the same value (an amount's figure, else the text but for white space)."""
    return w == v or (key == "amount" and _number(str(w)) == _number(str(v))) or \
        re.sub(r"\s", "", str(w)) == re.sub(r"\s", "", str(v)) or \
        (key == "contract_method" and re.sub(r"[\s\d]", "", str(w)) == re.sub(r"[\s\d]", "", str(v)))


def form_disputes(rows: list[PayeeRow], form: list[PayeeRow] | None) -> tuple[list[PayeeRow], list[str]]:
    """The rows another reader gave (``rows``) with each cell that form_rows (``form``) reads otherwise for the
    same block and rank made unknown (None): the two readings of one text disagree there (pdftotext's 「タイムスタンプ
    13」: its 13 the amount glued to the 業務概要, the column reader taking another figure): which is right, the text
    does not say. And the cells so left out (「J1 amount」)."""
    theirs = {(f.block, f.rank): f for f in form or ()}
    out, disputed = [], []
    for r in rows:
        f = theirs.get((r.block, r.rank))
        bad = [k for k, v in r.cells.items() if f is not None and v is not None
               and f.cells.get(k) is not None and not _same_cell(k, f.cells[k], v)]
        out.append(r._replace(cells={**r.cells, **dict.fromkeys(bad)}) if bad else r)
        disputed += [f"{r.block}{r.rank} {k}" for k in bad]
    return out, disputed


def with_form_blocks(rows: list[PayeeRow], form: list[PayeeRow] | None) -> list[PayeeRow]:
    """The rows another reader gave (``rows``) and form_rows' rows (``form``) when the two readings agree where they
    meet — every block both read has the same ranks with no cell read otherwise (_cells_joined) — and each block
    only ``form`` holds stands in the text between the blocks ``rows`` holds before and after it in letter order
    (its rows' lines after those of the blocks of earlier letters, before those of later ones): ``rows`` with the
    cells only ``form`` reads in the blocks both read, and ``form``'s rows of the blocks ``rows`` holds no row of.
    Else ``rows`` (the same object): which reading places which payee is then not established."""
    if not form or not rows:
        return rows
    mine: dict[str, list[PayeeRow]] = {}
    for r in rows:
        mine.setdefault(r.block, []).append(r)
    theirs: dict[str, list[PayeeRow]] = {}
    for r in form:
        theirs.setdefault(r.block, []).append(r)
    filled: dict[tuple[str, int], PayeeRow] = {}
    for b in set(theirs) & set(mine):
        if [r.rank for r in theirs[b]] != [r.rank for r in mine[b]][:len(theirs[b])]:
            return rows  # (``form``'s rows may stop short of ``rows``': its ranks after them unknown)
        for f, r in zip(theirs[b], mine[b], strict=False):
            cells = _cells_joined(r.cells, f.cells, f.cells)
            if cells is None:
                return rows
            if cells != r.cells:
                filled[(b, r.rank)] = r._replace(cells=cells)
    added = [b for b in theirs if b not in mine]
    for b in added:
        lines = [r.line for r in theirs[b]]
        if any(r.line >= min(lines) for r in rows if r.block < b) or \
                any(r.line <= max(lines) for r in rows if r.block > b):
            return rows
    if not added and not filled:
        return rows
    return sorted([filled.get((r.block, r.rank), r) for r in rows] + [r for b in added for r in theirs[b]],
                  key=lambda r: (r.block, r.rank))
