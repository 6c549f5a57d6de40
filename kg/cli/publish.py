"""`kg serve`, `kg push`, `kg export`: publishing a built store. ``register(subparsers)`` adds them to kg's CLI.

Exit codes as in kg.cli: 0 success, 1 the operation failed (push refused, server error), 2 bad usage or
missing store. Messages go to stderr, prefixed with the command.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def _auth(value: str | None, env: str) -> str | None:
    return value or os.environ.get(env) or None


def cmd_serve(a) -> int:
    from kg.publish.serve import ServeOptions, serve

    opts = ServeOptions(store=a.store, host=a.host, port=a.port, timeout=a.timeout, allow_update=a.allow_update,
                        auth=_auth(a.auth, "KG_SERVE_AUTH"), workers=a.workers, quiet=a.quiet,
                        allowed_services=frozenset(a.allow_service or ()), backlog=a.backlog,
                        request_timeout=a.request_timeout, max_connections=a.max_connections,
                        max_result_bytes=a.max_result_bytes, long_after=a.long_after, long_lane=a.long_lane,
                        base=_serve_base(a))
    try:
        return serve(opts)
    except (FileNotFoundError, ValueError) as e:
        print(f"kg serve: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"kg serve: cannot listen on {a.host}:{a.port}: {e}", file=sys.stderr)
        return 1


def _serve_base(a) -> str:
    """--base, else the base the store was built with (DIR/report.json), else kg's placeholder."""
    import json

    from kg.iris import DEFAULT_BASE, norm_base

    if a.base:
        return a.base  # checked with the other options (kg.publish.serve.check_options)
    try:
        return norm_base(json.loads((Path(a.store) / "report.json").read_text(encoding="utf-8")).get("base")
                         or DEFAULT_BASE)
    except (OSError, ValueError, AttributeError):
        return DEFAULT_BASE


def cmd_push(a) -> int:
    from kg.publish.push import PushError, PushOptions, push, split_credentials

    def log(msg: str) -> None:
        if not a.quiet:
            print(msg, file=sys.stderr)

    opts = PushOptions(endpoint=a.endpoint, graph=a.graph, batch_size=a.batch_size, retries=a.retries,
                       auth=_auth(a.auth, "KG_PUSH_AUTH"), timeout=a.timeout, log=log, quiet=a.quiet)
    try:
        s = push(a.store, opts)
    except FileNotFoundError as e:
        print(f"kg push: {e}", file=sys.stderr)
        return 2
    except PushError as e:
        print(f"kg push: {e}", file=sys.stderr)
        return 1
    for w in s["warnings"]:
        print(f"kg push: warning: {w}", file=sys.stderr)
    print(f"kg push: {s['triples']} triples in {s['graphs']} graph(s) to {split_credentials(a.endpoint)[0]} "
          f"({s['requests']} requests, {s['retries']} retries)")
    return 0


def cmd_export(a) -> int:
    from kg.build.progress import Ticker, bytes_of
    from kg.publish.dcat import Publication, PublicationError, load_publication
    from kg.publish.export import ExportError, export

    formats = [f.strip() for spec in a.format for f in spec.split(",") if f.strip()]
    out = Path(a.out)
    try:
        pubn = (load_publication(a.dcat_config) if a.dcat_config else Publication()).updated(
            publisher=a.publisher, publisher_en=a.publisher_en, publisher_url=a.publisher_url,
            publisher_type=a.publisher_type, contact_name=a.contact_name, contact_email=a.contact_email,
            contact_url=a.contact_url, spatial=a.spatial, themes=a.theme, conforms_to=a.conforms_to)
    except PublicationError as e:
        print(f"kg export: {e}", file=sys.stderr)
        return 2
    ticker = Ticker("export", bytes_of(out.parent, out.name + "*"))  # bytes written so far
    try:
        res = export(a.store, formats, a.out, base=a.base, context_url=a.context_url, download_url=a.download_url,
                     endpoint=a.endpoint, publication=pubn)
    except (FileNotFoundError, ExportError) as e:
        print(f"kg export: {e}", file=sys.stderr)
        return 2
    finally:
        ticker.stop()
    for fmt, path in res["files"].items():
        print(f"wrote {path} ({fmt})")
    print(f"wrote {res['dcat']} (DCAT + VoID) and {res['context']} (JSON-LD context); "
          f"{res['counts']['triples']} triples, {res['counts']['quads']} quads")
    for w in res["dcat_warnings"]:
        print(f"kg export: warning: DCAT: {w}", file=sys.stderr)
    return 0


def register(sub) -> None:
    from kg.iris import DEFAULT_BASE

    s = sub.add_parser("serve", help="SPARQL 1.1 endpoint and query page over a built store (read-only by default)")
    s.add_argument("--store", default="build", help="build output folder holding store/")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback; others print a warning)")
    s.add_argument("--port", type=int, default=7878, help="port (0 = pick a free one; default 7878)")
    s.add_argument("--timeout", type=float, default=30.0, help="query time limit in seconds (default 30)")
    s.add_argument("--allow-update", action="store_true",
                   help="accept SPARQL Update at /update and Graph Store Protocol writes at /store")
    s.add_argument("--auth", metavar="USER:PASSWORD",
                   help="require HTTP Basic auth on every request (or set KG_SERVE_AUTH)")
    s.add_argument("--workers", type=int, default=2, help="query worker processes (default 2)")
    s.add_argument("--quiet", action="store_true", help="do not log requests")
    s.add_argument("--allow-service", action="append", metavar="URL",
                   help="an endpoint SPARQL SERVICE (and LOAD, with --allow-update) may call; repeatable. "
                        "Without it the server fetches no URL")
    s.add_argument("--backlog", type=int, default=128, help="listen backlog (default 128)")
    s.add_argument("--request-timeout", type=float, default=10.0,
                   help="seconds for each socket operation and for receiving a whole request (default 10)")
    s.add_argument("--max-connections", type=int, default=8,
                   help="connections served at once; more wait in the listen queue for a moment, then are answered "
                        "503 (default 8)")
    s.add_argument("--max-result-bytes", type=int, default=64 << 20,
                   help="largest serialised query result; a larger one is refused with 422 (default 64 MiB)")
    s.add_argument("--long-after", type=float, default=1.0,
                   help="seconds after which a running query moves to the long-query lane (default 1)")
    s.add_argument("--long-lane", type=int, default=2,
                   help="long queries running at once; short ones keep --workers workers (default 2; 0 = no lane)")
    s.add_argument("--base", metavar="IRI",
                   help="base IRI of the store's IRIs: IRIs under it dereference here (303 to /page/… or /data/…); "
                        "default: the base the store was built with (report.json), else " + DEFAULT_BASE)
    s.set_defaults(func=cmd_serve)

    p = sub.add_parser("push", help="upload the store to a SPARQL 1.1 Graph Store Protocol endpoint")
    p.add_argument("--store", default="build", help="build output folder holding store/")
    p.add_argument("--endpoint", required=True, help="Graph Store Protocol service URL (e.g. http://host:7878/store)")
    p.add_argument("--graph", metavar="IRI",
                   help="put the union of all graphs into this graph (default: each named graph to its own name)")
    p.add_argument("--batch-size", type=int, default=50_000, help="triples per request (default 50000)")
    p.add_argument("--retries", type=int, default=4, help="retries per request on 5xx/429/network errors")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per request")
    p.add_argument("--auth", metavar="USER:PASSWORD", help="HTTP Basic credentials (or set KG_PUSH_AUTH)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_push)

    e = sub.add_parser("export", help="dump the store (ttl, nt, nq, jsonld) with a DCAT + VoID description")
    e.add_argument("--store", default="build", help="build output folder holding store/")
    e.add_argument("--format", action="append", required=True, metavar="ttl|nt|nq|jsonld",
                   help="output format; repeat or comma-separate for several (then --out is a file stem)")
    e.add_argument("--out", required=True, help="output file (or stem with several formats)")
    e.add_argument("--base", default=DEFAULT_BASE, help="base IRI of the dataset description")
    e.add_argument("--context-url", help="URL the JSON-LD context (embedded in the dump) is also published at; "
                                         "listed as the JSON-LD distribution's dcterms:conformsTo")
    d = e.add_argument_group("DCAT", "who publishes the data and what it covers (flags override --dcat-config); "
                                     "nothing is invented when not given: kg export warns what DCAT-AP misses")
    d.add_argument("--dcat-config", metavar="FILE", help="TOML or JSON with [publisher] name/name_en/url/type, "
                                                         "[contact] name/email/url, [dataset] spatial/themes/conforms_to")
    d.add_argument("--publisher", help="publisher name (foaf:name)")
    d.add_argument("--publisher-en", help="publisher name in English")
    d.add_argument("--publisher-url", help="publisher homepage")
    d.add_argument("--publisher-type", help="publisher type IRI (e.g. http://purl.org/adms/publishertype/NationalAuthority)")
    d.add_argument("--contact-name", help="contact point name (vcard:fn)")
    d.add_argument("--contact-email", help="contact point e-mail")
    d.add_argument("--contact-url", help="contact point URL (a form or page)")
    d.add_argument("--spatial", action="append", metavar="IRI", help="spatial coverage (repeat; default Japan: EU "
                                                                      "country authority JPN and GeoNames 1861060)")
    d.add_argument("--theme", action="append", metavar="IRI", help="dcat:theme (repeat; default EU data themes "
                                                                    "GOVE and ECON)")
    d.add_argument("--conforms-to", action="append", metavar="IRI", help="dcterms:conformsTo of the dataset (repeat)")
    e.add_argument("--download-url", help="URL the dumps will be published under (default {base}download/)")
    e.add_argument("--endpoint", help="public SPARQL endpoint URL to list in the description")
    e.set_defaults(func=cmd_export)

