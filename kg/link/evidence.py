"""Lineage by evidence: link each sheet of year Y to the sheet(s) of year Y-1 that are the same program.

Used across the switch to the RS system (RS 2024 -> 2023 sheets) and to fill gaps in the old chains
(JUDGIT Y -> Y-1, which has no past numbers after 2020). Signals, each recorded as data on the link:

- ``official``: the sheet's own 旧事業番号 / past number names the candidate (parsed, ministry spelling folded);
- ``name``: similarity of normalised program names (brackets, 経費/事業 suffixes dropped; prefix containment
  counts as 0.9 since one source often truncates long names);
- ``division`` / ``bureau``: same 担当課室 / 担当部局;
- ``budget``: amounts of the overlapping fiscal years that agree (initial/total/executed of Y-3..Y-1,
  within max(0.5, 0.5%) 百万円) — the sheets usually copy them unchanged.

Decision (thresholds chosen on the 総務省 RS 2024 / JUDGIT 2023 sample and the 2017-2022 JUDGIT chains,
see bench/bench_lineage.py): a candidate is *asserted* when
  name >= 0.97                                            (same program name), or
  name >= 0.80 and (same division or >= 2 budget hits),  or
  >= 3 budget hits with hit ratio >= 0.75 and (same bureau or name >= 0.5)   (renamed program), or
  official number and not contradicted (name >= 0.35 or >= 1 budget hit), or
  (lineage by meaning, kg.link.term_evidence) 「（うち X）」 naming the earlier sheet, the same bracketed budget
  item and name >= 0.35, or texts overlapping by >= 0.6 with the same division and >= 2 budget hits;
otherwise the best candidate with score >= 0.45 is kept as *candidate*. An official number that the
evidence contradicts becomes a candidate and is reported. Several asserted links (merges/splits) are
allowed only when each one meets the asserted rule on its own — never as a fallback for a weak best match.

All of this is declared as data: ``FEATURES`` (name, function of the pair and the values before it, weight in the
score, recorded in the link's evidence or not), ``ASSERT_RULES`` (name, thresholds, test) and
``MIN_CANDIDATE_SCORE``. A new signal is one more Feature; a new rule one more Rule.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from kg.link import term_evidence as te
from kg.link.findings import NOTES, note
from kg.normalize.names import program_key
from kg.normalize.project_number import match_key, parse_numbers
from kg.normalize.text import nfkc
from kg.records import BudgetRow, Record

BUDGET_FIELDS = ("initial", "total", "executed")
MIN_CANDIDATE_SCORE = 0.45


def _budget(rec: Record) -> dict[int, BudgetRow]:
    return {int(b["fiscal_year"]): b for b in rec.get("budget") or [] if b.get("fiscal_year") is not None}


def _agree(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.5, 0.005 * abs(b))


def budget_hits(later: Record, earlier: Record, later_year: int) -> tuple[int, int]:
    """(agreeing, compared) amounts over the fiscal years both sheets report, before ``later_year``."""
    return _hits(_budget(later), _budget(earlier), later_year)


def _hits(lb: dict[int, BudgetRow], eb: dict[int, BudgetRow], later_year: int) -> tuple[int, int]:
    return _amount_hits(_window(lb, later_year), _amounts(eb))


def _amounts(budget: dict[int, BudgetRow]) -> dict[tuple[int, str], Any]:
    """The amounts of BUDGET_FIELDS a sheet gives, by (fiscal year, field)."""
    return {(y, f): b[f] for y, b in budget.items() if b for f in BUDGET_FIELDS if b.get(f) is not None}


def _window(budget: dict[int, BudgetRow], later_year: int) -> list[tuple[tuple[int, str], Any]]:
    """The amounts of the three fiscal years before ``later_year``, in _hits_by_row's order."""
    return [((y, f), b[f]) for y in range(later_year - 3, later_year) for b in [budget.get(y)] if b
            for f in BUDGET_FIELDS if b.get(f) is not None]


def _amount_hits(window: list[tuple[tuple[int, str], Any]], amounts: dict[tuple[int, str], Any]) -> tuple[int, int]:
    """_hits from the later sheet's window and the earlier sheet's amounts (the same counts, fewer look-ups)."""
    hits = n = 0
    for key, x in window:
        z = amounts.get(key)
        if z is None or (x == 0 and z == 0):
            continue
        n += 1
        x, z = float(x), float(z)
        if abs(x - z) <= max(0.5, 0.005 * abs(z)):  # _agree, inline: called for ~8 amounts of every pair
            hits += 1
    return hits, n


def _amounts_pre(amounts: dict[tuple[int, str], Any]) -> dict[tuple[int, str], tuple[float, bool, float]]:
    """An earlier sheet's amounts as _amount_hits_pre compares them: (the amount as a float, whether it is 0, the
    tolerance max(0.5, 0.5%) around it), computed once per sheet instead of once per pair."""
    out = {}
    for key, z in amounts.items():
        zf = float(z)
        out[key] = (zf, z == 0, max(0.5, 0.005 * abs(zf)))
    return out


def _window_pre(window: list[tuple[tuple[int, str], Any]]) -> list[tuple[tuple[int, str], float, bool]]:
    """A later sheet's window as _amount_hits_pre reads it: (key, the amount as a float, whether it is 0)."""
    return [(key, float(x), x == 0) for key, x in window]


def _amount_hits_pre(window: list[tuple[tuple[int, str], float, bool]],
                     amounts: dict[tuple[int, str], tuple[float, bool, float]]) -> tuple[int, int]:
    """_amount_hits from the amounts converted beforehand (_window_pre, _amounts_pre): the same tests on the same
    floats."""
    hits = n = 0
    for key, x, x0 in window:
        e = amounts.get(key)
        if e is None:
            continue
        z, z0, tol = e
        if x0 and z0:
            continue
        n += 1
        if abs(x - z) <= tol:
            hits += 1
    return hits, n


def _hits_by_row(lb: dict[int, BudgetRow], eb: dict[int, BudgetRow], later_year: int) -> tuple[int, int]:
    """The reference form of _hits (tests compare the two)."""
    hits = n = 0
    for y in range(later_year - 3, later_year):
        a, b = lb.get(y), eb.get(y)
        if not a or not b:
            continue
        for f in BUDGET_FIELDS:
            x, z = a.get(f), b.get(f)
            if x is None or z is None or (x == 0 and z == 0):
                continue
            n += 1
            hits += _agree(float(x), float(z))
    return hits, n


def name_score(a: str, b: str) -> float:
    return key_score(program_key(a), program_key(b))


def key_score(ka: str, kb: str) -> float:
    """name_score of two program keys: 1.0 the same key, else difflib's ratio (kg.normalize.names.similarity), at
    least 0.9 when the shorter key (>= 10 characters) starts the longer (one source truncates long names)."""
    return _within(ka, kb, key_score_bounds(ka, kb))


def _within(ka: str, kb: str, bounds: tuple[float, float]) -> float:
    """key_score given its bounds: difflib's ratio only when they differ."""
    lo, hi = bounds
    if lo == hi:
        return lo
    return max(lo, SequenceMatcher(None, ka, kb, autojunk=False).ratio())


def key_score_bounds(ka: str, kb: str, ca: Counter | None = None, cb: Counter | None = None) -> tuple[float, float]:
    """(lower, upper) bounds of key_score without difflib's matching: the prefix rule below, and above the share of
    characters the keys have in common (difflib's quick_ratio, an upper bound of its ratio in the same float
    arithmetic). ``ca``/``cb``: the keys' character counts when already known."""
    if not ka or not kb:
        return 0.0, 0.0
    if ka == kb:
        return 1.0, 1.0
    return _bounds(ka, kb, _common_chars(ca or Counter(ka), cb or Counter(kb)))


def _bounds(ka: str, kb: str, common: int) -> tuple[float, float]:
    """key_score_bounds of two different, non-empty keys sharing ``common`` characters."""
    short, long_ = sorted((ka, kb), key=len)
    lo = 0.9 if len(short) >= 10 and long_.startswith(short) else 0.0
    return lo, max(lo, 2.0 * common / (len(ka) + len(kb)))


def _occurrences(key: str) -> frozenset[str]:
    """The characters of ``key``, the k-th repeat (k >= 2) of a character c as c + NUL + k, so that the size of the
    intersection of two keys' sets is the size of the multiset intersection of their characters (_common_chars), one
    set operation in C per pair."""
    seen: Counter = Counter()
    out = set()
    for c in key:
        seen[c] += 1
        k = seen[c]
        out.add(c if k == 1 else f"{c}\x00{k}")
    return frozenset(out)


def _common_chars(ca: Mapping[str, int], cb: Mapping[str, int]) -> int:
    """How many characters two keys share (the size of the multiset intersection, ``sum((ca & cb).values())``),
    without building the intersection Counter."""
    if len(ca) > len(cb):
        ca, cb = cb, ca
    return sum(min(v, cb[c]) for c, v in ca.items() if c in cb)


def official_numbers(rec: Record, earlier_year: int) -> set[str]:
    """Numbers the sheet itself names for ``earlier_year`` (RS 旧事業番号 text or past_project_numbers)."""
    out = set()
    text = (rec.get("extra") or {}).get("old_number_text")
    if text:
        for r in parse_numbers(text):
            if r.fiscal_year in (None, earlier_year):
                out.add(match_key(r.number))
    for p in rec.get("past_project_numbers") or []:
        if p.get("fiscal_year") == earlier_year:
            out.add(match_key(p["number"]))
    return out


def number_keys(number: str) -> set[str]:
    """The keys an official reference may use for a sheet's number: the whole number (match_key) and its tails,
    since 旧事業番号 is often printed without year and ministry ("22-0436", "0333", "0001-04").
    '2023-経産-22-0436' -> {'2023-経産-22-0436', '22-0436', '0436'}."""
    key = match_key(number)
    parts = key.split("-")
    out = {key}
    sub = len(parts) > 1 and len(parts[-1]) <= 2 and parts[-2].isdigit() and len(parts[-2]) == 4
    tail = 2 if sub else 1
    out.add("-".join(parts[-tail:]))
    if len(parts) > tail and re.fullmatch(r"新?\d\d", parts[-tail - 1]):
        out.add("-".join(parts[-tail - 1:]))
    return out


def _units(text: str | None) -> set[str]:
    """Org-unit names of a cell that may list several ("情報流通振興課\n利用環境課")."""
    return {u for u in (nfkc(x) for x in re.split(r"[\n、,／/]", text or "")) if u}


def _trigrams(key: str) -> set[str]:
    return {key[i:i + 3] for i in range(max(1, len(key) - 2))}


def _request_match(lb: dict[int, BudgetRow], eb: dict[int, BudgetRow], later_year: int) -> bool:
    """The earlier sheet's request for ``later_year`` equals the later sheet's initial budget for it."""
    a, b = lb.get(later_year), eb.get(later_year)
    x, z = (a or {}).get("initial"), (b or {}).get("requested")
    return x is not None and z is not None and x != 0 and _agree(float(x), float(z))


def _number(rec: Record) -> str | None:
    return rec.get("project_number") or rec.get("sheet_number")


class _once:  # noqa: N801 - used as a decorator, like functools.cached_property
    """functools.cached_property without its lock (Python 3.11 takes an RLock on every first access: 13 of 134 s
    of a profiled year pair, bench/README.md); the value is stored in the instance's __dict__, which later look-ups
    find first."""

    def __init__(self, fn: Callable):
        self.fn, self.name = fn, fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class Sheet:
    """What the features read of one sheet, computed once per linking run instead of once per candidate pair
    (``sheet(rec)``; a national build scores ~35 candidate pairs per sheet, bench/README.md)."""

    def __init__(self, rec: Record):
        self.rec = rec
        self.name = rec.get("project_name") or ""
        self.key = program_key(self.name)
        self.division = _units(rec.get("division"))
        self.bureau = _units(rec.get("bureau"))
        self.budget = _budget(rec)
        self.number = _number(rec)
        self._window: tuple[int, list] | None = None
        self._window_pre: tuple[int, list] | None = None
        self._initial: tuple[int, float | None] | None = None
        self._request: tuple[int, tuple] | None = None

    @_once
    def chars(self) -> Counter:
        """The characters of the program key (for the upper bound of the name similarity)."""
        return Counter(self.key)

    @_once
    def char_set(self) -> frozenset[str]:
        """The characters of the program key, the k-th repeat of a character as that character and k (``_occurrences``):
        the size of two sheets' intersection is the number of characters their keys share (_common_chars)."""
        return _occurrences(self.key)

    @_once
    def amounts_pre(self) -> dict[tuple[int, str], tuple[float, bool, float]]:
        return _amounts_pre(self.amounts)

    def window_pre(self, later_year: int) -> list[tuple[tuple[int, str], float, bool]]:
        if self._window_pre is None or self._window_pre[0] != later_year:
            self._window_pre = (later_year, _window_pre(self.window(later_year)))
        return self._window_pre[1]

    def initial_for(self, later_year: int) -> float | None:
        """As a later sheet: its initial budget for ``later_year`` as a float, None when unknown or 0
        (_request_match)."""
        if self._initial is None or self._initial[0] != later_year:
            x = (self.budget.get(later_year) or {}).get("initial")
            self._initial = (later_year, None if x is None or x == 0 else float(x))
        return self._initial[1]

    def request_for(self, later_year: int) -> tuple[float | None, float]:
        """As an earlier sheet: its request for ``later_year`` as a float and the tolerance around it (_agree)."""
        if self._request is None or self._request[0] != later_year:
            z = (self.budget.get(later_year) or {}).get("requested")
            zf = None if z is None else float(z)
            self._request = (later_year, (zf, 0.0 if zf is None else max(0.5, 0.005 * abs(zf))))
        return self._request[1]

    @_once
    def amounts(self) -> dict[tuple[int, str], Any]:
        """The budget's amounts by (fiscal year, field), as an earlier sheet is compared (_amount_hits)."""
        return _amounts(self.budget)

    def window(self, later_year: int) -> list[tuple[tuple[int, str], Any]]:
        """The budget's amounts of the three years before ``later_year``, as a later sheet is compared."""
        if self._window is None or self._window[0] != later_year:
            self._window = (later_year, _window(self.budget, later_year))
        return self._window[1]

    @_once
    def number_keys(self) -> frozenset[str]:
        """number_keys of the sheet's number (empty without one)."""
        return frozenset(number_keys(self.number)) if self.number else frozenset()

    @_once
    def name_terms(self) -> frozenset[str]:
        return te.name_terms(self.rec)

    @_once
    def text_terms(self) -> frozenset[str]:
        return te.text_terms(self.rec)

    @_once
    def parts(self) -> te.NameParts:
        return te.name_parts(self.name)


_SHEETS: dict[int, Sheet] = {}  # id(record) -> Sheet, for one link_years run (the records outlive it)


def sheet(rec: Record) -> Sheet:
    s = _SHEETS.get(id(rec))
    if s is None or s.rec is not rec:
        s = _SHEETS[id(rec)] = Sheet(rec)
    return s


class _Block:
    """Earlier sheets of one ministry, indexed for candidate generation."""

    def __init__(self, recs: list[Record]):
        self.recs = recs
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_div: dict[str, list[int]] = defaultdict(list)
        self.by_tri: dict[str, list[int]] = defaultdict(list)
        self.by_amount: dict[tuple, list[int]] = defaultdict(list)
        self.by_number: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(recs):
            sh = sheet(r)
            self.by_key[sh.key].append(i)
            for t in _trigrams(sh.key):
                self.by_tri[t].append(i)
            for u in sh.division:
                self.by_div[u].append(i)
            if sh.number:
                for k in number_keys(sh.number):
                    self.by_number[k].append(i)
            for y, b in sh.budget.items():
                for f in BUDGET_FIELDS:
                    v = b.get(f)
                    if v:
                        self.by_amount[(y, round(float(v)))].append(i)

    def meaning(self) -> te.TermBlock:
        """The block's term index over 事業名 + 事業目的 + 事業概要 (built on first use)."""
        if getattr(self, "_meaning", None) is None:
            self._meaning = te.TermBlock(self.recs, lambda r: sheet(r).text_terms)
        return self._meaning

    def candidates(self, rec: Record, official: set[str], later_year: int) -> list[int]:
        """The earlier sheets worth scoring, in a fixed order (the order breaks ties between equal candidates)."""
        c: set[int] = set()
        sh = sheet(rec)
        c.update(self.by_key.get(sh.key, []))
        for u in sh.division:
            c.update(self.by_div.get(u, []))
        shared: Counter = Counter()
        for t in _trigrams(sh.key):
            shared.update(self.by_tri.get(t, ()))
        # ties by position: hash-seed independent ((-count, position) pairs are distinct: = sorted(...)[:15])
        c.update(i for _, i in heapq.nsmallest(15, [(-n, i) for i, n in shared.items()]))
        for n in official:
            c.update(self.by_number.get(n, []))
        for y, b in sh.budget.items():
            if later_year - 3 <= y < later_year:
                for f in BUDGET_FIELDS:
                    v = b.get(f)
                    if v:
                        c.update(self.by_amount.get((y, round(float(v))), []))
        if te.ENABLED:  # lineage by meaning: earlier sheets sharing informative terms of the texts
            c.update(self.meaning().candidates(sh.text_terms))
        if len(c) < 3:  # small ministries or new divisions: compare with every sheet
            c.update(range(len(self.recs)))
        return list(c)


class Pair:
    """A later sheet and one earlier candidate: what the features look at."""

    def __init__(self, later: Record, earlier: Record, later_year: int, official: set[str]):
        self.later, self.earlier, self.later_year = later, earlier, later_year
        self.official_numbers = official  # the numbers the later sheet itself names for the earlier year
        self.ls, self.es = sheet(later), sheet(earlier)

    @_once
    def budget(self) -> tuple[int, int]:
        """(agreeing, compared) amounts (budget_hits)."""
        return _amount_hits_pre(self.ls.window_pre(self.later_year), self.es.amounts_pre)

    # The features that do not depend on the name, kept per pair: _score_candidate may evaluate FEATURES twice
    # (at the name's upper bound, then exactly)
    @_once
    def request_match(self) -> bool:
        x, (z, tol) = self.ls.initial_for(self.later_year), self.es.request_for(self.later_year)
        return x is not None and z is not None and abs(x - z) <= tol  # _request_match, converted once per sheet

    @_once
    def official(self) -> bool:
        return bool(self.official_numbers) and bool(self.es.number_keys & self.official_numbers)

    @_once
    def terms(self) -> float:
        return round(te.overlap(self.ls.name_terms, self.es.name_terms), 3)

    @_once
    def text(self) -> float:
        return round(te.overlap(self.ls.text_terms, self.es.text_terms), 3)

    @_once
    def part(self) -> str | None:
        return te.parts_match(self.ls.parts, self.es.parts)

    @_once
    def name_bounds(self) -> tuple[float, float]:
        """(lower, upper) bounds of the name feature, without difflib (key_score_bounds)."""
        ka, kb = self.ls.key, self.es.key
        if not ka or not kb or ka == kb:
            return key_score_bounds(ka, kb)
        return _bounds(ka, kb, len(self.ls.char_set & self.es.char_set))

    def name(self) -> float:
        return _within(self.ls.key, self.es.key, self.name_bounds)


Values = Mapping[str, Any]


@dataclass(frozen=True)
class Feature:
    """One evidence signal. ``value(pair, values)`` may use the values of the features declared before it;
    ``weight`` is its share of the score; ``recorded`` features are kept in the link's evidence."""
    name: str
    value: Callable[[Pair, Values], Any]
    weight: float = 0.0
    recorded: bool = True


def _is_official(p: Pair, v: Values) -> bool:
    return p.official


# The score is the weighted sum in this order (float addition is order-sensitive and graph.nt records the
# rounded score), plus OFFICIAL_BONUS when the sheet itself names the candidate, capped at 1. The score and every
# rule are non-decreasing in ``name``: link_years relies on it to skip difflib where the bounds decide.
FEATURES: tuple[Feature, ...] = (
    Feature("name", lambda p, v: p.name(), weight=0.5),
    Feature("request_match", lambda p, v: p.request_match),
    # the earlier sheet's request for the later year counts as one more compared (and agreeing) amount
    Feature("budget_hits", lambda p, v: p.budget[0] + v["request_match"]),
    Feature("budget_compared", lambda p, v: p.budget[1] + v["request_match"]),
    Feature("same_division", lambda p, v: bool(p.ls.division & p.es.division), weight=0.1),
    Feature("same_bureau", lambda p, v: bool(p.ls.bureau & p.es.bureau), weight=0.05),
    Feature("official", _is_official),
    # lineage by meaning (kg.link.term_evidence; None when switched off for bench/bench_lineage.py)
    Feature("terms", lambda p, v: p.terms if te.ENABLED else None),
    Feature("text", lambda p, v: p.text if te.ENABLED else None),
    Feature("part", lambda p, v: p.part if te.ENABLED else None),
    Feature("budget_ratio", lambda p, v: v["budget_hits"] / v["budget_compared"] if v["budget_compared"] else 0.0,
            recorded=False),
    # the budget's share of the score: the agreeing ratio, or the name again when no amount could be compared
    Feature("budget_or_name", lambda p, v: v["budget_ratio"] if v["budget_compared"] else v["name"], weight=0.35,
            recorded=False),
)
OFFICIAL_BONUS = 0.2


@dataclass(frozen=True)
class Rule:
    """A rule that asserts a candidate: ``test(values, thresholds)``."""
    name: str
    thresholds: Mapping[str, float]
    test: Callable[[Values, Mapping[str, float]], bool]


ASSERT_RULES: tuple[Rule, ...] = (
    Rule("same_name", {"name": 0.97}, lambda v, t: v["name"] >= t["name"]),
    Rule("similar_name_and_division_or_budget", {"name": 0.80, "budget_hits": 2},
         lambda v, t: v["name"] >= t["name"] and (v["same_division"] or v["budget_hits"] >= t["budget_hits"])),
    Rule("renamed_same_budget", {"budget_hits": 3, "budget_ratio": 0.75, "name": 0.5},
         lambda v, t: v["budget_hits"] >= t["budget_hits"] and v["budget_ratio"] >= t["budget_ratio"]
         and (v["same_bureau"] or v["name"] >= t["name"])),
    Rule("official_not_contradicted", {"name": 0.35, "budget_hits": 1},
         lambda v, t: v["official"] and (v["name"] >= t["name"] or v["budget_hits"] >= t["budget_hits"])),
    # 「（うち X）」: X is the earlier 事業名 (a split or merge written in the name)
    Rule("split_or_merge_in_name", {}, lambda v, t: v.get("part") == "part"),
    # the same bracketed budget item (「（情報通信技術調達等適正・効率化推進費）」) and a related name
    Rule("same_budget_item", {"name": 0.35}, lambda v, t: v.get("part") == "item" and v["name"] >= t["name"]),
    # a renamed program that kept its division, its texts (事業名+事業目的+事業概要 terms) and some amounts: a merge
    # (「需要家主導太陽光発電導入促進事業」 -> 「需要家主導型太陽光発電及び…蓄電池導入促進事業」, initial budgets equal,
    # totals not: the supplementary budget of the other merged program)
    # (the text tested last: a candidate's values are computed as its rules look them up, see _Lazy)
    Rule("same_texts_division_and_budget", {"text": 0.6, "budget_hits": 2},
         lambda v, t: v["same_division"] and v["budget_hits"] >= t["budget_hits"]
         and (v.get("text") or 0.0) >= t["text"]),
)


def feature_values(pair: Pair, name: float | None = None) -> dict[str, Any]:
    """Every FEATURES value of the pair, in declaration order (unrounded); ``name`` given: that value instead of the
    name feature's (a bound of it, see link_years)."""
    values: dict[str, Any] = {}
    for f in FEATURES:
        values[f.name] = name if name is not None and f.name == "name" else f.value(pair, values)
    return values


def rules_met(values: Values) -> list[str]:
    """The names of the ASSERT_RULES the values meet (asserted when any)."""
    return [r.name for r in ASSERT_RULES if r.test(values, r.thresholds)]


_WEIGHTED = tuple((f.name, f.weight) for f in FEATURES if f.weight)  # in declaration order (see FEATURES)


def score(values: Values) -> float:
    s = 0.0
    for name, weight in _WEIGHTED:
        s += weight * values[name]
    if values["official"]:
        s = min(1.0, s + OFFICIAL_BONUS)
    return s


def _evidence(values: Values) -> dict:
    ev = {f.name: values[f.name] for f in FEATURES if f.recorded}
    ev["name"] = round(values["name"], 3)
    ev["score"] = round(score(values), 3)
    ev["asserted"] = bool(rules_met(values))
    return ev


def score_pair(later: Record, earlier: Record, later_year: int, official: set[str]) -> dict:
    """The evidence of one pair: the recorded features (name rounded), ``score`` and ``asserted``."""
    return _evidence(feature_values(Pair(later, earlier, later_year, official)))


class _Lazy(dict):
    """A pair's FEATURES values, each computed when first looked up (by a rule's test, the score or the evidence) and
    kept. A candidate is tested against the rules with the name feature at its upper bound; when it surely is not
    asserted, its rules' tests reach only some features (each test stops at its first unmet condition), and its score
    and text are looked up only when no candidate of the sheet is asserted (_best, by meaning), its other recorded
    features (``terms``) never: it is not linked. The values are those of feature_values, the same functions of the
    pair in the same order of dependence, so the decisions, scores and recorded evidence are the same
    (tests/unit/link/test_evidence_reduced.py)."""

    __slots__ = ("pair",)

    def __init__(self, pair: Pair, name: float):
        dict.__init__(self, name=name)
        self.pair = pair

    def __missing__(self, key: str) -> Any:
        f = _FEATURE.get(key)
        if f is None:
            raise KeyError(key)
        value = self[key] = f.value(self.pair, self)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default


_FEATURE = {f.name: f for f in FEATURES}


class Scored:
    """A candidate earlier sheet and its feature values (``values``, computed as looked up: _Lazy). ``pair`` is set
    while the name feature is only at its upper bound (the candidate is surely not asserted and its ``score`` at
    most the one given here); ``exact`` gives the candidate with the real name feature. ``pos``: the candidate's place
    in the block's order, the last tie-break. ``score`` (rounded) and ``evidence`` (the recorded features, ``score``
    and ``asserted``) are computed when first asked."""

    __slots__ = ("asserted", "number", "earlier", "pos", "values", "pair", "_score", "_evidence")

    def __init__(self, asserted: bool, number: str | None, earlier: Record, pos: int, values: Values,
                 pair: Pair | None = None, score: float | None = None, evidence: dict | None = None):
        self.asserted, self.number, self.earlier, self.pos = asserted, number, earlier, pos
        self.values, self.pair, self._score, self._evidence = values, pair, score, evidence

    @property
    def score(self) -> float:
        if self._score is None:
            self._score = round(score(self.values), 3)
        return self._score

    @property
    def evidence(self) -> dict:
        if self._evidence is None:
            self._evidence = _evidence(self.values)
        return self._evidence

    @property
    def official(self) -> bool:
        return self.values["official"]

    @property
    def text(self) -> float | None:
        return self.values["text"]

    def exact(self) -> Scored:
        return self if self.pair is None else _scored_exactly(self.pair, self.pos)

    def asserted_with(self, score: float) -> Scored:
        """The candidate asserted (by meaning) with ``score``; the same evidence dict."""
        return Scored(True, self.number, self.earlier, self.pos, self.values, None, score, self.evidence)


def _scored_exactly(pair: Pair, pos: int) -> Scored:
    values = _Lazy(pair, pair.name())
    return Scored(bool(rules_met(values)), pair.es.number, pair.earlier, pos, values)


def _score_candidate(pair: Pair, pos: int) -> Scored:
    """The candidate, exact where it matters: difflib's ratio (the costliest feature) is computed only when the
    bounds of the name feature leave open whether the candidate is asserted, or when it is the sheet's official
    number (its evidence goes into a warning). Every rule and the score are non-decreasing in ``name``, so with the
    upper bound no rule met means none met with the real value."""
    lo, hi = pair.name_bounds
    if lo != hi:
        values = _Lazy(pair, hi)
        if not values["official"] and not any(r.test(values, r.thresholds) for r in ASSERT_RULES):
            return Scored(False, pair.es.number, pair.earlier, pos, values, pair)
    return _scored_exactly(pair, pos)


def _rank(s: Scored) -> tuple:
    return (not s.asserted, -s.score, s.number, s.pos)


def _best(scored: list[Scored]) -> Scored | None:
    """The first of the candidates by _rank with their exact evidence, computing as few as the bounds allow."""
    best = None
    for s in sorted(scored, key=_rank):
        if best is not None and _rank(best) <= _rank(s):  # s's score is at most its bound: it cannot come first
            break
        s = s.exact()
        if best is None or _rank(s) < _rank(best):
            best = s
    return best


def link_years(later: Iterable[Record], earlier: Iterable[Record], later_year: int,
               method: str = "evidence", keep_terms: bool = False) -> dict:
    """Add lineage links from each ``later`` sheet (review year ``later_year``) to ``earlier`` sheets.

    ``keep_terms``: keep the texts' terms cached after the run (the caller links the next year pair and clears
    them, kg.link.term_evidence.clear_cache)."""
    earlier_year = later_year - 1
    blocks: dict[str, _Block] = {}
    grouped: dict[str, list[Record]] = defaultdict(list)
    for r in earlier:
        if r.get("ministry") and _number(r):
            grouped[r["ministry"]].append(r)
    for m, recs in grouped.items():
        blocks[m] = _Block(recs)
    stats = {"sheets": 0, "asserted": 0, "candidate": 0, "none": 0, "multi": 0, "official_contradicted": 0,
             "official_confirmed": 0}
    for rec in later:
        stats["sheets"] += 1
        block = blocks.get(rec.get("ministry") or "")
        links = rec.setdefault("lineage", [])
        already = {(lk["fiscal_year"], match_key(lk["number"])): i for i, lk in enumerate(links)}
        official = official_numbers(rec, earlier_year)
        if not block:
            stats["none"] += 1
            continue
        scored = [_score_candidate(Pair(rec, block.recs[i], later_year, official), pos)
                  for pos, i in enumerate(block.candidates(rec, official, later_year))]
        # in _rank's order (a total order: the positions differ); only asserted and official candidates are exact
        # and wanted here, the others' scores are computed only if no candidate is asserted (_best)
        chosen = sorted((s for s in scored if s.asserted), key=_rank)
        for s in sorted((s for s in scored if s.official), key=_rank):
            stats["official_confirmed" if s.asserted else "official_contradicted"] += 1
            if not s.asserted:
                rec.setdefault("warnings", []).append({
                    "code": "official_number_contradicted",
                    "message": f"旧事業番号 names {s.number} ({earlier_year}) but the evidence disagrees: "
                               f"name {s.evidence['name']}, budget {s.evidence['budget_hits']}/"
                               f"{s.evidence['budget_compared']}",
                    "field": "lineage"})
                note(rec, "official_number_contradicted", year=earlier_year, number=s.number, field="project_name")
        if not chosen and te.ENABLED:
            chosen = te.by_meaning(scored, exact=Scored.exact)
        status = "asserted" if chosen else None
        best = None if chosen else _best(scored)
        if best is not None and best.score >= MIN_CANDIDATE_SCORE:
            chosen, status = [best], "candidate"
        elif not chosen:
            stats["none"] += 1
            continue
        if len(chosen) > 1:
            stats["multi"] += 1
        stats[status] += 1
        for s in chosen:
            ev = {k: v for k, v in s.evidence.items() if k not in ("asserted", "score")}
            link = {"fiscal_year": earlier_year, "ministry": s.earlier["ministry"], "number": s.number,
                    "status": status, "score": s.score, "evidence": ev, "method": method}
            at = already.get((earlier_year, match_key(s.number)))
            if at is None:
                already[(earlier_year, match_key(s.number))] = len(links)
                links.append(link)
            elif status == "asserted" and links[at].get("status") != "asserted":
                # the sheet's past number named this sheet but its name alone left it a candidate: the evidence
                # decides, and one link (one node in the graph) says so, keeping what the past number said
                ev["past_number"] = links[at].get("evidence") or {}
                links[at] = link
    _SHEETS.clear()
    if not keep_terms:
        te.clear_cache()
    return stats


def link_consecutive_years(records: list[Record]) -> dict:
    """Fill every gap in the chains: each sheet of year Y with no asserted link to Y-1 gets one by evidence.

    Returns per-year statistics and, for RS-system sheets, counts by 事業区分 (extra["category"]).
    """
    by_year: dict[int, list[Record]] = defaultdict(list)
    for r in records:
        if r.get("document_type") == "review_sheet" and r.get("sheet_fiscal_year") is not None:
            by_year[int(r["sheet_fiscal_year"])].append(r)
    out: dict = {"years": {}, "rs_by_category": {}}
    pairs = []
    for year in sorted(by_year):
        if year - 1 not in by_year:
            continue
        todo = [r for r in by_year[year]
                if not any(lk.get("fiscal_year") == year - 1 and lk.get("status") == "asserted"
                           for lk in r.get("lineage") or [])]
        pairs.append((year, todo, by_year[year - 1]))
    out["years"] = _link_pairs(pairs)
    for r in records:
        if r.get("provenance", {}).get("format") != "rs":
            continue
        cat = (r.get("extra") or {}).get("category") or "unknown"
        y = r.get("sheet_fiscal_year")
        links = [lk for lk in r.get("lineage") or [] if y is not None and lk.get("fiscal_year") == y - 1]
        status = ("asserted" if any(lk["status"] == "asserted" for lk in links)
                  else "candidate" if links else "none")
        c = out["rs_by_category"].setdefault(cat, {"asserted": 0, "candidate": 0, "none": 0})
        c[status] += 1
    return out


# ---------------------------------------------------------------- the year pairs on every core
# Each pair (year Y's unlinked sheets -> year Y-1's sheets) reads both years and writes only Y's sheets, so the pairs
# are independent: with several cores they run in forked workers (the records shared copy-on-write, nothing pickled
# but what a pair changed), which halves the costliest step of a national build's link stage on 2 cores
# (bench/README.md). The result is the same as running them in order (tests/unit/link/test_evidence_parallel.py).

_PAIRS: list = []  # set while forked workers run
_CHANGED_KEYS = ("lineage", "warnings", NOTES)  # what link_years writes on a later sheet
PARALLEL_MIN_SHEETS = 4000  # below this, forking costs more than it saves
# What link_years reads of a record, and of its "extra" (tests/unit/link/test_evidence_parallel.py records every
# key it reads on real sheets and checks it is one of these). The workers are given copies of only these keys.
LINKER_KEYS = frozenset(("document_type", "sheet_fiscal_year", "ministry", "project_name", "division", "bureau",
                         "budget", "project_number", "sheet_number", "past_project_numbers", "purpose", "summary",
                         "extra", *_CHANGED_KEYS))
LINKER_EXTRA_KEYS = frozenset(("old_number_text", "purpose", "overview"))


def _slim(rec: Record) -> Record:
    """The keys of ``rec`` that link_years reads, in the record's order (new dicts; the values are rec's objects)."""
    out = {k: v for k, v in rec.items() if k in LINKER_KEYS}
    if isinstance(out.get("extra"), dict):
        out["extra"] = {k: v for k, v in out["extra"].items() if k in LINKER_EXTRA_KEYS}
    return out


def slim_pairs(pairs: list, terms: bool = False) -> list:
    """``pairs`` with each record replaced by a fresh copy of what link_years reads (``_slim``), made by one pickle
    round trip, so a record given in two pairs is one copy in both. Memory (issue 22): a forked worker copies every
    page whose objects it touches (reference counts), and the records' objects are spread over the whole heap of
    the parent (~1.2 GiB nationally): each worker copied most of it. The copies sit on their own pages (~a third of
    the records' size), which is all a worker touches now.

    ``terms``: the terms of the copies' texts are copied in the same round trip and handed over
    (kg.link.term_evidence.given_terms, hand_over): the workers read them instead of the build's table of terms."""
    import pickle

    ids: dict[int, int] = {}
    recs: list[Record] = []
    spec = []
    for year, todo, earlier in pairs:
        idx = []
        for group in (todo, earlier):
            at = []
            for r in group:
                i = ids.get(id(r))
                if i is None:
                    i = ids[id(r)] = len(recs)
                    recs.append(_slim(r))
                at.append(i)
            idx.append(at)
        spec.append((year, *idx))
    vocab, given = te.given_terms(recs) if terms else ([], {})
    # one round trip: the texts keyed in ``given`` are the copies' own strings; the distinct terms first, together
    _, copies, given = pickle.loads(pickle.dumps((vocab, recs, given), protocol=pickle.HIGHEST_PROTOCOL))
    del recs, vocab
    if terms:
        te.hand_over(given)
    return [(year, [copies[i] for i in t], [copies[i] for i in e]) for year, t, e in spec]


def _link_pairs(pairs: list, jobs: int | None = None, min_sheets: int | None = None) -> dict:
    import multiprocessing as mp
    import os

    from kg.fork import fork_pool

    global _PAIRS
    jobs = min(jobs or os.cpu_count() or 1, len(pairs))
    min_sheets = PARALLEL_MIN_SHEETS if min_sheets is None else min_sheets
    if jobs < 2 or sum(len(t) for _, t, _ in pairs) < min_sheets or "fork" not in mp.get_all_start_methods():
        try:
            return {year: link_years(todo, earlier, year, keep_terms=True) for year, todo, earlier in pairs}
        finally:
            te.clear_cache()
    # the workers read copies of what they need, not the records, and the terms of their texts (see slim_pairs)
    _PAIRS = slim_pairs(pairs, terms=te.ENABLED)
    try:
        # kg.fork: the records stay shared (no collection in the children). Each pair in a worker of its own
        # (maxtasksperchild=1): a worker's memory grows with the years it has seen (the pages of their sheets and
        # terms it copied, the heap its pairs left) and is given back when its pair is done, not when the pool's last
        # pair is; the pairs running at once are years apart (_spread), so they copy different pages (issue 22,
        # bench/README.md "Link memory, eighth round")
        with fork_pool(jobs, maxtasksperchild=1) as pool:
            done = pool.map(_link_share, [[i] for i in _spread(len(pairs))], chunksize=1)
    finally:
        _PAIRS = []
        te.hand_over({})
    stats = {}
    for share in done:
        for i, year_stats, changes in share:
            stats[i] = year_stats
            for rec, changed in zip(pairs[i][1], changes, strict=True):
                for key, value in changed:  # in the order the worker set them; lists changed in place, as there
                    if isinstance(rec.get(key), list) and isinstance(value, list):
                        rec[key][:] = value
                    else:
                        rec[key] = value
    return {pairs[i][0]: stats[i] for i in range(len(pairs))}


def _spread(n: int) -> list[int]:
    """0 .. n-1, the first half interleaved with the second (0, 5, 1, 6, ... for 9): the pairs that run at once on
    two cores are about half the years apart."""
    half = (n + 1) // 2
    return [i for k in range(half) for i in (k, k + half) if i < n]


def _link_share(indexes: list[int]) -> list:
    """Worker: link the year pairs ``indexes`` of _PAIRS (one in _link_pairs; consecutive pairs share the later
    year's term sets: only those are kept between them); returns per pair its statistics and, per later sheet, the
    keys link_years writes, with their values after it (in the record's key order)."""
    from kg.fork import trim

    out = []
    for n, i in enumerate(indexes):
        year, todo, earlier = _PAIRS[i]
        year_stats = link_years(todo, earlier, year, keep_terms=True)
        out.append((i, year_stats, [[(k, r[k]) for k in r if k in _CHANGED_KEYS] for r in todo]))
        if n + 1 < len(indexes):  # the next pair's sheets' terms stay cached (its earlier year is this later year)
            _, nt, ne = _PAIRS[indexes[n + 1]]
            te.retain(nt + ne)
        else:
            te.clear_cache()
        trim()  # what the pair freed goes back to the system (issue 22, kg.fork.trim)
    return out
