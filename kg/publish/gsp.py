"""Writes over HTTP: SPARQL 1.1 Update at ``/update`` and the Graph Store HTTP Protocol at ``/store``.

https://www.w3.org/TR/sparql11-http-rdf-update/ (GET/HEAD/PUT/POST/DELETE with ``?graph=IRI`` or ``?default``)
and https://www.w3.org/TR/sparql11-protocol/#update-operation. Every write needs ``kg serve --allow-update``;
GSP GET/HEAD is always allowed. Writes hold the server's write lock and flush the store. An update may not fetch
(``LOAD``, ``SERVICE``) outside the ``--allow-service`` list (kg.publish.guard). The route functions take the
request handler (kg.publish.serve.Handler) and the method.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg.publish.guard import OutboundRefused, check_outbound
from kg.publish.protocol import (
    GRAPH_FORMATS,
    TEXT,
    CappedBuffer,
    HttpError,
    ResultTooLarge,
    check_iri,
    negotiate,
)


def require_update(req) -> None:
    if not req.server.opts.allow_update:
        raise HttpError(403, "read-only endpoint: start kg serve with --allow-update to accept writes")


def update(req, method: str) -> None:
    """POST /update: one SPARQL Update request (application/sparql-update or a form with ``update``)."""
    require_update(req)
    ctype, body = req.ctype(), req.body()
    if ctype == "application/sparql-update":
        text = req.text(body)
    elif ctype == "application/x-www-form-urlencoded":
        text = (req.form(body).get("update") or [""])[0]
    else:
        raise HttpError(415, "POST /update wants application/sparql-update or a form with 'update'")
    try:
        check_outbound(text, req.server.opts.allowed_services)
    except OutboundRefused as e:
        raise HttpError(403, str(e)) from None
    with req.server.write_lock:
        try:
            req.server.store.update(text)
        except SyntaxError as e:
            raise HttpError(400, f"SPARQL Update syntax error: {e}") from None
        except (OSError, RuntimeError, ValueError) as e:
            raise HttpError(500, f"update failed: {e}") from None
        req.server.store.flush()
    req.send(204, "text/plain", b"")


def target_graph(req) -> ox.NamedNode | ox.DefaultGraph:
    args = req.args()
    if "graph" in args and "default" in args:
        raise HttpError(400, "give either ?graph=IRI or ?default, not both")
    if "default" in args:
        return ox.DefaultGraph()
    g = (args.get("graph") or [""])[0]
    if not g:
        raise HttpError(400, "Graph Store Protocol: give ?graph=IRI or ?default")
    return check_iri(g, "graph IRI")


def graph_store(req, method: str) -> None:
    """/store: read a graph (GET/HEAD), or replace (PUT), add to (POST), drop (DELETE) one."""
    g = target_graph(req)
    st = req.server.store
    exists = isinstance(g, ox.DefaultGraph) or st.contains_named_graph(g)
    if method in ("GET", "HEAD"):
        if not exists:
            raise HttpError(404, f"no graph {g.value}")
        mt = negotiate(req.headers.get("Accept") or "", GRAPH_FORMATS, "text/turtle")
        if mt is None:
            raise HttpError(406, "no acceptable RDF format")
        out = CappedBuffer(req.server.opts.max_result_bytes)
        try:
            st.dump(out, format=GRAPH_FORMATS[mt], from_graph=g)
        except ResultTooLarge as e:
            raise HttpError(422, f"graph {g.value}: {e}") from None
        req.send(200, mt + "; charset=utf-8", out.getvalue())
        return
    require_update(req)
    if method == "DELETE":
        if not exists:
            raise HttpError(404, f"no graph {g.value}")
        with req.server.write_lock:
            if isinstance(g, ox.DefaultGraph):
                st.clear_graph(g)
            else:
                st.remove_graph(g)
            st.flush()
        req.send(204, "text/plain", b"")
        return
    fmt = GRAPH_FORMATS.get(req.ctype())
    if fmt is None:
        raise HttpError(415, f"unsupported RDF media type {req.ctype() or '(none)'}; use "
                             "text/turtle, application/n-triples, application/rdf+xml or application/ld+json")
    body = req.body()
    base = g.value if isinstance(g, ox.NamedNode) else None
    try:  # parse everything before touching the store (a JSON-LD remote @context is never fetched: no loader)
        triples = [q.triple for q in ox.parse(body, format=fmt, base_iri=base, without_named_graphs=True)]
    except (SyntaxError, ValueError) as e:
        raise HttpError(400, f"cannot parse the {req.ctype()} body: {e}") from None
    with req.server.write_lock:
        if method == "PUT" and exists:
            st.clear_graph(g)
        elif not exists:
            st.add_graph(g)
        st.extend([ox.Quad(t.subject, t.predicate, t.object, g) for t in triples])
        st.flush()
    req.send(201 if not exists else 204, TEXT, b"")
