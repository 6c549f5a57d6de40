"""bench/format_facts.py keys past project numbers by number, and by number and year when the reference lists one
number for two years (a sheet whose 2015 and 2019 rows both hold 「0083」): each year is a fact of its own, a true
pairing scores right whatever the order, a wrong year or a row of kg's own still counts."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def ff():
    spec = importlib.util.spec_from_file_location("format_facts", ROOT / "bench" / "format_facts.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def gs(ff):
    return ff._gold_score()


REF = {"project_name": "テスト事業", "past_project_numbers": [
    {"fiscal_year": 2015, "number": "0083"}, {"fiscal_year": 2016, "number": "0007"},
    {"fiscal_year": 2019, "number": "0083"}, {"fiscal_year": 2022, "number": "2022-国交-21-0006"}]}


def _score(ff, gs, got):
    want, have = ff.paired_facts(gs, REF, got)
    ok = sum(have.get(k) == v for k, v in want.items())
    wrong = [k for k, v in want.items() if have.get(k) not in (None, v)]
    extra = [k for k, v in have.items() if k not in want and v is not None]
    return len(want), ok, wrong, extra


def test_a_number_listed_for_two_years_is_two_facts_each_right(ff, gs):
    got = {"project_name": "テスト事業", "past_project_numbers": [REF["past_project_numbers"][i] for i in (2, 1, 0, 3)]}
    n, ok, wrong, extra = _score(ff, gs, got)
    assert n == 1 + 8 and ok == n and not wrong and not extra  # both 「0083」 rows with their years


def test_one_year_of_a_twice_listed_number_unknown_is_absent_not_wrong(ff, gs):
    got = {"project_name": "テスト事業", "past_project_numbers": [
        {"fiscal_year": 2015, "number": "0083"}, {"fiscal_year": 2016, "number": "0007"},
        {"fiscal_year": None, "number": "0083"}, {"fiscal_year": 2022, "number": "2022-国交-21-0006"}]}
    n, ok, wrong, extra = _score(ff, gs, got)
    assert ok == n - 1 and not wrong and not extra


def test_a_wrong_year_is_wrong_and_a_number_of_its_own_extra(ff, gs):
    got = {"project_name": "テスト事業", "past_project_numbers": [
        {"fiscal_year": 2015, "number": "0083"}, {"fiscal_year": 2017, "number": "0007"},
        {"fiscal_year": 2019, "number": "0083"}, {"fiscal_year": 2020, "number": "0083"},
        {"fiscal_year": 2021, "number": "0442"}]}
    n, ok, wrong, extra = _score(ff, gs, got)
    assert wrong == ["/past_project_numbers[0007]/fiscal_year"]
    assert sorted(extra) == ["/past_project_numbers[0083|2020.0|+1]/fiscal_year",
                             "/past_project_numbers[0083|2020.0|+1]/number",
                             "/past_project_numbers[0442|2021.0|+1]/fiscal_year",
                             "/past_project_numbers[0442|2021.0|+1]/number"]
