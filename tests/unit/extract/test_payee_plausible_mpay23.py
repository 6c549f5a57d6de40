"""Payee cells that the record's own shapes put in doubt (kg.extract.review_pdf): a 業務概要 that is a body's name
(the payee's name written after its 法人番号) leaves the next row's amount and, after a row read with neither name
nor 法人番号, its own 法人番号 unknown; a name that a list of tasks in the section names is no name; a 業務概要 ending in
「、」 is cut."""
from __future__ import annotations

from kg.extract.review_pdf import (
    _cells_after_named_description,
    _descriptions_plausible,
    _listed_tasks,
    _payee_cells_plausible,
)
from kg.normalize.text import nfkc_lines
from kg.records import new_record


def _rec(payees: list[dict]) -> dict:
    rec = new_record("review_sheet", "x")
    rec["payees"] = payees
    return rec


def test_the_amount_after_a_name_read_as_a_description_is_unknown():
    # (a real-form variant's reportlab print: 「1 | 9832168838720 | 国立研究開発法人情報通信研究機構 | 2 | 北海道 |
    # 7000020010006 | 238 | 随意契約」, E1's name after its number and its amount 238 after E2's number)
    rec = _rec([{"block": "E", "rank": 1, "corporate_number": "9832168838720",
                 "description": "国立研究開発法人情報通信研究機構"},
                {"block": "E", "rank": 2, "name": "北海道", "corporate_number": "7000020010006", "amount": 238,
                 "contract_method": "随意契約 (企画競争)"},
                {"block": "F", "rank": 1, "name": "株式会社日本工営", "corporate_number": "8697802737427", "amount": 9.5}])
    _cells_after_named_description(rec)
    e2 = rec["payees"][1]
    assert (e2["name"], e2["corporate_number"], e2["amount"], e2["contract_method"]) == \
        ("北海道", "7000020010006", None, None)
    assert rec["payees"][0]["corporate_number"] == "9832168838720"  # (the first row of its block: nothing before)
    assert rec["payees"][2]["amount"] == 9.5


def test_the_number_of_a_row_with_a_joint_ventures_name_after_a_bare_row_is_unknown():
    # (「6579853427854 | 有限会社富士通Japan・日本翻訳センター(株)共同企業体 | 0.2 | その他」: the number A3's, whose row was
    # read with its amount only; the joint venture A4, its own 法人番号 a 「-」)
    rec = _rec([{"block": "A", "rank": 3, "amount": 0.3},
                {"block": "A", "rank": 4, "corporate_number": "6579853427854",
                 "description": "有限会社富士通Japan・日本翻訳センター(株)共同企業体", "amount": 0.2, "contract_method": "その他"}])
    _cells_after_named_description(rec)
    assert rec["payees"][1]["corporate_number"] is None
    assert (rec["payees"][1]["amount"], rec["payees"][1]["contract_method"]) == (0.2, "その他")


def test_a_description_of_its_own_leaves_the_next_row_alone():
    rec = _rec([{"block": "A", "rank": 1, "name": "株式会社柏屋本店", "corporate_number": "4564275878019",
                 "description": "ガイドラインの英訳作業", "amount": 12},
                {"block": "A", "rank": 2, "name": "北海道", "corporate_number": "7000020010006", "amount": 8}])
    _cells_after_named_description(rec)
    assert rec["payees"][1]["amount"] == 8


def test_a_name_that_a_list_of_tasks_in_the_section_names_is_left_out():
    L = nfkc_lines(["### 支出先上位10者リスト", "", "A", "", "エヌ・ティ・ティ・データ経営研究所株式会社", "",
                    "2116047512205", "", "視察(旅費の支払)", "", "5160902140014", "", "ヘルプデスク業務", "",
                    "視察(旅費の支払)、機器の賃貸借 46", "", "-"])
    assert {"視察(旅費の支払)", "機器の賃貸借"} <= _listed_tasks(L)
    rec = _rec([{"block": "C", "rank": 3, "name": "視察(旅費の支払)", "corporate_number": "5160902140014", "amount": 1.8},
                {"block": "C", "rank": 4, "name": "株式会社伊藤忠テクノソリューションズ", "amount": 1}])
    _payee_cells_plausible(rec, lambda: _listed_tasks(L))
    assert [p["name"] for p in rec["payees"]] == [None, "株式会社伊藤忠テクノソリューションズ"]
    assert rec["payees"][0]["corporate_number"] == "5160902140014"


def test_a_description_cut_after_its_comma_is_left_out():
    rec = _rec([{"block": "C", "rank": 2, "name": "日本レジストリサービス株式会社", "corporate_number": "4903322732715",
                 "description": "視察(旅費の支払)、", "amount": 1.2},
                {"block": "C", "rank": 3, "name": "(株)OCS", "description": "視察(旅費の支払)、機器の賃貸借", "amount": 1}])
    _descriptions_plausible(rec)
    assert [p["description"] for p in rec["payees"]] == [None, "視察(旅費の支払)、機器の賃貸借"]


def test_a_name_shaped_as_a_task_naming_no_entity_is_left_out():
    # (reportlab's print of a real-form variant: C4's name read as 「ヘルプデスク業務」, the 業務概要 written before its number)
    rec = _rec([{"block": "C", "rank": 4, "name": "ヘルプデスク業務", "corporate_number": "1976792105978", "amount": 1},
                {"block": "C", "rank": 5, "name": "(株)日本工営", "amount": 0.5},
                {"block": "D", "rank": 1, "name": "講師謝金(講師B)", "amount": 0.4}])
    _payee_cells_plausible(rec)
    assert [p["name"] for p in rec["payees"]] == [None, "(株)日本工営", "講師謝金(講師B)"]
    assert rec["payees"][0]["corporate_number"] == "1976792105978"
