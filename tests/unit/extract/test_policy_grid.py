"""kg.extract.policy_grid: a 事前分析表 cell grid (TAB lines, as an .xlsx or a ruled PDF gives) -> record."""
from __future__ import annotations

from kg.extract.policy_grid import extract, is_grid
from kg.read.base import RawDoc

GRID = [
    "主要な政策に係る政策評価の事前分析表 (総務省29-⑧)",
    "(平成29年度実施政策)",
    "政策名\t政策8:電子政府・電子自治体の推進",
    "達成すべき目標\t電子政府の推進を図ること",
    "\t地方公共団体の情報化を推進すること",
    "測定指標\t\t基準値\t基準年度\t目標値\t目標年度",
    "1\t電子申請の件数 ＜アウトカム指標＞\t401,595千件\t27年度\t534,521千件以上\t30年度",
    "②\t研修の定員\t1,000人\t28年度\t1,200人以上\t30年度",
    "達成手段\n(開始年度)\t予算額計(執行額)\t\t平成29年度当初予算額\t関連する指標\t平成29年行政事業レビュー事業番号",
    "\t27年度\t28年度",
    "(1) 情報システム高度化等推進事業 (平成16年度)\t214\n(159)\t213 (181)\t357\t1、2\t0031",
    "(2) 自治体情報セキュリティ強化対策事業 (平成29年度)\t-\t-\t336\t-\t新29-0004",
    "政策に関係する内閣の重要政策\t-",
]


def doc(lines):
    return RawDoc(path="grid.xlsx", lines=lines, encoding="xlsx", fmt="xlsx", sha256="0" * 64)


def test_grid_of_the_form_gives_its_record():
    assert is_grid(GRID)
    rec = extract(doc(GRID))
    assert (rec["ministry"], rec["evaluation_fiscal_year"]) == ("総務省", 2017)
    assert rec["policy"] == {"number": "8", "name": "電子政府・電子自治体の推進"}
    assert rec["goals"] == ["電子政府の推進を図ること", "地方公共団体の情報化を推進すること"]
    assert [(i["number"], i["name"]) for i in rec["indicators"]] == [("1", "電子申請の件数"), ("2", "研修の定員")]
    base = {v["measure"]: (v["fiscal_year"], v["value"]) for v in rec["indicators"][0]["values"]}
    assert base == {"baseline": (2015, 401595), "target": (2018, 534521)}
    assert rec["means"] == [
        {"index": 1, "name": "情報システム高度化等推進事業", "start_fiscal_year": 2004,
         "budget": [{"fiscal_year": 2015, "amount": 214, "executed": 159},
                    {"fiscal_year": 2016, "amount": 213, "executed": 181}, {"fiscal_year": 2017, "amount": 357}],
         "indicators": ["1", "2"], "review_project_number": "0031"},
        {"index": 2, "name": "自治体情報セキュリティ強化対策事業", "start_fiscal_year": 2017,
         "budget": [{"fiscal_year": 2015, "amount": None}, {"fiscal_year": 2016, "amount": None},
                    {"fiscal_year": 2017, "amount": 336}],
         "indicators": [], "review_project_number": "新29-0004"}]
    assert rec["warnings"] == []


def test_an_amount_cell_that_is_no_amount_is_a_warning_not_a_value():
    lines = [x.replace("213 (181)", "二百十三") for x in GRID]
    rec = extract(doc(lines))
    assert rec["means"][0]["budget"][1] == {"fiscal_year": 2016, "amount": None}
    assert [w["code"] for w in rec["warnings"]] == ["means_amount_unread"]


def test_a_grid_without_the_means_table_is_left_to_the_text_reader():
    assert not is_grid([x for x in GRID if not x.startswith("達成手段")])
