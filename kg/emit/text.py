"""Text, indicators and the term layer of one record -> quads (called from kg.emit.rdf.emit with one line).

- Sheet text: kg:purpose (事業の目的), kg:summary (事業概要), both @ja; dcterms:source the published URL of the
  sheet (JUDGIT ``url``, RS 1-2 事業概要URL) when it is an http(s) IRI.
- Indicators (review-sheet 成果指標/活動指標, 事前分析表 測定指標): a kg:Indicator node with name, kind, goal,
  unit and target year; each value that has a fiscal year is a qb:Observation of the dataset
  ``dataset/indicators`` (dimensions kg:indicatorOf, kg:valueKind, kg:refPeriod; measure kg:indicatorValue;
  attributes kg:unit, kg:stage, kg:qualifier, kg:rawValue). A value printed without its year (目標最終年度
  "- 年度") is kept on the indicator as kg:finalTargetValue / kg:midtermTargetValue, not as an observation
  with an invented year. Both datasets (indicators, and budgets from kg.emit.rdf) are typed qb:DataSet with
  a qb:DataStructureDefinition.
- Term layer: ``node kg:term "term"`` (one triple per distinct term, plain literal) and ``kg:termCount`` (the
  number of distinct terms) for the sheet (事業名, 事業目的, 事業概要, 政策/施策 labels), payees and
  corporations (their names), laws (their labels), 政策/施策 concepts and 事前分析表 (label and goals).
  Terms come from kg.normalize.terms. They sit in the record's own graph, so `kg add` replacing a document
  replaces its terms: the store is the search index (kg.query.search), there is no second index to keep in step.
"""
from __future__ import annotations

from operator import itemgetter

from kg import iris
from kg import namespaces as ns
from kg.emit.out import Out, PlainTerms, value_of
from kg.emit.rdf import plain as _lit
from kg.normalize.terms import terms
from kg.normalize.text import nfkc

# the vocabularies' terms as plain str (kg.emit.out.PlainTerms)
DCTERMS, ELI, KG, QB, RDF, RDFS, SKOS = (PlainTerms(v) for v in (ns.DCTERMS, ns.ELI, ns.KG, ns.QB, ns.RDF, ns.RDFS,
                                                                ns.SKOS))
_TYPE = str(RDF.type)
_DATASET = str(QB.dataSet)
_POLICY_MEASURE = (str(KG.policy), str(KG.measure))
_LABELS = {str(RDFS.label), str(SKOS.prefLabel), str(DCTERMS.title)}
_PICKED = frozenset({_TYPE, *_LABELS, *_POLICY_MEASURE})
_TERM_TYPES = {str(KG.Payee), str(KG.Corporation), str(ELI.LegalResource), str(SKOS.Concept)}

# dataset -> (dimensions, measures, attributes)
INDICATOR_COMPONENTS = ((KG.indicatorOf, KG.valueKind, KG.refPeriod), (KG.indicatorValue,),
                        (KG.unit, KG.stage, KG.qualifier, KG.rawValue, KG.fiscalYear))
BUDGET_COMPONENTS = ((KG.budgetOf, KG.refPeriod),
                     (KG.initialBudget, KG.supplementaryBudget, KG.carriedFromPrevious, KG.carriedToNext,
                      KG.reserveFund, KG.totalBudget, KG.executedAmount, KG.requestedAmount, KG.budgetAmount),
                     (KG.fiscalYear,))


_STRUCTURES: dict[tuple, tuple] = {}  # (dataset, components, labels) -> its triples


def structure(out, dataset: str, components, label_en: str, label_ja: str) -> None:
    """qb:DataSet + its qb:DataStructureDefinition (components as qb:ComponentSpecification nodes). The same
    triples for every record that has observations: made once per process (minting the components' IRIs was a
    tenth of a JUDGIT record's emission), then copied."""
    key = (dataset, components, label_en, label_ja)
    triples = _STRUCTURES.get(key)
    if triples is None:
        made = Out(dataset)
        _structure(made, dataset, components, label_en, label_ja)
        triples = _STRUCTURES[key] = tuple(made.triples)
    out.triples.extend(triples)


def _structure(out, dataset: str, components, label_en: str, label_ja: str) -> None:
    import pyoxigraph as ox

    dsd = iris.dataset_structure(dataset)
    out.type(dataset, QB.DataSet)
    out.add(dataset, QB.structure, dsd)
    out.add(dataset, RDFS.label, ox.Literal(label_en, language="en"))
    out.add(dataset, RDFS.label, ox.Literal(label_ja, language="ja"))
    out.type(dsd, QB.DataStructureDefinition)
    dims, measures, attrs = components
    for kind, props in ((QB.dimension, dims), (QB.measure, measures), (QB.attribute, attrs)):
        for p in props:
            c = iris.dataset_component(dataset, str(p).rsplit("#", 1)[-1])
            out.add(dsd, QB.component, c)
            out.type(c, QB.ComponentSpecification)
            out.add(c, kind, str(p))


def emit_text(out, base: str, rec: dict, subject: str, doc: str) -> None:
    """Everything of issue 19 for one record (text, indicators, dataset structures, terms)."""
    from kg.emit.rdf import ja

    spans = (rec.get("provenance") or {}).get("spans") or {}
    extra = rec.get("extra") or {}
    texts: list[str] = []
    if rec.get("document_type") != "policy_evaluation":
        purpose = rec.get("purpose") or extra.get("purpose")
        summary = rec.get("summary") or extra.get("overview")
        out.add(subject, KG.purpose, ja(nfkc(purpose) or None))
        out.add(subject, KG.summary, ja(nfkc(summary) or None))
        url = nfkc(rec.get("url") or extra.get("url") or "")
        if url.startswith(("http://", "https://")) and not any(ch in url for ch in ' <>"{}|\\^`'):
            out.add(subject, DCTERMS.source, url)
        texts = [rec.get("project_name"), purpose, summary]
        for t in sorted(set(terms(rec.get("project_name")))):  # the name counts twice in search (kg.query.search)
            out.add(subject, KG.titleTerm, _lit(t))
    else:
        texts = [*(rec.get("goals") or [])]

    if _DATASET in map(itemgetter(1), out.triples):  # any observation (kg.emit.rdf._budget_obs)
        structure(out, iris.budget_dataset(base), BUDGET_COMPONENTS, "Budgets and execution per fiscal year",
                  "年度別の予算額・執行額")
    _indicators(out, base, rec, subject, doc, spans)
    _terms(out, subject, texts)


def _indicators(out, base: str, rec: dict, subject: str, doc: str, spans: dict) -> None:
    from kg.emit.rdf import decimal, derived, fiscal_year_node, integer, ja

    dataset = iris.indicator_dataset(base)
    any_obs = False
    for ind in rec.get("indicators") or []:
        if not ind.get("number"):
            continue
        node = iris.indicator(subject, str(ind["number"]))
        if rec.get("document_type") != "policy_evaluation":  # the evaluation emitter types and labels its own
            out.type(node, KG.Indicator)
            out.add(subject, KG.indicator, node)
            out.add(node, RDFS.label, ja(ind.get("name")))
            out.add(node, KG.indicatorNumber, _lit(ind["number"]))
            derived(out, node, doc, spans, f"indicators[{ind['number']}]")
        out.add(node, KG.indicatorKind, _lit(ind.get("kind")))
        out.add(node, KG.goal, ja(ind.get("goal")))
        out.add(node, KG.unit, ja(ind.get("unit")))
        out.add(node, KG.targetFiscalYear, integer(ind.get("target_fiscal_year")))
        out.add(node, KG.yearlyTargetsText, ja(ind.get("yearly_targets_text")))
        out.add(node, KG.period, ja(ind.get("period")))
        for nxt in ind.get("leads_to") or []:
            out.add(node, KG.leadsTo, iris.indicator(subject, str(nxt)))
        for v in ind.get("values") or []:
            if v.get("value") is None:
                continue
            if v.get("fiscal_year") is None:
                prop = {"final": KG.finalTargetValue, "midterm": KG.midtermTargetValue}.get(v.get("stage"))
                if prop is not None and v.get("measure") == "target":
                    out.add(node, prop, decimal(v["value"]))
                continue
            fy = fiscal_year_node(out, base, v["fiscal_year"])
            if fy is None:
                continue
            obs = iris.indicator_obs(node, v["measure"], v["fiscal_year"])
            if v.get("stage"):
                obs = f"{obs}-{v['stage']}"
            any_obs = True
            out.type(obs, QB.Observation, KG.IndicatorObservation)
            out.add(obs, QB.dataSet, dataset)
            out.add(obs, KG.indicatorOf, node)
            out.add(obs, KG.valueKind, _lit(v["measure"]))
            out.add(obs, KG.refPeriod, fy)
            out.add(obs, KG.fiscalYear, integer(v["fiscal_year"]))
            out.add(obs, KG.indicatorValue, decimal(v["value"]))
            out.add(obs, KG.unit, ja(v.get("unit") or ind.get("unit")))
            out.add(obs, KG.stage, _lit(v.get("stage")))
            out.add(obs, KG.qualifier, ja(v.get("qualifier")))
            out.add(obs, KG.rawValue, _lit(v.get("raw")))
            key = f"indicators[{ind['number']}].values" if f"indicators[{ind['number']}].values" in spans \
                else f"indicators[{ind['number']}]"
            derived(out, obs, doc, spans, key)
    if any_obs:
        structure(out, dataset, INDICATOR_COMPONENTS, "Indicator values per fiscal year",
                  "年度別の指標値（成果指標・活動指標・測定指標）")


def _terms(out, subject: str, texts: list) -> None:
    """kg:term / kg:termCount for the record's subject and the payees, laws and concepts it mentions."""

    types: dict[str, set[str]] = {}
    labels: dict[str, list[str]] = {}
    linked: list[str] = []
    # only the triples the loop below can use (types, labels, policy/measure edges), picked out by one set lookup
    # per triple: the record's other triples (four in five) used to cost three tests each
    picked = [t for t in out.triples if t[1] in _PICKED]
    for s, p, o in picked:  # (subject IRI, predicate IRI, IRI string or literal): kg.emit.out
        if p == _TYPE:
            types.setdefault(s, set()).add(str(o))
        elif p in _LABELS and not isinstance(o, str) and getattr(o, "language", None) == "ja":
            labels.setdefault(s, []).append(o.value)
        elif s == subject and p in _POLICY_MEASURE:
            linked.append(value_of(o))
    subject_texts = [t for t in texts if t] + list(dict.fromkeys(lab for c in linked for lab in labels.get(c, [])))
    if subject not in labels or not texts:
        subject_texts += labels.get(subject, [])
    nodes = {subject: subject_texts}
    for node, ts in types.items():
        if node != subject and ts & _TERM_TYPES and labels.get(node):
            nodes[node] = labels[node]
    for node in sorted(nodes):
        texts_of_node = tuple(dict.fromkeys(nodes[node]))
        if node == subject:  # a sheet's own texts: seldom seen twice
            objects = _term_objects(texts_of_node)
        else:  # corporations, payees, laws, concepts: named again by many records
            objects = _TERM_OBJECTS.get(texts_of_node)
            if objects is None:
                if len(_TERM_OBJECTS) >= TERM_OBJECTS_MAX:
                    _TERM_OBJECTS.clear()
                objects = _TERM_OBJECTS[texts_of_node] = _term_objects(texts_of_node)
        out.triples.extend([(node, p, o) for p, o in objects])


_TERM_OBJECTS: dict[tuple, list] = {}  # a node's distinct label texts -> its (kg:term | kg:termCount, literal) pairs
TERM_OBJECTS_MAX = 100_000


def _term_objects(texts: tuple) -> list[tuple[str, object]]:
    """(predicate, literal) of the kg:term and kg:termCount triples of a node with these texts (none without
    terms)."""
    from kg.emit.rdf import integer

    found = sorted({t for text in texts for t in terms(text)})
    if not found:
        return []
    term = KG.term
    pairs = [(term, lit) for lit in map(_lit, found) if lit is not None]
    pairs.append((KG.termCount, integer(len(found))))
    return pairs
