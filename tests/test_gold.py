"""Every seed against its gold record, fact by fact, with the comparison rules of ../shared/tools/gold_score.py
(loaded from there, so the rules cannot drift). Prints a per-field score table (``pytest -s`` shows it)."""
from __future__ import annotations

import json
import re

import pytest

from kg.extract.dispatch import extract_path
from tests.conftest import ROOT, SHARED, shared_path
from tests.helpers_fixtures import load_gold_score

GOLD_NAMES = sorted(p.stem for p in (SHARED / "gold").glob("*.json")) if (SHARED / "gold").exists() else [
    "000_38c8df3bc6a1d4a3", "001_bd9263d41549200e", "002_c3e6fb52ab9c5507", "003_dbf95f44c3587854",
    "004_6371e9cc681a4f0c"]


@pytest.fixture(scope="module")
def gold_score():
    return load_gold_score()


def _field(path: str) -> str:
    return re.split(r"[/\[]", path.lstrip("/"), maxsplit=1)[0]


def test_five_gold_records_exist():
    assert len(GOLD_NAMES) == 5


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_seed_matches_gold(name, gold_score):
    gold = json.loads(shared_path("gold", f"{name}.json").read_text(encoding="utf-8"))
    rec = extract_path(ROOT / "seeds" / f"{name}.txt")
    want, have = gold_score.facts(gold), gold_score.facts(rec)
    table: dict[str, list[int]] = {}
    misses = []
    for path, v in want.items():
        ok = have.get(path, object()) == v
        t = table.setdefault(_field(path), [0, 0])
        t[0] += ok
        t[1] += 1
        if not ok:
            misses.append(f"{path}: want {v!r} got {have.get(path, '<absent>')!r}")
    print(f"\n{name}")
    for field, (ok, n) in table.items():
        print(f"  {field:<24} {ok:>4}/{n:<4} {'' if ok == n else 'MISS'}")
    print(f"  {'total':<24} {len(want) - len(misses):>4}/{len(want)}")
    assert misses == []
