"""Finding the files of an RS-system CSV download (rssystem.go.jp/download-csv): a folder of CSVs, the zip files
of the download (one CSV each; also folders named like the zips with the CSV inside), or one zip holding them.
Files are recognised by their "N-N_RS_YYYY_" prefix; 1-1, 1-2, 1-3 and 2-1 are required (ReadError otherwise,
naming the folder, the expected pattern and what was found)."""
from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kg.read.base import ReadError

FILE_RE = re.compile(r"^(\d-\d)_RS_(\d{4})_(.*)\.(csv|zip)$", re.IGNORECASE)
REQUIRED = ("1-1", "1-2", "1-3", "2-1")
# a zip member unpacking beyond these is refused from the zip directory, before reading (CSV deflates ~5-15:1)
MAX_MEMBER_BYTES = 8 * 1024**3
BOMB_MIN_BYTES = 64 * 1024**2
BOMB_RATIO = 200
FILE_TITLES = {
    "1-1": "基本情報_組織情報", "1-2": "基本情報_事業概要等", "1-3": "基本情報_政策・施策、法令等",
    "1-4": "基本情報_補助率等", "1-5": "基本情報_関連事業", "2-1": "予算・執行_サマリ",
    "2-2": "予算・執行_予算種別・歳出予算項目", "3-1": "効果発現経路_目標・実績", "3-2": "効果発現経路_目標のつながり",
    "4-1": "点検・評価", "5-1": "支出先_支出情報", "5-2": "支出先_支出ブロックのつながり", "5-3": "支出先_費目・使途",
    "5-4": "支出先_国庫債務負担行為等による契約", "6-1": "その他備考",
}


@dataclass
class Source:
    code: str  # "1-2"
    label: str  # file name (zip!member for zipped CSVs)
    opener: Callable[[], IO[bytes]]


def zip_member_name(info: zipfile.ZipInfo) -> str:
    """Member name, repairing Japanese names stored without the UTF-8 flag (read as CP437 by zipfile)."""
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for enc in ("utf-8", "cp932"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return name


def _zip_sources(path: Path, code_hint: str | None = None) -> list[Source]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise ReadError(path, f"not a readable zip file: {e}") from None
    out = []
    members = [i for i in zf.infolist() if not i.is_dir()]
    for info in members:
        if info.file_size > MAX_MEMBER_BYTES or (info.file_size > BOMB_MIN_BYTES
                                                 and info.file_size > BOMB_RATIO * max(info.compress_size, 1)):
            zf.close()
            raise ReadError(path, f"{zip_member_name(info)} unpacks to {info.file_size:,} bytes from "
                                  f"{info.compress_size:,} (over {MAX_MEMBER_BYTES:,} bytes or {BOMB_RATIO}:1, "
                                  f"not a CSV of the download); not read")
    for info in members:
        name = Path(zip_member_name(info)).name
        m = FILE_RE.match(name)
        code = m[1] if m else None
        if name.lower().endswith(".zip"):
            continue  # nested zips are not part of the official download
        if not name.lower().endswith(".csv"):
            continue
        if code is None and code_hint and len([x for x in members if x.filename.lower().endswith(".csv")]) == 1:
            code = code_hint
        if code:
            out.append(Source(code, f"{path.name}!{name}", lambda zf=zf, info=info: zf.open(info)))
    return out


def find_sources(path: str | Path) -> tuple[Path, dict[str, Source], list[str]]:
    """(folder or zip, {code: Source}, names found) for an RS download; raises ReadError when 1-1/1-2/1-3/2-1
    are missing."""
    p = Path(path)
    if not p.exists():
        raise ReadError(p, "no such file or folder (expected an RS-system CSV download)")
    found: list[str] = []
    sources: dict[str, Source] = {}

    def add(s: Source) -> None:
        if s.code in sources and sources[s.code].label != s.label:
            raise ReadError(p, f"two files for {s.code}: {sources[s.code].label} and {s.label}")
        sources[s.code] = s

    if p.is_file():
        if p.suffix.lower() != ".zip":
            p = p.parent  # one CSV of the download named: read its folder
        else:
            found.append(p.name)
            for s in _zip_sources(p):
                add(s)
    if p.is_dir():
        for c in sorted(p.iterdir()):
            if c.name.startswith("."):
                continue
            found.append(c.name + ("/" if c.is_dir() else ""))
            m = FILE_RE.match(c.name) or FILE_RE.match(c.name + ".csv")
            if c.is_dir() and m:  # a zip unpacked into a folder of the same name
                for inner in sorted(c.glob("*.csv")):
                    add(Source(m[1], f"{c.name}/{inner.name}", lambda inner=inner: open(inner, "rb")))
            elif c.is_file() and m and c.suffix.lower() == ".csv":
                add(Source(m[1], c.name, lambda c=c: open(c, "rb")))
            elif c.is_file() and c.suffix.lower() == ".zip":
                for s in _zip_sources(c, m[1] if m else None):
                    add(s)
    missing = [c for c in REQUIRED if c not in sources]
    if missing:
        want = ", ".join(f"{c}_RS_YYYY_{FILE_TITLES[c]}.csv (or .zip)" for c in missing)
        shown = ", ".join(found[:30]) + (" …" if len(found) > 30 else "") if found else "nothing"
        raise ReadError(p, f"not a complete RS-system download: missing {want}; found: {shown}")
    return p, sources, found
