"""`kg serve`: a SPARQL 1.1 endpoint over a built store, on the Python standard library.

Implements
- the SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/) at ``/query``: GET ``?query=``, POST
  ``application/sparql-query`` and ``application/x-www-form-urlencoded``; ``default-graph-uri`` /
  ``named-graph-uri`` (without them the default graph is the union of all graphs, as for ``kg query``);
  results by content negotiation (SPARQL JSON/XML/CSV/TSV; Turtle, N-Triples, RDF/XML, JSON-LD for graphs);
  400 with the parser's message on a syntax error or a bad graph IRI; 403 for an update;
- ``/update`` and the Graph Store Protocol at ``/store`` (kg.publish.gsp), writes only with ``allow_update``;
- named queries (``ontology/queries/*.rq``): ``GET /queries`` lists name, description and parameters;
  ``GET /queries/NAME?PARAM=VALUE`` runs one with its parameters bound (``kg.query.store.bind_parameters``),
  never pasted into the query text;
- the query page at ``/`` (``kg/web``) and the published JSON-LD context at ``/context.jsonld``;
- ``GET /findings?kind=K&severity=S&target=IRI``: the findings about the official data (kg.publish.findings_page);
- linked data (issue 20, kg.publish.pages): every IRI under ``base`` dereferences — 303 See Other to its HTML page
  ``/page/…`` or its triples ``/data/…`` by content negotiation (why 303: kg.publish.pages) — and ``/search``.

Every path is one line of ``ROUTES`` (path, methods, function taking the request handler and the method).

Hardening (issue 23): no outbound fetch (``SERVICE``, ``LOAD``) unless ``allowed_services`` names the endpoint
(kg.publish.guard); a listen backlog of ``backlog``; a per-operation socket timeout and a deadline for reading
the request (``request_timeout``: a silent or trickling client is dropped); at most ``max_connections``
connections served at once (more wait in the listen queue for a moment, then get 503 without a thread); a request body needs a plain decimal Content-Length;
results are serialised into a capped buffer (``max_result_bytes``, else 422 with the reason); any client mistake
is a 4xx and a worker never dies of one.

Queries run in kg.publish.pool. Read-only (the default), every query runs in a worker process holding its own read-only handle on the store;
a query that passes the time limit is stopped by ending its worker (a thread could not be stopped) and
answered with 503. A query still running after ``long_after`` seconds moves to the long lane: its worker leaves
the pool and a fresh one takes its place, so at most ``long_lane`` long queries run at once and short queries
always find ``workers`` workers (a query past ``long_after`` with the lane full is stopped with 503).
With ``allow_update`` queries run in threads over the written store (see ThreadRunner).
The server binds 127.0.0.1 unless told otherwise and warns loudly on any other address.
"""
from __future__ import annotations

import base64
import hmac
import ipaddress
import json
import re
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from kg.iris import DEFAULT_BASE, norm_base
from kg.paths import WEB_DIR
from kg.publish import findings_page, gsp
from kg.publish.flow_page import flow_route
from kg.publish.guard import OutboundRefused, check_outbound
from kg.publish.pages import routes as pages
from kg.publish.pool import MAX_RESULT_DEFAULT, QueryPool, ThreadRunner, execute
from kg.publish.protocol import (
    FORMAT_ALIASES,
    TEXT,
    HttpError,
    check_iri,
    is_update,
    negotiate,
)
from kg.query.store import named_queries, query_header, query_parameters

__all__ = ["HttpError", "ROUTES", "Route", "ServeOptions", "check_options", "describe_named_queries", "execute",
           "is_update", "make_server", "negotiate", "serve"]

MAX_QUERY_BYTES = 1 << 20
MIN_UPLOAD_RATE = 1 << 20  # bytes/s a GSP upload must keep up, on top of request_timeout


@dataclass
class ServeOptions:
    store: str
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    allow_update: bool = False
    auth: str | None = None  # "user:password" -> HTTP Basic required on every request
    workers: int = 2
    max_upload: int = 1 << 30
    quiet: bool = False
    allowed_services: frozenset[str] = field(default_factory=frozenset)  # SERVICE/LOAD targets allowed
    backlog: int = 128  # listen queue
    request_timeout: float = 10.0  # seconds: each socket operation, and reading a whole request
    max_connections: int = 8  # connections served at once; more wait in the listen queue, then 503
    max_result_bytes: int = MAX_RESULT_DEFAULT  # serialised result size cap
    long_after: float = 1.0  # seconds after which a running query moves to the long lane
    long_lane: int = 2  # long queries at once (0: no lane, long queries keep their worker)
    base: str = DEFAULT_BASE  # the IRIs under it dereference (issue 20: kg.publish.pages)


# ---------------------------------------------------------------- named queries


def describe_named_queries() -> list[dict]:
    """[{name, description, parameters: [{name, description}], query}] from the header comments of each .rq.

    Header lines ``# name: …``, ``# answers: …`` and ``# param: ?x — …``; a ``VALUES ?x { UNDEF }`` the header
    does not mention is still listed as a parameter.
    """
    out = []
    for name, path in named_queries().items():
        text = path.read_text(encoding="utf-8")
        desc, params, free = [], {}, []
        for line in query_header(text):
            key, sep, val = line.partition(":")
            key = key.strip().lower()
            if sep and key in ("answers", "description"):
                desc.append(val.strip())
            elif sep and key == "param":
                m = re.match(r"\s*[?$]?([A-Za-z_][A-Za-z0-9_]*)\s*[—–:-]*\s*(.*)", val)
                if m:
                    params[m.group(1)] = m.group(2).strip()
            elif not (sep and key == "name"):
                free.append(line)
        for var in query_parameters(text):
            params.setdefault(var, "")
        out.append({"name": name, "description": " ".join(desc or free).strip(),
                    "parameters": [{"name": k, "description": v} for k, v in params.items()], "query": text})
    return out


# ---------------------------------------------------------------- routes


@dataclass(frozen=True)
class Route:
    """``path`` (exact, or a prefix when ``prefix``), the methods it answers, and ``fn(handler, method)``."""
    path: str
    methods: tuple[str, ...]
    fn: Callable[[Handler, str], None]
    prefix: bool = False


READ = ("GET", "HEAD")


def sparql_query(req: Handler, method: str) -> None:
    """/query: the SPARQL 1.1 Protocol query operation."""
    args = req.args()
    if method == "POST":
        ctype, body = req.ctype(), req.body()
        if ctype == "application/sparql-query":
            args.setdefault("query", []).append(req.text(body))
        elif ctype == "application/x-www-form-urlencoded":
            for k, v in req.form(body).items():
                args.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-update":
            raise HttpError(403, "updates are not accepted at /query")
        else:
            raise HttpError(415, f"POST /query wants application/sparql-query or a form, got {ctype or 'nothing'}")
    if "update" in args:
        raise HttpError(403, "updates are not accepted at /query" + (
            "; send them to /update" if req.server.opts.allow_update else " (read-only endpoint)"))
    queries = args.get("query") or []
    if len(queries) != 1 or not queries[0].strip():
        raise HttpError(400, "give exactly one non-empty 'query' parameter (SPARQL 1.1 Protocol)")
    graphs = {}
    for key in ("default-graph-uri", "named-graph-uri"):
        graphs[key] = [check_iri(g, key).value for g in args.get(key) or []]
    req.run_query({"query": queries[0], "accept": req.accept(args), "default_graphs": graphs["default-graph-uri"],
                   "named_graphs": graphs["named-graph-uri"]})


def list_named(req: Handler, method: str) -> None:
    """/queries: the named queries with their descriptions and parameters."""
    req.send(200, "application/json; charset=utf-8",
             json.dumps(describe_named_queries(), ensure_ascii=False, indent=1).encode())


def run_named(req: Handler, method: str) -> None:
    """/queries/NAME?PARAM=VALUE: one named query with its parameters bound."""
    name = unquote(req.path_only()[len("/queries/"):])
    qs = named_queries()
    if name not in qs:
        raise HttpError(404, f"no named query {name!r}; named queries: {', '.join(qs)}")
    args = req.args()
    params = {k: v[0] for k, v in args.items() if k != "format" and v and v[0].strip()}
    req.run_query({"query": qs[name].read_text(encoding="utf-8"), "params": params, "accept": req.accept(args)})


def static(name: str, ctype: str) -> Callable[[Handler, str], None]:
    """A route function answering with the file ``kg/web/NAME``."""
    def send_file(req: Handler, method: str) -> None:
        req.send(200, ctype, (WEB_DIR / name).read_bytes())
    return send_file


HTML = "text/html; charset=utf-8"
ROUTES: tuple[Route, ...] = (
    Route("/query", ("GET", "HEAD", "POST"), sparql_query),
    Route("/update", ("POST",), gsp.update),
    Route("/store", ("GET", "HEAD", "PUT", "POST", "DELETE"), gsp.graph_store),
    Route("/queries", READ, list_named),
    Route("/queries/", READ, run_named, prefix=True),
    Route("/", READ, static("index.html", HTML)),
    Route("/index.html", READ, static("index.html", HTML)),
    Route("/app.js", READ, static("app.js", "text/javascript; charset=utf-8")),
    Route("/context.jsonld", READ, static("context.jsonld", "application/ld+json")),
    Route("/findings", READ, findings_page.route),
    Route("/flow", READ, flow_route),  # issue 18: the money-flow page (Sankey + tree, or JSON)
    # issue 20: linked-data pages (kg.publish.pages): every other path under --base is an entity IRI (303)
    Route("/page/", READ, pages.page, prefix=True),
    Route("/data/", READ, pages.data_document, prefix=True),
    Route("/search", READ, pages.search),
    Route("/", READ, pages.entity, prefix=True),
)


def find_route(path: str, routes: tuple[Route, ...] = ROUTES) -> Route | None:
    """The exact route for ``path``, else the longest prefix route."""
    exact = next((r for r in routes if not r.prefix and r.path == path), None)
    if exact:
        return exact
    pre = [r for r in routes if r.prefix and path.startswith(r.path)]
    return max(pre, key=lambda r: len(r.path)) if pre else None


# ---------------------------------------------------------------- HTTP


SLOT_WAIT = 0.5  # seconds a connection past --max-connections waits for a slot before its 503
BUSY = (b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 2\r\n"
        b"Connection: close\r\nContent-Length: %d\r\n\r\n%s")


class KgServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, opts: ServeOptions):
        from kg.query.store import open_store

        self.opts = opts
        self.request_queue_size = max(1, opts.backlog)  # listen() backlog (socketserver's default is 5)
        self.store = open_store(opts.store, read_only=not opts.allow_update)  # fails early if absent
        self.write_lock = threading.Lock()
        self.pool = (ThreadRunner(self.store, opts.workers, opts.timeout) if opts.allow_update
                     else QueryPool(opts.store, opts.workers, opts.timeout, opts.long_after, opts.long_lane))
        self.auth_header = ("Basic " + base64.b64encode(opts.auth.encode()).decode()) if opts.auth else None
        self.address_family = socket.AF_INET6 if ":" in opts.host else socket.AF_INET
        self._slots = threading.BoundedSemaphore(max(1, opts.max_connections))
        self._saturated = threading.Event()
        self._watch: dict[int, tuple[float, socket.socket]] = {}
        self._watch_lock = threading.Lock()
        self._closing = threading.Event()
        self.refused_busy = self.dropped_slow = 0
        try:
            super().__init__((opts.host, opts.port), Handler)
        except OSError:
            self.pool.close()
            raise
        threading.Thread(target=self._reaper, name="kg-serve-reaper", daemon=True).start()

    # -- connection cap: at most max_connections handler threads. At the cap the accept loop waits a moment for a
    # slot (later connections wait in the listen queue, not in threads: under load this keeps the server fast),
    # then answers 503 without a thread; while slots stay taken (a wait has failed and none was freed since)
    # the 503 comes at once, so a flood of idle connections cannot queue up minutes of waiting.

    def process_request(self, request, client_address):
        if not self._slots.acquire(timeout=0 if self._saturated.is_set() else SLOT_WAIT):
            self._saturated.set()
            self.refused_busy += 1
            msg = f"too many open connections (kg serve --max-connections {self.opts.max_connections}); retry\n"
            try:
                request.settimeout(1.0)
                request.sendall(BUSY % (len(msg.encode()), msg.encode()))
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._release_slot()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._release_slot()

    def _release_slot(self) -> None:
        self._slots.release()
        self._saturated.clear()

    # -- request deadline: a client that has not sent its whole request in time is disconnected

    def watch(self, handler, seconds: float) -> None:
        with self._watch_lock:
            self._watch[id(handler)] = (time.monotonic() + seconds, handler.connection)

    def unwatch(self, handler) -> None:
        with self._watch_lock:
            self._watch.pop(id(handler), None)

    def _reaper(self) -> None:
        while not self._closing.wait(0.2):
            now = time.monotonic()
            with self._watch_lock:
                late = [k for k, (t, _) in self._watch.items() if t <= now]
                socks = [self._watch.pop(k)[1] for k in late]
            for s in socks:
                self.dropped_slow += 1
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def server_close(self) -> None:
        self._closing.set()
        super().server_close()
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: KgServer
    server_version = "kg-serve/0.1"

    # -- plumbing

    def setup(self) -> None:
        self.timeout = self.server.opts.request_timeout  # every recv/send (StreamRequestHandler.setup applies it)
        super().setup()
        self.server.watch(self, self.server.opts.request_timeout)

    def finish(self) -> None:
        self.server.unwatch(self)
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format, *args):  # noqa: A002 - BaseHTTPRequestHandler's signature
        if not self.server.opts.quiet:
            sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")

    def send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        if ctype.startswith("text/html"):
            self.send_header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def error(self, e: HttpError) -> None:
        self.send(e.status, TEXT, (e.message + "\n").encode(), e.headers)

    def body(self) -> bytes:
        """The request body: a plain decimal Content-Length within the limit, read before the deadline."""
        if self.headers.get("Transfer-Encoding"):
            raise HttpError(411, "chunked or other transfer codings are not accepted; send a Content-Length")
        n = (self.headers.get("Content-Length") or "").strip()
        if not n:
            raise HttpError(411, "a Content-Length header is required")
        if not n.isascii() or not n.isdigit():
            raise HttpError(400, f"bad Content-Length {n[:40]!r}: a non-negative decimal number is required")
        n = int(n)
        limit = self.server.opts.max_upload if self.path_only().startswith("/store") else MAX_QUERY_BYTES
        if n > limit:
            raise HttpError(413, f"request body of {n} bytes is larger than the limit of {limit}")
        self.server.watch(self, self.server.opts.request_timeout + n / MIN_UPLOAD_RATE)
        data = self.rfile.read(n)
        self.server.unwatch(self)
        if len(data) != n:
            raise HttpError(400, f"the body ended after {len(data)} of {n} bytes")
        return data

    @staticmethod
    def text(body: bytes) -> str:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as e:
            raise HttpError(400, f"the request body is not UTF-8: {e}") from None

    def form(self, body: bytes) -> dict[str, list[str]]:
        """An application/x-www-form-urlencoded body; 400 when it (or a %-escape in it) is not UTF-8."""
        try:
            return parse_qs(self.text(body), keep_blank_values=True, errors="strict")
        except UnicodeDecodeError as e:
            raise HttpError(400, f"the form is not UTF-8: {e}") from None

    def path_only(self) -> str:
        return urlsplit(self.path).path

    def args(self) -> dict[str, list[str]]:
        try:
            return parse_qs(urlsplit(self.path).query, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError as e:
            raise HttpError(400, f"the query string is not UTF-8: {e}") from None

    def ctype(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def accept(self, args: dict[str, list[str]]) -> str:
        fmt = (args.get("format") or [""])[0]
        if fmt:
            return FORMAT_ALIASES.get(fmt, fmt)
        return self.headers.get("Accept") or ""

    def _check_auth(self) -> None:
        want = self.server.auth_header
        if want and not hmac.compare_digest((self.headers.get("Authorization") or "").encode(), want.encode()):
            raise HttpError(401, "authentication required", {"WWW-Authenticate": 'Basic realm="kg", charset="UTF-8"'})

    def _dispatch(self, method: str) -> None:
        if method not in ("POST", "PUT"):
            self.server.unwatch(self)  # the whole request is in: no body to wait for
        try:
            self._check_auth()
            path = self.path_only()
            route = find_route(path)
            if route is None:
                raise HttpError(404, f"no such resource {path}; see / for the query page, /query for SPARQL")
            if method not in route.methods:
                raise HttpError(405, f"{method} is not allowed here", {"Allow": ", ".join(route.methods)})
            route.fn(self, method)
        except HttpError as e:
            self._answer_error(e)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception as e:  # noqa: BLE001 - one request's bug must not drop the connection unanswered
            traceback.print_exc(file=sys.stderr)
            self._answer_error(HttpError(500, f"internal error: {type(e).__name__}: {e}"))

    def _answer_error(self, e: HttpError) -> None:
        try:
            self.error(e)
        except (OSError, ValueError):
            self.close_connection = True

    def do_GET(self):  # noqa: N802 - http.server naming
        self._dispatch("GET")

    def do_HEAD(self):  # noqa: N802
        self._dispatch("HEAD")

    def do_POST(self):  # noqa: N802
        self._dispatch("POST")

    def do_PUT(self):  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self):  # noqa: N802
        self._dispatch("DELETE")

    # -- queries

    def run_query(self, job: dict) -> None:
        """Check the query for outbound fetches, run it in the pool, send its answer."""
        try:
            check_outbound(job["query"], self.server.opts.allowed_services)
        except OutboundRefused as e:
            raise HttpError(403, str(e)) from None
        job["max_bytes"] = self.server.opts.max_result_bytes
        status, ctype, body = self.server.pool.run(job)
        self.send(status, ctype, body)


# ---------------------------------------------------------------- start / stop


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(a[4][0]).is_loopback for a in socket.getaddrinfo(host, None))
        except OSError:
            return False


def check_options(opts: ServeOptions) -> list[str]:
    """Warnings to print before starting; raises ValueError for a combination refused outright."""
    warnings = []
    if not is_loopback(opts.host):
        if opts.allow_update and not opts.auth:
            raise ValueError(f"refusing --allow-update on the non-loopback address {opts.host} without --auth")
        warnings.append("!" * 72 + f"\n!! WARNING: kg serve is listening on {opts.host}, NOT loopback: anyone who can "
                        f"reach this\n!! machine can query{' and CHANGE' if opts.allow_update else ''} the store."
                        f"{'' if opts.auth else ' There is no authentication (--auth).'}\n" + "!" * 72)
    if opts.auth and ":" not in opts.auth:
        raise ValueError("--auth wants USER:PASSWORD")
    if opts.timeout <= 0:
        raise ValueError("--timeout must be positive")
    for name in ("request_timeout", "long_after"):
        if getattr(opts, name) <= 0:
            raise ValueError(f"--{name.replace('_', '-')} must be positive")
    for name in ("backlog", "max_connections", "max_result_bytes", "workers"):
        if getattr(opts, name) < 1:
            raise ValueError(f"--{name.replace('_', '-')} must be at least 1")
    if opts.long_lane < 0:
        raise ValueError("--long-lane must be 0 or more")
    if not re.match(r"https?://[^\s<>\"{}|\\^`/]+(/[^\s<>\"{}|\\^`#?]*)?$", opts.base or ""):
        raise ValueError(f"--base wants an absolute http(s) IRI without query or fragment, got {opts.base!r}")
    opts.base = norm_base(opts.base)  # ends with "/"; ValueError when not ASCII
    for url in opts.allowed_services:
        if not re.match(r"https?://[^\s<>\"{}|\\^`]+$", url):
            raise ValueError(f"--allow-service wants an absolute http(s) endpoint URL, got {url!r}")
    if opts.allowed_services:
        warnings.append("kg serve: SERVICE may call " + ", ".join(sorted(opts.allowed_services)))
    return warnings


def make_server(opts: ServeOptions) -> KgServer:
    for w in check_options(opts):
        print(w, file=sys.stderr, flush=True)
    return KgServer(opts)


def serve(opts: ServeOptions) -> int:
    """Run until SIGINT/SIGTERM; prints the address on stdout first (port 0 picks a free port)."""
    server = make_server(opts)
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"kg serve: http://{shown}:{port}/  (SPARQL endpoint /query, named queries /queries, "
          f"{'read-write: /update and /store' if opts.allow_update else 'read-only'}, "
          f"time limit {opts.timeout:g} s)", flush=True)

    def stop(_sig, _frame):
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, old)
        server.server_close()
        if opts.allow_update:
            server.store.flush()
    return 0
