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
  official number and not contradicted (name >= 0.35 or >= 1 budget hit);
otherwise the best candidate with score >= 0.45 is kept as *candidate*. An official number that the
evidence contradicts becomes a candidate and is reported. Several asserted links (merges/splits) are
allowed only when each one meets the asserted rule on its own — never as a fallback for a weak best match.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.link import term_evidence as te
from kg.normalize.names import program_key, similarity
from kg.normalize.project_number import match_key, parse_numbers
from kg.normalize.text import nfkc
from kg.records import Record

BUDGET_FIELDS = ("initial", "total", "executed")
MIN_CANDIDATE_SCORE = 0.45


def _budget(rec: Record) -> dict[int, dict]:
    return {int(b["fiscal_year"]): b for b in rec.get("budget") or [] if b.get("fiscal_year") is not None}


def _agree(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.5, 0.005 * abs(b))


def budget_hits(later: Record, earlier: Record, later_year: int) -> tuple[int, int]:
    """(agreeing, compared) amounts over the fiscal years both sheets report, before ``later_year``."""
    lb, eb = _budget(later), _budget(earlier)
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
    ka, kb = program_key(a), program_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    s = similarity(a, b)
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= 10 and long_.startswith(short):
        s = max(s, 0.9)
    return s


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


def _units(text: str | None) -> set[str]:
    """Org-unit names of a cell that may list several ("情報流通振興課\n利用環境課")."""
    import re

    return {u for u in (nfkc(x) for x in re.split(r"[\n、,／/]", text or "")) if u}


def _trigrams(key: str) -> set[str]:
    return {key[i:i + 3] for i in range(max(1, len(key) - 2))}


def request_match(later: Record, earlier: Record, later_year: int) -> bool:
    """The earlier sheet's request for ``later_year`` equals the later sheet's initial budget for it."""
    a, b = _budget(later).get(later_year), _budget(earlier).get(later_year)
    x, z = (a or {}).get("initial"), (b or {}).get("requested")
    return x is not None and z is not None and x != 0 and _agree(float(x), float(z))


def _number(rec: Record) -> str | None:
    return rec.get("project_number") or rec.get("sheet_number")


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
            key = program_key(r.get("project_name") or "")
            self.by_key[key].append(i)
            for t in _trigrams(key):
                self.by_tri[t].append(i)
            for u in _units(r.get("division")):
                self.by_div[u].append(i)
            n = _number(r)
            if n:
                self.by_number[match_key(n)].append(i)
            for y, b in _budget(r).items():
                for f in BUDGET_FIELDS:
                    v = b.get(f)
                    if v:
                        self.by_amount[(y, round(float(v)))].append(i)

    def meaning(self) -> te.TermBlock:
        """The block's term index over 事業名 + 事業目的 + 事業概要 (built on first use)."""
        if getattr(self, "_meaning", None) is None:
            self._meaning = te.TermBlock(self.recs, te.text_terms)
        return self._meaning

    def candidates(self, rec: Record, official: set[str], later_year: int) -> set[int]:
        c: set[int] = set()
        key = program_key(rec.get("project_name") or "")
        c.update(self.by_key.get(key, []))
        for u in _units(rec.get("division")):
            c.update(self.by_div.get(u, []))
        shared: dict[int, int] = defaultdict(int)
        for t in _trigrams(key):
            for i in self.by_tri.get(t, ()):
                shared[i] += 1
        c.update(sorted(shared, key=lambda i: (-shared[i], i))[:15])  # ties by position: hash-seed independent
        for n in official:
            c.update(self.by_number.get(n, []))
        for y, b in _budget(rec).items():
            if later_year - 3 <= y < later_year:
                for f in BUDGET_FIELDS:
                    v = b.get(f)
                    if v:
                        c.update(self.by_amount.get((y, round(float(v))), []))
        if te.ENABLED:  # lineage by meaning (kg.link.term_evidence)
            c.update(self.meaning().candidates(te.text_terms(rec)))
        if len(c) < 3:  # small ministries or new divisions: compare with every sheet
            c.update(range(len(self.recs)))
        return c


def score_pair(later: Record, earlier: Record, later_year: int, official: set[str]) -> dict:
    name = name_score(later.get("project_name") or "", earlier.get("project_name") or "")
    hits, n = budget_hits(later, earlier, later_year)
    same_div = bool(_units(later.get("division")) & _units(earlier.get("division")))
    same_bureau = bool(_units(later.get("bureau")) & _units(earlier.get("bureau")))
    req = request_match(later, earlier, later_year)
    if req:
        hits, n = hits + 1, n + 1
    num = _number(earlier)
    is_official = bool(num) and match_key(num) in official
    ratio = hits / n if n else 0.0
    score = 0.5 * name + 0.1 * same_div + 0.05 * same_bureau + 0.35 * (ratio if n else name)
    if is_official:
        score = min(1.0, score + 0.2)
    terms = text = part = None
    if te.ENABLED:
        terms = round(te.overlap(te.name_terms(later), te.name_terms(earlier)), 3)
        text = round(te.text_overlap(later, earlier), 3)
        part = te.part_match(later.get("project_name") or "", earlier.get("project_name") or "")
    asserted = (
        part == "part"
        or (part == "item" and name >= 0.35)
        or name >= 0.97
        or (name >= 0.80 and (same_div or hits >= 2))
        or (hits >= 3 and ratio >= 0.75 and (same_bureau or name >= 0.5))
        or (is_official and (name >= 0.35 or hits >= 1))
    )
    return {"name": round(name, 3), "terms": terms, "text": text, "part": part, "request_match": req, "budget_hits": hits, "budget_compared": n, "same_division": same_div,
            "same_bureau": same_bureau, "official": is_official, "score": round(score, 3), "asserted": asserted}


def link_years(later: Iterable[Record], earlier: Iterable[Record], later_year: int,
               method: str = "evidence") -> dict:
    """Add lineage links from each ``later`` sheet (review year ``later_year``) to ``earlier`` sheets."""
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
        already = {(lk["fiscal_year"], match_key(lk["number"])) for lk in links if lk.get("status") == "asserted"}
        official = official_numbers(rec, earlier_year)
        if not block:
            stats["none"] += 1
            continue
        scored = []
        for i in block.candidates(rec, official, later_year):
            e = block.recs[i]
            ev = score_pair(rec, e, later_year, official)
            scored.append((ev["asserted"], ev["score"], _number(e), e, ev))
        scored.sort(key=lambda x: (not x[0], -x[1], x[2]))
        chosen = [s for s in scored if s[0]]
        for s in scored:
            if s[4]["official"]:
                stats["official_confirmed" if s[0] else "official_contradicted"] += 1
                if not s[0]:
                    rec.setdefault("warnings", []).append({
                        "code": "official_number_contradicted",
                        "message": f"旧事業番号 names {s[2]} ({earlier_year}) but the evidence disagrees: "
                                   f"name {s[4]['name']}, budget {s[4]['budget_hits']}/{s[4]['budget_compared']}",
                        "field": "lineage"})
        if not chosen and te.ENABLED:
            chosen = te.by_meaning(scored)
        status = "asserted" if chosen else None
        if not chosen and scored and scored[0][1] >= MIN_CANDIDATE_SCORE:
            chosen, status = [scored[0]], "candidate"
        elif not chosen:
            stats["none"] += 1
            continue
        if len(chosen) > 1:
            stats["multi"] += 1
        stats[status] += 1
        for _, score, number, e, ev in chosen:
            if (earlier_year, match_key(number)) in already:
                continue
            ev = {k: v for k, v in ev.items() if k not in ("asserted", "score")}
            links.append({"fiscal_year": earlier_year, "ministry": e["ministry"], "number": number,
                          "status": status, "score": score, "evidence": ev, "method": method})
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
    for year in sorted(by_year):
        if year - 1 not in by_year:
            continue
        todo = [r for r in by_year[year]
                if not any(lk.get("fiscal_year") == year - 1 and lk.get("status") == "asserted"
                           for lk in r.get("lineage") or [])]
        out["years"][year] = link_years(todo, by_year[year - 1], year)
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
