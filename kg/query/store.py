"""The embedded store (pyoxigraph on disk) and read-only SPARQL over it.

A build writes a new store aside and swaps it in only when complete, through a journalled commit
(kg.query.atomic): a build killed at any point leaves the previous store or the new one usable, and the next
build, ``kg add`` or ``kg query`` finishes or undoes the interrupted swap.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox

from kg.paths import QUERY_DIR

STORE_DIRNAME = "store"


class QueryError(Exception):
    pass


def store_path(out_dir: str | Path) -> Path:
    return Path(out_dir) / STORE_DIRNAME


def build_store(target: str | Path, nquads_file: str | Path) -> Path:
    """Bulk-load ``nquads_file`` into a new store at ``target`` (removed first if a killed run left one), flushed,
    optimised and closed."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    st = ox.Store(str(target))
    st.bulk_load(path=str(nquads_file), format=ox.RdfFormat.N_QUADS)
    st.flush()
    st.optimize()
    del st
    return target


def copy_store(source: str | Path, target: str | Path) -> Path:
    """A copy of the store at ``source`` as a new store at ``target`` (RocksDB checkpoint: the immutable files are
    hard-linked, so this is cheap on one file system); the copy can then be changed without touching the source."""
    st = ox.Store(str(source))
    try:
        st.backup(str(target))
    finally:
        del st
    return Path(target)


def load_new_store(out_dir: str | Path, nquads_file: str | Path) -> Path:
    """Bulk-load ``nquads_file`` as ``out_dir/store``: built aside in the staging folder and swapped in by a journalled
    commit (kg.query.atomic), so a run killed at any point leaves the previous store or the new one, never none."""
    from kg.query import atomic

    s = atomic.begin(out_dir)
    build_store(s / STORE_DIRNAME, nquads_file)
    atomic.commit(out_dir, [], store=True)
    return store_path(out_dir)


def locate_store(out_dir: str | Path) -> Path:
    """The store folder of build folder ``out_dir`` (or ``out_dir`` itself when it is a store). An interrupted build
    or swap is repaired first when no writer holds the folder; while one does, the last complete store is used."""
    from kg.query import atomic

    out = Path(out_dir)
    p = store_path(out)
    if not p.exists() and (out / "CURRENT").exists():
        return out  # the store folder itself
    if (atomic.staging_dir(out).exists() or not p.exists()) and out.is_dir() and atomic.lock_is_free(out):
        try:
            with atomic.output_lock(out, "kg repair"):
                atomic.recover(out)
        except (atomic.BusyError, atomic.OutputError, OSError):
            pass  # a writer came in, or the folder is read-only: read what is there
    found = p if p.exists() else atomic.usable_store(out)
    if found is None:
        raise FileNotFoundError(f"no kg store under {out_dir} (run `kg build ... --out {out_dir}` first)")
    return found


def open_store(out_dir: str | Path, read_only: bool = True) -> ox.Store:
    p = locate_store(out_dir)
    return ox.Store.read_only(str(p)) if read_only else ox.Store(str(p))


def named_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


def query_header(text: str) -> list[str]:
    """The leading comment lines of a query file (what it answers, its parameters)."""
    out = []
    for line in text.splitlines():
        if line.startswith("#"):
            out.append(line.lstrip("# ").rstrip())
        elif line.strip():
            break
    return out


TYPED_SUFFIXES = ("_ja", "_int")  # typed companions of a parameter (see bind_parameters)


def query_parameters(text: str) -> list[str]:
    """The parameters a query declares (``VALUES ?x { UNDEF }``), in order, without typed companions."""
    found = list(dict.fromkeys(_values_re(r"([A-Za-z_][A-Za-z0-9_]*)", literal=False).findall(text)))
    return [v for v in found if not any(v.endswith(s) and v[: -len(s)] in found for s in TYPED_SUFFIXES)]


def resolve_query(name_or_file: str) -> tuple[str, str]:
    """(name, SPARQL text) for a named query or a .rq file path."""
    qs = named_queries()
    if name_or_file in qs:
        return name_or_file, qs[name_or_file].read_text(encoding="utf-8")
    p = Path(name_or_file)
    if p.is_file():
        return p.stem, p.read_text(encoding="utf-8")
    raise QueryError(f"no named query or file {name_or_file!r}; named queries: {', '.join(qs)}")


def _term(value: str) -> ox.NamedNode | ox.Literal:
    if value.startswith(("http://", "https://", "urn:")):
        return ox.NamedNode(value)
    return ox.Literal(value)


XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _typed_forms(value: str, term) -> dict[str, ox.Literal]:
    """The typed companions of a literal parameter value: ``_ja`` (NFKC, @ja, as labels and titles are stored)
    and ``_int`` (xsd:integer, as years are stored) when the value is a whole number."""
    from kg.normalize.text import nfkc

    if not isinstance(term, ox.Literal):
        return {}
    folded = nfkc(value).strip()
    forms = {TYPED_SUFFIXES[0]: ox.Literal(folded, language="ja")}
    if re.fullmatch(r"[+-]?\d+", folded):
        forms[TYPED_SUFFIXES[1]] = ox.Literal(str(int(folded)), datatype=XSD_INTEGER)
    return forms


def _values_re(name: str, literal: bool = True) -> re.Pattern:
    """``VALUES ?name { UNDEF }``, the declaration of a parameter (``name`` a regex when not ``literal``)."""
    return re.compile(r"VALUES\s+\?" + (re.escape(name) if literal else name) + r"\s*\{\s*UNDEF\s*\}",
                      re.IGNORECASE)


def bind_parameters(sparql: str, params: dict[str, str]) -> tuple[str, dict]:
    """Bind query parameters without pasting user text into the query.

    A named query declares a parameter as ``VALUES ?name { UNDEF }`` (unbound = no constraint). A value
    given for it replaces UNDEF with the RDF term *serialised by pyoxigraph* (an IRI, or a literal with
    its quotes and escapes), exactly like a prepared statement: the value can never become query syntax.
    Typed companions let a query look the value up through the indexes instead of comparing strings: a
    ``VALUES ?name_ja { UNDEF }`` receives the value as an NFKC ``@ja`` literal (how labels and titles are
    stored) and ``VALUES ?name_int { UNDEF }`` as an xsd:integer (how years are stored) when it is a whole number.
    Other parameters must be projected variables and go through SEP-0007 substitutions.
    """
    subs: dict = {}
    for raw_name, value in params.items():
        name = raw_name.lstrip("?$")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"bad parameter name {raw_name!r}")
        term = _term(value)
        if _values_re(name).search(sparql):
            for n, t in {name: term, **{name + s: f for s, f in _typed_forms(value, term).items()}}.items():
                sparql = _values_re(n).sub(lambda _m, n=n, t=t: f"VALUES ?{n} {{ {t} }}", sparql)
        else:
            subs[ox.Variable(name)] = term
    return sparql, subs


def run_query(store: ox.Store, sparql: str, params: dict[str, str] | None = None):
    """Run a read query with parameters bound (see ``bind_parameters``), never pasted.

    Returns (variables, rows) for SELECT, (None, bool) for ASK, ("triples", list) for CONSTRUCT.
    """
    head = re.sub(r"(?m)#.*$", "", sparql)
    if re.search(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b\s*(DATA|WHERE|GRAPH|SILENT|ALL|DEFAULT|NAMED|<|\{)",
                 head, re.IGNORECASE):
        raise QueryError("only read queries (SELECT/ASK/CONSTRUCT/DESCRIBE) are accepted here")
    sparql, subs = bind_parameters(sparql, params or {})
    try:
        res = store.query(sparql, substitutions=subs or None, use_default_graph_as_union=True)
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {e}") from None
    except RuntimeError as e:
        raise QueryError(str(e)) from None
    if isinstance(res, bool) or type(res).__name__ == "QueryBoolean":
        return None, bool(res)
    if isinstance(res, ox.QuerySolutions):
        variables = [v.value for v in res.variables]
        rows = [[_plain(sol[v]) for v in variables] for sol in res]
        return variables, rows
    return "triples", list(res)


def _plain(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal | ox.NamedNode):
        return term.value
    return str(term)

