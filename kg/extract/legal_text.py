"""根拠法令 of a review sheet read from PDF text: the cell's own pieces, then a plausibility check of the laws.

The form prints 根拠法令 (left) beside 関係する計画、通知等 (right) in one row. A PDF text tool writes the row's
physical lines left to right, so a line may hold the end of the law cell, the next column's label and the start
of its value (「…電波法第103条 関係する計画、通 ・第4期…計画(…閣議決定)」), and the law cell's wrapped rest comes on
the next line beside the label's wrapped rest (「の2」「知等」). Read line by line from the label, the cell is the
value pieces before another field's label on each line (label pieces wrapped onto a line, 「条項も記載)」「知等」, are
no value): 「電波法第103条」+「の2」. A line that starts with another field's label starts the next row.

``implausible_laws`` is the backstop for every reader: a law name that does not end like a law's title, starts
with a piece of a form label, or holds a cabinet decision's words is pieces of neighbouring cells, not a law.
"""
from __future__ import annotations

import re

from kg.extract import fields
from kg.extract.doc_memo import last_document
from kg.extract.review_text import _ACCOUNT, _FULL_LABELS, CITE, _split_line, _unfragment, paragraph_style
from kg.normalize.law_ref import (
    law_title_end,  # the end of a law's title (法 not of 方法/手法…, 法律, 令, 規則 …)
)

_LEGAL_LABEL = "根拠法令(具体的な条項も記載)"  # the row's two labels, as NFKC folds them
_PLANS_LABEL = "関係する計画、通知等"
# words of a 関係する計画 item (a plan's date, decider, period), never of a law's title
_PLAN_WORDS = re.compile(r"閣議|決定\)|\d+年\d+月\d+日|第\d+期")
_DECIDED = re.compile(r"閣議|決定\)")  # a plan's decider: no law's title nor citation holds one
# pieces (two characters or more, not the label's start) of the row's two labels, as a tool wraps them onto the
# value's lines (「記載」「知等」): a law's title never starts with one
_LABEL_PIECES = tuple(sorted({lab[i:j] for lab in (_LEGAL_LABEL, _PLANS_LABEL)
                              for i in range(1, len(lab) - 1) for j in range(i + 2, len(lab) + 1)}))
_OPEN_CITE = re.compile(r"(?:第\s*[\d一二三四五六七八九十百]+|[条項]\s*\d+)$")  # a citation wrapped before its 条 / 項 / 号


def row_cells(lines: list[str], lab: int, window: int = 15) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The 根拠法令 cell's pieces and the 関係する計画、通知等 cell's, each as [(text, 1-based line)], read from the
    根拠法令 label on line ``lab`` (1-based) of the NFKC-folded ``lines`` up to a line that starts with another
    field's label (the form's next row) or the end of ``window`` lines (in paragraph-style text, a paragraph that
    goes on past them is read to its end, up to twice as many lines: pdfminer writes a long cell as one).

    - A label's wrapped rest is no value: a word that carries a label on towards its full wording (「的な条項も記載」
      and 「)」 after 「根拠法令 (具体」; 「、通知等」 after 「関係する計画」), or a piece of the left label's wording.
    - On a line holding the 関係する計画 label (or its wrapped rest), what stands before it is the left cell's, what
      follows it the right cell's; a rest standing on a line of its own (pdftotext writes the cells line by line:
      「の2」「知等」「フォローアップ(…)」) makes every later line the right cell's.
    - Elsewhere a line's words go left to right: a word goes to the right cell when that cell is open (a
      parenthesis not closed: 「(令和4年1月27日閣議決」) and the left one is not (its text ends a citation), or when
      it starts an item (「・」); a citation's continuation (「の2」「第1項」「条」) stays left; once a word of a line
      went right, the line's later words do too."""
    left: list[tuple[str, int]] = []
    right: list[tuple[str, int]] = []
    seen = {"legal": "", "plans": ""}  # each label's wording read so far (no spaces)
    border = False  # the right label's rest stood on a line of its own: the rest of the row is the right cell's
    end = min(len(lines), lab - 1 + window)
    if paragraph_style(lines):
        while end < min(len(lines), lab - 1 + 2 * window) and lines[end - 1].strip() and lines[end].strip():
            end += 1  # a cell's paragraph going on past the window (「…第11条第1」 over 「項第15号…」): to its end
    for i in range(lab - 1, end):
        parts = _split_line(lines[i])
        if not parts:
            continue
        if i == lab - 1 and parts[0][1] is None and _LEGAL_LABEL.startswith(cut := parts[0][0].split(" ", 1)[0]):
            # the label cut by a narrow cell (「根拠法」 over 「令 (具」): its first line's word is the label's
            parts = [(cut, "legal"), *([(rest, None)] if (rest := parts[0][0][len(cut):].strip()) else []),
                     *parts[1:]]
        if i > lab - 1 and (parts[0][1] not in (None, "legal", "plans") or _next_label(parts[0][0])):
            break  # the next row of the form (its label maybe wrapped in its cell: 「主要政策」「・施策」)
        side = right if border else None  # None: not settled on this line yet
        below = lines[i + 1].split(" ") if i + 1 < len(lines) else []
        further = lines[i + 2].split(" ") if i + 2 < len(lines) else []
        for text, field in parts:
            if field == "plans" and (k := _glued_plans("", squashed := text.replace(" ", ""), below)):
                # the label glued to the cell's first item (「関係する計画第4期…計画(…決定)」 over 「、通知等」)
                seen["plans"], side = squashed[:k], right
                _add(right, squashed[k:], i + 1)
                continue
            if field is not None:
                seen[field] = text.replace(" ", "") if field in seen else ""
                side = right if field == "plans" else side
                if field == "legal" and (rest := _after_label(text)):  # 「根拠法令 (具体的総務省設置法第4条…」
                    seen[field] = text.replace(" ", "")[:len(seen[field]) - len(rest.replace(" ", ""))]
                    if (glued := _NEIGHBOUR.search(rest)) is None:
                        _add(left, rest, i + 1)
                    else:  # and the right label glued to it (「…法律第89条関係する計画」)
                        _add(left, rest[:glued.start()], i + 1)
                        seen["plans"], item = _plans_label(rest[glued.start():], below)
                        side = right
                        _add(right, item, i + 1)
                continue
            glued = _NEIGHBOUR.search(text) or _head_glued(text, below, further)
            if glued:  # the right label glued to the left cell's text: 「…サイバーセキュリティ関係する計画、通」
                _add(left, _unfragment(_label_rest_off(seen, text[:glued.start()].strip())), i + 1)
                seen["plans"], item = _plans_label(text[glued.start():].split(" ", 1)[0], below, further)
                side, text = right, f"{item} {text[glued.start():].partition(' ')[2]}"
            words = [w for w in text.split(" ") if w]
            if side is None and i > lab - 1 and _rest_follows(seen, parts, text):
                side = left  # the right label's rest comes later on this line: what stands before it is left
            if side is right and not border and _between_labels(seen, words):
                side = left  # the right label's two lines on one line: between them, the left cell's next line
            for w_at, word in enumerate(words):
                if (k := _glued_rest(seen, word)):  # 「(具体的な条基本台帳法…」: the label's rest glued to the cell's
                    seen["legal"] += word[:k]
                    word = word[k:]
                if k := _glued_plans(seen["plans"], word, below, further):
                    # the label's next piece glued to the cell's first item (「計画、通まち・ひと…(平成25年7」 over
                    # 「知等」)
                    seen["plans"] += word[:k]
                    word, side = word[k:], right
                if k := _plans_piece_glued(seen, word, lines[i + 1:i + 3]):
                    # the right label's rest glued to the law cell's words (「…基本法第等」「…及び第、通知等」), or its
                    # next piece, the rest of it on a line below (「…犯罪捜査のため計画、通」 over 「…法律第96条 知等」)
                    _add(left, word[:-k], i + 1)
                    seen["plans"] += word[-k:]
                    side = right
                    continue
                if side is right and (k := _plans_rest_glued(seen, word, lines, i, end)):
                    seen["plans"] += word[:k]  # (「関係する 計地球温暖化…」 over 「画、通知等」: the label's 「計」)
                    word = word[k:]
                label = _carries(seen, word)
                if label == "legal" and _counter_not_label(seen, word, left, lines[i + 1:i + 3]):
                    label = None  # 「…法律第55」 over 「条」, the label's 「条項も記載」 on a line below: the cell's
                if label is None and not seen["plans"] and _PLANS_LABEL.startswith(word) and (len(word) >= 3 or (
                        len(word) == 2 and (any(_PLANS_LABEL.startswith(word + w) for w in below)
                                            or (w_at == len(words) - 1 and _label_down(word, lines[i + 1:i + 8]))))):
                    # the right label's first line alone (「関係する」「関係す」: wrapped in a narrow cell; 「関係」 with
                    # 「する」 on the next line, or at the ends of the lines below)
                    label = "plans"
                if label == "plans" or (label is None and word in _PLANS_PIECES and i > lab - 1):
                    if label:
                        seen["plans"] += word
                    side = right
                    border = border or (len(words) == 1 and len(parts) == 1)
                    continue
                if label == "legal":
                    seen["legal"] += word
                    if side is right and not border:
                        # the left label's rest after the right label on one line: the tool wrote the row's next
                        # physical line on this one (「根拠法令 (具 …に関 関係する 体的な条項も する法律第12条…」):
                        # what follows is the left cell's again, up to the right label's rest
                        side = None
                    continue
                if len(word) > 1 and word in _LEGAL_PIECES:
                    continue  # the left label's wording, out of its order
                if side is None and i > lab - 1:
                    side = right if _goes_right(word, left, right, words[w_at + 1:]) else None
                if side is None and word in ("条", "項", "号") and not _OPEN_CITE.search(left[-1][0] if left else ""):
                    continue  # a lone piece of the label's 「条項」, not 「…道路法第13」「条」
                if side is right and _left_open(left, word, i + 1):
                    _add(left, word, i + 1)  # (the law cell's citation written after the right label: its own)
                    continue
                _add(side if side is not None else left, word, i + 1)
    return left, right


def _label_down(head: str, lines: list[str]) -> bool:
    """``head`` (「関係」, the last word of its line) is the 関係する計画 label's first piece: the last words of the
    lines below carry it on up to 関係する計画 at least (「関係」 then 「…第94 する」, 「…信託業務 計画」), lines of the
    left label's wrapped wording alone (「体的な条項」「も記載)」) passed over — a law cell's text holds no such
    column of the label's pieces."""
    got = head
    for t in lines:
        words = t.split(" ")
        if not t:
            break
        if len(words) == 1 and t in _LEGAL_PIECES:
            continue
        if not _PLANS_LABEL.startswith(got + words[-1]):
            if len(words) > 1 and len(words[0]) > 1 and words[0] in _LEGAL_PIECES:
                continue  # the row's next line, the left label's wrapped wording first (「具体的な 3項 自動車抵当法
                # 第27条の6」): the left cell's text, the right label's rest on the lines after it (pdftotext)
            break
        got += words[-1]
        if len(got) >= len("関係する計画"):
            return True
    return False


# a citation's start (「第109条、…」) and its number and counter cut after its 第 (「77条、…」)
_CITE_START = re.compile(r"^第\s*\d+\s*条")


def _left_open(left: list[tuple[str, int]], word: str, line: int = 0) -> bool:
    """A word the tool wrote after the 関係する計画 label that goes on the law cell: the cell's last piece a law's
    title not yet cited and the word a citation (「…第18号 裁判官弾劾法 関係する計画、通知 第109条、…」), or the
    piece a citation cut after its 第 and the word its number and counter (「…製菓衛生師法第」 … 「77条、…」), or the
    piece ending an article and the word its paragraph or item (「…法律第80条の23、第37条」 … 「第1項及び第26条」: no
    plan's item starts with one) or its の-number (「…理容師法第49条」 … 「の23及び第78条」), and after such a word
    on ``line`` a law's whole citation (「内航海運組合法第38条」),
    or the piece a citation cut before its counter and the word that counter (「…第76条第3」 … 「項第11号」), or the
    piece a title's head (no citation nor title ended) and the word a law's title going on and cited (「…第109条の3
    議院事」 … 「務局法第119条…」: pdftotext writes the cell's next line after the right label's); no plan's words in
    it."""
    if not left or _PLAN_WORDS.search(word):
        return False
    last = left[-1][0]
    return bool((law_title_end(last) and _CITE_START.match(word)) or (last.endswith("第") and _NUMBER_REST.match(word))
                or (last.endswith("条") and (_SUB_CITE.match(word) or _NO_REST.match(word)))
                or (_OPEN_CITE.search(last) and _COUNTER_REST.match(word))
                or (not _CITE_END.search(last) and not law_title_end(last) and _LAW_CITED.search(word))
                or (left[-1][1] == line and _SUB_CITE.match(last) and _LAW_CITATION.search(word)))


_NO_REST = re.compile(r"^の\s*\d+(?:$|[、,及並又第])")  # an article's の-number cut from it (「…法第49条」 … 「の23及び…」)
_COUNTER_REST = re.compile(r"^[条項号](?:$|[、,第の及並又])")  # the counter of a number cut before it (「第3」 … 「項第11号」)
_LAW_CITED = re.compile(r"(?:法|律|令|規則)第\s*\d+\s*条")  # a law's title ending and its article
_SUB_CITE = re.compile(r"^第\s*\d+\s*[項号]")  # a citation's paragraph or item, its article on the line before


def _plans_rest_glued(seen: dict[str, str], word: str, lines: list[str], i: int, end: int) -> int:
    """The length of the 関係する計画 label's next characters that ``word`` (a right-cell word on line ``i``, 0-based)
    starts with, glued to the cell's first item (「関係する」 「計地球温暖化対策計画(…)」), when a word of the next two
    lines is the label's rest after them (「画、通知等」): those characters are the label's; else 0."""
    if not seen["plans"] or not _PLANS_LABEL.startswith(seen["plans"]):
        return 0
    k = next((k for k in range(len(word) - 1, 0, -1) if _PLANS_LABEL.startswith(seen["plans"] + word[:k])), 0)
    rest = _PLANS_LABEL[len(seen["plans"]) + k:]
    if not k or not rest:
        return 0
    return k if any(rest in lines[j].split(" ") for j in range(i + 1, min(end, i + 3))) else 0


def _plans_piece_glued(seen: dict[str, str], word: str, below: list[str]) -> int:
    """The length of the 関係する計画 label's next piece that ``word`` ends with, glued to the law cell's words: the
    label's whole rest (「…及び第、通知等」 after 「関係する計画」), or a piece of two characters or more whose rest
    is a word of one of the ``below`` lines (「…のため計画、通」 after 「関係する」, 「知等」 below); else 0."""
    if not seen["plans"] or not _PLANS_LABEL.startswith(seen["plans"]):
        return 0
    rest = _PLANS_LABEL[len(seen["plans"]):]
    if rest and len(word) > len(rest) and word.endswith(rest):
        return len(rest)
    for k in range(len(rest) - 1, 1, -1):
        if len(word) > k and word.endswith(rest[:k]) and (any(rest[k:] in x.split(" ") for x in below)
                                                          or _rest_in_two(rest[k:], below)):
            return k
    return 0


def _rest_in_two(rest: str, below: list[str]) -> bool:
    """The label's ``rest`` is a word of the first of the ``below`` lines and a word of the second finishing it
    (「…サリン等計画」 over 「…法律 、通」 over 「…第31条 知等」: 「、通知等」 wrapped twice)."""
    if len(below) < 2:
        return False
    after = below[1].split(" ")
    return any(w and rest.startswith(w) and rest[len(w):] in after for w in below[0].split(" "))


# the right label's first words glued to its first item after a law's words (「…に関する法律 関係する国土強靱化基本計画(…)」)
# (or glued to the law cell's words before it too, 「…第98条・ダイ関係する未来投資戦略2018(…)」 over 「オキシン類…
# 計画、通」: the label's rest below settles it)
_HEAD_GLUED = re.compile(r"関係する(?=[^\s計])")


def _head_glued(text: str, below: list[str], further: list[str]) -> re.Match | None:
    """「関係する」 glued to the 関係する計画 cell's first item in ``text``, the label's rest 「計画、通知等」 on the next
    lines (``below``, ``further``: their words; 「計画、通」 over 「知等」), or None."""
    m = _HEAD_GLUED.search(text)
    return m if m and _glued_plans("", text[m.start():].split(" ", 1)[0], below, further) else None


def _rest_below(rest: str, below: list[str], further: list[str]) -> bool:
    """The label's ``rest`` is a word of the next line, or a word there and the word finishing it on the line after
    (that word of the next line maybe glued to the cell's next words: 「計画、通10月17日閣議決定)」 over 「知等」; the
    finishing word maybe glued to the end of the law cell's line: 「…第89条第3項・株式会社知等」)."""
    return rest in below or any(w and rest.startswith(w) and rest[len(w):] in further for w in below) \
        or any((k := _glued_head(w, rest)) and (rest[k:] in further or len(rest) - k >= 2 and any(
            x != rest[k:] and x.endswith(rest[k:]) for x in further)) for w in below)


def _glued_head(word: str, rest: str) -> int:
    """The length of ``rest``'s first piece (two characters or more, not all of it) that ``word`` starts with, more
    text glued after it; else 0."""
    k = 0
    while k < min(len(word), len(rest)) and word[k] == rest[k]:
        k += 1
    return k if 2 <= k < len(word) and k < len(rest) else 0


def _glued_plans(seen: str, word: str, below: list[str], further: list[str] = ()) -> int:
    """The length of the 関係する計画、通知等 label's piece that ``word`` starts with, glued to the cell's first item
    (「計画、通まち・ひと・しごと創生総合戦略(…」 after 「関係する」), when the label's wording is settled: the piece
    completes the label, or a word of the next line (``below``) is the label's rest after it (「知等」); else 0.
    (Where the label stops is known only so: a title may start with a character that would carry the label on.)"""
    k, n = 0, len(seen)
    if _PLANS_LABEL[n:n + 1] != word[:1]:
        return 0
    while k < len(word) - 1 and n + k < len(_PLANS_LABEL) and word[k] == _PLANS_LABEL[n + k]:
        k += 1  # (the longest piece of the label the word starts with, something after it)
    for j in range(k, 0, -1):
        if n + j >= 4 and ((rest := _PLANS_LABEL[n + j:]) == "" or _rest_below(rest, below, further)):
            return j
    return 0


def _plans_label(word: str, below: list[str], further: list[str] = ()) -> tuple[str, str]:
    """(the 関係する計画 label's wording, the first item's text glued to it) of a word that starts with the label."""
    k = _glued_plans("", word, below, further)
    return (word[:k], word[k:]) if k else (word, "")


def _between_labels(seen: dict[str, str], words: list[str]) -> bool:
    """Right after the 関係する計画 label's first piece on a line, words citing articles and then that label's
    wrapped rest (「関係する 化住宅都市建設法第24条第2項、… 計画、通」): the tool wrote two physical lines of the
    row as one, so the cited words are the law cell's next line, not the plans cell's (whose items cite no
    article of a law, and hold no date or decider here)."""
    k = next((k for k, w in enumerate(words) if _carries(seen, w) == "plans"), None)
    return bool(k) and all(CITE.search(w) and not _PLAN_WORDS.search(w) for w in words[:k])


def _glued_rest(seen: dict[str, str], word: str) -> int:
    """The length of the 根拠法令 label's wrapped rest that ``word`` starts with when more follows (at least two
    characters of the wording), else 0."""
    if not seen["legal"]:
        return 0
    k = next((k for k in range(len(word) - 1, 1, -1) if _LEGAL_LABEL.startswith(seen["legal"] + word[:k])), 0)
    return k


def _after_label(text: str) -> str:
    """What follows the 根拠法令 label's wording in a label part that holds the cell's first words glued to it
    (「根拠法令 (具体的総務省設置法第4条」 -> 「総務省設置法第4条」), or ""."""
    k = 0  # characters of the label's wording matched, spaces skipped
    for pos, ch in enumerate(text):
        if ch == " ":
            continue
        if k < len(_LEGAL_LABEL) and ch == _LEGAL_LABEL[k]:
            k += 1
            continue
        return text[pos:].strip() if k >= 4 else ""
    return ""


def _next_label(text: str) -> bool:
    """``text`` (a line's first part) starts with the first words (four characters or more) of another field's
    label, wrapped in its cell (「主要政策 - 主要経費 社会保障」「主要政策・施-」: 「主要政策・施策」 over two lines):
    the form's next row."""
    first = text.split(" ", 1)[0]
    if len(first) == 3:  # a label cut after three characters by a narrow cell (「主要政」 over 「策・施」)
        return any(lab.startswith(first) for lab in _OTHER_LABELS)
    return len(first) >= 4 and any(lab.startswith(first[:4]) for lab in _OTHER_LABELS)


def _rest_follows(seen: dict[str, str], parts: list[tuple[str, str | None]], text: str) -> bool:
    """Does a piece of the 関係する計画 label stand after ``text`` (a value part of ``parts``) on its line?"""
    after = False
    for t, field in parts:
        if after and field is None and any(w in _PLANS_PIECES or (seen["plans"] and _PLANS_LABEL.startswith(
                seen["plans"] + w)) for w in t.split(" ") if w):
            return True
        after = after or t is text
    words = [w for w in text.split(" ") if w]
    return any(w in _PLANS_PIECES for w in words[1:])


def _counter_not_label(seen: dict[str, str], word: str, left: list, below: list[str]) -> bool:
    """A lone counter (「条」) that would carry the 根拠法令 label on (「(具体的な」 then 「条項も記載」) but follows a
    citation cut before its counter (「…法律第55」), while a line below starts with the label's rest from that
    same point (「条項も記載」): the label goes on there, so the counter is the cell's (「第55条」)."""
    if len(word) != 1 or word not in "条項号" or not left or not _OPEN_CITE.search(left[-1][0]):
        return False
    return any((first := x.split(" ", 1)[0]).startswith(word) and len(first) > 1
               and _LEGAL_LABEL.startswith(seen["legal"] + first) for x in below)


def _carries(seen: dict[str, str], word: str) -> str | None:
    """The label whose wording read so far ``word`` carries on (the label's wrapped rest), or None."""
    for field, full in (("legal", _LEGAL_LABEL), ("plans", _PLANS_LABEL)):
        if seen[field] and full.startswith(seen[field] + word):
            return field
    return None


def _goes_right(word: str, left: list, right: list, later: list[str] = ()) -> bool:
    """A word of a line after the label's, not yet placed: the right cell's (see ``row_cells``)? Not when a later
    word of the line carries on the right cell's date cut after its year (「(令和元年」 … 「5月23日…決定)」): the
    right cell's rest stands there, what comes before it is the left cell's."""
    if not right and _DECIDED.search(word) and not CITE.search(word):
        return True  # a plan's decider (「…計画(平成26年12月7日閣議決定)」) written first after the right label
    if _CITE_REST.match(word) or not right or _LAW_CITATION.search(word) or CITE.search(word) \
            or _LAW_OPEN.search(word):
        return False  # a citation (「…法律第33条及び第」「…法律第」): the law cell's
    if left and left[-1][0].endswith("第") and _NUMBER_REST.match(word):
        return False  # 「…及び第」 over 「34条」
    if _PLAN_WORDS.search(word):
        return True  # a plan's date or decider (「(平成30年7月27日閣議決定)」「日閣議決定)」): never a law's title
    r = "".join(t for t, _ in right)
    if law_title_end(word) and r.count("(") > r.count(")") and any(
            w.count(")") > w.count("(") and _PLAN_WORDS.search(w) for w in later):
        return False  # a law's title, the right cell's open item closed by a later word of the line (「…に関する法律
        # 決定) 「成長戦略…」」 after 「…(令和2年7月21日…本部」): the law cell's line, then the right cell's
    if word.count(")") > word.count("(") and r.count("(") > r.count(")") \
            and "".join(t for t, _ in left).count("(") <= "".join(t for t, _ in left).count(")"):
        return True  # the right cell's open parenthesis closed (「セキュリティ戦略本部決定)」): the left has none open
    if _OPEN_DATE.search(right[-1][0]):
        rest = _DATE_REST if right[-1][0].endswith("年") else _YEAR_DATE_REST  # (cut before its 年: 「(令和元」)
        if rest.match(word):
            return True
        if any(rest.match(w) for w in later):
            return False
    if _ERA_OPEN.search(right[-1][0]) and not _ERA_REST.match(word):
        return False  # the right cell's date cut after its era (「…戦略(平成」 over 「29年6月17日…」): its rest is a
        # year's number, a word that is none (「投」 of 「投資信託及び…法律」 over 「資信託…」) is the law cell's
    if word.startswith(("・", "●", "○")):
        return True
    return (r.count("(") > r.count(")") or r.count("「") > r.count("」")) and bool(left) \
        and bool(_CITE_END.search(left[-1][0]))


def _label_rest_off(seen: dict[str, str], text: str) -> str:
    """``text`` without its first words that carry the 根拠法令 label on (「( 財政融資資金法…」 after 「根拠法令」: the
    label's 「(」, its 「具体的な」 below), each added to the label's wording read."""
    words = text.split(" ")
    while len(words) > 1 and _carries(seen, words[0]) == "legal":
        seen["legal"] += words.pop(0)
    return " ".join(words)


def _add(side: list[tuple[str, int]], text: str, line: int) -> None:
    text = text.strip()
    if text:
        side.append((text, line))


@last_document
def _row_cells_once(lines: list[str], lab: int) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """``row_cells(lines, lab)``, worked out once per document: the 根拠法令 and the 関係する計画 readers both ask for
    it (the last document's answer is kept, by its list of lines, which are not changed while a sheet is read)."""
    return row_cells(lines, lab)


def legal_pieces(lines: list[str], lab: int) -> tuple[str, int, int] | None:
    """(the 根拠法令 cell's text, first line, last line; 1-based) by ``row_cells``; None when no piece cites an
    article."""
    # (an account cell written after the label by a paragraph-style tool, 「東日本大震災復興特別会計」, is no law's)
    left, right = _row_cells_once(lines, lab)
    pieces = [p for p in left if not _ACCOUNT.match(p[0])]
    if not pieces or _head_given_right(lines, pieces[0], right):
        return None
    text = fields.join_wrapped(t for t, _ in pieces)  # (a citation wrapped before its counter: 「…第55」 + 「条」)
    text = _LABEL_AFTER_DAI.sub("第", text)
    return (text, pieces[0][1], pieces[-1][1]) if CITE.search(text) else None


def _head_given_right(lines: list[str], first: tuple[str, int], right: list[tuple[str, int]]) -> bool:
    """The law cell's first piece is a whole line and the line right above it, in the same paragraph, a whole
    line given to the 関係する計画 cell: one paragraph cut in two by lines (pdfminer.six writing the cell alone,
    「独立行政法人環境再生保」 over 「全機構法第71条…」), the law's title cut off its head."""
    text, line = first
    return line >= 2 and lines[line - 1].strip() == text and (lines[line - 2].strip(), line - 1) in right


def plans_pieces(lines: list[str], lab: int) -> tuple[str, int, int] | None:
    """(the 関係する計画、通知等 cell's text, items on lines of their own, first line, last line) by ``row_cells``
    from the 根拠法令 label on line ``lab``; None when the cell holds nothing."""
    pieces = _row_cells_once(lines, lab)[1]
    if not pieces:
        return None
    return "\n".join(t for t, _ in pieces), pieces[0][1], pieces[-1][1]


# a plan item's dated decision (「(平成30年1月3日閣議決定)」)
_PLAN_DATED = re.compile(r"\((?:令和|平成|昭和)\s*(?:元|\d{1,2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^()]*決定\)")


def plans_taken_left(lines: list[str], lab: int) -> bool:
    """The row's cells split wrongly: a 根拠法令 piece holds a plan item with its dated decision and the 関係する計画
    cell's first piece stands on a later line than the 根拠法令's first (「…第41条及関係 サイバーセキュリティ2019(平成30
    年1月3日閣議決定) 第4期教育振興基」 over 「… 本計画(令和元年…)」: the plans' first line was read as the left
    cell's, so the plan starting the next line, 「本計画」, is an item's rest)."""
    legal, plans = _row_cells_once(lines, lab)
    return bool(legal and plans and plans[0][1] > legal[0][1] and any(_PLAN_DATED.search(t) for t, _ in legal))


# the left cell's piece glued to the 関係する計画 label's cut rest (「独立行政法人地域医療る計画」: the label between
# the two cells); a title's own 「…に係る計画」「…する計画」 is none
_LEFT_BEFORE_LABEL = re.compile(r"^[^()()\d]{2,}(?<![係す])る計画$")


def laws_cut_at_head(lines: list[str], lab: int) -> list[str]:
    """The laws whose title's head the 根拠法令 cell lost: a piece of the left cell glued to the label's rest went
    with the 関係する計画 cell (_LEFT_BEFORE_LABEL), so the law starting the next 根拠法令 piece below it is cut at its
    head (「独立行政法人地域医療」 lost, 「機能推進機構法第76条」 read as a law's citation)."""
    from kg.normalize.law_ref import parse_legal_bases

    legal, plans = _row_cells_once(lines, lab)
    out = []
    for text, line in plans:
        if _LEFT_BEFORE_LABEL.match(text.replace(" ", "")):
            below = next((t for t, n in legal if n > line), None)
            bases = parse_legal_bases(below) if below else []
            if bases and bases[0].get("law"):
                out.append(bases[0]["law"])
    return out


def plans_rejoined(lines: list[str], lab: int) -> str | None:
    """The 関係する計画、通知等 cell's items (one a line) when the cell's words are dated items wrapped anywhere: a
    piece that does not close its item (「…決定) 地球」 over 「温暖化対策計画(…決定)」) goes on with the first piece of
    the next line; None when such a piece is followed on its own line (words of one item apart) or the last piece
    leaves its item open."""
    items: list[str] = []
    open_at = None  # the line of the open item's last piece
    for text, line in _row_cells_once(lines, lab)[1]:
        if open_at is not None:
            if line == open_at:
                return None
            items[-1] = fields.join_wrapped([items[-1], text])
        else:
            items.append(text)
        open_at = None if items[-1].endswith(")") else line
    return "\n".join(items) if items and open_at is None else None


# the next column's label glued to the law cell's text on one line (「…サイバーセキュリティ関係する計画、通」)
_NEIGHBOUR = re.compile(r"関係する\s*計画|関係する?\s*計?(?= |$)")  # (or cut after its 「計」: 「…審査会関係する計」)
# pieces of the right label (「通知等」「知等」「、通知等」): the border between the two cells on a wrapped line
_PLANS_PIECES = frozenset(_PLANS_LABEL[i:j] for i in range(1, len(_PLANS_LABEL))
                          for j in range(i + 1, len(_PLANS_LABEL) + 1))
_OTHER_LABELS = (*(x for x in _FULL_LABELS if not x.startswith(("根拠法令", "関係する"))), "主要政策・施策", "主要経費",
                 "会計区分", "実施方法", "担当部局庁", "作成責任者")  # the form's labels of the rows around 根拠法令
_OPEN_DATE = re.compile(r"(?:(?:\d{1,4}|元)年|(?:令和|平成|昭和)(?:\d{1,2}|元))$")  # a plan's date cut after its year
_ERA_OPEN = re.compile(r"(?:令和|平成|昭和)$")  # a plan's date cut after its era's name
_ERA_REST = re.compile(r"^(?:\d|元)")
_DATE_REST = re.compile(r"^\d{1,2}月")  # (or before its 年: 「(令和元」 over 「年5月23日…」)
_YEAR_DATE_REST = re.compile(r"^年\d{1,2}月")
# words of the row's two labels (cut by a narrow cell: 「関係す」) that no law's title holds
# (「る計画」 of the 関係する計画 label glued inside a title: 「国家公務員災る計画害補償法」; real titles hold it only as
# 「…に係る計画」「…する計画」)
# (「知等」, the label's last piece, glued inside a title: 「株式会社知等農林漁業…法」; the e-Gov list's titles hold
# 「知等」 only in 「通知等」)
_LABEL_IN = re.compile(r"関係す|通知等|条項も|具体的な|(?<![係す])る計画|(?<!通)知等")
# a whole law citation (「サイバーセキュリティ基本法第16条」): the left cell's, even beside an open plan item
_LAW_CITATION = re.compile(r"(?:(?<![方手用寸製工])(?<![^競]技)(?<!^技)法|律|令|規則)第\s*\d+\s*条(?:の\d+)?(?:第\s*\d+\s*[項号])*$")
# a law's title and the 第 of its citation, the number wrapped onto the next line (「電子署名…に関する法律第」)
_LAW_OPEN = re.compile(r"(?:(?<![方手用寸製工])(?<![^競]技)(?<!^技)法|律|令|規則)第$")
_NUMBER_REST = re.compile(r"^\d+\s*[条項号]")  # the number and counter of a citation cut after its 第
# a citation's continuation wrapped onto the next line, and a text that ends a citation
_CITE_REST = re.compile(r"^(?:の\s*\d|第\s*[\d一二三四五六七八九十]|[条項号](?:$|[、,第の]))")
_CITE_END = re.compile(r"(?:条|項|号|の\s*\d+|[)）])$")
# pieces of the left label wrapped onto the value's lines (「条項も記載)」「的な条項も記載」「記載)」)
_LEGAL_PIECES = frozenset(p for i in range(len(_LEGAL_LABEL)) for j in range(i + 1, len(_LEGAL_LABEL) + 1)
                          if (p := _LEGAL_LABEL[i:j]) != _LEGAL_LABEL and re.search(r"\w", p))
# a citation cut after its 第, a piece of the row's labels glued there and its number on the next line (「…法第89条
# 第知等」 over 「3項第23号」, 「…会社法第計画、通」 over 「10条」): the label's piece is no part of the citation
_GLUED_PIECES = "|".join(map(re.escape, sorted((p for p in _PLANS_PIECES | _LEGAL_PIECES if len(p) >= 2),
                                               key=len, reverse=True)))
_LABEL_AFTER_DAI = re.compile(rf"第\s*(?:{_GLUED_PIECES})\s*(?=\d+\s*[条項号])")


def implausible_laws(bases: list[dict], text: str = "") -> list[str]:
    """The law names of ``bases`` (parse_legal_bases' shape) that cannot be a law's title; with the cell's ``text``
    they were parsed from, also a name the right label's piece runs into (「…のため計画、通」 + 「の通信傍受に関す
    る法律」 read as 「通の通信傍受に関する法律」) or one that a plan's parenthesis was cut out of (「民事執行関係成長
    戦略フォローアップ(…決定)法」)."""
    out = []
    flat = text.replace(" ", "").replace("\n", "")
    for b in bases:
        name = b.get("law") or ""
        if (not law_title_end(name) or name.startswith(_LABEL_PIECES) or _PLAN_WORDS.search(name)
                or name[:1] in "・、,()第条項号0123456789の" or _LABEL_IN.search(name)
                or _NOT_IN_TITLE.search(name) or _CUT_HEAD.match(name) or _KIND_ONLY.match(name)
                or (flat and _cut_from(flat, name))):
            out.append(name)
    return out


# a dash (the empty cell's 「-」 of a neighbour) or a citation's number (「納税貯蓄組合法第70漁港漁場整備法」: two
# laws run together, the counter lost): no law's title holds one (its numbers are written in kanji)
_NOT_IN_TITLE = re.compile(r"[-‐‑–—―−]|第\s*\d")
# a title that is only the kind of law, its body cut off on the lines above (「消費者教育の推進に関する」 then the
# 関係する計画 cell's line, then 「法律第93条…」 read as the law 「法律」)
_KIND_ONLY = re.compile(r"^(?:法律?|政令|省令|府令|規則|令|条例|施行令|施行規則)$")
# a title whose head went elsewhere (「特別会計に」 on the line above, the 関係する計画 label's pieces between:
# 「関する法律第16条」 read alone): no law's title starts with a particle, a verb's ending (「る法律」: 「…に関す」 on
# the line above) or a word that ties it to what came before (none of the e-Gov list's titles starts with one)
_CUT_HEAD = re.compile(r"^(?:に|を|は|で|る|関する|係る|よる|対する|基づく|及び|並びに|又は|若しくは|等)")


def _cut_from(flat: str, name: str) -> bool:
    """Is ``name`` no piece of the cell's text ``flat`` read as it stands (a plan's dated parenthesis cut out of it),
    or does a piece of the 関係する計画 label run into its start (「計画、通」 + 「の通信…」)?"""
    p = flat.find(name)
    if p < 0:
        return bool(_PLAN_WORDS.search(flat))
    return any(flat[max(0, p - j):p + 1] in _PLANS_PIECES for j in (2, 3, 4) if p >= j) \
        or (p >= 2 and flat[p - 1:p + 1] in _PLANS_PIECES and not _LIST_BEFORE.match(flat[p - 2]))


# what a 「、」 listing another law follows: a title's end or a citation's (「電波法、通信傍受法」) — after anything else
# (「…医療機、通」 over 「器総合機構法」) a 2-character piece of the 関係する計画、通知等 label ran into the title
_LIST_BEFORE = re.compile(r"[法令則律約条項号等\d)]")


# a citation's number cut from its counter and glued to other text (「…第2項第12関係する…」 over 「号・…」): the
# citation it ends is not established
_CUT_NUMBER = re.compile(r"(?<=[条項号\d])第\s*\d+(?=[^\d\s条項号章の、,・~〜第及並又かま等)\n])")


# an article's 「の」 number cut from it by the 関係する計画、通知等 label's pieces (「地方財政法第79条の 計画 …」, its
# 「2」 further on), or by anything else glued on (「…第35条の関係す第4期…」): the article read (79) is not the one
# cited (79の2)
_CUT_NO = re.compile(rf"(?<=条)の(?=\s+(?:{_GLUED_PIECES}))|(?<=条)の(?![\s\d一二三四五六七八九十]|規定|定め)")


# a 第 after a citation's counter with no number after it (「…法律第99条第」 then 「関係」 and 「3項」 elsewhere): the
# citation goes on past the cut, its paragraph or item unread — the article alone is not the one cited
_CUT_DAI = re.compile(r"(?<=[条項号])第(?!\s*[\d一二三四五六七八九十百])")


def _law_before(text: str, bases: list[dict], at: int) -> tuple[int, dict | None]:
    """Where in ``text`` the law of ``bases`` named last before ``at`` is named, and that base; (-1, None) when
    none is."""
    found = [(text.rfind(b["law"], 0, at), b) for b in bases if b.get("law")]
    p, law = max(found, key=lambda x: x[0], default=(-1, None))
    return (p, law) if p >= 0 else (-1, None)


def cut_citations(text: str, bases: list[dict]) -> list[tuple[str, dict]]:
    """(law, citation) of ``bases`` whose citation ends in a number cut from its counter in ``text`` (the cell's
    text they were parsed from): the law named last before the cut, the last citation read up to it."""
    from kg.normalize.law_ref import parse_legal_bases

    out = []
    cuts = [*_CUT_NUMBER.finditer(text), *_CUT_NO.finditer(text), *_CUT_DAI.finditer(text)]
    for m in sorted(cuts, key=lambda m: m.start()):
        p, law = _law_before(text, bases, m.start())
        if law is None:
            continue
        parsed = parse_legal_bases(text[p:m.start()])
        if not parsed or parsed[-1].get("law") != law["law"]:
            continue  # another title named after it up to the cut (「…福祉士法第79条・法の適用に関する通則法…第71条の
            # る法律…」, that title no base of its own): the cut is that one's, not this law's
        read = [c for lb in parsed if lb.get("law") == law["law"] for c in lb.get("citations") or []]
        if read and read[-1] in (law.get("citations") or []):
            out.append((law["law"], read[-1]))
    return out


# a bare article number (no 第) after words that follow a citation's counter with no list word between
# (「土地基本法第39条第3項 国立研」 over 「110条」: the next law's title cut, its 第 and rest beside the 関係する計画 label)
_WORDS_THEN_BARE = re.compile(r"(?<=[条項号])([^\d\s、,・第及並又~〜か等()]{1,12}?)(\d+)条")


# a citation's counter followed by another counter (「第3号」 then 「条及び第94条」): a piece of the cell between them
# was lost (written with a label's piece, 「条項も記 ・独立行政法人福祉医療機構法第17」), and the citations after it are
# another law's
_LOST_BETWEEN = re.compile(r"(?<=\d[条項号])[条項号]")


def stray_articles(text: str, bases: list[dict]) -> list[tuple[str, dict]]:
    """(law, citation) of ``bases`` whose article stands in ``text`` bare (no 第) after words, not a law's title nor a
    list word, that follow the law's citation before: the parser gave it to that law, but the words are another
    cell's or the head of a title cut off (「…第3項国立研110条」: 110 is 国立研究開発法人…法's, not 土地基本法's);
    and the law's citations read after a lost piece of the cell (_LOST_BETWEEN)."""
    from kg.normalize.law_ref import law_title_end, parse_legal_bases

    out = []
    for m in _WORDS_THEN_BARE.finditer(text):
        if law_title_end(m[1]):
            continue  # (another law cited without 第: the parser's own)
        _, law = _law_before(text, bases, m.start())
        if law is None:
            continue
        out += [(law["law"], c) for c in law.get("citations") or [] if c.get("article") == m[2] and set(c) == {"article"}]
    for m in _LOST_BETWEEN.finditer(text):  # (「…第3号」 then 「条及び第94条」: the line between lost)
        p, law = _law_before(text, bases, m.start())
        if law is None:
            continue
        before = [c for lb in parse_legal_bases(text[p:m.start()]) if lb.get("law") == law["law"]
                  for c in lb.get("citations") or []]
        out += [(law["law"], c) for c in law.get("citations") or [] if c not in before]
    return out
