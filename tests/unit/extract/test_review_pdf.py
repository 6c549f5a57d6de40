"""Review sheet from PDF text (seed 002) and variants of it that the extractor must not be keyed on."""
from __future__ import annotations

import random
import re

import pytest

from kg.extract.pdf_layout import parse_group, solve_budget
from kg.extract.review_pdf import extract
from kg.read.base import RawDoc
from kg.read.text import read_text
from tests.conftest import SEEDS

SEED = SEEDS / "002_c3e6fb52ab9c5507.txt"
GOLD_BUDGET = {
    2014: (3400, 20, 4515, -3180, 0, 4755, 4707),
    2015: (50508, 27859, 3180, -21992, 0, 59555, 58600),
    2016: (15127, 3109, 21992, -8501, 0, 31727, 26833),
    2017: (14275, 0, 8501, 0, 0, 22776, None),
}
KEYS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total", "executed")


def _lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def _run(lines: list[str]) -> dict:
    return extract(RawDoc(path="variant.txt", lines=lines))


def _budget(rec) -> dict[int, tuple]:
    return {b["fiscal_year"]: tuple(b.get(k) for k in KEYS) for b in rec["budget"] if "total" in b}


def _codes(rec) -> set[str]:
    return {w["code"] for w in rec["warnings"]}


def _budget_lines(lines: list[str]) -> list[int]:
    end = next(i for i, t in enumerate(lines) if "成果目標" in t)
    return [i for i in range(end) if parse_group(lines[i], i + 1) is not None]


@pytest.fixture(scope="module")
def seed_rec():
    return extract(read_text(SEED))


def test_seed_header_fields(seed_rec):
    r = seed_rec
    assert (r["sheet_fiscal_year"], r["ministry"], r["project_number"]) == (2017, "総務省", "0048")
    assert r["project_name"] == "社会保障・税に関わる番号制度に関するシステム構築等に要する経費"
    assert (r["bureau"], r["division"]) == ("自治行政局", "住民制度課")
    assert r["responsible_officials"] == ["課長 阿部 知明"]
    assert (r["start_fiscal_year"], r["end_fiscal_year"]) == (2013, 2018)
    assert r["implementation_methods"] == ["直接実施", "委託・請負", "補助"]
    assert (r["accounts"], r["major_expense"], r["major_policy"]) == (["一般会計"], "社会保障", None)
    assert r["policy_evaluation"] == {"policy": "IV.電子政府・電子自治体", "measure": "電子政府・電子自治体の推進"}
    assert r["provenance"]["spans"]["project_name"] == [32, 33]


def test_seed_laws_plans_and_past_numbers(seed_rec):
    laws = {lb["law"]: [c["article"] for c in lb["citations"]] for lb in seed_rec["legal_bases"]}
    # law names wrapped over two PDF lines are rejoined
    assert laws["行政手続における特定の個人を識別するための番号の利用等に関する法律"] == ["8", "17", "18"]
    assert laws["住民基本台帳法"] == ["7", "30の6", "30の9の2"]
    plans = {p["title"]: p for p in seed_rec["related_plans"]}
    assert plans["世界最先端IT国家創造宣言・官民データ活用基本計画"]["date"] == "2017-05-30"
    past = {p["number"]: p.get("fiscal_year") for p in seed_rec["past_project_numbers"]}
    assert past["新24-0005"] == 2012 and {"0046", "0047", "0050", "0051"} <= set(past)
    assert seed_rec["related_projects"] == []


def test_seed_budget_rebuilt_from_arithmetic(seed_rec):
    assert _budget(seed_rec) == GOLD_BUDGET
    assert {"fiscal_year": 2018, "requested": 22218} in seed_rec["budget"]
    assert not {"budget_ambiguous", "budget_total_mismatch", "budget_unsolved"} & _codes(seed_rec)


def test_seed_payees_blocks_and_houjin(seed_rec):
    p = {(x["block"], x["rank"]): x for x in seed_rec["payees"]}
    assert set(p) == {("A", 1), ("B", 1), ("C", 1)}
    assert p[("B", 1)]["corporate_number"] == "3010005022218"
    assert p[("B", 1)]["description"] == "LGWANの改修等に要する費用"
    assert p[("C", 1)]["name"] == "ネットワンシステムズ株式会社"
    assert p[("C", 1)]["contract_method"] == "随意契約(その他)"
    assert p[("A", 1)]["corporate_number"] is None and p[("A", 1)]["amount"] == 26818


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_budget_lines_shuffled_further(seed):
    lines = _lines()
    idx = _budget_lines(lines)
    moved = [lines[i] for i in idx]
    random.Random(seed).shuffle(moved)
    for i, t in zip(idx, moved, strict=True):
        lines[i] = t
    assert _budget(_run(lines)) == GOLD_BUDGET


def _scale(text: str, k: int) -> str:
    def fmt(m):
        neg = m.group(1) or ""
        v = int(m.group(2).replace(",", "")) * k
        return f"{neg}{v:,}"

    g = parse_group(text, 0)
    if g is None or g.percent:
        return text
    if g.glued:
        return re.sub(r"(▲\s*)?(\d{1,3}(?:,\d{3})+|\d+)", fmt, text)
    return re.sub(r"(▲\s*)?(\d[\d,]*)", fmt, text)


def test_renamed_program_with_amounts_changed_consistently():
    lines = _lines()
    for i in _budget_lines(lines):
        lines[i] = _scale(lines[i], 3)  # rates (執行率, 割合) are unchanged by scaling every amount
    lines = [t.replace("社会保障・税に関わる番号制度に関するシステム構築等に要す", "地域情報化の推進に要す")
             .replace("自治行政局", "情報流通行政局") for t in lines]
    rec = _run(lines)
    assert rec["project_name"] == "地域情報化の推進に要する経費" and rec["bureau"] == "情報流通行政局"
    want = {y: tuple(None if v is None else 3 * v for v in vals) for y, vals in GOLD_BUDGET.items()}
    assert _budget(rec) == want


def test_clean_labelled_table_other_years():
    # another layout: every row on one line after its label, in a different order
    rows = ["計 100 120 135 140 150", "当初予算 90 100 110 140 150", "補正予算 10 - 5 0",
            "前年度から繰越し 0 0 20 0", "翌年度へ繰越し 0 ▲20 0 0", "予備費等 0 40 - 0", "執行額 95 100 120",
            "執行率(%) 95% 83% 89%"]
    groups = [parse_group(t, k) for k, t in enumerate(rows, 1)]
    sol = solve_budget(groups)
    assert sol is not None and sol.request_total == 150
    assert [c[5] for c in sol.grid] == [100, 120, 135, 140]
    assert sol.grid[1][:5] == [100, None, 0, -20, 40] and sol.grid[2][:5] == [110, 5, 20, 0, None]


def test_invalid_houjin_is_flagged_and_kept_raw():
    lines = [t.replace("7010701007922", "7010701007923") for t in _lines()]
    rec = _run(lines)
    c = next(p for p in rec["payees"] if p["block"] == "C")
    assert c["corporate_number"] is None and c["corporate_number_raw"] == "7010701007923"
    assert "invalid_corporate_number" in _codes(rec)


def test_block_total_that_does_not_add_up_is_flagged():
    lines = [("計 16 計 0" if t == "計 15 計 0" else t) for t in _lines()]
    rec = _run(lines)
    assert any(w["code"] == "payee_block_sum" and "block C" in w["message"] for w in rec["warnings"])


def test_dropped_sections_give_warnings():
    lines = _lines()
    cut = next(i for i, t in enumerate(lines) if "支出先上位" in t)
    lines = lines[:cut]
    lines = [t for t in lines if "第" not in t or "条" not in t]  # no 根拠法令 text left
    rec = _run(lines)
    assert rec["payees"] == [] and rec["legal_bases"] == []
    assert {"payees_missing", "legal_bases_missing"} <= _codes(rec)
    assert _budget(rec) == GOLD_BUDGET  # the rest still extracts
