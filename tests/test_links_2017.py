"""Issue 4's done criteria on seeds/ plus the JUDGIT 2017 総務省 records, read back from the store by SPARQL."""
from __future__ import annotations

import gzip

import pytest

from kg.build.pipeline import BuildOptions, build
from kg.query.store import named_queries, open_store, run_query
from tests.conftest import SEEDS, shared_path

PREFIX = """PREFIX kg: <https://kg.example.org/ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
MEANS_2017 = [f"{n:04d}" for n in range(31, 53)] + ["新29-0004"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("links2017")
    src = shared_path("data", "judgit", "judgit-2017.ndjson.gz")
    j17 = d / "judgit-2017.ndjson.gz"
    with gzip.open(src, "rt", encoding="utf-8") as f, gzip.open(j17, "wt", encoding="utf-8") as g:
        g.writelines(line for line in f if '"府省庁":"総務省"' in line)
    out = d / "build"
    build([str(SEEDS), str(j17)], out, BuildOptions(quiet=True, validate=False))
    return open_store(out)


def _select(store, text, params=None):
    variables, rows = run_query(store, text, params or {})
    return [dict(zip(variables, r, strict=True)) for r in rows]


def test_all_23_means_link_to_their_2017_sheets(store):
    rows = _select(store, named_queries()["means-sheets"].read_text(encoding="utf-8"))
    linked = {}
    for r in rows:
        if r["target"]:
            linked[int(r["index"])] = (r["number"], r["status"], r["target"])
    assert sorted(linked) == list(range(1, 24))
    assert [linked[i][0] for i in range(1, 24)] == MEANS_2017
    assert {s for _, s, _ in linked.values()} == {"asserted"}
    # every target is a 2017 sheet that is in the graph (from JUDGIT), with its number
    sheets = _select(store, PREFIX + "SELECT ?s ?n WHERE { ?s a kg:ReviewSheet ; kg:reviewYear 2017 ; kg:projectNumber ?n }")
    by_iri = {r["s"]: r["n"] for r in sheets}
    assert all(by_iri.get(t) == n for n, _, t in linked.values())


def test_seed_000_is_the_same_program_as_means_9(store):
    rows = _select(store, PREFIX + """SELECT ?p9 ?p000 WHERE {
      ?m kg:meansIndex 9 ; kg:sheetLink/kg:linkTarget ?s2017 .
      ?s2017 kg:program ?p9 .
      ?s000 a kg:ReviewSheet ; kg:reviewYear 2022 ; dcterms:title "住民基本台帳ネットワークシステムセキュリティ対策経費"@ja ;
            kg:program ?p000 ; dcterms:replaces ?s2017 .
    }""")
    assert rows and rows[0]["p9"] == rows[0]["p000"]


@pytest.mark.parametrize("law,titles", [
    ("住民基本台帳法", {"住民基本台帳ネットワークシステムセキュリティ対策経費",  # seed 000: 第30条の24～第30条の40, 第31条
                     "社会保障・税に関わる番号制度に関するシステム構築等に要する経費"}),  # seed 002: 第7条, 第30条の6, 第30条の9の2
    ("サイバーセキュリティ基本法", {"自治体情報セキュリティ強化対策事業", "サイバーセキュリティ政策に関する調査研究"}),
])
def test_statute_links_sheets_at_article_level(store, law, titles):
    rows = _select(store, PREFIX + """SELECT DISTINCT ?title ?article WHERE {
      VALUES ?lawname { UNDEF }
      ?law a eli:LegalResource ; rdfs:label ?name . FILTER (STR(?name) = STR(?lawname))
      ?sheet kg:citesProvision ?article ; dcterms:title ?t .
      ?article eli:is_part_of+ ?law .
      BIND (STR(?t) AS ?title)
    }""", {"lawname": law})
    by_title: dict[str, set[str]] = {}
    for r in rows:
        by_title.setdefault(r["title"], set()).add(r["article"].rsplit("/at/", 1)[-1])
    assert set(by_title) == titles  # exactly the two seed sheets, each through its own articles
    assert all(by_title.values())
