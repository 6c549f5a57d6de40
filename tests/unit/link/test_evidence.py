"""Lineage by evidence (kg.link.evidence): each feature of the table and each decision rule on its own."""
from __future__ import annotations

import pytest

from kg.link.evidence import (
    ASSERT_RULES,
    FEATURES,
    MIN_CANDIDATE_SCORE,
    Pair,
    feature_values,
    link_years,
    number_keys,
    rules_met,
    score,
    score_pair,
)


def _values(**kw) -> dict:
    """Feature values of a pair that meets no rule, with ``kw`` changed."""
    v = {"name": 0.2, "request_match": False, "budget_hits": 0, "budget_compared": 0, "same_division": False,
         "same_bureau": False, "official": False, "budget_ratio": 0.0, "budget_or_name": 0.2}
    v.update(kw)
    return v


def _sheet(name: str, number: str, year: int, division: str | None = None, bureau: str | None = None,
           budget: list | None = None, past: list | None = None) -> dict:
    return {"document_type": "review_sheet", "ministry": "総務省", "project_name": name, "project_number": number,
            "sheet_fiscal_year": year, "division": division, "bureau": bureau, "budget": budget or [],
            "past_project_numbers": past or []}


def test_the_tables_name_every_rule_and_feature_once():
    assert [r.name for r in ASSERT_RULES] == ["same_name", "similar_name_and_division_or_budget",
                                              "renamed_same_budget", "official_not_contradicted",
                                              "split_or_merge_in_name", "same_budget_item",
                                              "same_texts_division_and_budget"]
    names = [f.name for f in FEATURES]
    assert len(names) == len(set(names))
    assert {"name", "budget_hits", "budget_compared", "same_division", "same_bureau", "official"} <= set(names)
    assert sum(f.weight for f in FEATURES) == pytest.approx(1.0)


def test_no_rule_on_weak_evidence():
    assert rules_met(_values()) == []


def test_rule_same_name():
    assert rules_met(_values(name=0.97)) == ["same_name"]
    assert rules_met(_values(name=0.969)) == []


def test_rule_similar_name_with_same_division_or_two_budget_hits():
    assert rules_met(_values(name=0.8, same_division=True)) == ["similar_name_and_division_or_budget"]
    assert rules_met(_values(name=0.8, budget_hits=2, budget_compared=6, budget_ratio=1 / 3)) == [
        "similar_name_and_division_or_budget"]
    assert rules_met(_values(name=0.79, same_division=True)) == []
    assert rules_met(_values(name=0.8, budget_hits=1, budget_compared=1, budget_ratio=1.0)) == []


def test_rule_renamed_program_with_the_same_budget():
    v = _values(name=0.1, budget_hits=3, budget_compared=4, budget_ratio=0.75, same_bureau=True)
    assert rules_met(v) == ["renamed_same_budget"]
    assert rules_met(dict(v, same_bureau=False)) == []  # a different bureau needs a name of 0.5
    assert rules_met(dict(v, same_bureau=False, name=0.5)) == ["renamed_same_budget"]
    assert rules_met(dict(v, budget_ratio=0.74)) == []
    assert rules_met(dict(v, budget_hits=2, budget_ratio=1.0)) == []


def test_rule_official_number_not_contradicted():
    assert rules_met(_values(official=True, name=0.35)) == ["official_not_contradicted"]
    assert rules_met(_values(official=True, name=0.1, budget_hits=1, budget_compared=3,
                             budget_ratio=1 / 3)) == ["official_not_contradicted"]
    assert rules_met(_values(official=True, name=0.34)) == []  # contradicted: a candidate at most


def test_score_is_the_weighted_sum_plus_the_official_bonus():
    v = _values(name=0.6, same_division=True, same_bureau=True, budget_hits=3, budget_compared=4,
                budget_ratio=0.75, budget_or_name=0.75)
    assert score(v) == pytest.approx(0.5 * 0.6 + 0.1 + 0.05 + 0.35 * 0.75)
    assert score(dict(v, official=True)) == pytest.approx(0.5 * 0.6 + 0.1 + 0.05 + 0.35 * 0.75 + 0.2)
    assert score(dict(v, name=1.0, budget_or_name=1.0, official=True)) == 1.0  # capped


def test_features_of_a_real_pair():
    budget_late = [{"fiscal_year": 2016, "initial": 120.5, "total": 130.0, "executed": 101.2},
                   {"fiscal_year": 2017, "initial": 150.0}]
    budget_early = [{"fiscal_year": 2016, "initial": 120.5, "total": 130.2, "executed": 99.0},
                    {"fiscal_year": 2017, "requested": 150.0}]
    later = _sheet("地域情報化の推進に必要な経費", "0101", 2017, "地域通信振興課", "情報流通行政局", budget_late)
    earlier = _sheet("地域情報化の推進", "0099", 2016, "地域通信振興課", "情報流通行政局", budget_early)
    v = feature_values(Pair(later, earlier, 2017, {"0099"}))
    # 2016: initial and total agree (0.2 within 0.5), executed does not; the 2017 request equals the 2017 initial
    assert (v["budget_hits"], v["budget_compared"], v["request_match"]) == (3, 4, True)
    assert v["budget_ratio"] == 0.75 and v["budget_or_name"] == 0.75
    assert v["name"] == 1.0  # 経費 suffix and の are folded by the program-name key
    assert v["same_division"] and v["same_bureau"] and v["official"]
    ev = score_pair(later, earlier, 2017, {"0099"})
    assert ev["asserted"] is True and ev["score"] == 1.0
    assert list(ev) == ["name", "request_match", "budget_hits", "budget_compared", "same_division", "same_bureau",
                        "official", "terms", "text", "part", "score", "asserted"]  # unrecorded features stay out of the evidence


def test_link_years_asserts_and_keeps_a_weak_best_match_as_candidate():
    later = [_sheet("電波利用料財源による電波監視の実施", "0201", 2018, "電波監理課"),
             _sheet("まったく新しい事業", "0202", 2018, "情報政策課")]
    earlier = [_sheet("電波利用料財源による電波監視の実施", "0188", 2017, "電波監理課"),
               _sheet("統計調査の実施", "0189", 2017, "統計調査課")]
    stats = link_years(later, earlier, 2018)
    lk = later[0]["lineage"]
    assert [(x["number"], x["status"], x["method"]) for x in lk] == [("0188", "asserted", "evidence")]
    assert lk[0]["evidence"]["name"] == 1.0
    weak = later[1].get("lineage")
    assert all(x["status"] == "candidate" and x["score"] >= MIN_CANDIDATE_SCORE for x in weak)
    assert stats["asserted"] == 1 and stats["sheets"] == 2


def test_rule_renamed_program_with_the_same_texts_division_and_budget():
    # RS 2024 需要家主導型太陽光発電及び…蓄電池導入促進事業 <- 2023-経産-22-0258 需要家主導太陽光発電導入促進事業:
    # name 0.596, texts 0.844, same division, initial budgets of 2022 and 2023 equal (totals differ)
    v = _values(name=0.596, text=0.844, same_division=True, budget_hits=2, budget_compared=5, budget_ratio=0.4)
    assert rules_met(v) == ["same_texts_division_and_budget"]
    assert rules_met(dict(v, text=0.59)) == []
    assert rules_met(dict(v, same_division=False)) == []
    assert rules_met(dict(v, budget_hits=1)) == []


def test_number_keys_let_a_short_or_bare_official_number_name_the_sheet():
    assert number_keys("2023-経産-22-0436") == {"2023-経産-22-0436", "22-0436", "0436"}
    assert number_keys("2023-デジ-22-0001-4") == {"2023-デジ-22-0001-4", "22-0001-4", "0001-4"}
    assert number_keys("2023-こども-新23-0002") == {"2023-こども-新23-0002", "新23-0002", "0002"}
    later = _sheet("地域知財普及啓発推進事業", None, 2024)
    later["extra"] = {"old_number_text": "経産新21：0034\u3000経産21：0414\u3000経産22：0436"}
    earlier = [dict(_sheet("地域知財普及啓発推進事業", "2023-経産-22-0436", 2023), ministry="総務省"),
               _sheet("別の事業", "2023-経産-22-0034", 2023)]
    link_years([later], earlier, 2024)
    (lk,) = [x for x in later["lineage"] if x["status"] == "asserted"]
    assert lk["number"] == "2023-経産-22-0436" and lk["evidence"]["official"] is True


def test_a_past_number_candidate_confirmed_by_evidence_is_one_asserted_link():
    """A past number whose name alone left it a candidate (JUDGIT 2018 内閣府 新30-0017 -> 新30-0014: name 0.167),
    asserted by the evidence (same division, texts, budget): one link to that sheet, asserted, keeping what the past
    number said — two links to one target were two statuses on one node of the graph (SHACL maxCount)."""
    budget_late = [{"fiscal_year": 2017, "initial": 40.0}]
    budget_early = [{"fiscal_year": 2017, "initial": 40.0}]
    later = _sheet("地方創生推進交付金事務費", "新30-0017", 2018, "地方創生推進室", "地方創生推進事務局", budget_late)
    later["lineage"] = [{"fiscal_year": 2017, "ministry": "総務省", "number": "新30-0014", "status": "candidate",
                         "score": 0.5, "method": "past_number",
                         "evidence": {"official_past_number": "新30-0014", "name_similarity": 0.167}}]
    later["past_project_numbers"] = [{"fiscal_year": 2017, "number": "新30-0014"}]
    earlier = [_sheet("地方創生推進交付金の事務", "新30-0014", 2017, "地方創生推進室", "地方創生推進事務局",
                      budget_early)]
    link_years([later], earlier, 2018)
    links = [x for x in later["lineage"] if x["fiscal_year"] == 2017]
    assert len(links) == 1
    (lk,) = links
    assert lk["number"] == "新30-0014" and lk["status"] == "asserted" and lk["method"] == "evidence"
    assert lk["evidence"]["official"] is True
    assert lk["evidence"]["past_number"] == {"official_past_number": "新30-0014", "name_similarity": 0.167}
