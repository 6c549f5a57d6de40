"""RS-system CSV reader on the 総務省 rows of the official 2024 download, plus zips, encodings, a 外局 and 5-1."""
from __future__ import annotations

import csv
import io
import shutil
import zipfile

import pytest

from kg.read.base import ReadError
from kg.sources.judgit import iter_judgit
from kg.sources.rs import RsReader, iter_rs
from tests.conftest import shared_path


def _rs_dir():
    return shared_path("data", "rs2024-soumu")


@pytest.fixture(scope="module")
def rs():
    return {r["extra"]["rs_id"]: r for r in iter_rs(_rs_dir())}


def _comparable(recs):
    out = []
    for r in recs:
        r = dict(r)
        prov = dict(r.pop("provenance"))
        r.pop("source")  # the folder or zip name
        out.append((r, prov["rows"], prov["spans"], {c: f["sha256"] for c, f in prov["files"].items()}))
    return out


def test_one_record_per_program(rs):
    assert len(rs) == 219
    r = rs["672"]
    assert r["project_number"] == "672" and r["sheet_fiscal_year"] == 2024
    assert "2023-総務-22-0007" in r["extra"]["old_number_text"]
    assert r["extra"]["category"] == "前年度事業"
    assert (r["ministry"], r["bureau"], r["division"]) == ("総務省", "自治行政局", "行政課")
    assert r["project_name"] == "地方議会の活性化に要する経費"
    assert r["accounts"] == ["一般会計"]
    lb = r["legal_bases"][0]
    assert (lb["law"], lb["law_id"], lb["law_number"]) == ("総務省設置法", "411AC0000000091", "平成十一年法律第九十一号")
    assert lb["citations"] == [{"article": "4", "paragraph": "1", "item": "16"}]
    assert r["policy_evaluation"] == {"policy": "II 地方行財政", "measure": "1 分権型社会にふさわしい地方行政体制整備等"}
    b = {x["fiscal_year"]: x for x in r["budget"]}
    assert b[2023]["executed"] == 4.443 and b[2021]["initial"] == 10.595  # 円 -> 百万円
    assert b[2025] == {"fiscal_year": 2025, "requested": 10.595}
    assert r["provenance"]["format"] == "rs" and r["provenance"]["span_files"]["budget[2023]"] == "2-1"


def test_several_major_expenses_are_joined(rs):
    assert rs["789"]["major_expense"] == "その他の事項経費、科学技術振興費"


def test_budget_agrees_with_judgit_2023():
    rs = {r["extra"]["rs_id"]: r for r in iter_rs(_rs_dir())}
    j = next(r for r in iter_judgit(shared_path("data", "judgit", "judgit-2023.ndjson.gz"))
             if r["ministry"] == "総務省" and r["project_number"] == "2023-総務-22-0011")
    assert j["project_name"] == rs["677"]["project_name"]
    rb = {b["fiscal_year"]: b for b in rs["677"]["budget"]}
    jb = {b["fiscal_year"]: b for b in j["budget"]}
    for f in ("initial", "supplementary", "carried_from_previous", "executed"):
        assert rb[2021][f] == pytest.approx(jb[2021][f]), f  # 413.301, 35.1, 0, 377.3
        assert abs(rb[2022][f] - jb[2022][f]) < 0.5, f  # the 2023 sheet rounds 390.9 to 391


def test_payees_from_5_3_without_5_1(rs):
    payees = rs["427"]["payees"]
    p = next(p for p in payees if p["corporate_number"] == "1010401050996")
    assert p["name"] == "株式会社電通東日本" and p["block"] == "A" and p["amount_basis"] == "5-3"
    assert p["amount"] >= 70  # 70,000,000 円 of one 費目 at least


def test_zip_inputs_give_the_same_records(tmp_path):
    src = _rs_dir()
    want = _comparable(iter_rs(src))
    per_file = tmp_path / "zips"
    per_file.mkdir()
    single = tmp_path / "all.zip"
    with zipfile.ZipFile(single, "w", zipfile.ZIP_DEFLATED) as all_zip:
        for f in sorted(src.glob("*.csv")):
            with zipfile.ZipFile(per_file / (f.stem + ".zip"), "w", zipfile.ZIP_DEFLATED) as z:
                z.write(f, f.name)
            all_zip.write(f, f.name)
    assert _comparable(iter_rs(per_file)) == want
    assert _comparable(iter_rs(single)) == want


def _copy(tmp_path):
    d = tmp_path / "rs"
    shutil.copytree(_rs_dir(), d)
    for f in d.iterdir():
        f.chmod(0o644)
    return d


def test_cp932_and_utf8_without_bom(tmp_path):
    d = _copy(tmp_path)
    f11 = next(d.glob("1-1_*.csv"))
    f11.write_bytes(f11.read_text(encoding="utf-8-sig").encode("cp932"))
    f21 = next(d.glob("2-1_*.csv"))
    f21.write_bytes(f21.read_text(encoding="utf-8-sig").encode("utf-8"))
    reader = RsReader(d)
    got = {r["extra"]["rs_id"]: r for r in reader}
    assert reader.tables["1-1"].encoding == "cp932" and reader.tables["2-1"].encoding == "utf-8"
    want = {r["extra"]["rs_id"]: r for r in iter_rs(_rs_dir())}
    for rid in ("672", "670", "427"):
        for key in ("ministry", "bureau", "division", "responsible_officials", "budget"):
            assert got[rid][key] == want[rid][key]


def test_missing_or_renamed_required_file(tmp_path):
    d = _copy(tmp_path)
    f12 = next(d.glob("1-2_*.csv"))
    f12.rename(d / "事業概要等.csv")
    with pytest.raises(ReadError) as e:
        list(iter_rs(d))
    msg = str(e.value)
    assert str(d) in msg and "1-2_RS_YYYY_基本情報_事業概要等.csv" in msg and "事業概要等.csv" in msg
    with pytest.raises(ReadError, match="no such file"):
        list(iter_rs(tmp_path / "nowhere"))


def _rewrite(path, change):
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    for row in rows[1:]:
        change(dict(zip(header, row, strict=True)), row, header)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8-sig")


def test_agency_named_as_its_own_ministry(tmp_path):
    d = _copy(tmp_path)

    def change(cells, row, header):
        if cells["予算事業ID"] == "672":
            row[header.index("府省庁")] = "国土交通省　観光庁"
            row[header.index("局・庁")] = ""
            row[header.index("課")] = "観光地域振興課"

    for f in (next(d.glob("1-1_*.csv")), next(d.glob("1-2_*.csv"))):
        _rewrite(f, change)
    r = next(r for r in iter_rs(d) if r["extra"]["rs_id"] == "672")
    assert (r["ministry"], r["bureau"], r["division"]) == ("国土交通省", "観光庁", "観光地域振興課")
    assert r["extra"]["rs_ministry"] == "国土交通省　観光庁"


HEADER_5_1 = ["シート種別", "事業年度", "予算事業ID", "事業名", "府省庁の建制順", "政策所管府省庁", "府省庁", "局・庁", "部", "課",
              "室", "班", "係", "支出先ブロック番号", "支出先ブロック名", "支出先の数", "事業を行う上での役割", "ブロックの合計支出額",
              "支出先名", "法人番号", "所在地", "法人種別", "その他支出先", "支出先の合計支出額", "契約概要", "金額", "契約方式等",
              "具体的な契約方式等", "入札者数", "落札率"]


def test_payees_from_5_1(tmp_path):
    d = _copy(tmp_path)
    base = ["レビューシート", "2024", "672", "地方議会の活性化に要する経費", "15", "総務省", "総務省", "自治行政局", "", "行政課",
            "", "", ""]
    rows = [
        base + ["A", "株式会社ウルフスタイル", "1", "シンポジウム運営", "4443000"] + [""] * 12,
        base + ["A", "", "", "", "", "株式会社ウルフスタイル", "1010001143390", "東京都", "株式会社", "FALSE", "4443000"]
        + [""] * 6,
        base + ["A", "", "", "", "", "株式会社ウルフスタイル", "1010001143390", "", "", "", "", "シンポジウムの企画運営",
                "4443000", "一般競争契約（最低価格）", "", "3", "87.5"],
        base + ["B", "", "", "", "", "廿日市交通株式会社", "123", "", "", "", "1000000"] + [""] * 6,
    ]
    with open(d / "5-1_RS_2024_支出先_支出情報.csv", "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows([HEADER_5_1, *rows])
    reader = RsReader(d)
    r = next(r for r in reader if r["extra"]["rs_id"] == "672")
    assert [(p["block"], p["rank"]) for p in r["payees"]] == [("A", 1), ("B", 1)]
    a, b = r["payees"]
    assert a["corporate_number"] == "1010001143390" and a["amount"] == 4.443
    assert a["contract_method"] == "一般競争契約(最低価格)" and a["bidders"] == 3 and a["award_rate"] == 87.5
    assert a["description"] == "シンポジウムの企画運営" and "amount_basis" not in a
    assert b["corporate_number"] is None and b["corporate_number_raw"] == "123" and b["amount"] == 1
    assert any(w["code"] == "houjin_wrong_length" for w in r["warnings"])
    assert r["extra"]["blocks"]["A"] == {"name": "株式会社ウルフスタイル", "payee_count": 1, "role": "シンポジウム運営",
                                         "amount": 4.443}
    assert reader.stats["malformed_houjin"]["wrong_length"] == 1
