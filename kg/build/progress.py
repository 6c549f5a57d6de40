"""A one-line progress bar on stderr."""
from __future__ import annotations

import os
import sys
import time


class Progress:
    """A one-line progress bar on stderr (only when stderr is a terminal and the run is long)."""

    def __init__(self, label: str, quiet: bool = False):
        self.label, self.t0 = label, time.perf_counter()
        self.enabled = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
        self.shown = False

    def __call__(self, i: int, n: int) -> None:
        if not self.enabled or (time.perf_counter() - self.t0 < 0.5 and i < n):
            return
        width = 30
        fill = int(width * i / n)
        sys.stderr.write(f"\r{self.label} [{'#' * fill}{'.' * (width - fill)}] {i}/{n}")
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
