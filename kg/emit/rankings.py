"""Payee rankings: the largest payees of every review year and ministry, computed once at build time.

Ranking a year's payee-list rows (80,000 on the national graph) is an aggregate no store answers in a second,
so the build derives it, from the same records and with the same IRIs as the emitter, into its own named graph
(``{base}graph/derived/payee-rankings``); the named query ``top-payees`` reads it. Semantics are those of the
live aggregate it replaces (tests/test_rankings.py checks them against it): payee-list rows of review sheets
that have a review year, a ministry and an amount, made distinct by (payee, row, sheet, amount); totals summed
per payee (corporations merged by 法人番号, other payees per sheet); ordered by total descending, then payee IRI.
One ranking per scope: every review year x ministry, every year, every ministry, and all of them.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg import iris
from kg.emit.out import Out
from kg.emit.rdf import decimal, integer, payee_node, sheet_iri, to_nq_line
from kg.namespaces import DCTERMS, KG, KG_NS, RDFS
from kg.records import Record

TOP_N = 50  # entries kept per ranking (top-payees returns them all)


def _rows(records: Iterable[Record], base: str) -> Iterator[tuple[str, str, str, str, str, Decimal, str]]:
    """(payee, payment, sheet, year, ministry name, amount, amount literal) per distinct payee-list row."""
    seen = set()
    for rec in records:
        if rec.get("document_type") == "policy_evaluation" or not rec.get("payees"):
            continue
        year, ministry = rec.get("sheet_fiscal_year"), rec.get("ministry")
        if year is None or not ministry:
            continue
        s = sheet_iri(base, rec)
        for p in rec["payees"]:
            amount = decimal(p.get("amount"))
            if amount is None:
                continue
            who = payee_node(base, s, p)[0]
            pay = iris.payment(s, p.get("block"), p.get("rank"))
            # distinct rows: a 128-bit digest of the key keeps the national 700,000 in little memory
            key = hashlib.blake2b("\x1f".join((who, pay, s, amount.value)).encode(), digest_size=16).digest()
            if key not in seen:
                seen.add(key)
                yield who, pay, s, str(int(year)), ministry, Decimal(amount.value), amount.value


Cells = dict[tuple[str, str, str], list]  # (year, ministry IRI, payee) -> [total, rows, set of sheets]
Scopes = dict[tuple[str | None, str | None], dict[str, list]]  # (year|None, ministry|None) -> payee -> [total, rows, sheets]


def _accumulate(rows: Iterable[tuple[str, str, str, str, Decimal]]) -> Cells:
    """Distinct rows (payee, sheet, year, ministry IRI, amount) summed per year, ministry and payee."""
    cell: Cells = defaultdict(lambda: [Decimal(0), 0, set()])
    for payee, s, year, m, amount in rows:
        c = cell[(year, m, payee)]
        c[0] += amount
        c[1] += 1
        c[2].add(s)
    return cell


def _fold(cell: Cells) -> Scopes:
    """The cells summed into every scope: year x ministry, year, ministry, all. A sheet has one year and one
    ministry, so the distinct-sheet counts of wider scopes are sums of the cells'."""
    scopes: Scopes = defaultdict(dict)
    for (year, m, payee), (total, rows, sheets) in cell.items():
        if not rows:
            continue  # a cell whose last row went (kg add)
        n_sheets = sheets if isinstance(sheets, int) else len(sheets)
        for scope in ((year, m), (year, None), (None, m), (None, None)):
            acc = scopes[scope].setdefault(payee, [Decimal(0), 0, 0])
            acc[0] += total
            acc[1] += rows
            acc[2] += n_sheets
    return scopes


def _scope_key(scope: tuple[str | None, str | None]) -> tuple[str, str]:
    return scope[0] or "", scope[1] or ""


def _top(by_payee: dict, top_n: int) -> list[tuple]:
    """(payee, total, rows, sheets) by total descending, then payee IRI; the first ``top_n``."""
    return [(p, *v) for p, v in sorted(by_payee.items(), key=lambda kv: (-kv[1][0], kv[0]))[:top_n]]


def rankings(records: Iterable[Record], base: str, top_n: int = TOP_N) -> list[dict]:
    """[{year|None, ministry|None, entries: [(payee, total, rows, sheets)]}] for every scope with payments."""
    base = iris.norm_base(base)
    names: dict[str, str] = {}
    cells = _cells(records, base, names)
    if _CELLS_TARGET is not None:  # a build's emission (cells_to): the same cells kept for kg add
        _write_cells(cells, _CELLS_TARGET, base)
    scopes = _fold(cells)
    return [{"year": year, "ministry": m, "ministry_name": names.get(m) if m else None,
             "entries": _top(by_payee, top_n)}
            for (year, m), by_payee in sorted(scopes.items(), key=lambda kv: _scope_key(kv[0]))]


def _cells(records: Iterable[Record], base: str, names: dict[str, str] | None = None) -> Cells:
    """The records' distinct payee-list rows summed per (year, ministry IRI, payee); ``names`` gets the ministries'
    names by IRI."""
    names = {} if names is None else names

    def rows():
        ministries: dict[str, str] = {}  # name -> IRI, minted once per ministry (not per row)
        for payee, _payment, s, year, ministry, amount, _lit in _rows(records, base):
            m = ministries.get(ministry)
            if m is None:
                m = ministries[ministry] = iris.ministry(base, ministry)
            names.setdefault(m, ministry)
            yield payee, s, year, m, amount

    return _accumulate(rows())


def _emit_ranking(out: Out, base: str, r: dict, top_n: int) -> None:
    node = iris.payee_ranking(base, r["year"], r["ministry"])
    out.type(node, KG.PayeeRanking)
    scope = " ".join(x for x in (r["year"] and f"{r['year']}年度", r["ministry_name"]) if x) or "全府省庁・全年度"
    out.add(node, RDFS.label, ox.Literal(f"支出先ランキング {scope}", language="ja"))
    out.add(node, DCTERMS.description, ox.Literal(
        f"The {top_n} largest payees by summed payee-list amounts (百万円), derived at build time", language="en"))
    out.add(node, KG.rankingYear, integer(r["year"]))
    out.add(node, KG.rankingMinistry, r["ministry"])
    for pos, (payee, total, rows, sheets) in enumerate(r["entries"], 1):
        e = f"{node}/{pos}"
        out.type(e, KG.RankingEntry)
        out.add(e, KG.inRanking, node)
        out.add(e, KG.position, integer(pos))
        out.add(e, KG.rankedPayee, payee)
        out.add(e, KG.total, decimal(total))
        out.add(e, KG.rows, integer(rows))
        out.add(e, KG.sheets, integer(sheets))


def ranking_quads(records: Iterable[Record], base: str, top_n: int = TOP_N) -> Iterator[ox.Quad]:
    base = iris.norm_base(base)
    out = Out(iris.derived_graph(base, "payee-rankings"))
    for r in rankings(records, base, top_n):
        _emit_ranking(out, base, r, top_n)
    yield from out.quads


def ranking_lines(records: Iterable[Record], base: str, top_n: int = TOP_N) -> list[str]:
    return [to_nq_line(q) for q in ranking_quads(records, base, top_n)]


# ---------------------------------------------------------------- kg add: keep the rankings of a built store true


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


_PAYMENT, _PAYEE, _AMOUNT = _n(str(KG.payment)), _n(str(KG.payee)), _n(str(KG.amount))
_YEAR, _MINISTRY = _n(str(KG.reviewYear)), _n(str(KG.ministry))
Row = tuple[str, str, str, str, str, str]  # payee, payment, sheet, amount (lexical), year, ministry IRI


def _graph_rows(store: ox.Store, g: ox.NamedNode) -> Iterator[Row]:
    """The payee-list rows a named graph holds (read before it is replaced)."""
    for q in store.quads_for_pattern(None, _PAYMENT, None, g):
        s, pay = q.subject, q.object
        ys = [y.object.value for y in store.quads_for_pattern(s, _YEAR, None, g)]
        ms = [m.object.value for m in store.quads_for_pattern(s, _MINISTRY, None, g)]
        for who in store.quads_for_pattern(pay, _PAYEE, None, g):
            for amt in store.quads_for_pattern(pay, _AMOUNT, None, g):
                yield from ((who.object.value, pay.value, s.value, amt.object.value, y, m) for y in ys for m in ms)


def _present(store: ox.Store, row: Row) -> bool:
    """Is the row in the store's union graph (what the rankings count)?"""
    payee, pay, s, amount, _y, _m = row
    lit = decimal(amount)
    return all(next(iter(store.quads_for_pattern(*spo)), None) is not None for spo in (
        (_n(s), _PAYMENT, _n(pay)), (_n(pay), _PAYEE, _n(payee)), (_n(pay), _AMOUNT, lit)))


def rankings_before(store: ox.Store, replaced: list[ox.NamedNode], records: list[Record], base: str) -> dict[Row, bool]:
    """Before ``kg add`` changes the store: every payee-list row it may touch (those of the new records and of the
    graphs it replaces), with whether the store has it now."""
    base = iris.norm_base(base)
    rows = {(p, pay, s, lit, y, iris.ministry(base, m)) for p, pay, s, y, m, _a, lit in _rows(records, base)}
    rows |= {r for g in replaced for r in _graph_rows(store, g)}
    return {r: _present(store, r) for r in rows}


def _live_cells(store: ox.Store, payees: set[str]) -> Cells:
    """The payees' distinct rows in the store, summed per year, ministry and payee (like the build)."""
    values = " ".join(str(_n(p)) for p in sorted(payees))
    q = f"""PREFIX kg: <{KG_NS}>
SELECT DISTINCT ?payee ?payment ?sheet ?amount ?ry ?m WHERE {{
  VALUES ?payee {{ {values} }}
  ?payment kg:payee ?payee .
  LATERAL {{ ?payment kg:amount ?amount . ?sheet kg:payment ?payment ; a kg:ReviewSheet ; kg:reviewYear ?ry ;
             kg:ministry ?m }} }}"""
    return _query_cells(store, q)


def _query_cells(store: ox.Store, q: str) -> Cells:
    """The payee-list rows a query gives (?payee ?payment ?sheet ?amount ?ry ?m) summed like the build's: one row
    per (payee, row, sheet, amount), whatever year/ministry duplicates say (remembered by a 16-byte digest: the
    whole store's rows for write_payee_cells_from_store)."""

    def rows():
        seen = set()
        for s in store.query(q, use_default_graph_as_union=True):
            key = (s["payee"].value, s["payment"].value, s["sheet"].value, s["amount"].value)
            digest = hashlib.blake2b("\x1f".join(key).encode(), digest_size=16).digest()
            if digest not in seen:
                seen.add(digest)
                yield key[0], key[2], s["ry"].value, s["m"].value, Decimal(key[3])

    return _accumulate(rows())


def _stored_entries(store: ox.Store, node: str) -> dict[str, tuple[Decimal, int, int]]:
    out = {}
    for q in store.quads_for_pattern(None, _n(str(KG.inRanking)), _n(node)):
        e = q.subject

        def one(p, e=e):
            return next(iter(store.quads_for_pattern(e, _n(str(p)), None)), None)

        who, total, rows, sheets = one(KG.rankedPayee), one(KG.total), one(KG.rows), one(KG.sheets)
        if who and total and rows and sheets:
            out[who.object.value] = (Decimal(total.object.value), int(rows.object.value), int(sheets.object.value))
    return out


def _remove_ranking(store: ox.Store, node: str, g: ox.NamedNode) -> None:
    entries = [q.subject for q in store.quads_for_pattern(None, _n(str(KG.inRanking)), _n(node), g)]
    for s in [*entries, _n(node)]:
        for q in list(store.quads_for_pattern(s, None, None, g)):
            store.remove(q)


# ---------------------------------------------------------------- the cells kept beside the store, for kg add

PAYEE_CELLS = "payee-cells.sqlite"  # DIR/payee-cells.sqlite, written by `kg build` (cells_to)
PAYEE_CELLS_DELTA = "payee-cells.delta.json"  # the cells `kg add` changed since, published with its store
CellKey = tuple[str, str, str]  # (year, ministry IRI, payee)


_CELLS_TARGET: Path | None = None  # set by cells_to during a build's emission (inherited by forked emitters)


@contextmanager
def cells_to(path: str | Path):
    """While a build emits (kg.build.parallel.emit_parts, whose derived views compute the rankings in this process
    or a forked child): the rankings' cells are also written to ``path`` (``PAYEE_CELLS`` in the staging folder),
    at the cost of writing them (~0.3 s of CPU per 40,000 cells), not of computing them again."""
    global _CELLS_TARGET
    Path(path).unlink(missing_ok=True)
    _CELLS_TARGET = Path(path)
    try:
        yield
    finally:
        _CELLS_TARGET = None


def cells_stamp(path: str | Path) -> str | None:
    """The stamp of a cells file (None when there is none): the build puts it in report.json ``payee_cells``."""
    p = Path(path)
    if not p.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _write_cells(cells: Cells, path: str | Path, base: str) -> str:
    """Every payee's distinct payee-list rows summed per review year and ministry (total, rows, distinct sheets:
    what the rankings fold) into an SQLite file keyed by payee, so `kg add` reads the old totals of the payees a
    document touches instead of aggregating their rows in the store (seconds for a payee with thousands). Returns
    the file's stamp: the build puts it in report.json (``payee_cells``), and `kg add` uses the file only while
    the stamps agree."""
    stamp = uuid.uuid4().hex
    p = Path(path)
    p.unlink(missing_ok=True)
    con = sqlite3.connect(str(p))
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
        con.execute("CREATE TABLE cells (payee TEXT, year TEXT, ministry TEXT, total TEXT, rows INTEGER, "
                    "sheets INTEGER, PRIMARY KEY (payee, year, ministry)) WITHOUT ROWID")
        con.executemany("INSERT INTO meta VALUES (?, ?)", [("stamp", stamp), ("base", base)])
        con.executemany("INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?)", sorted(
            (payee, year, m, str(total), rows, len(sheets)) for (year, m, payee), (total, rows, sheets) in cells.items()))
        con.commit()
    finally:
        con.close()
    return stamp


def write_payee_cells_from_store(store: ox.Store, path: str | Path, base: str) -> str:
    """The cells a build writes (cells_to) aggregated from a built store instead of the records (every review
    sheet's payee-list rows; minutes on the national store): for a store built before the cells existed. Returns
    the stamp to put in its report.json (``payee_cells``)."""
    q = f"""PREFIX kg: <{KG_NS}>
SELECT ?payee ?payment ?sheet ?amount ?ry ?m WHERE {{
  ?sheet a kg:ReviewSheet ; kg:reviewYear ?ry ; kg:ministry ?m ; kg:payment ?payment .
  ?payment kg:payee ?payee ; kg:amount ?amount }}"""
    return _write_cells(_query_cells(store, q), path, iris.norm_base(base))


class PayeeCells:
    """The build's cells (``PAYEE_CELLS``) plus what `kg add` changed since (``PAYEE_CELLS_DELTA``: absolute values
    per cell, with the stamp of the build they apply to)."""

    def __init__(self, db: Path, stamp: str, changed: dict[CellKey, list] | None = None):
        self.db, self.stamp = db, stamp
        self.changed: dict[CellKey, list] = changed or {}  # (year, ministry, payee) -> [total, rows, sheets]

    @classmethod
    def open(cls, out: str | Path, stamp: str | None) -> PayeeCells | None:
        """The cells of build folder ``out`` if they belong to its store (``stamp``: report.json ``payee_cells``),
        else None (an older build, or one made without them: the live aggregate is used)."""
        db = Path(out) / PAYEE_CELLS
        if not stamp or cells_stamp(db) != stamp:
            return None
        changed: dict[CellKey, list] = {}
        delta = Path(out) / PAYEE_CELLS_DELTA
        if delta.is_file():
            d = json.loads(delta.read_text(encoding="utf-8"))
            if d.get("stamp") == stamp:  # else the delta of an earlier build: void
                changed = {(y, m, p): [Decimal(t), r, n] for y, m, p, t, r, n in d["cells"]}
        return cls(db, stamp, changed)

    def get(self, payees: set[str]) -> dict[CellKey, list]:
        """Every cell of ``payees``: [total, rows, sheets]."""
        out: dict[CellKey, list] = {}
        ps = sorted(payees)
        con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            for i in range(0, len(ps), 500):
                chunk = ps[i:i + 500]
                q = f"SELECT payee, year, ministry, total, rows, sheets FROM cells WHERE payee IN ({','.join('?' * len(chunk))})"
                for p, y, m, t, r, n in con.execute(q, chunk):
                    out[(y, m, p)] = [Decimal(t), r, n]
        finally:
            con.close()
        for key, v in self.changed.items():
            if key[2] in payees:
                out[key] = list(v)
        return out

    def delta_text(self) -> str:
        cells = sorted([y, m, p, str(t), r, n] for (y, m, p), (t, r, n) in self.changed.items())
        return json.dumps({"stamp": self.stamp, "cells": cells}, ensure_ascii=False, separators=(",", ":")) + "\n"


def _sheet_rows(store: ox.Store, sheet: str, payee: str) -> set[tuple[str, str]]:
    """(payment, amount) of the payee-list rows of ``sheet`` paying ``payee``, in the union graph."""
    who = _n(payee)
    out = set()
    for q in store.quads_for_pattern(_n(sheet), _PAYMENT, None):
        pay = q.object
        if next(iter(store.quads_for_pattern(pay, _PAYEE, who)), None) is not None:
            out |= {(pay.value, a.object.value) for a in store.quads_for_pattern(pay, _AMOUNT, None)}
    return out


def _cells_after(store: ox.Store, cells: PayeeCells, changed: list[Row], before: dict[Row, bool]) -> dict[CellKey, list]:
    """The cells of the changed rows' payees after the change: the stored ones plus the changed rows (a row that
    appeared adds its amount and one row, one that went takes them off; a sheet counts while it holds a row of
    the payee). The changed cells are also recorded in ``cells`` (written as the delta). Cells that come out
    impossible (fewer than no rows, more sheets than rows) mean the stored ones were not this store's: then the
    payees' cells are aggregated from the store (_live_cells) and recorded whole, never trusted."""
    payees = {r[0] for r in changed}
    now = cells.get(payees)
    by_sheet: dict[tuple[str, str, str, str], list[tuple[tuple[str, str], bool]]] = defaultdict(list)
    seen, touched = set(), set()
    for r in sorted(changed):
        payee, pay, s, amount, y, m = r
        if (payee, pay, s, amount) in seen:
            continue  # one row, whatever year/ministry duplicates say (as _live_cells)
        seen.add((payee, pay, s, amount))
        touched.add((y, m, payee))
        appeared = not before[r]
        c = now.setdefault((y, m, payee), [Decimal(0), 0, 0])
        c[0] += Decimal(amount) if appeared else -Decimal(amount)
        c[1] += 1 if appeared else -1
        by_sheet[(payee, s, y, m)].append(((pay, amount), appeared))
    for (payee, s, y, m), rows in by_sheet.items():
        after = _sheet_rows(store, s, payee)
        prior = (after - {k for k, appeared in rows if appeared}) | {k for k, appeared in rows if not appeared}
        now[(y, m, payee)][2] += bool(after) - bool(prior)
    if any(not (0 <= now[k][2] <= now[k][1]) or (now[k][1] == 0 and now[k][0] != 0) for k in touched):
        live = {k: [t, r, len(sh)] for k, (t, r, sh) in _live_cells(store, payees).items()}
        for k in now:
            cells.changed[k] = live.get(k, [Decimal(0), 0, 0])
        for k, v in live.items():
            cells.changed[k] = v
        return live
    for k in touched:
        cells.changed[k] = now[k]
    return now


def update_rankings(store: ox.Store, base: str, before: dict[Row, bool], top_n: int = TOP_N,
                    cells: PayeeCells | None = None) -> dict:
    """After ``kg add`` changed the store, recompute the rankings of every scope where a payee-list row appeared
    or disappeared (``before``: the rows it could touch, from ``rankings_before``).

    A ranking holds the top ``top_n`` only, so it is rebuilt from its stored entries plus the new totals of the
    payees whose rows changed: exact while those totals only grew. When a ranked payee's total fell (a replaced
    document paid it more) in a full ranking, a payee outside it may now belong in it: that ranking is listed
    as stale (run ``kg build``), never silently wrong. The new totals come from ``cells`` (the build's cells,
    PayeeCells) plus the changed rows when given, else from aggregating the payees' rows in the store."""
    base = iris.norm_base(base)
    changed = [r for r, was in before.items() if was != _present(store, r)]
    if not changed:
        return {"rows_changed": 0, "rankings_updated": 0, "stale_rankings": []}
    payees = {r[0] for r in changed}
    scopes = {sc for _p, _pay, _s, _a, y, m in changed for sc in ((y, m), (y, None), (None, m), (None, None))}
    live = _fold(_cells_after(store, cells, changed, before) if cells is not None else _live_cells(store, payees))
    g = _n(iris.derived_graph(base, "payee-rankings"))
    out, stale = Out(g.value), []
    for year, m in sorted(scopes, key=_scope_key):
        node = iris.payee_ranking(base, year, m)
        stored = _stored_entries(store, node)
        merged = {p: v for p, v in stored.items() if p not in payees}
        now = live.get((year, m), {})
        for p in payees:
            if p in now:
                merged[p] = now[p]
            if p in stored and (p not in now or now[p][0] < stored[p][0]) and len(stored) >= top_n:
                stale.append(node)
        top = _top(merged, top_n)
        _remove_ranking(store, node, g)
        if top:
            label = next(iter(store.quads_for_pattern(_n(m), _n(str(RDFS.label)), None)), None) if m else None
            _emit_ranking(out, base, {"year": year, "ministry": m, "ministry_name": label.object.value if label else None,
                                      "entries": top}, top_n)
    store.extend(out.quads)
    return {"rows_changed": len(changed), "rankings_updated": len(scopes), "stale_rankings": sorted(set(stale))}
