"""A payee row whose wrapped piece was left to either cell (name or 業務概要, both unknown) gives no measure of the
table's columns: the pieces after it went to a cell only because the guess made the other look ended, so a column
read from them is the guess's. Held-out variant 1973 reportlab pdfplumber: block A's name pieces 「日経BPマ」
「ーケティ」「ング共同」 went to the 業務概要 (the row left unknown), 「ング共同」 set the 業務概要's column to four
characters, and block C's 「業の実」 was then read as ended: its 「施」 was glued to the name (「(株)日立システムズ施」)."""
from __future__ import annotations

from kg.extract.payee_rows_text import payee_rows

HEADER = ["支出先 法人番号 業務概 支出額 (百 契約方 入札 落札 一者応札・一者応募",
          "要 万円) 式等 者数 ( 率 又は競争性のない随", "応募 意契約となった理由", "者数) 及び改善策 (支出額",
          "10億円以上)"]
LINES = ["### 支出先上位10者リスト", "A.", *HEADER,
         "1 日立シス - 普及啓 40,092 補助金 - -- -", "テムズ株 発コン 等交付", "式会社・ テンツ", "合同会社 の作成",
         "日経BPマ", "ーケティ", "ング共同", "企業体",
         "B.", *HEADER,
         "1 公益財団 9507906962 利用者 26,697 随意契 - -", "法人国際 517 の基本 約 (その", "協力推進 的な権 他)",
         "協会 利の保", "障の在", "り方を", "巡る諸", "外国の", "法制度", "・実態", "の調査",
         "C.", *HEADER,
         "1 (株)日立シ 8286484397 補助事 50,145 一般競 8 51% -", "ステムズ 896 業の実 争契約 (", "施 総合評", "価)",
         "D."]


def test_a_piece_after_two_full_lines_is_neither_cells_when_the_column_came_from_a_guess():
    rows = {(r.block, r.rank): r.cells for r in payee_rows(LINES, 0)}
    c1 = rows[("C", 1)]
    assert c1["corporate_number"] == "8286484397896" and c1["amount"] == "50,145"
    assert c1["name"] != "(株)日立システムズ施" and c1["description"] != "補助事業の実"
    b1 = rows[("B", 1)]
    assert b1["name"] == "公益財団法人国際協力推進協会" and b1["corporate_number"] == "9507906962517"
