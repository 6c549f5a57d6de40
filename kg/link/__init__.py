"""Linking: statutes to e-Gov 法令ID, payees by 法人番号, programs across years, 政策評価 joins.

One link stage for `kg build` and `kg add`: ``LINKERS`` is the list of linkers, declared once, in the order
they run. Each names the modes it runs in: ``build`` links a whole corpus against an in-memory
kg.link.sheets.SheetIndex; ``add`` links a few new documents against a built store
(kg.link.store_index.StoreSheetIndex). Steps that only make sense on a whole corpus (merging duplicate sheets,
lineage by evidence between consecutive years, programs as connected components) run in ``build`` only; `kg add`
joins the programs already in the store instead.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from kg.records import Record

if TYPE_CHECKING:
    from kg.link.sheets import SheetLookup
    from kg.link.store_index import StoreSheetIndex

Mode = Literal["build", "add"]
BUILD: frozenset[Mode] = frozenset({"build"})
ADD: frozenset[Mode] = frozenset({"add"})
BOTH: frozenset[Mode] = frozenset({"build", "add"})


def _statutes(records: list[Record], index: Any) -> Any:
    from kg.link.statutes import link_statutes

    return link_statutes(records)


def _payees(records: list[Record], index: Any) -> Any:
    from kg.link.payees import link_payees

    return link_payees(records)


def _lineage(records: list[Record], index: SheetLookup) -> Any:
    from kg.link.lineage import link_past_numbers

    return link_past_numbers(records, index)


def _lineage_by_evidence(records: list[Record], index: Any) -> Any:
    from kg.link.evidence import link_consecutive_years

    return link_consecutive_years(records)


def _means(records: list[Record], index: SheetLookup) -> Any:
    from kg.link.policies import link_means

    return link_means(records, index)


def _programs(records: list[Record], index: Any) -> Any:
    from kg.link.lineage import assign_programs

    return assign_programs(records)


def _programs_joined(records: list[Record], index: StoreSheetIndex) -> Any:
    from kg.link.lineage import join_programs

    return join_programs(records, index)


@dataclass(frozen=True)
class Linker:
    name: str  # its key in the link report (report.json "link")
    run: Callable[[list[Record], Any], Any]  # (records, sheet index) -> statistics; sets links on the records
    modes: frozenset[Mode]


LINKERS: tuple[Linker, ...] = (
    Linker("statutes", _statutes, BOTH),
    Linker("payees", _payees, BOTH),
    Linker("lineage", _lineage, BOTH),
    Linker("lineage_by_evidence", _lineage_by_evidence, BUILD),
    Linker("means", _means, BOTH),
    Linker("programs", _programs, BUILD),
    Linker("programs_joined", _programs_joined, ADD),
)


def link_all(records: list[Record], mode: Mode = "build",
             index: SheetLookup | None = None) -> tuple[list[Record], dict]:
    """Run the linkers of ``mode`` over the records; returns (records after merging, statistics).

    ``build``: the records are a whole corpus; duplicates are merged first and the sheet index is built from them.
    ``add``: ``index`` answers for the sheets already in the store (kg.link.store_index.StoreSheetIndex)."""
    report: dict = {}
    if mode == "build":
        from kg.link.merge import merge_duplicates
        from kg.link.sheets import SheetIndex

        records, report["merge"] = merge_duplicates(records)
        index = SheetIndex(records)
    elif index is None:
        raise ValueError(f"link mode {mode!r} needs the sheet index it links against")
    for linker in LINKERS:
        if mode in linker.modes:
            report[linker.name] = linker.run(records, index)
    return records, report
