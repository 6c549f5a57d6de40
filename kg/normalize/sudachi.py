"""Sudachi (sudachipy + sudachidict_core): one Dictionary per process, loaded lazily.

Used where rules alone fail, e.g. to find where a law name starts inside a free-text sentence
("本事業は電波法第103条…" -> "電波法"). Text is NFKC-folded by the callers first (DESIGN.md: NFKC, then Sudachi).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

_LOCK = threading.RLock()
_TOKENIZER = None


@dataclass(frozen=True)
class Token:
    surface: str
    pos: tuple[str, ...]
    normalized: str
    begin: int
    end: int


def _tokenizer():
    """The process-wide tokenizer (SplitMode.C: longest units, good for names)."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                from sudachipy import Dictionary, SplitMode

                _TOKENIZER = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
    return _TOKENIZER


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    """Morphemes of ``text`` with surface, part of speech, normalized form and character offsets."""
    if not text:
        return ()
    with _LOCK:  # a sudachipy Tokenizer is not safe to share between threads
        ms = _tokenizer().tokenize(text)
        return tuple(Token(m.surface(), tuple(m.part_of_speech()), m.normalized_form(), m.begin(), m.end())
                     for m in ms)


def normalized(text: str) -> str:
    """Sudachi normalized forms joined (folds spelling variants: 附則 -> 付則, 組み合せ -> 組み合わせ); law titles are
    matched on it (kg.link.laws)."""
    return "".join(t.normalized for t in tokenize(text))


def clause_start(text: str) -> int:
    """Offset just after the last topic particle (係助詞 は/も) or punctuation mark in ``text``.

    Law titles contain case and conjunctive particles (の, に, を, が, て) but not these, so what follows the last one is the
    candidate name: '本事業は電波法' -> 4. 0 when there is none.
    """
    start = 0
    for t in tokenize(text):
        if t.pos[0] == "助詞" and t.pos[1] == "係助詞" and text[max(0, t.begin - 1):t.begin] not in ("又", "或"):
            start = t.end
        elif t.pos[0] == "補助記号" and t.pos[1] in ("句点", "読点"):
            start = t.end
    return start


@dataclass(frozen=True)
class Unit:
    """A long unit (SplitMode.C) and its short units (SplitMode.A; the unit itself when it does not split)."""
    token: Token
    short: tuple[Token, ...]


@lru_cache(maxsize=8192)
def tokenize_units(text: str) -> tuple[Unit, ...]:
    """Morphemes of ``text`` in SplitMode.C, each with its SplitMode.A parts (one tokenisation, two granularities)."""
    if not text:
        return ()
    from sudachipy import SplitMode

    out = []
    with _LOCK:
        for m in _tokenizer().tokenize(text):
            tok = Token(m.surface(), tuple(m.part_of_speech()), m.normalized_form(), m.begin(), m.end())
            parts = m.split(SplitMode.A)
            short = tuple(Token(a.surface(), tuple(a.part_of_speech()), a.normalized_form(), a.begin(), a.end())
                          for a in parts) if len(parts) > 1 else (tok,)
            out.append(Unit(tok, short))
    return tuple(out)
