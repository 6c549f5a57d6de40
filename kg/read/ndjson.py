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


MAX_LINE_CHARS = 256 * 1024 * 1024  # one line (one sheet); a longer one is skipped, not held in memory


class LongLine(str):
    """Stands for a line longer than MAX_LINE_CHARS (its text is not kept): ``len(line)`` is 0, ``line.length``
    the characters it had."""

    length = 0


def iter_lines(path: str | Path, max_chars: int = MAX_LINE_CHARS) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) for every line, blank ones included; a line over ``max_chars`` comes as a
    ``LongLine`` (read through, never held). An unopenable file raises ReadError; a file that breaks part way
    raises CutOff after the last good line."""
    p = Path(path)
    try:
        fh = open_text(p)
    except OSError as e:
        raise ReadError(p, f"cannot open: {e.strerror or e}") from None
    n = 0
    with fh:
        try:
            while True:
                line = fh.readline(max_chars)
                if not line:
                    break
                n += 1
                if len(line) >= max_chars and not line.endswith("\n"):
                    long = LongLine()
                    long.length = len(line) + _skip_to_newline(fh)
                    yield n, long
                    continue
                yield n, line
        except (OSError, EOFError, UnicodeDecodeError) as e:
            raise CutOff(n, str(e)) from None


def _skip_to_newline(fh: IO[str], chunk: int = 1 << 20) -> int:
    skipped = 0
    while True:
        part = fh.readline(chunk)
        skipped += len(part)
        if not part or part.endswith("\n"):
            return skipped
