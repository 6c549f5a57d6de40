"""`kg add` keeps the payee rankings equal to a fresh build's through the build's per-payee cells
(kg.emit.rankings.PayeeCells: DIR/payee-cells.sqlite, its stamp in report.json), issue 22."""
from __future__ import annotations

import json
import shutil
import sqlite3
from decimal import Decimal

import pyoxigraph as ox
import pytest

from kg import iris
from kg.build.pipeline import BuildOptions, build
from kg.cli import main
from kg.emit.rankings import PAYEE_CELLS, PAYEE_CELLS_DELTA, write_payee_cells_from_store
from kg.query.store import open_store
from tests.conftest import SEEDS
from tests.test_incremental import seeds_except

SEED3 = "003_dbf95f44c3587854.txt"  # 令和3年度 総務省, NTTデータ経営研究所 (1010001143390) paid 18 + 3 百万円
NTTD = "1010001143390"
BASE = "https://kg.example.org/"
RANKINGS = ox.NamedNode(iris.derived_graph(BASE, "payee-rankings"))


def _rankings(out) -> set:
    st = open_store(out)
    try:
        return {q.triple for q in st.quads_for_pattern(None, None, None, RANKINGS)}
    finally:
        del st


def _entry(out, year, ministry, payee) -> tuple[str, str, str] | None:
    node = iris.payee_ranking(BASE, year, ministry and iris.ministry(BASE, ministry))
    q = f"""PREFIX kg: <https://kg.example.org/ns#>
    SELECT ?t ?r ?s WHERE {{ ?e kg:inRanking <{node}> ; kg:rankedPayee <{payee}> ; kg:total ?t ; kg:rows ?r ;
      kg:sheets ?s }}"""
    st = open_store(out)
    try:
        rows = [(s["t"].value, s["r"].value, s["s"].value) for s in st.query(q, use_default_graph_as_union=True)]
    finally:
        del st
    return rows[0] if rows else None


def _cells(path) -> set:
    con = sqlite3.connect(str(path))
    try:
        return {(p, y, m, str(Decimal(t)), r, n) for p, y, m, t, r, n in con.execute("SELECT * FROM cells")}
    finally:
        con.close()


def _build(inputs, out):
    build([str(p) for p in inputs], out, BuildOptions(quiet=True, validate=False))
    return out


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    d = tmp_path_factory.mktemp("incr-rank")
    others = seeds_except(SEED3, d / "others")
    changed = d / "changed"
    changed.mkdir()
    text = (SEEDS / SEED3).read_text(encoding="utf-8")
    new_text = text.replace("サイバーセキュリティに係る国際標準化動向調査\t3\t", "サイバーセキュリティに係る国際標準化動向調査\t7.5\t")
    assert new_text != text
    (changed / SEED3).write_text(new_text, encoding="utf-8")
    full = _build([SEEDS], d / "full")
    full_changed = _build([others, changed / SEED3], d / "full-changed")
    part = _build([others], d / "part")
    return d, full, full_changed, part, changed / SEED3


def test_build_writes_cells_the_store_agrees_with(builds):
    _, full, _, _, _ = builds
    report = json.loads((full / "report.json").read_text(encoding="utf-8"))
    assert report["payee_cells"] and (full / PAYEE_CELLS).is_file()
    from_records = _cells(full / PAYEE_CELLS)
    corp = iris.corp(BASE, NTTD)
    m = iris.ministry(BASE, "総務省")
    assert (corp, "2021", m, "21", 2, 1) in from_records  # seed 003: blocks C (18) and F (3), one sheet
    st = open_store(full)
    try:
        stamp = write_payee_cells_from_store(st, full / "from-store.sqlite", BASE)
    finally:
        del st
    assert stamp != report["payee_cells"]
    assert _cells(full / "from-store.sqlite") == from_records  # the same aggregate, from the store's rows


def test_added_sheet_ranks_as_in_a_fresh_build(builds):
    _, full, _, part, _ = builds
    corp = iris.corp(BASE, NTTD)
    assert _entry(part, 2021, "総務省", corp) is None
    assert main(["add", str(SEEDS / SEED3), "--store", str(part)]) == 0
    report = json.loads((part / "report.json").read_text(encoding="utf-8"))
    assert report["incremental"][-1]["rankings"]["rankings_updated"] == 4
    assert report["stale_rankings"] == []
    assert _entry(part, 2021, "総務省", corp) == ("21", "2", "1") == _entry(full, 2021, "総務省", corp)
    assert _rankings(part) == _rankings(full)
    delta = json.loads((part / PAYEE_CELLS_DELTA).read_text(encoding="utf-8"))
    assert delta["stamp"] == report["payee_cells"]
    assert [c for c in delta["cells"] if c[2] == corp] == [["2021", iris.ministry(BASE, "総務省"), corp,
                                                             "21", 2, 1]]


def test_changed_sheet_then_back(builds):
    """A changed amount (F: 3 -> 7.5) moves the corporation's totals in every scope as a fresh build of the changed
    inputs does; the original again gives the full build's rankings (the delta carried over between adds)."""
    _, full, full_changed, part, changed = builds
    corp = iris.corp(BASE, NTTD)
    assert main(["add", str(changed), "--store", str(part)]) == 0
    assert _entry(part, 2021, "総務省", corp) == ("25.5", "2", "1") == _entry(full_changed, 2021, "総務省", corp)
    assert _entry(part, None, None, corp) == _entry(full_changed, None, None, corp)
    assert _rankings(part) == _rankings(full_changed)
    assert main(["add", str(SEEDS / SEED3), "--store", str(part)]) == 0
    assert _rankings(part) == _rankings(full)


def test_cells_of_another_build_are_not_used(builds, tmp_path):
    """A cells file whose stamp is not the report's (an older build) is ignored: the live aggregate answers."""
    _, full, _, part, _ = builds
    from kg.emit.rankings import PayeeCells

    assert PayeeCells.open(part, "not-this-build") is None
    report = json.loads((part / "report.json").read_text(encoding="utf-8"))
    assert PayeeCells.open(part, report["payee_cells"]) is not None
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(full / PAYEE_CELLS, copy / PAYEE_CELLS)
    assert PayeeCells.open(copy, report["payee_cells"]) is None


def test_cells_that_do_not_add_up_are_not_trusted(builds):
    """Stored cells that cannot be this store's (here: the corporation's 2021 総務省 cell says no rows although the
    store has two) give way to the rows in the store, and are rewritten from them."""
    _, full, full_changed, part, changed = builds
    corp = iris.corp(BASE, NTTD)
    m = iris.ministry(BASE, "総務省")
    delta_path = part / PAYEE_CELLS_DELTA
    delta = json.loads(delta_path.read_text(encoding="utf-8"))
    delta["cells"] = [c if c[:3] != ["2021", m, corp] else ["2021", m, corp, "21", 0, 0] for c in delta["cells"]]
    delta_path.write_text(json.dumps(delta), encoding="utf-8")
    assert main(["add", str(changed), "--store", str(part)]) == 0
    assert _rankings(part) == _rankings(full_changed)
    fixed = json.loads(delta_path.read_text(encoding="utf-8"))
    assert ["2021", m, corp, "25.5", 2, 1] in fixed["cells"]
    assert main(["add", str(SEEDS / SEED3), "--store", str(part)]) == 0
    assert _rankings(part) == _rankings(full)
