"""Per-input extraction cache: an unchanged input (same bytes, same kg code) is not re-extracted.

Key = sha256 of the input's bytes (all files of a folder input) + a fingerprint of kg's own source, so
a code change invalidates everything. Values are the extracted records, gzip JSON, under DIR/cache/.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from kg.build.inputs import Input
from kg.paths import PACKAGE_DIR


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    h = hashlib.sha256()
    root = PACKAGE_DIR
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".csv", ".json") and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def input_fingerprint(inp: Input) -> str | None:
    p = Path(inp.path)
    h = hashlib.sha256()
    try:
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            h.update(os.fsencode(f.name))  # names that are not UTF-8 too
            with f.open("rb") as fh:
                for chunk in iter(lambda fh=fh: fh.read(1 << 20), b""):
                    h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


class ExtractCache:
    def __init__(self, out_dir: str | Path):
        self.dir = Path(out_dir) / "cache"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.code = code_fingerprint()

    def _path(self, fp: str) -> Path:
        return self.dir / f"{fp[:32]}-{self.code}.json.gz"

    def get(self, inp: Input) -> dict | None:
        fp = input_fingerprint(inp)
        if not fp:
            return None
        p = self._path(fp)
        if not p.exists():
            return None
        try:
            with gzip.open(p, "rt", encoding="utf-8", errors="surrogateescape") as f:
                data = json.load(f)
        except (OSError, ValueError):
            return None
        return data if data.get("input") == inp.path else None

    def put(self, inp: Input, payload: dict) -> None:
        fp = input_fingerprint(inp)
        if not fp:
            return
        payload = dict(payload, input=inp.path)
        tmp = self._path(fp).with_suffix(".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8", errors="surrogateescape", compresslevel=3) as f:
            json.dump(payload, f, ensure_ascii=False)
        tmp.replace(self._path(fp))

    def prune(self) -> int:
        """Remove cache files written by other versions of kg's code."""
        n = 0
        for p in self.dir.glob("*.json.gz"):
            if not p.name.endswith(f"-{self.code}.json.gz"):
                p.unlink()
                n += 1
        return n
