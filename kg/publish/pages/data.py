"""What the entity pages show, read from the store by index lookups.

Every lookup starts from a constant: the node's own triples (``quads_for_pattern(node, …)``: the SPO index), the
nodes pointing at it (``quads_for_pattern(…, node)``: OSP), or a named query with the node bound as its parameter
(the named queries are written to be answered from the indexes, README "Named queries"). The union graph
repeats a node shared by several sources once per graph: everything here is made distinct.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import islice

import pyoxigraph as ox

from kg.namespaces import KG_NS
from kg.query.store import named_queries, run_query

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDFS_SEEALSO = "http://www.w3.org/2000/01/rdf-schema#seeAlso"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
KG = KG_NS
LABEL_PREDICATES = (RDFS_LABEL, SKOS + "prefLabel", DCT + "title", ELI + "title")

KIND_OF_TYPE = {
    KG + "Program": "program", KG + "ReviewSheet": "sheet", KG + "Corporation": "corp",
    ELI + "LegalResource": "law", SKOS + "Concept": "concept",
    ORG + "FormalOrganization": "org", ORG + "OrganizationalUnit": "org", ORG + "Organization": "org",
}
INCOMING_CAP = 2000  # generic page / data document: at most this many triples pointing at the node


def node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def props(store: ox.Store, iri: str) -> dict[str, list]:
    """predicate IRI -> distinct objects (ox terms) of the node, in a stable order."""
    out: dict[str, list] = defaultdict(list)
    seen = set()
    for q in store.quads_for_pattern(node(iri), None, None):
        key = (q.predicate.value, q.object)
        if key not in seen:
            seen.add(key)
            out[q.predicate.value].append(q.object)
    return {p: sorted(v, key=str) for p, v in out.items()}


def values(store: ox.Store, iri: str, pred: str) -> list:
    """Distinct objects of one predicate (the SPO index with two constants)."""
    return sorted({q.object for q in store.quads_for_pattern(node(iri), node(pred), None)}, key=str)


def value(store: ox.Store, iri: str, pred: str) -> str | None:
    v = values(store, iri, pred)
    return v[0].value if v else None


def subjects(store: ox.Store, pred: str, obj: str, cap: int | None = None) -> list[str]:
    """Distinct subjects ``?s pred obj`` (the POS index), at most ``cap``."""
    seen: dict[str, None] = {}
    for q in store.quads_for_pattern(None, node(pred), node(obj)):
        seen.setdefault(q.subject.value, None)
        if cap and len(seen) >= cap:
            break
    return sorted(seen)


def exists(store: ox.Store, iri: str) -> bool:
    n = node(iri)
    return next(iter(store.quads_for_pattern(n, None, None)), None) is not None or \
        next(iter(store.quads_for_pattern(None, None, n)), None) is not None


def is_graph(store: ox.Store, iri: str) -> bool:
    """A named graph of the store (kg.iris.graph: one per source, and the derived ones)."""
    return store.contains_named_graph(node(iri))


GRAPH_COUNT_CAP = 200_000
GRAPH_LIST_CAP = 200


def graph_data(store: ox.Store, iri: str) -> dict:
    """A named graph: its size (counted up to GRAPH_COUNT_CAP quads), the sheets, 事前分析表 and findings it holds
    (first GRAPH_LIST_CAP of each) and the source documents its triples derive from."""
    g = node(iri)
    n = sum(1 for _ in islice(store.quads_for_pattern(None, None, None, g), GRAPH_COUNT_CAP + 1))
    held = {}
    for t in ("ReviewSheet", "PolicyEvaluation", "Finding"):
        subs = sorted({q.subject.value for q in islice(store.quads_for_pattern(None, node(RDF_TYPE), node(KG + t), g),
                                                       GRAPH_LIST_CAP + 1)})
        held[t] = [(x, label(store, x)) for x in subs[:GRAPH_LIST_CAP]] + ([("…", None)] if len(subs) > GRAPH_LIST_CAP
                                                                          else [])
    sources = sorted({q.object.value for q in islice(store.quads_for_pattern(
        None, node("http://www.w3.org/ns/prov#wasDerivedFrom"), None, g), 5000) if "/lines/" not in q.object.value})
    return {"iri": iri, "quads": n, "capped": n > GRAPH_COUNT_CAP, "held": held,
            "sources": [(x, label(store, x)) for x in sources[:20]]}


def label(store: ox.Store, iri: str) -> str | None:
    """rdfs:label, skos:prefLabel, dcterms:title or eli:title (the smallest of the first present)."""
    n = node(iri)
    for p in LABEL_PREDICATES:
        vals = sorted({q.object.value for q in store.quads_for_pattern(n, node(p), None)})
        if vals:
            return vals[0]
    return None


def kind(store: ox.Store, iri: str) -> str:
    types = {o.value for o in values(store, iri, RDF_TYPE)}
    for t, k in KIND_OF_TYPE.items():
        if t in types:
            return k
    return "node"


def num(v: str | None) -> float | int | None:
    if v is None:
        return None
    try:
        f = float(v)
    except ValueError:
        return None
    return int(f) if f.is_integer() else f


def named(store: ox.Store, name: str, params: dict[str, str]) -> list[dict]:
    variables, rows = run_query(store, named_queries()[name].read_text(encoding="utf-8"), params)
    return [dict(zip(variables, r, strict=True)) for r in rows]


# ---------------------------------------------------------------- every triple about a node


def triples_about(store: ox.Store, iri: str, incoming_cap: int = INCOMING_CAP) -> tuple[list, list, bool]:
    """(outgoing (p, o) pairs, incoming (s, p) pairs, whether the incoming ones were cut at the cap)."""
    n = node(iri)
    out = sorted({(q.predicate, q.object) for q in store.quads_for_pattern(n, None, None)}, key=str)
    inc: set = set()
    cut = False
    for q in store.quads_for_pattern(None, None, n):
        inc.add((q.subject, q.predicate))
        if len(inc) > incoming_cap:
            cut = True
            break
    return out, sorted(islice(sorted(inc, key=str), incoming_cap), key=str), cut


def data_triples(store: ox.Store, iri: str) -> list[ox.Triple]:
    """The triples of the data document of an IRI: every triple with it as subject, those with it as object (up to
    INCOMING_CAP) and the labels of the nodes it points at."""
    n = node(iri)
    out, inc, _ = triples_about(store, iri)
    triples = {ox.Triple(n, p, o) for p, o in out} | {ox.Triple(s, p, n) for s, p in inc}
    for _, o in out:
        if isinstance(o, ox.NamedNode):
            for p in LABEL_PREDICATES[:2]:
                triples |= {ox.Triple(o, q.predicate, q.object) for q in store.quads_for_pattern(o, node(p), None)}
    return sorted(triples, key=str)


# ---------------------------------------------------------------- program


SHEET_FIELDS = {  # key -> predicate; one SPO lookup each (a sheet also holds ~100 term triples we skip)
    "year": KG + "reviewYear", "title": DCT + "title", "label": RDFS_LABEL, "number": KG + "projectNumber",
    "rs_id": KG + "rsId", "program": KG + "program", "ministry": KG + "ministry", "bureau": KG + "bureau",
    "division": KG + "division", "purpose": KG + "purpose", "summary": KG + "summary",
}
SHEET_LISTS = {"policy": KG + "policy", "measure": KG + "measure", "laws": KG + "legalBasis",
               "provisions": KG + "citesProvision", "payments": KG + "payment", "replaces": DCT + "replaces"}


def sheet_info(store: ox.Store, sheet: str) -> dict:
    d: dict = {"iri": sheet}
    for k, p in SHEET_FIELDS.items():
        d[k] = value(store, sheet, p)
    for k, p in SHEET_LISTS.items():
        d[k] = [o.value for o in values(store, sheet, p)]
    d["year"] = num(d["year"])
    d["title"] = d["title"] or d.pop("label")
    d.pop("label", None)
    return d


def payments(store: ox.Store, sheet: str, iris: list[str]) -> list[dict]:
    rows = []
    for pay in iris:
        p = props(store, pay)

        def first(pred: str, p=p) -> str | None:
            v = p.get(pred)
            return v[0].value if v else None

        payee = first(KG + "payee")
        rows.append({"iri": pay, "sheet": sheet, "block": first(KG + "block"), "rank": num(first(KG + "rank")),
                     "amount": num(first(KG + "amount")), "description": first(DCT + "description"),
                     "contract": first(KG + "contractMethod"), "payee": payee,
                     "name": label(store, payee) if payee else None,
                     "number": value(store, payee, KG + "corporateNumber") if payee else None})
    return sorted(rows, key=lambda r: (r["block"] or "", r["rank"] if r["rank"] is not None else 1e9, r["iri"]))


def budgets(store: ox.Store, program: str) -> list[dict]:
    """Per fiscal year the figures of the newest sheet that reports it (a later sheet's figures supersede)."""
    rows = named(store, "program-budgets", {"program": program})
    best: dict[int, dict] = {}
    for r in rows:
        fy, ry = num(r.get("fiscal_year")), num(r.get("review_year"))
        if fy is None:
            continue
        if fy not in best or (ry or 0) > (best[fy]["review_year"] or 0):
            best[fy] = {"fiscal_year": fy, "review_year": ry, "sheet": r.get("s"),
                        **{k: num(r.get(k)) for k in ("initial", "supplementary", "total", "executed", "requested")}}
    return [best[y] for y in sorted(best)]


def law_rows(store: ox.Store, sheets: list[dict]) -> list[dict]:
    """The laws the sheets cite: label, 法令ID, e-Gov link, articles cited, review years."""
    laws: dict[str, dict] = {}
    for s in sheets:
        for law in s["laws"]:
            d = laws.setdefault(law, {"iri": law, "label": label(store, law), "law_id": value(store, law, ELI + "id_local"),
                                      "links": [o.value for o in values(store, law, RDFS_SEEALSO)],
                                      "articles": {}, "years": set()})
            if s["year"]:
                d["years"].add(s["year"])
        for a in s["provisions"]:
            law = next((lw for lw in laws if a.startswith(lw + "/at/")), None)
            if law:
                laws[law]["articles"].setdefault(a, label(store, a))
    return sorted(({**d, "years": sorted(d["years"]), "articles": sorted(d["articles"].items())}
                   for d in laws.values()), key=lambda d: (d["label"] or "", d["iri"]))


def lineage_targets(store: ox.Store, sheet: str) -> list[tuple[str, int | None, str | None]]:
    """(target sheet IRI, its year, its 事業番号) of the sheet's lineage links: the earlier sheets of the program,
    whether or not they are in the store (an 事前分析表 達成手段 names the sheet of its own year)."""
    out = []
    for link in {o.value for o in values(store, sheet, KG + "lineage")}:
        t = value(store, link, KG + "linkTarget")
        if t:
            out.append((t, num(value(store, link, KG + "targetYear")), value(store, link, KG + "targetNumber")))
    return sorted(set(out), key=lambda x: (x[1] or 0, x[0]))


def means_of(store: ox.Store, sheets: list[str]) -> list[dict]:
    """達成手段 of the 事前分析表 implemented by the sheets or by the earlier sheets their lineage names
    (``?means kg:implementedBy ?sheet``), with their evaluation."""
    cands: dict[str, str | None] = {s: None for s in sheets}
    for s in sheets:
        for t, y, n in lineage_targets(store, s):
            cands.setdefault(t, f"{y or '?'} {n or ''}".strip())
    out = []
    for s, via in cands.items():
        for m in subjects(store, KG + "implementedBy", s):
            evals = subjects(store, KG + "means", m)
            ev = evals[0] if evals else None
            out.append({"iri": m, "label": label(store, m), "sheet": s, "via": via, "evaluation": ev,
                        "evaluation_label": label(store, ev) if ev else None,
                        "policy": value(store, ev, KG + "policy") if ev else None})
    for m in out:
        m["policy_label"] = label(store, m["policy"]) if m["policy"] else None
    return sorted(out, key=lambda m: m["iri"])


def program_data(store: ox.Store, program: str, only_sheet: str | None = None) -> dict:
    sheet_iris = [only_sheet] if only_sheet else subjects(store, KG + "program", program)
    sheets = sorted((sheet_info(store, s) for s in sheet_iris), key=lambda d: (-(d["year"] or 0), d["iri"]))
    latest = sheets[0] if sheets else {}
    pays = []
    for s in sheets:
        for r in payments(store, s["iri"], s["payments"]):
            r["year"] = s["year"]
            pays.append(r)
    concepts = {}
    for s in sheets:
        for c in s["policy"] + s["measure"]:
            if c not in concepts:
                concepts[c] = {"iri": c, "label": label(store, c), "role": "施策" if c in s["measure"] else "政策",
                               "broader": value(store, c, SKOS + "broader")}
                concepts[c]["broader_label"] = label(store, concepts[c]["broader"]) if concepts[c]["broader"] else None
    orgs = {o: label(store, o) for s in sheets for o in (s["ministry"], s["bureau"], s["division"]) if o}
    return {"program": program, "sheets": sheets, "latest": latest, "payments": pays,
            "budgets": budgets(store, program) if not only_sheet else _sheet_budgets(store, only_sheet),
            "laws": law_rows(store, sheets), "concepts": sorted(concepts.values(), key=lambda c: (c["role"], c["iri"])),
            "means": means_of(store, [s["iri"] for s in sheets]), "orgs": orgs}


def _sheet_budgets(store: ox.Store, sheet: str) -> list[dict]:
    rows = named(store, "sheet-budgets", {"sheet": sheet})
    out = {}
    for r in rows:
        if r.get("sheet_iri") != sheet:
            continue
        fy = num(r.get("fiscal_year"))
        if fy is not None and fy not in out:
            out[fy] = {"fiscal_year": fy, "review_year": num(r.get("review_year")), "sheet": sheet,
                       **{k: num(r.get(k)) for k in ("initial", "supplementary", "total", "executed", "requested")}}
    return [out[y] for y in sorted(out)]


# ---------------------------------------------------------------- corporation


CHAIN_STEPS = 12


def block_chain(store: ox.Store, block: str) -> tuple[int | None, str | None, str | None]:
    """(depth, the paying blocks and organisation above, label) of a spending block: ``kg:flowTo`` then
    ``kg:flowFrom`` upwards, step by step through the indexes; each step "depth:label" as ``payee-sources`` prints
    it (depth 0 is the organisation), nearest first."""
    steps: list[str] = []
    seen, frontier = {block}, [block]
    while frontier and len(steps) < CHAIN_STEPS:
        ups: set[str] = set()
        for b in frontier:
            for f in subjects(store, KG + "flowTo", b):
                ups |= {o.value for o in values(store, f, KG + "flowFrom")}
        ups -= seen
        for u in sorted(ups):  # depth 0: the organisation; a block whose depth no source gives: "?"
            is_block = KG + "SpendingBlock" in {o.value for o in values(store, u, RDF_TYPE)}
            d = value(store, u, KG + "chainDepth") or ("?" if is_block else "0")
            steps.append(f"{d}:{label(store, u) or u}")
        seen |= ups
        frontier = sorted(ups)
    return num(value(store, block, KG + "chainDepth")), " <- ".join(steps) or None, label(store, block)


def corp_data(store: ox.Store, corp: str) -> dict:
    """Every payee-list row naming the corporation (walked from the index: ``?payment kg:payee corp``), each with
    its sheet, program, ministry, year, block and amount; the depth and the chain of paying blocks above it from
    the spending blocks (what the named query ``payee-sources`` gives, walked block by block); the reach (the figures of the named
    query ``payee-reach``) counted from the same rows."""
    number = value(store, corp, KG + "corporateNumber")
    chains: dict[str, tuple] = {}
    sheets: dict[str, dict] = {}
    rows = []
    for pay in subjects(store, KG + "payee", corp):
        owner = subjects(store, KG + "payment", pay, cap=1)
        s = owner[0] if owner else None
        if s and s not in sheets:
            sheets[s] = {"year": num(value(store, s, KG + "reviewYear")), "title": label(store, s),
                         "program": value(store, s, KG + "program"), "ministry_iri": value(store, s, KG + "ministry")}
            m = sheets[s]["ministry_iri"]
            sheets[s]["ministry"] = label(store, m) if m else None
        info = sheets.get(s, {})
        block = value(store, pay, KG + "inBlock")
        if block and block not in chains:
            chains[block] = block_chain(store, block)
        depth, chain, block_label = chains.get(block, (None, None, None))
        rows.append({"payment": pay, "sheet": s, "year": info.get("year"), "title": info.get("title"),
                     "program": info.get("program"), "ministry": info.get("ministry"),
                     "ministry_iri": info.get("ministry_iri"), "block": block,
                     "block_label": block_label or value(store, pay, KG + "block"), "depth": depth, "chain": chain,
                     "amount": num(value(store, pay, KG + "amount"))})
    rows.sort(key=lambda r: (-(r["year"] or 0), r["ministry"] or "", r["title"] or "", r["payment"]))
    years = [r["year"] for r in rows if r["year"]]
    known = [r["amount"] for r in rows if r["amount"] is not None]
    reach = {"sheets": len({r["sheet"] for r in rows if r["sheet"]}),
             "programs": len({r["program"] or r["sheet"] for r in rows if r["sheet"]}),
             "ministries": len({r["ministry_iri"] for r in rows if r["ministry_iri"]}), "rows": len(rows),
             "blocks": len({(r["sheet"], r["block_label"]) for r in rows}),
             "total": sum(known) if known else None, "first_year": min(years) if years else None,
             "last_year": max(years) if years else None} if rows else {}
    by_ministry: dict[str, dict] = {}
    by_year: dict[int, float] = defaultdict(float)
    for r in rows:
        m = by_ministry.setdefault(r["ministry_iri"] or "", {"ministry": r["ministry"], "iri": r["ministry_iri"],
                                                             "total": 0.0, "years": set(), "rows": 0,
                                                             "unknown": 0})
        m["rows"] += 1
        m["total"] += r["amount"] or 0
        m["unknown"] += r["amount"] is None
        if r["year"]:
            m["years"].add(r["year"])
            by_year[r["year"]] += r["amount"] or 0
    return {"iri": corp, "number": number, "name": label(store, corp),
            "links": [o.value for o in values(store, corp, RDFS_SEEALSO)],
            "reach": reach, "rows": rows,
            "ministries": sorted(({**m, "years": sorted(m["years"])} for m in by_ministry.values()),
                                 key=lambda m: (-m["total"], m["ministry"] or "")),
            "years": sorted(by_year.items()), "unknown_amounts": sum(r["amount"] is None for r in rows)}


# ---------------------------------------------------------------- law


def law_data(store: ox.Store, law: str) -> dict:
    programs = named(store, "statute-programs", {"law": law})
    q = f"""PREFIX eli: <{ELI}> PREFIX kg: <{KG}> PREFIX rdfs: <{RDFS_LABEL[:-5]}>
    SELECT DISTINCT ?a ?label ?s WHERE {{
      VALUES ?law {{ UNDEF }}
      ?a eli:is_part_of+ ?law .
      LATERAL {{ OPTIONAL {{ ?a rdfs:label ?label }} }}
      LATERAL {{ OPTIONAL {{ ?s kg:citesProvision ?a }} }}
    }}"""
    _, rows = run_query(store, q, {"law": law})
    arts: dict[str, dict] = {}
    for a, lab, s in rows:
        d = arts.setdefault(a, {"iri": a, "label": lab, "sheets": set()})
        if s:
            d["sheets"].add(s)
    sheet_titles = {s: label(store, s) for d in arts.values() for s in d["sheets"]}
    return {"iri": law, "label": label(store, law), "law_id": value(store, law, ELI + "id_local"),
            "law_number": value(store, law, KG + "lawNumber"),
            "links": [o.value for o in values(store, law, RDFS_SEEALSO)], "programs": programs,
            "articles": sorted(({**d, "sheets": sorted(d["sheets"])} for d in arts.values()),
                               key=lambda d: (_article_order(d["iri"]), d["iri"])),
            "sheet_titles": sheet_titles}


def _article_order(iri: str) -> tuple:
    key = iri.rsplit("/at/", 1)[-1]
    parts = []
    for tok in key.replace("_", "-").split("-"):
        digits = "".join(ch for ch in tok if ch.isdigit())
        parts.append((int(digits) if digits else 0, tok))
    return tuple(parts)


# ---------------------------------------------------------------- 政策/施策 (skos:Concept)


def concept_data(store: ox.Store, concept: str) -> dict:
    sheets = sorted(set(subjects(store, KG + "measure", concept)) | set(subjects(store, KG + "policy", concept)))
    rows = []
    for s in sheets:
        rows.append({"iri": s, "year": num(value(store, s, KG + "reviewYear")), "title": label(store, s),
                     "number": value(store, s, KG + "projectNumber"), "program": value(store, s, KG + "program")})
    broader = value(store, concept, SKOS + "broader")
    narrower = subjects(store, SKOS + "broader", concept)
    evals = subjects(store, KG + "policy", concept)
    evals = [e for e in evals if e not in sheets]
    return {"iri": concept, "label": label(store, concept),
            "alt": sorted(o.value for o in values(store, concept, SKOS + "altLabel")),
            "scheme": value(store, concept, SKOS + "inScheme"),
            "broader": (broader, label(store, broader)) if broader else None,
            "narrower": [(n, label(store, n)) for n in narrower],
            "sheets": sorted(rows, key=lambda r: (-(r["year"] or 0), r["title"] or "")),
            "evaluations": [(e, label(store, e)) for e in evals]}


# ---------------------------------------------------------------- ministry / bureau / division

ORG_LIST_CAP = 300


def org_data(store: ox.Store, org: str) -> dict:
    types = {o.value for o in values(store, org, RDF_TYPE)}
    pred = KG + "ministry" if ORG + "FormalOrganization" in types else None
    if pred is None:  # a bureau or a division: which one is said by how the sheets point at it
        for p in (KG + "bureau", KG + "division"):
            if next(iter(store.quads_for_pattern(None, node(p), node(org))), None) is not None:
                pred = p
                break
    parent = value(store, org, ORG + "unitOf")
    units = subjects(store, ORG + "unitOf", org)
    years: list = []
    latest: list[dict] = []
    if pred:
        q = f"""PREFIX kg: <{KG}> PREFIX dcterms: <{DCT}>
        SELECT ?y (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?org {{ UNDEF }} ?s <{pred}> ?org . ?s kg:reviewYear ?y }}
        GROUP BY ?y ORDER BY DESC(?y)"""
        _, years = run_query(store, q, {"org": org})
        if years:
            q2 = f"""PREFIX kg: <{KG}> PREFIX dcterms: <{DCT}>
            SELECT DISTINCT ?s ?t ?n ?p WHERE {{ VALUES ?org {{ UNDEF }} VALUES ?y {{ UNDEF }}
              ?s <{pred}> ?org ; kg:reviewYear ?y .
              LATERAL {{ OPTIONAL {{ ?s dcterms:title ?t }} }} LATERAL {{ OPTIONAL {{ ?s kg:projectNumber ?n }} }}
              LATERAL {{ OPTIONAL {{ ?s kg:program ?p }} }} }} ORDER BY ?n ?t LIMIT {ORG_LIST_CAP + 1}"""
            y = years[0][0]
            _, rows = run_query(store, q2.replace("VALUES ?y { UNDEF }",
                                                  f'VALUES ?y {{ {ox.Literal(y, datatype=node("http://www.w3.org/2001/XMLSchema#integer"))} }}'),
                                {"org": org})
            latest = [{"iri": s, "title": t, "number": n, "program": p, "year": num(y)} for s, t, n, p in rows]
    return {"iri": org, "label": label(store, org), "parent": (parent, label(store, parent)) if parent else None,
            "units": sorted(((u, label(store, u)) for u in units), key=lambda x: (x[1] or "", x[0])),
            "years": [(num(y), int(n)) for y, n in years], "latest": latest, "role": pred}
