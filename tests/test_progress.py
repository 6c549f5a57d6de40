"""Progress, logging and stage metering (issue 16): `kg -v build` logs every stage with seconds and peak memory;
report.json holds both per stage; bars are drawn on stderr only when it is a terminal (a real pseudo-terminal
here), never into a pipe or a file."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ["extract", "terms", "link", "emit", "sort", "store", "validate", "outputs"]


def kg(*args: str, stderr=subprocess.PIPE, env: dict | None = None) -> subprocess.Popen:
    e = {k: v for k, v in os.environ.items() if k != "CI"}
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=stderr, env={**e, **(env or {})})


def test_verbose_build_logs_stages_and_report_has_seconds_and_memory(tmp_path):
    p = kg("-v", "build", str(shared_path("seeds")), "--out", str(tmp_path / "b"))
    out, err = p.communicate(timeout=600)
    assert p.returncode == 0, err.decode()
    err = err.decode()
    for st in STAGES:
        assert f"kg INFO kg: {st}: " in err and "peak memory" in err, err
    assert "\r" not in err and "it/s" not in err  # no bar into a pipe
    report = json.loads((tmp_path / "b" / "report.json").read_text(encoding="utf-8"))
    res = report["stage_resources"]
    assert set(res) == set(STAGES)
    assert all(res[s]["seconds"] >= 0 and res[s]["peak_memory_mb"] > 20 for s in STAGES), res
    assert report["peak_memory_mb"] >= max(r["peak_memory_mb"] for r in res.values())
    assert report["stages"]["validate"] == res["validate"]["seconds"]


def test_quiet_flag_silences_stderr(tmp_path):
    p = kg("-q", "build", str(shared_path("seeds")), "--out", str(tmp_path / "b"))
    out, err = p.communicate(timeout=600)
    assert p.returncode == 0 and err == b"", err.decode()
    assert b"kg build summary" in out


@pytest.mark.parametrize("rows, cols", [(24, 100), (0, 0)])  # 0 x 0: a terminal that reports no size (`script`)
def test_bars_on_a_terminal_only(tmp_path, rows, cols):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    try:
        p = kg("build", str(shared_path("seeds")), "--out", str(tmp_path / "b"), stderr=slave)
        os.close(slave)
        chunks = []
        while True:
            r, _w, _x = select.select([master], [], [], 120)
            if not r:
                break
            try:
                data = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        p.communicate(timeout=300)
    finally:
        os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert p.returncode == 0
    for label in ("extract", "terms (Sudachi)", "link", "emit (graph.nq)", "sort (graph.nq)", "load (store)",
                  "validate (SHACL checks)", "outputs (graph.nt, graph.ttl)"):
        assert label + ":" in shown, (label, shown)
    assert "/5 [" in shown and "input/s" in shown  # the extraction bar counts the five seeds
