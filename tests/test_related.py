"""`kg related` / kg.query.related on a real `kg build seeds`: what connects the seeds, and through what."""
from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import pytest

from kg import iris
from kg.build.pipeline import BuildOptions, build
from kg.cli import main
from kg.query.related import RelatedError, related, resolve
from kg.query.store import open_store
from tests.conftest import SEEDS

BASE = "https://kg.example.org/"
JUKI_SHEET = iris.sheet(BASE, 2022, "総務省", None, "住民基本台帳ネットワークシステムセキュリティ対策経費")  # seed 000
JUKI_PROGRAM = f"{BASE}program/2011/soumu/0038"  # seed 000's program: its sheets back to 2011 (0038)
MYNUMBER_SHEET = iris.sheet(BASE, 2017, "総務省", "0048")  # seed 002
MYNUMBER_PROGRAM = f"{BASE}program/2012/soumu/new24-0005"
JUKI_LAW = f"{BASE}law/342AC0000000081"  # 住民基本台帳法
EVAL = iris.evaluation(BASE, 2017, "総務省", "8", "電子政府・電子自治体の推進")  # seed 004


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("related")
    build([str(SEEDS)], out, BuildOptions(base=BASE, validate=False, quiet=True, cache=False))
    return out


@pytest.fixture(scope="module")
def store(store_dir):
    st = open_store(store_dir)
    yield st
    del st


def _row(rows, iri, relation):
    found = [r for r in rows if r["iri"] == iri and r["relation"] == relation]
    assert found, f"no {relation} row for {iri}: {[(r['relation'], r['iri']) for r in rows]}"
    return found[0]


def test_seed000_program_reaches_seed002_through_the_residents_register_act_with_articles(store):
    assert JUKI_SHEET == f"{BASE}sheet/2022/soumu/x-cc37a26a9507f0c1"
    rows = related(store, JUKI_SHEET)
    r = _row(rows, MYNUMBER_PROGRAM, "same-statute")
    assert r["kind"] == "program"
    assert r["label"] == "社会保障・税に関わる番号制度に関するシステム構築等に要する経費"
    d = r["detail"]
    assert "住民基本台帳法" in d["laws"] and JUKI_LAW in d["law_iris"]
    # both sides' articles of 住民基本台帳法: seed 000 cites 第30条の24…第30条の40 and 第31条, seed 002 第7条, 第30条の6, 第30条の9の2
    assert "住民基本台帳法 第31条" in d["articles_mine"]
    assert "住民基本台帳法 第30条の24から第30条の40まで" in d["articles_mine"]
    assert {"住民基本台帳法 第7条", "住民基本台帳法 第30条の6", "住民基本台帳法 第30条の9の2"} <= set(d["articles_theirs"])
    assert d["sheets"] == [MYNUMBER_SHEET] and d["years"] == [2017]
    # the path: the key program, the law, the other program
    assert r["path"][0] == (JUKI_PROGRAM, "住民基本台帳ネットワークシステムセキュリティ対策経費")
    assert (JUKI_LAW, "住民基本台帳法") in r["path"]
    assert r["path"][-1][0] == MYNUMBER_PROGRAM
    # the law itself, with the articles this program cites
    law = _row(rows, JUKI_LAW, "legal-basis")
    assert law["detail"]["articles"] == ["第30条の24から第30条の40まで", "第31条"]


def test_seed000_program_implements_a_means_of_the_seed004_evaluation(store):
    rows = related(store, JUKI_SHEET)
    means = f"{EVAL}/means/9"
    r = _row(rows, means, "implements")
    assert r["kind"] == "means" and r["label"] == "住民基本台帳ネットワークシステムセキュリティ対策経費"
    assert r["detail"]["evaluation_iri"] == EVAL and r["detail"]["means_index"] == 9
    # the 2017 sheet (0039) the 達成手段 names is one of the program's earlier sheets, named by lineage only
    assert r["path"][1][0] == f"{BASE}sheet/2017/soumu/0039"
    assert _row(rows, EVAL, "evaluation")["label"].startswith("2017年度 事前分析表 政策8")
    # the programs implementing another 達成手段 of the same 事前分析表
    assert "社会保障・税に関わる番号制度に関するシステム構築等に要する経費" in \
        _row(rows, MYNUMBER_PROGRAM, "same-evaluation")["detail"]["means"]
    # ranked: the 達成手段 it implements comes before what it merely shares a law with
    assert rows.index(r) < rows.index(_row(rows, MYNUMBER_PROGRAM, "same-statute"))
    assert all(a["score"] >= b["score"] for a, b in zip(rows, rows[1:], strict=False))


def test_keys_in_every_form_name_the_same_program(store):
    by_iri = resolve(store, MYNUMBER_SHEET)
    assert by_iri["iri"] == MYNUMBER_PROGRAM and by_iri["kind"] == "program"
    for key in ("0048", MYNUMBER_PROGRAM, "社会保障・税に関わる番号制度に関するシステム構築等に要する経費"):
        assert resolve(store, key)["iri"] == MYNUMBER_PROGRAM, key
    for key in ("2021-総務-20-0095", "2021 総務 20 0095", "総務省 2021-総務-20-0095"):
        assert resolve(store, key)["iri"] == f"{BASE}program/2020/soumu/0094", key
    for key in ("総務省 0048", "総務 0048", "総務省 - 0048"):  # the ministry named before the number
        assert resolve(store, key)["iri"] == MYNUMBER_PROGRAM, key
    with pytest.raises(RelatedError):
        resolve(store, "厚労 0048")  # 厚生労働省 has no 0048 in the seeds: not silently 総務省's
    assert resolve(store, "342AC0000000081")["iri"] == JUKI_LAW
    assert resolve(store, "住民基本台帳法")["iri"] == JUKI_LAW
    assert resolve(store, "7010701007922")["kind"] == "corporation"
    with pytest.raises(RelatedError):
        resolve(store, "9999999999999")
    with pytest.raises(RelatedError):
        resolve(store, "no such program anywhere")


def test_shared_contractor_gives_both_amounts_and_money_flow_the_payees(store):
    rows = related(store, MYNUMBER_SHEET)
    paid = _row(rows, f"{BASE}corp/7010701007922", "money-flow")  # ネットワンシステムズ, block C, 15 百万円
    assert paid["kind"] == "corporation" and paid["detail"]["amount_total"] == 15
    assert paid["detail"]["corporate_number"] == "7010701007922"
    assert [p[0] for p in paid["path"]][1:3] == [MYNUMBER_SHEET, f"{MYNUMBER_SHEET}/block/C"]
    # 地方公共団体 (no 法人番号) is paid 26,818 百万円 through block A: the biggest payee ranks first among them
    flows = [r for r in rows if r["relation"] == "money-flow"]
    assert flows[0]["label"] == "地方公共団体" and flows[0]["detail"]["amount_total"] == 26818


def test_law_key_lists_the_programs_citing_it_with_their_articles(store):
    rows = related(store, "342AC0000000081")
    cites = {r["iri"]: r for r in rows if r["relation"] == "cites"}
    assert set(cites) == {JUKI_PROGRAM, MYNUMBER_PROGRAM}
    assert cites[MYNUMBER_PROGRAM]["detail"]["articles"] == ["第7条", "第30条の6", "第30条の9の2"]
    co = _row(rows, f"{BASE}law/411AC0000000091", "co-cited")  # 総務省設置法, cited with it by both sheets
    assert co["detail"]["sheets_citing_both"] == 2


def test_corporation_key_lists_the_programs_paying_it(store):
    rows = related(store, "7010701007922")
    assert [(r["iri"], r["relation"]) for r in rows] == [(MYNUMBER_PROGRAM, "money-flow")]
    assert rows[0]["detail"]["amounts"] == {"2017": 15} and rows[0]["detail"]["blocks"] == ["C"]


def test_measure_key_lists_programs_means_and_the_broader_policy(store):
    rows = related(store, "電子政府・電子自治体の推進")
    rel = {(r["relation"], r["iri"]) for r in rows}
    assert ("implements", MYNUMBER_PROGRAM) in rel  # through the 事前分析表's 達成手段 18
    assert ("under", f"{BASE}program/2017/soumu/new29-0004") in rel  # seed 001's 施策
    assert ("broader", iris.concept(BASE, "総務省", "電子政府・電子自治体")) in rel


def test_cli_json_and_table(store_dir):
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["related", JUKI_SHEET, "--store", str(store_dir), "--format", "json", "--limit", "0"]) == 0
    out = json.loads(buf.getvalue())
    assert out["key"]["iri"] == JUKI_PROGRAM
    assert {"iri", "label", "kind", "relation", "path", "score", "detail"} <= set(out["rows"][0])
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["related", "0048", "--store", str(store_dir), "--no-text"]) == 0
    text = buf.getvalue()
    assert "same-statute" in text and "住民基本台帳ネットワークシステムセキュリティ対策経費" in text
    assert "similar-text" not in text
    assert main(["related", "no such thing at all", "--store", str(store_dir)]) == 2


def test_named_query_related_gives_both_sides_articles(store):
    from kg.query.store import named_queries, run_query

    text = named_queries()["related"].read_text(encoding="utf-8")
    variables, rows = run_query(store, text, {"program": JUKI_PROGRAM})
    got = [dict(zip(variables, r, strict=True)) for r in rows]
    law = [r for r in got if r["relation"] == "same-statute" and r["via"] == JUKI_LAW]
    assert len(law) == 1 and law[0]["other_program"] == MYNUMBER_PROGRAM and law[0]["via_label"] == "住民基本台帳法"
    assert set(law[0]["mine"].split(", ")) == {"第30条の24から第30条の40まで", "第31条"}
    assert set(law[0]["theirs"].split(", ")) == {"第7条", "第30条の6", "第30条の9の2"}
    # asserted lineage inside the program is its history, not a related program
    assert not [r for r in got if r["relation"].startswith("lineage")]
    assert {r["other_program"] for r in got} == {MYNUMBER_PROGRAM, f"{BASE}program/2017/soumu/new29-0004",
                                                 f"{BASE}program/2020/soumu/0094"}


def test_a_hub_contractor_is_said_not_enumerated(store, monkeypatch):
    import kg.query.related as R

    monkeypatch.setattr(R, "HUB_ROWS", 0)  # every corporation of the seeds is a hub now
    rows = related(store, MYNUMBER_SHEET)
    hub = _row(rows, f"{BASE}corp/7010701007922", "shared-contractor")
    assert hub["kind"] == "corporation" and hub["detail"]["hub"] is True and hub["detail"]["payee_rows"] == 1
    assert "not listed" in hub["detail"]["how"]
    assert not [r for r in rows if r["relation"] == "shared-contractor" and r["kind"] == "program"]


def test_a_hub_law_keeps_its_row_and_articles_without_enumerating(store, monkeypatch):
    import kg.query.related as R

    monkeypatch.setattr(R, "HUB_SHEETS", 1)  # 住民基本台帳法 (2 sheets) is a hub now
    rows = related(store, JUKI_SHEET)
    law = _row(rows, JUKI_LAW, "legal-basis")
    assert law["detail"]["hub"] is True and law["detail"]["sheets_citing"] == 2
    assert law["detail"]["articles"] == ["第30条の24から第30条の40まで", "第31条"]
    assert not [r for r in rows if r["relation"] == "same-statute"]
