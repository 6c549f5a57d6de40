"""Out: the triples of one named graph as an emitter collects them (kg.emit.rdf for records, kg.emit.rankings for
the derived payee rankings, kg.emit.findings).

Performance (bench/README.md, profile of the emit stage): a national build emits ~16 M quads, so what is done per
triple matters more than anything else in emission. Out keeps each triple as a plain tuple ``(s, p, o)`` — subject
and predicate IRI strings, the object an IRI string or a pyoxigraph term (literal) — and formats the N-Quads line
itself (``lines()``); building a pyoxigraph ``NamedNode`` per subject and a ``Quad`` per triple, then formatting
the quad, cost about three times as much. ``quads`` still gives pyoxigraph quads (kg add inserts them, tests read
them); both give the same text: an IRI is written as ``<iri>`` exactly as pyoxigraph writes it (kg.iris mints only
ASCII IRIs without ``<>"{}|^`\\`` or spaces), a literal by pyoxigraph itself.
"""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

from kg.namespaces import RDF


@lru_cache(maxsize=16384)
def node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@lru_cache(maxsize=8192)
def vocab(iri: str) -> ox.NamedNode:
    """Vocabulary IRIs (predicates, classes, shared nodes) recur millions of times: built once."""
    return ox.NamedNode(str(iri))


RDF_TYPE = ox.NamedNode(str(RDF.type))
_TYPE = str(RDF.type)


def term_text(o) -> str:
    """The N-Triples text of an object as Out holds it (IRI string or pyoxigraph term)."""
    return f"<{o}>" if isinstance(o, str) else str(o)


def term_of(o):
    """The pyoxigraph term of an object as Out holds it."""
    return node(str(o)) if isinstance(o, str) else o


def value_of(o) -> str:
    """The lexical value of an object as Out holds it (the IRI, or the literal's value)."""
    return str(o) if isinstance(o, str) else o.value


class Out:
    """Collects the triples of one record (or derived view) in its named graph."""

    __slots__ = ("graph", "triples", "described")

    def __init__(self, graph_iri: str):
        self.graph = str(graph_iri)
        self.triples: list[tuple] = []
        self.described: set[str] = set()  # nodes whose description is already in ``triples`` (line spans)

    def first_time(self, node: str) -> bool:
        """True the first time ``node`` is asked for: the caller describes it then, and never again in this Out (a
        JUDGIT sheet is one line: every field derives from the same line span)."""
        if node in self.described:
            return False
        self.described.add(node)
        return True

    @property
    def g(self) -> ox.NamedNode:
        return node(self.graph)

    def add(self, s: str, p, o) -> None:
        """Add (s, p, o); o may be an IRI string (rdflib URIRef included), an ox term, or None (skipped)."""
        if o is not None:  # predicates kept as plain str: an rdflib URIRef never equals a str (rdflib's __eq__)
            self.triples.append((s, p if type(p) is str else str(p), o))

    def type(self, s: str, *classes) -> None:
        for c in classes:
            self.triples.append((s, _TYPE, str(c)))

    def lines(self) -> list[str]:
        """The N-Quads lines (newline-terminated), in emission order, each once."""
        g = f"<{self.graph}> .\n"
        return list(dict.fromkeys([f"<{s}> <{p}> <{o}> {g}" if isinstance(o, str) else f"<{s}> <{p}> {o} {g}"
                                   for s, p, o in self.triples]))  # once each: half the lines of a JUDGIT sheet
                                                                   # repeated its shared nodes (fiscal years, payees)

    @property
    def quads(self) -> list[ox.Quad]:
        g = self.g
        return [ox.Quad(node(str(s)), vocab(p), term_of(o), g) for s, p, o in self.triples]
