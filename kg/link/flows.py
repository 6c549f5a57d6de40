"""Block-level money chains of one record (issue 18): depth of every spending block and, for every flow,
whether its payer is known. Pure functions over the record keys ``blocks``, ``flows`` and ``payees``.

- depth: 1 for a block paid by the organisation, depth(payer) + 1 for a block paid by a block; None when no
  source says who pays the block (a review sheet's diagram is not in its text). A block reached several ways
  gets its smallest depth; a cycle never loops.
- chain status of a flow: "organisation" (paid by the organisation), "single" (the paying block holds one
  payee), "ambiguous" (it holds several: which one paid is not said, and kg makes no payee-to-payee edge),
  "unknown" (how many payees it holds is not given).
- money of a flow: its own amount, else the receiving block's total, else the sum of the receiving block's
  listed payee amounts (a lower bound) — ``flow_money`` says which.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from kg.normalize.text import nfkc

# a block name saying it stands for several payees ("株式会社電通東日本ほか", "民間事業者等", "○○など", "3者")
_SEVERAL = re.compile(r"(ほか|他|等|など)\s*(\d+\s*(者|社|件|団体))?\s*$|\d+\s*(者|社|団体)\s*$")


_TRAILING_NOTE = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)\s*$")


def names_several(name: str | None) -> bool:
    """A block name standing for several payees: '…ほか', '…等', '3者' — after trailing notes in brackets
    ('民間企業等(再委託先)')."""
    t = nfkc(name or "").strip()
    while True:
        u = _TRAILING_NOTE.sub("", t)
        if u == t or not u:
            break
        t = u
    return bool(t) and bool(_SEVERAL.search(t))


def payee_totals(rec: dict) -> dict[str, tuple[int, float | None]]:
    """block -> (payees listed, sum of their known amounts or None)."""
    out: dict[str, list] = defaultdict(lambda: [0, None])
    for p in rec.get("payees") or []:
        b = p.get("block")
        if not b:
            continue
        out[b][0] += 1
        a = p.get("amount")
        if isinstance(a, (int, float)) and not isinstance(a, bool):
            out[b][1] = (out[b][1] or 0) + a
    return {k: (v[0], v[1]) for k, v in out.items()}


def block_payee_count(block: dict, listed: int, source_counts_listing: bool) -> int | None:
    """Payees of a block: the source's own count, else the listed rows when the listing is the block's list
    (review sheets: 支出先上位10者 per block, so 1 listed row is 1 payee), else None."""
    if block.get("payee_count") is not None and block.get("payee_count_given"):
        return int(block["payee_count"])
    if source_counts_listing and listed:
        return listed
    return None


def annotate(rec: dict) -> dict:
    """Set block["depth"] and flow["chain_status"], flow["depth"], flow["money"], flow["money_basis"] in place;
    returns {block code: depth}."""
    blocks = {b["code"]: b for b in rec.get("blocks") or [] if b.get("code")}
    flows = rec.get("flows") or []
    listing = rec.get("flows_source") != "rs" or rec.get("payees_from_5_1", False)
    totals = payee_totals(rec)
    depth: dict[str, int] = {}
    children: dict[str | None, list[dict]] = defaultdict(list)
    for f in flows:
        children[None if f.get("from_organisation") else f.get("from")].append(f)
    frontier = [(f["to"], 1) for f in children.get(None, [])]
    while frontier:
        nxt = []
        for code, d in frontier:
            if code in depth and depth[code] <= d:
                continue
            depth[code] = d
            nxt.extend((f["to"], d + 1) for f in children.get(code, []))
        frontier = nxt
    for code, b in blocks.items():
        b["depth"] = depth.get(code)
    for f in flows:
        f["depth"] = depth.get(f.get("to"))
        if f.get("from_organisation"):
            f["chain_status"] = "organisation"
        else:
            src = blocks.get(f.get("from")) or {}
            listed = totals.get(f.get("from"), (0, None))[0]
            n = block_payee_count(src, listed, listing)
            if (n is not None and n > 1) or names_several(src.get("name")):
                f["chain_status"] = "ambiguous"
            elif n == 1:
                f["chain_status"] = "single"
            else:
                f["chain_status"] = "unknown"
        to = blocks.get(f.get("to")) or {}
        if f.get("amount") is not None:
            f["money"], f["money_basis"] = f["amount"], "flow"
        elif to.get("amount") is not None:
            f["money"], f["money_basis"] = to["amount"], "block"
        elif totals.get(f.get("to"), (0, None))[1] is not None:
            f["money"], f["money_basis"] = totals[f["to"]][1], "payees"
        else:
            f["money"], f["money_basis"] = None, None
    return depth


def chain_stats(recs) -> dict:
    """Build-report figures over annotated records: blocks, flows (from the organisation / block -> block),
    blocks by depth, and the share of block -> block (再委託) money whose payer is ambiguous (the paying block holds
    several payees) — and how much of it has a paying block whose number of payees no source gives (RS without
    5-1). Money of a flow: kg.link.flows module docstring (its amount, else the block's, else its listed payees')."""
    c: Counter = Counter()
    by_depth: Counter = Counter()
    status: Counter = Counter()
    money = Counter()
    for r in recs:
        blocks = r.get("blocks") or []
        flows = r.get("flows") or []
        listed_only = {p["block"] for p in r.get("payees") or [] if p.get("block")} - {b.get("code") for b in blocks}
        if not blocks and not flows and not listed_only and not (r.get("extra") or {}).get("flow_notes"):
            continue
        c["sheets_with_blocks"] += 1
        c["blocks"] += len(blocks) + len(listed_only)
        by_depth["unknown"] += len(listed_only)
        for b in blocks:
            by_depth[str(b["depth"]) if b.get("depth") is not None else "unknown"] += 1
        for f in flows:
            if f.get("from_organisation"):
                c["flows_from_organisation"] += 1
                continue
            c["block_flows"] += 1
            st = f.get("chain_status") or "unknown"
            status[st] += 1
            if f.get("money") is not None:
                money["known"] += f["money"]
                if st in ("ambiguous", "unknown"):
                    money[st] += f["money"]
            else:
                c["block_flows_without_amount"] += 1
        c["indirect_costs"] += len(r.get("indirect_costs") or [])
        for n in (r.get("extra") or {}).get("flow_notes") or []:
            c[n["code"]] += 1  # flow_table_unassigned, flow_target_ambiguous (kg.extract.flows)
        c["expense_items"] += sum(len(b.get("expense_items") or []) for b in blocks)
    share = round(money["ambiguous"] / money["known"], 4) if money["known"] else None
    return {**dict(sorted(c.items())), "blocks_by_depth": dict(sorted(by_depth.items())),
            "block_flows_by_status": dict(sorted(status.items())),
            "subcontract_money_million_yen": round(money["known"], 6),
            "subcontract_money_ambiguous_million_yen": round(money["ambiguous"], 6),
            "subcontract_money_payer_unknown_million_yen": round(money["unknown"], 6),
            "subcontract_money_ambiguous_share": share}


def flow_report(records) -> dict:
    """chain_stats over the review-sheet records (annotated here: annotate is idempotent)."""
    sheets = [r for r in records if r.get("document_type") == "review_sheet"]
    for r in sheets:
        if r.get("blocks") or r.get("flows"):
            annotate(r)
    return chain_stats(sheets)


__all__ = ["annotate", "chain_stats", "flow_report", "names_several", "payee_totals"]
