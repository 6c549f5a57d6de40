"""Text and indicators of a review sheet (事業の目的, 事業概要, 成果指標, 活動指標) and the 測定指標 values of a
事前分析表 -> record keys ``purpose``, ``summary``, ``indicators``.

Review sheets (a grid of rows: ``cells``, ``keys`` = squash(cell), ``line``): every block starts at a header row
whose first label is 成果目標… / 活動目標… / 活動指標… and holds 単位 then the year columns (平成30年度,
令和元年度, 中間目標 N年度, 目標最終年度 N年度, N年度活動見込; a second header row may split a year into
活動実績/活動見込 or print the 中間目標 year). Its value rows are labelled 成果実績 / 目標値 / 達成度 /
活動実績 / 当初見込み; the cell after the label is the unit and the cells after the unit are read in the
header's column order (counted from 単位), which holds when a row is shifted one cell right of its header,
as exported sheets often are. The cells before the first row label are the goal (目標) and the indicator
name (指標). Nothing keys on a particular sheet's text.

Each indicator: ``{kind: outcome|output, number, goal, name, unit, target_fiscal_year, values: [{fiscal_year,
measure: actual|target|planned|expected|achievement, stage?: midterm|final, value, raw}]}``. "-" and blank are
unknown and give no value; a value that is not a number is a warning with its raw text, not a fact; a 目標最終年度
printed as "- 年度" leaves the year unknown (fiscal_year null, stage final).
"""
from __future__ import annotations

import re

from kg.normalize.era import guess_era, parse_year
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.text import is_unknown, nfkc, squash
from kg.records import Record, span, warn

_BLOCK_START = ("成果目標", "活動目標", "活動指標")
_BLOCK_END = ("根拠として用いた", "単位当たり", "成果目標", "活動目標", "活動指標", "政策評価", "本事業の成果と",
              "点検・改善", "事業所管部局による点検", "予算額", "資金の流れ", "支出先上位", "備考")
_ROW_LABELS = {"成果実績": "actual", "目標値": "target", "達成度": "achievement", "活動実績": "actual",
               "当初見込み": "planned", "当初見込": "planned", "活動見込": "expected", "見込": "expected"}
_ROW_KEYS = sorted(_ROW_LABELS, key=len, reverse=True)
_BARE = re.compile(r"(元|\d{1,2})年度")


# ------------------------------------------------------------------ text fields

_TEXT_FIELDS = (("purpose", ("事業の目的", "事業目的")), ("summary", ("事業概要", "事業の概要")))
_STOP_LABELS = ("実施方法", "予算額", "事業概要", "事業の概要", "活動内容", "事業の目的", "事業目的", "現状・課題")


def add_text(rec: Record, rows) -> None:
    """``purpose`` (事業の目的) and ``summary`` (事業概要): the non-empty cells right of the label, NFKC."""
    for key, labels in _TEXT_FIELDS:
        rec.setdefault(key, None)
        for r in rows:
            hit = next((i for i, k in enumerate(r.keys) if k and k.startswith(labels)), None)
            if hit is None:
                continue
            parts = []
            for j in range(hit + 1, len(r.cells)):
                if r.keys[j].startswith(_STOP_LABELS):
                    break
                if r.keys[j]:
                    parts.append(r.cells[j])
            text = nfkc(" ".join(parts))
            if text and not is_unknown(text):
                rec[key] = text
                span(rec, key, r.line)
                break


def add_text_and_indicators(rec: Record, rows) -> None:
    """The review-sheet hook: ``purpose``, ``summary`` and ``indicators`` from the sheet's grid."""
    add_text(rec, rows)
    add_indicators(rec, rows)


# ------------------------------------------------------------------ review-sheet indicators


def _year(text: str, sheet_year: int | None, prev_era: str | None) -> tuple[int | None, str | None]:
    t = nfkc(text).replace(" ", "")
    y, era = parse_year(t, prev_era)
    if y is None and sheet_year is not None:
        m = _BARE.search(t)
        if m:
            y = guess_era(1 if m[1] == "元" else int(m[1]), sheet_year)
    return y, era


def _slots(head, sub, unit_col: int, sheet_year: int | None) -> list[dict]:
    """One slot per column right of 単位: {fiscal_year, stage, outlook} (year inherited from the left for a
    blank header cell that a second header row splits)."""
    slots: list[dict] = []
    era = None
    last: dict | None = None
    width = max(len(head.cells), len(sub.cells) if sub is not None else 0)
    for col in range(unit_col + 1, width):
        h = head.keys[col] if col < len(head.keys) else ""
        s = sub.keys[col] if sub is not None and col < len(sub.keys) else ""
        if h:
            stage = "midterm" if h.startswith("中間目標") else "final" if h.startswith("目標最終") else None
            y, era = _year(h, sheet_year, era)
            if stage and y is None and s and not s.startswith("活動"):
                y, _ = _year(s, sheet_year, era)  # 中間目標 | 3年度 printed under it
            slot = {"fiscal_year": y, "stage": stage, "outlook": "見込" in h}
            last = slot
        elif last is not None:
            slot = dict(last)
        else:
            slot = {"fiscal_year": None, "stage": None, "outlook": False}
        if s.startswith("活動見込") or s.endswith("見込"):
            slot = dict(slot, outlook=True)
        elif s.startswith("活動実績"):
            slot = dict(slot, outlook=False)
        slots.append(slot)
    # a blank spacer column right of a stage column ("中間目標 | (blank)") holds the printed year, not a value:
    # keep it, it is read as the same slot and its value cell is usually "-".
    while slots and slots[-1]["fiscal_year"] is None and not slots[-1]["stage"] and len(slots) > 1 \
            and not (head.keys[unit_col + len(slots)] if unit_col + len(slots) < len(head.keys) else ""):
        slots.pop()
    return slots


def _row_label(row) -> tuple[int, str] | None:
    for i, k in enumerate(row.keys):
        if not k:
            continue
        for lab in _ROW_KEYS:
            if k == lab or (k.startswith(lab) and len(k) <= len(lab) + 2):
                return i, _ROW_LABELS[lab]
    return None


def _measure(label: str, slot: dict) -> str:
    if label == "actual" and slot["outlook"]:
        return "expected"
    if label == "actual" and slot["stage"]:
        return "target"  # an actual row printed under a 目標 column: what is there is the target
    return label


def _starts_block(row) -> bool:
    first = next((k for k in row.keys if k), "")
    return first.startswith(_BLOCK_START) and any(k == "単位" for k in row.keys)


def add_indicators(rec: Record, rows) -> None:
    """成果指標 and 活動指標 blocks of a review-sheet grid -> ``rec['indicators']``."""
    rec["indicators"] = []
    sheet_year = rec.get("sheet_fiscal_year")
    counters = {"outcome": 0, "output": 0}
    i = 0
    while i < len(rows):
        head = rows[i]
        if not _starts_block(head):
            i += 1
            continue
        first = next(k for k in head.keys if k)
        kind = "outcome" if first.startswith("成果") else "output"
        unit_col = head.keys.index("単位")
        j = i + 1
        sub = None
        if j < len(rows) and not rows[j].blank \
                and not any(rows[j].keys[c] for c in range(min(unit_col + 1, len(rows[j].keys)))):
            sub, j = rows[j], j + 1  # second header row (years / 活動実績・活動見込)
        slots = _slots(head, sub, unit_col, sheet_year)
        body = []
        while j < len(rows):
            r = rows[j]
            if r.blank:
                j += 1
                if body:
                    break
                continue
            lab = _row_label(r)
            firstk = next((k for k in r.keys if k), "")
            if lab is None and (firstk.startswith(_BLOCK_END) or body):
                break
            if lab is None:
                break
            body.append((r, lab))
            j += 1
        if body:
            counters[kind] += 1
            ind = _indicator(rec, kind, counters[kind], body, slots, head)
            if ind is not None:
                rec["indicators"].append(ind)
        i = max(j, i + 1)


def _indicator(rec: Record, kind: str, n: int, body, slots: list[dict], head) -> dict | None:
    r0, (lc0, _) = body[0]
    texts = [nfkc(c) for c in r0.cells[:lc0] if c.strip()]
    name = texts[-1] if texts else None
    goal = texts[-2] if len(texts) >= 2 else None
    if name is None:
        warn(rec, "indicator_unnamed", f"{'成果' if kind == 'outcome' else '活動'}指標 without a name",
             line=r0.line, field="indicators")
    ind = {"kind": kind, "number": f"{kind}-{n}", "goal": goal, "name": name, "unit": None,
           "target_fiscal_year": None, "values": []}
    key = f"indicators[{ind['number']}]"
    for r, (lc, label) in body:
        # the unit is the first non-empty cell after the label (a blank cell may come between them)
        uc = next((c for c in range(lc + 1, len(r.cells)) if r.keys[c]), None)
        if uc is not None and parse_number(r.cells[uc]).value is not None:
            uc = lc + 1  # no unit printed: the values start right after the (blank) unit cell
        unit = nfkc(r.cells[uc]) if uc is not None and uc < len(r.cells) else ""
        if unit and not is_unknown(unit) and ind["unit"] is None and label != "achievement":
            ind["unit"] = unit
        cells = r.cells[uc + 1:] if uc is not None else []
        for k, raw in enumerate(cells):
            if is_unknown(raw):
                continue
            if k >= len(slots):
                warn(rec, "indicator_extra_value", f"{ind['number']}: value {raw.strip()!r} beyond the year columns",
                     line=r.line, field="indicators")
                continue
            slot = slots[k]
            p = parse_number(squash(raw).rstrip("%"), percent=False)
            if p.value is None:
                warn(rec, "indicator_bad_value", f"{ind['number']}: not a number: {raw.strip()!r}",
                     line=r.line, field="indicators")
                continue
            v = {"fiscal_year": slot["fiscal_year"], "measure": _measure(label, slot),
                 "value": as_int_if_whole(p.value), "raw": nfkc(raw)}
            if slot["stage"]:
                v["stage"] = slot["stage"]
            ind["values"].append(v)
    finals = [s["fiscal_year"] for s in slots if s["stage"] == "final" and s["fiscal_year"]]
    ind["target_fiscal_year"] = finals[0] if finals else None
    span(rec, key, head.line, body[-1][0].line)
    if name is None and not ind["values"]:
        return None
    return ind


# ------------------------------------------------------------------ 事前分析表 測定指標 values

_VALUE = re.compile(r"^(?P<num>[▲△-]?[\d,]+(?:\.\d+)?)\s*(?P<unit>[^\d\s以上未満内下]*?)\s*(?P<q>以上|以下|以内|未満)?$")


def _split_value(text: str) -> tuple[float | int | None, str | None, str | None]:
    m = _VALUE.match(nfkc(text).replace(" ", ""))
    if not m:
        return None, None, None
    v = parse_number(m["num"]).value
    return as_int_if_whole(v), (m["unit"] or None), m["q"]


def add_policy_values(rec: Record) -> None:
    """基準値 and 目標値 (value, unit, year, 以上/以内) of 事前分析表 測定指標, from the cells the extractor found
    (``extra.indicator_values``), as ``values`` of each indicator. Yearly targets (年度ごとの目標値) are kept as
    printed text (``yearly_targets_text``): the PDF text does not say which year each belongs to."""
    found = (rec.get("extra") or {}).get("indicator_values") or {}
    eval_year = rec.get("evaluation_fiscal_year")
    for ind in rec.get("indicators") or []:
        iv = found.get(str(ind.get("number")))
        if not iv:
            continue
        values = []
        for measure, vk, yk in (("baseline", "base", "base_year"), ("target", "target", "target_year")):
            v, unit, q = _split_value(iv.get(vk) or "")
            y, _ = _year(iv.get(yk) or "", eval_year, None)
            if v is None:
                warn(rec, "indicator_bad_value", f"測定指標 {ind['number']}: {measure} not a number: "
                     f"{iv.get(vk)!r}", line=iv.get("line"), field="indicators")
                continue
            entry = {"fiscal_year": y, "measure": measure, "value": v, "raw": nfkc(iv.get(vk))}
            if unit:
                entry["unit"] = unit
            if q:
                entry["qualifier"] = q
            values.append(entry)
        ind["values"] = values
        if iv.get("yearly_targets_raw"):
            ind["yearly_targets_text"] = nfkc(iv["yearly_targets_raw"])
        units = {e.get("unit") for e in values if e.get("unit")}
        if len(units) == 1:
            ind["unit"] = units.pop()
        tys = [e["fiscal_year"] for e in values if e["measure"] == "target" and e["fiscal_year"]]
        ind["target_fiscal_year"] = tys[0] if tys else None
        if iv.get("line"):
            span(rec, f"indicators[{ind['number']}].values", int(iv["line"]))
