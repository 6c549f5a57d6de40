"""RS-system 支出先 files -> spending blocks and block flows of a review_sheet record (issue 18).

Rows arrive as the RS reader streams them ({header_key: cell}, data row number n), one record per 予算事業ID:

- 5-2 支出ブロックのつながり (``link_row``): 担当組織からの支出 TRUE -> a flow from the organisation to 支出先の支出先
  ブロック (depth 1); else 支出元の支出先ブロック -> 支出先の支出先ブロック (再委託 and further). Kind from 資金の流れ
  の補足情報 (kg.extract.flows.flow_kind), names of both blocks kept; one flow per (from, to) — a repeated pair
  is counted in ``duplicate_links``, never a second flow. 国自らが支出する間接経費 rows -> ``indirect_costs``.
  A row naming neither a source block nor the organisation is reported (warning rs_flow_without_source).
- 5-4 国庫債務負担行為等による契約 (``contract_row``): a contract of a block's payee (name, 法人番号, amount,
  method, bidders, 落札率) -> block["contracts"].
- ``finish``: blocks from 5-1 (name, role, 支出先の数, total — when the file is there), 5-2 (names), 5-3 (the
  largest payee and its 費目・使途 items) and 5-4, into rec["blocks"]; rec["flows"]; amounts in 百万円.
  Without 5-1 a block's payee count is unknown (payee_count_given false): chains are then "unknown" unless the
  block's name says it stands for several payees ("…ほか", "…等").
"""
from __future__ import annotations

from kg.extract.flows import flow_kind
from kg.normalize.numbers import parse_number
from kg.records import Record, span, warn
from kg.sources.rs_cells import cell, is_true, yen


def _cell(row: dict, key: str) -> str | None:
    v = cell(row, key)
    return v.strip() or None if v is not None else None


def _state(rec: Record) -> dict:
    return rec.setdefault("_flows", {"blocks": {}, "flows": {}, "order": [], "duplicate_links": 0})


def _block(st: dict, code: str) -> dict:
    return st["blocks"].setdefault(code, {"code": code, "name": None, "role": None, "largest_payee": None,
                                          "payee_count": None, "payee_count_given": False, "amount": None,
                                          "expense_items": [], "contracts": []})


def _span(rec: Record, key: str, n: int, code: str) -> None:
    span(rec, key, n)
    rec["provenance"].setdefault("span_files", {})[key] = code


def link_row(rec: Record, n: int, row: dict) -> None:
    """One 5-2 row."""
    st = _state(rec)
    if _cell(row, "国自らが支出する間接経費") or _cell(row, "国自らが支出する間接経費の項目"):
        rec.setdefault("indirect_costs", []).append({
            "kind": _cell(row, "国自らが支出する間接経費"), "item": _cell(row, "国自らが支出する間接経費の項目"),
            "amount": yen(rec, row, "国自らが支出する間接経費の金額", n, "5-2", "indirect_costs")})
        _span(rec, "indirect_costs", n, "5-2")
    to = _cell(row, "支出先の支出先ブロック")
    if not to:
        return
    src = _cell(row, "支出元の支出先ブロック")
    org = is_true(row, "担当組織からの支出")
    tb = _block(st, to)
    tb["name"] = tb["name"] or _cell(row, "支出先の支出先ブロック名")
    if src and not org:
        sb = _block(st, src)
        sb["name"] = sb["name"] or _cell(row, "支出元の支出先ブロック名")
    elif not org:
        warn(rec, "rs_flow_without_source", f"5-2 row {n}: block {to} has neither a source block nor "
             f"担当組織からの支出", line=n, field="flows")
        return
    key = (None if org else src, to)
    if key in st["flows"]:
        st["duplicate_links"] += 1
        return
    note = _cell(row, "資金の流れの補足情報")
    payer = _cell(row, "支出元の支出先ブロック名") if org else src
    st["flows"][key] = {"from": None if org else src, "from_organisation": org, "to": to,
                        "kind": flow_kind(note, from_block=not org) if note else None, "kind_raw": note,
                        "amount": None, "evidence": f"RS 5-2 row {n}: {payer or '担当組織'} -> {to}"
                        + (f" ({note})" if note else ""), "row": n}
    st["order"].append(key)


def contract_row(rec: Record, n: int, row: dict) -> None:
    """One 5-4 row (国庫債務負担行為等による契約)."""
    suffix = "(国庫債務負担行為等による契約)"
    block = _cell(row, "支出先ブロック" + suffix)
    name = _cell(row, "契約先名" + suffix)
    if not block and not name:
        return
    if not block:
        warn(rec, "rs_contract_without_block", f"5-4 row {n}: contract with {name} names no block", line=n,
             field="contracts")
        return
    st = _state(rec)
    b = _block(st, block)
    i = len(b["contracts"]) + 1
    bidders = parse_number(row.get("入札者数(応募者数)" + suffix) or "").value
    b["contracts"].append({
        "name": name, "corporate_number": None, "corporate_number_raw": None,
        "description": _cell(row, "契約概要(契約名)" + suffix),
        "amount": yen(rec, row, "契約額" + suffix, n, "5-4", f"blocks[{block}]"),
        "contract_method": _cell(row, "契約方式等" + suffix),
        "bidders": int(bidders) if bidders is not None else None,
        "award_rate": parse_number(row.get("落札率(%)" + suffix) or "", percent=True).value, "row": n})
    raw = (row.get("契約先の法人番号" + suffix) or "").strip()
    if raw:
        from kg.normalize.houjin import validate

        v = validate(raw)
        if v.number:
            b["contracts"][-1]["corporate_number"] = v.number
        else:
            b["contracts"][-1]["corporate_number_raw"] = raw
            warn(rec, "invalid_corporate_number", f"5-4 row {n}: 契約先の法人番号 {raw!r} is not valid", line=n,
                 field=f"blocks[{block}].contracts[{i}]")
    _span(rec, f"blocks[{block}].contracts[{i}]", n, "5-4")


def finish(rec: Record, has_5_1: bool) -> None:
    """Blocks and flows of the record from what the 5-x rows left (see the module docstring)."""
    st = rec.pop("_flows", None) or {"blocks": {}, "flows": {}, "order": [], "duplicate_links": 0}
    extra = rec.get("extra") or {}
    for code, info in (extra.get("blocks") or {}).items():  # 5-1 block rows
        b = _block(st, code)
        b["name"] = info.get("name") or b["name"]
        b["role"] = info.get("role")
        b["amount"] = info.get("amount")
        if info.get("payee_count") is not None:
            b["payee_count"], b["payee_count_given"] = info["payee_count"], True
    for item in extra.get("expense_items") or []:  # 5-3
        if not item.get("block"):
            continue
        b = _block(st, item["block"])
        b["largest_payee"] = b["largest_payee"] or item.get("name")
        b["expense_items"].append({"expense": item.get("expense"), "use": item.get("use"),
                                   "amount": item.get("amount")})
    for p in rec.get("payees") or []:
        if p.get("block"):
            _block(st, p["block"])
    rec["blocks"] = [st["blocks"][k] for k in sorted(st["blocks"])]
    rec["flows"] = []
    for i, key in enumerate(st["order"]):
        f = st["flows"][key]
        rec["flows"].append(f)
        _span(rec, f"flows[{i}]", f.pop("row"), "5-2")
    rec["flows_source"] = "rs"
    rec["payees_from_5_1"] = has_5_1
    if st["duplicate_links"]:
        extra["duplicate_block_links"] = st["duplicate_links"]


__all__ = ["contract_row", "finish", "link_row"]
