"""kg.publish.pages.resolve: IRI <-> local path under a base (also one with a path), and what a client asked for."""
from __future__ import annotations

from kg.publish.pages import resolve

B = "https://kg.example.org/"
SUB = "https://example.org/kg/"


def test_paths_under_a_base_with_and_without_a_path():
    iri = B + "sheet/2021/soumu/2021-%E7%B7%8F%E5%8B%99-20-0095"
    assert resolve.local_path(B, iri) == "/sheet/2021/soumu/2021-%E7%B7%8F%E5%8B%99-20-0095"
    assert resolve.iri_of(B, "/sheet/2021/soumu/2021-%E7%B7%8F%E5%8B%99-20-0095") == iri
    assert resolve.page_path(B, iri) == "/page/sheet/2021/soumu/2021-%E7%B7%8F%E5%8B%99-20-0095"
    assert resolve.data_path(B, iri, "jsonld").endswith("?format=jsonld")
    assert resolve.iri_of(B, resolve.page_path(B, iri), resolve.PAGE) == iri
    assert resolve.mount(SUB) == "/kg/" and resolve.mount("https://example.org/kg") == "/kg/"
    assert resolve.local_path(SUB, SUB + "corp/1010001143390") == "/kg/corp/1010001143390"
    assert resolve.iri_of(SUB, "/kg/corp/1010001143390") == SUB + "corp/1010001143390"
    assert resolve.page_path(SUB, SUB + "corp/1010001143390") == "/page/corp/1010001143390"
    assert resolve.iri_of(SUB, "/corp/1010001143390") is None  # not under the base's path
    assert resolve.local_path(SUB, B + "corp/1010001143390") is None  # another host: no local page


def test_paths_that_name_no_iri():
    for bad in ("/", "//x", "/a/../b", "/a/./b", "/a b", "/<script>", '/"x"', "/a\\b"):
        assert resolve.iri_of(B, bad) is None, bad


def test_negotiation():
    assert resolve.wanted("", None) == "html"
    assert resolve.wanted("*/*", None) == "html"
    assert resolve.wanted("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", None) == "html"
    assert resolve.wanted("text/turtle", None) == "text/turtle"
    assert resolve.wanted("application/ld+json, text/html;q=0.5", None) == "application/ld+json"
    assert resolve.wanted("image/png", None) is None
    assert resolve.wanted("text/html", "ttl") == "text/turtle"  # ?format= wins
    assert resolve.wanted("", "nonsense") is None
    assert resolve.data_type("", None) == "text/turtle"
    assert resolve.data_type("application/n-triples", None) == "application/n-triples"
    assert resolve.data_type("", "rdfxml") == "application/rdf+xml" and resolve.data_type("", "x") is None
