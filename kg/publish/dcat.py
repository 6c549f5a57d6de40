"""DCAT 3 + VoID description of an export, for CKAN (ckanext-dcat) and other DCAT portals.

Dataset: titles/descriptions (ja, en), licence CC BY 4.0 with the attribution text the Japanese government
standard terms of use ask for (出典), the source documents (dcterms:source), temporal coverage from the
fiscal years in the graph (Japanese fiscal years: 1 April to 31 March), VoID counts (triples, distinct
subjects/objects, properties, classes). Each distribution: download URL, media type (IANA IRI), format,
byte size, sha256 checksum (spdx:, as in DCAT-AP). References: https://www.w3.org/TR/vocab-dcat-3/,
https://www.w3.org/TR/void/, DCAT-AP 3 (spdx:checksum).

Who publishes the data is the publisher's to say, not kg's: publisher (name ja/en, homepage, type),
contactPoint (vCard: name, e-mail, URL), spatial coverage (default Japan), themes and the standards the dataset
conforms to come from a :class:`Publication` — flags of ``kg export`` or a config file (TOML or JSON,
``--dcat-config``; see ``load_publication``). Nothing is invented when they are not given: the description then
has no publisher or contact point, and :func:`check` (SHACL, ``kg/ontology/dcat-shapes.ttl``: what DCAT-AP 3
makes mandatory or recommends for a catalogue, dataset and distribution) lists what is missing.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, fields
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, VOID, XSD

from kg.namespaces import KG_NS, PREFIXES

SPDX = Namespace("http://spdx.org/rdf/terms#")
CC_BY_4 = URIRef("https://creativecommons.org/licenses/by/4.0/")
IANA = "https://www.iana.org/assignments/media-types/"
JPN = URIRef("http://publications.europa.eu/resource/authority/language/JPN")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# Japan, as the EU country authority and GeoNames name it (DCAT-AP recommends the former for dcterms:spatial)
JAPAN = ("http://publications.europa.eu/resource/authority/country/JPN", "https://sws.geonames.org/1861060/")
# EU data themes (DCAT-AP's controlled vocabulary for dcat:theme): government and public sector, economy
THEMES = ("http://publications.europa.eu/resource/authority/data-theme/GOVE",
          "http://publications.europa.eu/resource/authority/data-theme/ECON")


class PublicationError(ValueError):
    pass


@dataclass
class Publication:
    """Who publishes the dataset and what it covers (DCAT). Empty fields are left out of the description."""

    publisher: str | None = None  # name (Japanese or as the publisher writes it)
    publisher_en: str | None = None
    publisher_url: str | None = None  # the publisher's homepage (the agent itself is {base}publisher)
    publisher_type: str | None = None  # e.g. http://purl.org/adms/publishertype/NationalAuthority
    contact_name: str | None = None
    contact_email: str | None = None
    contact_url: str | None = None
    spatial: list[str] = field(default_factory=lambda: list(JAPAN))
    themes: list[str] = field(default_factory=lambda: list(THEMES))
    conforms_to: list[str] = field(default_factory=list)

    def updated(self, **values) -> Publication:
        """A copy with the values given (None and empty lists keep what is there): flags over the config file."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for k, v in values.items():
            if k not in data:
                raise PublicationError(f"unknown DCAT setting {k!r}; known: {', '.join(data)}")
            if v not in (None, [], ()):
                data[k] = list(v) if isinstance(data[k], list) else v
        return Publication(**data)


def load_publication(path: str | Path) -> Publication:
    """A Publication from a TOML (Python 3.11+) or JSON file::

        [publisher]
        name = "総務省 行政評価局"        # name_en, url, type as well
        [contact]
        name = "行政事業レビュー担当"      # email, url
        [dataset]
        spatial = ["http://publications.europa.eu/resource/authority/country/JPN"]
        themes = ["http://publications.europa.eu/resource/authority/data-theme/GOVE"]
        conforms_to = ["https://kg.example.org/ns"]

    (JSON: the same tables as objects.) A key kg does not know is an error naming the file and the key."""
    path = Path(path)
    try:
        if path.suffix == ".toml":
            import tomllib  # Python 3.11+

            data = tomllib.loads(path.read_text(encoding="utf-8"))
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
    except ModuleNotFoundError:
        raise PublicationError(f"{path}: TOML needs Python 3.11 or later; write the same tables as JSON") from None
    except (OSError, ValueError) as e:
        raise PublicationError(f"{path}: cannot read the DCAT config: {e}") from None
    known = {"publisher": {"name": "publisher", "name_en": "publisher_en", "url": "publisher_url",
                           "type": "publisher_type"},
             "contact": {"name": "contact_name", "email": "contact_email", "url": "contact_url"},
             "dataset": {"spatial": "spatial", "themes": "themes", "theme": "themes", "conforms_to": "conforms_to"}}
    values: dict = {}
    for table, entries in (data or {}).items():
        if table not in known or not isinstance(entries, dict):
            raise PublicationError(f"{path}: unknown table [{table}]; known: {', '.join(known)}")
        for k, v in entries.items():
            if k not in known[table]:
                raise PublicationError(f"{path}: unknown key {k!r} in [{table}]; known: {', '.join(known[table])}")
            if known[table][k] in ("spatial", "themes", "conforms_to") and isinstance(v, str):
                v = [v]
            values[known[table][k]] = v
    return Publication().updated(**values)

# provenance format of a source document -> (ja, en) attribution of the publisher
SOURCE_KINDS = {
    "txt": ("行政事業レビューシート・政策評価書（各府省庁公表）", "administrative project review sheets and policy "
            "evaluations published by the ministries of Japan"),
    "judgit": ("JUDGIT!（行政事業レビュー見える化サイト）", "JUDGIT! (administrative project review data site)"),
    "rs": ("行政事業レビューシステム（RSシステム）", "the administrative project review system (RS system)"),
}
SOURCE_KINDS["xlsx"] = SOURCE_KINDS["pdf"] = SOURCE_KINDS["txt"]
EGOV = ("e-Gov法令検索（デジタル庁）", "e-Gov law search (Digital Agency)")


@dataclass(frozen=True)
class Distribution:
    name: str  # file name
    ext: str
    media_type: str
    label: str
    byte_size: int
    sha256: str

    @classmethod
    def of_file(cls, path: str | Path, fmt) -> Distribution:
        path = Path(path)
        h = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return cls(path.name, fmt.ext, fmt.media_type, fmt.label, path.stat().st_size, h.hexdigest())


def _one(store: ox.Store, sparql: str):
    rows = list(store.query(sparql, use_default_graph_as_union=True))
    return rows[0] if rows else None


def statistics(store: ox.Store) -> dict:
    """VoID figures over the union graph."""
    out = {}
    for key, pattern in (("distinctSubjects", "DISTINCT ?s"), ("properties", "DISTINCT ?p"),
                         ("distinctObjects", "DISTINCT ?o")):
        out[key] = int(_one(store, f"SELECT (COUNT({pattern}) AS ?n) {{ ?s ?p ?o }}")["n"].value)
    out["classes"] = int(_one(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }")["n"].value)
    out["graphs"] = sum(1 for _ in store.named_graphs())
    terms = [r["t"].value for r in store.query("SELECT DISTINCT ?t { { ?s ?t ?o } UNION { ?s a ?t } }",
                                                 use_default_graph_as_union=True)]
    out["vocabularies"] = sorted({ns for ns in PREFIXES.values() if any(t.startswith(ns) for t in terms)})
    return out


def fiscal_years(store: ox.Store) -> tuple[int, int] | None:
    row = _one(store, f"SELECT (MIN(?y) AS ?a) (MAX(?y) AS ?b) {{ ?fy a <{KG_NS}FiscalYear> ; <{KG_NS}year> ?y }}")
    if row is None or row["a"] is None:
        return None
    return int(row["a"].value), int(row["b"].value)


def sources(store: ox.Store) -> list[tuple[str, str | None, str | None]]:
    """(IRI, title, format) of every source document, sorted."""
    q = (f"SELECT DISTINCT ?d ?t ?f {{ ?d a <{KG_NS}SourceDocument> . OPTIONAL {{ ?d <{DCTERMS}title> ?t }} "
         f"OPTIONAL {{ ?d <{DCTERMS}format> ?f }} }} ORDER BY ?d")
    return [(r["d"].value, r["t"].value if r["t"] else None, r["f"].value if r["f"] else None)
            for r in store.query(q, use_default_graph_as_union=True)]


def cites_egov(store: ox.Store) -> bool:
    return bool(store.query(f"ASK {{ ?l <{RDFS}seeAlso> ?u FILTER(STRSTARTS(STR(?u), \"https://laws.e-gov.go.jp/\")) }}",
                            use_default_graph_as_union=True))


def attribution(formats: set[str | None], egov: bool) -> tuple[str, str]:
    """(ja, en) rights statement naming the sources actually present."""
    kinds = [SOURCE_KINDS[f] for f in ("txt", "judgit", "rs") if f in formats or (f == "txt" and formats & {"xlsx", "pdf"})]
    if egov:
        kinds.append(EGOV)
    if not kinds:
        kinds = [SOURCE_KINDS["txt"]]
    ja = "CC BY 4.0。出典：" + "、".join(k[0] for k in kinds) + "を加工して作成。"
    en = "CC BY 4.0. Derived from " + ", ".join(k[1] for k in kinds) + "."
    return ja, en


def describe(store: ox.Store, dists: list[Distribution], *, base: str, counts: dict, endpoint: str | None = None,
             download_url: str | None = None, issued: str | None = None, context_url: str | None = None,
             publication: Publication | None = None) -> str:
    """Turtle text of a dcat:Catalog holding one dcat:Dataset (also a void:Dataset) and its distributions;
    publisher, contact point, coverage, themes and standards from ``publication`` (nothing invented)."""
    pubn = publication or Publication()
    base = base if base.endswith("/") else base + "/"
    download_url = download_url or base + "download/"
    if not download_url.endswith("/"):
        download_url += "/"
    issued = issued or dt.date.today().isoformat()
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("spdx", SPDX)
    g.bind("foaf", FOAF)
    g.bind("vcard", VCARD)
    cat, ds = URIRef(base + "catalog"), URIRef(base + "dataset")
    pub = URIRef(base + "publisher") if pubn.publisher else None
    g.add((cat, RDF.type, DCAT.Catalog))
    g.add((cat, DCTERMS.title, Literal("kg データカタログ", lang="ja")))
    g.add((cat, DCTERMS.title, Literal("kg data catalogue", lang="en")))
    g.add((cat, DCTERMS.description, Literal("行政事業レビュー・政策評価のナレッジグラフ", lang="ja")))
    g.add((cat, DCAT.dataset, ds))
    if pub is not None:
        g.add((cat, DCTERMS.publisher, pub))
        g.add((ds, DCTERMS.publisher, pub))
        g.add((pub, RDF.type, FOAF.Agent))
        g.add((pub, RDF.type, FOAF.Organization))
        g.add((pub, FOAF.name, Literal(pubn.publisher, lang="ja" if _japanese(pubn.publisher) else None)))
        if pubn.publisher_en:
            g.add((pub, FOAF.name, Literal(pubn.publisher_en, lang="en")))
        if pubn.publisher_url:
            g.add((pub, FOAF.homepage, URIRef(pubn.publisher_url)))
        if pubn.publisher_type:
            g.add((pub, DCTERMS.type, URIRef(pubn.publisher_type)))
    if pubn.contact_name or pubn.contact_email or pubn.contact_url:
        cp = URIRef(base + "dataset/contact")
        g.add((ds, DCAT.contactPoint, cp))
        g.add((cp, RDF.type, VCARD.Kind))
        g.add((cp, RDF.type, VCARD.Organization))
        g.add((cp, VCARD.fn, Literal(pubn.contact_name or pubn.publisher or pubn.contact_email or pubn.contact_url)))
        if pubn.contact_email:
            email = pubn.contact_email
            g.add((cp, VCARD.hasEmail, URIRef(email if email.startswith("mailto:") else "mailto:" + email)))
        if pubn.contact_url:
            g.add((cp, VCARD.hasURL, URIRef(pubn.contact_url)))
    for iri in pubn.spatial:
        g.add((ds, DCTERMS.spatial, URIRef(iri)))
        g.add((URIRef(iri), RDF.type, DCTERMS.Location))
    for iri in pubn.themes:
        g.add((ds, DCAT.theme, URIRef(iri)))
    for iri in pubn.conforms_to:
        g.add((ds, DCTERMS.conformsTo, URIRef(iri)))

    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCTERMS.identifier, Literal(base + "dataset")))
    g.add((ds, DCTERMS.title, Literal("行政事業レビュー・政策評価 ナレッジグラフ", lang="ja")))
    g.add((ds, DCTERMS.title, Literal("Knowledge graph of Japanese government spending reviews", lang="en")))
    g.add((ds, DCTERMS.description, Literal(
        "行政事業レビューシートと政策評価（事前分析表）から抽出した事業・予算・支出先・根拠法令・政策体系の RDF グラフ。"
        "各事実は出典文書と行番号に遡れる（prov:wasDerivedFrom）。", lang="ja")))
    g.add((ds, DCTERMS.description, Literal(
        "RDF graph of programs, budgets, payees, legal bases and policy hierarchy extracted from Japanese "
        "administrative project review sheets and policy evaluations; every fact links to its source document "
        "and lines (prov:wasDerivedFrom).", lang="en")))
    for kw, lang in (("行政事業レビュー", "ja"), ("政策評価", "ja"), ("予算", "ja"), ("支出先", "ja"),
                     ("government spending", "en"), ("linked data", "en")):
        g.add((ds, DCAT.keyword, Literal(kw, lang=lang)))
    g.add((ds, DCTERMS.language, JPN))
    g.add((ds, DCTERMS.issued, Literal(issued, datatype=XSD.date)))
    g.add((ds, DCTERMS.modified, Literal(issued, datatype=XSD.date)))
    g.add((ds, DCTERMS.license, CC_BY_4))
    g.add((CC_BY_4, RDF.type, DCTERMS.LicenseDocument))
    g.add((CC_BY_4, RDFS.label, Literal("Creative Commons Attribution 4.0 International (CC BY 4.0)")))

    srcs = sources(store)
    ja, en = attribution({f for _, _, f in srcs}, cites_egov(store))
    g.add((ds, DCTERMS.rights, Literal(ja, lang="ja")))
    g.add((ds, DCTERMS.rights, Literal(en, lang="en")))
    for iri, title, fmt in srcs:
        s = URIRef(iri)
        g.add((ds, DCTERMS.source, s))
        if title:
            g.add((s, DCTERMS.title, Literal(title)))
        if fmt:
            g.add((s, DCTERMS.format, Literal(fmt)))

    years = fiscal_years(store)
    if years:
        period = URIRef(base + "dataset/period")
        g.add((ds, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(f"{years[0]}-04-01", datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(f"{years[1] + 1}-03-31", datatype=XSD.date)))
        g.add((period, RDFS.label, Literal(f"{years[0]}年度–{years[1]}年度", lang="ja")))

    stats = statistics(store)
    g.add((ds, VOID.triples, Literal(counts["triples"], datatype=XSD.integer)))
    g.add((ds, VOID.distinctSubjects, Literal(stats["distinctSubjects"], datatype=XSD.integer)))
    g.add((ds, VOID.distinctObjects, Literal(stats["distinctObjects"], datatype=XSD.integer)))
    g.add((ds, VOID.properties, Literal(stats["properties"], datatype=XSD.integer)))
    g.add((ds, VOID.classes, Literal(stats["classes"], datatype=XSD.integer)))
    g.add((ds, RDFS.comment, Literal(f"{counts['quads']} quads in {stats['graphs']} named graphs "
                                     f"(one per source document); {counts['triples']} distinct triples", lang="en")))
    g.add((ds, VOID.uriSpace, Literal(base)))
    for ns in stats["vocabularies"]:
        g.add((ds, VOID.vocabulary, URIRef(ns)))
    if endpoint:
        svc = URIRef(base + "sparql-service")
        g.add((ds, VOID.sparqlEndpoint, URIRef(endpoint)))
        g.add((svc, RDF.type, DCAT.DataService))
        g.add((svc, DCAT.endpointURL, URIRef(endpoint)))
        g.add((svc, DCAT.servesDataset, ds))
        g.add((svc, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
        g.add((cat, DCAT.service, svc))

    for d in dists:
        node = URIRef(f"{base}dataset/distribution/{d.ext}")
        url = URIRef(download_url + d.name)
        g.add((ds, DCAT.distribution, node))
        g.add((ds, VOID.dataDump, url))
        g.add((node, RDF.type, DCAT.Distribution))
        g.add((node, DCTERMS.title, Literal(f"{d.label} dump ({d.name})", lang="en")))
        g.add((node, DCAT.downloadURL, url))
        g.add((node, DCAT.accessURL, url))
        g.add((node, DCAT.mediaType, URIRef(IANA + d.media_type)))
        g.add((node, DCTERMS.format, Literal(d.label)))
        g.add((node, DCAT.byteSize, Literal(d.byte_size, datatype=XSD.nonNegativeInteger)))
        g.add((node, DCTERMS.license, CC_BY_4))
        chk = URIRef(f"{base}dataset/distribution/{d.ext}/sha256")
        g.add((node, SPDX.checksum, chk))
        g.add((chk, RDF.type, SPDX.Checksum))
        g.add((chk, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((chk, SPDX.checksumValue, Literal(d.sha256, datatype=XSD.hexBinary)))
        if d.ext == "jsonld" and context_url:
            g.add((node, DCTERMS.conformsTo, URIRef(context_url)))
    return g.serialize(format="turtle")


def _japanese(text: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)


def check(turtle: str) -> list[str]:
    """What the description lacks against kg/ontology/dcat-shapes.ttl (DCAT-AP 3: mandatory and recommended
    properties of catalogue, dataset, distribution, publisher and contact point), one message each; [] when
    it conforms."""
    from pyshacl import validate

    from kg.paths import DCAT_SHAPES

    data = Graph().parse(data=turtle, format="turtle")
    shapes = Graph().parse(DCAT_SHAPES, format="turtle")
    _conforms, report, _text = validate(data, shacl_graph=shapes)
    sh = Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for r in report.subjects(RDF.type, sh.ValidationResult):
        focus, path, msg = report.value(r, sh.focusNode), report.value(r, sh.resultPath), report.value(r, sh.resultMessage)
        out.append(f"{focus}: {path.n3(data.namespace_manager) if path is not None else ''} {msg}".strip())
    return sorted(out)
