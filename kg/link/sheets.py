"""Sheet identity: (review year, ministry, 事業番号) and an index of the sheets of a build."""
from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from kg.normalize.names import program_key
from kg.records import Record

SheetKey = tuple[int, str, str]  # (sheet_fiscal_year, ministry, canonical number)


def sheet_number(rec: Record) -> str | None:
    return rec.get("project_number") or rec.get("sheet_number")


def sheet_key(rec: Record) -> SheetKey | None:
    n = sheet_number(rec)
    if rec.get("sheet_fiscal_year") is None or not rec.get("ministry") or not n:
        return None
    return (int(rec["sheet_fiscal_year"]), rec["ministry"], n)


class SheetLookup(Protocol):
    """What linkers ask of the sheets they link to: SheetIndex (a build's records) or
    kg.link.store_index.StoreSheetIndex (a built store, for `kg add`)."""

    def get(self, key: SheetKey) -> list[Record]: ...

    def by_program_name(self, year: int, ministry: str, name: str) -> list[Record]: ...


class SheetIndex:
    """Sheets of a build by key and by (year, ministry, program-name key)."""

    def __init__(self, records: list[Record]):
        self.by_key: dict[SheetKey, list[Record]] = defaultdict(list)
        self.by_name: dict[tuple[int, str, str], list[Record]] = defaultdict(list)
        for r in records:
            if r.get("document_type") != "review_sheet":
                continue
            k = sheet_key(r)
            if k:
                self.by_key[k].append(r)
            if r.get("project_name") and r.get("sheet_fiscal_year") and r.get("ministry"):
                self.by_name[(int(r["sheet_fiscal_year"]), r["ministry"], program_key(r["project_name"]))].append(r)

    def get(self, key: SheetKey) -> list[Record]:
        return self.by_key.get(key, [])

    def by_program_name(self, year: int, ministry: str, name: str) -> list[Record]:
        return self.by_name.get((year, ministry, program_key(name)), [])
