"""作成責任者 of pdftotext's LibreOffice text whose header cells are written on after the 事業の目的 block (the
事業終了 row's labels, 「主要経費」, the bureau, 「作成責任者」, the division, then the official): the official is
read there, the header's labels resuming the header; text after a later block's label (事業概要) is not looked at."""
from __future__ import annotations

from kg.extract.review_text import officials_by_shape, tokens
from kg.normalize.text import nfkc

_TEXT = ("事業名\n\nシステム運用調査支援対策事業\n\n担当部局庁\n\n事業開始年度\n\n平成3年度\n\n会計区分\n\n"
         "エネルギー対策特別会計\n\n主要政策・施策\n\n地方創生\n\n事業の目的 (目指\nす姿を簡潔に。3\n行程度以内)\n\n"
         "システム運用調査支援対策事業について、国民の利便性の向上と行政の効率化を図る。\n\n"
         "事業終了(予定)年度 終了予定なし 担当課室\n\n主要経費\n\n地球環境局\n\n作成責任者\n\n整備課\n\n"
         "企画官 佐々木 信\n\n経済協力\n\n事業概要 (5行程度 システム運用調査支援対策事業について、調査研究の成果を取りまとめる。\n")


def _lines(text: str) -> list[str]:
    return [nfkc(x) for x in text.split("\n")]


def test_an_official_written_after_the_purpose_block_among_the_header_cells_is_read():
    lines = _lines(_TEXT)
    found = officials_by_shape(tokens(lines), lines)
    assert found is not None and found.value == ["企画官 佐々木 信"]


def test_an_official_after_a_later_blocks_label_is_not_read():
    # (the 作成責任者 label before 事業の目的: its cell is looked for up to there only, not in 事業概要's text on)
    text = _TEXT.replace("作成責任者\n\n整備課\n\n企画官 佐々木 信\n\n経済協力\n\n", "整備課\n\n経済協力\n\n")
    text = text.replace("担当部局庁\n\n", "担当部局庁\n\n作成責任者\n\n") + "\n課長 山田 太郎\n"
    lines = _lines(text)
    assert officials_by_shape(tokens(lines), lines) is None
