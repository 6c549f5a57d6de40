"""Plain-text readers (.txt/.tsv): encoding detection with a clear error for what is not text.

Order: BOM (UTF-8, UTF-16 LE/BE) -> strict UTF-8 -> CP932 (Shift_JIS superset) -> UTF-16 without BOM
(by NUL pattern) -> refusal. We never decode with 'replace' silently.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from kg.read.base import MAX_DOCUMENT_BYTES, RawDoc, ReadError, read_bytes, sha256_bytes

MAX_TEXT_BYTES = MAX_DOCUMENT_BYTES


def decode(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding) or raise ReadError naming ``path``."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path, "utf-8-sig")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", path, "utf-16")
    if b"\x00" in data:
        for enc in ("utf-16-le", "utf-16-be"):
            text = _try_utf16(data, enc)
            if text is not None:
                return text, enc
        raise ReadError(path, "binary content (NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_err = e
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError:
        pass
    raise ReadError(path, f"unknown text encoding (not UTF-8: {utf8_err.reason} at byte {utf8_err.start}; "
                          "not CP932/Shift_JIS; not UTF-16)")


def _try_utf16(data: bytes, enc: str) -> str | None:
    """UTF-16 without BOM: accept only if it decodes strictly to text-like characters."""
    if len(data) % 2:
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    sample = text[:4000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r") or 0xE000 <= ord(c) <= 0xF8FF
              or ord(c) in (0xFFFE, 0xFFFF))
    return text if sample and bad <= 0.01 * len(sample) else None


def _strict(data: bytes, codec: str, path, label: str) -> tuple[str, str]:
    try:
        return data.decode(codec), label
    except UnicodeDecodeError as e:
        raise ReadError(path, f"invalid {label} at byte {e.start}: {e.reason}") from None


def read_text(path: str | Path) -> RawDoc:
    p, data = read_bytes(path, MAX_TEXT_BYTES)  # a regular file, bounded: never a FIFO or /dev/zero
    text, enc = decode(data, p)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    fmt = "tsv" if p.suffix.lower() == ".tsv" else "txt"
    return RawDoc(path=str(p), lines=lines, encoding=enc, fmt=fmt, sha256=sha256_bytes(data))
