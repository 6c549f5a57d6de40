"""Pure functions: where an IRI is served (local path), which IRI a request path names, what a client wants.

See the package docstring for why entity IRIs answer 303 See Other.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from kg.iris import norm_base
from kg.publish.protocol import negotiate

PAGE = "/page/"
DATA = "/data/"
DATA_FORMATS = {  # ?format= value -> media type of the data document
    "ttl": "text/turtle", "turtle": "text/turtle", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
}
FORMAT_OF = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt",
             "application/rdf+xml": "rdfxml"}
HTML_TYPES = ("text/html", "application/xhtml+xml")
_PATH_OK = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*")


def mount(base: str) -> str:
    """The path the base IRI is served under: '/' for https://kg.example.org/, '/kg/' for https://x.org/kg/."""
    return urlsplit(norm_base(base)).path or "/"


def local_path(base: str, iri: str) -> str | None:
    """The path of the IRI on this server (the IRI's own path when it is under the base), else None."""
    b = norm_base(base)
    if not iri.startswith(b) or len(iri) == len(b):
        return None
    return mount(b) + iri[len(b):]


def page_path(base: str, iri: str) -> str | None:
    lp = local_path(base, iri)
    return None if lp is None else PAGE + lp[len(mount(base)):]


def data_path(base: str, iri: str, fmt: str = "ttl") -> str | None:
    lp = local_path(base, iri)
    return None if lp is None else f"{DATA}{lp[len(mount(base)):]}?format={quote(fmt)}"


def iri_of(base: str, path: str, prefix: str = "") -> str | None:
    """The IRI a raw (still percent-encoded) request path names: ``prefix`` ('/page/', '/data/' or '' for the
    IRI itself) cut off, the rest appended to the base. None when the path is not under the base or holds a
    character an IRI cannot."""
    b = norm_base(base)
    if prefix:
        if not path.startswith(prefix):
            return None
        rest = path[len(prefix):]
    else:
        m = mount(b)
        if not path.startswith(m):
            return None
        rest = path[len(m):]
    if not rest or rest.startswith("/") or not _PATH_OK.fullmatch(rest) or "/../" in f"/{rest}/" \
            or "/./" in f"/{rest}/":
        return None
    return b + rest


def wanted(accept: str, fmt: str | None) -> str | None:
    """'html' or a data media type for an entity request (``?format=`` first, then Accept; no Accept or */*
    is HTML, what a browser or a plain link wants). None: nothing acceptable (406)."""
    if fmt:
        f = fmt.strip().lower()
        if f in ("html", "page"):
            return "html"
        return DATA_FORMATS.get(f)
    if not accept.strip():
        return "html"
    offered = {t: t for t in HTML_TYPES} | {t: t for t in FORMAT_OF}
    got = negotiate(accept, offered, "text/html")
    if got is None:
        return None
    return "html" if got in HTML_TYPES else got


def data_type(accept: str, fmt: str | None) -> str | None:
    """The media type of a /data/ document: ``?format=`` or Accept, Turtle by default; None: unknown format."""
    if fmt:
        return DATA_FORMATS.get(fmt.strip().lower())
    got = negotiate(accept or "", {t: t for t in FORMAT_OF}, "text/turtle")
    return got
