"""Issue 10 on the data we have: RS 2024 (総務省) -> JUDGIT 2023 by evidence, 旧事業番号 emptied."""
from __future__ import annotations

from kg.link.lineage_eval import evaluate
from kg.sources.judgit import iter_judgit
from kg.sources.rs import iter_rs
from tests.conftest import shared_path


def test_rs_2024_links_to_2023_sheets_by_evidence():
    rs = list(iter_rs(shared_path("data", "rs2024-soumu")))
    j23 = [r for r in iter_judgit(shared_path("data", "judgit", "judgit-2023.ndjson.gz")) if r["ministry"] == "総務省"]
    res = evaluate(rs, j23)
    assert res["official_links"] == 5
    assert res["official_reproduced"] == 5  # every official link found again without the official number
    assert res["previous_year_asserted"] / res["previous_year_programs"] >= 0.95
    # a renamed program keeps its lineage: find one link with the evidence recorded as data
    linked = [lk for r in rs for lk in r["lineage"] if lk["status"] == "asserted"]
    assert all({"name", "budget_hits", "same_division", "official"} <= set(lk["evidence"]) for lk in linked)
    ids = {r["extra"]["rs_id"]: r for r in rs}
    r672 = ids["672"]  # official 旧事業番号 2023-総務-22-0007
    assert [lk["number"] for lk in r672["lineage"] if lk["status"] == "asserted"] == ["2023-総務-22-0007"]
