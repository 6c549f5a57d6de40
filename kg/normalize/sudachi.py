"""Sudachi (sudachipy + sudachidict_core): one Dictionary per process, loaded lazily.

Used where rules alone fail, e.g. to find where a law name starts inside a free-text sentence
("本事業は電波法第103条…" -> "電波法"). Text is NFKC-folded by the callers first (DESIGN.md: NFKC, then Sudachi).
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import NamedTuple

_LOCK = threading.RLock()
_TOKENIZER = None


class Token(NamedTuple):  # a NamedTuple, not a frozen dataclass: built ~5x faster (millions per national build)
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
                from sudachipy import SplitMode

                _TOKENIZER = _dictionary().tokenizer(mode=SplitMode.C)
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


@lru_cache(maxsize=1 << 16)
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


@lru_cache(maxsize=4096)
def _noun_across(text: str, at: int) -> int | None:
    """Where the word of the dictionary that offset ``at`` of ``text`` falls strictly inside starts, when it is a
    noun (not a word Sudachi made up for characters it does not know); else None."""
    if not 0 < at < len(text):
        return None
    with _LOCK:
        for m in _tokenizer().tokenize(text):
            if m.begin() < at < m.end():
                return m.begin() if not m.is_oov() and _pos(m.part_of_speech_id())[0] == "名詞" else None
            if m.begin() >= at:
                break
    return None


def inside_word(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` falls strictly inside one word of the dictionary, a noun (``_noun_across``):
    「吉|田恵」 inside the family name 吉田, 「高村審|議官」 inside 審議官 — no space can have stood there. A boundary
    between two words (「山本|拓也」) is not inside one."""
    return _noun_across(text, at) is not None


def word_goes_on(text: str, piece: str) -> bool:
    """Whether ``piece``, the next line of a wrapped cell, carries on a word ``text`` ends in the middle of: the join
    falls inside one dictionary noun (``inside_word``) that starts where a word of ``text`` alone starts
    (「合同会社大」+「和総研」: 大和; 「審議官 山」+「本直子」: 山本; 「有限会社野村総合研究」+「所・株式会」: the name
    野村総合研究所). A word made only by breaking up a word of ``text`` (「…法律事務所」+「在り」 makes 所在 out of 事務所)
    is no proof: ``text`` may well have ended there. Both of two cells may pass (「…英訳作業」+「所」: 作業所)."""
    if not text or not piece or text[-1].isspace() or piece[0].isspace():
        return False
    begin = _noun_across(text + piece, len(text))
    return begin is not None and any(t.begin == begin for t in tokenize(text))


class Unit(NamedTuple):
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
            tok = Token(m.surface(), _pos(m.part_of_speech_id()), m.normalized_form(), m.begin(), m.end())
            parts = m.split(SplitMode.A)
            short = tuple(Token(a.surface(), _pos(a.part_of_speech_id()), a.normalized_form(), a.begin(), a.end())
                          for a in parts) if len(parts) > 1 else (tok,)
            out.append(Unit(tok, short))
    return tuple(out)


_POS: dict[int, tuple[str, ...]] = {}


def _pos(pos_id: int) -> tuple[str, ...]:
    """The part-of-speech tuple of a POS id, built once per id (the dictionary has a few thousand)."""
    pos = _POS.get(pos_id)
    if pos is None:
        pos = _POS[pos_id] = tuple(_dictionary().pos_of(pos_id))
    return pos


_DICTIONARY = None
DICT = "core"  # the system dictionary: the distribution sudachidict_core
DISTRIBUTIONS = ("sudachipy", f"sudachidict_{DICT}")  # whose versions decide what Sudachi returns


def _dictionary():
    global _DICTIONARY
    if _DICTIONARY is None:
        from sudachipy import Dictionary

        _DICTIONARY = Dictionary(dict=DICT)
    return _DICTIONARY


def content_forms(text: str, keep_pos, form) -> list[str]:
    """What kg.normalize.terms makes of ``text``, without building a Token per morpheme: for every long unit
    (SplitMode.C), the kept forms of its short units (SplitMode.A) and then its own form when it splits and is kept
    and differs from those. ``keep_pos(pos_tuple) -> bool`` is asked once per part-of-speech id, ``form(normalized)
    -> str | None`` once per distinct normalized form (both cached here per process).

    What a long unit gives is a function of its dictionary entry (its part of speech, normalized form and SplitMode.A
    parts are the entry's): it is worked out once per word id and remembered (``_WORDS``), so a morpheme already met
    costs one look-up instead of a split and a filter of its parts. Out-of-vocabulary morphemes (Sudachi's unknown
    words and the numbers and katakana runs its plugins join: ``is_oov()``, a word id shared by every such morpheme of
    one part of speech) are worked out every time.

    Same output as building ``tokenize_units`` and filtering it (tests/unit/normalize/test_terms_fast.py); about 3x
    faster than that, and the per-word memory takes another third off (bench/README.md, issue 22 fifth round),
    which matters because the term layer tokenises every 事業名/事業目的/事業概要 and payee name of a national
    build."""
    if not text:
        return []
    from sudachipy import SplitMode

    keep = _KEEP.setdefault(keep_pos, {})
    forms = _FORMS.setdefault(form, {})
    words = _WORDS.setdefault((keep_pos, form), {})
    a_mode = SplitMode.A

    def kept(m) -> str | None:
        pid = m.part_of_speech_id()
        k = keep.get(pid)
        if k is None:
            k = keep[pid] = bool(keep_pos(_pos(pid)))
        if not k:
            return None
        n = m.normalized_form()
        f = forms.get(n, _MISSING)
        if f is _MISSING:
            f = forms[n] = form(n)
        return f

    def unit(m) -> tuple[str, ...]:
        parts = m.split(a_mode)
        if len(parts) > 1:
            shorts = [f for a in parts if (f := kept(a))]
            f = kept(m)
            if f and f not in shorts:
                shorts.append(f)
            return tuple(shorts)
        f = kept(m)
        return (f,) if f else ()

    out: list[str] = []
    with _LOCK:
        for m in _tokenizer().tokenize(text):
            wid = m.word_id()
            got = words.get(wid)
            if got is None:
                got = unit(m)
                if not m.is_oov():
                    words[wid] = got
            if got:
                out.extend(got)
    return out


_MISSING = object()
_KEEP: dict = {}  # keep_pos -> {pos id: bool}
_FORMS: dict = {}  # form -> {normalized form: term or None}
_WORDS: dict = {}  # (keep_pos, form) -> {word id of a dictionary entry: what its long unit gives}
