"""Guards around reading one input: a time limit, and records that can always be serialised.

- ``time_limit(seconds, what)``: raises ``ReadError`` when reading and extracting one input takes longer (a SIGALRM
  timer, in the main thread of the process doing the work, which is where the build runs each input).
- ``make_safe(record)``: every string of a record (values, warnings, provenance) becomes writable UTF-8 of bounded
  size: an oversized value (one literal could otherwise make an N-Triples line over the 16 MiB a parser accepts and
  abort the whole store load) is cut to ``MAX_VALUE_CHARS`` with a ``value_truncated`` warning, and its full text is
  kept aside (``record["truncated_values"]``, listed in report.json, never emitted); text that is not valid UTF-8
  (a file name in another encoding, kept by Python as lone surrogates) is written with the bad bytes escaped.
"""
from __future__ import annotations

import os
import re
import signal
import threading
from contextlib import contextmanager

from kg.read.base import ReadError

MAX_VALUE_CHARS = 1 << 20  # one literal: at most 1 Mi characters (<= 4 MiB of UTF-8)
TRUNCATION_MARK = "…[truncated by kg]"
DOCUMENT_SECONDS = 600.0  # reading + extracting one document
DATASET_SECONDS = 4 * 3600.0  # one JUDGIT file or RS download


@contextmanager
def time_limit(seconds: float | None, path: str):
    """Raise ReadError(path, 'time limit…') when the body runs longer than ``seconds`` (main thread only; elsewhere
    and with ``seconds`` None the body runs unbounded)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expired(_sig, _frame):
        raise ReadError(path, f"time limit exceeded: reading and extracting took more than {seconds:g} s; not read")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_seconds(kind: str) -> float:
    """The time limit for one input of ``kind`` (env KG_INPUT_SECONDS overrides both)."""
    env = os.environ.get("KG_INPUT_SECONDS")
    if env:
        try:
            return float(env)
        except ValueError:
            pass
    return DATASET_SECONDS if kind in ("judgit", "rs") else DOCUMENT_SECONDS


def clean_text(s: str) -> str:
    """``s`` as valid UTF-8 text: lone surrogates (undecodable bytes of a file name) become \\xNN escapes."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") \
            if _only_escapes(s) else s.encode("utf-8", "backslashreplace").decode("utf-8")


def _only_escapes(s: str) -> bool:
    try:
        s.encode("utf-8", "surrogateescape")
        return True
    except UnicodeEncodeError:
        return False


def make_safe(rec: dict, max_chars: int = MAX_VALUE_CHARS) -> dict:
    """Make every string in ``rec`` writable and bounded, in place (see the module doc); returns ``rec``.

    Nearly every record is already safe: one C-speed pass (``_already_safe``: its pickle or its JSON text) proves
    it, and the walk below, which cost a fifth of the extraction CPU of a national build (bench/README.md), runs
    only for the others."""
    if _already_safe(rec, max_chars):
        rec["warnings"] = rec.get("warnings") or []
        return rec
    cut: list[dict] = []

    def fix(v, where: str):
        if isinstance(v, str):
            v = clean_text(v)
            if len(v) > max_chars:
                cut.append({"field": where, "length": len(v), "value": v})
                return v[:max_chars] + TRUNCATION_MARK
            return v
        if isinstance(v, dict):
            for k in list(v):
                nk = clean_text(k) if isinstance(k, str) else k
                val = fix(v[k], f"{where}.{nk}" if where else str(nk))
                if nk != k:
                    del v[k]
                v[nk] = val
            return v
        if isinstance(v, list):
            for i, x in enumerate(v):
                v[i] = fix(x, f"{where}[{i}]")
            return v
        if isinstance(v, tuple):
            return tuple(fix(x, f"{where}[{i}]") for i, x in enumerate(v))
        return v

    for key in [k for k in rec if k not in ("warnings", "truncated_values")]:
        rec[key] = fix(rec[key], key)
    rec["warnings"] = fix(rec.get("warnings") or [], "warnings")
    if cut:
        rec.setdefault("truncated_values", []).extend(cut)
        for c in cut:
            rec["warnings"].append({"code": "value_truncated", "field": c["field"],
                                    "message": f"{c['field']}: a value of {c['length']:,} characters cut to "
                                               f"{max_chars:,} (the full value is in report.json truncated_values)"})
    return rec


_SURROGATE_UTF8 = re.compile(rb"\xed[\xa0-\xbf]")  # a surrogate code point in UTF-8 (surrogatepass): never valid


def _already_safe(rec: dict, max_chars: int) -> bool:
    """True when no string of ``rec`` can need fixing: no string is longer than ``max_chars`` and none holds a lone
    surrogate (they encode as UTF-8).

    First proof: the record's pickle (C, 2.5-3x faster than its JSON text). It holds every string of the record as
    UTF-8 bytes, lone surrogates as ED A0-BF.. (which valid UTF-8 never has), so a pickle of at most ``max_chars``
    bytes without such a pair proves both. Binary fields of the pickle (floats, lengths) can hold such a pair by
    chance (about 1 record in 100–400): then, as before, the JSON text decides (at most ``max_chars`` characters
    and encodable as UTF-8); only records failing both are walked."""
    import json
    import pickle

    try:
        data = pickle.dumps(rec, protocol=5)
    except Exception:  # noqa: BLE001 - an object pickle cannot take: the JSON proof below decides
        data = None
    if data is not None and len(data) <= max_chars and not _SURROGATE_UTF8.search(data):
        return True
    try:
        text = json.dumps(rec, ensure_ascii=False, default=repr, check_circular=False)
    except (TypeError, ValueError, RecursionError):
        return False
    if len(text) > max_chars:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
