"""Refresh kg/data/egov_law_list_2020-03.csv.gz (the bundled e-Gov law list) from ../shared/data/laws.

Usage: .venv/bin/python scripts/refresh_law_list.py [SOURCE_CSV]
SOURCE_CSV defaults to ../shared/data/laws/egov_law_list_2020-03.csv (columns 法令ID,法令番号,法令名,法令種別コード,
revision_id; see ../shared/data/laws/SOURCE.txt). The gzip is written with mtime 0, so it is byte-for-byte
reproducible; SOURCE.txt is copied beside it.
"""
from __future__ import annotations

import csv
import gzip
import io
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "laws" / "egov_law_list_2020-03.csv"
OUT = ROOT / "kg" / "data" / "egov_law_list_2020-03.csv.gz"
COLUMNS = ["法令ID", "法令番号", "法令名", "法令種別コード", "revision_id"]


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else DEFAULT
    data = src.read_bytes()
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    if header != COLUMNS:
        print(f"unexpected columns in {src}: {header}", file=sys.stderr)
        return 1
    with open(OUT, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    source = src.parent / "SOURCE.txt"
    if source.exists():
        shutil.copyfile(source, OUT.parent / "SOURCE.txt")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes) from {src}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
