"""`kg push` (issue 6) against a real Graph Store Protocol server (`kg serve --allow-update`) on loopback:
batches, graph targets, authentication failure, retries through a proxy that answers 503 first."""
from __future__ import annotations

import socket
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.publish.push import PushError, PushOptions, graph_url, push
from tests.test_serve import NTT_DATA_KEIEI, empty_store, kg_serve, run_kg, seeds_build, select_json


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    return seeds_build(tmp_path_factory)


def store_quads(store_dir: Path) -> set[tuple[str, str, str, str]]:
    st = ox.Store.read_only(str(store_dir / "store"))
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in st}


def opts(endpoint: str, **kw) -> PushOptions:
    return PushOptions(endpoint=endpoint, sleep=lambda _s: None, **kw)


def test_push_every_named_graph_in_batches(build, tmp_path):
    target = empty_store(tmp_path / "target")
    with kg_serve(target, "--allow-update") as url:
        s = push(str(build), opts(f"{url}/store", batch_size=300))
        source = store_quads(build)
        graphs = {q[3] for q in source}
        assert s["graphs"] == len(graphs) and s["triples"] == len(source)
        assert s["requests"] > s["graphs"]  # several batches per graph: PUT then POSTs
        rows = select_json(url, f"SELECT ?c WHERE {{ ?c ?p ?o FILTER(STRENDS(STR(?c), '/corp/{NTT_DATA_KEIEI}')) }} LIMIT 1")
        assert rows
        again = push(str(build), opts(f"{url}/store", batch_size=300))  # PUT first: pushing again replaces
        assert again["triples"] == s["triples"]
    assert store_quads(target) == source


def test_push_union_into_one_graph(build, tmp_path):
    target = empty_store(tmp_path / "target")
    g = "http://publish.example/kg"
    with kg_serve(target, "--allow-update") as url:
        push(str(build), opts(f"{url}/store", graph=g, batch_size=1000))
    got = store_quads(target)
    union = {q[:3] for q in store_quads(build)}
    assert {q[3] for q in got} == {f"<{g}>"}
    assert {q[:3] for q in got} == union


def test_auth_failure_is_clear(build, tmp_path):
    target = empty_store(tmp_path / "target")
    with kg_serve(target, "--allow-update", "--auth", "pub:lish") as url:
        with pytest.raises(PushError) as e:
            push(str(build), opts(f"{url}/store"))
        assert f"{url}/store" in str(e.value) and "401" in str(e.value) and "--auth" in str(e.value)
        r = run_kg("push", "--store", str(build), "--endpoint", f"{url}/store", "--auth", "pub:wrong")
        assert r.returncode == 1 and "401" in r.stderr and "refused" in r.stderr
        r = run_kg("push", "--store", str(build), "--endpoint", f"{url}/store", env={"KG_PUSH_AUTH": "pub:lish"})
        assert r.returncode == 0, r.stderr
        assert "triples" in r.stdout


class FlakyProxy(ThreadingHTTPServer):
    """Forwards to ``upstream`` after answering the first ``failures`` requests with 503."""

    daemon_threads = True

    def __init__(self, upstream: str, failures: int):
        self.upstream, self.failures, self.seen = upstream, failures, 0
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), FlakyHandler)


class FlakyHandler(BaseHTTPRequestHandler):
    server: FlakyProxy

    def log_message(self, *args):
        pass

    def _forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            self.server.seen += 1
            fail = self.server.seen <= self.server.failures
        if fail:
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.send_header("Content-Length", "11")
            self.end_headers()
            self.wfile.write(b"overloaded\n")
            return
        headers = {k: v for k, v in self.headers.items() if k in ("Content-Type", "Authorization", "Accept")}
        req = urllib.request.Request(self.server.upstream + self.path, data=body or None, method=self.command,
                                     headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status, data = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, data = e.code, e.read()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_PUT = do_POST = do_GET = _forward  # noqa: N815


@contextmanager
def flaky(upstream: str, failures: int):
    proxy = FlakyProxy(upstream, failures)
    t = threading.Thread(target=proxy.serve_forever, daemon=True)
    t.start()
    try:
        yield proxy, f"http://127.0.0.1:{proxy.server_address[1]}"
    finally:
        proxy.shutdown()
        proxy.server_close()
        t.join(10)


def test_retries_on_503(build, tmp_path):
    target = empty_store(tmp_path / "target")
    waits: list[float] = []
    with kg_serve(target, "--allow-update") as url, flaky(url, failures=3) as (proxy, purl):
        s = push(str(build), PushOptions(endpoint=f"{purl}/store", retries=4, backoff=0.5, sleep=waits.append))
        assert s["retries"] == 3 and proxy.seen == s["requests"] + 3
        assert waits == [0.0, 0.0, 0.0]  # Retry-After: 0 from the server wins over the back-off
    assert store_quads(target) == store_quads(build)


def test_gives_up_after_retries(build, tmp_path):
    target = empty_store(tmp_path / "target")
    with kg_serve(target, "--allow-update") as url, flaky(url, failures=100) as (_proxy, purl):
        with pytest.raises(PushError) as e:
            push(str(build), opts(f"{purl}/store", retries=2))
    msg = str(e.value)
    assert f"{purl}/store" in msg and "503" in msg and "3 attempts" in msg and "overloaded" in msg


def test_unreachable_endpoint(build):
    with socket.socket() as s:  # a free port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(PushError, match=r"cannot reach http://127\.0\.0\.1:\d+/store after 2 attempts"):
        push(str(build), opts(f"http://127.0.0.1:{port}/store", retries=1))


def test_bad_endpoint_and_graph_url():
    with pytest.raises(PushError, match="http"):
        push("nowhere", opts("ftp://example.org/store"))
    assert graph_url("http://h/store", "http://g.example/a b") == "http://h/store?graph=http%3A%2F%2Fg.example%2Fa+b"
    assert graph_url("http://h/store?x=1", None) == "http://h/store?x=1&default"


# ---------------------------------------------------------------- an independent server: Oxigraph (PyPI `oxigraph`)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path):
    """`oxigraph serve` (the Oxigraph server from PyPI, not kg's code) on a free loopback port; yields its URL."""
    import shutil
    import subprocess
    import sys
    import time

    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.fail("the oxigraph server is not installed: pip install -e '.[test]' installs it (PyPI `oxigraph`)")
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=5):
                    break
            except (urllib.error.URLError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode(errors='replace')}")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        proc.stderr.close()


def test_push_to_oxigraph_server(build, tmp_path):
    """Every named graph into a real Oxigraph server; its SPARQL endpoint finds NTTデータ経営研究所, and its store,
    opened after the server stopped, holds exactly the quads of kg's store (pushing twice replaces)."""
    with oxigraph_server(tmp_path / "oxi") as url:
        s = push(str(build), opts(f"{url}/store", batch_size=400))
        s = push(str(build), opts(f"{url}/store", batch_size=400))
        rows = select_json(url, "SELECT ?c WHERE { GRAPH ?g { ?c ?p ?o } "
                                f"FILTER(STRENDS(STR(?c), '/corp/{NTT_DATA_KEIEI}')) }} LIMIT 1")
        assert rows and rows[0]["c"].endswith(NTT_DATA_KEIEI)
    source = store_quads(build)
    assert s["triples"] == len(source) and s["requests"] > s["graphs"] > 1
    got = {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
           for q in ox.Store.read_only(str(tmp_path / "oxi"))}
    assert got == source


def test_push_union_to_oxigraph_server_with_kg_cli(build, tmp_path):
    g = "http://publish.example/kg"
    with oxigraph_server(tmp_path / "oxi") as url:
        r = run_kg("push", "--store", str(build), "--endpoint", f"{url}/store", "--graph", g, "--batch-size", "700")
        assert r.returncode == 0, r.stderr
    got = {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
           for q in ox.Store.read_only(str(tmp_path / "oxi"))}
    assert {q[3] for q in got} == {f"<{g}>"}
    assert {q[:3] for q in got} == {q[:3] for q in store_quads(build)}


# ---------------------------------------------------------------- issue 23: redirects, truncation, credentials


class Recorder(ThreadingHTTPServer):
    """Records every request (method, path, Authorization) and answers 200 — the 'other origin'."""

    daemon_threads = True

    def __init__(self):
        self.requests: list[tuple[str, str, str | None]] = []
        super().__init__(("127.0.0.1", 0), RecorderHandler)


class RecorderHandler(BaseHTTPRequestHandler):
    server: Recorder

    def log_message(self, *args):
        pass

    def _any(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append((self.command, self.path, self.headers.get("Authorization")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_PUT = do_POST = _any  # noqa: N815


class Redirector(FlakyProxy):
    """Forwards PUTs to ``upstream``; answers POST batches with ``code`` and a Location on another origin."""

    def __init__(self, upstream: str, code: int, location: str):
        self.code, self.location = code, location
        super().__init__(upstream, failures=0)
        self.RequestHandlerClass = RedirectHandler


class RedirectHandler(FlakyHandler):
    server: Redirector

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(self.server.code)
        self.send_header("Location", self.server.location + self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextmanager
def serving(server):
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        t.join(10)


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_redirected_write_fails_and_sends_nothing_elsewhere(build, tmp_path, code):
    """Before: a 301/302/303 on a POST batch was followed as a GET to the other origin with the Authorization
    header, and the push reported success with those batches never stored."""
    with oxigraph_server(tmp_path / "oxi") as url, serving(Recorder()) as other:
        red = Redirector(url, code, other)
        with serving(red) as rurl:
            with pytest.raises(PushError) as e:
                push(str(build), opts(f"{rurl}/store", batch_size=300, auth="pub:s3cret-pw"))
            r = run_kg("push", "--store", str(build), "--endpoint", f"{rurl}/store", "--batch-size", "300",
                       "--auth", "pub:s3cret-pw")
    msg = str(e.value)
    assert f"redirected (HTTP {code}" in msg and other in msg and "POST" in msg and "--endpoint" in msg
    assert r.returncode == 1 and "redirected" in r.stderr and "Traceback" not in r.stderr
    assert "s3cret-pw" not in msg + r.stderr + r.stdout


def test_redirect_recorder_receives_nothing(build, tmp_path):
    """The other origin gets no request at all (so no credentials), for every redirect code."""
    rec = Recorder()
    with oxigraph_server(tmp_path / "oxi") as url, serving(rec) as other:
        for code in (301, 302, 303, 307, 308):
            with serving(Redirector(url, code, other)) as rurl, pytest.raises(PushError, match="redirected"):
                push(str(build), opts(f"{rurl}/store", batch_size=300, auth="pub:s3cret-pw"))
    assert rec.requests == []


class Truncator(FlakyProxy):
    """Forwards to ``upstream``, but the first ``cuts`` answers promise 100 bytes, send 10 and hang up."""

    def __init__(self, upstream: str, cuts: int):
        super().__init__(upstream, failures=0)
        self.cuts = cuts
        self.RequestHandlerClass = TruncateHandler


class TruncateHandler(FlakyHandler):
    server: Truncator

    def _cut_or_forward(self):
        with self.server.lock:
            cut = self.server.cuts > 0
            self.server.cuts -= 1
        if not cut:
            return self._forward()
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Length", "100")
        self.end_headers()
        self.wfile.write(b"0123456789")
        self.wfile.flush()
        self.close_connection = True

    do_PUT = do_POST = do_GET = _cut_or_forward  # noqa: N815


def test_truncated_response_is_retried(build, tmp_path):
    """Before: a response cut short (IncompleteRead) ended kg push with a traceback and no retry."""
    with oxigraph_server(tmp_path / "oxi") as url:
        with serving(Truncator(url, cuts=2)) as turl:
            s = push(str(build), opts(f"{turl}/store", retries=3))
        assert s["retries"] == 2
        with serving(Truncator(url, cuts=1000)) as turl:
            r = run_kg("push", "--store", str(build), "--endpoint", f"{turl}/store", "--retries", "1")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "truncated or malformed response" in r.stderr and "after 2 attempts" in r.stderr
    got = {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
           for q in ox.Store.read_only(str(tmp_path / "oxi"))}
    assert got == store_quads(build)


def test_credentials_in_endpoint_url_are_used_and_never_printed(build, tmp_path):
    """Before: `--endpoint http://user:pw@host/store` printed the password in the error."""
    port = _free_port()  # nobody listens: the error names the endpoint
    r = run_kg("push", "--store", str(build), "--endpoint", f"http://pub:s3cret-pw@127.0.0.1:{port}/store",
               "--retries", "0")
    assert r.returncode == 1 and f"http://127.0.0.1:{port}/store" in r.stderr
    assert "s3cret-pw" not in r.stderr + r.stdout and "Traceback" not in r.stderr
    target = empty_store(tmp_path / "target")
    with kg_serve(target, "--allow-update", "--auth", "pub:s3cret-pw") as url:
        host = url.removeprefix("http://")
        r = run_kg("push", "--store", str(build), "--endpoint", f"http://pub:s3cret-pw@{host}/store")
        assert r.returncode == 0, r.stderr
        assert f"to {url}/store" in r.stdout and "s3cret-pw" not in r.stdout + r.stderr
        r = run_kg("push", "--store", str(build), "--endpoint", f"http://pub:wrong-pw@{host}/store")
        assert r.returncode == 1 and "401" in r.stderr and "wrong-pw" not in r.stderr + r.stdout
    assert store_quads(target) == store_quads(build)
