"""Speed paths of kg/extract/payee_columns.py against their plain forms (issue 17: pdfminer.six text >= 50
sheets/s). A block that holds its 計 label tries each of its numbers as the 計 (the block read again without
it); ``_may_add_up`` skips a number no reading of the other cells can add up to. Here on the pooled columns of
generated sheets (tests/fixtures/review_sheets.py: reportlab's print, the text of pdfminer.six and pdftotext)
and on variants of their blocks: every skipped number is one the plain reading rejects, and the records are
those of the plain form (no number skipped), 法人番号 and amounts as the generator wrote them."""
from __future__ import annotations

import random
import shutil

import pytest

import kg.extract.payee_columns as pc
from kg.extract.dispatch import extract_doc
from kg.read import read_document
from tests.fixtures.review_sheets import more_sheets, text_pdfminer, text_pdftotext, write_reportlab_pdf

SEEDS = (17, 29, 33)  # 12 blocks of 1-8 rows, 12 of 1-10, 6 of 1-4 (more_sheets: blocks and rows by seed)


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    """{(sheet, tool): text file} and the sheets' truth, from reportlab's print (no LibreOffice needed)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("poppler's pdftotext is not installed (apt-get install poppler-utils)", pytrace=False)
    out, truth = {}, {}
    d = tmp_path_factory.mktemp("payee-bounds")
    for sheet in more_sheets(list(SEEDS)):
        pdf = write_reportlab_pdf(sheet, d / f"{sheet.name}.rl.pdf")
        truth[sheet.name] = sheet.truth
        for tool, fn in (("pdfminer", text_pdfminer), ("pdftotext", text_pdftotext)):
            p = d / f"{sheet.name}.rl.{tool}.txt"
            p.write_text(fn(pdf), encoding="utf-8")
            out[sheet.name, tool] = p
    return out, truth


def _cores(texts, monkeypatch) -> list[list[pc.Item]]:
    """Every block (its cells without the 計 label) that ``_block_of`` tried numbers of as its 計."""
    seen: list[list[pc.Item]] = []
    real = pc._sum_bounds

    def spy(core):
        seen.append(list(core))
        return real(core)

    monkeypatch.setattr(pc, "_sum_bounds", spy)
    for p in texts.values():
        extract_doc(read_document(p))
    monkeypatch.setattr(pc, "_sum_bounds", real)
    return seen


def _variants(core: list[pc.Item], rng: random.Random) -> list[list[pc.Item]]:
    """The block as read, and copies with a cell dropped, two neighbours swapped, a number copied elsewhere."""
    out = [core]
    for _ in range(6):
        v = list(core)
        k = rng.randrange(len(v))
        what = rng.randrange(3)
        if what == 0 and len(v) > 2:
            del v[k]
        elif what == 1 and k + 1 < len(v):
            v[k], v[k + 1] = v[k + 1], v[k]
        else:
            nums = [it for it in v if it.kind == "num"]
            if nums:
                v.insert(k, rng.choice(nums))
        out.append(v)
    return out


def test_a_skipped_number_is_one_the_plain_reading_rejects(texts, monkeypatch):
    cores = _cores(texts[0], monkeypatch)
    assert len(cores) > 50
    rng = random.Random(17)
    skipped = kept = readings = 0
    for core in cores:
        for block in _variants(core, rng):
            bounds = pc._sum_bounds(block)
            for c, it in enumerate(block):
                if it.kind != "num":
                    continue
                got, _ = pc._block_core_of.__wrapped__(tuple(block[:c] + block[c + 1:]))
                adds = got is not None and pc._adds_up(got, pc._value(it.text))
                readings += adds
                if pc._may_add_up(bounds, it):
                    kept += 1
                else:
                    skipped += 1
                    assert not adds, (block, it)  # never skip a number the plain reading takes as the 計
    assert skipped > kept and readings > 100  # (the bound does prune, and real 計 figures are among the kept)


def test_records_equal_the_plain_form_and_the_generated_rows(texts, monkeypatch):
    files, truth = texts
    fast = {k: extract_doc(read_document(p)) for k, p in files.items()}
    monkeypatch.setattr(pc, "_may_add_up", lambda bounds, it: True)  # the plain form: every number tried
    plain = {k: extract_doc(read_document(p)) for k, p in files.items()}
    assert fast == plain
    read = 0
    for (name, _tool), rec in fast.items():
        rows = {(b, r): (corp, amount) for b, r, corp, amount in truth[name]["payees"]}
        for p in rec["payees"]:  # every row read is the generator's: 法人番号 and amount
            assert rows[p["block"], p["rank"]] == (p["corporate_number"], p["amount"]), (name, p)
            read += 1
    assert read >= 200
