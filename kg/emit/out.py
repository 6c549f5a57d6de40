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


class PlainTerms:
    """A vocabulary's terms as plain ``str`` IRIs: ``PlainTerms(KG).term == str(KG.term)``, each looked up in the
    vocabulary once (then an instance attribute). An rdflib term costs a metaclass or ``Namespace.__getattr__``
    lookup (0.3–6 µs) and a ``str()`` copy in ``Out.add`` each time; the emitters name a predicate for every triple.
    Undeclared kg: terms still raise (KG's ``_fail``)."""

    def __init__(self, ns):
        self.__dict__["_ns"] = ns

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        value = str(getattr(self.__dict__["_ns"], name))
        self.__dict__[name] = value
        return value


RDF_TYPE = ox.NamedNode(str(RDF.type))
_TYPE = str(RDF.type)


_LIT_TEXT: dict = {}  # pyoxigraph literal -> its N-Triples text (str() of a literal costs ~1 µs, a lookup 0.1)
LIT_TEXT_MAX = 200_000  # forgotten all at once when full (at most ~60 MB a worker)
LIT_TEXT_LONGEST = 120  # characters of the longest text kept


def literal_text(o) -> str:
    """The N-Triples text of a pyoxigraph literal (``str(o)``), remembered: the literal makers of kg.emit.rdf
    hand out the same labels, years and amounts again and again, and pyoxigraph formats a literal afresh each time
    (escaping included). Equal literals (same value, datatype, language) have the same text."""
    t = _LIT_TEXT.get(o)
    if t is None:
        t = str(o)
        if len(t) <= LIT_TEXT_LONGEST:  # a sheet's purpose or summary is seldom written twice: not kept
            if len(_LIT_TEXT) >= LIT_TEXT_MAX:
                _LIT_TEXT.clear()
            _LIT_TEXT[o] = t
    return t


def term_text(o) -> str:
    """The N-Triples text of an object as Out holds it (IRI string or pyoxigraph term)."""
    return f"<{o}>" if isinstance(o, str) else literal_text(o)


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

    def bodies(self) -> list[str]:
        """Each triple as ``<s> <p> o`` (N-Triples without the terminator), in emission order, each once: half the
        lines of a JUDGIT sheet repeated its shared nodes (fiscal years, payees). A line of the graph is a body +
        ``suffix()``."""
        get = _LIT_TEXT.get
        return list(dict.fromkeys([f"<{s}> <{p}> <{o}>" if isinstance(o, str)
                                   else f"<{s}> <{p}> {get(o) or literal_text(o)}" for s, p, o in self.triples]))

    def suffix(self) -> str:
        """What ends each body's N-Quads line: the graph and the terminator."""
        return f" <{self.graph}> .\n"

    def lines(self) -> list[str]:
        """The N-Quads lines (newline-terminated), in emission order, each once."""
        g = self.suffix()
        return [b + g for b in self.bodies()]

    @property
    def quads(self) -> list[ox.Quad]:
        g = self.g
        return [ox.Quad(node(str(s)), vocab(p), term_of(o), g) for s, p, o in self.triples]
