"""Linked-data pages of `kg serve` (issue 20): every IRI kg mints (kg.iris) dereferences under ``kg serve --base``.

Why 303 See Other and not hash IRIs: the IRIs kg mints are slash IRIs (``{base}program/2020/soumu/0094``,
``{base}corp/1010001143390``), already in every graph, dump and query; they name things — a program, a
corporation, a law, a 施策 — not documents about them. Under the W3C's httpRange-14 resolution such an IRI must
not answer 200 with a document, and hash IRIs would have meant re-minting every IRI. So a GET of an entity IRI
answers ``303 See Other`` pointing at a document *about* it, chosen by content negotiation:

- ``/page/<path>``: the HTML page (browsers; ``Accept: text/html``, ``*/*`` or no Accept; ``?format=html``);
- ``/data/<path>?format=ttl|jsonld|nt|rdfxml``: the triples about it (``Accept: text/turtle``,
  ``application/ld+json``, ``application/n-triples``, ``application/rdf+xml``; or ``?format=``).

The two documents are ordinary 200 resources with ``Vary: Accept`` where they negotiate, and link to each
other. ``<path>`` is the IRI with the base cut off: with ``--base https://example.org/kg/`` the IRI
``https://example.org/kg/corp/1010001143390`` is served at ``/kg/corp/1010001143390`` (a reverse proxy forwards
the public host here unchanged). A node that exists in the store but has no page of its own (a payment, a
block, an article, a source line span) gets the generic page: every triple about it, with the labels of its
neighbours as links; an IRI under the base that no triple mentions is 404.

Rooms: ``resolve`` (pure: IRI <-> local path, the negotiation), ``data`` (store lookups, index-driven:
constant-subject or constant-object patterns, LATERAL in the named queries), ``render`` (HTML; every value
escaped), ``jobs`` (what a kg.publish.pool worker runs: pages are rendered in the read-only query workers,
under the same time limit and result cap as SPARQL), ``routes`` (the ROUTES functions of kg.publish.serve).
"""
from __future__ import annotations
