"""The `kg serve` money-flow page (issue 18): GET /flow?program=…[&year=…][&format=json].

HTML: a form, the Sankey (ministry -> program -> block -> payee, kg.query.sankey: inline SVG, no script, no
network) and the tree as `kg flow` prints it. Without a program: the sheets with the most money flows.
format=json: the Sankey graph ({"nodes", "links"}) for other front ends.
"""
from __future__ import annotations

import html
import json

from kg.query.flow import FlowError, flow, format_table, sankey, top_flow_trees
from kg.query.sankey import svg
from kg.query.store import QueryError

_PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:14px sans-serif;margin:1em}} pre{{background:#f6f6f6;padding:.5em;overflow:auto}}
.error{{color:#b00}} svg.sankey{{max-width:1200px;border:1px solid #ddd}}</style></head><body>
<h1>資金の流れ (百万円)</h1>
<form method="get" action="/flow"><label>事業 (事業番号, 予算事業ID, 事業名, IRI)
<input id="flow-program" name="program" value="{program}" size="40"></label>
<label>年度 <input id="flow-year" name="year" value="{year}" size="6"></label>
<button id="flow-go" type="submit">表示</button> <a href="/">SPARQL</a></form>
{error}<p id="flow-summary">{summary}</p>
<div id="flow-sankey">{svg}</div>
<pre id="flow-tree">{tree}</pre>
</body></html>
"""


def flow_page(store, program: str | None, year: str | None = None, fmt: str | None = None) -> tuple[int, str, bytes]:
    """(HTTP status, content type, body) of the page or its JSON."""
    program = (program or "").strip()
    y = int(year) if year and year.strip().isdigit() else None
    error, status = "", 200
    try:
        trees = flow(store, program, y) if program else top_flow_trees(store, top=3)
    except FlowError as e:
        trees, error, status = [], str(e), 404
    except QueryError as e:
        trees, error, status = [], str(e), 400
    graph = sankey(trees)
    if fmt == "json":
        body = {"error": error} if error else graph
        return status, "application/json; charset=utf-8", json.dumps(body, ensure_ascii=False).encode()
    summary = (f"{len(trees)} sheet(s), {len(graph['nodes'])} nodes, {len(graph['links'])} links"
               + ("" if program else " — the sheets with the most money flows"))
    page = _PAGE.format(title=html.escape(f"資金の流れ {program}".strip()), program=html.escape(program),
                        year=html.escape(year or ""), summary=html.escape(summary),
                        error=f'<p class="error" id="flow-error">{html.escape(error)}</p>' if error else "",
                        svg=svg(graph) if trees else "", tree=html.escape(format_table(trees)) if trees else "")
    return status, "text/html; charset=utf-8", page.encode()


def flow_route(req, method: str) -> None:
    """The /flow route of kg serve (a ROUTES line): the page or its JSON, read from the server's store."""
    args = req.args()

    def first(key: str) -> str | None:
        v = args.get(key) or []
        return v[0] if v else None

    status, ctype, body = flow_page(req.server.store, first("program"), first("year"), first("format"))
    req.send(status, ctype, body)


__all__ = ["flow_page", "flow_route"]
