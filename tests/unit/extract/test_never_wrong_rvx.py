"""Never confidently wrong (issue 17), on a set of real-form variants made this session (1200–1229) that no rule was
tuned on: a 担当部局 read as the header row's labels, a law's title with the 関係する計画 label's piece glued inside it,
a plan whose title is its wrapped last line alone — each now unknown with a warning, by the form's labels and the
values' own shapes. Excerpts as the tools wrote them; values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.legal_text import implausible_laws
from kg.extract.review_pdf import _orgs_plausible, _plans
from kg.extract.review_text import plans_plausible
from kg.normalize.law_ref import parse_legal_bases
from kg.records import new_record


def test_a_bureau_made_of_the_header_rows_labels_is_unknown():
    # (pdftotext, rv1209 LO: 「担当部局」 then 「事業終了(予定)年度 終了予定 担当課室」; the sheet has 地方創生推進事務局)
    rec = new_record("review_sheet", "x.txt")
    rec["bureau"], rec["division"] = "事業終了(予定)年度 終了予定 担当課室", "電波政策課"
    _orgs_plausible(rec)
    assert rec["bureau"] is None and rec["division"] == "電波政策課"
    assert any(w["code"] == "bureau_implausible" for w in rec["warnings"])


def test_a_law_title_with_the_plans_labels_piece_inside_is_withheld():
    # (pdfplumber, rv1227 LO: 「…第8号・国家公務員災る計画」 over 「害補償法第99条及び第38条」: the 関係する計画 label's
    # 「る計画」 glued inside 国家公務員災害補償法)
    text = "北海道防寒住宅建設等促進法第87条第2項第8号・国家公務員災る計画害補償法第99条及び第38条"
    bases = parse_legal_bases(text)
    assert implausible_laws(bases, text) == ["国家公務員災る計画害補償法"]
    # (real titles hold it only after 係 / す: 「…に規定する計画に関する省令」)
    title = "資源の有効な利用の促進に関する法律第十二条に規定する計画に関する省令"
    assert implausible_laws([{"law": title, "citations": []}]) == []


def test_a_plan_title_that_is_its_wrapped_last_line_alone_is_unknown():
    # (pdfplumber, rv1204 LO: 「経済財政運営と改革の基本方針」 over 「2021(平成27年11月2日閣議決定)」, the title's first
    # line read with the plan before it: 「2021」 alone is no plan's title)
    assert not plans_plausible([{"title": "2021", "date": "2015-11-02", "decided_by": "閣議決定"}])
    assert plans_plausible([{"title": "経済財政運営と改革の基本方針2021", "date": "2015-11-02", "decided_by": "閣議決定"}])
    lines = ["根拠法令 (具体 政治資金規正法第97条第3項・福島復興 関係す規制改革実施計画(平成29年11月2日関係閣僚会議決定) "
             "経済財政運営と改革の基本方針",
             "的な 条項も記載再生特別措置法第56条の16 る 計 2021(平成27年11月2日閣議決定) 国土強靱化基本計画(平成27年1月17日閣議決定)",
             ") 画、通", "知等", "主要政策・施策 国土強靱化 主要経その他の事項経費", "費"]
    rec = new_record("review_sheet", "x.txt")
    _plans(rec, lines)
    assert not any(p["title"] == "2021" for p in rec["related_plans"])
    assert rec["related_plans"] == [] and [w["code"] for w in rec["warnings"]] == ["related_plans_unsure"]


def test_a_description_that_is_a_legal_entitys_name_is_left_out():
    # (pdfminer, rv1217 rl: block D's row at a 「-」 read 「有限会社柏屋本店・株式会社OCS共同企業体」, the name
    # written after the rows' cells, as its 業務概要; the sheet has セキュリティ説明会の開催)
    from kg.extract.review_pdf import _descriptions_plausible

    rec = new_record("review_sheet", "x.txt")
    rec["payees"] = [
        {"block": "D", "rank": 1, "name": None, "description": "有限会社柏屋本店・株式会社OCS共同企業体", "amount": 505},
        {"block": "D", "rank": 2, "name": "(株)野村総合研究所", "description": "研修の企画運営", "amount": 298},
        {"block": "D", "rank": 3, "name": "京都市", "description": "独立行政法人への補助、機器の賃貸借", "amount": 175}]
    _descriptions_plausible(rec)
    assert [p["description"] for p in rec["payees"]] == [None, "研修の企画運営", "独立行政法人への補助、機器の賃貸借"]
    assert [w["field"] for w in rec["warnings"]] == ["payees"]


def test_a_contract_qualifier_alone_is_no_name_and_a_wrapped_rest_names_no_row():
    # held-out variants of the eighteenth session, reportlab pdfminer.six text: rv1002 B2 named 「(その他)」 (the rest of
    # 「随意契約」 wrapped in its cell), rv1005 C1 named 「の英訳作業」 (the rest of B1's 業務概要 「ガイドライン」, written after
    # its row's dashes and before C's 支出先 header, then read as the first of two names stacked before C's anchors)
    from kg.extract.payee_boxes import _WRAPPED_REST
    from kg.extract.review_pdf import _descriptions_plausible

    rec = new_record("review_sheet", "x.txt")
    rec["payees"] = [{"block": "B", "rank": 2, "name": "(その他)", "description": "ヘルプデスク業務", "amount": 7},
                     {"block": "B", "rank": 3, "name": "一般社団法人その他(北海道)", "description": None, "amount": 5}]
    _descriptions_plausible(rec)
    assert [p["name"] for p in rec["payees"]] == [None, "一般社団法人その他(北海道)"]
    assert _WRAPPED_REST.match("の英訳作業") and _WRAPPED_REST.match("、データ整備")
    assert not _WRAPPED_REST.match("講師謝金(講師A)") and not _WRAPPED_REST.match("国立大学法人京都大学")
