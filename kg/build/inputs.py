"""Input discovery: which files of the given paths are documents, JUDGIT NDJSON or RS downloads.

Discovery is bounded: every folder is walked once (a symlink loop or a second link to a folder already walked is
listed as skipped, not followed), a file reached twice (hard or symbolic links) is read once, and what is not a
regular file (FIFO, device such as a link to /dev/zero, socket, dangling link) is listed as skipped with the reason
and never opened. Names that are not valid UTF-8 are kept as the OS gives them (so the file can be read) and shown
with the bad bytes escaped (``display_path``).
"""
from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from kg.read.base import special_kind

NOTE_NAMES = {"SOURCE.TXT", "README.MD", "README.TXT", "LICENSE", "LICENSE.TXT"}
RS_FILE_RE = re.compile(r"^(\d-\d)_RS_(\d{4})_.*\.(csv|zip)$", re.IGNORECASE)


MAX_DEPTH = 64  # folder nesting below an input folder
MAX_FILES = 1_000_000  # files under one input folder


@dataclass(frozen=True)
class Input:
    path: str
    kind: str  # document | judgit | rs | note | skip
    reason: str = ""  # why a ``skip`` input is not read


def display_path(path: str | os.PathLike) -> str:
    """A path as printable UTF-8: bytes that are not UTF-8 (kept by Python as surrogates) become \\xNN."""
    s = os.fspath(path)
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return os.fsencode(s).decode("utf-8", "backslashreplace")


def _is_rs_dir(p: Path) -> bool:
    try:
        return any(RS_FILE_RE.match(c.name) and c.is_file() for c in p.iterdir())
    except OSError:
        return False


def _is_rs_zip(p: Path) -> bool:
    """A zip holding RS-system CSVs (the whole download in one archive)."""
    import zipfile

    if p.suffix.lower() != ".zip":
        return False
    try:
        if not stat.S_ISREG(p.stat().st_mode):
            return False
        with zipfile.ZipFile(p) as z:
            return any(RS_FILE_RE.match(Path(n).name) for n in z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _is_judgit(p: Path) -> bool:
    n = p.name.lower()
    return n.endswith(".ndjson") or n.endswith(".ndjson.gz") or n.endswith(".jsonl") or n.endswith(".jsonl.gz")


class _Walk:
    """One discovery: the folders and files seen so far (by device and inode), so nothing is walked or read twice."""

    def __init__(self):
        self.dirs: dict[tuple[int, int], str] = {}
        self.files: dict[tuple[int, int], str] = {}
        self.count = 0

    def classify(self, p: Path, depth: int = 0) -> list[Input]:
        try:
            st = p.stat()  # follows links: a link to a FIFO or a device is that FIFO or device
        except OSError as e:
            if not p.is_symlink():
                return [Input(str(p), "document")]  # missing: reported failed by the reader
            why = "a symbolic link loop" if e.errno == errno.ELOOP else f"a dangling symbolic link ({e.strerror})"
            return [Input(str(p), "skip", f"{display_path(p)}: skipped, {why}")]
        key = (st.st_dev, st.st_ino)
        if stat.S_ISDIR(st.st_mode):
            if key in self.dirs:
                return [Input(str(p), "skip", f"{display_path(p)}: skipped, the folder {display_path(self.dirs[key])} "
                                              f"again (a symbolic link loop or a second link to it)")]
            if depth > MAX_DEPTH:
                return [Input(str(p), "skip", f"{display_path(p)}: skipped, folders nested deeper than {MAX_DEPTH}")]
            self.dirs[key] = str(p)
            return self.walk(p, depth)
        special = special_kind(st.st_mode)
        if special:
            return [Input(str(p), "skip", f"{display_path(p)}: skipped, {special}, not a document")]
        if key in self.files:
            return [Input(str(p), "skip", f"{display_path(p)}: skipped, the same file as "
                                          f"{display_path(self.files[key])} (a link to it)")]
        self.files[key] = str(p)
        return [self.kind_of(p, top=depth == 0)]

    @staticmethod
    def kind_of(p: Path, top: bool) -> Input:
        if _is_judgit(p):
            return Input(str(p), "judgit")
        if top and RS_FILE_RE.match(p.name):
            return Input(str(p.parent), "rs")
        if _is_rs_zip(p):
            return Input(str(p), "rs")
        if not top and p.name.upper() in NOTE_NAMES:
            return Input(str(p), "note")  # data-set notes: listed in the report as skipped
        return Input(str(p), "document")

    def walk(self, d: Path, depth: int) -> list[Input]:
        if _is_rs_dir(d):
            return [Input(str(d), "rs")]
        try:
            children = sorted(d.iterdir(), key=lambda c: os.fsencode(c.name))
        except OSError as e:
            return [Input(str(d), "skip", f"{display_path(d)}: skipped, cannot list the folder ({e.strerror})")]
        out: list[Input] = []
        for c in children:
            if c.name.startswith("."):
                continue
            self.count += 1
            if self.count > MAX_FILES:
                out.append(Input(str(c), "skip", f"{display_path(d)}: stopped listing after {MAX_FILES:,} entries"))
                break
            out.extend(self.classify(c, depth + 1))
        return out


def discover(paths: list[str | Path]) -> list[Input]:
    """Every input under ``paths`` in a stable (sorted) order. Missing paths are returned as documents
    so the build reports them as failed rather than dropping them; what cannot be read safely is returned with
    kind ``skip`` and the reason, so the report lists it."""
    w = _Walk()
    out: list[Input] = []
    for raw in paths:
        out.extend(w.classify(Path(raw)))
    seen, uniq = set(), []
    for i in out:
        if i.path not in seen:
            seen.add(i.path)
            uniq.append(i)
    return uniq
