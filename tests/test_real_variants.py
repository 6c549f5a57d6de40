"""Real-form variants (tests/fixtures/real_variants.py): the real seeds' form with other content.

The reference of every variant is kg's record of its .xlsx, so that record must hold exactly what the variant
wrote: each payee's 法人番号 and amount, each budget figure, the header fields. One variant per seed grid
(000, 001, 003); only the .xlsx is written (no LibreOffice needed).
"""
from __future__ import annotations

import pytest

from kg.extract.dispatch import extract_path
from kg.normalize.houjin import is_valid
from tests.fixtures.real_variants import ROOT, check, make_variant, seed_grid, write_variant

NUMBERS = (3, 4, 5)  # n % 3 picks the grid: 000, 001, 003


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    out = tmp_path_factory.mktemp("real-variants")
    vs = {n: make_variant(n) for n in NUMBERS}
    return {n: (v, extract_path(str(write_variant(v, out)))) for n, v in vs.items()}


def test_one_variant_per_seed_grid(variants):
    assert sorted(v.seed for v, _ in variants.values()) == ["000", "001", "003"]


@pytest.mark.parametrize("n", NUMBERS)
def test_xlsx_record_holds_exactly_the_content(variants, n):
    v, rec = variants[n]
    assert check(v, rec) == []


@pytest.mark.parametrize("n", NUMBERS)
def test_payee_rows_as_printed(variants, n):
    """Read back from the grid itself: rank, 法人番号 (valid check digit or none) and amount of every row."""
    v, rec = variants[n]
    printed = [r for r in v.rows if r and r[0].isdigit() and len(r) > 4 and r[2] and
               (r[2] == "-" or r[2].isdigit())]
    got = [(str(p["rank"]), p["corporate_number"] or "-", p["amount"]) for p in rec["payees"]]
    assert got == [(r[0], r[2], float(r[4].replace(",", ""))) for r in printed]
    assert all(is_valid(p["corporate_number"]) for p in rec["payees"] if p["corporate_number"])
    for block in {p["block"] for p in rec["payees"]}:
        rows = [p for p in rec["payees"] if p["block"] == block]
        assert [p["rank"] for p in rows] == list(range(1, len(rows) + 1))
        assert all(a["amount"] >= b["amount"] for a, b in zip(rows, rows[1:], strict=False))


def test_payees_of_the_kinds_the_form_holds():
    """Across a few variants: local governments with their 000020 numbers, people without a number."""
    payees = [p for n in range(1, 13) for p in make_variant(n).truth["payees"]]
    assert any(p["corporate_number"] and p["corporate_number"][1:7] == "000020" for p in payees)
    assert any(p["corporate_number"] is None for p in payees)
    assert len({p["block"] for p in payees}) > 3


@pytest.mark.parametrize("n", NUMBERS)
def test_budget_adds_up(variants, n):
    v, rec = variants[n]
    years = [b for b in rec["budget"] if "total" in b]
    assert years and rec["budget"][-1]["requested"] > 0
    for b in years:
        parts = [b[k] for k in ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve")]
        if b["total"]:
            assert sum(x or 0 for x in parts) == b["total"]
        if b["executed"] is not None:
            assert b["executed"] <= b["total"]
    # a figure printed in the grid is the record's: the current year's 当初予算
    cur = next(b for b in rec["budget"] if b["fiscal_year"] == v.truth["sheet_fiscal_year"])
    row = next(r for r in v.rows if any(c.strip() == "当初予算" for c in r))
    printed = [c for c in row if c.replace(",", "").isdigit()]
    assert cur["initial"] is None or f"{cur['initial']:,}" in printed


def test_deterministic_and_not_the_seed():
    a, b = make_variant(7), make_variant(7)
    assert a.rows == b.rows and a.truth == b.truth and (a.width, a.size) == (b.width, b.size)
    assert a.rows != [list(r) for r in seed_grid(a.seed, ROOT / "seeds")]
    assert make_variant(8).truth != a.truth
