"""Issue 23, store: the swap of a new store is recoverable at every point; one writer per output folder.

Crashes are real: a child process is killed (os._exit) at the named step, then a fresh `kg query` must answer from
the last good store and repair the folder."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg.query import atomic
from kg.query.store import load_new_store, locate_store, open_store, run_query
from tests.conftest import ROOT

Q = "SELECT ?o WHERE { <http://x/s> <http://x/p> ?o }"


def _nq(path: Path, value: str) -> Path:
    path.write_text(f'<http://x/s> <http://x/p> "{value}" <http://x/g> .\n', encoding="utf-8")
    return path


def _values(out: Path) -> list:
    st = open_store(out)
    try:
        return run_query(st, Q)[1]
    finally:
        del st


def _crash_during_load(out: Path, nq: Path, crash: str) -> int:
    """Run load_new_store(out, nq) in a child that dies (exit 9) at ``crash``: 'before-commit' (the new store built,
    the journal not yet written) or 'between-renames' (old store moved aside, new one not yet in place)."""
    code = textwrap.dedent(f"""
        import os, pathlib, sys
        from kg.query import atomic
        from kg.query.store import load_new_store
        crash = {crash!r}
        if crash == "before-commit":
            real = atomic.write_text_atomic
            def write(path, text):
                if pathlib.Path(path).name == "COMMIT":
                    os._exit(9)
                return real(path, text)
            atomic.write_text_atomic = write
        else:
            real_rename = pathlib.Path.rename
            def rename(self, target):
                if pathlib.Path(target).name == "store" and self.parent.name == ".kg-staging":
                    os._exit(9)
                return real_rename(self, target)
            pathlib.Path.rename = rename
        load_new_store({str(out)!r}, {str(nq)!r})
        sys.exit(0)
    """)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True).returncode


def _crashed(tmp_path: Path, crash: str) -> Path:
    """A build folder holding the store of value "old", where loading one of value "new" died at ``crash``."""
    out = tmp_path / "out"
    out.mkdir()
    load_new_store(out, _nq(tmp_path / "a.nq", "old"))
    assert _crash_during_load(out, _nq(tmp_path / "b.nq", "new"), crash) == 9
    return out


def _kg_query(out: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    rq = tmp_path / "q.rq"
    rq.write_text(Q, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "kg.cli", "query", str(rq), "--store", str(out), "--format", "csv"],
                          cwd=ROOT, capture_output=True, text=True)


def test_crash_between_the_two_renames_keeps_a_store_and_is_repaired(tmp_path):
    """It used to leave no store at all; now the journal says the new store is complete and it is moved in."""
    out = _crashed(tmp_path, "between-renames")
    assert not (out / "store").exists()  # the crash left the folder mid-swap
    assert atomic.usable_store(out) == out / ".kg-staging" / "store"
    r = _kg_query(out, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["o", "new"]
    assert (out / "store").is_dir() and not (out / ".kg-staging").exists()  # repaired by the reader
    assert _values(out) == [["new"]]


def test_crash_before_the_commit_keeps_the_old_store(tmp_path):
    out = _crashed(tmp_path, "before-commit")
    assert (out / ".kg-staging" / "store").exists() and not (out / ".kg-staging" / "COMMIT").exists()
    r = _kg_query(out, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["o", "old"]
    assert not (out / ".kg-staging").exists()
    load_new_store(out, _nq(tmp_path / "c.nq", "newer"))
    assert _values(out) == [["newer"]]


def test_reader_uses_last_good_store_while_a_writer_holds_the_folder(tmp_path):
    """Mid-swap with a writer still holding the lock: the reader does not repair, it reads the complete store."""
    out = _crashed(tmp_path, "between-renames")
    with atomic.output_lock(out):
        assert locate_store(out) == out / ".kg-staging" / "store"
        assert _values(out) == [["new"]]
        assert not (out / "store").exists()  # untouched while the writer holds it
    assert locate_store(out) == out / "store"


def test_old_swap_leftovers_are_repaired(tmp_path):
    """Folders left by the earlier swap (store renamed to store.old, store.new not yet moved in)."""
    out = tmp_path / "out"
    out.mkdir()
    load_new_store(out, _nq(tmp_path / "a.nq", "old"))
    (out / "store").rename(out / "store.old")
    (out / "store.new").mkdir()
    assert _values(out) == [["old"]]
    assert (out / "store").is_dir() and not (out / "store.old").exists() and not (out / "store.new").exists()


def test_second_writer_is_refused_with_a_clear_message(tmp_path):
    out = tmp_path / "out"
    with atomic.output_lock(out, "kg build"):
        with pytest.raises(atomic.BusyError, match=f"kg build pid {os.getpid()}"):
            with atomic.output_lock(out):
                pass
    with atomic.output_lock(out):  # released when the holder ends
        pass
