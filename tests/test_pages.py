"""Issue 20 (part B): the linked-data pages of `kg serve` over the seeds build, on a real server on 127.0.0.1.

Every IRI kg mints answers 303 See Other to its HTML page or its data (Turtle, JSON-LD, … by Accept or ?format=),
which rdflib reads back to the triples about the IRI; the pages show the known values of seed 000 (住民基本台帳
ネットワークシステムセキュリティ対策経費) and of its contractor UQコミュニケーションズ; /search answers HTML and JSON;
every value is escaped."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
import rdflib

from tests.test_serve import http, kg_serve, seeds_build

BASE = "https://kg.example.org/"
UQ = "2010401075423"  # UQコミュニケーションズ株式会社, block C of seed 000, 0.2 百万円
JUKI = "342AC0000000081"  # 住民基本台帳法, cited by seed 000 (第30条の24から第30条の40まで, 第31条)
SEED0_TITLE = "住民基本台帳ネットワークシステムセキュリティ対策経費"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def raw(url: str, headers: dict | None = None):
    """(status, headers, body) without following redirects."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=120) as r:
            return r.status, r.headers, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    store = seeds_build(tmp_path_factory)
    with kg_serve(store) as url:
        yield url


@pytest.fixture(scope="module")
def seed0_program(served) -> str:
    """The program IRI of seed 000, found by /search (JSON): the first program result for its name."""
    status, headers, body = http(f"{served}/search?q={quote('住民基本台帳ネットワーク')}&kind=program",
                                 headers={"Accept": "application/json"})
    assert status == 200 and headers["Content-Type"].startswith("application/json"), body
    res = json.loads(body)["results"]
    assert res[0]["label"] == SEED0_TITLE and res[0]["kind"] == "program"
    assert res[0]["page"] == res[0]["program"][len(BASE) - 1:]  # /program/… : the IRI's own path
    return res[0]["program"]


def path_of(iri: str) -> str:
    assert iri.startswith(BASE)
    return "/" + iri[len(BASE):]


def test_entity_iri_answers_303_by_content_negotiation(served, seed0_program):
    p = path_of(seed0_program)
    status, h, _ = raw(served + p, {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert status == 303 and h["Location"] == "/page" + p and "Accept" in h["Vary"]
    status, h, _ = raw(served + p)  # no Accept: the page
    assert status == 303 and h["Location"] == "/page" + p
    status, h, _ = raw(served + p, {"Accept": "text/turtle"})
    assert status == 303 and h["Location"] == f"/data{p}?format=ttl"
    status, h, _ = raw(served + p, {"Accept": "application/ld+json;q=0.9, text/turtle;q=0.5"})
    assert status == 303 and h["Location"] == f"/data{p}?format=jsonld"
    status, h, _ = raw(served + p + "?format=nt")
    assert status == 303 and h["Location"] == f"/data{p}?format=nt"
    assert raw(served + p, {"Accept": "image/png"})[0] == 406
    assert raw(served + p + "?format=png")[0] == 400
    assert raw(served + "/corp/" + "1" * 13)[0] == 404  # minted shape, not in the store
    assert raw(served + "/program/2099/soumu/9999")[0] == 404
    assert raw(served + "/page/program/2099/soumu/9999")[0] == 404
    assert raw(served + "/data/program/2099/soumu/9999?format=ttl")[0] == 404
    assert raw(served + "/nothing-at-all")[0] == 404


@pytest.mark.parametrize("fmt,accept,rdflib_format", [
    ("ttl", "text/turtle", "turtle"), ("jsonld", "application/ld+json", "json-ld"),
    ("nt", "application/n-triples", "nt"), ("rdfxml", "application/rdf+xml", "xml")])
def test_data_documents_parse_with_rdflib_to_the_triples_about_the_iri(served, seed0_program, fmt, accept,
                                                                       rdflib_format):
    kg = rdflib.Namespace(BASE + "ns#")
    # follow the 303 with the Accept header kept, as a linked-data client does
    status, h, body = http(served + path_of(f"{BASE}corp/{UQ}"), headers={"Accept": accept})
    assert status == 200 and h["Content-Type"].startswith(accept), (status, h["Content-Type"])
    g = rdflib.Graph().parse(data=body, format=rdflib_format)
    corp = rdflib.URIRef(f"{BASE}corp/{UQ}")
    assert (corp, kg.corporateNumber, rdflib.Literal(UQ)) in g
    assert (corp, rdflib.RDF.type, kg.Corporation) in g
    payments = set(g.subjects(kg.payee, corp))  # the triples pointing at it are in its document too
    assert len(payments) == 1 and str(next(iter(payments))).endswith("/payment/C/1")
    # the program: its type, and its sheets pointing at it, with their labels absent (not about the IRI) but
    # the labels of what it points at present
    status, _, body = http(f"{served}/data{path_of(seed0_program)}?format={fmt}")
    assert status == 200
    g = rdflib.Graph().parse(data=body, format=rdflib_format)
    prog = rdflib.URIRef(seed0_program)
    assert (prog, rdflib.RDF.type, kg.Program) in g
    sheets = list(g.subjects(kg.program, prog))
    assert len(sheets) == 1 and "/sheet/2022/soumu/" in str(sheets[0])


def test_program_page_of_seed_000(served, seed0_program):
    status, h, page = http(served + path_of(seed0_program))  # 303 followed to /page/…
    assert status == 200 and h["Content-Type"].startswith("text/html")
    assert f'<h1 id="title">{SEED0_TITLE}</h1>' in page
    # sheets by year, budget (chart and table), payees with 法人番号 and amounts
    assert "<td>2022</td>" in page
    assert 'id="budget-chart"' in page and "2019年度 予算 4 百万円" in page and "2021年度 執行 2 百万円" in page
    assert '<td>2019</td><td class="num">4</td><td class="num">0</td><td class="num">4</td><td class="num">2</td>' \
        in page
    assert f'<a href="/corp/{UQ}">UQコミュニケーションズ株式会社</a>' in page
    assert f'<span class="houjin">{UQ}</span></td><td class="num">0.2</td>' in page
    # laws with e-Gov links and the articles cited
    assert f'<a href="/law/{JUKI}">住民基本台帳法</a>' in page
    assert f'<a class="egov" href="https://laws.e-gov.go.jp/law/{JUKI}">' in page
    assert "第30条の24から第30条の40まで" in page and "第31条" in page
    # policy position: 政策 / 施策 and the 事前分析表 達成手段 that names the program's 2017 sheet
    assert "電子自治体の推進" in page
    assert 'class="means"' in page and "2017年度 事前分析表 政策8" in page
    # money flows (blocks A, B, C paid by the ministry) and the findings link with its count
    assert 'id="flow-sankey"' in page and "UQコミュニケーションズ株式会社" in page
    assert f'href="/findings?target={quote(seed0_program, safe="")}"' in page and 'id="findings-count">0<' in page
    # related (kg.query.related) in a frame: its own document, links opening in the framing page
    assert f'<iframe id="related-frame" title="related" src="/page{path_of(seed0_program)}?section=related"' in page
    status, _, rel = http(f"{served}/page{path_of(seed0_program)}?section=related")
    assert status == 200 and '<base target="_top">' in rel and 'id="related-table"' in rel
    assert "same-statute" in rel and "社会保障・税に関わる番号制度に関するシステム構築等に要する経費" in rel
    assert http(f"{served}/page/corp/{UQ}?section=related")[0] == 404
    assert http(f"{served}/page{path_of(seed0_program)}?section=nonsense")[0] == 400


def test_corporation_law_concept_and_organisation_pages(served, seed0_program):
    status, _, page = http(f"{served}/corp/{UQ}")
    assert status == 200 and "<h1 id=\"title\">UQコミュニケーションズ株式会社</h1>" in page
    assert f'href="https://info.gbiz.go.jp/hojin/ichiran?hojinBango={UQ}"' in page
    assert f'href="https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo={UQ}"' in page
    assert f'<a href="{path_of(seed0_program)}">{SEED0_TITLE}</a>' in page and "総務省" in page
    status, _, page = http(f"{served}/law/{JUKI}")
    assert status == 200 and "昭和四十二年法律第八十一号" in page
    assert f'href="https://laws.e-gov.go.jp/law/{JUKI}"' in page
    assert f'<a href="{path_of(seed0_program)}">{SEED0_TITLE}</a>' in page  # a program citing it
    assert "第30条の24から第30条の40まで" in page
    status, _, page = http(f"{served}/org/soumu")
    assert status == 200 and '<h1 id="title">総務省</h1>' in page and "自治行政局" in page
    assert SEED0_TITLE in page
    # the 施策 of seed 000: its programs; its 政策 above it
    status, _, prog = http(served + path_of(seed0_program))
    measure = prog.split("施策: <a href=\"", 1)[1].split('"', 1)[0]
    status, _, page = http(served + measure)
    assert status == 200 and '<h1 id="title">電子自治体の推進</h1>' in page and "電子自治体</a>" in page
    assert SEED0_TITLE in page


def test_node_without_a_page_gets_the_generic_page(served):
    status, _, body = raw(f"{served}/data/corp/{UQ}?format=nt")
    payment = next(line.split()[0][1:-1] for line in body.splitlines() if "#payee>" in line)
    status, _, page = http(served + path_of(payment))
    assert status == 200
    assert "kg:amount" in page and ">0.2<" in page and "モバイルWi-Fi機器の使用料" in page
    assert f'<a href="/corp/{UQ}">UQコミュニケーションズ株式会社</a>' in page  # the neighbour by its label


def test_search_page_and_json(served):
    status, h, page = http(f"{served}/search?q={quote('住民基本台帳')}")
    assert status == 200 and h["Content-Type"].startswith("text/html") and 'id="search-results"' in page
    assert SEED0_TITLE in page and 'href="/program/' in page
    status, _, body = http(f"{served}/search?q={quote('住民基本台帳法')}&kind=law&format=json")
    res = json.loads(body)["results"]
    assert res and res[0]["iri"] == f"{BASE}law/{JUKI}" and res[0]["page"] == f"/law/{JUKI}"
    status, _, body = http(f"{served}/search?q={quote('の')}&format=json")  # no content word: a clear 400
    assert status == 400 and "error" in json.loads(body)
    assert http(f"{served}/search?q=x&kind=nonsense")[0] == 400
    assert http(f"{served}/search?q=x&limit=100000")[0] == 400
    status, _, page = http(f"{served}/search")  # the empty form
    assert status == 200 and 'id="search-form"' in page


def test_request_text_is_escaped(served):
    evil = '"><script>alert(1)</script>'
    status, _, page = http(f"{served}/search?q={quote(evil)}")
    assert "<script>" not in page and "&lt;script&gt;" in page
    status, _, body = raw(f"{served}/page/{quote('<script>', safe='')}")
    assert status == 404 and "<script>" not in body


def test_findings_page_links_back_to_the_entity(served):
    status, _, page = http(f"{served}/findings?target={quote(BASE + 'corp/' + UQ, safe='')}")
    assert status == 200 and f'<a id="target-page" href="/corp/{UQ}">' in page


def test_values_from_the_store_are_escaped(served, seed0_program, tmp_path_factory):
    """A label holding markup (a payee name, a law title) is shown as text on every page that prints it."""
    import pyoxigraph as ox

    from kg.publish.pages import jobs, render

    store = ox.Store()
    store.load(path=str(seeds_build(tmp_path_factory) / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for iri in (f"{BASE}corp/{UQ}", f"{BASE}law/{JUKI}"):
        store.add(ox.Quad(ox.NamedNode(iri), label, ox.Literal(evil + "名"), ox.DefaultGraph()))
    ctx = render.Ctx(BASE)
    for iri in (seed0_program, f"{BASE}corp/{UQ}", f"{BASE}law/{JUKI}", f"{BASE}org/soumu"):
        status, _, body = jobs.entity_page(store, iri, ctx)
        page = body.decode()
        assert status == 200 and "<script" not in page and "<img" not in page, iri
    page = jobs.entity_page(store, seed0_program, ctx)[2].decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;名" in page
    status, _, body = jobs.run_page(store, {"page": "data", "iri": f"{BASE}corp/{UQ}", "mt": "text/turtle",
                                            "base": BASE})
    g = rdflib.Graph().parse(data=body.decode(), format="turtle")  # and the data keeps the text as it is
    assert rdflib.Literal(evil + "名") in set(g.objects(rdflib.URIRef(f"{BASE}corp/{UQ}"), rdflib.RDFS.label))


def test_every_kind_of_iri_in_the_seeds_build_dereferences(served, tmp_path_factory):
    """Each shape of IRI kg minted in the seeds build (subjects, objects and graph names under the base, grouped by
    their path's words: program, corp, sheet/…/payment, …/block, …/flow, law/…/at, evaluation/…/means, source/…/lines,
    graph, fy, …) answers 303 to a page that opens (200, HTML) and to its data (Turtle that rdflib reads)."""
    import re

    nq = (seeds_build(tmp_path_factory) / "graph.nq").read_text(encoding="utf-8")
    iris = set(re.findall(r"<(https://kg\.example\.org/[^>#]+)>", nq))
    shapes: dict[str, list[str]] = {}
    for iri in sorted(iris):
        words = tuple(w for w in iri[len(BASE):].split("/") if re.fullmatch(r"[a-z][a-z-]*", w))
        shapes.setdefault("/".join(words), []).append(iri)
    assert len(shapes) >= 25, sorted(shapes)  # sheets, payments, blocks, flows, laws, articles, means, lines …
    for shape, members in sorted(shapes.items()):
        for iri in members[:2]:
            status, h, _ = raw(served + path_of(iri))
            assert status == 303, (shape, iri, status)
            status, h, page = http(served + path_of(iri))
            assert status == 200 and h["Content-Type"].startswith("text/html"), (shape, iri, status)
            assert f'<code id="iri">{iri}</code>' in page or f'<h1 id="title">{iri}</h1>' in page, (shape, iri)
            status, h, body = http(served + path_of(iri), headers={"Accept": "text/turtle"})
            assert status == 200 and h["Content-Type"].startswith("text/turtle"), (shape, iri, status)
            g = rdflib.Graph().parse(data=body, format="turtle")
            assert len(g) > 0, (shape, iri)  # a graph name: the graph's own triples (Graph Store Protocol)
            node = rdflib.URIRef(iri)
            assert (node, None, None) in g or (None, None, node) in g or shape.startswith("graph"), (shape, iri)


def test_chain_above_a_block_is_walked_and_unknown_depth_is_not_zero(tmp_path_factory):
    """Seed 003: block B (PwCコンサルティング) passes 6 百万円 to block H (Asia Wise法律事務所); who pays B is not in
    the sheet's text, so B's depth is unknown ("?"), never the organisation's 0."""
    from kg.publish.pages import data
    from kg.query.store import open_store

    store = open_store(seeds_build(tmp_path_factory))
    sheet = f"{BASE}sheet/2021/soumu/2021-%E7%B7%8F%E5%8B%99-20-0095"
    assert data.block_chain(store, f"{sheet}/block/H") == (None, "?:B. PwCコンサルティング合同会社",
                                                           "H. Asia Wise法律事務所")
    assert data.block_chain(store, f"{sheet}/block/B") == (None, None, "B. PwCコンサルティング合同会社")
