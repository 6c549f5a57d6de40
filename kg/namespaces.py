"""Namespaces of every vocabulary kg uses, and the Turtle prefixes.

``KG`` is an rdflib ``DefinedNamespace`` with ``_fail = True``: a misspelt kg: term raises instead of
minting a new IRI. Every term listed here is declared in ontology/kg.ttl (tests/test_ontology.py).
External vocabularies follow DESIGN.md (org, eli, pc, qb, skos, prov, oa, dcat, void, dcterms, ic).
"""
from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, PROV, QB, SKOS, VOID, DefinedNamespace

KG_NS = "https://kg.example.org/ns#"

ELI = Namespace("http://data.europa.eu/eli/ontology#")
PC = Namespace("http://purl.org/procurement/public-contracts#")
OA = Namespace("http://www.w3.org/ns/oa#")
DQV = Namespace("http://www.w3.org/ns/dqv#")
IC = Namespace("http://imi.go.jp/ns/core/rdf#")
SH = Namespace("http://www.w3.org/ns/shacl#")
RFC5147 = URIRef("http://tools.ietf.org/rfc/rfc5147")


class KG(DefinedNamespace):
    """The project's own terms (only where no reused vocabulary fits)."""

    _fail = True
    _NS = Namespace(KG_NS)

    # classes
    ReviewSheet: URIRef
    Program: URIRef
    Payee: URIRef
    Corporation: URIRef
    Payment: URIRef
    BudgetObservation: URIRef
    FiscalYear: URIRef
    Plan: URIRef
    PastProjectNumber: URIRef
    RelatedProject: URIRef
    PolicyEvaluation: URIRef
    Indicator: URIRef
    Means: URIRef
    QualifiedLink: URIRef
    LineageLink: URIRef
    SheetLink: URIRef
    SourceDocument: URIRef
    LineSpan: URIRef
    Warning: URIRef

    # review sheet
    reviewYear: URIRef
    projectNumber: URIRef
    ministry: URIRef
    bureau: URIRef
    division: URIRef
    program: URIRef
    startFiscalYear: URIRef
    endFiscalYear: URIRef
    responsibleOfficial: URIRef
    account: URIRef
    implementationMethod: URIRef
    majorPolicy: URIRef
    majorExpense: URIRef
    policy: URIRef
    measure: URIRef
    legalBasis: URIRef
    citesProvision: URIRef
    relatedPlan: URIRef
    decidedBy: URIRef
    pastProjectNumber: URIRef
    relatedProject: URIRef
    ministryName: URIRef
    rsId: URIRef
    judgitId: URIRef

    # payee rankings (derived at build time, kg.emit.rankings)
    PayeeRanking: URIRef
    RankingEntry: URIRef
    rankingYear: URIRef
    rankingMinistry: URIRef
    inRanking: URIRef
    position: URIRef
    rankedPayee: URIRef
    total: URIRef
    rows: URIRef
    sheets: URIRef

    # payees
    payment: URIRef
    payee: URIRef
    block: URIRef
    rank: URIRef
    amount: URIRef
    contractMethod: URIRef
    winningBidRatio: URIRef
    corporateNumber: URIRef
    corporateNumberRaw: URIRef

    # budgets (qb)
    budgetOf: URIRef
    fiscalYear: URIRef
    refPeriod: URIRef
    year: URIRef
    initialBudget: URIRef
    supplementaryBudget: URIRef
    carriedFromPrevious: URIRef
    carriedToNext: URIRef
    reserveFund: URIRef
    totalBudget: URIRef
    executedAmount: URIRef
    requestedAmount: URIRef
    budgetAmount: URIRef

    # laws
    lawNumber: URIRef
    lawAlias: URIRef

    # links (lineage, 達成手段 -> sheet)
    lineage: URIRef
    sheetLink: URIRef
    linkTarget: URIRef
    status: URIRef
    score: URIRef
    method: URIRef
    evidence: URIRef
    nameSimilarity: URIRef
    officialNumber: URIRef
    targetYear: URIRef
    targetNumber: URIRef
    implementedBy: URIRef

    # 事前分析表
    evaluationYear: URIRef
    policyNumber: URIRef
    goal: URIRef
    # issue 19: text, indicators (qb), term layer
    IndicatorObservation: URIRef
    purpose: URIRef
    summary: URIRef
    indicatorKind: URIRef
    indicatorOf: URIRef
    valueKind: URIRef
    indicatorValue: URIRef
    unit: URIRef
    stage: URIRef
    qualifier: URIRef
    rawValue: URIRef
    targetFiscalYear: URIRef
    yearlyTargetsText: URIRef
    finalTargetValue: URIRef
    midtermTargetValue: URIRef
    term: URIRef
    termCount: URIRef
    titleTerm: URIRef
    period: URIRef
    leadsTo: URIRef
    indicator: URIRef
    indicatorNumber: URIRef
    means: URIRef
    meansIndex: URIRef
    measuredBy: URIRef
    reviewProjectNumber: URIRef

    # provenance and warnings
    sha256: URIRef
    firstLine: URIRef
    lastLine: URIRef
    field: URIRef
    warning: URIRef
    code: URIRef
    line: URIRef

    # findings about the official data (kg.link.findings, kg.emit.findings)
    Finding: URIRef
    findingKind: URIRef
    findingCode: URIRef
    severity: URIRef
    confidence: URIRef
    findingEvidence: URIRef
    suggestedCorrection: URIRef

    # issue 18: follow the money (資金の流れ)
    SpendingBlock: URIRef
    MoneyFlow: URIRef
    ExpenseItem: URIRef
    IndirectCost: URIRef
    spendingBlock: URIRef
    blockCode: URIRef
    blockName: URIRef
    role: URIRef
    largestPayee: URIRef
    payeeCount: URIRef
    blockAmount: URIRef
    chainDepth: URIRef
    inBlock: URIRef
    moneyFlow: URIRef
    flowFrom: URIRef
    flowTo: URIRef
    flowKind: URIRef
    flowLabel: URIRef
    flowAmount: URIRef
    chainStatus: URIRef
    flowEvidence: URIRef
    expenseItem: URIRef
    expenseCategory: URIRef
    use: URIRef
    itemAmount: URIRef
    indirectCost: URIRef
    commitmentContract: URIRef
    contractor: URIRef

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "org": str(ORG),
    "eli": str(ELI),
    "pc": str(PC),
    "qb": str(QB),
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": str(OA),
    "dqv": str(DQV),
    "dcat": str(DCAT),
    "void": str(VOID),
    "dcterms": str(DCTERMS),
    "ic": str(IC),
}

__all__ = ["DCAT", "DCTERMS", "DQV", "ELI", "IC", "KG", "KG_NS", "OA", "ORG", "OWL", "PC", "PREFIXES", "PROV", "QB",
           "RDF", "RDFS", "RFC5147", "SH", "SKOS", "VOID", "XSD"]


def _materialise(*namespaces) -> None:
    """Turn every declared term of these DefinedNamespaces into a plain class attribute (the same URIRef).

    rdflib resolves ``KG.term`` through the metaclass's ``__getattr__`` (checks and a cache lookup, ~2-10 µs); the
    emitter reads such terms for every triple (tens of millions in a national build), so that lookup alone cost
    more than a minute of CPU (bench/README.md, profile of the emit stage). Undeclared names still raise
    (``_fail``): only the declared ones become attributes."""
    from rdflib.namespace import DefinedNamespace

    for ns in namespaces:
        if not (isinstance(ns, type) and issubclass(ns, DefinedNamespace)):
            continue
        for cls in ns.__mro__:
            for name in getattr(cls, "__annotations__", {}):
                if not name.startswith("_") and name not in vars(ns):
                    try:
                        type.__setattr__(ns, name, ns[name])
                    except (AttributeError, KeyError, TypeError):
                        pass


_materialise(KG, RDF, RDFS, XSD, OWL, ORG, QB, SKOS, PROV, DCAT, VOID, DCTERMS)
