"""Payee rows pdfminer.six wrote as columns (kg.extract.payee_columns_pm): the names and their anchors, then the
業務概要, then the amounts with their 契約方式 and right cells, of k rows one after another. Boxes as pdfminer.six wrote
them for rv680 (LibreOffice's print of a generated variant of the real form), names replaced."""
from __future__ import annotations

from kg.extract.payee_boxes import _CONTRACT, _kind
from kg.extract.payee_columns_pm import column_rows, with_column_rows
from kg.extract.payee_rows_text import PayeeRow

# block B (four rows) after the run, then block C's two rows after its letter and ranks
TEXTS = ["B", "1", "2", "3", "4", "C", "1", "2",
         "甲総合研究所(株)", "1239360513021", "国際連合乙計画(UNDP)", "-", "丙マーケティング株式会社", "5536102844687",
         "京都市", "2000020261009", "定期刊行物の購読、研修の企画運営", "文書の分析及び要約作業、ヘルプデスク業務",
         "データ整備及び分析業務", "ガイドラインの英訳作業", "25,129", "補助金等交付 -", "--", "10,240",
         "随意契約 (その他)", "-", "-", "-", "9,603", "補助金等交付 -", "8,196", "その他", "-", "-", "--", "-",
         "D", "1",
         "株式会社丁Japan", "1587629928167", "合同会社戊イノベーション", "6679552854851", "研修の企画運営",
         "データ整備及び分析業務", "12,390", "随意契約 (企画競争)", "2", "-", "3,903", "一般競争契約(最低価格)", "3",
         "80.3%"]


def _run(texts: list[str]) -> set[int]:
    """The block letters and ranks (a letter, or a rank right after a letter or a rank)."""
    out: set[int] = set()
    for i, t in enumerate(texts):
        if t in ("A", "B", "C", "D") or (t.isdigit() and len(t) == 1 and i - 1 in out):
            out.add(i)
    return out


def _boxes(texts: list[str]) -> list[tuple[str, str, int]]:
    return [(_kind(t), t, n + 1) for n, t in enumerate(texts)]


def _read(texts: list[str]) -> list[list[dict]]:
    return column_rows(_boxes(texts), _run(texts), lambda b: b[1], lambda b: _CONTRACT.match(b[1])[1])


def test_rows_written_as_columns_are_read_in_order():
    got = _read(TEXTS)
    assert [[(r["name"], r["corporate_number"], r["amount"]) for r in s] for s in got] == [
        [("甲総合研究所(株)", "1239360513021", "25,129"), ("国際連合乙計画(UNDP)", None, "10,240"),
         ("丙マーケティング株式会社", "5536102844687", "9,603"), ("京都市", "2000020261009", "8,196")],
        [("株式会社丁Japan", "1587629928167", "12,390"), ("合同会社戊イノベーション", "6679552854851", "3,903")]]
    first, second = got
    assert first[1]["description"] == "文書の分析及び要約作業、ヘルプデスク業務" and first[1]["contract_method"] == "随意契約 (その他)"
    assert first[3]["contract_method"] == "その他" and first[0]["bidders"] is None
    assert (second[0]["bidders"], second[0]["award_rate"]) == ("2", None)
    assert (second[1]["bidders"], second[1]["award_rate"]) == ("3", "80.3%")


def test_columns_that_do_not_count_alike_or_rise_are_not_read():
    fewer = TEXTS[:19] + TEXTS[20:]  # (three 業務概要 for four names: which is whose is not established)
    assert [len(s) for s in _read(fewer)] == [2]
    rising = [*TEXTS]
    rising[rising.index("10,240")] = "30,240"  # (the amounts rise: not the order of the ranks)
    assert [len(s) for s in _read(rising)] == [2]
    after_text = ["丁報告書の作成", *TEXTS[8:36]]  # (a text box before the first name: that name may be its row's)
    assert column_rows(_boxes(after_text), set(), lambda b: b[1], lambda b: _CONTRACT.match(b[1])[1]) == []


def test_rows_placed_by_their_amounts_get_the_column_rows_cells():
    rows = [PayeeRow("B", n + 1, {"amount": a}, 0, False) for n, a in enumerate(["25,129", "10,240", "9,603", "8,196"])]
    filled = with_column_rows(rows, _read(TEXTS))
    assert filled[0].cells["name"] == "甲総合研究所(株)" and filled[0].cells["corporate_number"] == "1239360513021"
    assert filled[3].cells["description"] == "ガイドラインの英訳作業" and filled[3].cells["amount"] == "8,196"
    # a row whose own reading differs (another 法人番号), or rows not one block's ranks in order: left as they are
    other = [rows[0]._replace(cells={"amount": "25,129", "corporate_number": "5000020151009"}), *rows[1:]]
    assert with_column_rows(other, _read(TEXTS)) == other
    apart = [rows[0], rows[1]._replace(rank=3), rows[2]._replace(rank=2), rows[3]]
    assert with_column_rows(apart, _read(TEXTS)) == apart


def test_a_name_and_its_number_in_one_box_is_one_columns_pair():
    texts = ["A", "1", "2", "甲総合研究所(株) 1239360513021", "京都市 2000020261009", "定期刊行物の購読",
             "ガイドラインの英訳作業", "25,129", "補助金等交付", "8,196", "その他", "-"]
    got = _read(texts)
    assert [(r["name"], r["corporate_number"], r["description"], r["amount"]) for r in got[0]] == [
        ("甲総合研究所(株)", "1239360513021", "定期刊行物の購読", "25,129"), ("京都市", "2000020261009", "ガイドラインの英訳作業", "8,196")]


def test_a_space_between_wide_characters_leaves_that_name_unknown():
    texts = [*TEXTS]
    texts[texts.index("丙マーケティング株式会社")] = "丙マーケテ ィング株式会社"  # (pdftotext's space inside a word)
    got = _read(texts)[0]
    assert got[2]["name"] is None and got[2]["corporate_number"] == "5536102844687" and got[2]["amount"] == "9,603"
    assert got[1]["name"] == "国際連合乙計画(UNDP)"


def test_description_and_amount_pairs_after_the_names_are_read_without_their_methods():
    # rv671 (reportlab): 「name | 法人番号 | name 法人番号 | 業務概要 | 11,696 | 業務概要 | 7,943 | 19,639 | - … | 補助金等交付」:
    # the two rows' 業務概要 and amounts written row by row, their 計 and right cells in one heap after them
    texts = ["B", "1", "2", "大和総研株式会社", "4788357620723", "有限会社甲・エス・エス 5979993476366", "会議等出席(諸謝金)",
             "11,696", "実証事業の実施", "7,943", "19,639", "-", "-", "--", "-", "補助金等交付", "C", "1"]
    got = _read(texts)
    assert [(r["name"], r["corporate_number"], r["description"], r["amount"]) for r in got[0]] == [
        ("大和総研株式会社", "4788357620723", "会議等出席(諸謝金)", "11,696"),
        ("有限会社甲・エス・エス", "5979993476366", "実証事業の実施", "7,943")]
    assert "contract_method" not in got[0][1]
    rising = [*texts]
    rising[rising.index("7,943")] = "17,943"
    assert _read(rising) == []
