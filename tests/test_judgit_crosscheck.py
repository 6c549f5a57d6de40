"""Cross-check document extraction against JUDGIT for the seeds JUDGIT also holds (issue 3).

Names, bureau, division, budgets and payees with 法人番号 and amounts must agree, allowing JUDGIT's
extra decimals and its 0 where a sheet prints "-".
"""
from __future__ import annotations

import copy

import pytest

from kg.extract.dispatch import extract_path
from kg.link.merge import merge_into
from kg.normalize.names import corp_key
from kg.sources.judgit import iter_judgit
from tests.conftest import SEEDS, shared_path

CASES = [
    ("000_38c8df3bc6a1d4a3.txt", 2022, "2022-総務-21-0030"),
    ("002_c3e6fb52ab9c5507.txt", 2017, "0048"),
    ("003_dbf95f44c3587854.txt", 2021, "2021-総務-20-0095"),
]


def _judgit_record(year: int, number: str):
    path = shared_path("data", "judgit", f"judgit-{year}.ndjson.gz")
    for rec in iter_judgit(path):
        if rec["ministry"] == "総務省" and rec["project_number"] == number:
            return rec
    pytest.fail(f"JUDGIT {year} has no 総務省 sheet {number}")


@pytest.mark.parametrize("seed,year,number", CASES)
def test_seed_agrees_with_judgit(seed, year, number):
    doc = extract_path(SEEDS / seed)
    jrec = _judgit_record(year, number)
    assert doc["sheet_fiscal_year"] == jrec["sheet_fiscal_year"] == year
    assert doc["project_name"] == jrec["project_name"]
    assert doc["bureau"] == jrec["bureau"]
    assert doc["division"] == jrec["division"]
    conflicts = merge_into(copy.deepcopy(doc), jrec)
    assert conflicts == []
    # every budget year of the document is in JUDGIT with the same totals
    jb = {b["fiscal_year"]: b for b in jrec["budget"]}
    compared = 0
    for b in doc["budget"]:
        if b.get("total") is not None:
            assert abs(b["total"] - jb[b["fiscal_year"]]["total"]) < 0.5, b["fiscal_year"]
            compared += 1
    assert compared >= 4
    # every payee of the document is in JUDGIT: same block/rank, 法人番号 and amount
    jp = {(p["block"], p["rank"]): p for p in jrec["payees"]}
    assert len(doc["payees"]) == len(jp)
    for p in doc["payees"]:
        o = jp[(p["block"], p["rank"])]
        assert p["corporate_number"] == o["corporate_number"], (p["block"], p["rank"])
        assert abs(p["amount"] - o["amount"]) < 0.5
        assert corp_key(p["name"]) == corp_key(o["name"])
