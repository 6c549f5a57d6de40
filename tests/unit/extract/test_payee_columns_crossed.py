"""kg.extract.payee_columns._names_crossed: names written between the 法人番号 otherwise than as a column or one by
one (pdfminer.six's text of a reportlab print of the real form: block A of a generated variant, three rows)."""
from __future__ import annotations

from kg.extract.payee_columns import _names_crossed, payee_columns
from tests.unit.extract.test_payee_columns import HEADER, cells, houjin

C1, C2, C3 = houjin("689481362896"), houjin("361409260591"), houjin("288711145052")
N1, N2, N3 = "有限会社三菱総合研究所", "一般社団法人地方自治情報センター", "有限会社建設技術研究所"


def test_a_name_written_after_its_number_among_names_written_before_theirs_pairs_no_row():
    """「N2 | N3 | C1 | N1 | C2 | …」: read in order N2 would take C1 and N1 C3 (each row its neighbour's name)."""
    got, unread = payee_columns(cells(
        "A.", *HEADER, "1", "2", "3", N2, N3, C1, N1, C2, "36,354", "随意契約 (企画競争)", "3", "-", "-", "16,761",
        "随意契約 (公募)", "2", "-", "会議等出席(諸謝金)", "利用者の基本的な権利の保障", C3, "ガイドラインの英訳作業", "12,150",
        "補助金等交付", "-", "-", "-"))
    assert not any((r.name, r.corporate_number) in ((N2, C1), (N3, C2), (N1, C3)) for r in got)
    assert _names_crossed([4, 5, 7], [6, 8, 20])


def test_names_as_a_column_or_one_by_one_are_not_crossed():
    assert not _names_crossed([1, 2, 3], [4, 5, 6])  # a column
    assert not _names_crossed([1, 3, 5], [2, 4, 6])  # one by one
    assert not _names_crossed([1, 2, 7, 8], [3, 4, 9, 10])  # two columns (業務概要 between)
    assert not _names_crossed([2, 4], [1, 3])  # each name after its 法人番号
