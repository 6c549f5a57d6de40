"""Every dump kg writes (kg build: graph.nt, graph.ttl, graph.nq; kg export: ttl, nt, nq, jsonld) is read by
standard parsers — rdflib and pyoxigraph, not kg's own reader — with the network blocked, to the same graph
as the store (issue 20: the JSON-LD dump used to name its @context by a URL nobody could fetch)."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.publish.export import export
from tests.test_serve import NTT_DATA_KEIEI, seeds_build


class NetworkBlocked(OSError):
    pass


@pytest.fixture
def offline(monkeypatch):
    """No socket can connect or resolve a name while the test runs."""
    def refuse(*_a, **_k):
        raise NetworkBlocked("network access blocked in this test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    return seeds_build(tmp_path_factory)


@pytest.fixture(scope="module")
def dumps(build, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dumps") / "kg"
    res = export(build, ["ttl", "nt", "nq", "jsonld"], out, issued="2025-01-01")
    files = {f"export.{k}": Path(v) for k, v in res["files"].items()}
    files.update({f"build.{ext}": build / f"graph.{ext}" for ext in ("nt", "ttl", "nq")})
    return files


QUAD_FORMATS = {"nq", "jsonld"}
RDFLIB = {"nt": "nt", "ttl": "turtle", "nq": "nquads", "jsonld": "json-ld"}
OXIGRAPH = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE, "nq": ox.RdfFormat.N_QUADS,
            "jsonld": ox.RdfFormat.JSON_LD}


@pytest.fixture(scope="module")
def expected(build):
    quads = set(ox.Store.read_only(str(build / "store")))
    assert any(NTT_DATA_KEIEI in q.subject.value for q in quads)
    triples = {q.triple for q in quads}
    return quads, triples, Graph().parse(build / "graph.nt", format="nt")


@pytest.mark.parametrize("name", ["build.nt", "build.ttl", "build.nq", "export.ttl", "export.nt", "export.nq",
                                  "export.jsonld"])
def test_every_dump_parses_offline_with_rdflib_and_pyoxigraph_to_the_same_graph(name, dumps, expected, offline):
    path = dumps[name]
    ext = path.suffix.lstrip(".")
    quads, triples, nt_graph = expected
    # pyoxigraph, reading the file as it is
    with path.open("rb") as f:
        parsed = list(ox.parse(f, format=OXIGRAPH[ext]))
    if ext in QUAD_FORMATS:
        assert set(parsed) == quads, name
    else:
        assert {q.triple for q in parsed} == triples, name
    # rdflib, reading the file as it is
    if ext in QUAD_FORMATS:
        ds = Dataset()
        ds.parse(path, format=RDFLIB[ext])
        union = Graph()
        for s, p, o, _g in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        n_graphs = len({g for *_x, g in ds.quads((None, None, None, None)) if g is not None})
        assert n_graphs == len({q.graph_name for q in quads}), name
    else:
        union = Graph().parse(path, format=RDFLIB[ext])
    assert len(union) == len(triples), name
    assert isomorphic(union, nt_graph), name


def test_the_block_is_real_a_context_url_cannot_be_fetched(dumps, tmp_path, offline):
    """The same JSON-LD naming its context by URL (as dumps did before) fails under the block: the test above
    would catch a dump that needs the network."""
    doc = json.loads(dumps["export.jsonld"].read_text(encoding="utf-8"))
    doc["@context"] = "https://kg.example.org/ns/context.jsonld"
    p = tmp_path / "linked.jsonld"
    p.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(OSError, match="network access blocked"):  # urllib's URLError is an OSError
        Dataset().parse(p, format="json-ld")
