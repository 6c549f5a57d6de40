"""`kg add` of one document on a built store (issue 22): wall and CPU seconds per case and per step.

    python bench/bench_add.py DIR [--runs 2] [--work DIR] [--only new,frequent,changed,unchanged]

DIR is a `kg build` output folder (store/ and report.json); it is never written. Every run works on a fresh copy:
a RocksDB checkpoint of DIR/store (hard links, so --work must be on the same file system; default: a folder next
to DIR), a copy of report.json and an empty graph.nq (kg add only appends to it). Each run is a fresh Python
process, as `kg add` is: the import of kg is timed apart ("import"), then kg.build.incremental.add_documents.

Cases, all made from seed 003 (a 令和3年度 総務省 review sheet in Excel text, 13 payee-list rows):
- new: the sheet under a 事業番号 the store does not hold (a new sheet, new payee rows);
- frequent: the same new sheet with its payees replaced by the corporations with the most payee-list rows in the
  store (read from the all-years ranking): the worst case for the rankings;
- changed: seed 003 itself with one amount and one payee name changed (replaces the sheet the store holds);
- unchanged: seed 003 as it is (already in the store: the same graph again).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "003_dbf95f44c3587854.txt"
CASES = ("new", "frequent", "changed", "unchanged")

_CHILD = r"""
import json, sys, time
w0, c0 = time.perf_counter(), time.process_time()
from kg.build.incremental import add_documents
import kg.build.pipeline, kg.emit.rdf, kg.link  # what kg add imports anyway
imp = (time.perf_counter() - w0, time.process_time() - c0)
w1, c1 = time.perf_counter(), time.process_time()
res = add_documents([sys.argv[1]], sys.argv[2])
out = {"import": imp, "add": (time.perf_counter() - w1, time.process_time() - c1), "phases": res.get("phases", {}),
       "quads": res["quads"], "replaced": res["graphs_replaced"], "rankings": res["rankings"]}
print(json.dumps(out))
"""


def frequent_corporations(store_dir: Path, n: int) -> list[tuple[str, str]]:
    """(法人番号, name) of the ``n`` corporations with the most payee-list rows among the all-years ranking."""
    import pyoxigraph as ox

    st = ox.Store.read_only(str(store_dir))
    q = """PREFIX kg: <https://kg.example.org/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?payee ?rows ?name WHERE { ?e kg:inRanking ?r ; kg:rankedPayee ?payee ; kg:rows ?rows .
      FILTER(STRENDS(STR(?r), "/ranking/payees/all/all")) FILTER(CONTAINS(STR(?payee), "/corp/"))
      OPTIONAL { ?payee rdfs:label ?name } } ORDER BY DESC(?rows) ?payee"""
    out: dict[str, str] = {}
    for s in st.query(q, use_default_graph_as_union=True):
        num = s["payee"].value.rsplit("/", 1)[-1]
        if num not in out:
            out[num] = s["name"].value if s["name"] is not None else f"法人{num}"
        if len(out) == n:
            break
    del st
    return list(out.items())


def unused_number(store_dir: Path) -> str:
    """A 事業番号 2021-総務-20-NNNN whose sheet the store does not hold (earlier benches added some)."""
    import pyoxigraph as ox

    from kg import iris

    st = ox.Store.read_only(str(store_dir))
    try:
        for n in range(9990, 9000, -1):
            node = ox.NamedNode(iris.sheet(iris.DEFAULT_BASE, 2021, "総務省", f"2021-総務-20-{n}"))
            if next(iter(st.quads_for_pattern(node, None, None)), None) is None:
                return str(n)
    finally:
        del st
    raise SystemExit("no unused 事業番号 2021-総務-20-9xxx in the store")


def make_documents(folder: Path, store_dir: Path) -> dict[str, Path]:
    text = SEED.read_text(encoding="utf-8")
    new = re.sub(r"(事業番号\s*2021 - 総務 - 20 - )0095", r"\g<1>" + unused_number(store_dir), text, count=1)
    docs = {"unchanged": SEED}
    (folder / "new").mkdir()
    docs["new"] = folder / "new" / "bench-add-new-sheet.txt"
    docs["new"].write_text(new, encoding="utf-8")
    # payee-list rows are "rank<TAB>name<TAB>法人番号<TAB>..." lines: give each a frequent corporation
    corps = frequent_corporations(store_dir, 13)
    lines, i = [], 0
    for line in new.splitlines(keepends=True):
        m = re.match(r"^(\d+)\t([^\t]+)\t([^\t]*)\t", line)
        if m and corps:
            num, name = corps[i % len(corps)]
            i += 1
            line = f"{m.group(1)}\t{name}\t{num}\t" + line[m.end():]
        lines.append(line)
    (folder / "frequent").mkdir()
    docs["frequent"] = folder / "frequent" / "bench-frequent-payees.txt"
    docs["frequent"].write_text("".join(lines), encoding="utf-8")
    (folder / "changed").mkdir()
    docs["changed"] = folder / "changed" / SEED.name  # same file name: replaces the sheet the store holds
    changed = re.sub(r"(\tタイムスタンプ認定制度に関する調査\t)18\t", r"\g<1>21\t", text, count=1)
    changed = changed.replace("Asia Wise法律事務所\t-", "Asia Wise法律事務所（改）\t-", 1)
    docs["changed"].write_text(changed, encoding="utf-8")
    return docs


def fresh_copy(src: Path, work: Path, law_cache: Path) -> Path:
    import pyoxigraph as ox

    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    st = ox.Store.read_only(str(src / "store"))
    st.backup(str(work / "store"))
    del st
    shutil.copy(src / "report.json", work / "report.json")
    for name in ("payee-cells.sqlite", "payee-cells.delta.json"):
        if (src / name).exists():
            shutil.copy(src / name, work / name)
    (work / "cache").mkdir()
    for f in law_cache.glob("law-index-*.pickle"):
        shutil.copy(f, work / "cache" / f.name)
    (work / "graph.nq").write_bytes(b"")
    return work


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path, help="a kg build folder (store/, report.json); not written")
    ap.add_argument("--runs", type=int, default=2, help="runs per case, each on a fresh copy (default 2)")
    ap.add_argument("--work", type=Path, help="scratch folder on the same file system (default: next to DIR)")
    ap.add_argument("--only", default=",".join(CASES), help="comma-separated cases")
    ap.add_argument("--no-law-cache", action="store_true", help="no pickled law index in the copies (a first kg add)")
    args = ap.parse_args()
    src = args.dir.resolve()
    if not (src / "store").is_dir():
        sys.exit(f"no store under {src}")
    work_root = Path(tempfile.mkdtemp(prefix=".bench-add-", dir=args.work or src.parent))
    try:
        docs = make_documents(Path(tempfile.mkdtemp(dir=work_root)), src / "store")
        # the law index as the first kg add on a build pickles it (kg.link.laws.LawIndex.load(cache_dir=...)):
        # every run below starts with it in DIR/cache, as every kg add after the first does
        law_cache = work_root / "law-cache"
        if not args.no_law_cache:
            subprocess.run([sys.executable, "-c", "import sys; from kg.link.laws import LawIndex; "
                            "LawIndex.load(cache_dir=sys.argv[1])", str(law_cache)], cwd=ROOT, check=True)
        cells = (src / "payee-cells.sqlite").exists()
        print(f"store {src}; each case on a fresh checkpoint; wall / CPU seconds; payee cells "
              f"{'present' if cells else 'absent (rankings from the live aggregate)'}; law index "
              f"{'pickled' if not args.no_law_cache else 'built in each run'}")
        for case in [c for c in args.only.split(",") if c]:
            for run in range(1, args.runs + 1):
                out = fresh_copy(src, work_root / "out", law_cache)
                t0 = time.perf_counter()
                r = subprocess.run([sys.executable, "-c", _CHILD, str(docs[case]), str(out)], cwd=ROOT,
                                   capture_output=True, text=True)
                total = time.perf_counter() - t0
                if r.returncode != 0:
                    print(f"{case} run {run}: failed\n{r.stderr[-3000:]}")
                    break
                res = json.loads(r.stdout.strip().splitlines()[-1])
                (w, c), (iw, ic) = res["add"], res["import"]
                rk = res["rankings"]
                print(f"\n{case} run {run}: add {w:.3f} s wall / {c:.3f} s CPU (process {total:.2f} s; import "
                      f"{iw:.2f} / {ic:.2f} s); {res['quads']} quads, {res['replaced']} graphs replaced, "
                      f"payee rows changed {rk['rows_changed']}, rankings updated {rk['rankings_updated']}, "
                      f"stale {len(rk['stale_rankings'])}")
                for name, v in sorted(res["phases"].items(), key=lambda kv: -kv[1]["wall"]):
                    print(f"  {name:<16} {v['wall']:7.3f} {v['cpu']:7.3f}")
    finally:
        shutil.rmtree(work_root, ignore_errors=True)


if __name__ == "__main__":
    main()
