"""A budget row printed one cell short in paragraph-style text (budget_short): where its blank is, the sums tell or
the cells that could stand in two columns are unknown."""
from __future__ import annotations

from kg.extract.budget_lines import budget_paragraphs, budget_paragraphs_unsure
from kg.extract.budget_short import placements

YEARS = [(2011, False), (2012, False), (2013, False), (2014, False), (2015, True)]


def _sheet(cfp: list[str], ctn: list[str]) -> list[str]:
    # reportlab's print, pdftotext (variant 2283): a label cut in its cell, its first dash lost: 「- 0 0」 for the
    # four years' 「- - 0 0」
    return ["予算額・執行額 (単位:百万円)", "平成23年度", "平成24年度 平成25年度", "平成26年", "度", "平成27年度要求",
            "当初予算", "-", "-", "38", "45", "54", "補正予算", "-", "-", "0", "10",
            "前年度から 繰越し", *cfp, "翌年度へ繰 越し", *ctn, "予備費等", "-", "-", "0", "0",
            "計", "0", "0", "38", "55", "執行額", "0", "0", "32", "執行率(%)", "-", "-", "84%"]


def test_zeros_of_a_row_one_cell_short_are_unknown():
    budget, _first, _last, unsure = budget_paragraphs_unsure(_sheet(["-", "0", "0"], ["-", "0", "0"]), YEARS, 1)
    by_year = {e["fiscal_year"]: e for e in budget}
    # the 0s could be 2012's and 2013's or 2013's and 2014's: neither is read (not 2012's 0 and 2014's blank)
    assert [by_year[y]["carried_from_previous"] for y in (2011, 2012, 2013, 2014)] == [None] * 4
    assert [by_year[y]["carried_to_next"] for y in (2011, 2012, 2013, 2014)] == [None] * 4
    assert (2012, "carried_from_previous") in unsure and (2014, "carried_to_next") in unsure
    # the rows printed whole are read as printed
    assert by_year[2014]["supplementary"] == 10 and by_year[2013]["initial"] == 38 and by_year[2013]["executed"] == 32
    assert by_year[2015]["requested"] == 54


def test_a_short_row_the_sums_place_is_read():
    # 前年度から繰越し 「5 3 7」 of four columns: only the blank in the current year makes 計 the sum of the parts
    lines = _sheet(["5", "3", "7"], ["-", "-", "-", "-"])
    lines[lines.index("計") + 1:lines.index("計") + 5] = ["5", "3", "45", "55"]
    budget, _first, _last, unsure = budget_paragraphs_unsure(lines, YEARS, 1)
    assert [e["carried_from_previous"] for e in budget[:4]] == [5, 3, 7, None] and unsure == []
    assert budget_paragraphs(lines, YEARS, 1)[0] == budget


def test_a_current_total_with_no_part_is_no_reading():
    # 当初予算 「375 277 160 353」 (no request): 353 the current year's 計, not a request with no 当初予算 beside its 計
    dashes = ["-"] * 4
    lines = ["予算額・執行額 (単位:百万円)", "当初予算", "375", "277", "160", "353", "補正予算", *dashes, "前年度から繰越し",
             *dashes, "翌年度へ繰越し", *dashes, "予備費等", *dashes, "計", "375", "277", "160", "353",
             "執行額", "373", "251", "138"]
    budget, _first, _last, unsure = budget_paragraphs_unsure(lines, YEARS, 1)
    assert budget[3]["initial"] == 353 and unsure == []


def test_placements_put_the_reader_s_own_reading_first():
    got = list(placements([1, 2], 3))
    assert got[0] == [1, 2, None] and sorted(map(str, got)) == sorted(map(str, [[1, 2, None], [1, None, 2], [None, 1, 2]]))


def _wide(cfp_label: str) -> list[str]:
    # LibreOffice's print, pdftotext (variant 2569): every row has the request year's column; the 前年度から繰越し
    # label wrapped in its cell, the dash beside it lost: 「0 0 0 -」 for 「- 0 0 0 -」
    return ["予算額・ 執行額 (単位:百万円)", "平成30年度", "令和元年", "度", "2年度", "3年度", "4年度要求",
            "当初予算", "-", "1,821", "1,889", "3,589", "5,364", "補正予算", "-", "1,055", "0", "852", "-",
            cfp_label, "0", "0", "0", "-", "翌年度へ繰越し", "-", "0", "0", "0", "-", "予備費等", "-", "0", "0", "0", "-",
            "計", "0", "2,876", "1,889", "4,441", "5,364", "執行額", "0", "2,074", "1,767", "執行率(%)"]


def test_a_wrapped_label_s_row_one_cell_short_in_a_wide_table_is_unknown_where_it_could_stand_apart():
    years = [(2018, False), (2019, False), (2020, False), (2021, False), (2022, True)]
    budget, _first, _last, unsure = budget_paragraphs_unsure(_wide("前年度から繰 越し"), years, 1)
    # 2018's 0 and 2021's dash, or 2018's blank and 2021's 0: not read either way
    assert [e["carried_from_previous"] for e in budget[:4]] == [None, None, None, None]
    assert (2018, "carried_from_previous") in unsure
    assert [e["supplementary"] for e in budget[:4]] == [None, 1055, 0, 852] and budget[3]["total"] == 4441
    # a label printed whole: the row's blank is the request year's, as the real form leaves it
    budget = budget_paragraphs(_wide("前年度から繰越し"), years, 1)[0]
    assert [e["carried_from_previous"] for e in budget[:4]] == [0, 0, 0, None]
