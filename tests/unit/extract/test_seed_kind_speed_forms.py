"""The seed 002 / 004 kinds' fast forms (issue 17, speed) give what their plain forms give.

Seed 002's kind (review-sheet PDF text without a ruled form) rebuilds its 予算額・執行額 table by a search whose
column candidates and 予備費/繰越し pairs are now built from whole-number sums, a bisected rate range and
precomputed score terms; seed 004's kind (事前分析表 PDF text) skips lines by the characters a pattern needs.
Each fast form is run here against the plain code it replaced, on real-shaped inputs: the seeds' printed amounts
and years, the same with lines dropped and shuffled, amounts scaled, amounts with halves (the non-whole path),
and text lines of both seeds.
"""
from __future__ import annotations

import random
import re
import sys
import unicodedata

import pytest

from kg.extract import budget_lines, detect, pdf_layout, policy_eval, review_text
from kg.extract.pdf_layout import Group, budget_groups
from kg.normalize import text as T
from kg.normalize.text import nfkc, squash
from tests.conftest import SEEDS

SEED_002 = SEEDS / "002_c3e6fb52ab9c5507.txt"
SEED_004 = SEEDS / "004_6371e9cc681a4f0c.txt"


def _lines(p):
    return p.read_text(encoding="utf-8").split("\n")


# ------------------------------------------------------------------ plain forms (the code before the speed-up)

def _plain_pairs(pool, nonneg):
    vals = nonneg + [None]
    zero_ok = pool.get(0.0, 0) > 0
    r_opts = [v for v in pool if v != 0] + ([0.0, None] if zero_ok else [None])
    pairs: dict = {}
    for f in vals:
        for r in r_opts:
            pairs.setdefault(round((f or 0) + (r or 0), 6), []).append((f, r))
    return pairs


def _plain_column_candidates(total, past, p_tot, p_is, pool, nonneg, negs, labeled, at, pairs=None):
    out = []
    if total is None:
        return out
    if past:
        e_opts = [v for v in nonneg if p_tot is None or pdf_layout._close(v, total, p_tot)]
        if p_tot is None:
            e_opts.append(None)
    else:
        e_opts = [None]
    vals = nonneg + [None]
    zero_ok = pool.get(0.0, 0) > 0
    pairs = _plain_pairs(pool, nonneg)
    c_opts = [c for c in negs + [0.0, None] if not (c == 0.0 and not zero_ok)]
    for e in e_opts:
        n_e = (e is None and past) + (total is None)
        for i in vals:
            for s in vals:
                if p_is is not None and e is not None and not pdf_layout._close(e, (i or 0) + (s or 0), p_is):
                    continue
                for c in c_opts:
                    prs = pairs.get(round(total - sum((i or 0, s or 0, c or 0)), 6))
                    for f, r in prs or ():
                        cell = (i, s, f, c, r, total, e)
                        loc = -4.0 * (n_e + (i is None) + (s is None) + (c is None) + (f is None) + (r is None))
                        loc += 1.0 if r == 0 else 0.0
                        loc += 1.0 if (i or 0) >= (s or 0) else 0.0
                        for rr, vs in labeled.items():
                            if cell[rr] in vs:
                                loc += 3.0
                        for rr, v in at.items():
                            loc += 6.0 if cell[rr] == v else -6.0
                        out.append((loc, cell))
    out.sort(key=lambda x: -x[0])
    return out[:3000]


def _budget_value_sets():
    """Seed 002's printed values; the same with lines dropped and shuffled; amounts ×7 (the printed rates then
    fit no table: the search without rates, every 執行額 tried); amounts + 0.5 (sums not whole)."""
    lines = [nfkc(x) for x in _lines(SEED_002)]
    groups = budget_groups(lines, 1, len(lines))
    rng = random.Random(6)
    out = [groups]
    for _ in range(3):
        g = [x for x in groups if rng.random() > 0.15]
        rng.shuffle(g)
        out.append(g)
    for f in (lambda v: 7 * v, lambda v: v + 0.5):
        out.append([Group(g.line, [None if v is None or g.percent else f(v) for v in g.values] if not g.percent
                          else list(g.values), g.label, g.glued, g.percent) for g in groups])
    return out


@pytest.mark.parametrize("k", range(6))
def test_column_candidates_equal_plain(k, monkeypatch):
    """Every column's candidates (scores, cells, order) and the table equal the plain enumeration's."""
    calls = []
    fast_cc = pdf_layout._column_candidates

    def spy(*a, **kw):
        got = fast_cc(*a, **kw)
        calls.append((a, got))
        return got
    monkeypatch.setattr(pdf_layout, "_column_candidates", spy)
    fast = pdf_layout.solve_budget(_budget_value_sets()[k])
    assert calls
    for a, got in calls:
        assert got == _plain_column_candidates(*a[:9])
        assert a[9] == _plain_pairs(a[4], a[5])  # the pairs the search built
    monkeypatch.setattr(pdf_layout, "_column_candidates", _plain_column_candidates)
    plain = pdf_layout.solve_budget(_budget_value_sets()[k])
    assert (fast is None) == (plain is None)
    if fast is not None:
        assert (fast.grid, fast.score, fast.ties) == (plain.grid, plain.score, plain.ties)
    if k == 0:  # seed 002: 2014 column of the gold (3,400 + 20 + 4,515 ▲3,180 = 4,755; 執行額 4,707)
        assert fast.grid[0] == [3400, 20, 4515, -3180, 0, 4755, 4707]


def test_exact_sums_only_for_whole_numbers():
    assert pdf_layout._whole(22776.0) and pdf_layout._whole(-3180.0) and pdf_layout._whole(0)
    assert not pdf_layout._whole(12.5) and not pdf_layout._whole(None)
    assert not pdf_layout._whole(float("nan")) and not pdf_layout._whole(float("inf"))
    assert not pdf_layout._whole(2.0 ** 51)


# ------------------------------------------------------------------ characters a pattern needs

def _sources(chars: str) -> dict[str, set[str]]:
    """For each character: every code point whose NFKD holds it."""
    out: dict[str, set[str]] = {c: set() for c in chars}
    for cp in range(sys.maxunicode + 1):
        d = unicodedata.normalize("NFKD", chr(cp))
        for c in chars:
            if c in d:
                out[c].add(chr(cp))
    return out


def test_prefilter_characters_are_the_only_sources():
    """表, ュ (the titles) and 額 (the 予算額 header) are no composite (composition never makes them) and only
    these code points give them under NFKC: a line holding none of them cannot hold them once normalised."""
    src = _sources("表ュ額")
    assert all(unicodedata.decomposition(c) == "" for c in "表ュ額")
    assert set(detect._TITLE_CHARS.pattern[1:-1]) == src["表"] | src["ュ"] == set("表ュ㌒ｭ")
    assert src["額"] == {"額"}


def test_title_scan_equals_plain():
    rng = random.Random(4)
    docs = [_lines(p) for p in sorted(SEEDS.glob("*.txt"))]
    extra = ["令和4年度行政事業レビューｼｰﾄ", "平成２９年度 行政事業レビュー シート", "主要な政策に係る政策評価の事前分析表",
             "事前分析表（平成29年度実施政策）", "令和元年度行政事業レビュ㌒", "表", "ュ", "レビューシート"]
    for d in list(docs):
        for _ in range(3):
            x = d[:200] + extra
            rng.shuffle(x)
            docs.append(x)
    for d in docs:
        assert detect._title_lines(d, 60) == (detect._title_line(d, detect._REVIEW_TITLE, 60),
                                              detect._title_line(d, detect._POLICY_TITLE, 60))


def test_squash_from_nfkc_equals_regex_form():
    ws = re.compile(r"\s")
    assert all(bool(ws.match(chr(c))) == chr(c).isspace() for c in range(sys.maxunicode + 1))
    rng = random.Random(8)
    chars = "０１２ ,，▲△ー－\u3000\t\n\u2003\x1c(（株）ｶﾌﾞ千代田区ﾃﾞ①ⅱ㈱㍻é\u0301 "
    samples = _lines(SEED_002) + _lines(SEED_004) + [
        "".join(rng.choice(chars) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for t in samples:
        T._squash_cached.cache_clear()
        assert T.squash(t) == re.sub(r"\s+", "", unicodedata.normalize("NFKC", t))
    assert T.squash("\u3000予算額・ 執行額\t") == "予算額・執行額"


def test_paragraphs_equal_plain():
    def plain(lines, lo=1, hi=None):
        hi = len(lines) if hi is None else hi
        out, start = [], None
        for i in range(lo, hi + 1):
            if lines[i - 1]:
                if start is None:
                    start = i
            elif start is not None:
                out.append((start, i - 1))
                start = None
        if start is not None:
            out.append((start, hi))
        return out
    rng = random.Random(2)
    seed = [nfkc(x) for x in _lines(SEED_004)]
    assert policy_eval.paragraphs(seed) == plain(seed)
    for _ in range(3000):
        lines = [rng.choice(["", "", "a", " ", "施策"]) for _ in range(rng.randint(0, 12))]
        lo = rng.randint(1, len(lines) + 2)
        hi = rng.randint(lo - 3, len(lines))
        assert policy_eval.paragraphs(lines, lo, hi) == plain(lines, lo, hi)
        assert policy_eval.paragraphs(lines) == plain(lines)


# ------------------------------------------------------------------ 事前分析表 lines

def _plain_amount_line(text, line):
    """_amount_line before the literal checks: every substitution on every line, units by re.findall."""
    P = policy_eval
    if P._NOT_IN_AMOUNT_LINE.search(text):
        return None
    t = re.sub(r"([\d,.])\s+(百万円|千円|億円|万円)", r"\1\2", text)
    t = re.sub(r"([▲△(])\s+", r"\1", t)
    t = re.sub(r"\s+\)", ")", t)
    toks = t.split()
    if not toks:
        return None
    kinds = []
    for tok in toks:
        if P._MONEY_RE.match(tok):
            kinds.append("amt")
        elif tok.startswith("(") and tok.endswith(")") and (P._MONEY_RE.match(tok[1:-1]) or P.is_unknown(tok[1:-1])):
            kinds.append("exe")
        elif P.is_unknown(tok):
            kinds.append("dash")
        elif P._IND_LIST_RE.match(tok):
            kinds.append("ind")
        else:
            return None
    if not any(k in ("amt", "exe") for k in kinds) and not (len(kinds) >= 2 and kinds[0] == "dash"):
        return None
    ind = None
    if kinds[-1] == "ind" or (kinds[-1] == "dash" and len(kinds) >= 2 and kinds[-2] in ("amt", "dash")):
        ind = [] if kinds[-1] == "dash" else [x for x in re.split(r"[,、・]", toks[-1]) if x]
        toks, kinds = toks[:-1], kinds[:-1]
    if "ind" in kinds:
        return None
    cells, lead = [], []
    units = [u for tok in toks for u in re.findall(r"百万円|千円|億円|万円", tok)]
    for tok, kind in zip(toks, kinds, strict=True):
        if kind == "amt":
            cells.append({"amount": P._money(tok), "line": line})
        elif kind == "dash":
            cells.append({"amount": None, "line": line})
        else:
            v = None if P.is_unknown(tok[1:-1]) else P._money(tok[1:-1])
            if cells and "executed" not in cells[-1]:
                cells[-1]["executed"] = v
            else:
                lead.append(v)
    return P._AmtLine(cells, lead, ind, units)


def _amount_lines():
    lines = [nfkc(x) for x in _lines(SEED_004)]
    rng = random.Random(9)
    out = list(lines)
    toks = ["1,234百万円", "1,234 百万円", "(1,100百万円)", "( 1,100 百万円 )", "―", "-", "3・5", "▲ 12千円", "△3億円",
            "(-)", "( ― )", "7万円", "12", "2,3"]
    for _ in range(3000):
        out.append(" ".join(rng.choice(toks) for _ in range(rng.randint(1, 6))))
    return out


def test_amount_lines_equal_plain():
    """The substitutions skipped where their literal is missing: the same amount lines (cells, executed values,
    indicator lists, units) as substituting every line first."""
    n = 0
    for i, t in enumerate(_amount_lines(), 1):
        fast = policy_eval._amount_line(t, i)
        assert fast == _plain_amount_line(t, i)
        n += fast is not None
    assert n > 1000
    al = policy_eval._amount_line("1,234 百万円 ( 1,100 百万円 ) ― 3・5", 9)
    assert al.cells[0] == {"amount": 1234, "line": 9, "executed": 1100} and al.units == ["百万円", "百万円"]


def _plain_name_with_suffix(parts):
    if not any("年" in p for p in parts):
        return None
    joined = policy_eval._join(parts)
    for m in reversed(list(policy_eval._YEAR_SUFFIX.finditer(joined))):
        rest = joined[m.end():].strip()
        if rest == "" or policy_eval._amount_line(rest, 0) is not None or re.fullmatch(r"[―\-－ー\s]+", rest):
            name = joined[:m.start()].strip()
            if name:
                return name, policy_eval._era_year(m.group(1), m.group(2)), rest
    return None


def test_name_with_suffix_equals_plain():
    lines = [nfkc(x) for x in _lines(SEED_004)]
    rng = random.Random(1)
    parts_sets = [lines[k:k + n] for n in (1, 2, 3, 4) for k in range(0, len(lines) - n)]
    pieces = ["地域経済", "活性化事業", "(平成", "29年度)", "(令和元年度)", "(平成 2", "8年度)", "ABC", "12", "3", "(", ")",
              "(昭和63年)", "1,234百万円", "―", "年", "事業(平成30年度) 5百万円"]
    parts_sets += [[rng.choice(pieces) for _ in range(rng.randint(1, 4))] for _ in range(4000)]
    found = 0
    for parts in parts_sets:
        got = policy_eval._name_with_suffix(parts)
        assert got == _plain_name_with_suffix(parts)
        found += got is not None
    assert found > 100
    assert policy_eval._name_with_suffix(["(3) 統計調査事業", "(平成 2", "8年度)"]) is None  # 2 8: no \d{1,2}
    assert policy_eval._name_with_suffix(["統計調査事業(平成28年度)"]) == ("統計調査事業", 2016, "")


# ------------------------------------------------------------------ label tokens

def _plain_tokens(lines):
    para = review_text.paragraph_style(lines)
    out, open_value, open_line = [], [], 0
    mixed = False  # paragraph-style: the paragraph set cells side by side and went on below (review_text._side_by_side)

    folded = [nfkc(x) for x in lines]
    cut = False  # the paragraph's last line was a label's head, dropped: the value's end is unknown
    pieces = []  # paragraph-style: the paragraph's lines, each a label's piece dropped whole (None: anything else)

    def flush():
        nonlocal open_value
        if open_value:
            text = review_text.fields.join_wrapped(open_value)
            m = review_text._LABEL_RE.fullmatch(text.replace(" ", ""))
            if cut:
                out.append(review_text.Token(text, open_line, review_text.CUT))
            elif len(open_value) > 1 and m:  # a label wrapped in its cell
                out.append(review_text.Token(text.replace(" ", ""), open_line,
                                             review_text._LABELS[int(m.lastgroup[1:])][1]))
            elif not review_text._is_fragment(text):
                out.append(review_text.Token(text, open_line, None))
            open_value = []

    def counter(word, before):  # a number's counter wrapped below it, kept
        return (word in ("号", "条", "項", "年", "年度") and (before[-1:].isdigit() or before.endswith("元"))) \
            or (word == "度" and before.endswith("年"))

    for n, raw in enumerate(lines, 1):
        t = nfkc(raw)
        if not t:
            if para and not open_value and pieces and len(pieces) > 1:  # 「事業開」 over 「始年度」: the label
                text = "".join(x.replace(" ", "") for x, _ in pieces)
                if m := review_text._LABEL_RE.fullmatch(text):
                    out.append(review_text.Token(text, pieces[0][1], review_text._LABELS[int(m.lastgroup[1:])][1]))
            flush()
            mixed = cut = False
            pieces = []
            continue
        split = review_text._split_line(t)
        if pieces is not None:
            words = split[0][0].split(" ") if len(split) == 1 and split[0][1] is None else ["x"]
            while words and review_text._is_fragment(words[0]):
                words.pop(0)
            pieces = pieces + [(t, n)] if not words and not open_value else None
        if para and split and split[0][1] is not None and n > 1 and folded[n - 2] and not open_value:
            m = review_text._LABEL_RE.fullmatch(folded[n - 2].replace(" ", "") + split[0][0])
            if m:  # 「主要政策・」 over 「施策」: the whole label
                split[0] = (folded[n - 2].replace(" ", "") + split[0][0], review_text._LABELS[int(m.lastgroup[1:])][1])
        if para and mixed:
            split = [(piece, f) for piece, f in split if f is not None]
        elif para and review_text._side_by_side(split) and n < len(lines) and lines[n].strip() \
                and not review_text._labels_wrapped_below(split, folded, n):
            mixed = True
            last = max(i for i, (_, f) in enumerate(split) if f is not None)
            # a value piece left out stays as a cut cell
            split = [(piece, f if f is not None or (i < last and review_text._COMPLETE_YEAR.match(piece))
                      else review_text.CUT)
                     for i, (piece, f) in enumerate(split) if f is not None or not review_text._is_fragment(piece)]
            flush()
        for piece, field in split:
            if field is None:
                whole = piece
                words = piece.split(" ")
                before = open_value[-1] if open_value else ""
                if not (para and counter(words[0], before)):
                    while words and review_text._is_fragment(words[0]) \
                            and not (para and words[0] in ("号", "条", "項", "年", "年度") and counter(words[0], before)):
                        words.pop(0)
                piece = " ".join(words)
                if not piece:
                    if para and open_value and len(split) == 1 and whole in review_text._LABEL_HEADS \
                            and (n >= len(lines) or not folded[n]):
                        cut = True
                    continue
            if field is not None:
                flush()
                out.append(review_text.Token(piece, n, field))
            elif para:
                if not open_value:
                    open_line = n
                open_value.append(piece)
            elif not review_text._is_fragment(piece):
                out.append(review_text.Token(piece, n, None))
        if not para:
            flush()
    flush()
    return out


def test_label_tokens_equal_plain():
    rng = random.Random(12)
    for p in sorted(SEEDS.glob("*.txt")):
        lines = _lines(p)
        variants = [lines, [x for x in lines if x.strip()]]  # pdfminer's blank-line cells, and one cell a line
        shuffled = list(lines)
        rng.shuffle(shuffled)
        variants.append(shuffled)
        for v in variants:
            assert review_text._tokens(v) == _plain_tokens(v)
    toks = review_text._tokens(_lines(SEED_002))
    assert any(t.field == "project_name" for t in toks)


def test_nfkc_is_idempotent_and_squash_is_nfkc_without_spaces():
    """review_pdf.extract takes the squashed lines as its NFKC lines without spaces: nfkc(nfkc(x)) == nfkc(x) and
    squash(x) == nfkc(x).replace(" ", "") for every code point, the seeds' lines and random strings of
    compatibility characters, combining marks, jamo and white space."""
    def plain_squash(t):
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", t))
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        x = T._nfkc(c)
        assert T._nfkc(x) == x
    rng = random.Random(21)
    chars = ["\u0301", "\u0308", "\u3099", "\u309a", "ｶ", "ﾞ", "ﾟ", "\u1100", "\u1161", "\u11a8", "e", "ㄱ", "ㅏ",
             " ", "\u3000", "\t", "\u00a0", "\u2028", "①", "㍻", "ｱ", "Å", "ﬁ", "\u0345", "\u05b0", "1"]
    samples = [x for p in sorted(SEEDS.glob("*.txt")) for x in _lines(p)]
    samples += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    for t in samples:
        x = nfkc(t)
        assert nfkc(x) == x and T._nfkc(x) == x
        assert plain_squash(t) == x.replace(" ", "") == plain_squash(x)


# ------------------------------------------------------------------ third round (seed 002's kind, issue 17)

def _label_lines():
    """Every NFKC line of the seeds, and lines built of the form's labels (whole, cut, glued to text or to
    each other, after spaces) among words and figures."""
    lines = [nfkc(x) for p in sorted(SEEDS.glob("*.txt")) for x in _lines(p)]
    labels = ["事業番号", "事業名", "担当部局庁", "担当部局", "担当課室", "作成責任者", "事業開始年度", "事業終了(予定)年度",
              "会計区分", "根拠法令 (具体的な条項も記載)", "関係する 計画、通知等", "主要政策・施策", "主要経費",
              "事業の目的 (目指す姿を簡潔に。3行程度以内)", "事業概要(5行程度以内。別添可)", "実施方法",
              "予算額・執行額 (単位:百万円)", "政策評価、経済財政運営", "政策", "施策", "関連事業", "支出先上位10者リスト",
              "関連する過去のレビューシートの事業番号"]
    words = ["一般会計", "住民制度課", "総務省", "28", "平成26年度", "▲3,180", "事業", "担当", "関連", "政", "(", ")", "、"]
    rng = random.Random(31)
    for _ in range(4000):
        parts = [rng.choice(labels) if rng.random() < 0.5 else rng.choice(words) for _ in range(rng.randint(1, 6))]
        parts = [p[:rng.randint(1, len(p))] if rng.random() < 0.2 else p for p in parts]
        lines.append("".join(p + rng.choice(["", " ", " ", "  "]) for p in parts))
    return lines


def test_label_matches_are_finditers():
    """review_text._label_matches tries the label pattern only where a label's first character stands: the
    same matches (span, label) as finditer over every line."""
    found = 0
    for t in _label_lines():
        fast = [(m.span(), m.lastgroup) for m in review_text._label_matches(t)]
        assert fast == [(m.span(), m.lastgroup) for m in review_text._LABEL_RE.finditer(t)]
        found += len(fast)
    assert found > 4000
    assert [m.group(0) for m in review_text._label_matches("担当課室 住民制度課 事業名 番号制度")] == ["担当課室", "事業名"]


def test_budget_row_lines_start_with_a_first_literal():
    """budget_rows tries its row pattern only on lines starting with one of _BUDGET_ROW_FIRST: no line starting
    otherwise matches it (seeds' lines, every row label with its figures after each first character)."""
    lines = [nfkc(x) for p in sorted(SEEDS.glob("*.txt")) for x in _lines(p)]
    labels = ["当初予算", "補正予算", "前年度から繰越し", "前年度から繰越", "翌年度へ繰越し", "予備費等", "予備費", "計", "執行額"]
    lines += [f"{p}{lab} 1,234 ▲5 -" for lab in labels for p in ["", "予 ", "算 ", "の ", "状 ", "況 ", "x ", "1 "]]
    hits = 0
    for t in lines:
        m = budget_lines._BUDGET_ROW.match(t)
        if t[:1] not in budget_lines._BUDGET_ROW_FIRST:
            assert m is None, t
        hits += m is not None
    assert hits >= 9 * 6
    rows = budget_lines.budget_rows(["予算額・執行額", "当初予算 10 20 30 40 50", "補正予算 0 0 0 0", "前年度から繰越し 0 2 0 0",
                                    "翌年度へ繰越し ▲2 0 0 0", "予備費等 0 0 0 0", "計 8 22 30 40", "執行額 7 19 29",
                                    "x 計 1 2 3 4"], [(2014 + k, k == 4) for k in range(5)])
    assert rows is not None and rows[0][0]["total"] == 8 and rows[0][1]["executed"] == 19
    assert rows[0][4] == {"fiscal_year": 2018, "requested": 50} and rows[1:] == (2, 8)


def _search_variants():
    """Seed 002's printed values; with lines copied (values the pool holds twice: the counted path), dropped and
    shuffled; amounts ×3 and + 0.5; and the same from the text's paragraphs shuffled."""
    groups = [g for g in _budget_value_sets()[0]]
    rng = random.Random(44)
    out = [groups]
    for _ in range(3):
        g = list(groups) + [Group(1000 + x.line, list(x.values), x.label, x.glued, x.percent)
                            for x in groups if rng.random() < 0.3]
        g = [x for x in g if rng.random() > 0.1]
        rng.shuffle(g)
        out.append(g)
    for f in (lambda v: 3 * v, lambda v: v + 0.5):
        out.append([Group(g.line, [None if v is None else f(v) for v in g.values] if not g.percent
                          else list(g.values), g.label, g.glued, g.percent) for g in groups])
    return out


@pytest.mark.parametrize("k", range(6))
def test_budget_search_bits_equal_plain_search(k, monkeypatch):
    """_combine (used-up values as bits, candidates walked per entry, the last column scored per prefix) gives
    the table, score, request and ties of the plain search (every extension listed, one stable sort, each line
    tested against each row), also where the pool holds values twice and where sums are not whole."""
    from tests.unit.extract.test_pdf_text_fast_paths import _plain_combine, _plain_group_score

    groups = _search_variants()[k]
    checked = []
    fast_last = pdf_layout._last_column_score

    def spy(prefix, cell, req, spec, memo, by_prefix):
        got = fast_last(prefix, cell, req, spec, memo, by_prefix)
        if len(checked) < 300:
            money = [g for g in groups if not g.percent]
            assert got == _plain_group_score([list(c) for c in prefix + [cell]], money, req)
            checked.append(got)
        return got
    monkeypatch.setattr(pdf_layout, "_last_column_score", spy)
    fast = pdf_layout.solve_budget(groups)
    assert checked or fast is None
    monkeypatch.setattr(pdf_layout, "_combine", _plain_combine)
    plain = pdf_layout.solve_budget(groups)
    assert (fast is None) == (plain is None)
    if fast is not None:
        assert (fast.grid, fast.score, fast.request_total, fast.ties) == \
            (plain.grid, plain.score, plain.request_total, plain.ties)
    if k == 0:
        assert fast.grid[0] == [3400, 20, 4515, -3180, 0, 4755, 4707]
    if k in (2, 3):  # values the pool holds twice (the counted path); variant 3 ends in 50 tied tables
        assert fast is not None and checked


def test_paragraph_tokens_equal_plain_on_built_texts():
    """_para_tokens (a line without a label's first character taken as one whole NFKC piece, paragraphs of such
    pieces joined without folding them again) gives the plain tokens on paragraph-style texts built of label
    lines, label pieces wrapped onto the next line, words, ASCII words (joined with a space), full-width and
    compatibility characters, and blank lines."""
    rng = random.Random(57)
    pool = _label_lines()[-4000:] + ["度", "条項も記載)", "知等", "(予定)年度", "ABC", "x1", "ＡＢＣ１２", "１，２３４", "㈱日立",
                                     "事業", "一般会計", "12", "平成２８年度", "  ", "ｶﾞｲﾄﾞ", "度 一般会計", "等 ABC"]
    found = 0
    for _ in range(300):
        lines = []
        for _ in range(rng.randint(5, 60)):
            lines.append(rng.choice(pool) if rng.random() > 0.3 else "")
        lines += [""] * (len(lines) // 3 + 1)  # paragraph style: at least a fifth blank
        rng.shuffle(lines)
        assert review_text.paragraph_style(lines)
        fast = review_text._tokens(lines)
        assert fast == _plain_tokens(lines)
        found += sum(t.field is None for t in fast)
    assert found > 1000


def test_first_line_scans_equal_plain():
    """review_pdf's first-line scans over the joined text (a line starting with a word, the first match of a
    literal pattern, a squashed line holding a word, a pattern tried only where its word starts a line) give
    the line the plain per-line scans give: on the seeds' NFKC lines, shuffled copies, copies with the line
    holding the word first / absent / blank lines around it, and a list whose lines hold line breaks."""
    from kg.extract import review_pdf as P

    rng = random.Random(8)
    docs = []
    for p in sorted(SEEDS.glob("*.txt")):
        L = [nfkc(x) for x in _lines(p)]
        docs.append(L)
        sh = list(L)
        rng.shuffle(sh)
        docs.append(sh)
        docs.append(["政策 総務行政", "", *L[:50]])
        docs.append([x for x in L if "政策" not in x and "成果" not in x and "担当" not in x])
    docs.append(["a\n政策 x", "政策\n施策 y", "根拠法令\n担当課室", "", "担当課室 z"])  # line breaks: the plain scans
    docs.append([])
    words = ["担当課室", "事業終了", "事業開始", "根拠法令", "政策", "施策", "担当部局", "支出先上位", "関係する計画",
             "関連する過去のレビューシート", "成果目標", "x"]
    seen = 0
    for L in docs:
        for w in words:
            got = P._first_starting(L, w)
            assert got == P._first(L, lambda t, w=w: t.startswith(w))
            assert P._first_in(L, w) == next((i for i, t in enumerate(L, 1) if w in squash(t)), None)
            seen += got is not None
        assert P._first_search(L, P._OUTCOME_RE) == P._first(L, P._OUTCOME_RE.search)
        assert P._first_matching(L, "政策", P._POLICY_LINE) == P._first(L, lambda t: P._POLICY_LINE.match(t) is not None)
        assert P._first_matching(L, "施策", P._MEASURE_LINE) == \
            P._first(L, lambda t: P._MEASURE_LINE.match(t) is not None)
    assert seen > 40


def test_line_prefilters_are_exact():
    """The characters review_pdf and review_text test before a pattern: every label fragment _is_fragment took
    (a piece of a label, not digits only, holding a word character) is in _WORD_FRAGMENTS and no other string
    is; an era-year cell or 終了予定 starts with one of _PERIOD_FIRST; an account cell holds 会計; the 主要経費 /
    主要政策・施策 label patterns only change lines starting with their word."""
    from kg.extract import review_pdf as P

    def plain_is_fragment(t):
        s = t.replace(" ", "")
        return s in review_text._FRAGMENTS and not s.isdigit() and bool(re.search(r"\w", s))
    samples = [x for p in sorted(SEEDS.glob("*.txt")) for x in _lines(p)] + _label_lines()
    samples += list(review_text._FRAGMENTS) + [f[:1] + " " + f[1:] for f in review_text._FRAGMENTS] + ["(", ")", "、", "12"]
    for t in samples:
        t = nfkc(t)
        assert review_text._is_fragment(t) == plain_is_fragment(t)
        for w in t.split(" "):
            assert review_text._is_fragment(w) == plain_is_fragment(w)
        if P._ERA_YEAR_CELL.match(t) or t.startswith("終了予定"):
            assert t[:1] in P._PERIOD_FIRST
        if P._ACCOUNT_CELL.match(t):
            assert "会計" in t
        for _key, _vocab, label, word in P._VOCAB_FIELDS:
            if not t.startswith(word):
                assert label.sub("", t) == t
    for t in ["平成28年度", "令和元年度", "昭和 60 年度", "終了予定なし", "会計区分 一般会計", "主要経費 社会保障"]:
        assert t[:1] in P._PERIOD_FIRST or P._ACCOUNT_CELL.match(t) or t.startswith("主要経費")
    assert P._ACCOUNT_CELL.match("会計区分 一般会計、東日本大震災復興特別会計")
