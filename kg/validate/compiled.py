"""SHACL Core shapes compiled to SPARQL SELECT queries and run on the Oxigraph store (the whole graph, no sample).

pySHACL holds the data graph in rdflib and needs hours for a national graph; here each constraint of each shape
becomes one query returning the failing (focus node, value) pairs, evaluated by Oxigraph over the union of the
store's graphs. The compiler is generic (no per-shape code): it reads the shapes graph and handles

- targets: sh:targetClass (with rdfs:subClassOf from the ontology and from the data), sh:targetNode,
  sh:targetSubjectsOf, sh:targetObjectsOf, implicit class targets (a shape that is also an rdfs:Class/owl:Class);
- node shapes and their sh:property shapes, property shapes nested in property shapes (the values of the outer
  path are the focus nodes of the inner shape);
- paths: IRIs, sh:inversePath, sequences, sh:alternativePath, sh:zeroOrMorePath/oneOrMorePath/zeroOrOnePath;
- constraints: sh:class, sh:datatype (including a lexical check of the common XSD types), sh:nodeKind,
  sh:minCount, sh:maxCount, sh:minInclusive, sh:maxInclusive, sh:minExclusive, sh:maxExclusive,
  sh:minLength, sh:maxLength, sh:pattern (+ sh:flags), sh:languageIn, sh:uniqueLang, sh:in, sh:hasValue,
  sh:equals, sh:disjoint, sh:lessThan, sh:lessThanOrEquals, and SPARQL-based constraints (sh:sparql with
  sh:select and sh:prefixes; $this is bound by inserting the target pattern at the start of the query's
  WHERE group, $PATH is replaced by the property path);
- sh:severity, sh:message, sh:deactivated.

Anything else (sh:node, sh:and, sh:or, sh:not, sh:xone, sh:qualifiedValueShape, sh:closed, custom constraint
components, $currentShape/$shapesGraph in SPARQL) raises :class:`UnsupportedShape` naming the shape and the
term, so that a shape nobody checks is never silently skipped.

Running them (issue 22, figures in bench/README.md "Validation"): the checks run on one thread per core (Oxigraph
evaluates with the GIL released); a check that joins candidate rows of its path with its targets first runs a
precheck, the candidates alone (none: no result, the target scan is skipped; up to PRECHECK_LIMIT subjects: the check
runs on them only, VALUES ?this); maxCount first compares a path's rows with its distinct subjects; minCount checks on one path run as one query; focus nodes are bound once
(the store's union graph repeats a triple per named graph). Same results as one query per check, in the same order.

Results have the fields of kg.validate.shacl's pySHACL report (focus, path, severity, message) plus
``constraint`` (the SHACL constraint component, e.g. ``MinCountConstraintComponent``), ``value`` and ``shape``.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import count

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_FIRST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
RDF_REST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
RDF_NIL = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
RDFS_CLASS = "http://www.w3.org/2000/01/rdf-schema#Class"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
XSD = "http://www.w3.org/2001/XMLSchema#"

# lexical forms (XSD 1.1) checked for sh:datatype: an ill-typed literal fails sh:datatype
LEXICAL = {
    XSD + "integer": r"^[+-]?[0-9]+$",
    XSD + "int": r"^[+-]?[0-9]+$",
    XSD + "long": r"^[+-]?[0-9]+$",
    XSD + "nonNegativeInteger": r"^(\+?[0-9]+|-0+)$",
    XSD + "positiveInteger": r"^\+?0*[1-9][0-9]*$",
    XSD + "decimal": r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$",
    XSD + "boolean": r"^(true|false|1|0)$",
    XSD + "date": r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$",
    XSD + "gYear": r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$",
    XSD + "dateTime": r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$",
}

NODE_KINDS = {
    "IRI": "isIRI(?value)",
    "BlankNode": "isBlank(?value)",
    "Literal": "isLiteral(?value)",
    "BlankNodeOrIRI": "(isBlank(?value) || isIRI(?value))",
    "BlankNodeOrLiteral": "(isBlank(?value) || isLiteral(?value))",
    "IRIOrLiteral": "(isIRI(?value) || isLiteral(?value))",
}

UNSUPPORTED = ("node", "and", "or", "not", "xone", "qualifiedValueShape", "qualifiedMinCount",
               "qualifiedMaxCount", "closed", "ignoredProperties", "targetShape", "rule", "expression")
# terms that belong to a shape but are not constraints of their own
NON_CONSTRAINT = {"targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "property", "path",
                  "severity", "message", "deactivated", "name", "description", "order", "group", "defaultValue",
                  "flags", "sparql", "prefixes", "declare"}


class UnsupportedShape(ValueError):
    """A shapes graph uses SHACL that this compiler does not translate (the message names shape and term)."""


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT returning ?this (and ?value when the constraint has a value node)."""
    shape: str
    constraint: str  # constraint component local name
    path: str  # the property path as written (IRI for a predicate path), "" for node shapes
    severity: str  # Violation, Warning, Info
    message: str
    sparql: str
    # several value filters checked in one scan: the row's ?_k indexes (constraint, message)
    variants: tuple[tuple[str, str], ...] = ()
    # a cheaper query whose rows include every failing (?this, ?value) of ``sparql`` before the join with the
    # targets (or "" when there is none): when it finds no row, the check has no result and ``sparql`` is not run
    precheck: str = ""
    # checks with the same ``anti_join`` (a MINUS on one path) and different targets run as one query, the
    # path's subjects hashed once (see _tasks); ``target`` is then this check's target group
    anti_join: str = ""
    target: str = ""
    # a query counting a path's rows (?n) and its distinct subjects (?m): when they are equal no subject has two
    # values, which settles a maxCount >= 1 before the (dearer) grouping of the precheck
    count_precheck: str = ""
    # ``sparql`` with RESTRICT where the candidates' WHERE group starts: when the precheck finds a few candidates,
    # the query runs on their subjects only (VALUES ?this), a lookup each instead of a scan of the path
    restricted: str = ""


RESTRICT = "%%only-these%%"
PRECHECK_LIMIT = 1000  # candidates the precheck collects for a restricted run; beyond, the whole query runs


# ------------------------------------------------------------------ shapes graph access (rdflib)


class _Shapes:
    def __init__(self, graph) -> None:
        self.g = graph

    def objs(self, node, local: str) -> list:
        import rdflib

        return sorted(self.g.objects(node, rdflib.URIRef(SH + local)), key=_sort_key)

    def one(self, node, local: str):
        vals = self.objs(node, local)
        if len(vals) > 1:
            raise UnsupportedShape(f"shape {_name(node)}: sh:{local} given {len(vals)} times")
        return vals[0] if vals else None

    def items(self, head) -> list:
        import rdflib

        out, node, seen = [], head, set()
        while node != rdflib.URIRef(RDF_NIL):
            if node in seen:
                raise UnsupportedShape(f"cyclic RDF list at {_name(head)}")
            seen.add(node)
            first = self.g.value(node, rdflib.URIRef(RDF_FIRST))
            if first is None:
                raise UnsupportedShape(f"malformed RDF list at {_name(head)}")
            out.append(first)
            node = self.g.value(node, rdflib.URIRef(RDF_REST))
            if node is None:
                raise UnsupportedShape(f"malformed RDF list at {_name(head)}")
        return out


def _sort_key(term) -> tuple:
    return (type(term).__name__, str(term))


def _name(node) -> str:
    import rdflib

    return f"<{node}>" if isinstance(node, rdflib.URIRef) else f"_:{node}"


def _term(t) -> str:
    """An rdflib term as SPARQL syntax."""
    import rdflib

    if isinstance(t, rdflib.URIRef):
        return "<" + str(t).replace(">", "%3E") + ">"
    if isinstance(t, rdflib.Literal):
        s = _string(str(t))
        if t.language:
            return f"{s}@{t.language}"
        if t.datatype:
            return f"{s}^^<{t.datatype}>"
        return s
    raise UnsupportedShape(f"a blank node ({t}) where an IRI or literal is needed")


def _string(s: str) -> str:
    return '"' + (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")) + '"'


# ------------------------------------------------------------------ compiler


class Compiler:
    def __init__(self, shapes_graph, subclasses: dict[str, set[str]] | None = None) -> None:
        self.s = _Shapes(shapes_graph)
        self.sub = subclasses or {}
        self.var = count()

    def closure(self, cls: str) -> list[str]:
        """cls and every class below it (rdfs:subClassOf*)."""
        seen, todo = {cls}, [cls]
        while todo:
            for c in self.sub.get(todo.pop(), ()):
                if c not in seen:
                    seen.add(c)
                    todo.append(c)
        return sorted(seen)

    def fresh(self) -> str:
        return f"?_v{next(self.var)}"

    # -- paths
    def path(self, p) -> str:
        import rdflib

        if isinstance(p, rdflib.URIRef):
            return _term(p)
        if isinstance(p, rdflib.Literal):
            raise UnsupportedShape(f"a literal as sh:path: {p!r}")
        g = self.s.g
        if g.value(p, rdflib.URIRef(RDF_FIRST)) is not None:
            return "(" + "/".join(self.path(x) for x in self.s.items(p)) + ")"
        for local, fmt in (("inversePath", "^({})"), ("zeroOrMorePath", "({})*"), ("oneOrMorePath", "({})+"),
                           ("zeroOrOnePath", "({})?")):
            inner = self.s.one(p, local)
            if inner is not None:
                return fmt.format(self.path(inner))
        alt = self.s.one(p, "alternativePath")
        if alt is not None:
            return "(" + "|".join(self.path(x) for x in self.s.items(alt)) + ")"
        raise UnsupportedShape(f"unknown path form at {_name(p)}")

    # -- targets: a group pattern binding ?this to every focus node of the shape
    def targets(self, shape) -> str | None:
        import rdflib

        parts = []
        classes = [str(c) for c in self.s.objs(shape, "targetClass")]
        types = {str(t) for t in self.s.g.objects(shape, rdflib.RDF.type)}
        if types & {RDFS_CLASS, OWL_CLASS}:
            classes.append(str(shape))
        if classes:
            cl = sorted({c for k in classes for c in self.closure(k)})
            if len(cl) == 1:
                parts.append(f"?this <{RDF_TYPE}> <{cl[0]}> .")
            else:
                v = self.fresh()
                parts.append(f"VALUES {v} {{ {' '.join('<' + c + '>' for c in cl)} }} ?this <{RDF_TYPE}> {v} .")
        nodes = self.s.objs(shape, "targetNode")
        if nodes:
            parts.append(f"VALUES ?this {{ {' '.join(_term(n) for n in nodes)} }}")
        for p in self.s.objs(shape, "targetSubjectsOf"):
            parts.append(f"?this {_term(p)} {self.fresh()} .")
        for p in self.s.objs(shape, "targetObjectsOf"):
            parts.append(f"{self.fresh()} {_term(p)} ?this .")
        if not parts:
            return None
        # a group binding ?this to every focus node once: the store's union graph repeats a triple once per named
        # graph holding it (a corporation's rdf:type in every year's graph), and every check joined the repeats
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join("{ " + p + " }" for p in parts) + " } }"

    def compile(self) -> list[Check]:
        import rdflib

        g = self.s.g
        shapes: set = set()
        for local in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
            shapes |= set(g.subjects(rdflib.URIRef(SH + local), None))
        for cls in (RDFS_CLASS, OWL_CLASS):
            for s in g.subjects(rdflib.RDF.type, rdflib.URIRef(cls)):
                if (s, rdflib.RDF.type, rdflib.URIRef(SH + "NodeShape")) in g:
                    shapes.add(s)
        checks: list[Check] = []
        for shape in sorted(shapes, key=_sort_key):
            target = self.targets(shape)
            if target is not None:
                checks += self.shape_checks(shape, target)
        return checks

    def shape_checks(self, shape, target: str) -> list[Check]:
        """Checks of one shape whose focus nodes are bound to ?this by ``target``."""
        import rdflib

        s = self.s
        deact = s.one(shape, "deactivated")
        if deact is not None and deact.toPython() is True:
            return []
        for local in UNSUPPORTED:
            if s.objs(shape, local):
                raise UnsupportedShape(f"shape {_name(shape)} uses sh:{local}, which kg's SHACL compiler does not "
                                       "translate to SPARQL (supported: see kg/validate/compiled.py)")
        for p in {p for p in s.g.predicates(shape, None)}:
            p = str(p)
            if p.startswith(SH):
                local = p[len(SH):]
                if local not in NON_CONSTRAINT and local not in HANDLERS:
                    raise UnsupportedShape(f"shape {_name(shape)} uses sh:{local}, which kg's SHACL compiler "
                                           "does not know")
        path_node = s.one(shape, "path")
        path = self.path(path_node) if path_node is not None else None
        path_label = (str(path_node) if isinstance(path_node, rdflib.URIRef) else path or "") \
            if path_node is not None else ""
        sev = s.one(shape, "severity")
        severity = str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation"
        msg = _message(s.objs(shape, "message"))
        value_pattern = f"?this {path} ?value ." if path else "BIND(?this AS ?value)"
        ctx = _Ctx(self, shape, target, path, value_pattern, path_label, severity, msg)
        checks: list[Check] = []
        for local, handler in HANDLERS.items():
            for obj in s.objs(shape, local):
                checks.extend(handler(ctx, obj))
        if ctx.filters:
            checks.append(ctx.combined_filters())
        for sub in s.objs(shape, "property"):
            if path:  # a property shape's property shapes: the values of this path are their focus nodes
                inner = self.fresh()
                t = (f"{{ SELECT DISTINCT ?this WHERE {{ {{ SELECT DISTINCT (?this AS {inner}) "
                     f"WHERE {{ {target} }} }} {inner} {path} ?this . }} }}")
            else:
                t = target
            checks += self.shape_checks(sub, t)
        return checks


def _message(msgs: list) -> str:
    if not msgs:
        return ""
    plain = [m for m in msgs if not getattr(m, "language", None)]
    en = [m for m in msgs if getattr(m, "language", None) == "en"]
    return str((plain or en or msgs)[0])


@dataclass
class _Ctx:
    c: Compiler
    shape: object
    target: str
    path: str | None
    values: str  # binds ?value from ?this
    path_label: str
    severity: str
    message: str

    filters: list = field(default_factory=list)

    def check(self, component: str, where: str, default_msg: str, select: str = "?this ?value") -> Check:
        """A check whose ``where`` follows the target group (for node-level tests and anti-joins)."""
        q = f"SELECT DISTINCT {select} WHERE {{ {self.target} {where} }}"
        return Check(shape=_name(self.shape), constraint=component, path=self.path_label,
                     severity=self.severity, message=self.message or default_msg, sparql=q)

    def candidates_first(self, component: str, inner: str, default_msg: str, select: str = "?this ?value") -> Check:
        """A check that finds the failing (?this, ?value) pairs by the path first (an index scan on its predicate)
        and only then joins them with the target group: much faster on Oxigraph than a lookup per focus node."""
        q = f"SELECT DISTINCT {select} WHERE {{ {{ SELECT {select} WHERE {{ {RESTRICT} {inner} }} }} {self.target} }}"
        return Check(shape=_name(self.shape), constraint=component, path=self.path_label,
                     severity=self.severity, message=self.message or default_msg, sparql=q.replace(RESTRICT, ""),
                     precheck=f"SELECT {select} WHERE {{ {inner} }} LIMIT {PRECHECK_LIMIT + 1}", restricted=q)

    def value_filter(self, component: str, cond_fail: str, default_msg: str, cheap: str = "") -> list[Check]:
        """Value-node tests are collected and checked together (one scan of the path): see combined_filters.
        ``cheap``: a test true wherever ``cond_fail`` is, reading ?value fewer times (Oxigraph decodes a variable's
        term again for every mention), used by the precheck."""
        self.filters.append((component, cond_fail, self.message or default_msg, cheap or cond_fail))
        return []

    def combined_filters(self) -> Check:
        ks = " ".join(str(i) for i in range(len(self.filters)))
        cond = " || ".join(f"(?_k = {i} && ({c}))" for i, (_comp, c, _m, _cheap) in enumerate(self.filters))
        pre = ""
        if self.path:
            restricted = (f"SELECT DISTINCT ?this ?value ?_k WHERE {{ {{ SELECT ?this ?value ?_k WHERE {{ {RESTRICT} "
                          f"?this {self.path} ?value . VALUES ?_k {{ {ks} }} FILTER({cond}) }} }} {self.target} }}")
            q = restricted.replace(RESTRICT, "")
            # every row of q fails one of the tests: one scan of the path with their disjunction, one row per value
            any_fails = " || ".join(f"({cheap})" for _comp, _c, _m, cheap in self.filters)
            pre = f"SELECT ?this WHERE {{ ?this {self.path} ?value . FILTER({any_fails}) }} LIMIT {PRECHECK_LIMIT + 1}"
        else:
            restricted = ""
            q = (f"SELECT DISTINCT ?this ?value ?_k WHERE {{ {self.target} BIND(?this AS ?value) "
                 f"VALUES ?_k {{ {ks} }} FILTER({cond}) }}")
        variants = tuple((comp, msg) for comp, _c, msg, _cheap in self.filters)
        return Check(shape=_name(self.shape), constraint="+".join(v[0] for v in variants), path=self.path_label,
                     severity=self.severity, message="", sparql=q, variants=variants, precheck=pre,
                     restricted=restricted)

    def on(self) -> str:
        return f"on {self.path_label}" if self.path_label else "on the focus node"


def _c_class(ctx: _Ctx, obj) -> list[Check]:
    cl = " ".join(_term(type(obj)(c)) for c in ctx.c.closure(str(obj)))
    v = ctx.c.fresh()
    msg = f"value {ctx.on()} is not an instance of <{obj}>"
    if not ctx.path:
        return [ctx.check("ClassConstraintComponent",
                          f"BIND(?this AS ?value) FILTER NOT EXISTS {{ VALUES {v} {{ {cl} }} ?value <{RDF_TYPE}> {v} }}",
                          msg)]
    return [ctx.candidates_first("ClassConstraintComponent",
                                 f"?this {ctx.path} ?value MINUS {{ VALUES {v} {{ {cl} }} ?value <{RDF_TYPE}> {v} }}",
                                 msg)]


def _c_datatype(ctx: _Ctx, obj) -> list[Check]:
    dt = str(obj)
    cond = f"!isLiteral(?value) || DATATYPE(?value) != <{dt}>"
    cheap = f"COALESCE(DATATYPE(?value) != <{dt}>, true)"  # DATATYPE of an IRI or blank node is an error
    if dt in LEXICAL:
        cond += f" || !REGEX(STR(?value), {_string(LEXICAL[dt])})"
        cheap += f" || !REGEX(STR(?value), {_string(LEXICAL[dt])})"
    return ctx.value_filter("DatatypeConstraintComponent", cond, f"value {ctx.on()} is not a valid <{dt}>", cheap)


def _c_nodekind(ctx: _Ctx, obj) -> list[Check]:
    kind = str(obj).rsplit("#", 1)[-1]
    if kind not in NODE_KINDS:
        raise UnsupportedShape(f"shape {_name(ctx.shape)}: unknown sh:nodeKind {obj}")
    return ctx.value_filter("NodeKindConstraintComponent", f"!{NODE_KINDS[kind]}",
                            f"value {ctx.on()} is not of node kind sh:{kind}")


def _count(obj, what: str, shape) -> int:
    n = obj.toPython()
    if not isinstance(n, int) or n < 0:
        raise UnsupportedShape(f"shape {_name(shape)}: sh:{what} must be a non-negative integer, got {obj!r}")
    return n


def _c_mincount(ctx: _Ctx, obj) -> list[Check]:
    n = _count(obj, "minCount", ctx.shape)
    if not ctx.path:
        raise UnsupportedShape(f"shape {_name(ctx.shape)}: sh:minCount on a node shape")
    msg = f"fewer than {n} values {ctx.on()}"
    if n == 0:
        return []
    if n == 1:
        anti = f"MINUS {{ ?this {ctx.path} ?_any }}"
        ch = ctx.check("MinCountConstraintComponent", anti, msg, select="?this")
        return [replace(ch, anti_join=anti, target=ctx.target)]
    q = (f"SELECT ?this WHERE {{ {ctx.target} OPTIONAL {{ ?this {ctx.path} ?_v }} }} "
         f"GROUP BY ?this HAVING (COUNT(DISTINCT ?_v) < {n})")
    return [Check(_name(ctx.shape), "MinCountConstraintComponent", ctx.path_label, ctx.severity,
                  ctx.message or msg, q)]


def _c_maxcount(ctx: _Ctx, obj) -> list[Check]:
    n = _count(obj, "maxCount", ctx.shape)
    if not ctx.path:
        raise UnsupportedShape(f"shape {_name(ctx.shape)}: sh:maxCount on a node shape")
    inner = (f"SELECT ?this WHERE {{ {RESTRICT} ?this {ctx.path} ?value . }} GROUP BY ?this "
             f"HAVING (COUNT(DISTINCT ?value) > {n})")
    restricted = f"SELECT DISTINCT ?this WHERE {{ {{ {inner} }} {ctx.target} }}"
    q, inner = restricted.replace(RESTRICT, ""), inner.replace(RESTRICT, "")
    counts = (f"SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?this) AS ?m) WHERE {{ ?this {ctx.path} ?value . }}"
              if n >= 1 else "")
    return [Check(_name(ctx.shape), "MaxCountConstraintComponent", ctx.path_label, ctx.severity,
                  ctx.message or f"more than {n} values {ctx.on()}", q, precheck=f"{inner} LIMIT {PRECHECK_LIMIT + 1}",
                  count_precheck=counts, restricted=restricted)]


def _range(op: str, component: str, word: str):
    def handler(ctx: _Ctx, obj) -> list[Check]:
        return ctx.value_filter(component, f"!COALESCE(?value {op} {_term(obj)}, false)",
                                f"value {ctx.on()} is not {word} {obj}")
    return handler


def _length(op: str, component: str, word: str):
    def handler(ctx: _Ctx, obj) -> list[Check]:
        n = _count(obj, component, ctx.shape)
        return ctx.value_filter(component, f"isBlank(?value) || !(STRLEN(STR(?value)) {op} {n})",
                                f"value {ctx.on()} is {word} {n} characters",
                                f"!COALESCE(STRLEN(STR(?value)) {op} {n}, false)")  # STR of a blank node: error
    return handler


def _c_pattern(ctx: _Ctx, obj) -> list[Check]:
    flags = ctx.c.s.one(ctx.shape, "flags")
    args = _string(str(obj)) + (f", {_string(str(flags))}" if flags is not None else "")
    return ctx.value_filter("PatternConstraintComponent", f"isBlank(?value) || !REGEX(STR(?value), {args})",
                            f"value {ctx.on()} does not match {str(obj)!r}", f"!COALESCE(REGEX(STR(?value), {args}), false)")


def _any_of(tests: list[str]) -> str:
    return " || ".join(tests) or "false"


def _c_languagein(ctx: _Ctx, obj) -> list[Check]:
    langs = [str(x) for x in ctx.c.s.items(obj)]
    ok = _any_of([f"LANGMATCHES(LANG(?value), {_string(x)})" for x in langs])
    return ctx.value_filter("LanguageInConstraintComponent", f"!isLiteral(?value) || !({ok})",
                            f"language of value {ctx.on()} not in {langs}")


def _c_uniquelang(ctx: _Ctx, obj) -> list[Check]:
    if obj.toPython() is not True:
        return []
    inner = (f"SELECT ?this ?_lang WHERE {{ {ctx.values} BIND(LANG(?value) AS ?_lang) "
             f"FILTER(?_lang != \"\") }} GROUP BY ?this ?_lang HAVING (COUNT(DISTINCT ?value) > 1)")
    q = f"SELECT DISTINCT ?this ?_lang WHERE {{ {{ {inner} }} {ctx.target} }}"
    return [Check(_name(ctx.shape), "UniqueLangConstraintComponent", ctx.path_label, ctx.severity,
                  ctx.message or f"more than one value {ctx.on()} in one language", q,
                  precheck=f"{inner} LIMIT {PRECHECK_LIMIT + 1}" if ctx.path else "")]


def _c_in(ctx: _Ctx, obj) -> list[Check]:
    allowed = [_term(x) for x in ctx.c.s.items(obj)]
    ok = _any_of([f"sameTerm(?value, {a})" for a in allowed])
    return ctx.value_filter("InConstraintComponent", f"!({ok})",
                            f"value {ctx.on()} is not one of {', '.join(allowed)}")


def _c_hasvalue(ctx: _Ctx, obj) -> list[Check]:
    t = _term(obj)
    where = (f"MINUS {{ ?this {ctx.path} {t} }}" if ctx.path else f"FILTER(!sameTerm(?this, {t}))")
    return [ctx.check("HasValueConstraintComponent", where, f"{t} missing {ctx.on()}", select="?this")]


def _pair(component: str, relation: str):
    def handler(ctx: _Ctx, obj) -> list[Check]:
        other = _term(obj)
        if component == "EqualsConstraintComponent":
            if ctx.path:
                where = (f"{{ {ctx.values} FILTER NOT EXISTS {{ ?this {other} ?value }} }} UNION "
                         f"{{ ?this {other} ?value . FILTER NOT EXISTS {{ ?this {ctx.path} ?value }} }}")
            else:
                where = (f"{{ BIND(?this AS ?value) FILTER NOT EXISTS {{ ?this {other} ?this }} }} UNION "
                         f"{{ ?this {other} ?value . FILTER(!sameTerm(?value, ?this)) }}")
            return [ctx.check(component, where, f"values {ctx.on()} and {other}: {component}")]
        if component == "DisjointConstraintComponent":
            inner = f"{ctx.values} ?this {other} ?value ."
        else:
            inner = f"{ctx.values} ?this {other} ?_o . FILTER(!COALESCE(?value {relation} ?_o, false))"
        if not ctx.path:
            return [ctx.check(component, inner, f"values {ctx.on()} and {other}: {component}")]
        return [ctx.candidates_first(component, inner, f"values {ctx.on()} and {other}: {component}")]
    return handler


_PREFIX_RE = re.compile(r"(?i)\bSELECT\b(.*?)\{", re.S)


def _c_sparql(ctx: _Ctx, obj) -> list[Check]:
    s = ctx.c.s
    if s.one(obj, "deactivated") is not None and s.one(obj, "deactivated").toPython() is True:
        return []
    select = s.one(obj, "select")
    if select is None:
        raise UnsupportedShape(f"shape {_name(ctx.shape)}: a sh:sparql constraint without sh:select")
    text = str(select)
    for var in ("$currentShape", "$shapesGraph", "?currentShape", "?shapesGraph"):
        if var in text:
            raise UnsupportedShape(f"shape {_name(ctx.shape)}: SPARQL constraint uses {var}")
    if "$PATH" in text:
        if not ctx.path:
            raise UnsupportedShape(f"shape {_name(ctx.shape)}: $PATH in a node shape's SPARQL constraint")
        text = text.replace("$PATH", ctx.path)
    text = re.sub(r"[$?]this\b", "?this", text)
    m = _PREFIX_RE.search(text)
    if not m:
        raise UnsupportedShape(f"shape {_name(ctx.shape)}: cannot read the SPARQL constraint's SELECT")
    projection = m.group(1)
    if "?this" not in projection and "*" not in projection:
        raise UnsupportedShape(f"shape {_name(ctx.shape)}: the SPARQL constraint does not project $this")
    # bind $this: the shape's targets go first in the WHERE group (evaluated first, as if pre-bound)
    text = text[: m.end()] + " " + ctx.target + " " + text[m.end():]
    prefixes = []
    for decl_holder in s.objs(obj, "prefixes"):
        for decl in s.objs(decl_holder, "declare"):
            prefix, ns = s.one(decl, "prefix"), s.one(decl, "namespace")
            prefixes.append(f"PREFIX {prefix}: <{ns}>")
    msg = _message(s.objs(obj, "message")) or ctx.message or "SPARQL constraint failed"
    return [Check(_name(ctx.shape), "SPARQLConstraintComponent", ctx.path_label, ctx.severity, msg,
                  "\n".join(sorted(set(prefixes))) + "\n" + text)]


HANDLERS = {
    "class": _c_class,
    "datatype": _c_datatype,
    "nodeKind": _c_nodekind,
    "minCount": _c_mincount,
    "maxCount": _c_maxcount,
    "minInclusive": _range(">=", "MinInclusiveConstraintComponent", "at least"),
    "maxInclusive": _range("<=", "MaxInclusiveConstraintComponent", "at most"),
    "minExclusive": _range(">", "MinExclusiveConstraintComponent", "above"),
    "maxExclusive": _range("<", "MaxExclusiveConstraintComponent", "below"),
    "minLength": _length(">=", "MinLengthConstraintComponent", "shorter than"),
    "maxLength": _length("<=", "MaxLengthConstraintComponent", "longer than"),
    "pattern": _c_pattern,
    "languageIn": _c_languagein,
    "uniqueLang": _c_uniquelang,
    "in": _c_in,
    "hasValue": _c_hasvalue,
    "equals": _pair("EqualsConstraintComponent", ""),
    "disjoint": _pair("DisjointConstraintComponent", ""),
    "lessThan": _pair("LessThanConstraintComponent", "<"),
    "lessThanOrEquals": _pair("LessThanOrEqualsConstraintComponent", "<="),
    "sparql": _c_sparql,
}


# ------------------------------------------------------------------ running


def subclass_map(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """{superclass: {direct subclasses}} from (subclass, superclass) pairs."""
    out: dict[str, set[str]] = {}
    for sub, sup in pairs:
        out.setdefault(sup, set()).add(sub)
    return out


def load_shapes(shapes_path=None, ontology_path=None):
    """(shapes rdflib Graph, [(subclass, superclass)] from the ontology)."""
    import rdflib

    from kg.paths import ONTOLOGY, SHAPES

    shapes = rdflib.Graph().parse(str(shapes_path or SHAPES), format="turtle")
    ont = rdflib.Graph().parse(str(ontology_path or ONTOLOGY), format="turtle")
    pairs = [(str(s), str(o)) for s, o in ont.subject_objects(rdflib.RDFS.subClassOf)
             if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.URIRef)]
    return shapes, pairs


def compile_shapes(shapes_graph, subclass_pairs: Iterable[tuple[str, str]] = ()) -> list[Check]:
    return Compiler(shapes_graph, subclass_map(subclass_pairs)).compile()


def _text(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def _tasks(checks: list[Check]) -> list[tuple[list[int], str, str, str, str]]:
    """(check indexes, query, precheck, count precheck, restricted query) to run: one per check, except that the minCount checks on
    one path (e.g. prov:wasDerivedFrom of sheets, payments, findings...) become one query whose ?_s names the check:
    Oxigraph hashes the subjects of the path (2.2 M for prov:wasDerivedFrom) once instead of once per shape."""
    groups: dict[str, list[int]] = {}
    for i, ch in enumerate(checks):
        if ch.anti_join:
            groups.setdefault(ch.anti_join, []).append(i)
    tasks, grouped = [], set()
    for i, ch in enumerate(checks):
        members = groups.get(ch.anti_join, []) if ch.anti_join else []
        if len(members) > 1:
            if i == members[0]:
                union = " UNION ".join(f"{{ {checks[m].target} BIND({k} AS ?_s) }}" for k, m in enumerate(members))
                tasks.append((members, f"SELECT DISTINCT ?this ?_s WHERE {{ {{ {union} }} {ch.anti_join} }}", "",
                              "", ""))
                grouped.update(members)
        elif i not in grouped:
            tasks.append(([i], ch.sparql, ch.precheck, ch.count_precheck, ch.restricted))
    return tasks


def _settled_by_counts(store, query: str) -> bool:
    row = next(iter(store.query(query, use_default_graph_as_union=True)))
    return row["n"].value == row["m"].value


def _candidates(store, precheck: str) -> list | None:
    """The subjects the precheck finds (the rows of the check are among them), or None when they are too many or
    a blank node (which a query cannot name) is among them."""
    import pyoxigraph as ox

    found = {r["this"] for r in store.query(precheck, use_default_graph_as_union=True)}
    if len(found) > PRECHECK_LIMIT or not all(isinstance(t, ox.NamedNode) for t in found):
        return None
    return sorted(found, key=str)


def _run(store, checks: list[Check], members: list[int], sparql: str, precheck: str, counts: str,
         restricted: str, keep: int) -> list[dict]:
    """One task on the store: its precheck first (when it finds nothing the checks have no result), then the
    query; returns each member check's figures. Runs in a worker thread: pyoxigraph evaluates a query with the
    GIL released."""
    t, cpu = time.perf_counter(), time.thread_time()
    out = [{"rows": [], "n": 0} for _ in members]
    ran_full = not (counts and _settled_by_counts(store, counts))
    if ran_full and precheck:
        found = _candidates(store, precheck)
        if found == []:
            ran_full = False
        elif found is not None and restricted:
            sparql = restricted.replace(RESTRICT, "VALUES ?this { " + " ".join(str(t) for t in found) + " }")
    if ran_full:
        for row in store.query(sparql, use_default_graph_as_union=True):
            k = int(row["_s"].value) if len(members) > 1 else 0
            ch, res = checks[members[k]], out[k]
            res["n"] += 1
            if len(res["rows"]) < keep:
                try:
                    value = row["value"]
                except (KeyError, IndexError):
                    value = None
                constraint, message = ch.constraint, ch.message
                if ch.variants:
                    constraint, message = ch.variants[int(row["_k"].value)]
                res["rows"].append({"focus": _text(row["this"]), "path": ch.path, "severity": ch.severity,
                                    "message": message, "constraint": constraint, "value": _text(value),
                                    "shape": ch.shape})
    seconds, cpu = time.perf_counter() - t, time.thread_time() - cpu
    for res in out:
        res.update({"full": ran_full, "seconds": seconds, "cpu": cpu, "shared": len(members)})
    return out


def default_jobs() -> int:
    """Checks run at once: one per core (a query runs on one core), at most 4."""
    import os

    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def validate_store(store, shapes=None, subclass_pairs=None, max_results: int = 500, progress=None,
                   jobs: int | None = None) -> dict:
    """Run every compiled check on a pyoxigraph Store (union of its graphs): kg's shapes and the ontology's
    class hierarchy unless a shapes rdflib Graph (and (subclass, superclass) pairs) are given. Returns the report
    of kg.validate.shacl (conforms, violations, results, result_count) plus per-check counts and seconds.

    The checks run on ``jobs`` threads (default: one per core): Oxigraph evaluates a query with the GIL released,
    so two checks use two cores. Results are merged in the checks' order, so the report does not depend on it."""
    from concurrent.futures import ThreadPoolExecutor, as_completed

    if shapes is None:
        shapes, pairs = load_shapes()
    else:
        pairs = list(subclass_pairs or ())
    data_pairs = [(_text(r["s"]), _text(r["o"])) for r in store.query(
        f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{RDFS_SUBCLASS}> ?o FILTER(isIRI(?s) && isIRI(?o)) }}",
        use_default_graph_as_union=True)]
    checks = compile_shapes(shapes, list(pairs) + data_pairs)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    t_all, cpu_all = time.perf_counter(), time.process_time()
    keep = 50 * max_results
    done: list[dict | None] = [None] * len(checks)
    tasks = _tasks(checks)
    # the queries without a precheck scan all their focus nodes whatever the data: started first, so that a long
    # one does not run alone at the end
    tasks.sort(key=lambda task: (bool(task[2]), -len(task[0]), task[0][0]))
    finished = 0
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="kg-validate") as pool:
        futures = {pool.submit(_run, store, checks, members, q, pre, counts, restricted, keep): members
                   for members, q, pre, counts, restricted in tasks}
        for fut in as_completed(futures):
            for i, res in zip(futures[fut], fut.result(), strict=True):
                done[i] = res
            finished += len(futures[fut])
            if progress:
                progress(finished, len(checks))
    results: list[dict] = []
    per_check = []
    total = violations = 0
    for ch, r in zip(checks, done, strict=True):
        if len(results) < keep:
            results.extend(r["rows"][: keep - len(results)])
        total += r["n"]
        if ch.severity == "Violation":
            violations += r["n"]
        per_check.append({"shape": ch.shape, "constraint": ch.constraint, "path": ch.path, "results": r["n"],
                          "seconds": round(r["seconds"], 3), "cpu_seconds": round(r["cpu"], 3),
                          "prechecked": bool(ch.precheck) and not r["full"], "query_shared_by": r["shared"]})
    results.sort(key=lambda r: (r["severity"], r["focus"], r["path"], r["constraint"], r["value"]))
    return {"conforms": violations == 0, "violations": violations, "results": results[:max_results],
            "result_count": total, "engine": "compiled-sparql", "checks": len(checks),
            "failing_checks": [c for c in per_check if c["results"]],
            "slowest_checks": sorted(per_check, key=lambda c: -c["seconds"])[:5],
            "seconds": round(time.perf_counter() - t_all, 2),
            "cpu_seconds": round(time.process_time() - cpu_all, 2), "jobs": jobs,
            "prechecked": sum(1 for c in per_check if c["prechecked"]), "queries": len(tasks),
            "per_check": per_check}


def validate_rdflib_graph(graph, **kw) -> dict:
    """Compiled validation of an rdflib Graph (loaded into an in-memory Oxigraph store): for tests and benches."""
    import pyoxigraph as ox

    store = ox.Store()
    data = graph.serialize(format="nt", encoding="utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    return validate_store(store, **kw)
