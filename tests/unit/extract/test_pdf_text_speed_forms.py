"""Speed forms of the PDF-text readers (issue 17, fourth round: pdfminer.six text >= 50 sheets/s) against their
plain forms, on real-shaped input: the text pdfminer.six and pdftotext get out of reportlab's print of generated
sheets (tests/fixtures/review_sheets.py; with and without 計 rows), and variants of their payee blocks. Each
fast form must give what the plain code it replaced gives: the same cuts, the same first reading of a block,
the same budget line groups, the same folded lines, fragments and 計 cells, the same records."""
from __future__ import annotations

import random
import shutil
from collections import Counter

import pytest

import kg.extract.payee_columns as pc
import kg.extract.review_text as rt
from kg.extract import pdf_layout
from kg.extract.dispatch import extract_doc
from kg.extract.folded_text import folded_lines
from kg.normalize.text import nfkc
from kg.read import read_document
from tests.fixtures.review_sheets import more_sheets, reportlab_texts

SEEDS = (17, 29)  # 12 blocks of 1-8 rows, 12 of 1-10 (more_sheets: blocks and rows by seed)


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    """[text file] of reportlab's print of the sheets, with and without 計 rows, read by pdfminer and pdftotext
    (no LibreOffice needed)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("poppler's pdftotext is not installed (apt-get install poppler-utils)", pytrace=False)
    d = tmp_path_factory.mktemp("speed-forms")
    return [p for totals in (True, False) for p in reportlab_texts(more_sheets(list(SEEDS), totals), d, f".{totals}")]


@pytest.fixture(scope="module")
def sections(texts):
    """The payee sections payee_columns was given (its items, as it builds them) and the blocks its readings
    tried (the cells of every ``_block_core_of`` call), over every text."""
    items_seen: list[list[pc.Item]] = []
    blocks: list[tuple[tuple[pc.Item, ...], bool]] = []
    cells_seen: list[list[tuple[str, int, bool]]] = []
    real_read, real_core = pc._read, pc._block_core_of
    import kg.extract.review_pdf as rp

    real_columns = rp.payee_columns

    def columns_spy(cells):
        cells_seen.append(list(cells))
        return real_columns(cells)

    def read_spy(items, before):
        if not before:
            items_seen.append(list(items))
        return real_read(items, before)

    def core_spy(cells, loose=False):
        blocks.append((tuple(cells), loose))
        return real_core(cells, loose)

    core_spy.cache_clear = real_core.cache_clear  # (payee_columns empties its caches per section)

    pc._read, pc._block_core_of, rp.payee_columns = read_spy, core_spy, columns_spy
    try:
        for p in texts:
            extract_doc(read_document(p))
    finally:
        pc._read, pc._block_core_of, rp.payee_columns = real_read, real_core, real_columns
    assert len(cells_seen) >= 4 and len(blocks) >= 40  # the column reader ran on these texts
    return items_seen, blocks, cells_seen


def _variants(items: list[pc.Item], rng: random.Random, n: int = 4) -> list[list[pc.Item]]:
    """The items as read, and copies with a cell dropped and two neighbours swapped."""
    out = [items]
    for _ in range(n):
        v = list(items)
        k = rng.randrange(len(v))
        if rng.random() < 0.5:
            del v[k]
        elif k + 1 < len(v):
            v[k], v[k + 1] = v[k + 1], v[k]
        out.append(v)
    return out


def test_cuts_are_worked_out_once_and_equal_the_plain_cuts(sections):
    items_seen, _, _ = sections
    rng = random.Random(7)
    plain = {"title": lambda it: pc._chunks(it, "title"), "header": lambda it: pc._chunks(it, "header"),
             "streams": pc._stream_chunks, "rank": pc._rank_chunks}
    cut_blocks = 0
    for items in items_seen:
        for v in _variants(items, rng):
            for by, fn in plain.items():
                first = pc._cut(v, by)
                assert first == fn(v)
                assert pc._cut(v, by) is first  # the second ask is the memo
                cut_blocks += len(first)
            # the same list object with other contents is cut again (the memo checks the items)
            if len(v) > 1:
                u = list(v)
                first = pc._cut(u, "title")
                w = list(v)
                cell = [k for k, it in enumerate(w) if it.kind not in ("header", "title")]
                if not cell or not first:
                    continue
                del w[cell[len(cell) // 2]]  # (a cell of some block: the title cut changes)
                u[:] = w
                assert pc._cut(u, "title") == pc._chunks(w, "title") != first
    assert cut_blocks > 50


def _cells_plain(items: list[pc.Item], loose: bool):
    """_block_core_of's first passes as they were written before the fourth speed round (separate passes)."""
    kinds = [it.kind for it in items]
    size = len(items)
    name_at: set[int] = set()
    ranks: dict[int, int] = {}
    for i, it in enumerate(items):
        if it.kind == "name":
            name_at.add(i)
            if i and items[i - 1].kind == "rank" and not items[i - 1].alone:
                ranks[i] = int(items[i - 1].text)
        elif it.kind == "text" and i and kinds[i - 1] == "num" and pc._RANK.match(items[i - 1].text) and not (
                i > 1 and kinds[i - 2] == "num" and items[i - 2].text == str(int(items[i - 1].text) - 1)) and (
                i + 1 == size or kinds[i + 1] in ("corp", "dash", "num", "rank", "name", "text")):
            name_at.add(i)
            ranks[i] = int(items[i - 1].text)
    corp_at: list[int] = []
    corp_set: set[int] = set()
    for i, kind in enumerate(kinds):
        if kind == "corp" or (kind == "dash" and i and (
                i - 1 in name_at or (kinds[i - 1] in ("corp", "dash") and (i - 1) in corp_set and items[i - 1].alone)
                or (kinds[i - 1] == "text" and i + 1 < size and kinds[i + 1] == "text")
                or (loose and pc._dash_of_row(items, i)))):
            corp_at.append(i)
            corp_set.add(i)
    nums = [i for i, k in enumerate(kinds) if k == "num"]
    fixed = [i for i, k in enumerate(kinds) if k in ("amount", "column")]
    return kinds, name_at, ranks, corp_at, corp_set, nums, fixed


def test_one_pass_over_a_blocks_cells_equals_the_separate_passes(sections):
    _, blocks, _ = sections
    rng = random.Random(11)
    corps = dashes = 0
    for cells, loose in blocks:
        for v in _variants(list(cells), rng, 3) if cells else [[]]:
            for lo in {loose, True}:
                got = pc._cells_of(v, lo)
                assert got == _cells_plain(v, lo)
                corps += len(got[3])
                dashes += sum(1 for i in got[3] if v[i].kind == "dash")
    assert corps > 200 and dashes > 0  # 法人番号 and individuals' dashes were read


def test_payee_columns_with_the_plain_cuts_and_bounds_gives_the_same_rows(sections, monkeypatch):
    """The whole column reader with the memo and the lazy bound defeated (every cut made afresh, the bound
    worked out for every block) gives the same rows and reasons, 法人番号 of 13 digits or a dash."""
    _, _, cells_of = sections
    fast = [pc.payee_columns(c) for c in cells_of]
    plain_cut = {"title": lambda it: pc._chunks(it, "title"), "header": lambda it: pc._chunks(it, "header"),
                 "streams": pc._stream_chunks, "rank": pc._rank_chunks}
    monkeypatch.setattr(pc, "_cut", lambda items, by: plain_cut[by](items))
    plain = [pc.payee_columns(c) for c in cells_of]
    assert fast == plain
    rows = [r for out, _ in fast for r in out]
    assert rows and all(r.corporate_number == "-" or (len(r.corporate_number) == 13 and r.corporate_number.isdigit())
                        for r in rows)


def test_budget_groups_of_repeated_lines_equal_each_lines_group(texts):
    repeated = 0
    for p in texts:
        lines = [nfkc(x) for x in read_document(p).lines]
        got = pdf_layout.budget_groups(lines, 1, len(lines))
        plain = [g for i in range(1, len(lines) + 1) if (g := pdf_layout.parse_group(lines[i - 1], i)) is not None]
        assert got == plain
        assert len({id(g.values) for g in got}) == len(got)  # every group its own list of values
        repeated += len(got) - len({lines[g.line - 1] for g in got})
    assert repeated > 20  # lines repeating a number (ranks, counts, dashes) were made from the memo


def test_folded_lines_fragments_and_total_cells_equal_the_plain_forms(texts):
    rng = random.Random(3)
    pieces = set(rt._FRAGMENTS) | {" " + f for f in list(rt._FRAGMENTS)[:200]} | {"", " ", "12", "(", "度 "}
    for p in texts:
        raw = read_document(p).lines
        L = [nfkc(x) for x in raw]
        assert rt._folded(raw) == L
        folded_lines(L)
        assert rt._folded(L) is L
        assert [nfkc(x) for x in L] == L  # (nfkc is idempotent on these lines: folded_lines' premise)
        pieces.update(L)
        pieces.update(w for x in L for w in x.split(" "))
        cells = rt._paragraph_cells_of(L, 0)
        plain_cells = []
        for text, line in cells:
            m = rt._NAME_THEN_TOTAL.match(text)
            plain_cells += [(m[1], line), ("計", line)] if m else [(text, line)]
        assert rt._cut_total(cells) == plain_cells
        assert rt.paragraph_style(L) == (len(L) - sum(1 for x in L if x.strip()) >= 0.2 * max(len(L), 1))
        M = list(L)
        assert rt.paragraph_style(M + [""] * len(M)) is True  # another list: asked afresh
    pieces.update("".join(rng.choice("事業番号年度計画条項も記載)知等 0123-,") for _ in range(rng.randrange(1, 8)))
                  for _ in range(3000))
    for t in pieces:
        s = t.replace(" ", "")
        assert rt._is_fragment(t) == (s in rt._FRAGMENTS and not s.isdigit() and bool(rt.re.search(r"\w", s)))


def test_records_with_folded_lines_equal_records_folding_again(texts, monkeypatch):
    """review_pdf tells the readers its lines are folded already; with that defeated (the readers fold them
    again) every record is the same, payees and budget included."""
    fast = [extract_doc(read_document(p)) for p in texts]
    monkeypatch.setattr("kg.extract.review_pdf.folded_lines", lambda lines: None)
    plain = [extract_doc(read_document(p)) for p in texts]
    assert fast == plain and repr(fast) == repr(plain)
    assert sum(len(r["payees"]) for r in fast) > 50 and sum(1 for r in fast if r["budget"]) >= len(fast) // 2


# ---- eighth round (branch colspeed): a block's cells read once per section, the second pass only when it reads
# other cells, the sum readings' bound before their pools


def _falling_sums_plain(vals: list[float], n: int, total: float, cap: int = 3, forced: frozenset[int] = frozenset(),
                  whole: bool | None = None) -> list[tuple[int, ...]]:
    """_falling_sums as it was before the eighth speed round."""
    if whole is None:  # (the caller may know: the same numbers are tried with several totals and counts)
        whole = all(float(v).is_integer() for v in [*vals, total])
    tol = 1e-9 if whole else 0.05 * n + 1e-9
    m = len(vals)
    rising = sorted(vals)
    if m < n or sum(rising[m - n:]) < total - tol or sum(rising[:n]) > total + tol:
        return []  # (no n of them can make the total)
    stop = [m] * (m + 1)  # stop[p]: the first forced position at p or after (m: none)
    for q in range(m - 1, -1, -1):
        stop[q] = q if q in forced else stop[q + 1]
    memo: dict[tuple[int, int, float, float], tuple[tuple[int, ...], ...]] = {}

    def go(p: int, k: int, rem: float, last: float) -> tuple[tuple[int, ...], ...]:
        if k == 0:
            return ((),) if abs(rem) <= tol and stop[p] == m else ()
        if rem < -tol or m - p < k:
            return ()
        key = (p, k, round(rem, 6), last)
        if key not in memo:
            out: list[tuple[int, ...]] = []
            seen: set[float] = set()  # (a value taken at a later cell gives no other run of values)
            for q in range(p, min(m - k, stop[p]) + 1):
                v = vals[q]
                if v > last or v in seen or v * k < rem - tol:
                    continue
                seen.add(v)
                for rest in go(q + 1, k - 1, rem - v, v):
                    out.append((q, *rest))
                    if len(out) >= cap:
                        break
                if len(out) >= cap:
                    break
            memo[key] = tuple(out)
        return memo[key]

    return list(go(0, n, total, float("inf")))


def _sum_readings_plain(core: list[pc.Item], known: list) -> list:
    """_sum_readings as it was before the eighth speed round (every pool built, _falling_sums asked)."""
    in_run = [it.kind == "num" and pc._in_rank_run(core, c) for c, it in enumerate(core)]
    nums = [c for c, it in enumerate(core) if (it.kind == "num" and not in_run[c]) or it.kind == "amount"]
    corps = sum(1 for it in core if it.kind == "corp")
    dashes = sum(1 for c, it in enumerate(core) if it.kind == "dash" and any(
        0 <= q < len(core) and core[q].kind in ("text", "name", "corp") for q in (c - 1, c + 1)))  # (individuals'
    # 法人番号, not 入札者数 / 落札率 dashes among numbers)
    if any(it.kind == "column" for it in core) or not nums or corps + dashes < 2:
        return []
    vals = [pc._value(core[c].text) for c in nums]
    if None in vals:
        return []
    whole = all(float(v).is_integer() for v in vals)  # type: ignore[union-attr]
    cells = [k for k, c in enumerate(nums) if core[c].kind == "amount"]  # amounts by their cell: in every pick
    trials: list = [(t, len(nums)) for t in known] if known else \
        [(v, k) for k, v in enumerate(vals) if k >= 2 and core[nums[k]].kind == "num"]  # (the 計 after at least
    # two amounts)
    def rank_cell(c: int) -> bool:  # a rank cell before its name (「10」「有限責任監査法人…」)
        return c + 1 < len(core) and core[c + 1].kind in ("text", "name") and bool(pc._RANK.match(core[c].text))

    printed = {int(it.text) for c, it in enumerate(core) if in_run[c]}
    cell_at: dict = {}  # rank cells by their value: {rank: [index in nums]}
    for k, c in enumerate(nums):
        if rank_cell(c):
            cell_at.setdefault(vals[k], []).append(k)  # type: ignore[arg-type]
    out: list = []
    for total, upto in trials:
        for n in range(max(corps, 2), corps + dashes + 1):
            missing = set(range(1, n + 1)) - printed
            held = set()  # the one rank cell of a rank no column of ranks holds (「6」…「9」, then 「10」 before its name)
            if printed and len(missing) <= 2:
                for r in missing:
                    at = [k for k in cell_at.get(r, ()) if k < upto]
                    held.update(at if len(at) == 1 else [])
            pool = [k for k in range(upto) if k not in held]
            if any(k >= upto for k in cells):
                continue
            must = frozenset(q for q, k in enumerate(pool) if k in cells)
            picks = _falling_sums_plain([vals[k] for k in pool], n, total, 4, must,  # type: ignore[misc]
                                  whole and float(total).is_integer())
            if len(picks) > 3:
                return []
            for pick in ([pool[q] for q in p] for p in picks):
                chosen = {nums[k] for k in pick}
                drop = nums[upto] if upto < len(nums) else None
                left = [c for c in nums if c not in chosen and c != drop and not rank_cell(c)]
                if len(left) > n or any(pc._BIG.match(core[c].text) for c in left):
                    continue  # more numbers left than rows to have them as 入札者数, or one of an amount's shape
                sub = [it._replace(kind="column") if c in chosen and it.kind == "num" else
                       it._replace(kind="small") if it.kind == "num" and not in_run[c] and
                       pc._SMALL.match(it.text) and not rank_cell(c) else it
                       for c, it in enumerate(core) if c != drop]
                got, why = pc._block_core(sub)
                if got is None or len(got) != n or [pc._value(r.amount) for r in got] != [vals[k] for k in pick]:
                    continue
                if any(rank_cell(c) and (int(core[c].text), core[c + 1].line, core[c + 1].text) in
                       {(r.rank, r.line, r.name) for r in got} for c in chosen):
                    continue  # an amount that is the printed rank of the name after it
                seen = Counter(vals[k] for k in pool)
                if any(seen[v] > 1 for v in (vals[k] for k in pick)):  # which cell is which row's amount is not
                    got = [r._replace(description=None, contract_method=None) for r in got]  # established: nor
                out.append((got, why))  # its 契約方式 in the amount's cell, nor a 業務概要 placed by the amount
    return out


def _block_figures(cells: tuple[pc.Item, ...]) -> list[list]:
    """Known 計 figures to try a block with: none, each number of it, and a number none of it is."""
    vals = [pc._value(it.text) for it in cells if it.kind in ("num", "amount") and pc._value(it.text) is not None]
    return [[], *([v] for v in vals[-4:]), [sum(vals) + 1.0] if vals else [7.0]]


def test_sum_readings_and_falling_sums_equal_their_plain_forms(sections):
    """_sum_readings (the bound of _falling_sums tested before each pool is built, rank cells as a set, its early
    exits first) and _falling_sums (no rounding of whole remainders) against the code they replaced, on every
    block the readers tried over the texts and on variants of them (a cell dropped, two swapped)."""
    _, blocks, _ = sections
    rng = random.Random(5)
    found = tried = 0
    for cells, _loose in blocks:
        for v in _variants(list(cells), rng, 2) if cells else [[]]:
            core = [it for it in v if it.kind != "total"]
            for known in _block_figures(tuple(core)):
                got = pc._sum_readings(core, known)
                assert got == _sum_readings_plain(core, known)
                assert repr(got) == repr(_sum_readings_plain(core, known))
                found += bool(got)
                tried += 1
            nums = [pc._value(it.text) for it in core if it.kind == "num" and pc._value(it.text) is not None]
            for n in range(1, min(len(nums), 5) + 1):
                for total in {sum(nums[:n]), sum(nums[-n:]), nums[-1]} if nums else set():
                    for whole in (None, True, False):
                        assert pc._falling_sums(nums, n, total, 4, frozenset(), whole) == \
                            _falling_sums_plain(nums, n, total, 4, frozenset(), whole)
    assert tried > 500 and found > 0  # (some blocks read by their sum)


def test_payee_columns_without_its_section_memos_gives_the_same_rows(sections, monkeypatch):
    """The column reader with the per-section memos defeated — every block read afresh for each of its 計 labels
    and figures (no _BLOCKS, a new _Core per reading, no _block_of cache) and the second pass always run —
    gives the same rows and reasons on every payee section of the texts and on variants of them."""
    _, _, cells_of = sections
    rng = random.Random(13)
    inputs = [v for cells in cells_of for v in _variants(cells, rng, 3)]
    fast = [pc.payee_columns(c) for c in inputs]
    skipped = []
    real_heads = pc._heads_change

    def heads_spy(items, before):
        got = real_heads(items, before)
        skipped.append(not got)
        return True

    def plain_block(items):
        rows, why = plain_of(tuple(items))
        if rows is None and any(it.kind == "total" for it in items):
            rows, why = pc._other_ranks_left_out(items, why)
        return (None if rows is None else list(rows)), why

    plain_of = pc._block_of.__wrapped__
    monkeypatch.setattr(plain_of, "cache_clear", lambda: None, raising=False)  # (payee_columns empties its caches)
    monkeypatch.setattr(pc, "_heads_change", heads_spy)
    monkeypatch.setattr(pc, "_core_of", pc._Core)
    monkeypatch.setattr(pc, "_block", plain_block)
    monkeypatch.setattr(pc, "_block_of", plain_of)
    plain = [pc.payee_columns(c) for c in inputs]
    assert fast == plain and repr(fast) == repr(plain)
    assert any(skipped) and not all(skipped)  # (the fast reader skips some second passes, not all)
    assert sum(len(out) for out, _ in fast) > 100 and any(unread for _, unread in fast)


# ---- speed16: _falling_sums cuts a pick with fewer values not rising after it than picks left, or leaving less
# to add than the least values after it can make


# the numbers of a reportlab block as pdftotext wrote them (ranks, 入札者数, 落札率 and amounts mixed, decimals):
# 21 of them do not fall in a run, so no reading — the search had tried ~1,300 states per count before saying so
_MIXED = [1.0, 24.0, 2.0, 14.0, 2.0, 3.0, 6.5, 5.0, 44.5, 1.0, 9.5, 3.0, 2.0, 6.3, 3.0, 4.3, 4.0, 1.9, 3.0, 5.0, 1.3,
          6.0, 1.0, 1.0, 7.0, 0.8, 1.0, 8.0, 9.0, 2.0, 0.1, 25.4, 1.0, 2.0, 3.0, 12.0, 4.9, 35.9, 1.0, 52.0, 2.0]


def test_longest_falling_runs():
    assert pc._longest_falling((5.0, 3.0, 4.0, 3.0, 1.0)) == (4, 3, 3, 2, 1)
    assert pc._longest_falling((1.0, 2.0, 2.0)) == (1, 2, 1)
    assert pc._longest_falling(()) == ()
    assert max(pc._longest_falling(tuple(_MIXED))) < 18


def test_falling_sums_cuts_keep_the_ways():
    """The cut search against the plain search (before the eighth round) on the mixed block above with every
    count and several totals, and on random lists (whole and decimal, with forced positions and caps)."""
    for n in range(1, 25):
        for total in (41.0, 52.0, 24.0, 10.0):
            assert pc._falling_sums(_MIXED, n, total, 4) == _falling_sums_plain(_MIXED, n, total, 4)
    assert pc._falling_sums([44.5, 25.4, 12.0, 2.0], 3, 82.0) == [(0, 1, 2)]
    rng = random.Random(16)
    for _ in range(3000):
        m = rng.randint(0, 14)
        pool = [1.0, 2.0, 3.0, 5.0, 8.0, 10.0, 40.0] if rng.random() < 0.5 else [0.1, 0.8, 1.3, 2.0, 4.9, 6.5, 35.9]
        vals = [rng.choice(pool) for _ in range(m)]
        n = rng.randint(1, max(1, m))
        total = round(sum(rng.sample(vals, n)) if m >= n else 7.0, 1) + rng.choice([0, 0, 0, 0.1, 1])
        forced = frozenset(q for q in range(m) if rng.random() < 0.08)
        cap = rng.choice([1, 3, 4])
        assert pc._falling_sums(vals, n, total, cap, forced) == _falling_sums_plain(vals, n, total, cap, forced)
