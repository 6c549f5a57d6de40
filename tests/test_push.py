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
