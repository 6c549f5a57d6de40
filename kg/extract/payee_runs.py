"""入札者数 / 落札率 written as runs away from their rows (issue 17: pdfminer.six's order of a payee table).

pdfminer.six writes a payee row's cells as paragraphs, mostly in row order (amount, 契約方式, ...), but the
入札者数 and 落札率 cells of several rows often come later as a run: 「… 随意契約(企画競争) | 3 | 5 | 3 | 74% | 67% |
78%」 holds the 入札者数 of the last three rows still without one, then their 落札率, top to bottom. This module
reads the section as a stream:

- a row is *anchored* at its amount + 契約方式 cell (found by kg.extract.payee_bids.settle_bids, which calls this
  module last: the cell found exactly once, and no other row's); from there on the row is *pending* for its 入札者数 and its 落札率, in the order of
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

from kg.extract.payee_rows_text import SMALL, PayeeRow
from kg.extract.review_text import _BIDDERS, _RATE
from kg.normalize.numbers import parse_number
from kg.normalize.text import CELL_DASHES, is_dash

__all__ = ["settle_runs", "block_sums"]

# two dash cells side by side written as one word (pdftotext: 「--」, the 入札者数's and the 落札率's blanks)
_TWO_DASHES = frozenset(a + b for a in CELL_DASHES for b in CELL_DASHES)


def block_sums(rows: list[PayeeRow]) -> dict[str, float]:
    """Each block's 計: the sum of its rows' amounts (nan when one is not a figure)."""
    sums: dict[str, float] = {}
    for r in rows:
        a = str(r.cells.get("amount"))
        plain = a.replace(",", "")  # (the common case without parse_number: a plain figure, maybe with commas)
        v = int(plain) if plain.isdigit() and plain.isascii() else parse_number(a).value
        sums[r.block] = sums.get(r.block, 0.0) + (v if v is not None else float("nan"))
    return sums


def _block_figures(rows: list[PayeeRow]) -> set[str]:
    """Each block's 計 (the sum of its amounts) as a cell of 入札者数 shape would be written."""
    return {str(int(s)) for s in block_sums(rows).values() if s == s and s.is_integer() and 0 <= s < 1000}


def _corp_dashes(texts: list[str], rows: list[PayeeRow]) -> set[int]:
    """Dash paragraphs right after the name of a payee without a 法人番号 (an individual's 「-」 in that column)."""
    names = tuple(r.cells["name"] for r in rows if r.cells.get("name") and not r.cells.get("corporate_number", "")[:1]
                  .isdigit())
    return {k for k in range(1, len(texts)) if len(texts[k]) == 1 and names and is_dash(texts[k])
            and texts[k - 1].endswith(names)}


def _rank_cells(texts: list[str], rows: list[PayeeRow]) -> set[int]:
    """Paragraphs that are a rank written apart from its name: a run of lone integers r, r+1, ... (maybe ending
    a longer run) right before the paragraph of the name of a row ranked r (reportlab's prints read by pdfminer.six
    write a block's ranks as one column, then its names)."""
    names: dict[int, list[str]] = {}
    for r in rows:
        if r.cells.get("name"):
            names.setdefault(r.rank, []).append("".join(r.cells["name"].split()))
    out: set[int] = set()
    for e in range(len(texts) - 1):
        if not texts[e].isdigit() or SMALL.match(texts[e + 1].split(None, 1)[0] if texts[e + 1] else "-"):
            continue  # (e: the last of a run of lone integers, a cell of other shape after it)
        s = e  # the run's ascending tail: r, r+1, ..., texts[e]
        while s > 0 and texts[s - 1].isdigit() and int(texts[s - 1]) == int(texts[s]) - 1:
            s -= 1
        nxt = "".join(texts[e + 1].split())
        last = int(texts[e])
        for rank in range(int(texts[s]), last + 1):
            if any(nxt.startswith(n) or (len(nxt) >= 4 and n.startswith(nxt)) for n in names.get(rank, ())):
                out.update(range(e - (last - rank), e + 1))
                break
    return out


def _next_ranks(texts: list[str], rows: list[PayeeRow], anchors: dict[int, tuple[int, int, list[str]]]) -> set[int]:
    """Paragraphs that may be the next row's rank: a lone integer, one more than the rank of the row anchored
    last before it (the block's), right before a paragraph that is no such cell (a name: 「随意契約 (その他)」 「--」
    「2」 「岩手県」) — the next row's rank, or an 入札者数 before the next row's name; either way no cell a run
    settles."""
    order = sorted((i, n) for n, (i, _, _) in anchors.items())
    out: set[int] = set()
    for k in range(len(texts) - 1):
        if not texts[k].isdigit() or SMALL.match(texts[k + 1].split(None, 1)[0] if texts[k + 1] else "-"):
            continue
        before = [n for i, n in order if i < k]
        if before and int(texts[k]) == rows[before[-1]].rank + 1:
            out.add(k)
    return out


def _split(words: list[str], nb: int, nr: int) -> int | None:
    """Where the run's 入札者数 end and its 落札率 begin (see the module's doc), or None unless exactly one split
    fits ``nb`` rows pending a 入札者数 and ``nr`` pending a 落札率."""
    fits = [s for s in range(len(words) + 1)
            if s in (0, nb) and len(words) - s in (0, nr)
            and all(_BIDDERS.match(w) for w in words[:s]) and all(_RATE.match(w) for w in words[s:])]
    return fits[0] if len(fits) == 1 else None


def _read_runs(texts: list[str], skip: set[int], breaks: set[int], figures: set[str],
               anchors: dict[int, tuple[int, int, list[str]]]) -> tuple[dict[int, dict[str, str]], bool]:
    """Row index -> the 入札者数 / 落札率 its runs give, read up to the first run that does not fit (then False).
    ``skip``: paragraphs that are no run's; ``breaks``: paragraphs a run cannot go on into; ``figures``: words
    that may be another cell (a row's amount, a block's 計): a paragraph with one is in no run."""
    starts = {i for i, _, _ in anchors.values()} | breaks
    ends = {j - 1: n for n, (_, j, _) in sorted(anchors.items(), key=lambda x: x[1][0])}
    pending_b: list[int] = []
    pending_r: list[int] = []
    got: dict[int, dict[str, str]] = {}
    run: list[str] = []
    for k, t in enumerate(texts + [""]):  # (a last empty paragraph ends the last run)
        words = [d for w in t.split() for d in (list(w) if w in _TWO_DASHES else [w])]
        small = k not in skip and bool(words) and all(SMALL.match(w) for w in words) \
            and figures.isdisjoint(words)
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


def settle_runs(texts: list[str], breaks: set[int], rows: list[PayeeRow],
                anchors: dict[int, tuple[int, int, list[str]]], notes: list | None = None, line: int = 0
                ) -> list[PayeeRow]:
    """``rows`` with the 入札者数 / 落札率 the runs of the section's paragraphs settle, as the module's doc says:
    ``texts`` (no header cells; ``breaks``: the paragraphs right after one), ``anchors`` (row index -> its amount +
    契約方式 cell: first paragraph, the paragraph after it, the words left on its last paragraph; found once, for
    no other row). ``rows`` unchanged otherwise, with a message at ``line`` in ``notes`` when such cells were
    left unread."""
    if not anchors or all(r.cells.get("bidders") is not None and r.cells.get("award_rate") is not None for r in rows):
        return rows
    figures = {str(r.cells.get("amount")) for r in rows} | _block_figures(rows)
    skip = {k for i, j, _ in anchors.values() for k in range(i, j)} | _corp_dashes(texts, rows) \
        | _rank_cells(texts, rows) | _next_ranks(texts, rows, anchors)
    got, whole = _read_runs(texts, skip, breaks, figures, anchors)
    for n, c in got.items():
        b, r = c.get("bidders"), c.get("award_rate")
        if (b is not None and r is not None and is_dash(b) != is_dash(r)) \
                or any(rows[n].cells.get(k) not in (None, v) for k, v in c.items()):
            got, whole = {}, False  # a reading the cells contradict: none of it
            break
    if not whole and notes is not None:
        left = sorted({r.block for n, r in enumerate(rows) if any(
            r.cells.get(k) is None and k not in got.get(n, {}) for k in ("bidders", "award_rate"))})
        notes.append((line, f"支出先上位10者リスト: blocks {left}: 入札者数 / 落札率 cells written away from their rows: "
                            "from " + ("some" if got else "the first") + " of them on, which rows they belong to is "
                            "not settled (a run of such cells fits the rows waiting for them in no way or in more "
                            "than one): those rows' cells are unknown"))
    out = []
    for n, r in enumerate(rows):
        add = {k: v for k, v in got.get(n, {}).items() if r.cells.get(k) is None}
        out.append(r._replace(cells={**r.cells, **add}) if add else r)
    return out
