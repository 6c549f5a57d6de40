"""Outbound fetches in SPARQL text: find every ``SERVICE`` clause (and ``LOAD`` in an update) before the text runs.

pyoxigraph (0.5) runs a ``SERVICE <IRI>`` clause by sending an HTTP request to that IRI, and ``LOAD <IRI>`` by
fetching it; ``Store.query`` has no option to turn its service handler off. An endpoint that ran them would fetch
any URL a caller names, from the server's own network position (server-side request forgery, issue 23). So kg serve
reads the query text with a SPARQL lexer (SPARQL 1.1 Query §19.8 terminals: comments, the four string forms, IRI
references, variables, prefixed names) and refuses the request unless every target is on the allow-list
(``kg serve --allow-service URL``). A ``SERVICE`` inside a string literal, an IRI or a comment is not a clause and
is let through; a ``SERVICE`` whose target is a variable, a relative IRI or anything unreadable is refused.

The lexer errs on the refusing side where Oxigraph's parser is laxer than the grammar (measured on pyoxigraph 0.5):
it reads ``SERVICESILENT<…>`` and ``SERVICE:x`` (the IRI ``:x``, even with a ``SERVICE:`` prefix declared) as
SERVICE clauses, so any bare word containing ``SERVICE`` and any prefixed name whose prefix starts with it count as
one; ``\\uXXXX`` escapes are decoded first (Oxigraph decodes them inside IRIs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

_PN_PREFIX = r"[^\W\d_](?:[\w.\-\u00B7]*[\w\-\u00B7])?"
_TOKEN = re.compile(r"""
  (?P<ws>\s+)
| (?P<comment>\#[^\n\r]*)
| (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
            |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
| (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
| (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
| (?P<pname>(?:""" + _PN_PREFIX + r""")?:(?:[\w\-.:%\u00B7]|\\.)*)
| (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
| (?P<word>[A-Za-z]+)
| (?P<unterminated>["'<])
| (?P<other>.)
""", re.VERBOSE | re.DOTALL)

FETCHING_KEYWORDS = ("SERVICE", "LOAD")


class OutboundRefused(Exception):
    """The text would make the server fetch a URL that is not allowed."""


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    pos: int


@dataclass(frozen=True)
class Target:
    keyword: str  # SERVICE or LOAD
    iri: str | None  # the absolute IRI it fetches, None when it cannot be known before running
    pos: int  # offset in the (unescaped) text
    why: str = ""  # why iri is None


def unescape_codepoints(text: str) -> str:
    r"""Decode ``\uXXXX`` / ``\UXXXXXXXX`` escapes (SPARQL 1.1 Query §19.2) the way a parser may before reading."""
    def one(m: re.Match) -> str:
        cp = int(m.group(1) or m.group(2), 16)
        return chr(cp) if cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF else m.group(0)
    return _CODEPOINT.sub(one, text)


def tokens(text: str) -> list[Token]:
    """The lexical tokens of SPARQL text, whitespace and comments dropped.

    Raises OutboundRefused for an unterminated string or IRI (the text could hide a clause there)."""
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        if kind == "unterminated" and m.group() != "<":
            raise OutboundRefused(f"unterminated string at offset {m.start()}: the query cannot be read")
        out.append(Token("other" if kind == "unterminated" else kind, m.group(), m.start()))
    return out


def _fetching(tok: Token) -> str | None:
    """The fetching keyword this token starts a clause with, as Oxigraph would read it (see module doc)."""
    up = tok.text.upper()
    if tok.kind == "word":
        return next((k for k in FETCHING_KEYWORDS if k in up), None)
    if tok.kind == "pname":
        prefix = up.split(":", 1)[0]
        return next((k for k in FETCHING_KEYWORDS if prefix.startswith(k)), None)
    return None


def _prefixes(toks: list[Token]) -> dict[str, str]:
    out = {}
    for i, t in enumerate(toks[:-2]):
        if t.kind == "word" and t.text.upper() == "PREFIX" and toks[i + 1].kind == "pname" \
                and toks[i + 1].text.endswith(":") and toks[i + 2].kind == "iri":
            out[toks[i + 1].text[:-1]] = toks[i + 2].text[1:-1]
    return out


@lru_cache(maxsize=256)
def outbound_targets(text: str) -> tuple[Target, ...]:
    """Every SERVICE/LOAD clause of ``text`` with the IRI it would fetch (None when unknown).

    A text in which neither word occurs at all (in any case, after decoding escapes) has none and is not lexed."""
    text = unescape_codepoints(text)
    folded = text.upper()
    if not any(k in folded for k in FETCHING_KEYWORDS):
        return ()
    toks = tokens(text)
    prefixes = _prefixes(toks)
    has_base = any(t.kind == "word" and t.text.upper() == "BASE" for t in toks)
    out = []
    for i, t in enumerate(toks):
        kw = _fetching(t)
        if kw is None or (i and toks[i - 1].kind == "word" and toks[i - 1].text.upper() == "PREFIX"):
            continue  # (the declaration ``PREFIX service: <…>`` fetches nothing; its uses are checked)
        glued = t.kind != "word" or t.text.upper() not in FETCHING_KEYWORDS
        j = i + 1
        if j < len(toks) and toks[j].kind == "word" and toks[j].text.upper() == "SILENT":
            j += 1
        nxt = toks[j] if j < len(toks) and not glued else None
        iri, why = None, ""
        if glued:
            why = f"{t.text!r} reads as {kw}"
        elif nxt is None:
            why = "no target"
        elif nxt.kind == "iri":
            iri = nxt.text[1:-1]
            if not re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", iri) or has_base:
                iri, why = None, "a relative IRI or a BASE (give the full endpoint IRI, without BASE)"
        elif nxt.kind == "pname" and nxt.text.split(":", 1)[0] in prefixes:
            pre, local = nxt.text.split(":", 1)
            iri = prefixes[pre] + local if "\\" not in local and "%" not in local else None
            why = "" if iri else "an escaped prefixed name"
        elif nxt.kind == "var":
            why = f"the variable {nxt.text} (only a constant IRI can be checked)"
        else:
            why = f"{nxt.text!r}"
        out.append(Target(kw, iri, t.pos, why))
    return tuple(out)


def check_outbound(text: str, allowed: frozenset[str] | set[str] = frozenset()) -> None:
    """Raise OutboundRefused unless every SERVICE/LOAD target of ``text`` is one of ``allowed``."""
    for t in outbound_targets(text):
        if t.iri is not None and t.iri in allowed:
            continue
        where = f"at offset {t.pos}"
        if t.iri is None:
            raise OutboundRefused(f"{t.keyword} {where} is refused: its target is {t.why or 'unknown'}; this endpoint "
                                  "fetches only endpoints named by kg serve --allow-service URL")
        raise OutboundRefused(f"{t.keyword} <{t.iri}> {where} is refused: this endpoint does not fetch other URLs "
                              "(kg serve --allow-service URL names the endpoints it may call)")
