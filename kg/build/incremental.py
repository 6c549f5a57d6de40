"""`kg add DOC... --store DIR`: add (or replace) documents in a built store without rebuilding it.

Only the given documents are read and extracted. They are linked against the graph already in the store
(sheets named by past 事業番号 or by 達成手段, their programs, a sheet already there from JUDGIT/RS with the
same key), emitted into their own named graph (a changed document replaces its previous graph) and inserted
in one transaction; then the payee rankings of the scopes whose payee-list rows changed are recomputed
(kg.emit.rankings.update_rankings; any it cannot keep exact are listed in report.json ``stale_rankings``).
graph.nq gets the new quads appended; graph.nt/graph.ttl are marked stale in report.json until the next
`kg build` (which re-derives everything, and is what to run after adding data sets).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pyoxigraph as ox

from kg.build.inputs import discover
from kg.normalize.names import program_key
from kg.namespaces import KG_NS as KG
from kg.records import Record, warn

DCTERMS_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")


class AddError(Exception):
    pass


class StoreSheetIndex:
    """The SheetIndex interface (kg.link.sheets) answered from a built store instead of in-memory records."""

    def __init__(self, store: ox.Store, base: str):
        self.store, self.base = store, base

    def _sheet(self, iri: str, number: str | None) -> list[Record]:
        node = ox.NamedNode(iri)
        titles = sorted({q.object.value for q in self.store.quads_for_pattern(node, DCTERMS_TITLE, None)})
        if not titles:
            return []
        return [{"document_type": "review_sheet", "project_name": titles[0], "project_number": number,
                 "iri": iri}]

    def get(self, key) -> list[Record]:
        from kg import iris

        year, ministry, number = key
        return self._sheet(iris.sheet(self.base, int(year), ministry, number), number)

    def by_program_name(self, year: int, ministry: str, name: str) -> list[Record]:
        from kg import iris

        q = f"""PREFIX kg: <{KG}> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT DISTINCT ?s ?t ?n WHERE {{ ?s a kg:ReviewSheet ; kg:reviewYear {int(year)} ;
          kg:ministry <{iris.ministry(self.base, ministry)}> ; dcterms:title ?t . OPTIONAL {{ ?s kg:projectNumber ?n }} }}"""
        want = program_key(name)
        out = []
        for sol in self.store.query(q, use_default_graph_as_union=True):
            if program_key(sol["t"].value) == want:
                n = sol["n"].value if sol["n"] is not None else None
                out.append({"document_type": "review_sheet", "project_name": sol["t"].value, "project_number": n,
                            "iri": sol["s"].value})
        return out

    def program_of(self, sheet_iri: str) -> str | None:
        progs = sorted(q.object.value for q in self.store.quads_for_pattern(
            ox.NamedNode(sheet_iri), ox.NamedNode(KG + "program"), None))
        return progs[0] if progs else None


def _link(records: list[Record], index: StoreSheetIndex, base: str) -> dict:
    from kg import iris
    from kg.link.lineage import link_past_numbers
    from kg.link.payees import link_payees
    from kg.link.policies import link_means
    from kg.link.sheets import sheet_key
    from kg.link.statutes import link_statutes

    report = {"statutes": link_statutes(records), "payees": link_payees(records),
              "lineage": link_past_numbers(records, index), "means": link_means(records, index)}
    joined = 0
    for rec in records:
        if rec.get("document_type") != "review_sheet":
            continue
        # the program as a full build would name it: after the earliest sheet of the lineage, where a linked
        # sheet already in the graph brings its own program (a full build may also rename that program when the new
        # document reaches further back; `kg build` settles it)
        cands: list[tuple[int, str, str, str]] = []
        for lk in rec.get("lineage") or []:
            if lk.get("status") != "asserted":
                continue
            prog = index.program_of(iris.sheet(base, lk["fiscal_year"], lk["ministry"], lk["number"]))
            if prog:
                joined += 1
                cands.append((_year_of(prog), "", "", prog))
            else:
                key = [int(lk["fiscal_year"]), lk["ministry"], lk["number"]]
                cands.append((key[0], key[1], key[2], iris.program(base, key)))
        own = sheet_key(rec)
        if own:
            cands.append((own[0], own[1], own[2], iris.program(base, list(own))))
        if cands:
            rec["program_iri"] = min(cands)[3]
        k = sheet_key(rec)
        if k:
            twin = index.get(k)
            if twin:
                warn(rec, "added_to_existing_sheet", f"sheet {k[2]} ({k[0]}, {k[1]}) is already in the store "
                     f"(another source); this document's facts are added to it", field="project_number")
                rec["program_iri"] = index.program_of(twin[0]["iri"]) or rec.get("program_iri")
    report["programs_joined"] = joined
    return report


def _year_of(program_iri: str) -> int:
    try:
        return int(program_iri.split("/program/", 1)[1].split("/", 1)[0])
    except (IndexError, ValueError):
        return 10**6


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
    graph.nq (kg.build.atomic); a failure or a crash at any point leaves the build as it was."""
    from kg.build import atomic
    from kg.query.store import copy_store, locate_store

    out = Path(out_dir)
    if not out.is_dir():
        raise FileNotFoundError(f"no kg build at {out_dir} (run `kg build ... --out {out_dir}` first)")
    inputs = discover(paths)
    data_sets = [i.path for i in inputs if i.kind in ("judgit", "rs")]
    if data_sets:
        raise AddError(f"kg add takes documents; data sets need `kg build` (they relink everything): {data_sets}")
    with atomic.staged(out, "kg add") as tx:
        live = locate_store(out)
        store_dir = copy_store(live, tx.store_path())
        store = ox.Store(str(store_dir))
        try:
            return _add(inputs, out, store, base, tx)
        finally:
            del store


def _add(inputs, out: Path, store: ox.Store, base: str | None, tx) -> dict:
    from kg.build.pipeline import process_input
    from kg.emit.rankings import rankings_before, update_rankings
    from kg.emit.rdf import emit, to_nq_line
    from kg.iris import DEFAULT_BASE

    t0 = time.perf_counter()
    report_path = out / "report.json"
    prev = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    base = base or prev.get("base") or DEFAULT_BASE
    results = [process_input(i) for i in inputs if i.kind in ("document", "skip")]
    records = [r for res in results for r in res.records]
    index = StoreSheetIndex(store, base)
    link_report = _link(records, index, base)
    replaced, quads = [], []
    for res in results:
        for rec in res.records:
            name = (rec.get("provenance") or {}).get("source") or rec.get("source")
            replaced += _previous_graphs(store, base, name)
            quads.extend(emit(rec, base))
    before = rankings_before(store, replaced, records, base)
    for g in replaced:
        store.remove_graph(g)
    store.extend(quads)
    ranks = update_rankings(store, base, before)
    store.flush()
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
    tx.write_text("report.json", json.dumps(prev, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return {"inputs": entries, "quads": len(quads), "graphs_replaced": len(replaced), "link": link_report,
            "rankings": ranks,
            "seconds": round(time.perf_counter() - t0, 2)}
