"""Text normalisation: NFKC, white-space folding, 'unknown' markers. Pure functions."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WS = re.compile(r"\s+")
# cells that mean "unknown / not applicable" in the sheets (never zero)
UNKNOWN_MARKS = frozenset({"", "-", "－", "―", "‐", "—", "–", "ー", "−", "--", "‐‐", "－－", "――", "…", "/", "／"})


_DASH_CHARS = "-－―‐—–−ー"
# the dashes a printed sheet writes in a cell of no value, as PDF text keeps them (ASCII, full-width, horizontal
# bar): the PDF-text readers tell a dash cell from a hyphen inside a word or a long vowel mark by these
CELL_DASHES = "-－―"


def is_dash(text: str) -> bool:
    """The whole cell one printed dash (「-」, 「－」, 「―」): no value, and a cell of its own."""
    return len(text) == 1 and text in CELL_DASHES


# nfkc and squash are pure (str -> str) and every reader of a sheet folds the same lines again (thousands of
# calls a sheet): a bounded cache of the results for short strings (lines, cells; a whole text is not kept
# alive) gives the same strings at a dictionary look-up's cost.
_CACHE = 1 << 15
_SHORT = 512


def _nfkc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


_nfkc_cached = lru_cache(maxsize=_CACHE)(_nfkc)


def nfkc(text: str | None) -> str:
    """NFKC-fold and collapse every run of white space (incl. U+3000) to one space.

    ``" ".join(t.split())`` is ``_WS.sub(" ", t).strip()``: str.split, str.strip and the regex's \\s all use
    Python's one definition of Unicode white space (str.isspace); the split is 2-3x faster on sheet text."""
    if text is None:
        return ""
    return _nfkc_cached(text) if len(text) <= _SHORT and type(text) is str else _nfkc(text)


def nfkc_lines(lines: list[str]) -> list[str]:
    """[nfkc(x) for x in lines] for a document's lines, each distinct line folded once (a sheet's text repeats
    ~70% of its lines: blank lines, dashes, ranks), without going through nfkc's cache: a document's lines are
    folded once per document, and the readers after take the folded lines as they are."""
    memo: dict[str, str] = {}
    get = memo.get
    out = []
    for x in lines:
        y = get(x)
        if y is None:
            y = memo[x] = _nfkc(x) if type(x) is str else nfkc(x)
        out.append(y)
    return out


def lines_matching(lines: list[str], pattern: re.Pattern):
    """The indices i, rising, of the lines where ``pattern.search(lines[i])`` finds a match, for a pattern whose
    matches hold no line break: searched in the lines joined by line breaks, each line after the last one found
    looked at once (a document's few lines holding a label or title character found without a search per
    line); line by line where a line holds a line break itself."""
    text = "\n".join(lines)
    if text.count("\n") != len(lines) - 1:
        yield from (i for i, t in enumerate(lines) if pattern.search(t))
        return
    search = pattern.search
    i = at = 0  # lines[i] holds position at
    m = search(text)
    while m is not None:
        p = m.start()
        i += text.count("\n", at, p)
        at = p
        yield i
        end = text.find("\n", p)
        if end < 0:
            return
        m = search(text, end)


def is_unknown(text: str | None) -> bool:
    """True for blank and the dash family that sheets print for 'no value' (not zero)."""
    if text is None:
        return True
    t = text.strip().replace(" ", "").replace("\u3000", "")
    return t in UNKNOWN_MARKS or not t.strip(_DASH_CHARS)  # every character a dash (as set(t) <= dashes)


def _squash(text: str) -> str:
    """``_WS.sub("", NFKC(text))``, taken from ``_nfkc`` (and its cache: the lines a reader squashes are mostly
    the lines another reader folded): ``_nfkc`` joins NFKC(text).split() with single spaces, which hold no
    space, so removing the spaces gives "".join(NFKC(text).split()); the regex's \\s and str.split's white
    space are the same characters (str.isspace: checked over every code point)."""
    return (_nfkc_cached(text) if len(text) <= _SHORT and type(text) is str else _nfkc(text)).replace(" ", "")


_squash_cached = lru_cache(maxsize=_CACHE)(_squash)


def squash(text: str | None) -> str:
    """NFKC and remove all white space: for comparing labels that PDF extraction splits."""
    if not text:
        return ""
    return _squash_cached(text) if len(text) <= _SHORT and type(text) is str else _squash(text)


def or_none(text: str | None) -> str | None:
    """nfkc(text), or None when the cell is an unknown marker."""
    return None if is_unknown(text) else nfkc(text)
