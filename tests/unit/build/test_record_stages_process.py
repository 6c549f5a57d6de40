"""kg build runs extract -> terms -> link -> emit in a forked child process (kg.build.pipeline
._record_stages_isolated, issue 22: the records' memory goes back to the system when it exits). The build gives the
same graph and report either way, marks every stage, and a failure in the child is raised in the parent with the
child's traceback while the previous outputs stay whole."""
from __future__ import annotations

import json
import os

import pytest

from kg.build import pipeline
from kg.build.pipeline import BuildOptions, build
from tests.conftest import SEEDS

VOLATILE = ("stages", "stage_resources", "peak_memory_mb", "seconds", "payee_cells")


def _stable(report: dict) -> dict:
    r = {k: v for k, v in report.items() if k not in VOLATILE}
    r["inputs"] = [{k: v for k, v in i.items() if k != "seconds"} for i in r["inputs"]]
    r["validation"] = {k: v for k, v in r["validation"].items() if k not in ("seconds", "cpu_seconds", "slowest_checks")}
    r["terms"] = {k: v for k, v in r["terms"].items() if "second" not in k}
    return r


def test_the_child_process_gives_the_same_build(tmp_path):
    a = build([str(SEEDS)], tmp_path / "child", BuildOptions(quiet=True, cache=False))
    b = build([str(SEEDS)], tmp_path / "inline", BuildOptions(quiet=True, cache=False, isolate=False))
    assert (tmp_path / "child" / "graph.nt").read_bytes() == (tmp_path / "inline" / "graph.nt").read_bytes()
    assert _stable(a) == _stable(b)
    assert a["exit_code"] == 0 and a["validation"]["conforms"] and a["summary"]["triples"] > 7000
    assert list(a["stages"]) == list(b["stages"]) == ["extract", "terms", "link", "emit", "sort", "store",
                                                        "validate", "outputs"]
    assert (tmp_path / "child" / "payee-cells.sqlite").is_file() and a["payee_cells"]
    # 法人番号 of a payee of seed 003 made it through the child's emission into the published graph
    assert "1010001143390" in (tmp_path / "child" / "graph.nt").read_text(encoding="utf-8")


def test_a_failure_in_the_child_is_raised_here_and_the_last_build_stays(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([str(SEEDS)], out, BuildOptions(quiet=True, cache=False, validate=False))
    before = (out / "graph.nt").read_bytes()
    parent = os.getpid()

    def broken(records, **kw):
        assert os.getpid() != parent  # linking runs in the child
        raise ValueError("linker broke on purpose")

    monkeypatch.setattr("kg.link.link_all", broken)
    with pytest.raises(ValueError, match="linker broke on purpose") as e:
        build([str(SEEDS)], out, BuildOptions(quiet=True, cache=False, validate=False))
    assert any("in the record stages' process" in n and "broken" in n for n in getattr(e.value, "__notes__", []))
    assert (out / "graph.nt").read_bytes() == before
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["exit_code"] == 0


def test_a_child_that_dies_is_an_error_not_a_hang(tmp_path, monkeypatch):
    def killed(records, **kw):
        os._exit(9)

    monkeypatch.setattr("kg.link.link_all", killed)
    with pytest.raises(RuntimeError, match="exit code 9"):
        build([str(SEEDS)], tmp_path / "out", BuildOptions(quiet=True, cache=False, validate=False))
    assert pipeline.BuildOptions().isolate


def test_the_records_handed_over_in_shares_give_the_same_build(tmp_path, monkeypatch):
    """With two jobs the record process pickles its linked records in shares and exits, and the build process emits
    them (kg.build.parallel.write_shares / emit_shares): the same graph.nt and report as emitting in one process."""
    from kg.build import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_RECORDS", 0)
    parent, called = os.getpid(), []
    emit_shares = pipeline.emit_shares

    def noting(shares, base):
        called.append((os.getpid(), len(shares)))
        return emit_shares(shares, base)

    monkeypatch.setattr(pipeline, "emit_shares", noting)
    a = build([str(SEEDS)], tmp_path / "handed", BuildOptions(quiet=True, cache=False, jobs=2))
    b = build([str(SEEDS)], tmp_path / "inline", BuildOptions(quiet=True, cache=False, jobs=2, isolate=False))
    assert called == [(parent, 2)]  # once, here, after the record process had exited
    assert (tmp_path / "handed" / "graph.nt").read_bytes() == (tmp_path / "inline" / "graph.nt").read_bytes()
    assert _stable(a) == _stable(b)
    assert list(a["stages"]) == ["extract", "terms", "link", "emit", "sort", "store", "validate", "outputs"]
    assert not list((tmp_path / "handed").glob("*.pickle")) and a["validation"]["conforms"]
    assert "1010001143390" in (tmp_path / "handed" / "graph.nt").read_text(encoding="utf-8")
