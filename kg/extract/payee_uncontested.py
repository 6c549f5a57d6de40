"""入札者数 of a payee row whose 契約方式 has no bidding (issue 17): unknown.

A 補助金等交付 or an 「その他」 payment is no contract awarded by bids: the sheet prints 「-」 for its 入札者数 and
落札率. A count read for such a row in the text is another row's cell (pdfminer.six writes a row's 入札者数 among the
next row's boxes at times), so it is made unknown, noted, never moved: which row it belongs to the text does not
say. The methods that do take bids (一般競争, 指名競争, 企画競争, 公募) and the 随意契約 of other kinds (a real sheet
may print 1 者 for them) keep theirs.
"""
from __future__ import annotations

import re

from kg.extract.payee_rows_text import PayeeRow
from kg.normalize.text import nfkc

__all__ = ["bids_without_contest"]

_NO_BIDS = re.compile(r"^(?:補助金等?交付|その他)$")


def bids_without_contest(rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` with the 入札者数 and 落札率 made unknown where the row's 契約方式 is 補助金等交付 or 「その他」
    (module doc); noted."""
    out: list[PayeeRow] = []
    for r in rows:
        method = nfkc(r.cells.get("contract_method") or "").replace(" ", "")
        if _NO_BIDS.match(method) and any(r.cells.get(c) not in (None, "") and not _dash(r.cells[c])
                                          for c in ("bidders", "award_rate")):
            notes.append((r.line, f"支出先上位10者リスト block {r.block} rank {r.rank}: an 入札者数 / 落札率 read for "
                                  f"a 契約方式 「{method}」, which takes no bids: another row's cell; unknown"))
            r = r._replace(cells={**r.cells, "bidders": None, "award_rate": None})
        out.append(r)
    return out


def _dash(text: str) -> bool:
    return not re.search(r"\d", text)
