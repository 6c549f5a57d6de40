"""Shared test fixtures. Tests read ../shared (seeds, gold, data) relative to the project root and
fail with a clear message when it is absent (never skip silently)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.fail(f"../shared/{'/'.join(parts)} is missing: tests need the shared data beside the project "
                    f"(expected at {p})", pytrace=False)
    return p


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_path()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS
