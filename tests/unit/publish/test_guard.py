"""kg.publish.guard: SERVICE/LOAD clauses found by lexing, not by substring (issue 23)."""
from __future__ import annotations

import pytest

from kg.publish.guard import OutboundRefused, check_outbound, outbound_targets, tokens, unescape_codepoints

EP = "http://127.0.0.1:9/sparql"


@pytest.mark.parametrize("text", [
    'SELECT ?x { BIND("SERVICE <http://127.0.0.1:9/>" AS ?x) }',
    "SELECT ?x { BIND('''a SERVICE <x> {} ''' AS ?x) }",
    'SELECT ?x { BIND("""with "quotes" and SERVICE""" AS ?x) }',
    "SELECT * { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/>",
    "SELECT * { ?s <http://example.org/SERVICE> ?o }",
    "PREFIX ex: <http://example.org/> SELECT * { ?s ex:SERVICE ?o . ?s ex:LOAD ?o }",
    "SELECT ?SERVICE ?load { ?SERVICE ?p ?load }",
    'SELECT * { ?s ?p "x"@en }',
    "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?u { ?d dcat:downloadURL ?u }",
    'SELECT * { FILTER(?a < ?b && ?c > "SERVICE") }',
])
def test_service_words_that_are_not_clauses_pass(text):
    assert outbound_targets(text) == ()
    check_outbound(text)


@pytest.mark.parametrize("text, keyword", [
    (f"SELECT * {{ SERVICE <{EP}> {{ ?s ?p ?o }} }}", "SERVICE"),
    (f"select * {{ service silent <{EP}> {{ ?s ?p ?o }} }}", "SERVICE"),
    (f"SELECT * {{ SERVICESILENT<{EP}>{{}} }}", "SERVICE"),
    ("PREFIX SERVICE: <http://x/> SELECT * { SERVICE:a { ?s ?p ?o } }", "SERVICE"),
    (f"SELECT * {{ SERVICE#c\n<{EP}> {{}} }}", "SERVICE"),
    ("SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> {} }", "SERVICE"),
    ("SELECT * { SERVICE ?u { ?s ?p ?o } }", "SERVICE"),
    (f"LOAD <{EP}>", "LOAD"),
    (f"load silent <{EP}> into graph <urn:g>", "LOAD"),
])
def test_clauses_are_found_and_refused(text, keyword):
    found = outbound_targets(text)
    assert [t.keyword for t in found] == [keyword]
    with pytest.raises(OutboundRefused, match=keyword):
        check_outbound(text)


def test_allow_list_matches_the_resolved_iri_exactly():
    assert check_outbound(f"SELECT * {{ SERVICE <{EP}> {{}} }}", {EP}) is None
    assert check_outbound("PREFIX e: <http://127.0.0.1:9/> SELECT * { SERVICE e:sparql {} }", {EP}) is None
    escaped = EP.replace("sparql", "\\u0073parql")
    assert outbound_targets(f"SELECT * {{ SERVICE <{escaped}> {{}} }}")[0].iri == EP
    for other in (f"SELECT * {{ SERVICE <{EP}x> {{}} }}", f"SELECT * {{ SERVICE <{EP}> {{}} SERVICE <http://a/> {{}} }}",
                  f"BASE <{EP}> SELECT * {{ SERVICE <{EP}> {{}} }}", "SELECT * { SERVICE ?u {} }",
                  "SELECT * { SERVICE <sparql> {} }"):
        with pytest.raises(OutboundRefused):
            check_outbound(other, {EP})


def test_unterminated_string_is_refused_not_guessed():
    with pytest.raises(OutboundRefused, match="unterminated"):
        check_outbound('SELECT * { BIND("SERVICE <http://a/> AS ?x) }')


def test_lexer_tokens():
    kinds = [(t.kind, t.text) for t in tokens('PREFIX ex: <http://e/> SELECT ?x { ?x ex:p "a\\"b"@ja } # c')]
    assert kinds == [("word", "PREFIX"), ("pname", "ex:"), ("iri", "<http://e/>"), ("word", "SELECT"),
                     ("var", "?x"), ("other", "{"), ("var", "?x"), ("pname", "ex:p"), ("string", '"a\\"b"'),
                     ("lang", "@ja"), ("other", "}")]
    assert unescape_codepoints("\\u0041\\U0001F600\\uD800") == "A\U0001F600\\uD800"
