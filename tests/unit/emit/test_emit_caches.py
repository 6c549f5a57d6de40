"""The emitter's remembered values (issue 22, sixth round) give what making them afresh gives: literal texts,
float amounts, plain vocabulary terms, a corporation's description, a node's terms, per-graph de-duplication."""
from __future__ import annotations

import copy
import itertools

import pyoxigraph as ox
import pytest

from kg.build import parallel
from kg.emit import out as out_mod
from kg.emit import rdf
from kg.emit import text as text_mod
from kg.emit.out import Out, PlainTerms, literal_text
from kg.iris import DEFAULT_BASE
from kg.namespaces import KG
from kg.sources.judgit import iter_judgit
from tests.conftest import shared_path


def _judgit(n: int, year: int = 2019) -> list[dict]:
    return list(itertools.islice(iter_judgit(shared_path("data", "judgit", f"judgit-{year}.ndjson.gz")), n))


def test_literal_text_is_pyoxigraph_text_even_with_escapes():
    lits = [ox.Literal('a "q" \\ \t\n\r\x01\x7f 総務省', language="ja"), ox.Literal("18", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#decimal")), ox.Literal("")]
    for lit in lits:
        assert literal_text(lit) == str(lit)
        assert literal_text(ox.Literal(lit.value, language=lit.language, datatype=lit.datatype)) == str(lit)
    assert literal_text(lits[0]).startswith('"a \\"q\\" \\\\ \\t\\n\\r\\u0001')


@pytest.mark.parametrize("v", [0.2, 1e-7, 18.0, -3180.5, 123456789.125, 0.1 + 0.2, 2.5e20])
def test_float_amounts_remembered_equal_fresh(v):
    first, again = rdf.decimal(v), rdf.decimal(float(repr(v)))
    assert first == again == rdf._make_decimal(v)
    assert "e" not in first.value.lower()  # plain notation


def test_zero_floats_and_bools_are_not_remembered():
    assert rdf.decimal(-0.0).value == "0" and rdf.decimal(0.0).value == "0"
    assert rdf.decimal(True) is None and rdf.decimal(1).value == "1"  # True == 1, but a bool is no amount
    assert rdf.decimal(float("nan")) is None and rdf.decimal(float("inf")) is None
    assert rdf.plain(1).value == "1" and rdf.plain(1.0).value == "1.0"  # 1 == 1.0 as keys, not as text


def test_plain_terms_are_str_and_refuse_undeclared_kg_terms():
    k = PlainTerms(KG)
    assert type(k.term) is str and k.term == str(KG.term) == "https://kg.example.org/ns#term"
    assert k.term is k.term  # looked up once
    with pytest.raises(AttributeError):
        _ = k.notAKgTerm


def test_a_corporations_description_is_the_same_when_remembered():
    rdf._CORPORATIONS.clear()
    rdf._CORPORATION_NODES.clear()
    row = {"name": "株式会社日立製作所", "corporate_number": "7010001008844", "block": "A", "rank": 1}
    fresh, again = Out("g"), Out("g")
    who = rdf.payee_entity(fresh, DEFAULT_BASE, DEFAULT_BASE + "sheet/2019/soumu/1", row)
    assert who == DEFAULT_BASE + "corp/7010001008844"
    assert rdf.payee_entity(again, DEFAULT_BASE, DEFAULT_BASE + "sheet/2020/mext/9", dict(row)) == who
    assert again.triples == fresh.triples and len(fresh.triples) == 6
    # a row without a valid 法人番号 stays scoped to its sheet, never taken from the corporation cache
    bad = dict(row, corporate_number="7010001008845")
    a = rdf.payee_entity(Out("g"), DEFAULT_BASE, DEFAULT_BASE + "sheet/2019/soumu/1", bad)
    b = rdf.payee_entity(Out("g"), DEFAULT_BASE, DEFAULT_BASE + "sheet/2019/soumu/2", bad)
    assert a.startswith(DEFAULT_BASE + "sheet/2019/soumu/1/payee/") and b.startswith(DEFAULT_BASE + "sheet/2019/soumu/2/")


def test_emission_with_warm_caches_equals_emission_with_cold_ones():
    recs = _judgit(40)
    warm = [rdf.emit_lines(r, DEFAULT_BASE) for r in recs]
    for cache in (rdf._CORPORATIONS, rdf._CORPORATION_NODES, rdf._FLOATS, out_mod._LIT_TEXT,
                  text_mod._TERM_OBJECTS, text_mod._STRUCTURES):
        cache.clear()
    for fn in (rdf.ja, rdf.plain, rdf.integer, rdf._decimal):
        fn.cache_clear()
    cold = [rdf.emit_lines(r, DEFAULT_BASE) for r in recs]
    assert warm == cold
    corp_terms = [x for lines in cold for x in lines if "/corp/" in x.split(" ", 1)[0] and "#term>" in x]
    assert corp_terms  # the corporations' kg:term lines are there


def test_shared_lines_once_per_graph_and_worker():
    recs = _judgit(30)
    other = copy.deepcopy(recs[:5])
    for r in other:  # the same sheets from another file: another graph, where the shared lines must come again
        r["provenance"] = dict(r.get("provenance") or {}, source="judgit-copy.ndjson.gz", sha256="0" * 64)
    pairs = list(parallel.emit_bodies(recs + other, DEFAULT_BASE))
    lines = [b + g for g, bodies in pairs for b in bodies]
    assert len(lines) == len(set(lines))
    fy = [x for x in lines if x.startswith("<https://kg.example.org/fy/2019> <http://www.w3.org/1999/02/22-rdf")]
    assert len(fy) == 2 and fy[0] != fy[1]  # once in each graph
    per_record = {x for r in recs + other for x in rdf.emit_lines(r, DEFAULT_BASE)}
    assert set(lines) == per_record
