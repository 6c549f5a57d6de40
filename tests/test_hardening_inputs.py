"""Issue 23, inputs: every input is read with bounds (size, time, depth), discovery never loops, special files are
skipped with a reason, and no file name or value can abort a build. Inputs are made here, by code."""
from __future__ import annotations

import io
import json
import os
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from kg.build.inputs import discover
from kg.read import read_document
from kg.read.base import ReadError
from tests.conftest import SEEDS

SEED0 = SEEDS / "000_38c8df3bc6a1d4a3.txt"


def _folder_with_seed(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED0, d / "sheet.txt")
    return d


def test_symlink_loops_are_walked_once(tmp_path):
    """A folder with links back to itself and its parent: discovery ends, the document is listed once and each loop
    is listed as skipped (it used to hang, or read one document 41 times)."""
    d = _folder_with_seed(tmp_path)
    sub = d / "sub"
    sub.mkdir()
    (sub / "up").symlink_to("..")
    (d / "self").symlink_to(".")
    (d / "knot").symlink_to("knot")  # a link to itself: ELOOP
    t0 = time.perf_counter()
    found = discover([d])
    assert time.perf_counter() - t0 < 5
    docs = [i for i in found if i.kind == "document"]
    assert [Path(i.path).name for i in docs] == ["sheet.txt"]
    skipped = {Path(i.path).name: i.reason for i in found if i.kind == "skip"}
    assert set(skipped) == {"up", "self", "knot"}
    assert "loop" in skipped["knot"] and "again" in skipped["self"] and "again" in skipped["up"]


def test_second_link_to_a_file_is_read_once(tmp_path):
    d = _folder_with_seed(tmp_path)
    (d / "alias.txt").symlink_to(d / "sheet.txt")
    found = discover([d])
    assert [Path(i.path).name for i in found if i.kind == "document"] == ["alias.txt"]  # sorted first, read once
    [skip] = [i for i in found if i.kind == "skip"]
    assert Path(skip.path).name == "sheet.txt" and "same file" in skip.reason


def test_fifo_and_device_links_are_skipped_never_opened(tmp_path):
    """A FIFO would block the build forever and /dev/zero never ends: both are listed with a reason, not read."""
    d = _folder_with_seed(tmp_path)
    os.mkfifo(d / "pipe.txt")
    (d / "zero.txt").symlink_to("/dev/zero")
    (d / "gone.txt").symlink_to(d / "nowhere")
    found = {Path(i.path).name: i for i in discover([d])}
    assert found["sheet.txt"].kind == "document"
    assert found["pipe.txt"].kind == "skip" and "FIFO" in found["pipe.txt"].reason
    assert found["zero.txt"].kind == "skip" and "character device" in found["zero.txt"].reason
    assert found["gone.txt"].kind == "skip" and "dangling" in found["gone.txt"].reason
    # given directly (not through a folder) they are refused by the reader at once, never blocking
    t0 = time.perf_counter()
    for name in ("pipe.txt", "zero.txt"):
        with pytest.raises(ReadError, match="not a document") as e:
            read_document(d / name)
        assert name in str(e.value)
    assert time.perf_counter() - t0 < 2


def test_oversized_text_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    import kg.read.text as text

    monkeypatch.setattr(text, "MAX_TEXT_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_bytes(SEED0.read_bytes())
    with pytest.raises(ReadError, match="too large") as e:
        read_document(p)
    assert str(p) in str(e.value) and f"{p.stat().st_size:,}" in str(e.value)


def _zip_bomb_xlsx(sheet_mib: int) -> bytes:
    """A real workbook whose first sheet holds one cell of ``sheet_mib`` MiB of '0' (deflated ~1000:1)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "事業名"
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                z.writestr(info, data)
                continue
            head, rest = data.split(b"<sheetData>", 1)
            tail = rest.split(b"</sheetData>", 1)[1]
            zi = zipfile.ZipInfo(info.filename)
            zi.compress_type = zipfile.ZIP_DEFLATED
            with z.open(zi, "w", force_zip64=True) as f:
                f.write(head + b'<sheetData><row r="1"><c r="A1"><v>')
                chunk = b"0" * (1 << 20)
                for _ in range(sheet_mib):
                    f.write(chunk)
                f.write(b"</v></c></row></sheetData>" + tail)
    return out.getvalue()


def test_xlsx_zip_bomb_is_refused_in_seconds(tmp_path):
    """412 KB of .xlsx whose sheet XML is 400 MB of '0' took over 300 s; now refused from the zip directory."""
    t0 = time.perf_counter()
    p = tmp_path / "bomb.xlsx"
    p.write_bytes(_zip_bomb_xlsx(400))
    made = time.perf_counter() - t0
    assert p.stat().st_size < 1_000_000
    t1 = time.perf_counter()
    with pytest.raises(ReadError, match="too large when unpacked") as e:
        read_document(p)
    assert time.perf_counter() - t1 < 5, "refused before parsing"
    assert str(p) in str(e.value) and "xl/worksheets/sheet1.xml" in str(e.value)
    assert made < 30


def test_xlsx_styled_extent_does_not_become_a_grid(tmp_path):
    """A value in XFD1 and another in A200000 make a 16384 x 200000 extent: the grid holds only the value cells."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["XFD1"], ws["A200000"] = "事業名", "テスト事業", "端", "末尾"
    p = tmp_path / "wide.xlsx"
    wb.save(p)
    t0 = time.perf_counter()
    doc = read_document(p)
    assert time.perf_counter() - t0 < 20
    assert doc.lines[0].startswith("事業名\tテスト事業\t") and doc.lines[0].endswith("\t端")
    assert doc.lines[0].count("\t") == 16383
    assert len(doc.lines) == 200000 and doc.lines[-1] == "末尾" and doc.locate(200000) == "Sheet!R200000"


def test_make_safe_cuts_oversized_values_and_escapes_undecodable_names():
    from kg.build.guard import TRUNCATION_MARK, make_safe

    bad_name = os.fsdecode("シート".encode("cp932") + b".txt")
    rec = {"source": bad_name, "project_name": "長" * 50, "payees": [{"name": "短い", "description": "x" * 30}],
           "warnings": [{"code": "c", "message": f"in {bad_name}"}]}
    make_safe(rec, max_chars=25)
    json.dumps(rec, ensure_ascii=False).encode("utf-8")  # writable now
    assert rec["source"] == "\\x83V\\x81[\\x83g.txt"
    assert rec["project_name"] == "長" * 25 + TRUNCATION_MARK
    assert rec["payees"][0] == {"name": "短い", "description": "x" * 25 + TRUNCATION_MARK}
    kept = {t["field"]: t for t in rec["truncated_values"]}
    assert kept["project_name"] == {"field": "project_name", "length": 50, "value": "長" * 50}
    assert kept["payees[0].description"]["length"] == 30
    codes = [w["code"] for w in rec["warnings"]]
    assert codes.count("value_truncated") == 2 and rec["warnings"][0]["message"] == "in \\x83V\\x81[\\x83g.txt"


def test_time_limit_interrupts_a_slow_reader():
    from kg.build.guard import time_limit

    t0 = time.perf_counter()
    with pytest.raises(ReadError, match="time limit exceeded") as e:
        with time_limit(0.2, "slow.txt"):
            while True:
                sum(range(1000))
    assert time.perf_counter() - t0 < 2 and e.value.path == "slow.txt"


def test_judgit_line_nested_too_deeply_is_one_bad_line(tmp_path):
    from kg.sources.judgit import JudgitReader

    p = tmp_path / "j.ndjson"
    good = {"公開年度": 2017, "府省庁": "総務省", "事業番号2": "0001", "事業名": "テスト事業"}
    p.write_text(json.dumps(good, ensure_ascii=False) + "\n" + "[" * 50_000 + "]" * 50_000 + "\n"
                 + json.dumps({**good, "事業番号2": "0002", "事業目的": [[["not text"]]]}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    reader = JudgitReader(p)
    recs = list(reader)
    assert [r["project_number"] for r in recs] == ["0001", "0002"]
    assert [n for n, _ in reader.errors] == [2] and "nested too deeply" in reader.errors[0][1]
    assert "purpose" not in recs[1]["extra"]


def test_judgit_line_over_the_line_limit_is_skipped_not_held(tmp_path):
    from kg.read.ndjson import LongLine, iter_lines
    from kg.sources.judgit import JudgitReader

    good = json.dumps({"公開年度": 2017, "府省庁": "総務省", "事業番号2": "0001", "事業名": "テスト事業"},
                      ensure_ascii=False)
    p = tmp_path / "j.ndjson"
    p.write_text(good + "\n" + "x" * 5000 + "\n" + good.replace("0001", "0002") + "\n", encoding="utf-8")
    lines = list(iter_lines(p, max_chars=1000))
    assert [n for n, _ in lines] == [1, 2, 3]
    assert isinstance(lines[1][1], LongLine) and lines[1][1].length == 5001
    assert lines[2][1].startswith("{") and json.loads(lines[2][1])["事業番号2"] == "0002"
    import kg.read.ndjson as nd

    old = nd.MAX_LINE_CHARS
    try:
        nd.iter_lines.__defaults__ = (1000,)
        reader = JudgitReader(p)
        assert [r["project_number"] for r in reader] == ["0001", "0002"]
        assert reader.errors[0][0] == 2 and "5,001 characters" in reader.errors[0][1]
    finally:
        nd.iter_lines.__defaults__ = (old,)


def test_rs_zip_bomb_is_refused_from_the_zip_directory(tmp_path):
    from kg.read.rs_download import find_sources

    p = tmp_path / "rs.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for code in ("1-1", "1-2", "1-3"):
            z.writestr(f"{code}_RS_2024_x.csv", "事業名\n")
        zi = zipfile.ZipInfo("2-1_RS_2024_予算・執行_サマリ.csv")
        zi.compress_type = zipfile.ZIP_DEFLATED
        with z.open(zi, "w", force_zip64=True) as f:
            for _ in range(100):
                f.write(b"0" * (1 << 20))
    assert p.stat().st_size < 1_000_000
    t0 = time.perf_counter()
    with pytest.raises(ReadError, match="unpacks to 104,857,600 bytes") as e:
        find_sources(p)
    assert time.perf_counter() - t0 < 2 and str(p) in str(e.value)
