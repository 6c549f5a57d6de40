"""kg.read.pdf: real PDFs written with reportlab (Japanese CID font), read back with pdfplumber."""
from __future__ import annotations

import pytest

from kg.extract.review_pdf import extract
from kg.read import read_document
from kg.read.base import ReadError
from kg.read.pdf import read_pdf
from tests.conftest import SEEDS
from tests.helpers_pdf import write_blank_pdf, write_encrypted_pdf, write_text_pdf

SEED = SEEDS / "002_c3e6fb52ab9c5507.txt"


def _seed_pages(per_page: int = 45) -> list[list[str]]:
    """The seed's PDF text laid out again as PDF pages (page breaks only at blank lines)."""
    pages, cur = [], []
    for x in SEED.read_text(encoding="utf-8").split("\n"):
        if not x.strip() and len(cur) >= per_page:
            pages.append(cur)
            cur = []
        else:
            cur.append(x)
    return pages + [cur]


def test_text_lines_round_trip_with_gaps_and_locators(tmp_path):
    p = write_text_pdf(tmp_path / "s.pdf", [["平成２９年度行政事業レビューシート 総務省", "", "事業番号 0048",
                                             "担当課室 住民制度課 課長　阿部　知明"], ["3010005022218"]])
    doc = read_document(p)  # picked by content (%PDF), not by name
    assert doc.fmt == "pdf" and len(doc.sha256) == 64
    assert doc.lines == ["平成２９年度行政事業レビューシート 総務省", "", "事業番号 0048",
                         "担当課室 住民制度課 課長 阿部 知明", "", "3010005022218"]
    assert doc.locate(3) == "p1:L2" and doc.locate(6) == "p2:L1"


def test_seed_as_pdf_extracts_the_same_key_fields(tmp_path):
    doc = read_pdf(write_text_pdf(tmp_path / "sheet.pdf", _seed_pages()))
    assert doc.locate(1).startswith("p1:")
    rec = extract(doc)
    assert rec["sheet_fiscal_year"] == 2017 and rec["ministry"] == "総務省"
    assert rec["project_number"] == "0048"
    assert rec["project_name"] == "社会保障・税に関わる番号制度に関するシステム構築等に要する経費"
    assert rec["division"] == "住民制度課"
    b = {x["fiscal_year"]: x for x in rec["budget"]}
    assert b[2015]["total"] == 59555 and b[2016]["carried_to_next"] == -8501 and b[2018]["requested"] == 22218
    p = {(x["block"], x["rank"]): x for x in rec["payees"]}
    assert p[("C", 1)]["corporate_number"] == "7010701007922" and p[("A", 1)]["amount"] == 26818


def test_pdf_without_text_layer_is_refused(tmp_path):
    with pytest.raises(ReadError, match="no text layer"):
        read_pdf(write_blank_pdf(tmp_path / "scan.pdf"))


def test_encrypted_and_corrupt_pdfs_are_refused_naming_the_file(tmp_path):
    enc = write_encrypted_pdf(tmp_path / "locked.pdf", ["行政事業レビューシート"])
    with pytest.raises(ReadError, match="encrypted") as e:
        read_pdf(enc)
    assert "locked.pdf" in str(e.value)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(ReadError, match="corrupt") as e:
        read_document(bad)
    assert "broken.pdf" in str(e.value)
