"""`kg related KEY`: every entity connected to a program, corporation, law, 施策 (or 達成手段, plan, 事前分析表),
how, ranked, each with the path that connects it — read from a built store.

``related(store, key, limit=50)`` returns rows ``{iri, label, kind, relation, path, score, detail}``:

- ``kind``: program | corporation | payee | law | policy | means | evaluation | plan | related-project
- ``relation`` (how the row is connected to the key; one row per entity and relation):
  ``lineage`` (predecessor/successor across programs: a lineage link from or to a sheet of another program),
  ``implements`` (the 事前分析表 達成手段 a sheet implements), ``same-evaluation`` (programs implementing another
  達成手段 of the same 事前分析表), ``legal-basis`` / ``same-statute`` (the laws cited; programs citing the same
  law, with both sides' articles), ``shared-contractor`` (programs paying the same 法人番号, with both amounts),
  ``money-flow`` (the payees a program pays, through its spending blocks; for a corporation, the programs paying
  it), ``policy`` / ``same-measure`` (the sheets' 政策/施策 concepts; programs under the same 施策), ``plan`` /
  ``same-plan`` (関係する計画・閣議決定), ``related-project`` (関連事業 the sheet itself lists), ``similar-text``
  (kg.query.search.similar: shared informative terms), and for other keys ``cites``, ``co-cited``, ``under``,
  ``broader``/``narrower``, ``evaluation``.
- ``path``: [(iri, label), …] from the key to the row (the key first, the row last).
- ``score``: 0..1, higher is closer. A link through a node many programs share counts less (``specificity``:
  1 / (1 + log10 n)); several links of one relation combine as 1 - Π(1 - s).
- ``detail``: what the relation rests on (laws and articles on both sides, amounts on both sides, years …)
  and ``how``, a one-line reading of it.

Every lookup starts from a constant through an index (the key, then node by node), so a program on the national
store costs a few dozen small queries. A corporation paid in more than HUB_ROWS payee-list rows (a prefecture, a
lump-sum payee) is one row saying so (detail ``hub``, ``payee_rows``), its programs not enumerated; so is a law, 施策
or plan named by more than HUB_SHEETS sheets (the law or plan row has ``hub`` and the count).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

import pyoxigraph as ox

from kg.namespaces import KG_NS
from kg.query.store import run_query

PREFIX = f"""PREFIX kg: <{KG_NS}>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"

# base score of each relation before the specificity of the shared node is applied
WEIGHTS = {
    "lineage": 1.0, "implements": 0.95, "related-project": 0.9, "same-statute": 0.55, "shared-contractor": 0.7,
    "same-measure": 0.5, "same-plan": 0.45, "same-evaluation": 0.35, "similar-text": 0.6, "legal-basis": 0.8,
    "policy": 0.75, "plan": 0.5, "money-flow": 0.6, "evaluation": 0.7, "cites": 0.8, "co-cited": 0.5,
    "under": 0.8, "broader": 0.6, "narrower": 0.6, "means": 0.5,
}
ARTICLE_BONUS = 0.3  # a shared article on top of a shared law
HUB_ROWS = 2000  # a corporation in more payee-list rows (a prefecture, a lump-sum payee) is not enumerated
HUB_SHEETS = 3000  # a law, 施策 or plan named by more sheets (財政法, a 骨太の方針) is not enumerated either
LAW_ID_RE = re.compile(r"\d{3}[A-Z]{2}\d{10}")
KINDS = {
    KG_NS + "ReviewSheet": "program", KG_NS + "Program": "program", KG_NS + "Corporation": "corporation",
    KG_NS + "Payee": "payee", ELI + "LegalResource": "law", ELI + "LegalResourceSubdivision": "article",
    SKOS + "Concept": "policy", KG_NS + "Means": "means", KG_NS + "PolicyEvaluation": "evaluation",
    KG_NS + "Plan": "plan", KG_NS + "RelatedProject": "related-project",
}
KIND_ORDER = ("program", "corporation", "law", "article", "policy", "means", "evaluation", "plan", "payee",
              "related-project")


class RelatedError(Exception):
    pass


def specificity(n: int) -> float:
    """How much a link through a node shared by ``n`` programs says: 1 for 1 or 2, 0.5 for 10, 0.33 for 100."""
    return 1.0 / (1.0 + math.log10(max(n, 1)))


def _combine(scores: list[float]) -> float:
    p = 1.0
    for s in scores:
        p *= 1.0 - max(0.0, min(1.0, s))
    return 1.0 - p


def _q(store, text: str, params: dict | None = None) -> list[dict]:
    variables, rows = run_query(store, PREFIX + text, params or {})
    return [dict(zip(variables, r, strict=True)) for r in rows]


def _values(var: str, iris) -> str:
    """``VALUES ?var { <iri> … }`` for IRIs read from the store, each serialised by pyoxigraph (never pasted)."""
    return f"VALUES ?{var} {{ " + " ".join(str(ox.NamedNode(i)) for i in sorted(set(iris))) + " }"


def _num(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else f


def _batched(items: list, n: int = 200):
    for i in range(0, len(items), n):
        yield items[i:i + n]


# ---------------------------------------------------------------------------------------------- resolving keys

def _types(store, iri: str) -> set[str]:
    return {r["t"] for r in _q(store, "SELECT DISTINCT ?t WHERE { VALUES ?s { UNDEF } ?s rdf:type ?t }", {"s": iri})}


def _kind_of(types: set[str]) -> str | None:
    kinds = {KINDS[t] for t in types if t in KINDS}
    for k in KIND_ORDER:
        if k in kinds:
            return k
    return None


def resolve(store, key: str, year: int | None = None) -> dict:
    """The entity ``key`` names: {"iri", "kind", "label", "sheets" (programs: their sheet IRIs)}.

    Accepted: any IRI kg mints (sheet, program, corporation, law, article, 政策/施策 concept, 達成手段,
    事前分析表, plan); a 13-digit 法人番号; an e-Gov 法令ID; a 事業番号 in any year's spelling or an RS 予算事業ID;
    a law title, a 政策/施策 name or a plan title as printed; a 事業名 (or part of one)."""
    key = (key or "").strip()
    if not key:
        raise RelatedError("give a program (事業番号, 予算事業ID, IRI), a 法人番号, a 法令ID or a 施策")
    if key.startswith(("http://", "https://")):
        kind = _kind_of(_types(store, key))
        if kind is None:
            raise RelatedError(f"{key} is not in the store (or is no program, corporation, law, 施策 …)")
        if kind == "article":
            rows = _q(store, "SELECT ?law WHERE { VALUES ?a { UNDEF } ?a eli:is_part_of ?law } LIMIT 1", {"a": key})
            return resolve(store, rows[0]["law"]) if rows else _entity(store, key, "article")
        if kind == "program":
            return _program_entity(store, _program_sheets(store, key, year), key)
        return _entity(store, key, kind)
    from kg.normalize.text import nfkc

    plain = nfkc(key).strip()
    if re.fullmatch(r"\d{13}", plain):
        rows = _q(store, "SELECT DISTINCT ?c WHERE { VALUES ?n { UNDEF } ?c kg:corporateNumber ?n }", {"n": plain})
        if rows:
            return _entity(store, sorted(r["c"] for r in rows)[0], "corporation")
        raise RelatedError(f"no payee in the store has the 法人番号 {plain}")
    if LAW_ID_RE.fullmatch(plain):
        rows = _q(store, "SELECT DISTINCT ?l WHERE { VALUES ?n { UNDEF } ?l eli:id_local ?n ; a eli:LegalResource }",
                  {"n": plain})
        if rows:
            return _entity(store, sorted(r["l"] for r in rows)[0], "law")
        raise RelatedError(f"no law in the store has the 法令ID {plain}")
    sheets = _by_ministry_word(store, key, _sheets_by_number(store, key, year))
    if sheets:
        return _program_entity(store, sheets, None)
    named = _by_name(store, plain)
    if named:
        return named
    from kg.normalize.project_number import canonical_number
    from kg.query.lineage import find_sheets  # last resort: a part of a 事業名 (scans the titles)

    sheets = find_sheets(store, key, year) if canonical_number(key) is None else []
    if sheets:
        return _program_entity(store, sheets, None)
    raise RelatedError(f"nothing in the store is named {key!r} (a 事業番号, 予算事業ID, 法人番号, 法令ID, law title, "
                       "施策 name or IRI)")


def _sheets_by_number(store, ref: str, year: int | None) -> list[str]:
    """Sheets whose 事業番号 or RS 予算事業ID is ``ref`` in any spelling — each spelling looked up through the index."""
    from kg.normalize.project_number import canonical_number, match_key
    from kg.normalize.text import nfkc

    forms = {ref.strip(), nfkc(ref).strip()}
    canon = canonical_number(ref)
    if canon:
        forms |= {canon, match_key(canon)}
        m = re.fullmatch(r"(20\d\d)-(.+?)-((?:新?\d\d-)?\d{4}(?:-\d{1,2})?)", canon)
        if m and not m[2].endswith(("省", "庁", "府")):
            forms |= {f"{m[1]}-{m[2]}省-{m[3]}", f"{m[1]}-{m[2]}庁-{m[3]}"}
    q = """SELECT DISTINCT ?s ?y WHERE { VALUES ?n { UNDEF }
      { ?s kg:projectNumber ?n } UNION { ?s kg:rsId ?n } ?s a kg:ReviewSheet ; kg:reviewYear ?y }"""
    hits = set()
    for f in sorted(x for x in forms if x):
        for r in _q(store, q, {"n": f}):
            if year is None or _num(r["y"]) == year:
                hits.add(r["s"])
    return sorted(hits)


def _by_ministry_word(store, key: str, sheets: list[str]) -> list[str]:
    """The sheets of the ministry the key names before its number ("総務省 0048", "総務 0048", "経産 0424"; none
    when that ministry has no such number); all of them when the key names no ministry (a bare "0048" is every
    ministry's, "新29-0004")."""
    from kg.normalize.orgs import AGENCY_PARENT, MINISTRIES

    if not sheets:
        return sheets
    from kg.normalize.text import nfkc

    word = re.sub(r"[\s\-‐－ー―(（)）]+$", "", re.split(r"\d", nfkc(key), maxsplit=1)[0]).strip()
    if not word or not any(_abbreviates(word, m) for m in (*MINISTRIES, *AGENCY_PARENT)):
        return sheets  # no ministry named ("新29-0004", a bare number)
    info = _sheet_info(store, sheets)
    return [s for s in sheets if _abbreviates(word, info.get(s, {}).get("ministry") or "")]


def _abbreviates(word: str, name: str) -> bool:
    """'総務省', '総務', '経産' (経済産業省), '厚労' (厚生労働省): the word's characters in order in the name."""
    it = iter(name)
    return bool(word) and all(c in it for c in word.rstrip("省庁府"))


def _by_name(store, name: str) -> dict | None:
    """A law, 政策/施策, plan or program named exactly ``name`` (as stored: NFKC, @ja)."""
    q = """SELECT DISTINCT ?s ?t WHERE { VALUES ?n { UNDEF } VALUES ?n_ja { UNDEF }
      { ?s rdfs:label ?n_ja } UNION { ?s skos:prefLabel ?n_ja } UNION { ?s skos:altLabel ?n_ja }
      UNION { ?s dcterms:title ?n_ja } UNION { ?s eli:title ?n_ja }
      ?s rdf:type ?t }"""
    found: dict[str, set[str]] = defaultdict(set)
    for r in _q(store, q, {"n": name}):
        found[r["s"]].add(r["t"])
    by_kind: dict[str, list[str]] = defaultdict(list)
    for s, types in found.items():
        k = _kind_of(types)
        if k:
            by_kind[k].append(s)
    for k in ("law", "policy", "plan", "corporation", "program", "means", "evaluation"):
        if k == "program" and by_kind.get(k):
            return _program_entity(store, sorted(by_kind["program"]), None)
        if by_kind.get(k):
            return _entity(store, sorted(by_kind[k])[0], k)
    return None


def _program_sheets(store, iri: str, year: int | None = None) -> list[str]:
    rows = _q(store, """SELECT DISTINCT ?s ?y WHERE { VALUES ?ref { UNDEF }
      { ?ref a kg:ReviewSheet . BIND (?ref AS ?s) } UNION { ?s kg:program ?ref } ?s kg:reviewYear ?y }""", {"ref": iri})
    return sorted(r["s"] for r in rows if year is None or _num(r["y"]) == year)


def _program_entity(store, sheets: list[str], given: str | None) -> dict:
    """A program: the programs of the given sheets and all their sheets (a sheet without kg:program stands alone)."""
    info = _sheet_info(store, sheets)
    programs = sorted({info[s]["program"] for s in sheets if s in info})
    if not programs:
        raise RelatedError(f"no review sheet found for {given or sheets}")
    ministries = {info[s]["ministry"] for s in sheets if s in info}
    if len(programs) > 5 or len(ministries) > 1:  # one ministry's programs of one name: taken together
        sample = ", ".join(f"{info[s]['year']} {info[s]['ministry'] or ''} {info[s]['title']} <{s}>" for s in sheets[:5])
        raise RelatedError(f"{len(programs)} programs of {len(ministries)} ministries match; name the ministry "
                           f"(総務省 0048), the review year (--year) or give an IRI: {sample} …")
    all_sheets = set(sheets)
    for p in programs:
        all_sheets |= set(_program_sheets(store, p))
    info = _sheet_info(store, sorted(all_sheets))
    latest = max(info.values(), key=lambda d: (d["year"] or 0, d["iri"]))
    iri = programs[0] if len(programs) == 1 else (given or programs[0])
    # earlier sheets the store names only as lineage targets (asserted: dcterms:replaces), e.g. the year a
    # 事前分析表 達成手段 points at when that year's sheet was not built: they are the program's too
    earlier: dict[str, str] = {}
    q = """SELECT DISTINCT ?old ?y ?n WHERE { VALUES ?s { UNDEF } ?s dcterms:replaces ?old .
      FILTER NOT EXISTS { ?old a kg:ReviewSheet }
      LATERAL { OPTIONAL { ?s kg:lineage ?l . ?l kg:linkTarget ?old ; kg:targetYear ?y ; kg:targetNumber ?n } } }"""
    for s in sorted(all_sheets):
        for r in _q(store, q, {"s": s}):
            earlier.setdefault(r["old"], " ".join(x for x in (r["y"], r["n"]) if x) or r["old"].rsplit("/", 1)[-1])
    return {"iri": iri, "kind": "program", "label": latest["title"], "sheets": sorted(all_sheets),
            "programs": programs, "sheet_info": info, "earlier_sheets": earlier}


def _sheet_info(store, sheets: list[str]) -> dict[str, dict]:
    """Year, title, 事業番号, ministry and program of each sheet (the sheet itself when it has no program)."""
    out: dict[str, dict] = {}
    ministries: dict[str, str] = {}
    for chunk in _batched(sorted(set(sheets))):
        q = "SELECT DISTINCT ?s ?y ?t ?n ?mi ?p WHERE { " + _values("s", chunk) + """
          ?s kg:reviewYear ?y .
          OPTIONAL { ?s dcterms:title ?t } OPTIONAL { ?s kg:projectNumber ?n }
          OPTIONAL { ?s kg:ministry ?mi } OPTIONAL { ?s kg:program ?p } }"""
        for r in _q(store, q):
            d = out.setdefault(r["s"], {"iri": r["s"], "year": _num(r["y"]), "title": r["t"], "number": r["n"],
                                        "ministry": r["mi"], "program": r["p"] or r["s"]})
            for k, v in (("title", r["t"]), ("number", r["n"]), ("ministry", r["mi"])):
                d[k] = d[k] or v
    # the ministries' names once (a ministry's label repeats in every source graph naming it)
    for iri, label in _labels(store, {d["ministry"] for d in out.values() if d["ministry"]}).items():
        ministries[iri] = label
    for d in out.values():
        if d["ministry"]:
            d["ministry"] = ministries.get(d["ministry"], d["ministry"])
    return out


def _labels(store, iris) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in _batched(sorted(set(iris))):
        q = "SELECT ?s ?l WHERE { " + _values("s", chunk) + """
          { ?s skos:prefLabel ?l } UNION { ?s rdfs:label ?l } UNION { ?s dcterms:title ?l } }"""
        for r in _q(store, q):
            if r["s"] not in out or (len(r["l"] or "") and _ja(r["l"]) and not _ja(out[r["s"]])):
                out[r["s"]] = r["l"]
    return out


def _ja(text: str) -> bool:
    return bool(re.search(r"[ぁ-んァ-ン一-龥]", text or ""))


def _entity(store, iri: str, kind: str) -> dict:
    return {"iri": iri, "kind": kind, "label": _labels(store, [iri]).get(iri) or iri.rsplit("/", 1)[-1],
            "sheets": []}


# ------------------------------------------------------------------------------------------------ the rows

class _Rows:
    """Rows keyed by (iri, relation): several links of one relation to one entity are one row."""

    def __init__(self, key: dict):
        self.key = key
        self.rows: dict[tuple[str, str], dict] = {}
        self.parts: dict[tuple[str, str], list[float]] = defaultdict(list)

    def add(self, iri: str, kind: str, relation: str, via: list[tuple[str, str]] | None, score: float,
            label: str | None = None, **detail) -> dict:
        k = (iri, relation)
        row = self.rows.get(k)
        if row is None:
            row = {"iri": iri, "label": label, "kind": kind, "relation": relation,
                   "path": [(self.key["iri"], self.key["label"]), *(via or []), (iri, label)], "score": 0.0,
                   "detail": {}}
            self.rows[k] = row
        row["label"] = row["label"] or label
        for dk, dv in detail.items():
            if isinstance(dv, list):
                row["detail"].setdefault(dk, [])
                row["detail"][dk] += [x for x in dv if x not in row["detail"][dk]]
            else:
                row["detail"].setdefault(dk, dv)
        self.parts[k].append(score)
        return row

    def finish(self, limit: int) -> list[dict]:
        out = []
        for k, row in self.rows.items():
            row["score"] = round(_combine(self.parts[k]), 4)
            row["path"][-1] = (row["iri"], row["label"])
            row["path"] = [tuple(p) for p in row["path"]]
            out.append(row)
        out.sort(key=lambda r: (-r["score"], KIND_ORDER.index(r["kind"]) if r["kind"] in KIND_ORDER else 99,
                                r["relation"], r["label"] or "", r["iri"]))
        return out[:limit] if limit else out


def related(store, key: str, *, limit: int = 50, year: int | None = None, text: bool = True) -> list[dict]:
    """Every entity connected to ``key`` and how, best first (see the module docstring). ``year`` narrows a bare
    事業番号 to one review year; ``text`` adds the programs sharing informative terms (kg similar)."""
    return related_to(store, key, limit=limit, year=year, text=text)[1]


def related_to(store, key: str, *, limit: int = 50, year: int | None = None, text: bool = True
               ) -> tuple[dict, list[dict]]:
    """(the resolved key: iri, kind, label, sheets; the rows of ``related``), resolving the key once."""
    ent = resolve(store, key, year)
    rows = _Rows(ent)
    if ent["kind"] == "program":
        _program_relations(store, ent, rows, text)
    elif ent["kind"] in ("corporation", "payee"):
        _payee_relations(store, ent, rows)
    elif ent["kind"] == "law":
        _law_relations(store, ent, rows)
    elif ent["kind"] == "policy":
        _policy_relations(store, ent, rows)
    elif ent["kind"] == "means":
        _means_relations(store, ent, rows)
    elif ent["kind"] == "evaluation":
        _evaluation_relations(store, ent, rows)
    elif ent["kind"] == "plan":
        _plan_relations(store, ent, rows)
    else:
        raise RelatedError(f"{ent['iri']} is a {ent['kind']}: kg related takes a program, corporation, law, 施策, "
                           "達成手段, 事前分析表 or plan")
    out = rows.finish(limit)
    for r in out:
        r["detail"].setdefault("how", _how(r))
    return {k: ent[k] for k in ("iri", "kind", "label", "sheets")}, out


def key_entity(store, key: str, year: int | None = None) -> dict:
    """The resolved key (iri, kind, label; programs: their sheets), as `kg related` prints it above the rows."""
    ent = resolve(store, key, year)
    return {k: ent[k] for k in ("iri", "kind", "label", "sheets")}


# ------------------------------------------------------------------------------------------ program relations

def _program_relations(store, ent: dict, rows: _Rows, text: bool) -> None:
    info: dict[str, dict] = ent["sheet_info"]
    mine = set(ent["sheets"])
    own_programs = set(ent["programs"]) | mine

    def other_program(sheet_rows: dict[str, dict]) -> dict[str, list[dict]]:
        by_prog: dict[str, list[dict]] = defaultdict(list)
        for s, d in sheet_rows.items():
            if d["program"] not in own_programs and s not in mine:
                by_prog[d["program"]].append(d)
        return by_prog

    def prog_label(sheets: list[dict]) -> str:
        latest = max(sheets, key=lambda d: (d["year"] or 0, d["iri"]))
        return latest["title"] or latest["number"] or latest["iri"]

    _lineage(store, ent, rows, info, own_programs, prog_label)
    _statutes(store, ent, rows, info, other_program, prog_label)
    _contractors(store, ent, rows, info, other_program, prog_label)
    _concepts(store, ent, rows, other_program, prog_label)
    _plans(store, ent, rows, other_program, prog_label)
    _means(store, ent, rows, other_program, prog_label)
    _related_projects(store, ent, rows)
    _money_flow(store, ent, rows, info)
    if text:
        _similar(store, ent, rows)


def _lineage(store, ent, rows, info, own_programs, prog_label) -> None:
    q_from = """SELECT DISTINCT ?s ?target ?status ?score ?method WHERE { VALUES ?s { UNDEF }
      ?s kg:lineage ?l . ?l kg:linkTarget ?target ; kg:status ?status ; kg:score ?score .
      OPTIONAL { ?l kg:method ?method } }"""
    q_to = """SELECT DISTINCT ?s ?target ?status ?score ?method WHERE { VALUES ?t { UNDEF }
      ?l kg:linkTarget ?t ; kg:status ?status ; kg:score ?score . ?s kg:lineage ?l . BIND (?t AS ?target)
      OPTIONAL { ?l kg:method ?method } }"""
    found = []
    for s in ent["sheets"]:
        found += [("predecessor", r["s"], r["target"], r) for r in _q(store, q_from, {"s": s})]
        found += [("successor", r["target"], r["s"], r) for r in _q(store, q_to, {"t": s})]
    others = {t for _, _, t, _ in found}
    oinfo = _sheet_info(store, sorted(others))
    for direction, my_sheet, other, r in found:
        d = oinfo.get(other)
        if d is None or d["program"] in own_programs:
            continue  # a link inside the program, or to a sheet the store does not hold
        status, score = r["status"], float(r["score"] or 0)
        s = WEIGHTS["lineage"] * (1.0 if status == "asserted" else 0.6 * score)
        me = info.get(my_sheet, {})
        rows.add(d["program"], "program", "lineage", [(my_sheet, _sheet_label(me)), (other, _sheet_label(d))], s,
                 label=d["title"], direction=direction, status=status, link_score=score, method=r["method"],
                 sheets=[other], years=[d["year"]])


def _sheet_label(d: dict) -> str:
    return " ".join(str(x) for x in (d.get("year"), d.get("number"), d.get("title")) if x)


def _statutes(store, ent, rows, info, other_program, prog_label) -> None:
    """Laws the program cites (legal-basis) and programs citing the same law (same-statute), with articles."""
    q = """SELECT DISTINCT ?s ?law WHERE { VALUES ?s { UNDEF } ?s kg:legalBasis ?law }"""
    laws: dict[str, set[str]] = defaultdict(set)
    for s in ent["sheets"]:
        for r in _q(store, q, {"s": s}):
            laws[r["law"]].add(s)
    if not laws:
        return
    labels = _labels(store, laws)
    q_art = """SELECT DISTINCT ?other ?a ?al WHERE { VALUES ?law { UNDEF }
      ?a eli:is_part_of ?law . ?other kg:citesProvision ?a . OPTIONAL { ?a rdfs:label ?al } }"""
    q_mine = """SELECT DISTINCT ?a ?al WHERE { VALUES ?law { UNDEF } VALUES ?s { UNDEF }
      ?s kg:citesProvision ?a . ?a eli:is_part_of ?law . OPTIONAL { ?a rdfs:label ?al } }"""
    for law, my_sheets in sorted(laws.items()):
        citing, n_sheets = _sheets_naming(store, "legalBasis", law)
        arts: dict[str, dict[str, str]] = defaultdict(dict)
        if citing:
            for r in _q(store, q_art, {"law": law}):
                arts[r["other"]][r["a"]] = r["al"] or r["a"].rsplit("/", 1)[-1]
        else:  # a hub: only this program's own articles
            for s in my_sheets:
                for r in _q(store, q_mine, {"law": law, "s": s}):
                    arts[s][r["a"]] = r["al"] or r["a"].rsplit("/", 1)[-1]
        oinfo = _sheet_info(store, citing)
        n_programs = len({d["program"] for d in oinfo.values()}) if citing else n_sheets
        spec = specificity(n_programs)
        my_arts = {a: al for s in my_sheets for a, al in arts.get(s, {}).items()}
        law_label = labels.get(law) or law.rsplit("/", 1)[-1]
        rows.add(law, "law", "legal-basis", None, WEIGHTS["legal-basis"] * (0.5 + 0.5 * spec), label=law_label,
                 articles=sorted(my_arts.values(), key=_article_order), years=sorted({info[s]["year"] for s in
                                                                                     my_sheets if s in info}),
                 sheets_citing=n_sheets, **({"programs_citing": n_programs} if citing else {"hub": True}))
        for prog, sheets in other_program(oinfo).items():
            their = {a: al for d in sheets for a, al in arts.get(d["iri"], {}).items()}
            shared = sorted(set(my_arts) & set(their))
            s = (WEIGHTS["same-statute"] + (ARTICLE_BONUS if shared else 0.0)) * spec
            rows.add(prog, "program", "same-statute", [(law, law_label)], s, label=prog_label(sheets),
                     laws=[law_label], law_iris=[law],
                     articles_mine=[f"{law_label} {x}" for x in sorted(my_arts.values(), key=_article_order)],
                     articles_theirs=[f"{law_label} {x}" for x in sorted(their.values(), key=_article_order)],
                     shared_articles=[f"{law_label} {my_arts[a]}" for a in shared],
                     years=sorted({d["year"] for d in sheets}), sheets=sorted(d["iri"] for d in sheets))


def _sheets_naming(store, prop: str, node: str) -> tuple[list[str], int]:
    """The sheets naming ``node`` through kg:``prop`` and how many they are; none listed past HUB_SHEETS."""
    rows = _q(store, f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ VALUES ?x {{ UNDEF }} ?o kg:{prop} ?x }}", {"x": node})
    n = int(rows[0]["n"]) if rows else 0
    if n > HUB_SHEETS:
        return [], n
    return sorted({r["o"] for r in _q(store, f"SELECT DISTINCT ?o WHERE {{ VALUES ?x {{ UNDEF }} ?o kg:{prop} ?x }}",
                                      {"x": node})}), n


def _article_order(label: str):
    return [int(x) if x.isdigit() else x for x in re.findall(r"\d+|\D+", label or "")]


def _contractors(store, ent, rows, info, other_program, prog_label) -> None:
    """Programs paying a corporation (valid 法人番号) this program pays: both amounts (百万円), years."""
    q = """SELECT DISTINCT ?s ?pay ?corp ?num ?amount WHERE { VALUES ?s { UNDEF }
      ?s kg:payment ?pay . ?pay kg:payee ?corp . ?corp kg:corporateNumber ?num . OPTIONAL { ?pay kg:amount ?amount } }"""
    corps: dict[str, dict] = {}
    for s in ent["sheets"]:
        for r in _q(store, q, {"s": s}):
            c = corps.setdefault(r["corp"], {"number": r["num"], "mine": 0.0, "mine_known": False, "years": set()})
            if r["amount"] is not None:
                c["mine"] += float(r["amount"])
                c["mine_known"] = True
            c["years"].add(info.get(s, {}).get("year"))
    if not corps:
        return
    labels = _labels(store, corps)
    n_rows: dict[str, int] = {}
    for chunk in _batched(sorted(corps), 100):
        for r in _q(store, "SELECT ?corp (COUNT(DISTINCT ?pay) AS ?n) WHERE { " + _values("corp", chunk)
                    + " ?pay kg:payee ?corp } GROUP BY ?corp"):
            n_rows[r["corp"]] = int(r["n"])
    hubs = {c for c, n in n_rows.items() if n > HUB_ROWS}
    for corp in sorted(hubs):  # said, not enumerated: a link through it says little and costs seconds
        c = corps[corp]
        rows.add(corp, "corporation", "shared-contractor", None, 0.05, label=labels.get(corp) or c["number"],
                 hub=True, payee_rows=n_rows[corp], corporate_number=c["number"],
                 amount_mine=_num(c["mine"]) if c["mine_known"] else None)
    paid_by: dict[str, list[dict]] = defaultdict(list)
    for chunk in _batched(sorted(set(corps) - hubs), 40):  # the payee-list rows of 40 corporations at a time
        q_pay = "SELECT DISTINCT ?corp ?other ?pay ?amount WHERE { " + _values("corp", chunk) + """
          ?pay kg:payee ?corp . LATERAL { ?other kg:payment ?pay . OPTIONAL { ?pay kg:amount ?amount } } }"""
        for r in _q(store, q_pay):
            paid_by[r["corp"]].append(r)
    all_info = _sheet_info(store, sorted({r["other"] for rs in paid_by.values() for r in rs}))
    for corp, c in sorted(corps.items()):
        paid = paid_by.get(corp, [])
        oinfo = {r["other"]: all_info[r["other"]] for r in paid if r["other"] in all_info}
        n_programs = len({d["program"] for d in oinfo.values()})
        spec = specificity(n_programs)
        theirs: dict[str, float] = defaultdict(float)
        known: set[str] = set()
        for r in paid:
            if r["amount"] is not None:
                theirs[r["other"]] += float(r["amount"])
                known.add(r["other"])
        name = labels.get(corp) or c["number"]
        for prog, sheets in other_program(oinfo).items():
            amount = sum(theirs[d["iri"]] for d in sheets)
            rows.add(prog, "program", "shared-contractor", [(corp, name)], WEIGHTS["shared-contractor"] * spec,
                     label=prog_label(sheets), corporations=[f"{name} ({c['number']})"], corporation_iris=[corp],
                     amount_mine=_num(c["mine"]) if c["mine_known"] else None,
                     amount_theirs=_num(amount) if any(d["iri"] in known for d in sheets) else None,
                     years=sorted({d["year"] for d in sheets}), sheets=sorted(d["iri"] for d in sheets))


def _concepts(store, ent, rows, other_program, prog_label) -> None:
    """The sheets' 政策/施策 concepts (policy) and the programs under the same 施策 (same-measure)."""
    q = """SELECT DISTINCT ?s ?c ?prop WHERE { VALUES ?s { UNDEF }
      { ?s kg:measure ?c . BIND ("measure" AS ?prop) } UNION { ?s kg:policy ?c . BIND ("policy" AS ?prop) } }"""
    concepts: dict[str, str] = {}
    for s in ent["sheets"]:
        for r in _q(store, q, {"s": s}):
            if concepts.get(r["c"]) != "measure":
                concepts[r["c"]] = r["prop"]
    labels = _labels(store, concepts)
    for c, prop in sorted(concepts.items()):
        label = labels.get(c) or c
        rows.add(c, "policy", "policy", None, WEIGHTS["policy"] * (1.0 if prop == "measure" else 0.8), label=label,
                 level="施策" if prop == "measure" else "政策")
        if prop != "measure":
            continue
        oinfo = _sheet_info(store, _sheets_naming(store, "measure", c)[0])
        spec = specificity(len({d["program"] for d in oinfo.values()}))
        for prog, sheets in other_program(oinfo).items():
            rows.add(prog, "program", "same-measure", [(c, label)], WEIGHTS["same-measure"] * spec,
                     label=prog_label(sheets), measures=[label], years=sorted({d["year"] for d in sheets}),
                     sheets=sorted(d["iri"] for d in sheets))


def _plans(store, ent, rows, other_program, prog_label) -> None:
    q = """SELECT DISTINCT ?plan WHERE { VALUES ?s { UNDEF } ?s kg:relatedPlan ?plan }"""
    plans = sorted({r["plan"] for s in ent["sheets"] for r in _q(store, q, {"s": s})})
    labels = _labels(store, plans)
    for plan in plans:
        label = labels.get(plan) or plan
        naming, n_sheets = _sheets_naming(store, "relatedPlan", plan)
        oinfo = _sheet_info(store, naming)
        spec = specificity(len({d["program"] for d in oinfo.values()}) if naming else n_sheets)
        rows.add(plan, "plan", "plan", None, WEIGHTS["plan"] * (0.5 + 0.5 * spec), label=label, sheets_naming=n_sheets,
                 **({} if naming else {"hub": True}))
        for prog, sheets in other_program(oinfo).items():
            rows.add(prog, "program", "same-plan", [(plan, label)], WEIGHTS["same-plan"] * spec,
                     label=prog_label(sheets), plans=[label], years=sorted({d["year"] for d in sheets}),
                     sheets=sorted(d["iri"] for d in sheets))


def _means(store, ent, rows, other_program, prog_label) -> None:
    """The 事前分析表 達成手段 a sheet implements, its 事前分析表, and the programs implementing its other 達成手段."""
    q = """SELECT DISTINCT ?s ?means ?eval ?index WHERE { VALUES ?s { UNDEF }
      ?means kg:implementedBy ?s . ?eval kg:means ?means . OPTIONAL { ?means kg:meansIndex ?index } }"""
    earlier = ent.get("earlier_sheets") or {}
    found = [r for s in [*ent["sheets"], *sorted(earlier)] for r in _q(store, q, {"s": s})]
    if not found:
        return
    labels = _labels(store, {r["means"] for r in found} | {r["eval"] for r in found})
    q_sib = """SELECT DISTINCT ?m2 ?other WHERE { VALUES ?eval { UNDEF } ?eval kg:means ?m2 . ?m2 kg:implementedBy ?other }"""
    info = ent["sheet_info"]
    for r in found:
        ml, el = labels.get(r["means"]) or r["means"], labels.get(r["eval"]) or r["eval"]
        sheet = info.get(r["s"]) or {"year": _num((earlier.get(r["s"]) or "").split(" ")[0])}
        rows.add(r["means"], "means", "implements", [(r["s"], _sheet_label(info[r["s"]]) if r["s"] in info else
                                                       earlier.get(r["s"]))], WEIGHTS["implements"],
                 label=ml, evaluation=el, evaluation_iri=r["eval"], means_index=_num(r["index"]),
                 years=[sheet.get("year")])
        rows.add(r["eval"], "evaluation", "evaluation", [(r["means"], ml)], WEIGHTS["evaluation"], label=el)
        sib = _q(store, q_sib, {"eval": r["eval"]})
        oinfo = {k: v for k, v in _sheet_info(store, sorted({x["other"] for x in sib})).items() if k not in earlier}
        spec = specificity(len({d["program"] for d in oinfo.values()}))
        means_of = defaultdict(set)
        for x in sib:
            means_of[x["other"]].add(x["m2"])
        mlabels = _labels(store, {x["m2"] for x in sib})
        for prog, sheets in other_program(oinfo).items():
            ms = sorted({m for d in sheets for m in means_of[d["iri"]]})
            rows.add(prog, "program", "same-evaluation", [(r["eval"], el)], WEIGHTS["same-evaluation"] * spec,
                     label=prog_label(sheets), evaluation=el, means=[mlabels.get(m, m) for m in ms],
                     years=sorted({d["year"] for d in sheets}), sheets=sorted(d["iri"] for d in sheets))


def _related_projects(store, ent, rows) -> None:
    q = """SELECT DISTINCT ?s ?r ?label ?number ?ministry WHERE { VALUES ?s { UNDEF } ?s kg:relatedProject ?r .
      OPTIONAL { ?r rdfs:label ?label } OPTIONAL { ?r kg:projectNumber ?number } OPTIONAL { ?r kg:ministryName ?ministry } }"""
    info = ent["sheet_info"]
    for s in ent["sheets"]:
        for r in _q(store, q, {"s": s}):
            rows.add(r["r"], "related-project", "related-project", [(s, _sheet_label(info.get(s, {})))],
                     WEIGHTS["related-project"], label=r["label"] or r["number"], number=r["number"],
                     ministry=r["ministry"], years=[info.get(s, {}).get("year")])


def _money_flow(store, ent, rows, info) -> None:
    """The payees the program pays: amounts by year from every sheet's payee-list rows, and the path through the
    spending blocks — the whole chain of 再委託 (kg.query.flow) for the latest sheet, the block for older ones."""
    from kg.query.flow import sheet_flow

    q = """SELECT DISTINCT ?pay ?payee ?number ?amount ?block WHERE { VALUES ?s { UNDEF }
      ?s kg:payment ?pay . ?pay kg:payee ?payee . OPTIONAL { ?pay kg:amount ?amount }
      OPTIONAL { ?pay kg:inBlock ?block } OPTIONAL { ?payee kg:corporateNumber ?number } }"""
    paid: dict[str, dict] = {}
    blocks: set[str] = set()
    for s in ent["sheets"]:
        year = info.get(s, {}).get("year")
        for r in _q(store, q, {"s": s}):
            p = paid.setdefault(r["payee"], {"number": r["number"], "by_year": defaultdict(float), "known": False,
                                             "trail": [], "trail_year": -1})
            p["by_year"][year] += float(r["amount"]) if r["amount"] is not None else 0.0
            p["known"] = p["known"] or r["amount"] is not None
            if (year or 0) > p["trail_year"]:
                p["trail"] = [(s, _sheet_label(info.get(s, {})))] + ([(r["block"], None)] if r["block"] else [])
                p["trail_year"] = year or 0
            if r["block"]:
                blocks.add(r["block"])
    if not paid:
        return
    labels = _labels(store, set(paid) | blocks)
    for p in paid.values():
        p["trail"] = [(i, lbl or labels.get(i) or i.rsplit("/", 1)[-1]) for i, lbl in p["trail"]]
    latest = max((d for d in info.values() if d["iri"] in ent["sheets"]), key=lambda d: (d["year"] or 0, d["iri"]))

    def walk(node: dict, trail: list[tuple[str, str]]) -> None:  # the latest sheet's chains of blocks
        step = (node["iri"], node.get("label") or node.get("code") or node["iri"])
        if node["kind"] == "payee":
            if node["iri"] in paid and paid[node["iri"]]["trail_year"] <= (latest["year"] or 0):
                paid[node["iri"]]["trail"] = trail
            return
        for k in node.get("children") or []:
            walk(k, trail + [step])

    for n in sheet_flow(store, latest["iri"])["children"]:
        walk(n, [(latest["iri"], _sheet_label(latest))])
    total = sum(sum(p["by_year"].values()) for p in paid.values()) or 1.0
    for iri, p in paid.items():
        amount = sum(p["by_year"].values())
        kind = "corporation" if p["number"] else "payee"
        rows.add(iri, kind, "money-flow", p["trail"], WEIGHTS["money-flow"] * (0.4 + 0.6 * amount / total),
                 label=labels.get(iri), corporate_number=p["number"],
                 amounts={str(y): _num(v) for y, v in sorted(p["by_year"].items(), key=lambda kv: kv[0] or 0)}
                 if p["known"] else None,
                 amount_total=_num(amount) if p["known"] else None, years=sorted(y for y in p["by_year"] if y))


_STATS: dict[int, tuple] = {}  # id(store) -> (store, kg.query.search.stats): one aggregate per open store


def _search_stats(store) -> dict:
    """BM25's collection figures for programs only (review sheets holding terms, their average distinct terms):
    what ranking programs among programs needs, without kg.query.search.stats' aggregate over every node."""
    hit = _STATS.get(id(store))
    if hit is None or hit[0] is not store:
        _STATS.clear()
        rows = _q(store, "SELECT (COUNT(?s) AS ?n) (AVG(?c) AS ?avg) WHERE { ?s a kg:ReviewSheet ; kg:termCount ?c }")
        n = int(rows[0]["n"] or 0) if rows else 0
        hit = _STATS[id(store)] = (store, {"program": (n, float(rows[0]["avg"]))} if n else {})
    return hit[1]


def _similar(store, ent, rows, max_terms: int = 12, limit: int = 15) -> None:
    """Programs whose sheets share the most informative terms with the program's latest sheet (as kg similar:
    BM25 over the term layer, terms held by too few nodes left out), the rarest ``max_terms`` terms."""
    from kg.query.search import bm25, describe, node_terms

    st = _search_stats(store)
    if not st:
        return  # no term layer in this store (built before it existed)
    latest = max(ent["sheet_info"].values(), key=lambda d: (d["year"] or 0, d["iri"]))
    terms = node_terms(store, latest["iri"])
    if not terms:
        return
    df = dict.fromkeys(terms, 0)
    for chunk in _batched(sorted(terms), 100):  # the document frequency of every term in one query (as doc_freq)
        values = " ".join(str(ox.Literal(t)) for t in chunk)
        for r in _q(store, f"SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?t {{ {values} }} ?s kg:term ?t }} "
                           "GROUP BY ?t"):
            df[r["t"]] = int(r["n"])
    floor = 2 if st["program"][0] < 5000 else 5  # a term held by a handful is noise (as in kg similar)
    terms = sorted((t for t in terms if df[t] >= floor), key=lambda t: (df[t], t))[:max_terms]
    scores, matched, kinds = bm25(store, terms, st)
    own = set(ent["programs"]) | set(ent["sheets"])
    best: dict[str, tuple[float, dict, list[str]]] = {}
    for node in sorted((n for n in scores if kinds.get(n) == "program"), key=lambda n: (-scores[n], n)):
        if len(best) >= limit:
            break
        d = describe(store, node)
        prog = d.get("program") or node
        if prog in own or prog in best:
            continue
        best[prog] = (scores[node], d, sorted(matched.get(node, [])))
    if not best:
        return
    top = max(v[0] for v in best.values()) or 1.0
    for prog, (score, d, shared) in best.items():
        rows.add(prog, "program", "similar-text", [(d["iri"], d.get("label"))], WEIGHTS["similar-text"] * score / top,
                 label=d.get("label"), shared_terms=shared, text_score=round(score, 4), years=[d.get("year")],
                 sheets=[d["iri"]])


# ------------------------------------------------------------------------------------------- other kinds of key

def _payee_relations(store, ent, rows) -> None:
    """A corporation (or payee): the programs paying it (money-flow, amounts by year, through which block), and
    the corporations paid by the same programs (paid-with)."""
    q = """SELECT DISTINCT ?s ?pay ?amount ?block WHERE { VALUES ?c { UNDEF }
      ?pay kg:payee ?c . LATERAL { ?s kg:payment ?pay . OPTIONAL { ?pay kg:amount ?amount }
      OPTIONAL { ?pay kg:inBlock ?b . ?b rdfs:label ?block } } }"""
    found = _q(store, q, {"c": ent["iri"]})
    info = _sheet_info(store, sorted({r["s"] for r in found}))
    by_prog: dict[str, list[dict]] = defaultdict(list)
    for r in found:
        if r["s"] in info:
            by_prog[info[r["s"]]["program"]].append(r)
    total = sum(float(r["amount"]) for r in found if r["amount"] is not None) or 1.0
    for prog, rs in by_prog.items():
        sheets = sorted({info[r["s"]]["iri"] for r in rs})
        latest = max((info[s] for s in sheets), key=lambda d: (d["year"] or 0, d["iri"]))
        by_year: dict = defaultdict(float)
        known = False
        for r in rs:
            if r["amount"] is not None:
                by_year[info[r["s"]]["year"]] += float(r["amount"])
                known = True
        amount = sum(by_year.values())
        rows.add(prog, "program", "money-flow", [(latest["iri"], _sheet_label(latest))],
                 WEIGHTS["money-flow"] * (0.4 + 0.6 * amount / total), label=latest["title"],
                 amounts={str(y): _num(v) for y, v in sorted(by_year.items())} if known else None,
                 amount_total=_num(amount) if known else None, blocks=sorted({r["block"] for r in rs if r["block"]}),
                 years=sorted({info[s]["year"] for s in sheets}), sheets=sheets, ministry=latest["ministry"])


def _law_relations(store, ent, rows) -> None:
    """A law: the programs citing it (with the articles they cite) and the laws cited together with it."""
    law = ent["iri"]
    citing = sorted({r["s"] for r in _q(store, "SELECT DISTINCT ?s WHERE { VALUES ?law { UNDEF } ?s kg:legalBasis ?law }",
                                            {"law": law})})
    arts: dict[str, set[str]] = defaultdict(set)
    for r in _q(store, """SELECT DISTINCT ?s ?al WHERE { VALUES ?law { UNDEF }
        ?a eli:is_part_of ?law . ?s kg:citesProvision ?a . ?a rdfs:label ?al }""", {"law": law}):
        arts[r["s"]].add(r["al"])
    info = _sheet_info(store, citing)
    by_prog: dict[str, list[dict]] = defaultdict(list)
    for d in info.values():
        by_prog[d["program"]].append(d)
    latest_year = max((d["year"] or 0 for d in info.values()), default=0)
    for prog, sheets in by_prog.items():
        latest = max(sheets, key=lambda d: (d["year"] or 0, d["iri"]))
        a = sorted({x for d in sheets for x in arts.get(d["iri"], ())}, key=_article_order)
        recency = 1.0 / (1 + max(0, latest_year - (latest["year"] or 0)))
        rows.add(prog, "program", "cites", [(latest["iri"], _sheet_label(latest))],
                 WEIGHTS["cites"] * (0.5 + 0.3 * bool(a) + 0.2 * recency), label=latest["title"], articles=a,
                 years=sorted({d["year"] for d in sheets}), sheets=sorted(d["iri"] for d in sheets),
                 ministry=latest["ministry"])
    co = _q(store, """SELECT ?other (COUNT(DISTINCT ?s) AS ?n) WHERE { VALUES ?law { UNDEF }
        ?s kg:legalBasis ?law . ?s kg:legalBasis ?other . FILTER (?other != ?law) } GROUP BY ?other""", {"law": law})
    labels = _labels(store, {r["other"] for r in co})
    n_all = max(len(citing), 1)
    for r in co:
        n = int(r["n"])
        rows.add(r["other"], "law", "co-cited", None, WEIGHTS["co-cited"] * n / n_all,
                 label=labels.get(r["other"]), sheets_citing_both=n)


def _policy_relations(store, ent, rows) -> None:
    """A 政策/施策 concept: the programs under it, the broader/narrower concepts, the 事前分析表 evaluating it and
    their 達成手段."""
    c = ent["iri"]
    sheets = {r["s"]: r["p"] for r in _q(store, """SELECT DISTINCT ?s ?p WHERE { VALUES ?c { UNDEF }
        { ?s kg:measure ?c . BIND ("measure" AS ?p) } UNION { ?s kg:policy ?c . BIND ("policy" AS ?p) } }""", {"c": c})}
    info = _sheet_info(store, sorted(sheets))
    by_prog: dict[str, list[dict]] = defaultdict(list)
    for d in info.values():
        by_prog[d["program"]].append(d)
    latest_year = max((d["year"] or 0 for d in info.values()), default=0)
    for prog, ss in by_prog.items():
        latest = max(ss, key=lambda d: (d["year"] or 0, d["iri"]))
        recency = 1.0 / (1 + max(0, latest_year - (latest["year"] or 0)))
        rows.add(prog, "program", "under", [(latest["iri"], _sheet_label(latest))],
                 WEIGHTS["under"] * (0.6 + 0.4 * recency), label=latest["title"],
                 level="施策" if sheets[latest["iri"]] == "measure" else "政策",
                 years=sorted({d["year"] for d in ss}), sheets=sorted(d["iri"] for d in ss))
    rel = _q(store, """SELECT DISTINCT ?o ?how WHERE { VALUES ?c { UNDEF }
        { ?c skos:broader ?o . BIND ("broader" AS ?how) } UNION { ?o skos:broader ?c . BIND ("narrower" AS ?how) } }""",
             {"c": c})
    labels = _labels(store, {r["o"] for r in rel})
    for r in rel:
        rows.add(r["o"], "policy", r["how"], None, WEIGHTS[r["how"]], label=labels.get(r["o"]))
    for r in _q(store, "SELECT DISTINCT ?e WHERE { VALUES ?c { UNDEF } ?e kg:policy ?c ; a kg:PolicyEvaluation }",
                {"c": c}):
        _evaluation_relations(store, {"iri": r["e"], "label": None}, rows, via=[(r["e"], None)])


def _evaluation_relations(store, ent, rows, via: list | None = None, skip: str | None = None) -> None:
    """A 事前分析表 (or one reached from its 施策): its 達成手段 and the programs implementing them."""
    e = ent["iri"]
    labels = _labels(store, [e])
    if via is not None:
        rows.add(e, "evaluation", "evaluation", None, WEIGHTS["evaluation"], label=labels.get(e))
    found = _q(store, """SELECT DISTINCT ?m ?index ?s WHERE { VALUES ?e { UNDEF } ?e kg:means ?m .
        OPTIONAL { ?m kg:meansIndex ?index } OPTIONAL { ?m kg:implementedBy ?s } }""", {"e": e})
    mlabels = _labels(store, {r["m"] for r in found})
    info = _sheet_info(store, sorted({r["s"] for r in found if r["s"]}))
    ev = [(e, labels.get(e))] if via is not None else []
    for r in found:
        ml = mlabels.get(r["m"]) or r["m"]
        if r["m"] != skip:
            rows.add(r["m"], "means", "means", ev, WEIGHTS["means"], label=ml, means_index=_num(r["index"]),
                     evaluation=labels.get(e))
        d = info.get(r["s"]) if r["s"] else None
        if d and skip is not None:  # reached from one 達成手段: the programs implementing the others
            if r["m"] != skip:
                rows.add(d["program"], "program", "same-evaluation", ev + [(r["m"], ml)],
                         WEIGHTS["same-evaluation"], label=d["title"], means=[ml], evaluation=labels.get(e),
                         years=[d["year"]], sheets=[d["iri"]])
        elif d:
            rows.add(d["program"], "program", "implements", ev + [(r["m"], ml)], WEIGHTS["implements"],
                     label=d["title"], means=[ml], means_index=_num(r["index"]), evaluation=labels.get(e),
                     years=[d["year"]], sheets=[d["iri"]])


def _means_relations(store, ent, rows) -> None:
    m = ent["iri"]
    found = _q(store, """SELECT DISTINCT ?e ?s WHERE { VALUES ?m { UNDEF } ?e kg:means ?m .
        OPTIONAL { ?m kg:implementedBy ?s } }""", {"m": m})
    for r in found:
        if r["s"]:
            d = _sheet_info(store, [r["s"]]).get(r["s"])
            via = [(r["s"], _sheet_label(d) if d else r["s"].rsplit("/", 2)[-2] + " " + r["s"].rsplit("/", 1)[-1])]
            if d is None:  # a sheet the store names only as a lineage target: the program of the sheet replacing it
                later = _q(store, """SELECT DISTINCT ?x WHERE { VALUES ?s { UNDEF } ?x dcterms:replaces ?s ;
                    a kg:ReviewSheet }""", {"s": r["s"]})
                d = next(iter(_sheet_info(store, sorted(x["x"] for x in later)).values()), None)
                if d:
                    via.append((d["iri"], _sheet_label(d)))
            if d:
                rows.add(d["program"], "program", "implements", via, WEIGHTS["implements"],
                         label=d["title"], years=[d["year"]], sheets=[d["iri"]])
        _evaluation_relations(store, {"iri": r["e"], "label": None}, rows, via=[], skip=m)


def _plan_relations(store, ent, rows) -> None:
    found = _q(store, "SELECT DISTINCT ?s WHERE { VALUES ?plan { UNDEF } ?s kg:relatedPlan ?plan }", {"plan": ent["iri"]})
    info = _sheet_info(store, sorted({r["s"] for r in found}))
    by_prog: dict[str, list[dict]] = defaultdict(list)
    for d in info.values():
        by_prog[d["program"]].append(d)
    for prog, ss in by_prog.items():
        latest = max(ss, key=lambda d: (d["year"] or 0, d["iri"]))
        rows.add(prog, "program", "same-plan", [(latest["iri"], _sheet_label(latest))], WEIGHTS["same-plan"] * 1.5,
                 label=latest["title"], years=sorted({d["year"] for d in ss}), sheets=sorted(d["iri"] for d in ss))


# ------------------------------------------------------------------------------------------------- reading rows

def _how(r: dict) -> str:
    d, rel = r["detail"], r["relation"]
    if rel == "same-statute":
        s = " / ".join(d.get("laws") or [])
        if d.get("shared_articles"):
            s += f"; the same articles: {', '.join(d['shared_articles'])}"
        return (f"same law {s} (this program: {', '.join(d.get('articles_mine') or []) or 'no article'}; "
                f"that one: {', '.join(d.get('articles_theirs') or []) or 'no article'})")
    if rel == "shared-contractor" and d.get("hub"):
        return (f"paid in {d['payee_rows']:,} payee-list rows: the programs sharing it are not listed "
                f"(more than {HUB_ROWS:,})")
    if rel == "shared-contractor":
        return (f"both pay {', '.join(d.get('corporations') or [])}: {_m(d.get('amount_mine'))} here, "
                f"{_m(d.get('amount_theirs'))} there")
    if rel == "lineage":
        return f"{d.get('direction')} ({d.get('status')}, score {d.get('link_score')}, {d.get('method') or ''})"
    if rel == "implements":
        return f"達成手段 {d.get('means_index') or ''} of {d.get('evaluation') or 'a 事前分析表'}".strip()
    how = _HOW.get(rel)
    return how(d) if how else rel


def _joined(d: dict, key: str, n: int | None = None, empty: str = "") -> str:
    return ", ".join(str(x) for x in (d.get(key) or [])[:n]) or empty


_HOW = {  # one-line readings of the simpler relations
    "same-evaluation": lambda d: f"implements 達成手段 {_joined(d, 'means')} of the same 事前分析表 {d.get('evaluation')}",
    "same-measure": lambda d: f"same 施策 {_joined(d, 'measures')}",
    "same-plan": lambda d: f"same plan {_joined(d, 'plans', empty='(unnamed)')}",
    "legal-basis": lambda d: f"根拠法令, articles {_joined(d, 'articles', empty='not cited')}",
    "money-flow": lambda d: f"paid {_m(d.get('amount_total'))} (years {_joined(d, 'years')})",
    "similar-text": lambda d: f"shares the terms {_joined(d, 'shared_terms', 8)}",
    "cites": lambda d: f"cites it, articles {_joined(d, 'articles', empty='not given')}",
    "policy": lambda d: f"its {d.get('level')}",
    "co-cited": lambda d: f"cited together by {d.get('sheets_citing_both')} sheets",
    "under": lambda d: f"under this {d.get('level')} in {_joined(d, 'years')}",
}


def _m(v) -> str:
    return "金額不明" if v is None else f"{v:,} 百万円"


COLUMNS = ["score", "relation", "kind", "label", "how", "iri"]


def table_rows(rows: list[dict]) -> list[list]:
    return [[f"{r['score']:.3f}", r["relation"], r["kind"], r["label"], r["detail"].get("how"), r["iri"]] for r in rows]


__all__ = ["COLUMNS", "RelatedError", "key_entity", "related", "related_to", "resolve", "specificity", "table_rows"]
