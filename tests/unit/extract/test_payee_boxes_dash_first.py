"""A payee with no 法人番号 whose 「-」 pdfminer.six wrote before its name, its amount a figure of one or two digits
(kg.extract.payee_boxes._loose_name with ``short``): 「- | name | 業務概要 | 52 | 随意契約(公募) | 1 | - | -」 is a row of
its own — its 業務概要, amount and 契約方式 follow its name at once — so the rows count as the ranks. Boxes as
pdfminer.six wrote them for a generated variant of the real form printed by reportlab (names replaced)."""
from __future__ import annotations

from kg.extract.payee_boxes import _anchors, _kind
from tests.unit.extract.test_payee_boxes_late_names import HEADER, _read

# block A: three rows at a 法人番号 (the second's name written after its cells, before the third's); block B: one
# payee with no 法人番号, its 「-」 before its name, after the run's rank
SECTION = [
    "A.", "1", "2", "3", "B.", *HEADER,
    "甲府県", "4000020270008", "27", "システムの設計・開発及び運用保守", "随意契約(公募)", "2",
    "7439961774119", "研修の企画運営", "21", "随意契約(その他)", "-", "有限会社乙マーケティング",
    "(株)丙せい", "3857821378174", "ガイドラインの英訳作業", "6.4", "その他", "-", "-", "-", "-",
    "1", "-", "Dingwater Partners LLP", "利用者の権利の保障の在り方を巡る諸外国の法制度の調査", "52",
    "随意契約(公募)", "1", "-", "-",
]



def test_a_name_after_its_dash_with_a_two_digit_amount_is_a_row_of_its_own():
    rows = _read(SECTION, [])
    assert rows[("B", 1)]["name"] == "Dingwater Partners LLP" and rows[("B", 1)]["amount"] == "52"
    assert rows[("B", 1)]["corporate_number"] is None and rows[("B", 1)]["contract_method"].replace(" ", "") == "随意契約(公募)"
    assert rows[("A", 1)]["corporate_number"] == "4000020270008" and rows[("A", 1)]["amount"] == "27"
    assert rows[("A", 3)]["corporate_number"] == "3857821378174" and rows[("A", 3)]["amount"] == "6.4"


def _boxes(texts: list[str]) -> list[tuple[str, str, int]]:
    return [(_kind(t), t, n + 1) for n, t in enumerate(texts)]


def test_the_short_amount_counts_only_right_after_the_description_and_before_a_method():
    texts = ["A.", "1", "2", "甲府県", "4000020270008", "研修の企画運営", "27", "随意契約(公募)", "-",
             "Dingwater Partners LLP", "諸外国の法制度の調査", "12", "随意契約(公募)", "-"]
    assert 9 in _anchors(_boxes(texts), {0, 1, 2}, loose=2)
    assert 9 not in _anchors(_boxes(texts), {0, 1, 2}, loose=1)  # (a two-digit figure: only when the count needs it)
    no_method = texts[:12] + ["-", "-"]  # (no 契約方式 after the figure: an 入札者数 maybe, not established as the amount)
    assert 9 not in _anchors(_boxes(no_method), {0, 1, 2}, loose=2)


def test_a_loose_name_with_a_space_between_wide_characters_is_unknown():
    # (pdftotext writes 「日本翻訳センタ ー(株)」: the row stands, its name is not established)
    at = SECTION.index("Dingwater Partners LLP")
    rows = _read([*SECTION[:at], "丁ウォータ ーパートナーズ(株)・戊共同企業体", *SECTION[at + 1:]], [])
    assert rows[("B", 1)]["name"] is None and rows[("B", 1)]["amount"] == "52"
