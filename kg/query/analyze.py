"""Analysis views of a built graph: pandas frames of the named queries, networkx projections, plots.

Everything reads a store made by ``kg build`` (see ``open_graph`` / ``ensure_build``) through the named
SPARQL queries in ontology/queries, so a notebook only calls these functions and prints their results.
Literals are typed from their datatypes (xsd:integer -> int, xsd:decimal/double -> float); amounts are
百万円 and unknown amounts stay missing (NaN), never 0.
"""
from __future__ import annotations

import html
import json
import math
import os
import shutil
import subprocess
import warnings
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pandas as pd
import pyoxigraph as ox

from kg.query.store import QUERY_DIR, bind_parameters, open_store, query_header, resolve_query

ROOT = Path(__file__).resolve().parents[2]  # the source tree (seeds/), for notebooks run from a checkout
SEEDS_CACHE = ROOT / "build" / "notebook-seeds"

_INT_TYPES = {"integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
              "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "gYear"}
_FLOAT_TYPES = {"decimal", "double", "float"}
_XSD = "http://www.w3.org/2001/XMLSchema#"

# ---------------------------------------------------------------- opening a graph


def ensure_build(dir: str | Path | None = None) -> Path:  # noqa: A002 - the brief's signature
    """The build folder to analyse: ``dir`` if given, else $KG_BUILD, else seeds/ built once into
    build/notebook-seeds (rebuilt when a seed or a kg source file is newer than that build)."""
    if dir is not None:
        return _checked_build(Path(dir))
    env = os.environ.get("KG_BUILD")
    if env:
        return _checked_build(Path(env))
    out = SEEDS_CACHE
    report = out / "report.json"
    if not report.exists() or not (out / "store").exists() or _newest_input() > report.stat().st_mtime:
        from kg.build.pipeline import BuildOptions, build

        build([str(ROOT / "seeds")], out, BuildOptions(quiet=True))
    return out


def _checked_build(p: Path) -> Path:
    if not (p / "store").exists() and not (p / "CURRENT").exists():
        raise FileNotFoundError(f"{p} is not a kg build folder (no store/); run `kg build ... --out {p}`")
    return p


def _newest_input() -> float:
    files = list((ROOT / "seeds").iterdir()) + list((ROOT / "kg").rglob("*.py")) + list(QUERY_DIR.glob("*.rq"))
    return max((f.stat().st_mtime for f in files if f.is_file()), default=0.0)


_STORES: dict[Path, ox.Store] = {}


def open_graph(build_dir: str | Path) -> ox.Store:
    """The read-only store of a build folder (opened once per process)."""
    key = Path(build_dir).resolve()
    if key not in _STORES:
        _STORES[key] = open_store(key)
    return _STORES[key]


def _store(store_or_dir) -> ox.Store:
    return store_or_dir if isinstance(store_or_dir, ox.Store) else open_graph(store_or_dir)


# ---------------------------------------------------------------- typed frames of named queries


def _value(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        local = dt[len(_XSD):] if dt.startswith(_XSD) else ""
        try:
            if local in _INT_TYPES:
                return int(term.value)
            if local in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:
            return term.value
        if local == "boolean":
            return term.value == "true"
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def query_columns(name: str) -> list[str]:
    """The columns a named query's header promises (its ``columns:`` line)."""
    _, text = resolve_query(name)
    for line in query_header(text):
        if line.startswith("columns:"):
            return [c.strip() for c in line[len("columns:"):].split(",") if c.strip()]
    return []


def frame(store_or_dir, query_name: str, **params) -> pd.DataFrame:
    """Run a named query (or .rq file) with parameters and return a typed DataFrame.

    Parameters are bound like ``kg.query.store.run_query`` does (``VALUES ?p { UNDEF }``); ``None`` leaves a
    parameter unbound. Integer columns are pandas ``Int64`` (nullable), decimal columns float, the rest str.
    """
    store = _store(store_or_dir)
    _, sparql = resolve_query(query_name)
    bound = {k: str(v) for k, v in params.items() if v is not None}
    sparql, subs = bind_parameters(sparql, bound)
    res = store.query(sparql, substitutions=subs or None, use_default_graph_as_union=True)
    if not isinstance(res, ox.QuerySolutions):
        raise ValueError(f"{query_name} is not a SELECT query")
    cols = [v.value for v in res.variables]
    rows = [[_value(sol[v]) for v in res.variables] for sol in res]
    return _typed(pd.DataFrame(rows, columns=cols))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    for c in df.columns:
        vals = [v for v in df[c] if v is not None and not (isinstance(v, float) and math.isnan(v))]
        if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
            df[c] = pd.array([None if v is None else v for v in df[c]], dtype="Int64")
        elif vals and all(isinstance(v, int | float) and not isinstance(v, bool) for v in vals):
            df[c] = pd.to_numeric(df[c], errors="coerce").astype(float)
        elif not vals and len(df):
            df[c] = df[c].astype(object)
    return df


# one convenience function per named query


def contractor_programs(store, corp: str | None = None) -> pd.DataFrame:
    return frame(store, "contractor-programs", corp=corp)


def lineage_links(store, sheet: str | None = None) -> pd.DataFrame:
    return frame(store, "lineage", sheet=sheet)


def means_sheets(store, evaluation: str | None = None) -> pd.DataFrame:
    return frame(store, "means-sheets", evaluation=evaluation)


def policy_tree_rows(store, concept: str | None = None, ministry: str | None = None) -> pd.DataFrame:
    return frame(store, "policy-tree", concept=concept, ministry=ministry)


def program_budgets(store, program: str | None = None, sheet: str | None = None) -> pd.DataFrame:
    return frame(store, "program-budgets", program=program, sheet=sheet)


def same_measure(store, sheet: str | None = None) -> pd.DataFrame:
    return frame(store, "same-measure", sheet=sheet)


def shared_contractors(store, corp: str | None = None) -> pd.DataFrame:
    return frame(store, "shared-contractors", corp=corp)


def shared_statutes(store, law: str | None = None) -> pd.DataFrame:
    return frame(store, "shared-statutes", law=law)


def top_payees(store, year: int | None = None, ministry: str | None = None) -> pd.DataFrame:
    return frame(store, "top-payees", year=year, ministry=ministry)


def sheet_budgets(store, program: str | None = None, sheet: str | None = None,
                  ministry: str | None = None) -> pd.DataFrame:
    return frame(store, "sheet-budgets", program=program, sheet=sheet, ministry=ministry)


def statute_programs(store, law: str | None = None) -> pd.DataFrame:
    return frame(store, "statute-programs", law=law)


def payee_reach(store, corp: str | None = None) -> pd.DataFrame:
    return frame(store, "payee-reach", corp=corp)


def evaluation_tree(store, evaluation: str | None = None) -> pd.DataFrame:
    return frame(store, "evaluation-tree", evaluation=evaluation)


def program_corporations(store, corp: str | None = None) -> pd.DataFrame:
    return frame(store, "program-corporations", corp=corp)


def sheets(store, number: str | None = None, title: str | None = None, ministry: str | None = None) -> pd.DataFrame:
    return frame(store, "sheets", number=number, title=title, ministry=ministry)


QUERY_FUNCTIONS = {
    "contractor-programs": contractor_programs, "lineage": lineage_links, "means-sheets": means_sheets,
    "policy-tree": policy_tree_rows, "program-budgets": program_budgets, "same-measure": same_measure,
    "shared-contractors": shared_contractors, "shared-statutes": shared_statutes, "top-payees": top_payees,
    "sheet-budgets": sheet_budgets, "statute-programs": statute_programs, "payee-reach": payee_reach,
    "evaluation-tree": evaluation_tree, "program-corporations": program_corporations, "sheets": sheets,
}

# ---------------------------------------------------------------- tables


def contractor_table(store, min_programs: int = 1) -> pd.DataFrame:
    """Corporations by reach: programs, ministries, sheets, rows, blocks, total (百万円), first/last year;
    most programs first. ``min_programs`` keeps corporations paid by at least that many programs."""
    df = payee_reach(store)
    df = df[df["programs"] >= min_programs]
    return df.drop(columns=["corp_iri"]).reset_index(drop=True)


def law_table(store) -> pd.DataFrame:
    """Laws by how many sheets, programs and ministries cite them, and the budget they underpin: the sum over
    programs of the latest citing sheet's budget for its own review year (百万円; NaN when none is known)."""
    df = statute_programs(store)
    cols = ["law_iri", "name", "sheets", "programs", "ministries", "budget", "budget_known"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    latest = df.sort_values(["review_year", "sheet_iri"]).groupby(["law_iri", "program_iri"]).tail(1)
    budget = latest.groupby("law_iri")["budget"].agg(["sum", "count"])
    out = df.groupby("law_iri").agg(name=("name", "min"), sheets=("sheet_iri", "nunique"),
                                    programs=("program_iri", "nunique"), ministries=("ministry_name", "nunique"))
    out = out.join(budget.rename(columns={"sum": "budget", "count": "budget_known"}))
    out.loc[out["budget_known"] == 0, "budget"] = float("nan")
    out = out.reset_index().sort_values(["programs", "budget", "name"], ascending=[False, False, True])
    return out[cols].reset_index(drop=True)


def _program_years(df: pd.DataFrame) -> pd.DataFrame:
    """One row per (program, fiscal year): amounts from the latest review-year sheet that knows them."""
    if df.empty:
        return df
    df = df.sort_values(["program_iri", "fiscal_year", "review_year", "sheet_iri"],
                        ascending=[True, True, False, True])
    g = df.groupby(["program_iri", "fiscal_year"], sort=True)
    out = g[["initial", "total", "executed", "requested"]].first()  # first non-null per column
    out["ministry_name"] = g["ministry_name"].first()
    return out.reset_index()


def _rate(executed, budget):
    return executed / budget if pd.notna(executed) and pd.notna(budget) and budget != 0 else float("nan")


def resolve_sheet(store, sheet_or_program: str) -> str:
    """A program or sheet IRI, a 事業番号 or a sheet title -> an IRI accepted by ``sheet-budgets``
    (the latest sheet with that number or title; programs and sheets are returned as given)."""
    key = sheet_or_program.strip()
    if key.startswith(("http://", "https://", "urn:")):
        return key
    hit = sheets(store, number=key)
    if hit.empty:
        hit = sheets(store, title=key)
    if hit.empty:
        raise KeyError(f"no sheet with 事業番号 or title {key!r}")
    return hit.sort_values(["review_year", "sheet_iri"]).iloc[-1]["sheet_iri"]


def lineage_frame(store, sheet_or_program: str) -> pd.DataFrame:
    """A program across years: one row per fiscal year any of its sheets reports, with the sheet of that
    review year (or the latest sheet reporting the year) for number, name and division, and budget (計),
    executed, execution rate, initial budget and request (百万円) from the latest sheet that knows them."""
    ref = resolve_sheet(store, sheet_or_program)
    is_program = "/program/" in ref
    df = sheet_budgets(store, program=ref) if is_program else sheet_budgets(store, sheet=ref)
    cols = ["year", "review_year", "number", "name", "division", "budget", "executed", "execution_rate",
            "initial", "requested", "sheet"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for fy, grp in df.groupby("fiscal_year", sort=True):
        grp = grp.sort_values(["review_year", "sheet_iri"], ascending=[False, True])
        own = grp[grp["review_year"] == fy]
        ident = (own if not own.empty else grp).iloc[0]
        first = {c: grp[c].dropna().iloc[0] if grp[c].notna().any() else float("nan")
                 for c in ("total", "executed", "initial", "requested")}
        rows.append({"year": int(fy), "review_year": int(ident["review_year"]), "number": ident["number"],
                     "name": ident["title"], "division": ident["division_name"], "budget": first["total"],
                     "executed": first["executed"], "execution_rate": _rate(first["executed"], first["total"]),
                     "initial": first["initial"], "requested": first["requested"], "sheet": ident["sheet_iri"]})
    out = pd.DataFrame(rows, columns=cols)
    for c in ("budget", "executed", "execution_rate", "initial", "requested"):
        out[c] = out[c].astype(float)
    return out


def ministry_trend(store, ministry: str | None = None) -> pd.DataFrame:
    """Per ministry and fiscal year: programs with a known budget, the sum of their budgets (計) and of their
    executed amounts, and the execution rate over programs where both are known (百万円). Each program
    counts once per fiscal year, with the figures of its latest sheet that reports them."""
    py = _program_years(sheet_budgets(store, ministry=ministry))
    cols = ["ministry", "year", "programs", "budget", "executed", "execution_rate"]
    if py.empty:
        return pd.DataFrame(columns=cols)
    py = py[py["total"].notna() | py["executed"].notna()]
    both = py[py["total"].notna() & py["executed"].notna()]
    g = py.groupby(["ministry_name", "fiscal_year"])
    out = pd.DataFrame({"programs": g["total"].count(), "budget": g["total"].sum(min_count=1),
                        "executed": g["executed"].sum(min_count=1)})
    gb = both.groupby(["ministry_name", "fiscal_year"])
    ratio = gb["executed"].sum() / gb["total"].sum()
    out["execution_rate"] = ratio.where(gb["total"].sum() != 0)
    out = out.reset_index().rename(columns={"ministry_name": "ministry", "fiscal_year": "year"})
    out["year"] = out["year"].astype(int)
    return out[cols].sort_values(["ministry", "year"]).reset_index(drop=True)


# ---------------------------------------------------------------- networkx projections

_VIA = {"payees", "statutes", "measures"}


def program_labels(store) -> dict[str, str]:
    """Program IRI (or sheet IRI for a sheet without a program) -> title of its latest sheet."""
    df = sheets(store).sort_values(["program_iri", "review_year", "sheet_iri"])
    df = df[df["title"].notna()].groupby("program_iri").tail(1)
    return dict(zip(df["program_iri"], df["title"], strict=True))


def _two_mode_rows(store, via: str) -> list[tuple[str, str, str, int]]:
    """(program, item, item label, rows) of the two-mode graph programs x items."""
    if via == "payees":
        df = program_corporations(store)
        it = zip(df["program_iri"], df["corp_iri"], df["name"].fillna(df["number"]), df["rows"], strict=True)
    elif via == "statutes":
        df = statute_programs(store)
        df = df.groupby(["program_iri", "law_iri"], as_index=False).agg(name=("name", "min"),
                                                                        rows=("sheet_iri", "nunique"))
        it = zip(df["program_iri"], df["law_iri"], df["name"], df["rows"], strict=True)
    elif via == "measures":
        df = policy_tree_rows(store)
        df = df[df["measure"].notna()]
        df = df.assign(program=df["program"].fillna(df["sheet"]))
        df = df.groupby(["program", "measure"], as_index=False).agg(label=("measure_label", "min"),
                                                                    rows=("sheet", "nunique"))
        it = zip(df["program"], df["measure"], df["label"], df["rows"], strict=True)
    else:
        raise ValueError(f"via must be one of {sorted(_VIA)}, not {via!r}")
    return [(p, i, lbl, int(n)) for p, i, lbl, n in it]


def two_mode_graph(store, via: str = "payees") -> nx.Graph:
    """Programs and the items they share (corporations by 法人番号, laws or 施策) as a bipartite graph:
    node attribute ``kind`` is "program" or the item kind, edge weight = rows linking them."""
    rows = _two_mode_rows(store, via)
    kind = {"payees": "corporation", "statutes": "law", "measures": "measure"}[via]
    labels = program_labels(store)
    G = nx.Graph(via=via)
    for prog, item, label, n in rows:
        G.add_node(prog, kind="program", label=labels.get(prog, prog))
        G.add_node(item, kind=kind, label=label or item)
        G.add_edge(prog, item, weight=n)
    return G


def program_graph(store, via: str = "payees", max_programs_per_item: int | None = None) -> nx.Graph:
    """Programs linked by what they share: ``via`` = "payees" (corporations by 法人番号), "statutes" (根拠法令)
    or "measures" (施策). Nodes are programs (a sheet without a program stands for itself) with ``label``
    (latest sheet title); edge ``weight`` = number of shared items, ``shared`` = their sorted labels.
    Items shared by more than ``max_programs_per_item`` programs are left out (listed in G.graph["skipped"])."""
    B = two_mode_graph(store, via)
    G = nx.Graph(via=via, skipped=[])
    for n, d in B.nodes(data=True):
        if d["kind"] == "program":
            G.add_node(n, label=d["label"], items=B.degree(n))
    for item, d in sorted(B.nodes(data=True)):
        if d["kind"] == "program":
            continue
        progs = sorted(B.neighbors(item))
        if max_programs_per_item is not None and len(progs) > max_programs_per_item:
            G.graph["skipped"].append(d["label"])
            continue
        for i, a in enumerate(progs):
            for b in progs[i + 1:]:
                if G.has_edge(a, b):
                    G[a][b]["weight"] += 1
                    G[a][b]["shared"].append(d["label"])
                else:
                    G.add_edge(a, b, weight=1, shared=[d["label"]])
    for _, _, e in G.edges(data=True):
        e["shared"] = sorted(e["shared"])
    return G


def policy_tree(store, evaluation: str | None = None) -> nx.DiGraph:
    """政策 → 施策 → 測定指標 → 達成手段 from the 事前分析表 in the graph.

    Nodes carry ``kind`` (policy, measure, indicator, means), ``label`` and, for 達成手段, ``budget`` (the
    amount for the evaluation year, 百万円; NaN when unknown), ``budgets`` {fiscal year: amount},
    ``executed`` {fiscal year: amount}, ``number`` (行政事業レビュー事業番号) and ``sheet`` (implementing sheet).
    A 達成手段 that names no 測定指標 hangs under its 施策; one naming several has several parents.
    """
    rows = evaluation_tree(store, evaluation)
    money = means_sheets(store, evaluation)
    T = nx.DiGraph()
    if rows.empty:
        return T
    budgets: dict[str, dict[int, float]] = defaultdict(dict)
    executed: dict[str, dict[int, float]] = defaultdict(dict)
    numbers: dict[str, str] = {}
    for r in rows.itertuples(index=False):
        year = None if pd.isna(r.eval_year) else int(r.eval_year)
        measure = r.concept if isinstance(r.concept, str) else r.eval
        if measure not in T:
            T.add_node(measure, kind="measure", label=r.concept_label if isinstance(r.concept_label, str)
                       else (r.eval_label or measure), evaluation=r.eval, year=year, ministry=r.ministry_name)
        if isinstance(r.broader, str):
            T.add_node(r.broader, kind="policy", label=r.broader_label if isinstance(r.broader_label, str)
                       else r.broader)
            T.add_edge(r.broader, measure)
        if r.kind == "indicator":
            T.add_node(r.node, kind="indicator", label=r.node_label, number=r.node_number, year=year)
            T.add_edge(measure, r.node)
        else:
            T.add_node(r.node, kind="means", label=r.node_label, index=int(r.node_number), year=year,
                       sheet=r.sheet_iri if isinstance(r.sheet_iri, str) else None)
            if isinstance(r.indicator, str):
                T.add_edge(r.indicator, r.node)
            else:
                T.add_edge(measure, r.node)
    for r in money.itertuples(index=False):
        node = _means_node(T, r.eval, r.index)
        if node is None:
            continue
        if isinstance(r.number, str):
            numbers[node] = r.number
        if pd.notna(r.fiscal_year):
            if pd.notna(r.amount):
                budgets[node][int(r.fiscal_year)] = float(r.amount)
            if pd.notna(r.executed):
                executed[node][int(r.fiscal_year)] = float(r.executed)
    for n, d in T.nodes(data=True):
        if d["kind"] == "means":
            d["budgets"] = dict(sorted(budgets[n].items()))
            d["executed"] = dict(sorted(executed[n].items()))
            d["number"] = numbers.get(n)
            d["budget"] = d["budgets"].get(d["year"], float("nan")) if d["year"] else float("nan")
    return T


def _means_node(T: nx.DiGraph, evaluation: str, index) -> str | None:
    for n, d in T.nodes(data=True):
        if d["kind"] == "means" and d["index"] == int(index) and n.startswith(evaluation + "/"):
            return n
    return None


def tree_summary(T: nx.DiGraph) -> dict[str, float | int]:
    """Counts per node kind and the total 達成手段 budget of the evaluation year (each 達成手段 once)."""
    out: dict[str, float | int] = {k: 0 for k in ("policy", "measure", "indicator", "means")}
    total, known = 0.0, 0
    for _, d in T.nodes(data=True):
        out[d["kind"]] += 1
        if d["kind"] == "means" and not math.isnan(d["budget"]):
            total += d["budget"]
            known += 1
    out["means_budget"] = total
    out["means_with_budget"] = known
    return out


def tree_frame(T: nx.DiGraph) -> pd.DataFrame:
    """The 達成手段 of a policy tree as rows: index, name, indicators, number, budget, sheet."""
    rows = []
    for n, d in T.nodes(data=True):
        if d["kind"] != "means":
            continue
        inds = sorted((T.nodes[p].get("number") for p in T.predecessors(n) if T.nodes[p]["kind"] == "indicator"),
                      key=lambda s: (len(s), s))
        rows.append({"index": d["index"], "name": d["label"], "indicators": ",".join(inds), "number": d["number"],
                     "budget": d["budget"], "sheet": d["sheet"]})
    cols = ["index", "name", "indicators", "number", "budget", "sheet"]
    return pd.DataFrame(rows, columns=cols).sort_values("index").reset_index(drop=True)


# ---------------------------------------------------------------- matplotlib

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
                "policy": "#e45756", "indicator": "#72b7b2", "means": "#eeca3b"}


_COLUMN = {"policy": 0, "measure": 1, "indicator": 2, "means": 3}


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
    """Draw a policy tree (``policy_tree``) left to right; 達成手段 labels carry their budget (百万円)."""
    plt = _pyplot()
    pos = _tree_positions(T) if T.number_of_nodes() else {}
    leaves = max(1, sum(1 for n in T if T.out_degree(n) == 0))
    fig, ax = plt.subplots(figsize=(14, max(4, 0.32 * leaves + 1)), dpi=100)
    for a, b in T.edges:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot([x0, x1], [y0, y1], color="#bbbbbb", lw=0.8, zorder=1)
    for n, d in T.nodes(data=True):
        x, yv = pos[n]
        ax.scatter([x], [yv], s=40, color=_KIND_COLORS.get(d["kind"], "#888888"), zorder=2)
        label = _short(d.get("label"), 24 if d["kind"] == "means" else 16)
        if d["kind"] == "means":
            b = d.get("budget")
            label = f"{d['index']}. {label} [{'—' if b is None or math.isnan(b) else f'{b:,.0f}'}]"
        elif d["kind"] == "indicator":
            label = f"指標{d.get('number')}: {label}"
        ax.text(x + 0.05, yv, label, fontsize=7, va="center", zorder=3)
    ax.set_xlim(-0.1, 4.4)
    ax.set_xticks(range(4))
    ax.set_xticklabels(["政策", "施策", "測定指標", "達成手段"])
    ax.set_yticks([])
    for s in ("top", "right", "left"):
        ax.spines[s].set_visible(False)
    s = tree_summary(T) if T.number_of_nodes() else {}
    ax.set_title(title or (f"{s.get('means', 0)} 達成手段, {s.get('indicator', 0)} 測定指標; budget "
                           f"{s.get('means_budget', 0):,.0f} 百万円" if s else "no 事前分析表 in the graph"))
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


def plot_bars(df: pd.DataFrame, label: str, value: str, path_png: str | Path, top: int = 15,
              title: str | None = None) -> Path:
    """Horizontal bars of ``value`` by ``label`` for the first ``top`` rows of a frame."""
    plt = _pyplot()
    sub = df.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(10, max(3, 0.35 * len(sub) + 1)), dpi=100)
    ax.barh([_short(str(s), 30) for s in sub[label]], sub[value].fillna(0), color="#4c78a8")
    for i, v in enumerate(sub[value]):
        if pd.notna(v):
            ax.text(v, i, f" {v:,.1f}", va="center", fontsize=7)
    ax.set_xlabel(value)
    ax.set_title(title or f"{value} by {label}")
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


def contractor_summary(store, shared_limit: int = 10) -> dict[str, object]:
    """Key numbers about contractors: corporations, how many are paid by several programs / ministries /
    payee-list rows, the widest-reaching one, the largest payee, and the blocks and total of each
    corporation paid in several rows (the ``shared_limit`` first by sheets and rows)."""
    reach = payee_reach(store)
    out: dict[str, object] = {
        "corporations": len(reach),
        "corporations_in_several_programs": int((reach["programs"] > 1).sum()),
        "corporations_in_several_ministries": int((reach["ministries"] > 1).sum()),
        "corporations_in_several_rows": int((reach["rows"] > 1).sum()),
    }
    if len(reach):
        top = reach.iloc[0]
        out["widest_corporation"] = top["number"]
        out["widest_corporation_programs"] = int(top["programs"])
    tp = top_payees(store)
    if len(tp):
        out["top_payee"] = tp.iloc[0]["name"]
        out["top_payee_total"] = float(tp.iloc[0]["total"])
    corp = tp[tp["number"].notna()]
    if len(corp):
        out["top_corporation"] = corp.iloc[0]["number"]
        out["top_corporation_total"] = float(corp.iloc[0]["total"])
    for r in shared_contractors(store).head(shared_limit).itertuples(index=False):
        out[f"blocks[{r.number}]"] = int(r.blocks)
        out[f"sheets[{r.number}]"] = int(r.sheets)
        out[f"total[{r.number}]"] = float(r.total)
    return out


def graph_summary(G: nx.Graph, top: int = 5, prefix: str = "") -> dict[str, object]:
    """Nodes, edges and the ``top`` heaviest edges (``edge[label a|label b]=weight``) of a graph, keys prefixed."""
    out: dict[str, object] = {f"{prefix}nodes": G.number_of_nodes(), f"{prefix}edges": G.number_of_edges()}
    heavy = sorted(G.edges(data=True), key=lambda e: (-e[2].get("weight", 1), str(e[0]), str(e[1])))[:top]
    for a, b, d in heavy:
        la, lb = sorted([G.nodes[a].get("label", a), G.nodes[b].get("label", b)])
        out[f"{prefix}edge[{la}|{lb}]"] = d.get("weight", 1)
    return out


def top_payees_by_year(store, top: int = 10) -> pd.DataFrame:
    """The ``top`` payees by amount in each review year (``top-payees`` per year), with a year column."""
    years = sorted(set(sheets(store)["review_year"].dropna().astype(int)))
    parts = [top_payees(store, year=y).head(top).assign(year=y) for y in years]
    cols = ["year", "payee", "name", "number", "total", "rows", "sheets"]
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True)[cols]


def out_dir() -> Path:
    """Where notebooks write their PNG/HTML files: $KG_NOTEBOOK_OUT, else notebooks/out."""
    p = Path(os.environ.get("KG_NOTEBOOK_OUT") or ROOT / "notebooks" / "out")
    p.mkdir(parents=True, exist_ok=True)
    return p


# ---------------------------------------------------------------- printing key numbers


def print_keys(pairs: dict | Iterable[tuple[str, object]]) -> None:
    """Print ``KEY name=value`` lines (stable format read by tests/test_notebooks.py)."""
    items = pairs.items() if isinstance(pairs, dict) else pairs
    for k, v in items:
        if v is None or v is pd.NA:
            v = "nan"
        elif isinstance(v, float):
            v = "nan" if math.isnan(v) else (int(v) if v.is_integer() else round(v, 4))
        print(f"KEY {k}={v}")


def print_frame_keys(df: pd.DataFrame, key: str | list[str], values: list[str], limit: int | None = None) -> None:
    """Print ``KEY value[key]=number`` for each row (first ``limit`` rows) and value column of a frame."""
    keys = [key] if isinstance(key, str) else key
    for _, r in (df if limit is None else df.head(limit)).iterrows():
        k = "|".join(str(r[c]) for c in keys)
        print_keys((f"{v}[{k}]", r[v]) for v in values)
