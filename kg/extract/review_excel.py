"""行政事業レビューシート, Excel-text layout (TAB-separated cells, one sheet row per line) -> review_sheet record.

The same grid comes from an Excel text export (.txt/.tsv) and from kg.read.xlsx. Cells may hold HTML
tables (``<table>…</table>``) or the sheet may carry markdown tables (``| a | b |``); both are expanded
into rows of cells first (``_grid``), so every section is read the same way whatever the export.

Every field is found by the form's own labels (事業名, 担当部局庁, 作成責任者, 予算額・執行額, 政策評価,
関連事業, 関連する過去のレビューシートの事業番号, 支出先上位10者リスト, …), never by line or column
numbers: sheets of other years put the labels in other rows/columns and have other block counts and row
counts. Values are the next non-label cell to the right of the label, or, where the form prints the
value under its label (作成責任者), the cells below it. Tables (budget, payees, related projects) are
read by their header cells' columns.

Every bad value is a warning (kg.records.warn) with the raw text kept; every field gets a span.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kg.extract.fields import (
    BUDGET_PARTS,
    build_payee,
    check_budget_total,
    number_cell,
    one_official,
    parse_fiscal_year_cell,
    parse_officials,
    parse_past_numbers,
    parse_plans,
    parse_policy_evaluation,
    parse_related_projects,
    parse_sheet_title,
    split_list,
)
from kg.extract.flows import extract_flows
from kg.normalize.era import guess_era, parse_year, parse_year_headers
from kg.normalize.project_number import canonical_number
from kg.normalize.sudachi import inside_word
from kg.normalize.text import is_unknown, nfkc, or_none, squash
from kg.read.base import RawDoc
from kg.records import Record, new_record, span, warn

# ------------------------------------------------------------------ grid


@dataclass
class Row:
    line: int  # 1-based source line
    cells: list[str]  # cell text, HTML tags removed, not yet NFKC-folded
    keys: list[str]  # squash(cell): NFKC, no white space (for label matching)

    def nonempty(self) -> list[tuple[int, str]]:
        return [(i, c) for i, c in enumerate(self.cells) if c.strip()]

    @property
    def blank(self) -> bool:
        return not any(k for k in self.keys)


_TABLE_RE = re.compile(r"<table\b.*?</table>", re.I | re.S)
_TR_RE = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.I | re.S)
_TD_RE = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.I | re.S)
_TAG_RE = re.compile(r"<[^>]+>")
_MD_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_HEAD = re.compile(r"^#{1,6}\s+")


def _clean(cell: str) -> str:
    if "<" in cell:
        cell = _TAG_RE.sub(" ", cell)
    if "&" in cell:
        cell = html.unescape(cell)
    return _MD_HEAD.sub("", cell.strip())


def _row(line: int, cells: list[str]) -> Row:
    cells = [_clean(c) for c in cells]
    return Row(line, cells, [squash(c) for c in cells])


def _grid(lines: list[str]) -> list[Row]:
    """Source lines -> rows of cells; HTML tables inside a line and markdown table rows become rows."""
    rows: list[Row] = []
    for n, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if "<table" in line.lower():
            tables = _TABLE_RE.findall(line)
            rest = _TABLE_RE.sub("", line)
            rows.append(_row(n, rest.split("\t")))
            for t in tables:
                for tr in _TR_RE.findall(t):
                    rows.append(_row(n, _TD_RE.findall(tr)))
            continue
        s = line.strip()
        if s.startswith("|") and s.endswith("|") and len(s) > 1 and "\t" not in s:
            if _MD_SEP.match(s):
                continue
            rows.append(_row(n, s[1:-1].split("|")))
            continue
        rows.append(_row(n, line.split("\t")))
    return rows


# ------------------------------------------------------------------ labels

# squash()ed label prefixes of the form (a value cell never starts with one of these)
_LABELS = (
    "事業番号", "事業名", "担当部局", "担当課室", "作成責任者", "事業開始", "事業終了", "会計区分", "根拠法令",
    "関係する計画", "主要政策・施策", "主要経費", "事業の目的", "事業概要", "実施方法", "予算額・執行額",
    "政策評価", "関連事業", "点検・改善結果", "支出先上位", "関連する過去のレビューシート", "資金の流れ", "備考",
)


def _is_label(key: str) -> bool:
    return any(key.startswith(lab) for lab in _LABELS)


def _find(rows: list[Row], prefixes: tuple[str, ...], start: int = 0, end: int | None = None,
          exact: bool = False) -> tuple[int, int] | None:
    """First (row index, cell index) whose squashed text starts with (or equals) one of ``prefixes``."""
    end = len(rows) if end is None else min(end, len(rows))
    for ri in range(start, end):
        for ci, k in enumerate(rows[ri].keys):
            if k and any((k == p) if exact else k.startswith(p) for p in prefixes):
                return ri, ci
    return None


def _value_right(row: Row, ci: int) -> tuple[int, str] | None:
    """The next non-empty cell right of ``ci``, unless it is another label."""
    for j in range(ci + 1, len(row.cells)):
        if row.keys[j]:
            return None if _is_label(row.keys[j]) else (j, row.cells[j])
    return None


def _rest_of_label_cell(cell: str, label: str) -> str:
    """'事業番号 2021-総務-20-0095' -> '2021-総務-20-0095' (text after the label inside one cell)."""
    t = nfkc(cell)
    i = t.replace(" ", "").find(label)
    if i < 0:
        return ""
    # walk the original (spaced) text to skip the label's characters
    seen, pos = 0, 0
    while pos < len(t) and seen < i + len(label):
        if t[pos] != " ":
            seen += 1
        pos += 1
    return t[pos:].strip(" :：")


class _Ctx:
    def __init__(self, rec: Record, rows: list[Row], pdf: bool = False, cut_cells: dict | None = None):
        self.rec, self.rows, self.pdf = rec, rows, pdf  # (``pdf``: the grid read from a PDF's ruled cells)
        self.cut_cells: dict[int, frozenset[int]] = cut_cells or {}  # (RawDoc.cut_cells: cells the width cut)

    def section(self, prefixes: tuple[str, ...], field: str) -> tuple[int, int] | None:
        """Like _find; a missing label is a 'missing_section' warning for ``field``."""
        hit = _find(self.rows, prefixes)
        if hit is None:
            warn(self.rec, "missing_section", f"no {prefixes[0]}", field=field)
        return hit

    def cells(self, key: str, prefixes: tuple[str, ...]) -> tuple[list[str], int | None]:
        """All non-empty cells right of the label up to the next label (+ the label's line)."""
        hit = _find(self.rows, prefixes)
        if hit is None:
            return [], None
        ri, ci = hit
        row = self.rows[ri]
        parts = []
        for j, c in row.nonempty():
            if j > ci:
                if _is_label(row.keys[j]):
                    break
                parts.append(c.strip())
        if parts:
            span(self.rec, key, row.line)
        return parts, row.line

    def joined(self, key: str, prefixes: tuple[str, ...]) -> tuple[str | None, int | None]:
        """``cells`` joined by a space; None when there are none."""
        parts, line = self.cells(key, prefixes)
        return (" ".join(parts) if parts else None), line

    def simple(self, key: str, prefixes: tuple[str, ...], end: int | None = None) -> tuple[str | None, int | None]:
        """Raw text of the value cell right of the first label matching ``prefixes`` (+ its line)."""
        hit = _find(self.rows, prefixes, end=end)
        if hit is None:
            return None, None
        ri, ci = hit
        row = self.rows[ri]
        v = _value_right(row, ci)
        if v is None:
            # value inside the label cell itself ("事業名：XXX")
            label = r"\s*".join(map(re.escape, prefixes[0]))
            m = re.match(rf"^\s*{label}\w{{0,2}}\s*[:：]\s*(.+)$", nfkc(row.cells[ci]))
            if m and not is_unknown(m[1]):
                span(self.rec, key, row.line)
                return m[1], row.line
            return None, row.line
        span(self.rec, key, row.line)
        return v[1], row.line


# ------------------------------------------------------------------ header fields

def _title(cx: _Ctx) -> int | None:
    """sheet_fiscal_year + ministry from the title row; returns the title row index."""
    for ri, row in enumerate(cx.rows[:80]):
        joined = " ".join(c for c in row.cells if c.strip())
        t = parse_sheet_title(joined)
        if t:
            cx.rec["sheet_fiscal_year"] = t.fiscal_year
            span(cx.rec, "sheet_fiscal_year", row.line)
            if t.ministry:
                cx.rec["ministry"] = t.ministry
                span(cx.rec, "ministry", row.line)
            else:
                warn(cx.rec, "missing_ministry", "no ministry in the sheet title", line=row.line, field="ministry")
            return ri
    warn(cx.rec, "missing_section", "no 行政事業レビューシート title with a fiscal year", field="sheet_fiscal_year")
    return None


def _project_number(cx: _Ctx, name_row: int | None) -> None:
    end = (name_row + 1) if name_row is not None else min(len(cx.rows), 12)
    hit = _find(cx.rows, ("事業番号",), end=end)
    if hit is None:
        return
    ri, ci = hit
    row = cx.rows[ri]
    text = " ".join([_rest_of_label_cell(row.cells[ci], "事業番号")] + [c for c in row.cells[ci + 1:] if c.strip()])
    num = canonical_number(text)
    if num:
        cx.rec["project_number"] = num
        span(cx.rec, "project_number", row.line)
    elif not is_unknown(text):
        warn(cx.rec, "bad_project_number", f"事業番号 not understood: {text!r}", line=row.line, field="project_number")


def _shaped_officials(cx: _Ctx, line: int, cut: list[str]) -> None:
    """A PDF's cells: its wrapped lines rejoined without a space unless the line visibly broke early, so an
    official wrapped where the sheet had a space may read run together (「参事官 山本」 over 「拓也」 as 「参事官 山本拓也」).
    An official from a cell the width cut where a space is not ruled out (``cut``: _space_unruled) not of a title,
    a family and a given name, or one from any cell that cannot be one official (two run together over a line
    break), is left out with a warning; one printed on its cell's lines as the sheet wrote it (「室長 野中嘉人」) is kept."""
    from kg.extract.review_text import OFFICIAL_SHAPE

    bad = [o for o in cx.rec["responsible_officials"]
           if not OFFICIAL_SHAPE.match(o) and (o in cut or not one_official(o))]
    for o in bad:
        warn(cx.rec, "official_implausible", f"作成責任者 {o!r} is not a title, a family and a given name (a wrap "
             "in a PDF cell may have run two of them together); left out", line=line, field="responsible_officials")
    cx.rec["responsible_officials"] = [o for o in cx.rec["responsible_officials"] if o not in bad]


def _space_unruled(text: str, cuts: tuple) -> bool:
    """A PDF cell's text joined across a line the width cut (``cuts``: kg.read.pdf_grid.Cut) where a space of the
    sheet's is not ruled out: the join does not fall inside one dictionary word (「山|本直子」 falls inside the
    family name 山本, 「山本|拓也」 between two words, where 「山本 拓也」 may have been printed)."""
    return any(text[c.at - 1:c.at + 1] != c.pair or not inside_word(text, c.at) for c in cuts)


def _officials(cx: _Ctx) -> None:
    hit = cx.section(("作成責任者",), "responsible_officials")
    if hit is None:
        return
    ri, ci = hit
    row = cx.rows[ri]
    cells = [(row.line, j, c) for j, c in row.nonempty() if j > ci]
    lines = [row.line]
    if cells and _is_label(squash(cells[0][2])):
        cells = []
    if not cells:  # printed under the label: the next row(s), from the label's column on
        for nxt in cx.rows[ri + 1: ri + 3]:
            below = [(nxt.line, j, c) for j, c in nxt.nonempty() if j >= ci and not _is_label(nxt.keys[j])]
            if below:
                cells, lines = below, [row.line, nxt.line]
                break
    cx.rec["responsible_officials"] = parse_officials([c for _, _, c in cells])
    if cx.pdf:
        cut = parse_officials([c for n, j, c in cells if _space_unruled(c, cx.cut_cells.get(n, {}).get(j, ()))])
        _shaped_officials(cx, row.line, cut)
    if cx.rec["responsible_officials"]:
        span(cx.rec, "responsible_officials", min(lines), max(lines))
    else:
        warn(cx.rec, "missing_value", "作成責任者 is blank", line=row.line, field="responsible_officials")


def _years(cx: _Ctx) -> None:
    sheet_year = cx.rec.get("sheet_fiscal_year")
    start_raw, line_s = cx.simple("start_fiscal_year", ("事業開始年度", "事業開始"))
    end_raw, line_e = cx.simple("end_fiscal_year", ("事業終了",))
    if start_raw and end_raw is None and re.search(r"[~〜～]", nfkc(start_raw)):
        # older sheets: 事業開始・終了(予定)年度 | 平成25年度 ～ 平成30年度
        start_raw, end_raw = re.split(r"[~〜～]", nfkc(start_raw), maxsplit=1)
        line_e = line_s
        if line_e:
            span(cx.rec, "end_fiscal_year", line_e)
    for key, raw, line in (("start_fiscal_year", start_raw, line_s), ("end_fiscal_year", end_raw, line_e)):
        fy = parse_fiscal_year_cell(raw, sheet_year)
        cx.rec[key] = fy.year
        if fy.error:
            warn(cx.rec, "bad_fiscal_year", f"{key}: {fy.error}", line=line, field=key)
        if line is None:
            warn(cx.rec, "missing_section", f"no label for {key}", field=key)


def _lists_and_texts(cx: _Ctx) -> None:
    rec = cx.rec
    for key, prefixes in (("project_name", ("事業名",)), ("bureau", ("担当部局",)), ("division", ("担当課室",)),
                          ("major_policy", ("主要政策・施策", "主要政策")), ("major_expense", ("主要経費",))):
        raw, line = cx.simple(key, prefixes)
        rec[key] = or_none(raw)
        if line is None:
            warn(rec, "missing_section", f"no label for {key}", field=key)
        elif rec[key] is None and key in ("project_name", "bureau", "division"):
            warn(rec, "missing_value", f"{key} is blank", line=line, field=key)
    cells, line = cx.cells("accounts", ("会計区分",))
    rec["accounts"] = [a for c in cells for a in split_list(c)]
    if line is None:
        warn(rec, "missing_section", "no 会計区分", field="accounts")
    raw, line = cx.simple("implementation_methods", ("実施方法",))
    rec["implementation_methods"] = _methods(raw)
    if line is None:
        warn(rec, "missing_section", "no 実施方法", field="implementation_methods")


def _methods(raw: str | None) -> list[str]:
    """'直接実施、委託・請負' -> two methods; check-box cells ('■直接実施 □補助') keep the ticked ones."""
    if raw is None:
        return []
    t = nfkc(raw)
    if "■" in t or "☑" in t or "□" in t:
        return [nfkc(m) for m in re.findall(r"[■☑]\s*([^■☑□]+)", t) if nfkc(m)]
    return split_list(t)


def _legal_and_plans(cx: _Ctx) -> None:
    rec = cx.rec
    raw, line = cx.joined("legal_bases", ("根拠法令",))
    if line is None:
        warn(rec, "missing_section", "no 根拠法令", field="legal_bases")
    elif raw is not None:
        text = nfkc(raw)
        rec["extra"]["legal_bases_text"] = text
        from kg.normalize.law_ref import parse_legal_bases

        rec["legal_bases"] = parse_legal_bases(text)
        for lb in rec["legal_bases"]:
            span(rec, f"legal_bases[{lb.get('law')}]", line)
    raw, line = cx.joined("related_plans", ("関係する計画",))
    if raw is not None:
        rec["extra"]["related_plans_text"] = nfkc(raw)
        rec["related_plans"] = parse_plans(raw)
        for i in range(len(rec["related_plans"])):
            span(rec, f"related_plans[{i}]", line)


# ------------------------------------------------------------------ budget

_BUDGET_ROWS = (
    ("当初予算", "initial"), ("補正予算", "supplementary"), ("前年度から繰越", "carried_from_previous"),
    ("翌年度へ繰越", "carried_to_next"), ("予備費", "reserve"), ("計", "total"), ("執行額", "executed"),
)
_BUDGET_STOP = ("執行率", "当初予算+補正予算に対する", "予算内訳", "活動内容", "成果目標", "活動目標", "活動指標")


def _budget_key(key: str) -> str | None:
    for lab, field in _BUDGET_ROWS:
        if key == lab if lab == "計" else key.startswith(lab):
            return field
    return None


_BARE_YEAR = re.compile(r"^(元|\d{1,2})年度")


def _header_years(cells: list[str], sheet_year: int | None) -> list[int | None]:
    """Era-relative year headers ('平成29年度', '30年度', '令和元年度'); headers with no era at all
    ('28年度' ...) take the era that puts them nearest the sheet's year, and must increase."""
    years = parse_year_headers(cells)
    if sheet_year is None:
        return years
    prev = None
    for i, c in enumerate(cells):
        m = _BARE_YEAR.match(squash(c))
        if m and (years[i] is None or (prev is not None and years[i] <= prev)):
            years[i] = guess_era(1 if m[1] == "元" else int(m[1]), sheet_year)
        if years[i] is not None:
            prev = years[i]
    return years


def _budget(cx: _Ctx) -> None:
    rec = cx.rec
    hit = cx.section(("予算額・執行額", "予算額･執行額"), "budget")
    if hit is None:
        return
    ri, ci = hit
    head = cx.rows[ri]
    cols = [(j, c) for j, c in head.nonempty() if j > ci]
    years = _header_years([c for _, c in cols], rec.get("sheet_fiscal_year"))
    ycols = [(j, y, "要求" in head.keys[j]) for (j, _), y in zip(cols, years, strict=True) if y is not None]
    if not ycols:
        warn(rec, "budget_no_years", "予算額・執行額 header has no fiscal years", line=head.line, field="budget")
        return
    values: dict[str, dict[int, str]] = {}
    lines: dict[str, int] = {}
    first_col = min(j for j, _, _ in ycols)
    for row in cx.rows[ri + 1: ri + 16]:
        if any(row.keys[j].startswith(s) for j in range(min(first_col, len(row.keys))) for s in _BUDGET_STOP):
            break
        field = None
        lab_col = None
        for j in range(min(first_col, len(row.keys))):
            f = _budget_key(row.keys[j])
            if f:
                field, lab_col = f, j
        if field is None or field in values:
            continue
        aligned = {j: (row.cells[j] if j < len(row.cells) else "") for j, _, _ in ycols}
        if all(not v.strip() for v in aligned.values()):
            rest = [c for j, c in row.nonempty() if j > lab_col]
            if rest:  # shifted row: read the values in order
                warn(rec, "budget_misaligned", f"{field}: values not under the year columns", line=row.line,
                     field="budget")
                aligned = {j: (rest[k] if k < len(rest) else "") for k, (j, _, _) in enumerate(ycols)}
        values[field] = aligned
        lines[field] = row.line
    if not values:
        warn(rec, "missing_section", "予算額・執行額 table has no rows", line=head.line, field="budget")
        return
    first_line, last_line = head.line, max(lines.values())
    budget = []
    for j, y, is_request in ycols:
        key = f"budget[{y}]"
        if is_request:
            total = number_cell(rec, values.get("total", {}).get(j), f"{key}.requested", lines.get("total"))
            if total is None:
                total = number_cell(rec, values.get("initial", {}).get(j), f"{key}.requested", lines.get("initial"))
            budget.append({"fiscal_year": y, "requested": total})
        else:
            entry = {"fiscal_year": y}
            for f in (*BUDGET_PARTS, "total", "executed"):
                entry[f] = number_cell(rec, values.get(f, {}).get(j), f"{key}.{f}", lines.get(f))
            check_budget_total(rec, entry, lines.get("total"))
            budget.append(entry)
        span(rec, key, first_line, last_line)
    for f in ("initial", "total"):
        if f not in values:
            warn(rec, "missing_value", f"予算額・執行額 has no {f} row", line=head.line, field="budget")
    rec["budget"] = budget


# ------------------------------------------------------------------ 政策評価, 関連事業, 過去の事業番号

def _policy_evaluation(cx: _Ctx) -> None:
    hit = cx.section(("政策評価",), "policy_evaluation")
    if hit is None:
        return
    ri = hit[0]
    found: dict[str, tuple[str | None, int]] = {}
    for row in cx.rows[ri: ri + 6]:
        for j, k in enumerate(row.keys):
            if k in ("政策", "施策") and k not in found:
                v = _value_right(row, j)
                found[k] = (v[1] if v else None, row.line)
    if not found:
        warn(cx.rec, "missing_value", "政策評価 has no 政策/施策 cells", line=cx.rows[ri].line,
             field="policy_evaluation")
        return
    pol, mea = found.get("政策", (None, 0)), found.get("施策", (None, 0))
    cx.rec["policy_evaluation"] = parse_policy_evaluation(pol[0], mea[0])
    ls = [x[1] for x in (pol, mea) if x[1]]
    span(cx.rec, "policy_evaluation", min(ls), max(ls))


def _related_projects(cx: _Ctx) -> None:
    hit = _find(cx.rows, ("関連事業",))
    if hit is None:
        return
    ri = hit[0]
    head = None
    for k in range(ri, min(ri + 4, len(cx.rows))):
        if "事業名" in cx.rows[k].keys:
            head = k
            break
    if head is None:
        return
    hrow = cx.rows[head]
    cols: dict[str, int] = {}
    for j, k in enumerate(hrow.keys):
        if k.startswith("所管府省") or k in ("府省名", "府省庁名"):
            cols["ministry"] = j
        elif k.startswith("事業番号"):
            cols["number"] = j
        elif k == "事業名":
            cols["name"] = j
    out_rows, lines = [], []
    left = min(cols.values(), default=0)
    for row in cx.rows[head + 1: head + 30]:
        ne = row.nonempty()
        if not ne or ne[0][0] < left:
            break
        first = squash(ne[0][1])
        if _is_label(first) or first.startswith("※"):
            break

        def cell(f: str, row: Row = row) -> str | None:
            j = cols.get(f)
            return row.cells[j] if j is not None and j < len(row.cells) else None

        out_rows.append((cell("ministry"), cell("number"), cell("name")))
        lines.append(row.line)
    projects = parse_related_projects(out_rows)
    cx.rec["related_projects"] = projects
    kept = [ln for ln, r in zip(lines, out_rows, strict=True) if any(x and not is_unknown(x) for x in r)]
    for i, ln in enumerate(kept[: len(projects)]):
        span(cx.rec, f"related_projects[{i}]", ln)


_PAST_STOP = ("※", "資金の流れ", "支出先上位", "費目・用途")
_YEAR_CELL = re.compile(r"^(?:令和|平成|昭和)?(?:元|\d{1,4})年度?$")


def _pair_year_rows(rows: list[tuple[Row, list[tuple[int, str]]]]) -> list[tuple[str, int]]:
    """Cells in reading order, except that a row of year cells only followed by a row of number cells
    (a horizontal table: years over numbers) is read column by column: year, its number, next year, ..."""
    out: list[tuple[str, int]] = []
    k = 0
    while k < len(rows):
        row, cells = rows[k]
        is_years = len(cells) >= 2 and all(_YEAR_CELL.match(squash(c)) for _, c in cells)
        if is_years and k + 1 < len(rows):
            nrow, ncells = rows[k + 1]
            if not any(parse_year(c)[0] is not None for _, c in ncells):
                by_col = dict(ncells)
                for j, c in cells:
                    out.append((c, row.line))
                    if j in by_col:
                        out.append((by_col[j], nrow.line))
                k += 2
                continue
        out += [(c, row.line) for _, c in cells]
        k += 1
    return out


def _past_numbers(cx: _Ctx) -> None:
    hit = cx.section(("関連する過去のレビューシートの事業番号", "関連する過去のレビューシート"), "past_project_numbers")
    if hit is None:
        return
    ri, ci = hit
    tokens_rows: list[tuple[Row, list[tuple[int, str]]]] = [(cx.rows[ri], [(j, c) for j, c in
                                                                            cx.rows[ri].nonempty() if j > ci])]
    for row in cx.rows[ri + 1: ri + 40]:
        ne = row.nonempty()
        if not ne:
            continue
        first = squash(ne[0][1])
        if any(first.startswith(s) for s in _PAST_STOP) or (_is_label(first) and not first.startswith("事業番号")):
            break
        if any(len(squash(c)) > 40 for _, c in ne):
            break
        tokens_rows.append((row, ne))
    tokens = _pair_year_rows(tokens_rows)
    sheet_year = cx.rec.get("sheet_fiscal_year")
    nums = parse_past_numbers([t for t, _ in tokens], sheet_year)
    cx.rec["past_project_numbers"] = nums
    for i, n in enumerate(nums):
        ln = next((line for t, line in tokens if n["number"].split("-")[-1] in nfkc(t)), cx.rows[ri].line)
        span(cx.rec, f"past_project_numbers[{i}]", ln)


# ------------------------------------------------------------------ payees

_PAYEE_COLS = (
    ("支出先", "name"), ("法人番号", "corporate_number"), ("業務概要", "description"), ("支出額", "amount"),
    ("契約方式", "contract_method"), ("入札者数", "bidders"), ("応募者数", "bidders"), ("落札率", "award_rate"),
)
_BLOCK_RE = re.compile(r"^[【\[(]?([A-Z])[】\])]?(?:[.．。:：]|$)")


def _is_payee_header(row: Row) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for j, k in enumerate(row.keys):
        if k.startswith("支出先上位"):
            continue
        for lab, field in _PAYEE_COLS:
            if k.startswith(lab) and field not in cols:
                cols[field] = j
                break
    if "name" in cols and ("amount" in cols or "description" in cols or "corporate_number" in cols):
        return cols
    return None


def _block_letter(row: Row) -> str | None:
    ne = row.nonempty()
    if not ne or len(ne) > 2:
        return None
    m = _BLOCK_RE.match(nfkc(ne[0][1]).replace(" ", ""))
    return m[1] if m else None


def _int_cell(text: str | None) -> int | None:
    t = nfkc(text or "").rstrip(".")
    return int(t) if t.isdigit() else None


def _payees(cx: _Ctx) -> int | None:
    """Read every 支出先上位10者リスト block; returns the row index of the section title (or None)."""
    rec, rows = cx.rec, cx.rows
    title = _find(rows, ("支出先上位",))
    start = title[0] if title else 0
    payees: list[dict] = []
    prev_letter: str | None = None
    ri = start
    blocks_seen: set[str] = set()
    while ri < len(rows):
        cols = _is_payee_header(rows[ri])
        if cols is None:
            ri += 1
            continue
        head = rows[ri]
        rank_col = cols["name"] - 1 if cols["name"] > 0 else None
        letter = None
        if rank_col is not None and rank_col < len(head.keys):
            m = _BLOCK_RE.match(head.keys[rank_col])
            letter = m[1] if m else None
        k, looked = ri - 1, 0
        while letter is None and k >= start and looked < 6:
            r = rows[k]
            if not r.blank:
                if _is_payee_header(r) or _int_cell(r.cells[0] if r.cells else None) is not None:
                    break
                letter = _block_letter(r)
                looked += 1
            k -= 1
        if letter is None:
            letter = "A" if prev_letter is None else chr(ord(prev_letter) + 1)
            warn(rec, "payee_block_unlabelled", f"支出先 table without a block letter; taken as {letter}",
                 line=head.line, field="payees")
        if letter in blocks_seen:
            warn(rec, "payee_block_repeated", f"block {letter} appears twice", line=head.line, field="payees")
        blocks_seen.add(letter)
        prev_letter = letter
        ri = _payee_rows(cx, ri, cols, rank_col, letter, payees)
    rec["payees"] = payees
    return title[0] if title else None


def _is_total_row(name: str | None, first: str) -> bool:
    """A payee block's 計 row: 「計」(合計, 小計) in the 支出先 cell or as the row's first cell."""
    return any(nfkc(t or "").replace(" ", "") in ("計", "合計", "小計") for t in (name, first))


def _payee_rows(cx: _Ctx, ri: int, cols: dict[str, int], rank_col: int | None, letter: str,
                payees: list[dict]) -> int:
    rec, rows = cx.rec, cx.rows
    last_rank = 0
    ranks: set[int] = set()
    j = ri + 1
    while j < len(rows):
        row = rows[j]
        if row.blank:
            if last_rank:
                break
            j += 1
            continue
        if _is_payee_header(row) or _block_letter(row):
            break

        def cell(f: str, row: Row = row) -> str | None:
            c = cols.get(f)
            return row.cells[c] if c is not None and c < len(row.cells) else None

        rank = _int_cell(row.cells[rank_col]) if rank_col is not None and rank_col < len(row.cells) else None
        name = cell("name")
        first = next((k for k in row.keys if k), "")
        if rank is None and _is_total_row(name, first):
            j += 1  # the block's 計 row (the sum of its amounts): neither a payee nor an amount; it ends the block
            break
        if rank is None:
            if name and name.strip() and not first.startswith(("支出先上位", "※")) and not _is_label(first) \
                    and any(cell(f) and cell(f).strip() for f in ("amount", "corporate_number", "description")):
                rank = last_rank + 1
                warn(rec, "payee_rank_missing", f"block {letter}: row without rank, taken as {rank}",
                     line=row.line, field=f"payees[{letter}|{rank}]")
            else:
                break
        values = {f: cell(f) for f in ("name", "corporate_number", "description", "amount", "contract_method",
                                       "bidders", "award_rate")}
        if all(v is None or not v.strip() for v in values.values()):
            j += 1
            continue  # an empty template row
        if rank in ranks:
            warn(rec, "payee_rank_repeated", f"block {letter}: rank {rank} twice", line=row.line,
                 field=f"payees[{letter}|{rank}]")
        if rank > 10:
            warn(rec, "payee_rank_over_10", f"block {letter}: rank {rank} in a top-10 list", line=row.line,
                 field=f"payees[{letter}|{rank}]")
        ranks.add(rank)
        payees.append(build_payee(rec, letter, rank, values, line=row.line))
        if payees[-1]["name"] is None:
            warn(rec, "missing_value", f"block {letter} rank {rank}: no 支出先 name", line=row.line,
                 field=f"payees[{letter}|{rank}].name")
        span(rec, f"payees[{letter}|{rank}]", row.line)
        last_rank = rank
        j += 1
    return j


# ------------------------------------------------------------------ completeness

_SECTIONS = (
    (r"事業名$", "事業名"), (r"予算額・執行額", "予算額・執行額"), (r"政策評価", "政策評価"),
    (r"点検・改善結果", "点検・改善結果"), (r"関連する過去のレビューシート", "関連する過去のレビューシートの事業番号"),
    (r"資金の流れ(?:$|\()", "資金の流れ"), (r"#*支出先上位", "支出先上位10者リスト"),
)


def _find_re(rows: list[Row], pattern: str) -> tuple[int, int] | None:
    rx = re.compile(pattern)
    for ri, row in enumerate(rows):
        for ci, k in enumerate(row.keys):
            if k and rx.match(k):
                return ri, ci
    return None


def _completeness(cx: _Ctx) -> None:
    rows = cx.rows
    found = [(name, _find_re(rows, pat)) for pat, name in _SECTIONS]
    if found[-1][1] is not None or cx.rec["payees"]:
        return
    present = [(name, hit) for name, hit in found if hit is not None]
    last_line = max((r.line for r in rows if not r.blank), default=0)
    if present:
        name, hit = present[-1]
        after = sum(1 for r in rows[hit[0] + 1:] if not r.blank)
        missing = [n for n, h in found if h is None]
        warn(cx.rec, "truncated",
             f"document ends {after} non-blank rows after {name} (line {rows[hit[0]].line}); "
             f"missing: {', '.join(missing)}", line=last_line)
    warn(cx.rec, "missing_section", "no 支出先上位10者リスト", field="payees")


# ------------------------------------------------------------------ entry point

def extract(doc: RawDoc) -> Record:
    """Extract one Excel-text 行政事業レビューシート into a review_sheet record (../shared/gold/SCHEMA.md)."""
    rec = new_record("review_sheet", doc.name)
    rows = _grid(doc.lines)
    cx = _Ctx(rec, rows, doc.fmt == "pdf", doc.cut_cells)
    _title(cx)
    name_hit = _find(rows, ("事業名",), exact=True)
    _project_number(cx, name_hit[0] if name_hit else None)
    _lists_and_texts(cx)
    _officials(cx)
    _years(cx)
    _legal_and_plans(cx)
    _budget(cx)
    _policy_evaluation(cx)
    _related_projects(cx)
    _past_numbers(cx)
    _payees(cx)
    extract_flows(rec, rows)
    _completeness(cx)
    __import__("kg.extract.indicators").extract.indicators.add_text_and_indicators(rec, rows)
    return rec


__all__ = ["extract", "Row"]
