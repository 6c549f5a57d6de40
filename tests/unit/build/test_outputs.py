"""graph.nt from the sorted graph.nq in one pass (kg.build.outputs), written by a child process; emission writing a
shared node's lines once per worker (kg.build.parallel). Real JUDGIT sheets, compared with pyoxigraph's own
reading of the same quads."""
from __future__ import annotations

import itertools

import pyoxigraph as ox
import pytest

from kg.build import outputs, parallel
from kg.iris import DEFAULT_BASE
from kg.sources.judgit import iter_judgit
from tests.conftest import shared_path


def _records(n: int = 40, year: int = 2019) -> list[dict]:
    return list(itertools.islice(iter_judgit(shared_path("data", "judgit", f"judgit-{year}.ndjson.gz")), n))


def _sorted_nq(tmp_path, recs) -> tuple:
    nq = tmp_path / "graph.nq"
    parallel.write_quads(recs, DEFAULT_BASE, tmp_path, jobs=1)
    return nq, nq.read_bytes()


def test_union_in_one_pass_is_the_sorted_set_of_triples(tmp_path):
    recs = _records() + _records(30, 2018)  # two files: two graphs naming the same ministries and fiscal years
    recs[0]["project_name"] += " <H28~R2複数年契約) \"引用\""  # ' <' and quotes inside a literal
    nq, data = _sorted_nq(tmp_path, recs)
    n_quads, n_triples = outputs.union_counts(nq, tmp_path / "graph.nt")
    # independently: pyoxigraph reads the quads, the graph is dropped, the set of triples sorted as bytes
    expected = sorted({f"{q.triple} .\n".encode() for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)})
    got = (tmp_path / "graph.nt").read_bytes()
    assert got == b"".join(expected)
    assert n_triples == len(expected) and n_quads == data.count(b"\n") > n_triples
    corp = b"<https://kg.example.org/corp/"
    assert sum(1 for t in expected if t.startswith(corp) and b"#corporateNumber>" in t) >= 10
    assert "<H28~R2複数年契約)".encode() in got


def test_an_unsorted_nq_is_an_error_naming_the_line(tmp_path):
    nq, data = _sorted_nq(tmp_path, _records(5))
    lines = data.splitlines(keepends=True)
    nq.write_bytes(b"".join([lines[0], lines[2], lines[1], *lines[3:]]))
    with pytest.raises(ValueError, match=r"graph.nq: line 3 is out of order"):
        outputs.union_counts(nq, tmp_path / "graph.nt")


def test_outputs_in_a_child_process(tmp_path):
    recs = _records(10)
    nq, data = _sorted_nq(tmp_path, recs)
    counts = outputs.BackgroundOutputs(tmp_path).result()
    assert counts == {"quads": data.count(b"\n"), "triples": (tmp_path / "graph.nt").read_bytes().count(b"\n")}
    ttl = list(ox.parse((tmp_path / "graph.ttl").read_bytes(), format=ox.RdfFormat.TURTLE))
    nt = list(ox.parse((tmp_path / "graph.nt").read_bytes(), format=ox.RdfFormat.N_TRIPLES))
    assert len(ttl) == len(nt) == counts["triples"] and set(ttl) == set(nt)
    nq.write_bytes(b"<https://kg.example.org/b> <p> .\n<https://kg.example.org/a> <p> \"x\" <g> .\n")
    with pytest.raises(OSError, match="writing graph.nt/graph.ttl failed: .*line 2 is out of order"):
        outputs.BackgroundOutputs(tmp_path).result()


def test_a_shared_nodes_lines_are_written_once_per_worker():
    recs = _records(60)
    lines = list(parallel.emit_nquads(recs, DEFAULT_BASE))
    fy = [x for x in lines if x.startswith("<https://kg.example.org/fy/2019> <http://www.w3.org/1999/02/22-rdf")]
    assert len(fy) == 1  # 60 sheets of one file (one graph) all name FY2019
    per_record = [x for r in recs for x in parallel.emit_nquads([r], DEFAULT_BASE)]
    assert set(lines) == set(per_record) and len(per_record) > len(lines)
    assert len(lines) == len(set(lines))


def test_contiguous_shares_cover_every_record_once_with_about_equal_work():
    recs = _records(300)
    weights = [1 + len(r.get("payees") or []) for r in recs]
    assert sum(weights) > 600  # real payee rows
    for n in (1, 2, 3):
        shares = parallel.contiguous_shares(recs, n)
        assert len(shares) == n and shares[0][0] == 0 and shares[-1][1] == len(recs)
        assert all(a[1] == b[0] for a, b in zip(shares, shares[1:], strict=False))
        work = [sum(weights[a:b]) for a, b in shares]
        assert max(work) - min(work) <= 2 * max(weights), work
    assert parallel.contiguous_shares(recs[:1], 2) == [(0, 1), (1, 1)]
