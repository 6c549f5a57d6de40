"""kg command line: one subcommand per user task; the commands live in kg.cli.* modules (no logic here)."""
from __future__ import annotations

import argparse
import sys

COMMAND_MODULES = ("build", "extract", "query", "publish", "flow", "findings", "search", "related")


def make_parser() -> argparse.ArgumentParser:
    import importlib

    ap = argparse.ArgumentParser(prog="kg", description=__doc__)
    ap.add_argument("-v", "--verbose", action="count", default=0,
                    help="log each stage (seconds, peak memory) to stderr; -vv for debug detail")
    ap.add_argument("-q", dest="quiet_log", action="store_true",
                    help="only errors on stderr: no progress bars, no warnings")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"kg.cli.{name}").register(sub)
    return ap


def setup_logging(verbose: int = 0, quiet: bool = False) -> None:
    """kg's loggers ("kg", "kg.build", ...) to stderr: WARNING by default, INFO with -v, DEBUG with -vv, ERROR
    with -q. Progress bars (kg.build.progress) are drawn only when stderr is a terminal and the level allows."""
    import logging

    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logger = logging.getLogger("kg")
    logger.setLevel(level)
    if not any(getattr(h, "_kg", False) for h in logger.handlers):
        h = logging.StreamHandler(sys.stderr)
        h.setFormatter(logging.Formatter("kg %(levelname)s %(name)s: %(message)s"))
        h._kg = True  # type: ignore[attr-defined]
        logger.addHandler(h)
    logger.propagate = False


def main(argv: list[str] | None = None) -> int:
    a = make_parser().parse_args(argv)
    setup_logging(a.verbose, a.quiet_log)
    try:
        return a.func(a) or 0
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
