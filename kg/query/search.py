"""`kg search` and `kg similar`: BM25 over the term layer (kg:term, kg:termCount) of a built store.

Where the index lives, and why: the terms are triples in the store (``?node kg:term "セキュリティー"``, one per
distinct term, in the graph of the document they come from), not a separate index file. A term lookup is a
constant in a triple pattern, which Oxigraph answers from its POS index; `kg add` replaces a document's terms
with the document, so search is never out of step with the graph; SPARQL users get the same terms. What a
separate file would save is the per-query statistics (N, average length), one aggregate over kg:termCount.

Scoring: Okapi BM25 (k1 = 1.2, b = 0.75) with binary term frequency (each distinct term of a node counts once;
the texts are short: names, 事業目的, 事業概要), document length = number of distinct terms. Query text is
turned into terms by the same function as the documents (kg.normalize.terms), so 「ｻｲﾊﾞｰｾｷｭﾘﾃｨ」 and
「サイバー・セキュリティ」 search for the same terms. Review sheets are grouped by program (the best sheet of a
program stands for it, with the years that matched).
"""
from __future__ import annotations

import math
from collections import defaultdict

from kg.namespaces import KG_NS
from kg.normalize.terms import query_terms, term_counts
from kg.query.store import run_query

K1, B = 1.2, 0.75
TITLE_WEIGHT = 2  # BM25F-style: a term of the 事業名 counts 1 (body) + 2 (name)
_PREFIX = f"""PREFIX kg: <{KG_NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
"""
KINDS = {
    f"{KG_NS}ReviewSheet": "program", f"{KG_NS}Payee": "payee", f"{KG_NS}Corporation": "payee",
    "http://data.europa.eu/eli/ontology#LegalResource": "law", "http://www.w3.org/2004/02/skos/core#Concept": "policy",
    f"{KG_NS}PolicyEvaluation": "evaluation",
}


class SearchError(Exception):
    pass


KIND_ORDER = ("program", "policy", "law", "payee", "evaluation")


def stats(store) -> dict[str, tuple[int, float]]:
    """Per kind (program, payee, law, policy, evaluation): (nodes with terms, their average distinct terms).

    Each node counts once per kind: the union graph repeats a shared node's rdf:type once per source graph (a
    corporation paid in ten years is typed in ten graphs) and a payee is both kg:Payee and kg:Corporation, so one
    aggregate joining ``?s a ?type`` counted the national payees 445,917 times for 214,490 nodes."""
    by_kind: dict[str, list[str]] = {}
    for typ, kind in KINDS.items():
        by_kind.setdefault(kind, []).append(typ)
    out: dict[str, tuple[int, float]] = {}
    for kind, types in by_kind.items():
        typed = " UNION ".join(f"{{ ?s a <{t}> }}" for t in types)
        q = _PREFIX + f"""SELECT (COUNT(?s) AS ?n) (AVG(?c) AS ?avg) WHERE {{
          {{ SELECT DISTINCT ?s WHERE {{ {typed} }} }}
          LATERAL {{ SELECT ?s (MAX(?c0) AS ?c) WHERE {{ ?s kg:termCount ?c0 }} GROUP BY ?s }} }}"""
        _, rows = run_query(store, q)
        if rows and rows[0][0] and int(rows[0][0]):
            out[kind] = (int(rows[0][0]), float(rows[0][1]))
    return out


def stats_of_build(out_dir, store) -> dict[str, tuple[int, float]]:
    """``stats(store)`` of a built output folder, kept in ``out_dir/cache/search-stats-<key>.json`` where the key
    is the digest of its report.json (rewritten by every build and `kg add`, so a changed store gets new figures):
    the aggregate reads every kg:termCount of the store (~7 s of CPU on the national build), once per state of
    the store instead of once per search. A folder without report.json, or one kg cannot write to, is counted
    afresh."""
    import hashlib
    import json
    from pathlib import Path

    from kg.query.atomic import write_text_atomic

    report = Path(out_dir) / "report.json"
    if not report.is_file():
        return stats(store)
    cached = Path(out_dir) / "cache" / f"search-stats-{hashlib.sha256(report.read_bytes()).hexdigest()[:16]}.json"
    try:
        return {k: (int(n), float(avg)) for k, (n, avg) in json.loads(cached.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, TypeError):
        pass
    st = stats(store)
    try:
        cached.parent.mkdir(exist_ok=True)
        write_text_atomic(cached, json.dumps(st, sort_keys=True))  # (serve's workers may write it at once)
        for old in cached.parent.glob("search-stats-*.json"):  # the figures of earlier states of the store
            if old != cached:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only folder: counted again next time
    return st


def postings(store, term: str, prop: str = "term") -> dict[str, tuple[str, int]]:
    """Nodes holding ``term`` (as kg:term, or kg:titleTerm) -> (kind, length in distinct terms)."""
    q = _PREFIX + f"""SELECT ?s (MAX(?c) AS ?len) (SAMPLE(?type) AS ?k) WHERE {{
      VALUES ?t {{ UNDEF }} ?s kg:{prop} ?t ; kg:termCount ?c ; a ?type .
      VALUES ?type {{ kg:ReviewSheet kg:Payee kg:Corporation eli:LegalResource skos:Concept kg:PolicyEvaluation }}
    }} GROUP BY ?s"""
    _, rows = run_query(store, q, {"t": term})
    return {s: (KINDS[k], int(n)) for s, n, k in rows}


def doc_freq(store, term: str) -> int:
    q = _PREFIX + "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { VALUES ?t { UNDEF } ?s kg:term ?t }"
    _, rows = run_query(store, q, {"t": term})
    return int(rows[0][0]) if rows else 0


def bm25(store, terms: list[str], st: dict[str, tuple[int, float]] | None = None,
         query_weights: dict[str, float] | None = None
         ) -> tuple[dict[str, float], dict[str, list[str]], dict[str, str]]:
    """BM25 of every node holding one of ``terms``, within its kind (programs are ranked among programs, laws
    among laws: their texts differ too much in length to share one scale); a term in a sheet's 事業名 scores a
    second time; ``query_weights`` multiply a term's part (1 when absent). Returns scores, matched terms and
    kinds."""
    st = st if st is not None else stats(store)
    if not st:
        raise SearchError("the store has no term layer (kg:term): build it with this version of kg")
    scores: dict[str, float] = defaultdict(float)
    matched: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, str] = {}
    for t in terms:
        post = postings(store, t)
        if not post:
            continue
        title = postings(store, t, "titleTerm")
        df: dict[str, int] = defaultdict(int)
        for kind, _ in post.values():
            df[kind] += 1
        for s, (kind, dl) in post.items():
            n_docs, avg_len = st.get(kind, (len(post), float(dl)))
            idf = math.log(1 + (n_docs - df[kind] + 0.5) / (df[kind] + 0.5))
            tf = 1 + TITLE_WEIGHT if s in title else 1
            qw = query_weights.get(t, 1.0) if query_weights else 1.0
            scores[s] += qw * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / (avg_len or 1)))
            matched[s].append(t)
            kinds[s] = kind
    return dict(scores), dict(matched), kinds


def describe(store, node: str) -> dict:
    """Kind, label and (for sheets) year, ministry, 事業番号 and program of a node."""
    q = _PREFIX + """SELECT ?type ?label ?year ?number ?ministry ?program WHERE {
      VALUES ?s { UNDEF }
      ?s a ?type .
      OPTIONAL { ?s rdfs:label ?label }
      OPTIONAL { ?s skos:prefLabel ?label }
      OPTIONAL { ?s kg:reviewYear ?year }
      OPTIONAL { ?s kg:evaluationYear ?year }
      OPTIONAL { ?s kg:projectNumber ?number }
      OPTIONAL { ?s kg:program ?program }
      OPTIONAL { ?s kg:ministry ?m . ?m rdfs:label ?ministry }
    }"""
    _, rows = run_query(store, q, {"s": node})
    out = {"iri": node, "kind": None, "label": None, "year": None, "number": None, "ministry": None,
           "program": None}
    for typ, label, year, number, ministry, program in rows:
        out["kind"] = out["kind"] or KINDS.get(typ)
        out["label"] = out["label"] or label
        out["year"] = out["year"] or (int(year) if year else None)
        out["number"] = out["number"] or number
        out["ministry"] = out["ministry"] or ministry
        out["program"] = out["program"] or program
    return out


def _rank(store, scores: dict[str, float], matched: dict[str, list[str]], node_kinds: dict[str, str], limit: int,
          kinds: set[str] | None, exclude_programs: set[str] = frozenset()) -> list[dict]:
    """Best first within each kind; kinds in KIND_ORDER (programs, 政策/施策, laws, payees, 事前分析表);
    ``limit`` results per kind."""
    out: list[dict] = []
    for kind in KIND_ORDER:
        if kinds and kind not in kinds:
            continue
        nodes = [s for s in scores if node_kinds.get(s) == kind]
        out += _rank_kind(store, nodes, scores, matched, limit, exclude_programs)
    return out


def _rank_kind(store, nodes: list[str], scores: dict[str, float], matched: dict[str, list[str]], limit: int,
               exclude_programs: set[str]) -> list[dict]:
    order = sorted(nodes, key=lambda s: (-scores[s], s))
    results: list[dict] = []
    by_program: dict[str, dict] = {}
    for s in order:
        if len(results) >= limit:
            break
        d = describe(store, s)
        if d["kind"] is None:
            continue
        if d["kind"] == "program":
            key = d["program"] or s
            if key in exclude_programs:
                continue
            if key in by_program:
                if d["year"] and d["year"] not in by_program[key]["years"]:
                    by_program[key]["years"].append(d["year"])
                continue
            d["years"] = [d["year"]] if d["year"] else []
            by_program[key] = d
        d["score"] = round(scores[s], 4)
        d["matched"] = sorted(matched.get(s, []))
        results.append(d)
    for d in results:
        if d.get("years"):
            d["years"].sort()
    return results


def search(store, text: str, limit: int = 20, kinds: set[str] | None = None,
           st: dict[str, tuple[int, float]] | None = None) -> list[dict]:
    """Programs, payees, laws, 政策/施策 and 事前分析表 ranked by BM25 against ``text`` (``st``: the store's
    ``stats``, counted here when not given)."""
    terms = query_terms(text)
    if not terms:
        raise SearchError(f"no content word in {text!r}")
    scores, matched, node_kinds = bm25(store, terms, st)
    return _rank(store, scores, matched, node_kinds, limit, kinds)


def node_terms(store, node: str) -> list[str]:
    q = _PREFIX + "SELECT DISTINCT ?t WHERE { VALUES ?s { UNDEF } ?s kg:term ?t }"
    _, rows = run_query(store, q, {"s": node})
    return sorted(r[0] for r in rows)


def sheet_texts(store, node: str) -> tuple[str, str, str]:
    """(事業名, 事業目的, 事業概要) of a sheet as stored (empty strings when absent)."""
    q = _PREFIX + """SELECT (SAMPLE(?l) AS ?label) (SAMPLE(?p) AS ?purpose) (SAMPLE(?m) AS ?summary) WHERE {
      VALUES ?s { UNDEF } OPTIONAL { ?s rdfs:label ?l } OPTIONAL { ?s kg:purpose ?p } OPTIONAL { ?s kg:summary ?m } }"""
    _, rows = run_query(store, q, {"s": node})
    row = rows[0] if rows else (None, None, None)
    return tuple(str(x or "") for x in row)  # type: ignore[return-value]


def query_weights(texts: tuple[str, str, str], terms: list[str], df: dict[str, int], n_docs: int
                  ) -> dict[str, float]:
    """tf·idf of each of the program's terms within its own text: (1 + log tf) · log(N / df), tf counted over
    事業名 (twice: the name says what the program is) + 事業目的 + 事業概要; a term of the node that its texts do
    not hold (施策 labels) counts as tf 1. A word the program uses again and again (サイバー, セキュリティー)
    outweighs one it uses once in passing (過度, 依存), however rare that one is in the store."""
    name, purpose, summary = texts
    tf = term_counts(name, name, purpose, summary)
    return {t: (1 + math.log(tf.get(t) or 1)) * math.log(max(n_docs, 2) / max(df.get(t, 1), 1)) for t in terms}


def similar(store, ref: str, limit: int = 10, max_terms: int = 30, year: int | None = None,
            weighted: bool = True, st: dict[str, tuple[int, float]] | None = None) -> tuple[dict, list[dict]]:
    """Programs whose sheets share the most informative terms with the program ``ref`` (any ministry, any year).

    The query is the latest sheet's terms weighted by tf·idf within the program's own text (query_weights),
    keeping the ``max_terms`` heaviest; each term's BM25 part is multiplied by its weight (relative to the
    heaviest). ``weighted=False`` is the earlier query (the ``max_terms`` rarest terms, each counting once), kept
    for bench/bench_similar.py. The program's own sheets are left out."""
    from kg.query.lineage import find_sheets

    sheets = find_sheets(store, ref, year)
    if not sheets:
        raise SearchError(f"no sheet in the store has the number, name or IRI {ref!r}")
    described = sorted((describe(store, s) for s in sheets), key=lambda d: (d["year"] or 0, d["iri"]))
    me = described[-1]
    terms = node_terms(store, me["iri"])
    if not terms:
        raise SearchError(f"{me['iri']} has no terms")
    df = {t: doc_freq(store, t) for t in terms}
    st = st if st is not None else stats(store)
    n_docs = sum(n for n, _ in st.values())
    floor = 2 if n_docs < 10000 else 5  # a term held by a handful is noise
    terms = [t for t in terms if df[t] >= floor]
    if weighted:
        w = query_weights(sheet_texts(store, me["iri"]), terms, df, n_docs)
        terms = sorted(terms, key=lambda t: (-w[t], t))[:max_terms]
        top = max((w[t] for t in terms), default=1.0) or 1.0
        scores, matched, node_kinds = bm25(store, terms, st, {t: w[t] / top for t in terms})
    else:
        terms = sorted(terms, key=lambda t: (df[t], t))[:max_terms]
        scores, matched, node_kinds = bm25(store, terms, st)
    own = {d["program"] for d in described if d["program"]}
    return me, _rank(store, scores, matched, node_kinds, limit, {"program"}, own)
