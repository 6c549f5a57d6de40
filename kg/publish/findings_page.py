"""HTML for findings (kg.query.findings): the list at /findings (?kind=K&severity=S) and the findings about one
entity (?target=IRI), linked from that entity's page. Pure functions of the store; kg serve routes to them."""
from __future__ import annotations

import html
import json
from urllib.parse import quote

import pyoxigraph as ox

from kg.query.findings import counts, findings, source_label

PATH = "/findings"
LIMIT = 500


def link_for(target: str) -> str:
    """The path of the findings page about one entity (for entity pages to link to)."""
    return f"{PATH}?target={quote(target, safe='')}"


def count_for(store: ox.Store, target: str) -> int:
    return len(findings(store, target=target))


def _a(iri: str, base: str | None = None) -> str:
    """A fact: its page when it is under the served base (kg.publish.pages: the IRI dereferences), else its
    description (SPARQL DESCRIBE at /query); and the findings about it."""
    local = None
    if base:
        from kg.publish.pages.resolve import local_path

        local = local_path(base, iri)
    href = local or "/query?query=" + quote(f"DESCRIBE <{iri}>", safe="")
    return (f'<a class="entity" href="{html.escape(href)}">{html.escape(iri)}</a> '
            f'<small><a href="{html.escape(link_for(iri))}">findings</a></small>')


def render(store: ox.Store, kind: str | None = None, severity: str | None = None, target: str | None = None,
           base: str | None = None) -> bytes:
    rows = findings(store, kind=kind, target=target, severity=severity)
    title = "Findings about the official data" + (f" — {target}" if target else "") + (f" — {kind}" if kind else "")
    back = ""
    if target and base:
        from kg.publish.pages.resolve import local_path

        lp = local_path(base, target)
        back = f'<p>Back to <a id="target-page" href="{html.escape(lp)}">{html.escape(target)}</a></p>' if lp else ""
    out = [f"<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>",
           "<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
           "padding:4px;vertical-align:top;font-size:90%}.high{color:#a00}.medium{color:#a60}.low{color:#666}"
           "pre{white-space:pre-wrap;margin:0}</style></head><body>",
           f"<h1>{html.escape(title)}</h1>", back,
           "<p>Contradictions in the official data that kg establishes with evidence (W3C DQV quality annotations "
           "in the named graph graph/derived/findings). Kinds: "
           + " · ".join(f'<a href="{PATH}?kind={k}">{k}</a> ({n})' for k, n in counts(rows).items()) + "</p>"]
    if not rows:
        out.append("<p>No findings.</p>")
    else:
        out.append("<table><tr><th>severity</th><th>kind / code</th><th>finding</th><th>suggested correction</th>"
                   "<th>facts</th><th>sources</th><th>evidence</th></tr>")
        for f in rows[:LIMIT]:
            out.append(
                f"<tr id=\"{html.escape(f['iri'].rsplit('/', 1)[-1])}\"><td class=\"{html.escape(f['severity'] or '')}\">"
                f"{html.escape(f['severity'] or '')}<br>{f['confidence']}</td>"
                f"<td>{html.escape(f['kind'] or '')}<br><small>{html.escape(f['code'] or '')}</small></td>"
                f"<td>{html.escape(f['message'] or '')}</td><td>{html.escape(f['suggestion'] or '')}</td>"
                "<td>" + "<br>".join(_a(t, base) for t in f["targets"]) + "</td>"
                "<td>" + "<br>".join(html.escape(source_label(s)) for s in f["sources"]) + "</td>"
                f"<td><pre>{html.escape(json.dumps(f['evidence'], ensure_ascii=False, indent=1, sort_keys=True))}"
                "</pre></td></tr>")
        out.append("</table>")
        if len(rows) > LIMIT:
            out.append(f"<p>{len(rows) - LIMIT} more: <code>kg findings --store DIR --format csv</code></p>")
    out.append("</body></html>")
    return "\n".join(out).encode("utf-8")


def route(req, method: str) -> None:
    """kg serve route ``/findings`` (GET/HEAD): ?kind=K&severity=S&target=IRI; the page, or JSON when
    ``format=json`` or the client accepts only JSON."""
    args = req.args()

    def one(k: str) -> str | None:
        v = (args.get(k) or [None])[0]
        return v.strip() if v and v.strip() else None

    store = req.server.store
    if one("format") == "json" or "application/json" in (req.headers.get("Accept") or "") and \
            "text/html" not in (req.headers.get("Accept") or ""):
        rows = findings(store, kind=one("kind"), target=one("target"), severity=one("severity"))
        req.send(200, "application/json; charset=utf-8", json.dumps(rows, ensure_ascii=False, indent=1).encode())
        return
    base = getattr(req.server.opts, "base", None)
    req.send(200, "text/html; charset=utf-8", render(store, one("kind"), one("severity"), one("target"), base))
