"""Law names -> 法令ID on RS 1-3 of every ministry: prints the share resolved to the ID RS gives, and the misses.

usage: python bench/bench_laws.py [RS_1-3 zip or csv] [--misses N] [--per-ministry]

Distinct (法令名, 法令ID) pairs; RS's 法令ID (or its 法令番号) decides the true law. Laws after the bundled
2020-03 list are learned first from the same file (LawIndex.register_alias keyed by 法令番号), as the build does;
with --learn other (the default) a ministry's names are resolved without the titles only it printed, and the
figure is printed twice: over every pair, and over the laws someone else could know (in the 2020 list, renamed
ones included through kg/data/law_renames.tsv, or printed by another ministry).
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.link.laws import RENAMES, LawIndex, _key, read_abbreviations  # noqa: E402
from kg.normalize.law_ref import clean_name  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "rs2024" / "1-3_RS_2024_基本情報_政策・施策、法令等.zip"


def rows(path: Path) -> list[dict]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.endswith(".csv"))
            raw = z.read(name)
    else:
        raw = path.read_bytes()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def fresh(base: LawIndex) -> LawIndex:
    idx = LawIndex(list({law.law_id: law for law in base.by_id.values()}.values()), None)
    idx.abbreviations = dict(base.abbreviations)
    idx.add_renames(read_abbreviations(RENAMES))
    return idx


def learn(idx: LawIndex, rs: list[dict]) -> None:
    for r in rs:
        if r.get("法令ID", "").strip():
            idx.register_alias(r["法令ID"].strip(), r.get("法令番号", "").strip() or None, r.get("法令名", "").strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--misses", type=int, default=40)
    ap.add_argument("--learn", choices=["none", "other", "all"], default="other",
                    help="learn IDs and titles from RS 1-3 rows: of no ministry, of the other ministries "
                         "(default: a ministry's names are resolved with titles the others wrote), or of all")
    a = ap.parse_args()
    rs = rows(Path(a.path))
    base = LawIndex.load()
    pairs: dict[tuple, str] = {}
    for r in rs:
        name, law_id = r.get("法令名", "").strip(), r.get("法令ID", "").strip()
        if name and law_id:
            pairs.setdefault((name, law_id, r.get("法令番号", "").strip()), r.get("府省庁", ""))
    by_ministry: dict[str, list[tuple]] = {}
    for k, m in sorted(pairs.items()):
        by_ministry.setdefault(m, []).append(k)
    truth = fresh(base)
    learn(truth, rs)  # the true law of a row is decided with everything RS says
    shared = fresh(base)
    taught: dict[str, set[str]] = {}  # learned title key -> the ministries that printed it beside an ID
    if a.learn != "none":
        before = set(shared.by_title)
        for r in rs:
            if r.get("法令ID", "").strip():
                shared.register_alias(r["法令ID"].strip(), r.get("法令番号", "").strip() or None,
                                      r.get("法令名", "").strip())
                for k in set(shared.by_title) - before:
                    taught.setdefault(k, set())
                before = set(shared.by_title)
                k = _key(clean_name(r.get("法令名", "")))
                if k in taught:
                    taught[k].add(r.get("府省庁", ""))
    # who names each law (by its canonical ID): a law neither in the 2020 list nor in another ministry's rows
    # cannot be resolved by anyone in the leave-one-ministry-out test (the fair figure leaves it out)
    printed_by: dict[str, set[str]] = {}
    for (_name, law_id, number), m in pairs.items():
        want = truth.canonical_id(law_id) or (truth.resolve_number(number).law_id if number else None)
        if want:
            printed_by.setdefault(want, set()).add(m)
    t0 = time.time()
    total = ok = unknown = fair = fair_ok = 0
    misses = []
    for ministry, keys in by_ministry.items():
        idx = shared
        hidden = {}
        if a.learn == "other":  # titles only this ministry taught are unknown while resolving its own names
            hidden = {k: idx.by_title.pop(k) for k, who in taught.items() if who == {ministry} and k in idx.by_title}
            idx._sudachi = idx._grams = None
        for (name, law_id, number) in keys:
            want = truth.canonical_id(law_id) or (truth.resolve_number(number).law_id if number else None)
            if want is None:
                unknown += 1
                continue
            total += 1
            got = idx.resolve(name)
            resolvable = base.canonical_id(want) is not None or bool(printed_by.get(want, set()) - {ministry})
            fair += resolvable
            if got.law_id == want:
                ok += 1
                fair_ok += resolvable
            else:
                misses.append((name, law_id, got.law_id, got.method, ministry,
                               "" if resolvable else " (no other source names it)"))
        if hidden:
            idx.by_title.update(hidden)
            idx._sudachi = idx._grams = None
    dt = time.time() - t0
    print(f"learning: {a.learn}; RS 1-3 rows {len(rs)}, {len(by_ministry)} ministries; distinct (name, ID) pairs "
          f"with a decidable law {total} (+{unknown} whose ID and number are unknown)")
    print(f"resolved to RS's law: {ok}/{total} = {100 * ok / max(total, 1):.2f}%  ({dt:.1f} s)")
    if a.learn == "other":
        print(f"only laws in the 2020 list or printed by another ministry: {fair_ok}/{fair} = "
              f"{100 * fair_ok / max(fair, 1):.2f}%  ({total - fair} pairs name a law no other source names)")
    print(f"IDs not learned (their title names another law of the list): {len(shared.conflicts)}; "
          f"internal errors while resolving: {len(shared.errors)}")
    for c in shared.conflicts[:10]:
        print("  DOUBTFUL ID", c)
    wrong = sum(1 for m in misses if m[2])
    print(f"misses: {len(misses)} ({wrong} resolved to another law, {len(misses) - wrong} unresolved)")
    for m in misses[: a.misses]:
        print("  MISS", m[4], "|", m[0], "| want", m[1], "| got", m[2], m[3] + m[5])


if __name__ == "__main__":
    main()
