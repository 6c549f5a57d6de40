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
from kg.sources.rs_cells import nfkc_cached

_KIND = {"アウトプット": "output", "アウトカム": "outcome"}


_SIDES = ("派生元", "派生先")
_FIELDS = (("種別", 0), ("番号", 1), ("期間", 3), ("目標", 2))  # tested in this order; slots of (kind, number, goal, period)


@lru_cache(maxsize=1024)
def _role(header: str | None) -> tuple[str, int] | None:
    """(side, slot) a column fills, None for the others: computed once per column, not once per row and side."""
    key = nfkc(header or "").replace(" ", "")
    for side in _SIDES:
        if key.startswith(side):
            return next(((side, slot) for word, slot in _FIELDS if word in key), None)
    return None


def _step(row: dict, side: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(kind, number, goal, period) of the 派生元/派生先 side of a 3-2 row (headers matched by their words, so an
    NFKC-folded or respaced header is found too; a later column of the same slot wins)."""
    slots: list[str | None] = [None, None, None, None]
    for k, v in row.items():
        role = _role(k)
        if role is not None and role[0] == side:
            slots[role[1]] = nfkc_cached(v or "") or None
    return _KIND.get(slots[0] or ""), slots[1], slots[2], slots[3]


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
