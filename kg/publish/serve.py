"""`kg serve`: a SPARQL 1.1 endpoint over a built store, on the Python standard library.

Implements
- the SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/) at ``/query``: GET ``?query=``, POST
  ``application/sparql-query`` and ``application/x-www-form-urlencoded``; ``default-graph-uri`` /
  ``named-graph-uri`` (without them the default graph is the union of all graphs, as for ``kg query``);
  results by content negotiation (SPARQL JSON/XML/CSV/TSV; Turtle, N-Triples, RDF/XML, JSON-LD for graphs);
  400 with the parser's message on a syntax error; 403 for an update;
- ``/update`` (SPARQL 1.1 Update) and the Graph Store HTTP Protocol writes at ``/store``
  (https://www.w3.org/TR/sparql11-http-rdf-update/: GET/HEAD/PUT/POST/DELETE with ``?graph=IRI`` or
  ``?default``), both only with ``allow_update``; GSP GET is always allowed;
- named queries (``ontology/queries/*.rq``): ``GET /queries`` lists name, description and parameters;
  ``GET /queries/NAME?PARAM=VALUE`` runs one with its parameters bound (``kg.query.store.bind_parameters``),
  never pasted into the query text;
- the query page at ``/`` (``kg/web``) and the published JSON-LD context at ``/context.jsonld``.

Read-only (the default), every query runs in a worker process holding its own read-only handle on the store;
a query that passes the time limit is stopped by ending its worker (a thread could not be stopped) and
answered with 503. With ``allow_update`` queries run in threads over the written store (see ThreadRunner).
The server binds 127.0.0.1 unless told otherwise and warns loudly on any other address.
"""
from __future__ import annotations

import base64
import hmac
import ipaddress
import json
import multiprocessing
import queue
import re
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from kg.paths import WEB_DIR
from kg.query.store import QueryError, bind_parameters, named_queries, query_header, query_parameters

MAX_QUERY_BYTES = 1 << 20
UPDATE_WORDS = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b\s*(DATA|WHERE|GRAPH|SILENT|ALL|DEFAULT|NAMED|<|\{)",
    re.IGNORECASE)

RESULTS_FORMATS = {  # media type -> pyoxigraph format, for SELECT and ASK
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {  # media type -> pyoxigraph format, for CONSTRUCT/DESCRIBE results and GSP bodies
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
FORMAT_ALIASES = {  # ?format= shortcut (the page's download links use it)
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
    "tsv": "text/tab-separated-values", "ttl": "text/turtle", "turtle": "text/turtle",
    "nt": "application/n-triples", "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json",
}
STATIC = {"/": ("index.html", "text/html; charset=utf-8"), "/index.html": ("index.html", "text/html; charset=utf-8"),
          "/app.js": ("app.js", "text/javascript; charset=utf-8"),
          "/context.jsonld": ("context.jsonld", "application/ld+json")}


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


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


# ---------------------------------------------------------------- query workers


def is_update(text: str) -> bool:
    """True when ``text`` (that did not parse as a query) reads as a SPARQL Update."""
    return bool(UPDATE_WORDS.search(re.sub(r"(?m)#.*$", "", text)))


def negotiate(accept: str, offered: dict[str, object], default: str) -> str | None:
    """The offered media type that best fits an Accept header (q-values honoured; None = 406)."""
    if not accept.strip():
        return default
    best, best_q = None, 0.0
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mt, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if mt in ("*/*", "application/*", "text/*"):
            cand = default if default.startswith(mt[:-1]) or mt == "*/*" else next(
                (m for m in offered if m.startswith(mt[:-1])), None)
        else:
            cand = mt if mt in offered else None
        score = q - i * 1e-6  # earlier wins on ties
        if cand and q > 0 and score > best_q:
            best, best_q = cand, score
    return best


def execute(store: ox.Store, job: dict) -> tuple[int, str, bytes]:
    """Run one query job in a worker: (HTTP status, content type, body)."""
    try:
        sparql, subs = bind_parameters(job["query"], job.get("params") or {})
    except QueryError as e:
        return 400, "text/plain; charset=utf-8", str(e).encode()
    kw: dict = {"substitutions": subs or None}
    if job.get("default_graphs"):
        kw["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
    else:
        kw["use_default_graph_as_union"] = True
    if job.get("named_graphs"):
        kw["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    try:
        res = store.query(sparql, **kw)
        if isinstance(res, ox.QueryTriples):
            mt = negotiate(job.get("accept", ""), GRAPH_FORMATS, "text/turtle")
            if mt is None:
                return 406, "text/plain; charset=utf-8", b"no acceptable format for a graph result"
            body = res.serialize(format=GRAPH_FORMATS[mt])
        else:
            mt = negotiate(job.get("accept", ""), RESULTS_FORMATS, "application/sparql-results+json")
            if mt is None:
                return 406, "text/plain; charset=utf-8", b"no acceptable format for query results"
            body = res.serialize(format=RESULTS_FORMATS[mt])
    except SyntaxError as e:
        if is_update(job["query"]):
            return 403, "text/plain; charset=utf-8", b"this is a SPARQL Update: /query runs read queries only"
        return 400, "text/plain; charset=utf-8", f"SPARQL syntax error: {e}".encode()
    except ValueError as e:
        return 400, "text/plain; charset=utf-8", str(e).encode()
    except (OSError, RuntimeError) as e:
        return 500, "text/plain; charset=utf-8", f"query failed: {e}".encode()
    ctype = mt + ("; charset=utf-8" if mt.startswith("text/") or mt.endswith("json") else "")
    return 200, ctype, body


def _worker_main(conn, store_dir: str) -> None:
    from kg.query.store import open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    store = open_store(store_dir, read_only=True)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(execute(store, job))
        except (BrokenPipeError, OSError):
            return


class ThreadRunner:
    """Queries in threads of the server process, over the store it writes (``--allow-update``).

    RocksDB cannot be opened by other processes while this one writes it (a compaction deletes files a
    read-only opener still expects), so with updates on there are no worker processes: a query past the time
    limit is answered with 503 on time, but its thread runs on until the query ends.
    """

    def __init__(self, store: ox.Store, size: int, timeout: float):
        from concurrent.futures import ThreadPoolExecutor

        self.store, self.timeout = store, timeout
        self._pool = ThreadPoolExecutor(max_workers=max(1, size), thread_name_prefix="kg-query")

    def run(self, job: dict) -> tuple[int, str, bytes]:
        from concurrent.futures import TimeoutError as FutureTimeout

        future = self._pool.submit(execute, self.store, job)
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            future.cancel()
            raise HttpError(503, f"query abandoned: it ran longer than the time limit of {self.timeout:g} s "
                                 "(kg serve --timeout)") from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class QueryPool:
    """Worker processes, each with a read-only store handle; a query past its deadline ends its worker."""

    def __init__(self, store_dir: str, size: int, timeout: float):
        self.store_dir, self.timeout = store_dir, timeout
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._all: set = set()
        self._lock = threading.Lock()
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())

    def _spawn(self):
        parent, child = self._ctx.Pipe()
        p = self._ctx.Process(target=_worker_main, args=(child, self.store_dir), daemon=True, name="kg-query")
        p.start()
        child.close()
        with self._lock:
            self._all.add(p)
        return p, parent

    def _retire(self, worker) -> None:
        p, conn = worker
        conn.close()
        if p.is_alive():
            p.kill()
        p.join(5)
        with self._lock:
            self._all.discard(p)

    def run(self, job: dict) -> tuple[int, str, bytes]:
        deadline = time.monotonic() + self.timeout
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise HttpError(503, f"all query workers are busy; try again (time limit {self.timeout:g} s)",
                            {"Retry-After": "5"}) from None
        p, conn = worker
        try:
            conn.send(job)
            if conn.poll(max(0.0, deadline - time.monotonic())):
                res = conn.recv()
                self._idle.put(worker)
                return res
        except (EOFError, OSError):
            self._retire(worker)
            self._idle.put(self._spawn())
            raise HttpError(500, "the query worker died while running the query") from None
        self._retire(worker)
        self._idle.put(self._spawn())
        raise HttpError(503, f"query stopped: it ran longer than the time limit of {self.timeout:g} s "
                             "(kg serve --timeout)")

    def close(self) -> None:
        with self._lock:
            procs = list(self._all)
        for p in procs:
            p.kill()
        for p in procs:
            p.join(5)


# ---------------------------------------------------------------- HTTP


class KgServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, opts: ServeOptions):
        from kg.query.store import open_store

        self.opts = opts
        self.store = open_store(opts.store, read_only=not opts.allow_update)  # fails early if absent
        self.write_lock = threading.Lock()
        self.pool = (ThreadRunner(self.store, opts.workers, opts.timeout) if opts.allow_update
                     else QueryPool(opts.store, opts.workers, opts.timeout))
        self.auth_header = ("Basic " + base64.b64encode(opts.auth.encode()).decode()) if opts.auth else None
        family = socket.AF_INET6 if ":" in opts.host else socket.AF_INET
        self.address_family = family
        try:
            super().__init__((opts.host, opts.port), Handler)
        except OSError:
            self.pool.close()
            raise

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: KgServer
    server_version = "kg-serve/0.1"

    # -- plumbing

    def log_message(self, format, *args):  # noqa: A002 - BaseHTTPRequestHandler's signature
        if not self.server.opts.quiet:
            sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
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

    def _error(self, e: HttpError) -> None:
        self._send(e.status, "text/plain; charset=utf-8", (e.message + "\n").encode(), e.headers)

    def _body(self) -> bytes:
        n = self.headers.get("Content-Length")
        if n is None:
            raise HttpError(411, "a Content-Length header is required")
        n = int(n)
        limit = self.server.opts.max_upload if self._path().startswith("/store") else MAX_QUERY_BYTES
        if n > limit:
            raise HttpError(413, f"request body of {n} bytes is larger than the limit of {limit}")
        return self.rfile.read(n)

    def _path(self) -> str:
        return urlsplit(self.path).path

    def _args(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query, keep_blank_values=True)

    def _ctype(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def _check_auth(self) -> None:
        want = self.server.auth_header
        if want and not hmac.compare_digest((self.headers.get("Authorization") or "").encode(), want.encode()):
            raise HttpError(401, "authentication required", {"WWW-Authenticate": 'Basic realm="kg", charset="UTF-8"'})

    def _dispatch(self, method: str) -> None:
        try:
            self._check_auth()
            path = self._path()
            if path == "/query":
                self._query(method)
            elif path == "/update":
                self._update(method)
            elif path == "/store":
                self._gsp(method)
            elif path == "/queries":
                self._only(method, "GET", "HEAD")
                self._send(200, "application/json; charset=utf-8",
                           json.dumps(describe_named_queries(), ensure_ascii=False, indent=1).encode())
            elif path.startswith("/queries/"):
                self._only(method, "GET", "HEAD")
                self._named(unquote(path[len("/queries/"):]))
            elif path == "/flow":  # issue 18: the money-flow page (kg.publish.flow_page)
                self._only(method, "GET", "HEAD")
                from kg.publish.flow_page import flow_page
                a = {k: v[0] for k, v in self._args().items() if v}
                self._send(*flow_page(self.server.store, a.get("program"), a.get("year"), a.get("format")))
            elif path in STATIC:
                self._only(method, "GET", "HEAD")
                name, ctype = STATIC[path]
                self._send(200, ctype, (WEB_DIR / name).read_bytes())
            else:
                raise HttpError(404, f"no such resource {path}; see / for the query page, /query for SPARQL")
        except HttpError as e:
            self._error(e)
        except (ConnectionError, TimeoutError):
            pass

    def _only(self, method: str, *allowed: str) -> None:
        if method not in allowed:
            raise HttpError(405, f"{method} is not allowed here", {"Allow": ", ".join(allowed)})

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

    # -- SPARQL protocol

    def _accept(self, args: dict[str, list[str]]) -> str:
        fmt = (args.get("format") or [""])[0]
        if fmt:
            return FORMAT_ALIASES.get(fmt, fmt)
        return self.headers.get("Accept") or ""

    def _query(self, method: str) -> None:
        self._only(method, "GET", "POST", "HEAD")
        args = self._args()
        if method == "POST":
            ctype, body = self._ctype(), self._body()
            if ctype == "application/sparql-query":
                args.setdefault("query", []).append(body.decode("utf-8"))
            elif ctype == "application/x-www-form-urlencoded":
                for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                    args.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-update":
                raise HttpError(403, "updates are not accepted at /query")
            else:
                raise HttpError(415, f"POST /query wants application/sparql-query or a form, got {ctype or 'nothing'}")
        if "update" in args:
            raise HttpError(403, "updates are not accepted at /query" + (
                "; send them to /update" if self.server.opts.allow_update else " (read-only endpoint)"))
        queries = args.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            raise HttpError(400, "give exactly one non-empty 'query' parameter (SPARQL 1.1 Protocol)")
        self._run({"query": queries[0], "accept": self._accept(args),
                   "default_graphs": args.get("default-graph-uri"), "named_graphs": args.get("named-graph-uri")})

    def _named(self, name: str) -> None:
        qs = named_queries()
        if name not in qs:
            raise HttpError(404, f"no named query {name!r}; named queries: {', '.join(qs)}")
        args = self._args()
        params = {k: v[0] for k, v in args.items() if k != "format" and v and v[0].strip()}
        self._run({"query": qs[name].read_text(encoding="utf-8"), "params": params, "accept": self._accept(args)})

    def _run(self, job: dict) -> None:
        status, ctype, body = self.server.pool.run(job)
        self._send(status, ctype, body)

    # -- writes

    def _require_update(self) -> None:
        if not self.server.opts.allow_update:
            raise HttpError(403, "read-only endpoint: start kg serve with --allow-update to accept writes")

    def _wrote(self) -> None:
        self.server.store.flush()

    def _update(self, method: str) -> None:
        self._only(method, "POST")
        self._require_update()
        ctype, body = self._ctype(), self._body()
        if ctype == "application/sparql-update":
            text = body.decode("utf-8")
        elif ctype == "application/x-www-form-urlencoded":
            text = (parse_qs(body.decode("utf-8")).get("update") or [""])[0]
        else:
            raise HttpError(415, "POST /update wants application/sparql-update or a form with 'update'")
        with self.server.write_lock:
            try:
                self.server.store.update(text)
            except SyntaxError as e:
                raise HttpError(400, f"SPARQL Update syntax error: {e}") from None
            except (OSError, RuntimeError, ValueError) as e:
                raise HttpError(500, f"update failed: {e}") from None
            self._wrote()
        self._send(204, "text/plain", b"")

    def _graph(self) -> ox.NamedNode | ox.DefaultGraph:
        args = self._args()
        if "graph" in args and "default" in args:
            raise HttpError(400, "give either ?graph=IRI or ?default, not both")
        if "default" in args:
            return ox.DefaultGraph()
        g = (args.get("graph") or [""])[0]
        if not g:
            raise HttpError(400, "Graph Store Protocol: give ?graph=IRI or ?default")
        try:
            return ox.NamedNode(g)
        except ValueError as e:
            raise HttpError(400, f"bad graph IRI {g!r}: {e}") from None

    def _gsp(self, method: str) -> None:
        self._only(method, "GET", "HEAD", "PUT", "POST", "DELETE")
        g = self._graph()
        st = self.server.store
        exists = isinstance(g, ox.DefaultGraph) or st.contains_named_graph(g)
        if method in ("GET", "HEAD"):
            if not exists:
                raise HttpError(404, f"no graph {g.value}")
            mt = negotiate(self.headers.get("Accept") or "", GRAPH_FORMATS, "text/turtle")
            if mt is None:
                raise HttpError(406, "no acceptable RDF format")
            self._send(200, mt + "; charset=utf-8", st.dump(format=GRAPH_FORMATS[mt], from_graph=g))
            return
        self._require_update()
        if method == "DELETE":
            if not exists:
                raise HttpError(404, f"no graph {g.value}")
            with self.server.write_lock:
                if isinstance(g, ox.DefaultGraph):
                    st.clear_graph(g)
                else:
                    st.remove_graph(g)
                self._wrote()
            self._send(204, "text/plain", b"")
            return
        fmt = GRAPH_FORMATS.get(self._ctype())
        if fmt is None:
            raise HttpError(415, f"unsupported RDF media type {self._ctype() or '(none)'}; use "
                                 "text/turtle, application/n-triples, application/rdf+xml or application/ld+json")
        body = self._body()
        base = g.value if isinstance(g, ox.NamedNode) else None
        try:  # parse everything before touching the store
            triples = [q.triple for q in ox.parse(body, format=fmt, base_iri=base, without_named_graphs=True)]
        except SyntaxError as e:
            raise HttpError(400, f"cannot parse the {self._ctype()} body: {e}") from None
        with self.server.write_lock:
            if method == "PUT" and exists:
                st.clear_graph(g)
            elif not exists:
                st.add_graph(g)
            st.extend([ox.Quad(t.subject, t.predicate, t.object, g) for t in triples])
            self._wrote()
        self._send(201 if not exists else 204, "text/plain", b"")


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
