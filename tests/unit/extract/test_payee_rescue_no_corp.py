"""A payee block whose rows have no 法人番号 at all (individuals' dashes only) in pdfminer.six text: the rescue
reader (kg.extract.payee_rescue.individuals_read) has no column of 法人番号 to place the dashes in and leaves the
block to the other readers; it raised IndexError on generated sheet 107 (LibreOffice print) and stopped the
document's extraction."""
from __future__ import annotations

from kg.extract.dispatch import extract_path
from tests.fixtures.review_sheets import build_fixtures, more_sheets


def test_a_block_without_any_corporate_number_does_not_stop_the_extraction(tmp_path):
    files = build_fixtures(tmp_path, more_sheets([107]))["sheet107"]
    ref = {(p["block"], p["rank"]): p for p in extract_path(files["xlsx"])["payees"]}
    rec = extract_path(files["lo.pdfminer.txt"])
    assert rec["project_name"] == extract_path(files["xlsx"])["project_name"]
    assert rec["payees"]
    for p in rec["payees"]:  # every row given is the .xlsx row
        want = ref[(p["block"], p["rank"])]
        assert (p["name"], p["corporate_number"], p["amount"]) == (want["name"], want["corporate_number"],
                                                                    want["amount"])
