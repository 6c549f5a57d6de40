"""The payee files of an RS-system download -> payees of the review-sheet records (part of kg.sources.rs.RsReader).

5-1 支出情報 when present: payees by block (rank = order in the block), 法人番号 validated, amount = 支出先の合計支出額,
contracts in payee["contracts"], block names/roles/totals in extra.blocks; without 5-1, payees come from
5-3 費目・使途 (amount = sum of the items, payee["amount_basis"] = "5-3"); 5-3 items always go to extra.expense_items;
5-2 -> extra.block_links and extra.indirect_costs.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.records import Payee, Record
from kg.sources import rs_flows
from kg.sources.judgit import check_houjin
from kg.sources.rs_cells import cell, is_true, raw_cell, to_int, yen


class RsPayeeFiles:
    """The 5-1/5-2/5-3 readers; RsReader supplies ``_rows``, ``_rec``, ``_span`` and ``stats``."""

    stats: dict[str, Any]

    def _payee(self, seen: dict, rec: Record, rid: str, block: str | None, name: str, row: dict, n: int,
               code: str) -> tuple[Payee, bool]:
        """(payee, created): one payee per (id, block, name, 法人番号); rank = order in its block."""
        raw_number = raw_cell(row, "法人番号")
        key = (rid, block, name, raw_number)
        if key in seen:
            return seen[key], False
        ranks = rec.setdefault("_ranks", defaultdict(int))
        ranks[block] += 1
        p: Payee = {"block": block, "rank": ranks[block], "name": name, "corporate_number": None, "description": None,
             "amount": None, "contract_method": None, "bidders": None, "award_rate": None}
        check_houjin(rec, p, raw_number, self.stats["malformed_houjin"], f"{code} row {n} 支出先 {block}", n)
        rec["payees"].append(p)
        self._span(rec, f"payees[{block}|{p['rank']}]", n, code)
        self.stats["payees"] += 1
        seen[key] = p
        return p, True

    def _payee_rows(self, code: str) -> Iterator[tuple[int, str, Record, dict, str | None, str | None]]:
        """(row, id, record, cells, 支出先ブロック番号, 支出先名) of a 5-x file, rows of unknown ids left out."""
        for n, rid, row in self._rows(code):
            rec = self._rec(rid, code, n)
            if rec is not None:
                yield n, rid, rec, row, cell(row, "支出先ブロック番号"), cell(row, "支出先名")

    def _read_5_1(self) -> None:
        payees: dict[tuple, dict] = {}
        for n, rid, rec, row, block, name in self._payee_rows("5-1"):
            if not name:
                if block:
                    blocks = rec["extra"].setdefault("blocks", {})
                    info = blocks.setdefault(block, {})
                    if cell(row, "支出先ブロック名"):
                        info.setdefault("name", cell(row, "支出先ブロック名"))
                    if cell(row, "支出先の数"):
                        info.setdefault("payee_count", to_int(row.get("支出先の数")))
                    if cell(row, "事業を行う上での役割"):
                        info.setdefault("role", cell(row, "事業を行う上での役割"))
                    total = yen(rec, row, "ブロックの合計支出額", n, "5-1", f"blocks[{block}]")
                    if total is not None:
                        info.setdefault("amount", total)
                continue
            p, new = self._payee(payees, rec, rid, block, name, row, n, "5-1")
            if new:
                for col, k in (("所在地", "address"), ("法人種別", "corporation_type")):
                    if cell(row, col):
                        p[k] = cell(row, col)
                if is_true(row, "その他支出先"):
                    p["others"] = True
            total = yen(rec, row, "支出先の合計支出額", n, "5-1", f"payees[{block}|{p['rank']}]")
            if total is not None:
                p["amount"] = total
            amount = yen(rec, row, "金額", n, "5-1", f"payees[{block}|{p['rank']}]")
            overview, method = cell(row, "契約概要"), cell(row, "契約方式等")
            if amount is not None or overview or method:
                c = {"description": overview, "amount": amount, "contract_method": method,
                     "contract_method_detail": cell(row, "具体的な契約方式等"),
                     "bidders": to_int(row.get("入札者数")),
                     "award_rate": parse_number(row.get("落札率") or "", percent=True).value}
                p.setdefault("contracts", []).append(c)
                if len(p["contracts"]) == 1:
                    p.update({"description": overview, "contract_method": method, "bidders": c["bidders"],
                              "award_rate": c["award_rate"]})
                if p["amount"] is None and amount is not None and len(p["contracts"]) == 1:
                    p["amount"] = amount

    def _read_5_3(self, as_payees: bool) -> None:
        payees: dict[tuple, dict] = {}
        for n, rid, rec, row, block, name in self._payee_rows("5-3"):
            if not name:
                continue
            amount = yen(rec, row, "金額", n, "5-3", "expense_items")
            item = {"block": block, "name": name, "expense": cell(row, "費目"), "use": cell(row, "使途"),
                    "amount": amount}
            rec["extra"].setdefault("expense_items", []).append(item)
            if not as_payees:
                continue
            p, new = self._payee(payees, rec, rid, block, name, row, n, "5-3")
            if new:
                p["description"] = cell(row, "契約概要")
                p["amount_basis"] = "5-3"
            if amount is not None:
                p["amount"] = as_int_if_whole(round((p["amount"] or 0) + amount, 6))

    def _read_5_2(self) -> None:
        for n, rid, row in self._rows("5-2"):
            rec = self._rec(rid, "5-2", n)
            if rec is None:
                continue
            rs_flows.link_row(rec, n, row)  # issue 18: blocks and flows (kg.sources.rs_flows)
            ex = rec["extra"]
            if cell(row, "国自らが支出する間接経費") or cell(row, "国自らが支出する間接経費の項目"):
                ex.setdefault("indirect_costs", []).append({
                    "item": cell(row, "国自らが支出する間接経費の項目"),
                    "amount": yen(rec, row, "国自らが支出する間接経費の金額", n, "5-2", "indirect_costs")})
            to = cell(row, "支出先の支出先ブロック")
            if to:
                ex.setdefault("block_links", []).append({
                    "from": cell(row, "支出元の支出先ブロック"), "from_name": cell(row, "支出元の支出先ブロック名"),
                    "from_organisation": is_true(row, "担当組織からの支出"),
                    "to": to, "to_name": cell(row, "支出先の支出先ブロック名"),
                    "note": cell(row, "資金の流れの補足情報")})
