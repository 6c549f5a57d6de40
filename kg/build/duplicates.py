"""The same review sheet given twice among the documents of one build (an .xlsx and its PDF, or its PDF text):
one is kept, the others are reported, never silently dropped (issue 17).

Two documents are the same sheet when their records have the same review year, ministry and 事業番号 (all three
established). Emitting both would give two prov:entity per derivation and conflicting values (SHACL
violations), so the build keeps one, chosen deterministically by how directly its format holds the form's cells:

1. .xlsx (the cells as the ministry typed them);
2. an Excel text export (TAB-separated cells, .tsv/.txt);
3. a .pdf read as a ruled form (the grid rebuilt from the page, kg.read.pdf_grid);
4. a .pdf read as text lines (no rulings), then PDF text by a tool (pdfminer, pdftotext, ...);

then fewer warnings, then the input path (sorted). Every other copy gets status ``duplicate`` in report.json,
its reasons naming the kept input and the shared key, and its record is left out of the graph. JUDGIT and RS
records of the same sheet are not duplicates in this sense: kg.link.merge merges them with the document.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.build.pipeline import InputResult
    from kg.records import Record

STATUS = "duplicate"
RANK_NAMES = ("xlsx", "Excel text export", "PDF read as a ruled form", "PDF read as text lines", "PDF text")


def sheet_identity(rec: Record) -> tuple[int, str, str] | None:
    """(review year, ministry, 事業番号) of a review sheet with all three established, else None."""
    if rec.get("document_type") != "review_sheet":
        return None
    year, ministry, number = rec.get("sheet_fiscal_year"), rec.get("ministry"), rec.get("project_number")
    if not isinstance(year, int) or not ministry or not number:
        return None
    return year, ministry, number


def format_rank(rec: Record) -> int:
    """0 (best) .. 4: how directly the document's format holds the form's cells (see module doc)."""
    prov = rec.get("provenance") or {}
    fmt, layout = prov.get("format"), prov.get("layout")
    if fmt == "xlsx":
        return 0
    if fmt in ("tsv", "txt") and layout == "excel":
        return 1
    if fmt == "pdf":
        return 2 if layout == "excel" else 3
    return 4


def mark_duplicates(results: list[InputResult]) -> list[dict]:
    """Keep one document per sheet identity (in place: the others get status ``duplicate``, their records
    removed, a reason naming the kept input). Returns [{key, kept, dropped: [...]}] for the report."""
    from kg.build.inputs import display_path

    groups: dict[tuple, list[tuple[InputResult, Record]]] = defaultdict(list)
    for res in results:
        if res.input.kind != "document" or res.status in ("failed", "skipped", STATUS):
            continue
        for rec in res.records:
            key = sheet_identity(rec)
            if key is not None:
                groups[key].append((res, rec))
    out = []
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2])):
        copies = groups[key]
        if len({id(res) for res, _ in copies}) < 2:
            continue
        copies.sort(key=lambda c: (format_rank(c[1]), len(c[1].get("warnings") or []), display_path(c[0].input.path)))
        kept_res, kept_rec = copies[0]
        kept = display_path(kept_res.input.path)
        why = (f"{RANK_NAMES[format_rank(kept_rec)]}" + (", fewer warnings" if any(
            format_rank(r) == format_rank(kept_rec) for _, r in copies[1:]) else ""))
        dropped = []
        for res, _ in copies[1:]:
            if res is kept_res:
                continue
            year, ministry, number = key
            res.reasons = [f"{display_path(res.input.path)}: the same review sheet as {kept} ({year} {ministry} "
                           f"事業番号 {number}); kept {kept} ({why}); this copy is not in the graph"]
            res.status, res.records = STATUS, []
            dropped.append(display_path(res.input.path))
        out.append({"sheet_fiscal_year": key[0], "ministry": key[1], "project_number": key[2], "kept": kept,
                    "kept_because": why, "dropped": dropped})
    return out
