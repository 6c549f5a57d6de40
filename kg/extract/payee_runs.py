"""入札者数 / 落札率 written as runs away from their rows (issue 17: pdfminer.six's order of a payee table).

pdfminer.six writes a payee row's cells as paragraphs, mostly in row order (amount, 契約方式, ...), but the
入札者数 and 落札率 cells of several rows often come later as a run: 「… 随意契約(企画競争) | 3 | 5 | 3 | 74% | 67% |
78%」 holds the 入札者数 of the last three rows still without one, then their 落札率, top to bottom. This module
reads the section as a stream:

- a row is *anchored* at its amount + 契約方式 cell (kg.extract.payee_bids.contract_tail; the cell found exactly
  once, and no other row's); from there on the row is *pending* for its 入札者数 and its 落札率, in the order of
  the anchors;
- a *run* is the words of consecutive paragraphs that are all 入札者数 / 落札率 shaped (a small integer, a
  percentage, a dash), starting with the words left on an anchor's 契約方式 paragraph; a header, a title, a
  page number, the next anchor or any other cell ends it. Not in a run: a rank written apart from its name, an
  individual's 「-」 法人番号 after the name, and a word equal to a row's amount or a block's 計 (those could be
  either: the run is cut there, and will not fit);
- a run is one column's cells then the other's: its head (integers and dashes) is the 入札者数 of *every*
  row pending one, its tail (percentages and dashes) the 落札率 of every row pending one, each part either
  empty or exactly as long as its pending rows, and the split must be the only one that fits.

The runs are read in text order up to the first that does not fit (a split that is not the only one — a lone
「-」 after a row pending both cells —, none, a cell of an unanchored row): from there on, which rows the cells
belong to is not settled, and the rows still pending stay unknown, with a warning. A row's 入札者数 and 落札率
read as one dash and one figure, or a value the row readers gave otherwise, shows the reading is not the text's:
then nothing of the section is taken. Never overwrites a value.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.payee_bids import _block_figures, contract_tail
from kg.extract.review_text import _BIDDERS, _RATE, _SMALL, PayeeRow

__all__ = ["settle_runs"]

_DASH = re.compile(r"^[-－―]$")


def _anchors(texts: list[str], rows: list[PayeeRow]) -> dict[int, tuple[int, int, list[str]]]:
    """Row index -> (first paragraph of its amount + 契約方式 cell, paragraph after it, words left on its last
    paragraph), for the rows whose cell is found exactly once (and no other row's)."""
    out = {}
    for n, r in enumerate(rows):
        amount, contract = r.cells.get("amount"), r.cells.get("contract_method")
        if amount is None or not contract:
            continue
        amount = str(amount)
        hits = [(i, got) for i, t in enumerate(texts) if t.startswith(amount)
                and (got := contract_tail(texts, i, amount, contract))]
        if len(hits) == 1:
            i, (words, j) = hits[0]
            out[n] = (i, j, words)
    shared = Counter(i for i, _, _ in out.values())
    return {n: a for n, a in out.items() if shared[a[0]] == 1}


def _corp_dashes(texts: list[str], rows: list[PayeeRow]) -> set[int]:
    """Dash paragraphs right after the name of a payee without a 法人番号 (an individual's 「-」 in that column)."""
    names = tuple(r.cells["name"] for r in rows if r.cells.get("name") and not r.cells.get("corporate_number", "")[:1]
                  .isdigit())
    return {k for k in range(1, len(texts)) if _DASH.match(texts[k]) and names and texts[k - 1].endswith(names)}


def _rank_cells(texts: list[str], rows: list[PayeeRow]) -> set[int]:
    """Paragraphs that are a rank written apart from its name: a run of lone integers r, r+1, ... (maybe ending
    a longer run) right before the paragraph of the name of a row ranked r (reportlab's prints read by pdfminer.six
    write a block's ranks as one column, then its names)."""
    names: dict[int, list[str]] = {}
    for r in rows:
        if r.cells.get("name"):
            names.setdefault(r.rank, []).append("".join(r.cells["name"].split()))
    out: set[int] = set()
    k = 0
    while k < len(texts):
        e = k
        while e < len(texts) and texts[e].isdigit():
            e += 1
        if e > k and e < len(texts):
            nxt = "".join(texts[e].split())
            for s in range(k, e):
                vals = [int(texts[i]) for i in range(s, e)]
                if vals == list(range(vals[0], vals[0] + len(vals))) and any(
                        nxt.startswith(n) or (len(nxt) >= 4 and n.startswith(nxt)) for n in names.get(vals[0], ())):
                    out.update(range(s, e))
                    break
        k = e + 1
    return out


def _split(words: list[str], nb: int, nr: int) -> int | None:
    """Where the run's 入札者数 end and its 落札率 begin (see the module's doc), or None unless exactly one split
    fits ``nb`` rows pending a 入札者数 and ``nr`` pending a 落札率."""
    fits = [s for s in range(len(words) + 1)
            if s in (0, nb) and len(words) - s in (0, nr)
            and all(_BIDDERS.match(w) for w in words[:s]) and all(_RATE.match(w) for w in words[s:])]
    return fits[0] if len(fits) == 1 else None


def _read_runs(texts: list[str], skip: set[int], breaks: set[int], anchors: dict[int, tuple[int, int, list[str]]]
               ) -> tuple[dict[int, dict[str, str]], bool]:
    """Row index -> the 入札者数 / 落札率 its runs give, read up to the first run that does not fit (then False).
    ``skip``: paragraphs that are no run's; ``breaks``: paragraphs a run cannot go on into."""
    starts = {i for i, _, _ in anchors.values()} | breaks
    ends = {j - 1: n for n, (_, j, _) in sorted(anchors.items(), key=lambda x: x[1][0])}
    pending_b: list[int] = []
    pending_r: list[int] = []
    got: dict[int, dict[str, str]] = {}
    run: list[str] = []
    for k, t in enumerate(texts + [""]):  # (a last empty paragraph ends the last run)
        words = t.split()
        small = k not in skip and bool(words) and all(_SMALL.match(w) for w in words)
        if run and (k in starts or not small):
            s = _split(run, len(pending_b), len(pending_r))
            if s is None:
                return got, False
            if s:
                for n, w in zip(pending_b, run[:s], strict=True):
                    got.setdefault(n, {})["bidders"] = w
                pending_b.clear()
            if s < len(run):
                for n, w in zip(pending_r, run[s:], strict=True):
                    got.setdefault(n, {})["award_rate"] = w
                pending_r.clear()
            run = []
        if k in ends:
            pending_b.append(ends[k])
            pending_r.append(ends[k])
            run = list(anchors[ends[k]][2])
        elif small:
            run += words
    return got, True


def settle_runs(cells: list[tuple[str, int, bool]], rows: list[PayeeRow], notes: list | None = None,
                line: int = 0) -> list[PayeeRow]:
    """``rows`` with the 入札者数 / 落札率 the section's paragraph ``cells`` (kg.extract.review_text
    payee_section_cells: text, line, is a header) settle as the module's doc says; ``rows`` unchanged otherwise,
    with a message at ``line`` in ``notes`` when such cells were left unread."""
    if not rows or all(r.cells.get("bidders") is not None and r.cells.get("award_rate") is not None for r in rows):
        return rows
    texts: list[str] = []
    breaks: set[int] = set()  # paragraphs after a header cell (a header ends a run)
    for t, _, header in cells:
        if header:
            breaks.add(len(texts))
        else:
            texts.append(t)
    anchors = _anchors(texts, rows)
    if not anchors:
        return rows
    figures = {str(r.cells.get("amount")) for r in rows} | _block_figures(rows)
    skip = {k for i, j, _ in anchors.values() for k in range(i, j)} | _corp_dashes(texts, rows) \
        | _rank_cells(texts, rows) | {k for k, t in enumerate(texts) if figures.intersection(t.split())}
    got, whole = _read_runs(texts, skip, breaks, anchors)
    for n, c in got.items():
        b, r = c.get("bidders"), c.get("award_rate")
        if (b is not None and r is not None and bool(_DASH.match(b)) != bool(_DASH.match(r))) \
                or any(rows[n].cells.get(k) not in (None, v) for k, v in c.items()):
            got, whole = {}, False  # a reading the cells contradict: none of it
            break
    if not whole and notes is not None:
        notes.append((line, "支出先上位10者リスト: 入札者数 / 落札率 cells written away from their rows: from "
                      + ("some" if got else "the first") + " of them on, which rows they belong to is not settled: "
                      "those rows' cells are unknown"))
    out = []
    for n, r in enumerate(rows):
        add = {k: v for k, v in got.get(n, {}).items() if r.cells.get(k) is None}
        out.append(r._replace(cells={**r.cells, **add}) if add else r)
    return out
