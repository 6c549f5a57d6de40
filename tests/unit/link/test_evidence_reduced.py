"""The evidence linker computes a candidate's features only as far as they are used (kg.link.evidence._Lazy): the
rules' tests at the name's upper bound stop at their first unmet condition, a candidate that is surely not asserted
gets its score and text only when no candidate of its sheet is asserted, and its ``terms`` never. The links, their
scores and recorded evidence, the warnings, notes and statistics must be exactly those of evaluating every
candidate pair in full, as the linker did before (bench/README.md, "Link, seventh round"). Real sheets: RS 2024
(総務省, with 旧事業番号 text) against JUDGIT 2023, and JUDGIT 2017 against 2016 (総務省, 文部科学省)."""
from __future__ import annotations

import copy
import json
from functools import cache

from kg.link import evidence
from kg.link import term_evidence as te
from kg.sources.judgit import iter_judgit
from kg.sources.rs import iter_rs
from tests.conftest import shared_path

MINISTRIES = {"総務省", "文部科学省"}


@cache
def _pairs() -> tuple:
    rs = list(iter_rs(shared_path("data", "rs2024-soumu")))
    j23 = [r for r in iter_judgit(shared_path("data", "judgit", "judgit-2023.ndjson.gz")) if r["ministry"] == "総務省"]
    j16, j17 = ([r for r in iter_judgit(shared_path("data", "judgit", f"judgit-{y}.ndjson.gz"))
                 if r.get("ministry") in MINISTRIES] for y in (2016, 2017))
    return ((2024, rs, j23), (2017, j17, j16))


class _Full(evidence._Lazy):
    """Every feature of every candidate pair computed at once, in declaration order (the full evaluation)."""

    def __init__(self, pair, name):
        super().__init__(pair, name)
        for f in evidence.FEATURES:
            self[f.name]


def _by_meaning_ranked(scored: list, exact=None) -> list:
    """te.by_meaning as it was: the candidates in _rank's order, then ranked by text and number (a stable sort)."""
    ranked = sorted(sorted(scored, key=evidence._rank), key=lambda s: (-(s.evidence.get("text") or 0.0),
                                                                        s.number or ""))
    if not ranked:
        return []
    best = ranked[0].evidence.get("text") or 0.0
    second = (ranked[1].evidence.get("text") or 0.0) if len(ranked) > 1 else 0.0
    if best >= te.TEXT_ASSERT and best - second >= te.TEXT_MARGIN:
        top = exact(ranked[0]) if exact else ranked[0]
        top.evidence["meaning"] = True
        return [top.asserted_with(round(max(top.score, best), 3))]
    return []


def _link(full: bool, monkeypatch) -> tuple[list, dict]:
    calls = {"terms": 0, "text": 0}
    for name in calls:
        f = evidence._FEATURE[name]

        def counted(p, v, f=f, name=name):
            calls[name] += 1
            return f.value(p, v)

        monkeypatch.setitem(evidence._FEATURE, name, evidence.Feature(name, counted, f.weight, f.recorded))
    if full:
        monkeypatch.setattr(evidence, "_Lazy", _Full)
        monkeypatch.setattr(te, "by_meaning", _by_meaning_ranked)
    out = []
    for year, later, earlier in _pairs():
        later = copy.deepcopy(later)
        stats = evidence.link_years(later, earlier, year)
        out.append((stats, json.dumps([[r.get(k) for k in ("lineage", "warnings", evidence.NOTES)] for r in later],
                                      ensure_ascii=False)))
    monkeypatch.undo()
    return out, calls


def test_reduced_evaluation_gives_the_links_and_evidence_of_the_full_one(monkeypatch):
    reduced, reduced_calls = _link(False, monkeypatch)
    full, full_calls = _link(True, monkeypatch)
    assert reduced == full
    # the full evaluation computed every candidate's terms and texts; the reduced one a fraction of them
    assert full_calls["terms"] == full_calls["text"] > 20000
    assert reduced_calls["terms"] * 10 < full_calls["terms"] and reduced_calls["text"] * 4 < full_calls["text"]
    (rs_stats, rs_json), (j_stats, j_json) = reduced
    assert rs_stats["asserted"] > 150 and j_stats["asserted"] > 500 and rs_stats["official_confirmed"] > 0
    assert rs_stats["candidate"] > 0 and j_stats["candidate"] > 0 and j_stats["multi"] > 0
    links = [lk for _, js in reduced for row in json.loads(js) for lk in row[0] or []]
    # linked by meaning (no candidate asserted; the texts' overlap decided): exact evidence, every feature recorded
    assert sum(1 for lk in links if lk["evidence"].get("meaning")) >= 3
    assert all(set(lk["evidence"]) >= {"name", "terms", "text", "part", "budget_hits", "official"} for lk in links)


def test_precomputed_forms_equal_the_plain_forms():
    """The per-sheet forms of this round give what the per-pair forms give on real sheets: shared characters as one
    set intersection (the k-th repeat of a character as its own element), budget hits from amounts converted once
    per sheet, the term candidates summed in numpy arrays."""
    from collections import Counter

    from kg.normalize.names import program_key

    _, later, earlier = _pairs()[1]
    later, earlier = later[:300], earlier[:400]
    keys = [program_key(r.get("project_name") or "") for r in later + earlier]
    assert any(len(set(k)) < len(k) for k in keys)  # keys with repeated characters are among them
    for a in keys[:120]:
        for b in keys[300:]:
            assert len(evidence._occurrences(a) & evidence._occurrences(b)) == evidence._common_chars(Counter(a),
                                                                                                     Counter(b))
    compared = hits = 0
    for r in later:
        window = evidence._window(evidence._budget(r), 2017)
        for e in earlier:
            amounts = evidence._amounts(evidence._budget(e))
            got = evidence._amount_hits_pre(evidence._window_pre(window), evidence._amounts_pre(amounts))
            assert got == evidence._amount_hits(window, amounts)
            compared += got[1] > 0
            hits += got[0] > 0
    assert compared > 5000 and hits > 100
    matched = 0
    for r in later:
        for e in earlier:
            got = evidence.Pair(r, e, 2017, set()).request_match
            assert got == evidence._request_match(evidence._budget(r), evidence._budget(e), 2017)
            matched += got
    evidence._SHEETS.clear()
    assert matched > 50
    block = te.TermBlock(earlier, te.text_terms)
    found = 0
    for r in later:
        got = block.candidates(te.text_terms(r))
        assert got == block.candidates_plain(te.text_terms(r)) and all(type(i) is int for i in got)
        found += len(got)
    assert found > 2000
    te.clear_cache()
