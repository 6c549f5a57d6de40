"""Budget tables of the real form whose rows leave their blank cells out (pdftotext's and pdfplumber's text of
real-form variants printed by LibreOffice: tests/fixtures/real_variants.py), and figures wrapped or glued in
narrow cells (kg.extract.budget_gaps, kg.extract.budget_lines.budget_rows). Values as the variants' .xlsx records
hold them."""
from __future__ import annotations

from kg.extract.budget_breakdown import breakdown_request
from kg.extract.budget_gaps import budget_gaps
from kg.extract.budget_lines import budget_rows

# variant rv003, pdftotext: each row label, then its cells one per line; the 補正予算, 前年度から繰越し, 翌年度へ繰越し
# and 予備費等 rows leave the request year's (and one more) blank cell out
RV003 = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成29年度", "平成30年度", "令和元年度", "令和2年度", "令和3年度要求",
         "当初予算", "307", "299", "370", "280", "506", "補正予算", "-", "98", "-", "85", "前年度から繰越 し", "-", "67", "-",
         "翌年度へ繰越し ▲3", "▲33", "-", "-", "予備費等", "-", "-", "-", "-", "計", "304", "364", "437", "365",
         "執行額", "237", "340", "307", "78%", "93%", "70%", "当初予算+補正予算に対 77%", "する執行額の割合(%)"]
YEARS_2017 = [(2017 + k, k == 4) for k in range(5)]


def test_a_short_rows_cells_are_placed_by_the_sums():
    budget, first, last, dropped, _ = budget_gaps(RV003, YEARS_2017, 1)  # (was no table)
    assert dropped == [] and (first, last) == (8, 40)
    assert budget[0] == {"fiscal_year": 2017, "initial": 307, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": -3, "reserve": None, "total": 304, "executed": 237}
    assert budget[1]["supplementary"] == 98 and budget[1]["carried_to_next"] == -33 and budget[1]["total"] == 364
    assert budget[2]["carried_from_previous"] == 67 and budget[2]["total"] == 437
    assert budget[3] == {"fiscal_year": 2020, "initial": 280, "supplementary": 85, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 365, "executed": None}
    assert budget[4] == {"fiscal_year": 2021, "requested": 506}


def test_a_cell_the_sums_do_not_place_is_unknown():
    # 執行額's one figure could be any past year's; 補正予算's 「0」 any column's: both left unknown
    lines = ["予算額・執行額", "当初予算", "10", "10", "10", "10", "12", "補正予算", "0", "前年度から繰越し", "-",
             "翌年度へ繰越し", "-", "予備費等", "-", "計", "10", "10", "10", "10", "執行額", "9"]
    budget, *_, unknown = budget_gaps(lines, YEARS_2017, 1)
    assert [e.get("total") for e in budget[:4]] == [10, 10, 10, 10]
    assert all(e["executed"] is None and e["supplementary"] is None for e in budget[:4])
    assert "2017 executed" in unknown and "2020 supplementary" in unknown
    # and a row whose figure no column's sum can take: no table
    assert budget_gaps([*lines[:9], "5", *lines[9:]], YEARS_2017, 1) is None


def test_two_cells_glued_are_cut_by_their_commas():
    # variant rv069, pdfplumber: the current year's 「3,175」 and the request's 「3,412」 printed 「3,1753,412」
    years = [(2021 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円) 令和3年度 令和4年度 令和5年 令和6 令和7年度要求", "度 年度",
             "予算の 当初予算 4,438 1,650 2,008 3,1753,412", "状況", "補正予算 0 0 0 928", "前年度から繰 0 0 0 0", "越し",
             "翌年度へ繰越 ▲1,164 0 ▲653 0", "し", "予備費等 0 0 0 0", "計 3,274 1,650 1,355 4,1033,412",
             "執行額 2,887 1,155 1,076", "執行率(%) 88% 70% 79%"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table)
    assert budget[3] == {"fiscal_year": 2024, "initial": 3175, "supplementary": 928, "carried_from_previous": 0,
                         "carried_to_next": 0, "reserve": 0, "total": 4103, "executed": None}
    assert budget[4] == {"fiscal_year": 2025, "requested": 3412}


def test_a_wrapped_figures_piece_after_the_labels_piece():
    # variant rv084, pdfplumber: 「59,649」 printed 「59,64」 over 「況 9」 (the vertical 予算の状況 label's last piece)
    years = [(2015 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円) 平成27年 平成28年度 平成29 平成30令和元年度要求", "度 年度 年度",
             "予算の状 当初予算 - 56,249 44,062 59,64 19,625", "況 9", "補正予算 - - - -", "前年度か - - 7,444 -",
             "ら繰越し", "翌年度へ - ▲ 3,627 - -", "繰越し", "予備費等 - - - -", "計 0 52,622 51,506 59,64 19,625", "9", "",
             "執行額 0 46,820 47,509", "執行率(%) - 89% 92%"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table: 「5」 and 「9,649」 read as well)
    assert budget[3]["initial"] == 59649 and budget[3]["total"] == 59649
    assert budget[2]["carried_from_previous"] == 7444 and budget[1]["carried_to_next"] == -3627
    assert budget[4] == {"fiscal_year": 2019, "requested": 19625}


def test_a_figure_wrapped_without_commas_is_joined_to_the_one_cell_that_can_take_it():
    # variant rv036, pdfplumber: the current year's 「341」 printed 「34」 over 「1」 in its narrow column, in 当初予算
    # and 計 alike (so 34 = 34 would add up too): the 「1」 ends 「34」, the one cell it leaves a figure without a
    # comma (「3741」 「4991」 would be printed 「3,741」 「4,991」); never 34
    years = [(2013 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百 平成 平成 平成27年 平 平成29年度要求", "万円) 25年 26年 度 成", "度 度 28", "年", "度",
             "予算の 当初 374 379 550 34 499", "状況 予算 1", "補正 - - - -", "予算", "前年 62 - - -", "度か", "ら繰",
             "越し", "翌年 - - - -", "度へ", "繰越", "し", "予備 - - - -", "費等", "計 436 379 550 34 499", "1",
             "執行額 306 295 432", "執行率(%) 70% 78% 79%"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table; before that, 2016: 34)
    assert budget[3]["initial"] == 341 and budget[3]["total"] == 341 and budget[3]["executed"] is None
    assert budget[0]["total"] == 436 and budget[4] == {"fiscal_year": 2017, "requested": 499}
    # two cells that could take it: none is chosen
    assert budget_rows([x.replace("374 379", "37 379") for x in lines], years, 1) is None


def test_the_request_from_the_breakdown_tables_total_row():
    # variant rv027, pdftotext: the request column printed after the 歳出予算目 table; its 計 row 「58,535 59,848」:
    # 58,535 the current year's 当初予算, and the rows before add up to the two
    lines = ["平成30・31 歳出予算", "年度 予算内 目", "訳 (単位:百万", "円)", "平成30年度当初", "予算", "令和元年", "度要求",
             "主な増減理由", "諸謝金", "8,895", "16,453", "職員旅費", "11,472", "10,584", "委員等旅", "費", "9,409", "3,622",
             "情報処理", "業務庁費", "12,907", "1,076", "その他", "15,852", "28,113", "計", "58,535", "59,848", "執行率(%)",
             "59,848", "59,848", "活動内容 (ア"]
    assert breakdown_request(lines, 1, 58535.0) == (59848.0, 29)  # (was no request)
    assert breakdown_request(lines, 1, 58536.0) is None  # not the current year's 当初予算: not its 計 row
    assert breakdown_request([*lines[:12], "1", *lines[12:]], 1, 58535.0) is None  # rows not adding up


def test_the_request_column_printed_among_the_breakdown_rows_is_left_out_of_their_sum():
    # variant rv060, reportlab, pdftotext: the budget table's request column (当初予算 48, 計 48) printed between the
    # 歳出予算目 rows; the rows 2+4+18+27+7 and 24+2+2+7+13 add up to the 計 row 「58 48」 without it
    lines = ["令和2・3年 歳出予", "度 予算内訳 算目", "(単位:百万円", ")", "令和2年度当初", "予算", "令和3年度", "要求",
             "主な増減理由", "諸謝金", "2", "24", "職員旅", "費", "4", "2", "委員等", "旅費", "18", "2", "予算の", "状況",
             "執行率(%)", "48", "48", "情報処", "理業務", "庁費", "27", "7", "その他", "7", "13", "計", "58", "48"]
    assert breakdown_request(lines, 1, 58.0) == (48.0, 36)  # (was no request)
    # two figures in a row that are not the 要求額 are rows: then the rows do not add up
    assert breakdown_request([*lines[:23], "47", "47", *lines[25:]], 1, 58.0) is None


def test_a_wrapped_figure_in_paragraph_text_is_joined_to_its_piece():
    # variant rv063, pdftotext: the current year's 「50,345」 printed 「50,34」 over 「5」 in 当初予算 and 計 alike
    years = [(2012 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成24年度", "平成25年度 平成26", "年度", "平成 平成28年度要求", "27年",
             "度", "当初予算", "-", "43,077", "51,050 50,34 32,038", "5", "補正予算", "-", "0", "0", "0", "前年度から繰 越し",
             "0", "0", "0", "翌年度へ繰越 し", "0", "0", "0", "予備費等", "-", "0", "0", "0", "計", "-", "43,077",
             "51,050 50,34 32,038", "5", "執行額", "-", "36,222", "41,976", "-", "84%", "82%", "当初予算+補正予算に対する"]
    budget, *_, unknown = budget_gaps(lines, years, 1)  # (was no table: 「50,34」 not a figure)
    assert budget[3]["initial"] == 50345 and budget[3]["total"] == 50345
    assert budget[1]["initial"] == 43077 and budget[1]["executed"] == 36222 and budget[2]["executed"] == 41976
    assert budget[4] == {"fiscal_year": 2016, "requested": 32038}
    # the request year's column holds no 補正予算: 「- 0 0 0」 are the past and current years'
    assert budget[0]["total"] is None and budget[1]["supplementary"] == 0 and unknown == []


def test_the_request_years_figure_apart_in_another_rows_run():
    # variant rv071, pdftotext: the request year's cell spans the rows, its 「3」 printed in 前年度から繰越し's run
    # (「1 - 2 3 -」); its 計 not printed, so its value is left to the 歳出予算目 table
    years = [(2012 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成24年 平成25 平成26年度", "度", "年度", "平成27 平成28年度要求",
             "年度", "当初予算", "4", "4", "6", "6", "補正予算", "-", "-", "1", "-", "前年度から 繰越し", "1", "-", "2", "3",
             "-", "翌年度へ繰 ▲ 2", "越し", "-", "-", "-", "予備費等", "-", "-", "-", "-", "計", "2", "5", "7", "8", "執行額",
             "2", "5", "6", "100%", "100%", "86%", "当初予算+補正予算に対する執行 50%"]
    budget, *_ = budget_gaps(lines, years, 1)  # (was no table: five figures and dashes for four columns)
    assert budget[0] == {"fiscal_year": 2012, "initial": 4, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": -2, "reserve": None, "total": 2, "executed": 2}
    assert budget[1]["carried_from_previous"] == 1 and budget[3]["carried_from_previous"] == 2
    assert budget[2]["supplementary"] == 1 and budget[3]["total"] == 8
    assert budget[4] == {"fiscal_year": 2016, "requested": None}


def test_the_request_years_total_apart_after_the_executed_row():
    # variant rv048, pdftotext: the request year's 計 「340」 printed after 執行額's figures, equal to its 当初予算
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "当初予算", "598", "191", "399", "259", "340", "補正予算", "-", "-",
             "104", "-", "前年度から繰越 し", "66", "62", "-", "翌年度へ繰越し -", "▲ 84", "▲ 97", "-", "予備費等", "-", "-",
             "-", "-", "計", "598", "173", "468", "259", "執行額", "507", "140", "466", "340", "執行率(%)"]
    budget, *_, unknown = budget_gaps(lines, YEARS_2017, 1)  # (was no table: four figures in 執行額)
    assert budget[1] == {"fiscal_year": 2018, "initial": 191, "supplementary": None, "carried_from_previous": 66,
                         "carried_to_next": -84, "reserve": None, "total": 173, "executed": 140}
    assert budget[2]["executed"] == 466 and budget[3]["total"] == 259 and budget[3]["executed"] is None
    assert budget[4] == {"fiscal_year": 2021, "requested": 340} and unknown == []
    # a lone figure apart after 計, equal to nothing of the request's: no reading
    assert budget_gaps([*lines[:7], "-", *lines[8:]], YEARS_2017, 1) is None


def test_two_figures_wrapped_in_one_row():
    # variant rv087, pdfplumber: 「5,966」 and 「1,724」 printed 「5,96」 and 「1,72」 over 「6 4」 (after 予算の状況's 「況」
    # and 当初予算's 「予算」)
    years = [(2016 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百 平成 平成29年 平成30年 令和 令和2年度要求", "万円) 28年 度 度 元年", "度 度",
             "予算の状 当初 5,96 4,616 5,851 1,72 2,454", "況 予算 6 4", "補正 - - - -", "予算", "前年 - 74 - 46", "度か",
             "ら繰", "越し", "翌年 - - ▲ 1,206 -", "度へ", "繰越", "し", "予備 - - - -", "費等",
             "計 5,96 4,690 4,645 1,77 2,454", "6 0", "執行額 4,17 3,602 3,501", "1", "", "執行率(%) 70% 77% 75%"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table)
    assert budget[0] == {"fiscal_year": 2016, "initial": 5966, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 5966, "executed": 4171}
    assert budget[3]["initial"] == 1724 and budget[3]["carried_from_previous"] == 46 and budget[3]["total"] == 1770
    assert budget[4] == {"fiscal_year": 2020, "requested": 2454}


def _solve_plain(rows: list[list], n_past: int, apart: bool = False) -> list[list] | None:
    """budget_gaps.solve as it was before speed16 (every state, 計 row and 執行額 row tried in turn)."""
    import kg.extract.budget_gaps as bg
    n_cols = n_past + 2
    vecs = [bg._placements(cells, n_cols, r, apart) for r, cells in enumerate(rows)]
    if any(not v for v in vecs):
        return None
    levels: list[dict[tuple, list]] = [{tuple((0, 0, True) for _ in range(n_cols)): []}]
    for r in range(bg.TOT):
        nxt: dict[tuple, list] = {}
        for state in levels[-1]:
            for vec in vecs[r]:
                nxt.setdefault(bg._add(state, vec), []).append((state, vec))
        if len(nxt) > bg.MAX_STATES:
            return None
        levels.append(nxt)
    used: list[set] = [set() for _ in bg.FIELDS]
    alive, requests, req, work = set(), set(), n_cols - 1, 0
    for state in levels[-1]:
        for t in vecs[bg.TOT]:
            if not all(bg._closes(state[c], t[c], None, c < n_past) for c in range(req)):
                continue
            for e in vecs[bg.EXE]:
                work += 1
                if all(e[c] is None or (c < n_past and t[c] is not None and e[c] <= t[c]) for c in range(req)) and \
                        (got := bg._request(state[req], t[req], t[-1], e[-1])) is not False:
                    alive.add(state)
                    used[bg.TOT].add(t)
                    used[bg.EXE].add(e)
                    requests.add(got)
            if work > bg.MAX_STATES * 4:
                return None
    if not alive:
        return None
    for r in range(bg.TOT - 1, -1, -1):
        back = set()
        for state in alive:
            for prev, vec in levels[r + 1][state]:
                back.add(prev)
                used[r].add(vec)
        alive = back
    grid: list[list] = [[None] * len(bg.FIELDS) for _ in range(n_cols)]
    for r in range(len(bg.FIELDS)):
        for c in range(n_cols):
            vals = {v[c] for v in used[r]}
            grid[c][r] = vals.pop() if len(vals) == 1 else bg._UNKNOWN
    grid[req][bg.INI] = requests.pop() if len(requests) == 1 else bg._UNKNOWN
    return grid


def test_solve_equals_the_plain_search():
    """The 計 rows filtered per column by bit sets and the 執行額 rows per 計 row (speed16) against the loop over
    every state, 計 row and 執行額 row: the same grid, the same give-up, on a pdftotext table whose request figure
    stands apart (3 past years) and on random tables with cells left out."""
    import random

    from kg.extract.budget_gaps import solve
    rows = [[4, 3, 2], [2, 0, 0, 6], [0, 0, 0], [0, -2, 0], [0, 0, 0], [0, 6, 1, 2], [0, 6, 1]]
    for apart in (False, True):
        assert solve(rows, 3, apart) == _solve_plain(rows, 3, apart)
    assert solve(rows, 3, True) is not None
    rng = random.Random(16)
    for _ in range(40):
        n_past = rng.randint(1, 3)
        cols = []
        for c in range(n_past + 2):
            parts = [rng.choice([0, 0, 1, 2, 5, 12, 2.5]) for _ in range(5)]
            parts[3] = -parts[3]
            if c == n_past + 1:  # the request: 当初予算 and 計 only
                parts = [parts[0], None, None, None, None]
            total = sum(p for p in parts if p is not None)
            executed = None if c >= n_past else rng.choice([total, 0, max(0, total - 1)])
            cols.append([*parts, total, executed])
        table = [[col[r] for col in cols if col[r] is not None and rng.random() < 0.85] for r in range(7)]
        for apart in (False, True):
            assert solve(table, n_past, apart) == _solve_plain(table, n_past, apart)
