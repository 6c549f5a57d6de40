"""What the notebooks in notebooks/ call: a build to read (``ensure_build``), where to write pictures, how to print
key numbers, and every analysis function of kg.query.analyze (frames, networks, plots).

It sits above both the build and the query rooms: ``ensure_build`` runs the pipeline over seeds/ when no build is
given, which kg.query itself never does.
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from kg.paths import PACKAGE_DIR, QUERY_DIR
from kg.query.analyze import *  # noqa: F403 - the notebooks' one import
from kg.query.analyze import __all__ as _analysis
from kg.query.flow import flow_keys, sankey, top_flow_trees  # issue 18: money flows
from kg.query.flow import format_table as flow_table
from kg.query.sankey import sankey_html

ROOT = PACKAGE_DIR.parent  # the source tree (seeds/), for notebooks run from a checkout
SEEDS_CACHE = ROOT / "build" / "notebook-seeds"


def ensure_build(dir: str | Path | None = None) -> Path:  # noqa: A002 - the brief's signature
    """The build folder to analyse: ``dir`` if given, else $KG_BUILD, else seeds/ built once into
    build/notebook-seeds (rebuilt when a seed or a kg source file is newer than that build)."""
    if dir is not None:
        return _checked_build(Path(dir))
    env = os.environ.get("KG_BUILD")
    if env:
        return _checked_build(Path(env))
    out = SEEDS_CACHE
    report = out / "report.json"
    if not report.exists() or not (out / "store").exists() or _newest_input() > report.stat().st_mtime:
        from kg.build.pipeline import BuildOptions, build

        build([str(ROOT / "seeds")], out, BuildOptions(quiet=True))
    return out


def _checked_build(p: Path) -> Path:
    if not (p / "store").exists() and not (p / "CURRENT").exists():
        raise FileNotFoundError(f"{p} is not a kg build folder (no store/); run `kg build ... --out {p}`")
    return p


def _newest_input() -> float:
    files = list((ROOT / "seeds").iterdir()) + list(PACKAGE_DIR.rglob("*.py")) + list(QUERY_DIR.glob("*.rq"))
    return max((f.stat().st_mtime for f in files if f.is_file()), default=0.0)


def out_dir() -> Path:
    """Where notebooks write their PNG/HTML files: $KG_NOTEBOOK_OUT, else notebooks/out."""
    p = Path(os.environ.get("KG_NOTEBOOK_OUT") or ROOT / "notebooks" / "out")
    p.mkdir(parents=True, exist_ok=True)
    return p


# ---------------------------------------------------------------- printing key numbers


def print_keys(pairs: dict | Iterable[tuple[str, object]]) -> None:
    """Print ``KEY name=value`` lines (stable format read by tests/test_notebooks.py)."""
    items = pairs.items() if isinstance(pairs, dict) else pairs
    for k, v in items:
        if v is None or v is pd.NA:
            v = "nan"
        elif isinstance(v, float):
            v = "nan" if math.isnan(v) else (int(v) if v.is_integer() else round(v, 4))
        print(f"KEY {k}={v}")


def print_frame_keys(df: pd.DataFrame, key: str | list[str], values: list[str], limit: int | None = None) -> None:
    """Print ``KEY value[key]=number`` for each row (first ``limit`` rows) and value column of a frame."""
    keys = [key] if isinstance(key, str) else key
    for _, r in (df if limit is None else df.head(limit)).iterrows():
        k = "|".join(str(r[c]) for c in keys)
        print_keys((f"{v}[{k}]", r[v]) for v in values)

__all__ = [*_analysis, "ROOT", "SEEDS_CACHE", "ensure_build", "out_dir", "print_frame_keys", "print_keys",
           "flow_keys", "flow_table", "sankey", "sankey_html", "top_flow_trees"]
