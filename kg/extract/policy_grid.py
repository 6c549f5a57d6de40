"""主要な政策に係る政策評価の事前分析表 as a cell grid -> policy_evaluation record.

The grid is what an .xlsx gives and what a ruled PDF of the form gives (kg.read.pdf_grid: one TAB-separated line
per form row, the same cells), so one mapping reads both. The form's labels find the parts, the header rows of
its two tables give the columns (counted per document: a PDF grid may number its columns differently):

- title: the monitoring mark 「(総務省29-⑧)」 and 「(平成29年度実施政策)」 (kg.extract.policy_eval's readers);
- 政策名 (or 施策名): a cell 「政策8:名称」; 政策の概要 and the other labelled cells go to ``extra`` as in the text
  reader; 達成すべき目標 / 施策目標: one goal per row of the label's rows;
- 測定指標: the header row holding 基準値 and 目標値; each following row whose first cell is a number (or ①…)
  is an indicator: its name (the ＜…指標＞ tag dropped), and 基準値 / 基準年度 / 目標値 / 目標年度 /
  年度ごとの目標値 from the header's columns (``extra.indicator_values``, then kg.extract.indicators);
- 達成手段: the header row starting 達成手段 and holding 予算額 (its year cells, maybe on the header's second row;
  the 当初予算額 column is the last year, an amount without 執行額), 関連する指標 and 行政事業レビュー事業番号;
  each row 「(N) 名称 (平成16年度)」 is a means with its 予算額 (執行額) per year ("-" unknown, not 0).

Only a grid that holds the 達成手段 header is read here (``is_grid``); others keep the text reader.
"""
from __future__ import annotations

import re

from kg.extract import policy_eval as pe
from kg.normalize.era import guess_era, parse_year
from kg.normalize.numbers import as_int_if_whole, parse_money
from kg.normalize.project_number import canonical_number
from kg.normalize.text import is_unknown, nfkc, squash
from kg.read.base import RawDoc
from kg.records import Record, new_record, span, warn

_GOAL_LABELS = ("達成すべき目標", "施策目標", "政策目標", "目標")
_MEANS_ROW = re.compile(r"^\(\s*(\d{1,3})\s*\)\s*(.+)$")
_AMOUNT_CELL = re.compile(r"^([▲△]?\d[\d,]*(?:\.\d+)?)\s*(?:百万円)?\s*(?:\(\s*([▲△]?\d[\d,]*(?:\.\d+)?|[-―－‐ー])\s*"
                          r"(?:百万円)?\s*\))?$")
_IND_NUMBER = re.compile(r"^(\d{1,2})$")


def _rows(lines: list[str]) -> list[list[str]]:
    return [[nfkc(c).strip() for c in x.split("\t")] for x in lines]


def _means_header(rows: list[list[str]]) -> int | None:
    for i, r in enumerate(rows):
        first = next((c for c in r if c), "")
        if squash(first).startswith("達成手段") and any("予算額" in squash(c) for c in r):
            return i
    return None


def is_grid(lines: list[str]) -> bool:
    """A TAB grid of the form (an .xlsx, a ruled PDF) that holds the 達成手段 table's header."""
    return sum(1 for x in lines if "\t" in x) >= 5 and _means_header(_rows(lines)) is not None


def _money(text: str) -> float | None:
    return as_int_if_whole(parse_money(text).value)


def _policy(rec: Record, rows: list[list[str]]) -> None:
    for i, r in enumerate(rows, 1):
        for c in r:
            m = pe._POLICY_RE.match(c)
            if m and m.group(3).strip():
                rec["policy"] = {"number": nfkc(m.group(2)), "name": m.group(3).strip()}
                span(rec, "policy", i)
                return
    warn(rec, "policy_missing", "no \"政策N:名称\" cell found", field="policy")


def _labelled(rec: Record, rows: list[list[str]]) -> None:
    for i, r in enumerate(rows, 1):
        cells = [c for c in r if c]
        if len(cells) < 2:
            continue
        for label, key in pe._FIELD_LABELS.items():
            if squash(cells[0]) == squash(label) and key not in rec["extra"]:
                rec["extra"][key] = " ".join(cells[1:])
                span(rec, f"extra.{key}", i)


def _goals(rec: Record, rows: list[list[str]], hi: int) -> None:
    for i, r in enumerate(rows[:hi]):
        if not (r and r[0] and squash(r[0]).startswith(_GOAL_LABELS)):
            continue
        j = i
        while j < hi and (j == i or not rows[j][0]):
            text = " ".join(c for c in rows[j][1:] if c)
            if text and not is_unknown(text):
                span(rec, f"goals[{len(rec['goals'])}]", j + 1)
                span(rec, "goals", j + 1)
                rec["goals"].append(text)
            j += 1
        break
    if not rec["goals"]:
        warn(rec, "goals_missing", "no 達成すべき目標 / 施策目標 cell found", field="goals")


def _col(header: list[str], *words: str) -> int | None:
    return next((k for k, c in enumerate(header) if c and all(w in squash(c) for w in words)), None)


def _indicators(rec: Record, rows: list[list[str]], hi: int) -> None:
    head = next((i for i, r in enumerate(rows[:hi]) if _col(r, "基準値") is not None and _col(r, "目標値") is not None),
                None)
    if head is None:
        warn(rec, "indicators_missing", "no 測定指標 header (基準値, 目標値) found", field="indicators")
        return
    h = rows[head]
    cols = {"base": _col(h, "基準値"), "base_year": _col(h, "基準年度"), "target": _col(h, "目標値"),
            "target_year": _col(h, "目標年度"), "yearly_targets_raw": _col(h, "年度ごと")}
    if cols["yearly_targets_raw"] == cols["target"]:
        cols["target"] = next((k for k, c in enumerate(h) if c and squash(c) == "目標値"), cols["target"])
    values: dict[str, dict] = {}
    for i in range(head + 1, hi):
        r = rows[i]
        num = pe._ind_number(r[0]) if r and r[0] else None
        if num is None:
            break
        name_cells = [c for c in r[1:cols["base"] or len(r)] if c]
        name = pe._TAG_RE.sub("", " ".join(name_cells)).strip()
        if not name:
            warn(rec, "indicator_name_missing", f"測定指標 {num}: no name cell", line=i + 1, field="indicators")
            continue
        rec["indicators"].append({"number": num, "name": name})
        span(rec, f"indicators[{num}]", i + 1)
        got = {k: r[c] for k, c in cols.items() if c is not None and c < len(r) and r[c] and not is_unknown(r[c])}
        if got.get("base") or got.get("target"):
            values[num] = {**got, "line": i + 1}
    if values:
        rec["extra"]["indicator_values"] = values
    if not rec["indicators"]:
        warn(rec, "indicators_missing", "測定指標 header with no numbered indicator row", line=head + 1,
             field="indicators")


def _means(rec: Record, rows: list[list[str]], head: int, eval_year: int | None) -> None:
    h = rows[head]
    sub = rows[head + 1] if head + 1 < len(rows) and not rows[head + 1][0] else []
    ind_col, rev_col = _col(h, "関連する指標"), _col(h, "レビュー")
    years: list[tuple[int, int, bool]] = []  # (column, year, current-year amount without 執行額)
    era = None
    for k in range(max(len(h), len(sub))):
        if k in (ind_col, rev_col) or k == 0:
            continue
        for cell in (sub[k] if k < len(sub) else "", h[k] if k < len(h) else ""):
            if cell and "年度" in cell:
                y, era = parse_year(cell, era)
                if y is None:
                    m = re.search(r"(元|\d{1,2})\s*年度", cell)
                    y = guess_era(1 if m[1] == "元" else int(m[1]), eval_year) if m and eval_year else None
                if y is not None:
                    years.append((k, y, "当初" in cell))
                    break
    if not years:
        warn(rec, "budget_years_missing", "達成手段 header without year columns", line=head + 1, field="means")
    rec["extra"]["budget_years"] = [y for _, y, _ in years]
    first = head + (2 if sub else 1)
    for i in range(first, len(rows)):
        r = rows[i]
        m = _MEANS_ROW.match(r[0]) if r and r[0] else None
        if m is None:
            if r and r[0]:
                break
            continue
        index = int(m[1])
        named = pe._name_with_suffix([m[2]])
        name, start = (named[0], named[1]) if named else (m[2].strip(), None)
        key = f"means[{index}]"
        if named is None:
            warn(rec, "means_start_year_missing", f"達成手段 ({index}): no (開始年度) after the name", line=i + 1,
                 field=key)
        budget = []
        for k, y, current in years:
            cell = r[k] if k < len(r) else ""
            entry: dict = {"fiscal_year": y, "amount": None}
            a = _AMOUNT_CELL.match(re.sub(r"\s+", "", cell) if cell else "")
            if a:
                entry["amount"] = _money(a[1])
                if a[2] is not None and not current:
                    entry["executed"] = None if is_unknown(a[2]) else _money(a[2])
            elif not is_unknown(cell):
                warn(rec, "means_amount_unread", f"達成手段 ({index}) {y}: 予算額 cell {cell!r} is not an amount",
                     line=i + 1, field=key)
            budget.append(entry)
        inds: list[str] = []
        if ind_col is not None and ind_col < len(r) and r[ind_col] and not is_unknown(r[ind_col]):
            inds = [x for x in re.split(r"[,、・\s]+", r[ind_col]) if x]
            if not all(pe._ind_number(x) for x in inds):
                warn(rec, "means_indicators_unread", f"達成手段 ({index}): 関連する指標 {r[ind_col]!r}", line=i + 1,
                     field=key)
                inds = []
            inds = [pe._ind_number(x) for x in inds]
        review = None
        if rev_col is not None and rev_col < len(r):
            review = canonical_number(r[rev_col]) if r[rev_col] and not is_unknown(r[rev_col]) else None
            if review is None and r[rev_col] and not is_unknown(r[rev_col]):
                warn(rec, "means_review_number_unread", f"達成手段 ({index}): 行政事業レビュー事業番号 {r[rev_col]!r}",
                     line=i + 1, field=key)
        rec["means"].append({"index": index, "name": name, "start_fiscal_year": start, "budget": budget,
                             "indicators": inds, "review_project_number": review})
        span(rec, key, i + 1)
    idx = [m["index"] for m in rec["means"]]
    if idx != list(range(1, len(idx) + 1)):
        warn(rec, "means_index_gap", f"達成手段 numbers are not 1..{len(idx)}: {idx}", field="means")


def extract(doc: RawDoc) -> Record:
    """One 事前分析表 grid (.xlsx, ruled PDF) -> policy_evaluation record (../shared/gold/SCHEMA.md)."""
    rec = new_record("policy_evaluation", doc.name)
    rows = _rows(doc.lines)
    L = [" ".join(c for c in r if c) for r in rows]
    eval_year = pe._eval_year(rec, L)
    pe._ministry(rec, L)
    _policy(rec, rows)
    _labelled(rec, rows)
    head = _means_header(rows)
    _goals(rec, rows, head)
    _indicators(rec, rows, head)
    _means(rec, rows, head, eval_year)
    __import__("kg.extract.indicators").extract.indicators.add_policy_values(rec)
    return rec


__all__ = ["extract", "is_grid"]
