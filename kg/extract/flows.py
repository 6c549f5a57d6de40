"""資金の流れ of a review sheet: spending blocks and block -> block flows (issue 18).

Input: the sheet's cell grid (rows with ``line``, ``cells``, ``keys`` as kg.extract.review_excel builds them)
and the record whose ``payees`` are already extracted. Output: two new record keys:

- ``blocks``: one per block letter seen in 支出先上位10者リスト or in 費目・使途 —
  {"code", "largest_payee" (name in the 費目・使途 header), "payee_count" (rows listed),
  "expense_items": [{"expense", "use", "amount", "line"}], "expense_total" (its 計)}.
- ``flows``: block -> block flows found in 費目・使途: a row of block X whose 用途 names the payee of exactly
  one other block Y is a flow X -> Y ({"from", "to", "kind", "kind_raw", "amount", "evidence", "line"}).
  Amounts in 百万円 as printed. When the name fits payees of several blocks no flow is made (a warning says so).

The diagram of 資金の流れ (which block the ministry pays, block totals) is a drawing the text export does not
carry; blocks get no first-level flow from sheets (unknown, not guessed). Tables whose block letter cannot be
told (a 費目 header row with a different number of tables than the block header above it) are left out, never
assigned by position, and so are names fitting payees of several blocks: each is noted in
extra["flow_notes"] ({code, message}; lines in provenance spans flow_notes[i]; counted in the build report) — a layout the text export lost is not a
fault of the document, so it is not a warning.
"""
from __future__ import annotations

import re
from typing import Any

from kg.normalize.names import corp_key
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.text import nfkc, squash
from kg.records import Record, span, warn

_BLOCK_HEAD = re.compile(r"^([A-Z])\.\s*(.*)$")
_SECTION = ("費目・用途", "費目・使途")
_END = ("費目・用途欄", "費目・使途欄", "支出先上位")
# 費目 that pass money on to another party (a block's payee paying another block's payee)
_PASS_ON = ("外部委託", "再委託", "委託", "外注", "請負", "補助", "交付", "負担金", "助成")


def flow_kind(label: str | None, from_block: bool = True) -> str | None:
    """Normalised kind of a flow from its printed label (費目 or 資金の流れの補足情報).

    '外部委託費'/'再委託費' between blocks -> '再委託'; '再々委託' -> '再々委託'; '補助金交付' -> '補助';
    '交付金' -> '交付'; '委託' from the organisation -> '委託'; otherwise the label as printed (NFKC)."""
    t = nfkc(label or "").replace(" ", "")
    if not t:
        return None
    if "再々" in t:
        return "再々委託"
    if "再委託" in t or (from_block and ("委託" in t or "外注" in t)):
        return "再委託"
    for key, kind in (("委託", "委託"), ("請負", "請負"), ("補助", "補助"), ("交付", "交付"), ("負担", "負担金"),
                      ("支出委任", "支出委任"), ("貸付", "貸付"), ("出資", "出資")):
        if key in t:
            return kind
    return t


def _block_header(row) -> list[tuple[int, str, str]] | None:
    """[(column, letter, printed name)] when every value cell of the row is a block heading ('B.PwC…')."""
    out = []
    for i, c in row.nonempty():
        k = squash(c)
        if k.startswith(_SECTION):
            continue
        m = _BLOCK_HEAD.match(nfkc(c).strip())
        if not m:
            return None
        out.append((i, m[1], m[2].strip()))
    return out or None


def _groups(row) -> list[int]:
    """Columns where a 費目/用途/金額 triple starts in a table header row."""
    return [i for i, k in enumerate(row.keys) if k == "費目"
            and i + 1 < len(row.keys) and row.keys[i + 1] in ("用途", "使途")]


def _section(rows) -> tuple[int, int] | None:
    start = next((i for i, r in enumerate(rows) if r.keys and any(k.startswith(_SECTION) and "欄" not in k[:6]
                                                                   for k in r.keys)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(rows)) if any(k.startswith(_END) for k in rows[i].keys)), len(rows))
    return start, end


def extract_flows(rec: Record, rows: list[Any]) -> None:
    """Fill rec["blocks"] and rec["flows"] from the grid (see the module docstring)."""
    blocks: dict[str, dict] = {}

    def block(code: str) -> dict:
        return blocks.setdefault(code, {"code": code, "largest_payee": None, "payee_count": 0,
                                        "expense_items": [], "expense_total": None})

    for p in rec.get("payees") or []:
        if p.get("block"):
            block(p["block"])["payee_count"] += 1
    items: list[tuple[str, dict, int]] = []  # (block, 費目・使途 row, source line)
    sec = _section(rows)
    if sec is not None:
        pending: list[tuple[str, str]] = []  # block letters of the last heading row not yet given a table
        current: list[str | None] = []  # block of each group of the table being read
        cols: list[int] = []
        unassigned: list[int] = []
        for r in rows[sec[0]:sec[1]]:
            head = _block_header(r)
            if head:
                pending = [(letter, name) for _, letter, name in head]
                for letter, name in pending:
                    if name:
                        block(letter)["largest_payee"] = name
                    span(rec, f"blocks[{letter}]", r.line)
                current, cols = [], []
                continue
            g = _groups(r)
            if g:
                cols = g
                if pending and len(pending) == len(g):
                    current = [letter for letter, _ in pending]
                else:
                    current = [None] * len(g)
                    unassigned.append(r.line)
                pending = []
                continue
            if not cols:
                continue
            for gi, c in enumerate(cols):
                letter = current[gi] if gi < len(current) else None
                if letter is None:
                    continue
                cells = [r.cells[j] if j < len(r.cells) else "" for j in (c, c + 1, c + 2)]
                expense, use, amount_text = (nfkc(x).strip() for x in cells)
                if not (expense or use or amount_text):
                    continue
                amount = parse_number(amount_text)
                if amount.error:
                    warn(rec, "bad_number", f"費目・使途 of block {letter}: {amount.error}", line=r.line,
                         field=f"blocks[{letter}]")
                value = as_int_if_whole(amount.value)
                if squash(expense) == "計":
                    block(letter)["expense_total"] = value
                    span(rec, f"blocks[{letter}]", r.line)
                    continue
                item = {"expense": expense or None, "use": use or None, "amount": value}
                block(letter)["expense_items"].append(item)
                span(rec, f"blocks[{letter}]", r.line)
                items.append((letter, item, r.line))
        if unassigned:
            _note(rec, "flow_table_unassigned",
                  f"費目・使途: {len(unassigned)} table header row(s) do not match a block heading row above them; "
                  f"their block is not known and their rows are left out", unassigned[0], unassigned[-1])
    rec["blocks"] = [blocks[k] for k in sorted(blocks)]
    rec["flows"] = _flows(rec, items)


def _note(rec: Record, code: str, message: str, line: int, last: int | None = None) -> None:
    """What the 資金の流れ mapping could not use (not a fault of the document: its layout lost the block); the
    source lines go to provenance spans ``flow_notes[i]``."""
    notes = rec["extra"].setdefault("flow_notes", [])
    span(rec, f"flow_notes[{len(notes)}]", line, last)
    notes.append({"code": code, "message": message})


def _flows(rec: Record, items: list[tuple[str, dict, int]]) -> list[dict]:
    """B's 外部委託費 to a payee that is H's payee is a B -> H flow (evidence: the 費目・使途 row)."""
    by_key: dict[str, set[str]] = {}
    for p in rec.get("payees") or []:
        if p.get("block") and p.get("name"):
            k = corp_key(p["name"])
            if len(k) >= 2:
                by_key.setdefault(k, set()).add(p["block"])
    flows: list[dict] = []
    for letter, item, line in items:
        use = item.get("use") or ""
        expense = item.get("expense") or ""
        if not use or not any(w in expense for w in _PASS_ON):
            continue
        uk = corp_key(use)
        targets = {b for k, bs in by_key.items() if k == uk or (len(k) >= 4 and k in uk) for b in bs} - {letter}
        if not targets:
            continue
        if len(targets) > 1:
            _note(rec, "flow_target_ambiguous",
                  f"費目・使途 of block {letter} ({expense} / {use}) names a payee of blocks "
                  f"{', '.join(sorted(targets))}; no flow is made", line)
            continue
        to = targets.pop()
        i = len(flows)
        flows.append({"from": letter, "from_organisation": False, "to": to, "kind": flow_kind(expense),
                      "kind_raw": expense, "amount": item.get("amount"),
                      "evidence": f"費目・使途 {letter}: {expense} / {use} / {item.get('amount')}"})
        span(rec, f"flows[{i}]", line)
    return flows


__all__ = ["extract_flows", "flow_kind"]
