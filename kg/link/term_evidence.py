"""Lineage by meaning: term overlap of program names (and texts) as evidence for the linker (kg.link.evidence).

Characters alone miss renamed programs whose words are kept but reordered or respelled
(「地域おこし協力隊の推進に要する経費」 / 「地域おこし協力隊推進事業」, 「サイバー・セキュリティ対策」 /
「サイバーセキュリティー対策経費」); the Sudachi terms (kg.normalize.terms: NFKC, SplitMode A + C, normalized
form, nouns) meet there. Generic words of program names (経費, 事業, 推進, 対策 …) weigh little: the overlap is
weighted by each term's inverse frequency among the names of the block being linked (one ministry's sheets of
one year), so two names sharing only 「推進に要する経費」 score near 0.

``name_terms(rec)`` -> terms of the 事業名 (texts' terms cached for one linking run, see ``clear_cache``);
``TermBlock(recs)`` -> IDF weights over the block and ``overlap(a, b)`` weighted Jaccard (0..1);
``text_terms(rec)`` -> the terms of 事業名 + 事業目的 + 事業概要 (their plain ``overlap`` is the evidence record's ``text``).
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from typing import NamedTuple

from kg.normalize.terms import terms
from kg.normalize.text import nfkc

ENABLED = True  # bench/bench_lineage.py switches it off to print what meaning changes
_CACHE: dict[str, frozenset[str]] = {}  # text -> its terms, for one linking run (clear_cache() after it)
_GIVEN: dict[str, tuple[str, ...]] = {}  # text -> terms(text), handed to forked workers (``hand_over``)


def _terms_of(text: str | None) -> frozenset[str]:
    if not text:
        return frozenset()
    t = _CACHE.get(text)
    if t is None:
        given = _GIVEN.get(text)
        t = _CACHE[text] = frozenset(terms(text) if given is None else given)
    return t


def given_terms(recs) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """The terms of the texts of ``recs`` (``terms``), each distinct term one string object (the first of the list
    returned with them), for ``hand_over``. Memory (issue 22): the build's table of terms (kg.normalize.terms) holds
    a string per occurrence, its texts in no order of year; a forked worker reading the terms of its year pairs' texts
    touched (reference counts) and so copied most of that table's pages. A copy of just these, made where the
    workers' year pairs are (kg.link.evidence.slim_pairs), keeps what a worker touches on few pages."""
    vocab: dict[str, str] = {}
    given: dict[str, tuple[str, ...]] = {}
    for r in recs:
        for text in texts(r):
            if text and text not in given:
                given[text] = tuple([vocab.setdefault(x, x) for x in terms(text)])
    return list(vocab), given


def hand_over(given: dict[str, tuple[str, ...]]) -> None:
    """``terms`` of these texts is read from ``given`` (equal tuples: the same term sets, built in the same order)
    until hand_over({})."""
    global _GIVEN
    _GIVEN = given


def name_terms(rec: dict) -> frozenset[str]:
    return _terms_of(rec.get("project_name"))


def texts(rec: dict) -> tuple[str | None, str | None, str | None]:
    """The 事業名, 事業目的 and 事業概要 of a sheet (the texts text_terms reads)."""
    ex = rec.get("extra") or {}
    return rec.get("project_name"), rec.get("purpose") or ex.get("purpose"), rec.get("summary") or ex.get("overview")


def text_terms(rec: dict) -> frozenset[str]:
    name, purpose, summary = texts(rec)
    return _terms_of(name) | _terms_of(purpose) | _terms_of(summary)


def clear_cache() -> None:
    _CACHE.clear()


def retain(recs) -> None:
    """Forget the cached terms of every text but those of ``recs`` (the sheets of the next year pair: a worker that
    links several pairs keeps only what the next one reads, not every year it has seen; issue 22)."""
    keep = {t for r in recs for t in texts(r) if t}
    for t in [t for t in _CACHE if t not in keep]:
        del _CACHE[t]


class TermBlock:
    """IDF of terms over one block of earlier sheets, and an inverted index for candidate generation."""

    def __init__(self, recs: list[dict], of=None):
        self.n = len(recs)
        df: Counter = Counter()
        self.by_term: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(recs):
            ts = (of or name_terms)(r)
            df.update(ts)
            for t in ts:
                self.by_term[t].append(i)
        self.idf = {t: math.log(1 + self.n / c) for t, c in df.items()}
        self._default = math.log(1 + self.n)  # a term no earlier name has: as rare as can be

    def weight(self, t: str) -> float:
        return self.idf.get(t, self._default)

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted Jaccard of two term sets."""
        if not a or not b:
            return 0.0
        inter = sum(self.weight(t) for t in a & b)
        union = sum(self.weight(t) for t in a | b)
        return inter / union if union else 0.0

    def candidates(self, a: frozenset[str], k: int = 10) -> list[int]:
        """Earlier sheets sharing the most informative name terms with ``a`` (best ``k``): each sheet's score is the
        sum of the weights of the terms it shares (added in the set's order), the terms held by more than
        max(50, n/5) sheets left out (too common to tell programs apart); ties go to the first sheet. The sums are
        added by numpy's bincount over the terms' postings laid end to end in the set's order (it adds each weight
        in turn): per sheet the same float additions, from 0.0, in the same order as ``candidates_plain`` (tests/unit/link/test_evidence_reduced.py)."""
        import numpy as np

        posts = self._postings()
        found = [(posts[t], self.idf[t]) for t in a if t in posts]
        if not found:
            return []
        idx = np.concatenate([p for p, _ in found])
        weights = np.repeat([w for _, w in found], [len(p) for p, _ in found])
        score = np.bincount(idx, weights=weights, minlength=self.n)  # adds weights[j] to idx[j] for j in order
        hit = np.flatnonzero(score)  # every weight is > 0 (log(1 + n/c), c <= n): the sheets sharing a term
        order = np.argsort(-score[hit], kind="stable")[:k]  # by -score, then by position (a stable sort of hit)
        return hit[order].tolist()

    def _postings(self) -> dict:
        """The sheets of each term held by at most max(50, n/5) sheets, as numpy index arrays (built on first use)."""
        if getattr(self, "_posts", None) is None:
            import numpy as np

            common = max(50, self.n // 5)
            self._posts = {t: np.array(post, dtype=np.intp) for t, post in self.by_term.items() if len(post) <= common}
        return self._posts

    def candidates_plain(self, a: frozenset[str], k: int = 10) -> list[int]:
        """The reference form of ``candidates`` (tests compare the two)."""
        score: dict[int, float] = defaultdict(float)
        common = max(50, self.n // 5)
        for t in a:  # (the weights are added in the set's order: the sums, and so the ties, as they always were)
            post = self.by_term.get(t)
            if not post or len(post) > common:  # too common to tell programs apart
                continue
            w = self.idf[t]  # every indexed term has its idf
            for i in post:
                score[i] += w
        # sorted(score, key=lambda i: (-score[i], i))[:k], the (-score, i) pairs being distinct
        return [i for _, i in heapq.nsmallest(k, [(-w, i) for i, w in score.items()])]


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Plain Jaccard of two term sets (0..1)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)  # len(a | b), without building the union


_PART = re.compile(r"[(（]\s*(?:うち|内)?\s*([^()（）]{6,})[)）]")


class NameParts(NamedTuple):
    """What parts_match reads of one 事業名: its program key (after NFKC), the keys of its bracketed parts and its
    last bracketed text."""
    key: str
    part_keys: frozenset[str]
    last: str | None


def name_parts(name: str) -> NameParts:
    from kg.normalize.names import program_key

    t = nfkc(name)
    found = [m.group(1) for m in _PART.finditer(t)]
    return NameParts(program_key(t), frozenset(program_key(x) for x in found), found[-1] if found else None)


def parts_match(later: NameParts, earlier: NameParts) -> str | None:
    """A split or merge written in the name: ``"part"`` when the later 事業名 holds 「（うち X）」 (or「（X）」) and X
    is the earlier 事業名 (same program key); ``"item"`` when both names end in the same bracketed budget item of
    at least 8 characters (「…システム（情報通信技術調達等適正・効率化推進費）」 from 「情報システムの整備（同）」) —
    weaker: a funding source (「（国際観光旅客税財源）」) is shared by unrelated programs, so the caller wants more."""
    if earlier.key and earlier.key in later.part_keys:
        return "part"
    if later.last and earlier.last and len(later.last) >= 8 and later.last == earlier.last:
        return "item"
    return None


TEXT_ASSERT = 0.5  # Jaccard of the 事業名+事業目的+事業概要 terms
TEXT_MARGIN = 0.15  # over the next candidate


def by_meaning(scored: list, exact=None) -> list:
    """When no candidate is asserted on names, budgets or numbers: the candidate whose 事業目的/事業概要 terms
    overlap the sheet's by at least TEXT_ASSERT, TEXT_MARGIN ahead of every other (a program keeps its texts
    when its name changes). ``scored`` items are kg.link.evidence.Scored (``text``: their texts' overlap, ``exact()``:
    the item with its exact evidence where its score is only a bound), in any order: the candidate kept is the one
    whose text beats every other's by the margin, so no order breaks a tie."""
    if not scored:
        return []
    texts = [s.text or 0.0 for s in scored]
    best, second = heapq.nlargest(2, texts) if len(texts) > 1 else (texts[0], 0.0)
    if best >= TEXT_ASSERT and best - second >= TEXT_MARGIN:
        top = scored[texts.index(best)]  # the only one with the best text (second < best)
        if exact:
            top = exact(top)
        top.evidence["meaning"] = True
        return [top.asserted_with(round(max(top.score, best), 3))]
    return []
