"""Page numbers in PDF text (kg.extract.page_marks): a footer printed between a payee block's title and its table
is no cell. Real-form variant 1 printed by a second producer (reportlab, which prints 「N / M」 in each footer) and
read by pdfplumber: before, the footer after block C's title made block C's rows block D's (22 wrong payee cells,
48 extra on variants 1-5); now every payee row read is the workbook's."""
from __future__ import annotations

import pytest

from kg.extract.dispatch import extract_path
from kg.extract.page_marks import is_page_mark, page_number_lines, without_page_numbers
from tests.fixtures.real_variants import reportlab_variant


def test_footers_of_a_run_are_page_numbers():
    lines = ["支出先上位10者リスト", "7 / 10", "", "A", "1 / 2", "C", "8 / 10", "- 3 -", "9 / 10"]
    assert page_number_lines(lines) == [1, 6, 8]  # 「1 / 2」 and 「- 3 -」 are alone of their kind: cells
    out = without_page_numbers(lines)
    assert out[1] == out[6] == out[8] == "" and out[4] == "1 / 2" and len(out) == len(lines)


def test_numbers_that_do_not_rise_are_not_page_numbers():
    assert page_number_lines(["3 / 4", "x", "2 / 4"]) == []
    assert page_number_lines(["- 1 -", "a", "- 2 -", "Page 1", "Page 2"]) == [0, 2, 3, 4]
    assert without_page_numbers(["a", "b"]) == ["a", "b"]


def test_one_line_of_a_page_numbers_shape():
    # (the payee readers pass over such a line among a table's cells: no cell of theirs has that shape)
    assert all(is_page_mark(t) for t in ("7 / 10", "- 3 -", "— 3 —", "Page 7", "p. 2"))
    assert not any(is_page_mark(t) for t in ("53.9/1", "百万円/件", "1,234", "92.5%", "-", "7"))


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    xlsx, pdf, txt = reportlab_variant(1, tmp_path_factory.mktemp("rl-variant"), "pdfplumber")
    return extract_path(xlsx), pdf, txt


def test_second_producer_footers_leave_payee_blocks_whole(printed):
    ref, _, txt = printed
    assert "8 / " in txt.read_text(encoding="utf-8")  # the footers are in the text
    rec = extract_path(txt)
    want = {(p["block"], p["rank"]): (p["corporate_number"], p["amount"]) for p in ref["payees"]}
    got = {(p["block"], p["rank"]): (p["corporate_number"], p["amount"]) for p in rec["payees"]}
    assert got[("C", 1)] == ("2372150301626", 5331.0) == want[("C", 1)]
    assert got[("C", 3)] == ("1000020140007", 3237.0)  # 神奈川県
    assert all(want.get(k) == v for k, v in got.items()), {k: (v, want.get(k)) for k, v in got.items()
                                                            if want.get(k) != v}


def test_second_producer_pdf_gives_the_xlsx_payees(printed):
    ref, pdf, _ = printed
    rec = extract_path(pdf)
    key = ("block", "rank", "name", "corporate_number", "amount", "contract_method")
    assert [tuple(p[k] for k in key) for p in rec["payees"]] == [tuple(p[k] for k in key) for p in ref["payees"]]


def test_one_pattern_reads_as_the_three():
    """page_number_lines tries one pattern per line (speed16): it finds the kind and number each of the three
    finds, on the footers' shapes and on random short lines of digits, slashes, dashes, spaces and page letters."""
    import random

    from kg.extract import page_marks as pm

    def three(line):
        if m := pm._OF.match(line):
            return ("of", m[1], m[2])
        if m := pm._DASHED.match(line):
            return ("dashed", m[1])
        if m := pm._PAGE.match(line):
            return ("page", m[1])
        return None

    def one(line):
        m = pm._ANY.match(line)
        return None if m is None else ("of", m[1], m[2]) if m[1] else ("dashed", m[3]) if m[3] else ("page", m[4])

    rng = random.Random(16)
    alphabet = list("0123456789 /-‐－—pPaAgGeE.\t\u3000x")
    lines = ["7 / 10", " - 7 - ", "Page 7", "p. 12", "PAGE 3", "－ 2 －", "1/2", "12345 / 1", "ｐａｇｅ 1", "計", ""]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(20000)]
    assert [one(x) for x in lines] == [three(x) for x in lines]
    assert [pm.is_page_mark(x) for x in lines] == [three(x) is not None for x in lines]
    assert one("7 / 10") == ("of", "7", "10") and one("－ 2 －") == ("dashed", "2") and one("p. 12") == ("page", "12")


def test_lines_without_a_mark_character_are_passed_by():
    """page_number_lines looks only at the lines holding 「/」, a dash or a p (speed17): every line the pattern
    matches holds one (random short lines of the marks' characters and others; letters re.I might fold to p), and
    the runs found are those of matching every line."""
    import random

    from kg.extract import page_marks as pm

    rng = random.Random(17)
    alphabet = list("0123456789 /-‐－—pPaAgGeE.\t\u3000xｐＰ℗ρ")
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    assert all(pm._MARK_CHAR.search(x) for x in lines if pm._ANY.match(x))

    def every_line(lines):
        runs: dict = {}
        for i, line in enumerate(lines):
            if len(line) <= 16 and (m := pm._ANY.match(line)):
                kind = ("of", int(m[2])) if m[1] else ("dashed",) if m[3] else ("page",)
                if not m[1] or 1 <= int(m[1]) <= int(m[2]):
                    runs.setdefault(kind, []).append((i, int(m[1] or m[3] or m[4])))
        return sorted(i for run in runs.values() if len(run) >= 2
                      and all(a[1] < b[1] for a, b in zip(run, run[1:], strict=False)) for i, _ in run)

    doc = ["支出先上位10者リスト", "1 / 3", "A.", "－", "- 1 -", "計 －", "Page 1", "2 / 3", "- 2 -", "p. 2", "3 / 3"]
    assert page_number_lines(doc) == every_line(doc) == [1, 4, 6, 7, 8, 9, 10]
    for _ in range(300):
        doc = [rng.choice(lines) for _ in range(rng.randint(0, 60))]
        assert page_number_lines(doc) == every_line(doc)
