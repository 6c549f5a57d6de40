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
from kg.query.networks import SET_APART
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

# ---------------------------------------------------------------- inline pictures, connections, findings


def show(path: str | Path):
    """Print where a picture was saved and show it inline in a notebook (PNG as an image, a self-contained HTML
    page in an iframe); outside IPython only the path is printed. Returns the path."""
    p = Path(path)
    print(f"saved {p}")
    try:
        from IPython import get_ipython
        from IPython.display import HTML, Image, display
    except ImportError:
        return p
    if get_ipython() is None:
        return p
    if p.suffix == ".png":
        display(Image(filename=str(p)))
    elif p.suffix in (".html", ".htm"):
        import html as _html

        doc = _html.escape(p.read_text(encoding="utf-8"), quote=True)
        display(HTML(f'<iframe srcdoc="{doc}" style="width:100%;height:640px;border:1px solid #ddd"></iframe>'))
    return p


def related_frame(store, key: str, limit: int = 20, text: bool = True) -> pd.DataFrame:
    """``kg related`` as a frame: score, relation, kind, label, how (the reading of the link), path, iri."""
    from kg.query.related import related

    rows = related(store, key, limit=limit, text=text)
    cols = ["score", "relation", "kind", "label", "how", "path", "iri"]
    return pd.DataFrame([[r["score"], r["relation"], r["kind"], r["label"], r["detail"].get("how"),
                          " > ".join(lbl or iri for iri, lbl in r["path"]), r["iri"]] for r in rows], columns=cols)


def most_cited_program(store) -> str:
    """The program (IRI) whose sheets cite the most laws (ties: the first IRI)."""
    df = statute_programs(store)  # noqa: F405 - from kg.query.analyze
    if df.empty:
        raise LookupError("no sheet in the graph cites a law")
    n = df.groupby("program_iri")["law_iri"].nunique()
    return sorted(n[n == n.max()].index)[0]


def findings(sentences: Iterable[str], title: str = "Findings"):
    """The notebook's closing cell: the sentences (written from the numbers the notebook printed, by the
    *_findings functions) as Markdown, also printed as ``FINDING`` lines. Returns the Markdown object."""
    items = [s for s in sentences if s]
    for s in items:
        print(f"FINDING {s}")
    text = f"## {title}\n\n" + "\n".join(f"- {s}" for s in items) + "\n"
    try:
        from IPython.display import Markdown
    except ImportError:
        return text
    return Markdown(text)


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _m(v) -> str:
    return "unknown" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:,.0f} 百万円"


_GROUP_JA = {"local_government": "地方公共団体", "national_government": "国の機関", "lump_sum": "まとめて記載された支出先",
             "corporation": "法人", "payee": "支出先"}


def contractor_findings(summary: dict, ranked: pd.DataFrame, apart: pd.DataFrame, network,
                        reach: pd.DataFrame | None = None) -> list[str]:
    """Sentences from the contractors notebook's numbers: the largest payee, what was set apart and its share,
    the largest corporation and how many programs pay it, the widest-reaching payee and (``reach``: the
    contractor_table) the widest-reaching corporation outside 地方公共団体 and 国の機関."""
    out = []
    if len(ranked):
        t = ranked.iloc[0]
        out.append(f"The largest payee in the ranking is {t['label']} ({_GROUP_JA.get(t['group'], t['group'])}): "
                   f"{_m(t['total'])} in {_n(int(t['rows']), 'payee-list row')}.")
        share = apart["total"].sum() / ranked["total"].sum() if ranked["total"].sum() else float("nan")
        counts = apart["group"].value_counts()
        parts = ", ".join(f"{int(counts[g])} {_GROUP_JA[g]}" for g in SET_APART if g in counts)
        out.append(f"{len(apart)} of the {len(ranked)} ranked payees are set apart from the network ({parts or 'none'}): "
                   f"{_m(apart['total'].sum())}, {share:.1%} of the ranked total.")
    corps = sorted(((d["total"], n) for n, d in network.nodes(data=True) if d["kind"] == "corporation"), reverse=True)
    if corps:
        total, n = corps[0]
        d = network.nodes[n]
        out.append(f"The largest corporation is {d['label']} ({d['number']}): {_m(total)}, paid by "
                   f"{_n(int(d['programs']), 'program')} (the network draws the {network.degree(n)} paying it most).")
    if summary.get("widest_corporation"):
        number = str(summary["widest_corporation"])
        kind = payee_group(None, number)  # noqa: F405 - from kg.query.analyze
        out.append(f"{summary['corporations_in_several_programs']} of {summary['corporations']} corporations are paid "
                   f"by more than one program; the widest-reaching, {number}"
                   + (f" ({_GROUP_JA[kind]})" if kind != "corporation" else "")
                   + f", by {_n(int(summary['widest_corporation_programs']), 'program')}.")
    if reach is not None and len(reach) and summary.get("widest_corporation"):
        groups = [payee_group(nm, num) for nm, num in zip(reach["name"], reach["number"], strict=True)]  # noqa: F405
        own = reach[[g == "corporation" for g in groups]]
        if len(own) and str(own.iloc[0]["number"]) != str(summary["widest_corporation"]):
            w = own.iloc[0]
            out.append(f"Leaving 地方公共団体 and 国の機関 aside, the widest-reaching corporation is {w['name']} "
                       f"({w['number']}), paid by {_n(int(w['programs']), 'program')} of "
                       f"{_n(int(w['ministries']), 'ministry').replace('ministrys', 'ministries')}.")
    return out


def policy_findings(laws: pd.DataFrame, tree_keys: dict, means: pd.DataFrame) -> list[str]:
    """Sentences from the statutes-and-policy notebook's numbers: the law underpinning the most programs, the
    size of the policy tree, the 達成手段 budget and its largest 達成手段."""
    out = []
    if len(laws):
        t = laws.iloc[0]
        out.append(f"{len(laws)} laws are cited as 根拠法令; {t['name']} underpins the most programs "
                   f"({int(t['programs'])}, in {_n(int(t['sheets']), 'sheet')}) and a budget of {_m(t['budget'])}.")
    if tree_keys:
        named = int(tree_keys.get("sheet", 0)) - int(tree_keys.get("sheets_held", 0))
        out.append(f"The policy tree holds {tree_keys['policy']} 政策, {tree_keys['measure']} 施策, "
                   f"{tree_keys['indicator']} 測定指標 and {tree_keys['means']} 達成手段, over "
                   f"{tree_keys.get('sheets_held', 0)} sheets in the graph and {named} sheets named only by a 達成手段.")
    known = means[means["budget"].notna()] if len(means) else means
    if len(known):
        top = known.sort_values(["budget", "index"], ascending=[False, True]).iloc[0]
        total = float(tree_keys.get("means_budget") or known["budget"].sum())
        out.append(f"The 達成手段 budget of the evaluation year is {_m(total)}; the largest 達成手段, "
                   f"{int(top['index'])}. {top['name']}, has {_m(top['budget'])} ({top['budget'] / total:.1%}).")
    return out


def budget_findings(program: str, lineage: pd.DataFrame, trend: pd.DataFrame, connected: pd.DataFrame) -> list[str]:
    """Sentences from the budgets notebook's numbers: the program's budget from its first to its last year and
    its execution rates, its closest connection, and the ministry's latest year."""
    out = []
    known = lineage[lineage["budget"].notna()]
    if len(known):
        a, b = known.iloc[0], known.iloc[-1]
        change = (b["budget"] - a["budget"]) / a["budget"] if a["budget"] else float("nan")
        rates = lineage["execution_rate"].dropna()
        out.append(f"{b['name'] or program}: budget {_m(a['budget'])} in {int(a['year'])}, {_m(b['budget'])} in "
                   f"{int(b['year'])} ({change:+.1%})" + (f"; execution rate between {rates.min():.1%} and "
                                                            f"{rates.max():.1%}." if len(rates) else "."))
    progs = connected[connected["kind"] == "program"] if len(connected) else connected
    if len(progs):
        c = progs.iloc[0]
        out.append(f"The program most closely connected to it is {c['label']} ({c['relation']}, score "
                   f"{c['score']:.3f}): {c['how']}.")
    means = connected[connected["relation"] == "implements"] if len(connected) else connected
    if len(means):
        out.append(f"It implements {means.iloc[0]['how']}.")
    if len(trend):
        last = trend.sort_values(["year", "budget"], ascending=[True, True]).iloc[-1]
        out.append(f"{last['ministry']} in {int(last['year'])}: {_n(int(last['programs']), 'program')} with a known "
                   f"budget, {_m(last['budget'])} in all.")
    return out


__all__ = [*_analysis, "ROOT", "SEEDS_CACHE", "ensure_build", "out_dir", "print_frame_keys", "print_keys",
           "flow_keys", "flow_table", "sankey", "sankey_html", "top_flow_trees", "show", "related_frame", "findings",
           "contractor_findings", "policy_findings", "budget_findings", "most_cited_program"]
