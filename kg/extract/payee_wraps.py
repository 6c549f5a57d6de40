"""Row-style payee tables printed in narrow or wide cells (pdfplumber's one-form-row-per-line text of the real
form at any page width): the cases kg.extract.payee_rows_text.payee_rows reads with these small rules.

- A cell glued to its neighbour when the first filled its column (no gap left for a space): the 業務概要's
  first line against the amount (「会議等出席0.2」), the name against the 法人番号's first digits
  (「(株)ITリサーチ1011001072」), the name against the 法人番号 cell's dash (「Asia Wise法律事務-」).
- A 法人番号 cut in pieces of any length (「20104」「01075」「423」 in a column five digits wide).
- A cell known to have ended: its last line is clearly shorter than its column (a wrapped line fills its
  column), so a later piece of the row is the other cell's.
- The space before a contract method's qualifier (「随意契約 (その他)」 or 「随意契約(その他)」: both are printed on
  real sheets) when the cell wrapped just before the qualifier: the line break hides it, so the sheet's own
  spelling on a line that holds both decides; with no such line, or lines spelled both ways, it is unknown.

- Pieces that could be read two ways leave the name and 業務概要 unknown: a Latin word continued over a line break
  (「Pricewater」 over 「houseCoo」: a space there or not), a line whose second piece starts with a Latin word
  (「pers LLP 業」: the name's line holding a space, or the 業務概要's first word). A 法人番号's last digits glued to
  the name's piece (「Japan株式0」) are taken when they complete a valid number, else the name is unknown; a
  contract method glued to the 入札者数's dash (「補助金等交付-」) has ended and takes no later piece.

Each reading that rests on a glue or a piece is checked by the value's own shape afterwards: a 法人番号 found
this way must end up 13 digits with a valid check digit, an amount split off its 業務概要 must keep the block's
ranks in order of amount (the list is the top payees by amount); otherwise the cells are unknown.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from kg.extract.fields import join_wrapped
from kg.normalize import houjin
from kg.normalize.numbers import parse_number
from kg.normalize.text import CELL_DASHES

CORP = re.compile(r"^(?:\d{6,13}|[-－―])$")  # a 法人番号 cell's first line: fewer than 13 digits wrap onto the next
CORP_PIECE = re.compile(r"^\d{3,13}$")  # its first piece in a column narrower than six digits
_GLUED_DIGITS = re.compile(r"^(.*[^\d\s,.])(\d{6,12})$")  # a name glued to a 法人番号's first line (not 13 digits)
_DIGITS_TEXT = re.compile(r"^(\d{3,12})([^\d\s,.].*)$")  # a 法人番号's first line glued to the 業務概要's
_NAME_DIGITS = re.compile(r"^(.*?[^\d\s,.])(\d{3,12})([^\d\s,.].*)?$")  # ... the name's glued to a short one's
# a 業務概要 glued to the amount after it; not after a Latin letter or digit, a mark, or a character that leads
# a number in a text (第, 約, era names 令和/平成/昭和, №): there the digits may be the 業務概要's own; after 「、」 only
# an amount printed grouped (_glued_amount); after a closing bracket when it closes the word's brackets
# (「会議等出席(諸謝金)16,237」: a bracket holds no text's number after it)
_GLUED_AMOUNT = re.compile(r"^(.*(?:[^\x00-\x7f第約和成№－―．，。\s]|\)))([▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$")
QUALIFIER_JOIN = "\x1f"  # a contract method rejoined before its qualifier across a line break: space unknown
_SPELLED = re.compile(r"(契約|その他|公募|競争)( ?)\(")  # a method and its qualifier printed on one line


def corp_cell(words: list[str]) -> tuple[list[str], int | None, bool]:
    """The 法人番号 cell of a row's words (after the rank): (words, its index, found only by a glue or a short
    piece — then the number must be checked whole). The index is at least 1 (a name comes first). A cell of
    digits (six to 13) is taken first; before a dash (which may be a later cell's: 入札者数, 落札率) a short piece
    of digits, digits glued to the name, or a dash glued to it are."""
    k = next((i for i, w in enumerate(words) if i >= 1 and CORP.match(w)), None)
    if k is not None and words[k][0].isdigit():
        return words, k, False
    for i, w in enumerate(words[:k]):
        if i >= 1 and CORP_PIECE.match(w):
            return words, i, True
        g = _GLUED_DIGITS.match(w)
        if g:
            return [*words[:i], g[1], g[2], *words[i + 1:]], i + 1, True
        g = _DIGITS_TEXT.match(w) if i >= 1 else None
        if g:  # (「30000201諸外国」: the 法人番号's first line glued to the 業務概要's)
            return [*words[:i], g[1], g[2], *words[i + 1:]], i, True
        g = _NAME_DIGITS.match(w) if i == 0 and i + 1 < len(words) and not CORP.match(words[i + 1]) else None
        if g:  # (「株式会社43502」, 「法人地域08758インの英」: the name's first line glued to the 法人番号's)
            return [*words[:i], *(x for x in g.groups() if x), *words[i + 1:]], i + 1, True
        if len(w) > 1 and w[-1] in CELL_DASHES and w[-2] not in CELL_DASHES and i + 1 < len(words) \
                and not CORP.match(words[i + 1]) and (not w[-2].isascii() or (
                    # a Latin letter or a bracket before the dash: not a hyphen of the name's when no 法人番号 cell
                    # follows (「講師謝金(講師A)-」, 「Asia Wise-」; 「Hewlett-」 before 「40100」 is a hyphenated word)
                    (w[-2] == ")" or w[-2].isalpha()) and not words[i + 1][:1].isdigit())):
            return [*words[:i], w[:-1], w[-1], *words[i + 1:]], i + 1, False
    return words, k, False


_PRINTED_AMOUNT = re.compile(r"^[▲△]?(?:\d{1,3}(?:,\d{3})+|\d{1,3})(?:\.\d+)?$")  # grouped as the form prints it


def _glued_amount(word: str) -> re.Match | None:
    """A 業務概要 glued to the amount: after a closing bracket that closes the word's brackets, or after a 「、」 (a
    list of tasks wrapped after its comma) when the number is printed as an amount (grouped by thousands)."""
    g = _GLUED_AMOUNT.match(word)
    if g and g[1][-1] == "、":
        return g if _PRINTED_AMOUNT.match(g[2]) else None
    return g if g and (g[1][-1] != ")" or g[1].count("(") == g[1].count(")")) else None


def glued_amount(word: str) -> bool:
    """``word`` may be a 業務概要 glued to an amount (it ends in a number after a character of text)."""
    return bool(_glued_amount(word))


_ENDS_IN_DIGIT = re.compile(r"[^\d\s,.]\d+$")


def ends_in_digit(word: str) -> bool:
    """A word before the amount ending in a digit after a bracket or Latin text (「視察(旅費の支払)13」): the
    amount may be glued to it, so the next number found is not established as the amount."""
    return bool(_ENDS_IN_DIGIT.search(word))


def split_glued_amount(rest: list[str]) -> tuple[list[str], bool]:
    """The cells after the 法人番号 with a 業務概要 glued to the amount (「会議等出席0.2」 → 「会議等出席」「0.2」),
    when no cell starts with a number (the amount is nowhere else): (cells, whether one was split)."""
    for i, w in enumerate(rest[:-2]):
        g = _glued_amount(w)
        if g:
            return [*rest[:i], g[1], g[2], *rest[i + 1:]], True
    return rest, False


_METHOD_GLUED = re.compile(r"^(.*(?:[^\x00-\x7f]|\)))(\d{1,3}|[-－―])$")  # a method's line glued to the 入札者数


def split_glued_bidders(rest: list[str], j: int, ends: tuple[str, ...]) -> tuple[list[str], bool]:
    """The cells after the amount (``rest[j]``) with the contract method's last word glued to the 入札者数 cell
    after it split off again (「(企画4」, 「一般競争契9」, 「補助金等交-」: no contract method holds a digit or ends in a
    dash): (cells, whether the method was whole there — then it ended, and takes no later piece)."""
    for i in range(j + 1, len(rest)):
        w = rest[i]
        if w[:1].isdigit() or w in CELL_DASHES:  # (the method ended before a cell of its own)
            break
        g = _METHOD_GLUED.match(w)
        if g:
            method = " ".join([*rest[j + 1:i], g[1]])
            return [*rest[:i], g[1], g[2], *rest[i + 1:]], g[2] in CELL_DASHES and method_closed(method + "-", ends)
    return rest, False


_RATE_CUT = re.compile(r"^\d{1,3}\.\d*$")  # a 落札率 whose % (and maybe last digits) wrapped onto the next line
_RATE_REST = re.compile(r"^\d*%$")
_RATE_NUMBER = re.compile(r"^\d+(?:\.\d*)?$")


def rate_cut(text: str) -> bool:
    """A 落札率 cell's first line cut before its % (「47.7」, 「40.」): a number with a decimal point and no %."""
    return bool(_RATE_CUT.match(text))


def rate_goes_on(rate: str, piece: str) -> bool:
    """The 落札率 ``rate`` (a number without its %) is continued by ``piece``, its last digits and % (「%」, 「4%」),
    or, a whole number, by its decimals alone (「98」 over 「.6」 over 「%」: the % on the line after)."""
    if rate.isdigit() and _RATE_DECIMALS.match(piece):
        return True
    return piece[-1:] == "%" and bool(_RATE_REST.match(piece)) and bool(_RATE_NUMBER.match(rate)) \
        and (piece == "%" or "." in rate)


_RATE_DECIMALS = re.compile(r"^\.\d+%?$")


def uncut_rates(rows: list) -> list:
    """Rows whose 落札率 was cut before its % (``rate_cut``) and never continued: the rate is unknown (its last
    digits may be on a line not read)."""
    return [r._replace(cells={**r.cells, "award_rate": None}) if rate_cut(r.cells.get("award_rate") or "") else r
            for r in rows]


def _amount(text: str | None) -> float | None:
    return parse_number(text).value if text else None


def out_of_order(rows: list, i: int) -> bool:
    """Row ``i``'s amount breaks its block's order (ranks by amount, largest first) against the rows of the
    next and previous rank, where those are read."""
    r = rows[i]
    a = _amount(r.cells.get("amount"))
    if a is None:
        return True
    for o in rows:
        if o.block != r.block or abs(o.rank - r.rank) != 1:
            continue
        b = _amount(o.cells.get("amount"))
        if b is not None and (b < a if o.rank < r.rank else b > a):
            return True
    return False


def corp_whole(text: str | None) -> bool:
    """A 法人番号 read from pieces came out whole: 13 digits with a valid check digit."""
    return bool(text) and houjin.is_valid(text)


@functools.lru_cache(maxsize=4096)
def width(text: str) -> int:
    """Printed width of ``text`` in half-width units (a wide character counts two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_OPENING = "([{<「『【〈《〔"
_SHORT = 4  # half-width units: a line this much narrower than its column (and by a quarter of it: a proportional
# font fits more kana than kanji in a line) did not wrap; a character pushed onto the next line (「ー」 may not start
# a line) leaves a line two units short
_LATIN = re.compile(r"[A-Za-z0-9]")
_DIGIT = re.compile(r"\d")


def ended(line: str, column: int, piece: str) -> bool:
    """A cell whose last line is ``line`` has ended before the next ``piece`` of its row: the line is clearly
    narrower than its ``column`` (the widest line seen in that column), it does not end in a Latin word or number,
    and the piece does not start with one or with an opening bracket (a line is left short before a word or a
    bracket pushed whole onto the next line: 「視察」 over 「(旅費」)."""
    short = max(_SHORT, column / 4) + (2 if _LATIN.search(line) else 0)  # (Latin letters: wider or narrower)
    return bool(line) and width(line) + short <= column and not (line[-1].isascii() and line[-1].isalnum()) \
        and bool(piece) and not moved_whole(piece)


_KANJI = re.compile(r"[\u4e00-\u9fff]")
_NO_START = "、。，．・:;!?)]}」』】〉》〕ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"  # may not start a line


@functools.lru_cache(maxsize=4096)
def holds(line: str) -> int:
    """The width (in half-width units) a printed ``line`` takes at least, in any font: a kanji two, another wide
    character (kana, a full-width mark: narrower in a proportional font) one, a Latin letter, digit or mark none."""
    return sum(2 if _KANJI.match(c) else 1 if width(c) == 2 else 0 for c in line)


_WIDE_ONLY = re.compile(r"^[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]+$")


def wide_only(line: str) -> bool:
    """``line`` is all wide characters (kanji, kana, full-width marks): its width is counted in characters when
    they are all printed one width."""
    return bool(_WIDE_ONLY.match(line))


def starts_line(piece: str) -> bool:
    """``piece`` starts with a wide character that may start a line, not followed by one that may not (nothing pushed
    it down with it), and is no word moved whole: the line above it was filled to the last character."""
    return bool(piece) and width(piece[0]) == 2 and not moved_whole(piece) and piece[0] not in _NO_START \
        and not (piece[1:2] and piece[1] in _NO_START)


def filled(line: str, piece: str) -> bool:
    """``line`` of wide characters, continued by ``piece`` (``starts_line``), filled its column exactly."""
    return wide_only(line) and starts_line(piece)


_MIXES = 3  # wide characters other than kanji (kana, marks): narrower than a kanji in a proportional font


def monospaced(lines: list[tuple[str, str, str]]) -> bool:
    """Lines that filled their column exactly (``filled``: (block, cell, line)) show every wide character printed
    one width: two lines of one column hold as many characters, one with at least ``_MIXES`` more kana or marks than
    the other (a proportional font fits more kana than kanji in a line)."""
    seen: dict[tuple[str, str, int], set[int]] = {}
    for block, cell, line in lines:
        kana = sum(1 for c in line if not _KANJI.match(c))
        seen.setdefault((block, cell, len(line)), set()).add(kana)
    return any(max(k) - min(k) >= _MIXES for k in seen.values())


def ended_in_chars(line: str, chars: int, piece: str) -> bool:
    """With every wide character one width (``monospaced``): a cell whose last ``line`` (wide characters) is shorter
    than the ``chars`` an earlier line of it held had room for ``piece``'s first character (two when the second may
    not start a line), so it ended."""
    if not (wide_only(line) and piece and width(piece[0]) == 2) or moved_whole(piece) or piece[0] in _NO_START:
        return False
    return len(line) + (2 if piece[1:2] and piece[1] in _NO_START else 1) <= chars


_KATA_INNER = "ァィゥェォッャュョヮヵヶン"  # no word starts with these: each goes on a katakana word
_HIRA_INNER = "ぁぃぅぇぉっゃゅょゎん"  # ... a hiragana one
_KATA = re.compile(r"[ァ-ヶー]")
_HIRA = re.compile(r"[ぁ-ゖー]")


def cannot_go_on(line: str, piece: str) -> bool:
    """``piece`` starts with a character no word starts with (a small kana, ン / ん, ー) that cannot follow ``line``'s
    last character (「ン株式会社」 goes on a katakana word, not on 「実施」): the piece is not that cell's."""
    if not line or not piece:
        return False
    c, last = piece[0], line[-1]
    if c in _KATA_INNER:
        return not _KATA.match(last)
    if c in _HIRA_INNER:
        return not _HIRA.match(last)
    if c == "ー":
        return not (_KATA.match(last) or _HIRA.match(last))
    return False


def ended_exactly(line: str, column: float, piece: str) -> bool:
    """A cell whose last line is ``line`` ended before ``piece``: an earlier line of the same cell (same font) shows
    its column holds at least ``column`` (``holds``), and the piece's first character (at most two units wide, as
    any character of the line) would have fitted after the line. A character that may not start a line after it
    (「、」「ー」) could have pushed it down: then two must have fitted. The piece starts with a character that may
    start a line (a wrap moves a Latin word or a bracket whole). 「センター」 under 「特定非営利」 is not continued by
    「方を巡る」."""
    if not line or column <= 0 or not piece or moved_whole(piece) or piece[0] in _NO_START:
        return False
    return 2 * len(line) + (4 if piece[1:2] and piece[1] in _NO_START else 2) <= column


def moved_whole(piece: str) -> bool:
    """``piece`` starts with a Latin word, a number or an opening bracket: a wrap moves it whole onto the next line,
    so the line above it may be short of its column (its width tells nothing about which cell it continues)."""
    return bool(piece) and ((piece[0].isascii() and piece[0].isalnum()) or piece[0] in _OPENING)


def column_line(text: str) -> bool:
    """``text`` measures its column: a line with no Latin letter or digit (whose printed width is not counted
    exactly)."""
    return not _LATIN.search(text)


def method_and_qualifier(pieces: list[str], method: str, ends: tuple[str, ...]) -> int:
    """How many of a line's last ``pieces`` are the contract method's wrapped line: two when the first completes
    the method's word (「随意契」+「約」, 「一般競争」+「契約」) and the second opens its qualifier (「(そ」) — one cell's
    line holding a space —, else one."""
    if len(pieces) >= 2 and (method + pieces[-2]).endswith("契約") and not method.endswith("契約") \
            and pieces[-1].startswith("("):
        return 2
    return 1


def method_goes_on(method: str, piece: str) -> bool:
    """A contract method's line 「一般競争」 or 「指名競争」 (a word of its own, 競争 ending the form's other methods
    「企画競争」) is continued by 「契約」: 「一般競争」 over 「契約」 is 「一般競争契約」."""
    return method.endswith(("一般競争", "指名競争")) and piece.startswith("契約")


def respell_methods(rows: list, lines: list[str], raw: list[str] | None = None) -> tuple[list, list[int]]:
    """Paragraph text's contract methods: one holding a digit (a 入札者数 run into it, 「一般競争契約(最低価8格)」) is
    unknown, and so is the row's 入札者数 when it is another number; one whose space before its qualifier differs from the sheet's own spelling on one line (``lines``: the
    payee section's; ``qualifier_spacing``) was rejoined across the wrap that fell on that space and is spelled as the
    sheet spells it. Returns (rows, lines of the methods left unknown)."""
    space = qualifier_spacing(method_cells(lines))
    out, unknown = [], []
    for r in rows:
        cm = r.cells.get("contract_method") or ""
        wrap = _wrapped_before_qualifier(cm, lines, raw) if space is None else None
        if wrap in (" ", ""):  # (the line before the qualifier ended in a space, 「随意契約 」, or in none, where the
            # tool keeps the spaces lines end in)
            r = r._replace(cells={**r.cells, "contract_method": _SPELLED.sub(r"\1" + wrap + "(", cm)})
        elif any(ch.isdigit() for ch in cm) or wrap == "?":
            # (or a method whose qualifier the sheet spells on no line, with a space or without: it was rejoined
            # across the wrap, where a space may have stood)
            unknown.append(r.line)
            run_in = re.findall(r"\d+", cm)  # (the 入札者数 run into it: a count read elsewhere that is not that one
            bidders = r.cells.get("bidders")  # is another cell's, 「一般競争契約(総合5評価)」 with 1)
            gone = {"bidders": None} if bidders is not None and run_in and run_in != [str(bidders)] else {}
            r = r._replace(cells={**r.cells, "contract_method": None, **gone})
        elif space is not None and _SPELLED.search(cm):
            r = r._replace(cells={**r.cells, "contract_method": _SPELLED.sub(
                lambda m: m[1] + space + "(", cm)})
        out.append(r)
    return out, unknown


# a contract method printed as a cell (at a line's start or after a space) with its qualifier, not one a sentence
# names (「…は随意契約(企画競争)による支…」: the 一者応札 reason's text, not the sheet's spelling of a cell)
_METHOD_CELL = re.compile(r"(?:^| )(?:(?:一般競争|指名競争|随意)契約|企画競争|公募|その他) ?\(")


def method_cells(lines: list[str]) -> list[str]:
    """The ``lines`` that print a contract method cell with its qualifier on one line (the sheet's own spelling),
    a line starting with 「契約」 or 「約」 and the qualifier's bracket as 「契約」's (「一般競争契」 over 「約 (総合評」,
    「一般競争」 over 「契約 (最低」: the method's words wrapped, the space before its qualifier printed on the line)."""
    return [ln if _METHOD_CELL.search(ln) or ln.startswith("契") else "契" + ln for ln in lines
            if "(" in ln and (_METHOD_CELL.search(ln) or _WORD_END_QUALIFIER.match(ln))]  # (both need its 「(」)


_WORD_END_QUALIFIER = re.compile(r"契?約 ?\(")


def _wrapped_before_qualifier(method: str, lines: list[str], raw: list[str] | None = None) -> str | None:
    """Where a line of ``lines`` ends with ``method``'s words before its qualifier and the next one starts with the
    qualifier (「随意契約」 over 「(その他)」), the wrap fell where a space may have stood: in the tool's ``raw``
    lines (the same lines unstripped), when the tool keeps a line's trailing space (some line ends in one), " " when
    each such line ends in a space and "" when none does; else "?". None when no line wraps there."""
    m = _SPELLED.search(method)
    if not m:
        return None
    head, rest = method[:m.start(2)], method[m.end() - 1:]
    at = [k for k, (a, b) in enumerate(zip(lines, lines[1:], strict=False))
          if (a.rstrip().endswith(head) or (len(a.strip()) >= 2 and head.endswith(a.strip())))
          and b.lstrip().startswith(rest[:3])]  # (or the head's last piece: 「一般」「競争」「契約 」 over 「(総合」)
    if not at:
        return None
    if raw is None or len(raw) != len(lines) or not any(x[-1:] == " " for x in raw):
        return "?"  # (a tool that writes no line's trailing space, pdftotext: the wrap hides it)
    ends = {raw[k][-1:] == " " for k in at}  # (pdfminer.six keeps a space a line was wrapped at, 「随意契約 」)
    return "?" if len(ends) > 1 else " " if ends.pop() else ""


def qualifier_spacing(methods: list[str]) -> str | None:
    """The sheet's own spelling of a contract method before its qualifier, from its methods printed on one line
    with the qualifier: " " or "" when they all agree, None when there is none or they differ."""
    seen = {m[2] for text in methods for m in _SPELLED.finditer(text)}
    return seen.pop() if len(seen) == 1 else None


_ASCII_WORD = re.compile(r"^[A-Za-z0-9]")
_GLUED_REST = re.compile(r"^(.*[^\d\s])(\d{1,7})$")  # a name's piece glued to the 法人番号's last digits


def word_broken(text: str, piece: str) -> bool:
    """A wrapped ``piece`` starting with a Latin word continues ``text`` that ends in one: whether a space stood
    at the line break (「Pricewater」+「houseCoo」, or 「Asia」+「Wise」) is not in the text."""
    return bool(text) and text[-1].isascii() and text[-1].isalnum() and bool(_ASCII_WORD.match(piece))


def split_unsure(pieces: list[str]) -> bool:
    """A line of a row's wrapped pieces (its first the name's) whose second piece starts with a Latin word after
    a first ending in one or in a half-finished word may be either cell's (「pers LLP 業」): the name's line
    holding a space, or the 業務概要's first word."""
    return len(pieces) >= 3 and bool(_ASCII_WORD.match(pieces[1]))


def method_closed(method: str, ends: tuple[str, ...]) -> bool:
    """A whole contract method (ending in one of ``ends``, its brackets closed) glued to the next cell's dash
    (「補助金等交付-」, the 入札者数's): the method's line ended there, so no later piece of the row is the method's."""
    m = method[:-1]
    return len(method) > 1 and method[-1] in CELL_DASHES and (not m[-1].isascii() or m[-1] == ")") \
        and m.endswith(ends) \
        and m.count("(") == m.count(")")


def corp_rest_glued(pieces: list[str], corp: str) -> tuple[list[str], int | None, bool]:
    """The first of a row's wrapped ``pieces`` (the name's) glued to the rest of a 法人番号 cut short (``corp``,
    fewer than 13 digits): (pieces with the digits split off, their index, whether the name is in doubt). The
    digits are taken when they complete a valid number; a name ending in digits is otherwise in doubt."""
    g = _GLUED_REST.match(pieces[0])
    if not g:
        return pieces, None, False
    if len(corp) + len(g[2]) == 13 and houjin.is_valid(corp + g[2]):
        return [g[1], g[2], *pieces[1:]], 1, False
    return pieces, None, True


_GLUED_PIECE = re.compile(r"^(.*[^\d\s,.])?(\d+)([^\d\s,.].*)?$")


def corp_piece_glued(pieces: list[str], corp: str, first: int) -> tuple[list[str], int | None]:
    """A wrapped line's ``pieces`` with the next line of a 法人番号 cut short (``corp``, fewer than 13 digits; its
    first line ``first`` digits long) glued to the name's piece before it or the 業務概要's after it (「伊藤忠テ15537」,
    「78791基本的な」, 「法人地域08758」): (pieces with the digits split off, their index). The digits are taken only
    when they are as long as the first line (a line of the column filled: its digits are as wide as any) or end the
    number with a valid check digit; else (pieces, None)."""
    for i, p in enumerate(pieces):
        g = _GLUED_PIECE.match(p)
        if not g or not (g[1] or g[3]):
            continue
        n = len(corp) + len(g[2])
        if (len(g[2]) == first and n < 13) or (n == 13 and houjin.is_valid(corp + g[2])):
            return [*pieces[:i], *(x for x in g.groups() if x), *pieces[i + 1:]], i + (1 if g[1] else 0)
        return pieces, None
    return pieces, None


def checked(rows: list, check: dict[int, tuple[bool, bool]]) -> tuple[list, list[int]]:
    """``rows`` less those read by a glue or a 法人番号's piece (``check``: row line → (pieced, glued)) that fail
    their check: the 法人番号 not whole (a dash only when the glue was the amount's), or the amount out of its
    block's order; and rows whose contract method holds
    a digit (no method does: the 入札者数 cell glued to it, 「(企画5」). Returns (rows, lines dropped)."""
    bad = [r.line for i, r in enumerate(rows) if _DIGIT.search(r.cells.get("contract_method") or "") or (
        r.line in check and ((not corp_whole(r.cells.get("corporate_number"))
                              and not (check[r.line][1] and r.cells.get("corporate_number") in CELL_DASHES))
                             or (check[r.line][1] and out_of_order(rows, i))))]
    return [r for r in rows if r.line not in bad], bad


def spell_qualifiers(rows: list, spelled: list[str]) -> tuple[list, list[int]]:
    """Contract methods rejoined before a qualifier across a line break, spelled as the sheet spells them on one
    line (``spelled``), or unknown when it does not say. Returns (rows, lines of methods left unknown)."""
    space = qualifier_spacing(spelled)
    out, unknown = [], []
    for r in rows:
        cm = r.cells.get("contract_method") or ""
        if QUALIFIER_JOIN in cm:
            if space is None:
                unknown.append(r.line)
            r = r._replace(cells={**r.cells, "contract_method": None if space is None
                                  else cm.replace(QUALIFIER_JOIN, space)})
        out.append(r)
    return out, unknown


def spelled_elsewhere(rows: list, alone: dict) -> list:
    """Rows whose last lines held one piece each that the name and the 業務概要 could both have wrapped (``alone``:
    row line → (first such line, name and 業務概要 before it, the pieces), the row's ``unsure`` that line): the
    pieces are all one cell's (the other ended on the line before them). When joining them to exactly one of the two
    cells spells a cell as a row read for certain spells it (the same payee or task on another row of the sheet),
    they are that cell's; otherwise the row stays unsure."""
    names = {r.cells.get("name") for r in rows if not r.unsure} - {None, ""}
    tasks = {r.cells.get("description") for r in rows if not r.unsure} - {None, ""}
    out = []
    for r in rows:
        got = alone.get(r.line)
        if got and r.unsure == ("description", got[0]):
            _, name, task, pieces = got
            as_name, as_task = join_wrapped([name, *pieces]), join_wrapped([task, *pieces])
            if (as_name in names) != (as_task in tasks):
                cells = {**r.cells, "name": as_name, "description": task} if as_name in names \
                    else {**r.cells, "name": name, "description": as_task}
                r = r._replace(cells=cells, unsure=())
            elif (cell := settled_by_shape(name, pieces)) is not None:
                cells = {**r.cells, "name": as_name, "description": task} if cell == "name" \
                    else {**r.cells, "name": name, "description": as_task}
                r = r._replace(cells=cells, unsure=())
        out.append(r)
    return out


# how a payee's name ends when it is whole: a legal form after the name (「KDDI(株)」「日本工営株式会社」), a word that
# names a body (「…協会」「…機構」「…大学」), or a closed parenthesis (「職員旅費(職員A)」, 「国際連合開発計画(UNDP)」).
# Body words of many real names, not one name's: of the words ending in 会, those that name a body (協会, 連合会,
# 工業会, 産業会, 振興会, 協議会, 中央会, 商工会), not an event (「…説明会」「…研修会」, a 業務概要's end)
_NAME_ENDS = ("(株)", "(有)", "(同)", "(合)", "株式会社", "有限会社", "合同会社", "協会", "機構", "研究所", "大学",
              "センター", "企業体", "LLP", "LLC", "事務所", "財団", "連合会", "工業会", "産業会", "振興会", "協議会",
              "中央会", "商工会", "組合", "公社", "銀行")
# legal forms that may stand before the name as well (「有限会社」+「富士通Japan」): alone they are no whole name
_FORMS = ("(株)", "(有)", "(同)", "(合)", "株式会社", "有限会社", "合同会社", "一般社団法人", "一般財団法人",
          "公益社団法人", "公益財団法人", "独立行政法人", "国立大学法人", "国立研究開発法人", "特定非営利活動法人")
# the last characters of the names of bodies (支社, 県, 病院, 工業, 組合 …, 「…ユーザー」「…システムズ」): a text ending in
# none of them, nor like a whole name, is not a payee's name
_BODY_END = frozenset("所会社部局庁省院館園校団体署課室店場業組合構学県市町村区都道府国株人科庫ーズ")


def _name_whole(name: str, paren: bool = True) -> bool:
    """``name`` ends as a whole payee's name does (``_NAME_ENDS``; with ``paren``, a closed parenthesis), with a
    name besides its legal forms (「有限会社」 alone starts a name)."""
    if paren and name.endswith(")") and name.count("(") == name.count(")"):
        end = ""
    else:
        end = next((e for e in _NAME_ENDS if name.endswith(e)), None)
        if end is None:
            return False
    core = name[:len(name) - len(end)] if end in _FORMS else name
    for form in _FORMS:
        core = core.replace(form, "")
    return len(core) >= 2


def unlike_name(text: str) -> bool:
    """``text`` ends as no payee's name does: not whole as a name (``_name_whole``), nor in a body's last character
    (``_BODY_END``): 「セキュリティ説明会の開催」, a 業務概要, not 「大阪府」 nor 「国際連合開発計画(UNDP)」."""
    return not _name_whole(text) and text[-1:] not in _BODY_END


def settled_by_shape(name: str, pieces: list[str]) -> str | None:
    """The cell (``"name"`` or ``"description"``) that a row's last lines of one piece each (``pieces``) go on, when
    the name read before them settles it by its shape: it ends as a whole name does and would not with them
    (「一般財団法人日本データ通信協会」 and 「読、セキュ」「リティ説明」「会の開催」): the 業務概要's; it does not, and with
    them it ends as a body's name (「国立大学法人京都」+「大学」): the name's. Else None (unknown). A Latin word cut at the
    line break (「Pricewaterho」+「useCoopers」: a space there or not) settles nothing."""
    if not name or not pieces or word_broken(name, pieces[0]):
        return None
    as_name = join_wrapped([name, *pieces])
    whole = _name_whole(as_name)
    if ("、" in as_name and "、" not in name and not whole) \
            or (_name_whole(name) and not (whole or as_name[-1:] in _BODY_END)):
        return "description"  # (a name lists no items: 「(株)OCS」+「(諸謝金)、」「研修の企画」「運営」)
    if not (_name_whole(name) or name[-1:] in _BODY_END) and _name_whole(as_name, paren=False):
        return "name"
    rest = join_wrapped(pieces)
    if any(len(rest) < len(e) and name.endswith(e[:-len(rest)]) and e.endswith(rest) for e in _NAME_ENDS):
        return "name"  # the pieces finish a name's end word cut at the break (「…株式会」+「社」, 「…共同企業」+「体」)
    return None


def amount_rest(amount: str, pieces: list[str], corp: str) -> tuple[list[str], str | None]:
    """A row's amount cut at its line's end (「20,39」: not grouped as the form prints an amount) continued on a
    wrapped line by a piece of digits that completes it to a printed amount (「5」 → 「20,395」): that piece is
    the amount's, not the 業務概要's nor the 法人番号's. The last such piece of the line is taken (the amount's
    column follows the name's, the 法人番号's and the 業務概要's); none when it is the line's only piece of digits
    and completes a 法人番号 cut short (``corp``) to a valid number instead. Returns (the other pieces, the whole
    amount), or (``pieces``, None)."""
    if not amount or _PRINTED_AMOUNT.match(amount) or not amount[-1:].isdigit() and amount[-1:] != ",":
        return pieces, None
    digits = [i for i, p in enumerate(pieces) if p.isdigit()]
    for i in reversed(digits):
        whole = amount + pieces[i]
        if _PRINTED_AMOUNT.match(whole):
            if len(digits) == 1 and len(corp) + len(pieces[i]) == 13 and houjin.is_valid(corp + pieces[i]):
                return pieces, None
            return [*pieces[:i], *pieces[i + 1:]], whole
    return pieces, None
