"""The files of a build derived from the sorted graph.nq: graph.nt (the union graph, sorted and unique) and
graph.ttl (the same triples as Turtle with the kg prefixes)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.build import sort


def write_outputs(lines: Iterable[str], out: Path) -> dict:
    """Write sorted graph.nq (from unsorted ``lines``), then graph.nt and graph.ttl from it; return counts."""
    return finish_outputs(out, sort.write_lines(out / "graph.nq", sort.sorted_unique(lines, out)))


def finish_outputs(out: Path, n_quads: int) -> dict:
    """graph.nt (the union of out/graph.nq's graphs, sorted and unique) and graph.ttl; returns the counts."""
    nt = out / "graph.nt"
    n_triples = union_triples(out / "graph.nq", nt, out)
    write_turtle(nt, out / "graph.ttl")
    return {"quads": n_quads, "triples": n_triples}


def union_triples(nq: Path, nt: Path, tmp_dir: Path) -> int:
    """graph.nt: the quads without their graph, sorted and unique. GNU sort in the C locale orders UTF-8 lines
    by code point exactly as Python does (N-Triples lines hold no character below '\\n'), in parallel and much
    faster; without it, the same order comes from the Python external sort."""
    exe = sort.gnu_sort()
    if not exe:
        with nq.open(encoding="utf-8") as src:
            return sort.write_lines(nt, sort.sorted_unique((drop_graph(q) for q in src), tmp_dir))
    flat = tmp_dir / "graph.flat.tmp"
    try:
        with nq.open(encoding="utf-8") as src, flat.open("w", encoding="utf-8") as f:
            f.writelines(drop_graph(q) for q in src)
        sort.sort_unique_files(exe, [str(flat)], nt, tmp_dir)
    finally:
        flat.unlink(missing_ok=True)
    return sort.count_lines(nt)


def drop_graph(nq_line: str) -> str:
    """The N-Triples line of an N-Quads line (its graph dropped)."""
    # an N-Quads line ends with " <graph> .\n"; the graph IRI never contains '> <'.
    body = nq_line.rstrip()[:-1].rstrip()
    if body.endswith(">"):
        cut = body.rfind(" <")
        if cut > 0:
            return body[:cut] + " .\n"
    return nq_line


def write_turtle(nt: Path, ttl: Path) -> None:
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    with nt.open("rb") as f, ttl.open("wb") as g:
        ox.serialize(ox.parse(f, format=ox.RdfFormat.N_TRIPLES), g, format=ox.RdfFormat.TURTLE,
                     prefixes=PREFIXES)
