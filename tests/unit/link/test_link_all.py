"""One link stage (kg.link.link_all): the linkers of a build and of `kg add`, declared once."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import iris
from kg.emit.rdf import emit
from kg.iris import DEFAULT_BASE
from kg.link import LINKERS, link_all
from kg.link.store_index import StoreSheetIndex
from kg.records import new_record


def _sheet(year: int, number: str, name: str, past: list | None = None) -> dict:
    rec = new_record("review_sheet", f"sheet-{year}-{number}.txt")
    rec.update({"sheet_fiscal_year": year, "ministry": "総務省", "project_number": number, "project_name": name,
                "past_project_numbers": past or []})
    return rec


def test_modes_switch_the_corpus_steps():
    build = [lk.name for lk in LINKERS if "build" in lk.modes]
    add = [lk.name for lk in LINKERS if "add" in lk.modes]
    assert build == ["statutes", "payees", "lineage", "lineage_by_evidence", "means", "programs"]
    assert add == ["statutes", "payees", "lineage", "means", "programs_joined"]


def test_build_links_a_corpus_and_names_programs_after_the_earliest_sheet():
    recs = [_sheet(2016, "0099", "地域情報化の推進"), _sheet(2017, "0101", "地域情報化の推進", [
        {"fiscal_year": 2016, "number": "0099"}])]
    out, report = link_all(recs)
    assert set(report) == {"merge", *(lk.name for lk in LINKERS if "build" in lk.modes)}
    assert report["lineage"]["asserted"] == 1 and report["programs"] == 1
    assert [r["program_key"] for r in out] == [[2016, "総務省", "0099"]] * 2


def test_add_links_against_the_store_and_joins_its_program():
    earlier = [_sheet(2015, "0090", "地域情報化の推進"), _sheet(2016, "0099", "地域情報化の推進", [
        {"fiscal_year": 2015, "number": "0090"}])]
    earlier, _ = link_all(earlier)
    store = ox.Store()
    for r in earlier:
        store.extend(emit(r, DEFAULT_BASE))
    new = _sheet(2017, "0101", "地域情報化の推進", [{"fiscal_year": 2016, "number": "0099"}])
    _, report = link_all([new], mode="add", index=StoreSheetIndex(store, DEFAULT_BASE))
    assert "merge" not in report and "lineage_by_evidence" not in report and "programs" not in report
    assert report["programs_joined"] == 1
    assert new["lineage"][0]["status"] == "asserted" and new["lineage"][0]["evidence"]["name_similarity"] == 1.0
    # the program of the 2016 sheet in the store is named after 2015 0090, so the new sheet joins that one
    assert new["program_iri"] == iris.program(DEFAULT_BASE, [2015, "総務省", "0090"])


def test_add_needs_the_index_it_links_against():
    with pytest.raises(ValueError, match="needs the sheet index"):
        link_all([_sheet(2017, "0101", "x")], mode="add")
