"""Readers: bytes -> RawDoc for documents (``read_document`` picks the reader from content, not name), and the raw
rows of the data sets (kg.read.ndjson: JUDGIT lines; kg.read.rs_download and kg.read.csv_tables: the RS CSVs)."""
from __future__ import annotations

from pathlib import Path

from kg.read.base import RawDoc, ReadError

DOC_SUFFIXES = {".txt", ".tsv", ".text", ".xlsx", ".xlsm", ".pdf"}


def read_document(path: str | Path) -> RawDoc:
    from kg.read.base import open_regular

    p = Path(path)
    with open_regular(p) as f:
        try:
            head = f.read(8)
        except OSError as e:
            raise ReadError(p, f"cannot read: {e.strerror}") from None
    if not head:
        raise ReadError(p, "empty file")
    if head.startswith(b"%PDF"):
        from kg.read.pdf import read_pdf

        return read_pdf(p)
    if head.startswith(b"PK\x03\x04"):
        from kg.read.xlsx import read_xlsx

        return read_xlsx(p)
    from kg.read.text import read_text

    return read_text(p)


__all__ = ["RawDoc", "ReadError", "read_document", "DOC_SUFFIXES"]
