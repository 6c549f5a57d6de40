"""What a kg.publish.pool worker runs for a page job (``{"page": KIND, ...}``): (HTTP status, content type, body).

Kinds: ``entity`` (the HTML page of an IRI), ``data`` (its triples as Turtle, JSON-LD, N-Triples or RDF/XML),
``search`` (the /search page or its JSON). Rendering happens in the read-only worker, so a page is bound by the
same time limit (the worker is ended), long-query lane and result-size cap as a SPARQL query.
"""
from __future__ import annotations

import json
import traceback
from urllib.parse import quote

import pyoxigraph as ox

from kg.publish.pages import data, render, resolve
from kg.publish.protocol import GRAPH_FORMATS, TEXT, CappedBuffer, ResultTooLarge
from kg.query.findings import finding_nodes

HTML = "text/html; charset=utf-8"
PREFIXES = {
    "kg": data.KG, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": data.SKOS, "dcterms": data.DCT, "eli": data.ELI, "org": data.ORG, "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#", "pc": "http://purl.org/procurement/public-contracts#",
    "dqv": "http://www.w3.org/ns/dqv#", "oa": "http://www.w3.org/ns/oa#", "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def run_page(store: ox.Store, job: dict) -> tuple[int, str, bytes]:
    """Never raises: a bug in one page is a 500 naming it, the worker stays."""
    try:
        status, ctype, body = _run(store, job)
    except Exception as ex:  # noqa: BLE001 - a worker answers every job
        traceback.print_exc()
        return 500, TEXT, f"page failed: {type(ex).__name__}: {ex}".encode()
    cap = job.get("max_bytes")
    if cap and len(body) > cap:
        return 422, TEXT, f"the page is larger than the limit of {cap} bytes (kg serve --max-result-bytes)".encode()
    return status, ctype, body


def _run(store: ox.Store, job: dict) -> tuple[int, str, bytes]:
    kind = job["page"]
    if kind == "search":
        return search(store, job)
    iri = job["iri"]
    try:
        ox.NamedNode(iri)
    except ValueError:
        return 404, TEXT, f"not an IRI: {iri!r}".encode()
    if not data.exists(store, iri):
        if kind == "entity" and data.is_graph(store, iri):
            return 200, HTML, render.graph_page(data.graph_data(store, iri), render.Ctx(job["base"]))
        return 404, TEXT, f"nothing in the store is about {iri}\n".encode()
    if kind == "data":
        return data_document(store, iri, job["mt"], job.get("max_bytes"))
    if job.get("section") == "related":
        return related_section(store, iri, render.Ctx(job["base"]))
    return entity_page(store, iri, render.Ctx(job["base"]))


def findings_count(store: ox.Store, iris: list[str]) -> dict[str, int]:
    return {i: len(finding_nodes(store, target=i)) for i in iris}


def entity_page(store: ox.Store, iri: str, ctx: render.Ctx) -> tuple[int, str, bytes]:
    k = data.kind(store, iri)
    if k in ("program", "sheet"):
        only = iri if k == "sheet" else None
        program = (data.value(store, iri, data.KG + "program") or iri) if only else iri
        d = data.program_data(store, program, only)
        if not d["sheets"]:
            return _generic(store, iri, ctx)
        findings = findings_count(store, [iri] + ([] if only else [program]) + [s["iri"] for s in d["sheets"]])
        return 200, HTML, render.program_page(d, ctx, findings, _flows(store, d, ctx), only)
    n = len(finding_nodes(store, target=iri))
    if k == "corp":
        return 200, HTML, render.corp_page(data.corp_data(store, iri), ctx, n)
    if k == "law":
        return 200, HTML, render.law_page(data.law_data(store, iri), ctx, n)
    if k == "concept":
        return 200, HTML, render.concept_page(data.concept_data(store, iri), ctx, n)
    if k == "org":
        return 200, HTML, render.org_page(data.org_data(store, iri), ctx, n)
    return _generic(store, iri, ctx)


def _generic(store: ox.Store, iri: str, ctx: render.Ctx) -> tuple[int, str, bytes]:
    out, inc, cut = data.triples_about(store, iri)
    nodes = {o.value for _, o in out if isinstance(o, ox.NamedNode)} | {s.value for s, _ in inc}
    labels = {}
    for v in sorted(nodes)[:1000]:
        lab = data.label(store, v)
        if lab:
            labels[v] = lab
    for p in {p.value for p, _ in out} | {p.value for _, p in inc}:
        labels[p] = compact(p)
    program = data.value(store, iri, data.KG + "program")
    if program:
        labels.setdefault(program, data.label(store, program) or program)
    n = len(finding_nodes(store, target=iri))
    return 200, HTML, render.generic_page(iri, data.label(store, iri), out, inc, cut, labels, ctx, n, program)


def compact(iri: str) -> str:
    for pre, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{pre}:{iri[len(ns):]}"
    return iri


def _related(store: ox.Store, program: str) -> tuple[list[dict] | None, str]:
    """kg.query.related (issue 20 part A), without the similar-text rows (kg similar: seconds on a national
    store; the page links to it)."""
    from kg.query.related import RelatedError, related

    try:
        return related(store, program, limit=50, text=False), ""
    except RelatedError as ex:
        return None, str(ex)


def related_section(store: ox.Store, iri: str, ctx: render.Ctx) -> tuple[int, str, bytes]:
    """The related entities of a program (or of a sheet's program) as a document of its own: the program page
    embeds it in a frame, so its page is served at once and this slower part has its own time limit."""
    k = data.kind(store, iri)
    program = (data.value(store, iri, data.KG + "program") or iri) if k == "sheet" else iri
    if k not in ("program", "sheet"):
        return 404, TEXT, f"related programs are shown for programs and sheets; {iri} is a {k}\n".encode()
    rows, note = _related(store, program)
    return 200, HTML, render.related_document(program, rows, note, ctx)


FLOW_SHEETS_TRIED = 3  # the newest sheets looked at for one with spending blocks


def _flows(store: ox.Store, d: dict, ctx: render.Ctx) -> str:
    """The Sankey and tree of the newest sheet with spending blocks (every year: /flow)."""
    from kg.query.flow import format_table, sankey, sheet_flow
    from kg.query.sankey import svg

    newest = None
    for s in d["sheets"][:FLOW_SHEETS_TRIED]:  # newest first
        if not data.values(store, s["iri"], data.KG + "spendingBlock"):
            continue
        tree = sheet_flow(store, s["iri"])
        if tree["children"]:
            newest = tree
            break
    if newest is None:
        return ""
    flow_link = "/flow?program=" + quote(d["program"], safe="")
    return (f'<div id="flow-sankey">{svg(sankey([newest]))}</div>'
            f'<p class="muted">{render.e(newest["year"])}年度のシート; every year: '
            f'<a href="{render.e(flow_link)}">/flow</a></p><pre id="flow-tree">{render.e(format_table([newest]))}</pre>')


def data_document(store: ox.Store, iri: str, mt: str, max_bytes: int | None) -> tuple[int, str, bytes]:
    triples = data.data_triples(store, iri)
    out = CappedBuffer(max_bytes or (64 << 20))
    try:
        ox.serialize(triples, out, GRAPH_FORMATS[mt],
                     **({"prefixes": PREFIXES} if mt == "text/turtle" else {}))
    except ResultTooLarge as ex:
        return 422, TEXT, str(ex).encode()
    ctype = mt + ("; charset=utf-8" if mt.startswith("text/") or mt.endswith("json") else "")
    return 200, ctype, out.getvalue()


def search(store: ox.Store, job: dict) -> tuple[int, str, bytes]:
    from kg.query.search import SearchError, stats_of_build
    from kg.query.search import search as run_search

    text, kind = (job.get("q") or "").strip(), job.get("kind") or None
    results, error, status = [], None, 200
    if text:
        try:
            # a read-only worker's store (job["store_dir"]): BM25's figures kept per state of the build
            st = stats_of_build(job["store_dir"], store) if job.get("store_dir") else None
            results = run_search(store, text, limit=job.get("limit") or 20, kinds={kind} if kind else None, st=st)
        except SearchError as ex:
            error, status = str(ex), 400
    base = job["base"]
    for r in results:  # where each result's page is
        target = r.get("program") if r.get("kind") == "program" and r.get("program") else r["iri"]
        r["page"] = resolve.local_path(base, target)
    if job.get("json"):
        body = {"query": text, "kind": kind, "results": results} | ({"error": error} if error else {})
        return status, "application/json; charset=utf-8", json.dumps(body, ensure_ascii=False, indent=1).encode()
    return status, HTML, render.search_page(text, kind, results, error, render.Ctx(base))
