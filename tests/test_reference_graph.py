"""graph.nt of seeds + JUDGIT 2017 is byte-identical to the recorded reference (issue 15: a regrouping changes no
output). A change meant to change the graph refreshes the reference with scripts/refresh_reference.py in the same
commit and says why."""
from __future__ import annotations

import importlib.util

from tests.conftest import ROOT, shared_path


def _refresh_module():
    spec = importlib.util.spec_from_file_location("refresh_reference", ROOT / "scripts" / "refresh_reference.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_graph_is_byte_identical_to_the_reference(tmp_path):
    shared_path("data", "judgit", "judgit-2017.ndjson.gz")
    mod = _refresh_module()
    want_digest, want_lines = mod.REFERENCE.read_text(encoding="utf-8").split()
    digest, lines = mod.build_reference(tmp_path / "out")
    assert lines == int(want_lines), f"graph.nt has {lines:,} triples, the reference {int(want_lines):,}"
    assert digest == want_digest, "graph.nt differs from the reference (run scripts/refresh_reference.py if meant)"
