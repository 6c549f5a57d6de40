"""`kg add DOC... --store DIR`: add (or replace) documents in a built store without rebuilding it.

Only the given documents are read and extracted. They are linked against the graph already in the store
(sheets named by past 事業番号 or by 達成手段, their programs, a sheet already there from JUDGIT/RS with the
same key), emitted into their own named graph (a changed document replaces its previous graph) and inserted
in one transaction; then the payee rankings of the scopes whose payee-list rows changed are recomputed
(kg.emit.rankings.update_rankings; any it cannot keep exact are listed in report.json ``stale_rankings``) from the
build's per-payee cells (DIR/payee-cells.sqlite, plus DIR/payee-cells.delta.json of the adds since, published with
the store) rather than from every row of the touched payees. The law index is loaded only for a document citing
laws, from its pickle in DIR/cache. ``bench/bench_add.py`` times each step (``phases``).
graph.nq gets the new quads appended; graph.nt/graph.ttl are marked stale in report.json until the next
`kg build` (which re-derives everything, and is what to run after adding data sets).
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from kg.build.inputs import discover
from kg.link.store_index import DCTERMS_TITLE
from kg.namespaces import KG_NS as KG


class AddError(Exception):
    pass


class Phases:
    """Wall and CPU seconds of each step of one `kg add` (bench/bench_add.py prints them)."""

    def __init__(self):
        self.seconds: dict[str, list[float]] = {}

    @contextmanager
    def __call__(self, name: str):
        w, c = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            acc = self.seconds.setdefault(name, [0.0, 0.0])
            acc[0] += time.perf_counter() - w
            acc[1] += time.process_time() - c

    def report(self) -> dict[str, dict[str, float]]:
        return {k: {"wall": round(w, 4), "cpu": round(c, 4)} for k, (w, c) in self.seconds.items()}


def _previous_graphs(store: ox.Store, base: str, name: str) -> list[ox.NamedNode]:
    """The named graphs of earlier versions of a document with this file name."""
    from kg import iris

    shas = {q.object.value for doc in store.quads_for_pattern(None, DCTERMS_TITLE, ox.Literal(name))
            for q in store.quads_for_pattern(doc.subject, ox.NamedNode(KG + "sha256"), None)}
    out = []
    for sha in sorted(shas):
        g = ox.NamedNode(iris.graph(base, name, sha))
        if store.contains_named_graph(g):
            out.append(g)
    return out


def add_documents(paths: list[str], out_dir: str | Path, base: str | None = None) -> dict:
    """Add or replace ``paths`` in the build at ``out_dir`` as one atomic change: under the folder's lock, a copy of
    the store (hard-linked, cheap) is changed and swapped in together with report.json and the lines appended to
    graph.nq (kg.query.atomic); a failure or a crash at any point leaves the build as it was. The result's
    ``phases`` gives the wall and CPU seconds of each step."""
    from kg.query import atomic
    from kg.query.store import copy_store, locate_store

    out = Path(out_dir)
    if not out.is_dir():
        raise FileNotFoundError(f"no kg build at {out_dir} (run `kg build ... --out {out_dir}` first)")
    inputs = discover(paths)
    data_sets = [i.path for i in inputs if i.kind in ("judgit", "rs")]
    if data_sets:
        raise AddError(f"kg add takes documents; data sets need `kg build` (they relink everything): {data_sets}")
    phase = Phases()
    w0, c0 = time.perf_counter(), time.process_time()
    with atomic.staged(out, "kg add") as tx:
        with phase("copy_store"):
            live = locate_store(out)
            store_dir = copy_store(live, tx.store_path())
            store = ox.Store(str(store_dir))
        try:
            result = _add(inputs, out, store, base, tx, phase)
        finally:
            with phase("close_store"):
                del store
    # the rest: taking the lock, and the commit (the store swapped in, graph.nq extended, report.json replaced)
    phase.seconds["lock_commit"] = [time.perf_counter() - w0 - sum(w for w, _ in phase.seconds.values()),
                                    time.process_time() - c0 - sum(c for _, c in phase.seconds.values())]
    result["phases"] = phase.report()
    return result


def _add(inputs, out: Path, store: ox.Store, base: str | None, tx, phase: Phases | None = None) -> dict:
    from kg.build.pipeline import process_input
    from kg.emit import rankings
    from kg.emit.rdf import emit, to_nq_line
    from kg.iris import DEFAULT_BASE
    from kg.link import link_all
    from kg.link.store_index import StoreSheetIndex

    phase = phase or Phases()
    t0 = time.perf_counter()
    report_path = out / "report.json"
    with phase("report_read"):
        prev = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    base = base or prev.get("base") or DEFAULT_BASE
    with phase("extract"):
        results = [process_input(i) for i in inputs if i.kind in ("document", "skip")]
    records = [r for res in results for r in res.records]
    with phase("law_index"):
        if any(rec.get("legal_bases") for rec in records):  # loaded only for a document citing laws, pickled once
            from kg.link.laws import LawIndex

            LawIndex.load(cache_dir=out / "cache")
    with phase("link"):
        _, link_report = link_all(records, mode="add", index=StoreSheetIndex(store, base))
    replaced, quads = [], []
    with phase("emit"):
        for res in results:
            for rec in res.records:
                name = (rec.get("provenance") or {}).get("source") or rec.get("source")
                replaced += _previous_graphs(store, base, name)
                quads.extend(emit(rec, base))
    with phase("rankings_before"):
        before = rankings.rankings_before(store, replaced, records, base)
    with phase("insert"):
        for g in replaced:
            store.remove_graph(g)
        store.extend(quads)
    with phase("rankings_update"):
        cells = rankings.PayeeCells.open(out, prev.get("payee_cells"))  # the build's cells, when they are this store's
        ranks = rankings.update_rankings(store, base, before, cells=cells)
        if cells is not None and ranks["rows_changed"]:
            tx.write_text(rankings.PAYEE_CELLS_DELTA, cells.delta_text())
    with phase("flush"):
        store.flush()
    with phase("report_write"):
        if quads:
            tx.append("graph.nq", sorted({to_nq_line(q) for q in quads}))
        entries = [r.to_report() for r in results]
        added = {e["input"] for e in entries}
        prev["inputs"] = [i for i in prev.get("inputs", []) if i.get("input") not in added] + entries
        prev.setdefault("incremental", []).append({"added": sorted(added), "quads": len(quads),
                                                   "graphs_replaced": [g.value for g in replaced],
                                                   "link": link_report, "rankings": ranks,
                                                   "seconds": round(time.perf_counter() - t0, 2)})
        prev["stale_files"] = ["graph.nt", "graph.ttl"] + (["graph.nq (appended, unsorted)"] if quads else [])
        prev["stale_rankings"] = sorted(set(prev.get("stale_rankings", [])) | set(ranks["stale_rankings"]))
        prev["stale_findings"] = True  # corpus-wide (kg.link.findings): kg add leaves them; kg build refreshes them
        tx.write_text("report.json", json.dumps(prev, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return {"inputs": entries, "quads": len(quads), "graphs_replaced": len(replaced), "link": link_report,
            "rankings": ranks,
            "seconds": round(time.perf_counter() - t0, 2)}
