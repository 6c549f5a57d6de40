"""Pictures of the analysis views: matplotlib PNGs (with a Japanese font) and a self-contained interactive HTML
network page (inline SVG and vanilla JS, no network access)."""
from __future__ import annotations

import html
import json
import math
import shutil
import subprocess
import warnings
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pandas as pd

from kg.query.networks import tree_summary, unique_labels

_FONT_STATE: dict[str, str | None] = {}
_CJK_NAMES = ("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "IPAPGothic", "TakaoGothic",
              "VL Gothic", "Hiragino Sans", "Yu Gothic", "MS Gothic", "Source Han Sans JP")


def japanese_font() -> str | None:
    """A font family able to draw Japanese (fc-list :lang=ja, known CJK families, japanize_matplotlib), or None.

    Sets matplotlib up to use it. Without one, warns once and labels fall back to the default font."""
    if "family" in _FONT_STATE:
        return _FONT_STATE["family"]
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager as fm
    from matplotlib import rcParams

    family = None
    for path in _fc_list_ja():
        try:
            fm.fontManager.addfont(path)
            family = fm.FontProperties(fname=path).get_name()
            break
        except (OSError, RuntimeError, ValueError):
            continue
    if family is None:
        have = {f.name for f in fm.fontManager.ttflist}
        family = next((n for n in _CJK_NAMES if n in have), None)
    if family is None:
        try:
            import japanize_matplotlib  # noqa: F401 - registers IPAexGothic

            family = "IPAexGothic"
        except ImportError:
            pass
    _FONT_STATE["family"] = family
    if family:
        rcParams["font.family"] = [family, "DejaVu Sans"]
        # networkx draws labels with font_family="sans-serif": put the Japanese font first there too
        rcParams["font.sans-serif"] = [family] + [f for f in rcParams["font.sans-serif"] if f != family]
    else:
        warnings.warn("no Japanese font found (fc-list :lang=ja is empty): Japanese labels will show as boxes; "
                      "install e.g. fonts-noto-cjk", stacklevel=2)
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from font")
        warnings.filterwarnings("ignore", message=r"Matplotlib currently does not support .*")
    return family


def _fc_list_ja() -> list[str]:
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run([exe, ":lang=ja", "file"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    return [p for p in paths if p.lower().endswith((".ttf", ".otf", ".ttc"))]


def _pyplot():
    japanese_font()
    import matplotlib.pyplot as plt

    return plt


def _short(s: str | None, n: int = 18) -> str:
    s = s or ""
    return s if len(s) <= n else s[: n - 1] + "…"


def _top_nodes(G: nx.Graph, max_nodes: int | None) -> nx.Graph:
    if max_nodes is None or G.number_of_nodes() <= max_nodes:
        return G
    strength = dict(G.degree(weight="weight"))
    keep = sorted(G.nodes, key=lambda n: (-strength[n], n))[:max_nodes]
    return G.subgraph(keep).copy()


def _layout(G: nx.Graph) -> dict:
    if G.number_of_nodes() == 0:
        return {}
    return nx.spring_layout(G, seed=7, weight="weight", k=1.5 / math.sqrt(G.number_of_nodes()))


def plot_network(G: nx.Graph, path_png: str | Path, max_nodes: int | None = 150, title: str | None = None) -> Path:
    """Draw a (weighted) graph to a PNG: edge width by weight, weights written on edges, labels shortened.
    Only the ``max_nodes`` strongest nodes are drawn."""
    plt = _pyplot()
    H = _top_nodes(G, max_nodes)
    pos = _layout(H)
    fig, ax = plt.subplots(figsize=(11, 8), dpi=100)
    colors = [_KIND_COLORS.get(H.nodes[n].get("kind", "program"), "#4c78a8") for n in H]
    widths = [1 + 1.5 * math.log1p(d.get("weight", 1)) for _, _, d in H.edges(data=True)]
    nx.draw_networkx_edges(H, pos, ax=ax, width=widths, edge_color="#999999")
    nx.draw_networkx_nodes(H, pos, ax=ax, node_color=colors, node_size=300)
    nx.draw_networkx_labels(H, pos, ax=ax, labels={n: _short(H.nodes[n].get("label", n)) for n in H}, font_size=8)
    if H.number_of_edges() <= 60:  # weights stay readable only on small graphs
        nx.draw_networkx_edge_labels(H, pos, ax=ax, edge_labels={(a, b): d.get("weight", 1)
                                                                 for a, b, d in H.edges(data=True)}, font_size=7)
    ax.set_title(title or f"{H.number_of_nodes()} nodes, {H.number_of_edges()} edges (via {G.graph.get('via', '?')})")
    if H.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
    ax.axis("off")
    return _save(fig, path_png)


def _save(fig, path) -> Path:
    plt = _pyplot()
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(p, format="png")
    plt.close(fig)
    return p


_KIND_COLORS = {"program": "#4c78a8", "corporation": "#f58518", "law": "#54a24b", "measure": "#b279a2",
                "policy": "#e45756", "indicator": "#72b7b2", "means": "#eeca3b", "sheet": "#9d755d"}


_COLUMN = {"policy": 0, "measure": 1, "indicator": 2, "means": 3, "sheet": 4}


def _tree_positions(T: nx.DiGraph) -> dict:
    """Layered left-to-right layout: x = the column of the node's kind; leaves get successive rows in
    depth-first order along each node's first parent, and a parent sits at the mean row of its children."""
    depth = {n: _COLUMN.get(T.nodes[n].get("kind"), 0) for n in T}
    primary = {n: min(T.predecessors(n), key=lambda p: _sort_key(T, p)) for n in T if T.in_degree(n)}
    children: dict = defaultdict(list)
    for n, p in primary.items():
        children[p].append(n)
    y: dict = {}
    row = 0

    def place(n) -> float:
        nonlocal row
        kids = sorted(children[n], key=lambda c: _sort_key(T, c))
        if kids:
            y[n] = sum(place(c) for c in kids) / len(kids)
        else:
            y[n] = float(row)
            row += 1
        return y[n]

    for n in sorted((n for n in T if T.in_degree(n) == 0), key=lambda n: _sort_key(T, n)):
        place(n)
    return {n: (depth[n], -y[n]) for n in T}


def _sort_key(T, n):
    d = T.nodes[n]
    num = d.get("index") if d.get("kind") == "means" else d.get("number")
    try:
        return (0, int(num), str(n))
    except (TypeError, ValueError):
        return (1, 0, str(n))


def plot_tree(T: nx.DiGraph, path_png: str | Path, title: str | None = None) -> Path:
    """Draw a policy tree (``policy_tree``) left to right: 政策, 施策, 測定指標, 達成手段 (labels with their budget,
    百万円), sheets (grey: named by a 達成手段 but not in the graph)."""
    plt = _pyplot()
    pos = _tree_positions(T) if T.number_of_nodes() else {}
    leaves = max(1, sum(1 for n in T if T.out_degree(n) == 0))
    fig, ax = plt.subplots(figsize=(19, max(4, 0.32 * leaves + 1)), dpi=100)
    for a, b in T.edges:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot([x0, x1], [y0, y1], color="#bbbbbb", lw=0.8, zorder=1)
    for n, d in T.nodes(data=True):
        x, yv = pos[n]
        ax.scatter([x], [yv], s=40, color=_KIND_COLORS.get(d["kind"], "#888888"), zorder=2)
        label = _short(d.get("label"), 20 if d["kind"] == "means" else 16)
        if d["kind"] == "means":
            b = d.get("budget")
            label = f"{d['index']}. {label} [{'—' if b is None or math.isnan(b) else f'{b:,.0f}'}]"
        elif d["kind"] == "indicator":
            label = f"指標{d.get('number')}: {label}"
        elif d["kind"] == "sheet":
            label = _short(d.get("label"), 30)
        ax.text(x + 0.05, yv, label, fontsize=7, va="center", zorder=3,
                color="#999999" if d["kind"] == "sheet" and not d.get("held") else "black")
    ax.set_xlim(-0.1, 5.0)
    ax.set_xticks(range(5))
    ax.set_xticklabels(["政策", "施策", "測定指標", "達成手段", "事業 (シート)"])
    ax.set_yticks([])
    for s in ("top", "right", "left"):
        ax.spines[s].set_visible(False)
    s = tree_summary(T) if T.number_of_nodes() else {}
    ax.set_title(title or (f"{s.get('measure', 0)} 施策, {s.get('means', 0)} 達成手段, {s.get('indicator', 0)} 測定指標, "
                           f"{s.get('sheet', 0)} sheets; 達成手段 budget {s.get('means_budget', 0):,.0f} 百万円"
                           if s else "no 政策 tree in the graph"))
    return _save(fig, path_png)


def plot_lineage(df: pd.DataFrame, path_png: str | Path, title: str | None = None) -> Path:
    """Bars of budget and executed amount per fiscal year (百万円) with the execution rate on a second axis."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 5), dpi=100)
    if df.empty:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
        return _save(fig, path_png)
    years = list(df["year"])
    xs = range(len(years))
    ax.bar([x - 0.2 for x in xs], df["budget"].fillna(0), width=0.4, label="予算額(計)", color="#4c78a8")
    ax.bar([x + 0.2 for x in xs], df["executed"].fillna(0), width=0.4, label="執行額", color="#f58518")
    ax.bar([x - 0.2 for x in xs], df["requested"].where(df["budget"].isna()).fillna(0), width=0.4,
           label="要求額", color="#4c78a8", alpha=0.35, hatch="//")
    for x, b, e, r in zip(xs, df["budget"], df["executed"], df["requested"], strict=True):
        if pd.notna(b) or pd.notna(r):
            v = b if pd.notna(b) else r
            ax.text(x - 0.2, v, f"{v:,.0f}", ha="center", va="bottom", fontsize=7)
        if pd.notna(e):
            ax.text(x + 0.2, e, f"{e:,.0f}", ha="center", va="bottom", fontsize=7)
    ax.set_xticks(list(xs))
    ax.set_xticklabels([str(y) for y in years])
    ax.set_ylabel("百万円")
    ax2 = ax.twinx()
    ax2.plot(list(xs), df["execution_rate"], color="#54a24b", marker="o", label="執行率")
    ax2.set_ylim(0, max(1.05, float(df["execution_rate"].max(skipna=True) or 0) * 1.1))
    ax2.set_ylabel("執行率")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper left", bbox_to_anchor=(1.08, 1.0), fontsize=8)
    name = df["name"].dropna().iloc[-1] if df["name"].notna().any() else ""
    ax.set_title(title or _short(name, 60))
    return _save(fig, path_png)


def plot_trend(df: pd.DataFrame, path_png: str | Path, top: int = 8, title: str | None = None) -> Path:
    """Lines of budget per fiscal year for the ``top`` ministries by total budget (``ministry_trend`` frame)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 5), dpi=100)
    if df.empty:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
        return _save(fig, path_png)
    order = df.groupby("ministry")["budget"].sum().sort_values(ascending=False).index[:top]
    for m in order:
        sub = df[df["ministry"] == m]
        ax.plot(sub["year"], sub["budget"], marker="o", label=f"{m} 予算")
        ax.plot(sub["year"], sub["executed"], marker="x", ls="--", label=f"{m} 執行")
    ax.set_ylabel("百万円")
    ax.legend(fontsize=7)
    ax.set_title(title or "ministry budget trend")
    return _save(fig, path_png)


_GROUP_COLORS = {"corporation": "#4c78a8", "payee": "#72b7b2", "local_government": "#54a24b",
                 "national_government": "#b279a2", "lump_sum": "#e45756"}
_GROUP_NAMES = {"corporation": "法人 (法人番号)", "payee": "支出先 (法人番号なし)", "local_government": "地方公共団体",
                "national_government": "国の機関", "lump_sum": "まとめて記載 (年金受給者等)"}


def plot_bars(df: pd.DataFrame, label: str, value: str, path_png: str | Path, top: int = 15,
              title: str | None = None, key: str | None = None, group: str | None = None) -> Path:
    """Horizontal bars of ``value`` for the first ``top`` rows of a frame, one bar per row (``bar_layout``): bars
    are placed by position and identified by ``key`` (a payee IRI or 法人番号; default: the first of payee, corp_iri,
    law_iri, number present), so rows whose ``label`` reads the same (two 年金受給者) keep two bars, each with its
    own value written at its end. Labels printed alike get the key appended. ``group`` colours the bars
    (payee_group) with a legend."""
    plt = _pyplot()
    bars = bar_layout(df, label, value, top, key, group)
    fig, ax = plt.subplots(figsize=(10, max(3, 0.35 * len(bars) + 1)), dpi=100)
    ax.barh(bars["y"], bars["value"].fillna(0), color=[_GROUP_COLORS.get(g, "#4c78a8") for g in bars["group"]])
    for y, v in zip(bars["y"], bars["value"], strict=True):
        if pd.notna(v):
            ax.text(v, y, f" {v:,.1f}", va="center", fontsize=7)
    ax.set_yticks(list(bars["y"]))
    ax.set_yticklabels([_short(s, 34) for s in bars["label"]], fontsize=8)
    if group and group in df.columns:
        from matplotlib.patches import Patch

        present = [g for g in _GROUP_COLORS if g in set(bars["group"])]
        ax.legend(handles=[Patch(color=_GROUP_COLORS[g], label=_GROUP_NAMES[g]) for g in present], fontsize=7,
                  loc="lower right")
    ax.set_xlabel(value)
    ax.set_title(title or f"{value} by {label}")
    return _save(fig, path_png)


def bar_layout(df: pd.DataFrame, label: str, value: str, top: int = 15, key: str | None = None,
               group: str | None = None) -> pd.DataFrame:
    """The bars plot_bars draws, one per row of the first ``top`` rows, largest at the top: y position, key
    (identity: a payee IRI or 法人番号), label (unique per key), value, group."""
    key = key or next((c for c in ("payee", "corp_iri", "law_iri", "number") if c in df.columns), label)
    sub = df.head(top).iloc[::-1].reset_index(drop=True)
    nums = sub["number"] if "number" in sub.columns else None
    return pd.DataFrame({"y": range(len(sub)), "key": list(sub[key]), "label": unique_labels(sub[label], sub[key], nums),
                         "value": list(sub[value]),
                         "group": list(sub[group]) if group and group in sub.columns else ["corporation"] * len(sub)})


def plot_contractor_network(G: nx.Graph, path_png: str | Path, title: str | None = None) -> Path:
    """Draw ``contractor_network``: corporations on the left (largest total first), the programs paying them on
    the right, every node labelled with its name and amount (百万円), edge width by amount."""
    plt = _pyplot()
    corps = sorted((n for n, d in G.nodes(data=True) if d["kind"] == "corporation"),
                   key=lambda n: (-G.nodes[n]["total"], n))
    progs = sorted((n for n, d in G.nodes(data=True) if d["kind"] == "program"),
                   key=lambda n: (min(corps.index(c) for c in G.neighbors(n)), -G.nodes[n]["total"], n))
    rows = max(len(corps), len(progs), 1)
    fig, ax = plt.subplots(figsize=(14, max(4, 0.28 * rows + 1.5)), dpi=100)
    pos = {n: (0.0, -i * rows / max(len(corps), 1)) for i, n in enumerate(corps)}
    pos.update({n: (1.0, -i * rows / max(len(progs), 1)) for i, n in enumerate(progs)})
    amounts = [d.get("amount") for _, _, d in G.edges(data=True)]
    top = max((a for a in amounts if a is not None and not math.isnan(a)), default=1.0) or 1.0
    for a, b, d in G.edges(data=True):
        (x0, y0), (x1, y1) = pos[a], pos[b]
        amt = d.get("amount")
        w = 0.4 + 4 * (amt / top if amt is not None and not math.isnan(amt) else 0)
        ax.plot([x0, x1], [y0, y1], color="#999999", lw=w, alpha=0.6, zorder=1)
    for n in corps:
        x, y = pos[n]
        d = G.nodes[n]
        ax.scatter([x], [y], s=60, color=_KIND_COLORS["corporation"], zorder=2)
        ax.text(x - 0.02, y, f"{_short(d['label'], 22)}  {d['total']:,.0f}", ha="right", va="center", fontsize=7)
    for n in progs:
        x, y = pos[n]
        d = G.nodes[n]
        ax.scatter([x], [y], s=40, color=_KIND_COLORS["program"], zorder=2)
        ax.text(x + 0.02, y, f"{_short(d['label'], 30)}  {d['total']:,.0f}", ha="left", va="center", fontsize=7)
    ax.set_xlim(-0.9, 1.9)
    ax.axis("off")
    ax.set_title(title or f"top {len(corps)} corporations by amount and the programs paying them most "
                          f"({len(progs)} programs; 百万円)")
    if not corps:
        ax.text(0.5, 0.5, "no corporation in the ranking", ha="center", va="center", transform=ax.transAxes)
    return _save(fig, path_png)


# ---------------------------------------------------------------- interactive HTML

_HTML = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>{title}</title>
<style>
body{{font-family:sans-serif;margin:0}} #bar{{padding:6px 10px;background:#f3f3f3;font-size:13px}}
svg{{width:100%;height:88vh;cursor:grab;background:#fff}} .e{{stroke:#999;stroke-opacity:.6}}
.n circle{{stroke:#fff;stroke-width:1.5}} .n text{{font-size:10px;pointer-events:none}}
.dim{{opacity:.15}} #tip{{position:fixed;display:none;background:#222;color:#fff;padding:6px 8px;font-size:12px;
border-radius:4px;max-width:420px;pointer-events:none;white-space:pre-wrap}}
</style></head><body>
<div id="bar"><b>{title}</b> — {summary}. Wheel: zoom, drag background: pan, drag node: move, hover: details.</div>
<svg id="g" viewBox="{vb}" xmlns="http://www.w3.org/2000/svg"><g id="edges">{edges}</g><g id="nodes">{nodes}</g></svg>
<div id="tip"></div>
<script>
(function(){{
const data = {data};
const svg = document.getElementById('g'), tip = document.getElementById('tip');
let vb = svg.getAttribute('viewBox').split(' ').map(Number);
function setVB(){{ svg.setAttribute('viewBox', vb.join(' ')); }}
function pt(ev){{ const r = svg.getBoundingClientRect();
  return [vb[0] + (ev.clientX - r.left) / r.width * vb[2], vb[1] + (ev.clientY - r.top) / r.height * vb[3]]; }}
svg.addEventListener('wheel', ev => {{ ev.preventDefault(); const [x, y] = pt(ev), f = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
  vb = [x - (x - vb[0]) * f, y - (y - vb[1]) * f, vb[2] * f, vb[3] * f]; setVB(); }}, {{passive: false}});
let drag = null;
svg.addEventListener('mousedown', ev => {{ const g = ev.target.closest('.n');
  drag = g ? {{node: g, id: +g.dataset.i}} : {{pan: pt(ev)}}; }});
window.addEventListener('mousemove', ev => {{
  if (!drag) return;
  if (drag.pan) {{ const [x, y] = pt(ev); vb[0] -= x - drag.pan[0]; vb[1] -= y - drag.pan[1]; setVB(); return; }}
  const [x, y] = pt(ev), n = data.nodes[drag.id]; n.x = x; n.y = y;
  drag.node.setAttribute('transform', `translate(${{x}},${{y}})`);
  for (const k of n.edges) {{ const e = data.edges[k], l = document.getElementById('e' + k);
    const a = data.nodes[e.s], b = data.nodes[e.t];
    l.setAttribute('x1', a.x); l.setAttribute('y1', a.y); l.setAttribute('x2', b.x); l.setAttribute('y2', b.y); }}
}});
window.addEventListener('mouseup', () => {{ drag = null; }});
function hl(i){{ const keep = new Set([i]);
  data.nodes[i].edges.forEach(k => {{ keep.add(data.edges[k].s); keep.add(data.edges[k].t); }});
  document.querySelectorAll('.n').forEach(g => g.classList.toggle('dim', !keep.has(+g.dataset.i)));
  document.querySelectorAll('.e').forEach(l => {{ const e = data.edges[+l.id.slice(1)];
    l.classList.toggle('dim', !(e.s === i || e.t === i)); }}); }}
function clear(){{ document.querySelectorAll('.dim').forEach(x => x.classList.remove('dim')); tip.style.display = 'none'; }}
document.querySelectorAll('.n').forEach(g => {{
  g.addEventListener('mouseenter', ev => {{ const n = data.nodes[+g.dataset.i]; hl(+g.dataset.i);
    tip.textContent = n.info; tip.style.display = 'block'; }});
  g.addEventListener('mousemove', ev => {{ tip.style.left = (ev.clientX + 12) + 'px'; tip.style.top = (ev.clientY + 12) + 'px'; }});
  g.addEventListener('mouseleave', clear);
}});
document.querySelectorAll('.e').forEach(l => {{
  l.addEventListener('mouseenter', ev => {{ const e = data.edges[+l.id.slice(1)]; tip.textContent = e.info;
    tip.style.display = 'block'; tip.style.left = (ev.clientX + 12) + 'px'; tip.style.top = (ev.clientY + 12) + 'px'; }});
  l.addEventListener('mouseleave', clear);
}});
}})();
</script></body></html>
"""


def network_html(G: nx.Graph, path_html: str | Path, max_nodes: int | None = 400, max_edges: int | None = 3000,
                 title: str | None = None) -> Path:
    """A self-contained interactive view (inline SVG + vanilla JS, no network access): hover a node for its
    label, kind and links, hover an edge for its weight and shared items, wheel to zoom, drag to pan/move.
    Only the ``max_nodes`` strongest nodes and the ``max_edges`` heaviest edges among them are drawn."""
    H = _top_nodes(G, max_nodes)
    if max_edges is not None and H.number_of_edges() > max_edges:
        heavy = sorted(H.edges(data=True), key=lambda e: (-e[2].get("weight", 1), str(e[0]), str(e[1])))
        H = H.edge_subgraph([(a, b) for a, b, _ in heavy[:max_edges]]).copy()
    pos = _layout(H)
    size = 1000.0
    nodes = sorted(H.nodes, key=str)
    idx = {n: i for i, n in enumerate(nodes)}
    xy = {n: ((pos[n][0] + 1.1) / 2.2 * size, (1.1 - pos[n][1]) / 2.2 * size) for n in nodes}
    edges = sorted(H.edges(data=True), key=lambda e: (idx[e[0]], idx[e[1]]))
    node_edges: dict[int, list[int]] = {i: [] for i in range(len(nodes))}
    data_edges, svg_edges = [], []
    for k, (a, b, d) in enumerate(edges):
        node_edges[idx[a]].append(k)
        node_edges[idx[b]].append(k)
        w = d.get("weight", 1)
        shared = d.get("shared") or []
        info = f"weight {w}" + ("\n" + "\n".join(shared[:20]) if shared else "")
        data_edges.append({"s": idx[a], "t": idx[b], "info": info})
        svg_edges.append(f'<line id="e{k}" class="e" x1="{xy[a][0]:.1f}" y1="{xy[a][1]:.1f}" x2="{xy[b][0]:.1f}" '
                         f'y2="{xy[b][1]:.1f}" stroke-width="{1 + math.log1p(w):.2f}"/>')
    data_nodes, svg_nodes = [], []
    for n in nodes:
        d = H.nodes[n]
        i = idx[n]
        kind = d.get("kind", "program")
        info = f"{d.get('label', n)}\n{kind}: {n}\nlinks: {H.degree(n)}, weight {H.degree(n, weight='weight')}"
        data_nodes.append({"x": round(xy[n][0], 1), "y": round(xy[n][1], 1), "edges": node_edges[i], "info": info})
        r = 5 + 2 * math.log1p(H.degree(n, weight="weight"))
        svg_nodes.append(f'<g class="n" data-i="{i}" transform="translate({xy[n][0]:.1f},{xy[n][1]:.1f})">'
                         f'<circle r="{r:.1f}" fill="{_KIND_COLORS.get(kind, "#4c78a8")}"/>'
                         f'<text x="{r + 2:.1f}" y="3">{html.escape(_short(d.get("label", n)))}</text></g>')
    title = title or f"kg network via {G.graph.get('via', '?')}"
    summary = f"{H.number_of_nodes()} nodes, {H.number_of_edges()} edges"
    if H is not G:
        summary += f" (strongest of {G.number_of_nodes()} nodes, {G.number_of_edges()} edges)"
    payload = json.dumps({"nodes": data_nodes, "edges": data_edges}, ensure_ascii=False).replace("</", "<\\/")
    text = _HTML.format(title=html.escape(title), summary=html.escape(summary), vb=f"-40 -40 {size + 200} {size + 80}",
                        edges="".join(svg_edges), nodes="".join(svg_nodes), data=payload)
    p = Path(path_html)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p
