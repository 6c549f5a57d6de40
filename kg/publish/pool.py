"""Where kg serve's queries run: worker processes with read-only store handles (QueryPool, with a lane for long
queries), or threads over the written store (ThreadRunner, with ``--allow-update``). ``execute`` turns one job
(query, parameters, graphs, Accept, size cap) into (status, content type, body) and never raises; a job with a
``page`` key renders a linked-data page or /search instead (kg.publish.pages.jobs: the same workers, time limit
and size cap).
"""
from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
import time

import pyoxigraph as ox

from kg.publish.protocol import (
    GRAPH_FORMATS,
    RESULTS_FORMATS,
    TEXT,
    CappedBuffer,
    HttpError,
    ResultTooLarge,
    is_update,
    negotiate,
)
from kg.query.store import QueryError, bind_parameters

MAX_RESULT_DEFAULT = 64 << 20  # kg serve --max-result-bytes


def execute(store: ox.Store, job: dict) -> tuple[int, str, bytes]:
    """Run one query job in a worker: (HTTP status, content type, body). Never raises."""
    try:
        return _execute(store, job)
    except Exception as e:  # noqa: BLE001 - a worker answers every job and stays alive
        return 500, TEXT, f"query failed: {type(e).__name__}: {e}".encode()


def _execute(store: ox.Store, job: dict) -> tuple[int, str, bytes]:
    if "page" in job:  # issue 20: an entity page or /search, rendered in the worker (kg.publish.pages.jobs)
        from kg.publish.pages.jobs import run_page

        return run_page(store, job)
    try:
        sparql, subs = bind_parameters(job["query"], job.get("params") or {})
        kw: dict = {"substitutions": subs or None}
        if job.get("default_graphs"):
            kw["default_graph"] = [ox.NamedNode(g) for g in job["default_graphs"]]
        else:
            kw["use_default_graph_as_union"] = True
        if job.get("named_graphs"):
            kw["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    except (QueryError, ValueError) as e:
        return 400, TEXT, str(e).encode()
    out = CappedBuffer(job.get("max_bytes") or MAX_RESULT_DEFAULT)
    try:
        res = store.query(sparql, **kw)
        if isinstance(res, ox.QueryTriples):
            mt = negotiate(job.get("accept", ""), GRAPH_FORMATS, "text/turtle")
            if mt is None:
                return 406, TEXT, b"no acceptable format for a graph result"
            res.serialize(out, format=GRAPH_FORMATS[mt])
        else:
            mt = negotiate(job.get("accept", ""), RESULTS_FORMATS, "application/sparql-results+json")
            if mt is None:
                return 406, TEXT, b"no acceptable format for query results"
            res.serialize(out, format=RESULTS_FORMATS[mt])
    except ResultTooLarge as e:
        return 422, TEXT, str(e).encode()
    except SyntaxError as e:
        if is_update(job["query"]):
            return 403, TEXT, b"this is a SPARQL Update: /query runs read queries only"
        return 400, TEXT, f"SPARQL syntax error: {e}".encode()
    except ValueError as e:
        return 400, TEXT, str(e).encode()
    except (OSError, RuntimeError) as e:
        return 500, TEXT, f"query failed: {e}".encode()
    ctype = mt + ("; charset=utf-8" if mt.startswith("text/") or mt.endswith("json") else "")
    return 200, ctype, out.getvalue()


READY = "ready"


def _worker_main(conn, store_dir: str) -> None:
    from kg.query.store import open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    store = open_store(store_dir, read_only=True)
    try:
        conn.send(READY)  # the pool times a query from here, not from the process start
    except (BrokenPipeError, OSError):
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(execute(store, {**job, "store_dir": store_dir}))  # read-only: its search figures can be kept
        except (BrokenPipeError, OSError):
            return


class ThreadRunner:
    """Queries in threads of the server process, over the store it writes (``--allow-update``).

    RocksDB cannot be opened by other processes while this one writes it (a compaction deletes files a
    read-only opener still expects), so with updates on there are no worker processes: a query past the time
    limit is answered with 503 on time, but its thread runs on until the query ends. Such an abandoned query gives
    its slot back (a thread pool would keep it, and every later query would queue behind it); while
    ``max_abandoned`` of them still run, new queries are refused with 503 instead of piling more work on.
    """

    def __init__(self, store: ox.Store, size: int, timeout: float, max_abandoned: int = 8):
        self.store, self.timeout, self.max_abandoned = store, timeout, max_abandoned
        self._slots = threading.BoundedSemaphore(max(1, size))
        self._lock = threading.Lock()
        self.abandoned = 0

    def run(self, job: dict) -> tuple[int, str, bytes]:
        with self._lock:
            if self.abandoned >= self.max_abandoned:
                raise HttpError(503, f"{self.abandoned} queries past the time limit are still running (with "
                                     "--allow-update they cannot be stopped); try again later", {"Retry-After": "10"})
        if not self._slots.acquire(timeout=self.timeout):
            raise HttpError(503, f"all query threads are busy; try again (time limit {self.timeout:g} s)",
                            {"Retry-After": "5"})
        state = {"abandoned": False}
        done = threading.Event()
        out: list = []

        def work() -> None:
            try:
                out.append(execute(self.store, job))
            finally:
                with self._lock:
                    done.set()
                    if state["abandoned"]:
                        self.abandoned -= 1
                    else:
                        self._slots.release()

        threading.Thread(target=work, name="kg-query", daemon=True).start()
        if done.wait(self.timeout):
            return out[0]
        with self._lock:
            if done.is_set():  # finished just now
                return out[0]
            state["abandoned"] = True
            self.abandoned += 1
            self._slots.release()
        raise HttpError(503, f"query abandoned: it ran longer than the time limit of {self.timeout:g} s "
                             "(kg serve --timeout)")

    def close(self) -> None:
        pass


class QueryPool:
    """Worker processes, each with a read-only store handle; a query past its deadline ends its worker.

    ``size`` workers serve every query; one still running after ``long_after`` s takes its worker into the long
    lane (at most ``long_lane`` at once) and a spare worker, booted ahead, takes its place, so long queries cannot
    starve short ones.
    """

    def __init__(self, store_dir: str, size: int, timeout: float, long_after: float = 1.0, long_lane: int = 2):
        self.store_dir, self.timeout = store_dir, timeout
        self.long_after, self.long_lane = long_after, long_lane
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._all: set = set()
        self._ready: set[int] = set()  # pids of workers that said READY
        self._lock = threading.Lock()
        self._long = threading.BoundedSemaphore(max(1, long_lane))
        self.long_started = self.long_refused = 0
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())
        self._spare: queue.Queue = queue.Queue()  # one worker booted ahead for the next query that goes long
        if long_lane > 0:
            self._spare.put(self._spawn())

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
        self._ready.discard(p.pid)

    def _replace(self, worker) -> None:
        self._retire(worker)
        self._idle.put(self._spawn())

    def _replacement(self):
        """The booted spare (a fresh one boots in its place), or a new worker when there is none."""
        try:
            worker = self._spare.get_nowait()
        except queue.Empty:
            return self._spawn()
        self._spare.put(self._spawn())
        return worker

    def _timed_out(self) -> HttpError:
        return HttpError(503, f"query stopped: it ran longer than the time limit of {self.timeout:g} s "
                              "(kg serve --timeout)")

    def run(self, job: dict) -> tuple[int, str, bytes]:
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise HttpError(503, f"all query workers are busy; try again (time limit {self.timeout:g} s)",
                            {"Retry-After": "5"}) from None
        p, conn = worker
        try:
            if p.pid not in self._ready:  # a fresh worker: wait until it has opened the store
                if not conn.poll(max(self.timeout, 30.0)) or conn.recv() != READY:
                    raise EOFError
                self._ready.add(p.pid)
            deadline = time.monotonic() + self.timeout  # the time limit counts from the query's start
            conn.send(job)
            first = deadline - time.monotonic()
            if self.long_lane > 0:
                first = min(first, self.long_after)
            if conn.poll(max(0.0, first)):
                res = conn.recv()
                self._idle.put(worker)
                return res
            if time.monotonic() >= deadline:
                self._replace(worker)
                raise self._timed_out()
            # a long query: into the long lane (a fresh worker takes its place), or stopped when the lane is full
            if not self._long.acquire(blocking=False):
                self.long_refused += 1
                self._replace(worker)
                raise HttpError(503, f"query stopped after {self.long_after:g} s: {self.long_lane} long queries are "
                                     "running already (kg serve --long-lane); try again later",
                                {"Retry-After": "10"})
            self.long_started += 1
            try:
                self._idle.put(self._replacement())
                if conn.poll(max(0.0, deadline - time.monotonic())):
                    res = conn.recv()
                    self._retire(worker)
                    return res
                self._retire(worker)
                raise self._timed_out()
            finally:
                self._long.release()
        except (EOFError, OSError):
            self._replace(worker)
            raise HttpError(500, "the query worker died while running the query") from None

    def close(self) -> None:
        with self._lock:
            procs = list(self._all)
        for p in procs:
            p.kill()
        for p in procs:
            p.join(5)
