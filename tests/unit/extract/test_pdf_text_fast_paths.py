"""The PDF-text extraction's fast paths (issue 17, speed) give what the plain code gives.

The budget search keeps its beam with a heap and bounds instead of sorting every extension, and scores rows by
their windows; here the plain search (every extension listed, one stable sort, each line tested against each
row) is run on the same printed values and must give the same table, score and ties. The line filters
(parse_group, the 事前分析表 amount lines, the title scan) are checked on the lines they must and must not take.
"""
from __future__ import annotations

import random
from collections import Counter

import pytest

from kg.extract import detect, pdf_layout, policy_eval
from kg.extract.pdf_layout import CFP, CTN, ROWS, BudgetSolution, budget_groups, parse_group, solve_budget
from kg.normalize.text import nfkc
from tests.conftest import SEEDS

SEED_002 = SEEDS / "002_c3e6fb52ab9c5507.txt"


def _plain_combine(cols, money, pool, tots, req, with_request):
    """The beam search written plainly: every extension of every entry listed, then one stable sort."""
    start: Counter = Counter()
    if req is not None and with_request:
        start[req] += 1
    beam = [(0.0, [], dict(start))]
    for cands in cols:
        if cands:
            cands = [x for x in cands if x[0] >= cands[0][0] - 8.0]
        nxt = []
        for score, chosen, used in beam:
            prev = chosen[-1] if chosen else None
            want = -prev[CTN] if prev is not None and prev[CTN] is not None else None
            for loc, cell in cands:
                add = Counter(v for v in cell if v is not None and v != 0)
                if any(used.get(v, 0) + n > pool.get(v, 0) for v, n in add.items()):
                    continue
                sc = score + loc
                if prev is not None and cell[CFP] != want and not (want == 0 and cell[CFP] is None):
                    sc -= 6.0
                nxt.append((sc, chosen, cell, used, add))
        nxt.sort(key=lambda x: -x[0])
        beam = []
        for sc, chosen, cell, used, add in nxt[:pdf_layout.BEAM]:
            u = dict(used)
            for v, n in add.items():
                u[v] = u.get(v, 0) + n
            beam.append((sc, chosen + [cell], u))
        if not beam:
            return None
    best, ties = None, 0
    for sc, chosen, _used in beam:
        grid = [list(c) for c in chosen]
        total = sc + _plain_group_score(grid, money, req)
        if best is None or total > best.score + 1e-9:
            best, ties = BudgetSolution(grid, total, req), 0
        elif abs(total - best.score) <= 1e-9 and grid != best.grid:
            ties += 1
    if best:
        best.ties = ties
    return best


def _plain_group_score(grid, money, req) -> float:
    rows = [[grid[c][r] for c in range(len(grid))] for r in range(7)]
    if req is not None:
        rows[0].append(req)
        rows[5].append(req)

    def key(v):
        return (v is None, v or 0)

    def in_row(row, vals, glued):
        k = len(vals)
        return any((sorted(map(key, row[s:s + k])) == sorted(map(key, vals))) if glued else row[s:s + k] == vals
                   for s in range(len(row) - k + 1))
    score = 0.0
    for g in money:
        lab = ROWS.index(g.label) if g.label in ROWS else None
        hit = [r for r in range(7) if in_row(rows[r], list(g.values), g.glued)]
        if len(g.values) >= 2 and hit:
            score += 2.0 * len(g.values)
        if lab is not None:
            score += 3.0 * len(g.values) if lab in hit else -3.0 * len(g.values)
    return score


def _groups_002():
    lines = [nfkc(x) for x in SEED_002.read_text(encoding="utf-8").split("\n")]
    return budget_groups(lines, 1, len(lines))


def _variants():
    """Seed 002's printed values, then the same with lines dropped and shuffled, and with every amount scaled."""
    groups = _groups_002()
    rng = random.Random(17)
    out = [groups]
    for _ in range(5):
        g = [x for x in groups if rng.random() > 0.15]
        rng.shuffle(g)
        out.append(g)
    out.append([pdf_layout.Group(g.line, [None if v is None else (v if g.percent else 7 * v) for v in g.values],
                                 g.label, g.glued, g.percent) for g in groups])
    return out


@pytest.mark.parametrize("k", range(7))
def test_budget_search_equals_plain_search(k, monkeypatch):
    groups = _variants()[k]
    fast = solve_budget(groups)
    monkeypatch.setattr(pdf_layout, "_combine", _plain_combine)
    plain = solve_budget(groups)
    assert (fast is None) == (plain is None)
    if fast is not None:
        assert (fast.grid, fast.score, fast.request_total, fast.ties) == \
            (plain.grid, plain.score, plain.request_total, plain.ties)
    if k == 0:  # seed 002 itself: the table of the gold (2014: 3,400 + 20 + 4,515 ▲3,180 = 4,755; 執行額 4,707)
        assert fast.grid[0] == [3400, 20, 4515, -3180, 0, 4755, 4707]
        assert fast.grid[3][5] == 22776


def test_parse_group_filters_words_not_figures():
    assert parse_group("株式会社日立製作所 1,234", 1) is None  # a word among the values
    assert parse_group("Ｂ．委託費 12", 1) is None
    assert parse_group("", 1) is None and parse_group("   ", 1) is None
    g = parse_group("当初予算 3,400 50,508 ▲ 3,180 -", 4)
    assert (g.label, g.values, g.line) == ("initial", [3400, 50508, -3180, None], 4)
    g = parse_group("執行率（％） 99% 98 %", 5)
    assert (g.label, g.values, g.percent) == ("ratio_total", [99, 98], True)
    g = parse_group("8,50121,992", 6)  # glued digit groups: the values, order not trusted
    assert g.glued and g.values == [8501, 21992]
    assert parse_group("1,234 5,678", 7).values == [1234, 5678]


def test_policy_amount_lines():
    al = policy_eval._amount_line("1,234百万円 (1,100百万円) ― 3・5", 9)
    assert al is not None and al.cells[0] == {"amount": 1234, "line": 9, "executed": 1100}
    assert al.ind == ["3", "5"] and al.units == ["百万円", "百万円"]
    assert policy_eval._amount_line("予算 1,234百万円", 9) is None  # a word: not an amount line
    assert policy_eval._amount_line("(1) 地域の振興(平成29年度)", 9) is None


def test_title_scan_in_one_pass():
    for p in sorted(SEEDS.glob("*.txt")):
        lines = p.read_text(encoding="utf-8").split("\n")
        assert detect._title_lines(lines, 60) == (detect._title_line(lines, detect._REVIEW_TITLE, 60),
                                                  detect._title_line(lines, detect._POLICY_TITLE, 60))
    assert detect.detect(SEED_002.read_text(encoding="utf-8").split("\n"))[0] == "review_sheet"
