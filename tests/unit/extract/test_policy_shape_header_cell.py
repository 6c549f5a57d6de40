"""政策評価 cells read by their shape (kg.extract.review_text.policy_by_shape) past a header cell among them: the 点検
column's 「チェック」 written after the 施策 label, then the 政策's cell 「III. 研究開発の推進」 (variant 1503 LO
pdftotext) — the pair is not (チェック, the 政策's cell): neither is known, never the 政策's name as the 施策."""
from __future__ import annotations

from kg.extract.review_text import label_lists
from kg.normalize.text import nfkc


def _lines(text: str) -> list[str]:
    return [nfkc(x) for x in text.split("\n")]


def _policy(*cells: str):
    text = "\n\n".join(["政策評価、 新経 政策評価 政策\n済・ 財政再生 計\n画との 関係", "政策評価 施策", *cells,
                        "該当箇所 3ページ目", "関連事業"])
    got = label_lists(_lines(text), 2021).get("policy_evaluation")
    return got.value if got else None


def test_a_header_cell_before_the_policy_cell_leaves_the_pair_unknown():
    got = _policy("チェック", "III. 研究開発の推進", "(7)防災基盤整 政策評価 https://www.soumu.go.jp/main_content/000766416.pdf\n備の推進\n書URL")
    assert not got or got.get("measure") != "III. 研究開発の推進"


def test_the_pair_of_text_cells_is_read():
    got = _policy("III. 研究開発の推進", "(7)防災基盤整備の推進")
    assert got == {"policy": "III. 研究開発の推進", "measure": "(7)防災基盤整備の推進"}
