"""Parallel emission (forked workers writing sorted runs) gives exactly the serial, sorted, unique lines."""
from __future__ import annotations

import itertools
import os

from kg.build.parallel import emit_sorted
from kg.iris import DEFAULT_BASE
from kg.sources.judgit import iter_judgit
from tests.conftest import shared_path


def test_parallel_emission_equals_serial(tmp_path):
    recs = list(itertools.islice((r for r in iter_judgit(shared_path("data", "judgit", "judgit-2017.ndjson.gz"))
                                  if r["ministry"] == "総務省"), 120))
    serial = list(emit_sorted(recs, DEFAULT_BASE, tmp_path, jobs=1, chunk=5000))
    parallel = list(emit_sorted(recs, DEFAULT_BASE, tmp_path, jobs=2, chunk=5000, min_records=0))
    assert len(serial) > 20000 and serial == sorted(set(serial))
    assert parallel == serial
    assert not list(tmp_path.glob("*.run"))  # runs are removed after the merge
    assert any("<https://kg.example.org/corp/" in line for line in serial)


def test_union_triples_same_with_and_without_gnu_sort(tmp_path, monkeypatch):
    import kg.build.outputs as outputs
    import kg.build.sort as sort

    nq = tmp_path / "graph.nq"
    recs = list(itertools.islice(iter_judgit(shared_path("data", "judgit", "judgit-2016.ndjson.gz")), 60))
    recs[0]["project_name"] += "\t(タブ)\x01"  # control characters in a literal
    nq.write_text("".join(emit_sorted(recs, DEFAULT_BASE, tmp_path)), encoding="utf-8")
    n1 = outputs.union_counts(nq, tmp_path / "a.nt")[1]
    monkeypatch.setattr(sort, "gnu_sort", lambda: None)
    n2 = outputs.union_counts(nq, tmp_path / "b.nt")[1]
    assert n1 == n2 > 10000
    assert (tmp_path / "a.nt").read_bytes() == (tmp_path / "b.nt").read_bytes()


def test_write_quads_same_with_and_without_gnu_sort(tmp_path, monkeypatch):
    import kg.build.parallel as parallel
    import kg.build.sort as sort

    recs = list(itertools.islice(iter_judgit(shared_path("data", "judgit", "judgit-2018.ndjson.gz")), 50))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    n1 = parallel.write_quads(recs, DEFAULT_BASE, tmp_path / "a", jobs=2)
    monkeypatch.setattr(sort, "gnu_sort", lambda: None)
    n2 = parallel.write_quads(recs, DEFAULT_BASE, tmp_path / "b", jobs=2)
    assert n1 == n2 > 10000
    assert (tmp_path / "a" / "graph.nq").read_bytes() == (tmp_path / "b" / "graph.nq").read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["graph.nq"]  # no temporary files left


def test_pickled_shares_emitted_elsewhere_give_the_same_graph(tmp_path, monkeypatch):
    """write_shares + emit_shares (kg build's record process writes the derived views, pickles its records in shares
    with the terms of their texts and exits; the small build process emits the shares in forked workers) write the
    same graph.nq as emit_parts, leave no pickle behind, and the emitters use the terms handed over with the share
    (this process forgets its own before emitting, as the build's parent never had them)."""
    import kg.build.parallel as parallel
    from kg.build.terms import precompute
    from kg.normalize import terms as term_layer

    monkeypatch.setattr(parallel, "PARALLEL_MIN_RECORDS", 0)
    recs = list(itertools.islice((r for r in iter_judgit(shared_path("data", "judgit", "judgit-2017.ndjson.gz"))
                                  if r["ministry"] == "総務省"), 150))
    precompute(recs, 1, None)
    try:
        (tmp_path / "a").mkdir()
        parallel.sort_parts(parallel.emit_parts(recs, DEFAULT_BASE, tmp_path / "a", jobs=2), tmp_path / "a")
        (tmp_path / "b").mkdir()
        derived, shares = parallel.write_shares(recs, DEFAULT_BASE, tmp_path / "b", 2)
        assert len(shares) == 2 and all(os.path.getsize(pick) > 10_000 for pick, _ in shares)
        term_layer.forget()
        parallel.sort_parts(derived + parallel.emit_shares(shares, DEFAULT_BASE), tmp_path / "b")
        a, b = ((tmp_path / n / "graph.nq").read_bytes() for n in "ab")
        assert a == b and b.count(b"\n") > 20000
        assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["graph.nq"]  # pickles and parts removed
        assert b"<https://kg.example.org/ns#rank>" in b and b"/corp/" in b and b"<https://kg.example.org/ns#term>" in b

        # the handed-over terms are what the emitters use: a text's terms changed before pickling show in the graph
        name = recs[0]["project_name"]
        term_layer.remember({name: ("受け渡し確認用語",)})
        (tmp_path / "c").mkdir()
        derived, shares = parallel.write_shares(recs, DEFAULT_BASE, tmp_path / "c", 2)
        term_layer.forget()
        parallel.sort_parts(derived + parallel.emit_shares(shares, DEFAULT_BASE), tmp_path / "c")
        assert '"受け渡し確認用語"'.encode() in (tmp_path / "c" / "graph.nq").read_bytes()
    finally:
        term_layer.forget()
