"""Issue 17: the same review sheet given twice in one build (an .xlsx, the PDF printed from it and that PDF's
text) is kept once — the .xlsx, the format that holds the cells as typed — and the other copies are reported in
report.json with status ``duplicate`` naming the kept file; the graph has one source per derivation and
conforms to the shapes. Needs reportlab and pdfminer.six (no LibreOffice)."""
from __future__ import annotations

import json
import re

import pytest

from kg.build.duplicates import format_rank, sheet_identity
from kg.build.pipeline import BuildOptions, build
from kg.extract.dispatch import extract_path
from tests.fixtures.review_sheets import make_sheet, text_pdfminer, write_reportlab_pdf, write_xlsx


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    d = tmp_path_factory.mktemp("dup")
    sheet = make_sheet(7, 2, (2, 3))
    xlsx = write_xlsx(sheet, d / "a-sheet.xlsx")
    pdf = write_reportlab_pdf(sheet, d / "b-printed.pdf")
    txt = d / "c-pdfminer.txt"
    txt.write_text(text_pdfminer(pdf), encoding="utf-8")
    other = write_xlsx(make_sheet(8, 1, (1, 2)), d / "d-other.xlsx")
    return xlsx, pdf, txt, other


def test_the_copies_are_one_sheet_by_identity(copies):
    xlsx, pdf, txt, other = (extract_path(p) for p in copies)
    assert sheet_identity(xlsx) == sheet_identity(pdf) == sheet_identity(txt) != sheet_identity(other)
    assert [format_rank(r) for r in (xlsx, pdf, txt)] == [0, 2, 4]


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (2, 3, 1, 0)])
def test_one_copy_is_kept_and_the_others_reported(tmp_path, copies, order):
    inputs = [str(copies[i]) for i in order]
    report = build(inputs, tmp_path / "out", BuildOptions(quiet=True, cache=False))
    by_name = {i["input"].rsplit("/", 1)[-1]: i for i in report["inputs"]}
    assert by_name["a-sheet.xlsx"]["status"] in ("ok", "warnings") and by_name["a-sheet.xlsx"]["records"] == 1
    assert by_name["d-other.xlsx"]["status"] in ("ok", "warnings")
    for name in ("b-printed.pdf", "c-pdfminer.txt"):
        i = by_name[name]
        assert i["status"] == "duplicate" and i["records"] == 0
        assert "a-sheet.xlsx" in i["reasons"][0] and "事業番号" in i["reasons"][0]
    (dup,) = report["duplicate_sheets"]
    assert dup["kept"].endswith("a-sheet.xlsx") and sorted(x.rsplit("/", 1)[-1] for x in dup["dropped"]) == [
        "b-printed.pdf", "c-pdfminer.txt"]
    assert report["summary"]["sheets"] == 2 and report["exit_code"] == 0
    assert report["validation"]["conforms"] is True
    nt = (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8")
    assert "b-printed.pdf" not in nt and "c-pdfminer.txt" not in nt and "a-sheet.xlsx" in nt
    # one source document per sheet: the facts derive from the two .xlsx files only
    derived = re.findall(r"<http://www.w3.org/ns/prov#wasDerivedFrom> <([^>]*/source/[0-9a-f]+)[/>]", nt)
    assert len(set(derived)) == 2
    json.dumps(report)  # the report stays JSON


def test_the_graph_does_not_depend_on_the_input_order(tmp_path, copies):
    outs = []
    for k, order in enumerate([(0, 1, 2, 3), (3, 2, 1, 0)]):
        build([str(copies[i]) for i in order], tmp_path / f"o{k}", BuildOptions(quiet=True, cache=False,
                                                                                 validate=False))
        outs.append((tmp_path / f"o{k}" / "graph.nt").read_bytes())
    assert outs[0] == outs[1]
