"""`kg build` and `kg add`."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def cmd_build(a) -> int:
    from kg.build.pipeline import BuildOptions, build
    from kg.build.summary import format_summary
    from kg.query.atomic import BusyError, OutputError, describe_os_error

    try:
        jobs = a.jobs if a.jobs > 0 else (os.cpu_count() or 1)
        report = build(a.inputs, a.out, BuildOptions(base=a.base, jobs=jobs, validate=not a.no_validate,
                                                     quiet=a.quiet, cache=not a.no_cache))
    except (BusyError, OutputError) as e:
        print(f"kg build: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"kg build: {describe_os_error(e, f'cannot write the outputs in {a.out}')}; the folder keeps its "
              f"previous outputs", file=sys.stderr)
        return 2
    print(format_summary(report))
    print(f"wrote {Path(a.out) / 'graph.nt'}, graph.ttl, graph.nq, report.json and the store {Path(a.out) / 'store'}")
    return report["exit_code"]


BUILD_EPILOG = """exit status:
  0  built; every input read (ok, with warnings, or skipped with the reason: notes, FIFOs, devices, links)
  1  built, but SHACL found violations (report.json "validation")
  2  nothing changed: the output folder is busy (another kg build or kg add holds it), cannot be written
     (read-only, disk full, a file in the way) or the arguments are wrong
  3  built from the readable inputs, but some inputs failed (FAILED lines; report.json "inputs", "exit_code")
limits per input: documents 200 MB (an .xlsx 128 MB unpacked, 5 M cells a sheet), 600 s to read and extract
(JUDGIT/RS files 4 h; KG_INPUT_SECONDS overrides), values over 1 Mi characters cut with a warning (kept whole in
report.json "truncated_values")."""


def cmd_add(a) -> int:
    from kg.build.incremental import AddError, add_documents
    from kg.query.atomic import BusyError, OutputError, describe_os_error

    try:
        res = add_documents(a.docs, a.store, a.base)
    except (AddError, FileNotFoundError, BusyError, OutputError) as e:
        print(f"kg add: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"kg add: {describe_os_error(e, f'cannot update {a.store}')}; the build is left as it was",
              file=sys.stderr)
        return 2
    for i in res["inputs"]:
        line = f"{i['status']:<9} {i['input']}"
        if i.get("reasons"):
            line += "  " + "; ".join(i["reasons"])
        print(line)
    print(f"added {res['quads']:,} quads ({res['graphs_replaced']} earlier version(s) replaced) in {res['seconds']} s; "
          f"graph.nt/graph.ttl are stale until the next kg build")
    stale = res["rankings"]["stale_rankings"]
    if stale:
        print(f"kg add: {len(stale)} payee ranking(s) may miss a payee after a replaced document lowered a total "
              f"(listed in report.json stale_rankings); run kg build to refresh them", file=sys.stderr)
    return 1 if any(i["status"] == "failed" for i in res["inputs"]) else 0


def register(sub) -> None:
    import argparse

    from kg.iris import DEFAULT_BASE

    b = sub.add_parser("build", help="build the graph and the embedded store from documents and data",
                       epilog=BUILD_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("inputs", nargs="+", help="documents, folders, JUDGIT .ndjson.gz files, RS download folders")
    b.add_argument("--out", required=True, help="output folder (graph.nt, graph.ttl, report.json, store/)")
    b.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI (default {DEFAULT_BASE})")
    b.add_argument("--jobs", type=int, default=0,
                   help="parallel processes for extraction and emission (default 0: one per CPU core)")
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    b.add_argument("--no-cache", action="store_true", help="re-extract every input (ignore DIR/cache)")
    b.add_argument("--quiet", action="store_true")
    b.set_defaults(func=cmd_build)

    ad = sub.add_parser("add", help="add or replace documents in a built store without rebuilding it")
    ad.add_argument("docs", nargs="+", help="document files or folders")
    ad.add_argument("--store", required=True, help="build directory (kg build --out)")
    ad.add_argument("--base", default=None, help="base IRI (default: the build's)")
    ad.set_defaults(func=cmd_add)
