"""Gold facts recovered per format (issue 17): the measure the maintainers apply to real held-out sheets.

    python bench/format_facts.py DIR [--misses N] [--keys]

DIR is a folder written by `python -m tests.fixtures.review_sheets DIR [FIRST LAST [no-totals]]` (each sheet as
.xlsx, a LibreOffice and a reportlab PDF, and the text pdfminer.six, pdftotext and pdfplumber get out of each), or
by `python -m tests.fixtures.seed_prints DIR` (the real review sheets among the seeds printed as a form by
LibreOffice: there the reference is the seed's gold record, and the .xlsx is scored like the other formats).
The reference of every generated sheet is its .xlsx record (tests/test_pdf_formats.py checks it holds the generated facts),
cut to the gold schema (../shared/gold/SCHEMA.md: the keys the gold records carry, `source` left out) and
flattened into facts as ../shared/tools/gold_score.py does — a fact is a (path, value) pair, list items matched
by their identity fields (past project numbers by number and, when the reference lists a number for two years, by
number and year: see paired_facts). Each other format of the sheet is scored the same way: a fact is recovered when the
format gives that value, wrong when it gives another, absent when it gives none; a fact the format gives that the
reference has no place for (a list item of its own: a law, plan or payee row the sheet does not hold) is extra —
as wrong as a wrong value. Prints one line per format (facts recovered / facts, %, wrong, absent, extra), then with --keys the misses per top-level key, and with --misses N
the first N misses of each format.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _gold_score():
    path = SHARED / "tools" / "gold_score.py"
    if not path.exists():
        sys.exit(f"format_facts: {path} is missing (the shared data folder must sit beside the project)")
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_schema() -> dict:
    """The keys the gold review-sheet records carry, nested: {key: sub-schema or None}."""
    def merge(schema: dict, obj: dict) -> None:
        for k, v in obj.items():
            dicts = [it for it in (v if isinstance(v, list) else [v]) if isinstance(it, dict)]
            if dicts:
                sub = schema[k] = schema[k] if isinstance(schema.get(k), dict) else {}
                for it in dicts:
                    merge(sub, it)
            else:
                schema.setdefault(k, None)
    schema: dict = {}
    for g in sorted((SHARED / "gold").glob("*.json")):
        rec = json.loads(g.read_text(encoding="utf-8"))
        if rec.get("document_type") == "review_sheet":
            merge(schema, rec)
    schema.pop("source", None)
    return schema


def project(obj, schema):
    """``obj`` cut to ``schema`` (the gold's keys)."""
    if isinstance(obj, list):
        return [project(x, schema) for x in obj]
    if isinstance(obj, dict) and isinstance(schema, dict):
        return {k: project(obj.get(k), sub) for k, sub in schema.items()}
    return obj


PAST = "past_project_numbers"


def _past_idents(ref: list, got: list, norm) -> tuple[list[str], list[str]]:
    """The identity of each reference and each extracted past-number item. gold_score keys them by number alone,
    so a sheet listing one number for two years (「0083」 in 2015 and 2019) folds both into one fact and a true
    pairing can count as wrong. A number the reference lists once keys by number (a wrong year stays a wrong
    value); one it lists more than once keys by number|year, and each extracted item of that number takes the
    identity of the reference item it pairs with: the one of its own year first, then the rest in order. An
    extracted item left over (a number or a year the reference does not hold) keeps an identity of its own: extra."""
    def num(it):
        return str(norm(it.get("number"))) if isinstance(it, dict) else str(norm(it))

    def year(it):
        return str(norm(it.get("fiscal_year"))) if isinstance(it, dict) else "None"

    count, seen = Counter(num(it) for it in ref), Counter()
    ref_ids = []
    for it in ref:  # the same number and year listed twice (a copied row) stays two items
        ident = num(it) if count[num(it)] == 1 else f"{num(it)}|{year(it)}"
        seen[ident] += 1
        ref_ids.append(ident if seen[ident] == 1 else f"{ident}#{seen[ident]}")
    free = list(range(len(ref)))
    got_ids: list[str | None] = [None] * len(got)
    for exact in (True, False):
        for j, it in enumerate(got):
            if got_ids[j] is not None:
                continue
            for i in free:
                if num(ref[i]) == num(it) and (not exact or year(ref[i]) == year(it)):
                    got_ids[j] = ref_ids[i]
                    free.remove(i)
                    break
    taken = Counter()
    for j, it in enumerate(got):
        if got_ids[j] is None:
            taken[num(it)] += 1
            got_ids[j] = f"{num(it)}|{year(it)}|+{taken[num(it)]}"
    return ref_ids, got_ids


def paired_facts(gs, ref: dict, got: dict | None) -> tuple[dict, dict]:
    """The facts of the reference and of an extracted record (gold_score.facts), past project numbers keyed by
    _past_idents so that a number listed for two years is two facts each side."""
    def split(rec: dict) -> tuple[dict, list]:  # a list of past numbers apart; None or absent stays a fact of its own
        past = rec.get(PAST)
        return ({k: v for k, v in rec.items() if k != PAST}, past) if isinstance(past, list) else (rec, [])

    rest, ref_past = split(ref)
    want = gs.facts(rest)
    rest, got_past = split(got or {})
    have = gs.facts(rest) if got else {}
    ref_ids, got_ids = _past_idents(ref_past, got_past, gs.norm)
    for out, items, ids in ((want, ref_past, ref_ids), (have, got_past, got_ids)):
        for it, ident in zip(items, ids, strict=True):
            out.update(gs.facts(it, f"/{PAST}[{ident}]"))
    return want, have


def record(path: Path) -> dict | None:
    from kg.extract.dispatch import ExtractError, extract_path
    from kg.read.base import ReadError

    try:
        return json.loads(json.dumps(extract_path(str(path)), ensure_ascii=False, default=str))
    except (ReadError, ExtractError) as e:
        print(f"  {path.name}: {e}", file=sys.stderr)
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--misses", type=int, default=0, help="misses to list per format")
    ap.add_argument("--keys", action="store_true", help="misses per top-level key and format")
    ap.add_argument("--formats", default="", help="comma-separated formats to score only (e.g. lo.pdfminer,rl.pdfminer)")
    a = ap.parse_args()
    only = {f for f in a.formats.split(",") if f}
    gs = _gold_score()
    schema = gold_schema()
    tally: dict[str, Counter] = defaultdict(Counter)
    by_key: dict[str, Counter] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    for d in a.dirs:
        for xlsx in sorted(d.glob("*.xlsx")):
            name = xlsx.stem
            gold = SHARED / "gold" / f"{name}.json"  # a real seed printed (tests/fixtures/seed_prints.py)
            ref = json.loads(gold.read_text(encoding="utf-8")) if gold.exists() else record(xlsx)
            if ref is None:
                continue
            ref = project(ref, schema)
            others = {p.name[len(name) + 1:].removesuffix(".txt"): p for p in d.glob(f"{name}.*")
                      if p != xlsx or gold.exists()}
            for producer in ("lo", "rl"):  # tests.fixtures.seed_prints.PRODUCERS' folders
                if (d / producer / f"{name}.pdf").exists():
                    others[f"{producer}.pdf"] = d / producer / f"{name}.pdf"
            for fmt, p in sorted(others.items()):
                if only and fmt not in only:
                    continue
                got = record(p)
                want, have = paired_facts(gs, ref, project(got, schema) if got else None)
                t = tally[fmt]
                t["sheets"] += 1
                for path, v in want.items():
                    t["facts"] += 1
                    h = have.get(path, _ABSENT)
                    if h == v:
                        t["ok"] += 1
                        continue
                    kind = "absent" if h is _ABSENT or h is None else "wrong"
                    t[kind] += 1
                    by_key[fmt][(path.split("/")[1].split("[")[0], kind)] += 1
                    misses[fmt].append(f"{name} {path}: want {v!r} got {'<absent>' if h is _ABSENT else repr(h)}")
                for path, h in have.items():  # a value the reference does not hold at all (a list item of its own)
                    if path not in want and h is not None:
                        t["extra"] += 1
                        by_key[fmt][(path.split("/")[1].split("[")[0], "extra")] += 1
                        misses[fmt].append(f"{name} {path}: want <absent> got {h!r}")
    print(f"{'format':16s} {'sheets':>6s} {'facts':>7s} {'recovered':>9s} {'%':>6s} {'wrong':>6s} {'absent':>6s} "
          f"{'extra':>6s}")
    for fmt, t in sorted(tally.items()):
        pct = 100.0 * t["ok"] / t["facts"] if t["facts"] else 0.0
        print(f"{fmt:16s} {t['sheets']:6d} {t['facts']:7d} {t['ok']:9d} {pct:6.1f} {t['wrong']:6d} {t['absent']:6d} "
              f"{t['extra']:6d}")
    if a.keys:
        for fmt, c in sorted(by_key.items()):
            print(f"\n{fmt}: " + ", ".join(f"{k} {kind} {n}" for (k, kind), n in sorted(c.items(), key=lambda x: -x[1])))
    for fmt, ms in sorted(misses.items()):
        for m in ms[:a.misses]:
            print(f"{fmt}: {m}")


_ABSENT = object()

if __name__ == "__main__":
    main()
