"""`kg export` (issue 6): every format round-trips to an isomorphic graph; the DCAT + VoID description
carries what a CKAN/DCAT portal harvests (sizes, checksums, media types, licence, coverage, counts)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib.namespace as ns
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.namespaces import PREFIXES
from kg.publish.export import CONTEXT_FILE, export, read_export
from tests.test_serve import NTT_DATA_KEIEI, run_kg, seeds_build

SPDX = ns.Namespace("http://spdx.org/rdf/terms#")


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    return seeds_build(tmp_path_factory)


@pytest.fixture(scope="module")
def exported(build, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("export") / "kg"
    return export(build, ["ttl", "nt", "nq", "jsonld"], out, issued="2025-01-01")


def store_quads(build: Path) -> set[ox.Quad]:
    return set(ox.Store.read_only(str(build / "store")))


def test_quads_round_trip(build, exported):
    source = store_quads(build)
    assert any(NTT_DATA_KEIEI in q.subject.value for q in source)
    for fmt in ("nq", "jsonld"):
        assert set(read_export(exported["files"][fmt])) == source, fmt


def test_triples_round_trip(build, exported):
    union = {q.triple for q in store_quads(build)}
    for fmt in ("ttl", "nt"):
        assert {q.triple for q in read_export(exported["files"][fmt])} == union, fmt


def test_isomorphic_with_an_independent_parser(build, exported):
    """rdflib (not pyoxigraph) reads the Turtle and the JSON-LD back; both are isomorphic to the store."""
    nt = (build / "graph.nt").read_text(encoding="utf-8")
    expected = Graph().parse(data=nt, format="nt")
    assert isomorphic(Graph().parse(exported["files"]["ttl"], format="turtle"), expected)
    ds = Dataset()
    ds.parse(exported["files"]["jsonld"], format="json-ld")  # the context is in the file: nothing to fetch
    union = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, expected)


def test_jsonld_embeds_the_published_context(exported):
    doc = json.loads(Path(exported["files"]["jsonld"]).read_text(encoding="utf-8"))
    beside = json.loads(Path(exported["context"]).read_text(encoding="utf-8"))
    assert beside == json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    assert beside["@context"] == PREFIXES  # the published context stays in step with kg.namespaces
    assert doc["@context"] == PREFIXES  # embedded: standard parsers need no URL (issue 20)
    keys = {k for g in doc["@graph"] for n in g.get("@graph", [g]) for k in n}
    assert "kg:legalBasis" in keys and "@type" in keys


def test_export_is_deterministic(build, exported, tmp_path):
    again = export(build, ["nq", "jsonld"], tmp_path / "again", issued="2025-01-01")
    for fmt in ("nq", "jsonld"):
        assert Path(again["files"][fmt]).read_bytes() == Path(exported["files"][fmt]).read_bytes()


def test_dcat_description(build, exported):
    g = Graph().parse(exported["dcat"], format="turtle")
    ds = next(g.subjects(ns.RDF.type, ns.DCAT.Dataset))
    assert (ds, ns.RDF.type, ns.VOID.Dataset) in g
    assert next(g.subjects(ns.DCAT.dataset, ds)) in set(g.subjects(ns.RDF.type, ns.DCAT.Catalog))
    assert g.value(ds, ns.DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    rights = {str(r) for r in g.objects(ds, ns.DCTERMS.rights)}
    assert any("出典" in r and "行政事業レビューシート" in r for r in rights)
    sources = {str(g.value(s, ns.DCTERMS.title)) for s in g.objects(ds, ns.DCTERMS.source)}
    assert "003_dbf95f44c3587854.txt" in sources
    n_triples = len((build / "graph.nt").read_text(encoding="utf-8").splitlines())
    assert g.value(ds, ns.VOID.triples) == Literal(n_triples, datatype=ns.XSD.integer)
    assert int(g.value(ds, ns.VOID.distinctSubjects)) > 100
    period = g.value(ds, ns.DCTERMS.temporal)
    start, end = str(g.value(period, ns.DCAT.startDate)), str(g.value(period, ns.DCAT.endDate))
    assert start.endswith("-04-01") and end.endswith("-03-31") and start < "2021" < end
    media = {}
    for dist in g.objects(ds, ns.DCAT.distribution):
        url = str(g.value(dist, ns.DCAT.downloadURL))
        name = url.rsplit("/", 1)[1]
        path = Path(exported["files"][name.rsplit(".", 1)[1]])
        assert path.name == name
        assert int(g.value(dist, ns.DCAT.byteSize)) == path.stat().st_size
        chk = g.value(dist, SPDX.checksum)
        assert g.value(chk, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(g.value(chk, SPDX.checksumValue)) == hashlib.sha256(path.read_bytes()).hexdigest()
        media[name.rsplit(".", 1)[1]] = str(g.value(dist, ns.DCAT.mediaType))
    assert media == {"ttl": "https://www.iana.org/assignments/media-types/text/turtle",
                     "nt": "https://www.iana.org/assignments/media-types/application/n-triples",
                     "nq": "https://www.iana.org/assignments/media-types/application/n-quads",
                     "jsonld": "https://www.iana.org/assignments/media-types/application/ld+json"}


def test_cli_export(build, tmp_path):
    out = tmp_path / "dist" / "graph.ttl"
    r = run_kg("export", "--store", str(build), "--format", "ttl", "--out", str(out),
               "--download-url", "https://data.example.jp/kg/", "--endpoint", "https://data.example.jp/sparql")
    assert r.returncode == 0, r.stderr
    g = Graph().parse(tmp_path / "dist" / "graph.dcat.ttl", format="turtle")
    assert (None, ns.DCAT.downloadURL, URIRef("https://data.example.jp/kg/graph.ttl")) in g
    assert (None, ns.VOID.sparqlEndpoint, URIRef("https://data.example.jp/sparql")) in g
    assert (tmp_path / "dist" / "context.jsonld").exists()
    r = run_kg("export", "--store", str(build), "--format", "rdfxml", "--out", str(tmp_path / "x"))
    assert r.returncode == 2 and "unknown export format" in r.stderr


VCARD = ns.Namespace("http://www.w3.org/2006/vcard/ns#")


def test_dcat_publisher_contact_spatial_theme_from_a_config_file_and_flags(build, tmp_path):
    """Issue 20: nothing hard-coded — the publisher and contact point come from the config file, flags override
    it, the values read back from the description, and it conforms to the DCAT-AP shapes."""
    cfg = tmp_path / "dcat.json"
    cfg.write_text(json.dumps({
        "publisher": {"name": "総務省 行政評価局", "name_en": "Administrative Evaluation Bureau, MIC",
                      "url": "https://www.soumu.go.jp/main_sosiki/hyouka/",
                      "type": "http://purl.org/adms/publishertype/NationalAuthority"},
        "contact": {"name": "行政事業レビュー担当", "email": "review@example.go.jp"},
        "dataset": {"themes": ["http://publications.europa.eu/resource/authority/data-theme/GOVE"],
                    "conforms_to": ["https://kg.example.org/ns"]}}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "d" / "graph.nt"
    r = run_kg("export", "--store", str(build), "--format", "nt", "--out", str(out), "--dcat-config", str(cfg),
               "--contact-url", "https://example.go.jp/contact")
    assert r.returncode == 0, r.stderr
    assert "warning: DCAT" not in r.stderr
    g = Graph().parse(tmp_path / "d" / "graph.dcat.ttl", format="turtle")
    ds = next(g.subjects(ns.RDF.type, ns.DCAT.Dataset))
    pub = g.value(ds, ns.DCTERMS.publisher)
    assert g.value(next(g.subjects(ns.RDF.type, ns.DCAT.Catalog)), ns.DCTERMS.publisher) == pub
    assert {str(n) for n in g.objects(pub, ns.FOAF.name)} == {"総務省 行政評価局", "Administrative Evaluation Bureau, MIC"}
    assert "kg" not in {str(n) for n in g.objects(pub, ns.FOAF.name)}
    assert g.value(pub, ns.FOAF.homepage) == URIRef("https://www.soumu.go.jp/main_sosiki/hyouka/")
    assert g.value(pub, ns.DCTERMS.type) == URIRef("http://purl.org/adms/publishertype/NationalAuthority")
    cp = g.value(ds, ns.DCAT.contactPoint)
    assert str(g.value(cp, VCARD.fn)) == "行政事業レビュー担当"
    assert g.value(cp, VCARD.hasEmail) == URIRef("mailto:review@example.go.jp")
    assert g.value(cp, VCARD.hasURL) == URIRef("https://example.go.jp/contact")  # the flag, over the file
    assert set(g.objects(ds, ns.DCTERMS.spatial)) == {  # Japan, by default
        URIRef("http://publications.europa.eu/resource/authority/country/JPN"), URIRef("https://sws.geonames.org/1861060/")}
    assert set(g.objects(ds, ns.DCAT.theme)) == {URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE")}
    assert set(g.objects(ds, ns.DCTERMS.conformsTo)) == {URIRef("https://kg.example.org/ns")}


def test_dcat_without_a_publisher_invents_none_and_says_what_is_missing(build, exported):
    from kg.publish.dcat import check

    g = Graph().parse(exported["dcat"], format="turtle")
    assert not list(g.objects(None, ns.DCTERMS.publisher)) and not list(g.objects(None, ns.DCAT.contactPoint))
    assert not list(g.objects(None, ns.FOAF.name))
    warnings = exported["dcat_warnings"]
    assert warnings == check(Path(exported["dcat"]).read_text(encoding="utf-8"))
    assert any("catalogue needs one publisher" in w for w in warnings)
    assert any("dataset needs a contact point" in w for w in warnings)
    assert len(warnings) == 3  # catalogue publisher, dataset publisher, dataset contact point


def test_dcat_config_errors_name_file_and_key(build, tmp_path):
    cfg = tmp_path / "bad.json"
    cfg.write_text(json.dumps({"publisher": {"nmae": "x"}}), encoding="utf-8")
    r = run_kg("export", "--store", str(build), "--format", "nt", "--out", str(tmp_path / "x.nt"),
               "--dcat-config", str(cfg))
    assert r.returncode == 2 and "bad.json" in r.stderr and "'nmae'" in r.stderr
