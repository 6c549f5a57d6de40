"""kg.publish: the route table (serve), the capped result buffer (protocol), a worker's answers to bad jobs (pool)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.publish import gsp
from kg.publish.pool import execute
from kg.publish.protocol import CappedBuffer, ResultTooLarge
from kg.publish.serve import ROUTES, Route, find_route, run_named


def test_every_path_has_one_route_and_lookup_prefers_exact_then_longest_prefix():
    keys = [(r.path, r.prefix) for r in ROUTES]
    assert len(keys) == len(set(keys))
    assert find_route("/store").fn is gsp.graph_store and find_route("/update").fn is gsp.update
    assert find_route("/queries/contractor-programs").fn is run_named
    assert find_route("/queries").fn is not run_named
    from kg.publish.pages import routes as pages

    assert find_route("/nothing").fn is pages.entity  # any other path may be an entity IRI (issue 20)
    assert find_route("/page/corp/1").fn is pages.page and find_route("/").fn is not pages.entity
    extra = (*ROUTES, Route("/queries/special/", ("GET",), gsp.update, prefix=True))  # a route is one line
    assert find_route("/queries/special/x", extra).fn is gsp.update
    assert "POST" not in find_route("/queries").methods


def test_capped_buffer_refuses_to_grow():
    buf = CappedBuffer(10)
    buf.write(b"12345")
    with pytest.raises(ResultTooLarge, match="--max-result-bytes"):
        buf.write(b"678901")
    assert buf.getvalue() == b"12345"


def small_store() -> ox.Store:
    st = ox.Store()
    g = ox.NamedNode("http://g.example/1")
    for i in range(500):
        st.add(ox.Quad(ox.NamedNode(f"http://x.example/{i}"), ox.NamedNode("http://x.example/p"), ox.Literal(i), g))
    return st


def test_execute_answers_bad_jobs_with_4xx_and_never_raises():
    st = small_store()
    status, _ct, body = execute(st, {"query": "ASK { ?s ?p ?o }", "default_graphs": ["not an iri"]})
    assert status == 400 and b"IRI" in body
    status, _ct, _b = execute(st, {"query": "ASK { ?s ?p ?o }", "named_graphs": ["http://a b/"]})
    assert status == 400
    status, _ct, body = execute(st, {"query": "SELECT * { ?s ?p ?o }", "max_bytes": 2000})
    assert status == 422 and b"2,000 bytes" in body
    status, _ct, body = execute(st, {"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "max_bytes": 2000})
    assert status == 200 and b'"500"' in body
    status, _ct, _b = execute(st, {"query": "INSERT DATA { <http://a/> <http://a/> 1 }"})
    assert status == 403
    status, _ct, _b = execute(st, {"query": "SELECT"})
    assert status == 400
    status, _ct, body = execute(st, {})  # a malformed job: 500 with the reason, the worker lives on
    assert status == 500 and b"KeyError" in body


def test_options_refused_outright(tmp_path):
    from kg.publish.serve import ServeOptions, check_options

    for bad in ({"allowed_services": frozenset({"file:///etc/passwd"})}, {"max_connections": 0},
                {"request_timeout": 0}, {"long_lane": -1}, {"max_result_bytes": 0}, {"backlog": 0}):
        with pytest.raises(ValueError):
            check_options(ServeOptions(store=str(tmp_path), **bad))
    ok = check_options(ServeOptions(store=str(tmp_path), allowed_services=frozenset({"https://query.wikidata.org/sparql"})))
    assert ok and "query.wikidata.org" in ok[0]
