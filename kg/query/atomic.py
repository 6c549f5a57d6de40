"""One writer per output folder, and outputs that are never seen half-written.

- ``output_lock(DIR)``: an exclusive ``flock`` on ``DIR/.kg.lock`` held for a whole `kg build` or `kg add`; a second
  writer gets ``BusyError`` naming the holder (the kernel drops the lock when a process dies: no stale locks).
- A build writes every output (graph.nq/nt/ttl, report.json, the new store) into the staging folder
  ``DIR/.kg-staging``; when all are complete it writes the journal ``COMMIT`` there and then moves each output into
  place (``os.replace`` for files; the store by two renames, the old one parked in the staging folder). A crash at
  any point is repaired by ``recover(DIR)`` (called under the lock by the next build or add, and by ``kg query``
  when no writer holds the lock): without ``COMMIT`` the staging folder is dropped (the old outputs were never
  touched), with it the moves are finished (each step is idempotent). Until repaired, ``usable_store(DIR)`` names
  the last complete store wherever it is.
- ``COMMIT`` may also ask for a file to be cut back to a size and extended by a staged tail (``kg add`` appends to
  graph.nq this way without copying it).
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".kg.lock"
STAGING_NAME = ".kg-staging"
COMMIT_NAME = "COMMIT"
STORE_NAME = "store"


class BusyError(Exception):
    """Another kg process is writing this output folder."""


class OutputError(Exception):
    """An output folder that cannot be written (read-only, disk full, a file in the way): a clear message."""


def describe_os_error(e: OSError, what: str) -> str:
    """``what``: the reason in words, for the errors a user can fix (no traceback)."""
    reasons = {errno.ENOSPC: "no space left on the device", errno.EDQUOT: "disk quota exceeded",
               errno.EROFS: "read-only file system", errno.EACCES: "permission denied",
               errno.EPERM: "operation not permitted", errno.ENOTDIR: "a path component is a file, not a folder",
               errno.EEXIST: "a file is in the way", errno.EISDIR: "a folder is in the way"}
    why = reasons.get(e.errno, e.strerror or str(e))
    where = f" ({e.filename})" if e.filename else ""
    return f"{what}: {why}{where}"


def prepare_out_dir(out: str | Path) -> Path:
    """Create ``out`` (and parents); a file in the way or an unwritable place is an OutputError, not a traceback."""
    p = Path(out)
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(describe_os_error(e, f"cannot create the output folder {p}")) from None
    if not os.access(p, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write in the output folder {p}: permission denied")
    return p


@contextmanager
def output_lock(out: str | Path, what: str = "kg build"):
    """Hold the exclusive lock of output folder ``out`` (created if needed); BusyError when another process has it."""
    p = prepare_out_dir(out)
    path = p / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise OutputError(describe_os_error(e, f"cannot write in the output folder {p}")) from None
        raise OutputError(describe_os_error(e, f"cannot create the lock file {path}")) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            raise BusyError(f"{p} is being written by another kg process ({holder}); wait for it to finish "
                            f"or use another --out") from None
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{what} pid {os.getpid()}\n".encode())
        except OSError:
            pass  # the lock is what matters; the note only helps the message above
        yield p
    finally:
        os.close(fd)  # releases the lock


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace").strip() or "unknown process"
    except OSError:
        return "unknown process"


def lock_is_free(out: str | Path) -> bool:
    """Whether no process holds the lock of ``out`` right now (a reader may then repair the folder)."""
    path = Path(out) / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return not path.exists()
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def staging_dir(out: str | Path) -> Path:
    return Path(out) / STAGING_NAME


def fsync_path(path: str | Path) -> None:
    """Flush a file (or a folder's entries) to disk; best effort on file systems that refuse."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``path`` through a temporary beside it and a rename (readers see the old or the new file, whole)."""
    p = Path(path)
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def begin(out: str | Path) -> Path:
    """A fresh staging folder (any earlier one is first recovered: finished if committed, else dropped)."""
    recover(out)
    s = staging_dir(out)
    s.mkdir()
    return s


def commit(out: str | Path, files: list[str], store: bool = False, appends: dict[str, int] | None = None) -> None:
    """Publish the staged ``files`` (names in the staging folder, moved to ``out``), the staged store when ``store``,
    and ``appends`` {name: size}: ``out/name`` cut back to ``size`` then extended by the staged ``name.tail``.
    The journal is written first; ``recover`` finishes it after a crash."""
    s = staging_dir(out)
    for name in files:
        fsync_path(s / name)
    journal = {"files": list(files), "store": store, "appends": appends or {}}
    write_text_atomic(s / COMMIT_NAME, json.dumps(journal, ensure_ascii=False))
    fsync_path(s)
    _finish(Path(out), s, journal)


def _finish(out: Path, s: Path, journal: dict) -> None:
    """Carry out a committed journal; every step can be repeated after a crash."""
    if journal.get("store"):
        new, old, live = s / STORE_NAME, s / (STORE_NAME + ".old"), out / STORE_NAME
        if new.exists():
            if live.exists():
                if old.exists():
                    shutil.rmtree(old)
                live.rename(old)
            new.rename(live)
            fsync_path(out)
    for name, size in sorted((journal.get("appends") or {}).items()):
        tail = s / (name + ".tail")
        if tail.exists():
            with os.fdopen(os.open(out / name, os.O_RDWR | os.O_CREAT, 0o644), "r+b") as f:
                f.truncate(size)
                f.seek(size)
                with tail.open("rb") as t:
                    shutil.copyfileobj(t, f, 1 << 20)
                f.flush()
                os.fsync(f.fileno())
            tail.unlink()
    for name in journal.get("files") or []:
        if (s / name).exists():
            os.replace(s / name, out / name)
    fsync_path(out)
    shutil.rmtree(s, ignore_errors=True)


def recover(out: str | Path) -> str | None:
    """Repair ``out`` after a writer died (call with the lock held): finish a committed staging folder, drop an
    uncommitted one, bring back a store left aside by the older swap (``store.old``/``store.new``). Returns what
    was done, or None."""
    out = Path(out)
    s = staging_dir(out)
    done = None
    if s.exists():
        journal_path = s / COMMIT_NAME
        journal = None
        if journal_path.exists():
            try:
                journal = json.loads(journal_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                journal = None
        if journal is not None:
            _finish(out, s, journal)
            done = "finished an interrupted commit"
        else:
            shutil.rmtree(s, ignore_errors=True)
            done = "dropped the outputs of an interrupted build"
    # stores left by the swap of earlier kg versions (store.new built, then two renames)
    live, old, new = out / STORE_NAME, out / (STORE_NAME + ".old"), out / (STORE_NAME + ".new")
    if not live.exists() and old.exists():
        old.rename(live)
        done = "restored the previous store"
    for leftover in (old, new):
        if leftover.exists() and live.exists():
            shutil.rmtree(leftover, ignore_errors=True)
    return done


def usable_store(out: str | Path) -> Path | None:
    """The last complete store of build folder ``out``, wherever an interrupted swap left it (read-only use)."""
    out = Path(out)
    s = staging_dir(out)
    live = out / STORE_NAME
    if live.exists():
        return live
    committed = (s / COMMIT_NAME).exists()
    for cand in ((s / STORE_NAME) if committed else None, s / (STORE_NAME + ".old"), out / (STORE_NAME + ".old")):
        if cand is not None and cand.exists():
            return cand
    return None


class Staged:
    """What one writer prepares in the staging folder, published together by ``commit``."""

    def __init__(self, out: Path, folder: Path):
        self.out, self.dir = out, folder
        self.files: list[str] = []
        self.appends: dict[str, int] = {}
        self.store = False

    def path(self, name: str) -> Path:
        """Where to write output ``name`` (published as ``out/name``)."""
        if name not in self.files:
            self.files.append(name)
        return self.dir / name

    def write_text(self, name: str, text: str) -> None:
        with self.path(name).open("w", encoding="utf-8") as f:
            f.write(text)

    def append(self, name: str, lines: list[str]) -> None:
        """Lines to add at the end of ``out/name`` (cut back to its present size first if a crash repeats it)."""
        target = self.out / name
        self.appends[name] = target.stat().st_size if target.exists() else 0
        with (self.dir / (name + ".tail")).open("w", encoding="utf-8") as f:
            f.writelines(lines)

    def store_path(self) -> Path:
        """Where to build the new store (swapped in for ``out/store``)."""
        self.store = True
        return self.dir / STORE_NAME

    def commit(self) -> None:
        commit(self.out, self.files, store=self.store, appends=self.appends)


@contextmanager
def staged(out: str | Path, what: str):
    """Lock ``out`` (BusyError if another writer has it), repair what a dead writer left, and yield a ``Staged``;
    a clean exit publishes everything staged at once, an exception drops it (the old outputs stay untouched)."""
    with output_lock(out, what) as p:
        folder = begin(p)
        tx = Staged(p, folder)
        try:
            yield tx
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        tx.commit()
