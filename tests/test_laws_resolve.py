"""kg.link.laws: the resolver criterion on RS 1-3 (>= 95% of 法令名 with a known 法令ID map to it), aliases,
and the `kg laws resolve` command."""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys

import pytest

from kg.link.laws import LawIndex, canonical_number, number_from_id
from tests.conftest import ROOT, shared_path

RS13 = "1-3_RS_2024_基本情報_政策・施策、法令等.csv"


@pytest.fixture(scope="module")
def idx() -> LawIndex:
    return LawIndex.load()


def _rs_rows() -> list[dict]:
    raw = shared_path("data", "rs2024-soumu", RS13).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "RS CSVs are UTF-8 with BOM"
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert {"法令名", "法令番号", "法令ID"} <= set(rows[0])
    return rows


def test_rs13_names_resolve_to_their_id(idx):
    total, misses = 0, []
    for r in _rs_rows():
        name, law_id, number = r["法令名"].strip(), r["法令ID"].strip(), r["法令番号"].strip()
        if not name or not law_id:
            continue
        want = idx.canonical_id(law_id) or (idx.resolve_number(number).law_id if number else None)
        if want is None:  # a law after the 2020-03 list (e.g. デジタル社会形成基本法)
            continue
        total += 1
        got = idx.resolve(name)
        if got.law_id != want:
            misses.append((name, law_id, got))
    for m in misses:
        print("MISS", *m)
    assert total >= 300  # the 総務省 rows carry ~350 such names
    assert (total - len(misses)) / total >= 0.95, misses[:20]


def test_giin_rippou_ids_are_aliases_of_one_law(idx):
    # 議員立法: 430AC0000000074 in the 2020 list, 430AC1000000074 on e-Gov today; the 法令番号 is the key
    assert number_from_id("430AC1000000074") == "平成30年法律第74号" == canonical_number("平成三十年法律第七十四号")
    assert idx.canonical_id("430AC1000000074") == "430AC0000000074"
    r = idx.register_alias("430AC1000000074")
    assert r.law_id == "430AC0000000074" and r.title == "ギャンブル等依存症対策基本法"
    assert idx.aliases("平成三十年法律第七十四号") == ["430AC0000000074", "430AC1000000074"]
    # RS 1-3 writes 414AC0100000026 for the law the 2020 list has as 414AC1000000026
    assert idx.canonical_id("414AC0100000026") == "414AC1000000026"


def test_rs_writes_a_law_number_in_the_id_column(idx):
    r = idx.register_alias("平成十一年法律第九十一号")
    assert r.law_id == "411AC0000000091" and r.method == "number"


def test_methods(idx):
    assert idx.resolve("総務省設置法").method == "exact"
    r = idx.resolve("郵政民営化法\u3000抄")
    assert r.law_id == "417AC0000000097"
    r = idx.resolve("電波法第103条の2第4項第3号")
    assert (r.law_id, r.method) == ("325AC0000000131", "normalised")
    r = idx.resolve("番号利用法")
    assert (r.law_id, r.method) == ("425AC0000000027", "abbreviation")
    r = idx.resolve("平成25年法律第29号")
    assert (r.law_id, r.method) == ("425AC0000000029", "number")
    r = idx.resolve("行政手続における特定個人を識別するための番号の利用等に関する法律")  # の missing
    assert (r.law_id, r.method) == ("425AC0000000027", "fuzzy") and r.score >= 0.85
    # a different law with a similar name is not taken
    assert idx.resolve("地方独立行政法人法施行細則").law_id is None
    assert idx.resolve("存在しない架空の法律").method == "unresolved"


def test_register_a_law_missing_from_the_list(idx):
    fresh = LawIndex(list(idx.by_id.values())[:10])
    r = fresh.register_alias("503AC0000000035", "令和三年法律第三十五号", "デジタル社会形成基本法")
    assert r.law_id == "503AC0000000035"
    assert fresh.resolve("デジタル社会形成基本法第33条").law_id == "503AC0000000035"


def test_resolve_text_keeps_unresolved_laws(idx):
    got = idx.resolve_text("総務省設置法第4条第1項第28号 架空制度推進法第3条")
    assert got == [{"law": "総務省設置法", "law_id": "411AC0000000091",
                    "citations": [{"article": "4", "paragraph": "1", "item": "28"}]},
                   {"law": "架空制度推進法", "law_id": None, "citations": [{"article": "3"}]}]


def _kg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", "laws", "resolve", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_cli_one_argument_per_line():
    run = _kg("住民基本台帳法第30条の24から第30条の40まで", "番号利用法第8条")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0]) == [{"law": "住民基本台帳法", "law_id": "342AC0000000081",
                                     "citations": [{"article": "30の24", "to": "30の40"}]}]
    assert json.loads(lines[1])[0]["law_id"] == "425AC0000000027"


def test_cli_stdin():
    run = _kg("-", stdin="総務省設置法第4条\nサイバーセキュリティ基本法第16条\n")
    assert run.returncode == 0, run.stderr
    got = [json.loads(line) for line in run.stdout.splitlines()]
    assert [g[0]["law_id"] for g in got] == ["411AC0000000091", "426AC1000000104"]


def test_issue19_misses(idx):
    # an exact title holding 「、」, followed by citations
    assert idx.resolve("医薬品、医療機器等の品質、有効性及び安全性の確保等に関する法律").law_id == "335AC0000000145"
    assert idx.resolve("医薬品、医療機器等の品質、有効性及び安全性の確保等に関する法律第23条の2の23～第23条の19").law_id \
        == "335AC0000000145"
    # a title in parentheses; a title followed by 「その他、当該事業に関する法律等」
    assert idx.resolve("（国立研究開発法人建築研究所法）").law_id == "411AC0000000206"
    assert idx.resolve("奄美群島振興開発特別措置法その他、当該事業に関する法律等").law_id == "329AC1000000189"
    # era rewriting: the list's 平成三十七年 is 令和七年
    assert idx.resolve("令和七年に開催される国際博覧会の準備及び運営のために必要な特別措置に関する法律").law_id \
        == "431AC0000000018"
    # the title inside 「」 after a 法令番号 with a date; an e-Gov URL carrying the ID; 法 left off
    assert idx.resolve("平成23年８月10日法律第95号「歯科口腔保健の推進に関する法律」").law_id == "423AC1000000095"
    assert idx.resolve("文化芸術基本法https://elaws.e-gov.go.jp/document?lawid=413AC1000000148").law_id \
        == "413AC1000000148"
    assert idx.resolve("森林・林業基本").law_id == "339AC0000000161"
    # what follows a title but makes another law is never cut off
    assert idx.resolve("地方独立行政法人法施行細則").law_id is None
    assert idx.resolve("雇用保険法等の一部を改正する法律（平成19年法律第30号）附則").law_id != "349AC0000000116"


def test_renamed_law_learned_from_rs_ids():
    from kg.link.laws import ABBREVIATIONS, LAW_LIST, read_abbreviations, read_law_list

    idx = LawIndex(read_law_list(LAW_LIST), read_abbreviations(ABBREVIATIONS))  # private: learning must not leak
    renamed = "農林漁業法人等に対する投資の円滑化に関する特別措置法"  # was 農業法人に対する投資の円滑化に関する特別措置法
    assert idx.resolve(renamed).law_id is None
    r = idx.register_alias("414AC0000000052", "平成十四年法律第五十二号", renamed)  # as RS 1-3 prints it
    assert r.law_id == "414AC0000000052"
    assert idx.resolve(renamed).law_id == "414AC0000000052"
    assert idx.resolve("農業法人に対する投資の円滑化に関する特別措置法").law_id == "414AC0000000052"
    # a law after the 2020 list, learned with its title, keyed by 法令番号
    r = idx.register_alias("503AC0000000036", "令和三年法律第三十六号", "デジタル庁設置法")
    assert idx.resolve("デジタル庁設置法（2025年夏頃施行予定）").law_id == "503AC0000000036"
    # a title that already names another law is not learned for this one
    assert not idx.learn_title("総務省設置法", idx.by_id["414AC0000000052"])
    assert idx.resolve("総務省設置法").law_id == "411AC0000000091"


def _private_index() -> LawIndex:
    from kg.link.laws import ABBREVIATIONS, LAW_LIST, read_abbreviations, read_law_list

    return LawIndex(read_law_list(LAW_LIST), read_abbreviations(ABBREVIATIONS))  # learning must not leak


def test_an_unknown_id_takes_over_no_title():
    idx = _private_index()
    # 412AC0000000091 decodes to 平成12年法律第91号, which the list does not hold; its title names 平成11年法律第91号
    r = idx.register_alias("412AC0000000091", None, "総務省設置法")
    assert r.law_id is None
    assert idx.conflicts == [{"law_id": "412AC0000000091", "law_number": "平成12年法律第91号", "title": "総務省設置法",
                              "title_law_id": "411AC0000000091"}]
    assert idx.resolve("総務省設置法").law_id == "411AC0000000091"
    assert "412AC0000000091" not in idx.by_id
    # an ID of the list keeps the list's law, whatever 法令番号 is printed beside it (RS: 「平成11年法率第91号」)
    r = idx.register_alias("411AC0000000091", "平成11年法率第91号", "総務省設置法")
    assert (r.law_id, r.law_number) == ("411AC0000000091", "平成十一年法律第九十一号")
    assert idx.by_id["411AC0000000091"].law_number == "平成十一年法律第九十一号"


def test_post_2020_laws_learned_from_rs_1_3_rows():
    idx = _private_index()
    text = "過疎地域の持続的発展の支援に関する特別措置法、デジタル社会形成基本法第2条"
    assert [x["law_id"] for x in idx.resolve_text(text)] == [None, None]  # not in the 2020 list
    for r in _rs_rows():  # as kg.link.statutes does with RS 1-3 of 総務省
        if r["法令ID"]:
            idx.register_alias(r["法令ID"], r["法令番号"] or None, r["法令名"])
    assert idx.conflicts == []
    got = idx.resolve_text(text)
    assert [(x["law_id"], x["citations"]) for x in got] == [("503AC1000000019", []),
                                                            ("503AC0000000035", [{"article": "2"}])]
    # 「及び」-joined, and the 法令番号 written in the text
    got = idx.resolve_text("デジタル社会形成基本法及び地方公共団体情報システムの標準化に関する法律")
    assert [x["law_id"] for x in got] == ["503AC0000000035", "503AC0000000040"]
    assert idx.resolve("令和三年法律第四十号").law_id == "503AC0000000040"


def test_internal_errors_are_counted_not_hidden(monkeypatch):
    from kg.link import laws
    from kg.link.statutes import link_statutes

    real = laws.LawIndex._resolve

    def broken(self, name):
        if "壊れた" in name:
            raise ValueError("a bug met on this text")
        return real(self, name)

    monkeypatch.setattr(laws.LawIndex, "_resolve", broken)
    recs = [{"legal_bases": [{"law": "壊れた法律", "citations": []}, {"law": "総務省設置法", "citations": []}],
             "warnings": []}]
    stats = link_statutes(recs)
    assert stats["internal_errors"] == 1 and stats["unresolved"] == 1 and stats["resolved"] == 1
    assert stats["internal_error_examples"] == [{"name": "壊れた法律", "error": "ValueError: a bug met on this text"}]
    assert recs[0]["legal_bases"][1]["law_id"] == "411AC0000000091"
    assert [w["code"] for w in recs[0]["warnings"]] == ["law_unresolved"]

    def missing(self, name):
        raise ImportError("no sudachipy")

    monkeypatch.setattr(laws.LawIndex, "_resolve", missing)
    with pytest.raises(ImportError):  # a missing dependency fails loudly
        LawIndex.load().resolve("総務省設置法")


def test_renamed_laws_on_real_rs_rows():
    """Every RS 2024 1-3 row (all ministries) printing a title of kg/data/law_renames.tsv beside an ID resolves, by
    the title alone and without learning from RS, to that ID's law; an e-Gov revision ID names its law."""
    import io
    import zipfile

    from kg.link.laws import RENAMES, law_id_of, read_abbreviations

    renames = read_abbreviations(RENAMES)
    with zipfile.ZipFile(shared_path("data", "rs2024", "1-3_RS_2024_基本情報_政策・施策、法令等.zip")) as z:
        raw = z.read(next(n for n in z.namelist() if n.endswith(".csv")))
    rows = [r for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
            if r["法令名"].strip() in renames and r["法令ID"].strip()]
    idx = _private_index()
    idx.add_renames(renames)
    assert {r["法令名"].strip() for r in rows} >= {"宅地造成及び特定盛土等規制法", "漁港及び漁場の整備等に関する法律",
                                                 "独立行政法人エネルギー・金属鉱物資源機構法"}
    checked = 0
    for r in rows:
        want = idx.canonical_id(r["法令ID"])
        if want is None:  # 「IDなし」 in the ID column
            assert not re.match(r"^[1-5]\d{2}[A-Z]{2}", r["法令ID"].strip()), r["法令ID"]
            continue
        assert idx.resolve(r["法令名"]).law_id == want, r
        checked += 1
    assert checked >= 10
    assert law_id_of("414AC0000000094_20240524_506AC0000000037") == "414AC0000000094"
    assert idx.canonical_id("414AC0000000094_20260523_506AC0000000038") == "414AC0000000094"
    assert idx.resolve("覚醒剤取締法第41条").law_id == "326AC1000000252"  # 覚せい剤取締法 in the 2020 list


def test_a_title_naming_another_year_is_another_law():
    # RS 1-3 prints 504AC0000000015 (令和4年法律第15号) beside the 2027 horticultural expo law; the list has the 2025
    # expo law (平成三十七年 = 令和七年), whose title differs by the year and 園芸: neither a conflict nor a fuzzy match
    idx = _private_index()
    title = "令和九年に開催される国際園芸博覧会の準備及び運営のために必要な特別措置に関する法律"
    assert idx.resolve(title).law_id is None
    assert idx.register_alias("504AC0000000015", "令和4年法律第15号", title).law_id == "504AC0000000015"
    assert idx.conflicts == []
    assert idx.resolve(title).law_id == "504AC0000000015"
    assert idx.resolve(title.replace("令和九年", "令和七年").replace("園芸", "")).law_id == "431AC0000000018"
