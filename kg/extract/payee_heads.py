"""支出先上位10者リスト read from pdfminer.six's boxes (kg.extract.payee_boxes): a block whose first row stands before
the block's own letter and header (issue 17).

The reportlab print written by pdfminer.six gives each block its letter, its ranks and 計, then its header
(「支出先 | 法人番号 | … | (支出額10億円以上)」, maybe before the letter), then its rows' boxes. A block whose rows
were not read leaves its last rows' boxes (「委員謝金(委員J) | -」) unclaimed before the next block's letter; the box
reader may count such a row as the next block's first. That block's rows are then counted one off: each takes the
name and 法人番号 of the row before (their amounts, written apart, stay in place), and no check of the amounts can
tell. A block whose first row stands before both its letter and a whole header, with the block's other rows after
them, and after the letter of the block before with no whole header between (in that block's stretch), is left
unknown, noted. (pdfminer.six may write a block's letter after its first row's boxes, 「0.8 | - | … | name | 1 | 2 |
B | 1」, and a page's header then: that row follows a header of its own, the letter before it is farther up.)
"""
from __future__ import annotations

from kg.extract.payee_rows_text import PayeeRow

__all__ = ["rows_before_letter"]

_WHOLE_HEAD = "10億円以上"  # (the header's last cell: a whole header stands there)


def rows_before_letter(cells: list[tuple[str, int, bool]], rows: list[PayeeRow], notes: list) -> list[PayeeRow]:
    """``rows`` without the blocks whose first row stands before the block's letter and a whole header with the
    block's second row after both, and in the block before's stretch (its letter after the last whole header before
    the row: module doc); noted."""
    heads = [line for text, line, header in cells if header and _WHOLE_HEAD in text]
    letters: dict[str, list[int]] = {}
    for text, line, _ in cells:
        t = text.strip().rstrip(".")
        if len(t) == 1 and "A" <= t <= "Z":
            letters.setdefault(t, []).append(line)
    gone: set[str] = set()
    for block in dict.fromkeys(r.block for r in rows):
        mine = sorted((r for r in rows if r.block == block), key=lambda r: r.rank)
        if len(mine) > 1:
            a, b = mine[0].line, mine[1].line
            since = max((x for x in heads if x < a), default=-1)  # (the whole header last before the row)
            before = chr(ord(block) - 1)
            if a < min(mine[1:], key=lambda r: r.line).line and any(a < x < b for x in letters.get(block, ())) \
                    and any(a < x < b for x in heads) and any(since < x < a for x in letters.get(before, ())):
                notes.append((a, f"支出先上位10者リスト block {block}: its first row stands before the block's letter "
                                 "and header (a row of the block before, whose rows were not read?): the rows may be "
                                 "counted one off; they are unknown"))
                gone.add(block)
    return [r for r in rows if r.block not in gone]
