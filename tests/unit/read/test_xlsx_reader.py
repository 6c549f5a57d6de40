""".xlsx reader: workbooks written at test time from the Excel-text seeds (with merged cells) must give the
same grid and the same extraction as the text export; bad files fail with a ReadError naming the file."""
from __future__ import annotations

import zipfile

import pytest

from kg.extract.dispatch import extract_path
from kg.read import ReadError, read_document
from kg.read.xlsx import cell_text, read_xlsx
from tests.conftest import shared_path
from tests.helpers_fixtures import load_gold_score, make_xlsx

SEEDS = ["000_38c8df3bc6a1d4a3", "001_bd9263d41549200e", "003_dbf95f44c3587854"]


@pytest.fixture(scope="module")
def gold_score():
    return load_gold_score()


def _cells(line: str) -> list[str]:
    cells = line.split("\t")
    while cells and not cells[-1]:
        cells.pop()
    return cells


@pytest.mark.parametrize("seed", SEEDS)
def test_grid_round_trips_with_merged_cells(seed, tmp_path):
    src = shared_path("seeds", f"{seed}.txt")
    out = make_xlsx(src, tmp_path / f"{seed}.xlsx", merge=True)
    with zipfile.ZipFile(out) as z:
        assert "mergeCell" in z.read("xl/worksheets/sheet1.xml").decode()
    doc = read_xlsx(out)
    want = [_cells(x) for x in src.read_text(encoding="utf-8").split("\n")]
    got = [_cells(x) for x in doc.lines]
    while want and not want[-1]:
        want.pop()
    assert got == want[: len(got)] and len(got) == len(want)
    assert doc.fmt == "xlsx" and doc.locate(5) == "Sheet1!R5" and len(doc.sha256) == 64


@pytest.mark.parametrize("seed", SEEDS)
def test_xlsx_extraction_equals_text_extraction_on_gold_facts(seed, tmp_path, gold_score):
    src = shared_path("seeds", f"{seed}.txt")
    out = make_xlsx(src, tmp_path / f"{seed}.xlsx", merge=True)
    gold = __import__("json").loads(shared_path("gold", f"{seed}.json").read_text(encoding="utf-8"))
    from_txt, from_xlsx = extract_path(src), extract_path(out)  # read_document picks the reader by content
    assert from_xlsx["provenance"]["format"] == "xlsx"
    want = gold_score.facts(gold)
    txt_facts, xlsx_facts = gold_score.facts(from_txt), gold_score.facts(from_xlsx)
    assert {p: xlsx_facts.get(p) for p in want if p != "/source"} == {p: txt_facts.get(p) for p in want
                                                                      if p != "/source"}
    assert from_xlsx["warnings"] == from_txt["warnings"]
    assert from_xlsx["payees"] == from_txt["payees"]


def test_several_sheets_keep_order_and_locators(tmp_path):
    src = shared_path("seeds", "003_dbf95f44c3587854.txt")
    out = make_xlsx(src, tmp_path / "two.xlsx", extra_sheets={"別紙": ["注記\t値", "合計\t1,234"]})
    doc = read_xlsx(out)
    assert doc.lines[-2:] == ["注記\t値", "合計\t1,234"]
    assert doc.locators[-1] == "別紙!R2" and doc.lines[-3] == ""
    assert doc.locators.index("別紙!R1") > doc.locators.index("Sheet1!R200")


@pytest.mark.parametrize("value,fmt,text", [
    (4.0, "General", "4"), (0.2, "General", "0.2"), (0.1 + 0.2, "General", "0.3"), (3209, "#,##0", "3,209"),
    (0.5, "0%", "50%"), (0.933, "0.0%", "93.3%"), (2010401075423, "General", "2010401075423"), (None, "General", ""),
    ("課長\n山田\t太郎", "General", "課長 山田 太郎"),
])
def test_cell_text(value, fmt, text):
    assert cell_text(value, fmt) == text


def test_corrupt_zip_names_the_file(tmp_path):
    p = tmp_path / "broken.xlsx"
    p.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 20)
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert "broken.xlsx" in str(e.value)


def test_zip_that_is_not_a_workbook(tmp_path):
    p = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ReadError) as e:
        read_xlsx(p)
    assert "notes.xlsx" in str(e.value)


def test_empty_workbook(tmp_path):
    import openpyxl

    p = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(p)
    with pytest.raises(ReadError, match="no cell values"):
        read_xlsx(p)


def test_styled_empty_cells_do_not_widen_the_grid(tmp_path):
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B2"] = "事業名", "テスト事業"
    ws.cell(row=500, column=300).font = Font(bold=True)  # styled, no value
    p = tmp_path / "styled.xlsx"
    wb.save(p)
    doc = read_xlsx(p)
    assert doc.lines == ["事業名", "\tテスト事業"]
