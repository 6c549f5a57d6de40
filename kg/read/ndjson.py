"""NDJSON files read as numbered lines: ``.ndjson`` / ``.jsonl`` (UTF-8, BOM allowed) or their ``.gz``, streamed."""
from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kg.read.base import ReadError


class CutOff(Exception):
    """The file ended or broke after line ``line`` (a cut-off .gz, an undecodable byte)."""

    def __init__(self, line: int, reason: str):
        self.line = line
        super().__init__(f"file cut off or corrupt after line {line}: {reason}")


def file_sha256(path: str | Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="\n")
    return open(path, encoding="utf-8-sig", newline="\n")


def iter_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) for every line, blank ones included. An unopenable file raises ReadError;
    a file that breaks part way raises CutOff after the last good line."""
    p = Path(path)
    try:
        fh = open_text(p)
    except OSError as e:
        raise ReadError(p, f"cannot open: {e.strerror or e}") from None
    n = 0
    with fh:
        try:
            for n, line in enumerate(fh, start=1):  # noqa: B007 - n is used after the loop
                yield n, line
        except (OSError, EOFError, UnicodeDecodeError) as e:
            raise CutOff(n, str(e)) from None
