"""`kg push`: upload a built store to a SPARQL 1.1 Graph Store HTTP Protocol endpoint.

https://www.w3.org/TR/sparql11-http-rdf-update/ — indirect graph identification (``?graph=IRI`` or
``?default`` on the service URL). Each target graph is sent in batches of N-Triples: the first batch with
PUT (replaces what the server holds, so pushing again gives the same graph), the rest with POST (merge).
Without ``--graph`` every named graph of the store goes to the graph of the same name (and the default graph,
if not empty, to ``?default``); with ``--graph IRI`` the union of all graphs goes to that one graph.

Transient failures (connection errors, truncated or malformed responses, HTTP 408/425/429/5xx) are retried
with exponential back-off (``Retry-After`` honoured); authentication failures and other client errors stop at
once with a message naming the endpoint and the HTTP status.

Redirects are never followed: a 3xx answer to a PUT/POST batch is a failure (urllib would repeat a redirected
POST as a GET without its body, possibly to another origin and carrying the Authorization header, and report
success with nothing stored). Credentials written in the endpoint URL (``http://user:pw@host/store``) are taken
out of it, sent as HTTP Basic only to that endpoint, and never printed: every message names the URL without them.
"""
from __future__ import annotations

import base64
import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

import pyoxigraph as ox

from kg.query.store import open_store

RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


class PushError(Exception):
    pass


@dataclass
class PushOptions:
    endpoint: str
    graph: str | None = None
    batch_size: int = 50_000  # triples per request
    retries: int = 4  # extra attempts per request after the first
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    auth: str | None = None  # "user:password" for HTTP Basic
    timeout: float = 120.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    log: Callable[[str], None] | None = field(default=None, repr=False)
    quiet: bool = False  # no progress bar (it is drawn only when stderr is a terminal anyway)


def split_credentials(url: str) -> tuple[str, str | None]:
    """(the URL without user:password@, "user:password" or None)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, host = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=host)), unquote(userinfo)


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every secret (and its user:password@ form) replaced by ***."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, "***")
        if ":" in secret:
            text = text.replace(secret.split(":", 1)[1], "***")
    return text


def check_endpoint(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError("--endpoint must be an http(s) URL of a Graph Store Protocol service, got "
                        f"{split_credentials(url)[0]!r}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Turns every redirect into an HTTPError (3xx) instead of following it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def graph_url(endpoint: str, graph: str | None) -> str:
    """The service URL with ``?graph=IRI`` (or ``?default`` when graph is None)."""
    sep = "&" if "?" in endpoint else "?"
    return endpoint + sep + (urlencode({"graph": graph}) if graph else "default")


def targets(store: ox.Store, graph: str | None) -> list[tuple[str | None, Callable[[], Iterator[ox.Quad]]]]:
    """(target graph IRI or None for the default graph, quad source) pairs in a stable order."""
    if graph:
        return [(graph, lambda: iter(store))]
    out: list = []
    default = ox.DefaultGraph()
    if next(iter(store.quads_for_pattern(None, None, None, default)), None) is not None:
        out.append((None, lambda: store.quads_for_pattern(None, None, None, default)))
    for g in sorted(store.named_graphs(), key=lambda n: n.value):
        if isinstance(g, ox.NamedNode):
            out.append((g.value, lambda g=g: store.quads_for_pattern(None, None, None, g)))
    return out


def batches(quads: Iterable[ox.Quad], size: int) -> Iterator[list[ox.Triple]]:
    it = (q.triple for q in quads)
    while chunk := list(islice(it, size)):
        yield chunk


def _send(url: str, method: str, body: bytes, opts: PushOptions) -> int:
    """One request with retries; returns the number of retries used."""
    headers = {"Content-Type": "application/n-triples; charset=utf-8", "User-Agent": "kg-push/0.1"}
    if opts.auth:
        headers["Authorization"] = "Basic " + base64.b64encode(opts.auth.encode("utf-8")).decode("ascii")
    for attempt in range(opts.retries + 1):
        last = attempt == opts.retries
        wait = opts.backoff * (2 ** attempt)
        try:
            req = urllib.request.Request(url, data=body, method=method, headers=headers)
            with _OPENER.open(req, timeout=opts.timeout) as resp:
                resp.read()
                return attempt
        except urllib.error.HTTPError as e:
            try:
                detail = e.read(600).decode("utf-8", "replace").strip()
            except (http.client.HTTPException, OSError):
                detail = ""
            status = f"HTTP {e.code} {e.reason}"
            if 300 <= e.code < 400:
                where = e.headers.get("Location", "") if e.headers else ""
                raise PushError(f"{opts.endpoint}: {method} {url} was redirected ({status}"
                                + (f" to {split_credentials(where)[0]}" if where else "") + "): kg push does not "
                                "follow redirects of writes (nothing was stored by this request, and credentials "
                                "are not sent on); give the final URL as --endpoint") from None
            if e.code in (401, 403):
                hint = ("no credentials were given (kg push --auth USER:PASSWORD or KG_PUSH_AUTH)" if not opts.auth
                        else "the credentials were refused")
                raise PushError(f"{opts.endpoint}: {status}: {hint}" + (f" — server said: {detail}" if detail else "")) \
                    from None
            if e.code not in RETRY_STATUS or last:
                tries = f" after {attempt + 1} attempts" if attempt else ""
                raise PushError(f"{opts.endpoint}: {method} {url} failed{tries}: {status}"
                                + (f" — server said: {detail}" if detail else "")) from None
            retry_after = e.headers.get("Retry-After", "")
            if retry_after.isdigit():
                wait = min(float(retry_after), 60.0)
            reason = status
        except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
            reason = str(getattr(e, "reason", e))
            if isinstance(e, http.client.HTTPException) and not isinstance(e, OSError):
                reason = f"truncated or malformed response ({type(e).__name__}: {str(e)[:200]})"
            if last:
                raise PushError(f"cannot reach {opts.endpoint} after {attempt + 1} attempts: {reason}") from None
        if opts.log:
            opts.log(f"kg push: {method} {url}: {reason}; retrying in {wait:g} s")
        opts.sleep(wait)
    raise AssertionError("unreachable")


def push(store_dir: str, opts: PushOptions) -> dict:
    """Upload the store; returns {"graphs", "triples", "requests", "retries", "warnings"}. Raises PushError
    (its message never holds the credentials)."""
    endpoint, userinfo = split_credentials(opts.endpoint)
    secrets = (userinfo, opts.auth)
    log = opts.log
    opts = replace(opts, endpoint=endpoint, auth=opts.auth or userinfo,
                   log=(lambda m: log(redact(m, secrets))) if log else None)
    try:
        return _push(store_dir, opts)
    except PushError as e:
        raise PushError(redact(str(e), secrets)) from None


def _push(store_dir: str, opts: PushOptions) -> dict:
    check_endpoint(opts.endpoint)
    if opts.batch_size < 1:
        raise PushError("--batch-size must be at least 1")
    from kg.build.progress import Progress, enabled

    store = open_store(store_dir)
    summary = {"graphs": 0, "triples": 0, "requests": 0, "retries": 0, "warnings": []}
    bar = Progress("push", quiet=opts.quiet, unit="triple")
    total = len(store) if enabled(opts.quiet) else 0  # a scan: only when a bar is drawn
    try:
        _push_all(store, opts, summary, bar, total)
    finally:
        bar.done()
    return summary


def _push_all(store, opts: PushOptions, summary: dict, bar, total: int) -> None:
    blank = False
    for target, source in targets(store, opts.graph):
        url = graph_url(opts.endpoint, target)
        n_batches = 0
        for chunk in batches(source(), opts.batch_size):
            blank = blank or any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
                                 for t in chunk)
            body = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES)
            method = "PUT" if n_batches == 0 else "POST"
            try:
                summary["retries"] += _send(url, method, body, opts)
            except PushError as e:
                if n_batches:
                    raise PushError(f"{e} (graph {target or 'default'} is partly uploaded: {n_batches} batches "
                                    "sent; pushing again replaces it)") from None
                raise
            n_batches += 1
            summary["requests"] += 1
            summary["triples"] += len(chunk)
            bar(summary["triples"], max(total, summary["triples"]))
        if n_batches:
            summary["graphs"] += 1
            if opts.log:
                opts.log(f"kg push: {target or 'default graph'}: {n_batches} batch(es)")
    if blank and opts.batch_size:
        summary["warnings"].append("the store has blank nodes: a blank node split across batches becomes two nodes")
