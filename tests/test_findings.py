"""Findings about the official data (issue 21): each kind on small records made here, the graph form (DQV), and
`kg findings` on a small build of real JUDIGT lines with errors put in."""
from __future__ import annotations

import copy
import gzip
import json

import pyoxigraph as ox
import pytest

from kg.link import link_all
from kg.link.findings import collect
from kg.normalize import lgcode
from kg.normalize.houjin import check_digit, is_valid
from kg.records import new_record
from tests.conftest import shared_path

BASE = "https://kg.example.org/"


def corp(base12: str) -> str:
    return f"{check_digit(base12)}{base12}"


A_CO, B_CO, C_CO = corp("010001000001"), corp("010001000002"), corp("010001000003")


def sheet(year: int, number: str, name: str, ministry: str = "総務省", division: str = "企画課", budget=None,
          payees=None, past=None, source: str | None = None) -> dict:
    rec = new_record("review_sheet", source or f"judgit-{year}.ndjson.gz")
    rec.update({"sheet_fiscal_year": year, "ministry": ministry, "project_number": number, "project_name": name,
                "bureau": "大臣官房", "division": division})
    rec["provenance"].update({"sha256": "ab" * 32, "format": "judgit"})
    line = int(number[-4:]) + 10 * (year - 2000)
    rec["provenance"]["spans"]["project_name"] = [line, line]
    for y, (total, executed) in (budget or {}).items():
        rec["budget"].append({"fiscal_year": y, "initial": total, "supplementary": 0, "carried_from_previous": 0,
                              "carried_to_next": 0, "reserve": 0, "total": total, "executed": executed})
        rec["provenance"]["spans"][f"budget[{y}]"] = [line, line]
    for i, (name_, number_, amount) in enumerate(payees or [], 1):
        p = {"block": "A", "rank": i, "name": name_, "corporate_number": number_ if is_valid(number_) else None,
             "amount": amount, "year": year - 1}
        if number_ and not is_valid(number_):
            p["corporate_number_raw"] = number_
        rec["payees"].append(p)
        rec["provenance"]["spans"][f"payees[A|{i}]"] = [line, line]
    for i, (y, n, m) in enumerate(past or []):
        item = {"fiscal_year": y, "number": n}
        if m:
            item["ministry"] = m
        rec["past_project_numbers"].append(item)
        rec["provenance"]["spans"][f"past_project_numbers[{i}]"] = [line, line]
    return rec


def found(records, code=None):
    recs, report = link_all(records)
    fs = collect(recs)
    return [f for f in fs if code is None or f["code"] == code], report, recs


# ---------------------------------------------------------------- 地方公共団体 codes


def test_local_government_numbers_encode_their_code():
    assert lgcode.prefecture_code("北海道") == "010006"
    assert lgcode.corporate_number("010006") == "7000020010006"
    assert lgcode.prefecture_code("東京都") == "130001" and lgcode.prefecture_code("大阪府") == "270008"
    assert lgcode.lg_code("7000020010006") == "010006" and lgcode.prefecture_of("011002") == "北海道"
    assert lgcode.lg_code("7010001064648") is None  # a company
    assert is_valid(lgcode.corporate_number("130001"))
    assert lgcode.municipality_name("北海道伊達市") == ("北海道", "伊達市")
    assert lgcode.municipality_name("株式会社東京") is None and lgcode.municipality_name("東京都") is None


# ---------------------------------------------------------------- (1) official past number contradicted


def test_past_number_contradicted_points_to_the_right_sheet():
    b = {2016: (100, 90), 2017: (110, 0)}
    recs = [sheet(2017, "0005", "港湾施設の耐震化に要する経費", budget={2016: (500, 480)}),
            sheet(2017, "0009", "地域情報化の推進に要する経費", budget=b),
            sheet(2018, "0010", "地域情報化の推進に要する経費", budget={2016: (100, 90), 2017: (110, 105)},
                  past=[(2017, "0005", None)])]
    fs, report, _ = found(recs, "past_number_contradicted")
    assert len(fs) == 1, fs
    f = fs[0]
    assert f["kind"] == "official_past_number" and f["severity"] == "high"
    assert f["evidence"]["official_number"] == "0005" and f["evidence"]["evidence_points_to"]["number"] == "0009"
    assert "0009" in f["suggestion"]
    assert {(t["year"], t["number"]) for t in f["targets"]} == {(2018, "0010"), (2017, "0005"), (2017, "0009")}
    assert {"source": "judgit-2018.ndjson.gz", "sha256": "ab" * 32, "format": "judgit",
            "field": "past_project_numbers[0]", "lines": [190, 190]} in f["sources"]
    assert report["findings"]["by_kind"]["official_past_number"] == 1


def test_renamed_program_with_agreeing_budgets_is_no_finding():
    recs = [sheet(2017, "0005", "旧名称の事業", budget={2015: (300, 290), 2016: (310, 300)}),
            sheet(2018, "0005", "全く新しい名前の施策", budget={2015: (300, 290), 2016: (310, 300), 2017: (320, 0)},
                  past=[(2017, "0005", None)])]
    fs, _, _ = found(recs, "past_number_contradicted")
    assert fs == []


# ---------------------------------------------------------------- (2) 法令ID


def test_law_id_variants_and_a_law_number_in_the_id_column():
    a = sheet(2024, "0001", "事業甲")
    a["legal_bases"] = [{"law": "総務省設置法", "citations": [], "law_id": "411AC1000000091"}]
    b = sheet(2024, "0002", "事業乙")
    b["legal_bases"] = [{"law": "総務省設置法", "citations": [], "law_id": "325AC0000000131"}]  # 電波法's ID
    for r in (a, b):
        r["provenance"]["spans"]["legal_bases[総務省設置法]"] = [7, 7]
    c = sheet(2024, "0003", "事業丙")
    c["legal_bases"] = [{"law": "総務省設置法", "citations": [], "law_id": None, "law_number": "平成十一年法律第九十一号"}]
    c["finding_notes"] = [{"code": "law_number_in_id_column", "law": "総務省設置法", "text": "平成十一年法律第九十一号",
                           "field": "legal_bases[総務省設置法]"}]
    fs, _, _ = found([a, b, c])
    by = {f["code"]: f for f in fs if f["kind"] == "law_id"}
    assert by["law_id_variant"]["severity"] == "low"  # the 議員立法 flag recoded
    assert by["law_id_variant"]["evidence"]["given_id"] == "411AC1000000091"
    other = by["law_id_names_another_law"]
    assert other["severity"] == "high" and other["evidence"]["given_id_decodes_to"] == "昭和25年法律第131号"
    assert "電波法" in other["message"]
    assert other["suggestion"] == "法令ID 411AC0000000091"
    num = by["law_number_in_id_column"]
    assert num["suggestion"] == "法令ID 411AC0000000091" and num["evidence"]["law_number"] == "平成11年法律第91号"


def test_rs_reader_notes_a_law_number_in_the_id_column(tmp_path):
    import zipfile

    from kg.sources.rs import iter_rs
    d = tmp_path / "rs"
    d.mkdir()

    def put(name, header, rows):
        text = ",".join(header) + "\n" + "".join(",".join(r) + "\n" for r in rows)
        with zipfile.ZipFile(d / f"{name}.zip", "w") as z:
            z.writestr(f"{name}.csv", text.encode("utf-8-sig"))

    put("1-1_RS_2024_基本情報_組織情報", ["シート種別", "事業年度", "予算事業ID", "事業名", "府省庁", "局・庁"],
        [["事業", "2024", "77", "統計調査事業", "総務省", "統計局"]])
    put("1-2_RS_2024_基本情報_事業概要等", ["シート種別", "事業年度", "予算事業ID", "事業名", "府省庁", "局・庁"],
        [["事業", "2024", "77", "統計調査事業", "総務省", "統計局"]])
    put("2-1_RS_2024_予算・執行_サマリ", ["シート種別", "事業年度", "予算事業ID", "事業名", "府省庁", "予算年度"], [])
    put("1-3_RS_2024_基本情報_政策・施策、法令等",
        ["シート種別", "事業年度", "予算事業ID", "事業名", "府省庁", "法令名", "法令番号", "法令ID", "条", "項", "号・号の細分"],
        [["事業", "2024", "77", "統計調査事業", "総務省", "統計法", "", "平成十九年法律第五十三号", "2", "", ""]])
    recs = list(iter_rs(d))
    assert recs and recs[0]["finding_notes"][0]["code"] == "law_number_in_id_column"
    fs, _, _ = found(recs, "law_number_in_id_column")
    assert len(fs) == 1 and fs[0]["suggestion"] == "法令ID 419AC0000000053"
    assert fs[0]["sources"][0]["lines"] == [1, 1]


# ---------------------------------------------------------------- (3) 法人番号


HOKKAIDO, AOMORI = "7000020010006", lgcode.corporate_number(lgcode.prefecture_code("青森県"))
SAPPORO, HAKODATE = lgcode.corporate_number(lgcode.code6("01100")), lgcode.corporate_number(lgcode.code6("01202"))


def test_prefecture_paid_under_another_prefectures_number():
    recs = [sheet(2019, "0001", "事業甲", payees=[("北海道", AOMORI, 10), ("青森県", AOMORI, 5)])]
    fs, _, _ = found(recs, "local_government_number_mismatch")
    assert len(fs) == 1
    f = fs[0]
    assert f["severity"] == "high" and f["evidence"]["encoded_prefecture"] == "青森県"
    assert f["evidence"]["expected_number"] == HOKKAIDO and HOKKAIDO in f["suggestion"]
    assert {"type": "corporation", "number": AOMORI, "name": "北海道"} in f["targets"]


def test_municipality_with_another_municipalitys_number_is_found_from_learned_codes():
    recs = [sheet(2019, f"00{i:02d}", f"事業{i}", payees=[("札幌市", SAPPORO, 3), ("函館市", HAKODATE, 2)])
            for i in range(1, 5)]
    recs.append(sheet(2019, "0090", "事業X", payees=[("函館市", SAPPORO, 7)]))
    recs.append(sheet(2019, "0091", "事業Y", payees=[("釧路市", SAPPORO, 7)]))  # never seen with a number: unknown
    fs, report, _ = found(recs, "local_government_number_mismatch")
    assert len(fs) == 1, [f["message"] for f in fs]
    f = fs[0]
    assert f["evidence"]["code_learned_for"] == "札幌市" and HAKODATE in f["suggestion"]
    assert f["targets"][1]["number"] == "0090"
    assert report["findings"]["tables"]["municipality_codes_learned"] == 2


def test_one_name_with_several_numbers_in_one_sheet():
    recs = [sheet(2019, f"00{i:02d}", f"事業{i}", payees=[("株式会社甲野商事", A_CO, 1)]) for i in range(1, 4)]
    recs.append(sheet(2019, "0050", "事業Z", payees=[("株式会社甲野商事", A_CO, 4), ("(株)甲野商事", B_CO, 3),
                                                     ("株式会社乙", C_CO, 1)]))
    fs, _, _ = found(recs, "name_with_several_numbers")
    assert len(fs) == 1
    f = fs[0]
    assert f["evidence"]["numbers"] == sorted([A_CO, B_CO]) and f["evidence"]["usual_number"] == A_CO
    assert f["severity"] == "high" and B_CO in f["suggestion"]


def test_number_printed_with_a_clearly_different_name():
    recs = [sheet(2019, f"00{i:02d}", f"事業{i}", payees=[("株式会社日本電算", A_CO, 1), ("山田建設株式会社", B_CO, 2)])
            for i in range(1, 5)]
    recs.append(sheet(2020, "0077", "事業W", payees=[("山田建設株式会社", A_CO, 5)]))
    fs, _, _ = found(recs, "number_with_different_names")
    assert len(fs) == 1
    f = fs[0]
    assert f["evidence"]["number_usually_printed_as"] == "株式会社日本電算"
    assert f["evidence"]["name_usually_carries"] == B_CO and f["suggestion"] == f"法人番号 {B_CO}"


# ---------------------------------------------------------------- (4) amounts


def test_payee_above_execution_and_budget_total_not_sum():
    r = sheet(2019, "0003", "事業甲", budget={2018: (50, 40)}, payees=[("株式会社甲", A_CO, 40_000_000)])
    r["budget"][0]["supplementary"] = 30  # 当初 50 + 補正 30 but 予算計 50
    fs, _, _ = found([r])
    by = {f["code"]: f for f in fs}
    above = by["payee_above_execution"]
    assert above["evidence"]["rows"][0]["executed"] == 40 and above["severity"] == "high"
    assert "円" in above["suggestion"]
    tot = by["budget_total_not_sum"]
    assert tot["evidence"]["sum_of_parts"] == 80 and tot["evidence"]["printed_total"] == 50


def test_amounts_differing_by_a_thousand_between_two_sheets_of_one_program():
    recs = [sheet(2017, "0005", "統計調査に要する経費", budget={2015: (120, 118), 2016: (130, 125)}),
            sheet(2018, "0005", "統計調査に要する経費", budget={2015: (120, 118), 2016: (130, 125_000)},
                  past=[(2017, "0005", None)])]
    fs, _, _ = found(recs, "unit_scale")
    assert len(fs) == 1
    d = fs[0]["evidence"]["differences"][0]
    assert (d["fiscal_year"], d["field"], d["this_sheet"], d["earlier_sheet"], d["scale"]) == \
        (2016, "執行額", 125_000, 125, 1000)
    assert fs[0]["suggestion"].startswith("this sheet")


def test_document_and_judgit_differ_by_a_million():
    doc = sheet(2019, "0004", "事業甲", budget={2017: (80, 75)}, source="0004.xlsx")
    doc["provenance"]["format"] = "xlsx"
    jd = sheet(2019, "0004", "事業甲", budget={2017: (80, 75_000_000)})
    fs, report, _ = found([doc, jd], "unit_scale")
    assert report["merge"]["merged"] == 1
    assert len(fs) == 1 and fs[0]["evidence"]["scale"] == 1_000_000
    assert fs[0]["evidence"]["other_source"] == "judgit-2019.ndjson.gz"


# ---------------------------------------------------------------- (5) lineage


def test_two_sheets_claim_one_earlier_sheet_and_a_ministry_jump():
    recs = [sheet(2017, "0005", "地域情報化の推進に要する経費"),
            sheet(2018, "0005", "地域情報化の推進に要する経費", past=[(2017, "0005", None)]),
            sheet(2018, "0031", "消防団の装備に要する経費", past=[(2017, "0005", None)]),
            sheet(2018, "0040", "教育の情報化", past=[(2017, "0099", "文部科学省")])]
    fs, _, _ = found(recs)
    twice = [f for f in fs if f["code"] == "earlier_sheet_claimed_twice"]
    assert len(twice) == 1 and twice[0]["kind"] == "lineage"
    assert "0031" in twice[0]["suggestion"] and "0005" not in twice[0]["suggestion"].split("is")[0].replace("0031", "")
    jump = [f for f in fs if f["code"] == "ministry_jump"]
    assert len(jump) == 1 and jump[0]["evidence"]["printed_ministry"] == "文部科学省"


def test_reorganisation_explains_a_ministry_change():
    recs = [sheet(2023, "0001", "子育て支援", ministry="こども家庭庁", past=[(2022, "0100", "厚生労働省")])]
    fs, _, _ = found(recs, "ministry_jump")
    assert fs == []


# ---------------------------------------------------------------- graph form


def test_findings_are_dqv_annotations_on_the_facts_and_source_lines():
    from kg.emit.findings import finding_quads
    from kg.emit.rdf import emit

    recs = [sheet(2019, "0001", "事業甲", payees=[("北海道", AOMORI, 10)])]
    recs, _ = link_all(recs)
    st = ox.Store()
    st.extend(list(finding_quads(recs, BASE)))
    for r in recs:
        st.extend(list(emit(r, BASE)))
    rows = list(st.query("""PREFIX dqv: <http://www.w3.org/ns/dqv#> PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX kg: <https://kg.example.org/ns#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?f ?code ?t ?first ?msg WHERE { GRAPH <https://kg.example.org/graph/derived/findings> {
          ?f a dqv:QualityAnnotation, kg:Finding ; kg:findingCode ?code ; oa:hasTarget ?t ; prov:wasDerivedFrom ?span ;
             oa:hasBody/rdf:value ?msg ; oa:motivatedBy dqv:qualityAssessment }
          ?span kg:firstLine ?first . ?t a kg:Corporation }""", use_default_graph_as_union=True))
    assert len(rows) == 1
    assert rows[0]["code"].value == "local_government_number_mismatch"
    assert rows[0]["t"].value == f"{BASE}corp/{AOMORI}" and rows[0]["first"].value == "191"
    assert "北海道" in rows[0]["msg"].value


# ---------------------------------------------------------------- end to end: a small build of real JUDGIT lines


@pytest.fixture(scope="module")
def small_build(tmp_path_factory):
    from kg.build.pipeline import BuildOptions, build

    d = tmp_path_factory.mktemp("findings")
    lines = []
    with gzip.open(shared_path("data", "judgit", "judgit-2017.ndjson.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            if obj["府省庁"] == "総務省":
                lines.append(obj)
            if len(lines) >= 30:
                break
    import ast

    bad = copy.deepcopy(lines[3])
    payees = ast.literal_eval(bad["支出先"]) if isinstance(bad["支出先"], str) else bad["支出先"]
    payees[0]["支出先名"], payees[0]["法人番号"] = "北海道", AOMORI  # a prefecture under another's number
    bad["支出先"] = str(payees) if isinstance(lines[3]["支出先"], str) else payees
    lines[3] = bad
    src = d / "judgit-2017.ndjson.gz"
    with gzip.open(src, "wt", encoding="utf-8") as g:
        for obj in lines:
            g.write(json.dumps(obj, ensure_ascii=False) + "\n")
    out = d / "build"
    report = build([str(src)], out, BuildOptions(validate=False, quiet=True))
    return out, report


def test_build_reports_findings_and_kg_findings_lists_them(small_build, capsys):
    from kg.cli import main

    out, report = small_build
    assert report["link"]["findings"]["by_kind"]["corporate_number"] >= 1
    saved = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert saved["link"]["findings"]["total"] == report["link"]["findings"]["total"]
    assert main(["findings", "--store", str(out), "--kind", "local_government_number_mismatch", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    f = rows[0]
    assert f["severity"] == "high" and HOKKAIDO in f["suggestion"] and f["dqv"]
    assert f"{BASE}corp/{AOMORI}" in f["targets"]
    assert f["sources"][0]["title"] == "judgit-2017.ndjson.gz" and f["sources"][0]["first"] == 4
    assert main(["findings", "--store", str(out), "--format", "csv"]) == 0
    csv_out = capsys.readouterr().out
    assert csv_out.splitlines()[0].startswith("severity,confidence,kind,code,message")
    assert "local_government_number_mismatch" in csv_out


def test_every_term_of_the_findings_graph_is_declared():
    import rdflib

    from kg.emit.findings import finding_quads
    from kg.validate.shacl import ONTOLOGY
    from tests.test_ontology import declared

    recs = [sheet(2019, "0001", "事業甲", budget={2018: (50, 40)}, payees=[("北海道", AOMORI, 4000)]),
            sheet(2020, "0001", "事業甲", past=[(2019, "0001", "文部科学省")])]
    recs, _ = link_all(recs)
    quads = list(finding_quads(recs, BASE))
    assert {f["kind"] for f in collect(recs)} >= {"corporate_number", "amount", "lineage"}
    known = declared(rdflib.Graph().parse(ONTOLOGY, format="turtle"))
    preds = {q.predicate.value for q in quads}
    classes = {q.object.value for q in quads if q.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
    assert preds - known == set() and classes - known == set()
    assert "http://www.w3.org/ns/dqv#QualityAnnotation" in classes


def test_findings_page_lists_the_findings_about_an_entity():
    from kg.emit.findings import finding_quads
    from kg.emit.rdf import emit
    from kg.publish.findings_page import link_for, render

    recs = [sheet(2019, "0001", "事業甲", payees=[("北海道", AOMORI, 10)]), sheet(2019, "0002", "事業乙")]
    recs, _ = link_all(recs)
    st = ox.Store()
    st.extend(list(finding_quads(recs, BASE)))
    for r in recs:
        st.extend(list(emit(r, BASE)))
    page = render(st, target=f"{BASE}corp/{AOMORI}").decode()
    assert "local_government_number_mismatch" in page and HOKKAIDO in page and "judgit-2019.ndjson.gz:191" in page
    from kg.emit.rdf import sheet_iri

    assert "local_government_number_mismatch" in render(st, target=sheet_iri(BASE, recs[0])).decode()
    assert "No findings." in render(st, target=sheet_iri(BASE, recs[1])).decode()
    assert link_for(f"{BASE}corp/{AOMORI}") == f"/findings?target=https%3A%2F%2Fkg.example.org%2Fcorp%2F{AOMORI}"


def test_findings_conform_to_their_shape_and_a_broken_one_does_not():
    import rdflib

    from kg.emit.findings import finding_quads
    from kg.emit.rdf import to_nq_line
    from kg.validate.shacl import validate_graph

    recs, _ = link_all([sheet(2019, "0001", "事業甲", budget={2018: (50, 40)}, payees=[("北海道", AOMORI, 4000)])])
    lines = [to_nq_line(q) for q in finding_quads(recs, BASE)]
    g = rdflib.Graph().parse(data="".join(ln.rsplit(" <", 1)[0] + " .\n" for ln in lines), format="nt")
    assert validate_graph(g)["conforms"]
    f = next(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://kg.example.org/ns#Finding")))
    g.remove((f, rdflib.URIRef("https://kg.example.org/ns#severity"), None))
    g.add((f, rdflib.URIRef("https://kg.example.org/ns#severity"), rdflib.Literal("catastrophic")))
    res = validate_graph(g)
    assert not res["conforms"] and any(r["path"].endswith("#severity") for r in res["results"])


def test_kg_serve_has_a_findings_page_per_entity(small_build):
    from urllib.parse import quote

    from tests.test_serve import http, kg_serve

    out, _ = small_build
    corp_iri = f"{BASE}corp/{AOMORI}"
    with kg_serve(out) as url:
        status, headers, body = http(f"{url}/findings?target={quote(corp_iri, safe='')}")
        assert status == 200 and "text/html" in headers["Content-Type"]
        assert "local_government_number_mismatch" in body and HOKKAIDO in body and "judgit-2017.ndjson.gz:4" in body
        status, _, body = http(f"{url}/findings?kind=corporate_number&format=json")
        rows = json.loads(body)
        assert status == 200 and any(corp_iri in f["targets"] for f in rows)
        assert all(f["kind"] == "corporate_number" for f in rows)


def test_block_total_not_the_sum_of_its_rows():
    r = sheet(2024, "0007", "事業甲", payees=[("株式会社甲野商事", A_CO, 60), ("株式会社乙山工業", B_CO, 30)])
    r["extra"]["blocks"] = {"A": {"name": "委託先", "payee_count": 2, "amount": 100}}
    r["provenance"]["spans"]["blocks[A]"] = [12, 12]
    pdf = sheet(2019, "0008", "事業乙", source="0008.pdf")
    pdf["warnings"].append({"code": "payee_block_sum", "message": "block B: payees add up to 75, block total 80",
                            "line": 140, "field": "payees"})
    fs, _, _ = found([r, pdf], "block_total_not_sum")
    assert len(fs) == 2
    rs = next(f for f in fs if f["evidence"]["block"] == "A")
    assert rs["evidence"]["printed_total"] == 100 and rs["evidence"]["sum_of_rows"] == 90
    assert any(s["field"] == "blocks[A]" and s["lines"] == [12, 12] for s in rs["sources"])
    doc = next(f for f in fs if f["evidence"]["block"] == "B")
    assert doc["evidence"]["printed_total"] == "80" and doc["sources"][0]["lines"] == [140, 140]
