"""The kg serve routes of the linked-data pages (ROUTES lines in kg.publish.serve).

- any path under the base that is no other route: the entity IRI itself -> 303 See Other to ``/page/…`` or
  ``/data/…?format=…`` (content negotiation on Accept, or ``?format=``), 404 when no triple mentions it;
- ``/page/<path>``: the HTML page; ``/data/<path>``: the triples (``?format=`` or Accept, Turtle by default);
- ``/search?q=TEXT[&kind=K][&limit=N]``: the form and results, JSON with ``Accept: application/json`` or
  ``format=json``.
Rendering runs in the query workers (kg.publish.pages.jobs).
"""
from __future__ import annotations

from urllib.parse import quote

from kg.publish.pages import data, resolve
from kg.publish.protocol import TEXT, HttpError

MAX_SEARCH_LIMIT = 200


def _one(args: dict[str, list[str]], key: str) -> str | None:
    v = (args.get(key) or [None])[0]
    return v.strip() if v and v.strip() else None


def _base(req) -> str:
    return req.server.opts.base


def _not_found(path: str) -> HttpError:
    return HttpError(404, f"no such resource {path}; see / for the query page, /query for SPARQL, /search to find "
                          "an entity")


def entity(req, method: str) -> None:
    """An IRI kg mints, requested at its own path: 303 to the document about it."""
    path = req.path_only()
    base = _base(req)
    iri = resolve.iri_of(base, path)
    graph = iri is not None and not _exists(req, iri) and _is_graph(req, iri)
    if iri is None or not (graph or _exists(req, iri)):
        raise _not_found(path)
    args = req.args()
    fmt = _one(args, "format")
    want = resolve.wanted(req.headers.get("Accept") or "", fmt)
    if want is None and fmt:
        raise HttpError(400, f"no format {fmt!r}; format=html, ttl, jsonld, nt or rdfxml")
    if want is None:
        raise HttpError(406, "this IRI is described as text/html, text/turtle, application/ld+json, "
                             "application/n-triples or application/rdf+xml", {"Vary": "Accept"})
    if want == "html":
        where = resolve.page_path(base, iri)
    elif graph:  # a named graph: its triples are served by the Graph Store Protocol
        where = "/store?graph=" + quote(iri, safe="")
    else:
        where = resolve.data_path(base, iri, resolve.FORMAT_OF[want])
    req.send(303, TEXT, f"See Other: {where}\n".encode(), {"Location": where, "Vary": "Accept"})


def _is_graph(req, iri: str) -> bool:
    try:
        return data.is_graph(req.server.store, iri)
    except ValueError:
        return False


def _exists(req, iri: str) -> bool:
    try:
        return data.exists(req.server.store, iri)
    except ValueError:  # not an IRI pyoxigraph accepts
        return False


def page(req, method: str) -> None:
    path = req.path_only()
    iri = resolve.iri_of(_base(req), path, resolve.PAGE)
    if iri is None:
        raise _not_found(path)
    section = _one(req.args(), "section")
    if section not in (None, "related"):
        raise HttpError(400, "section must be 'related'")
    status, ctype, body = req.server.pool.run({"page": "entity", "iri": iri, "base": _base(req), "section": section,
                                               "max_bytes": req.server.opts.max_result_bytes})
    headers = {}
    if status == 200:
        headers["Link"] = (f'<{resolve.data_path(_base(req), iri, "ttl")}>; rel="alternate"; type="text/turtle", '
                           f'<{resolve.data_path(_base(req), iri, "jsonld")}>; rel="alternate"; '
                           'type="application/ld+json"')
    req.send(status, ctype, body, headers)


def data_document(req, method: str) -> None:
    path = req.path_only()
    iri = resolve.iri_of(_base(req), path, resolve.DATA)
    if iri is None:
        raise _not_found(path)
    args = req.args()
    fmt = _one(args, "format")
    if not _exists(req, iri) and _is_graph(req, iri):
        req.send(303, TEXT, b"See Other: the Graph Store Protocol\n",
                 {"Location": "/store?graph=" + quote(iri, safe=""), "Vary": "Accept"})
        return
    mt = resolve.data_type(req.headers.get("Accept") or "", fmt)
    if mt is None:
        raise HttpError(406 if not fmt else 400, f"no data format {fmt or req.headers.get('Accept')!r}; "
                                                 "format=ttl, jsonld, nt or rdfxml")
    status, ctype, body = req.server.pool.run({"page": "data", "iri": iri, "mt": mt, "base": _base(req),
                                               "max_bytes": req.server.opts.max_result_bytes})
    req.send(status, ctype, body, {"Vary": "Accept"} if not fmt else {})


def search(req, method: str) -> None:
    args = req.args()
    accept = req.headers.get("Accept") or ""
    as_json = _one(args, "format") == "json" or ("application/json" in accept and "text/html" not in accept)
    limit = _one(args, "limit")
    if limit is not None and (not limit.isdigit() or not 1 <= int(limit) <= MAX_SEARCH_LIMIT):
        raise HttpError(400, f"limit must be a whole number from 1 to {MAX_SEARCH_LIMIT}")
    kind = _one(args, "kind")
    from kg.publish.pages.render import SEARCH_KINDS

    if kind is not None and kind not in SEARCH_KINDS:
        raise HttpError(400, f"kind must be one of {', '.join(SEARCH_KINDS)}")
    status, ctype, body = req.server.pool.run({
        "page": "search", "q": _one(args, "q") or _one(args, "text") or "", "kind": kind,
        "limit": int(limit) if limit else 20, "json": as_json, "base": _base(req),
        "max_bytes": req.server.opts.max_result_bytes})
    req.send(status, ctype, body, {"Vary": "Accept"})
