"""The 関係する計画、通知等 label wrapped two characters a line in its narrow cell, pdftotext writing each piece at the end
of the law cell's line (「…基本法第82条・ 関係」 over 「体的な条項」 over 「…特別措置法第94 する」 over 「も記載)」 over 「…信託業務
計画」): 「関係」 is the label's head, proved by the pieces below it, and no part of the next law's title (fresh variant
2043 reportlab pdftotext read the law 「関係果樹農業振興特別措置法」). A title of its own may start with 関係."""
from __future__ import annotations

from kg.extract.review_pdf import extract
from kg.read.base import RawDoc

_HEAD = "令和4年度行政事業レビューシート (農林水産省)\n"
_ROW = ("根拠法令 (具 交通安全対策基本法第82条・ 関係\n体的な条項\n果樹農業振興特別措置法第94 する\nも記載)\n"
        "条の10・金融機関の信託業務 計画\nの兼営等に関する法律第62条 、通\nの22\n知等\n\n"
        "規制改革実施計画(平成27年4月18日サイバーセキュリティ戦略本部決定) サイバーセキュリ\n"
        "ティ戦略(平成24年3月3日関係閣僚会議決定)\n\n主要政策・\n施策\n")


def _run(text: str) -> dict:
    return extract(RawDoc(path="real.txt", lines=(_HEAD + text).rstrip("\n").split("\n")))


def test_the_plans_labels_head_at_the_lines_end_is_no_part_of_the_next_law():
    laws = [b["law"] for b in _run(_ROW)["legal_bases"] or []]
    assert "関係果樹農業振興特別措置法" not in laws
    assert "果樹農業振興特別措置法" in laws and "交通安全対策基本法" in laws


def test_a_title_starting_with_kankei_with_no_label_pieces_below_stays_whole():
    row = ("根拠法令 (具 交通安全対策基本法第82条・ 関係する計画、通知等 規制改革実施計画(平成27年4月18日閣議決定)\n"
           "体的な条項も記載) 関係法令整備法第3条\n\n主要政策・\n施策\n")
    laws = [b["law"] for b in _run(row)["legal_bases"] or []]
    assert laws == ["交通安全対策基本法", "関係法令整備法"]
