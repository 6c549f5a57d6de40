"""Excel-text review sheets: facts of seeds 000/001/003, and variants generated from them (shifted columns,
moved sections, renamed things, extra payee rows and blocks, HTML / markdown payee tables, bad values) to
show the extractor follows the form's labels, not the seeds' lines."""
from __future__ import annotations

import pytest

from kg.extract.review_excel import extract
from kg.normalize.houjin import check_digit
from kg.read.base import RawDoc
from tests.conftest import shared_path

S000, S001, S003 = "000_38c8df3bc6a1d4a3", "001_bd9263d41549200e", "003_dbf95f44c3587854"
PAYEE_HEADER = ("\t支出先\t法人番号\t業務概要\t支出額 (百万円)\t契約方式等\t入札者数 (応募者数)\t落札率\t"
                "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)")


def seed(name: str) -> list[str]:
    return shared_path("seeds", f"{name}.txt").read_text(encoding="utf-8").split("\n")


def run(lines: list[str], name: str = "variant.txt") -> dict:
    return extract(RawDoc(path=name, lines=list(lines)))


def idx(lines: list[str], prefix: str, start: int = 0) -> int:
    return next(i for i in range(start, len(lines)) if lines[i].lstrip("\t ").startswith(prefix))


def payee(rec: dict, block: str, rank: int) -> dict:
    return next(p for p in rec["payees"] if (p["block"], p["rank"]) == (block, rank))


def budget(rec: dict, year: int) -> dict:
    return next(b for b in rec["budget"] if b["fiscal_year"] == year)


def codes(rec: dict) -> list[str]:
    return [w["code"] for w in rec["warnings"]]


def houjin(base12: str) -> str:
    return f"{check_digit(base12)}{base12}"


@pytest.fixture(scope="module")
def r000():
    return run(seed(S000), f"{S000}.txt")


@pytest.fixture(scope="module")
def r003():
    return run(seed(S003), f"{S003}.txt")


# ------------------------------------------------------------------ seeds


def test_000_header_fields(r000):
    r = r000
    assert (r["sheet_fiscal_year"], r["ministry"], r["project_number"]) == (2022, "総務省", None)
    assert r["project_name"] == "住民基本台帳ネットワークシステムセキュリティ対策経費"
    assert (r["bureau"], r["division"]) == ("自治行政局", "住民制度課")
    assert r["responsible_officials"] == ["課長 寺田 雅一"]  # printed under its label, one row down
    assert (r["start_fiscal_year"], r["end_fiscal_year"]) == (2003, None)  # 平成15年度, 終了予定なし
    assert (r["major_policy"], r["major_expense"]) == (None, "社会保障")  # "-" is unknown
    assert r["policy_evaluation"] == {"policy": "IV. 電子自治体", "measure": "電子自治体の推進"}
    assert r["extra"]["legal_bases_text"].startswith("総務省設置法第4条第1項28号")
    assert r["warnings"] == []


def test_000_budget_and_payees(r000):
    r = r000
    assert budget(r, 2019) == {"fiscal_year": 2019, "initial": 4, "supplementary": 0, "carried_from_previous": 0,
                               "carried_to_next": 0, "reserve": 0, "total": 4, "executed": 2}
    assert budget(r, 2022)["executed"] is None  # blank, not 0
    assert budget(r, 2023) == {"fiscal_year": 2023, "requested": 3}
    assert [p["rank"] for p in r["payees"] if p["block"] == "B"] == list(range(1, 11))
    c1 = payee(r, "C", 1)
    assert (c1["corporate_number"], c1["amount"], c1["contract_method"]) == ("2010401075423", 0.2, "随意契約 (その他)")
    assert payee(r, "A", 7)["amount"] == 0  # printed 0 stays 0
    assert payee(r, "A", 1)["contract_method"] is None and payee(r, "A", 1)["award_rate"] is None
    assert r["past_project_numbers"][-1] == {"fiscal_year": 2021, "number": "2021-総務-20-0032"}
    assert {"fiscal_year": 2019, "number": "0037"} in r["past_project_numbers"]
    assert r["provenance"]["spans"]["payees[C|1]"] == [148, 148]


def test_001_era_relative_budget_and_truncation():
    r = run(seed(S001), f"{S001}.txt")
    assert [b["fiscal_year"] for b in r["budget"]] == [2017, 2018, 2019, 2020, 2021]  # 平成29, 30, 令和元, 2, 3要求
    assert budget(r, 2018)["initial"] == 47 and budget(r, 2018)["supplementary"] is None
    assert budget(r, 2021) == {"fiscal_year": 2021, "requested": 3209}  # "3,209"
    assert r["past_project_numbers"] == [{"fiscal_year": 2017, "number": "新29-0004"},
                                         {"fiscal_year": 2018, "number": "0048"},
                                         {"fiscal_year": 2019, "number": "0049"}]
    assert r["policy_evaluation"] == {"policy": "電子政府・電子自治体", "measure": "電子政府・電子自治体の推進"}
    assert r["related_plans"][2] == {"title": "サイバーセキュリティ2019", "date": "2019-05-23",
                                     "decided_by": "サイバーセキュリティ戦略本部決定"}
    assert r["payees"] == []
    assert "truncated" in codes(r) and "missing_section" in codes(r)


def test_003_facts(r003):
    r = r003
    assert r["project_number"] == "2021-総務-20-0095"
    assert r["responsible_officials"] == ["参事官 海野 敦史", "参事官 高村 信"]
    assert budget(r, 2018)["initial"] is None and budget(r, 2018)["total"] == 0
    assert r["related_projects"] == [
        {"ministry": "総務省", "number": "20-0094", "name": "テレワーク普及展開推進事業"},
        {"ministry": "金融庁", "number": None, "name": "金融分野におけるサイバーセキュリティ対策向上"}]
    assert r["past_project_numbers"] == [{"fiscal_year": 2020, "number": "新02-0013"},
                                         {"fiscal_year": 2020, "number": "0094"}]
    assert sorted({p["block"] for p in r["payees"]}) == list("ABCDEFGH")
    g6, h1 = payee(r, "G", 6), payee(r, "H", 1)
    assert (g6["name"], g6["amount"], g6["corporate_number"]) == ("(株)日本レジストリサービス", 0, "8010001072212")
    assert (h1["corporate_number"], h1["contract_method"]) == (None, "その他")
    d1 = payee(r, "D", 1)
    assert (d1["bidders"], d1["award_rate"]) == (2, 93.3)
    assert r["warnings"] == []


# ------------------------------------------------------------------ variants: layout moves


def comparable(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k not in ("provenance", "warnings", "source")}


@pytest.mark.parametrize("name", [S000, S003])
def test_shifted_columns_and_rows_give_the_same_record(name):
    lines = seed(name)
    shifted = ["", "別紙様式", "\t\t(単位:百万円)", ""] + ["\t" + x if x.strip() else x for x in lines]
    assert comparable(run(shifted)) == comparable(run(lines))


def test_past_numbers_section_moved_to_the_end(r000):
    lines = seed(S000)
    a = idx(lines, "関連する過去のレビューシートの事業番号")
    b = idx(lines, "※", a)
    moved = lines[:a] + lines[b:] + [""] + lines[a:b]
    r = run(moved)
    assert r["past_project_numbers"] == r000["past_project_numbers"]
    assert r["payees"] == r000["payees"]


def test_renamed_program_and_payees():
    lines = [x.replace("住民基本台帳ネットワークシステムセキュリティ対策経費", "架空統計調査の実施経費")
             .replace("UQコミュニケーションズ株式会社", "株式会社さくら商事")
             .replace("寺田 雅一", "佐藤 花子") for x in seed(S000)]
    r = run(lines)
    assert r["project_name"] == "架空統計調査の実施経費"
    assert payee(r, "C", 1)["name"] == "株式会社さくら商事"
    assert r["responsible_officials"] == ["課長 佐藤 花子"]


def test_officials_beside_label_and_combined_year_cell():
    lines = seed(S000)
    i = idx(lines, "事業名")
    lines[i] = "事業名\t別の事業\t\t\t担当部局庁\t大臣官房\t\t作成責任者\t課長 山田 太郎\t"
    j = idx(lines, "事業開始年度")
    lines[j] = "事業開始・終了(予定)年度\t平成25年度 ～ 平成30年度\t\t\t担当課室\t会計課\t\t\t\t"
    r = run(lines)
    assert (r["project_name"], r["bureau"], r["division"]) == ("別の事業", "大臣官房", "会計課")
    assert r["responsible_officials"] == ["課長 山田 太郎"]
    assert (r["start_fiscal_year"], r["end_fiscal_year"]) == (2013, 2018)


def test_other_years_in_budget_header():
    lines = seed(S000)
    i = idx(lines, "予算額・執行額")
    lines[i] = "予算額・執行額 (単位:百万円)\t\t\t平成30年度\t令和元年度\t2年度\t3年度\t4年度要求\t\t"
    r = run(lines)
    assert [b["fiscal_year"] for b in r["budget"]] == [2018, 2019, 2020, 2021, 2022]
    assert budget(r, 2022) == {"fiscal_year": 2022, "requested": 3}


# ------------------------------------------------------------------ variants: payee lists


def test_eleventh_payee_row_and_block_k():
    lines = seed(S000)
    b10 = idx(lines, "10\t職員旅費(職員J)")
    lines.insert(b10 + 1, "11\t職員旅費(職員K)\t-\t視察(旅費の支払)\t0.05\t\t-\t--\t")
    hk = houjin("010001234567")
    c3 = idx(lines, "3\t株式会社柏屋本店")
    lines[c3 + 1: c3 + 1] = ["", "K", "", PAYEE_HEADER,
                             f"1\t株式会社ケイ商会\t{hk}\tシステム保守\t1,234\t一般競争契約 (最低価格)\t3\t87.5%\t-",
                             f"2\t合同会社エル\t{houjin('020001234567')}\t印刷\t▲ 2\t随意契約 (少額)\t-\t-\t-"]
    r = run(lines)
    assert payee(r, "B", 11)["name"] == "職員旅費(職員K)"
    assert "payee_rank_over_10" in codes(r)
    k1 = payee(r, "K", 1)
    assert (k1["corporate_number"], k1["amount"], k1["bidders"], k1["award_rate"]) == (hk, 1234, 3, 87.5)
    assert payee(r, "K", 2)["amount"] == -2
    assert len([p for p in r["payees"] if p["block"] == "C"]) == 3  # block C still ends at its own last row


def test_invalid_corporate_number_is_flagged_and_kept():
    lines = [x.replace("2010401075423", "2010401075424") for x in seed(S000)]
    r = run(lines)
    c1 = payee(r, "C", 1)
    assert c1["corporate_number"] is None and c1["corporate_number_raw"] == "2010401075424"
    w = next(w for w in r["warnings"] if w["code"] == "invalid_corporate_number")
    assert w["field"] == "payees[C|1].corporate_number" and w["line"] == 148


def _block_c(lines: list[str]) -> tuple[int, int]:
    a = idx(lines, "支出先\t法人番号", idx(lines, "C", idx(lines, "支出先上位10者リスト")))
    b = idx(lines, "3\t株式会社柏屋本店", a)
    return a, b


def test_payee_block_as_html_table(r000):
    lines = seed(S000)
    a, b = _block_c(lines)
    rows = [x.split("\t") for x in lines[a: b + 1]]
    head = "<tr>" + "".join(f"<th>{c}</th>" for c in rows[0]) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows[1:])
    lines[a: b + 1] = [f'<table border="1"> <thead> {head} </thead> <tbody> {body} </tbody> </table>']
    r = run(lines)
    assert [p for p in r["payees"] if p["block"] == "C"] == [p for p in r000["payees"] if p["block"] == "C"]


def test_payee_block_as_markdown_table(r000):
    lines = seed(S000)
    a, b = _block_c(lines)
    rows = [x.split("\t") for x in lines[a: b + 1]]
    md = ["| " + " | ".join(r) + " |" for r in rows]
    md.insert(1, "|" + "---|" * len(rows[0]))
    lines[a: b + 1] = md
    r = run(lines)
    assert [p for p in r["payees"] if p["block"] == "C"] == [p for p in r000["payees"] if p["block"] == "C"]


def test_missing_payee_section_is_reported():
    lines = seed(S003)
    a = idx(lines, "### 支出先上位10者リスト")
    r = run(lines[:a])
    assert r["payees"] == []
    assert {"truncated", "missing_section"} <= set(codes(r))


# ------------------------------------------------------------------ variants: bad values


def test_budget_total_mismatch_and_minus():
    lines = seed(S000)
    i = idx(lines, "翌年度へ繰越し")
    cells = lines[i].split("\t")
    cells[3] = "▲ 1"
    lines[i] = "\t".join(cells)
    j = idx(lines, "計\t", i)
    cells = lines[j].split("\t")
    cells[3] = "3"  # 令和元年度: 4 - 1 = 3, consistent
    cells[4] = "9"  # 令和2年度 計 printed 9, parts add up to 4
    lines[j] = "\t".join(cells)
    r = run(lines)
    assert budget(r, 2019)["carried_to_next"] == -1
    mism = [w for w in r["warnings"] if w["code"] == "budget_total_mismatch"]
    assert [w["field"] for w in mism] == ["budget[2020].total"]


def test_malformed_amount_is_flagged_not_coerced():
    lines = [x.replace("1\tUQコミュニケーションズ株式会社\t2010401075423\tモバイルWi-Fi機器の使用料\t0.2",
                       "1\tUQコミュニケーションズ株式会社\t2010401075423\tモバイルWi-Fi機器の使用料\t約0.2")
             for x in seed(S000)]
    r = run(lines)
    assert payee(r, "C", 1)["amount"] is None
    assert any(w["code"] == "bad_number" and w["field"] == "payees[C|1].amount" for w in r["warnings"])


def test_budget_header_without_era_takes_the_sheet_era():
    lines = seed(S000)
    i = idx(lines, "予算額・執行額")
    lines[i] = "予算額・執行額 (単位:百万円)\t\t\t30年度\t元年度\t2年度\t3年度\t4年度要求\t\t"
    r = run(lines)  # sheet of 令和4年度: 30 -> 平成30, 元 -> 令和元
    assert [b["fiscal_year"] for b in r["budget"]] == [2018, 2019, 2020, 2021, 2022]


def test_past_numbers_as_horizontal_table():
    lines = seed(S000)
    a = idx(lines, "関連する過去のレビューシートの事業番号")
    b = idx(lines, "※", a)
    lines[a + 1: b] = ["平成29年度\t平成30年度\t令和元年度\t令和2年度", "0101\t0102\t\t総務省 0104", ""]
    r = run(lines)
    assert r["past_project_numbers"] == [{"fiscal_year": 2017, "number": "0101"},
                                         {"fiscal_year": 2018, "number": "0102"},
                                         {"fiscal_year": 2020, "number": "0104"}]


def test_legal_bases_text_over_several_cells():
    lines = seed(S000)
    i = idx(lines, "根拠法令")
    cells = lines[i].split("\t")
    cells[1:3] = ["総務省設置法第4条第1項28号", "住民基本台帳法第30条の24から第30条の40まで及び第31条"]
    lines[i] = "\t".join(cells)
    r = run(lines)
    assert r["extra"]["legal_bases_text"] == ("総務省設置法第4条第1項28号 "
                                              "住民基本台帳法第30条の24から第30条の40まで及び第31条")
    assert r["related_plans"][0]["title"].startswith("電気通信回線を通じた送信")


# ------------------------------------------------------------------ shared field parsers (kg.extract.fields)


def test_fields_plans_dates_and_bullets():
    from kg.extract.fields import parse_plans

    assert parse_plans("・社会保障・税一体改革大綱（平成２４年２月閣議決定）\n・社会保障・税番号大綱（平成２３年６月政府・与党社会保障\n"
                       "改革検討本部決定）") == [
        {"title": "社会保障・税一体改革大綱", "date": "2012-02", "decided_by": "閣議決定"},
        {"title": "社会保障・税番号大綱", "date": "2011-06", "decided_by": "政府・与党社会保障改革検討本部決定"}]
    assert parse_plans("デジタル・ガバメント実行計画(令和元年12月20日閣議決定) 計画B(2021年9月28日)") == [
        {"title": "デジタル・ガバメント実行計画", "date": "2019-12-20", "decided_by": "閣議決定"},
        {"title": "計画B", "date": "2021-09-28"}]
    assert parse_plans("-") == [] and parse_plans("告示(平成14年総務省告示第334号)") == [
        {"title": "告示(平成14年総務省告示第334号)"}]


@pytest.mark.parametrize("text,sheet_year,want", [
    ("令和3年度", None, (2021, None)), ("令和元年度", None, (2019, None)), ("昭和35年度", None, (1960, None)),
    ("終了予定なし", None, (None, None)), ("-", None, (None, None)), ("26年度", 2017, (2014, None)),
])
def test_fields_fiscal_year_cell(text, sheet_year, want):
    from kg.extract.fields import parse_fiscal_year_cell

    assert tuple(parse_fiscal_year_cell(text, sheet_year)) == want


def test_fields_bad_fiscal_year_is_an_error():
    from kg.extract.fields import parse_fiscal_year_cell

    y = parse_fiscal_year_cell("未記入です")
    assert y.year is None and "未記入です" in y.error


def test_fields_award_rate_and_bidders():
    from kg.extract.fields import award_rate_cell, bidders_cell
    from kg.records import new_record

    rec = new_record("review_sheet", "x.txt")
    assert award_rate_cell(rec, "83.3%", "f") == 83.3 and award_rate_cell(rec, "0.912", "f") == 91.2
    assert award_rate_cell(rec, "--", "f") is None and bidders_cell(rec, "2(3)", "f") == 2
    assert bidders_cell(rec, "多数", "f") is None and [w["code"] for w in rec["warnings"]] == ["bad_number"]


def test_value_inside_the_label_cell():
    lines = seed(S000)
    i = idx(lines, "事業名")
    lines[i] = "事業名：別の事業\t\t\t\t担当部局庁\t\t\t作成責任者\t\t"
    r = run(lines)
    assert r["project_name"] == "別の事業"
    assert r["bureau"] is None  # blank, not the 庁 of its label
    assert any(w["code"] == "missing_value" and w["field"] == "bureau" for w in r["warnings"])
