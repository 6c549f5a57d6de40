"""`kg lineage`: a program's chain across review years, and every lineage link, read from a built store.

The links are in the graph (kg:lineage qualified nodes with status, score and evidence; dcterms:replaces for
asserted ones; kg:program groups the sheets of one program), so this module only queries and formats.
"""
from __future__ import annotations

import json

from kg.namespaces import KG_NS
from kg.query.store import named_queries, run_query

LINK_COLUMNS = ["fiscal_year", "sheet_id", "previous_fiscal_year", "previous_number", "status", "score", "evidence"]

_PREFIX = f"""PREFIX kg: <{KG_NS}>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


class LineageError(Exception):
    pass


def links(store, year: int | None = None) -> list[dict]:
    """Every lineage link, one dict per link with exactly LINK_COLUMNS (evidence as compact JSON text)."""
    text = named_queries()["lineage-links"].read_text(encoding="utf-8")
    variables, rows = run_query(store, text, {"year": str(year)} if year else {})
    out = []
    for r in rows:
        d = dict(zip(variables, r, strict=True))
        out.append({
            "fiscal_year": _int(d["fiscal_year"]),
            "sheet_id": d.get("sheet_id") or "",
            "previous_fiscal_year": _int(d["previous_fiscal_year"]),
            "previous_number": d["previous_number"],
            "status": d["status"],
            "score": float(d["score"]),
            "evidence": d.get("evidence") or "{}",
        })
    return out


def find_sheets(store, ref: str, year: int | None = None) -> list[str]:
    """Sheet IRIs named by ``ref``: a sheet or program IRI, a 事業番号 (any spelling), or an RS 予算事業ID."""
    if ref.startswith(("http://", "https://")):
        q = _PREFIX + """SELECT DISTINCT ?s WHERE {
          VALUES ?ref { UNDEF }
          { ?ref a kg:ReviewSheet . BIND(?ref AS ?s) } UNION { ?s kg:program ?ref }
        }"""
        _, rows = run_query(store, q, {"ref": ref})
        return sorted({r[0] for r in rows if r[0]})
    from kg.normalize.project_number import canonical_number, match_key

    wanted = {ref.strip()}
    canon = canonical_number(ref)
    if canon:
        wanted |= {canon, match_key(canon)}
    q = _PREFIX + """SELECT DISTINCT ?s ?n ?y WHERE {
      ?s a kg:ReviewSheet ; kg:reviewYear ?y .
      { ?s kg:projectNumber ?n } UNION { ?s kg:rsId ?n }
    }"""
    _, rows = run_query(store, q)
    hits = set()
    for s, n, y in rows:
        if n in wanted or match_key(n) in wanted or canonical_number(n) in wanted:
            if year is None or _int(y) == year:
                hits.add(s)
    if not hits and len(ref.strip()) >= 4:  # no such number: a (part of a) 事業名, e.g. for sheets printing none
        from kg.normalize.text import nfkc

        q = _PREFIX + "SELECT DISTINCT ?s ?t ?y WHERE { ?s a kg:ReviewSheet ; dcterms:title ?t ; kg:reviewYear ?y }"
        _, rows = run_query(store, q)
        key = nfkc(ref).replace(" ", "")
        hits = {s for s, t, y in rows if key in nfkc(t).replace(" ", "") and (year is None or _int(y) == year)}
    return sorted(hits)


def chain(store, ref: str, year: int | None = None) -> list[dict]:
    """The program's sheets year by year: number, name, division, budget and execution of the year before
    the review year (the last settled year), and the links (with evidence) from each sheet to earlier ones."""
    starts = find_sheets(store, ref, year)
    if not starts:
        raise LineageError(f"no sheet in the store has the number or IRI {ref!r}" + (f" in {year}" if year else ""))
    # the programs of the matched sheets, and every sheet of those programs
    q = _PREFIX + """SELECT DISTINCT ?s ?p WHERE { VALUES ?start { UNDEF } ?start kg:program ?p . ?s kg:program ?p }"""
    sheets: set[str] = set(starts)
    for st in starts:
        _, rows = run_query(store, q, {"start": st})
        sheets |= {r[0] for r in rows}
    out = [_sheet_row(store, s) for s in sorted(sheets)]
    out.sort(key=lambda r: (r["review_year"] or 0, r["number"] or ""), reverse=True)
    return out


def _sheet_row(store, s: str) -> dict:
    q = _PREFIX + """SELECT ?y ?n ?title ?div ?prog WHERE {
      VALUES ?s { UNDEF }
      ?s kg:reviewYear ?y .
      OPTIONAL { ?s kg:projectNumber ?n }
      OPTIONAL { ?s dcterms:title ?title }
      OPTIONAL { ?s kg:division/rdfs:label ?div }
      OPTIONAL { ?s kg:program ?prog }
    } LIMIT 1"""
    _, rows = run_query(store, q, {"s": s})
    y, n, title, div, prog = rows[0] if rows else (None, None, None, None, None)
    year = _int(y)
    qb = _PREFIX + """SELECT DISTINCT ?fy ?total ?executed ?initial WHERE {
      VALUES ?s { UNDEF }
      ?o kg:budgetOf ?s ; kg:fiscalYear ?fy .
      OPTIONAL { ?o kg:totalBudget ?total } OPTIONAL { ?o kg:executedAmount ?executed }
      OPTIONAL { ?o kg:initialBudget ?initial }
    }"""
    _, brows = run_query(store, qb, {"s": s})
    budget = {_int(fy): (_num(t), _num(e), _num(i)) for fy, t, e, i in brows}
    settled = budget.get(year - 1) if year else None
    total, executed = (settled[0], settled[1]) if settled else (None, None)
    ql = _PREFIX + """SELECT DISTINCT ?ty ?tn ?status ?score ?evidence WHERE {
      VALUES ?s { UNDEF }
      ?s kg:lineage ?l . ?l kg:status ?status ; kg:score ?score ; kg:targetYear ?ty ; kg:targetNumber ?tn .
      OPTIONAL { ?l kg:evidence ?evidence }
    } ORDER BY ?status DESC(?score)"""
    _, lrows = run_query(store, ql, {"s": s})
    steps = [{"previous_fiscal_year": _int(ty), "previous_number": tn, "status": st, "score": float(sc),
              "evidence": json.loads(ev) if ev else {}} for ty, tn, st, sc, ev in lrows]
    return {"review_year": year, "number": n, "name": title, "division": div, "sheet": s, "program": prog,
            "budget_year": year - 1 if year else None, "budget": total, "executed": executed,
            "execution_rate": round(executed / total, 3) if total and executed is not None else None,
            "request_year_initial": budget.get(year, (None, None, None))[2] if year else None,
            "links": steps}


def _int(v) -> int | None:
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def _num(v) -> float | None:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None
