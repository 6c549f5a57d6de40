"""The term layer: content words of Japanese text as normalised search terms. Pure functions.

NFKC first, then Sudachi (core dictionary, one Dictionary per process: kg.normalize.sudachi).

Choices, and why:
- Split mode: every long unit (SplitMode.C, e.g. 情報セキュリティ, 住民基本台帳) gives its short units
  (SplitMode.A: 情報, セキュリティ / 住民, 基本, 台帳) *and* itself when it splits. Short units make a search
  for セキュリティ find 情報セキュリティ and a search for 日本電気 find 日本電気株式会社 (partial names); the
  compound as one more term rewards documents that hold the whole compound (precision), as the
  Elasticsearch Sudachi plugin's "search mode" does. Queries are turned into terms by the same function.
- Form: Sudachi's normalized_form (セキュリティ -> セキュリティー, 附則 -> 付則, 組み合せ -> 組み合わせ),
  after NFKC (ｻｲﾊﾞｰ -> サイバー) and case folding (ＩｏＴ -> iot). So 「サイバー・セキュリティ」,
  「サイバーセキュリティ」 and 「ｻｲﾊﾞｰｾｷｭﾘﾃｨ」 all give サイバー + セキュリティー (the ・ is a symbol, not a term).
- Content words only: nouns (not numerals) and 形状詞 (サイバー, 安全); no verbs or adjectives (in these texts
  they are the generic 図る, 行う, 踏まえる, 資する that make every program look alike to `kg similar`), no
  particles, symbols, single kana, bare numbers, or the form words listed in ``STOP``.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.normalize.sudachi import content_forms
from kg.normalize.text import nfkc

_CONTENT = frozenset({"名詞", "形状詞"})
# form words that carry no topic (normalised forms)
STOP = frozenset({
    "こと", "もの", "ため", "等", "など", "よう", "これ", "それ", "ところ", "ほか", "他", "及び", "並びに", "又は",
    "場合", "上", "中", "内", "的", "化", "為", "事",
})
_NOISE = re.compile(r"^(?:[\u3041-\u309f\u30a0-\u30ff]|[a-z]|[\d.,%]+|[\W_]+)$")
_MAX_CHUNK = 4000  # characters per Sudachi call (its input limit is in bytes)


def _chunks(text: str) -> list[str]:
    if len(text) <= _MAX_CHUNK:
        return [text]
    out, cur = [], ""
    for part in re.split(r"(?<=[。\n])", text):
        while len(part) > _MAX_CHUNK:
            out.append(part[:_MAX_CHUNK])
            part = part[_MAX_CHUNK:]
        if len(cur) + len(part) > _MAX_CHUNK:
            out.append(cur)
            cur = ""
        cur += part
    if cur:
        out.append(cur)
    return out


_KNOWN: dict[str, tuple[str, ...]] = {}  # terms a build computed beforehand for its texts (kg.build.terms)


def terms(text: str | None) -> tuple[str, ...]:
    """Content-word terms of ``text`` in text order, with repeats (short units, then the compound)."""
    if text:
        known = _KNOWN.get(text)
        if known is not None:
            return known
    return _terms(text)


def remember(found: dict[str, tuple[str, ...]]) -> None:
    """Texts whose terms are known (computed by ``terms`` in other processes or an earlier build): ``terms`` answers
    them without Sudachi until ``forget``."""
    _KNOWN.update(found)


def known(texts) -> dict[str, tuple[str, ...]]:
    """The remembered terms of those of ``texts`` that have them (to hand to a process that does not inherit
    them: ``remember`` there gives ``terms`` the same answers)."""
    return {t: _KNOWN[t] for t in texts if t in _KNOWN}


def forget() -> None:
    _KNOWN.clear()


@lru_cache(maxsize=65536)
def _terms(text: str | None) -> tuple[str, ...]:
    t = nfkc(text)
    if not t:
        return ()
    out: list[str] = []
    for chunk in _chunks(t):  # = sudachi.tokenize_units filtered by _content_pos and _normalized_form, ~4x faster
        out.extend(content_forms(chunk, _content_pos, _normalized_form))
    return tuple(out)


def _content_pos(pos: tuple[str, ...]) -> bool:
    """Nouns (not numerals) and 形状詞."""
    return pos[0] in _CONTENT and not (pos[0] == "名詞" and pos[1] == "数詞")


def _normalized_form(normalized: str) -> str | None:
    """The term of a normalized form: case-folded; None for stop words and noise."""
    f = normalized.casefold()
    if not f or f in STOP or _NOISE.match(f):
        return None
    return f


def term_counts(*texts: str | None) -> Counter:
    """Term frequencies over several texts (e.g. 事業名 + 事業目的 + 事業概要)."""
    c: Counter = Counter()
    for text in texts:
        c.update(terms(text))
    return c


def query_terms(text: str) -> list[str]:
    """The distinct terms of a search query, in order."""
    return list(dict.fromkeys(terms(text)))


def overlap(a: Counter | set, b: Counter | set) -> float:
    """Jaccard overlap of two term sets (0..1); 0 when either is empty."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
