"""`kg export`: dump a built store as Turtle, N-Triples, N-Quads or JSON-LD, with a DCAT + VoID description.

- ``nq`` and ``jsonld`` keep the named graphs (one per source document); ``ttl`` and ``nt`` hold their union.
- Output is deterministic: the same sorted, de-duplicated lines as ``kg build`` writes (kg.build.outputs.write_outputs).
- JSON-LD: the context (the prefixes of ``kg/web/context.jsonld``) is embedded in the document, so rdflib,
  pyld, pyoxigraph or any JSON-LD 1.1 processor reads the dump offline without kg (a context named by a URL
  under the placeholder base could not be fetched). The same context is written beside the dump and served
  by ``kg serve`` at ``/context.jsonld``; ``--context-url`` names where it is published (DCAT
  ``dcterms:conformsTo`` of the JSON-LD distribution). Property names and types are compact IRIs
  (``kg:amount``); node ids are absolute IRIs.
- Beside the dump(s): ``<stem>.dcat.ttl`` (kg.publish.dcat.describe) for CKAN/DCAT portals.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.build.outputs import write_outputs
from kg.iris import DEFAULT_BASE
from kg.paths import WEB_DIR
from kg.query.store import open_store

CONTEXT_FILE = WEB_DIR / "context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Format:
    ext: str
    media_type: str
    label: str
    rdf_format: ox.RdfFormat


FORMATS = {
    "ttl": Format("ttl", "text/turtle", "Turtle", ox.RdfFormat.TURTLE),
    "nt": Format("nt", "application/n-triples", "N-Triples", ox.RdfFormat.N_TRIPLES),
    "nq": Format("nq", "application/n-quads", "N-Quads", ox.RdfFormat.N_QUADS),
    "jsonld": Format("jsonld", "application/ld+json", "JSON-LD", ox.RdfFormat.JSON_LD),
}


class ExportError(Exception):
    pass


def default_context_url(base: str = DEFAULT_BASE) -> str:
    return base.rstrip("/") + "/ns/context.jsonld"


def context_prefixes() -> dict[str, str]:
    """prefix -> namespace IRI of the published JSON-LD context."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def out_paths(out: str | Path, formats: list[str]) -> dict[str, Path]:
    """One format: ``out`` as given. Several: ``out`` is a stem and each file gets its extension."""
    out = Path(out)
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ExportError(f"unknown export format {', '.join(bad) or '(none)'}; choose from {', '.join(FORMATS)}")
    if len(formats) == 1:
        return {formats[0]: out}
    stem = _stem(out)
    return {f: stem.with_name(f"{stem.name}.{f}") for f in dict.fromkeys(formats)}


def _stem(out: Path) -> Path:
    return out.with_suffix("") if out.suffix.lstrip(".") in FORMATS else out


def export(store_dir: str | Path, formats: list[str], out: str | Path, *, base: str = DEFAULT_BASE,
           context_url: str | None = None, download_url: str | None = None, endpoint: str | None = None,
           issued: str | None = None, publication=None) -> dict:
    """Write the dump(s), ``context.jsonld`` and ``<stem>.dcat.ttl``; return {"files": {fmt: path}, "counts", "dcat",
    "dcat_warnings"} — the warnings list what the description lacks for DCAT-AP (kg.publish.dcat.check), e.g. a
    publisher when ``publication`` (kg.publish.dcat.Publication) names none."""
    from kg.publish.dcat import Distribution, check, describe

    paths = out_paths(out, formats)
    store = open_store(store_dir)
    first = next(iter(paths.values()))
    first.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".kg-export-", dir=first.parent))
    try:
        raw = tmp / "raw.nq"
        store.dump(str(raw), ox.RdfFormat.N_QUADS)
        with raw.open(encoding="utf-8") as f:
            counts = write_outputs(f, tmp)
        made = {"ttl": tmp / "graph.ttl", "nt": tmp / "graph.nt", "nq": tmp / "graph.nq"}
        if "jsonld" in paths:
            write_jsonld(tmp / "graph.nq", paths["jsonld"])
        for fmt, path in paths.items():
            if fmt != "jsonld":
                shutil.move(made[fmt], path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.copyfile(CONTEXT_FILE, first.parent / "context.jsonld")
    dists = [Distribution.of_file(p, FORMATS[f]) for f, p in paths.items()]
    stem = _stem(Path(out))
    dcat_path = stem.with_name(stem.name + ".dcat.ttl")
    text = describe(store, dists, base=base, counts=counts, endpoint=endpoint, issued=issued,
                    download_url=download_url, context_url=context_url, publication=publication)
    dcat_path.write_text(text, encoding="utf-8")
    return {"files": {f: str(p) for f, p in paths.items()}, "counts": counts, "dcat": str(dcat_path),
            "context": str(first.parent / "context.jsonld"), "dcat_warnings": check(text)}


# ---------------------------------------------------------------- JSON-LD


def _compact(iri: str, prefixes: list[tuple[str, str]]) -> str:
    for prefix, ns in prefixes:
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _node_id(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _value(term, prefixes) -> dict | str:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": _compact(term.datatype.value, prefixes)}
    return {"@id": _node_id(term)}


def write_jsonld(nquads: Path, out: Path, context: str | dict | None = None) -> None:
    """JSON-LD from sorted N-Quads: one ``@graph`` object per named graph, node objects sorted by id. The
    ``@context`` is embedded (kg's prefixes) unless ``context`` names another (a URL, or a context object)."""
    prefixes = sorted(context_prefixes().items(), key=lambda kv: -len(kv[1]))
    graphs: dict[str, dict[str, dict[str, list]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    with nquads.open("rb") as f:
        for q in ox.parse(f, format=ox.RdfFormat.N_QUADS):
            g = "" if isinstance(q.graph_name, ox.DefaultGraph) else _node_id(q.graph_name)
            node = graphs[g][_node_id(q.subject)]
            if q.predicate.value == RDF_TYPE and not isinstance(q.object, ox.Literal):
                node["@type"].append(_compact(_node_id(q.object), prefixes))
            else:
                node[_compact(q.predicate.value, prefixes)].append(_value(q.object, prefixes))

    def nodes(subjects: dict) -> list[dict]:
        return [{"@id": s, **{k: subjects[s][k] for k in sorted(subjects[s])}} for s in sorted(subjects)]

    top: list[dict] = nodes(graphs.pop("")) if "" in graphs else []
    top += [{"@id": g, "@graph": nodes(graphs[g])} for g in sorted(graphs)]
    with out.open("w", encoding="utf-8") as f:
        json.dump({"@context": context if context is not None else context_prefixes(), "@graph": top}, f,
                  ensure_ascii=False, indent=1)
        f.write("\n")


def read_jsonld(path: str | Path, context_file: str | Path | None = None) -> list[ox.Quad]:
    """Parse an exported JSON-LD file. Dumps carry their context; one written by an older kg names it by URL,
    which is resolved to a local copy of the published context (``context.jsonld`` beside the file, else
    ``kg/web/context.jsonld``) as a JSON-LD document loader would."""
    path = Path(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(doc.get("@context"), str):
        local = Path(context_file) if context_file else path.with_name("context.jsonld")
        if not local.exists():
            local = CONTEXT_FILE
        doc["@context"] = json.loads(local.read_text(encoding="utf-8"))["@context"]
    return list(ox.parse(json.dumps(doc).encode("utf-8"), format=ox.RdfFormat.JSON_LD))


def read_export(path: str | Path) -> list[ox.Quad]:
    """Re-import an exported file (format from its extension)."""
    path = Path(path)
    if path.suffix == ".jsonld":
        return read_jsonld(path)
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if fmt is None:
        raise ExportError(f"cannot tell the RDF format of {path}")
    with path.open("rb") as f:
        return list(ox.parse(f, format=fmt))
