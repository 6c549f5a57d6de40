"""Never confidently wrong (issue 17): values fresh real-form variants of the twenty-fourth session (2530–2574,
tests/fixtures/real_variants.py; nobody tuned on them) were read wrong by — now unknown. Excerpts as the tools wrote
them; values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.legal_text import stray_articles
from kg.extract.payee_form_text import form_rows
from kg.extract.review_pdf import _latin_joined
from kg.extract.review_text import policy_value_plausible
from kg.normalize.law_ref import parse_legal_bases
from kg.records import new_record


def _paras(*cells):
    out: list[str] = []
    for c in cells:
        out += ([c] if isinstance(c, str) else list(c)) + [""]
    return out


def test_a_method_written_right_after_a_row_is_unknown_when_the_row_before_has_none_and_methods_stand_past_the_total():
    # (variant 2569 LO pdftotext block B: row 1 reads no 契約方式; 「その他」 after row 2's cells is row 1's, row 2's
    # 「随意契約 (企画競争)」 written past the block's 計 with the others' — row 2 read 「その他」)
    lines = _paras("B.", "支出先", "法人番号", "業務概要", ["支出額 (百 契約方式等 入札者数 (応募", "万円)"], "者数)",
                   "1", "職員旅費(職員A)", "-", ["システムの設 704", "計・開発及び", "運用保守、ヘ", "ルプデスク業", "務"],
                   "2", ["有限会社大和総研 1905396594 補助事業の実 651", "403", "施、機器の賃", "貸借"], "その他",
                   "3", "柏屋本店(株)", ["3257873263 セキュリティ 227", "590", "説明会の開催"],
                   "4", ["特定非営利活動法 8801259980 機器の賃貸借 143", "人日本情報システ 577", "ム・ユーザー協会"],
                   "計", ["随意契約 (企 3", "画競争)"], "-", "その他", "--", "-", "1,725", "C.")
    rows = {(r.block, r.rank): r.cells for r in form_rows(["支出先上位10者リスト", "", *lines], 1, []) or []}
    b2 = rows[("B", 2)]
    assert (b2["corporate_number"], b2["amount"]) == ("1905396594403", "651")
    assert b2["contract_method"] is None  # (not 「その他」: want 随意契約 (企画競争))


def test_latin_letters_run_on_across_a_line_of_text_that_keeps_no_trailing_space_are_unknown():
    # (variant 2571 rl pdftotext A2: 「Price」「water」「hous」「eCoo」「pers」「LLP」 read 「PricewaterhouseCoopersLLP」;
    # want 「PricewaterhouseCoopers LLP」)
    lines = ["2", "", "Price", "water", "hous", "eCoo", "pers", "LLP", "", "-"]
    rec = new_record("x.txt", "review_sheet")
    rec["payees"] = [{"block": "A", "rank": 2, "name": "PricewaterhouseCoopersLLP", "description": "普及啓発コンテンツの作成"}]
    _latin_joined(rec, lines, lines)
    assert rec["payees"][0]["name"] is None and rec["payees"][0]["description"] == "普及啓発コンテンツの作成"
    # (pdfminer.six keeps the space a line was wrapped at: a line ending without one was wrapped inside the word)
    rec["payees"][0]["name"] = "PricewaterhouseCoopersLLP"
    _latin_joined(rec, lines, ["随意契約 ", *lines])
    assert rec["payees"][0]["name"] == "PricewaterhouseCoopersLLP"


def test_a_bare_article_after_words_that_are_no_title_is_not_the_law_befores():
    # (variant 2542 rl pdftotext: 「土地基本法第39条第3項 国立研」 over 「110条」, the next law's 第 and title beside the
    # 関係する計画 label: 110 is 国立研究開発法人情報通信研究機構法's, not 土地基本法's)
    text = "土地基本法第39条第3項国立研110条"
    bases = parse_legal_bases(text)
    assert stray_articles(text, bases) == [("土地基本法", {"article": "110"})]
    text = "地方自治法第252条、253条"  # (a list: the law's own)
    assert stray_articles(text, parse_legal_bases(text)) == []


def test_a_purpose_sentence_is_no_policy():
    # (variant 2544 rl pdfplumber: the 政策 label's piece of 「主要政策・施策」 then the 事業の目的 cell's first line)
    assert not policy_value_plausible("支援システム運用情報研究開発人材育成に関する調査研究について、地方公共団体の情報セキュリティ")
    assert policy_value_plausible("I. データ活用")
