"""kg.query's analysis rooms (issue 15): frames, networks and plots as pure pieces, and no import back up into
the build (ensure_build lives in kg.notebook, above both)."""
from __future__ import annotations

import ast
import math
from pathlib import Path

import networkx as nx
import pandas as pd
import pyoxigraph as ox

import kg.notebook as nb
import kg.query.analyze as ka
from kg.paths import PACKAGE_DIR
from kg.query import frames, networks, plots

XSD = "http://www.w3.org/2001/XMLSchema#"


def imported_modules(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_query_room_never_imports_build_or_publish():
    for path in sorted((PACKAGE_DIR / "query").glob("*.py")):
        bad = {m for m in imported_modules(path) if m.startswith(("kg.build", "kg.publish", "kg.cli", "kg.notebook"))}
        assert not bad, f"{path.name} imports {bad}"
    assert "kg.build.pipeline" in imported_modules(PACKAGE_DIR / "notebook.py")


def test_facades_reexport_every_public_function():
    for mod in (frames, networks, plots):
        public = [n for n, v in vars(mod).items() if callable(v) and not n.startswith("_")
                  and getattr(v, "__module__", "") == mod.__name__]
        assert public and all(getattr(ka, n) is getattr(mod, n) for n in public), mod.__name__
        assert all(getattr(nb, n) is getattr(mod, n) for n in public)
    assert set(ka.__all__) <= set(nb.__all__) and {"ensure_build", "out_dir", "print_keys"} <= set(nb.__all__)


def test_literals_are_typed_and_unknown_stays_missing():
    assert frames._value(ox.Literal("1200", datatype=ox.NamedNode(XSD + "integer"))) == 1200
    assert frames._value(ox.Literal("12.5", datatype=ox.NamedNode(XSD + "decimal"))) == 12.5
    assert frames._value(ox.Literal("2021", datatype=ox.NamedNode(XSD + "gYear"))) == 2021
    assert frames._value(ox.Literal("総務省設置法", language="ja")) == "総務省設置法"
    assert frames._value(ox.NamedNode("http://x.example/corp/1010001143390")).endswith("1010001143390")
    assert frames._value(None) is None
    rows = [[1200, 0.5, "a"], [None, None, None], [30, 1, "b"]]  # as frame() builds them from query rows
    df = frames._typed(pd.DataFrame(rows, columns=["budget", "rate", "name"], dtype=object))
    assert str(df["budget"].dtype) == "Int64" and df["budget"].isna().tolist() == [False, True, False]
    assert df["rate"].dtype == float and math.isnan(df["rate"][1])


def small_tree() -> nx.DiGraph:
    T = nx.DiGraph()
    T.add_node("p", kind="policy", label="政策")
    T.add_node("m", kind="measure", label="施策")
    T.add_node("i1", kind="indicator", label="指標", number="1")
    T.add_node("a1", kind="means", label="事業A", index=1, budget=120.0, number="0001", sheet="s1", year=2021)
    T.add_node("a2", kind="means", label="事業B", index=2, budget=float("nan"), number=None, sheet=None, year=2021)
    T.add_edges_from([("p", "m"), ("m", "i1"), ("i1", "a1"), ("m", "a2")])
    return T


def test_tree_summary_and_frame_count_each_means_once():
    T = small_tree()
    s = networks.tree_summary(T)
    assert (s["policy"], s["measure"], s["indicator"], s["means"]) == (1, 1, 1, 2)
    assert s["means_budget"] == 120.0 and s["means_with_budget"] == 1  # the unknown budget is not a 0
    df = networks.tree_frame(T)
    assert df["name"].tolist() == ["事業A", "事業B"] and df["indicators"].tolist() == ["1", ""]


def test_graph_summary_lists_heaviest_edges_by_label():
    G = nx.Graph()
    G.add_node("a", label="甲")
    G.add_node("b", label="乙")
    G.add_node("c", label="丙")
    G.add_edge("a", "b", weight=3)
    G.add_edge("b", "c", weight=1)
    s = networks.graph_summary(G, top=1, prefix="x.")
    assert s == {"x.nodes": 3, "x.edges": 2, "x.edge[乙|甲]": 3}


def test_tree_layout_puts_kinds_in_columns_and_parents_between_children():
    pos = plots._tree_positions(small_tree())
    assert [pos[n][0] for n in ("p", "m", "i1", "a1", "a2")] == [0, 1, 2, 3, 3]
    assert min(pos["a1"][1], pos["a2"][1]) <= pos["m"][1] <= max(pos["a1"][1], pos["a2"][1])


def test_network_html_is_self_contained(tmp_path):
    G = nx.Graph(via="payees")
    G.add_node("x", label="</script><b>株式会社", kind="corporation")
    G.add_node("y", label="事業", kind="program")
    G.add_edge("x", "y", weight=2, shared=["a"])
    text = plots.network_html(G, tmp_path / "n.html").read_text(encoding="utf-8")
    assert "</script><b>" not in text and "&lt;/script&gt;" in text
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")  # no network access
