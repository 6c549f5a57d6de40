"""Issue 17, never confidently wrong, nationally: JUDGIT and RS records go through kg.extract.checks.check_amounts
(totals="finding"). Impossible amounts are withheld with a warning naming field and line; a 計 that is not the
sum of its parts stays (official data as published; kg.link.findings reports it). Small rows written here, plus
the real rows they stand for."""
from __future__ import annotations

import csv
import gzip
import json
import shutil

import pytest

from kg.emit.rankings import ranking_lines
from kg.sources.judgit import JudgitReader, iter_judgit
from kg.sources.rs import RsReader
from tests.conftest import shared_path

SAPPORO = "7000020010006"  # 札幌市: a check-digit-valid 法人番号 (a 地方公共団体's)


def _sheet(payees: list[tuple[str, str, float]], budget: list[dict] | None = None, **kw) -> dict:
    d = {"ID": 1, "事業ID": 2, "url": None, "公開年度": 2019, "事業名": "検査事業", "開始年度": 2010, "終了年度": None,
         "府省庁": "総務省", "事業番号1": None, "事業番号2": "0101", "事業番号3": None, "事業番号": "0101",
         "担当部局庁": "自治行政局", "担当課室": "行政課", "作成責任者": "課長 山田 太郎", "会計区分": ["一般会計"],
         "実施方法": ["委託・請負"], "主要施策": [],
         "予算": budget or [{"年度": 2018, "当初予算": 100, "補正予算": 0, "前年度から繰越し": 0, "翌年度へ繰越し": 0,
                            "予備費等": 0, "予算計": 100, "執行額": 90}],
         "支出先": [{"年度": 2018, "グループ": "A", "番号": i, "支出先名": name, "法人番号": number, "業務概要": "調査",
                    "支出額": amount} for i, (name, number, amount) in enumerate(payees, 1)]}
    d.update(kw)
    return d


def _read(tmp_path, *sheets):
    p = tmp_path / "judgit-2019.ndjson.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        for s in sheets:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    return list(JudgitReader(p))


def _held(rec, field):
    return next(h for h in rec["extra"].get("withheld", []) if h["field"] == field)


def test_judgit_payee_amount_that_is_a_houjin_number_is_withheld(tmp_path):
    (rec,) = _read(tmp_path, _sheet([("札幌市", SAPPORO, 7000020010006), ("株式会社ウルフスタイル", "1010001143390", 40)]))
    a1, a2 = rec["payees"]
    assert a1["amount"] is None and "amount_raw" not in a1  # not "converted from 円" either
    assert a2["amount"] == 40
    held = _held(rec, "payees[A|1].amount")
    assert held["value"] == 7000020010006 and held["line"] == 1 and "法人番号" in held["reason"]
    w = next(w for w in rec["warnings"] if w["code"] == "implausible_amount")
    assert w["field"] == "payees[A|1].amount" and w["line"] == 1
    lines = ranking_lines([rec], "https://example.org/kg/")
    assert not any("7000020010006" in x for x in lines) and any("40" in x for x in lines)


def test_judgit_payee_amount_above_everything_the_program_had_is_withheld(tmp_path):
    (rec,) = _read(tmp_path, _sheet([("株式会社ウルフスタイル", "1010001143390", 5000)]))  # the program: 100 百万円
    assert rec["payees"][0]["amount"] is None
    w = next(w for w in rec["warnings"] if w["code"] == "payee_amount_above_budget")
    assert "5,000" in w["message"] and "100" in w["message"] and w["field"] == "payees[A|1].amount"


def test_judgit_payee_amount_equal_to_its_own_houjin_number_is_withheld(tmp_path):
    big = [{"年度": 2018, "当初予算": 3_000_000_000, "予算計": 3_000_000_000, "執行額": 2_900_000_000}]  # a 13-digit 円-sized budget
    (rec,) = _read(tmp_path, _sheet([("株式会社ウルフスタイル", "1010001143390", 1010001.14339)], budget=big))
    assert rec["payees"][0]["amount"] is None
    assert "own 法人番号" in _held(rec, "payees[A|1].amount")["reason"]


def test_judgit_zero_budget_is_unknown_not_a_ceiling(tmp_path):
    zero = [{"年度": 2018, "当初予算": 0, "予算計": 0, "執行額": 0}]  # JUDGIT writes 0 where the sheet printed "-"
    (rec,) = _read(tmp_path, _sheet([("株式会社ウルフスタイル", "1010001143390", 13)], budget=zero))
    assert rec["payees"][0]["amount"] == 13 and "withheld" not in rec["extra"]


def test_judgit_total_not_the_sum_of_its_parts_stays_as_published(tmp_path):
    # JUDGIT 2015/2016: 翌年度へ繰越し given as 0 where the sheet printed one; 計 is what the sheet printed
    b = [{"年度": 2014, "当初予算": 100, "補正予算": 0, "前年度から繰越し": 20, "翌年度へ繰越し": 0, "予備費等": 0,
          "予算計": 105, "執行額": 100}]
    (rec,) = _read(tmp_path, _sheet([("株式会社ウルフスタイル", "1010001143390", 60)], budget=b))
    assert rec["budget"][0]["total"] == 105 and rec["payees"][0]["amount"] == 60
    assert not rec["warnings"] and "withheld" not in rec["extra"]


def test_judgit_amounts_in_thousand_yen(tmp_path):
    (rec,) = _read(tmp_path, _sheet([("株式会社ウルフスタイル", "1010001143390", 27_909), ("株式会社テスト", None, 40_000_000)]))
    a1, a2 = rec["payees"]
    assert (a1["amount"], a1["amount_raw"], a1["amount_unit"]) == (27.909, 27_909, "千円")
    assert (a2["amount"], a2["amount_raw"], a2["amount_unit"]) == (40, 40_000_000, "円")
    codes = [w["code"] for w in rec["warnings"]]
    assert codes.count("amount_in_thousand_yen") == 1 and codes.count("amount_in_yen") == 1


def test_judgit_2017_reconstruction_agency_payees_are_in_thousand_yen():
    """JUDGIT 2017 復興庁 0102 lists its three payees in 千円: read as 円 they were 0.05 百万円 of a program that
    executed 55; read as 千円 they add up to the execution."""
    rec = next(r for r in iter_judgit(shared_path("data", "judgit", "judgit-2017.ndjson.gz"))
               if r["ministry"] == "復興庁" and r["project_number"] == "0102")
    amounts = sorted(p["amount"] for p in rec["payees"])
    assert amounts == [9.079, 17.824, 27.909] and {p["amount_unit"] for p in rec["payees"]} == {"千円"}
    assert abs(sum(amounts) - {b["fiscal_year"]: b for b in rec["budget"]}[2016]["executed"]) < 1


# ------------------------------------------------------------------ RS

HEADER_5_1 = ["シート種別", "事業年度", "予算事業ID", "事業名", "府省庁の建制順", "政策所管府省庁", "府省庁", "局・庁", "部", "課",
              "室", "班", "係", "支出先ブロック番号", "支出先ブロック名", "支出先の数", "事業を行う上での役割", "ブロックの合計支出額",
              "支出先名", "法人番号", "所在地", "法人種別", "その他支出先", "支出先の合計支出額", "契約概要", "金額", "契約方式等",
              "具体的な契約方式等", "入札者数", "落札率"]


@pytest.fixture(scope="module")
def rs_672(tmp_path_factory):
    """The 総務省 rows of the RS 2024 download with a 5-1 file for program 672 (largest figure 10.595 百万円)."""
    d = tmp_path_factory.mktemp("rs") / "rs"
    shutil.copytree(shared_path("data", "rs2024-soumu"), d)
    for f in d.iterdir():
        f.chmod(0o644)
    base = ["レビューシート", "2024", "672", "地方議会の活性化に要する経費", "15", "総務省", "総務省", "自治行政局", "", "行政課",
            "", "", ""]
    rows = [
        base + ["A", "株式会社ウルフスタイル", "2", "シンポジウム運営", "10000000000000000"] + [""] * 12,  # 10^10 百万円
        # the payee's 法人番号 in its 円 amount column (a 13-digit 円 amount is 1-10 兆円: not impossible by size)
        base + ["A", "", "", "", "", "株式会社ウルフスタイル", "1010001143390", "東京都", "株式会社", "FALSE", "1010001143390"]
        + [""] * 6,
        base + ["A", "", "", "", "", "札幌市", SAPPORO, "北海道", "地方公共団体", "FALSE", "50000000000"] + [""] * 6,  # 50,000 百万円
        base + ["A", "", "", "", "", "廿日市交通株式会社", "", "", "", "FALSE", "4443000"] + [""] * 6,
    ]
    with open(d / "5-1_RS_2024_支出先_支出情報.csv", "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows([HEADER_5_1, *rows])
    reader = RsReader(d)
    recs = reader.read()
    return next(r for r in recs if r["extra"]["rs_id"] == "672"), recs


def test_rs_payee_amount_that_is_its_own_houjin_number_is_withheld(rs_672):
    rec, _ = rs_672
    p = {x["name"]: x for x in rec["payees"]}
    assert p["株式会社ウルフスタイル"]["amount"] is None
    held = _held(rec, "payees[A|1].amount")
    assert "own 法人番号 1010001143390" in held["reason"] and held["line"] == 2  # data row 2 of the 5-1 file
    assert p["廿日市交通株式会社"]["amount"] == 4.443


def test_rs_payee_amount_above_the_program_is_withheld(rs_672):
    rec, _ = rs_672
    p = {x["name"]: x for x in rec["payees"]}
    assert p["札幌市"]["amount"] is None
    w = next(w for w in rec["warnings"] if w["code"] == "payee_amount_above_budget")
    assert "50,000" in w["message"] and "10.595" in w["message"]


def test_rs_block_total_above_the_limit_is_withheld_once(rs_672):
    rec, _ = rs_672
    assert rec["extra"]["blocks"]["A"]["amount"] is None
    assert next(b for b in rec["blocks"] if b["code"] == "A")["amount"] is None
    assert [h["field"] for h in rec["extra"]["withheld"]].count("blocks[A].amount") == 1
    assert [w["field"] for w in rec["warnings"]].count("blocks[A].amount") == 1


def test_rs_totals_stay_as_published(rs_672):
    """The RS 計 is the 歳出予算現額 (翌年度への繰越し not subtracted): never withheld for not adding up."""
    _, recs = rs_672
    totals = [b for r in recs for b in r["budget"] if b.get("total") is not None]
    assert len(totals) > 500
    assert not any(w["code"] == "budget_total_withheld" for r in recs for w in r["warnings"])
    assert sum(1 for r in recs for h in r["extra"].get("withheld", [])) == 3  # only the three rows written above
