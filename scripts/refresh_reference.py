"""Rebuild the reference graph (seeds + JUDGIT 2017) and write its fingerprint to tests/reference/.

tests/test_reference_graph.py checks that graph.nt of this build is byte-identical to the recorded one, so a
refactoring that changes output is caught. When a change is *meant* to change the graph (a new kind of fact),
run this script in the same commit and say in the commit message what changed and why.

    python scripts/refresh_reference.py
"""
from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build.pipeline import BuildOptions, build  # noqa: E402

INPUTS = ["seeds", "../shared/data/judgit/judgit-2017.ndjson.gz"]
REFERENCE = ROOT / "tests" / "reference" / "seeds-judgit2017.graph.nt.sha256"


def fingerprint(out: Path) -> tuple[str, int]:
    h, n = hashlib.sha256(), 0
    with (out / "graph.nt").open("rb") as f:
        for line in f:
            h.update(line)
            n += 1
    return h.hexdigest(), n


def build_reference(out: Path) -> tuple[str, int]:
    build([str(ROOT / p) for p in INPUTS], out, BuildOptions(quiet=True, validate=False, cache=False, jobs=2))
    return fingerprint(out)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        digest, lines = build_reference(Path(tmp))
    REFERENCE.write_text(f"{digest}  {lines}\n", encoding="utf-8")
    print(f"wrote {REFERENCE}: {digest} ({lines:,} triples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
