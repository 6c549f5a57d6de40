"""Input discovery: which files of the given paths are documents, JUDGIT NDJSON or RS downloads."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

NOTE_NAMES = {"SOURCE.TXT", "README.MD", "README.TXT", "LICENSE", "LICENSE.TXT"}
RS_FILE_RE = re.compile(r"^(\d-\d)_RS_(\d{4})_.*\.(csv|zip)$", re.IGNORECASE)


@dataclass(frozen=True)
class Input:
    path: str
    kind: str  # document | judgit | rs | note


def _is_rs_dir(p: Path) -> bool:
    return any(RS_FILE_RE.match(c.name) for c in p.iterdir() if c.is_file())


def _is_rs_zip(p: Path) -> bool:
    """A zip holding RS-system CSVs (the whole download in one archive)."""
    import zipfile

    if p.suffix.lower() != ".zip" or not p.is_file():
        return False
    try:
        with zipfile.ZipFile(p) as z:
            return any(RS_FILE_RE.match(Path(n).name) for n in z.namelist())
    except (zipfile.BadZipFile, OSError):
        return False


def _is_judgit(p: Path) -> bool:
    n = p.name.lower()
    return n.endswith(".ndjson") or n.endswith(".ndjson.gz") or n.endswith(".jsonl") or n.endswith(".jsonl.gz")


def discover(paths: list[str | Path]) -> list[Input]:
    """Every input under ``paths`` in a stable (sorted) order. Missing paths are returned as documents
    so the build reports them as failed rather than dropping them."""
    out: list[Input] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(_walk(p))
        elif _is_judgit(p):
            out.append(Input(str(p), "judgit"))
        elif RS_FILE_RE.match(p.name):
            out.append(Input(str(p.parent), "rs"))
        elif _is_rs_zip(p):
            out.append(Input(str(p), "rs"))
        else:
            out.append(Input(str(p), "document"))
    seen, uniq = set(), []
    for i in out:
        if i.path not in seen:
            seen.add(i.path)
            uniq.append(i)
    return uniq


def _walk(d: Path) -> list[Input]:
    if _is_rs_dir(d):
        return [Input(str(d), "rs")]
    out: list[Input] = []
    for c in sorted(d.iterdir()):
        if c.name.startswith("."):
            continue
        if c.is_dir():
            out.extend(_walk(c))
        elif _is_judgit(c):
            out.append(Input(str(c), "judgit"))
        elif _is_rs_zip(c):
            out.append(Input(str(c), "rs"))
        elif c.name.upper() in NOTE_NAMES:
            out.append(Input(str(c), "note"))  # data-set notes: listed in the report as skipped
        else:
            out.append(Input(str(c), "document"))
    return out
