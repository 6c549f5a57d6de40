"""Real seed 000 printed narrow by a second producer (reportlab; tests.fixtures.seed_prints): cells wrapped two
characters a line, block B's title at the foot of a page. pdfplumber's text read block B's rows under block A's
title as well (rank 1 twice: 19 wrong payee cells); pdftotext's split 「事業 / 名」 so the 点検 table's 事業名 column
was read and its row label 「点検結果」 taken for the name. Then: a block with a rank read twice is unknown, a name
that is a label of the form is unknown (the document fails: no 事業名), and no payee cell differs from the gold.
Now the header cut in its narrow cells (「支出 法人 業務 支出 …」 over 「先 番号 概要 額 …」) is a header and the letter at
a page's foot (「B」 then 「15 / 18」) is block B's title: every row is read in its block, as the gold has it."""
from __future__ import annotations

import json

import pytest

from kg.extract.dispatch import extract_path
from tests.conftest import SEEDS, shared_path
from tests.fixtures.review_sheets import text_pdfplumber, text_pdftotext
from tests.fixtures.seed_prints import reportlab_print, write_form

STEM = "000_38c8df3bc6a1d4a3"


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    d = tmp_path_factory.mktemp("rl-narrow")
    pdf = reportlab_print(write_form(SEEDS / f"{STEM}.txt", d / f"{STEM}.xlsx", "narrow"), d / f"{STEM}.pdf")
    out = {}
    for tool, fn in (("pdfplumber", text_pdfplumber), ("pdftotext", text_pdftotext)):
        out[tool] = d / f"{STEM}.rl.{tool}.txt"
        out[tool].write_text(fn(pdf), encoding="utf-8")
    return out


def _gold_payees():
    gold = json.loads(shared_path("gold", f"{STEM}.json").read_text(encoding="utf-8"))
    return {(p["block"], p["rank"]): p for p in gold["payees"]}


def test_every_row_in_its_block_as_the_gold_has_it(texts):
    rec = extract_path(texts["pdfplumber"])
    keys = [(p["block"], p["rank"]) for p in rec["payees"]]
    assert len(keys) == len(set(keys))
    gold = _gold_payees()
    assert set(keys) == set(gold)
    for p in rec["payees"]:
        g = gold[(p["block"], p["rank"])]
        for k in ("name", "corporate_number", "description", "amount", "contract_method"):
            assert p[k] == g[k], (p["block"], p["rank"], k, p[k], g[k])
    assert not any("read twice" in w["message"] for w in rec["warnings"] if w.get("field") == "payees")


def test_a_label_is_no_project_name(texts):
    """(Before, 「事業」 「名」 as a paragraph was no label and 「点検結果」 was taken for the name, then refused; now the
    label cut every two characters is read whole and the name beside it is the sheet's.)"""
    rec = extract_path(texts["pdftotext"])
    assert rec["project_name"] == "住民基本台帳ネットワークシステムセキュリティ対策経費"
    assert rec["sheet_fiscal_year"] == 2022 and rec["bureau"] == "自治行政局"
