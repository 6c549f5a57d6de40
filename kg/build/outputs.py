"""The files of a build derived from the sorted graph.nq: graph.nt (the union graph, sorted and unique) and
graph.ttl (the same triples as Turtle with the kg prefixes).

graph.nt needs no second sort (issue 22): graph.nq's lines are sorted and unique, and dropping the graph of every
line keeps that order, with a triple given in several graphs on adjacent lines. A line is ``body + " <g> .\\n"``
and its triple ``body + " .\\n"``: two lines with different bodies compare at the first byte where the bodies
differ, or, when one body is a prefix of the other, at the space that follows the shorter body in both forms —
the same bytes decide the order of the lines and of their triples. So one pass that drops graphs and skips a line
equal to the one before gives the sorted, unique union (checked as it goes: a line out of order is an error, never
an unsorted graph.nt). On the national build this replaced a 3.5 GB ``sort -u`` (bench/README.md).

In ``kg build`` both files are written by a child process (``start_outputs``: ``python -m kg.build.outputs DIR``)
while the store loads and the graph is validated.
"""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from kg.build import sort


def write_outputs(lines: Iterable[str], out: Path) -> dict:
    """Write sorted graph.nq (from unsorted ``lines``), then graph.nt and graph.ttl from it; return counts."""
    sort.write_lines(out / "graph.nq", sort.sorted_unique(lines, out))
    return finish_outputs(out)


def finish_outputs(out: Path) -> dict:
    """graph.nt (the union of out/graph.nq's graphs, sorted and unique) and graph.ttl; returns the counts."""
    nt = out / "graph.nt"
    quads, triples = union_counts(out / "graph.nq", nt)
    write_turtle(nt, out / "graph.ttl")
    return {"quads": quads, "triples": triples}


def union_counts(nq: Path, nt: Path) -> tuple[int, int]:
    """graph.nt from the sorted, unique ``nq``: each line's graph dropped, repeats skipped (see the module
    docstring for why the order holds); returns (quads, triples). Raises ValueError naming the line if ``nq`` is
    not sorted."""
    n, i, last = 0, 0, b""
    with nq.open("rb") as src, nt.open("wb") as dst:
        write = dst.write
        for i, q in enumerate(src, 1):  # noqa: B007 - i is the count of quads after the loop
            t = drop_graph_bytes(q)
            if t != last:
                if t < last:
                    raise ValueError(f"{nq}: line {i} is out of order: graph.nq must be sorted")
                write(t)
                last = t
                n += 1
    return i, n


def drop_graph_bytes(q: bytes) -> bytes:
    """The N-Triples line of an N-Quads line (bytes), its graph dropped: a line ends with `` <graph> .\n`` and a
    graph IRI never holds `` <``; a line without a graph (ending in a literal) is returned as it is."""
    body = q.rstrip()[:-1].rstrip()
    if body.endswith(b">"):
        cut = body.rfind(b" <")
        if cut > 0:
            return body[:cut] + b" .\n"
    return q


def write_turtle(nt: Path, ttl: Path) -> None:
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    with nt.open("rb") as f, ttl.open("wb") as g:
        ox.serialize(ox.parse(f, format=ox.RdfFormat.N_TRIPLES), g, format=ox.RdfFormat.TURTLE,
                     prefixes=PREFIXES)


class BackgroundOutputs:
    """graph.nt and graph.ttl of ``out``'s sorted graph.nq, written by a child process (its own core: the parent
    loads the store and validates meanwhile). ``result()`` waits and returns the counts {quads, triples}; a failure
    raises OSError with the child's message; ``cancel()`` stops it."""

    def __init__(self, out: Path):
        self.out = out
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.build.outputs", str(out)], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)

    def result(self) -> dict:
        stdout, stderr = self.proc.communicate()
        if self.proc.returncode:
            msg = (stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"])[-1]
            raise OSError(f"{self.out}: writing graph.nt/graph.ttl failed: {msg}")
        quads, triples = stdout.split()[-2:]
        return {"quads": int(quads), "triples": int(triples)}

    def cancel(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()


def main(argv: list[str]) -> int:
    counts = finish_outputs(Path(argv[0]))
    print(counts["quads"], counts["triples"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
