"""Parallel emission (forked workers writing sorted runs) gives exactly the serial, sorted, unique lines."""
from __future__ import annotations

import itertools

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


def test_emitting_one_share_in_this_process_gives_the_same_graph(tmp_path, monkeypatch):
    """emit_parts(own_share=True) (the record stages' child of kg build: it emits the first share itself beside one
    forked worker, then the derived views) writes the same graph.nq as the workers-only path, with the rankings of a
    corporation paid in several records."""
    import os

    import kg.build.parallel as parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_RECORDS", 0)
    recs = list(itertools.islice((r for r in iter_judgit(shared_path("data", "judgit", "judgit-2017.ndjson.gz"))
                                  if r["ministry"] == "総務省"), 150))
    pids = set()
    emit_raw = parallel._emit_raw

    def noting(args):
        pids.add(os.getpid())
        return emit_raw(args)

    monkeypatch.setattr(parallel, "_emit_raw", noting)
    for name, own in (("a", False), ("b", True)):
        (tmp_path / name).mkdir()
        parallel.sort_parts(parallel.emit_parts(recs, DEFAULT_BASE, tmp_path / name, jobs=2, own_share=own),
                            tmp_path / name)
    a, b = ((tmp_path / n / "graph.nq").read_bytes() for n in "ab")
    assert a == b and b.count(b"\n") > 20000
    assert os.getpid() in pids  # the first share of the own_share run was emitted here
    assert b"<https://kg.example.org/ns#rank>" in b and b"/corp/" in b
