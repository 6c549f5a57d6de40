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
project_number = 予算事業ID as printed; sheet_fiscal_year = 事業年度. Provenance: format "rs", files with
sha256 of each CSV, rows {code: [data row numbers]}, spans {field: [first, last]} with span_files {field: code}.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.normalize.era import kanji_to_int
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.orgs import MINISTRIES, parent_ministry
from kg.normalize.text import is_unknown, nfkc
from kg.read.base import ReadError
from kg.records import Record, new_record, span, warn
from kg.sources.judgit import check_houjin

FILE_RE = re.compile(r"^(\d-\d)_RS_(\d{4})_(.*)\.(csv|zip)$", re.IGNORECASE)
REQUIRED = ("1-1", "1-2", "1-3", "2-1")
FILE_TITLES = {
    "1-1": "基本情報_組織情報", "1-2": "基本情報_事業概要等", "1-3": "基本情報_政策・施策、法令等",
    "1-4": "基本情報_補助率等", "1-5": "基本情報_関連事業", "2-1": "予算・執行_サマリ",
    "2-2": "予算・執行_予算種別・歳出予算項目", "3-1": "効果発現経路_目標・実績", "3-2": "効果発現経路_目標のつながり",
    "4-1": "点検・評価", "5-1": "支出先_支出情報", "5-2": "支出先_支出ブロックのつながり", "5-3": "支出先_費目・使途",
    "5-4": "支出先_国庫債務負担行為等による契約", "6-1": "その他備考",
}
USED = ("1-1", "1-2", "1-3", "1-5", "2-1", "5-1", "5-2", "5-3")
YEN_PER_MILLION = 1_000_000


# --------------------------------------------------------------------------------------------- sources
@dataclass
class Source:
    code: str  # "1-2"
    label: str  # file name (zip!member for zipped CSVs)
    opener: Callable[[], IO[bytes]]


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Member name, repairing Japanese names stored without the UTF-8 flag (read as CP437 by zipfile)."""
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for enc in ("utf-8", "cp932"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return name


def _zip_sources(path: Path, code_hint: str | None = None) -> list[Source]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise ReadError(path, f"not a readable zip file: {e}") from None
    out = []
    members = [i for i in zf.infolist() if not i.is_dir()]
    for info in members:
        name = Path(_zip_name(info)).name
        m = FILE_RE.match(name)
        code = m[1] if m else None
        if name.lower().endswith(".zip"):
            continue  # nested zips are not part of the official download
        if not name.lower().endswith(".csv"):
            continue
        if code is None and code_hint and len([x for x in members if x.filename.lower().endswith(".csv")]) == 1:
            code = code_hint
        if code:
            out.append(Source(code, f"{path.name}!{name}", lambda zf=zf, info=info: zf.open(info)))
    return out


def find_sources(path: str | Path) -> tuple[Path, dict[str, Source], list[str]]:
    """(folder or zip, {code: Source}, names found) for an RS download; raises ReadError when 1-1/1-2/1-3/2-1
    are missing."""
    p = Path(path)
    if not p.exists():
        raise ReadError(p, "no such file or folder (expected an RS-system CSV download)")
    found: list[str] = []
    sources: dict[str, Source] = {}

    def add(s: Source) -> None:
        if s.code in sources and sources[s.code].label != s.label:
            raise ReadError(p, f"two files for {s.code}: {sources[s.code].label} and {s.label}")
        sources[s.code] = s

    if p.is_file():
        if p.suffix.lower() != ".zip":
            p = p.parent  # one CSV of the download named: read its folder
        else:
            found.append(p.name)
            for s in _zip_sources(p):
                add(s)
    if p.is_dir():
        for c in sorted(p.iterdir()):
            if c.name.startswith("."):
                continue
            found.append(c.name + ("/" if c.is_dir() else ""))
            m = FILE_RE.match(c.name) or FILE_RE.match(c.name + ".csv")
            if c.is_dir() and m:  # a zip unpacked into a folder of the same name
                for inner in sorted(c.glob("*.csv")):
                    add(Source(m[1], f"{c.name}/{inner.name}", lambda inner=inner: open(inner, "rb")))
            elif c.is_file() and m and c.suffix.lower() == ".csv":
                add(Source(m[1], c.name, lambda c=c: open(c, "rb")))
            elif c.is_file() and c.suffix.lower() == ".zip":
                for s in _zip_sources(c, m[1] if m else None):
                    add(s)
    missing = [c for c in REQUIRED if c not in sources]
    if missing:
        want = ", ".join(f"{c}_RS_YYYY_{FILE_TITLES[c]}.csv (or .zip)" for c in missing)
        shown = ", ".join(found[:30]) + (" …" if len(found) > 30 else "") if found else "nothing"
        raise ReadError(p, f"not a complete RS-system download: missing {want}; found: {shown}")
    return p, sources, found


# --------------------------------------------------------------------------------------------- CSV
class _Hashing(io.RawIOBase):
    """Binary stream that hashes what is read through it."""

    def __init__(self, raw: IO[bytes]):
        self.raw, self.h = raw, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        data = self.raw.read(len(b))
        n = len(data)
        b[:n] = data
        self.h.update(data)
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


def _sniff_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp932"


def header_key(name: str) -> str:
    """Column key: NFKC, no white space ('翌年度への繰越し(合計）' and '翌年度への繰越し（合計）' agree)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or "")).lstrip("\ufeff")


@dataclass
class Table:
    code: str
    label: str
    encoding: str = ""
    sha256: str = ""
    rows: int = 0
    header: list[str] = field(default_factory=list)
    bad_rows: list[tuple[int, str]] = field(default_factory=list)


def iter_csv(src: Source, table: Table) -> Iterator[tuple[int, dict[str, str]]]:
    """(data row number, {header_key: cell}) for each row of one CSV, streamed."""
    try:
        raw = _Hashing(src.opener())
    except (OSError, zipfile.BadZipFile) as e:
        raise ReadError(src.label, f"cannot open: {e}") from None
    buf = io.BufferedReader(raw, buffer_size=1 << 16)
    table.encoding = _sniff_encoding(buf.peek(1 << 16)[: 1 << 16])
    text = io.TextIOWrapper(buf, encoding=table.encoding, newline="")
    try:
        reader = csv.reader(text)
        header = next(reader, None)
        if header is None:
            raise ReadError(src.label, "empty CSV (no header row)")
        table.header = [header_key(h) for h in header]
        if "予算事業ID" not in table.header:
            raise ReadError(src.label, f"no 予算事業ID column (header: {', '.join(header[:8])} …)")
        for n, row in enumerate(reader, start=1):
            if not any(row):
                continue
            table.rows = n
            if len(row) != len(table.header):
                table.bad_rows.append((n, f"{len(row)} cells for {len(table.header)} columns"))
            yield n, dict(zip(table.header, row, strict=False))
        while buf.read(1 << 20):  # hash to the end
            pass
    except UnicodeDecodeError as e:
        raise ReadError(src.label, f"invalid {table.encoding} text at byte {e.start}: {e.reason}") from None
    except csv.Error as e:
        raise ReadError(src.label, f"malformed CSV: {e}") from None
    finally:
        table.sha256 = raw.h.hexdigest()
        text.close()


# --------------------------------------------------------------------------------------------- values
def _cell(row: dict, key: str) -> str | None:
    v = row.get(key)
    return None if v is None or is_unknown(v) else nfkc(v)


def _raw(row: dict, key: str) -> str | None:
    v = row.get(key)
    return None if v is None or not v.strip() else v.strip()


def _true(row: dict, key: str) -> bool:
    return (row.get(key) or "").strip().upper() in ("TRUE", "1")


def _yen(rec: Record, row: dict, key: str, n: int, code: str, fld: str) -> float | int | None:
    """Amount in 円 -> 百万円 (6 decimals); a bad value is warned and kept raw in the message."""
    v = row.get(key)
    if v is None or not v.strip():
        return None
    p = parse_number(v)
    if p.error or p.value is None:
        warn(rec, "rs_bad_amount", f"{code} row {n} {key}: {v!r} is not an amount", line=n, field=fld)
        return None
    return as_int_if_whole(round(p.value / YEN_PER_MILLION, 6))


def _int(v: str | None) -> int | None:
    if v is None:
        return None
    t = nfkc(v)
    if re.fullmatch(r"-?\d+(\.0+)?", t):
        return int(float(t))
    return None


def _ref_number(text: str | None, unit: str) -> str | None:
    """'第百三条の二' -> '103の2', '第4項' -> '4', '19' -> '19'; None when it is not one number."""
    t = nfkc(text).replace(" ", "")
    if not t:
        return None
    t = re.sub(rf"^第|{unit}$", "", t)
    t = t.replace(unit + "の", "の")
    parts = t.split("の")
    nums = [kanji_to_int(x) for x in parts]
    if any(x is None for x in nums):
        return None
    return "の".join(str(x) for x in nums)


_LAW_NUMBER_RE = re.compile(r"(法律|政令|省令|府令|規則|告示|訓令|条例|勅令)第.+号")


def _org_division(bureau_raw: str | None, agency: str | None, row: dict) -> str | None:
    bu, ka, shitsu = _cell(row, "部"), _cell(row, "課"), _cell(row, "室")
    if agency:
        parts = [x for x in ((bureau_raw if bureau_raw != agency else None), bu, ka, shitsu) if x]
        return "".join(parts) or None
    if ka or shitsu:
        return "".join(x for x in (ka, shitsu) if x)
    return bu


# --------------------------------------------------------------------------------------------- reader
class RsReader:
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
            rid = nfkc(row.get("予算事業ID"))
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
                year = _int(row.get("事業年度"))
                if year is not None:
                    rec["sheet_fiscal_year"] = year
                rec["project_name"] = _cell(row, "事業名")
                ex["category"] = _cell(row, "事業区分")
                ex["old_number_text"] = _raw(row, "旧事業番号")
                if _true(row, "開始年度不明"):
                    ex["start_year_unknown"] = True
                else:
                    rec["start_fiscal_year"] = _int(row.get("事業開始年度"))
                end = _int(row.get("事業終了(予定)年度"))
                rec["end_fiscal_year"] = end
                if end is not None and _true(row, "終了予定なし"):
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
                    if _raw(row, k):
                        ex[key] = row[k].strip()
                for key in ("project_name", "start_fiscal_year", "end_fiscal_year", "implementation_methods"):
                    if rec[key] not in (None, []):
                        self._span(rec, key, n, "1-2")
                self._org(rec, row, n, "1-2")
            expense = _cell(row, "主要経費")
            if expense:
                expenses = ex.setdefault("major_expenses", [])
                if expense not in expenses:
                    expenses.append(expense)
                rec["major_expense"] = "、".join(expenses)
                self._span(rec, "major_expense", n, "1-2")

    def _org(self, rec: Record, row: dict, n: int, code: str) -> None:
        printed = _cell(row, "府省庁")
        if not printed:
            return
        ministry, agency = parent_ministry(printed)
        competent = _cell(row, "所管府省庁") or _cell(row, "政策所管府省庁")
        if ministry not in MINISTRIES and competent and parent_ministry(competent)[0] in MINISTRIES:
            ministry, agency = parent_ministry(competent)[0], agency or ministry
        bureau_raw = _cell(row, "局・庁")
        rec["ministry"] = ministry
        rec["bureau"] = agency or bureau_raw
        rec["division"] = _org_division(bureau_raw, agency, row)
        rec["extra"]["rs_ministry"] = row["府省庁"].strip()
        rec["extra"]["rs_org"] = {k: _cell(row, k) for k in ("局・庁", "部", "課", "室", "班", "係") if _cell(row, k)}
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
                year = _int(row.get("事業年度"))
                if year is not None:
                    rec["sheet_fiscal_year"] = year
                rec["project_name"] = rec["project_name"] or _cell(row, "事業名")
            if not rec["extra"].get("rs_ministry"):
                self._org(rec, row, n, "1-1")
            elif rec["extra"].get("rs_competent_ministry") is None and _cell(row, "所管府省庁"):
                rec["extra"]["rs_competent_ministry"] = _cell(row, "所管府省庁")
            official = _cell(row, "作成責任者")
            if official and official not in rec["responsible_officials"]:
                rec["responsible_officials"].append(official)
                self._span(rec, "responsible_officials", n, "1-1")
            unit = {k: _cell(row, f"{k}(その他担当組織)") for k in ("府省庁", "局・庁", "部", "課", "室", "班", "係")}
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
            policy, measure = _cell(row, "政策"), _cell(row, "施策")
            if policy or measure:
                item = {"policy": policy, "measure": measure}
                if _cell(row, "政策所管府省庁_P"):
                    item["ministry"] = _cell(row, "政策所管府省庁_P")
                if _raw(row, "政策・施策URL"):
                    item["url"] = _raw(row, "政策・施策URL")
                pols = rec["extra"].setdefault("policies", [])
                if item not in pols:
                    pols.append(item)
                    if rec["policy_evaluation"] is None:
                        rec["policy_evaluation"] = {"policy": policy, "measure": measure}
                    self._span(rec, "policy_evaluation", n, "1-3")
            law = _cell(row, "法令名")
            if law:
                self._law(rec, laws[rid], row, law, n)
            plan = _cell(row, "計画通知名")
            if plan:
                item = {"title": plan}
                if _raw(row, "計画通知等URL"):
                    item["url"] = _raw(row, "計画通知等URL")
                if item not in rec["related_plans"]:
                    self._span(rec, f"related_plans[{len(rec['related_plans'])}]", n, "1-3")
                    rec["related_plans"].append(item)

    def _law(self, rec: Record, seen: dict, row: dict, law: str, n: int) -> None:
        given_id, number = _cell(row, "法令ID"), _cell(row, "法令番号")
        if given_id and _LAW_NUMBER_RE.search(given_id):
            # a 法令番号 in the 法令ID column: used as the number, and noted (kg.link.findings.laws)
            rec.setdefault("finding_notes", []).append({"code": "law_number_in_id_column", "law": law,
                                                       "text": given_id, "field": f"legal_bases[{law}]"})
            number, given_id = number or given_id, None
        article_raw = _cell(row, "条")
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
        cit: dict[str, Any] = {"article": _ref_number(article_raw, "条")}
        para, item = _cell(row, "項"), _cell(row, "号・号の細分")
        if para:
            p = _ref_number(para, "項")
            cit["paragraph"] = p if p is not None else para
        if item:
            i = _ref_number(item, "号")
            cit["item"] = i if i is not None else item
        if cit["article"] is None:
            cit["article"] = article_raw
            warn(rec, "rs_article_unparsed", f"1-3 row {n}: 条 {article_raw!r} kept as printed", line=n,
                 field=f"legal_bases[{law}]")
        if cit not in lb["citations"]:
            lb["citations"].append(cit)

    def _read_1_5(self) -> None:
        for n, rid, row in self._rows("1-5"):
            name, number = _cell(row, "関連事業の事業名"), _cell(row, "関連事業の事業ID")
            if not (name or number):
                continue
            rec = self._rec(rid, "1-5", n)
            if rec is None:
                continue
            item = {"ministry": None, "number": number, "name": name, "relation": _cell(row, "関連性")}
            self._span(rec, f"related_projects[{len(rec['related_projects'])}]", n, "1-5")
            rec["related_projects"].append(item)

    def _read_2_1(self) -> None:
        fields = (("当初予算(合計)", "initial"), ("補正予算(合計)", "supplementary"),
                  ("前年度からの繰越し(合計)", "carried_from_previous"), ("翌年度への繰越し(合計)", "carried_to_next"),
                  ("予備費等(合計)", "reserve"), ("計(歳出予算現額合計)", "total"), ("執行額(合計)", "executed"))
        for n, rid, row in self._rows("2-1"):
            year = _int(row.get("予算年度"))
            account = _cell(row, "会計") or _cell(row, "会計区分")
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
                b[f] = _yen(rec, row, col, n, "2-1", key)
            rec["budget"] = [x for x in rec["budget"] if x["fiscal_year"] != year or "requested" in x]
            rec["budget"].append(b)
            self._span(rec, key, n, "2-1")
            if year == rec["sheet_fiscal_year"]:
                req = _yen(rec, row, "翌年度要求額(合計)", n, "2-1", f"budget[{year + 1}]")
                if req is not None:
                    rec["budget"].append({"fiscal_year": year + 1, "requested": req})
                    self._span(rec, f"budget[{year + 1}]", n, "2-1")
        for rec in self.recs.values():
            rec["budget"].sort(key=lambda b: (b["fiscal_year"], "requested" in b))

    def _payee(self, seen: dict, rec: Record, rid: str, block: str | None, name: str, row: dict, n: int,
               code: str) -> tuple[dict, bool]:
        """(payee, created): one payee per (id, block, name, 法人番号); rank = order in its block."""
        raw_number = _raw(row, "法人番号")
        key = (rid, block, name, raw_number)
        if key in seen:
            return seen[key], False
        ranks = rec.setdefault("_ranks", defaultdict(int))
        ranks[block] += 1
        p = {"block": block, "rank": ranks[block], "name": name, "corporate_number": None, "description": None,
             "amount": None, "contract_method": None, "bidders": None, "award_rate": None}
        check_houjin(rec, p, raw_number, self.stats["malformed_houjin"], f"{code} row {n} 支出先 {block}", n)
        rec["payees"].append(p)
        self._span(rec, f"payees[{block}|{p['rank']}]", n, code)
        self.stats["payees"] += 1
        seen[key] = p
        return p, True

    def _payee_rows(self, code: str) -> Iterator[tuple[int, str, Record, dict, str | None, str | None]]:
        """(row, id, record, cells, 支出先ブロック番号, 支出先名) of a 5-x file, rows of unknown ids left out."""
        for n, rid, row in self._rows(code):
            rec = self._rec(rid, code, n)
            if rec is not None:
                yield n, rid, rec, row, _cell(row, "支出先ブロック番号"), _cell(row, "支出先名")

    def _read_5_1(self) -> None:
        payees: dict[tuple, dict] = {}
        for n, rid, rec, row, block, name in self._payee_rows("5-1"):
            if not name:
                if block:
                    blocks = rec["extra"].setdefault("blocks", {})
                    info = blocks.setdefault(block, {})
                    if _cell(row, "支出先ブロック名"):
                        info.setdefault("name", _cell(row, "支出先ブロック名"))
                    if _cell(row, "支出先の数"):
                        info.setdefault("payee_count", _int(row.get("支出先の数")))
                    if _cell(row, "事業を行う上での役割"):
                        info.setdefault("role", _cell(row, "事業を行う上での役割"))
                    total = _yen(rec, row, "ブロックの合計支出額", n, "5-1", f"blocks[{block}]")
                    if total is not None:
                        info.setdefault("amount", total)
                continue
            p, new = self._payee(payees, rec, rid, block, name, row, n, "5-1")
            if new:
                for col, k in (("所在地", "address"), ("法人種別", "corporation_type")):
                    if _cell(row, col):
                        p[k] = _cell(row, col)
                if _true(row, "その他支出先"):
                    p["others"] = True
            total = _yen(rec, row, "支出先の合計支出額", n, "5-1", f"payees[{block}|{p['rank']}]")
            if total is not None:
                p["amount"] = total
            amount = _yen(rec, row, "金額", n, "5-1", f"payees[{block}|{p['rank']}]")
            overview, method = _cell(row, "契約概要"), _cell(row, "契約方式等")
            if amount is not None or overview or method:
                c = {"description": overview, "amount": amount, "contract_method": method,
                     "contract_method_detail": _cell(row, "具体的な契約方式等"),
                     "bidders": _int(row.get("入札者数")),
                     "award_rate": parse_number(row.get("落札率") or "", percent=True).value}
                p.setdefault("contracts", []).append(c)
                if len(p["contracts"]) == 1:
                    p.update({"description": overview, "contract_method": method, "bidders": c["bidders"],
                              "award_rate": c["award_rate"]})
                if p["amount"] is None and amount is not None and len(p["contracts"]) == 1:
                    p["amount"] = amount

    def _read_5_3(self, as_payees: bool) -> None:
        payees: dict[tuple, dict] = {}
        for n, rid, rec, row, block, name in self._payee_rows("5-3"):
            if not name:
                continue
            amount = _yen(rec, row, "金額", n, "5-3", "expense_items")
            item = {"block": block, "name": name, "expense": _cell(row, "費目"), "use": _cell(row, "使途"),
                    "amount": amount}
            rec["extra"].setdefault("expense_items", []).append(item)
            if not as_payees:
                continue
            p, new = self._payee(payees, rec, rid, block, name, row, n, "5-3")
            if new:
                p["description"] = _cell(row, "契約概要")
                p["amount_basis"] = "5-3"
            if amount is not None:
                p["amount"] = as_int_if_whole(round((p["amount"] or 0) + amount, 6))

    def _read_5_2(self) -> None:
        for n, rid, row in self._rows("5-2"):
            rec = self._rec(rid, "5-2", n)
            if rec is None:
                continue
            ex = rec["extra"]
            if _cell(row, "国自らが支出する間接経費") or _cell(row, "国自らが支出する間接経費の項目"):
                ex.setdefault("indirect_costs", []).append({
                    "item": _cell(row, "国自らが支出する間接経費の項目"),
                    "amount": _yen(rec, row, "国自らが支出する間接経費の金額", n, "5-2", "indirect_costs")})
            to = _cell(row, "支出先の支出先ブロック")
            if to:
                ex.setdefault("block_links", []).append({
                    "from": _cell(row, "支出元の支出先ブロック"), "from_name": _cell(row, "支出元の支出先ブロック名"),
                    "from_organisation": _true(row, "担当組織からの支出"),
                    "to": to, "to_name": _cell(row, "支出先の支出先ブロック名"),
                    "note": _cell(row, "資金の流れの補足情報")})

    # -- all
    def read(self) -> list[Record]:
        self._read_1_2()
        self._read_1_1()
        self._read_1_3()
        self._read_1_5()
        self._read_2_1()
        if "5-1" in self.sources:
            self._read_5_1()
        self._read_5_3(as_payees="5-1" not in self.sources)
        self._read_5_2()
        for t in self.tables.values():
            self.errors.extend((t.label, n, reason) for n, reason in t.bad_rows)
        files = {c: {"name": t.label, "sha256": t.sha256, "encoding": t.encoding, "rows": t.rows}
                 for c, t in sorted(self.tables.items())}
        digest = hashlib.sha256("".join(f"{c}:{f['sha256']}\n" for c, f in files.items()).encode()).hexdigest()
        out = []
        for rid in self.order:
            rec = self.recs[rid]
            rec.pop("_ranks", None)
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
    """根拠法令 written as free text in 法令名 ('総務省設置法第４条第１項第１９号'): helper D's parser when present."""
    try:
        from kg.normalize.law_ref import parse_legal_bases
    except ImportError:
        return None
    try:
        parsed = parse_legal_bases(text)
    except Exception:  # noqa: BLE001 - a parser failure keeps the text as printed
        return None
    return [dict(lb, law_id=None, law_number=None) for lb in parsed if lb.get("law")] or None


def iter_rs(path: str | Path) -> Iterator[Record]:
    """Review-sheet records (one per 予算事業ID) of an RS-system download: a folder of CSVs or zips, or one zip."""
    yield from RsReader(path)
