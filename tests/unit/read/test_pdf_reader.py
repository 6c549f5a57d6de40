"""kg.read.pdf: real PDFs written with reportlab (Japanese CID font), read back with pdfplumber."""
from __future__ import annotations

import pytest

from kg.extract.review_pdf import extract
from kg.read import read_document
from kg.read.base import ReadError
from kg.read.pdf import read_pdf
from tests.conftest import SEEDS
from tests.helpers_pdf import write_blank_pdf, write_encrypted_pdf, write_text_pdf

SEED = SEEDS / "002_c3e6fb52ab9c5507.txt"


def _seed_pages(per_page: int = 45) -> list[list[str]]:
    """The seed's PDF text laid out again as PDF pages (page breaks only at blank lines)."""
    pages, cur = [], []
    for x in SEED.read_text(encoding="utf-8").split("\n"):
        if not x.strip() and len(cur) >= per_page:
            pages.append(cur)
            cur = []
        else:
            cur.append(x)
    return pages + [cur]


def test_text_lines_round_trip_with_gaps_and_locators(tmp_path):
    p = write_text_pdf(tmp_path / "s.pdf", [["平成２９年度行政事業レビューシート 総務省", "", "事業番号 0048",
                                             "担当課室 住民制度課 課長　阿部　知明"], ["3010005022218"]])
    doc = read_document(p)  # picked by content (%PDF), not by name
    assert doc.fmt == "pdf" and len(doc.sha256) == 64
    assert doc.lines == ["平成２９年度行政事業レビューシート 総務省", "", "事業番号 0048",
                         "担当課室 住民制度課 課長 阿部 知明", "", "3010005022218"]
    assert doc.locate(3) == "p1:L2" and doc.locate(6) == "p2:L1"


def test_seed_as_pdf_extracts_the_same_key_fields(tmp_path):
    doc = read_pdf(write_text_pdf(tmp_path / "sheet.pdf", _seed_pages()))
    assert doc.locate(1).startswith("p1:")
    rec = extract(doc)
    assert rec["sheet_fiscal_year"] == 2017 and rec["ministry"] == "総務省"
    assert rec["project_number"] == "0048"
    assert rec["project_name"] == "社会保障・税に関わる番号制度に関するシステム構築等に要する経費"
    assert rec["division"] == "住民制度課"
    b = {x["fiscal_year"]: x for x in rec["budget"]}
    assert b[2015]["total"] == 59555 and b[2016]["carried_to_next"] == -8501 and b[2018]["requested"] == 22218
    p = {(x["block"], x["rank"]): x for x in rec["payees"]}
    assert p[("C", 1)]["corporate_number"] == "7010701007922" and p[("A", 1)]["amount"] == 26818


def test_pdf_without_text_layer_is_refused(tmp_path):
    with pytest.raises(ReadError, match="no text layer"):
        read_pdf(write_blank_pdf(tmp_path / "scan.pdf"))


def test_encrypted_and_corrupt_pdfs_are_refused_naming_the_file(tmp_path):
    enc = write_encrypted_pdf(tmp_path / "locked.pdf", ["行政事業レビューシート"])
    with pytest.raises(ReadError, match="encrypted") as e:
        read_pdf(enc)
    assert "locked.pdf" in str(e.value)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(ReadError, match="corrupt") as e:
        read_document(bad)
    assert "broken.pdf" in str(e.value)


# ------------------------------------------------------------------ ruled forms (kg.read.pdf_grid)

def _h(y, x0, x1):
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


def _v(x, top, bottom):
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def _ch(text, x0, top, size=8.0, upright=True):
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "size": size,
            "upright": upright}


def test_cells_from_rulings_with_a_merged_cell():
    from kg.read.pdf_grid import page_cells

    # two rows, three columns; the top row's first two cells are merged (no ruling between them)
    edges = [_h(0, 0, 90), _h(20, 0, 90), _h(40, 0, 90), _v(0, 0, 40), _v(30, 20, 40), _v(60, 0, 40),
             _v(90, 0, 40)]
    cells = sorted(page_cells(edges))
    assert cells == [(0, 0, 60, 20), (0, 20, 30, 40), (30, 20, 60, 40), (60, 0, 90, 20), (60, 20, 90, 40)]
    assert page_cells([_h(0, 0, 90), _v(0, 0, 40)]) == []  # rulings that close no cell


def test_cell_text_rejoins_wrapped_and_stacked_text():
    from kg.read.pdf_grid import cell_text

    stacked = [_ch(c, 10, 10 * k) for k, c in enumerate("予算の状況")]
    assert cell_text(stacked) == "予算の状況"
    # a 法人番号 cut by the cell's width: no space; an ASCII word broken at a space: one space
    cut = [_ch(c, 4 * k, 0, size=4) for k, c in enumerate("2000020261")] + [_ch(c, 4 * k, 6, size=4)
                                                                             for k, c in enumerate("009")]
    assert cell_text(cut, right=41) == "2000020261009"
    spaced = [_ch(c, 4 * k, 0, size=4) for k, c in enumerate("Wi")] + [_ch(c, 4 * k, 6, size=4)
                                                                        for k, c in enumerate("Fi")]
    assert cell_text(spaced, right=60) == "Wi Fi"
    # a cell one character wide (real-form variant rv087's 作成責任者): the spaces its lines end with are the name's
    one_wide = [_ch(c, 10, 10 * k) for k, c in enumerate("審議官")] + [_ch(" ", 18, 20)] + [
        _ch(c, 10, 30 + 10 * k) for k, c in enumerate("渡辺")] + [_ch(" ", 18, 40)] + [
        _ch(c, 10, 50 + 10 * k) for k, c in enumerate("大輔")]
    assert cell_text(one_wide) == "審議官 渡辺 大輔"
    rotated = [_ch(c, 10, 10 * k, upright=False) for k, c in enumerate("支出先")]
    assert cell_text(rotated) == "支出先"


def test_a_cell_says_whether_the_width_cut_one_of_its_lines():
    from kg.read.pdf_grid import Cut, cell_text_cut

    def lines(*rows, size=7.5):
        return [_ch(c, 100 + size * k, 10 * r, size=size) for r, row in enumerate(rows) for k, c in enumerate(row)]

    # 「参事官 山本」 filled the cell: 「拓也」 joined with no space at offset 6, where the page cannot rule a space out
    assert cell_text_cut(lines("参事官 山本", "拓也"), right=100 + 7.5 * 6) == ("参事官 山本拓也", (Cut(6, "本拓"),))
    assert cell_text_cut(lines("審議官 山", "本直子"), right=100 + 7.5 * 5) == ("審議官 山本直子", (Cut(5, "山本"),))
    # broken with room left: the sheet's space; one line: nothing cut
    assert cell_text_cut(lines("参事官小林", "雅一"), right=100 + 7.5 * 8) == ("参事官小林 雅一", ())
    assert cell_text_cut(lines("室長 野中嘉人"), right=100 + 7.5 * 9) == ("室長 野中嘉人", ())


def test_a_line_broken_with_room_left_was_a_space_or_a_line_break_of_the_sheet():
    from kg.read.pdf_grid import cell_text

    def lines(*rows, size=7.5):
        return [_ch(c, 100 + size * k, 10 * r, size=size) for r, row in enumerate(rows) for k, c in enumerate(row)]

    # real-form variant rv001 (LibreOffice, 7.5 pt): 「参事官 小林 雅一」 broke after 「小林」 with a third of the cell left —
    # the .xlsx record has the space; 「雅一」 would have fitted
    assert cell_text(lines("参事官小林", "雅一"), right=100 + 7.5 * 8) == "参事官小林 雅一"
    # no room left, but PDFium reports the space the line broke at (「参事官 小林 」 over 「雅一」)
    assert cell_text(lines("参事官 小林 ", "雅一"), right=100 + 7.5 * 7) == "参事官 小林 雅一"
    # two ASCII words: a line not cut by the width broke at a space (「Asia」 over 「Wise法律事務所」)
    assert cell_text(lines("Asia", "Wise法律事務所"), right=100 + 7.5 * 7) == "Asia Wise法律事務所"
    # a line cut by the width: no space (「(総」 does not fit after 「一般競争契約」 in 7 characters' width)
    assert cell_text(lines("一般競争契約", "(総合評価)"), right=100 + 7.5 * 7) == "一般競争契約(総合評価)"
    # an ASCII word moves whole: 「(UNDP)」 did not fit after 「国際連合開発計画」, though 「(U」 would have
    row1 = "国際連合開発計画"
    assert cell_text(lines(row1, "(UNDP)"), right=100 + 7.5 * (len(row1) + 3)) == "国際連合開発計画(UNDP)"
    assert cell_text(lines(row1, "(UNDP)"), right=100 + 7.5 * (len(row1) + 9)) == "国際連合開発計画 (UNDP)"
    # what a wrap moves whole: 「(株)」 with the 「・」 after it, 「(株)TKC」 (no break after an ASCII 「)」 before a
    # Latin word) — room for 「(株」 is no room (real-form variants rv018, rv221, rv228: the names hold no space)
    assert cell_text(lines("(株)日本工営・", "(株)TKC共同"), right=100 + 7.5 * 9.5) == "(株)日本工営・(株)TKC共同"
    assert cell_text(lines("シー・エス・エス", "(株)・パシフィック"), right=100 + 7.5 * 11) == "シー・エス・エス(株)・パシフィック"
    assert cell_text(lines("(株)日本工営・", "(株)TKC共同"), right=100 + 7.5 * 16) == "(株)日本工営・ (株)TKC共同"
    # a Latin word followed by an opening bracket moves with the bracketed character after it: 「TKC(株)」 whole
    # (a line may not end with 「(」), so room for 「TKC(」 is no room (real-form variant rv264)
    assert cell_text(lines("(株)柏屋本店・", "TKC(株)共同"), right=100 + 7.5 * 13.5) == "(株)柏屋本店・TKC(株)共同"
    assert cell_text(lines("(株)柏屋本店・", "TKC(株)共同"), right=100 + 7.5 * 16) == "(株)柏屋本店・ TKC(株)共同"


@pytest.mark.parametrize("space", [True, False])
def test_a_space_a_wrapped_line_ends_with_is_read_from_its_own_text_object(tmp_path, space):
    """PDFium leaves out a space glyph drawn as a text object of its own at a line's end (LibreOffice prints the
    space a cell wrapped at so); kg.read.pdf_geometry reads it, and the cell keeps the sheet's space."""
    from kg.read.pdf_geometry import read_geometry
    from kg.read.pdf_grid import cell_text
    from tests.helpers_pdf import FONT, _canvas

    c, _ = _canvas(tmp_path / "wrap.pdf")
    c.setFont(FONT, 7.5)
    c.drawString(100, 700, "一般競争契約")
    if space:
        c.drawString(100 + 6 * 7.5, 700, " ")
    c.drawString(100, 690, "(総合評価)")
    c.showPage()
    c.save()
    chars, _edges = read_geometry(tmp_path / "wrap.pdf")[0]
    assert [ch["text"] for ch in chars][5:7] == (["約", " "] if space else ["約", "("])
    want = "一般競争契約 (総合評価)" if space else "一般競争契約(総合評価)"
    assert cell_text(chars, right=100 + 7.5 * 7) == want  # no room for 「(総」: only the glyph tells


def test_ruled_form_pdf_is_read_as_a_grid_with_page_locators(tmp_path):
    """reportlab draws a small ruled form over two pages; rows continue across the page break in the same
    columns, and the page number in the footer is not a row."""
    from reportlab.pdfgen import canvas

    from tests.helpers_pdf import FONT, _canvas

    c, (_w, h) = _canvas(tmp_path / "form.pdf")
    rows = [("事業名", "テスト事業", "担当部局庁", "自治行政局")] + [(str(k), f"支出先{k}", "3010005022218", str(10 * k))
                                                            for k in range(1, 45)]
    xs = (40, 120, 260, 360, 460)
    y = h - 40
    page = 1
    for r in rows:
        if y < 80:
            c.drawString(290, 30, f"{page} / 2")
            c.showPage()
            page, y = page + 1, h - 40
        c.setFont(FONT, 9)
        for k, text in enumerate(r):
            c.rect(xs[k], y - 20, xs[k + 1] - xs[k], 20)
            c.drawString(xs[k] + 3, y - 14, text)
        y -= 20
    c.drawString(290, 30, f"{page} / 2")
    c.showPage()
    c.save()
    assert isinstance(c, canvas.Canvas)
    doc = read_pdf(tmp_path / "form.pdf")
    assert doc.lines[0] == "事業名\tテスト事業\t担当部局庁\t自治行政局"
    assert doc.lines[1:] == [f"{k}\t支出先{k}\t3010005022218\t{10 * k}" for k in range(1, 45)]
    assert doc.locate(1) == "p1:R1" and doc.locate(len(doc.lines)).startswith("p2:R")


def test_a_half_width_space_of_a_japanese_font_is_a_space():
    from kg.read.pdf_grid import cell_text

    # LibreOffice's print of seed 003 fitted to the page (5.8 pt): 「V.」 ends at 140.5, 「情」 starts at 142.1 —
    # a gap of 0.28 of the font size where the sheet had a space; the glyphs of a word touch
    chars = [{"text": t, "x0": x0, "x1": x1, "top": 606.8, "bottom": 612.6, "size": 5.8, "upright": True}
             for t, x0, x1 in (("V", 135.3, 139.0), (".", 139.0, 140.5), ("情", 142.1, 147.9), ("報", 147.9, 153.7),
                               ("通", 153.7, 159.5), ("信", 159.6, 165.4))]
    assert cell_text(chars, right=200) == "V. 情報通信"


def test_a_comma_lower_than_its_digits_stays_on_their_line():
    from kg.read.pdf_grid import cell_text

    # held-out generated sheet 246 printed by LibreOffice at 5.8 pt: PDFium's box of 「,」 sits 2.3 pt lower and is
    # shorter than the digits'; grouped by its own box height it made a line of its own (「20488」 + 「,」)
    box = [("2", 250.4, 254.0, 248.6, 252.9), ("0", 254.1, 257.7, 248.6, 252.9), (",", 257.8, 259.3, 250.9, 253.8),
           ("4", 259.3, 262.9, 248.7, 252.9), ("8", 263.0, 266.6, 248.6, 253.0), ("8", 266.7, 270.3, 248.6, 253.0)]
    chars = [{"text": t, "x0": a, "x1": b, "top": top, "bottom": bot, "size": 5.8, "upright": True}
             for t, a, b, top, bot in box]
    assert cell_text(chars, right=300) == "20,488"


def test_form_printed_without_rulings_is_read_in_rows(tmp_path):
    """A real-form variant printed with no ruling line (no grid to rebuild): its text lines hold cells side by
    side, so each line is read as a row (as pdfplumber's text) and the row readers read it — with paragraph breaks
    at vertical gaps (seed 002's kind) its payee rows were all unknown. Seed 002's kind stays paragraphs (above)."""
    from kg.extract.dispatch import extract_path
    from tests.fixtures.real_variants import make_variant, write_variant
    from tests.fixtures.seed_prints import reportlab_print

    xlsx = write_variant(make_variant(1), tmp_path)
    pdf = reportlab_print(xlsx, tmp_path / "rv001.pdf", rulings=False)
    doc = read_pdf(pdf)
    assert doc.fmt == "pdf" and "\t" not in "".join(doc.lines)  # text lines, not a grid
    ref, rec = extract_path(xlsx), extract(doc)
    want = {(p["block"], p["rank"]): (p["corporate_number"], p["amount"]) for p in ref["payees"]}
    got = {(p["block"], p["rank"]): (p["corporate_number"], p["amount"]) for p in rec["payees"]}
    assert got[("C", 1)] == ("2372150301626", 5331.0)
    assert len(got) >= 0.8 * len(want) and all(want[k] == v for k, v in got.items())
    assert rec["sheet_fiscal_year"] == ref["sheet_fiscal_year"] and rec["project_name"] in (None, ref["project_name"])
