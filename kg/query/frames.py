"""Pandas frames of a built graph: the named queries (typed), and tables derived from them.

Everything reads a store made by ``kg build`` through the named SPARQL queries in ontology/queries.
Literals are typed from their datatypes (xsd:integer -> int, xsd:decimal/double -> float); amounts are
百万円 and unknown amounts stay missing (NaN), never 0.
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pyoxigraph as ox

from kg.query.store import bind_parameters, open_store, query_header, resolve_query

_INT_TYPES = {"integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
              "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "gYear"}
_FLOAT_TYPES = {"decimal", "double", "float"}
_XSD = "http://www.w3.org/2001/XMLSchema#"

# ---------------------------------------------------------------- opening a graph

_STORES: dict[Path, ox.Store] = {}


def open_graph(build_dir: str | Path) -> ox.Store:
    """The read-only store of a build folder (opened once per process)."""
    key = Path(build_dir).resolve()
    if key not in _STORES:
        _STORES[key] = open_store(key)
    return _STORES[key]


def _store(store_or_dir) -> ox.Store:
    return store_or_dir if isinstance(store_or_dir, ox.Store) else open_graph(store_or_dir)


# ---------------------------------------------------------------- typed frames of named queries


def _value(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        local = dt[len(_XSD):] if dt.startswith(_XSD) else ""
        try:
            if local in _INT_TYPES:
                return int(term.value)
            if local in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:
            return term.value
        if local == "boolean":
            return term.value == "true"
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def query_columns(name: str) -> list[str]:
    """The columns a named query's header promises (its ``columns:`` line)."""
    _, text = resolve_query(name)
    for line in query_header(text):
        if line.startswith("columns:"):
            return [c.strip() for c in line[len("columns:"):].split(",") if c.strip()]
    return []


def frame(store_or_dir, query_name: str, **params) -> pd.DataFrame:
    """Run a named query (or .rq file) with parameters and return a typed DataFrame.

    Parameters are bound like ``kg.query.store.run_query`` does (``VALUES ?p { UNDEF }``); ``None`` leaves a
    parameter unbound. Integer columns are pandas ``Int64`` (nullable), decimal columns float, the rest str.
    """
    store = _store(store_or_dir)
    _, sparql = resolve_query(query_name)
    bound = {k: str(v) for k, v in params.items() if v is not None}
    sparql, subs = bind_parameters(sparql, bound)
    res = store.query(sparql, substitutions=subs or None, use_default_graph_as_union=True)
    if not isinstance(res, ox.QuerySolutions):
        raise ValueError(f"{query_name} is not a SELECT query")
    cols = [v.value for v in res.variables]
    rows = [[_value(sol[v]) for v in res.variables] for sol in res]
    return _typed(pd.DataFrame(rows, columns=cols))


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    for c in df.columns:
        vals = [v for v in df[c] if v is not None and not (isinstance(v, float) and math.isnan(v))]
        if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
            df[c] = pd.array([None if v is None else v for v in df[c]], dtype="Int64")
        elif vals and all(isinstance(v, int | float) and not isinstance(v, bool) for v in vals):
            df[c] = pd.to_numeric(df[c], errors="coerce").astype(float)
        elif not vals and len(df):
            df[c] = df[c].astype(object)
    return df


# one convenience function per named query


def contractor_programs(store, corp: str | None = None) -> pd.DataFrame:
    return frame(store, "contractor-programs", corp=corp)


def lineage_links(store, sheet: str | None = None) -> pd.DataFrame:
    return frame(store, "lineage", sheet=sheet)


def means_sheets(store, evaluation: str | None = None) -> pd.DataFrame:
    return frame(store, "means-sheets", evaluation=evaluation)


def policy_tree_rows(store, concept: str | None = None, ministry: str | None = None) -> pd.DataFrame:
    return frame(store, "policy-tree", concept=concept, ministry=ministry)


def program_budgets(store, program: str | None = None, sheet: str | None = None) -> pd.DataFrame:
    return frame(store, "program-budgets", program=program, sheet=sheet)


def same_measure(store, sheet: str | None = None) -> pd.DataFrame:
    return frame(store, "same-measure", sheet=sheet)


def shared_contractors(store, corp: str | None = None) -> pd.DataFrame:
    return frame(store, "shared-contractors", corp=corp)


def shared_statutes(store, law: str | None = None) -> pd.DataFrame:
    return frame(store, "shared-statutes", law=law)


def top_payees(store, year: int | None = None, ministry: str | None = None) -> pd.DataFrame:
    return frame(store, "top-payees", year=year, ministry=ministry)


def sheet_budgets(store, program: str | None = None, sheet: str | None = None,
                  ministry: str | None = None) -> pd.DataFrame:
    return frame(store, "sheet-budgets", program=program, sheet=sheet, ministry=ministry)


def statute_programs(store, law: str | None = None) -> pd.DataFrame:
    return frame(store, "statute-programs", law=law)


def payee_reach(store, corp: str | None = None) -> pd.DataFrame:
    return frame(store, "payee-reach", corp=corp)


def evaluation_tree(store, evaluation: str | None = None) -> pd.DataFrame:
    return frame(store, "evaluation-tree", evaluation=evaluation)


def program_corporations(store, corp: str | None = None) -> pd.DataFrame:
    return frame(store, "program-corporations", corp=corp)


def sheets(store, number: str | None = None, title: str | None = None, ministry: str | None = None) -> pd.DataFrame:
    return frame(store, "sheets", number=number, title=title, ministry=ministry)


QUERY_FUNCTIONS = {
    "contractor-programs": contractor_programs, "lineage": lineage_links, "means-sheets": means_sheets,
    "policy-tree": policy_tree_rows, "program-budgets": program_budgets, "same-measure": same_measure,
    "shared-contractors": shared_contractors, "shared-statutes": shared_statutes, "top-payees": top_payees,
    "sheet-budgets": sheet_budgets, "statute-programs": statute_programs, "payee-reach": payee_reach,
    "evaluation-tree": evaluation_tree, "program-corporations": program_corporations, "sheets": sheets,
}

# ---------------------------------------------------------------- tables


def contractor_table(store, min_programs: int = 1) -> pd.DataFrame:
    """Corporations by reach: programs, ministries, sheets, rows, blocks, total (百万円), first/last year;
    most programs first. ``min_programs`` keeps corporations paid by at least that many programs."""
    df = payee_reach(store)
    df = df[df["programs"] >= min_programs]
    return df.drop(columns=["corp_iri"]).reset_index(drop=True)


def law_table(store) -> pd.DataFrame:
    """Laws by how many sheets, programs and ministries cite them, and the budget they underpin: the sum over
    programs of the latest citing sheet's budget for its own review year (百万円; NaN when none is known)."""
    df = statute_programs(store)
    cols = ["law_iri", "name", "sheets", "programs", "ministries", "budget", "budget_known"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    latest = df.sort_values(["review_year", "sheet_iri"]).groupby(["law_iri", "program_iri"]).tail(1)
    budget = latest.groupby("law_iri")["budget"].agg(["sum", "count"])
    out = df.groupby("law_iri").agg(name=("name", "min"), sheets=("sheet_iri", "nunique"),
                                    programs=("program_iri", "nunique"), ministries=("ministry_name", "nunique"))
    out = out.join(budget.rename(columns={"sum": "budget", "count": "budget_known"}))
    out.loc[out["budget_known"] == 0, "budget"] = float("nan")
    out = out.reset_index().sort_values(["programs", "budget", "name"], ascending=[False, False, True])
    return out[cols].reset_index(drop=True)


def _program_years(df: pd.DataFrame) -> pd.DataFrame:
    """One row per (program, fiscal year): amounts from the latest review-year sheet that knows them."""
    if df.empty:
        return df
    df = df.sort_values(["program_iri", "fiscal_year", "review_year", "sheet_iri"],
                        ascending=[True, True, False, True])
    g = df.groupby(["program_iri", "fiscal_year"], sort=True)
    out = g[["initial", "total", "executed", "requested"]].first()  # first non-null per column
    out["ministry_name"] = g["ministry_name"].first()
    return out.reset_index()


def _rate(executed, budget):
    return executed / budget if pd.notna(executed) and pd.notna(budget) and budget != 0 else float("nan")


def resolve_sheet(store, sheet_or_program: str) -> str:
    """A program or sheet IRI, a 事業番号 or a sheet title -> an IRI accepted by ``sheet-budgets``
    (the latest sheet with that number or title; programs and sheets are returned as given)."""
    key = sheet_or_program.strip()
    if key.startswith(("http://", "https://", "urn:")):
        return key
    hit = sheets(store, number=key)
    if hit.empty:
        hit = sheets(store, title=key)
    if hit.empty:
        raise KeyError(f"no sheet with 事業番号 or title {key!r}")
    return hit.sort_values(["review_year", "sheet_iri"]).iloc[-1]["sheet_iri"]


def lineage_frame(store, sheet_or_program: str) -> pd.DataFrame:
    """A program across years: one row per fiscal year any of its sheets reports, with the sheet of that
    review year (or the latest sheet reporting the year) for number, name and division, and budget (計),
    executed, execution rate, initial budget and request (百万円) from the latest sheet that knows them."""
    ref = resolve_sheet(store, sheet_or_program)
    is_program = "/program/" in ref
    df = sheet_budgets(store, program=ref) if is_program else sheet_budgets(store, sheet=ref)
    cols = ["year", "review_year", "number", "name", "division", "budget", "executed", "execution_rate",
            "initial", "requested", "sheet"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for fy, grp in df.groupby("fiscal_year", sort=True):
        grp = grp.sort_values(["review_year", "sheet_iri"], ascending=[False, True])
        own = grp[grp["review_year"] == fy]
        ident = (own if not own.empty else grp).iloc[0]
        first = {c: grp[c].dropna().iloc[0] if grp[c].notna().any() else float("nan")
                 for c in ("total", "executed", "initial", "requested")}
        rows.append({"year": int(fy), "review_year": int(ident["review_year"]), "number": ident["number"],
                     "name": ident["title"], "division": ident["division_name"], "budget": first["total"],
                     "executed": first["executed"], "execution_rate": _rate(first["executed"], first["total"]),
                     "initial": first["initial"], "requested": first["requested"], "sheet": ident["sheet_iri"]})
    out = pd.DataFrame(rows, columns=cols)
    for c in ("budget", "executed", "execution_rate", "initial", "requested"):
        out[c] = out[c].astype(float)
    return out


def ministry_trend(store, ministry: str | None = None) -> pd.DataFrame:
    """Per ministry and fiscal year: programs with a known budget, the sum of their budgets (計) and of their
    executed amounts, and the execution rate over programs where both are known (百万円). Each program
    counts once per fiscal year, with the figures of its latest sheet that reports them."""
    py = _program_years(sheet_budgets(store, ministry=ministry))
    cols = ["ministry", "year", "programs", "budget", "executed", "execution_rate"]
    if py.empty:
        return pd.DataFrame(columns=cols)
    py = py[py["total"].notna() | py["executed"].notna()]
    both = py[py["total"].notna() & py["executed"].notna()]
    g = py.groupby(["ministry_name", "fiscal_year"])
    out = pd.DataFrame({"programs": g["total"].count(), "budget": g["total"].sum(min_count=1),
                        "executed": g["executed"].sum(min_count=1)})
    gb = both.groupby(["ministry_name", "fiscal_year"])
    ratio = gb["executed"].sum() / gb["total"].sum()
    out["execution_rate"] = ratio.where(gb["total"].sum() != 0)
    out = out.reset_index().rename(columns={"ministry_name": "ministry", "fiscal_year": "year"})
    out["year"] = out["year"].astype(int)
    return out[cols].sort_values(["ministry", "year"]).reset_index(drop=True)


def contractor_summary(store, shared_limit: int = 10) -> dict[str, object]:
    """Key numbers about contractors: corporations, how many are paid by several programs / ministries /
    payee-list rows, the widest-reaching one, the largest payee, and the blocks and total of each
    corporation paid in several rows (the ``shared_limit`` first by sheets and rows)."""
    reach = payee_reach(store)
    out: dict[str, object] = {
        "corporations": len(reach),
        "corporations_in_several_programs": int((reach["programs"] > 1).sum()),
        "corporations_in_several_ministries": int((reach["ministries"] > 1).sum()),
        "corporations_in_several_rows": int((reach["rows"] > 1).sum()),
    }
    if len(reach):
        top = reach.iloc[0]
        out["widest_corporation"] = top["number"]
        out["widest_corporation_programs"] = int(top["programs"])
    tp = top_payees(store)
    if len(tp):
        out["top_payee"] = tp.iloc[0]["name"]
        out["top_payee_total"] = float(tp.iloc[0]["total"])
    corp = tp[tp["number"].notna()]
    if len(corp):
        out["top_corporation"] = corp.iloc[0]["number"]
        out["top_corporation_total"] = float(corp.iloc[0]["total"])
    for r in shared_contractors(store).head(shared_limit).itertuples(index=False):
        out[f"blocks[{r.number}]"] = int(r.blocks)
        out[f"sheets[{r.number}]"] = int(r.sheets)
        out[f"total[{r.number}]"] = float(r.total)
    return out


def top_payees_by_year(store, top: int = 10) -> pd.DataFrame:
    """The ``top`` payees by amount in each review year (``top-payees`` per year), with a year column."""
    years = sorted(set(sheets(store)["review_year"].dropna().astype(int)))
    parts = [top_payees(store, year=y).head(top).assign(year=y) for y in years]
    cols = ["year", "payee", "name", "number", "total", "rows", "sheets"]
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True)[cols]
