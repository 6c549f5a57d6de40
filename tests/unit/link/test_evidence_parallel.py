"""The evidence linker's year pairs run in forked workers on several cores (kg.link.evidence._link_pairs): the
records and statistics come out exactly as when the pairs run one after the other. Real data: three JUDGIT years of
two ministries (their 2016 -> 2015 and 2017 -> 2016 links, official-number contradictions, notes)."""
from __future__ import annotations

import copy
import json

from kg.link import evidence
from kg.sources.judgit import JudgitReader
from tests.conftest import shared_path

MINISTRIES = {"総務省", "文部科学省"}


def _records() -> list[dict]:
    out = []
    for year in (2015, 2016, 2017):
        out += [r for r in JudgitReader(str(shared_path("data", "judgit", f"judgit-{year}.ndjson.gz")))
                if r.get("ministry") in MINISTRIES]
    return out


def _run(records: list[dict], parallel: bool, monkeypatch) -> tuple[str, dict]:
    monkeypatch.setattr(evidence, "PARALLEL_MIN_SHEETS", 0 if parallel else 10**9)
    monkeypatch.setattr("os.cpu_count", lambda: 2)  # two workers even on a one-core runner
    stats = evidence.link_consecutive_years(records)
    return json.dumps(records, ensure_ascii=False, sort_keys=True, default=str), stats


def test_parallel_year_pairs_equal_sequential(monkeypatch):
    recs = _records()
    assert len({r["sheet_fiscal_year"] for r in recs}) == 3 and len(recs) > 1000
    seq_json, seq_stats = _run(copy.deepcopy(recs), False, monkeypatch)
    par_json, par_stats = _run(copy.deepcopy(recs), True, monkeypatch)
    assert par_stats == seq_stats
    assert par_json == seq_json
    years = seq_stats["years"]
    assert sorted(years) == [2016, 2017] and all(years[y]["sheets"] > 0 for y in years)
    assert sum(years[y]["asserted"] for y in years) > 100  # real links were made (and equal in both runs)
    linked = json.loads(seq_json)
    assert any(lk.get("method") == "evidence" for r in linked for lk in r.get("lineage") or [])


def test_name_bounds_change_no_link(monkeypatch):
    """link_years computes difflib's ratio only where the bounds of the name feature leave the outcome open
    (evidence._score_candidate); scoring every candidate pair exactly gives the same links, scores and warnings."""
    recs = _records()
    bounded_json, bounded_stats = _run(copy.deepcopy(recs), False, monkeypatch)
    calls = {"exact": 0}

    scored_exactly = evidence._scored_exactly

    def exact_only(pair, pos):
        calls["exact"] += 1
        return scored_exactly(pair, pos)

    monkeypatch.setattr(evidence, "_score_candidate", exact_only)
    exact_json, exact_stats = _run(copy.deepcopy(recs), False, monkeypatch)
    assert calls["exact"] > 1000
    assert exact_stats == bounded_stats
    assert exact_json == bounded_json


def test_key_score_bounds_hold():
    from kg.link.evidence import key_score, key_score_bounds
    from kg.normalize.names import program_key

    names = sorted({r.get("project_name") or "" for r in _records() if r["sheet_fiscal_year"] == 2017})[:120]
    keys = [program_key(n) for n in names]
    for a in keys:
        for b in keys[:40]:
            lo, hi = key_score_bounds(a, b)
            assert lo <= key_score(a, b) <= hi
    assert key_score_bounds("地域情報化の推進", "地域情報化の推進") == (1.0, 1.0)
    assert key_score_bounds("", "地域情報化の推進") == (0.0, 0.0)


def test_fast_forms_equal_the_reference_forms():
    """The per-pair shortcuts of the evidence linker (bench/README.md, link third round) give exactly what the
    plain forms give on real sheets: budget hits from per-sheet amounts, shared characters without a Counter
    intersection, the plain Jaccard without building the union, the term candidates by heap."""
    from collections import Counter

    from kg.link import term_evidence as te
    from kg.link.evidence import _budget, _common_chars, _hits, _hits_by_row
    from kg.normalize.names import program_key

    recs = _records()
    later = [r for r in recs if r["sheet_fiscal_year"] == 2017][:150]
    earlier = [r for r in recs if r["sheet_fiscal_year"] == 2016][:150]
    compared = hit = 0
    for a in later:
        for b in earlier[:60]:
            got = _hits(_budget(a), _budget(b), 2017)
            assert got == _hits_by_row(_budget(a), _budget(b), 2017)
            compared += got[1] > 0
            hit += got[0] > 0
            ka, kb = program_key(a["project_name"]), program_key(b["project_name"])
            assert _common_chars(Counter(ka), Counter(kb)) == sum((Counter(ka) & Counter(kb)).values())
    assert compared > 1000 and hit > 10  # real amounts were compared, some agreed
    texts = [te.text_terms(r) for r in earlier]
    assert sum(1 for t in texts if t) > 100
    for x in texts[:40]:
        for y in texts:
            plain = len(x & y) / len(x | y) if x and y else 0.0
            assert te.overlap(x, y) == plain
    block = te.TermBlock(earlier, te.text_terms)
    for r in later[:80]:
        a = te.text_terms(r)
        score: dict[int, float] = {}
        for t in a:
            post = block.by_term.get(t, ())
            if len(post) > max(50, block.n // 5):
                continue
            for i in post:
                score[i] = score.get(i, 0.0) + block.weight(t)
        assert block.candidates(a) == sorted(score, key=lambda i: (-score[i], i))[:10]
    te.clear_cache()


class _Tracked(dict):
    """A record that notes every key read of it (and of its "extra")."""

    def __init__(self, rec: dict, seen: set, prefix: str = ""):
        super().__init__(rec)
        self._seen, self._prefix = seen, prefix
        if isinstance(rec.get("extra"), dict) and not prefix:
            dict.__setitem__(self, "extra", _Tracked(rec["extra"], seen, "extra."))

    def _note(self, key):
        self._seen.add(self._prefix + str(key))

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)

    def setdefault(self, key, default=None):
        self._note(key)
        return super().setdefault(key, default)

    def __iter__(self):
        self._note("*")
        return super().__iter__()

    def keys(self):
        self._note("*")
        return super().keys()

    def items(self):
        self._note("*")
        return super().items()

    def values(self):
        self._note("*")
        return super().values()


def test_link_years_reads_only_the_keys_the_workers_are_given():
    """The forked workers are given copies of LINKER_KEYS only (evidence.slim_pairs): link_years must read no other
    key. Real sheets: RS 2024 (総務省, with 旧事業番号 text) against JUDGIT 2023, and two JUDGIT years."""
    from kg.sources.judgit import iter_judgit
    from kg.sources.rs import iter_rs

    rs = list(iter_rs(shared_path("data", "rs2024-soumu")))
    j23 = [r for r in iter_judgit(shared_path("data", "judgit", "judgit-2023.ndjson.gz")) if r["ministry"] == "総務省"]
    recs = [r for r in _records() if r["sheet_fiscal_year"] in (2016, 2017)]
    assert any((r.get("extra") or {}).get("old_number_text") for r in rs)
    seen: set = set()
    for later, earlier, year in ((rs, j23, 2024),
                                 ([r for r in recs if r["sheet_fiscal_year"] == 2017],
                                  [r for r in recs if r["sheet_fiscal_year"] == 2016], 2017)):
        stats = evidence.link_years([_Tracked(r, seen) for r in later], [_Tracked(r, seen) for r in earlier], year)
        assert stats["asserted"] > 100
    allowed = set(evidence.LINKER_KEYS) | {"extra." + k for k in evidence.LINKER_EXTRA_KEYS}
    assert {"project_name", "budget", "extra.old_number_text", "division"} <= seen
    assert seen <= allowed, sorted(seen - allowed)


def test_slim_pairs_copy_only_what_the_linker_reads():
    """One copy per record however many pairs hold it, the linker's keys in the record's order, nothing else (the
    payee rows, the provenance are left out); the originals are not touched."""
    recs = [r for r in _records() if r["sheet_fiscal_year"] in (2016, 2017)]
    y16 = [r for r in recs if r["sheet_fiscal_year"] == 2016]
    y17 = [r for r in recs if r["sheet_fiscal_year"] == 2017]
    pairs = [(2017, y17[:50], y16), (2018, [], y17)]
    slim = evidence.slim_pairs(pairs)
    assert slim[0][2] is not y16 and len(slim[0][1]) == 50 and len(slim[1][2]) == len(y17)
    assert slim[0][1][0] is slim[1][2][0]  # one copy of a record given in two pairs
    for orig, copy_ in zip(y17, slim[1][2], strict=True):
        assert copy_ is not orig and list(copy_) == [k for k in orig if k in evidence.LINKER_KEYS]
        assert copy_["project_name"] == orig["project_name"] and copy_["budget"] == orig.get("budget")
    with_payees = next(r for r in y17 if r.get("payees"))
    assert "payees" not in slim[1][2][y17.index(with_payees)] and "provenance" not in slim[1][2][0]
