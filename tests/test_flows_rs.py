"""Issue 18 on the RS 2024 download (every ministry): block -> block flows and chain depths in the graph agree
with a count made here, independently, from the 5-2 CSV; payee-sources finds a corporation paid only through
再委託, with its depth."""
from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter, defaultdict

import pyoxigraph as ox
import pytest

from kg.emit.rdf import emit
from kg.link.flows import flow_report
from kg.query.store import named_queries, run_query
from kg.sources.rs import iter_rs
from tests.conftest import shared_path

BASE = "https://kg.example.org/"
KG = "https://kg.example.org/ns#"


def _csv(folder, code: str):
    """Rows of one RS file, from the zip of the full download or the CSV of the 総務省 folder."""
    for p in sorted(folder.iterdir()):
        if p.name.startswith(f"{code}_RS_2024_"):
            if p.suffix == ".zip":
                with zipfile.ZipFile(p) as z:
                    yield from csv.DictReader(io.TextIOWrapper(z.open(z.infolist()[0]), encoding="utf-8-sig"))
            else:
                with p.open(encoding="utf-8-sig", newline="") as f:
                    yield from csv.DictReader(f)
            return
    pytest.fail(f"{folder}: no {code} file")


def independent_chains(folder) -> tuple[set, set, dict]:
    """From 5-2 alone: block -> block pairs, organisation -> block pairs, and the depth of every block reached
    (breadth first from the blocks the organisation pays), per 予算事業ID (those in 1-2)."""
    ids = {r["予算事業ID"] for r in _csv(folder, "1-2")}
    block_pairs, org_pairs = set(), set()
    for r in _csv(folder, "5-2"):
        rid, to = r["予算事業ID"], r["支出先の支出先ブロック"].strip()
        if rid not in ids or not to:
            continue
        if r["担当組織からの支出"].strip().upper() == "TRUE":
            org_pairs.add((rid, to))
        elif r["支出元の支出先ブロック"].strip():
            block_pairs.add((rid, r["支出元の支出先ブロック"].strip(), to))
    down = defaultdict(set)
    for rid, a, b in block_pairs:
        down[(rid, a)].add(b)
    depth: dict[tuple[str, str], int] = {}
    level = {(rid, to) for rid, to in org_pairs}
    d = 1
    while level:
        nxt = set()
        for key in level:
            if key not in depth:
                depth[key] = d
                nxt |= {(key[0], b) for b in down[key]}
        level, d = nxt, d + 1
    return block_pairs, org_pairs, depth


@pytest.fixture(scope="module")
def rs_records():
    return list(iter_rs(shared_path("data", "rs2024")))


def test_rs_2024_block_flows_and_depths_match_the_5_2_csv(rs_records):
    block_pairs, org_pairs, depth = independent_chains(shared_path("data", "rs2024"))
    assert len(block_pairs) > 6000 and len(org_pairs) > 13000  # every ministry, not only 総務省
    # what the graph says: MoneyFlow nodes from a block / from the organisation, and kg:chainDepth per block
    flows_from_block, flows_from_org, depths = set(), set(), Counter()
    for rec in rs_records:
        rid = rec["extra"]["rs_id"]
        for q in emit(rec, BASE):
            p = q.predicate.value
            if p == KG + "flowFrom":
                to = q.subject.value.rsplit("/flow/", 1)[1].split("-", 1)[1]
                if "/block/" in q.object.value:
                    flows_from_block.add((rid, q.object.value.rsplit("/block/", 1)[1], to))
                else:
                    flows_from_org.add((rid, to))
            elif p == KG + "chainDepth":
                depths[int(q.object.value)] += 1
    assert flows_from_block == block_pairs
    assert flows_from_org == org_pairs
    assert depths == Counter(depth.values())
    assert depths[3] > 0 and max(depths) >= 4  # 再々委託 and deeper chains exist
    report = flow_report(rs_records)
    assert report["block_flows"] == len(block_pairs)
    assert report["flows_from_organisation"] == len(org_pairs)
    assert {int(k): v for k, v in report["blocks_by_depth"].items() if k != "unknown"} == dict(Counter(depth.values()))
    assert 0 < report["subcontract_money_ambiguous_share"] < 1


def test_rs_2024_5_4_contracts_and_indirect_costs_are_kept(rs_records):
    rows = [r for r in _csv(shared_path("data", "rs2024"), "5-4")
            if r["支出先ブロック（国庫債務負担行為等による契約）"].strip()]
    contracts = sum(len(b.get("contracts") or []) for r in rs_records for b in r.get("blocks") or [])
    assert contracts == len(rows) > 0
    indirect = [r for r in _csv(shared_path("data", "rs2024"), "5-2")
                if r["国自らが支出する間接経費"].strip() or r["国自らが支出する間接経費の項目"].strip()]
    assert sum(len(r.get("indirect_costs") or []) for r in rs_records) == len(indirect)


def test_payee_sources_finds_a_corporation_paid_only_through_subcontracting():
    folder = shared_path("data", "rs2024-soumu")
    _, _, depth = independent_chains(folder)
    seen: dict[str, set] = defaultdict(set)  # 法人番号 -> {(id, block, depth)} from 5-3 (its payees) alone
    for r in _csv(folder, "5-3"):
        num, block = r["法人番号"].strip(), r["支出先ブロック番号"].strip()
        if len(num) == 13 and block:
            seen[num].add((r["予算事業ID"], block, depth.get((r["予算事業ID"], block))))
    only_sub = sorted(n for n, s in seen.items() if all(d is not None and d >= 2 for _, _, d in s))
    assert only_sub, "the 総務省 rows hold corporations paid only through 再委託"
    number = only_sub[0]
    store = ox.Store()
    for rec in iter_rs(folder):
        store.extend(emit(rec, BASE))
    text = named_queries()["payee-sources"].read_text(encoding="utf-8")
    variables, rows = run_query(store, text, {"corp": number})
    got = {(r[variables.index("sheet")].rsplit("/", 1)[1], r[variables.index("block")].rsplit("/", 1)[1],
            int(r[variables.index("depth")])) for r in rows}
    assert got == seen[number]
    for r in rows:
        d = dict(zip(variables, r, strict=True))
        steps = d["chain"].split(" <- ")
        assert len(steps) == int(d["depth"])  # the paying blocks and the organisation (0:…) above it
        assert sorted(int(s.split(":", 1)[0]) for s in steps) == list(range(int(d["depth"])))
