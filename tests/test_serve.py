"""`kg serve` (issues 6 and 8): a real SPARQL 1.1 Protocol endpoint over the seeds build, started as the CLI
command on a free loopback port and stopped at the end of each test module."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from base64 import b64encode
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest

from kg.publish.serve import ServeOptions, check_options, describe_named_queries, negotiate
from tests.conftest import ROOT, SEEDS

NTT_DATA_KEIEI = "1010001143390"  # (株)エヌ・ティ・ティ・データ経営研究所 in the サイバーセキュリティ sheet
SOUMU_SETCHI = "総務省設置法"  # cited as 根拠法令 by four seed sheets


# ---------------------------------------------------------------- helpers shared with the other publish tests


def seeds_build(tmp_path_factory) -> Path:
    """`kg build seeds` once per test session (shared by test_serve/test_push/test_export/test_browser)."""
    out = tmp_path_factory.getbasetemp() / "publish-seeds-build"
    if not (out / "store" / "CURRENT").exists():
        r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEEDS), "--out", str(out), "--quiet"],
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, "CI": "1"})
        if r.returncode not in (0, 1) or not (out / "store" / "CURRENT").exists():
            pytest.fail(f"kg build seeds failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return out


def run_kg(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=300)


@contextmanager
def kg_serve(store: Path, *extra: str):
    """Start `kg serve --port 0` (a free loopback port); yield its base URL; stop it."""
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0",
                             "--quiet", *extra], cwd=ROOT, stdout=subprocess.PIPE, text=True)  # stderr inherited
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(60)
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line[0] if line else "")
    try:
        if not m:
            proc.kill()
            pytest.fail(f"kg serve did not start (its stderr is in the captured output): {line}")
        yield f"http://127.0.0.1:{m.group(1)}"
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        proc.stdout.close()


def http(url: str, data: bytes | None = None, method: str | None = None, headers: dict | None = None):
    """(status, headers, body text) without raising on HTTP errors."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.headers, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8")


def basic(user_pass: str) -> dict:
    return {"Authorization": "Basic " + b64encode(user_pass.encode()).decode()}


def select_json(url: str, query: str) -> list[dict]:
    status, _h, body = http(f"{url}/query?{urlencode({'query': query})}",
                            headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    return seeds_build(tmp_path_factory)


@pytest.fixture(scope="module")
def endpoint(build):
    with kg_serve(build, "--timeout", "2") as url:
        yield url


STATUTES = """PREFIX kg: <https://kg.example.org/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name (COUNT(DISTINCT ?sheet) AS ?sheets) WHERE {
  ?sheet a kg:ReviewSheet ; kg:legalBasis ?law . ?law rdfs:label ?name .
} GROUP BY ?name ORDER BY ?name"""


# ---------------------------------------------------------------- SPARQL protocol


def test_get_query_json(endpoint):
    rows = select_json(endpoint, f"SELECT ?c WHERE {{ ?c ?p ?o FILTER(STRENDS(STR(?c), '/corp/{NTT_DATA_KEIEI}')) }} LIMIT 1")
    assert rows and rows[0]["c"].endswith(f"/corp/{NTT_DATA_KEIEI}")


def test_post_sparql_query_csv(endpoint):
    status, headers, body = http(f"{endpoint}/query", STATUTES.encode(), "POST",
                                 {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = {r["name"]: r["sheets"] for r in csv.DictReader(io.StringIO(body))}
    assert rows[SOUMU_SETCHI] == "4"


def test_post_form_xml(endpoint):
    status, headers, body = http(f"{endpoint}/query", urlencode({"query": STATUTES}).encode(), "POST",
                                 {"Content-Type": "application/x-www-form-urlencoded",
                                  "Accept": "application/sparql-results+xml"})
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    names = [e.text for e in ET.fromstring(body).iterfind(".//r:binding[@name='name']/r:literal", ns)]
    assert SOUMU_SETCHI in names


def test_construct_negotiates_rdf(endpoint):
    q = (f"CONSTRUCT {{ ?c ?p ?o }} WHERE {{ ?c ?p ?o FILTER(STRENDS(STR(?c), '/corp/{NTT_DATA_KEIEI}')) }}")
    for accept, fmt in (("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES)):
        status, headers, body = http(f"{endpoint}/query?{urlencode({'query': q})}", headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(accept)
        triples = list(ox.parse(body.encode(), format=fmt))
        assert triples and all(t.subject.value.endswith(NTT_DATA_KEIEI) for t in triples)


def test_ask(endpoint):
    status, _h, body = http(f"{endpoint}/query?{urlencode({'query': 'ASK { ?s ?p ?o }'})}")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_syntax_error_is_400_with_message(endpoint):
    status, _h, body = http(f"{endpoint}/query?{urlencode({'query': 'SELECT ?x WHERE { ?x ?y }'})}")
    assert status == 400 and "SPARQL syntax error" in body and "1:" in body


def test_default_graph_uri_restricts(endpoint):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    everything = int(select_json(endpoint, q)[0]["n"])
    status, _h, body = http(f"{endpoint}/query?{urlencode({'query': q, 'default-graph-uri': 'http://nothing.example/'})}")
    assert everything > 1000 and status == 200
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"


def test_unacceptable_format_is_406(endpoint):
    status, _h, _b = http(f"{endpoint}/query?{urlencode({'query': 'ASK {}'})}", headers={"Accept": "image/png"})
    assert status == 406


# ---------------------------------------------------------------- read-only (issue 8)


@pytest.mark.parametrize("update", ["INSERT DATA { <http://a.example/> <http://b.example/> 1 }",
                                    "DROP ALL", "DELETE WHERE { ?s ?p ?o }"])
def test_updates_refused(endpoint, update):
    status, _h, body = http(f"{endpoint}/query", urlencode({"query": update}).encode(), "POST",
                            {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403, body
    status, _h, body = http(f"{endpoint}/update", update.encode(), "POST", {"Content-Type": "application/sparql-update"})
    assert status == 403 and "--allow-update" in body
    assert int(select_json(endpoint, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")[0]["n"]) > 1000


def test_graph_store_writes_refused(endpoint):
    status, _h, body = http(f"{endpoint}/store?graph=http://g.example/", b"<http://a.example/> <http://b.example/> 1 .",
                            "PUT", {"Content-Type": "text/turtle"})
    assert status == 403


# ---------------------------------------------------------------- named queries


def test_named_query_list():
    listed = {q["name"]: q for q in describe_named_queries()}
    assert {"shared-contractors", "shared-statutes", "policy-tree", "lineage", "top-payees"} <= set(listed)
    assert "law" in [p["name"] for p in listed["shared-statutes"]["parameters"]]
    assert listed["shared-statutes"]["description"]


def test_named_query_over_http(endpoint):
    status, _h, body = http(f"{endpoint}/queries")
    assert status == 200 and "shared-statutes" in {q["name"] for q in json.loads(body)}
    status, _h, body = http(f"{endpoint}/queries/shared-statutes", headers={"Accept": "application/sparql-results+json"})
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]
    assert status == 200
    assert {r["name"]: r["sheets"] for r in rows}[SOUMU_SETCHI] == "4"


def test_named_query_parameter_is_bound_not_pasted(endpoint):
    url = f"{endpoint}/queries/shared-statutes"
    status, _h, body = http(f"{url}?{urlencode({'law': SOUMU_SETCHI})}")
    names = [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert status == 200 and names == [SOUMU_SETCHI]
    evil = '" } } DELETE WHERE { ?s ?p ?o } #'
    status, _h, body = http(f"{url}?{urlencode({'law': evil})}")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    assert int(select_json(endpoint, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")[0]["n"]) > 1000


def test_unknown_named_query_is_404(endpoint):
    status, _h, body = http(f"{endpoint}/queries/{quote('no-such-query')}")
    assert status == 404 and "shared-statutes" in body


def test_page_and_context_served(endpoint):
    status, headers, body = http(f"{endpoint}/")
    assert status == 200 and 'id="results"' in body and headers["Content-Type"].startswith("text/html")
    assert "http://" not in re.sub(r'xmlns="[^"]*"', "", body.split("<script", 1)[1])  # no external CDN
    status, _h, body = http(f"{endpoint}/context.jsonld")
    assert status == 200 and json.loads(body)["@context"]["kg"] == "https://kg.example.org/ns#"


# ---------------------------------------------------------------- time limit


def test_query_timeout_stops_query_and_server_recovers(endpoint):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _h, body = http(f"{endpoint}/query?{urlencode({'query': runaway})}")
    assert status == 503 and "time limit" in body
    assert int(select_json(endpoint, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")[0]["n"]) > 1000


# ---------------------------------------------------------------- options


def test_loopback_default_and_loud_warning(tmp_path):
    assert check_options(ServeOptions(store=str(tmp_path))) == []
    warnings = check_options(ServeOptions(store=str(tmp_path), host="0.0.0.0"))
    assert warnings and "NOT loopback" in warnings[0]
    with pytest.raises(ValueError, match="--auth"):
        check_options(ServeOptions(store=str(tmp_path), host="0.0.0.0", allow_update=True))


def test_missing_store_is_a_clear_error(tmp_path):
    r = run_kg("serve", "--store", str(tmp_path / "nothing"), "--port", "0")
    assert r.returncode == 2 and "kg build" in r.stderr


def test_negotiate_honours_q_values():
    offered = {"text/csv": 1, "application/sparql-results+json": 1}
    assert negotiate("text/csv;q=0.5, application/sparql-results+json", offered, "text/csv") \
        == "application/sparql-results+json"
    assert negotiate("*/*", offered, "application/sparql-results+json") == "application/sparql-results+json"
    assert negotiate("", offered, "text/csv") == "text/csv"
    assert negotiate("image/png", offered, "text/csv") is None


# ---------------------------------------------------------------- read-write server


def empty_store(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    st = ox.Store(str(path / "store"))
    st.flush()
    del st
    return path


def test_auth_required(tmp_path):
    with kg_serve(empty_store(tmp_path), "--auth", "alice:s3cret") as url:
        status, headers, _b = http(f"{url}/query?{urlencode({'query': 'ASK {}'})}")
        assert status == 401 and headers["WWW-Authenticate"].startswith("Basic")
        status, _h, _b = http(f"{url}/query?{urlencode({'query': 'ASK {}'})}", headers=basic("alice:wrong"))
        assert status == 401
        status, _h, body = http(f"{url}/query?{urlencode({'query': 'ASK { ?s ?p ?o }'})}", headers=basic("alice:s3cret"))
        assert status == 200 and json.loads(body)["boolean"] is False


def test_graph_store_protocol_and_update(tmp_path):
    g = "http://graphs.example/g1"
    turtle = "text/turtle"
    with kg_serve(empty_store(tmp_path), "--allow-update") as url:
        gurl = f"{url}/store?{urlencode({'graph': g})}"
        assert http(gurl)[0] == 404
        status, _h, _b = http(gurl, b"<http://x.example/a> <http://x.example/p> 1 .", "PUT", {"Content-Type": turtle})
        assert status == 201
        status, _h, _b = http(gurl, b'<http://x.example/a> <http://x.example/p> "2" .', "POST",
                              {"Content-Type": "application/n-triples"})
        assert status == 204
        status, _h, body = http(gurl, headers={"Accept": "application/n-triples"})
        objects = sorted(t.object.value for t in ox.parse(body.encode(), format=ox.RdfFormat.N_TRIPLES))
        assert status == 200 and objects == ["1", "2"]
        # the query workers see the writes
        rows = select_json(url, f"SELECT ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} ORDER BY ?o")
        assert [r["o"] for r in rows] == ["1", "2"]
        status, _h, _b = http(gurl, b"<http://x.example/a> <http://x.example/p> 3 .", "PUT", {"Content-Type": turtle})
        assert status == 204
        assert [r["o"] for r in select_json(url, f"SELECT ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")] == ["3"]
        status, _h, body = http(gurl, b"this is not turtle", "PUT", {"Content-Type": turtle})
        assert status == 400 and "parse" in body
        assert [r["o"] for r in select_json(url, f"SELECT ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")] == ["3"]
        assert http(gurl, method="DELETE")[0] == 204
        assert http(gurl)[0] == 404
        status, _h, _b = http(f"{url}/update", b"INSERT DATA { <http://x.example/b> <http://x.example/p> 4 }", "POST",
                              {"Content-Type": "application/sparql-update"})
        assert status == 204
        assert select_json(url, "SELECT ?o WHERE { <http://x.example/b> ?p ?o }") == [{"o": "4"}]
        status, _h, body = http(f"{url}/store?default", headers={"Accept": "application/n-triples"})
        assert status == 200 and "<http://x.example/b>" in body
