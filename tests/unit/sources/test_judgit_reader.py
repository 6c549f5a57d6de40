"""JUDGIT NDJSON reader: real sheets (2017 総務省 0048 = seed 002), number spellings, 法人番号 checks, bad lines."""
from __future__ import annotations

import gzip
import json

import pytest

from kg.read.base import ReadError
from kg.sources.judgit import JudgitReader, compose_number, iter_judgit
from tests.conftest import shared_path


def _judgit(year: int):
    return shared_path("data", "judgit", f"judgit-{year}.ndjson.gz")


@pytest.fixture(scope="module")
def soumu_2017():
    return {r["project_number"]: r for r in iter_judgit(_judgit(2017)) if r["ministry"] == "総務省"}


def test_2017_0048_payees_and_budget(soumu_2017):
    r = soumu_2017["0048"]
    assert r["project_name"] == "社会保障・税に関わる番号制度に関するシステム構築等に要する経費"
    assert (r["bureau"], r["division"]) == ("自治行政局", "住民制度課")
    assert r["responsible_officials"] == ["課長 阿部 知明"]
    assert (r["start_fiscal_year"], r["end_fiscal_year"]) == (2013, 2018)
    assert r["implementation_methods"] == ["直接実施", "委託・請負", "補助"]
    payees = {(p["block"], p["rank"]): p for p in r["payees"]}
    assert set(payees) == {("A", 1), ("B", 1), ("C", 1)}
    assert payees[("A", 1)]["corporate_number"] is None and payees[("A", 1)]["amount"] == 26818
    assert payees[("B", 1)]["corporate_number"] == "3010005022218" and payees[("B", 1)]["amount"] == 15
    assert payees[("C", 1)]["corporate_number"] == "7010701007922"
    budget = {b["fiscal_year"]: b for b in r["budget"]}
    assert budget[2014]["carried_to_next"] == -3180 and budget[2014]["total"] == 4755
    assert budget[2016]["executed"] == 26833
    assert "executed" not in budget[2017]  # the sheet year has no execution yet
    assert budget[2018] == {"fiscal_year": 2018, "requested": 22218}
    assert r["legal_bases"] == [] and r["policy_evaluation"] is None
    prov = r["provenance"]
    assert prov["format"] == "judgit" and prov["source"] == "judgit-2017.ndjson.gz" and len(prov["sha256"]) == 64
    assert prov["spans"]["payees[B|1]"] == [prov["line"], prov["line"]]
    assert r["extra"]["judgit_number"] == "0048" and r["extra"]["url"].endswith(".pdf")


def test_number_spellings_of_every_era():
    assert compose_number(None, "0048", None) == "0048"
    assert compose_number("新29", "0004", None) == "新29-0004"
    assert compose_number(None, "0036", "1") == "0036-1"  # sub-sheet, the base sheet 0036 also exists
    assert compose_number("2021", "総務", "20", "0095", None) == "2021-総務-20-0095"
    assert compose_number("2023", "こども", "新23", "0001", None) == "2023-こども-新23-0001"
    assert compose_number("2023", "デジ", "22", "0001", "1") == "2023-デジ-22-0001-1"
    assert compose_number(None, None, None) is None


def test_2021_record_number_matches_the_sheet():
    recs = [r for r in iter_judgit(_judgit(2021)) if r["project_number"] == "2021-総務-20-0095"]
    assert len(recs) == 1
    r = recs[0]
    assert r["division"] == "サイバーセキュリティ統括官(室)"  # NFKC like the gold records
    assert r["responsible_officials"] == ["参事官 海野 敦史", "参事官 高村 信"]
    assert r["major_policy"] == "IT戦略"
    b = {x["fiscal_year"]: x for x in r["budget"]}
    assert b[2018]["initial"] == 0  # JUDGIT's 0 where the sheet prints "-": kept as given
    assert b[2020]["executed"] == 97


def test_malformed_houjin_counted_by_kind():
    reader = JudgitReader(_judgit(2016))
    n = 0
    bad = []
    for r in reader:
        n += 1
        bad += [w for w in r["warnings"] if w["code"].startswith("houjin_")]
        for p in r["payees"]:
            if p.get("corporate_number_raw"):
                assert p["corporate_number"] is None
    assert n == reader.stats["sheets"] == 5218
    assert reader.stats["malformed_houjin"] == {"wrong_length": 279, "check_digit": 188, "non_digit": 3}
    assert len(bad) == 279 + 188 + 3
    assert reader.errors == []


def _write(path, lines):
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for x in lines:
            f.write((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n")


SHEET = {"ID": 1, "事業ID": 2, "url": None, "公開年度": 2019, "事業名": "テスト事業", "開始年度": 2010, "終了年度": None,
         "府省庁": "総務省", "事業番号1": None, "事業番号2": "0101", "事業番号3": None, "事業番号": "0101",
         "担当部局庁": "自治財政局\n自治税務局", "担当課室": "財務調査課", "作成責任者": "課長　山田　太郎", "会計区分": ["一般会計"],
         "実施方法": ["委託・請負"], "主要施策": [], "予算": [{"年度": 2017, "当初予算": 1.5, "予算計": 1.5, "執行額": 1.2}],
         "支出先": [{"年度": 2018, "グループ": "A", "番号": 1, "支出先名": "株式会社テスト", "法人番号": "501001008763",
                   "業務概要": "調査", "支出額": 1.2},
                  {"年度": 2018, "グループ": "A", "番号": 2, "支出先名": "〃", "法人番号": "〃", "業務概要": "調査",
                   "支出額": 0.3}],
         "関連する過去のレビューシート": [{"年度": 2018, "府省庁": "総務省", "事業番号1": "新30", "事業番号2": "0004",
                                   "事業番号3": None},
                                  {"年度": 2017, "府省庁": "-", "事業番号1": None, "事業番号2": None, "事業番号3": None}]}


def test_bad_lines_are_listed_and_skipped(tmp_path):
    p = tmp_path / "judgit-2019.ndjson.gz"
    _write(p, [SHEET, "{not json", "[1, 2]", "", {"公開年度": 2019}, dict(SHEET, 事業番号2="0102", 事業番号="0102")])
    reader = JudgitReader(p)
    recs = list(reader)
    assert [r["project_number"] for r in recs] == ["0101", "0102"]
    assert [line for line, _ in reader.errors] == [2, 3, 5]
    assert recs[1]["provenance"]["line"] == 6
    r = recs[0]
    assert r["bureau"] == "自治財政局\n自治税務局"
    assert r["past_project_numbers"] == [{"fiscal_year": 2018, "number": "新30-0004", "ministry": "総務省"}]
    codes = [w["code"] for w in r["warnings"]]
    assert codes.count("houjin_wrong_length") == 1 and codes.count("houjin_non_digit") == 1
    assert "past_number_unparsed" in codes
    assert r["payees"][0]["corporate_number_raw"] == "501001008763"
    assert reader.stats["malformed_houjin"] == {"wrong_length": 2, "check_digit": 0, "non_digit": 2}


def test_cut_off_file_raises_after_the_readable_sheets(tmp_path):
    full = tmp_path / "full.ndjson.gz"
    _write(full, [SHEET] * 200)
    data = full.read_bytes()
    cut = tmp_path / "cut.ndjson.gz"
    cut.write_bytes(data[: len(data) // 2])
    got = []
    with pytest.raises(ReadError, match="cut off or corrupt"):
        for r in iter_judgit(cut):
            got.append(r)
    assert len(got) < 200


def test_plain_ndjson(tmp_path):
    p = tmp_path / "x.ndjson"
    p.write_text(json.dumps(SHEET, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [r["project_name"] for r in iter_judgit(p)] == ["テスト事業"]


def test_amounts_written_in_yen_are_converted_and_flagged():
    from kg.sources.judgit import iter_judgit
    from tests.conftest import shared_path

    recs = [r for r in iter_judgit(shared_path("data", "judgit", "judgit-2021.ndjson.gz"))
            if r["ministry"] == "総務省" and r["project_number"] == "2021-総務-20-0068"]
    assert len(recs) == 1
    a1 = next(p for p in recs[0]["payees"] if (p["block"], p["rank"]) == ("A", 1))
    assert a1["amount"] == 86.9 and a1["amount_raw"] == 86_900_000
    assert sum(w["code"] == "amount_in_yen" for w in recs[0]["warnings"]) == 3


def test_unit_check_is_pure():
    from kg.normalize.units import budget_scale, unit_suspect

    scale = budget_scale([{"fiscal_year": 2020, "total": 608.0, "executed": 500}, {"fiscal_year": 2021, "total": None}])
    assert scale == 608.0
    assert unit_suspect(86_900_000, scale) == (86.9, "円")
    assert unit_suspect(600, scale) is None  # a plausible 百万円 amount stays
    assert unit_suspect(10**12, scale) is None  # not plausible in 円 either: kg.extract.checks withholds it
    # 100-2,000x the largest figure: 千円 fits (JUDGIT 2017 復興庁 0102: 27,909 of a 55 百万円 program)
    assert unit_suspect(27_909, 83.0) == (27.909, "千円")
    assert unit_suspect(696_600, 281.0) == (0.6966, "円")  # 696.6 as 千円 would be 2.5x the program
    assert unit_suspect(5, None) is None
