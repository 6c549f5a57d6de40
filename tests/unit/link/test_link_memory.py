"""The evidence linker's workers hold less (issue 22, bench/README.md "Link memory, eighth round"): the terms of their
texts are handed over with the slim copies (kg.link.term_evidence.given_terms / hand_over) instead of being read from
the build's table of terms, a worker keeps only the next year pair's term sets (term_evidence.retain) and gives the
heap back after each pair (kg.fork.trim). The links, their evidence, the warnings, notes and statistics must be
exactly those of linking the pairs one after the other in one process with the table of terms, as before. Real
sheets: RS 2024 (総務省, with 旧事業番号 text) against JUDGIT 2023, and JUDGIT 2015-2017 (総務省)."""
from __future__ import annotations

import copy
import json
from functools import cache

from kg.link import evidence
from kg.link import term_evidence as te
from kg.normalize.terms import terms
from kg.sources.judgit import iter_judgit
from kg.sources.rs import iter_rs
from tests.conftest import shared_path

MINISTRIES = {"総務省"}


@cache
def _records() -> tuple:
    rs = tuple(iter_rs(shared_path("data", "rs2024-soumu")))
    j23 = tuple(r for r in iter_judgit(shared_path("data", "judgit", "judgit-2023.ndjson.gz"))
                if r["ministry"] == "総務省")
    old = tuple(r for y in (2015, 2016, 2017)
                for r in iter_judgit(shared_path("data", "judgit", f"judgit-{y}.ndjson.gz"))
                if r.get("ministry") in MINISTRIES)
    return rs, j23, old


def _pairs(recs: list[dict]) -> list:
    """The year pairs as link_consecutive_years builds them (every sheet of each later year: none is linked yet)."""
    by_year: dict[int, list[dict]] = {}
    for r in recs:
        by_year.setdefault(int(r["sheet_fiscal_year"]), []).append(r)
    return [(y, by_year[y], by_year[y - 1]) for y in sorted(by_year) if y - 1 in by_year]


def _dump(recs: list[dict]) -> str:
    return json.dumps([{k: r.get(k) for k in ("project_number", "sheet_number", "lineage", "warnings", "notes")}
                       for r in recs], ensure_ascii=False, sort_keys=True, default=str)


def _link(uses: str, monkeypatch=None) -> tuple[str, dict]:
    """RS 2024 -> JUDGIT 2023 and JUDGIT 2016 -> 2015, 2017 -> 2016: ``old`` in one process with the table of terms
    (as before), ``new`` as a worker runs them now (slim copies with the terms handed over, _link_share's retain and
    trim), in this process."""
    rs, j23, old = (copy.deepcopy(list(x)) for x in _records())
    pairs = _pairs(j23 + rs) + _pairs(old)
    assert [p[0] for p in pairs] == [2024, 2016, 2017]
    te.clear_cache()
    if uses == "old":
        stats = {y: evidence.link_years(t, e, y, keep_terms=True) for y, t, e in pairs}
        te.clear_cache()
        return _dump(rs + j23 + old), stats
    evidence._PAIRS = evidence.slim_pairs(pairs, terms=True)
    if monkeypatch is not None:  # the workers' path reads no term from the build's table: all were handed over
        monkeypatch.setattr(te, "terms", _no_table)
    try:
        done = evidence._link_share([0]) + evidence._link_share([1, 2])
    finally:
        evidence._PAIRS = []
        te.hand_over({})
    stats = {}
    for i, year_stats, changes in done:  # applied to the records as _link_pairs applies a worker's result
        stats[pairs[i][0]] = year_stats
        for rec, changed in zip(pairs[i][1], changes, strict=True):
            for key, value in changed:
                rec[key] = value
    return _dump(rs + j23 + old), stats


def _no_table(text):
    raise AssertionError(f"terms() asked for {text[:30]!r}: not handed over")


def test_handed_terms_link_exactly_as_the_table_of_terms(monkeypatch):
    old_json, old_stats = _link("old")
    new_json, new_stats = _link("new", monkeypatch)
    assert new_stats == old_stats
    assert new_json == old_json
    assert old_stats[2024]["asserted"] > 150 and old_stats[2017]["asserted"] > 150
    linked = {r["project_number"]: r for r in json.loads(new_json) if r.get("lineage")}
    # facts of real sheets, the same on both paths: RS 2024 総務省 事業番号 781 and 860 linked by evidence to their
    # JUDGIT 2023 sheets (renamed: the name short of the same-name rule; the amounts and the texts' terms agree)
    lk = next(lk for lk in linked["781"]["lineage"] if lk["fiscal_year"] == 2023)
    assert (lk["number"], lk["status"], lk["method"], lk["score"]) == ("2023-総務-22-0117", "asserted", "evidence",
                                                                          0.853)
    assert lk["evidence"] == {"budget_compared": 9, "budget_hits": 8, "name": 0.885, "official": False, "part": None,
                              "request_match": True, "same_bureau": False, "same_division": True, "terms": 0.714,
                              "text": 0.946}
    lk = next(lk for lk in linked["860"]["lineage"] if lk["fiscal_year"] == 2023)
    assert (lk["number"], lk["score"], lk["evidence"]["terms"], lk["evidence"]["text"]) == ("2023-総務-22-0093", 0.641,
                                                                                          0.5, 0.667)
    assert (lk["evidence"]["budget_hits"], lk["evidence"]["budget_compared"]) == (6, 8)


def test_given_terms_are_the_table_terms_in_the_same_order():
    """given_terms: per text the tuple ``terms`` returns, each distinct term one string object; the term sets built
    from them iterate in the same order as those built from the table (the term candidates add weights in that
    order)."""
    rs, j23, _ = _records()
    recs = list(rs[:300]) + list(j23[:300])
    vocab, given = te.given_terms(recs)
    texts = {t for r in recs for t in te.texts(r) if t}
    assert set(given) == texts and len(texts) > 900
    assert all(given[t] == terms(t) for t in texts)
    objects = {id(x) for tup in given.values() for x in tup}
    assert len(objects) == len(vocab) == len({x for tup in given.values() for x in tup})
    te.clear_cache()
    table = {t: list(te._terms_of(t)) for t in texts}
    te.clear_cache()
    te.hand_over(given)
    try:
        handed = {t: list(te._terms_of(t)) for t in texts}
    finally:
        te.hand_over({})
        te.clear_cache()
    assert handed == table
    budget = next(t for t in texts if "情報通信" in t)
    assert "情報" in handed[budget] and "通信" in handed[budget]


def test_retain_keeps_only_the_next_pairs_texts():
    rs, j23, _ = _records()
    te.clear_cache()
    for r in rs[:200] + j23[:200]:
        te.text_terms(r)
    before = set(te._CACHE)
    te.retain(j23[:200])
    kept = set(te._CACHE)
    te.clear_cache()
    wanted = {t for r in j23[:200] for t in te.texts(r) if t}
    assert kept == before & wanted and kept == wanted
    assert any(t not in kept for r in rs[:200] for t in te.texts(r) if t)
