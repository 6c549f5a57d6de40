"""Official RS-system CSV download (rssystem.go.jp/download-csv) -> review_sheet records, one per 予算事業ID.

Input: a folder holding the CSVs ("1-2_RS_2024_基本情報_事業概要等.csv", …) or the zip files of the download
(one CSV each; also folders named like the zips with the CSV inside), or one zip holding them. Files are
recognised by their "N-N_RS_YYYY_" prefix; 1-1, 1-2, 1-3 and 2-1 are required (ReadError otherwise, naming
the folder, the expected pattern and what was found). Encoding per file: UTF-8 (BOM or not), else CP932.
Headers are matched after NFKC (full-width brackets of some columns vary between downloads).

Joined by 予算事業ID:
- 1-1 組織情報: 府省庁 -> ministry (parent ministry of a 外局, kg.normalize.orgs), bureau (the 外局, or 局・庁),
  division (課+室, or 部), responsible_officials (作成責任者), other units (extra.other_units);
- 1-2 事業概要等: project_name, 事業区分 -> extra.category, 旧事業番号 -> extra.old_number_text (raw text),
  start/end year, 主要経費 (rows per 主要経費 are joined), 実施方法 columns, purpose/overview/url in extra;
- 1-3 政策・施策、法令等: policy_evaluation {policy, measure} (all in extra.policies), legal_bases
  [{law, citations, law_id, law_number}] (a 法令番号 written in the 法令ID column goes to law_number),
  related_plans;
- 1-5 関連事業: related_projects; 2-1 予算・執行_サマリ: budget per 予算年度 (the 合計 row) in 百万円
  (円 / 1e6, 6 decimals), requested (翌年度要求額 of the sheet year) as the next year's row, accounts;
  values as given: 計 is the 歳出予算現額 and 翌年度への繰越し is positive, as the RS prints them;
- 5-1 支出情報 when present: payees by block (rank = order in the block), 法人番号 validated, amount =
  支出先の合計支出額, contracts in payee["contracts"]; without 5-1, payees come from 5-3 費目・使途 (amount = sum of
  the items, payee["amount_basis"] = "5-3"); 5-2 -> extra.block_links and extra.indirect_costs.
Amounts that cannot be real (kg.extract.checks.check_amounts, totals="finding": a payee amount above everything
the program had, one that is the payee's 法人番号 in 円, anything above 10^9 百万円) are withheld with a warning.
project_number = 予算事業ID as printed; sheet_fiscal_year = 事業年度. Provenance: format "rs", files with
sha256 of each CSV, rows {code: [data row numbers]}, spans {field: [first, last]} with span_files {field: code}.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.extract.checks import check_amounts
from kg.normalize.orgs import MINISTRIES, parent_ministry
from kg.normalize.text import nfkc
from kg.read.csv_tables import Table, iter_csv
from kg.read.rs_download import find_sources
from kg.records import Record, new_record, span, warn
from kg.sources import rs_flows
from kg.sources.rs_cells import cell, is_true, nfkc_cached, raw_cell, ref_number, to_int, yen
from kg.sources.rs_payees import RsPayeeFiles

USED = ("1-1", "1-2", "1-3", "1-5", "2-1", "3-2", "5-1", "5-2", "5-3", "5-4")

_LAW_NUMBER_RE = re.compile(r"(法律|政令|省令|府令|規則|告示|訓令|条例|勅令)第.+号")


def _org_division(bureau_raw: str | None, agency: str | None, row: dict) -> str | None:
    bu, ka, shitsu = cell(row, "部"), cell(row, "課"), cell(row, "室")
    if agency:
        parts = [x for x in ((bureau_raw if bureau_raw != agency else None), bu, ka, shitsu) if x]
        return "".join(parts) or None
    if ka or shitsu:
        return "".join(x for x in (ka, shitsu) if x)
    return bu


# --------------------------------------------------------------------------------------------- reader
class RsReader(RsPayeeFiles):
    """Read one RS download; iterate the records. ``errors`` [(file, row, reason)] and ``stats`` fill up."""

    def __init__(self, path: str | Path):
        self.root, self.sources, self.found = find_sources(path)
        self.tables: dict[str, Table] = {}
        self.errors: list[tuple[str, int, str]] = []
        self.stats: dict[str, Any] = {"programs": 0, "payees": 0, "files": sorted(self.sources),
                                      "malformed_houjin": {"wrong_length": 0, "check_digit": 0, "non_digit": 0}}
        self.recs: dict[str, Record] = {}
        self.order: list[str] = []

    # -- helpers
    def _rows(self, code: str) -> Iterator[tuple[int, str, dict[str, str]]]:
        src = self.sources.get(code)
        if src is None:
            return
        table = self.tables.setdefault(code, Table(code, src.label))
        for n, row in iter_csv(src, table):
            rid = nfkc_cached(row.get("予算事業ID"))
            if not rid:
                self.errors.append((src.label, n, "row without 予算事業ID"))
                continue
            yield n, rid, row

    def _rec(self, rid: str, code: str, n: int, create: bool = False) -> Record | None:
        rec = self.recs.get(rid)
        if rec is None and create:
            rec = new_record("review_sheet", self.root.name)
            rec["project_number"] = rid
            rec["extra"] = {"rs_id": rid}
            rec["provenance"].update({"path": str(self.root), "format": "rs", "rows": {}, "span_files": {}})
            self.recs[rid] = rec
            self.order.append(rid)
        if rec is None:
            self.errors.append((self.sources[code].label, n, f"予算事業ID {rid} is not in 1-1/1-2"))
            return None
        rows = rec["provenance"]["rows"].setdefault(code, [])
        if not rows or rows[-1] != n:
            rows.append(n)
        return rec

    @staticmethod
    def _span(rec: Record, key: str, n: int, code: str) -> None:
        span(rec, key, n)
        rec["provenance"]["span_files"][key] = code

    # -- files
    def _read_1_2(self) -> None:
        for n, rid, row in self._rows("1-2"):
            first = rid not in self.recs
            rec = self._rec(rid, "1-2", n, create=True)
            ex = rec["extra"]
            if first or rec["project_name"] is None:
                year = to_int(row.get("事業年度"))
                if year is not None:
                    rec["sheet_fiscal_year"] = year
                rec["project_name"] = cell(row, "事業名")
                ex["category"] = cell(row, "事業区分")
                ex["old_number_text"] = raw_cell(row, "旧事業番号")
                if is_true(row, "開始年度不明"):
                    ex["start_year_unknown"] = True
                else:
                    rec["start_fiscal_year"] = to_int(row.get("事業開始年度"))
                end = to_int(row.get("事業終了(予定)年度"))
                rec["end_fiscal_year"] = end
                if end is not None and is_true(row, "終了予定なし"):
                    warn(rec, "rs_end_year_conflict", f"1-2 row {n}: 事業終了(予定)年度 {end} and 終了予定なし both set",
                         line=n, field="end_fiscal_year")
                methods = []
                for k, v in row.items():
                    m = re.match(r"実施方法[ー－\-](.+)$", k)
                    if m and v and v.strip() not in ("", "0", "FALSE"):
                        methods.append(m[1] if v.strip() in ("1", "TRUE") else f"{m[1]}({nfkc(v)})")
                rec["implementation_methods"] = methods
                for k, key in (("事業の目的", "purpose"), ("現状・課題", "issues"), ("事業の概要", "overview"),
                               ("事業概要URL", "url"), ("備考", "note"), ("政策所管府省庁", "rs_policy_ministry")):
                    if raw_cell(row, k):
                        ex[key] = row[k].strip()
                for key in ("project_name", "start_fiscal_year", "end_fiscal_year", "implementation_methods"):
                    if rec[key] not in (None, []):
                        self._span(rec, key, n, "1-2")
                self._org(rec, row, n, "1-2")
            expense = cell(row, "主要経費")
            if expense:
                expenses = ex.setdefault("major_expenses", [])
                if expense not in expenses:
                    expenses.append(expense)
                rec["major_expense"] = "、".join(expenses)
                self._span(rec, "major_expense", n, "1-2")

    def _org(self, rec: Record, row: dict, n: int, code: str) -> None:
        printed = cell(row, "府省庁")
        if not printed:
            return
        ministry, agency = parent_ministry(printed)
        competent = cell(row, "所管府省庁") or cell(row, "政策所管府省庁")
        if ministry not in MINISTRIES and competent and parent_ministry(competent)[0] in MINISTRIES:
            ministry, agency = parent_ministry(competent)[0], agency or ministry
        bureau_raw = cell(row, "局・庁")
        rec["ministry"] = ministry
        rec["bureau"] = agency or bureau_raw
        rec["division"] = _org_division(bureau_raw, agency, row)
        rec["extra"]["rs_ministry"] = row["府省庁"].strip()
        rec["extra"]["rs_org"] = {k: cell(row, k) for k in ("局・庁", "部", "課", "室", "班", "係") if cell(row, k)}
        if competent:
            rec["extra"]["rs_competent_ministry"] = competent
        for key in ("ministry", "bureau", "division"):
            if rec[key]:
                self._span(rec, key, n, code)

    def _read_1_1(self) -> None:
        for n, rid, row in self._rows("1-1"):
            first = rid not in self.recs
            rec = self._rec(rid, "1-1", n, create=True)
            if first:
                year = to_int(row.get("事業年度"))
                if year is not None:
                    rec["sheet_fiscal_year"] = year
                rec["project_name"] = rec["project_name"] or cell(row, "事業名")
            if not rec["extra"].get("rs_ministry"):
                self._org(rec, row, n, "1-1")
            elif rec["extra"].get("rs_competent_ministry") is None and cell(row, "所管府省庁"):
                rec["extra"]["rs_competent_ministry"] = cell(row, "所管府省庁")
            official = cell(row, "作成責任者")
            if official and official not in rec["responsible_officials"]:
                rec["responsible_officials"].append(official)
                self._span(rec, "responsible_officials", n, "1-1")
            unit = {k: cell(row, f"{k}(その他担当組織)") for k in ("府省庁", "局・庁", "部", "課", "室", "班", "係")}
            unit = {k: v for k, v in unit.items() if v}
            if unit:
                units = rec["extra"].setdefault("other_units", [])
                if unit not in units:
                    units.append(unit)

    def _read_1_3(self) -> None:
        laws: dict[str, dict[tuple, dict]] = defaultdict(dict)
        for n, rid, row in self._rows("1-3"):
            rec = self._rec(rid, "1-3", n)
            if rec is None:
                continue
            policy, measure = cell(row, "政策"), cell(row, "施策")
            if policy or measure:
                item = {"policy": policy, "measure": measure}
                if cell(row, "政策所管府省庁_P"):
                    item["ministry"] = cell(row, "政策所管府省庁_P")
                if raw_cell(row, "政策・施策URL"):
                    item["url"] = raw_cell(row, "政策・施策URL")
                pols = rec["extra"].setdefault("policies", [])
                if item not in pols:
                    pols.append(item)
                    if rec["policy_evaluation"] is None:
                        rec["policy_evaluation"] = {"policy": policy, "measure": measure}
                    self._span(rec, "policy_evaluation", n, "1-3")
            law = cell(row, "法令名")
            if law:
                self._law(rec, laws[rid], row, law, n)
            plan = cell(row, "計画通知名")
            if plan:
                item = {"title": plan}
                if raw_cell(row, "計画通知等URL"):
                    item["url"] = raw_cell(row, "計画通知等URL")
                if item not in rec["related_plans"]:
                    self._span(rec, f"related_plans[{len(rec['related_plans'])}]", n, "1-3")
                    rec["related_plans"].append(item)

    def _law(self, rec: Record, seen: dict, row: dict, law: str, n: int) -> None:
        given_id, number = cell(row, "法令ID"), cell(row, "法令番号")
        if given_id and _LAW_NUMBER_RE.search(given_id):
            # a 法令番号 in the 法令ID column: used as the number, and noted (kg.link.findings.laws)
            rec.setdefault("finding_notes", []).append({"code": "law_number_in_id_column", "law": law,
                                                       "text": given_id, "field": f"legal_bases[{law}]"})
            number, given_id = number or given_id, None
        article_raw = cell(row, "条")
        if not (given_id or number or article_raw):
            parsed = _parse_free_law(law)
            if parsed:
                for lb in parsed:
                    lb.setdefault("raw", law)
                    self._span(rec, f"legal_bases[{lb.get('law')}]", n, "1-3")
                    rec["legal_bases"].append(lb)
                return
        key = (law, given_id, number)
        lb = seen.get(key)
        if lb is None:
            lb = {"law": law, "citations": [], "law_id": given_id, "law_number": number}
            seen[key] = lb
            rec["legal_bases"].append(lb)
        self._span(rec, f"legal_bases[{law}]", n, "1-3")
        if not article_raw:
            return
        cit: dict[str, Any] = {"article": ref_number(article_raw, "条")}
        para, item = cell(row, "項"), cell(row, "号・号の細分")
        if para:
            p = ref_number(para, "項")
            cit["paragraph"] = p if p is not None else para
        if item:
            i = ref_number(item, "号")
            cit["item"] = i if i is not None else item
        if cit["article"] is None:
            cit["article"] = article_raw
            warn(rec, "rs_article_unparsed", f"1-3 row {n}: 条 {article_raw!r} kept as printed", line=n,
                 field=f"legal_bases[{law}]")
        if cit not in lb["citations"]:
            lb["citations"].append(cit)

    def _read_1_5(self) -> None:
        for n, rid, row in self._rows("1-5"):
            name, number = cell(row, "関連事業の事業名"), cell(row, "関連事業の事業ID")
            if not (name or number):
                continue
            rec = self._rec(rid, "1-5", n)
            if rec is None:
                continue
            item = {"ministry": None, "number": number, "name": name, "relation": cell(row, "関連性")}
            self._span(rec, f"related_projects[{len(rec['related_projects'])}]", n, "1-5")
            rec["related_projects"].append(item)

    def _read_2_1(self) -> None:
        fields = (("当初予算(合計)", "initial"), ("補正予算(合計)", "supplementary"),
                  ("前年度からの繰越し(合計)", "carried_from_previous"), ("翌年度への繰越し(合計)", "carried_to_next"),
                  ("予備費等(合計)", "reserve"), ("計(歳出予算現額合計)", "total"), ("執行額(合計)", "executed"))
        for n, rid, row in self._rows("2-1"):
            year = to_int(row.get("予算年度"))
            account = cell(row, "会計") or cell(row, "会計区分")
            rec = self._rec(rid, "2-1", n)
            if rec is None or year is None:
                continue
            if account:  # per-account detail row
                if account not in rec["accounts"]:
                    rec["accounts"].append(account)
                    self._span(rec, "accounts", n, "2-1")
                continue
            key = f"budget[{year}]"
            b = {"fiscal_year": year}
            for col, f in fields:
                b[f] = yen(rec, row, col, n, "2-1", key)
            rec["budget"] = [x for x in rec["budget"] if x["fiscal_year"] != year or "requested" in x]
            rec["budget"].append(b)
            self._span(rec, key, n, "2-1")
            if year == rec["sheet_fiscal_year"]:
                req = yen(rec, row, "翌年度要求額(合計)", n, "2-1", f"budget[{year + 1}]")
                if req is not None:
                    rec["budget"].append({"fiscal_year": year + 1, "requested": req})
                    self._span(rec, f"budget[{year + 1}]", n, "2-1")
        for rec in self.recs.values():
            rec["budget"].sort(key=lambda b: (b["fiscal_year"], "requested" in b))

    # -- all
    def read(self) -> list[Record]:
        self._read_1_2()
        self._read_1_1()
        self._read_1_3()
        self._read_1_5()
        self._read_2_1()
        __import__("kg.sources.rs_goals").sources.rs_goals.read_3_2(self)  # issue 19: 成果/活動目標 (indicators)
        if "5-1" in self.sources:
            self._read_5_1()
        self._read_5_3(as_payees="5-1" not in self.sources)
        self._read_5_2()
        for n, rid, row in self._rows("5-4"):  # issue 18: 国庫債務負担行為等による契約 of the blocks
            if (rec := self._rec(rid, "5-4", n)) is not None:
                rs_flows.contract_row(rec, n, row)
        for t in self.tables.values():
            self.errors.extend((t.label, n, reason) for n, reason in t.bad_rows)
        files = {c: {"name": t.label, "sha256": t.sha256, "encoding": t.encoding, "rows": t.rows}
                 for c, t in sorted(self.tables.items())}
        digest = hashlib.sha256("".join(f"{c}:{f['sha256']}\n" for c, f in files.items()).encode()).hexdigest()
        out = []
        for rid in self.order:
            rec = self.recs[rid]
            rec.pop("_ranks", None)
            rs_flows.finish(rec, "5-1" in self.sources)
            check_amounts(rec, totals="finding")  # issue 17: impossible amounts withheld (kg.extract.checks)
            if rec["ministry"] is None:
                warn(rec, "rs_no_organisation", f"予算事業ID {rid}: no 府省庁 in 1-1/1-2", field="ministry")
            rec["provenance"].update({"sha256": digest, "files": files})
            rec["extra"]["rs_id"] = rid
            rec["extra"].setdefault("category", None)
            rec["extra"].setdefault("old_number_text", None)
            self._span(rec, "project_number", rec["provenance"]["rows"].get("1-2", [1])[0], "1-2")
            out.append(rec)
        self.stats["programs"] = len(out)
        self.stats["ignored_files"] = sorted(c for c in self.sources if c not in USED)
        return out

    def __iter__(self) -> Iterator[Record]:
        return iter(self.read())


def _parse_free_law(text: str) -> list[dict] | None:
    """根拠法令 written as free text in 法令名 ('総務省設置法第４条第１項第１９号'), by kg.normalize.law_ref."""
    from kg.normalize.law_ref import parse_legal_bases

    try:
        parsed = parse_legal_bases(text)
    except Exception:  # noqa: BLE001 - a parser failure keeps the text as printed
        return None
    return [dict(lb, law_id=None, law_number=None) for lb in parsed if lb.get("law")] or None


def iter_rs(path: str | Path) -> Iterator[Record]:
    """Review-sheet records (one per 予算事業ID) of an RS-system download: a folder of CSVs or zips, or one zip."""
    yield from RsReader(path)
