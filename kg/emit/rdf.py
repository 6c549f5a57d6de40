"""Records -> RDF quads (pyoxigraph terms), one named graph per source document / data file.

No blank nodes: every node has an IRI minted from keys (kg.iris), so output is deterministic and the
pipeline can sort and de-duplicate N-Quads lines. Unknown values (None) produce no triple, never 0.

What a review sheet becomes (see ontology/kg.ttl):
  sheet a kg:ReviewSheet; kg:reviewYear; dcterms:title; kg:ministry/kg:bureau/kg:division (org:);
  kg:program; kg:legalBasis (eli:LegalResource) and kg:citesProvision (eli:LegalResourceSubdivision);
  kg:relatedPlan; kg:policy/kg:measure (skos:Concept); kg:payment (payee, amount, bidders, 落札率);
  budget qb:Observations (kg:budgetOf); lineage (dcterms:replaces + kg:LineageLink); kg:warning;
  provenance: prov:wasDerivedFrom the kg:SourceDocument, and one prov:Derivation per extracted field
  pointing at a kg:LineSpan (oa:SpecificResource with an RFC 5147 line selector).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import wraps

import pyoxigraph as ox

from kg import iris
from kg import namespaces as ns
from kg.emit.flows import emit_flows
from kg.emit.out import Out, PlainTerms, node, vocab
from kg.namespaces import RFC5147, XSD
from kg.normalize.houjin import validate as validate_houjin
from kg.normalize.names import corp_display
from kg.normalize.text import nfkc
from kg.records import Record

# the vocabularies' terms as plain str (kg.emit.out.PlainTerms): what Out keeps, without a lookup per triple
DCTERMS, ELI, KG, OA, ORG, PC, PROV, QB, RDF, RDFS, SKOS = (
    PlainTerms(v) for v in (ns.DCTERMS, ns.ELI, ns.KG, ns.OA, ns.ORG, ns.PC, ns.PROV, ns.QB, ns.RDF, ns.RDFS, ns.SKOS))

_n = node  # interned IRIs (kg.emit.out)
_term = vocab


_XSD_INTEGER = ox.NamedNode(str(XSD.integer))
_XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))
_XSD_DATE = ox.NamedNode(str(XSD.date))
_XSD_GYEARMONTH = ox.NamedNode(str(XSD.gYearMonth))
_XSD_GYEAR = ox.NamedNode(str(XSD.gYear))

BUDGET_FIELDS = (
    ("initial", KG.initialBudget), ("supplementary", KG.supplementaryBudget),
    ("carried_from_previous", KG.carriedFromPrevious), ("carried_to_next", KG.carriedToNext),
    ("reserve", KG.reserveFund), ("total", KG.totalBudget), ("executed", KG.executedAmount),
    ("requested", KG.requestedAmount),
)


# ---------------------------------------------------------------- literals


def _memo(maxsize: int):
    """Cache a literal maker for str and int values (a national build makes the same labels, years and codes
    millions of times; bench/README.md). Other types (floats: -0.0 == 0.0 but they print differently; bools: True
    == 1) are made afresh each time. A plain dict, forgotten all at once when full: one Python call per hit (an
    lru_cache behind the type test was two)."""
    def wrap(fn):
        cache: dict = {}
        get = cache.get

        @wraps(fn)
        def make(v):
            t = type(v)
            if t is str or t is int:
                lit = get(v, _MISSING)
                if lit is _MISSING:
                    if len(cache) >= maxsize:
                        cache.clear()
                    lit = cache[v] = fn(v)
                return lit
            return fn(v)

        make.cache_clear = cache.clear
        return make

    return wrap


_MISSING = object()


@_memo(32768)
def ja(text: str | None) -> ox.Literal | None:
    t = nfkc(text) if text is not None else ""
    return ox.Literal(t, language="ja") if t else None


@_memo(32768)
def plain(text) -> ox.Literal | None:
    if text is None:
        return None
    t = nfkc(str(text))
    return ox.Literal(t) if t else None


@_memo(4096)
def integer(v) -> ox.Literal | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        d = Decimal(str(v).strip())
    except InvalidOperation:
        return None
    if d != d.to_integral_value():
        return None
    return ox.Literal(str(int(d)), datatype=_XSD_INTEGER)


def decimal(v) -> ox.Literal | None:
    """xsd:decimal in plain notation (0.2, 4, -3180); None, bools and non-numbers give no literal. Remembered for
    str and int values (``_decimal``) and for floats other than zero: two equal non-zero floats are the same double,
    so the same literal (-0.0 == 0.0 print differently: made afresh)."""
    if type(v) is float and v:
        lit = _FLOATS.get(v, _MISSING)
        if lit is _MISSING:
            if len(_FLOATS) >= 16384:
                _FLOATS.clear()
            lit = _FLOATS[v] = _make_decimal(v)
        return lit
    return _decimal(v)


_FLOATS: dict = {}


def _make_decimal(v) -> ox.Literal | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        d = Decimal(repr(v)) if isinstance(v, float) else Decimal(str(v).strip())
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return ox.Literal(s if s not in ("", "-0") else "0", datatype=_XSD_DECIMAL)


_decimal = _memo(16384)(_make_decimal)


def date_literal(text: str | None) -> ox.Literal | None:
    import re

    if not text:
        return None
    t = nfkc(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        return ox.Literal(t, datatype=_XSD_DATE)
    if re.fullmatch(r"\d{4}-\d{2}", t):
        return ox.Literal(t, datatype=_XSD_GYEARMONTH)
    if re.fullmatch(r"\d{4}", t):
        return ox.Literal(t, datatype=_XSD_GYEAR)
    return ox.Literal(t)


# ---------------------------------------------------------------- labels


def citation_label(c: dict) -> str:
    def art(a: str) -> str:
        head, *rest = nfkc(a).split("の")
        return f"第{head}条" + "".join(f"の{x}" for x in rest)

    s = "附則" if c.get("supplementary") else ""
    if c.get("chapter"):
        s += f"第{nfkc(str(c['chapter']))}章"
    if c.get("article"):
        s += art(str(c["article"]))
    if c.get("paragraph"):
        s += f"第{nfkc(str(c['paragraph']))}項"
    if c.get("item"):
        s += f"第{nfkc(str(c['item']))}号"
    if c.get("to"):
        s += f"から{art(str(c['to']))}まで"
    return s


# ---------------------------------------------------------------- emitter


def emit(rec: Record, base: str) -> Iterator[ox.Quad]:
    """All quads for one record (review sheet, policy evaluation, JUDGIT/RS sheet) in its source's graph."""
    yield from emit_out(rec, base).quads


def emit_lines(rec: Record, base: str) -> list[str]:
    """The N-Quads lines of ``emit(rec, base)``, formatted without building pyoxigraph quads (what the build
    writes; kg.emit.out says why)."""
    return emit_out(rec, base).lines()


def emit_out(rec: Record, base: str) -> Out:
    """The triples of one record, collected in an Out (see ``emit``)."""
    base = iris.norm_base(base)
    prov = rec.get("provenance") or {}
    src_name = prov.get("source") or rec.get("source")
    out = Out(iris.graph(base, src_name, prov.get("sha256")))
    doc = _source(out, base, prov, rec.get("source"))
    if rec.get("document_type") == "policy_evaluation":
        subject = _policy_evaluation(out, base, rec)
    else:
        subject = _review_sheet(out, base, rec)
    out.add(subject, PROV.wasDerivedFrom, doc)
    for other in rec.get("merged_provenance") or []:
        out.add(subject, PROV.wasDerivedFrom, _source(out, base, other, other.get("source")))
    _spans(out, subject, doc, prov.get("spans") or {})
    _warnings(out, subject, rec.get("warnings") or [])
    __import__("kg.emit.text").emit.text.emit_text(out, base, rec, subject, doc)  # issue 19: text, indicators, terms
    return out


def to_nq_line(q: ox.Quad) -> str:
    """One N-Quads line, newline-terminated (pyoxigraph escapes literals as N-Quads requires)."""
    return f"{q} .\n"


# ---------------------------------------------------------------- provenance


def _source(out: Out, base: str, prov: dict, fallback_name: str | None) -> str:
    name = prov.get("source") or fallback_name
    doc = iris.source(base, name, prov.get("sha256"))
    out.type(doc, KG.SourceDocument, PROV.Entity)
    out.add(doc, DCTERMS.title, plain(name))
    out.add(doc, KG.sha256, plain(prov.get("sha256")))
    out.add(doc, DCTERMS.format, plain(prov.get("format")))
    return doc


def _line_span(out: Out, doc: str, first: int, last: int) -> str:
    span_iri = iris.line_span(doc, first, last)
    if not out.first_time(span_iri):
        return span_iri
    sel = span_iri + "/selector"
    out.type(span_iri, KG.LineSpan, OA.SpecificResource)
    out.add(span_iri, OA.hasSource, doc)
    out.add(span_iri, KG.firstLine, integer(first))
    out.add(span_iri, KG.lastLine, integer(last))
    out.add(span_iri, OA.hasSelector, sel)
    out.type(sel, OA.FragmentSelector)
    out.add(sel, RDF.value, plain(f"line={int(first) - 1},{int(last)}"))
    out.add(sel, DCTERMS.conformsTo, str(RFC5147))
    return span_iri


# list items that are nodes of their own carry their line span themselves (derived): no second derivation
_ITEM_NODES = ("budget[", "past_project_numbers[", "related_projects[", "payees[", "indicators[", "means[",
               "blocks[", "flows[", "flow_notes[")


def _spans(out: Out, subject: str, doc: str, spans: dict) -> None:
    for key in sorted(spans):
        if key.startswith(_ITEM_NODES):
            continue
        first, last = _span_pair(spans[key])
        if first is None:
            continue
        d = iris.derivation(subject, key)
        out.add(subject, PROV.qualifiedDerivation, d)
        out.type(d, PROV.Derivation)
        out.add(d, PROV.entity, _line_span(out, doc, first, last))
        out.add(d, KG.field, plain(key))


def _span_pair(v) -> tuple[int | None, int | None]:
    try:
        a, b = int(v[0]), int(v[1])
    except (TypeError, ValueError, IndexError):
        return None, None
    return (a, b) if 1 <= a <= b else (None, None)


def derived(out: Out, node: str, doc: str, spans: dict, key: str) -> None:
    """A sheet-level node (payment, budget, plan use, ...) derived from the document and its lines."""
    out.add(node, PROV.wasDerivedFrom, doc)
    if key in spans:
        first, last = _span_pair(spans[key])
        if first is not None:
            out.add(node, PROV.wasDerivedFrom, _line_span(out, doc, first, last))


def _warnings(out: Out, subject: str, warnings: list[dict]) -> None:
    for w in warnings:
        wi = iris.warning(subject, w)
        out.add(subject, KG.warning, wi)
        out.type(wi, KG.Warning)
        out.add(wi, KG.code, plain(w.get("code")))
        out.add(wi, RDFS.comment, plain(w.get("message")))
        out.add(wi, KG.line, integer(w.get("line")))
        out.add(wi, KG.field, plain(w.get("field")))


# ---------------------------------------------------------------- shared nodes


def fiscal_year_node(out: Out, base: str, year) -> str | None:
    lit = integer(year)
    if lit is None:
        return None
    fy = iris.fiscal_year(base, int(lit.value))
    out.type(fy, KG.FiscalYear)
    out.add(fy, KG.year, lit)
    out.add(fy, RDFS.label, ox.Literal(f"{lit.value}年度", language="ja"))
    out.add(fy, RDFS.label, ox.Literal(f"FY{lit.value}", language="en"))
    return fy


def _orgs(out: Out, base: str, subject: str, ministry: str | None, bureau: str | None,
          division: str | None) -> None:
    if not ministry:
        return
    m = iris.ministry(base, ministry)
    out.type(m, ORG.FormalOrganization)
    out.add(m, RDFS.label, ja(ministry))
    out.add(subject, KG.ministry, m)
    parent = m
    if bureau:
        b = iris.bureau(base, ministry, bureau)
        out.type(b, ORG.OrganizationalUnit)
        out.add(b, RDFS.label, ja(bureau))
        out.add(b, ORG.unitOf, m)
        out.add(subject, KG.bureau, b)
        parent = b
    if division:
        d = iris.division(base, ministry, bureau, division)
        out.type(d, ORG.OrganizationalUnit)
        out.add(d, RDFS.label, ja(division))
        out.add(d, ORG.unitOf, parent)
        out.add(subject, KG.division, d)


def _concept(out: Out, base: str, ministry: str, printed: str) -> str | None:
    label = iris.concept_label(printed)
    if not label:
        return None
    c = iris.concept(base, ministry, printed)
    scheme = iris.concept_scheme(base, ministry)
    out.type(c, SKOS.Concept)
    out.add(c, SKOS.inScheme, scheme)
    out.add(c, SKOS.prefLabel, ja(label))
    if nfkc(printed) != label:
        out.add(c, SKOS.altLabel, ja(printed))
    out.type(scheme, SKOS.ConceptScheme)
    out.add(scheme, RDFS.label, ox.Literal(f"{nfkc(ministry)} 政策体系", language="ja"))
    out.add(scheme, RDFS.label, ox.Literal(f"Policy system of {iris.ministry_key(ministry)}", language="en"))
    return c


def _budget_obs(out: Out, base: str, owner: str, b: dict, fields) -> str | None:
    fy = fiscal_year_node(out, base, b.get("fiscal_year"))
    if fy is None:
        return None
    obs = iris.budget_obs(owner, int(b["fiscal_year"]))
    out.type(obs, QB.Observation, KG.BudgetObservation)
    out.add(obs, QB.dataSet, iris.budget_dataset(base))
    out.add(obs, KG.budgetOf, owner)
    out.add(obs, KG.fiscalYear, integer(b["fiscal_year"]))
    out.add(obs, KG.refPeriod, fy)
    for key, prop in fields:
        out.add(obs, prop, decimal(b.get(key)))
    return obs


def _link(out: Out, subject: str, link_prop, cls, target: str, ref: dict, direct_prop) -> None:
    """A qualified link (status, score, method, evidence) and, when asserted, the direct edge."""
    node = iris.lineage_link(subject, target)
    out.add(subject, link_prop, node)
    out.type(node, cls)
    out.add(node, KG.linkTarget, target)
    out.add(node, KG.targetYear, integer(ref.get("fiscal_year")))
    out.add(node, KG.targetNumber, plain(ref.get("number")))
    out.add(node, KG.status, plain(ref.get("status")))
    out.add(node, KG.score, decimal(ref.get("score")))
    out.add(node, KG.method, plain(ref.get("method")))
    ev = ref.get("evidence") or {}
    if ev:
        out.add(node, KG.evidence, plain(json.dumps(ev, ensure_ascii=False, sort_keys=True)))
        sim = ev.get("name_similarity")
        if sim is None and isinstance(ev.get("name"), int | float):  # evidence linker: "name" is the score
            sim = ev["name"]
        out.add(node, KG.nameSimilarity, decimal(sim))
        official = ev.get("official_past_number") or ev.get("official_number")
        if isinstance(official, str):
            out.add(node, KG.officialNumber, plain(official))
    if ref.get("status") == "asserted":
        out.add(subject, direct_prop, target)


# ---------------------------------------------------------------- review sheets


def sheet_iri(base: str, rec: Record) -> str:
    from kg.link.sheets import sheet_number

    year, ministry = rec.get("sheet_fiscal_year"), rec.get("ministry")
    if year is None or not ministry:
        prov = rec.get("provenance") or {}
        return f"{base}sheet/unknown/{iris.source_key(prov.get('source') or rec.get('source'), prov.get('sha256'))}"
    return iris.sheet(base, int(year), ministry, sheet_number(rec), rec.get("project_name"))


def _review_sheet(out: Out, base: str, rec: Record) -> str:
    from kg.link.sheets import sheet_number

    s = sheet_iri(base, rec)
    spans = (rec.get("provenance") or {}).get("spans") or {}
    doc = iris.source(base, (rec.get("provenance") or {}).get("source") or rec.get("source"),
                      (rec.get("provenance") or {}).get("sha256"))
    ministry = rec.get("ministry")
    out.type(s, KG.ReviewSheet)
    out.add(s, KG.reviewYear, integer(rec.get("sheet_fiscal_year")))
    fiscal_year_node(out, base, rec.get("sheet_fiscal_year"))
    out.add(s, DCTERMS.title, ja(rec.get("project_name")))
    out.add(s, RDFS.label, ja(rec.get("project_name")))
    number = sheet_number(rec)
    out.add(s, KG.projectNumber, plain(number))
    _orgs(out, base, s, ministry, rec.get("bureau"), rec.get("division"))
    out.add(s, KG.startFiscalYear, integer(rec.get("start_fiscal_year")))
    out.add(s, KG.endFiscalYear, integer(rec.get("end_fiscal_year")))
    for key, prop in (("responsible_officials", KG.responsibleOfficial), ("accounts", KG.account),
                      ("implementation_methods", KG.implementationMethod)):
        for v in rec.get(key) or []:
            out.add(s, prop, ja(v))
    out.add(s, KG.majorPolicy, ja(rec.get("major_policy")))
    out.add(s, KG.majorExpense, ja(rec.get("major_expense")))
    extra = rec.get("extra") or {}
    out.add(s, KG.rsId, plain(extra.get("rs_id")))
    out.add(s, KG.judgitId, plain(extra.get("judgit_id")))

    # program across years
    if rec.get("program_iri"):  # set by `kg add`: the program the store already has for this lineage
        p = rec["program_iri"]
    elif rec.get("program_key"):
        p = iris.program(base, rec["program_key"])
    elif ministry and rec.get("sheet_fiscal_year") is not None and number:
        p = iris.program(base, [rec["sheet_fiscal_year"], ministry, number])
    else:
        p = s.replace(f"{base}sheet/", f"{base}program/", 1)
    out.type(p, KG.Program)
    out.add(s, KG.program, p)

    _legal_bases(out, base, s, rec.get("legal_bases") or [])
    for plan in rec.get("related_plans") or []:
        if not plan.get("title"):
            continue
        pl = iris.plan(base, plan["title"], plan.get("date"))
        out.type(pl, KG.Plan)
        out.add(pl, DCTERMS.title, ja(plan["title"]))
        out.add(pl, RDFS.label, ja(plan["title"]))
        out.add(pl, DCTERMS.date, date_literal(plan.get("date")))
        out.add(pl, KG.decidedBy, ja(plan.get("decided_by")))
        out.add(s, KG.relatedPlan, pl)

    for b in rec.get("budget") or []:
        obs = _budget_obs(out, base, s, b, BUDGET_FIELDS)
        if obs:
            derived(out, obs, doc, spans, f"budget[{b['fiscal_year']}]")

    pe = rec.get("policy_evaluation") or {}
    if ministry and (pe.get("policy") or pe.get("measure")):
        pc = _concept(out, base, ministry, pe["policy"]) if pe.get("policy") else None
        mc = _concept(out, base, ministry, pe["measure"]) if pe.get("measure") else None
        out.add(s, KG.policy, pc)
        out.add(s, KG.measure, mc)
        if pc and mc and pc != mc:
            out.add(mc, SKOS.broader, pc)

    _payees(out, base, s, doc, spans, rec.get("payees") or [])
    emit_flows(out, base, s, doc, spans, rec)

    for i, pn in enumerate(rec.get("past_project_numbers") or []):
        if not pn.get("number"):
            continue
        node = iris.past_number(s, pn.get("fiscal_year"), pn["number"])
        out.type(node, KG.PastProjectNumber)
        out.add(node, KG.fiscalYear, integer(pn.get("fiscal_year")))
        out.add(node, KG.projectNumber, plain(pn["number"]))
        out.add(s, KG.pastProjectNumber, node)
        derived(out, node, doc, spans, f"past_project_numbers[{i}]")

    for i, rp in enumerate(rec.get("related_projects") or []):
        node = iris.related_project(s, rp.get("ministry"), rp.get("number"), rp.get("name"))
        out.type(node, KG.RelatedProject)
        out.add(node, RDFS.label, ja(rp.get("name")))
        out.add(node, KG.ministryName, ja(rp.get("ministry")))
        out.add(node, KG.projectNumber, plain(rp.get("number")))
        out.add(s, KG.relatedProject, node)
        derived(out, node, doc, spans, f"related_projects[{i}]")

    for lk in rec.get("lineage") or []:
        if lk.get("fiscal_year") is None or not lk.get("ministry") or not lk.get("number"):
            continue
        target = iris.sheet(base, int(lk["fiscal_year"]), lk["ministry"], lk["number"])
        _link(out, s, KG.lineage, KG.LineageLink, target, lk, DCTERMS.replaces)
    return s


def _legal_bases(out: Out, base: str, s: str, legal_bases: list[dict]) -> None:
    for lb in legal_bases:
        if not lb.get("law") and not lb.get("law_id"):
            continue
        law = iris.law(base, lb.get("law"), lb.get("law_id"))
        out.type(law, ELI.LegalResource)
        out.add(law, RDFS.label, ja(lb.get("law_title") or lb.get("law")))
        if lb.get("law_title") and nfkc(lb.get("law")) != nfkc(lb["law_title"]):
            out.add(law, SKOS.altLabel, ja(lb.get("law")))
        if lb.get("law_id"):
            out.add(law, ELI.id_local, plain(lb["law_id"]))
            out.add(law, ELI.title, ja(lb.get("law_title")))
            out.add(law, RDFS.seeAlso, iris.egov_law(lb["law_id"]))
        out.add(law, KG.lawNumber, ja(lb.get("law_number")))
        for alias in lb.get("law_aliases") or []:
            out.add(law, KG.lawAlias, plain(alias))
        out.add(s, KG.legalBasis, law)
        for c in lb.get("citations") or []:
            node = _provision(out, law, c)
            out.add(s, KG.citesProvision, node)


def _provision(out: Out, law: str, c: dict) -> str | None:
    """The cited 条/項/号 (or range) as eli:LegalResourceSubdivision, chained up to the law with is_part_of."""
    iri = iris.article(law, c)
    if iri is None:
        return None
    out.type(iri, ELI.LegalResourceSubdivision)
    out.add(iri, RDFS.label, ja(citation_label(c)))
    out.add(iri, ELI.id_local, plain(iris.article_key(c)))
    scope = {k: c[k] for k in ("supplementary", "chapter") if c.get(k)}
    parent_c: dict | None = None
    if c.get("to") or not c.get("article"):
        parent_c = None
    elif c.get("item"):
        parent_c = {**scope, **{k: c[k] for k in ("article", "paragraph") if c.get(k)}}
    elif c.get("paragraph"):
        parent_c = {**scope, "article": c["article"]}
    parent = _provision(out, law, parent_c) if parent_c else law
    out.add(iri, ELI.is_part_of, parent or law)
    return iri


def payee_node(base: str, sheet_iri: str, p: dict) -> tuple[str, str | None, str]:
    """(IRI, valid 法人番号 or None, display name) of a payee-list row's payee: the corporation when the row has
    a valid 法人番号, else a payee scoped to its sheet."""
    key = (base, p.get("name"), p.get("name_display"), p.get("corporate_number"))
    known = _CORPORATION_NODES.get(key)  # a corporation's node does not depend on the sheet: remembered
    if known is not None:
        return known
    name = p.get("name") or ""
    display = p.get("name_display") or corp_display(name)
    number = validate_houjin(p.get("corporate_number")).number
    if number:
        if len(_CORPORATION_NODES) >= 65536:
            _CORPORATION_NODES.clear()
        node = _CORPORATION_NODES[key] = (iris.corp(base, number), number, display)
        return node
    return iris.payee(sheet_iri, name, p.get("corporate_number_raw")), None, display


_CORPORATION_NODES: dict[tuple, tuple[str, str, str]] = {}


def payee_entity(out: Out, base: str, s: str, p: dict) -> str:
    """The payee of a row (a corporation, or a payee scoped to sheet ``s``) with its type, number and label. A
    corporation's description depends on the row's name, display name and 法人番号 only: made once per worker
    (``_CORPORATIONS``), then copied (a national build names 51,204 corporations in 714,924 rows)."""
    key = (base, p.get("name"), p.get("name_display"), p.get("corporate_number"))
    known = _CORPORATIONS.get(key)
    if known is not None:
        who, pairs = known
        out.triples.extend([(who, prop, o) for prop, o in pairs])
        return who
    who, number, display = payee_node(base, s, p)
    if number:
        made = Out(who)
        made.type(who, KG.Corporation, KG.Payee, ORG.FormalOrganization)
        made.add(who, KG.corporateNumber, plain(number))
        made.add(who, RDFS.seeAlso, iris.gbizinfo(number))
        made.add(who, RDFS.label, ja(display))
        if len(_CORPORATIONS) >= 65536:
            _CORPORATIONS.clear()
        _CORPORATIONS[key] = (who, [(prop, o) for _, prop, o in made.triples])
        out.triples.extend(made.triples)
    else:
        out.type(who, KG.Payee)
        out.add(who, KG.corporateNumberRaw, plain(p.get("corporate_number_raw")))
        out.add(who, RDFS.label, ja(display))
    return who


_CORPORATIONS: dict[tuple, tuple[str, list]] = {}  # (base, name, display name, 法人番号) -> (IRI, (p, o) pairs)


def _payees(out: Out, base: str, s: str, doc: str, spans: dict, payees: list[dict]) -> None:
    """One kg:Payment per payee-list row. The triples are appended to ``out.triples`` directly (what ``Out.add``
    does, unknown values skipped the same way): a national build has 714,924 rows of ~15 triples each."""
    append = out.triples.append
    rdf_type, payment_class, has_payment, has_payee = RDF.type, KG.Payment, KG.payment, KG.payee
    props = (KG.block, KG.rank, KG.amount, DCTERMS.description, KG.contractMethod, PC.numberOfTenders,
             KG.winningBidRatio, KG.fiscalYear)
    for p in payees:
        get = p.get
        block, rank = get("block"), get("rank")
        pay = iris.payment(s, block, rank)
        append((pay, rdf_type, payment_class))
        append((s, has_payment, pay))
        for prop, lit in zip(props, (plain(block), integer(rank), decimal(get("amount")), ja(get("description")),
                                     ja(get("contract_method")), integer(get("bidders")), decimal(get("award_rate")),
                                     integer(get("year"))), strict=True):
            if lit is not None:
                append((pay, prop, lit))
        append((pay, has_payee, payee_entity(out, base, s, p)))
        derived(out, pay, doc, spans, f"payees[{block}|{rank}]")


# ---------------------------------------------------------------- 事前分析表


MEANS_BUDGET = (("amount", KG.budgetAmount), ("executed", KG.executedAmount))


def _policy_evaluation(out: Out, base: str, rec: Record) -> str:
    prov = rec.get("provenance") or {}
    spans = prov.get("spans") or {}
    doc = iris.source(base, prov.get("source") or rec.get("source"), prov.get("sha256"))
    ministry = rec.get("ministry") or ""
    policy = rec.get("policy") or {}
    year = rec.get("evaluation_fiscal_year")
    if year is None or not ministry:
        e = f"{base}evaluation/unknown/{iris.source_key(prov.get('source') or rec.get('source'), prov.get('sha256'))}"
    else:
        e = iris.evaluation(base, int(year), ministry, policy.get("number"), policy.get("name"))
    out.type(e, KG.PolicyEvaluation)
    out.add(e, KG.evaluationYear, integer(year))
    fiscal_year_node(out, base, year)
    _orgs(out, base, e, ministry or None, None, None)
    out.add(e, KG.policyNumber, plain(policy.get("number")))
    if policy.get("name"):
        out.add(e, RDFS.label, ja(f"{year}年度 事前分析表 政策{policy.get('number') or ''}: {policy['name']}"))
        if ministry:
            out.add(e, KG.policy, _concept(out, base, ministry, policy["name"]))
    for g in rec.get("goals") or []:
        out.add(e, KG.goal, ja(g))
    for ind in rec.get("indicators") or []:
        if not ind.get("number"):
            continue
        node = iris.indicator(e, str(ind["number"]))
        out.type(node, KG.Indicator)
        out.add(node, KG.indicatorNumber, plain(ind["number"]))
        out.add(node, RDFS.label, ja(ind.get("name")))
        out.add(e, KG.indicator, node)
        derived(out, node, doc, spans, f"indicators[{ind['number']}]")
    for i, m in enumerate(rec.get("means") or []):
        idx = m.get("index") if m.get("index") is not None else i + 1
        node = iris.means(e, idx)
        out.type(node, KG.Means)
        out.add(e, KG.means, node)
        out.add(node, KG.meansIndex, integer(idx))
        out.add(node, RDFS.label, ja(m.get("name")))
        out.add(node, KG.startFiscalYear, integer(m.get("start_fiscal_year")))
        out.add(node, KG.reviewProjectNumber, plain(m.get("review_project_number")))
        for n in m.get("indicators") or []:
            out.add(node, KG.measuredBy, iris.indicator(e, str(n)))
        for b in m.get("budget") or []:
            _budget_obs(out, base, node, b, MEANS_BUDGET)
        ref = m.get("sheet_ref")
        if ref and ref.get("fiscal_year") is not None and ref.get("ministry") and ref.get("number"):
            target = iris.sheet(base, int(ref["fiscal_year"]), ref["ministry"], ref["number"])
            _link(out, node, KG.sheetLink, KG.SheetLink, target, ref, KG.implementedBy)
        derived(out, node, doc, spans, f"means[{idx}]")
    return e
