"""Answers kept for a document or cached (the twentieth speed session): the same facts as computed afresh.
Excerpts of real-form variants as pdfminer.six wrote them (tests/unit/extract/test_budget_boxes_search.py)."""
from __future__ import annotations

import gc

from kg.extract import doc_memo
from kg.extract.budget_boxes import _UNKNOWN, solve, table
from kg.normalize import numbers
from kg.normalize.numbers import parse_number

# variant 15's 予算額・執行額 table (LibreOffice print, pdfminer.six text, blank lines left out)
RV015 = ["予算額・執行額 (単位:百万円)", "令和3年度 令和4年度", "令和5年度", "令和6年度", "令和7年度要求", "予算の状況",
         "当初予算", "40", "53", "21", "22", "37", "\x0c-", "1", "-", "-", "23", "37", "補正予算", "-",
         "前年度から繰越し -", "-", "11", "-", "6", "翌年度へ繰越し", "予備費等", "計", "執行額", "執行率(%)",
         "当初予算+補正予算に対する", "執行額の割合(%)", "85%", "85%", "-", "-", "40", "34", "69%", "62%", "▲ 16",
         "▲ 10", "-", "17", "15", "-", "48", "33", "88%", "71%", "歳出予算目"]


def test_parse_number_cached_gives_the_parse():
    numbers._parsed.cache_clear()
    for _ in range(2):  # (the second time from the cache)
        assert parse_number("3,209") == (3209.0, None)
        assert parse_number("▲ 3,180").value == -3180.0
        assert parse_number("-") == (None, None)
        assert parse_number("83.3%", percent=True).value == 83.3
        assert parse_number("83.3%").value is None and "percent" in parse_number("83.3%").error
        assert parse_number("1,2,3").error == "not a number: '1,2,3'"
    assert parse_number(None) == (None, None)
    long = "1" * 70  # (past the cached length: parsed as before)
    assert parse_number(long).value == float(long)


def test_the_table_asked_again_for_the_document_is_the_same():
    doc_memo.clear_all()
    first = table(RV015, 1, 5, 2021)
    cs, rates = first
    assert [c.value for c in cs[:5]] == [40, 53, 21, 22, 37]  # the 当初予算 row, left to right
    assert [c.col for c in cs[:5]] == [0, 1, 2, 3, 4]
    assert rates == [85.0, 85.0, 69.0, 62.0, 88.0, 71.0]
    cs.append(cs[0])  # (a caller's list: the kept table is not changed by it)
    rates.clear()
    again = table(RV015, 1, 5)  # (budget_strips' ask: no header placing)
    assert [c.value for c in again[0][:5]] == [40, 53, 21, 22, 37] and len(again[0]) == len(cs) - 1
    assert again[1] == [85.0, 85.0, 69.0, 62.0, 88.0, 71.0]
    assert table(list(RV015), 1, 5, 2021) == table(RV015, 1, 5, 2021)  # (another list: read afresh, the same)


# reportlab sheet 21 (tests/unit/extract/test_budget_text.py): the request is printed nowhere near the table
HEAD21 = ["予算額・執行額 (単位:百万円)", "令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和6年度要求",
          "当初予算", "補正予算", "前年度から繰越し", "翌年度へ繰越し", "予備費等", "計", "執行額"]
FIGURES21 = "5|0|0|0|0|5|4|9|0|0|0|0|9|9|4|0|2|▲2|0|4|4|4|0|0|0|0|4"


def _lines21(header: str) -> list[str]:
    lines = []
    for t in [*HEAD21, *FIGURES21.split("|"), "事業番号", "0193", "支出先上位10者リスト", header, "1", "2"]:
        lines += [t, ""]
    return lines


def test_the_table_ends_at_the_payee_header_found_in_the_joined_lines():
    from kg.extract.budget_text import _payee_header_at, budget_from_text

    for header in ("支出先", "支出 先", "支 出 先 法人番号"):  # (the header squashed: spaces of the print dropped)
        lines = _lines21(header)
        at = lines.index(header) + 1
        assert _payee_header_at(lines, 1, len(lines)) == at  # (not the 支出先上位10者リスト title two lines above)
        assert _payee_header_at(lines, at + 1, len(lines)) == len(lines) + 1
        assert _payee_header_at(lines, 1, at - 1) == at  # (past hi: none)
        got, n = budget_from_text(lines, 1, len(lines))
        assert n == 1
        assert got.grid == [[5, 0, 0, 0, 0, 5, 4], [9, 0, 0, 0, 0, 9, 9], [4, 0, 2, -2, 0, 4, 4], [4, 0, 0, 0, 0, 4],
                            [None]]  # (the payee rank 「1」 after the header is no request)
        assert got.last == 2 * (len(HEAD21) + 27) - 1  # (the table's 27th figure, 1-based)
    lines = _lines21("支出先")
    lines[2] = "支出先 法人番号\n業務概要"  # (a line holding a line break: looked at line by line)
    assert _payee_header_at(lines, 1, len(lines)) == 3


def test_cell_kind_cached_tells_the_cells_run_together():
    from kg.extract import payee_boxes

    payee_boxes._cell_kind.cache_clear()
    for _ in range(2):  # (the second time from the cache)
        assert payee_boxes._cell_kind("text", "研修の企画運営 0.8") == payee_boxes._AMOUNT_DESC
        assert payee_boxes._cell_kind("mixed", "4,085 補助金等交付 -") == "amount"
        assert payee_boxes._cell_kind("text", "株式会社日本総合研究所") == "text"
        assert payee_boxes._cell_kind("number", "1,234") == "number"


def test_solve_leaves_nothing_for_the_garbage_collector():
    # the search's memos went with solve's return only once the collector found the cycle its recursive closure
    # made (1,250 objects for this table): ~10% of pdfminer.six text's CPU in the collector's passes over them
    cs, rates = table(RV015, 1, 5, 2021)
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        got = solve(cs, 3, rates, 2)
        left = gc.collect()
    finally:
        if was:
            gc.enable()
    assert left == 0
    assert got[0] == {0: 40, 1: None, 2: None, 3: None, 4: None, 5: 40, 6: 34}  # 2021: 当初予算 40, 計 40, 執行額 34
    assert got[1][5] == 48 and got[1][6] == 33 and got[1][3] == -16  # 2022's 計, 執行額, 翌年度へ繰越し ▲16
    assert got[1][1] is _UNKNOWN  # (11 and 6: 2022's or 2023's 補正予算 or 前年度から繰越し, the text does not say)
    assert got[4] == {0: 37, 5: 37}  # the request


def test_solve_runs_without_the_collector_and_gives_it_back():
    cs, rates = table(RV015, 1, 5, 2021)
    seen = []

    def during(phase, info):  # (a collection while the search runs)
        seen.append(info["generation"])
    assert gc.isenabled()
    gc.callbacks.append(during)
    try:
        gc.collect()
        seen.clear()
        got = solve(cs, 3, rates, 2)
        assert gc.isenabled()  # (given back as it was)
        assert seen == []  # (the search's thousands of tuples and sets: no collection among them)
    finally:
        gc.callbacks.remove(during)
    assert got[2][5] == 17 and got[2][6] == 15 and got[3][2] == 1  # 2023's 計 and 執行額, 2024's 前年度から繰越し
    gc.disable()
    try:
        assert solve(cs, 3, rates, 2) == got
        assert not gc.isenabled()  # (a caller's disabled collector stays disabled)
    finally:
        gc.enable()


def test_split_line_in_one_loop_cuts_at_the_labels():
    from kg.extract.review_text import _split_line

    assert _split_line("事業名 河川整備事業 担当部局庁 水管理・国土保全局") == [
        ("事業名", "project_name"), ("河川整備事業", None), ("担当部局庁", "bureau"), ("水管理・国土保全局", None)]
    assert _split_line("担当課室 電波政策課 作成責任者 課長 山田太郎") == [
        ("担当課室", "division"), ("電波政策課", None), ("作成責任者", "responsible_officials"), ("課長 山田太郎", None)]
    assert _split_line("事業開始年度平成27年") == [("事業開始年度", "start_fiscal_year"), ("平成27年", None)]
    assert _split_line("政策評価、新経済・財政再政策 IX. 普及啓発の推進") == [
        ("政策評価、新経済・財政再", "policy_eval"), ("政策", "policy"), ("IX. 普及啓発の推進", None)]
    assert _split_line("事業名所管府省名") == [("事業名所管府省名", None)]  # (a table header: no label)
    assert _split_line("  河川整備事業 ") == [("河川整備事業", None)] and _split_line("   ") == []


def test_split_line_cuts_where_the_label_finditer_does():
    """_split_line's loop against the same cut made from ``_label_matches`` (finditer's matches, as
    test_seed_kind_speed_forms checks), over its random lines of the form's labels and cell words."""
    from kg.extract import review_text as rt
    from tests.unit.extract.test_seed_kind_speed_forms import _label_lines

    def reference(text):
        out, pos = [], 0
        for m in rt._label_matches(text):
            if m.start() > 0 and text[m.start() - 1] != " " and m.group(0) not in rt._GLUED_AFTER \
                    and not rt._bureau_label_after_name(text, m):
                continue
            end = m.start() + len(m.group(0).rstrip())
            if end < len(text) and text[end] != " " and not (m.start() == 0 and m.group(0) in rt._GLUED_OK) \
                    and not rt._bureau_label_after_name(text, m):
                continue
            if m.start() < pos:
                continue
            if before := text[pos:m.start()].strip():
                out.append((before, None))
            field, label = rt._LABELS[int(m.lastgroup[1:])][1], m.group(0).strip()
            if field == "policy_eval" and label.endswith("政策") and len(label) > 6:
                out.append((label[:-2], field))
                label, field = "政策", "policy"
            elif field in ("start_fiscal_year", "end_fiscal_year") and (era := rt._ERA_IN_LABEL.search(label)):
                out.append((label[:era.start()], field))
                label, field = label[era.start():], None
            out.append((label, field))
            pos = end
        return out + ([(rest, None)] if (rest := text[pos:].strip()) else [])

    lines = _label_lines()
    labelled = 0
    for t in lines:
        got = rt._split_line(t)
        assert got == reference(t)
        labelled += any(f is not None for _, f in got)
    assert labelled > 1000


def test_solve_keeps_the_sums_below_zero_a_reading_needs():
    # ups keeps only sums at or above twice the ▲ figures added up (here -10): a past year whose running sum goes
    # below 0 at its 翌年度へ繰越し (2 + 0 + 0 ▲5 = -3) needs -3 (its 計 2 less its 予備費 5) among them
    from kg.extract.budget_boxes import Cell

    past, cur = [2, 0, 0, -5, 5, 2, 1], [3, 0, 0, 0, 0, 3]
    cs = [Cell(float(v), 10 + r, r, False, 0) for r, v in enumerate(past)]
    cs += [Cell(float(v), 20 + r, r, False, 1) for r, v in enumerate(cur)]
    cs += [Cell(4.0, 30, 0, False, 2), Cell(4.0, 31, 5, False, 2)]
    got = solve(cs, 1)
    assert got[0] == {0: 2, 1: 0, 2: 0, 3: -5, 4: 5, 5: 2, 6: 1}  # 計 2 = 2 + 0 + 0 ▲5 + 5, 執行額 1
    assert got[1][5] == 3 and got[2] == {0: 4, 5: 4}
    free = [c._replace(row=None, col=None) if c.col == 1 else c for c in cs]  # (the current year's placed by the sums)
    assert solve(free, 1) == got
