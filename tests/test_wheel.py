"""The installable package (issue 16): a wheel built from the project holds the ontology, the SHACL shapes and
the named queries, and once installed into a fresh venv, `kg build seeds`, `kg query --list` and `kg validate`
work from another directory (kg reads no file outside its package).

The fresh venv gets the wheel itself (``pip install --no-deps``); its third-party dependencies are borrowed from
the test venv through a .pth line (installing pandas, matplotlib, SudachiPy... again would take minutes), and
``pip check`` then verifies that the wheel's declared requirements are all satisfied."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parent.parent


def run(*cmd, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    src = out / "src"  # build from a copy: no build/ or egg-info left in the project
    skip_top = {".venv", ".git", "build", "notebooks", ".pytest_cache", ".ruff_cache"}
    skip_any = shutil.ignore_patterns("*.egg-info", "__pycache__")

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = {n for n in names if n in skip_top} if Path(folder) == ROOT else set()
        return top | skip_any(folder, names)

    shutil.copytree(ROOT, src, ignore=ignore, symlinks=True)
    r = run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out / "dist", src, cwd=out)
    wheels = list((out / "dist").glob("kg-*.whl"))
    assert r.returncode == 0 and len(wheels) == 1, r.stdout + r.stderr
    return wheels[0]


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    env = tmp_path_factory.mktemp("venv") / "v"
    r = run(sys.executable, "-m", "venv", env, cwd=env.parent)
    assert r.returncode == 0, r.stderr
    site = Path(run(env / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                    cwd=env.parent).stdout.strip())
    (site / "_kg_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    r = run(env / "bin" / "python", "-m", "pip", "install", "-q", "--no-deps", wheel, cwd=env.parent)
    assert r.returncode == 0, r.stdout + r.stderr
    return env


def test_wheel_ships_ontology_shapes_and_queries(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"kg/ontology/kg.ttl", "kg/ontology/shapes.ttl", "kg/py.typed", "kg/web/index.html"} <= names
    queries = {n for n in names if n.startswith("kg/ontology/queries/") and n.endswith(".rq")}
    assert {"kg/ontology/queries/shared-statutes.rq", "kg/ontology/queries/top-payees.rq"} <= queries
    assert queries == {f"kg/ontology/queries/{p.name}" for p in (ROOT / "kg" / "ontology" / "queries").glob("*.rq")}
    assert not any(n.startswith(("tests/", "bench/", "seeds/")) for n in names)
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "kg").rglob("*.py") if "__pycache__" not in p.parts}
    assert "kg/build/pipeline.py" in modules and modules <= names, sorted(modules - names)


def test_installed_wheel_builds_queries_and_validates_elsewhere(venv, tmp_path):
    kg = venv / "bin" / "kg"
    work = tmp_path / "elsewhere"
    shutil.copytree(shared_path("seeds"), work / "seeds")
    r = run(venv / "bin" / "python", "-c", "import kg, kg.paths; print(kg.__file__); print(kg.paths.SHAPES)", cwd=work)
    kg_file, shapes = r.stdout.split()
    assert Path(kg_file).is_relative_to(venv) and Path(shapes).is_relative_to(venv), r.stdout + r.stderr
    assert not Path(kg_file).is_relative_to(ROOT)
    r = run(venv / "bin" / "python", "-m", "pip", "check", cwd=work)
    assert r.returncode == 0, r.stdout + r.stderr  # every declared dependency is there

    r = run(kg, "build", "seeds", "--out", "build", cwd=work)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "kg build summary" in r.stdout and "SHACL: conforms" in r.stdout
    report = json.loads((work / "build" / "report.json").read_text(encoding="utf-8"))
    assert report["validation"]["conforms"] and report["validation"]["checks"] > 100
    assert len(report["inputs"]) == 5 and not any(i["status"] == "failed" for i in report["inputs"])
    assert report["summary"]["triples"] > 5_000

    r = run(kg, "query", "--list", cwd=work)
    assert r.returncode == 0 and "shared-statutes" in r.stdout and "top-payees" in r.stdout, r.stderr
    r = run(kg, "query", "shared-statutes", "--store", "build", "--format", "csv", cwd=work)
    assert r.returncode == 0 and "総務省設置法" in r.stdout, r.stderr

    r = run(kg, "validate", "--store", "build", cwd=work)
    assert r.returncode == 0 and r.stdout.startswith("conforms"), r.stdout + r.stderr
