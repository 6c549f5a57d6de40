"""kg.link.laws: the resolver criterion on RS 1-3 (>= 95% of 法令名 with a known 法令ID map to it), aliases,
and the `kg laws resolve` command."""
from __future__ import annotations

import csv
import json
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
