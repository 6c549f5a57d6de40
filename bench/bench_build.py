"""National build benchmark (issues 5 and 22): JUDGIT 2015-2023 + the full RS 2024 download + seeds in one graph.

Prints, from one run: the floor (reading + parsing every input once: gzip + JSON of every JUDGIT line, every CSV row
of every RS zip member, the documents' text; wall and CPU seconds), the build's wall and CPU seconds (the whole
process tree), its per-stage seconds and peak memory (report.json stage_resources), the peak memory of the
process tree, triples/s and sheets/s, and the ratio of the build to the floor (wall/wall and CPU/CPU: on a noisy
shared machine the ratio holds where the seconds do not); then every named query's time on the embedded store
(and on rdflib's in-memory graph unless --no-rdflib) and the time of `kg add` of one document.

usage: .venv/bin/python bench/bench_build.py [--years 2015-2023] [--jobs N] [--out /tmp/kg-national]
           [--rs ../shared/data/rs2024 | --no-rs] [--no-seeds] [--no-rdflib] [--queries-only]
defaults: the national inputs, one job per core, --no-rdflib implied for the national build unless --rdflib.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import threading
import time
from pathlib import Path

import psutil

from kg.build.pipeline import BuildOptions, build
from kg.query.store import named_queries, open_store, run_query

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# a contractor that is paid by many programs in every year (NTTデータ): the "programs sharing a contractor" probe
PROBE_CORP = "9010601021385"


class PeakRSS(threading.Thread):
    """Samples the memory of this process and all its children every 0.5 s; ``peak`` in bytes.

    Forked workers share the parent's pages (copy-on-write): summing their RSS would count those pages once per
    process, so the proportional set size (PSS, Linux) is summed where the OS gives it, else RSS."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self._halt = 0, threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self._halt.is_set():
            try:
                procs = [me, *me.children(recursive=True)]
                self.peak = max(self.peak, sum(_pss(p) for p in procs if p.is_running()))
            except psutil.Error:
                pass
            self._halt.wait(0.5)

    def stop(self) -> int:
        self._halt.set()
        self.join()
        return self.peak


def _pss(p: psutil.Process) -> int:
    try:
        return p.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return p.memory_info().rss


PREFIX = "PREFIX kg: <https://kg.example.org/ns#> "


def bench_params(store) -> dict[str, dict[str, str]]:
    """One representative binding per named query (what a user asks on the national graph)."""
    from kg.iris import DEFAULT_BASE

    def one(q: str) -> str | None:
        _, rows = run_query(store, PREFIX + q)
        return rows[0][0] if rows else None

    sheet = one('SELECT ?s WHERE { ?s kg:rsId "672" } LIMIT 1') or one("SELECT ?s WHERE { ?s a kg:ReviewSheet } LIMIT 1")
    program = one(f"SELECT ?p WHERE {{ <{sheet}> kg:program ?p }} LIMIT 1") if sheet else None
    evaluation = one("SELECT ?e WHERE { ?e a kg:PolicyEvaluation } LIMIT 1")
    corp = {"corp": PROBE_CORP}
    law = {"law": f"{DEFAULT_BASE}law/411AC0000000091"}  # 総務省設置法
    p = {
        "contractor-programs": corp, "payee-reach": corp, "program-corporations": corp, "shared-contractors": corp,
        "lineage": {"sheet": sheet}, "same-measure": {"sheet": sheet}, "lineage-links": {"year": "2024"},
        "program-budgets": {"program": program}, "sheet-budgets": {"program": program},
        "shared-statutes": law, "statute-programs": law, "policy-tree": {"ministry": "総務省"},
        "sheets": {"number": "2021-総務-20-0095"}, "top-payees": {"year": "2023"},
        "evaluation-tree": {"evaluation": evaluation}, "means-sheets": {"evaluation": evaluation},
        "money-flow": {"sheet": sheet}, "payee-sources": corp,
        "subcontract-chains": {"ministry": "総務省", "year": "2024"},
        "related": {"program": program},
    }
    return {k: {n: v for n, v in d.items() if v} for k, d in p.items()}


def _timed(args) -> tuple[int, float, float]:
    """(rows, first run, best of three more): the first run reads the store from disk, the others from cache."""
    out, text, params = args
    store = open_store(out)
    times = []
    for _ in range(4):
        t0 = time.perf_counter()
        res = run_query(store, text, params)[1]
        times.append(time.perf_counter() - t0)
    return (len(res) if isinstance(res, list) else 1), times[0], min(times[1:])


_RDFLIB_GRAPH = None


def _timed_rdflib(args) -> float | None:
    from kg.query.store import bind_parameters

    text, prm = args
    q, subs = bind_parameters(text, prm)
    t0 = time.perf_counter()
    try:
        list(_RDFLIB_GRAPH.query(q, initBindings={str(k.value): rdflib_term(v) for k, v in subs.items()}))
    except Exception as e:  # noqa: BLE001 - report, keep timing the others
        print(f"rdflib failed: {e}", flush=True)
        return None
    return time.perf_counter() - t0


def time_queries(out: Path, with_rdflib: bool, limit: float = 120.0) -> None:
    import multiprocessing as mp

    store = open_store(out)
    params = bench_params(store)
    del store
    rows = []
    graph = None
    if with_rdflib:
        import rdflib

        t0 = time.perf_counter()
        graph = rdflib.Dataset(default_union=True)
        graph.parse(out / "graph.nq", format="nquads")
        print(f"rdflib load of graph.nq: {time.perf_counter() - t0:.1f} s")
    print(f"{'query':<22} {'binding':<34} {'rows':>7} {'first s':>8} {'oxigraph s':>11} {'rdflib s':>9} {'ratio':>7}",
          flush=True)
    for name, path in sorted(named_queries().items()):
        text = path.read_text(encoding="utf-8")
        prm = params.get(name, {})
        with mp.get_context("fork").Pool(1) as pool:  # a query past the limit is abandoned, not waited for
            job = pool.apply_async(_timed, ((out, text, prm),))
            try:
                n, t_first, t_ox = job.get(timeout=limit)
            except mp.TimeoutError:
                n, t_first, t_ox = -1, float("inf"), float("inf")
        t_rdf = None
        if graph is not None and n >= 0 and re.search(r"\bLATERAL\b", text):
            print(f"{name}: rdflib has no LATERAL (SEP-0006); not timed on rdflib", flush=True)
        elif graph is not None and n >= 0:
            global _RDFLIB_GRAPH
            _RDFLIB_GRAPH = graph  # forked workers see it without copying
            with mp.get_context("fork").Pool(1) as pool:
                job = pool.apply_async(_timed_rdflib, ((text, prm),))
                try:
                    t_rdf = job.get(timeout=limit)
                except mp.TimeoutError:
                    t_rdf = float("inf")
        rows.append((name, prm, n, t_ox, t_rdf))
        b = ", ".join(f"{k}={v.rsplit('/', 1)[-1]}" for k, v in prm.items())[:34]
        if t_rdf == float("inf"):
            r = f"{'>' + str(int(limit)):>9} {'-':>7}"
        else:
            r = f"{t_rdf:9.3f} {t_rdf / t_ox:7.1f}" if t_rdf else f"{'-':>9} {'-':>7}"
        shown = f"{t_first:>8.3f} {t_ox:>11.3f}" if n >= 0 else f"{'>' + str(int(limit)):>20}"
        print(f"{name:<22} {b:<34} {n:>7} {shown} {r}", flush=True)


def rdflib_term(term):
    import rdflib

    return rdflib.URIRef(term.value) if term.__class__.__name__ == "NamedNode" else rdflib.Literal(term.value)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", default="2015-2023")
    ap.add_argument("--jobs", type=int, default=0, help="processes (default: one per core)")
    ap.add_argument("--out", default="/tmp/kg-national")
    ap.add_argument("--rs", default=str(SHARED / "data" / "rs2024"), help="RS-system CSV folder to include")
    ap.add_argument("--no-rs", action="store_true", help="leave the RS download out")
    ap.add_argument("--no-rdflib", action="store_true", help="(default) do not time the queries on rdflib")
    ap.add_argument("--rdflib", action="store_true", help="also time the queries on rdflib's in-memory graph")
    ap.add_argument("--no-seeds", action="store_true", help="leave seeds/ out")
    ap.add_argument("--no-queries", action="store_true", help="only the build figures")
    ap.add_argument("--limit", type=float, default=120.0, help="seconds a query may take before it is abandoned")
    ap.add_argument("--keep", action="store_true", help="reuse the existing build dir (cache)")
    ap.add_argument("--seeds", action="store_true", help="(default) include seeds/ (the 事前分析表 of the policy queries)")
    ap.add_argument("--rebuild", action="store_true", help="also time a full rebuild with the seeds added")
    ap.add_argument("--queries-only", action="store_true", help="time queries and kg add on an existing build")
    a = ap.parse_args()
    y0, y1 = (int(x) for x in a.years.split("-"))
    inputs = [str(SHARED / "data" / "judgit" / f"judgit-{y}.ndjson.gz") for y in range(y0, y1 + 1)]
    if a.rs and not a.no_rs:
        inputs.append(a.rs)
    if not a.no_seeds:
        inputs.append(str(ROOT / "seeds"))
    jobs = a.jobs if a.jobs > 0 else (os.cpu_count() or 1)
    with_rdflib = a.rdflib and not a.no_rdflib
    out = Path(a.out)
    if a.queries_only:
        time_queries(out, with_rdflib=with_rdflib, limit=a.limit)
        time_add(out)
        return
    if out.exists() and not a.keep:
        shutil.rmtree(out)
    floor_wall, floor_cpu, floor_what = read_floor(inputs)
    print(f"floor (read + parse every input once): {floor_wall:.1f} s wall, {floor_cpu:.1f} s CPU ({floor_what})",
          flush=True)
    mon = PeakRSS()
    mon.start()
    cpu0 = tree_cpu()
    t0 = time.perf_counter()
    report = build(inputs, out, BuildOptions(jobs=jobs, quiet=False))
    wall = time.perf_counter() - t0
    cpu = tree_cpu() - cpu0
    peak = mon.stop()
    print_build(report, inputs, jobs, wall, cpu, peak, floor_wall, floor_cpu)
    if not a.no_queries:
        time_queries(out, with_rdflib=with_rdflib, limit=a.limit)
        time_add(out)
    if a.rebuild:
        t0 = time.perf_counter()
        build([*inputs, str(ROOT / "seeds")], out, BuildOptions(jobs=jobs, quiet=True, validate=False))
        print(f"full rebuild with the seeds added (cached extraction, no SHACL): {time.perf_counter() - t0:.1f} s")


def tree_cpu() -> float:
    """CPU seconds (user + system) of this process and of its children that have ended (forked workers, sort)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def read_floor(inputs: list[str]) -> tuple[float, float, str]:
    """(wall s, CPU s, what) of reading and parsing every input once, with the standard library only: every line of
    every JUDGIT .ndjson.gz through gzip and json.loads, every row of every CSV in every RS zip through csv, every
    other file's bytes decoded. The floor the build's time is compared with."""
    import csv
    import gzip
    import io
    import json
    import zipfile

    t0, c0 = time.perf_counter(), time.process_time()
    lines = rows = files = 0
    paths: list[Path] = []
    for i in inputs:
        p = Path(i)
        paths += sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
    for p in paths:
        files += 1
        if p.name.endswith(".ndjson.gz"):
            with gzip.open(p, "rt", encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        json.loads(line)
                        lines += 1
        elif p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                for info in z.infolist():
                    if info.filename.lower().endswith(".csv"):
                        data = z.read(info)
                        enc = "utf-8-sig" if data[:3] == b"\xef\xbb\xbf" else "utf-8"
                        try:
                            text = data.decode(enc)
                        except UnicodeDecodeError:
                            text = data.decode("cp932", errors="replace")
                        rows += sum(1 for _ in csv.reader(io.StringIO(text)))
        else:
            p.read_bytes().decode("utf-8", errors="replace")
    return (time.perf_counter() - t0, time.process_time() - c0,
            f"{files} files, {lines:,} JSON lines, {rows:,} CSV rows")


def print_build(report: dict, inputs: list[str], jobs: int, wall: float, cpu: float, peak: int,
                floor_wall: float, floor_cpu: float) -> None:
    s = report["summary"]
    print(f"inputs {len(inputs)}  jobs {jobs}  sheets {s['sheets']:,}  payees {s['payees']:,}  "
          f"corporations {s['corporations']:,}")
    print(f"triples {s['triples']:,}  quads {s['quads']:,}")
    print(f"build: wall {wall:.1f} s, CPU {cpu:.1f} s (process tree), peak memory {peak / 2**30:.2f} GiB "
          f"(PSS of the process tree; report.json {report.get('peak_memory_mb', 0) / 1024:.2f} GiB)")
    print(f"throughput: {s['triples'] / wall:,.0f} triples/s, {s['sheets'] / wall:.0f} sheets/s (wall)")
    print(f"ratio to the floor: wall {wall / floor_wall:.1f}x, CPU {cpu / floor_cpu:.1f}x")
    print(f"{'stage':<10} {'seconds':>9} {'share':>6} {'peak GiB':>9}")
    stages = report.get("stage_resources") or {}
    for name, r in stages.items():
        print(f"{name:<10} {r['seconds']:>9.1f} {r['seconds'] / wall:>6.0%} {r['peak_memory_mb'] / 1024:>9.2f}")
    v = report.get("validation") or {}
    print(f"validation: engine {v.get('engine')}, sampled {v.get('sampled')}, conforms {v.get('conforms')}, "
          f"triples validated {v.get('triples_validated')}, results {v.get('result_count')}")
    print(f"malformed 法人番号: {s.get('malformed_corporate_numbers')}")
    pay = report["link"].get("payees", {})
    print(f"corporations paid by several ministries: {pay.get('corporations_across_ministries')}")
    fnd = report["link"].get("findings") or {}
    print(f"findings: {json.dumps(fnd, ensure_ascii=False, sort_keys=True)[:2000]}")


def time_add(out: Path) -> None:
    """Incremental: add one document to the built store (kg add), the same again (replacing it), another one."""
    import tempfile

    from kg.build.incremental import add_documents

    docs = [ROOT / "seeds" / s for s in ("003_dbf95f44c3587854.txt", "003_dbf95f44c3587854.txt",
                                         "002_c3e6fb52ab9c5507.txt")]
    with tempfile.TemporaryDirectory() as tmp:
        # and a document the store has never seen: seed 003 under another 事業番号 (a new sheet, new payee rows)
        text = docs[0].read_text(encoding="utf-8")
        new = Path(tmp) / "bench-new-sheet.txt"
        new.write_text(re.sub(r"(事業番号\s*2021 - 総務 - 20 - )0095", r"\g<1>9901", text, count=1), encoding="utf-8")
        for doc in [*docs, new]:
            t0 = time.perf_counter()
            res = add_documents([str(doc)], out)
            print(f"kg add {doc.name}: {time.perf_counter() - t0:.2f} s ({res['quads']} quads, "
                  f"{res['graphs_replaced']} replaced, joined programs {res['link']['programs_joined']}, "
                  f"payee rows changed {res['rankings']['rows_changed']})")


if __name__ == "__main__":
    main()
