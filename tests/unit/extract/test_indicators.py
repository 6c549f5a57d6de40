"""事業の目的/事業概要 and 成果指標/活動指標 of review sheets, 測定指標 values of a 事前分析表 (kg.extract.indicators),
on the seeds: values read by hand from seeds 000, 003 and 004."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.extract.dispatch import extract_path
from kg.extract.indicators import add_indicators
from kg.extract.review_excel import _grid
from kg.records import new_record
from tests.conftest import SEEDS


def seed(prefix: str):
    return extract_path(next(SEEDS.glob(f"{prefix}_*.txt")))


def values(ind: dict) -> set[tuple]:
    return {(v["fiscal_year"], v["measure"], v["value"], v.get("stage")) for v in ind["values"]}


def test_seed000_text_and_indicators():
    rec = seed("000")
    assert rec["purpose"].startswith("平成14年8月から本格稼働した住民基本台帳ネットワークシステムは")
    assert rec["summary"].startswith("住民基本台帳ネットワークシステムに係る情報セキュリティ対策を維持・向上させるため")
    by = {i["number"]: i for i in rec["indicators"]}
    assert set(by) == {"output-1", "output-2", "outcome-1"}
    out1 = by["output-1"]
    assert out1["name"] == "住民基本台帳制度関係事務担当者説明会(対面)参加都道府県数" and out1["unit"] == "県"
    assert values(out1) >= {(2019, "actual", 47, None), (2020, "actual", 6, None), (2022, "planned", 5, None)}
    assert not any(v["fiscal_year"] == 2021 and v["measure"] == "actual" for v in out1["values"])  # "-" is unknown
    oc = by["outcome-1"]
    assert oc["name"] == "セキュリティ自己点検の自己点検結果の平均点(満点=3点)" and oc["unit"] == "点数"
    assert values(oc) >= {(2021, "actual", 2.9, None), (2021, "target", 3, None), (2021, "achievement", 97, None),
                          (None, "target", 3, "final")}  # 目標最終年度 "- 年度": value kept, year unknown
    assert not [w for w in rec["warnings"] if w["code"].startswith("indicator")]
    assert rec["provenance"]["spans"]["indicators[outcome-1]"] == [41, 44]


def test_seed003_indicators():
    rec = seed("003")
    by = {i["number"]: i for i in rec["indicators"]}
    assert [i["number"] for i in rec["indicators"]] == ["outcome-1", "outcome-2", "outcome-3", "output-1",
                                                        "output-2", "output-3"]
    assert by["outcome-1"]["name"] == "二国間協議等を行った国・地域の数"
    assert values(by["outcome-1"]) == {(2020, "actual", 5, None), (2020, "target", 5, None),
                                       (2021, "target", 5, "midterm"), (2020, "achievement", 100, None)}
    assert by["outcome-3"]["unit"] == "一万件"
    assert values(by["outcome-3"]) >= {(2020, "actual", 181, None), (2020, "target", 178, None),
                                       (2021, "target", 187, "midterm")}
    assert by["outcome-2"]["name"].startswith("テレワーク実施企業のうち")
    assert values(by["outcome-2"]) == {(2021, "target", 45, "midterm")}
    # 活動指標 under a two-row header (3年度 | 活動実績 / 活動見込)
    assert by["output-1"]["name"].endswith("調査した国・地域・会議体の数") and by["output-1"]["unit"] == "件"
    assert values(by["output-1"]) == {(2020, "actual", 11, None), (2020, "planned", 10, None),
                                      (2021, "planned", 10, None)}
    assert "サイバーセキュリティ" in rec["purpose"] and rec["summary"].startswith("次の調査研究を行う。")


def test_seed004_measured_indicator_values():
    rec = seed("004")
    by = {i["number"]: i for i in rec["indicators"]}
    assert values(by["2"]) == {(2015, "baseline", 401595, None), (2018, "target", 534521, None)}
    assert by["2"]["unit"] == "千件" and by["2"]["target_fiscal_year"] == 2018
    assert {v["measure"]: v.get("qualifier") for v in by["2"]["values"]} == {"baseline": None, "target": "以上"}
    assert values(by["4"]) == {(2014, "baseline", 40.1, None), (2018, "target", 32, None)}
    assert by["4"]["values"][1]["qualifier"] == "以内" and by["4"]["unit"] == "時間"
    assert by["3"]["yearly_targets_text"] == "1,000人以上"  # which year it is for is not printed: text only
    assert "values" not in by["1"]  # no value cells found: nothing invented


def test_bad_value_is_a_warning_not_a_fact():
    lines = ["令和3年度行政事業レビューシート (総務省)",
             "成果目標及び成果実績 (アウトカム)\t定量的な成果目標\t成果指標\t単位\t令和元年度\t令和2年度",
             "\t目標\t指標\t成果実績\t件\t約5\t7"]
    rec = new_record("review_sheet", "x.txt")
    rec["sheet_fiscal_year"] = 2021
    add_indicators(rec, _grid(lines))
    assert values(rec["indicators"][0]) == {(2020, "actual", 7, None)}
    assert [w["code"] for w in rec["warnings"]] == ["indicator_bad_value"] and rec["warnings"][0]["line"] == 3


@pytest.mark.parametrize("prefix", ["000", "003", "004"])
def test_extract_json_carries_them(prefix):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    r = subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(path), "--json"], capture_output=True,
                       text=True, check=True)
    d = json.loads(r.stdout)
    assert d["indicators"]
    if prefix != "004":
        assert d["purpose"] and d["summary"]
