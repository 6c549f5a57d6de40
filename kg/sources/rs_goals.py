"""RS 3-2 効果発現経路_目標のつながり -> ``indicators`` of RS records (3-1 目標・実績, with values, is read when present).

Each row joins a 派生元 (source) and a 派生先 (target) step of the program's logic model: アクティビティ,
アウトプット (活動目標 -> kind "output") or アウトカム (成果目標 -> kind "outcome", with its 期間 短期/中期/長期).
Every アウトプット/アウトカム step becomes one indicator ``{kind, number: "rs-<kind>-<番号>", goal, period,
leads_to: [numbers]}``; アクティビティ steps are not indicators and only appear as sources. The 3-2 file carries
no indicator names, units or values (those are in 3-1, absent from our copy of the download): none are invented.
"""
from __future__ import annotations

from functools import lru_cache

from kg.normalize.text import nfkc

_KIND = {"アウトプット": "output", "アウトカム": "outcome"}


@lru_cache(maxsize=1024)
def _header(k: str | None) -> str:
    """A header as _step compares it (computed once per column, not once per row)."""
    return nfkc(k or "").replace(" ", "")


def _step(row: dict, side: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(kind, number, goal, period) of the 派生元/派生先 side of a 3-2 row (headers matched by their words, so an
    NFKC-folded or respaced header is found too)."""
    kind = number = goal = period = None
    for k, v in row.items():
        key = _header(k)
        if not key.startswith(side):
            continue
        val = nfkc(v or "") or None
        if "種別" in key:
            kind = _KIND.get(val or "")
        elif "番号" in key:
            number = val
        elif "期間" in key:
            period = val
        elif "目標" in key:
            goal = val
    return kind, number, goal, period


def read_3_2(reader) -> None:
    """Add the logic-model steps of RS 3-2 to the reader's records (``reader`` is a kg.sources.rs.RsReader)."""
    for n, rid, row in reader._rows("3-2"):
        rec = reader._rec(rid, "3-2", n)
        if rec is None:
            continue
        by = {i["number"]: i for i in rec.setdefault("indicators", [])}
        ids = []
        for side in ("派生元", "派生先"):
            kind, number, goal, period = _step(row, side)
            if kind is None or number is None:
                ids.append(None)
                continue
            key = f"rs-{kind}-{number}"
            ind = by.get(key)
            if ind is None:
                ind = {"kind": kind, "number": key, "goal": goal, "name": None, "unit": None,
                       "target_fiscal_year": None, "values": [], "period": period, "leads_to": []}
                rec["indicators"].append(ind)
                by[key] = ind
            ind["goal"] = ind["goal"] or goal
            reader._span(rec, f"indicators[{key}]", n, "3-2")
            ids.append(key)
        src, dst = ids
        if src and dst and dst not in by[src]["leads_to"]:
            by[src]["leads_to"].append(dst)
