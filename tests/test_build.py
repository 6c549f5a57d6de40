"""End-to-end: `kg build seeds` on a fresh output folder (issue 2)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS


def run_kg(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    r = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "CI": "1"})
    if check and r.returncode != 0:
        pytest.fail(f"kg {' '.join(args)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    r = run_kg("build", str(SEEDS), "--out", str(out))
    assert "kg build summary" in r.stdout
    return out


def test_outputs_and_report(built):
    for name in ("graph.nt", "graph.ttl", "graph.nq", "report.json"):
        assert (built / name).stat().st_size > 0, name
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    inputs = {Path(i["input"]).name: i for i in report["inputs"]}
    assert set(inputs) == {p.name for p in SEEDS.glob("*.txt")}
    assert all(i["status"] in ("ok", "warnings") for i in inputs.values())
    assert inputs["001_bd9263d41549200e.txt"]["status"] == "warnings"  # cut off inside 資金の流れ
    s = report["summary"]
    assert s["sheets"] == 4 and s["policy_evaluations"] == 1
    assert s["corporations"] == 16
    assert report["validation"]["conforms"] is True


def test_graph_is_deterministic(built, tmp_path):
    out2 = tmp_path / "again"
    run_kg("build", str(SEEDS), "--out", str(out2), "--no-cache")
    assert (built / "graph.nt").read_bytes() == (out2 / "graph.nt").read_bytes()
    lines = (built / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_second_build_uses_cache(built):
    r = run_kg("build", str(SEEDS), "--out", str(built))
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    assert all(i["cached"] for i in report["inputs"])
    assert "kg build summary" in r.stdout


def test_validate_store(built):
    r = run_kg("validate", "--store", str(built))
    assert r.stdout.startswith("conforms")


def test_extract_json_matches_schema_keys():
    r = run_kg("extract", str(SEEDS / "003_dbf95f44c3587854.txt"), "--json")
    rec = json.loads(r.stdout)
    assert rec["project_number"] == "2021-総務-20-0095"
    assert rec["payees"][2]["corporate_number"] == "1010001143390"
    assert rec["provenance"]["spans"]["project_name"][0] >= 1


def test_provenance_in_graph(built):
    nt = (built / "graph.nt").read_text(encoding="utf-8")
    assert "http://www.w3.org/ns/prov#wasDerivedFrom" in nt
