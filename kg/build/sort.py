"""Sorting N-Quads/N-Triples lines: a bounded-memory Python external sort (sorted runs on disk, k-way merge)
and GNU ``sort -u`` in the C locale when it is on PATH (byte order = code-point order for UTF-8 lines)."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

SORT_CHUNK = 1_000_000


def spill(lines: list[str], tmp_dir: Path) -> Path:
    """Write ``lines`` sorted and unique to a new run file in ``tmp_dir``; returns its path."""
    import tempfile

    f = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=tmp_dir, suffix=".run", delete=False)
    with f:
        f.writelines(sorted(set(lines)))
    return Path(f.name)


def merge_runs(runs: list[Path]) -> Iterator[str]:
    """The unique lines of sorted run files, in order (k-way merge); the run files are removed afterwards."""
    import heapq

    files = [r.open(encoding="utf-8") for r in runs]
    try:
        last = None
        for line in heapq.merge(*files):
            if line != last:
                yield line
                last = line
    finally:
        for f in files:
            f.close()
        for r in runs:
            r.unlink()


def sorted_unique(lines: Iterable[str], tmp_dir: Path, chunk: int = SORT_CHUNK) -> Iterator[str]:
    """Sort and de-duplicate a stream of lines with bounded memory (sorted runs on disk, k-way merge)."""
    runs: list[Path] = []
    buf: list[str] = []
    for line in lines:
        buf.append(line)
        if len(buf) >= chunk:
            runs.append(spill(buf, tmp_dir))
            buf = []
    if not runs:
        yield from sorted(set(buf))
        return
    if buf:
        runs.append(spill(buf, tmp_dir))
    yield from merge_runs(runs)


def write_lines(path: Path, lines: Iterable[str]) -> int:
    """Write ``lines`` to ``path``; returns how many."""
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write(line)
            n += 1
    return n


def count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in f)


@lru_cache(maxsize=1)
def gnu_sort() -> str | None:
    """The path of GNU sort, or None (then callers use the Python external sort)."""
    import shutil
    import subprocess

    exe = shutil.which("sort")
    if not exe:
        return None
    try:
        ver = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if "GNU" in ver else None


def sort_unique_files(exe: str, inputs: list[str], output: Path, tmp_dir: Path) -> None:
    """``sort -u`` in the C locale (byte order = code-point order for UTF-8), in parallel, bounded buffer."""
    import subprocess

    r = subprocess.run([exe, "-u", "-S", "1G", f"--parallel={max(1, os.cpu_count() or 1)}", "-T", str(tmp_dir),
                        "-o", str(output), *inputs], env=dict(os.environ, LC_ALL="C"), stderr=subprocess.PIPE,
                       text=True, errors="replace")
    if r.returncode:
        raise sort_error(r.stderr, output)


def sort_error(stderr: str, output: Path) -> OSError:
    """sort's failure as the OSError it reports (ENOSPC for a full disk), so callers give one clear message."""
    import errno

    lines = (stderr or "").strip().splitlines() or ["sort failed"]
    code = errno.ENOSPC if any("No space left" in x for x in lines) else errno.EIO
    return OSError(code, f"{os.strerror(code)} ({lines[0]})", str(output))
