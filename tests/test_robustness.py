"""Bad input never crashes a build or loses data (issue 8): every input gets a clear status."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build.inputs import Input
from kg.build.pipeline import process_input
from kg.read.text import decode
from tests.conftest import SEEDS

SEED0 = SEEDS / "000_38c8df3bc6a1d4a3.txt"


def _status(path: Path):
    res = process_input(Input(str(path), "document"))
    return res.status, " ".join(res.reasons), res.records


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "shift_jis", "utf-16", "utf-16-le"])
def test_encodings_are_detected(tmp_path, encoding):
    text = SEED0.read_text(encoding="utf-8")
    p = tmp_path / f"sheet-{encoding}.txt"
    p.write_bytes(text.encode(encoding, errors="strict"))
    status, _, recs = _status(p)
    assert status in ("ok", "warnings")
    assert recs[0]["project_name"] == "住民基本台帳ネットワークシステムセキュリティ対策経費"
    by_row = {(p["block"], p["rank"]): p for p in recs[0]["payees"]}
    assert by_row[("C", 3)]["corporate_number"] == "6010001001817"


def test_undecodable_text_names_the_file(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("caf\xe9 \xff\xfe\xfd".encode("latin-1") + bytes([0x81, 0x20, 0xFF]))
    status, reason, _ = _status(p)
    assert status == "failed" and str(p) in reason


@pytest.mark.parametrize("content,needle", [
    (b"", "empty file"),
    (bytes(range(256)) * 40, "binary"),
    ("ただの文章です。\n行政とは関係のないメモ。\n".encode(), "unknown layout"),
])
def test_damaged_or_foreign_input(tmp_path, content, needle):
    p = tmp_path / "input.txt"
    p.write_bytes(content)
    status, reason, _ = _status(p)
    assert status == "failed" and needle in reason and str(p) in reason


def test_missing_file_is_reported(tmp_path):
    status, reason, _ = _status(tmp_path / "nope.txt")
    assert status == "failed" and "nope.txt" in reason


def test_pdf_without_text_layer(tmp_path):
    pytest.importorskip("reportlab", reason="reportlab is a test dependency")  # installed by .[test]
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    c.rect(100, 100, 200, 200, fill=1)  # an 'image': no text at all
    c.showPage()
    c.save()
    status, reason, _ = _status(p)
    assert status == "failed" and "text" in reason and str(p) in reason


def test_truncated_sheet_is_flagged_not_dropped():
    status, _, recs = _status(SEEDS / "001_bd9263d41549200e.txt")
    assert status == "warnings"
    codes = {w["code"] for w in recs[0]["warnings"]}
    assert any("trunc" in c for c in codes)
    assert recs[0]["budget"][0]["initial"] == 336  # what is there is kept


def test_large_text_file(tmp_path):
    text = SEED0.read_text(encoding="utf-8")
    filler = "\n".join(f"備考\t補足説明の行 {i}\t" for i in range(330_000))
    p = tmp_path / "big.txt"
    p.write_text(text + "\n" + filler + "\n", encoding="utf-8")
    assert p.stat().st_size > 10 * 1024 * 1024
    status, _, recs = _status(p)
    assert status in ("ok", "warnings")
    assert recs[0]["payees"][0]["name"] == "委員謝金(委員A)"


def test_utf16_without_bom_is_detected():
    text, enc = decode("事業名\t住民基本台帳\n".encode("utf-16-le"))
    assert enc == "utf-16-le" and text.startswith("事業名")


def test_build_goes_on_past_bad_inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED0, src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.bin").write_bytes(bytes(range(256)) * 10)
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "--quiet"],
                       capture_output=True, text=True, env={**os.environ, "CI": "1"})
    assert r.returncode == 3, r.stderr  # built from the good input; exit 3 tells scripts that some inputs failed
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    by_name = {Path(i["input"]).name: i for i in report["inputs"]}
    assert set(by_name) == {"good.txt", "empty.txt", "binary.bin"}
    assert by_name["empty.txt"]["status"] == "failed" and "empty" in by_name["empty.txt"]["reasons"][0]
    assert by_name["binary.bin"]["status"] == "failed"
    assert by_name["good.txt"]["status"] in ("ok", "warnings")
    assert "2010401075423" in (out / "graph.nt").read_text(encoding="utf-8")
    assert "FAILED" in r.stdout


def test_killed_build_leaves_previous_store_usable(tmp_path):
    """A build that dies before the swap leaves store/ as it was (write new, then swap)."""
    from kg.query.store import load_new_store, open_store, run_query

    out = tmp_path / "out"
    out.mkdir()
    nq = out / "a.nq"
    nq.write_text('<http://x/s> <http://x/p> "old" <http://x/g> .\n', encoding="utf-8")
    load_new_store(out, nq)
    # a half-written new store (as a killed build leaves it) must not replace the old one
    (out / "store.new").mkdir()
    (out / "store.new" / "garbage").write_text("partial", encoding="utf-8")
    st = open_store(out)
    _, rows = run_query(st, "SELECT ?o WHERE { ?s ?p ?o }")
    assert rows == [["old"]]
    del st
    nq.write_text('<http://x/s> <http://x/p> "new" <http://x/g> .\n', encoding="utf-8")
    load_new_store(out, nq)  # the next build cleans the leftover and swaps
    _, rows = run_query(open_store(out), "SELECT ?o WHERE { ?s ?p ?o }")
    assert rows == [["new"]]


def test_query_refuses_updates(tmp_path):
    from kg.query.store import QueryError, load_new_store, open_store, run_query

    nq = tmp_path / "a.nq"
    nq.write_text('<http://x/s> <http://x/p> "v" <http://x/g> .\n', encoding="utf-8")
    load_new_store(tmp_path, nq)
    st = open_store(tmp_path)
    with pytest.raises(QueryError, match="only read queries"):
        run_query(st, "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")
    with pytest.raises(QueryError, match="only read queries"):
        run_query(st, "DELETE WHERE { ?s ?p ?o }")
    # parameters are bound, not pasted: an injection attempt is just a literal that matches nothing
    q = "SELECT ?s WHERE { VALUES ?v { UNDEF } ?s <http://x/p> ?v }"
    _, rows = run_query(st, q, {"v": "\" } ; DROP ALL ; #"})
    assert rows == []
    _, rows = run_query(st, q, {"v": "v"})
    assert rows == [["http://x/s"]]
    _, rows = run_query(st, q)  # unbound parameter: no constraint
    assert rows == [["http://x/s"]]


def test_parameters_reach_typed_companions_as_terms_never_as_text(tmp_path):
    from kg.query.store import bind_parameters, load_new_store, open_store, query_parameters, run_query

    nq = tmp_path / "a.nq"
    nq.write_text('<http://x/s> <http://x/label> "総務省"@ja <http://x/g> .\n'
                  '<http://x/s> <http://x/year> "2021"^^<http://www.w3.org/2001/XMLSchema#integer> <http://x/g> .\n',
                  encoding="utf-8")
    load_new_store(tmp_path, nq)
    st = open_store(tmp_path)
    q = ("SELECT ?s WHERE { VALUES ?m { UNDEF } VALUES ?m_ja { UNDEF } VALUES ?y { UNDEF } VALUES ?y_int { UNDEF }"
         " ?s <http://x/label> ?m_ja ; <http://x/year> ?y_int }")
    assert query_parameters(q) == ["m", "y"]
    # a name reaches the @ja companion NFKC-folded, a year (full-width digits too) the xsd:integer one
    assert run_query(st, q, {"m": "総務省", "y": "２０２１"})[1] == [["http://x/s"]]
    assert run_query(st, q, {"m": "総務省", "y": "2020"})[1] == []
    # not a number: no integer companion (unbound = no constraint), and text never becomes syntax
    text, _ = bind_parameters(q, {"y": '1" } ; DROP ALL ; #'})
    assert "VALUES ?y_int { UNDEF }" in text
    assert run_query(st, q, {"m": '総務省"@ja } ; DROP ALL ; #'})[1] == []
