"""`kg flow PROGRAM`: a program's money from the ministry down to the last 再委託, read from a built store.

The edges come from the named query money-flow (organisation -> block, block -> block, block -> payee); this
module only arranges them as a tree per sheet and formats it as a table (indented text), JSON, or a Sankey
graph (nodes and links: ministry -> program -> block -> payee) for the serve page and the notebooks.
Blocks whose payer no source states hang under the sheet marked "unstated"; a block -> block flow from a block
holding several payees is marked ambiguous (which payee paid is not known; no payee -> payee edge is drawn).
"""
from __future__ import annotations

import json

from kg.namespaces import KG_NS
from kg.query.lineage import find_sheets
from kg.query.store import named_queries, run_query

_SHEET_Q = f"PREFIX kg: <{KG_NS}>\n" + """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?number ?title ?ministry ?ministry_label ?bureau_label ?program WHERE {
  VALUES ?sheet { UNDEF }
  # each lookup with the sheet bound (LATERAL): an OPTIONAL of two patterns, or one whose subject the left side
  # binds, is evaluated on its own first (all labels of the store: 0.16 s a sheet on 4.4 M triples)
  LATERAL { OPTIONAL { ?sheet kg:projectNumber ?number } }
  LATERAL { OPTIONAL { ?sheet dcterms:title ?title } }
  LATERAL { OPTIONAL { ?sheet kg:program ?program } }
  LATERAL { OPTIONAL { ?sheet kg:ministry ?ministry . ?ministry rdfs:label ?ministry_label } }
  LATERAL { OPTIONAL { ?sheet kg:bureau ?b . ?b rdfs:label ?bureau_label } }
} LIMIT 1"""


class FlowError(Exception):
    pass


def _num(v: str | None) -> float | int | None:
    if v is None:
        return None
    f = float(v)
    return int(f) if f.is_integer() else f


def sheet_flow(store, sheet: str) -> dict:
    """The tree of one sheet: {"sheet", "year", "number", "title", "ministry", "bureau", "program",
    "children": [node]} where a node is {"kind": "block"|"payee", "iri", "label", "code"?, "edge" (flow kind,
    "unstated", "organisation" or "payment"), "amount", "status"?, "depth"?, "corporate_number"?, "children"}."""
    _, info = run_query(store, _SHEET_Q, {"sheet": sheet})
    number, title, _m, ministry, bureau, program = (info[0] if info else [None] * 6)
    text = named_queries()["money-flow"].read_text(encoding="utf-8")
    variables, rows = run_query(store, text, {"sheet": sheet})
    edges = [dict(zip(variables, r, strict=True)) for r in rows]
    year = next((int(e["year"]) for e in edges if e.get("year")), None)
    out_of: dict[str, list[dict]] = {}
    roots: list[dict] = []
    blocks: dict[str, dict] = {}

    def block_node(e: dict) -> dict:
        return {"kind": "block", "iri": e["to"], "label": e.get("to_label"), "code": e.get("to_code"),
                "depth": _num(e.get("depth")), "children": []}

    for e in edges:
        if e["edge"] == "payment":
            out_of.setdefault(e["from"], []).append({
                "kind": "payee", "iri": e["to"], "label": e.get("to_label"), "edge": "payment",
                "amount": _num(e.get("amount")), "corporate_number": e.get("corporate_number"), "children": []})
            continue
        node = block_node(e)
        node.update({"edge": e.get("kind") or ("unstated" if e["edge"] == "unstated" else None),
                     "amount": _num(e.get("amount")), "status": e.get("status")})
        if e["edge"] == "unstated":
            node["edge"], node["status"] = "unstated", "unstated"
            roots.append(node)
        elif e.get("status") == "organisation":
            node["from_label"] = e.get("from_label")
            roots.append(node)
        else:
            out_of.setdefault(e["from"], []).append(node)
        blocks.setdefault(e["to"], node)

    def attach(node: dict, seen: frozenset) -> dict:
        if node["kind"] == "block" and node["iri"] not in seen:
            kids = out_of.get(node["iri"], [])
            node["children"] = [attach(dict(k), seen | {node["iri"]}) for k in
                                sorted(kids, key=lambda k: (k["kind"] == "block", k.get("code") or "",
                                                            -(k.get("amount") or 0), k.get("label") or ""))]
        return node

    tree = [attach(r, frozenset()) for r in sorted(roots, key=lambda r: (r.get("code") or "", r["iri"]))]
    return {"sheet": sheet, "year": year, "number": number, "title": title, "ministry": ministry,
            "bureau": bureau, "program": program, "children": tree}


def flow(store, ref: str, year: int | None = None) -> list[dict]:
    """Trees of every sheet of the program named by ``ref`` (as for `kg lineage`), newest year first."""
    sheets = find_sheets(store, ref, year)
    if not sheets:
        raise FlowError(f"no program or sheet matches {ref!r}" + (f" in {year}" if year else ""))
    trees = [sheet_flow(store, s) for s in sheets]
    return sorted(trees, key=lambda t: (-(t["year"] or 0), t["sheet"]))


def _amount(v) -> str:
    return "金額不明" if v is None else f"{v:,} 百万円" if isinstance(v, int) else f"{v} 百万円"


def format_table(trees: list[dict]) -> str:
    lines = []
    for t in trees:
        org = " / ".join(x for x in (t.get("ministry"), t.get("bureau")) if x)
        lines.append(f"{t.get('year')}  {t.get('number') or ''}  {t.get('title') or ''}  [{org}]")
        if not t["children"]:
            lines.append("  (no spending blocks in the graph)")

        def walk(node: dict, level: int, passed_on: bool) -> None:
            pad = "  " * level
            if node["kind"] == "block":
                how = node.get("edge") or "種類の記載なし"
                if how == "unstated":
                    how = "支出元の記載なし"
                extra = []
                if node.get("status") in ("ambiguous", "unknown"):
                    extra.append(f"chain {node['status']}")
                if node.get("depth"):
                    extra.append(f"depth {node['depth']}")
                amount = f"  {_amount(node.get('amount'))}" if node.get("amount") is not None else ""
                lines.append(f"{pad}{'→ ' if passed_on else ''}{node.get('label') or node.get('code')}  ({how})"
                             f"{amount}" + (f"  [{', '.join(extra)}]" if extra else ""))
            else:
                num = node.get("corporate_number") or "法人番号なし"
                lines.append(f"{pad}- {node.get('label')}  {num}  {_amount(node.get('amount'))}")
            for k in node.get("children") or []:
                walk(k, level + 1 + (1 if passed_on and k["kind"] == "payee" else 0), k["kind"] == "block")

        for n in t["children"]:
            walk(n, 1, False)
    return "\n".join(lines) + "\n"


def sankey(trees: list[dict]) -> dict:
    """{"nodes": [{"id", "label", "kind"}], "links": [{"source", "target", "value", "kind"}]}: ministry ->
    program (sheet) -> block -> block … -> payee. Values in 百万円; a link without a known amount gets the sum
    of what leaves its target (else 0, and "amount_known": false)."""
    nodes: dict[str, dict] = {}
    links: list[dict] = []

    def node(iri: str, label: str | None, kind: str) -> str:
        nodes.setdefault(iri, {"id": iri, "label": label or iri.rsplit("/", 1)[-1], "kind": kind})
        return iri

    def total(n: dict) -> float:
        """What a block received: its payees' amounts (what it passes on to other blocks is part of them), else
        the sum of its flows to blocks."""
        if n["kind"] == "payee":
            return float(n.get("amount") or 0)
        kids = n.get("children") or []
        paid = [k for k in kids if k["kind"] == "payee"]
        if paid:
            return sum(float(k.get("amount") or 0) for k in paid)
        return sum(float(k["amount"]) if k.get("amount") is not None else total(k) for k in kids)

    def walk(src: str, n: dict) -> None:
        tgt = node(n["iri"], n.get("label"), n["kind"])
        known = n.get("amount") is not None
        links.append({"source": src, "target": tgt, "value": float(n["amount"]) if known else total(n),
                      "kind": n.get("edge"), "amount_known": known})
        for k in n.get("children") or []:
            walk(tgt, k)

    for t in trees:
        m = node(t.get("ministry") and f"ministry:{t['ministry']}" or "ministry:?", t.get("ministry"), "ministry")
        s = node(t["sheet"], f"{t.get('year')} {t.get('title') or t.get('number') or ''}".strip(), "program")
        kids = t["children"]
        links.append({"source": m, "target": s, "value": sum(float(k["amount"]) if k.get("amount") is not None
                                                            else total(k) for k in kids),
                      "kind": "budget", "amount_known": False})
        for k in kids:
            walk(s, k)
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "links": links}


_TOP_Q = f"PREFIX kg: <{KG_NS}>\n" + """SELECT ?sheet (COUNT(DISTINCT ?f) AS ?n) WHERE { ?sheet kg:moneyFlow ?f } GROUP BY ?sheet ORDER BY DESC(?n) ?sheet"""


def top_flow_trees(store, top: int = 3) -> list[dict]:
    """The trees of the ``top`` sheets with the most money flows (the notebook's and the serve page's default)."""
    _, rows = run_query(store, _TOP_Q)
    return [sheet_flow(store, r[0]) for r in rows[:top]]


def flow_keys(trees: list[dict], graph: dict) -> dict:
    """Key numbers of a Sankey (for notebooks): nodes, links, and each block -> block link's value."""
    out: dict = {"sankey_sheets": len(trees), "sankey_nodes": len(graph["nodes"]), "sankey_links": len(graph["links"])}
    kinds = {n["id"]: n for n in graph["nodes"]}
    for lk in graph["links"]:
        s, t = kinds[lk["source"]], kinds[lk["target"]]
        if s["kind"] == "block" and t["kind"] == "block":
            out[f"flow[{s['label'].split('.')[0]}->{t['label'].split('.')[0]}]"] = lk["value"]
    return out


def format_json(trees: list[dict]) -> str:
    return json.dumps(trees, ensure_ascii=False, indent=1) + "\n"


__all__ = ["FlowError", "flow", "flow_keys", "format_json", "format_table", "sankey", "sheet_flow", "top_flow_trees"]
