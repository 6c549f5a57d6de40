"""Anchors and consistency solving for review sheets read from PDF text (cells scrambled).

PDF text extraction of a 行政事業レビューシート keeps each printed text run but not the table: a line
holds the cells that sat side by side (so their left-to-right order is kept), lines of one row are
often far apart, and row labels may sit next to the values of another column. The 予算額・執行額 table
is therefore rebuilt from its arithmetic, not from positions:

- 計 = 当初予算 + 補正予算 + 前年度から繰越し + 翌年度へ繰越し(▲) + 予備費等 for every year column;
- 執行率 = 執行額 / 計 and 「当初予算＋補正予算に対する執行額の割合」 = 執行額 / (当初 + 補正), when printed;
- 前年度から繰越し of year y+1 = ▲ 翌年度へ繰越し of year y;
- every value is a printed token, used at most as often as it is printed;
- the values of one line lie in one row, in consecutive columns, in order (a run glued into one token,
  e.g. "8,50121,992", is split at its digit groups and its order is not trusted);
- a value printed after a row label belongs to that row.

Candidates are enumerated column by column and scored; the best full table wins (ties are reported).
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

from kg.normalize.numbers import parse_number
from kg.normalize.text import is_unknown, squash

ROWS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total", "executed")
INI, SUP, CFP, CTN, RES, TOT, EXE = range(7)  # row indexes
# row labels as printed (squashed); longest first so 「当初予算＋補正予算に対する…割合」 is not read as 当初予算
ROW_LABELS: list[tuple[str, str]] = [
    ("当初予算+補正予算に対する執行額の割合", "ratio_is"), ("執行率", "ratio_total"),
    ("前年度から繰越し", "carried_from_previous"), ("前年度からの繰越し", "carried_from_previous"),
    ("翌年度へ繰越し", "carried_to_next"), ("翌年度への繰越し", "carried_to_next"),
    ("当初予算", "initial"), ("補正予算", "supplementary"), ("予備費等", "reserve"), ("執行額", "executed"),
    ("計", "total"),
]
_NUM_TOKEN = re.compile(r"^[▲△-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[▲△-]?\d+(?:\.\d+)?$")
_GLUED = re.compile(r"[▲△]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[▲△]?\d+(?:\.\d+)?")


def paragraphs(lines: list[str], lo: int = 1, hi: int | None = None) -> list[tuple[int, int]]:
    """(first, last) 1-based line ranges of blank-separated runs within lo..hi."""
    from kg.extract.policy_eval import paragraphs as blank_separated

    return blank_separated(lines, lo, hi)


@dataclass
class Group:
    """The numeric cells of one line: values in printed order, the row label if the line starts with one."""

    line: int
    values: list[float | None]
    label: str | None = None
    glued: bool = False  # values split out of one token: order not trusted
    percent: bool = False


_MARK_SPACE, _SPACE_PCT = re.compile(r"([▲△])\s+"), re.compile(r"\s+%")


def _tokens(text: str) -> list[str]:
    t = _MARK_SPACE.sub(r"\1", text) if "▲" in text or "△" in text else text
    t = _SPACE_PCT.sub("%", t) if "%" in t else t
    return t.split()


# Letters, kana and kanji: NFKC leaves them as they are (checked over every code point of these ranges), they
# are no digit, dash, sign or space, and no canonical composition with them gives one; so a token holding one
# is neither a number, a percentage, an unknown marker nor glued numbers, and a line whose first character is
# one of them (or printable ASCII) starts with no row label unless that character starts one.
_LETTER = re.compile(r"[A-Za-z\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]")
_LABEL_FIRST = frozenset(lab[0] for lab, _ in ROW_LABELS)


def parse_group(text: str, line: int) -> Group | None:
    """A line made only of numbers / percentages / dashes (after an optional row label), else None."""
    t = text.strip()
    if not t:
        return None  # no label, no token
    label = None
    c0 = t[0]
    if c0 not in _LABEL_FIRST and ("!" <= c0 <= "~" or _LETTER.match(c0)):
        labels: list[tuple[str, str]] = []  # no row label: skip the squash and the label scan
    else:
        labels = ROW_LABELS
    sq = squash(t) if labels else ""
    for lab, key in labels:
        if sq.startswith(lab):
            label = key
            k, n = 0, 0  # cut the label off the un-squashed text
            while n < len(lab) and k < len(t):
                if not t[k].isspace():
                    n += 1
                k += 1
            t = re.sub(r"^[(（]\s*[%％]\s*[)）]", "", t[k:].strip()).strip()  # 執行率（％）
            break
    if _LETTER.search(t):
        return None  # a word among the values: not a line of figures (see _LETTER)
    toks = _tokens(t)
    if not toks:
        return None
    vals: list[float | None] = []
    glued = percent = False
    for tok in toks:
        if tok.endswith("%"):
            p = parse_number(tok, percent=True)
            if p.error or p.value is None:
                return None
            vals.append(p.value)
            percent = True
        elif is_unknown(tok):
            vals.append(None)
        elif _NUM_TOKEN.match(tok):
            vals.append(parse_number(tok).value)
        else:
            parts = _GLUED.findall(tok)
            if "".join(parts) != tok or len(parts) < 2:
                return None
            vals.extend(parse_number(p).value for p in parts)
            glued = True
    if all(v is None for v in vals):
        return None
    if label is None and len(vals) == 1 and vals[0] is not None and re.fullmatch(r"\d{4}", toks[0]):
        return None  # a bare 4-digit token is more likely a 事業番号 than an amount without comma
    return Group(line, vals, label, glued, percent)


@dataclass
class BudgetSolution:
    grid: list[list[float | None]]  # grid[col][row], cols 0..n_years-1
    score: float
    request_total: float | None = None
    ties: int = 0
    notes: list[str] = field(default_factory=list)


def _close(num: float, den: float, pct: float) -> bool:
    return den > 0 and abs(100.0 * num / den - pct) <= 0.5 + 1e-6


def solve_budget(groups: list[Group], n_years: int = 4, with_request: bool = True) -> BudgetSolution | None:
    """Rebuild the 予算額・執行額 table (n_years columns, the last one the current year without 執行額)."""
    money = [g for g in groups if not g.percent]
    rates = [g for g in groups if g.percent]
    pool: Counter = Counter(v for g in money for v in g.values if v is not None)
    nonneg = sorted(v for v in pool if v >= 0)
    negs = sorted(v for v in pool if v < 0)
    n_past = n_years - 1
    rate_sets = _rate_options(rates, n_past)
    tot_cands = _total_candidates(money, n_years)
    labeled: dict[int, set] = {}
    full: dict[int, list] = {}  # a labelled line holding the whole row: its values are positional
    for g in money:
        if g.label in ROWS:
            r = ROWS.index(g.label)
            labeled.setdefault(r, set()).update(g.values)
            if len(g.values) >= (n_past if r == EXE else n_years) and not g.glued:
                full.setdefault(r, g.values)
    best: BudgetSolution | None = None
    pairs = _pairs(pool, nonneg) if tot_cands else None
    for tots, req in tot_cands:
        for p_tot, p_is in rate_sets:
            cols = []
            for j in range(n_years):
                cols.append(_column_candidates(tots[j], j < n_past, p_tot[j] if p_tot else None,
                                               p_is[j] if p_is else None, pool, nonneg, negs, labeled,
                                               {r: v[j] for r, v in full.items() if j < len(v)}, pairs))
            sol = _combine(cols, money, pool, tots, req, with_request)
            if sol and (best is None or sol.score > best.score):
                best = sol
            elif sol and best and sol.score == best.score and sol.grid != best.grid:
                best.ties += 1
    if best is None and rates:
        return solve_budget(money, n_years, with_request)  # printed rates fit no table: try without them
    return best


def _rate_options(rates: list[Group], n_past: int) -> list[tuple[list | None, list | None]]:
    def pad(vals):
        v = list(vals)[:n_past]
        return v + [None] * (n_past - len(v)) + [None]

    lab_t = next((g for g in rates if g.label == "ratio_total"), None)
    lab_i = next((g for g in rates if g.label == "ratio_is"), None)
    free = [g for g in rates if g.label not in ("ratio_total", "ratio_is")]
    opts = []
    if lab_t and lab_i:
        opts.append((pad(lab_t.values), pad(lab_i.values)))
    elif lab_t or lab_i:
        other = free[0].values if free else None
        t_vals = lab_t.values if lab_t else other
        i_vals = lab_i.values if lab_i else other
        opts.append((pad(t_vals) if t_vals else None, pad(i_vals) if i_vals else None))
    elif len(free) >= 2:
        opts += [(pad(free[0].values), pad(free[1].values)), (pad(free[1].values), pad(free[0].values))]
    elif free:
        opts += [(pad(free[0].values), None), (None, pad(free[0].values))]
    return opts or [(None, None)]


def _total_candidates(money: list[Group], n_years: int) -> list[tuple[list[float | None], float | None]]:
    out = []
    for g in sorted(money, key=lambda g: (g.label != "total", -len(g.values), g.line)):
        vals = g.values
        if g.glued or len(vals) < n_years or any(v is None or v < 0 for v in vals[:n_years]):
            continue
        if g.label not in (None, "total"):
            continue
        req = vals[n_years] if len(vals) > n_years else None
        out.append((list(vals[:n_years]), req))
    return out[:4]


def _pairs(pool, nonneg) -> dict[float, list[tuple]]:
    """f + r -> [(f, r)]: the 予備費等 and 繰越し pairs of a pool (the same for every column of one search)."""
    vals = nonneg + [None]
    zero_ok = pool.get(0.0, 0) > 0
    r_opts = [v for v in pool if v != 0] + ([0.0, None] if zero_ok else [None])
    pairs: dict[float, list[tuple]] = {}
    if all(map(_whole, pool)):  # whole numbers: the sums are exact and round(x, 6) is x
        for f in vals:
            a = f or 0
            for r in r_opts:
                key = a + (r or 0)
                got = pairs.get(key)
                if got is None:
                    pairs[key] = [(f, r)]
                else:
                    got.append((f, r))
        return pairs
    for f in vals:
        for r in r_opts:
            pairs.setdefault(round((f or 0) + (r or 0), 6), []).append((f, r))
    return pairs


def _column_candidates(total, past: bool, p_tot, p_is, pool, nonneg, negs, labeled,
                       at: dict[int, float | None], pairs: dict | None = None) -> list[tuple[float, tuple]]:
    """(local score, (I, S, F, C, R, T, E)) for one year column whose 計 is ``total`` (``pairs``: _pairs(pool,
    nonneg), when the caller has it)."""
    out = []
    if total is None:
        return out
    if past:
        e_opts = [v for v in nonneg if p_tot is None or _close(v, total, p_tot)]
        if p_tot is None:
            e_opts.append(None)
    else:
        e_opts = [None]
    vals = nonneg + [None]
    zero_ok = pool.get(0.0, 0) > 0
    if pairs is None:
        pairs = _pairs(pool, nonneg)
    c_opts = [c for c in negs + [0.0, None] if not (c == 0.0 and not zero_ok)]
    lab_items, at_items = tuple(labeled.items()), tuple(at.items())
    e_past = past  # an unknown 執行額 counts as unknown only in a past year
    tol = 0.5 + 1e-6  # _close's
    # When every value is a whole number well inside a float's exact range, the sums below are exact in any
    # order and round(x, 6) is x: the sum of I and S is taken once per pair and the rounding left out.
    exact = _whole(total) and all(map(_whole, pool))

    def fills(i, s) -> list:
        """[(C, its (F, R) pairs)] completing I and S to the column's 計, in c_opts order."""
        got = []
        if exact:
            rest = total - ((i or 0) + (s or 0))
            for c in c_opts:
                prs = pairs.get(rest - (c or 0))
                if prs:
                    got.append((c, prs))
        else:
            for c in c_opts:
                prs = pairs.get(round(total - sum((i or 0, s or 0, c or 0)), 6))  # the same sum as sum() of a generator
                if prs:
                    got.append((c, prs))
        return got

    # The (I, S, C) that complete the column do not depend on the 執行額 E: found once per column for every
    # (I, S) pair when some E needs no 執行率 check, and for an E that is checked only over the S whose I + S
    # can give the printed rate (nonneg is sorted: a range found by bisection, then the exact check).
    every: list | None = None
    found: dict = {}
    lab_of, at_of = dict(lab_items), dict(at_items)
    fr_parts: dict = {}  # id of a pairs list (alive in ``pairs``) -> [(F, R, their score terms)]

    def part(row: int, v) -> float:
        """The label terms of value v in row ``row``: +3 printed after the row's label, ±6 against its full line."""
        x = 0.0
        vs = lab_of.get(row)
        if vs is not None and v in vs:
            x += 3.0
        if row in at_of:
            x += 6.0 if v == at_of[row] else -6.0
        return x
    for e in e_opts:
        n_e = (e is None and e_past) + (total is None)
        check_is = p_is is not None and e is not None
        if not check_is:
            if every is None:
                every = []
                if exact:  # fills(i, s), inline, once per distinct total - (I + S)
                    get = pairs.get
                    got_of: dict = {}
                    for i in vals:
                        rest_i = total - (i or 0)
                        for s in vals:
                            rest = rest_i - (s or 0)  # total - (I + S): exact
                            got = got_of.get(rest)
                            if got is None:
                                got = got_of[rest] = [(c, prs) for c in c_opts if (prs := get(rest - (c or 0)))]
                            if got:
                                every.append((i, s, got))
                else:
                    for i in vals:
                        for s in vals:
                            got = fills(i, s)
                            if got:
                                every.append((i, s, got))
            runs = every
        else:
            runs = []
            lo = hi = None
            if e > 0 and p_is - tol > 0:  # 100 e / (I + S) within tol of p_is: I + S within [lo, hi]
                lo = 100.0 * e / (p_is + tol) * (1 - 1e-9) - 1e-9
                hi = 100.0 * e / (p_is - tol) * (1 + 1e-9) + 1e-9
            for i in vals:
                a = i or 0
                if lo is None:
                    cand = vals
                else:
                    cand = nonneg[bisect_left(nonneg, lo - a):bisect_right(nonneg, hi - a)] + [None]
                for s in cand:
                    den = a + (s or 0)  # _close(e, i + s, p_is), inline
                    if not (den > 0 and abs(100.0 * e / den - p_is) <= tol):
                        continue
                    key = (i, s)
                    got = found.get(key)
                    if got is None:
                        got = found[key] = fills(i, s)
                    if got:
                        runs.append((i, s, got))
        # A cell's local score is a sum of whole numbers (exact in floats in any order): -4 per unknown cell, +1
        # for a 予備費 of 0, +1 when I >= S, and for each row +3 when its value is printed after its label and
        # ±6 against a full labelled line's value. The terms of F and R are summed once per (F, R) pair of the
        # column, those of I, S, C, T and E once per value.
        e_part = part(TOT, total) + part(EXE, e)
        for i, s, got in runs:
            n_s = n_e + (i is None) + (s is None)
            b_is = 1.0 if (i or 0) >= (s or 0) else 0.0
            is_part = e_part + b_is + part(INI, i) + part(SUP, s)
            for c, prs in got:
                fixed = -4.0 * (n_s + (c is None)) + is_part + part(CTN, c)
                fr = fr_parts.get(id(prs))
                if fr is None:
                    fr = fr_parts[id(prs)] = [
                        (f, r, -4.0 * ((f is None) + (r is None)) + (1.0 if r == 0 else 0.0)
                         + part(CFP, f) + part(RES, r)) for f, r in prs]
                for f, r, pr in fr:
                    out.append((fixed + pr, (i, s, f, c, r, total, e)))
    out.sort(key=itemgetter(0), reverse=True)  # by falling score, stable: sort(key=-score)'s order
    return out[:3000]


def _whole(v) -> bool:
    """A whole number whose sums with a few others stay exact in floats (|v| < 2**50)."""
    return v is not None and -(2 ** 50) < v < 2 ** 50 and v == int(v)


BEAM = 100  # partial tables kept per column; 300 gave the same solutions on every test table


def _combine(cols, money, pool, tots, req, with_request) -> BudgetSolution | None:
    # Each distinct value of the pool is a bit. A beam entry carries the bits of the values it has used up
    # (used as often as the pool holds them) and the counts of the values the pool holds more than once (only
    # those can be used and still be available): (score, cells chosen, {value: times used}, used-up bits).
    index = {v: j for j, v in enumerate(pool) if pool[v] >= 1}
    # bit_of: a value -> its bit (None and 0 use nothing: 0; a value the pool lacks: the bit ``lack``, past the
    # pool's), so a cell's values give their bits in one expression: their OR, and their sum, which differs
    # from the OR exactly when a bit comes twice (a value used twice)
    lack = 1 << len(pool)
    bit_of: dict = {v: 1 << j for v, j in index.items()}
    bit_of[None] = 0
    bit_of[0.0] = 0  # (0 and -0.0 are the same key)
    single = 0  # the bits of the values the pool holds once
    for v, j in index.items():
        if pool[v] == 1:
            single |= 1 << j
    used0: dict = {}
    spent0 = 0
    if req is not None and with_request:
        j = index.get(req)
        if j is not None:  # (a value the pool lacks fits no cell: no bit needed)
            if pool[req] == 1:
                spent0 = 1 << j
            else:
                used0[req] = 1
    beam: list[tuple[float, list[tuple], dict, int]] = [(0.0, [], used0, spent0)]
    for col, cands in enumerate(cols):
        if cands:
            top = cands[0][0]
            # at most two unknown cells more than the best: candidates come by falling score, so a prefix
            cands = cands[:bisect_right(cands, -(top - 8.0), key=lambda x: -x[0])]
        # The BEAM best extensions in the order a stable sort by score of all of them (beam entry by beam
        # entry, candidate by candidate) gives, i.e. by (-score, entry, candidate): a min-heap on (score,
        # -entry, -candidate) keeps them. An extension scores the entry's score + the cell's local score, less 6
        # when the cell's 前年度から繰越し is not the previous column's ▲翌年度へ繰越し: so an entry's candidates
        # are taken in two runs, those without and those with that penalty, each by falling score (candidates
        # come by falling local score); a run stops at the first extension that the heap, full, would not
        # take, since the rest of the run scores no more and comes later.
        # A cell fits an entry when no value it uses runs past the pool: a value it uses once must not be used up
        # (the entry's used-up bits), one it uses more often is counted; a value the pool does not hold that
        # often never fits, so that cell is left out. A candidate that does not fit changes nothing in the
        # heap: the runs skip it (where the plain walk would stop at one, they stop at the next that fits: its
        # score is no higher and it comes later).
        once = []  # per candidate: the bits of the values it uses once (None: never fits)
        more = []  # per candidate: None, or [(value, the count already used beyond which the pool runs out)]
        grow = []  # per candidate: (the bits it uses up on its own, [(value, times, pool's count)] counted)
        cfp_of: dict = {}  # 前年度から繰越し -> the candidates (indexes) holding it
        get = bit_of.get
        for k, (_loc, cell) in enumerate(cands):
            i, s, f, c, r, t, e = cell
            bi, bs, bf, bc, br, bt, be = (get(i, lack), get(s, lack), get(f, lack), get(c, lack), get(r, lack),
                                          get(t, lack), get(e, lack))
            orr = bi | bs | bf | bc | br | bt | be
            if orr & lack:  # a value the pool lacks
                once.append(None)
                more.append(None)
                grow.append(None)
                continue
            if bi + bs + bf + bc + br + bt + be == orr:  # each value once: it fits where none is used up
                once.append(orr)
                more.append(None)
                counted = []
                if orr & ~single:  # values the pool holds twice or more: counted
                    counted = [(v, 1, pool[v]) for v in cell if v and not bit_of[v] & single]
                grow.append((orr & single, counted))
            elif not orr & ~single:  # a value used twice, and every value held once by the pool: never fits
                once.append(None)
                more.append(None)
                grow.append(None)
                continue
            else:
                count: dict = {}  # _uses(cell, pool), counted here: {value: times the cell uses it}
                for v in cell:
                    if v:
                        count[v] = count.get(v, 0) + 1
                if any(pool[v] < n for v, n in count.items()):  # (every value is in the pool: no lack bit)
                    once.append(None)
                    more.append(None)
                    grow.append(None)
                    continue
                m, mo, own, counted = 0, [], 0, []
                for v, n in count.items():
                    limit = pool[v] - n
                    if n == 1:
                        m |= bit_of[v]
                    else:
                        mo.append((v, limit))
                    if limit + n == 1:  # held once: used up by this cell (a value held twice or more is counted)
                        own |= bit_of[v]
                    else:
                        counted.append((v, n, limit + n))
                once.append(m)
                more.append(mo or None)
                grow.append((own, counted))
            cfp_of.setdefault(cell[CFP], []).append(k)
        runs_of: dict = {}  # the previous column's ▲翌年度へ繰越し -> (candidates without, with the penalty)
        every = [k for k, m in enumerate(once) if m is not None]
        col_bits = 0  # the bits of every value a candidate uses once: a candidate fits an entry only if none of
        for k in every:  # its bits is among the entry's used-up ones, so only spent & col_bits decides that
            col_bits |= once[k]
        fit_of: dict = {}  # (▲翌年度へ繰越し, spent & col_bits) -> the runs, each keeping the candidates that fit
        heap: list[tuple] = []
        for b, (score, chosen, used, spent) in enumerate(beam):
            prev = chosen[-1] if chosen else None
            want = None if prev is None or prev[CTN] is None else -prev[CTN]
            key = (prev is None, want, spent & col_bits)
            runs = fit_of.get(key)
            if runs is None:
                if prev is None:
                    plain: tuple = ((every, False),)
                else:
                    plain = runs_of.get(want)
                    if plain is None:
                        good = set(cfp_of.get(want, ()))
                        if want == 0 and want is not None:
                            good.update(cfp_of.get(None, ()))
                        plain = runs_of[want] = ((sorted(good), False), ([k for k in every if k not in good], True))
                out = key[2]
                runs = fit_of[key] = tuple(([k for k in ks if not once[k] & out], penalty) for ks, penalty in plain)
            for ks, penalty in runs:
                for k in ks:
                    mo = more[k]
                    if mo is not None and any(used.get(v, 0) > limit for v, limit in mo):
                        continue
                    loc, cell = cands[k]
                    sc = score + loc
                    if penalty:
                        sc -= 6.0
                    if len(heap) == BEAM:
                        w = heap[0]
                        if sc < w[0] or (sc == w[0] and (b, k) > (-w[1], -w[2])):
                            break
                    item = (sc, -b, -k, (sc, chosen, cell, used, spent))
                    if len(heap) < BEAM:
                        heapq.heappush(heap, item)
                    else:
                        heapq.heapreplace(heap, item)  # it beats the worst: checked above
        # by (-score, entry, candidate): the heap's (score, -entry, -candidate) falling (never equal: the
        # cells after them are not compared)
        nxt = [(x[3], -x[2]) for x in sorted(heap, reverse=True)]
        beam = []
        if col == len(cols) - 1:  # the last column: the tables are scored, no further column uses the counts
            last = [(sc, chosen, cell) for (sc, chosen, cell, _used, _spent), _k in nxt]
            break
        for (sc, chosen, cell, used, spent), k in nxt:
            own, counted = grow[k]
            spent |= own
            if counted:
                used = dict(used)
                for v, n, n_pool in counted:
                    c = used[v] = used.get(v, 0) + n
                    if c >= n_pool:  # used as often as the pool holds it
                        spent |= 1 << index[v]
            beam.append((sc, chosen + [cell], used, spent))
        if not beam:
            return None
    else:
        last = [(sc, chosen, None) for sc, chosen, _used, _spent in beam]  # no column
    if not last:
        return None
    best = None
    ties = 0
    spec = _score_spec(money)
    memo: dict = {}
    by_prefix: dict = {}  # id of a table's first columns (kept alive by ``last``) -> its rows and their hits
    best_cells = None  # the best table's cells: a list of tuples equals another where the lists of lists do
    for sc, prefix, cell in last:
        if cell is None:
            chosen = prefix
            total = sc + _group_score(chosen, money, req, spec, memo)
        else:
            chosen = prefix + [cell]
            total = sc + _last_column_score(prefix, cell, req, spec, memo, by_prefix)
        if best is None or total > best.score + 1e-9:
            best, ties, best_cells = BudgetSolution([list(c) for c in chosen], total, req), 0, chosen
        elif abs(total - best.score) <= 1e-9 and chosen != best_cells:
            ties += 1
    if best:
        best.ties = ties
    return best


def _group_score(grid: list[list], money: list[Group], req, spec: tuple | None = None,
                 memo: dict | None = None) -> float:
    """+2 per value of a line of 2+ values that stands in some row (consecutive cells in order, or in any order
    for glued values), +3 / -3 per value of a labelled line that does / does not stand in its row.
    ``spec``: _score_spec(money); ``memo``: {row: the lines standing in it}, shared by the calls of one search.

    The lines are bits (bit j: the j-th scoring line): a row's lines are found once per search; the score is
    then -3 per value of every labelled line, +6 per value of one standing in its own row, +2 per value of a
    line of 2+ values standing in any row (whole numbers in floats: the same sum in any order)."""
    rows = list(zip(*grid, strict=True)) if grid else [()] * 7
    if req is not None:  # the request column holds 当初予算 and 計
        rows[INI] += (req,)
        rows[TOT] += (req,)
    spec = spec or _score_spec(money)
    memo = {} if memo is None else memo
    union = 0
    score = spec[6]  # base
    for r, row in enumerate(rows):
        hit = _row_hit(r, row, spec, memo)
        union |= hit[0]
        score += hit[1]
    return score + _union_gain(union, spec, memo)


def _last_column_score(prefix: list[tuple], cell: tuple, req, spec: tuple, memo: dict, by_prefix: dict) -> float:
    """_group_score(prefix + [cell], money, req, spec, memo), for the tables of the search's last column: the
    rows of ``prefix`` (the first columns, alive in the caller while ``by_prefix`` is) are built once and each
    row's hit is kept per (row, the last cell's value in it), so a table costs seven small look-ups."""
    got = by_prefix.get(id(prefix))
    if got is None:
        got = by_prefix[id(prefix)] = (list(zip(*prefix, strict=True)) if prefix else [()] * 7, {})
    rows, hits = got
    union = 0
    score = spec[6]  # base
    for r in range(7):
        v = cell[r]
        hit = hits.get((r, v))
        if hit is None:
            row = rows[r] + (v,)
            if req is not None and (r == INI or r == TOT):  # the request column holds 当初予算 and 計
                row += (req,)
            hit = hits[(r, v)] = _row_hit(r, row, spec, memo)
        union |= hit[0]
        score += hit[1]
    return score + _union_gain(union, spec, memo)


def _row_hit(r: int, row: tuple, spec: tuple, memo: dict) -> tuple:
    """(the bits of the lines standing in row ``r`` holding ``row``, the score of those labelled with that row),
    kept in ``memo`` by (row index, cells)."""
    hit = memo.get((r, row))
    if hit is None:
        items, k_ord, k_uno, key_bits, lab_bits = spec[:5]
        # the OR of the lines equal to the row's runs of consecutive cells, as printed (lengths k_ord) and as sorted
        # value keys (lengths k_uno; a run as printed holds numbers and None, a sorted one (bool, number) pairs)
        m = 0
        get, n = key_bits.get, len(row)
        firsts, uno_vals = spec[7], spec[8]
        for k in k_ord:
            fk = firsts[k]  # a run equals a line's values only if its first value is that line's first
            for s in range(n - k + 1):
                if row[s] in fk:
                    m |= get(row[s:s + k], 0)
        for k in k_uno:
            for s in range(n - k + 1):
                if row[s] in uno_vals:  # (its key is a glued line's only if the value is one of theirs)
                    m |= get(tuple(sorted(map(_key, row[s:s + k]))), 0)
        own, gain = m & lab_bits[r], 0.0
        while own:
            low = own & -own
            own ^= low
            gain += 6.0 * items[low.bit_length() - 1][0]
        hit = memo[(r, row)] = (m, gain)
    return hit


def _union_gain(union: int, spec: tuple, memo: dict) -> float:
    """+2 per value of each line of 2+ values among ``union`` (the lines standing in some row), kept in ``memo``
    by the bits (an int: never a (row, cells) key)."""
    union &= spec[5]  # multi
    gain = memo.get(union)
    if gain is None:
        items = spec[0]
        gain, u = 0.0, union
        while u:
            low = u & -u
            u ^= low
            gain += 2.0 * items[low.bit_length() - 1][0]
        memo[union] = gain
    return gain


def _score_spec(money: list[Group]) -> tuple:
    """What _group_score reads of each line that can score: items (number of values, row label index, its values,
    or its sorted value keys when glued), the lengths of the runs to build, as printed and sorted, {key: the
    bits of the items with that key}, per row the bits of the items labelled with it, the bits of the items of
    2+ values, and the score when no line stands anywhere (-3 per value of a labelled line)."""
    items = []
    k_ord: set[int] = set()
    k_uno: set[int] = set()
    for g in money:
        m = len(g.values)
        lab = ROWS.index(g.label) if g.label in ROWS else None
        if m < 2 and lab is None:
            continue  # scores nothing either way
        if g.glued:
            items.append((m, lab, tuple(sorted(map(_key, g.values)))))
            k_uno.add(m)
        else:
            items.append((m, lab, tuple(g.values)))
            k_ord.add(m)
    key_bits: dict = {}
    lab_bits = [0] * 7
    multi = 0
    base = 0.0
    for j, (m, lab, key) in enumerate(items):
        key_bits[key] = key_bits.get(key, 0) | 1 << j
        if m >= 2:
            multi |= 1 << j
        if lab is not None:
            lab_bits[lab] |= 1 << j
            base -= 3.0 * m
    firsts: dict[int, set] = {k: set() for k in k_ord}  # length -> the first values of the lines as printed
    uno_vals: set = set()  # the values of the glued lines: _key(x) is one of their keys iff x is one of them
    for m, _lab, key in items:
        if key and type(key[0]) is tuple:  # sorted value keys: a glued line
            uno_vals.update(None if is_none else v for is_none, v in key)
        elif key:
            firsts[m].add(key[0])
    return items, k_ord, k_uno, key_bits, lab_bits, multi, base, firsts, uno_vals


def _key(v):
    return (v is None, v or 0)


def budget_groups(lines: list[str], lo: int, hi: int) -> list[Group]:
    """Numeric line groups in lines lo..hi (1-based, inclusive)."""
    out = []
    seen: dict[str, Group | None] = {}  # a text's group, made again for each line that repeats it (a sheet's
    for i in range(lo, hi + 1):  # PDF text repeats many cells: ranks, counts, dashes, blank lines)
        t = lines[i - 1]
        if t in seen:
            g = seen[t]  # (parse_group reads the text alone: its line only goes into the group)
            if g is not None:
                out.append(Group(i, list(g.values), g.label, g.glued, g.percent))
            continue
        if _WORDS_FIRST.match(t) is not None:
            seen[t] = None  # (parse_group's answer, without its call)
            continue
        g = seen[t] = parse_group(t, i)
        if g is not None:
            out.append(g)
    return out


# a line parse_group reads as no group at once: its first character (past white space; str.strip's and the
# pattern's \s are the same characters) starts no row label and is a letter, or printable ASCII with a letter after
# it (_LETTER: a word among the values)
_WORDS_FIRST = re.compile(r"\s*(?![" + "".join(sorted(_LABEL_FIRST)) + "])(?:" + _LETTER.pattern + r"|[!-~].*?"
                          + _LETTER.pattern + ")", re.S)


__all__ = ["ROWS", "Group", "BudgetSolution", "parse_group", "solve_budget", "budget_groups", "paragraphs"]
