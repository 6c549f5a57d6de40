"""Field parsers shared by the review-sheet extractors (Excel-text layout and PDF-text layout).

Pure functions over cell text, plus a few helpers that take the record to flag bad values
(``kg.records.warn``) while keeping the raw text. Nothing here knows about line numbers or a
particular sheet: callers find the cells by their labels and hand the text over.

Conventions (see ../shared/gold/SCHEMA.md): text is NFKC-folded with white space runs folded to
one space; "-", "－", "―", blank are unknown (None), never 0; money is 百万円; "▲" is minus.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, NamedTuple

from kg.normalize.era import ERAS, guess_era, parse_year, plausible_fiscal_year
from kg.normalize.houjin import validate as validate_houjin
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.project_number import canonical_number, parse_numbers
from kg.normalize.text import is_unknown, nfkc, or_none
from kg.records import Record, warn

# ------------------------------------------------------------------ text


def join_wrapped(parts: Iterable[str]) -> str:
    """Rejoin a cell wrapped over lines: no space, except between two ASCII word characters."""
    out = ""
    for p in parts:
        p = nfkc(p)
        if not p:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


def split_list(text: str | None) -> list[str]:
    """'直接実施、委託・請負、補助' -> ['直接実施', '委託・請負', '補助'] (splits on 、 , ; and line breaks,
    never on ・ which joins words like 委託・請負). Unknown cells give []."""
    if text is None or is_unknown(text):
        return []
    t = unicodedata.normalize("NFKC", text)
    parts = re.split(r"[、,;，；\n]+", t)
    return [nfkc(p) for p in parts if not is_unknown(p)]


# ------------------------------------------------------------------ title, officials, years

_TITLE_RE = re.compile(
    r"(?P<era>令和|平成|昭和)\s*(?P<n>元|\d{1,2})\s*年\s*度\s*(?:行政事業レビューシート|行政事業レビュー\s*シート)"
    r"\s*[(（]?\s*(?P<ministry>[^()（）\s]*)\s*[)）]?"
)


class SheetTitle(NamedTuple):
    fiscal_year: int
    ministry: str | None


def parse_sheet_title(text: str | None) -> SheetTitle | None:
    """'令和4年度行政事業レビューシート (総務省)' -> SheetTitle(2022, '総務省'); None when not a title."""
    t = nfkc(text)
    m = _TITLE_RE.search(t)
    if not m:
        return None
    n = 1 if m["n"] == "元" else int(m["n"])
    return SheetTitle(ERAS[m["era"]] + n, m["ministry"] or None)


def parse_officials(cells: str | Iterable[str] | None) -> list[str]:
    """作成責任者 cells -> ['課長 寺田 雅一', ...]: one per non-blank cell; a cell listing several
    officials (、 or line breaks) gives several. Full-width spaces fold to one space."""
    if cells is None:
        return []
    if isinstance(cells, str):
        cells = [cells]
    out: list[str] = []
    for c in cells:
        for p in split_list(c):
            if p not in out:
                out.append(p)
    return out


_TITLE_WORD = re.compile(r"(?:長|官|補佐|理事|参事)$")  # a word that is (or ends in) a title: 課長, 山本参事官
_ORG_WORD = re.compile(r"(?:局|部|庁|院|所|室|課|省|府|センター|会議|グループ|チーム)(?:\([^)]*\))?$")


def one_official(text: str) -> bool:
    """Text that can be one official as a sheet writes one: one to three words, at most one of them a title, none
    an organisation's name or a figure (「室長 野中嘉人」, 「山本参事官」, 「諏訪園 貞明」, 「参事官 山本 拓也」) — not two
    officials run together, nor an official beside a 担当課室 cell."""
    words = text.split()
    return 1 <= len(words) <= 3 and sum(bool(_TITLE_WORD.search(w)) for w in words) <= 1 \
        and not any(_ORG_WORD.search(w) or any(c.isdigit() for c in w) for w in words)


_OPEN_ENDED = ("終了予定なし", "終了予定無し", "終了時期未定", "未定", "なし", "無し")


class FiscalYearCell(NamedTuple):
    year: int | None
    error: str | None  # why the text is not a fiscal year (None for clean years and for 終了予定なし/unknown)


YEAR_HEADER = re.compile(r"^(?:令和|平成|昭和)?\s*(?:元|\d{1,4})\s*年度(?:要求|\s*\(.*\))?$")  # 令和元年度, 令和5年度要求


def starts_year_run(year: int, following: list[str], sheet_year: int | None) -> bool:
    """A year cell followed by the two years after it among the next cells (up to eight): the budget table's year
    headers (令和元年度, 令和2年度, 令和3年度 …), not a field's value — PDF text writes them where a label's
    cell was printed empty."""
    after = [parse_fiscal_year_cell(t, sheet_year).year for t in following[:8] if YEAR_HEADER.match(t.strip())]
    return after[:2] == [year + 1, year + 2]


def parse_fiscal_year_cell(text: str | None, sheet_year: int | None = None) -> FiscalYearCell:
    """事業開始年度 / 事業終了(予定)年度 cell -> Gregorian start year.

    '平成15年度' -> 2003, '令和元年度' -> 2019, '終了予定なし' / '-' -> None (no error);
    a bare '26年度' takes the era that puts it nearest ``sheet_year`` (else error);
    anything else -> (None, reason)."""
    if text is None or is_unknown(text):
        return FiscalYearCell(None, None)
    t = nfkc(text).replace(" ", "")
    if any(t.startswith(w) for w in _OPEN_ENDED):
        return FiscalYearCell(None, None)
    y, era = parse_year(t)
    if y is None:
        m = re.match(r"^(元|\d{1,2})年度?", t)
        if m and sheet_year:
            y = guess_era(1 if m[1] == "元" else int(m[1]), sheet_year)
        else:
            return FiscalYearCell(None, f"not a fiscal year: {text!r}")
    if not plausible_fiscal_year(y):
        return FiscalYearCell(None, f"implausible fiscal year {y}: {text!r}")
    return FiscalYearCell(y, None)


# ------------------------------------------------------------------ dates, plans

_DATE_RE = re.compile(
    r"(?:(?P<era>令和|平成|昭和)\s*(?P<n>元|\d{1,2})|(?P<g>(?:19|20)\d\d))\s*年\s*(?P<m>\d{1,2})\s*月"
    r"(?:\s*(?P<d>\d{1,2})\s*日)?"
)


def parse_date(text: str | None) -> tuple[str | None, int]:
    """First date at the start of ``text``: ('2021-09-28', end) for 令和3年9月28日, ('2012-02', end) for
    平成24年2月 (no day), (None, 0) when the text does not start with a date."""
    t = nfkc(text)
    m = _DATE_RE.match(t)
    if not m:
        return None, 0
    if m["g"]:
        y = int(m["g"])
    else:
        y = ERAS[m["era"]] + (1 if m["n"] == "元" else int(m["n"]))
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        return None, 0
    if m["d"]:
        d = int(m["d"])
        if not 1 <= d <= 31:
            return None, 0
        return f"{y:04d}-{mo:02d}-{d:02d}", m.end()
    return f"{y:04d}-{mo:02d}", m.end()


_BULLET_SPLIT = re.compile(r"(?:^|(?<=\s))[・●○◆◇■□]\s*")
_PAREN_RE = re.compile(r"[(（]([^()（）]*)[)）]")


def _plan_item(item: str) -> dict | None:
    item = nfkc(item).strip(" 、,")
    if not item or is_unknown(item) or item in ("等", "など"):
        return None
    parens = list(_PAREN_RE.finditer(item))
    m = parens[-1] if parens else None
    if m is not None and not item[m.end():].strip(" 、,等"):
        date, end = parse_date(m[1])
        if date:
            plan: dict[str, Any] = {"title": item[: m.start()].strip(), "date": date}
            by = nfkc(m[1][end:]).strip(" 、,")
            if by:
                plan["decided_by"] = by
            if plan["title"]:
                return plan
    return {"title": item}


def _glued_bullets(t: str) -> str:
    """A bullet glued to the dated parenthesis that closes the item before it (a wrap that fell between items:
    「…計画(平成29年4月6日閣議決定)・地球温暖化対策計画(…)」) starts an item as after white space does."""
    out, pos = [], 0
    for m in _PAREN_RE.finditer(t):
        if t[m.end():m.end() + 1] in "・●○◆◇■□" and m.end() < len(t) and parse_date(m[1])[0]:
            out.append(t[pos:m.end()] + "\n")
            pos = m.end()
    return "".join(out) + t[pos:] if out else t


def parse_plans(text: str | None) -> list[dict]:
    """関係する計画、通知等 -> [{title, date?, decided_by?}] in printed order.

    Items are split on bullets (・ at the start of the text or after white space) or, without
    bullets, after each closing parenthesis that holds a date. '未来投資戦略2018(平成30年6月15日閣議決定)'
    -> {'title': '未来投資戦略2018', 'date': '2018-06-15', 'decided_by': '閣議決定'}; a parenthesis
    without month ('(平成14年総務省告示第334号)') stays in the title. Lines inside an item are rejoined
    (PDF wrapping) with ``join_wrapped``."""
    if text is None or is_unknown(text):
        return []
    t = _glued_bullets(unicodedata.normalize("NFKC", text).replace("\r", ""))
    if _BULLET_SPLIT.search(t):
        chunks = [c for c in _BULLET_SPLIT.split(t) if c.strip()]
    else:
        chunks, pos = [], 0
        flat = t
        for m in _PAREN_RE.finditer(flat):
            inner = m[1] if "\n" not in m[1] else join_wrapped(m[1].split("\n"))  # (a date wrapped inside it)
            if parse_date(inner)[0]:
                chunks.append(flat[pos: m.end()])
                pos = m.end()
        chunks.append(flat[pos:])
        if len(chunks) == 1:  # no dated parenthesis: one item per line
            chunks = t.split("\n")
    out = []
    for c in chunks:
        item = _plan_item(join_wrapped(c.split("\n")))
        if item:
            out.append(item)
    return out


# ------------------------------------------------------------------ policy evaluation, related projects

def parse_policy_evaluation(policy_text: str | None, measure_text: str | None) -> dict | None:
    """政策評価 政策 / 施策 cells -> {'policy', 'measure'} as printed (NFKC), None when both are unknown."""
    policy, measure = or_none(policy_text), or_none(measure_text)
    if policy is None and measure is None:
        return None
    return {"policy": policy, "measure": measure}


def parse_related_project(ministry: str | None, number: str | None, name: str | None) -> dict | None:
    """One 関連事業 row -> {'ministry', 'number', 'name'}; number canonical ('20 - 0094' -> '20-0094');
    None for an empty row. A row with a name but no number keeps number None."""
    ministry, name = or_none(ministry), or_none(name)
    num = canonical_number(number) if number and not is_unknown(number) else None
    if name is None and num is None:
        return None
    return {"ministry": ministry, "number": num, "name": name}


def parse_related_projects(rows: Iterable[tuple[str | None, str | None, str | None]]) -> list[dict]:
    """(ministry, number, name) rows -> related_projects, skipping empty rows."""
    out = []
    for row in rows:
        p = parse_related_project(*row)
        if p is not None:
            out.append(p)
    return out


def parse_past_numbers(tokens: Iterable[str], sheet_year: int | None = None) -> list[dict]:
    """関連する過去のレビューシートの事業番号: a stream of cells or lines, in reading order, where a year
    cell ('平成23年度') applies to the number cells that follow it ('0038', '総務省 - 新02 - 0013') until
    the next year cell; a cell holding both ('平成24年度 新24-0005') settles itself.
    -> [{'fiscal_year'?, 'number'}] (fiscal_year left out when nothing settles it)."""
    out: list[dict] = []
    seen: set[tuple[int | None, str]] = set()
    year: int | None = None
    for tok in tokens:
        t = nfkc(tok)
        if not t or is_unknown(t):
            continue
        y, _ = parse_year(t)
        if y is not None and re.fullmatch(r"(?:令和|平成|昭和)?\s*(?:元|\d{1,4})\s*年度?", t):
            year = y
            continue
        for ref in parse_numbers(t, year):
            key = (ref.fiscal_year, ref.number)
            if key in seen:
                continue
            seen.add(key)
            item: dict[str, Any] = {"number": ref.number}
            if ref.fiscal_year is not None:
                item = {"fiscal_year": ref.fiscal_year, "number": ref.number}
            out.append(item)
    return out


# ------------------------------------------------------------------ numbers with warnings

def number_cell(rec: Record, text: str | None, field: str, line: int | None = None,
                percent: bool = False) -> float | int | None:
    """A numeric cell: value (int when whole), None for unknown; malformed text -> None + warning
    'bad_number' (raw text in the message)."""
    p = parse_number(text, percent=percent)
    if p.error:
        warn(rec, "bad_number", f"{field}: {p.error}", line=line, field=field)
        return None
    return as_int_if_whole(p.value)


def bidders_cell(rec: Record, text: str | None, field: str, line: int | None = None) -> int | None:
    """入札者数 (応募者数): an integer count, None for '-'; '2(3)' style cells take the first count."""
    if text is None or is_unknown(text):
        return None
    t = nfkc(text).replace(" ", "")
    m = re.fullmatch(r"(\d+)(?:者|社)?(?:[(（]\d+[)）])?", t)
    if m:
        return int(m[1])
    warn(rec, "bad_number", f"{field}: not a bidder count: {text!r}", line=line, field=field)
    return None


def award_rate_cell(rec: Record, text: str | None, field: str, line: int | None = None) -> float | int | None:
    """落札率 '83.3%' -> 83.3; a fraction '0.833' -> 83.3; '-' / '--' -> None."""
    if text is None or is_unknown(text):
        return None
    v = number_cell(rec, nfkc(text).replace(" ", ""), field, line, percent=True)
    if v is not None and "%" not in text and 0 < v <= 1:
        v = as_int_if_whole(round(v * 100, 6))
    if v is not None and not 0 <= v <= 200:
        warn(rec, "implausible_award_rate", f"{field}: {text!r}", line=line, field=field)
    return v


def build_payee(rec: Record, block: str, rank: int, cells: dict[str, str | None],
                line: int | None = None) -> dict:
    """One 支出先上位10者リスト row -> payee dict (gold shape).

    ``cells`` keys: name, corporate_number, description, amount, contract_method, bidders, award_rate
    (raw cell text, any may be missing). An invalid 法人番号 gives corporate_number None,
    corporate_number_raw (as printed) and a warning 'invalid_corporate_number'."""
    key = f"payees[{block}|{rank}]"
    h = validate_houjin(cells.get("corporate_number"))
    payee: dict[str, Any] = {
        "block": block,
        "rank": rank,
        "name": or_none(cells.get("name")),
        "corporate_number": h.number,
        "description": or_none(cells.get("description")),
        "amount": number_cell(rec, cells.get("amount"), f"{key}.amount", line),
        "contract_method": or_none(cells.get("contract_method")),
        "bidders": bidders_cell(rec, cells.get("bidders"), f"{key}.bidders", line),
        "award_rate": award_rate_cell(rec, cells.get("award_rate"), f"{key}.award_rate", line),
    }
    if h.error:
        payee["corporate_number_raw"] = h.raw
        warn(rec, "invalid_corporate_number", f"{key}: 法人番号 {h.raw!r}: {h.error}", line=line,
             field=f"{key}.corporate_number")
    return payee


BUDGET_PARTS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve")


def check_budget_total(rec: Record, entry: dict, line: int | None = None) -> bool:
    """Warn 'budget_total_mismatch' when 計 differs from 当初+補正+前年度から繰越し+翌年度へ繰越し(▲)+予備費等
    by more than rounding (0.5 百万円 per printed part). Unknown parts count as 0. True when consistent
    or not checkable."""
    total = entry.get("total")
    parts = [entry.get(k) for k in BUDGET_PARTS]
    known = [v for v in parts if v is not None]
    if total is None or not known:
        return True
    s = sum(known)
    if abs(s - total) > 0.5 * len(known) + 1e-9:
        warn(rec, "budget_total_mismatch",
             f"{entry.get('fiscal_year')}: 計 {total} != sum of parts {as_int_if_whole(round(s, 6))}",
             line=line, field=f"budget[{entry.get('fiscal_year')}].total")
        return False
    return True


__all__ = [
    "join_wrapped", "split_list", "SheetTitle", "parse_sheet_title", "parse_officials", "FiscalYearCell",
    "parse_fiscal_year_cell", "parse_date", "parse_plans", "parse_policy_evaluation", "parse_related_project",
    "parse_related_projects", "parse_past_numbers", "number_cell", "bidders_cell", "award_rate_cell",
    "build_payee", "BUDGET_PARTS", "check_budget_total",
]
