"""Fast forms of the PDF-text line scans (issue 17, speed round: pdfminer.six text) against their plain forms, on
real text: the seeds and the text pdfminer.six and pdftotext get out of reportlab's print of generated sheets
(tests/fixtures/review_sheets.py, with and without 計 rows). A document's lines folded once per distinct line,
lines found in the joined text (lines starting with a word, the first line holding some words, the lines
holding a label's or title's character), the payee section's cells classified once, rank runs flagged in one pass, rows
relabelled without ``_replace``: each must give what the plain per-line or per-item code gives."""
from __future__ import annotations

import random
import shutil

import pytest

import kg.extract.payee_columns as pc
import kg.extract.review_pdf as rp
import kg.extract.review_text as rt
from kg.extract import detect
from kg.extract.dispatch import extract_doc
from kg.extract.folded_text import folded_lines
from kg.extract.payee_rows_text import SECTION_END
from kg.normalize.text import lines_matching, nfkc, nfkc_lines
from kg.read import read_document
from tests.conftest import SEEDS
from tests.fixtures.review_sheets import more_sheets, reportlab_texts

SHEET_SEED = 23  # (more_sheets: blocks and rows by seed)


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    """[text file]: the seeds, and reportlab's print of a generated sheet (with and without 計 rows) read by
    pdfminer.six and pdftotext (no LibreOffice needed)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("poppler's pdftotext is not installed (apt-get install poppler-utils)", pytrace=False)
    d = tmp_path_factory.mktemp("line-scans")
    return sorted(SEEDS.glob("*.txt")) + [
        p for totals in (True, False) for p in reportlab_texts(more_sheets([SHEET_SEED], totals), d, f".{totals}")]


def _variants(lines: list[str]) -> list[list[str]]:
    """The lines, shuffled, with a line holding a line break (the joined text then is not one line a break),
    and with the lines' words at their starts (事業番号 …, 令和 …) copied to other places."""
    rnd = random.Random(7)
    shuffled = lines[:]
    rnd.shuffle(shuffled)
    broken = [*lines[:5], "事業番号\n 0012", "表\n題", *lines[5:]]
    starts = [*lines, "事業番号 0001", "令和5年度", "x事業番号", "平成30年度 終了予定", "終了予定", "昭和", "",
              "事業名 事業番号 所管府省", "事業番号 事業名", "府省 事業名 事業番号"]
    return [lines, shuffled, broken, starts, [], ["事業番号"], ["表"]]


def test_nfkc_lines_equal_each_lines_nfkc(texts):
    for p in texts:
        lines = read_document(p).lines
        for ls in (lines, [*lines, "ｱｲｳ　１２３", "①", "x" * 600, "  a\u3000 b  ", "", "ｱｲｳ　１２３"]):
            assert nfkc_lines(ls) == [nfkc(x) for x in ls]


def test_lines_starting_and_first_holding_equal_the_plain_scans(texts):
    for p in texts:
        L = nfkc_lines(read_document(p).lines)
        for ls in _variants(L):
            for word in ("事業番号", "令", "平", "昭", "終", "支出先上位", "計"):
                assert rp._lines_starting(ls, word) == [i for i, t in enumerate(ls, 1) if t.startswith(word)]
            for words in (("事業名", "事業番号", "府省"), ("事業番号",), ("府省", "事業名")):
                assert rp._first_holding(ls, words) == rp._first(ls, lambda t, ws=words: all(w in t for w in ws))


def test_lines_matching_in_the_joined_text_equal_the_plain_scan(texts):
    """The title characters (detect) on the raw lines and the labels' first characters (the label tokens) on
    the folded lines."""
    for p in texts:
        lines = read_document(p).lines
        for ls in [*_variants(lines), *_variants(nfkc_lines(lines))]:
            for pattern in (detect._TITLE_CHARS, rt._LABEL_FIRST):
                assert list(lines_matching(ls, pattern)) == [i for i, t in enumerate(ls) if pattern.search(t)]


def _section_cells_plain(L: list[str], lo: int) -> list[tuple[str, int, bool]]:
    """payee_section_cells as it was before this round (the section's cells walked by each reader)."""
    out = []
    for text, line in rt._cut_total(rt._paragraph_cells(L, lo)):
        if SECTION_END.search(text):
            break
        if rt.is_page_mark(text):
            continue
        out.append((text, line, bool(rt._HEADER_WORD.search(text)) or rt._is_fragment(text)))
    return out


def _paragraph_cells_plain(lines: list[str], start: int) -> list[tuple[str, int]]:
    """_paragraph_cells_of folding every line again (join_wrapped, nfkc): each run of non-blank lines after
    ``start`` one cell, its digits-only pieces glued (not the last run's)."""
    from kg.extract import fields

    out, para = [], []
    for n in range(start + 1, len(lines) + 2):  # (a blank line after the last)
        t = nfkc(lines[n - 1]) if n <= len(lines) else ""
        if t:
            para.append((n, t))
            continue
        if para:
            parts = [x for _, x in para]
            glued = "".join(parts)
            out.append((glued if glued.isdigit() and n <= len(lines) else fields.join_wrapped(parts), para[0][0]))
            para = []
    return out


def test_payee_section_cells_and_tokens_equal_the_plain_forms(texts):
    seen = 0
    for p in texts:
        raw = read_document(p).lines
        L = nfkc_lines(raw)
        folded_lines(L)
        lo = rp._first_in(L, "支出先上位")
        if lo is None:
            continue
        seen += 1
        assert rt._paragraph_cells_of(L, lo) == _paragraph_cells_plain(raw, lo)
        got = rt.payee_section_cells(L, lo)
        assert got == _section_cells_plain(L, lo) and got
        assert got is not rt.payee_section_cells(L, lo)  # (each caller its own list)
        # the label tokens of the folded lines (taken as they are) and of the raw lines (folded by the reader)
        assert rt._tokens(L) == rt._tokens(list(raw))
    assert seen >= 5


def _sections(texts) -> list[list[pc.Item]]:
    """The payee sections' items as payee_columns builds them, and their title and header cuts' chunks."""
    out = []
    for p in texts:
        L = nfkc_lines(read_document(p).lines)
        lo = rp._first_in(L, "支出先上位")
        if lo is None or not rt.paragraph_style(L):
            continue
        items = [pc._new_item((it[0], it[1], line, it[3]))
                 for text, line, header in rt.payee_section_cells(L, lo) for it in pc._shapes(text, header)]
        out.append(items)
        out += [chunk for by in ("title", "header") for _, chunk in pc._chunks(items, by)]
    return out


def test_rank_run_flags_equal_in_rank_run(texts):
    rnd = random.Random(3)
    blocks = _sections(texts)
    assert sum(1 for b in blocks for c in range(len(b)) if pc._rank_run_flags(b)[c]) > 10  # (runs of ranks seen)
    for b in blocks:
        for core in (b, b[::-1], rnd.sample(b, len(b)), b[1:], [*b, pc.Item("num", "1", 0), pc.Item("num", "2", 0)]):
            assert pc._rank_run_flags(core) == [it.kind == "num" and pc._in_rank_run(core, c)
                                                for c, it in enumerate(core)]


def test_relabelled_rows_equal_replace(texts):
    rows = [r for b in _sections(texts) for r in (pc._block_core(b)[0] or [])]
    assert rows
    for r in rows:
        got = pc._new_column(("C", *r[1:]))
        assert got == r._replace(block="C") and type(got) is pc.Column and got.block == "C"


def test_records_of_the_texts_read_by_block(texts):
    """A fact the fast forms must keep: the generated sheet's pdftotext text gives its payee rows by 法人番号
    (13 digits) and amount, the same from its raw lines as from lines folded and cached by another reader."""
    for p in texts:
        if "pdftotext" not in p.name:
            continue
        rec = extract_doc(read_document(p))
        rows = [x for x in rec["payees"] if x.get("corporate_number")]
        assert rows and all(len(x["corporate_number"]) == 13 or x["corporate_number"] == "-" for x in rows)
        assert all(x["amount"] is not None for x in rows)
