"""Linking: statutes to e-Gov 法令ID, payees by 法人番号, programs across years, 政策評価 joins."""
from __future__ import annotations

from kg.records import Record


def link_all(records: list[Record]) -> tuple[list[Record], dict]:
    """Run every linker over the records of a build; returns (records after merging, statistics)."""
    from kg.link.evidence import link_consecutive_years
    from kg.link.findings import find_all
    from kg.link.lineage import assign_programs, link_past_numbers
    from kg.link.merge import merge_duplicates
    from kg.link.payees import link_payees
    from kg.link.policies import link_means
    from kg.link.sheets import SheetIndex
    from kg.link.statutes import link_statutes

    records, merged = merge_duplicates(records)
    index = SheetIndex(records)
    report = {
        "merge": merged,
        "statutes": link_statutes(records),
        "payees": link_payees(records),
        "lineage": link_past_numbers(records, index),
        "lineage_by_evidence": link_consecutive_years(records),
        "means": link_means(records, index),
    }
    report["programs"] = assign_programs(records)
    report["findings"] = find_all(records, report)[1]
    return records, report
