"""RS 3-2 効果発現経路 -> indicators of RS records (kg.sources.rs_goals), and their emission."""
from __future__ import annotations

from kg.emit.rdf import emit
from kg.namespaces import KG
from kg.sources.rs import iter_rs
from tests.conftest import shared_path


def test_rs_3_2_logic_model_of_program_427():
    recs = {r["extra"]["rs_id"]: r for r in iter_rs(shared_path("data", "rs2024-soumu"))}
    r = recs["427"]  # 地域おこし協力隊の推進に要する経費
    by = {i["number"]: i for i in r["indicators"]}
    assert by["rs-output-2"]["kind"] == "output" and by["rs-output-2"]["goal"] == "サポートデスクの運営、各種研修会の実施等"
    assert [(k, by[k]["period"], by[k]["goal"]) for k in ("rs-outcome-3", "rs-outcome-4", "rs-outcome-5")] == [
        ("rs-outcome-3", "短期", "受入可能自治体に対する受入自治体の割合の増加"),
        ("rs-outcome-4", "中期", "地域おこし協力隊の隊員数の増加"),
        ("rs-outcome-5", "長期", "地域の活性化")]
    assert by["rs-output-2"]["leads_to"] == ["rs-outcome-3"] and by["rs-outcome-4"]["leads_to"] == ["rs-outcome-5"]
    assert all(not i["values"] and i["name"] is None for i in r["indicators"])  # 3-2 has no names or values
    assert r["provenance"]["span_files"]["indicators[rs-outcome-3]"] == "3-2"
    quads = list(emit(r, "https://kg.example.org/"))
    leads = {(q.subject.value.rsplit("/", 1)[-1], q.object.value.rsplit("/", 1)[-1])
             for q in quads if q.predicate.value == str(KG.leadsTo)}
    assert ("rs-outcome-3", "rs-outcome-4") in leads
    assert sum(1 for rr in recs.values() for _ in rr.get("indicators") or []) > 500
