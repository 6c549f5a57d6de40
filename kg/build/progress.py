"""Progress and stage metering for long runs (kg build, kg validate, kg push, kg export).

- :class:`Progress`: a bar over a known number of steps (extraction per input, validation per check);
- :class:`Ticker`: a stage without countable steps (link, emit, sort, load, export) shows its elapsed time and,
  when given a probe, a growing quantity (bytes written to its output files), redrawn by a thread;
- :class:`StageMeter`: seconds and peak memory of the whole process tree (this process, its forked workers and
  GNU sort; the proportional set size where Linux gives it, so pages shared copy-on-write count once) per stage,
  for report.json, and an INFO log line per stage.

Bars are tqdm bars on stderr, drawn only when stderr is a terminal (never in CI, never with ``kg -q`` or a
command's ``--quiet``).
"""
from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("kg")


def enabled(quiet: bool = False) -> bool:
    return (not quiet and sys.stderr.isatty() and not os.environ.get("CI")
            and log.getEffectiveLevel() <= logging.WARNING)


def _bar(label: str, total: int | None, unit: str = "it", quiet: bool = False, unit_scale: bool = False):
    from tqdm import tqdm

    width = _width()  # a terminal that reports no size (0 × 0: `script` run without a terminal) gets 100 × 24
    return tqdm(total=total, desc=label, unit=unit, unit_scale=unit_scale, file=sys.stderr, leave=False,
                dynamic_ncols=width is None, ncols=width, nrows=None if width is None else 24,
                disable=not enabled(quiet), mininterval=0.3)


def _width() -> int | None:
    """None when stderr's terminal knows its size (the bar follows it), else 100 columns."""
    try:
        size = os.get_terminal_size(sys.stderr.fileno())
        return None if size.columns > 0 and size.lines > 0 else 100
    except (OSError, ValueError):
        return None


class Progress:
    """``progress(i, n)`` moves a bar to step i of n; ``done()`` removes it."""

    def __init__(self, label: str, quiet: bool = False, unit: str = "it"):
        self.label, self.unit, self.quiet = label, unit, quiet
        self.bar = None

    def __call__(self, i: int, n: int) -> None:
        if self.bar is None:
            self.bar = _bar(self.label, n, self.unit, self.quiet)
        self.bar.total = n
        self.bar.update(i - self.bar.n)

    def done(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class Ticker:
    """A stage's elapsed time (and ``probe()``, e.g. bytes written so far) on stderr until ``stop()``."""

    def __init__(self, label: str, probe: Callable[[], int] | None = None, unit: str = "B", quiet: bool = False):
        self.probe = probe
        self.bar = _bar(label, None, unit, quiet, unit_scale=True)
        self._halt = threading.Event()
        self._thread = None
        if not self.bar.disable:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._halt.wait(0.5):
            try:
                if self.probe:
                    n = self.probe()
                    self.bar.update(n - self.bar.n)
                self.bar.refresh()
            except Exception:  # noqa: BLE001 - a probe racing with file renames must not break the build
                pass

    def stop(self) -> None:
        self._halt.set()
        if self._thread:
            self._thread.join(2)
        self.bar.close()


def bytes_of(folder: Path, *patterns: str) -> Callable[[], int]:
    """A probe: total size of the files matching ``patterns`` under ``folder`` (recursively for 'dir/**')."""
    def probe() -> int:
        total = 0
        for pat in patterns:
            for p in folder.glob(pat):
                try:
                    total += p.stat().st_size if p.is_file() else 0
                except OSError:
                    pass
        return total
    return probe


def tree_memory() -> int:
    """Memory of this process and all its descendants now: PSS where Linux gives it, else RSS (bytes)."""
    import psutil

    me = psutil.Process()
    total = 0
    for p in [me, *me.children(recursive=True)]:
        try:
            pss = _pss(p.pid)
            total += pss if pss is not None else p.memory_info().rss
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            pass
    return total


def _pss(pid: int) -> int | None:
    """The PSS of a process from /proc/PID/smaps_rollup (Linux), or None. Read directly: psutil's
    memory_full_info parses every field in Python, which took 12% of a build's samples (bench/README.md)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            data = f.read()
    except OSError:
        return None
    i = data.find(b"\nPss:")
    if i < 0:
        return None
    return int(data[i + 5:data.index(b"kB", i)]) * 1024


class StageMeter:
    """Samples :func:`tree_memory` every ``interval`` s; ``mark(name)`` closes a stage (seconds, peak bytes since
    the previous mark) and ``show(label, probe)`` puts a :class:`Ticker` up for the next one."""

    def __init__(self, quiet: bool = False, interval: float = 0.5):
        self.quiet = quiet
        self.stages: dict[str, dict] = {}
        self.peak_total = 0
        self._peak = 0
        self._tick = self._t0 = time.perf_counter()
        self._lock = threading.Lock()
        self._halt = threading.Event()
        self._ticker: Ticker | None = None
        self._sample()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        try:
            m = tree_memory()
        except Exception:  # noqa: BLE001 - metering must never stop a build
            return
        with self._lock:
            self._peak = max(self._peak, m)
            self.peak_total = max(self.peak_total, m)

    def _run(self, interval: float) -> None:
        while not self._halt.wait(interval):
            self._sample()

    def show(self, label: str, probe: Callable[[], int] | None = None) -> None:
        self._stop_ticker()
        self._ticker = Ticker(label, probe, quiet=self.quiet)

    def _stop_ticker(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def mark(self, name: str) -> float:
        self._stop_ticker()
        self._sample()
        now = time.perf_counter()
        with self._lock:
            seconds, peak = now - self._tick, self._peak
            self._peak, self._tick = 0, now
        self.stages[name] = {"seconds": round(seconds, 2), "peak_memory_mb": round(peak / 2**20, 1)}
        log.info("%s: %.1f s, peak memory %.0f MiB (process tree)", name, seconds, peak / 2**20)
        return round(seconds, 2)

    def close(self) -> dict:
        self._stop_ticker()
        self._halt.set()
        self._thread.join(2)
        return {"stages": self.stages, "peak_memory_mb": round(self.peak_total / 2**20, 1),
                "seconds": round(time.perf_counter() - self._t0, 2)}
