"""RawDoc: what every document reader returns, and the errors readers raise."""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

# Bounds on reading one input (a hostile or broken file fails with a clear reason instead of hanging the build)
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024  # a document file (.txt/.tsv/.xlsx/.pdf)
MAX_XLSX_XML_BYTES = 128 * 1024 * 1024  # all XML parts of a workbook, uncompressed (as the zip directory says)
MAX_XLSX_CELLS = 5_000_000  # cells of one worksheet's value grid
MAX_JSON_DEPTH = 200  # nesting of one JUDGIT line (real lines nest 4 deep)


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
    # a PDF's cell grid: {1-based line: {TAB cell: where its text was rejoined across a line the cell's width cut,
    # a space of the sheet's there not told from none by the page (kg.read.pdf_grid.Cut, cell_text_cut)}}
    cut_cells: dict[int, dict[int, tuple]] = field(default_factory=dict)

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


def special_kind(mode: int) -> str | None:
    """What a non-regular file is, in words (None for a regular file or a folder)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def check_regular(path: str | Path, limit: int | None = MAX_DOCUMENT_BYTES) -> int:
    """The size of ``path``, which must be a regular file (a FIFO or a device would block or never end) of at most
    ``limit`` bytes; else ReadError naming it."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as e:
        raise ReadError(p, f"cannot open: {e.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(p, "a folder, not a document")
    special = special_kind(st.st_mode)
    if special:
        raise ReadError(p, f"{special}, not a document; not read")
    if limit is not None and st.st_size > limit:
        raise ReadError(p, f"file too large ({st.st_size:,} bytes > the limit of {limit:,})")
    return st.st_size


def open_regular(path: str | Path, limit: int | None = MAX_DOCUMENT_BYTES):
    """A binary file object for a regular file of at most ``limit`` bytes (checked on the open file too, so a file
    swapped for a FIFO after the check cannot block: the open does not wait for a writer)."""
    p = Path(path)
    check_regular(p, limit)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise ReadError(p, f"cannot open: {e.strerror}") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise ReadError(p, "not a regular file; not read")
    return os.fdopen(fd, "rb")


def read_bytes(path: str | Path, limit: int | None = MAX_DOCUMENT_BYTES) -> tuple[Path, bytes]:
    """The file's bytes (at most ``limit``); an unreadable, special or oversized file raises ReadError naming it."""
    p = Path(path)
    with open_regular(p, limit) as f:
        try:
            data = f.read(limit + 1) if limit is not None else f.read()
        except OSError as e:
            raise ReadError(p, f"cannot read: {e.strerror}") from None
    if limit is not None and len(data) > limit:
        raise ReadError(p, f"file too large (more than the limit of {limit:,} bytes)")
    return p, data
