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

The shapes are declared below as TypedDicts (ReviewSheet, PolicyEvaluation and their parts; Record = either):
annotations only, a record stays a plain dict at run time.
"""
from __future__ import annotations

from typing import Any, Literal, TypedDict

# The shapes of the keys above (../shared/gold/SCHEMA.md), for signatures and readers: records stay plain dicts
# at run time (TypedDicts add no check). total=False: a key the document does not settle may be absent or None;
# extraction (new_record) sets every schema key. Keys after "link stage" are added by kg.link.


class Warning(TypedDict, total=False):  # (shadows the builtin inside this module only)
    code: str
    message: str
    line: int
    field: str
    source: str  # added in report.json


class Provenance(TypedDict, total=False):
    source: str
    path: str
    sha256: str
    format: str  # txt | tsv | xlsx | pdf | judgit | rs
    spans: dict[str, list[int]]  # field key -> [first line, last line], 1-based
    line: int  # JUDGIT: the line of the NDJSON file
    rows: dict[str, list[int]]  # RS: file code -> data rows
    span_files: dict[str, str]  # RS: field key -> file code
    files: dict[str, dict[str, Any]]  # RS: file code -> {name, sha256, encoding, rows}


class Citation(TypedDict, total=False):
    article: str
    paragraph: str
    item: str
    to: str


class LegalBasis(TypedDict, total=False):
    law: str
    citations: list[Citation]
    law_id: str | None
    law_number: str | None
    raw: str
    # link stage (kg.link.statutes)
    law_title: str
    law_aliases: list[str]
    resolution: dict[str, Any]


class Plan(TypedDict, total=False):
    title: str
    date: str
    decided_by: str
    url: str


class BudgetRow(TypedDict, total=False):
    fiscal_year: int
    initial: float | None
    supplementary: float | None
    carried_from_previous: float | None
    carried_to_next: float | None
    reserve: float | None
    total: float | None
    executed: float | None
    requested: float | None


class PolicyRef(TypedDict, total=False):
    policy: str | None
    measure: str | None


class Contract(TypedDict, total=False):
    description: str | None
    amount: float | None
    contract_method: str | None
    contract_method_detail: str | None
    bidders: int | None
    award_rate: float | None


class Payee(TypedDict, total=False):
    block: str | None
    rank: int
    name: str
    corporate_number: str | None
    corporate_number_raw: str  # the printed number when it is not a valid 法人番号
    description: str | None
    amount: float | None
    contract_method: str | None
    bidders: int | None
    award_rate: float | None
    address: str
    corporation_type: str
    others: bool
    contracts: list[Contract]
    amount_basis: str  # "5-3" when an RS payee's amount is the sum of its 費目・使途 items
    amount_raw: float  # JUDGIT: the printed amount when it was written in 千円 or 円 (kg.normalize.units)
    amount_unit: str  # "千円" | "円": the unit amount_raw was read in


class PastNumber(TypedDict, total=False):
    fiscal_year: int | None
    number: str


class RelatedProject(TypedDict, total=False):
    ministry: str | None
    number: str | None
    name: str | None
    relation: str | None


class SheetRef(TypedDict, total=False):
    """A link from a record to a review sheet (year, ministry, number) with its status and evidence."""
    fiscal_year: int
    ministry: str
    number: str
    status: str  # asserted | candidate
    score: float
    evidence: dict[str, Any]
    method: str


class ReviewSheet(TypedDict, total=False):
    source: str
    document_type: Literal["review_sheet"]
    sheet_fiscal_year: int | None
    ministry: str | None
    project_number: str | None
    project_name: str | None
    bureau: str | None
    division: str | None
    responsible_officials: list[str]
    start_fiscal_year: int | None
    end_fiscal_year: int | None
    accounts: list[str]
    implementation_methods: list[str]
    major_policy: str | None
    major_expense: str | None
    legal_bases: list[LegalBasis]
    related_plans: list[Plan]
    budget: list[BudgetRow]
    policy_evaluation: PolicyRef | None
    payees: list[Payee]
    past_project_numbers: list[PastNumber]
    related_projects: list[RelatedProject]
    warnings: list[Warning]
    provenance: Provenance
    extra: dict[str, Any]
    sheet_number: str  # a number read where project_number is not printed (kg.link.sheets.sheet_number)
    # link stage
    lineage: list[SheetRef]
    program_key: list[Any]  # [year, ministry, number] of the earliest sheet of the program
    program_iri: str  # kg add: the program joined in the store
    merged_provenance: list[Provenance]
    iri: str  # a sheet answered by the store (kg.link.store_index)


class NumberedName(TypedDict, total=False):
    """政策 ("8", "電子政府・電子自治体の推進") and 測定指標 alike."""
    number: str | None
    name: str | None


PolicyName = NumberedName
Indicator = NumberedName


class MeansBudget(TypedDict, total=False):
    fiscal_year: int
    amount: float | None
    executed: float | None


class Means(TypedDict, total=False):
    index: str | None
    name: str | None
    start_fiscal_year: int | None
    budget: list[MeansBudget]
    indicators: list[str]
    review_project_number: str | None
    sheet_ref: SheetRef  # link stage (kg.link.policies)


class PolicyEvaluation(TypedDict, total=False):
    source: str
    document_type: Literal["policy_evaluation"]
    ministry: str | None
    evaluation_fiscal_year: int | None
    policy: PolicyName | None
    goals: list[str]
    indicators: list[Indicator]
    means: list[Means]
    warnings: list[Warning]
    provenance: Provenance
    extra: dict[str, Any]


Record = ReviewSheet | PolicyEvaluation

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
