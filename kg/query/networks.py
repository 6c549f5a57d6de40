"""networkx views of a built graph: programs linked by what they share, and the 政策 → 施策 → 測定指標 → 達成手段 →
sheets tree of the 事前分析表 and the sheets' own fields (built from the typed frames of kg.query.frames)."""
from __future__ import annotations

import math
import re
from collections import defaultdict

import networkx as nx
import pandas as pd

from kg.query.frames import (
    evaluation_tree,
    means_sheets,
    policy_tree_rows,
    program_corporations,
    sheets,
    statute_programs,
)

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


def policy_tree(store, evaluation: str | None = None, ministry: str | None = None, sheets: bool = True
                ) -> nx.DiGraph:
    """One tree 政策 → 施策 → 測定指標 → 達成手段 → review sheets, merging the 事前分析表 in the graph and the
    sheets' own 政策/施策 fields (the named query policy-tree).

    Nodes carry ``kind`` (policy, measure, indicator, means, sheet) and ``label``; 達成手段 also ``budget`` (the
    amount for the evaluation year, 百万円; NaN when unknown), ``budgets`` {fiscal year: amount}, ``executed``
    {fiscal year: amount}, ``number`` (行政事業レビュー事業番号) and ``sheet`` (implementing sheet). A 達成手段 that
    names no 測定指標 hangs under its 施策; one naming several has several parents. Sheets (``sheets=True``)
    hang under the 達成手段 they implement, else under the 施策 (or 政策) their own fields name; a sheet node has
    ``year``, ``title``, ``program`` and ``held`` (False when the graph names that year's sheet but does not
    hold it). ``evaluation``: that 事前分析表 and the sheets under its 施策; ``ministry``: a name or IRI.
    """
    rows = evaluation_tree(store, evaluation)
    money = means_sheets(store, evaluation)
    T = nx.DiGraph()
    budgets: dict[str, dict[int, float]] = defaultdict(dict)
    executed: dict[str, dict[int, float]] = defaultdict(dict)
    numbers: dict[str, str] = {}
    if ministry and not rows.empty:
        rows = rows[(rows["ministry_name"] == ministry) | rows["eval"].isin(_evaluations_of(store, ministry))]
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
    if sheets:
        _add_sheets(store, T, ministry, evaluation is not None)
    return T


def _evaluations_of(store, ministry: str) -> set[str]:
    df = policy_tree_rows(store, ministry=ministry)
    return set(df["evaluation"].dropna()) if "evaluation" in df else set()


def _add_sheets(store, T: nx.DiGraph, ministry: str | None, only_tree_measures: bool) -> None:
    """The sheets of the merged policy-tree query: under the 達成手段 they implement, else under their 施策."""
    df = policy_tree_rows(store, ministry=ministry)
    if df.empty:
        return
    held = df[df["source"] == "sheet"].drop_duplicates("sheet").set_index("sheet")
    for r in df[(df["source"] == "evaluation") & df["sheet"].notna() & df["means"].notna()].itertuples(index=False):
        if r.means not in T:
            continue
        _sheet_node(T, r.sheet, held, r)
        T.add_edge(r.means, r.sheet)
    unheld = {d["program"]: n for n, d in T.nodes(data=True)
              if d.get("kind") == "sheet" and not d.get("held") and d.get("program")}
    for r in df[df["source"] == "sheet"].itertuples(index=False):
        parent = r.measure if isinstance(r.measure, str) else r.policy
        if not isinstance(parent, str) or r.sheet in T:
            continue  # already under its 達成手段
        earlier = unheld.get(r.program) if isinstance(r.program, str) else None
        if only_tree_measures and parent not in T and earlier is None:
            continue
        if not only_tree_measures or parent in T:
            if isinstance(r.policy, str) and r.policy not in T:
                T.add_node(r.policy, kind="policy",
                           label=r.policy_label if isinstance(r.policy_label, str) else r.policy)
            if isinstance(r.measure, str):
                if r.measure not in T:
                    T.add_node(r.measure, kind="measure", label=r.measure_label if isinstance(r.measure_label, str)
                               else r.measure, evaluation=None, year=None, ministry=None)
                if isinstance(r.policy, str) and T.in_degree(r.measure) == 0:
                    T.add_edge(r.policy, r.measure)
        _sheet_node(T, r.sheet, held, r)
        if earlier is not None:
            # the program implements a 達成手段 through an earlier year's sheet the graph does not hold: this
            # sheet hangs under the same 達成手段
            for m in list(T.predecessors(earlier)):
                T.add_edge(m, r.sheet)
        if parent in T:
            T.add_edge(parent, r.sheet)  # under the 施策 (or 政策) its own fields name


def _sheet_node(T: nx.DiGraph, sheet: str, held: pd.DataFrame, r) -> None:
    if sheet in T:
        return
    if sheet in held.index:
        h = held.loc[sheet]
        year = None if pd.isna(h["year"]) else int(h["year"])
        T.add_node(sheet, kind="sheet", label=f"{year} {h['title']}", title=h["title"], year=year,
                   program=h["program"] if isinstance(h["program"], str) else sheet, held=True)
    else:  # named by a 達成手段 only ({base}sheet/{year}/{ministry}/{事業番号}); its program through a later sheet
        parts = sheet.rstrip("/").split("/")
        year = int(parts[-3]) if len(parts) >= 3 and parts[-3].isdigit() else None
        title = r.title if isinstance(r.title, str) else None
        label = f"{year or ''} {parts[-1]}".strip() + (f" → {title}" if title else " (not in the graph)")
        T.add_node(sheet, kind="sheet", label=label, title=title, year=year,
                   program=r.program if isinstance(r.program, str) else None, held=False)


def _means_node(T: nx.DiGraph, evaluation: str, index) -> str | None:
    for n, d in T.nodes(data=True):
        if d["kind"] == "means" and d["index"] == int(index) and n.startswith(evaluation + "/"):
            return n
    return None


def tree_summary(T: nx.DiGraph) -> dict[str, float | int]:
    """Counts per node kind and the total 達成手段 budget of the evaluation year (each 達成手段 once)."""
    out: dict[str, float | int] = {k: 0 for k in ("policy", "measure", "indicator", "means", "sheet")}
    total, known = 0.0, 0
    for _, d in T.nodes(data=True):
        out[d["kind"]] += 1
        if d["kind"] == "sheet" and d.get("held"):
            out["sheets_held"] = out.get("sheets_held", 0) + 1
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


def graph_summary(G: nx.Graph, top: int = 5, prefix: str = "") -> dict[str, object]:
    """Nodes, edges and the ``top`` heaviest edges (``edge[label a|label b]=weight``) of a graph, keys prefixed."""
    out: dict[str, object] = {f"{prefix}nodes": G.number_of_nodes(), f"{prefix}edges": G.number_of_edges()}
    heavy = sorted(G.edges(data=True), key=lambda e: (-e[2].get("weight", 1), str(e[0]), str(e[1])))[:top]
    for a, b, d in heavy:
        la, lb = sorted([G.nodes[a].get("label", a), G.nodes[b].get("label", b)])
        out[f"{prefix}edge[{la}|{lb}]"] = d.get("weight", 1)
    return out


# ---------------------------------------------------------------- the contractor network a reader can see

_LUMP_RE = re.compile(r"(等|ほか|他|者|個人|その他|機関|団体|都道府県|市町村|市区町村|地方公共団体|世帯)$")
_LG_WORDS = ("地方公共団体", "都道府県", "市町村", "市区町村")
SET_APART = ("local_government", "national_government", "lump_sum")


def payee_group(name: str | None, number: str | None) -> str:
    """Which kind of payee a row of the payee lists is, for setting apart what links every program to every
    other: "local_government" (a 地方公共団体: its 法人番号 encodes a 団体コード; without a 法人番号, a
    prefecture/municipality name or a word for them all), "national_government" (a 国の機関: 法人番号 with 000012),
    "lump_sum" (no valid 法人番号 and a name for a group of people or bodies: 年金受給者,
    医療機関等, 被災労働者等 …), else "corporation" (a valid 法人番号) or "payee"."""
    from kg.normalize.houjin import is_valid
    from kg.normalize.lgcode import clean, is_prefecture_name, lg_code, municipality_name

    n = clean(name)
    if number and is_valid(number):  # the number decides (地方公共団体情報システム機構 is a corporation)
        if lg_code(number):
            return "local_government"
        if number[1:7] == "000012":  # 国の機関 (a ministry, an agency): money moving inside the state
            return "national_government"
        return "corporation"
    if is_prefecture_name(n) or municipality_name(n) or any(w in n for w in _LG_WORDS):
        return "local_government"
    return "lump_sum" if _LUMP_RE.search(n) else "payee"


def top_payees_grouped(store, year: int | None = None, ministry: str | None = None) -> pd.DataFrame:
    """``top_payees`` (the build's ranking) with ``group`` (payee_group) and a ``label`` unique per payee: two
    payees printed alike (two 年金受給者 of two sheets) keep two rows and two labels."""
    from kg.query.frames import top_payees

    df = top_payees(store, year=year, ministry=ministry)
    cols = [*df.columns, "group", "label"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    df = df.copy()
    df["group"] = [payee_group(n, num if isinstance(num, str) else None) for n, num in zip(df["name"], df["number"],
                                                                                          strict=True)]
    df["label"] = unique_labels(df["name"], df["payee"], df["number"])
    return df


def unique_labels(names, keys, numbers=None) -> list[str]:
    """Display labels keyed by identity: a name printed for several keys gets the 法人番号, else the sheet and
    payee tail of its IRI, so bars and nodes never merge or swap."""
    names = ["" if not isinstance(n, str) else n for n in names]
    keys = list(keys)
    numbers = list(numbers) if numbers is not None else [None] * len(keys)
    seen: dict[str, set] = defaultdict(set)
    for n, k in zip(names, keys, strict=True):
        seen[n].add(k)
    out = []
    for n, k, num in zip(names, keys, numbers, strict=True):
        if len(seen[n]) <= 1:
            out.append(n or str(k))
        elif isinstance(num, str) and num:
            out.append(f"{n} ({num})")
        else:
            parts = str(k).split("/")
            where = "/".join(parts[-6:-2]) if "/payee/" in str(k) and len(parts) > 6 else str(k)[-12:]
            out.append(f"{n} ({where})")
    return out


def contractor_network(store, top: int = 25, programs_per_corporation: int = 6, year: int | None = None,
                       ministry: str | None = None) -> tuple[nx.Graph, pd.DataFrame]:
    """The contractor network a reader can see: the ``top`` corporations by amount (the build's payee ranking,
    of a review year and/or ministry), 地方公共団体 and lump sums set apart, each with the
    ``programs_per_corporation`` programs paying it most. Two-mode graph: corporations and programs, every node
    labelled (``label``, ``total`` 百万円; corporations also ``programs``, all the programs paying them), edges
    weighted by the amount (``amount``) and payee-list rows.
    Returns (graph, set_apart): the payees of the ranking left out (SET_APART groups: 地方公共団体, 国の機関,
    lump sums), with their group and total."""
    from kg.query.frames import program_corporations

    ranked = top_payees_grouped(store, year=year, ministry=ministry)
    G = nx.Graph(via="payees", top=top)
    if ranked.empty:
        return G, ranked
    apart = ranked[ranked["group"].isin(SET_APART)].reset_index(drop=True)
    corps = ranked[ranked["group"] == "corporation"].head(top)
    labels = program_labels(store)
    for c in corps.itertuples(index=False):
        progs = program_corporations(store, corp=c.payee)
        G.add_node(c.payee, kind="corporation", label=c.label, number=c.number, total=float(c.total),
                   programs=int(progs["program_iri"].nunique()) if len(progs) else 0)
        progs = progs.sort_values(["total", "program_iri"], ascending=[False, True]).head(programs_per_corporation)
        for p in progs.itertuples(index=False):
            if p.program_iri not in G:
                G.add_node(p.program_iri, kind="program", label=labels.get(p.program_iri, p.program_iri), total=0.0)
            amount = float(p.total) if pd.notna(p.total) else float("nan")
            G.add_edge(c.payee, p.program_iri, amount=amount, weight=int(p.rows))
            if not math.isnan(amount):
                G.nodes[p.program_iri]["total"] += amount
    return G, apart
