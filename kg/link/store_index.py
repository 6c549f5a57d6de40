"""The sheet index (kg.link.sheets.SheetLookup) answered from a built store: what `kg add` links against."""
from __future__ import annotations

import pyoxigraph as ox

from kg import iris
from kg.namespaces import KG_NS as KG
from kg.normalize.names import program_key
from kg.records import Record

DCTERMS_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")


class StoreSheetIndex:
    """The SheetIndex interface (kg.link.sheets) answered from a built store instead of in-memory records.

    ``program_of`` also tells the program a sheet already in the store belongs to (a build's in-memory index
    has no such answer: a build assigns programs itself, kg.link.lineage.assign_programs)."""

    def __init__(self, store: ox.Store, base: str):
        self.store, self.base = store, base

    def _sheet(self, iri: str, number: str | None) -> list[Record]:
        node = ox.NamedNode(iri)
        titles = sorted({q.object.value for q in self.store.quads_for_pattern(node, DCTERMS_TITLE, None)})
        if not titles:
            return []
        return [{"document_type": "review_sheet", "project_name": titles[0], "project_number": number,
                 "iri": iri}]

    def get(self, key) -> list[Record]:
        year, ministry, number = key
        return self._sheet(iris.sheet(self.base, int(year), ministry, number), number)

    def by_program_name(self, year: int, ministry: str, name: str) -> list[Record]:
        q = f"""PREFIX kg: <{KG}> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT DISTINCT ?s ?t ?n WHERE {{ ?s a kg:ReviewSheet ; kg:reviewYear {int(year)} ;
          kg:ministry <{iris.ministry(self.base, ministry)}> ; dcterms:title ?t . OPTIONAL {{ ?s kg:projectNumber ?n }} }}"""
        want = program_key(name)
        out = []
        for sol in self.store.query(q, use_default_graph_as_union=True):
            if program_key(sol["t"].value) == want:
                n = sol["n"].value if sol["n"] is not None else None
                out.append({"document_type": "review_sheet", "project_name": sol["t"].value, "project_number": n,
                            "iri": sol["s"].value})
        return out

    def program_of(self, sheet_iri: str) -> str | None:
        progs = sorted(q.object.value for q in self.store.quads_for_pattern(
            ox.NamedNode(sheet_iri), ox.NamedNode(KG + "program"), None))
        return progs[0] if progs else None
