"""HTTP pieces shared by the kg serve routes: the error type, media types and content negotiation."""
from __future__ import annotations

import re

import pyoxigraph as ox

UPDATE_WORDS = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b\s*(DATA|WHERE|GRAPH|SILENT|ALL|DEFAULT|NAMED|<|\{)",
    re.IGNORECASE)

RESULTS_FORMATS = {  # media type -> pyoxigraph format, for SELECT and ASK
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {  # media type -> pyoxigraph format, for CONSTRUCT/DESCRIBE results and GSP bodies
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
FORMAT_ALIASES = {  # ?format= shortcut (the page's download links use it)
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
    "tsv": "text/tab-separated-values", "ttl": "text/turtle", "turtle": "text/turtle",
    "nt": "application/n-triples", "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json",
}
TEXT = "text/plain; charset=utf-8"


class HttpError(Exception):
    """An answer other than success: status, a message for the client, extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


class ResultTooLarge(Exception):
    pass


class CappedBuffer:
    """A write target for pyoxigraph's serializers that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int):
        self.limit, self.parts, self.size = limit, [], 0

    def write(self, b) -> int:
        self.size += len(b)
        if self.size > self.limit:
            raise ResultTooLarge(f"the result is larger than the limit of {self.limit:,} bytes "
                                 "(kg serve --max-result-bytes); add a LIMIT, or page with LIMIT/OFFSET")
        self.parts.append(bytes(b))
        return len(b)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def is_update(text: str) -> bool:
    """True when ``text`` (that did not parse as a query) reads as a SPARQL Update."""
    return bool(UPDATE_WORDS.search(re.sub(r"(?m)#.*$", "", text)))


def negotiate(accept: str, offered: dict[str, object], default: str) -> str | None:
    """The offered media type that best fits an Accept header (q-values honoured; None = 406)."""
    if not accept.strip():
        return default
    best, best_q = None, 0.0
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mt, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if mt in ("*/*", "application/*", "text/*"):
            cand = default if default.startswith(mt[:-1]) or mt == "*/*" else next(
                (m for m in offered if m.startswith(mt[:-1])), None)
        else:
            cand = mt if mt in offered else None
        score = q - i * 1e-6  # earlier wins on ties
        if cand and q > 0 and score > best_q:
            best, best_q = cand, score
    return best


def check_iri(value: str, what: str) -> ox.NamedNode:
    """A NamedNode for a client-given IRI, or a 400 naming the parameter."""
    try:
        return ox.NamedNode(value)
    except ValueError as e:
        raise HttpError(400, f"bad {what} {value!r}: {e}") from None
