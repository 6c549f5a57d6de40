"""Sankey drawing of money flows (ministry -> program -> block -> … -> payee) as self-contained SVG/HTML.

Input: the {"nodes", "links"} graph of kg.query.flow.sankey. No network access and no JavaScript library: the
layout is computed here (columns by distance from the ministry, node height by the larger of what enters and
what leaves, links as bands), so the notebook file and the kg serve page show the same picture offline.
A link whose amount the source does not give is drawn paler (its width is what its target passes on or pays).
"""
from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

_COLORS = {"ministry": "#4c78a8", "program": "#f58518", "block": "#54a24b", "payee": "#b279a2"}


def layout(graph: dict, width: float = 960.0, height: float | None = None, node_w: float = 12.0,
           gap: float = 6.0) -> dict:
    """Positions: {"nodes": [{id, label, kind, x, y, h, value}], "links": [{source, target, value, sy, ty, w,
    kind, amount_known}], "width", "height"}."""
    nodes = {n["id"]: dict(n) for n in graph.get("nodes", [])}
    links = [dict(lk) for lk in graph.get("links", []) if lk["source"] in nodes and lk["target"] in nodes]
    incoming, outgoing = defaultdict(list), defaultdict(list)
    for lk in links:
        outgoing[lk["source"]].append(lk)
        incoming[lk["target"]].append(lk)
    col: dict[str, int] = {}
    for nid in sorted(nodes):  # longest path from a root (no incoming link); cycles cannot loop
        if not incoming[nid]:
            stack = [(nid, 0)]
            while stack:
                cur, d = stack.pop()
                if col.get(cur, -1) >= d or d > len(nodes):
                    continue
                col[cur] = d
                stack.extend((lk["target"], d + 1) for lk in outgoing[cur])
    for nid in nodes:
        col.setdefault(nid, 0)
    for nid, n in nodes.items():
        n["value"] = max(sum(lk["value"] for lk in incoming[nid]), sum(lk["value"] for lk in outgoing[nid]), 0.0)
    columns: dict[int, list[str]] = defaultdict(list)
    for nid in sorted(nodes, key=lambda i: (col[i], -nodes[i]["value"], nodes[i]["label"], i)):
        columns[col[nid]].append(nid)
    ncol = max(columns) + 1 if columns else 1
    tallest = max((len(v) for v in columns.values()), default=1)
    height = height or max(240.0, 26.0 * tallest)
    total = max((sum(nodes[i]["value"] for i in ids) for ids in columns.values()), default=0.0) or 1.0
    scale = (height - gap * (tallest + 1)) / total
    for c, ids in columns.items():
        y = gap
        for nid in ids:
            n = nodes[nid]
            n["h"] = max(2.0, n["value"] * scale)
            n["x"] = (width - node_w - 240) * c / max(ncol - 1, 1)
            n["y"] = y
            y += n["h"] + gap
    out_off, in_off = defaultdict(float), defaultdict(float)
    for lk in sorted(links, key=lambda k: (nodes[k["source"]]["y"], nodes[k["target"]]["y"])):
        w = max(1.0, lk["value"] * scale)
        lk["w"] = w
        lk["sy"] = nodes[lk["source"]]["y"] + out_off[lk["source"]] + w / 2
        lk["ty"] = nodes[lk["target"]]["y"] + in_off[lk["target"]] + w / 2
        out_off[lk["source"]] += w
        in_off[lk["target"]] += w
    return {"nodes": list(nodes.values()), "links": links, "width": width,
            "height": max((n["y"] + n["h"] for n in nodes.values()), default=height) + gap, "node_w": node_w}


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v >= 100 else f"{v:,.3g}"


def svg(graph: dict, width: float = 960.0) -> str:
    """The Sankey as one <svg> element (title tooltips on nodes and links)."""
    lay = layout(graph, width=width)
    nw = lay["node_w"]
    by_id = {n["id"]: n for n in lay["nodes"]}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="sankey" viewBox="0 0 {lay["width"]:.0f} '
             f'{lay["height"]:.0f}" width="100%" font-family="sans-serif" font-size="11">']
    for lk in lay["links"]:
        s, t = by_id[lk["source"]], by_id[lk["target"]]
        x0, x1 = s["x"] + nw, t["x"]
        xm = (x0 + x1) / 2
        opacity = "0.45" if lk.get("amount_known", True) else "0.2"
        tip = f"{s['label']} → {t['label']}: {_fmt(lk['value'])} 百万円" + (f" ({lk['kind']})" if lk.get("kind") else "")
        parts.append(f'<path class="link" d="M{x0:.1f},{lk["sy"]:.1f} C{xm:.1f},{lk["sy"]:.1f} {xm:.1f},'
                     f'{lk["ty"]:.1f} {x1:.1f},{lk["ty"]:.1f}" fill="none" stroke="#999" stroke-opacity="{opacity}" '
                     f'stroke-width="{lk["w"]:.1f}"><title>{html.escape(tip)}</title></path>')
    for n in lay["nodes"]:
        tip = f"{n['label']} ({n['kind']}): {_fmt(n['value'])} 百万円"
        parts.append(f'<g class="node" data-kind="{html.escape(n["kind"])}"><rect x="{n["x"]:.1f}" y="{n["y"]:.1f}" '
                     f'width="{nw:.0f}" height="{n["h"]:.1f}" fill="{_COLORS.get(n["kind"], "#888")}">'
                     f'<title>{html.escape(tip)}</title></rect><text x="{n["x"] + nw + 4:.1f}" '
                     f'y="{n["y"] + n["h"] / 2 + 4:.1f}">{html.escape(n["label"][:40])}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def sankey_html(graph: dict, path: str | Path, title: str = "資金の流れ (百万円)") -> Path:
    """A standalone HTML file with the Sankey SVG."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
                 f'</head><body><h1 style="font:16px sans-serif">{html.escape(title)}</h1>{svg(graph)}</body></html>\n',
                 encoding="utf-8")
    return p


__all__ = ["layout", "sankey_html", "svg"]
