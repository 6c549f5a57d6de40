"""kg command line: one subcommand per user task."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1) + "\n")


# ---------------------------------------------------------------- build


def cmd_build(a) -> int:
    from kg.pipeline import BuildOptions, build, format_summary

    report = build(a.inputs, a.out, BuildOptions(base=a.base, jobs=a.jobs, validate=not a.no_validate,
                                                 quiet=a.quiet, cache=not a.no_cache))
    print(format_summary(report))
    print(f"wrote {Path(a.out) / 'graph.nt'}, graph.ttl, graph.nq, report.json and the store {Path(a.out) / 'store'}")
    v = report.get("validation", {})
    return 1 if (not v.get("skipped") and not v.get("conforms")) else 0


def cmd_add(a) -> int:
    from kg.incremental import AddError, add_documents

    try:
        res = add_documents(a.docs, a.store, a.base)
    except (AddError, FileNotFoundError) as e:
        print(f"kg add: {e}", file=sys.stderr)
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


# ---------------------------------------------------------------- extract


def cmd_extract(a) -> int:
    from kg.extract.dispatch import ExtractError, extract_path
    from kg.read.base import ReadError

    try:
        rec = extract_path(a.doc)
    except (ReadError, ExtractError) as e:
        print(f"kg extract: {e}", file=sys.stderr)
        return 2
    if a.json:
        _print_json(rec)
    else:
        for k, v in rec.items():
            if k not in ("provenance", "extra"):
                print(f"{k}: {json.dumps(v, ensure_ascii=False)[:200]}")
    return 0


# ---------------------------------------------------------------- query


def _parse_params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for p in pairs or []:
        if "=" not in p:
            raise SystemExit(f"kg query: --param wants NAME=VALUE, got {p!r}")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


def cmd_query(a) -> int:
    from kg.store import QueryError, named_queries, open_store, query_header, resolve_query, run_query

    if a.list:
        for name, path in named_queries().items():
            head = query_header(path.read_text(encoding="utf-8"))
            print(f"{name}: {head[0] if head else ''}")
        return 0
    if not a.query:
        print("kg query: give a named query or a .rq file (or --list)", file=sys.stderr)
        return 2
    try:
        name, text = resolve_query(a.query)
        store = open_store(a.store)
        variables, rows = run_query(store, text, _parse_params(a.param))
    except (QueryError, FileNotFoundError) as e:
        print(f"kg query: {e}", file=sys.stderr)
        return 2
    if variables is None:
        print("true" if rows else "false")
        return 0
    if variables == "triples":
        for t in rows:
            print(t)
        return 0
    write_rows(variables, rows, a.format, sys.stdout)
    return 0


def write_rows(variables: list[str], rows: list[list], fmt: str, out) -> None:
    if fmt == "json":
        out.write(json.dumps([dict(zip(variables, r, strict=True)) for r in rows], ensure_ascii=False, indent=1)
                  + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(variables)
        w.writerows([["" if v is None else v for v in r] for r in rows])
    else:
        cells = [[("" if v is None else str(v)) for v in r] for r in rows]
        widths = [max([_w(h)] + [_w(r[i]) for r in cells]) for i, h in enumerate(variables)]
        widths = [min(w, 60) for w in widths]
        out.write("  ".join(_pad(h, w) for h, w in zip(variables, widths, strict=True)) + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for r in cells:
            out.write("  ".join(_pad(_cut(c, w), w) for c, w in zip(r, widths, strict=True)) + "\n")
        out.write(f"({len(rows)} rows)\n")


def _w(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cut(s: str, w: int) -> str:
    while _w(s) > w:
        s = s[:-2] + "…"
    return s


def _pad(s: str, w: int) -> str:
    return s + " " * max(0, w - _w(s))


# ---------------------------------------------------------------- validate


def cmd_validate(a) -> int:
    from kg.store import open_store
    from kg.validate import validate_store

    try:
        store = open_store(a.store)
    except FileNotFoundError as e:
        print(f"kg validate: {e}", file=sys.stderr)
        return 2
    res = validate_store(store)
    if a.json:
        _print_json(res)
    else:
        print("conforms" if res["conforms"] else f"{res['violations']} SHACL violations")
        for r in res["results"][:50]:
            print(f"  {r['severity']}: {r['focus']} {r['path']}: {r['message']}")
    return 0 if res["conforms"] else 1


# ---------------------------------------------------------------- lineage


def cmd_lineage(a) -> int:
    from kg.lineage_view import LINK_COLUMNS, LineageError, chain, links
    from kg.store import QueryError, open_store

    try:
        store = open_store(a.store)
        if a.program == "links":
            rows = links(store, a.year)
            write_rows(LINK_COLUMNS, [[r[c] for c in LINK_COLUMNS] for r in rows], a.format, sys.stdout)
            return 0
        steps = chain(store, a.program, a.year)
    except (QueryError, FileNotFoundError, LineageError) as e:
        print(f"kg lineage: {e}", file=sys.stderr)
        return 2
    if a.format == "json":
        _print_json(steps)
        return 0
    cols = ["review_year", "number", "name", "division", "budget_year", "budget", "executed", "execution_rate",
            "links"]
    rows = []
    for st in steps:
        ev = "; ".join(f"{lk['status']} {lk['previous_fiscal_year']}:{lk['previous_number']} "
                       f"score {lk['score']:.2f} {json.dumps(lk['evidence'], ensure_ascii=False, sort_keys=True)}"
                       for lk in st["links"])
        rows.append([st[c] for c in cols[:-1]] + [ev])
    write_rows(cols, rows, a.format, sys.stdout)
    return 0


# ---------------------------------------------------------------- laws


def cmd_laws(a) -> int:
    from kg.link.laws import resolve_lines

    if a.action != "resolve":
        return 2
    texts = a.texts
    if texts == ["-"]:
        texts = [line.rstrip("\n") for line in sys.stdin]
    for line in resolve_lines(texts):
        print(line)
    return 0


# ---------------------------------------------------------------- main


def make_parser() -> argparse.ArgumentParser:
    from kg.pipeline import DEFAULT_BASE

    ap = argparse.ArgumentParser(prog="kg", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)

    b = sub.add_parser("build", help="build the graph and the embedded store from documents and data")
    b.add_argument("inputs", nargs="+", help="documents, folders, JUDGIT .ndjson.gz files, RS download folders")
    b.add_argument("--out", required=True, help="output folder (graph.nt, graph.ttl, report.json, store/)")
    b.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI (default {DEFAULT_BASE})")
    b.add_argument("--jobs", type=int, default=1, help="parallel extraction processes")
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    b.add_argument("--no-cache", action="store_true", help="re-extract every input (ignore DIR/cache)")
    b.add_argument("--quiet", action="store_true")
    b.set_defaults(func=cmd_build)

    ad = sub.add_parser("add", help="add or replace documents in a built store without rebuilding it")
    ad.add_argument("docs", nargs="+", help="document files or folders")
    ad.add_argument("--store", required=True, help="build directory (kg build --out)")
    ad.add_argument("--base", default=None, help="base IRI (default: the build's)")
    ad.set_defaults(func=cmd_add)

    e = sub.add_parser("extract", help="extract one document to a record (schema of gold/SCHEMA.md)")
    e.add_argument("doc")
    e.add_argument("--json", action="store_true", help="print the record as JSON")
    e.set_defaults(func=cmd_extract)

    q = sub.add_parser("query", help="run a named SPARQL query (ontology/queries) or a .rq file")
    q.add_argument("query", nargs="?", help="named query or .rq file")
    q.add_argument("--store", default="build", help="build output folder holding store/")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.add_argument("--param", action="append", metavar="NAME=VALUE",
                   help="bind a query variable (IRI if it starts with http(s)://, else a literal)")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("validate", help="SHACL-validate a built store")
    v.add_argument("--store", default="build")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=cmd_validate)

    laws = sub.add_parser("laws", help="law citations: resolve free text to e-Gov 法令ID")
    laws.add_argument("action", choices=["resolve"])
    laws.add_argument("texts", nargs="+", help="texts to resolve, or - to read one text per line from stdin")
    laws.set_defaults(func=cmd_laws)

    li = sub.add_parser("lineage", help="a program's chain across years (PROGRAM), or every lineage link (links)",
                        description="kg lineage PROGRAM --store DIR: the program's sheets year by year with the "
                                    "evidence of each step; PROGRAM is a 事業番号 (any spelling), an RS 予算事業ID or "
                                    "a sheet/program IRI. kg lineage links --store DIR: every link, one per row.")
    li.add_argument("program", help="事業番号, 予算事業ID, sheet or program IRI; or the word 'links'")
    li.add_argument("--store", required=True, help="build directory (kg build --out)")
    li.add_argument("--year", type=int, help="review year of the sheet (PROGRAM) / of the later sheets (links)")
    li.add_argument("--format", choices=["table", "csv", "json"], default="table")
    li.set_defaults(func=cmd_lineage)

    from kg.cli_publish import register

    register(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    a = make_parser().parse_args(argv)
    try:
        return a.func(a) or 0
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
