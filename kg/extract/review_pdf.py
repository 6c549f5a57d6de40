"""行政事業レビューシート read from PDF text -> review_sheet record (../shared/gold/SCHEMA.md).

PDF text scrambles the order of the sheet's cells, wraps cells over short lines and splits vertical
labels into single characters. Fields are found by the form's own labels and value shapes, never by
line offsets, and settled by consistency checks:

- title 「平成29年度行政事業レビューシート 総務省」 -> sheet year, ministry; 「事業番号 0048」;
- 事業名 / 担当部局庁 / 作成責任者 / 担当課室: the line holding 担当部局庁 (name before it, bureau after);
- 事業開始年度 / 事業終了(予定)年度: era-year cells around the 事業終了 label;
- 会計区分, 実施方法, 主要経費 / 主要政策・施策: cells that are made only of the form's vocabulary;
- 根拠法令: the paragraph after the label, law names rejoined over line breaks, then
  ``kg.normalize.law_ref.parse_legal_bases``; 関係する計画、通知等: the bullet paragraph next to its label;
- 予算額・執行額: rows beside their labels (budget_lines.budget_rows / budget_paragraphs), else rebuilt from its
  arithmetic (kg.extract.pdf_layout.solve_budget, budget_text's column runs), else the real form's rows in
  reading order (budget_form); each checked by 計 = its parts;
- 支出先上位10者リスト: rows anchored on the 法人番号 cell (13 digits, or "-" with the amount), blocks taken
  from the 費目・使途 totals (計 per block, in block-letter order): rows fill blocks in order so that their
  amounts add up to each block total; 法人番号 check digits are verified;
- 関連する過去のレビューシートの事業番号, 関連事業, 政策評価 (政策 / 施策 lines).

Everything not settled is a warning; every field gets a provenance span.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from kg.extract import fields
from kg.extract.budget_boxes import budget_boxes, budget_headed
from kg.extract.budget_breakdown import breakdown_columns, breakdown_request, breakdown_totals
from kg.extract.budget_cut import budget_cut
from kg.extract.budget_form import budget_row_major
from kg.extract.budget_gaps import budget_gaps
from kg.extract.budget_lines import budget_paragraphs_unsure, budget_rows
from kg.extract.budget_strips import budget_strips
from kg.extract.budget_tail import budget_tail, printed_rates, rates_among, rates_match
from kg.extract.budget_text import budget_from_text
from kg.extract.doc_memo import last_document
from kg.extract.folded_text import folded_lines
from kg.extract.legal_text import (
    _LEGAL_LABEL,
    _PLANS_LABEL,
    _PLANS_PIECES,
    cut_citations,
    implausible_laws,
    laws_cut_at_head,
    legal_pieces,
    plans_pieces,
    plans_rejoined,
    plans_taken_left,
    stray_articles,
)
from kg.extract.page_marks import without_page_numbers
from kg.extract.payee_bids import settle_bids
from kg.extract.payee_boxes import (
    checked_by_amounts,
    checked_by_totals,
    doubted_amounts_unknown,
    has_letters,
    payee_boxes,
    with_boxes,
)
from kg.extract.payee_columns import payee_columns
from kg.extract.payee_figures import bidders_shaped_amounts, header_figure_unheld
from kg.extract.payee_form_text import (
    form_disputes,
    form_letters,
    form_rows,
    header_piece,
    number_line_wraps,
    with_form_blocks,
    with_form_rows,
)
from kg.extract.payee_heads import rows_before_letter
from kg.extract.payee_rows_text import FIGURE, PayeeRow, payee_rows
from kg.extract.payee_uncontested import bids_without_contest
from kg.extract.payee_wraps import respell_methods, unlike_name
from kg.extract.pdf_layout import ROWS, budget_groups, paragraphs, solve_budget
from kg.extract.policy_eval import MINISTRY_PARENT
from kg.extract.review_text import (
    _CHECK_ROW_LABEL,
    CITE,
    OFFICIAL_SHAPE,
    bureau_rest_below,
    cut_number_head,
    holds_label_head,
    label_fields,
    label_lists,
    label_piece,
    label_rests_below,
    label_rests_to_next_row,
    measure_rest_apart,
    name_and_bureau_rests_below,
    name_rest_alone,
    name_rest_before_label_rest,
    name_rest_below,
    name_rest_beside,
    next_row,
    official_as_written,
    official_paragraph,
    officials_alone,
    org_plausible,
    paragraph_style,
    payee_paragraphs,
    payee_section_cells,
    plans_plausible,
    policy_value_plausible,
    title_rest_below,
    tokens,
)
from kg.normalize.era import guess_era
from kg.normalize.houjin import DIGITS13
from kg.normalize.houjin import is_valid as houjin_valid
from kg.normalize.law_ref import parse_legal_bases
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.project_number import canonical_number, parse_numbers
from kg.normalize.sudachi import word_goes_on
from kg.normalize.text import CELL_DASHES, is_unknown, lines_matching, nfkc_lines, squash
from kg.read.base import RawDoc
from kg.records import Record, new_record, span, warn

_MINISTRY_RE = re.compile("|".join(sorted(map(re.escape, MINISTRY_PARENT), key=len, reverse=True)))
_ERA_YEAR_CELL = re.compile(r"^(?:令和|平成|昭和)\s*(?:元|\d{1,2})\s*年度$")
_PERIOD_FIRST = frozenset("令平昭終")  # the first characters of an era year cell and of 終了予定
_METHODS = {"直接実施", "委託・請負", "補助", "負担", "交付", "貸付", "出資", "その他", "委託", "請負"}
MAJOR_EXPENSES = ("社会保障", "社会保障関係費", "文教及び科学振興", "科学技術振興", "国債費", "恩給", "地方交付税交付金",
                  "地方特例交付金", "防衛", "防衛関係費", "公共事業", "公共事業関係費", "経済協力", "中小企業対策",
                  "エネルギー対策", "食料安定供給", "食糧安定供給", "その他の事項経費", "予備費", "東日本大震災復興")
MAJOR_POLICIES = ("IT戦略", "科学技術・イノベーション", "地方創生", "子ども・子育て支援", "一億総活躍社会", "女性活躍",
                  "男女共同参画", "観光立国", "海洋", "宇宙", "原子力", "国土強靱化", "国土強靭化", "健康・医療",
                  "知的財産", "クールジャパン", "農林水産業", "消費者政策", "環境", "復興", "少子化社会対策",
                  "高齢社会対策", "障害者施策", "子ども・若者育成支援", "交通安全対策", "自殺対策",
                  "犯罪被害者等施策", "薬物乱用対策", "ODA", "地球温暖化対策", "生物多様性", "地域活性化",
                  "文化芸術振興", "サイバーセキュリティ", "防災", "水循環", "ものづくり", "海洋政策", "TPP")
_CONTRACT = re.compile(r"^(一般競争|指名競争|随意契約|企画競争|公募|確認公募|不落随契|少額随契|その他|補助|交付|負担|委託)")
_PAYEE_HEADER_WORDS = ("支出先", "法人番号", "業務概要", "支出額", "契約方式", "入札者数", "応募者", "落札率", "一者応札",
                       "競争性のない", "理由及び改善策", "百万円", "契約先", "ﾌﾞﾛｯｸ", "ブロック", "チェック", "リスト",
                       "別紙", "費目", "使途", "金額", "資金の流れ", "契約額")
_POLICY_LINE, _MEASURE_LINE = re.compile(r"^政策\s+\S"), re.compile(r"^施策\s+\S")
_WIDE_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_OUTCOME_LABELS = ("成果目標", "活動指標", "目標最終年度", "成果実績", "活動実績", "単位当たり")
_OUTCOME_RE = re.compile("|".join(_OUTCOME_LABELS))  # a line holding any of them


def _first(L: list[str], pred, lo: int = 1, hi: int | None = None) -> int | None:
    hi = len(L) if hi is None else hi
    if 1 <= lo and 0 <= hi <= len(L):  # the lines by a slice (no index per line; a negative hi: none)
        return next((i for i, t in enumerate(L[lo - 1:hi], lo) if pred(t)), None)
    return next((i for i in range(lo, hi + 1) if pred(L[i - 1])), None)


@last_document
def _squashed(L: list[str]) -> list[str]:
    """squash() of every line of L (the last document's lines kept: the label scans below all ask)."""
    return [squash(x) for x in L]


@last_document
def _joined(L: list[str]) -> tuple[str | None, str | None]:
    """L's lines and their squashed forms, each joined by line breaks (the last document's kept), or None where
    a line holds a line break itself (then a line's number is not the count of breaks before it)."""
    text, sq = "\n".join(L), "\n".join(_squashed(L))
    n = len(L) - 1
    return text if text.count("\n") == n else None, sq if sq.count("\n") == n else None


def _line_at(text: str, pos: int) -> int:
    """The 1-based line of position ``pos`` of L's joined text."""
    return text.count("\n", 0, pos) + 1


def _first_starting(L: list[str], word: str) -> int | None:
    """_first(L, lambda t: t.startswith(word)) for a word without line breaks: the first line starting with it is
    where the joined text holds it at its start or after a line break."""
    text = _joined(L)[0]
    if text is None or not word or "\n" in word:
        return _first(L, lambda t: t.startswith(word))
    if text.startswith(word):
        return 1
    p = text.find("\n" + word)
    return None if p < 0 else _line_at(text, p + 1)


def _first_matching(L: list[str], word: str, pattern: re.Pattern) -> int | None:
    """_first(L, lambda t: pattern.match(t) is not None) for a pattern whose matches start with ``word``: the
    pattern is tried only on the lines starting with the word, in order."""
    text = _joined(L)[0]
    if text is None or not word or "\n" in word:
        return _first(L, lambda t: pattern.match(t) is not None)
    p = 0 if text.startswith(word) else text.find("\n" + word)
    while p >= 0:
        i = _line_at(text, p + (text[p] == "\n"))
        if pattern.match(L[i - 1]) is not None:
            return i
        p = text.find("\n" + word, p + 1)
    return None


def _first_search(L: list[str], pattern: re.Pattern) -> int | None:
    """_first(L, pattern.search) for a pattern whose matches hold no line break (literal words): the line of
    its first match in the joined text."""
    text = _joined(L)[0]
    if text is None:
        return _first(L, pattern.search)
    m = pattern.search(text)
    return None if m is None else _line_at(text, m.start())


def _first_holding(L: list[str], words: tuple[str, ...]) -> int | None:
    """_first(L, lambda t: all(w in t for w in words)) for words without line breaks: only the lines holding
    the first word (found in the joined text) are asked for the others, in order."""
    text = _joined(L)[0]
    if text is None or not words or any(not w or "\n" in w for w in words):
        return _first(L, lambda t: all(w in t for w in words))
    p = text.find(words[0])
    while p >= 0:
        i = _line_at(text, p)
        if all(w in L[i - 1] for w in words[1:]):
            return i
        end = text.find("\n", p)
        if end < 0:
            return None
        p = text.find(words[0], end)
    return None


def _first_in(L: list[str], word: str) -> int | None:
    """The first line whose squashed text holds ``word`` (1-based): where the squashed lines, joined by line
    breaks, first hold it (a word without white space never spans a break)."""
    sq = _joined(L)[1]
    if sq is None or not word or "\n" in word:
        return next((i for i, t in enumerate(_squashed(L), 1) if word in t), None)
    p = sq.find(word)
    return None if p < 0 else _line_at(sq, p)


def _first_wrapped(L: list[str], label: str, least: int = 3) -> int | None:
    """The first line where the form's ``label`` (NFKC, no spaces) starts, whole or wrapped in its narrow cell:
    the line starts with ``label`` itself, or with its first ``least`` characters or more as a word of their own
    (「根拠法」「関係す」「関係する計」) whose rest starts the next line (「令 (具」「る計画」「画、通知等」)."""
    whole = _first_starting(L, label[:4])
    head = label[:least]
    for i in _lines_starting(L, head):
        if whole is not None and i >= whole:
            break
        word = L[i - 1].split(" ", 1)[0]
        if not label.startswith(word) or i >= len(L):
            continue
        rest, below = label[len(word):], squash(L[i])
        if below[:2] == rest[:2]:  # (a rest of one character: its character)
            return i
    return whole


def _para_of(paras: list[tuple[int, int]], line: int) -> int | None:
    return next((k for k, (a, b) in enumerate(paras) if a <= line <= b), None)


# ------------------------------------------------------------------ header fields

def _title(rec: Record, L: list[str]) -> None:
    for i, t in enumerate(L, 1):
        title = fields.parse_sheet_title(t)
        if title:
            rec["sheet_fiscal_year"] = title.fiscal_year
            span(rec, "sheet_fiscal_year", i)
            m = _MINISTRY_RE.search(t[t.find("シート"):]) if "シート" in t else None
            if m:
                rec["ministry"] = m.group(0)
                span(rec, "ministry", i)
            break
    else:
        warn(rec, "title_missing", "no 「…年度行政事業レビューシート」 title", field="sheet_fiscal_year")
    if rec["ministry"] is None:
        warn(rec, "ministry_missing", "no ministry next to the title", field="ministry")


def _lines_starting(L: list[str], word: str) -> list[int]:
    """The lines starting with ``word`` (a word without line breaks), 1-based, in order: where the joined text
    holds it at its start or after a line break."""
    text = _joined(L)[0]
    if text is None or not word or "\n" in word:
        return [i for i, t in enumerate(L, 1) if t.startswith(word)]
    out = [1] if text.startswith(word) else []
    p = text.find("\n" + word)
    while p >= 0:
        out.append(_line_at(text, p + 1))
        p = text.find("\n" + word, p + 1)
    return out


def _project_number(rec: Record, L: list[str]) -> None:
    for i in _lines_starting(L, "事業番号"):
        m = re.match(r"^事業番号\s*(.+)$", L[i - 1])
        if m and not is_unknown(m.group(1)):
            num = canonical_number(m.group(1))
            if num and not re.search(r"事業名|府省", m.group(1)):
                rec["project_number"] = num
                span(rec, "project_number", i)
                return
    warn(rec, "project_number_missing", "no 「事業番号 NNNN」 cell", field="project_number")


def _from_name_label(parts: list[str]) -> list[str]:
    """The 事業名 cell's lines of a paragraph: from the last one starting with the 事業名 label (the sheet's title
    above it, no blank line between: 「令和3年度行政事業レビューシート (防衛省)」 over 「事業名調査情報対策事業 …」)."""
    k = max((k for k, x in enumerate(parts) if x.startswith("事業名")), default=0)
    return parts[k:]


def _name_goes_on_below(rec: Record, L: list[str]) -> None:
    """A 事業名 read ending on a line whose last word the line below carries on (「…推進対策事」 over 「業 庁」: 事業
    across the join, kg.normalize.sudachi.word_goes_on) was cut where its cell wrapped: unknown, with a warning
    (which pieces below are the name's, the label's and the bureau's is not told)."""
    name = rec.get("project_name")
    i = (rec["provenance"]["spans"].get("project_name") or [None])[-1]
    if not isinstance(name, str) or not name or not isinstance(i, int) or name[-1] not in L[i - 1]:
        return  # (the name's span ends on line i, the name's end printed there)
    below = next((t.strip() for t in L[i:i + 2] if t.strip()), "")  # (pdfminer.six: the next box, a blank between)
    if (below and word_goes_on(name, below.split(" ")[0])) or _name_rest_alone(name, L, i):
        warn(rec, "project_name_ambiguous", f"事業名 {name!r}: its last word goes on below ({below!r}), the name cut "
             "where its cell wrapped; its end is unknown", line=i, field="project_name")
        rec["project_name"] = None
        rec["provenance"]["spans"].pop("project_name", None)


_HEADER_END = re.compile(r"^(?:会計区分|根拠法令)")


def _name_rest_alone(name: str, L: list[str], i: int) -> bool:
    """Paragraph-style text: a line of the header rows below the 事業名 (line ``i``), up to 会計区分, that is one
    piece of a label's shape alone (read as a label's wrapped piece) and that the name's last word goes on into
    (「事業名 基盤整備推進国際協力対策事」 … 「業」 among the year cells, pdfminer.six): the name's cell wrapped there."""
    if not paragraph_style(L) or name[-1] not in _NAME_CUT_END:
        return False
    for t in L[i:i + 40]:
        if _HEADER_END.match(t):
            return False
        w = t.strip()
        if w and " " not in w and len(w) <= 2 and label_piece(w) and word_goes_on(name, w):
            return True
    return False


_NAME_CUT_END = frozenset("事")  # (「…対策事」: 事業's head; a name ending in a whole word is not looked at)


def _names(rec: Record, L: list[str]) -> None:
    paras = paragraphs(L)
    i = _first_in(L, "担当部局")
    if i is None:
        warn(rec, "bureau_missing", "no 担当部局庁 label", field="bureau")
    else:
        t = L[i - 1]
        k = t.find("担当部局")
        before, after = t[:k].strip(), re.sub(r"^担当部局庁?", "", t[k:]).strip()
        pa, _pb = paras[_para_of(paras, i)]
        name_parts = _from_name_label([x for x in L[pa - 1:i - 1]] + ([before] if before else []))
        name = fields.join_wrapped(name_parts)
        name = re.sub(r"^事業名\s*", "", name)
        bureau_rest = None
        # the name's cell beside the label and a paragraph going on below it (not the labels' wrapped rests)
        beside = before and i < len(L) and L[i].strip() and not L[i].startswith(("事業開始", "担当課室", "作成責任者")) \
            and not label_rests_below(L, i)
        if beside and not paragraph_style(L) and re.match(r"事業名\s", before) \
                and (rest := name_rest_below(L, i, after.split("作成責任者", 1)[0].strip())):
            # the piece below the name's on its line, the other cells whole: the name's wrapped rest
            rec["project_name"] = fields.join_wrapped([before[3:].strip(), rest])
            span(rec, "project_name", i, i + 1)
        elif beside and not paragraph_style(L) and re.match(r"事業名\s", before) \
                and (rests := name_and_bureau_rests_below(L, i, after.split("作成責任者", 1)[0].strip())):
            # the name's and the bureau's cells both cut, their rests side by side below (「…調査研」 over 「究」,
            # 「サイバーセキュリティ」 over 「統括官」)
            rec["project_name"] = fields.join_wrapped([before[3:].strip(), rests[0]])
            span(rec, "project_name", i, i + 1)
            bureau_rest = rests[1]
        elif beside and not paragraph_style(L) and re.match(r"事業名\s", before) \
                and (bureau_rest := bureau_rest_below(L, i, after.split("作成責任者", 1)[0].strip())):
            # the bureau's cell cut, its rest alone below (「サイバーセキュリ」 over 「ティ統括官」): the name whole
            rec["project_name"] = before[3:].strip()
            span(rec, "project_name", i)
        elif beside and (tail := _name_wrapped_below(L, i, after)):
            # the bureau's cell whole beside the label, the lines below no rest of it: they are the name's
            name = fields.join_wrapped([*name_parts, *tail])
            name = re.sub(r"^事業名\s*", "", name)
            rec["project_name"] = name
            span(rec, "project_name", pa if pa < i else i, i + len(tail))
        elif beside:
            # the name's cell beside the label and the paragraph going on below: the lines below may hold the
            # rest of the name or of the bureau's cell (review_text._side_by_side): the name is unknown
            warn(rec, "project_name_ambiguous", f"事業名 {name!r} printed beside 担当部局 with more text below it;"
                 " its end is unknown", line=i, field="project_name")
        elif name:
            rec["project_name"] = name
            span(rec, "project_name", pa if pa < i else i, i)
        else:
            warn(rec, "project_name_missing", "no 事業名 before the 担当部局庁 label", line=i, field="project_name")
        officials = None
        if "作成責任者" in after:
            after, officials = [x.strip() for x in after.split("作成責任者", 1)]
        if not after and i < len(L):
            after = L[i].strip()
        if after:
            rec["bureau"] = fields.join_wrapped([after, bureau_rest]) if bureau_rest else after
            span(rec, "bureau", i, i + 1 if bureau_rest else i)
        if officials:
            rec["responsible_officials"] = fields.parse_officials(officials)
            span(rec, "responsible_officials", i)
    j = _first_starting(L, "担当課室")
    if j is None:
        warn(rec, "division_missing", "no 担当課室 label", field="division")
        return
    rest = re.sub(r"^担当課室\s*", "", L[j - 1]).split(" ", 1)
    if rest and rest[0]:
        rec["division"] = rest[0]
        span(rec, "division", j)
    if len(rest) > 1 and not rec["responsible_officials"]:
        rec["responsible_officials"] = fields.parse_officials(rest[1])
        span(rec, "responsible_officials", j)
    if not rec["responsible_officials"]:
        warn(rec, "officials_missing", "no 作成責任者 found", field="responsible_officials")


def _name_wrapped_below(L: list[str], i: int, bureau: str) -> list[str] | None:
    """The lines below line ``i`` (「…普及啓発 担当部局 情報流通行政局」 over 「推進費」 over 「庁」), up to the
    blank line and without the label's wrapped rest 「庁」, as the 事業名 cell's wrap: only when the bureau's cell
    beside the label is whole by its shape (「…局」) and would not be with them (「…局推進費」), and each is one
    word (no second cell beside it); else None (which cell they finish is unknown)."""
    tail = []
    for x in L[i:i + 4]:
        if not x.strip():
            break
        if x.strip() != "庁":
            tail.append(x.strip())
    else:
        return None
    if not tail or not bureau or any(" " in x or label_piece(x) or holds_label_head(x) for x in tail):
        return None
    if not org_plausible(bureau) or org_plausible(bureau + "".join(tail)):
        return None
    return tail


def _period(rec: Record, L: list[str]) -> None:
    sy = rec["sheet_fiscal_year"]
    end_label = _first_starting(L, "事業終了")
    cells = [i for i in sorted(i for c in _PERIOD_FIRST for i in _lines_starting(L, c))  # (both need the line
             if _ERA_YEAR_CELL.match(t := L[i - 1]) or t.startswith("終了予定")]  # to start with one of 令平昭終)
    if end_label is None or not cells:
        warn(rec, "period_missing", "no 事業開始年度 / 事業終了(予定)年度 cells", field="start_fiscal_year")
        return
    before = [i for i in cells if end_label - 3 <= i < end_label]
    after = [i for i in cells if end_label < i <= end_label + 4]
    if after:
        a = after[0]
        y = fields.parse_fiscal_year_cell(L[a - 1], sy)
        if y.year is not None and (fields.starts_year_run(y.year, L[a: a + 8], sy) or (sy and y.year < sy - 1)):
            # the budget table's first year header, or a year before the one the sheet reviews: not established
            warn(rec, "end_year_missing", f"the cell after the 事業終了(予定)年度 label, {L[a - 1]!r}, is a budget "
                 "year header or before the reviewed year", line=a, field="end_fiscal_year")
        else:
            rec["end_fiscal_year"] = y.year
            span(rec, "end_fiscal_year", a)
    else:
        warn(rec, "end_year_missing", "no cell after the 事業終了(予定)年度 label", line=end_label,
             field="end_fiscal_year")
    start_label = _first_starting(L, "事業開始")
    near_start = [i for i in cells if start_label and start_label < i <= start_label + 3 and i not in after]
    pick = near_start[0] if near_start else (before[-1] if before else None)
    if pick is None:
        warn(rec, "start_year_missing", "no 事業開始年度 cell", field="start_fiscal_year")
        return
    y = fields.parse_fiscal_year_cell(L[pick - 1], sy)
    rec["start_fiscal_year"] = y.year
    span(rec, "start_fiscal_year", pick)
    s, e = rec["start_fiscal_year"], rec["end_fiscal_year"]
    if s and ((e and e < s) or (sy and s > sy + 1)):
        warn(rec, "period_inconsistent", f"事業開始年度 {s} / 終了 {e} / sheet year {sy} do not fit",
             line=pick, field="start_fiscal_year")


_ACCOUNT_CELL = re.compile(r"^(?:会計区分\s*)?((?:一般会計|[^\s、,]{1,30}特別会計[^\s、,]{0,20})(?:[、,\s]+(?:一般会計|"
                           r"[^\s、,]{1,30}特別会計[^\s、,]{0,20}))*)$")
_METHODS_LABEL = re.compile(r"^実施方(?:法\s*|\s+)")  # (cut by a narrow cell, 「実施方」 over 「法」)
# a cell made only of 実施方法 words holds one of them as it is (the lines are NFKC already, the words have no space)
_ANY_METHOD = re.compile("|".join(sorted(_METHODS, key=len, reverse=True)))
_VOCAB_FIELDS = (("major_expense", frozenset(MAJOR_EXPENSES), re.compile(r"^主要経費\s*"), "主要経費"),
                 ("major_policy", frozenset(MAJOR_POLICIES), re.compile(r"^主要政策・施策\s*"), "主要政策・施策"))
_LABEL_WORDS = {word: re.compile(re.escape(word)) for *_, word in _VOCAB_FIELDS}
_LABEL_HEADS = {word: re.compile("^" + re.escape(word[:3]), re.M) for *_, word in _VOCAB_FIELDS}  # (a line's start)
_ACCOUNT_WORD = re.compile("会計")
_POLICY_BLOCK = "政策評価、"  # the title of the 政策評価、新経済・財政再生計画との関係 block


def _vocab_alone(head: list[str], vocab: frozenset[str], word: str) -> tuple[int, str | None]:
    """The first cell of head that is a vocabulary word alone, as (0-based line, word), else (len(head), None): a
    blank-separated paragraph of its own that is the word (on one line, maybe right after a line closing its text:
    ``_closed``), or wrapped (「科学技術・イノベー」 over 「ション」).
    A word among other lines of a paragraph is a piece of another cell (the 施策 cell wrapped as 「基盤」 「整備」 「防災」
    「の推」, the 担当部局庁 cell as 「サイバーセキュリティ」 over 「統括官」); a word starting with the label is read with it."""
    n = len(head)
    at = min((k for w in vocab.intersection(head) if not w.startswith(word) for k in _indices(head, w)
              if (k == 0 or _closed(head[k - 1])) and (k + 1 == n or not head[k + 1].strip())), default=n)
    heads = _vocab_heads(vocab)
    for k, x in enumerate(head[:at]):
        if x in heads and (k == 0 or not head[k - 1].strip()):
            end = next((j for j in range(k + 1, min(k + 4, n)) if not head[j].strip()), n if n - k < 4 else None)
            if end is not None and (v := fields.join_wrapped(head[k:end])) in vocab and not v.startswith(word):
                return k, v
    return at, head[at] if at < n else None


def _vocab_beside_cut_label(head: list[str], vocab: frozenset[str], word: str) -> tuple[int, str] | None:
    """The first line of head holding the label ``word`` cut in its narrow cell and a vocabulary word beside it
    (「主要政 観光立国 …」 over 「策・施」 over 「策」): its first word the label's head (three characters or more), its
    second a vocabulary word, and the first words of the lines below completing the label; as (0-based line, word)."""
    for k in lines_matching(head, _LABEL_HEADS[word]):
        words = head[k].split(" ")
        if len(words) < 2 or words[1] not in vocab or not word.startswith(words[0]) or words[0] == word:
            continue
        label = words[0]
        for x in head[k + 1:k + 4]:
            first = x.split(" ", 1)[0]
            if not first or not word.startswith(label + first):
                break
            label += first
        if label == word:
            return k, words[1]
    return None


def _closed(line: str) -> bool:
    """The line above a cell ends a paragraph of its own: blank, or closing its text (「…関係閣僚会議決」 over 「定)」
    over 「社会保障」: pdftotext leaves out the blank line after the 関係する計画 cell), so the cell is no wrapped piece."""
    t = line.rstrip()
    return not t or t.endswith((")", "。"))


def _indices(lines: list[str], text: str) -> list[int]:
    """The 0-based indices of the lines equal to text."""
    return [k for k, x in enumerate(lines) if x == text]


@functools.cache
def _vocab_heads(vocab: frozenset[str]) -> frozenset[str]:
    """The heads a vocabulary word's cell wraps after (its strict prefixes of two characters or more)."""
    return frozenset(w[:i] for w in vocab for i in range(2, len(w)))


def _vocab_cells(rec: Record, L: list[str], hi: int) -> None:
    """The 会計区分, 実施方法, 主要経費 and 主要政策・施策 cells of lines 1..hi: each field from the first line that reads
    as its cell. Only the lines that can are looked at (found in the joined lines: 「会計」, a method's word, a
    vocabulary word as the whole line, the label at its start); the fields are set and their spans given in the
    lines' order."""
    head = L[:hi]
    found: list[tuple[int, int, str, object]] = []  # (line, field's order, field, value)
    if not rec["accounts"]:
        for k in lines_matching(head, _ACCOUNT_WORD):
            if m := _ACCOUNT_CELL.match(head[k]):  # a match holds 一般会計 or 特別会計
                v = fields.split_list(m.group(1).replace(" ", "、"))
                found.append((k + 1, 0, "accounts", v))
                if v:
                    break
    # the 実施方法 cell is the header's, above the 予算額・執行額 table (a lone 「その他」 below it is a 費目's)
    methods_hi = _first_in(L, "予算額・執行額") or hi
    if not rec["implementation_methods"]:
        for k in lines_matching(head[:max(methods_hi - 1, 0)], _ANY_METHOD):
            parts = fields.split_list(_METHODS_LABEL.sub("", head[k]))
            if parts and all(p in _METHODS for p in parts):
                found.append((k + 1, 1, "implementation_methods", parts))
                break
    # a 主要政策 word alone from the 政策評価 block on is that block's 政策 or 施策 cell (政策 「防災」), not the header's
    block = _first_starting(L, _POLICY_BLOCK)
    alone_head = head[:block - 1] if block and block <= hi else head
    for order, (key, vocab, label, word) in enumerate(_VOCAB_FIELDS, 2):
        if rec[key] is not None:
            continue
        # a line that is a vocabulary word (not starting with the label: that is read without it), or the label
        # and a word
        at, alone = _vocab_alone(alone_head if key == "major_policy" else head, vocab, word)  # (a 主要経費 word is
        # no 政策's: 「公共事業関係費」 written after the block's title by pdftotext is still the header's cell)
        for k in lines_matching(head[:at], _LABEL_WORDS[word]):
            t = head[k]
            if t.startswith(word) and (v := label.sub("", t)) in vocab:
                found.append((k + 1, order, key, v))
                break
        else:
            if alone is not None:
                found.append((at + 1, order, key, alone))
            elif (beside := _vocab_beside_cut_label(head, vocab, word)) is not None:
                found.append((beside[0] + 1, order, key, beside[1]))
    for line, _, key, v in sorted(found, key=lambda x: x[:2]):
        rec[key] = v
        span(rec, key, line)
    for key in ("accounts", "implementation_methods"):
        if not rec[key]:
            warn(rec, f"{key}_missing", f"no {key} cell found", field=key)


def _legal(rec: Record, L: list[str]) -> None:
    lab = _first_wrapped(L, _LEGAL_LABEL)
    if lab is None:
        warn(rec, "legal_bases_missing", "no 根拠法令 label", field="legal_bases")
        return
    got = legal_pieces(L, lab)  # the cell's pieces on each line, before the next column's label
    if got is not None:
        _set_legal(rec, *got)
        return
    for a, b in paragraphs(L, lab + 1, min(len(L), lab + 15)):
        if not any(CITE.search(x) for x in L[a - 1:b]):
            continue
        while b < len(L) and L[b].strip() and b < a + 15:  # (the window's end is no paragraph's: 「…バイオマ」 over 「ス…」)
            b += 1
        items, buf = [], []
        cell = L[a - 1:b]
        for k, x in enumerate(cell):
            buf.append(x)
            # (「…第1項28」 over 「号 …」: the citation goes on in its counter on the next line)
            if CITE.search(x) and not (x[-1:].isdigit() and cell[k + 1:k + 2] and cell[k + 1][:1] in "号条項"):
                items.append(re.sub(r"\s+等$", "", fields.join_wrapped(buf)))
                buf = []
        if buf:
            items.append(fields.join_wrapped(buf))
        _set_legal(rec, "\n".join(items), a, b)
        return
    # pdfminer.six may write the cell's box before its label's: the paragraph right before the label, when it is
    # nothing but citations of laws (every name a law's title, every law cited by article)
    before = [(a, b) for a, b in paragraphs(L, max(1, lab - 8), lab - 1) if b >= lab - 2]
    if before:
        a, b = before[-1]
        text = fields.join_wrapped(L[a - 1:b])
        bases = parse_legal_bases(text) if CITE.search(text) else []
        if bases and not implausible_laws(bases) and all(lb.get("citations") for lb in bases):
            _set_legal(rec, text, a, b)
            return
    warn(rec, "legal_bases_missing", "no 根拠法令 text with 第N条 after the label", line=lab, field="legal_bases")


def _set_legal(rec: Record, text: str, a: int, b: int) -> None:
    rec["extra"]["legal_bases_text"] = text
    rec["legal_bases"] = parse_legal_bases(text)
    span(rec, "legal_bases", a, b)
    for lb in rec["legal_bases"]:
        span(rec, f"legal_bases[{lb.get('law')}]", a, b)


_BULLETS = ("・", "○", "●")


def _plans(rec: Record, L: list[str]) -> None:
    legal = _first_wrapped(L, _LEGAL_LABEL)
    got = plans_pieces(L, legal) if legal is not None else None  # the cell beside 根拠法令, read on its lines
    if got is not None and plans_taken_left(L, legal):
        warn(rec, "related_plans_unsure", "関係する計画、通知等: a plan item with its date stands in the 根拠法令 cell's "
             "pieces and the cell's first piece on a later line (the row's cells split wrongly): left out",
             line=got[1], field="related_plans")
        return
    if got is not None:
        plans = fields.parse_plans(got[0])
        # every item dated, or the cell's items all bulleted (an item without a date: 「・…基準(平成14年…告示第334号)」)
        if plans and plans_plausible(plans) and (all(p.get("date") for p in plans) or got[0].startswith(_BULLETS)):
            _set_plans(rec, plans, got[1], got[2])
            return
        # the items wrapped anywhere in the cell (「…決定) 地球」 over 「温暖化対策計画(…)」): every one dated and decided
        plans = fields.parse_plans(text) if (text := plans_rejoined(L, legal)) else []
        if plans and plans_plausible(plans) and all(p.get("date") and p.get("decided_by") for p in plans):
            _set_plans(rec, plans, got[1], got[2])
            return
    lab = _first_in(L, "関係する計画") or _first_wrapped(L, _PLANS_LABEL)
    if lab is None and paragraph_style(L):  # (the label cut every two characters, a paragraph of its own)
        lab = next((t.line for t in tokens(L) if t.field == "plans"), None)
    if lab is None and got is not None:  # the cell beside 根拠法令 read, its items not of a plan's shape
        if got[0].strip() in ("-", "－", "―", "なし"):
            return  # (a dash: the sheet lists none)
        warn(rec, "related_plans_unsure", f"関係する計画、通知等: the cell's items {got[0]!r} are not all titles with "
             "their date and decider; left out", line=got[1], field="related_plans")
        return
    if lab is None:
        warn(rec, "related_plans_missing", "no 関係する計画、通知等 label", field="related_plans")
        return
    best = None
    for a, b in paragraphs(L, max(1, lab - 25), min(len(L), lab + 25)):
        cell = _plans_cell(L[a - 1:b])
        if cell is not None and (best is None or abs(a - lab) < abs(best[0] - lab)):
            best = (a, b, cell)
    if best is None:
        return
    a, b, cell = best
    _set_plans(rec, fields.parse_plans(cell), a, b)


def _plans_cell(lines: list[str]) -> str | None:
    """The 関係する計画、通知等 cell's text in a paragraph (the label's words wrapped at its lines' starts taken off:
    「関係する計 ・…」 over 「画、通知等」), or None when the paragraph is not of that cell's shape: its items
    bulleted (and a year or a decision in it), or its whole text dated items (「未来投資戦略2018(平成30年6月15日
    閣議決定) デジタル・…(令和元年12月20日閣議決定)」: every item a title with its date and decider, nothing after
    the last)."""
    cell = [t for x in lines if (t := _off_label(x))]
    if not cell:
        return None
    text = "\n".join(cell)
    if cell[0].startswith(_BULLETS):
        return text if "決定" in text or "年" in text else None
    if not text.endswith(")") or not _DATED.search(text):
        return None
    plans = fields.parse_plans(text)
    if plans and all(p.get("date") and p.get("decided_by") for p in plans) and plans_plausible(plans):
        return text
    return None


_DATED = re.compile(r"\d+\s*年\s*\d+\s*月\s*\d+\s*日")  # a date as a plan item's parenthesis holds it


def _off_label(line: str) -> str:
    """``line`` without the words of the 関係する計画、通知等 label at its start (a lone character carrying on the
    label's words before it too: 「関係する 計 デジタル…」 over 「画、通知等 …」)."""
    words, seen = line.split(" "), ""
    while words and (len(words[0]) > 1 or seen) and (words[0] in _PLANS_PIECES
                                                     or _PLANS_LABEL.startswith(seen + words[0])):
        seen += words.pop(0)
    return " ".join(words).strip()


def _set_plans(rec: Record, plans: list[dict], a: int, b: int) -> None:
    rec["related_plans"] = plans
    span(rec, "related_plans", a, b)
    for k in range(len(plans)):
        span(rec, f"related_plans[{k}]", a, b)


def _policy_eval(rec: Record, L: list[str]) -> None:
    pol = _first_matching(L, "政策", _POLICY_LINE)
    while pol and pol > 1 and L[pol - 2].split(" ")[0] == "主要":  # (the 主要政策・施策 label wrapped: 「主要 科学技術・
        pol = _first(L, _POLICY_LINE.match, pol + 1)  # イノベーショ」 over 「政策 ン 費」 — not the 政策 row's label)
    mea = _first_matching(L, "施策", _MEASURE_LINE)
    # (a space between two wide characters is the tool's, one beside an ASCII character the cell's: 「IX. 支援」)
    p = _WIDE_GAP.sub("", re.sub(r"^政策\s+", "", L[pol - 1])) if pol else None
    m = re.sub(r"^施策\s+", "", L[mea - 1]) if mea else None
    if paragraph_style(L):  # a cell's paragraph going on below its label's line (「施策 8. デー」 over 「タ活用」 over
        # 「高度化」): its first line is a piece of it (label_lists reads the paragraph whole)
        p = None if pol and pol < len(L) and L[pol].strip() else p
        m = None if mea and mea < len(L) and L[mea].strip() else m
        if m and measure_rest_apart(L, mea):
            warn(rec, "policy_evaluation_cut", f"施策 {m!r} beside its label, a word of a cell's wrapped rest in the "
                 "next paragraph: its end is unknown; left out", line=mea, field="policy_evaluation")
            m = None
    rec["policy_evaluation"] = fields.parse_policy_evaluation(p, m)
    for ln in (pol, mea):
        if ln:
            span(rec, "policy_evaluation", ln)


# ------------------------------------------------------------------ budget

def _budget(rec: Record, L: list[str]) -> None:
    _budget_table(rec, L)
    _unread_of_breakdown(rec, L)
    _request_of_breakdown(rec, L)
    _request_swapped(rec, L)  # (the current year's 当初予算 and the 要求額 put back where the 歳出予算目 table's columns
    _initial_misplaced(rec, L)  # tell them; what it still contradicts is then left unknown)
    _current_year_denied(rec, L)


def _current_and_request(rec: Record) -> tuple[dict | None, dict | None]:
    """The budget's entry of the sheet's year and that of the request year (the year after), each or None."""
    sy = rec["sheet_fiscal_year"]
    if sy is None:
        return None, None
    cur = next((e for e in rec["budget"] if e["fiscal_year"] == sy), None)
    return cur, next((e for e in rec["budget"] if e["fiscal_year"] == sy + 1), None)


def _current_year_denied(rec: Record, L: list[str]) -> None:
    """The current year's column read from the budget table is left unknown when the 歳出予算目 table (its rows'
    current and request columns adding up to its 計 row's two figures: budget_breakdown.breakdown_totals) gives its
    当初予算 not as read but as another figure of that column or as the request's 要求額 read, and the request's
    要求額 too when that table gives another. Seen, pdfminer writing a column's cells out of the order the readers take: the current
    year's 当初予算 (wrapped in its narrow cell, 「30,3」 over 「59」) after the request's, in the 当初予算 and 計 rows
    alike, so that no sum tells them apart; a dash of another column read as the current year's 当初予算, its
    figures one row down."""
    sy = rec["sheet_fiscal_year"]
    cur, req = _current_and_request(rec)
    if cur is None or "requested" in cur:
        return
    req = req if req is not None and "requested" in req else None
    got = breakdown_totals(L, _budget_label(L) or 1)
    fields_ = ("initial", "supplementary", "carried_from_previous", "reserve", "total")
    if got is None or got[0] == cur.get("initial") or \
            got[0] not in {cur.get(f) for f in fields_} | {req and req.get("requested")}:
        return
    warn(rec, "budget_order_unknown", f"予算額・執行額: the 歳出予算目 table's 計 gives {sy}'s 当初予算 as "
         f"{as_int_if_whole(got[0])} (and the request's as {as_int_if_whole(got[1])}), not as the budget table was "
         "read; that year left unknown", line=got[2], field="budget")
    for f in (*fields_, "carried_to_next", "executed"):
        if f in cur:
            cur[f] = None
    if req is not None and req.get("requested") != got[1]:
        req["requested"] = None


def _unread_of_breakdown(rec: Record, L: list[str]) -> None:
    """The current year's 当初予算 and the request's 要求額 from the 歳出予算目 table when the budget table gave neither
    (unread, or those columns left out): that table lists the two by 歳出予算目, so its rows' two columns adding up
    to its 計 row's two figures (budget_breakdown.breakdown_totals) are those figures, whatever the budget table's
    text (seen: pdfminer's boxes of a table whose past years nothing tells apart, none read). The current year's
    other cells stay unknown."""
    sy = rec["sheet_fiscal_year"]
    cur, req = _current_and_request(rec)
    if sy is None or any(v is not None for e in (cur, req) if e is not None
                         for k, v in e.items() if k != "fiscal_year"):
        return
    got = breakdown_totals(L, _budget_label(L) or 1)
    if got is None:
        return
    rec["budget"] = [e for e in rec["budget"] if e["fiscal_year"] not in (sy, sy + 1)] + [
        {"fiscal_year": sy, **dict.fromkeys(ROWS), "initial": as_int_if_whole(got[0])},
        {"fiscal_year": sy + 1, "requested": as_int_if_whole(got[1])}]
    for y in (sy, sy + 1):
        span(rec, f"budget[{y}]", got[2])
    warn(rec, "budget_cells_unknown", f"予算額・執行額: {sy}'s 当初予算 and the {sy + 1} 要求額 read from the 歳出予算目 "
         "table's column sums; the year's other cells not read", line=got[2], field="budget")


def _request_of_breakdown(rec: Record, L: list[str]) -> None:
    """The request year's 要求額 the budget table left unread, from the 歳出予算目 table's 計 row when it checks
    against the current year's 当初予算 read (budget_breakdown)."""
    sy = rec["sheet_fiscal_year"]
    budget = rec["budget"]
    if sy is None or not budget or any(e["fiscal_year"] == sy + 1 and e.get("requested") is not None for e in budget):
        return
    cur = next((e for e in budget if e["fiscal_year"] == sy), None)
    if cur is None or cur.get("initial") is None or not float(cur["initial"]).is_integer():
        return
    got = breakdown_request(L, _budget_label(L) or 1, float(cur["initial"]))
    if got is None:
        return
    value, line = got
    rec["budget"] = [e for e in budget if e["fiscal_year"] != sy + 1] + \
        [{"fiscal_year": sy + 1, "requested": as_int_if_whole(value)}]
    span(rec, f"budget[{sy + 1}]", line)


def _request_swapped(rec: Record, L: list[str]) -> None:
    """The request year's 要求額 read where the current year's 当初予算 stands, when the 歳出予算目 table's 計 row says
    so: its rows add up to the 要求額 read as the current year's 当初予算 and to another figure as the 要求額
    (budget_breakdown). Either the two were read in each other's column (a wrapped cell written after the next one:
    「37,631」 then 「30,3」 over 「59」), then they are put back, the current year's 計 with its 当初予算 when the
    parts add up to it; or the current year's 当初予算 was not read (its figure taken for the 要求額, the 要求額
    printed apart), then both come from the 計 row."""
    sy = rec["sheet_fiscal_year"]
    cur, req = _current_and_request(rec)
    if cur is None or req is None or not isinstance(b := req.get("requested"), int | float) or (a := cur.get("initial")) == b \
            or not (a is None or isinstance(a, int | float)):
        return
    got = _total_row(L, float(b))
    if got is None or got[0] == b or (a is not None and got[0] != a):
        return
    others = [cur.get(k) for k in fields.BUDGET_PARTS if k != "initial"]
    cur["initial"], req["requested"] = b, as_int_if_whole(got[0])
    if a is not None and cur.get("total") is not None:
        cur["total"] = as_int_if_whole(b + sum(others)) if None not in others and cur["total"] == a + sum(others) \
            else None
    warn(rec, "budget_request_misplaced", f"予算額・執行額: {b} read as the {sy + 1} 要求額 is the {sy} 当初予算 by "
         f"the 歳出予算目 table's 計 row, the 要求額 {as_int_if_whole(got[0])}", line=got[1], field=f"budget[{sy + 1}]")


def _total_row(L: list[str], initial: float) -> tuple[float, int] | None:
    """(要求額, line) of the 歳出予算目 table's 計 row whose 当初予算 is ``initial``, its rows' figures adding up
    column by column (budget_breakdown.breakdown_columns), its two figures with no other text between them (not the
    last row's figure, the 「計」 label, then the 計 row's first)."""
    got = breakdown_columns(L, _budget_label(L) or 1, initial)
    if got is None or any(x.strip() and not _FIGURE_LINE.match(x) for x in L[got[1]:got[2] - 1]):
        return None
    return got[0], got[2]


_FIGURE_LINE = re.compile(r"^[\d,.\s]+$")


def _initial_misplaced(rec: Record, L: list[str]) -> None:
    """The current year's 当初予算 read in another row of its column (its 当初予算 unread, 「5,368」 taken for its
    補正予算 and 694 for its 前年度から繰越し), when the 歳出予算目 table's 計 row says so: its rows add up to that
    figure as the 当初予算 and to the 要求額 read. The figure is the 当初予算; the column's other parts read, their
    rows in doubt, are left unknown (its 計 stays: read in its own row)."""
    sy = rec["sheet_fiscal_year"]
    cur, req = _current_and_request(rec)
    if cur is None or req is None or req.get("requested") is None or cur.get("initial") is not None:
        return
    parts = [k for k in fields.BUDGET_PARTS if k != "initial" and isinstance(cur.get(k), int | float) and cur[k] > 0]
    for k in parts:
        got = _total_row(L, float(cur[k]))
        if got is None or got[0] != req["requested"]:
            continue
        cur["initial"] = cur[k]
        for other in parts:
            cur[other] = None
        warn(rec, "budget_cells_unknown", f"予算額・執行額: {sy} {cur['initial']} read as its {k} is its 当初予算 by "
             f"the 歳出予算目 table's 計 row; its other parts read ({parts}) are left unknown", line=got[1],
             field=f"budget[{sy}]")
        rec.setdefault("extra", {}).setdefault("budget_unknown", []).extend(f"{sy} {p}" for p in parts)
        return


def _budget_label(L: list[str]) -> int | None:
    """The line of the budget table's first label: 予算額・執行額, or its first row's label written before it — alone
    or after the vertical 予算の状況 label's pieces (LibreOffice's print, pdftotext: 「予算 の 状 況 当初予算」, the
    rows, then 「予算額・ 執行額 (単位:百万円)」 after the rate rows)."""
    return next((i for i, (t, q) in enumerate(zip(L, _squashed(L), strict=True), 1)
                if "予算額" in q or t.startswith(("当初予算", "執行額")) or _STATUS_FIRST.match(q)), None)


_STATUS_FIRST = re.compile(r"^[予算の状況]{2,5}当初予")  # (「予算の状況当初予算」 squashed, 「予算の状当初予」 cut short)


def _budget_table(rec: Record, L: list[str]) -> None:
    sy = rec["sheet_fiscal_year"]
    lab = _budget_label(L)
    if sy is None or lab is None:
        warn(rec, "budget_missing", "no sheet year or no 予算額・執行額 table", field="budget")
        return
    hi = _first_search(L, _OUTCOME_RE) or len(L)
    years = [(sy - 3 + k, k == 4) for k in range(5)]
    rows = budget_rows(L, years, lab)  # row-style text: each row label with its figures, checked by arithmetic
    unsure: list[tuple[int, str]] = []
    if rows is None and paragraph_style(L):
        got = budget_paragraphs_unsure(L, years, lab)
        rows, unsure = (got[:3], got[3]) if got is not None else (None, [])
    if rows is not None and rows[0] and rows[0][-1].get("requested", 0) is None:
        # no request read beside its row label: the real form may print its column after the table
        more = budget_row_major(L, years, lab)
        if more is not None and more[0][:-1] == rows[0][:-1]:
            rows = (more[0], min(rows[1], more[1]), max(rows[2], more[2]))
    if rows is not None:
        _budget_of_rows(rec, rows)
        if unsure:
            warn(rec, "budget_cells_unknown", f"予算額・執行額: a row printed one cell short could stand in more than "
                 f"one way; these cells are left unknown: {unsure}", line=rows[1], field="budget")
        return
    groups = budget_groups(L, 1, hi - 1)
    sol = solve_budget(groups)
    if sol is None:
        _budget_of_runs(rec, L, lab, sy, groups, hi - 1, years)
        return
    years = [sy - 3 + k for k in range(len(sol.grid))]
    if _solution_denied(L, lab, years, sol):
        # (rv1881: the first column's figures left out and the others read a year early; every column adds up)
        _budget_of_runs(rec, L, lab, sy, groups, hi - 1, [(sy - 3 + k, k == 4) for k in range(5)])
        return
    for y, col in zip(years[:-1], sol.grid[:-1], strict=False):  # the searched table must add up exactly
        parts, total = col[:5], col[5]
        if total is not None and all(isinstance(v, int | float) and float(v).is_integer() for v in [*parts, total]
                                     if v is not None) and sum(v for v in parts if v is not None) != total:
            rows = budget_row_major(L, [(sy - 3 + k, k == 4) for k in range(5)], lab)
            if rows is not None:
                _budget_of_rows(rec, rows)
                return
            warn(rec, "budget_unsolved", f"予算額・執行額: the best table found does not add up in {y} "
                 f"({[as_int_if_whole(v) for v in parts]} vs 計 {as_int_if_whole(total)}); not used", line=lab,
                 field="budget")
            return
    lines_of: dict[float, list[int]] = {}
    for g in groups:
        for v in g.values:
            if v is not None:
                lines_of.setdefault(v, []).append(g.line)
    for y, col in zip(years, sol.grid, strict=True):
        entry = {"fiscal_year": y}
        for k, key in enumerate(ROWS):
            entry[key] = as_int_if_whole(col[k])
        rec["budget"].append(entry)
        fields.check_budget_total(rec, entry)
        for v in col:
            for ln in lines_of.get(v, [])[:1] if v not in (None, 0) else []:
                span(rec, f"budget[{y}]", ln)
        if any(col[k] is None for k in range(6)):
            warn(rec, "budget_cells_unknown", f"{y}: some 予算 cells not printed or not found: "
                 f"{[ROWS[k] for k in range(6) if col[k] is None]}", field=f"budget[{y}]")
    if sol.request_total is not None:
        y = sy + 1
        rec["budget"].append({"fiscal_year": y, "requested": as_int_if_whole(sol.request_total)})
        for ln in lines_of.get(sol.request_total, [])[:1]:
            span(rec, f"budget[{y}]", ln)
    if sol.ties:
        warn(rec, "budget_ambiguous", f"予算額・執行額: {sol.ties} other table(s) fit the printed values equally "
             "well; the first was kept", line=lab, field="budget")
    span(rec, "budget", min(g.line for g in groups), max(g.line for g in groups))


def _solution_denied(L: list[str], lab: int, years: list[int], sol) -> bool:
    """The searched table (solve_budget) gives none of the 執行率 and 割合 percentages printed after it: its
    columns add up as read, but are not the printed years' (a column's figures left out, the others a year early,
    its 執行額 0). Not one rate, so that a rate's line read apart (a shuffled text) does not deny a table."""
    printed = printed_rates(L, lab)
    past = list(zip(years, sol.grid, strict=True))[:3]  # (sy - 3 ..: the current year has no 執行率, the request none)
    if not printed or not past:
        return False
    executed = [col[6] if len(col) > 6 else None for _, col in past]
    totals = [col[5] for _, col in past]
    base = [sum(v for v in col[:2] if v is not None) for _, col in past]
    got = [100.0 * e / d for e, ds in zip(executed, zip(totals, base, strict=True), strict=True) if e is not None
           for d in ds if d]
    return not any(abs(p - g) < 1.0 for p in printed for g in got)


def _budget_of_rows(rec: Record, rows: tuple[list[dict], int, int]) -> None:
    budget, first, last = rows
    for entry in budget:
        rec["budget"].append(entry)
        span(rec, f"budget[{entry['fiscal_year']}]", first, last)
    span(rec, "budget", first, last)
    blank = [e["fiscal_year"] for e in budget if all(v is None for k, v in e.items() if k != "fiscal_year")]
    if blank:  # (budget_form: the current year's and the request's columns printed out of their order)
        warn(rec, "budget_order_unknown", f"予算額・執行額: {blank}: which printed column is which of these years "
             "is not told by the text; left unknown", line=first, field="budget")


def _budget_of_runs(rec: Record, L: list[str], lab: int, sy: int, groups: list, covered: int,
                    years: list[tuple[int, bool]]) -> None:
    """The table from figures printed a few per line, read as runs of columns or rows (budget_text); ``groups``:
    the numeric lines of lines 1..covered. Else the real form's rows in reading order (budget_form; its 執行額
    checked against the printed rates), its 計 and 執行額 rows' cells out of order (budget_tail), or its cells as
    pdfminer's text boxes, placed where the text tells (budget_boxes), or rows with blank cells (budget_gaps)."""
    got, n = budget_from_text(L, lab, len(L), groups=groups, covered=covered)
    unordered = got is not None and any("執行率" in t for t in L[lab - 1:got.last + 30])
    if unordered:
        # the real form (its 執行率 row): pdfminer prints its year columns as text boxes in no fixed order (seen:
        # 平成26, 27, 24, 25年度), and a column read adds up whatever year it is: which year is which is not known
        got, n = None, 0
    denied = got is not None and _solution_denied(L, lab, list(range(len(got.grid))), got)
    if denied:
        # not one of the printed 執行率 / 割合 is a rate of the columns read: their 執行額 (or 計) read in another
        # column than printed (lo pdftotext: the 執行額 row 「2,840 計 執行額 2,742 2,412」, its first cell
        # printed before the labels, read last-year-first: each column still adds up, 執行額 at most 計)
        got, n = None, 0
    if got is None and n <= 1:
        rows = budget_row_major(L, years, lab)
        if rows is not None and not _rates_deny(L, rows):
            _budget_of_rows(rec, rows)
            return
        # the 計 and 執行額 rows' cells out of order: told apart by the sums and the printed rates (budget_tail)
        tail = budget_tail(L, years, lab)
        if tail is None and rows is not None:
            for e in rows[0]:
                if "executed" in e:
                    e["executed"] = None
            warn(rec, "budget_cells_unknown", "予算額・執行額: the 執行額 read do not give the printed 執行率; "
                 "left unknown", line=lab, field="budget")
            _budget_of_rows(rec, rows)
            return
        if tail is not None and not tail[4]:
            _budget_of_boxes(rec, tail)
            return
        # the real form's cells as text boxes: the years its labels, lines and arithmetic place (budget_boxes)
        boxes = budget_boxes(L, years, lab) if any("執行率" in t for t in L[lab - 1:lab + 200]) else None
        # else each row after its label with its blank cells left out: the columns they sit in told by the sums
        boxes = boxes or budget_gaps(L, years, lab)
        # else its columns printed whole, one cell a line (budget_strips): the current year's and the request's
        boxes = boxes or (budget_strips(L, years, lab) if any("執行率" in t for t in L[lab - 1:lab + 200]) else None)
        # else the year columns printed whole under their own headers, the others not read (budget_headed)
        boxes = boxes or (budget_headed(L, years, lab) if any("執行率" in t for t in L[lab - 1:lab + 200]) else None)
        if tail is not None and (boxes is None or boxes[3] or boxes[4]):
            boxes = tail  # (read in part: kept unless another reading tells every cell)
        if boxes is None and any("執行率" in t for t in L[lab - 1:lab + 200]):
            # else the boxes again, the current year's and the request's 当初予算 the 歳出予算目 table's 計
            boxes = budget_boxes(L, years, lab, anchored=True)
        if boxes is not None:
            _budget_of_boxes(rec, boxes)
            return
    if unordered or denied:
        warn(rec, "budget_order_unknown", "予算額・執行額: the year columns' order is not told by the text; "
             "none kept", line=lab, field="budget")
        return
    if got is None:
        if n > 1:
            warn(rec, "budget_ambiguous", f"予算額・執行額: {n} tables fit the printed figures with different "
                 "values; none kept", line=lab, field="budget")
        elif (cut := budget_cut(L, years, lab)) is not None:
            # (each row after its label, its figures wrapped in their narrow cells past budget_rows' reading)
            _budget_of_boxes(rec, cut)
        else:
            warn(rec, "budget_unsolved", "予算額・執行額: no table of printed values adds up "
                 "(当初+補正+繰越し+予備費 = 計)", line=lab, field="budget")
        return
    *cols, (req,) = got.grid
    for k, col in enumerate(cols):
        y = sy - len(cols) + 1 + k
        entry = {"fiscal_year": y, **{key: as_int_if_whole(v) for key, v in zip(ROWS, col, strict=False)}}
        entry.setdefault("executed", None)
        rec["budget"].append(entry)
        fields.check_budget_total(rec, entry)
        span(rec, f"budget[{y}]", got.first, got.last)
    if req is not None:
        rec["budget"].append({"fiscal_year": sy + 1, "requested": as_int_if_whole(req)})
        span(rec, f"budget[{sy + 1}]", got.first, got.last)
    span(rec, "budget", got.first, got.last)


def _rates_deny(L: list[str], rows: tuple[list[dict], int, int]) -> bool:
    """The percentages printed after the table are not its 執行率 and 割合 rows as its 執行額 give them (the
    執行額 row's cells read in another order than printed)."""
    past = [e for e in rows[0] if "requested" not in e][:-1]
    printed = printed_rates(L, rows[1])
    if not printed or any(e.get("executed") is None and e.get("total") for e in past):
        return False
    base = [sum(e[f] for f in ("initial", "supplementary") if e.get(f) is not None)
            if any(e.get(f) is not None for f in ("initial", "supplementary")) else None for e in past]
    got = ([e.get("total") for e in past], [e.get("executed") for e in past], base)
    return not rates_match(printed, *got) and not rates_among(printed, *got)


def _budget_of_boxes(rec: Record, boxes: tuple[list[dict], int, int, list[int], list[str]]) -> None:
    budget, first, last, dropped, unknown = boxes
    _budget_of_rows(rec, (budget, first, last))
    if unknown:
        warn(rec, "budget_cells_unknown", f"予算額・執行額: {unknown}: the text reads two ways there; left unknown",
             line=first, field="budget")
        # (kg.extract.checks: an unknown part is no blank, a 計 it may complete is not contradicted)
        rec.setdefault("extra", {})["budget_unknown"] = list(unknown)
    if dropped:
        warn(rec, "budget_order_unknown", f"予算額・執行額: {dropped}: which printed column is which of these years "
             "is not told by the text; left out", line=first, field="budget")


# ------------------------------------------------------------------ payees

def _is_header(text: str) -> bool:
    s = squash(text)
    return any(w in s for w in _PAYEE_HEADER_WORDS) or bool(re.fullmatch(r"[A-ZＡ-Ｚ.\s]+", text))


_BLOCK_TITLES = re.compile(r"(?:^|(?<=\s))([A-Z])\.\s*([^\sA-Z.][^\s]*)?")
_PAYEE_ROW = re.compile(r"^(\d{13}|[-－―])(?:\s+([▲]?[\d,]+(?:\.\d+)?))?$")


def _blocks(L: list[str], lo: int) -> tuple[list[str], dict[str, str], list[tuple[float, int]]]:
    letters: list[str] = []
    names: dict[str, str] = {}
    totals: list[tuple[float, int]] = []
    for i in range(lo, len(L) + 1):
        t = L[i - 1]
        for m in _BLOCK_TITLES.finditer(t) if "." in t else ():  # a block title needs its "."
            if re.match(r"^[A-Z]\.", t):
                letter, name = m.group(1), m.group(2) or ""
                if letter not in letters:
                    letters.append(letter)
                if name and letter not in names:
                    names[letter] = name
        if t.startswith("計 ") or t == "計":
            for m in re.finditer(r"計\s*([▲△]?[\d,]+(?:\.\d+)?|[-－―])", t):
                totals.append((parse_number(m.group(1)).value, i))
    return sorted(letters), names, totals


def _payee_rows(L: list[str], lo: int) -> list[dict]:
    paras = paragraphs(L, lo)
    rows = []
    for i in range(lo, len(L) + 1):
        t = L[i - 1]
        c0 = t[:1]  # the row starts with a digit or a dash (\d's characters are all digits)
        m = _PAYEE_ROW.match(t) if c0.isdigit() or c0 in CELL_DASHES else None
        if not m or (m.group(1) in CELL_DASHES and not m.group(2)):
            continue
        k = _para_of(paras, i)
        pa, pb = paras[k]
        row: dict = {"line": i, "corporate_number": m.group(1), "amount": m.group(2), "rank": None}
        # name: lines before the anchor in its paragraph, else the previous paragraphs (headers skipped)
        name_lines = L[pa - 1:i - 1]
        q = k - 1
        while not name_lines and q >= 0 and k - q <= 6:
            qa, qb = paras[q]
            cand = L[qa - 1:qb]
            if re.fullmatch(r"\d{1,2}", cand[0]):
                row["rank"] = int(cand[0])
                if len(cand) == 1:
                    break
                cand = cand[1:]
            if not any(_is_header(x) for x in cand) and not parse_group_like(cand[0]):
                name_lines = cand
                break
            if not all(_is_header(x) for x in cand):
                break
            q -= 1
        if name_lines and re.fullmatch(r"\d{1,2}", name_lines[0]):
            row["rank"] = int(name_lines[0])
            name_lines = name_lines[1:]
        row["name"] = fields.join_wrapped(name_lines) or None
        desc = L[i:pb]
        q = k + 1
        while not desc and q < len(paras) and q - k <= 4:
            qa, qb = paras[q]
            cand = L[qa - 1:qb]
            if not any(_is_header(x) for x in cand):
                desc, k = cand, q
                break
            q += 1
        row["description"] = fields.join_wrapped(desc) or None
        tail: list[str] = []
        if k + 1 < len(paras):
            qa, qb = paras[k + 1]
            tail = L[qa - 1:qb]
        if row["amount"] is None and tail and parse_group_like(tail[0]):
            row["amount"], tail = tail[0], tail[1:]
        method = []
        while tail and not parse_group_like(tail[0]) and (method or _CONTRACT.match(tail[0])):
            if _is_header(tail[0]):
                break
            method.append(tail.pop(0))
        row["contract_method"] = fields.join_wrapped(method) or None
        nums = [x for x in tail if parse_group_like(x) or is_unknown(x)]
        row["bidders"] = nums[0] if nums else None
        row["award_rate"] = nums[1] if len(nums) > 1 else None
        rows.append(row)
    return rows


def parse_group_like(text: str) -> bool:
    """A cell that is one number (amount, count or percentage)."""
    return bool(re.fullmatch(r"[▲△]?[\d,]+(?:\.\d+)?%?", text.strip()))


_NUMBER_PIECE = re.compile(r"\d{6,}")  # a run of digits no payee's name holds: a 法人番号's piece


def _with_columns(cells: list[tuple[str, int, bool]], lo: int, rows: list[PayeeRow], notes: list,
                  L: list[str] | None = None) -> list[PayeeRow]:
    """Paragraph-style payees: the rows read whole in text order, and for each block they did not read whole
    the block read as columns (kg.extract.payee_columns over the section's ``cells``, payee_section_cells: name,
    法人番号, amount; the other cells unknown unless the whole-row reader read that same row). A block the two
    readers disagree on keeps the whole rows. When 法人番号 of the section are in no row, ``notes`` is replaced by
    one message naming the blocks not read (at line ``lo``, the section's label)."""
    if rows and not notes:  # the whole-row reader read every row (no 法人番号 left over): nothing to add
        return rows
    cols, unread = payee_columns(cells)
    if dashed := {c.block for c in cols if c.name and not c.name.strip(CELL_DASHES + " ")}:
        # (a name that is a blank cell's dashes, 「--」: the block's names were read a row off — each row its next
        # row's name and 法人番号, the last the dashes; its column rows are not read)
        cols = [c for c in cols if c.block not in dashed]
        unread = [*unread, *((b, f"block {b}: a name read as a blank cell's dashes") for b in sorted(dashed))]
    by_block: dict[str, list[PayeeRow]] = {}
    for r in rows:
        by_block.setdefault(r.block, []).append(r)
    col_block: dict[str, list] = {}
    for c in cols:
        col_block.setdefault(c.block, []).append(c)
    out: list[PayeeRow] = []
    disagree = []
    for letter in sorted(set(by_block) | set(col_block)):
        mine, theirs = by_block.get(letter, []), col_block.get(letter, [])
        cols = {c.rank: c for c in theirs}

        def alike(r: PayeeRow, cols: dict = cols) -> bool:
            c = cols.get(r.rank)
            return c is not None and (r.cells.get("name"), r.cells.get("corporate_number"), r.cells.get("amount")) \
                == (c.name, c.corporate_number, c.amount)
        if theirs and not all(alike(r) for r in mine if r.rank in cols):
            disagree.append(letter)  # one of the two readers is wrong on a row: only the rows both give alike
            out += [r for r in mine if alike(r)]
            continue
        if len(theirs) <= len(mine):
            out += mine
            continue
        whole = {r.rank: r for r in mine}
        if any(r.rank not in cols for r in mine):
            disagree.append(letter)
            out += mine
            continue
        for c in theirs:
            if c.rank in whole:
                out.append(whole[c.rank])
            else:
                got = {"name": c.name, "corporate_number": c.corporate_number, "amount": c.amount,
                       "description": c.description, "contract_method": c.contract_method}
                if L is not None and c.corporate_number and number_line_wraps(L, c.line, c.corporate_number,
                                                                                c.description):
                    got.update(name=None, description=None)  # (the lines after the number's: which cell's?)
                if _NUMBER_PIECE.search(c.name or ""):  # (a 法人番号's pieces read into the name 「富士フイルムビジ
                    # 1158399540ネスイノベーショ 656ン(株)」: the cells ran together; the number it took is another's)
                    got.update(name=None, corporate_number=None, description=None)
                out.append(PayeeRow(letter, c.rank, got, c.line, False))
    if disagree or (out is not rows and len(out) > len(rows)):
        corps = sum(1 for t, _, h in cells if not h for w in t.split(" ") if DIGITS13.fullmatch(w))
        have = sum(1 for r in out if DIGITS13.fullmatch(r.cells.get("corporate_number") or ""))
        notes.clear()
        if corps > have:
            why = "; ".join(m for _, m in unread) or "cells not in rows"
            if disagree:
                why += f"; blocks {disagree}: the two readings disagree"
            notes.append((lo, f"支出先上位10者リスト: {len(out)} rows read; {corps - have} more 法人番号 in cells that do "
                              f"not make rows ({why}): those payees are unknown"))
        elif disagree:
            notes.append((lo, f"支出先上位10者リスト: blocks {disagree}: the row reader and the column reader give other "
                              "rows: the rows they do not give alike are unknown"))
    return out


def _unknown(r: PayeeRow, keys, notes: list, why: str) -> PayeeRow:
    """Row ``r`` with its cells ``keys`` unknown, and a note at its line saying ``why`` (the row checks below)."""
    notes.append((r.line, f"支出先上位10者リスト: block {r.block} rank {r.rank}: {why}"))
    return r._replace(cells={**r.cells, **dict.fromkeys(keys)})


def _figure_descriptions(rows: list | None, notes: list, L: list[str] | None = None) -> list | None:
    """Rows whose 業務概要 is a figure alone (「11,504」: the amount cell read as it, the cells after it shifted —
    the 入札者数 read as the amount) with the 業務概要 and amount unknown, noted; so is a name or 業務概要 holding two
    Latin words between Japanese text (_LATIN_CUT) that the text's ``L`` (when given) writes at a line break — a
    wrap, inside a word or at a space: the sheet's own space on one line (「用PC 100台」「Microsoft 365の」) stays."""
    if not rows:
        return rows
    out = []
    for r in rows:
        if FIGURE.match((r.cells.get("description") or "").strip()):
            r = _unknown(r, ("description", "amount"), notes, "the 業務概要 read is a figure (another cell's): its "
                         "業務概要 and amount are unknown")
        cut = [k for k in ("name", "description") if any(L is None or _at_break(L, m[0])
                                                          for m in _LATIN_CUT.finditer(r.cells.get(k) or ""))]
        if cut:  # (「合同会社日経B Pマーケティング」「富士通Ja pan株式会社」: a Latin word the wrap may have cut)
            r = _unknown(r, cut, notes, f"{'/'.join(cut)} holds a Latin run split by one space between Japanese text "
                         "(a wrap inside a word, or between two words: the text does not say): unknown")
        out.append(r)
    return out


# a figure of the 支出額 cell's shape (grouped by commas, its last group maybe cut by the wrap: 「28,9」) and then
# a contract method (「随意契約」「3,360その他」): the next two columns' cells, in the form's order, read into the
# 業務概要 — no 業務概要 says an amount and then how it was contracted
_AMOUNT_THEN_METHOD = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{1,3})+\s?(?:随意契約|一般競争|指名競争|補助金等交付|その他)")
_DIGIT_RUN = re.compile(r"\d{2,}")  # (a 法人番号's wrapped piece 「8712」, a figure's 「98」)


_METHOD_WORDS = ("補助金等交付", "一般競争契約", "指名競争契約", "随意契約")


def _method_rest_inside(method: str | None, description: str | None) -> bool:
    """The 契約方式 read is a method's word cut (「補助」 of 補助金等交付, 「一般競争」 of 一般競争契約) and two characters
    of its rest stand in the 業務概要 read (「セキュリティ説明金等交付」, 「データ整備及契約(総1.び分析…」): the row's
    lines were split into cells wrongly, its name and 業務概要 hold each other's pieces."""
    m, d = (method or "").replace(" ", ""), (description or "").replace(" ", "")
    return bool(m and d) and any(w.startswith(m) and w != m and any(w[k:k + 2] in d for k in range(len(m), len(w) - 1))
                                 for w in _METHOD_WORDS)


_NEXT_ROW = re.compile(r"^(?:\d{1,2} \S|計(?: |$)|[A-Z]\.?$)")


def _name_ends_alone(name: str | None, method: str | None, below: list[str]) -> bool:
    """The name read ends in a piece that starts a line of the row's ``below`` alone, or beside the cut method's
    rest only (「会の開催 交付」, 「の作成」): a line whose name column is empty there, the 業務概要's rest in it."""
    n, m = (name or "").replace(" ", ""), (method or "").replace(" ", "")
    rest = next((w[len(m):] for w in _METHOD_WORDS if m and w.startswith(m) and w != m), "")
    for line in below:
        if _NEXT_ROW.match(line):
            return False  # (the next rank's row, or the block's 計: its name's pieces are no longer this row's)
        words = line.split(" ")
        if words[0] and n.endswith(words[0]) and len(words[0]) < len(n) \
                and all(w and w in rest for w in words[1:]):
            return True
    return False


_FIGURE_IN_TEXT = re.compile(r"(?<=[^\x00-\x7f])\d[\d,.]*(?![\d,.])")  # a figure after Japanese text (「出席3(」)


def _figure_of_its_own(description: str | None, near: list[str]) -> bool:
    """The 業務概要 read holds a figure glued after its Japanese text that the row's lines ``near`` print alone on a
    line (「会議等出席」 over 「3」 over 「(諸謝金)、補」: pdftotext writes the 支出額 cell between the 業務概要's pieces)."""
    figures = {m[0] for m in _FIGURE_IN_TEXT.finditer(description or "")}
    return bool(figures) and any(line.strip() in figures for line in near)


def _woven_rows(rows: list | None, notes: list, L: list[str] | None = None) -> list | None:
    """Rows whose 業務概要 holds the 支出額 and the 契約方式 (_AMOUNT_THEN_METHOD: the cells to its right woven into
    it, line by line) with the 業務概要 and every cell after it unknown (what was read as the amount is some other
    cell's digit), noted; the name too when it holds a run of digits (the other cells' pieces woven into it as
    well: 「ITリサーチ・アート(株)8712英訳作業」)."""
    if not rows:
        return rows
    out = []
    for r in rows:
        if L is not None and _method_rest_inside(r.cells.get("contract_method"), r.cells.get("description")) \
                and _name_ends_alone(r.cells.get("name"), r.cells.get("contract_method"), L[r.line:r.line + 12]):
            r = _unknown(r, ("name", "description", "contract_method"), notes, "the 契約方式 read is cut, its rest in "
                         "the 業務概要, and the name ends in a piece alone on its line (the 業務概要's rest): "
                         "name/description/contract_method unknown")
        if L is not None and r.cells.get("amount") is None and _figure_of_its_own(r.cells.get("description"),
                                                                                   L[r.line - 1:r.line + 15]):
            r = _unknown(r, ("description",), notes, "the amount unread and the 業務概要 read holds a figure printed "
                         "on a line of its own (the amount's cell woven into it): its 業務概要 unknown")
        if _AMOUNT_THEN_METHOD.search(r.cells.get("description") or ""):
            gone = ["description", "amount", "contract_method", "bidders", "award_rate"]
            if _DIGIT_RUN.search(r.cells.get("name") or ""):
                gone.append("name")
            r = _unknown(r, gone, notes, "the 業務概要 read holds the 支出額 and the 契約方式 (the cells to its right "
                         f"woven into it): {'/'.join(gone)} unknown")
        out.append(r)
    return out


_RATE_ONE_DIGIT = re.compile(r"^\d%?$")  # (「9%」: 「96.2%」 printed 「9」「6.」「2」「%」 down a narrow column)
# a name's end that is no name's: a dash word (the next cell's 「-」 read on its line), or one CJK character apart
# after CJK text (「…法律事務 所」: the wrap's last character joined with a space)
_NAME_TORN = re.compile(r"(?:\s[-－―ー]+|[\u3040-\u30ff\u4e00-\u9fff]\s[\u3040-\u30ff\u4e00-\u9fff])$")


def _torn_cells(rows: list | None, notes: list) -> list | None:
    """Rows with a 落札率 read as one digit (_RATE_ONE_DIGIT: no award is a whole 1-9% of the 予定価格; it is the
    first digit of a rate whose other pieces wrapped down its narrow column) and a name ending in another cell's
    piece (_NAME_TORN) each unknown, noted."""
    if not rows:
        return rows
    out = []
    for r in rows:
        gone = [k for k, bad in (("award_rate", _RATE_ONE_DIGIT), ("name", _NAME_TORN))
                if bad.search((r.cells.get(k) or "").strip() if k == "award_rate" else r.cells.get(k) or "")]
        if gone:
            r = _unknown(r, gone, notes, f"{'/'.join(gone)} read is cut or holds another cell's piece (a 落札率 of one "
                         "digit, a name ending in a dash or a character apart): unknown")
        out.append(r)
    return out


def _at_break(L: list[str], run: str) -> bool:
    """The two Latin words of ``run`` (a _LATIN_CUT match) stand where the text's lines break: a word of one line
    ends with the first, a word of the next starts with the second."""
    a, b = _LATIN_SPACE.search(run).groups()
    return any(any(w.endswith(a) for w in L[n].split()) and any(w.startswith(b) for w in L[n + 1].split())
               for n in range(len(L) - 1))


def _keys_once(rows: list | None, notes: list) -> list | None:
    """Rows without the blocks in which one rank was read twice (two blocks' rows read under one title: which
    row is which block's is not known), noted: those blocks' payees are unknown."""
    if not rows:
        return rows
    seen: dict[tuple, int] = {}
    twice: dict[str, tuple] = {}
    for r in rows:
        if (r.block, r.rank) in seen:
            twice.setdefault(r.block, (r.rank, seen[(r.block, r.rank)], r.line))
        seen.setdefault((r.block, r.rank), r.line)
    for block, (rank, first, again) in sorted(twice.items()):
        notes.append((first, f"支出先上位10者リスト: block {block} rank {rank} read twice (lines {first} and {again}: "
                             "two blocks' rows under one title): the block's payees are unknown"))
    return [r for r in rows if r.block not in twice] if twice else rows


def _rises_cut(rows: list | None, notes: list) -> list | None:
    """Rows without those of a block from the first whose amount rises above an earlier row's (noted): the form
    ranks a block's payees by amount, so from there on the rows read are not established as the block's (a table's
    row taken for the next rank: 「一般競争契約 (最低価格)」「2」 — row 1's 入札者数 — then the next table's row)."""
    if not rows:
        return rows
    cut: dict[str, int] = {}
    low: dict[str, float] = {}
    for r in sorted(rows, key=lambda r: (r.block, r.rank)):
        if r.block in cut:
            continue
        v = parse_number(r.cells.get("amount") or "").value
        if v is None:
            continue
        if v > low.get(r.block, float("inf")):
            cut[r.block] = r.rank
            notes.append((r.line, f"支出先上位10者リスト: block {r.block} rank {r.rank}: its amount rises above an "
                                  "earlier rank's (the form ranks a block's payees by amount): the rows from it on "
                                  "are not established as the block's; unknown"))
        low[r.block] = min(v, low.get(r.block, float("inf")))
    return [r for r in rows if r.rank < cut.get(r.block, 99)] if cut else rows


# a Latin run of two words after Japanese text, before more of it or the end (「日経B Pマーケ」): the text rejoins a
# cell's wrapped lines with a space between Latin letters, which a wrap inside a word (reportlab breaks anywhere)
# did not have
_LATIN_CUT = re.compile(r"[^\x00-\x7f\s]\(?[A-Za-z0-9]+ [A-Za-z0-9]+\)?(?:[^\x00-\x7f\s]|$)")  # (「…(U NDP)」)


_WHOLE13 = re.compile(r"(?<!\d)\d{13}(?!\d)")  # a 法人番号 printed whole (no digit glued either side)


def _numbers_unplaced(L: list[str], lo: int, rows: list) -> list[tuple[str, int]]:
    """The check-digit-valid 法人番号 printed whole in the payee section's cells that no row read holds, in text
    order: payees the readers left out without saying so."""
    held = {r.cells.get("corporate_number") for r in rows}
    out: list[tuple[str, int]] = []
    for text, line, _ in payee_section_cells(L, lo):
        for number in _WHOLE13.findall(text) + _pieced13(text):
            if number not in held and houjin_valid(number) and (number, line) not in out:
                out.append((number, line))
    return out


_DIGIT_RUN = re.compile(r"\d+")


def _pieced13(text: str) -> list[str]:
    """The 13 digits of runs of digits next to each other in a cell's text (its lines rejoined) that make a 法人番号
    only together: a number the narrow cell wrapped beside the name's lines (「一般社団法人日 119416511本データ通信協
    0508会」)."""
    runs = _DIGIT_RUN.findall(text) if len(text) >= 13 else []
    out = []
    for k in range(len(runs) - 1):
        joined = runs[k]
        for run in runs[k + 1:]:
            joined += run
            if len(joined) >= 13:
                break
        if len(joined) == 13 and len(runs[k]) < 13:
            out.append(joined)
    return out


def _checked_boxes(cells: list, notes: list, lo: int, raw: list[str] | None) -> list | None:
    """The box reader's rows (pdfminer.six's boxes of the real form; any paragraph text with its block letters),
    each block's kept only when its amounts pass the amount and 計 checks (noted otherwise)."""
    rows = payee_boxes(cells, notes, lo, raw)
    rows = rows_before_letter(cells, rows, notes) if rows else rows
    return checked_by_totals(checked_by_amounts(rows, notes), cells, notes) if rows else rows


def _payees(rec: Record, L: list[str], raw: list[str] | None = None) -> None:
    lo = _first_in(L, "支出先上位")
    if lo is None:
        warn(rec, "payees_missing", "no 支出先上位10者リスト", field="payees")
        return
    notes: list = []
    if paragraph_style(L):
        cells = payee_section_cells(L, lo)
        text_rows = settle_bids(cells, _with_columns(cells, lo, payee_paragraphs(L, lo, notes) or [], notes, L) or None,
                                notes, lo)
        if not text_rows:  # the real form's blocks as pdftotext keeps them (letter, headers, ranked rows)
            form_notes: list = []
            text_rows = form_rows(L, lo, form_notes)
            if text_rows:
                notes = form_notes
        elif has_letters(cells) and (notes or set(_blocks(L, lo)[0]) - {r.block for r in text_rows}):
            # payees the other readers left unknown (or blocks whose title stands and of which they read no row):
            # the form's order may place them
            form_notes = []
            form = form_rows(L, lo, form_notes)
            merged = with_form_rows(text_rows, form)
            if merged is not text_rows:
                text_rows, notes = merged, form_notes
            else:
                added = with_form_blocks(text_rows, form)
                if added is not text_rows:  # (blocks only the form's order reads: its notes say what it left)
                    text_rows, notes = added, notes + form_notes
                text_rows, disputed = form_disputes(text_rows, form)
                if disputed:
                    notes.append((lo, f"支出先上位10者リスト: {disputed}: the form's order reads these cells otherwise; "
                                      "unknown"))
        box_notes: list = []  # the real ruled form as pdfminer.six writes it: one box a cell, the ranks apart
        if not text_rows:
            text_rows = _checked_boxes(cells, box_notes, lo, raw)
            notes = box_notes if text_rows or box_notes else notes
        elif has_letters(cells):  # the real form's letters: this reader may give the rows the others left unread
            boxed = _checked_boxes(cells, box_notes, lo, raw)
            text_rows = with_boxes(text_rows, boxed, notes, lo) if boxed else text_rows
        text_rows = doubted_amounts_unknown(text_rows, notes)  # (after the blocks' checks, which read them)
        text_rows = header_figure_unheld(cells, text_rows, notes) if text_rows else text_rows
        text_rows = bidders_shaped_amounts(cells, text_rows, notes) if text_rows else text_rows
        # (a count read for a row whose method takes no bids: another row's cell — in paragraph text only, where a
        # row's cells may stand among the next row's; a row-style line holds its own row's cells)
        text_rows = bids_without_contest(text_rows, notes) if text_rows else text_rows
        if text_rows:
            text_rows, unknown = respell_methods(text_rows, L[lo:], raw[lo:] if raw is not None else None)
            if unknown:
                notes.append((unknown[0], f"支出先上位10者リスト: on lines {unknown} the contract method holds a digit "
                                          "(a 入札者数 run into it), or its qualifier wrapped where the sheet "
                                          "spells none on one line (a space before it or not): unknown"))
    else:
        text_rows = payee_rows(L, lo, notes)
    text_rows = _rises_cut(_keys_once(_torn_cells(_woven_rows(_figure_descriptions(text_rows, notes, L), notes, L), notes), notes), notes)
    for line, message in notes:
        warn(rec, "payees_partial", message, line=line, field="payees")
    if text_rows:
        read = {r.block for r in text_rows}
        # (the blocks' titles, and in paragraph text the letters written alone: 「B」 with no dot is no title _blocks
        # finds, and a block of it no reader gave must be unknown, not absent)
        titles = set(_blocks(L, lo)[0]) | (set(form_letters(L, lo)) if paragraph_style(L) else set())
        unread = sorted(x for x in titles if x not in read)
        if unread:  # a block whose title is in the text and of which no row was read is unknown, never absent
            warn(rec, "payees_partial", f"支出先上位10者リスト: blocks {unread}: the title is in the text but no row "
                 "of the block was read: their payees are unknown", line=lo, field="payees")
        elif not notes and (left := _numbers_unplaced(L, lo, text_rows)):
            # (no reader said what it left: a block whose title was not found as one reads as no block at all)
            warn(rec, "payees_partial", f"支出先上位10者リスト: {len(left)} valid 法人番号 in the section (line "
                 f"{left[0][1]}: {left[0][0]}) are in no row read: those payees are unknown", line=left[0][1],
                 field="payees")
        for r in text_rows:
            rec["payees"].append(fields.build_payee(rec, r.block, r.rank, r.cells, line=r.line))
            span(rec, f"payees[{r.block}|{r.rank}]", r.line)
            if r.guessed:
                warn(rec, "payee_cell_guess", f"block {r.block} rank {r.rank}: placed by guess (a wrapped "
                     "piece of text attached to the longer cell, or the block letter taken as the next one)",
                     line=r.line, field=f"payees[{r.block}|{r.rank}]")
        return
    letters, names, totals = _blocks(L, lo)
    rows = _payee_rows(L, lo)
    if not rows:
        warn(rec, "payees_unread", "支出先上位10者リスト: no payee row could be read in this text (the payees are "
             "unknown, not absent)", line=lo, field="payees")
        return
    amounts = [parse_number(r["amount"]).value or 0 for r in rows]
    assign: list[str] = []
    if totals and letters:
        if len(totals) != len(letters):
            warn(rec, "payee_block_totals", f"{len(totals)} block totals (計) for blocks {letters}", field="payees")
        pos = 0
        for letter, (tot, tline) in zip(letters, totals, strict=False):
            s, count = 0.0, 0
            while pos < len(rows) and tot is not None and s + amounts[pos] <= tot + 0.5:
                s += amounts[pos]
                assign.append(letter)
                pos, count = pos + 1, count + 1
            if tot is not None and abs(s - tot) > 0.5 and count < 10:  # with 10 rows the rest are not listed
                warn(rec, "payee_block_sum", f"block {letter}: payees add up to {as_int_if_whole(s)}, block total "
                     f"{as_int_if_whole(tot)}", line=tline, field="payees")
        if pos < len(rows):
            warn(rec, "payee_block_unassigned", f"{len(rows) - pos} payee rows beyond the block totals; put in the "
                 "last block", field="payees")
            assign += [letters[-1]] * (len(rows) - pos)
    else:
        # no block totals: which block and rank each row has is not established, so no row is emitted
        # (a payee row is a claim about its block and rank); the rows are kept in extra["withheld"]
        lines = [r["line"] for r in rows]
        warn(rec, "payee_blocks_unknown", f"no block totals (計) found: {len(rows)} payee rows (lines "
             f"{min(lines)}-{max(lines)}) cannot be placed in their blocks; withheld", line=min(lines),
             field="payees")
        rec["extra"].setdefault("withheld", []).append(
            {"field": "payees", "value": [{k: v for k, v in r.items() if k != "line"} for r in rows],
             "reason": "payee blocks not established", "line": min(lines)})
        return
    rank_in: dict[str, int] = {}
    for row, letter in zip(rows, assign, strict=True):
        rank_in[letter] = rank_in.get(letter, 0) + 1
        rank = rank_in[letter]
        if row["rank"] is not None and row["rank"] != rank:
            warn(rec, "payee_rank", f"block {letter}: printed rank {row['rank']} but row {rank} in order",
                 line=row["line"], field="payees")
        name = row["name"]
        m = re.match(r"^(\d{1,2}) (\S.*)$", name or "")
        if m and int(m[1]) == rank:  # the rank cell printed on the name's line
            name = m[2]
        if name is None and names.get(letter):
            name = names[letter]
            warn(rec, "payee_name_from_block", f"block {letter} rank {rank}: no name cell next to the row; took the "
                 f"block name {name!r}", line=row["line"], field=f"payees[{letter}|{rank}]")
        cells = dict(row, name=name)
        p = fields.build_payee(rec, letter, rank, cells, line=row["line"])
        rec["payees"].append(p)
        span(rec, f"payees[{letter}|{rank}]", row["line"])
        if rank > 10:
            warn(rec, "payee_rank_over_10", f"block {letter} has more than 10 payee rows", field="payees")


# ------------------------------------------------------------------ past numbers, related projects

def _past_numbers(rec: Record, L: list[str]) -> None:
    lab = _first_in(L, "関連する過去のレビューシート")
    if lab is None:
        return
    sy = rec["sheet_fiscal_year"]
    year_tok = re.compile(r"(?:令和|平成)\s*(?:元|\d{1,2})\s*年度")
    num_line = re.compile(r"^(?:(?:新\s*\d{1,2}\s*-\s*\d{4}|\d{4}|20\d\d-\S{1,6}-\d{2}-\d{4})\s*)+$")
    end = _past_numbers_end(L, lab)
    for i in range(max(1, lab - 60), end + 1):
        t = year_tok.sub(" ", L[i - 1]).strip()
        if not t or not num_line.match(t) or "事業番号" in L[i - 1]:
            continue
        cut = next((L[j - 1] for j in range(max(lab + 1, i - 3), i) if cut_number_head(L[j - 1])), None)
        if cut is not None and re.fullmatch(r"\d{4}(?:\s+\d{4})*", t):
            # (「2021 文科 20」 over 「0227 0309」, 「2021 内閣」 over 「府 20」 over 「0285」: which number ends the cut
            # one is unknown)
            warn(rec, "past_numbers_unsure", f"関連する過去の事業番号 {t!r} below a number cut before its serial "
                 f"({cut!r}); left out", line=i, field="past_project_numbers")
            continue
        for ref in parse_numbers(t):
            item = {"number": ref.number}
            m = re.match(r"新(\d{2})-", ref.number)
            if m and sy:
                y = guess_era(int(m.group(1)), sy)
                if y and y <= sy:
                    item = {"fiscal_year": y, "number": ref.number}
            if all(x["number"] != ref.number for x in rec["past_project_numbers"]):
                span(rec, f"past_project_numbers[{len(rec['past_project_numbers'])}]", i)
                rec["past_project_numbers"].append(item)


def _past_numbers_end(L: list[str], lab: int) -> int:
    """The last line the past numbers' table may hold after its label (1-based ``lab``): 60 lines on, or the line
    before the next section's title (「資金の流れ」「支出先上位10者リスト」), whose cells are none of it (a payee's
    法人番号 wrapped into a line of its own, 「200002002」 over 「0001」, is no past number)."""
    end = min(len(L), lab + 60)
    return next((i - 1 for i in range(lab + 1, end + 1) if "資金の流れ" in L[i - 1] or "支出先上位" in L[i - 1]), end)


def _past_years_wrapped(rec: Record, L: list[str]) -> None:
    """Past 事業番号 read without their year whose number a narrow cell wrapped onto a line of its own, below the row
    of year cells they belong to (``_wrapped_number_years``): the year of their cell, when no other number has it."""
    lab = _first_in(L, "関連する過去のレビューシート")
    past = rec["past_project_numbers"]
    if lab is None or all("fiscal_year" in x for x in past):
        return
    sy = rec["sheet_fiscal_year"]
    for i in range(lab + 2, min(len(L), lab + 12) + 1):
        if not (refs := parse_numbers(L[i - 1])) or not _NUMBERS_ONLY.match(L[i - 1]):
            continue
        years = _wrapped_number_years(L[i - 2], len(refs), sy)
        for ref, y in zip(refs, years, strict=True) if years else ():
            k = next((k for k, x in enumerate(past) if x["number"] == ref.number), None)
            if k is not None and "fiscal_year" not in past[k] and all(x.get("fiscal_year") != y for x in past):
                past[k] = {"fiscal_year": y, **past[k]}


_NUMBERS_ONLY = re.compile(r"^(?:\(?\d{4}\)?\s*)+$")  # (「0477 0031」, 「(0443)」)
_PAST_YEAR = re.compile(r"(?:令和|平成)\s*(?:元|\d{1,2})\s*年度")
# a 府省 and its dash (or the 府省 alone), the number after it wrapped (「国土交通省 -」 over 「0477」, 「国土交通省」 over 「(0443)」)
_NUMBER_OPEN = re.compile(r"^[^\s\d()\-]+(?:\s*-)?$")


def _wrapped_number_years(above: str, n: int, sy: int | None) -> list[int | None] | None:
    """The fiscal years of ``n`` 事業番号 on a line of their own, wrapped from the row ``above`` (「平成23年度 国土交通省 -
    平成24年度 国土交通省 - 0233」 over 「0477 0031」): each year cell whose cell is a 府省 (and its dash) without the
    number (a cell of 「-」 alone is blank) lost its number to the line below, in order; only when the row starts with a
    year cell, every year is whole and there are exactly ``n`` such cells; else None."""
    marks = list(_PAST_YEAR.finditer(above))
    if not marks or marks[0].start() != 0:
        return None
    cells = [(m.group(0), above[m.end():marks[k + 1].start() if k + 1 < len(marks) else len(above)].strip())
             for k, m in enumerate(marks)]
    if any(re.search(r"令和|平成|昭和", text) for _, text in cells):
        return None  # a year cut by a narrow cell (「平成」 over 「26年」): the cells' order is not the line's
    years = [fields.parse_fiscal_year_cell(year, sy).year for year, text in cells if _NUMBER_OPEN.match(text)]
    return years if len(years) == n and all(years) else None


def _related(rec: Record, L: list[str]) -> None:
    lab = _first_holding(L, ("事業名", "事業番号", "府省"))
    if lab is None:
        return
    rows = []
    for i in range(lab + 1, min(len(L), lab + 20) + 1):
        t = L[i - 1]
        if not t:
            continue
        m = re.match(rf"^({_MINISTRY_RE.pattern})\s*[-(]?\s*((?:新\s*)?\d{{2}}\s*-\s*\d{{4}}|\d{{4}}|-)?\s*\)?\s+(.+)$", t)
        if not m:
            break
        rows.append((m.group(1), m.group(2), m.group(3)))
        span(rec, f"related_projects[{len(rows) - 1}]", i)
    rec["related_projects"] = fields.parse_related_projects(rows)


# ------------------------------------------------------------------ entry point

_MISSING_CODES = {"project_number": "project_number_missing", "project_name": "project_name_missing",
                  "bureau": "bureau_missing", "division": "division_missing",
                  "responsible_officials": "officials_missing", "start_fiscal_year": "start_year_missing",
                  "end_fiscal_year": "end_year_missing", "accounts": "accounts_missing",
                  "implementation_methods": "implementation_methods_missing"}


def _label_anchored(rec: Record, L: list[str]) -> None:
    """Fields printed next to their labels, in any tool's order (kg.extract.review_text), take precedence over
    the positional guesses above; a guess they replace is a warning naming field and line."""
    found = label_fields(L, rec["sheet_fiscal_year"])
    # (a 事業名 whose end the position left unknown, more text below it, is read as the same text next to its label:
    # that settles nothing — 「…システム運用」 over 「事業 庁」, the name's 「事業」 beside the label's 「庁」)
    unsure = {w["message"] for w in rec["warnings"] if w.get("code") == "project_name_ambiguous"
              and w.get("line") and name_rest_before_label_rest(L, w["line"])}
    for key, (value, line) in sorted(found.items()):
        old = rec.get(key)
        if key == "project_name" and any(m.startswith(f"事業名 {value!r} printed beside") for m in unsure):
            continue
        if old == value or (key == "major_expense" and (not _expense_ok(value) or (
                old in MAJOR_EXPENSES and squash(value) not in MAJOR_EXPENSES))) \
                or (key == "major_policy" and old in MAJOR_POLICIES and value in MAJOR_EXPENSES
                    and value not in MAJOR_POLICIES):
            continue  # (another cell's text after the 主要経費 label does not replace the cell found by position, nor
            # does text that is none of the 主要経費 categories replace one that is: 「状 況」 after 「経済協力」; a
            # 主要経費 category after the 主要政策・施策 label, its neighbour's cell, does not replace a 主要政策 one)
        if old not in (None, []):
            warn(rec, "pdf_text_disagreement", f"{key}: {old!r} by position, {value!r} next to its label "
                 "(kept)", line=line, field=key)
        rec[key] = value
        rec["provenance"]["spans"].pop(key, None)
        span(rec, key, line)
        code = _MISSING_CODES.get(key)
        rec["warnings"] = [w for w in rec["warnings"] if w.get("code") != code and
                           not (key in ("start_fiscal_year", "end_fiscal_year") and w.get("code") == "period_missing")]


def _past_plausible(rec: Record) -> None:
    """A past 事業番号 that is its own fiscal year's four digits alone (「2022」 of 「令和4年 2022」 over 「外務 21」 over
    「0376」: the number's cell cut after its year, the rest wrapped) is no number: left out with a warning."""
    bad = [x for x in rec["past_project_numbers"]
           if x.get("fiscal_year") is not None and x.get("number") == str(int(x["fiscal_year"]))]
    for x in bad:
        warn(rec, "past_numbers_unsure", f"関連する過去の事業番号 {x['number']!r} is its fiscal year alone (the rest of "
             "the number wrapped); left out", field="past_project_numbers")
    if bad:
        rec["past_project_numbers"] = [x for x in rec["past_project_numbers"] if x not in bad]


def _laws_plausible(rec: Record, L: list[str] | None = None) -> None:
    """A law whose name cannot be a law's title (pieces of neighbouring cells: 「記載バーセキュリティ基本法」) is no
    fact: withheld (extra["withheld"]) with a warning naming the lines it came from."""
    text = rec["extra"].get("legal_bases_text") or ""
    line = rec["provenance"]["spans"].get("legal_bases", [None])[0]
    for find, why in ((cut_citations, "ends in a number cut from its counter (other text glued on)"),
                      (stray_articles, "stands bare after words that are not this law's (another title's cut head?)")):
        for law, cite in find(text, rec["legal_bases"]):
            lb = next(lb for lb in rec["legal_bases"] if lb.get("law") == law)
            if cite in lb["citations"]:
                lb["citations"].remove(cite)
                warn(rec, "legal_base_implausible", f"根拠法令 {law!r}: the citation {cite!r} {why}; left out", line=line,
                     field="legal_bases")
    for lb in rec["legal_bases"]:  # a 項 or 号 with no 条 (nor 章, nor 附則, whose 項 stand alone): the article was cut
        for cite in [c for c in lb.get("citations") or [] if not {"article", "chapter", "supplementary"} & set(c)]:
            lb["citations"].remove(cite)  # off (「第94条第2」 over 「(具体的な項第28号」: the label's piece between)
            warn(rec, "legal_base_implausible", f"根拠法令 {lb.get('law')!r}: the citation {cite!r} names no article "
                 "(its 条 cut off); left out", line=line, field="legal_bases")
    bad = set(implausible_laws(rec["legal_bases"], text))
    # a title ending the cell's text with no article cited: the cell goes on elsewhere (beside the 関係する計画
    # label, 「…第20号 総合法律 関係する計画、通 支援法第28条…」), so the title may be cut (総合法律支援法)
    bad |= {lb.get("law") for lb in rec["legal_bases"] if not lb.get("citations") and lb.get("law")
            and text.rstrip().endswith(lb["law"])}
    if L is not None and rec["legal_bases"] and (lab := _first_wrapped(L, _LEGAL_LABEL)) is not None:
        bad |= set(laws_cut_at_head(L, lab))
    if not bad:
        return
    for lb in [lb for lb in rec["legal_bases"] if lb.get("law") in bad]:
        rec["legal_bases"].remove(lb)
        rec["provenance"]["spans"].pop(f"legal_bases[{lb.get('law')}]", None)
        rec["extra"].setdefault("withheld", []).append(
            {"field": "legal_bases", "value": lb, "reason": "not a law's title (pieces of neighbouring cells)",
             "code": "legal_base_implausible", **({"line": line} if line is not None else {})})
        warn(rec, "legal_base_implausible", f"根拠法令 {lb.get('law')!r} is not a law's title (pieces of "
             "neighbouring cells); withheld", line=line, field="legal_bases")




def _policy_plausible(rec: Record) -> None:
    """A 政策 / 施策 value holding a header word of the indicator tables is no fact: left out with a warning."""
    pe = rec["policy_evaluation"]
    if not pe:
        return
    for key, label in (("policy", "政策 "), ("measure", "施策 ")):
        # (a value starting with its own label word and a space is the label read with it: 「政策 政策 VII. …」)
        if pe.get(key) and (not policy_value_plausible(pe[key]) or pe[key].startswith(label)):
            warn(rec, "policy_evaluation_implausible", f"政策評価 {key} {pe[key]!r} holds another table's header "
                 "word, or is a sentence or its row label's rest; left out", line=rec["provenance"]["spans"].get("policy_evaluation", [None])[0],
                 field="policy_evaluation")
            pe[key] = None
    if pe.get("policy") is None and pe.get("measure") is None:
        rec["policy_evaluation"] = None


# the header row's labels: a 事業名 holding one is the name's cell glued to its neighbours' (「…ネットワークシ担当部局 自治行政局」)
_HEADER_LABEL = re.compile(r"担当部局?|作成責任者|担当課室|事業開始|事業終了|会計区分|所管府省|担当.*(?:部局|課室)")
# (or 担当部局's two pieces with the name's wrapped rest between them: 「…シス 担当テム運用推進費部局」)


_OFFICIAL_IN = re.compile(r"(?:^|\s)(?:課長|室長|部長|局長|審議官|参事官|企画官|調査官|統括官|課長補佐|室長補佐)\s+[^\s(]")


def _orgs_plausible(rec: Record) -> None:
    """A 担当部局庁 / 担当課室 not of an organisation's shape (a cell's first line whose wrapped rest went elsewhere:
    「サイバーセキュリティ統」) is no fact: left out with a warning."""
    for key in ("bureau", "division"):
        v = rec.get(key)
        if isinstance(v, str) and (not org_plausible(v) or label_piece(v) or _HEADER_LABEL.search(v)
                                   or _OFFICIAL_IN.search(v)):
            # (or the label's piece 「部局」, or the header row's labels: 「事業終了(予定)年度 終了予定 担当課室」, or
            # an official's title followed by a name: the 作成責任者 cell, 「高村審 課長 山本純一」 over 「議官」)
            warn(rec, f"{key}_implausible", f"{key} {v!r} is not an organisation's name (a wrapped cell's first "
                 "line?); left out", line=rec["provenance"]["spans"].get(key, [None])[0], field=key)
            rec[key] = None


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]|「[^「」]*」")


def _name_plausible(rec: Record) -> None:
    """A 事業名 holding a label of the form's header row, a label of the form or a sentence is no fact: left out
    with a warning (the document is then failed: its name is not established)."""
    name = rec.get("project_name")
    if not isinstance(name, str):
        return
    if _HEADER_LABEL.search(name):
        why = "holds a label of the form's header row (pieces of neighbouring cells)"
    elif "。" in _BRACKETED.sub("", name):
        # (a 事業名 holds 「。」 only inside its brackets, 「…経費(…等除く。)」: a sentence is the 点検結果 cell's text
        # read after the 関連事業 table's 事業名 header, when the form's own label was cut over two lines)
        why = "is a sentence (another cell's text)"
    elif label_piece(name) or re.fullmatch(_CHECK_ROW_LABEL, name.replace(" ", "")):
        # (「点検結果」: the 点検 table's 事業名 column read, its row label below it taken for the name)
        why = "is a label of the form"
    else:
        return
    warn(rec, "project_name_implausible", f"事業名 {name!r} {why}; left out",
         line=rec["provenance"]["spans"].get("project_name", [None])[0], field="project_name")
    rec["project_name"] = None


def _official_space_kept(official: str, L: list[str], raw: list[str]) -> str:
    """An official read without the space between family and given name, the cell wrapped at that space
    (pdfminer.six keeps the space at the line's end: 「参事官 小林 」 over 「雅一」 read 「参事官 小林雅一」): the two
    lines joined with the space, when exactly one pair of lines so joins into it and the result has an official's
    shape; else the official as read (left out by the caller)."""
    pairs = [n for n in range(len(L) - 1) if L[n] and L[n + 1] and L[n] + L[n + 1] == official
             and raw[n].endswith((" ", "\u3000"))]
    if len(pairs) == 1 and OFFICIAL_SHAPE.match(got := f"{L[pairs[0]]} {L[pairs[0] + 1]}"):
        return got
    return official


def _officials_plausible(rec: Record, L: list[str], raw: list[str]) -> None:
    """An official not of that shape (「一般会計」, 「平成15」, pieces of neighbouring cells, a name whose two
    parts cannot be told apart) is no fact: left out with a warning. So are officials read whole on their line
    when a name's piece stands alone below it (「室長 小林 直 課長 加藤 敦史」 over 「子」: which name it ends is
    unknown)."""
    at = rec["provenance"]["spans"].get("responsible_officials", [None])[0]
    read = " ".join(rec["responsible_officials"])
    # (the line the officials were read on: the span's, or the one before it when the span took the piece below)
    line = next((n for n in (at, (at or 0) - 1) if n and n <= len(L) and read in L[n - 1]), None) if read else None
    if line and not paragraph_style(L) and (name_rest_alone(L, line) or title_rest_below(L, line)
                                            or name_rest_beside(L, line, read)):
        warn(rec, "official_implausible", f"作成責任者 {rec['responsible_officials']!r}: a name's piece wrapped "
             f"below ({L[line]!r}); left out", line=line, field="responsible_officials")
        rec["responsible_officials"] = []
    rec["responsible_officials"] = [_official_space_kept(o, L, raw) if not OFFICIAL_SHAPE.match(o) else o
                                    for o in rec["responsible_officials"]]
    # an official as the sheet wrote it without the three words (「課長補佐 寺田純一」, 「高村企画官」: about 4 in 10 on
    # real sheets) stands as read when it ends its row's line and the next line starts the form's next row (the cell
    # did not wrap) and it is alone there
    whole = len(rec["responsible_officials"]) == 1 and line and not paragraph_style(L) \
        and L[line - 1].endswith(" " + rec["responsible_officials"][0]) \
        and (next_row(L, line) or label_rests_to_next_row(L, line))
    if whole and not OFFICIAL_SHAPE.match(rec["responsible_officials"][0]):
        # (several side by side at the row's end: 「技術調査課 室長 中村 直子 課長 小林拓也」)
        rec["responsible_officials"] = officials_alone(rec["responsible_officials"][0])
    # paragraph-style text: an official whose cell is a paragraph of one line stands as read, so do officials side
    # by side in such a paragraph (「室長 中村 直子 課長 小林拓也」)
    alone = {x for o in rec["responsible_officials"] if paragraph_style(L) and not OFFICIAL_SHAPE.match(o)
             for x in officials_alone(o, L) if official_paragraph(o, L)}
    if alone:
        rec["responsible_officials"] = [x for o in rec["responsible_officials"]
                                        for x in (officials_alone(o, L) if o not in alone else [o])]
    bad = [o for o in rec["responsible_officials"] if not OFFICIAL_SHAPE.match(o)
           and not (whole and fields.one_official(o)) and not (o in alone and official_as_written(o))]
    for o in bad:
        warn(rec, "official_implausible", f"作成責任者 {o!r} is not a title and a name; left out",
             line=rec["provenance"]["spans"].get("responsible_officials", [None])[0], field="responsible_officials")
    if bad:
        rec["responsible_officials"] = [o for o in rec["responsible_officials"] if o not in bad]
    _titles_as_names(rec)


# a word that is a title alone (「企画官」「課長」): never a family or a given name
_TITLE_ALONE = re.compile(r"^(?:課長補佐|課長|室長|企画官|参事官|審議官|局長|部長|次長|所長|統括官|調整官|専門官|管理官|補佐)$")


# a title of two or more characters inside a word (「高村課長補佐太郎」): a name holds none
_TITLE_INSIDE = re.compile(r"課長|室長|企画官|参事官|審議官|局長|部長|次長|所長|統括官|調整官|専門官|管理官")


def _titles_as_names(rec: Record) -> None:
    """An official whose name holds a title word (「企画官 企画官 渡辺直子」: two officials' title cells side by side,
    their names below; which name is whose is unknown), or a title inside a name's word (「課長 渡辺健 高村課長補佐太郎」:
    「課長 渡辺健」 and 「高村課長補佐」 side by side, the first one's 「太郎」 wrapped below and joined to the second), or
    two titles in its first word (「佐々木参事官企画官 小林 雅一」: 「佐々木参事官」 and 「企画官 小林 雅一」 run together),
    is no fact: left out with a warning."""
    bad = [o for o in rec["responsible_officials"] if any(_TITLE_ALONE.match(w) or _TITLE_INSIDE.search(w)
                                                          for w in o.split(" ")[1:])
           or len(_TITLE_INSIDE.findall(o.split(" ")[0])) > 1]
    for o in bad:
        warn(rec, "official_implausible", f"作成責任者 {o!r}: a title where its name stands (officials' cells side "
             "by side); left out", line=rec["provenance"]["spans"].get("responsible_officials", [None])[0],
             field="responsible_officials")
    if bad:
        rec["responsible_officials"] = [o for o in rec["responsible_officials"] if o not in bad]


_COUNTER_LOST = re.compile(r"第\s*\d+\s*[条項]\s*\d+(?![\d号条項])")


def _label_lists(rec: Record, L: list[str]) -> None:
    """List fields read between their label and the next (kg.extract.review_text.label_lists), where the
    positional passes found nothing (or past numbers without their years)."""
    taken = frozenset(v for k in ("project_name", "bureau", "division", "major_policy", "major_expense")
                      if isinstance(v := rec.get(k), str))
    found = label_lists(L, rec["sheet_fiscal_year"], taken)
    if "legal_text" in found and rec["legal_bases"] and _COUNTER_LOST.search(rec["extra"].get("legal_bases_text", "")) \
            and not _COUNTER_LOST.search(found["legal_text"].value):
        # a citation's number without its counter (「第1項28住民…」: 号 wrapped onto the next line and lost): the
        # cell's text read between the labels keeps it
        warn(rec, "pdf_text_disagreement", f"根拠法令: {rec['extra']['legal_bases_text']!r} by position, "
             f"{found['legal_text'].value!r} between the labels (kept)", line=found["legal_text"].line,
             field="legal_bases")
        rec["provenance"]["spans"] = {k: v for k, v in rec["provenance"]["spans"].items()
                                      if not k.startswith("legal_bases")}
        rec["legal_bases"] = []
    if "legal_text" in found and not rec["legal_bases"]:
        text, line = found["legal_text"]
        rec["extra"]["legal_bases_text"] = text
        rec["legal_bases"] = parse_legal_bases(text)
        for lb in rec["legal_bases"]:
            span(rec, f"legal_bases[{lb.get('law')}]", line)
        rec["warnings"] = [w for w in rec["warnings"] if w.get("code") != "legal_bases_missing"]
    if rec["related_plans"] and not plans_plausible(rec["related_plans"]):
        warn(rec, "related_plans_unsure", f"関係する計画、通知等 mixed with other cells' text; left out: "
             f"{rec['related_plans']!r}", line=rec["provenance"]["spans"].get("related_plans", [None])[0],
             field="related_plans")
        rec["related_plans"] = []
        rec["provenance"]["spans"] = {k: v for k, v in rec["provenance"]["spans"].items()
                                      if not k.startswith("related_plans")}
    if "related_plans" in found and not rec["related_plans"]:
        rec["related_plans"], line = found["related_plans"]
        for k in range(len(rec["related_plans"])):
            span(rec, f"related_plans[{k}]", line)
        rec["warnings"] = [w for w in rec["warnings"] if w.get("code") != "related_plans_missing"]
    pe = rec["policy_evaluation"]
    if "policy_evaluation" in found and (pe is None or pe.get("policy") is None or pe.get("measure") is None):
        rec["policy_evaluation"], line = found["policy_evaluation"]
        span(rec, "policy_evaluation", line)
    if "related_projects" in found and not rec["related_projects"]:
        rec["related_projects"], line = found["related_projects"]
        for i in range(len(rec["related_projects"])):
            span(rec, f"related_projects[{i}]", line)
    past = rec["past_project_numbers"]
    labelled = found.get("past_project_numbers")
    if labelled and (not past or not any("fiscal_year" in x for x in past)
                     or (all("fiscal_year" in x for x in labelled.value) and labelled.value != past)):
        rec["past_project_numbers"], line = found["past_project_numbers"]
        for i in range(len(rec["past_project_numbers"])):
            span(rec, f"past_project_numbers[{i}]", line)


def extract(doc: RawDoc) -> Record:
    """Extract one 行政事業レビューシート (PDF text) into a review_sheet record."""
    rec = new_record("review_sheet", doc.name)
    lines = without_page_numbers(doc.lines)  # a footer between a block's title and its table is no cell
    L = _label_heads_rejoined(nfkc_lines(lines))
    # squash(x) is nfkc(x) without its spaces, and nfkc(nfkc(x)) == nfkc(x): the lines' squashed forms are L's
    # without spaces (both checked in tests/unit/extract/test_seed_kind_speed_forms.py)
    _squashed.put(L, [x.replace(" ", "") for x in L])
    folded_lines(L)  # (review_text's readers take L as it is)
    _title(rec, L)
    _project_number(rec, L)
    _names(rec, L)
    _period(rec, L)
    hi = _first_in(L, "支出先上位") or len(L)
    _vocab_cells(rec, L, hi)
    _legal(rec, L)
    _plans(rec, L)
    _budget(rec, L)
    _policy_eval(rec, L)
    _payees(rec, L, lines)
    _past_numbers(rec, L)
    _related(rec, L)
    _label_anchored(rec, L)
    _label_lists(rec, L)
    _past_years_wrapped(rec, L)
    _past_plausible(rec)
    _laws_plausible(rec, L)
    _policy_plausible(rec)
    _officials_plausible(rec, L, lines)
    _name_plausible(rec)
    _name_goes_on_below(rec, L)
    _orgs_plausible(rec)
    _plans_not_placed(rec)
    _vocab_cut(rec, L)
    _major_policy_plausible(rec)
    _expense_plausible(rec)
    _payees_plausible(rec, L, lines)
    _swapped_blocks(rec)
    _payee_cells_plausible(rec, lambda: _listed_tasks(L))
    _cells_after_named_description(rec)
    _descriptions_plausible(rec)
    _nameless_entity_descriptions(rec)
    _latin_joined(rec, L, lines)
    if rec["policy_evaluation"] is None:
        warn(rec, "policy_evaluation_missing", "no 政策 / 施策 cells", field="policy_evaluation")
    return rec


def _vocab_cut(rec: Record, L: list[str]) -> None:
    """A 主要政策・施策 or 主要経費 read as the head of a vocabulary word only (its cell wrapped, 「主要政 科学技術・イノベー
    主要経費 …」 over 「策・施 ション」): made whole when one of the next two lines has the rest of exactly one word of
    that head as a word of its own, else left out with a warning (a cut word is no fact)."""
    for key, vocab, _, word in _VOCAB_FIELDS:
        v = rec[key]
        if not isinstance(v, str) or v in vocab or v not in _vocab_heads(vocab):
            continue
        line = rec["provenance"]["spans"].get(key, [None])[0]
        below = {t for x in (L[line:line + 2] if line else ()) for t in x.split()}
        whole = [w for w in vocab if w.startswith(v) and w[len(v):] in below]
        if len(whole) == 1:
            rec[key] = whole[0]
            continue
        warn(rec, f"{key}_cut", f"{word} {v!r} is the head of a word of its vocabulary (its cell wrapped, the rest "
             "not found below); left out", line=line, field=key)
        rec[key] = None


_NOT_A_POLICY = re.compile(r"。|第\s*\d+\s*[条項号]")


def _major_policy_plausible(rec: Record) -> None:
    """A 主要政策・施策 that is another cell's text is left out with a warning: a sentence (the 事業の目的 cell read
    after the label) or a citation's piece (the 根拠法令 cell's 「第3項」) — no 主要政策・施策 category is one —, a
    form label's head (cells and a cut label on one line), or a 主要経費 category (the neighbouring 主要経費 cell,
    written before the 主要政策・施策 one)."""
    v = rec["major_policy"]
    if not isinstance(v, str):
        return
    if _NOT_A_POLICY.search(v):
        why = "is a sentence or a citation (another cell's text)"
    elif holds_label_head(v):
        why = "holds a form label's head (cells and a cut label on one line)"
    elif v in MAJOR_EXPENSES:
        why = "is a 主要経費 category"
    elif _OFFICIAL_IN.search(v):
        why = "is an official's title and name (the 作成責任者 cell)"
    else:
        return
    warn(rec, "major_policy_implausible", f"主要政策・施策 {v!r} {why}; left out",
         line=rec["provenance"]["spans"].get("major_policy", [None])[0], field="major_policy")
    rec["major_policy"] = None


# header labels a narrow cell wraps every two or three characters (or glues to its cell, the rest below)
_CUT_LABELS = ("担当部局庁", "担当課室", "主要経費", "主要政策・施策", "会計区分", "事業名", "事業開始年度", "事業終了(予定)年度",
               "根拠法令")


def _label_heads_rejoined(L: list[str]) -> list[str]:
    """Row-style text of a narrow print: a header label cut in its cell (「… 担当 総合通信基盤局 作成責任者」 over
    「部局」 over 「庁」; 「担当部 大臣官房」 over 「局」; 「担当 企画課 …」 over 「度 課室」) written whole where its head
    stands, its rest taken off the lines below (a line left empty stays, empty): the head is a word of its own on
    a line before 事業の目的, and each following piece of the label's wording is a word of the next line, up to
    the label's first four characters at least (or the whole label: 「事業」 over 「名」, 「根拠」 over 「法令」 — cut every
    two characters in the narrowest print). Other text is returned as it is (the same list when nothing is
    cut). Only heads of two or three characters are so read: 「担当部局」 over 「庁」 the readers know by its head. A
    label starting a line may be glued to its cell (「主要政策・施国土強靱化」 over 「策」, 「会計区一般会計」 over 「分」): it
    is read so only when its whole rest starts the next lines."""
    if paragraph_style(L):
        return L
    out: list[str] | None = None
    for n, line in enumerate(L[:40]):
        if line.startswith("事業の目的"):
            break
        if not any(lab[:2] in line for lab in _CUT_LABELS):
            continue
        words = line.split(" ")
        for k, w in enumerate(words):
            if k and not 2 <= len(w) <= 3:  # (「担当部局」 over 「庁」: the readers know that label by its head)
                continue
            for label in _CUT_LABELS:
                if w.startswith(label):
                    continue  # (the label whole already: 「事業開始年度」 is no head 「事業開始年」 glued to a cell 「度」)
                head = w if 2 <= len(w) <= 3 and label.startswith(w) else None
                if head is None and k == 0:  # the head glued to the cell at the line's start (「主要政策・施地方創生」)
                    head = next((label[:h] for h in range(len(label) - 1, 2, -1) if w.startswith(label[:h])
                                 and len(w) > h), None)
                if head is None or head == label:
                    continue
                got, takes = head, []
                for j in range(n + 1, min(n + 3, len(L))):
                    below = (out or L)[j].split(" ")
                    r = next((i for i, x in enumerate(below) if x and label.startswith(got + x) and (k or i == 0)),
                             None)  # (a label of the row's first cell: its rest starts the next line)
                    if r is None:
                        break
                    got += below[r]
                    takes.append((j, r))
                    if got == label:
                        break
                if (len(got) < 4 and got != label) or not takes or (k == 0 and got != label):
                    continue
                out = out or list(L)
                words[k] = got if head == w else f"{got} {w[len(head):]}"
                for j, r in takes:
                    below = out[j].split(" ")
                    out[j] = " ".join(below[:r] + below[r + 1:])
                out[n] = " ".join(words)
                break
    out = _past_years_rejoined(out or L)
    if out is not L:
        paragraph_style.put(out, False)  # (still one form row per line: the lines emptied are no paragraph breaks)
    return out


_ERA_ALONE = re.compile(r"^(令和|平成|昭和) (\S.*)$")  # a year cell cut after its era, the cell beside it on its line
_YEAR_REST = re.compile(r"^(?:\d{1,2}|元)年$")


def _past_years_rejoined(L: list[str]) -> list[str]:
    """The 関連する過去のレビューシートの事業番号 table of a narrow print, its year cells cut every few characters
    (「平成 厚生労働省 - 0276」 over 「24年」 over 「度」): each such year written whole on its first line (「平成24年度
    厚生労働省 - 0276」), the lines of its rest left empty. Only where the era stands alone before the cell beside it
    and the next two lines are the year and 「度」 alone; the same list when there is none."""
    sq = "\n".join(L).replace(" ", "")  # (the lines are NFKC already; _first_in would squash each line again)
    if (pos := sq.find("関連する過去のレビューシート")) < 0:
        return L
    lab = sq.count("\n", 0, pos) + 1
    out = L
    for n in range(lab, min(len(L) - 2, lab + 60)):
        m = _ERA_ALONE.match(L[n])
        if m and _YEAR_REST.match(L[n + 1]) and L[n + 2] == "度":
            out = list(L) if out is L else out
            out[n], out[n + 1], out[n + 2] = f"{m[1]}{L[n + 1]}度 {m[2]}", "", ""
    return out


def _expense_ok(v: str) -> bool:
    return not ((v in MAJOR_POLICIES and v not in MAJOR_EXPENSES) or org_plausible(v) or holds_label_head(v)
                or OFFICIAL_SHAPE.match(v)  # (the 作成責任者 cell: 「室長 佐々木 美香」)
                or "。" in v)  # (a sentence: the 事業の目的 cell after its label cut short, 「事業の目」)


def _plans_not_placed(rec: Record) -> None:
    """A 関係する計画 item without a date whose title is a 主要政策・施策 category (「科学技術・イノベーション」: the
    next row's cell read on with the plans) is no plan: left out with a warning."""
    bad = [p for p in rec["related_plans"] if not p.get("date") and p.get("title") in MAJOR_POLICIES]
    for p in bad:
        warn(rec, "related_plans_unsure", f"関係する計画 {p.get('title')!r} is a 主要政策・施策 category; left out",
             line=rec["provenance"]["spans"].get("related_plans[0]", [None])[0], field="related_plans")
    if bad:
        rec["related_plans"] = [p for p in rec["related_plans"] if p not in bad]
        rec["provenance"]["spans"] = {k: v for k, v in rec["provenance"]["spans"].items() if not k.startswith(
            "related_plans[") or int(k[len("related_plans["):].split("]")[0]) < len(rec["related_plans"])}


# the 契約方式等 list's words, before a method's parenthesis (「随意契約 (公募)」): a cell holding a piece of one of
# them and nothing more (「補助」 over 「金等」 「交付」 read elsewhere) was cut where its wrapped rest went astray
_METHOD_HEADS = ("一般競争契約", "指名競争契約", "随意契約", "補助金等交付")
# the form's 契約方式 a bracketed qualifier always follows (「随意契約 (企画競争)」): printed bare in the text, the
# qualifier may stand apart (pdfminer.six: 「2,746 随意契約」 … 「(企画競」「争)」 after the 入札者数)
_QUALIFIED = frozenset(_METHOD_HEADS[:3])
_QUALIFIER_LINE = re.compile(r"^\s*[(（](?:企画|公募|その他|その|少額|最低|総合)")


def _qualifier_apart(L: list[str]) -> bool:
    """A line of ``L`` opens with a 契約方式's bracketed qualifier (「(企画競」, 「(その他)」): one printed apart from
    its method."""
    return any(_QUALIFIER_LINE.match(x) for x in L)


# a space between two Japanese characters inside a name's parenthesis (「委員謝金(委 員A)」): a tool's line break run
# on, or the sheet's own space — a payee's bracketed part (「(委員A)」「(株)」) holds none, but the text does not say
_INNER_SPACE = re.compile(r"\([^()]*[^\x00-\x7f(]\s+[^\x00-\x7f()][^()]*\)")


_LATIN_SPACE = re.compile(r"([A-Za-z0-9]+) (?=([A-Za-z0-9]+))")  # two Latin words of a name (「Pricewaterhouse Coopers」)


def _latin_wraps(rec: Record, key: str, name: str, L: list[str], raw: list[str]) -> str | None:
    """``name`` with each space between two Latin words that stands where the text's lines break (「Pricewaterhouse」
    over 「Coopers LLP」) spelled as the tool's raw line says — kept when that line ends in a space, dropped when
    not (pdfminer.six keeps a line's trailing space: 「PricewaterhouseCoopers」 was wrapped inside the word) —;
    None (with a warning) when the tool keeps no line's trailing space: whether a space stood there is unknown."""
    at = rec["provenance"]["spans"].get(key, [None])[0] or 1
    keeps = len(raw) == len(L) and any(x[-1:] == " " for x in raw)
    for m in reversed(list(_LATIN_SPACE.finditer(name))):
        n = next((n for n in range(max(0, at - 40), min(len(L) - 1, at + 40))
                  if L[n].rstrip().endswith(m[1]) and L[n + 1].lstrip().startswith(m[2])), None)
        if n is None:
            continue
        if not keeps:
            warn(rec, "payee_implausible", f"{key}.name {name!r}: a line break between Latin words (「{m[1]}」 over "
                 f"「{m[2]}」), where a space may or may not stand; left out", line=n + 1, field="payees")
            return None
        name = name[:m.end(1)] + (" " if raw[n][-1:] == " " else "") + name[m.start(2):]
    return name


def _dash_cell_inside(name: str, L: list[str]) -> bool:
    """``name`` holds a dash that the text prints alone on its line, between a line ending in the name's piece
    before it and one starting with its piece after (「PricewaterhouseCoopers」, 「-」, 「LLP」): an empty cell's
    dash (its 法人番号's) written amid the name's wrapped lines and joined into it, not the name's own character."""
    for m in _DASH_IN_NAME.finditer(name):
        if any(L[n].strip() == m[2] and L[n - 1].rstrip().endswith(m[1]) and L[n + 1].lstrip().startswith(m[3])
               for n in range(1, len(L) - 1)):
            return True
    return False


_DASH_IN_NAME = re.compile(rf"(\S+)\s?([{CELL_DASHES}])\s?(\S+)")


def _tie_cut(text: str, L: list[str]) -> bool:
    """``text`` (a 業務概要) ends in the head of a tying word (「及」 of 及び, 「並」 of 並びに) and a line of the text starts
    with that word's rest (「び分析業務」): the cell wrapped inside the word and its rest printed apart from it
    (pdfminer.six wrote it after the row's other cells), so the text read is cut short — not 「普及」's end."""
    rest = _TIE_RESTS.get(text[-1:])
    return rest is not None and any(x.lstrip().startswith(rest) for x in L)


_TIE_RESTS = {"及": "び", "並": "び"}  # (a wrapped 及び's or 並びに's rest opens its line with 「び」)


def _total_label_below(head: str, L: list[str]) -> bool:
    """A line ending in ``head`` (a name without its last 「計」) stands right above a line that is 「計」 alone: the
    block's 計 row label joined to the name as its wrapped end, or the name's own 「…設」 over 「計」 — which, the
    text does not say."""
    return bool(head) and any(L[n] == "計" and L[n - 1].replace(" ", "").endswith(head.replace(" ", ""))
                              for n in range(1, len(L)))


def _payees_plausible(rec: Record, L: list[str] | None = None, raw: list[str] | None = None) -> None:
    """A payee's 契約方式 cut short of the form's words (「補助」 of 補助金等交付) is no fact: left out with a warning;
    so is the row's 業務概要 when it holds a piece of the method's lost rest (「機器の賃金等貸借交付」), and a name
    with a space inside its bracketed Japanese words (a wrapped cell's two lines run together, or the sheet's
    space: which, the text does not say), a name that is a piece of the header's wording (「出額10億円以上)」), and
    a name ending in a 「計」 printed alone below it (「合同会社インテック」 over 「計」: the block's 計 label?).
    """
    for p in rec["payees"]:
        key = f"payees[{p.get('block')}|{p.get('rank')}]"
        if raw is not None and p.get("name") and _LATIN_SPACE.search(p["name"]):
            p["name"] = _latin_wraps(rec, key, p["name"], L, raw)
        if p.get("name") and header_piece(p["name"]):
            # (a piece of the table's header wrapped in its cell, 「(支出額10億円」 over 「以上)」, taken for a name)
            warn(rec, "payee_implausible", f"{key}.name {p['name']!r} is a piece of the payee table's header wording "
                 "(a wrapped header cell's end); left out", line=rec["provenance"]["spans"].get(key, [None])[0],
                 field="payees")
            p["name"] = None
            desc = (p.get("description") or "").replace(" ", "")
            if desc and "、" not in desc and (_LATIN_ONLY.fullmatch(p["description"]) or _BODY_NAME.search(desc)):
                # (the name's cell took the header's piece, so the 業務概要's took the name: 「億円以上)」 and
                # 「Pricewaterh ouseCooper s LLP」)
                warn(rec, "payee_implausible", f"{key}.description {p['description']!r} reads as a body's name in a "
                     "row whose name was a header's piece: the name read a cell late; left out",
                     line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
                p["description"] = None
        if L is not None and (p.get("name") or "").endswith("計") and _total_label_below(p["name"][:-1], L):
            warn(rec, "payee_implausible", f"{key}.name {p['name']!r} ends in 「計」 printed alone on the line below "
                 "its text (the block's 計 row label, or the name's own wrapped end?); left out",
                 line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
            p["name"] = None
        if _AMOUNT_METHOD_NAME.match(p.get("name") or ""):  # (「3,547随意契約」: the amount's and 契約方式's box)
            warn(rec, "payee_implausible", f"{key}.name {p['name']!r} is an amount and a contract method (other "
                 "cells' box taken for the name); left out", line=rec["provenance"]["spans"].get(key, [None])[0],
                 field="payees")
            if parse_number(_FIGURE_HEAD.match(p["name"])[0]).value != p.get("amount"):
                # (the row's amount is another figure than the one in that box: the cells were read one off, 「38 随意」
                # then the 入札者数 「4」 taken for the amount; its 入札者数 and 落札率 are other cells' too)
                warn(rec, "payee_implausible", f"{key}.amount {p.get('amount')!r} is not the figure of the box taken "
                     "for the name: the row's figures read one off; left out",
                     line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
                p.update(amount=None, bidders=None, award_rate=None)
            p["name"] = None
        if L is not None and _dash_cell_inside(p.get("name") or "", L):
            warn(rec, "payee_implausible", f"{key}.name {p['name']!r} holds a dash printed alone on a line between "
                 "its pieces (an empty cell's dash joined into the wrapped name); left out",
                 line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
            p["name"] = None
        if _INNER_SPACE.search(p.get("name") or ""):
            warn(rec, "payee_implausible", f"{key}.name {p['name']!r}: a space inside its words (a wrapped line "
                 "or the sheet's own?); left out", line=rec["provenance"]["spans"].get(key, [None])[0],
                 field="payees")
            p["name"] = None
        if L is not None and _tie_cut(p.get("description") or "", L):
            warn(rec, "payee_implausible", f"{key}.description {p['description']!r} ends in the head of a tying "
                 "word whose rest starts a line of the text elsewhere (its wrapped rest printed apart); left out",
                 line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
            p["description"] = None
        cm = (p.get("contract_method") or "").replace(" ", "")
        if cm in _QUALIFIED and L is not None and _qualifier_apart(L):
            warn(rec, "payee_implausible", f"{key}.contract_method {cm!r} without its qualifier while a qualifier "
                 "(「(企画競争)」…) is printed on a line of its own: its bracket may be this one's; left out",
                 line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
            p["contract_method"] = None
            continue
        word = next((w for w in _METHOD_HEADS if len(cm) >= 2 and w.startswith(cm) and w != cm), None)
        if word is None:
            continue
        line = rec["provenance"]["spans"].get(key, [None])[0]
        warn(rec, "payee_implausible", f"{key}.contract_method {cm!r} is cut short of {word!r}; left out",
             line=line, field="payees")
        p["contract_method"] = None
        rest, desc = word[len(cm):], (p.get("description") or "").replace(" ", "")
        if any(rest[i:i + 2] in desc for i in range(len(rest) - 1)):
            warn(rec, "payee_implausible", f"{key}.description {p['description']!r} holds a piece of the method's "
                 f"rest {rest!r}; left out", line=line, field="payees")
            p["description"] = None


# a figure, then a 契約方式 of the form's choices, maybe cut after its first word (「38 随意」, its 「契約 (企画競争)」
# written apart): a row's amount and method, never a payee's name (「1 一般社団法人…」, a rank and a name, is one:
# 「一般」 alone is no method's head)
_AMOUNT_METHOD_NAME = re.compile(r"^[▲△]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)? ?(?:(?:一般競争|指名競争)契約|随意(?:契約)?"
                                 r"|企画競争|公募|補助金等?交付)")
_FIGURE_HEAD = re.compile(r"[▲△]?[\d,]+(?:\.\d+)?")  # (that box's figure)
_DIGIT_RUN = re.compile(r"\d+")
_LATIN_ONLY = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
_BRACKET_SPACE = re.compile(r"\(\s|\s\)")
_OPEN_PAREN = re.compile(r"^(\S+?)\s*\(")
_PARTICLE_HEAD = re.compile(r"^[のを。)]")  # a wrapped rest of a 業務概要 (「の実施」 of 「実証事業の実施」): no payee's name


# a legal entity's name as a whole: its form first or last (「有限会社柏屋本店・株式会社OCS共同企業体」), never a 業務概要
_ENTITY_NAME = re.compile(r"^(?:株式会社|有限会社|合同会社|\((?:株|有)\))|(?:株式会社|有限会社|合同会社|\((?:株|有)\)|共同企業体"
                          r"|法人|組合|協会|機構)$")


# a 契約方式's qualifier alone in its brackets (「随意契約」 over 「(その他)」): the wrapped rest of a method, never a name
_QUALIFIER_ALONE = re.compile(r"^\((?:その他|公募|少額|企画競争|確認公募|最低価格|総合評価|不落|特命)\)$")


# a juridical person's form opening a cell (「特定非営利活動法人地方自治情報センター」): a payee's name
_JURIDICAL_HEAD = re.compile(r"^(?:(?:一般|公益)?(?:社団|財団)|特定非営利活動|(?:国立|公立)大学|(?:地方)?独立行政|国立研究開発"
                             r"|学校|医療|社会福祉)法人\S")


def _nameless_entity_descriptions(rec: Record) -> None:
    """A row with no name whose 業務概要 opens with a juridical person's form (「特定非営利活動法人…」, one item, no
    「、」): the payee's name read where the row's 業務概要 was looked for (its own 業務概要 is not established), left
    out with a warning naming the row. (With the row's name read, such a 業務概要 — 「独立行政法人…への交付金」 — may be
    the row's own.)"""
    for p in rec["payees"]:
        desc = (p.get("description") or "").replace(" ", "")
        if p.get("name") or not _JURIDICAL_HEAD.match(desc) or "、" in desc:
            continue
        key = f"payees[{p.get('block')}|{p.get('rank')}]"
        warn(rec, "payee_implausible", f"{key}.description {p['description']!r} opens with a juridical person's form "
             "and the row has no name: the name read as the 業務概要; left out",
             line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
        p["description"] = None


# a name of a body of any shape (a legal entity, a juridical person, a 地方公共団体, a person): no 業務概要 read as a name
_BODY_NAME = re.compile(_ENTITY_NAME.pattern + "|" + _JURIDICAL_HEAD.pattern
                        + r"|^\S{1,5}(?:都|道|府|県|市|区|町|村)$|^(?:個人|職員|委員|講師)")


def _swapped_blocks(rec: Record) -> None:
    """A block where a row's 業務概要 is a legal entity's name and its name is no body's (「普及啓発コンテンツの作成」 as the
    name, 「UQコミュニケーションズ株式会社」 as the 業務概要: pdfminer.six's reportlab text, variant 1524 C, read as columns
    paired the other way round): the block's names and 業務概要 columns were read swapped, so every row's name and
    業務概要 there is in doubt (the other rows' 業務概要-shaped names too) — left out with a warning naming the block."""
    swapped = {p.get("block") for p in rec["payees"]
               if p.get("name") and not _BODY_NAME.search(p["name"].replace(" ", ""))
               and _ENTITY_NAME.search((desc := (p.get("description") or "")).replace(" ", "")) and "、" not in desc}
    for block in sorted(b for b in swapped if b is not None):
        rows = [p for p in rec["payees"] if p.get("block") == block]
        key = f"payees[{block}|{rows[0].get('rank')}]"
        warn(rec, "payee_implausible", f"payees block {block}: a row's 業務概要 is a legal entity's name and its name "
             "is not: the names and 業務概要 read swapped; every row's name and 業務概要 of the block left out",
             line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
        for p in rows:
            p["name"] = p["description"] = None


def _cells_after_named_description(rec: Record) -> None:
    """A row whose 業務概要 is a body's name (a legal entity's, or a juridical person's on a row with no name: the
    payee's name written after its 法人番号, 「1 | 法人番号 | 国立研究開発法人… | 2 | 北海道 | 法人番号 | 238 | 随意契約」), and
    the next row of its block read with an amount but no 業務概要: the cells after the first row's name were written out
    of the form's order, so the next row's amount may be the first row's — its amount, 契約方式, 入札者数 and 落札率 are
    left out with a warning naming the row. When the row before the first has neither name nor 法人番号 read, the
    name may be the first row's written after that row's 法人番号 (「法人番号 | A社・B社共同企業体 | 0.2 | その他」, the number
    the row before's): the first row's 法人番号 is left out too."""
    rows = {(p.get("block"), p.get("rank")): p for p in rec["payees"]}
    for p in rec["payees"]:
        desc = (p.get("description") or "").replace(" ", "")
        if "、" in desc or not (_ENTITY_NAME.search(desc) or (not p.get("name") and _JURIDICAL_HEAD.match(desc))):
            continue
        before = rows.get((p.get("block"), (p.get("rank") or 0) - 1))
        if p.get("corporate_number") and before is not None and not before.get("name") \
                and not before.get("corporate_number"):
            key = f"payees[{p.get('block')}|{p.get('rank')}]"
            warn(rec, "payee_implausible", f"{key}: the 業務概要 is a body's name and the row before has neither name "
                 "nor 法人番号: the name may be this row's written after the row before's number; its 法人番号 left out",
                 line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
            p["corporate_number"] = None
        q = rows.get((p.get("block"), (p.get("rank") or 0) + 1))
        if q is None or q.get("amount") is None or q.get("description"):
            continue
        key = f"payees[{q.get('block')}|{q.get('rank')}]"
        warn(rec, "payee_implausible", f"{key}: the row before's 業務概要 is a body's name (its name written after its "
             "法人番号) and this row has an amount but no 業務概要: the amount may be the row before's; its amount, "
             "contract method, bidders and award rate left out", line=rec["provenance"]["spans"].get(key, [None])[0],
             field="payees")
        for c in ("amount", "contract_method", "bidders", "award_rate"):
            q[c] = None


def _descriptions_plausible(rec: Record) -> None:
    """A 業務概要 that is a legal entity's name (a payee's name written where the row's 業務概要 was looked for: pdfminer.six
    wrote the names after the rows' cells) is no fact, nor one ending in 「、」 (a list cut off), nor a name that is a
    契約方式's bracketed qualifier alone: left out with a warning naming the row."""
    for p in rec["payees"]:
        key = f"payees[{p.get('block')}|{p.get('rank')}]"
        line = rec["provenance"]["spans"].get(key, [None])[0]
        if _QUALIFIER_ALONE.match((p.get("name") or "").replace(" ", "")):
            warn(rec, "payee_implausible", f"{key}.name {p['name']!r} is a contract method's wrapped qualifier; left "
                 "out", line=line, field="payees")
            p["name"] = None
        desc = p.get("description") or ""
        if desc.rstrip().endswith("、"):  # (「視察(旅費の支払)、」: the list cut at the box's edge, its rest elsewhere)
            warn(rec, "payee_implausible", f"{key}.description {desc!r} ends in 「、」 (the rest of its list cut off); "
                 "left out", line=line, field="payees")
            p["description"] = None
        elif _ENTITY_NAME.search(desc.replace(" ", "")) and "、" not in desc:
            warn(rec, "payee_implausible", f"{key}.description {desc!r} is a legal entity's name (a payee's name read "
                 "as the 業務概要); left out", line=line, field="payees")
            p["description"] = None
            if _BODY_NAME.search((p.get("name") or "").replace(" ", "")):
                warn(rec, "payee_implausible", f"{key}.name {p['name']!r}: the row's 業務概要 read is a name too (two "
                     "payees' names read as one row's); which row's it is is not established, left out", line=line,
                     field="payees")
                p["name"] = None


def _latin_joined(rec: Record, L: list[str], lines: list[str]) -> None:
    """A payee's name or 業務概要 whose Latin letters or digits run on across two lines of a text that keeps no
    line's trailing space (pdftotext, pdfplumber: 「pers」 over 「LLP」 in 「PricewaterhouseCoopers LLP」) may have been
    printed with a space at the wrap or without one; the text does not say which, so the cell is left out with a
    warning. (pdfminer.six keeps the space a line was wrapped at: kg.extract.payee_boxes._raw_joined; a name read
    with a space there: _latin_wraps.) Two lines
    are taken for the cell's when both, of two characters or more, stand in it joined."""
    cells = [(p, f) for p in rec["payees"] for f in ("name", "description") if _LATIN_END.search(p.get(f) or "")]
    if not cells or any(ln[-1:] in (" ", "\t") for ln in lines):
        return
    joins = set()
    for a, b in zip(L, L[1:], strict=False):
        a, b = a.strip(), b.strip()
        if len(a) >= 2 and len(b) >= 2 and _LATIN_END.search(a[-1]) and _LATIN_END.search(b[0]):
            joins.add(a + b)
    for p, f in cells:
        text = p[f].replace(" ", "")
        if any(j in text for j in joins):
            key = f"payees[{p.get('block')}|{p.get('rank')}]"
            warn(rec, "payee_implausible", f"{key}.{f} {p[f]!r}: Latin letters run on across a line of the text, which "
                 "keeps no space a line was wrapped at: one word or two, not established; left out",
                 line=rec["provenance"]["spans"].get(key, [None])[0], field="payees")
            p[f] = None


_LATIN_END = re.compile(r"[A-Za-z0-9]")


_FIGURE_TAIL = re.compile(r" [▲△]?[\d,]+(?:\.\d+)?$")  # an amount run into the end of a 業務概要's box


_ENTITY_WORD = re.compile(r"株式会社|有限会社|合同会社|\(株\)|\(有\)|法人|組合|協会|機構")  # a legal entity named


def _listed_tasks(L: list[str]) -> set[str]:
    """The tasks the payee section's lists of tasks name: each item of a line holding 「、」 (no name does: a 業務概要
    listing its tasks, 「視察(旅費の支払)、機器の賃貸借 46」, its amount run in left off), those at its ends too (a
    wrapped cell's piece there is no whole name either)."""
    lo = _first_in(L, "支出先上位")
    if lo is None:
        return set()
    return {t.strip() for text, _, header in payee_section_cells(L, lo) if not header and "、" in text
            for t in _FIGURE_TAIL.sub("", text).split("、") if t.strip()}


def _payee_cells_plausible(rec: Record, listed: Callable[[], set[str]] | None = None) -> None:
    """Payee cells that cannot be what their column holds, each left out with a warning naming the row:
    - a name holding 「、」 (no organisation's name does; a 業務概要 list of tasks, 「…の調査、…の作成」, read where
      the name was looked for), of one character (another cell's wrapped last piece, 「務」), starting with a particle
      (「の実施」: a 業務概要's wrapped rest, 「実証事業」 over 「の実施」), or starting with a contract method's wrapped rest
      (「約 (最低価格)」 of 「一般競争契約 (最低価格)」);
    - a name that ends as no payee's name does and names no legal entity (kg.extract.payee_wraps.unlike_name:
      「ヘルプデスク業務」), or that is a 業務概要 read in the section, or one of the tasks such a 業務概要 — or a list of
      tasks anywhere in the section (``listed``) — lists (「視察(旅費の支払)」: a row's
      業務概要 taken for the next row's name when pdfminer.six writes the name elsewhere);
    - a name with digit runs that join into a check-digit-valid 法人番号 (「富士フイルムビジ 1158399540ネスイノベーショ
      656ン(株)」: the number's cell interleaved with the name's), and the row's 法人番号 too unless it is that one;
    - a 業務概要 of one character (「要」: the header's 「業務概要」 wrapped as 「業務概」 over 「要」);
    - a name with a space against a bracket inside it (「講師謝金(講師A )」), and a name with a 業務概要 of Latin
      letters alone (「合同会社富士通」 and 「Japan」: the name's wrapped tail in the next column);
    - a 契約方式 whose brackets do not close (「随意契約 (」: its rest lost) or with a space against a bracket inside
      it (「随意契約 (少額 )」), and a 落札率 of a 少額 随意契約 without
      bidders (no tender was held);
    - a 法人番号 that another row gives to another name while this row's name has another number elsewhere (a
      number taken from the row next to it)."""
    payees = rec["payees"]
    tasks = {t for p in payees for t in (p.get("description") or "").split("、") if t}  # (the 業務概要 read, and the
    # tasks they list)
    tasks_listed: set[str] | None = None  # (``listed``'s, asked once a name is there to check)
    names_of: dict[str, set[str]] = {}
    numbers_of: dict[str, set[str]] = {}
    for p in payees:
        if p.get("name") and p.get("corporate_number"):
            names_of.setdefault(p["corporate_number"], set()).add(p["name"])
            numbers_of.setdefault(p["name"], set()).add(p["corporate_number"])
    for p in payees:
        key = f"payees[{p.get('block')}|{p.get('rank')}]"
        line = rec["provenance"]["spans"].get(key, [None])[0]
        name, number = p.get("name") or "", p.get("corporate_number")
        if number and name and names_of.get(number, set()) - {name} and numbers_of.get(name, set()) - {number}:
            warn(rec, "payee_implausible", f"{key}.corporate_number {number!r} is another payee's, and {name!r} has "
                 "another number elsewhere; left out", line=line, field="payees")
            p["corporate_number"] = None
        runs = _DIGIT_RUN.findall(name)
        if len(runs) > 1 and houjin_valid(digits := "".join(runs)):
            warn(rec, "payee_implausible", f"{key}.name {name!r} holds the pieces of the 法人番号 {digits}; left out",
                 line=line, field="payees")
            p["name"] = None
            if p.get("corporate_number") != digits:
                p["corporate_number"] = None
        elif "、" in name or len(name.strip()) == 1 or _PARTICLE_HEAD.match(name) or ((m := _OPEN_PAREN.match(name)) and any(
                h.endswith(m[1]) and h != m[1] for h in _METHOD_HEADS)):
            warn(rec, "payee_implausible", f"{key}.name {name!r} is another column's text (a 業務概要 list or a "
                 "契約方式's wrapped rest); left out", line=line, field="payees")
            p["name"] = None
        if p.get("name") and unlike_name(p["name"].strip()) and not _ENTITY_WORD.search(p["name"]):
            warn(rec, "payee_implausible", f"{key}.name {p['name']!r} ends as no payee's name does and names no legal "
                 "entity (a 業務概要, 「ヘルプデスク業務」, written where the name was looked for); left out", line=line,
                 field="payees")
            p["name"] = None
        if p.get("name") and (p["name"] in tasks or (listed is not None and p["name"] in (
                tasks_listed := tasks_listed if tasks_listed is not None else listed()))):
            warn(rec, "payee_implausible", f"{key}.name {p['name']!r} is a 業務概要 read in this section (a task "
                 "written where the name was looked for); left out", line=line, field="payees")
            p["name"] = None
        desc = p.get("description") or ""
        if p.get("name") and _LATIN_ONLY.fullmatch(desc) and not p["name"][-1].isascii():
            warn(rec, "payee_implausible", f"{key}: 業務概要 {desc!r} is Latin letters alone after the name "
                 f"{p['name']!r} (the name's wrapped tail, 「富士通」 over 「Japan」?); both left out", line=line,
                 field="payees")
            p["name"] = p["description"] = None
        if len(desc.strip()) == 1:  # (「要」: the wrapped end of the header's 「業務概要」, 「業務概」 over it, or
            # another cell's last piece; no 業務概要 is one character)
            warn(rec, "payee_implausible", f"{key}.description {desc!r} is one character (a wrapped header's or "
                 "cell's last piece); left out", line=line, field="payees")
            p["description"] = None
        if _BRACKET_SPACE.search(p.get("name") or ""):
            warn(rec, "payee_implausible", f"{key}.name {p['name']!r}: a space against a bracket (a wrapped line "
                 "joined, or the sheet's own?); left out", line=line, field="payees")
            p["name"] = None
        method = p.get("contract_method") or ""
        if p.get("award_rate") is not None and p.get("bidders") is None and "少額" in method:
            warn(rec, "payee_implausible", f"{key}.award_rate {p['award_rate']!r}: a 少額 随意契約 has no tender and "
                 "no bidders, so no 落札率 (another cell's figure?); left out", line=line, field="payees")
            p["award_rate"] = None
        if method.count("(") != method.count(")"):
            warn(rec, "payee_implausible", f"{key}.contract_method {method!r}: its brackets do not close; left out",
                 line=line, field="payees")
            p["contract_method"] = None
        elif _BRACKET_SPACE.search(method):  # (「随意契約 (少額 )」: the form's methods have none, the sheet's spelling
            # around it is unknown)
            warn(rec, "payee_implausible", f"{key}.contract_method {method!r}: a space against a bracket inside it; "
                 "left out", line=line, field="payees")
            p["contract_method"] = None


def _expense_plausible(rec: Record) -> None:
    """A 主要経費 that is one of the 主要政策・施策 categories and none of the 主要経費 ones (the neighbouring cell,
    written after the 主要経費 label: 「地方創生」), or an organisation's name (a 担当部局庁 / 担当課室 cell:
    「地球環境局」), is no fact: left out with a warning."""
    v = rec["major_expense"]
    if isinstance(v, str) and not _expense_ok(v):
        warn(rec, "major_expense_implausible", f"主要経費 {v!r} is another cell's text (a 主要政策・施策 category, an "
             "organisation's name or an official); left out", line=rec["provenance"]["spans"].get("major_expense", [None])[0],
             field="major_expense")
        rec["major_expense"] = None


__all__ = ["extract", "MAJOR_EXPENSES", "MAJOR_POLICIES", "parse_group_like"]
