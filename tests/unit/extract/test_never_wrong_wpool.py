"""Never confidently wrong (issue 17), on the wrong-hunting pool (variants 1700–1789, 1860–1899): a 政策評価 block's
政策 read as the header's 主要政策・施策 cell; a budget table searched whole whose columns add up a year early; the 歳出予算目 table's 計 cut after its
comma; a current year's 計 added up without the 当初予算 the request column may hold; a law
cell's paragraph cut in two by lines, its title's head given to the 関係する計画 cell; a title
ending the law cell's text uncited, its rest beside the next label; an RS past number
with a year cell's wrapped text among its pieces; a year cell wrapped into a number cell's ministry. Excerpts as the tools wrote them; values as the variants' .xlsx
records hold them."""
from __future__ import annotations

from kg.extract.budget_breakdown import breakdown_totals
from kg.extract.review_pdf import _budget_table, _laws_plausible, _legal, _vocab_cells
from kg.extract.review_text import _paired_past
from kg.records import new_record


def _vocab(lines: list[str]) -> dict:
    rec = new_record("review_sheet", "x.txt")
    _vocab_cells(rec, lines, len(lines))
    return rec


def test_the_policy_blocks_policy_word_is_no_major_policy():
    # (pdftotext, rv1757 LO: the header's 主要政策・施策 cell is 「-」; the 政策評価 block's 政策 cell is 「防災」, a
    # paragraph of its own like a header cell)
    lines = ["主要政策・施策", "", "-", "", "主要経費", "", "社会保障", "", "事業終了(予定)年度", "", "平成30年度", "",
             "政策評価、新経済・財政再生計画 政策", "", "との関係", "", "62/1", "", "防災", "", "施策", "",
             "推進高度化の推進"]
    rec = _vocab(lines)
    assert rec["major_policy"] is None
    assert rec["major_expense"] == "社会保障"
    # the same word before the block is the header's cell
    rec = _vocab(lines[:4] + ["防災", ""] + lines[4:12])
    assert rec["major_policy"] == "防災"


def test_a_searched_budget_table_the_printed_rates_deny_is_not_kept():
    # (pdfminer, rv1881 LO: the 補正予算 row's blank cells leave the 前年度から繰越し row's figures in no told order;
    # the table searched whole kept 2017 as {当初 0, 繰越し 4,808, 計 4,808}, every column a year early and the
    # 4,961 / 4,827 / 4,318 column left out — each column adds up, but its 執行額 0 gives none of the printed rates)
    lines = ["予算額・執行額 (単位:百万円) 平成29年", "", "度", "", "平成30", "年度", "", "令和元", "年度", "", "令和2",
             "年度", "", "令和3年度要求", "", "予算の状況 当初予算 4,961", "", "4,808 5,563 2,445 1,907", "", "補正予算 0",
             "", "前年度か", "ら繰越し", "", "0", "", "0", "", "0", "", "0", "", "356", "", "0", "", "0", "", "\x0c翌年度へ",
             "繰越し", "", "▲134", "", "0", "", "0", "", "0", "", "予備費等 0", "", "0", "", "0", "", "0", "", "計", "",
             "4,827", "", "4,808 5,919 2,445 1,907", "", "執行額", "", "4,318", "", "3,435 4,399", "", "執行率(%)", "",
             "89%", "", "71%", "", "当初予算+補正予算に", "対する執行額の割合(%)", "", "87%", "", "71%", "", "74%", "",
             "79%", ""]
    rec = new_record("review_sheet", "x.txt")
    rec["sheet_fiscal_year"] = 2020
    _budget_table(rec, lines)
    by_year = {e["fiscal_year"]: e for e in rec["budget"]}
    assert by_year[2017]["initial"] == 4961 and by_year[2017]["total"] == 4827 and by_year[2017]["executed"] == 4318
    assert by_year[2018]["initial"] == 4808 and by_year[2018]["executed"] == 3435
    assert by_year[2019]["total"] == 5919 and by_year[2019]["supplementary"] is None  # (read two ways: unknown)
    assert by_year[2021]["requested"] == 1907


def test_a_breakdown_total_cut_after_its_comma_is_read_whole():
    # (pdfminer, rv1782 rl: the 計 row 「4,984」 then 「1,」 over 「975」 — the current year's 1,975 written after the
    # request's 4,984; the rows' columns add up to 1,975 and 4,984, so the 当初予算 is 1,975, not the 4,984 the
    # budget table's text order gives)
    lines = ["歳出予算目 平成", "30年", "度当", "初予", "算", "", "令和元年度", "要求", "", "主な増減理由", "", "諸謝金", "",
             "604", "", "173", "", "職員旅費 685", "", "1,898", "", "委員等旅費 151", "", "511", "", "情報処理業",
             "務庁費", "", "104", "", "304", "", "その他", "", "431", "", "2,098", "", "計", "", "4,984", "", "1,",
             "975", "", "活動内容 (", "アクティビ"]
    got = breakdown_totals(lines, 1)
    assert got is not None and got[:2] == (1975.0, 4984.0)
    # (no comma: no cut figure, the 計 row 「4,984」 「1」 「975」 adds up to neither column)
    assert breakdown_totals(lines[:-5] + ["1"] + lines[-4:], 1) is None


def test_a_current_years_total_without_its_told_initial_is_unknown():
    # (pdftotext, rv1898 LO: 「当初予算 -」 then 3, 3, 5 — four cells for four columns and the request's, so whether
    # the 5 is 2024's or the request's is not told; the 2024 計 7 is printed after the next table, and 2024's 計 was
    # read as 2, its 補正予算 alone)
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "", "令和3年度", "", "令和4年度", "",
             "令和5年度 令和6年度 令和7年度要求", "", "当初予算 -", "", "3", "", "3", "", "5", "", "補正予算 -", "", "0", "",
             "0", "", "2", "", "前年度か ら繰越し", "", "0", "", "0", "", "0", "", "翌年度へ 繰越し", "", "0", "", "▲2", "",
             "0", "", "予備費等 -", "", "0", "", "0", "", "0", "", "3", "", "-", "", "\x0c計", "", "-", "", "3", "", "1", "",
             "執行額", "", "-", "", "2", "", "1", "", "-", "", "67%", "", "100%", "",
             "当初予算+補正予算に対す る執行額の割合(%)", "", "67%", "", "33%", "", "執行率(%)", "", "令和6・7 歳出予算目",
             "年度 予算"]
    rec = new_record("review_sheet", "x.txt")
    rec["sheet_fiscal_year"] = 2024
    _budget_table(rec, lines)
    by_year = {e["fiscal_year"]: e for e in rec["budget"]}
    assert by_year[2022]["initial"] == 3 and by_year[2022]["total"] == 3
    assert by_year[2023]["carried_to_next"] == -2 and by_year[2023]["total"] == 1
    assert by_year[2024]["supplementary"] == 2
    assert by_year[2024]["total"] is None and by_year[2024]["initial"] is None


def test_a_law_cells_paragraph_is_not_cut_in_two_by_lines():
    # (pdfminer, rv1893 rl: the 根拠法令 cell a paragraph of its own after the 関係する計画 label; its first line was
    # read as the 関係する計画 cell's, the law read as 「全機構法」)
    lines = ["会計区", "分", "", "根拠法", "令 (具体", "的な条", "項も記", "載)", "", "一般会計", "", "関係する", "計画、通",
             "知等", "", "独立行政法人環境再生保", "全機構法第71条第2項第", "27号、第59条第1項第5", "号及び第79条 バイオマ",
             "ス活用推進基本法第81", "条及び第44条の19", "", "サイバーセキュリティ戦略(令和元年2月28日関係閣僚会議決定)",
             ""]
    rec = new_record("review_sheet", "x.txt")
    _legal(rec, lines)
    laws = {lb["law"]: lb["citations"] for lb in rec["legal_bases"]}
    assert list(laws) == ["独立行政法人環境再生保全機構法", "バイオマス活用推進基本法"]
    assert laws["独立行政法人環境再生保全機構法"][0] == {"article": "71", "paragraph": "2", "item": "27"}
    assert laws["バイオマス活用推進基本法"][1] == {"article": "44の19"}


def test_a_title_ending_the_law_cell_uncited_is_withheld():
    # (pdftotext, rv1895 rl: 総合法律支援法 cut by the 関係する計画 label, its rest 「支援法第28条…」 after it)
    lines = ["会計区分", "", "一般会計", "", "根拠法令 (具体的な条", "項も記載)", "",
             "地方公務員災害補償法第47条、第99条及び第51条第2項第20号 総合法律 関係する計画、通 支援法第28条及び第104条",
             "知等", "", "主要政策・施策", "", "-", ""]
    rec = new_record("review_sheet", "x.txt")
    _legal(rec, lines)
    _laws_plausible(rec)
    assert [lb["law"] for lb in rec["legal_bases"]] == ["地方公務員災害補償法"]
    assert rec["legal_bases"][0]["citations"][2] == {"article": "51", "paragraph": "2", "item": "20"}
    assert any(w["code"] == "legal_base_implausible" and "総合法律" in w["message"] for w in rec["warnings"])


def test_an_rs_number_with_a_year_cell_among_its_pieces_is_read_whole():
    # (pdftotext, rv1879 rl: 「2022」 over 「令和5年」 over 「外務 21 度」 over 「0376」 — the 令和5年度 cell wrapped into
    # the 2022-外務-21-0376 cell; read as the numbers 2022 and 0376)
    cells = ["令和3年度", "-", "令和4年度", "2022令和5年外務 21 度0376", "2023 外務 22 0151"]
    assert _paired_past(cells) == [{"fiscal_year": 2022, "number": "2022-外務-21-0376"},
                                   {"fiscal_year": 2023, "number": "2023-外務-22-0151"}]
    # (a cell holding other text besides is read as ever)
    assert {"number": "2022-外務-21-0376", "fiscal_year": 2022} not in _paired_past(
        ["令和4年度", "2022令和5年外務 21 度0376 他", "2023 外務 22 0151"])


def test_a_year_wrapped_into_a_ministrys_name_gives_no_year():
    # (pdftotext, rv1873 rl: 「厚生労働」 over 「省 - 0086」 with the 平成25年度 cell written between; 0086 is
    # 平成24年度's, read as 2013)
    cells = ["平成22年度", "厚生労働省 - 0187", "平成23年度", "厚生労働省- 0089", "平成24年度", "厚生労働 平成25年度省 - 0086",
             "0479"]
    got = _paired_past(cells)
    assert {"fiscal_year": 2011, "number": "0089"} in got
    assert {"number": "0086"} in got and all(x.get("fiscal_year") != 2013 for x in got)
