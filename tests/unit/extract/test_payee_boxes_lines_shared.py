"""A paragraph of pdftotext's real-form text whose first line holds a payee's name, its 法人番号 and the 業務概要's
start side by side, then more lines (kg.extract.payee_boxes): each line after the first is the name's wrapped rest or
the 業務概要's, which the text does not say — both unknown, the 法人番号 and amount kept. Boxes as pdftotext wrote
LibreOffice's print of a real-form variant (tests/fixtures/real_variants.py, variant 1300's block A)."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import _read

HEAD = ["A.", "1", "支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等",
        "個人(A)", "-", "諸外国の動向に関する\n文書の分析及び要約作\n業", "275", "一般競争契約 (総合 2\n評価)", "45.5%",
        "一者応札・一者応募又は競争性のない随意契約となった\n理由及び改善策 (支出額10億円以上)", "-"]
TAIL = ["3", "(株)大和総研", "4782536765664 諸外国の動向に関する\n文書の分析及び要約作\n業、タイムスタンプ認\n定制度に関する調査",
        "92", "-", "-", "-",
        "4", "日本レジストリ 3986495467184 システムの設計・開発\nサービス(株)\n及び運用保守", "71", "随意契約 (企画競争 1\n)",
        "-", "-"]


def test_the_lines_after_a_line_holding_name_number_and_task_are_either_cells():
    notes: list = []
    rows = _read([*HEAD, "2", "一般財団法人日 9266324138735 会議等出席(諸謝金)\n本データ通信協\n会", "120",
                  "随意契約 (企画競争 1\n)", "-", *TAIL], notes)
    a2, a4 = rows[("A", 2)], rows[("A", 4)]
    assert (a2["name"], a2["corporate_number"], a2["description"], a2["amount"]) == (None, "9266324138735", None, "120")
    assert (a4["name"], a4["corporate_number"], a4["description"], a4["amount"]) == (None, "3986495467184", None, "71")
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["description"]) == ("個人(A)", "諸外国の動向に関する文書の分析及び要約作業")
    assert rows[("A", 3)]["name"] == "(株)大和総研"
    assert any("rank 2" in m for _, m in notes)


def test_a_line_holding_name_number_and_task_alone_keeps_them():
    rows = _read([*HEAD, "2", "一般財団法人日本データ通信協会 9266324138735 会議等出席(諸謝金)", "120",
                  "随意契約 (企画競争 1\n)", "-", *TAIL])
    a2 = rows[("A", 2)]
    assert (a2["name"], a2["corporate_number"], a2["description"]) == \
        ("一般財団法人日本データ通信協会", "9266324138735", "会議等出席(諸謝金)")
