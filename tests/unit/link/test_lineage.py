"""kg.link.lineage: past numbers (関連する過去のレビューシートの事業番号) and the 府省庁 printed beside them."""
from __future__ import annotations

from kg.link.lineage import link_past_numbers
from kg.link.sheets import SheetIndex


def _sheet(ministry: str, name: str, number: str, year: int, past: list | None = None) -> dict:
    return {"document_type": "review_sheet", "ministry": ministry, "project_name": name, "project_number": number,
            "sheet_fiscal_year": year, "past_project_numbers": past or [], "warnings": []}


def test_a_past_number_follows_the_ministry_printed_beside_it():
    # JUDGIT 2020 内閣官房 sheet 予算編成支援システムの整備及び運用 prints 財務省 0001 (2019): the system moved
    earlier = [_sheet("財務省", "予算編成支援システム", "0001", 2019), _sheet("内閣官房", "内閣人事局経費", "0001", 2019)]
    rec = _sheet("内閣官房", "予算編成支援システムの整備及び運用(情報通信技術調達等適正・効率化推進費)", "0002", 2020,
                 [{"fiscal_year": 2019, "number": "0001", "ministry": "財務省"}])
    stats = link_past_numbers([rec], SheetIndex(earlier + [rec]))
    (lk,) = rec["lineage"]
    assert (lk["ministry"], lk["number"], lk["status"]) == ("財務省", "0001", "asserted")
    assert lk["evidence"]["printed_ministry"] == "財務省" and stats["printed_ministry"] == 1


def test_the_own_ministry_wins_when_its_sheet_has_the_closer_name():
    # JUDGIT 2019 復興庁 社会福祉施設等設備災害復旧費等補助金 prints 厚生労働省 0072 (2018), a different program there
    earlier = [_sheet("厚生労働省", "看護教員養成支援事業(通信制教育)改善経費", "0072", 2018),
               _sheet("復興庁", "社会福祉施設等設備災害復旧費等補助金", "0072", 2018)]
    rec = _sheet("復興庁", "社会福祉施設等設備災害復旧費等補助金", "0070", 2019,
                 [{"fiscal_year": 2018, "number": "0072", "ministry": "厚生労働省"}])
    link_past_numbers([rec], SheetIndex(earlier + [rec]))
    (lk,) = rec["lineage"]
    assert (lk["ministry"], lk["status"]) == ("復興庁", "asserted") and "printed_ministry" not in lk["evidence"]


def test_without_a_printed_ministry_or_a_target_the_source_decides():
    rec = _sheet("総務省", "地方議会の活性化に要する経費", "0007", 2021,
                 [{"fiscal_year": 2020, "number": "0006"}, {"fiscal_year": 2019, "number": "0009", "ministry": "内閣府"}])
    link_past_numbers([rec], SheetIndex([rec]))
    assert [(lk["ministry"], lk["number"]) for lk in rec["lineage"]] == [("総務省", "0006"), ("内閣府", "0009")]
