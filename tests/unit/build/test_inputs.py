"""Input discovery: documents, JUDGIT files, RS folders and RS zips (one per CSV or the whole download)."""
from __future__ import annotations

import zipfile

from kg.build.inputs import discover
from tests.conftest import shared_path


def test_rs_folder_zip_and_notes(tmp_path):
    rs = shared_path("data", "rs2024-soumu")
    one = tmp_path / "download.zip"
    with zipfile.ZipFile(one, "w") as z:
        for c in sorted(rs.glob("*.csv")):
            z.write(c, c.name)
    (tmp_path / "SOURCE.txt").write_text("where the data came from\n", encoding="utf-8")
    (tmp_path / "sheet.txt").write_text("令和4年度行政事業レビューシート\n", encoding="utf-8")
    found = {(i.kind, i.path.rsplit("/", 1)[-1]) for i in discover([tmp_path, rs])}
    assert ("rs", "download.zip") in found
    assert ("rs", "rs2024-soumu") in found
    assert ("note", "SOURCE.txt") in found
    assert ("document", "sheet.txt") in found


def test_judgit_file_and_missing_path(tmp_path):
    j = shared_path("data", "judgit", "judgit-2017.ndjson.gz")
    got = discover([j, tmp_path / "nope.txt"])
    assert [i.kind for i in got] == ["judgit", "document"]  # a missing path is reported by the build, not dropped
