"""Programs across years from the sheets' own 関連する過去のレビューシートの事業番号.

Each past number with a known review year becomes a link from the sheet to the earlier sheet
(year, ministry, number), with evidence: the official past number is the signal; when the earlier
sheet is in the build, its name similarity is recorded and a contradiction (very different name) is
reported as a warning and the link demoted to `candidate`. Programs are the connected components of
asserted links; the program key is the earliest sheet key of the component.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from kg import iris
from kg.link.findings import note
from kg.link.sheets import SheetKey, SheetLookup, sheet_key
from kg.normalize.names import similarity
from kg.normalize.text import nfkc
from kg.records import Record, warn

if TYPE_CHECKING:
    from kg.link.store_index import StoreSheetIndex

NAME_CONTRADICTION = 0.35  # below this name similarity the official number is doubted (reported)


def link_past_numbers(records: list[Record], index: SheetLookup) -> dict:
    stats = {"links": 0, "asserted": 0, "candidate": 0, "target_in_build": 0, "without_year": 0}
    for rec in records:
        if rec.get("document_type") != "review_sheet" or not rec.get("ministry"):
            continue
        links = rec.setdefault("lineage", [])
        known = {(lk["fiscal_year"], lk["number"]) for lk in links}
        for i, p in enumerate(rec.get("past_project_numbers") or []):
            if p.get("fiscal_year") is None:
                stats["without_year"] += 1
                continue
            if (p["fiscal_year"], p["number"]) in known:
                continue
            key, targets, sim = _past_target(rec, p, index)
            evidence: dict = {"official_past_number": p["number"]}
            if key[1] != rec["ministry"]:
                evidence["printed_ministry"] = key[1]
                stats["printed_ministry"] = stats.get("printed_ministry", 0) + 1
            status, score = "asserted", 0.9
            if targets:
                stats["target_in_build"] += 1
                evidence["name_similarity"] = round(sim, 3)
                if sim < NAME_CONTRADICTION:
                    status, score = "candidate", 0.5
                    warn(rec, "lineage_contradiction",
                         f"past number {p['number']} ({p['fiscal_year']}) names a sheet with a different name "
                         f"({targets[0].get('project_name')!r}, similarity {sim:.2f})", field="past_project_numbers")
                    note(rec, "past_number_contradicted", year=key[0], number=key[2], similarity=round(sim, 3),
                         field=f"past_project_numbers[{i}]")
                else:
                    score = round(min(1.0, 0.8 + 0.2 * sim), 3)
            links.append({"fiscal_year": key[0], "ministry": key[1], "number": key[2], "status": status,
                          "score": score, "evidence": evidence, "method": "past_number"})
            known.add((key[0], key[2]))
            stats["links"] += 1
            stats[status] += 1
    return stats


def _past_target(rec: Record, p: dict, index: SheetLookup) -> tuple[SheetKey, list[Record], float]:
    """The earlier sheet a past number names: under the ministry printed beside the number (JUDGIT's 府省庁 of
    関連する過去のレビューシート; a program moved between ministries, 内閣官房 taking over 総務省's systems in 2020),
    unless the sheet's own ministry holds a sheet of that number with a closer name (the printed ministry was a
    slip). Without a printed ministry, or with neither sheet in the build, the printed one (the source) wins."""
    year, name = int(p["fiscal_year"]), rec.get("project_name") or ""
    own: SheetKey = (year, rec["ministry"], p["number"])
    printed = nfkc(p.get("ministry") or "") or rec["ministry"]
    keys = [(year, printed, p["number"])] + ([own] if printed != rec["ministry"] else [])
    best: tuple[SheetKey, list[Record], float] | None = None
    for k in keys:
        targets = index.get(k)
        if not targets:
            continue
        sim = max(similarity(name, t.get("project_name") or "") for t in targets)
        if best is None or sim > best[2]:
            best = (k, targets, sim)
    return best or (keys[0], [], 0.0)


def assign_programs(records: list[Record]) -> int:
    """Union-find over asserted lineage links; sets rec['program_key'] to the component's earliest key."""
    parent: dict[SheetKey, SheetKey] = {}

    def find(k: SheetKey) -> SheetKey:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: SheetKey, b: SheetKey) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb), key=_order)
            parent[hi] = lo

    keyed = []
    for rec in records:
        k = sheet_key(rec)
        if not k:
            # a sheet that prints no 事業番号 still joins the program of the sheets it continues: a surrogate
            # key (never emitted) that sorts after every real number of its year
            if rec.get("sheet_fiscal_year") is None or not rec.get("ministry") or not rec.get("project_name"):
                continue
            k = (int(rec["sheet_fiscal_year"]), rec["ministry"], "\uffff" + (rec.get("source") or "") + "|"
                 + rec["project_name"])
        keyed.append((rec, k))
        find(k)
        for lk in rec.get("lineage") or []:
            if lk.get("status") == "asserted":
                union(k, (lk["fiscal_year"], lk["ministry"], lk["number"]))
    for rec, k in keyed:
        root = find(k)
        if not root[2].startswith("\uffff"):
            rec["program_key"] = list(root)
        # else: no numbered sheet in the component; the emitter names the program after the sheet itself
    return len({find(k) for _, k in keyed})


def _order(k: SheetKey) -> tuple:
    # the program is named after its earliest numbered sheet; surrogate keys (sheets without a number) only
    # name nothing
    return (k[2].startswith("\uffff"), k[0], k[1], k[2])


class ProgramCandidate(NamedTuple):
    """A program a sheet may join; the least (year, ministry, number) names it (the earliest sheet)."""
    year: int
    ministry: str
    number: str
    iri: str


def join_programs(records: list[Record], index: StoreSheetIndex) -> int:
    """`kg add`'s counterpart of assign_programs: each new sheet's program as a full build would name it, after
    the earliest sheet of its lineage, where a linked sheet already in the store brings its own program (a full
    build may also rename that program when the new document reaches further back; `kg build` settles it).
    A sheet already in the store under the same key (another source) keeps that sheet's program (a warning says
    so). Sets rec['program_iri']; returns how many asserted links joined a program already in the store."""
    base = index.base
    joined = 0
    for rec in records:
        if rec.get("document_type") != "review_sheet":
            continue
        cands: list[ProgramCandidate] = []
        for lk in rec.get("lineage") or []:
            if lk.get("status") != "asserted":
                continue
            prog = index.program_of(iris.sheet(base, lk["fiscal_year"], lk["ministry"], lk["number"]))
            if prog:
                joined += 1
                cands.append(ProgramCandidate(_year_of(prog), "", "", prog))
            else:
                key = [int(lk["fiscal_year"]), lk["ministry"], lk["number"]]
                cands.append(ProgramCandidate(key[0], key[1], key[2], iris.program(base, key)))
        own = sheet_key(rec)
        if own:
            cands.append(ProgramCandidate(own[0], own[1], own[2], iris.program(base, list(own))))
        if cands:
            rec["program_iri"] = min(cands).iri
        if own:
            twin = index.get(own)
            if twin:
                warn(rec, "added_to_existing_sheet", f"sheet {own[2]} ({own[0]}, {own[1]}) is already in the store "
                     f"(another source); this document's facts are added to it", field="project_number")
                rec["program_iri"] = index.program_of(twin[0]["iri"]) or rec.get("program_iri")
    return joined


def _year_of(program_iri: str) -> int:
    try:
        return int(program_iri.split("/program/", 1)[1].split("/", 1)[0])
    except (IndexError, ValueError):
        return 10**6
