"""Records: what extraction returns, one per document (or per structured-data row set).

Records are plain dicts whose keys are exactly those of ``../shared/gold/SCHEMA.md`` (so
``kg extract --json`` prints them as they are), plus three keys the schema leaves free:

- ``warnings``: list of {"code", "message", "line"?, "field"?} — everything odd about the input
  (missing section, totals that do not add up, invalid 法人番号, cut-off document, ...).
- ``provenance``: {"source": file name, "path": path, "sha256": ..., "format": "txt|xlsx|pdf|judgit|rs",
  "spans": {FIELD_KEY: [first_line, last_line]}} with 1-based line numbers in the source
  (for JUDGIT/RS: the record's line/row numbers in the data file). FIELD_KEY is the field name
  ("project_name"), or a list item key: "budget[2019]", "payees[A|1]", "legal_bases[住民基本台帳法]",
  "related_plans[0]", "past_project_numbers[0]", "related_projects[0]", "means[9]", "indicators[3]".
- ``extra``: anything extracted beyond the schema (e.g. raw text of 根拠法令, JUDGIT ids).

Review-sheet payees keep the raw printed 法人番号 in ``corporate_number_raw`` when it is invalid
(``corporate_number`` is then null and a warning is recorded).
"""
from __future__ import annotations

from typing import Any

Record = dict[str, Any]

REVIEW_SHEET_KEYS = (
    "source", "document_type", "sheet_fiscal_year", "ministry", "project_number", "project_name",
    "bureau", "division", "responsible_officials", "start_fiscal_year", "end_fiscal_year", "accounts",
    "implementation_methods", "major_policy", "major_expense", "legal_bases", "related_plans", "budget",
    "policy_evaluation", "payees", "past_project_numbers", "related_projects",
)
POLICY_EVALUATION_KEYS = (
    "source", "document_type", "ministry", "evaluation_fiscal_year", "policy", "goals", "indicators", "means",
)
BUDGET_KEYS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total",
               "executed")


def new_record(document_type: str, source: str) -> Record:
    keys = REVIEW_SHEET_KEYS if document_type == "review_sheet" else POLICY_EVALUATION_KEYS
    rec: Record = {k: None for k in keys}
    rec["source"], rec["document_type"] = source, document_type
    for k in ("responsible_officials", "accounts", "implementation_methods", "legal_bases", "related_plans",
              "budget", "payees", "past_project_numbers", "related_projects", "goals", "indicators", "means"):
        if k in rec:
            rec[k] = []
    rec["warnings"] = []
    rec["provenance"] = {"source": source, "spans": {}}
    rec["extra"] = {}
    return rec


def warn(rec: Record, code: str, message: str, line: int | None = None, field: str | None = None) -> None:
    w: dict[str, Any] = {"code": code, "message": message}
    if line is not None:
        w["line"] = line
    if field is not None:
        w["field"] = field
    rec["warnings"].append(w)


def span(rec: Record, key: str, first: int, last: int | None = None) -> None:
    """Record that ``key`` came from source lines first..last (1-based, inclusive)."""
    spans = rec["provenance"]["spans"]
    last = first if last is None else last
    if key in spans:
        a, b = spans[key]
        spans[key] = [min(a, first), max(b, last)]
    else:
        spans[key] = [first, last]
