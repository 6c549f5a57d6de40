"""`kg add`: a document added to a built store gives the same graph as building with it (on the seeds), replaces
its earlier version when changed, and leaves the rest alone."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from kg.build.pipeline import BuildOptions, build
from kg.cli import main
from kg.query.store import open_store
from tests.conftest import SEEDS

SEED0 = "000_38c8df3bc6a1d4a3.txt"


def _triples(out) -> set:
    return {q.triple for q in open_store(out)}


def seeds_except(name: str, folder):
    """A folder with every seed but ``name`` (what a build had before ``kg add`` of it)."""
    folder.mkdir()
    for p in sorted(SEEDS.iterdir()):
        if p.name != name:
            shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    d = tmp_path_factory.mktemp("incr")
    full = d / "full"
    build([str(SEEDS)], full, BuildOptions(quiet=True, validate=False))
    part_in = seeds_except(SEED0, d / "in")
    part = d / "part"
    build([str(part_in)], part, BuildOptions(quiet=True, validate=False))
    return d, full, part


def test_added_document_gives_the_full_build_graph(builds):
    d, full, part = builds
    before = _triples(part)
    assert main(["add", str(SEEDS / SEED0), "--store", str(part)]) == 0
    after = _triples(part)
    assert after - before  # the document's facts are there
    assert after == _triples(full)
    report = (part / "report.json").read_text(encoding="utf-8")
    assert SEED0 in report and "stale_files" in report


def test_changed_document_replaces_its_previous_version(builds):
    d, full, part = builds
    changed = d / "v2" / SEED0
    changed.parent.mkdir()
    text = (SEEDS / SEED0).read_text(encoding="utf-8").replace("株式会社柏屋本店", "株式会社柏屋本店新社")
    changed.write_text(text, encoding="utf-8")
    assert main(["add", str(changed), "--store", str(part)]) == 0
    store = open_store(part)
    names = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None)}
    assert "株式会社柏屋本店新社" in names and "株式会社柏屋本店" not in names
    assert main(["add", str(SEEDS / SEED0), "--store", str(part)]) == 0  # and back
    assert _triples(part) == _triples(full)


def test_data_sets_are_refused(builds, capsys):
    from tests.conftest import shared_path

    _, _, part = builds
    assert main(["add", str(shared_path("data", "judgit", "judgit-2017.ndjson.gz")), "--store", str(part)]) == 2
    assert "kg build" in capsys.readouterr().err
