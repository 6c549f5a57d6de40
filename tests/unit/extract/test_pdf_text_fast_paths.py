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


def test_budget_groups_skip_word_lines_as_parse_group_does():
    """budget_groups passes over a line starting with a word (or a sign and then a word) without parse_group: the
    groups are the ones parse_group gives line by line, a row label's line still read."""
    lines = SEED_002.read_text(encoding="utf-8").split("\n")
    rng = random.Random(7)
    pieces = ["当初予算", "計", "執行額", "予備費等", "事業名", "A.", "(", "・", "①", " ", "\u3000", "1,234", "▲ 5", "-",
              "12%", "株式会社", "abc", "2017"]
    lines += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(3000)]
    lines += ["  株式会社 1,234", "(1) 12", "A 1,234", "計 1,234", " 当初予算 3,400 50,508", "・ 12", "① 3", "(%) 12"]
    for t in lines:
        if pdf_layout._WORDS_FIRST.match(t):
            assert parse_group(t, 1) is None, t
    plain = [g for i, t in enumerate(lines, 1) if (g := parse_group(t, i)) is not None]
    got = budget_groups(lines, 1, len(lines))
    assert [(g.line, g.values, g.label) for g in got] == [(g.line, g.values, g.label) for g in plain]
    assert any(g.label == "total" for g in got) and not pdf_layout._WORDS_FIRST.match("計 1,234")


def test_layout_without_tabs_or_tables_is_pdf():
    assert detect._layout(["事業名 a", "", "1,234"]) == "pdf" and detect._layout([]) == "pdf"
    assert detect._layout(["a\tb", "c\td", "e\tf"]) == "excel"  # (the lines looked at one by one)
    assert detect._layout(["| a | b |", "| c | d |", "| e | f |", "x"]) == "excel"
    assert detect._layout(["a < b", "c | d", "x\t"]) == "pdf"


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


def test_cached_normalisation_equals_plain():
    """nfkc/squash keep short results in a cache: the same strings as the plain folding, long texts uncached."""
    import unicodedata

    from kg.normalize import text as T

    def plain_nfkc(t):
        return T._WS.sub(" ", unicodedata.normalize("NFKC", t)).strip()

    def plain_squash(t):
        return T._WS.sub("", unicodedata.normalize("NFKC", t))
    lines = SEED_002.read_text(encoding="utf-8").split("\n")
    rng = random.Random(5)
    chars = "０１２ ,，▲△ー－\u3000\t\n(（株）カブ ｶﾌﾞ千代田区ﾃﾞ①ⅱ㈱é"
    samples = lines + [x for x in lines] + ["".join(rng.choice(chars) for _ in range(rng.randint(0, 30)))
                                            for _ in range(3000)]
    samples.append("\u3000１，２３４ 百万円 " * 200)  # longer than the cached length
    for t in samples + samples:  # the second pass answers from the cache
        assert T.nfkc(t) == plain_nfkc(t) and T.squash(t) == plain_squash(t)
    assert T.nfkc("\u3000１，２３４　百万円 ") == "1,234 百万円" and T.squash(" 事業 名\u3000") == "事業名"
    assert T.nfkc(None) == "" and T.squash(None) == "" and T.squash("") == ""
    assert T._nfkc_cached.cache_info().currsize > 0


def test_paragraph_style_counts_blank_lines():
    from kg.extract.review_text import paragraph_style
    rng = random.Random(3)
    ws = ["", " ", "\u3000", "\t", "a", " b ", "x y", "\u2003"]
    for _ in range(3000):
        lines = ["".join(rng.choice(ws) for _ in range(rng.randint(0, 3))) for _ in range(rng.randint(0, 12))]
        assert paragraph_style(lines) == ([x.strip() for x in lines].count("") >= 0.2 * max(len(lines), 1))
    assert paragraph_style(SEED_002.read_text(encoding="utf-8").split("\n"))  # pdfminer's blank-line cells
    assert not paragraph_style(["事業名 a", "府省 b", "", "c", "d", "e"])
