"""JUDGIT! NDJSON (one review sheet per line, one file per 公開年度) -> review_sheet records.

Streams ``.ndjson`` / ``.ndjson.gz`` (also ``.jsonl``): one record per sheet, with the same keys as document
extraction (kg/records.py), so linking and emitting are shared. Values are kept as JUDGIT gives them
(JUDGIT writes 0 where a sheet prints "-"; amounts are in 百万円 with up to 6 decimals); text is NFKC-folded
like the gold records. Invalid 法人番号 become ``corporate_number=None`` + ``corporate_number_raw`` and a
warning (houjin_wrong_length | houjin_check_digit | houjin_non_digit), counted in ``JudgitReader.stats``.
Lines that are not a JSON object with 公開年度 and 府省庁 yield nothing and are listed in ``.errors``.
Payee amounts written in 千円 or 円 are converted (kg.normalize.units, amount_raw/amount_unit kept, warned);
then kg.extract.checks.check_amounts(totals="finding") withholds amounts that cannot be real (a 法人番号, above
10^9 百万円, a payee amount above everything the program had) into extra.withheld with a warning; a 予算計 that
is not the sum of its parts stays as published (kg.link.findings reports it).
"""
from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.extract.checks import check_amounts
from kg.normalize.houjin import error_kind, validate
from kg.normalize.numbers import as_int_if_whole
from kg.normalize.project_number import canonical_number, parse_numbers
from kg.normalize.text import is_unknown, nfkc
from kg.read.base import ReadError
from kg.read.ndjson import MAX_LINE_CHARS, CutOff, LongLine, file_sha256, iter_lines
from kg.records import Payee, Record, new_record, span, warn

BUDGET_FIELDS = {
    "当初予算": "initial", "補正予算": "supplementary", "前年度から繰越し": "carried_from_previous",
    "翌年度へ繰越し": "carried_to_next", "予備費等": "reserve", "予算計": "total", "執行額": "executed",
    "要求額": "requested",
}
HOUJIN_KINDS = ("wrong_length", "check_digit", "non_digit")
_YEAR_RE = re.compile(r"20\d\d")
# payee names and numbers repeat across sheets: memoise the pure normalisers
_validate = functools.lru_cache(maxsize=1 << 16)(validate)
_nfkc = functools.lru_cache(maxsize=1 << 16)(nfkc)


def houjin_kind(error: str | None) -> str | None:
    """Class of a kg.normalize.houjin error message: wrong_length | check_digit | non_digit."""
    return error_kind(error)


def check_houjin(rec: Record, payee: Payee, raw: Any, counts: dict[str, int], where: str, line: int) -> None:
    """Set payee["corporate_number"] from the printed ``raw``; a malformed number keeps ``corporate_number_raw``,
    is warned (houjin_wrong_length | houjin_check_digit | houjin_non_digit) and counted in ``counts``."""
    h = _validate(raw)
    payee["corporate_number"] = h.number
    if not h.error:
        return
    kind = houjin_kind(h.error)
    payee["corporate_number_raw"] = h.raw
    if kind in counts:
        counts[kind] += 1
    warn(rec, f"houjin_{kind}", f"{where} {payee.get('name')}: 法人番号 {h.raw!r}: {h.error}", line=line,
         field=f"payees[{payee.get('block')}|{payee.get('rank')}]")


def _s(v: Any) -> str:
    return "" if v is None else str(v).strip()


def compose_number(p1: Any, p2: Any, p3: Any, p4: Any = None, p5: Any = None) -> str | None:
    """事業番号 as printed on the sheet, from JUDGIT's 事業番号1-5.

    RS era (2021+: 1=year, 2=府省 abbreviation, 3=era year or 新NN, 4=serial, 5=sub-sheet):
    '2021-総務-20-0095', '2023-こども-新23-0001', '2023-デジ-22-0001-1'.
    Before (1=新NN or empty, 2=serial, 3=sub-sheet): '0048', '新29-0004', '0036-1'.
    """
    a, b, c, d, e = (_s(x) for x in (p1, p2, p3, p4, p5))
    if _YEAR_RE.fullmatch(a):
        if not d:
            return None
        base = "-".join(x for x in (a, b, c, d) if x)
        sub = e
    else:
        if not b:
            return None
        base = f"{a}-{b}" if a else b
        sub = c
    canon = canonical_number(base)
    if canon is not None and canon.replace("-", "") == base.replace("-", ""):
        base = canon  # same characters, canonical spelling
    return f"{base}-{sub}" if sub else base


def _lines(v: Any) -> list[str]:
    return [t for t in (nfkc(x) for x in _s(v).splitlines()) if t]


def _text(v: Any) -> str | None:
    """NFKC text; a cell of several lines keeps one line per unit (bureaus, divisions)."""
    parts = _lines(v)
    return "\n".join(parts) if parts else None


_EXACT = 2**53  # integers below this in size go through float() unchanged


def _amount(v: Any) -> float | int | None:
    t = type(v)
    if t is float:  # most JUDGIT amounts: as_int_if_whole(round(float(v), 6)) written out
        if v.is_integer():
            return int(v)  # round(v, 6) of a whole float is v
        r = round(v, 6)
        return int(r) if r.is_integer() else r
    if t is int and -_EXACT < v < _EXACT:
        return v  # what the general rule below gives, without the float round trip
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return as_int_if_whole(round(float(v), 6))
    raise ValueError(f"not a number: {v!r}")


def _year(v: Any) -> int | None:
    if v is None or v == "":
        return None
    return int(v)


class JudgitReader:
    """Iterate the sheets of one JUDGIT file; ``errors`` [(line, reason)] and ``stats`` fill as it goes."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.errors: list[tuple[int, str]] = []
        self.stats: dict[str, Any] = {"sheets": 0, "payees": 0, "lines": 0, "malformed_lines": 0,
                                      "malformed_houjin": dict.fromkeys(HOUJIN_KINDS, 0)}
        self.truncated = False
        self._sha: str | None = None

    @property
    def sha256(self) -> str:
        if self._sha is None:
            self._sha = file_sha256(self.path)
        return self._sha

    def __iter__(self) -> Iterator[Record]:
        try:
            sha = self.sha256
        except OSError as e:
            raise ReadError(self.path, f"cannot open: {e.strerror or e}") from None
        try:
            for n, line in iter_lines(self.path):
                self.stats["lines"] = n
                if isinstance(line, LongLine):
                    self._fail(n, f"a line of {line.length:,} characters, over the limit of {MAX_LINE_CHARS:,}")
                    continue
                if not line.strip():
                    continue
                rec = self._line(line, n, sha)
                if rec is not None:
                    yield rec
        except CutOff as e:
            self.truncated = True
            self.errors.append((e.line + 1, str(e)))

    def _fail(self, n: int, reason: str) -> None:
        self.errors.append((n, reason))
        self.stats["malformed_lines"] += 1

    def _line(self, line: str, n: int, sha: str) -> Record | None:
        try:
            d = json.loads(line)
        except ValueError as e:
            self._fail(n, f"not JSON: {e}")
            return None
        except RecursionError:
            self._fail(n, f"nested too deeply to read (over Python's limit of {sys.getrecursionlimit()} levels)")
            return None
        if not isinstance(d, dict):
            self._fail(n, f"not a JSON object but {type(d).__name__}")
            return None
        if not isinstance(d.get("公開年度"), int) or not _s(d.get("府省庁")):
            self._fail(n, "no 公開年度 (integer) or 府省庁")
            return None
        try:
            rec = self._record(d, n, sha)
        except (TypeError, ValueError, AttributeError, RecursionError) as e:
            self._fail(n, f"unexpected value: {e}")
            return None
        self.stats["sheets"] += 1
        return rec

    def _record(self, d: dict, n: int, sha: str) -> Record:
        rec = new_record("review_sheet", self.path.name)
        rec["provenance"].update({"path": str(self.path), "sha256": sha, "format": "judgit", "line": n})
        year = d["公開年度"]
        rec["sheet_fiscal_year"] = year
        rec["ministry"] = nfkc(d["府省庁"])
        number = compose_number(*(d.get(f"事業番号{i}") for i in range(1, 6)))
        given = _s(d.get("事業番号"))
        if number is None and given:
            number = given
            warn(rec, "project_number_irregular", f"事業番号 parts do not form a number; kept {given!r}",
                 line=n, field="project_number")
        elif number and given and number != given and nfkc(given) != number:
            warn(rec, "project_number_irregular", f"事業番号 {given!r} differs from its parts ({number})",
                 line=n, field="project_number")
        rec["project_number"] = number
        rec["project_name"] = _text(d.get("事業名"))
        rec["bureau"] = _text(d.get("担当部局庁"))
        rec["division"] = _text(d.get("担当課室"))
        rec["responsible_officials"] = _lines(d.get("作成責任者"))
        rec["start_fiscal_year"] = _year(d.get("開始年度"))
        rec["end_fiscal_year"] = _year(d.get("終了年度"))
        rec["accounts"] = [t for t in (nfkc(x) for x in d.get("会計区分") or []) if t]
        rec["implementation_methods"] = [t for t in (nfkc(x) for x in d.get("実施方法") or []) if t]
        policies = [t for t in (nfkc(x) for x in d.get("主要施策") or []) if t]
        rec["major_policy"] = "、".join(policies) or None
        for key in ("project_number", "project_name", "bureau", "division", "responsible_officials",
                    "start_fiscal_year", "end_fiscal_year", "accounts", "implementation_methods", "major_policy"):
            if rec[key] not in (None, []):
                span(rec, key, n)
        for b in d.get("予算") or []:
            row: dict[str, Any] = {"fiscal_year": _year(b.get("年度"))}
            for jp, key in BUDGET_FIELDS.items():
                if jp in b:
                    row[key] = _amount(b[jp])
            rec["budget"].append(row)
            span(rec, f"budget[{row['fiscal_year']}]", n)
        self._payees(rec, d.get("支出先") or [], n)
        _check_units(rec, n)
        self._past(rec, d.get("関連する過去のレビューシート") or [], n)
        rec["extra"] = {"judgit_id": d.get("ID"), "jigyo_id": d.get("事業ID"), "url": d.get("url"),
                        "judgit_number": given or None}
        for jp, key in (("事業目的", "purpose"), ("事業概要", "overview")):
            if isinstance(d.get(jp), str) and not is_unknown(_s(d.get(jp))):
                rec["extra"][key] = d[jp]
        check_amounts(rec, totals="finding")  # issue 17: impossible amounts withheld (kg.extract.checks)
        return rec

    def _payees(self, rec: Record, rows: list, n: int) -> None:
        for p in rows:
            block, rank = _s(p.get("グループ")) or None, p.get("番号")
            raw = p.get("法人番号")
            payee = {"block": block, "rank": rank, "name": _nfkc(p.get("支出先名")) or None,
                     "corporate_number": None, "description": _nfkc(p.get("業務概要")) or None,
                     "amount": _amount(p.get("支出額")), "contract_method": None, "bidders": None,
                     "award_rate": None, "year": _year(p.get("年度"))}
            h = _validate(raw)
            if h.error:  # check_houjin warns and counts (the place named only then)
                check_houjin(rec, payee, raw, self.stats["malformed_houjin"], f"支出先 {block}-{rank}", n)
            else:
                payee["corporate_number"] = h.number
            rec["payees"].append(payee)
            span(rec, f"payees[{block}|{rank}]", n)
            self.stats["payees"] += 1

    def _past(self, rec: Record, rows: list, n: int) -> None:
        seen = set()
        for i, x in enumerate(rows):
            if isinstance(x, dict):
                fy = _year(x.get("年度"))
                text = compose_number(*(x.get(f"事業番号{k}") for k in range(1, 6)))
                refs = parse_numbers(text, fy) if text else []
                number = refs[0].number if len(refs) == 1 and refs[0].raw == text else text
                item = {"fiscal_year": fy, "number": number}
                if _s(x.get("府省庁")):
                    item["ministry"] = nfkc(x["府省庁"])
                items = [item] if number else []
            else:
                items = [{"fiscal_year": r.fiscal_year, "number": r.number} for r in parse_numbers(_s(x))]
            for item in items:
                key = (item["fiscal_year"], item.get("ministry"), item["number"])
                if key in seen:
                    continue
                seen.add(key)
                span(rec, f"past_project_numbers[{len(rec['past_project_numbers'])}]", n)
                rec["past_project_numbers"].append(item)
            if not items:
                warn(rec, "past_number_unparsed", f"関連する過去のレビューシート #{i + 1}: no 事業番号 in {x!r}",
                     line=n, field="past_project_numbers")


def _check_units(rec: Record, n: int) -> None:
    """Payee amounts written in 千円 or 円 (far above the sheet's own budget, kg.normalize.units) are converted to
    百万円, raw value and unit kept (amount_raw, amount_unit) and warned. A raw value that cannot be an amount
    (kg.extract.checks.amount_problem: a 法人番号) is not converted: check_amounts withholds it."""
    from kg.extract.checks import amount_problem
    from kg.normalize.units import TOO_LARGE, budget_scale, unit_suspect

    scale = budget_scale(rec["budget"])
    if scale is None:
        return  # unit_suspect finds nothing without a scale
    limit = TOO_LARGE * scale
    for p in rec["payees"]:
        a = p.get("amount")
        if a is None or a <= limit:
            continue  # unit_suspect(a, scale) is None: the checks below would give nothing
        conv = None if amount_problem(a) else unit_suspect(a, scale)
        if conv is not None:
            p["amount_raw"], (p["amount"], p["amount_unit"]) = a, conv
            code = "amount_in_yen" if conv[1] == "円" else "amount_in_thousand_yen"
            warn(rec, code, f"支出先 {p.get('block')}-{p.get('rank')}: amount {a:,} is {a / scale:,.0f}x the "
                 f"sheet's largest budget figure ({scale:,} 百万円); read as {conv[1]} -> {conv[0]} 百万円", line=n,
                 field="payees")


def iter_judgit(path: str | Path) -> Iterator[Record]:
    """Review-sheet records of one JUDGIT NDJSON(.gz) file, streamed. A cut-off file raises ReadError at the end
    (after the sheets that could be read); use JudgitReader for the malformed lines and counts."""
    reader = JudgitReader(path)
    yield from reader
    if reader.truncated:
        raise ReadError(path, reader.errors[-1][1])
