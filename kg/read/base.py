"""RawDoc: what every document reader returns, and the errors readers raise."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


class ReadError(Exception):
    """A document that cannot be read at all; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


@dataclass
class RawDoc:
    """A document as text lines (1-based: line n is ``lines[n-1]``).

    Excel-like sources (Excel text export, .tsv, .xlsx) keep cells separated by TAB, one sheet row per
    line, so extractors see the same grid whatever the file format. ``locators`` (optional) maps each
    line to a human locator in the original file (e.g. ``"Sheet1!R12"`` or ``"p3"``).
    """

    path: str
    lines: list[str]
    encoding: str = "utf-8"
    fmt: str = "txt"  # txt | tsv | xlsx | pdf | csv
    sha256: str = ""
    warnings: list[dict] = field(default_factory=list)
    locators: list[str] | None = None

    @property
    def name(self) -> str:
        return Path(self.path).name

    def locate(self, line: int) -> str:
        """Locator of 1-based ``line``: 'L12' or the reader's own (sheet/row, page)."""
        if self.locators and 1 <= line <= len(self.locators):
            return self.locators[line - 1]
        return f"L{line}"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: str | Path) -> tuple[Path, bytes]:
    """The file's bytes; an unreadable file raises ReadError naming it."""
    p = Path(path)
    try:
        return p, p.read_bytes()
    except OSError as e:
        raise ReadError(p, f"cannot open: {e.strerror}") from None
