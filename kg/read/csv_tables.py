"""CSV tables read as streams: encoding sniffed per file (UTF-8 with or without BOM, UTF-16 with BOM, else CP932),
headers matched after NFKC without white space, the file hashed while it is read, malformed rows counted."""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from kg.read.base import ReadError
from kg.read.rs_download import Source


class HashingReader(io.RawIOBase):
    """Binary stream that hashes what is read through it."""

    def __init__(self, raw: IO[bytes]):
        self.raw, self.h = raw, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        data = self.raw.read(len(b))
        n = len(data)
        b[:n] = data
        self.h.update(data)
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


def sniff_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp932"


def header_key(name: str) -> str:
    """Column key: NFKC, no white space ('翌年度への繰越し(合計）' and '翌年度への繰越し（合計）' agree)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or "")).lstrip("\ufeff")


@dataclass
class Table:
    code: str
    label: str
    encoding: str = ""
    sha256: str = ""
    rows: int = 0
    header: list[str] = field(default_factory=list)
    bad_rows: list[tuple[int, str]] = field(default_factory=list)


def iter_csv(src: Source, table: Table, key_column: str = "予算事業ID") -> Iterator[tuple[int, dict[str, str]]]:
    """(data row number, {header_key: cell}) for each row of one CSV, streamed; the file must have ``key_column``.
    ``table`` fills with the encoding, header, row count, malformed rows and the sha256 of the whole file."""
    try:
        raw = HashingReader(src.opener())
    except (OSError, zipfile.BadZipFile) as e:
        raise ReadError(src.label, f"cannot open: {e}") from None
    buf = io.BufferedReader(raw, buffer_size=1 << 16)
    table.encoding = sniff_encoding(buf.peek(1 << 16)[: 1 << 16])
    text = io.TextIOWrapper(buf, encoding=table.encoding, newline="")
    try:
        reader = csv.reader(text)
        header = next(reader, None)
        if header is None:
            raise ReadError(src.label, "empty CSV (no header row)")
        table.header = [header_key(h) for h in header]
        if key_column not in table.header:
            raise ReadError(src.label, f"no {key_column} column (header: {', '.join(header[:8])} …)")
        for n, row in enumerate(reader, start=1):
            if not any(row):
                continue
            table.rows = n
            if len(row) != len(table.header):
                table.bad_rows.append((n, f"{len(row)} cells for {len(table.header)} columns"))
            yield n, dict(zip(table.header, row, strict=False))
        while buf.read(1 << 20):  # hash to the end
            pass
    except UnicodeDecodeError as e:
        raise ReadError(src.label, f"invalid {table.encoding} text at byte {e.start}: {e.reason}") from None
    except csv.Error as e:
        raise ReadError(src.label, f"malformed CSV: {e}") from None
    finally:
        table.sha256 = raw.h.hexdigest()
        text.close()
