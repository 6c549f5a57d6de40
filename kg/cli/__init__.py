"""kg command line: one subcommand per user task; the commands live in kg.cli.* modules (no logic here)."""
from __future__ import annotations

import argparse
import sys

COMMAND_MODULES = ("build", "extract", "query", "publish", "search")


def make_parser() -> argparse.ArgumentParser:
    import importlib

    ap = argparse.ArgumentParser(prog="kg", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"kg.cli.{name}").register(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    a = make_parser().parse_args(argv)
    try:
        return a.func(a) or 0
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
