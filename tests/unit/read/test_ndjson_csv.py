"""Raw readers of the data sets: NDJSON lines (.gz too) and CSV tables (encoding, header keys, file hash)."""
from __future__ import annotations

import gzip
import hashlib
import io

import pytest

from kg.read.base import ReadError
from kg.read.csv_tables import Table, header_key, iter_csv, sniff_encoding
from kg.read.ndjson import CutOff, file_sha256, iter_lines
from kg.read.rs_download import Source


def test_ndjson_lines_numbered_from_gz_and_plain(tmp_path):
    body = '{"公開年度": 2017}\n\n{"公開年度": 2018}\n'
    gz = tmp_path / "a.ndjson.gz"
    gz.write_bytes(gzip.compress(body.encode()))
    plain = tmp_path / "a.ndjson"
    plain.write_bytes(b"\xef\xbb\xbf" + body.encode())  # a BOM is dropped
    assert list(iter_lines(gz)) == list(iter_lines(plain)) == [
        (1, '{"公開年度": 2017}\n'), (2, "\n"), (3, '{"公開年度": 2018}\n')]
    assert file_sha256(plain) == hashlib.sha256(plain.read_bytes()).hexdigest()


def test_ndjson_cut_off_gz_and_missing_file(tmp_path):
    data = gzip.compress(("".join(f'{{"n": {i}}}\n' for i in range(5000))).encode())
    cut = tmp_path / "cut.ndjson.gz"
    cut.write_bytes(data[: len(data) // 2])
    seen = []
    with pytest.raises(CutOff) as e:
        for n, _ in iter_lines(cut):
            seen.append(n)
    assert e.value.line == seen[-1] and "cut off or corrupt after line" in str(e.value)
    with pytest.raises(ReadError, match="nope.ndjson: cannot open"):
        list(iter_lines(tmp_path / "nope.ndjson"))


@pytest.mark.parametrize("head,enc", [(b"\xef\xbb\xbfa,b", "utf-8-sig"), ("予算事業ID".encode(), "utf-8"),
                                      ("予算事業ID".encode("cp932"), "cp932"), (b"\xff\xfea\x00", "utf-16")])
def test_encoding_sniffed(head, enc):
    assert sniff_encoding(head) == enc


def test_csv_table_rows_header_keys_and_hash():
    raw = "予算事業ID,翌年度への繰越し(合計）,事業名\r\n672,▲1,000,地方議会\r\n673,5\r\n".encode("cp932")
    src = Source("2-1", "2-1_RS_2024_予算・執行_サマリ.csv", lambda: io.BytesIO(raw))
    table = Table("2-1", src.label)
    rows = list(iter_csv(src, table))
    assert header_key("翌年度への繰越し（合計）") == "翌年度への繰越し(合計)"
    assert rows[0] == (1, {"予算事業ID": "672", "翌年度への繰越し(合計)": "▲1", "事業名": "000"})
    assert table.encoding == "cp932" and table.rows == 2
    assert table.bad_rows == [(1, "4 cells for 3 columns"), (2, "2 cells for 3 columns")]
    assert table.sha256 == hashlib.sha256(raw).hexdigest()


def test_csv_without_the_key_column_names_the_file():
    src = Source("1-2", "1-2_RS_2024_x.csv", lambda: io.BytesIO("事業名\nx\n".encode()))
    with pytest.raises(ReadError, match="1-2_RS_2024_x.csv: no 予算事業ID column"):
        list(iter_csv(src, Table("1-2", src.label)))
