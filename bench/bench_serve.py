"""`kg serve` under load, on loopback only (issue 23): req/s and p50/p99 latency at 20 and 50 clients, and what
short queries see while two long queries run.

Starts `kg serve --port 0` (a real server process) on a built store — the seeds, built into a temporary folder,
unless --store names a build — and drives it from client threads, each opening a connection per request.
Everything is bounded: each level runs at most --seconds and --requests; the long queries stop at the server's
time limit.

usage: .venv/bin/python bench/bench_serve.py [--store DIR] [--clients 20,50] [--seconds 8] [--requests 3000]
                                             [--compare]   (also as before issue 23: listen backlog 5, no
                                                            long-query lane, no connection cap)
"""
from __future__ import annotations

import argparse
import http.client
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SHORT = [  # what the clients ask: named queries with a binding and a plain SPARQL lookup
    "/queries/shared-statutes",
    "/queries/contractor-programs?" + urlencode({"corp": "1010001143390"}),
    "/query?" + urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t }"}),
]
LONG = "/query?" + urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"})


@contextmanager
def kg_serve(store: str, *extra: str):
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", store, "--port", "0", "--quiet",
                             *extra], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", proc.stdout.readline())
        if not m:
            raise SystemExit("kg serve did not start")
        port = int(m.group(1))
        for _ in range(100):  # wait until the workers answer
            if get(port, SHORT[0], 30)[0] == 200:
                break
            time.sleep(0.1)
        yield port
    finally:
        proc.terminate()
        proc.wait(15)


def get(port: int, path: str, timeout: float = 60.0) -> tuple[int, float]:
    t0 = time.perf_counter()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        c.request("GET", path, headers={"Accept": "application/sparql-results+json"})
        r = c.getresponse()
        r.read()
        c.close()
        return r.status, time.perf_counter() - t0
    except OSError:
        return 0, time.perf_counter() - t0


def load(port: int, clients: int, seconds: float, max_requests: int) -> dict:
    lat: list[float] = []
    codes: dict[int, int] = {}
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds
    issued = [0]

    def client(k: int) -> None:
        i = k
        while time.perf_counter() < stop_at:
            with lock:
                if issued[0] >= max_requests:
                    return
                issued[0] += 1
            status, dt = get(port, SHORT[i % len(SHORT)])
            i += 1
            with lock:
                codes[status] = codes.get(status, 0) + 1
                if status == 200:
                    lat.append(dt)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return figures(lat, codes, wall)


def figures(lat: list[float], codes: dict[int, int], wall: float) -> dict:
    lat = sorted(lat)
    q = (lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000) if lat else (lambda p: float("nan"))
    return {"requests": sum(codes.values()), "ok": len(lat), "codes": codes, "req_s": len(lat) / wall,
            "p50_ms": q(0.50), "p99_ms": q(0.99), "max_ms": lat[-1] * 1000 if lat else float("nan")}


def starvation(port: int, seconds: float) -> dict:
    """Two long queries (stopped by the time limit) and one client asking short queries meanwhile."""
    long_codes: list[int] = []
    longs = [threading.Thread(target=lambda: long_codes.append(get(port, LONG)[0])) for _ in range(2)]
    for t in longs:
        t.start()
    time.sleep(1.5)
    lat, codes, t0 = [], {}, time.perf_counter()
    i = 0
    while time.perf_counter() - t0 < seconds:
        status, dt = get(port, SHORT[i % len(SHORT)])
        i += 1
        codes[status] = codes.get(status, 0) + 1
        if status == 200:
            lat.append(dt)
    out = figures(lat, codes, time.perf_counter() - t0)
    for t in longs:
        t.join()
    out["long_codes"] = long_codes
    return out


def show(label: str, f: dict) -> None:
    print(f"{label:<44} {f['req_s']:8.1f} req/s  p50 {f['p50_ms']:7.1f} ms  p99 {f['p99_ms']:7.1f} ms  "
          f"max {f['max_ms']:7.1f} ms  ({f['ok']}/{f['requests']} ok; statuses {json.dumps(f['codes'])})", flush=True)


def build_seeds(out: Path) -> str:
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--out", str(out), "--quiet"],
                       cwd=ROOT, capture_output=True, text=True)
    if not (out / "store" / "CURRENT").exists():
        raise SystemExit(f"kg build seeds failed: {r.stderr[-2000:]}")
    return str(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", help="a build folder (default: the seeds, built into a temporary folder)")
    ap.add_argument("--clients", default="20,50")
    ap.add_argument("--seconds", type=float, default=8.0, help="per load level (default 8)")
    ap.add_argument("--requests", type=int, default=3000, help="at most this many requests per level")
    ap.add_argument("--timeout", type=float, default=6.0, help="the server's query time limit for the long queries")
    ap.add_argument("--compare", action="store_true",
                    help="also run as before issue 23 (backlog 5, no long-query lane, no connection cap)")
    ap.add_argument("--serve-arg", action="append", default=[], metavar="ARG",
                    help="an extra kg serve argument for the default setting (repeat: --serve-arg=--workers "
                         "--serve-arg=3)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-serve-") as tmp:
        store = a.store or build_seeds(Path(tmp) / "seeds")
        settings = [("default" + (" " + " ".join(a.serve_arg) if a.serve_arg else ""), a.serve_arg)]
        if a.compare:
            settings.append(("as before: backlog 5, no long lane, no connection cap",
                             ["--backlog", "5", "--long-lane", "0", "--max-connections", "100000"]))
        for name, extra in settings:
            with kg_serve(store, "--timeout", str(a.timeout), *extra) as port:
                print(f"-- kg serve ({name}; 2 workers, time limit {a.timeout:g} s) on 127.0.0.1:{port}, "
                      f"store {store}")
                for n in (int(x) for x in a.clients.split(",")):
                    show(f"{n} clients", load(port, n, a.seconds, a.requests))
                show("1 client while 2 long queries run", starvation(port, a.timeout - 2))


if __name__ == "__main__":
    main()
