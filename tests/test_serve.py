"""`kg serve` (issues 6 and 8): a real SPARQL 1.1 Protocol endpoint over the seeds build, started as the CLI
command on a free loopback port and stopped at the end of each test module."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from base64 import b64encode
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest

from kg.publish.serve import ServeOptions, check_options, describe_named_queries, make_server, negotiate
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


# ---------------------------------------------------------------- hardening (issue 23): one test per defect


class Listener:
    """A plain HTTP listener on loopback that records every request line and answers one SPARQL JSON row."""

    ANSWER = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"from-listener"}}]}}'

    def __init__(self):
        self.requests: list[str] = []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            with c:
                c.settimeout(5)
                try:
                    self.requests.append(c.recv(65536).split(b"\r\n")[0].decode("latin-1"))
                    c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: "
                              + str(len(self.ANSWER)).encode() + b"\r\nConnection: close\r\n\r\n" + self.ANSWER)
                except OSError:
                    pass

    def close(self):
        self.sock.close()


def ssrf_queries(target: str) -> dict[str, str]:
    """SERVICE clauses in the spellings Oxigraph accepts (each verified to fetch on pyoxigraph 0.5)."""
    esc = target.replace("http", "\\u0068ttp", 1)
    return {
        "plain": f"SELECT * WHERE {{ SERVICE <{target}/plain> {{ ?s ?p ?o }} }}",
        "lower-case, silent": f"select * {{ service silent <{target}/lower> {{ ?s ?p ?o }} }}",
        "glued SILENT": f"SELECT * {{ SERVICESILENT<{target}/glued>{{?s ?p ?o}} }}",
        "prefixed name": f"PREFIX e: <{target}/> SELECT * {{ SERVICE e:pname {{ ?s ?p ?o }} }}",
        "SERVICE: read as SERVICE <:x>": f"PREFIX : <{target}/> SELECT * {{ SERVICE:colon {{ ?s ?p ?o }} }}",
        "comment between": f"SELECT * {{ SERVICE#x\n<{target}/comment> {{ ?s ?p ?o }} }}",
        "escaped IRI": f"SELECT * {{ SERVICE <{esc}/escaped> {{ ?s ?p ?o }} }}",
        "BASE + relative": f"BASE <{target}/> SELECT * {{ SERVICE <base> {{ ?s ?p ?o }} }}",
        "inside EXISTS": f"ASK {{ FILTER EXISTS {{ SERVICE <{target}/exists> {{ ?s ?p ?o }} }} }}",
        "CONSTRUCT": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{target}/construct> {{ ?s ?p ?o }} }}",
        "variable": f"SELECT * {{ VALUES ?u {{ <{target}/var> }} SERVICE ?u {{ ?s ?p ?o }} }}",
    }


def test_ssrf_service_is_refused_and_nothing_is_fetched(endpoint):
    """Issue 23: SERVICE made the read-only endpoint fetch any URL (a loopback admin page, by plain GET)."""
    listener = Listener()
    try:
        for label, q in ssrf_queries(listener.url).items():
            status, _h, body = http(f"{endpoint}/query?{urlencode({'query': q})}")
            assert status == 403 and "refused" in body, (label, status, body)
            status, _h, body = http(f"{endpoint}/query", q.encode(), "POST",
                                    {"Content-Type": "application/sparql-query"})
            assert status == 403, (label, status, body)
        # a named query's parameter is bound as a term: it cannot add a SERVICE either
        status, _h, _b = http(f"{endpoint}/queries/contractor-programs?"
                              + urlencode({"corp": f"{listener.url}/param> }} SERVICE <{listener.url}/x"}))
        assert status in (200, 400)
        # SERVICE inside a string, an IRI or a comment is no clause: the query runs
        harmless = ('SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1/>" AS ?x) '
                    '# SERVICE <http://127.0.0.1/>\n FILTER(?x != <http://example.org/SERVICE>) }')
        assert select_json(endpoint, harmless) == [{"x": "SERVICE <http://127.0.0.1/>"}]
        # FROM / FROM NAMED / DESCRIBE name graphs of the store: they run, and fetch nothing
        for q in (f"SELECT * FROM <{listener.url}/from> WHERE {{ ?s ?p ?o }}",
                  f"SELECT * FROM NAMED <{listener.url}/named> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                  f"DESCRIBE <{listener.url}/describe>"):
            assert http(f"{endpoint}/query?{urlencode({'query': q})}")[0] == 200, q
        time.sleep(0.3)
        assert listener.requests == []
    finally:
        listener.close()


def test_allow_service_lets_named_endpoints_through_only(build):
    listener = Listener()
    allowed = f"{listener.url}/sparql"
    try:
        with kg_serve(build, "--allow-service", allowed) as url:
            q = f"SELECT ?x WHERE {{ SERVICE <{allowed}> {{ ?x ?p ?o }} }}"
            assert select_json(url, q) == [{"x": "from-listener"}]  # the fetch happens when allowed
            status, _h, body = http(f"{url}/query?{urlencode({'query': ssrf_queries(listener.url)['plain']})}")
            assert status == 403 and "--allow-service" in body
        assert len(listener.requests) == 1 and listener.requests[0].startswith("POST /sparql ")
    finally:
        listener.close()


def test_update_load_and_jsonld_context_fetch_nothing(tmp_path):
    """With --allow-update, LOAD <url> and a JSON-LD body's remote @context are outbound fetches too."""
    listener = Listener()
    try:
        with kg_serve(empty_store(tmp_path), "--allow-update") as url:
            for upd in (f"LOAD <{listener.url}/load>", f"load silent <{listener.url}/load> INTO GRAPH <urn:g>",
                        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}/upd> {{ ?s ?p ?o }} }}"):
                status, _h, body = http(f"{url}/update", upd.encode(), "POST",
                                        {"Content-Type": "application/sparql-update"})
                assert status == 403 and "refused" in body, (upd, status, body)
            doc = json.dumps({"@context": f"{listener.url}/ctx", "@id": "http://x.example/a", "p": "1"})
            status, _h, body = http(f"{url}/store?graph=urn:g", doc.encode(), "PUT",
                                    {"Content-Type": "application/ld+json"})
            assert status == 400 and "context" in body.lower()
        time.sleep(0.3)
        assert listener.requests == []
    finally:
        listener.close()


def raw(port: int, data: bytes, timeout: float = 10.0, *, wait_close: bool = True) -> bytes:
    """Send raw bytes; read until the server closes (or ``timeout``, then raise)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        out = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return out
            out += chunk
            if not wait_close and b"\r\n\r\n" in out:
                return out


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def test_negative_content_length_is_400(endpoint):
    """Issue 23: `Content-Length: -1` bypassed the 1 MiB body limit (the server read to EOF: a 300 MiB body ran)."""
    head = (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: -1\r\n\r\nASK {}")
    with socket.create_connection(("127.0.0.1", port_of(endpoint)), timeout=10) as s:
        s.sendall(head)  # and keep the connection open, as an attacker streaming a body would
        reply = s.recv(65536)
    assert reply.startswith(b"HTTP/1.0 400") and b"Content-Length" in reply
    for bad in (b"+5", b"0x10", b"5, 5", b"\xd9\xa5"):
        reply = raw(port_of(endpoint), b"POST /query HTTP/1.1\r\nContent-Type: application/sparql-query\r\n"
                    b"Content-Length: " + bad + b"\r\n\r\nASK {}")
        assert reply.startswith(b"HTTP/1.0 400"), (bad, reply[:80])
    reply = raw(port_of(endpoint), b"POST /query HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                b"Content-Type: application/sparql-query\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n")
    assert reply.startswith(b"HTTP/1.0 411")


def test_client_mistakes_are_4xx_and_workers_survive(endpoint):
    """Issue 23: a bad default-graph-uri killed a query worker (500). Bad IRIs anywhere, a body that is not
    UTF-8, a bad named-query value: 400 with the reason, and the workers answer the next query."""
    ask = {"query": "ASK { ?s ?p ?o }"}
    for key in ("default-graph-uri", "named-graph-uri"):
        status, _h, body = http(f"{endpoint}/query?{urlencode({**ask, key: 'not an iri'})}")
        assert status == 400 and key in body, (key, status, body)
    status, _h, body = http(f"{endpoint}/queries/contractor-programs?{urlencode({'corp': 'http://a b/'})}")
    assert status == 400, body
    status, _h, body = http(f"{endpoint}/query", b"ASK { \xff }", "POST", {"Content-Type": "application/sparql-query"})
    assert status == 400 and "UTF-8" in body
    assert http(f"{endpoint}/query?query=%ff")[0] == 400
    status, _h, body = http(f"{endpoint}/query", b"query=ASK%ff", "POST",
                            {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and "UTF-8" in body
    for _ in range(4):  # both workers still there
        assert json.loads(http(f"{endpoint}/query?{urlencode(ask)}")[2])["boolean"] is True


def test_result_size_is_capped(build):
    """Issue 23: a 1 M-row result built a 494 MB body with no cap. Here the cap is 50 kB against the seeds."""
    with kg_serve(build, "--max-result-bytes", "50000") as url:
        for q in ("SELECT * WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }"):
            status, headers, body = http(f"{url}/query?{urlencode({'query': q})}")
            assert status == 422 and "--max-result-bytes" in body and len(body) < 1000, (q, status)
        rows = select_json(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 100")
        assert len(rows) == 100
        # the Graph Store Protocol read of a whole graph is capped the same way
        big = select_json(url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g "
                               "ORDER BY DESC(?n) LIMIT 1")[0]
        assert int(big["n"]) > 1000
        status, _h, body = http(f"{url}/store?{urlencode({'graph': big['g']})}")
        assert status == 422 and "--max-result-bytes" in body


@contextmanager
def in_process(store: Path, **kw):
    """kg serve's server in this process (to count its threads), on a free loopback port."""
    srv = make_server(ServeOptions(store=str(store), port=0, quiet=True, **kw))
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield srv, f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


def test_listen_backlog_holds_a_burst(build):
    """Issue 23: a listen backlog of 5 made connections past the 6th wait for a SYN retry (p99 ≈ 1 s)."""
    srv = make_server(ServeOptions(store=str(build), port=0, quiet=True, workers=1))
    try:  # not accepting yet: every connection of the burst must wait in the listen queue
        socks, failed = [], 0
        for _ in range(60):
            s = socket.socket()
            s.settimeout(0.5)
            try:
                s.connect(srv.server_address)
                socks.append(s)
            except OSError:
                failed += 1
                s.close()
        assert failed == 0 and len(socks) == 60
    finally:
        for s in socks:
            s.close()
        srv.server_close()


def test_silent_and_trickling_clients_are_dropped(build):
    """Issue 23: no socket timeouts: a client that sends nothing, or a byte now and then, held its thread forever."""
    with in_process(build, request_timeout=1.0, workers=1) as (srv, url):
        port = port_of(url)
        t0 = time.monotonic()
        reply = raw(port, b"", timeout=8)  # a socket timeout here = the server kept a silent connection open
        assert (reply == b"" or reply.startswith(b"HTTP/1.0 4")) and time.monotonic() - t0 < 4
        with socket.create_connection(("127.0.0.1", port), timeout=8) as s:
            t0, closed = time.monotonic(), False
            for ch in b"GET /queries HTTP/1.0\r\nX-Slow: " + b"a" * 100:
                try:
                    s.sendall(bytes([ch]))
                    s.settimeout(0.2)  # under the per-recv timeout: only the request deadline catches this
                    closed = s.recv(65536) == b""
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
                if closed:
                    break
            assert closed and time.monotonic() - t0 < 4, time.monotonic() - t0
        assert srv.dropped_slow >= 1
        assert http(f"{url}/queries")[0] == 200


def test_connection_cap_answers_503_and_recovers(build):
    """Issue 23: 3,000 half-open connections held a thread each and the server stopped answering for > 60 s."""
    with in_process(build, request_timeout=4.0, max_connections=4, workers=1) as (srv, url):
        port = port_of(url)
        before = threading.active_count()
        idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(200)]
        time.sleep(0.3)
        try:
            assert threading.active_count() - before <= 4
            status, headers, body = http(f"{url}/queries")
            assert status == 503 and "--max-connections" in body and headers["Retry-After"]
            assert srv.refused_busy >= 196
            time.sleep(4.5)  # the four held connections pass their request deadline and are closed
            t0 = time.monotonic()
            status, _h, body = http(f"{url}/queries")
            assert status == 200 and "contractor-programs" in body and time.monotonic() - t0 < 2
        finally:
            for s in idle:
                s.close()


LONG = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_long_queries_do_not_starve_short_ones(build):
    """Issue 23: two long queries held both workers and every other client waited the whole time limit."""
    with in_process(build, workers=2, timeout=8, long_after=0.5, long_lane=2) as (srv, url):
        results: dict[int, tuple] = {}

        def long_query(i):
            t0 = time.monotonic()
            results[i] = (*http(f"{url}/query?{urlencode({'query': LONG})}")[::2], time.monotonic() - t0)

        threads = [threading.Thread(target=long_query, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        time.sleep(1.0)  # both are in the long lane now
        short = []
        for _ in range(10):
            t0 = time.monotonic()
            rows = select_json(url, "SELECT (COUNT(*) AS ?n) { ?s a ?t }")
            short.append(time.monotonic() - t0)
            assert int(rows[0]["n"]) > 100
        assert max(short) < 3.0, short
        # a third long query while the lane is full is stopped early, with the reason
        t0 = time.monotonic()
        status, _h, body = http(f"{url}/query?{urlencode({'query': LONG})}")
        assert status == 503 and "--long-lane" in body and time.monotonic() - t0 < 4
        for t in threads:
            t.join(30)
        assert all(r[0] == 503 and "time limit" in r[1] for r in results.values()), results
        assert srv.pool.long_started == 2


def test_long_queries_do_not_starve_short_ones_with_updates_on(tmp_path):
    """With --allow-update queries run in threads that cannot be stopped: an abandoned one used to keep its pool
    slot, so two long queries made every later query wait behind them."""
    long4 = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 60^4 rows: seconds
    with in_process(empty_store(tmp_path), allow_update=True, workers=2, timeout=1) as (srv, url):
        data = " ".join(f"<http://x.example/{i}> <http://x.example/p> {i} ." for i in range(60))
        assert http(f"{url}/update", f"INSERT DATA {{ {data} }}".encode(), "POST",
                    {"Content-Type": "application/sparql-update"})[0] == 204
        codes: list[int] = []
        threads = [threading.Thread(target=lambda: codes.append(http(f"{url}/query?{urlencode({'query': long4})}")[0]))
                   for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        try:
            assert codes == [503, 503] and srv.pool.abandoned == 2  # both still running, abandoned
            t0 = time.monotonic()
            rows = select_json(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
            assert rows == [{"n": "60"}] and time.monotonic() - t0 < 1.0
        finally:
            for _ in range(600):  # leave no query burning CPU after the test
                if srv.pool.abandoned == 0:
                    break
                time.sleep(0.1)
