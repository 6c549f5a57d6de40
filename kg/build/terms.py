"""The terms of a build's texts, computed once on every core before linking (stage ``terms``).

Sudachi is the costliest step shared by two stages: the evidence linker compares the terms of 事業名 + 事業目的 +
事業概要 of ~35 candidate pairs per sheet (kg.link.term_evidence) and emission writes the same texts' terms as the
term layer (kg.emit.text). Each used to tokenise them on its own, the linker once per year pair a sheet takes part
in. Here every distinct text is tokenised once, the work dealt out to forked workers, and the result handed to
kg.normalize.terms (``remember``), which the linker's and the emitter's forked workers inherit.

The terms are also kept in DIR/cache/ (keyed by a digest of each text, under a fingerprint of the term code and the
Sudachi dictionary), so a rebuild — after a linker change, or with a year's data added — tokenises only new texts.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from kg.normalize import terms as term_layer
from kg.normalize.names import corp_display
from kg.normalize.text import nfkc
from kg.pickled import read_pickle, write_pickle
from kg.records import Record

PARALLEL_MIN_TEXTS = 2000  # below this, forking costs more than it saves
_TEXTS: list[str] = []  # set while forked workers run


def texts_of(records: Iterable[Record]) -> list[str]:
    """The distinct texts the link and emit stages ask terms of, sorted: each sheet's 事業名, 事業目的, 事業概要 and
    its payees' labels (their display names, as emitted)."""
    found: set[str] = set()
    for rec in records:
        extra = rec.get("extra") or {}
        for t in (rec.get("project_name"), rec.get("purpose") or extra.get("purpose"),
                  rec.get("summary") or extra.get("overview")):
            if t:
                found.add(t)
        for p in rec.get("payees") or []:
            label = nfkc(p.get("name_display") or corp_display(p.get("name") or ""))
            if label:
                found.add(label)
    return sorted(found)


def fingerprint() -> str:
    """Changes whenever what ``terms`` returns may change: the term code and Sudachi's dictionary."""
    import importlib.metadata as md

    from kg.normalize import sudachi

    h = hashlib.sha256()
    for mod in (term_layer, sudachi):
        h.update(Path(mod.__file__).read_bytes())
    for dist in sudachi.DISTRIBUTIONS:
        try:
            h.update(f"{dist}={md.version(dist)}".encode())
        except md.PackageNotFoundError:
            h.update(dist.encode())
    return h.hexdigest()[:16]


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def precompute(records: list[Record], jobs: int = 1, cache_dir: Path | None = None) -> dict:
    """Tokenise every text of ``texts_of(records)`` not cached yet (forked workers when ``jobs`` > 1) and make their
    terms known to kg.normalize.terms; returns figures for report.json."""
    texts = texts_of(records)
    path = Path(cache_dir) / f"terms-{fingerprint()}.pickle" if cache_dir else None
    cached: dict[bytes, tuple[str, ...]] = (read_pickle(path, dict) if path is not None else None) or {}
    keys = [_key(t) for t in texts]
    todo = [t for t, k in zip(texts, keys, strict=True) if k not in cached]
    found = dict(zip(todo, _tokenise(todo, jobs), strict=True))
    known = {t: (cached[k] if k in cached else found[t]) for t, k in zip(texts, keys, strict=True)}
    term_layer.remember(known)
    if path is not None and todo:
        write_pickle(path, {k: known[t] for t, k in zip(texts, keys, strict=True)}, "terms-*.pickle")
    return {"texts": len(texts), "tokenised": len(todo), "from_cache": len(texts) - len(todo)}


def _tokenise(texts: list[str], jobs: int) -> list[tuple[str, ...]]:
    import multiprocessing as mp

    from kg.fork import fork_pool

    global _TEXTS
    if jobs < 2 or len(texts) < PARALLEL_MIN_TEXTS or "fork" not in mp.get_all_start_methods():
        return [term_layer.terms(t) for t in texts]
    n = jobs * 8  # small shares: texts differ in length
    _TEXTS = texts
    try:
        with fork_pool(jobs) as pool:
            parts = pool.map(_share, [(i, n) for i in range(n)], chunksize=1)
    finally:
        _TEXTS = []
    out: list[tuple[str, ...]] = [()] * len(texts)
    for i, part in enumerate(parts):
        out[i::n] = part
    return out


def _share(args: tuple[int, int]) -> list[tuple[str, ...]]:
    i, n = args
    return [term_layer.terms(t) for t in _TEXTS[i::n]]
