"""Out: the quads of one named graph as an emitter collects them (kg.emit.rdf for records, kg.emit.rankings for
the derived payee rankings). IRIs are interned: the same node is built once."""
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


class Out:
    """Collects quads of one record in its named graph."""

    def __init__(self, graph_iri: str):
        self.g = node(graph_iri)
        self.quads: list[ox.Quad] = []

    def add(self, s: str, p, o) -> None:
        """Add (s, p, o); o may be an IRI string (rdflib URIRef included), an ox term, or None (skipped)."""
        if o is None:
            return
        if isinstance(o, str):
            o = node(str(o))
        self.quads.append(ox.Quad(node(s), vocab(p), o, self.g))

    def type(self, s: str, *classes) -> None:
        subject = node(s)
        for c in classes:
            self.quads.append(ox.Quad(subject, RDF_TYPE, vocab(c), self.g))
